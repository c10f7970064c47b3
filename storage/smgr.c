/*-------------------------------------------------------------------------
 * smgr.c
 *    Relation files: segments, block I/O, and a bounded per-backend cache
 *    of open file descriptors.  (PostgreSQL's smgr.c + md.c + the part of
 *    fd.c that keeps descriptors under a limit.)
 *
 * Entry points: smgrcreate, smgrexists, smgrunlink, smgrextend, smgrread,
 * smgrwrite, smgrnblocks, smgrtruncate, smgrimmedsync, smgrclose.
 *
 * The descriptor cache (all private to the backend, no locks):
 *   SmgrFile entries[capacity]    one per open segment file
 *   buckets[nbuckets]             hash of (relNode, segno) -> entry chain
 *   LRU list                      most recently used at the head; when the
 *                                 cache is full the tail is closed
 * capacity is fixed at first use from max_files_per_process and
 * RLIMIT_NOFILE, so the cache can never grow past it.  Entries are
 * allocated once in TopMemoryContext.
 *
 * Block b lives in segment b / RELSEG_SIZE at byte offset
 * (b % RELSEG_SIZE) * BLCKSZ.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "storage/smgr.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

int max_files_per_process = 1000;
int smgr_inject_errno = 0;
int smgr_inject_countdown = 0;

typedef struct SmgrFile
{
    Oid         relNode;
    uint32      segno;
    int         fd;             /* -1 when the entry is free */
    int         lru_prev;       /* toward the head (more recent) */
    int         lru_next;       /* toward the tail (less recent) */
    int         hash_next;      /* bucket chain, or the free list */
} SmgrFile;

static SmgrFile *smgr_files = NULL;
static int *smgr_buckets = NULL;
static int  smgr_capacity = 0;
static int  smgr_nbuckets = 0;     /* power of two */
static int  smgr_lru_head = -1;
static int  smgr_lru_tail = -1;
static int  smgr_free_list = -1;
static int  smgr_nopen = 0;

/* ---------------------------------------------------------------- paths & errors */

/* Path for messages, as PostgreSQL prints it: relative to the data dir. */
static void
seg_relpath(char *buf, RelFileNode rnode, uint32 segno)
{
    if (segno == 0)
        snprintf(buf, MAXPGPATH, "base/%u", rnode.relNode);
    else
        snprintf(buf, MAXPGPATH, "base/%u.%u", rnode.relNode, segno);
}

/* Path for system calls. */
static void
seg_fullpath(char *buf, RelFileNode rnode, uint32 segno)
{
    char        rel[MAXPGPATH];
    int         n;

    seg_relpath(rel, rnode, segno);
    if (DataDir != NULL && DataDir[0] != '\0')
        n = snprintf(buf, MAXPGPATH, "%s/%s", DataDir, rel);
    else
        n = snprintf(buf, MAXPGPATH, "%s", rel);
    if (n < 0 || n >= MAXPGPATH)
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("path of file \"%s\" in data directory is too long", rel));
}

char *
relpath(RelFileNode rnode)
{
    return psprintf("base/%u", rnode.relNode);
}

/* PostgreSQL's errcode_for_file_access mapping. */
static int
errcode_for_errno(int e)
{
    switch (e)
    {
        case EPERM:
        case EACCES:
        case EROFS:
            return ERRCODE_INSUFFICIENT_PRIVILEGE;
        case ENOENT:
            return ERRCODE_UNDEFINED_FILE;
        case EEXIST:
            return ERRCODE_DUPLICATE_FILE;
        case ENOTDIR:
        case EISDIR:
        case ENOTEMPTY:
            return ERRCODE_WRONG_OBJECT_TYPE;
        case ENOSPC:
            return ERRCODE_DISK_FULL;
        case ENFILE:
        case EMFILE:
            return ERRCODE_INSUFFICIENT_RESOURCES;
        case EIO:
            return ERRCODE_IO_ERROR;
        default:
            return ERRCODE_INTERNAL_ERROR;
    }
}

