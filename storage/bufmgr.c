/*-------------------------------------------------------------------------
 * bufmgr.c
 *    The shared buffer pool: find or load a relation block into one of
 *    NBuffers 8 KB buffers in shared memory, pin it, lock its contents,
 *    write it back when dirty.
 *
 * Principal entry points (contracts in bufmgr.h):
 *    ReadBuffer         find or read a block; returned pinned
 *    ReadBufferExtend   append a block; returned pinned + exclusively locked
 *    LockBuffer / ReleaseBuffer / MarkBufferDirty
 *    FlushRelationBuffers, FlushAllBuffers, DropRelFileNodeBuffers
 *    BufferReleaseAll   error recovery: end I/O, drop content locks and pins
 *
 * Design (PostgreSQL's src/backend/storage/buffer/, condensed into one file):
 *
 *  - Descriptors, pages, the mapping table and the strategy state live in
 *    the shared segment, sized from NBuffers at startup.  Locking rules are
 *    at the top of buf_internals.h.
 *
 *  - Pins.  A buffer's shared refcount (in its atomic state word) counts
 *    the backends that pin it, once each; PrivateRefCount[] counts how
 *    many times this backend pinned it.  Only a 0 -> 1 or 1 -> 0 change of
 *    the private count touches shared memory.  A pinned buffer is never
 *    evicted or retagged.  The private array (NBuffers int32s) is
 *    allocated in TopMemoryContext on first use -- before any spinlock is
 *    taken, so pinning under the header lock never allocates.
 *
 *  - Replacement: a clock sweep over all buffers.  Each pin increments
 *    the usage count (max BM_MAX_USAGE_COUNT); the sweep decrements it and
 *    takes the first unpinned buffer with usage 0.  A free list (filled at
 *    startup and by DropRelFileNodeBuffers) is consulted first.  If the
 *    sweep sees NBuffers pinned buffers in a row without decrementing
 *    anything, every buffer is pinned: ERROR 53400 "no unpinned buffers
 *    available".
 *
 *  - I/O protocol.  Exactly one backend performs a read or write of a
 *    buffer: StartBufferIO sets BM_IO_IN_PROGRESS under the header lock
 *    (waiting while someone else has it set) and says whether the I/O is
 *    still needed; TerminateBufferIO clears it and wakes waiters.  So two
 *    backends never read the same block concurrently, and a backend that
 *    finds a buffer being read waits for it instead.  A backend whose I/O
 *    fails leaves BM_IO_ERROR; error recovery (AbortBufferIO, from
 *    BufferReleaseAll) clears the in-progress bit so others can retry.
 *    Waiters sleep on the state word with futex, setting BM_IO_WAITERS
 *    under the header lock first (same no-lost-wakeup argument as in
 *    lwlock.h).
 *
 *  - Write-back.  A dirty victim is written by the backend that chose it,
 *    holding a share content lock (taken conditionally: a page locked by
 *    someone else is skipped, which also rules out deadlock) and the I/O
 *    protocol.  The page is copied and the checksum set on the copy,
 *    because hint bits may change under a share lock.  BM_JUST_DIRTIED
 *    catches changes made during the write so BM_DIRTY is not cleared
 *    wrongly.  (WAL: when the log arrives, FlushBuffer must first flush it
 *    up to the page LSN.)
 *
 *  - Extension: under one of NUM_EXTENSION_LOCKS LWLocks chosen by hashing
 *    the relNode (unrelated relations occasionally share one; they just
 *    serialize).  Basalt uses these rather than the heavyweight lock
 *    manager's LockRelationForExtension: extension is short, needs no
 *    deadlock detection, and this keeps bufmgr independent of lmgr.
 *
 * Reads are verified (PageIsVerified: header sanity + checksum; an
 * all-zero page is valid); failure is ERROR XX001 "invalid page in block
 * %u of relation %s".
 *
 * Error recovery (the backend's abort path) must call LWLockReleaseAll()
 * and BufferReleaseAll(), in either order: every LWLock bufmgr takes is in
 * the LWLock module's per-backend list, and BufferReleaseAll first fails
 * any I/O this backend had in progress (AbortBufferIO), then drops content
 * locks still held and all pins.  A process must hold no pins when it
 * forks: the child would inherit PrivateRefCount[].
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/buf_internals.h"
#include "storage/shmem.h"
#include "storage/smgr.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int         NBuffers = 16384;   /* shared_buffers, in 8 kB units: 128 MB */
BufferUsage pgBufferUsage;

/* ---- shared (pointers set by BufferShmemInit, inherited over fork) ---- */
static BufferDescPadded *BufferDescriptors;
static char *BufferBlocks;
static LWLockPadded *BufMappingLocks;       /* NUM_BUFFER_PARTITIONS */
static LWLockPadded *ExtensionLocks;        /* NUM_EXTENSION_LOCKS */
static BufTableControl *BufTableCtl;
static int *BufTableBuckets;
static BufLookupEnt *BufTableEntries;
static BufferStrategyControl *StrategyControl;

/* ---- private to this backend ---- */
static int32 *PrivateRefCount = NULL;      /* [NBuffers], pins per buffer */
static int  PrivateRefCountSize = 0;       /* NBuffers it was made for */
static int  PrivatePinsTotal = 0;          /* sum of PrivateRefCount[] */
static int  PrivatePinnedBuffers = 0;      /* buffers with a nonzero count */
static BufferDesc *InProgressBuf = NULL;   /* the I/O this backend runs */
static bool IsForInput;
static char *FlushCopy = NULL;             /* BLCKSZ page copy for checksumming */

