/*-------------------------------------------------------------------------
 * interrupts.c
 *    Backend signal handlers, ProcessInterrupts, and the timeout timer.
 *
 * See interrupts.h for the model.  Handlers are installed with SA_RESTART
 * so that ordinary file I/O elsewhere never sees EINTR; waits that must
 * notice a signal (poll on the client socket, lock waits) include the
 * wakeup pipe, which every handler writes to.
 *
 * Timeouts follow PostgreSQL's utils/misc/timeout.c in miniature: a fixed
 * array of MAX_TIMEOUTS one-shot timers, each with an absolute finish
 * time; ITIMER_REAL is always armed for the earliest active one.  The
 * array is touched by the SIGALRM handler, so every change from normal
 * code happens with SIGALRM blocked.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>

#include "backend/interrupts.h"
#include "backend/globals.h"
#include "pgwire/pqcomm.h"

volatile sig_atomic_t InterruptPending = false;
volatile sig_atomic_t QueryCancelPending = false;
volatile sig_atomic_t ProcDiePending = false;
volatile sig_atomic_t IdleInTransactionSessionTimeoutPending = false;
volatile uint32 InterruptHoldoffCount = 0;
volatile uint32 QueryCancelHoldoffCount = 0;
volatile uint32 CritSectionCount = 0;
bool        DoingCommandRead = false;

void        (*quickdie_client_hook)(void) = NULL;

static int  wakeup_pipe[2] = {-1, -1};

/* ---------------------------------------------------------------- wakeup */

int
InterruptWakeupFd(void)
{
    return wakeup_pipe[0];
}

void
SetInterruptWakeup(void)
{
    int     save_errno = errno;

    if (wakeup_pipe[1] >= 0)
    {
        ssize_t r = write(wakeup_pipe[1], "x", 1);

        (void) r;   /* a full pipe already guarantees a wakeup */
    }
    errno = save_errno;
}

void
ClearInterruptWakeup(void)
{
    char    buf[64];

    if (wakeup_pipe[0] < 0)
        return;
    while (read(wakeup_pipe[0], buf, sizeof buf) > 0)
        ;
}

/* ---------------------------------------------------------------- timeouts */

typedef struct TimeoutState
{
    volatile bool active;
    volatile bool indicator;
    int64       fin_time_us;    /* absolute, CLOCK_MONOTONIC */
} TimeoutState;

static TimeoutState timeouts[MAX_TIMEOUTS];

static int64
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Arm ITIMER_REAL for the earliest active timeout (or disarm). */
static void
schedule_alarm(int64 now)
{
    struct itimerval timer;
    int64   earliest = -1;

    for (int i = 0; i < MAX_TIMEOUTS; i++)
        if (timeouts[i].active && (earliest < 0 || timeouts[i].fin_time_us < earliest))
            earliest = timeouts[i].fin_time_us;

    memset(&timer, 0, sizeof timer);
    if (earliest >= 0)
    {
        int64   delay = earliest - now;

        if (delay < 1)
            delay = 1;          /* 0 would disarm the timer */
        timer.it_value.tv_sec = (time_t) (delay / 1000000);
        timer.it_value.tv_usec = (suseconds_t) (delay % 1000000);
    }
    (void) setitimer(ITIMER_REAL, &timer, NULL);
}

static void
block_alarm(sigset_t *old)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGALRM);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void
unblock_alarm(const sigset_t *old)
{
    sigprocmask(SIG_SETMASK, old, NULL);
}

void
enable_timeout_after(TimeoutId id, int delay_ms)
{
    sigset_t old;
    int64   now;

    Assert(id >= 0 && id < MAX_TIMEOUTS);
    block_alarm(&old);
    now = now_us();
    timeouts[id].indicator = false;
    timeouts[id].fin_time_us = now + (int64) delay_ms * 1000;
    timeouts[id].active = true;
    schedule_alarm(now);
    unblock_alarm(&old);
}

void
disable_timeout(TimeoutId id, bool keep_indicator)
{
    sigset_t old;

    block_alarm(&old);
    timeouts[id].active = false;
    if (!keep_indicator)
        timeouts[id].indicator = false;
    schedule_alarm(now_us());
    unblock_alarm(&old);
}

void
disable_all_timeouts(bool keep_indicators)
{
    sigset_t old;
    struct itimerval timer;

    block_alarm(&old);
    for (int i = 0; i < MAX_TIMEOUTS; i++)
    {
        timeouts[i].active = false;
        if (!keep_indicators)
            timeouts[i].indicator = false;
    }
    memset(&timer, 0, sizeof timer);
    (void) setitimer(ITIMER_REAL, &timer, NULL);
    unblock_alarm(&old);
}

bool
get_timeout_active(TimeoutId id)
{
    return timeouts[id].active;
}

bool
get_timeout_indicator(TimeoutId id, bool reset_indicator)
{
    bool    fired = timeouts[id].indicator;

    if (fired && reset_indicator)
        timeouts[id].indicator = false;
    return fired;
}

static int64
get_timeout_finish_time(TimeoutId id)
{
    return timeouts[id].fin_time_us;
}

