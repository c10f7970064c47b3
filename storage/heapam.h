/*-------------------------------------------------------------------------
 * heapam.h
 *    The heap access method: insert, delete, update, fetch and sequential
 *    scan of MVCC heap tuples in 8 KB slotted pages through the buffer
 *    manager.
 *
 * Concurrency: a writer that finds the target tuple being deleted/updated
 * by another in-progress transaction waits for it (XactLockTableWait) when
 * `wait` is true; if that transaction committed, the call returns
 * TM_Updated/TM_Deleted with tmfd->ctid pointing at the newer version so
 * the executor can re-check it (READ COMMITTED's EvalPlanQual).
 *-------------------------------------------------------------------------
 */
#ifndef HEAPAM_H
#define HEAPAM_H

#include "storage/htup.h"
#include "storage/rel.h"
#include "storage/snapshot.h"

typedef enum TM_Result
{
    TM_Ok,
    TM_Invisible,       /* not visible to the snapshot (should not happen) */
    TM_SelfModified,    /* already modified by this command or a later one */
    TM_Updated,         /* updated by a committed concurrent transaction */
    TM_Deleted,         /* deleted by a committed concurrent transaction */
    TM_BeingModified,   /* in-progress modifier and wait == false */
    TM_WouldBlock
} TM_Result;

typedef struct TM_FailureData
{
    ItemPointerData ctid;       /* newer version, when TM_Updated */
    TransactionId xmax;
    CommandId   cmax;
} TM_FailureData;

typedef enum ScanDirection
{
    BackwardScanDirection = -1,
    NoMovementScanDirection = 0,
    ForwardScanDirection = 1
} ScanDirection;

typedef struct HeapScanDescData *HeapScanDesc;

extern HeapScanDesc heap_beginscan(Relation relation, Snapshot snapshot);
/* Next visible tuple, or NULL.  The tuple stays valid until the next call. */
extern HeapTuple heap_getnext(HeapScanDesc scan, ScanDirection direction);
extern void heap_rescan(HeapScanDesc scan);
extern void heap_endscan(HeapScanDesc scan);

/* Fetch the tuple at tid if visible; result copied into CurrentMemoryContext. */
extern HeapTuple heap_fetch_copy(Relation relation, Snapshot snapshot, ItemPointer tid);

/* Sets xmin/cid/ctid and tup->t_self. */
extern void heap_insert(Relation relation, HeapTuple tup, CommandId cid);
extern TM_Result heap_delete(Relation relation, ItemPointer tid, CommandId cid,
                             Snapshot crosscheck, bool wait, TM_FailureData *tmfd);
extern TM_Result heap_update(Relation relation, ItemPointer otid, HeapTuple newtup,
                             CommandId cid, Snapshot crosscheck, bool wait,
                             TM_FailureData *tmfd);

/* Catalog convenience: insert/update/delete with the current command id,
 * then make the change visible to later commands of this transaction is the
 * caller's job (CommandCounterIncrement). */
extern void simple_heap_insert(Relation relation, HeapTuple tup);
extern void simple_heap_delete(Relation relation, ItemPointer tid);
extern void simple_heap_update(Relation relation, ItemPointer otid, HeapTuple tup);

/* Visibility (storage/heapam_visibility.c).  buffer must be pinned and locked. */
extern bool HeapTupleSatisfiesVisibility(HeapTuple htup, Snapshot snapshot, Buffer buffer);

/* Storage lifecycle for CREATE/DROP/TRUNCATE. */
extern void heap_create_storage(RelFileNode rnode);
extern void heap_drop_storage(RelFileNode rnode);     /* at commit of the drop */

#endif
