/*-------------------------------------------------------------------------
 * heapam.c
 *    The heap access method: MVCC tuples in 8 KB slotted pages, read and
 *    written through the shared buffer pool.
 *
 * Principal entry points:
 *    heap_beginscan / heap_getnext / heap_rescan / heap_endscan
 *    heap_fetch, heap_fetch_copy       - one tuple by tid
 *    heap_insert, heap_delete, heap_update
 *    simple_heap_insert/delete/update  - catalog convenience, ERROR on conflict
 *    heap_create_storage, heap_drop_storage
 *
 * Locking protocol (PostgreSQL's, see src/backend/access/heap/README.tuplock
 * and storage/buffer/README):
 *  - Every page access holds a pin on its buffer; a pinned page is never
 *    evicted, and a tuple on it is never moved or removed (nothing here
 *    compacts pages; the future pruner/vacuum will need a cleanup lock,
 *    i.e. the only pin).  So a tuple pointer stays valid while the pin is
 *    held, with no content lock.
 *  - Reading line pointers, tuple headers or deciding visibility needs at
 *    least a share content lock; hint bits may be set under it.
 *  - Changing a page (adding a tuple, setting xmax/ctid/cmax) needs the
 *    exclusive content lock, then MarkBufferDirty before unlocking.
 *  - Two heap pages are locked together only by heap_update, always the
 *    lower block number first (RelationGetBufferForTuple); a higher page
 *    locked first is only ever paired with a *conditional* lock of the
 *    lower one.  No other lock is taken while a content lock is held,
 *    except the buffer-pool internals of ReadBuffer*.
 *  - Waiting for another transaction (XactLockTableWait) happens with the
 *    content lock released and the pin kept, after taking the heavyweight
 *    tuple lock (LockTuple) so that waiters queue in order; after the wait
 *    the tuple is re-examined from scratch.  The tuple lock is released
 *    when the delete/update is done, the transaction-level xmax being what
 *    blocks later writers.
 *  - An ERROR while a content lock is held is safe: error recovery calls
 *    LWLockReleaseAll and BufferReleaseAll.
 *
 * Updates.  The new version goes on the old version's page if it fits,
 * else on another page.  In the second case the old version is first
 * marked as row-locked by us (xmax = our xid, HEAP_XMAX_LOCK_ONLY) and its
 * page unlocked while a page with room is found and both pages are locked
 * in block order; concurrent updaters of the row see an in-progress xmax
 * and wait.  The old version's t_ctid then points at the new version, so
 * READ COMMITTED writers that find it updated can follow the chain
 * (TM_Updated, tmfd->ctid).  There are no HOT chains yet: every update is
 * a cold update.
 *
 * Choosing a page for a new tuple.  Each backend remembers, per relation
 * file, the block it last inserted into (a direct-mapped cache of
 * HEAP_TARGET_CACHE_SIZE entries; a collision just forgets the older
 * relation).  If that block is full, the relation's last block is tried,
 * then the relation is extended by one page.  Space freed by deletions is
 * not reused until a free space map and vacuum exist.
 *
 * Sequential scans.  An MVCC scan works a page at a time, as PostgreSQL's
 * page-mode scan: pin the page, share-lock it, record the offsets of the
 * tuples visible to the snapshot, unlock, and return those tuples one by
 * one from the still-pinned page.  The result of an MVCC test cannot
 * change while the scan runs, so deciding early is safe.  Other snapshot
 * types (SELF, DIRTY, ANY -- catalog scans and unique checks) are decided
 * per tuple under a brief share lock, because their answer can change
 * with our own and others' concurrent modifications.  The scan checks
 * for interrupts once per page.
 *
 * Departures from PostgreSQL: no WAL records yet (durability comes from
 * flushing every dirtied relation at commit: XactRegisterDirtiedRelation),
 * no TOAST (a row over MaxHeapTupleSize is ERROR 54000), no HOT, no
 * free space map, no visibility map, no synchronized scans.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/heapam_internal.h"
#include "storage/lmgr.h"
#include "storage/smgr.h"
#include "storage/xact.h"

/* ================================================================ target block cache */

/*
 * Per-backend memory of the last block inserted into, per relation file.
 * Private memory, no locking.  Bounded: HEAP_TARGET_CACHE_SIZE entries,
 * direct-mapped by relNode.  An entry is only a hint: the block is
 * re-checked for room under its exclusive lock before use.
 */
#define HEAP_TARGET_CACHE_SIZE 64

typedef struct HeapTargetBlock
{
    Oid         relNode;        /* InvalidOid: empty */
    BlockNumber block;
} HeapTargetBlock;

static HeapTargetBlock heap_target_cache[HEAP_TARGET_CACHE_SIZE];

static inline HeapTargetBlock *
target_cache_slot(RelFileNode rnode)
{
    uint32      h = rnode.relNode * 2654435761u;    /* Fibonacci hashing */

    return &heap_target_cache[h >> (32 - 6)];
}
StaticAssertDecl(HEAP_TARGET_CACHE_SIZE == (1 << 6), "target cache hash uses 6 bits");

