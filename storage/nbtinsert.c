/*-------------------------------------------------------------------------
 * nbtinsert.c
 *    Inserting into a B-tree: btinsert, the uniqueness check, page splits
 *    and new roots.
 *
 *    btinsert       the AM entry point (executor/execIndexing.c)
 *    _bt_doinsert   the same with the build's check mode (nbtree.c)
 *    btlockforinsert, btcheckconflict, btinsertlocked, btunlockforinsert
 *                   speculative insertion (INSERT ... ON CONFLICT)
 *
 * Everything here runs with the metapage buffer locked EXCLUSIVE (see
 * nbtree.c's header): one inserter per index at a time, and no reader
 * between its page changes, so a split may update the left page, the new
 * right page, the old right sibling's left link and the parent in any
 * order.  The lock is let go only to wait for a conflicting transaction
 * (then the whole insertion starts over) and before an ERROR is built.
 * A speculative inserter holds the lock of several indexes, and across
 * its heap_insert (see "speculative insertion" below).
 *
 * Splits: the items of the full page plus the new one are divided at the
 * point that balances the two halves' bytes, except when the new item
 * goes at the end of the rightmost page of its level (ascending keys,
 * index builds): then the left page is filled to a fill factor (90% on
 * leaves, 70% above) and the right page starts almost empty.  The left page
 * gets a high key equal to the first item of the right page (as a pivot,
 * with its heap TID); that pivot, pointing at the right page, goes into
 * the parent.  On an internal page the first item of the right half
 * becomes its minus-infinity item.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/nbtree_internal.h"
#include "storage/lmgr.h"
#include "storage/xact.h"

/* Rightmost splits of ascending loads keep this percentage in the left page. */
#define BTREE_LEAF_FILLFACTOR       90
#define BTREE_NONLEAF_FILLFACTOR    70

/* One item of a page being split (points into the old page's copy or the new tuple). */
typedef struct BTSplitItem
{
    BTTuple     tup;
    Size        size;               /* MAXALIGN'd, without the line pointer */
} BTSplitItem;

static void bt_insert_onpage(Relation index, Buffer buf, BTTuple tup, OffsetNumber off,
                             BlockNumber *stack, int depth);
static void bt_insert_locked(Relation index, BTTuple tup, const Datum *values,
                             const bool *isnull, ItemPointer htid);
static BTTuple bt_form_checked(Relation index, const Datum *values, const bool *isnull,
                               ItemPointer htid, Relation heap);

/* ================================================================ unique check */

/*
 * With the metapage locked exclusively: is there an entry with the same
 * key whose heap tuple is live, or being inserted/deleted by another
 * transaction?  Returns InvalidTransactionId and sets *conflict when a live
 * one exists; returns the xid to wait for when an in-progress one does.
 * Equal keys may continue on right siblings.
 */
static TransactionId
bt_check_unique(Relation index, const BTSearchKey *key, Relation heap,
                ItemPointer self, bool *conflict, ItemPointer conflict_tid)
{
    Buffer      buf = _bt_search(index, key, BUFFER_LOCK_SHARE, NULL, NULL);
    OffsetNumber off = _bt_binsrch(index, key, BufferGetPage(buf));

    *conflict = false;
    for (;;)
    {
        Page        page = BufferGetPage(buf);
        BTPageOpaque opaque = BTPageGetOpaque(page);
        OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
        BlockNumber next;

        for (; off <= maxoff; off++)
        {
            BTTuple     tup = (BTTuple) PageGetItem(page, PageGetItemId(page, off));
            SnapshotData dirty = {.snapshot_type = SNAPSHOT_DIRTY};
            HeapTupleData htup;
            Buffer      hbuf;

            if (_bt_compare_raw(index, key, tup) != 0)
            {
                UnlockReleaseBuffer(buf);
                return InvalidTransactionId;
            }
            ItemPointerSet(&htup.t_self, tup->t_blk, tup->t_off);
            if (self && ItemPointerEquals(&htup.t_self, self))
                continue;
            if (!heap_fetch(heap, &dirty, &htup, &hbuf))
                continue;           /* dead, or deleted by us */
            ReleaseBuffer(hbuf);
            if (TransactionIdIsValid(dirty.dirty_xmin) || TransactionIdIsValid(dirty.dirty_xmax))
            {
                UnlockReleaseBuffer(buf);
                return TransactionIdIsValid(dirty.dirty_xmin) ? dirty.dirty_xmin
                    : dirty.dirty_xmax;
            }
            UnlockReleaseBuffer(buf);
            *conflict = true;
            if (conflict_tid)
                *conflict_tid = htup.t_self;
            return InvalidTransactionId;
        }
        if (P_RIGHTMOST(opaque))
            break;
        /* the high key bounds this page; equal keys may go on to the right */
        next = opaque->btpo_next;
        UnlockReleaseBuffer(buf);
        buf = ReadBuffer(index->rd_node, next);
        LockBuffer(buf, BUFFER_LOCK_SHARE);
        _bt_checkpage(index, buf);
        off = P_FIRSTDATAKEY(BTPageGetOpaque(BufferGetPage(buf)));
    }
    UnlockReleaseBuffer(buf);
    return InvalidTransactionId;
}

