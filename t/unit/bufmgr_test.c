/*-------------------------------------------------------------------------
 * bufmgr_test.c
 *    Unit tests (TAP) for the shared memory segment, the storage manager
 *    and the buffer manager, in a temporary data directory with a pool of
 *    16 buffers (NBuffers = 16):
 *
 *    - a relation of 320 blocks (20x the pool) written and read back
 *      through the pool, with evictions;
 *    - pins: pinning all 16 buffers makes the 17th ReadBuffer fail with
 *      53400, and releasing one makes it succeed;
 *    - durability: dirty pages survive FlushAllBuffers + destroying and
 *      re-creating shared memory; without the flush they do not;
 *    - corruption on disk, reads past EOF, disk full (injected ENOSPC) on
 *      extension and on write-back, all as clean ERRORs;
 *    - smgr segments, truncation and the bounded descriptor cache;
 *    - concurrency: forked processes incrementing one counter under the
 *      exclusive content lock, and readers racing through evictions.
 *
 * Error recovery after an expected ERROR is done as the backend's main
 * loop will do it: LWLockReleaseAll + AbortBufferIO (+ BufferReleaseAll
 * where the test wants its pins gone).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/bufmgr.h"
#include "storage/lwlock.h"
#include "storage/page.h"
#include "storage/shmem.h"
#include "storage/smgr.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stubs_storage.c.inc"

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

static bool
ok(bool cond, const char *fmt, ...)
{
    va_list     ap;

    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

static char errbuf[512];
static char hintbuf[512];

/*
 * Run stmt expecting an ERROR; yields its SQLSTATE (0 if none), copies
 * message and hint, and recovers like the backend's error path (locks,
 * in-progress I/O; pins are kept so tests can decide).
 */
#define EXPECT_ERROR(sqlstate_out, stmt) \
    do { \
        MemoryContext oldcxt_ = CurrentMemoryContext; \
        (sqlstate_out) = 0; \
        errbuf[0] = hintbuf[0] = '\0'; \
        PG_TRY(); \
        { \
            stmt; \
        } \
        PG_CATCH(); \
        { \
            ErrorData *ed_; \
            MemoryContextSwitchTo(oldcxt_); \
            ed_ = CurrentErrorData(); \
            (sqlstate_out) = ed_->sqlerrcode; \
            snprintf(errbuf, sizeof errbuf, "%s", ed_->message ? ed_->message : ""); \
            snprintf(hintbuf, sizeof hintbuf, "%s", ed_->hint ? ed_->hint : ""); \
            FlushErrorState(); \
            LWLockReleaseAll(); \
            AbortBufferIO(); \
        } \
        PG_END_TRY(); \
    } while (0)

static const char *
sqlstate(int code)
{
    static char buf[6];

    return unpack_sql_state(code, buf);
}

/* ================================================================ page contents */

#define NBLOCKS 320             /* 20x the pool */

typedef struct TestItem
{
    Oid         relNode;
    BlockNumber blkno;
    uint32      counter;
    char        fill[100];
} TestItem;

static RelFileNode
rel(Oid relNode)
{
    RelFileNode r;

    r.relNode = relNode;
    return r;
}

static void
make_item(TestItem *it, RelFileNode rnode, BlockNumber blkno)
{
    int         i;

    memset(it, 0, sizeof(*it));
    it->relNode = rnode.relNode;
    it->blkno = blkno;
    for (i = 0; i < (int) sizeof(it->fill); i++)
        it->fill[i] = (char) (blkno * 7 + i);
}

/* The test item on a page (first line pointer), or NULL. */
static TestItem *
page_item(Page page)
{
    ItemId      lp;

    if (PageIsNew(page) || PageGetMaxOffsetNumber(page) < 1)
        return NULL;
    lp = PageGetItemId(page, 1);
    if (!ItemIdIsNormal(lp) || ItemIdGetLength(lp) != sizeof(TestItem))
        return NULL;
    return (TestItem *) PageGetItem(page, lp);
}

