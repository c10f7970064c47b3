/*-------------------------------------------------------------------------
 * nodeSeqscan.c
 *    Sequential scan of a heap relation with the query's MVCC snapshot,
 *    applying the node's qual and projection.
 *
 *    The scan slot holds a tuple that points into a pinned buffer page
 *    (heap_getnext keeps the page pinned until the scan moves on), so the
 *    slot is valid until this node's next call.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execnodes.h"

static TupleTableSlot *
ExecSeqScan(PlanState *pstate)
{
    SeqScanState *node = (SeqScanState *) pstate;
    ExprContext *econtext = node->ps.ps_ExprContext;
    TupleTableSlot *slot = node->ss_ScanTupleSlot;
    EState     *estate = node->ps.state;

    if (node->ss_currentScanDesc == NULL)
        node->ss_currentScanDesc = heap_beginscan(node->ss_currentRelation, estate->es_snapshot);

    for (;;)
    {
        HeapTuple   tuple;

        ResetExprContext(econtext);
        tuple = heap_getnext(node->ss_currentScanDesc, ForwardScanDirection);
        if (tuple == NULL)
        {
            ExecClearTuple(slot);
            return NULL;
        }
        ExecStoreHeapTuple(tuple, slot, false);
        econtext->ecxt_scantuple = slot;
        if (!ExecQual(node->ps.qual, econtext))
            continue;
        if (node->ps.ps_ProjInfo == NULL)
            return slot;
        return ExecProject(node->ps.ps_ProjInfo);
    }
}

SeqScanState *
ExecInitSeqScan(SeqScan *node, EState *estate, int eflags)
{
    SeqScanState *ss = makeNode(SeqScanState);
    TupleDesc   reldesc;

    ss->ps.plan = (Plan *) node;
    ss->ps.state = estate;
    ss->ps.ExecProcNode = ExecSeqScan;
    ExecAssignExprContext(estate, &ss->ps);
    ss->ss_currentRelation = ExecOpenScanRelation(estate, node->scanrelid);
    reldesc = RelationGetDescr(ss->ss_currentRelation);
    ss->ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, reldesc);
    ss->ss_ScanTupleSlot->tts_tableOid = RelationGetRelid(ss->ss_currentRelation);
    ExecInitResultTupleSlotTL(&ss->ps);
    ExecConditionalAssignProjectionInfo(&ss->ps, reldesc, node->scanrelid);
    ss->ps.qual = ExecInitQual(node->plan.qual, &ss->ps);
    return ss;
}

void
ExecEndSeqScan(SeqScanState *node)
{
    if (node->ss_currentScanDesc)
        heap_endscan(node->ss_currentScanDesc);
    node->ss_currentScanDesc = NULL;
}

void
ExecReScanSeqScan(SeqScanState *node)
{
    if (node->ss_currentScanDesc)
        heap_rescan(node->ss_currentScanDesc);
}
