/*-------------------------------------------------------------------------
 * json.c
 *    The json type (text that has been validated as JSON) and turning SQL
 *    values into JSON text: to_json, array_to_json, json_build_object,
 *    json_build_array, json_object, and the aggregates json_agg and
 *    json_object_agg.
 *
 * A json value is a text varlena holding exactly what the user wrote:
 * whitespace, key order and duplicate keys are preserved, and json_in only
 * validates (without de-escaping, so like PostgreSQL it accepts "\u0000").
 *
 * SQL values become JSON by type category (json_categorize_type, as
 * PostgreSQL's): bool -> true/false; the numeric types -> their output
 * text unquoted when it is a valid JSON number ("NaN", "Infinity" are
 * quoted); date/timestamp/timestamptz -> ISO 8601 strings; json/jsonb ->
 * their text; arrays -> JSON arrays; everything else -> the output
 * function's text as a JSON string.  The spacing is PostgreSQL's and
 * differs by function: json_build_object writes {"a" : 1, "b" : 2},
 * json_object_agg writes { "a" : 1, "b" : 2 }, array_to_json writes
 * [1,2], json_agg writes [1, 2].
 *
 * Aggregate transition states live in the aggregate's memory context
 * (AggCheckCallContext); the final functions do not modify the state, so
 * they may run more than once (window aggregation).
 *
 * Not yet: composite values (row_to_json and records inside to_json) and
 * casts from user-defined types to json.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "planner/primnodes.h"
#include "procs/adt.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/json_lex.h"
#include "procs/rowtypes.h"

/* ================================================================ type I/O */

static void
json_validate(const char *str, int len)
{
    JsonLexContext lex;
    JsonSemAction  nullsem;

    memset(&nullsem, 0, sizeof(nullsem));
    makeJsonLexContextCstringLen(&lex, str, len, false);
    pg_parse_json_or_ereport(&lex, &nullsem);
}

Datum
json_in(PG_FUNCTION_ARGS)
{
    char *json = PG_GETARG_CSTRING(0);
    text *result = cstring_to_text(json);

    json_validate(VARDATA(result), VARSIZE(result) - VARHDRSZ);
    PG_RETURN_TEXT_P(result);
}

Datum
json_out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

