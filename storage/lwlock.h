/*-------------------------------------------------------------------------
 * lwlock.h
 *    Lightweight locks: reader/writer locks in shared memory for data
 *    structures held for more than a few instructions (buffer contents,
 *    the buffer mapping partitions, the proc array, the commit log, ...).
 *
 * An LWLock is one 32-bit atomic state word:
 *      bits 0..23   number of shared holders
 *      bit  24      held exclusively (LW_VAL_EXCLUSIVE)
 *      bit  30      LW_FLAG_HAS_WAITERS: someone may be asleep on the word
 *
 * Acquire: CAS the state; on conflict spin LW_SPINS_BEFORE_SLEEP times
 * with a CPU pause, then set HAS_WAITERS and sleep in futex(FUTEX_WAIT) on
 * the state word, expecting the exact value just seen.  Release: subtract
 * our share; whoever brings the holder count to zero while HAS_WAITERS is
 * set clears the flag and then futex-wakes every sleeper, and they all
 * retry.  No wakeup is lost: the kernel compares the word and queues the
 * sleeper atomically with respect to FUTEX_WAKE, and HAS_WAITERS is only
 * cleared by a releaser that wakes everyone afterwards; a waiter whose
 * expected value went stale returns from FUTEX_WAIT at once and retries.
 * (PostgreSQL queues PGPROCs on a wait list and wakes them selectively;
 * Basalt trades that fairness for simplicity: wake-all, no queue.  A
 * steady stream of share lockers can delay an exclusive waiter.)
 *
 * The futex is the non-private kind because the word lives in a
 * MAP_SHARED mapping used by many processes.
 *
 * Rules:
 *  - Each backend remembers the locks it holds (at most MAX_SIMUL_LWLOCKS;
 *    more is a PANIC: it means a leak).  Error recovery calls
 *    LWLockReleaseAll() before anything else, so an ERROR thrown while
 *    holding LWLocks is safe.  A backend that dies holding one takes the
 *    cluster down with it (the postmaster reinitializes shared memory).
 *  - Waits are not interruptible and there is no deadlock detection:
 *    acquire multiple LWLocks in a fixed order (documented by each user).
 *  - Never acquire an LWLock while holding a spinlock.
 *-------------------------------------------------------------------------
 */
#ifndef LWLOCK_H
#define LWLOCK_H

#include "backend/basalt.h"

typedef enum LWLockMode
{
    LW_EXCLUSIVE,
    LW_SHARED
} LWLockMode;

/* Tranches name groups of locks for messages and debugging. */
typedef enum LWLockTranche
{
    LWTRANCHE_MAIN = 0,         /* the named individual locks below */
    LWTRANCHE_BUFFER_CONTENT,
    LWTRANCHE_BUFFER_MAPPING,
    LWTRANCHE_BUFFER_IO,
    LWTRANCHE_RELATION_EXTENSION,
    LWTRANCHE_LOCK_MANAGER,
    LWTRANCHE_CLOG_BUFFER,
    LWTRANCHE_WAL,
    LWTRANCHE_SINVAL,
    LWTRANCHE_PROC,
    LWTRANCHE_OTHER,
    LWTRANCHE_COUNT
} LWLockTranche;

typedef struct LWLock
{
    uint32      state;          /* see above; also the futex word */
    uint16      tranche;        /* LWLockTranche */
    uint16      id;             /* index within its tranche, for messages */
} LWLock;

/* Locks in arrays get a cache line each so they do not false-share. */
#define LWLOCK_PADDED_SIZE 64
typedef union LWLockPadded
{
    LWLock      lock;
    char        pad[LWLOCK_PADDED_SIZE];
} LWLockPadded;
StaticAssertDecl(sizeof(LWLock) <= LWLOCK_PADDED_SIZE, "LWLock too large");

#define MAX_SIMUL_LWLOCKS 200

/*
 * Individual named locks (PostgreSQL's names), in the main array created
 * by CreateLWLocks.  Each owning module documents what its lock protects.
 */
typedef enum BuiltinLWLockId
{
    XidGenLockId = 0,           /* storage/transam.c: next xid */
    OidGenLockId,               /* storage/transam.c: next oid */
    ProcArrayLockId,            /* storage/procarray.c */
    CLogControlLockId,          /* storage/clog.c */
    SInvalReadLockId,           /* catalog/sinval.c */
    SInvalWriteLockId,          /* catalog/sinval.c */
    WALInsertLockId,            /* WAL buffers (later) */
    WALWriteLockId,             /* WAL writes/flushes (later) */
    ControlFileLockId,          /* pg_control (later) */
    CheckpointLockId,           /* one checkpoint at a time (later) */
    NUM_INDIVIDUAL_LWLOCKS
} BuiltinLWLockId;

extern LWLockPadded *MainLWLockArray;   /* set by CreateLWLocks; in the segment */

#define XidGenLock          (&MainLWLockArray[XidGenLockId].lock)
#define OidGenLock          (&MainLWLockArray[OidGenLockId].lock)
#define ProcArrayLock       (&MainLWLockArray[ProcArrayLockId].lock)
#define CLogControlLock     (&MainLWLockArray[CLogControlLockId].lock)
#define SInvalReadLock      (&MainLWLockArray[SInvalReadLockId].lock)
#define SInvalWriteLock     (&MainLWLockArray[SInvalWriteLockId].lock)
#define WALInsertLock       (&MainLWLockArray[WALInsertLockId].lock)
#define WALWriteLock        (&MainLWLockArray[WALWriteLockId].lock)
#define ControlFileLock     (&MainLWLockArray[ControlFileLockId].lock)
#define CheckpointLock      (&MainLWLockArray[CheckpointLockId].lock)

/* Shared memory: the main array (called from CreateSharedMemoryAndSemaphores). */
extern Size LWLockShmemSize(void);
extern void CreateLWLocks(void);

/* For locks embedded in other modules' shared structures. */
extern void LWLockInitialize(LWLock *lock, int tranche, int id);

extern void LWLockAcquire(LWLock *lock, LWLockMode mode);
/* Acquire only if immediately available; never waits. */
extern bool LWLockConditionalAcquire(LWLock *lock, LWLockMode mode);
extern void LWLockRelease(LWLock *lock);
/* Error recovery: release everything this backend holds. */
extern void LWLockReleaseAll(void);
extern bool LWLockHeldByMe(LWLock *lock);
extern bool LWLockHeldByMeInMode(LWLock *lock, LWLockMode mode);
extern int  LWLockNumHeldByMe(void);
extern const char *GetLWLockIdentifier(LWLock *lock);

/* Test hooks (per process): sleeps taken in futex waits. */
extern uint64 lwlock_sleeps_total;

#endif /* LWLOCK_H */
