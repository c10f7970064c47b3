/*-------------------------------------------------------------------------
 * createplan.c
 *    Turn the chosen Path into a Plan tree, and small Plan constructors
 *    used by the upper planner.
 *
 * Principal entry points:
 *    create_plan          - Path -> Plan; the top node outputs `tlist`
 *    make_sort_from_sortclauses, make_result, make_material
 *
 * Target lists here are still in terms of the query's own Vars (varno =
 * range table index); setrefs.c later turns references to child outputs
 * into OUTER_VAR/INNER_VAR Vars.  Each node outputs: the top node the
 * tlist it is given; every lower node the Vars of its relations that some
 * later step needs (root->needed_vars), in a stable order.  Pass-through
 * nodes (Sort, Material, Hash, Limit) start with a copy of their child's
 * target list.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

static void
set_plan_cost(Plan *plan, Path *path)
{
    plan->startup_cost = path->startup_cost;
    plan->total_cost = path->total_cost;
    plan->plan_rows = path->rows;
    plan->plan_width = path->parent ? path->parent->width : 0;
}

void
copy_plan_costsize(Plan *dest, Plan *src)
{
    dest->startup_cost = src->startup_cost;
    dest->total_cost = src->total_cost;
    dest->plan_rows = src->plan_rows;
    dest->plan_width = src->plan_width;
}

static List *
extract_clauses(List *restrictinfos)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, restrictinfos)
        result = lappend(result, ((RestrictInfo *) lfirst(lc))->clause);
    return result;
}

/* Position (1-based) of an expression in a tlist by equal(), or 0. */
int
tlist_member_index(Node *expr, List *tlist)
{
    ListCell   *lc;

    foreach(lc, tlist)
    {
        if (equal(expr, ((TargetEntry *) lfirst(lc))->expr))
            return foreach_current_index(lc) + 1;
    }
    return 0;
}

/* The Vars of rel's relations that are needed above it, as a tlist. */
List *
build_path_tlist(PlannerInfo *root, RelOptInfo *rel)
{
    List       *tlist = NIL;
    ListCell   *lc;

    foreach(lc, root->needed_vars)
    {
        Var        *var = lfirst(lc);

        if (relids_is_member(var->varno, rel->relids))
            tlist = lappend(tlist, makeTargetEntry((Expr *) copyObject(var),
                                                   (int16) (list_length(tlist) + 1), NULL,
                                                   false));
    }
    return tlist;
}

/* A copy of tlist whose entries are the same expressions (pass-through nodes). */
List *
copy_tlist_as_vars(List *tlist)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, tlist)
    {
        TargetEntry *tle = flatCopyTargetEntry(lfirst(lc));

        tle->expr = copyObject(tle->expr);
        result = lappend(result, tle);
    }
    return result;
}

Plan *
make_result_plan(List *tlist, Node *resconstantqual, Plan *subplan)
{
    Result     *node = makeNode(Result);

    node->plan.targetlist = tlist;
    node->plan.lefttree = subplan;
    node->resconstantqual = resconstantqual;
    if (subplan)
        copy_plan_costsize(&node->plan, subplan);
    else
    {
        node->plan.plan_rows = 1;
        node->plan.total_cost = DEFAULT_CPU_TUPLE_COST;
    }
    node->plan.total_cost += DEFAULT_CPU_TUPLE_COST * node->plan.plan_rows;
    return (Plan *) node;
}

Plan *
make_material_plan(Plan *lefttree)
{
    Material   *node = makeNode(Material);

    node->plan.targetlist = copy_tlist_as_vars(lefttree->targetlist);
    node->plan.lefttree = lefttree;
    copy_plan_costsize(&node->plan, lefttree);
    node->plan.total_cost += 2 * DEFAULT_CPU_OPERATOR_COST * lefttree->plan_rows;
    return (Plan *) node;
}

/*
 * make_sort_from_sortclauses
 *    A Sort over lefttree on the tlist entries the SortGroupClauses name
 *    (by ressortgroupref).
 */
