/*-------------------------------------------------------------------------
 * procarray.c
 *    The proc array: one shared slot per process that may run
 *    transactions (max_connections client backends plus
 *    NUM_AUXILIARY_PROCS), holding its pid, cancel key, running xid and
 *    snapshot xmin.  MVCC snapshots are built from it.
 *
 * Entry points: ProcArrayShmemSize/Init, ProcArrayAdd/AddAuxiliary/Remove,
 * ProcArraySetXid, ProcArrayEndTransaction, GetSnapshotData,
 * TransactionIdIsInProgress, GetOldestXmin, ProcArrayFindCancelTarget.
 *
 * Snapshot consistency (PostgreSQL's argument, procarray.c/transam README).
 * A snapshot takes xmax = latestCompletedXid + 1 and, as xip, every other
 * slot's xid below xmax, all under ProcArrayLock (shared).  Claim: an xid
 * X < xmax that is not in xip had its final status in the clog before the
 * snapshot was taken.  X <= latestCompletedXid = L, so X was assigned no
 * later than L; xids are assigned, and published in the assigner's slot,
 * under XidGenLock (GetNewTransactionId calls ProcArraySetXid before
 * releasing it), so X was visible in its slot before L even existed.  L
 * ended (ProcArrayEndTransaction, ProcArrayLock exclusive) before our
 * shared acquisition, hence X was in its slot before our scan; if the scan
 * did not find it, it was cleared by ProcArrayEndTransaction, and xact.c
 * records the clog status before calling that.  Xids >= xmax are invisible
 * whatever their state.
 *
 * Locking:
 *    latestCompletedXid, completionCount    ProcArrayLock (write: exclusive)
 *    slot.inUse/pid/cancelKey/auxiliary     ProcArrayLock exclusive to write;
 *                                           read lock-free (atomics) only by
 *                                           ProcArrayFindCancelTarget
 *    slot.xid    written by its owner only: set under XidGenLock (no
 *                ProcArrayLock), cleared under ProcArrayLock exclusive
 *    slot.xmin   written by its owner only: set under ProcArrayLock shared
 *                in GetSnapshotData, cleared at transaction end
 * xid and xmin are read and written with atomic 64-bit operations.
 * Lock order: XidGenLock before ProcArrayLock.
 *
 * A process without a slot (single-process bootstrap) may still assign
 * xids: they are not advertised, so it must not run concurrently with
 * backends; ProcArrayEndTransaction still advances latestCompletedXid.
 *
 * Subtransaction xids (PostgreSQL's XidCache).  Each slot also lists up to
 * PGPROC_MAX_CACHED_SUBXIDS xids of its running subtransactions (released
 * or not; rolled-back ones are removed).  Past that the slot is marked
 * overflowed and further subxids are findable only through the subtrans
 * map (storage/subtrans.c: subxid -> parent, set before the subxid is
 * used).  A snapshot copies the cached subxids into xip with the top-level
 * xids and sets suboverflowed if any slot overflowed; XidInMVCCSnapshot
 * then maps an xid to its topmost parent before searching xip.
 * TransactionIdIsInProgress does the same for overflowed slots (after
 * ruling out an aborted xid, which the map would wrongly attribute to a
 * running parent).  Memory stays bounded: 64 cached xids per slot, a
 * snapshot holds at most slots * (1 + 64) xids.
 * The same consistency argument holds for subxids: they are added to the
 * cache under XidGenLock at assignment (ProcArrayAddSubXid, count stored
 * after the entry with release order), removed under ProcArrayLock
 * exclusive only after their clog status is final (rollback to savepoint:
 * ProcArrayRemoveSubXids; top-level end: ProcArrayEndTransaction), and
 * each removal advances latestCompletedXid past them.
 * Locking: subxids[], nsubxids, overflowed are written by the owner only;
 * appended without ProcArrayLock (entry first, then the count), shrunk or
 * cleared under ProcArrayLock exclusive; readers hold ProcArrayLock.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "storage/procarray.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/clog.h"
#include "storage/subtrans.h"
#include "storage/xact.h"

typedef struct ProcArraySlot
{
    TransactionId xid;          /* running xid, or 0; atomic */
    TransactionId xmin;         /* xmin of this transaction's snapshots, or 0; atomic */
    int         nsubxids;       /* valid entries in subxids[]; atomic */
    bool        overflowed;     /* more subxids than fit in subxids[]; atomic */
    TransactionId subxids[PGPROC_MAX_CACHED_SUBXIDS];
    int         pid;            /* 0 when free */
    int32       cancelKey;
    bool        inUse;
    bool        auxiliary;
} ProcArraySlot;

