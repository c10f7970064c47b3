/*-------------------------------------------------------------------------
 * fmgr.h
 *    The function manager: how every built-in function, operator, type
 *    I/O routine and aggregate transition function is called.
 *
 * A built-in is a C function `Datum name(PG_FUNCTION_ARGS)` whose name is
 * PostgreSQL's prosrc for that pg_proc row (int4pl, numeric_in, textout,
 * ...).  The build scans the sources for such definitions and generates the
 * table fmgr_builtins[] (scripts/gen-fmgrtab.sh), so adding a built-in is
 * writing the function: no registration list to edit.  The bootstrap
 * catalog keeps exactly the pg_proc rows whose prosrc is in that table.
 *
 * Calling convention is PostgreSQL's: arguments and the isnull result flag
 * travel in a FunctionCallInfo; strict functions are never called with a
 * NULL argument (the caller checks, using flinfo->fn_strict).
 *-------------------------------------------------------------------------
 */
#ifndef FMGR_H
#define FMGR_H

#include "backend/utils/nodes.h"

struct StringInfoData;

typedef struct FunctionCallInfoBaseData *FunctionCallInfo;
typedef Datum (*PGFunction)(FunctionCallInfo fcinfo);

typedef struct FmgrInfo
{
    PGFunction  fn_addr;
    Oid         fn_oid;
    short       fn_nargs;       /* -1 if variadic "any" */
    bool        fn_strict;
    bool        fn_retset;
    void       *fn_extra;       /* per-call-site cache owned by the function */
    MemoryContext fn_mcxt;      /* where fn_extra lives */
    Node       *fn_expr;        /* the calling expression, for arg types */
} FmgrInfo;

typedef struct NullableDatum
{
    Datum   value;
    bool    isnull;
} NullableDatum;

typedef struct FunctionCallInfoBaseData
{
    FmgrInfo   *flinfo;
    Node       *context;        /* AggState, WindowAggState, TriggerData ... */
    Node       *resultinfo;     /* ReturnSetInfo for set-returning functions */
    Oid         fncollation;
    bool        isnull;         /* function sets true to return NULL */
    short       nargs;
    NullableDatum args[];
} FunctionCallInfoBaseData;

#define SizeForFunctionCallInfo(nargs) \
    (offsetof(FunctionCallInfoBaseData, args) + sizeof(NullableDatum) * (nargs))
#define LOCAL_FCINFO(name, nargs) \
    union { FunctionCallInfoBaseData fcinfo; \
            char fcinfo_data[SizeForFunctionCallInfo(nargs)]; } name##data; \
    FunctionCallInfo name = &name##data.fcinfo
#define InitFunctionCallInfoData(Fcinfo, Flinfo, Nargs, Collation, Context, Resultinfo) \
    do { (Fcinfo).flinfo = (Flinfo); (Fcinfo).context = (Context); \
         (Fcinfo).resultinfo = (Resultinfo); (Fcinfo).fncollation = (Collation); \
         (Fcinfo).isnull = false; (Fcinfo).nargs = (Nargs); } while (0)

#define PG_FUNCTION_ARGS FunctionCallInfo fcinfo
#define PG_NARGS()          (fcinfo->nargs)
#define PG_ARGISNULL(n)     (fcinfo->args[n].isnull)
#define PG_GETARG_DATUM(n)  (fcinfo->args[n].value)
#define PG_GETARG_INT16(n)  DatumGetInt16(PG_GETARG_DATUM(n))
#define PG_GETARG_INT32(n)  DatumGetInt32(PG_GETARG_DATUM(n))
#define PG_GETARG_UINT32(n) DatumGetUInt32(PG_GETARG_DATUM(n))
#define PG_GETARG_INT64(n)  DatumGetInt64(PG_GETARG_DATUM(n))
#define PG_GETARG_OID(n)    DatumGetObjectId(PG_GETARG_DATUM(n))
#define PG_GETARG_BOOL(n)   DatumGetBool(PG_GETARG_DATUM(n))
#define PG_GETARG_CHAR(n)   DatumGetChar(PG_GETARG_DATUM(n))
#define PG_GETARG_FLOAT4(n) DatumGetFloat4(PG_GETARG_DATUM(n))
#define PG_GETARG_FLOAT8(n) DatumGetFloat8(PG_GETARG_DATUM(n))
#define PG_GETARG_POINTER(n) DatumGetPointer(PG_GETARG_DATUM(n))
#define PG_GETARG_CSTRING(n) DatumGetCString(PG_GETARG_DATUM(n))
#define PG_GETARG_NAME(n)   ((Name) DatumGetPointer(PG_GETARG_DATUM(n)))
#define PG_GETARG_VARLENA_P(n) ((varlena *) DatumGetPointer(PG_GETARG_DATUM(n)))
#define PG_GETARG_TEXT_PP(n)  ((text *) DatumGetPointer(PG_GETARG_DATUM(n)))
#define PG_GETARG_TEXT_P(n)   PG_GETARG_TEXT_PP(n)
#define PG_GETARG_BYTEA_PP(n) ((bytea *) DatumGetPointer(PG_GETARG_DATUM(n)))
#define PG_GETARG_BPCHAR_PP(n) ((BpChar *) DatumGetPointer(PG_GETARG_DATUM(n)))
#define PG_GETARG_VARCHAR_PP(n) ((VarChar *) DatumGetPointer(PG_GETARG_DATUM(n)))

