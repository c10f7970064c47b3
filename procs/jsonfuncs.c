/*-------------------------------------------------------------------------
 * jsonfuncs.c
 *    Functions that take json or jsonb apart: the json (text) operators
 *    -> ->> #> #>>, json_typeof, json_array_length, json_strip_nulls,
 *    jsonb_array_length, jsonb_strip_nulls, jsonb_pretty, and the
 *    single-column set-returning functions json[b]_array_elements[_text]
 *    and json[b]_object_keys.
 *
 * json values are text, so every json function parses its argument.  The
 * functions here parse it once into a small tree (JsonNode) that records,
 * for each value, where its text starts and ends in the input, and for
 * each string its de-escaped value.  The answers are then PostgreSQL's
 * (src/backend/utils/adt/jsonfuncs.c, get_worker and friends):
 *   - -> and #> return the value's original text, spacing included;
 *   - ->> and #>> return strings de-escaped, JSON null as SQL NULL;
 *   - with duplicate keys, the last match in document order wins, and
 *     every matching branch of a path is searched;
 *   - a negative array index counts from the end of the first array it
 *     is applied to (PostgreSQL rewrites the path in place);
 *   - #> with an empty path returns the whole document; for a scalar
 *     document that text keeps any leading whitespace (PostgreSQL's quirk).
 * Like PostgreSQL, these de-escape every string while parsing, so any
 * "\u0000" in the document is an error even if the answer lies elsewhere.
 *
 * Set-returning functions use the value-per-call protocol (funcapi.h);
 * their state lives in the multi-call memory context.  Functions that
 * return records (json_each, jsonb_each, json[b]_to_record[set],
 * json[b]_populate_record[set], row_to_json) are at the end of the file
 * and answer sets in materialize mode.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <errno.h>
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "procs/funcapi.h"
#include "procs/jsonb.h"
#include "procs/json_lex.h"
#include "procs/rowtypes.h"
#include "catalog/lsyscache.h"
#include "executor/tuplestore.h"

/* ================================================================ json tree */

typedef struct JsonNode
{
    JsonTokenType type;         /* OBJECT_START, ARRAY_START or a scalar token */
    const char *start;          /* the value's text in the input */
    int         len;
    char       *str;            /* de-escaped string, or the scalar's token */
    int         nchildren;
    int         maxchildren;
    struct JsonNode **children;
    char      **keys;           /* objects: de-escaped field names */
} JsonNode;

typedef struct JsonTreeState
{
    JsonLexContext *lex;
    JsonNode   *root;
    JsonNode   *stack[JSON_MAX_NESTING + 1];
    int         depth;
    const char *pending_start;  /* start of the value about to be parsed */
    char       *pending_key;
} JsonTreeState;

static JsonNode *
tree_new_node(JsonTreeState *st, JsonTokenType type)
{
    JsonNode *node = palloc0(sizeof(JsonNode));

    node->type = type;
    if (st->depth == 0)
    {
        /* the document itself: a scalar's text starts at the input's start */
        node->start = type == JSON_TOKEN_OBJECT_START || type == JSON_TOKEN_ARRAY_START
            ? st->lex->token_start : st->lex->input;
        st->root = node;
    }
    else
    {
        JsonNode *parent = st->stack[st->depth - 1];

        node->start = st->pending_start;
        if (parent->nchildren >= parent->maxchildren)
        {
            parent->maxchildren = parent->maxchildren ? parent->maxchildren * 2 : 4;
            parent->children = parent->children
                ? repalloc(parent->children, sizeof(JsonNode *) * parent->maxchildren)
                : palloc(sizeof(JsonNode *) * parent->maxchildren);
            if (parent->type == JSON_TOKEN_OBJECT_START)
                parent->keys = parent->keys
                    ? repalloc(parent->keys, sizeof(char *) * parent->maxchildren)
                    : palloc(sizeof(char *) * parent->maxchildren);
        }
        if (parent->type == JSON_TOKEN_OBJECT_START)
            parent->keys[parent->nchildren] = st->pending_key;
        parent->children[parent->nchildren++] = node;
    }
    return node;
}

static void
tree_container_start(JsonTreeState *st, JsonTokenType type)
{
    JsonNode *node;

    /* containers start at their bracket, which is the current token */
    st->pending_start = st->lex->token_start;
    node = tree_new_node(st, type);
    st->stack[st->depth++] = node;
}

static void
tree_object_start(void *state)
{
    tree_container_start((JsonTreeState *) state, JSON_TOKEN_OBJECT_START);
}

static void
tree_array_start(void *state)
{
    tree_container_start((JsonTreeState *) state, JSON_TOKEN_ARRAY_START);
}

static void
tree_container_end(void *state)
{
    JsonTreeState *st = (JsonTreeState *) state;
    JsonNode      *node = st->stack[--st->depth];

    node->len = (int) (st->lex->prev_token_terminator - node->start);
}

static void
tree_field_start(void *state, char *fname, bool isnull)
{
    JsonTreeState *st = (JsonTreeState *) state;

    st->pending_key = fname;
    st->pending_start = st->lex->token_start;
}

static void
tree_element_start(void *state, bool isnull)
{
    JsonTreeState *st = (JsonTreeState *) state;

    st->pending_start = st->lex->token_start;
}

static void
tree_scalar(void *state, char *token, JsonTokenType tokentype)
{
    JsonTreeState *st = (JsonTreeState *) state;
    JsonNode      *node = tree_new_node(st, tokentype);

    node->str = token;
    /* the lexer is past the scalar: it ended at prev_token_terminator */
    node->len = (int) (st->lex->prev_token_terminator - node->start);
}