Plan *
make_sort_from_sortclauses(List *sortcls, Plan *lefttree, List *tlist)
{
    Sort       *node = makeNode(Sort);
    int         n = list_length(sortcls);
    int         i = 0;
    double      startup,
                total;
    ListCell   *lc;

    node->numCols = n;
    node->sortColIdx = palloc(sizeof(int16) * n);
    node->sortOperators = palloc(sizeof(Oid) * n);
    node->collations = palloc(sizeof(Oid) * n);
    node->nullsFirst = palloc(sizeof(bool) * n);
    foreach(lc, sortcls)
    {
        SortGroupClause *sgc = lfirst(lc);
        TargetEntry *tle = NULL;
        ListCell   *tl;

        foreach(tl, tlist)
        {
            if (((TargetEntry *) lfirst(tl))->ressortgroupref == sgc->tleSortGroupRef)
            {
                tle = lfirst(tl);
                node->sortColIdx[i] = (int16) (foreach_current_index(tl) + 1);
                break;
            }
        }
        if (tle == NULL)
            elog(ERROR, "could not find sort key %u in the target list", sgc->tleSortGroupRef);
        node->sortOperators[i] = sgc->sortop;
        node->collations[i] = exprCollation((Node *) tle->expr);
        node->nullsFirst[i] = sgc->nulls_first;
        i++;
    }
    node->plan.targetlist = copy_tlist_as_vars(lefttree->targetlist);
    node->plan.lefttree = lefttree;
    cost_sort(&startup, &total, lefttree->total_cost, lefttree->plan_rows, lefttree->plan_width);
    node->plan.startup_cost = startup;
    node->plan.total_cost = total;
    node->plan.plan_rows = lefttree->plan_rows;
    node->plan.plan_width = lefttree->plan_width;
    return (Plan *) node;
}

/* ---------------------------------------------------------------- paths */

static Plan *create_plan_recurse(PlannerInfo *root, Path *path, List *tlist);

static Plan *
create_scan_plan(PlannerInfo *root, Path *path, List *tlist)
{
    RelOptInfo *rel = path->parent;
    RangeTblEntry *rte;
    List       *quals = extract_clauses(rel->baserestrictinfo);
    Plan       *plan;

    if (path->pathtype == PATH_RESULT)
    {
        plan = make_result_plan(tlist, (Node *) quals, NULL);
        set_plan_cost(plan, path);
        return plan;
    }
    rte = rt_fetch(rel->relid, root->parse->rtable);
    switch (path->pathtype)
    {
        case PATH_SEQSCAN:
            {
                SeqScan    *scan = makeNode(SeqScan);

                scan->scanrelid = rel->relid;
                plan = &scan->plan;
            }
            break;
        case PATH_INDEXSCAN:
            {
                IndexScan  *scan = makeNode(IndexScan);

                scan->scan.scanrelid = rel->relid;
                scan->indexid = path->indexid;
                scan->indexqual = copyObject(path->indexquals);
                scan->indexqualcols = list_copy(path->indexqualcols);
                scan->indexorderdir = path->indexscandir < 0 ?
                    BackwardScanDirection : ForwardScanDirection;
                plan = &scan->scan.plan;
            }
            break;
        case PATH_VALUESSCAN:
            {
                ValuesScan *scan = makeNode(ValuesScan);

                scan->scan.scanrelid = rel->relid;
                scan->values_lists = copyObject(rte->values_lists);
                plan = &scan->scan.plan;
            }
            break;
        case PATH_FUNCTIONSCAN:
            {
                FunctionScan *scan = makeNode(FunctionScan);

                scan->scan.scanrelid = rel->relid;
                scan->functions = copyObject(rte->functions);
                scan->funcordinality = rte->funcordinality;
                plan = &scan->scan.plan;
            }
            break;
        case PATH_WORKTABLESCAN:
            {
                WorkTableScan *scan = makeNode(WorkTableScan);
                PlannerInfo *wtroot = root;

                /* the nearest level planning a RecursiveUnion owns the work table */
                while (wtroot != NULL && !wtroot->has_wt_param)
                    wtroot = wtroot->parent_root;
                if (wtroot == NULL)
                    elog(ERROR, "could not find work table of recursive query \"%s\"",
                         rte->ctename);
                scan->scan.scanrelid = rel->relid;
                scan->wtParam = wtroot->wt_param_id;
                plan = &scan->scan.plan;
            }
            break;
        case PATH_CTESCAN:
            {
                CteScan    *scan = makeNode(CteScan);
                PlannerInfo *top = root;
                ListCell   *lc;

                /* data-modifying WITH queries belong to the top level */
                while (top->parent_root != NULL)
                    top = top->parent_root;
                scan->ctePlanId = 0;
                foreach(lc, top->parse->cteList)
                {
                    if (strcmp(((CommonTableExpr *) lfirst(lc))->ctename, rte->ctename) == 0)
                    {
                        int         i = foreach_current_index(lc);

                        scan->ctePlanId = list_nth_int(top->cte_plan_ids, i);
                        scan->cteParam = list_nth_int(top->cte_params, i);
                        break;
                    }
                }
                if (scan->ctePlanId == 0)
                    elog(ERROR, "could not find WITH query \"%s\"", rte->ctename);
                scan->scan.scanrelid = rel->relid;
                plan = &scan->scan.plan;
            }
            break;
        case PATH_SUBQUERYSCAN:
            {
                SubqueryScan *scan = makeNode(SubqueryScan);

                scan->scan.scanrelid = rel->relid;
                scan->subplan = root->subplans_by_rti[rel->relid];
                plan = &scan->scan.plan;
            }
            break;
        default:
            elog(ERROR, "unexpected scan path type %d", (int) path->pathtype);
            return NULL;
    }
    plan->targetlist = tlist;
    plan->qual = quals;
    set_plan_cost(plan, path);
    return plan;
}