static BlockNumber
GetTargetBlock(RelFileNode rnode)
{
    HeapTargetBlock *slot = target_cache_slot(rnode);

    return slot->relNode == rnode.relNode ? slot->block : InvalidBlockNumber;
}

static void
SetTargetBlock(RelFileNode rnode, BlockNumber block)
{
    HeapTargetBlock *slot = target_cache_slot(rnode);

    slot->relNode = rnode.relNode;
    slot->block = block;
}

static void
ForgetTargetBlock(RelFileNode rnode)
{
    HeapTargetBlock *slot = target_cache_slot(rnode);

    if (slot->relNode == rnode.relNode)
        slot->relNode = InvalidOid;
}

/* ================================================================ helpers */

static inline bool
XidIsCurrent(TransactionId xid)
{
    return TransactionIdIsNormal(xid) && TransactionIdIsCurrentTransactionId(xid);
}

pg_attribute_noreturn() static void
row_too_big(Size len)
{
    ereport(ERROR,
            (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
             errmsg("row is too big: size %zu, maximum size %zu",
                    len, (Size) MaxHeapTupleSize)));
}

/*
 * Stamp a tuple about to be stored as inserted by xid/cid: a fresh
 * version with no deleter, belonging to relation.
 */
static void
heap_prepare_tuple(Relation relation, HeapTuple tup, TransactionId xid, CommandId cid)
{
    HeapTupleHeader td = tup->t_data;

    td->t_infomask &= ~HEAP_XACT_MASK;
    td->t_infomask |= HEAP_XMAX_INVALID;
    td->t_infomask2 &= ~HEAP_HOT_UPDATED;
    td->t_xmin = xid;
    td->t_xmax = InvalidTransactionId;
    td->t_cid = cid;
    td->t_cmax = InvalidCommandId;
    tup->t_tableOid = RelationGetRelid(relation);
}

/*
 * Make xid/cid the tuple's deleter (or row locker when lock_only).  See
 * heapam_internal.h for how t_cid/t_cmax share cmin and cmax.  Caller
 * holds the exclusive content lock.
 */
static void
heap_set_xmax(HeapTupleHeader td, TransactionId xid, CommandId cid, bool lock_only)
{
    bool        inserted_by_me = !HeapTupleHeaderXminCommitted(td) &&
                                 XidIsCurrent(HeapTupleHeaderGetRawXmin(td));

    td->t_infomask &= ~(HEAP_XMAX_COMMITTED | HEAP_XMAX_INVALID | HEAP_XMAX_LOCK_ONLY);
    if (lock_only)
        td->t_infomask |= HEAP_XMAX_LOCK_ONLY;
    td->t_xmax = xid;
    if (!inserted_by_me)
        td->t_cid = cid;        /* cmin means nothing to us: keep cmax there too */
    td->t_cmax = cid;
}

/*
 * Point tup at the tuple tid on the page of buffer (pinned and locked by
 * the caller).  ERROR if there is no tuple there: the caller's tid came
 * from a scan of this relation, so that means corruption or a caller bug.
 */
static void
heap_get_tuple_at(Relation relation, Buffer buffer, ItemPointer tid,
                  HeapTuple tup, const char *what)
{
    Page        page = BufferGetPage(buffer);
    OffsetNumber offnum = ItemPointerGetOffsetNumber(tid);
    ItemId      lp;

    if (offnum < FirstOffsetNumber || offnum > PageGetMaxOffsetNumber(page) ||
        !ItemIdIsNormal(lp = PageGetItemId(page, offnum)))
    {
        UnlockReleaseBuffer(buffer);
        ereport(ERROR,
                (errcode(ERRCODE_DATA_CORRUPTED),
                 errmsg("attempted to %s nonexistent tuple (%u,%u) in relation \"%s\"",
                        what, ItemPointerGetBlockNumber(tid), (unsigned) offnum,
                        RelationGetRelationName(relation))));
    }
    tup->t_data = (HeapTupleHeader) PageGetItem(page, lp);
    tup->t_len = ItemIdGetLength(lp);
    tup->t_self = *tid;
    tup->t_tableOid = RelationGetRelid(relation);
}

/*
 * Put a prepared tuple on the page of buffer (pinned, exclusively locked,
 * known to have room) and set tup->t_self and the stored t_ctid to where
 * it went.  The caller marks the buffer dirty.
 */
static void
RelationPutHeapTuple(Relation relation, Buffer buffer, HeapTuple tup)
{
    Page        page = BufferGetPage(buffer);
    OffsetNumber offnum;
    HeapTupleHeader item;

    offnum = PageAddItem(page, tup->t_data, tup->t_len, InvalidOffsetNumber, false);
    if (offnum == InvalidOffsetNumber)
        elog(ERROR, "failed to add tuple to page %u of relation \"%s\"",
             BufferGetBlockNumber(buffer), RelationGetRelationName(relation));

    ItemPointerSet(&tup->t_self, BufferGetBlockNumber(buffer), offnum);
    item = (HeapTupleHeader) PageGetItem(page, PageGetItemId(page, offnum));
    item->t_ctid = tup->t_self;
    tup->t_data->t_ctid = tup->t_self;
}

