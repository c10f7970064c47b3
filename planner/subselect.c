/*-------------------------------------------------------------------------
 * subselect.c
 *    Sub-SELECTs in expressions (SubLinks) become SubPlans; references to
 *    outer query levels become PARAM_EXEC parameters.
 *
 * Principal entry points:
 *    SS_process_sublinks          - plan every SubLink of an expression
 *    SS_replace_correlation_vars  - outer-level Vars/Aggrefs -> PARAM_EXEC
 *    SS_attach_initplans          - hang a level's initplans on its top node
 *
 * As in PostgreSQL (src/backend/optimizer/plan/subselect.c):
 *  - The sub-SELECT is planned as its own query level.  Each Var it uses
 *    from an outer level (varlevelsup > 0) is replaced by a PARAM_EXEC
 *    Param, registered with the level that owns the Var
 *    (PlannerParamItem).  When the sub-SELECT's planning ends, the items
 *    of the immediately enclosing level become the SubPlan's parParam,
 *    with the Vars as args: the executor evaluates args in the outer row
 *    and sets the params before each rescan.
 *  - An uncorrelated EXISTS, scalar (EXPR) or ARRAY sub-SELECT is an
 *    initplan: run once, its result read through a PARAM_EXEC Param.
 *  - ANY/ALL (IN, NOT IN, op ANY/ALL): the comparison (testexpr) refers
 *    to the sub-SELECT's output columns through PARAM_EXEC params
 *    (paramIds) that the executor sets from each sub-SELECT row.
 *  PARAM_EXEC ids are global to the statement (PlannedStmt.nParamExec).
 *
 * Not done (yet): turning IN/EXISTS into semi-joins, hashed subplans.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

static Node *decrement_levels(Node *node, int delta);

static int
new_exec_param(PlannerInfo *root, Oid type)
{
    root->glob->paramExecTypes = lappend_oid(root->glob->paramExecTypes, type);
    return list_length(root->glob->paramExecTypes) - 1;
}

static Param *
make_exec_param(int paramid, Oid type, int32 typmod, Oid collid)
{
    Param      *p = makeNode(Param);

    p->paramkind = PARAM_EXEC;
    p->paramid = paramid;
    p->paramtype = type;
    p->paramtypmod = typmod;
    p->paramcollid = collid;
    p->location = -1;
    return p;
}

/* ---------------------------------------------------------------- outer refs */

static int
assign_param_for_item(PlannerInfo *root, Node *item, Oid type)
{
    ListCell   *lc;
    PlannerParamItem *pitem;

    foreach(lc, root->plan_params)
    {
        pitem = lfirst(lc);
        if (equal(pitem->item, item))
            return pitem->paramId;
    }
    pitem = palloc0(sizeof(PlannerParamItem));
    pitem->item = item;
    pitem->paramId = new_exec_param(root, type);
    root->plan_params = lappend(root->plan_params, pitem);
    return pitem->paramId;
}

static Node *
replace_correlation_vars_mutator(Node *node, void *context)
{
    PlannerInfo *root = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var) && ((Var *) node)->varlevelsup > 0)
    {
        Var        *var = copyObject((Var *) node);
        PlannerInfo *owner = root;
        int         paramid;

        for (int i = var->varlevelsup; i > 0; i--)
        {
            owner = owner->parent_root;
            if (owner == NULL)
                elog(ERROR, "outer-level Var with no such query level");
        }
        var->varlevelsup = 0;
        var->location = -1;
        paramid = assign_param_for_item(owner, (Node *) var, var->vartype);
        return (Node *) make_exec_param(paramid, var->vartype, var->vartypmod, var->varcollid);
    }
    if (IsA(node, Aggref) && ((Aggref *) node)->agglevelsup > 0)
    {
        Aggref     *agg = copyObject((Aggref *) node);
        PlannerInfo *owner = root;
        int         paramid;

        for (int i = agg->agglevelsup; i > 0; i--)
            owner = owner->parent_root;
        /* the aggregate's own arguments are of its level: shift them down */
        agg = (Aggref *) decrement_levels((Node *) agg, agg->agglevelsup);
        agg->agglevelsup = 0;
        paramid = assign_param_for_item(owner, (Node *) agg, agg->aggtype);
        return (Node *) make_exec_param(paramid, agg->aggtype, -1, agg->aggcollid);
    }
    if (IsA(node, GroupingFunc) && ((GroupingFunc *) node)->agglevelsup > 0)
    {
        /* an outer GROUPING(): evaluated by the outer level's Agg, like an Aggref */
        GroupingFunc *grp = copyObject((GroupingFunc *) node);
        PlannerInfo *owner = root;
        int         paramid;

        for (int i = grp->agglevelsup; i > 0; i--)
            owner = owner->parent_root;
        grp = (GroupingFunc *) decrement_levels((Node *) grp, grp->agglevelsup);
        grp->agglevelsup = 0;
        paramid = assign_param_for_item(owner, (Node *) grp, INT4OID);
        return (Node *) make_exec_param(paramid, INT4OID, -1, InvalidOid);
    }
    if (IsA(node, Query))
        return node;            /* SubLinks are already planned by now */
    return expression_tree_mutator(node, replace_correlation_vars_mutator, context);
}