/* Fault injection: true (with errno set) if this write should fail. */
static bool
smgr_inject_fault(void)
{
    if (smgr_inject_errno == 0)
        return false;
    if (smgr_inject_countdown > 0)
    {
        smgr_inject_countdown--;
        return false;
    }
    errno = smgr_inject_errno;
    smgr_inject_errno = 0;
    return true;
}

/* ---------------------------------------------------------------- the fd cache */

static uint32
smgr_hash(Oid relNode, uint32 segno)
{
    uint32      h = relNode * 0x9E3779B1u ^ (segno + 0x7F4A7C15u) * 0x85EBCA77u;

    return h ^ (h >> 16);
}

static void
smgr_cache_init(void)
{
    struct rlimit rl;
    int         cap = max_files_per_process - SMGR_RESERVED_FDS;
    int         i;

    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        (rlim_t) cap > rl.rlim_cur - SMGR_RESERVED_FDS)
        cap = (int) rl.rlim_cur - SMGR_RESERVED_FDS;
    if (cap < 4)
        cap = 4;                /* enough to make progress */

    smgr_nbuckets = 16;
    while (smgr_nbuckets < cap * 2)
        smgr_nbuckets <<= 1;

    smgr_files = MemoryContextAllocZero(TopMemoryContext, sizeof(SmgrFile) * cap);
    smgr_buckets = MemoryContextAlloc(TopMemoryContext, sizeof(int) * smgr_nbuckets);
    for (i = 0; i < smgr_nbuckets; i++)
        smgr_buckets[i] = -1;
    for (i = 0; i < cap; i++)
    {
        smgr_files[i].fd = -1;
        smgr_files[i].hash_next = (i + 1 < cap) ? i + 1 : -1;
    }
    smgr_free_list = 0;
    smgr_capacity = cap;
}

static void
lru_unlink(int i)
{
    SmgrFile   *f = &smgr_files[i];

    if (f->lru_prev >= 0)
        smgr_files[f->lru_prev].lru_next = f->lru_next;
    else
        smgr_lru_head = f->lru_next;
    if (f->lru_next >= 0)
        smgr_files[f->lru_next].lru_prev = f->lru_prev;
    else
        smgr_lru_tail = f->lru_prev;
}

static void
lru_push_head(int i)
{
    SmgrFile   *f = &smgr_files[i];

    f->lru_prev = -1;
    f->lru_next = smgr_lru_head;
    if (smgr_lru_head >= 0)
        smgr_files[smgr_lru_head].lru_prev = i;
    smgr_lru_head = i;
    if (smgr_lru_tail < 0)
        smgr_lru_tail = i;
}

static int
cache_lookup(Oid relNode, uint32 segno)
{
    int         i;

    if (smgr_files == NULL)
        return -1;
    for (i = smgr_buckets[smgr_hash(relNode, segno) & (smgr_nbuckets - 1)];
         i >= 0; i = smgr_files[i].hash_next)
        if (smgr_files[i].relNode == relNode && smgr_files[i].segno == segno)
            return i;
    return -1;
}

/* Close an entry's file and return it to the free list. */
static void
cache_evict(int i)
{
    SmgrFile   *f = &smgr_files[i];
    int        *pp = &smgr_buckets[smgr_hash(f->relNode, f->segno) & (smgr_nbuckets - 1)];

    while (*pp != i)
        pp = &smgr_files[*pp].hash_next;
    *pp = f->hash_next;
    lru_unlink(i);

    /* close() errors on a file we only read or already fsynced are moot */
    (void) close(f->fd);
    f->fd = -1;
    f->hash_next = smgr_free_list;
    smgr_free_list = i;
    smgr_nopen--;
}

/* Close the least recently used file; false if nothing is open. */
static bool
cache_evict_lru(void)
{
    if (smgr_lru_tail < 0)
        return false;
    cache_evict(smgr_lru_tail);
    return true;
}

