/*-------------------------------------------------------------------------
 * page.h
 *    The slotted 8 KB page every relation file is made of: header, line
 *    pointer array growing up, item storage growing down, optional special
 *    space at the end (B-tree sibling links and the like).
 *
 * Layout (PostgreSQL's bufpage.h, with a 64-bit pd_prune_xid):
 *
 *    +----------------+---------------------------------+
 *    | PageHeaderData | linp1 linp2 linp3 ...           |
 *    +-----------+----+---------------------------------+
 *    | ... linpN |                                      |
 *    +-----------+--------------------------------------+
 *    |           ^ pd_lower                             |
 *    |                                                  |
 *    |             v pd_upper                           |
 *    +-------------+------------------------------------+
 *    |             | itemN ...                          |
 *    +-------------+------------------+-----------------+
 *    |       ... item3 item2 item1    | "special space" |
 *    +--------------------------------+-----------------+
 *                                     ^ pd_special
 *
 * Invariants of a valid, initialized page (checked by PageIsVerified):
 *    SizeOfPageHeaderData <= pd_lower <= pd_upper <= pd_special <= BLCKSZ,
 *    pd_special is MAXALIGN'd, every item with storage lies inside
 *    [pd_upper, pd_special) and starts MAXALIGN'd.
 *  An all-zero page ("new": pd_upper == 0) is also valid: it is what an
 *  extension leaves behind when the system crashes before the page is
 *  first written, and callers PageInit it before use.
 *
 * Offset numbers are 1-based: line pointer i is pd_linp[i - 1].
 *
 * Checksums: pd_checksum is computed by pg_checksum_page just before the
 * buffer manager writes a page and verified just after it reads one (see
 * PageIsVerified).  Pages in memory do not keep a valid checksum.
 *
 * Locking: none here.  Page functions operate on a private copy or on a
 * shared buffer whose content lock the caller holds (exclusive to modify,
 * at least share to read) -- see bufmgr.h.
 *-------------------------------------------------------------------------
 */
#ifndef PAGE_H
#define PAGE_H

#include "backend/basalt.h"
#include "storage/htup.h"

typedef char *Page;
typedef char *Item;
typedef uint16 LocationIndex;

/* ---------------------------------------------------------------- line pointers
 * A line pointer (item id) is 4 bytes: offset of the item from the page
 * start, its state, and its length.
 *
 *  LP_UNUSED    free for reuse; lp_len == 0, lp_off == 0
 *  LP_NORMAL    in use; lp_len > 0, lp_off points at the item
 *  LP_REDIRECT  HOT redirect: lp_off is the offset number of the next
 *               line pointer in the chain, lp_len == 0
 *  LP_DEAD      dead; may or may not still have storage (lp_len > 0)
 */
typedef struct ItemIdData
{
    unsigned    lp_off:15,      /* offset to the item from page start */
                lp_flags:2,     /* LP_* state */
                lp_len:15;      /* byte length of the item */
} ItemIdData;
typedef ItemIdData *ItemId;

StaticAssertDecl(sizeof(ItemIdData) == 4, "ItemIdData must be 4 bytes");

#define LP_UNUSED   0
#define LP_NORMAL   1
#define LP_REDIRECT 2
#define LP_DEAD     3

#define ItemIdGetLength(itemId)     ((itemId)->lp_len)
#define ItemIdGetOffset(itemId)     ((itemId)->lp_off)
#define ItemIdGetFlags(itemId)      ((itemId)->lp_flags)
#define ItemIdGetRedirect(itemId)   ((OffsetNumber) (itemId)->lp_off)
#define ItemIdIsUsed(itemId)        ((itemId)->lp_flags != LP_UNUSED)
#define ItemIdIsNormal(itemId)      ((itemId)->lp_flags == LP_NORMAL)
#define ItemIdIsRedirected(itemId)  ((itemId)->lp_flags == LP_REDIRECT)
#define ItemIdIsDead(itemId)        ((itemId)->lp_flags == LP_DEAD)
#define ItemIdHasStorage(itemId)    ((itemId)->lp_len != 0)

