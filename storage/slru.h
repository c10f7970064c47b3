/*-------------------------------------------------------------------------
 * slru.h
 *    Simple LRU page buffers over segment files (storage/slru.c): the
 *    commit log and the subtransaction map.  See slru.c for the locking
 *    rules (the owner's LWLock protects everything but the LRU stamps).
 *-------------------------------------------------------------------------
 */
#ifndef SLRU_H
#define SLRU_H

typedef struct SlruSlot
{
    int64       pageno;         /* -1: empty */
    bool        dirty;
    uint64      lru;            /* stamp of last use; bumped atomically */
} SlruSlot;

/* In shared memory. */
typedef struct SlruShared
{
    uint64      lruClock;       /* atomic */
    SlruSlot    slots[];        /* nbuffers of them */
} SlruShared;

/* Per process, one per SLRU; fields above `shared` are set by the owner. */
typedef struct SlruCtl
{
    const char *subdir;         /* directory under DataDir: "pg_xact" */
    int         nbuffers;       /* page slots in shared memory (a fixed bound) */
    int         pages_per_segment;
    uint64      items_per_page; /* for messages: "status of transaction N" */
    uint64     *pages_read;     /* counters for tests, or NULL */
    uint64     *pages_written;
    SlruShared *shared;         /* set by SlruShmemInit */
    char       *pages;
    int         fd;             /* the one open segment file, or -1 */
    int64       fd_segno;
} SlruCtl;

extern Size SlruShmemSize(int nbuffers);
/* Allocate the slots in shared memory (postmaster; again after a crash). */
extern void SlruShmemInit(SlruCtl *ctl);
extern char *SlruSlotPage(SlruCtl *ctl, int slot);
/* Slot holding pageno, or -1.  Owner's lock held (either mode). */
extern int SlruFindSlot(SlruCtl *ctl, int64 pageno);
/* Slot holding pageno, loading it (evicting the LRU page) if needed.  Exclusive lock held. */
extern int SlruLoadSlot(SlruCtl *ctl, int64 pageno);
extern void SlruTouchSlot(SlruCtl *ctl, int slot);
/*
 * Write slot's page to its segment (no fsync); returns the fd for a later
 * SlruFsyncSegment.  Exclusive lock held.  elevel: PANIC where there is no
 * going back (a commit), ERROR otherwise.
 */
extern int SlruWritePage(SlruCtl *ctl, int slot, int elevel);
/* The fd of segment segno (kept open), or -1 if it does not exist and !create. */
extern int SlruOpenSegment(SlruCtl *ctl, int64 segno, bool create, int elevel);
extern void SlruFsyncSegment(SlruCtl *ctl, int fd, int64 segno);

#endif