#define PG_RETURN_NULL()       do { fcinfo->isnull = true; return (Datum) 0; } while (0)
#define PG_RETURN_VOID()       return (Datum) 0
#define PG_RETURN_DATUM(x)     return (x)
#define PG_RETURN_INT16(x)     return Int16GetDatum(x)
#define PG_RETURN_INT32(x)     return Int32GetDatum(x)
#define PG_RETURN_UINT32(x)    return UInt32GetDatum(x)
#define PG_RETURN_INT64(x)     return Int64GetDatum(x)
#define PG_RETURN_OID(x)       return ObjectIdGetDatum(x)
#define PG_RETURN_BOOL(x)      return BoolGetDatum(x)
#define PG_RETURN_CHAR(x)      return CharGetDatum(x)
#define PG_RETURN_FLOAT4(x)    return Float4GetDatum(x)
#define PG_RETURN_FLOAT8(x)    return Float8GetDatum(x)
#define PG_RETURN_POINTER(x)   return PointerGetDatum(x)
#define PG_RETURN_CSTRING(x)   return CStringGetDatum(x)
#define PG_RETURN_NAME(x)      return PointerGetDatum(x)
#define PG_RETURN_TEXT_P(x)    return PointerGetDatum(x)
#define PG_RETURN_BYTEA_P(x)   return PointerGetDatum(x)
#define PG_RETURN_VARCHAR_P(x) return PointerGetDatum(x)
#define PG_RETURN_BPCHAR_P(x)  return PointerGetDatum(x)

/* ---- the built-in table (generated: build/fmgrtab.c) ---- */
typedef struct FmgrBuiltin
{
    const char *name;       /* == pg_proc.prosrc */
    PGFunction  func;
} FmgrBuiltin;
extern const FmgrBuiltin fmgr_builtins[];
extern const int fmgr_nbuiltins;

/* Find a built-in by prosrc name (binary search); NULL if Basalt lacks it. */
extern PGFunction fmgr_lookup_builtin(const char *prosrc);

/* Fill an FmgrInfo for pg_proc row `functionId` (via the catalog cache). */
extern void fmgr_info(Oid functionId, FmgrInfo *finfo);
extern void fmgr_info_cxt(Oid functionId, FmgrInfo *finfo, MemoryContext mcxt);

/* Direct calls to a known C function (no NULL args, NULL result is an error). */
extern Datum DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1);
extern Datum DirectFunctionCall2Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2);
extern Datum DirectFunctionCall3Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2, Datum arg3);
#define DirectFunctionCall1(f, a1) DirectFunctionCall1Coll(f, InvalidOid, a1)
#define DirectFunctionCall2(f, a1, a2) DirectFunctionCall2Coll(f, InvalidOid, a1, a2)
#define DirectFunctionCall3(f, a1, a2, a3) DirectFunctionCall3Coll(f, InvalidOid, a1, a2, a3)
/* Calls through an FmgrInfo (no NULL args, NULL result is an error). */
extern Datum FunctionCall1Coll(FmgrInfo *flinfo, Oid collation, Datum arg1);
extern Datum FunctionCall2Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2);
extern Datum FunctionCall3Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2, Datum arg3);
#define FunctionCall1(f, a1) FunctionCall1Coll(f, InvalidOid, a1)
#define FunctionCall2(f, a1, a2) FunctionCall2Coll(f, InvalidOid, a1, a2)
#define FunctionCall3(f, a1, a2, a3) FunctionCall3Coll(f, InvalidOid, a1, a2, a3)
extern Datum OidFunctionCall1Coll(Oid functionId, Oid collation, Datum arg1);
extern Datum OidFunctionCall2Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2);
extern Datum OidFunctionCall3Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2, Datum arg3);

/* Type I/O through the function manager (NULL-aware where PostgreSQL is). */
extern Datum InputFunctionCall(FmgrInfo *flinfo, char *str, Oid typioparam, int32 typmod);
extern char *OutputFunctionCall(FmgrInfo *flinfo, Datum val);
extern Datum ReceiveFunctionCall(FmgrInfo *flinfo, struct StringInfoData *buf, Oid typioparam, int32 typmod);
extern struct varlena *SendFunctionCall(FmgrInfo *flinfo, Datum val);
extern Datum OidInputFunctionCall(Oid functionId, char *str, Oid typioparam, int32 typmod);
extern char *OidOutputFunctionCall(Oid functionId, Datum val);

/* Argument type info from fn_expr (for polymorphic functions). */
extern Oid get_fn_expr_argtype(FmgrInfo *flinfo, int argnum);
extern Oid get_fn_expr_rettype(FmgrInfo *flinfo);

/*
 * Aggregate support: a transition function asks whether it runs inside an
 * aggregate and gets the context whose lifetime is the aggregate state.
 * Returns 0 if not called as an aggregate, else AGG_CONTEXT_AGGREGATE.
 * Implemented by the executor's Agg node.
 */
#define AGG_CONTEXT_AGGREGATE 1
#define AGG_CONTEXT_WINDOW    2
extern int AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext);

/* Varlena helpers shared by every type module */
extern text *cstring_to_text(const char *s);
extern text *cstring_to_text_with_len(const char *s, int len);
extern char *text_to_cstring(const text *t);
extern void text_to_cstring_buffer(const text *src, char *dst, size_t dst_len);
#define CStringGetTextDatum(s) PointerGetDatum(cstring_to_text(s))
#define TextDatumGetCString(d) text_to_cstring((text *) DatumGetPointer(d))

#endif
