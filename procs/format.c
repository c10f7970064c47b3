/*-------------------------------------------------------------------------
 * format.c
 *    Text built from values of any type: format() (text_format),
 *    concat() and concat_ws() (variadic "any"), text || non-text
 *    (textanycat / anytextcat), and SQL quoting: quote_ident,
 *    quote_literal, quote_nullable.
 *
 * Arguments of type "any" arrive with their types known only from the
 * calling expression: get_fn_expr_argtype(fcinfo->flinfo, n).  Each is
 * rendered with its type's output function (PostgreSQL's rule for
 * concat and format); text || x uses x's cast to text where pg_cast has
 * a function for it (bool -> 'true') and the output function otherwise,
 * as PostgreSQL's SQL definition `$1 || $2::text` does.  A call made
 * with VARIADIC array (FuncExpr.funcvariadic) takes its values from the
 * array instead.
 *
 * Per call site, concat/concat_ws keep the arguments' output functions
 * in fn_extra (allocated in fn_mcxt), as PostgreSQL's
 * build_concat_foutcache does.
 *
 * Behaviour follows src/backend/utils/adt/varlena.c (text_format and
 * helpers, concat_internal) and quote.c / ruleutils.c (quote_identifier,
 * quote_literal_cstr), including every error text.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/bootstrap_data.h"
#include "catalog/lsyscache.h"
#include "planner/primnodes.h"
#include "procs/adt.h"
#include "procs/array_util.h"
#include "procs/builtins.h"

/* ---------------------------------------------------------------- quoting */

/*
 * quote_literal_cstr: single-quoted with ' and \ doubled, prefixed with E
 * when the value contains a backslash.
 */
static char *
quote_literal_len(const char *s, int len)
{
    char   *result = palloc(len * 2 + 3 + 1);
    char   *d = result;

    if (memchr(s, '\\', len) != NULL)
        *d++ = 'E';
    *d++ = '\'';
    for (int i = 0; i < len; i++)
    {
        if (s[i] == '\'' || s[i] == '\\')
            *d++ = s[i];
        *d++ = s[i];
    }
    *d++ = '\'';
    *d = '\0';
    return result;
}

Datum
quote_ident(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text(quote_identifier(text_to_cstring(PG_GETARG_TEXT_PP(0)))));
}

Datum
quote_literal(PG_FUNCTION_ARGS)
{
    text *t = PG_GETARG_TEXT_PP(0);

    PG_RETURN_TEXT_P(cstring_to_text(quote_literal_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t))));
}

/* Not strict: NULL becomes the text NULL. */
Datum
quote_nullable(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_TEXT_P(cstring_to_text("NULL"));
    return quote_literal(fcinfo);
}

/* ---------------------------------------------------------------- "any" arguments */

static bool
fn_expr_variadic(FmgrInfo *flinfo)
{
    return flinfo != NULL && flinfo->fn_expr != NULL && IsA(flinfo->fn_expr, FuncExpr) &&
           ((FuncExpr *) flinfo->fn_expr)->funcvariadic;
}

static Oid
any_argtype(FunctionCallInfo fcinfo, int argno, const char *funcname)
{
    Oid typid = get_fn_expr_argtype(fcinfo->flinfo, argno);

    if (!OidIsValid(typid))
        elog(ERROR, "could not determine data type of %s input", funcname);
    return typid;
}

static void
output_finfo(Oid typid, FmgrInfo *finfo, MemoryContext mcxt)
{
    Oid     typoutput;
    bool    typisvarlena;

    getTypeOutputInfo(typid, &typoutput, &typisvarlena);
    fmgr_info_cxt(typoutput, finfo, mcxt);
}

/* The values of a VARIADIC array argument, with their output function. */
typedef struct VariadicValues
{
    int     n;
    Datum  *elems;
    bool   *nulls;
    Oid     elemtype;
    FmgrInfo out;
} VariadicValues;

static void
variadic_values(AdtArray *arr, VariadicValues *v)
{
    int16   typlen;
    bool    typbyval;
    char    typalign;

    v->elemtype = arr->elemtype;
    get_typlenbyvalalign(v->elemtype, &typlen, &typbyval, &typalign);
    v->n = adt_deconstruct_array(arr, typlen, typbyval, typalign, &v->elems, &v->nulls);
    output_finfo(v->elemtype, &v->out, CurrentMemoryContext);
}

