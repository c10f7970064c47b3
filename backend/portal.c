/*-------------------------------------------------------------------------
 * portal.c
 *    Cached (prepared) statements and portals: creation, execution with
 *    row limits, and cleanup at transaction end.
 *
 * The model, strategies, states and limits are described in portal.h.
 * This is PostgreSQL's portalmem.c + pquery.c + prepare.c, one statement
 * per portal.  Statements and their plans (and re-planning them after
 * DDL) are backend/plancache.c's; PortalStart gets the plan from there.
 * Departure: holdable cursors do not exist.
 *
 * Memory: every portal has its own context under TopPortalContext; the
 * executor state, parameters, formats and result store of a portal live
 * there and die with PortalDrop.  A CachedStatement from Parse has its own
 * context under TopMemoryContext and dies with its last reference; the
 * portal's references to it and to its CachedPlan go at PortalDrop.
 *
 * The registries are chained hash tables with a fixed number of buckets
 * (entries allocated in TopMemoryContext / the portal's context) and a
 * hard cap on entries.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include "backend/globals.h"
#include "backend/interrupts.h"
#include "backend/portal.h"
#include "backend/utility.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

#define REGISTRY_BUCKETS 256

typedef struct PreparedStatementEntry
{
    char       *name;
    CachedStatement *stmt;
    struct PreparedStatementEntry *next;
} PreparedStatementEntry;

static PreparedStatementEntry *stmt_buckets[REGISTRY_BUCKETS];
static int  num_prepared_statements;

static Portal portal_buckets[REGISTRY_BUCKETS];
static int  num_portals;
static MemoryContext TopPortalContext;

static uint32
name_hash(const char *name)
{
    uint32  h = 2166136261u;

    for (const unsigned char *p = (const unsigned char *) name; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h % REGISTRY_BUCKETS;
}

/* ---------------------------------------------------------------- statements */

static PreparedStatementEntry **
find_statement_slot(const char *name)
{
    PreparedStatementEntry **slot = &stmt_buckets[name_hash(name)];

    while (*slot && strcmp((*slot)->name, name) != 0)
        slot = &(*slot)->next;
    return slot;
}

void
StorePreparedStatement(const char *name, CachedStatement *stmt)
{
    PreparedStatementEntry **slot = find_statement_slot(name);
    PreparedStatementEntry *entry;

    if (*slot != NULL)
    {
        if (name[0] != '\0')
            ereport(ERROR,
                    (errcode(ERRCODE_DUPLICATE_PSTATEMENT),
                     errmsg("prepared statement \"%s\" already exists", name)));
        DropPreparedStatement(name, false);
        slot = find_statement_slot(name);
    }
    if (num_prepared_statements >= MAX_PREPARED_STATEMENTS)
        ereport(ERROR,
                (errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
                 errmsg("too many prepared statements"),
                 errdetail("A session can have at most %d prepared statements.",
                           MAX_PREPARED_STATEMENTS),
                 errhint("Close prepared statements that are no longer needed.")));
    entry = MemoryContextAlloc(TopMemoryContext, sizeof(PreparedStatementEntry));
    entry->name = MemoryContextStrdup(TopMemoryContext, name);
    entry->stmt = stmt;
    entry->next = NULL;
    RetainCachedStatement(stmt);
    *slot = entry;
    num_prepared_statements++;
    if (stmt->context != NULL && !stmt->is_saved)
        SaveCachedStatement(stmt);
}

CachedStatement *
FetchPreparedStatement(const char *name, bool throwError)
{
    PreparedStatementEntry *entry = *find_statement_slot(name);

    if (entry == NULL)
    {
        if (throwError)
            ereport(ERROR,
                    (errcode(ERRCODE_INVALID_SQL_STATEMENT_NAME),
                     errmsg("prepared statement \"%s\" does not exist", name)));
        return NULL;
    }
    return entry->stmt;
}

void
DropPreparedStatement(const char *name, bool showError)
{
    PreparedStatementEntry **slot = find_statement_slot(name);
    PreparedStatementEntry *entry = *slot;

    if (entry == NULL)
    {
        if (showError)
            ereport(ERROR,
                    (errcode(ERRCODE_INVALID_SQL_STATEMENT_NAME),
                     errmsg("prepared statement \"%s\" does not exist", name)));
        return;
    }
    *slot = entry->next;
    num_prepared_statements--;
    ReleaseCachedStatement(entry->stmt);
    pfree(entry->name);
    pfree(entry);
}

