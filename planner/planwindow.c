/*-------------------------------------------------------------------------
 * planwindow.c
 *    Window functions: the WindowAgg nodes of one query level.
 *
 * Principal entry points:
 *    make_window_input_target - what the node below the windows (scan/join
 *                               or Agg) must output
 *    plan_window_functions    - Sort + WindowAgg per window, bottom-up
 *
 * Plan shape (as PostgreSQL's): for each distinct window clause, in
 * PostgreSQL's select_active_windows order, a Sort on PARTITION BY then
 * ORDER BY keys (skipped when the input is already in that order), then a
 * WindowAgg whose target list is its input's columns followed by the
 * window's WindowFuncs.  Window clauses that are equal share one WindowAgg.
 * The caller puts the query's select list on top (a Result, or the
 * ProjectSet), where setrefs turns each WindowFunc into an OUTER_VAR
 * reference to the WindowAgg column that computed it.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

typedef struct
{
    List       *items;
    bool        want_aggs;
    bool        want_wfuncs;
} pull_context;

static bool
pull_walker(Node *node, void *context)
{
    pull_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;

        if (var->varlevelsup == 0 && !list_member(ctx->items, node))
            ctx->items = lappend(ctx->items, node);
        return false;
    }
    if (IsA(node, Aggref) && ctx->want_aggs)
    {
        if (((Aggref *) node)->agglevelsup == 0)
        {
            if (!list_member(ctx->items, node))
                ctx->items = lappend(ctx->items, node);
            return false;
        }
    }
    /* GROUPING() is computed by the Agg below, like the aggregates */
    if (IsA(node, GroupingFunc) && ctx->want_aggs &&
        ((GroupingFunc *) node)->agglevelsup == 0)
    {
        if (!list_member(ctx->items, node))
            ctx->items = lappend(ctx->items, node);
        return false;
    }
    if (IsA(node, WindowFunc) && ctx->want_wfuncs)
    {
        if (!list_member(ctx->items, node))
            ctx->items = lappend(ctx->items, node);
        return false;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, pull_walker, context);
}

static bool
sortref_in(List *clauses, uint32 ref)
{
    ListCell   *lc;

    foreach(lc, clauses)
        if (((SortGroupClause *) lfirst(lc))->tleSortGroupRef == ref)
            return true;
    return false;
}

/*
 * The columns the windows need from below: select-list entries that are
 * window (or GROUP BY) keys, whole, keeping their ressortgroupref; then
 * every Var (and, above an Agg, every Aggref) the rest of the list uses,
 * window function arguments included.
 */
List *
make_window_input_target(PlannerInfo *root, List *final_tlist)
{
    Query      *parse = root->parse;
    List       *input = NIL;
    pull_context ctx = {NIL, parse->hasAggs, false};
    ListCell   *lc;

    foreach(lc, final_tlist)
    {
        TargetEntry *tle = lfirst(lc);
        bool        keep = false;

        if (tle->ressortgroupref)
        {
            ListCell   *wl;

            if (sortref_in(parse->groupClause, tle->ressortgroupref))
                keep = true;
            foreach(wl, parse->windowClause)
            {
                WindowClause *wc = lfirst(wl);

                if (sortref_in(wc->partitionClause, tle->ressortgroupref) ||
                    sortref_in(wc->orderClause, tle->ressortgroupref))
                    keep = true;
            }
        }
        if (keep)
        {
            TargetEntry *ntle = makeTargetEntry((Expr *) copyObject(tle->expr),
                                                (int16) (list_length(input) + 1), NULL, true);

            ntle->ressortgroupref = tle->ressortgroupref;
            input = lappend(input, ntle);
        }
        else
            (void) pull_walker((Node *) tle->expr, &ctx);
    }
    foreach(lc, ctx.items)
    {
        if (tlist_member_index(lfirst(lc), input) == 0)
            input = lappend(input, makeTargetEntry((Expr *) copyObject(lfirst(lc)),
                                                   (int16) (list_length(input) + 1), NULL,
                                                   false));
    }
    return input;
}

