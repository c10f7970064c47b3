/*-------------------------------------------------------------------------
 * analyze.c
 *    Parse analysis of whole statements: raw statement -> Query.
 *
 * Principal entry points (planner/planner.h):
 *    parse_analyze_fixedparams - simple query, or Parse with all $n typed
 *    parse_analyze_varparams   - Parse inferring $n types
 *    QueryResultTupleDesc      - the columns a Query returns (Describe)
 *    raw_stmt_is_utility       - does the statement bypass the optimizer?
 *
 * SELECT, VALUES, UNION/INTERSECT/EXCEPT, INSERT, UPDATE and DELETE are
 * analyzed here (clauses in parse_clause.c, expressions in parse_expr.c);
 * every other statement becomes a CMD_UTILITY Query whose utilityStmt is
 * the raw libpg_query node, for the utility code to interpret.
 *
 * What the optimizer receives (Basalt's conventions on top of PostgreSQL's
 * Query, since there is no rewriter yet):
 *  - INSERT: targetList has one entry per target column named in the
 *    statement or having a default (resno = attribute number), coerced to
 *    the column's type and typmod; DEFAULT items are the column default;
 *    the planner fills the remaining columns with NULL.  Defaults come from
 *    RelationGetColumnDefault (catalog) as SQL text, see cookColumnDefault.  Multi-row VALUES is a VALUES RTE,
 *    INSERT ... SELECT a subquery RTE named "*SELECT*".
 *  - UPDATE: targetList has one entry per SET column (resno = attribute
 *    number), coerced; the planner adds the other columns and ctid.
 *  - WITH (non-recursive, SELECT only) is inlined: each reference to a CTE
 *    becomes a subquery RTE holding a copy of the CTE's Query.
 *
 * Locks: relations are locked when first named (AccessShareLock for reads,
 * RowExclusiveLock for the target) and stay locked to end of transaction.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/relcache.h"
#include "planner/parse_node.h"
#include "storage/tupdesc.h"

#define ACL_INSERT (1 << 0)
#define ACL_UPDATE (1 << 2)
#define ACL_DELETE (1 << 3)

static Query *transformSelectStmt(ParseState *pstate, PgQuery__SelectStmt *stmt);
static Query *transformValuesClause(ParseState *pstate, PgQuery__SelectStmt *stmt);
static Query *transformSetOperationStmt(ParseState *pstate, PgQuery__SelectStmt *stmt);
static Query *transformInsertStmt(ParseState *pstate, PgQuery__InsertStmt *stmt);
static Query *transformUpdateStmt(ParseState *pstate, PgQuery__UpdateStmt *stmt);
static Query *transformDeleteStmt(ParseState *pstate, PgQuery__DeleteStmt *stmt);

static void
free_parsestate(ParseState *pstate)
{
    if (pstate->p_target_relation)
    {
        table_close(pstate->p_target_relation, NoLock);
        pstate->p_target_relation = NULL;
    }
}

static FromExpr *
makeFromExpr(List *fromlist, Node *quals)
{
    FromExpr   *f = makeNode(FromExpr);

    f->fromlist = fromlist;
    f->quals = quals;
    return f;
}

/* ---------------------------------------------------------------- entry points */

bool
raw_stmt_is_utility(RawStmt *raw)
{
    switch (raw->stmt->node_case)
    {
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            return raw->stmt->select_stmt->into_clause != NULL;
        case PG_QUERY__NODE__NODE_INSERT_STMT:
        case PG_QUERY__NODE__NODE_UPDATE_STMT:
        case PG_QUERY__NODE__NODE_DELETE_STMT:
            return false;
        default:
            return true;
    }
}

static Query *
transformTopLevelStmt(ParseState *pstate, RawStmt *parseTree)
{
    Query      *result;

    parser_reset_expr_depth();
    result = transformStmt(pstate, parseTree->stmt);
    result->stmt_location = parseTree->stmt_location;
    result->stmt_len = parseTree->stmt_len;
    result->canSetTag = true;
    if (result->commandType != CMD_UTILITY)
    {
        ListCell   *lc;

        /* data-modifying WITH queries run once, planned at the top level */
        foreach(lc, pstate->p_ctenamespace)
        {
            CommonTableExpr *cte = lfirst(lc);

            if (((Query *) cte->ctequery)->commandType != CMD_SELECT)
            {
                result->cteList = lappend(result->cteList, cte);
                result->hasModifyingCTE = true;
            }
        }
    }
    return result;
}

Query *
parse_analyze_fixedparams(RawStmt *parseTree, const char *sourceText, const Oid *paramTypes,
                          int numParams)
{
    ParseState *pstate = make_parsestate(NULL);
    Oid        *types = (Oid *) paramTypes;
    int         ntypes = numParams;
    Query      *query;

    pstate->p_sourcetext = sourceText;
    pstate->p_paramtypes = &types;
    pstate->p_numparams = &ntypes;
    pstate->p_variableparams = false;
    query = transformTopLevelStmt(pstate, parseTree);
    free_parsestate(pstate);
    return query;
}

Query *
parse_analyze_varparams(RawStmt *parseTree, const char *sourceText, Oid **paramTypes,
                        int *numParams)
{
    ParseState *pstate = make_parsestate(NULL);
    Query      *query;

    pstate->p_sourcetext = sourceText;
    pstate->p_paramtypes = paramTypes;
    pstate->p_numparams = numParams;
    pstate->p_variableparams = true;
    query = transformTopLevelStmt(pstate, parseTree);
    check_variable_parameters(pstate, query);
    free_parsestate(pstate);
    return query;
}

Query *
parse_sub_analyze(PgNode *parseTree, ParseState *parentParseState, CommonTableExpr *parentCTE,
                  bool locked_from_parent, bool resolve_unknowns)
{
    ParseState *pstate = make_parsestate(parentParseState);
    Query      *query;

    pstate->p_resolve_unknowns = resolve_unknowns;
    pstate->p_parent_cte = parentCTE;
    query = transformStmt(pstate, parseTree);
    free_parsestate(pstate);
    return query;
}

/*
 * QueryResultTupleDesc
 *    The row shape a SELECT (or DML with RETURNING) returns, resjunk
 *    columns omitted; NULL for statements without a result.
 */
struct TupleDescData *
QueryResultTupleDesc(Query *query)
{
    List       *tlist;
    TupleDesc   desc;
    int         natts = 0;
    int         attno = 0;
    ListCell   *lc;

    if (query->commandType == CMD_SELECT)
        tlist = query->targetList;
    else if ((query->commandType == CMD_INSERT || query->commandType == CMD_UPDATE ||
              query->commandType == CMD_DELETE) && query->returningList != NIL)
        tlist = query->returningList;
    else
        return NULL;
    foreach(lc, tlist)
        if (!((TargetEntry *) lfirst(lc))->resjunk)
            natts++;
    desc = CreateTemplateTupleDesc(natts);
    foreach(lc, tlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (tle->resjunk)
            continue;
        attno++;
        TupleDescInitEntry(desc, attno, tle->resname ? tle->resname : "?column?",
                           exprType((Node *) tle->expr), exprTypmod((Node *) tle->expr), 0);
    }
    return desc;
}

