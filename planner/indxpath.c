/*-------------------------------------------------------------------------
 * indxpath.c
 *    Index scan paths (PostgreSQL's indxpath.c + the index part of
 *    costsize.c, in miniature): which quals a B-tree index can use, what
 *    the scan costs, ORDER BY through an index, and index scans
 *    parameterized by the outer row of a nested loop.
 *
 * Principal entry points:
 *    create_index_paths        base table quals "col op pseudo-constant"
 *    create_param_index_path   inner side of an index nested loop
 *    index_path_for_ordering   ORDER BY [LIMIT] without a Sort
 *
 * A usable qual is an OpExpr "key Var op expr" (commuted if written
 * "expr op Var") whose operator is a member of the index column's
 * operator family with the column's type on the left, and whose other
 * side has no Var of the table, no volatile function and no sub-SELECT;
 * or "key Var IS [NOT] NULL".  The first index column must have one.
 * The plan's scan.qual keeps every original qual (rechecked on each heap
 * tuple), so an index qual only narrows which tuples are fetched.
 *
 * Costs follow PostgreSQL's (genericcostestimate/btcostestimate and
 * cost_index with no correlation statistics): the descent, index pages
 * and heap pages at random_page_cost (heap pages by the Mackert-Lohman
 * formula, amortized over the loops of a nested loop), CPU per index and
 * heap tuple.  Equality on every column of a unique index is one row.
 * Without statistics, selectivities are the defaults (planmain.c);
 * a range with both bounds on one column is DEFAULT_RANGE_INEQ_SEL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <math.h>

#include "backend/guc.h"
#include "catalog/relcache.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

#define DEFAULT_RANGE_INEQ_SEL  0.005
#define CPU_INDEX_TUPLE_COST    0.005
#define EFFECTIVE_CACHE_PAGES   524288.0    /* effective_cache_size 4GB */
#define DISABLE_COST            1.0e10      /* PostgreSQL's disable_cost */

/* ---------------------------------------------------------------- index list */

static void
build_index_list(RelOptInfo *rel, Oid relid)
{
    Relation    r;
    ListCell   *lc;

    rel->indexlist_built = true;
    r = relation_open(relid, NoLock);
    foreach(lc, r->rd_indexlist)
    {
        /* the table's lock keeps its indexes: DROP INDEX locks the table */
        Relation    ir = relation_open(lfirst_oid(lc), NoLock);
        RelationIndexData *d = ir->rd_index;
        IndexOptInfo *ind;

        if (d == NULL)
        {
            relation_close(ir, NoLock);
            continue;
        }
        ind = palloc0(sizeof(IndexOptInfo));
        ind->indexoid = lfirst_oid(lc);
        ind->nkeys = d->nkeyatts;
        ind->heapattnos = palloc(sizeof(int16) * d->nkeyatts);
        ind->opfamily = palloc(sizeof(Oid) * d->nkeyatts);
        ind->opcintype = palloc(sizeof(Oid) * d->nkeyatts);
        ind->indoption = palloc(sizeof(int16) * d->nkeyatts);
        ind->collation = palloc(sizeof(Oid) * d->nkeyatts);
        for (int i = 0; i < d->nkeyatts; i++)
        {
            ind->heapattnos[i] = d->heapattnos[i];
            ind->opfamily[i] = d->opfamily[i];
            ind->opcintype[i] = d->opcintype[i];
            ind->indoption[i] = d->indoption[i];
            ind->collation[i] = d->collation[i];
        }
        ind->unique = d->unique;
        ind->pages = Max((double) RelationGetNumberOfBlocksNode(ir->rd_node), 1.0);
        relation_close(ir, NoLock);
        rel->indexlist = lappend(rel->indexlist, ind);
    }
    relation_close(r, NoLock);
}

static List *
rel_indexes(PlannerInfo *root, RelOptInfo *rel)
{
    if (!rel->indexlist_built)
    {
        RangeTblEntry *rte = rt_fetch(rel->relid, root->parse->rtable);

        if (rte->rtekind == RTE_RELATION && rte->relkind == RELKIND_RELATION)
            build_index_list(rel, rte->relid);
        else
            rel->indexlist_built = true;
    }
    return rel->indexlist;
}

