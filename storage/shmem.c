/*-------------------------------------------------------------------------
 * shmem.c
 *    Create the one shared memory segment, size it from every module, and
 *    hand out pieces of it (see shmem.h for the life cycle).
 *
 * Entry points: CreateSharedMemoryAndSemaphores, ShmemAlloc,
 * ShmemInitStruct, ShmemDestroy.
 *
 * Segment layout: ShmemHeader (index of named structures, bump pointer,
 * lock) at offset 0, then every allocation in call order, each aligned to
 * a cache line so that unrelated hot structures never share one.
 *
 * Huge pages: the total is rounded up to a multiple of 2 MB and mapped with
 * MAP_HUGETLB first; if the system has no (or too few) huge pages reserved
 * the mmap fails with ENOMEM/EINVAL and we fall back to normal pages --
 * PostgreSQL's huge_pages=try.  The rounding costs under 2 MB.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/backend_status.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "storage/lwlock.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "storage/procarray.h"

#include <errno.h>
#include <sys/mman.h>

#define SHMEM_MAGIC 0xBA5A17u
#define HUGE_PAGE_SIZE ((Size) 2 * 1024 * 1024)
/*
 * Slack for per-allocation cache-line padding and small ShmemInitStruct
 * users that do not have a size function of their own.
 */
#define SHMEM_SLACK ((Size) 256 * 1024)

typedef struct ShmemIndexEnt
{
    char        key[SHMEM_INDEX_KEYSIZE];
    Size        offset;         /* from segment start */
    Size        size;
} ShmemIndexEnt;

typedef struct ShmemHeader
{
    uint32      magic;
    slock_t     lock;           /* protects freeoffset, nindex, index[] */
    Size        totalsize;      /* constant after creation */
    Size        freeoffset;     /* next free byte, cache-line aligned */
    int         nindex;
    ShmemIndexEnt index[SHMEM_INDEX_SIZE];
} ShmemHeader;

/* This process's view of the segment (inherited across fork). */
static char *ShmemBase = NULL;
static ShmemHeader *ShmemSegHdr = NULL;
Size ShmemSegmentSize = 0;
bool ShmemUsingHugePages = false;

/* ---------------------------------------------------------------- sizes */

Size
add_size(Size s1, Size s2)
{
    Size        result = s1 + s2;

    if (result < s1 || result < s2)
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("requested shared memory size overflows size_t"));
    return result;
}

Size
mul_size(Size s1, Size s2)
{
    Size        result;

    if (s1 == 0 || s2 == 0)
        return 0;
    result = s1 * s2;
    if (result / s2 != s1)
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("requested shared memory size overflows size_t"));
    return result;
}

static Size
CalculateShmemSize(void)
{
    Size        size = CACHELINEALIGN(sizeof(ShmemHeader));

    size = add_size(size, SHMEM_SLACK);
    size = add_size(size, LWLockShmemSize());
    size = add_size(size, XactShmemSize());
    size = add_size(size, CLOGShmemSize());
    size = add_size(size, BufferShmemSize());
    size = add_size(size, LockShmemSize());
    size = add_size(size, ProcArrayShmemSize());
    size = add_size(size, SInvalShmemSize());
    size = add_size(size, BackendStatusShmemSize());
    /* round up to a huge page multiple */
    size = add_size(size, HUGE_PAGE_SIZE - 1);
    size -= size % HUGE_PAGE_SIZE;
    return size;
}

/* ---------------------------------------------------------------- segment */

void
ShmemDestroy(void)
{
    if (ShmemBase == NULL)
        return;
    if (munmap(ShmemBase, ShmemSegmentSize) != 0)
        elog(LOG, "munmap(%p, %zu) failed: %m", (void *) ShmemBase, ShmemSegmentSize);
    ShmemBase = NULL;
    ShmemSegHdr = NULL;
    ShmemSegmentSize = 0;
    ShmemUsingHugePages = false;
}