/* Parse json text (already valid, but strings are de-escaped) into a tree. */
static JsonNode *
json_parse_tree(text *json)
{
    JsonLexContext lex;
    JsonSemAction  sem;
    JsonTreeState *st = palloc0(sizeof(JsonTreeState));

    makeJsonLexContextCstringLen(&lex, VARDATA_ANY(json), VARSIZE_ANY_EXHDR(json), true);
    st->lex = &lex;
    memset(&sem, 0, sizeof(sem));
    sem.semstate = st;
    sem.object_start = tree_object_start;
    sem.array_start = tree_array_start;
    sem.object_end = tree_container_end;
    sem.array_end = tree_container_end;
    sem.object_field_start = tree_field_start;
    sem.array_element_start = tree_element_start;
    sem.scalar = tree_scalar;
    pg_parse_json_or_ereport(&lex, &sem);
    return st->root;
}

static inline bool
node_is_container(const JsonNode *n)
{
    return n->type == JSON_TOKEN_OBJECT_START || n->type == JSON_TOKEN_ARRAY_START;
}

/* ->> of a node: de-escaped string, token text, or container text; NULL for null. */
static text *
node_as_text(const JsonNode *n)
{
    if (n->type == JSON_TOKEN_NULL)
        return NULL;
    if (n->type == JSON_TOKEN_STRING)
        return cstring_to_text(n->str);
    return cstring_to_text_with_len(n->start, n->len);
}

/* ================================================================ json get */

typedef struct JsonGetState
{
    int         npath;
    char      **path_names;     /* NULL: no field names (-> int) */
    int        *path_indexes;   /* NULL: no indexes (-> text) */
    bool        as_text;
    bool        found;
    text       *result;         /* NULL with found: SQL NULL */
} JsonGetState;

static void
json_get_found(JsonGetState *gs, const JsonNode *n)
{
    gs->found = true;
    gs->result = gs->as_text ? node_as_text(n) : cstring_to_text_with_len(n->start, n->len);
}

static void
json_get_walk(JsonGetState *gs, const JsonNode *node, int level)
{
    if (node->type == JSON_TOKEN_OBJECT_START)
    {
        const char *want = gs->path_names ? gs->path_names[level] : NULL;

        if (want == NULL)
            return;
        for (int i = 0; i < node->nchildren; i++)
        {
            if (strcmp(node->keys[i], want) != 0)
                continue;
            if (level + 1 == gs->npath)
                json_get_found(gs, node->children[i]);
            else
                json_get_walk(gs, node->children[i], level + 1);
        }
    }
    else if (node->type == JSON_TOKEN_ARRAY_START)
    {
        if (gs->path_indexes == NULL)
            return;
        /* a negative subscript is rewritten in place, as PostgreSQL does */
        if (gs->path_indexes[level] < 0 && gs->path_indexes[level] != INT_MIN &&
            -gs->path_indexes[level] <= node->nchildren)
            gs->path_indexes[level] += node->nchildren;
        if (gs->path_indexes[level] >= 0 && gs->path_indexes[level] < node->nchildren)
        {
            const JsonNode *child = node->children[gs->path_indexes[level]];

            if (level + 1 == gs->npath)
                json_get_found(gs, child);
            else
                json_get_walk(gs, child, level + 1);
        }
    }
}

/* PostgreSQL's get_worker: the value at path in json, or NULL. */
static text *
json_get_worker(text *json, char **path_names, int *path_indexes, int npath,
                bool as_text)
{
    JsonNode    *root = json_parse_tree(json);
    JsonGetState gs;

    if (npath == 0)
    {
        /* the whole document */
        if (!node_is_container(root) && as_text)
            return node_as_text(root);
        return cstring_to_text_with_len(root->start, root->len);
    }
    gs.npath = npath;
    gs.path_names = path_names;
    gs.path_indexes = path_indexes;
    gs.as_text = as_text;
    gs.found = false;
    gs.result = NULL;
    json_get_walk(&gs, root, 0);
    return gs.found ? gs.result : NULL;
}