/* Initialize a never-used page (all zeros after a crash mid-extension). */
static void
heap_init_page_if_new(Buffer buffer)
{
    Page        page = BufferGetPage(buffer);

    if (PageIsNew(page))
    {
        PageInit(page, BLCKSZ, 0);
        MarkBufferDirty(buffer);
    }
}

/*
 * RelationGetBufferForTuple
 *    A buffer with room for a tuple of len bytes, pinned and exclusively
 *    locked.  If otherBuffer is valid (heap_update: the old version's
 *    page, pinned, unlocked by the caller), it is exclusively locked too on
 *    return -- the result may be otherBuffer itself.  Two pages are
 *    locked lower block number first; the freshly extended page (always
 *    the highest) is paired with a conditional lock of otherBuffer, and
 *    on failure relocked in order and re-checked for room.
 */
static Buffer
RelationGetBufferForTuple(Relation relation, Size len, Buffer otherBuffer)
{
    RelFileNode rnode = relation->rd_node;
    BlockNumber otherBlock;
    BlockNumber targetBlock;
    BlockNumber nblocks;
    bool        tried_last = false;
    Buffer      buffer;
    Page        page;

    len = MAXALIGN(len);
    if (len > MaxHeapTupleSize)
        row_too_big(len);

    otherBlock = BufferIsValid(otherBuffer) ? BufferGetBlockNumber(otherBuffer)
                                            : InvalidBlockNumber;

    targetBlock = GetTargetBlock(rnode);
    if (targetBlock == InvalidBlockNumber)
    {
        nblocks = RelationGetNumberOfBlocksNode(rnode);
        if (nblocks > 0)
            targetBlock = nblocks - 1;
        tried_last = true;
    }

    for (;;)
    {
        /* ---- try existing pages: the cached target, then the last page ---- */
        while (targetBlock != InvalidBlockNumber)
        {
            if (!BufferIsValid(otherBuffer))
            {
                buffer = ReadBuffer(rnode, targetBlock);
                LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
            }
            else if (otherBlock == targetBlock)
            {
                buffer = otherBuffer;
                LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
            }
            else if (otherBlock < targetBlock)
            {
                buffer = ReadBuffer(rnode, targetBlock);
                LockBuffer(otherBuffer, BUFFER_LOCK_EXCLUSIVE);
                LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
            }
            else
            {
                buffer = ReadBuffer(rnode, targetBlock);
                LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
                LockBuffer(otherBuffer, BUFFER_LOCK_EXCLUSIVE);
            }

            heap_init_page_if_new(buffer);
            page = BufferGetPage(buffer);
            if (len <= PageGetHeapFreeSpace(page))
            {
                SetTargetBlock(rnode, targetBlock);
                return buffer;
            }

            /* no room: let go and look further */
            if (!BufferIsValid(otherBuffer))
                UnlockReleaseBuffer(buffer);
            else if (otherBlock != targetBlock)
            {
                LockBuffer(otherBuffer, BUFFER_LOCK_UNLOCK);
                UnlockReleaseBuffer(buffer);
            }
            else
                LockBuffer(otherBuffer, BUFFER_LOCK_UNLOCK);

            if (tried_last)
                break;
            tried_last = true;
            nblocks = RelationGetNumberOfBlocksNode(rnode);
            if (nblocks == 0 || nblocks - 1 == targetBlock)
                break;
            targetBlock = nblocks - 1;
        }

        /* ---- extend the relation by one page ---- */
        buffer = ReadBufferExtend(rnode);       /* pinned, exclusively locked */
        heap_init_page_if_new(buffer);
        page = BufferGetPage(buffer);
        if (len > PageGetHeapFreeSpace(page))
        {
            UnlockReleaseBuffer(buffer);
            elog(ERROR, "tuple is too big: size %zu", len);
        }
        targetBlock = BufferGetBlockNumber(buffer);

        if (!BufferIsValid(otherBuffer))
        {
            SetTargetBlock(rnode, targetBlock);
            return buffer;
        }

        Assert(otherBlock < targetBlock);
        if (ConditionalLockBuffer(otherBuffer))
        {
            SetTargetBlock(rnode, targetBlock);
            return buffer;
        }
        /* lock in block order; someone may fill the new page meanwhile */
        LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
        LockBuffer(otherBuffer, BUFFER_LOCK_EXCLUSIVE);
        LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
        if (len <= PageGetHeapFreeSpace(page))
        {
            SetTargetBlock(rnode, targetBlock);
            return buffer;
        }
        LockBuffer(otherBuffer, BUFFER_LOCK_UNLOCK);
        UnlockReleaseBuffer(buffer);
        /* start over from the (now) last page */
        targetBlock = InvalidBlockNumber;
        tried_last = true;
    }
}

/* ================================================================ scans */

typedef struct HeapScanDescData
{
    Relation    rs_rd;
    Snapshot    rs_snapshot;
    BlockNumber rs_nblocks;     /* pages to scan, fixed at (re)start */
    bool        rs_pagemode;    /* MVCC: visibility decided per page */
    bool        rs_inited;      /* false: the next call starts at an end */
    BlockNumber rs_cblock;      /* current page, when rs_inited */
    Buffer      rs_cbuf;        /* its buffer: pinned, never left locked */
    HeapTupleData rs_ctup;      /* current tuple; t_data points into rs_cbuf */
    /* page mode */
    int         rs_cindex;      /* rs_ctup is rs_vistuples[rs_cindex] */
    int         rs_ntuples;
    OffsetNumber rs_vistuples[MaxHeapTuplesPerPage];
    /* tuple mode */
    OffsetNumber rs_coffset;    /* rs_ctup's offset */
} HeapScanDescData;

