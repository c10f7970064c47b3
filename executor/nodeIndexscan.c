/*-------------------------------------------------------------------------
 * nodeIndexscan.c
 *    IndexScan: fetch heap tuples in B-tree order through the TIDs the
 *    index returns for its scan keys, then apply the node's qual and
 *    projection as SeqScan does.
 *
 *    ExecInitIndexScan  opens the index, turns each indexqual into a
 *                       ScanKey (strategy from the operator's membership
 *                       in the index column's opfamily, comparison proc
 *                       = the opfamily's support 1 for (opcintype, the
 *                       argument's type), looked up once) and compiles
 *                       the argument expressions
 *    ExecIndexScan      evaluates the arguments once per (re)scan, then
 *                       btgettuple -> heap_fetch (estate's snapshot) ->
 *                       qual -> projection
 *    ExecReScanIndexScan  arguments may have changed (nested loop
 *                       parameters): re-evaluated at the next fetch
 *
 * scan.qual holds every original condition, so the index conditions are
 * rechecked on the heap tuple: the index narrows, the qual decides.  The
 * index returns entries of dead tuples too (no VACUUM); heap_fetch with
 * the snapshot drops them.  The slot's tuple points into the heap page,
 * kept pinned (iss_CurBuffer) until the next fetch.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "catalog/syscache.h"
#include "storage/nbtree.h"

/* Strip binary-compatible relabeling (varchar column, text operator). */
static Node *
strip_relabel(Node *n)
{
    while (n && IsA(n, RelabelType))
        n = (Node *) ((RelabelType *) n)->arg;
    return n;
}

/* The operator's strategy in opfamily (InvalidStrategy 0 if not a member). */
static int16
op_strategy_in_family(Oid opno, Oid opfamily, Oid *lefttype, Oid *righttype)
{
    int         n;
    const void *const *members = SearchSysCacheList(AMOPOPID, ObjectIdGetDatum(opno), &n);

    for (int i = 0; i < n; i++)
    {
        const AmopInfo *a = members[i];

        if (a->amopfamily == opfamily && a->amoppurpose == 's')
        {
            *lefttype = a->amoplefttype;
            *righttype = a->amoprighttype;
            return a->amopstrategy;
        }
    }
    return 0;
}

/* Build scan key i from one indexqual for index column col (1-based). */
static void
init_scan_key(IndexScanState *node, int i, Node *qual, int col)
{
    IndexScan  *plan = (IndexScan *) node->ss.ps.plan;
    RelationIndexData *rd = node->iss_RelationDesc->rd_index;
    ScanKey     key = &node->iss_ScanKeys[i];
    MemoryContext qcxt = node->ss.ps.state->es_query_cxt;
    Oid         opfamily = rd->opfamily[col - 1];
    Oid         procoid;

    memset(key, 0, sizeof(ScanKeyData));
    key->sk_attno = (int16) col;
    key->sk_collation = rd->collation[col - 1];
    key->sk_func = MemoryContextAllocZero(qcxt, sizeof(FmgrInfo));

    if (IsA(qual, NullTest))
    {
        NullTest   *nt = (NullTest *) qual;

        key->sk_flags = SK_ISNULL |
            (nt->nulltesttype == IS_NULL ? SK_SEARCHNULL : SK_SEARCHNOTNULL);
        key->sk_strategy = BTEqualStrategyNumber;
        *key->sk_func = rd->cmpproc[col - 1];
        node->iss_KeyArgs[i] = NULL;
        return;
    }
    if (IsA(qual, OpExpr) && list_length(((OpExpr *) qual)->args) == 2)
    {
        OpExpr     *op = (OpExpr *) qual;
        Node       *left = strip_relabel(linitial(op->args));
        bool        varleft = IsA(left, Var) && ((Var *) left)->varno == plan->scan.scanrelid &&
            ((Var *) left)->varattno == rd->heapattnos[col - 1];
        Oid         lefttype,
                    righttype;
        int16       strategy = op_strategy_in_family(op->opno, opfamily, &lefttype, &righttype);
        Oid         argtype;

        if (strategy == 0)
            elog(ERROR, "operator %u is not a member of opfamily %u", op->opno, opfamily);
        argtype = varleft ? righttype : lefttype;
        if (!varleft)
        {
            /* "expr op key": the key is on the right, so flip the strategy */
            strategy = (int16) (BTGreaterStrategyNumber + 1 - strategy);
        }
        key->sk_strategy = strategy;
        if (OidIsValid(op->inputcollid))
            key->sk_collation = op->inputcollid;
        procoid = get_opfamily_proc(opfamily, rd->opcintype[col - 1], argtype, BTORDER_PROC);
        if (!OidIsValid(procoid))
            elog(ERROR, "missing support function %d(%u,%u) in opfamily %u",
                 BTORDER_PROC, rd->opcintype[col - 1], argtype, opfamily);
        fmgr_info_cxt(procoid, key->sk_func, qcxt);
        node->iss_KeyArgs[i] = ExecInitExpr((Expr *) (varleft ? lsecond(op->args)
                                                      : linitial(op->args)),
                                            &node->ss.ps);
        return;
    }
    elog(ERROR, "unsupported indexqual type: %d", (int) nodeTag(qual));
}

