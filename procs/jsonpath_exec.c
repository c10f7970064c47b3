/*-------------------------------------------------------------------------
 * jsonpath_exec.c
 *    Evaluation of SQL/JSON path expressions over jsonb (PostgreSQL 15's
 *    src/backend/utils/adt/jsonpath_exec.c), and the SQL functions
 *    jsonb_path_exists / _match / _query / _query_array / _query_first
 *    (and their _tz twins) and the operators @? and @@.
 *
 * An item is evaluated against one JsonbValue and appends its results to
 * a JsonValueList (or, with found == NULL, only reports whether there is
 * one).  Lax mode (the default) unwraps arrays for accessors and wraps
 * non-arrays for [..], and turns structural errors into empty results;
 * strict mode raises them.  Predicates are three-valued (true, false,
 * unknown); an error inside a predicate makes it unknown.  With silent
 * = true (and for the operators), errors that the standard lets be
 * suppressed give an empty/NULL result instead.
 *
 * Scalars are always carried as scalar JsonbValues (a raw scalar jsonb is
 * unpacked on entry); containers as jbvBinary pointing into the input.
 *
 * Not implemented: .datetime() (0A000).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <errno.h>
#include <math.h>
#include "backend/utils/list.h"
#include "procs/builtins.h"
#include "procs/fmgr.h"
#include "procs/funcapi.h"
#include "procs/jsonb.h"
#include "procs/jsonpath.h"
#include "procs/numeric.h"
#include "procs/regex_cache.h"

extern Datum numeric_uminus(PG_FUNCTION_ARGS);
extern Datum numeric_abs(PG_FUNCTION_ARGS);
extern Datum numeric_floor(PG_FUNCTION_ARGS);
extern Datum numeric_ceil(PG_FUNCTION_ARGS);
extern Datum numeric_trunc(PG_FUNCTION_ARGS);

typedef enum JsonPathExecResult
{
    jperOk = 0,
    jperNotFound = 1,
    jperError = 2
} JsonPathExecResult;

#define jperIsError(jper) ((jper) == jperError)

typedef enum JsonPathBool
{
    jpbFalse = 0,
    jpbTrue = 1,
    jpbUnknown = 2
} JsonPathBool;

typedef struct JsonBaseObjectInfo
{
    JsonbContainer *jbc;
    int         id;
} JsonBaseObjectInfo;

typedef struct JsonPathExecContext
{
    Jsonb      *vars;
    JsonbValue *root;
    JsonbValue *current;        /* @ */
    JsonBaseObjectInfo baseObject;  /* for .keyvalue() ids */
    int         lastGeneratedObjectId;
    int         innermostArraySize; /* for LAST; -1 outside subscripts */
    bool        laxMode;
    bool        ignoreStructuralErrors;
    bool        throwErrors;
} JsonPathExecContext;

/* A list of result items; the common single result needs no List cell. */
typedef struct JsonValueList
{
    JsonbValue *singleton;
    List       *list;
} JsonValueList;

typedef struct JsonValueListIterator
{
    JsonbValue *value;
    List       *list;
    int         next;
} JsonValueListIterator;

#define jspAutoUnwrap(cxt)              ((cxt)->laxMode)
#define jspAutoWrap(cxt)                ((cxt)->laxMode)
#define jspIgnoreStructuralErrors(cxt)  ((cxt)->ignoreStructuralErrors)
#define jspThrowErrors(cxt)             ((cxt)->throwErrors)
#define jspStrictAbsenseOfErrors(cxt)   (!(cxt)->laxMode)

/* raise the error if throwing, else report jperError */
#define RETURN_ERROR(throw_error) \
    do { \
        if (jspThrowErrors(cxt)) \
            throw_error; \
        else \
            return jperError; \
    } while (0)

typedef JsonPathBool (*JsonPathPredicateCallback) (JsonPathItem *jsp, JsonbValue *larg,
                                                   JsonbValue *rarg, void *param);
typedef Numeric (*BinaryArithmFunc) (Numeric num1, Numeric num2, bool *error);

static JsonPathExecResult executeItem(JsonPathExecContext *cxt, JsonPathItem *jsp,
                                      JsonbValue *jb, JsonValueList *found);
static JsonPathExecResult executeItemOptUnwrapTarget(JsonPathExecContext *cxt,
                                                     JsonPathItem *jsp, JsonbValue *jb,
                                                     JsonValueList *found, bool unwrap);
static JsonPathExecResult executeItemOptUnwrapResult(JsonPathExecContext *cxt,
                                                     JsonPathItem *jsp, JsonbValue *jb,
                                                     bool unwrap, JsonValueList *found);
static JsonPathBool executeBoolItem(JsonPathExecContext *cxt, JsonPathItem *jsp,
                                    JsonbValue *jb, bool canHaveNext);

/* ---------------------------------------------------------------- value lists */

static void
JsonValueListAppend(JsonValueList *jvl, JsonbValue *jbv)
{
    if (jvl->singleton)
    {
        jvl->list = lappend(lappend(NIL, jvl->singleton), jbv);
        jvl->singleton = NULL;
    }
    else if (!jvl->list)
        jvl->singleton = jbv;
    else
        jvl->list = lappend(jvl->list, jbv);
}

static int
JsonValueListLength(const JsonValueList *jvl)
{
    return jvl->singleton ? 1 : list_length(jvl->list);
}

static bool
JsonValueListIsEmpty(const JsonValueList *jvl)
{
    return !jvl->singleton && jvl->list == NIL;
}

static JsonbValue *
JsonValueListHead(JsonValueList *jvl)
{
    return jvl->singleton ? jvl->singleton : (JsonbValue *) linitial(jvl->list);
}

static void
JsonValueListInitIterator(const JsonValueList *jvl, JsonValueListIterator *it)
{
    it->value = jvl->singleton;
    it->list = jvl->list;
    it->next = 0;
}

static JsonbValue *
JsonValueListNext(const JsonValueList *jvl, JsonValueListIterator *it)
{
    if (it->value)
    {
        JsonbValue *v = it->value;

        it->value = NULL;
        return v;
    }
    if (it->list && it->next < list_length(it->list))
        return (JsonbValue *) list_nth(it->list, it->next++);
    return NULL;
}

/* ---------------------------------------------------------------- helpers */

static JsonbValue *
copyJsonbValue(JsonbValue *src)
{
    JsonbValue *dst = palloc(sizeof(*dst));

    *dst = *src;
    return dst;
}

/* a whole jsonb as a JsonbValue: its scalar, or jbvBinary */
static JsonbValue *
JsonbInitBinary(JsonbValue *jbv, Jsonb *jb)
{
    jbv->type = jbvBinary;
    jbv->val.binary.data = &jb->root;
    jbv->val.binary.len = VARSIZE(jb) - offsetof(Jsonb, root);
    return jbv;
}