/* ---------------------------------------------------------------- concat */

/*
 * concat(args from argidx on), separated by sep if not NULL; NULLs are
 * skipped.  Returns NULL only for VARIADIC NULL.
 */
static text *
concat_internal(const char *sep, int argidx, FunctionCallInfo fcinfo)
{
    StringInfoData str;
    bool        first = true;
    text       *result;

    if (fn_expr_variadic(fcinfo->flinfo))
    {
        VariadicValues v;

        /* concat(VARIADIC NULL) is NULL; the argument must be an array */
        if (PG_ARGISNULL(argidx))
            return NULL;
        variadic_values((AdtArray *) PG_GETARG_POINTER(argidx), &v);
        initStringInfo(&str);
        for (int i = 0; i < v.n; i++)
        {
            if (v.nulls[i])
                continue;
            if (!first && sep)
                appendStringInfoString(&str, sep);
            first = false;
            appendStringInfoString(&str, OutputFunctionCall(&v.out, v.elems[i]));
        }
    }
    else
    {
        /* output functions of this call site's arguments, made once */
        FmgrInfo   *fout = fcinfo->flinfo ? fcinfo->flinfo->fn_extra : NULL;

        if (fout == NULL)
        {
            MemoryContext mcxt = fcinfo->flinfo && fcinfo->flinfo->fn_mcxt ?
                fcinfo->flinfo->fn_mcxt : CurrentMemoryContext;

            fout = MemoryContextAllocZero(mcxt, sizeof(FmgrInfo) * Max(PG_NARGS(), 1));
            for (int i = argidx; i < PG_NARGS(); i++)
                output_finfo(any_argtype(fcinfo, i, argidx == 0 ? "concat()" : "concat_ws()"),
                             &fout[i], mcxt);
            if (fcinfo->flinfo)
                fcinfo->flinfo->fn_extra = fout;
        }
        initStringInfo(&str);
        for (int i = argidx; i < PG_NARGS(); i++)
        {
            if (PG_ARGISNULL(i))
                continue;
            if (!first && sep)
                appendStringInfoString(&str, sep);
            first = false;
            appendStringInfoString(&str, OutputFunctionCall(&fout[i], PG_GETARG_DATUM(i)));
        }
    }
    result = cstring_to_text_with_len(str.data, str.len);
    pfree(str.data);
    return result;
}

Datum
text_concat(PG_FUNCTION_ARGS)
{
    text *result = concat_internal(NULL, 0, fcinfo);

    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

/* concat_ws(sep, ...): NULL when the separator is NULL */
Datum
text_concat_ws(PG_FUNCTION_ARGS)
{
    text *result;

    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    result = concat_internal(text_to_cstring(PG_GETARG_TEXT_PP(0)), 1, fcinfo);
    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

/* x::text as PostgreSQL's cast would produce it */
static text *
value_as_text(Datum value, Oid typid)
{
    const CastInfo *cast;
    FmgrInfo    finfo;

    typid = getBaseType(typid);
    if (typid == TEXTOID)
        return (text *) DatumGetPointer(value);
    if (typid == UNKNOWNOID)
        return cstring_to_text(DatumGetCString(value));
    cast = lookup_cast(typid, TEXTOID);
    if (cast != NULL && cast->castmethod == 'f' && OidIsValid(cast->castfunc))
        return (text *) DatumGetPointer(OidFunctionCall1Coll(cast->castfunc, InvalidOid, value));
    if (cast != NULL && cast->castmethod == 'b')
        return (text *) DatumGetPointer(value);     /* binary-coercible: varchar */
    output_finfo(typid, &finfo, CurrentMemoryContext);
    return cstring_to_text(OutputFunctionCall(&finfo, value));
}

static text *
text_concat2(text *a, text *b)
{
    int     la = VARSIZE_ANY_EXHDR(a);
    int     lb = VARSIZE_ANY_EXHDR(b);
    text   *r;

    if ((Size) la + lb + VARHDRSZ > MaxAllocSize)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("requested length too large"));
    r = palloc(VARHDRSZ + la + lb);
    SET_VARSIZE(r, VARHDRSZ + la + lb);
    memcpy(VARDATA(r), VARDATA_ANY(a), la);
    memcpy(VARDATA(r) + la, VARDATA_ANY(b), lb);
    return r;
}

/* text || anynonarray */
Datum
textanycat(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(text_concat2(PG_GETARG_TEXT_PP(0),
                                  value_as_text(PG_GETARG_DATUM(1),
                                                any_argtype(fcinfo, 1, "textanycat()"))));
}

/* anynonarray || text */
Datum
anytextcat(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(text_concat2(value_as_text(PG_GETARG_DATUM(0),
                                                any_argtype(fcinfo, 0, "anytextcat()")),
                                  PG_GETARG_TEXT_PP(1)));
}

/* ---------------------------------------------------------------- format */

#define TEXT_FORMAT_FLAG_MINUS 0x0001

static void
format_advance(const char **cp, const char *end)
{
    if (++(*cp) >= end)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("unterminated format() type specifier"),
                errhint("For a single \"%%\" use \"%%%%\"."));
}

