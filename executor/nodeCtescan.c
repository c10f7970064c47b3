/*-------------------------------------------------------------------------
 * nodeCtescan.c
 *    CteScan: reads the RETURNING rows of a data-modifying WITH query
 *    (WITH x AS (INSERT ... RETURNING ...) SELECT ... FROM x), and runs
 *    such queries exactly once (PostgreSQL's nodeCtescan.c and the
 *    es_auxmodifytables part of ExecPostprocessPlan).
 *
 * Principal entry points: ExecInitCteScan, ExecCteScan (via ExecProcNode),
 * ExecReScanCteScan, ExecEndCteScan; ExecFinishModifyingCtes (called by
 * ExecutorFinish).
 *
 * The WITH query's plan (a ModifyTable) is one of PlannedStmt.subplans;
 * its PARAM_EXEC slot (cteParam) holds the CteSharedState all CteScans of
 * that query share: the RETURNING rows in a tuplestore (spilling past
 * work_mem).  The first CteScan to read runs the ModifyTable to
 * completion; ExecutorFinish runs the ones no scan read.  Each scan reads
 * the store at its own position, so self-joins work.
 *
 * Departure from PostgreSQL: the WITH query runs to completion at the
 * first read rather than incrementally; the outcome is the same because it
 * always runs to completion and the main query's snapshot does not see
 * its changes either way.  Its rows do not count in the statement's
 * command tag (es_processed is restored), as canSetTag = false does.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"
#include "executor/tuplestore.h"

typedef struct CteSharedState
{
    NodeTag     type;           /* T_CteScanState: recognizable in the param */
    Tuplestorestate *store;
    bool        done;
} CteSharedState;

static CteSharedState *
cte_shared_state(EState *estate, int cteParam)
{
    ParamExecData *prm = &estate->es_param_exec_vals[cteParam];
    CteSharedState *shared = (CteSharedState *) DatumGetPointer(prm->value);

    if (shared == NULL)
    {
        MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);

        shared = palloc0(sizeof(CteSharedState));
        shared->type = T_CteScanState;
        shared->store = tuplestore_begin(work_mem);
        MemoryContextSwitchTo(old);
        prm->execPlan = NULL;
        prm->value = PointerGetDatum(shared);
        prm->isnull = false;
    }
    return shared;
}

/* Run the WITH query of subplan ctePlanId to completion, once. */
static CteSharedState *
cte_run(EState *estate, int ctePlanId, int cteParam)
{
    CteSharedState *shared = cte_shared_state(estate, cteParam);
    PlanState  *planstate;
    uint64      saved_processed;
    MemoryContext old;

    if (shared->done)
        return shared;
    shared->done = true;
    planstate = list_nth(estate->es_subplanstates, ctePlanId - 1);
    saved_processed = estate->es_processed;
    old = MemoryContextSwitchTo(estate->es_query_cxt);
    for (;;)
    {
        TupleTableSlot *slot;

        CHECK_FOR_INTERRUPTS();
        slot = ExecProcNode(planstate);
        if (TupIsNull(slot))
            break;
        tuplestore_puttupleslot(shared->store, slot);
    }
    MemoryContextSwitchTo(old);
    estate->es_processed = saved_processed;
    return shared;
}

void
ExecFinishModifyingCtes(EState *estate)
{
    PlannedStmt *stmt = estate->es_plannedstmt;
    ListCell   *l1,
               *l2;

    forboth(l1, stmt->modifyingCtePlanIds, l2, stmt->modifyingCteParams)
        (void) cte_run(estate, lfirst_int(l1), lfirst_int(l2));
}

static TupleTableSlot *
ExecCteScan(PlanState *pstate)
{
    CteScanState *node = (CteScanState *) pstate;
    CteScan    *plan = (CteScan *) node->ss.ps.plan;
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
    CteSharedState *shared = cte_run(node->ss.ps.state, plan->ctePlanId, plan->cteParam);

    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        if (!tuplestore_gettupleslot_at(shared->store, node->readpos, slot))
        {
            ExecClearTuple(slot);
            return NULL;
        }
        node->readpos++;
        econtext->ecxt_scantuple = slot;
        if (!ExecQual(node->ss.ps.qual, econtext))
            continue;
        if (node->ss.ps.ps_ProjInfo == NULL)
            return slot;
        return ExecProject(node->ss.ps.ps_ProjInfo);
    }
}

CteScanState *
ExecInitCteScan(CteScan *node, EState *estate, int eflags)
{
    CteScanState *cs = makeNode(CteScanState);
    PlanState  *cteplan;
    TupleDesc   desc;

    if (node->ctePlanId < 1 || node->ctePlanId > list_length(estate->es_subplanstates))
        elog(ERROR, "invalid WITH query subplan id %d", node->ctePlanId);
    cs->ss.ps.plan = (Plan *) node;
    cs->ss.ps.state = estate;
    cs->ss.ps.ExecProcNode = ExecCteScan;
    ExecAssignExprContext(estate, &cs->ss.ps);
    cteplan = list_nth(estate->es_subplanstates, node->ctePlanId - 1);
    desc = ExecGetResultType(cteplan);
    cs->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
    ExecInitResultTupleSlotTL(&cs->ss.ps);
    ExecConditionalAssignProjectionInfo(&cs->ss.ps, desc, node->scan.scanrelid);
    cs->ss.ps.qual = ExecInitQual(node->scan.plan.qual, &cs->ss.ps);
    cs->readpos = 0;
    return cs;
}

void
ExecEndCteScan(CteScanState *node)
{
    ExecClearTuple(node->ss.ss_ScanTupleSlot);
}

void
ExecReScanCteScan(CteScanState *node)
{
    ExecClearTuple(node->ss.ss_ScanTupleSlot);
    node->readpos = 0;
}
