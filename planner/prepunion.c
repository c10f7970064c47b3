/*-------------------------------------------------------------------------
 * prepunion.c
 *    Planning of UNION [ALL] (PostgreSQL's prepunion.c, the UNION part).
 *
 * Principal entry point:
 *    plan_set_operations(root, &tlist)  - the plan for a Query whose
 *                                         setOperations is set
 *
 * Each leaf SELECT is planned as its own query level and read through a
 * SubqueryScan that converts its columns to the set operation's column
 * types.  UNION ALL is an Append of the leaves (nested UNION ALLs are
 * flattened into one Append); UNION is the same Append under an Agg that
 * groups on every column (hashed, or sorted when the groups would not fit
 * in work_mem), which removes duplicates as PostgreSQL's HashAgg/Unique
 * does.
 *
 * Plan conventions (see plannodes_defs.h): an Append's targetlist is made
 * of OUTER_VAR Vars describing the common output columns (column i of
 * every child is column i of the Append); the Append does not project.
 *
 * INTERSECT and EXCEPT (SetOp) are not planned yet: 0A000.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

static Plan *make_union_plan(PlannerInfo *root, List *children, SetOperationStmt *op);

/* A leaf: plan its subquery, read it through a converting SubqueryScan. */
static Plan *
plan_setop_leaf(PlannerInfo *root, int rti, SetOperationStmt *topop)
{
    RangeTblEntry *rte = rt_fetch(rti, root->parse->rtable);
    Plan       *subplan;
    SubqueryScan *scan = makeNode(SubqueryScan);
    List       *tlist = NIL;
    ListCell   *lc;
    int         col = 0;

    root->subroots[rti] = subquery_planner(root->glob, rte->subquery, root, &subplan);
    root->subplans_by_rti[rti] = subplan;
    foreach(lc, rte->subquery->targetList)
    {
        TargetEntry *tle = lfirst(lc);
        Oid         colType;
        Node       *expr;

        if (tle->resjunk)
            continue;
        colType = list_nth_oid(topop->colTypes, col);
        expr = (Node *) makeVar(rti, tle->resno, exprType((Node *) tle->expr),
                                exprTypmod((Node *) tle->expr), exprCollation((Node *) tle->expr),
                                0);
        if (exprType(expr) != colType)
            expr = coerce_to_common_type(NULL, expr, colType, "UNION/INTERSECT/EXCEPT");
        col++;
        tlist = lappend(tlist, makeTargetEntry((Expr *) expr, (int16) col,
                                               tle->resname ? pstrdup(tle->resname) : NULL,
                                               false));
    }
    scan->scan.scanrelid = rti;
    scan->subplan = subplan;
    scan->scan.plan.targetlist = tlist;
    copy_plan_costsize(&scan->scan.plan, subplan);
    return (Plan *) scan;
}

/* Collect the plans of a UNION tree's branches (flattening same-kind UNIONs). */
static List *
plan_union_children(PlannerInfo *root, Node *node, SetOperationStmt *topop, bool all)
{
    if (IsA(node, RangeTblRef))
        return list_make1(plan_setop_leaf(root, ((RangeTblRef *) node)->rtindex, topop));
    if (IsA(node, SetOperationStmt))
    {
        SetOperationStmt *op = (SetOperationStmt *) node;

        if (op->op == SETOP_UNION && op->all == all &&
            equal(op->colTypes, topop->colTypes))
            return list_concat(plan_union_children(root, op->larg, topop, all),
                               plan_union_children(root, op->rarg, topop, all));
        if (op->op == SETOP_UNION)
        {
            /* a nested UNION of the other kind: plan it as a unit */
            List       *children = list_concat(plan_union_children(root, op->larg, topop, op->all),
                                               plan_union_children(root, op->rarg, topop, op->all));

            return list_make1(make_union_plan(root, children, op));
        }
    }
    ereport(ERROR,
            errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
            errmsg("INTERSECT and EXCEPT are not supported yet"));
    return NIL;
}

