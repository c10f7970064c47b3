/*-------------------------------------------------------------------------
 * nbtree_internal.h
 *    Private to the B-tree (storage/nbt*.c): page layout, index tuple
 *    format, search keys and the functions the nbt files share.  Nothing
 *    outside storage/nbt*.c includes this; the public contract is
 *    storage/nbtree.h.
 *
 * Files:
 *    nbtree.c     header essay (locking invariant), btbuild
 *    nbtpage.c    metapage, page allocation and initialization
 *    nbtutils.c   index tuple forming/deforming, key comparison, error
 *                 key descriptions
 *    nbtsearch.c  descent, ordered scans (btbeginscan .. btendscan)
 *    nbtinsert.c  btinsert: unique check, insertion, page splits
 *-------------------------------------------------------------------------
 */
#ifndef NBTREE_INTERNAL_H
#define NBTREE_INTERNAL_H

#include "storage/nbtree.h"
#include "procs/fmgr.h"

/* ---------------------------------------------------------------- pages
 *
 * Block 0 is the metapage.  Every other page is a slotted page
 * (storage/page.h) with a BTPageOpaqueData special area.  On a page that
 * is not the rightmost of its level, item 1 (P_HIKEY) is the high key: a
 * pivot tuple that is >= every key on the page and equal to the first key
 * of the right sibling at the time of the split.  Data items follow in
 * (key, heap TID) order.  On internal pages the first data item is a
 * "minus infinity" pivot (no key columns): its downlink leads to the
 * child holding everything below the next pivot.
 */
#define BTREE_METAPAGE  0
#define BTREE_MAGIC     0x053162
#define BTREE_VERSION   4           /* as PostgreSQL's messages say */
#define P_NONE          0           /* no sibling (block 0 is the metapage) */

typedef struct BTMetaPageData
{
    uint32      btm_magic;
    uint32      btm_version;
    BlockNumber btm_root;           /* current root page */
    uint32      btm_level;          /* its level (0: the root is a leaf) */
} BTMetaPageData;

#define BTPageGetMeta(page) ((BTMetaPageData *) PageGetContents(page))

typedef struct BTPageOpaqueData
{
    BlockNumber btpo_prev;          /* left sibling, or P_NONE */
    BlockNumber btpo_next;          /* right sibling, or P_NONE */
    uint32      btpo_level;         /* 0 for leaves */
    uint16      btpo_flags;
    uint16      btpo_unused;
} BTPageOpaqueData;
typedef BTPageOpaqueData *BTPageOpaque;

#define BTP_LEAF    0x0001
#define BTP_ROOT    0x0002
#define BTP_META    0x0008

#define BTPageGetOpaque(page) ((BTPageOpaque) PageGetSpecialPointer(page))
#define P_ISLEAF(op)        (((op)->btpo_flags & BTP_LEAF) != 0)
#define P_RIGHTMOST(op)     ((op)->btpo_next == P_NONE)
#define P_LEFTMOST(op)      ((op)->btpo_prev == P_NONE)
#define P_HIKEY             ((OffsetNumber) 1)
#define P_FIRSTDATAKEY(op)  (P_RIGHTMOST(op) ? P_HIKEY : OffsetNumberNext(P_HIKEY))

/* Bytes available for items and line pointers on an empty B-tree page. */
#define BT_PAGE_CAPACITY \
    (BLCKSZ - SizeOfPageHeaderData - MAXALIGN(sizeof(BTPageOpaqueData)))

/* Levels a descent may pass through (fan-out is >= 2, blocks < 2^32). */
#define BTREE_MAX_HEIGHT 40

/* ---------------------------------------------------------------- tuples
 *
 * Index tuple (8-byte header, like PostgreSQL's IndexTupleData):
 *
 *    t_blk, t_off     leaf: the heap TID.  Pivot (internal items, high
 *                     keys): t_blk = downlink (child block; unused in high
 *                     keys), t_off = 0 for the minus-infinity pivot
 *                     (no key columns, no heap TID), 1 for a pivot with
 *                     all nkeyatts key columns.
 *    t_info           total size (BTT_SIZE_MASK) | BTT_NULLS | BTT_PIVOT
 *    [uint32 null bitmap, bit i set = column i+1 NULL]   if BTT_NULLS
 *    data             at MAXALIGN(header [+ bitmap]); columns laid out as
 *                     in a heap tuple (attalign, attlen, 4-byte varlena
 *                     headers), NULL columns take no space
 *    [heap TID]       pivots with keys only: the last BTPivotTidSize bytes
 *                     hold the separator's heap TID, so pivots order by the
 *                     full (key, TID) and every entry of the tree is
 *                     distinct
 *
 * Tuples are MAXALIGN'd in size and on the page.  Leaf tuple sizes equal
 * PostgreSQL's for the same values when varlenas are long, so the
 * "index row size" error reports the same number.
 */