#define GetBufferDescriptor(id) (&BufferDescriptors[(id)].bufferdesc)
#define BufferDescriptorGetBuffer(bdesc) ((Buffer) ((bdesc)->buf_id + 1))
#define BufHdrGetBlock(bdesc) ((Page) (BufferBlocks + ((Size) (bdesc)->buf_id) * BLCKSZ))
#define BufMappingPartitionLock(hash) \
    (&BufMappingLocks[(hash) % NUM_BUFFER_PARTITIONS].lock)

/* ================================================================ shared memory */

static int
buf_table_nbuckets(void)
{
    int         n = NUM_BUFFER_PARTITIONS;

    while (n < NBuffers + NUM_BUFFER_PARTITIONS)
        n <<= 1;
    return n;
}

Size
BufferShmemSize(void)
{
    Size        size = 0;

    size = add_size(size, mul_size(NBuffers, sizeof(BufferDescPadded)));
    size = add_size(size, PG_CACHE_LINE_SIZE);
    /* pages, plus slack to align them to 4 kB (direct I/O friendly) */
    size = add_size(size, mul_size(NBuffers, BLCKSZ));
    size = add_size(size, 4096);
    size = add_size(size, mul_size(NUM_BUFFER_PARTITIONS + NUM_EXTENSION_LOCKS,
                                   sizeof(LWLockPadded)));
    size = add_size(size, CACHELINEALIGN(sizeof(BufTableControl)));
    size = add_size(size, mul_size(buf_table_nbuckets(), sizeof(int)));
    size = add_size(size, mul_size(NBuffers + NUM_BUFFER_PARTITIONS, sizeof(BufLookupEnt)));
    size = add_size(size, CACHELINEALIGN(sizeof(BufferStrategyControl)));
    /* one cache line of alignment waste per ShmemAlloc call */
    size = add_size(size, 8 * PG_CACHE_LINE_SIZE);
    return size;
}

static void
reset_private_state(void)
{
    /*
     * Only a process that re-creates the segment itself (the postmaster, a
     * test) gets here with old state; it must not carry pins over.
     */
    if (PrivateRefCount != NULL)
        pfree(PrivateRefCount);
    PrivateRefCount = NULL;
    PrivateRefCountSize = 0;
    PrivatePinsTotal = 0;
    PrivatePinnedBuffers = 0;
    InProgressBuf = NULL;
}

void
BufferShmemInit(void)
{
    int         i;
    int         nentries = NBuffers + NUM_BUFFER_PARTITIONS;
    char       *blocks;

    if (NBuffers < 16)
        ereport(FATAL,
                errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("%d is outside the valid range for parameter \"shared_buffers\" (16 .. %d)",
                       NBuffers, INT_MAX / 2));

    reset_private_state();

    BufferDescriptors = ShmemAlloc(mul_size(NBuffers, sizeof(BufferDescPadded)));
    blocks = ShmemAlloc(add_size(mul_size(NBuffers, BLCKSZ), 4096));
    BufferBlocks = (char *) TYPEALIGN(4096, blocks);
    BufMappingLocks = ShmemAlloc(mul_size(NUM_BUFFER_PARTITIONS, sizeof(LWLockPadded)));
    ExtensionLocks = ShmemAlloc(mul_size(NUM_EXTENSION_LOCKS, sizeof(LWLockPadded)));
    BufTableCtl = ShmemAlloc(sizeof(BufTableControl));
    BufTableBuckets = ShmemAlloc(mul_size(buf_table_nbuckets(), sizeof(int)));
    BufTableEntries = ShmemAlloc(mul_size(nentries, sizeof(BufLookupEnt)));
    StrategyControl = ShmemAlloc(sizeof(BufferStrategyControl));

    for (i = 0; i < NBuffers; i++)
    {
        BufferDesc *buf = GetBufferDescriptor(i);

        CLEAR_BUFFERTAG(buf->tag);
        buf->buf_id = i;
        buf->state = 0;
        buf->freeNext = (i + 1 < NBuffers) ? i + 1 : FREENEXT_END_OF_LIST;
        LWLockInitialize(&buf->content_lock, LWTRANCHE_BUFFER_CONTENT, i);
    }
    /* the pages themselves are zero: fresh anonymous memory */

    for (i = 0; i < NUM_BUFFER_PARTITIONS; i++)
        LWLockInitialize(&BufMappingLocks[i].lock, LWTRANCHE_BUFFER_MAPPING, i);
    for (i = 0; i < NUM_EXTENSION_LOCKS; i++)
        LWLockInitialize(&ExtensionLocks[i].lock, LWTRANCHE_RELATION_EXTENSION, i);

    SpinLockInit(&BufTableCtl->freelist_lock);
    BufTableCtl->nbuckets = buf_table_nbuckets();
    BufTableCtl->nentries = nentries;
    for (i = 0; i < BufTableCtl->nbuckets; i++)
        BufTableBuckets[i] = -1;
    for (i = 0; i < nentries; i++)
        BufTableEntries[i].next = (i + 1 < nentries) ? i + 1 : -1;
    BufTableCtl->free_head = 0;

    SpinLockInit(&StrategyControl->buffer_strategy_lock);
    StrategyControl->firstFreeBuffer = 0;
    StrategyControl->nextVictimBuffer = 0;
    StrategyControl->numBufferAllocs = 0;
}

/* ================================================================ mapping table */