static bool
item_ok(TestItem *it, RelFileNode rnode, BlockNumber blkno)
{
    TestItem    expect;

    if (it == NULL)
        return false;
    make_item(&expect, rnode, blkno);
    expect.counter = it->counter;
    return memcmp(it, &expect, sizeof(expect)) == 0;
}

/* Read a block and return its counter, or -1 if the page is wrong. */
static int64
read_counter(RelFileNode rnode, BlockNumber blkno)
{
    Buffer      b = ReadBuffer(rnode, blkno);
    TestItem   *it;
    int64       result;

    LockBuffer(b, BUFFER_LOCK_SHARE);
    it = page_item(BufferGetPage(b));
    result = item_ok(it, rnode, blkno) ? (int64) it->counter : -1;
    UnlockReleaseBuffer(b);
    return result;
}

static void
add_to_counter(RelFileNode rnode, BlockNumber blkno, uint32 delta)
{
    Buffer      b = ReadBuffer(rnode, blkno);

    LockBuffer(b, BUFFER_LOCK_EXCLUSIVE);
    page_item(BufferGetPage(b))->counter += delta;
    MarkBufferDirty(b);
    UnlockReleaseBuffer(b);
}

/* ================================================================ data directory */

static char datadir[] = "/tmp/basalt_bufmgr_test_XXXXXX";

static void
remove_datadir(void)
{
    char        cmd[256];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", datadir);
    if (system(cmd) != 0)
        fprintf(stderr, "# could not remove %s\n", datadir);
}

static off_t
file_size(const char *rel)
{
    char        path[512];
    struct stat st;

    snprintf(path, sizeof path, "%s/%s", datadir, rel);
    if (stat(path, &st) != 0)
        return -1;
    return st.st_size;
}

/* ================================================================ tests */

static void
test_shmem(void)
{
    bool        found;
    void       *a;
    void       *b;
    int         code;

    ok(ShmemSegmentSize >= (Size) NBuffers * BLCKSZ &&
       ShmemSegmentSize % (2 * 1024 * 1024) == 0,
       "segment of %zu bytes (a 2 MB multiple) holds the pool%s",
       ShmemSegmentSize, ShmemUsingHugePages ? ", on huge pages" : "");

    a = ShmemInitStruct("bufmgr_test struct", 1000, &found);
    ok(a != NULL && !found && ShmemAddrIsValid(a) && ((uintptr_t) a % PG_CACHE_LINE_SIZE) == 0,
       "ShmemInitStruct creates a cache-line aligned structure");
    b = ShmemInitStruct("bufmgr_test struct", 1000, &found);
    ok(b == a && found, "a second ShmemInitStruct finds the same one");

    EXPECT_ERROR(code, ShmemInitStruct("bufmgr_test struct", 2000, &found));
    ok(code != 0 && strstr(errbuf, "ShmemIndex entry size is wrong") != NULL,
       "a size mismatch is an ERROR: %s", errbuf);

    EXPECT_ERROR(code, ShmemAlloc((Size) 1 << 40));
    ok(code == ERRCODE_OUT_OF_MEMORY && strstr(errbuf, "out of shared memory") != NULL,
       "ShmemAlloc past the end of the segment is ERROR 53200: %s", errbuf);
}

static void
test_smgr_basics(void)
{
    RelFileNode r = rel(16384);
    int         code;

    ok(!smgrexists(r), "relation file does not exist before smgrcreate");
    smgrcreate(r, false);
    ok(smgrexists(r) && smgrnblocks(r) == 0 && file_size("base/16384") == 0,
       "smgrcreate makes an empty base/16384 (creating base/)");

    EXPECT_ERROR(code, smgrcreate(r, false));
    ok(code == ERRCODE_DUPLICATE_FILE && strcmp(errbuf, "could not create file \"base/16384\": File exists") == 0,
       "creating it twice is %s: %s", sqlstate(code), errbuf);
    smgrcreate(r, true);
    ok(smgrexists(r), "smgrcreate with isRedo accepts an existing file");
}

