/*-------------------------------------------------------------------------
 * page_test.c
 *    Unit tests (TAP) for the slotted page (storage/page.c): layout,
 *    adding items until full, free-space accounting, reading items back,
 *    line pointer reuse, compaction, index-style insert and delete,
 *    checksums and verification of pages read from disk.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/page.h"

#include "stubs_storage.c.inc"

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

static bool
ok(bool cond, const char *fmt, ...)
{
    va_list     ap;

    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

/* Run stmt expecting an ERROR; yields its SQLSTATE (0 if none). */
static char errbuf[512];

#define EXPECT_ERROR(sqlstate_out, stmt) \
    do { \
        MemoryContext oldcxt_ = CurrentMemoryContext; \
        (sqlstate_out) = 0; \
        errbuf[0] = '\0'; \
        PG_TRY(); \
        { \
            stmt; \
        } \
        PG_CATCH(); \
        { \
            ErrorData *ed_; \
            MemoryContextSwitchTo(oldcxt_); \
            ed_ = CurrentErrorData(); \
            (sqlstate_out) = ed_->sqlerrcode; \
            snprintf(errbuf, sizeof errbuf, "%s", ed_->message ? ed_->message : ""); \
            FlushErrorState(); \
        } \
        PG_END_TRY(); \
    } while (0)

/* A page-sized, suitably aligned buffer. */
typedef union AlignedPage
{
    char        data[BLCKSZ];
    double      force_align_d;
    int64       force_align_i64;
} AlignedPage;

static AlignedPage pagebuf;
static AlignedPage copybuf;

/* Fill item with a pattern derived from its number, so each is distinct. */
static void
fill_item(char *item, Size len, int n)
{
    Size        i;

    for (i = 0; i < len; i++)
        item[i] = (char) (n * 31 + i);
}

static bool
item_matches(Page page, OffsetNumber off, Size len, int n)
{
    ItemId      lp = PageGetItemId(page, off);
    char        expect[BLCKSZ];

    if (!ItemIdIsNormal(lp) || ItemIdGetLength(lp) != len)
        return false;
    fill_item(expect, len, n);
    return memcmp(PageGetItem(page, lp), expect, len) == 0;
}

/* ================================================================ tests */

static void
test_layout_and_init(void)
{
    Page        page = pagebuf.data;
    PageHeader  ph = (PageHeader) page;

    ok(sizeof(ItemIdData) == 4 && SizeOfPageHeaderData == 32,
       "line pointer is 4 bytes, page header is %zu bytes", (size_t) SizeOfPageHeaderData);
    ok(MaxHeapTupleSize == BLCKSZ - MAXALIGN(SizeOfPageHeaderData + sizeof(ItemIdData)) &&
       MaxOffsetNumber == BLCKSZ / 4,
       "MaxHeapTupleSize = %d, MaxOffsetNumber = %d", (int) MaxHeapTupleSize, (int) MaxOffsetNumber);

    memset(page, 0, BLCKSZ);
    ok(PageIsNew(page), "an all-zero page is new");

    PageInit(page, BLCKSZ, 0);
    ok(!PageIsNew(page) && PageIsEmpty(page) && PageGetMaxOffsetNumber(page) == 0,
       "PageInit: not new, empty, no line pointers");
    ok(ph->pd_lower == SizeOfPageHeaderData && ph->pd_upper == BLCKSZ &&
       ph->pd_special == BLCKSZ && PageGetPageSize(page) == BLCKSZ &&
       PageGetPageLayoutVersion(page) == PG_PAGE_LAYOUT_VERSION,
       "PageInit: pd_lower/pd_upper/pd_special and size/version");
    ok(PageGetFreeSpace(page) == BLCKSZ - SizeOfPageHeaderData - sizeof(ItemIdData) &&
       PageGetExactFreeSpace(page) == BLCKSZ - SizeOfPageHeaderData,
       "free space of an empty page is %zu (%zu counting no line pointer)",
       PageGetFreeSpace(page), PageGetExactFreeSpace(page));

    PageInit(page, BLCKSZ, 13);
    ok(ph->pd_special == BLCKSZ - 16 && PageGetSpecialSize(page) == 16 &&
       PageGetSpecialPointer(page) == page + BLCKSZ - 16,
       "special space is MAXALIGN'd (13 -> 16 bytes) at the end of the page");
}

