/*-------------------------------------------------------------------------
 * lock.c
 *    The heavyweight lock manager: relation, relation-extension, tuple and
 *    transaction-id locks in one fixed-size shared table, with
 *    PostgreSQL's eight modes, FIFO wait queues, lock_timeout and deadlock
 *    detection.
 *
 * Entry points: LockShmemSize/LockShmemInit; LockRelationOid and friends
 * (lmgr.h); XactLockTableInsert/XactLockTableWait; LockReleaseAll and
 * LockErrorCleanup (xact.c); DoLockModesConflict.
 *
 * Shared structures (all sized at startup, never grown):
 *    LOCK        one per locked object (tag), in a chained hash table of
 *                nLocks entries; grant and wait counts per mode.
 *    PROCLOCK    one per (object, process) pair: the modes that process
 *                holds, with re-entrant counts (holdCount) -- so the
 *                "per-backend list of held locks" is the chain of PROCLOCKs
 *                hanging off the process's LockProc, in shared memory.
 *                A waiter has a PROCLOCK too (holdMask may be 0).
 *    LockProc    one per proc array slot (MyProcNumber): wait state, the
 *                futex word it sleeps on, its queue link, its PROCLOCKs.
 * nLocks = nProcLocks = max_locks_per_transaction * ProcArrayNumSlots().
 * Every LOCK has at least one PROCLOCK (else it is freed), so the LOCK
 * pool never runs out before the PROCLOCK pool.  Running out is ERROR 53200
 * "out of shared memory" with PostgreSQL's hint.
 *
 * Granting (PostgreSQL's rules, lock.c/proc.c): a request is granted at
 * once if it conflicts with no mode held by another process and either
 * conflicts with no waiter's request (FIFO fairness) or the requester
 * already holds a mode on the object (it would otherwise queue behind
 * someone waiting for it).  Otherwise it queues -- at the tail, or, if the
 * requester holds a mode on the object, just before the first waiter whose
 * request conflicts with what it holds.  On release the queue is walked in
 * order and every waiter that conflicts neither with the holders nor with
 * an earlier waiter still queued is granted and woken.
 *
 * Waiting: futex(FUTEX_WAIT) on our LockProc's waitStatus, woken by the
 * granter (status GRANTED, then FUTEX_WAKE); every LOCK_WAIT_POLL_MS we
 * wake anyway to run CHECK_FOR_INTERRUPTS (cancel, statement_timeout) and
 * to check lock_timeout (55P03).  After deadlock_timeout we run the
 * deadlock check once: a depth-first search of the wait-for graph from
 * ourselves, with an edge from each waiter to every process holding a
 * conflicting mode on its object, and to every waiter ahead of it in the
 * queue with a conflicting request.  A cycle back to us is reported as
 * 40P01 by us; the others keep waiting and get the lock once our abort
 * releases it.  Departure from PostgreSQL: no queue rearrangement to
 * resolve "soft" deadlocks -- a cycle through queue order is reported too.
 *
 * Locking: LockMgrLock (one LWLock, LockCtl->lock) protects every field of
 * every LOCK, PROCLOCK and LockProc, except that LockProc.waitStatus is also
 * read without it (atomically) by its owner while sleeping.  It is held
 * only for table manipulation, never while sleeping or doing I/O.
 * (PostgreSQL partitions it 16 ways and has a fast path for weak relation
 * locks; Basalt does not yet.)
 *
 * A process needs a proc array slot (ProcArrayAdd / ProcArrayAddAuxiliary)
 * before taking locks.  A backend dying abnormally makes the postmaster
 * reinitialize shared memory, so dead processes' entries need no cleanup.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/lmgr.h"
#include "storage/lwlock.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/xact.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int         max_locks_per_transaction = 64;
int         DeadlockTimeout = 1000;
int         LockTimeout = 0;
void        (*relation_lock_acquired_hook)(void) = NULL;

#define LOCK_WAIT_POLL_MS 20    /* how often a lock wait checks for interrupts */

typedef uint16 LOCKMASK;
#define LOCKBIT_ON(m) ((LOCKMASK) (1 << (m)))

/* ---------------------------------------------------------------- conflicts */

static const LOCKMASK LockConflicts[MAX_LOCKMODES] = {
    0,
    /* AccessShareLock */
    LOCKBIT_ON(AccessExclusiveLock),
    /* RowShareLock */
    LOCKBIT_ON(ExclusiveLock) | LOCKBIT_ON(AccessExclusiveLock),
    /* RowExclusiveLock */
    LOCKBIT_ON(ShareLock) | LOCKBIT_ON(ShareRowExclusiveLock) |
    LOCKBIT_ON(ExclusiveLock) | LOCKBIT_ON(AccessExclusiveLock),
    /* ShareUpdateExclusiveLock */
    LOCKBIT_ON(ShareUpdateExclusiveLock) | LOCKBIT_ON(ShareLock) |
    LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
    LOCKBIT_ON(AccessExclusiveLock),
    /* ShareLock */
    LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) |
    LOCKBIT_ON(ShareRowExclusiveLock) | LOCKBIT_ON(ExclusiveLock) |
    LOCKBIT_ON(AccessExclusiveLock),
    /* ShareRowExclusiveLock */
    LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) |
    LOCKBIT_ON(ShareLock) | LOCKBIT_ON(ShareRowExclusiveLock) |
    LOCKBIT_ON(ExclusiveLock) | LOCKBIT_ON(AccessExclusiveLock),
    /* ExclusiveLock */
    LOCKBIT_ON(RowShareLock) |
    LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) |
    LOCKBIT_ON(ShareLock) | LOCKBIT_ON(ShareRowExclusiveLock) |
    LOCKBIT_ON(ExclusiveLock) | LOCKBIT_ON(AccessExclusiveLock),
    /* AccessExclusiveLock */
    LOCKBIT_ON(AccessShareLock) | LOCKBIT_ON(RowShareLock) |
    LOCKBIT_ON(RowExclusiveLock) | LOCKBIT_ON(ShareUpdateExclusiveLock) |
    LOCKBIT_ON(ShareLock) | LOCKBIT_ON(ShareRowExclusiveLock) |
    LOCKBIT_ON(ExclusiveLock) | LOCKBIT_ON(AccessExclusiveLock)
};