/* the type a value has for the path language (containers by their kind) */
static int
JsonbType(JsonbValue *jb)
{
    int         type = jb->type;

    if (jb->type == jbvBinary)
    {
        JsonbContainer *jbc = jb->val.binary.data;

        if (JsonContainerIsScalar(jbc))
            type = -1;     /* a raw scalar container: never passed around */
        else if (JsonContainerIsObject(jbc))
            type = jbvObject;
        else
            type = jbvArray;
    }
    return type;
}

static JsonbValue *
getScalar(JsonbValue *scalar, enum jbvType type)
{
    return scalar->type == type ? scalar : NULL;
}

static int
JsonbArraySize(JsonbValue *jb)
{
    if (jb->type == jbvBinary)
    {
        JsonbContainer *jbc = jb->val.binary.data;

        if (JsonContainerIsArray(jbc) && !JsonContainerIsScalar(jbc))
            return JsonContainerSize(jbc);
    }
    return -1;
}

static const char *
JsonbTypeName(JsonbValue *jbv)
{
    switch (JsonbType(jbv))
    {
        case jbvObject:
            return "object";
        case jbvArray:
            return "array";
        case jbvString:
            return "string";
        case jbvNumeric:
            return "number";
        case jbvBool:
            return "boolean";
        case jbvNull:
            return "null";
        default:
            elog(ERROR, "unrecognized jsonb value type: %d", jbv->type);
            return "unknown";
    }
}

static JsonBaseObjectInfo
setBaseObject(JsonPathExecContext *cxt, JsonbValue *jbv, int32 id)
{
    JsonBaseObjectInfo baseObject = cxt->baseObject;

    cxt->baseObject.jbc = jbv->type != jbvBinary ? NULL : jbv->val.binary.data;
    cxt->baseObject.id = id;
    return baseObject;
}

static void
getJsonPathVariable(JsonPathExecContext *cxt, JsonPathItem *variable, JsonbValue *value)
{
    int32       len;
    char       *name = jspGetString(variable, &len);
    JsonbValue *v;
    JsonbValue  tmp;

    if (!cxt->vars)
    {
        value->type = jbvNull;
        return;
    }
    v = getKeyJsonValueFromContainer(&cxt->vars->root, name, len, NULL);
    if (v == NULL)
        ereport(ERROR, errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("could not find jsonpath variable \"%s\"", pnstrdup(name, len)));
    *value = *v;
    JsonbInitBinary(&tmp, cxt->vars);
    setBaseObject(cxt, &tmp, 1);
}

/* the value of a literal or variable item */
static void
getJsonPathItem(JsonPathExecContext *cxt, JsonPathItem *item, JsonbValue *value)
{
    switch (item->type)
    {
        case jpiNull:
            value->type = jbvNull;
            break;
        case jpiBool:
            value->type = jbvBool;
            value->val.boolean = jspGetBool(item);
            break;
        case jpiNumeric:
            value->type = jbvNumeric;
            value->val.numeric = jspGetNumeric(item);
            break;
        case jpiString:
            value->type = jbvString;
            value->val.string.val = jspGetString(item, &value->val.string.len);
            break;
        case jpiVariable:
            getJsonPathVariable(cxt, item, value);
            return;
        default:
            elog(ERROR, "unexpected jsonpath item type");
    }
}

/* ---------------------------------------------------------------- items */

static JsonPathExecResult
executeNextItem(JsonPathExecContext *cxt, JsonPathItem *cur, JsonPathItem *next,
                JsonbValue *v, JsonValueList *found, bool copy)
{
    JsonPathItem elem;
    bool        hasNext;

    if (!cur)
        hasNext = next != NULL;
    else if (next)
        hasNext = jspHasNext(cur);
    else
    {
        next = &elem;
        hasNext = jspGetNext(cur, next);
    }
    if (hasNext)
        return executeItem(cxt, next, v, found);
    if (found)
        JsonValueListAppend(found, copy ? copyJsonbValue(v) : v);
    return jperOk;
}

static JsonPathExecResult
executeItem(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb, JsonValueList *found)
{
    return executeItemOptUnwrapTarget(cxt, jsp, jb, found, jspAutoUnwrap(cxt));
}

/*
 * Items of container jbc at levels first..last (1 = its direct children),
 * each evaluated with jsp (or collected when jsp is NULL).
 */
static JsonPathExecResult
executeAnyItem(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbContainer *jbc,
               JsonValueList *found, uint32 level, uint32 first, uint32 last,
               bool ignoreStructuralErrors, bool unwrapNext)
{
    JsonPathExecResult res = jperNotFound;
    JsonbIterator *it;
    JsonbIteratorToken r;
    JsonbValue  v;

    if (level > last)
        return res;
    it = JsonbIteratorInit(jbc);
    while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
    {
        if (r == WJB_KEY)
            r = JsonbIteratorNext(&it, &v, true);
        if (r == WJB_VALUE || r == WJB_ELEM)
        {
            if (level >= first ||
                (first == PG_UINT32_MAX && last == PG_UINT32_MAX && v.type != jbvBinary))
            {
                if (jsp)
                {
                    if (ignoreStructuralErrors)
                    {
                        bool        saved = cxt->ignoreStructuralErrors;

                        cxt->ignoreStructuralErrors = true;
                        res = executeItemOptUnwrapTarget(cxt, jsp, &v, found, unwrapNext);
                        cxt->ignoreStructuralErrors = saved;
                    }
                    else
                        res = executeItemOptUnwrapTarget(cxt, jsp, &v, found, unwrapNext);
                    if (jperIsError(res))
                        break;
                    if (res == jperOk && !found)
                        break;
                }
                else if (found)
                    JsonValueListAppend(found, copyJsonbValue(&v));
                else
                    return jperOk;
            }
            if (level < last && v.type == jbvBinary)
            {
                res = executeAnyItem(cxt, jsp, v.val.binary.data, found, level + 1,
                                     first, last, ignoreStructuralErrors, unwrapNext);
                if (jperIsError(res))
                    break;
                if (res == jperOk && found == NULL)
                    break;
            }
        }
    }
    return res;
}

static JsonPathExecResult
executeItemUnwrapTargetArray(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                             JsonValueList *found, bool unwrapElements)
{
    if (jb->type != jbvBinary)
        elog(ERROR, "invalid jsonb array value type: %d", jb->type);
    return executeAnyItem(cxt, jsp, jb->val.binary.data, found, 1, 1, 1, false,
                          unwrapElements);
}

