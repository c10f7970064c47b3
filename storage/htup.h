/*-------------------------------------------------------------------------
 * htup.h
 *    Heap tuples: the on-page tuple header (xmin, xmax, command id, ctid,
 *    flags, null bitmap) and the in-memory HeapTupleData that points at
 *    one.  Layout follows PostgreSQL's HeapTupleHeaderData, widened for
 *    64-bit transaction ids.
 *
 *    t_hoff is the MAXALIGN'd offset of the user data; the null bitmap
 *    (one bit per column, 1 = not null) follows the fixed header when
 *    HEAP_HASNULL is set.
 *-------------------------------------------------------------------------
 */
#ifndef HTUP_H
#define HTUP_H

#include "storage/tupdesc.h"

typedef struct ItemPointerData
{
    BlockNumber ip_blkid;
    OffsetNumber ip_posid;
} ItemPointerData;
typedef ItemPointerData *ItemPointer;

#define ItemPointerSet(p, blk, off) ((p)->ip_blkid = (blk), (p)->ip_posid = (off))
#define ItemPointerSetInvalid(p) ItemPointerSet(p, InvalidBlockNumber, InvalidOffsetNumber)
#define ItemPointerIsValid(p) ((p)->ip_posid != InvalidOffsetNumber)
#define ItemPointerGetBlockNumber(p) ((p)->ip_blkid)
#define ItemPointerGetOffsetNumber(p) ((p)->ip_posid)
#define ItemPointerEquals(a, b) ((a)->ip_blkid == (b)->ip_blkid && (a)->ip_posid == (b)->ip_posid)

typedef struct HeapTupleHeaderData
{
    TransactionId t_xmin;
    TransactionId t_xmax;
    CommandId   t_cid;          /* cmin, or cmax when deleted by own xact */
    CommandId   t_cmax;         /* cmax when inserted and deleted by own xact */
    ItemPointerData t_ctid;     /* this tuple, or its newer version */
    uint16      t_infomask2;    /* number of attributes + flags */
    uint16      t_infomask;
    uint8       t_hoff;
    uint8       t_bits[];       /* null bitmap, if HEAP_HASNULL */
} HeapTupleHeaderData;
typedef HeapTupleHeaderData *HeapTupleHeader;

#define SizeofHeapTupleHeader offsetof(HeapTupleHeaderData, t_bits)

/* t_infomask */
#define HEAP_HASNULL          0x0001
#define HEAP_HASVARWIDTH      0x0002
#define HEAP_XMIN_COMMITTED   0x0100    /* hint bits */
#define HEAP_XMIN_INVALID     0x0200
#define HEAP_XMAX_COMMITTED   0x0400
#define HEAP_XMAX_INVALID     0x0800
#define HEAP_XMAX_LOCK_ONLY   0x0080    /* SELECT FOR UPDATE (later) */
#define HEAP_UPDATED          0x2000    /* this is an updated version */
/* t_infomask2 */
#define HEAP_NATTS_MASK       0x07FF
#define HEAP_HOT_UPDATED      0x4000

#define HeapTupleHeaderGetNatts(tup) ((tup)->t_infomask2 & HEAP_NATTS_MASK)
#define HeapTupleHeaderSetNatts(tup, n) \
    ((tup)->t_infomask2 = ((tup)->t_infomask2 & ~HEAP_NATTS_MASK) | (n))
#define HeapTupleHasNulls(tuple) (((tuple)->t_data->t_infomask & HEAP_HASNULL) != 0)
#define att_isnull(ATT, BITS) (!((BITS)[(ATT) >> 3] & (1 << ((ATT) & 0x07))))

#define MaxTupleAttributeNumber 1664
#define MaxHeapAttributeNumber  1600

typedef struct HeapTupleData
{
    uint32      t_len;          /* length of *t_data */
    ItemPointerData t_self;     /* where it is stored, if it is */
    Oid         t_tableOid;
    HeapTupleHeader t_data;
} HeapTupleData;
typedef HeapTupleData *HeapTuple;
#define HEAPTUPLESIZE MAXALIGN(sizeof(HeapTupleData))

/* ---- building and taking apart (storage/heaptuple.c) ---- */
extern HeapTuple heap_form_tuple(TupleDesc desc, const Datum *values, const bool *isnull);
extern void heap_deform_tuple(HeapTuple tuple, TupleDesc desc, Datum *values, bool *isnull);
/* Deform only the first natts columns (executor uses this for partial access). */
extern void heap_deform_tuple_upto(HeapTuple tuple, TupleDesc desc, int natts,
                                   Datum *values, bool *isnull);
extern Datum heap_getattr(HeapTuple tup, int attnum, TupleDesc desc, bool *isnull);
extern HeapTuple heap_copytuple(HeapTuple tuple);
extern void heap_freetuple(HeapTuple tuple);
/* Copy a datum of the given type into CurrentMemoryContext. */
extern Datum datumCopy(Datum value, bool typByVal, int typLen);
extern Size datumGetSize(Datum value, bool typByVal, int typLen);
extern bool datumIsEqual(Datum a, Datum b, bool typByVal, int typLen);

#endif