/* ================================================================ insertion */

/*
 * The leaf tuple for (values, isnull) -> htid; ERROR 54000 when it is too
 * large to index (PostgreSQL's message).
 */
static BTTuple
bt_form_checked(Relation index, const Datum *values, const bool *isnull,
                ItemPointer htid, Relation heap)
{
    Size        pgsize;
    BTTuple     tup;

    if (index->rd_index == NULL)
        elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(index));
    tup = _bt_form_tuple(index, values, isnull, htid, &pgsize);
    if (pgsize > BTMaxItemSize)
        ereport(ERROR,
                (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                 errmsg("index row size %zu exceeds btree version %u maximum %zu for index \"%s\"",
                        pgsize, BTREE_VERSION, BTMaxItemSize, RelationGetRelationName(index)),
                 errdetail("Index row references tuple (%u,%u) in relation \"%s\".",
                           ItemPointerGetBlockNumber(htid), ItemPointerGetOffsetNumber(htid),
                           heap ? RelationGetRelationName(heap) : "?"),
                 errhint("Values larger than 1/3 of a buffer page cannot be indexed.\n"
                         "Consider a function index of an MD5 hash of the value, or use full text indexing.")));
    return tup;
}

void
btinsert(Relation index, Datum *values, bool *isnull,
         ItemPointer heap_tid, Relation heap, IndexUniqueCheck check)
{
    _bt_doinsert(index, values, isnull, heap_tid, heap,
                 check == UNIQUE_CHECK_YES ? BT_CHECK_INSERT : BT_CHECK_NONE);
}

void
_bt_doinsert(Relation index, const Datum *values, const bool *isnull,
             ItemPointer htid, Relation heap, BTCheckMode mode)
{
    RelationIndexData *rd = index->rd_index;
    BTTuple     tup = bt_form_checked(index, values, isnull, htid, heap);
    BTSearchKey key;
    Buffer      metabuf;

    /* NULLs are distinct from each other unless NULLS NOT DISTINCT */
    if (mode != BT_CHECK_NONE && !rd->nulls_not_distinct)
        for (int i = 0; i < rd->nkeyatts; i++)
            if (isnull[i])
                mode = BT_CHECK_NONE;

    for (;;)
    {
        metabuf = _bt_getmeta(index, BUFFER_LOCK_EXCLUSIVE);
        if (mode != BT_CHECK_NONE)
        {
            bool        conflict;
            TransactionId xwait;

            _bt_key_from_values(index, &key, values, isnull, NULL);
            xwait = bt_check_unique(index, &key, heap, htid, &conflict, NULL);
            if (TransactionIdIsValid(xwait))
            {
                UnlockReleaseBuffer(metabuf);
                XactLockTableWait(xwait);
                continue;
            }
            if (conflict)
            {
                char       *desc;

                UnlockReleaseBuffer(metabuf);
                desc = _bt_key_description(index, heap, values, isnull);
                if (mode == BT_CHECK_BUILD)
                    ereport(ERROR,
                            (errcode(ERRCODE_UNIQUE_VIOLATION),
                             errmsg("could not create unique index \"%s\"",
                                    RelationGetRelationName(index)),
                             errdetail("Key %s is duplicated.", desc)));
                ereport(ERROR,
                        (errcode(ERRCODE_UNIQUE_VIOLATION),
                         errmsg("duplicate key value violates unique constraint \"%s\"",
                                RelationGetRelationName(index)),
                         errdetail("Key %s already exists.", desc)));
            }
        }
        break;
    }

    bt_insert_locked(index, tup, values, isnull, htid);
    UnlockReleaseBuffer(metabuf);
    pfree(tup);
}