static void
cache_insert(Oid relNode, uint32 segno, int fd)
{
    int         i;
    uint32      b;

    if (smgr_free_list < 0)
        cache_evict_lru();
    i = smgr_free_list;
    smgr_free_list = smgr_files[i].hash_next;

    smgr_files[i].relNode = relNode;
    smgr_files[i].segno = segno;
    smgr_files[i].fd = fd;
    b = smgr_hash(relNode, segno) & (smgr_nbuckets - 1);
    smgr_files[i].hash_next = smgr_buckets[b];
    smgr_buckets[b] = i;
    lru_push_head(i);
    smgr_nopen++;
}

/*
 * Open a file, closing cached descriptors while the process or system is
 * out of them (PostgreSQL's BasicOpenFile).
 */
static int
open_retry(const char *path, int flags)
{
    for (;;)
    {
        int         fd = open(path, flags | O_CLOEXEC, 0600);

        if (fd >= 0)
            return fd;
        if ((errno == EMFILE || errno == ENFILE) && cache_evict_lru())
            continue;
        if (errno == EINTR)
            continue;
        return -1;
    }
}

/*
 * The descriptor of one segment, opened (and with O_CREAT, created) if
 * needed.  Returns -1 with errno set on failure; the caller reports.
 */
static int
seg_fd(RelFileNode rnode, uint32 segno, bool create)
{
    int         i;
    int         fd;
    char        path[MAXPGPATH];

    if (smgr_files == NULL)
        smgr_cache_init();

    i = cache_lookup(rnode.relNode, segno);
    if (i >= 0)
    {
        if (smgr_lru_head != i)
        {
            lru_unlink(i);
            lru_push_head(i);
        }
        return smgr_files[i].fd;
    }

    seg_fullpath(path, rnode, segno);
    fd = open_retry(path, O_RDWR | (create ? O_CREAT : 0));
    if (fd < 0)
        return -1;
    cache_insert(rnode.relNode, segno, fd);
    return fd;
}

/* seg_fd that reports failure as ERROR. */
static int
seg_fd_or_error(RelFileNode rnode, uint32 segno, bool create, BlockNumber blkno)
{
    int         fd = seg_fd(rnode, segno, create);

    if (fd < 0)
    {
        int         save_errno = errno;
        char        rel[MAXPGPATH];

        seg_relpath(rel, rnode, segno);
        errno = save_errno;
        if (blkno != InvalidBlockNumber)
            ereport(ERROR,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not open file \"%s\" (target block %u): %m", rel, blkno));
        ereport(ERROR,
                errcode(errcode_for_errno(save_errno)),
                errmsg("could not open file \"%s\": %m", rel));
    }
    return fd;
}

int
SmgrOpenFileCount(void)
{
    return smgr_nopen;
}

void
smgrclose(RelFileNode rnode)
{
    int         i;

    if (smgr_files == NULL)
        return;
    for (i = 0; i < smgr_capacity; i++)
        if (smgr_files[i].fd >= 0 && smgr_files[i].relNode == rnode.relNode)
            cache_evict(i);
}

void
smgrcloseall(void)
{
    while (cache_evict_lru())
        ;
}

/* ---------------------------------------------------------------- create, exists, unlink */

