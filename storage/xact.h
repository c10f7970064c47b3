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

#endif
