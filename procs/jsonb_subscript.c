/*-------------------------------------------------------------------------
 * jsonb_subscript.c
 *    jsonb subscripting, PostgreSQL 14+'s jsonb_subscript_handler
 *    (src/backend/utils/adt/jsonbsubs.c): j['key'][0] reads, and
 *    UPDATE ... SET j['a']['b'] = v assignments.
 *
 * Through the generic handler mechanism (procs/subscripting.h):
 *   transform   each subscript is coerced to int4 or text (unknown
 *               literals become text); slices are 42804; the result is jsonb.
 *   eval        a read is jsonb_get_element (#>) with the subscripts as
 *               text; a NULL subscript reads as NULL.  An assignment is
 *               PostgreSQL's jsonb_set_element: setPath with
 *               JB_PATH_CREATE | JB_PATH_FILL_GAPS | JB_PATH_CONSISTENT_POSITION,
 *               so missing objects/arrays on the path are created and an
 *               array assigned past its end is padded with nulls.  A NULL
 *               container becomes '{}' (or '[]' if the first subscript is
 *               an integer) first.
 *
 * setPath here is the FILL_GAPS variant of jsonb_ops.c's (used only by
 * subscripting; jsonb_set keeps its own).  Recursion depth is bounded by
 * the number of subscripts.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <errno.h>
#include <limits.h>
#include "catalog/pg_type_oids.h"
#include "executor/execExpr.h"
#include "planner/nodefuncs.h"
#include "planner/parse_node.h"
#include "procs/builtins.h"
#include "procs/jsonb.h"
#include "procs/subscripting.h"

#define JB_PATH_CREATE                  0x0001
#define JB_PATH_FILL_GAPS               0x0020
#define JB_PATH_CONSISTENT_POSITION     0x0040

/* Run-time state: the subscripts as text, and the NULL-container shape. */
typedef struct JsonbSubWorkspace
{
    bool        expectArray;    /* first subscript is an integer */
    Oid        *indexOid;       /* int4 or text, per subscript */
    Datum      *index;          /* the subscripts, as text */
} JsonbSubWorkspace;

/* ---------------------------------------------------------------- analyzer */

static void
jsonb_subscript_transform(SubscriptingRef *sbsref, PgNode **indirection, int nsubs,
                          ParseState *pstate, bool isSlice, bool isAssignment)
{
    List       *upperIndexpr = NIL;

    (void) isAssignment;
    for (int i = 0; i < nsubs; i++)
    {
        PgQuery__AIndices *ai = indirection[i]->a_indices;
        Node       *subExpr;
        Oid         subExprType;
        Oid         targetType = UNKNOWNOID;

        if (isSlice)
        {
            PgNode     *raw = ai->uidx ? ai->uidx : ai->lidx;
            Node       *e = raw ? transformExprRecurse(pstate, raw) : NULL;

            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("jsonb subscript does not support slices"),
                    parser_errposition(pstate, e ? exprLocation(e) : -1));
        }
        subExpr = transformExprRecurse(pstate, ai->uidx);
        subExprType = exprType(subExpr);
        if (subExprType != UNKNOWNOID)
        {
            Oid         targets[2] = {INT4OID, TEXTOID};

            for (int t = 0; t < 2; t++)
            {
                if (can_coerce_type(1, &subExprType, &targets[t], COERCION_IMPLICIT))
                {
                    targetType = targets[t];
                    break;
                }
            }
            if (targetType == UNKNOWNOID)
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("subscript type %s is not supported", format_type_be(subExprType)),
                        errhint("jsonb subscript must be coercible to either integer or text."),
                        parser_errposition(pstate, exprLocation(subExpr)));
        }
        else
            targetType = TEXTOID;
        subExpr = coerce_type(pstate, subExpr, subExprType, targetType, -1,
                              COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
        if (subExpr == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("jsonb subscript must have text type"),
                    parser_errposition(pstate, exprLocation(subExpr)));
        upperIndexpr = lappend(upperIndexpr, subExpr);
    }
    sbsref->refupperindexpr = upperIndexpr;
    sbsref->reflowerindexpr = NIL;
    sbsref->refrestype = JSONBOID;
    sbsref->reftypmod = -1;
}

/* ---------------------------------------------------------------- setPath */

