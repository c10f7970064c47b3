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

#endif