static void
initscan(HeapScanDesc scan)
{
    if (BufferIsValid(scan->rs_cbuf))
        ReleaseBuffer(scan->rs_cbuf);
    scan->rs_cbuf = InvalidBuffer;
    scan->rs_cblock = InvalidBlockNumber;
    scan->rs_inited = false;
    scan->rs_ctup.t_data = NULL;
    ItemPointerSetInvalid(&scan->rs_ctup.t_self);
    scan->rs_ntuples = 0;
    scan->rs_cindex = 0;
    scan->rs_coffset = InvalidOffsetNumber;
    scan->rs_nblocks = RelationGetNumberOfBlocksNode(scan->rs_rd->rd_node);
}

HeapScanDesc
heap_beginscan(Relation relation, Snapshot snapshot)
{
    HeapScanDesc scan;

    if (snapshot == NULL)
        elog(ERROR, "heap scan of relation \"%s\" without a snapshot",
             RelationGetRelationName(relation));

    scan = palloc0_object(HeapScanDescData);
    scan->rs_rd = relation;
    scan->rs_snapshot = snapshot;
    scan->rs_pagemode = (snapshot->snapshot_type == SNAPSHOT_MVCC);
    scan->rs_cbuf = InvalidBuffer;
    scan->rs_ctup.t_tableOid = RelationGetRelid(relation);
    initscan(scan);
    return scan;
}

void
heap_rescan(HeapScanDesc scan)
{
    initscan(scan);
}

void
heap_endscan(HeapScanDesc scan)
{
    if (BufferIsValid(scan->rs_cbuf))
        ReleaseBuffer(scan->rs_cbuf);
    pfree(scan);
}

/*
 * heapgetpage
 *    Move the scan to page block: drop the previous pin, check for
 *    interrupts (holding no pin or lock), pin the new page.  In page mode
 *    also collect the offsets of the visible tuples under one share lock.
 *    Returns with the buffer pinned and unlocked.
 */
/*
 * Another session's temporary relation (PostgreSQL's RELATION_IS_OTHER_TEMP
 * check in ReadBufferExtended): its rows may sit unflushed in that
 * session's care, so no page of it is read or written here.
 */
static inline void
check_not_other_temp(Relation rel)
{
    if (rel->rd_isothertemp)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot access temporary tables of other sessions"));
}

static void
heapgetpage(HeapScanDesc scan, BlockNumber block)
{
    Page        page;
    OffsetNumber lines;
    int         ntup = 0;
    HeapTupleData loctup;

    if (BufferIsValid(scan->rs_cbuf))
    {
        ReleaseBuffer(scan->rs_cbuf);
        scan->rs_cbuf = InvalidBuffer;
    }

    CHECK_FOR_INTERRUPTS();
    check_not_other_temp(scan->rs_rd);

    scan->rs_cbuf = ReadBuffer(scan->rs_rd->rd_node, block);
    scan->rs_cblock = block;
    if (!scan->rs_pagemode)
        return;

    LockBuffer(scan->rs_cbuf, BUFFER_LOCK_SHARE);
    page = BufferGetPage(scan->rs_cbuf);
    lines = PageGetMaxOffsetNumber(page);
    loctup.t_tableOid = RelationGetRelid(scan->rs_rd);
    for (OffsetNumber off = FirstOffsetNumber; off <= lines; off++)
    {
        ItemId      lp = PageGetItemId(page, off);

        if (!ItemIdIsNormal(lp))
            continue;
        loctup.t_data = (HeapTupleHeader) PageGetItem(page, lp);
        loctup.t_len = ItemIdGetLength(lp);
        ItemPointerSet(&loctup.t_self, block, off);
        if (HeapTupleSatisfiesVisibility(&loctup, scan->rs_snapshot, scan->rs_cbuf))
            scan->rs_vistuples[ntup++] = off;
    }
    LockBuffer(scan->rs_cbuf, BUFFER_LOCK_UNLOCK);
    scan->rs_ntuples = ntup;
}

/* The page after (or before) the current one, or InvalidBlockNumber at the end. */
static BlockNumber
heap_next_block(HeapScanDesc scan, ScanDirection dir)
{
    if (dir == ForwardScanDirection)
        return scan->rs_cblock + 1 < scan->rs_nblocks ? scan->rs_cblock + 1
                                                      : InvalidBlockNumber;
    return scan->rs_cblock > 0 ? scan->rs_cblock - 1 : InvalidBlockNumber;
}

/* End of scan: no pin held, and the next call starts over from an end. */
static HeapTuple
heap_scan_finished(HeapScanDesc scan)
{
    if (BufferIsValid(scan->rs_cbuf))
        ReleaseBuffer(scan->rs_cbuf);
    scan->rs_cbuf = InvalidBuffer;
    scan->rs_cblock = InvalidBlockNumber;
    scan->rs_ctup.t_data = NULL;
    scan->rs_inited = false;
    return NULL;
}

