/*-------------------------------------------------------------------------
 * heapam_visibility.c
 *    Which heap tuple versions a snapshot sees, and whether a tuple may be
 *    updated: PostgreSQL's heapam_visibility.c rules for 64-bit xids, with
 *    subtransactions and without multixacts (yet).
 *
 * Principal entry points:
 *    HeapTupleSatisfiesVisibility - dispatch on snapshot->snapshot_type:
 *        SNAPSHOT_MVCC   committed before the snapshot, or own earlier commands
 *        SNAPSHOT_SELF   committed now, or own changes of any command
 *        SNAPSHOT_ANY    everything
 *        SNAPSHOT_DIRTY  SELF plus in-progress inserts/deletes, reporting the
 *                        in-progress xids in dirty_xmin/dirty_xmax so the
 *                        caller can wait for them (unique checks)
 *    HeapTupleSatisfiesUpdate     - may the current command modify the tuple?
 *
 * Caller contract: the tuple lies in a buffer that is pinned and at least
 * share-locked (exclusive for HeapTupleSatisfiesUpdate), or buffer is
 * InvalidBuffer for a private copy (then no hint bits are written back).
 *
 * Transaction status.  An xid is current (TransactionIdIsCurrentTransactionId),
 * in progress (in the proc array), committed (commit log) -- or none of
 * these, which means aborted: that is how a transaction cut short by a
 * crash becomes invisible without WAL or an abort record.  This relies on
 * an ordering the transaction manager guarantees, as PostgreSQL's does:
 * a committing backend records the commit in the commit log *before* it
 * leaves the proc array.  So "not in progress" checked first, then "did
 * not commit", can never misjudge a committing transaction as aborted.
 * MVCC checks need no in-progress test: an xid below snapshot->xmax and
 * not in snapshot->xip had left the proc array when the snapshot was
 * taken, so its commit-log entry was already final.  (XidInMVCCSnapshot is
 * the snapshot module's, storage/snapmgr.c; the current transaction is
 * never in its own snapshot, so callers test it first.)
 *
 * Hint bits.  Once a status is final (committed, or aborted/crashed) it is
 * cached in t_infomask (HEAP_XMIN_COMMITTED, HEAP_XMIN_INVALID,
 * HEAP_XMAX_COMMITTED, HEAP_XMAX_INVALID) and the buffer marked with
 * MarkBufferDirtyHint.  Setting them under a share lock is a benign race:
 * two backends OR-ing different hint bits into the same word may lose one
 * hint, never any other bit, since every non-hint bit changes only under
 * the exclusive lock that share-lockers exclude.  A lost hint is recomputed
 * on the next visit.  Without WAL there is no "hint only after the commit
 * record is flushed" rule to follow: a commit is durable (commit log
 * fsync'd) before TransactionIdDidCommit can report it.
 *
 * Subtransactions (savepoints) need no rule of their own here, as in
 * PostgreSQL: a tuple's xmin/xmax may be a subxid;
 * TransactionIdIsCurrentTransactionId is true for our top-level xid and
 * for the subxids of our savepoints that are not rolled back (so an xmax
 * of ours that is not "current" belongs to a rolled-back savepoint: the
 * deletion never happened); other backends' subxids are in snapshots'
 * xip or resolved through the subtrans map (XidInMVCCSnapshot,
 * TransactionIdIsInProgress); a rolled-back savepoint's xids are aborted
 * in the clog at once; a released one's commit with their top-level
 * transaction (TransactionIdDidCommit resolves SUB_COMMITTED).
 *
 * Departures from PostgreSQL: no multixacts, no frozen-xmin bit (64-bit
 * xids never wrap); xids below
 * FirstNormalTransactionId (bootstrap, frozen) are committed for everyone.
 * HEAP_XMAX_LOCK_ONLY marks a row lock (heap_update sets it briefly while
 * it looks for a page for the new version; SELECT FOR UPDATE later): such
 * an xmax never hides the tuple.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/heapam_internal.h"
#include "storage/xact.h"

/*
 * HeapTupleSetHintBits
 *    Record a final transaction status in the tuple's header.  The buffer
 *    must be pinned and at least share-locked.
 */
void
HeapTupleSetHintBits(HeapTupleHeader tuple, Buffer buffer, uint16 infomask)
{
    if ((tuple->t_infomask & infomask) == infomask)
        return;
    tuple->t_infomask |= infomask;
    if (BufferIsValid(buffer))
        MarkBufferDirtyHint(buffer);
}