static JsonPathExecResult
executeItemOptUnwrapResult(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                           bool unwrap, JsonValueList *found)
{
    if (unwrap && jspAutoUnwrap(cxt))
    {
        JsonValueList seq = {0};
        JsonValueListIterator it;
        JsonPathExecResult res = executeItem(cxt, jsp, jb, &seq);
        JsonbValue *item;

        if (jperIsError(res))
            return res;
        JsonValueListInitIterator(&seq, &it);
        while ((item = JsonValueListNext(&seq, &it)))
        {
            if (JsonbType(item) == jbvArray)
                executeItemUnwrapTargetArray(cxt, NULL, item, found, false);
            else
                JsonValueListAppend(found, item);
        }
        return jperOk;
    }
    return executeItem(cxt, jsp, jb, found);
}

static JsonPathExecResult
executeItemOptUnwrapResultNoThrow(JsonPathExecContext *cxt, JsonPathItem *jsp,
                                  JsonbValue *jb, bool unwrap, JsonValueList *found)
{
    bool        saved = cxt->throwErrors;
    JsonPathExecResult res;

    cxt->throwErrors = false;
    res = executeItemOptUnwrapResult(cxt, jsp, jb, unwrap, found);
    cxt->throwErrors = saved;
    return res;
}

static JsonPathExecResult
appendBoolResult(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonValueList *found,
                 JsonPathBool res)
{
    JsonPathItem next;
    JsonbValue  jbv;

    if (!jspGetNext(jsp, &next) && !found)
        return jperOk;
    if (res == jpbUnknown)
        jbv.type = jbvNull;
    else
    {
        jbv.type = jbvBool;
        jbv.val.boolean = res == jpbTrue;
    }
    return executeNextItem(cxt, jsp, &next, &jbv, found, true);
}

static JsonPathExecResult
executeBinaryArithmExpr(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                        BinaryArithmFunc func, JsonValueList *found)
{
    JsonPathExecResult jper;
    JsonPathItem elem;
    JsonValueList lseq = {0};
    JsonValueList rseq = {0};
    JsonbValue *lval;
    JsonbValue *rval;
    Numeric     res;

    jspGetLeftArg(jsp, &elem);
    jper = executeItemOptUnwrapResult(cxt, &elem, jb, true, &lseq);
    if (jperIsError(jper))
        return jper;
    jspGetRightArg(jsp, &elem);
    jper = executeItemOptUnwrapResult(cxt, &elem, jb, true, &rseq);
    if (jperIsError(jper))
        return jper;

    if (JsonValueListLength(&lseq) != 1 ||
        !(lval = getScalar(JsonValueListHead(&lseq), jbvNumeric)))
        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SINGLETON_SQL_JSON_ITEM_REQUIRED),
                             errmsg("left operand of jsonpath operator %s is not a single numeric value",
                                    jspOperationName(jsp->type))));
    if (JsonValueListLength(&rseq) != 1 ||
        !(rval = getScalar(JsonValueListHead(&rseq), jbvNumeric)))
        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SINGLETON_SQL_JSON_ITEM_REQUIRED),
                             errmsg("right operand of jsonpath operator %s is not a single numeric value",
                                    jspOperationName(jsp->type))));
    if (jspThrowErrors(cxt))
        res = func(lval->val.numeric, rval->val.numeric, NULL);
    else
    {
        bool        error = false;

        res = func(lval->val.numeric, rval->val.numeric, &error);
        if (error)
            return jperError;
    }
    if (!jspGetNext(jsp, &elem) && !found)
        return jperOk;
    lval = palloc(sizeof(*lval));
    lval->type = jbvNumeric;
    lval->val.numeric = res;
    return executeNextItem(cxt, jsp, &elem, lval, found, false);
}

static JsonPathExecResult
executeUnaryArithmExpr(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                       PGFunction func, JsonValueList *found)
{
    JsonPathExecResult jper;
    JsonPathExecResult jper2;
    JsonPathItem elem;
    JsonValueList seq = {0};
    JsonValueListIterator it;
    JsonbValue *val;
    bool        hasNext;

    jspGetArg(jsp, &elem);
    jper = executeItemOptUnwrapResult(cxt, &elem, jb, true, &seq);
    if (jperIsError(jper))
        return jper;
    jper = jperNotFound;
    hasNext = jspGetNext(jsp, &elem);
    JsonValueListInitIterator(&seq, &it);
    while ((val = JsonValueListNext(&seq, &it)))
    {
        if ((val = getScalar(val, jbvNumeric)))
        {
            if (!found && !hasNext)
                return jperOk;
        }
        else
        {
            if (!found && !hasNext)
                continue;
            RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_NUMBER_NOT_FOUND),
                                 errmsg("operand of unary jsonpath operator %s is not a numeric value",
                                        jspOperationName(jsp->type))));
        }
        if (func)
        {
            JsonbValue *nv = copyJsonbValue(val);

            nv->val.numeric = DatumGetNumeric(DirectFunctionCall1(func,
                                                                  NumericGetDatum(val->val.numeric)));
            val = nv;
        }
        jper2 = executeNextItem(cxt, jsp, &elem, val, found, false);
        if (jperIsError(jper2))
            return jper2;
        if (jper2 == jperOk)
        {
            if (!found)
                return jperOk;
            jper = jperOk;
        }
    }
    return jper;
}

static JsonPathExecResult
executeNumericItemMethod(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                         bool unwrap, PGFunction func, JsonValueList *found)
{
    JsonPathItem next;
    Datum       datum;

    if (unwrap && JsonbType(jb) == jbvArray)
        return executeItemUnwrapTargetArray(cxt, jsp, jb, found, false);
    if (!(jb = getScalar(jb, jbvNumeric)))
        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_NON_NUMERIC_SQL_JSON_ITEM),
                             errmsg("jsonpath item method .%s() can only be applied to a numeric value",
                                    jspOperationName(jsp->type))));
    datum = DirectFunctionCall1(func, NumericGetDatum(jb->val.numeric));
    if (!jspGetNext(jsp, &next) && !found)
        return jperOk;
    jb = palloc(sizeof(*jb));
    jb->type = jbvNumeric;
    jb->val.numeric = DatumGetNumeric(datum);
    return executeNextItem(cxt, jsp, &next, jb, found, false);
}

