/*-------------------------------------------------------------------------
 * subtrans.c
 *    The subtransaction map: subxid -> parent xid, in DataDir/pg_subtrans,
 *    cached in a fixed set of shared page buffers (a small SLRU like the
 *    commit log's, storage/clog.c).
 *
 * Entry points: SUBTRANSShmemSize/SUBTRANSShmemInit (via the clog's shmem
 * functions), SubTransSetParent, SubTransGetParent,
 * SubTransGetTopmostTransaction, SubTransFlush, CheckPointSUBTRANS.
 *
 * Layout.  One 64-bit parent xid per xid, SUBTRANS_XACTS_PER_PAGE per 8 KB
 * page, SUBTRANS_PAGES_PER_SEGMENT pages per segment file named by the
 * segment number in 12 hex digits.  A page never written reads as zeros:
 * "no parent", which is right for every top-level xid -- so only pages
 * holding a subxid are ever dirtied, and a top-level xid needs no entry.
 * Xids are never reused (64-bit, and the counter skips ahead after a
 * crash), so an entry, once set, is never changed.
 *
 * Durability.  SubTransSetParent only dirties the shared page (evictions
 * write without fsync).  A transaction that commits with subtransactions
 * calls SubTransFlush for their xids before its commit record: only a
 * committed transaction's subxids can be found SUB_COMMITTED after a
 * crash, and those are the only entries anyone needs after a crash (an
 * uncommitted transaction's xids are not running and read as aborted).
 *
 * Bounds: SUBTRANS_BUFFERS shared pages; the files grow by at most 8
 * bytes per xid ever assigned, only for pages that hold a subxid (they
 * are not truncated yet: see the savepoints notes in storage/xact.c).
 *
 * Locking: the embedded SubtransLock protects the slot table and page
 * contents, exclusive to load or change a page, shared to read one (LRU
 * stamps are then bumped with relaxed atomics).  File I/O happens under
 * the exclusive lock; SubTransFlush's fsync after releasing it.  Callers
 * never hold ProcArrayLock or CLogControlLock while calling in here, and
 * nothing here takes another lock.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "storage/subtrans.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* the "fsync" setting (backend/guc_tables.c; no header declares it yet) */
extern bool enableFsync;

#define MAXPGPATH 1024

typedef struct SubtransSlot
{
    int64       pageno;         /* -1: empty */
    bool        dirty;
    uint64      lru;            /* stamp of last use */
} SubtransSlot;

typedef struct SubtransShared
{
    LWLockPadded lock;          /* SubtransLock */
    uint64      lruClock;       /* atomic */
    SubtransSlot slots[SUBTRANS_BUFFERS];
} SubtransShared;

static SubtransShared *Subtrans = NULL;
static char *SubtransPages = NULL;     /* SUBTRANS_BUFFERS * BLCKSZ */

#define SubtransLock (&Subtrans->lock.lock)

/* per-process: the one open segment file */
static int  st_fd = -1;
static int64 st_fd_segno = -1;

#define PageOfXid(xid)   ((int64) ((xid) / SUBTRANS_XACTS_PER_PAGE))
#define EntryOfXid(xid)  ((int) ((xid) % SUBTRANS_XACTS_PER_PAGE))
#define SlotPage(slot)   ((TransactionId *) (SubtransPages + (Size) (slot) * BLCKSZ))

/* ---------------------------------------------------------------- shmem */

Size
SUBTRANSShmemSize(void)
{
    return add_size(CACHELINEALIGN(sizeof(SubtransShared)),
                    mul_size(SUBTRANS_BUFFERS, BLCKSZ));
}

void
SUBTRANSShmemInit(void)
{
    int         i;

    Subtrans = (SubtransShared *) ShmemAlloc(sizeof(SubtransShared));
    SubtransPages = (char *) ShmemAlloc((Size) SUBTRANS_BUFFERS * BLCKSZ);
    LWLockInitialize(SubtransLock, LWTRANCHE_CLOG_BUFFER, 1);
    Subtrans->lruClock = 0;
    for (i = 0; i < SUBTRANS_BUFFERS; i++)
    {
        Subtrans->slots[i].pageno = -1;
        Subtrans->slots[i].dirty = false;
        Subtrans->slots[i].lru = 0;
    }
    memset(SubtransPages, 0, (Size) SUBTRANS_BUFFERS * BLCKSZ);
    if (st_fd >= 0)
        close(st_fd);
    st_fd = -1;
    st_fd_segno = -1;
}

/* ---------------------------------------------------------------- files */

static void
segment_path(char *buf, int64 segno)
{
    snprintf(buf, MAXPGPATH, "%s/pg_subtrans/%012llX", DataDir, (unsigned long long) segno);
}

static void
fsync_dir_path(const char *dirpath)
{
    int         dfd = open(dirpath, O_RDONLY | O_DIRECTORY);

    if (dfd < 0 || (enableFsync && fsync(dfd) != 0))
        ereport(PANIC,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not fsync directory \"%s\": %m", dirpath));
    close(dfd);
}

