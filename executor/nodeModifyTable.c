/*-------------------------------------------------------------------------
 * nodeModifyTable.c
 *    INSERT, UPDATE and DELETE: takes the rows its child plan produces
 *    and writes them to the result relation, checking NOT NULL
 *    constraints, counting affected rows (es_processed) and computing
 *    RETURNING rows.
 *
 *    Child rows (plannodes_defs.h): INSERT gives the relation's columns in
 *    order; UPDATE gives them plus a junk ctid column last; DELETE gives
 *    the junk ctid.
 *
 *    READ COMMITTED concurrent updates: when the target row was updated
 *    by a transaction that committed after our snapshot, heap_update /
 *    heap_delete report TM_Updated with the newer version's tid.  Like
 *    PostgreSQL's EvalPlanQual, we re-check that version against the
 *    scan's WHERE clause and, if it still qualifies, recompute the new row
 *    from it and retry; if it was deleted, the row is skipped.  This
 *    re-check is implemented for plans whose child is a sequential scan of
 *    the target table (single-table UPDATE/DELETE); other plan shapes get
 *    a serialization failure (40001) instead.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execConstraints.h"
#include "executor/execIndexing.h"
#include "executor/execnodes.h"
#include "executor/executor.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

static void
check_not_null(ModifyTableState *mtstate, TupleTableSlot *slot)
{
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    TupleDesc   desc = RelationGetDescr(rel);

    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (att->attnotnull && !att->attisdropped && slot->tts_isnull[i])
            ereport(ERROR,
                    (errcode(ERRCODE_NOT_NULL_VIOLATION),
                     errmsg("null value in column \"%s\" of relation \"%s\" violates not-null constraint",
                            NameStr(att->attname), RelationGetRelationName(rel)),
                     errdetail("Failing row contains %s.", ExecBuildSlotValueDescription(slot)),
                     errtablecol(NULL, RelationGetRelationName(rel), NameStr(att->attname))));
    }
}

/* CHECK constraints (after NOT NULL, as PostgreSQL's ExecConstraints). */
static void
check_constraints(ModifyTableState *mtstate, TupleTableSlot *slot)
{
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;

    if (mtstate->mt_checks == NULL)
        mtstate->mt_checks = ExecInitCheckConstraints(mtstate->ps.state, rel);
    ExecCheckConstraints(mtstate->mt_checks, rel, slot);
}

/*
 * A view's WITH CHECK OPTION (PostgreSQL's ExecWithCheckOptions,
 * WCO_VIEW_CHECK): the new row, once written, must satisfy the view's
 * WHERE; false or NULL is 44000.
 */
static void
check_view_options(ModifyTableState *mtstate, TupleTableSlot *slot)
{
    ListCell   *lc1,
               *lc2;

    if (mtstate->mt_wcoExprs == NIL)
        return;
    ResetExprContext(mtstate->mt_wcoContext);
    mtstate->mt_wcoContext->ecxt_scantuple = slot;
    forboth(lc1, mtstate->mt_wcoExprs, lc2, mtstate->mt_wcoNames)
    {
        if (!ExecQual((ExprState *) lfirst(lc1), mtstate->mt_wcoContext))
            ereport(ERROR,
                    (errcode(ERRCODE_WITH_CHECK_OPTION_VIOLATION),
                     errmsg("new row violates check option for view \"%s\"",
                            (const char *) lfirst(lc2)),
                     errdetail("Failing row contains %s.", ExecBuildSlotValueDescription(slot))));
    }
}

/* Copy the relation's columns from a child row into the new-row slot. */
static TupleTableSlot *
build_new_row(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    TupleTableSlot *newslot = mtstate->mt_newslot;
    int         natts = newslot->tts_tupleDescriptor->natts;

    slot_getallattrs(planSlot);
    ExecClearTuple(newslot);
    for (int i = 0; i < natts; i++)
    {
        newslot->tts_values[i] = planSlot->tts_values[i];
        newslot->tts_isnull[i] = planSlot->tts_isnull[i];
    }
    return ExecStoreVirtualTuple(newslot);
}

static TupleTableSlot *
project_returning(ModifyTableState *mtstate, TupleTableSlot *rowslot)
{
    ExprContext *econtext;

    if (mtstate->returningProj == NULL)
        return NULL;
    econtext = mtstate->returningProj->pi_exprContext;
    econtext->ecxt_scantuple = rowslot;
    return ExecProject(mtstate->returningProj);
}

/*
 * EvalPlanQual for a sequential- or index-scan child: fetch the newest version at
 * *tid, re-run the scan's qual on it and, for UPDATE, re-project the new
 * row.  Returns the child's output slot for that version, or NULL if it
 * no longer qualifies.
 */
