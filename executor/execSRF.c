/*-------------------------------------------------------------------------
 * execSRF.c
 *    Run a set-returning function one value at a time, whichever protocol
 *    it uses: value-per-call functions are called again for each value;
 *    a function that answers in materialize mode has its tuplestore read
 *    one row at a time.  Non-set functions give exactly one value.  A
 *    function returning rows (composite or RECORD) that materializes
 *    gives each row as a record value (procs/rowtypes.c) unless the
 *    caller reads the rows' columns itself (FunctionScan).
 *
 *    A strict function called with a NULL argument returns the empty set,
 *    as in PostgreSQL.  Arguments are evaluated once per set, in the
 *    per-tuple context of the caller's ExprContext.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "executor/execSRF.h"
#include "procs/rowtypes.h"

SetExprState *
ExecInitSetExpr(FuncExpr *func, ExprContext *econtext, PlanState *parent)
{
    SetExprState *state = palloc0(sizeof(SetExprState));
    int         nargs = list_length(func->args);
    ListCell   *lc;

    state->func = func;
    fmgr_info(func->funcid, &state->finfo);
    state->finfo.fn_expr = (Node *) func;
    state->finfo.fn_mcxt = econtext->ecxt_per_query_memory;
    state->fcinfo = palloc0(SizeForFunctionCallInfo(nargs));
    InitFunctionCallInfoData(*state->fcinfo, &state->finfo, nargs, func->inputcollid,
                             NULL, (Node *) &state->rsinfo);
    foreach(lc, func->args)
        state->args = lappend(state->args, ExecInitExpr(lfirst(lc), parent));
    state->rsinfo.type = T_ReturnSetInfo;
    state->rsinfo.econtext = econtext;
    state->rsinfo.allowedModes = SFRM_ValuePerCall | SFRM_Materialize;
    state->argcontext = AllocSetContextCreate(econtext->ecxt_per_query_memory, "SRF arguments");
    state->rows_as_records = func->funcresulttype == RECORDOID ||
        get_typtype(func->funcresulttype) == 'c';
    return state;
}

void
ExecSetExprStart(SetExprState *state, ExprContext *econtext)
{
    ListCell   *lc;
    int         i = 0;

    /* a previous set stopped early: drop its per-call state */
    if (state->finfo.fn_extra != NULL)
    {
        FuncCallContext *funcctx = state->finfo.fn_extra;

        state->finfo.fn_extra = NULL;
        MemoryContextDelete(funcctx->multi_call_memory_ctx);
    }
    if (state->setResult)
    {
        tuplestore_end(state->setResult);
        state->setResult = NULL;
    }
    state->argsnull = false;
    /* the arguments must outlive the caller's per-row resets until the set ends */
    MemoryContextReset(state->argcontext);
    foreach(lc, state->args)
    {
        FunctionCallInfo fcinfo = state->fcinfo;
        MemoryContext old = MemoryContextSwitchTo(state->argcontext);

        fcinfo->args[i].value = ExecEvalExpr(lfirst(lc), econtext, &fcinfo->args[i].isnull);
        MemoryContextSwitchTo(old);
        if (fcinfo->args[i].isnull && state->finfo.fn_strict)
            state->argsnull = true;
        i++;
    }
    state->started = false;
    state->done = false;
}

Datum
ExecSetExprNext(SetExprState *state, ExprContext *econtext, bool *isNull, ExprDoneCond *isDone)
{
    FunctionCallInfo fcinfo = state->fcinfo;
    Datum       result;
    MemoryContext old;

    *isNull = true;
    if (state->done || state->argsnull)
    {
        *isDone = ExprEndResult;
        return (Datum) 0;
    }
    if (state->setResult)
    {
        if (!tuplestore_gettupleslot(state->setResult, state->setSlot))
        {
            state->done = true;
            *isDone = ExprEndResult;
            return (Datum) 0;
        }
        *isDone = ExprMultipleResult;
        if (state->rows_as_records)
        {
            /* the row as one record value, named by the function's columns */
            TupleDesc   desc = state->setSlot->tts_tupleDescriptor;

            slot_getallattrs(state->setSlot);
            desc->tdtypeid = state->func->funcresulttype;
            *isNull = false;
            return make_record_datum(desc, state->setSlot->tts_values,
                                     state->setSlot->tts_isnull);
        }
        return slot_getattr(state->setSlot, 1, isNull);
    }

    state->rsinfo.isDone = ExprSingleResult;
    state->rsinfo.returnMode = SFRM_ValuePerCall;
    state->rsinfo.setResult = NULL;
    state->rsinfo.setDesc = NULL;
    fcinfo->isnull = false;
    old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
    result = state->finfo.fn_addr(fcinfo);
    MemoryContextSwitchTo(old);

    if (state->rsinfo.returnMode == SFRM_Materialize)
    {
        state->setResult = state->rsinfo.setResult;
        if (state->setResult == NULL)
        {
            state->done = true;
            *isDone = ExprEndResult;
            return (Datum) 0;
        }
        old = MemoryContextSwitchTo(econtext->ecxt_per_query_memory);
        state->setSlot = MakeSingleTupleTableSlot(state->rsinfo.setDesc);
        MemoryContextSwitchTo(old);
        tuplestore_rescan(state->setResult);
        return ExecSetExprNext(state, econtext, isNull, isDone);
    }
    if (!state->finfo.fn_retset || state->rsinfo.isDone == ExprSingleResult)
    {
        /* a plain function: one value, then done */
        state->done = true;
        *isDone = ExprMultipleResult;
        *isNull = fcinfo->isnull;
        return result;
    }
    if (state->rsinfo.isDone == ExprEndResult)
    {
        state->done = true;
        *isDone = ExprEndResult;
        return (Datum) 0;
    }
    *isDone = ExprMultipleResult;
    *isNull = fcinfo->isnull;
    return result;
}