static const char *const lock_mode_names[MAX_LOCKMODES] = {
    "INVALID",
    "AccessShareLock",
    "RowShareLock",
    "RowExclusiveLock",
    "ShareUpdateExclusiveLock",
    "ShareLock",
    "ShareRowExclusiveLock",
    "ExclusiveLock",
    "AccessExclusiveLock"
};

bool
DoLockModesConflict(LOCKMODE mode1, LOCKMODE mode2)
{
    if (mode1 <= NoLock || mode1 >= MAX_LOCKMODES || mode2 <= NoLock || mode2 >= MAX_LOCKMODES)
        return false;
    return (LockConflicts[mode1] & LOCKBIT_ON(mode2)) != 0;
}

const char *
GetLockmodeName(LOCKMODE mode)
{
    if (mode < 0 || mode >= MAX_LOCKMODES)
        return "INVALID";
    return lock_mode_names[mode];
}

/* ---------------------------------------------------------------- shared structures */

typedef enum LockTagType
{
    LOCKTAG_RELATION,
    LOCKTAG_RELATION_EXTEND,
    LOCKTAG_TUPLE,
    LOCKTAG_TRANSACTION,
    LOCKTAG_ADVISORY            /* id = key, relid = 1 (int8 key) or 2 (two int4) */
} LockTagType;

typedef struct LOCKTAG
{
    uint64      id;             /* xid, or (block << 16 | offset) for a tuple */
    uint32      relid;
    uint8       type;           /* LockTagType */
} LOCKTAG;

typedef struct LockEnt
{
    LOCKTAG     tag;
    int         next;           /* hash chain, or free list */
    int         procLocks;      /* PROCLOCKs of this object (via lockNext) */
    int         waitHead;       /* queue of waiting procnos (via LockProc.waitNext) */
    LOCKMASK    grantMask;      /* modes with granted[m] > 0 */
    LOCKMASK    waitMask;       /* modes with waiting[m] > 0 */
    int         granted[MAX_LOCKMODES];     /* processes holding each mode */
    int         waiting[MAX_LOCKMODES];     /* processes waiting for each mode */
} LockEnt;

typedef struct ProcLockEnt
{
    int         lock;           /* LockEnt index; -1 when free */
    int         procno;
    int         lockNext;       /* next PROCLOCK of the same object, or free list */
    int         procNext;       /* next PROCLOCK of the same process */
    LOCKMASK    holdMask;
    uint32      holdCount[MAX_LOCKMODES];   /* re-entrant acquisitions */
    uint32      sessionCount[MAX_LOCKMODES];    /* of those, held past transaction end
                                                 * (session advisory locks) */
} ProcLockEnt;

#define PROC_WAIT_NONE     0
#define PROC_WAIT_WAITING  1
#define PROC_WAIT_GRANTED  2

typedef struct LockProc
{
    uint32      waitStatus;     /* PROC_WAIT_*; the futex word */
    int         waitLock;       /* LockEnt index while queued, else -1 */
    int         waitProcLock;
    LOCKMODE    waitMode;
    int         waitNext;       /* next procno in the same queue */
    int         procLocks;      /* this process's PROCLOCKs (via procNext) */
} LockProc;

typedef struct LockShared
{
    LWLock      lock;           /* LockMgrLock */
    int         nLocks;
    int         nProcLocks;
    int         nBuckets;       /* power of two */
    int         nProcs;
    int         freeLocks;
    int         freeProcLocks;
    int         procLocksInUse;
} LockShared;

static LockShared *LockCtl = NULL;
static int *LockBuckets = NULL;
static LockEnt *Locks = NULL;
static ProcLockEnt *ProcLocks = NULL;
static LockProc *LockProcs = NULL;

#define LockMgrLock (&LockCtl->lock)

typedef enum
{
    LOCKACQUIRE_NOT_AVAIL,
    LOCKACQUIRE_OK,
    LOCKACQUIRE_ALREADY_HELD
} LockAcquireResult;

static int
lock_table_size(void)
{
    return max_locks_per_transaction * ProcArrayNumSlots();
}

static int
bucket_count(void)
{
    int         n = 1;

    while (n < lock_table_size())
        n <<= 1;
    return n;
}

Size
LockShmemSize(void)
{
    Size        size = CACHELINEALIGN(sizeof(LockShared));

    size = add_size(size, CACHELINEALIGN(mul_size(bucket_count(), sizeof(int))));
    size = add_size(size, CACHELINEALIGN(mul_size(lock_table_size(), sizeof(LockEnt))));
    size = add_size(size, CACHELINEALIGN(mul_size(lock_table_size(), sizeof(ProcLockEnt))));
    size = add_size(size, CACHELINEALIGN(mul_size(ProcArrayNumSlots(), sizeof(LockProc))));
    return size;
}

