/*-------------------------------------------------------------------------
 * setrefs.c
 *    Final fix-up of a plan tree: the conventions of plannodes_defs.h.
 *
 * Principal entry point:
 *    set_plan_references(root, plan)
 *
 * What it does (PostgreSQL's set_plan_references, same rules):
 *  - Range tables of all query levels are concatenated into one
 *    (PlannedStmt.rtable); each level's scan nodes get scanrelid +=
 *    rtoffset and their Vars varno += rtoffset.
 *  - Above the scans, every Var and every whole expression that a child
 *    computes is replaced by a reference to the child's output column:
 *    Var(OUTER_VAR, resno) for the left child, Var(INNER_VAR, resno) for
 *    the right.  Nodes are fixed top-down, each against its children's
 *    target lists as they were before the children were fixed.
 *  - Sort, Limit, Material and Hash get a pass-through target list of
 *    OUTER_VAR Vars.
 *  - Agg: Aggrefs stay in its targetlist/qual with their arguments fixed
 *    against the child; each distinct Aggref gets aggno 0..n-1 (equal
 *    aggregates share one) and Agg.aggrefs lists them in aggno order.
 *  - SubqueryScan (a sub-SELECT in FROM) does not reach the executor: its
 *    subplan is fixed as a query level of its own, and the node becomes a
 *    Result projecting the subplan's output (column k of the subquery is
 *    OUTER_VAR k), or disappears if it would only pass the rows through.
 *  - ModifyTable RETURNING lists keep Vars of the result relation.
 *  - relationOids collects every relation the plan reads.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

typedef struct
{
    PlannerInfo *root;
    int         rtoffset;
    List       *outer_tlist;    /* child target lists (unfixed), or NIL */
    List       *inner_tlist;
    int         scanrelid;      /* SubqueryScan: Vars of this rel -> OUTER_VAR */
    bool        is_agg;         /* fixing an Agg node's own expressions */
} fix_context;

static Plan *set_plan_refs(PlannerInfo *root, Plan *plan, int rtoffset);

static Var *
make_ref_var(int varno, TargetEntry *tle)
{
    Var        *var = makeVar(varno, tle->resno, exprType((Node *) tle->expr),
                              exprTypmod((Node *) tle->expr),
                              exprCollation((Node *) tle->expr), 0);

    if (IsA(tle->expr, Var))
    {
        var->varnosyn = ((Var *) tle->expr)->varnosyn;
        var->varattnosyn = ((Var *) tle->expr)->varattnosyn;
    }
    return var;
}

static TargetEntry *
find_var_in_tlist(Var *var, List *tlist)
{
    ListCell   *lc;

    foreach(lc, tlist)
    {
        TargetEntry *tle = lfirst(lc);
        Var        *v = (Var *) tle->expr;

        if (IsA(v, Var) && v->varno == var->varno && v->varattno == var->varattno &&
            v->varlevelsup == 0)
            return tle;
    }
    return NULL;
}

static TargetEntry *
find_expr_in_tlist(Node *node, List *tlist)
{
    ListCell   *lc;

    foreach(lc, tlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (!IsA(tle->expr, Var) && equal(node, tle->expr))
            return tle;
    }
    return NULL;
}

/*
 * The whole row of a sub-SELECT in FROM (a Var with varattno 0 of the
 * SubqueryScan's relation): a ROW() of the subplan's output columns,
 * named as the subquery RTE names them (executor/execExprRow.c builds
 * whole rows of the other scans).
 */
static Node *
subquery_whole_row(fix_context *ctx, Var *var)
{
    RangeTblEntry *rte = rt_fetch(var->varno, ctx->root->parse->rtable);
    RowExpr    *row = makeNode(RowExpr);
    ListCell   *lt;
    int         attno = 0;

    foreach(lt, rte->coltypes)
    {
        attno++;
        row->args = lappend(row->args,
                            makeVar(OUTER_VAR, (int16) attno, lfirst_oid(lt),
                                    list_nth_int(rte->coltypmods, attno - 1),
                                    list_nth_oid(rte->colcollations, attno - 1), 0));
        row->colnames = lappend(row->colnames,
                                pstrdup((char *) list_nth(rte->eref->colnames, attno - 1)));
    }
    row->row_typeid = var->vartype;
    row->row_format = COERCE_IMPLICIT_CAST;
    row->location = var->location;
    return (Node *) row;
}

