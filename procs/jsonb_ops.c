/*-------------------------------------------------------------------------
 * jsonb_ops.c
 *    jsonb operators: field and element access (-> ->> #> #>>),
 *    containment (@> <@), key existence (? ?| ?&), concatenation (||),
 *    deletion (- and #-), and the path updates jsonb_set, jsonb_set_lax
 *    and jsonb_insert.
 *
 * Each follows PostgreSQL 15 (src/backend/utils/adt/jsonfuncs.c and
 * jsonb_op.c) including its edge cases, which users see:
 *   - a raw scalar is a one-element array to -> int ('1'::jsonb -> 0 is 1)
 *     and to concatenation ('1' || '2' is [1, 2]);
 *   - negative indexes count from the end; out of range gives NULL;
 *   - #> with an empty path returns the whole value; with a NULL path
 *     element, NULL;
 *   - ? matches object keys and string array elements, at the top level;
 *   - deletion from a scalar, setting a path in a scalar, and replacing
 *     an existing key with jsonb_insert are errors with PostgreSQL's text.
 *
 * Path updates walk the input with the iterator and rebuild it through
 * pushJsonbValue (setPath, setPathObject, setPathArray), as PostgreSQL
 * does; untouched nested containers are carried over as stored leaves.
 *
 * text[] arguments are read with the array module (procs/array.h).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <errno.h>
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "procs/jsonb.h"
#include "procs/json_lex.h"

/* op_type flags of setPath, PostgreSQL's values */
#define JB_PATH_CREATE              0x0001
#define JB_PATH_DELETE              0x0002
#define JB_PATH_REPLACE             0x0004
#define JB_PATH_INSERT_BEFORE       0x0008
#define JB_PATH_INSERT_AFTER        0x0010
#define JB_PATH_CREATE_OR_INSERT \
    (JB_PATH_INSERT_BEFORE | JB_PATH_INSERT_AFTER | JB_PATH_CREATE)

/* The elements of a text[] (any shape, storage order). */
static int
text_array_elems(ArrayType *arr, Datum **elems, bool **nulls)
{
    return json_text_array(arr, elems, nulls);
}

static bool
text_array_has_nulls(ArrayType *arr, int n, bool *nulls)
{
    if (!ARR_HASNULL(arr))
        return false;
    for (int i = 0; i < n; i++)
        if (nulls[i])
            return true;
    return false;
}

/* PostgreSQL's strtoint: a C int with errno = ERANGE on overflow. */
static int
json_strtoint(const char *str, char **endptr, int base)
{
    long val = strtol(str, endptr, base);

    if (val != (int) val)
        errno = ERANGE;
    return (int) val;
}

/* ================================================================ access */

Datum
jsonb_object_field(PG_FUNCTION_ARGS)
{
    Jsonb      *jb = PG_GETARG_JSONB_P(0);
    text       *key = PG_GETARG_TEXT_PP(1);
    JsonbValue *v;
    JsonbValue  vbuf;

    if (!JB_ROOT_IS_OBJECT(jb))
        PG_RETURN_NULL();
    v = getKeyJsonValueFromContainer(&jb->root, VARDATA_ANY(key),
                                     VARSIZE_ANY_EXHDR(key), &vbuf);
    if (v != NULL)
        PG_RETURN_JSONB_P(JsonbValueToJsonb(v));
    PG_RETURN_NULL();
}

Datum
jsonb_object_field_text(PG_FUNCTION_ARGS)
{
    Jsonb      *jb = PG_GETARG_JSONB_P(0);
    text       *key = PG_GETARG_TEXT_PP(1);
    JsonbValue *v;
    JsonbValue  vbuf;

    if (!JB_ROOT_IS_OBJECT(jb))
        PG_RETURN_NULL();
    v = getKeyJsonValueFromContainer(&jb->root, VARDATA_ANY(key),
                                     VARSIZE_ANY_EXHDR(key), &vbuf);
    if (v != NULL && v->type != jbvNull)
        PG_RETURN_TEXT_P(JsonbValueAsText(v));
    PG_RETURN_NULL();
}