typedef struct ProcArrayShared
{
    int         numSlots;           /* constant: maxBackends + NUM_AUXILIARY_PROCS */
    int         maxBackends;        /* constant: client slots are [0, maxBackends) */
    TransactionId latestCompletedXid;
    uint64      completionCount;
    ProcArraySlot slots[];
} ProcArrayShared;

static ProcArrayShared *procArray = NULL;

int         MyProcNumber = -1;

/* xid assigned by a process that has no slot (see header comment) */
static TransactionId MyUnadvertisedXid = InvalidTransactionId;
/* the newest xid (top or sub) this backend was given in its transaction */
static TransactionId MyLatestXid = InvalidTransactionId;
/* TransactionIdIsInProgress scratch: top xids of overflowed slots (TopMemoryContext) */
static TransactionId *overflowedTops = NULL;
static int  overflowedTopsSize = 0;
/* xmin of the last snapshot this process took: every xid below it has finished */
static TransactionId RecentXmin = InvalidTransactionId;

#define SlotXid(s)   __atomic_load_n(&(s)->xid, __ATOMIC_ACQUIRE)
#define SlotXmin(s)  __atomic_load_n(&(s)->xmin, __ATOMIC_ACQUIRE)
#define SlotNSubxids(s)   __atomic_load_n(&(s)->nsubxids, __ATOMIC_ACQUIRE)
#define SlotOverflowed(s) __atomic_load_n(&(s)->overflowed, __ATOMIC_ACQUIRE)

/* ---------------------------------------------------------------- shmem */

int
ProcArrayNumSlots(void)
{
    return MaxConnections + NUM_AUXILIARY_PROCS;
}

int
ProcArraySnapshotCapacity(void)
{
    return ProcArrayNumSlots() * (1 + PGPROC_MAX_CACHED_SUBXIDS);
}

Size
ProcArrayShmemSize(void)
{
    return add_size(offsetof(ProcArrayShared, slots),
                    mul_size(ProcArrayNumSlots(), sizeof(ProcArraySlot)));
}

void
ProcArrayShmemInit(void)
{
    int         n = ProcArrayNumSlots();

    procArray = (ProcArrayShared *) ShmemAlloc(ProcArrayShmemSize());
    memset(procArray, 0, ProcArrayShmemSize());
    procArray->numSlots = n;
    procArray->maxBackends = MaxConnections;
    procArray->latestCompletedXid = FirstNormalTransactionId - 1;
    procArray->completionCount = 1;
    /* a re-created segment (tests; the postmaster after a crash) */
    MyProcNumber = -1;
    MyUnadvertisedXid = InvalidTransactionId;
    MyLatestXid = InvalidTransactionId;
    RecentXmin = InvalidTransactionId;
}

void
ProcArraySetLatestCompletedXid(TransactionId xid)
{
    LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
    procArray->latestCompletedXid = xid;
    procArray->completionCount++;
    LWLockRelease(ProcArrayLock);
}

/* ---------------------------------------------------------------- slots */

static bool
add_in_range(int lo, int hi, int pid, int32 cancel_key, bool auxiliary)
{
    int         i;

    if (MyProcNumber >= 0)
        elog(ERROR, "process %d already has a proc array slot", pid);

    LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
    for (i = lo; i < hi; i++)
    {
        ProcArraySlot *s = &procArray->slots[i];

        if (s->inUse)
            continue;
        __atomic_store_n(&s->xid, InvalidTransactionId, __ATOMIC_RELEASE);
        __atomic_store_n(&s->xmin, InvalidTransactionId, __ATOMIC_RELEASE);
        __atomic_store_n(&s->nsubxids, 0, __ATOMIC_RELEASE);
        __atomic_store_n(&s->overflowed, false, __ATOMIC_RELEASE);
        __atomic_store_n(&s->cancelKey, cancel_key, __ATOMIC_RELAXED);
        s->auxiliary = auxiliary;
        __atomic_store_n(&s->pid, pid, __ATOMIC_RELAXED);
        __atomic_store_n(&s->inUse, true, __ATOMIC_RELEASE);
        MyProcNumber = i;
        break;
    }
    LWLockRelease(ProcArrayLock);
    return MyProcNumber >= 0;
}

bool
ProcArrayAdd(int pid, int32 cancel_key)
{
    return add_in_range(0, procArray->maxBackends, pid, cancel_key, false);
}

bool
ProcArrayAddAuxiliary(int pid)
{
    return add_in_range(procArray->maxBackends, procArray->numSlots, pid, 0, true);
}

