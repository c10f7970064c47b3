/*-------------------------------------------------------------------------
 * buffile.c
 *    Buffered temporary files (see buffile.h).
 *
 *    A BufFile has one BLCKSZ buffer.  Writes fill it and flush it with
 *    write(); BufFileRewind flushes and seeks to 0, after which reads
 *    refill it.  Files are append-then-read: no random access is needed by
 *    the spilling algorithms that use them.
 *
 *    open_files[] holds every BufFile this backend has open; it is the
 *    bound on temp files and what BufFileCloseAll walks at transaction end.
 *    The BufFile structs live in TopMemoryContext so that cleanup never
 *    touches memory a context reset already freed.
 *
 *    Closed files are truncated and their descriptors kept in a small pool
 *    (at most TEMP_FILE_POOL_SIZE, emptied by BufFileCloseAll) for the next
 *    BufFileCreateTemp: an external sort creates and drops a file per run,
 *    and creating a fresh inode each time costs far more in the kernel than
 *    the run's I/O.  Pooled descriptors hold no data; the open descriptors
 *    of this module are thus at most MAX_TEMP_FILES + TEMP_FILE_POOL_SIZE.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "storage/buffile.h"
#include "storage/smgr.h"

struct BufFile
{
    int         fd;
    int         slot;           /* index in open_files */
    bool        reading;
    int         pos;            /* next byte in buffer */
    int         nbytes;         /* valid bytes in buffer (reading) */
    uint64      size;
    char        buffer[BLCKSZ];
};

#define TEMP_FILE_POOL_SIZE 16

static BufFile *open_files[MAX_TEMP_FILES];
static int  pooled_fds[TEMP_FILE_POOL_SIZE];    /* empty, unlinked files */
static int  npooled = 0;
static uint64 temp_files_created = 0;
static int temp_file_seq = 0;

static void
flush_buffer(BufFile *file)
{
    int         done = 0;

    while (done < file->pos)
    {
        ssize_t     n = write(file->fd, file->buffer + done, (size_t) (file->pos - done));

        if (n < 0)
        {
            if (errno == EINTR)
                continue;
            ereport(ERROR,
                    (errcode_for_file_access(),
                     errmsg("could not write to temporary file: %m")));
        }
        done += (int) n;
    }
    file->pos = 0;
}

BufFile *
BufFileCreateTemp(void)
{
    char        dir[1024];
    char        path[1100];
    int         slot;
    int         fd;
    BufFile    *file;

    for (slot = 0; slot < MAX_TEMP_FILES; slot++)
        if (open_files[slot] == NULL)
            break;
    if (slot == MAX_TEMP_FILES)
        ereport(ERROR,
                (errcode(ERRCODE_INSUFFICIENT_RESOURCES),
                 errmsg("too many temporary files open (limit %d)", MAX_TEMP_FILES)));

    if (npooled > 0)
        fd = pooled_fds[--npooled];     /* empty and at offset 0 */
    else
    {
        snprintf(dir, sizeof dir, "%s/base/pgsql_tmp", DataDir);
        (void) mkdir(dir, 0700);
        snprintf(path, sizeof path, "%s/pgsql_tmp%d.%d", dir, (int) getpid(), temp_file_seq++);
        fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            ereport(ERROR,
                    (errcode_for_file_access(),
                     errmsg("could not create temporary file \"%s\": %m", path)));
        (void) unlink(path);    /* lives only as long as the descriptor */
    }

    file = MemoryContextAllocZero(TopMemoryContext, sizeof(BufFile));
    file->fd = fd;
    file->slot = slot;
    open_files[slot] = file;
    temp_files_created++;
    return file;
}

void
BufFileWrite(BufFile *file, const void *ptr, size_t size)
{
    const char *p = ptr;

    Assert(!file->reading);
    while (size > 0)
    {
        size_t      room = BLCKSZ - (size_t) file->pos;
        size_t      n = Min(room, size);

        memcpy(file->buffer + file->pos, p, n);
        file->pos += (int) n;
        p += n;
        size -= n;
        file->size += n;
        if (file->pos == BLCKSZ)
            flush_buffer(file);
    }
}

size_t
BufFileRead(BufFile *file, void *ptr, size_t size)
{
    char       *p = ptr;
    size_t      total = 0;

    Assert(file->reading);
    while (size > 0)
    {
        size_t      n;

        if (file->pos >= file->nbytes)
        {
            ssize_t     got;

            do
                got = read(file->fd, file->buffer, BLCKSZ);
            while (got < 0 && errno == EINTR);
            if (got < 0)
                ereport(ERROR,
                        (errcode_for_file_access(),
                         errmsg("could not read from temporary file: %m")));
            if (got == 0)
                break;
            file->nbytes = (int) got;
            file->pos = 0;
        }
        n = Min((size_t) (file->nbytes - file->pos), size);
        memcpy(p, file->buffer + file->pos, n);
        file->pos += (int) n;
        p += n;
        size -= n;
        total += n;
    }
    return total;
}

void
BufFileRewind(BufFile *file)
{
    if (!file->reading)
        flush_buffer(file);
    if (lseek(file->fd, 0, SEEK_SET) < 0)
        ereport(ERROR,
                (errcode_for_file_access(),
                 errmsg("could not seek in temporary file: %m")));
    file->reading = true;
    file->pos = 0;
    file->nbytes = 0;
}

/* Position a file for reading at byte offset (tuplestore random access). */
void
BufFileSeek(BufFile *file, uint64 offset)
{
    if (!file->reading)
        flush_buffer(file);
    if (lseek(file->fd, (off_t) offset, SEEK_SET) < 0)
        ereport(ERROR,
                (errcode_for_file_access(),
                 errmsg("could not seek in temporary file: %m")));
    file->reading = true;
    file->pos = 0;
    file->nbytes = 0;
}

uint64
BufFileSize(BufFile *file)
{
    return file->size;
}

void
BufFileClose(BufFile *file)
{
    if (file == NULL)
        return;
    /* keep the descriptor for reuse if it can be emptied and rewound */
    if (npooled < TEMP_FILE_POOL_SIZE &&
        ftruncate(file->fd, 0) == 0 && lseek(file->fd, 0, SEEK_SET) == 0)
        pooled_fds[npooled++] = file->fd;
    else
        close(file->fd);
    open_files[file->slot] = NULL;
    pfree(file);
}

void
BufFileCloseAll(void)
{
    for (int i = 0; i < MAX_TEMP_FILES; i++)
        if (open_files[i])
            BufFileClose(open_files[i]);
    while (npooled > 0)
        close(pooled_fds[--npooled]);
}

uint64
BufFileCreatedCount(void)
{
    return temp_files_created;
}
