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
#include "storage/slru.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The pages (storage/slru.c); SubtransLock, in shared memory, protects them. */
static SlruCtl SubtransCtl = {
    .subdir = "pg_subtrans", .nbuffers = SUBTRANS_BUFFERS,
    .pages_per_segment = SUBTRANS_PAGES_PER_SEGMENT, .items_per_page = SUBTRANS_XACTS_PER_PAGE,
    .fd = -1, .fd_segno = -1,
};
static LWLockPadded *SubtransLockSlot = NULL;

#define Subtrans (SubtransCtl.shared)
#define SubtransLock (&SubtransLockSlot->lock)

#define PageOfXid(xid)   ((int64) ((xid) / SUBTRANS_XACTS_PER_PAGE))
#define EntryOfXid(xid)  ((int) ((xid) % SUBTRANS_XACTS_PER_PAGE))
#define SlotPage(slot)   ((TransactionId *) SlruSlotPage(&SubtransCtl, (slot)))

/* ---------------------------------------------------------------- shmem */

Size
SUBTRANSShmemSize(void)
{
    return add_size(CACHELINEALIGN(sizeof(LWLockPadded)), SlruShmemSize(SUBTRANS_BUFFERS));
}

void
SUBTRANSShmemInit(void)
{
    SubtransLockSlot = (LWLockPadded *) ShmemAlloc(sizeof(LWLockPadded));
    LWLockInitialize(SubtransLock, LWTRANCHE_CLOG_BUFFER, 1);
    SlruShmemInit(&SubtransCtl);
}

/* ---------------------------------------------------------------- map */

void
SubTransSetParent(TransactionId xid, TransactionId parent)
{
    int         slot;
    TransactionId *entry;

    Assert(TransactionIdIsNormal(xid) && TransactionIdIsNormal(parent) && parent < xid);
    LWLockAcquire(SubtransLock, LW_EXCLUSIVE);
    slot = SlruLoadSlot(&SubtransCtl, PageOfXid(xid));
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
    slot = SlruFindSlot(&SubtransCtl, pageno);
    if (slot >= 0)
        SlruTouchSlot(&SubtransCtl, slot);
    else
    {
        LWLockRelease(SubtransLock);
        LWLockAcquire(SubtransLock, LW_EXCLUSIVE);
        slot = SlruLoadSlot(&SubtransCtl, pageno);
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
            (void) SlruWritePage(&SubtransCtl, i, PANIC);
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
        int         fd = SlruOpenSegment(&SubtransCtl, seg, false, PANIC);

        if (fd >= 0)
            SlruFsyncSegment(&SubtransCtl, fd, seg);
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
        (void) SlruWritePage(&SubtransCtl, i, ERROR);
        segno = Subtrans->slots[i].pageno / SUBTRANS_PAGES_PER_SEGMENT;
        for (j = 0; j < nsegs; j++)
            if (segnos[j] == segno)
                break;
        if (j == nsegs)
            segnos[nsegs++] = segno;
    }
    LWLockRelease(SubtransLock);
    for (j = 0; j < nsegs; j++)
        SlruFsyncSegment(&SubtransCtl, SlruOpenSegment(&SubtransCtl, segnos[j], true, ERROR), segnos[j]);
}
