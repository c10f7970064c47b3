/*-------------------------------------------------------------------------
 * xact.h
 *    Transactions: the per-backend transaction state machine (PostgreSQL's
 *    xact.c states: idle, in progress, in a block, aborted block), 64-bit
 *    transaction ids, command ids, the commit log, and end-of-transaction
 *    callbacks through which other modules release what they hold.
 *
 * Durability without a WAL (until the WAL issue lands): at commit, every
 * relation this transaction dirtied is flushed (FlushRelationBuffers) and
 * fsync'd before the commit is recorded in the commit log, which is then
 * fsync'd.  After a crash, a transaction not recorded as committed is
 * treated as aborted.  So a kill -9 never loses a committed transaction.
 *-------------------------------------------------------------------------
 */
#ifndef XACT_H
#define XACT_H

#include "storage/bufmgr.h"

/* ---- the protocol-facing transaction block state ---- */
extern void StartTransactionCommand(void);
extern void CommitTransactionCommand(void);
extern void AbortCurrentTransaction(void);      /* after an ERROR */
extern void BeginTransactionBlock(void);        /* BEGIN */
extern bool EndTransactionBlock(void);          /* COMMIT; false if it rolled back */
extern void UserAbortTransactionBlock(void);    /* ROLLBACK */
extern bool IsTransactionBlock(void);
extern bool IsTransactionState(void);
extern bool IsAbortedTransactionBlockState(void);
extern char TransactionBlockStatusCode(void);   /* 'I', 'T' or 'E' */
extern void PreventInTransactionBlock(bool isTopLevel, const char *stmtType);

/* ---- ids ---- */
extern TransactionId GetCurrentTransactionId(void);       /* assigns if needed */
extern TransactionId GetCurrentTransactionIdIfAny(void);
extern TransactionId GetTopTransactionIdIfAny(void);
extern CommandId GetCurrentCommandId(bool used);
extern void CommandCounterIncrement(void);
extern bool TransactionIdIsCurrentTransactionId(TransactionId xid);

/* ---- commit log and status (storage/clog.c, storage/procarray.c) ---- */
extern bool TransactionIdDidCommit(TransactionId xid);
extern bool TransactionIdDidAbort(TransactionId xid);
extern bool TransactionIdIsInProgress(TransactionId xid);

/* Record that this transaction modified relation storage (for the commit flush). */
extern void XactRegisterDirtiedRelation(RelFileNode rnode);
/* Storage created in a rolled-back savepoint is gone: do not flush it at commit. */
extern void XactForgetDirtiedRelation(RelFileNode rnode);

/* ---- callbacks: other modules clean up at end of transaction ---- */
typedef enum XactEvent
{
    XACT_EVENT_PRE_COMMIT,
    XACT_EVENT_COMMIT,
    XACT_EVENT_ABORT
} XactEvent;
typedef void (*XactCallback)(XactEvent event, void *arg);
/* Registration lives for the process; the callback list is fixed-size (16). */
extern void RegisterXactCallback(XactCallback callback, void *arg);

/* ---- added by the transactions module ---- */

#define MAX_XACT_CALLBACKS 16           /* RegisterXactCallback slots */
#define MAX_CCI_CALLBACKS 8             /* RegisterCommandCounterCallback slots */
/*
 * XactRegisterDirtiedRelation remembers at most this many distinct
 * relations per transaction; past it the commit flushes every dirty
 * buffer (FlushAllBuffers) instead of each relation's.
 */
#define XACT_MAX_DIRTIED_RELATIONS 64

/* Isolation levels (PostgreSQL's values); SERIALIZABLE behaves as REPEATABLE READ. */
#define XACT_READ_UNCOMMITTED   0
#define XACT_READ_COMMITTED     1
#define XACT_REPEATABLE_READ    2
#define XACT_SERIALIZABLE       3
extern int  DefaultXactIsoLevel;        /* default_transaction_isolation */
extern int  XactIsoLevel;               /* transaction_isolation: set at start */
extern bool DefaultXactReadOnly;        /* default_transaction_read_only */
extern bool XactReadOnly;               /* transaction_read_only */
/* REPEATABLE READ and up keep the transaction's first snapshot. */
#define IsolationUsesXactSnapshot() (XactIsoLevel >= XACT_REPEATABLE_READ)