/* ---------------------------------------------------------------- dispatch */

Query *
transformStmt(ParseState *pstate, PgNode *parseTree)
{
    Query      *result;

    switch (parseTree->node_case)
    {
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            {
                PgQuery__SelectStmt *n = parseTree->select_stmt;

                if (n->into_clause)
                {
                    if (pstate->parentParseState != NULL)
                        ereport(ERROR,
                                errcode(ERRCODE_SYNTAX_ERROR),
                                errmsg("SELECT ... INTO is not allowed here"));
                    goto utility;
                }
                if (n->n_values_lists > 0)
                    result = transformValuesClause(pstate, n);
                else if (n->op == PG_QUERY__SET_OPERATION__SETOP_NONE ||
                         n->op == PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED)
                    result = transformSelectStmt(pstate, n);
                else
                    result = transformSetOperationStmt(pstate, n);
            }
            break;
        case PG_QUERY__NODE__NODE_INSERT_STMT:
            result = transformInsertStmt(pstate, parseTree->insert_stmt);
            break;
        case PG_QUERY__NODE__NODE_UPDATE_STMT:
            result = transformUpdateStmt(pstate, parseTree->update_stmt);
            break;
        case PG_QUERY__NODE__NODE_DELETE_STMT:
            result = transformDeleteStmt(pstate, parseTree->delete_stmt);
            break;
        default:
    utility:
            result = makeNode(Query);
            result->commandType = CMD_UTILITY;
            result->utilityStmt = parseTree;
            break;
    }
    result->canSetTag = true;
    return result;
}

/* ---------------------------------------------------------------- WITH */

/*
 * Non-recursive WITH: analyze each CTE in order (each sees the earlier
 * ones) and make them visible to the rest of the statement.
 */
static void
transformWithClause(ParseState *pstate, PgQuery__WithClause *with)
{
    for (size_t i = 0; i < with->n_ctes; i++)
    {
        PgQuery__CommonTableExpr *rc = with->ctes[i]->common_table_expr;
        CommonTableExpr *cte = makeNode(CommonTableExpr);
        Query      *q;
        ListCell   *lc;
        int         ncols = 0;
        int         ccol = 0;
        int         recsortloc = -1;
        List       *outlist;

        foreach(lc, pstate->p_ctenamespace)
            if (strcmp(((CommonTableExpr *) lfirst(lc))->ctename, rc->ctename) == 0)
                ereport(ERROR,
                        errcode(ERRCODE_DUPLICATE_ALIAS),
                        errmsg("WITH query name \"%s\" specified more than once", rc->ctename),
                        parser_errposition(pstate, rc->location));
        /* not implemented: refuse rather than run a CYCLE query without its stop */
        if (rc->search_clause || rc->cycle_clause)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("SEARCH and CYCLE clauses of WITH RECURSIVE are not supported"),
                    parser_errposition(pstate, rc->search_clause ? rc->search_clause->location :
                                       rc->cycle_clause->location));
        if (rc->ctequery->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
        {
            /* INSERT/UPDATE/DELETE [RETURNING]: run once (nodeCtescan.c) */
            if (rc->ctequery->node_case != PG_QUERY__NODE__NODE_INSERT_STMT &&
                rc->ctequery->node_case != PG_QUERY__NODE__NODE_UPDATE_STMT &&
                rc->ctequery->node_case != PG_QUERY__NODE__NODE_DELETE_STMT)
                parser_not_supported(pstate, "this data-modifying statement in WITH", rc->location);
            if (pstate->parentParseState != NULL)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("WITH clause containing a data-modifying statement must be at the top level"),
                        parser_errposition(pstate, rc->location));
            if (with->recursive)
                parser_not_supported(pstate, "data-modifying statement in WITH RECURSIVE",
                                     rc->location);
        }
        cte->ctename = pstrdup(rc->ctename);
        cte->location = rc->location;
        if (with->recursive)
            recsortloc = prepareRecursiveCTE(pstate, cte, rc);
        q = parse_sub_analyze(rc->ctequery, pstate, cte, false, true);
        cte->ctequery = (Node *) q;
        if (with->recursive)
            finishRecursiveCTE(pstate, cte, q, recsortloc);
        if (q->commandType != CMD_SELECT)
        {
            q->canSetTag = false;
            outlist = q->returningList;     /* a DML CTE's rows: RETURNING */
        }
        else
            outlist = q->targetList;
        for (size_t j = 0; j < rc->n_aliascolnames; j++)
            cte->aliascolnames = lappend(cte->aliascolnames,
                                         pstrdup(pgStrVal(rc->aliascolnames[j])));
        foreach(lc, outlist)
            if (!((TargetEntry *) lfirst(lc))->resjunk)
                ncols++;
        if (list_length(cte->aliascolnames) > ncols)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    errmsg("WITH query \"%s\" has %d columns available but %d columns specified",
                           cte->ctename, ncols, list_length(cte->aliascolnames)),
                    parser_errposition(pstate, rc->location));
        foreach(lc, outlist)
        {
            TargetEntry *tle = lfirst(lc);

            if (tle->resjunk)
                continue;
            if (ccol < list_length(cte->aliascolnames))
                cte->ctecolnames = lappend(cte->ctecolnames,
                                           pstrdup(list_nth(cte->aliascolnames, ccol)));
            else
                cte->ctecolnames = lappend(cte->ctecolnames,
                                           pstrdup(tle->resname ? tle->resname : "?column?"));
            cte->ctecoltypes = lappend_oid(cte->ctecoltypes, exprType((Node *) tle->expr));
            cte->ctecoltypmods = lappend_int(cte->ctecoltypmods, exprTypmod((Node *) tle->expr));
            cte->ctecolcollations = lappend_oid(cte->ctecolcollations,
                                                exprCollation((Node *) tle->expr));
            ccol++;
        }
        if (!list_member_ptr(pstate->p_ctenamespace, cte))
            pstate->p_ctenamespace = lappend(pstate->p_ctenamespace, cte);
    }
}

/* ---------------------------------------------------------------- SELECT */

/*
 * FETCH FIRST ... WITH TIES?  (The grammar already refused it without
 * ORDER BY.)  A literal NULL count is an error; a NULL-valued expression
 * means no limit.
 */
static bool
limit_with_ties(PgQuery__SelectStmt *stmt)
{
    if (stmt->limit_option != PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_WITH_TIES)
        return false;
    if (stmt->limit_count && stmt->limit_count->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        stmt->limit_count->a_const->isnull)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE),
                errmsg("row count cannot be null in FETCH FIRST ... WITH TIES clause"));
    return true;
}

