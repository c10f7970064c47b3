/*-------------------------------------------------------------------------
 * nodeFunctionscan.c
 *    A function in FROM (SELECT * FROM generate_series(1, 3) WITH
 *    ORDINALITY).  As in PostgreSQL, the function's whole result is first
 *    collected into a tuplestore (which spills past work_mem), so rescans
 *    are cheap and the function runs to completion once per scan; its
 *    arguments are re-evaluated when a rescan is due to a changed
 *    parameter (LATERAL).
 *
 *    Scan tuple: the function's columns, then the ordinality (int8) column
 *    if requested.  One function per scan for now (ROWS FROM with several
 *    functions is pending).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execSRF.h"
#include "catalog/pg_type_oids.h"
#include "executor/executor.h"

static void
fill_tuplestore(FunctionScanState *node)
{
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    SetExprState *se = node->setexpr;
    TupleDesc   desc = node->funcslot->tts_tupleDescriptor;
    MemoryContext old = MemoryContextSwitchTo(node->ss.ps.state->es_query_cxt);

    node->tstore = tuplestore_begin(work_mem);
    MemoryContextSwitchTo(old);
    ExecSetExprStart(se, econtext);
    for (;;)
    {
        bool        isnull;
        ExprDoneCond done;
        Datum       d;

        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        d = ExecSetExprNext(se, econtext, &isnull, &done);
        if (done == ExprEndResult)
            break;
        if (se->setResult != NULL && desc->natts > 1)
        {
            /* multi-column materialized result: copy whole rows */
            tuplestore_puttupleslot(node->tstore, se->setSlot);
            continue;
        }
        ExecClearTuple(node->funcslot);
        node->funcslot->tts_values[0] = d;
        node->funcslot->tts_isnull[0] = isnull;
        ExecStoreVirtualTuple(node->funcslot);
        tuplestore_puttupleslot(node->tstore, node->funcslot);
    }
    node->filled = true;
    node->ordinal = 0;
    tuplestore_rescan(node->tstore);
}

static TupleTableSlot *
ExecFunctionScan(PlanState *pstate)
{
    FunctionScanState *node = (FunctionScanState *) pstate;
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    TupleTableSlot *scanslot = node->ss.ss_ScanTupleSlot;

    if (!node->filled)
        fill_tuplestore(node);
    for (;;)
    {
        ResetExprContext(econtext);
        if (!tuplestore_gettupleslot(node->tstore, node->funcslot))
            return NULL;
        if (node->ordinality)
        {
            int         n = node->funcslot->tts_tupleDescriptor->natts;

            slot_getallattrs(node->funcslot);
            ExecClearTuple(scanslot);
            memcpy(scanslot->tts_values, node->funcslot->tts_values, sizeof(Datum) * (Size) n);
            memcpy(scanslot->tts_isnull, node->funcslot->tts_isnull, sizeof(bool) * (Size) n);
            scanslot->tts_values[n] = Int64GetDatum(++node->ordinal);
            scanslot->tts_isnull[n] = false;
            ExecStoreVirtualTuple(scanslot);
        }
        else
            scanslot = node->funcslot;
        econtext->ecxt_scantuple = scanslot;
        if (!ExecQual(node->ss.ps.qual, econtext))
            continue;
        if (node->ss.ps.ps_ProjInfo == NULL)
            return scanslot;
        return ExecProject(node->ss.ps.ps_ProjInfo);
    }
}

FunctionScanState *
ExecInitFunctionScan(FunctionScan *node, EState *estate, int eflags)
{
    FunctionScanState *fs = makeNode(FunctionScanState);
    RangeTblEntry *rte = list_nth(estate->es_range_table, node->scan.scanrelid - 1);
    FuncExpr   *func;
    TupleDesc   scandesc, funcdesc;
    int         ncols;

    if (list_length(node->functions) != 1)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("ROWS FROM with more than one function is not supported yet")));
    func = linitial(node->functions);
    if (!IsA(func, FuncExpr))
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("only function calls are supported in FROM")));

    fs->ss.ps.plan = (Plan *) node;
    fs->ss.ps.state = estate;
    fs->ss.ps.ExecProcNode = ExecFunctionScan;
    fs->ordinality = node->funcordinality;
    ExecAssignExprContext(estate, &fs->ss.ps);

    /* scan columns from the range table entry */
    ncols = list_length(rte->coltypes);
    if (ncols == 0)
        ncols = 1 + (fs->ordinality ? 1 : 0);
    scandesc = CreateTemplateTupleDesc(ncols);
    if (rte->coltypes != NIL)
    {
        ListCell   *lt, *lm;
        int         attno = 1;

        forboth(lt, rte->coltypes, lm, rte->coltypmods)
        {
            char       *name = (rte->eref && attno <= list_length(rte->eref->colnames)) ?
                list_nth(rte->eref->colnames, attno - 1) : psprintf("column%d", attno);

            TupleDescInitEntry(scandesc, attno, name, lfirst_oid(lt), lfirst_int(lm), 0);
            attno++;
        }
    }
    else
    {
        TupleDescInitEntry(scandesc, 1, "f", func->funcresulttype, -1, 0);
        if (fs->ordinality)
            TupleDescInitEntry(scandesc, 2, "ordinality", INT8OID, -1, 0);
    }
    /* the function's own columns: all but the ordinality column */
    funcdesc = CreateTemplateTupleDesc(ncols - (fs->ordinality ? 1 : 0));
    for (int i = 0; i < funcdesc->natts; i++)
        funcdesc->attrs[i] = scandesc->attrs[i];
    fs->funcslot = ExecInitExtraTupleSlot(estate, funcdesc);
    fs->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, scandesc);
    fs->setexpr = ExecInitSetExpr(func, fs->ss.ps.ps_ExprContext, &fs->ss.ps);

    ExecInitResultTupleSlotTL(&fs->ss.ps);
    ExecConditionalAssignProjectionInfo(&fs->ss.ps, scandesc, node->scan.scanrelid);
    fs->ss.ps.qual = ExecInitQual(node->scan.plan.qual, &fs->ss.ps);
    return fs;
}

void
ExecEndFunctionScan(FunctionScanState *node)
{
    if (node->tstore)
        tuplestore_end(node->tstore);
    node->tstore = NULL;
}

void
ExecReScanFunctionScan(FunctionScanState *node)
{
    if (node->ss.ps.chgParam || !node->filled)
    {
        if (node->tstore)
            tuplestore_end(node->tstore);
        node->tstore = NULL;
        node->filled = false;
        return;
    }
    node->ordinal = 0;
    tuplestore_rescan(node->tstore);
}
