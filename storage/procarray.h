/*-------------------------------------------------------------------------
 * procarray.h
 *    The proc array: one fixed slot per allowed connection in shared
 *    memory (max_connections plus auxiliary slots), holding the backend's
 *    pid, cancel key, running xid and xmin.  Snapshots are built from it;
 *    the postmaster uses it to route cancel requests.
 *-------------------------------------------------------------------------
 */
#ifndef PROCARRAY_H
#define PROCARRAY_H

#include "storage/snapshot.h"

extern Size ProcArrayShmemSize(void);
extern void ProcArrayShmemInit(void);

/* Claim a slot for this backend; false if none is free (53300). */
extern bool ProcArrayAdd(int pid, int32 cancel_key);
extern void ProcArrayRemove(void);
/* Find the pid whose cancel key matches; 0 if none (postmaster). */
extern int  ProcArrayFindCancelTarget(int pid, int32 cancel_key);
extern int  ProcArrayCountBackends(void);

extern void ProcArraySetXid(TransactionId xid);         /* on xid assignment */
extern void ProcArrayEndTransaction(void);              /* clear xid/xmin */
extern Snapshot GetSnapshotData(Snapshot snapshot);     /* fills snapshot->xip etc. */
extern bool ProcArrayXidIsRunning(TransactionId xid);

/* ---- added by the transactions module ---- */

/*
 * GetSnapshotData: when snapshot->xip is NULL it is allocated (once) in
 * TopMemoryContext with ProcArraySnapshotCapacity() entries; otherwise it
 * must have that capacity.  Other modules should use GetTransactionSnapshot /
 * GetCatalogSnapshot (snapshot.h) rather than call it directly.
 * ProcArrayRemove: call AbortOutOfAnyTransaction (xact.h) first.
 */

/* Slots beyond max_connections for non-client processes (bootstrap, workers). */
#define NUM_AUXILIARY_PROCS 2
extern int  ProcArrayNumSlots(void);   /* MaxConnections + NUM_AUXILIARY_PROCS */
/* This backend's slot index (0 .. ProcArrayNumSlots()-1), or -1 before ProcArrayAdd. */
extern int  MyProcNumber;
/* Claim one of the auxiliary slots (not counted against max_connections). */
extern bool ProcArrayAddAuxiliary(int pid);
extern int  ProcArrayGetPid(int procno);    /* 0 if the slot is free */
/* StartupTransam: nothing below nextXid is running. */
extern void ProcArraySetLatestCompletedXid(TransactionId xid);
/* Bumped whenever a transaction with an xid ends (snapshot reuse). */
extern uint64 ProcArrayCompletionCount(void);
/*
 * The oldest xid any running transaction or snapshot may still consider
 * running: rows deleted by committed xids older than this are dead to all.
 */
extern TransactionId GetOldestXmin(void);

/*
 * Subtransaction xids (savepoints): each slot lists up to this many of its
 * running subtransactions' xids, then is marked overflowed and the rest
 * are found through the subtrans map (PostgreSQL's PGPROC_MAX_CACHED_SUBXIDS).
 */
#define PGPROC_MAX_CACHED_SUBXIDS 64
/* GetNewTransactionId for a subtransaction, under XidGenLock. */
extern void ProcArrayAddSubXid(TransactionId xid);
/* Rollback to savepoint: these xids (clog: aborted) stop running; latestXid the newest. */
extern void ProcArrayRemoveSubXids(const TransactionId *xids, int nxids, TransactionId latestXid);
/* Capacity a snapshot's xip needs: every slot's xid and cached subxids. */
extern int  ProcArraySnapshotCapacity(void);

#endif
