/*-------------------------------------------------------------------------
 * tuptable.h
 *    Tuple slots: the executor's unit of data flow.  A slot holds a
 *    "virtual" tuple (tts_values/tts_isnull arrays sized to the
 *    descriptor) and optionally the physical heap tuple it came from;
 *    slot_getallattrs/slot_getsomeattrs deform lazily, once.
 *
 *    Slots are created once per plan node (ExecInit*) and reused for every
 *    row: no per-row allocation.
 *-------------------------------------------------------------------------
 */
#ifndef TUPTABLE_H
#define TUPTABLE_H

#include "backend/utils/nodes.h"
#include "storage/htup.h"

typedef struct TupleTableSlot
{
    NodeTag     type;
    bool        tts_empty;
    bool        tts_shouldFree;     /* tts_tuple is palloc'd and owned */
    int         tts_nvalid;         /* # of leading values already deformed */
    TupleDesc   tts_tupleDescriptor;
    Datum      *tts_values;
    bool       *tts_isnull;
    HeapTuple   tts_tuple;          /* physical tuple, if any */
    HeapTupleData tts_tupdata;      /* storage for a tuple pointing into a page */
    ItemPointerData tts_tid;        /* where tts_tuple lives, for UPDATE/DELETE */
    Oid         tts_tableOid;
    MemoryContext tts_mcxt;
} TupleTableSlot;

#define TTS_EMPTY(slot) ((slot)->tts_empty)
#define TupIsNull(slot) ((slot) == NULL || (slot)->tts_empty)

extern TupleTableSlot *MakeSingleTupleTableSlot(TupleDesc tupdesc);
extern void ExecDropSingleTupleTableSlot(TupleTableSlot *slot);
extern TupleTableSlot *ExecClearTuple(TupleTableSlot *slot);
extern TupleTableSlot *ExecStoreVirtualTuple(TupleTableSlot *slot);
extern TupleTableSlot *ExecStoreHeapTuple(HeapTuple tuple, TupleTableSlot *slot, bool shouldFree);
extern void slot_getsomeattrs(TupleTableSlot *slot, int attnum);
extern void slot_getallattrs(TupleTableSlot *slot);
extern Datum slot_getattr(TupleTableSlot *slot, int attnum, bool *isnull);
extern HeapTuple ExecCopySlotHeapTuple(TupleTableSlot *slot);
extern void ExecCopySlot(TupleTableSlot *dst, TupleTableSlot *src);
extern void ExecMaterializeSlot(TupleTableSlot *slot);

#endif
