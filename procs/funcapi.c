/*-------------------------------------------------------------------------
 * funcapi.c
 *    Support for set-returning functions (see funcapi.h): the
 *    FuncCallContext kept across value-per-call invocations, and the
 *    materialize-mode set-up.
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
#include "procs/funcapi.h"

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