#define SetHintBits(tuple, buffer, bits) HeapTupleSetHintBits((tuple), (buffer), (bits))

/* Only a normal xid can be ours (and it saves a call for bootstrap rows). */
static inline bool
XidIsCurrent(TransactionId xid)
{
    return TransactionIdIsNormal(xid) && TransactionIdIsCurrentTransactionId(xid);
}

/*
 * Resolve the status of a tuple's xmin that has no hint bit yet, for the
 * non-MVCC rules.  Returns 1 committed (hinted), 0 in progress by another
 * transaction, -1 aborted or crashed (hinted invalid).  The current
 * transaction is handled by the callers before this.
 */
static int
XminStatusNonMVCC(HeapTupleHeader tuple, Buffer buffer)
{
    TransactionId xmin = HeapTupleHeaderGetRawXmin(tuple);

    if (XidIsPermanentlyCommitted(xmin))
    {
        SetHintBits(tuple, buffer, HEAP_XMIN_COMMITTED);
        return 1;
    }
    if (!TransactionIdIsValid(xmin))
    {
        SetHintBits(tuple, buffer, HEAP_XMIN_INVALID);
        return -1;
    }
    if (TransactionIdIsInProgress(xmin))
        return 0;
    if (TransactionIdDidCommit(xmin))
    {
        SetHintBits(tuple, buffer, HEAP_XMIN_COMMITTED);
        return 1;
    }
    SetHintBits(tuple, buffer, HEAP_XMIN_INVALID);
    return -1;
}

/* ================================================================ MVCC */

/*
 * HeapTupleSatisfiesMVCC
 *    Visible iff inserted by a transaction that committed before the
 *    snapshot (or by an earlier command of ours) and not deleted by such a
 *    transaction (or by an earlier command of ours).
 */
static bool
HeapTupleSatisfiesMVCC(HeapTuple htup, Snapshot snapshot, Buffer buffer)
{
    HeapTupleHeader tuple = htup->t_data;
    TransactionId xmin = HeapTupleHeaderGetRawXmin(tuple);
    TransactionId xmax;

    if (!HeapTupleHeaderXminCommitted(tuple))
    {
        if (HeapTupleHeaderXminInvalid(tuple))
            return false;

        if (XidIsPermanentlyCommitted(xmin))
            SetHintBits(tuple, buffer, HEAP_XMIN_COMMITTED);
        else if (!TransactionIdIsValid(xmin))
            return false;
        else if (XidIsCurrent(xmin))
        {
            if (HeapTupleHeaderGetCmin(tuple) >= snapshot->curcid)
                return false;   /* inserted after scan started */

            if (HeapTupleHeaderXmaxInvalid(tuple))
                return true;
            if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
                return true;
            if (!XidIsCurrent(HeapTupleHeaderGetRawXmax(tuple)))
            {
                /* a deleter other than us while we are still running: aborted */
                SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
                return true;
            }
            if (HeapTupleHeaderGetCmax(tuple) >= snapshot->curcid)
                return true;    /* deleted after scan started */
            return false;       /* deleted before scan started */
        }
        else if (XidInMVCCSnapshot(xmin, snapshot))
            return false;
        else if (TransactionIdDidCommit(xmin))
            SetHintBits(tuple, buffer, HEAP_XMIN_COMMITTED);
        else
        {
            /* it must have aborted or crashed */
            SetHintBits(tuple, buffer, HEAP_XMIN_INVALID);
            return false;
        }
    }
    else
    {
        /* xmin is committed, but maybe not according to our snapshot */
        if (!XidIsPermanentlyCommitted(xmin) && XidInMVCCSnapshot(xmin, snapshot))
            return false;
    }

    /* by here, the inserting transaction has committed before the snapshot */

    if (HeapTupleHeaderXmaxInvalid(tuple))
        return true;
    if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
        return true;

    xmax = HeapTupleHeaderGetRawXmax(tuple);
    if (!HeapTupleHeaderXmaxCommitted(tuple))
    {
        if (XidIsCurrent(xmax))
        {
            if (HeapTupleHeaderGetCmax(tuple) >= snapshot->curcid)
                return true;    /* deleted after scan started */
            return false;       /* deleted before scan started */
        }
        if (XidInMVCCSnapshot(xmax, snapshot))
            return true;
        if (!TransactionIdDidCommit(xmax))
        {
            /* it must have aborted or crashed */
            SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
            return true;
        }
        /* xmax transaction committed */
        SetHintBits(tuple, buffer, HEAP_XMAX_COMMITTED);
    }
    else
    {
        /* xmax is committed, but maybe not according to our snapshot */
        if (XidInMVCCSnapshot(xmax, snapshot))
            return true;
    }

    /* xmax transaction committed before the snapshot */
    return false;
}