void
smgrcreate(RelFileNode rnode, bool isRedo)
{
    char        path[MAXPGPATH];
    int         fd;

    if (smgr_files == NULL)
        smgr_cache_init();
    if (cache_lookup(rnode.relNode, 0) >= 0)
    {
        if (isRedo)
            return;
        smgrclose(rnode);       /* stale: the file must be new */
    }

    seg_fullpath(path, rnode, 0);
    fd = open_retry(path, O_RDWR | O_CREAT | O_EXCL);
    if (fd < 0 && errno == ENOENT)
    {
        /* base/ itself is missing (fresh data directory): make it once */
        char        dir[MAXPGPATH];

        if (DataDir != NULL && DataDir[0] != '\0')
            snprintf(dir, sizeof(dir), "%s/base", DataDir);
        else
            snprintf(dir, sizeof(dir), "base");
        if (mkdir(dir, 0700) == 0 || errno == EEXIST)
            fd = open_retry(path, O_RDWR | O_CREAT | O_EXCL);
        else
            errno = ENOENT;
    }
    if (fd < 0 && errno == EEXIST && isRedo)
        fd = open_retry(path, O_RDWR);
    if (fd < 0)
    {
        int         save_errno = errno;
        char        rel[MAXPGPATH];

        seg_relpath(rel, rnode, 0);
        errno = save_errno;
        ereport(ERROR,
                errcode(errcode_for_errno(save_errno)),
                errmsg("could not create file \"%s\": %m", rel));
    }
    cache_insert(rnode.relNode, 0, fd);
}

bool
smgrexists(RelFileNode rnode)
{
    char        path[MAXPGPATH];
    struct stat st;

    /* Ask the file system: another backend may have created or dropped it. */
    seg_fullpath(path, rnode, 0);
    return stat(path, &st) == 0;
}

void
smgrunlink(RelFileNode rnode)
{
    char        path[MAXPGPATH];
    char        rel[MAXPGPATH];
    uint32      segno;

    smgrclose(rnode);

    /* Later segments first, so a crash midway never leaves a gap. */
    for (segno = 1;; segno++)
    {
        struct stat st;

        seg_fullpath(path, rnode, segno);
        if (stat(path, &st) != 0)
            break;
    }
    while (segno-- > 0)
    {
        seg_fullpath(path, rnode, segno);
        if (unlink(path) != 0 && (errno != ENOENT || segno == 0))
        {
            int         save_errno = errno;

            seg_relpath(rel, rnode, segno);
            errno = save_errno;
            ereport(WARNING,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not remove file \"%s\": %m", rel));
        }
    }
}

/* ---------------------------------------------------------------- size */

static off_t
seg_size_or_error(RelFileNode rnode, uint32 segno, int fd)
{
    off_t       len = lseek(fd, 0, SEEK_END);

    if (len < 0)
    {
        int         save_errno = errno;
        char        rel[MAXPGPATH];

        seg_relpath(rel, rnode, segno);
        errno = save_errno;
        ereport(ERROR,
                errcode(errcode_for_errno(save_errno)),
                errmsg("could not seek to end of file \"%s\": %m", rel));
    }
    return len;
}

BlockNumber
smgrnblocks(RelFileNode rnode)
{
    uint32      segno;
    BlockNumber total = 0;

    for (segno = 0;; segno++)
    {
        int         fd;
        off_t       len;
        BlockNumber nblocks;

        if (segno == 0)
            fd = seg_fd_or_error(rnode, 0, false, InvalidBlockNumber);
        else
        {
            fd = seg_fd(rnode, segno, false);
            if (fd < 0)
            {
                if (errno == ENOENT)
                    return total;       /* previous segment was exactly full */
                (void) seg_fd_or_error(rnode, segno, false, InvalidBlockNumber);
            }
        }
        len = seg_size_or_error(rnode, segno, fd);
        nblocks = (BlockNumber) (len / BLCKSZ);     /* a torn last block does not count */
        if (nblocks > RELSEG_SIZE)
        {
            char        rel[MAXPGPATH];

            /* we never write past a segment's end: someone else did */
            seg_relpath(rel, rnode, segno);
            ereport(ERROR,
                    errcode(ERRCODE_DATA_CORRUPTED),
                    errmsg("file \"%s\" is larger than a segment (%u blocks)", rel, nblocks));
        }
        total += nblocks;
        if (nblocks < RELSEG_SIZE)
            return total;
    }
}

/* ---------------------------------------------------------------- block I/O */