Node *
SS_replace_correlation_vars(PlannerInfo *root, Node *expr)
{
    return replace_correlation_vars_mutator(expr, root);
}

/* Shift levelsup of Vars/Aggrefs (for an outer aggregate moved to its own level). */
typedef struct
{
    int         delta;
    int         sublevels_up;
} decrement_context;

static bool
decrement_walker(Node *node, void *context)
{
    decrement_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        if (((Var *) node)->varlevelsup >= ctx->sublevels_up + ctx->delta)
            ((Var *) node)->varlevelsup -= ctx->delta;
        return false;
    }
    if (IsA(node, Aggref) && ((Aggref *) node)->agglevelsup >= ctx->sublevels_up + ctx->delta)
        ((Aggref *) node)->agglevelsup -= ctx->delta;
    if (IsA(node, GroupingFunc) &&
        ((GroupingFunc *) node)->agglevelsup >= ctx->sublevels_up + ctx->delta)
        ((GroupingFunc *) node)->agglevelsup -= ctx->delta;
    if (IsA(node, Query))
    {
        bool        r;

        ctx->sublevels_up++;
        r = query_tree_walker((Query *) node, decrement_walker, context, 0);
        ctx->sublevels_up--;
        return r;
    }
    return expression_tree_walker(node, decrement_walker, context);
}

static Node *
decrement_levels(Node *node, int delta)
{
    decrement_context ctx = {delta, 0};

    (void) decrement_walker(node, &ctx);
    return node;
}

/* ---------------------------------------------------------------- sublinks */

typedef struct
{
    List       *paramIds;       /* PARAM_EXEC id per sub-SELECT output column */
    List       *types;
} sublink_params_context;

static Node *
convert_sublink_params_mutator(Node *node, void *context)
{
    sublink_params_context *ctx = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Param) && ((Param *) node)->paramkind == PARAM_SUBLINK)
    {
        Param      *p = (Param *) node;
        int         col = p->paramid;

        if (col < 1 || col > list_length(ctx->paramIds))
            elog(ERROR, "unexpected PARAM_SUBLINK ID: %d", col);
        return (Node *) make_exec_param(list_nth_int(ctx->paramIds, col - 1), p->paramtype,
                                        p->paramtypmod, p->paramcollid);
    }
    return expression_tree_mutator(node, convert_sublink_params_mutator, context);
}

static TargetEntry *
first_output_column(Plan *plan)
{
    ListCell   *lc;

    foreach(lc, plan->targetlist)
        if (!((TargetEntry *) lfirst(lc))->resjunk)
            return lfirst(lc);
    return NULL;
}