/* ---------------------------------------------------------------- clause matching */

typedef struct
{
    int         relid;          /* the scanned table's rtindex */
    Relids      allowed;        /* relations whose Vars may appear (outer side), or NULL */
    bool        bad;
} pseudo_ctx;

static bool
pseudoconstant_walker(Node *node, void *context)
{
    pseudo_ctx *ctx = context;

    if (node == NULL)
        return false;
    switch (nodeTag(node))
    {
        case T_Var:
            {
                Var        *v = (Var *) node;

                if (v->varlevelsup == 0 &&
                    (v->varno == ctx->relid || !relids_is_member(v->varno, ctx->allowed)))
                    ctx->bad = true;
                return ctx->bad;
            }
        case T_SubLink:
        case T_SubPlan:
        case T_Aggref:
        case T_WindowFunc:
        case T_GroupingFunc:
            ctx->bad = true;
            return true;
        case T_FuncExpr:
            if (func_volatile(((FuncExpr *) node)->funcid) == 'v' ||
                ((FuncExpr *) node)->funcretset)
            {
                ctx->bad = true;
                return true;
            }
            break;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            if (func_volatile(get_opcode(((OpExpr *) node)->opno)) == 'v' ||
                ((OpExpr *) node)->opretset)
            {
                ctx->bad = true;
                return true;
            }
            break;
        default:
            break;
    }
    return expression_tree_walker(node, pseudoconstant_walker, context);
}

/* May expr be computed before the scan (no Var of relid, only of allowed)? */
static bool
is_pseudoconstant(Node *expr, int relid, Relids allowed)
{
    pseudo_ctx  ctx = {relid, allowed, false};

    (void) pseudoconstant_walker(expr, &ctx);
    return !ctx.bad;
}

/* The key Var of index column col, if node is it (binary-compatible relabel allowed). */
static Var *
match_key_var(Node *node, RelOptInfo *rel, IndexOptInfo *ind, int col)
{
    while (node && IsA(node, RelabelType))
        node = (Node *) ((RelabelType *) node)->arg;
    if (node && IsA(node, Var))
    {
        Var        *v = (Var *) node;

        if (v->varno == rel->relid && v->varlevelsup == 0 && v->varattno == ind->heapattnos[col])
            return v;
    }
    return NULL;
}

/* The btree strategy of opno in opfamily for (lefttype, righttype), or 0. */
static int
op_strategy(Oid opno, Oid opfamily, Oid lefttype, Oid righttype)
{
    for (int s = BTLessStrategyNumber; s <= BTGreaterStrategyNumber; s++)
        if (get_opfamily_member(opfamily, lefttype, righttype, (int16) s) == opno)
            return s;
    return 0;
}

/*
 * If clause can be an index condition on column col, the condition in
 * "key Var op expr" form (or the NullTest), with its strategy (NullTest:
 * BTEqualStrategyNumber for IS NULL, 0 for IS NOT NULL).
 */