/* Orient "a op b" as outer op inner for a hash join. */
static OpExpr *
orient_hashclause(RestrictInfo *ri, Relids outer_relids)
{
    OpExpr     *op = (OpExpr *) ri->clause;

    if (relids_is_subset(ri->left_relids, outer_relids))
        return op;
    else
    {
        Oid         commutator = get_commutator(op->opno);
        OpExpr     *newop;

        if (!OidIsValid(commutator))
            elog(ERROR, "could not find commutator for operator %u", op->opno);
        newop = (OpExpr *) make_opclause(commutator, op->opresulttype, false,
                                         lsecond(op->args), linitial(op->args),
                                         op->opcollid, op->inputcollid);
        return newop;
    }
}

static Plan *
create_join_plan(PlannerInfo *root, Path *path, List *tlist)
{
    Plan       *outer_plan = create_plan_recurse(root, path->outerpath,
                                                 build_path_tlist(root, path->outerpath->parent));
    Plan       *inner_plan = create_plan_recurse(root, path->innerpath,
                                                 build_path_tlist(root, path->innerpath->parent));
    Plan       *plan;

    if (path->pathtype == PATH_NESTLOOP)
    {
        NestLoop   *nl = makeNode(NestLoop);

        if (path->materialize_inner)
            inner_plan = make_material_plan(inner_plan);
        nl->join.jointype = path->jointype;
        nl->join.joinqual = extract_clauses(path->joinrestrictinfo);
        nl->nestParams = lateral_nestloop_params(root, path->outerpath->parent->relids,
                                                 path->innerpath->parent->relids);
        /* an index scan parameterized by the outer row (indxpath.c) */
        if (path->innerpath->pathtype == PATH_INDEXSCAN && path->innerpath->indexparams)
            nl->nestParams = list_concat(nl->nestParams,
                                         copyObject(path->innerpath->indexparams));
        plan = &nl->join.plan;
    }
    else
    {
        HashJoin   *hj = makeNode(HashJoin);
        Hash       *hash = makeNode(Hash);
        List       *innerkeys = NIL;
        ListCell   *lc;

        foreach(lc, path->hashclauses)
        {
            OpExpr     *op = orient_hashclause(lfirst(lc), path->outerpath->parent->relids);

            hj->hashclauses = lappend(hj->hashclauses, op);
            hj->hashoperators = lappend_oid(hj->hashoperators, op->opno);
            hj->hashcollations = lappend_oid(hj->hashcollations, op->inputcollid);
            hj->hashkeys = lappend(hj->hashkeys, copyObject(linitial(op->args)));
            innerkeys = lappend(innerkeys, copyObject(lsecond(op->args)));
        }
        hash->hashkeys = innerkeys;
        hash->plan.targetlist = copy_tlist_as_vars(inner_plan->targetlist);
        hash->plan.lefttree = inner_plan;
        hash->rows_total = inner_plan->plan_rows;
        copy_plan_costsize(&hash->plan, inner_plan);
        inner_plan = &hash->plan;
        hj->join.jointype = path->jointype;
        hj->join.joinqual = extract_clauses(path->joinrestrictinfo);
        plan = &hj->join.plan;
    }
    plan->targetlist = tlist;
    plan->qual = extract_clauses(path->otherrestrictinfo);
    plan->lefttree = outer_plan;
    plan->righttree = inner_plan;
    set_plan_cost(plan, path);
    return plan;
}

static Plan *
create_plan_recurse(PlannerInfo *root, Path *path, List *tlist)
{
    switch (path->pathtype)
    {
        case PATH_NESTLOOP:
        case PATH_HASHJOIN:
            return create_join_plan(root, path, tlist);
        default:
            return create_scan_plan(root, path, tlist);
    }
}

/*
 * create_plan
 *    The Plan for best_path; its top node computes tlist (whose resnos must
 *    be 1..n in order).
 */
Plan *
create_plan(PlannerInfo *root, Path *best_path, List *tlist)
{
    return create_plan_recurse(root, best_path, tlist);
}