void
LockShmemInit(void)
{
    int         n = lock_table_size();
    int         i;

    if (max_locks_per_transaction < 10)
        elog(FATAL, "max_locks_per_transaction must be at least 10");

    LockCtl = (LockShared *) ShmemAlloc(sizeof(LockShared));
    LockBuckets = (int *) ShmemAlloc(sizeof(int) * bucket_count());
    Locks = (LockEnt *) ShmemAlloc(sizeof(LockEnt) * n);
    ProcLocks = (ProcLockEnt *) ShmemAlloc(sizeof(ProcLockEnt) * n);
    LockProcs = (LockProc *) ShmemAlloc(sizeof(LockProc) * ProcArrayNumSlots());

    LWLockInitialize(&LockCtl->lock, LWTRANCHE_LOCK_MANAGER, 0);
    LockCtl->nLocks = n;
    LockCtl->nProcLocks = n;
    LockCtl->nBuckets = bucket_count();
    LockCtl->nProcs = ProcArrayNumSlots();
    LockCtl->procLocksInUse = 0;

    for (i = 0; i < LockCtl->nBuckets; i++)
        LockBuckets[i] = -1;
    for (i = 0; i < n; i++)
    {
        memset(&Locks[i], 0, sizeof(LockEnt));
        Locks[i].next = (i + 1 < n) ? i + 1 : -1;
        memset(&ProcLocks[i], 0, sizeof(ProcLockEnt));
        ProcLocks[i].lock = -1;
        ProcLocks[i].lockNext = (i + 1 < n) ? i + 1 : -1;
    }
    LockCtl->freeLocks = 0;
    LockCtl->freeProcLocks = 0;
    for (i = 0; i < LockCtl->nProcs; i++)
    {
        LockProcs[i].waitStatus = PROC_WAIT_NONE;
        LockProcs[i].waitLock = -1;
        LockProcs[i].waitProcLock = -1;
        LockProcs[i].waitMode = NoLock;
        LockProcs[i].waitNext = -1;
        LockProcs[i].procLocks = -1;
    }
}

int
LockTableEntriesInUse(void)
{
    int         n;

    LWLockAcquire(LockMgrLock, LW_SHARED);
    n = LockCtl->procLocksInUse;
    LWLockRelease(LockMgrLock);
    return n;
}

/* ---------------------------------------------------------------- table (LockMgrLock held) */

static inline bool
tag_equal(const LOCKTAG *a, const LOCKTAG *b)
{
    return a->id == b->id && a->relid == b->relid && a->type == b->type;
}

static inline uint32
tag_hash(const LOCKTAG *t)
{
    uint64      h = t->id * UINT64_C(0x9E3779B97F4A7C15);

    h ^= ((uint64) t->relid << 8 | t->type) * UINT64_C(0xC2B2AE3D27D4EB4F);
    h ^= h >> 29;
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 32;
    return (uint32) h;
}

/* The LOCK for tag; creates it if create.  -1 if absent, or if the table is full. */
static int
find_lock(const LOCKTAG *tag, bool create)
{
    int        *bucket = &LockBuckets[tag_hash(tag) & (LockCtl->nBuckets - 1)];
    int         i;
    LockEnt    *lk;

    for (i = *bucket; i >= 0; i = Locks[i].next)
        if (tag_equal(&Locks[i].tag, tag))
            return i;
    if (!create || LockCtl->freeLocks < 0)
        return -1;

    i = LockCtl->freeLocks;
    lk = &Locks[i];
    LockCtl->freeLocks = lk->next;
    memset(lk, 0, sizeof(LockEnt));
    lk->tag = *tag;
    lk->procLocks = -1;
    lk->waitHead = -1;
    lk->next = *bucket;
    *bucket = i;
    return i;
}

static void
free_lock(int lockidx)
{
    LockEnt    *lk = &Locks[lockidx];
    int        *link = &LockBuckets[tag_hash(&lk->tag) & (LockCtl->nBuckets - 1)];

    Assert(lk->procLocks < 0 && lk->waitHead < 0);
    while (*link != lockidx)
        link = &Locks[*link].next;
    *link = lk->next;
    lk->next = LockCtl->freeLocks;
    LockCtl->freeLocks = lockidx;
}

static int
find_proclock(int lockidx, int procno, bool create)
{
    int         i;
    ProcLockEnt *pl;

    for (i = Locks[lockidx].procLocks; i >= 0; i = ProcLocks[i].lockNext)
        if (ProcLocks[i].procno == procno)
            return i;
    if (!create || LockCtl->freeProcLocks < 0)
        return -1;

    i = LockCtl->freeProcLocks;
    pl = &ProcLocks[i];
    LockCtl->freeProcLocks = pl->lockNext;
    memset(pl, 0, sizeof(ProcLockEnt));
    pl->lock = lockidx;
    pl->procno = procno;
    pl->lockNext = Locks[lockidx].procLocks;
    Locks[lockidx].procLocks = i;
    pl->procNext = LockProcs[procno].procLocks;
    LockProcs[procno].procLocks = i;
    LockCtl->procLocksInUse++;
    return i;
}

static void
free_proclock(int plidx)
{
    ProcLockEnt *pl = &ProcLocks[plidx];
    int        *link;

    Assert(pl->holdMask == 0);
    for (link = &Locks[pl->lock].procLocks; *link != plidx; link = &ProcLocks[*link].lockNext)
        ;
    *link = pl->lockNext;
    for (link = &LockProcs[pl->procno].procLocks; *link != plidx; link = &ProcLocks[*link].procNext)
        ;
    *link = pl->procNext;
    pl->lock = -1;
    pl->lockNext = LockCtl->freeProcLocks;
    LockCtl->freeProcLocks = plidx;
    LockCtl->procLocksInUse--;
}