/*
 * Give up our slot (backend exit).  The caller ends its transaction first
 * (AbortOutOfAnyTransaction); should it not have, the heavyweight locks
 * are released here -- the slot's next owner must not inherit them -- and
 * a still-advertised xid simply stops running, which visibility rules
 * treat as aborted.
 */
void
ProcArrayRemove(void)
{
    ProcArraySlot *s;

    if (MyProcNumber < 0)
        return;
    LockReleaseAllForExit();
    s = &procArray->slots[MyProcNumber];
    LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
    if (TransactionIdIsValid(SlotXid(s)))
    {
        TransactionId latest = Max(SlotXid(s), MyLatestXid);

        if (latest > procArray->latestCompletedXid)
            procArray->latestCompletedXid = latest;
        procArray->completionCount++;
    }
    __atomic_store_n(&s->nsubxids, 0, __ATOMIC_RELEASE);
    __atomic_store_n(&s->overflowed, false, __ATOMIC_RELEASE);
    __atomic_store_n(&s->inUse, false, __ATOMIC_RELEASE);
    __atomic_store_n(&s->pid, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&s->cancelKey, 0, __ATOMIC_RELAXED);
    __atomic_store_n(&s->xid, InvalidTransactionId, __ATOMIC_RELEASE);
    __atomic_store_n(&s->xmin, InvalidTransactionId, __ATOMIC_RELEASE);
    LWLockRelease(ProcArrayLock);
    MyProcNumber = -1;
}

/*
 * Postmaster: match a cancel request.  Lock-free on purpose: the
 * postmaster never waits on a lock a crashed backend might hold.  A slot
 * being reused concurrently can at worst make the match miss.
 */
int
ProcArrayFindCancelTarget(int pid, int32 cancel_key)
{
    int         i;

    if (procArray == NULL || pid == 0)
        return 0;
    for (i = 0; i < procArray->maxBackends; i++)
    {
        ProcArraySlot *s = &procArray->slots[i];

        if (__atomic_load_n(&s->inUse, __ATOMIC_ACQUIRE) &&
            __atomic_load_n(&s->pid, __ATOMIC_RELAXED) == pid &&
            __atomic_load_n(&s->cancelKey, __ATOMIC_RELAXED) == cancel_key)
            return pid;
    }
    return 0;
}

int
ProcArrayCountBackends(void)
{
    int         i,
                n = 0;

    LWLockAcquire(ProcArrayLock, LW_SHARED);
    for (i = 0; i < procArray->maxBackends; i++)
        if (procArray->slots[i].inUse)
            n++;
    LWLockRelease(ProcArrayLock);
    return n;
}

int
ProcArrayGetPid(int procno)
{
    if (procno < 0 || procno >= procArray->numSlots)
        return 0;
    return __atomic_load_n(&procArray->slots[procno].pid, __ATOMIC_RELAXED);
}

/* ---------------------------------------------------------------- xids */

/* Caller holds XidGenLock (GetNewTransactionId): see the header comment. */
void
ProcArraySetXid(TransactionId xid)
{
    MyLatestXid = xid;
    if (MyProcNumber < 0)
    {
        MyUnadvertisedXid = xid;
        return;
    }
    Assert(!TransactionIdIsValid(SlotXid(&procArray->slots[MyProcNumber])));
    __atomic_store_n(&procArray->slots[MyProcNumber].xid, xid, __ATOMIC_RELEASE);
}

/*
 * Caller holds XidGenLock (GetNewTransactionId for a subtransaction):
 * list the new subxid in our cache, or mark the cache overflowed.  Our
 * top-level xid is already advertised.  A process without a slot runs
 * alone (bootstrap): its subxids need no advertising.
 */
void
ProcArrayAddSubXid(TransactionId xid)
{
    ProcArraySlot *s;
    int         n;

    MyLatestXid = xid;
    if (MyProcNumber < 0)
        return;
    s = &procArray->slots[MyProcNumber];
    n = s->nsubxids;
    if (n < PGPROC_MAX_CACHED_SUBXIDS)
    {
        s->subxids[n] = xid;
        /* entry before count: a reader that sees the count sees the entry */
        __atomic_store_n(&s->nsubxids, n + 1, __ATOMIC_RELEASE);
    }
    else
        __atomic_store_n(&s->overflowed, true, __ATOMIC_RELEASE);
}

/*
 * A subtransaction rolled back: its xids (already marked aborted in the
 * clog) leave our cache.  latestXid is the newest of them.  Xids not in
 * the cache (overflow) are simply not found: the slot stays overflowed
 * until the top-level transaction ends, as in PostgreSQL.
 */
