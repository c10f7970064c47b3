/*-------------------------------------------------------------------------
 * snapmgr.c
 *    Which snapshot a statement or a catalog scan uses.
 *
 * Entry points: GetTransactionSnapshot, GetActiveSnapshot,
 * GetCatalogSnapshot, RegisterSnapshotCopy, XidInMVCCSnapshot,
 * AtEOXact_Snapshot; the static SnapshotSelfData / SnapshotAnyData.
 *
 * Lifetimes.  Snapshots handed out are immutable copies in
 * TopTransactionContext (the xip array right after the struct, exactly
 * xcnt long) and stay valid until the end of the transaction, so a caller
 * never sees its snapshot change underneath it -- not even when a nested
 * statement (a function running SQL) takes a newer one.  The proc array is
 * read into a per-backend scratch snapshot whose xip array is allocated
 * once, sized for every slot.
 *
 * READ COMMITTED: a new snapshot per GetTransactionSnapshot call, except
 * that the previous one is returned again when no transaction with an xid
 * has ended since it was taken (ProcArrayCompletionCount unchanged) and
 * the command id is the same: it would be identical.  That reuse bounds
 * memory for loops of read-only statements; a transaction that runs very
 * many statements while others commit grows by one snapshot per statement
 * (a known cost until snapshots are reference-counted).
 * REPEATABLE READ / SERIALIZABLE: the first snapshot is the transaction
 * snapshot; later calls return it with the current command id.
 *
 * Subtransactions: xip holds the other backends' cached subxids too; a
 * snapshot taken while some backend's cache overflowed is marked
 * suboverflowed and XidInMVCCSnapshot maps an xid to its top-level xid
 * through the subtrans map first (PostgreSQL's rule).  This backend's own
 * subxids are never in its snapshots: TransactionIdIsCurrentTransactionId
 * answers for them (rolled-back ones are aborted in the clog).
 *
 * The catalog snapshot is an MVCC snapshot too (PostgreSQL >= 9.4), reused
 * on the same rule; catalog access needs a transaction.
 *
 * All state is per-backend; nothing here is shared or locked (the proc
 * array read is procarray.c's business).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/snapshot.h"
#include "storage/procarray.h"
#include "storage/subtrans.h"
#include "storage/xact.h"

SnapshotData SnapshotSelfData = {.snapshot_type = SNAPSHOT_SELF};
SnapshotData SnapshotAnyData = {.snapshot_type = SNAPSHOT_ANY};

static SnapshotData ScratchSnapshot;        /* xip: TopMemoryContext, all slots */
static int  ScratchCapacity = 0;            /* entries allocated in ScratchSnapshot.xip */

static Snapshot ActiveSnapshot = NULL;      /* latest GetTransactionSnapshot result */
static uint64 ActiveSnapshotCount = 0;      /* completion count before it was taken */
static Snapshot XactSnapshot = NULL;        /* REPEATABLE READ: the first snapshot */
static Snapshot CatalogSnapshot = NULL;
static uint64 CatalogSnapshotCount = 0;

bool        FirstSnapshotSet = false;

static Snapshot
copy_snapshot(Snapshot src, CommandId curcid, MemoryContext cxt)
{
    Size        size = sizeof(SnapshotData) + sizeof(TransactionId) * src->xcnt;
    Snapshot    snap = (Snapshot) MemoryContextAlloc(cxt, size);

    *snap = *src;
    snap->xip = (TransactionId *) (snap + 1);
    if (src->xcnt > 0)
        memcpy(snap->xip, src->xip, sizeof(TransactionId) * src->xcnt);
    snap->curcid = curcid;
    snap->dirty_xmin = InvalidTransactionId;
    snap->dirty_xmax = InvalidTransactionId;
    return snap;
}

/* A fresh MVCC snapshot in TopTransactionContext; *count gets the completion count. */
static Snapshot
take_snapshot(CommandId curcid, uint64 *count)
{
    /* read the count first: a change after this makes the snapshot look stale, never fresh */
    *count = ProcArrayCompletionCount();
    if (ScratchCapacity < ProcArraySnapshotCapacity())
    {
        /* first use, or a re-created segment with more slots */
        if (ScratchSnapshot.xip != NULL)
            pfree(ScratchSnapshot.xip);
        ScratchSnapshot.xip = NULL;         /* GetSnapshotData allocates it */
        ScratchCapacity = ProcArraySnapshotCapacity();
    }
    GetSnapshotData(&ScratchSnapshot);
    return copy_snapshot(&ScratchSnapshot, curcid, TopTransactionContext);
}

Snapshot
GetTransactionSnapshot(void)
{
    CommandId   cid;

    if (!IsTransactionState())
        elog(ERROR, "cannot take query snapshot outside a transaction");
    cid = GetCurrentCommandId(false);
    FirstSnapshotSet = true;

    if (IsolationUsesXactSnapshot())
    {
        if (XactSnapshot == NULL)
        {
            XactSnapshot = take_snapshot(cid, &ActiveSnapshotCount);
            ActiveSnapshot = XactSnapshot;
        }
        else if (ActiveSnapshot->curcid != cid)
            ActiveSnapshot = copy_snapshot(XactSnapshot, cid, TopTransactionContext);
        return ActiveSnapshot;
    }

    if (ActiveSnapshot != NULL &&
        ActiveSnapshot->curcid == cid &&
        ActiveSnapshotCount == ProcArrayCompletionCount())
        return ActiveSnapshot;
    ActiveSnapshot = take_snapshot(cid, &ActiveSnapshotCount);
    return ActiveSnapshot;
}

Snapshot
GetActiveSnapshot(void)
{
    return ActiveSnapshot;
}

Snapshot
GetCatalogSnapshot(void)
{
    CommandId   cid;

    if (!IsTransactionState())
        elog(ERROR, "cannot access system catalogs outside a transaction");
    cid = GetCurrentCommandId(false);
    if (CatalogSnapshot != NULL &&
        CatalogSnapshot->curcid == cid &&
        CatalogSnapshotCount == ProcArrayCompletionCount())
        return CatalogSnapshot;
    CatalogSnapshot = take_snapshot(cid, &CatalogSnapshotCount);
    return CatalogSnapshot;
}

Snapshot
RegisterSnapshotCopy(Snapshot snap)
{
    if (snap == NULL || snap->snapshot_type == SNAPSHOT_SELF ||
        snap->snapshot_type == SNAPSHOT_ANY)
        return snap;            /* static, never changes */
    return copy_snapshot(snap, snap->curcid, CurrentMemoryContext);
}

bool
XidInMVCCSnapshot(TransactionId xid, Snapshot snapshot)
{
    uint32      i;

    if (xid < snapshot->xmin)
        return false;
    if (xid >= snapshot->xmax)
        return true;
    if (snapshot->suboverflowed)
    {
        /*
         * A subxid missing from xip belongs to a running top-level xid that
         * is in it (procarray.c).  A top-level xid maps to itself.
         */
        xid = SubTransGetTopmostTransaction(xid);
        if (xid < snapshot->xmin)
            return false;
    }
    for (i = 0; i < snapshot->xcnt; i++)
        if (snapshot->xip[i] == xid)
            return true;
    return false;
}

void
AtEOXact_Snapshot(void)
{
    /* the memory goes with TopTransactionContext; the xmin with ProcArrayEndTransaction */
    FirstSnapshotSet = false;
    ActiveSnapshot = NULL;
    XactSnapshot = NULL;
    CatalogSnapshot = NULL;
    ActiveSnapshotCount = 0;
    CatalogSnapshotCount = 0;
}
