/*-------------------------------------------------------------------------
 * nbtsearch.c
 *    B-tree descent and ordered index scans.
 *
 *    _bt_search    root-to-leaf descent for a search key (caller holds the
 *                  metapage lock), optionally recording the path
 *    _bt_binsrch   position of a search key within one page
 *    btbeginscan, btrescan, btgettuple, btendscan
 *
 * A scan works a leaf page at a time (nbtree.c's header has the locking
 * invariant): under the metapage's share lock it positions on a leaf
 * (descent) or steps to a sibling, copies the heap TIDs of that page's
 * matching items into its private array (at most one page's worth,
 * BT_MAX_ITEMS_PER_PAGE), remembers the page's sibling links as read, and
 * lets every lock and pin go.  btgettuple then returns TIDs from the
 * array until it is exhausted and the next page is read.
 *
 * Scan keys: all are checked on every item (there is no redundant-key
 * elimination).  The start position comes from the keys on the leading
 * columns: equalities (or IS NULL) on a prefix, then at most one bound in
 * the scan direction.  A key stops the scan when it fails on an item that
 * lies beyond its argument in the scan direction and every earlier column
 * has an equality key: no later item can satisfy it.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/nbtree_internal.h"
#include "catalog/lsyscache.h"    /* BT*StrategyNumber */

typedef struct BTScanDescData
{
    Relation    index;
    int         nkeys;
    ScanKeyData *keys;              /* sorted by sk_attno */
    bool       *key_required;       /* every earlier column has an "=" key */
    bool        qual_ok;            /* false: some key can match nothing */
    bool        started;

    /* the page whose items are in items[] */
    BlockNumber curblk;             /* InvalidBlockNumber: none yet */
    BlockNumber nextblk;            /* its right link as read */
    BlockNumber prevblk;            /* its left link as read */
    bool        moreLeft;           /* false: nothing matches further left */
    bool        moreRight;
    int         firstItem;
    int         lastItem;           /* firstItem > lastItem: none */
    int         itemIndex;
    ItemPointerData items[BT_MAX_ITEMS_PER_PAGE];
} BTScanDescData;

/* ================================================================ descent */

/*
 * First offset whose tuple the key sorts before (maxoff + 1 if none), on
 * a leaf; on an internal page, the offset of the pivot whose child to
 * descend into (the last one the key does not sort before).
 */
OffsetNumber
_bt_binsrch(Relation index, const BTSearchKey *key, Page page)
{
    BTPageOpaque opaque = BTPageGetOpaque(page);
    OffsetNumber low = P_FIRSTDATAKEY(opaque);
    OffsetNumber high = PageGetMaxOffsetNumber(page) + 1;

    /* internal pages: the minus-infinity first item is never after the key */
    if (!P_ISLEAF(opaque))
        low = OffsetNumberNext(low);
    /* invariant: key after every item < low, before every item >= high */
    while (low < high)
    {
        OffsetNumber mid = low + (high - low) / 2;

        if (_bt_compare(index, key, page, mid) < 0)
            high = mid;
        else
            low = mid + 1;
    }
    if (P_ISLEAF(opaque))
        return low;
    return OffsetNumberPrev(low);
}

/*
 * Descend from the root to the leaf where key belongs.  The caller holds
 * the metapage buffer (metabuf) locked, which keeps the tree's shape
 * fixed.  Returns the leaf pinned and locked with access; if stack is not
 * NULL, stack[0..*depth-1] are the internal pages passed, root first.
 */
