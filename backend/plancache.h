/*-------------------------------------------------------------------------
 * plancache.h
 *    Cached statements and their plans, re-planned when what they were
 *    planned against changes (PostgreSQL's utils/cache/plancache.c).
 *
 * A CachedStatement is one statement as the client gave it: its raw
 * parse tree, query text, parameter types, command tag and (for
 * statements that return rows) the result descriptor the client was
 * told about.  A CachedPlan is one analysis + plan of it: the Query, the
 * PlannedStmt, the result target list (RowDescription's column origins)
 * and the search path the names were resolved under.
 *
 * Kinds of statement:
 *   transient  a simple Query's statement (BuildCachedStatement): lives in
 *              the message's memory, planned and run at once, never
 *              invalidated, not reference-counted.
 *   saved      PREPARE and the extended protocol's Parse
 *              (CreateCachedStatement, then SaveCachedStatement when it is
 *              stored): its own memory context, reference-counted (the
 *              prepared-statement entry and every portal built from it
 *              hold one), on the list the invalidation callbacks walk.
 *
 * Invalidation (a saved statement's is_valid goes false):
 *   - a relcache message for a relation in its plan's relationOids
 *     (tables, indexes, views, regclass constants such as nextval's
 *     sequence: planner/setrefs.c), or for every relation;
 *   - a catalog message for pg_namespace, pg_operator or pg_proc, or a
 *     reset (PostgreSQL's PlanCacheSysCallback; Basalt's messages are per
 *     catalog, so every plan goes);
 *   - the effective search path differs from the one it was analyzed
 *     under (checked at each use).
 * Messages arrive from this backend's own DDL at once and from other
 * backends' committed DDL whenever this backend accepts invalidations
 * (catalog/sinval.h).  pg_type is not watched: Basalt has no user-defined
 * types, and a relation's row type changes only with its relation.
 *
 * Use (GetCachedPlan, at every EXECUTE / Bind / portal start): lock the
 * plan's relations first, then check validity -- the lock makes us read
 * the invalidations its previous holder committed, so none is missed
 * (PostgreSQL's AcquireExecutorLocks + CheckCachedPlan).  An invalid
 * statement releases those locks, is analyzed again from a copy of its
 * raw tree (the analyzer scribbles on its input) under the current search
 * path and planned again.  If the statement returns rows and the new
 * result descriptor differs from the one the client has, the error is
 * PostgreSQL's 0A000 "cached plan must not change result type" and the
 * statement stays invalid (a later use tries again).
 *
 * Memory: each CachedPlan has its own context under its statement's
 * context and a reference count: the statement holds one for its current
 * plan, a portal running it holds one.  Re-planning drops the statement's
 * reference first, so the old plan is freed as soon as no portal runs it:
 * memory per statement stays bounded however often it is re-planned.
 * Statements themselves are bounded by MAX_PREPARED_STATEMENTS (portal.h).
 *-------------------------------------------------------------------------
 */
#ifndef PLANCACHE_H
#define PLANCACHE_H

#include "planner/planner.h"
#include "storage/tupdesc.h"

typedef struct CachedPlan
{
    MemoryContext context;      /* owns all below; NULL for a transient plan */
    int         refcount;       /* statement (while current) + portals */
    Query      *query;          /* analyzed */
    PlannedStmt *plan;
    List       *targetlist;     /* result column origins (SELECT tlist or RETURNING) */
    Oid        *search_path;    /* effective path it was analyzed under */
    int         search_path_len;
} CachedPlan;

typedef struct CachedStatement
{
    MemoryContext context;      /* owns the statement; NULL if transient */
    int         refcount;
    const char *query_string;   /* the whole string given to Parse/PREPARE */
    RawStmt    *raw;            /* NULL for an empty query; never analyzed in place
                                 * once saved (copies are) */
    const char *commandTag;     /* NULL for an empty query */
    bool        is_utility;
    bool        fixed_result;   /* result_desc may not change (0A000) */
    bool        is_saved;       /* on the invalidation list */
    bool        is_valid;       /* gplan still matches the catalogs */
    CachedPlan *gplan;          /* current plan (NULL: utility, empty, or
                                 * invalid and not re-planned yet) */
    Oid        *param_types;
    int         num_params;
    TupleDesc   result_desc;    /* NULL when it returns no rows (NoData) */
    uint64      generation;     /* times planned (1 = never re-planned) */
    struct CachedStatement *saved_prev;     /* the invalidation list */
    struct CachedStatement *saved_next;
} CachedStatement;

/*
 * A transient statement: analyze (raw is scribbled on) and plan in
 * CurrentMemoryContext.  paramTypes/numParams: the client's types (0 =
 * infer); with varparams the inferred types are filled in.
 */
extern CachedStatement *BuildCachedStatement(RawStmt *raw, const char *query_string,
                                             Oid *paramTypes, int numParams,
                                             bool varparams);
/*
 * A statement to be kept (PREPARE, Parse): built in context (which the
 * caller created, current, under a context that an error frees) with
 * parameter types inferred, its raw tree kept pristine, its result type
 * fixed.  Becomes invalidatable once SaveCachedStatement runs.
 */
extern CachedStatement *CreateCachedStatement(RawStmt *raw, const char *query_string,
                                              Oid *paramTypes, int numParams,
                                              MemoryContext context);
/* Stored for good: context under TopMemoryContext, on the invalidation list. */
extern void SaveCachedStatement(CachedStatement *stmt);
extern void RetainCachedStatement(CachedStatement *stmt);
extern void ReleaseCachedStatement(CachedStatement *stmt);

/*
 * The statement's plan, valid, with its relations locked for this
 * transaction, re-planned first if needed (see above).  The caller owns
 * one reference: ReleaseCachedPlan when done.  Only for statements with a
 * plan (not utility, not empty).
 */
extern CachedPlan *GetCachedPlan(CachedStatement *stmt);
extern void ReleaseCachedPlan(CachedPlan *plan);
/*
 * The result target list for Describe (statement): re-validates first,
 * as PostgreSQL's CachedPlanGetTargetList.  NIL for utility/empty.
 */
extern List *CachedStatementGetTargetList(CachedStatement *stmt);

/* Test-visible counters (this backend). */
typedef struct PlanCacheStats
{
    uint64      replans;        /* saved statements analyzed and planned again */
    uint64      invalidations;  /* valid statements marked invalid */
} PlanCacheStats;
extern PlanCacheStats plancache_stats;

#endif /* PLANCACHE_H */
