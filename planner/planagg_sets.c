/*-------------------------------------------------------------------------
 * planagg_sets.c
 *    Plans GROUP BY GROUPING SETS / ROLLUP / CUBE: one sorted Agg node
 *    that computes every grouping set.
 *
 * Principal entry point:
 *    make_grouping_sets_agg - the Agg (with the Sort below it) for a query
 *                             level whose Query.groupingSets is set
 *
 * Design (PostgreSQL's sorted strategy, docs/DECISIONS.md "Grouping
 * sets"): the expanded sets are split into rollup chains, each a list of
 * sets where every set contains the next one (a (b, a) set, then (a),
 * then ()).  Sorting the input on the chain's columns, smallest set's
 * columns first, makes every set of the chain a prefix of the sort key,
 * so one pass over the sorted rows computes all of them at once.  The
 * first chain's sort is a Sort node below the Agg; each further chain is
 * an Agg in Agg.chain (never executed) whose lefttree is a Sort node that
 * only describes the order: the executor (nodeAgg_sets.c) feeds every
 * input row into a tuplesort for the next chain while it aggregates the
 * current one.  Sorts spill past work_mem, so memory stays bounded
 * whatever the number of groups; there is no hashed variant (PostgreSQL's
 * AGG_HASHED/AGG_MIXED grouping sets), so grouping columns must be
 * sortable (0A000 otherwise, where PostgreSQL could hash).
 *
 * Chains are built greedily, largest set first, each set joining the
 * first chain whose smallest set contains it.  PostgreSQL finds the
 * minimum number of chains by bipartite matching; greedy may use more
 * sorts for unusual set lists, never wrong results (CUBE and ROLLUP come
 * out minimal).
 *
 * In the Agg node: numCols/grpColIdx/grpOperators/grpCollations are the
 * chain's sort columns in key order, groupingSets its sets (int lists of
 * sortgrouprefs, largest first, each the first list_length() key
 * columns).  GroupingFunc.cols of the Agg's expressions are set here from
 * their refs: the input column holding each grouping expression.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

/* One rollup chain: its sets, largest first, and its sort key (sortgrouprefs). */
typedef struct RollupChain
{
    List       *sets;           /* int lists, largest first */
    List       *key;            /* int list: sort order, smallest set's refs first */
} RollupChain;

static bool
int_list_is_subset(List *a, List *b)
{
    ListCell   *lc;

    foreach(lc, a)
        if (!list_member_int(b, lfirst_int(lc)))
            return false;
    return true;
}

static SortGroupClause *
group_clause_for_ref(List *groupClause, int ref)
{
    ListCell   *lc;

    foreach(lc, groupClause)
        if ((int) ((SortGroupClause *) lfirst(lc))->tleSortGroupRef == ref)
            return lfirst(lc);
    elog(ERROR, "grouping set column %d is not in GROUP BY", ref);
    return NULL;
}

/* Position (1-based) of the input column with this sortgroupref. */
static int
input_column_for_ref(List *tlist, int ref)
{
    ListCell   *lc;

    foreach(lc, tlist)
        if ((int) ((TargetEntry *) lfirst(lc))->ressortgroupref == ref)
            return foreach_current_index(lc) + 1;
    elog(ERROR, "could not find grouping column %d", ref);
    return 0;
}

/*
 * Split the sets (smallest first, as expand_grouping_sets returns them)
 * into chains and give each chain its sort key.
 */
static List *
build_rollup_chains(List *gsets)
{
    List       *chains = NIL;
    ListCell   *lc;

    for (int i = list_length(gsets) - 1; i >= 0; i--)
    {
        List       *set = list_nth(gsets, i);
        RollupChain *target = NULL;

        foreach(lc, chains)
        {
            RollupChain *c = lfirst(lc);

            if (int_list_is_subset(set, llast(c->sets)))
            {
                target = c;
                break;
            }
        }
        if (target == NULL)
        {
            target = palloc0(sizeof(RollupChain));
            chains = lappend(chains, target);
        }
        target->sets = lappend(target->sets, set);
    }
    foreach(lc, chains)
    {
        RollupChain *c = lfirst(lc);
        List       *ordered = NIL;

        /* key: the smallest set's columns, then each larger set's new ones */
        for (int i = list_length(c->sets) - 1; i >= 0; i--)
        {
            ListCell   *l2;

            foreach(l2, (List *) list_nth(c->sets, i))
                if (!list_member_int(c->key, lfirst_int(l2)))
                    c->key = lappend_int(c->key, lfirst_int(l2));
        }
        /* each set as the key prefix of its length (same members) */
        for (int i = 0; i < list_length(c->sets); i++)
        {
            int         len = list_length((List *) list_nth(c->sets, i));

            ordered = lappend(ordered, list_truncate(list_copy(c->key), len));
        }
        c->sets = ordered;
    }
    return chains;
}

/* The grouping columns of a chain's sort key as SortGroupClauses. */
static List *
chain_sortclauses(List *groupClause, RollupChain *c)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, c->key)
        result = lappend(result, group_clause_for_ref(groupClause, lfirst_int(lc)));
    return result;
}

