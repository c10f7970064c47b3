/*-------------------------------------------------------------------------
 * nodeSort.c
 *    Sort: reads all of its input into a tuplesort (which spills to disk
 *    past work_mem) on the first call, then returns tuples in order.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"
#include "executor/tuplesort.h"

static TupleTableSlot *
ExecSort(PlanState *pstate)
{
    SortState  *node = (SortState *) pstate;
    Sort       *plan = (Sort *) node->ps.plan;
    TupleTableSlot *slot = node->ps.ps_ResultTupleSlot;

    if (!node->sort_Done)
    {
        PlanState  *outer = outerPlanState(node);
        MemoryContext old = MemoryContextSwitchTo(node->ps.state->es_query_cxt);
        Tuplesortstate *ts = tuplesort_begin_heap(ExecGetResultType(outer), plan->numCols,
                                                  plan->sortColIdx, plan->sortOperators,
                                                  plan->collations, plan->nullsFirst, work_mem);

        MemoryContextSwitchTo(old);
        node->tuplesortstate = ts;
        for (;;)
        {
            TupleTableSlot *in = ExecProcNode(outer);

            if (TupIsNull(in))
                break;
            tuplesort_puttupleslot(ts, in);
        }
        tuplesort_performsort(ts);
        node->sort_Done = true;
    }
    if (!tuplesort_gettupleslot(node->tuplesortstate, slot))
        return NULL;
    return slot;
}

SortState *
ExecInitSort(Sort *node, EState *estate, int eflags)
{
    SortState  *ss = makeNode(SortState);

    ss->ps.plan = (Plan *) node;
    ss->ps.state = estate;
    ss->ps.ExecProcNode = ExecSort;
    outerPlanState(ss) = ExecInitNode(outerPlan(node), estate, eflags);
    /* Sort does not project: its output rows are its input rows */
    ss->ps.ps_ResultTupleDesc = ExecGetResultType(outerPlanState(ss));
    ss->ps.ps_ResultTupleSlot = ExecInitExtraTupleSlot(estate, ss->ps.ps_ResultTupleDesc);
    return ss;
}

void
ExecEndSort(SortState *node)
{
    if (node->tuplesortstate)
        tuplesort_end(node->tuplesortstate);
    node->tuplesortstate = NULL;
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanSort(SortState *node)
{
    if (node->sort_Done && !node->ps.chgParam)
    {
        tuplesort_rescan(node->tuplesortstate);
        return;
    }
    if (node->tuplesortstate)
        tuplesort_end(node->tuplesortstate);
    node->tuplesortstate = NULL;
    node->sort_Done = false;
    ExecReScan(outerPlanState(node));
}