static void
test_write_and_read_through_pool(void)
{
    RelFileNode r = rel(16384);
    BlockNumber blk;
    bool        extend_ok = true;
    bool        read_ok = true;
    BufferUsage before = pgBufferUsage;
    BufferUsage mid;
    int         code;

    for (blk = 0; blk < NBLOCKS; blk++)
    {
        Buffer      b = ReadBufferExtend(r);
        TestItem    it;
        Page        page = BufferGetPage(b);

        if (BufferGetBlockNumber(b) != blk || !PageIsEmpty(page) ||
            BufferGetRelFileNode(b).relNode != r.relNode)
            extend_ok = false;
        make_item(&it, r, blk);
        if (PageAddItem(page, &it, sizeof(it), InvalidOffsetNumber, false) != FirstOffsetNumber)
            extend_ok = false;
        MarkBufferDirty(b);
        UnlockReleaseBuffer(b);
    }
    mid = pgBufferUsage;
    ok(extend_ok, "ReadBufferExtend returned blocks 0..%d in order, empty and initialized", NBLOCKS - 1);
    ok(RelationGetNumberOfBlocksNode(r) == NBLOCKS && file_size("base/16384") == (off_t) NBLOCKS * BLCKSZ,
       "the file has %d blocks", NBLOCKS);
    ok(mid.evictions - before.evictions >= NBLOCKS - NBuffers,
       "writing %d blocks through %d buffers evicted %llu", NBLOCKS, NBuffers,
       (unsigned long long) (mid.evictions - before.evictions));
    ok(mid.shared_written - before.shared_written >= NBLOCKS - NBuffers,
       "dirty victims were written back (%llu writes)",
       (unsigned long long) (mid.shared_written - before.shared_written));
    ok(BufferPinsHeldByMe() == 0 && LWLockNumHeldByMe() == 0, "no pins or locks left behind");

    for (blk = 0; blk < NBLOCKS; blk++)
        if (read_counter(r, blk) != 0)
            read_ok = false;
    ok(read_ok, "all %d blocks read back with the right contents", NBLOCKS);
    ok(pgBufferUsage.shared_read - mid.shared_read >= NBLOCKS - NBuffers,
       "most of them came from disk (%llu reads)",
       (unsigned long long) (pgBufferUsage.shared_read - mid.shared_read));

    {
        uint64      hits = pgBufferUsage.shared_hit;
        uint64      reads = pgBufferUsage.shared_read;

        (void) read_counter(r, NBLOCKS - 1);
        ok(pgBufferUsage.shared_hit == hits + 1 && pgBufferUsage.shared_read == reads,
           "re-reading the last block is a buffer hit");
    }

    /* past EOF: clean ERROR, buffer left retryable */
    EXPECT_ERROR(code, (void) ReadBuffer(r, NBLOCKS + 50));
    {
        char        expect[128];

        snprintf(expect, sizeof expect,
                 "could not read block %d in file \"base/16384\": read only 0 of 8192 bytes",
                 NBLOCKS + 50);
        ok(code == ERRCODE_DATA_CORRUPTED && strcmp(errbuf, expect) == 0,
           "reading past EOF is %s: %s", sqlstate(code), errbuf);
    }
    BufferReleaseAll();
    ok(BufferPinsHeldByMe() == 0, "BufferReleaseAll drops the pin the failed read held");
    EXPECT_ERROR(code, (void) ReadBuffer(r, NBLOCKS + 50));
    ok(code == ERRCODE_DATA_CORRUPTED, "a second attempt retries the read (and fails the same way)");
    BufferReleaseAll();
    ok(read_counter(r, 10) == 0, "the pool still works afterwards");
}