/* Element `element` (negative: from the end) of an array, or NULL. */
static JsonbValue *
jsonb_array_get(Jsonb *jb, int32 element)
{
    int64 idx = element;

    if (!JB_ROOT_IS_ARRAY(jb))
        return NULL;
    if (idx < 0)
    {
        int64 nelements = JB_ROOT_COUNT(jb);

        if (-idx > nelements)
            return NULL;
        idx += nelements;
    }
    return getIthJsonbValueFromContainer(&jb->root, (uint32) idx);
}

Datum
jsonb_array_element(PG_FUNCTION_ARGS)
{
    JsonbValue *v = jsonb_array_get(PG_GETARG_JSONB_P(0), PG_GETARG_INT32(1));

    if (v != NULL)
        PG_RETURN_JSONB_P(JsonbValueToJsonb(v));
    PG_RETURN_NULL();
}

Datum
jsonb_array_element_text(PG_FUNCTION_ARGS)
{
    JsonbValue *v = jsonb_array_get(PG_GETARG_JSONB_P(0), PG_GETARG_INT32(1));

    if (v != NULL && v->type != jbvNull)
        PG_RETURN_TEXT_P(JsonbValueAsText(v));
    PG_RETURN_NULL();
}

/* PostgreSQL's jsonb_get_element: the value at path, or *isnull. */
Datum
jsonb_get_element(Jsonb *jb, Datum *path, int npath, bool *isnull, bool as_text)
{
    JsonbContainer *container = &jb->root;
    JsonbValue *jbvp = NULL;
    bool        have_object = false,
                have_array = false;

    *isnull = false;

    if (JB_ROOT_IS_OBJECT(jb))
        have_object = true;
    else if (JB_ROOT_IS_ARRAY(jb) && !JB_ROOT_IS_SCALAR(jb))
        have_array = true;
    else if (npath <= 0)
        jbvp = getIthJsonbValueFromContainer(container, 0);

    /* an empty path selects the whole value */
    if (npath <= 0 && jbvp == NULL)
    {
        if (as_text)
            return PointerGetDatum(cstring_to_text(JsonbToCString(NULL, container,
                                                                  VARSIZE(jb))));
        return PointerGetDatum(jb);
    }

    for (int i = 0; i < npath; i++)
    {
        if (have_object)
        {
            text *subscr = DatumGetTextP(path[i]);

            jbvp = getKeyJsonValueFromContainer(container, VARDATA_ANY(subscr),
                                                VARSIZE_ANY_EXHDR(subscr), NULL);
        }
        else if (have_array)
        {
            long    lindex;
            uint32  index;
            char   *indextext = TextDatumGetCString(path[i]);
            char   *endptr;

            errno = 0;
            lindex = strtol(indextext, &endptr, 10);
            if (endptr == indextext || *endptr != '\0' || errno != 0 ||
                lindex > INT_MAX || lindex < INT_MIN)
            {
                *isnull = true;
                return (Datum) 0;
            }
            if (lindex >= 0)
                index = (uint32) lindex;
            else
            {
                uint32 nelements = JsonContainerSize(container);

                if (lindex == INT_MIN || -lindex > (long) nelements)
                {
                    *isnull = true;
                    return (Datum) 0;
                }
                index = nelements + lindex;
            }
            jbvp = getIthJsonbValueFromContainer(container, index);
        }
        else
        {
            /* a scalar has no fields or elements */
            *isnull = true;
            return (Datum) 0;
        }

        if (jbvp == NULL)
        {
            *isnull = true;
            return (Datum) 0;
        }
        if (i == npath - 1)
            break;

        if (jbvp->type == jbvBinary)
        {
            container = jbvp->val.binary.data;
            have_object = JsonContainerIsObject(container);
            have_array = JsonContainerIsArray(container);
        }
        else
        {
            have_object = false;
            have_array = false;
        }
    }

    if (as_text)
    {
        if (jbvp->type == jbvNull)
        {
            *isnull = true;
            return (Datum) 0;
        }
        return PointerGetDatum(JsonbValueAsText(jbvp));
    }
    return PointerGetDatum(JsonbValueToJsonb(jbvp));
}

