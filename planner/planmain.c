/*-------------------------------------------------------------------------
 * planmain.c
 *    The scan/join part of planning: base relations, where each qual is
 *    evaluated, join order and join method, with a small cost model.
 *
 * Principal entry point:
 *    query_planner(root, scanjoin_tlist) - the cheapest Path producing the
 *                                          FROM/WHERE part of the query
 *
 * Join domains.  The join tree is cut at outer joins: a FROM list and
 * its INNER JOINs form one domain whose members (base relations, or outer
 * joins planned recursively as units) may be joined in any order.  A qual
 * of the domain goes to the one member holding all its relations (a scan
 * qual, or pushed into an outer join's non-nullable side), else it is a
 * join clause applied at the first join that covers it.  An outer join's
 * ON clause is its join qual, except parts that mention only the nullable
 * side, which filter that side before the join.  A RIGHT join is planned
 * as a LEFT join with its inputs swapped.  These are PostgreSQL's
 * qual-placement rules for outer joins, minus its join reordering across
 * them and its outer-join strength reduction.
 *
 * Join search: dynamic programming over subsets for up to
 * DP_JOIN_LIMIT members, greedy above it.  Each join considers a nested
 * loop (inner side materialized) and, with hashable equality clauses of
 * one type on both sides, a hash join, in both input orders where the join
 * type allows, and keeps the cheapest.
 *
 * Costs follow PostgreSQL's units (seq_page_cost 1, cpu_tuple_cost 0.01,
 * cpu_operator_cost 0.0025) with default selectivities, since there are no
 * statistics yet; relation size comes from its current number of blocks.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <math.h>

#include "catalog/relcache.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

#define DP_JOIN_LIMIT 10

/* ---------------------------------------------------------------- Relids */

static Relids
relids_alloc(int nwords)
{
    Relids      r = palloc0(offsetof(struct Relids_, words) + sizeof(uint64) * nwords);

    r->nwords = nwords;
    return r;
}

Relids
relids_make_singleton(int x)
{
    Relids      r = relids_alloc(x / 64 + 1);

    r->words[x / 64] |= UINT64_C(1) << (x % 64);
    return r;
}

Relids
relids_add_member(Relids a, int x)
{
    return relids_union(a, relids_make_singleton(x));
}

Relids
relids_union(Relids a, Relids b)
{
    Relids      r;

    if (a == NULL)
        return b;
    if (b == NULL)
        return a;
    r = relids_alloc(Max(a->nwords, b->nwords));
    for (int i = 0; i < r->nwords; i++)
        r->words[i] = (i < a->nwords ? a->words[i] : 0) | (i < b->nwords ? b->words[i] : 0);
    return r;
}

bool
relids_is_member(int x, Relids a)
{
    return a && x / 64 < a->nwords && (a->words[x / 64] & (UINT64_C(1) << (x % 64)));
}

bool
relids_is_subset(Relids a, Relids b)
{
    if (a == NULL)
        return true;
    for (int i = 0; i < a->nwords; i++)
    {
        uint64      bw = (b && i < b->nwords) ? b->words[i] : 0;

        if (a->words[i] & ~bw)
            return false;
    }
    return true;
}

bool
relids_overlap(Relids a, Relids b)
{
    if (a == NULL || b == NULL)
        return false;
    for (int i = 0; i < Min(a->nwords, b->nwords); i++)
        if (a->words[i] & b->words[i])
            return true;
    return false;
}

bool
relids_is_empty(Relids a)
{
    if (a == NULL)
        return true;
    for (int i = 0; i < a->nwords; i++)
        if (a->words[i])
            return false;
    return true;
}

bool
relids_equal(Relids a, Relids b)
{
    return relids_is_subset(a, b) && relids_is_subset(b, a);
}

int
relids_num_members(Relids a)
{
    int         n = 0;

    if (a == NULL)
        return 0;
    for (int i = 0; i < a->nwords; i++)
        n += __builtin_popcountll(a->words[i]);
    return n;
}

static bool
pull_varnos_walker(Node *node, void *context)
{
    Relids     *result = context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;

        if (var->varlevelsup == 0 && var->varno > 0 && var->varno < INNER_VAR)
            *result = relids_add_member(*result, var->varno);
        return false;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, pull_varnos_walker, context);
}

Relids
pull_varnos(Node *node)
{
    Relids      result = NULL;

    (void) pull_varnos_walker(node, &result);
    return result;
}

/* ---------------------------------------------------------------- selectivity */

double
clamp_row_est(double nrows)
{
    if (nrows <= 1.0)
        return 1.0;
    return rint(nrows);
}

