/*-------------------------------------------------------------------------
 * plancache.c
 *    Cached statements and plans, and re-planning them after DDL
 *    (PostgreSQL's utils/cache/plancache.c, one plan per statement).
 *
 * Principal entry points:
 *    BuildCachedStatement    a simple Query's statement (transient)
 *    CreateCachedStatement / SaveCachedStatement   PREPARE's and Parse's
 *    GetCachedPlan / ReleaseCachedPlan   lock, re-validate, re-plan, use
 *    CachedStatementGetTargetList        Describe of a statement
 *
 * The model (what invalidates a statement, when it is re-planned, the
 * locking order, memory) is described in plancache.h.  Departures from
 * PostgreSQL: there are no custom plans (parameters are never folded
 * into a plan, so one generic plan serves every Bind), the query and the
 * plan are invalidated and rebuilt together, and invalidation by catalog
 * is per catalog, not per object (Basalt's messages carry no hash value).
 *
 * Invariant: a saved statement with is_valid set has a gplan whose
 * relationOids / search path were current when this backend last applied
 * invalidations; the callbacks below only clear is_valid (they run in the
 * middle of other work and must not free or look anything up).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include "backend/interrupts.h"
#include "backend/plancache.h"
#include "backend/utility.h"
#include "catalog/catalog.h"
#include "catalog/namespace.h"
#include "catalog/sinval.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"

PlanCacheStats plancache_stats;

/* Saved statements: the list the invalidation callbacks walk. */
static CachedStatement *saved_head;
static bool callbacks_registered;

static void PlanCacheRelCallback(void *arg, Oid relid);
static void PlanCacheCatalogCallback(void *arg, Oid catalogId);

/* ---------------------------------------------------------------- building */

/*
 * Analyze and plan raw in CurrentMemoryContext.  check_result: a
 * re-analysis of a statement whose result shape the client was told.
 */
static CachedPlan *
build_plan(CachedStatement *stmt, RawStmt *raw, bool varparams, bool check_result)
{
    CachedPlan *cplan = palloc0(sizeof(CachedPlan));
    const Oid  *path;
    int         pathlen;
    Query      *query;

    /* PostgreSQL analyzes DML/SELECT under a snapshot; take one likewise. */
    (void) GetTransactionSnapshot();
    if (varparams)
        query = parse_analyze_varparams(raw, stmt->query_string, &stmt->param_types,
                                        &stmt->num_params);
    else
        query = parse_analyze_fixedparams(raw, stmt->query_string, stmt->param_types,
                                          stmt->num_params);
    if (check_result)
    {
        TupleDesc   desc = QueryResultTupleDesc(query);

        if (!(desc == NULL && stmt->result_desc == NULL) &&
            !equalTupleDescs(desc, stmt->result_desc))
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("cached plan must not change result type")));
    }
    CHECK_FOR_INTERRUPTS();
    cplan->query = query;
    cplan->plan = pg_plan_query(query, stmt->query_string, NULL);
    cplan->targetlist = query->commandType == CMD_SELECT ?
        query->targetList : query->returningList;
    path = search_path_oids(&pathlen);
    cplan->search_path = palloc(sizeof(Oid) * (Size) Max(pathlen, 1));
    memcpy(cplan->search_path, path, sizeof(Oid) * (Size) pathlen);
    cplan->search_path_len = pathlen;
    stmt->generation++;
    return cplan;
}

/* A private copy of raw (the analyzer scribbles on its input). */
static RawStmt *
copy_raw_stmt(const RawStmt *raw)
{
    RawStmt    *copy = palloc(sizeof(RawStmt));

    *copy = *raw;
    copy->stmt = copyRawNode(raw->stmt);
    return copy;
}

/*
 * The statement in CurrentMemoryContext.  saved: its plan goes into a
 * context of its own (a child of the current one) and is made from a copy
 * of raw; else raw itself is analyzed and the plan shares the memory.
 */
