/*-------------------------------------------------------------------------
 * prepare.c
 *    PREPARE name [(types)] AS stmt, EXECUTE name [(args)], DEALLOCATE
 *    [PREPARE] name | ALL (PostgreSQL's commands/prepare.c).
 *
 * Principal entry points (called by ProcessUtility): PrepareQuery,
 * ExecuteQuery, DeallocateQuery; ExecuteResultDesc for the row shape
 * EXECUTE returns (UtilityTupleDescriptor).
 *
 * There is one store of prepared statements per session (portal.c), the
 * one the extended protocol's Parse fills: a statement PREPAREd in SQL can
 * be Bound by name, and one Parsed by a driver can be EXECUTEd.
 *
 * PREPARE analyzes and plans the statement (CreateCachedStatement,
 * parameter types given or inferred, 42P18 if one stays unknown) in its
 * own memory context, which moves under TopMemoryContext once stored:
 * prepared statements are not transactional.  The statement's raw tree
 * comes from parsing the query string again inside that context, so
 * nothing of the current message is referenced after it ends.  The plan
 * is re-made from that raw tree when DDL invalidates it
 * (backend/plancache.h); the result columns may not change (0A000).
 *
 * EXECUTE evaluates its arguments (parse_execute.c coerces them; 42601
 * wrong count, 42804 not coercible), runs the statement in a portal of
 * its own, sends its rows to the caller's receiver and reports the
 * statement's own command tag ("SELECT 3", "INSERT 0 1"), as PostgreSQL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/portal.h"
#include "backend/prepare.h"
#include "catalog/pg_type_oids.h"
#include "executor/execnodes.h"
#include "planner/planner.h"

void
PrepareQuery(PgQuery__PrepareStmt *stmt, RawStmt *pstmt, const char *queryString)
{
    MemoryContext stmt_context;
    MemoryContext old;
    char       *query_copy;
    List       *parsetree_list;
    ListCell   *lc;
    RawStmt    *raw = NULL;
    Oid        *types;
    int         ntypes = (int) stmt->n_argtypes;
    CachedStatement *cs;

    if (stmt->name == NULL || stmt->name[0] == '\0')
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PSTATEMENT_DEFINITION),
                 errmsg("invalid statement name: must not be empty")));

    stmt_context = AllocSetContextCreate(CurrentMemoryContext, "CachedStatement");
    old = MemoryContextSwitchTo(stmt_context);
    query_copy = pstrdup(queryString);
    parsetree_list = raw_parser(query_copy);
    foreach(lc, parsetree_list)
    {
        RawStmt    *r = lfirst(lc);

        if (r->stmt_location == pstmt->stmt_location &&
            r->stmt->node_case == PG_QUERY__NODE__NODE_PREPARE_STMT)
        {
            raw = palloc0(sizeof(RawStmt));
            raw->stmt = r->stmt->prepare_stmt->query;
            raw->stmt_location = r->stmt_location;
            raw->stmt_len = r->stmt_len;
            break;
        }
    }
    if (raw == NULL)
        elog(ERROR, "could not find PREPARE statement in its query string");

    types = palloc0(sizeof(Oid) * (Size) Max(ntypes, 1));
    for (int i = 0; i < ntypes; i++)
    {
        int32       typmod;

        typenameTypeIdAndMod(stmt->argtypes[i]->type_name, &types[i], &typmod);
    }
    cs = CreateCachedStatement(raw, query_copy, types, ntypes, stmt_context);
    for (int i = 0; i < cs->num_params; i++)
    {
        if (cs->param_types[i] == InvalidOid || cs->param_types[i] == UNKNOWNOID)
            ereport(ERROR,
                    (errcode(ERRCODE_INDETERMINATE_DATATYPE),
                     errmsg("could not determine data type of parameter $%d", i + 1)));
    }
    MemoryContextSwitchTo(old);
    /* moves stmt_context under TopMemoryContext (SaveCachedStatement) */
    StorePreparedStatement(stmt->name, cs);
}

TupleDesc
ExecuteResultDesc(PgQuery__ExecuteStmt *stmt)
{
    CachedStatement *cs = FetchPreparedStatement(stmt->name, false);

    if (cs == NULL || cs->result_desc == NULL)
        return NULL;
    return CreateTupleDescCopy(cs->result_desc);
}

void
ExecuteQuery(PgQuery__ExecuteStmt *stmt, const char *queryString, ParamListInfo params,
             DestReceiver *dest, char *completionTag)
{
    static int  execute_portal_count = 0;
    CachedStatement *cs = FetchPreparedStatement(stmt->name, true);
    ParamListInfo paramLI = NULL;
    EState     *estate = NULL;
    Portal      portal;
    char       *portal_name;

    if (cs->raw == NULL || cs->is_utility)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("EXECUTE of a prepared utility statement is not supported yet")));
    if (cs->num_params > 0 || stmt->n_params > 0)
    {
        List       *exprs = transformExecuteParams(queryString, stmt->name, stmt->params,
                                                   (int) stmt->n_params, cs->param_types,
                                                   cs->num_params, params);
        ExprContext *econtext;
        ListCell   *lc;

        estate = CreateExecutorState();
        econtext = CreateExprContext(estate);
        paramLI = makeParamList(cs->num_params);
        foreach(lc, exprs)
        {
            int         i = foreach_current_index(lc);
            ExprState  *es = ExecInitExprWithParams(lfirst(lc), params);
            ParamExternData *prm = &paramLI->params[i];

            prm->ptype = cs->param_types[i];
            prm->value = ExecEvalExprSwitchContext(es, econtext, &prm->isnull);
        }
    }

    /* a portal of its own; the caller's (maybe unnamed) one keeps running */
    portal_name = psprintf("<execute %d>", ++execute_portal_count);
    portal = CreatePortal(portal_name);
    PortalDefineQuery(portal, cs, paramLI);
    PortalStart(portal);
    (void) PortalRun(portal, FETCH_ALL, false, dest, completionTag);
    PortalDrop(portal);
    if (estate)
        FreeExecutorState(estate);
}

void
DeallocateQuery(PgQuery__DeallocateStmt *stmt)
{
    if (stmt->name != NULL && stmt->name[0] != '\0')
        DropPreparedStatement(stmt->name, true);
    else
        DropAllPreparedStatements();
}