static void *
map_segment(Size size)
{
    void       *ptr;

    ptr = mmap(NULL, size, PROT_READ | PROT_WRITE,
               MAP_SHARED | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
    if (ptr != MAP_FAILED)
    {
        ShmemUsingHugePages = true;
        return ptr;
    }

    ptr = mmap(NULL, size, PROT_READ | PROT_WRITE,
               MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (ptr == MAP_FAILED)
        ereport(FATAL,
                errcode(ERRCODE_OUT_OF_MEMORY),
                errmsg("could not map anonymous shared memory: %m"),
                errhint("This error usually means that Basalt's request for a shared "
                        "memory segment exceeded available memory, swap space, or huge "
                        "pages. To reduce the request size (currently %zu bytes), reduce "
                        "Basalt's shared memory usage, perhaps by reducing "
                        "shared_buffers or max_connections.", size));
    ShmemUsingHugePages = false;
    return ptr;
}

void
CreateSharedMemoryAndSemaphores(void)
{
    Size        size;

    /* Reinitialization after a crash: start from nothing. */
    ShmemDestroy();

    size = CalculateShmemSize();
    ShmemBase = map_segment(size);
    ShmemSegmentSize = size;

    ShmemSegHdr = (ShmemHeader *) ShmemBase;
    ShmemSegHdr->magic = SHMEM_MAGIC;
    SpinLockInit(&ShmemSegHdr->lock);
    ShmemSegHdr->totalsize = size;
    ShmemSegHdr->freeoffset = CACHELINEALIGN(sizeof(ShmemHeader));
    ShmemSegHdr->nindex = 0;

    elog(DEBUG1, "created shared memory segment of %zu bytes%s",
         size, ShmemUsingHugePages ? " (huge pages)" : "");

    /* LWLocks first: other modules' init may use the named ones. */
    CreateLWLocks();
    XactShmemInit();
    CLOGShmemInit();
    BufferShmemInit();
    LockShmemInit();
    ProcArrayShmemInit();
    SInvalShmemInit();
    BackendStatusShmemInit();
}

/* ---------------------------------------------------------------- allocation */

void *
ShmemAllocNoError(Size size)
{
    Size        aligned;
    void       *result = NULL;

    if (ShmemSegHdr == NULL)
        return NULL;
    aligned = CACHELINEALIGN(size);
    if (aligned < size)
        return NULL;

    SpinLockAcquire(&ShmemSegHdr->lock);
    if (aligned <= ShmemSegHdr->totalsize - ShmemSegHdr->freeoffset)
    {
        result = ShmemBase + ShmemSegHdr->freeoffset;
        ShmemSegHdr->freeoffset += aligned;
    }
    SpinLockRelease(&ShmemSegHdr->lock);
    return result;
}

void *
ShmemAlloc(Size size)
{
    void       *result = ShmemAllocNoError(size);

    if (result == NULL)
        ereport(ERROR,
                errcode(ERRCODE_OUT_OF_MEMORY),
                errmsg("out of shared memory (%zu bytes requested)", size));
    return result;
}

void *
ShmemInitStruct(const char *name, Size size, bool *found)
{
    ShmemHeader *hdr = ShmemSegHdr;
    Size        aligned = CACHELINEALIGN(size);
    int         i;
    void       *result;

    if (hdr == NULL)
        elog(ERROR, "shared memory is not initialized");
    if (strlen(name) >= SHMEM_INDEX_KEYSIZE)
        elog(ERROR, "shared memory structure name \"%s\" is too long", name);

    SpinLockAcquire(&hdr->lock);
    for (i = 0; i < hdr->nindex; i++)
    {
        if (strcmp(hdr->index[i].key, name) == 0)
        {
            Size        actual = hdr->index[i].size;
            Size        offset = hdr->index[i].offset;

            SpinLockRelease(&hdr->lock);
            if (actual != size)
                ereport(ERROR,
                        errmsg("ShmemIndex entry size is wrong for data structure \"%s\": expected %zu, actual %zu",
                               name, size, actual));
            *found = true;
            return ShmemBase + offset;
        }
    }

    if (hdr->nindex >= SHMEM_INDEX_SIZE)
    {
        SpinLockRelease(&hdr->lock);
        ereport(ERROR,
                errcode(ERRCODE_OUT_OF_MEMORY),
                errmsg("could not create ShmemIndex entry for data structure \"%s\"", name));
    }
    if (aligned < size || aligned > hdr->totalsize - hdr->freeoffset)
    {
        SpinLockRelease(&hdr->lock);
        ereport(ERROR,
                errcode(ERRCODE_OUT_OF_MEMORY),
                errmsg("not enough shared memory for data structure \"%s\" (%zu bytes requested)",
                       name, size));
    }

    result = ShmemBase + hdr->freeoffset;
    /* strcpy is fine under a spinlock: bounded, no allocation, no syscall */
    strcpy(hdr->index[hdr->nindex].key, name);
    hdr->index[hdr->nindex].offset = hdr->freeoffset;
    hdr->index[hdr->nindex].size = size;
    hdr->nindex++;
    hdr->freeoffset += aligned;
    SpinLockRelease(&hdr->lock);

    *found = false;
    return result;
}

bool
ShmemAddrIsValid(const void *addr)
{
    return ShmemBase != NULL &&
        (const char *) addr >= ShmemBase &&
        (const char *) addr < ShmemBase + ShmemSegmentSize;
}