static Datum
get_jsonb_path_all(FunctionCallInfo fcinfo, bool as_text)
{
    Jsonb    *jb = PG_GETARG_JSONB_P(0);
    ArrayType *path = (ArrayType *) PG_GETARG_POINTER(1);
    Datum    *pathtext;
    bool     *pathnulls;
    bool      isnull;
    int       npath;
    Datum     res;

    npath = text_array_elems(path, &pathtext, &pathnulls);
    /* NULL, as a chain of -> with a NULL operand would give */
    if (text_array_has_nulls(path, npath, pathnulls))
        PG_RETURN_NULL();

    res = jsonb_get_element(jb, pathtext, npath, &isnull, as_text);
    if (isnull)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(res);
}

Datum
jsonb_extract_path(PG_FUNCTION_ARGS)
{
    return get_jsonb_path_all(fcinfo, false);
}

Datum
jsonb_extract_path_text(PG_FUNCTION_ARGS)
{
    return get_jsonb_path_all(fcinfo, true);
}

/* ================================================================ containment */

Datum
jsonb_contains(PG_FUNCTION_ARGS)
{
    Jsonb *val = PG_GETARG_JSONB_P(0);
    Jsonb *tmpl = PG_GETARG_JSONB_P(1);
    JsonbIterator *it1,
               *it2;

    if (JB_ROOT_IS_OBJECT(val) != JB_ROOT_IS_OBJECT(tmpl))
        PG_RETURN_BOOL(false);
    it1 = JsonbIteratorInit(&val->root);
    it2 = JsonbIteratorInit(&tmpl->root);
    PG_RETURN_BOOL(JsonbDeepContains(&it1, &it2));
}

Datum
jsonb_contained(PG_FUNCTION_ARGS)
{
    Jsonb *tmpl = PG_GETARG_JSONB_P(0);
    Jsonb *val = PG_GETARG_JSONB_P(1);
    JsonbIterator *it1,
               *it2;

    if (JB_ROOT_IS_OBJECT(val) != JB_ROOT_IS_OBJECT(tmpl))
        PG_RETURN_BOOL(false);
    it1 = JsonbIteratorInit(&val->root);
    it2 = JsonbIteratorInit(&tmpl->root);
    PG_RETURN_BOOL(JsonbDeepContains(&it1, &it2));
}

/* ================================================================ existence */

/* An object key or string array element equal to key[0..len)?  Top level only. */
static bool
jsonb_has_key(Jsonb *jb, const char *key, int len)
{
    JsonbValue kval;

    kval.type = jbvString;
    kval.val.string.val = (char *) key;
    kval.val.string.len = len;
    return findJsonbValueFromContainer(&jb->root, JB_FOBJECT | JB_FARRAY, &kval) != NULL;
}

Datum
jsonb_exists(PG_FUNCTION_ARGS)
{
    Jsonb *jb = PG_GETARG_JSONB_P(0);
    text  *key = PG_GETARG_TEXT_PP(1);

    PG_RETURN_BOOL(jsonb_has_key(jb, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)));
}

static bool
jsonb_exists_keys(FunctionCallInfo fcinfo, bool all)
{
    Jsonb *jb = PG_GETARG_JSONB_P(0);
    Datum *keys;
    bool  *nulls;
    int    n = text_array_elems((ArrayType *) PG_GETARG_POINTER(1), &keys, &nulls);

    for (int i = 0; i < n; i++)
    {
        text *key;
        bool  found;

        if (nulls[i])
            continue;
        key = DatumGetTextP(keys[i]);
        found = jsonb_has_key(jb, VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
        if (found && !all)
            return true;
        if (!found && all)
            return false;
    }
    return all;
}

Datum
jsonb_exists_any(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_exists_keys(fcinfo, false));
}

Datum
jsonb_exists_all(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(jsonb_exists_keys(fcinfo, true));
}

/* ================================================================ concat */

/*
 * PostgreSQL's IteratorConcat: object || object merges (right wins);
 * otherwise both sides are arrays (a scalar or object counting as a
 * one-element array) and the result is their concatenation.
 */