Buffer
_bt_search(Relation index, const BTSearchKey *key, int access,
           BlockNumber *stack, int *depth)
{
    Buffer      metabuf = ReadBuffer(index->rd_node, BTREE_METAPAGE);
    BlockNumber blkno = BTPageGetMeta(BufferGetPage(metabuf))->btm_root;
    int         level = 0;

    /* the caller's lock on the metapage keeps btm_root stable */
    ReleaseBuffer(metabuf);
    for (;;)
    {
        Buffer      buf = ReadBuffer(index->rd_node, blkno);
        Page        page;
        BTPageOpaque opaque;
        OffsetNumber off;
        BTTuple     pivot;

        LockBuffer(buf, BUFFER_LOCK_SHARE);
        _bt_checkpage(index, buf);
        page = BufferGetPage(buf);
        opaque = BTPageGetOpaque(page);
        if (P_ISLEAF(opaque))
        {
            if (access == BUFFER_LOCK_EXCLUSIVE)
            {
                /* no one can change it meanwhile: the metapage lock is ours */
                LockBuffer(buf, BUFFER_LOCK_UNLOCK);
                LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
            }
            if (depth)
                *depth = level;
            return buf;
        }
        if (level >= BTREE_MAX_HEIGHT)
        {
            UnlockReleaseBuffer(buf);
            elog(ERROR, "index \"%s\" is deeper than %d levels",
                 RelationGetRelationName(index), BTREE_MAX_HEIGHT);
        }
        if (stack)
            stack[level] = blkno;
        level++;
        off = _bt_binsrch(index, key, page);
        pivot = (BTTuple) PageGetItem(page, PageGetItemId(page, off));
        blkno = pivot->t_blk;
        UnlockReleaseBuffer(buf);
    }
}

/* ================================================================ scan keys */

/* Sort the keys by column (insertion sort: a handful at most) and classify. */
static void
bt_preprocess_keys(BTScanDescData *so)
{
    bool        has_eq[INDEX_MAX_KEYS + 1];

    for (int i = 1; i < so->nkeys; i++)
    {
        ScanKeyData k = so->keys[i];
        int         j = i - 1;

        while (j >= 0 && so->keys[j].sk_attno > k.sk_attno)
        {
            so->keys[j + 1] = so->keys[j];
            j--;
        }
        so->keys[j + 1] = k;
    }
    memset(has_eq, 0, sizeof has_eq);
    so->qual_ok = true;
    for (int i = 0; i < so->nkeys; i++)
    {
        ScanKey     k = &so->keys[i];

        if (k->sk_attno < 1 || k->sk_attno > so->index->rd_index->nkeyatts)
            elog(ERROR, "invalid index scan key column %d", k->sk_attno);
        if ((k->sk_flags & SK_ISNULL) &&
            !(k->sk_flags & (SK_SEARCHNULL | SK_SEARCHNOTNULL)))
            so->qual_ok = false;    /* "col op NULL" matches nothing */
        if ((k->sk_flags & SK_SEARCHNULL) ||
            (!(k->sk_flags & SK_ISNULL) && k->sk_strategy == BTEqualStrategyNumber))
            has_eq[k->sk_attno] = true;
    }
    for (int i = 0; i < so->nkeys; i++)
    {
        bool        req = true;

        for (int c = 1; c < so->keys[i].sk_attno; c++)
            req = req && has_eq[c];
        so->key_required[i] = req;
    }
}

/*
 * Build the start position for a scan in direction dir from the keys.
 * Forward: the first item >= (or > for a strict bound) the key; backward:
 * the last item <= (or <) it, found as the item before the first one the
 * key sorts before.
 */
