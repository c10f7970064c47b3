/*-------------------------------------------------------------------------
 * nodeLockRows.c
 *    SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE: lock the
 *    table row behind each output row (heap_lock_tuple), then pass the
 *    row up.  The planner put the locked tables' ctids in junk columns.
 *
 * Outcomes per row and table, as PostgreSQL:
 *  - locked: the row goes up;
 *  - NOWAIT and someone else holds it: 55P03;
 *  - SKIP LOCKED and someone else holds it: the row is skipped;
 *  - changed by a transaction that committed after our snapshot:
 *    REPEATABLE READ / SERIALIZABLE get 40001; READ COMMITTED skips a
 *    deleted row and, for an updated one, locks its newest version and
 *    re-checks it against the scan's WHERE clause (PostgreSQL's
 *    EvalPlanQual).  That re-check is implemented when the table is read by
 *    a sequential scan under only pass-through nodes (Sort, Material), as
 *    ModifyTable's is; other plan shapes get 40001.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/relcache.h"
#include "executor/execnodes.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

/* The sequential or index scan of relid below pass-through nodes, or NULL. */
static ScanState *
find_recheck_scan(PlanState *ps, Oid relid)
{
    while (ps != NULL && (IsA(ps, SortState) || IsA(ps, MaterialState)))
        ps = outerPlanState(ps);
    /* an IndexScanState starts with its ScanState; its qual holds all conditions */
    if (ps != NULL && (IsA(ps, SeqScanState) || IsA(ps, IndexScanState)) &&
        RelationGetRelid(((ScanState *) ps)->ss_currentRelation) == relid)
        return (ScanState *) ps;
    return NULL;
}

static void
serialization_failure(TM_Result result)
{
    ereport(ERROR,
            errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
            errmsg(result == TM_Deleted ?
                   "could not serialize access due to concurrent delete" :
                   "could not serialize access due to concurrent update"));
}

/*
 * READ COMMITTED, row updated meanwhile: lock the newest version and
 * re-run the scan on it.  Returns the scan's output for that version, or
 * NULL if the row was deleted or no longer qualifies.
 */
static TupleTableSlot *
recheck_newest(LockRowsState *node, int markno, ItemPointerData tid)
{
    PlanRowMark *prm = list_nth(((LockRows *) node->ps.plan)->rowMarks, markno);
    Relation    rel = node->rels[markno];
    ScanState  *scan = find_recheck_scan(outerPlanState(node), prm->relid);
    TM_FailureData tmfd;
    TM_Result   result;
    HeapTuple   newest;
    ExprContext *econtext;

    if (scan == NULL || list_length(((LockRows *) node->ps.plan)->rowMarks) != 1)
        serialization_failure(TM_Updated);
    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        result = heap_lock_tuple(rel, &tid, node->ps.state->es_output_cid,
                                 prm->waitPolicy == LockWaitBlock, &tmfd);
        if (result == TM_Ok)
            break;
        if (result == TM_Updated)
        {
            tid = tmfd.ctid;
            continue;
        }
        if (result == TM_WouldBlock)
        {
            if (prm->waitPolicy == LockWaitSkip)
                return NULL;
            ereport(ERROR,
                    errcode(ERRCODE_LOCK_NOT_AVAILABLE),
                    errmsg("could not obtain lock on row in relation \"%s\"",
                           RelationGetRelationName(rel)));
        }
        return NULL;            /* deleted */
    }
    newest = heap_fetch_copy(rel, SnapshotAny, &tid);      /* locked by us: the newest */
    if (newest == NULL)
        return NULL;
    ExecStoreHeapTuple(newest, scan->ss_ScanTupleSlot, true);
    scan->ss_ScanTupleSlot->tts_tid = tid;
    econtext = scan->ps.ps_ExprContext;
    ResetExprContext(econtext);
    econtext->ecxt_scantuple = scan->ss_ScanTupleSlot;
    if (!ExecQual(scan->ps.qual, econtext))
        return NULL;
    if (scan->ps.ps_ProjInfo == NULL)
        return scan->ss_ScanTupleSlot;
    return ExecProject(scan->ps.ps_ProjInfo);
}

static TupleTableSlot *
ExecLockRows(PlanState *pstate)
{
    LockRowsState *node = (LockRowsState *) pstate;
    List       *marks = ((LockRows *) node->ps.plan)->rowMarks;

    for (;;)
    {
        TupleTableSlot *slot = ExecProcNode(outerPlanState(node));
        bool        skip = false;
        ListCell   *lc;

        if (TupIsNull(slot))
            return NULL;
        foreach(lc, marks)
        {
            PlanRowMark *prm = lfirst(lc);
            int         i = foreach_current_index(lc);
            Relation    rel = node->rels[i];
            TM_FailureData tmfd;
            TM_Result   result;
            bool        isnull;
            Datum       d = slot_getattr(slot, prm->ctidResno, &isnull);
            ItemPointerData tid;

            if (isnull)
                continue;       /* the NULL side of an outer join: nothing to lock */
            /* a tid inside a formed tuple need not be aligned */
            memcpy(&tid, DatumGetPointer(d), sizeof(ItemPointerData));
            result = heap_lock_tuple(rel, &tid, node->ps.state->es_output_cid,
                                     prm->waitPolicy == LockWaitBlock, &tmfd);
            switch (result)
            {
                case TM_Ok:
                    break;
                case TM_WouldBlock:
                    if (prm->waitPolicy == LockWaitSkip)
                    {
                        skip = true;
                        break;
                    }
                    ereport(ERROR,
                            errcode(ERRCODE_LOCK_NOT_AVAILABLE),
                            errmsg("could not obtain lock on row in relation \"%s\"",
                                   RelationGetRelationName(rel)));
                    break;
                case TM_Updated:
                case TM_Deleted:
                    if (IsolationUsesXactSnapshot())
                        serialization_failure(result);
                    if (result == TM_Deleted)
                    {
                        skip = true;
                        break;
                    }
                    slot = recheck_newest(node, i, tmfd.ctid);
                    if (slot == NULL)
                        skip = true;
                    break;
                default:
                    elog(ERROR, "unexpected heap_lock_tuple status: %d", (int) result);
            }
            if (skip)
                break;
        }
        if (!skip)
            return slot;
    }
}

LockRowsState *
ExecInitLockRows(LockRows *node, EState *estate, int eflags)
{
    LockRowsState *lr = makeNode(LockRowsState);
    ListCell   *lc;

    lr->ps.plan = (Plan *) node;
    lr->ps.state = estate;
    lr->ps.ExecProcNode = ExecLockRows;
    ExecAssignExprContext(estate, &lr->ps);
    outerPlanState(lr) = ExecInitNode(outerPlan(node), estate, eflags);
    ExecInitResultTupleSlotTL(&lr->ps);
    lr->rels = palloc(sizeof(Relation) * (Size) Max(list_length(node->rowMarks), 1));
    foreach(lc, node->rowMarks)
        lr->rels[foreach_current_index(lc)] =
            relation_open(((PlanRowMark *) lfirst(lc))->relid, RowShareLock);
    return lr;
}

void
ExecEndLockRows(LockRowsState *node)
{
    LockRows   *plan = (LockRows *) node->ps.plan;

    for (int i = 0; i < list_length(plan->rowMarks); i++)
        relation_close(node->rels[i], NoLock);
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanLockRows(LockRowsState *node)
{
    ExecReScan(outerPlanState(node));
}
