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
 *                              be grouped or inside an aggregate (42803);
 *                              GROUPING() arguments must be grouping
 *                              expressions (their sortgrouprefs go to refs)
 *    transformGroupingFunc   - GROUPING(args): level and placement, as for
 *                              an aggregate
 *    expand_grouping_sets    - GROUP BY's GroupingSets -> the list of
 *                              grouping sets (sortgroupref lists), sorted
 *                              by size, deduplicated for GROUP BY DISTINCT
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
    if (IsA(node, GroupingFunc))
    {
        int         agglevelsup = ((GroupingFunc *) node)->agglevelsup - context->sublevels_up;

        if (agglevelsup >= 0 &&
            (context->min_agglevel < 0 || context->min_agglevel > agglevelsup))
            context->min_agglevel = agglevelsup;
        /* and its arguments too, as PostgreSQL */
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
    if (IsA(node, GroupingFunc))
    {
        if (((GroupingFunc *) node)->agglevelsup == context->sublevels_up &&
            ((GroupingFunc *) node)->location >= 0)
        {
            context->agg_location = ((GroupingFunc *) node)->location;
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

/*
 * The query level an aggregate or GROUPING() belongs to, and whether it
 * may appear where it is (42803 with PostgreSQL's messages, which differ
 * only in their subject: "aggregate functions" / "grouping operations").
 */
static void
check_agglevels_and_constraints(ParseState *pstate, Node *expr)
{
    bool        isAgg = IsA(expr, Aggref);
    int         min_varlevel;
    int         location;
    const char *err = NULL;
    bool        errkind = false;

    if (isAgg)
    {
        Aggref     *agg = (Aggref *) expr;

        min_varlevel = check_agg_arguments(pstate, agg->args, agg->aggfilter);
        agg->agglevelsup = min_varlevel;
        location = agg->location;
    }
    else
    {
        GroupingFunc *grp = (GroupingFunc *) expr;

        min_varlevel = check_agg_arguments(pstate, grp->args, NULL);
        grp->agglevelsup = min_varlevel;
        location = grp->location;
    }
    while (min_varlevel-- > 0)
        pstate = pstate->parentParseState;
    pstate->p_hasAggs = true;

#define AGG_ERR(what) (isAgg ? "aggregate functions are not allowed in " what : \
                       "grouping operations are not allowed in " what)
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
            err = AGG_ERR("JOIN conditions");
            break;
        case EXPR_KIND_FROM_SUBSELECT:
            err = AGG_ERR("FROM clause of their own query level");
            break;
        case EXPR_KIND_FROM_FUNCTION:
            err = AGG_ERR("functions in FROM");
            break;
        case EXPR_KIND_CHECK_CONSTRAINT:
            err = AGG_ERR("check constraints");
            break;
        case EXPR_KIND_COLUMN_DEFAULT:
            err = AGG_ERR("DEFAULT expressions");
            break;
        case EXPR_KIND_EXECUTE_PARAMETER:
            err = AGG_ERR("EXECUTE parameters");
            break;
        case EXPR_KIND_CALL_ARGUMENT:
            err = AGG_ERR("CALL arguments");
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
#undef AGG_ERR
    if (err)
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg_internal("%s", err),
                parser_errposition(pstate, location));
    if (errkind)
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                isAgg ?
                errmsg("aggregate functions are not allowed in %s",
                       ParseExprKindName(pstate->p_expr_kind)) :
                errmsg("grouping operations are not allowed in %s",
                       ParseExprKindName(pstate->p_expr_kind)),
                parser_errposition(pstate, location));
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
    if (agg->aggkind != 'n')
        tlist = transformOrderedSetArguments(pstate, args, fn, &torder);  /* WITHIN GROUP */
    else if (fn->n_agg_order > 0)
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
    check_agglevels_and_constraints(pstate, (Node *) agg);
    return (Node *) agg;
}

/*
 * transformGroupingFunc
 *    GROUPING(args): arguments analyzed here, matched against the
 *    grouping expressions by parseCheckAggregates (finalize_grouping_exprs).
 */
Node *
transformGroupingFunc(ParseState *pstate, PgQuery__GroupingFunc *gf)
{
    GroupingFunc *result = makeNode(GroupingFunc);
    List       *args = NIL;

    if (gf->n_args > 31)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_ARGUMENTS),
                errmsg("GROUPING must have fewer than 32 arguments"),
                parser_errposition(pstate, gf->location));
    for (size_t i = 0; i < gf->n_args; i++)
        args = lappend(args, transformExprRecurse(pstate, gf->args[i]));
    result->args = args;
    result->location = gf->location;
    check_agglevels_and_constraints(pstate, (Node *) result);
    return (Node *) result;
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
    /* GROUPING() of this level was checked by finalize_grouping_exprs */
    if (IsA(node, GroupingFunc) &&
        ((GroupingFunc *) node)->agglevelsup >= context->sublevels_up)
        return false;
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

/* ---------------------------------------------------------------- GROUPING() */