void
DropAllPreparedStatements(void)
{
    for (int b = 0; b < REGISTRY_BUCKETS; b++)
    {
        PreparedStatementEntry **slot = &stmt_buckets[b];

        while (*slot != NULL)
        {
            PreparedStatementEntry *entry = *slot;

            if (entry->name[0] == '\0')
            {
                slot = &entry->next;
                continue;
            }
            *slot = entry->next;
            num_prepared_statements--;
            ReleaseCachedStatement(entry->stmt);
            pfree(entry->name);
            pfree(entry);
        }
    }
}

/* ---------------------------------------------------------------- portal registry */

static Portal *
find_portal_slot(const char *name)
{
    Portal *slot = &portal_buckets[name_hash(name)];

    while (*slot && strcmp((*slot)->name, name) != 0)
        slot = &(*slot)->hash_next;
    return slot;
}

Portal
GetPortalByName(const char *name)
{
    return *find_portal_slot(name);
}

bool
PortalsExist(void)
{
    return num_portals > 0;
}

Portal
CreatePortal(const char *name)
{
    Portal  existing = GetPortalByName(name);
    Portal  portal;
    MemoryContext cxt;

    if (existing != NULL)
    {
        /* The unnamed portal is silently replaced; a named one must be new. */
        if (name[0] != '\0')
            ereport(ERROR,
                    (errcode(ERRCODE_DUPLICATE_CURSOR),
                     errmsg("cursor \"%s\" already exists", name)));
        PortalDrop(existing);
    }
    if (num_portals >= MAX_PORTALS)
        ereport(ERROR,
                (errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
                 errmsg("too many portals"),
                 errdetail("A session can have at most %d open portals.", MAX_PORTALS),
                 errhint("Close portals that are no longer needed.")));
    if (TopPortalContext == NULL)
        TopPortalContext = AllocSetContextCreate(TopMemoryContext, "TopPortalContext");

    cxt = AllocSetContextCreate(TopPortalContext, "PortalContext");
    portal = MemoryContextAllocZero(cxt, sizeof(PortalData));
    portal->portalContext = cxt;
    portal->name = MemoryContextStrdup(cxt, name);
    portal->status = PORTAL_DEFINED;
    portal->createSubid = GetCurrentSubTransactionId();
    portal->hash_next = *find_portal_slot(name);    /* NULL: the slot is empty */
    *find_portal_slot(name) = portal;
    num_portals++;
    return portal;
}

void
PortalDefineQuery(Portal portal, CachedStatement *stmt, ParamListInfo params)
{
    portal->stmt = stmt;
    /* a statement without its own context belongs to the current message */
    portal->stmt_transient = (stmt->context == NULL);
    if (!portal->stmt_transient)
        RetainCachedStatement(stmt);
    portal->commandTag = stmt->commandTag;
    portal->params = params;
}

List *
PortalGetTargetList(Portal portal)
{
    return portal->stmt && portal->cplan ? portal->cplan->targetlist : NIL;
}

void
PortalStart(Portal portal)
{
    CachedStatement *stmt = portal->stmt;
    MemoryContext old = MemoryContextSwitchTo(portal->portalContext);

    Assert(portal->status == PORTAL_DEFINED);
    if (stmt->raw == NULL)
    {
        portal->strategy = PORTAL_MULTI_QUERY;
        portal->tupDesc = NULL;
    }
    else if (stmt->is_utility)
    {
        portal->tupDesc = stmt->result_desc;
        portal->strategy = portal->tupDesc ? PORTAL_UTIL_SELECT : PORTAL_MULTI_QUERY;
    }
    else
    {
        PlannedStmt *plan;

        /* locks the plan's relations; re-plans after DDL (plancache.h) */
        portal->cplan = GetCachedPlan(stmt);
        plan = portal->cplan->plan;
        if (plan->commandType == CMD_SELECT && !portal->cplan->query->hasModifyingCTE)
            portal->strategy = PORTAL_ONE_SELECT;
        else if (plan->hasReturning || plan->commandType == CMD_SELECT)
            portal->strategy = PORTAL_ONE_RETURNING;
        else
            portal->strategy = PORTAL_MULTI_QUERY;

        if (portal->strategy == PORTAL_ONE_SELECT)
        {
            QueryDesc  *qd = CreateQueryDesc(plan, stmt->query_string,
                                             GetTransactionSnapshot(), None_Receiver,
                                             portal->params);

            ExecutorStart(qd, 0);
            portal->queryDesc = qd;
            portal->tupDesc = qd->tupDesc;
        }
        else if (portal->strategy == PORTAL_ONE_RETURNING)
            portal->tupDesc = stmt->result_desc;
    }
    portal->atEnd = false;
    portal->status = PORTAL_READY;
    MemoryContextSwitchTo(old);
}

