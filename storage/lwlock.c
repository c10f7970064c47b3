/*-------------------------------------------------------------------------
 * lwlock.c
 *    Lightweight reader/writer locks: CAS on one state word, a short spin,
 *    then futex sleep.  The protocol and its no-lost-wakeup argument are in
 *    lwlock.h.
 *
 * Entry points: LWLockAcquire, LWLockConditionalAcquire, LWLockRelease,
 * LWLockReleaseAll, LWLockHeldByMe; CreateLWLocks for the named locks.
 *
 * Per-backend state: held_lwlocks[] (this process's locks, in acquisition
 * order) -- private memory, no locking needed.
 *
 * Interrupts are held off while any LWLock is held (HOLD_INTERRUPTS per
 * lock, as in PostgreSQL): a cancel must not ERROR out of the middle of a
 * change to a shared structure.  CHECK_FOR_INTERRUPTS therefore does
 * nothing until the backend's last LWLock is released.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/spin.h"

#include <errno.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LW_VAL_SHARED       ((uint32) 1)
#define LW_VAL_EXCLUSIVE    ((uint32) 1 << 24)
#define LW_SHARED_MASK      (LW_VAL_EXCLUSIVE - 1)
#define LW_LOCK_MASK        (LW_VAL_EXCLUSIVE | LW_SHARED_MASK)
#define LW_FLAG_HAS_WAITERS ((uint32) 1 << 30)

/* Spin this many times before sleeping: most LWLock holds are short. */
#define LW_SPINS_BEFORE_SLEEP 100

LWLockPadded *MainLWLockArray = NULL;
uint64 lwlock_sleeps_total = 0;

typedef struct LWLockHandle
{
    LWLock     *lock;
    LWLockMode  mode;
} LWLockHandle;

static int  num_held_lwlocks = 0;
static LWLockHandle held_lwlocks[MAX_SIMUL_LWLOCKS];

static const char *const tranche_names[LWTRANCHE_COUNT] = {
    [LWTRANCHE_MAIN] = "main",
    [LWTRANCHE_BUFFER_CONTENT] = "BufferContent",
    [LWTRANCHE_BUFFER_MAPPING] = "BufferMapping",
    [LWTRANCHE_BUFFER_IO] = "BufferIO",
    [LWTRANCHE_RELATION_EXTENSION] = "RelationExtension",
    [LWTRANCHE_LOCK_MANAGER] = "LockManager",
    [LWTRANCHE_CLOG_BUFFER] = "XactBuffer",
    [LWTRANCHE_WAL] = "WAL",
    [LWTRANCHE_SINVAL] = "SInval",
    [LWTRANCHE_PROC] = "Proc",
    [LWTRANCHE_OTHER] = "Other",
};

static const char *const main_lock_names[NUM_INDIVIDUAL_LWLOCKS] = {
    [XidGenLockId] = "XidGen",
    [OidGenLockId] = "OidGen",
    [ProcArrayLockId] = "ProcArray",
    [CLogControlLockId] = "XactSLRU",
    [SInvalReadLockId] = "SInvalRead",
    [SInvalWriteLockId] = "SInvalWrite",
    [WALInsertLockId] = "WALInsert",
    [WALWriteLockId] = "WALWrite",
    [ControlFileLockId] = "ControlFile",
    [CheckpointLockId] = "Checkpoint",
};

/* ---------------------------------------------------------------- setup */

Size
LWLockShmemSize(void)
{
    /* + one line for alignment of the array start */
    return (Size) (NUM_INDIVIDUAL_LWLOCKS + 1) * sizeof(LWLockPadded);
}

void
CreateLWLocks(void)
{
    int         i;

    MainLWLockArray = (LWLockPadded *) ShmemAlloc(NUM_INDIVIDUAL_LWLOCKS * sizeof(LWLockPadded));
    for (i = 0; i < NUM_INDIVIDUAL_LWLOCKS; i++)
        LWLockInitialize(&MainLWLockArray[i].lock, LWTRANCHE_MAIN, i);
}

void
LWLockInitialize(LWLock *lock, int tranche, int id)
{
    Assert(tranche >= 0 && tranche < LWTRANCHE_COUNT);
    lock->tranche = (uint16) tranche;
    lock->id = (uint16) id;
    __atomic_store_n(&lock->state, 0, __ATOMIC_RELEASE);
}

const char *
GetLWLockIdentifier(LWLock *lock)
{
    if (lock->tranche == LWTRANCHE_MAIN && lock->id < NUM_INDIVIDUAL_LWLOCKS)
        return main_lock_names[lock->id];
    if (lock->tranche < LWTRANCHE_COUNT)
        return tranche_names[lock->tranche];
    return "unknown";
}

/* ---------------------------------------------------------------- futex */

static void
lw_futex_wait(uint32 *addr, uint32 expected)
{
    /* EAGAIN (value changed) and EINTR (signal) both mean: go retry. */
    (void) syscall(SYS_futex, addr, FUTEX_WAIT, expected, NULL, NULL, 0);
}