void
ProcArrayRemoveSubXids(const TransactionId *xids, int nxids, TransactionId latestXid)
{
    ProcArraySlot *s;
    int         i,
                j,
                n;

    if (MyProcNumber < 0 || nxids == 0)
        return;
    s = &procArray->slots[MyProcNumber];
    LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
    n = s->nsubxids;
    for (i = 0; i < nxids; i++)
    {
        /* newest first: rolled-back xids are usually at the end */
        for (j = n - 1; j >= 0; j--)
        {
            if (s->subxids[j] == xids[i])
            {
                s->subxids[j] = s->subxids[n - 1];
                n--;
                break;
            }
        }
    }
    __atomic_store_n(&s->nsubxids, n, __ATOMIC_RELEASE);
    if (latestXid > procArray->latestCompletedXid)
        procArray->latestCompletedXid = latestXid;
    __atomic_store_n(&procArray->completionCount, procArray->completionCount + 1,
                     __ATOMIC_RELEASE);
    LWLockRelease(ProcArrayLock);
}

/*
 * End of transaction (commit or abort), after its clog status is recorded:
 * stop advertising the xid and the snapshot xmin.
 */
void
ProcArrayEndTransaction(void)
{
    TransactionId xid;
    ProcArraySlot *s = (MyProcNumber >= 0) ? &procArray->slots[MyProcNumber] : NULL;

    xid = s ? SlotXid(s) : MyUnadvertisedXid;
    if (!TransactionIdIsValid(xid))
    {
        /* read-only: nobody looks at our xid; clearing xmin needs no lock */
        if (s)
            __atomic_store_n(&s->xmin, InvalidTransactionId, __ATOMIC_RELEASE);
        return;
    }

    LWLockAcquire(ProcArrayLock, LW_EXCLUSIVE);
    if (s)
    {
        __atomic_store_n(&s->xid, InvalidTransactionId, __ATOMIC_RELEASE);
        __atomic_store_n(&s->xmin, InvalidTransactionId, __ATOMIC_RELEASE);
        __atomic_store_n(&s->nsubxids, 0, __ATOMIC_RELEASE);
        __atomic_store_n(&s->overflowed, false, __ATOMIC_RELEASE);
    }
    /* subxids are newer than the top xid: the newest assigned may be one */
    if (TransactionIdIsValid(MyLatestXid) && MyLatestXid > xid)
        xid = MyLatestXid;
    if (xid > procArray->latestCompletedXid)
        procArray->latestCompletedXid = xid;
    __atomic_store_n(&procArray->completionCount, procArray->completionCount + 1,
                     __ATOMIC_RELEASE);
    LWLockRelease(ProcArrayLock);
    MyUnadvertisedXid = InvalidTransactionId;
    MyLatestXid = InvalidTransactionId;
}

uint64
ProcArrayCompletionCount(void)
{
    return __atomic_load_n(&procArray->completionCount, __ATOMIC_ACQUIRE);
}

/*
 * Fill snapshot's xmin, xmax, xip and xcnt (type MVCC; curcid is the
 * caller's).  snapshot->xip is allocated in TopMemoryContext, sized for
 * every slot, when NULL; otherwise it must have that capacity.  The first
 * snapshot of a transaction publishes its xmin in our slot.
 */
Snapshot
GetSnapshotData(Snapshot snapshot)
{
    TransactionId xmin,
                xmax;
    uint32      count = 0;
    bool        suboverflowed = false;
    int         i;

    if (snapshot->xip == NULL)
        snapshot->xip = (TransactionId *)
            MemoryContextAlloc(TopMemoryContext,
                               sizeof(TransactionId) * ProcArraySnapshotCapacity());

    LWLockAcquire(ProcArrayLock, LW_SHARED);
    xmax = procArray->latestCompletedXid + 1;
    xmin = xmax;
    for (i = 0; i < procArray->numSlots; i++)
    {
        TransactionId xid = SlotXid(&procArray->slots[i]);

        if (i == MyProcNumber)
        {
            /* not in xip (own changes: TransactionIdIsCurrentTransactionId), but in xmin */
            if (TransactionIdIsValid(xid) && xid < xmin)
                xmin = xid;
            continue;
        }
        if (!TransactionIdIsValid(xid) || xid >= xmax)
            continue;
        if (xid < xmin)
            xmin = xid;
        snapshot->xip[count++] = xid;

        /* its subtransactions' xids (all newer than xid) */
        {
            ProcArraySlot *slot = &procArray->slots[i];
            int         nsub = SlotNSubxids(slot);

            if (SlotOverflowed(slot))
                suboverflowed = true;
            for (int j = 0; j < nsub; j++)
            {
                TransactionId sub = slot->subxids[j];

                if (sub < xmax)
                    snapshot->xip[count++] = sub;
            }
        }
    }
    if (MyProcNumber >= 0 &&
        !TransactionIdIsValid(SlotXmin(&procArray->slots[MyProcNumber])))
        __atomic_store_n(&procArray->slots[MyProcNumber].xmin, xmin, __ATOMIC_RELEASE);
    LWLockRelease(ProcArrayLock);

    RecentXmin = xmin;
    snapshot->snapshot_type = SNAPSHOT_MVCC;
    snapshot->xmin = xmin;
    snapshot->xmax = xmax;
    snapshot->xcnt = count;
    snapshot->suboverflowed = suboverflowed;
    return snapshot;
}

