/*-------------------------------------------------------------------------
 * funcapi.h
 *    Set-returning functions (SRFs), PostgreSQL's protocol
 *    (src/include/funcapi.h):
 *
 *    Value-per-call: the executor calls the function repeatedly with the
 *    same FmgrInfo; the function keeps its state in a FuncCallContext
 *    (SRF_FIRSTCALL_INIT / SRF_PERCALL_SETUP), returns one value per call
 *    with SRF_RETURN_NEXT and finishes with SRF_RETURN_DONE, which set
 *    rsinfo->isDone.
 *
 *    Materialize: the function fills a tuplestore in one call
 *    (InitMaterializedSRF) and sets rsinfo->returnMode = SFRM_Materialize.
 *
 *    The executor (FunctionScan, ProjectSet) passes a ReturnSetInfo in
 *    fcinfo->resultinfo and accepts either mode.  multi_call_memory_ctx
 *    lives until the function returns done or the scan ends.
 *-------------------------------------------------------------------------
 */
#ifndef FUNCAPI_H
#define FUNCAPI_H

#include "procs/fmgr.h"
#include "storage/tupdesc.h"

struct ExprContext;
struct Tuplestorestate;

typedef enum ExprDoneCond
{
    ExprSingleResult,       /* not a set: one value */
    ExprMultipleResult,     /* this value is one of a set; call again */
    ExprEndResult           /* the set is done; no value this time */
} ExprDoneCond;

typedef enum SetFunctionReturnMode
{
    SFRM_ValuePerCall = 0x01,
    SFRM_Materialize = 0x02,
    SFRM_Materialize_Random = 0x04,
    SFRM_Materialize_Preferred = 0x08
} SetFunctionReturnMode;

typedef struct ReturnSetInfo
{
    NodeTag     type;                   /* T_ReturnSetInfo */
    struct ExprContext *econtext;
    TupleDesc   expectedDesc;           /* for functions returning records */
    int         allowedModes;
    SetFunctionReturnMode returnMode;   /* set by the function */
    ExprDoneCond isDone;                /* set by value-per-call functions */
    struct Tuplestorestate *setResult;  /* set by materialize functions */
    TupleDesc   setDesc;
} ReturnSetInfo;

typedef struct FuncCallContext
{
    uint64      call_cntr;
    uint64      max_calls;
    void       *user_fctx;
    TupleDesc   tuple_desc;
    MemoryContext multi_call_memory_ctx;
} FuncCallContext;

extern FuncCallContext *init_MultiFuncCall(FunctionCallInfo fcinfo);
extern FuncCallContext *per_MultiFuncCall(FunctionCallInfo fcinfo);
extern void end_MultiFuncCall(FunctionCallInfo fcinfo, FuncCallContext *funcctx);

#define SRF_IS_FIRSTCALL() (fcinfo->flinfo->fn_extra == NULL)
#define SRF_FIRSTCALL_INIT() init_MultiFuncCall(fcinfo)
#define SRF_PERCALL_SETUP() per_MultiFuncCall(fcinfo)
#define SRF_RETURN_NEXT(_funcctx, _result) \
    do { \
        ReturnSetInfo *rsi_; \
        (_funcctx)->call_cntr++; \
        rsi_ = (ReturnSetInfo *) fcinfo->resultinfo; \
        rsi_->isDone = ExprMultipleResult; \
        PG_RETURN_DATUM(_result); \
    } while (0)
#define SRF_RETURN_NEXT_NULL(_funcctx) \
    do { \
        ReturnSetInfo *rsi_; \
        (_funcctx)->call_cntr++; \
        rsi_ = (ReturnSetInfo *) fcinfo->resultinfo; \
        rsi_->isDone = ExprMultipleResult; \
        PG_RETURN_NULL(); \
    } while (0)
#define SRF_RETURN_DONE(_funcctx) \
    do { \
        ReturnSetInfo *rsi_; \
        end_MultiFuncCall(fcinfo, _funcctx); \
        rsi_ = (ReturnSetInfo *) fcinfo->resultinfo; \
        rsi_->isDone = ExprEndResult; \
        PG_RETURN_NULL(); \
    } while (0)

/*
 * Materialize mode: create rsinfo->setResult (a tuplestore in the
 * per-query context) and rsinfo->setDesc (from expectedDesc, or a single
 * column of the function's result type).  The function then appends rows
 * with tuplestore_putvalues.
 */
extern void InitMaterializedSRF(FunctionCallInfo fcinfo, TupleDesc desc);
extern void tuplestore_putvalues(struct Tuplestorestate *state, TupleDesc desc,
                                 const Datum *values, const bool *isnull);

/* The OUT/INOUT/TABLE parameters of a function as columns, or NULL (funcapi.c). */
extern TupleDesc build_function_result_tupdesc(Oid funcid);
#endif