/* ================================================================ SELF */

/*
 * HeapTupleSatisfiesSelf
 *    Visible iff inserted by a committed transaction or by us (any
 *    command), and not deleted by a committed transaction or by us.
 */
static bool
HeapTupleSatisfiesSelf(HeapTuple htup, Snapshot snapshot, Buffer buffer)
{
    HeapTupleHeader tuple = htup->t_data;
    TransactionId xmax;

    if (!HeapTupleHeaderXminCommitted(tuple))
    {
        if (HeapTupleHeaderXminInvalid(tuple))
            return false;

        if (XidIsCurrent(HeapTupleHeaderGetRawXmin(tuple)))
        {
            if (HeapTupleHeaderXmaxInvalid(tuple))
                return true;
            if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
                return true;
            if (!XidIsCurrent(HeapTupleHeaderGetRawXmax(tuple)))
            {
                SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
                return true;
            }
            return false;
        }
        if (XminStatusNonMVCC(tuple, buffer) <= 0)
            return false;       /* in progress elsewhere, or aborted */
    }

    /* by here, the inserting transaction has committed */

    if (HeapTupleHeaderXmaxInvalid(tuple))
        return true;
    if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
        return true;
    if (HeapTupleHeaderXmaxCommitted(tuple))
        return false;

    xmax = HeapTupleHeaderGetRawXmax(tuple);
    if (XidIsCurrent(xmax))
        return false;
    if (TransactionIdIsInProgress(xmax))
        return true;
    if (!TransactionIdDidCommit(xmax))
    {
        SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
        return true;
    }
    SetHintBits(tuple, buffer, HEAP_XMAX_COMMITTED);
    return false;
}

/* ================================================================ DIRTY */

/*
 * HeapTupleSatisfiesDirty
 *    Like SELF, but a tuple being inserted by another in-progress
 *    transaction is visible (its xid reported in dirty_xmin), and one being
 *    deleted by another is still visible (its xid in dirty_xmax).  A unique
 *    check that finds such a tuple waits for that xid and retries.
 */
static bool
HeapTupleSatisfiesDirty(HeapTuple htup, Snapshot snapshot, Buffer buffer)
{
    HeapTupleHeader tuple = htup->t_data;
    TransactionId xmax;

    snapshot->dirty_xmin = InvalidTransactionId;
    snapshot->dirty_xmax = InvalidTransactionId;

    if (!HeapTupleHeaderXminCommitted(tuple))
    {
        int         status;

        if (HeapTupleHeaderXminInvalid(tuple))
            return false;

        if (XidIsCurrent(HeapTupleHeaderGetRawXmin(tuple)))
        {
            if (HeapTupleHeaderXmaxInvalid(tuple))
                return true;
            if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
                return true;
            if (!XidIsCurrent(HeapTupleHeaderGetRawXmax(tuple)))
            {
                SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
                return true;
            }
            return false;
        }
        status = XminStatusNonMVCC(tuple, buffer);
        if (status < 0)
            return false;
        if (status == 0)
        {
            snapshot->dirty_xmin = HeapTupleHeaderGetRawXmin(tuple);
            return true;        /* in insertion by other */
        }
    }

    /* by here, the inserting transaction has committed */

    if (HeapTupleHeaderXmaxInvalid(tuple))
        return true;
    if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
        return true;
    if (HeapTupleHeaderXmaxCommitted(tuple))
        return false;

    xmax = HeapTupleHeaderGetRawXmax(tuple);
    if (XidIsCurrent(xmax))
        return false;
    if (TransactionIdIsInProgress(xmax))
    {
        snapshot->dirty_xmax = xmax;
        return true;
    }
    if (!TransactionIdDidCommit(xmax))
    {
        SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
        return true;
    }
    SetHintBits(tuple, buffer, HEAP_XMAX_COMMITTED);
    return false;
}

/* ================================================================ dispatch */