double
clause_selectivity(PlannerInfo *root, Node *clause)
{
    if (clause == NULL)
        return 1.0;
    switch (nodeTag(clause))
    {
        case T_BoolExpr:
            {
                BoolExpr   *b = (BoolExpr *) clause;
                ListCell   *lc;
                double      s;

                if (b->boolop == NOT_EXPR)
                    return 1.0 - clause_selectivity(root, linitial(b->args));
                if (b->boolop == AND_EXPR)
                {
                    s = 1.0;
                    foreach(lc, b->args)
                        s *= clause_selectivity(root, lfirst(lc));
                    return s;
                }
                s = 0.0;
                foreach(lc, b->args)
                {
                    double      s2 = clause_selectivity(root, lfirst(lc));

                    s = s + s2 - s * s2;
                }
                return s;
            }
        case T_Const:
            {
                Const      *c = (Const *) clause;

                if (c->constisnull || !DatumGetBool(c->constvalue))
                    return 0.0;
                return 1.0;
            }
        case T_NullTest:
            return ((NullTest *) clause)->nulltesttype == IS_NULL ? DEFAULT_UNK_SEL :
                1.0 - DEFAULT_UNK_SEL;
        case T_OpExpr:
            {
                OpExpr     *op = (OpExpr *) clause;
                Oid         opfamily;
                int16       strategy;

                if (get_op_btree_interpretation(op->opno, &opfamily, &strategy))
                {
                    if (strategy == BTEqualStrategyNumber)
                        return DEFAULT_EQ_SEL;
                    return DEFAULT_INEQ_SEL;
                }
                else
                {
                    Oid         neg = get_negator(op->opno);

                    if (OidIsValid(neg) &&
                        get_op_btree_interpretation(neg, &opfamily, &strategy) &&
                        strategy == BTEqualStrategyNumber)
                        return 1.0 - DEFAULT_EQ_SEL;
                }
                return DEFAULT_INEQ_SEL;
            }
        case T_ScalarArrayOpExpr:
            return 0.05;
        default:
            return 0.5;
    }
}

double
estimate_num_groups(PlannerInfo *root, List *groupExprs, double input_rows)
{
    double      numdistinct = 1.0;
    ListCell   *lc;

    if (groupExprs == NIL)
        return 1.0;
    foreach(lc, groupExprs)
    {
        double      nd = Min((double) DEFAULT_NUM_DISTINCT, input_rows);

        numdistinct *= Max(nd, 1.0);
        if (numdistinct > input_rows)
            break;
    }
    return clamp_row_est(Min(numdistinct, input_rows));
}

void
cost_sort(double *startup, double *total, double input_cost, double tuples, int width)
{
    double      logn = tuples > 1 ? log2(tuples) : 1.0;
    double      cmp = 2.0 * DEFAULT_CPU_OPERATOR_COST * tuples * logn;

    *startup = input_cost + cmp;
    *total = *startup + DEFAULT_CPU_OPERATOR_COST * tuples;
}

/* ---------------------------------------------------------------- base rels */

static int
type_width(Oid typid, int32 typmod)
{
    int16       typlen = get_typlen(typid);

    if (typlen > 0)
        return typlen;
    if (typmod > 4 && (typid == VARCHAROID || typid == BPCHAROID))
        return typmod - 4 + 1;
    return 32;
}

static void
set_baserel_size(PlannerInfo *root, RelOptInfo *rel, RangeTblEntry *rte)
{
    double      sel = 1.0;
    ListCell   *lc;
    int         width = 0;

    foreach(lc, rte->coltypes)
    {
        int         i = foreach_current_index(lc);

        if (OidIsValid(lfirst_oid(lc)))
            width += type_width(lfirst_oid(lc), list_nth_int(rte->coltypmods, i));
    }
    rel->width = Max(width, 1);

    switch (rte->rtekind)
    {
        case RTE_RELATION:
            {
                Relation    r = relation_open(rte->relid, NoLock);
                double      curpages = RelationGetNumberOfBlocksNode(r->rd_node);
                double      density;

                relation_close(r, NoLock);
                /* never-vacuumed tables: assume 10 pages, as PostgreSQL does */
                if (curpages < 10)
                    curpages = 10;
                density = (BLCKSZ - 24) / (double) (rel->width + 24 + 4);
                rel->pages = curpages;
                rel->tuples = rint(curpages * density);
            }
            break;
        case RTE_VALUES:
            rel->pages = 0;
            rel->tuples = list_length(rte->values_lists);
            break;
        case RTE_FUNCTION:
            {
                FuncExpr   *f = linitial(rte->functions);

                rel->pages = 0;
                rel->tuples = (IsA(f, FuncExpr) && f->funcretset) ? 1000 : 1;
            }
            break;
        case RTE_SUBQUERY:
            {
                Plan       *subplan = root->subplans_by_rti[rel->relid];

                rel->pages = 0;
                rel->tuples = subplan ? subplan->plan_rows : 1000;
            }
            break;
        case RTE_CTE:
            /* a recursive CTE's work table (one iteration's rows) or a
             * data-modifying WITH query's RETURNING rows: a guess */
            rel->pages = 0;
            rel->tuples = rte->self_reference ? 100 : 1000;
            break;
        default:
            rel->pages = 0;
            rel->tuples = 1;
            break;
    }
    foreach(lc, rel->baserestrictinfo)
        sel *= ((RestrictInfo *) lfirst(lc))->selectivity;
    rel->rows = clamp_row_est(rel->tuples * sel);
}

