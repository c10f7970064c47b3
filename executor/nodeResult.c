/*-------------------------------------------------------------------------
 * nodeResult.c
 *    Result: with no child, computes its target list once (SELECT 1+1,
 *    INSERT ... VALUES of one row); with a child, filters and projects
 *    the child's rows.  resconstantqual is checked once, at the start.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execnodes.h"

static TupleTableSlot *
ExecResult(PlanState *pstate)
{
    ResultState *node = (ResultState *) pstate;
    ExprContext *econtext = node->ps.ps_ExprContext;

    if (node->rs_checkqual)
    {
        node->rs_checkqual = false;
        if (!ExecQual(node->resconstantqual, econtext))
        {
            node->rs_done = true;
            return NULL;
        }
    }
    for (;;)
    {
        ResetExprContext(econtext);
        if (node->rs_done)
            return NULL;
        if (outerPlanState(node))
        {
            TupleTableSlot *outerslot = ExecProcNode(outerPlanState(node));

            if (TupIsNull(outerslot))
            {
                node->rs_done = true;
                return NULL;
            }
            econtext->ecxt_outertuple = outerslot;
        }
        else
            node->rs_done = true;   /* exactly one row */

        if (!ExecQual(node->ps.qual, econtext))
            continue;
        return ExecProject(node->ps.ps_ProjInfo);
    }
}

ResultState *
ExecInitResult(Result *node, EState *estate, int eflags)
{
    ResultState *rs = makeNode(ResultState);

    rs->ps.plan = (Plan *) node;
    rs->ps.state = estate;
    rs->ps.ExecProcNode = ExecResult;
    rs->rs_checkqual = node->resconstantqual != NULL;
    ExecAssignExprContext(estate, &rs->ps);
    outerPlanState(rs) = ExecInitNode(outerPlan(node), estate, eflags);
    ExecInitResultTupleSlotTL(&rs->ps);
    ExecAssignProjectionInfo(&rs->ps, NULL);
    rs->ps.qual = ExecInitQual(node->plan.qual, &rs->ps);
    rs->resconstantqual = node->resconstantqual ?
        ExecInitQual((List *) node->resconstantqual, &rs->ps) : NULL;
    return rs;
}

void
ExecEndResult(ResultState *node)
{
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanResult(ResultState *node)
{
    node->rs_done = false;
    node->rs_checkqual = node->resconstantqual != NULL;
    if (outerPlanState(node))
        ExecReScan(outerPlanState(node));
}
