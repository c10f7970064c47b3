/*-------------------------------------------------------------------------
 * parse_agg.c
 *    Aggregate calls: their arguments, their query level, where they may
 *    appear, and the GROUP BY rule for the rest of the query.
 *
 * Principal entry points:
 *    transformAggregateCall  - finish an Aggref (args as a TargetEntry list,
 *                              ORDER BY / DISTINCT inside, FILTER), find its
 *                              level and check its placement (42803)
 *    parseCheckAggregates    - every Var of the select list and HAVING must
 *                              be grouped or inside an aggregate (42803)
 *
 * As in PostgreSQL, an aggregate belongs to the closest query level any
 * of its argument Vars comes from (the smallest varlevelsup), so
 * count(outer.x) inside a subquery is an aggregate of the outer query.  An
 * aggregate without Vars belongs to the level it is written in.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"

typedef struct
{
    ParseState *pstate;
    int         min_varlevel;
    int         min_agglevel;
    int         sublevels_up;
} check_agg_arguments_context;

static bool
check_agg_arguments_walker(Node *node, void *ctxp)
{
    check_agg_arguments_context *context = ctxp;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        int         varlevelsup = ((Var *) node)->varlevelsup - context->sublevels_up;

        if (varlevelsup >= 0 &&
            (context->min_varlevel < 0 || context->min_varlevel > varlevelsup))
            context->min_varlevel = varlevelsup;
        return false;
    }
    if (IsA(node, Aggref))
    {
        int         agglevelsup = ((Aggref *) node)->agglevelsup - context->sublevels_up;

        if (agglevelsup >= 0 &&
            (context->min_agglevel < 0 || context->min_agglevel > agglevelsup))
            context->min_agglevel = agglevelsup;
        /* no need to examine args of the inner aggregate */
        return false;
    }
    if (IsA(node, WindowFunc) && context->sublevels_up == 0)
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate function calls cannot contain window function calls"),
                parser_errposition(context->pstate, ((WindowFunc *) node)->location));
    if (context->sublevels_up == 0 &&
        ((IsA(node, FuncExpr) && ((FuncExpr *) node)->funcretset) ||
         (IsA(node, OpExpr) && ((OpExpr *) node)->opretset)))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("aggregate function calls cannot contain set-returning function calls"),
                errhint("You might be able to move the set-returning function into a LATERAL FROM item."),
                parser_errposition(context->pstate, exprLocation(node)));
    if (IsA(node, Query))
    {
        bool        result;

        context->sublevels_up++;
        result = query_tree_walker((Query *) node, check_agg_arguments_walker, context, 0);
        context->sublevels_up--;
        return result;
    }
    return expression_tree_walker(node, check_agg_arguments_walker, context);
}

typedef struct
{
    int         agg_location;
    int         sublevels_up;
} locate_agg_context;

static bool
locate_agg_of_level_walker(Node *node, void *ctxp)
{
    locate_agg_context *context = ctxp;

    if (node == NULL)
        return false;
    if (IsA(node, Aggref))
    {
        if (((Aggref *) node)->agglevelsup == context->sublevels_up &&
            ((Aggref *) node)->location >= 0)
        {
            context->agg_location = ((Aggref *) node)->location;
            return true;
        }
    }
    if (IsA(node, Query))
    {
        bool        result;

        context->sublevels_up++;
        result = query_tree_walker((Query *) node, locate_agg_of_level_walker, context, 0);
        context->sublevels_up--;
        return result;
    }
    return expression_tree_walker(node, locate_agg_of_level_walker, context);
}

static int
locate_agg_of_level(Node *node, int levelsup)
{
    locate_agg_context ctx = {-1, levelsup};

    (void) locate_agg_of_level_walker(node, &ctx);
    return ctx.agg_location;
}

static int
check_agg_arguments(ParseState *pstate, List *args, Expr *filter)
{
    check_agg_arguments_context context = {pstate, -1, -1, 0};
    int         agglevel;

    (void) check_agg_arguments_walker((Node *) args, &context);
    (void) check_agg_arguments_walker((Node *) filter, &context);
    if (context.min_varlevel < 0)
        agglevel = context.min_agglevel < 0 ? 0 : context.min_agglevel;
    else if (context.min_agglevel < 0)
        agglevel = context.min_varlevel;
    else
        agglevel = Min(context.min_varlevel, context.min_agglevel);

    if (agglevel == context.min_agglevel)
    {
        int         aggloc = locate_agg_of_level((Node *) args, agglevel);

        if (aggloc < 0)
            aggloc = locate_agg_of_level((Node *) filter, agglevel);
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate function calls cannot be nested"),
                parser_errposition(pstate, aggloc));
    }
    return agglevel;
}