/*
 * The fd of segment segno, or -1 if it does not exist and !create.
 * Creating a segment (and pg_subtrans itself, for a data directory made
 * before it existed) fsyncs the directory so that the name is durable.
 */
static int
open_segment(int64 segno, bool create, int elevel)
{
    char        path[MAXPGPATH];
    int         fd;

    if (st_fd >= 0 && st_fd_segno == segno)
        return st_fd;
    if (st_fd >= 0)
    {
        close(st_fd);
        st_fd = -1;
        st_fd_segno = -1;
    }

    segment_path(path, segno);
    fd = open(path, O_RDWR);
    if (fd < 0 && errno == ENOENT && create)
    {
        char        dirpath[MAXPGPATH];

        snprintf(dirpath, sizeof(dirpath), "%s/pg_subtrans", DataDir);
        if (mkdir(dirpath, 0700) == 0)
            fsync_dir_path(DataDir);
        fd = open(path, O_RDWR | O_CREAT, 0600);
        if (fd >= 0)
            fsync_dir_path(dirpath);
    }
    if (fd < 0)
    {
        if (errno == ENOENT && !create)
            return -1;
        ereport(elevel,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not access status of transaction %llu",
                       (unsigned long long) (segno * SUBTRANS_PAGES_PER_SEGMENT *
                                             SUBTRANS_XACTS_PER_PAGE)),
                errdetail("Could not open file \"%s\": %m.", path));
        return -1;
    }
    st_fd = fd;
    st_fd_segno = segno;
    return fd;
}

/* Read page pageno into slot; missing data reads as zeros.  Exclusive lock held. */
static void
read_page(int slot, int64 pageno)
{
    char       *page = (char *) SlotPage(slot);
    int64       segno = pageno / SUBTRANS_PAGES_PER_SEGMENT;
    off_t       offset = (off_t) (pageno % SUBTRANS_PAGES_PER_SEGMENT) * BLCKSZ;
    int         fd;
    ssize_t     n = 0;

    fd = open_segment(segno, false, ERROR);
    if (fd >= 0)
    {
        n = pread(fd, page, BLCKSZ, offset);
        if (n < 0)
        {
            char        path[MAXPGPATH];

            segment_path(path, segno);
            ereport(ERROR,
                    errcode(ERRCODE_IO_ERROR),
                    errmsg("could not access status of transaction %llu",
                           (unsigned long long) (pageno * SUBTRANS_XACTS_PER_PAGE)),
                    errdetail("Could not read from file \"%s\" at offset %lld: %m.",
                              path, (long long) offset));
        }
    }
    if (n < BLCKSZ)
        memset(page + n, 0, BLCKSZ - n);
}

/* Write slot's page (no fsync); returns the fd.  Exclusive lock held. */
static int
write_page(int slot, int elevel)
{
    int64       pageno = Subtrans->slots[slot].pageno;
    int64       segno = pageno / SUBTRANS_PAGES_PER_SEGMENT;
    off_t       offset = (off_t) (pageno % SUBTRANS_PAGES_PER_SEGMENT) * BLCKSZ;
    int         fd;
    ssize_t     n;

    fd = open_segment(segno, true, elevel);
    n = pwrite(fd, SlotPage(slot), BLCKSZ, offset);
    if (n != BLCKSZ)
    {
        char        path[MAXPGPATH];

        if (n >= 0)
            errno = ENOSPC;
        segment_path(path, segno);
        ereport(elevel,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not access status of transaction %llu",
                       (unsigned long long) (pageno * SUBTRANS_XACTS_PER_PAGE)),
                errdetail("Could not write to file \"%s\" at offset %lld: %m.",
                          path, (long long) offset));
    }
    Subtrans->slots[slot].dirty = false;
    return fd;
}

static void
fsync_segment(int fd, int64 segno)
{
    if (enableFsync && fsync(fd) != 0)
    {
        char        path[MAXPGPATH];

        segment_path(path, segno);
        ereport(PANIC,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not fsync file \"%s\": %m", path));
    }
}

/* ---------------------------------------------------------------- buffers */

static inline void
touch_slot(int slot)
{
    uint64      stamp = __atomic_add_fetch(&Subtrans->lruClock, 1, __ATOMIC_RELAXED);

    __atomic_store_n(&Subtrans->slots[slot].lru, stamp, __ATOMIC_RELAXED);
}

static int
find_slot(int64 pageno)
{
    int         i;

    for (i = 0; i < SUBTRANS_BUFFERS; i++)
        if (Subtrans->slots[i].pageno == pageno)
            return i;
    return -1;
}

