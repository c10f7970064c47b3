/*-------------------------------------------------------------------------
 * execProcnode.c
 *    Dispatch from plan nodes to their executor implementations:
 *    ExecInitNode builds a PlanState tree for a Plan tree, ExecEndNode
 *    tears it down, ExecReScan restarts a subtree.  Every node sets its
 *    ExecProcNode method in its ExecInit function.
 *
 *    Under EXPLAIN ANALYZE (EXEC_FLAG_INSTRUMENT) ExecInitNode gives the
 *    node an Instrumentation and swaps its method for ExecProcNodeInstr,
 *    which counts calls and rows around the real one; without the flag
 *    nothing changes, so instrumentation costs nothing when off.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execnodes.h"
#include "executor/instrument.h"

/* the wrapper installed on every node of an instrumented query */
static TupleTableSlot *
ExecProcNodeInstr(PlanState *node)
{
    TupleTableSlot *result;

    InstrStartNode(node->instrument);
    result = node->ExecProcNodeReal(node);
    InstrStopNode(node->instrument, TupIsNull(result) ? 0.0 : 1.0);
    return result;
}

PlanState *
ExecInitNode(Plan *node, EState *estate, int eflags)
{
    PlanState  *result;
    ListCell   *lc;

    if (node == NULL)
        return NULL;
    switch (nodeTag(node))
    {
        case T_Result:
            result = (PlanState *) ExecInitResult((Result *) node, estate, eflags);
            break;
        case T_SeqScan:
            result = (PlanState *) ExecInitSeqScan((SeqScan *) node, estate, eflags);
            break;
        case T_IndexScan:
            result = (PlanState *) ExecInitIndexScan((IndexScan *) node, estate, eflags);
            break;
        case T_ValuesScan:
            result = (PlanState *) ExecInitValuesScan((ValuesScan *) node, estate, eflags);
            break;
        case T_Sort:
            result = (PlanState *) ExecInitSort((Sort *) node, estate, eflags);
            break;
        case T_Agg:
            result = (PlanState *) ExecInitAgg((Agg *) node, estate, eflags);
            break;
        case T_WindowAgg:
            result = (PlanState *) ExecInitWindowAgg((WindowAgg *) node, estate, eflags);
            break;
        case T_Limit:
            result = (PlanState *) ExecInitLimit((Limit *) node, estate, eflags);
            break;
        case T_LockRows:
            result = (PlanState *) ExecInitLockRows((LockRows *) node, estate, eflags);
            break;
        case T_ModifyTable:
            result = (PlanState *) ExecInitModifyTable((ModifyTable *) node, estate, eflags);
            break;
        case T_NestLoop:
            result = (PlanState *) ExecInitNestLoop((NestLoop *) node, estate, eflags);
            break;
        case T_Material:
            result = (PlanState *) ExecInitMaterial((Material *) node, estate, eflags);
            break;
        case T_FunctionScan:
            result = (PlanState *) ExecInitFunctionScan((FunctionScan *) node, estate, eflags);
            break;
        case T_ProjectSet:
            result = (PlanState *) ExecInitProjectSet((ProjectSet *) node, estate, eflags);
            break;
        case T_Hash:
            result = (PlanState *) ExecInitHash((Hash *) node, estate, eflags);
            break;
        case T_HashJoin:
            result = (PlanState *) ExecInitHashJoin((HashJoin *) node, estate, eflags);
            break;
        case T_SetOp:
            result = (PlanState *) ExecInitSetOp((SetOp *) node, estate, eflags);
            break;
        case T_RecursiveUnion:
            result = (PlanState *) ExecInitRecursiveUnion((RecursiveUnion *) node, estate, eflags);
            break;
        case T_WorkTableScan:
            result = (PlanState *) ExecInitWorkTableScan((WorkTableScan *) node, estate, eflags);
            break;
        case T_CteScan:
            result = (PlanState *) ExecInitCteScan((CteScan *) node, estate, eflags);
            break;
        case T_Append:
            result = (PlanState *) ExecInitAppend((Append *) node, estate, eflags);
            break;
        default:
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("plan node type %d is not supported yet", (int) nodeTag(node))));
    }

    if (eflags & EXEC_FLAG_INSTRUMENT)
    {
        result->instrument = InstrAlloc((eflags & EXEC_FLAG_INSTRUMENT_TIMER) != 0);
        result->ExecProcNodeReal = result->ExecProcNode;
        result->ExecProcNode = ExecProcNodeInstr;
    }

    /* initplans: run lazily when one of their output params is first read */
    foreach(lc, node->initPlan)
    {
        SubPlan    *sp = lfirst(lc);
        SubPlanState *sstate = ExecInitSubPlan(sp, result);
        ListCell   *lp;

        result->initPlan = lappend(result->initPlan, sstate);
        foreach(lp, sp->setParam)
            estate->es_param_exec_vals[lfirst_int(lp)].execPlan = sstate;
    }
    return result;
}