static void
push_null_elements(JsonbParseState **ps, int num)
{
    JsonbValue  null;

    null.type = jbvNull;
    while (num-- > 0)
        pushJsonbValue(ps, WJB_ELEM, &null);
}

/* path element as an int, or false if it is not one (strtoint) */
static bool
path_elem_int(Datum elem, int *out)
{
    char       *c = TextDatumGetCString(elem);
    char       *badp;
    long        l;

    errno = 0;
    l = strtol(c, &badp, 10);
    if (badp == c || *badp != '\0' || errno != 0 || l > INT_MAX || l < INT_MIN)
        return false;
    *out = (int) l;
    return true;
}

/*
 * Nested empty objects/arrays for path[level+1 ..], ending with newval:
 * [a][0][b] = 1 below an object gives {a: [{b: 1}]}.  The caller has
 * opened level's container and closes it.
 */
static void
push_path(JsonbParseState **st, int level, Datum *path_elems, int path_len,
          JsonbValue *newval)
{
    enum jbvType *tpath = palloc0((path_len - level) * sizeof(enum jbvType));
    JsonbValue  newkey;

    for (int i = level + 1; i < path_len; i++)
    {
        int         lindex;

        if (!path_elem_int(path_elems[i], &lindex))
        {
            text       *t = (text *) DatumGetPointer(path_elems[i]);

            newkey.type = jbvString;
            newkey.val.string.len = VARSIZE_ANY_EXHDR(t);
            newkey.val.string.val = VARDATA_ANY(t);
            (void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
            (void) pushJsonbValue(st, WJB_KEY, &newkey);
            tpath[i - level] = jbvObject;
        }
        else
        {
            (void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
            push_null_elements(st, lindex);
            tpath[i - level] = jbvArray;
        }
    }
    if (tpath[(path_len - level) - 1] == jbvArray)
        (void) pushJsonbValue(st, WJB_ELEM, newval);
    else
        (void) pushJsonbValue(st, WJB_VALUE, newval);
    for (int i = path_len - 1; i > level; i--)
    {
        if (tpath[i - level] == jbvObject)
            (void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
        else
            (void) pushJsonbValue(st, WJB_END_ARRAY, NULL);
    }
}

static JsonbValue *setPath(JsonbIterator **it, Datum *path_elems, int path_len,
                           JsonbParseState **st, int level, JsonbValue *newval);

/* copy the rest of the current value (after its first token r / v) */
static void
copy_value(JsonbIterator **it, JsonbParseState **st, JsonbIteratorToken r, JsonbValue *v)
{
    (void) pushJsonbValue(st, r, r < WJB_BEGIN_ARRAY ? v : NULL);
    if (r == WJB_BEGIN_ARRAY || r == WJB_BEGIN_OBJECT)
    {
        int         walking_level = 1;

        while (walking_level != 0)
        {
            r = JsonbIteratorNext(it, v, false);
            if (r == WJB_BEGIN_ARRAY || r == WJB_BEGIN_OBJECT)
                ++walking_level;
            if (r == WJB_END_ARRAY || r == WJB_END_OBJECT)
                --walking_level;
            (void) pushJsonbValue(st, r, r < WJB_BEGIN_ARRAY ? v : NULL);
        }
    }
}

static void
setPathObject(JsonbIterator **it, Datum *path_elems, int path_len, JsonbParseState **st,
              int level, JsonbValue *newval, uint32 npairs)
{
    text       *pathelem = NULL;
    JsonbValue  k,
                v,
                newkey;
    bool        done = false;

    if (level >= path_len)
        done = true;
    else
        pathelem = (text *) DatumGetPointer(path_elems[level]);
    if (pathelem != NULL)
    {
        newkey.type = jbvString;
        newkey.val.string.val = VARDATA_ANY(pathelem);
        newkey.val.string.len = VARSIZE_ANY_EXHDR(pathelem);
    }

    /* an empty object: create the key */
    if (npairs == 0 && level == path_len - 1)
    {
        (void) pushJsonbValue(st, WJB_KEY, &newkey);
        (void) pushJsonbValue(st, WJB_VALUE, newval);
    }

    for (uint32 i = 0; i < npairs; i++)
    {
        JsonbIteratorToken r = JsonbIteratorNext(it, &k, true);

        if (!done && k.val.string.len == (int) VARSIZE_ANY_EXHDR(pathelem) &&
            memcmp(k.val.string.val, VARDATA_ANY(pathelem), k.val.string.len) == 0)
        {
            done = true;
            if (level == path_len - 1)
            {
                (void) JsonbIteratorNext(it, &v, true);     /* skip the old value */
                (void) pushJsonbValue(st, WJB_KEY, &k);
                (void) pushJsonbValue(st, WJB_VALUE, newval);
            }
            else
            {
                (void) pushJsonbValue(st, r, &k);
                setPath(it, path_elems, path_len, st, level + 1, newval);
            }
        }
        else
        {
            if (!done && level == path_len - 1 && i == npairs - 1)
            {
                (void) pushJsonbValue(st, WJB_KEY, &newkey);
                (void) pushJsonbValue(st, WJB_VALUE, newval);
            }
            (void) pushJsonbValue(st, r, &k);
            r = JsonbIteratorNext(it, &v, false);
            copy_value(it, st, r, &v);
        }
    }

    /* key not found on an inner level: create the rest of the path */
    if (!done && level < path_len - 1)
    {
        (void) pushJsonbValue(st, WJB_KEY, &newkey);
        push_path(st, level, path_elems, path_len, newval);
    }
}

static void
setPathArray(JsonbIterator **it, Datum *path_elems, int path_len, JsonbParseState **st,
             int level, JsonbValue *newval, uint32 nelems)
{
    JsonbValue  v;
    int         idx;
    bool        done = false;

    if (level < path_len)
    {
        if (!path_elem_int(path_elems[level], &idx))
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("path element at position %d is not an integer: \"%s\"",
                           level + 1, TextDatumGetCString(path_elems[level])));
    }
    else
        idx = nelems;

    if (idx < 0)
    {
        if ((int64) -(int64) idx > (int64) nelems)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("path element at position %d is out of range: %d",
                           level + 1, idx));
        idx = nelems + idx;
    }

    if (nelems == 0 && level == path_len - 1)
    {
        if (idx > 0)
            push_null_elements(st, idx);
        (void) pushJsonbValue(st, WJB_ELEM, newval);
        done = true;
    }

    for (uint32 i = 0; i < nelems; i++)
    {
        JsonbIteratorToken r;

        if ((int) i == idx && level < path_len)
        {
            done = true;
            if (level == path_len - 1)
            {
                (void) JsonbIteratorNext(it, &v, true);     /* skip the old one */
                (void) pushJsonbValue(st, WJB_ELEM, newval);
            }
            else
                (void) setPath(it, path_elems, path_len, st, level + 1, newval);
        }
        else
        {
            r = JsonbIteratorNext(it, &v, false);
            copy_value(it, st, r, &v);
        }
    }

    if (!done && level == path_len - 1)
    {
        if (idx > (int) nelems)
            push_null_elements(st, idx - nelems);
        (void) pushJsonbValue(st, WJB_ELEM, newval);
        done = true;
    }

    if (!done && level < path_len - 1)
    {
        if (idx > 0)
            push_null_elements(st, idx - nelems);
        push_path(st, level, path_elems, path_len, newval);
    }
}

static JsonbValue *
setPath(JsonbIterator **it, Datum *path_elems, int path_len, JsonbParseState **st,
        int level, JsonbValue *newval)
{
    JsonbValue  v;
    JsonbIteratorToken r = JsonbIteratorNext(it, &v, false);
    JsonbValue *res = NULL;

    switch (r)
    {
        case WJB_BEGIN_ARRAY:
            if (level <= path_len - 1 && v.val.array.rawScalar)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("cannot replace existing key"),
                        errdetail("The path assumes key is a composite object, but it is a scalar value."));
            (void) pushJsonbValue(st, r, NULL);
            setPathArray(it, path_elems, path_len, st, level, newval, v.val.array.nElems);
            r = JsonbIteratorNext(it, &v, false);
            res = pushJsonbValue(st, r, NULL);
            break;
        case WJB_BEGIN_OBJECT:
            (void) pushJsonbValue(st, r, NULL);
            setPathObject(it, path_elems, path_len, st, level, newval, v.val.object.nPairs);
            r = JsonbIteratorNext(it, &v, true);
            res = pushJsonbValue(st, r, NULL);
            break;
        case WJB_ELEM:
        case WJB_VALUE:
            if (level <= path_len - 1)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("cannot replace existing key"),
                        errdetail("The path assumes key is a composite object, but it is a scalar value."));
            res = pushJsonbValue(st, r, &v);
            break;
        default:
            elog(ERROR, "unrecognized iterator result: %d", (int) r);
    }
    return res;
}