void
PortalSetResultFormat(Portal portal, int nFormats, const int16 *formats)
{
    int     natts;

    if (portal->tupDesc == NULL)
        return;
    natts = portal->tupDesc->natts;
    portal->formats = MemoryContextAlloc(portal->portalContext,
                                         sizeof(int16) * (Size) Max(natts, 1));
    if (nFormats > 1)
    {
        if (nFormats != natts)
            ereport(ERROR,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("bind message has %d result formats but query has %d columns",
                            nFormats, natts)));
        memcpy(portal->formats, formats, sizeof(int16) * (Size) natts);
    }
    else
    {
        int16   f = nFormats == 1 ? formats[0] : 0;

        for (int i = 0; i < natts; i++)
            portal->formats[i] = f;
    }
}

/* ---------------------------------------------------------------- tuplestore receiver */

typedef struct TStoreReceiver
{
    DestReceiver pub;
    Portal      portal;
} TStoreReceiver;

static void
tstore_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
    Portal  portal = ((TStoreReceiver *) self)->portal;
    MemoryContext old = MemoryContextSwitchTo(portal->portalContext);

    (void) operation;
    /* read the store back with the descriptor its tuples were made with */
    if (portal->holdSlot == NULL)
        portal->holdSlot = MakeSingleTupleTableSlot(CreateTupleDescCopy(typeinfo));
    MemoryContextSwitchTo(old);
}

static bool
tstore_receive(TupleTableSlot *slot, DestReceiver *self)
{
    Portal  portal = ((TStoreReceiver *) self)->portal;
    MemoryContext old = MemoryContextSwitchTo(portal->portalContext);

    tuplestore_puttupleslot(portal->holdStore, slot);
    MemoryContextSwitchTo(old);
    return true;
}

static void
tstore_noop(DestReceiver *self)
{
    (void) self;
}

/* Tag for a DML/SELECT run with its row count ("INSERT 0 3", "UPDATE 2"). */
static void
set_count_tag(char *tag, CmdType operation, uint64 n)
{
    switch (operation)
    {
        case CMD_SELECT:
            snprintf(tag, COMPLETION_TAG_BUFSIZE, "SELECT %llu", (unsigned long long) n);
            break;
        case CMD_INSERT:
            snprintf(tag, COMPLETION_TAG_BUFSIZE, "INSERT 0 %llu", (unsigned long long) n);
            break;
        case CMD_UPDATE:
            snprintf(tag, COMPLETION_TAG_BUFSIZE, "UPDATE %llu", (unsigned long long) n);
            break;
        case CMD_DELETE:
            snprintf(tag, COMPLETION_TAG_BUFSIZE, "DELETE %llu", (unsigned long long) n);
            break;
        case CMD_MERGE:
            snprintf(tag, COMPLETION_TAG_BUFSIZE, "MERGE %llu", (unsigned long long) n);
            break;
        default:
            snprintf(tag, COMPLETION_TAG_BUFSIZE, "???");
            break;
    }
}

/* Run a DML/SELECT plan to completion into dest; returns rows processed. */
static uint64
run_plan_to_completion(Portal portal, DestReceiver *dest)
{
    CachedStatement *stmt = portal->stmt;
    QueryDesc  *qd;
    uint64      processed;

    qd = CreateQueryDesc(portal->cplan->plan, stmt->query_string, GetTransactionSnapshot(),
                         dest, portal->params);
    ExecutorStart(qd, 0);
    ExecutorRun(qd, ForwardScanDirection, 0);
    ExecutorFinish(qd);
    processed = qd->processed;
    ExecutorEnd(qd);
    FreeQueryDesc(qd);
    return processed;
}

/* Run the statement once, keeping its rows in the portal's tuplestore. */
static void
FillPortalStore(Portal portal, bool isTopLevel)
{
    TStoreReceiver *receiver = palloc0(sizeof(TStoreReceiver));

    receiver->pub.receiveSlot = tstore_receive;
    receiver->pub.rStartup = tstore_startup;
    receiver->pub.rShutdown = tstore_noop;
    receiver->pub.rDestroy = tstore_noop;
    receiver->pub.mydest = DestTuplestore;
    receiver->portal = portal;
    portal->holdStore = tuplestore_begin(work_mem);

    if (portal->strategy == PORTAL_UTIL_SELECT)
        ProcessUtility(portal->stmt->raw, portal->stmt->query_string, isTopLevel,
                       portal->params, &receiver->pub, portal->storeTag);
    else
    {
        /* the tag's row count is the number fetched by each Execute */
        (void) run_plan_to_completion(portal, &receiver->pub);
        portal->storeOp = portal->cplan->plan->commandType;
    }
    if (portal->holdSlot == NULL)
        portal->holdSlot = MakeSingleTupleTableSlot(portal->tupDesc);
}