Datum
json_send(PG_FUNCTION_ARGS)
{
    text          *t = PG_GETARG_TEXT_PP(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
json_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    char      *str;
    int        nbytes;

    str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
    json_validate(str, nbytes);
    PG_RETURN_TEXT_P(cstring_to_text_with_len(str, nbytes));
}

/* ================================================================ arrays */

int
json_deconstruct_array(ArrayType *array, int16 typlen, bool typbyval, char typalign,
                       Datum **elems, bool **nulls)
{
    int n;

    deconstruct_array(array, ARR_ELEMTYPE(array), typlen, typbyval, typalign, elems, nulls, &n);
    return n;
}

int
json_text_array(ArrayType *array, Datum **elems, bool **nulls)
{
    int n;

    deconstruct_array(array, TEXTOID, -1, false, 'i', elems, nulls, &n);
    return n;
}

/* ================================================================ categories */

void
json_categorize_type(Oid typoid, JsonTypeCategory *tcategory, Oid *outfuncoid)
{
    bool typisvarlena;

    typoid = getBaseType(typoid);
    *outfuncoid = InvalidOid;

    switch (typoid)
    {
        case BOOLOID:
            *tcategory = JSONTYPE_BOOL;
            break;
        case INT2OID:
        case INT4OID:
        case INT8OID:
        case FLOAT4OID:
        case FLOAT8OID:
        case NUMERICOID:
            getTypeOutputInfo(typoid, outfuncoid, &typisvarlena);
            *tcategory = JSONTYPE_NUMERIC;
            break;
        case DATEOID:
            *tcategory = JSONTYPE_DATE;
            break;
        case TIMESTAMPOID:
            *tcategory = JSONTYPE_TIMESTAMP;
            break;
        case TIMESTAMPTZOID:
            *tcategory = JSONTYPE_TIMESTAMPTZ;
            break;
        case JSONOID:
            getTypeOutputInfo(typoid, outfuncoid, &typisvarlena);
            *tcategory = JSONTYPE_JSON;
            break;
        case JSONBOID:
            getTypeOutputInfo(typoid, outfuncoid, &typisvarlena);
            *tcategory = JSONTYPE_JSONB;
            break;
        default:
            if (OidIsValid(get_element_type(typoid)) || typoid == ANYARRAYOID ||
                typoid == RECORDARRAYOID)
                *tcategory = JSONTYPE_ARRAY;
            else if (typoid == RECORDOID || get_typtype(typoid) == 'c')
                *tcategory = JSONTYPE_COMPOSITE;
            else
            {
                /* TODO: a cast to json from a user-defined type (JSONTYPE_CAST) */
                *tcategory = JSONTYPE_OTHER;
                getTypeOutputInfo(typoid, outfuncoid, &typisvarlena);
            }
            break;
    }
}

/* ================================================================ datetime */

char *
JsonEncodeDateTime(Datum value, Oid typid)
{
    char         *buf = palloc(MAXDATELEN + 1);
    struct pg_tm  tm;
    fsec_t        fsec;

    memset(&tm, 0, sizeof(tm));
    switch (typid)
    {
        case DATEOID:
            {
                DateADT date = (DateADT) DatumGetInt32(value);

                if (DATE_NOT_FINITE(date))
                    EncodeSpecialDate(date, buf);
                else
                {
                    j2date(date + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
                    EncodeDateOnly(&tm, USE_XSD_DATES, buf);
                }
            }
            break;
        case TIMESTAMPOID:
            {
                Timestamp ts = DatumGetInt64(value);

                if (TIMESTAMP_NOT_FINITE(ts))
                    EncodeSpecialTimestamp(ts, buf);
                else if (timestamp2tm(ts, NULL, &tm, &fsec, NULL, NULL) == 0)
                    EncodeDateTime(&tm, fsec, false, 0, NULL, USE_XSD_DATES, buf);
                else
                    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                            errmsg("timestamp out of range"));
            }
            break;
        case TIMESTAMPTZOID:
            {
                TimestampTz ts = DatumGetInt64(value);
                int         tz;
                const char *tzn = NULL;

                if (TIMESTAMP_NOT_FINITE(ts))
                    EncodeSpecialTimestamp(ts, buf);
                else if (timestamp2tm(ts, &tz, &tm, &fsec, &tzn, NULL) == 0)
                    EncodeDateTime(&tm, fsec, true, tz, tzn, USE_XSD_DATES, buf);
                else
                    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                            errmsg("timestamp out of range"));
            }
            break;
        default:
            elog(ERROR, "unknown jsonb value datetime type oid %u", typid);
    }
    return buf;
}

/* ================================================================ to JSON */

static void array_to_json_internal(Datum array, StringInfo result, bool use_line_feeds);

/*
 * A record as an object of its fields (PostgreSQL's composite_to_json);
 * use_line_feeds: a line break after each field's comma (row_to_json's
 * pretty form).
 */
void
composite_to_json(Datum composite, StringInfo result, bool use_line_feeds)
{
    TupleDesc   desc = record_tupdesc(composite);
    Datum      *values = palloc(sizeof(Datum) * (Size) Max(desc->natts, 1));
    bool       *nulls = palloc(sizeof(bool) * (Size) Max(desc->natts, 1));
    const char *sep = use_line_feeds ? ",\n " : ",";

    record_deform(composite, desc, values, nulls);
    appendStringInfoChar(result, '{');
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        JsonTypeCategory tcategory;
        Oid         outfuncoid;

        if (i > 0)
            appendStringInfoString(result, sep);
        escape_json(result, NameStr(att->attname));
        appendStringInfoChar(result, ':');
        if (nulls[i])
        {
            tcategory = JSONTYPE_NULL;
            outfuncoid = InvalidOid;
        }
        else
            json_categorize_type(att->atttypid, &tcategory, &outfuncoid);
        datum_to_json(values[i], nulls[i], result, tcategory, outfuncoid, false);
    }
    appendStringInfoChar(result, '}');
}

/*
 * Append val as JSON.  key_scalar: val is an object key, so it must be a
 * scalar and is always quoted.
 */