static Node *
fix_expr_mutator(Node *node, void *context)
{
    fix_context *ctx = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;
        TargetEntry *tle;

        if (var->varno == OUTER_VAR || var->varno == INNER_VAR || var->varno == INDEX_VAR)
            return copyObject(node);
        if (ctx->scanrelid > 0 && var->varno == ctx->scanrelid && var->varattno == 0)
            return subquery_whole_row(ctx, var);
        if (ctx->scanrelid > 0 && var->varno == ctx->scanrelid)
        {
            Var        *v = copyObject(var);

            v->varno = OUTER_VAR;
            return (Node *) v;
        }
        if (ctx->outer_tlist == NIL && ctx->inner_tlist == NIL)
        {
            /* a scan-level expression */
            Var        *v = copyObject(var);

            v->varno += ctx->rtoffset;
            v->varnosyn = v->varno;
            return (Node *) v;
        }
        if ((tle = find_var_in_tlist(var, ctx->outer_tlist)) != NULL)
            return (Node *) make_ref_var(OUTER_VAR, tle);
        if ((tle = find_var_in_tlist(var, ctx->inner_tlist)) != NULL)
            return (Node *) make_ref_var(INNER_VAR, tle);
        elog(ERROR, "variable %d.%d not found in subplan target lists", var->varno,
             (int) var->varattno);
    }
    if (IsA(node, Const) && ((Const *) node)->consttype == REGCLASSOID &&
        !((Const *) node)->constisnull)
    {
        /* nextval('seq'): the plan depends on that relation (PostgreSQL's fix_expr_common) */
        Oid         relid = DatumGetObjectId(((Const *) node)->constvalue);

        if (!list_member_oid(ctx->root->glob->relationOids, relid))
            ctx->root->glob->relationOids = lappend_oid(ctx->root->glob->relationOids, relid);
    }
    if (IsA(node, Const) || IsA(node, Param))
        return copyObject(node);
    if (ctx->outer_tlist != NIL || ctx->inner_tlist != NIL)
    {
        TargetEntry *tle;

        if ((tle = find_expr_in_tlist(node, ctx->outer_tlist)) != NULL)
            return (Node *) make_ref_var(OUTER_VAR, tle);
        if ((tle = find_expr_in_tlist(node, ctx->inner_tlist)) != NULL)
            return (Node *) make_ref_var(INNER_VAR, tle);
        if (IsA(node, Aggref) && !ctx->is_agg)
            elog(ERROR, "Aggref not found in subplan target lists");
    }
    return expression_tree_mutator(node, fix_expr_mutator, context);
}

static Node *
fix_expr(fix_context *ctx, Node *node)
{
    return fix_expr_mutator(node, ctx);
}

/* A pass-through target list: OUTER_VAR reference to each child column. */
static List *
make_dummy_tlist(List *child_tlist)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, child_tlist)
    {
        TargetEntry *tle = lfirst(lc);
        TargetEntry *newtle = flatCopyTargetEntry(tle);

        newtle->expr = (Expr *) make_ref_var(OUTER_VAR, tle);
        result = lappend(result, newtle);
    }
    return result;
}

/* ---------------------------------------------------------------- Agg */

typedef struct
{
    List       *aggrefs;
} number_aggs_context;

static bool
number_aggs_walker(Node *node, void *context)
{
    number_aggs_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Aggref))
    {
        Aggref     *agg = (Aggref *) node;
        ListCell   *lc;

        if (agg->agglevelsup != 0)
            return false;
        foreach(lc, ctx->aggrefs)
        {
            if (equal(agg, lfirst(lc)))
            {
                agg->aggno = ((Aggref *) lfirst(lc))->aggno;
                return false;
            }
        }
        agg->aggno = list_length(ctx->aggrefs);
        ctx->aggrefs = lappend(ctx->aggrefs, agg);
        return false;           /* arguments cannot hold aggregates of this level */
    }
    return expression_tree_walker(node, number_aggs_walker, context);
}

/* ---------------------------------------------------------------- nodes */

static bool
trivial_subqueryscan(SubqueryScan *plan)
{
    ListCell   *lc;
    int         attrno = 1;
    int         nonjunk = 0;

    if (plan->scan.plan.qual != NIL)
        return false;
    foreach(lc, plan->subplan->targetlist)
        if (!((TargetEntry *) lfirst(lc))->resjunk)
            nonjunk++;
    /*
     * The subplan's junk columns (an ORDER BY key not selected) are still in
     * its rows: only a parent that ignores them, the query's top, could take
     * those rows as they are.  An Append above a parenthesized
     * (SELECT ... ORDER BY ... LIMIT) branch would emit them, so, as
     * PostgreSQL, the node is trivial only when the widths agree.
     */
    if (list_length(plan->scan.plan.targetlist) != nonjunk ||
        nonjunk != list_length(plan->subplan->targetlist))
        return false;
    foreach(lc, plan->scan.plan.targetlist)
    {
        TargetEntry *tle = lfirst(lc);
        Var        *var = (Var *) tle->expr;

        if (tle->resjunk || !IsA(var, Var) || var->varno != plan->scan.scanrelid ||
            var->varattno != attrno || var->varlevelsup != 0)
            return false;
        attrno++;
    }
    return true;
}