#define ItemIdSetUnused(itemId) \
    ((itemId)->lp_flags = LP_UNUSED, (itemId)->lp_off = 0, (itemId)->lp_len = 0)
#define ItemIdSetNormal(itemId, off, len) \
    ((itemId)->lp_flags = LP_NORMAL, (itemId)->lp_off = (off), (itemId)->lp_len = (len))
#define ItemIdSetRedirect(itemId, link) \
    ((itemId)->lp_flags = LP_REDIRECT, (itemId)->lp_off = (link), (itemId)->lp_len = 0)
/* Dead without storage: PageRepairFragmentation may reclaim its space. */
#define ItemIdSetDead(itemId) \
    ((itemId)->lp_flags = LP_DEAD, (itemId)->lp_off = 0, (itemId)->lp_len = 0)
/* Dead but keeping its storage (index "killed" items). */
#define ItemIdMarkDead(itemId) ((itemId)->lp_flags = LP_DEAD)

/* ---------------------------------------------------------------- header */
typedef struct PageHeaderData
{
    XLogRecPtr  pd_lsn;         /* LSN of the last WAL record for this page */
    uint16      pd_checksum;    /* valid only on disk (see above) */
    uint16      pd_flags;       /* PD_* hint bits */
    LocationIndex pd_lower;     /* offset to start of free space */
    LocationIndex pd_upper;     /* offset to end of free space */
    LocationIndex pd_special;   /* offset to start of special space */
    uint16      pd_pagesize_version;    /* BLCKSZ | layout version */
    TransactionId pd_prune_xid; /* oldest unpruned xmax, or 0 */
    ItemIdData  pd_linp[];      /* line pointer array */
} PageHeaderData;
typedef PageHeaderData *PageHeader;

#define SizeOfPageHeaderData (offsetof(PageHeaderData, pd_linp))

/* pd_flags: hints only, never trusted for correctness */
#define PD_HAS_FREE_LINES   0x0001  /* some line pointer is LP_UNUSED */
#define PD_PAGE_FULL        0x0002  /* the last heap insert found no room */
#define PD_ALL_VISIBLE      0x0004  /* every tuple visible to everyone */
#define PD_VALID_FLAG_BITS  0x0007

/*
 * Basalt's layout differs from PostgreSQL's (64-bit pd_prune_xid and
 * transaction ids in tuples), so it carries its own version number: a
 * PostgreSQL data file is rejected by PageIsVerified rather than misread.
 */
#define PG_PAGE_LAYOUT_VERSION 0xB1

/* ---------------------------------------------------------------- limits */
#define MaxOffsetNumber ((OffsetNumber) (BLCKSZ / sizeof(ItemIdData)))
#define OffsetNumberIsValid(o) ((o) != InvalidOffsetNumber && (o) <= MaxOffsetNumber)
#define OffsetNumberNext(o) ((OffsetNumber) (1 + (o)))
#define OffsetNumberPrev(o) ((OffsetNumber) (-1 + (o)))

/* The largest heap tuple that fits on an empty page (one line pointer). */
#define MaxHeapTupleSize \
    (BLCKSZ - MAXALIGN(SizeOfPageHeaderData + sizeof(ItemIdData)))
#define MinHeapTupleSize MAXALIGN(SizeofHeapTupleHeader)
/* Bound on line pointers a heap page may have: every tuple is >= Min size. */
#define MaxHeapTuplesPerPage \
    ((int) ((BLCKSZ - SizeOfPageHeaderData) / \
            (MAXALIGN(SizeofHeapTupleHeader) + sizeof(ItemIdData))))

/* ---------------------------------------------------------------- accessors */
static inline bool
PageIsNew(Page page)
{
    return ((PageHeader) page)->pd_upper == 0;
}

static inline bool
PageIsEmpty(Page page)
{
    return ((PageHeader) page)->pd_lower <= SizeOfPageHeaderData;
}

static inline Size
PageGetPageSize(Page page)
{
    return (Size) (((PageHeader) page)->pd_pagesize_version & 0xFF00);
}

