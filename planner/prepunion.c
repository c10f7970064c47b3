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
 * INTERSECT [ALL] / EXCEPT [ALL] (PostgreSQL's generate_nonunion_paths,
 * sorted strategy): each operand is wrapped in a Result adding a constant
 * int4 flag column (0 = left, 1 = right), the two are Appended, sorted on
 * every column and a SetOp counts each group's left and right rows.  The
 * SetOp's targetlist is the operation's columns only (OUTER_VAR 1..n): the
 * executor drops the flag column.
 *
 * A recursive CTE's query (Query.hasRecursive, parse_cte.c) is a
 * RecursiveUnion of its two terms (PostgreSQL's generate_recursion_path);
 * the recursive term's WorkTableScans find this level's wt_param_id.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

static Plan *make_union_plan(PlannerInfo *root, List *children, SetOperationStmt *op);
static Plan *make_setop_plan(PlannerInfo *root, SetOperationStmt *op, SetOperationStmt *topop);
static Plan *make_recursion_plan(PlannerInfo *root, SetOperationStmt *topop);

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
    /* INTERSECT/EXCEPT below a UNION: one branch */
    return list_make1(make_setop_plan(root, (SetOperationStmt *) node, topop));
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

/* ---------------------------------------------------------------- INTERSECT/EXCEPT */

/* The plan of one operand of an INTERSECT/EXCEPT (n columns). */
static Plan *
plan_setop_operand(PlannerInfo *root, Node *node, SetOperationStmt *topop)
{
    SetOperationStmt *op;

    if (IsA(node, RangeTblRef))
        return plan_setop_leaf(root, ((RangeTblRef *) node)->rtindex, topop);
    op = (SetOperationStmt *) node;
    if (op->op == SETOP_UNION)
        return make_union_plan(root,
                               list_concat(plan_union_children(root, op->larg, topop, op->all),
                                           plan_union_children(root, op->rarg, topop, op->all)),
                               op);
    return make_setop_plan(root, op, topop);
}

/* child's columns (as OUTER_VAR references) plus a constant flag column */
static Plan *
add_setop_flag(Plan *child, int flag)
{
    List       *tlist = NIL;
    ListCell   *lc;
    Plan       *result;

    foreach(lc, child->targetlist)
    {
        TargetEntry *ctle = lfirst(lc);
        Var        *var = makeVar(OUTER_VAR, ctle->resno, exprType((Node *) ctle->expr),
                                  exprTypmod((Node *) ctle->expr),
                                  exprCollation((Node *) ctle->expr), 0);

        tlist = lappend(tlist, makeTargetEntry((Expr *) var, (int16) (list_length(tlist) + 1),
                                               ctle->resname ? pstrdup(ctle->resname) : NULL,
                                               false));
    }
    tlist = lappend(tlist, makeTargetEntry((Expr *) makeConst(INT4OID, -1, InvalidOid, 4,
                                                              Int32GetDatum(flag), false, true),
                                           (int16) (list_length(tlist) + 1), pstrdup("flag"),
                                           true));
    result = make_result_plan(tlist, NULL, child);
    return result;
}

static Plan *
make_setop_plan(PlannerInfo *root, SetOperationStmt *op, SetOperationStmt *topop)
{
    Plan       *lplan = plan_setop_operand(root, op->larg, topop);
    Plan       *rplan = plan_setop_operand(root, op->rarg, topop);
    Append     *append = makeNode(Append);
    SetOp      *setop = makeNode(SetOp);
    List       *atlist = NIL;
    List       *stlist = NIL;
    List       *sortcls = NIL;
    int         ncols = list_length(topop->colTypes);
    Plan       *sort;

    for (int i = 0; i < ncols; i++)
    {
        Oid         type = list_nth_oid(topop->colTypes, i);
        TargetEntry *ltle = list_nth(lplan->targetlist, i);
        TargetEntry *rtle = list_nth(rplan->targetlist, i);
        int32       typmod = exprTypmod((Node *) ltle->expr);
        Oid         sortop,
                    eqop;
        bool        hashable;
        TargetEntry *tle;

        if (typmod != exprTypmod((Node *) rtle->expr))
            typmod = -1;
        get_sort_group_operators(type, true, true, false, &sortop, &eqop, NULL, &hashable);
        tle = makeTargetEntry((Expr *) makeVar(OUTER_VAR, (int16) (i + 1), type, typmod,
                                               result_collation(type), 0),
                              (int16) (i + 1), NULL, false);
        tle->ressortgroupref = (uint32) (i + 1);
        atlist = lappend(atlist, tle);
        stlist = lappend(stlist, makeTargetEntry((Expr *) copyObject(tle->expr), (int16) (i + 1),
                                                 NULL, false));
        sortcls = lappend(sortcls, makeSortGroupClause((uint32) (i + 1), eqop, sortop, false,
                                                       hashable));
    }
    atlist = lappend(atlist,
                     makeTargetEntry((Expr *) makeVar(OUTER_VAR, (int16) (ncols + 1), INT4OID, -1,
                                                      InvalidOid, 0),
                                     (int16) (ncols + 1), pstrdup("flag"), true));
    append->appendplans = list_make2(add_setop_flag(lplan, 0), add_setop_flag(rplan, 1));
    append->plan.targetlist = atlist;
    append->plan.plan_rows = lplan->plan_rows + rplan->plan_rows;
    append->plan.total_cost = lplan->total_cost + rplan->total_cost;
    sort = make_sort_from_sortclauses(sortcls, (Plan *) append, atlist);

    setop->cmd = op->op == SETOP_INTERSECT
        ? (op->all ? SETOPCMD_INTERSECT_ALL : SETOPCMD_INTERSECT)
        : (op->all ? SETOPCMD_EXCEPT_ALL : SETOPCMD_EXCEPT);
    setop->strategy = SETOP_SORTED;
    setop->numCols = ncols;
    setop->dupColIdx = palloc(sizeof(int16) * (ncols + 1));
    setop->dupOperators = palloc(sizeof(Oid) * (ncols + 1));
    setop->dupCollations = palloc(sizeof(Oid) * (ncols + 1));
    for (int i = 0; i < ncols; i++)
    {
        SortGroupClause *sgc = list_nth(sortcls, i);

        setop->dupColIdx[i] = (int16) (i + 1);
        setop->dupOperators[i] = sgc->eqop;
        setop->dupCollations[i] = result_collation(list_nth_oid(topop->colTypes, i));
    }
    setop->flagColIdx = (int16) (ncols + 1);
    setop->firstFlag = 0;
    setop->plan.targetlist = stlist;
    setop->plan.lefttree = sort;
    setop->plan.startup_cost = sort->total_cost;
    setop->plan.total_cost = sort->total_cost + sort->plan_rows * DEFAULT_CPU_OPERATOR_COST * ncols;
    setop->plan.plan_rows = op->op == SETOP_INTERSECT ? Min(lplan->plan_rows, rplan->plan_rows)
        : lplan->plan_rows;
    setop->numGroups = (long) setop->plan.plan_rows;
    return (Plan *) setop;
}

/* ---------------------------------------------------------------- WITH RECURSIVE */

static Plan *
make_recursion_plan(PlannerInfo *root, SetOperationStmt *topop)
{
    RecursiveUnion *ru = makeNode(RecursiveUnion);
    Plan       *lplan;
    Plan       *rplan;
    int         ncols = list_length(topop->colTypes);

    Assert(topop->op == SETOP_UNION);
    root->glob->paramExecTypes = lappend_oid(root->glob->paramExecTypes, INTERNALOID);
    root->wt_param_id = list_length(root->glob->paramExecTypes) - 1;
    root->has_wt_param = true;
    lplan = plan_setop_operand(root, topop->larg, topop);
    rplan = plan_setop_operand(root, topop->rarg, topop);

    if (!topop->all)
    {
        ru->dupColIdx = palloc(sizeof(int16) * (ncols + 1));
        ru->dupOperators = palloc(sizeof(Oid) * (ncols + 1));
        ru->dupCollations = palloc(sizeof(Oid) * (ncols + 1));
    }
    for (int i = 0; i < ncols; i++)
    {
        Oid         type = list_nth_oid(topop->colTypes, i);
        int32       typmod = exprTypmod((Node *) ((TargetEntry *) list_nth(lplan->targetlist, i))->expr);

        if (typmod != exprTypmod((Node *) ((TargetEntry *) list_nth(rplan->targetlist, i))->expr))
            typmod = -1;
        ru->plan.targetlist = lappend(ru->plan.targetlist,
                                      makeTargetEntry((Expr *) makeVar(OUTER_VAR, (int16) (i + 1),
                                                                       type, typmod,
                                                                       result_collation(type), 0),
                                                      (int16) (i + 1), NULL, false));
        if (!topop->all)
        {
            Oid         eqop;
            bool        hashable;

            get_sort_group_operators(type, false, true, false, NULL, &eqop, NULL, &hashable);
            if (!hashable)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("could not implement recursive UNION"),
                        errdetail("All column datatypes must be hashable."));
            ru->dupColIdx[i] = (int16) (i + 1);
            ru->dupOperators[i] = eqop;
            ru->dupCollations[i] = result_collation(type);
        }
    }
    ru->wtParam = root->wt_param_id;
    ru->numCols = topop->all ? 0 : ncols;
    ru->plan.lefttree = lplan;
    ru->plan.righttree = rplan;
    ru->plan.startup_cost = lplan->startup_cost;
    ru->plan.total_cost = lplan->total_cost + 10 * rplan->total_cost;
    ru->plan.plan_rows = lplan->plan_rows + 10 * rplan->plan_rows;
    ru->numGroups = (long) ru->plan.plan_rows;
    return (Plan *) ru;
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

    if (parse->hasRecursive)
        plan = make_recursion_plan(root, topop);
    else if (topop->op != SETOP_UNION)
        plan = make_setop_plan(root, topop, topop);
    else
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