static Expr *
match_clause_to_indexcol(RelOptInfo *rel, IndexOptInfo *ind, int col, Expr *clause,
                         Relids outer_relids, int *strategy)
{
    if (IsA(clause, NullTest))
    {
        NullTest   *nt = (NullTest *) clause;
        Var        *key;

        if (outer_relids != NULL || nt->argisrow)
            return NULL;
        key = match_key_var((Node *) nt->arg, rel, ind, col);
        if (key == NULL)
            return NULL;
        *strategy = nt->nulltesttype == IS_NULL ? BTEqualStrategyNumber : 0;
        if (key != (Var *) nt->arg)
        {
            NullTest   *n2 = copyObject(nt);

            n2->arg = (Expr *) copyObject(key);
            return (Expr *) n2;
        }
        return clause;
    }
    if (IsA(clause, OpExpr) && list_length(((OpExpr *) clause)->args) == 2)
    {
        OpExpr     *op = (OpExpr *) clause;
        Node       *l = linitial(op->args);
        Node       *r = lsecond(op->args);
        Var        *key;
        Node       *other;
        Oid         opno = op->opno;
        int         s;

        if (op->opretset)
            return NULL;
        /* a comparison under another collation is not the index's order */
        if (OidIsValid(op->inputcollid) && OidIsValid(ind->collation[col]) &&
            op->inputcollid != ind->collation[col])
            return NULL;
        if ((key = match_key_var(l, rel, ind, col)) != NULL)
            other = r;
        else if ((key = match_key_var(r, rel, ind, col)) != NULL)
        {
            other = l;
            opno = get_commutator(op->opno);
            if (!OidIsValid(opno))
                return NULL;
        }
        else
            return NULL;
        if (!is_pseudoconstant(other, rel->relid, outer_relids))
            return NULL;
        /* a join clause must read the outer side; a base qual must not */
        if (outer_relids != NULL && relids_is_empty(pull_varnos(other)))
            return NULL;
        s = op_strategy(opno, ind->opfamily[col], ind->opcintype[col], exprType(other));
        if (s == 0)
            return NULL;
        *strategy = s;
        if (opno == op->opno && key == (Var *) l)
            return clause;
        return (Expr *) make_opclause(opno, op->opresulttype, false,
                                      (Expr *) copyObject(key), (Expr *) copyObject(other),
                                      op->opcollid, op->inputcollid);
    }
    return NULL;
}

/* The index conditions found for one index. */
typedef struct IndexQuals
{
    List       *quals;          /* Expr */
    List       *cols;           /* int: index column, 1-based */
    double      selectivity;
    bool        unique_eq;      /* equality on every column of a unique index */
} IndexQuals;

/*
 * Match clauses (RestrictInfos) to ind's columns.  false if the first
 * column has no condition.
 */
static bool
match_index_quals(RelOptInfo *rel, IndexOptInfo *ind, List *clauses, Relids outer_relids,
                  IndexQuals *out)
{
    int         neq = 0;

    memset(out, 0, sizeof(*out));
    out->selectivity = 1.0;
    for (int col = 0; col < ind->nkeys; col++)
    {
        bool        has_eq = false;
        bool        has_lo = false;
        bool        has_hi = false;
        double      colsel = 1.0;
        ListCell   *lc;

        foreach(lc, clauses)
        {
            RestrictInfo *ri = lfirst(lc);
            int         strategy = 0;
            Expr       *q = match_clause_to_indexcol(rel, ind, col, ri->clause, outer_relids,
                                                     &strategy);

            if (q == NULL)
                continue;
            out->quals = lappend(out->quals, q);
            out->cols = lappend_int(out->cols, col + 1);
            if (strategy == BTEqualStrategyNumber)
            {
                if (!has_eq)
                    colsel *= IsA(q, NullTest) ? DEFAULT_UNK_SEL : DEFAULT_EQ_SEL;
                has_eq = true;
            }
            else if (strategy == BTLessStrategyNumber || strategy == BTLessEqualStrategyNumber)
            {
                if (!has_hi)
                    colsel *= has_lo ? DEFAULT_RANGE_INEQ_SEL / DEFAULT_INEQ_SEL : DEFAULT_INEQ_SEL;
                has_hi = true;
            }
            else if (strategy == BTGreaterStrategyNumber ||
                     strategy == BTGreaterEqualStrategyNumber)
            {
                if (!has_lo)
                    colsel *= has_hi ? DEFAULT_RANGE_INEQ_SEL / DEFAULT_INEQ_SEL : DEFAULT_INEQ_SEL;
                has_lo = true;
            }
            else
                colsel *= 1.0 - DEFAULT_UNK_SEL;    /* IS NOT NULL */
        }
        if (col == 0 && out->quals == NIL)
            return false;
        out->selectivity *= colsel;
        if (has_eq)
            neq++;
    }
    out->unique_eq = ind->unique && neq == ind->nkeys;
    return true;
}

/* ---------------------------------------------------------------- costs */

