/*-------------------------------------------------------------------------
 * sinval.c
 *    Cache invalidation: the transaction's pending messages, the shared
 *    ring they are committed to, and reading other backends' messages.
 *
 * Principal entry points:
 *    CacheInvalidateRelcache / CacheInvalidateCatalog   register (and apply)
 *    AtEOXact_Inval          commit: send; abort: apply again, forget
 *    AcceptInvalidationMessages   read the ring, apply, or reset
 *    CacheRegisterRelcacheCallback / CacheRegisterCatalogCallback
 *                            caches outside the catalog (the plan cache)
 *    SInvalShmemSize / SInvalShmemInit / SharedInvalBackendInit
 *
 * See sinval.h for when messages are processed and why the ring never
 * blocks a writer.  Locking: SInvalWriteLock protects the ring slots and
 * maxMsgNum.  Writers hold it exclusively while they fill slots and
 * advance maxMsgNum; readers hold it shared while they copy slots out.
 * maxMsgNum is also read without the lock (atomic acquire load) as a fast
 * "nothing new" test: a writer finishes (release store) before it releases
 * its heavyweight locks, so a reader that has just acquired a heavyweight
 * lock sees every message the previous holder sent.  Messages are applied
 * after the lock is released (applying frees memory, never waits).
 *
 * A backend reads its own messages back from the ring; they carry the
 * sender's pid and are skipped (own changes were applied when registered).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "catalog/catalog.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "catalog/syscache.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"

typedef enum SInvalKind
{
    SINVAL_CATALOG = 1,         /* id: catalog OID; flush its caches */
    SINVAL_RELCACHE = 2,        /* id: relation OID (0: all); flush its descriptor */
    SINVAL_RESET = 3            /* flush everything */
} SInvalKind;

typedef struct SharedInvalidationMessage
{
    int32       kind;           /* SInvalKind */
    Oid         id;
    int32       sender;         /* pid of the sending backend */
    int32       pad;
} SharedInvalidationMessage;

typedef struct SISeg
{
    uint64      maxMsgNum;      /* number of the next message to write */
    SharedInvalidationMessage msgs[SINVAL_QUEUE_SIZE];
} SISeg;

static SISeg *shmInvalBuffer;

/* This backend's read position: the next message number to read. */
static uint64 nextMsgNum;
static bool sinvalInitialized;

uint64 SharedInvalidMessageCounter;
bool sinval_accept_pending = true;
SInvalStats sinval_stats;

/* The transaction's distinct pending messages (sent at commit). */
static SharedInvalidationMessage pending[SINVAL_MAX_PENDING];
static int  npending;
static bool pendingOverflow;    /* too many: send one reset instead */

/*
 * The current command's distinct messages, applied again at
 * CommandCounterIncrement: catalog scans use an MVCC snapshot of the
 * current command id, so a lookup made between a catalog change and the
 * next CommandCounterIncrement re-caches the old state, which this second
 * application then drops (PostgreSQL's CurrentCmdInvalidMsgs).
 */
static SharedInvalidationMessage cmdMsgs[SINVAL_MAX_PENDING];
static int  ncmd;
static bool cmdOverflow;        /* too many: reset this backend's caches at CCI */

/*
 * Savepoints: for each open subtransaction, how many pending messages
 * its parent had when it started (a stack in TopTransactionContext, one
 * entry per open savepoint).  Rolling it back applies every pending
 * message locally and forgets the ones it added (PostgreSQL's per-level
 * transInvalInfo, flattened).
 */
typedef struct InvalSubMark
{
    int         npending;
    struct InvalSubMark *next;
} InvalSubMark;
static InvalSubMark *subMarks;

/* Copy buffer for reading (static: a backend reads one batch at a time). */
static SharedInvalidationMessage readbuf[SINVAL_QUEUE_SIZE];

/* Registered callbacks of caches outside this module (sinval.h). */
static struct
{
    RelcacheCallbackFunction func;
    void       *arg;
} relcache_callbacks[MAX_INVAL_CALLBACKS];
static int  n_relcache_callbacks;
static struct
{
    CatalogCallbackFunction func;
    void       *arg;
} catalog_callbacks[MAX_INVAL_CALLBACKS];
static int  n_catalog_callbacks;

/* ---------------------------------------------------------------- shared memory */

Size
SInvalShmemSize(void)
{
    return sizeof(SISeg);
}

void
SInvalShmemInit(void)
{
    bool found;

    shmInvalBuffer = ShmemInitStruct("Shared Invalidation Ring", SInvalShmemSize(), &found);
    if (!found)
        memset(shmInvalBuffer, 0, sizeof(SISeg));
}