static JsonPathExecResult
executeKeyValueMethod(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                      JsonValueList *found)
{
    JsonPathExecResult res = jperNotFound;
    JsonPathItem next;
    JsonbContainer *jbc;
    JsonbValue  key,
                val,
                idval,
                keystr,
                valstr,
                idstr;
    JsonbIterator *it;
    JsonbIteratorToken tok;
    int64       id;
    bool        hasNext;

    if (JsonbType(jb) != jbvObject || jb->type != jbvBinary)
        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_OBJECT_NOT_FOUND),
                             errmsg("jsonpath item method .%s() can only be applied to an object",
                                    jspOperationName(jsp->type))));
    jbc = jb->val.binary.data;
    if (!JsonContainerSize(jbc))
        return jperNotFound;
    hasNext = jspGetNext(jsp, &next);
    keystr.type = jbvString;
    keystr.val.string.val = "key";
    keystr.val.string.len = 3;
    valstr.type = jbvString;
    valstr.val.string.val = "value";
    valstr.val.string.len = 5;
    idstr.type = jbvString;
    idstr.val.string.val = "id";
    idstr.val.string.len = 2;

    /* object id: base object number and the offset inside it */
    id = cxt->baseObject.jbc ? (int64) ((char *) jbc - (char *) cxt->baseObject.jbc) : 0;
    id += (int64) cxt->baseObject.id * (int64) 10000000000LL;
    idval.type = jbvNumeric;
    idval.val.numeric = int64_to_numeric(id);

    it = JsonbIteratorInit(jbc);
    while ((tok = JsonbIteratorNext(&it, &key, true)) != WJB_DONE)
    {
        JsonBaseObjectInfo baseObject;
        JsonbValue  obj;
        JsonbParseState *ps;
        JsonbValue *keyval;
        Jsonb      *jsonb;

        if (tok != WJB_KEY)
            continue;
        res = jperOk;
        if (!hasNext && !found)
            break;
        tok = JsonbIteratorNext(&it, &val, true);
        ps = NULL;
        pushJsonbValue(&ps, WJB_BEGIN_OBJECT, NULL);
        pushJsonbValue(&ps, WJB_KEY, &keystr);
        pushJsonbValue(&ps, WJB_VALUE, &key);
        pushJsonbValue(&ps, WJB_KEY, &valstr);
        pushJsonbValue(&ps, WJB_VALUE, &val);
        pushJsonbValue(&ps, WJB_KEY, &idstr);
        pushJsonbValue(&ps, WJB_VALUE, &idval);
        keyval = pushJsonbValue(&ps, WJB_END_OBJECT, NULL);
        jsonb = JsonbValueToJsonb(keyval);
        JsonbInitBinary(&obj, jsonb);
        baseObject = setBaseObject(cxt, &obj, cxt->lastGeneratedObjectId++);
        res = executeNextItem(cxt, jsp, &next, &obj, found, true);
        cxt->baseObject = baseObject;
        if (jperIsError(res))
            return res;
        if (res == jperOk && !found)
            break;
    }
    return res;
}

/* a subscript's value as an int (truncated), or an error */
static JsonPathExecResult
getArrayIndex(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb, int32 *index)
{
    JsonbValue *jbv;
    JsonValueList found = {0};
    JsonPathExecResult res = executeItem(cxt, jsp, jb, &found);
    Datum       numeric_index;
    bool        have_error = false;

    if (jperIsError(res))
        return res;
    if (JsonValueListLength(&found) != 1 ||
        !(jbv = getScalar(JsonValueListHead(&found), jbvNumeric)))
        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_INVALID_SQL_JSON_SUBSCRIPT),
                             errmsg("jsonpath array subscript is not a single numeric value")));
    numeric_index = DirectFunctionCall2(numeric_trunc, NumericGetDatum(jbv->val.numeric),
                                        Int32GetDatum(0));
    *index = numeric_int4_opt_error(DatumGetNumeric(numeric_index), &have_error);
    if (have_error)
        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_INVALID_SQL_JSON_SUBSCRIPT),
                             errmsg("jsonpath array subscript is out of integer range")));
    return jperOk;
}

/* PostgreSQL's float8in for .double(): false on bad syntax or overflow */
static bool
parse_double(const char *s, double *out)
{
    char       *end;

    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')
        s++;
    if (*s == '\0')
        return false;
    errno = 0;
    *out = strtod(s, &end);
    if (end == s)
        return false;
    if (errno == ERANGE && (*out == 0.0 || isinf(*out)))
        return false;
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r' || *end == '\f' || *end == '\v')
        end++;
    return *end == '\0';
}