void
datum_to_json(Datum val, bool is_null, StringInfo result,
              JsonTypeCategory tcategory, Oid outfuncoid, bool key_scalar)
{
    char *outputstr;

    if (is_null)
    {
        appendStringInfoString(result, "null");
        return;
    }

    if (key_scalar &&
        (tcategory == JSONTYPE_ARRAY || tcategory == JSONTYPE_COMPOSITE ||
         tcategory == JSONTYPE_JSON || tcategory == JSONTYPE_JSONB))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("key value must be scalar, not array, composite, or json"));

    switch (tcategory)
    {
        case JSONTYPE_ARRAY:
            array_to_json_internal(val, result, false);
            break;
        case JSONTYPE_COMPOSITE:
            composite_to_json(val, result, false);
            break;
        case JSONTYPE_BOOL:
            outputstr = DatumGetBool(val) ? "true" : "false";
            if (key_scalar)
                escape_json(result, outputstr);
            else
                appendStringInfoString(result, outputstr);
            break;
        case JSONTYPE_NUMERIC:
            outputstr = OidOutputFunctionCall(outfuncoid, val);
            /* unquoted only if it is a JSON number (not NaN, Infinity) */
            if (!key_scalar && IsValidJsonNumber(outputstr, (int) strlen(outputstr)))
                appendStringInfoString(result, outputstr);
            else
                escape_json(result, outputstr);
            break;
        case JSONTYPE_DATE:
            appendStringInfo(result, "\"%s\"", JsonEncodeDateTime(val, DATEOID));
            break;
        case JSONTYPE_TIMESTAMP:
            appendStringInfo(result, "\"%s\"", JsonEncodeDateTime(val, TIMESTAMPOID));
            break;
        case JSONTYPE_TIMESTAMPTZ:
            appendStringInfo(result, "\"%s\"", JsonEncodeDateTime(val, TIMESTAMPTZOID));
            break;
        case JSONTYPE_JSON:
        case JSONTYPE_JSONB:
            /* already JSON text */
            appendStringInfoString(result, OidOutputFunctionCall(outfuncoid, val));
            break;
        default:
            escape_json(result, OidOutputFunctionCall(outfuncoid, val));
            break;
    }
}

/* One dimension of an array; nested dimensions never get line feeds. */
static void
array_dim_to_json(StringInfo result, int dim, int ndims, const int *dims, Datum *vals,
                  bool *nulls, int *valcount, JsonTypeCategory tcategory,
                  Oid outfuncoid, bool use_line_feeds)
{
    const char *sep = use_line_feeds ? ",\n " : ",";

    appendStringInfoChar(result, '[');
    for (int i = 1; i <= dims[dim]; i++)
    {
        if (i > 1)
            appendStringInfoString(result, sep);
        if (dim + 1 == ndims)
        {
            datum_to_json(vals[*valcount], nulls[*valcount], result, tcategory,
                          outfuncoid, false);
            (*valcount)++;
        }
        else
            array_dim_to_json(result, dim + 1, ndims, dims, vals, nulls, valcount,
                              tcategory, outfuncoid, false);
    }
    appendStringInfoChar(result, ']');
}

static void
array_to_json_internal(Datum array, StringInfo result, bool use_line_feeds)
{
    ArrayType   *v = (ArrayType *) DatumGetPointer(array);
    Oid         element_type = ARR_ELEMTYPE(v);
    int         nitems = ArrayGetNItemsOfArray(v);
    int16       typlen;
    bool        typbyval;
    char        typalign;
    Datum      *elements;
    bool       *nulls;
    int         count = 0;
    JsonTypeCategory tcategory;
    Oid         outfuncoid;

    if (nitems <= 0)
    {
        appendStringInfoString(result, "[]");
        return;
    }
    get_typlenbyvalalign(element_type, &typlen, &typbyval, &typalign);
    json_categorize_type(element_type, &tcategory, &outfuncoid);
    json_deconstruct_array(v, typlen, typbyval, typalign, &elements, &nulls);
    array_dim_to_json(result, 0, ARR_NDIM(v), ARR_DIMS(v), elements, nulls, &count,
                      tcategory, outfuncoid, use_line_feeds);
}

/* Append one argument of a build function, by its type. */
static void
add_json(Datum val, bool is_null, StringInfo result, Oid val_type, bool key_scalar)
{
    JsonTypeCategory tcategory;
    Oid         outfuncoid;

    if (val_type == InvalidOid)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("could not determine input data type"));
    if (is_null)
    {
        tcategory = JSONTYPE_NULL;
        outfuncoid = InvalidOid;
    }
    else
        json_categorize_type(val_type, &tcategory, &outfuncoid);
    datum_to_json(val, is_null, result, tcategory, outfuncoid, key_scalar);
}

static text *
stringinfo_to_text(StringInfo s)
{
    return cstring_to_text_with_len(s->data, s->len);
}

