/*-------------------------------------------------------------------------
 * smgr.h
 *    The storage manager: a relation's blocks in files under
 *    DataDir/base/<relNode>, split into 1 GB segments (<relNode>,
 *    <relNode>.1, <relNode>.2, ...), as PostgreSQL's md.c does.
 *
 * Only the buffer manager reads and writes relation blocks through smgr;
 * other modules call smgrcreate/smgrunlink/smgrtruncate/smgrnblocks.
 *
 * Invariant: every segment but the last is exactly RELSEG_SIZE blocks.
 * The number of blocks is derived from file sizes (no cached size), so it
 * is the same in every backend.
 *
 * File descriptors: each backend keeps a bounded cache of open segment
 * files (at most max_files_per_process minus SMGR_RESERVED_FDS, never more
 * than RLIMIT_NOFILE allows), closing the least recently used one when
 * full or when open() reports EMFILE/ENFILE.  Private memory, no locking.
 *
 * Concurrency: smgr itself takes no locks.  Callers serialize extension
 * of one relation (bufmgr's extension lock) and must not read a block
 * that another backend is writing (bufmgr's I/O-in-progress protocol).
 *
 * Errors are ERRORs with PostgreSQL's messages and SQLSTATEs (ENOSPC is
 * 53100 disk_full with "Check free disk space."); a failed fsync is a
 * PANIC, as in PostgreSQL since 12: after a failed fsync the kernel may
 * have dropped the dirty data, so retrying could report a false success.
 *
 * After smgrunlink, other backends may still hold cached descriptors of
 * the removed files; the catalog invalidation of a dropped relation must
 * call smgrclose(rnode) in every backend so the space is released.
 * relNodes are never reused while that can matter (OIDs grow).
 *-------------------------------------------------------------------------
 */
#ifndef SMGR_H
#define SMGR_H

#include "storage/bufmgr.h"

/* Defined in backend/globals.c: absolute (or cwd-relative) data directory. */
extern char *DataDir;

/* Setting: open files per process (PostgreSQL's default 1000). */
extern int max_files_per_process;
/* Descriptors left for everything that is not a relation segment. */
#define SMGR_RESERVED_FDS 20

#define RELSEG_SIZE ((BlockNumber) ((1024 * 1024 * 1024) / BLCKSZ))
#define MAXPGPATH 1024

/* Create the first segment.  isRedo: an existing file is not an error. */
extern void smgrcreate(RelFileNode rnode, bool isRedo);
extern bool smgrexists(RelFileNode rnode);
/* Remove every segment.  A missing file is a WARNING, not an ERROR. */
extern void smgrunlink(RelFileNode rnode);

/*
 * Write a new block at blkno, normally smgrnblocks(rnode).  A larger
 * blkno leaves a hole of zeros (earlier segments are padded to full
 * size).  ERROR on I/O failure or disk full.
 */
extern void smgrextend(RelFileNode rnode, BlockNumber blkno, const char *buffer);
/* Read an existing block; reading past the end is an ERROR. */
extern void smgrread(RelFileNode rnode, BlockNumber blkno, char *buffer);
/* Overwrite an existing block. */
extern void smgrwrite(RelFileNode rnode, BlockNumber blkno, const char *buffer);
extern BlockNumber smgrnblocks(RelFileNode rnode);
/* Cut the relation to nblocks; later segments become empty files. */
extern void smgrtruncate(RelFileNode rnode, BlockNumber nblocks);
/* fsync every segment (after writing a relation's dirty buffers). */
extern void smgrimmedsync(RelFileNode rnode);

/* Close this backend's descriptors for one relation / for all. */
extern void smgrclose(RelFileNode rnode);
extern void smgrcloseall(void);

/* "base/<relNode>" for messages, in CurrentMemoryContext. */
extern char *relpath(RelFileNode rnode);

/* ---- test hooks ---- */
extern int  SmgrOpenFileCount(void);        /* descriptors cached now */
/*
 * Fault injection: when smgr_inject_errno is nonzero, the write or
 * extension smgr_inject_countdown calls from now (0 = the next) fails as
 * if the system call had returned that errno.  Reset after firing.
 */
extern int  smgr_inject_errno;
extern int  smgr_inject_countdown;

#endif /* SMGR_H */
