/*-------------------------------------------------------------------------
 * postmaster.h
 *    The supervisor process: listens, forks a backend per connection,
 *    reaps children, restarts the cluster after a crash, shuts down.
 *-------------------------------------------------------------------------
 */
#ifndef POSTMASTER_H
#define POSTMASTER_H

/*
 * Run the postmaster: shared memory must already exist and
 * StartupTransam must have run (main.c does both).  Never returns.
 */
extern void PostmasterMain(void) pg_attribute_noreturn();

/* The data directory lock file (main.c creates it, the postmaster removes it). */
extern void CreateDataDirLockFile(void);
extern void RemoveDataDirLockFile(void);
/* Update the status line of postmaster.pid ("starting", "ready", "stopping"). */
extern void SetLockFileStatus(const char *status);

#endif /* POSTMASTER_H */
