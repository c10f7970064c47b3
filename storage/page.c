/*-------------------------------------------------------------------------
 * page.c
 *    Slotted page operations: initialize, add and delete items, account
 *    free space, compact, checksum and verify.
 *
 * Entry points: PageInit, PageAddItem, PageGet*FreeSpace,
 * PageRepairFragmentation, PageIndexTupleDelete, pg_checksum_page,
 * PageSetChecksumInplace, PageIsVerified.
 *
 * Every function that trusts pd_lower/pd_upper/pd_special or a line
 * pointer to move memory first checks them, so a corrupt page read from
 * disk ends in ERROR ERRCODE_DATA_CORRUPTED, never in a wild memmove.
 * (PostgreSQL's bufpage.c makes the same checks with the same messages.)
 *
 * No locking here: see page.h.  Nothing in this file allocates except
 * PageGetTempPageCopy.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/page.h"

PageCorruptInfo page_corrupt_last;

/*
 * The corruption breakpoint.  noinline so a debugger can always stop here;
 * it records the most recent detection for tests and crash reports.
 */
__attribute__((noinline)) bool
page_corrupt_bkpt(const char *file, int line, const char *reason)
{
    page_corrupt_last.file = file;
    page_corrupt_last.line = line;
    page_corrupt_last.reason = reason;
    page_corrupt_last.count++;
    return false;
}

/* Error out unless the page's free-space bounds are consistent. */
static void
page_check_bounds(Page page)
{
    PageHeader  ph = (PageHeader) page;

    if (ph->pd_lower < SizeOfPageHeaderData ||
        ph->pd_lower > ph->pd_upper ||
        ph->pd_upper > ph->pd_special ||
        ph->pd_special > BLCKSZ ||
        ph->pd_special != MAXALIGN(ph->pd_special))
    {
        PAGE_CORRUPT_BKPT("corrupted page pointers");
        ereport(ERROR,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("corrupted page pointers: lower = %u, upper = %u, special = %u",
                       ph->pd_lower, ph->pd_upper, ph->pd_special));
    }
}

/* ---------------------------------------------------------------- init */

void
PageInit(Page page, Size pageSize, Size specialSize)
{
    PageHeader  ph = (PageHeader) page;

    specialSize = MAXALIGN(specialSize);
    Assert(pageSize == BLCKSZ);
    Assert(pageSize > specialSize + SizeOfPageHeaderData);

    memset(page, 0, pageSize);
    ph->pd_lower = SizeOfPageHeaderData;
    ph->pd_upper = (LocationIndex) (pageSize - specialSize);
    ph->pd_special = (LocationIndex) (pageSize - specialSize);
    ph->pd_pagesize_version = (uint16) (pageSize | PG_PAGE_LAYOUT_VERSION);
    /* pd_lsn, pd_checksum, pd_flags, pd_prune_xid: zero */
}

/* ---------------------------------------------------------------- add */

OffsetNumber
PageAddItem(Page page, const void *item, Size size,
            OffsetNumber offsetNumber, bool overwrite)
{
    PageHeader  ph = (PageHeader) page;
    OffsetNumber limit;
    ItemId      itemId;
    bool        needshuffle = false;
    int         lower;
    int         upper;
    Size        alignedSize;

    page_check_bounds(page);

    /* lp_len has 15 bits; no item that long fits anyway. */
    if (size == 0 || size > MaxHeapTupleSize)
        return InvalidOffsetNumber;

    limit = OffsetNumberNext(PageGetMaxOffsetNumber(page));

    if (OffsetNumberIsValid(offsetNumber))
    {
        if (overwrite)
        {
            if (offsetNumber < limit)
            {
                itemId = PageGetItemId(page, offsetNumber);
                if (ItemIdIsUsed(itemId) || ItemIdHasStorage(itemId))
                {
                    elog(WARNING, "will not overwrite a used ItemId");
                    return InvalidOffsetNumber;
                }
            }
        }
        else if (offsetNumber < limit)
            needshuffle = true;
    }
    else
    {
        /* Reuse a free line pointer when the hint says one may exist. */
        if (PageHasFreeLinePointers(page))
        {
            for (offsetNumber = FirstOffsetNumber; offsetNumber < limit; offsetNumber++)
            {
                itemId = PageGetItemId(page, offsetNumber);
                if (!ItemIdIsUsed(itemId) && !ItemIdHasStorage(itemId))
                    break;
            }
            if (offsetNumber >= limit)
                PageClearHasFreeLinePointers(page);     /* the hint was stale */
        }
        else
            offsetNumber = limit;
    }

    if (offsetNumber > limit)
    {
        elog(WARNING, "specified item offset is too large");
        return InvalidOffsetNumber;
    }
    if (offsetNumber > MaxOffsetNumber)
        return InvalidOffsetNumber;

    if (offsetNumber == limit || needshuffle)
        lower = ph->pd_lower + (int) sizeof(ItemIdData);
    else
        lower = ph->pd_lower;

    alignedSize = MAXALIGN(size);
    upper = (int) ph->pd_upper - (int) alignedSize;
    if (lower > upper)
        return InvalidOffsetNumber;

    itemId = PageGetItemId(page, offsetNumber);
    if (needshuffle)
        memmove(itemId + 1, itemId, (limit - offsetNumber) * sizeof(ItemIdData));

    ItemIdSetNormal(itemId, (unsigned) upper, (unsigned) size);
    memcpy(page + upper, item, size);
    /* zero the alignment padding so page images are deterministic */
    if (alignedSize > size)
        memset(page + upper + size, 0, alignedSize - size);

    ph->pd_lower = (LocationIndex) lower;
    ph->pd_upper = (LocationIndex) upper;
    return offsetNumber;
}