static Plan *
set_subqueryscan_references(PlannerInfo *root, SubqueryScan *plan, int rtoffset)
{
    PlannerInfo *subroot = root->subroots[plan->scan.scanrelid];
    Plan       *subplan = set_plan_references(subroot, plan->subplan);
    fix_context ctx = {root, rtoffset, NIL, NIL, plan->scan.scanrelid, false};
    Result     *result;
    ListCell   *lc;

    plan->subplan = subplan;
    if (trivial_subqueryscan(plan))
    {
        /* the subplan's rows as they are; keep our column labels */
        {
            ListCell   *l1,
                       *l2;

            forboth(l1, subplan->targetlist, l2, plan->scan.plan.targetlist)
            {
                TargetEntry *ctle = lfirst(l1);
                TargetEntry *ptle = lfirst(l2);

                ctle->resname = ptle->resname;
                ctle->resjunk = ptle->resjunk;
                ctle->resorigtbl = ptle->resorigtbl;
                ctle->resorigcol = ptle->resorigcol;
            }
        }
        subplan->initPlan = list_concat(list_copy(plan->scan.plan.initPlan), subplan->initPlan);
        return subplan;
    }
    result = makeNode(Result);
    copy_plan_costsize(&result->plan, &plan->scan.plan);
    result->plan.lefttree = subplan;
    result->plan.initPlan = plan->scan.plan.initPlan;
    foreach(lc, plan->scan.plan.targetlist)
    {
        TargetEntry *tle = flatCopyTargetEntry(lfirst(lc));

        tle->expr = (Expr *) fix_expr(&ctx, (Node *) tle->expr);
        result->plan.targetlist = lappend(result->plan.targetlist, tle);
    }
    result->plan.qual = (List *) fix_expr(&ctx, (Node *) plan->scan.plan.qual);
    return (Plan *) result;
}

/*
 * UPDATE / DELETE RETURNING: Vars of tables other than the result relation
 * become OUTER_VAR references to the junk columns preprocess_targetlist
 * (planner.c) added to the child's target list; the executor evaluates
 * RETURNING with the child's row as its outer tuple.  Runs before fix_expr,
 * which leaves OUTER_VAR alone.
 */
typedef struct
{
    int         resultRelation; /* before rtoffset */
    List       *child_tlist;    /* unfixed */
} returning_ctx;

static Node *
returning_vars_mutator(Node *node, void *context)
{
    returning_ctx *ctx = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;
        TargetEntry *tle;

        if (var->varlevelsup != 0 || var->varno >= INNER_VAR ||
            var->varno == ctx->resultRelation)
            return copyObject(node);
        if ((tle = find_var_in_tlist(var, ctx->child_tlist)) == NULL)
            elog(ERROR, "RETURNING variable %d.%d not found in subplan target list",
                 var->varno, (int) var->varattno);
        return (Node *) make_ref_var(OUTER_VAR, tle);
    }
    return expression_tree_mutator(node, returning_vars_mutator, context);
}

static List *
fix_tlist(fix_context *ctx, List *tlist)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, tlist)
    {
        TargetEntry *tle = flatCopyTargetEntry(lfirst(lc));

        tle->expr = (Expr *) fix_expr(ctx, (Node *) tle->expr);
        result = lappend(result, tle);
    }
    return result;
}

static void
fix_scan_plan(PlannerInfo *root, Plan *plan, int rtoffset)
{
    fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};

    plan->targetlist = fix_tlist(&ctx, plan->targetlist);
    plan->qual = (List *) fix_expr(&ctx, (Node *) plan->qual);
}

