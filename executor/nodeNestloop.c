/*-------------------------------------------------------------------------
 * nodeNestloop.c
 *    Nested-loop join: for each outer row, rescan the inner plan and
 *    return the combinations that pass joinqual and qual.  Handles INNER,
 *    LEFT (null-extended outer rows), SEMI (first match only) and ANTI
 *    (outer rows without a match) joins.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"

static TupleTableSlot *
ExecNestLoop(PlanState *pstate)
{
    NestLoopState *node = (NestLoopState *) pstate;
    NestLoop   *nl = (NestLoop *) node->ps.plan;
    JoinType    jointype = nl->join.jointype;
    ExprContext *econtext = node->ps.ps_ExprContext;
    PlanState  *outer = outerPlanState(node);
    PlanState  *inner = innerPlanState(node);

    for (;;)
    {
        TupleTableSlot *innerslot;

        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        if (node->nl_NeedNewOuter)
        {
            TupleTableSlot *outerslot = ExecProcNode(outer);

            if (TupIsNull(outerslot))
                return NULL;
            econtext->ecxt_outertuple = outerslot;
            node->nl_NeedNewOuter = false;
            node->nl_MatchedOuter = false;
            if (((NestLoop *) node->ps.plan)->nestParams != NIL)
            {
                /* LATERAL: the inner side reads this outer row's values */
                ListCell   *lc;

                foreach(lc, ((NestLoop *) node->ps.plan)->nestParams)
                {
                    NestLoopParam *nlp = lfirst(lc);
                    ParamExecData *prm = &node->ps.state->es_param_exec_vals[nlp->paramno];

                    prm->value = slot_getattr(outerslot, nlp->paramval->varattno, &prm->isnull);
                }
                ExecMarkParamsChanged(inner);
            }
            ExecReScan(inner);
        }
        innerslot = ExecProcNode(inner);
        if (TupIsNull(innerslot))
        {
            node->nl_NeedNewOuter = true;
            if (!node->nl_MatchedOuter &&
                (jointype == JOIN_LEFT || jointype == JOIN_ANTI))
            {
                econtext->ecxt_innertuple = node->nl_NullInnerTupleSlot;
                if (ExecQual(node->ps.qual, econtext))
                    return ExecProject(node->ps.ps_ProjInfo);
            }
            continue;
        }
        econtext->ecxt_innertuple = innerslot;
        if (!ExecQual(node->joinqual, econtext))
            continue;
        node->nl_MatchedOuter = true;
        if (jointype == JOIN_ANTI)
        {
            node->nl_NeedNewOuter = true;
            continue;
        }
        if (jointype == JOIN_SEMI)
            node->nl_NeedNewOuter = true;
        if (ExecQual(node->ps.qual, econtext))
            return ExecProject(node->ps.ps_ProjInfo);
    }
}

NestLoopState *
ExecInitNestLoop(NestLoop *node, EState *estate, int eflags)
{
    NestLoopState *ns = makeNode(NestLoopState);

    ns->ps.plan = (Plan *) node;
    ns->ps.state = estate;
    ns->ps.ExecProcNode = ExecNestLoop;
    ExecAssignExprContext(estate, &ns->ps);
    outerPlanState(ns) = ExecInitNode(outerPlan(node), estate, eflags);
    innerPlanState(ns) = ExecInitNode(innerPlan(node), estate, eflags | EXEC_FLAG_REWIND);
    ExecInitResultTupleSlotTL(&ns->ps);
    ExecAssignProjectionInfo(&ns->ps, NULL);
    ns->ps.qual = ExecInitQual(node->join.plan.qual, &ns->ps);
    ns->joinqual = ExecInitQual(node->join.joinqual, &ns->ps);
    if (node->join.jointype == JOIN_LEFT || node->join.jointype == JOIN_ANTI)
    {
        TupleTableSlot *nullslot =
            ExecInitExtraTupleSlot(estate, ExecGetResultType(innerPlanState(ns)));

        for (int i = 0; i < nullslot->tts_tupleDescriptor->natts; i++)
            nullslot->tts_isnull[i] = true;
        ExecStoreVirtualTuple(nullslot);
        ns->nl_NullInnerTupleSlot = nullslot;
    }
    else if (node->join.jointype != JOIN_INNER && node->join.jointype != JOIN_SEMI)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("this join type is not supported by nested loop yet")));
    ns->nl_NeedNewOuter = true;
    return ns;
}

void
ExecEndNestLoop(NestLoopState *node)
{
    ExecEndNode(outerPlanState(node));
    ExecEndNode(innerPlanState(node));
}

void
ExecReScanNestLoop(NestLoopState *node)
{
    node->nl_NeedNewOuter = true;
    ExecReScan(outerPlanState(node));
}