static void
check_agglevels_and_constraints(ParseState *pstate, Aggref *agg)
{
    int         min_varlevel = check_agg_arguments(pstate, agg->args, agg->aggfilter);
    const char *err = NULL;
    bool        errkind = false;

    agg->agglevelsup = min_varlevel;
    while (min_varlevel-- > 0)
        pstate = pstate->parentParseState;
    pstate->p_hasAggs = true;

    switch (pstate->p_expr_kind)
    {
        case EXPR_KIND_NONE:
        case EXPR_KIND_OTHER:
        case EXPR_KIND_HAVING:
        case EXPR_KIND_WINDOW_PARTITION:
        case EXPR_KIND_WINDOW_ORDER:
        case EXPR_KIND_SELECT_TARGET:
        case EXPR_KIND_ORDER_BY:
        case EXPR_KIND_DISTINCT_ON:
            break;
        case EXPR_KIND_JOIN_ON:
        case EXPR_KIND_JOIN_USING:
            err = "aggregate functions are not allowed in JOIN conditions";
            break;
        case EXPR_KIND_FROM_SUBSELECT:
            err = "aggregate functions are not allowed in FROM clause of their own query level";
            break;
        case EXPR_KIND_FROM_FUNCTION:
            err = "aggregate functions are not allowed in functions in FROM";
            break;
        case EXPR_KIND_CHECK_CONSTRAINT:
            err = "aggregate functions are not allowed in check constraints";
            break;
        case EXPR_KIND_COLUMN_DEFAULT:
            err = "aggregate functions are not allowed in DEFAULT expressions";
            break;
        case EXPR_KIND_EXECUTE_PARAMETER:
            err = "aggregate functions are not allowed in EXECUTE parameters";
            break;
        case EXPR_KIND_CALL_ARGUMENT:
            err = "aggregate functions are not allowed in CALL arguments";
            break;
        case EXPR_KIND_WHERE:
        case EXPR_KIND_FILTER:
        case EXPR_KIND_INSERT_TARGET:
        case EXPR_KIND_UPDATE_SOURCE:
        case EXPR_KIND_UPDATE_TARGET:
        case EXPR_KIND_GROUP_BY:
        case EXPR_KIND_LIMIT:
        case EXPR_KIND_OFFSET:
        case EXPR_KIND_RETURNING:
        case EXPR_KIND_VALUES:
        case EXPR_KIND_VALUES_SINGLE:
            errkind = true;
            break;
    }
    if (err)
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg_internal("%s", err),
                parser_errposition(pstate, agg->location));
    if (errkind)
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate functions are not allowed in %s",
                       ParseExprKindName(pstate->p_expr_kind)),
                parser_errposition(pstate, agg->location));
}

/*
 * transformAggregateCall
 *    agg has its function and result type; args are the analyzed and
 *    coerced arguments.  ORDER BY and FILTER are taken from the raw call.
 */
Node *
transformAggregateCall(ParseState *pstate, Aggref *agg, List *args, PgQuery__FuncCall *fn,
                       bool agg_distinct)
{
    List       *tlist = NIL;
    List       *torder = NIL;
    List       *tdistinct = NIL;
    List       *argtypes = NIL;
    int         attno = 1;
    int         save_next_resno;
    ListCell   *lc;

    foreach(lc, args)
    {
        argtypes = lappend_oid(argtypes, exprType(lfirst(lc)));
        tlist = lappend(tlist, makeTargetEntry(lfirst(lc), (int16) attno++, NULL, false));
    }
    agg->aggargtypes = argtypes;

    save_next_resno = pstate->p_next_resno;
    pstate->p_next_resno = attno;
    if (fn->n_agg_order > 0)
        torder = transformSortClause(pstate, fn->agg_order, fn->n_agg_order, &tlist,
                                     EXPR_KIND_ORDER_BY, true);
    if (agg_distinct)
    {
        tdistinct = transformDistinctClause(pstate, &tlist, torder, true);
        foreach(lc, tdistinct)
        {
            SortGroupClause *sortcl = lfirst(lc);

            if (!OidIsValid(sortcl->sortop))
            {
                Node       *expr = (Node *) get_sortgroupclause_tle(sortcl, tlist)->expr;

                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_FUNCTION),
                        errmsg("could not identify an ordering operator for type %s",
                               format_type_be(exprType(expr))),
                        errdetail("Aggregates with DISTINCT must be able to sort their inputs."),
                        parser_errposition(pstate, exprLocation(expr)));
            }
        }
    }
    pstate->p_next_resno = save_next_resno;

    agg->args = tlist;
    agg->aggorder = torder;
    agg->aggdistinct = tdistinct;
    if (fn->agg_filter)
        agg->aggfilter = (Expr *) transformWhereClause(pstate, fn->agg_filter, EXPR_KIND_FILTER,
                                                       "FILTER");
    {
        const AggInfo *ai = lookup_aggregate(agg->aggfnoid);

        agg->aggtranstype = ai ? ai->aggtranstype : InvalidOid;
    }
    check_agglevels_and_constraints(pstate, agg);
    return (Node *) agg;
}