static JsonPathExecResult
executeItemOptUnwrapTarget(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb,
                           JsonValueList *found, bool unwrap)
{
    JsonPathItem elem;
    JsonPathExecResult res = jperNotFound;
    JsonBaseObjectInfo baseObject;

    switch (jsp->type)
    {
        case jpiAnd:
        case jpiOr:
        case jpiNot:
        case jpiIsUnknown:
        case jpiEqual:
        case jpiNotEqual:
        case jpiLess:
        case jpiGreater:
        case jpiLessOrEqual:
        case jpiGreaterOrEqual:
        case jpiExists:
        case jpiStartsWith:
        case jpiLikeRegex:
            return appendBoolResult(cxt, jsp, found, executeBoolItem(cxt, jsp, jb, true));

        case jpiAdd:
            return executeBinaryArithmExpr(cxt, jsp, jb, numeric_add_opt_error, found);
        case jpiSub:
            return executeBinaryArithmExpr(cxt, jsp, jb, numeric_sub_opt_error, found);
        case jpiMul:
            return executeBinaryArithmExpr(cxt, jsp, jb, numeric_mul_opt_error, found);
        case jpiDiv:
            return executeBinaryArithmExpr(cxt, jsp, jb, numeric_div_opt_error, found);
        case jpiMod:
            return executeBinaryArithmExpr(cxt, jsp, jb, numeric_mod_opt_error, found);
        case jpiPlus:
            return executeUnaryArithmExpr(cxt, jsp, jb, NULL, found);
        case jpiMinus:
            return executeUnaryArithmExpr(cxt, jsp, jb, numeric_uminus, found);

        case jpiFilter:
            {
                JsonPathBool st;
                JsonbValue *saved;

                if (unwrap && JsonbType(jb) == jbvArray)
                    return executeItemUnwrapTargetArray(cxt, jsp, jb, found, false);
                jspGetArg(jsp, &elem);
                saved = cxt->current;
                cxt->current = jb;
                st = executeBoolItem(cxt, &elem, jb, false);
                cxt->current = saved;
                if (st != jpbTrue)
                    res = jperNotFound;
                else
                    res = executeNextItem(cxt, jsp, NULL, jb, found, true);
                break;
            }

        case jpiAnyArray:
            if (JsonbType(jb) == jbvArray)
            {
                bool        hasNext = jspGetNext(jsp, &elem);

                res = executeItemUnwrapTargetArray(cxt, hasNext ? &elem : NULL, jb, found,
                                                   jspAutoUnwrap(cxt));
            }
            else if (jspAutoWrap(cxt))
                res = executeNextItem(cxt, jsp, NULL, jb, found, true);
            else if (!jspIgnoreStructuralErrors(cxt))
                RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_ARRAY_NOT_FOUND),
                                     errmsg("jsonpath wildcard array accessor can only be applied to an array")));
            break;

        case jpiIndexArray:
            if (JsonbType(jb) == jbvArray || jspAutoWrap(cxt))
            {
                int         innermostArraySize = cxt->innermostArraySize;
                int         size = JsonbArraySize(jb);
                bool        singleton = size < 0;
                bool        hasNext = jspGetNext(jsp, &elem);

                if (singleton)
                    size = 1;
                cxt->innermostArraySize = size;
                for (int i = 0; i < jsp->content.array.nelems; i++)
                {
                    JsonPathItem from;
                    JsonPathItem to;
                    int32       index_from;
                    int32       index_to;
                    bool        range = jspGetArraySubscript(jsp, &from, &to, i);

                    res = getArrayIndex(cxt, &from, jb, &index_from);
                    if (jperIsError(res))
                        break;
                    if (range)
                    {
                        res = getArrayIndex(cxt, &to, jb, &index_to);
                        if (jperIsError(res))
                            break;
                    }
                    else
                        index_to = index_from;
                    if (!jspIgnoreStructuralErrors(cxt) &&
                        (index_from < 0 || index_from > index_to || index_to >= size))
                        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_INVALID_SQL_JSON_SUBSCRIPT),
                                             errmsg("jsonpath array subscript is out of bounds")));
                    if (index_from < 0)
                        index_from = 0;
                    if (index_to >= size)
                        index_to = size - 1;
                    res = jperNotFound;
                    for (int32 index = index_from; index <= index_to; index++)
                    {
                        JsonbValue *v;
                        bool        copy;

                        if (singleton)
                        {
                            v = jb;
                            copy = true;
                        }
                        else
                        {
                            v = getIthJsonbValueFromContainer(jb->val.binary.data, (uint32) index);
                            if (v == NULL)
                                continue;
                            copy = false;
                        }
                        if (!hasNext && !found)
                            return jperOk;
                        res = executeNextItem(cxt, jsp, &elem, v, found, copy);
                        if (jperIsError(res))
                            break;
                        if (res == jperOk && !found)
                            break;
                    }
                    if (jperIsError(res))
                        break;
                    if (res == jperOk && !found)
                        break;
                }
                cxt->innermostArraySize = innermostArraySize;
            }
            else if (!jspIgnoreStructuralErrors(cxt))
                RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_ARRAY_NOT_FOUND),
                                     errmsg("jsonpath array accessor can only be applied to an array")));
            break;

        case jpiLast:
            {
                JsonbValue  tmpjbv;
                JsonbValue *lastjbv;
                bool        hasNext = jspGetNext(jsp, &elem);

                if (cxt->innermostArraySize < 0)
                    elog(ERROR, "evaluating jsonpath LAST outside of array subscript");
                if (!hasNext && !found)
                {
                    res = jperOk;
                    break;
                }
                lastjbv = hasNext ? &tmpjbv : palloc(sizeof(*lastjbv));
                lastjbv->type = jbvNumeric;
                lastjbv->val.numeric = int64_to_numeric(cxt->innermostArraySize - 1);
                res = executeNextItem(cxt, jsp, &elem, lastjbv, found, hasNext);
                break;
            }

        case jpiAnyKey:
            if (JsonbType(jb) == jbvObject)
            {
                bool        hasNext = jspGetNext(jsp, &elem);

                if (jb->type != jbvBinary)
                    elog(ERROR, "invalid jsonb object type: %d", jb->type);
                return executeAnyItem(cxt, hasNext ? &elem : NULL, jb->val.binary.data, found,
                                      1, 1, 1, false, jspAutoUnwrap(cxt));
            }
            else if (unwrap && JsonbType(jb) == jbvArray)
                return executeItemUnwrapTargetArray(cxt, jsp, jb, found, false);
            else if (!jspIgnoreStructuralErrors(cxt))
                RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_OBJECT_NOT_FOUND),
                                     errmsg("jsonpath wildcard member accessor can only be applied to an object")));
            break;

        case jpiAny:
            {
                bool        hasNext = jspGetNext(jsp, &elem);

                if (jsp->content.anybounds.first == 0)
                {
                    bool        saved = cxt->ignoreStructuralErrors;

                    cxt->ignoreStructuralErrors = true;
                    res = executeNextItem(cxt, jsp, &elem, jb, found, true);
                    cxt->ignoreStructuralErrors = saved;
                    if (res == jperOk && !found)
                        break;
                }
                if (jb->type == jbvBinary)
                    res = executeAnyItem(cxt, hasNext ? &elem : NULL, jb->val.binary.data, found,
                                         1, jsp->content.anybounds.first,
                                         jsp->content.anybounds.last, true, jspAutoUnwrap(cxt));
                break;
            }

        case jpiKey:
            if (JsonbType(jb) == jbvObject)
            {
                JsonbValue *v;
                int32       keylen;
                char       *key = jspGetString(jsp, &keylen);

                v = getKeyJsonValueFromContainer(jb->val.binary.data, key, keylen, NULL);
                if (v != NULL)
                    res = executeNextItem(cxt, jsp, NULL, v, found, false);
                else if (!jspIgnoreStructuralErrors(cxt))
                {
                    if (!jspThrowErrors(cxt))
                        return jperError;
                    ereport(ERROR, errcode(ERRCODE_SQL_JSON_MEMBER_NOT_FOUND),
                            errmsg("JSON object does not contain key \"%s\"",
                                   pnstrdup(key, keylen)));
                }
            }
            else if (unwrap && JsonbType(jb) == jbvArray)
                return executeItemUnwrapTargetArray(cxt, jsp, jb, found, false);
            else if (!jspIgnoreStructuralErrors(cxt))
                RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_MEMBER_NOT_FOUND),
                                     errmsg("jsonpath member accessor can only be applied to an object")));
            break;

        case jpiRoot:
            jb = cxt->root;
            baseObject = setBaseObject(cxt, jb, 0);
            res = executeNextItem(cxt, jsp, NULL, jb, found, true);
            cxt->baseObject = baseObject;
            break;

        case jpiCurrent:
            res = executeNextItem(cxt, jsp, NULL, cxt->current, found, true);
            break;

        case jpiNull:
        case jpiBool:
        case jpiNumeric:
        case jpiString:
        case jpiVariable:
            {
                JsonbValue  vbuf;
                JsonbValue *v;
                bool        hasNext = jspGetNext(jsp, &elem);

                if (!hasNext && !found && jsp->type != jpiVariable)
                {
                    /* no need to evaluate; a missing variable must still fail */
                    res = jperOk;
                    break;
                }
                v = hasNext ? &vbuf : palloc(sizeof(*v));
                baseObject = cxt->baseObject;
                getJsonPathItem(cxt, jsp, v);
                res = executeNextItem(cxt, jsp, &elem, v, found, hasNext);
                cxt->baseObject = baseObject;
                break;
            }

        case jpiType:
            {
                JsonbValue *jbv = palloc(sizeof(*jbv));

                jbv->type = jbvString;
                jbv->val.string.val = pstrdup(JsonbTypeName(jb));
                jbv->val.string.len = strlen(jbv->val.string.val);
                res = executeNextItem(cxt, jsp, NULL, jbv, found, false);
                break;
            }

        case jpiSize:
            {
                int         size = JsonbArraySize(jb);

                if (size < 0)
                {
                    if (!jspAutoWrap(cxt))
                    {
                        if (!jspIgnoreStructuralErrors(cxt))
                            RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_SQL_JSON_ARRAY_NOT_FOUND),
                                                 errmsg("jsonpath item method .%s() can only be applied to an array",
                                                        jspOperationName(jsp->type))));
                        break;
                    }
                    size = 1;
                }
                jb = palloc(sizeof(*jb));
                jb->type = jbvNumeric;
                jb->val.numeric = int64_to_numeric(size);
                res = executeNextItem(cxt, jsp, NULL, jb, found, false);
                break;
            }

        case jpiAbs:
            return executeNumericItemMethod(cxt, jsp, jb, unwrap, numeric_abs, found);
        case jpiFloor:
            return executeNumericItemMethod(cxt, jsp, jb, unwrap, numeric_floor, found);
        case jpiCeiling:
            return executeNumericItemMethod(cxt, jsp, jb, unwrap, numeric_ceil, found);

        case jpiDouble:
            {
                JsonbValue  jbv;
                double      val;

                if (unwrap && JsonbType(jb) == jbvArray)
                    return executeItemUnwrapTargetArray(cxt, jsp, jb, found, false);
                if (jb->type == jbvNumeric)
                {
                    char       *tmp = numeric_out_internal(jb->val.numeric);

                    if (!parse_double(tmp, &val) || isinf(val) || isnan(val))
                        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_NON_NUMERIC_SQL_JSON_ITEM),
                                             errmsg("numeric argument of jsonpath item method .%s() is out of range for type double precision",
                                                    jspOperationName(jsp->type))));
                    res = jperOk;
                }
                else if (jb->type == jbvString)
                {
                    char       *tmp = pnstrdup(jb->val.string.val, jb->val.string.len);

                    if (!parse_double(tmp, &val) || isinf(val) || isnan(val))
                        RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_NON_NUMERIC_SQL_JSON_ITEM),
                                             errmsg("string argument of jsonpath item method .%s() is not a valid representation of a double precision number",
                                                    jspOperationName(jsp->type))));
                    jb = &jbv;
                    jb->type = jbvNumeric;
                    jb->val.numeric = float8_to_numeric(val);
                    res = jperOk;
                }
                if (res == jperNotFound)
                    RETURN_ERROR(ereport(ERROR, errcode(ERRCODE_NON_NUMERIC_SQL_JSON_ITEM),
                                         errmsg("jsonpath item method .%s() can only be applied to a string or numeric value",
                                                jspOperationName(jsp->type))));
                res = executeNextItem(cxt, jsp, NULL, jb, found, true);
                break;
            }

        case jpiDatetime:
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("jsonpath item method .datetime() is not supported yet"));
            break;

        case jpiKeyValue:
            if (unwrap && JsonbType(jb) == jbvArray)
                return executeItemUnwrapTargetArray(cxt, jsp, jb, found, false);
            return executeKeyValueMethod(cxt, jsp, jb, found);

        default:
            elog(ERROR, "unrecognized jsonpath item type: %d", jsp->type);
    }
    return res;
}