/* Slot holding pageno, loading it (evicting the LRU page) if needed.  Exclusive lock held. */
static int
load_slot(int64 pageno)
{
    int         slot = find_slot(pageno);
    int         i;
    uint64      best;

    if (slot >= 0)
    {
        touch_slot(slot);
        return slot;
    }
    best = UINT64_MAX;
    for (i = 0; i < SUBTRANS_BUFFERS; i++)
    {
        if (Subtrans->slots[i].pageno < 0)
        {
            slot = i;
            break;
        }
        if (Subtrans->slots[i].lru < best)
        {
            best = Subtrans->slots[i].lru;
            slot = i;
        }
    }
    if (Subtrans->slots[slot].pageno >= 0 && Subtrans->slots[slot].dirty)
        (void) write_page(slot, ERROR);
    Subtrans->slots[slot].pageno = -1;
    read_page(slot, pageno);
    Subtrans->slots[slot].pageno = pageno;
    Subtrans->slots[slot].dirty = false;
    touch_slot(slot);
    return slot;
}

/* ---------------------------------------------------------------- map */

void
SubTransSetParent(TransactionId xid, TransactionId parent)
{
    int         slot;
    TransactionId *entry;

    Assert(TransactionIdIsNormal(xid) && TransactionIdIsNormal(parent) && parent < xid);
    LWLockAcquire(SubtransLock, LW_EXCLUSIVE);
    slot = load_slot(PageOfXid(xid));
    entry = SlotPage(slot) + EntryOfXid(xid);
    if (*entry != parent)
    {
        *entry = parent;
        Subtrans->slots[slot].dirty = true;
    }
    LWLockRelease(SubtransLock);
}

TransactionId
SubTransGetParent(TransactionId xid)
{
    int64       pageno;
    int         slot;
    TransactionId parent;

    if (!TransactionIdIsNormal(xid))
        return InvalidTransactionId;
    pageno = PageOfXid(xid);
    LWLockAcquire(SubtransLock, LW_SHARED);
    slot = find_slot(pageno);
    if (slot >= 0)
        touch_slot(slot);
    else
    {
        LWLockRelease(SubtransLock);
        LWLockAcquire(SubtransLock, LW_EXCLUSIVE);
        slot = load_slot(pageno);
    }
    parent = SlotPage(slot)[EntryOfXid(xid)];
    LWLockRelease(SubtransLock);
    return parent;
}

TransactionId
SubTransGetTopmostTransaction(TransactionId xid)
{
    TransactionId parent = xid;

    /* parents are always older than their children: the walk ends */
    while (TransactionIdIsValid(parent))
    {
        xid = parent;
        parent = SubTransGetParent(xid);
        if (TransactionIdIsValid(parent) && parent >= xid)
            elog(ERROR, "pg_subtrans contains invalid entry: xid %llu points to parent xid %llu",
                 (unsigned long long) xid, (unsigned long long) parent);
    }
    return xid;
}

void
SubTransFlush(const TransactionId *xids, int n)
{
    TransactionId lo,
                hi;
    int64       pagelo,
                pagehi,
                seg;
    int         i;

    if (n <= 0)
        return;
    lo = hi = xids[0];
    for (i = 1; i < n; i++)
    {
        if (xids[i] < lo)
            lo = xids[i];
        if (xids[i] > hi)
            hi = xids[i];
    }
    pagelo = PageOfXid(lo);
    pagehi = PageOfXid(hi);

    /* every dirty page in the range (a superset of the xids' pages) */
    LWLockAcquire(SubtransLock, LW_EXCLUSIVE);
    for (i = 0; i < SUBTRANS_BUFFERS; i++)
    {
        int64       pageno = Subtrans->slots[i].pageno;

        if (pageno >= pagelo && pageno <= pagehi && Subtrans->slots[i].dirty)
            (void) write_page(i, PANIC);
    }
    LWLockRelease(SubtransLock);

    /*
     * Outside the lock: fsync each segment of the range that exists (pages
     * evicted earlier were written without fsync).  A segment that does
     * not exist holds no entry of ours.
     */
    for (seg = pagelo / SUBTRANS_PAGES_PER_SEGMENT;
         seg <= pagehi / SUBTRANS_PAGES_PER_SEGMENT; seg++)
    {
        int         fd = open_segment(seg, false, PANIC);

        if (fd >= 0)
            fsync_segment(fd, seg);
    }
}

void
CheckPointSUBTRANS(void)
{
    int64       segnos[SUBTRANS_BUFFERS];
    int         nsegs = 0;
    int         i,
                j;

    if (Subtrans == NULL)
        return;
    LWLockAcquire(SubtransLock, LW_EXCLUSIVE);
    for (i = 0; i < SUBTRANS_BUFFERS; i++)
    {
        int64       segno;

        if (Subtrans->slots[i].pageno < 0 || !Subtrans->slots[i].dirty)
            continue;
        (void) write_page(i, ERROR);
        segno = Subtrans->slots[i].pageno / SUBTRANS_PAGES_PER_SEGMENT;
        for (j = 0; j < nsegs; j++)
            if (segnos[j] == segno)
                break;
        if (j == nsegs)
            segnos[nsegs++] = segno;
    }
    LWLockRelease(SubtransLock);
    for (j = 0; j < nsegs; j++)
        fsync_segment(open_segment(segnos[j], true, ERROR), segnos[j]);
}