/* Free a PROCLOCK that holds nothing and waits for nothing, and its LOCK if unused. */
static void
cleanup_lock(int lockidx, int plidx)
{
    if (plidx >= 0 && ProcLocks[plidx].holdMask == 0 &&
        LockProcs[ProcLocks[plidx].procno].waitProcLock != plidx)
        free_proclock(plidx);
    if (Locks[lockidx].procLocks < 0)
        free_lock(lockidx);
}

/* Modes held on the object by processes other than pl's. */
static LOCKMASK
others_granted(const LockEnt *lk, const ProcLockEnt *pl)
{
    LOCKMASK    mask = 0;
    int         m;

    for (m = 1; m < MAX_LOCKMODES; m++)
    {
        int         mine = (pl->holdMask & LOCKBIT_ON(m)) ? 1 : 0;

        if (lk->granted[m] - mine > 0)
            mask |= LOCKBIT_ON(m);
    }
    return mask;
}

static void
grant_lock(LockEnt *lk, ProcLockEnt *pl, LOCKMODE mode)
{
    if (!(pl->holdMask & LOCKBIT_ON(mode)))
    {
        pl->holdMask |= LOCKBIT_ON(mode);
        lk->granted[mode]++;
        lk->grantMask |= LOCKBIT_ON(mode);
    }
    pl->holdCount[mode]++;
}

/* Drop every hold of mode by pl (all re-entrant counts). */
static void
ungrant_lock(LockEnt *lk, ProcLockEnt *pl, LOCKMODE mode)
{
    Assert(pl->holdMask & LOCKBIT_ON(mode));
    pl->holdMask &= ~LOCKBIT_ON(mode);
    pl->holdCount[mode] = 0;
    pl->sessionCount[mode] = 0;
    if (--lk->granted[mode] == 0)
        lk->grantMask &= ~LOCKBIT_ON(mode);
}