/* Fill an Agg's grouping columns from a chain (positions in the input tlist). */
static void
set_agg_columns(Agg *agg, List *groupClause, RollupChain *c, List *input_tlist)
{
    int         n = list_length(c->key);
    ListCell   *lc;

    agg->numCols = n;
    agg->grpColIdx = palloc(sizeof(int16) * (n + 1));
    agg->grpOperators = palloc(sizeof(Oid) * (n + 1));
    agg->grpCollations = palloc(sizeof(Oid) * (n + 1));
    foreach(lc, c->key)
    {
        int         i = foreach_current_index(lc);
        int         col = input_column_for_ref(input_tlist, lfirst_int(lc));
        TargetEntry *tle = list_nth(input_tlist, col - 1);

        agg->grpColIdx[i] = (int16) col;
        agg->grpOperators[i] = group_clause_for_ref(groupClause, lfirst_int(lc))->eqop;
        agg->grpCollations[i] = exprCollation((Node *) tle->expr);
    }
    agg->groupingSets = c->sets;
}

typedef struct
{
    List       *input_tlist;
} grouping_cols_context;

/* GroupingFunc.cols from refs, for the GROUPING() calls this Agg evaluates. */
static bool
set_grouping_cols_walker(Node *node, void *context)
{
    grouping_cols_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, GroupingFunc))
    {
        GroupingFunc *g = (GroupingFunc *) node;
        ListCell   *lc;

        if (g->agglevelsup == 0)
        {
            g->cols = NIL;
            foreach(lc, g->refs)
                g->cols = lappend_int(g->cols, input_column_for_ref(ctx->input_tlist,
                                                                    lfirst_int(lc)));
        }
        return false;
    }
    if (IsA(node, Aggref))
        return false;           /* no GROUPING() of this level inside aggregates */
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, set_grouping_cols_walker, context);
}

/*
 * make_grouping_sets_agg
 *    The Agg computing tlist/qual (HAVING) for every grouping set of the
 *    query level over `input` (whose tlist holds the grouping expressions
 *    with their ressortgroupref).  Returns the Agg; its output is in no
 *    particular order.
 */
Plan *
make_grouping_sets_agg(PlannerInfo *root, List *tlist, List *qual, Plan *input)
{
    Query      *parse = root->parse;
    List       *gsets = expand_grouping_sets(parse->groupingSets, parse->groupDistinct, -1);
    List       *chains;
    Agg        *agg = makeNode(Agg);
    RollupChain *first;
    Plan       *child = input;
    double      numGroups = 0;
    ListCell   *lc;
    grouping_cols_context gctx;

    foreach(lc, parse->groupClause)
        if (!OidIsValid(((SortGroupClause *) lfirst(lc))->sortop))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("could not implement GROUP BY"),
                    errdetail("Grouping sets are computed by sorting, and a grouping column's type only supports hashing."));

    chains = build_rollup_chains(gsets);
    first = linitial(chains);
    if (first->key != NIL)
        child = make_sort_from_sortclauses(chain_sortclauses(parse->groupClause, first), input,
                                           input->targetlist);

    agg->aggstrategy = first->key != NIL ? AGG_SORTED : AGG_PLAIN;
    set_agg_columns(agg, parse->groupClause, first, child->targetlist);
    for (int i = 1; i < list_length(chains); i++)
    {
        RollupChain *c = list_nth(chains, i);
        Agg        *cagg = makeNode(Agg);
        Sort       *sort;

        /* the Sort only describes the chain's order; it has no input */
        sort = (Sort *) make_sort_from_sortclauses(chain_sortclauses(parse->groupClause, c),
                                                   input, input->targetlist);
        sort->plan.lefttree = NULL;
        sort->plan.targetlist = NIL;
        cagg->aggstrategy = AGG_SORTED;
        set_agg_columns(cagg, parse->groupClause, c, child->targetlist);
        cagg->plan.lefttree = (Plan *) sort;
        agg->chain = lappend(agg->chain, cagg);
    }

    foreach(lc, gsets)
    {
        List       *exprs = NIL;
        ListCell   *l2;

        foreach(l2, (List *) lfirst(lc))
            exprs = lappend(exprs,
                            get_sortgroupref_tle((uint32) lfirst_int(l2), input->targetlist)->expr);
        numGroups += exprs == NIL ? 1 : estimate_num_groups(root, exprs, input->plan_rows);
    }

    gctx.input_tlist = child->targetlist;
    (void) set_grouping_cols_walker((Node *) tlist, &gctx);
    (void) set_grouping_cols_walker((Node *) qual, &gctx);

    agg->numGroups = numGroups;
    agg->plan.targetlist = tlist;
    agg->plan.qual = qual;
    agg->plan.lefttree = child;
    agg->plan.startup_cost = child->total_cost +
        child->plan_rows * DEFAULT_CPU_OPERATOR_COST * Max(agg->numCols, 1) *
        list_length(gsets);
    /* each further chain re-sorts the input */
    for (int i = 1; i < list_length(chains); i++)
    {
        double      startup,
                    total;

        cost_sort(&startup, &total, 0, input->plan_rows, input->plan_width);
        agg->plan.startup_cost += total;
    }
    agg->plan.total_cost = agg->plan.startup_cost + numGroups * DEFAULT_CPU_TUPLE_COST;
    agg->plan.plan_rows = numGroups;
    agg->plan.plan_width = child->plan_width;
    return (Plan *) agg;
}