bool
ProcArrayXidIsRunning(TransactionId xid)
{
    int         i;
    int         noverflowed = 0;
    bool        found = false;
    TransactionId top;

    if (!TransactionIdIsValid(xid))
        return false;
    if (xid == MyUnadvertisedXid)
        return true;
    if (overflowedTops == NULL || overflowedTopsSize < procArray->numSlots)
    {
        /* allocated before the lock: no allocation under an LWLock */
        if (overflowedTops != NULL)
            pfree(overflowedTops);
        overflowedTops = MemoryContextAlloc(TopMemoryContext,
                                            sizeof(TransactionId) * procArray->numSlots);
        overflowedTopsSize = procArray->numSlots;
    }
    LWLockAcquire(ProcArrayLock, LW_SHARED);
    for (i = 0; i < procArray->numSlots && !found; i++)
    {
        ProcArraySlot *slot = &procArray->slots[i];
        TransactionId pxid = SlotXid(slot);
        int         nsub;

        if (!TransactionIdIsValid(pxid))
            continue;
        if (pxid == xid)
        {
            found = true;
            break;
        }
        /* subxids are newer than their top xid */
        if (xid < pxid)
            continue;
        nsub = SlotNSubxids(slot);
        for (int j = 0; j < nsub; j++)
        {
            if (slot->subxids[j] == xid)
            {
                found = true;
                break;
            }
        }
        if (!found && SlotOverflowed(slot))
            overflowedTops[noverflowed++] = pxid;
    }
    LWLockRelease(ProcArrayLock);
    if (found || noverflowed == 0)
        return found;

    /*
     * Some backend has more subxids than its cache holds: xid may be one of
     * them.  An aborted xid is not running whatever its parent does; else
     * find its top-level xid in the map (outside ProcArrayLock) and look
     * for that.  A parent that ended since we looked makes us answer
     * "running" for a finished xid, which callers tolerate: they check the
     * clog next or wait on the xid's lock.
     */
    if (TransactionIdDidAbort(xid))
        return false;
    top = SubTransGetTopmostTransaction(xid);
    if (top == xid)
        return false;
    for (i = 0; i < noverflowed; i++)
        if (overflowedTops[i] == top)
            return true;
    return false;
}

/*
 * Is xid still running?  Visibility code asks this before
 * TransactionIdDidCommit (the clog is written before the xid leaves the
 * proc array, so that order never sees "not running, not committed" for
 * a transaction that is committing).  Our own xids, subxids included,
 * are running unless their subtransaction rolled back.
 */
bool
TransactionIdIsInProgress(TransactionId xid)
{
    if (!TransactionIdIsNormal(xid))
        return false;
    /* everything below the xmin of our last snapshot had finished */
    if (TransactionIdIsValid(RecentXmin) && xid < RecentXmin)
        return false;
    if (TransactionIdIsCurrentTransactionId(xid))
        return true;
    return ProcArrayXidIsRunning(xid);
}

TransactionId
GetOldestXmin(void)
{
    TransactionId result;
    int         i;

    LWLockAcquire(ProcArrayLock, LW_SHARED);
    result = procArray->latestCompletedXid + 1;
    for (i = 0; i < procArray->numSlots; i++)
    {
        TransactionId xid = SlotXid(&procArray->slots[i]);
        TransactionId xmin = SlotXmin(&procArray->slots[i]);

        if (TransactionIdIsValid(xid) && xid < result)
            result = xid;
        if (TransactionIdIsValid(xmin) && xmin < result)
            result = xmin;
    }
    LWLockRelease(ProcArrayLock);
    if (TransactionIdIsValid(MyUnadvertisedXid) && MyUnadvertisedXid < result)
        result = MyUnadvertisedXid;
    return result;
}