static JsonbValue *
IteratorConcat(JsonbIterator **it1, JsonbIterator **it2, JsonbParseState **state)
{
    JsonbValue  v1,
                v2,
               *res = NULL;
    JsonbIteratorToken r1,
                r2,
                rk1,
                rk2;

    rk1 = JsonbIteratorNext(it1, &v1, false);
    rk2 = JsonbIteratorNext(it2, &v2, false);

    if (rk1 == WJB_BEGIN_OBJECT && rk2 == WJB_BEGIN_OBJECT)
    {
        pushJsonbValue(state, rk1, NULL);
        while ((r1 = JsonbIteratorNext(it1, &v1, true)) != WJB_END_OBJECT)
            pushJsonbValue(state, r1, &v1);
        while ((r2 = JsonbIteratorNext(it2, &v2, true)) != WJB_DONE)
            res = pushJsonbValue(state, r2, r2 != WJB_END_OBJECT ? &v2 : NULL);
    }
    else if (rk1 == WJB_BEGIN_ARRAY && rk2 == WJB_BEGIN_ARRAY)
    {
        pushJsonbValue(state, rk1, NULL);
        while ((r1 = JsonbIteratorNext(it1, &v1, true)) != WJB_END_ARRAY)
            pushJsonbValue(state, r1, &v1);
        while ((r2 = JsonbIteratorNext(it2, &v2, true)) != WJB_END_ARRAY)
            pushJsonbValue(state, WJB_ELEM, &v2);
        res = pushJsonbValue(state, WJB_END_ARRAY, NULL);
    }
    else if (rk1 == WJB_BEGIN_OBJECT)
    {
        /* object || array */
        pushJsonbValue(state, WJB_BEGIN_ARRAY, NULL);
        pushJsonbValue(state, WJB_BEGIN_OBJECT, NULL);
        while ((r1 = JsonbIteratorNext(it1, &v1, true)) != WJB_DONE)
            pushJsonbValue(state, r1, r1 != WJB_END_OBJECT ? &v1 : NULL);
        while ((r2 = JsonbIteratorNext(it2, &v2, true)) != WJB_DONE)
            res = pushJsonbValue(state, r2, r2 != WJB_END_ARRAY ? &v2 : NULL);
    }
    else
    {
        /* array || object */
        pushJsonbValue(state, WJB_BEGIN_ARRAY, NULL);
        while ((r1 = JsonbIteratorNext(it1, &v1, true)) != WJB_END_ARRAY)
            pushJsonbValue(state, r1, &v1);
        pushJsonbValue(state, WJB_BEGIN_OBJECT, NULL);
        while ((r2 = JsonbIteratorNext(it2, &v2, true)) != WJB_DONE)
            pushJsonbValue(state, r2, r2 != WJB_END_OBJECT ? &v2 : NULL);
        res = pushJsonbValue(state, WJB_END_ARRAY, NULL);
    }
    return res;
}

Datum
jsonb_concat(PG_FUNCTION_ARGS)
{
    Jsonb *jb1 = PG_GETARG_JSONB_P(0);
    Jsonb *jb2 = PG_GETARG_JSONB_P(1);
    JsonbParseState *state = NULL;
    JsonbIterator *it1,
               *it2;

    /* an empty side of the same kind, and a non-scalar other side: the other */
    if (JB_ROOT_IS_OBJECT(jb1) == JB_ROOT_IS_OBJECT(jb2))
    {
        if (JB_ROOT_COUNT(jb1) == 0 && !JB_ROOT_IS_SCALAR(jb2))
            PG_RETURN_JSONB_P(jb2);
        else if (JB_ROOT_COUNT(jb2) == 0 && !JB_ROOT_IS_SCALAR(jb1))
            PG_RETURN_JSONB_P(jb1);
    }
    it1 = JsonbIteratorInit(&jb1->root);
    it2 = JsonbIteratorInit(&jb2->root);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(IteratorConcat(&it1, &it2, &state)));
}

/* ================================================================ delete */

pg_attribute_noreturn() static void
cannot_delete_from_scalar(void)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("cannot delete from scalar"));
}