static inline uint8
PageGetPageLayoutVersion(Page page)
{
    return (uint8) (((PageHeader) page)->pd_pagesize_version & 0x00FF);
}

/* Number of line pointers (the highest offset number in use or not). */
static inline OffsetNumber
PageGetMaxOffsetNumber(Page page)
{
    PageHeader  ph = (PageHeader) page;

    if (ph->pd_lower <= SizeOfPageHeaderData)
        return 0;
    return (OffsetNumber) ((ph->pd_lower - SizeOfPageHeaderData) / sizeof(ItemIdData));
}

/* offsetNumber is 1-based and must be <= PageGetMaxOffsetNumber(page). */
static inline ItemId
PageGetItemId(Page page, OffsetNumber offsetNumber)
{
    return &((PageHeader) page)->pd_linp[offsetNumber - 1];
}

/* The item a LP_NORMAL (or dead-with-storage) line pointer points at. */
static inline Item
PageGetItem(Page page, ItemId itemId)
{
    Assert(ItemIdHasStorage(itemId));
    return (Item) (page + ItemIdGetOffset(itemId));
}

static inline char *
PageGetContents(Page page)
{
    return page + MAXALIGN(SizeOfPageHeaderData);
}

static inline Size
PageGetSpecialSize(Page page)
{
    return PageGetPageSize(page) - ((PageHeader) page)->pd_special;
}

static inline char *
PageGetSpecialPointer(Page page)
{
    return page + ((PageHeader) page)->pd_special;
}

static inline XLogRecPtr PageGetLSN(Page page) { return ((PageHeader) page)->pd_lsn; }
static inline void PageSetLSN(Page page, XLogRecPtr lsn) { ((PageHeader) page)->pd_lsn = lsn; }

static inline bool PageHasFreeLinePointers(Page page)
{ return (((PageHeader) page)->pd_flags & PD_HAS_FREE_LINES) != 0; }
static inline void PageSetHasFreeLinePointers(Page page)
{ ((PageHeader) page)->pd_flags |= PD_HAS_FREE_LINES; }
static inline void PageClearHasFreeLinePointers(Page page)
{ ((PageHeader) page)->pd_flags &= ~PD_HAS_FREE_LINES; }
static inline bool PageIsFull(Page page)
{ return (((PageHeader) page)->pd_flags & PD_PAGE_FULL) != 0; }
static inline void PageSetFull(Page page)
{ ((PageHeader) page)->pd_flags |= PD_PAGE_FULL; }
static inline void PageClearFull(Page page)
{ ((PageHeader) page)->pd_flags &= ~PD_PAGE_FULL; }
static inline bool PageIsAllVisible(Page page)
{ return (((PageHeader) page)->pd_flags & PD_ALL_VISIBLE) != 0; }
static inline void PageSetAllVisible(Page page)
{ ((PageHeader) page)->pd_flags |= PD_ALL_VISIBLE; }
static inline void PageClearAllVisible(Page page)
{ ((PageHeader) page)->pd_flags &= ~PD_ALL_VISIBLE; }

/* Remember the oldest xmax that may make a tuple prunable. */
static inline void
PageSetPrunable(Page page, TransactionId xid)
{
    PageHeader  ph = (PageHeader) page;

    if (ph->pd_prune_xid == InvalidTransactionId || xid < ph->pd_prune_xid)
        ph->pd_prune_xid = xid;
}
static inline void PageClearPrunable(Page page)
{ ((PageHeader) page)->pd_prune_xid = InvalidTransactionId; }

/* ---------------------------------------------------------------- operations
 * (storage/page.c)
 */

/* Initialize a page of pageSize bytes with specialSize bytes of special space. */
extern void PageInit(Page page, Size pageSize, Size specialSize);