Datum
to_json(PG_FUNCTION_ARGS)
{
    Datum       val = PG_GETARG_DATUM(0);
    Oid         val_type = get_fn_expr_argtype(fcinfo->flinfo, 0);
    StringInfoData result;
    JsonTypeCategory tcategory;
    Oid         outfuncoid;

    if (val_type == InvalidOid)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("could not determine input data type"));
    json_categorize_type(val_type, &tcategory, &outfuncoid);
    initStringInfo(&result);
    datum_to_json(val, false, &result, tcategory, outfuncoid, false);
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

Datum
array_to_json(PG_FUNCTION_ARGS)
{
    StringInfoData result;

    initStringInfo(&result);
    array_to_json_internal(PG_GETARG_DATUM(0), &result, false);
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

Datum
array_to_json_pretty(PG_FUNCTION_ARGS)
{
    StringInfoData result;

    initStringInfo(&result);
    array_to_json_internal(PG_GETARG_DATUM(0), &result, PG_GETARG_BOOL(1));
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

/* ================================================================ variadic */

int
json_extract_variadic_args(FunctionCallInfo fcinfo, int variadic_start,
                           Datum **args, Oid **types, bool **nulls)
{
    bool    variadic = false;
    int     nargs;

    if (fcinfo->flinfo && fcinfo->flinfo->fn_expr &&
        IsA(fcinfo->flinfo->fn_expr, FuncExpr))
        variadic = ((FuncExpr *) fcinfo->flinfo->fn_expr)->funcvariadic;

    if (variadic)
    {
        /* f(VARIADIC array): the array's elements are the arguments */
        ArrayType *array_in;
        Oid       element_type;
        int16     typlen;
        bool      typbyval;
        char      typalign;

        if (PG_ARGISNULL(variadic_start))
            return -1;
        array_in = (ArrayType *) PG_GETARG_POINTER(variadic_start);
        element_type = ARR_ELEMTYPE(array_in);
        get_typlenbyvalalign(element_type, &typlen, &typbyval, &typalign);
        nargs = json_deconstruct_array(array_in, typlen, typbyval, typalign, args, nulls);
        *types = palloc(sizeof(Oid) * Max(nargs, 1));
        for (int i = 0; i < nargs; i++)
            (*types)[i] = element_type;
        return nargs;
    }

    nargs = PG_NARGS() - variadic_start;
    *nulls = palloc0(sizeof(bool) * Max(nargs, 1));
    *args = palloc0(sizeof(Datum) * Max(nargs, 1));
    *types = palloc0(sizeof(Oid) * Max(nargs, 1));
    for (int i = 0; i < nargs; i++)
    {
        (*nulls)[i] = PG_ARGISNULL(i + variadic_start);
        (*types)[i] = get_fn_expr_argtype(fcinfo->flinfo, i + variadic_start);

        /* an undecorated literal arrives as an unknown-type cstring */
        if ((*types)[i] == UNKNOWNOID)
        {
            (*types)[i] = TEXTOID;
            (*args)[i] = (*nulls)[i] ? (Datum) 0
                : CStringGetTextDatum(PG_GETARG_CSTRING(i + variadic_start));
        }
        else
            (*args)[i] = PG_GETARG_DATUM(i + variadic_start);

        if (!OidIsValid((*types)[i]))
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine data type for argument %d", i + 1));
    }
    return nargs;
}

/* ================================================================ builders */

Datum
json_build_object(PG_FUNCTION_ARGS)
{
    Datum      *args;
    bool       *nulls;
    Oid        *types;
    int         nargs = json_extract_variadic_args(fcinfo, 0, &args, &types, &nulls);
    const char *sep = "";
    StringInfoData result;

    if (nargs < 0)
        PG_RETURN_NULL();
    if (nargs % 2 != 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("argument list must have even number of elements"),
                errhint("The arguments of %s must consist of alternating keys and values.",
                        "json_build_object()"));

    initStringInfo(&result);
    appendStringInfoChar(&result, '{');
    for (int i = 0; i < nargs; i += 2)
    {
        appendStringInfoString(&result, sep);
        sep = ", ";
        if (nulls[i])
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("argument %d cannot be null", i + 1),
                    errhint("Object keys should be text."));
        add_json(args[i], false, &result, types[i], true);
        appendStringInfoString(&result, " : ");
        add_json(args[i + 1], nulls[i + 1], &result, types[i + 1], false);
    }
    appendStringInfoChar(&result, '}');
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

Datum
json_build_object_noargs(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text_with_len("{}", 2));
}

Datum
json_build_array(PG_FUNCTION_ARGS)
{
    Datum      *args;
    bool       *nulls;
    Oid        *types;
    int         nargs = json_extract_variadic_args(fcinfo, 0, &args, &types, &nulls);
    const char *sep = "";
    StringInfoData result;

    if (nargs < 0)
        PG_RETURN_NULL();
    initStringInfo(&result);
    appendStringInfoChar(&result, '[');
    for (int i = 0; i < nargs; i++)
    {
        appendStringInfoString(&result, sep);
        sep = ", ";
        add_json(args[i], nulls[i], &result, types[i], false);
    }
    appendStringInfoChar(&result, ']');
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

Datum
json_build_array_noargs(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text_with_len("[]", 2));
}

/* Append `"key" : "value"` pairs (values NULL -> null) as json_object does. */
static void
append_object_pair(StringInfo result, int i, Datum key, bool key_null,
                   Datum val, bool val_null)
{
    if (key_null)
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("null value not allowed for object key"));
    if (i > 0)
        appendStringInfoString(result, ", ");
    escape_json(result, TextDatumGetCString(key));
    appendStringInfoString(result, " : ");
    if (val_null)
        appendStringInfoString(result, "null");
    else
        escape_json(result, TextDatumGetCString(val));
}

