/*-------------------------------------------------------------------------
 * jsonb_gen.c
 *    Turning SQL values into jsonb: to_jsonb, jsonb_build_object,
 *    jsonb_build_array, jsonb_object, and the aggregates jsonb_agg and
 *    jsonb_object_agg.
 *
 * Values map by the same type categories as to_json (json.c), with
 * PostgreSQL's jsonb twists (src/backend/utils/adt/jsonb.c,
 * datum_to_jsonb): numeric-category values become jsonb numbers unless
 * their text has an 'N' or 'n' (NaN, Infinity), then strings; json values
 * are parsed straight into the value being built; object keys are always
 * strings (a number key 1 becomes "1", true becomes "true") and arrays,
 * json and jsonb are refused as keys.  Duplicate keys keep the last value.
 *
 * Aggregate states are builder stacks (JsonbParseState) in the aggregate
 * context.  Each input is converted in the caller's context first, then
 * copied into the aggregate context whole and added as one element or
 * value.  The final functions build from a copy of the open container,
 * so they can run more than once (window aggregation) without changing
 * the state.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "procs/jsonb.h"
#include "procs/json_lex.h"
#include "procs/rowtypes.h"

typedef struct JsonbInState
{
    JsonbParseState *parseState;
    JsonbValue *res;
} JsonbInState;

static void datum_to_jsonb(Datum val, bool is_null, JsonbInState *result,
                           JsonTypeCategory tcategory, Oid outfuncoid, bool key_scalar);

static void
array_dim_to_jsonb(JsonbInState *result, int dim, int ndims, const int *dims, Datum *vals,
                   bool *nulls, int *valcount, JsonTypeCategory tcategory, Oid outfuncoid)
{
    result->res = pushJsonbValue(&result->parseState, WJB_BEGIN_ARRAY, NULL);
    for (int i = 1; i <= dims[dim]; i++)
    {
        if (dim + 1 == ndims)
        {
            datum_to_jsonb(vals[*valcount], nulls[*valcount], result, tcategory,
                           outfuncoid, false);
            (*valcount)++;
        }
        else
            array_dim_to_jsonb(result, dim + 1, ndims, dims, vals, nulls, valcount,
                               tcategory, outfuncoid);
    }
    result->res = pushJsonbValue(&result->parseState, WJB_END_ARRAY, NULL);
}

static void
array_to_jsonb_internal(Datum array, JsonbInState *result)
{
    ArrayType   *v = (ArrayType *) DatumGetPointer(array);
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
        result->res = pushJsonbValue(&result->parseState, WJB_BEGIN_ARRAY, NULL);
        result->res = pushJsonbValue(&result->parseState, WJB_END_ARRAY, NULL);
        return;
    }
    get_typlenbyvalalign(ARR_ELEMTYPE(v), &typlen, &typbyval, &typalign);
    json_categorize_type(ARR_ELEMTYPE(v), &tcategory, &outfuncoid);
    json_deconstruct_array(v, typlen, typbyval, typalign, &elements, &nulls);
    array_dim_to_jsonb(result, 0, ARR_NDIM(v), ARR_DIMS(v), elements, nulls, &count,
                       tcategory, outfuncoid);
}

/* A record as an object of its fields (PostgreSQL's composite_to_jsonb). */
static void
composite_to_jsonb(Datum composite, JsonbInState *result)
{
    TupleDesc   desc = record_tupdesc(composite);
    Datum      *values = palloc(sizeof(Datum) * (Size) Max(desc->natts, 1));
    bool       *nulls = palloc(sizeof(bool) * (Size) Max(desc->natts, 1));

    record_deform(composite, desc, values, nulls);
    result->res = pushJsonbValue(&result->parseState, WJB_BEGIN_OBJECT, NULL);
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        JsonbValue  key;
        JsonTypeCategory tcategory;
        Oid         outfuncoid;

        key.type = jbvString;
        key.val.string.len = checkStringLen(strlen(NameStr(att->attname)));
        key.val.string.val = NameStr(att->attname);
        result->res = pushJsonbValue(&result->parseState, WJB_KEY, &key);
        if (nulls[i])
        {
            tcategory = JSONTYPE_NULL;
            outfuncoid = InvalidOid;
        }
        else
            json_categorize_type(att->atttypid, &tcategory, &outfuncoid);
        datum_to_jsonb(values[i], nulls[i], result, tcategory, outfuncoid, false);
    }
    result->res = pushJsonbValue(&result->parseState, WJB_END_OBJECT, NULL);
}