/* ---------------------------------------------------------------- free space */

Size
PageGetExactFreeSpace(Page page)
{
    PageHeader  ph = (PageHeader) page;
    int         space = (int) ph->pd_upper - (int) ph->pd_lower;

    return space < 0 ? 0 : (Size) space;
}

Size
PageGetFreeSpace(Page page)
{
    Size        space = PageGetExactFreeSpace(page);

    if (space < sizeof(ItemIdData))
        return 0;
    return space - sizeof(ItemIdData);
}

Size
PageGetHeapFreeSpace(Page page)
{
    Size        space = PageGetFreeSpace(page);
    OffsetNumber nline;
    OffsetNumber off;

    if (space == 0)
        return 0;

    /*
     * A heap page may not have more than MaxHeapTuplesPerPage line
     * pointers; past that, space counts only if a line pointer is free.
     */
    nline = PageGetMaxOffsetNumber(page);
    if (nline < MaxHeapTuplesPerPage)
        return space;
    if (PageHasFreeLinePointers(page))
    {
        for (off = FirstOffsetNumber; off <= nline; off++)
        {
            ItemId      lp = PageGetItemId(page, off);

            if (!ItemIdIsUsed(lp))
                return space;
        }
        PageClearHasFreeLinePointers(page);
    }
    return 0;
}

/* ---------------------------------------------------------------- compaction */

typedef struct ItemMove
{
    OffsetNumber offnum;
    uint16      oldoff;
    uint16      alignedlen;
} ItemMove;

static int
itemmove_by_offset_desc(const void *a, const void *b)
{
    const ItemMove *x = a;
    const ItemMove *y = b;

    return (int) y->oldoff - (int) x->oldoff;
}

void
PageRepairFragmentation(Page page)
{
    PageHeader  ph = (PageHeader) page;
    ItemMove    moves[MaxOffsetNumber];     /* 6 bytes each: 12 KB of stack */
    int         nmoves = 0;
    int         nunused = 0;
    Size        totallen = 0;
    OffsetNumber nline;
    OffsetNumber off;
    int         upper;
    int         i;

    page_check_bounds(page);
    nline = PageGetMaxOffsetNumber(page);

    for (off = FirstOffsetNumber; off <= nline; off++)
    {
        ItemId      lp = PageGetItemId(page, off);

        if (ItemIdHasStorage(lp))
        {
            unsigned    ioff = ItemIdGetOffset(lp);
            unsigned    ilen = ItemIdGetLength(lp);

            if (ioff < ph->pd_upper || ioff + ilen > ph->pd_special ||
                ioff != MAXALIGN(ioff))
            {
                PAGE_CORRUPT_BKPT("corrupted line pointer");
                ereport(ERROR,
                        errcode(ERRCODE_DATA_CORRUPTED),
                        errmsg("corrupted line pointer: %u", ioff));
            }
            moves[nmoves].offnum = off;
            moves[nmoves].oldoff = (uint16) ioff;
            moves[nmoves].alignedlen = (uint16) MAXALIGN(ilen);
            totallen += moves[nmoves].alignedlen;
            nmoves++;
        }
        else if (!ItemIdIsUsed(lp))
        {
            ItemIdSetUnused(lp);    /* normalize lp_off too */
            nunused++;
        }
        /* LP_DEAD or LP_REDIRECT without storage: nothing to move */
    }

    if (totallen > (Size) (ph->pd_special - ph->pd_lower))
    {
        PAGE_CORRUPT_BKPT("corrupted item lengths");
        ereport(ERROR,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("corrupted item lengths: total %u, available space %u",
                       (unsigned) totallen, (unsigned) (ph->pd_special - ph->pd_lower)));
    }

    /*
     * Move items toward pd_special in descending order of their current
     * offset.  Every destination is >= the item's source (items only move
     * up), and processing from the top means a destination never overlaps
     * an item not yet moved; memmove handles self-overlap.
     */
    qsort(moves, nmoves, sizeof(ItemMove), itemmove_by_offset_desc);
    upper = ph->pd_special;
    for (i = 0; i < nmoves; i++)
    {
        ItemId      lp = PageGetItemId(page, moves[i].offnum);

        upper -= moves[i].alignedlen;
        if (upper != moves[i].oldoff)
            memmove(page + upper, page + moves[i].oldoff, moves[i].alignedlen);
        lp->lp_off = (unsigned) upper;
    }
    /* zero the reclaimed gap: deterministic images, no stale data leaks */
    if (upper > ph->pd_upper)
        memset(page + ph->pd_upper, 0, upper - ph->pd_upper);
    ph->pd_upper = (LocationIndex) upper;

    if (nunused > 0)
        PageSetHasFreeLinePointers(page);
    else
        PageClearHasFreeLinePointers(page);
}