static Path *
make_scan_path(PlannerInfo *root, RelOptInfo *rel, RangeTblEntry *rte)
{
    Path       *path = palloc0(sizeof(Path));
    double      nquals = list_length(rel->baserestrictinfo);
    double      run_cost;

    path->parent = rel;
    path->rows = rel->rows;
    switch (rte->rtekind)
    {
        case RTE_RELATION:
            path->pathtype = PATH_SEQSCAN;
            run_cost = rel->pages * DEFAULT_SEQ_PAGE_COST +
                rel->tuples * (DEFAULT_CPU_TUPLE_COST + nquals * DEFAULT_CPU_OPERATOR_COST);
            break;
        case RTE_VALUES:
            path->pathtype = PATH_VALUESSCAN;
            run_cost = rel->tuples * (DEFAULT_CPU_OPERATOR_COST * 2 + DEFAULT_CPU_TUPLE_COST);
            break;
        case RTE_FUNCTION:
            path->pathtype = PATH_FUNCTIONSCAN;
            run_cost = rel->tuples * (DEFAULT_CPU_OPERATOR_COST + DEFAULT_CPU_TUPLE_COST);
            break;
        case RTE_SUBQUERY:
            {
                Plan       *subplan = root->subplans_by_rti[rel->relid];

                path->pathtype = PATH_SUBQUERYSCAN;
                path->startup_cost = subplan ? subplan->startup_cost : 0;
                run_cost = (subplan ? subplan->total_cost : 0) +
                    rel->tuples * DEFAULT_CPU_TUPLE_COST;
            }
            break;
        case RTE_CTE:
            path->pathtype = rte->self_reference ? PATH_WORKTABLESCAN : PATH_CTESCAN;
            run_cost = rel->tuples * DEFAULT_CPU_TUPLE_COST;
            break;
        default:
            path->pathtype = PATH_RESULT;
            run_cost = DEFAULT_CPU_TUPLE_COST;
            break;
    }
    path->total_cost = path->startup_cost + run_cost;
    return path;
}

static RestrictInfo *
make_restrictinfo(PlannerInfo *root, Expr *clause)
{
    RestrictInfo *ri = palloc0(sizeof(RestrictInfo));

    ri->clause = clause;
    ri->required_relids = pull_varnos((Node *) clause);
    ri->selectivity = clause_selectivity(root, (Node *) clause);
    if (IsA(clause, OpExpr) && list_length(((OpExpr *) clause)->args) == 2 &&
        !((OpExpr *) clause)->opretset)
    {
        OpExpr     *op = (OpExpr *) clause;
        const OperInfo *oper = lookup_operator(op->opno);
        Node       *l = linitial(op->args);
        Node       *r = lsecond(op->args);

        ri->left_relids = pull_varnos(l);
        ri->right_relids = pull_varnos(r);
        if (oper && oper->oprcanhash && exprType(l) == exprType(r) &&
            !relids_is_empty(ri->left_relids) && !relids_is_empty(ri->right_relids) &&
            !relids_overlap(ri->left_relids, ri->right_relids) &&
            !expression_returns_set((Node *) clause))
        {
            ri->can_hash = true;
            ri->hashjoinoperator = op->opno;
        }
    }
    return ri;
}

static RelOptInfo *
build_base_rel(PlannerInfo *root, int rtindex, List *quals)
{
    RangeTblEntry *rte = rt_fetch(rtindex, root->parse->rtable);
    RelOptInfo *rel = palloc0(sizeof(RelOptInfo));

    rel->reloptkind = RELOPT_BASEREL;
    rel->relid = rtindex;
    rel->rtekind = rte->rtekind;
    rel->relids = relids_make_singleton(rtindex);
    rel->baserestrictinfo = quals;
    rel->lateral_relids = lateral_relids_of(root, rtindex);
    set_baserel_size(root, rel, rte);
    rel->cheapest_path = make_scan_path(root, rel, rte);
    if (rte->rtekind == RTE_RELATION)
        create_index_paths(root, rel);     /* indxpath.c */
    root->simple_rel_array[rtindex] = rel;
    return rel;
}

/* ---------------------------------------------------------------- joins */

static double
join_rows(RelOptInfo *outer, RelOptInfo *inner, JoinType jointype, List *quals)
{
    double      sel = 1.0;
    double      rows;
    ListCell   *lc;

    foreach(lc, quals)
        sel *= ((RestrictInfo *) lfirst(lc))->selectivity;
    rows = outer->rows * inner->rows * sel;
    switch (jointype)
    {
        case JOIN_LEFT:
            rows = Max(rows, outer->rows);
            break;
        case JOIN_RIGHT:
            rows = Max(rows, inner->rows);
            break;
        case JOIN_FULL:
            rows = Max(rows, outer->rows + inner->rows);
            break;
        default:
            break;
    }
    return clamp_row_est(rows);
}

