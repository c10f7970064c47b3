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
 *
 *    INSERT ... ON CONFLICT: execIndexing.c's ExecSpeculativeInsert
 *    inserts the row or names the live conflicting row in an arbiter
 *    index; DO NOTHING skips it, DO UPDATE locks it (heap_lock_tuple),
 *    starts over if a concurrent transaction changed it first, and
 *    updates it with SET/WHERE over (existing row, EXCLUDED).
 *
 *    Foreign keys (execForeignKeys.c): each row written is queued with
 *    its key (UPDATE/DELETE fetch the old version at the tid after the
 *    change); the checks and referential actions run when the child plan
 *    is exhausted, i.e. at the end of the statement.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execConstraints.h"
#include "executor/execForeignKeys.h"
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

    ItemPointerData tid;

    if (isnull)
        elog(ERROR, "ctid is NULL");
    /* a tid inside a formed tuple (a sorted or materialized row) need not be aligned */
    memcpy(&tid, DatumGetPointer(d), sizeof(ItemPointerData));
    return tid;
}

/*
 * Store the new row in slot (the relation's columns, in order) as INSERT
 * does: NOT NULL and CHECK constraints, the heap, index entries, view
 * check options, foreign-key queueing, the row count.  Also COPY FROM's
 * per-row insert (executor/copyfrom.c), with a ModifyTableState of its own.
 */