/* Mackert and Lohman's estimate of pages fetched for tuples_fetched random tuples. */
static double
index_pages_fetched(double tuples_fetched, double pages)
{
    double      T = Max(pages, 1.0);
    double      b = EFFECTIVE_CACHE_PAGES;
    double      result;

    if (T <= b)
    {
        result = (2.0 * T * tuples_fetched) / (2.0 * T + tuples_fetched);
        if (result >= T)
            result = T;
        else
            result = ceil(result);
    }
    else
    {
        double      lim = (2.0 * T * b) / (2.0 * T - b);

        if (tuples_fetched <= lim)
            result = (2.0 * T * tuples_fetched) / (2.0 * T + tuples_fetched);
        else
            result = b + (tuples_fetched - lim) * (T - b) / T;
        result = ceil(result);
    }
    return result;
}

/*
 * Cost of one index scan fetching fraction sel of the table; loops: how
 * many times it runs (nested loop inner side; pages are cached across
 * loops as PostgreSQL's cost_index assumes).  Per-scan costs.
 */
static void
cost_index_scan(RelOptInfo *rel, IndexOptInfo *ind, double sel, int nindexquals,
                double loops, double *startup, double *total, double *rows)
{
    double      tuples = Max(rel->tuples, 1.0);
    double      tuples_fetched = clamp_row_est(sel * tuples);
    double      index_pages;
    double      heap_pages;
    double      descent;
    double      nquals = list_length(rel->baserestrictinfo);

    descent = ceil(log(tuples) / log(2.0)) * DEFAULT_CPU_OPERATOR_COST +
        50.0 * DEFAULT_CPU_OPERATOR_COST;
    if (loops > 1)
    {
        index_pages = index_pages_fetched(ceil(sel * ind->pages) * loops, ind->pages) / loops;
        heap_pages = index_pages_fetched(tuples_fetched * loops, rel->pages) / loops;
    }
    else
    {
        index_pages = Max(ceil(sel * ind->pages), 1.0);
        heap_pages = index_pages_fetched(tuples_fetched, rel->pages);
    }
    *startup = descent;
    *total = descent +
        (index_pages + heap_pages) * random_page_cost +
        tuples_fetched * (CPU_INDEX_TUPLE_COST + nindexquals * DEFAULT_CPU_OPERATOR_COST) +
        tuples_fetched * (DEFAULT_CPU_TUPLE_COST + nquals * DEFAULT_CPU_OPERATOR_COST);
    *rows = tuples_fetched;
}

static Path *
make_index_path(RelOptInfo *rel, IndexOptInfo *ind, IndexQuals *iq, double loops, int dir)
{
    Path       *path = palloc0(sizeof(Path));
    double      rows;

    path->pathtype = PATH_INDEXSCAN;
    path->parent = rel;
    path->indexid = ind->indexoid;
    path->indexquals = iq->quals;
    path->indexqualcols = iq->cols;
    path->indexscandir = dir;
    cost_index_scan(rel, ind, iq->unique_eq ? 1.0 / Max(rel->tuples, 1.0) : iq->selectivity,
                    list_length(iq->quals), loops, &path->startup_cost, &path->total_cost, &rows);
    path->rows = iq->unique_eq ? 1 : rel->rows;
    return path;
}

/* ---------------------------------------------------------------- entry points */

/* A path's cost for comparisons: enable_seqscan off penalizes a sequential scan. */
static double
current_cost(Path *path)
{
    return path->total_cost +
        (path->pathtype == PATH_SEQSCAN && !enable_seqscan ? DISABLE_COST : 0);
}

void
create_index_paths(PlannerInfo *root, RelOptInfo *rel)
{
    ListCell   *lc;

    if (!enable_indexscan || rel->baserestrictinfo == NIL)
        return;
    foreach(lc, rel_indexes(root, rel))
    {
        IndexOptInfo *ind = lfirst(lc);
        IndexQuals  iq;
        Path       *path;

        if (!match_index_quals(rel, ind, rel->baserestrictinfo, NULL, &iq))
            continue;
        path = make_index_path(rel, ind, &iq, 1, ForwardScanDirection);
        if (iq.unique_eq)
        {
            rel->rows = 1;
            rel->cheapest_path->rows = 1;
        }
        if (path->total_cost < current_cost(rel->cheapest_path))
        {
            path->rows = rel->rows;
            rel->cheapest_path = path;
        }
    }
}