static void
futex_wake(uint32 *addr)
{
    (void) syscall(SYS_futex, addr, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* Unlink procno from its lock's wait queue (LockMgrLock held). */
static void
dequeue_waiter(LockEnt *lk, int procno)
{
    LockProc   *p = &LockProcs[procno];
    int        *link;

    for (link = &lk->waitHead; *link != procno; link = &LockProcs[*link].waitNext)
        ;
    *link = p->waitNext;
    if (--lk->waiting[p->waitMode] == 0)
        lk->waitMask &= ~LOCKBIT_ON(p->waitMode);
    p->waitNext = -1;
    p->waitLock = -1;
    p->waitProcLock = -1;
}

/*
 * Grant, in queue order, every waiter that conflicts neither with the
 * holders nor with a waiter ahead of it that stays queued.
 */
static void
wakeup_waiters(LockEnt *lk)
{
    LOCKMASK    aheadRequests = 0;
    int         procno = lk->waitHead;

    while (procno >= 0)
    {
        LockProc   *p = &LockProcs[procno];
        int         next = p->waitNext;
        LOCKMODE    mode = p->waitMode;
        ProcLockEnt *pl = &ProcLocks[p->waitProcLock];

        if (!(LockConflicts[mode] & aheadRequests) &&
            !(LockConflicts[mode] & others_granted(lk, pl)))
        {
            grant_lock(lk, pl, mode);
            dequeue_waiter(lk, procno);
            __atomic_store_n(&p->waitStatus, PROC_WAIT_GRANTED, __ATOMIC_RELEASE);
            futex_wake(&p->waitStatus);
        }
        else
            aheadRequests |= LOCKBIT_ON(mode);
        procno = next;
    }
}

/* Queue MyProcNumber for mode on lk (see the granting rules in the header). */
static void
enqueue_waiter(int lockidx, int plidx, LOCKMODE mode)
{
    LockEnt    *lk = &Locks[lockidx];
    LockProc   *me = &LockProcs[MyProcNumber];
    LOCKMASK    myHeld = ProcLocks[plidx].holdMask;
    int        *link = &lk->waitHead;

    /*
     * Tail, unless we hold a mode here: then just ahead of the first waiter
     * that waits for something we hold (it would wait for us, we for it).
     */
    while (*link >= 0 &&
           !(myHeld != 0 && (LockConflicts[LockProcs[*link].waitMode] & myHeld)))
        link = &LockProcs[*link].waitNext;
    me->waitNext = *link;
    *link = MyProcNumber;

    me->waitLock = lockidx;
    me->waitProcLock = plidx;
    me->waitMode = mode;
    lk->waiting[mode]++;
    lk->waitMask |= LOCKBIT_ON(mode);
    __atomic_store_n(&me->waitStatus, PROC_WAIT_WAITING, __ATOMIC_RELEASE);
}

/* ---------------------------------------------------------------- deadlock detection */

typedef struct WaitEdge
{
    int         waiter;
    int         blocker;
} WaitEdge;

static bool *dl_visited = NULL;     /* per backend, dl_capacity entries */
static WaitEdge *dl_path = NULL;    /* per backend, dl_capacity entries */
static int  dl_capacity = 0;
static int  dl_pathlen = 0;

static bool dl_search(int start, int procno, int depth);

static bool
dl_visit(int start, int waiter, int blocker, int depth)
{
    dl_path[depth].waiter = waiter;
    dl_path[depth].blocker = blocker;
    if (blocker == start)
    {
        dl_pathlen = depth + 1;
        return true;
    }
    if (dl_visited[blocker])
        return false;
    dl_visited[blocker] = true;
    return dl_search(start, blocker, depth + 1);
}

/* Does some chain of waits from procno lead back to start?  LockMgrLock held. */
static bool
dl_search(int start, int procno, int depth)
{
    LockProc   *p = &LockProcs[procno];
    LockEnt    *lk;
    LOCKMASK    conflicts;
    int         i;

    if (p->waitLock < 0 || depth >= LockCtl->nProcs)
        return false;
    lk = &Locks[p->waitLock];
    conflicts = LockConflicts[p->waitMode];

    /* hard edges: holders of a conflicting mode */
    for (i = lk->procLocks; i >= 0; i = ProcLocks[i].lockNext)
    {
        int         q = ProcLocks[i].procno;

        if (q != procno && (ProcLocks[i].holdMask & conflicts) &&
            dl_visit(start, procno, q, depth))
            return true;
    }
    /* soft edges: conflicting requests queued ahead of us */
    for (i = lk->waitHead; i >= 0 && i != procno; i = LockProcs[i].waitNext)
    {
        if ((LOCKBIT_ON(LockProcs[i].waitMode) & conflicts) &&
            dl_visit(start, procno, i, depth))
            return true;
    }
    return false;
}

static void
describe_lock(char *buf, size_t len, const LOCKTAG *tag)
{
    switch ((LockTagType) tag->type)
    {
        case LOCKTAG_RELATION:
            snprintf(buf, len, "relation %u", tag->relid);
            break;
        case LOCKTAG_RELATION_EXTEND:
            snprintf(buf, len, "extension of relation %u", tag->relid);
            break;
        case LOCKTAG_TUPLE:
            snprintf(buf, len, "tuple (%u,%u) of relation %u",
                     (unsigned) (tag->id >> 16), (unsigned) (tag->id & 0xFFFF), tag->relid);
            break;
        case LOCKTAG_TRANSACTION:
            snprintf(buf, len, "transaction %llu", (unsigned long long) tag->id);
            break;
        case LOCKTAG_ADVISORY:
            /* PostgreSQL's [database, key1, key2, kind]; Basalt's one database is OID 5 */
            snprintf(buf, len, "advisory lock [5,%u,%u,%u]", (unsigned) (tag->id >> 32),
                     (unsigned) (tag->id & 0xFFFFFFFF), tag->relid);
            break;
    }
}

/*
 * Check for a deadlock cycle through MyProcNumber; if there is one, fill
 * detail with PostgreSQL's DETAIL lines.  LockMgrLock held exclusively.
 */
static bool
DeadLockCheck(char *detail, size_t len)
{
    int         i;
    size_t      used = 0;

    memset(dl_visited, 0, sizeof(bool) * LockCtl->nProcs);
    dl_visited[MyProcNumber] = true;
    dl_pathlen = 0;
    if (!dl_search(MyProcNumber, MyProcNumber, 0))
        return false;

    detail[0] = '\0';
    for (i = 0; i < dl_pathlen && used < len; i++)
    {
        LockProc   *w = &LockProcs[dl_path[i].waiter];
        char        what[128];

        describe_lock(what, sizeof(what), &Locks[w->waitLock].tag);
        used += snprintf(detail + used, len - used,
                         "%sProcess %d waits for %s on %s; blocked by process %d.",
                         i > 0 ? "\n" : "",
                         ProcArrayGetPid(dl_path[i].waiter),
                         GetLockmodeName(w->waitMode), what,
                         ProcArrayGetPid(dl_path[i].blocker));
    }
    return true;
}

/* ---------------------------------------------------------------- waiting */

static int64
now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Leave the wait queue if still in it.  Returns true if the lock was
 * granted meanwhile (it stays held; LockReleaseAll releases it).
 * LockMgrLock held exclusively.
 */
static bool
cancel_wait_locked(void)
{
    LockProc   *me = &LockProcs[MyProcNumber];
    bool        granted;

    if (me->waitLock >= 0)
    {
        int         lockidx = me->waitLock;
        int         plidx = me->waitProcLock;

        dequeue_waiter(&Locks[lockidx], MyProcNumber);
        /* waiters behind us may be grantable now */
        wakeup_waiters(&Locks[lockidx]);
        cleanup_lock(lockidx, plidx);
        granted = false;
    }
    else
        granted = (__atomic_load_n(&me->waitStatus, __ATOMIC_ACQUIRE) == PROC_WAIT_GRANTED);
    __atomic_store_n(&me->waitStatus, PROC_WAIT_NONE, __ATOMIC_RELEASE);
    return granted;
}

void
LockErrorCleanup(void)
{
    if (LockProcs == NULL || MyProcNumber < 0)
        return;
    if (__atomic_load_n(&LockProcs[MyProcNumber].waitStatus, __ATOMIC_ACQUIRE) == PROC_WAIT_NONE)
        return;
    LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
    (void) cancel_wait_locked();
    LWLockRelease(LockMgrLock);
}

/* Deadlock-search workspace: allocated once per backend, before any wait. */
static void
ensure_deadlock_workspace(void)
{
    if (dl_capacity >= LockCtl->nProcs)
        return;
    if (dl_visited != NULL)
    {
        pfree(dl_visited);
        pfree(dl_path);
    }
    dl_visited = (bool *) MemoryContextAlloc(TopMemoryContext,
                                             sizeof(bool) * LockCtl->nProcs);
    dl_path = (WaitEdge *) MemoryContextAlloc(TopMemoryContext,
                                              sizeof(WaitEdge) * LockCtl->nProcs);
    dl_capacity = LockCtl->nProcs;
}

/* The body of WaitOnLock: returns once granted, or throws. */
static void
wait_loop(void)
{
    LockProc   *me = &LockProcs[MyProcNumber];
    int64       start = now_ms();
    bool        deadlockChecked = false;

    for (;;)
    {
        int64       elapsed,
                    sleep_ms;
        struct timespec ts;

        if (__atomic_load_n(&me->waitStatus, __ATOMIC_ACQUIRE) == PROC_WAIT_GRANTED)
            return;
        CHECK_FOR_INTERRUPTS();

        elapsed = now_ms() - start;
        if (LockTimeout > 0 && elapsed >= LockTimeout)
        {
            bool        granted;

            LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
            granted = cancel_wait_locked();
            LWLockRelease(LockMgrLock);
            if (granted)
                return;
            ereport(ERROR,
                    errcode(ERRCODE_LOCK_NOT_AVAILABLE),
                    errmsg("canceling statement due to lock timeout"));
        }
        if (!deadlockChecked && elapsed >= DeadlockTimeout)
        {
            char        detail[1024];
            bool        deadlock = false;

            deadlockChecked = true;
            LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
            if (me->waitLock >= 0 && DeadLockCheck(detail, sizeof(detail)))
            {
                deadlock = true;
                (void) cancel_wait_locked();
            }
            LWLockRelease(LockMgrLock);
            if (deadlock)
                ereport(ERROR,
                        errcode(ERRCODE_T_R_DEADLOCK_DETECTED),
                        errmsg("deadlock detected"),
                        errdetail_internal("%s", detail),
                        errhint("See server log for query details."));
            continue;
        }

        sleep_ms = LOCK_WAIT_POLL_MS;
        if (!deadlockChecked)
            sleep_ms = Min(sleep_ms, Max(DeadlockTimeout - elapsed, 1));
        if (LockTimeout > 0)
            sleep_ms = Min(sleep_ms, Max(LockTimeout - elapsed, 1));
        ts.tv_sec = sleep_ms / 1000;
        ts.tv_nsec = (sleep_ms % 1000) * 1000000;
        /* returns at once if the status is no longer WAITING */
        (void) syscall(SYS_futex, &me->waitStatus, FUTEX_WAIT, PROC_WAIT_WAITING,
                       &ts, NULL, 0);
    }
}

/*
 * Sleep until our queued request is granted.  Called without LockMgrLock
 * after enqueue_waiter.  An ERROR (cancel, statement_timeout,
 * lock_timeout, deadlock) leaves the queue before propagating.
 */
static void
WaitOnLock(void)
{
    PG_TRY();
    {
        wait_loop();
    }
    PG_CATCH();
    {
        LockErrorCleanup();
        PG_RE_THROW();
    }
    PG_END_TRY();

    __atomic_store_n(&LockProcs[MyProcNumber].waitStatus, PROC_WAIT_NONE, __ATOMIC_RELEASE);
}

/* ---------------------------------------------------------------- acquire / release */

static void
check_lock_args(LOCKMODE mode)
{
    if (mode <= NoLock || mode >= MAX_LOCKMODES)
        elog(ERROR, "unrecognized lock mode: %d", mode);
    if (LockCtl == NULL)
        elog(ERROR, "lock manager is not initialized");
    if (MyProcNumber < 0)
        elog(ERROR, "cannot take a lock in a process without a proc array slot");
}

static void
report_out_of_locks(void)
{
    ereport(ERROR,
            errcode(ERRCODE_OUT_OF_MEMORY),
            errmsg("out of shared memory"),
            errhint("You might need to increase max_locks_per_transaction."));
}

static LockAcquireResult
LockAcquireExtended(const LOCKTAG *tag, LOCKMODE mode, bool dontWait)
{
    int         lockidx,
                plidx;
    LockEnt    *lk;
    ProcLockEnt *pl;
    LOCKMASK    conflicts;
    bool        grant;

    check_lock_args(mode);
    if (!dontWait)
        ensure_deadlock_workspace();

    LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
    lockidx = find_lock(tag, true);
    if (lockidx < 0)
    {
        LWLockRelease(LockMgrLock);
        report_out_of_locks();
    }
    plidx = find_proclock(lockidx, MyProcNumber, true);
    if (plidx < 0)
    {
        cleanup_lock(lockidx, -1);
        LWLockRelease(LockMgrLock);
        report_out_of_locks();
    }
    lk = &Locks[lockidx];
    pl = &ProcLocks[plidx];

    if (pl->holdCount[mode] > 0)
    {
        pl->holdCount[mode]++;
        LWLockRelease(LockMgrLock);
        return LOCKACQUIRE_ALREADY_HELD;
    }

    conflicts = LockConflicts[mode] & others_granted(lk, pl);
    if (conflicts)
        grant = false;
    else if (pl->holdMask != 0)
        grant = true;           /* never queue behind someone waiting for us */
    else
        grant = !(LockConflicts[mode] & lk->waitMask);

    if (grant)
    {
        grant_lock(lk, pl, mode);
        LWLockRelease(LockMgrLock);
        return LOCKACQUIRE_OK;
    }
    if (dontWait)
    {
        cleanup_lock(lockidx, plidx);
        LWLockRelease(LockMgrLock);
        return LOCKACQUIRE_NOT_AVAIL;
    }

    enqueue_waiter(lockidx, plidx, mode);
    LWLockRelease(LockMgrLock);

    WaitOnLock();
    return LOCKACQUIRE_OK;
}

/* Release one hold of mode on tag; false (with a WARNING) if not held. */
static bool
LockRelease(const LOCKTAG *tag, LOCKMODE mode)
{
    int         lockidx,
                plidx;
    LockEnt    *lk;
    ProcLockEnt *pl;

    check_lock_args(mode);

    LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
    lockidx = find_lock(tag, false);
    plidx = (lockidx >= 0) ? find_proclock(lockidx, MyProcNumber, false) : -1;
    if (plidx < 0 || ProcLocks[plidx].holdCount[mode] == 0)
    {
        LWLockRelease(LockMgrLock);
        elog(WARNING, "you don't own a lock of type %s", GetLockmodeName(mode));
        return false;
    }
    lk = &Locks[lockidx];
    pl = &ProcLocks[plidx];
    if (--pl->holdCount[mode] == 0)
    {
        ungrant_lock(lk, pl, mode);
        if (lk->waitHead >= 0)
            wakeup_waiters(lk);
        cleanup_lock(lockidx, plidx);
    }
    LWLockRelease(LockMgrLock);
    return true;
}

/*
 * Release this process's locks: at transaction end every hold that is not a
 * session hold (keep_session), at backend exit all of them.
 */
static void
release_all_locks(bool keep_session)
{
    LockProc   *me;
    int         plidx,
                next;

    if (LockCtl == NULL || MyProcNumber < 0)
        return;
    LockErrorCleanup();
    me = &LockProcs[MyProcNumber];
    if (me->procLocks < 0)
        return;                 /* only we add to our list: no lock needed to see it empty */

    LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
    for (plidx = me->procLocks; plidx >= 0; plidx = next)
    {
        ProcLockEnt *pl = &ProcLocks[plidx];
        int         lockidx = pl->lock;
        LockEnt    *lk = &Locks[lockidx];
        int         m;

        next = pl->procNext;
        for (m = 1; m < MAX_LOCKMODES; m++)
        {
            if (!(pl->holdMask & LOCKBIT_ON(m)))
                continue;
            if (keep_session && pl->sessionCount[m] > 0)
                pl->holdCount[m] = pl->sessionCount[m];
            else
                ungrant_lock(lk, pl, m);
        }
        if (lk->waitHead >= 0)
            wakeup_waiters(lk);
        cleanup_lock(lockidx, plidx);
    }
    LWLockRelease(LockMgrLock);
}

/* Transaction end: every lock but session advisory locks. */
void
LockReleaseAll(void)
{
    release_all_locks(true);
}

/* Backend exit: everything. */
void
LockReleaseAllForExit(void)
{
    release_all_locks(false);
}

static bool
LockHeldByMe(const LOCKTAG *tag, LOCKMODE mode)
{
    int         lockidx,
                plidx;
    bool        held = false;

    if (LockCtl == NULL || MyProcNumber < 0)
        return false;
    LWLockAcquire(LockMgrLock, LW_SHARED);
    lockidx = find_lock(tag, false);
    plidx = (lockidx >= 0) ? find_proclock(lockidx, MyProcNumber, false) : -1;
    if (plidx >= 0)
        held = ProcLocks[plidx].holdCount[mode] > 0;
    LWLockRelease(LockMgrLock);
    return held;
}

/* ---------------------------------------------------------------- lmgr.h */

static inline LOCKTAG
relation_tag(Oid relid)
{
    LOCKTAG     tag = {.id = 0, .relid = relid, .type = LOCKTAG_RELATION};

    return tag;
}

static inline LOCKTAG
tuple_tag(Oid relid, BlockNumber blkno, OffsetNumber offnum)
{
    LOCKTAG     tag = {.id = ((uint64) blkno << 16) | offnum, .relid = relid,
                       .type = LOCKTAG_TUPLE};

    return tag;
}

static inline LOCKTAG
xact_tag(TransactionId xid)
{
    LOCKTAG     tag = {.id = xid, .relid = 0, .type = LOCKTAG_TRANSACTION};

    return tag;
}

void
LockRelationOid(Oid relid, LOCKMODE mode)
{
    LOCKTAG     tag = relation_tag(relid);

    if (LockAcquireExtended(&tag, mode, false) != LOCKACQUIRE_ALREADY_HELD &&
        relation_lock_acquired_hook)
        relation_lock_acquired_hook();
}

bool
ConditionalLockRelationOid(Oid relid, LOCKMODE mode)
{
    LOCKTAG     tag = relation_tag(relid);
    LockAcquireResult res = LockAcquireExtended(&tag, mode, true);

    if (res == LOCKACQUIRE_NOT_AVAIL)
        return false;
    if (res != LOCKACQUIRE_ALREADY_HELD && relation_lock_acquired_hook)
        relation_lock_acquired_hook();
    return true;
}

void
UnlockRelationOid(Oid relid, LOCKMODE mode)
{
    LOCKTAG     tag = relation_tag(relid);

    (void) LockRelease(&tag, mode);
}

bool
RelationOidLockHeldByMe(Oid relid, LOCKMODE mode)
{
    LOCKTAG     tag = relation_tag(relid);

    return LockHeldByMe(&tag, mode);
}

void
LockRelationForExtension(Oid relNode)
{
    LOCKTAG     tag = {.id = 0, .relid = relNode, .type = LOCKTAG_RELATION_EXTEND};

    (void) LockAcquireExtended(&tag, ExclusiveLock, false);
}

void
UnlockRelationForExtension(Oid relNode)
{
    LOCKTAG     tag = {.id = 0, .relid = relNode, .type = LOCKTAG_RELATION_EXTEND};

    (void) LockRelease(&tag, ExclusiveLock);
}

void
LockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE mode)
{
    LOCKTAG     tag = tuple_tag(relid, blkno, offnum);

    (void) LockAcquireExtended(&tag, mode, false);
}

bool
ConditionalLockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE mode)
{
    LOCKTAG     tag = tuple_tag(relid, blkno, offnum);

    return LockAcquireExtended(&tag, mode, true) != LOCKACQUIRE_NOT_AVAIL;
}