static void
bt_start_key(BTScanDescData *so, ScanDirection dir, BTSearchKey *key)
{
    RelationIndexData *rd = so->index->rd_index;
    bool        strict = false;
    int         col;

    key->nkeys = 0;
    key->has_htid = false;
    for (col = 1; col <= rd->nkeyatts; col++)
    {
        bool        desc = (rd->indoption[col - 1] & INDOPTION_DESC) != 0;
        ScanKey     eq = NULL,
                    bound = NULL;

        for (int i = 0; i < so->nkeys; i++)
        {
            ScanKey     k = &so->keys[i];
            int         s = k->sk_strategy;
            bool        lower;      /* a bound from below in index order */

            if (k->sk_attno != col)
                continue;
            if (k->sk_flags & SK_SEARCHNULL)
            {
                eq = k;
                break;
            }
            if (k->sk_flags & SK_ISNULL)
                continue;           /* IS NOT NULL: a filter only */
            if (s == BTEqualStrategyNumber)
            {
                eq = k;
                break;
            }
            lower = (s == BTGreaterStrategyNumber || s == BTGreaterEqualStrategyNumber) != desc;
            if (bound == NULL && lower == (dir == ForwardScanDirection))
                bound = k;
        }
        if (eq == NULL && bound == NULL)
            break;
        key->values[col - 1] = (eq ? eq : bound)->sk_argument;
        key->isnull[col - 1] = (eq != NULL && (eq->sk_flags & SK_SEARCHNULL) != 0);
        key->funcs[col - 1] = (eq ? eq : bound)->sk_func;
        key->collations[col - 1] = (eq ? eq : bound)->sk_collation;
        key->nkeys = col;
        if (eq == NULL)
        {
            strict = (bound->sk_strategy == BTLessStrategyNumber ||
                      bound->sk_strategy == BTGreaterStrategyNumber);
            break;
        }
    }
    /* ties: forward skips them only for a strict bound, backward keeps them unless strict */
    key->nextkey = (dir == ForwardScanDirection) ? strict : !strict;
    /* an IS NULL key may come without a proc: NULL comparisons never call it */
    for (int i = 0; i < key->nkeys; i++)
        if (key->funcs[i] == NULL)
            key->funcs[i] = &rd->cmpproc[i];
}

/*
 * Does the item (its key columns deformed) satisfy every key?  Clears
 * *continuescan when no later item in direction dir can.
 */
static bool
bt_checkkeys(BTScanDescData *so, ScanDirection dir, const Datum *values,
             const bool *isnull, bool *continuescan)
{
    RelationIndexData *rd = so->index->rd_index;

    for (int i = 0; i < so->nkeys; i++)
    {
        ScanKey     k = &so->keys[i];
        int         col = k->sk_attno - 1;
        bool        nulls_first = (rd->indoption[col] & INDOPTION_NULLS_FIRST) != 0;
        bool        pass;
        int         icmp;           /* item vs. argument, in index order */

        if (k->sk_flags & SK_SEARCHNULL)
        {
            pass = isnull[col];
            icmp = nulls_first ? 1 : -1;    /* a non-NULL item vs. NULL */
        }
        else if (k->sk_flags & SK_SEARCHNOTNULL)
        {
            pass = !isnull[col];
            icmp = nulls_first ? -1 : 1;
        }
        else if (isnull[col])
        {
            pass = false;
            icmp = nulls_first ? -1 : 1;
        }
        else
        {
            int32       cmp = DatumGetInt32(FunctionCall2Coll(k->sk_func, k->sk_collation,
                                                              values[col], k->sk_argument));

            switch (k->sk_strategy)
            {
                case BTLessStrategyNumber: pass = cmp < 0; break;
                case BTLessEqualStrategyNumber: pass = cmp <= 0; break;
                case BTEqualStrategyNumber: pass = cmp == 0; break;
                case BTGreaterEqualStrategyNumber: pass = cmp >= 0; break;
                case BTGreaterStrategyNumber: pass = cmp > 0; break;
                default:
                    elog(ERROR, "invalid btree strategy number %d", k->sk_strategy);
            }
            icmp = (cmp > 0) ? 1 : (cmp < 0) ? -1 : 0;
            if (rd->indoption[col] & INDOPTION_DESC)
                icmp = -icmp;
        }
        if (pass)
            continue;
        if (so->key_required[i] &&
            ((dir == ForwardScanDirection && icmp > 0) ||
             (dir == BackwardScanDirection && icmp < 0)))
            *continuescan = false;
        return false;
    }
    return true;
}

/* ================================================================ reading pages */