static Plan *
set_plan_refs(PlannerInfo *root, Plan *plan, int rtoffset)
{
    if (plan == NULL)
        return NULL;

    switch (nodeTag(plan))
    {
        case T_SeqScan:
            {
                Scan       *scan = (Scan *) plan;

                fix_scan_plan(root, plan, rtoffset);
                scan->scanrelid += rtoffset;
            }
            break;
        case T_IndexScan:
            {
                IndexScan  *scan = (IndexScan *) plan;
                fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};

                fix_scan_plan(root, plan, rtoffset);
                scan->indexqual = (List *) fix_expr(&ctx, (Node *) scan->indexqual);
                scan->scan.scanrelid += rtoffset;
                /* the plan depends on the index too */
                if (!list_member_oid(root->glob->relationOids, scan->indexid))
                    root->glob->relationOids = lappend_oid(root->glob->relationOids,
                                                           scan->indexid);
            }
            break;
        case T_ValuesScan:
            {
                ValuesScan *scan = (ValuesScan *) plan;
                fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};

                fix_scan_plan(root, plan, rtoffset);
                scan->values_lists = (List *) fix_expr(&ctx, (Node *) scan->values_lists);
                scan->scan.scanrelid += rtoffset;
            }
            break;
        case T_FunctionScan:
            {
                FunctionScan *scan = (FunctionScan *) plan;
                fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};

                fix_scan_plan(root, plan, rtoffset);
                scan->functions = (List *) fix_expr(&ctx, (Node *) scan->functions);
                scan->scan.scanrelid += rtoffset;
            }
            break;
        case T_SubqueryScan:
            return set_subqueryscan_references(root, (SubqueryScan *) plan, rtoffset);
        case T_Result:
            {
                Result     *res = (Result *) plan;

                if (plan->lefttree)
                {
                    fix_context ctx = {root, rtoffset, plan->lefttree->targetlist, NIL, 0, false};

                    plan->targetlist = fix_tlist(&ctx, plan->targetlist);
                    plan->qual = (List *) fix_expr(&ctx, (Node *) plan->qual);
                    res->resconstantqual = fix_expr(&ctx, res->resconstantqual);
                }
                else
                {
                    fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};

                    fix_scan_plan(root, plan, rtoffset);
                    res->resconstantqual = fix_expr(&ctx, res->resconstantqual);
                }
            }
            break;
        case T_ProjectSet:
            {
                fix_context ctx = {root, rtoffset, plan->lefttree->targetlist, NIL, 0, false};

                plan->targetlist = fix_tlist(&ctx, plan->targetlist);
            }
            break;
        case T_NestLoop:
        case T_HashJoin:
            {
                Join       *join = (Join *) plan;
                List       *inner_tlist = plan->righttree->targetlist;
                fix_context ctx = {root, rtoffset, plan->lefttree->targetlist, inner_tlist, 0,
                                   false};

                plan->targetlist = fix_tlist(&ctx, plan->targetlist);
                plan->qual = (List *) fix_expr(&ctx, (Node *) plan->qual);
                join->joinqual = (List *) fix_expr(&ctx, (Node *) join->joinqual);
                if (IsA(plan, NestLoop))
                {
                    /* LATERAL values come from the outer side's output */
                    fix_context octx = {root, rtoffset, plan->lefttree->targetlist, NIL, 0, false};
                    ListCell   *lc;

                    foreach(lc, ((NestLoop *) plan)->nestParams)
                    {
                        NestLoopParam *nlp = lfirst(lc);

                        nlp->paramval = (Var *) fix_expr(&octx, (Node *) nlp->paramval);
                    }
                }
                if (IsA(plan, HashJoin))
                {
                    HashJoin   *hj = (HashJoin *) plan;
                    Hash       *hash = (Hash *) plan->righttree;
                    fix_context octx = {root, rtoffset, plan->lefttree->targetlist, NIL, 0, false};
                    fix_context hctx = {root, rtoffset, hash->plan.lefttree->targetlist, NIL, 0,
                                        false};

                    hj->hashclauses = (List *) fix_expr(&ctx, (Node *) hj->hashclauses);
                    hj->hashkeys = (List *) fix_expr(&octx, (Node *) hj->hashkeys);
                    /* the Hash node evaluates the inner keys on its own child's rows */
                    hash->hashkeys = (List *) fix_expr(&hctx, (Node *) hash->hashkeys);
                }
            }
            break;
        case T_Hash:
        case T_Material:
        case T_Sort:
        case T_LockRows:
        case T_Limit:
            plan->targetlist = make_dummy_tlist(plan->lefttree->targetlist);
            if (IsA(plan, Limit))
            {
                Limit      *lim = (Limit *) plan;
                fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};

                lim->limitOffset = fix_expr(&ctx, lim->limitOffset);
                lim->limitCount = fix_expr(&ctx, lim->limitCount);
            }
            break;
        case T_Agg:
            {
                Agg        *agg = (Agg *) plan;
                fix_context ctx = {root, rtoffset, plan->lefttree->targetlist, NIL, 0, true};
                number_aggs_context nctx = {NIL};

                plan->targetlist = fix_tlist(&ctx, plan->targetlist);
                plan->qual = (List *) fix_expr(&ctx, (Node *) plan->qual);
                (void) number_aggs_walker((Node *) plan->targetlist, &nctx);
                (void) number_aggs_walker((Node *) plan->qual, &nctx);
                agg->aggrefs = nctx.aggrefs;
            }
            break;
        case T_SetOp:
        case T_RecursiveUnion:
            /* targetlist already OUTER_VAR references (prepunion.c) */
            break;
        case T_WorkTableScan:
        case T_CteScan:
            fix_scan_plan(root, plan, rtoffset);
            ((Scan *) plan)->scanrelid += rtoffset;
            break;
        case T_WindowAgg:
            {
                /* WindowFuncs stay, their arguments refer to the child (OUTER_VAR) */
                WindowAgg  *wa = (WindowAgg *) plan;
                fix_context ctx = {root, rtoffset, plan->lefttree->targetlist, NIL, 0, false};
                fix_context cctx = {root, rtoffset, NIL, NIL, 0, false};

                plan->targetlist = fix_tlist(&ctx, plan->targetlist);
                wa->startOffset = fix_expr(&cctx, wa->startOffset);
                wa->endOffset = fix_expr(&cctx, wa->endOffset);
            }
            break;
        case T_Append:
            {
                /* its targetlist is already OUTER_VAR references; fix the children */
                ListCell   *lc;

                foreach(lc, ((Append *) plan)->appendplans)
                    lfirst(lc) = set_plan_refs(root, lfirst(lc), rtoffset);
            }
            break;
        case T_ModifyTable:
            {
                ModifyTable *mt = (ModifyTable *) plan;
                fix_context ctx = {root, rtoffset, NIL, NIL, 0, false};
                ListCell   *lc;

                /* RETURNING's FROM / USING columns: the child's junk columns */
                if (mt->returningLists != NIL && plan->lefttree != NULL &&
                    mt->operation != CMD_INSERT)
                {
                    returning_ctx rctx = {linitial_int(mt->resultRelations),
                                          plan->lefttree->targetlist};

                    mt->returningLists = (List *) returning_vars_mutator((Node *) mt->returningLists,
                                                                         &rctx);
                }
                mt->returningLists = (List *) fix_expr(&ctx, (Node *) mt->returningLists);
                mt->withCheckOptionLists = (List *) fix_expr(&ctx, (Node *) mt->withCheckOptionLists);
                /* ON CONFLICT: INNER_VAR (EXCLUDED) Vars stay as they are */
                mt->onConflictSet = (List *) fix_expr(&ctx, (Node *) mt->onConflictSet);
                mt->onConflictWhere = (List *) fix_expr(&ctx, (Node *) mt->onConflictWhere);
                plan->targetlist = mt->returningLists ? linitial(mt->returningLists) : NIL;
                mt->nominalRelation += rtoffset;
                foreach(lc, mt->resultRelations)
                    lfirst_int(lc) += rtoffset;
                foreach(lc, mt->resultRelations)
                    root->glob->resultRelations = lappend_int(root->glob->resultRelations,
                                                              lfirst_int(lc));
            }
            break;
        default:
            elog(ERROR, "set_plan_refs: unexpected plan node %d", (int) nodeTag(plan));
    }

    plan->lefttree = set_plan_refs(root, plan->lefttree, rtoffset);
    plan->righttree = set_plan_refs(root, plan->righttree, rtoffset);
    return plan;
}

/*
 * set_plan_references
 *    Append this query level's range table to the flat one and fix its
 *    plan; sub-SELECTs in FROM are fixed recursively as their own levels.
 */
Plan *
set_plan_references(PlannerInfo *root, Plan *plan)
{
    PlannerGlobal *glob = root->glob;
    int         rtoffset = list_length(glob->finalrtable);
    ListCell   *lc;

    foreach(lc, root->parse->rtable)
    {
        RangeTblEntry *rte = lfirst(lc);

        glob->finalrtable = lappend(glob->finalrtable, rte);
        /* views too: an expanded view is a sub-SELECT keeping the view's OID */
        if ((rte->rtekind == RTE_RELATION ||
             (rte->rtekind == RTE_SUBQUERY && OidIsValid(rte->relid))) &&
            !list_member_oid(glob->relationOids, rte->relid))
            glob->relationOids = lappend_oid(glob->relationOids, rte->relid);
    }
    return set_plan_refs(root, plan, rtoffset);
}