void
ExecEndNode(PlanState *node)
{
    if (node == NULL)
        return;
    switch (nodeTag(node))
    {
        case T_ResultState: ExecEndResult((ResultState *) node); break;
        case T_SeqScanState: ExecEndSeqScan((SeqScanState *) node); break;
        case T_IndexScanState: ExecEndIndexScan((IndexScanState *) node); break;
        case T_ValuesScanState: ExecEndValuesScan((ValuesScanState *) node); break;
        case T_SortState: ExecEndSort((SortState *) node); break;
        case T_AggState: ExecEndAgg((AggState *) node); break;
        case T_WindowAggState: ExecEndWindowAgg((WindowAggState *) node); break;
        case T_LimitState: ExecEndLimit((LimitState *) node); break;
        case T_LockRowsState: ExecEndLockRows((LockRowsState *) node); break;
        case T_ModifyTableState: ExecEndModifyTable((ModifyTableState *) node); break;
        case T_NestLoopState: ExecEndNestLoop((NestLoopState *) node); break;
        case T_MaterialState: ExecEndMaterial((MaterialState *) node); break;
        case T_HashState: ExecEndHash((HashState *) node); break;
        case T_FunctionScanState: ExecEndFunctionScan((FunctionScanState *) node); break;
        case T_ProjectSetState: ExecEndProjectSet((ProjectSetState *) node); break;
        case T_HashJoinState: ExecEndHashJoin((HashJoinState *) node); break;
        case T_SetOpState: ExecEndSetOp((SetOpState *) node); break;
        case T_RecursiveUnionState: ExecEndRecursiveUnion((RecursiveUnionState *) node); break;
        case T_WorkTableScanState: ExecEndWorkTableScan((WorkTableScanState *) node); break;
        case T_CteScanState: ExecEndCteScan((CteScanState *) node); break;
        case T_AppendState: ExecEndAppend((AppendState *) node); break;
        default:
            elog(ERROR, "unrecognized node type: %d", (int) nodeTag(node));
    }
}

void
ExecReScan(PlanState *node)
{
    ListCell   *lc;

    if (node->instrument)
        InstrEndLoop(node->instrument);
    /* initplans depending on changed parameters must run again */
    if (node->chgParam)
        foreach(lc, node->initPlan)
        {
            SubPlanState *sstate = lfirst(lc);
            ListCell   *lp;

            foreach(lp, sstate->subplan->setParam)
                node->state->es_param_exec_vals[lfirst_int(lp)].execPlan = sstate;
        }
    switch (nodeTag(node))
    {
        case T_ResultState: ExecReScanResult((ResultState *) node); break;
        case T_SeqScanState: ExecReScanSeqScan((SeqScanState *) node); break;
        case T_IndexScanState: ExecReScanIndexScan((IndexScanState *) node); break;
        case T_ValuesScanState: ExecReScanValuesScan((ValuesScanState *) node); break;
        case T_SortState: ExecReScanSort((SortState *) node); break;
        case T_AggState: ExecReScanAgg((AggState *) node); break;
        case T_WindowAggState: ExecReScanWindowAgg((WindowAggState *) node); break;
        case T_LimitState: ExecReScanLimit((LimitState *) node); break;
        case T_LockRowsState: ExecReScanLockRows((LockRowsState *) node); break;
        case T_ModifyTableState: ExecReScanModifyTable((ModifyTableState *) node); break;
        case T_NestLoopState: ExecReScanNestLoop((NestLoopState *) node); break;
        case T_MaterialState: ExecReScanMaterial((MaterialState *) node); break;
        case T_HashState: ExecReScanHash((HashState *) node); break;
        case T_FunctionScanState: ExecReScanFunctionScan((FunctionScanState *) node); break;
        case T_ProjectSetState: ExecReScanProjectSet((ProjectSetState *) node); break;
        case T_HashJoinState: ExecReScanHashJoin((HashJoinState *) node); break;
        case T_SetOpState: ExecReScanSetOp((SetOpState *) node); break;
        case T_RecursiveUnionState: ExecReScanRecursiveUnion((RecursiveUnionState *) node); break;
        case T_WorkTableScanState: ExecReScanWorkTableScan((WorkTableScanState *) node); break;
        case T_CteScanState: ExecReScanCteScan((CteScanState *) node); break;
        case T_AppendState: ExecReScanAppend((AppendState *) node); break;
        default:
            elog(ERROR, "unrecognized node type: %d", (int) nodeTag(node));
    }
}