typedef struct
{
    PlannerInfo *root;
    Relids      outer_relids;
    List       *params;         /* NestLoopParam */
} param_ctx;

/* Outer Vars -> PARAM_EXEC Params set by the nested loop (one slot per distinct Var). */
static Node *
outer_vars_to_params(Node *node, void *context)
{
    param_ctx  *ctx = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var) && ((Var *) node)->varlevelsup == 0 &&
        relids_is_member(((Var *) node)->varno, ctx->outer_relids))
    {
        Var        *var = (Var *) node;
        Param      *p = makeNode(Param);
        NestLoopParam *nlp = NULL;
        ListCell   *lc;

        foreach(lc, ctx->params)
            if (equal(((NestLoopParam *) lfirst(lc))->paramval, var))
                nlp = lfirst(lc);
        if (nlp == NULL)
        {
            PlannerGlobal *glob = ctx->root->glob;

            glob->paramExecTypes = lappend_oid(glob->paramExecTypes, var->vartype);
            nlp = makeNode(NestLoopParam);
            nlp->paramno = list_length(glob->paramExecTypes) - 1;
            nlp->paramval = copyObject(var);
            ctx->params = lappend(ctx->params, nlp);
        }
        p->paramkind = PARAM_EXEC;
        p->paramid = nlp->paramno;
        p->paramtype = var->vartype;
        p->paramtypmod = var->vartypmod;
        p->paramcollid = var->varcollid;
        p->location = -1;
        return (Node *) p;
    }
    return expression_tree_mutator(node, outer_vars_to_params, context);
}

Path *
create_param_index_path(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner,
                        List *joinquals)
{
    RangeTblEntry *rte;
    Path       *best = NULL;
    double      joinsel = 1.0;
    ListCell   *lc;

    if (!enable_indexscan || inner->reloptkind != RELOPT_BASEREL || joinquals == NIL ||
        !relids_is_empty(inner->lateral_relids))
        return NULL;
    rte = rt_fetch(inner->relid, root->parse->rtable);
    if (rte->rtekind != RTE_RELATION)
        return NULL;
    foreach(lc, joinquals)
        joinsel *= ((RestrictInfo *) lfirst(lc))->selectivity;
    foreach(lc, rel_indexes(root, inner))
    {
        IndexOptInfo *ind = lfirst(lc);
        IndexQuals  jq;
        IndexQuals  bq;
        Path       *path;

        /* the leading column must be bound by a join clause */
        if (!match_index_quals(inner, ind, joinquals, outer->relids, &jq))
            continue;
        /* plus the table's own conditions on any column */
        if (match_index_quals(inner, ind, inner->baserestrictinfo, NULL, &bq))
        {
            jq.quals = list_concat(jq.quals, bq.quals);
            jq.cols = list_concat(jq.cols, bq.cols);
            jq.selectivity *= bq.selectivity;
        }
        path = make_index_path(inner, ind, &jq, Max(outer->rows, 1.0), ForwardScanDirection);
        path->rows = jq.unique_eq ? 1 : clamp_row_est(inner->rows * joinsel);
        if (best == NULL || path->total_cost < best->total_cost)
            best = path;
    }
    if (best != NULL)
    {
        param_ctx   ctx = {root, outer->relids, NIL};

        best->indexquals = (List *) outer_vars_to_params((Node *) best->indexquals, &ctx);
        best->indexparams = ctx.params;
    }
    return best;
}