typedef struct BTTupleData
{
    uint32      t_blk;
    uint16      t_off;
    uint16      t_info;
} BTTupleData;
typedef BTTupleData *BTTuple;

#define BTT_SIZE_MASK   0x1FFF
#define BTT_PIVOT       0x2000
#define BTT_NULLS       0x8000
#define BTTupleSize(t)      ((Size) ((t)->t_info & BTT_SIZE_MASK))
#define BTTupleIsPivot(t)   (((t)->t_info & BTT_PIVOT) != 0)
#define BTTupleIsMinusInf(t) (BTTupleIsPivot(t) && (t)->t_off == 0)
#define BTPivotTidSize      MAXALIGN(sizeof(uint32) + sizeof(uint16))

/*
 * PostgreSQL's limit for a leaf tuple (8 KB pages), reported in its
 * message; with Basalt's larger page header a page still holds a high key
 * plus two such tuples, which is what page splits need.
 */
#define BTMaxItemSize   ((Size) 2704)

/* Line pointers an index page can have (every tuple is >= 8 bytes). */
#define BT_MAX_ITEMS_PER_PAGE \
    ((int) (BT_PAGE_CAPACITY / (sizeof(BTTupleData) + sizeof(ItemIdData))))

/* ---------------------------------------------------------------- search keys
 *
 * A position in key space: "the leading nkeys columns compared with
 * values[] (func(tuple value, key value) -> int4), then the heap TID if
 * has_htid".  When all nkeys columns tie and there is no TID, nextkey
 * decides: false places the key before the tied tuples (search for the
 * first tuple >= key), true after them (first tuple > key).
 */
typedef struct BTSearchKey
{
    int         nkeys;
    bool        nextkey;
    bool        has_htid;
    ItemPointerData htid;
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];
    FmgrInfo   *funcs[INDEX_MAX_KEYS];
    Oid         collations[INDEX_MAX_KEYS];
} BTSearchKey;

/* nbtpage.c */
extern void _bt_initpage(Page page, uint32 level, uint16 flags);
extern Buffer _bt_newpage(Relation index, uint32 level, uint16 flags);
extern Buffer _bt_getmeta(Relation index, int lockmode);
extern void _bt_checkpage(Relation index, Buffer buf);

/* nbtutils.c */
extern BTTuple _bt_form_tuple(Relation index, const Datum *values, const bool *isnull,
                              ItemPointer htid, Size *pgsize_out);
extern BTTuple _bt_make_pivot(BTTuple src, BlockNumber downlink);
extern BTTuple _bt_make_minus_inf(BlockNumber downlink);
extern void _bt_deform(Relation index, BTTuple tup, int natts, Datum *values, bool *isnull);
extern ItemPointerData _bt_tuple_htid(BTTuple tup);
extern int  _bt_compare_column(Relation index, int col, FmgrInfo *func, Oid collation,
                               Datum keyval, bool keynull, Datum tupval, bool tupnull);
extern void _bt_key_from_values(Relation index, BTSearchKey *key, const Datum *values,
                                const bool *isnull, ItemPointer htid);
extern int  _bt_compare_raw(Relation index, const BTSearchKey *key, BTTuple tup);
extern int  _bt_compare(Relation index, const BTSearchKey *key, Page page, OffsetNumber off);
extern char *_bt_key_description(Relation index, Relation heap, const Datum *values,
                                 const bool *isnull);

/* nbtsearch.c */
extern Buffer _bt_search(Relation index, const BTSearchKey *key, int access,
                         BlockNumber *stack, int *depth);
extern OffsetNumber _bt_binsrch(Relation index, const BTSearchKey *key, Page page);

/* nbtinsert.c */
typedef enum BTCheckMode
{
    BT_CHECK_NONE,
    BT_CHECK_INSERT,            /* 23505 duplicate key value violates ... */
    BT_CHECK_BUILD              /* 23505 could not create unique index ... */
} BTCheckMode;
extern void _bt_doinsert(Relation index, const Datum *values, const bool *isnull,
                         ItemPointer htid, Relation heap, BTCheckMode mode);

#endif /* NBTREE_INTERNAL_H */
