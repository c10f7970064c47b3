/*-------------------------------------------------------------------------
 * clog.c
 *    The commit log: transaction status bits in DataDir/pg_xact, cached in
 *    a fixed set of shared page buffers (a small SLRU).
 *
 * Entry points: CLOGShmemSize/CLOGShmemInit, TransactionIdGetStatus,
 * TransactionIdSetStatus, TransactionIdCommitTree/AbortTree,
 * TransactionIdDidCommit/DidAbort, CheckPointCLOG.
 *
 * Layout.  Two bits per xid (clog.h: in progress 00, committed 01,
 * aborted 10, sub-committed 11), four xids per byte, CLOG_XACTS_PER_PAGE
 * per 8 KB page, CLOG_PAGES_PER_SEGMENT pages per segment file named by
 * the segment number in 12 hex digits (64-bit xids need more than
 * PostgreSQL's 4).  A page that was never written -- beyond the end of
 * its segment, or in a missing segment -- reads as zeros, i.e. "in
 * progress", so pages need no explicit extension as xids are assigned.
 * A crash can lose only statuses that were never fsync'd: aborts, which
 * then read as "in progress" and, since no process runs them, are treated
 * as aborted by visibility checks (TransactionIdIsInProgress first, then
 * TransactionIdDidCommit -- PostgreSQL's order).
 *
 * Buffers.  CLOG_BUFFERS page slots with LRU replacement.  A slot holds
 * (pageno, dirty, lru stamp).  Eviction writes a dirty victim without
 * fsync; commit writes its page and fsyncs the segment (the commit
 * record); CheckPointCLOG writes and fsyncs everything.  Status bits only
 * ever go from 00 to a final value, so any later write of a page contains
 * every earlier commit -- no write can undo a commit that was fsync'd.
 *
 * Locking: CLogControlLock protects the slot table and the page contents.
 * Readers take it shared (the LRU stamp is then bumped with a relaxed
 * atomic store: an approximate LRU is fine); loading a page, setting bits
 * and writing pages need it exclusive.  File reads and writes happen under
 * the exclusive lock (a pwrite is a page-cache copy); the commit fsync
 * happens after releasing it, so commits do not serialize on the disk.
 * Departure from PostgreSQL: no per-buffer I/O locks -- a cache miss
 * blocks other clog users for one pread.
 *
 * Per-process state: one cached segment fd, and a one-entry cache of the
 * last final status looked up (PostgreSQL's cachedFetchXid).
 *
 * Subtransactions (savepoints).  A subtransaction that writes gets its own
 * xid (storage/xact.c); its parent is recorded in the subtrans map
 * (storage/subtrans.c) before the xid is used.  A rolled-back
 * subtransaction's xids are marked ABORTED at once (TransactionIdAbortTree).
 * A top-level commit with committed subxids (TransactionIdCommitTree):
 *    1. the subxids' map entries are written and fsync'd (SubTransFlush);
 *    2. every subxid is marked SUB_COMMITTED, pages written and fsync'd;
 *    3. the top-level xid is marked COMMITTED, written and fsync'd: the
 *       commit point for the whole tree;
 *    4. every subxid is marked COMMITTED (no fsync needed).
 * Invariant (what makes the tree's commit atomic for readers and across a
 * crash): a SUB_COMMITTED xid counts as committed iff its topmost parent,
 * found through the durable subtrans map, is COMMITTED
 * (TransactionIdDidCommit resolves it; TransactionIdDidAbort likewise).
 * Before step 3 every subxid reads as not committed (its top-level parent
 * is in progress, or -- after a crash -- never committed, i.e. aborted);
 * from step 3 on, all of them read as committed, whatever step 4 has
 * reached.  Readers never see part of the tree committed.  The
 * in-progress test (procarray.c) still comes first, as for any xid.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "storage/clog.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/subtrans.h"
#include "storage/transam.h"
#include "storage/xact.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

/* the "fsync" setting (backend/guc_tables.c; no header declares it yet) */
extern bool enableFsync;

