/*-------------------------------------------------------------------------
 * portal.h
 *    Prepared statements and portals: what the extended query protocol
 *    names with Parse and Bind (PostgreSQL's plancache/prepare/portalmem/
 *    pquery, reduced to what one statement per portal needs).
 *
 * Statements (CachedStatement, backend/plancache.h) are reference-
 * counted: the prepared-statement entry holds one reference and every
 * portal built from it holds one, so Close or a new unnamed Parse never
 * frees a statement a portal still runs.  A portal also holds a reference
 * to the plan it runs (CachedPlan), which PortalStart obtains through
 * GetCachedPlan: that locks the plan's relations and re-plans the
 * statement first if DDL (here or in another session) invalidated it.
 *
 * Portal: a statement bound to parameter values and result formats,
 * ready to run.  Strategies (PostgreSQL's):
 *   PORTAL_ONE_SELECT     a plain SELECT: the executor is started at
 *                         PortalStart and run for as many rows as each
 *                         Execute asks; suspended in between.
 *   PORTAL_ONE_RETURNING  DML with RETURNING (or SELECT with a data-
 *                         modifying WITH): run to completion into a
 *                         tuplestore at the first Execute (spills past
 *                         work_mem), then fetched from it.
 *   PORTAL_UTIL_SELECT    SHOW: the utility's rows go to a tuplestore.
 *   PORTAL_MULTI_QUERY    DML without RETURNING, other utilities, the
 *                         empty query: run once, to completion.
 *
 * Status: DEFINED -> (PortalStart) READY -> (PortalRun) ACTIVE -> READY
 * (ONE_SELECT and stores: may run again) or DONE (MULTI_QUERY: running
 * it again is 55000 "portal \"%s\" cannot be run").  FAILED after an
 * error: its executor state is gone with the aborted transaction.
 *
 * Lifetime: portals are not holdable.  At commit (PRE_COMMIT) every
 * inactive portal's executor is shut down cleanly; at abort portals are
 * marked FAILED (the transaction's cleanup already released their
 * buffers and locks); once the backend is idle again
 * (AtCleanup_Portals, called by tcop) all of them are dropped.  Named
 * portals therefore survive Sync inside a transaction block and die with
 * the block.
 *
 * Limits: MAX_PREPARED_STATEMENTS and MAX_PORTALS per session; one more
 * is 53400 (configuration_limit_exceeded).  Both tables are hash tables
 * of fixed bucket count allocated once.
 *-------------------------------------------------------------------------
 */
#ifndef PORTAL_H
#define PORTAL_H

#include "executor/executor.h"
#include "executor/tuplestore.h"
#include "backend/plancache.h"
#include "planner/planner.h"

#define MAX_PREPARED_STATEMENTS 10000
#define MAX_PORTALS             10000
#define COMPLETION_TAG_BUFSIZE  64
#define FETCH_ALL               0

typedef enum PortalStrategy
{
    PORTAL_ONE_SELECT,
    PORTAL_ONE_RETURNING,
    PORTAL_UTIL_SELECT,
    PORTAL_MULTI_QUERY
} PortalStrategy;

typedef enum PortalStatus
{
    PORTAL_DEFINED,
    PORTAL_READY,
    PORTAL_ACTIVE,
    PORTAL_DONE,
    PORTAL_FAILED
} PortalStatus;

typedef struct PortalData *Portal;
typedef struct PortalData
{
    char       *name;           /* "" for the unnamed portal */
    MemoryContext portalContext;
    CachedStatement *stmt;      /* holds a reference (unless stmt_transient);
                                 * NULL once a failed portal lost it */
    CachedPlan *cplan;          /* the plan it runs, from PortalStart (holds a
                                 * reference unless transient); NULL for
                                 * utility and empty statements */
    bool        stmt_transient; /* simple Query: stmt lives in MessageContext */
    const char *commandTag;
    ParamListInfo params;
    PortalStrategy strategy;
    PortalStatus status;
    TupleDesc   tupDesc;        /* result columns, NULL if none (FAILED with a
                                 * NULL stmt: a flag only, not to be read) */
    int16      *formats;        /* one per result column, NULL = all text */
    QueryDesc  *queryDesc;      /* ONE_SELECT, between start and drop */
    Tuplestorestate *holdStore; /* ONE_RETURNING / UTIL_SELECT results */
    TupleTableSlot *holdSlot;
    char        storeTag[COMPLETION_TAG_BUFSIZE];   /* UTIL_SELECT: the utility's tag */
    CmdType     storeOp;        /* ONE_RETURNING: the statement's command type */
    bool        atEnd;
    uint32      createSubid;    /* SubTransactionId (storage/xact.h) that created it */
    Portal      hash_next;
} PortalData;

/* ---- statements ---- */
/* Named (and unnamed "") prepared statements of this session. */
/* Store a statement from CreateCachedStatement (it becomes saved: plancache.h). */
extern void StorePreparedStatement(const char *name, CachedStatement *stmt);
extern CachedStatement *FetchPreparedStatement(const char *name, bool throwError);
extern void DropPreparedStatement(const char *name, bool showError);
/* DEALLOCATE ALL: every named statement (the unnamed one stays, as in PostgreSQL). */
extern void DropAllPreparedStatements(void);

/* ---- portals ---- */
/* A new portal; the unnamed one replaces its predecessor, a duplicate name is 42P03. */
extern Portal CreatePortal(const char *name);
extern Portal GetPortalByName(const char *name);
/* Attach a statement (takes a reference) and bind parameter values. */
extern void PortalDefineQuery(Portal portal, CachedStatement *stmt, ParamListInfo params);
/*
 * Choose the strategy, get the (re-validated, locked) plan, take a
 * snapshot, start the executor.
 */
extern void PortalStart(Portal portal);
/* Result formats from Bind: 0, 1 or one per column (else 08P01). */
extern void PortalSetResultFormat(Portal portal, int nFormats, const int16 *formats);
/*
 * Run for count rows (FETCH_ALL: all), sending them to dest.  Returns true
 * when the portal finished (completionTag is then set, or empty for the
 * empty query); false when suspended by the row limit.
 */
extern bool PortalRun(Portal portal, long count, bool isTopLevel,
                      DestReceiver *dest, char *completionTag);
extern void PortalDrop(Portal portal);
/* CLOSE ALL: drop every named portal that is not running. */
extern void DropAllCursors(void);
/* The statement's target list for RowDescription origins. */
extern List *PortalGetTargetList(Portal portal);

/* ---- transaction end ---- */
/* Register the commit/abort callback (once per backend). */
extern void InitPortals(void);
/* Drop every portal (tcop calls this whenever the session is idle again). */
extern void AtCleanup_Portals(void);
extern bool PortalsExist(void);

#endif /* PORTAL_H */