void
SharedInvalBackendInit(void)
{
    if (shmInvalBuffer == NULL)
        elog(FATAL, "shared invalidation ring is not initialized");
    nextMsgNum = __atomic_load_n(&shmInvalBuffer->maxMsgNum, __ATOMIC_ACQUIRE);
    npending = 0;
    pendingOverflow = false;
    ncmd = 0;
    cmdOverflow = false;
    sinvalInitialized = true;
}

/* ---------------------------------------------------------------- callbacks */

void
CacheRegisterRelcacheCallback(RelcacheCallbackFunction func, void *arg)
{
    if (n_relcache_callbacks >= MAX_INVAL_CALLBACKS)
        elog(ERROR, "out of relcache_callback_list slots");
    relcache_callbacks[n_relcache_callbacks].func = func;
    relcache_callbacks[n_relcache_callbacks].arg = arg;
    n_relcache_callbacks++;
}

void
CacheRegisterCatalogCallback(CatalogCallbackFunction func, void *arg)
{
    if (n_catalog_callbacks >= MAX_INVAL_CALLBACKS)
        elog(ERROR, "out of syscache_callback_list slots");
    catalog_callbacks[n_catalog_callbacks].func = func;
    catalog_callbacks[n_catalog_callbacks].arg = arg;
    n_catalog_callbacks++;
}

static void
CallRelcacheCallbacks(Oid relid)
{
    for (int i = 0; i < n_relcache_callbacks; i++)
        relcache_callbacks[i].func(relcache_callbacks[i].arg, relid);
}

static void
CallCatalogCallbacks(Oid catalogId)
{
    for (int i = 0; i < n_catalog_callbacks; i++)
        catalog_callbacks[i].func(catalog_callbacks[i].arg, catalogId);
}

/* Everything was flushed: tell every registered cache. */
static void
CallResetCallbacks(void)
{
    CallCatalogCallbacks(InvalidOid);
    CallRelcacheCallbacks(InvalidOid);
}

/* ---------------------------------------------------------------- applying */

static void
LocalExecuteInvalidationMessage(const SharedInvalidationMessage *msg)
{
    switch (msg->kind)
    {
        case SINVAL_CATALOG:
            CatalogCacheFlushCatalog(msg->id);
            CallCatalogCallbacks(msg->id);
            break;
        case SINVAL_RELCACHE:
            if (OidIsValid(msg->id))
                RelationCacheInvalidateEntry(msg->id);
            else
                RelationCacheInvalidate();
            CallRelcacheCallbacks(msg->id);
            break;
        case SINVAL_RESET:
            ResetCatalogCaches();
            RelationCacheInvalidate();
            CallResetCallbacks();
            break;
        default:
            elog(FATAL, "unrecognized invalidation message kind %d", msg->kind);
    }
    SharedInvalidMessageCounter++;
}

static void
ResetAllCaches(void)
{
    sinval_stats.resets++;
    ResetCatalogCaches();
    RelationCacheInvalidate();
    CallResetCallbacks();
    SharedInvalidMessageCounter++;
}

/* ---------------------------------------------------------------- registering */

/* Append msg to list unless present; false if the list is full. */
static bool
add_distinct(SharedInvalidationMessage *list, int *n, const SharedInvalidationMessage *msg)
{
    for (int i = 0; i < *n; i++)
        if (list[i].kind == msg->kind && list[i].id == msg->id)
            return true;
    if (*n == SINVAL_MAX_PENDING)
        return false;
    list[(*n)++] = *msg;
    return true;
}

static void
register_message(SInvalKind kind, Oid id)
{
    SharedInvalidationMessage msg;

    msg.kind = kind;
    msg.id = id;
    msg.sender = MyProcPid;
    msg.pad = 0;

    /* this backend sees its own change at once */
    LocalExecuteInvalidationMessage(&msg);

    if (!add_distinct(cmdMsgs, &ncmd, &msg))
        cmdOverflow = true;
    if (!pendingOverflow && !add_distinct(pending, &npending, &msg))
    {
        pendingOverflow = true;
        sinval_stats.pending_overflows++;
    }
}

void
CacheInvalidateRelcache(Oid relid)
{
    register_message(SINVAL_RELCACHE, relid);
}

void
CacheInvalidateCatalog(Oid catalogId)
{
    register_message(SINVAL_CATALOG, catalogId);
}

void
CommandEndInvalidationMessages(void)
{
    if (cmdOverflow)
    {
        ResetCatalogCaches();
        RelationCacheInvalidate();
        CallResetCallbacks();
        SharedInvalidMessageCounter++;
    }
    else
        for (int i = 0; i < ncmd; i++)
            LocalExecuteInvalidationMessage(&cmdMsgs[i]);
    ncmd = 0;
    cmdOverflow = false;
}