static uint32
BufTableHashCode(const BufferTag *tag)
{
    uint64      h = ((uint64) tag->relNode << 32) | tag->blockNum;

    /* murmur3 finalizer: every input bit affects the partition bits */
    h ^= h >> 33;
    h *= UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 33;
    h *= UINT64_C(0xc4ceb9fe1a85ec53);
    h ^= h >> 33;
    return (uint32) h;
}

/* Caller holds the tag's partition lock (either mode). */
static int
BufTableLookup(const BufferTag *tag, uint32 hash)
{
    int         e = BufTableBuckets[hash & (BufTableCtl->nbuckets - 1)];

    for (; e >= 0; e = BufTableEntries[e].next)
        if (BUFFERTAGS_EQUAL(BufTableEntries[e].key, *tag))
            return BufTableEntries[e].id;
    return -1;
}

/*
 * Insert tag -> buf_id unless the tag is present; returns the existing
 * buffer id, or -1 if inserted.  Caller holds the partition lock exclusive.
 */
static int
BufTableInsert(const BufferTag *tag, uint32 hash, int buf_id)
{
    int        *bucket = &BufTableBuckets[hash & (BufTableCtl->nbuckets - 1)];
    int         e;

    for (e = *bucket; e >= 0; e = BufTableEntries[e].next)
        if (BUFFERTAGS_EQUAL(BufTableEntries[e].key, *tag))
            return BufTableEntries[e].id;

    SpinLockAcquire(&BufTableCtl->freelist_lock);
    e = BufTableCtl->free_head;
    if (e >= 0)
        BufTableCtl->free_head = BufTableEntries[e].next;
    SpinLockRelease(&BufTableCtl->freelist_lock);
    if (e < 0)
        elog(PANIC, "shared buffer hash table corrupted");     /* sized so it cannot fill */

    BufTableEntries[e].key = *tag;
    BufTableEntries[e].id = buf_id;
    BufTableEntries[e].next = *bucket;
    *bucket = e;
    return -1;
}

/* Caller holds the partition lock exclusive; the tag must be present. */
static void
BufTableDelete(const BufferTag *tag, uint32 hash)
{
    int        *pp = &BufTableBuckets[hash & (BufTableCtl->nbuckets - 1)];

    while (*pp >= 0 && !BUFFERTAGS_EQUAL(BufTableEntries[*pp].key, *tag))
        pp = &BufTableEntries[*pp].next;
    if (*pp < 0)
        elog(PANIC, "shared buffer hash table corrupted");
    {
        int         e = *pp;

        *pp = BufTableEntries[e].next;
        SpinLockAcquire(&BufTableCtl->freelist_lock);
        BufTableEntries[e].next = BufTableCtl->free_head;
        BufTableCtl->free_head = e;
        SpinLockRelease(&BufTableCtl->freelist_lock);
    }
}

/* ================================================================ header lock */

static uint32
LockBufHdr(BufferDesc *desc)
{
    SpinDelayStatus delay;
    uint32      old;

    init_spin_delay(&delay);
    for (;;)
    {
        old = __atomic_fetch_or(&desc->state, BM_LOCKED, __ATOMIC_ACQUIRE);
        if (!(old & BM_LOCKED))
            break;
        perform_spin_delay(&delay);
    }
    finish_spin_delay(&delay);
    return old | BM_LOCKED;
}

/* Store the new state (flags changed under the lock) and unlock. */
static inline void
UnlockBufHdr(BufferDesc *desc, uint32 state)
{
    __atomic_store_n(&desc->state, state & ~BM_LOCKED, __ATOMIC_RELEASE);
}

static uint32
WaitBufHdrUnlocked(BufferDesc *desc)
{
    SpinDelayStatus delay;
    uint32      state;

    init_spin_delay(&delay);
    state = __atomic_load_n(&desc->state, __ATOMIC_ACQUIRE);
    while (state & BM_LOCKED)
    {
        perform_spin_delay(&delay);
        state = __atomic_load_n(&desc->state, __ATOMIC_ACQUIRE);
    }
    finish_spin_delay(&delay);
    return state;
}

static void
buf_futex_wait(BufferDesc *desc, uint32 expected)
{
    (void) syscall(SYS_futex, &desc->state, FUTEX_WAIT, expected, NULL, NULL, 0);
}

