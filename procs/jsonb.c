/*-------------------------------------------------------------------------
 * jsonb.c
 *    The jsonb type: text and binary I/O, btree comparison, hashing,
 *    jsonb_typeof and the casts from jsonb to bool and the numeric types.
 *
 * Input parses with the shared JSON parser (json_lex.c) de-escaping
 * strings, and feeds the builder (jsonb_util.c); numbers go through
 * numeric_in, so they keep their written scale ('1.50' stays 1.50) and
 * take numeric's range errors.  Output is PostgreSQL's JsonbToCString:
 * ", " between items and ": " after keys, keys in storage order (shorter
 * first, then bytewise), strings re-escaped by escape_json; jsonb_pretty
 * uses the same walker with four-space indentation.
 *
 * The binary form (jsonb_send/jsonb_recv) is PostgreSQL's version 1: one
 * byte 0x01 followed by the text form.
 *
 * Comparison and hashing are PostgreSQL's (compareJsonbContainers,
 * jsonb_hash), so ORDER BY, DISTINCT, hash joins and the values shown by
 * jsonb_hash() agree with PostgreSQL 15.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/jsonb.h"
#include "procs/json_lex.h"

/* numeric_funcs.c; not (yet) in procs/numeric.h */
extern Datum numeric_int2(PG_FUNCTION_ARGS);
extern Datum numeric_float4(PG_FUNCTION_ARGS);

/* ================================================================ input */

typedef struct JsonbInState
{
    JsonbParseState *parseState;
    JsonbValue *res;
} JsonbInState;

static void
jsonb_in_object_start(void *pstate)
{
    JsonbInState *_state = (JsonbInState *) pstate;

    _state->res = pushJsonbValue(&_state->parseState, WJB_BEGIN_OBJECT, NULL);
}

static void
jsonb_in_object_end(void *pstate)
{
    JsonbInState *_state = (JsonbInState *) pstate;

    _state->res = pushJsonbValue(&_state->parseState, WJB_END_OBJECT, NULL);
}

static void
jsonb_in_array_start(void *pstate)
{
    JsonbInState *_state = (JsonbInState *) pstate;

    _state->res = pushJsonbValue(&_state->parseState, WJB_BEGIN_ARRAY, NULL);
}

static void
jsonb_in_array_end(void *pstate)
{
    JsonbInState *_state = (JsonbInState *) pstate;

    _state->res = pushJsonbValue(&_state->parseState, WJB_END_ARRAY, NULL);
}

static void
jsonb_in_object_field_start(void *pstate, char *fname, bool isnull)
{
    JsonbInState *_state = (JsonbInState *) pstate;
    JsonbValue    v;

    v.type = jbvString;
    v.val.string.len = checkStringLen(strlen(fname));
    v.val.string.val = fname;
    _state->res = pushJsonbValue(&_state->parseState, WJB_KEY, &v);
}

static void
jsonb_in_scalar(void *pstate, char *token, JsonTokenType tokentype)
{
    JsonbInState *_state = (JsonbInState *) pstate;
    JsonbValue    v;

    switch (tokentype)
    {
        case JSON_TOKEN_STRING:
            v.type = jbvString;
            v.val.string.len = checkStringLen(strlen(token));
            v.val.string.val = token;
            break;
        case JSON_TOKEN_NUMBER:
            v.type = jbvNumeric;
            v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in,
                                                                CStringGetDatum(token),
                                                                ObjectIdGetDatum(InvalidOid),
                                                                Int32GetDatum(-1)));
            break;
        case JSON_TOKEN_TRUE:
            v.type = jbvBool;
            v.val.boolean = true;
            break;
        case JSON_TOKEN_FALSE:
            v.type = jbvBool;
            v.val.boolean = false;
            break;
        case JSON_TOKEN_NULL:
            v.type = jbvNull;
            break;
        default:
            elog(ERROR, "invalid json token type");
    }

    if (_state->parseState == NULL)
    {
        /* a scalar document: wrap it as PostgreSQL does */
        JsonbValue va;

        va.type = jbvArray;
        va.val.array.rawScalar = true;
        va.val.array.nElems = 1;
        _state->res = pushJsonbValue(&_state->parseState, WJB_BEGIN_ARRAY, &va);
        _state->res = pushJsonbValue(&_state->parseState, WJB_ELEM, &v);
        _state->res = pushJsonbValue(&_state->parseState, WJB_END_ARRAY, NULL);
    }
    else
    {
        JsonbValue *o = &_state->parseState->contVal;

        switch (o->type)
        {
            case jbvArray:
                _state->res = pushJsonbValue(&_state->parseState, WJB_ELEM, &v);
                break;
            case jbvObject:
                _state->res = pushJsonbValue(&_state->parseState, WJB_VALUE, &v);
                break;
            default:
                elog(ERROR, "unexpected parent of nested structure");
        }
    }
}