/* ---------------------------------------------------------------- predicates */

static int
compareStrings(const char *s1, int len1, const char *s2, int len2)
{
    int         cmp = memcmp(s1, s2, Min(len1, len2));

    if (cmp != 0)
        return cmp;
    return len1 < len2 ? -1 : len1 == len2 ? 0 : 1;
}

static JsonPathBool
compareItems(int32 op, JsonbValue *jb1, JsonbValue *jb2)
{
    int         cmp;
    bool        res;

    if (jb1->type != jb2->type)
    {
        if (jb1->type == jbvNull || jb2->type == jbvNull)
            return op == jpiNotEqual ? jpbTrue : jpbFalse;
        return jpbUnknown;
    }
    switch (jb1->type)
    {
        case jbvNull:
            cmp = 0;
            break;
        case jbvBool:
            cmp = jb1->val.boolean == jb2->val.boolean ? 0 : jb1->val.boolean ? 1 : -1;
            break;
        case jbvNumeric:
            cmp = numeric_cmp_internal(jb1->val.numeric, jb2->val.numeric);
            break;
        case jbvString:
            if (op == jpiEqual)
                return jb1->val.string.len != jb2->val.string.len ||
                    memcmp(jb1->val.string.val, jb2->val.string.val,
                           jb1->val.string.len) ? jpbFalse : jpbTrue;
            cmp = compareStrings(jb1->val.string.val, jb1->val.string.len,
                                 jb2->val.string.val, jb2->val.string.len);
            break;
        default:
            return jpbUnknown;  /* containers are not comparable */
    }
    switch (op)
    {
        case jpiEqual:
            res = cmp == 0;
            break;
        case jpiNotEqual:
            res = cmp != 0;
            break;
        case jpiLess:
            res = cmp < 0;
            break;
        case jpiGreater:
            res = cmp > 0;
            break;
        case jpiLessOrEqual:
            res = cmp <= 0;
            break;
        case jpiGreaterOrEqual:
            res = cmp >= 0;
            break;
        default:
            elog(ERROR, "unrecognized jsonpath operation: %d", op);
            return jpbUnknown;
    }
    return res ? jpbTrue : jpbFalse;
}

static JsonPathBool
executeComparison(JsonPathItem *cmp, JsonbValue *lv, JsonbValue *rv, void *p)
{
    return compareItems(cmp->type, lv, rv);
}

static JsonPathBool
executeStartsWith(JsonPathItem *jsp, JsonbValue *whole, JsonbValue *initial, void *param)
{
    if (!(whole = getScalar(whole, jbvString)))
        return jpbUnknown;
    if (!(initial = getScalar(initial, jbvString)))
        return jpbUnknown;
    if (whole->val.string.len >= initial->val.string.len &&
        !memcmp(whole->val.string.val, initial->val.string.val, initial->val.string.len))
        return jpbTrue;
    return jpbFalse;
}

static JsonPathBool
executeLikeRegex(JsonPathItem *jsp, JsonbValue *str, JsonbValue *rarg, void *param)
{
    int        *cflags = param;

    if (!(str = getScalar(str, jbvString)))
        return jpbUnknown;
    if (*cflags < 0)
        *cflags = jspConvertRegexFlags(jsp->content.like_regex.flags);
    return regex_match_text(jsp->content.like_regex.pattern, jsp->content.like_regex.patternlen,
                            *cflags, str->val.string.val, str->val.string.len) ?
        jpbTrue : jpbFalse;
}