static Node *
make_subplan(PlannerInfo *root, SubLink *sublink, Node *testexpr)
{
    Query      *subquery = copyObject((Query *) sublink->subselect);
    PlannerInfo *subroot;
    Plan       *plan;
    SubPlan    *splan = makeNode(SubPlan);
    List       *saved_params = root->plan_params;
    TargetEntry *firsttle;
    ListCell   *lc;
    Node       *result;

    root->plan_params = NIL;
    subroot = subquery_planner(root->glob, subquery, root, &plan);
    root->glob->subplans = lappend(root->glob->subplans, plan);
    root->glob->subroots = lappend(root->glob->subroots, subroot);

    splan->subLinkType = sublink->subLinkType;
    splan->plan_id = list_length(root->glob->subplans);
    firsttle = first_output_column(plan);
    if (firsttle)
    {
        splan->firstColType = exprType((Node *) firsttle->expr);
        splan->firstColTypmod = exprTypmod((Node *) firsttle->expr);
        splan->firstColCollation = exprCollation((Node *) firsttle->expr);
    }
    else
    {
        splan->firstColType = VOIDOID;
        splan->firstColTypmod = -1;
    }
    foreach(lc, root->plan_params)
    {
        PlannerParamItem *pitem = lfirst(lc);

        splan->parParam = lappend_int(splan->parParam, pitem->paramId);
        splan->args = lappend(splan->args, pitem->item);
    }
    root->plan_params = saved_params;

    if (splan->parParam == NIL &&
        (sublink->subLinkType == EXISTS_SUBLINK || sublink->subLinkType == EXPR_SUBLINK ||
         sublink->subLinkType == ARRAY_SUBLINK))
    {
        /* uncorrelated: an initplan setting one PARAM_EXEC */
        Oid         type = sublink->subLinkType == EXISTS_SUBLINK ? BOOLOID : splan->firstColType;
        int32       typmod = sublink->subLinkType == EXISTS_SUBLINK ? -1 : splan->firstColTypmod;
        Oid         coll = sublink->subLinkType == EXISTS_SUBLINK ? InvalidOid :
            splan->firstColCollation;
        int         paramid;

        if (sublink->subLinkType == ARRAY_SUBLINK)
        {
            /* ARRAY(SELECT x): the array of x's type (of x itself if an array) */
            Oid         arraytype = get_array_type(type);

            if (type_is_array(type))
                arraytype = type;
            type = arraytype;
            typmod = -1;
        }
        paramid = new_exec_param(root, type);

        splan->setParam = list_make1_int(paramid);
        splan->plan_name = psprintf("InitPlan %d (returns $%d)", splan->plan_id, paramid);
        root->init_plans = lappend(root->init_plans, splan);
        result = (Node *) make_exec_param(paramid, type, typmod, coll);
    }
    else
    {
        /*
         * An uncorrelated ANY/ALL sub-SELECT is re-read for every outer row:
         * materialize it once, as PostgreSQL does when it does not hash it.
         */
        if (splan->parParam == NIL &&
            (sublink->subLinkType == ANY_SUBLINK || sublink->subLinkType == ALL_SUBLINK) &&
            !IsA(plan, Material) && !IsA(plan, Sort))
        {
            plan = make_material_plan(plan);
            list_nth_cell(root->glob->subplans, splan->plan_id - 1)->ptr_value = plan;
        }
        if (sublink->subLinkType == ANY_SUBLINK || sublink->subLinkType == ALL_SUBLINK ||
            sublink->subLinkType == ROWCOMPARE_SUBLINK)
        {
            sublink_params_context ctx = {NIL, NIL};

            foreach(lc, plan->targetlist)
            {
                TargetEntry *tle = lfirst(lc);

                if (tle->resjunk)
                    continue;
                ctx.paramIds = lappend_int(ctx.paramIds,
                                           new_exec_param(root, exprType((Node *) tle->expr)));
            }
            splan->paramIds = ctx.paramIds;
            splan->testexpr = convert_sublink_params_mutator(testexpr, &ctx);
        }
        splan->plan_name = psprintf("SubPlan %d", splan->plan_id);
        result = (Node *) splan;
    }
    return result;
}

static Node *
process_sublinks_mutator(Node *node, void *context)
{
    PlannerInfo *root = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, SubLink))
    {
        SubLink    *sublink = (SubLink *) node;
        Node       *testexpr = process_sublinks_mutator(sublink->testexpr, context);

        if (sublink->subLinkType != EXISTS_SUBLINK && sublink->subLinkType != EXPR_SUBLINK &&
            sublink->subLinkType != ANY_SUBLINK && sublink->subLinkType != ALL_SUBLINK &&
            sublink->subLinkType != ARRAY_SUBLINK && sublink->subLinkType != ROWCOMPARE_SUBLINK)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("this kind of subquery is not supported yet"));
        return make_subplan(root, sublink, testexpr);
    }
    if (IsA(node, Query))
        return node;
    return expression_tree_mutator(node, process_sublinks_mutator, context);
}

Node *
SS_process_sublinks(PlannerInfo *root, Node *expr)
{
    return process_sublinks_mutator(expr, root);
}

void
SS_attach_initplans(PlannerInfo *root, Plan *plan)
{
    plan->initPlan = list_concat(plan->initPlan, root->init_plans);
    root->init_plans = NIL;
}
