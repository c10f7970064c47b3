/*-------------------------------------------------------------------------
 * nodeValuesscan.c
 *    VALUES lists: each row's expressions are compiled once at start-up
 *    and evaluated into the scan slot, one row per call.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execnodes.h"
#include "executor/executor.h"

static TupleTableSlot *
ExecValuesScan(PlanState *pstate)
{
    ValuesScanState *node = (ValuesScanState *) pstate;
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;

    for (;;)
    {
        List       *exprstates;
        ListCell   *lc;
        int         col = 0;

        ResetExprContext(econtext);
        ExecClearTuple(slot);
        if (node->curr_idx >= node->array_len)
            return NULL;
        exprstates = node->exprstatelists[node->curr_idx++];

        /* row values live in the row context until the next row */
        MemoryContextReset(node->rowcontext->ecxt_per_tuple_memory);
        foreach(lc, exprstates)
        {
            slot->tts_values[col] =
                ExecEvalExprSwitchContext(lfirst(lc), node->rowcontext, &slot->tts_isnull[col]);
            col++;
        }
        ExecStoreVirtualTuple(slot);
        econtext->ecxt_scantuple = slot;
        if (!ExecQual(node->ss.ps.qual, econtext))
            continue;
        if (node->ss.ps.ps_ProjInfo == NULL)
            return slot;
        return ExecProject(node->ss.ps.ps_ProjInfo);
    }
}

ValuesScanState *
ExecInitValuesScan(ValuesScan *node, EState *estate, int eflags)
{
    ValuesScanState *vs = makeNode(ValuesScanState);
    RangeTblEntry *rte = list_nth(estate->es_range_table, node->scan.scanrelid - 1);
    TupleDesc   desc;
    ListCell   *lc;
    int         i = 0;

    vs->ss.ps.plan = (Plan *) node;
    vs->ss.ps.state = estate;
    vs->ss.ps.ExecProcNode = ExecValuesScan;
    ExecAssignExprContext(estate, &vs->ss.ps);
    vs->rowcontext = CreateExprContext(estate);

    /* the scan tuple's columns: from the RTE's column types */
    desc = CreateTemplateTupleDesc(list_length(rte->coltypes));
    {
        ListCell   *lt, *lm;
        int         attno = 1;

        forboth(lt, rte->coltypes, lm, rte->coltypmods)
        {
            char       *name = (rte->eref && attno <= list_length(rte->eref->colnames)) ?
                list_nth(rte->eref->colnames, attno - 1) : psprintf("column%d", attno);

            TupleDescInitEntry(desc, attno, name, lfirst_oid(lt), lfirst_int(lm), 0);
            attno++;
        }
    }
    vs->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, desc);
    ExecInitResultTupleSlotTL(&vs->ss.ps);
    ExecConditionalAssignProjectionInfo(&vs->ss.ps, desc, node->scan.scanrelid);
    vs->ss.ps.qual = ExecInitQual(node->scan.plan.qual, &vs->ss.ps);

    vs->array_len = list_length(node->values_lists);
    vs->exprstatelists = palloc(sizeof(List *) * (Size) Max(vs->array_len, 1));
    foreach(lc, node->values_lists)
    {
        List       *exprs = lfirst(lc);
        List       *states = NIL;
        ListCell   *le;

        foreach(le, exprs)
            states = lappend(states, ExecInitExpr(lfirst(le), &vs->ss.ps));
        vs->exprstatelists[i++] = states;
    }
    return vs;
}

void
ExecEndValuesScan(ValuesScanState *node)
{
    (void) node;
}

void
ExecReScanValuesScan(ValuesScanState *node)
{
    node->curr_idx = 0;
}