static Query *
transformSelectStmt(ParseState *pstate, PgQuery__SelectStmt *stmt)
{
    Query      *qry = makeNode(Query);
    Node       *qual;

    qry->commandType = CMD_SELECT;
    if (stmt->with_clause)
        transformWithClause(pstate, stmt->with_clause);
    for (size_t i = 0; i < stmt->n_window_clause; i++)
        pstate->p_windowdefs = lappend(pstate->p_windowdefs,
                                       stmt->window_clause[i]->window_def);

    transformFromClause(pstate, stmt->from_clause, stmt->n_from_clause);
    qry->targetList = transformTargetList(pstate, stmt->target_list, stmt->n_target_list,
                                          EXPR_KIND_SELECT_TARGET);
    markTargetListOrigins(pstate, qry->targetList);
    qual = transformWhereClause(pstate, stmt->where_clause, EXPR_KIND_WHERE, "WHERE");
    qry->havingQual = transformWhereClause(pstate, stmt->having_clause, EXPR_KIND_HAVING,
                                           "HAVING");
    qry->sortClause = transformSortClause(pstate, stmt->sort_clause, stmt->n_sort_clause,
                                          &qry->targetList, EXPR_KIND_ORDER_BY, false);
    qry->groupClause = transformGroupClause(pstate, stmt->group_clause, stmt->n_group_clause,
                                            &qry->groupingSets, &qry->targetList,
                                            qry->sortClause, EXPR_KIND_GROUP_BY, false);
    qry->groupDistinct = stmt->group_distinct;
    if (stmt->n_distinct_clause == 0)
    {
        qry->distinctClause = NIL;
        qry->hasDistinctOn = false;
    }
    else if (stmt->n_distinct_clause == 1 &&
             stmt->distinct_clause[0]->node_case == PG_QUERY__NODE__NODE__NOT_SET)
        qry->distinctClause = transformDistinctClause(pstate, &qry->targetList, qry->sortClause,
                                                      false);
    else
    {
        qry->distinctClause = transformDistinctOnClause(pstate, stmt->distinct_clause,
                                                        stmt->n_distinct_clause,
                                                        &qry->targetList, qry->sortClause);
        qry->hasDistinctOn = true;
    }
    qry->limitOffset = transformLimitClause(pstate, stmt->limit_offset, EXPR_KIND_OFFSET,
                                            "OFFSET");
    qry->limitCount = transformLimitClause(pstate, stmt->limit_count, EXPR_KIND_LIMIT, "LIMIT");
    qry->limitOption = (stmt->limit_count || stmt->limit_offset) ? LIMIT_OPTION_COUNT :
        LIMIT_OPTION_DEFAULT;
    if (limit_with_ties(stmt))
        qry->limitOption = LIMIT_OPTION_WITH_TIES;
    qry->windowClause = transformWindowDefinitions(pstate, pstate->p_windowdefs,
                                                   &qry->targetList);

    if (pstate->p_resolve_unknowns)
        resolveTargetListUnknowns(pstate, qry->targetList);

    qry->rtable = pstate->p_rtable;
    qry->jointree = makeFromExpr(pstate->p_joinlist, qual);
    qry->hasSubLinks = pstate->p_hasSubLinks;
    qry->hasWindowFuncs = pstate->p_hasWindowFuncs;
    qry->hasTargetSRFs = pstate->p_hasTargetSRFs;
    qry->hasAggs = pstate->p_hasAggs;
    if (pstate->p_hasAggs || qry->groupClause || qry->groupingSets || qry->havingQual)
        parseCheckAggregates(pstate, qry);
    if (stmt->n_locking_clause > 0)
        transformLockingClause(pstate, qry, stmt);
    return qry;
}

/* ---------------------------------------------------------------- VALUES */

static Query *
transformValuesClause(ParseState *pstate, PgQuery__SelectStmt *stmt)
{
    Query      *qry = makeNode(Query);
    List      **colexprs = NULL;
    int         sublist_length = -1;
    List       *coltypes = NIL,
               *coltypmods = NIL,
               *colcollations = NIL;
    List       *exprsLists = NIL;
    ParseNamespaceItem *nsitem;
    ListCell   *lc;

    qry->commandType = CMD_SELECT;
    if (stmt->with_clause)
        transformWithClause(pstate, stmt->with_clause);
    for (size_t r = 0; r < stmt->n_values_lists; r++)
    {
        PgQuery__List *row = stmt->values_lists[r]->list;
        List       *sublist = transformExpressionList(pstate, row->items, row->n_items,
                                                      EXPR_KIND_VALUES, false);

        if (sublist_length < 0)
        {
            sublist_length = list_length(sublist);
            colexprs = palloc0(sizeof(List *) * (sublist_length + 1));
        }
        else if (sublist_length != list_length(sublist))
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("VALUES lists must all be the same length"),
                    parser_errposition(pstate, exprLocation((Node *) sublist)));
        foreach(lc, sublist)
            colexprs[foreach_current_index(lc)] = lappend(colexprs[foreach_current_index(lc)],
                                                          lfirst(lc));
    }
    for (int i = 0; i < sublist_length; i++)
    {
        Oid         coltype = select_common_type(pstate, colexprs[i], "VALUES", NULL);

        foreach(lc, colexprs[i])
            lfirst(lc) = coerce_to_common_type(pstate, lfirst(lc), coltype, "VALUES");
        coltypes = lappend_oid(coltypes, coltype);
        coltypmods = lappend_int(coltypmods, select_common_typmod(pstate, colexprs[i], coltype));
        colcollations = lappend_oid(colcollations, result_collation(coltype));
    }
    for (size_t r = 0; r < stmt->n_values_lists; r++)
    {
        List       *row = NIL;

        for (int i = 0; i < sublist_length; i++)
            row = lappend(row, list_nth(colexprs[i], (int) r));
        exprsLists = lappend(exprsLists, row);
    }
    nsitem = addRangeTableEntryForValues(pstate, exprsLists, coltypes, coltypmods,
                                         colcollations, NULL, false, true);
    {
        RangeTblRef *rtr = makeNode(RangeTblRef);

        rtr->rtindex = nsitem->p_rtindex;
        pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
        pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
    }
    qry->targetList = expandNSItemAttrs(pstate, nsitem, 0, -1);
    foreach(lc, qry->targetList)
        ((TargetEntry *) lfirst(lc))->resno = (int16) pstate->p_next_resno++;
    qry->sortClause = transformSortClause(pstate, stmt->sort_clause, stmt->n_sort_clause,
                                          &qry->targetList, EXPR_KIND_ORDER_BY, false);
    qry->limitOffset = transformLimitClause(pstate, stmt->limit_offset, EXPR_KIND_OFFSET,
                                            "OFFSET");
    qry->limitCount = transformLimitClause(pstate, stmt->limit_count, EXPR_KIND_LIMIT, "LIMIT");
    qry->limitOption = (stmt->limit_count || stmt->limit_offset) ? LIMIT_OPTION_COUNT :
        LIMIT_OPTION_DEFAULT;
    if (limit_with_ties(stmt))
        qry->limitOption = LIMIT_OPTION_WITH_TIES;
    if (stmt->n_locking_clause > 0)
        parser_not_supported(pstate, "FOR UPDATE/SHARE on VALUES", -1);
    qry->rtable = pstate->p_rtable;
    qry->jointree = makeFromExpr(pstate->p_joinlist, NULL);
    qry->hasSubLinks = pstate->p_hasSubLinks;
    return qry;
}