/* ---------------------------------------------------------------- GROUP BY check */

typedef struct
{
    ParseState *pstate;
    Query      *qry;
    List       *groupClauses;   /* TargetEntry list */
    bool        have_non_var_grouping;
    int         sublevels_up;
} check_ungrouped_columns_context;

static bool
check_ungrouped_columns_walker(Node *node, void *ctxp)
{
    check_ungrouped_columns_context *context = ctxp;
    ListCell   *gl;

    if (node == NULL)
        return false;
    if (IsA(node, Const) || IsA(node, Param))
        return false;
    if (IsA(node, Aggref))
    {
        Aggref     *agg = (Aggref *) node;

        if (agg->agglevelsup == context->sublevels_up)
            return false;
        if (agg->agglevelsup > context->sublevels_up)
            return false;
    }
    if (context->have_non_var_grouping && context->sublevels_up == 0)
    {
        foreach(gl, context->groupClauses)
        {
            TargetEntry *tle = lfirst(gl);

            if (equal(node, tle->expr))
                return false;
        }
    }
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;
        RangeTblEntry *rte;

        if (var->varlevelsup != context->sublevels_up)
            return false;
        if (!context->have_non_var_grouping || context->sublevels_up != 0)
        {
            foreach(gl, context->groupClauses)
            {
                Var        *gvar = (Var *) ((TargetEntry *) lfirst(gl))->expr;

                if (IsA(gvar, Var) && gvar->varno == var->varno &&
                    gvar->varattno == var->varattno && gvar->varlevelsup == 0)
                    return false;
            }
        }
        rte = rt_fetch(var->varno, context->pstate->p_rtable);
        if (context->sublevels_up == 0)
            ereport(ERROR,
                    errcode(ERRCODE_GROUPING_ERROR),
                    errmsg("column \"%s.%s\" must appear in the GROUP BY clause or be used in an aggregate function",
                           rte->eref->aliasname, get_rte_attribute_name(rte, var->varattno)),
                    parser_errposition(context->pstate, var->location));
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg("subquery uses ungrouped column \"%s.%s\" from outer query",
                       rte->eref->aliasname, get_rte_attribute_name(rte, var->varattno)),
                parser_errposition(context->pstate, var->location));
    }
    if (IsA(node, Query))
    {
        bool        result;

        context->sublevels_up++;
        result = query_tree_walker((Query *) node, check_ungrouped_columns_walker, context, 0);
        context->sublevels_up--;
        return result;
    }
    return expression_tree_walker(node, check_ungrouped_columns_walker, context);
}

void
parseCheckAggregates(ParseState *pstate, Query *qry)
{
    check_ungrouped_columns_context context;
    ListCell   *lc;

    context.pstate = pstate;
    context.qry = qry;
    context.groupClauses = NIL;
    context.have_non_var_grouping = false;
    context.sublevels_up = 0;
    foreach(lc, qry->groupClause)
    {
        TargetEntry *tle = get_sortgroupclause_tle(lfirst(lc), qry->targetList);

        context.groupClauses = lappend(context.groupClauses, tle);
        if (!IsA(tle->expr, Var))
            context.have_non_var_grouping = true;
    }
    (void) check_ungrouped_columns_walker((Node *) qry->targetList, &context);
    (void) check_ungrouped_columns_walker(qry->havingQual, &context);
}