static bool
window_clauses_equal(WindowClause *a, WindowClause *b)
{
    return equal(a->partitionClause, b->partitionClause) &&
        equal(a->orderClause, b->orderClause) &&
        a->frameOptions == b->frameOptions &&
        equal(a->startOffset, b->startOffset) &&
        equal(a->endOffset, b->endOffset);
}

/* Is `want` a prefix of the order the input already has? */
static bool
order_satisfied(List *want, List *have)
{
    ListCell   *w, *h;

    if (list_length(want) > list_length(have))
        return false;
    forboth(w, want, h, have)
    {
        SortGroupClause *a = lfirst(w), *b = lfirst(h);

        if (a->tleSortGroupRef != b->tleSortGroupRef || a->sortop != b->sortop ||
            a->nulls_first != b->nulls_first)
            return false;
    }
    return true;
}

static void
set_key_columns(List *clauses, List *tlist, int *numCols, int16 **colIdx, Oid **ops,
                Oid **colls)
{
    int         n = list_length(clauses);
    ListCell   *lc;

    *numCols = n;
    *colIdx = palloc(sizeof(int16) * (n + 1));
    *ops = palloc(sizeof(Oid) * (n + 1));
    *colls = palloc(sizeof(Oid) * (n + 1));
    foreach(lc, clauses)
    {
        SortGroupClause *sgc = lfirst(lc);
        int         i = foreach_current_index(lc);
        ListCell   *tl;
        bool        found = false;

        foreach(tl, tlist)
        {
            TargetEntry *tle = lfirst(tl);

            if (tle->ressortgroupref == sgc->tleSortGroupRef)
            {
                (*colIdx)[i] = (int16) (foreach_current_index(tl) + 1);
                (*colls)[i] = exprCollation((Node *) tle->expr);
                found = true;
                break;
            }
        }
        if (!found)
            elog(ERROR, "could not find window key column %u", sgc->tleSortGroupRef);
        (*ops)[i] = sgc->eqop;
    }
}

/*
 * PostgreSQL's common_prefix_cmp: compares the windows' partition-then-order
 * keys (order keys already among the partition keys dropped) so that
 * windows needing the same sort are adjacent, and a window whose keys are a
 * prefix of another's comes after it (the stronger sort serves both).
 */
static List *
window_sort_keys(WindowClause *wc)
{
    List       *keys = list_copy(wc->partitionClause);
    ListCell   *lc;

    foreach(lc, wc->orderClause)
        if (!list_member(keys, lfirst(lc)))
            keys = lappend(keys, lfirst(lc));
    return keys;
}

static int
window_order_cmp(List *a, List *b)
{
    ListCell   *la;
    ListCell   *lb;

    forboth(la, a, lb, b)
    {
        SortGroupClause *sca = lfirst(la);
        SortGroupClause *scb = lfirst(lb);

        if (sca->tleSortGroupRef != scb->tleSortGroupRef)
            return sca->tleSortGroupRef > scb->tleSortGroupRef ? -1 : 1;
        if (sca->sortop != scb->sortop)
            return sca->sortop > scb->sortop ? -1 : 1;
        if (sca->nulls_first != scb->nulls_first)
            return sca->nulls_first ? -1 : 1;
    }
    if (list_length(a) != list_length(b))
        return list_length(a) > list_length(b) ? -1 : 1;
    return 0;
}

/*
 * The window clauses in the order their WindowAggs are stacked, bottom
 * first: PostgreSQL's select_active_windows order (a stable sort here).
 */