void
PageTruncateLinePointerArray(Page page)
{
    PageHeader  ph = (PageHeader) page;
    OffsetNumber nline;
    bool        anyunused = false;
    OffsetNumber off;

    page_check_bounds(page);
    nline = PageGetMaxOffsetNumber(page);
    while (nline > 0 && !ItemIdIsUsed(PageGetItemId(page, nline)))
        nline--;
    ph->pd_lower = (LocationIndex) (SizeOfPageHeaderData + nline * sizeof(ItemIdData));

    for (off = FirstOffsetNumber; off <= nline && !anyunused; off++)
        anyunused = !ItemIdIsUsed(PageGetItemId(page, off));
    if (anyunused)
        PageSetHasFreeLinePointers(page);
    else
        PageClearHasFreeLinePointers(page);
}

void
PageIndexTupleDelete(Page page, OffsetNumber offnum)
{
    PageHeader  ph = (PageHeader) page;
    OffsetNumber nline;
    ItemId      tup;
    unsigned    offset;
    unsigned    size;
    int         nbytes;
    OffsetNumber off;

    page_check_bounds(page);
    nline = PageGetMaxOffsetNumber(page);
    if (offnum == InvalidOffsetNumber || offnum > nline)
        elog(ERROR, "invalid index offnum: %u", offnum);

    tup = PageGetItemId(page, offnum);
    offset = ItemIdGetOffset(tup);
    size = ItemIdGetLength(tup);

    if (ItemIdHasStorage(tup) &&
        (offset < ph->pd_upper || offset + size > ph->pd_special ||
         offset != MAXALIGN(offset)))
    {
        PAGE_CORRUPT_BKPT("corrupted line pointer");
        ereport(ERROR,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("corrupted line pointer: offset = %u, size = %u", offset, size));
    }
    size = MAXALIGN(size);

    /* Close the gap in the line pointer array. */
    nbytes = (int) ph->pd_lower - (int) ((char *) (tup + 1) - page);
    if (nbytes > 0)
        memmove(tup, tup + 1, nbytes);
    ph->pd_lower -= sizeof(ItemIdData);

    if (size == 0)
        return;

    /*
     * Slide the items below the deleted one up by its size, then fix the
     * line pointers of every moved item (those at or below its offset).
     */
    if (offset > ph->pd_upper)
        memmove(page + ph->pd_upper + size, page + ph->pd_upper, offset - ph->pd_upper);
    memset(page + ph->pd_upper, 0, size);
    ph->pd_upper += size;

    nline--;
    for (off = FirstOffsetNumber; off <= nline; off++)
    {
        ItemId      lp = PageGetItemId(page, off);

        if (ItemIdHasStorage(lp) && ItemIdGetOffset(lp) <= offset)
            lp->lp_off += size;
    }
}

Page
PageGetTempPageCopy(Page page)
{
    Page        copy = palloc(BLCKSZ);

    memcpy(copy, page, BLCKSZ);
    return copy;
}

/* ---------------------------------------------------------------- checksums
 *
 * The page is viewed as BLCKSZ/128 rows of 32 uint32 words; lane j hashes
 * column j with an FNV-1a round that also mixes in high bits
 * (x = sum ^ value; sum = x * FNV_PRIME ^ (x >> 17)), so that every input
 * bit can affect the low bits of the result.  Two rounds of zeros finish
 * the mixing, the lanes are XOR-folded, the block number is XORed in and
 * the result reduced to 1..65535 (0 means "no checksum" in PostgreSQL).
 * Independent lanes let the compiler vectorize the inner loop.
 */
#define N_SUMS 32
#define FNV_PRIME 16777619u

