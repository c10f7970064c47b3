/*-------------------------------------------------------------------------
 * fmgr.c
 *    The function manager: find a built-in by name, fill an FmgrInfo from
 *    pg_proc, and call functions through the PostgreSQL calling convention.
 *
 * Principal entry points:
 *    fmgr_lookup_builtin   prosrc name -> C function (binary search of the
 *                          generated, sorted fmgr_builtins[] table)
 *    fmgr_info[_cxt]       pg_proc OID -> FmgrInfo
 *    DirectFunctionCallN / FunctionCallN / OidFunctionCallN
 *                          call with non-NULL arguments; a NULL result is
 *                          an error (as in PostgreSQL: these helpers are for
 *                          callers that cannot represent NULL)
 *    InputFunctionCall & co.
 *                          type I/O with PostgreSQL's NULL conventions: a
 *                          strict input function maps a NULL string to NULL
 *                          without being called; output/send never see NULL
 *
 *    get_fn_expr_argtype / get_fn_expr_rettype
 *                          argument and result types of the calling
 *                          expression (fn_expr), for polymorphic functions
 *
 * Languages: internal functions resolve to the built-in table; a pg_proc
 * row whose C function Basalt lacks (the bootstrap catalog keeps them all,
 * see docs/DECISIONS.md 1) fails here with 0A000 "function f(integer) is
 * not implemented".  SQL functions resolve to the built-in "fmgr_sql"
 * (procs/sqlfunc.c) and any other language to "plpgsql_call_handler", once
 * the module that implements it defines that (found by name, like every
 * built-in); until then calling such a function raises 0A000.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "planner/primnodes.h"
#include "procs/fmgr.h"

/* ---------------------------------------------------------------- lookup */

/* "name(type, type)" of a pg_proc row, for messages */
static char *
format_proc_signature(const ProcInfo *proc)
{
    StringInfoData buf;

    initStringInfo(&buf);
    appendStringInfo(&buf, "%s(", NameStr(proc->proname));
    for (int i = 0; i < proc->pronargs; i++)
        appendStringInfo(&buf, "%s%s", i ? ", " : "", format_type_be(proc->proargtypes[i]));
    appendStringInfoChar(&buf, ')');
    return buf.data;
}

PGFunction
fmgr_lookup_builtin(const char *prosrc)
{
    int lo = 0;
    int hi = fmgr_nbuiltins - 1;

    while (lo <= hi)
    {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(prosrc, fmgr_builtins[mid].name);

        if (c == 0)
            return fmgr_builtins[mid].func;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

void
fmgr_info(Oid functionId, FmgrInfo *finfo)
{
    fmgr_info_cxt(functionId, finfo, CurrentMemoryContext);
}

/*
 * Fill *finfo for pg_proc row functionId.  fn_extra starts NULL; anything a
 * function caches there must be allocated in fn_mcxt (= mcxt).
 */
void
fmgr_info_cxt(Oid functionId, FmgrInfo *finfo, MemoryContext mcxt)
{
    const ProcInfo *proc;
    PGFunction  addr;

    finfo->fn_oid = InvalidOid;
    finfo->fn_extra = NULL;
    finfo->fn_mcxt = mcxt;
    finfo->fn_expr = NULL;

    proc = lookup_proc(functionId);
    if (proc == NULL)
        elog(ERROR, "cache lookup failed for function %u", functionId);

    finfo->fn_nargs = proc->pronargs;
    finfo->fn_strict = proc->proisstrict;
    finfo->fn_retset = proc->proretset;

    switch (proc->prolang)
    {
        case INTERNALlanguageId:
            addr = fmgr_lookup_builtin(proc->prosrc);
            if (addr == NULL)
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("function %s is not implemented", format_proc_signature(proc)),
                        errdetail("Basalt has no built-in \"%s\".", proc->prosrc));
            break;
        case ClanguageId:
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("C-language functions are not supported"));
            break;
        case SQLlanguageId:
            addr = fmgr_lookup_builtin("fmgr_sql");
            if (addr == NULL)
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("SQL-language functions are not supported yet"));
            break;
        default:
            /* procedural languages: PL/pgSQL is the only one */
            addr = fmgr_lookup_builtin("plpgsql_call_handler");
            if (addr == NULL)
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("procedural-language functions are not supported yet"));
            break;
    }
    finfo->fn_addr = addr;
    finfo->fn_oid = functionId;
}