/* Append msgs to the ring.  n <= SINVAL_QUEUE_SIZE. */
static void
SIInsertDataEntries(const SharedInvalidationMessage *msgs, int n)
{
    uint64 max;

    Assert(n > 0 && n <= SINVAL_QUEUE_SIZE);
    LWLockAcquire(SInvalWriteLock, LW_EXCLUSIVE);
    max = shmInvalBuffer->maxMsgNum;
    for (int i = 0; i < n; i++)
        shmInvalBuffer->msgs[(max + (uint64) i) % SINVAL_QUEUE_SIZE] = msgs[i];
    __atomic_store_n(&shmInvalBuffer->maxMsgNum, max + (uint64) n, __ATOMIC_RELEASE);
    LWLockRelease(SInvalWriteLock);
    sinval_stats.sent += (uint64) n;
}

/*
 * End of transaction.  Commit: send the pending messages (or one reset).
 * Abort: apply them again locally -- entries may have been rebuilt from
 * the now rolled-back rows since they were registered -- and send nothing.
 */
void
AtEOXact_Inval(bool isCommit)
{
    if (!sinvalInitialized)
        return;
    if (isCommit)
    {
        if (pendingOverflow)
        {
            SharedInvalidationMessage reset = {SINVAL_RESET, InvalidOid, MyProcPid, 0};

            SIInsertDataEntries(&reset, 1);
        }
        else if (npending > 0)
            SIInsertDataEntries(pending, npending);
    }
    else
    {
        if (pendingOverflow)
            ResetAllCaches();
        else
            for (int i = 0; i < npending; i++)
                LocalExecuteInvalidationMessage(&pending[i]);
    }
    npending = 0;
    pendingOverflow = false;
    ncmd = 0;
    cmdOverflow = false;
    subMarks = NULL;            /* its memory went with TopTransactionContext */
}

void
AtStartSubXact_Inval(void)
{
    InvalSubMark *m;

    if (!sinvalInitialized)
        return;
    m = MemoryContextAlloc(TopTransactionContext, sizeof(InvalSubMark));
    m->npending = npending;
    m->next = subMarks;
    subMarks = m;
}

/*
 * RELEASE: the subtransaction's messages simply stay pending for the
 * parent.  ROLLBACK TO: entries rebuilt from its rolled-back rows must go,
 * and a message it deduplicated against an older one is not in its part
 * of the list -- so every pending message (and the current command's) is
 * applied locally again, which is always safe; then the part it added is
 * dropped unsent.  After an overflow the reset stays pending (harmless).
 */
void
AtEOSubXact_Inval(bool isCommit)
{
    InvalSubMark *m = subMarks;

    if (!sinvalInitialized || m == NULL)
        return;
    subMarks = m->next;
    if (!isCommit)
    {
        if (pendingOverflow || cmdOverflow)
            ResetAllCaches();
        else
        {
            for (int i = 0; i < npending; i++)
                LocalExecuteInvalidationMessage(&pending[i]);
            for (int i = 0; i < ncmd; i++)
                LocalExecuteInvalidationMessage(&cmdMsgs[i]);
        }
        if (!pendingOverflow && m->npending <= npending)
            npending = m->npending;
        ncmd = 0;
        cmdOverflow = false;
    }
    pfree(m);
}

/* ---------------------------------------------------------------- reading */

void
AcceptInvalidationMessages(void)
{
    uint64      max;
    int         n = 0;
    bool        reset = false;

    if (!sinvalInitialized)
        return;
    sinval_accept_pending = false;

    max = __atomic_load_n(&shmInvalBuffer->maxMsgNum, __ATOMIC_ACQUIRE);
    if (max != nextMsgNum)
    {
        LWLockAcquire(SInvalWriteLock, LW_SHARED);
        max = shmInvalBuffer->maxMsgNum;
        if (max - nextMsgNum > SINVAL_QUEUE_SIZE)
            reset = true;       /* our unread messages were overwritten */
        else
            for (uint64 m = nextMsgNum; m < max; m++)
                readbuf[n++] = shmInvalBuffer->msgs[m % SINVAL_QUEUE_SIZE];
        nextMsgNum = max;
        LWLockRelease(SInvalWriteLock);

        if (reset)
            ResetAllCaches();
        else
        {
            for (int i = 0; i < n; i++)
            {
                if (readbuf[i].sender == MyProcPid)
                    continue;
                sinval_stats.received++;
                if (readbuf[i].kind == SINVAL_RESET)
                {
                    ResetAllCaches();
                    break;      /* everything is flushed: the rest is moot */
                }
                LocalExecuteInvalidationMessage(&readbuf[i]);
            }
        }
    }

    /* a safe point: memory unlinked from the caches may be freed here */
    CatCacheTrimGraveyard();
    RelationCacheTrimGraveyard();
}
