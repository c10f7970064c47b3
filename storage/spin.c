/*-------------------------------------------------------------------------
 * spin.c
 *    The contended path of spinlocks, and the backoff shared by every
 *    spin-style wait (see spin.h for the rules).
 *
 * Backoff follows PostgreSQL's s_lock.c: SPINS_PER_DELAY test-and-test-
 * and-set iterations with a CPU pause, then a sleep that starts at 1 ms and
 * grows by a random factor of 1..2 each time, wrapping back to 1 ms after
 * 1 s.  NUM_DELAYS sleeps without getting the lock (about two minutes)
 * means its holder is gone or broken: PANIC, and the postmaster restarts
 * the cluster.  Departure from PostgreSQL: spins_per_delay is fixed, not
 * adapted per machine; on a busy single CPU that costs a few microseconds
 * of useless spinning before the first sleep.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/spin.h"

#include <time.h>
#include <unistd.h>

#define SPINS_PER_DELAY   100
#define NUM_DELAYS        1000
#define MIN_DELAY_USEC    1000L
#define MAX_DELAY_USEC    1000000L

uint64 spin_delays_total = 0;

/* per-process xorshift state for randomized backoff; 0 = not seeded */
static uint32 spin_rand_state = 0;

static double
spin_random01(void)
{
    uint32      x = spin_rand_state;

    if (x == 0)
        x = (uint32) getpid() * 2654435761u | 1;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    spin_rand_state = x;
    return (double) x / 4294967296.0;
}

pg_attribute_noreturn() static void
s_lock_stuck(const char *file, int line, const char *func)
{
    elog(PANIC, "stuck spinlock detected at %s, %s:%d",
         func ? func : "(unknown)", file ? file : "(unknown)", line);
    abort();                    /* not reached: PANIC aborts */
}

void
perform_spin_delay(SpinDelayStatus *status)
{
    pg_spin_delay();

    if (++status->spins < SPINS_PER_DELAY)
        return;

    if (++status->delays > NUM_DELAYS)
        s_lock_stuck(status->file, status->line, status->func);

    if (status->cur_delay == 0)
        status->cur_delay = MIN_DELAY_USEC;

    {
        struct timespec ts;

        ts.tv_sec = status->cur_delay / 1000000L;
        ts.tv_nsec = (status->cur_delay % 1000000L) * 1000L;
        (void) nanosleep(&ts, NULL);    /* EINTR: just wake early */
    }
    spin_delays_total++;

    status->cur_delay += (int) (status->cur_delay * spin_random01() + 0.5);
    if (status->cur_delay > MAX_DELAY_USEC)
        status->cur_delay = MIN_DELAY_USEC;
    status->spins = 0;
}

void
finish_spin_delay(SpinDelayStatus *status)
{
    /* Nothing adaptive to update (see header); kept for PostgreSQL's shape. */
    (void) status;
}

void
s_lock(volatile slock_t *lock, const char *file, int line, const char *func)
{
    SpinDelayStatus delay;

    init_spin_delay_at(&delay, file, line, func);
    for (;;)
    {
        /* test before test-and-set: spin on a shared cache line, read-only */
        while (!SpinLockFree(lock))
            perform_spin_delay(&delay);
        if (SpinLockTryAcquire(lock))
            break;
        perform_spin_delay(&delay);
    }
    finish_spin_delay(&delay);
}
