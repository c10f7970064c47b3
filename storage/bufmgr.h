/*-------------------------------------------------------------------------
 * bufmgr.h
 *    The one buffer manager: every page of every relation (user tables,
 *    system catalogs, later indexes) is read and written through it.
 *
 * The pool lives in the shared memory segment: shared_buffers descriptors
 * and 8 KB pages, clock-sweep replacement, per-buffer pin counts and
 * content locks, and a fixed-size buffer mapping table with partitioned
 * locks.  A backend tracks its own pins (private refcounts) so that an
 * ERROR can release them all (AtEOXact_Buffers / BufferReleaseAll).
 *
 * Caller contracts:
 *  - ReadBuffer* return the buffer pinned, not locked.
 *  - Read a page only with at least a share content lock, modify it only
 *    with an exclusive lock, then MarkBufferDirty before unlocking.
 *  - A pin must be released by the backend that took it.
 *-------------------------------------------------------------------------
 */
#ifndef BUFMGR_H
#define BUFMGR_H

#include "storage/page.h"

typedef int Buffer;                 /* 1-based index into the pool */
#define InvalidBuffer 0
#define BufferIsValid(b) ((b) != InvalidBuffer)

/* A relation's storage: one file (plus 1 GB segments) under DATADIR/base/. */
typedef struct RelFileNode
{
    Oid     relNode;                /* pg_class.relfilenode */
} RelFileNode;
#define RelFileNodeEquals(a, b) ((a).relNode == (b).relNode)

#define BUFFER_LOCK_UNLOCK    0
#define BUFFER_LOCK_SHARE     1
#define BUFFER_LOCK_EXCLUSIVE 2

extern int NBuffers;                /* from the shared_buffers setting */

extern Size BufferShmemSize(void);
extern void BufferShmemInit(void);  /* carves from the segment via ShmemAlloc */

extern Buffer ReadBuffer(RelFileNode rnode, BlockNumber blkno);
/* Append a new zeroed, initialized page; returned pinned and exclusively locked. */
extern Buffer ReadBufferExtend(RelFileNode rnode);
extern void ReleaseBuffer(Buffer buffer);
extern void LockBuffer(Buffer buffer, int mode);
extern bool ConditionalLockBuffer(Buffer buffer);
extern void UnlockReleaseBuffer(Buffer buffer);
extern void MarkBufferDirty(Buffer buffer);
/* Hint-bit style change made under a share lock: dirty but losable. */
extern void MarkBufferDirtyHint(Buffer buffer);
extern Page BufferGetPage(Buffer buffer);
extern BlockNumber BufferGetBlockNumber(Buffer buffer);
extern RelFileNode BufferGetRelFileNode(Buffer buffer);
extern BlockNumber RelationGetNumberOfBlocksNode(RelFileNode rnode);

/* Write every dirty buffer of the relation and fsync its files. */
extern void FlushRelationBuffers(RelFileNode rnode);
/* Write every dirty buffer (clean shutdown, checkpoint). */
extern void FlushAllBuffers(void);
/* Forget a dropped relation's buffers without writing them. */
extern void DropRelFileNodeBuffers(RelFileNode rnode);
/* Release every pin this backend holds (error recovery, end of transaction). */
extern void BufferReleaseAll(void);
extern int  BufferPinsHeldByMe(void);   /* for assertions and tests */
/*
 * Error recovery, first step: if an ERROR interrupted this backend's read
 * or write of a buffer, mark that I/O failed so others may retry it.
 * BufferReleaseAll calls it; exported for the backend's abort path.
 */
extern void AbortBufferIO(void);
/* Buffers currently holding a valid page (tests, statistics). */
extern int  BufferPoolValidCount(void);

/* Test-visible counters (per backend): reads from disk, writes, evictions. */
typedef struct BufferUsage
{
    uint64  shared_hit;
    uint64  shared_read;
    uint64  shared_written;
    uint64  evictions;
} BufferUsage;
extern BufferUsage pgBufferUsage;

#endif