void
UnlockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE mode)
{
    LOCKTAG     tag = tuple_tag(relid, blkno, offnum);

    (void) LockRelease(&tag, mode);
}

void
XactLockTableInsert(TransactionId xid)
{
    LOCKTAG     tag = xact_tag(xid);

    (void) LockAcquireExtended(&tag, ExclusiveLock, false);
}

/*
 * A rolled-back subtransaction's xid (storage/xact.c): release its lock
 * before top-level end, so that waiters for its rows go ahead (the caller
 * marked it aborted and removed it from the proc array first).
 */
void
XactLockTableDelete(TransactionId xid)
{
    LOCKTAG     tag = xact_tag(xid);

    (void) LockRelease(&tag, ExclusiveLock);
}

/*
 * Wait for xid to end: its owner holds ExclusiveLock on it from
 * assignment to end of transaction, so taking ShareLock waits exactly
 * that long.  The loop covers the instant between the owner publishing
 * its xid and locking it.
 */
void
XactLockTableWait(TransactionId xid)
{
    LOCKTAG     tag = xact_tag(xid);

    Assert(!TransactionIdIsCurrentTransactionId(xid));
    for (;;)
    {
        (void) LockAcquireExtended(&tag, ShareLock, false);
        (void) LockRelease(&tag, ShareLock);
        if (!TransactionIdIsInProgress(xid))
            break;
        CHECK_FOR_INTERRUPTS();
        usleep(1000);
    }
}

