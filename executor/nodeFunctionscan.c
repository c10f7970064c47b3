/*-------------------------------------------------------------------------
 * nodeFunctionscan.c
 *    Functions in FROM: f(...), ROWS FROM (f(...), g(...)), WITH
 *    ORDINALITY, functions returning rows (a composite type, or RECORD
 *    with OUT parameters or a column definition list).
 *
 *    As in PostgreSQL, the functions' whole result is first collected into
 *    a tuplestore (which spills past work_mem), so rescans are cheap and
 *    each function runs to completion once per scan; the arguments are
 *    re-evaluated when a rescan is due to a changed parameter (LATERAL).
 *
 *    Scan tuple: each function's columns in turn (rte->funccolcounts says
 *    how many each has), then the ordinality (int8) column if requested.
 *    A function returning a row contributes its fields: a materialized
 *    result's columns are taken as they are; a record value (a plain
 *    function such as json_populate_record) is taken apart.  With several
 *    functions, each one's rows go to a tuplestore of its own first; the
 *    rows are then zipped, shorter results padded with NULLs.  Each
 *    function's columns are its ReturnSetInfo's expectedDesc, which is how
 *    json_to_record sees the column definition list.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "executor/execSRF.h"
#include "executor/executor.h"
#include "procs/rowtypes.h"

typedef struct FunctionScanPerFunc
{
    SetExprState *setexpr;
    int         colstart;       /* its first scan column (0-based) */
    int         ncols;
    bool        returns_row;    /* composite or RECORD result */
    TupleDesc   desc;           /* its columns */
    TupleTableSlot *slot;       /* one row of its columns */
    Tuplestorestate *tstore;    /* its rows (several functions only) */
    TupleDesc   recdesc;        /* descriptor of the last record value taken apart */
} FunctionScanPerFunc;

/* Spread a record value over the function's columns. */
static void
store_record_value(FunctionScanState *node, FunctionScanPerFunc *f, Datum d, bool isnull)
{
    TupleTableSlot *slot = f->slot;

    ExecClearTuple(slot);
    if (isnull)
    {
        for (int i = 0; i < f->ncols; i++)
            slot->tts_isnull[i] = true;
    }
    else
    {
        if (!record_tupdesc_matches(d, f->recdesc))
        {
            MemoryContext old = MemoryContextSwitchTo(node->ss.ps.state->es_query_cxt);

            f->recdesc = record_tupdesc(d);
            MemoryContextSwitchTo(old);
        }
        if (f->recdesc->natts != f->ncols)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("function return row and query-specified return row do not match"),
                    errdetail("Returned row contains %d attributes, but query expects %d.",
                              f->recdesc->natts, f->ncols));
        record_deform(d, f->recdesc, slot->tts_values, slot->tts_isnull);
    }
    ExecStoreVirtualTuple(slot);
}

/* Run one function to completion, appending its rows to store. */
static void
run_function(FunctionScanState *node, FunctionScanPerFunc *f, Tuplestorestate *store)
{
    ExprContext *econtext = node->ss.ps.ps_ExprContext;
    SetExprState *se = f->setexpr;

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
        if (se->setResult != NULL && se->setSlot->tts_tupleDescriptor->natts == f->ncols)
        {
            /* a materialized result: whole rows */
            tuplestore_puttupleslot(store, se->setSlot);
            continue;
        }
        if (f->returns_row)
            store_record_value(node, f, d, isnull);
        else
        {
            ExecClearTuple(f->slot);
            f->slot->tts_values[0] = d;
            f->slot->tts_isnull[0] = isnull;
            ExecStoreVirtualTuple(f->slot);
        }
        tuplestore_puttupleslot(store, f->slot);
    }
}

