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

/* "No snapshot": e.g. the crosscheck argument of heap_delete/heap_update. */
#ifndef InvalidSnapshot
#define InvalidSnapshot ((Snapshot) NULL)
#endif

/*
 * Sequential scan.  heap_beginscan remembers the relation's length: pages
 * added later are not visited (their rows are invisible to an MVCC
 * snapshot taken before the scan anyway).  The snapshot must stay valid
 * until heap_endscan.  MVCC scans are page-at-a-time (visibility decided
 * for a whole page under one share lock); other snapshot types decide
 * per tuple.
 */
extern HeapScanDesc heap_beginscan(Relation relation, Snapshot snapshot);
/*
 * Next visible tuple, or NULL at the end (then the scan holds no pin).
 * The tuple points into a shared buffer that the scan keeps pinned (not
 * locked): it and the by-reference Datums deformed from it stay valid
 * until the next heap_getnext, heap_rescan or heap_endscan.  Its data
 * never changes while pinned; its header's xmax/infomask may.
 * Direction is Forward or Backward (a backward scan from the start begins
 * at the last row); NoMovement returns NULL.
 */
extern HeapTuple heap_getnext(HeapScanDesc scan, ScanDirection direction);
extern void heap_rescan(HeapScanDesc scan);
extern void heap_endscan(HeapScanDesc scan);

/*
 * Fetch the tuple at tuple->t_self if it exists and is visible to the
 * snapshot.  On true, tuple points into the page and *userbuf is pinned
 * (not locked): the caller ReleaseBuffer()s it when done with the tuple.
 * On false, *userbuf is InvalidBuffer and tuple->t_data NULL.  The block
 * must exist (the tid came from an index or a ctid chain).
 */
extern bool heap_fetch(Relation relation, Snapshot snapshot, HeapTuple tuple,
                       Buffer *userbuf);
/* Fetch the tuple at tid if visible; result copied into CurrentMemoryContext.
 * Any tid is accepted: a block or offset that does not exist gives NULL. */
extern HeapTuple heap_fetch_copy(Relation relation, Snapshot snapshot, ItemPointer tid);

/* Sets xmin/cid/ctid and tup->t_self. */
extern void heap_insert(Relation relation, HeapTuple tup, CommandId cid);
extern TM_Result heap_delete(Relation relation, ItemPointer tid, CommandId cid,
                             Snapshot crosscheck, bool wait, TM_FailureData *tmfd);
extern TM_Result heap_update(Relation relation, ItemPointer otid, HeapTuple newtup,
                             CommandId cid, Snapshot crosscheck, bool wait,
                             TM_FailureData *tmfd);

/* SELECT FOR UPDATE/SHARE's row lock (see heapam.c); wait false -> TM_WouldBlock. */
extern TM_Result heap_lock_tuple(Relation relation, ItemPointer tid, CommandId cid,
                                 bool wait, TM_FailureData *tmfd);

/* Catalog convenience: insert/update/delete with the current command id,
 * then make the change visible to later commands of this transaction is the
 * caller's job (CommandCounterIncrement). */
extern void simple_heap_insert(Relation relation, HeapTuple tup);
extern void simple_heap_delete(Relation relation, ItemPointer tid);
extern void simple_heap_update(Relation relation, ItemPointer otid, HeapTuple tup);

/* Visibility (storage/heapam_visibility.c).  buffer must be pinned and locked. */
extern bool HeapTupleSatisfiesVisibility(HeapTuple htup, Snapshot snapshot, Buffer buffer);
/*
 * Can the current transaction's command curcid update/delete/lock the
 * tuple?  TM_Ok, TM_Invisible, TM_SelfModified, TM_BeingModified (xmax is
 * in progress: wait for it), TM_Updated or TM_Deleted (xmax committed).
 * buffer must be pinned and exclusively locked.
 */
extern TM_Result HeapTupleSatisfiesUpdate(HeapTuple htup, CommandId curcid, Buffer buffer);

/*
 * System columns (PostgreSQL's attribute numbers).  heap_getattr with a
 * negative attnum returns them; ctid is a pointer to a palloc'd
 * ItemPointerData, xmin/xmax the full 64-bit transaction ids.
 */
#define SelfItemPointerAttributeNumber   (-1)
#define MinTransactionIdAttributeNumber  (-2)
#define MinCommandIdAttributeNumber      (-3)
#define MaxTransactionIdAttributeNumber  (-4)
#define MaxCommandIdAttributeNumber      (-5)
#define TableOidAttributeNumber          (-6)
#define FirstLowInvalidHeapAttributeNumber (-7)
extern Datum heap_getsysattr(HeapTuple tup, int attnum, bool *isnull);

/*
 * Continue deforming: columns from+1..natts, given the first `from`
 * already extracted by a deform that left *offp (start with from = 0,
 * *offp = 0).  For slots that deform lazily (storage/heaptuple.c).
 */
extern void heap_deform_tuple_resume(HeapTuple tuple, TupleDesc desc, int from, int natts,
                                     Datum *values, bool *isnull, uint32 *offp);

/* Storage lifecycle for CREATE/DROP/TRUNCATE. */
extern void heap_create_storage(RelFileNode rnode);
extern void heap_drop_storage(RelFileNode rnode);     /* at commit of the drop */

#endif