#define MAXPGPATH 1024

typedef struct ClogSlot
{
    int64       pageno;         /* -1: empty */
    bool        dirty;
    uint64      lru;            /* stamp of last use; bumped under a shared lock */
} ClogSlot;

typedef struct ClogShared
{
    uint64      lruClock;       /* atomic */
    ClogSlot    slots[CLOG_BUFFERS];
} ClogShared;

static ClogShared *Clog = NULL;
static char *ClogPages = NULL;  /* CLOG_BUFFERS * BLCKSZ, in the segment */

uint64 clog_pages_read = 0;
uint64 clog_pages_written = 0;

/* per-process: the one open segment file */
static int  clog_fd = -1;
static int64 clog_fd_segno = -1;

/* per-process: last final status fetched */
static TransactionId cachedFetchXid = InvalidTransactionId;
static XidStatus cachedFetchStatus;

#define PageOfXid(xid)   ((int64) ((xid) / CLOG_XACTS_PER_PAGE))
#define ByteOfXid(xid)   ((int) (((xid) % CLOG_XACTS_PER_PAGE) / CLOG_XACTS_PER_BYTE))
#define ShiftOfXid(xid)  ((int) (((xid) % CLOG_XACTS_PER_BYTE) * CLOG_BITS_PER_XACT))
#define SlotPage(slot)   (ClogPages + (Size) (slot) * BLCKSZ)

/* ---------------------------------------------------------------- shmem */

Size
CLOGShmemSize(void)
{
    /* the subtrans map's buffers ride along: it is the clog's companion */
    return add_size(add_size(CACHELINEALIGN(sizeof(ClogShared)),
                             mul_size(CLOG_BUFFERS, BLCKSZ)),
                    SUBTRANSShmemSize());
}

void
CLOGShmemInit(void)
{
    int         i;

    Clog = (ClogShared *) ShmemAlloc(sizeof(ClogShared));
    ClogPages = (char *) ShmemAlloc((Size) CLOG_BUFFERS * BLCKSZ);
    Clog->lruClock = 0;
    for (i = 0; i < CLOG_BUFFERS; i++)
    {
        Clog->slots[i].pageno = -1;
        Clog->slots[i].dirty = false;
        Clog->slots[i].lru = 0;
    }
    memset(ClogPages, 0, (Size) CLOG_BUFFERS * BLCKSZ);
    /* a re-created segment: forget what this process cached */
    cachedFetchXid = InvalidTransactionId;
    if (clog_fd >= 0)
        close(clog_fd);
    clog_fd = -1;
    clog_fd_segno = -1;
    SUBTRANSShmemInit();
}

/* ---------------------------------------------------------------- files */

static void
segment_path(char *buf, int64 segno)
{
    snprintf(buf, MAXPGPATH, "%s/pg_xact/%012llX", DataDir, (unsigned long long) segno);
}

/*
 * The fd of segment segno, or -1 if it does not exist and !create.
 * Creating a segment fsyncs pg_xact so that the new name is durable.
 */
static int
open_segment(int64 segno, bool create, int elevel)
{
    char        path[MAXPGPATH];
    int         fd;

    if (clog_fd >= 0 && clog_fd_segno == segno)
        return clog_fd;
    if (clog_fd >= 0)
    {
        close(clog_fd);
        clog_fd = -1;
        clog_fd_segno = -1;
    }

    segment_path(path, segno);
    fd = open(path, O_RDWR);
    if (fd < 0 && errno == ENOENT && create)
    {
        char        dirpath[MAXPGPATH];
        int         dfd;

        fd = open(path, O_RDWR | O_CREAT, 0600);
        if (fd >= 0)
        {
            snprintf(dirpath, sizeof(dirpath), "%s/pg_xact", DataDir);
            dfd = open(dirpath, O_RDONLY | O_DIRECTORY);
            if (dfd < 0 || (enableFsync && fsync(dfd) != 0))
                ereport(PANIC,
                        errcode(ERRCODE_IO_ERROR),
                        errmsg("could not fsync directory \"%s\": %m", dirpath));
            close(dfd);
        }
    }
    if (fd < 0)
    {
        if (errno == ENOENT && !create)
            return -1;
        ereport(elevel,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not access status of transaction %llu",
                       (unsigned long long) (segno * CLOG_XACTS_PER_SEGMENT)),
                errdetail("Could not open file \"%s\": %m.", path));
        return -1;              /* below ERROR only */
    }
    clog_fd = fd;
    clog_fd_segno = segno;
    return fd;
}

