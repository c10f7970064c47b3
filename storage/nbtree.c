/*-------------------------------------------------------------------------
 * nbtree.c
 *    The B-tree access method (storage/nbtree.h): design notes, and
 *    btbuild.  The work is split by purpose:
 *
 *    nbtpage.c    metapage, new pages, btbuildempty
 *    nbtutils.c   index tuple format, key comparison, error details
 *    nbtsearch.c  descent and scans (btbeginscan .. btendscan)
 *    nbtinsert.c  btinsert, uniqueness, page splits
 *
 * Structure (after Lehman & Yao, "Efficient Locking for Concurrent
 * Operations on B-Trees", 1981, and PostgreSQL's src/backend/access/
 * nbtree/README): block 0 is a metapage naming the root; every level is
 * a doubly linked list of pages; a page that is not the rightmost of its
 * level starts with a high key, an upper bound of its keys; internal
 * pages hold (pivot key, downlink) items, the first with a minus-infinity
 * key.  Entries are ordered by (key columns, heap TID), so every entry is
 * distinct and pivots carry the heap TID too (PostgreSQL's version 4
 * "heapkeyspace").  No page is ever deleted or reused (there is no VACUUM
 * yet): entries of dead heap tuples stay, and scans return them for the
 * caller's heap_fetch to reject.
 *
 * LOCKING INVARIANT (the whole concurrency story):
 *
 *  - The metapage buffer's content lock is the tree lock.  An inserter
 *    holds it EXCLUSIVE for the whole insertion: descent, uniqueness
 *    check, page splits up to a new root.  It lets go early only to wait
 *    for another transaction (XactLockTableWait; then it starts over from
 *    the top) or before raising a uniqueness ERROR.  INSERT ... ON
 *    CONFLICT holds the tree locks of all its arbiter indexes (OID order)
 *    from their conflict check across its heap_insert to their entries
 *    (nbtinsert.c, executor/execIndexing.c).
 *  - A reader holds it SHARE only while descending to its start leaf or
 *    stepping to a sibling, and while copying the matching items of that
 *    one leaf page into its private array.  With the items it records the
 *    page's right and left links AS READ.  Between btgettuple calls a scan
 *    holds no lock and no pin.
 *  - Page content locks are still taken as bufmgr.h requires (share to
 *    read, exclusive to change); under the tree lock they never wait on
 *    another B-tree operation.  Lock order: metapage, then pages top-down
 *    and left-to-right; a heap page (uniqueness check) last.
 *
 *  Why a scan stays correct when the index changes between its calls: a
 *  split moves the upper part of a page P into a new page P' linked in
 *  between P and its old right sibling R.  A forward scan that already
 *  copied P continues at R, the right link it recorded: P' holds only
 *  items it already returned (plus entries added after it read P, which
 *  are for heap tuples its snapshot cannot see, or for this command's own
 *  later changes, which it must not see either).  A backward scan leaving
 *  P for its recorded left link L first moves right from L until it finds
 *  the page whose right link is P again, so it sees every page that L
 *  split into.  Pages never disappear, so recorded links stay valid.
 *
 *  Departure from PostgreSQL: PostgreSQL locks single pages and lets
 *  inserters on different leaves and readers run in parallel (move-right
 *  on concurrent splits, incomplete-split flags, page-level predicate
 *  locks).  Here inserters of one index are serialized and a reader
 *  excludes inserters for the time it reads one leaf; there is no WAL.
 *
 * btbuild inserts every heap tuple through the same insertion code (an
 * ascending load packs pages, see nbtinsert.c); memory stays bounded by
 * one tuple.  Tuples not visible to a dirty snapshot (deleted, or
 * inserted by an aborted transaction) are indexed too but take no part
 * in the uniqueness check, as PostgreSQL indexes recently dead tuples.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "storage/nbtree_internal.h"

double
btbuild(Relation heap, Relation index)
{
    RelationIndexData *rd = index->rd_index;
    TupleDesc   hdesc = RelationGetDescr(heap);
    Datum      *hvalues = palloc_array(Datum, hdesc->natts);
    bool       *hisnull = palloc_array(bool, hdesc->natts);
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];
    MemoryContext tupcxt = AllocSetContextCreate(CurrentMemoryContext, "btbuild tuple");
    MemoryContext oldcxt;
    HeapScanDesc scan;
    HeapTuple   tuple;
    double      count = 0;

    if (rd == NULL)
        elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(index));
    scan = heap_beginscan(heap, SnapshotAny);
    while ((tuple = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        BTCheckMode mode = BT_CHECK_NONE;

        CHECK_FOR_INTERRUPTS();
        oldcxt = MemoryContextSwitchTo(tupcxt);
        if (rd->unique)
        {
            SnapshotData dirty = {.snapshot_type = SNAPSHOT_DIRTY};
            HeapTupleData htup;
            Buffer      hbuf;

            htup.t_self = tuple->t_self;
            if (heap_fetch(heap, &dirty, &htup, &hbuf))
            {
                ReleaseBuffer(hbuf);
                mode = BT_CHECK_BUILD;
            }
        }
        heap_deform_tuple(tuple, hdesc, hvalues, hisnull);
        for (int i = 0; i < rd->nkeyatts; i++)
        {
            int         attno = rd->heapattnos[i];

            if (attno < 1 || attno > hdesc->natts)
                elog(ERROR, "index \"%s\" column %d refers to invalid table column %d",
                     RelationGetRelationName(index), i + 1, attno);
            values[i] = hvalues[attno - 1];
            isnull[i] = hisnull[attno - 1];
        }
        _bt_doinsert(index, values, isnull, &tuple->t_self, heap, mode);
        MemoryContextSwitchTo(oldcxt);
        MemoryContextReset(tupcxt);
        count += 1;
    }
    heap_endscan(scan);
    MemoryContextDelete(tupcxt);
    pfree(hvalues);
    pfree(hisnull);
    return count;
}