static TupleTableSlot *
recheck_updated_row(ModifyTableState *mtstate, ItemPointer tid)
{
    PlanState  *child = outerPlanState(mtstate);
    ScanState  *scan;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    HeapTuple   newest;
    TupleTableSlot *scanslot;
    ExprContext *econtext;

    /* an index scan's qual holds all the scan's conditions too (plannodes_defs.h) */
    if (IsA(child, IndexScanState))
        scan = &((IndexScanState *) child)->ss;
    else if (IsA(child, SeqScanState))
        scan = (SeqScanState *) child;
    else
        ereport(ERROR,
                (errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
                 errmsg("could not serialize access due to concurrent update")));
    /*
     * The version at *tid was made by a transaction that committed (that is
     * what TM_Updated means), so it is read whatever the snapshot says.  If
     * it has been replaced in turn, the next heap_update/heap_delete says
     * TM_Updated again and the caller follows the chain one more step:
     * skipping it here (as a statement snapshot would) lost that update.
     */
    newest = heap_fetch_copy(rel, SnapshotAny, tid);
    if (newest == NULL)
        return NULL;
    scanslot = scan->ss_ScanTupleSlot;
    ExecStoreHeapTuple(newest, scanslot, true);
    scanslot->tts_tid = *tid;
    econtext = scan->ps.ps_ExprContext;
    ResetExprContext(econtext);
    econtext->ecxt_scantuple = scanslot;
    if (!ExecQual(scan->ps.qual, econtext))
        return NULL;
    if (scan->ps.ps_ProjInfo == NULL)
        return scanslot;
    return ExecProject(scan->ps.ps_ProjInfo);
}

/* REPEATABLE READ / SERIALIZABLE: the row changed after our snapshot. */
static void
serialization_failure(TM_Result res)
{
    ereport(ERROR,
            (errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
             errmsg(res == TM_Deleted ? "could not serialize access due to concurrent delete"
                                      : "could not serialize access due to concurrent update")));
}

static ItemPointerData
junk_ctid(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    bool        isnull;
    Datum       d = slot_getattr(planSlot, mtstate->mt_ctid_resno, &isnull);

    if (isnull)
        elog(ERROR, "ctid is NULL");
    return *(ItemPointer) DatumGetPointer(d);
}

