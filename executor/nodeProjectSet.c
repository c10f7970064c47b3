/*-------------------------------------------------------------------------
 * nodeProjectSet.c
 *    Set-returning functions in a target list (SELECT generate_series(1,3),
 *    x FROM t).  PostgreSQL 10+ semantics: for each input row, every SRF
 *    column advances in lockstep; the row yields as many output rows as
 *    its longest set, shorter sets giving NULL once exhausted, and an
 *    input row for which every set is empty yields nothing.
 *
 *    Columns that are not SRFs are ordinary expressions evaluated for each
 *    output row.  SRFs must be top-level entries of the target list (the
 *    planner puts any expression over an SRF in a Result above this node).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execSRF.h"

/* One output row from the current input row, or NULL when it is used up. */
static TupleTableSlot *
project_srf_row(ProjectSetState *node)
{
    ExprContext *econtext = node->ps.ps_ExprContext;
    TupleTableSlot *out = node->ps.ps_ResultTupleSlot;
    bool        any_more = false;

    ExecClearTuple(out);
    /* without any SRF column, each input row gives exactly one output row */
    if (node->nsrfs == 0)
        any_more = !node->plain_row_done;
    node->plain_row_done = true;
    for (int i = 0; i < node->nelems; i++)
    {
        if (node->elem_is_srf[i])
        {
            SetExprState *se = (SetExprState *) node->elems[i];

            if (node->elemdone[i] == ExprEndResult)
            {
                out->tts_values[i] = (Datum) 0;
                out->tts_isnull[i] = true;
                continue;
            }
            out->tts_values[i] = ExecSetExprNext(se, econtext, &out->tts_isnull[i],
                                                 &node->elemdone[i]);
            if (node->elemdone[i] == ExprMultipleResult)
                any_more = true;
            else
            {
                out->tts_values[i] = (Datum) 0;
                out->tts_isnull[i] = true;
            }
        }
        else
            out->tts_values[i] = ExecEvalExprSwitchContext((ExprState *) node->elems[i],
                                                           econtext, &out->tts_isnull[i]);
    }
    if (!any_more)
        return NULL;
    return ExecStoreVirtualTuple(out);
}

static TupleTableSlot *
ExecProjectSet(PlanState *pstate)
{
    ProjectSetState *node = (ProjectSetState *) pstate;
    ExprContext *econtext = node->ps.ps_ExprContext;

    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        if (node->pending_srf_tuples)
        {
            TupleTableSlot *result = project_srf_row(node);

            if (result)
                return result;
            node->pending_srf_tuples = false;
        }
        if (outerPlanState(node))
        {
            TupleTableSlot *in = ExecProcNode(outerPlanState(node));

            if (TupIsNull(in))
                return NULL;
            econtext->ecxt_outertuple = in;
        }
        else
        {
            /* no input plan: the sets are computed once */
            if (node->noinput_done)
                return NULL;
            node->noinput_done = true;
        }
        for (int i = 0; i < node->nelems; i++)
            if (node->elem_is_srf[i])
            {
                ExecSetExprStart((SetExprState *) node->elems[i], econtext);
                node->elemdone[i] = ExprMultipleResult;
            }
        node->pending_srf_tuples = true;
        node->plain_row_done = false;
    }
}

ProjectSetState *
ExecInitProjectSet(ProjectSet *node, EState *estate, int eflags)
{
    ProjectSetState *ps = makeNode(ProjectSetState);
    ListCell   *lc;
    int         i = 0;

    ps->ps.plan = (Plan *) node;
    ps->ps.state = estate;
    ps->ps.ExecProcNode = ExecProjectSet;
    ExecAssignExprContext(estate, &ps->ps);
    outerPlanState(ps) = ExecInitNode(outerPlan(node), estate, eflags);
    ExecInitResultTupleSlotTL(&ps->ps);

    ps->nelems = list_length(node->plan.targetlist);
    ps->elems = palloc0(sizeof(Node *) * (Size) Max(ps->nelems, 1));
    ps->elem_is_srf = palloc0(sizeof(bool) * (Size) Max(ps->nelems, 1));
    ps->elemdone = palloc0(sizeof(ExprDoneCond) * (Size) Max(ps->nelems, 1));
    foreach(lc, node->plan.targetlist)
    {
        TargetEntry *tle = lfirst(lc);
        Expr       *expr = tle->expr;

        if (IsA(expr, FuncExpr) && ((FuncExpr *) expr)->funcretset)
        {
            ps->elems[i] = (Node *) ExecInitSetExpr((FuncExpr *) expr, ps->ps.ps_ExprContext, &ps->ps);
            ps->elem_is_srf[i] = true;
            ps->nsrfs++;
        }
        else
            ps->elems[i] = (Node *) ExecInitExpr(expr, &ps->ps);
        i++;
    }
    return ps;
}

void
ExecEndProjectSet(ProjectSetState *node)
{
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanProjectSet(ProjectSetState *node)
{
    node->pending_srf_tuples = false;
    node->noinput_done = false;
    if (outerPlanState(node))
        ExecReScan(outerPlanState(node));
}