static CachedStatement *
build_statement(RawStmt *raw, const char *query_string, Oid *paramTypes,
                int numParams, bool varparams, bool saved)
{
    CachedStatement *stmt = palloc0(sizeof(CachedStatement));
    MemoryContext stmt_cxt = CurrentMemoryContext;
    MemoryContext plan_cxt = NULL;
    CachedPlan *cplan;

    stmt->query_string = query_string;
    stmt->raw = raw;
    stmt->param_types = paramTypes;
    stmt->num_params = numParams;
    stmt->is_valid = true;
    if (raw == NULL)
        return stmt;            /* the empty query: EmptyQueryResponse, NoData */
    stmt->commandTag = CreateCommandTag(raw->stmt);
    if (raw_stmt_is_utility(raw))
    {
        stmt->is_utility = true;
        CheckUtilityStatement(raw->stmt);
        /* as PostgreSQL does, at parse time (SHOW of an unknown name fails here) */
        stmt->result_desc = UtilityTupleDescriptor(raw->stmt);
        return stmt;
    }
    if (saved)
    {
        plan_cxt = AllocSetContextCreate(stmt_cxt, "CachedPlan");
        MemoryContextSwitchTo(plan_cxt);
        cplan = build_plan(stmt, copy_raw_stmt(raw), varparams, false);
        MemoryContextSwitchTo(stmt_cxt);
        /* inference may have (re)allocated the types in plan_cxt: keep a copy */
        if (stmt->num_params > 0)
        {
            Oid        *types = palloc(sizeof(Oid) * (Size) stmt->num_params);

            memcpy(types, stmt->param_types, sizeof(Oid) * (Size) stmt->num_params);
            stmt->param_types = types;
        }
    }
    else
        cplan = build_plan(stmt, raw, varparams, false);
    cplan->context = plan_cxt;
    cplan->refcount = 1;
    stmt->gplan = cplan;
    stmt->result_desc = QueryResultTupleDesc(cplan->query);
    return stmt;
}

CachedStatement *
BuildCachedStatement(RawStmt *raw, const char *query_string, Oid *paramTypes,
                     int numParams, bool varparams)
{
    return build_statement(raw, query_string, paramTypes, numParams, varparams, false);
}

CachedStatement *
CreateCachedStatement(RawStmt *raw, const char *query_string, Oid *paramTypes,
                      int numParams, MemoryContext context)
{
    MemoryContext old = MemoryContextSwitchTo(context);
    CachedStatement *stmt;

    stmt = build_statement(raw, query_string, paramTypes, numParams, true, true);
    stmt->context = context;
    stmt->fixed_result = true;
    MemoryContextSwitchTo(old);
    return stmt;
}

void
SaveCachedStatement(CachedStatement *stmt)
{
    Assert(stmt->context != NULL && !stmt->is_saved);
    if (!callbacks_registered)
    {
        CacheRegisterRelcacheCallback(PlanCacheRelCallback, NULL);
        CacheRegisterCatalogCallback(PlanCacheCatalogCallback, NULL);
        callbacks_registered = true;
    }
    MemoryContextSetParent(stmt->context, TopMemoryContext);
    stmt->saved_prev = NULL;
    stmt->saved_next = saved_head;
    if (saved_head)
        saved_head->saved_prev = stmt;
    saved_head = stmt;
    stmt->is_saved = true;
}

void
RetainCachedStatement(CachedStatement *stmt)
{
    stmt->refcount++;
}

void
ReleaseCachedStatement(CachedStatement *stmt)
{
    Assert(stmt->refcount > 0);
    if (--stmt->refcount > 0 || stmt->context == NULL)
        return;
    if (stmt->is_saved)
    {
        if (stmt->saved_prev)
            stmt->saved_prev->saved_next = stmt->saved_next;
        else
            saved_head = stmt->saved_next;
        if (stmt->saved_next)
            stmt->saved_next->saved_prev = stmt->saved_prev;
        stmt->is_saved = false;
    }
    /* every portal is gone (each held a reference), so are its plans' users */
    MemoryContextDelete(stmt->context);
}

void
ReleaseCachedPlan(CachedPlan *plan)
{
    if (plan->context == NULL)
        return;                 /* transient: dies with its message */
    Assert(plan->refcount > 0);
    if (--plan->refcount == 0)
        MemoryContextDelete(plan->context);
}

/* ---------------------------------------------------------------- invalidation */

static void
invalidate_statement(CachedStatement *stmt)
{
    if (stmt->is_valid)
    {
        stmt->is_valid = false;
        plancache_stats.invalidations++;
    }
}

/* A relation changed (InvalidOid: every relation). */
static void
PlanCacheRelCallback(void *arg, Oid relid)
{
    (void) arg;
    for (CachedStatement *stmt = saved_head; stmt; stmt = stmt->saved_next)
    {
        if (!stmt->is_valid || stmt->gplan == NULL)
            continue;
        if (!OidIsValid(relid) || list_member_oid(stmt->gplan->plan->relationOids, relid))
            invalidate_statement(stmt);
    }
}

/*
 * Rows of a catalog changed (InvalidOid: reset).  Schemas, operators and
 * functions can change what a name or an operator means; plans do not
 * record which ones they used, so every plan goes.
 */
