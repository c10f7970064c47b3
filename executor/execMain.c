/*-------------------------------------------------------------------------
 * execMain.c
 *    The executor's top level: ExecutorStart / ExecutorRun /
 *    ExecutorFinish / ExecutorEnd (see executor.h for the protocol).
 *
 *    ExecutorStart builds the EState (its memory context holds everything
 *    the query allocates for its whole run), opens no relations itself
 *    (scan and modify nodes open theirs, under the lock the analyzer
 *    recorded), and initializes the plan-state tree.  ExecutorRun pulls
 *    rows from the top node and hands them to the DestReceiver, at most
 *    `count` rows per call (0 = all), so a portal can be run in pieces.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "executor/execForeignKeys.h"
#include "executor/execnodes.h"
#include "executor/executor.h"
#include "storage/xact.h"

/*
 * Columns of the top node's output that reach the client: target entries
 * marked resjunk (sort keys not in the select list, ctid) are dropped.
 */
typedef struct JunkFilter
{
    int         ncols;
    int16      *srccols;            /* 0-based source positions */
    TupleTableSlot *slot;
} JunkFilter;

QueryDesc *
CreateQueryDesc(PlannedStmt *plannedstmt, const char *sourceText, Snapshot snapshot,
                DestReceiver *dest, ParamListInfo params)
{
    QueryDesc  *qd = palloc0(sizeof(QueryDesc));

    qd->operation = plannedstmt->commandType;
    qd->plannedstmt = plannedstmt;
    qd->sourceText = sourceText;
    qd->snapshot = snapshot;
    qd->dest = dest;
    qd->params = params;
    return qd;
}

void
FreeQueryDesc(QueryDesc *qdesc)
{
    pfree(qdesc);
}

/* The plan's output columns as the client sees them. */
static List *
top_targetlist(PlannedStmt *stmt)
{
    Plan       *plan = stmt->planTree;

    return plan ? plan->targetlist : NIL;
}

static JunkFilter *
build_junk_filter(List *tlist, EState *estate)
{
    ListCell   *lc;
    bool        hasjunk = false;
    JunkFilter *jf;
    int         n = 0;

    foreach(lc, tlist)
        if (((TargetEntry *) lfirst(lc))->resjunk)
            hasjunk = true;
    if (!hasjunk)
        return NULL;
    jf = palloc0(sizeof(JunkFilter));
    jf->srccols = palloc(sizeof(int16) * (Size) Max(list_length(tlist), 1));
    foreach(lc, tlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (!tle->resjunk)
            jf->srccols[n++] = (int16) (tle->resno - 1);
    }
    jf->ncols = n;
    jf->slot = ExecInitExtraTupleSlot(estate, ExecCleanTypeFromTL(tlist));
    return jf;
}

static TupleTableSlot *
apply_junk_filter(JunkFilter *jf, TupleTableSlot *slot)
{
    TupleTableSlot *out = jf->slot;

    slot_getallattrs(slot);
    ExecClearTuple(out);
    for (int i = 0; i < jf->ncols; i++)
    {
        out->tts_values[i] = slot->tts_values[jf->srccols[i]];
        out->tts_isnull[i] = slot->tts_isnull[jf->srccols[i]];
    }
    return ExecStoreVirtualTuple(out);
}

/*
 * PostgreSQL's ExecCheckXactReadOnly: in a read-only transaction a plan
 * may not change a table other than this session's temp tables.
 */
static void
check_xact_read_only(PlannedStmt *stmt)
{
    ListCell   *lc;

    foreach(lc, stmt->resultRelations)
    {
        RangeTblEntry *rte = list_nth(stmt->rtable, lfirst_int(lc) - 1);
        const ClassInfo *cls = lookup_class(rte->relid);

        if (cls != NULL && cls->relpersistence == RELPERSISTENCE_TEMP)
            continue;
        ereport(ERROR,
                errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
                errmsg("cannot execute %s in a read-only transaction",
                       stmt->commandType == CMD_INSERT ? "INSERT" :
                       stmt->commandType == CMD_UPDATE ? "UPDATE" :
                       stmt->commandType == CMD_DELETE ? "DELETE" : "SELECT"));
    }
}