/* The hashable clauses usable between these inputs (oriented in try_hashjoin). */
static List *
hashable_clauses(List *joinquals, Relids outer_relids, Relids inner_relids)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, joinquals)
    {
        RestrictInfo *ri = lfirst(lc);

        if (!ri->can_hash)
            continue;
        if ((relids_is_subset(ri->left_relids, outer_relids) &&
             relids_is_subset(ri->right_relids, inner_relids)) ||
            (relids_is_subset(ri->left_relids, inner_relids) &&
             relids_is_subset(ri->right_relids, outer_relids)))
            result = lappend(result, ri);
    }
    return result;
}

static void
consider_path(RelOptInfo *joinrel, Path *path)
{
    if (joinrel->cheapest_path == NULL ||
        path->total_cost < joinrel->cheapest_path->total_cost)
        joinrel->cheapest_path = path;
}

static void
try_nestloop(RelOptInfo *joinrel, RelOptInfo *outer, RelOptInfo *inner, JoinType jointype,
             List *joinquals, List *otherquals)
{
    Path       *path = palloc0(sizeof(Path));
    Path       *op = outer->cheapest_path;
    Path       *ip = inner->cheapest_path;
    double      rescan;
    /* a lateral inner side is recomputed per outer row anyway */
    bool        materialize = (ip->pathtype != PATH_RESULT &&
                               relids_is_empty(inner->lateral_relids));

    path->pathtype = PATH_NESTLOOP;
    path->parent = joinrel;
    path->rows = joinrel->rows;
    path->jointype = jointype;
    path->outerpath = op;
    path->innerpath = ip;
    path->joinrestrictinfo = joinquals;
    path->otherrestrictinfo = otherquals;
    path->materialize_inner = materialize;
    rescan = materialize ? DEFAULT_CPU_OPERATOR_COST * ip->rows : ip->total_cost;
    path->startup_cost = op->startup_cost + ip->startup_cost;
    path->total_cost = op->total_cost + ip->total_cost +
        Max(op->rows - 1, 0) * rescan +
        op->rows * ip->rows * (DEFAULT_CPU_TUPLE_COST +
                               list_length(joinquals) * DEFAULT_CPU_OPERATOR_COST);
    consider_path(joinrel, path);
}

/*
 * A nested loop whose inner side is an index scan of a base table taking
 * the join key from each outer row (indxpath.c); the join clauses stay as
 * the join's quals (rechecked).
 */
static void
try_index_nestloop(PlannerInfo *root, RelOptInfo *joinrel, RelOptInfo *outer,
                   RelOptInfo *inner, JoinType jointype, List *joinquals, List *otherquals)
{
    Path       *ip = create_param_index_path(root, outer, inner, joinquals);
    Path       *op = outer->cheapest_path;
    Path       *path;

    if (ip == NULL)
        return;
    path = palloc0(sizeof(Path));
    path->pathtype = PATH_NESTLOOP;
    path->parent = joinrel;
    path->rows = joinrel->rows;
    path->jointype = jointype;
    path->outerpath = op;
    path->innerpath = ip;
    path->joinrestrictinfo = joinquals;
    path->otherrestrictinfo = otherquals;
    path->materialize_inner = false;
    path->startup_cost = op->startup_cost + ip->startup_cost;
    path->total_cost = op->total_cost + Max(op->rows, 1) * ip->total_cost +
        op->rows * ip->rows * (DEFAULT_CPU_TUPLE_COST +
                               list_length(joinquals) * DEFAULT_CPU_OPERATOR_COST);
    consider_path(joinrel, path);
}

static void
try_hashjoin(RelOptInfo *joinrel, RelOptInfo *outer, RelOptInfo *inner, JoinType jointype,
             List *joinquals, List *otherquals)
{
    List       *hashclauses = hashable_clauses(joinquals, outer->relids, inner->relids);
    List       *rest = NIL;
    Path       *path;
    Path       *op = outer->cheapest_path;
    Path       *ip = inner->cheapest_path;
    ListCell   *lc;

    if (hashclauses == NIL)
        return;
    foreach(lc, joinquals)
        if (!list_member_ptr(hashclauses, lfirst(lc)))
            rest = lappend(rest, lfirst(lc));
    path = palloc0(sizeof(Path));
    path->pathtype = PATH_HASHJOIN;
    path->parent = joinrel;
    path->rows = joinrel->rows;
    path->jointype = jointype;
    path->outerpath = op;
    path->innerpath = ip;
    path->hashclauses = hashclauses;
    path->joinrestrictinfo = rest;
    path->otherrestrictinfo = otherquals;
    path->startup_cost = op->startup_cost + ip->total_cost +
        ip->rows * (DEFAULT_CPU_TUPLE_COST + list_length(hashclauses) * DEFAULT_CPU_OPERATOR_COST);
    path->total_cost = path->startup_cost + (op->total_cost - op->startup_cost) +
        op->rows * list_length(hashclauses) * DEFAULT_CPU_OPERATOR_COST +
        joinrel->rows * DEFAULT_CPU_TUPLE_COST;
    consider_path(joinrel, path);
}

