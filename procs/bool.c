/*-------------------------------------------------------------------------
 * bool.c
 *    The boolean type: I/O with PostgreSQL's accepted spellings, the
 *    comparison operators (false < true), btree support, the cast to text,
 *    and the bool_and/bool_or/every transition functions.
 *
 * Input accepts, case-insensitively and ignoring surrounding whitespace,
 * any prefix of "true", "false", "yes", "no"; "on"/"off" (at least two
 * letters, so "of" means off); and "1"/"0".  Hashing uses hashchar, as
 * PostgreSQL's bool_ops does.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <strings.h>
#include "procs/adt.h"
#include "procs/builtins.h"

/* Is value (len bytes) a boolean spelling?  Sets *result if so. */
bool
parse_bool_with_len(const char *value, size_t len, bool *result)
{
    switch (*value)
    {
        case 't':
        case 'T':
            if (strncasecmp(value, "true", len) == 0)
                return (*result = true, true);
            break;
        case 'f':
        case 'F':
            if (strncasecmp(value, "false", len) == 0)
                return (*result = false, true);
            break;
        case 'y':
        case 'Y':
            if (strncasecmp(value, "yes", len) == 0)
                return (*result = true, true);
            break;
        case 'n':
        case 'N':
            if (strncasecmp(value, "no", len) == 0)
                return (*result = false, true);
            break;
        case 'o':
        case 'O':
            /* 'o' alone is ambiguous */
            if (strncasecmp(value, "on", (len > 2 ? len : 2)) == 0)
                return (*result = true, true);
            if (strncasecmp(value, "off", (len > 2 ? len : 2)) == 0)
                return (*result = false, true);
            break;
        case '1':
            if (len == 1)
                return (*result = true, true);
            break;
        case '0':
            if (len == 1)
                return (*result = false, true);
            break;
        default:
            break;
    }
    return false;
}

Datum
boolin(PG_FUNCTION_ARGS)
{
    const char *in_str = PG_GETARG_CSTRING(0);
    const char *str = in_str;
    size_t      len;
    bool        result;

    while (isspace((unsigned char) *str))
        str++;
    len = strlen(str);
    while (len > 0 && isspace((unsigned char) str[len - 1]))
        len--;
    if (parse_bool_with_len(str, len, &result))
        PG_RETURN_BOOL(result);
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("invalid input syntax for type %s: \"%s\"", "boolean", in_str));
}

Datum
boolout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(PG_GETARG_BOOL(0) ? "t" : "f"));
}

Datum
boolrecv(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(pq_getmsgbyte((StringInfo) PG_GETARG_POINTER(0)) != 0);
}

Datum
boolsend(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendbyte(&buf, PG_GETARG_BOOL(0) ? 1 : 0);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* bool::text is "true"/"false", unlike boolout's "t"/"f" */
Datum
booltext(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text(PG_GETARG_BOOL(0) ? "true" : "false"));
}

Datum booleq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) == PG_GETARG_BOOL(1)); }
Datum boolne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) != PG_GETARG_BOOL(1)); }
Datum boollt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) < PG_GETARG_BOOL(1)); }
Datum boolle(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) <= PG_GETARG_BOOL(1)); }
Datum boolgt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) > PG_GETARG_BOOL(1)); }
Datum boolge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) >= PG_GETARG_BOOL(1)); }

Datum
btboolcmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) PG_GETARG_BOOL(0) - (int32) PG_GETARG_BOOL(1));
}

/* bool_and/every and bool_or: strict, so NULLs are skipped */
Datum booland_statefunc(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_BOOL(0) && PG_GETARG_BOOL(1)); }
Datum boolor_statefunc(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(PG_GETARG_BOOL(0) || PG_GETARG_BOOL(1)); }

/*
 * Moving-aggregate support for bool_and/bool_or in window frames: the
 * state counts non-NULL inputs and true ones, so rows can leave the frame.
 */
typedef struct BoolAggState
{
    int64       aggcount;
    int64       aggtrue;
} BoolAggState;

Datum
bool_accum(PG_FUNCTION_ARGS)
{
    BoolAggState *state = PG_ARGISNULL(0) ? NULL : (BoolAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
    {
        MemoryContext agg_context;

        if (!AggCheckCallContext(fcinfo, &agg_context))
            elog(ERROR, "aggregate function called in non-aggregate context");
        state = (BoolAggState *) MemoryContextAllocZero(agg_context, sizeof(BoolAggState));
    }
    if (!PG_ARGISNULL(1))
    {
        state->aggcount++;
        if (PG_GETARG_BOOL(1))
            state->aggtrue++;
    }
    PG_RETURN_POINTER(state);
}

Datum
bool_accum_inv(PG_FUNCTION_ARGS)
{
    BoolAggState *state = PG_ARGISNULL(0) ? NULL : (BoolAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        elog(ERROR, "bool_accum_inv called with NULL state");
    if (!PG_ARGISNULL(1))
    {
        state->aggcount--;
        if (PG_GETARG_BOOL(1))
            state->aggtrue--;
    }
    PG_RETURN_POINTER(state);
}

Datum
bool_alltrue(PG_FUNCTION_ARGS)
{
    BoolAggState *state = PG_ARGISNULL(0) ? NULL : (BoolAggState *) PG_GETARG_POINTER(0);

    if (state == NULL || state->aggcount == 0)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(state->aggtrue == state->aggcount);
}

Datum
bool_anytrue(PG_FUNCTION_ARGS)
{
    BoolAggState *state = PG_ARGISNULL(0) ? NULL : (BoolAggState *) PG_GETARG_POINTER(0);

    if (state == NULL || state->aggcount == 0)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(state->aggtrue > 0);
}