static List *
order_window_clauses(List *clauses)
{
    int         n = list_length(clauses);
    WindowClause **wcs = palloc(sizeof(WindowClause *) * (n + 1));
    List      **keys = palloc(sizeof(List *) * (n + 1));
    List       *result = NIL;

    for (int i = 0; i < n; i++)
    {
        WindowClause *wc = list_nth(clauses, i);
        List       *k = window_sort_keys(wc);
        int         j = i;

        /* insertion sort: stable, and window lists are short */
        while (j > 0 && window_order_cmp(k, keys[j - 1]) < 0)
        {
            wcs[j] = wcs[j - 1];
            keys[j] = keys[j - 1];
            j--;
        }
        wcs[j] = wc;
        keys[j] = k;
    }
    for (int i = 0; i < n; i++)
        result = lappend(result, wcs[i]);
    return result;
}

/*
 * Stack the WindowAggs over `plan` (whose target list is
 * make_window_input_target's).  *current_order is the order of the rows
 * coming in, and is updated to the order of the rows going out.
 */
Plan *
plan_window_functions(PlannerInfo *root, List *final_tlist, Plan *plan, List **current_order)
{
    Query      *parse = root->parse;
    pull_context ctx = {NIL, false, true};
    List       *clauses = order_window_clauses(parse->windowClause);
    int         nclauses = list_length(clauses);
    bool       *done = palloc0(sizeof(bool) * (nclauses + 1));
    ListCell   *lc;

    (void) pull_walker((Node *) final_tlist, &ctx);

    foreach(lc, clauses)
    {
        WindowClause *wc = lfirst(lc);
        int         i = foreach_current_index(lc);
        List       *funcs = NIL;
        List       *sortcls;
        WindowAgg  *wa;
        ListCell   *l2;

        if (done[i])
            continue;
        for (int j = i; j < nclauses; j++)
        {
            WindowClause *other = list_nth(clauses, j);

            if (!done[j] && window_clauses_equal(wc, other))
            {
                done[j] = true;
                foreach(l2, ctx.items)
                    if (((WindowFunc *) lfirst(l2))->winref == (int) other->winref)
                        funcs = lappend(funcs, lfirst(l2));
            }
        }
        if (funcs == NIL)
            continue;           /* a WINDOW definition no function uses */

        sortcls = list_concat(list_copy(wc->partitionClause), wc->orderClause);
        if (sortcls != NIL && !order_satisfied(sortcls, *current_order))
        {
            plan = make_sort_from_sortclauses(sortcls, plan, plan->targetlist);
            *current_order = sortcls;
        }

        wa = makeNode(WindowAgg);
        wa->winref = wc->winref;
        set_key_columns(wc->partitionClause, plan->targetlist, &wa->partNumCols,
                        &wa->partColIdx, &wa->partOperators, &wa->partCollations);
        set_key_columns(wc->orderClause, plan->targetlist, &wa->ordNumCols,
                        &wa->ordColIdx, &wa->ordOperators, &wa->ordCollations);
        wa->frameOptions = wc->frameOptions;
        /* sub-SELECTs in offsets become initplans / SubPlans */
        wa->startOffset = wc->startOffset ?
            preprocess_expression(root, copyObject(wc->startOffset)) : NULL;
        wa->endOffset = wc->endOffset ?
            preprocess_expression(root, copyObject(wc->endOffset)) : NULL;
        wa->startInRangeFunc = wc->startInRangeFunc;
        wa->endInRangeFunc = wc->endInRangeFunc;
        wa->inRangeColl = wc->inRangeColl;
        wa->inRangeAsc = wc->inRangeAsc;
        wa->inRangeNullsFirst = wc->inRangeNullsFirst;
        wa->plan.targetlist = copy_tlist_as_vars(plan->targetlist);
        foreach(l2, funcs)
            wa->plan.targetlist = lappend(wa->plan.targetlist,
                                          makeTargetEntry(copyObject(lfirst(l2)),
                                                          (int16) (list_length(wa->plan.targetlist) + 1),
                                                          NULL, true));
        wa->plan.lefttree = plan;
        copy_plan_costsize(&wa->plan, plan);
        wa->plan.total_cost += plan->plan_rows * DEFAULT_CPU_OPERATOR_COST *
            (list_length(funcs) + 1);
        plan = (Plan *) wa;
    }
    return plan;
}