static void
lw_futex_wake_all(uint32 *addr)
{
    (void) syscall(SYS_futex, addr, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* ---------------------------------------------------------------- acquire */

/* One attempt; true if acquired.  Never waits. */
static inline bool
lw_attempt(LWLock *lock, LWLockMode mode)
{
    uint32      old = __atomic_load_n(&lock->state, __ATOMIC_RELAXED);

    for (;;)
    {
        uint32      desired;

        if (mode == LW_EXCLUSIVE)
        {
            if ((old & LW_LOCK_MASK) != 0)
                return false;
            desired = old | LW_VAL_EXCLUSIVE;
        }
        else
        {
            if ((old & LW_VAL_EXCLUSIVE) != 0)
                return false;
            desired = old + LW_VAL_SHARED;
        }
        if (__atomic_compare_exchange_n(&lock->state, &old, desired, false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return true;
        /* old now holds the current value: re-decide */
    }
}

static inline void
lw_remember(LWLock *lock, LWLockMode mode)
{
    held_lwlocks[num_held_lwlocks].lock = lock;
    held_lwlocks[num_held_lwlocks].mode = mode;
    num_held_lwlocks++;
}

static inline void
lw_check_capacity(void)
{
    /* Checked before acquiring so the table never overflows. */
    if (unlikely(num_held_lwlocks >= MAX_SIMUL_LWLOCKS))
        elog(PANIC, "too many LWLocks taken");
}

void
LWLockAcquire(LWLock *lock, LWLockMode mode)
{
    int         spins = 0;

    lw_check_capacity();
    Assert(!LWLockHeldByMe(lock));  /* not re-entrant, as in PostgreSQL */

    HOLD_INTERRUPTS();
    for (;;)
    {
        uint32      old;

        if (lw_attempt(lock, mode))
            break;

        if (spins < LW_SPINS_BEFORE_SLEEP)
        {
            spins++;
            pg_spin_delay();
            continue;
        }

        /*
         * Announce ourselves, then sleep on the exact value we announced
         * in.  If the lock became free meanwhile, loop and try again
         * instead of sleeping.
         */
        old = __atomic_load_n(&lock->state, __ATOMIC_RELAXED);
        if (mode == LW_EXCLUSIVE ? (old & LW_LOCK_MASK) == 0
                                 : (old & LW_VAL_EXCLUSIVE) == 0)
            continue;
        if ((old & LW_FLAG_HAS_WAITERS) == 0)
        {
            uint32      want = old | LW_FLAG_HAS_WAITERS;

            if (!__atomic_compare_exchange_n(&lock->state, &old, want, false,
                                             __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
                continue;
            old = want;
        }
        lw_futex_wait(&lock->state, old);
        lwlock_sleeps_total++;
        spins = LW_SPINS_BEFORE_SLEEP / 2;  /* after a wakeup, spin a little */
    }

    lw_remember(lock, mode);
}

bool
LWLockConditionalAcquire(LWLock *lock, LWLockMode mode)
{
    lw_check_capacity();
    HOLD_INTERRUPTS();
    if (!lw_attempt(lock, mode))
    {
        RESUME_INTERRUPTS();
        return false;
    }
    lw_remember(lock, mode);
    return true;
}

/* ---------------------------------------------------------------- release */

static void
lw_release_state(LWLock *lock, LWLockMode mode)
{
    uint32      sub = (mode == LW_EXCLUSIVE) ? LW_VAL_EXCLUSIVE : LW_VAL_SHARED;
    uint32      newstate;

    newstate = __atomic_sub_fetch(&lock->state, sub, __ATOMIC_RELEASE);

    /*
     * The releaser that makes the lock free wakes the sleepers.  Clear the
     * flag first: a waiter that re-announces after this point will be
     * woken by the next releaser.
     */
    if ((newstate & LW_LOCK_MASK) == 0 && (newstate & LW_FLAG_HAS_WAITERS) != 0)
    {
        __atomic_fetch_and(&lock->state, ~LW_FLAG_HAS_WAITERS, __ATOMIC_ACQ_REL);
        lw_futex_wake_all(&lock->state);
    }
}

void
LWLockRelease(LWLock *lock)
{
    int         i;
    LWLockMode  mode;

    /* Usually the most recently acquired: search from the end. */
    for (i = num_held_lwlocks - 1; i >= 0; i--)
        if (held_lwlocks[i].lock == lock)
            break;
    if (i < 0)
        elog(ERROR, "lock %s is not held", GetLWLockIdentifier(lock));

    mode = held_lwlocks[i].mode;
    num_held_lwlocks--;
    for (; i < num_held_lwlocks; i++)
        held_lwlocks[i] = held_lwlocks[i + 1];

    lw_release_state(lock, mode);
    RESUME_INTERRUPTS();
}

void
LWLockReleaseAll(void)
{
    /*
     * Each held lock accounts for one HOLD_INTERRUPTS, undone by its
     * release.  PostgreSQL's error path zeroes the holdoff count before
     * getting here; then re-hold so the release cannot underflow it.
     * Either convention leaves the count balanced.
     */
    while (num_held_lwlocks > 0)
    {
        if (InterruptHoldoffCount == 0)
            HOLD_INTERRUPTS();
        LWLockRelease(held_lwlocks[num_held_lwlocks - 1].lock);
    }
}

bool
LWLockHeldByMe(LWLock *lock)
{
    int         i;

    for (i = 0; i < num_held_lwlocks; i++)
        if (held_lwlocks[i].lock == lock)
            return true;
    return false;
}

bool
LWLockHeldByMeInMode(LWLock *lock, LWLockMode mode)
{
    int         i;

    for (i = 0; i < num_held_lwlocks; i++)
        if (held_lwlocks[i].lock == lock && held_lwlocks[i].mode == mode)
            return true;
    return false;
}

int
LWLockNumHeldByMe(void)
{
    return num_held_lwlocks;
}