static JsonPathBool
executePredicate(JsonPathExecContext *cxt, JsonPathItem *pred, JsonPathItem *larg,
                 JsonPathItem *rarg, JsonbValue *jb, bool unwrapRightArg,
                 JsonPathPredicateCallback exec, void *param)
{
    JsonPathExecResult res;
    JsonValueListIterator lseqit;
    JsonValueList lseq = {0};
    JsonValueList rseq = {0};
    JsonbValue *lval;
    bool        error = false;
    bool        found = false;

    res = executeItemOptUnwrapResultNoThrow(cxt, larg, jb, true, &lseq);
    if (jperIsError(res))
        return jpbUnknown;
    if (rarg)
    {
        res = executeItemOptUnwrapResultNoThrow(cxt, rarg, jb, unwrapRightArg, &rseq);
        if (jperIsError(res))
            return jpbUnknown;
    }
    JsonValueListInitIterator(&lseq, &lseqit);
    while ((lval = JsonValueListNext(&lseq, &lseqit)))
    {
        JsonValueListIterator rseqit;
        JsonbValue *rval;
        bool        first = true;

        JsonValueListInitIterator(&rseq, &rseqit);
        rval = rarg ? JsonValueListNext(&rseq, &rseqit) : NULL;
        while (rarg ? (rval != NULL) : first)
        {
            JsonPathBool r = exec(pred, lval, rval, param);

            if (r == jpbUnknown)
            {
                if (jspStrictAbsenseOfErrors(cxt))
                    return jpbUnknown;
                error = true;
            }
            else if (r == jpbTrue)
            {
                if (!jspStrictAbsenseOfErrors(cxt))
                    return jpbTrue;
                found = true;
            }
            first = false;
            if (rarg)
                rval = JsonValueListNext(&rseq, &rseqit);
        }
    }
    if (found)
        return jpbTrue;
    if (error)
        return jpbUnknown;
    return jpbFalse;
}

static JsonPathBool
executeBoolItem(JsonPathExecContext *cxt, JsonPathItem *jsp, JsonbValue *jb, bool canHaveNext)
{
    JsonPathItem larg;
    JsonPathItem rarg;
    JsonPathBool res;
    JsonPathBool res2;

    if (!canHaveNext && jspHasNext(jsp))
        elog(ERROR, "boolean jsonpath item cannot have next item");
    switch (jsp->type)
    {
        case jpiAnd:
            jspGetLeftArg(jsp, &larg);
            res = executeBoolItem(cxt, &larg, jb, false);
            if (res == jpbFalse)
                return jpbFalse;
            jspGetRightArg(jsp, &rarg);
            res2 = executeBoolItem(cxt, &rarg, jb, false);
            return res2 == jpbTrue ? res : res2;
        case jpiOr:
            jspGetLeftArg(jsp, &larg);
            res = executeBoolItem(cxt, &larg, jb, false);
            if (res == jpbTrue)
                return jpbTrue;
            jspGetRightArg(jsp, &rarg);
            res2 = executeBoolItem(cxt, &rarg, jb, false);
            return res2 == jpbFalse ? res : res2;
        case jpiNot:
            jspGetArg(jsp, &larg);
            res = executeBoolItem(cxt, &larg, jb, false);
            if (res == jpbUnknown)
                return jpbUnknown;
            return res == jpbTrue ? jpbFalse : jpbTrue;
        case jpiIsUnknown:
            jspGetArg(jsp, &larg);
            res = executeBoolItem(cxt, &larg, jb, false);
            return res == jpbUnknown ? jpbTrue : jpbFalse;
        case jpiEqual:
        case jpiNotEqual:
        case jpiLess:
        case jpiGreater:
        case jpiLessOrEqual:
        case jpiGreaterOrEqual:
            jspGetLeftArg(jsp, &larg);
            jspGetRightArg(jsp, &rarg);
            return executePredicate(cxt, jsp, &larg, &rarg, jb, true, executeComparison, NULL);
        case jpiStartsWith:
            jspGetLeftArg(jsp, &larg);
            jspGetRightArg(jsp, &rarg);
            return executePredicate(cxt, jsp, &larg, &rarg, jb, false, executeStartsWith, NULL);
        case jpiLikeRegex:
            {
                int         cflags = -1;

                jspInitByBuffer(&larg, jsp->base, jsp->content.like_regex.expr);
                return executePredicate(cxt, jsp, &larg, NULL, jb, false, executeLikeRegex,
                                        &cflags);
            }
        case jpiExists:
            jspGetArg(jsp, &larg);
            if (jspStrictAbsenseOfErrors(cxt))
            {
                JsonValueList vals = {0};
                JsonPathExecResult r = executeItemOptUnwrapResultNoThrow(cxt, &larg, jb, false,
                                                                         &vals);

                if (jperIsError(r))
                    return jpbUnknown;
                return JsonValueListIsEmpty(&vals) ? jpbFalse : jpbTrue;
            }
            else
            {
                JsonPathExecResult r = executeItemOptUnwrapResultNoThrow(cxt, &larg, jb, false,
                                                                         NULL);

                if (jperIsError(r))
                    return jpbUnknown;
                return r == jperOk ? jpbTrue : jpbFalse;
            }
        default:
            elog(ERROR, "invalid boolean jsonpath item type: %d", jsp->type);
            return jpbUnknown;
    }
}

/* ---------------------------------------------------------------- entry */

static JsonPathExecResult
executeJsonPath(JsonPath *path, Jsonb *vars, Jsonb *json, bool throwErrors,
                JsonValueList *result)
{
    JsonPathExecContext cxt;
    JsonPathExecResult res;
    JsonPathItem jsp;
    JsonbValue  jbv;

    jspInit(&jsp, path);
    if (!JsonbExtractScalar(&json->root, &jbv))
        JsonbInitBinary(&jbv, json);
    if (vars && !JsonContainerIsObject(&vars->root))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("\"vars\" argument is not an object"),
                errdetail("Jsonpath parameters should be encoded as key-value pairs of \"vars\" object."));
    cxt.vars = vars;
    cxt.laxMode = (path->header & JSONPATH_LAX) != 0;
    cxt.ignoreStructuralErrors = cxt.laxMode;
    cxt.root = &jbv;
    cxt.current = &jbv;
    cxt.baseObject.jbc = NULL;
    cxt.baseObject.id = 0;
    cxt.lastGeneratedObjectId = vars ? 2 : 1;
    cxt.innermostArraySize = -1;
    cxt.throwErrors = throwErrors;

    if (jspStrictAbsenseOfErrors(&cxt) && !result)
    {
        JsonValueList vals = {0};

        res = executeItem(&cxt, &jsp, &jbv, &vals);
        if (jperIsError(res))
            return res;
        return JsonValueListIsEmpty(&vals) ? jperNotFound : jperOk;
    }
    return executeItem(&cxt, &jsp, &jbv, result);
}