/* Drop top-level keys (and string elements) equal to any of keys[]. */
static Jsonb *
jsonb_delete_keys(Jsonb *in, text **keys, int nkeys)
{
    JsonbParseState *state = NULL;
    JsonbIterator *it;
    JsonbValue  v,
               *res = NULL;
    bool        skipNested = false;
    JsonbIteratorToken r;

    it = JsonbIteratorInit(&in->root);
    while ((r = JsonbIteratorNext(&it, &v, skipNested)) != WJB_DONE)
    {
        skipNested = true;
        if ((r == WJB_ELEM || r == WJB_KEY) && v.type == jbvString)
        {
            bool match = false;

            for (int i = 0; i < nkeys && !match; i++)
                match = (int) VARSIZE_ANY_EXHDR(keys[i]) == v.val.string.len &&
                    memcmp(VARDATA_ANY(keys[i]), v.val.string.val, v.val.string.len) == 0;
            if (match)
            {
                if (r == WJB_KEY)
                    (void) JsonbIteratorNext(&it, &v, true);    /* and its value */
                continue;
            }
        }
        res = pushJsonbValue(&state, r, r < WJB_BEGIN_ARRAY ? &v : NULL);
    }
    return JsonbValueToJsonb(res);
}

Datum
jsonb_delete(PG_FUNCTION_ARGS)
{
    Jsonb *in = PG_GETARG_JSONB_P(0);
    text  *key = PG_GETARG_TEXT_PP(1);

    if (JB_ROOT_IS_SCALAR(in))
        cannot_delete_from_scalar();
    if (JB_ROOT_COUNT(in) == 0)
        PG_RETURN_JSONB_P(in);
    PG_RETURN_JSONB_P(jsonb_delete_keys(in, &key, 1));
}