/* Write all of buf; returns bytes written (< len means errno is set). */
static ssize_t
write_fully(int fd, const char *buf, size_t len, off_t offset)
{
    size_t      done = 0;

    while (done < len)
    {
        ssize_t     n;

        if (smgr_inject_fault())
            return (ssize_t) done;
        n = pwrite(fd, buf + done, len - done, offset + done);
        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            return (ssize_t) done;
        }
        if (n == 0)
        {
            errno = ENOSPC;     /* no progress and no errno: assume disk full */
            return (ssize_t) done;
        }
        done += n;
    }
    return (ssize_t) done;
}

/*
 * Pad the segments before segno to RELSEG_SIZE blocks (sparse: no disk
 * used), restoring "all but the last are full" before segno is written.
 * Walks down from segno - 1 and stops at the first full segment: by the
 * invariant, everything below it is full too.
 */
static void
pad_previous_segments(RelFileNode rnode, uint32 segno)
{
    uint32      s = segno;

    while (s-- > 0)
    {
        int         fd = seg_fd_or_error(rnode, s, s > 0, InvalidBlockNumber);
        off_t       len = seg_size_or_error(rnode, s, fd);

        if (len >= (off_t) RELSEG_SIZE * BLCKSZ)
            break;
        if (ftruncate(fd, (off_t) RELSEG_SIZE * BLCKSZ) != 0)
        {
            int         save_errno = errno;
            char        rel[MAXPGPATH];

            seg_relpath(rel, rnode, s);
            errno = save_errno;
            ereport(ERROR,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not extend file \"%s\": %m", rel),
                    errhint("Check free disk space."));
        }
    }
}

void
smgrextend(RelFileNode rnode, BlockNumber blkno, const char *buffer)
{
    uint32      segno = blkno / RELSEG_SIZE;
    off_t       offset = (off_t) (blkno % RELSEG_SIZE) * BLCKSZ;
    char        rel[MAXPGPATH];
    int         fd;
    ssize_t     n;

    if (blkno == InvalidBlockNumber)
    {
        seg_relpath(rel, rnode, 0);
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("cannot extend file \"%s\" beyond %u blocks", rel, InvalidBlockNumber));
    }

    /* Entering a new segment: keep "all but the last are full". */
    if (segno > 0 && (offset == 0 || cache_lookup(rnode.relNode, segno) < 0))
        pad_previous_segments(rnode, segno);

    fd = seg_fd_or_error(rnode, segno, true, blkno);
    n = write_fully(fd, buffer, BLCKSZ, offset);
    if (n != BLCKSZ)
    {
        int         save_errno = errno;

        seg_relpath(rel, rnode, segno);
        errno = save_errno;
        if (n <= 0)
            ereport(ERROR,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not extend file \"%s\": %m", rel),
                    errhint("Check free disk space."));
        ereport(ERROR,
                errcode(ERRCODE_DISK_FULL),
                errmsg("could not extend file \"%s\": wrote only %d of %d bytes at block %u",
                       rel, (int) n, BLCKSZ, blkno),
                errhint("Check free disk space."));
    }
}

void
smgrread(RelFileNode rnode, BlockNumber blkno, char *buffer)
{
    uint32      segno = blkno / RELSEG_SIZE;
    off_t       offset = (off_t) (blkno % RELSEG_SIZE) * BLCKSZ;
    char        rel[MAXPGPATH];
    size_t      done = 0;
    int         fd;

    fd = seg_fd_or_error(rnode, segno, false, blkno);
    while (done < BLCKSZ)
    {
        ssize_t     n = pread(fd, buffer + done, BLCKSZ - done, offset + done);

        if (n < 0)
        {
            int         save_errno = errno;

            if (save_errno == EINTR)
                continue;
            seg_relpath(rel, rnode, segno);
            errno = save_errno;
            ereport(ERROR,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not read block %u in file \"%s\": %m", blkno, rel));
        }
        if (n == 0)
            break;              /* EOF */
        done += n;
    }
    if (done != BLCKSZ)
    {
        seg_relpath(rel, rnode, segno);
        ereport(ERROR,
                errcode(ERRCODE_DATA_CORRUPTED),
                errmsg("could not read block %u in file \"%s\": read only %d of %d bytes",
                       blkno, rel, (int) done, BLCKSZ));
    }
}