/*
 * Put tup (formed from values/isnull, pointing at htid) into its leaf,
 * splitting as needed.  The caller holds the tree lock (the metapage,
 * exclusive).
 */
static void
bt_insert_locked(Relation index, BTTuple tup, const Datum *values, const bool *isnull,
                 ItemPointer htid)
{
    BTSearchKey key;
    BlockNumber stack[BTREE_MAX_HEIGHT];
    int         depth;
    Buffer      buf;
    OffsetNumber off;

    _bt_key_from_values(index, &key, values, isnull, htid);
    buf = _bt_search(index, &key, BUFFER_LOCK_EXCLUSIVE, stack, &depth);
    off = _bt_binsrch(index, &key, BufferGetPage(buf));
    bt_insert_onpage(index, buf, tup, off, stack, depth);
    /* no WAL: the commit flushes the relations a transaction dirtied */
    XactRegisterDirtiedRelation(index->rd_node);
}

/* ================================================================ speculative insertion */

/*
 * INSERT ... ON CONFLICT (executor/execIndexing.c) checks its arbiter
 * indexes and inserts the heap tuple and its entries in those indexes as
 * one atomic step: it holds the tree lock of every arbiter index (taken in
 * OID order, the only place more than one tree lock is held) from the
 * conflict check until its entries are in.  No other inserter can add an
 * equal key in between, so a speculative insertion never has to be undone
 * (PostgreSQL inserts first and "super-deletes" the heap tuple when it
 * lost a race; with serialized inserters there is no race to lose).
 */
Buffer
btlockforinsert(Relation index)
{
    if (index->rd_index == NULL)
        elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(index));
    return _bt_getmeta(index, BUFFER_LOCK_EXCLUSIVE);
}

void
btunlockforinsert(Buffer lock)
{
    UnlockReleaseBuffer(lock);
}

TransactionId
btcheckconflict(Relation index, Datum *values, bool *isnull, Relation heap,
                ItemPointer conflict_tid)
{
    RelationIndexData *rd = index->rd_index;
    BTSearchKey key;
    bool        conflict;
    TransactionId xwait;

    ItemPointerSetInvalid(conflict_tid);
    if (!rd->nulls_not_distinct)
        for (int i = 0; i < rd->nkeyatts; i++)
            if (isnull[i])
                return InvalidTransactionId;    /* NULLs never conflict */
    _bt_key_from_values(index, &key, values, isnull, NULL);
    xwait = bt_check_unique(index, &key, heap, NULL, &conflict, conflict_tid);
    if (!conflict)
        ItemPointerSetInvalid(conflict_tid);
    return xwait;
}

void
btinsertlocked(Relation index, Datum *values, bool *isnull, ItemPointer heap_tid,
               Relation heap)
{
    BTTuple     tup = bt_form_checked(index, values, isnull, heap_tid, heap);

    bt_insert_locked(index, tup, values, isnull, heap_tid);
    pfree(tup);
}

/* ================================================================ splits */

/* Bytes on an empty page that items plus their line pointers may use. */
static inline Size
bt_itemspace(Size size)
{
    return MAXALIGN(size) + sizeof(ItemIdData);
}

static void
bt_additem(Relation index, Page page, BTTuple tup, OffsetNumber off)
{
    if (PageAddItem(page, tup, BTTupleSize(tup), off, false) == InvalidOffsetNumber)
        elog(ERROR, "failed to add item to block in index \"%s\"",
             RelationGetRelationName(index));
}

/*
 * Choose where the right half begins among items[0..n): 1 <= k < n, both
 * halves fitting.  Left: items[0..k) + a high key made from items[k];
 * right: items[k..n) (items[k] as minus infinity on internal pages) + the
 * old high key if there is one.
 */