/* ---------------------------------------------------------------- set operations */

typedef struct
{
    List       *leaf_rtis;      /* RangeTblRef per leaf, in order */
} setop_state;

/*
 * One branch of a set operation: a leaf SELECT becomes a subquery RTE; an
 * inner set operation a SetOperationStmt whose column types are chosen
 * with select_common_type ("UNION types x and y cannot be matched").
 * *colTypes etc. describe the branch's output.
 */
static Node *
transformSetOperationTree(ParseState *pstate, PgQuery__SelectStmt *stmt, bool isTopLevel,
                          List **targetlist)
{
    bool        isLeaf = (stmt->op == PG_QUERY__SET_OPERATION__SETOP_NONE ||
                          stmt->op == PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED);

    if (!isLeaf && (stmt->n_sort_clause > 0 || stmt->limit_offset || stmt->limit_count ||
                    stmt->n_locking_clause > 0 || stmt->with_clause))
        isLeaf = true;          /* parenthesized set op with its own clauses */

    if (isLeaf)
    {
        PgNode      node = PG_QUERY__NODE__INIT;
        Query      *selectQuery;
        ParseNamespaceItem *nsitem;
        RangeTblRef *rtr;
        ListCell   *lc;

        node.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
        node.select_stmt = stmt;
        selectQuery = parse_sub_analyze(&node, pstate, NULL, false, false);
        nsitem = addRangeTableEntryForSubquery(pstate, selectQuery,
                                               NULL, false, false);
        nsitem->p_rte->eref->aliasname = psprintf("*SELECT* %d", list_length(pstate->p_rtable));
        rtr = makeNode(RangeTblRef);
        rtr->rtindex = nsitem->p_rtindex;
        *targetlist = NIL;
        foreach(lc, selectQuery->targetList)
        {
            TargetEntry *tle = lfirst(lc);

            if (!tle->resjunk)
                *targetlist = lappend(*targetlist, tle);
        }
        return (Node *) rtr;
    }
    else
    {
        SetOperationStmt *op = makeNode(SetOperationStmt);
        List       *ltargetlist,
                   *rtargetlist;
        const char *context;
        ListCell   *ltl,
                   *rtl;

        switch (stmt->op)
        {
            case PG_QUERY__SET_OPERATION__SETOP_UNION:
                op->op = SETOP_UNION;
                context = "UNION";
                break;
            case PG_QUERY__SET_OPERATION__SETOP_INTERSECT:
                op->op = SETOP_INTERSECT;
                context = "INTERSECT";
                break;
            default:
                op->op = SETOP_EXCEPT;
                context = "EXCEPT";
                break;
        }
        op->all = stmt->all;
        op->larg = transformSetOperationTree(pstate, stmt->larg, false, &ltargetlist);
        if (isTopLevel && op->op == SETOP_UNION && pstate->p_parent_cte &&
            pstate->p_parent_cte->cteanalyzing)
            determineRecursiveColTypes(pstate, pstate->p_parent_cte, ltargetlist);
        op->rarg = transformSetOperationTree(pstate, stmt->rarg, false, &rtargetlist);
        if (list_length(ltargetlist) != list_length(rtargetlist))
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("each %s query must have the same number of columns", context),
                    parser_errposition(pstate,
                                       exprLocation((Node *) (list_length(rtargetlist) > 0 ?
                                                              rtargetlist : ltargetlist))));
        *targetlist = NIL;
        forboth(ltl, ltargetlist, rtl, rtargetlist)
        {
            TargetEntry *ltle = lfirst(ltl);
            TargetEntry *rtle = lfirst(rtl);
            Node       *lcolnode = (Node *) ltle->expr;
            Node       *rcolnode = (Node *) rtle->expr;
            Oid         lcoltype = exprType(lcolnode);
            Oid         rcoltype = exprType(rcolnode);
            int32       lcoltypmod = exprTypmod(lcolnode);
            int32       rcoltypmod = exprTypmod(rcolnode);
            Oid         rescoltype;
            int32       rescoltypmod;
            Node       *bestexpr;
            TargetEntry *restle;

            rescoltype = select_common_type(pstate, list_make2(lcolnode, rcolnode), context,
                                            &bestexpr);
            rescoltypmod = (lcoltype == rcoltype && lcoltypmod == rcoltypmod) ? lcoltypmod : -1;
            /* unknown literals in leaves are coerced in place (PostgreSQL does too) */
            if (lcoltype == UNKNOWNOID && IsA(lcolnode, Const))
                ltle->expr = (Expr *) coerce_to_common_type(pstate, lcolnode, rescoltype, context);
            else if (lcoltype != rescoltype && !can_coerce_type(1, &lcoltype, &rescoltype,
                                                                  COERCION_IMPLICIT))
                (void) coerce_to_common_type(pstate, lcolnode, rescoltype, context);
            if (rcoltype == UNKNOWNOID && IsA(rcolnode, Const))
                rtle->expr = (Expr *) coerce_to_common_type(pstate, rcolnode, rescoltype, context);
            else if (rcoltype != rescoltype && !can_coerce_type(1, &rcoltype, &rescoltype,
                                                                  COERCION_IMPLICIT))
                (void) coerce_to_common_type(pstate, rcolnode, rescoltype, context);
            if (op->op != SETOP_UNION || !op->all)
            {
                ParseCallbackState pcbstate;

                setup_parser_errposition_callback(&pcbstate, pstate, exprLocation(bestexpr));
                get_sort_group_operators(rescoltype, false, true, false, NULL, NULL, NULL, NULL);
                cancel_parser_errposition_callback(&pcbstate);
            }
            op->colTypes = lappend_oid(op->colTypes, rescoltype);
            op->colTypmods = lappend_int(op->colTypmods, rescoltypmod);
            op->colCollations = lappend_oid(op->colCollations, result_collation(rescoltype));
            restle = makeTargetEntry((Expr *) makeNullConst(rescoltype, rescoltypmod,
                                                            result_collation(rescoltype)),
                                     0, NULL, false);
            *targetlist = lappend(*targetlist, restle);
        }
        (void) isTopLevel;
        return (Node *) op;
    }
}