Datum
json_object(PG_FUNCTION_ARGS)
{
    ArrayType  *in_array = (ArrayType *) PG_GETARG_POINTER(0);
    Datum     *in_datums;
    bool      *in_nulls;
    int        in_count;
    StringInfoData result;

    switch (ARR_NDIM(in_array))
    {
        case 0:
            PG_RETURN_TEXT_P(cstring_to_text_with_len("{}", 2));
        case 1:
            if ((ARR_DIMS(in_array)[0]) % 2)
                ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                        errmsg("array must have even number of elements"));
            break;
        case 2:
            if ((ARR_DIMS(in_array)[1]) != 2)
                ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                        errmsg("array must have two columns"));
            break;
        default:
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("wrong number of array subscripts"));
    }

    in_count = json_text_array(in_array, &in_datums, &in_nulls);
    initStringInfo(&result);
    appendStringInfoChar(&result, '{');
    for (int i = 0; i < in_count / 2; i++)
        append_object_pair(&result, i, in_datums[i * 2], in_nulls[i * 2],
                           in_datums[i * 2 + 1], in_nulls[i * 2 + 1]);
    appendStringInfoChar(&result, '}');
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

Datum
json_object_two_arg(PG_FUNCTION_ARGS)
{
    ArrayType  *key_array = (ArrayType *) PG_GETARG_POINTER(0);
    ArrayType  *val_array = (ArrayType *) PG_GETARG_POINTER(1);
    Datum     *key_datums,
              *val_datums;
    bool      *key_nulls,
              *val_nulls;
    int        key_count,
               val_count;
    StringInfoData result;

    if (ARR_NDIM(key_array) > 1 || ARR_NDIM(key_array) != ARR_NDIM(val_array))
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    if (ARR_NDIM(key_array) == 0)
        PG_RETURN_TEXT_P(cstring_to_text_with_len("{}", 2));

    key_count = json_text_array(key_array, &key_datums, &key_nulls);
    val_count = json_text_array(val_array, &val_datums, &val_nulls);
    if (key_count != val_count)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("mismatched array dimensions"));

    initStringInfo(&result);
    appendStringInfoChar(&result, '{');
    for (int i = 0; i < key_count; i++)
        append_object_pair(&result, i, key_datums[i], key_nulls[i],
                           val_datums[i], val_nulls[i]);
    appendStringInfoChar(&result, '}');
    PG_RETURN_TEXT_P(stringinfo_to_text(&result));
}

/* ================================================================ aggregates */

typedef struct JsonAggState
{
    StringInfo  str;
    JsonTypeCategory key_category;
    Oid         key_output_func;
    JsonTypeCategory val_category;
    Oid         val_output_func;
} JsonAggState;

/* The aggregate context, or the error PostgreSQL gives outside one. */
static MemoryContext
json_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
    MemoryContext aggcontext;

    if (!AggCheckCallContext(fcinfo, &aggcontext))
        elog(ERROR, "%s called in non-aggregate context", fname);
    return aggcontext;
}

