/*-------------------------------------------------------------------------
 * sinval.h
 *    Cache invalidation: a transaction's catalog changes reach this
 *    backend's caches at once and every other backend's after commit,
 *    through a fixed-size ring of messages in shared memory.
 *
 * Principal entry points:
 *    CacheInvalidateRelcache(relid)   a relation's descriptor changed/went
 *    CacheInvalidateCatalog(catid)    rows of a system catalog changed
 *    AcceptInvalidationMessages()     apply what other backends committed
 *    SInvalShmemSize / SInvalShmemInit   the shared ring
 *
 * When messages are processed (the rule every cache user relies on):
 *  - Own messages are applied to this backend's caches as they are
 *    registered, again at the next CommandCounterIncrement (catalog scans
 *    use an MVCC snapshot of the current command, so an entry rebuilt in
 *    between holds the old state), and again at ABORT (entries built from
 *    rolled-back rows are dropped).
 *  - At COMMIT they are appended to the shared ring (the XactCallback runs
 *    after the commit is recorded and before locks are released).
 *  - Other backends' messages are applied only in
 *    AcceptInvalidationMessages(), which runs at the first cache lookup of
 *    a transaction (AcceptInvalidationIfNeeded) and right after a
 *    heavyweight lock is acquired (relation_open, lmgr's hook), never in
 *    the middle of a lookup.
 *
 * The shared ring (SINVAL_QUEUE_SIZE messages, one per slot) is written
 * under SInvalWriteLock (exclusive) and read under it (shared).  Message
 * numbers are 64-bit and never wrap; message n lives in slot n % size.
 * Writers never wait for readers: a backend that falls more than
 * SINVAL_QUEUE_SIZE messages behind (its messages were overwritten)
 * notices it at its next read and performs a *reset* -- it flushes every
 * catalog and relation cache entry -- which is always correct.  That is
 * the bound: the ring never grows, a lagging backend only pays a reset.
 * (PostgreSQL keeps per-backend read pointers in shared memory so writers
 * can signal laggards to catch up; with no signalling here, each backend's
 * read position is private and there are no slots to leak.)
 *
 * A transaction's own pending list holds SINVAL_MAX_PENDING distinct
 * messages; past that it is replaced by one "reset everything" message.
 *-------------------------------------------------------------------------
 */
#ifndef SINVAL_H
#define SINVAL_H

/* Ring size in messages (shared memory: 16 bytes each). */
#define SINVAL_QUEUE_SIZE   4096
/* Distinct messages a transaction remembers before sending a reset instead. */
#define SINVAL_MAX_PENDING  256

extern Size SInvalShmemSize(void);
extern void SInvalShmemInit(void);

/* Start reading at the current end of the ring (InitCatalogCaches). */
extern void SharedInvalBackendInit(void);

/* relid InvalidOid: every relation. */
extern void CacheInvalidateRelcache(Oid relid);
extern void CacheInvalidateCatalog(Oid catalogId);

extern void AcceptInvalidationMessages(void);

/*
 * Callbacks for caches kept outside the catalog module (PostgreSQL's
 * CacheRegisterRelcacheCallback / CacheRegisterSyscacheCallback; the plan
 * cache, backend/plancache.c, is the user).  They run wherever a message
 * is applied -- own messages as they are registered, at
 * CommandCounterIncrement and at abort; others' in
 * AcceptInvalidationMessages -- after the catalog's own caches were
 * flushed.  relid / catalogId InvalidOid means "everything" (a reset).  A
 * callback must only mark its entries stale: no catalog access, no
 * ereport, no freeing of memory another caller may be using.
 * Registration is per backend, once, at most MAX_INVAL_CALLBACKS of each
 * kind (an ERROR past that).
 */
#define MAX_INVAL_CALLBACKS 8
typedef void (*RelcacheCallbackFunction) (void *arg, Oid relid);
typedef void (*CatalogCallbackFunction) (void *arg, Oid catalogId);
extern void CacheRegisterRelcacheCallback(RelcacheCallbackFunction func, void *arg);
extern void CacheRegisterCatalogCallback(CatalogCallbackFunction func, void *arg);

/*
 * Set at end of transaction: the first catalog or relation cache lookup of
 * the next transaction accepts invalidations before looking (PostgreSQL's
 * AtStart_Cache), so a transaction never starts on stale entries even
 * before it takes any lock.
 */
extern bool sinval_accept_pending;
static inline void
AcceptInvalidationIfNeeded(void)
{
    if (unlikely(sinval_accept_pending))
    {
        sinval_accept_pending = false;
        AcceptInvalidationMessages();
    }
}

/*
 * At CommandCounterIncrement (registered as its callback by
 * InitCatalogCaches): apply the finished command's own messages again.
 */
extern void CommandEndInvalidationMessages(void);

/* End of transaction (called by the catalog's XactCallback). */
extern void AtEOXact_Inval(bool isCommit);
/*
 * Savepoints (the catalog's SubXactCallback): start of a subtransaction;
 * its end -- RELEASE keeps its messages pending for the parent, ROLLBACK
 * TO applies them locally and drops them unsent.
 */
extern void AtStartSubXact_Inval(void);
extern void AtEOSubXact_Inval(bool isCommit);

/*
 * Incremented whenever this backend applies invalidation messages (own or
 * others').  Name lookups that lock after resolving compare it before and
 * after the lock to know whether to look again (RangeVarGetRelidExtended).
 */
extern uint64 SharedInvalidMessageCounter;

/* Test-visible counters (this backend). */
typedef struct SInvalStats
{
    uint64      sent;           /* messages appended to the ring */
    uint64      received;       /* others' messages applied */
    uint64      resets;         /* full cache flushes: fell behind or told to */
    uint64      pending_overflows;  /* transactions that sent a reset instead */
} SInvalStats;
extern SInvalStats sinval_stats;

#endif /* SINVAL_H */