static inline void
heap_scan_set_tuple(HeapScanDesc scan, Page page, OffsetNumber off)
{
    ItemId      lp = PageGetItemId(page, off);

    scan->rs_ctup.t_data = (HeapTupleHeader) PageGetItem(page, lp);
    scan->rs_ctup.t_len = ItemIdGetLength(lp);
    ItemPointerSet(&scan->rs_ctup.t_self, scan->rs_cblock, off);
}

static HeapTuple
heapgettup_pagemode(HeapScanDesc scan, ScanDirection dir)
{
    int         lineindex;
    BlockNumber block;

    if (!scan->rs_inited)
    {
        if (scan->rs_nblocks == 0)
            return heap_scan_finished(scan);
        block = dir == ForwardScanDirection ? 0 : scan->rs_nblocks - 1;
        heapgetpage(scan, block);
        lineindex = dir == ForwardScanDirection ? 0 : scan->rs_ntuples - 1;
        scan->rs_inited = true;
    }
    else
        lineindex = scan->rs_cindex + (int) dir;

    for (;;)
    {
        if (lineindex >= 0 && lineindex < scan->rs_ntuples)
        {
            scan->rs_cindex = lineindex;
            heap_scan_set_tuple(scan, BufferGetPage(scan->rs_cbuf),
                                scan->rs_vistuples[lineindex]);
            return &scan->rs_ctup;
        }
        block = heap_next_block(scan, dir);
        if (block == InvalidBlockNumber)
            return heap_scan_finished(scan);
        heapgetpage(scan, block);
        lineindex = dir == ForwardScanDirection ? 0 : scan->rs_ntuples - 1;
    }
}

static HeapTuple
heapgettup(HeapScanDesc scan, ScanDirection dir)
{
    Page        page;
    int         lines;
    int         lineoff;
    BlockNumber block;

    if (!scan->rs_inited)
    {
        if (scan->rs_nblocks == 0)
            return heap_scan_finished(scan);
        block = dir == ForwardScanDirection ? 0 : scan->rs_nblocks - 1;
        heapgetpage(scan, block);
        LockBuffer(scan->rs_cbuf, BUFFER_LOCK_SHARE);
        page = BufferGetPage(scan->rs_cbuf);
        lines = PageGetMaxOffsetNumber(page);
        lineoff = dir == ForwardScanDirection ? FirstOffsetNumber : lines;
        scan->rs_inited = true;
    }
    else
    {
        LockBuffer(scan->rs_cbuf, BUFFER_LOCK_SHARE);
        page = BufferGetPage(scan->rs_cbuf);
        lines = PageGetMaxOffsetNumber(page);
        lineoff = (int) scan->rs_coffset + (int) dir;
    }

    /* the buffer is share-locked from here until we return or move on */
    for (;;)
    {
        for (; lineoff >= FirstOffsetNumber && lineoff <= lines; lineoff += (int) dir)
        {
            ItemId      lp = PageGetItemId(page, (OffsetNumber) lineoff);

            if (!ItemIdIsNormal(lp))
                continue;
            heap_scan_set_tuple(scan, page, (OffsetNumber) lineoff);
            if (HeapTupleSatisfiesVisibility(&scan->rs_ctup, scan->rs_snapshot,
                                             scan->rs_cbuf))
            {
                LockBuffer(scan->rs_cbuf, BUFFER_LOCK_UNLOCK);
                scan->rs_coffset = (OffsetNumber) lineoff;
                return &scan->rs_ctup;
            }
        }
        LockBuffer(scan->rs_cbuf, BUFFER_LOCK_UNLOCK);

        block = heap_next_block(scan, dir);
        if (block == InvalidBlockNumber)
            return heap_scan_finished(scan);
        heapgetpage(scan, block);
        LockBuffer(scan->rs_cbuf, BUFFER_LOCK_SHARE);
        page = BufferGetPage(scan->rs_cbuf);
        lines = PageGetMaxOffsetNumber(page);
        lineoff = dir == ForwardScanDirection ? FirstOffsetNumber : lines;
    }
}

HeapTuple
heap_getnext(HeapScanDesc scan, ScanDirection direction)
{
    if (direction == NoMovementScanDirection)
    {
        /* re-fetch the current tuple, if any (PostgreSQL's FETCH RELATIVE 0) */
        return scan->rs_inited && scan->rs_ctup.t_data != NULL ? &scan->rs_ctup : NULL;
    }
    if (scan->rs_pagemode)
        return heapgettup_pagemode(scan, direction);
    return heapgettup(scan, direction);
}

/* ================================================================ fetch */