bool
HeapTupleSatisfiesVisibility(HeapTuple htup, Snapshot snapshot, Buffer buffer)
{
    switch (snapshot->snapshot_type)
    {
        case SNAPSHOT_MVCC:
            return HeapTupleSatisfiesMVCC(htup, snapshot, buffer);
        case SNAPSHOT_SELF:
            return HeapTupleSatisfiesSelf(htup, snapshot, buffer);
        case SNAPSHOT_ANY:
            return true;
        case SNAPSHOT_DIRTY:
            return HeapTupleSatisfiesDirty(htup, snapshot, buffer);
    }
    elog(ERROR, "unrecognized snapshot type: %d", (int) snapshot->snapshot_type);
}

/* ================================================================ UPDATE */

/*
 * HeapTupleSatisfiesUpdate
 *    PostgreSQL's rules for "may command curcid of this transaction
 *    update, delete or lock this tuple".  The caller (heap_delete,
 *    heap_update) holds the buffer exclusively locked and, on
 *    TM_BeingModified, releases the lock, waits for xmax and re-checks.
 *
 *    TM_Invisible      the tuple was never visible to the command (inserted
 *                      by a later command of ours, by an aborted or running
 *                      transaction, or deleted by an earlier command of ours)
 *    TM_SelfModified   already updated/deleted by this command or a later one
 *    TM_BeingModified  xmax is another running transaction (or a row lock)
 *    TM_Updated        xmax committed and t_ctid points at a newer version
 *    TM_Deleted        xmax committed and the row is gone
 */
TM_Result
HeapTupleSatisfiesUpdate(HeapTuple htup, CommandId curcid, Buffer buffer)
{
    HeapTupleHeader tuple = htup->t_data;
    TransactionId xmax;

    if (!HeapTupleHeaderXminCommitted(tuple))
    {
        if (HeapTupleHeaderXminInvalid(tuple))
            return TM_Invisible;

        if (XidIsCurrent(HeapTupleHeaderGetRawXmin(tuple)))
        {
            if (HeapTupleHeaderGetCmin(tuple) >= curcid)
                return TM_Invisible;    /* inserted after scan started */

            if (HeapTupleHeaderXmaxInvalid(tuple))
                return TM_Ok;
            if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
            {
                /* locked: by us (we may go ahead), or by an aborted locker */
                if (!XidIsCurrent(HeapTupleHeaderGetRawXmax(tuple)))
                    SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
                return TM_Ok;
            }
            if (!XidIsCurrent(HeapTupleHeaderGetRawXmax(tuple)))
            {
                /* deleting (sub)transaction aborted */
                SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
                return TM_Ok;
            }
            if (HeapTupleHeaderGetCmax(tuple) >= curcid)
                return TM_SelfModified;     /* updated after scan started */
            return TM_Invisible;            /* updated before scan started */
        }
        if (XminStatusNonMVCC(tuple, buffer) <= 0)
            return TM_Invisible;
    }

    /* by here, the inserting transaction has committed */

    if (HeapTupleHeaderXmaxInvalid(tuple))
        return TM_Ok;

    if (HeapTupleHeaderXmaxCommitted(tuple))
    {
        if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
            return TM_Ok;
        if (!ItemPointerEquals(&htup->t_self, &tuple->t_ctid))
            return TM_Updated;      /* updated by other */
        return TM_Deleted;          /* deleted by other */
    }

    xmax = HeapTupleHeaderGetRawXmax(tuple);
    if (XidIsCurrent(xmax))
    {
        if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
            return TM_BeingModified;
        if (HeapTupleHeaderGetCmax(tuple) >= curcid)
            return TM_SelfModified; /* updated after scan started */
        return TM_Invisible;        /* updated before scan started */
    }

    if (TransactionIdIsInProgress(xmax))
        return TM_BeingModified;

    if (!TransactionIdDidCommit(xmax))
    {
        /* it must have aborted or crashed */
        SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
        return TM_Ok;
    }

    if (HEAP_XMAX_IS_LOCKED_ONLY(tuple->t_infomask))
    {
        /* a committed locker no longer holds anything */
        SetHintBits(tuple, buffer, HEAP_XMAX_INVALID);
        return TM_Ok;
    }

    SetHintBits(tuple, buffer, HEAP_XMAX_COMMITTED);
    if (!ItemPointerEquals(&htup->t_self, &tuple->t_ctid))
        return TM_Updated;
    return TM_Deleted;
}