static void
fill_tuplestore(FunctionScanState *node)
{
    MemoryContext old = MemoryContextSwitchTo(node->ss.ps.state->es_query_cxt);

    node->tstore = tuplestore_begin(work_mem);
    MemoryContextSwitchTo(old);
    if (node->nfuncs == 1)
        run_function(node, &node->funcs[0], node->tstore);
    else
    {
        TupleTableSlot *row = node->funcslot;

        for (int i = 0; i < node->nfuncs; i++)
        {
            FunctionScanPerFunc *f = &node->funcs[i];

            if (f->tstore)
                tuplestore_end(f->tstore);
            old = MemoryContextSwitchTo(node->ss.ps.state->es_query_cxt);
            f->tstore = tuplestore_begin(work_mem);
            MemoryContextSwitchTo(old);
            run_function(node, f, f->tstore);
            tuplestore_rescan(f->tstore);
        }
        /* zip: row k holds row k of every function, NULLs where one has ended */
        for (;;)
        {
            bool        any = false;

            CHECK_FOR_INTERRUPTS();
            ExecClearTuple(row);
            for (int i = 0; i < node->nfuncs; i++)
            {
                FunctionScanPerFunc *f = &node->funcs[i];
                bool        have = tuplestore_gettupleslot(f->tstore, f->slot);

                if (have)
                    slot_getallattrs(f->slot);
                for (int c = 0; c < f->ncols; c++)
                {
                    row->tts_values[f->colstart + c] = have ? f->slot->tts_values[c] : (Datum) 0;
                    row->tts_isnull[f->colstart + c] = have ? f->slot->tts_isnull[c] : true;
                }
                any |= have;
            }
            if (!any)
                break;
            ExecStoreVirtualTuple(row);
            tuplestore_puttupleslot(node->tstore, row);
        }
        for (int i = 0; i < node->nfuncs; i++)
        {
            tuplestore_end(node->funcs[i].tstore);
            node->funcs[i].tstore = NULL;
        }
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

/* A descriptor of columns [start, start + n) of desc. */
static TupleDesc
desc_slice(TupleDesc desc, int start, int n)
{
    TupleDesc   d = CreateTemplateTupleDesc(n);

    for (int i = 0; i < n; i++)
    {
        d->attrs[i] = desc->attrs[start + i];
        d->attrs[i].attnum = (int16) (i + 1);
    }
    return d;
}

FunctionScanState *
ExecInitFunctionScan(FunctionScan *node, EState *estate, int eflags)
{
    FunctionScanState *fs = makeNode(FunctionScanState);
    RangeTblEntry *rte = list_nth(estate->es_range_table, node->scan.scanrelid - 1);
    TupleDesc   scandesc,
                funcdesc;
    int         ncols;
    int         nfunccols;
    int         colstart = 0;
    ListCell   *lc;

    fs->ss.ps.plan = (Plan *) node;
    fs->ss.ps.state = estate;
    fs->ss.ps.ExecProcNode = ExecFunctionScan;
    fs->ordinality = node->funcordinality;
    ExecAssignExprContext(estate, &fs->ss.ps);

    /* scan columns from the range table entry */
    ncols = list_length(rte->coltypes);
    scandesc = CreateTemplateTupleDesc(ncols);
    {
        ListCell   *lt,
                   *lm;
        int         attno = 1;

        forboth(lt, rte->coltypes, lm, rte->coltypmods)
        {
            char       *name = (rte->eref && attno <= list_length(rte->eref->colnames)) ?
                list_nth(rte->eref->colnames, attno - 1) : psprintf("column%d", attno);

            TupleDescInitEntry(scandesc, attno, name, lfirst_oid(lt), lfirst_int(lm), 0);
            attno++;
        }
    }
    /* the functions' own columns: all but the ordinality column */
    nfunccols = ncols - (fs->ordinality ? 1 : 0);
    funcdesc = desc_slice(scandesc, 0, nfunccols);
    fs->funcslot = ExecInitExtraTupleSlot(estate, funcdesc);
    fs->ss.ss_ScanTupleSlot = ExecInitExtraTupleSlot(estate, scandesc);

    fs->nfuncs = list_length(node->functions);
    fs->funcs = palloc0(sizeof(FunctionScanPerFunc) * (Size) Max(fs->nfuncs, 1));
    foreach(lc, node->functions)
    {
        int         i = foreach_current_index(lc);
        FunctionScanPerFunc *f = &fs->funcs[i];
        FuncExpr   *func = lfirst(lc);

        if (!IsA(func, FuncExpr))
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("only function calls are supported in FROM")));
        f->ncols = rte->funccolcounts != NIL ? list_nth_int(rte->funccolcounts, i) : nfunccols;
        f->colstart = colstart;
        colstart += f->ncols;
        if (colstart > nfunccols)
            elog(ERROR, "function scan columns do not match the range table entry");
        f->returns_row = func->funcresulttype == RECORDOID ||
            get_typtype(func->funcresulttype) == 'c';
        f->desc = desc_slice(scandesc, f->colstart, f->ncols);
        f->slot = fs->nfuncs == 1 ? fs->funcslot : ExecInitExtraTupleSlot(estate, f->desc);
        f->setexpr = ExecInitSetExpr(func, fs->ss.ps.ps_ExprContext, &fs->ss.ps);
        f->setexpr->rows_as_records = false;
        f->setexpr->rsinfo.expectedDesc = f->desc;
    }

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
    for (int i = 0; i < node->nfuncs; i++)
    {
        if (node->funcs[i].tstore)
            tuplestore_end(node->funcs[i].tstore);
        node->funcs[i].tstore = NULL;
    }
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
