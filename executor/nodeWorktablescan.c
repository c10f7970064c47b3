/*-------------------------------------------------------------------------
 * nodeWorktablescan.c
 *    WorkTableScan: reads a recursive CTE's work table, the rows of the
 *    previous iteration (PostgreSQL's nodeWorktablescan.c).
 *
 * The RecursiveUnion above stores a pointer to its state in the PARAM_EXEC
 * slot wtParam before it initializes its recursive term, so the scan finds
 * the work table at init.  A scan initialized before that (a reference
 * inside a sub-SELECT in an expression, which the analyzer rejects as
 * PostgreSQL does) fails cleanly.  The RecursiveUnion rewinds the work
 * table and rescans the recursive term (marked changed) per iteration.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"
#include "executor/tuplestore.h"

static TupleTableSlot *
ExecWorkTableScan(PlanState *pstate)
{
    WorkTableScanState *node = (WorkTableScanState *) pstate;
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;

    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        if (!tuplestore_gettupleslot(node->rustate->working_table, slot))
        {
            ExecClearTuple(slot);
            return NULL;
        }
        econtext->ecxt_scantuple = slot;
        if (!ExecQual(node->ss.ps.qual, econtext))
            continue;
        if (node->ss.ps.ps_ProjInfo == NULL)
            return slot;
        return ExecProject(node->ss.ps.ps_ProjInfo);
    }
}

WorkTableScanState *
ExecInitWorkTableScan(WorkTableScan *node, EState *estate, int eflags)
{
    WorkTableScanState *ws = makeNode(WorkTableScanState);
    ParamExecData *prm = &estate->es_param_exec_vals[node->wtParam];
    TupleDesc   desc;

    ws->ss.ps.plan = (Plan *) node;
    ws->ss.ps.state = estate;
    ws->ss.ps.ExecProcNode = ExecWorkTableScan;
    ws->rustate = (RecursiveUnionState *) DatumGetPointer(prm->value);
    if (ws->rustate == NULL || !IsA(ws->rustate, RecursiveUnionState))
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("this reference to a recursive query is not supported yet")));
    ExecAssignExprContext(estate, &ws->ss.ps);
    desc = ExecGetResultType(&ws->rustate->ps);
    ws->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
    ExecInitResultTupleSlotTL(&ws->ss.ps);
    ExecConditionalAssignProjectionInfo(&ws->ss.ps, desc, node->scan.scanrelid);
    ws->ss.ps.qual = ExecInitQual(node->scan.plan.qual, &ws->ss.ps);
    return ws;
}

void
ExecEndWorkTableScan(WorkTableScanState *node)
{
    ExecClearTuple(node->ss.ss_ScanTupleSlot);
}

void
ExecReScanWorkTableScan(WorkTableScanState *node)
{
    ExecClearTuple(node->ss.ss_ScanTupleSlot);
    /* before the recursion starts the work table is still being filled */
    if (node->rustate->recursing)
        tuplestore_rescan(node->rustate->working_table);
}