void
jsonb_parse_into(JsonbParseState **pstate, JsonbValue **res, const char *json, int len)
{
    JsonLexContext lex;
    JsonSemAction  sem;
    JsonbInState   state;

    state.parseState = *pstate;
    state.res = *res;
    makeJsonLexContextCstringLen(&lex, json, len, true);
    memset(&sem, 0, sizeof(sem));
    sem.semstate = &state;
    sem.object_start = jsonb_in_object_start;
    sem.array_start = jsonb_in_array_start;
    sem.object_end = jsonb_in_object_end;
    sem.array_end = jsonb_in_array_end;
    sem.scalar = jsonb_in_scalar;
    sem.object_field_start = jsonb_in_object_field_start;
    pg_parse_json_or_ereport(&lex, &sem);
    *pstate = state.parseState;
    *res = state.res;
}

Jsonb *
jsonb_from_cstring(const char *json, int len)
{
    JsonbParseState *pstate = NULL;
    JsonbValue      *res = NULL;

    jsonb_parse_into(&pstate, &res, json, len);
    return JsonbValueToJsonb(res);
}

Datum
jsonb_in(PG_FUNCTION_ARGS)
{
    char *json = PG_GETARG_CSTRING(0);

    PG_RETURN_JSONB_P(jsonb_from_cstring(json, (int) strlen(json)));
}

Datum
jsonb_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int        version = pq_getmsgint(buf, 1);
    char      *str;
    int        nbytes;

    if (version != 1)
        elog(ERROR, "unsupported jsonb version number %d", version);
    str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
    PG_RETURN_JSONB_P(jsonb_from_cstring(str, nbytes));
}

/* ================================================================ output */

static void
jsonb_put_escaped_value(StringInfo out, JsonbValue *scalarVal)
{
    switch (scalarVal->type)
    {
        case jbvNull:
            appendBinaryStringInfo(out, "null", 4);
            break;
        case jbvString:
            escape_json_len(out, scalarVal->val.string.val, scalarVal->val.string.len);
            break;
        case jbvNumeric:
            appendStringInfoString(out, numeric_out_internal(scalarVal->val.numeric));
            break;
        case jbvBool:
            if (scalarVal->val.boolean)
                appendBinaryStringInfo(out, "true", 4);
            else
                appendBinaryStringInfo(out, "false", 5);
            break;
        default:
            elog(ERROR, "unknown jsonb scalar type");
    }
}

static void
add_indent(StringInfo out, bool indent, int level)
{
    if (indent)
    {
        appendStringInfoChar(out, '\n');
        appendStringInfoSpaces(out, level * 4);
    }
}