static void
buf_futex_wake_all(BufferDesc *desc)
{
    (void) syscall(SYS_futex, &desc->state, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

/* ================================================================ private refcounts */

/* Make the private array exist; call before taking any header lock. */
static void
ReservePrivateRefCount(void)
{
    if (likely(PrivateRefCount != NULL))
        return;
    if (BufferDescriptors == NULL)
        elog(ERROR, "shared buffers are not initialized");
    PrivateRefCount = MemoryContextAllocZero(TopMemoryContext, sizeof(int32) * NBuffers);
    PrivateRefCountSize = NBuffers;
}

static inline int32
GetPrivateRefCount(Buffer buffer)
{
    return PrivateRefCount == NULL ? 0 : PrivateRefCount[buffer - 1];
}

static inline void
private_pin(BufferDesc *buf)
{
    if (PrivateRefCount[buf->buf_id]++ == 0)
        PrivatePinnedBuffers++;
    PrivatePinsTotal++;
}

/* Error unless buffer is a valid buffer pinned by this backend. */
static BufferDesc *
check_pinned(Buffer buffer)
{
    if (buffer < 1 || buffer > NBuffers || PrivateRefCount == NULL ||
        PrivateRefCount[buffer - 1] <= 0)
        elog(ERROR, "bad buffer ID: %d", buffer);
    return GetBufferDescriptor(buffer - 1);
}

/* ================================================================ pin / unpin */

/*
 * Pin a buffer found through the mapping table (caller holds its
 * partition lock, so the tag cannot change under us).  Bumps the usage
 * count.  Returns whether the buffer is BM_VALID.
 */
static bool
PinBuffer(BufferDesc *buf)
{
    bool        result;

    if (PrivateRefCount[buf->buf_id] == 0)
    {
        uint32      old = __atomic_load_n(&buf->state, __ATOMIC_RELAXED);

        for (;;)
        {
            uint32      new;

            if (old & BM_LOCKED)
                old = WaitBufHdrUnlocked(buf);
            new = old + BUF_REFCOUNT_ONE;
            if (BUF_STATE_GET_USAGECOUNT(new) < BM_MAX_USAGE_COUNT)
                new += BUF_USAGECOUNT_ONE;
            if (__atomic_compare_exchange_n(&buf->state, &old, new, false,
                                            __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            {
                result = (new & BM_VALID) != 0;
                break;
            }
        }
    }
    else
    {
        /* Already pinned by us: valid unless our own read failed. */
        result = (__atomic_load_n(&buf->state, __ATOMIC_ACQUIRE) & BM_VALID) != 0;
    }
    private_pin(buf);
    return result;
}

/*
 * Pin a buffer whose header lock we hold (victims, flush loops); releases
 * the header lock.  No usage-count bump: that is for real accesses.
 */
static void
PinBuffer_Locked(BufferDesc *buf, uint32 state)
{
    if (PrivateRefCount[buf->buf_id] == 0)
        state += BUF_REFCOUNT_ONE;
    UnlockBufHdr(buf, state);
    private_pin(buf);
}

static void
UnpinBuffer(BufferDesc *buf)
{
    Assert(PrivateRefCount[buf->buf_id] > 0);
    PrivatePinsTotal--;
    if (--PrivateRefCount[buf->buf_id] > 0)
        return;
    PrivatePinnedBuffers--;

    {
        uint32      old = __atomic_load_n(&buf->state, __ATOMIC_RELAXED);

        for (;;)
        {
            if (old & BM_LOCKED)
                old = WaitBufHdrUnlocked(buf);
            Assert(BUF_STATE_GET_REFCOUNT(old) > 0);
            if (__atomic_compare_exchange_n(&buf->state, &old, old - BUF_REFCOUNT_ONE, false,
                                            __ATOMIC_RELEASE, __ATOMIC_RELAXED))
                break;
        }
    }
}

/* ================================================================ I/O protocol */

/* Sleep until no I/O is in progress on buf.  Caller holds a pin. */
static void
WaitIO(BufferDesc *buf)
{
    for (;;)
    {
        uint32      state = LockBufHdr(buf);

        if (!(state & BM_IO_IN_PROGRESS))
        {
            UnlockBufHdr(buf, state);
            return;
        }
        state |= BM_IO_WAITERS;
        UnlockBufHdr(buf, state);
        /* returns at once if the word moved on (pins, I/O finished) */
        buf_futex_wait(buf, state & ~BM_LOCKED);
    }
}

/*
 * Claim the I/O for buf.  forInput: we want to read it (needed unless it
 * became BM_VALID); otherwise we want to write it (needed while BM_DIRTY).
 * Returns true if the caller must now do the I/O and then call
 * TerminateBufferIO; false if someone else did it meanwhile.
 */
static bool
StartBufferIO(BufferDesc *buf, bool forInput)
{
    uint32      state;

    Assert(InProgressBuf == NULL);
    for (;;)
    {
        state = LockBufHdr(buf);
        if (!(state & BM_IO_IN_PROGRESS))
            break;
        UnlockBufHdr(buf, state);
        WaitIO(buf);
    }

    if (forInput ? (state & BM_VALID) : !(state & BM_DIRTY))
    {
        UnlockBufHdr(buf, state);
        return false;
    }

    state |= BM_IO_IN_PROGRESS;
    UnlockBufHdr(buf, state);
    InProgressBuf = buf;
    IsForInput = forInput;
    return true;
}

/*
 * End our I/O on buf: clear BM_IO_IN_PROGRESS (and BM_DIRTY if
 * clear_dirty and the page was not re-dirtied during a write), set
 * set_flag_bits, wake waiters.
 */
static void
TerminateBufferIO(BufferDesc *buf, bool clear_dirty, uint32 set_flag_bits)
{
    uint32      state = LockBufHdr(buf);
    bool        waiters = (state & BM_IO_WAITERS) != 0;

    Assert(state & BM_IO_IN_PROGRESS);
    state &= ~(BM_IO_IN_PROGRESS | BM_IO_ERROR | BM_IO_WAITERS);
    if (clear_dirty && !(state & BM_JUST_DIRTIED))
        state &= ~BM_DIRTY;
    state |= set_flag_bits;
    UnlockBufHdr(buf, state);
    InProgressBuf = NULL;

    if (waiters)
        buf_futex_wake_all(buf);
}

/*
 * Error recovery: if an ERROR interrupted our read or write, mark the I/O
 * failed so another backend can retry it.  A failed write keeps BM_DIRTY.
 */
void
AbortBufferIO(void)
{
    BufferDesc *buf = InProgressBuf;

    if (buf == NULL)
        return;
    if (!IsForInput)
    {
        uint32      state = __atomic_load_n(&buf->state, __ATOMIC_ACQUIRE);

        if (state & BM_IO_ERROR)
        {
            char       *path = relpath((RelFileNode) {buf->tag.relNode});

            ereport(WARNING,
                    errcode(ERRCODE_IO_ERROR),
                    errmsg("could not write block %u of %s", buf->tag.blockNum, path),
                    errdetail("Multiple failures --- write error might be permanent."));
            pfree(path);
        }
    }
    TerminateBufferIO(buf, false, BM_IO_ERROR);
}

/* ================================================================ replacement */

static BufferDesc *
StrategyGetBuffer(uint32 *state_out)
{
    BufferDesc *buf;
    uint32      state;
    int         trycounter;

    __atomic_fetch_add(&StrategyControl->numBufferAllocs, 1, __ATOMIC_RELAXED);

    /* Free list first: buffers nobody has used since startup or a drop. */
    while (__atomic_load_n(&StrategyControl->firstFreeBuffer, __ATOMIC_RELAXED) >= 0)
    {
        SpinLockAcquire(&StrategyControl->buffer_strategy_lock);
        if (StrategyControl->firstFreeBuffer < 0)
        {
            SpinLockRelease(&StrategyControl->buffer_strategy_lock);
            break;
        }
        buf = GetBufferDescriptor(StrategyControl->firstFreeBuffer);
        StrategyControl->firstFreeBuffer = buf->freeNext;
        buf->freeNext = FREENEXT_NOT_IN_LIST;
        SpinLockRelease(&StrategyControl->buffer_strategy_lock);

        /* Someone may have taken it through the clock sweep meanwhile. */
        state = LockBufHdr(buf);
        if (BUF_STATE_GET_REFCOUNT(state) == 0 && BUF_STATE_GET_USAGECOUNT(state) == 0)
        {
            *state_out = state;
            return buf;         /* header still locked */
        }
        UnlockBufHdr(buf, state);
    }

    /* Clock sweep. */
    trycounter = NBuffers;
    for (;;)
    {
        uint32      victim = __atomic_fetch_add(&StrategyControl->nextVictimBuffer, 1,
                                                __ATOMIC_RELAXED);

        buf = GetBufferDescriptor(victim % (uint32) NBuffers);
        state = LockBufHdr(buf);
        if (BUF_STATE_GET_REFCOUNT(state) == 0)
        {
            if (BUF_STATE_GET_USAGECOUNT(state) != 0)
            {
                state -= BUF_USAGECOUNT_ONE;
                trycounter = NBuffers;
            }
            else
            {
                *state_out = state;
                return buf;     /* header still locked */
            }
        }
        else if (--trycounter == 0)
        {
            /* a full lap of pinned buffers: give up (lock released first) */
            UnlockBufHdr(buf, state);
            ereport(ERROR,
                    errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
                    errmsg("no unpinned buffers available"),
                    errhint("Increase shared_buffers (currently %d buffers).", NBuffers));
        }
        UnlockBufHdr(buf, state);
    }
}

static void
StrategyFreeBuffer(BufferDesc *buf)
{
    SpinLockAcquire(&StrategyControl->buffer_strategy_lock);
    if (buf->freeNext == FREENEXT_NOT_IN_LIST)
    {
        buf->freeNext = StrategyControl->firstFreeBuffer;
        StrategyControl->firstFreeBuffer = buf->buf_id;
    }
    SpinLockRelease(&StrategyControl->buffer_strategy_lock);
}

/* ================================================================ write-back */

/*
 * Write buf to disk if it is still dirty.  Caller holds a pin and the
 * content lock (share or exclusive).
 */
static void
FlushBuffer(BufferDesc *buf)
{
    uint32      state;
    RelFileNode rnode;
    BlockNumber blkno;

    if (!StartBufferIO(buf, false))
        return;

    /* Changes from now on must leave the buffer dirty after the write. */
    state = LockBufHdr(buf);
    state &= ~BM_JUST_DIRTIED;
    UnlockBufHdr(buf, state);

    rnode.relNode = buf->tag.relNode;
    blkno = buf->tag.blockNum;

    if (FlushCopy == NULL)
        FlushCopy = MemoryContextAlloc(TopMemoryContext, BLCKSZ);
    memcpy(FlushCopy, BufHdrGetBlock(buf), BLCKSZ);
    PageSetChecksumInplace(FlushCopy, blkno);

    smgrwrite(rnode, blkno, FlushCopy);     /* ERROR -> AbortBufferIO */
    pgBufferUsage.shared_written++;

    TerminateBufferIO(buf, true, 0);
}

/* ================================================================ allocation */

/*
 * Find or assign a buffer for (rnode, blkno), returned pinned.  *foundPtr
 * is true if the page is valid in it; false means this backend has
 * started the read I/O (StartBufferIO) and must fill the page and call
 * TerminateBufferIO.
 */
static BufferDesc *
BufferAlloc(RelFileNode rnode, BlockNumber blkno, bool *foundPtr)
{
    BufferTag   newTag;
    uint32      newHash;
    LWLock     *newPartitionLock;
    BufferTag   oldTag;
    uint32      oldHash = 0;
    LWLock     *oldPartitionLock;
    BufferDesc *buf;
    uint32      state;
    uint32      oldFlags;
    int         buf_id;

    INIT_BUFFERTAG(newTag, rnode, blkno);
    newHash = BufTableHashCode(&newTag);
    newPartitionLock = BufMappingPartitionLock(newHash);

    /* Is it in the pool already? */
    LWLockAcquire(newPartitionLock, LW_SHARED);
    buf_id = BufTableLookup(&newTag, newHash);
    if (buf_id >= 0)
    {
        bool        valid;

        buf = GetBufferDescriptor(buf_id);
        valid = PinBuffer(buf);
        LWLockRelease(newPartitionLock);
        /* Not valid: being read by someone (wait), or their read failed (retry). */
        *foundPtr = valid || !StartBufferIO(buf, true);
        return buf;
    }
    LWLockRelease(newPartitionLock);

    /* No: take a victim and retag it. */
    for (;;)
    {
        buf = StrategyGetBuffer(&state);
        PinBuffer_Locked(buf, state);
        oldFlags = state & BUF_FLAG_MASK;

        if (oldFlags & BM_DIRTY)
        {
            /*
             * Write it back.  Conditional lock: if someone holds it
             * exclusively (or we do), choose another victim instead of
             * waiting -- waiting here could deadlock.
             */
            if (LWLockConditionalAcquire(&buf->content_lock, LW_SHARED))
            {
                FlushBuffer(buf);
                LWLockRelease(&buf->content_lock);
            }
            else
            {
                UnpinBuffer(buf);
                continue;
            }
        }

        if (oldFlags & BM_TAG_VALID)
        {
            oldTag = buf->tag;  /* stable: we hold a pin */
            oldHash = BufTableHashCode(&oldTag);
            oldPartitionLock = BufMappingPartitionLock(oldHash);
            /* two partition locks: always in address order */
            if (oldPartitionLock < newPartitionLock)
            {
                LWLockAcquire(oldPartitionLock, LW_EXCLUSIVE);
                LWLockAcquire(newPartitionLock, LW_EXCLUSIVE);
            }
            else if (oldPartitionLock > newPartitionLock)
            {
                LWLockAcquire(newPartitionLock, LW_EXCLUSIVE);
                LWLockAcquire(oldPartitionLock, LW_EXCLUSIVE);
            }
            else
                LWLockAcquire(newPartitionLock, LW_EXCLUSIVE);
        }
        else
        {
            LWLockAcquire(newPartitionLock, LW_EXCLUSIVE);
            oldPartitionLock = NULL;
        }

        buf_id = BufTableInsert(&newTag, newHash, buf->buf_id);
        if (buf_id >= 0)
        {
            /* Someone loaded our block meanwhile: use theirs. */
            bool        valid;

            UnpinBuffer(buf);
            if (oldPartitionLock != NULL && oldPartitionLock != newPartitionLock)
                LWLockRelease(oldPartitionLock);
            buf = GetBufferDescriptor(buf_id);
            valid = PinBuffer(buf);
            LWLockRelease(newPartitionLock);
            *foundPtr = valid || !StartBufferIO(buf, true);
            return buf;
        }

        /*
         * Still ours alone and clean?  Someone may have pinned it (through
         * the old tag) or dirtied it while we were writing.
         */
        state = LockBufHdr(buf);
        oldFlags = state & BUF_FLAG_MASK;
        if (BUF_STATE_GET_REFCOUNT(state) == 1 && !(oldFlags & BM_DIRTY))
            break;              /* header lock held */

        UnlockBufHdr(buf, state);
        BufTableDelete(&newTag, newHash);
        if (oldPartitionLock != NULL && oldPartitionLock != newPartitionLock)
            LWLockRelease(oldPartitionLock);
        LWLockRelease(newPartitionLock);
        UnpinBuffer(buf);
    }

    /* Retag (header locked, both partitions locked). */
    buf->tag = newTag;
    state &= ~(BM_VALID | BM_DIRTY | BM_JUST_DIRTIED | BM_IO_ERROR | BUF_USAGECOUNT_MASK);
    state |= BM_TAG_VALID | BUF_USAGECOUNT_ONE;
    UnlockBufHdr(buf, state);

    if (oldPartitionLock != NULL)
    {
        BufTableDelete(&oldTag, oldHash);
        if (oldPartitionLock != newPartitionLock)
            LWLockRelease(oldPartitionLock);
        pgBufferUsage.evictions++;
    }
    LWLockRelease(newPartitionLock);

    /* Nobody else can have started I/O: the new tag was invisible until now. */
    *foundPtr = !StartBufferIO(buf, true);
    return buf;
}

/*
 * Forget a buffer's contents.  Called with the header lock held; returns
 * with it released.  Waits for other backends' pins to go away (they are
 * short-lived in the cases that call this: the relation is being dropped
 * under an AccessExclusiveLock).
 */
static void
InvalidateBuffer(BufferDesc *buf, uint32 state)
{
    BufferTag   oldTag = buf->tag;
    uint32      oldHash = BufTableHashCode(&oldTag);
    LWLock     *oldPartitionLock = BufMappingPartitionLock(oldHash);
    uint32      oldFlags;

    UnlockBufHdr(buf, state);

retry:
    LWLockAcquire(oldPartitionLock, LW_EXCLUSIVE);
    state = LockBufHdr(buf);
    if (!BUFFERTAGS_EQUAL(buf->tag, oldTag))
    {
        /* already reused for something else */
        UnlockBufHdr(buf, state);
        LWLockRelease(oldPartitionLock);
        return;
    }
    if (BUF_STATE_GET_REFCOUNT(state) != 0)
    {
        UnlockBufHdr(buf, state);
        LWLockRelease(oldPartitionLock);
        if (GetPrivateRefCount(BufferDescriptorGetBuffer(buf)) > 0)
            elog(ERROR, "buffer is pinned in InvalidateBuffer");
        /*
         * Someone else's pin: a reader that found the buffer just before
         * the drop, or an I/O.  Wait, without the stuck-spinlock PANIC:
         * an ordinary pin may legitimately last a while.
         */
        WaitIO(buf);
        {
            struct timespec ts = {0, 1000 * 1000};

            (void) nanosleep(&ts, NULL);
        }
        goto retry;
    }

    oldFlags = state & BUF_FLAG_MASK;
    CLEAR_BUFFERTAG(buf->tag);
    state &= ~(BUF_FLAG_MASK | BUF_USAGECOUNT_MASK);
    UnlockBufHdr(buf, state);

    if (oldFlags & BM_TAG_VALID)
        BufTableDelete(&oldTag, oldHash);
    LWLockRelease(oldPartitionLock);

    StrategyFreeBuffer(buf);
}

/* ================================================================ public: read */

Buffer
ReadBuffer(RelFileNode rnode, BlockNumber blkno)
{
    BufferDesc *buf;
    bool        found;
    Page        page;

    ReservePrivateRefCount();
    if (blkno == InvalidBlockNumber)
        elog(ERROR, "invalid block number %u", blkno);

    buf = BufferAlloc(rnode, blkno, &found);
    if (found)
    {
        pgBufferUsage.shared_hit++;
        return BufferDescriptorGetBuffer(buf);
    }

    /* We own the read I/O: fill the page, verify it, publish it. */
    page = BufHdrGetBlock(buf);
    smgrread(rnode, blkno, page);
    pgBufferUsage.shared_read++;
    if (!PageIsVerified(page, blkno))
    {
        char       *path = relpath(rnode);

        ereport(ERROR,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("invalid page in block %u of relation %s", blkno, path));
    }
    TerminateBufferIO(buf, false, BM_VALID);
    return BufferDescriptorGetBuffer(buf);
}

static LWLock *
ExtensionLockFor(RelFileNode rnode)
{
    uint32      h = rnode.relNode * 0x9E3779B1u;

    return &ExtensionLocks[(h >> 16) % NUM_EXTENSION_LOCKS].lock;
}

Buffer
ReadBufferExtend(RelFileNode rnode)
{
    LWLock     *extLock = ExtensionLockFor(rnode);
    BlockNumber blkno;
    BufferDesc *buf;
    bool        found;
    Page        page;

    ReservePrivateRefCount();

    /*
     * Held until the new block is in the file and in the pool.  An ERROR
     * in between is safe: error recovery's LWLockReleaseAll releases it
     * and AbortBufferIO fails the buffer's I/O, so the next extender
     * retries the same block number.
     */
    LWLockAcquire(extLock, LW_EXCLUSIVE);

    blkno = smgrnblocks(rnode);
    if (blkno == InvalidBlockNumber)
    {
        char       *path = relpath(rnode);

        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("cannot extend relation %s beyond %u blocks", path, InvalidBlockNumber));
    }

    buf = BufferAlloc(rnode, blkno, &found);
    page = BufHdrGetBlock(buf);
    if (found)
    {
        /*
         * A valid buffer beyond EOF (the file was truncated without its
         * buffers being dropped).  It must be new; anything else means
         * the file lost data.
         */
        if (!PageIsNew(page))
        {
            char       *path = relpath(rnode);

            ereport(ERROR,
                    errcode(ERRCODE_DATA_CORRUPTED),
                    errmsg("unexpected data beyond EOF in block %u of relation %s",
                           blkno, path),
                    errhint("This has been seen to occur with buggy kernels; consider updating your system."));
        }
        LWLockAcquire(&buf->content_lock, LW_EXCLUSIVE);
        smgrextend(rnode, blkno, page);
    }
    else
    {
        memset(page, 0, BLCKSZ);
        smgrextend(rnode, blkno, page);
        /*
         * Lock before ending the I/O: backends that found the buffer are
         * waiting for the I/O and must not see the page before our caller
         * has filled it.
         */
        LWLockAcquire(&buf->content_lock, LW_EXCLUSIVE);
        TerminateBufferIO(buf, false, BM_VALID);
    }
    LWLockRelease(extLock);

    PageInit(page, BLCKSZ, 0);
    MarkBufferDirty(BufferDescriptorGetBuffer(buf));
    return BufferDescriptorGetBuffer(buf);
}

/* ================================================================ public: pins and locks */

void
ReleaseBuffer(Buffer buffer)
{
    UnpinBuffer(check_pinned(buffer));
}

void
LockBuffer(Buffer buffer, int mode)
{
    BufferDesc *buf = check_pinned(buffer);

    if (mode == BUFFER_LOCK_UNLOCK)
        LWLockRelease(&buf->content_lock);
    else if (mode == BUFFER_LOCK_SHARE)
        LWLockAcquire(&buf->content_lock, LW_SHARED);
    else if (mode == BUFFER_LOCK_EXCLUSIVE)
        LWLockAcquire(&buf->content_lock, LW_EXCLUSIVE);
    else
        elog(ERROR, "unrecognized buffer lock mode: %d", mode);
}

bool
ConditionalLockBuffer(Buffer buffer)
{
    return LWLockConditionalAcquire(&check_pinned(buffer)->content_lock, LW_EXCLUSIVE);
}

void
UnlockReleaseBuffer(Buffer buffer)
{
    BufferDesc *buf = check_pinned(buffer);

    LWLockRelease(&buf->content_lock);
    UnpinBuffer(buf);
}

static void
mark_dirty(BufferDesc *buf)
{
    uint32      old = __atomic_load_n(&buf->state, __ATOMIC_RELAXED);

    for (;;)
    {
        uint32      new;

        if (old & BM_LOCKED)
            old = WaitBufHdrUnlocked(buf);
        new = old | BM_DIRTY | BM_JUST_DIRTIED;
        if (new == old)
            return;
        if (__atomic_compare_exchange_n(&buf->state, &old, new, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            return;
    }
}

void
MarkBufferDirty(Buffer buffer)
{
    BufferDesc *buf = check_pinned(buffer);

    Assert(LWLockHeldByMeInMode(&buf->content_lock, LW_EXCLUSIVE));
    mark_dirty(buf);
}

void
MarkBufferDirtyHint(Buffer buffer)
{
    BufferDesc *buf = check_pinned(buffer);

    Assert(LWLockHeldByMe(&buf->content_lock));
    /* Without WAL there is no full-page-image concern yet: same as dirty. */
    mark_dirty(buf);
}

Page
BufferGetPage(Buffer buffer)
{
    Assert(buffer >= 1 && buffer <= NBuffers);
    return BufHdrGetBlock(GetBufferDescriptor(buffer - 1));
}

BlockNumber
BufferGetBlockNumber(Buffer buffer)
{
    return check_pinned(buffer)->tag.blockNum;
}

RelFileNode
BufferGetRelFileNode(Buffer buffer)
{
    RelFileNode rnode;

    rnode.relNode = check_pinned(buffer)->tag.relNode;
    return rnode;
}

BlockNumber
RelationGetNumberOfBlocksNode(RelFileNode rnode)
{
    return smgrnblocks(rnode);
}

int
BufferPinsHeldByMe(void)
{
    return PrivatePinsTotal;
}

void
BufferReleaseAll(void)
{
    int         i;

    AbortBufferIO();
    if (PrivateRefCount == NULL || PrivatePinnedBuffers == 0)
        return;

    for (i = 0; i < PrivateRefCountSize && PrivatePinnedBuffers > 0; i++)
    {
        BufferDesc *buf;

        if (PrivateRefCount[i] == 0)
            continue;
        buf = GetBufferDescriptor(i);
        /* content lock first: a lock without a pin is a protocol violation */
        if (LWLockHeldByMe(&buf->content_lock))
            LWLockRelease(&buf->content_lock);
        PrivatePinsTotal -= PrivateRefCount[i] - 1;
        PrivateRefCount[i] = 1;
        UnpinBuffer(buf);
    }
}

/* ================================================================ public: flush and drop */

/*
 * Pin buf if its header (locked by us) says it is valid and dirty and
 * matches; releases the header lock either way.  Returns whether pinned.
 */
static bool
pin_if_dirty(BufferDesc *buf, const RelFileNode *rnode)
{
    uint32      state = LockBufHdr(buf);

    if ((state & (BM_VALID | BM_DIRTY)) == (BM_VALID | BM_DIRTY) &&
        (rnode == NULL || buf->tag.relNode == rnode->relNode))
    {
        PinBuffer_Locked(buf, state);
        return true;
    }
    UnlockBufHdr(buf, state);
    return false;
}

void
FlushRelationBuffers(RelFileNode rnode)
{
    int         i;

    ReservePrivateRefCount();
    for (i = 0; i < NBuffers; i++)
    {
        BufferDesc *buf = GetBufferDescriptor(i);

        /* unlocked pre-check: a stale read only costs a wasted lock */
        if (buf->tag.relNode != rnode.relNode)
            continue;
        if (!pin_if_dirty(buf, &rnode))
            continue;
        LWLockAcquire(&buf->content_lock, LW_SHARED);
        FlushBuffer(buf);
        LWLockRelease(&buf->content_lock);
        UnpinBuffer(buf);
    }
    smgrimmedsync(rnode);
}

static int
oid_cmp(const void *a, const void *b)
{
    Oid         x = *(const Oid *) a;
    Oid         y = *(const Oid *) b;

    return x < y ? -1 : x > y ? 1 : 0;
}

void
FlushAllBuffers(void)
{
    Oid        *written;
    int         nwritten = 0;
    int         i;

    ReservePrivateRefCount();
    written = palloc(sizeof(Oid) * NBuffers);

    for (i = 0; i < NBuffers; i++)
    {
        BufferDesc *buf = GetBufferDescriptor(i);

        if (!pin_if_dirty(buf, NULL))
            continue;
        LWLockAcquire(&buf->content_lock, LW_SHARED);
        FlushBuffer(buf);
        LWLockRelease(&buf->content_lock);
        written[nwritten++] = buf->tag.relNode;
        UnpinBuffer(buf);
    }

    /* fsync each relation written, once */
    qsort(written, nwritten, sizeof(Oid), oid_cmp);
    for (i = 0; i < nwritten; i++)
    {
        RelFileNode rnode;

        if (i > 0 && written[i] == written[i - 1])
            continue;
        rnode.relNode = written[i];
        if (smgrexists(rnode))      /* dropped meanwhile: nothing to sync */
            smgrimmedsync(rnode);
    }
    pfree(written);
}

void
DropRelFileNodeBuffers(RelFileNode rnode)
{
    int         i;

    for (i = 0; i < NBuffers; i++)
    {
        BufferDesc *buf = GetBufferDescriptor(i);
        uint32      state;

        if (buf->tag.relNode != rnode.relNode)
            continue;
        state = LockBufHdr(buf);
        if (buf->tag.relNode == rnode.relNode)
            InvalidateBuffer(buf, state);   /* releases the header lock */
        else
            UnlockBufHdr(buf, state);
    }
}

/* ================================================================ test hooks */

/* Number of buffers currently holding a valid page (tests, statistics). */
int
BufferPoolValidCount(void)
{
    int         i;
    int         n = 0;

    for (i = 0; i < NBuffers; i++)
        if (__atomic_load_n(&GetBufferDescriptor(i)->state, __ATOMIC_RELAXED) & BM_VALID)
            n++;
    return n;
}