bool
heap_fetch(Relation relation, Snapshot snapshot, HeapTuple tuple, Buffer *userbuf)
{
    ItemPointer tid = &tuple->t_self;
    OffsetNumber offnum = ItemPointerGetOffsetNumber(tid);
    Buffer      buffer;
    Page        page;
    ItemId      lp;
    bool        valid;

    check_not_other_temp(relation);
    buffer = ReadBuffer(relation->rd_node, ItemPointerGetBlockNumber(tid));
    LockBuffer(buffer, BUFFER_LOCK_SHARE);
    page = BufferGetPage(buffer);

    if (offnum < FirstOffsetNumber || offnum > PageGetMaxOffsetNumber(page) ||
        !ItemIdIsNormal(lp = PageGetItemId(page, offnum)))
    {
        UnlockReleaseBuffer(buffer);
        *userbuf = InvalidBuffer;
        tuple->t_data = NULL;
        return false;
    }

    tuple->t_data = (HeapTupleHeader) PageGetItem(page, lp);
    tuple->t_len = ItemIdGetLength(lp);
    tuple->t_tableOid = RelationGetRelid(relation);
    valid = HeapTupleSatisfiesVisibility(tuple, snapshot, buffer);
    LockBuffer(buffer, BUFFER_LOCK_UNLOCK);

    if (valid)
    {
        *userbuf = buffer;
        return true;
    }
    ReleaseBuffer(buffer);
    *userbuf = InvalidBuffer;
    tuple->t_data = NULL;
    return false;
}

HeapTuple
heap_fetch_copy(Relation relation, Snapshot snapshot, ItemPointer tid)
{
    HeapTupleData tuple;
    Buffer      buffer;
    HeapTuple   copy;

    if (!ItemPointerIsValid(tid) ||
        ItemPointerGetBlockNumber(tid) >= RelationGetNumberOfBlocksNode(relation->rd_node))
        return NULL;

    tuple.t_self = *tid;
    if (!heap_fetch(relation, snapshot, &tuple, &buffer))
        return NULL;
    copy = heap_copytuple(&tuple);
    ReleaseBuffer(buffer);
    return copy;
}

/* ================================================================ insert */

/*
 * heap_insert
 *    Store tup as inserted by the current transaction's command cid.
 *    Sets tup's header (xmin, cmin, no xmax, ctid) and t_self, t_tableOid.
 *    Returns holding no pin or lock.
 */
void
heap_insert(Relation relation, HeapTuple tup, CommandId cid)
{
    TransactionId xid = GetCurrentTransactionId();
    Buffer      buffer;

    check_not_other_temp(relation);
    if (MAXALIGN(tup->t_len) > MaxHeapTupleSize)
        row_too_big(MAXALIGN(tup->t_len));

    heap_prepare_tuple(relation, tup, xid, cid);
    /* before any page changes: registration may allocate or fail */
    if (relation->relpersistence != RELPERSISTENCE_TEMP)   /* no durability needed */
        XactRegisterDirtiedRelation(relation->rd_node);

    buffer = RelationGetBufferForTuple(relation, tup->t_len, InvalidBuffer);
    RelationPutHeapTuple(relation, buffer, tup);
    MarkBufferDirty(buffer);
    UnlockReleaseBuffer(buffer);
}

/* ================================================================ delete / update */

/*
 * Heavyweight tuple lock a waiting modifier takes before sleeping on the
 * row's xmax, so that several waiters are served in queue order instead
 * of racing when xmax ends (PostgreSQL's heap_acquire_tuplock).  Deletes
 * and updates both take AccessExclusiveLock: PostgreSQL's "no key update"
 * (ExclusiveLock) needs to know whether key columns change, which matters
 * only once SELECT FOR KEY SHARE exists.
 */
#define HEAP_TUPLE_LOCK_MODE AccessExclusiveLock

/*
 * heap_lock_for_modify
 *    With the target tuple's buffer exclusively locked, decide whether
 *    command cid may modify it, waiting for an in-progress modifier when
 *    wait is true: the content lock is released during the wait (pin
 *    kept), the tuple lock taken first (*have_tuple_lock; the caller
 *    releases it when done), and the tuple re-examined afterwards,
 *    whoever modified it meanwhile.  Returns with the buffer still
 *    exclusively locked, except that TM_Invisible is an ERROR (after
 *    releasing the buffer), as in PostgreSQL.
 */
static TM_Result
heap_lock_for_modify(Relation relation, Buffer buffer, HeapTuple tp, CommandId cid,
                     Snapshot crosscheck, bool wait, const char *what,
                     bool *have_tuple_lock)
{
    TM_Result   result;

    for (;;)
    {
        TransactionId xwait;

        result = HeapTupleSatisfiesUpdate(tp, cid, buffer);
        if (result == TM_Invisible)
        {
            UnlockReleaseBuffer(buffer);
            ereport(ERROR,
                    (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                     errmsg("attempted to %s invisible tuple", what)));
        }
        if (result != TM_BeingModified)
            break;

        xwait = HeapTupleHeaderGetRawXmax(tp->t_data);
        if (XidIsCurrent(xwait))
        {
            /* only our own row lock: we may go ahead */
            result = TM_Ok;
            break;
        }
        if (!wait)
            break;

        LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
        if (!*have_tuple_lock)
        {
            LockTuple(RelationGetRelid(relation), ItemPointerGetBlockNumber(&tp->t_self),
                      ItemPointerGetOffsetNumber(&tp->t_self), HEAP_TUPLE_LOCK_MODE);
            *have_tuple_lock = true;
        }
        XactLockTableWait(xwait);
        LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
    }

    if (result == TM_Ok && crosscheck != InvalidSnapshot &&
        !HeapTupleSatisfiesVisibility(tp, crosscheck, buffer))
        result = TM_Updated;

    return result;
}

