/*-------------------------------------------------------------------------
 * nodeMaterial.c
 *    Material: saves its input in a tuplestore (spilling past work_mem) so
 *    that it can be re-read cheaply, e.g. as the inner side of a nested loop.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execnodes.h"
#include "executor/tuplestore.h"

static TupleTableSlot *
ExecMaterial(PlanState *pstate)
{
    MaterialState *node = (MaterialState *) pstate;
    TupleTableSlot *slot = node->ps.ps_ResultTupleSlot;

    if (!node->eof_underlying)
    {
        for (;;)
        {
            TupleTableSlot *in = ExecProcNode(outerPlanState(node));

            if (TupIsNull(in))
                break;
            tuplestore_puttupleslot(node->tuplestore, in);
        }
        node->eof_underlying = true;
        tuplestore_rescan(node->tuplestore);
    }
    if (!tuplestore_gettupleslot(node->tuplestore, slot))
        return NULL;
    return slot;
}

MaterialState *
ExecInitMaterial(Material *node, EState *estate, int eflags)
{
    MaterialState *ms = makeNode(MaterialState);
    MemoryContext old;

    ms->ps.plan = (Plan *) node;
    ms->ps.state = estate;
    ms->ps.ExecProcNode = ExecMaterial;
    outerPlanState(ms) = ExecInitNode(outerPlan(node), estate, eflags);
    ms->ps.ps_ResultTupleDesc = ExecGetResultType(outerPlanState(ms));
    ms->ps.ps_ResultTupleSlot = ExecInitExtraTupleSlot(estate, ms->ps.ps_ResultTupleDesc);
    old = MemoryContextSwitchTo(estate->es_query_cxt);
    ms->tuplestore = tuplestore_begin(work_mem);
    MemoryContextSwitchTo(old);
    return ms;
}

void
ExecEndMaterial(MaterialState *node)
{
    tuplestore_end(node->tuplestore);
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanMaterial(MaterialState *node)
{
    if (node->ps.chgParam)
    {
        /* input depends on a changed parameter: start over */
        MemoryContext old = MemoryContextSwitchTo(node->ps.state->es_query_cxt);

        tuplestore_end(node->tuplestore);
        node->tuplestore = tuplestore_begin(work_mem);
        MemoryContextSwitchTo(old);
        node->eof_underlying = false;
        ExecReScan(outerPlanState(node));
        return;
    }
    if (node->eof_underlying)
        tuplestore_rescan(node->tuplestore);
}
