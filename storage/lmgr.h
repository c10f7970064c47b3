/*-------------------------------------------------------------------------
 * lmgr.h
 *    The lock manager: heavyweight locks on relations and transaction ids,
 *    held until end of transaction, in one fixed-size shared lock table
 *    (max_locks_per_transaction * max_connections entries; running out is
 *    ERROR 53200 "out of shared memory" with PostgreSQL's hint).
 *
 *    Conflicts follow PostgreSQL's table of the eight lock modes.  Waiting
 *    is interruptible (cancel, statement_timeout, lock_timeout) and a
 *    deadlock is detected after deadlock_timeout and reported as 40P01.
 *-------------------------------------------------------------------------
 */
#ifndef LMGR_H
#define LMGR_H

typedef int LOCKMODE;
#define NoLock                    0
#define AccessShareLock           1   /* SELECT */
#define RowShareLock              2   /* SELECT FOR UPDATE */
#define RowExclusiveLock          3   /* INSERT, UPDATE, DELETE */
#define ShareUpdateExclusiveLock  4
#define ShareLock                 5   /* CREATE INDEX */
#define ShareRowExclusiveLock     6
#define ExclusiveLock             7
#define AccessExclusiveLock       8   /* DROP TABLE, ALTER TABLE, TRUNCATE */

extern Size LockShmemSize(void);
extern void LockShmemInit(void);

extern void LockRelationOid(Oid relid, LOCKMODE mode);
extern bool ConditionalLockRelationOid(Oid relid, LOCKMODE mode);
extern void UnlockRelationOid(Oid relid, LOCKMODE mode);
/* Relation extension lock: held briefly, not until end of transaction. */
extern void LockRelationForExtension(Oid relNode);
extern void UnlockRelationForExtension(Oid relNode);
/* Every transaction holds an exclusive lock on its own xid while it runs. */
extern void XactLockTableInsert(TransactionId xid);
/* Wait until xid has committed or aborted. */
extern void XactLockTableWait(TransactionId xid);
/* Release a rolled-back subtransaction's xid lock before top-level end. */
extern void XactLockTableDelete(TransactionId xid);
/* Release all transaction-scoped locks (end of transaction). */
extern void LockReleaseAll(void);           /* transaction end: keeps session locks */
extern void LockReleaseAllForExit(void);    /* backend exit: everything */

/*
 * Advisory locks (pg_advisory_lock & co., procs/lockfuncs.c): kind 1 = an
 * int8 key, kind 2 = two int4 keys packed (k1 << 32 | k2), as PostgreSQL
 * keeps them apart.  A session lock outlives its transaction until
 * AdvisoryLockRelease / AdvisoryLockReleaseAll / backend exit; a
 * transaction lock ends with the transaction.  false: not available
 * (dontWait) / not held (release, with PostgreSQL's WARNING).
 */
extern bool AdvisoryLockAcquire(uint64 key, int kind, LOCKMODE mode, bool session,
                                bool dontWait);
extern bool AdvisoryLockRelease(uint64 key, int kind, LOCKMODE mode);
extern void AdvisoryLockReleaseAll(void);

/* ---- added by the transactions module ---- */

#define MAX_LOCKMODES 9                 /* NoLock .. AccessExclusiveLock */

/* Settings (defined in storage/lock.c, registered by the settings module). */
extern int max_locks_per_transaction;   /* lock table = this * proc slots; default 64 */
extern int DeadlockTimeout;             /* deadlock_timeout, ms; default 1000 */
extern int LockTimeout;                 /* lock_timeout, ms; 0 = wait forever */

/* PostgreSQL's conflict table and mode names ("AccessShareLock", ...). */
extern bool DoLockModesConflict(LOCKMODE mode1, LOCKMODE mode2);
extern const char *GetLockmodeName(LOCKMODE mode);

/* Wait for xid's end only if it is over already; false if it still runs. */
extern bool ConditionalXactLockTableWait(TransactionId xid);

/* Row locks (heap_update/heap_delete/SELECT FOR UPDATE queueing). */
extern void LockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE mode);
extern bool ConditionalLockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE mode);
extern void UnlockTuple(Oid relid, BlockNumber blkno, OffsetNumber offnum, LOCKMODE mode);

/* Does this backend hold mode on relid? (assertions) */
extern bool RelationOidLockHeldByMe(Oid relid, LOCKMODE mode);

/*
 * Called after LockRelationOid / ConditionalLockRelationOid newly acquires
 * a relation lock (not when it was already held): the catalog module sets
 * it to AcceptInvalidationMessages, so that a lock holder sees every
 * schema change committed before it got the lock (PostgreSQL's rule).
 */
extern void (*relation_lock_acquired_hook)(void);

/* Error recovery: leave any lock wait queue (AbortTransaction calls it). */
extern void LockErrorCleanup(void);

/* Test hooks: entries in use in the shared table. */
extern int  LockTableEntriesInUse(void);

#endif