/* Evaluate the key arguments for the coming scan and (re)start it. */
static void
start_scan(IndexScanState *node)
{
    ExprContext *econtext = node->iss_KeyContext;
    MemoryContext old;

    MemoryContextReset(node->iss_KeyMemory);
    old = MemoryContextSwitchTo(node->iss_KeyMemory);
    for (int i = 0; i < node->iss_NumScanKeys; i++)
    {
        ScanKey     key = &node->iss_ScanKeys[i];
        bool        isnull;

        if (node->iss_KeyArgs[i] == NULL)
            continue;
        ResetExprContext(econtext);
        key->sk_argument = ExecEvalExpr(node->iss_KeyArgs[i], econtext, &isnull);
        key->sk_flags = isnull ? SK_ISNULL : 0;
        if (!isnull)
        {
            /* a by-reference result lives in per-tuple memory: keep a copy */
            int16       typlen;
            bool        typbyval;
            char        typalign;

            get_typlenbyvalalign(exprType((Node *) node->iss_KeyArgs[i]->expr),
                                 &typlen, &typbyval, &typalign);
            key->sk_argument = datumCopy(key->sk_argument, typbyval, typlen);
        }
    }
    MemoryContextSwitchTo(old);

    if (node->iss_ScanDesc == NULL)
        node->iss_ScanDesc = btbeginscan(node->iss_RelationDesc, node->iss_NumScanKeys,
                                         node->iss_ScanKeys);
    else
        btrescan(node->iss_ScanDesc, node->iss_ScanKeys);
    node->iss_KeysReady = true;
}

static void
release_current(IndexScanState *node)
{
    ExecClearTuple(node->ss.ss_ScanTupleSlot);
    if (BufferIsValid(node->iss_CurBuffer))
        ReleaseBuffer(node->iss_CurBuffer);
    node->iss_CurBuffer = InvalidBuffer;
}

static TupleTableSlot *
ExecIndexScan(PlanState *pstate)
{
    IndexScanState *node = (IndexScanState *) pstate;
    IndexScan  *plan = (IndexScan *) node->ss.ps.plan;
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    TupleTableSlot *slot = node->ss.ss_ScanTupleSlot;
    EState     *estate = node->ss.ps.state;
    ScanDirection dir = plan->indexorderdir;

    if (estate->es_direction == BackwardScanDirection)
        dir = (dir == BackwardScanDirection) ? ForwardScanDirection : BackwardScanDirection;
    if (!node->iss_KeysReady)
        start_scan(node);

    for (;;)
    {
        ItemPointerData tid;

        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        release_current(node);
        if (!btgettuple(node->iss_ScanDesc, dir, &tid))
            return NULL;
        node->iss_Tuple.t_self = tid;
        if (!heap_fetch(node->ss.ss_currentRelation, estate->es_snapshot,
                        &node->iss_Tuple, &node->iss_CurBuffer))
            continue;
        ExecStoreHeapTuple(&node->iss_Tuple, slot, false);
        econtext->ecxt_scantuple = slot;
        if (!ExecQual(node->ss.ps.qual, econtext))
            continue;
        if (node->ss.ps.ps_ProjInfo == NULL)
            return slot;
        return ExecProject(node->ss.ps.ps_ProjInfo);
    }
}

IndexScanState *
ExecInitIndexScan(IndexScan *node, EState *estate, int eflags)
{
    IndexScanState *iss = makeNode(IndexScanState);
    TupleDesc   reldesc;
    ListCell   *lq,
               *lc;
    int         i = 0;

    iss->ss.ps.plan = (Plan *) node;
    iss->ss.ps.state = estate;
    iss->ss.ps.ExecProcNode = ExecIndexScan;
    ExecAssignExprContext(estate, &iss->ss.ps);
    iss->ss.ss_currentRelation = ExecOpenScanRelation(estate, node->scan.scanrelid);
    reldesc = RelationGetDescr(iss->ss.ss_currentRelation);
    iss->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, reldesc);
    iss->ss.ss_ScanTupleSlot->tts_tableOid = RelationGetRelid(iss->ss.ss_currentRelation);
    ExecInitResultTupleSlotTL(&iss->ss.ps);
    ExecConditionalAssignProjectionInfo(&iss->ss.ps, reldesc, node->scan.scanrelid);
    iss->ss.ps.qual = ExecInitQual(node->scan.plan.qual, &iss->ss.ps);

    /* the lock is kept to the end of the transaction, as the table's */
    iss->iss_RelationDesc = relation_open(node->indexid, AccessShareLock);
    if (iss->iss_RelationDesc->rd_index == NULL)
        elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(iss->iss_RelationDesc));
    if (list_length(node->indexqual) != list_length(node->indexqualcols))
        elog(ERROR, "indexqual and indexqualcols differ in length");
    iss->iss_NumScanKeys = list_length(node->indexqual);
    iss->iss_ScanKeys = palloc0_array(ScanKeyData, Max(iss->iss_NumScanKeys, 1));
    iss->iss_KeyArgs = palloc0_array(ExprState *, Max(iss->iss_NumScanKeys, 1));
    forboth(lq, node->indexqual, lc, node->indexqualcols)
        init_scan_key(iss, i++, lfirst(lq), lfirst_int(lc));
    iss->iss_KeyContext = CreateExprContext(estate);
    iss->iss_KeyMemory = AllocSetContextCreate(estate->es_query_cxt, "IndexScan keys");
    iss->iss_CurBuffer = InvalidBuffer;
    return iss;
}

void
ExecEndIndexScan(IndexScanState *node)
{
    release_current(node);
    if (node->iss_ScanDesc)
        btendscan(node->iss_ScanDesc);
    node->iss_ScanDesc = NULL;
    if (node->iss_RelationDesc)
        relation_close(node->iss_RelationDesc, NoLock);
    node->iss_RelationDesc = NULL;
}

void
ExecReScanIndexScan(IndexScanState *node)
{
    release_current(node);
    /* parameters may have changed: evaluate the arguments again */
    node->iss_KeysReady = false;
}