/* Send up to count rows (0: all) from the store; returns how many. */
static uint64
RunFromStore(Portal portal, long count, DestReceiver *dest)
{
    uint64  n = 0;

    dest->rStartup(dest, CMD_SELECT, portal->holdSlot->tts_tupleDescriptor);
    while (count == FETCH_ALL || n < (uint64) count)
    {
        CHECK_FOR_INTERRUPTS();
        if (!tuplestore_gettupleslot(portal->holdStore, portal->holdSlot))
            break;
        (void) dest->receiveSlot(portal->holdSlot, dest);
        n++;
    }
    dest->rShutdown(dest);
    return n;
}

/* CLOSE ALL: every named portal that is not running (cursors, Bind's named portals). */
void
DropAllCursors(void)
{
    for (int b = 0; b < REGISTRY_BUCKETS; b++)
    {
        Portal      portal = portal_buckets[b];

        while (portal)
        {
            Portal      next = portal->hash_next;

            if (portal->name[0] != '\0' && portal->status != PORTAL_ACTIVE)
                PortalDrop(portal);
            portal = next;
        }
    }
}

bool
PortalRun(Portal portal, long count, bool isTopLevel, DestReceiver *dest,
          char *completionTag)
{
    MemoryContext old;
    bool    result = true;
    uint64  nprocessed;

    if (portal->status != PORTAL_READY || portal->stmt == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                 errmsg("portal \"%s\" cannot be run", portal->name)));
    portal->status = PORTAL_ACTIVE;
    completionTag[0] = '\0';
    old = MemoryContextSwitchTo(portal->portalContext);

    switch (portal->strategy)
    {
        case PORTAL_ONE_SELECT:
            {
                QueryDesc  *qd = portal->queryDesc;
                uint64      before = qd->processed;

                qd->dest = dest;
                ExecutorRun(qd, ForwardScanDirection, (uint64) count);
                qd->dest = None_Receiver;
                nprocessed = qd->processed - before;
                if (count == FETCH_ALL || nprocessed < (uint64) count)
                    portal->atEnd = true;
                set_count_tag(completionTag, CMD_SELECT, nprocessed);
                result = portal->atEnd;
                portal->status = PORTAL_READY;
                break;
            }

        case PORTAL_ONE_RETURNING:
        case PORTAL_UTIL_SELECT:
            if (portal->holdStore == NULL)
                FillPortalStore(portal, isTopLevel);
            nprocessed = RunFromStore(portal, count, dest);
            if (count == FETCH_ALL || nprocessed < (uint64) count)
                portal->atEnd = true;
            if (portal->strategy == PORTAL_ONE_RETURNING)
                set_count_tag(completionTag, portal->storeOp, nprocessed);
            else
                memcpy(completionTag, portal->storeTag, COMPLETION_TAG_BUFSIZE);
            result = portal->atEnd;
            portal->status = PORTAL_READY;
            break;

        case PORTAL_MULTI_QUERY:
            if (portal->stmt->raw == NULL)
                ;               /* empty query: the caller sends EmptyQueryResponse */
            else if (portal->stmt->is_utility)
                ProcessUtility(portal->stmt->raw, portal->stmt->query_string, isTopLevel,
                               portal->params, dest, completionTag);
            else
            {
                nprocessed = run_plan_to_completion(portal, None_Receiver);
                set_count_tag(completionTag, portal->cplan->plan->commandType, nprocessed);
            }
            /* an abort inside (ROLLBACK) marked it FAILED: keep that */
            if (portal->status == PORTAL_ACTIVE)
                portal->status = PORTAL_DONE;
            result = true;
            break;
    }
    MemoryContextSwitchTo(old);
    return result;
}

/* Shut down executor state cleanly (the transaction is still alive). */
static void
PortalReleaseExecutor(Portal portal)
{
    if (portal->queryDesc)
    {
        QueryDesc  *qd = portal->queryDesc;

        portal->queryDesc = NULL;
        ExecutorFinish(qd);
        ExecutorEnd(qd);
        FreeQueryDesc(qd);
    }
    if (portal->holdStore)
    {
        Tuplestorestate *store = portal->holdStore;

        portal->holdStore = NULL;
        tuplestore_end(store);
    }
}