void
smgrwrite(RelFileNode rnode, BlockNumber blkno, const char *buffer)
{
    uint32      segno = blkno / RELSEG_SIZE;
    off_t       offset = (off_t) (blkno % RELSEG_SIZE) * BLCKSZ;
    char        rel[MAXPGPATH];
    int         fd;
    ssize_t     n;

    fd = seg_fd_or_error(rnode, segno, false, blkno);
    n = write_fully(fd, buffer, BLCKSZ, offset);
    if (n != BLCKSZ)
    {
        int         save_errno = errno;

        seg_relpath(rel, rnode, segno);
        errno = save_errno;
        if (n <= 0)
            ereport(ERROR,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not write block %u in file \"%s\": %m", blkno, rel),
                    save_errno == ENOSPC ? errhint("Check free disk space.") : 0);
        ereport(ERROR,
                errcode(ERRCODE_DISK_FULL),
                errmsg("could not write block %u in file \"%s\": wrote only %d of %d bytes",
                       blkno, rel, (int) n, BLCKSZ),
                errhint("Check free disk space."));
    }
}

/* ---------------------------------------------------------------- truncate, sync */

void
smgrtruncate(RelFileNode rnode, BlockNumber nblocks)
{
    BlockNumber curnblk = smgrnblocks(rnode);
    uint32      lastseg;
    uint32      segno;
    char        rel[MAXPGPATH];

    if (nblocks > curnblk)
    {
        seg_relpath(rel, rnode, 0);
        ereport(ERROR,
                errmsg("could not truncate file \"%s\" to %u blocks: it's only %u blocks now",
                       rel, nblocks, curnblk));
    }
    if (nblocks == curnblk)
        return;

    /*
     * Later segments become empty files rather than disappearing: other
     * backends may have them open, and an unlinked-then-recreated segment
     * would split their view from ours.  PostgreSQL does the same.
     */
    lastseg = curnblk == 0 ? 0 : (curnblk - 1) / RELSEG_SIZE;
    for (segno = lastseg + 1; segno-- > 0;)
    {
        BlockNumber segstart = segno * RELSEG_SIZE;
        off_t       newlen;
        int         fd;

        if (segstart >= nblocks)
            newlen = 0;
        else if (nblocks - segstart < RELSEG_SIZE)
            newlen = (off_t) (nblocks - segstart) * BLCKSZ;
        else
            break;              /* this and earlier segments stay full */

        fd = seg_fd_or_error(rnode, segno, false, InvalidBlockNumber);
        if (ftruncate(fd, newlen) != 0)
        {
            int         save_errno = errno;

            seg_relpath(rel, rnode, segno);
            errno = save_errno;
            ereport(ERROR,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not truncate file \"%s\" to %u blocks: %m",
                           rel, (unsigned) (newlen / BLCKSZ)));
        }
    }
}

void
smgrimmedsync(RelFileNode rnode)
{
    uint32      segno;

    for (segno = 0;; segno++)
    {
        int         fd = seg_fd(rnode, segno, false);

        if (fd < 0)
        {
            if (errno == ENOENT && segno > 0)
                return;
            (void) seg_fd_or_error(rnode, segno, false, InvalidBlockNumber);
        }
        if (fsync(fd) != 0)
        {
            int         save_errno = errno;
            char        rel[MAXPGPATH];

            seg_relpath(rel, rnode, segno);
            errno = save_errno;
            ereport(PANIC,
                    errcode(errcode_for_errno(save_errno)),
                    errmsg("could not fsync file \"%s\": %m", rel));
        }
    }
}