/* PostgreSQL's JsonbToCStringWorker, token by token. */
static char *
JsonbToCStringWorker(StringInfo out, JsonbContainer *in, int estimated_len, bool indent)
{
    bool        first = true;
    JsonbIterator *it;
    JsonbValue  v;
    JsonbIteratorToken type = WJB_DONE;
    int         level = 0;
    bool        redo_switch = false;
    int         ispaces = indent ? 1 : 2;   /* no space after a comma when indenting */
    bool        use_indent = false;         /* never indent the very first item */
    bool        raw_scalar = false;
    bool        last_was_key = false;

    if (out == NULL)
        out = makeStringInfo();
    enlargeStringInfo(out, (estimated_len >= 0) ? estimated_len : 64);

    it = JsonbIteratorInit(in);
    while (redo_switch ||
           ((type = JsonbIteratorNext(&it, &v, false)) != WJB_DONE))
    {
        redo_switch = false;
        switch (type)
        {
            case WJB_BEGIN_ARRAY:
                if (!first)
                    appendBinaryStringInfo(out, ", ", ispaces);
                if (!v.val.array.rawScalar)
                {
                    add_indent(out, use_indent && !last_was_key, level);
                    appendStringInfoChar(out, '[');
                }
                else
                    raw_scalar = true;
                first = true;
                level++;
                break;
            case WJB_BEGIN_OBJECT:
                if (!first)
                    appendBinaryStringInfo(out, ", ", ispaces);
                add_indent(out, use_indent && !last_was_key, level);
                appendStringInfoChar(out, '{');
                first = true;
                level++;
                break;
            case WJB_KEY:
                if (!first)
                    appendBinaryStringInfo(out, ", ", ispaces);
                first = true;
                add_indent(out, use_indent, level);
                jsonb_put_escaped_value(out, &v);
                appendBinaryStringInfo(out, ": ", 2);

                type = JsonbIteratorNext(&it, &v, false);
                if (type == WJB_VALUE)
                {
                    first = false;
                    jsonb_put_escaped_value(out, &v);
                }
                else
                {
                    /* a container value: rerun the switch for its BEGIN */
                    redo_switch = true;
                }
                break;
            case WJB_ELEM:
                if (!first)
                    appendBinaryStringInfo(out, ", ", ispaces);
                first = false;
                if (!raw_scalar)
                    add_indent(out, use_indent, level);
                jsonb_put_escaped_value(out, &v);
                break;
            case WJB_END_ARRAY:
                level--;
                if (!raw_scalar)
                {
                    add_indent(out, use_indent, level);
                    appendStringInfoChar(out, ']');
                }
                first = false;
                break;
            case WJB_END_OBJECT:
                level--;
                add_indent(out, use_indent, level);
                appendStringInfoChar(out, '}');
                first = false;
                break;
            default:
                elog(ERROR, "unknown jsonb iterator token type");
        }
        use_indent = indent;
        last_was_key = redo_switch;
    }
    return out->data;
}

char *
JsonbToCString(StringInfo out, JsonbContainer *in, int estimated_len)
{
    return JsonbToCStringWorker(out, in, estimated_len, false);
}

char *
JsonbToCStringIndent(StringInfo out, JsonbContainer *in, int estimated_len)
{
    return JsonbToCStringWorker(out, in, estimated_len, true);
}

Datum
jsonb_out(PG_FUNCTION_ARGS)
{
    Jsonb *jb = PG_GETARG_JSONB_P(0);

    PG_RETURN_CSTRING(JsonbToCString(NULL, &jb->root, VARSIZE(jb)));
}