bool
ConditionalXactLockTableWait(TransactionId xid)
{
    LOCKTAG     tag = xact_tag(xid);

    for (;;)
    {
        if (LockAcquireExtended(&tag, ShareLock, true) == LOCKACQUIRE_NOT_AVAIL)
            return false;
        (void) LockRelease(&tag, ShareLock);
        if (!TransactionIdIsInProgress(xid))
            return true;
        CHECK_FOR_INTERRUPTS();
        usleep(1000);
    }
}

/* ---------------------------------------------------------------- advisory locks */

static inline LOCKTAG
advisory_tag(uint64 key, int kind)
{
    LOCKTAG     tag = {.id = key, .relid = (uint32) kind, .type = LOCKTAG_ADVISORY};

    return tag;
}

bool
AdvisoryLockAcquire(uint64 key, int kind, LOCKMODE mode, bool session, bool dontWait)
{
    LOCKTAG     tag = advisory_tag(key, kind);
    int         lockidx,
                plidx;

    if (LockAcquireExtended(&tag, mode, dontWait) == LOCKACQUIRE_NOT_AVAIL)
        return false;
    if (session)
    {
        /* the hold just granted (by us or by a waker) is a session hold */
        LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
        lockidx = find_lock(&tag, false);
        plidx = find_proclock(lockidx, MyProcNumber, false);
        Assert(plidx >= 0);
        ProcLocks[plidx].sessionCount[mode]++;
        LWLockRelease(LockMgrLock);
    }
    return true;
}

