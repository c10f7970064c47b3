/*-------------------------------------------------------------------------
 * funcapi.c
 *    Support for set-returning functions (see funcapi.h): the
 *    FuncCallContext kept across value-per-call invocations, and the
 *    materialize-mode set-up, and the result columns of functions with
 *    OUT parameters (build_function_result_tupdesc).
 *
 *    The FuncCallContext and its multi_call_memory_ctx hang off
 *    flinfo->fn_extra; both live in a child of the FmgrInfo's fn_mcxt (the
 *    executor's per-query context) and are deleted when the function says
 *    it is done, so a scan that rescans starts clean.  If the scan stops
 *    early, they die with the query context.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "executor/execnodes.h"
#include "executor/tuplestore.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "procs/adt.h"
#include "procs/array.h"
#include "procs/funcapi.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"

FuncCallContext *
init_MultiFuncCall(FunctionCallInfo fcinfo)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    MemoryContext parent;
    MemoryContext multi;
    FuncCallContext *funcctx;

    if (rsi == NULL || !IsA(rsi, ReturnSetInfo))
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("set-valued function called in context that cannot accept a set")));
    if (fcinfo->flinfo->fn_extra != NULL)
        elog(ERROR, "init_MultiFuncCall cannot be called more than once");
    parent = fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt : CurrentMemoryContext;
    multi = AllocSetContextCreate(parent, "SRF multi-call context");
    funcctx = MemoryContextAllocZero(multi, sizeof(FuncCallContext));
    funcctx->multi_call_memory_ctx = multi;
    fcinfo->flinfo->fn_extra = funcctx;
    return funcctx;
}

FuncCallContext *
per_MultiFuncCall(FunctionCallInfo fcinfo)
{
    return (FuncCallContext *) fcinfo->flinfo->fn_extra;
}

void
end_MultiFuncCall(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
    fcinfo->flinfo->fn_extra = NULL;
    MemoryContextDelete(funcctx->multi_call_memory_ctx);
}

void
InitMaterializedSRF(FunctionCallInfo fcinfo, TupleDesc desc)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    MemoryContext old;

    if (rsi == NULL || !IsA(rsi, ReturnSetInfo) || !(rsi->allowedModes & SFRM_Materialize))
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("materialize mode required, but it is not allowed in this context")));
    old = MemoryContextSwitchTo(rsi->econtext ? rsi->econtext->ecxt_per_query_memory :
                                CurrentMemoryContext);
    rsi->setDesc = desc ? CreateTupleDescCopy(desc) : CreateTupleDescCopy(rsi->expectedDesc);
    rsi->setResult = tuplestore_begin(work_mem);
    rsi->returnMode = SFRM_Materialize;
    MemoryContextSwitchTo(old);
}

void
tuplestore_putvalues(Tuplestorestate *state, TupleDesc desc, const Datum *values,
                     const bool *isnull)
{
    HeapTuple   tuple = heap_form_tuple(desc, values, isnull);

    tuplestore_puttuple(state, tuple);
    heap_freetuple(tuple);
}

/*
 * build_function_result_tupdesc
 *    The result columns of a function with OUT, INOUT or TABLE parameters
 *    (pg_proc.proallargtypes / proargmodes / proargnames), or NULL if it
 *    has none.  An unnamed output parameter is "columnN" (N counting the
 *    output parameters), as in PostgreSQL.
 *
 * The catalog cache keeps only the input signature, so this reads the
 * pg_proc row itself; it is called at analysis time for functions that
 * return RECORD, never per row.
 */
static TupleDesc scan_function_result_tupdesc(Oid funcid);

/*
 * Answers are cached per backend, direct-mapped by function OID
 * (FUNC_RESULT_CACHE_SIZE entries, in CacheMemoryContext): every scalar
 * function in FROM asks (a single OUT parameter names the column).  The
 * cache is never invalidated because pg_proc rows only come from
 * bootstrap (there is no CREATE/ALTER FUNCTION yet); whoever adds those
 * must flush it.
 */
#define FUNC_RESULT_CACHE_SIZE 128

static struct
{
    Oid         funcid;
    TupleDesc   desc;           /* NULL: no OUT parameters */
}           func_result_cache[FUNC_RESULT_CACHE_SIZE];

TupleDesc
build_function_result_tupdesc(Oid funcid)
{
    int         slot = (int) (funcid % FUNC_RESULT_CACHE_SIZE);
    TupleDesc   desc;
    MemoryContext old;

    if (func_result_cache[slot].funcid != funcid || !OidIsValid(funcid))
    {
        desc = scan_function_result_tupdesc(funcid);
        if (func_result_cache[slot].desc)
            pfree(func_result_cache[slot].desc);
        old = MemoryContextSwitchTo(CacheMemoryContext);
        func_result_cache[slot].desc = desc ? CreateTupleDescCopy(desc) : NULL;
        MemoryContextSwitchTo(old);
        func_result_cache[slot].funcid = funcid;
    }
    desc = func_result_cache[slot].desc;
    return desc ? CreateTupleDescCopy(desc) : NULL;
}

static TupleDesc
scan_function_result_tupdesc(Oid funcid)
{
    Relation    rel = table_open(ProcedureRelationId, AccessShareLock);
    TupleDesc   rdesc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    TupleDesc   result = NULL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;
        Datum      *types,
                   *modes,
                   *names = NULL;
        bool       *tnulls,
                   *mnulls,
                   *nnulls = NULL;
        int         ntypes,
                    nmodes,
                    nnames = 0;
        int         nout = 0;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_proc_oid, rdesc, &isnull)) != funcid)
            continue;
        d = heap_getattr(tup, Anum_pg_proc_proallargtypes, rdesc, &isnull);
        if (isnull)
            break;
        deconstruct_array(DatumGetArrayTypeP(d), OIDOID, 4, true, 'i', &types, &tnulls, &ntypes);
        d = heap_getattr(tup, Anum_pg_proc_proargmodes, rdesc, &isnull);
        if (isnull)
            break;
        deconstruct_array(DatumGetArrayTypeP(d), CHAROID, 1, true, 'c', &modes, &mnulls, &nmodes);
        d = heap_getattr(tup, Anum_pg_proc_proargnames, rdesc, &isnull);
        if (!isnull)
            deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, 'i', &names, &nnulls,
                              &nnames);
        if (nmodes != ntypes)
            break;
        for (int i = 0; i < nmodes; i++)
        {
            char        m = DatumGetChar(modes[i]);

            if (m == 'o' || m == 'b' || m == 't')
                nout++;
        }
        if (nout == 0)
            break;
        result = CreateTemplateTupleDesc(nout);
        nout = 0;
        for (int i = 0; i < nmodes; i++)
        {
            char        m = DatumGetChar(modes[i]);
            char       *name = NULL;

            if (m != 'o' && m != 'b' && m != 't')
                continue;
            nout++;
            if (i < nnames && !nnulls[i])
                name = text_to_cstring(DatumGetTextP(names[i]));
            if (name == NULL || name[0] == '\0')
                name = psprintf("column%d", nout);
            TupleDescInitEntry(result, nout, name, DatumGetObjectId(types[i]), -1, 0);
        }
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}