Datum
jsonb_send(PG_FUNCTION_ARGS)
{
    Jsonb         *jb = PG_GETARG_JSONB_P(0);
    StringInfoData buf;
    StringInfoData jtext;

    initStringInfo(&jtext);
    (void) JsonbToCString(&jtext, &jb->root, VARSIZE(jb));

    pq_begintypsend(&buf);
    pq_sendint8(&buf, 1);
    pq_sendtext(&buf, jtext.data, jtext.len);
    pfree(jtext.data);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

text *
JsonbValueAsText(JsonbValue *v)
{
    switch (v->type)
    {
        case jbvNull:
            return NULL;
        case jbvBool:
            return v->val.boolean ? cstring_to_text_with_len("true", 4)
                : cstring_to_text_with_len("false", 5);
        case jbvString:
            return cstring_to_text_with_len(v->val.string.val, v->val.string.len);
        case jbvNumeric:
            return cstring_to_text(numeric_out_internal(v->val.numeric));
        case jbvBinary:
            {
                StringInfoData jtext;

                initStringInfo(&jtext);
                (void) JsonbToCString(&jtext, v->val.binary.data, v->val.binary.len);
                return cstring_to_text_with_len(jtext.data, jtext.len);
            }
        default:
            elog(ERROR, "unrecognized jsonb type: %d", (int) v->type);
    }
    return NULL;
}

/* ================================================================ typeof */

static const char *
JsonbTypeName(JsonbValue *val)
{
    switch (val->type)
    {
        case jbvBinary:
            if (JsonContainerIsScalar(val->val.binary.data))
            {
                JsonbValue scalar;

                JsonbExtractScalar(val->val.binary.data, &scalar);
                return JsonbTypeName(&scalar);
            }
            if (JsonContainerIsArray(val->val.binary.data))
                return "array";
            if (JsonContainerIsObject(val->val.binary.data))
                return "object";
            elog(ERROR, "invalid jsonb container type");
            break;
        case jbvObject:
            return "object";
        case jbvArray:
            return "array";
        case jbvNumeric:
            return "number";
        case jbvString:
            return "string";
        case jbvBool:
            return "boolean";
        case jbvNull:
            return "null";
    }
    elog(ERROR, "unrecognized jsonb value type: %d", (int) val->type);
    return "unknown";
}

Datum
jsonb_typeof(PG_FUNCTION_ARGS)
{
    Jsonb     *in = PG_GETARG_JSONB_P(0);
    JsonbValue v;

    JsonbToJsonbValue(in, &v);
    PG_RETURN_TEXT_P(cstring_to_text(JsonbTypeName(&v)));
}

/* ================================================================ compare */

static int
jsonb_cmp_args(FunctionCallInfo fcinfo)
{
    Jsonb *a = PG_GETARG_JSONB_P(0);
    Jsonb *b = PG_GETARG_JSONB_P(1);

    return compareJsonbContainers(&a->root, &b->root);
}

Datum
jsonb_ne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_cmp_args(fcinfo) != 0);
}

Datum
jsonb_lt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_cmp_args(fcinfo) < 0);
}

Datum
jsonb_gt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_cmp_args(fcinfo) > 0);
}

Datum
jsonb_le(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_cmp_args(fcinfo) <= 0);
}

Datum
jsonb_ge(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_cmp_args(fcinfo) >= 0);
}

Datum
jsonb_eq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_cmp_args(fcinfo) == 0);
}

Datum
jsonb_cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(jsonb_cmp_args(fcinfo));
}

/* ================================================================ hash */