/* PostgreSQL's jsonb_set_element */
static Jsonb *
jsonb_set_element(Jsonb *jb, Datum *path, int path_len, JsonbValue *newval)
{
    JsonbParseState *state = NULL;
    JsonbIterator *it;

    if (newval->type == jbvArray && newval->val.array.rawScalar)
        *newval = newval->val.array.elems[0];
    it = JsonbIteratorInit(&jb->root);
    return JsonbValueToJsonb(setPath(&it, path, path_len, &state, 0, newval));
}

/* ---------------------------------------------------------------- executor */

static void
jsonb_exec_setup(const SubscriptingRef *sbsref, SubscriptingRefState *sb)
{
    JsonbSubWorkspace *ws = palloc0(sizeof(JsonbSubWorkspace));
    ListCell   *lc;
    int         i = 0;

    ws->indexOid = palloc0(sizeof(Oid) * Max(sb->numupper, 1));
    ws->index = palloc0(sizeof(Datum) * Max(sb->numupper, 1));
    foreach(lc, sbsref->refupperindexpr)
    {
        Node       *e = lfirst(lc);

        ws->indexOid[i] = exprType(e);
        if (i == 0)
            ws->expectArray = ws->indexOid[i] == INT4OID;
        i++;
    }
    sb->workspace = ws;
}

