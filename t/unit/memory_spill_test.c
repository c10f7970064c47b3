/*-------------------------------------------------------------------------
 * memory_spill_test.c
 *    Unit tests (TAP) for the pieces of work_mem accounting and spilling
 *    below the executor: block-size limits of memory contexts
 *    (backend/utils/palloc.c, MemoryContextLimitBlockSize) and temp files
 *    (storage/buffile.c: write/rewind/read, seek, and the reuse of closed
 *    files' descriptors, which must come back empty).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storage/buffile.h"
#include "storage/smgr.h"

static int  test_no = 0;
static int  failures = 0;

static void
ok(bool cond, const char *desc)
{
    test_no++;
    printf("%sok %d - %s\n", cond ? "" : "not ", test_no, desc);
    if (!cond)
        failures++;
}

/*
 * Allocate 48-byte chunks (64 bytes + header each) until the context's
 * allocated size passes `budget`; return the bytes of chunks carved.
 */
static Size
fill_to_budget(MemoryContext c, Size budget)
{
    Size        carved = 0;

    while (MemoryContextMemAllocated(c, false) <= budget)
    {
        (void) MemoryContextAlloc(c, 48);
        carved += 64;
    }
    return carved;
}

static void
test_block_limits(void)
{
    MemoryContext c = AllocSetContextCreate(TopMemoryContext, "limited");
    MemoryContext d = AllocSetContextCreate(TopMemoryContext, "unlimited");
    Size        budget = 64 * 1024;
    Size        carved;
    void       *big;

    MemoryContextLimitBlockSize(c, budget);
    carved = fill_to_budget(c, budget);
    ok(MemoryContextMemAllocated(c, false) <= budget + 8 * 1024,
       "64kB budget: allocated passes the budget by at most one 8kB block");
    ok(carved * 100 >= budget * 70,
       "64kB budget: most of the budget is chunks in use when it is passed");

    carved = fill_to_budget(d, budget);
    ok(MemoryContextMemAllocated(d, false) > budget + 8 * 1024,
       "unlimited context: the last block overshoots (growth is not capped)");

    MemoryContextReset(c);
    ok(MemoryContextMemAllocated(c, false) == 0, "reset frees every block");
    carved = fill_to_budget(c, budget);
    ok(MemoryContextMemAllocated(c, false) <= budget + 8 * 1024,
       "the limit survives a reset");

    /* a large budget allows the usual growth to 1 MB blocks, never beyond */
    MemoryContextReset(d);
    MemoryContextLimitBlockSize(d, (Size) 1024 * 1024 * 1024);
    carved = fill_to_budget(d, 8 * 1024 * 1024);
    ok(MemoryContextMemAllocated(d, false) <= 8 * 1024 * 1024 + 1024 * 1024,
       "1GB budget: blocks still capped at 1 MB");

    /* chunks larger than the cap still work (their own block) */
    big = MemoryContextAlloc(c, 100000);
    memset(big, 0x5a, 100000);
    pfree(big);
    ok(true, "a chunk larger than the block cap is allocated and freed");
    (void) carved;
    MemoryContextDelete(c);
    MemoryContextDelete(d);
}

static void
test_buffile(void)
{
    BufFile    *f = BufFileCreateTemp();
    BufFile    *g;
    uint64      created = BufFileCreatedCount();
    bool        same = true;
    char        buf[100];
    size_t      n;

    for (int i = 0; i < 5000; i++)
        BufFileWrite(f, &i, sizeof(i));
    ok(BufFileSize(f) == 5000 * sizeof(int), "size counts written bytes");
    BufFileRewind(f);
    for (int i = 0; i < 5000 && same; i++)
    {
        int         v;

        same = BufFileRead(f, &v, sizeof(v)) == sizeof(v) && v == i;
    }
    ok(same, "rewind then read returns what was written, across blocks");
    ok(BufFileRead(f, buf, 1) == 0, "read at end of file returns 0");
    BufFileSeek(f, 4000 * sizeof(int));
    {
        int         v = -1;

        ok(BufFileRead(f, &v, sizeof(v)) == sizeof(v) && v == 4000, "seek to an offset");
    }
    BufFileClose(f);

    /* the next file reuses the pooled descriptor and must start empty */
    g = BufFileCreateTemp();
    ok(BufFileCreatedCount() == created + 1, "every create counts, reused or not");
    ok(BufFileSize(g) == 0, "a new file is empty");
    BufFileWrite(g, "abc", 3);
    BufFileRewind(g);
    n = BufFileRead(g, buf, sizeof buf);
    ok(n == 3 && memcmp(buf, "abc", 3) == 0,
       "a reused file holds only its own data (old contents truncated)");

    /* many files closed at once: the pool is bounded, all still work */
    {
        BufFile    *files[40];
        bool        fine = true;

        for (int i = 0; i < 40; i++)
        {
            files[i] = BufFileCreateTemp();
            BufFileWrite(files[i], &i, sizeof(i));
        }
        for (int i = 0; i < 40; i++)
        {
            int         v = -1;

            BufFileRewind(files[i]);
            fine = fine && BufFileRead(files[i], &v, sizeof(v)) == sizeof(v) && v == i &&
                BufFileRead(files[i], &v, sizeof(v)) == 0;
        }
        for (int i = 0; i < 40; i++)
            BufFileClose(files[i]);
        ok(fine, "40 files at once, each with only its own data");
    }
    BufFileClose(g);
    BufFileCloseAll();
    ok(true, "BufFileCloseAll closes pooled descriptors");
}

int
main(void)
{
    char        datadir[] = "/tmp/basalt-memspill-XXXXXX";
    char        cmd[200];

    MemoryContextInit();
    if (mkdtemp(datadir) == NULL)
    {
        printf("Bail out! mkdtemp failed\n");
        return 1;
    }
    DataDir = datadir;
    (void) mkdir(psprintf("%s/base", datadir), 0700);

    test_block_limits();
    test_buffile();

    snprintf(cmd, sizeof cmd, "rm -rf %s", datadir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", datadir);
    printf("1..%d\n", test_no);
    return failures ? 1 : 0;
}