/* Key columns the keys look at: the items are deformed that far. */
static int
bt_natts_needed(BTScanDescData *so)
{
    return so->nkeys > 0 ? so->keys[so->nkeys - 1].sk_attno : 0;
}

/*
 * Copy the matching items of the locked leaf page in buf, starting at
 * offset off and moving in dir, into so->items (in index order).  Records
 * the page and its links.  Returns whether any item matched.
 */
static bool
bt_readpage(BTScanDescData *so, ScanDirection dir, Buffer buf, OffsetNumber off)
{
    Relation    index = so->index;
    Page        page = BufferGetPage(buf);
    BTPageOpaque opaque = BTPageGetOpaque(page);
    OffsetNumber minoff = P_FIRSTDATAKEY(opaque);
    OffsetNumber maxoff = PageGetMaxOffsetNumber(page);
    int         natts = bt_natts_needed(so);
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];
    bool        cont = true;

    so->curblk = BufferGetBlockNumber(buf);
    so->nextblk = opaque->btpo_next;
    so->prevblk = opaque->btpo_prev;
    so->moreLeft = so->moreRight = true;

    if (dir == ForwardScanDirection)
    {
        int         n = 0;

        for (; off <= maxoff && cont; off++)
        {
            BTTuple     tup = (BTTuple) PageGetItem(page, PageGetItemId(page, off));

            if (off < minoff)
                continue;
            if (natts > 0)
                _bt_deform(index, tup, natts, values, isnull);
            if (bt_checkkeys(so, dir, values, isnull, &cont))
            {
                ItemPointerSet(&so->items[n], tup->t_blk, tup->t_off);
                n++;
            }
        }
        if (!cont)
            so->moreRight = false;
        so->firstItem = 0;
        so->lastItem = n - 1;
        so->itemIndex = 0;
    }
    else
    {
        int         n = BT_MAX_ITEMS_PER_PAGE;

        if (off > maxoff)
            off = maxoff;
        for (; off >= minoff && cont; off--)
        {
            BTTuple     tup = (BTTuple) PageGetItem(page, PageGetItemId(page, off));

            if (natts > 0)
                _bt_deform(index, tup, natts, values, isnull);
            if (bt_checkkeys(so, dir, values, isnull, &cont))
            {
                n--;
                ItemPointerSet(&so->items[n], tup->t_blk, tup->t_off);
            }
        }
        if (!cont)
            so->moreLeft = false;
        so->firstItem = n;
        so->lastItem = BT_MAX_ITEMS_PER_PAGE - 1;
        so->itemIndex = so->lastItem;
    }
    return so->firstItem <= so->lastItem;
}

/*
 * Read the leaf at blkno (forward: from its first item; backward: the one
 * left of the page we came from, found by moving right from the recorded
 * left link until the page whose right link is that page -- it may have
 * split since).  Takes and releases the metapage's share lock.
 */
static bool
bt_readsibling(BTScanDescData *so, ScanDirection dir)
{
    Relation    index = so->index;
    Buffer      metabuf = _bt_getmeta(index, BUFFER_LOCK_SHARE);
    BlockNumber from = so->curblk;
    BlockNumber blkno = (dir == ForwardScanDirection) ? so->nextblk : so->prevblk;
    Buffer      buf;
    bool        found;

    for (;;)
    {
        BTPageOpaque opaque;

        buf = ReadBuffer(index->rd_node, blkno);
        LockBuffer(buf, BUFFER_LOCK_SHARE);
        _bt_checkpage(index, buf);
        opaque = BTPageGetOpaque(BufferGetPage(buf));
        if (dir == ForwardScanDirection || opaque->btpo_next == from)
            break;
        if (P_RIGHTMOST(opaque))
        {
            UnlockReleaseBuffer(buf);
            UnlockReleaseBuffer(metabuf);
            (void) PAGE_CORRUPT_BKPT("B-tree left sibling chain broken");
            ereport(ERROR,
                    (errcode(ERRCODE_INDEX_CORRUPTED),
                     errmsg("could not find left sibling of block %u in index \"%s\"",
                            from, RelationGetRelationName(index))));
        }
        blkno = opaque->btpo_next;
        UnlockReleaseBuffer(buf);
    }
    found = bt_readpage(so, dir, buf,
                        dir == ForwardScanDirection ? P_HIKEY : MaxOffsetNumber);
    UnlockReleaseBuffer(buf);
    UnlockReleaseBuffer(metabuf);
    return found;
}