/*
 * A join where one side needs values of relations outside it (LATERAL,
 * lateral.c): only nested loops, the needing side inner whenever the
 * other side provides for it.  The join still needs what neither side
 * provides.
 */
static RelOptInfo *
make_lateral_join_rel(PlannerInfo *root, RelOptInfo *rel1, RelOptInfo *rel2, JoinType jointype,
                      List *joinquals, List *otherquals, bool r1_needs_r2, bool r2_needs_r1)
{
    RelOptInfo *joinrel = palloc0(sizeof(RelOptInfo));
    Relids      needs[2] = {rel1->lateral_relids, rel2->lateral_relids};

    joinrel->reloptkind = RELOPT_JOINREL;
    joinrel->relids = relids_union(rel1->relids, rel2->relids);
    joinrel->width = rel1->width + rel2->width;
    joinrel->joininfo = joinquals;
    joinrel->rows = join_rows(rel1, rel2, jointype, joinquals);
    if (otherquals)
    {
        double      sel = 1.0;
        ListCell   *lc;

        foreach(lc, otherquals)
            sel *= ((RestrictInfo *) lfirst(lc))->selectivity;
        joinrel->rows = clamp_row_est(joinrel->rows * sel);
    }
    for (int s = 0; s < 2; s++)
    {
        if (needs[s] == NULL)
            continue;
        for (int w = 0; w < needs[s]->nwords; w++)
            for (int b = 0; b < 64; b++)
            {
                int         rti = w * 64 + b;

                if ((needs[s]->words[w] & ((uint64) 1 << b)) &&
                    !relids_is_member(rti, joinrel->relids))
                    joinrel->lateral_relids =
                        joinrel->lateral_relids ? relids_add_member(joinrel->lateral_relids, rti)
                        : relids_make_singleton(rti);
            }
    }
    switch (jointype)
    {
        case JOIN_INNER:
            if (!r1_needs_r2)
                try_nestloop(joinrel, rel1, rel2, JOIN_INNER, joinquals, otherquals);
            if (!r2_needs_r1)
                try_nestloop(joinrel, rel2, rel1, JOIN_INNER, joinquals, otherquals);
            break;
        case JOIN_LEFT:
            if (!r1_needs_r2)
                try_nestloop(joinrel, rel1, rel2, JOIN_LEFT, joinquals, otherquals);
            break;
        default:
            break;
    }
    if (joinrel->cheapest_path == NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("this join with a LATERAL reference is not supported yet"));
    return joinrel;
}

static RelOptInfo *
make_join_rel(PlannerInfo *root, RelOptInfo *rel1, RelOptInfo *rel2, JoinType jointype,
              List *joinquals, List *otherquals)
{
    RelOptInfo *joinrel;
    bool        lat1 = !relids_is_empty(rel1->lateral_relids);
    bool        lat2 = !relids_is_empty(rel2->lateral_relids);
    bool        r1_needs_r2 = lat1 && relids_overlap(rel1->lateral_relids, rel2->relids);
    bool        r2_needs_r1 = lat2 && relids_overlap(rel2->lateral_relids, rel1->relids);

    /* LATERAL (lateral.c): a consumer is the inner side of a nested loop */
    if (r1_needs_r2 && r2_needs_r1)
        return NULL;
    if (lat1 || lat2)
        return make_lateral_join_rel(root, rel1, rel2, jointype, joinquals, otherquals,
                                     r1_needs_r2, r2_needs_r1);
    joinrel = palloc0(sizeof(RelOptInfo));
    joinrel->reloptkind = RELOPT_JOINREL;
    joinrel->relids = relids_union(rel1->relids, rel2->relids);
    joinrel->width = rel1->width + rel2->width;
    joinrel->joininfo = joinquals;
    joinrel->rows = join_rows(rel1, rel2, jointype, joinquals);
    if (otherquals)
    {
        double      sel = 1.0;
        ListCell   *lc;

        foreach(lc, otherquals)
            sel *= ((RestrictInfo *) lfirst(lc))->selectivity;
        joinrel->rows = clamp_row_est(joinrel->rows * sel);
    }

    switch (jointype)
    {
        case JOIN_INNER:
            try_nestloop(joinrel, rel1, rel2, JOIN_INNER, joinquals, otherquals);
            try_nestloop(joinrel, rel2, rel1, JOIN_INNER, joinquals, otherquals);
            try_index_nestloop(root, joinrel, rel1, rel2, JOIN_INNER, joinquals, otherquals);
            try_index_nestloop(root, joinrel, rel2, rel1, JOIN_INNER, joinquals, otherquals);
            try_hashjoin(joinrel, rel1, rel2, JOIN_INNER, joinquals, otherquals);
            try_hashjoin(joinrel, rel2, rel1, JOIN_INNER, joinquals, otherquals);
            break;
        case JOIN_LEFT:
            /* rel1 is the preserved side */
            try_nestloop(joinrel, rel1, rel2, JOIN_LEFT, joinquals, otherquals);
            try_index_nestloop(root, joinrel, rel1, rel2, JOIN_LEFT, joinquals, otherquals);
            try_hashjoin(joinrel, rel1, rel2, JOIN_LEFT, joinquals, otherquals);
            try_hashjoin(joinrel, rel2, rel1, JOIN_RIGHT, joinquals, otherquals);
            break;
        case JOIN_FULL:
            try_hashjoin(joinrel, rel1, rel2, JOIN_FULL, joinquals, otherquals);
            try_hashjoin(joinrel, rel2, rel1, JOIN_FULL, joinquals, otherquals);
            if (joinrel->cheapest_path == NULL)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("FULL JOIN is only supported with merge-joinable or hash-joinable join conditions"));
            break;
        default:
            elog(ERROR, "unexpected join type %d", (int) jointype);
    }
    return joinrel;
}