/* (target, path [, vars, silent]) arguments */
static void
path_args(FunctionCallInfo fcinfo, Jsonb **jb, JsonPath **jp, Jsonb **vars, bool *silent)
{
    *jb = PG_GETARG_JSONB_P(0);
    *jp = DatumGetJsonPathP(PG_GETARG_DATUM(1));
    *vars = NULL;
    *silent = true;
    if (PG_NARGS() == 4)
    {
        *vars = PG_GETARG_JSONB_P(2);
        *silent = PG_GETARG_BOOL(3);
    }
}

static Datum
jsonb_path_exists_internal(FunctionCallInfo fcinfo)
{
    Jsonb      *jb;
    JsonPath   *jp;
    Jsonb      *vars;
    bool        silent;
    JsonPathExecResult res;

    path_args(fcinfo, &jb, &jp, &vars, &silent);
    res = executeJsonPath(jp, vars, jb, !silent, NULL);
    if (jperIsError(res))
        PG_RETURN_NULL();
    PG_RETURN_BOOL(res == jperOk);
}

Datum
jsonb_path_exists(PG_FUNCTION_ARGS)
{
    return jsonb_path_exists_internal(fcinfo);
}

Datum
jsonb_path_exists_tz(PG_FUNCTION_ARGS)
{
    return jsonb_path_exists_internal(fcinfo);
}

Datum
jsonb_path_exists_opr(PG_FUNCTION_ARGS)
{
    return jsonb_path_exists_internal(fcinfo);
}

static Datum
jsonb_path_match_internal(FunctionCallInfo fcinfo)
{
    Jsonb      *jb;
    JsonPath   *jp;
    Jsonb      *vars;
    bool        silent;
    JsonValueList found = {0};

    path_args(fcinfo, &jb, &jp, &vars, &silent);
    (void) executeJsonPath(jp, vars, jb, !silent, &found);
    if (JsonValueListLength(&found) == 1)
    {
        JsonbValue *jbv = JsonValueListHead(&found);

        if (jbv->type == jbvBool)
            PG_RETURN_BOOL(jbv->val.boolean);
        if (jbv->type == jbvNull)
            PG_RETURN_NULL();
    }
    if (!silent)
        ereport(ERROR, errcode(ERRCODE_SINGLETON_SQL_JSON_ITEM_REQUIRED),
                errmsg("single boolean result is expected"));
    PG_RETURN_NULL();
}

Datum
jsonb_path_match(PG_FUNCTION_ARGS)
{
    return jsonb_path_match_internal(fcinfo);
}

Datum
jsonb_path_match_tz(PG_FUNCTION_ARGS)
{
    return jsonb_path_match_internal(fcinfo);
}

Datum
jsonb_path_match_opr(PG_FUNCTION_ARGS)
{
    return jsonb_path_match_internal(fcinfo);
}

/* Results of a jsonb_path_query call, kept across its per-row calls. */
typedef struct PathQueryState
{
    Jsonb     **items;
    int         nitems;
} PathQueryState;

static Datum
jsonb_path_query_internal(FunctionCallInfo fcinfo)
{
    FuncCallContext *funcctx;
    PathQueryState *st;

    if (SRF_IS_FIRSTCALL())
    {
        Jsonb      *jb;
        JsonPath   *jp;
        Jsonb      *vars;
        bool        silent;
        JsonValueList found = {0};
        JsonValueListIterator it;
        JsonbValue *v;
        MemoryContext old;
        int         i = 0;

        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        path_args(fcinfo, &jb, &jp, &vars, &silent);
        (void) executeJsonPath(jp, vars, jb, !silent, &found);
        st = palloc0(sizeof(PathQueryState));
        st->nitems = JsonValueListLength(&found);
        st->items = palloc(sizeof(Jsonb *) * Max(st->nitems, 1));
        JsonValueListInitIterator(&found, &it);
        while ((v = JsonValueListNext(&found, &it)))
            st->items[i++] = JsonbValueToJsonb(v);
        funcctx->user_fctx = st;
        funcctx->max_calls = st->nitems;
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    st = funcctx->user_fctx;
    if (funcctx->call_cntr >= funcctx->max_calls)
        SRF_RETURN_DONE(funcctx);
    {
        /* (SRF_RETURN_NEXT counts the call before evaluating its argument) */
        Datum       result = JsonbPGetDatum(st->items[funcctx->call_cntr]);

        SRF_RETURN_NEXT(funcctx, result);
    }
}

Datum
jsonb_path_query(PG_FUNCTION_ARGS)
{
    return jsonb_path_query_internal(fcinfo);
}

Datum
jsonb_path_query_tz(PG_FUNCTION_ARGS)
{
    return jsonb_path_query_internal(fcinfo);
}

static Datum
jsonb_path_query_array_internal(FunctionCallInfo fcinfo)
{
    Jsonb      *jb;
    JsonPath   *jp;
    Jsonb      *vars;
    bool        silent;
    JsonValueList found = {0};
    JsonValueListIterator it;
    JsonbValue *v;
    JsonbParseState *ps = NULL;
    JsonbValue *res;

    path_args(fcinfo, &jb, &jp, &vars, &silent);
    (void) executeJsonPath(jp, vars, jb, !silent, &found);
    pushJsonbValue(&ps, WJB_BEGIN_ARRAY, NULL);
    JsonValueListInitIterator(&found, &it);
    while ((v = JsonValueListNext(&found, &it)))
        pushJsonbValue(&ps, WJB_ELEM, v);
    res = pushJsonbValue(&ps, WJB_END_ARRAY, NULL);
    PG_RETURN_JSONB_P(JsonbValueToJsonb(res));
}

Datum
jsonb_path_query_array(PG_FUNCTION_ARGS)
{
    return jsonb_path_query_array_internal(fcinfo);
}

Datum
jsonb_path_query_array_tz(PG_FUNCTION_ARGS)
{
    return jsonb_path_query_array_internal(fcinfo);
}

static Datum
jsonb_path_query_first_internal(FunctionCallInfo fcinfo)
{
    Jsonb      *jb;
    JsonPath   *jp;
    Jsonb      *vars;
    bool        silent;
    JsonValueList found = {0};

    path_args(fcinfo, &jb, &jp, &vars, &silent);
    (void) executeJsonPath(jp, vars, jb, !silent, &found);
    if (JsonValueListLength(&found) >= 1)
        PG_RETURN_JSONB_P(JsonbValueToJsonb(JsonValueListHead(&found)));
    PG_RETURN_NULL();
}

Datum
jsonb_path_query_first(PG_FUNCTION_ARGS)
{
    return jsonb_path_query_first_internal(fcinfo);
}

Datum
jsonb_path_query_first_tz(PG_FUNCTION_ARGS)
{
    return jsonb_path_query_first_internal(fcinfo);
}