/* ---------------------------------------------------------------- calls */

static Datum
call_checked(FunctionCallInfo fcinfo, PGFunction func, Oid fn_oid)
{
    Datum result = func(fcinfo);

    if (fcinfo->isnull)
    {
        if (OidIsValid(fn_oid))
            elog(ERROR, "function %u returned NULL", fn_oid);
        elog(ERROR, "function %p returned NULL", (void *) func);
    }
    return result;
}

#define SET_ARG(fc, i, v) ((fc)->args[i].value = (v), (fc)->args[i].isnull = false)

Datum
DirectFunctionCall1Coll(PGFunction func, Oid collation, Datum arg1)
{
    LOCAL_FCINFO(fcinfo, 1);

    InitFunctionCallInfoData(*fcinfo, NULL, 1, collation, NULL, NULL);
    SET_ARG(fcinfo, 0, arg1);
    return call_checked(fcinfo, func, InvalidOid);
}

Datum
DirectFunctionCall2Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2)
{
    LOCAL_FCINFO(fcinfo, 2);

    InitFunctionCallInfoData(*fcinfo, NULL, 2, collation, NULL, NULL);
    SET_ARG(fcinfo, 0, arg1);
    SET_ARG(fcinfo, 1, arg2);
    return call_checked(fcinfo, func, InvalidOid);
}

Datum
DirectFunctionCall3Coll(PGFunction func, Oid collation, Datum arg1, Datum arg2,
                        Datum arg3)
{
    LOCAL_FCINFO(fcinfo, 3);

    InitFunctionCallInfoData(*fcinfo, NULL, 3, collation, NULL, NULL);
    SET_ARG(fcinfo, 0, arg1);
    SET_ARG(fcinfo, 1, arg2);
    SET_ARG(fcinfo, 2, arg3);
    return call_checked(fcinfo, func, InvalidOid);
}

Datum
FunctionCall1Coll(FmgrInfo *flinfo, Oid collation, Datum arg1)
{
    LOCAL_FCINFO(fcinfo, 1);

    InitFunctionCallInfoData(*fcinfo, flinfo, 1, collation, NULL, NULL);
    SET_ARG(fcinfo, 0, arg1);
    return call_checked(fcinfo, flinfo->fn_addr, flinfo->fn_oid);
}

Datum
FunctionCall2Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2)
{
    LOCAL_FCINFO(fcinfo, 2);

    InitFunctionCallInfoData(*fcinfo, flinfo, 2, collation, NULL, NULL);
    SET_ARG(fcinfo, 0, arg1);
    SET_ARG(fcinfo, 1, arg2);
    return call_checked(fcinfo, flinfo->fn_addr, flinfo->fn_oid);
}

Datum
FunctionCall3Coll(FmgrInfo *flinfo, Oid collation, Datum arg1, Datum arg2,
                  Datum arg3)
{
    LOCAL_FCINFO(fcinfo, 3);

    InitFunctionCallInfoData(*fcinfo, flinfo, 3, collation, NULL, NULL);
    SET_ARG(fcinfo, 0, arg1);
    SET_ARG(fcinfo, 1, arg2);
    SET_ARG(fcinfo, 2, arg3);
    return call_checked(fcinfo, flinfo->fn_addr, flinfo->fn_oid);
}

Datum
OidFunctionCall1Coll(Oid functionId, Oid collation, Datum arg1)
{
    FmgrInfo flinfo;

    fmgr_info(functionId, &flinfo);
    return FunctionCall1Coll(&flinfo, collation, arg1);
}

Datum
OidFunctionCall2Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2)
{
    FmgrInfo flinfo;

    fmgr_info(functionId, &flinfo);
    return FunctionCall2Coll(&flinfo, collation, arg1, arg2);
}

