/*-------------------------------------------------------------------------
 * execUtils.c
 *    Executor state set-up shared by every node: the EState and its query
 *    memory context, ExprContexts with their per-tuple contexts, result
 *    slots and projections, and opening the relations a plan scans.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/relcache.h"
#include "executor/execnodes.h"
#include "executor/executor.h"
#include "storage/lmgr.h"

EState *
CreateExecutorState(void)
{
    MemoryContext qcontext = AllocSetContextCreate(CurrentMemoryContext, "ExecutorState");
    MemoryContext old = MemoryContextSwitchTo(qcontext);
    EState     *estate = makeNode(EState);

    estate->es_direction = ForwardScanDirection;
    estate->es_query_cxt = qcontext;
    MemoryContextSwitchTo(old);
    return estate;
}

void
FreeExecutorState(EState *estate)
{
    MemoryContextDelete(estate->es_query_cxt);
}

ExprContext *
CreateExprContext(EState *estate)
{
    MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
    ExprContext *econtext = makeNode(ExprContext);

    econtext->ecxt_per_query_memory = estate->es_query_cxt;
    econtext->ecxt_per_tuple_memory =
        AllocSetContextCreate(estate->es_query_cxt, "ExprContext");
    econtext->ecxt_param_list_info = estate->es_param_list_info;
    econtext->ecxt_param_exec_vals = estate->es_param_exec_vals;
    econtext->ecxt_estate = estate;
    estate->es_exprcontexts = lappend(estate->es_exprcontexts, econtext);
    MemoryContextSwitchTo(old);
    return econtext;
}

void
ExecAssignExprContext(EState *estate, PlanState *planstate)
{
    planstate->ps_ExprContext = CreateExprContext(estate);
}

TupleTableSlot *
ExecInitExtraTupleSlot(EState *estate, TupleDesc tupdesc)
{
    MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
    TupleTableSlot *slot = MakeSingleTupleTableSlot(tupdesc);

    estate->es_tupleTable = lappend(estate->es_tupleTable, slot);
    MemoryContextSwitchTo(old);
    return slot;
}

/* The node's result slot, described by its plan's target list. */
void
ExecInitResultTupleSlotTL(PlanState *planstate)
{
    TupleDesc   desc = ExecTypeFromTL(planstate->plan->targetlist);

    planstate->ps_ResultTupleDesc = desc;
    planstate->ps_ResultTupleSlot = ExecInitExtraTupleSlot(planstate->state, desc);
}

void
ExecAssignProjectionInfo(PlanState *planstate, TupleDesc inputDesc)
{
    planstate->ps_ProjInfo =
        ExecBuildProjectionInfo(planstate->plan->targetlist, planstate->ps_ExprContext,
                                planstate->ps_ResultTupleSlot, planstate, inputDesc);
}

/*
 * Skip the projection when the target list just returns the input
 * columns in order (SELECT * FROM t): the node then returns its input slot.
 */
void
ExecConditionalAssignProjectionInfo(PlanState *planstate, TupleDesc inputDesc, int varno)
{
    List       *tlist = planstate->plan->targetlist;
    bool        trivial = inputDesc != NULL && list_length(tlist) == inputDesc->natts;
    ListCell   *lc;

    if (trivial)
        foreach(lc, tlist)
        {
            TargetEntry *tle = lfirst(lc);
            Var        *var = (Var *) tle->expr;

            if (!var || !IsA(var, Var) || var->varno != varno ||
                var->varattno != tle->resno ||
                TupleDescAttr(inputDesc, tle->resno - 1)->attisdropped)
            {
                trivial = false;
                break;
            }
        }
    if (trivial)
        planstate->ps_ProjInfo = NULL;
    else
        ExecAssignProjectionInfo(planstate, inputDesc);
}

/* Open (and keep open until ExecutorEnd) the relation of a range table entry. */
Relation
ExecOpenScanRelation(EState *estate, int scanrelid)
{
    RangeTblEntry *rte = list_nth(estate->es_range_table, scanrelid - 1);
    Relation    rel = estate->es_relations[scanrelid - 1];

    if (rel == NULL)
    {
        rel = relation_open(rte->relid, rte->rellockmode ? rte->rellockmode : AccessShareLock);
        estate->es_relations[scanrelid - 1] = rel;
    }
    return rel;
}

TupleDesc
ExecGetResultType(PlanState *planstate)
{
    return planstate->ps_ResultTupleDesc;
}