static void
test_fill_and_read_back(void)
{
    Page        page = pagebuf.data;
    char        item[200];
    const Size  len = 100;
    const Size  per_item = MAXALIGN(100) + sizeof(ItemIdData);
    int         n = 0;
    bool        accounting_ok = true;
    bool        offsets_ok = true;
    bool        contents_ok = true;
    OffsetNumber off;
    int         expected = (BLCKSZ - SizeOfPageHeaderData) / per_item;

    PageInit(page, BLCKSZ, 0);
    for (;;)
    {
        Size        before = PageGetExactFreeSpace(page);

        fill_item(item, len, n + 1);
        off = PageAddItem(page, item, len, InvalidOffsetNumber, false);
        if (off == InvalidOffsetNumber)
            break;
        n++;
        if (off != n)
            offsets_ok = false;
        if (PageGetExactFreeSpace(page) != before - per_item)
            accounting_ok = false;
    }
    ok(n == expected, "%d items of 100 bytes fit on a page (expected %d)", n, expected);
    ok(offsets_ok, "offset numbers are assigned 1, 2, 3, ... in order");
    ok(accounting_ok, "each add uses MAXALIGN(len) + one line pointer = %zu bytes", per_item);
    ok(PageGetFreeSpace(page) < MAXALIGN(len) && PageGetMaxOffsetNumber(page) == n,
       "full page: free space %zu is less than one more item", PageGetFreeSpace(page));

    for (off = FirstOffsetNumber; off <= n; off++)
        if (!item_matches(page, off, len, off))
            contents_ok = false;
    ok(contents_ok, "every item reads back byte for byte through PageGetItem");

    ok(PageHeaderIsValid(page), "a full page still has a valid header");

    /* largest heap tuple: exactly fits an empty page, one more byte does not */
    {
        static char big[MaxHeapTupleSize + 1];

        PageInit(page, BLCKSZ, 0);
        ok(PageAddItem(page, big, MaxHeapTupleSize + 1, InvalidOffsetNumber, false) == InvalidOffsetNumber,
           "an item of MaxHeapTupleSize + 1 bytes is refused");
        ok(PageAddItem(page, big, MaxHeapTupleSize, InvalidOffsetNumber, false) == FirstOffsetNumber &&
           PageGetFreeSpace(page) == 0,
           "an item of MaxHeapTupleSize bytes fills an empty page exactly");
    }
}

static void
test_heap_free_space_limit(void)
{
    Page        page = pagebuf.data;
    char        item[MinHeapTupleSize];
    int         i;

    memset(item, 'h', sizeof(item));
    PageInit(page, BLCKSZ, 0);
    for (i = 0; i < MaxHeapTuplesPerPage; i++)
        if (PageAddItem(page, item, sizeof(item), InvalidOffsetNumber, false) == InvalidOffsetNumber)
            break;
    ok(i == MaxHeapTuplesPerPage, "%d minimal heap tuples fit", i);
    ok(PageGetFreeSpace(page) > 0 && PageGetHeapFreeSpace(page) == 0,
       "at MaxHeapTuplesPerPage line pointers heap free space is 0 (raw %zu)",
       PageGetFreeSpace(page));
    ItemIdSetUnused(PageGetItemId(page, 7));
    PageSetHasFreeLinePointers(page);
    ok(PageGetHeapFreeSpace(page) == PageGetFreeSpace(page),
       "with an unused line pointer the space counts again");
}

static void
test_repair_fragmentation(void)
{
    Page        page = pagebuf.data;
    PageHeader  ph = (PageHeader) page;
    char        item[300];
    int         n = 0;
    OffsetNumber off;
    Size        freed = 0;
    Size        before;
    bool        survivors_ok = true;
    bool        aligned_ok = true;

    PageInit(page, BLCKSZ, 0);
    /* items of varying sizes */
    for (;;)
    {
        Size        len = 20 + (n * 37) % 250;

        fill_item(item, len, n + 1);
        if (PageAddItem(page, item, len, InvalidOffsetNumber, false) == InvalidOffsetNumber)
            break;
        n++;
    }

    /* kill every third item (dead, no storage), free every fifth */
    for (off = FirstOffsetNumber; off <= n; off++)
    {
        ItemId      lp = PageGetItemId(page, off);

        if (off % 3 == 0)
        {
            freed += MAXALIGN(ItemIdGetLength(lp));
            ItemIdSetDead(lp);
        }
        else if (off % 5 == 0)
        {
            freed += MAXALIGN(ItemIdGetLength(lp));
            ItemIdSetUnused(lp);
        }
    }
    before = PageGetExactFreeSpace(page);
    PageRepairFragmentation(page);

    ok(PageGetExactFreeSpace(page) == before + freed,
       "PageRepairFragmentation reclaims exactly the dead items' space (%zu bytes)", freed);
    for (off = FirstOffsetNumber; off <= n; off++)
    {
        ItemId      lp = PageGetItemId(page, off);
        Size        len = 20 + ((off - 1) * 37) % 250;

        if (off % 3 == 0)
        {
            if (!ItemIdIsDead(lp) || ItemIdHasStorage(lp))
                survivors_ok = false;
        }
        else if (off % 5 == 0)
        {
            if (ItemIdIsUsed(lp))
                survivors_ok = false;
        }
        else
        {
            if (!item_matches(page, off, len, off))
                survivors_ok = false;
            if (ItemIdGetOffset(lp) != MAXALIGN(ItemIdGetOffset(lp)) ||
                ItemIdGetOffset(lp) < ph->pd_upper)
                aligned_ok = false;
        }
    }
    ok(survivors_ok, "live items keep their offset numbers and contents; dead stay dead");
    ok(aligned_ok && PageHeaderIsValid(page), "moved items are aligned and inside [pd_upper, pd_special)");
    ok(PageHasFreeLinePointers(page), "unused line pointers set PD_HAS_FREE_LINES");

    /* the next add reuses the first unused line pointer (offset 5) */
    fill_item(item, 50, 999);
    off = PageAddItem(page, item, 50, InvalidOffsetNumber, false);
    ok(off == 5 && item_matches(page, 5, 50, 999),
       "PageAddItem reuses the first unused line pointer (got %u)", off);

    /* overwrite = true refuses a used slot, accepts an unused one */
    ok(PageAddItem(page, item, 50, 1, true) == InvalidOffsetNumber,
       "overwrite of a used line pointer is refused");
    ok(PageAddItem(page, item, 50, 10, true) == 10, "overwrite of an unused line pointer works");
}