/*
 * Subscripts to text in ws->index; false if one is NULL (the result of a
 * read is then NULL; an assignment errors).
 */
static bool
jsonb_check_subscripts(SubscriptingRefState *sb, JsonbSubWorkspace *ws)
{
    for (int i = 0; i < sb->numupper; i++)
    {
        if (sb->upperindexnull[i])
        {
            if (sb->isassignment)
                ereport(ERROR,
                        errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                        errmsg("jsonb subscript in assignment must not be null"));
            return false;
        }
        if (ws->indexOid[i] == INT4OID)
        {
            char        buf[16];

            snprintf(buf, sizeof(buf), "%d", DatumGetInt32(sb->upperindex[i]));
            ws->index[i] = CStringGetTextDatum(buf);
        }
        else
            ws->index[i] = sb->upperindex[i];
    }
    return true;
}

static void
jsonb_subscript_eval(SubscriptingRefState *sb, Datum *resv, bool *resnull)
{
    JsonbSubWorkspace *ws = sb->workspace;
    Jsonb      *jsonbSource;
    JsonbValue  replacevalue;

    if (!sb->isassignment)
    {
        if (*resnull)
            return;
        if (!jsonb_check_subscripts(sb, ws))
        {
            *resnull = true;
            *resv = (Datum) 0;
            return;
        }
        *resv = jsonb_get_element(DatumGetJsonbP(*resv), ws->index, sb->numupper,
                                  resnull, false);
        return;
    }

    (void) jsonb_check_subscripts(sb, ws);
    if (sb->replacenull)
        replacevalue.type = jbvNull;
    else
        JsonbToJsonbValue(DatumGetJsonbP(sb->replacevalue), &replacevalue);
    if (*resnull)
    {
        JsonbValue  newSource;

        if (ws->expectArray)
        {
            newSource.type = jbvArray;
            newSource.val.array.nElems = 0;
            newSource.val.array.rawScalar = false;
            newSource.val.array.elems = NULL;
        }
        else
        {
            newSource.type = jbvObject;
            newSource.val.object.nPairs = 0;
            newSource.val.object.pairs = NULL;
        }
        jsonbSource = JsonbValueToJsonb(&newSource);
        *resnull = false;
    }
    else
        jsonbSource = DatumGetJsonbP(*resv);
    *resv = PointerGetDatum(jsonb_set_element(jsonbSource, ws->index, sb->numupper,
                                              &replacevalue));
}

static const SubscriptRoutines jsonb_subscript_routines = {
    .transform = jsonb_subscript_transform,
    .exec_setup = jsonb_exec_setup,
    .eval = jsonb_subscript_eval,
};

Datum
jsonb_subscript_handler(PG_FUNCTION_ARGS)
{
    (void) fcinfo;
    PG_RETURN_POINTER(&jsonb_subscript_routines);
}