/* Read page pageno into slot; missing data reads as zeros.  Exclusive lock held. */
static void
read_page(int slot, int64 pageno)
{
    char       *page = SlotPage(slot);
    int64       segno = pageno / CLOG_PAGES_PER_SEGMENT;
    off_t       offset = (off_t) (pageno % CLOG_PAGES_PER_SEGMENT) * BLCKSZ;
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
                           (unsigned long long) (pageno * CLOG_XACTS_PER_PAGE)),
                    errdetail("Could not read from file \"%s\" at offset %lld: %m.",
                              path, (long long) offset));
        }
    }
    if (n < BLCKSZ)
        memset(page + n, 0, BLCKSZ - n);
    clog_pages_read++;
}

/*
 * Write slot's page to its segment (no fsync); returns the fd for a later
 * fsync.  Exclusive lock held.  elevel is PANIC at commit (the shared page
 * already says committed: there is no going back), ERROR otherwise.
 */
static int
write_page(int slot, int elevel)
{
    int64       pageno = Clog->slots[slot].pageno;
    int64       segno = pageno / CLOG_PAGES_PER_SEGMENT;
    off_t       offset = (off_t) (pageno % CLOG_PAGES_PER_SEGMENT) * BLCKSZ;
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
                       (unsigned long long) (pageno * CLOG_XACTS_PER_PAGE)),
                errdetail("Could not write to file \"%s\" at offset %lld: %m.",
                          path, (long long) offset));
    }
    Clog->slots[slot].dirty = false;
    clog_pages_written++;
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
    uint64      stamp = __atomic_add_fetch(&Clog->lruClock, 1, __ATOMIC_RELAXED);

    __atomic_store_n(&Clog->slots[slot].lru, stamp, __ATOMIC_RELAXED);
}

/* Slot holding pageno, or -1.  Lock held (either mode). */
static int
find_slot(int64 pageno)
{
    int         i;

    for (i = 0; i < CLOG_BUFFERS; i++)
        if (Clog->slots[i].pageno == pageno)
            return i;
    return -1;
}

/* Slot holding pageno, loading it (and evicting the LRU page) if needed.  Exclusive lock held. */
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

    /* an empty slot, else the least recently used one */
    best = UINT64_MAX;
    for (i = 0; i < CLOG_BUFFERS; i++)
    {
        if (Clog->slots[i].pageno < 0)
        {
            slot = i;
            break;
        }
        if (Clog->slots[i].lru < best)
        {
            best = Clog->slots[i].lru;
            slot = i;
        }
    }
    if (Clog->slots[slot].pageno >= 0 && Clog->slots[slot].dirty)
        (void) write_page(slot, ERROR);

    /* mark empty while reading, so a failed read leaves no half-loaded page */
    Clog->slots[slot].pageno = -1;
    read_page(slot, pageno);
    Clog->slots[slot].pageno = pageno;
    Clog->slots[slot].dirty = false;
    touch_slot(slot);
    return slot;
}

/* ---------------------------------------------------------------- status */