static void
test_pins(void)
{
    RelFileNode r = rel(16384);
    Buffer      pinned[64];
    int         i;
    int         code;
    volatile Buffer extra = InvalidBuffer;

    for (i = 0; i < NBuffers; i++)
        pinned[i] = ReadBuffer(r, i);
    ok(BufferPinsHeldByMe() == NBuffers, "pinned all %d buffers", NBuffers);

    EXPECT_ERROR(code, extra = ReadBuffer(r, NBuffers));
    ok(code == ERRCODE_CONFIGURATION_LIMIT_EXCEEDED && strcmp(errbuf, "no unpinned buffers available") == 0,
       "a 17th ReadBuffer fails with %s: %s", sqlstate(code), errbuf);
    ok(extra == InvalidBuffer && BufferPinsHeldByMe() == NBuffers, "the failure took no pin");

    ReleaseBuffer(pinned[3]);
    extra = ReadBuffer(r, NBuffers);
    ok(BufferIsValid(extra) && BufferGetBlockNumber(extra) == (BlockNumber) NBuffers,
       "after releasing one pin the 17th ReadBuffer succeeds");
    ReleaseBuffer(extra);
    for (i = 0; i < NBuffers; i++)
        if (i != 3)
            ReleaseBuffer(pinned[i]);
    ok(BufferPinsHeldByMe() == 0, "all pins released");

    /* the same block pinned twice is one buffer with two private pins */
    pinned[0] = ReadBuffer(r, 42);
    pinned[1] = ReadBuffer(r, 42);
    ok(pinned[0] == pinned[1] && BufferPinsHeldByMe() == 2, "pinning a block twice gives the same buffer");
    ReleaseBuffer(pinned[0]);
    ok(BufferPinsHeldByMe() == 1, "one release leaves one pin");
    ReleaseBuffer(pinned[1]);

    EXPECT_ERROR(code, ReleaseBuffer(pinned[1]));
    ok(code == ERRCODE_INTERNAL_ERROR && strstr(errbuf, "bad buffer ID") != NULL,
       "releasing an unpinned buffer is an ERROR: %s", errbuf);

    /* error recovery with pins and a content lock held */
    pinned[0] = ReadBuffer(r, 1);
    pinned[1] = ReadBuffer(r, 2);
    LockBuffer(pinned[1], BUFFER_LOCK_EXCLUSIVE);
    BufferReleaseAll();
    ok(BufferPinsHeldByMe() == 0 && LWLockNumHeldByMe() == 0,
       "BufferReleaseAll drops pins and content locks");
}

static void
test_durability(void)
{
    RelFileNode r = rel(16384);
    int64       c5;
    int64       c6;

    add_to_counter(r, 5, 1234);
    FlushAllBuffers();
    add_to_counter(r, 6, 777);      /* dirty, never flushed */

    CreateSharedMemoryAndSemaphores();     /* drops the old segment */
    ok(BufferPoolValidCount() == 0, "re-created shared memory starts with an empty pool");

    {
        uint64      reads = pgBufferUsage.shared_read;

        c5 = read_counter(r, 5);
        ok(c5 == 1234 && pgBufferUsage.shared_read == reads + 1,
           "a change flushed by FlushAllBuffers survives re-creating shared memory (read from disk)");
    }
    c6 = read_counter(r, 6);
    ok(c6 == 0, "an unflushed change is lost with the segment (counter %lld)", (long long) c6);

    /* FlushRelationBuffers: same for one relation */
    add_to_counter(r, 6, 5);
    FlushRelationBuffers(r);
    CreateSharedMemoryAndSemaphores();
    ok(read_counter(r, 6) == 5, "FlushRelationBuffers makes the change durable too");
}