/*
 * pg_advisory_unlock: one session hold of mode on the key.  Transaction
 * holds cannot be released early; without a session hold this is false
 * and PostgreSQL's WARNING.
 */
bool
AdvisoryLockRelease(uint64 key, int kind, LOCKMODE mode)
{
    LOCKTAG     tag = advisory_tag(key, kind);
    int         lockidx,
                plidx;
    ProcLockEnt *pl;
    LockEnt    *lk;

    LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
    lockidx = find_lock(&tag, false);
    plidx = (lockidx >= 0) ? find_proclock(lockidx, MyProcNumber, false) : -1;
    if (plidx < 0 || ProcLocks[plidx].sessionCount[mode] == 0)
    {
        LWLockRelease(LockMgrLock);
        elog(WARNING, "you don't own a lock of type %s", GetLockmodeName(mode));
        return false;
    }
    pl = &ProcLocks[plidx];
    lk = &Locks[lockidx];
    pl->sessionCount[mode]--;
    if (--pl->holdCount[mode] == 0)
    {
        ungrant_lock(lk, pl, mode);
        if (lk->waitHead >= 0)
            wakeup_waiters(lk);
        cleanup_lock(lockidx, plidx);
    }
    LWLockRelease(LockMgrLock);
    return true;
}

/* pg_advisory_unlock_all: every session advisory hold (transaction ones stay). */
void
AdvisoryLockReleaseAll(void)
{
    LockProc   *me;
    int         plidx,
                next;

    if (LockCtl == NULL || MyProcNumber < 0)
        return;
    me = &LockProcs[MyProcNumber];
    LWLockAcquire(LockMgrLock, LW_EXCLUSIVE);
    for (plidx = me->procLocks; plidx >= 0; plidx = next)
    {
        ProcLockEnt *pl = &ProcLocks[plidx];
        int         lockidx = pl->lock;
        LockEnt    *lk = &Locks[lockidx];

        next = pl->procNext;
        if (lk->tag.type != LOCKTAG_ADVISORY)
            continue;
        for (int m = 1; m < MAX_LOCKMODES; m++)
        {
            if (pl->sessionCount[m] == 0)
                continue;
            pl->holdCount[m] -= pl->sessionCount[m];
            pl->sessionCount[m] = 0;
            if (pl->holdCount[m] == 0)
                ungrant_lock(lk, pl, m);
        }
        if (lk->waitHead >= 0)
            wakeup_waiters(lk);
        cleanup_lock(lockidx, plidx);
    }
    LWLockRelease(LockMgrLock);
}
