/*-------------------------------------------------------------------------
 * slru.c
 *    Simple LRU page buffers over a directory of segment files
 *    (PostgreSQL's slru.c, reduced): the commit log (storage/clog.c,
 *    pg_xact) and the subtransaction map (storage/subtrans.c, pg_subtrans)
 *    keep their pages here.  A fixed number of BLCKSZ page slots lives in
 *    shared memory; a page missing from its file reads as zeros; writing
 *    a page creates its segment (and the directory) durably.
 *
 * Locking is the caller's: the module that owns an SlruCtl holds its own
 * LWLock exclusively around SlruLoadSlot / SlruWritePage, and at least
 * shared around SlruFindSlot and reads of a slot's page.  The LRU stamp
 * is bumped atomically, so SlruTouchSlot is safe under a shared lock.
 * Each process keeps one segment file open (ctl->fd), reopened when
 * another segment is needed.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "storage/shmem.h"
#include "storage/slru.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* the "fsync" setting (backend/guc_tables.c; no header declares it yet) */
extern bool enableFsync;

#define MAXPGPATH 1024

Size
SlruShmemSize(int nbuffers)
{
    return add_size(CACHELINEALIGN(offsetof(SlruShared, slots) +
                                   sizeof(SlruSlot) * (Size) nbuffers),
                    mul_size((Size) nbuffers, BLCKSZ));
}

void
SlruShmemInit(SlruCtl *ctl)
{
    ctl->shared = (SlruShared *) ShmemAlloc(offsetof(SlruShared, slots) +
                                           sizeof(SlruSlot) * (Size) ctl->nbuffers);
    ctl->pages = (char *) ShmemAlloc((Size) ctl->nbuffers * BLCKSZ);
    ctl->shared->lruClock = 0;
    for (int i = 0; i < ctl->nbuffers; i++)
    {
        ctl->shared->slots[i].pageno = -1;
        ctl->shared->slots[i].dirty = false;
        ctl->shared->slots[i].lru = 0;
    }
    memset(ctl->pages, 0, (Size) ctl->nbuffers * BLCKSZ);
    /* a re-created segment: forget this process's open file */
    if (ctl->fd >= 0)
        close(ctl->fd);
    ctl->fd = -1;
    ctl->fd_segno = -1;
}

char *
SlruSlotPage(SlruCtl *ctl, int slot)
{
    return ctl->pages + (Size) slot * BLCKSZ;
}

static void
fsync_dir_path(const char *dirpath)
{
    int         dfd = open(dirpath, O_RDONLY | O_DIRECTORY);

    if (dfd < 0 || (enableFsync && fsync(dfd) != 0))
        ereport(PANIC,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not fsync directory \"%s\": %m", dirpath));
    close(dfd);
}

static void
segment_path(SlruCtl *ctl, char *buf, int64 segno)
{
    snprintf(buf, MAXPGPATH, "%s/%s/%012llX", DataDir, ctl->subdir, (unsigned long long) segno);
}

/*
 * The fd of segment segno, or -1 if it does not exist and !create.
 * Creating a segment (and the directory, for a data directory made before
 * it existed) fsyncs the directory so that the new name is durable.
 */
int
SlruOpenSegment(SlruCtl *ctl, int64 segno, bool create, int elevel)
{
    char        path[MAXPGPATH];
    int         fd;

    if (ctl->fd >= 0 && ctl->fd_segno == segno)
        return ctl->fd;
    if (ctl->fd >= 0)
    {
        close(ctl->fd);
        ctl->fd = -1;
        ctl->fd_segno = -1;
    }

    segment_path(ctl, path, segno);
    fd = open(path, O_RDWR);
    if (fd < 0 && errno == ENOENT && create)
    {
        char        dirpath[MAXPGPATH];

        snprintf(dirpath, sizeof(dirpath), "%s/%s", DataDir, ctl->subdir);
        if (mkdir(dirpath, 0700) == 0)
            fsync_dir_path(DataDir);
        fd = open(path, O_RDWR | O_CREAT, 0600);
        if (fd >= 0)
            fsync_dir_path(dirpath);
    }
    if (fd < 0)
    {
        if (errno == ENOENT && !create)
            return -1;
        ereport(elevel,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not access status of transaction %llu",
                       (unsigned long long) (segno * ctl->pages_per_segment * ctl->items_per_page)),
                errdetail("Could not open file \"%s\": %m.", path));
        return -1;              /* below ERROR only */
    }
    ctl->fd = fd;
    ctl->fd_segno = segno;
    return fd;
}