static void
heap_release_tuple_lock(Relation relation, ItemPointer tid, bool have_tuple_lock)
{
    if (have_tuple_lock)
        UnlockTuple(RelationGetRelid(relation), ItemPointerGetBlockNumber(tid),
                    ItemPointerGetOffsetNumber(tid), HEAP_TUPLE_LOCK_MODE);
}

static void
heap_fill_failure(HeapTuple tp, TM_Result result, TM_FailureData *tmfd)
{
    if (tmfd == NULL)
        return;
    tmfd->ctid = tp->t_data->t_ctid;
    tmfd->xmax = HeapTupleHeaderGetRawXmax(tp->t_data);
    tmfd->cmax = result == TM_SelfModified ? HeapTupleHeaderGetCmax(tp->t_data)
                                           : InvalidCommandId;
}

/*
 * heap_delete
 *    Mark the tuple at tid deleted by the current transaction's command
 *    cid.  On anything but TM_Ok nothing changes and *tmfd describes the
 *    conflict (tmfd->ctid: the newer version for TM_Updated).  Returns
 *    holding no pin or lock.
 */
TM_Result
heap_delete(Relation relation, ItemPointer tid, CommandId cid,
            Snapshot crosscheck, bool wait, TM_FailureData *tmfd)
{
    TransactionId xid = GetCurrentTransactionId();
    HeapTupleData tp;
    Buffer      buffer;
    TM_Result   result;
    bool        have_tuple_lock = false;

    if (relation->relpersistence != RELPERSISTENCE_TEMP)   /* no durability needed */
        XactRegisterDirtiedRelation(relation->rd_node);

    buffer = ReadBuffer(relation->rd_node, ItemPointerGetBlockNumber(tid));
    LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
    heap_get_tuple_at(relation, buffer, tid, &tp, "delete");

    result = heap_lock_for_modify(relation, buffer, &tp, cid, crosscheck, wait, "delete",
                                  &have_tuple_lock);
    if (result != TM_Ok)
    {
        heap_fill_failure(&tp, result, tmfd);
        UnlockReleaseBuffer(buffer);
        heap_release_tuple_lock(relation, tid, have_tuple_lock);
        return result;
    }

    heap_set_xmax(tp.t_data, xid, cid, false);
    tp.t_data->t_ctid = tp.t_self;
    PageSetPrunable(BufferGetPage(buffer), xid);
    MarkBufferDirty(buffer);
    UnlockReleaseBuffer(buffer);
    heap_release_tuple_lock(relation, tid, have_tuple_lock);
    return TM_Ok;
}

/*
 * heap_update
 *    Replace the tuple at otid with newtup, as the current transaction's
 *    command cid.  newtup's header and t_self are set to the new version;
 *    the old version gets xmax = us and t_ctid = the new version's tid.
 *    On anything but TM_Ok nothing changes and *tmfd describes the
 *    conflict.  Returns holding no pin or lock.
 */
TM_Result
heap_update(Relation relation, ItemPointer otid, HeapTuple newtup,
            CommandId cid, Snapshot crosscheck, bool wait, TM_FailureData *tmfd)
{
    TransactionId xid = GetCurrentTransactionId();
    HeapTupleData oldtup;
    Buffer      buffer,
                newbuf;
    TM_Result   result;
    Size        newtupsize = MAXALIGN(newtup->t_len);
    bool        have_tuple_lock = false;
    ItemPointerData otid_copy = *otid;  /* otid may point into newtup */

    if (newtupsize > MaxHeapTupleSize)
        row_too_big(newtupsize);

    if (relation->relpersistence != RELPERSISTENCE_TEMP)   /* no durability needed */
        XactRegisterDirtiedRelation(relation->rd_node);

    buffer = ReadBuffer(relation->rd_node, ItemPointerGetBlockNumber(otid));
    LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
    heap_get_tuple_at(relation, buffer, otid, &oldtup, "update");

    result = heap_lock_for_modify(relation, buffer, &oldtup, cid, crosscheck, wait, "update",
                                  &have_tuple_lock);
    if (result != TM_Ok)
    {
        heap_fill_failure(&oldtup, result, tmfd);
        UnlockReleaseBuffer(buffer);
        heap_release_tuple_lock(relation, &otid_copy, have_tuple_lock);
        return result;
    }

    heap_prepare_tuple(relation, newtup, xid, cid);
    newtup->t_data->t_infomask |= HEAP_UPDATED;

    if (newtupsize <= PageGetHeapFreeSpace(BufferGetPage(buffer)))
        newbuf = buffer;
    else
    {
        /*
         * The new version goes elsewhere.  Lock the row as ours first, so
         * nobody else can update it while its page is unlocked; then lock
         * a page with room and the old page in block order.
         */
        heap_set_xmax(oldtup.t_data, xid, cid, true);
        MarkBufferDirty(buffer);
        LockBuffer(buffer, BUFFER_LOCK_UNLOCK);
        newbuf = RelationGetBufferForTuple(relation, newtup->t_len, buffer);
    }

    /* both pages exclusively locked: put the new version, retire the old */
    RelationPutHeapTuple(relation, newbuf, newtup);
    heap_set_xmax(oldtup.t_data, xid, cid, false);
    oldtup.t_data->t_ctid = newtup->t_self;
    PageSetPrunable(BufferGetPage(buffer), xid);

    if (newbuf != buffer)
    {
        MarkBufferDirty(newbuf);
        UnlockReleaseBuffer(newbuf);
    }
    MarkBufferDirty(buffer);
    UnlockReleaseBuffer(buffer);
    heap_release_tuple_lock(relation, &otid_copy, have_tuple_lock);
    return TM_Ok;
}