static void
test_corruption(void)
{
    RelFileNode r = rel(16384);
    char        path[512];
    int         fd;
    char        byte;
    int         code;
    off_t       off = (off_t) 7 * BLCKSZ + 5000;

    FlushAllBuffers();
    DropRelFileNodeBuffers(r);

    snprintf(path, sizeof path, "%s/base/16384", datadir);
    fd = open(path, O_RDWR);
    if (pread(fd, &byte, 1, off) != 1)
        byte = 0;
    byte ^= 0x10;
    if (pwrite(fd, &byte, 1, off) != 1)
        fprintf(stderr, "# pwrite failed\n");

    EXPECT_ERROR(code, (void) ReadBuffer(r, 7));
    ok(code == ERRCODE_DATA_CORRUPTED && strcmp(errbuf, "invalid page in block 7 of relation base/16384") == 0,
       "a flipped bit on disk is %s: %s", sqlstate(code), errbuf);
    BufferReleaseAll();

    byte ^= 0x10;
    if (pwrite(fd, &byte, 1, off) != 1)
        fprintf(stderr, "# pwrite failed\n");
    close(fd);
    ok(read_counter(r, 7) == 0, "after repairing the file the block reads fine (the failed read was retried)");
}

static void
test_drop_buffers(void)
{
    RelFileNode r2 = rel(20000);
    Buffer      b;
    int         valid_before;
    int         i;

    smgrcreate(r2, false);
    for (i = 0; i < 3; i++)
    {
        b = ReadBufferExtend(r2);
        UnlockReleaseBuffer(b);
    }
    valid_before = BufferPoolValidCount();
    DropRelFileNodeBuffers(r2);
    ok(BufferPoolValidCount() == valid_before - 3,
       "DropRelFileNodeBuffers forgets the relation's 3 buffers (%d -> %d valid)",
       valid_before, BufferPoolValidCount());

    smgrunlink(r2);
    ok(!smgrexists(r2), "smgrunlink removes the file");
    ok(read_counter(rel(16384), 8) == 0, "other relations are unaffected");
}

static void
test_disk_full(void)
{
    RelFileNode r = rel(16384);
    BlockNumber nblocks = RelationGetNumberOfBlocksNode(r);
    int         code;
    int         i;
    Buffer      b;

    smgr_inject_errno = ENOSPC;
    smgr_inject_countdown = 0;
    EXPECT_ERROR(code, (void) ReadBufferExtend(r));
    ok(code == ERRCODE_DISK_FULL &&
       strcmp(errbuf, "could not extend file \"base/16384\": No space left on device") == 0 &&
       strcmp(hintbuf, "Check free disk space.") == 0,
       "extension on a full disk is %s: %s (hint: %s)", sqlstate(code), errbuf, hintbuf);
    BufferReleaseAll();
    ok(RelationGetNumberOfBlocksNode(r) == nblocks && LWLockNumHeldByMe() == 0,
       "the relation did not grow and the extension lock was released");

    b = ReadBufferExtend(r);
    ok(BufferGetBlockNumber(b) == nblocks, "the next extension gets the same block number (%u)", nblocks);
    {
        TestItem    it;

        make_item(&it, r, nblocks);
        PageAddItem(BufferGetPage(b), &it, sizeof(it), InvalidOffsetNumber, false);
        MarkBufferDirty(b);
    }
    UnlockReleaseBuffer(b);

    /* write-back failure during eviction */
    FlushAllBuffers();
    add_to_counter(r, 3, 11);       /* the only dirty buffer */
    smgr_inject_errno = ENOSPC;
    smgr_inject_countdown = 0;
    EXPECT_ERROR(code, for (i = 100; i < 100 + 3 * NBuffers; i++) (void) read_counter(r, i));
    ok(code == ERRCODE_DISK_FULL && strstr(errbuf, "could not write block 3 in file \"base/16384\"") != NULL,
       "evicting a dirty page on a full disk is %s: %s", sqlstate(code), errbuf);
    BufferReleaseAll();
    smgr_inject_errno = 0;

    FlushAllBuffers();
    CreateSharedMemoryAndSemaphores();
    ok(read_counter(r, 3) == 11, "the page stayed dirty after the failed write and was flushed later");
}