/* The join clauses of `quals` that become evaluable when rel1 and rel2 are joined. */
static List *
clauses_for_join(List *quals, Relids r1, Relids r2, List **remaining)
{
    Relids      both = relids_union(r1, r2);
    List       *result = NIL;
    List       *rest = NIL;
    ListCell   *lc;

    foreach(lc, quals)
    {
        RestrictInfo *ri = lfirst(lc);

        if (relids_is_subset(ri->required_relids, both))
            result = lappend(result, ri);
        else
            rest = lappend(rest, ri);
    }
    *remaining = rest;
    return result;
}

static bool
have_join_clause(List *quals, Relids r1, Relids r2)
{
    ListCell   *lc;

    foreach(lc, quals)
    {
        RestrictInfo *ri = lfirst(lc);

        if (relids_overlap(ri->required_relids, r1) && relids_overlap(ri->required_relids, r2) &&
            relids_is_subset(ri->required_relids, relids_union(r1, r2)))
            return true;
    }
    return false;
}

/*
 * Join the member rels of a domain with the domain's join clauses.
 * Dynamic programming over subsets (bitmask over member positions).
 */
static RelOptInfo *
join_search(PlannerInfo *root, List *rels, List *joinquals)
{
    int         n = list_length(rels);

    if (n == 1)
        return linitial(rels);

    if (n <= DP_JOIN_LIMIT)
    {
        int         nsets = 1 << n;
        RelOptInfo **best = palloc0(sizeof(RelOptInfo *) * nsets);

        for (int i = 0; i < n; i++)
            best[1 << i] = list_nth(rels, i);
        for (int set = 1; set < nsets; set++)
        {
            bool        found_connected = false;

            if (__builtin_popcount(set) < 2)
                continue;
            /* two passes: first only connected splits, then any (cartesian) */
            for (int pass = 0; pass < 2 && best[set] == NULL; pass++)
            {
                for (int sub = (set - 1) & set; sub > 0; sub = (sub - 1) & set)
                {
                    int         other = set & ~sub;
                    RelOptInfo *r1 = best[sub],
                               *r2 = best[other];
                    List       *jq,
                               *rest;
                    RelOptInfo *jr;

                    if (sub < other || r1 == NULL || r2 == NULL)
                        continue;
                    if (pass == 0 && !have_join_clause(joinquals, r1->relids, r2->relids))
                        continue;
                    if (pass == 0)
                        found_connected = true;
                    jq = clauses_for_join(joinquals, r1->relids, r2->relids, &rest);
                    /* only clauses not already applied inside r1 or r2 */
                    {
                        List       *fresh = NIL;
                        ListCell   *lc;

                        foreach(lc, jq)
                        {
                            RestrictInfo *ri = lfirst(lc);

                            if (!relids_is_subset(ri->required_relids, r1->relids) &&
                                !relids_is_subset(ri->required_relids, r2->relids))
                                fresh = lappend(fresh, ri);
                        }
                        jq = fresh;
                    }
                    jr = make_join_rel(root, r1, r2, JOIN_INNER, jq, NIL);
                    if (jr == NULL)
                        continue;   /* each needs the other (LATERAL) */
                    if (best[set] == NULL ||
                        jr->cheapest_path->total_cost < best[set]->cheapest_path->total_cost)
                        best[set] = jr;
                }
                (void) found_connected;
            }
        }
        return best[nsets - 1];
    }
    else
    {
        /* greedy: repeatedly join the pair with the cheapest result */
        List       *remaining = list_copy(rels);

        while (list_length(remaining) > 1)
        {
            RelOptInfo *bestrel = NULL;
            int         bi = -1,
                        bj = -1;

            for (int pass = 0; pass < 2 && bestrel == NULL; pass++)
            {
                for (int i = 0; i < list_length(remaining); i++)
                    for (int j = i + 1; j < list_length(remaining); j++)
                    {
                        RelOptInfo *r1 = list_nth(remaining, i);
                        RelOptInfo *r2 = list_nth(remaining, j);
                        List       *jq,
                                   *rest,
                                   *fresh = NIL;
                        ListCell   *lc;
                        RelOptInfo *jr;

                        if (pass == 0 && !have_join_clause(joinquals, r1->relids, r2->relids))
                            continue;
                        jq = clauses_for_join(joinquals, r1->relids, r2->relids, &rest);
                        foreach(lc, jq)
                        {
                            RestrictInfo *ri = lfirst(lc);

                            if (!relids_is_subset(ri->required_relids, r1->relids) &&
                                !relids_is_subset(ri->required_relids, r2->relids))
                                fresh = lappend(fresh, ri);
                        }
                        jr = make_join_rel(root, r1, r2, JOIN_INNER, fresh, NIL);
                        if (jr == NULL)
                            continue;
                        if (bestrel == NULL ||
                            jr->cheapest_path->total_cost < bestrel->cheapest_path->total_cost)
                        {
                            bestrel = jr;
                            bi = i;
                            bj = j;
                        }
                    }
            }
            remaining = list_delete_nth_cell(remaining, bj);
            remaining = list_delete_nth_cell(remaining, bi);
            remaining = lappend(remaining, bestrel);
        }
        return linitial(remaining);
    }
}