XidStatus
TransactionIdGetStatus(TransactionId xid)
{
    int64       pageno;
    int         slot;
    XidStatus   status;

    if (!TransactionIdIsNormal(xid))
    {
        if (xid == BootstrapTransactionId || xid == FrozenTransactionId)
            return TRANSACTION_STATUS_COMMITTED;
        return TRANSACTION_STATUS_ABORTED;
    }
    if (xid == cachedFetchXid)
        return cachedFetchStatus;

    pageno = PageOfXid(xid);
    LWLockAcquire(CLogControlLock, LW_SHARED);
    slot = find_slot(pageno);
    if (slot >= 0)
        touch_slot(slot);
    else
    {
        LWLockRelease(CLogControlLock);
        LWLockAcquire(CLogControlLock, LW_EXCLUSIVE);
        slot = load_slot(pageno);
    }
    status = (XidStatus) ((SlotPage(slot)[ByteOfXid(xid)] >> ShiftOfXid(xid)) & 0x03);
    LWLockRelease(CLogControlLock);

    if (status == TRANSACTION_STATUS_COMMITTED || status == TRANSACTION_STATUS_ABORTED)
    {
        cachedFetchXid = xid;
        cachedFetchStatus = status;
    }
    return status;
}

void
TransactionIdSetStatus(TransactionId xid, XidStatus status, bool flush)
{
    int64       pageno = PageOfXid(xid);
    int         slot;
    char       *byte;
    XidStatus   cur;
    int         fd = -1;

    if (!TransactionIdIsNormal(xid))
        elog(ERROR, "cannot set the status of transaction %llu", (unsigned long long) xid);
    Assert(status != TRANSACTION_STATUS_IN_PROGRESS);

    LWLockAcquire(CLogControlLock, LW_EXCLUSIVE);
    slot = load_slot(pageno);
    byte = SlotPage(slot) + ByteOfXid(xid);
    cur = (XidStatus) ((*byte >> ShiftOfXid(xid)) & 0x03);
    if (cur != status)
    {
        if (cur == TRANSACTION_STATUS_COMMITTED && status == TRANSACTION_STATUS_ABORTED)
            elog(PANIC, "cannot abort transaction %llu, it was already committed",
                 (unsigned long long) xid);
        if (cur != TRANSACTION_STATUS_IN_PROGRESS && cur != TRANSACTION_STATUS_SUB_COMMITTED)
            elog(PANIC, "cannot change the status of transaction %llu from %d to %d",
                 (unsigned long long) xid, (int) cur, (int) status);
        *byte = (char) ((*byte & ~(0x03 << ShiftOfXid(xid))) | (status << ShiftOfXid(xid)));
        Clog->slots[slot].dirty = true;
    }
    if (flush && Clog->slots[slot].dirty)
        fd = write_page(slot, PANIC);
    LWLockRelease(CLogControlLock);

    /* outside the lock: concurrent commits fsync in parallel */
    if (flush)
    {
        if (fd < 0)             /* already clean: someone wrote it; make sure it is durable */
            fd = open_segment(pageno / CLOG_PAGES_PER_SEGMENT, true, PANIC);
        fsync_segment(fd, pageno / CLOG_PAGES_PER_SEGMENT);
    }
}

/*
 * A SUB_COMMITTED xid is committed iff its topmost parent is (see the
 * header).  The topmost parent is never itself SUB_COMMITTED.
 */
static XidStatus
resolve_sub_committed(TransactionId xid)
{
    TransactionId top = SubTransGetTopmostTransaction(xid);
    XidStatus   status;

    if (top == xid)
        return TRANSACTION_STATUS_ABORTED;  /* no parent recorded: never committed */
    status = TransactionIdGetStatus(top);
    if (status == TRANSACTION_STATUS_SUB_COMMITTED)
        elog(ERROR, "top-level transaction %llu of %llu is marked subcommitted",
             (unsigned long long) top, (unsigned long long) xid);
    return status;
}

bool
TransactionIdDidCommit(TransactionId xid)
{
    XidStatus   status = TransactionIdGetStatus(xid);

    if (status == TRANSACTION_STATUS_SUB_COMMITTED)
        status = resolve_sub_committed(xid);
    return status == TRANSACTION_STATUS_COMMITTED;
}