/* Append of the children, under a duplicate-removing Agg for UNION. */
static Plan *
make_union_plan(PlannerInfo *root, List *children, SetOperationStmt *op)
{
    Append     *append = makeNode(Append);
    List       *tlist = NIL;
    List       *groupcls = NIL;
    double      rows = 0;
    double      cost = 0;
    ListCell   *lc;
    int         ncols = list_length(op->colTypes);

    for (int i = 0; i < ncols; i++)
    {
        Oid         type = list_nth_oid(op->colTypes, i);
        int32       typmod = -1;
        bool        first = true;
        Var        *var;
        TargetEntry *tle;

        /* the common typmod if every child agrees, as PostgreSQL */
        foreach(lc, children)
        {
            TargetEntry *ctle = list_nth(((Plan *) lfirst(lc))->targetlist, i);
            int32       ct = exprTypmod((Node *) ctle->expr);

            if (first)
                typmod = ct;
            else if (typmod != ct)
                typmod = -1;
            first = false;
        }
        var = makeVar(OUTER_VAR, (int16) (i + 1), type, typmod, result_collation(type), 0);
        tle = makeTargetEntry((Expr *) var, (int16) (i + 1), NULL, false);
        tlist = lappend(tlist, tle);
        if (!op->all)
        {
            Oid         sortop,
                        eqop;
            bool        hashable;

            get_sort_group_operators(type, false, true, false, &sortop, &eqop, NULL, &hashable);
            tle->ressortgroupref = (uint32) (i + 1);
            groupcls = lappend(groupcls, makeSortGroupClause((uint32) (i + 1), eqop, sortop, false,
                                                             hashable));
        }
    }
    foreach(lc, children)
    {
        rows += ((Plan *) lfirst(lc))->plan_rows;
        cost += ((Plan *) lfirst(lc))->total_cost;
    }
    append->appendplans = children;
    append->plan.targetlist = tlist;
    append->plan.plan_rows = rows;
    append->plan.total_cost = cost;
    if (op->all)
        return (Plan *) append;

    {
        Agg        *agg = makeNode(Agg);
        bool        hashable = true,
                    sortable = true;
        double      numGroups = clamp_row_est(rows);
        Plan       *input = (Plan *) append;

        foreach(lc, groupcls)
        {
            SortGroupClause *sgc = lfirst(lc);

            hashable &= sgc->hashable;
            sortable &= OidIsValid(sgc->sortop);
        }
        if (!hashable && !sortable)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("could not implement UNION"),
                    errdetail("Some of the datatypes only support hashing, while others only support sorting."));
        if (!hashable ||
            (sortable && rows * (64 + 16 * ncols) > (double) work_mem * 1024.0))
        {
            input = make_sort_from_sortclauses(groupcls, input, input->targetlist);
            agg->aggstrategy = AGG_SORTED;
        }
        else
            agg->aggstrategy = AGG_HASHED;
        agg->numCols = ncols;
        agg->grpColIdx = palloc(sizeof(int16) * (ncols + 1));
        agg->grpOperators = palloc(sizeof(Oid) * (ncols + 1));
        agg->grpCollations = palloc(sizeof(Oid) * (ncols + 1));
        foreach(lc, groupcls)
        {
            int         i = foreach_current_index(lc);

            agg->grpColIdx[i] = (int16) (i + 1);
            agg->grpOperators[i] = ((SortGroupClause *) lfirst(lc))->eqop;
            agg->grpCollations[i] = result_collation(list_nth_oid(op->colTypes, i));
        }
        agg->numGroups = numGroups;
        agg->plan.targetlist = copy_tlist_as_vars(tlist);
        agg->plan.lefttree = input;
        agg->plan.plan_rows = numGroups;
        agg->plan.total_cost = input->total_cost + rows * DEFAULT_CPU_OPERATOR_COST * ncols;
        return (Plan *) agg;
    }
}

/*
 * plan_set_operations
 *    The plan of the set operation; its output columns are labeled with
 *    the names (and sort/group refs) of the Query's target list.
 */
Plan *
plan_set_operations(PlannerInfo *root)
{
    Query      *parse = root->parse;
    SetOperationStmt *topop = (SetOperationStmt *) parse->setOperations;
    Plan       *plan;
    ListCell   *l1,
               *l2;

    if (topop->op != SETOP_UNION)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("INTERSECT and EXCEPT are not supported yet"));
    plan = make_union_plan(root, list_concat(plan_union_children(root, topop->larg, topop,
                                                                         topop->all),
                                                     plan_union_children(root, topop->rarg, topop,
                                                                         topop->all)),
                                   topop);
    forboth(l1, plan->targetlist, l2, parse->targetList)
    {
        TargetEntry *ptle = lfirst(l1);
        TargetEntry *qtle = lfirst(l2);

        ptle->resname = qtle->resname;
        ptle->ressortgroupref = qtle->ressortgroupref;
        ptle->resorigtbl = qtle->resorigtbl;
        ptle->resorigcol = qtle->resorigcol;
    }
    return plan;
}