static int
bt_choose_split(BTSplitItem *items, int n, bool leaf, bool rightmost, Size oldhikey,
                int newitem)
{
    Size        total = 0;
    Size        left = 0;
    int         best = -1;
    Size        bestdiff = 0;

    for (int i = 0; i < n; i++)
        total += bt_itemspace(items[i].size);
    for (int k = 1; k < n; k++)
    {
        Size        hikey = items[k].size + (BTTupleIsPivot(items[k].tup) ? 0 : BTPivotTidSize);
        Size        lsize,
                    rsize;
        Size        diff;

        left += bt_itemspace(items[k - 1].size);
        lsize = left + bt_itemspace(hikey);
        rsize = total - left + (oldhikey ? bt_itemspace(oldhikey) : 0);
        if (!leaf)
            rsize = rsize - bt_itemspace(items[k].size) + bt_itemspace(sizeof(BTTupleData));
        if (lsize > BT_PAGE_CAPACITY || rsize > BT_PAGE_CAPACITY)
            continue;
        /*
         * Ascending insertions at the right edge: fill the left page to the
         * fill factor (the largest such k wins), leaving room for a few
         * later out-of-order keys, as PostgreSQL does.
         */
        if (rightmost && newitem == n - 1)
        {
            Size        target = BT_PAGE_CAPACITY *
                (leaf ? BTREE_LEAF_FILLFACTOR : BTREE_NONLEAF_FILLFACTOR) / 100;

            if (lsize <= target || best < 0)
                best = k;
            continue;
        }
        diff = lsize > rsize ? lsize - rsize : rsize - lsize;
        if (best < 0 || diff < bestdiff)
        {
            best = k;
            bestdiff = diff;
        }
    }
    return best;
}

/*
 * Put the pivot for a new right page (its downlink in rightpivot) into
 * the parent stack[depth - 1], or make a new root above the old one.
 */
static void
bt_insert_parent(Relation index, Buffer leftbuf, BTTuple rightpivot,
                 BlockNumber *stack, int depth)
{
    Page        leftpage = BufferGetPage(leftbuf);
    BTPageOpaque lopaque = BTPageGetOpaque(leftpage);

    if (depth == 0)
    {
        /* the split page was the root: a new root above both */
        Buffer      metabuf = ReadBuffer(index->rd_node, BTREE_METAPAGE);
        BTMetaPageData *meta = BTPageGetMeta(BufferGetPage(metabuf));
        uint32      level = lopaque->btpo_level + 1;
        Buffer      rootbuf = _bt_newpage(index, level, BTP_ROOT);
        Page        rootpage = BufferGetPage(rootbuf);
        BTTuple     minus = _bt_make_minus_inf(BufferGetBlockNumber(leftbuf));

        /* the metapage is exclusively locked by _bt_doinsert (our caller) */
        bt_additem(index, rootpage, minus, P_HIKEY);
        bt_additem(index, rootpage, rightpivot, OffsetNumberNext(P_HIKEY));
        lopaque->btpo_flags &= ~BTP_ROOT;
        meta->btm_root = BufferGetBlockNumber(rootbuf);
        meta->btm_level = level;
        MarkBufferDirty(metabuf);
        MarkBufferDirty(leftbuf);
        ReleaseBuffer(metabuf);
        UnlockReleaseBuffer(rootbuf);
        pfree(minus);
        return;
    }
    else
    {
        Buffer      pbuf = ReadBuffer(index->rd_node, stack[depth - 1]);
        BTSearchKey key;
        OffsetNumber off;
        Datum       values[INDEX_MAX_KEYS];
        bool        isnull[INDEX_MAX_KEYS];
        ItemPointerData htid = _bt_tuple_htid(rightpivot);

        LockBuffer(pbuf, BUFFER_LOCK_EXCLUSIVE);
        _bt_checkpage(index, pbuf);
        _bt_deform(index, rightpivot, index->rd_index->nkeyatts, values, isnull);
        _bt_key_from_values(index, &key, values, isnull, &htid);
        off = _bt_binsrch(index, &key, BufferGetPage(pbuf));
        /* internal binsrch gives the pivot to descend into; insert after it */
        bt_insert_onpage(index, pbuf, rightpivot, OffsetNumberNext(off), stack, depth - 1);
    }
}

/*
 * Split the exclusively locked page in buf while inserting tup at off.
 * Leaves buf locked (the caller releases it).
 */