/* ---------------------------------------------------------------- join tree */

static Relids
jtnode_relids(Node *jtnode)
{
    if (IsA(jtnode, RangeTblRef))
        return relids_make_singleton(((RangeTblRef *) jtnode)->rtindex);
    if (IsA(jtnode, JoinExpr))
        return relids_union(jtnode_relids(((JoinExpr *) jtnode)->larg),
                            jtnode_relids(((JoinExpr *) jtnode)->rarg));
    if (IsA(jtnode, FromExpr))
    {
        Relids      r = NULL;
        ListCell   *lc;

        foreach(lc, ((FromExpr *) jtnode)->fromlist)
            r = relids_union(r, jtnode_relids(lfirst(lc)));
        return r;
    }
    elog(ERROR, "unrecognized join tree node %d", (int) nodeTag(jtnode));
    return NULL;
}

/*
 * Flatten a join tree node into domain members (RangeTblRefs and outer
 * JoinExprs), collecting the quals of FromExprs and inner JOINs.
 */
static void
flatten_domain(PlannerInfo *root, Node *jtnode, List **items, List **quals)
{
    if (IsA(jtnode, RangeTblRef))
        *items = lappend(*items, jtnode);
    else if (IsA(jtnode, FromExpr))
    {
        FromExpr   *f = (FromExpr *) jtnode;
        ListCell   *lc;

        foreach(lc, f->fromlist)
            flatten_domain(root, lfirst(lc), items, quals);
        foreach(lc, make_ands_implicit((Expr *) f->quals))
            *quals = lappend(*quals, make_restrictinfo(root, lfirst(lc)));
    }
    else if (IsA(jtnode, JoinExpr))
    {
        JoinExpr   *j = (JoinExpr *) jtnode;

        if (j->jointype == JOIN_INNER)
        {
            ListCell   *lc;

            flatten_domain(root, j->larg, items, quals);
            flatten_domain(root, j->rarg, items, quals);
            foreach(lc, make_ands_implicit((Expr *) j->quals))
                *quals = lappend(*quals, make_restrictinfo(root, lfirst(lc)));
        }
        else
        {
            root->hasOuterJoins = true;
            *items = lappend(*items, jtnode);
        }
    }
    else
        elog(ERROR, "unrecognized join tree node %d", (int) nodeTag(jtnode));
}

static RelOptInfo *plan_domain(PlannerInfo *root, List *items, List *quals);

/* Put quals to the filter applied on top of rel's cheapest path. */
static void
add_top_quals(RelOptInfo *rel, List *quals)
{
    Path       *p;
    double      sel = 1.0;
    ListCell   *lc;

    if (quals == NIL)
        return;
    foreach(lc, quals)
        sel *= ((RestrictInfo *) lfirst(lc))->selectivity;
    p = rel->cheapest_path;
    if (p->pathtype == PATH_NESTLOOP || p->pathtype == PATH_HASHJOIN)
    {
        Path       *np = palloc(sizeof(Path));

        *np = *p;
        np->otherrestrictinfo = list_concat(list_copy(p->otherrestrictinfo), quals);
        np->rows = clamp_row_est(p->rows * sel);
        rel->cheapest_path = np;
    }
    else
    {
        /* a scan: its quals */
        rel->baserestrictinfo = list_concat(list_copy(rel->baserestrictinfo), quals);
        p->rows = clamp_row_est(p->rows * sel);
    }
    rel->rows = clamp_row_est(rel->rows * sel);
}

/*
 * An outer join as a unit.  pushed: quals from above that mention only
 * this join's relations (they filter its result, or its preserved side).
 */