typedef struct
{
    ParseState *pstate;
    List       *groupClauses;   /* TargetEntry list */
    bool        have_non_var_grouping;
    int         sublevels_up;
} finalize_grouping_exprs_context;

/*
 * Each argument of a GROUPING() of this query level must be one of its
 * grouping expressions (a Var by attribute, anything else by equal());
 * its sortgrouprefs go to refs.  PostgreSQL's finalize_grouping_exprs:
 * no functional dependencies, no outer references.
 */
static bool
finalize_grouping_exprs_walker(Node *node, void *ctxp)
{
    finalize_grouping_exprs_context *context = ctxp;

    if (node == NULL)
        return false;
    if (IsA(node, Const) || IsA(node, Param))
        return false;
    if (IsA(node, Aggref))
    {
        /* GROUPING() of this level cannot be inside its aggregates (checked
         * at analysis); higher-level aggregates hold none of ours */
        if (((Aggref *) node)->agglevelsup >= context->sublevels_up)
            return false;
    }
    if (IsA(node, GroupingFunc))
    {
        GroupingFunc *grp = (GroupingFunc *) node;

        if (grp->agglevelsup == context->sublevels_up)
        {
            List       *refs = NIL;
            ListCell   *lc;

            foreach(lc, grp->args)
            {
                Node       *expr = lfirst(lc);
                uint32      ref = 0;
                ListCell   *gl;

                if (IsA(expr, Var))
                {
                    Var        *var = (Var *) expr;

                    if (var->varlevelsup == context->sublevels_up)
                        foreach(gl, context->groupClauses)
                        {
                            TargetEntry *tle = lfirst(gl);
                            Var        *gvar = (Var *) tle->expr;

                            if (IsA(gvar, Var) && gvar->varno == var->varno &&
                                gvar->varattno == var->varattno && gvar->varlevelsup == 0)
                            {
                                ref = tle->ressortgroupref;
                                break;
                            }
                        }
                }
                else if (context->have_non_var_grouping && context->sublevels_up == 0)
                {
                    foreach(gl, context->groupClauses)
                    {
                        TargetEntry *tle = lfirst(gl);

                        if (equal(expr, tle->expr))
                        {
                            ref = tle->ressortgroupref;
                            break;
                        }
                    }
                }
                if (ref == 0)
                    ereport(ERROR,
                            errcode(ERRCODE_GROUPING_ERROR),
                            errmsg("arguments to GROUPING must be grouping expressions of the associated query level"),
                            parser_errposition(context->pstate, exprLocation(expr)));
                refs = lappend_int(refs, (int) ref);
            }
            grp->refs = refs;
        }
        if (grp->agglevelsup > context->sublevels_up)
            return false;
    }
    if (IsA(node, Query))
    {
        bool        result;

        context->sublevels_up++;
        result = query_tree_walker((Query *) node, finalize_grouping_exprs_walker, context, 0);
        context->sublevels_up--;
        return result;
    }
    return expression_tree_walker(node, finalize_grouping_exprs_walker, context);
}

/* ---------------------------------------------------------------- grouping sets */

/*
 * The grouping sets one GroupingSet node stands for, each a list of
 * sortgrouprefs (PostgreSQL's expand_groupingset_node): ROLLUP(a, b) is
 * (a, b), (a), (); CUBE(a, b) every subset, in PostgreSQL's bit order;
 * GROUPING SETS the concatenation of its members' expansions.
 */
static List *
expand_groupingset_node(GroupingSet *gs)
{
    List       *result = NIL;
    ListCell   *lc;

    switch (gs->kind)
    {
        case GROUPING_SET_EMPTY:
            result = list_make1(NIL);
            break;
        case GROUPING_SET_SIMPLE:
            result = list_make1(gs->content);
            break;
        case GROUPING_SET_ROLLUP:
            for (int size = list_length(gs->content); size > 0; size--)
            {
                List       *current = NIL;
                int         i = 0;

                foreach(lc, gs->content)
                {
                    if (i++ == size)
                        break;
                    current = list_concat(current, ((GroupingSet *) lfirst(lc))->content);
                }
                result = lappend(result, current);
            }
            result = lappend(result, NIL);
            break;
        case GROUPING_SET_CUBE:
            {
                int         nbits = list_length(gs->content);

                for (uint32 i = 0; i < (1U << nbits); i++)
                {
                    List       *current = NIL;
                    uint32      mask = 1;

                    foreach(lc, gs->content)
                    {
                        if (mask & i)
                            current = list_concat(current,
                                                  ((GroupingSet *) lfirst(lc))->content);
                        mask <<= 1;
                    }
                    result = lappend(result, current);
                }
            }
            break;
        case GROUPING_SET_SETS:
            foreach(lc, gs->content)
                result = list_concat(result, expand_groupingset_node(lfirst(lc)));
            break;
    }
    return result;
}

/* The members of a that are not yet in the int list acc, appended to it (no duplicates). */
static List *
int_list_union(List *acc, List *a)
{
    ListCell   *lc;

    foreach(lc, a)
        if (!list_member_int(acc, lfirst_int(lc)))
            acc = lappend_int(acc, lfirst_int(lc));
    return acc;
}