static JsonbValue
jsonb_string_value(char *s)
{
    JsonbValue jb;

    jb.type = jbvString;
    jb.val.string.len = checkStringLen(strlen(s));
    jb.val.string.val = s;
    return jb;
}

/*
 * Add val to result: as the whole value if nothing is open, else as the
 * next element, key (key_scalar) or value of the open container.
 */
static void
datum_to_jsonb(Datum val, bool is_null, JsonbInState *result,
               JsonTypeCategory tcategory, Oid outfuncoid, bool key_scalar)
{
    JsonbValue  jb;
    char       *outputstr;

    if (is_null)
        jb.type = jbvNull;
    else if (key_scalar &&
             (tcategory == JSONTYPE_ARRAY || tcategory == JSONTYPE_COMPOSITE ||
              tcategory == JSONTYPE_JSON || tcategory == JSONTYPE_JSONB))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("key value must be scalar, not array, composite, or json"));
    else
    {
        switch (tcategory)
        {
            case JSONTYPE_ARRAY:
                array_to_jsonb_internal(val, result);
                return;
            case JSONTYPE_COMPOSITE:
                composite_to_jsonb(val, result);
                return;
            case JSONTYPE_JSON:
                {
                    text *json = DatumGetTextP(val);

                    jsonb_parse_into(&result->parseState, &result->res,
                                     VARDATA_ANY(json), VARSIZE_ANY_EXHDR(json));
                }
                return;
            case JSONTYPE_JSONB:
                {
                    Jsonb *jsonb = DatumGetJsonbP(val);

                    JsonbToJsonbValue(jsonb, &jb);
                    if (jb.type == jbvBinary && result->parseState == NULL)
                    {
                        /* the whole result: the value itself */
                        result->res = palloc(sizeof(JsonbValue));
                        *result->res = jb;
                        return;
                    }
                }
                break;
            case JSONTYPE_BOOL:
                if (key_scalar)
                    jb = jsonb_string_value(DatumGetBool(val) ? "true" : "false");
                else
                {
                    jb.type = jbvBool;
                    jb.val.boolean = DatumGetBool(val);
                }
                break;
            case JSONTYPE_NUMERIC:
                outputstr = OidOutputFunctionCall(outfuncoid, val);
                if (key_scalar || strchr(outputstr, 'N') != NULL || strchr(outputstr, 'n') != NULL)
                    jb = jsonb_string_value(outputstr);     /* keys, NaN, Infinity */
                else
                {
                    jb.type = jbvNumeric;
                    jb.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in,
                                                                         CStringGetDatum(outputstr),
                                                                         ObjectIdGetDatum(InvalidOid),
                                                                         Int32GetDatum(-1)));
                }
                break;
            case JSONTYPE_DATE:
                jb = jsonb_string_value(JsonEncodeDateTime(val, DATEOID));
                break;
            case JSONTYPE_TIMESTAMP:
                jb = jsonb_string_value(JsonEncodeDateTime(val, TIMESTAMPOID));
                break;
            case JSONTYPE_TIMESTAMPTZ:
                jb = jsonb_string_value(JsonEncodeDateTime(val, TIMESTAMPTZOID));
                break;
            default:
                jb = jsonb_string_value(OidOutputFunctionCall(outfuncoid, val));
                break;
        }
    }

    if (result->parseState == NULL)
    {
        /* a scalar document */
        JsonbValue va;

        va.type = jbvArray;
        va.val.array.rawScalar = true;
        va.val.array.nElems = 1;
        result->res = pushJsonbValue(&result->parseState, WJB_BEGIN_ARRAY, &va);
        result->res = pushJsonbValue(&result->parseState, WJB_ELEM, &jb);
        result->res = pushJsonbValue(&result->parseState, WJB_END_ARRAY, NULL);
    }
    else
    {
        switch (result->parseState->contVal.type)
        {
            case jbvArray:
                result->res = pushJsonbValue(&result->parseState, WJB_ELEM, &jb);
                break;
            case jbvObject:
                result->res = pushJsonbValue(&result->parseState,
                                             key_scalar ? WJB_KEY : WJB_VALUE, &jb);
                break;
            default:
                elog(ERROR, "unexpected parent of nested structure");
        }
    }
}