static void
test_segments_and_fds(void)
{
    RelFileNode r3 = rel(30000);
    static char page[BLCKSZ] __attribute__((aligned(8)));
    static char back[BLCKSZ] __attribute__((aligned(8)));
    int         i;
    bool        bounded = true;

    smgrcreate(r3, false);
    memset(page, 'S', BLCKSZ);
    /* a hole up to the third segment: sparse files, no disk used */
    smgrextend(r3, 2 * RELSEG_SIZE, page);
    ok(file_size("base/30000") == (off_t) RELSEG_SIZE * BLCKSZ &&
       file_size("base/30000.1") == (off_t) RELSEG_SIZE * BLCKSZ &&
       file_size("base/30000.2") == BLCKSZ,
       "extending into block %u pads segments 0 and 1 to 1 GB and creates base/30000.2",
       2 * RELSEG_SIZE);
    ok(smgrnblocks(r3) == 2 * RELSEG_SIZE + 1, "smgrnblocks counts across segments (%u)", smgrnblocks(r3));
    smgrread(r3, 2 * RELSEG_SIZE, back);
    ok(memcmp(page, back, BLCKSZ) == 0, "the block in the third segment reads back");
    smgrread(r3, RELSEG_SIZE + 5, back);
    ok(back[0] == 0 && back[BLCKSZ - 1] == 0, "a block in the hole reads as zeros");
    smgrimmedsync(r3);

    smgrtruncate(r3, 10);
    ok(smgrnblocks(r3) == 10 && file_size("base/30000") == 10 * BLCKSZ &&
       file_size("base/30000.1") == 0 && file_size("base/30000.2") == 0,
       "smgrtruncate to 10 blocks empties the later segments");
    smgrextend(r3, 10, page);
    ok(smgrnblocks(r3) == 11, "the truncated relation extends again from block 10");
    smgrunlink(r3);
    ok(file_size("base/30000") < 0 && file_size("base/30000.1") < 0 && file_size("base/30000.2") < 0,
       "smgrunlink removes every segment");

    /* the descriptor cache stays within max_files_per_process */
    for (i = 0; i < 12; i++)
    {
        RelFileNode ri = rel(40000 + i);

        smgrcreate(ri, false);
        smgrextend(ri, 0, page);
        if (SmgrOpenFileCount() > max_files_per_process - SMGR_RESERVED_FDS)
            bounded = false;
    }
    for (i = 0; i < 12; i++)
    {
        smgrread(rel(40000 + i), 0, back);
        if (memcmp(page, back, BLCKSZ) != 0 ||
            SmgrOpenFileCount() > max_files_per_process - SMGR_RESERVED_FDS)
            bounded = false;
    }
    ok(bounded, "12 relations used through a cache of %d descriptors (LRU closes the oldest)",
       max_files_per_process - SMGR_RESERVED_FDS);
    for (i = 0; i < 12; i++)
        smgrunlink(rel(40000 + i));
}

/* ---- concurrency ---- */

#define COUNTER_BLOCK 0
/* -DINCREMENTS=... -DNINCREMENTERS=... -DNREADERS=... for a longer stress run */
#ifndef INCREMENTS
#define INCREMENTS 1000
#endif
#ifndef NINCREMENTERS
#define NINCREMENTERS 2
#endif
#ifndef NREADERS
#define NREADERS 4
#endif

static int
child_incrementer(int seed)
{
    RelFileNode r = rel(16384);
    int         i;

    for (i = 0; i < INCREMENTS; i++)
    {
        add_to_counter(r, COUNTER_BLOCK, 1);
        /* churn the pool so the counter page is evicted and reread */
        if (i % 4 == 0 && read_counter(r, 1 + (seed * 31 + i * 7) % (NBLOCKS - 1)) < 0)
            return 2;
    }
    return BufferPinsHeldByMe() == 0 ? 0 : 3;
}