/*
 * heap_lock_tuple
 *    Lock the row at tid for the current transaction (SELECT FOR
 *    UPDATE/SHARE): xmax = our xid with HEAP_XMAX_LOCK_ONLY, which hides
 *    the row from nobody but makes writers and other lockers wait for us.
 *    Every strength takes the one exclusive row lock (no multixacts: two
 *    FOR SHARE lockers of one row wait for each other, as FOR UPDATE ones
 *    do).  A row we already locked, updated or deleted needs nothing.
 *    With wait == false, a row locked or being changed by another
 *    in-progress transaction gives TM_WouldBlock.  TM_Updated/TM_Deleted
 *    fill *tmfd as heap_update does.  Returns holding no pin or lock.
 */
TM_Result
heap_lock_tuple(Relation relation, ItemPointer tid, CommandId cid, bool wait,
                TM_FailureData *tmfd)
{
    HeapTupleData tp;
    Buffer      buffer;
    TM_Result   result;
    bool        have_tuple_lock = false;
    TransactionId xid = GetCurrentTransactionId();

    buffer = ReadBuffer(relation->rd_node, ItemPointerGetBlockNumber(tid));
    LockBuffer(buffer, BUFFER_LOCK_EXCLUSIVE);
    heap_get_tuple_at(relation, buffer, tid, &tp, "lock");

    result = heap_lock_for_modify(relation, buffer, &tp, cid, InvalidSnapshot, wait, "lock",
                                  &have_tuple_lock);
    if (result == TM_BeingModified && !wait)
        result = TM_WouldBlock;
    if (result == TM_Ok && !XidIsCurrent(HeapTupleHeaderGetRawXmax(tp.t_data)))
    {
        heap_set_xmax(tp.t_data, xid, cid, true);
        MarkBufferDirty(buffer);
    }
    else if (result == TM_SelfModified)
        result = TM_Ok;         /* changed by an earlier command of ours: ours already */
    if (result != TM_Ok)
        heap_fill_failure(&tp, result, tmfd);
    UnlockReleaseBuffer(buffer);
    heap_release_tuple_lock(relation, tid, have_tuple_lock);
    return result;
}

/* ================================================================ simple_heap_* */

void
simple_heap_insert(Relation relation, HeapTuple tup)
{
    heap_insert(relation, tup, GetCurrentCommandId(true));
}

void
simple_heap_delete(Relation relation, ItemPointer tid)
{
    TM_FailureData tmfd;
    TM_Result   result;

    result = heap_delete(relation, tid, GetCurrentCommandId(true),
                         InvalidSnapshot, true, &tmfd);
    switch (result)
    {
        case TM_Ok:
            break;
        case TM_SelfModified:
            elog(ERROR, "tuple already updated by self");
            break;
        case TM_Updated:
            elog(ERROR, "tuple concurrently updated");
            break;
        case TM_Deleted:
            elog(ERROR, "tuple concurrently deleted");
            break;
        default:
            elog(ERROR, "unrecognized heap_delete status: %u", (unsigned) result);
    }
}

void
simple_heap_update(Relation relation, ItemPointer otid, HeapTuple tup)
{
    TM_FailureData tmfd;
    TM_Result   result;

    result = heap_update(relation, otid, tup, GetCurrentCommandId(true),
                         InvalidSnapshot, true, &tmfd);
    switch (result)
    {
        case TM_Ok:
            break;
        case TM_SelfModified:
            elog(ERROR, "tuple already updated by self");
            break;
        case TM_Updated:
            elog(ERROR, "tuple concurrently updated");
            break;
        case TM_Deleted:
            elog(ERROR, "tuple concurrently deleted");
            break;
        default:
            elog(ERROR, "unrecognized heap_update status: %u", (unsigned) result);
    }
}

/* ================================================================ storage */

/* Create the (empty) file of a new relation or of a new relfilenode (TRUNCATE). */
void
heap_create_storage(RelFileNode rnode)
{
    ForgetTargetBlock(rnode);
    smgrcreate(rnode, false);
}

/*
 * Remove a relation's storage: at commit of DROP TABLE (or of a TRUNCATE,
 * for the old relfilenode).  Its buffers are forgotten unwritten first, so
 * no later eviction writes into a file that no longer exists.
 */
void
heap_drop_storage(RelFileNode rnode)
{
    ForgetTargetBlock(rnode);
    DropRelFileNodeBuffers(rnode);
    smgrunlink(rnode);
}