Datum
jsonb_delete_array(PG_FUNCTION_ARGS)
{
    Jsonb    *in = PG_GETARG_JSONB_P(0);
    ArrayType *arr = (ArrayType *) PG_GETARG_POINTER(1);
    Datum    *elems;
    bool     *nulls;
    text    **keys;
    int       n,
              nkeys = 0;

    if (ARR_NDIM(arr) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    if (JB_ROOT_IS_SCALAR(in))
        cannot_delete_from_scalar();
    if (JB_ROOT_COUNT(in) == 0)
        PG_RETURN_JSONB_P(in);

    n = text_array_elems(arr, &elems, &nulls);
    if (n == 0)
        PG_RETURN_JSONB_P(in);
    keys = palloc(sizeof(text *) * n);
    for (int i = 0; i < n; i++)
        if (!nulls[i])
            keys[nkeys++] = DatumGetTextP(elems[i]);
    PG_RETURN_JSONB_P(jsonb_delete_keys(in, keys, nkeys));
}

Datum
jsonb_delete_idx(PG_FUNCTION_ARGS)
{
    Jsonb   *in = PG_GETARG_JSONB_P(0);
    int      idx = PG_GETARG_INT32(1);
    JsonbParseState *state = NULL;
    JsonbIterator *it;
    uint32   i = 0,
             n;
    JsonbValue v,
               *res = NULL;
    JsonbIteratorToken r;

    if (JB_ROOT_IS_SCALAR(in))
        cannot_delete_from_scalar();
    if (JB_ROOT_IS_OBJECT(in))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot delete from object using integer index"));
    if (JB_ROOT_COUNT(in) == 0)
        PG_RETURN_JSONB_P(in);

    it = JsonbIteratorInit(&in->root);
    r = JsonbIteratorNext(&it, &v, false);
    n = v.val.array.nElems;
    if (idx < 0)
    {
        if (-(int64) idx > n)
            idx = n;
        else
            idx = n + idx;
    }
    if ((uint32) idx >= n)
        PG_RETURN_JSONB_P(in);

    pushJsonbValue(&state, r, NULL);
    while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
    {
        if (r == WJB_ELEM && i++ == (uint32) idx)
            continue;
        res = pushJsonbValue(&state, r, r < WJB_BEGIN_ARRAY ? &v : NULL);
    }
    PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

/* ================================================================ set path */

static JsonbValue *setPath(JsonbIterator **it, Datum *path_elems, bool *path_nulls,
                           int path_len, JsonbParseState **st, int level,
                           JsonbValue *newval, int op_type);

static void
setPathObject(JsonbIterator **it, Datum *path_elems, bool *path_nulls,
              int path_len, JsonbParseState **st, int level,
              JsonbValue *newval, uint32 npairs, int op_type)
{
    text       *pathelem = NULL;
    JsonbValue  k,
                v;
    bool        done = false;

    if (level >= path_len || path_nulls[level])
        done = true;
    else
        pathelem = DatumGetTextP(path_elems[level]);

    /* an empty object gets the new key when creating */
    if (npairs == 0 && (op_type & JB_PATH_CREATE_OR_INSERT) && level == path_len - 1)
    {
        JsonbValue newkey;

        newkey.type = jbvString;
        newkey.val.string.val = VARDATA_ANY(pathelem);
        newkey.val.string.len = VARSIZE_ANY_EXHDR(pathelem);
        (void) pushJsonbValue(st, WJB_KEY, &newkey);
        (void) pushJsonbValue(st, WJB_VALUE, newval);
    }

    for (uint32 i = 0; i < npairs; i++)
    {
        JsonbIteratorToken r = JsonbIteratorNext(it, &k, true);

        if (!done &&
            k.val.string.len == (int) VARSIZE_ANY_EXHDR(pathelem) &&
            memcmp(k.val.string.val, VARDATA_ANY(pathelem), k.val.string.len) == 0)
        {
            done = true;
            if (level == path_len - 1)
            {
                /* jsonb_insert must not redefine an existing key */
                if (op_type & (JB_PATH_INSERT_BEFORE | JB_PATH_INSERT_AFTER))
                    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                            errmsg("cannot replace existing key"),
                            errhint("Try using the function jsonb_set to replace key value."));

                r = JsonbIteratorNext(it, &v, true);    /* skip the old value */
                if (!(op_type & JB_PATH_DELETE))
                {
                    (void) pushJsonbValue(st, WJB_KEY, &k);
                    (void) pushJsonbValue(st, WJB_VALUE, newval);
                }
            }
            else
            {
                (void) pushJsonbValue(st, r, &k);
                setPath(it, path_elems, path_nulls, path_len, st, level + 1, newval, op_type);
            }
        }
        else
        {
            if ((op_type & JB_PATH_CREATE_OR_INSERT) && !done &&
                level == path_len - 1 && i == npairs - 1)
            {
                JsonbValue newkey;

                newkey.type = jbvString;
                newkey.val.string.val = VARDATA_ANY(pathelem);
                newkey.val.string.len = VARSIZE_ANY_EXHDR(pathelem);
                (void) pushJsonbValue(st, WJB_KEY, &newkey);
                (void) pushJsonbValue(st, WJB_VALUE, newval);
            }
            (void) pushJsonbValue(st, r, &k);
            /* copied whole: a nested container stays a stored leaf */
            r = JsonbIteratorNext(it, &v, true);
            (void) pushJsonbValue(st, r, &v);
        }
    }
}

static void
setPathArray(JsonbIterator **it, Datum *path_elems, bool *path_nulls,
             int path_len, JsonbParseState **st, int level,
             JsonbValue *newval, uint32 nelems, int op_type)
{
    JsonbValue  v;
    int         idx;
    bool        done = false;

    if (level < path_len && !path_nulls[level])
    {
        char *c = TextDatumGetCString(path_elems[level]);
        char *badp;

        errno = 0;
        idx = json_strtoint(c, &badp, 10);
        if (badp == c || *badp != '\0' || errno != 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("path element at position %d is not an integer: \"%s\"",
                           level + 1, c));
    }
    else
        idx = nelems;

    if (idx < 0)
    {
        if (-(int64) idx > nelems)
            idx = INT_MIN;
        else
            idx = nelems + idx;
    }
    if (idx > 0 && (uint32) idx > nelems)
        idx = nelems;

    /* creating before the start (or in an empty array): prepend */
    if ((idx == INT_MIN || nelems == 0) && level == path_len - 1 &&
        (op_type & JB_PATH_CREATE_OR_INSERT))
    {
        (void) pushJsonbValue(st, WJB_ELEM, newval);
        done = true;
    }

    for (uint32 i = 0; i < nelems; i++)
    {
        JsonbIteratorToken r;

        if (idx >= 0 && i == (uint32) idx && level < path_len)
        {
            done = true;
            if (level == path_len - 1)
            {
                r = JsonbIteratorNext(it, &v, true);    /* the old element */
                if (op_type & (JB_PATH_INSERT_BEFORE | JB_PATH_CREATE))
                    (void) pushJsonbValue(st, WJB_ELEM, newval);
                if (op_type & (JB_PATH_INSERT_AFTER | JB_PATH_INSERT_BEFORE))
                    (void) pushJsonbValue(st, r, &v);
                if (op_type & (JB_PATH_INSERT_AFTER | JB_PATH_REPLACE))
                    (void) pushJsonbValue(st, WJB_ELEM, newval);
            }
            else
                (void) setPath(it, path_elems, path_nulls, path_len, st, level + 1,
                               newval, op_type);
        }
        else
        {
            /* copied whole: a nested container stays a stored leaf */
            r = JsonbIteratorNext(it, &v, true);
            (void) pushJsonbValue(st, r, &v);
        }
    }

    if ((op_type & JB_PATH_CREATE_OR_INSERT) && !done && level == path_len - 1)
        (void) pushJsonbValue(st, WJB_ELEM, newval);
}

static JsonbValue *
setPath(JsonbIterator **it, Datum *path_elems, bool *path_nulls, int path_len,
        JsonbParseState **st, int level, JsonbValue *newval, int op_type)
{
    JsonbValue  v;
    JsonbIteratorToken r;
    JsonbValue *res;

    if (path_nulls[level])
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("path element at position %d is null", level + 1));

    r = JsonbIteratorNext(it, &v, false);
    switch (r)
    {
        case WJB_BEGIN_ARRAY:
            (void) pushJsonbValue(st, r, NULL);
            setPathArray(it, path_elems, path_nulls, path_len, st, level,
                         newval, v.val.array.nElems, op_type);
            r = JsonbIteratorNext(it, &v, false);
            res = pushJsonbValue(st, r, NULL);
            break;
        case WJB_BEGIN_OBJECT:
            (void) pushJsonbValue(st, r, NULL);
            setPathObject(it, path_elems, path_nulls, path_len, st, level,
                          newval, v.val.object.nPairs, op_type);
            r = JsonbIteratorNext(it, &v, true);
            res = pushJsonbValue(st, r, NULL);
            break;
        case WJB_ELEM:
        case WJB_VALUE:
            res = pushJsonbValue(st, r, &v);
            break;
        default:
            elog(ERROR, "unrecognized iterator result: %d", (int) r);
            res = NULL;
    }
    return res;
}