void
ExecutorStart(QueryDesc *queryDesc, int eflags)
{
    PlannedStmt *stmt = queryDesc->plannedstmt;
    EState     *estate;
    MemoryContext old;
    List       *tlist;

    if (XactReadOnly)
        check_xact_read_only(stmt);
    estate = CreateExecutorState();
    old = MemoryContextSwitchTo(estate->es_query_cxt);
    queryDesc->estate = estate;
    estate->es_plannedstmt = stmt;
    estate->es_sourceText = queryDesc->sourceText;
    estate->es_snapshot = queryDesc->snapshot;
    estate->es_range_table = stmt->rtable;
    estate->es_range_table_size = list_length(stmt->rtable);
    estate->es_relations = palloc0(sizeof(Relation) * (Size) Max(estate->es_range_table_size, 1));
    estate->es_param_list_info = queryDesc->params;
    if (stmt->nParamExec > 0)
        estate->es_param_exec_vals = palloc0(sizeof(ParamExecData) * (Size) stmt->nParamExec);
    estate->es_top_eflags = eflags;
    estate->es_output_cid = (stmt->commandType == CMD_SELECT &&
                             stmt->modifyingCtePlanIds == NIL) ?
        GetCurrentCommandId(false) : GetCurrentCommandId(true);

    /* subplans first: expressions in the main tree refer to them */
    {
        ListCell   *lc;

        foreach(lc, stmt->subplans)
            estate->es_subplanstates = lappend(estate->es_subplanstates,
                                               ExecInitNode(lfirst(lc), estate,
                                                            eflags | EXEC_FLAG_REWIND));
    }
    queryDesc->planstate = ExecInitNode(stmt->planTree, estate, eflags);

    tlist = top_targetlist(stmt);
    if (stmt->commandType == CMD_SELECT || stmt->hasReturning)
    {
        queryDesc->tupDesc = ExecCleanTypeFromTL(tlist);
        queryDesc->junkfilter = build_junk_filter(tlist, estate);
    }
    else
        queryDesc->tupDesc = CreateTemplateTupleDesc(0);
    MemoryContextSwitchTo(old);
}

void
ExecutorRun(QueryDesc *queryDesc, ScanDirection direction, uint64 count)
{
    EState     *estate = queryDesc->estate;
    DestReceiver *dest = queryDesc->dest;
    bool        sendTuples = queryDesc->operation == CMD_SELECT ||
        queryDesc->plannedstmt->hasReturning;
    MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
    uint64      current = 0;

    estate->es_direction = direction;
    if (sendTuples)
        dest->rStartup(dest, (int) queryDesc->operation, queryDesc->tupDesc);

    while (!queryDesc->run_done)
    {
        TupleTableSlot *slot;

        CHECK_FOR_INTERRUPTS();
        slot = ExecProcNode(queryDesc->planstate);
        if (TupIsNull(slot))
        {
            queryDesc->run_done = true;
            break;
        }
        if (sendTuples)
        {
            if (queryDesc->junkfilter)
                slot = apply_junk_filter(queryDesc->junkfilter, slot);
            if (!dest->receiveSlot(slot, dest))
            {
                queryDesc->run_done = true;
                break;
            }
        }
        if (queryDesc->operation == CMD_SELECT)
            estate->es_processed++;
        current++;
        if (count != 0 && current >= count)
            break;
    }
    if (sendTuples)
        dest->rShutdown(dest);
    queryDesc->processed = estate->es_processed;
    queryDesc->already_executed = true;
    MemoryContextSwitchTo(old);
}

void
ExecutorFinish(QueryDesc *queryDesc)
{
    /* data-modifying WITH queries no CteScan read run now (nodeCtescan.c) */
    if (queryDesc->estate && queryDesc->plannedstmt->modifyingCtePlanIds != NIL)
        ExecFinishModifyingCtes(queryDesc->estate);
    /* foreign keys of data-modifying WITH statements (execForeignKeys.c) */
    if (queryDesc->estate && queryDesc->estate->es_fkstates != NIL)
        ExecFKEndQuery(queryDesc->estate);
    /* AFTER triggers will fire here */
}

void
ExecutorEnd(QueryDesc *queryDesc)
{
    EState     *estate = queryDesc->estate;
    MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);

    ExecEndNode(queryDesc->planstate);
    {
        ListCell   *lc;

        foreach(lc, estate->es_subplanstates)
            ExecEndNode(lfirst(lc));
    }
    /* locks stay until end of transaction, as in PostgreSQL */
    for (int i = 0; i < estate->es_range_table_size; i++)
        if (estate->es_relations[i])
            relation_close(estate->es_relations[i], NoLock);
    MemoryContextSwitchTo(old);
    FreeExecutorState(estate);
    queryDesc->estate = NULL;
    queryDesc->planstate = NULL;
}