static TupleTableSlot *
exec_insert(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    EState     *estate = mtstate->ps.state;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    TupleTableSlot *slot = build_new_row(mtstate, planSlot);
    HeapTuple   tup;

    check_not_null(mtstate, slot);
    check_constraints(mtstate, slot);
    tup = heap_form_tuple(slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
    tup->t_tableOid = RelationGetRelid(rel);
    heap_insert(rel, tup, estate->es_output_cid);
    slot->tts_tid = tup->t_self;
    ExecInsertIndexTuples(mtstate->resultRelInfo, slot, &tup->t_self);
    check_view_options(mtstate, slot);
    estate->es_processed++;
    return project_returning(mtstate, slot);
}

static TupleTableSlot *
exec_update(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    EState     *estate = mtstate->ps.state;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    ItemPointerData tid = junk_ctid(mtstate, planSlot);

    for (;;)
    {
        TupleTableSlot *slot = build_new_row(mtstate, planSlot);
        HeapTuple   tup;
        TM_FailureData tmfd;
        TM_Result   res;

        check_not_null(mtstate, slot);
        check_constraints(mtstate, slot);
        tup = heap_form_tuple(slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
        tup->t_tableOid = RelationGetRelid(rel);
        res = heap_update(rel, &tid, tup, estate->es_output_cid, NULL, true, &tmfd);
        switch (res)
        {
            case TM_Ok:
                slot->tts_tid = tup->t_self;
                ExecInsertIndexTuples(mtstate->resultRelInfo, slot, &tup->t_self);
                check_view_options(mtstate, slot);
                estate->es_processed++;
                return project_returning(mtstate, slot);
            case TM_Deleted:
                if (IsolationUsesXactSnapshot())
                    serialization_failure(res);
                return NULL;
            case TM_SelfModified:
            case TM_Invisible:
                return NULL;    /* already changed by this command, or gone */
            case TM_Updated:
                if (IsolationUsesXactSnapshot())
                    serialization_failure(res);
                tid = tmfd.ctid;
                planSlot = recheck_updated_row(mtstate, &tid);
                if (planSlot == NULL)
                    return NULL;
                continue;
            default:
                elog(ERROR, "unexpected heap_update status: %d", (int) res);
        }
    }
}

static TupleTableSlot *
exec_delete(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    EState     *estate = mtstate->ps.state;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    ItemPointerData tid = junk_ctid(mtstate, planSlot);
    TupleTableSlot *oldslot = NULL;

    for (;;)
    {
        TM_FailureData tmfd;
        TM_Result   res;

        if (mtstate->returningProj)
        {
            /* RETURNING shows the deleted row: fetch it before it goes */
            HeapTuple   old = heap_fetch_copy(rel, SnapshotAny, &tid);

            oldslot = mtstate->mt_scanslot;
            if (old)
                ExecStoreHeapTuple(old, oldslot, true);
        }
        res = heap_delete(rel, &tid, estate->es_output_cid, NULL, true, &tmfd);
        switch (res)
        {
            case TM_Ok:
                estate->es_processed++;
                return oldslot ? project_returning(mtstate, oldslot) : NULL;
            case TM_Deleted:
                if (IsolationUsesXactSnapshot())
                    serialization_failure(res);
                return NULL;
            case TM_SelfModified:
            case TM_Invisible:
                return NULL;
            case TM_Updated:
                if (IsolationUsesXactSnapshot())
                    serialization_failure(res);
                tid = tmfd.ctid;
                if (recheck_updated_row(mtstate, &tid) == NULL)
                    return NULL;
                continue;
            default:
                elog(ERROR, "unexpected heap_delete status: %d", (int) res);
        }
    }
}

static TupleTableSlot *
ExecModifyTable(PlanState *pstate)
{
    ModifyTableState *mtstate = (ModifyTableState *) pstate;
    PlanState  *child = outerPlanState(mtstate);

    while (!mtstate->mt_done)
    {
        TupleTableSlot *planSlot;
        TupleTableSlot *result = NULL;

        CHECK_FOR_INTERRUPTS();
        if (mtstate->returningProj)
            ResetExprContext(mtstate->returningProj->pi_exprContext);
        planSlot = ExecProcNode(child);
        if (TupIsNull(planSlot))
        {
            mtstate->mt_done = true;
            break;
        }
        switch (mtstate->operation)
        {
            case CMD_INSERT:
                result = exec_insert(mtstate, planSlot);
                break;
            case CMD_UPDATE:
                result = exec_update(mtstate, planSlot);
                break;
            case CMD_DELETE:
                result = exec_delete(mtstate, planSlot);
                break;
            default:
                elog(ERROR, "unknown operation %d", (int) mtstate->operation);
        }
        if (result)
            return result;
    }
    return NULL;
}

ModifyTableState *
ExecInitModifyTable(ModifyTable *node, EState *estate, int eflags)
{
    ModifyTableState *mtstate = makeNode(ModifyTableState);
    int         rti = linitial_int(node->resultRelations);
    Relation    rel;
    TupleDesc   reldesc;

    mtstate->ps.plan = (Plan *) node;
    mtstate->ps.state = estate;
    mtstate->ps.ExecProcNode = ExecModifyTable;
    mtstate->operation = node->operation;

    rel = ExecOpenScanRelation(estate, rti);
    if (rel->relkind != RELKIND_RELATION)
        ereport(ERROR,
                (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                 errmsg("cannot change relation \"%s\"", RelationGetRelationName(rel))));
    reldesc = RelationGetDescr(rel);
    mtstate->resultRelInfo = palloc0(sizeof(ResultRelInfo));
    mtstate->resultRelInfo->ri_RangeTableIndex = rti;
    mtstate->resultRelInfo->ri_RelationDesc = rel;
    estate->es_result_relation_info = mtstate->resultRelInfo;

    outerPlanState(mtstate) = ExecInitNode(outerPlan(node), estate, eflags);
    mtstate->mt_newslot = ExecInitExtraTupleSlot(estate, reldesc);
    mtstate->mt_scanslot = ExecInitExtraTupleSlot(estate, reldesc);

    if (node->operation == CMD_UPDATE || node->operation == CMD_DELETE)
    {
        List       *ctl = outerPlan(node)->targetlist;
        ListCell   *lc;

        mtstate->mt_ctid_resno = 0;
        foreach(lc, ctl)
        {
            TargetEntry *tle = lfirst(lc);

            if (tle->resjunk && tle->resname && strcmp(tle->resname, "ctid") == 0)
                mtstate->mt_ctid_resno = tle->resno;
        }
        if (mtstate->mt_ctid_resno == 0)
            elog(ERROR, "could not find junk ctid column");
    }

    ExecInitResultTupleSlotTL(&mtstate->ps);
    if (node->withCheckOptionLists != NIL)
    {
        ListCell   *lc;

        mtstate->mt_wcoContext = CreateExprContext(estate);
        foreach(lc, (List *) linitial(node->withCheckOptionLists))
        {
            TargetEntry *wco = lfirst(lc);

            mtstate->mt_wcoExprs = lappend(mtstate->mt_wcoExprs,
                                           ExecInitQual(list_make1(wco->expr), &mtstate->ps));
            mtstate->mt_wcoNames = lappend(mtstate->mt_wcoNames, wco->resname);
        }
    }
    if (node->returningLists != NIL)
    {
        List       *rlist = linitial(node->returningLists);
        ExprContext *econtext = CreateExprContext(estate);
        TupleTableSlot *rslot = ExecInitExtraTupleSlot(estate, ExecTypeFromTL(rlist));

        mtstate->returningProj = ExecBuildProjectionInfo(rlist, econtext, rslot,
                                                         &mtstate->ps, reldesc);
    }
    return mtstate;
}

void
ExecEndModifyTable(ModifyTableState *node)
{
    ExecEndNode(outerPlanState(node));
    ExecCloseIndices(node->resultRelInfo);
}

void
ExecReScanModifyTable(ModifyTableState *node)
{
    elog(ERROR, "ExecReScanModifyTable is not implemented");
}
