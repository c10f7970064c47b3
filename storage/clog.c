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
#include "storage/slru.h"
#include "storage/subtrans.h"
#include "storage/transam.h"
#include "storage/xact.h"



uint64 clog_pages_read = 0;
uint64 clog_pages_written = 0;

/* The pages (storage/slru.c); ClogLock protects them. */
static SlruCtl ClogCtl = {
    .subdir = "pg_xact", .nbuffers = CLOG_BUFFERS,
    .pages_per_segment = CLOG_PAGES_PER_SEGMENT, .items_per_page = CLOG_XACTS_PER_PAGE,
    .pages_read = &clog_pages_read, .pages_written = &clog_pages_written,
    .fd = -1, .fd_segno = -1,
};
#define Clog (ClogCtl.shared)

/* per-process: last final status fetched */
static TransactionId cachedFetchXid = InvalidTransactionId;
static XidStatus cachedFetchStatus;

#define PageOfXid(xid)   ((int64) ((xid) / CLOG_XACTS_PER_PAGE))
#define ByteOfXid(xid)   ((int) (((xid) % CLOG_XACTS_PER_PAGE) / CLOG_XACTS_PER_BYTE))
#define ShiftOfXid(xid)  ((int) (((xid) % CLOG_XACTS_PER_BYTE) * CLOG_BITS_PER_XACT))
#define SlotPage(slot)   SlruSlotPage(&ClogCtl, (slot))

/* ---------------------------------------------------------------- shmem */

Size
CLOGShmemSize(void)
{
    /* the subtrans map's buffers ride along: it is the clog's companion */
    return add_size(SlruShmemSize(CLOG_BUFFERS), SUBTRANSShmemSize());
}

void
CLOGShmemInit(void)
{
    SlruShmemInit(&ClogCtl);
    /* a re-created segment: forget what this process cached */
    cachedFetchXid = InvalidTransactionId;
    SUBTRANSShmemInit();
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
    slot = SlruFindSlot(&ClogCtl, pageno);
    if (slot >= 0)
        SlruTouchSlot(&ClogCtl, slot);
    else
    {
        LWLockRelease(CLogControlLock);
        LWLockAcquire(CLogControlLock, LW_EXCLUSIVE);
        slot = SlruLoadSlot(&ClogCtl, pageno);
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
    slot = SlruLoadSlot(&ClogCtl, pageno);
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
        fd = SlruWritePage(&ClogCtl, slot, PANIC);
    LWLockRelease(CLogControlLock);

    /* outside the lock: concurrent commits fsync in parallel */
    if (flush)
    {
        if (fd < 0)             /* already clean: someone wrote it; make sure it is durable */
            fd = SlruOpenSegment(&ClogCtl, pageno / CLOG_PAGES_PER_SEGMENT, true, PANIC);
        SlruFsyncSegment(&ClogCtl, fd, pageno / CLOG_PAGES_PER_SEGMENT);
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
            (void) SlruWritePage(&ClogCtl, i, PANIC);
    }
    LWLockRelease(CLogControlLock);
    for (seg = pagelo / CLOG_PAGES_PER_SEGMENT; seg <= pagehi / CLOG_PAGES_PER_SEGMENT; seg++)
    {
        int         fd = SlruOpenSegment(&ClogCtl, seg, false, PANIC);

        if (fd >= 0)
            SlruFsyncSegment(&ClogCtl, fd, seg);
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
        (void) SlruWritePage(&ClogCtl, i, ERROR);
        segno = Clog->slots[i].pageno / CLOG_PAGES_PER_SEGMENT;
        for (j = 0; j < nsegs; j++)
            if (segnos[j] == segno)
                break;
        if (j == nsegs)
            segnos[nsegs++] = segno;
    }
    LWLockRelease(CLogControlLock);

    for (j = 0; j < nsegs; j++)
        SlruFsyncSegment(&ClogCtl, SlruOpenSegment(&ClogCtl, segnos[j], true, ERROR), segnos[j]);
}