/* Does ind deliver sortcls's order over rel, and in which direction (0: no)? */
static int
index_order_direction(RelOptInfo *rel, IndexOptInfo *ind, List *sortcls, List *tlist)
{
    int         dir = 0;
    ListCell   *lc;

    if (list_length(sortcls) > ind->nkeys)
        return 0;
    foreach(lc, sortcls)
    {
        SortGroupClause *sgc = lfirst(lc);
        int         col = foreach_current_index(lc);
        TargetEntry *tle = get_sortgroupclause_tle(sgc, tlist);
        Node       *expr = tle ? (Node *) tle->expr : NULL;
        Var        *var;
        bool        index_desc = (ind->indoption[col] & INDOPTION_DESC) != 0;
        bool        index_nf = (ind->indoption[col] & INDOPTION_NULLS_FIRST) != 0;
        bool        want_desc;
        int         this_dir;

        if (expr == NULL || (var = match_key_var(expr, rel, ind, col)) == NULL)
            return 0;
        if (OidIsValid(ind->collation[col]) && exprCollation(expr) != ind->collation[col])
            return 0;
        if (get_opfamily_member(ind->opfamily[col], ind->opcintype[col], ind->opcintype[col],
                                BTLessStrategyNumber) == sgc->sortop)
            want_desc = false;
        else if (get_opfamily_member(ind->opfamily[col], ind->opcintype[col],
                                     ind->opcintype[col], BTGreaterStrategyNumber) == sgc->sortop)
            want_desc = true;
        else
            return 0;
        if (want_desc == index_desc && sgc->nulls_first == index_nf)
            this_dir = ForwardScanDirection;
        else if (want_desc != index_desc && sgc->nulls_first != index_nf)
            this_dir = BackwardScanDirection;
        else
            return 0;
        if (dir != 0 && dir != this_dir)
            return 0;
        dir = this_dir;
    }
    return dir;
}

/* LIMIT count + OFFSET when both are constants (or absent), else -1. */
static double
limit_rows_needed(Query *parse)
{
    double      n = 0;
    Node       *c = parse->limitCount;
    Node       *o = parse->limitOffset;

    if (c == NULL || !IsA(c, Const) || ((Const *) c)->constisnull)
        return -1;
    n = (double) DatumGetInt64(((Const *) c)->constvalue);
    if (o != NULL)
    {
        if (!IsA(o, Const))
            return -1;
        if (!((Const *) o)->constisnull)
            n += (double) DatumGetInt64(((Const *) o)->constvalue);
    }
    return n;
}

Path *
index_path_for_ordering(PlannerInfo *root, Path *path, List *sortClause, List *tlist,
                        bool *sorted)
{
    RelOptInfo *rel = path->parent;
    double      sort_startup;
    double      sort_total;
    double      needed;
    Path       *best = NULL;
    double      best_cost = 0;
    ListCell   *lc;

    *sorted = false;
    if (!enable_indexscan || sortClause == NIL || rel == NULL ||
        rel->reloptkind != RELOPT_BASEREL || rel->rtekind != RTE_RELATION ||
        (path->pathtype != PATH_SEQSCAN && path->pathtype != PATH_INDEXSCAN) ||
        path->indexparams != NIL)
        return path;

    cost_sort(&sort_startup, &sort_total, path->total_cost, path->rows, rel->width);
    needed = limit_rows_needed(root->parse);
    foreach(lc, rel_indexes(root, rel))
    {
        IndexOptInfo *ind = lfirst(lc);
        int         dir = index_order_direction(rel, ind, sortClause, tlist);
        IndexQuals  iq;
        Path       *ip;
        double      cost;

        if (dir == 0)
            continue;
        if (!match_index_quals(rel, ind, rel->baserestrictinfo, NULL, &iq))
        {
            /* a full scan of the index, in order */
            memset(&iq, 0, sizeof(iq));
            iq.selectivity = 1.0;
        }
        ip = make_index_path(rel, ind, &iq, 1, dir);
        ip->rows = path->rows;
        cost = ip->total_cost;
        if (needed >= 0 && ip->rows > 0 && needed < ip->rows)
            cost = ip->startup_cost + (ip->total_cost - ip->startup_cost) * (needed / ip->rows);
        if (best == NULL || cost < best_cost)
        {
            best = ip;
            best_cost = cost;
        }
    }
    if (best == NULL)
        return path;
    /* the sort's cost with LIMIT: all its input is read first anyway */
    if (path->pathtype == PATH_SEQSCAN && !enable_seqscan)
        sort_total += DISABLE_COST;
    if (best_cost >= sort_total)
        return path;
    *sorted = true;
    return best;
}
