/*-------------------------------------------------------------------------
 * buf_internals.h
 *    Private to storage/bufmgr.c: buffer descriptors, their atomic state
 *    word, the buffer mapping table and the replacement strategy's shared
 *    state.  No other module includes this file.
 *
 * Which lock protects what (PostgreSQL's rules, src/backend/storage/buffer/README):
 *
 *  BufferDesc.tag         header lock (BM_LOCKED).  Stable -- may be read
 *                         without it -- while the reader holds a pin and the
 *                         buffer is BM_TAG_VALID: a pinned buffer is never
 *                         given a new tag.
 *  BufferDesc.state       atomic.  Refcount and usage count change by CAS,
 *                         but never while BM_LOCKED is set (CAS loops wait for
 *                         the bit); flags change only under the header lock.
 *  BufferDesc.freeNext    StrategyControl->buffer_strategy_lock.
 *  page contents          content_lock: share to read, exclusive to modify.
 *                         Also needs a pin.
 *  mapping table          partition LWLock of the tag's hash: shared to
 *                         look up, exclusive to insert or delete.
 *  BM_IO_IN_PROGRESS      set and cleared under the header lock by the one
 *                         backend doing the I/O (StartBufferIO /
 *                         TerminateBufferIO); others wait on it with futex.
 *
 * The header lock is a spinlock: held for a few instructions, never across
 * a system call, an LWLock acquisition, palloc or ereport.
 *
 * Lock order: buffer mapping partition LWLock(s) (two at once only in
 * BufferAlloc, in address order) -> header lock.  Content locks are
 * acquired without holding a partition lock, and while holding a content
 * lock a backend takes another buffer's content lock only conditionally
 * (victim write-back), so content locks cannot deadlock inside bufmgr.
 * The relation extension lock is taken before everything else.
 *-------------------------------------------------------------------------
 */
#ifndef BUF_INTERNALS_H
#define BUF_INTERNALS_H

#include "storage/bufmgr.h"
#include "storage/lwlock.h"
#include "storage/spin.h"

/* ---------------------------------------------------------------- state word
 * Layout of BufferDesc.state (PostgreSQL's):
 *      bits  0..17   refcount (pins by all backends)
 *      bits 18..21   usage count (0..BM_MAX_USAGE_COUNT)
 *      bits 22..31   flags
 */
#define BUF_REFCOUNT_ONE        1u
#define BUF_REFCOUNT_MASK       ((1u << 18) - 1)
#define BUF_USAGECOUNT_MASK     0x003C0000u
#define BUF_USAGECOUNT_ONE      (1u << 18)
#define BUF_USAGECOUNT_SHIFT    18
#define BUF_FLAG_MASK           0xFFC00000u

#define BUF_STATE_GET_REFCOUNT(state)   ((state) & BUF_REFCOUNT_MASK)
#define BUF_STATE_GET_USAGECOUNT(state) (((state) & BUF_USAGECOUNT_MASK) >> BUF_USAGECOUNT_SHIFT)

#define BM_LOCKED               (1u << 22)  /* header lock */
#define BM_DIRTY                (1u << 23)  /* page differs from disk */
#define BM_VALID                (1u << 24)  /* page holds the tag's data */
#define BM_TAG_VALID            (1u << 25)  /* tag is set and in the mapping table */
#define BM_IO_IN_PROGRESS       (1u << 26)  /* a read or write is under way */
#define BM_IO_ERROR             (1u << 27)  /* the last I/O failed */
#define BM_JUST_DIRTIED         (1u << 28)  /* dirtied since the write began */
#define BM_IO_WAITERS           (1u << 29)  /* someone sleeps until I/O ends */

/* Clock sweep: a page survives this many passes without being used. */
#define BM_MAX_USAGE_COUNT      5

StaticAssertDecl(BM_MAX_USAGE_COUNT < (1 << 4), "usage count must fit in 4 bits");

/* ---------------------------------------------------------------- tag */
typedef struct BufferTag
{
    Oid         relNode;
    BlockNumber blockNum;
} BufferTag;

#define CLEAR_BUFFERTAG(a) ((a).relNode = InvalidOid, (a).blockNum = InvalidBlockNumber)
#define INIT_BUFFERTAG(a, rnode, blk) ((a).relNode = (rnode).relNode, (a).blockNum = (blk))
#define BUFFERTAGS_EQUAL(a, b) ((a).relNode == (b).relNode && (a).blockNum == (b).blockNum)

/* ---------------------------------------------------------------- descriptor */
typedef struct BufferDesc
{
    BufferTag   tag;            /* header lock; see top of file */
    int         buf_id;         /* 0-based; constant */
    uint32      state;          /* atomic; also the futex word for I/O waits */
    int         freeNext;       /* buffer_strategy_lock */
    LWLock      content_lock;   /* page contents */
} BufferDesc;

#define BUFFERDESC_PAD_TO_SIZE 64
typedef union BufferDescPadded
{
    BufferDesc  bufferdesc;
    char        pad[BUFFERDESC_PAD_TO_SIZE];
} BufferDescPadded;
StaticAssertDecl(sizeof(BufferDesc) <= BUFFERDESC_PAD_TO_SIZE, "BufferDesc too large");

#define FREENEXT_END_OF_LIST    (-1)
#define FREENEXT_NOT_IN_LIST    (-2)

/* ---------------------------------------------------------------- mapping table
 * A chained hash table with a preallocated entry pool: NBuffers entries
 * plus one per partition, because an insert (under an exclusive partition
 * lock) may precede the delete of the victim's old entry, and each such
 * transient extra entry is covered by a distinct exclusively held
 * partition lock.  nbuckets is a power of two >= NUM_BUFFER_PARTITIONS so
 * that a bucket belongs to exactly one partition (hash mod 128).
 */
#define NUM_BUFFER_PARTITIONS   128
#define NUM_EXTENSION_LOCKS     64

typedef struct BufLookupEnt
{
    BufferTag   key;
    int         id;             /* buffer id */
    int         next;           /* next in bucket chain, or in free list */
} BufLookupEnt;

typedef struct BufTableControl
{
    slock_t     freelist_lock;  /* protects free_head and entries' next on the free list */
    int         free_head;
    int         nbuckets;
    int         nentries;       /* pool size */
} BufTableControl;

/* ---------------------------------------------------------------- strategy */
typedef struct BufferStrategyControl
{
    slock_t     buffer_strategy_lock;   /* protects firstFreeBuffer, freeNext */
    int         firstFreeBuffer;        /* head of the free list, or -1 */
    uint32      nextVictimBuffer;       /* atomic clock hand (mod NBuffers) */
    uint64      numBufferAllocs;        /* atomic; statistics */
} BufferStrategyControl;

#endif /* BUF_INTERNALS_H */