static Query *
transformSetOperationStmt(ParseState *pstate, PgQuery__SelectStmt *stmt)
{
    Query      *qry = makeNode(Query);
    Node       *setop;
    List       *sortClause;
    List       *tlist;
    int         leftmostRTI;
    Query      *leftmostQuery;
    ListCell   *lc,
               *ltl;
    PgNode    **sort_clause = stmt->sort_clause;
    size_t      n_sort = stmt->n_sort_clause;
    PgNode     *limitOffset = stmt->limit_offset;
    PgNode     *limitCount = stmt->limit_count;
    List       *sv_namespace;

    qry->commandType = CMD_SELECT;
    if (stmt->with_clause)
        transformWithClause(pstate, stmt->with_clause);
    if (stmt->n_locking_clause > 0)
        parser_not_supported(pstate, "FOR UPDATE/SHARE with UNION/INTERSECT/EXCEPT", -1);

    /* the outer clauses belong to the set operation, not to its right leaf */
    stmt->sort_clause = NULL;
    stmt->n_sort_clause = 0;
    stmt->limit_offset = NULL;
    stmt->limit_count = NULL;
    stmt->with_clause = NULL;

    setop = transformSetOperationTree(pstate, stmt, true, &tlist);
    qry->setOperations = setop;

    {
        Node       *node = setop;

        while (IsA(node, SetOperationStmt))
            node = ((SetOperationStmt *) node)->larg;
        leftmostRTI = ((RangeTblRef *) node)->rtindex;
    }
    leftmostQuery = rt_fetch(leftmostRTI, pstate->p_rtable)->subquery;

    /* output columns: names from the leftmost SELECT, types from the set operation */
    qry->targetList = NIL;
    {
        List       *leftcols = NIL;

        foreach(lc, leftmostQuery->targetList)
            if (!((TargetEntry *) lfirst(lc))->resjunk)
                leftcols = lappend(leftcols, lfirst(lc));
        forboth(lc, tlist, ltl, leftcols)
        {
            TargetEntry *restle = lfirst(lc);
            TargetEntry *lefttle = lfirst(ltl);
            Var        *var;

            var = makeVar(leftmostRTI, lefttle->resno, exprType((Node *) restle->expr),
                          exprTypmod((Node *) restle->expr),
                          exprCollation((Node *) restle->expr), 0);
            var->location = exprLocation((Node *) lefttle->expr);
            qry->targetList = lappend(qry->targetList,
                                      makeTargetEntry((Expr *) var,
                                                      (int16) pstate->p_next_resno++,
                                                      lefttle->resname, false));
        }
    }

    /*
     * ORDER BY sees only the result columns, through a join-like name
     * space item over the output Vars (as PostgreSQL does, so that an
     * expression over them draws the "invalid ... ORDER BY" error below).
     */
    {
        List       *names = NIL;
        List       *vars = NIL;
        int         sv_rtable_length = list_length(pstate->p_rtable);
        ParseNamespaceItem *jnsitem;

        foreach(lc, qry->targetList)
        {
            TargetEntry *tle = lfirst(lc);

            names = lappend(names, pstrdup(tle->resname ? tle->resname : "?column?"));
            vars = lappend(vars, copyObject(tle->expr));
        }
        jnsitem = addRangeTableEntryForJoin(pstate, names, JOIN_INNER, vars, NULL, false);
        jnsitem->p_rel_visible = false;
        sv_namespace = pstate->p_namespace;
        pstate->p_namespace = list_make1(jnsitem);
        sortClause = transformSortClause(pstate, sort_clause, n_sort, &qry->targetList,
                                         EXPR_KIND_ORDER_BY, false);
        pstate->p_namespace = sv_namespace;
        pstate->p_rtable = list_truncate(pstate->p_rtable, sv_rtable_length);
    }
    foreach(lc, qry->targetList)
    {
        if (((TargetEntry *) lfirst(lc))->resjunk)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("invalid UNION/INTERSECT/EXCEPT ORDER BY clause"),
                    errdetail("Only result column names can be used, not expressions or functions."),
                    errhint("Add the expression/function to every SELECT, or move the UNION into a FROM clause."),
                    parser_errposition(pstate, exprLocation((Node *) ((TargetEntry *) lfirst(lc))->expr)));
    }
    qry->sortClause = sortClause;
    qry->limitOffset = transformLimitClause(pstate, limitOffset, EXPR_KIND_OFFSET, "OFFSET");
    qry->limitCount = transformLimitClause(pstate, limitCount, EXPR_KIND_LIMIT, "LIMIT");
    qry->limitOption = (limitCount || limitOffset) ? LIMIT_OPTION_COUNT : LIMIT_OPTION_DEFAULT;
    if (limit_with_ties(stmt))
        qry->limitOption = LIMIT_OPTION_WITH_TIES;
    qry->rtable = pstate->p_rtable;
    qry->jointree = makeFromExpr(NIL, NULL);
    qry->hasSubLinks = pstate->p_hasSubLinks;
    return qry;
}

/* ---------------------------------------------------------------- defaults */

/*
 * The catalog's stored default of a column, as SQL text, or NULL.  Weak:
 * until the catalog provides it, every column defaults to NULL.
 */
extern char *RelationGetColumnDefault(Relation rel, int attnum) __attribute__((weak));

/*
 * cookColumnDefault
 *    A column default given as SQL text, analyzed and coerced (assignment
 *    rules) to the column's type.  PostgreSQL's errors: column references,
 *    sub-SELECTs, aggregates and set-returning functions are not allowed;
 *    42804 if the type does not convert.
 */
static Node *cook_default(ParseState *pstate, PgQuery__Node *raw, Oid atttypid,
                          int32 atttypmod, const char *attname);

Node *
cookColumnDefault(const char *exprtext, Oid atttypid, int32 atttypmod, const char *attname)
{
    char       *sql = psprintf("SELECT %s", exprtext);
    List       *raw = raw_parser(sql);
    RawStmt    *rs;
    PgQuery__SelectStmt *sel;
    ParseState *pstate;

    if (list_length(raw) != 1 ||
        (rs = linitial(raw))->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT ||
        (sel = rs->stmt->select_stmt)->n_target_list != 1 || sel->n_from_clause > 0 ||
        sel->where_clause || sel->n_values_lists > 0)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("invalid default expression for column \"%s\": %s", attname, exprtext));
    /* the text is not what the client sent: errors carry no position */
    pstate = make_parsestate(NULL);
    return cook_default(pstate, sel->target_list[0]->res_target->val, atttypid, atttypmod,
                        attname);
}

/*
 * cookRawColumnDefault
 *    The same for a DEFAULT clause as parsed from queryString (CREATE
 *    TABLE), so that errors point into the statement the client sent.
 */
Node *
cookRawColumnDefault(PgQuery__Node *raw, const char *queryString, Oid atttypid,
                     int32 atttypmod, const char *attname)
{
    ParseState *pstate = make_parsestate(NULL);

    pstate->p_sourcetext = queryString;
    return cook_default(pstate, raw, atttypid, atttypmod, attname);
}

