/*-------------------------------------------------------------------------
 * heapam_internal.h
 *    Private to the heap access method (heapam.c, heapam_visibility.c):
 *    tuple-header accessors for the transaction fields and hint bits.
 *
 * Command ids.  The header has two slots (htup.h):
 *    t_cid   cmin, the inserting command -- meaningful only to the
 *            inserting transaction;
 *    t_cmax  cmax, the deleting command -- meaningful only to the deleting
 *            transaction, and set whenever t_xmax is.
 * When another transaction inserted the row, its cmin means nothing to the
 * deleter, so heap_delete also stores cmax in t_cid (htup.h's "cmax when
 * deleted by own xact").  When the same transaction inserted and deletes,
 * t_cid keeps cmin and t_cmax holds cmax: PostgreSQL's combo command id
 * made unnecessary by the wider header.  Readers always take cmax from
 * t_cmax.
 *
 * Hint bits (HEAP_XMIN_COMMITTED and friends) are only ever set, never
 * trusted beyond what they say: a set bit is final; a clear bit means
 * "ask the commit log".  They may be set under a share content lock (see
 * heapam_visibility.c); every other header field changes only under an
 * exclusive content lock.
 *-------------------------------------------------------------------------
 */
#ifndef HEAPAM_INTERNAL_H
#define HEAPAM_INTERNAL_H

#include "storage/heapam.h"

/* all transaction-status bits of t_infomask (cleared on insert) */
#define HEAP_XACT_MASK \
    (HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID | HEAP_XMAX_COMMITTED | \
     HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY | HEAP_UPDATED)

#define HeapTupleHeaderXminCommitted(tup) (((tup)->t_infomask & HEAP_XMIN_COMMITTED) != 0)
#define HeapTupleHeaderXminInvalid(tup) \
    (((tup)->t_infomask & (HEAP_XMIN_COMMITTED | HEAP_XMIN_INVALID)) == HEAP_XMIN_INVALID)
#define HeapTupleHeaderXmaxInvalid(tup)   (((tup)->t_infomask & HEAP_XMAX_INVALID) != 0)
#define HeapTupleHeaderXmaxCommitted(tup) (((tup)->t_infomask & HEAP_XMAX_COMMITTED) != 0)
#define HEAP_XMAX_IS_LOCKED_ONLY(infomask) (((infomask) & HEAP_XMAX_LOCK_ONLY) != 0)

#define HeapTupleHeaderGetRawXmin(tup) ((tup)->t_xmin)
#define HeapTupleHeaderGetRawXmax(tup) ((tup)->t_xmax)
#define HeapTupleHeaderGetCmin(tup)    ((tup)->t_cid)
#define HeapTupleHeaderGetCmax(tup)    ((tup)->t_cmax)

/*
 * Transaction ids below FirstNormalTransactionId (bootstrap, frozen) are
 * committed and older than every snapshot.
 */
#define XidIsPermanentlyCommitted(xid) \
    ((xid) == BootstrapTransactionId || (xid) == FrozenTransactionId)

/*
 * Set hint bits on a tuple in a pinned, at least share-locked buffer
 * (heapam_visibility.c); InvalidBuffer for a tuple not in shared memory.
 */
extern void HeapTupleSetHintBits(HeapTupleHeader tuple, Buffer buffer, uint16 infomask);

#endif /* HEAPAM_INTERNAL_H */