/* Move to the next page in dir that has matching items; false at the end. */
static bool
bt_steppage(BTScanDescData *so, ScanDirection dir)
{
    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        if (dir == ForwardScanDirection)
        {
            if (!so->moreRight || so->nextblk == P_NONE)
                return false;
        }
        else
        {
            if (!so->moreLeft || so->prevblk == P_NONE)
                return false;
        }
        if (bt_readsibling(so, dir))
            return true;
    }
}

/* Position the scan: descend to the start leaf and read it. */
static bool
bt_first(BTScanDescData *so, ScanDirection dir)
{
    BTSearchKey key;
    Buffer      metabuf;
    Buffer      buf;
    OffsetNumber off;
    bool        found;

    bt_start_key(so, dir, &key);
    metabuf = _bt_getmeta(so->index, BUFFER_LOCK_SHARE);
    buf = _bt_search(so->index, &key, BUFFER_LOCK_SHARE, NULL, NULL);
    off = _bt_binsrch(so->index, &key, BufferGetPage(buf));
    if (dir == BackwardScanDirection)
        off = OffsetNumberPrev(off);
    found = bt_readpage(so, dir, buf, off);
    UnlockReleaseBuffer(buf);
    UnlockReleaseBuffer(metabuf);
    return found || bt_steppage(so, dir);
}

/* ================================================================ the API */

IndexScanDesc
btbeginscan(Relation index, int nkeys, ScanKey keys)
{
    BTScanDescData *so = palloc0_object(BTScanDescData);

    if (index->rd_index == NULL)
        elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(index));
    so->index = index;
    so->nkeys = nkeys;
    so->keys = palloc_array(ScanKeyData, nkeys > 0 ? nkeys : 1);
    so->key_required = palloc_array(bool, nkeys > 0 ? nkeys : 1);
    btrescan(so, keys);
    return so;
}

void
btrescan(IndexScanDesc scan, ScanKey keys)
{
    BTScanDescData *so = scan;

    if (so->nkeys > 0)
        memcpy(so->keys, keys, so->nkeys * sizeof(ScanKeyData));
    bt_preprocess_keys(so);
    so->started = false;
    so->curblk = InvalidBlockNumber;
    so->firstItem = 0;
    so->lastItem = -1;
    so->itemIndex = 0;
}

bool
btgettuple(IndexScanDesc scan, ScanDirection dir, ItemPointer tid)
{
    BTScanDescData *so = scan;

    if (!so->qual_ok || dir == NoMovementScanDirection)
        return false;
    if (!so->started)
    {
        so->started = true;
        if (!bt_first(so, dir))
            return false;
    }
    else if (dir == ForwardScanDirection)
    {
        if (++so->itemIndex > so->lastItem)
        {
            if (!bt_steppage(so, dir))
            {
                so->itemIndex = so->lastItem + 1;
                return false;
            }
        }
    }
    else
    {
        if (--so->itemIndex < so->firstItem)
        {
            if (!bt_steppage(so, dir))
            {
                so->itemIndex = so->firstItem - 1;
                return false;
            }
        }
    }
    *tid = so->items[so->itemIndex];
    return true;
}

void
btendscan(IndexScanDesc scan)
{
    BTScanDescData *so = scan;

    pfree(so->keys);
    pfree(so->key_required);
    pfree(so);
}
