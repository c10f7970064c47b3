/*-------------------------------------------------------------------------
 * lateral.c
 *    LATERAL FROM items: values one FROM item takes from another of the
 *    same query level (PostgreSQL's lateral references, parameterized
 *    nested loops).
 *
 * Principal entry points:
 *    lateral_subquery_params  - a sub-SELECT's outer references to this level
 *    lateral_replace_vars     - a function's (or VALUES') Vars of other items
 *    lateral_relids_of        - which relations a FROM item needs
 *    lateral_needed_vars      - make the scans below emit those values
 *    lateral_nestloop_params  - the NestLoopParams of one nested loop
 *
 * Each referenced Var becomes a PARAM_EXEC slot, recorded as a
 * LateralParam (consumer rtindex, paramno, Var).  The join search
 * (planmain.c) only joins a relation that needs others as the inner side
 * of a nested loop whose outer side provides them (no hash join, no
 * Material); that NestLoop lists the params in nestParams, and for each
 * outer row the executor stores the values and rescans the inner side
 * marked changed.
 *
 * Departure from PostgreSQL: a relation with pending lateral needs is
 * joined by nested loops only (PostgreSQL also builds parameterized hash
 * joins below the providing loop).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

static int
new_lateral_param(PlannerInfo *root, int rti, Var *var)
{
    LateralParam *lp = palloc(sizeof(LateralParam));

    root->glob->paramExecTypes = lappend_oid(root->glob->paramExecTypes, var->vartype);
    lp->consumer = rti;
    lp->paramno = list_length(root->glob->paramExecTypes) - 1;
    lp->var = copyObject(var);
    lp->var->varlevelsup = 0;
    root->lateral_params = lappend(root->lateral_params, lp);
    return lp->paramno;
}

/*
 * The sub-SELECT of range table entry rti was planned and left in
 * plan_params the values of this level it reads (its lateral references),
 * each already a PARAM_EXEC id: record them.
 */
void
lateral_subquery_params(PlannerInfo *root, int rti, List *plan_params)
{
    ListCell   *lc;

    foreach(lc, plan_params)
    {
        PlannerParamItem *item = lfirst(lc);
        LateralParam *lp;

        if (!IsA(item->item, Var))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("aggregates of an outer query in a LATERAL subquery are not supported yet"));
        lp = palloc(sizeof(LateralParam));
        lp->consumer = rti;
        lp->paramno = item->paramId;
        lp->var = copyObject((Var *) item->item);
        lp->var->varlevelsup = 0;
        root->lateral_params = lappend(root->lateral_params, lp);
    }
}

typedef struct
{
    PlannerInfo *root;
    int         rti;
} replace_context;

static Node *
replace_vars_mutator(Node *node, void *context)
{
    replace_context *ctx = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var) && ((Var *) node)->varlevelsup == 0)
    {
        Var        *var = (Var *) node;
        Param      *p = makeNode(Param);

        p->paramkind = PARAM_EXEC;
        p->paramid = new_lateral_param(ctx->root, ctx->rti, var);
        p->paramtype = var->vartype;
        p->paramtypmod = var->vartypmod;
        p->paramcollid = var->varcollid;
        p->location = -1;
        return (Node *) p;
    }
    return expression_tree_mutator(node, replace_vars_mutator, context);
}

/* expr (a function or VALUES item rti) with other items' Vars as params. */
Node *
lateral_replace_vars(PlannerInfo *root, int rti, Node *expr)
{
    replace_context ctx = {root, rti};

    return replace_vars_mutator(expr, &ctx);
}

Relids
lateral_relids_of(PlannerInfo *root, int rti)
{
    Relids      result = NULL;
    ListCell   *lc;

    foreach(lc, root->lateral_params)
    {
        LateralParam *lp = lfirst(lc);

        if (lp->consumer == rti)
            result = result ? relids_add_member(result, lp->var->varno)
                : relids_make_singleton(lp->var->varno);
    }
    return result;
}

/* needed plus the Vars lateral items read (the providers' scans emit them). */
List *
lateral_needed_vars(PlannerInfo *root, List *needed)
{
    ListCell   *lc;

    foreach(lc, root->lateral_params)
    {
        LateralParam *lp = lfirst(lc);
        ListCell   *l2;
        bool        found = false;

        foreach(l2, needed)
            if (equal(lfirst(l2), lp->var))
            {
                found = true;
                break;
            }
        if (!found)
            needed = lappend(needed, copyObject(lp->var));
    }
    return needed;
}

/*
 * The NestLoopParams of a nested loop: values its inner side reads from
 * its outer side.  Exactly one join separates a provider from its
 * consumer, so each param is set by one NestLoop.
 */
List *
lateral_nestloop_params(PlannerInfo *root, Relids outer_relids, Relids inner_relids)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, root->lateral_params)
    {
        LateralParam *lp = lfirst(lc);

        if (relids_is_member(lp->consumer, inner_relids) &&
            relids_is_member(lp->var->varno, outer_relids))
        {
            NestLoopParam *nlp = makeNode(NestLoopParam);

            nlp->paramno = lp->paramno;
            nlp->paramval = copyObject(lp->var);
            result = lappend(result, nlp);
        }
    }
    return result;
}
