/*-------------------------------------------------------------------------
 * shmem.h
 *    The one shared memory segment, and the allocator that carves every
 *    shared structure out of it.
 *
 * The postmaster calls CreateSharedMemoryAndSemaphores() at startup and
 * again after a backend crash.  It asks every module how much it needs,
 * maps one anonymous MAP_SHARED region of that total (huge pages when the
 * system has them), and calls each module's init function, which carves
 * its structures with ShmemAlloc or ShmemInitStruct and stores pointers in
 * its own static variables.  Backends are forked afterwards and inherit
 * both the mapping (at the same address) and those pointers, so no module
 * ever attaches or looks anything up by name at backend start.
 *
 * Reinitialization: the old mapping is unmapped first (all backends are
 * dead by then) and a fresh one is built; every init function must
 * initialize its structures completely and must not assume anything about
 * the old segment.
 *
 * Everything in the segment is fixed-size: it is never grown.  Running
 * out during initialization is an ERROR ("out of shared memory"), which
 * means a module's size function undercounted.
 *
 * Locking: the bump pointer and the index are protected by a spinlock in
 * the segment header (ShmemLock); after startup they are rarely touched.
 *-------------------------------------------------------------------------
 */
#ifndef SHMEM_H
#define SHMEM_H

#include "backend/basalt.h"

#define PG_CACHE_LINE_SIZE 64
#define CACHELINEALIGN(len) TYPEALIGN(PG_CACHE_LINE_SIZE, (len))

/* Create (or re-create) the segment and initialize every module in it. */
extern void CreateSharedMemoryAndSemaphores(void);
/* Unmap the segment (clean shutdown; tests). */
extern void ShmemDestroy(void);

/* Cache-line-aligned bump allocation; ERROR when the segment is full. */
extern void *ShmemAlloc(Size size);
/* Same, but returns NULL instead of raising ERROR. */
extern void *ShmemAllocNoError(Size size);
/*
 * Find or create a named structure.  *found is set to true if it already
 * existed (its size must match).  ERROR if the index (SHMEM_INDEX_SIZE
 * names) or the segment is full.
 */
extern void *ShmemInitStruct(const char *name, Size size, bool *found);
extern bool ShmemAddrIsValid(const void *addr);

/* Overflow-checked size arithmetic for the *ShmemSize functions. */
extern Size add_size(Size s1, Size s2);
extern Size mul_size(Size s1, Size s2);

#define SHMEM_INDEX_SIZE     64
#define SHMEM_INDEX_KEYSIZE  48

/* Facts about the current segment, for logging and tests. */
extern Size ShmemSegmentSize;       /* bytes mapped; 0 when none */
extern bool ShmemUsingHugePages;

/*
 * Modules with state in the segment that are implemented elsewhere; their
 * size and init functions are called from CreateSharedMemoryAndSemaphores
 * along with BufferShmem* (bufmgr.h), LockShmem* (lmgr.h) and
 * ProcArrayShmem* (procarray.h).
 */
extern Size CLOGShmemSize(void);    /* storage/clog.c: commit status */
extern void CLOGShmemInit(void);
extern Size SInvalShmemSize(void);  /* catalog/sinval.c: invalidation ring */
extern void SInvalShmemInit(void);
extern Size XactShmemSize(void);    /* storage/transam.c: next xid / next oid */
extern void XactShmemInit(void);

#endif /* SHMEM_H */
