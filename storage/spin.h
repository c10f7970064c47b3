/*-------------------------------------------------------------------------
 * spin.h
 *    Spinlocks: the lowest-level lock, for critical sections of a few
 *    dozen instructions on shared memory (a buffer header, a counter).
 *
 * Rules (PostgreSQL's, and they are not optional):
 *  - Hold a spinlock for a handful of instructions.  Never call palloc,
 *    ereport/elog, any function that can, or any system call while holding
 *    one; never acquire an LWLock or a second spinlock that others may
 *    take in the opposite order.  An ERROR longjmp would leave it held
 *    forever and every other process would then PANIC as "stuck".
 *  - Spinlocks are not tracked per backend and are not released on error;
 *    the rule above is what makes that safe.
 *  - A waiter spins with a CPU pause, then sleeps with growing random
 *    delays (1 ms .. 1 s); after NUM_DELAYS sleeps (minutes) it PANICs with
 *    "stuck spinlock detected", which makes the postmaster reinitialize.
 *
 * Acquire has full-barrier semantics on entry (acquire) and release on
 * exit, so data written inside one critical section is seen by the next.
 *
 * SpinDelayStatus / perform_spin_delay are exported so that other
 * spin-style waits (the buffer header lock bit in bufmgr's atomic state
 * word) get the same backoff and stuck detection.
 *-------------------------------------------------------------------------
 */
#ifndef SPIN_H
#define SPIN_H

#include "backend/basalt.h"

typedef uint32 slock_t;         /* 0 = free, 1 = held; lives in shared memory */

static inline void
SpinLockInit(volatile slock_t *lock)
{
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

/* Slow path: contended acquire with backoff (spin.c). */
extern void s_lock(volatile slock_t *lock, const char *file, int line, const char *func);

static inline bool
SpinLockTryAcquire(volatile slock_t *lock)
{
    return __atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE) == 0;
}

#define SpinLockAcquire(lock) \
    do { \
        if (unlikely(!SpinLockTryAcquire(lock))) \
            s_lock((lock), __FILE__, __LINE__, __func__); \
    } while (0)

static inline void
SpinLockRelease(volatile slock_t *lock)
{
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

static inline bool
SpinLockFree(volatile slock_t *lock)
{
    return __atomic_load_n(lock, __ATOMIC_RELAXED) == 0;
}

/* CPU hint for spin-wait loops (PAUSE on x86, YIELD on ARM). */
static inline void
pg_spin_delay(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* ---- generic spin-wait with backoff and stuck detection ---- */
typedef struct SpinDelayStatus
{
    int         spins;          /* spins since the last sleep */
    int         delays;         /* sleeps so far */
    int         cur_delay;      /* current sleep, microseconds */
    const char *file;           /* where the wait started, for the PANIC */
    int         line;
    const char *func;
} SpinDelayStatus;

static inline void
init_spin_delay_at(SpinDelayStatus *status, const char *file, int line, const char *func)
{
    status->spins = 0;
    status->delays = 0;
    status->cur_delay = 0;
    status->file = file;
    status->line = line;
    status->func = func;
}
#define init_spin_delay(status) init_spin_delay_at((status), __FILE__, __LINE__, __func__)

/* One iteration of waiting; PANICs when the lock looks stuck. */
extern void perform_spin_delay(SpinDelayStatus *status);
extern void finish_spin_delay(SpinDelayStatus *status);

/* Test hook: total sleeps taken by spin waits in this process. */
extern uint64 spin_delays_total;

#endif /* SPIN_H */