static void
PlanCacheCatalogCallback(void *arg, Oid catalogId)
{
    (void) arg;
    if (OidIsValid(catalogId) && catalogId != NamespaceRelationId &&
        catalogId != OperatorRelationId && catalogId != ProcedureRelationId)
        return;
    for (CachedStatement *stmt = saved_head; stmt; stmt = stmt->saved_next)
    {
        if (stmt->gplan != NULL)
            invalidate_statement(stmt);
    }
}

/* ---------------------------------------------------------------- using */

/*
 * Lock (acquire) or unlock every relation the plan's range table names,
 * in the mode the analyzer took (PostgreSQL's AcquireExecutorLocks).
 * Views count: their expansions keep the view's OID on a subquery entry.
 * Taking a lock accepts the invalidations committed before it was granted.
 */
static void
AcquireExecutorLocks(PlannedStmt *plan, bool acquire)
{
    ListCell   *lc;

    foreach(lc, plan->rtable)
    {
        RangeTblEntry *rte = (RangeTblEntry *) lfirst(lc);
        LOCKMODE    mode;

        if (!OidIsValid(rte->relid))
            continue;
        if (rte->rtekind == RTE_RELATION)
            mode = rte->rellockmode != NoLock ? rte->rellockmode : AccessShareLock;
        else if (rte->rtekind == RTE_SUBQUERY)
            mode = AccessShareLock;
        else
            continue;
        if (acquire)
            LockRelationOid(rte->relid, mode);
        else
            UnlockRelationOid(rte->relid, mode);
    }
}

static bool
search_path_matches(const CachedPlan *cplan)
{
    int         n;
    const Oid  *path = search_path_oids(&n);

    return n == cplan->search_path_len &&
        memcmp(path, cplan->search_path, sizeof(Oid) * (Size) n) == 0;
}

/*
 * Analyze and plan an invalid saved statement again.  The old plan is
 * let go first (its memory goes when no portal runs it), so a statement
 * that keeps failing to re-plan holds none.  While gplan is NULL the
 * callbacks pass the statement by: messages applied during analysis are
 * ones the analysis itself already sees (it locks before it looks).
 */
static void
replan_statement(CachedStatement *stmt)
{
    MemoryContext plan_cxt;
    MemoryContext old;
    CachedPlan *cplan;

    if (stmt->gplan != NULL)
    {
        CachedPlan *prev = stmt->gplan;

        stmt->gplan = NULL;
        ReleaseCachedPlan(prev);
    }
    /* under the caller's context until it worked: an error frees it */
    plan_cxt = AllocSetContextCreate(CurrentMemoryContext, "CachedPlan");
    old = MemoryContextSwitchTo(plan_cxt);
    cplan = build_plan(stmt, copy_raw_stmt(stmt->raw), false, stmt->fixed_result);
    MemoryContextSwitchTo(old);
    MemoryContextSetParent(plan_cxt, stmt->context);
    cplan->context = plan_cxt;
    cplan->refcount = 1;
    stmt->gplan = cplan;
    stmt->is_valid = true;
    plancache_stats.replans++;
}

/*
 * Make a saved statement's plan current.  Lock first, then check: a
 * message that arrives while locking (the lock's previous holder's
 * commit) is seen before the check.  Returns with the plan's relations
 * locked (the analyzer's locks, after a re-plan).
 */
static void
revalidate(CachedStatement *stmt)
{
    if (stmt->is_valid && !search_path_matches(stmt->gplan))
        invalidate_statement(stmt);
    if (stmt->is_valid)
    {
        PlannedStmt *plan = stmt->gplan->plan;

        AcquireExecutorLocks(plan, true);
        AcceptInvalidationMessages();
        if (stmt->is_valid)
            return;
        /* stale after all: these locks may be on the wrong relations */
        AcquireExecutorLocks(plan, false);
    }
    replan_statement(stmt);
}

CachedPlan *
GetCachedPlan(CachedStatement *stmt)
{
    CachedPlan *cplan;

    Assert(stmt->raw != NULL && !stmt->is_utility);
    if (stmt->context == NULL)
    {
        /* transient: planned in this message, under the locks it still holds */
        AcquireExecutorLocks(stmt->gplan->plan, true);
        return stmt->gplan;
    }
    revalidate(stmt);
    cplan = stmt->gplan;
    cplan->refcount++;
    return cplan;
}

List *
CachedStatementGetTargetList(CachedStatement *stmt)
{
    if (stmt->raw == NULL || stmt->is_utility)
        return NIL;
    if (stmt->context != NULL)
        revalidate(stmt);
    return stmt->gplan->targetlist;
}