/* Hash of the token walk; equal values (by jsonb_eq) hash equal. */
Datum
jsonb_hash(PG_FUNCTION_ARGS)
{
    Jsonb         *jb = PG_GETARG_JSONB_P(0);
    JsonbIterator *it;
    JsonbValue     v;
    JsonbIteratorToken r;
    uint32         hash = 0;

    if (JB_ROOT_COUNT(jb) == 0)
        PG_RETURN_INT32(0);

    it = JsonbIteratorInit(&jb->root);
    while ((r = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
    {
        switch (r)
        {
            case WJB_BEGIN_ARRAY:
                hash ^= JB_FARRAY;
                break;
            case WJB_BEGIN_OBJECT:
                hash ^= JB_FOBJECT;
                break;
            case WJB_KEY:
            case WJB_VALUE:
            case WJB_ELEM:
                JsonbHashScalarValue(&v, &hash);
                break;
            case WJB_END_ARRAY:
            case WJB_END_OBJECT:
                break;
            default:
                elog(ERROR, "invalid JsonbIteratorNext rc: %d", (int) r);
        }
    }
    PG_RETURN_INT32((int32) hash);
}

Datum
jsonb_hash_extended(PG_FUNCTION_ARGS)
{
    Jsonb         *jb = PG_GETARG_JSONB_P(0);
    uint64         seed = PG_GETARG_INT64(1);
    JsonbIterator *it;
    JsonbValue     v;
    JsonbIteratorToken r;
    uint64         hash = 0;

    if (JB_ROOT_COUNT(jb) == 0)
        PG_RETURN_INT64((int64) seed);

    it = JsonbIteratorInit(&jb->root);
    while ((r = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
    {
        switch (r)
        {
            case WJB_BEGIN_ARRAY:
                hash ^= ((uint64) JB_FARRAY) << 32 | JB_FARRAY;
                break;
            case WJB_BEGIN_OBJECT:
                hash ^= ((uint64) JB_FOBJECT) << 32 | JB_FOBJECT;
                break;
            case WJB_KEY:
            case WJB_VALUE:
            case WJB_ELEM:
                JsonbHashScalarValueExtended(&v, &hash, seed);
                break;
            case WJB_END_ARRAY:
            case WJB_END_OBJECT:
                break;
            default:
                elog(ERROR, "invalid JsonbIteratorNext rc: %d", (int) r);
        }
    }
    PG_RETURN_INT64((int64) hash);
}

/* ================================================================ casts */

pg_attribute_noreturn() static void
cannotCastJsonbValue(enum jbvType type, const char *sqltype)
{
    const char *what;

    switch (type)
    {
        case jbvNull:
            what = "null";
            break;
        case jbvString:
            what = "string";
            break;
        case jbvNumeric:
            what = "numeric";
            break;
        case jbvBool:
            what = "boolean";
            break;
        case jbvArray:
            what = "array";
            break;
        case jbvObject:
            what = "object";
            break;
        case jbvBinary:
            what = "array or object";
            break;
        default:
            elog(ERROR, "unknown jsonb type: %d", (int) type);
    }
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("cannot cast jsonb %s to type %s", what, sqltype));
}

/* The numeric inside a jsonb number, or the cast error for sqltype. */
static Numeric
jsonb_get_numeric(FunctionCallInfo fcinfo, const char *sqltype)
{
    Jsonb     *in = PG_GETARG_JSONB_P(0);
    JsonbValue v;

    if (!JsonbExtractScalar(&in->root, &v) || v.type != jbvNumeric)
        cannotCastJsonbValue(v.type, sqltype);
    return v.val.numeric;
}

Datum
jsonb_bool(PG_FUNCTION_ARGS)
{
    Jsonb     *in = PG_GETARG_JSONB_P(0);
    JsonbValue v;

    if (!JsonbExtractScalar(&in->root, &v) || v.type != jbvBool)
        cannotCastJsonbValue(v.type, "boolean");
    PG_RETURN_BOOL(v.val.boolean);
}

Datum
jsonb_numeric(PG_FUNCTION_ARGS)
{
    Numeric n = jsonb_get_numeric(fcinfo, "numeric");
    Numeric copy = (Numeric) palloc(VARSIZE(n));

    /* a copy: the result must not point into the jsonb */
    memcpy(copy, n, VARSIZE(n));
    PG_RETURN_NUMERIC(copy);
}

Datum
jsonb_int2(PG_FUNCTION_ARGS)
{
    Numeric n = jsonb_get_numeric(fcinfo, "smallint");

    PG_RETURN_DATUM(DirectFunctionCall1(numeric_int2, NumericGetDatum(n)));
}

Datum
jsonb_int4(PG_FUNCTION_ARGS)
{
    Numeric n = jsonb_get_numeric(fcinfo, "integer");

    PG_RETURN_DATUM(DirectFunctionCall1(numeric_int4, NumericGetDatum(n)));
}

Datum
jsonb_int8(PG_FUNCTION_ARGS)
{
    Numeric n = jsonb_get_numeric(fcinfo, "bigint");

    PG_RETURN_DATUM(DirectFunctionCall1(numeric_int8, NumericGetDatum(n)));
}

Datum
jsonb_float4(PG_FUNCTION_ARGS)
{
    Numeric n = jsonb_get_numeric(fcinfo, "real");

    PG_RETURN_DATUM(DirectFunctionCall1(numeric_float4, NumericGetDatum(n)));
}

Datum
jsonb_float8(PG_FUNCTION_ARGS)
{
    Numeric n = jsonb_get_numeric(fcinfo, "double precision");

    PG_RETURN_DATUM(DirectFunctionCall1(numeric_float8, NumericGetDatum(n)));
}