static void
handle_sig_alarm(int signo)
{
    int64   now = now_us();

    (void) signo;
    for (int i = 0; i < MAX_TIMEOUTS; i++)
    {
        if (!timeouts[i].active || timeouts[i].fin_time_us > now)
            continue;
        timeouts[i].active = false;
        timeouts[i].indicator = true;
        switch ((TimeoutId) i)
        {
            case STATEMENT_TIMEOUT:
            case LOCK_TIMEOUT:
                QueryCancelPending = true;
                InterruptPending = true;
                break;
            case IDLE_IN_TRANSACTION_SESSION_TIMEOUT:
                IdleInTransactionSessionTimeoutPending = true;
                InterruptPending = true;
                break;
            case DEADLOCK_TIMEOUT:
            case MAX_TIMEOUTS:
                break;          /* the lock waiter polls the indicator */
        }
    }
    schedule_alarm(now);
    SetInterruptWakeup();
}

/* ---------------------------------------------------------------- handlers */

static void
handle_sigint(int signo)
{
    (void) signo;
    QueryCancelPending = true;
    InterruptPending = true;
    SetInterruptWakeup();
}

static void
handle_sigterm(int signo)
{
    (void) signo;
    ProcDiePending = true;
    InterruptPending = true;
    SetInterruptWakeup();
}

/*
 * SIGQUIT: another backend crashed and the postmaster is resetting shared
 * memory.  Nothing here may touch shared state; tell the client if we can
 * and leave with exit code 2 (which the postmaster expects).
 */
static void
handle_sigquit(int signo)
{
    sigset_t all;

    (void) signo;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    if (quickdie_client_hook)
        quickdie_client_hook();
    _exit(2);
}

static void
set_handler(int signo, void (*handler)(int))
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(signo, &sa, NULL);
}

void
InitBackendInterrupts(void)
{
    if (wakeup_pipe[0] < 0)
    {
        if (pipe2(wakeup_pipe, O_NONBLOCK | O_CLOEXEC) < 0)
        {
            wakeup_pipe[0] = wakeup_pipe[1] = -1;
            ereport(FATAL,
                    (errmsg("could not create wakeup pipe: %m")));
        }
    }
    memset(timeouts, 0, sizeof timeouts);
    set_handler(SIGINT, handle_sigint);
    set_handler(SIGTERM, handle_sigterm);
    set_handler(SIGQUIT, handle_sigquit);
    set_handler(SIGALRM, handle_sig_alarm);
    set_handler(SIGPIPE, SIG_IGN);
    set_handler(SIGHUP, SIG_IGN);
    set_handler(SIGUSR1, SIG_IGN);
    set_handler(SIGUSR2, SIG_IGN);
    set_handler(SIGCHLD, SIG_DFL);
}

/* ---------------------------------------------------------------- processing */

void
ProcessInterrupts(void)
{
    if (InterruptHoldoffCount != 0 || CritSectionCount != 0)
        return;
    InterruptPending = false;

    if (ProcDiePending)
    {
        ProcDiePending = false;
        QueryCancelPending = false;     /* die trumps cancel */
        ereport(FATAL,
                (errcode(ERRCODE_ADMIN_SHUTDOWN),
                 errmsg("terminating connection due to administrator command")));
    }

    if (QueryCancelPending && QueryCancelHoldoffCount != 0)
    {
        /* Re-arm so the cancel is seen once the holdoff ends. */
        InterruptPending = true;
    }
    else if (QueryCancelPending)
    {
        bool    lock_timeout_occurred;
        bool    stmt_timeout_occurred;

        QueryCancelPending = false;
        lock_timeout_occurred = get_timeout_indicator(LOCK_TIMEOUT, true);
        stmt_timeout_occurred = get_timeout_indicator(STATEMENT_TIMEOUT, true);

        /* If both fired, report whichever was due first, as PostgreSQL does. */
        if (lock_timeout_occurred && stmt_timeout_occurred &&
            get_timeout_finish_time(STATEMENT_TIMEOUT) < get_timeout_finish_time(LOCK_TIMEOUT))
            lock_timeout_occurred = false;

        if (lock_timeout_occurred)
            ereport(ERROR,
                    (errcode(ERRCODE_LOCK_NOT_AVAILABLE),
                     errmsg("canceling statement due to lock timeout")));
        if (stmt_timeout_occurred)
            ereport(ERROR,
                    (errcode(ERRCODE_QUERY_CANCELED),
                     errmsg("canceling statement due to statement timeout")));
        /* A cancel that arrives while idle has nothing to cancel. */
        if (!DoingCommandRead)
            ereport(ERROR,
                    (errcode(ERRCODE_QUERY_CANCELED),
                     errmsg("canceling statement due to user request")));
    }

    if (IdleInTransactionSessionTimeoutPending)
    {
        IdleInTransactionSessionTimeoutPending = false;
        if (IdleInTransactionSessionTimeout > 0)
            ereport(FATAL,
                    (errcode(ERRCODE_IDLE_IN_TRANSACTION_SESSION_TIMEOUT),
                     errmsg("terminating connection due to idle-in-transaction timeout")));
    }
}

void
ProcessClientReadInterrupt(bool blocked)
{
    (void) blocked;
    if (DoingCommandRead)
        CHECK_FOR_INTERRUPTS();
    else if (ProcDiePending && INTERRUPTS_CAN_BE_PROCESSED())
        CHECK_FOR_INTERRUPTS();
}

void
ProcessClientWriteInterrupt(void)
{
    if (ProcDiePending && InterruptHoldoffCount == 0 && CritSectionCount == 0)
    {
        /*
         * We are blocked sending to a client that does not read.  Sending
         * it the FATAL would block again: drop output, then die.
         */
        pq_disable_output();
        CHECK_FOR_INTERRUPTS();
    }
}