Datum
OidFunctionCall3Coll(Oid functionId, Oid collation, Datum arg1, Datum arg2,
                     Datum arg3)
{
    FmgrInfo flinfo;

    fmgr_info(functionId, &flinfo);
    return FunctionCall3Coll(&flinfo, collation, arg1, arg2, arg3);
}

/* ---------------------------------------------------------------- type I/O */

/*
 * Call a type input function.  str == NULL means SQL NULL: a strict input
 * function is not called and the result is NULL (returned as 0; callers
 * track nullness themselves).  A non-strict one (domain_in) is called and
 * must return NULL for NULL input and non-NULL otherwise.
 */
Datum
InputFunctionCall(FmgrInfo *flinfo, char *str, Oid typioparam, int32 typmod)
{
    LOCAL_FCINFO(fcinfo, 3);
    Datum result;

    if (str == NULL && flinfo->fn_strict)
        return (Datum) 0;

    InitFunctionCallInfoData(*fcinfo, flinfo, 3, InvalidOid, NULL, NULL);
    fcinfo->args[0].value = CStringGetDatum(str);
    fcinfo->args[0].isnull = false;
    SET_ARG(fcinfo, 1, ObjectIdGetDatum(typioparam));
    SET_ARG(fcinfo, 2, Int32GetDatum(typmod));

    result = flinfo->fn_addr(fcinfo);

    if (str == NULL)
    {
        if (!fcinfo->isnull)
            elog(ERROR, "input function %u returned non-NULL", flinfo->fn_oid);
    }
    else if (fcinfo->isnull)
        elog(ERROR, "input function %u returned NULL", flinfo->fn_oid);
    return result;
}

/* Call a type output function; val must not be NULL.  Returns a palloc'd string. */
char *
OutputFunctionCall(FmgrInfo *flinfo, Datum val)
{
    return DatumGetCString(FunctionCall1(flinfo, val));
}

/*
 * Call a type receive function on buf (cursor at the value's first byte);
 * buf == NULL means SQL NULL, handled as in InputFunctionCall.  The caller
 * checks that the whole buffer was consumed.
 */
Datum
ReceiveFunctionCall(FmgrInfo *flinfo, StringInfo buf, Oid typioparam, int32 typmod)
{
    LOCAL_FCINFO(fcinfo, 3);
    Datum result;

    if (buf == NULL && flinfo->fn_strict)
        return (Datum) 0;

    InitFunctionCallInfoData(*fcinfo, flinfo, 3, InvalidOid, NULL, NULL);
    fcinfo->args[0].value = PointerGetDatum(buf);
    fcinfo->args[0].isnull = buf == NULL;
    SET_ARG(fcinfo, 1, ObjectIdGetDatum(typioparam));
    SET_ARG(fcinfo, 2, Int32GetDatum(typmod));

    result = flinfo->fn_addr(fcinfo);

    if (buf == NULL)
    {
        if (!fcinfo->isnull)
            elog(ERROR, "receive function %u returned non-NULL", flinfo->fn_oid);
    }
    else if (fcinfo->isnull)
        elog(ERROR, "receive function %u returned NULL", flinfo->fn_oid);
    return result;
}

/* Call a type send function; val must not be NULL.  Returns a palloc'd bytea. */
struct varlena *
SendFunctionCall(FmgrInfo *flinfo, Datum val)
{
    return (struct varlena *) DatumGetPointer(FunctionCall1(flinfo, val));
}

Datum
OidInputFunctionCall(Oid functionId, char *str, Oid typioparam, int32 typmod)
{
    FmgrInfo flinfo;

    fmgr_info(functionId, &flinfo);
    return InputFunctionCall(&flinfo, str, typioparam, typmod);
}

char *
OidOutputFunctionCall(Oid functionId, Datum val)
{
    FmgrInfo flinfo;

    fmgr_info(functionId, &flinfo);
    return OutputFunctionCall(&flinfo, val);
}