void
ExecInsertSlot(ModifyTableState *mtstate, TupleTableSlot *slot)
{
    EState     *estate = mtstate->ps.state;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    HeapTuple   tup;

    check_not_null(mtstate, slot);
    check_constraints(mtstate, slot);
    tup = heap_form_tuple(slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
    tup->t_tableOid = RelationGetRelid(rel);
    heap_insert(rel, tup, estate->es_output_cid);
    slot->tts_tid = tup->t_self;
    ExecInsertIndexTuples(mtstate->resultRelInfo, slot, &tup->t_self);
    check_view_options(mtstate, slot);
    if (mtstate->mt_fkeys)
        ExecFKInsert(mtstate->mt_fkeys, slot);
    estate->es_processed++;
}

static TupleTableSlot *
exec_insert(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    TupleTableSlot *slot = build_new_row(mtstate, planSlot);

    ExecInsertSlot(mtstate, slot);
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
                if (mtstate->mt_fkeys)
                {
                    /* the version we replaced is still at tid */
                    HeapTuple   old = heap_fetch_copy(rel, SnapshotAny, &tid);

                    if (old == NULL)
                        elog(ERROR, "updated row vanished at (%u,%u)",
                             ItemPointerGetBlockNumber(&tid), ItemPointerGetOffsetNumber(&tid));
                    ExecFKUpdate(mtstate->mt_fkeys, old, slot);
                    heap_freetuple(old);
                }
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
                if (mtstate->mt_fkeys)
                {
                    HeapTuple   old = heap_fetch_copy(rel, SnapshotAny, &tid);

                    if (old == NULL)
                        elog(ERROR, "deleted row vanished at (%u,%u)",
                             ItemPointerGetBlockNumber(&tid), ItemPointerGetOffsetNumber(&tid));
                    ExecFKDelete(mtstate->mt_fkeys, old);
                    heap_freetuple(old);
                }
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

/* ================================================================ INSERT ... ON CONFLICT */

/*
 * REPEATABLE READ / SERIALIZABLE (PostgreSQL's ExecCheckTupleVisible): a
 * conflicting row our snapshot cannot see is a serialization failure,
 * unless our own transaction inserted it.  tup is the row at its tid.
 */
static void
check_conflict_visible(ModifyTableState *mtstate, HeapTuple tup)
{
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    HeapTuple   visible;
    bool        isnull;

    if (!IsolationUsesXactSnapshot())
        return;
    visible = heap_fetch_copy(rel, mtstate->ps.state->es_snapshot, &tup->t_self);
    if (visible != NULL)
    {
        heap_freetuple(visible);
        return;
    }
    if (!TransactionIdIsCurrentTransactionId(
            DatumGetUInt64(heap_getsysattr(tup, MinTransactionIdAttributeNumber, &isnull))))
        ereport(ERROR,
                (errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
                 errmsg("could not serialize access due to concurrent update")));
}

/*
 * DO UPDATE on the conflicting row at *tid (PostgreSQL's
 * ExecOnConflictUpdate): lock it, evaluate WHERE and SET with the row as
 * the target table's columns and the proposed row (excluded) as EXCLUDED,
 * and update it through the ordinary checks and index maintenance.
 * Returns false when the row was updated or deleted by a concurrent
 * transaction before we locked it: the caller starts over (its new
 * version may no longer conflict).  Otherwise *result is the RETURNING
 * row, or NULL when WHERE rejected the row.
 */
static bool
exec_conflict_update(ModifyTableState *mtstate, ItemPointer tid, TupleTableSlot *excluded,
                     TupleTableSlot **result)
{
    EState     *estate = mtstate->ps.state;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    ExprContext *econtext = mtstate->mt_conflictContext;
    MemoryContext oldcxt;
    HeapTuple   existing;
    HeapTuple   tup;
    TupleTableSlot *newslot;
    TM_FailureData tmfd;
    TM_Result   res;
    bool        isnull;

    *result = NULL;
    ResetExprContext(econtext);
    oldcxt = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

    /*
     * A row this command inserted or already updated: PostgreSQL's
     * TM_Invisible case, which it reports before locking.
     */
    existing = heap_fetch_copy(rel, SnapshotAny, tid);
    if (existing == NULL)
        elog(ERROR, "conflicting row vanished at (%u,%u)",
             ItemPointerGetBlockNumber(tid), ItemPointerGetOffsetNumber(tid));
    if (TransactionIdIsCurrentTransactionId(
            DatumGetUInt64(heap_getsysattr(existing, MinTransactionIdAttributeNumber, &isnull))) &&
        DatumGetUInt32(heap_getsysattr(existing, MinCommandIdAttributeNumber, &isnull)) >=
        estate->es_output_cid)
        ereport(ERROR,
                (errcode(ERRCODE_CARDINALITY_VIOLATION),
                 errmsg("%s command cannot affect row a second time", "ON CONFLICT DO UPDATE"),
                 errhint("Ensure that no rows proposed for insertion within the same command have duplicate constrained values.")));

    res = heap_lock_tuple(rel, tid, estate->es_output_cid, true, &tmfd);
    switch (res)
    {
        case TM_Ok:
            break;
        case TM_Updated:
        case TM_Deleted:
            if (IsolationUsesXactSnapshot())
                serialization_failure(res);
            MemoryContextSwitchTo(oldcxt);
            return false;
        case TM_SelfModified:
            elog(ERROR, "unexpected self-updated tuple");
            break;
        default:
            elog(ERROR, "unrecognized heap_lock_tuple status: %d", (int) res);
    }
    check_conflict_visible(mtstate, existing);

    /* locked: this version is final until we update it */
    ExecStoreHeapTuple(existing, mtstate->mt_existing, false);
    mtstate->mt_existing->tts_tid = *tid;
    econtext->ecxt_scantuple = mtstate->mt_existing;
    econtext->ecxt_innertuple = excluded;
    econtext->ecxt_outertuple = NULL;
    MemoryContextSwitchTo(oldcxt);
    if (mtstate->mt_conflictWhere && !ExecQual(mtstate->mt_conflictWhere, econtext))
    {
        ExecClearTuple(mtstate->mt_existing);
        return true;            /* the row stays locked, not updated */
    }
    newslot = ExecProject(mtstate->mt_conflictProj);
    check_not_null(mtstate, newslot);
    check_constraints(mtstate, newslot);
    tup = heap_form_tuple(newslot->tts_tupleDescriptor, newslot->tts_values, newslot->tts_isnull);
    tup->t_tableOid = RelationGetRelid(rel);
    res = heap_update(rel, tid, tup, estate->es_output_cid, NULL, true, &tmfd);
    if (res != TM_Ok)
        elog(ERROR, "unexpected heap_update status %d for a locked row", (int) res);
    newslot->tts_tid = tup->t_self;
    ExecInsertIndexTuples(mtstate->resultRelInfo, newslot, &tup->t_self);
    check_view_options(mtstate, newslot);
    if (mtstate->mt_conflictFKeys)
        ExecFKUpdate(mtstate->mt_conflictFKeys, existing, newslot);
    heap_freetuple(tup);
    ExecClearTuple(mtstate->mt_existing);
    estate->es_processed++;
    *result = project_returning(mtstate, newslot);
    return true;
}

/*
 * INSERT ... ON CONFLICT: insert the row unless an arbiter index holds a
 * live row with an equal key (executor/execIndexing.c's speculative
 * insertion); then skip it (DO NOTHING) or update that row (DO UPDATE).
 */
static TupleTableSlot *
exec_insert_on_conflict(ModifyTableState *mtstate, TupleTableSlot *planSlot)
{
    EState     *estate = mtstate->ps.state;
    ModifyTable *node = (ModifyTable *) mtstate->ps.plan;
    Relation    rel = mtstate->resultRelInfo->ri_RelationDesc;
    TupleTableSlot *slot = build_new_row(mtstate, planSlot);
    HeapTuple   tup;

    check_not_null(mtstate, slot);
    check_constraints(mtstate, slot);
    tup = heap_form_tuple(slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
    tup->t_tableOid = RelationGetRelid(rel);
    for (;;)
    {
        ItemPointerData conflictTid;
        TupleTableSlot *result;

        CHECK_FOR_INTERRUPTS();
        if (ExecSpeculativeInsert(mtstate->resultRelInfo, node->arbiterIndexes, slot, tup,
                                  estate->es_output_cid, &conflictTid))
        {
            heap_freetuple(tup);    /* stored; the slot holds the values */
            check_view_options(mtstate, slot);
            if (mtstate->mt_fkeys)
                ExecFKInsert(mtstate->mt_fkeys, slot);
            estate->es_processed++;
            return project_returning(mtstate, slot);
        }
        if (node->onConflictAction == ONCONFLICT_NOTHING)
        {
            HeapTuple   existing = heap_fetch_copy(rel, SnapshotAny, &conflictTid);

            heap_freetuple(tup);
            if (existing != NULL)
            {
                check_conflict_visible(mtstate, existing);
                heap_freetuple(existing);
            }
            return NULL;
        }
        if (exec_conflict_update(mtstate, &conflictTid, slot, &result))
        {
            heap_freetuple(tup);
            return result;
        }
        /* the conflicting row changed before we could lock it: start over */
    }
}

/* DO UPDATE's expressions (plannodes_defs.h, ModifyTable). */
static void
init_on_conflict(ModifyTableState *mtstate, ModifyTable *node, TupleDesc reldesc)
{
    EState     *estate = mtstate->ps.state;
    TupleTableSlot *projslot;

    if (node->onConflictAction != ONCONFLICT_UPDATE)
        return;
    mtstate->mt_conflictContext = CreateExprContext(estate);
    mtstate->mt_existing = ExecInitExtraTupleSlot(estate, reldesc);
    projslot = ExecInitExtraTupleSlot(estate, reldesc);
    mtstate->mt_conflictProj = ExecBuildProjectionInfo(node->onConflictSet,
                                                       mtstate->mt_conflictContext, projslot,
                                                       &mtstate->ps, reldesc);
    if (node->onConflictWhere != NIL)
        mtstate->mt_conflictWhere = ExecInitQual(node->onConflictWhere, &mtstate->ps);
    mtstate->mt_conflictFKeys = ExecInitForeignKeys(mtstate->resultRelInfo->ri_RelationDesc,
                                                    CMD_UPDATE);
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
            /* foreign keys: checks and actions at the end, as PostgreSQL's RI triggers */
            if (mtstate->mt_fkeys)
                ExecFKNodeDone(mtstate->ps.state, mtstate->mt_fkeys);
            if (mtstate->mt_conflictFKeys)
                ExecFKNodeDone(mtstate->ps.state, mtstate->mt_conflictFKeys);
            break;
        }
        /* RETURNING may read FROM / USING columns from the child row (setrefs.c) */
        if (mtstate->returningProj)
            mtstate->returningProj->pi_exprContext->ecxt_outertuple = planSlot;
        switch (mtstate->operation)
        {
            case CMD_INSERT:
                if (((ModifyTable *) pstate->plan)->onConflictAction != ONCONFLICT_NONE)
                    result = exec_insert_on_conflict(mtstate, planSlot);
                else
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
    mtstate->mt_fkeys = ExecInitForeignKeys(rel, node->operation);

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
    init_on_conflict(mtstate, node, reldesc);
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