static Node *
cook_default(ParseState *pstate, PgQuery__Node *raw, Oid atttypid, int32 atttypmod,
             const char *attname)
{
    Node       *expr;
    Node       *coerced;
    Oid         type;

    parser_reset_expr_depth();
    expr = transformExpr(pstate, raw, EXPR_KIND_COLUMN_DEFAULT);
    if (expression_returns_set(expr))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("set-returning functions are not allowed in DEFAULT expressions"));
    type = exprType(expr);
    coerced = coerce_to_target_type(pstate, expr, type, atttypid, atttypmod, COERCION_ASSIGNMENT,
                                    COERCE_IMPLICIT_CAST, -1);
    if (coerced == NULL)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("column \"%s\" is of type %s but default expression is of type %s",
                       attname, format_type_be(atttypid), format_type_be(type)),
                errhint("You will need to rewrite or cast the expression."));
    return coerced;
}

/* The default of column attno (NULL of its type if it has none). */
Expr *
build_column_default(Relation rel, int attno)
{
    Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attno - 1);
    char       *text = RelationGetColumnDefault ? RelationGetColumnDefault(rel, attno) : NULL;

    /* a view's DEFAULT is its base column's: rewriteTargetView fills it in */
    if (rel->relkind == RELKIND_VIEW && text == NULL)
    {
        SetToDefault *d = makeNode(SetToDefault);

        d->typeId = att->atttypid;
        d->typeMod = att->atttypmod;
        d->collation = att->attcollation;
        d->location = -1;
        return (Expr *) d;
    }

    if (text != NULL)
        return (Expr *) cookColumnDefault(text, att->atttypid, att->atttypmod,
                                          NameStr(att->attname));
    return (Expr *) makeNullConst(att->atttypid, att->atttypmod, att->attcollation);
}

static bool
column_has_default(Relation rel, int attno)
{
    char       *text = RelationGetColumnDefault ? RelationGetColumnDefault(rel, attno) : NULL;

    return text != NULL;
}

/* ---------------------------------------------------------------- INSERT */

/*
 * An explicit value for identity column attno (PostgreSQL's
 * rewriteTargetListIU): GENERATED ALWAYS takes one only with OVERRIDING
 * SYSTEM VALUE (else 428C9); OVERRIDING USER VALUE discards it for either
 * kind.  True when the column's default (its sequence) is to be used.
 */
static bool
identity_insert_uses_default(Relation rel, int attno, PgQuery__OverridingKind override)
{
    Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attno - 1);

    if (att->attidentity == '\0')
        return false;
    if (override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE)
        return true;
    if (att->attidentity == 'a' && override != PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE)
        ereport(ERROR,
                errcode(ERRCODE_GENERATED_ALWAYS),
                errmsg("cannot insert a non-DEFAULT value into column \"%s\"",
                       NameStr(att->attname)),
                errdetail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
                          NameStr(att->attname)),
                errhint("Use OVERRIDING SYSTEM VALUE to override."));
    return false;
}

/*
 * The expressions of one row, coerced to their target columns; checks the
 * counts with PostgreSQL's messages.  A DEFAULT item becomes the column's
 * default (NULL until column defaults exist).
 */
static List *
transformInsertRow(ParseState *pstate, List *exprlist, PgQuery__InsertStmt *stmt,
                   List *icolumns, List *attrnos)
{
    List       *result = NIL;
    ListCell   *lc;

    if (list_length(exprlist) > list_length(icolumns))
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("INSERT has more expressions than target columns"),
                parser_errposition(pstate,
                                   exprLocation(list_nth(exprlist, list_length(icolumns)))));
    if (stmt->n_cols > 0 && list_length(exprlist) < list_length(icolumns))
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("INSERT has more target columns than expressions"),
                parser_errposition(pstate,
                                   stmt->cols[list_length(exprlist)]->res_target->location));
    foreach(lc, exprlist)
    {
        int         i = foreach_current_index(lc);
        Expr       *expr = lfirst(lc);
        int         attno = list_nth_int(attrnos, i);
        const char *colname = list_nth(icolumns, i);

        if (IsA(expr, SetToDefault))
            expr = build_column_default(pstate->p_target_relation, attno);
        else
        {
            expr = transformAssignedExpr(pstate, expr, EXPR_KIND_INSERT_TARGET, colname, attno,
                                         -1);
            if (identity_insert_uses_default(pstate->p_target_relation, attno, stmt->override))
                expr = build_column_default(pstate->p_target_relation, attno);
        }
        result = lappend(result, expr);
    }
    return result;
}