/* ---------------------------------------------------------------- arg types */

/*
 * The data type of argument argnum (0-based) of the expression that calls
 * the function, or InvalidOid if it cannot be determined (no fn_expr).
 *
 * This covers the expression nodes that carry an argument list (FuncExpr,
 * OpExpr and its aliases, ScalarArrayOpExpr, WindowFunc) and the Aggref
 * the executor passes to transition and final functions (argument 0 is
 * the transition state, 1.. the aggregate's inputs);
 * the executor must set fn_expr when it initialises a call site.  For a
 * ScalarArrayOpExpr the function receives the array's element type; that
 * needs get_element_type(), supplied by the catalog.
 */
Oid
get_fn_expr_argtype(FmgrInfo *flinfo, int argnum)
{
    Node   *expr;
    List   *args;
    Oid     argtype;

    if (flinfo == NULL || flinfo->fn_expr == NULL)
        return InvalidOid;
    expr = flinfo->fn_expr;

    switch (nodeTag(expr))
    {
        case T_FuncExpr:
            args = ((FuncExpr *) expr)->args;
            break;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            args = ((OpExpr *) expr)->args;
            break;
        case T_ScalarArrayOpExpr:
            args = ((ScalarArrayOpExpr *) expr)->args;
            break;
        case T_WindowFunc:
            args = ((WindowFunc *) expr)->args;
            break;
        case T_Aggref:
            {
                /*
                 * A transition (or final) function called for an
                 * aggregate: as PostgreSQL's synthesized call expression,
                 * argument 0 is the transition state and argument k >= 1
                 * the aggregate's k-th input.
                 */
                Aggref *aggref = (Aggref *) expr;

                if (argnum == 0)
                    return aggref->aggtranstype;
                if (argnum - 1 < list_length(aggref->aggargtypes))
                    return list_nth_oid(aggref->aggargtypes, argnum - 1);
                if (argnum - 1 < list_length(aggref->args))
                    return exprType((Node *) ((TargetEntry *)
                                              list_nth(aggref->args, argnum - 1))->expr);
                return InvalidOid;
            }
        default:
            return InvalidOid;
    }
    if (argnum < 0 || argnum >= list_length(args))
        return InvalidOid;

    argtype = exprType((Node *) list_nth(args, argnum));
    if (IsA(expr, ScalarArrayOpExpr) && argnum == 1)
        argtype = get_element_type(argtype);
    return argtype;
}

/* The result type of the calling expression, or InvalidOid if unknown. */
Oid
get_fn_expr_rettype(FmgrInfo *flinfo)
{
    if (flinfo == NULL || flinfo->fn_expr == NULL)
        return InvalidOid;
    return exprType(flinfo->fn_expr);
}

/* ---------------------------------------------------------------- text */

text *
cstring_to_text(const char *s)
{
    return cstring_to_text_with_len(s, strlen(s));
}

text *
cstring_to_text_with_len(const char *s, int len)
{
    text *result = (text *) palloc(len + VARHDRSZ);

    SET_VARSIZE(result, len + VARHDRSZ);
    memcpy(VARDATA(result), s, len);
    return result;
}

/* A palloc'd NUL-terminated copy of a text value. */
char *
text_to_cstring(const text *t)
{
    int   len = VARSIZE_ANY_EXHDR(t);
    char *result = (char *) palloc(len + 1);

    memcpy(result, VARDATA_ANY((text *) t), len);
    result[len] = '\0';
    return result;
}

/*
 * Copy a text value into dst (dst_len bytes including the terminator),
 * truncating if needed without splitting a UTF-8 character.
 */
void
text_to_cstring_buffer(const text *src, char *dst, size_t dst_len)
{
    size_t len = VARSIZE_ANY_EXHDR(src);
    const char *p = VARDATA_ANY((text *) src);

    if (dst_len == 0)
        return;
    if (len >= dst_len)
    {
        len = dst_len - 1;
        while (len > 0 && ((unsigned char) p[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, p, len);
    dst[len] = '\0';
}