/*
 * Multi-statement simple Query messages run as one implicit block: tcop
 * calls Begin... before the second statement and End... after the last.
 * An error rolls back all of it; COMMIT/ROLLBACK inside it warn like
 * outside a block.
 */
extern void BeginImplicitTransactionBlock(void);
extern void EndImplicitTransactionBlock(void);
/* COMMIT AND CHAIN / ROLLBACK AND CHAIN (chain = false: plain COMMIT/ROLLBACK). */
extern bool EndTransactionBlockChain(bool chain);
extern void UserAbortTransactionBlockChain(bool chain);
/* "%s can only be used in transaction blocks": ERROR / WARNING (25P01). */
extern void RequireTransactionBlock(bool isTopLevel, const char *stmtType);
extern void WarnNoTransactionBlock(bool isTopLevel, const char *stmtType);
extern bool IsInTransactionBlock(bool isTopLevel);
extern bool IsSubTransaction(void);     /* inside a savepoint */
extern TransactionId GetTopTransactionId(void);     /* assigns if needed */
/* Abort and clean up whatever is open, ending idle (backend exit, before ProcArrayRemove). */
extern void AbortOutOfAnyTransaction(void);

/* ---- subtransactions (savepoints) ---- */

typedef uint32 SubTransactionId;
#define InvalidSubTransactionId ((SubTransactionId) 0)
#define TopSubTransactionId     ((SubTransactionId) 1)

/* SAVEPOINT / RELEASE SAVEPOINT / ROLLBACK TO SAVEPOINT (utility.c, after RequireTransactionBlock). */
extern void DefineSavepoint(const char *name);
extern void ReleaseSavepoint(const char *name);
extern void RollbackToSavepoint(const char *name);
/* 1 at top level, +1 per open savepoint. */
extern int  GetCurrentTransactionNestLevel(void);
/* Unique within the top-level transaction; TopSubTransactionId at top level. */
extern SubTransactionId GetCurrentSubTransactionId(void);

/*
 * Subtransaction callbacks (PostgreSQL's RegisterSubXactCallback): START
 * after a savepoint's subtransaction started; COMMIT when RELEASE merges
 * it into its parent (mySubid's resources now belong to parentSubid);
 * ABORT when it rolls back (after the xids are marked aborted, before its
 * memory goes; the nest level is still the aborting one).  Heavyweight
 * locks taken in a rolled-back subtransaction are kept until the
 * top-level transaction ends.
 */
typedef enum SubXactEvent
{
    SUBXACT_EVENT_START_SUB,
    SUBXACT_EVENT_COMMIT_SUB,
    SUBXACT_EVENT_ABORT_SUB
} SubXactEvent;
typedef void (*SubXactCallback)(SubXactEvent event, SubTransactionId mySubid,
                                SubTransactionId parentSubid, void *arg);
#define MAX_SUBXACT_CALLBACKS 16
extern void RegisterSubXactCallback(SubXactCallback callback, void *arg);

/* Called by every CommandCounterIncrement (local catalog invalidation). */
typedef void (*CommandCounterCallback)(void *arg);
extern void RegisterCommandCounterCallback(CommandCounterCallback callback, void *arg);

/* Timestamps: microseconds since 2000-01-01 00:00 UTC (PostgreSQL's TimestampTz). */
typedef int64 TimestampTz;
/* now(): the start of the first statement of the transaction. */
extern TimestampTz GetCurrentTransactionStartTimestamp(void);
extern TimestampTz GetCurrentStatementStartTimestamp(void);
/* tcop, on each client message that starts a statement. */
extern void SetCurrentStatementStartTimestamp(void);

#endif
