/*-------------------------------------------------------------------------
 * interrupts.h
 *    Asynchronous events in a backend: query cancel, termination, timeouts.
 *
 * Signal handlers only set flags (and poke a wakeup pipe); the work is
 * done synchronously at the next CHECK_FOR_INTERRUPTS(), which every loop
 * that can run long must call.  This is PostgreSQL's model
 * (src/backend/tcop/postgres.c ProcessInterrupts, utils/misc/timeout.c).
 *
 *   SIGINT   cancel request (forwarded by the postmaster's cancel child)
 *            -> QueryCancelPending -> ERROR 57014 "canceling statement due
 *               to user request" (ignored while waiting for a command)
 *   SIGTERM  -> ProcDiePending -> FATAL 57P01 "terminating connection due
 *               to administrator command"
 *   SIGQUIT  postmaster-ordered emergency exit after another backend
 *            crashed: a WARNING 57P02 goes to the client, then _exit(2)
 *   SIGALRM  the timer behind the timeouts below; statement_timeout and
 *            lock_timeout become cancels with their own messages,
 *            idle_in_transaction_session_timeout a FATAL 25P03.
 *
 * Holdoffs: HOLD_INTERRUPTS() defers everything; HOLD_CANCEL_INTERRUPTS()
 * defers only cancels; START_CRIT_SECTION() defers everything and makes
 * an ERROR inside it a PANIC (the storage engine's critical sections).
 *
 * Waiting: code that blocks in poll() (the client socket, lock waits)
 * includes InterruptWakeupFd() in its poll set; every handler writes a
 * byte to it, so a signal that arrives just before the poll still wakes it
 * (the self-pipe trick, PostgreSQL's latch in miniature).
 *
 * Client I/O: while DoingCommandRead (the backend is idle, waiting for the
 * next message) a cancel is dropped, because there is no statement to
 * cancel; a termination is honoured at once.
 *-------------------------------------------------------------------------
 */
#ifndef INTERRUPTS_H
#define INTERRUPTS_H

#include <signal.h>

extern volatile sig_atomic_t InterruptPending;
extern volatile sig_atomic_t QueryCancelPending;
extern volatile sig_atomic_t ProcDiePending;
extern volatile sig_atomic_t IdleInTransactionSessionTimeoutPending;
extern volatile uint32 InterruptHoldoffCount;
extern volatile uint32 QueryCancelHoldoffCount;
extern volatile uint32 CritSectionCount;

/* True while the backend waits for the client's next message. */
extern bool DoingCommandRead;

extern void ProcessInterrupts(void);

#define CHECK_FOR_INTERRUPTS() \
    do { if (unlikely(InterruptPending)) ProcessInterrupts(); } while (0)

#define INTERRUPTS_CAN_BE_PROCESSED() \
    (InterruptHoldoffCount == 0 && CritSectionCount == 0 && QueryCancelHoldoffCount == 0)

#define HOLD_INTERRUPTS()   (InterruptHoldoffCount++)
#define RESUME_INTERRUPTS() \
    do { Assert(InterruptHoldoffCount > 0); InterruptHoldoffCount--; } while (0)
#define HOLD_CANCEL_INTERRUPTS()   (QueryCancelHoldoffCount++)
#define RESUME_CANCEL_INTERRUPTS() \
    do { Assert(QueryCancelHoldoffCount > 0); QueryCancelHoldoffCount--; } while (0)
#define START_CRIT_SECTION() (CritSectionCount++)
#define END_CRIT_SECTION() \
    do { Assert(CritSectionCount > 0); CritSectionCount--; } while (0)

/*
 * Install the backend's signal handlers (SIGINT, SIGTERM, SIGQUIT, SIGALRM;
 * SIGPIPE ignored) and create the wakeup pipe.  Called once in each
 * backend right after fork.
 */
extern void InitBackendInterrupts(void);

/* Read end of the wakeup pipe (-1 before InitBackendInterrupts). */
extern int  InterruptWakeupFd(void);
/* Drain the wakeup pipe after poll() reported it readable. */
extern void ClearInterruptWakeup(void);
/* Poke the wakeup pipe (async-signal-safe). */
extern void SetInterruptWakeup(void);

/*
 * Called by pqcomm when a read or write on the client socket is
 * interrupted.  blocked: the call had to wait.  During a command read a
 * pending die is processed (FATAL); cancels are dropped.  During a write
 * only a die is processed, and output is disabled first because the
 * client is evidently not reading.
 */
extern void ProcessClientReadInterrupt(bool blocked);
extern void ProcessClientWriteInterrupt(void);

/*
 * What to send the client when SIGQUIT arrives (set by pgwire once the
 * client socket exists).  Must be async-signal-safe: write(2) only.
 */
extern void (*quickdie_client_hook)(void);

/* ---------------------------------------------------------------- timeouts
 * A handful of one-shot timers multiplexed onto one ITIMER_REAL.  A fired
 * timeout sets its indicator and, for the statement and lock timeouts,
 * QueryCancelPending; ProcessInterrupts tells them apart.
 */
typedef enum TimeoutId
{
    STATEMENT_TIMEOUT,
    LOCK_TIMEOUT,
    DEADLOCK_TIMEOUT,
    IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
    MAX_TIMEOUTS
} TimeoutId;

extern void enable_timeout_after(TimeoutId id, int delay_ms);
extern void disable_timeout(TimeoutId id, bool keep_indicator);
extern void disable_all_timeouts(bool keep_indicators);
extern bool get_timeout_active(TimeoutId id);
/* Has it fired?  reset_indicator clears the flag. */
extern bool get_timeout_indicator(TimeoutId id, bool reset_indicator);

#endif /* INTERRUPTS_H */