/* Path elements of a one-dimensional text[] (PostgreSQL rejects more dims). */
static int
path_elems_1d(ArrayType *path, Datum **elems, bool **nulls)
{
    if (ARR_NDIM(path) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    return text_array_elems(path, elems, nulls);
}

Datum
jsonb_set(PG_FUNCTION_ARGS)
{
    Jsonb      *in = PG_GETARG_JSONB_P(0);
    ArrayType   *path = (ArrayType *) PG_GETARG_POINTER(1);
    Jsonb      *newjsonb = PG_GETARG_JSONB_P(2);
    bool        create = PG_GETARG_BOOL(3);
    JsonbValue  newval;
    Datum      *path_elems;
    bool       *path_nulls;
    int         path_len;
    JsonbIterator *it;
    JsonbParseState *st = NULL;

    JsonbToJsonbValue(newjsonb, &newval);

    if (ARR_NDIM(path) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    if (JB_ROOT_IS_SCALAR(in))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot set path in scalar"));
    if (JB_ROOT_COUNT(in) == 0 && !create)
        PG_RETURN_JSONB_P(in);

    path_len = path_elems_1d(path, &path_elems, &path_nulls);
    if (path_len == 0)
        PG_RETURN_JSONB_P(in);

    it = JsonbIteratorInit(&in->root);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(setPath(&it, path_elems, path_nulls, path_len,
                                                &st, 0, &newval,
                                                create ? JB_PATH_CREATE : JB_PATH_REPLACE)));
}

Datum
jsonb_delete_path(PG_FUNCTION_ARGS)
{
    Jsonb      *in = PG_GETARG_JSONB_P(0);
    ArrayType   *path = (ArrayType *) PG_GETARG_POINTER(1);
    Datum      *path_elems;
    bool       *path_nulls;
    int         path_len;
    JsonbIterator *it;
    JsonbParseState *st = NULL;

    if (ARR_NDIM(path) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    if (JB_ROOT_IS_SCALAR(in))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot delete path in scalar"));
    if (JB_ROOT_COUNT(in) == 0)
        PG_RETURN_JSONB_P(in);

    path_len = path_elems_1d(path, &path_elems, &path_nulls);
    if (path_len == 0)
        PG_RETURN_JSONB_P(in);

    it = JsonbIteratorInit(&in->root);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(setPath(&it, path_elems, path_nulls, path_len,
                                                &st, 0, NULL, JB_PATH_DELETE)));
}

Datum
jsonb_insert(PG_FUNCTION_ARGS)
{
    Jsonb      *in = PG_GETARG_JSONB_P(0);
    ArrayType   *path = (ArrayType *) PG_GETARG_POINTER(1);
    Jsonb      *newjsonb = PG_GETARG_JSONB_P(2);
    bool        after = PG_GETARG_BOOL(3);
    JsonbValue  newval;
    Datum      *path_elems;
    bool       *path_nulls;
    int         path_len;
    JsonbIterator *it;
    JsonbParseState *st = NULL;

    JsonbToJsonbValue(newjsonb, &newval);

    if (ARR_NDIM(path) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"));
    if (JB_ROOT_IS_SCALAR(in))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("cannot set path in scalar"));

    path_len = path_elems_1d(path, &path_elems, &path_nulls);
    if (path_len == 0)
        PG_RETURN_JSONB_P(in);

    it = JsonbIteratorInit(&in->root);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(setPath(&it, path_elems, path_nulls, path_len,
                                                &st, 0, &newval,
                                                after ? JB_PATH_INSERT_AFTER
                                                : JB_PATH_INSERT_BEFORE)));
}