static Query *
transformInsertStmt(ParseState *pstate, PgQuery__InsertStmt *stmt)
{
    Query      *qry = makeNode(Query);
    PgQuery__SelectStmt *selectStmt = stmt->select_stmt ? stmt->select_stmt->select_stmt : NULL;
    bool        isGeneralSelect;
    List       *icolumns,
               *attrnos;
    List       *exprList = NIL;
    ListCell   *lc;
    struct OnConflictInference *conflict = NULL;

    qry->commandType = CMD_INSERT;
    pstate->p_is_insert = true;
    if (stmt->with_clause)
        transformWithClause(pstate, stmt->with_clause);

    isGeneralSelect = (selectStmt &&
                       (selectStmt->n_values_lists == 0 || selectStmt->n_sort_clause > 0 ||
                        selectStmt->limit_offset || selectStmt->limit_count ||
                        selectStmt->n_locking_clause > 0 || selectStmt->with_clause));

    qry->resultRelation = setTargetTable(pstate, stmt->relation, false, false, ACL_INSERT);
    icolumns = checkInsertTargets(pstate, stmt->cols, stmt->n_cols, &attrnos);

    if (selectStmt == NULL)
    {
        exprList = NIL;         /* DEFAULT VALUES: every column gets its default */
        icolumns = NIL;
        attrnos = NIL;
    }
    else if (isGeneralSelect)
    {
        ParseState *sub_pstate = make_parsestate(pstate);
        Query      *selectQuery;
        ParseNamespaceItem *nsitem;
        PgQuery__Alias alias = PG_QUERY__ALIAS__INIT;
        RangeTblRef *rtr;

        sub_pstate->p_resolve_unknowns = false;
        sub_pstate->p_ctenamespace = pstate->p_ctenamespace;
        selectQuery = transformStmt(sub_pstate, stmt->select_stmt);
        free_parsestate(sub_pstate);
        if (selectQuery->commandType != CMD_SELECT)
            elog(ERROR, "unexpected non-SELECT command in INSERT ... SELECT");
        alias.aliasname = "*SELECT*";
        nsitem = addRangeTableEntryForSubquery(pstate, selectQuery, &alias, false, false);
        rtr = makeNode(RangeTblRef);
        rtr->rtindex = nsitem->p_rtindex;
        pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
        foreach(lc, selectQuery->targetList)
        {
            TargetEntry *tle = lfirst(lc);
            Expr       *expr;

            if (tle->resjunk)
                continue;
            if (tle->expr && (IsA(tle->expr, Const) || IsA(tle->expr, Param)) &&
                exprType((Node *) tle->expr) == UNKNOWNOID)
                expr = tle->expr;
            else
            {
                Var        *var = makeVarFromTargetEntry(nsitem->p_rtindex, tle);

                var->location = exprLocation((Node *) tle->expr);
                expr = (Expr *) var;
            }
            exprList = lappend(exprList, expr);
        }
        exprList = transformInsertRow(pstate, exprList, stmt, icolumns, attrnos);
    }
    else if (selectStmt->n_values_lists > 1)
    {
        List       *exprsLists = NIL;
        List       *coltypes = NIL,
                   *coltypmods = NIL,
                   *colcollations = NIL;
        int         sublist_length = -1;
        ParseNamespaceItem *nsitem;
        RangeTblRef *rtr;
        List       *names;

        for (size_t r = 0; r < selectStmt->n_values_lists; r++)
        {
            PgQuery__List *row = selectStmt->values_lists[r]->list;
            List       *sublist = transformExpressionList(pstate, row->items, row->n_items,
                                                          EXPR_KIND_VALUES, true);

            if (sublist_length < 0)
                sublist_length = list_length(sublist);
            else if (sublist_length != list_length(sublist))
                ereport(ERROR,
                        errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("VALUES lists must all be the same length"),
                        parser_errposition(pstate, exprLocation((Node *) sublist)));
            sublist = transformInsertRow(pstate, sublist, stmt, icolumns, attrnos);
            exprsLists = lappend(exprsLists, sublist);
        }
        foreach(lc, (List *) linitial(exprsLists))
        {
            coltypes = lappend_oid(coltypes, exprType(lfirst(lc)));
            coltypmods = lappend_int(coltypmods, exprTypmod(lfirst(lc)));
            colcollations = lappend_oid(colcollations, exprCollation(lfirst(lc)));
        }
        nsitem = addRangeTableEntryForValues(pstate, exprsLists, coltypes, coltypmods,
                                             colcollations, NULL, false, true);
        rtr = makeNode(RangeTblRef);
        rtr->rtindex = nsitem->p_rtindex;
        pstate->p_joinlist = lappend(pstate->p_joinlist, rtr);
        expandRTE(nsitem->p_rte, nsitem->p_rtindex, 0, -1, false, &names, &exprList);
    }
    else
    {
        PgQuery__List *row = selectStmt->values_lists[0]->list;

        exprList = transformExpressionList(pstate, row->items, row->n_items,
                                           EXPR_KIND_VALUES_SINGLE, true);
        exprList = transformInsertRow(pstate, exprList, stmt, icolumns, attrnos);
    }

    qry->targetList = NIL;
    foreach(lc, exprList)
    {
        int         i = foreach_current_index(lc);

        qry->targetList = lappend(qry->targetList,
                                  makeTargetEntry(lfirst(lc), (int16) list_nth_int(attrnos, i),
                                                  pstrdup(list_nth(icolumns, i)), false));
    }

    /* omitted columns with a default get it here (PostgreSQL's rewriter does) */
    attrnos = list_truncate(attrnos, list_length(exprList));    /* VALUES (1) for (a, b) */
    {
        TupleDesc   desc = RelationGetDescr(pstate->p_target_relation);

        for (int attno = 1; attno <= desc->natts; attno++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, attno - 1);

            if (att->attisdropped || list_member_int(attrnos, attno) ||
                !column_has_default(pstate->p_target_relation, attno))
                continue;
            qry->targetList = lappend(qry->targetList,
                                      makeTargetEntry(build_column_default(pstate->p_target_relation,
                                                                           attno),
                                                      (int16) attno,
                                                      pstrdup(NameStr(att->attname)), false));
        }
    }

    if (stmt->on_conflict_clause)
        conflict = transformOnConflictClause(pstate, stmt->on_conflict_clause, qry);
    if (stmt->n_returning_list > 0)
    {
        ParseNamespaceItem *nsitem = palloc0(sizeof(ParseNamespaceItem));

        nsitem->p_refname = pstate->p_target_rte->eref->aliasname;
        nsitem->p_rte = pstate->p_target_rte;
        nsitem->p_rtindex = pstate->p_target_rtindex;
        nsitem->p_rel_visible = true;
        nsitem->p_cols_visible = true;
        nsitem->p_lateral_ok = true;
        pstate->p_namespace = list_make1(nsitem);
        pstate->p_next_resno = 1;
        qry->returningList = transformTargetList(pstate, stmt->returning_list,
                                                 stmt->n_returning_list, EXPR_KIND_RETURNING);
        markTargetListOrigins(pstate, qry->returningList);
        resolveTargetListUnknowns(pstate, qry->returningList);
    }
    if (conflict)
        inferArbiterIndexes(pstate, conflict, qry);
    qry->rtable = pstate->p_rtable;
    qry->jointree = makeFromExpr(pstate->p_joinlist, NULL);
    qry->hasTargetSRFs = pstate->p_hasTargetSRFs;
    qry->hasSubLinks = pstate->p_hasSubLinks;
    if (pstate->p_target_relation->relkind == RELKIND_VIEW)
        qry = rewriteTargetView(pstate, qry, stmt->override);
    return qry;
}

/* ---------------------------------------------------------------- UPDATE, DELETE */

static List *
transformReturning(ParseState *pstate, PgNode **list, size_t n)
{
    List       *tlist;
    int         save_next_resno = pstate->p_next_resno;

    if (n == 0)
        return NIL;
    pstate->p_next_resno = 1;
    tlist = transformTargetList(pstate, list, n, EXPR_KIND_RETURNING);
    markTargetListOrigins(pstate, tlist);
    resolveTargetListUnknowns(pstate, tlist);
    pstate->p_next_resno = save_next_resno;
    return tlist;
}

/*
 * The SET list of UPDATE and of INSERT ... ON CONFLICT DO UPDATE
 * (PostgreSQL's transformUpdateTargetList): TargetEntries with resno =
 * the target column, expressions coerced to it.
 */