Datum
json_object_field(PG_FUNCTION_ARGS)
{
    char *fname = text_to_cstring(PG_GETARG_TEXT_PP(1));
    text *result = json_get_worker(PG_GETARG_TEXT_PP(0), &fname, NULL, 1, false);

    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

Datum
json_object_field_text(PG_FUNCTION_ARGS)
{
    char *fname = text_to_cstring(PG_GETARG_TEXT_PP(1));
    text *result = json_get_worker(PG_GETARG_TEXT_PP(0), &fname, NULL, 1, true);

    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

Datum
json_array_element(PG_FUNCTION_ARGS)
{
    int   element = PG_GETARG_INT32(1);
    text *result = json_get_worker(PG_GETARG_TEXT_PP(0), NULL, &element, 1, false);

    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

Datum
json_array_element_text(PG_FUNCTION_ARGS)
{
    int   element = PG_GETARG_INT32(1);
    text *result = json_get_worker(PG_GETARG_TEXT_PP(0), NULL, &element, 1, true);

    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

static Datum
get_path_all(FunctionCallInfo fcinfo, bool as_text)
{
    text     *json = PG_GETARG_TEXT_PP(0);
    ArrayType *path = (ArrayType *) PG_GETARG_POINTER(1);
    Datum    *pathtext;
    bool     *pathnulls;
    int       npath;
    char    **tpath;
    int      *ipath;
    text     *result;

    npath = json_text_array(path, &pathtext, &pathnulls);
    for (int i = 0; i < npath; i++)
        if (pathnulls[i])
            PG_RETURN_NULL();

    tpath = palloc(sizeof(char *) * Max(npath, 1));
    ipath = palloc(sizeof(int) * Max(npath, 1));
    for (int i = 0; i < npath; i++)
    {
        tpath[i] = TextDatumGetCString(pathtext[i]);
        /* anything that reads as an integer may index an array */
        ipath[i] = INT_MIN;
        if (*tpath[i] != '\0')
        {
            char *endptr;
            long  ind;

            errno = 0;
            ind = strtol(tpath[i], &endptr, 10);
            if (endptr != tpath[i] && *endptr == '\0' && errno == 0 && ind == (int) ind)
                ipath[i] = (int) ind;
        }
    }

    result = json_get_worker(json, tpath, ipath, npath, as_text);
    if (result == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(result);
}

Datum
json_extract_path(PG_FUNCTION_ARGS)
{
    return get_path_all(fcinfo, false);
}

Datum
json_extract_path_text(PG_FUNCTION_ARGS)
{
    return get_path_all(fcinfo, true);
}

/* ================================================================ json misc */

Datum
json_typeof(PG_FUNCTION_ARGS)
{
    text          *json = PG_GETARG_TEXT_PP(0);
    JsonLexContext lex;
    JsonParseErrorType result;
    const char    *type;

    /* one token decides */
    makeJsonLexContextCstringLen(&lex, VARDATA_ANY(json), VARSIZE_ANY_EXHDR(json), false);
    result = json_lex(&lex);
    if (result != JSON_SUCCESS)
        json_ereport_error(result, &lex);

    switch (lex.token_type)
    {
        case JSON_TOKEN_OBJECT_START:
            type = "object";
            break;
        case JSON_TOKEN_ARRAY_START:
            type = "array";
            break;
        case JSON_TOKEN_STRING:
            type = "string";
            break;
        case JSON_TOKEN_NUMBER:
            type = "number";
            break;
        case JSON_TOKEN_TRUE:
        case JSON_TOKEN_FALSE:
            type = "boolean";
            break;
        case JSON_TOKEN_NULL:
            type = "null";
            break;
        default:
            elog(ERROR, "unexpected json token: %d", (int) lex.token_type);
            type = NULL;
    }
    PG_RETURN_TEXT_P(cstring_to_text(type));
}

typedef struct AlenState
{
    JsonLexContext *lex;
    int         count;
} AlenState;

static void
alen_object_start(void *state)
{
    AlenState *st = (AlenState *) state;

    if (st->lex->lex_level == 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot get array length of a non-array"));
}

static void
alen_scalar(void *state, char *token, JsonTokenType tokentype)
{
    AlenState *st = (AlenState *) state;

    if (st->lex->lex_level == 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot get array length of a scalar"));
}

static void
alen_array_element_start(void *state, bool isnull)
{
    AlenState *st = (AlenState *) state;

    if (st->lex->lex_level == 1)
        st->count++;
}

Datum
json_array_length(PG_FUNCTION_ARGS)
{
    text          *json = PG_GETARG_TEXT_PP(0);
    JsonLexContext lex;
    JsonSemAction  sem;
    AlenState      st;

    makeJsonLexContextCstringLen(&lex, VARDATA_ANY(json), VARSIZE_ANY_EXHDR(json), false);
    st.lex = &lex;
    st.count = 0;
    memset(&sem, 0, sizeof(sem));
    sem.semstate = &st;
    sem.object_start = alen_object_start;
    sem.scalar = alen_scalar;
    sem.array_element_start = alen_array_element_start;
    pg_parse_json_or_ereport(&lex, &sem);
    PG_RETURN_INT32(st.count);
}

/* json_strip_nulls: re-emit without whitespace, dropping null-valued fields. */
static void
strip_nulls_emit(StringInfo out, const JsonNode *n)
{
    switch (n->type)
    {
        case JSON_TOKEN_OBJECT_START:
            appendStringInfoChar(out, '{');
            for (int i = 0, emitted = 0; i < n->nchildren; i++)
            {
                if (n->children[i]->type == JSON_TOKEN_NULL)
                    continue;
                if (emitted++ > 0)
                    appendStringInfoChar(out, ',');
                escape_json(out, n->keys[i]);
                appendStringInfoChar(out, ':');
                strip_nulls_emit(out, n->children[i]);
            }
            appendStringInfoChar(out, '}');
            break;
        case JSON_TOKEN_ARRAY_START:
            appendStringInfoChar(out, '[');
            for (int i = 0; i < n->nchildren; i++)
            {
                if (i > 0)
                    appendStringInfoChar(out, ',');
                strip_nulls_emit(out, n->children[i]);
            }
            appendStringInfoChar(out, ']');
            break;
        case JSON_TOKEN_STRING:
            escape_json(out, n->str);
            break;
        default:
            appendStringInfoString(out, n->str);
            break;
    }
}

Datum
json_strip_nulls(PG_FUNCTION_ARGS)
{
    JsonNode      *root = json_parse_tree(PG_GETARG_TEXT_PP(0));
    StringInfoData out;

    initStringInfo(&out);
    strip_nulls_emit(&out, root);
    PG_RETURN_TEXT_P(cstring_to_text_with_len(out.data, out.len));
}

/* ================================================================ jsonb misc */

Datum
jsonb_array_length(PG_FUNCTION_ARGS)
{
    Jsonb *jb = PG_GETARG_JSONB_P(0);

    if (JB_ROOT_IS_SCALAR(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot get array length of a scalar"));
    else if (!JB_ROOT_IS_ARRAY(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot get array length of a non-array"));
    PG_RETURN_INT32(JB_ROOT_COUNT(jb));
}

Datum
jsonb_strip_nulls(PG_FUNCTION_ARGS)
{
    Jsonb         *jb = PG_GETARG_JSONB_P(0);
    JsonbIterator *it;
    JsonbParseState *parseState = NULL;
    JsonbValue    *res = NULL;
    JsonbValue     v,
                   k;
    JsonbIteratorToken type;
    bool           last_was_key = false;

    if (JB_ROOT_IS_SCALAR(jb))
        PG_RETURN_JSONB_P(jb);

    it = JsonbIteratorInit(&jb->root);
    while ((type = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
    {
        if (type == WJB_KEY)
        {
            /* hold the key until we know whether its value is null */
            k = v;
            last_was_key = true;
            continue;
        }
        if (last_was_key)
        {
            last_was_key = false;
            if (type == WJB_VALUE && v.type == jbvNull)
                continue;
            (void) pushJsonbValue(&parseState, WJB_KEY, &k);
        }
        if (type == WJB_VALUE || type == WJB_ELEM)
            res = pushJsonbValue(&parseState, type, &v);
        else
            res = pushJsonbValue(&parseState, type, NULL);
    }
    PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

Datum
jsonb_pretty(PG_FUNCTION_ARGS)
{
    Jsonb         *jb = PG_GETARG_JSONB_P(0);
    StringInfoData str;

    initStringInfo(&str);
    JsonbToCStringIndent(&str, &jb->root, VARSIZE(jb));
    PG_RETURN_TEXT_P(cstring_to_text_with_len(str.data, str.len));
}

/* ================================================================ SRFs */

/* First call of a value-per-call SRF: copy what it needs into the multi-call context. */
static FuncCallContext *
srf_first_call(FunctionCallInfo fcinfo, void *(*setup) (FunctionCallInfo, FuncCallContext *))
{
    FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
    MemoryContext    old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);

    funcctx->user_fctx = setup(fcinfo, funcctx);
    MemoryContextSwitchTo(old);
    return funcctx;
}

static Jsonb *
jsonb_copy_arg(FunctionCallInfo fcinfo)
{
    Jsonb *jb = PG_GETARG_JSONB_P(0);
    Jsonb *copy = palloc(VARSIZE(jb));

    memcpy(copy, jb, VARSIZE(jb));
    return copy;
}

static void *
jsonb_elements_setup(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
    Jsonb *jb = PG_GETARG_JSONB_P(0);

    if (JB_ROOT_IS_SCALAR(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot extract elements from a scalar"));
    else if (!JB_ROOT_IS_ARRAY(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot extract elements from an object"));
    funcctx->max_calls = JB_ROOT_COUNT(jb);
    return jsonb_copy_arg(fcinfo);
}

static Datum
jsonb_elements_worker(FunctionCallInfo fcinfo, bool as_text)
{
    FuncCallContext *funcctx;
    Jsonb      *jb;
    JsonbValue *v;

    if (SRF_IS_FIRSTCALL())
        srf_first_call(fcinfo, jsonb_elements_setup);
    funcctx = SRF_PERCALL_SETUP();
    if (funcctx->call_cntr >= funcctx->max_calls)
        SRF_RETURN_DONE(funcctx);

    jb = (Jsonb *) funcctx->user_fctx;
    v = getIthJsonbValueFromContainer(&jb->root, (uint32) funcctx->call_cntr);
    if (!as_text)
    {
        Jsonb *elem = JsonbValueToJsonb(v);

        SRF_RETURN_NEXT(funcctx, JsonbPGetDatum(elem));
    }
    if (v->type == jbvNull)
        SRF_RETURN_NEXT_NULL(funcctx);
    else
    {
        text *elem = JsonbValueAsText(v);

        SRF_RETURN_NEXT(funcctx, PointerGetDatum(elem));
    }
}

Datum
jsonb_array_elements(PG_FUNCTION_ARGS)
{
    return jsonb_elements_worker(fcinfo, false);
}

Datum
jsonb_array_elements_text(PG_FUNCTION_ARGS)
{
    return jsonb_elements_worker(fcinfo, true);
}

static void *
jsonb_keys_setup(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
    Jsonb         *jb = PG_GETARG_JSONB_P(0);
    text         **keys;
    JsonbIterator *it;
    JsonbValue     v;
    JsonbIteratorToken r;
    uint64         n = 0;

    if (JB_ROOT_IS_SCALAR(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on a scalar", "jsonb_object_keys"));
    else if (JB_ROOT_IS_ARRAY(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on an array", "jsonb_object_keys"));

    /* the keys, in storage order, as text */
    keys = palloc(sizeof(text *) * Max(JB_ROOT_COUNT(jb), 1));
    it = JsonbIteratorInit(&jb->root);
    while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
        if (r == WJB_KEY)
            keys[n++] = cstring_to_text_with_len(v.val.string.val, v.val.string.len);
    funcctx->max_calls = n;
    return keys;
}

Datum
jsonb_object_keys(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    text      **keys;
    text       *key;

    if (SRF_IS_FIRSTCALL())
        srf_first_call(fcinfo, jsonb_keys_setup);
    funcctx = SRF_PERCALL_SETUP();
    if (funcctx->call_cntr >= funcctx->max_calls)
        SRF_RETURN_DONE(funcctx);

    /* SRF_RETURN_NEXT counts the call before evaluating its result */
    keys = (text **) funcctx->user_fctx;
    key = keys[funcctx->call_cntr];
    SRF_RETURN_NEXT(funcctx, PointerGetDatum(key));
}

/* json SRFs: the parsed tree of the argument, kept across calls. */
static JsonNode *
json_srf_tree(FunctionCallInfo fcinfo, FuncCallContext *funcctx, const char *fname,
              bool want_object)
{
    text     *arg = PG_GETARG_TEXT_PP(0);
    text     *copy = palloc(VARSIZE_ANY(arg));
    JsonNode *root;

    /* the tree points into the text: keep a copy as long as the tree */
    memcpy(copy, arg, VARSIZE_ANY(arg));
    root = json_parse_tree(copy);
    if (!node_is_container(root))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on a scalar", fname));
    if (want_object && root->type == JSON_TOKEN_ARRAY_START)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on an array", fname));
    if (!want_object && root->type == JSON_TOKEN_OBJECT_START)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on a non-array", fname));
    funcctx->max_calls = root->nchildren;
    return root;
}

static void *
json_elements_setup(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
    return json_srf_tree(fcinfo, funcctx, "json_array_elements", false);
}

static void *
json_elements_text_setup(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
    return json_srf_tree(fcinfo, funcctx, "json_array_elements_text", false);
}

static void *
json_keys_setup(FunctionCallInfo fcinfo, FuncCallContext *funcctx)
{
    return json_srf_tree(fcinfo, funcctx, "json_object_keys", true);
}

static Datum
json_elements_worker(FunctionCallInfo fcinfo, bool as_text)
{
    FuncCallContext *funcctx;
    JsonNode   *root;
    JsonNode   *elem;
    text       *t;

    if (SRF_IS_FIRSTCALL())
        srf_first_call(fcinfo, as_text ? json_elements_text_setup : json_elements_setup);
    funcctx = SRF_PERCALL_SETUP();
    if (funcctx->call_cntr >= funcctx->max_calls)
        SRF_RETURN_DONE(funcctx);

    root = (JsonNode *) funcctx->user_fctx;
    elem = root->children[funcctx->call_cntr];
    t = as_text ? node_as_text(elem) : cstring_to_text_with_len(elem->start, elem->len);
    if (t == NULL)
        SRF_RETURN_NEXT_NULL(funcctx);
    SRF_RETURN_NEXT(funcctx, PointerGetDatum(t));
}

Datum
json_array_elements(PG_FUNCTION_ARGS)
{
    return json_elements_worker(fcinfo, false);
}

Datum
json_array_elements_text(PG_FUNCTION_ARGS)
{
    return json_elements_worker(fcinfo, true);
}

Datum
json_object_keys(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    JsonNode   *root;
    text       *key;

    if (SRF_IS_FIRSTCALL())
        srf_first_call(fcinfo, json_keys_setup);
    funcctx = SRF_PERCALL_SETUP();
    if (funcctx->call_cntr >= funcctx->max_calls)
        SRF_RETURN_DONE(funcctx);

    root = (JsonNode *) funcctx->user_fctx;
    key = cstring_to_text(root->keys[funcctx->call_cntr]);
    SRF_RETURN_NEXT(funcctx, PointerGetDatum(key));
}

/* ================================================================ record-returning */

/*
 * json[b]_each[_text], json[b]_to_record[set], json[b]_populate_record[set]
 * and row_to_json.  The set-returning ones answer in materialize mode
 * (funcapi.h): one tuplestore row per result row, described by the
 * caller's expected columns (a FROM item's) or the function's own OUT
 * parameters.  Records are procs/rowtypes.c values.
 */

/* The result descriptor of a json[b]_each: (key text, value valtype). */
static TupleDesc
each_result_desc(FunctionCallInfo fcinfo, Oid valtype)
{
    TupleDesc   desc = CreateTemplateTupleDesc(2);

    TupleDescInitEntry(desc, 1, "key", TEXTOID, -1, 0);
    TupleDescInitEntry(desc, 2, "value", valtype, -1, 0);
    return desc;
}

static Datum
json_each_worker(FunctionCallInfo fcinfo, bool as_text)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    text       *arg = PG_GETARG_TEXT_PP(0);
    JsonNode   *root = json_parse_tree(arg);
    TupleDesc   desc;
    Datum       values[2];
    bool        nulls[2] = {false, false};

    if (root->type == JSON_TOKEN_ARRAY_START)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot deconstruct an array as an object"));
    if (root->type != JSON_TOKEN_OBJECT_START)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot deconstruct a scalar"));
    InitMaterializedSRF(fcinfo, each_result_desc(fcinfo, as_text ? TEXTOID : JSONOID));
    desc = rsi->setDesc;
    for (int i = 0; i < root->nchildren; i++)
    {
        JsonNode   *v = root->children[i];
        text       *t;

        values[0] = PointerGetDatum(cstring_to_text(root->keys[i]));
        t = as_text ? node_as_text(v) : cstring_to_text_with_len(v->start, v->len);
        nulls[1] = (t == NULL);
        values[1] = PointerGetDatum(t);
        tuplestore_putvalues(rsi->setResult, desc, values, nulls);
    }
    PG_RETURN_NULL();
}

Datum
json_each(PG_FUNCTION_ARGS)
{
    return json_each_worker(fcinfo, false);
}

Datum
json_each_text(PG_FUNCTION_ARGS)
{
    return json_each_worker(fcinfo, true);
}

static Datum
jsonb_each_worker(FunctionCallInfo fcinfo, const char *fname, bool as_text)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    Jsonb      *jb = PG_GETARG_JSONB_P(0);
    JsonbIterator *it;
    JsonbValue  v;
    JsonbIteratorToken r;
    TupleDesc   desc;
    Datum       values[2];
    bool        nulls[2] = {false, false};
    bool        skipNested = false;

    if (!JB_ROOT_IS_OBJECT(jb))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on a non-object", fname));
    InitMaterializedSRF(fcinfo, each_result_desc(fcinfo, as_text ? TEXTOID : JSONBOID));
    desc = rsi->setDesc;
    it = JsonbIteratorInit(&jb->root);
    while ((r = JsonbIteratorNext(&it, &v, skipNested)) != WJB_DONE)
    {
        skipNested = true;
        if (r != WJB_KEY)
            continue;
        values[0] = PointerGetDatum(cstring_to_text_with_len(v.val.string.val,
                                                             v.val.string.len));
        r = JsonbIteratorNext(&it, &v, skipNested);
        if (as_text)
        {
            text       *t = JsonbValueAsText(&v);

            nulls[1] = (t == NULL);
            values[1] = PointerGetDatum(t);
        }
        else
        {
            nulls[1] = false;
            values[1] = JsonbPGetDatum(JsonbValueToJsonb(&v));
        }
        tuplestore_putvalues(rsi->setResult, desc, values, nulls);
    }
    PG_RETURN_NULL();
}

Datum
jsonb_each(PG_FUNCTION_ARGS)
{
    return jsonb_each_worker(fcinfo, "jsonb_each", false);
}

Datum
jsonb_each_text(PG_FUNCTION_ARGS)
{
    return jsonb_each_worker(fcinfo, "jsonb_each_text", true);
}

Datum
row_to_json(PG_FUNCTION_ARGS)
{
    StringInfoData result;

    initStringInfo(&result);
    composite_to_json(PG_GETARG_DATUM(0), &result, false);
    PG_RETURN_TEXT_P(cstring_to_text_with_len(result.data, result.len));
}

Datum
row_to_json_pretty(PG_FUNCTION_ARGS)
{
    StringInfoData result;

    initStringInfo(&result);
    composite_to_json(PG_GETARG_DATUM(0), &result, PG_GETARG_BOOL(1));
    PG_RETURN_TEXT_P(cstring_to_text_with_len(result.data, result.len));
}

/* ---------------------------------------------------------------- populate */

/*
 * A JSON value being turned into a column (PostgreSQL's JsValue): a node
 * of a parsed json document, or a jsonb value (jbvBinary for containers).
 */
typedef struct JsValue
{
    bool        is_json;
    const JsonNode *node;
    JsonbValue *jbv;
} JsValue;

static bool
jsv_is_null(const JsValue *v)
{
    return v->is_json ? v->node->type == JSON_TOKEN_NULL : v->jbv->type == jbvNull;
}

static bool
jsv_is_string(const JsValue *v)
{
    return v->is_json ? v->node->type == JSON_TOKEN_STRING : v->jbv->type == jbvString;
}

static bool
jsv_is_container(const JsValue *v, bool object)
{
    if (v->is_json)
        return v->node->type == (object ? JSON_TOKEN_OBJECT_START : JSON_TOKEN_ARRAY_START);
    if (v->jbv->type != jbvBinary)
        return false;
    return object ? JsonContainerIsObject(v->jbv->val.binary.data) :
        (JsonContainerIsArray(v->jbv->val.binary.data) &&
         !JsonContainerIsScalar(v->jbv->val.binary.data));
}

/* The value as a column's text: strings de-escaped, others as JSON text. */
static char *
jsv_text(const JsValue *v, bool json_text)
{
    if (v->is_json)
    {
        if (v->node->type == JSON_TOKEN_STRING && !json_text)
            return pstrdup(v->node->str);
        return pnstrdup(v->node->start, v->node->len);
    }
    if (json_text && v->jbv->type == jbvString)
    {
        StringInfoData buf;

        initStringInfo(&buf);
        escape_json(&buf, pnstrdup(v->jbv->val.string.val, v->jbv->val.string.len));
        return buf.data;
    }
    return text_to_cstring(JsonbValueAsText(v->jbv));
}

/* Field `name` of an object value; false if absent. */
static bool
jsv_object_field(const JsValue *obj, const char *name, JsValue *out)
{
    out->is_json = obj->is_json;
    if (obj->is_json)
    {
        /* duplicate keys: the last one wins, as in PostgreSQL */
        for (int i = obj->node->nchildren - 1; i >= 0; i--)
            if (strcmp(obj->node->keys[i], name) == 0)
            {
                out->node = obj->node->children[i];
                return true;
            }
        return false;
    }
    out->jbv = getKeyJsonValueFromContainer(obj->jbv->val.binary.data, name,
                                            (int) strlen(name), NULL);
    return out->jbv != NULL;
}

static int
jsv_array_length(const JsValue *arr)
{
    return arr->is_json ? arr->node->nchildren : (int) JsonContainerSize(arr->jbv->val.binary.data);
}

static void
jsv_array_element(const JsValue *arr, int i, JsValue *out)
{
    out->is_json = arr->is_json;
    if (arr->is_json)
        out->node = arr->node->children[i];
    else
        out->jbv = getIthJsonbValueFromContainer(arr->jbv->val.binary.data, (uint32) i);
}

static Datum populate_record_from(const JsValue *obj, TupleDesc desc, Datum base, bool base_null,
                                  const char *fname);

/* Input function call for one column value. */
static Datum
populate_scalar(Oid typid, int32 typmod, const char *str)
{
    Oid         typinput;
    Oid         typioparam;

    getTypeInputInfo(typid, &typinput, &typioparam);
    return OidInputFunctionCall(typinput, (char *) str, typioparam, typmod);
}

typedef struct PopulateArrayState
{
    Oid         elemtype;
    int32       typmod;
    int         ndims;
    int         dims[MAXDIM];
    List       *values;         /* Datum list (as pointers), row-major */
    List       *nulls;          /* int list */
    const char *colname;
} PopulateArrayState;

static void
populate_array_dim(PopulateArrayState *st, const JsValue *v, int dim)
{
    int         n;

    if (!jsv_is_container(v, false))
    {
        if (dim == 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("expected JSON array"),
                    errhint("See the value of key \"%s\".", st->colname));
        /* a scalar at this depth: the dimensions are now known */
        if (st->ndims == 0)
            st->ndims = dim;
        else if (st->ndims != dim)
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("malformed JSON array"),
                    errdetail("Multidimensional arrays must have sub-arrays with matching dimensions."));
        if (jsv_is_null(v))
        {
            st->values = lappend(st->values, NULL);
            st->nulls = lappend_int(st->nulls, 1);
        }
        else
        {
            st->values = lappend(st->values,
                                 (void *) populate_scalar(st->elemtype, st->typmod,
                                                          jsv_text(v, st->elemtype == JSONOID ||
                                                                   st->elemtype == JSONBOID)));
            st->nulls = lappend_int(st->nulls, 0);
        }
        return;
    }
    if (dim >= MAXDIM)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                       dim + 1, MAXDIM));
    n = jsv_array_length(v);
    if (st->ndims > 0 && dim >= st->ndims)
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("malformed JSON array"),
                errdetail("Multidimensional arrays must have sub-arrays with matching dimensions."));
    if (st->dims[dim] == -1)
        st->dims[dim] = n;
    else if (st->dims[dim] != n)
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("malformed JSON array"),
                errdetail("Multidimensional arrays must have sub-arrays with matching dimensions."));
    for (int i = 0; i < n; i++)
    {
        JsValue     elem;

        jsv_array_element(v, i, &elem);
        populate_array_dim(st, &elem, dim + 1);
    }
    if (n == 0 && st->ndims == 0)
        st->ndims = dim + 1;
}

static Datum
populate_array(Oid arraytype, int32 typmod, const JsValue *v, const char *colname)
{
    PopulateArrayState st;
    Datum      *values;
    bool       *nulls;
    int         lbs[MAXDIM];
    int         n;
    int16       typlen;
    bool        typbyval;
    char        typalign;

    memset(&st, 0, sizeof(st));
    st.elemtype = get_element_type(arraytype);
    st.typmod = typmod;
    st.colname = colname;
    for (int i = 0; i < MAXDIM; i++)
    {
        st.dims[i] = -1;
        lbs[i] = 1;
    }
    populate_array_dim(&st, v, 0);
    n = list_length(st.values);
    if (n == 0)
        return PointerGetDatum(construct_empty_array(st.elemtype));
    values = palloc(sizeof(Datum) * (Size) n);
    nulls = palloc(sizeof(bool) * (Size) n);
    for (int i = 0; i < n; i++)
    {
        values[i] = (Datum) list_nth(st.values, i);
        nulls[i] = list_nth_int(st.nulls, i) != 0;
    }
    get_typlenbyvalalign(st.elemtype, &typlen, &typbyval, &typalign);
    return PointerGetDatum(construct_md_array(values, nulls, st.ndims, st.dims, lbs, st.elemtype,
                                              typlen, typbyval, typalign));
}

/* One column's value from a JSON value (PostgreSQL's populate_record_field). */
static Datum
populate_field(Form_pg_attribute att, const JsValue *v, bool *isnull)
{
    Oid         typid = getBaseType(att->atttypid);

    *isnull = jsv_is_null(v);
    if (*isnull)
        return (Datum) 0;
    if (typid == JSONOID || typid == JSONBOID)
        return populate_scalar(typid, att->atttypmod, jsv_text(v, true));
    if (OidIsValid(get_element_type(typid)) && !jsv_is_string(v))
        return populate_array(typid, att->atttypmod, v, NameStr(att->attname));
    if (get_typtype(typid) == 'c' && jsv_is_container(v, true))
        return populate_record_from(v, composite_type_tupdesc(typid), (Datum) 0, true,
                                    "populate_composite");
    return populate_scalar(att->atttypid, att->atttypmod, jsv_text(v, false));
}

/*
 * A record of desc's columns from a JSON object: each column from the key
 * of its name, else from base (or NULL).
 */
static Datum
populate_record_from(const JsValue *obj, TupleDesc desc, Datum base, bool base_null,
                     const char *fname)
{
    Datum      *values = palloc(sizeof(Datum) * (Size) Max(desc->natts, 1));
    bool       *nulls = palloc(sizeof(bool) * (Size) Max(desc->natts, 1));

    if (!jsv_is_container(obj, true))
    {
        if (jsv_is_container(obj, false))
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("cannot call %s on an array", fname));
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on a scalar", fname));
    }
    if (!base_null && record_natts(base) == desc->natts)
        record_deform(base, desc, values, nulls);
    else
        for (int i = 0; i < desc->natts; i++)
            nulls[i] = true;
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        JsValue     field;

        if (jsv_object_field(obj, NameStr(att->attname), &field))
            values[i] = populate_field(att, &field, &nulls[i]);
    }
    return make_record_datum(desc, values, nulls);
}

/*
 * The columns of a populate/to_record call: the first argument's row type
 * (populate), else the caller's column definition list.
 */
static TupleDesc
populate_result_desc(FunctionCallInfo fcinfo, bool have_base, const char *fname)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    TupleDesc   desc = NULL;

    if (have_base)
    {
        Oid         argtype = get_fn_expr_argtype(fcinfo->flinfo, 0);

        if (argtype != RECORDOID && get_typtype(argtype) != 'c')
            ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("first argument of %s must be a row type", fname));
        if (argtype != RECORDOID)
            desc = composite_type_tupdesc(argtype);
        else if (!PG_ARGISNULL(0))
            desc = record_tupdesc(PG_GETARG_DATUM(0));
    }
    if (desc == NULL && rsi && IsA(rsi, ReturnSetInfo) && rsi->expectedDesc)
    {
        desc = CreateTupleDescCopy(rsi->expectedDesc);
        desc->tdtypeid = RECORDOID;
    }
    if (desc == NULL)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("could not determine row type for result of %s", fname),
                errhint("Provide a non-null record argument, or call the function in the FROM clause using a column definition list."));
    return desc;
}

/* The JSON argument argno as a JsValue (json is parsed, jsonb read in place). */
static void
json_arg_value(FunctionCallInfo fcinfo, int argno, bool is_jsonb, JsValue *v, JsonbValue *jbvbuf)
{
    v->is_json = !is_jsonb;
    if (is_jsonb)
    {
        Jsonb      *jb = PG_GETARG_JSONB_P(argno);

        jbvbuf->type = jbvBinary;
        jbvbuf->val.binary.data = &jb->root;
        jbvbuf->val.binary.len = (int) VARSIZE(jb) - VARHDRSZ;
        if (JB_ROOT_IS_SCALAR(jb))
        {
            /* a scalar document: its one element */
            v->jbv = getIthJsonbValueFromContainer(&jb->root, 0);
            return;
        }
        v->jbv = jbvbuf;
    }
    else
        v->node = json_parse_tree(PG_GETARG_TEXT_PP(argno));
}

static Datum
populate_record_worker(FunctionCallInfo fcinfo, const char *fname, bool is_jsonb, bool have_base)
{
    int         jsonarg = have_base ? 1 : 0;
    TupleDesc   desc;
    JsValue     v;
    JsonbValue  jbv;

    if (PG_ARGISNULL(jsonarg))
    {
        if (have_base && !PG_ARGISNULL(0))
            PG_RETURN_DATUM(PG_GETARG_DATUM(0));
        PG_RETURN_NULL();
    }
    desc = populate_result_desc(fcinfo, have_base, fname);
    json_arg_value(fcinfo, jsonarg, is_jsonb, &v, &jbv);
    PG_RETURN_DATUM(populate_record_from(&v, desc,
                                         have_base && !PG_ARGISNULL(0) ? PG_GETARG_DATUM(0) : 0,
                                         !have_base || PG_ARGISNULL(0), "populate_composite"));
}

static Datum
populate_recordset_worker(FunctionCallInfo fcinfo, const char *fname, bool is_jsonb,
                          bool have_base)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    int         jsonarg = have_base ? 1 : 0;
    TupleDesc   desc;
    JsValue     v;
    JsonbValue  jbv;
    Datum      *values;
    bool       *nulls;
    int         n;

    desc = populate_result_desc(fcinfo, have_base, fname);
    InitMaterializedSRF(fcinfo, desc);
    if (PG_ARGISNULL(jsonarg))
        PG_RETURN_NULL();
    json_arg_value(fcinfo, jsonarg, is_jsonb, &v, &jbv);
    if (!jsv_is_container(&v, false))
    {
        if (jsv_is_container(&v, true))
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("cannot call %s on an object", fname));
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot call %s on a scalar", fname));
    }
    values = palloc(sizeof(Datum) * (Size) Max(desc->natts, 1));
    nulls = palloc(sizeof(bool) * (Size) Max(desc->natts, 1));
    n = jsv_array_length(&v);
    for (int i = 0; i < n; i++)
    {
        JsValue     elem;
        Datum       rec;

        jsv_array_element(&v, i, &elem);
        if (!jsv_is_container(&elem, true))
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("argument of %s must be an array of objects", fname));
        rec = populate_record_from(&elem, desc,
                                   have_base && !PG_ARGISNULL(0) ? PG_GETARG_DATUM(0) : 0,
                                   !have_base || PG_ARGISNULL(0), fname);
        record_deform(rec, desc, values, nulls);
        tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
    }
    PG_RETURN_NULL();
}

Datum
json_populate_record(PG_FUNCTION_ARGS)
{
    return populate_record_worker(fcinfo, "json_populate_record", false, true);
}

Datum
jsonb_populate_record(PG_FUNCTION_ARGS)
{
    return populate_record_worker(fcinfo, "jsonb_populate_record", true, true);
}

Datum
json_to_record(PG_FUNCTION_ARGS)
{
    return populate_record_worker(fcinfo, "json_to_record", false, false);
}

Datum
jsonb_to_record(PG_FUNCTION_ARGS)
{
    return populate_record_worker(fcinfo, "jsonb_to_record", true, false);
}

Datum
json_populate_recordset(PG_FUNCTION_ARGS)
{
    return populate_recordset_worker(fcinfo, "json_populate_recordset", false, true);
}

Datum
jsonb_populate_recordset(PG_FUNCTION_ARGS)
{
    return populate_recordset_worker(fcinfo, "jsonb_populate_recordset", true, true);
}

Datum
json_to_recordset(PG_FUNCTION_ARGS)
{
    return populate_recordset_worker(fcinfo, "json_to_recordset", false, false);
}

Datum
jsonb_to_recordset(PG_FUNCTION_ARGS)
{
    return populate_recordset_worker(fcinfo, "jsonb_to_recordset", true, false);
}