/* Decimal digits at *cp; false if there are none.  At least one byte remains after. */
static bool
format_parse_digits(const char **cp, const char *end, int *value)
{
    bool    found = false;
    int     val = 0;

    while (**cp >= '0' && **cp <= '9')
    {
        if (__builtin_mul_overflow(val, 10, &val) ||
            __builtin_add_overflow(val, **cp - '0', &val))
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("number is out of range"));
        format_advance(cp, end);
        found = true;
    }
    *value = val;
    return found;
}

static void
argument_zero(void)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("format specifies argument 0, but arguments are numbered from 1"));
}

/*
 * [argpos$][flags][width | *[argpos$]] before the type character.
 * argpos -1: next argument; widthpos -1: no width argument, 0: the next
 * argument, n: argument n.
 */
static const char *
format_parse_spec(const char *cp, const char *end, int *argpos, int *widthpos,
                  int *flags, int *width)
{
    int n;

    *argpos = -1;
    *widthpos = -1;
    *flags = 0;
    *width = 0;

    if (format_parse_digits(&cp, end, &n))
    {
        if (*cp != '$')
        {
            *width = n;
            return cp;
        }
        *argpos = n;
        if (n == 0)
            argument_zero();
        format_advance(&cp, end);
    }
    while (*cp == '-')
    {
        *flags |= TEXT_FORMAT_FLAG_MINUS;
        format_advance(&cp, end);
    }
    if (*cp == '*')
    {
        format_advance(&cp, end);
        if (format_parse_digits(&cp, end, &n))
        {
            if (*cp != '$')
                ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("width argument position must be ended by \"$\""));
            *widthpos = n;
            if (n == 0)
                argument_zero();
            format_advance(&cp, end);
        }
        else
            *widthpos = 0;
    }
    else if (format_parse_digits(&cp, end, &n))
        *width = n;
    return cp;
}

static void
format_append_padded(StringInfo buf, const char *str, int flags, int width)
{
    bool    left = false;
    int     len;

    if (width == 0)
    {
        appendStringInfoString(buf, str);
        return;
    }
    if (width < 0)
    {
        left = true;
        if (width <= INT_MIN)
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("number is out of range"));
        width = -width;
    }
    else if (flags & TEXT_FORMAT_FLAG_MINUS)
        left = true;

    len = pg_mbstrlen_with_len(str, strlen(str));
    if (!left && len < width)
        appendStringInfoSpaces(buf, width - len);
    appendStringInfoString(buf, str);
    if (left && len < width)
        appendStringInfoSpaces(buf, width - len);
}

/* Where format() reads argument arg (1-based, after the format string). */
typedef struct FormatArgs
{
    FunctionCallInfo fcinfo;
    bool        variadic;
    VariadicValues v;
    int         nargs;          /* including the format string */
} FormatArgs;