List *
transformUpdateTargetList(ParseState *pstate, PgNode **targets, size_t ntargets,
                          int resultRelation)
{
    List       *tlist;
    List       *seen = NIL;
    List       *indirect = NIL;  /* columns assigned through subscripts */
    ListCell   *lc;

    /* SET: first the expressions, then the target columns (PostgreSQL's order);
     * SET (a, b) = ... arrives as one MultiAssignRef per column (parse_expr.c) */
    tlist = NIL;
    for (size_t i = 0; i < ntargets; i++)
    {
        PgQuery__ResTarget *rt = targets[i]->res_target;
        Node       *expr;

        if (rt->val->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT)
        {
            SetToDefault *d = makeNode(SetToDefault);

            d->location = rt->val->set_to_default->location;
            expr = (Node *) d;
        }
        else
            expr = transformExpr(pstate, rt->val, EXPR_KIND_UPDATE_SOURCE);
        tlist = lappend(tlist, makeTargetEntry((Expr *) expr, 0, NULL, false));
    }
    foreach(lc, tlist)
    {
        TargetEntry *tle = lfirst(lc);
        PgQuery__ResTarget *rt = targets[foreach_current_index(lc)]->res_target;
        int         attrno = attnameAttNum(pstate->p_target_relation, rt->name, true);

        if (attrno == 0)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("column \"%s\" of relation \"%s\" does not exist", rt->name,
                           RelationGetRelationName(pstate->p_target_relation)),
                    parser_errposition(pstate, rt->location));
        if (rt->n_indirection > 0 && !IsA(tle->expr, SetToDefault) && attrno > 0)
        {
            /*
             * col[i] = x.  A second subscripted assignment to the same column
             * applies to the first one's result (PostgreSQL's rewriter nests
             * them the same way); the earlier entry is dropped.
             */
            Form_pg_attribute att =
                TupleDescAttr(RelationGetDescr(pstate->p_target_relation), attrno - 1);
            Node       *base = NULL;
            ListCell   *lc2;

            foreach(lc2, tlist)
            {
                TargetEntry *prev = lfirst(lc2);

                if (prev == tle)
                    break;
                if (prev->resno == attrno && IsA(prev->expr, SubscriptingRef) &&
                    ((SubscriptingRef *) prev->expr)->refassgnexpr != NULL &&
                    list_member_int(indirect, attrno))
                {
                    base = (Node *) prev->expr;
                    prev->resno = 0;    /* dropped below */
                    {
                        List       *rest = NIL;
                        ListCell   *lc3;

                        foreach(lc3, seen)
                            if (lfirst_int(lc3) != attrno)
                                rest = lappend_int(rest, lfirst_int(lc3));
                        seen = rest;
                    }
                }
            }
            if (base == NULL)
                base = (Node *) makeVar(resultRelation, (int16) attrno, att->atttypid,
                                        att->atttypmod, att->attcollation, 0);
            pstate->p_expr_kind = EXPR_KIND_UPDATE_TARGET;
            tle->expr = (Expr *) transformAssignmentSubscripts(pstate, base, rt->indirection,
                                                               rt->n_indirection,
                                                               (Node *) tle->expr, rt->name,
                                                               rt->location);
            pstate->p_expr_kind = EXPR_KIND_NONE;
            indirect = lappend_int(indirect, attrno);
        }
        else if (rt->n_indirection > 0)
            parser_not_supported(pstate, "assignment to a subscript or field", rt->location);
        if (list_member_int(seen, attrno))
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("multiple assignments to same column \"%s\"", rt->name));
        seen = lappend_int(seen, attrno);
        if (rt->n_indirection > 0)
            ;                   /* done above */
        else if (IsA(tle->expr, SetToDefault))
            tle->expr = build_column_default(pstate->p_target_relation, attrno);
        else
        {
            Form_pg_attribute att =
                TupleDescAttr(RelationGetDescr(pstate->p_target_relation), attrno - 1);

            tle->expr = transformAssignedExpr(pstate, tle->expr, EXPR_KIND_UPDATE_TARGET,
                                              rt->name, attrno, rt->location);
            /* PostgreSQL's rewriteTargetListIU */
            if (att->attidentity == 'a')
                ereport(ERROR,
                        errcode(ERRCODE_GENERATED_ALWAYS),
                        errmsg("column \"%s\" can only be updated to DEFAULT", rt->name),
                        errdetail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
                                  rt->name));
        }
        tle->resno = (int16) attrno;
        tle->resname = pstrdup(rt->name);
    }
    if (indirect != NIL)
    {
        List       *kept = NIL;

        foreach(lc, tlist)
            if (((TargetEntry *) lfirst(lc))->resno != 0)
                kept = lappend(kept, lfirst(lc));
        tlist = kept;
    }
    return tlist;
}

static Query *
transformUpdateStmt(ParseState *pstate, PgQuery__UpdateStmt *stmt)
{
    Query      *qry = makeNode(Query);
    ParseNamespaceItem *nsitem;
    Node       *qual;
    List       *tlist;

    qry->commandType = CMD_UPDATE;
    pstate->p_is_insert = false;
    if (stmt->with_clause)
        transformWithClause(pstate, stmt->with_clause);
    qry->resultRelation = setTargetTable(pstate, stmt->relation, stmt->relation->inh, true,
                                         ACL_UPDATE);
    nsitem = llast(pstate->p_namespace);
    nsitem->p_lateral_only = true;
    nsitem->p_lateral_ok = false;
    transformFromClause(pstate, stmt->from_clause, stmt->n_from_clause);
    nsitem->p_lateral_only = false;
    nsitem->p_lateral_ok = true;

    qual = transformWhereClause(pstate, stmt->where_clause, EXPR_KIND_WHERE, "WHERE");
    qry->returningList = transformReturning(pstate, stmt->returning_list, stmt->n_returning_list);

    tlist = transformUpdateTargetList(pstate, stmt->target_list, stmt->n_target_list,
                                      qry->resultRelation);
    qry->targetList = tlist;
    qry->rtable = pstate->p_rtable;
    qry->jointree = makeFromExpr(pstate->p_joinlist, qual);
    qry->hasTargetSRFs = pstate->p_hasTargetSRFs;
    qry->hasSubLinks = pstate->p_hasSubLinks;
    if (pstate->p_target_relation->relkind == RELKIND_VIEW)
        qry = rewriteTargetView(pstate, qry, PG_QUERY__OVERRIDING_KIND__OVERRIDING_NOT_SET);
    return qry;
}

static Query *
transformDeleteStmt(ParseState *pstate, PgQuery__DeleteStmt *stmt)
{
    Query      *qry = makeNode(Query);
    ParseNamespaceItem *nsitem;
    Node       *qual;

    qry->commandType = CMD_DELETE;
    if (stmt->with_clause)
        transformWithClause(pstate, stmt->with_clause);
    qry->resultRelation = setTargetTable(pstate, stmt->relation, stmt->relation->inh, true,
                                         ACL_DELETE);
    nsitem = llast(pstate->p_namespace);
    nsitem->p_lateral_only = true;
    nsitem->p_lateral_ok = false;
    transformFromClause(pstate, stmt->using_clause, stmt->n_using_clause);
    nsitem->p_lateral_only = false;
    nsitem->p_lateral_ok = true;
    qual = transformWhereClause(pstate, stmt->where_clause, EXPR_KIND_WHERE, "WHERE");
    qry->returningList = transformReturning(pstate, stmt->returning_list, stmt->n_returning_list);
    qry->rtable = pstate->p_rtable;
    qry->jointree = makeFromExpr(pstate->p_joinlist, qual);
    qry->hasSubLinks = pstate->p_hasSubLinks;
    qry->hasAggs = pstate->p_hasAggs;
    if (pstate->p_target_relation->relkind == RELKIND_VIEW)
        qry = rewriteTargetView(pstate, qry, PG_QUERY__OVERRIDING_KIND__OVERRIDING_NOT_SET);
    return qry;
}
