/*-------------------------------------------------------------------------
 * nbtpage.c
 *    B-tree page management: the metapage, new pages, page sanity checks,
 *    and btbuildempty (the storage of an empty index).
 *
 *    _bt_initpage     PageInit with the B-tree special area
 *    _bt_newpage      extend the index by one initialized page
 *    _bt_getmeta      pin and lock the metapage (the tree-wide lock, see
 *                     nbtree.c's header)
 *    btbuildempty     metapage + an empty root leaf
 *
 * Pages are never freed or reused (no VACUUM yet): the index only grows,
 * and a block once a B-tree page stays one, which is what lets a scan
 * follow a sibling link it read earlier.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/nbtree_internal.h"
#include "storage/xact.h"

void
_bt_initpage(Page page, uint32 level, uint16 flags)
{
    BTPageOpaque opaque;

    PageInit(page, BLCKSZ, sizeof(BTPageOpaqueData));
    opaque = BTPageGetOpaque(page);
    opaque->btpo_prev = P_NONE;
    opaque->btpo_next = P_NONE;
    opaque->btpo_level = level;
    opaque->btpo_flags = flags;
    opaque->btpo_unused = 0;
}

/*
 * Append a new page, initialized; returned pinned and exclusively locked
 * and already marked dirty.  The caller holds the metapage lock
 * exclusively, so index extension is serialized anyway.
 */
Buffer
_bt_newpage(Relation index, uint32 level, uint16 flags)
{
    Buffer      buf = ReadBufferExtend(index->rd_node);

    _bt_initpage(BufferGetPage(buf), level, flags);
    MarkBufferDirty(buf);
    return buf;
}

/* ERROR unless buf holds an initialized B-tree page (not the metapage). */
void
_bt_checkpage(Relation index, Buffer buf)
{
    Page        page = BufferGetPage(buf);

    if (PageIsNew(page) ||
        PageGetSpecialSize(page) != MAXALIGN(sizeof(BTPageOpaqueData)) ||
        (BTPageGetOpaque(page)->btpo_flags & BTP_META) != 0)
    {
        (void) PAGE_CORRUPT_BKPT("B-tree page without a valid special area");
        ereport(ERROR,
                (errcode(ERRCODE_INDEX_CORRUPTED),
                 errmsg("index \"%s\" contains corrupted page at block %u",
                        RelationGetRelationName(index), BufferGetBlockNumber(buf))));
    }
}

/*
 * Pin and lock (BUFFER_LOCK_SHARE or _EXCLUSIVE) the metapage, checking
 * that it is one.
 */
Buffer
_bt_getmeta(Relation index, int lockmode)
{
    Buffer      buf = ReadBuffer(index->rd_node, BTREE_METAPAGE);
    BTMetaPageData *meta;

    LockBuffer(buf, lockmode);
    meta = BTPageGetMeta(BufferGetPage(buf));
    if (meta->btm_magic != BTREE_MAGIC)
    {
        UnlockReleaseBuffer(buf);
        ereport(ERROR,
                (errcode(ERRCODE_INDEX_CORRUPTED),
                 errmsg("index \"%s\" is not a btree", RelationGetRelationName(index))));
    }
    if (meta->btm_version != BTREE_VERSION)
    {
        uint32      v = meta->btm_version;

        UnlockReleaseBuffer(buf);
        ereport(ERROR,
                (errcode(ERRCODE_INDEX_CORRUPTED),
                 errmsg("version mismatch in index \"%s\": file version %u, current version %u, minimal supported version %u",
                        RelationGetRelationName(index), v, BTREE_VERSION, BTREE_VERSION)));
    }
    return buf;
}

/*
 * btbuildempty
 *    The index's storage exists and is empty (new, or just truncated):
 *    write the metapage (block 0) and an empty root leaf (block 1).
 */
void
btbuildempty(Relation index)
{
    Buffer      metabuf;
    Buffer      rootbuf;
    Page        metapage;
    BTMetaPageData *meta;

    if (RelationGetNumberOfBlocksNode(index->rd_node) != 0)
        elog(ERROR, "index \"%s\" already contains data", RelationGetRelationName(index));

    metabuf = ReadBufferExtend(index->rd_node);     /* block 0 */
    Assert(BufferGetBlockNumber(metabuf) == BTREE_METAPAGE);
    metapage = BufferGetPage(metabuf);
    _bt_initpage(metapage, 0, BTP_META);
    meta = BTPageGetMeta(metapage);
    meta->btm_magic = BTREE_MAGIC;
    meta->btm_version = BTREE_VERSION;
    ((PageHeader) metapage)->pd_lower =
        (LocationIndex) ((char *) meta + sizeof(BTMetaPageData) - metapage);

    rootbuf = _bt_newpage(index, 0, BTP_LEAF | BTP_ROOT);
    meta->btm_root = BufferGetBlockNumber(rootbuf);
    meta->btm_level = 0;
    MarkBufferDirty(metabuf);
    UnlockReleaseBuffer(rootbuf);
    UnlockReleaseBuffer(metabuf);
    XactRegisterDirtiedRelation(index->rd_node);
}