static void
format_get_arg(FormatArgs *fa, int arg, Datum *value, bool *isnull, Oid *typid)
{
    FunctionCallInfo fcinfo = fa->fcinfo;

    if (arg >= fa->nargs)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("too few arguments for format()"));
    if (fa->variadic)
    {
        *value = fa->v.elems[arg - 1];
        *isnull = fa->v.nulls[arg - 1];
        *typid = fa->v.elemtype;
    }
    else
    {
        *value = PG_GETARG_DATUM(arg);
        *isnull = PG_ARGISNULL(arg);
        *typid = get_fn_expr_argtype(fcinfo->flinfo, arg);
    }
    if (!OidIsValid(*typid))
        elog(ERROR, "could not determine data type of format() input");
}

static void
unrecognized_specifier(const char *cp, const char *end)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("unrecognized format() type specifier \"%.*s\"",
                   pg_mbcharcliplen(cp, end - cp, 1), cp),
            errhint("For a single \"%%\" use \"%%%%\"."));
}

Datum
text_format(PG_FUNCTION_ARGS)
{
    FormatArgs  fa;
    text       *fmt;
    const char *cp;
    const char *end;
    StringInfoData str;
    int         arg = 1;
    Oid         prev_type = InvalidOid;
    Oid         prev_width_type = InvalidOid;
    FmgrInfo    typoutputfinfo;
    FmgrInfo    typoutputinfo_width;
    text       *result;

    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();

    fa.fcinfo = fcinfo;
    fa.variadic = PG_NARGS() > 1 && fn_expr_variadic(fcinfo->flinfo);
    if (fa.variadic)
    {
        if (PG_ARGISNULL(1))
        {
            fa.v.n = 0;
            fa.v.elemtype = InvalidOid;
        }
        else
            variadic_values((AdtArray *) PG_GETARG_POINTER(1), &fa.v);
        fa.nargs = fa.v.n + 1;
    }
    else
        fa.nargs = PG_NARGS();

    fmt = PG_GETARG_TEXT_PP(0);
    cp = VARDATA_ANY(fmt);
    end = cp + VARSIZE_ANY_EXHDR(fmt);
    initStringInfo(&str);

    for (; cp < end; cp++)
    {
        int     argpos,
                widthpos,
                flags,
                width;
        Datum   value;
        bool    isnull;
        Oid     typid;

        if (*cp != '%')
        {
            appendStringInfoChar(&str, *cp);
            continue;
        }
        format_advance(&cp, end);
        if (*cp == '%')
        {
            appendStringInfoChar(&str, '%');
            continue;
        }

        cp = format_parse_spec(cp, end, &argpos, &widthpos, &flags, &width);
        if (strchr("sIL", *cp) == NULL)
            unrecognized_specifier(cp, end);

        if (widthpos >= 0)
        {
            if (widthpos > 0)
                arg = widthpos;
            format_get_arg(&fa, arg, &value, &isnull, &typid);
            arg++;
            if (isnull)
                width = 0;
            else if (typid == INT4OID)
                width = DatumGetInt32(value);
            else if (typid == INT2OID)
                width = DatumGetInt16(value);
            else
            {
                if (typid != prev_width_type)
                {
                    output_finfo(typid, &typoutputinfo_width, CurrentMemoryContext);
                    prev_width_type = typid;
                }
                width = pg_strtoint32(OutputFunctionCall(&typoutputinfo_width, value));
            }
        }

        if (argpos > 0)
            arg = argpos;
        format_get_arg(&fa, arg, &value, &isnull, &typid);
        arg++;

        if (isnull)
        {
            if (*cp == 'I')
                ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                        errmsg("null values cannot be formatted as an SQL identifier"));
            format_append_padded(&str, *cp == 'L' ? "NULL" : "", flags, width);
            continue;
        }
        if (typid != prev_type)
        {
            output_finfo(typid, &typoutputfinfo, CurrentMemoryContext);
            prev_type = typid;
        }
        {
            char *s = OutputFunctionCall(&typoutputfinfo, value);

            if (*cp == 'I')
                s = quote_identifier(s);
            else if (*cp == 'L')
                s = quote_literal_len(s, strlen(s));
            format_append_padded(&str, s, flags, width);
        }
    }

    result = cstring_to_text_with_len(str.data, str.len);
    pfree(str.data);
    PG_RETURN_TEXT_P(result);
}

/* format(text) with no further arguments */
Datum
text_format_nv(PG_FUNCTION_ARGS)
{
    return text_format(fcinfo);
}