static int
cmp_int(const void *a, const void *b)
{
    int         x = *(const int *) a,
                y = *(const int *) b;

    return x < y ? -1 : x > y;
}

/* Order grouping sets by length, then (GROUP BY DISTINCT) by contents. */
static int
cmp_gset(List *a, List *b, bool contents)
{
    if (list_length(a) != list_length(b))
        return list_length(a) < list_length(b) ? -1 : 1;
    if (contents)
        for (int i = 0; i < list_length(a); i++)
            if (list_nth_int(a, i) != list_nth_int(b, i))
                return list_nth_int(a, i) < list_nth_int(b, i) ? -1 : 1;
    return 0;
}

/*
 * expand_grouping_sets
 *    The grouping sets of a GROUP BY (Query.groupingSets): the cross
 *    product of its items' expansions, each set free of duplicate
 *    columns, ordered by size (smallest first, as PostgreSQL); with
 *    GROUP BY DISTINCT, duplicate sets removed.  NIL if there would be
 *    more than `limit` sets (limit < 0: no limit).
 */
List *
expand_grouping_sets(List *groupingSets, bool groupDistinct, int limit)
{
    List       *expanded = NIL;
    List       *result = NIL;
    double      numsets = 1;
    ListCell   *lc;
    List      **arr;
    int         n;

    if (groupingSets == NIL)
        return NIL;
    foreach(lc, groupingSets)
    {
        List       *cur = expand_groupingset_node(lfirst(lc));

        numsets *= list_length(cur);
        if (limit >= 0 && numsets > limit)
            return NIL;
        expanded = lappend(expanded, cur);
    }
    foreach(lc, (List *) linitial(expanded))
        result = lappend(result, int_list_union(NIL, lfirst(lc)));
    for (int i = 1; i < list_length(expanded); i++)
    {
        List       *p = list_nth(expanded, i);
        List       *next = NIL;
        ListCell   *l2,
                   *l3;

        foreach(l2, result)
            foreach(l3, p)
                next = lappend(next, int_list_union(list_copy(lfirst(l2)), lfirst(l3)));
        result = next;
    }

    /* a stable insertion sort: few sets (at most `limit`), no allocation */
    n = list_length(result);
    arr = palloc(sizeof(List *) * (Size) Max(n, 1));
    foreach(lc, result)
    {
        List       *set = lfirst(lc);

        if (groupDistinct && n > 1 && set != NIL)
        {
            int        *v = palloc(sizeof(int) * (Size) list_length(set));
            int         k = 0;
            ListCell   *l2;

            foreach(l2, set)
                v[k++] = lfirst_int(l2);
            qsort(v, (size_t) k, sizeof(int), cmp_int);
            set = NIL;
            for (int j = 0; j < k; j++)
                set = lappend_int(set, v[j]);
        }
        arr[foreach_current_index(lc)] = set;
    }
    for (int i = 1; i < n; i++)
    {
        List       *x = arr[i];
        int         j = i;

        while (j > 0 && cmp_gset(arr[j - 1], x, groupDistinct && n > 1) > 0)
        {
            arr[j] = arr[j - 1];
            j--;
        }
        arr[j] = x;
    }
    result = NIL;
    for (int i = 0; i < n; i++)
    {
        if (groupDistinct && n > 1 && i > 0 && equal(arr[i], arr[i - 1]))
            continue;
        result = lappend(result, arr[i]);
    }
    return result;
}

void
parseCheckAggregates(ParseState *pstate, Query *qry)
{
    check_ungrouped_columns_context context;
    finalize_grouping_exprs_context fctx;
    ListCell   *lc;

    if (qry->groupingSets)
    {
        /* PostgreSQL's arbitrary limit against pathological constructs */
        List       *gsets = expand_grouping_sets(qry->groupingSets, qry->groupDistinct,
                                                 MAX_GROUPING_SETS);

        if (gsets == NIL)
            ereport(ERROR,
                    errcode(ERRCODE_STATEMENT_TOO_COMPLEX),
                    errmsg("too many grouping sets present (maximum 4096)"),
                    parser_errposition(pstate, qry->groupClause ? -1 :
                                       exprLocation((Node *) qry->groupingSets)));
        /* one non-empty set: a plain GROUP BY */
        if (list_length(gsets) == 1 && qry->groupClause)
            qry->groupingSets = NIL;
    }

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
    fctx.pstate = pstate;
    fctx.groupClauses = context.groupClauses;
    fctx.have_non_var_grouping = context.have_non_var_grouping;
    fctx.sublevels_up = 0;
    (void) finalize_grouping_exprs_walker((Node *) qry->targetList, &fctx);
    (void) check_ungrouped_columns_walker((Node *) qry->targetList, &context);
    (void) finalize_grouping_exprs_walker(qry->havingQual, &fctx);
    (void) check_ungrouped_columns_walker(qry->havingQual, &context);
}