Datum
json_agg_transfn(PG_FUNCTION_ARGS)
{
    MemoryContext aggcontext = json_agg_context(fcinfo, "json_agg_transfn");
    JsonAggState *state;

    if (PG_ARGISNULL(0))
    {
        Oid           arg_type = get_fn_expr_argtype(fcinfo->flinfo, 1);
        MemoryContext oldcontext;

        if (arg_type == InvalidOid)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine input data type"));
        oldcontext = MemoryContextSwitchTo(aggcontext);
        state = palloc(sizeof(JsonAggState));
        state->str = makeStringInfo();
        MemoryContextSwitchTo(oldcontext);

        appendStringInfoChar(state->str, '[');
        json_categorize_type(arg_type, &state->val_category, &state->val_output_func);
    }
    else
    {
        state = (JsonAggState *) PG_GETARG_POINTER(0);
        appendStringInfoString(state->str, ", ");
    }

    if (PG_ARGISNULL(1))
    {
        datum_to_json((Datum) 0, true, state->str, state->val_category,
                      state->val_output_func, false);
        PG_RETURN_POINTER(state);
    }

    /* structured values after the first start on a new line */
    if (!PG_ARGISNULL(0) &&
        (state->val_category == JSONTYPE_ARRAY || state->val_category == JSONTYPE_COMPOSITE))
        appendStringInfoString(state->str, "\n ");

    datum_to_json(PG_GETARG_DATUM(1), false, state->str, state->val_category,
                  state->val_output_func, false);
    PG_RETURN_POINTER(state);
}

/* state's text plus a terminator, leaving state untouched. */
static text *
catenate_stringinfo_string(StringInfo buffer, const char *addon)
{
    int   buflen = buffer->len;
    int   addlen = (int) strlen(addon);
    text *result = palloc(buflen + addlen + VARHDRSZ);

    SET_VARSIZE(result, buflen + addlen + VARHDRSZ);
    memcpy(VARDATA(result), buffer->data, buflen);
    memcpy(VARDATA(result) + buflen, addon, addlen);
    return result;
}

Datum
json_agg_finalfn(PG_FUNCTION_ARGS)
{
    JsonAggState *state;

    state = PG_ARGISNULL(0) ? NULL : (JsonAggState *) PG_GETARG_POINTER(0);
    if (state == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(catenate_stringinfo_string(state->str, "]"));
}

Datum
json_object_agg_transfn(PG_FUNCTION_ARGS)
{
    MemoryContext aggcontext = json_agg_context(fcinfo, "json_object_agg_transfn");
    JsonAggState *state;
    Datum         arg;

    if (PG_ARGISNULL(0))
    {
        Oid           arg_type;
        MemoryContext oldcontext;

        oldcontext = MemoryContextSwitchTo(aggcontext);
        state = palloc(sizeof(JsonAggState));
        state->str = makeStringInfo();
        MemoryContextSwitchTo(oldcontext);

        arg_type = get_fn_expr_argtype(fcinfo->flinfo, 1);
        if (arg_type == InvalidOid)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine data type for argument %d", 1));
        json_categorize_type(arg_type, &state->key_category, &state->key_output_func);

        arg_type = get_fn_expr_argtype(fcinfo->flinfo, 2);
        if (arg_type == InvalidOid)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine data type for argument %d", 2));
        json_categorize_type(arg_type, &state->val_category, &state->val_output_func);

        appendStringInfoString(state->str, "{ ");
    }
    else
    {
        state = (JsonAggState *) PG_GETARG_POINTER(0);
        appendStringInfoString(state->str, ", ");
    }

    /* "any" arguments: an unknown literal is a cstring, which unknownout prints */
    if (PG_ARGISNULL(1))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("field name must not be null"));

    arg = PG_GETARG_DATUM(1);
    datum_to_json(arg, false, state->str, state->key_category, state->key_output_func, true);
    appendStringInfoString(state->str, " : ");

    arg = PG_ARGISNULL(2) ? (Datum) 0 : PG_GETARG_DATUM(2);
    datum_to_json(arg, PG_ARGISNULL(2), state->str, state->val_category,
                  state->val_output_func, false);
    PG_RETURN_POINTER(state);
}

Datum
json_object_agg_finalfn(PG_FUNCTION_ARGS)
{
    JsonAggState *state;

    state = PG_ARGISNULL(0) ? NULL : (JsonAggState *) PG_GETARG_POINTER(0);
    if (state == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(catenate_stringinfo_string(state->str, " }"));
}