static void
add_jsonb(Datum val, bool is_null, JsonbInState *result, Oid val_type, bool key_scalar)
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
    datum_to_jsonb(val, is_null, result, tcategory, outfuncoid, key_scalar);
}

/* ================================================================ functions */

Datum
to_jsonb(PG_FUNCTION_ARGS)
{
    Oid         val_type = get_fn_expr_argtype(fcinfo->flinfo, 0);
    JsonbInState result;
    JsonTypeCategory tcategory;
    Oid         outfuncoid;

    if (val_type == InvalidOid)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("could not determine input data type"));
    json_categorize_type(val_type, &tcategory, &outfuncoid);
    memset(&result, 0, sizeof(result));
    datum_to_jsonb(PG_GETARG_DATUM(0), false, &result, tcategory, outfuncoid, false);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

Datum
jsonb_build_object(PG_FUNCTION_ARGS)
{
    Datum      *args;
    bool       *nulls;
    Oid        *types;
    int         nargs = json_extract_variadic_args(fcinfo, 0, &args, &types, &nulls);
    JsonbInState result;

    if (nargs < 0)
        PG_RETURN_NULL();
    if (nargs % 2 != 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("argument list must have even number of elements"),
                errhint("The arguments of %s must consist of alternating keys and values.",
                        "jsonb_build_object()"));

    memset(&result, 0, sizeof(result));
    result.res = pushJsonbValue(&result.parseState, WJB_BEGIN_OBJECT, NULL);
    for (int i = 0; i < nargs; i += 2)
    {
        if (nulls[i])
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("argument %d: key must not be null", i + 1));
        add_jsonb(args[i], false, &result, types[i], true);
        add_jsonb(args[i + 1], nulls[i + 1], &result, types[i + 1], false);
    }
    result.res = pushJsonbValue(&result.parseState, WJB_END_OBJECT, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

Datum
jsonb_build_object_noargs(PG_FUNCTION_ARGS)
{
    JsonbInState result;

    memset(&result, 0, sizeof(result));
    (void) pushJsonbValue(&result.parseState, WJB_BEGIN_OBJECT, NULL);
    result.res = pushJsonbValue(&result.parseState, WJB_END_OBJECT, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

Datum
jsonb_build_array(PG_FUNCTION_ARGS)
{
    Datum      *args;
    bool       *nulls;
    Oid        *types;
    int         nargs = json_extract_variadic_args(fcinfo, 0, &args, &types, &nulls);
    JsonbInState result;

    if (nargs < 0)
        PG_RETURN_NULL();
    memset(&result, 0, sizeof(result));
    result.res = pushJsonbValue(&result.parseState, WJB_BEGIN_ARRAY, NULL);
    for (int i = 0; i < nargs; i++)
        add_jsonb(args[i], nulls[i], &result, types[i], false);
    result.res = pushJsonbValue(&result.parseState, WJB_END_ARRAY, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

Datum
jsonb_build_array_noargs(PG_FUNCTION_ARGS)
{
    JsonbInState result;

    memset(&result, 0, sizeof(result));
    (void) pushJsonbValue(&result.parseState, WJB_BEGIN_ARRAY, NULL);
    result.res = pushJsonbValue(&result.parseState, WJB_END_ARRAY, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

/* Add "key": "value" (value NULL -> null) from text datums. */
static void
jsonb_object_pair(JsonbInState *result, Datum key, bool key_null, Datum val, bool val_null)
{
    JsonbValue v;

    if (key_null)
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("null value not allowed for object key"));
    v = jsonb_string_value(TextDatumGetCString(key));
    (void) pushJsonbValue(&result->parseState, WJB_KEY, &v);
    if (val_null)
        v.type = jbvNull;
    else
        v = jsonb_string_value(TextDatumGetCString(val));
    (void) pushJsonbValue(&result->parseState, WJB_VALUE, &v);
}

Datum
jsonb_object(PG_FUNCTION_ARGS)
{
    ArrayType  *in_array = (ArrayType *) PG_GETARG_POINTER(0);
    Datum     *in_datums;
    bool      *in_nulls;
    int        in_count = 0;
    JsonbInState result;

    memset(&result, 0, sizeof(result));
    (void) pushJsonbValue(&result.parseState, WJB_BEGIN_OBJECT, NULL);

    switch (ARR_NDIM(in_array))
    {
        case 0:
            break;
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

    if (ARR_NDIM(in_array) > 0)
        in_count = json_text_array(in_array, &in_datums, &in_nulls);
    for (int i = 0; i < in_count / 2; i++)
        jsonb_object_pair(&result, in_datums[i * 2], in_nulls[i * 2],
                          in_datums[i * 2 + 1], in_nulls[i * 2 + 1]);

    result.res = pushJsonbValue(&result.parseState, WJB_END_OBJECT, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

Datum
jsonb_object_two_arg(PG_FUNCTION_ARGS)
{
    ArrayType  *key_array = (ArrayType *) PG_GETARG_POINTER(0);
    ArrayType  *val_array = (ArrayType *) PG_GETARG_POINTER(1);
    Datum     *key_datums,
              *val_datums;
    bool      *key_nulls,
              *val_nulls;
    int        key_count,
               val_count;
    JsonbInState result;

    memset(&result, 0, sizeof(result));
    (void) pushJsonbValue(&result.parseState, WJB_BEGIN_OBJECT, NULL);

    if (ARR_NDIM(key_array) > 1 || ARR_NDIM(key_array) != ARR_NDIM(val_array))
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    if (ARR_NDIM(key_array) > 0)
    {
        key_count = json_text_array(key_array, &key_datums, &key_nulls);
        val_count = json_text_array(val_array, &val_datums, &val_nulls);
        if (key_count != val_count)
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("mismatched array dimensions"));
        for (int i = 0; i < key_count; i++)
            jsonb_object_pair(&result, key_datums[i], key_nulls[i], val_datums[i], val_nulls[i]);
    }

    result.res = pushJsonbValue(&result.parseState, WJB_END_OBJECT, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(result.res));
}

/* ================================================================ aggregates */

typedef struct JsonbAggState
{
    JsonbParseState *parseState;    /* the open array or object */
    JsonTypeCategory key_category;
    Oid         key_output_func;
    JsonTypeCategory val_category;
    Oid         val_output_func;
} JsonbAggState;

static MemoryContext
jsonb_agg_context(FunctionCallInfo fcinfo, const char *fname)
{
    MemoryContext aggcontext;

    if (!AggCheckCallContext(fcinfo, &aggcontext))
        elog(ERROR, "%s called in non-aggregate context", fname);
    return aggcontext;
}

/* val converted to jsonb in the current context. */
static Jsonb *
jsonb_from_datum(Datum val, bool is_null, JsonTypeCategory tcategory, Oid outfuncoid,
                 bool key_scalar)
{
    JsonbInState elem;

    memset(&elem, 0, sizeof(elem));
    datum_to_jsonb(val, is_null, &elem, tcategory, outfuncoid, key_scalar);
    return JsonbValueToJsonb(elem.res);
}

/* Copy jb into cxt and add it to state's open container as seq. */
static void
jsonb_agg_push(JsonbAggState *state, MemoryContext cxt, JsonbIteratorToken seq, Jsonb *jb)
{
    MemoryContext old = MemoryContextSwitchTo(cxt);
    Jsonb      *copy = palloc(VARSIZE(jb));
    JsonbValue  v;

    memcpy(copy, jb, VARSIZE(jb));
    JsonbToJsonbValue(copy, &v);
    (void) pushJsonbValue(&state->parseState, seq, &v);
    MemoryContextSwitchTo(old);
}

static JsonbAggState *
jsonb_agg_state_new(MemoryContext aggcontext, JsonbIteratorToken begin)
{
    MemoryContext old = MemoryContextSwitchTo(aggcontext);
    JsonbAggState *state = palloc0(sizeof(JsonbAggState));

    (void) pushJsonbValue(&state->parseState, begin, NULL);
    MemoryContextSwitchTo(old);
    return state;
}

Datum
jsonb_agg_transfn(PG_FUNCTION_ARGS)
{
    MemoryContext aggcontext = jsonb_agg_context(fcinfo, "jsonb_agg_transfn");
    JsonbAggState *state;
    Jsonb      *elem;

    if (PG_ARGISNULL(0))
    {
        Oid arg_type = get_fn_expr_argtype(fcinfo->flinfo, 1);

        if (arg_type == InvalidOid)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine input data type"));
        state = jsonb_agg_state_new(aggcontext, WJB_BEGIN_ARRAY);
        json_categorize_type(arg_type, &state->val_category, &state->val_output_func);
    }
    else
        state = (JsonbAggState *) PG_GETARG_POINTER(0);

    elem = jsonb_from_datum(PG_ARGISNULL(1) ? (Datum) 0 : PG_GETARG_DATUM(1),
                            PG_ARGISNULL(1), state->val_category, state->val_output_func,
                            false);
    jsonb_agg_push(state, aggcontext, WJB_ELEM, elem);
    PG_RETURN_POINTER(state);
}

/* Close a copy of the state's open container and serialize it. */
static Jsonb *
jsonb_agg_finish(JsonbAggState *state, JsonbIteratorToken end)
{
    JsonbParseState *clone = palloc(sizeof(JsonbParseState));
    JsonbValue *cont = &state->parseState->contVal;

    *clone = *state->parseState;
    clone->next = NULL;
    if (end == WJB_END_OBJECT)
    {
        /* closing sorts and de-duplicates pairs in place: use a copy */
        Size sz = sizeof(JsonbPair) * Max(cont->val.object.nPairs, 1);

        clone->contVal.val.object.pairs = palloc(sz);
        memcpy(clone->contVal.val.object.pairs, cont->val.object.pairs,
               sizeof(JsonbPair) * cont->val.object.nPairs);
        clone->size = Max(cont->val.object.nPairs, 1);
    }
    return JsonbValueToJsonb(pushJsonbValue(&clone, end, NULL));
}

Datum
jsonb_agg_finalfn(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();       /* no rows in */
    PG_RETURN_JSONB_P(jsonb_agg_finish((JsonbAggState *) PG_GETARG_POINTER(0),
                                       WJB_END_ARRAY));
}

Datum
jsonb_object_agg_transfn(PG_FUNCTION_ARGS)
{
    MemoryContext aggcontext = jsonb_agg_context(fcinfo, "jsonb_object_agg_transfn");
    JsonbAggState *state;
    Jsonb      *jbkey;
    Jsonb      *jbval;

    if (PG_ARGISNULL(0))
    {
        Oid arg_type;

        state = jsonb_agg_state_new(aggcontext, WJB_BEGIN_OBJECT);
        arg_type = get_fn_expr_argtype(fcinfo->flinfo, 1);
        if (arg_type == InvalidOid)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine input data type"));
        json_categorize_type(arg_type, &state->key_category, &state->key_output_func);
        arg_type = get_fn_expr_argtype(fcinfo->flinfo, 2);
        if (arg_type == InvalidOid)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("could not determine input data type"));
        json_categorize_type(arg_type, &state->val_category, &state->val_output_func);
    }
    else
        state = (JsonbAggState *) PG_GETARG_POINTER(0);

    if (PG_ARGISNULL(1))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("field name must not be null"));

    jbkey = jsonb_from_datum(PG_GETARG_DATUM(1), false, state->key_category,
                             state->key_output_func, true);
    jbval = jsonb_from_datum(PG_ARGISNULL(2) ? (Datum) 0 : PG_GETARG_DATUM(2),
                             PG_ARGISNULL(2), state->val_category, state->val_output_func,
                             false);
    if (!JB_ROOT_IS_SCALAR(jbkey))
        elog(ERROR, "unexpected structure for key");
    {
        JsonbValue k;

        JsonbExtractScalar(&jbkey->root, &k);
        if (k.type != jbvString)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("object keys must be strings"));
    }
    jsonb_agg_push(state, aggcontext, WJB_KEY, jbkey);
    jsonb_agg_push(state, aggcontext, WJB_VALUE, jbval);
    PG_RETURN_POINTER(state);
}

Datum
jsonb_object_agg_finalfn(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    PG_RETURN_JSONB_P(jsonb_agg_finish((JsonbAggState *) PG_GETARG_POINTER(0),
                                       WJB_END_OBJECT));
}