static int
child_reader(int seed)
{
    RelFileNode r = rel(16384);
    int         i;

    for (i = 0; i < 600; i++)
    {
        BlockNumber blk = 1 + (BlockNumber) ((seed * 7919 + i * 104729) % (NBLOCKS - 1));
        int64       c = read_counter(r, blk);

        if (c < 0)
            return 2;           /* wrong page in the buffer: protocol broken */
    }
    return 0;
}

static int
run_children(int n, int (*fn) (int), int *failures)
{
    pid_t       pids[16];
    int         i;
    int         ran = 0;

    Assert(n <= (int) lengthof(pids));
    *failures = 0;
    fflush(stdout);
    fflush(stderr);
    for (i = 0; i < n; i++)
    {
        pids[i] = fork();
        if (pids[i] == 0)
            _exit(fn(i + 1));
        if (pids[i] > 0)
            ran++;
    }
    for (i = 0; i < n; i++)
    {
        int         status;

        if (pids[i] <= 0 || waitpid(pids[i], &status, 0) != pids[i] ||
            !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            (*failures)++;
    }
    return ran;
}

/* ---- LWLocks directly: writers keep a == b, readers must never see a != b ---- */

typedef struct LWTestShared
{
    volatile uint64 a;
    volatile uint64 b;
    volatile uint64 torn;       /* readers that saw a != b */
    volatile int phase;         /* handshake for the conditional-acquire test */
} LWTestShared;

static LWTestShared *lwtest;

#define LW_ITERATIONS 20000

static int
child_lw_writer(int seed)
{
    int         i;

    for (i = 0; i < LW_ITERATIONS; i++)
    {
        LWLockAcquire(XidGenLock, LW_EXCLUSIVE);
        lwtest->a++;
        if (i % 64 == 0)
            sched_yield();      /* get preempted while holding it sometimes */
        lwtest->b++;
        LWLockRelease(XidGenLock);
    }
    return LWLockNumHeldByMe() == 0 ? 0 : 3;
}

static int
child_lw_reader(int seed)
{
    int         i;

    for (i = 0; i < LW_ITERATIONS; i++)
    {
        LWLockAcquire(XidGenLock, LW_SHARED);
        if (lwtest->a != lwtest->b)
            lwtest->torn++;     /* racy increment is fine: only != 0 matters */
        LWLockRelease(XidGenLock);
    }
    return 0;
}

static int run_children(int n, int (*fn) (int), int *failures);

static int
child_lw_mixed(int seed)
{
    return seed % 2 ? child_lw_writer(seed) : child_lw_reader(seed);
}

static void
test_lwlocks(void)
{
    bool        found;
    int         failures;
    int         code;

    lwtest = ShmemInitStruct("bufmgr_test lwlocks", sizeof(LWTestShared), &found);
    lwtest->a = lwtest->b = lwtest->torn = 0;

    LWLockAcquire(XidGenLock, LW_SHARED);
    ok(LWLockHeldByMe(XidGenLock) && LWLockHeldByMeInMode(XidGenLock, LW_SHARED) &&
       !LWLockHeldByMeInMode(XidGenLock, LW_EXCLUSIVE) && !LWLockHeldByMe(OidGenLock),
       "LWLockHeldByMe tracks the lock and its mode");
    ok(LWLockConditionalAcquire(OidGenLock, LW_EXCLUSIVE) && LWLockNumHeldByMe() == 2,
       "LWLockConditionalAcquire of a free lock succeeds");
    LWLockRelease(OidGenLock);
    LWLockRelease(XidGenLock);

    /* a conditional acquire of a lock held elsewhere fails at once */
    lwtest->phase = 0;
    fflush(stdout);
    {
        pid_t       pid = fork();
        int         status;
        bool        refused;

        if (pid == 0)
        {
            LWLockAcquire(XidGenLock, LW_EXCLUSIVE);
            lwtest->phase = 1;
            while (lwtest->phase != 2)
                usleep(1000);
            LWLockRelease(XidGenLock);
            _exit(0);
        }
        while (lwtest->phase != 1)
            usleep(1000);
        refused = !LWLockConditionalAcquire(XidGenLock, LW_SHARED);
        lwtest->phase = 2;
        LWLockAcquire(XidGenLock, LW_SHARED);   /* waits for the child's release */
        LWLockRelease(XidGenLock);
        ok(refused && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
           LWLockNumHeldByMe() == 0,
           "a conditional acquire of a lock held by another process fails; a blocking one waits for it");
    }

    EXPECT_ERROR(code, LWLockRelease(XidGenLock));
    ok(code != 0 && strcmp(errbuf, "lock XidGen is not held") == 0,
       "releasing a lock not held is an ERROR: %s", errbuf);

    (void) run_children(6, child_lw_mixed, &failures);
    ok(failures == 0 && lwtest->a == 3 * LW_ITERATIONS && lwtest->b == lwtest->a && lwtest->torn == 0,
       "3 writers and 3 readers on one LWLock: %llu increments, %llu torn reads",
       (unsigned long long) lwtest->a, (unsigned long long) lwtest->torn);
}

static void
test_concurrency(void)
{
    RelFileNode r = rel(16384);
    int         failures;
    int64       start;
    int64       end;
    int         ran;

    /* undo earlier tests' changes to block 0's counter */
    start = read_counter(r, COUNTER_BLOCK);
    FlushAllBuffers();
    ok(BufferPinsHeldByMe() == 0 && LWLockNumHeldByMe() == 0, "parent holds nothing before fork");

    ran = run_children(NINCREMENTERS, child_incrementer, &failures);
    end = read_counter(r, COUNTER_BLOCK);
    ok(ran == NINCREMENTERS && failures == 0,
       "%d forked children incremented under the exclusive content lock", NINCREMENTERS);
    ok(end - start == NINCREMENTERS * INCREMENTS,
       "the parent sees %lld increments (expected %d)", (long long) (end - start),
       NINCREMENTERS * INCREMENTS);

    ran = run_children(NREADERS, child_reader, &failures);
    ok(ran == NREADERS && failures == 0,
       "%d children reading through constant eviction always got the right page", NREADERS);

    /* and everything is still on disk afterwards */
    FlushAllBuffers();
    CreateSharedMemoryAndSemaphores();
    ok(read_counter(r, COUNTER_BLOCK) == end, "the counter survives a flush and re-created segment");
}

int
main(void)
{
    MemoryContextInit();
    alarm(300);                 /* a deadlock must fail the test, not hang it */
    /* provoked I/O and corruption errors log WARNINGs; keep output to TAP */
    log_min_messages = ERROR;

    if (mkdtemp(datadir) == NULL)
    {
        printf("1..0 # SKIP cannot create a temporary directory\n");
        return 0;
    }
    DataDir = datadir;
    NBuffers = 16;
    /* 4 cached descriptors, so the LRU is exercised all the time */
    max_files_per_process = SMGR_RESERVED_FDS + 4;

    printf("1..62\n");
    CreateSharedMemoryAndSemaphores();
    test_shmem();
    test_smgr_basics();
    test_write_and_read_through_pool();
    test_pins();
    test_durability();
    test_corruption();
    test_drop_buffers();
    test_disk_full();
    test_segments_and_fds();
    test_lwlocks();
    test_concurrency();

    ShmemDestroy();
    remove_datadir();
    if (tests_run != 62)
        printf("# planned 62 tests but ran %d\n", tests_run);
    return tests_failed == 0 && tests_run == 62 ? 0 : 1;
}