void
PortalDrop(Portal portal)
{
    Portal *slot = find_portal_slot(portal->name);

    Assert(*slot == portal);
    Assert(portal->status != PORTAL_ACTIVE);
    *slot = portal->hash_next;
    num_portals--;
    /* A failed portal's executor resources went with the aborted transaction. */
    if (portal->status != PORTAL_FAILED)
        PortalReleaseExecutor(portal);
    if (portal->cplan && !portal->stmt_transient)
        ReleaseCachedPlan(portal->cplan);
    if (portal->stmt && !portal->stmt_transient)
        ReleaseCachedStatement(portal->stmt);
    MemoryContextDelete(portal->portalContext);
}

/* ---------------------------------------------------------------- transaction end */

static void
portal_xact_callback(XactEvent event, void *arg)
{
    (void) arg;
    for (int b = 0; b < REGISTRY_BUCKETS; b++)
    {
        Portal  portal = portal_buckets[b];

        while (portal)
        {
            Portal  next = portal->hash_next;

            if (event == XACT_EVENT_PRE_COMMIT)
            {
                /* Non-holdable portals end with their transaction. */
                if (portal->status != PORTAL_ACTIVE)
                    PortalDrop(portal);
            }
            else if (event == XACT_EVENT_ABORT)
            {
                /*
                 * The abort already released buffers and locks under the
                 * executor: forget its state without running ExecutorEnd.
                 */
                portal->queryDesc = NULL;
                portal->holdStore = NULL;
                portal->status = PORTAL_FAILED;
                /*
                 * A simple Query's statement dies with its message: forget
                 * it now.  tupDesc is kept only as a "returns rows" flag
                 * for Describe (which refuses with 25P02 before reading it,
                 * as the block is aborted) and is never dereferenced again.
                 */
                if (portal->stmt_transient)
                {
                    portal->stmt = NULL;
                    portal->cplan = NULL;
                    portal->formats = NULL;
                }
            }
            portal = next;
        }
    }
}

/*
 * Savepoints.  RELEASE: portals created in the subtransaction now belong
 * to its parent.  ROLLBACK TO: portals created in it are closed (a
 * running one -- the statement that failed -- is only marked failed), and
 * every other portal that still had executor state is marked failed too,
 * because the rollback released all buffer and relation pins, not only
 * the subtransaction's (a departure from PostgreSQL, where an outer
 * cursor not used in the failed subtransaction stays usable).
 */
static void
portal_subxact_callback(SubXactEvent event, SubTransactionId mySubid,
                        SubTransactionId parentSubid, void *arg)
{
    (void) arg;
    if (event == SUBXACT_EVENT_START_SUB)
        return;
    for (int b = 0; b < REGISTRY_BUCKETS; b++)
    {
        Portal  portal = portal_buckets[b];

        while (portal)
        {
            Portal  next = portal->hash_next;

            if (event == SUBXACT_EVENT_COMMIT_SUB)
            {
                if (portal->createSubid == mySubid)
                    portal->createSubid = parentSubid;
            }
            else if (portal->createSubid == mySubid || portal->queryDesc != NULL ||
                     portal->status == PORTAL_ACTIVE)
            {
                portal->queryDesc = NULL;
                portal->holdStore = NULL;
                if (portal->createSubid == mySubid && portal->status != PORTAL_ACTIVE)
                {
                    portal->status = PORTAL_FAILED;
                    PortalDrop(portal);
                }
                else
                {
                    portal->status = PORTAL_FAILED;
                    if (portal->stmt_transient)
                    {
                        portal->stmt = NULL;
                        portal->cplan = NULL;
                        portal->formats = NULL;
                    }
                }
            }
            portal = next;
        }
    }
}

void
InitPortals(void)
{
    static bool done = false;

    if (!done)
    {
        RegisterSubXactCallback(portal_subxact_callback, NULL);
        RegisterXactCallback(portal_xact_callback, NULL);
        done = true;
    }
}

void
AtCleanup_Portals(void)
{
    for (int b = 0; b < REGISTRY_BUCKETS; b++)
    {
        while (portal_buckets[b])
        {
            Portal  portal = portal_buckets[b];

            if (portal->status == PORTAL_ACTIVE)
                portal->status = PORTAL_FAILED;
            PortalDrop(portal);
        }
    }
}