static RelOptInfo *
plan_outer_join(PlannerInfo *root, JoinExpr *j, List *pushed)
{
    Node       *larg = j->larg,
               *rarg = j->rarg;
    JoinType    jointype = j->jointype;
    List       *litems = NIL,
               *lquals = NIL,
               *ritems = NIL,
               *rquals = NIL;
    List       *joinquals = NIL,
               *after = NIL;
    Relids      lrelids,
                rrelids;
    RelOptInfo *lrel,
               *rrel,
               *joinrel;
    ListCell   *lc;

    if (jointype == JOIN_RIGHT)
    {
        Node       *tmp = larg;

        larg = rarg;
        rarg = tmp;
        jointype = JOIN_LEFT;
    }
    lrelids = jtnode_relids(larg);
    rrelids = jtnode_relids(rarg);
    flatten_domain(root, larg, &litems, &lquals);
    flatten_domain(root, rarg, &ritems, &rquals);

    foreach(lc, make_ands_implicit((Expr *) j->quals))
    {
        RestrictInfo *ri = make_restrictinfo(root, lfirst(lc));

        if (jointype == JOIN_LEFT && !relids_is_empty(ri->required_relids) &&
            relids_is_subset(ri->required_relids, rrelids))
            rquals = lappend(rquals, ri);
        else
            joinquals = lappend(joinquals, ri);
    }
    foreach(lc, pushed)
    {
        RestrictInfo *ri = lfirst(lc);

        if (jointype == JOIN_LEFT && !relids_is_empty(ri->required_relids) &&
            relids_is_subset(ri->required_relids, lrelids))
            lquals = lappend(lquals, ri);
        else
            after = lappend(after, ri);
    }
    lrel = plan_domain(root, litems, lquals);
    rrel = plan_domain(root, ritems, rquals);
    joinrel = make_join_rel(root, lrel, rrel, jointype, joinquals, after);
    if (joinrel == NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("this join with a LATERAL reference is not supported yet"));
    return joinrel;
}

/*
 * Plan one join domain: its members and the quals that belong to it.
 */
static RelOptInfo *
plan_domain(PlannerInfo *root, List *items, List *quals)
{
    int         nitems = list_length(items);
    List      **member_quals = palloc0(sizeof(List *) * (nitems + 1));
    Relids     *member_relids = palloc0(sizeof(Relids) * (nitems + 1));
    List       *joinquals = NIL;
    List       *topquals = NIL;
    List       *rels = NIL;
    RelOptInfo *result;
    ListCell   *lc;

    if (nitems == 0)
    {
        /* FROM-less: a single Result rel; all quals are one-time filters */
        RelOptInfo *rel = palloc0(sizeof(RelOptInfo));
        Path       *path = palloc0(sizeof(Path));

        rel->reloptkind = RELOPT_BASEREL;
        rel->rtekind = RTE_RESULT;
        rel->rows = 1;
        rel->baserestrictinfo = quals;
        path->pathtype = PATH_RESULT;
        path->parent = rel;
        path->rows = 1;
        path->total_cost = DEFAULT_CPU_TUPLE_COST;
        rel->cheapest_path = path;
        return rel;
    }

    foreach(lc, items)
        member_relids[foreach_current_index(lc)] = jtnode_relids(lfirst(lc));

    foreach(lc, quals)
    {
        RestrictInfo *ri = lfirst(lc);
        int         owner = -1;
        int         noverlap = 0;

        for (int i = 0; i < nitems; i++)
        {
            if (relids_overlap(ri->required_relids, member_relids[i]))
            {
                noverlap++;
                owner = i;
            }
        }
        if (relids_is_empty(ri->required_relids))
        {
            /* no Vars: evaluate at the first member (or on top) */
            if (IsA(list_nth(items, 0), RangeTblRef))
                member_quals[0] = lappend(member_quals[0], ri);
            else
                topquals = lappend(topquals, ri);
        }
        else if (noverlap == 1 && relids_is_subset(ri->required_relids, member_relids[owner]))
            member_quals[owner] = lappend(member_quals[owner], ri);
        else
            joinquals = lappend(joinquals, ri);
    }

    foreach(lc, items)
    {
        Node       *item = lfirst(lc);
        int         i = foreach_current_index(lc);

        if (IsA(item, RangeTblRef))
            rels = lappend(rels, build_base_rel(root, ((RangeTblRef *) item)->rtindex,
                                                member_quals[i]));
        else
            rels = lappend(rels, plan_outer_join(root, (JoinExpr *) item, member_quals[i]));
    }
    result = join_search(root, rels, joinquals);
    add_top_quals(result, topquals);
    return result;
}

/*
 * query_planner
 *    The cheapest path for the query's join tree.  scanjoin_tlist is what
 *    the top of it must produce (its Vars decide what lower nodes output).
 */
Path *
query_planner(PlannerInfo *root, List *scanjoin_tlist)
{
    FromExpr   *jt = root->parse->jointree;
    List       *items = NIL;
    List       *quals = NIL;
    RelOptInfo *final_rel;

    flatten_domain(root, (Node *) jt, &items, &quals);
    final_rel = plan_domain(root, items, quals);
    return final_rel->cheapest_path;
}