/* jsonb_set(target, path, new, create, null_value_treatment); not strict. */
Datum
jsonb_set_lax(PG_FUNCTION_ARGS)
{
    char *handle_val;

    if (PG_ARGISNULL(0) || PG_ARGISNULL(1) || PG_ARGISNULL(3))
        PG_RETURN_NULL();
    if (PG_ARGISNULL(4))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("null_value_treatment must be \"delete_key\", \"return_target\", \"use_json_null\", or \"raise_exception\""));

    if (!PG_ARGISNULL(2))
        return jsonb_set(fcinfo);

    handle_val = text_to_cstring(PG_GETARG_TEXT_PP(4));
    if (strcmp(handle_val, "raise_exception") == 0)
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("JSON value must not be null"),
                errdetail("Exception was raised because null_value_treatment is \"raise_exception\"."),
                errhint("To avoid, either change the null_value_treatment argument or ensure that an SQL NULL is not passed."));
    else if (strcmp(handle_val, "use_json_null") == 0)
    {
        fcinfo->args[2].value = PointerGetDatum(jsonb_from_cstring("null", 4));
        fcinfo->args[2].isnull = false;
        return jsonb_set(fcinfo);
    }
    else if (strcmp(handle_val, "delete_key") == 0)
        return jsonb_delete_path(fcinfo);
    else if (strcmp(handle_val, "return_target") == 0)
        PG_RETURN_JSONB_P(PG_GETARG_JSONB_P(0));

    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("null_value_treatment must be \"delete_key\", \"return_target\", \"use_json_null\", or \"raise_exception\""));
    return (Datum) 0;
}