static void
test_index_insert_delete(void)
{
    Page        page = pagebuf.data;
    char        item[64];
    int         i;
    Size        empty_free;
    bool        order_ok = true;

    PageInit(page, BLCKSZ, 16);
    empty_free = PageGetExactFreeSpace(page);
    for (i = 1; i <= 5; i++)
    {
        fill_item(item, 24 + i, i);
        PageAddItem(page, item, 24 + i, InvalidOffsetNumber, false);
    }
    /* ordered insert at position 2: 1, new, 2, 3, 4, 5 */
    fill_item(item, 40, 42);
    ok(PageAddItem(page, item, 40, 2, false) == 2 && PageGetMaxOffsetNumber(page) == 6,
       "insert without overwrite at offset 2 shifts later line pointers");
    ok(item_matches(page, 1, 25, 1) && item_matches(page, 2, 40, 42) &&
       item_matches(page, 3, 26, 2) && item_matches(page, 6, 29, 5),
       "items after the insertion point moved up by one");

    PageIndexTupleDelete(page, 2);
    PageIndexTupleDelete(page, 4);     /* item 4 (originally 4th) */
    ok(PageGetMaxOffsetNumber(page) == 4, "two PageIndexTupleDelete calls leave 4 items");
    if (!item_matches(page, 1, 25, 1) || !item_matches(page, 2, 26, 2) ||
        !item_matches(page, 3, 27, 3) || !item_matches(page, 4, 29, 5))
        order_ok = false;
    ok(order_ok, "remaining items keep their order and contents");
    for (i = 4; i >= 1; i--)
        PageIndexTupleDelete(page, i);
    ok(PageGetExactFreeSpace(page) == empty_free && PageIsEmpty(page) &&
       PageHeaderIsValid(page),
       "deleting every item restores all the free space");

}

static void
test_index_delete_error(void)
{
    Page        page = pagebuf.data;
    int         code;

    PageInit(page, BLCKSZ, 0);
    EXPECT_ERROR(code, PageIndexTupleDelete(page, 3));
    ok(code == ERRCODE_INTERNAL_ERROR && strstr(errbuf, "invalid index offnum") != NULL,
       "deleting a nonexistent offset is an ERROR: %s", errbuf);
}