/* Read page pageno into slot; missing data reads as zeros.  Exclusive lock held. */
static void
read_page(SlruCtl *ctl, int slot, int64 pageno)
{
    char       *page = SlruSlotPage(ctl, slot);
    int64       segno = pageno / ctl->pages_per_segment;
    off_t       offset = (off_t) (pageno % ctl->pages_per_segment) * BLCKSZ;
    int         fd;
    ssize_t     n = 0;

    fd = SlruOpenSegment(ctl, segno, false, ERROR);
    if (fd >= 0)
    {
        n = pread(fd, page, BLCKSZ, offset);
        if (n < 0)
        {
            char        path[MAXPGPATH];

            segment_path(ctl, path, segno);
            ereport(ERROR,
                    errcode(ERRCODE_IO_ERROR),
                    errmsg("could not access status of transaction %llu",
                           (unsigned long long) (pageno * ctl->items_per_page)),
                    errdetail("Could not read from file \"%s\" at offset %lld: %m.",
                              path, (long long) offset));
        }
    }
    if (n < BLCKSZ)
        memset(page + n, 0, BLCKSZ - n);
    if (ctl->pages_read)
        (*ctl->pages_read)++;
}

/*
 * Write slot's page to its segment (no fsync); returns the fd for a later
 * fsync.  Exclusive lock held.  elevel is PANIC at commit (the shared page
 * already says committed: there is no going back), ERROR otherwise.
 */
int
SlruWritePage(SlruCtl *ctl, int slot, int elevel)
{
    int64       pageno = ctl->shared->slots[slot].pageno;
    int64       segno = pageno / ctl->pages_per_segment;
    off_t       offset = (off_t) (pageno % ctl->pages_per_segment) * BLCKSZ;
    int         fd;
    ssize_t     n;

    fd = SlruOpenSegment(ctl, segno, true, elevel);
    n = pwrite(fd, SlruSlotPage(ctl, slot), BLCKSZ, offset);
    if (n != BLCKSZ)
    {
        char        path[MAXPGPATH];

        if (n >= 0)
            errno = ENOSPC;
        segment_path(ctl, path, segno);
        ereport(elevel,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not access status of transaction %llu",
                       (unsigned long long) (pageno * ctl->items_per_page)),
                errdetail("Could not write to file \"%s\" at offset %lld: %m.",
                          path, (long long) offset));
    }
    ctl->shared->slots[slot].dirty = false;
    if (ctl->pages_written)
        (*ctl->pages_written)++;
    return fd;
}

void
SlruFsyncSegment(SlruCtl *ctl, int fd, int64 segno)
{
    if (enableFsync && fsync(fd) != 0)
    {
        char        path[MAXPGPATH];

        segment_path(ctl, path, segno);
        ereport(PANIC,
                errcode(ERRCODE_IO_ERROR),
                errmsg("could not fsync file \"%s\": %m", path));
    }
}

/* ---------------------------------------------------------------- buffers */

void
SlruTouchSlot(SlruCtl *ctl, int slot)
{
    uint64      stamp = __atomic_add_fetch(&ctl->shared->lruClock, 1, __ATOMIC_RELAXED);

    __atomic_store_n(&ctl->shared->slots[slot].lru, stamp, __ATOMIC_RELAXED);
}

/* Slot holding pageno, or -1.  Lock held (either mode). */
int
SlruFindSlot(SlruCtl *ctl, int64 pageno)
{
    int         i;

    for (i = 0; i < ctl->nbuffers; i++)
        if (ctl->shared->slots[i].pageno == pageno)
            return i;
    return -1;
}

/* Slot holding pageno, loading it (and evicting the LRU page) if needed.  Exclusive lock held. */
int
SlruLoadSlot(SlruCtl *ctl, int64 pageno)
{
    int         slot = SlruFindSlot(ctl, pageno);
    int         i;
    uint64      best;

    if (slot >= 0)
    {
        SlruTouchSlot(ctl, slot);
        return slot;
    }

    /* an empty slot, else the least recently used one */
    best = UINT64_MAX;
    for (i = 0; i < ctl->nbuffers; i++)
    {
        if (ctl->shared->slots[i].pageno < 0)
        {
            slot = i;
            break;
        }
        if (ctl->shared->slots[i].lru < best)
        {
            best = ctl->shared->slots[i].lru;
            slot = i;
        }
    }
    if (ctl->shared->slots[slot].pageno >= 0 && ctl->shared->slots[slot].dirty)
        (void) SlruWritePage(ctl, slot, ERROR);

    /* mark empty while reading, so a failed read leaves no half-loaded page */
    ctl->shared->slots[slot].pageno = -1;
    read_page(ctl, slot, pageno);
    ctl->shared->slots[slot].pageno = pageno;
    ctl->shared->slots[slot].dirty = false;
    SlruTouchSlot(ctl, slot);
    return slot;
}