#define CHECKSUM_COMP(checksum, value) \
    do { \
        uint32 tmp_ = (checksum) ^ (value); \
        (checksum) = tmp_ * FNV_PRIME ^ (tmp_ >> 17); \
    } while (0)

/* Lane seeds: splitmix64 outputs, fixed forever (they define the format). */
static uint32 checksum_seeds[N_SUMS];
static bool checksum_seeds_ready = false;

static void
checksum_init_seeds(void)
{
    uint64      x = UINT64_C(0xB5A17B5A17B5A170);
    int         j;

    for (j = 0; j < N_SUMS; j++)
    {
        uint64      z;

        x += UINT64_C(0x9E3779B97F4A7C15);
        z = x;
        z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
        z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
        z ^= z >> 31;
        checksum_seeds[j] = (uint32) z;
    }
    checksum_seeds_ready = true;
}

StaticAssertDecl(BLCKSZ % (sizeof(uint32) * N_SUMS) == 0, "BLCKSZ must be a multiple of 128");
StaticAssertDecl(SizeOfPageHeaderData <= sizeof(uint32) * N_SUMS, "header fits in row 0");

uint16
pg_checksum_page(const char *page, BlockNumber blkno)
{
    uint32      sums[N_SUMS];
    uint32      row0[N_SUMS];
    uint32      result = 0;
    uint32      i,
                j;
    const uint32 *words = (const uint32 *) page;

    if (unlikely(!checksum_seeds_ready))
        checksum_init_seeds();
    memcpy(sums, checksum_seeds, sizeof(sums));

    /*
     * Row 0 holds the header: hash a copy with pd_checksum zeroed, so the
     * page itself is never modified (it may be a shared buffer).
     */
    memcpy(row0, page, sizeof(row0));
    memset((char *) row0 + offsetof(PageHeaderData, pd_checksum), 0, sizeof(uint16));
    for (j = 0; j < N_SUMS; j++)
        CHECKSUM_COMP(sums[j], row0[j]);

    for (i = 1; i < BLCKSZ / (sizeof(uint32) * N_SUMS); i++)
        for (j = 0; j < N_SUMS; j++)
            CHECKSUM_COMP(sums[j], words[i * N_SUMS + j]);

    /* two rounds of zeros for the last values to mix in fully */
    for (i = 0; i < 2; i++)
        for (j = 0; j < N_SUMS; j++)
            CHECKSUM_COMP(sums[j], 0);

    for (j = 0; j < N_SUMS; j++)
        result ^= sums[j];

    result ^= blkno;
    return (uint16) ((result % 65535) + 1);
}

void
PageSetChecksumInplace(Page page, BlockNumber blkno)
{
    /* An all-zero page stays all zeros: it is valid without a checksum. */
    if (PageIsNew(page))
        return;
    ((PageHeader) page)->pd_checksum = pg_checksum_page(page, blkno);
}

/* ---------------------------------------------------------------- verification */

bool
PageHeaderIsValid(Page page)
{
    PageHeader  ph = (PageHeader) page;

    if ((ph->pd_flags & ~PD_VALID_FLAG_BITS) != 0)
        return PAGE_CORRUPT_BKPT("invalid pd_flags");
    if (PageGetPageSize(page) != BLCKSZ ||
        PageGetPageLayoutVersion(page) != PG_PAGE_LAYOUT_VERSION)
        return PAGE_CORRUPT_BKPT("wrong page size or layout version");
    if (ph->pd_lower < SizeOfPageHeaderData ||
        ph->pd_lower > ph->pd_upper ||
        ph->pd_upper > ph->pd_special ||
        ph->pd_special > BLCKSZ ||
        ph->pd_special != MAXALIGN(ph->pd_special))
        return PAGE_CORRUPT_BKPT("inconsistent pd_lower/pd_upper/pd_special");
    return true;
}

bool
PageIsVerified(Page page, BlockNumber blkno)
{
    const size_t *words;
    size_t      i;

    if (!PageIsNew(page))
    {
        uint16      checksum;

        if (!PageHeaderIsValid(page))
            return false;
        checksum = pg_checksum_page(page, blkno);
        if (checksum != ((PageHeader) page)->pd_checksum)
        {
            ereport(WARNING,
                    errcode(ERRCODE_DATA_CORRUPTED),
                    errmsg("page verification failed, calculated checksum %u but expected %u",
                           checksum, ((PageHeader) page)->pd_checksum));
            return PAGE_CORRUPT_BKPT("checksum mismatch");
        }
        return true;
    }

    /* pd_upper == 0: acceptable only if the whole page is zeros. */
    words = (const size_t *) page;
    for (i = 0; i < BLCKSZ / sizeof(size_t); i++)
        if (words[i] != 0)
            return PAGE_CORRUPT_BKPT("new page is not all zeros");
    return true;
}