static void
test_checksums(void)
{
    Page        page = pagebuf.data;
    Page        copy = copybuf.data;
    char        item[120];
    uint16      sum;
    uint64      corrupt_before;
    int         i;
    bool        nonzero = true;

    PageInit(page, BLCKSZ, 0);
    for (i = 0; i < 20; i++)
    {
        fill_item(item, sizeof(item), i);
        PageAddItem(page, item, sizeof(item), InvalidOffsetNumber, false);
    }
    memcpy(copy, page, BLCKSZ);
    sum = pg_checksum_page(page, 7);
    ok(memcmp(copy, page, BLCKSZ) == 0, "pg_checksum_page does not modify the page");
    ok(sum != 0 && pg_checksum_page(page, 7) == sum, "checksum is nonzero and deterministic");
    ok(pg_checksum_page(page, 8) != sum, "checksum depends on the block number");

    PageSetChecksumInplace(page, 7);
    ok(((PageHeader) page)->pd_checksum == sum && pg_checksum_page(page, 7) == sum,
       "stored checksum does not feed into itself");
    ok(PageIsVerified(page, 7), "a page with a correct checksum verifies");

    corrupt_before = page_corrupt_last.count;
    page[BLCKSZ - 100] ^= 0x01;
    ok(!PageIsVerified(page, 7), "a single flipped bit in the data fails verification");
    ok(page_corrupt_last.count == corrupt_before + 1 &&
       strcmp(page_corrupt_last.reason, "checksum mismatch") == 0 &&
       strstr(page_corrupt_last.file, "page.c") != NULL && page_corrupt_last.line > 0,
       "PAGE_CORRUPT_BKPT recorded the detection (%s:%d: %s)",
       page_corrupt_last.file, page_corrupt_last.line, page_corrupt_last.reason);
    page[BLCKSZ - 100] ^= 0x01;
    ok(PageIsVerified(page, 7), "flipping it back verifies again");
    ok(!PageIsVerified(page, 8), "the same page read as another block fails (misdirected write)");

    /* every single byte flip in the header area is caught */
    {
        bool        all_caught = true;

        for (i = 0; i < 64; i++)
        {
            page[i] ^= 0x40;
            if (PageIsVerified(page, 7))
                all_caught = false;
            page[i] ^= 0x40;
        }
        ok(all_caught, "a flipped byte anywhere in the first 64 bytes is detected");
    }

    /* reasonably spread: 2000 distinct pages give many distinct sums */
    {
        static uint8 seen[65536 / 8];
        int         distinct = 0;

        memset(seen, 0, sizeof(seen));
        for (i = 0; i < 2000; i++)
        {
            uint16      s;

            ((PageHeader) page)->pd_prune_xid = (TransactionId) i;
            s = pg_checksum_page(page, 7);
            if (s == 0)
                nonzero = false;
            if (!(seen[s / 8] & (1 << (s % 8))))
                distinct++;
            seen[s / 8] |= (uint8) (1 << (s % 8));
        }
        ok(nonzero && distinct > 1900, "2000 pages differing in one field: %d distinct checksums", distinct);
    }
}

static void
test_verification(void)
{
    Page        page = pagebuf.data;
    PageHeader  ph = (PageHeader) page;
    int         code;
    char        item[16] = "x";

    memset(page, 0, BLCKSZ);
    ok(PageIsVerified(page, 0), "an all-zero page is valid (extension interrupted by a crash)");
    page[4000] = 1;
    ok(!PageIsVerified(page, 0) && strcmp(page_corrupt_last.reason, "new page is not all zeros") == 0,
       "a page with pd_upper = 0 but other bytes set is corrupt");

    PageInit(page, BLCKSZ, 0);
    ph->pd_lower = BLCKSZ - 8;      /* lower > upper after we lower upper */
    ph->pd_upper = 100;
    PageSetChecksumInplace(page, 3);
    ok(!PageIsVerified(page, 3), "inconsistent pd_lower/pd_upper fails verification despite a good checksum");

    EXPECT_ERROR(code, PageAddItem(page, item, sizeof(item), InvalidOffsetNumber, false));
    ok(code == ERRCODE_DATA_CORRUPTED && strstr(errbuf, "corrupted page pointers") != NULL,
       "PageAddItem on a corrupt page raises XX001: %s", errbuf);

    PageInit(page, BLCKSZ, 0);
    ph->pd_pagesize_version = BLCKSZ | 4;   /* PostgreSQL's own layout version */
    PageSetChecksumInplace(page, 3);
    ok(!PageIsVerified(page, 3), "a page with another layout version is rejected");

    PageInit(page, BLCKSZ, 0);
    PageAddItem(page, item, sizeof(item), InvalidOffsetNumber, false);
    PageGetItemId(page, 1)->lp_off = 16;    /* points into the header */
    EXPECT_ERROR(code, PageRepairFragmentation(page));
    ok(code == ERRCODE_DATA_CORRUPTED && strstr(errbuf, "corrupted line pointer") != NULL,
       "PageRepairFragmentation refuses a line pointer outside item space: %s", errbuf);
}

int
main(void)
{
    MemoryContextInit();
    /* the corruption tests provoke many WARNINGs on purpose */
    log_min_messages = ERROR;

    printf("1..48\n");
    test_layout_and_init();
    test_fill_and_read_back();
    test_heap_free_space_limit();
    test_repair_fragmentation();
    test_index_insert_delete();
    test_index_delete_error();
    test_checksums();
    test_verification();

    if (tests_run != 48)
        printf("# planned 48 tests but ran %d\n", tests_run);
    return tests_failed == 0 && tests_run == 48 ? 0 : 1;
}