static void
bt_split(Relation index, Buffer buf, BTTuple tup, OffsetNumber off,
         BlockNumber *stack, int depth)
{
    Page        page = BufferGetPage(buf);
    BTPageOpaque opaque = BTPageGetOpaque(page);
    bool        leaf = P_ISLEAF(opaque);
    bool        rightmost = P_RIGHTMOST(opaque);
    OffsetNumber first = P_FIRSTDATAKEY(opaque);
    OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
    char       *origcopy = palloc(BLCKSZ);
    char       *leftcopy = palloc(BLCKSZ);
    BTSplitItem *items = palloc_array(BTSplitItem, maxoff + 2);
    BTTuple     oldhikey = NULL;
    int         n = 0,
                newitem = -1,
                k;
    Buffer      rbuf;
    Page        rpage;
    BTPageOpaque ropaque;
    BlockNumber rblk;
    BTTuple     hikey;
    BTTuple     rightpivot;

    memcpy(origcopy, page, BLCKSZ);
    if (!rightmost)
        oldhikey = (BTTuple) PageGetItem(origcopy, PageGetItemId(origcopy, P_HIKEY));
    for (OffsetNumber i = first; i <= maxoff + 1; i++)
    {
        if (i == off)
        {
            newitem = n;
            items[n].tup = tup;
            items[n++].size = BTTupleSize(tup);
        }
        if (i <= maxoff)
        {
            items[n].tup = (BTTuple) PageGetItem(origcopy, PageGetItemId(origcopy, i));
            items[n].size = BTTupleSize(items[n].tup);
            n++;
        }
    }
    k = bt_choose_split(items, n, leaf, rightmost,
                        oldhikey ? BTTupleSize(oldhikey) : 0, newitem);
    if (k < 0)
        elog(ERROR, "could not find a split point in index \"%s\"",
             RelationGetRelationName(index));

    /* the right page: items[k..n), with the old high key */
    rbuf = _bt_newpage(index, opaque->btpo_level, leaf ? BTP_LEAF : 0);
    rblk = BufferGetBlockNumber(rbuf);
    rpage = BufferGetPage(rbuf);
    ropaque = BTPageGetOpaque(rpage);
    ropaque->btpo_prev = BufferGetBlockNumber(buf);
    ropaque->btpo_next = opaque->btpo_next;
    if (oldhikey)
        bt_additem(index, rpage, oldhikey, P_HIKEY);
    for (int i = k; i < n; i++)
    {
        if (i == k && !leaf)
        {
            BTTuple     minus = _bt_make_minus_inf(items[k].tup->t_blk);

            bt_additem(index, rpage, minus, InvalidOffsetNumber);
            pfree(minus);
        }
        else
            bt_additem(index, rpage, items[i].tup, InvalidOffsetNumber);
    }

    /* the left page, rebuilt: new high key, items[0..k) */
    hikey = _bt_make_pivot(items[k].tup, InvalidBlockNumber);
    _bt_initpage(leftcopy, opaque->btpo_level, opaque->btpo_flags);
    BTPageGetOpaque(leftcopy)->btpo_prev = opaque->btpo_prev;
    BTPageGetOpaque(leftcopy)->btpo_next = rblk;
    bt_additem(index, leftcopy, hikey, P_HIKEY);
    for (int i = 0; i < k; i++)
        bt_additem(index, leftcopy, items[i].tup, InvalidOffsetNumber);
    memcpy(page, leftcopy, BLCKSZ);
    MarkBufferDirty(buf);

    /* the old right sibling's left link */
    if (!rightmost)
    {
        Buffer      sbuf = ReadBuffer(index->rd_node, ropaque->btpo_next);

        LockBuffer(sbuf, BUFFER_LOCK_EXCLUSIVE);
        _bt_checkpage(index, sbuf);
        BTPageGetOpaque(BufferGetPage(sbuf))->btpo_prev = rblk;
        MarkBufferDirty(sbuf);
        UnlockReleaseBuffer(sbuf);
    }
    UnlockReleaseBuffer(rbuf);

    /* on internal pages items[k] keeps its key here, moving up a level */
    rightpivot = _bt_make_pivot(items[k].tup, rblk);
    pfree(hikey);
    bt_insert_parent(index, buf, rightpivot, stack, depth);
    pfree(rightpivot);
    pfree(items);
    pfree(leftcopy);
    pfree(origcopy);
}

/*
 * Insert tup at off on the exclusively locked page in buf (a leaf, or the
 * parent level stack[depth - 1] ... during a split), splitting if it does
 * not fit.  Releases buf.
 */
static void
bt_insert_onpage(Relation index, Buffer buf, BTTuple tup, OffsetNumber off,
                 BlockNumber *stack, int depth)
{
    Page        page = BufferGetPage(buf);

    if (PageGetFreeSpace(page) >= MAXALIGN(BTTupleSize(tup)))
    {
        bt_additem(index, page, tup, off);
        MarkBufferDirty(buf);
    }
    else
        bt_split(index, buf, tup, off, stack, depth);
    UnlockReleaseBuffer(buf);
}