bool
TransactionIdDidAbort(TransactionId xid)
{
    XidStatus   status = TransactionIdGetStatus(xid);

    if (status == TRANSACTION_STATUS_SUB_COMMITTED)
        status = resolve_sub_committed(xid);
    return status == TRANSACTION_STATUS_ABORTED;
}

/*
 * Write the dirty pages holding xids in [lo, hi] and fsync their segments
 * (every existing segment of the range).  Called with no lock held.
 */
static void
flush_xid_range(TransactionId lo, TransactionId hi)
{
    int64       pagelo = PageOfXid(lo);
    int64       pagehi = PageOfXid(hi);
    int64       seg;
    int         i;

    LWLockAcquire(CLogControlLock, LW_EXCLUSIVE);
    for (i = 0; i < CLOG_BUFFERS; i++)
    {
        int64       pageno = Clog->slots[i].pageno;

        if (pageno >= pagelo && pageno <= pagehi && Clog->slots[i].dirty)
            (void) write_page(i, PANIC);
    }
    LWLockRelease(CLogControlLock);
    for (seg = pagelo / CLOG_PAGES_PER_SEGMENT; seg <= pagehi / CLOG_PAGES_PER_SEGMENT; seg++)
    {
        int         fd = open_segment(seg, false, PANIC);

        if (fd >= 0)
            fsync_segment(fd, seg);
    }
}

void
TransactionIdCommitTree(TransactionId xid, int nsubxids, const TransactionId *subxids)
{
    TransactionId lo,
                hi;
    int         i;

    if (nsubxids == 0)
    {
        TransactionIdSetStatus(xid, TRANSACTION_STATUS_COMMITTED, true);
        return;
    }

    /* 1. the parent links must survive a crash before anything reads through them */
    SubTransFlush(subxids, nsubxids);

    /* 2. subcommitted, durably */
    lo = hi = subxids[0];
    for (i = 0; i < nsubxids; i++)
    {
        TransactionIdSetStatus(subxids[i], TRANSACTION_STATUS_SUB_COMMITTED, false);
        if (subxids[i] < lo)
            lo = subxids[i];
        if (subxids[i] > hi)
            hi = subxids[i];
    }
    flush_xid_range(lo, hi);

    /* 3. the commit point */
    TransactionIdSetStatus(xid, TRANSACTION_STATUS_COMMITTED, true);

    /* 4. final statuses; a crash before they reach disk leaves SUB_COMMITTED, which resolves */
    for (i = 0; i < nsubxids; i++)
        TransactionIdSetStatus(subxids[i], TRANSACTION_STATUS_COMMITTED, false);
}

void
TransactionIdAbortTree(TransactionId xid, int nsubxids, const TransactionId *subxids)
{
    int         i;

    if (TransactionIdIsValid(xid))
        TransactionIdSetStatus(xid, TRANSACTION_STATUS_ABORTED, false);
    for (i = 0; i < nsubxids; i++)
        TransactionIdSetStatus(subxids[i], TRANSACTION_STATUS_ABORTED, false);
}

void
CheckPointCLOG(void)
{
    int64       segnos[CLOG_BUFFERS];
    int         nsegs = 0;
    int         i,
                j;

    if (Clog == NULL)
        return;

    CheckPointSUBTRANS();
    LWLockAcquire(CLogControlLock, LW_EXCLUSIVE);
    for (i = 0; i < CLOG_BUFFERS; i++)
    {
        int64       segno;

        if (Clog->slots[i].pageno < 0 || !Clog->slots[i].dirty)
            continue;
        (void) write_page(i, ERROR);
        segno = Clog->slots[i].pageno / CLOG_PAGES_PER_SEGMENT;
        for (j = 0; j < nsegs; j++)
            if (segnos[j] == segno)
                break;
        if (j == nsegs)
            segnos[nsegs++] = segno;
    }
    LWLockRelease(CLogControlLock);

    for (j = 0; j < nsegs; j++)
        fsync_segment(open_segment(segnos[j], true, ERROR), segnos[j]);
}