/*
 * Add an item.  With offsetNumber == InvalidOffsetNumber the item goes to
 * the first unused line pointer (when PD_HAS_FREE_LINES says there may be
 * one) or a new one at the end.  With a valid offsetNumber:
 *   overwrite = true   the line pointer at offsetNumber must be unused (or
 *                      one past the end) and is reused in place;
 *   overwrite = false  line pointers from offsetNumber on shift up by one
 *                      (ordered pages: B-tree).
 * Returns the offset number used, or InvalidOffsetNumber when there is no
 * room (or offsetNumber is out of range, reported as a WARNING).
 */
extern OffsetNumber PageAddItem(Page page, const void *item, Size size,
                                OffsetNumber offsetNumber, bool overwrite);

/* Space for one more item, counting its new line pointer (0 if none). */
extern Size PageGetFreeSpace(Page page);
/* Space between pd_lower and pd_upper, not counting a new line pointer. */
extern Size PageGetExactFreeSpace(Page page);
/* PageGetFreeSpace, but 0 when no more line pointers may be added. */
extern Size PageGetHeapFreeSpace(Page page);

/*
 * Compact item storage: items with storage (LP_NORMAL, dead with length)
 * are moved together at the end of the page, so all free space lies
 * between pd_lower and pd_upper.  Offset numbers do not change.  Sets or
 * clears PD_HAS_FREE_LINES.  Caller holds an exclusive lock (and, on a
 * shared buffer, a cleanup lock once vacuum exists).
 */
extern void PageRepairFragmentation(Page page);
/* Drop trailing LP_UNUSED line pointers, returning their space. */
extern void PageTruncateLinePointerArray(Page page);

/*
 * Delete an item and its line pointer; later line pointers shift down by
 * one (offset numbers after it change).  For ordered index pages.
 */
extern void PageIndexTupleDelete(Page page, OffsetNumber offnum);

/* Copy of a page in CurrentMemoryContext (for WAL images and tests). */
extern Page PageGetTempPageCopy(Page page);

/* ---------------------------------------------------------------- checksums
 * PostgreSQL's scheme (checksum_impl.h): 32 parallel FNV-1a-style sums
 * over the page as uint32 words, folded, mixed with the block number so
 * that a page written to the wrong block fails too.  Basalt seeds the 32
 * lanes with its own constants (a different on-disk format anyway).
 * pd_checksum itself is treated as zero; the page is not modified, so a
 * shared buffer may be checksummed under a share lock only if no one can
 * set hint bits concurrently -- bufmgr checksums a private copy.
 * Never returns 0.  The page must be 4-byte aligned.
 */
extern uint16 pg_checksum_page(const char *page, BlockNumber blkno);
/* Set pd_checksum just before writing (the page must be a private copy or
 * exclusively locked / being written under the I/O protocol). */
extern void PageSetChecksumInplace(Page page, BlockNumber blkno);

/*
 * Is a page just read from disk acceptable?  True for an all-zero page and
 * for a page whose header is sane and whose checksum matches.  On failure
 * records the reason with PAGE_CORRUPT_BKPT and returns false; the caller
 * reports ERROR ERRCODE_DATA_CORRUPTED "invalid page in block %u of
 * relation %s".
 */
extern bool PageIsVerified(Page page, BlockNumber blkno);
/* Header sanity only (no checksum): for pages already in memory. */
extern bool PageHeaderIsValid(Page page);

/* ---------------------------------------------------------------- corruption
 * One breakpoint for every page corruption or protocol violation found
 * (SQLite's SQLITE_CORRUPT_BKPT).  Records where it was detected and why,
 * counts it, and evaluates to false so checkers can "return
 * PAGE_CORRUPT_BKPT("...")".  Set a debugger breakpoint on
 * page_corrupt_bkpt to stop at the first detection.
 */
typedef struct PageCorruptInfo
{
    const char *file;           /* __FILE__ of the last detection */
    int         line;
    const char *reason;         /* static string */
    uint64      count;          /* detections in this process */
} PageCorruptInfo;
extern PageCorruptInfo page_corrupt_last;

extern bool page_corrupt_bkpt(const char *file, int line, const char *reason);
#define PAGE_CORRUPT_BKPT(reason) page_corrupt_bkpt(__FILE__, __LINE__, (reason))

#endif /* PAGE_H */
