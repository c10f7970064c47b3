/*-------------------------------------------------------------------------
 * jsonb_util.c
 *    jsonb's stored format: reading it (iterator, key and index lookup),
 *    building it (pushJsonbValue, JsonbValueToJsonb), and the comparisons
 *    defined on it (ordering, equality, containment, hashing).
 *
 * Stored format (Basalt's own; PostgreSQL's is similar in spirit):
 *
 *   Jsonb       = uint32 varlena header, then one container (the root)
 *   container   = uint32 header, JEntry[n], then the children's data
 *     header    = count (28 bits) | JB_FARRAY or JB_FOBJECT | JB_FSCALAR
 *     arrays    have n = count JEntries, one per element, in order;
 *     objects   have n = 2 * count: every key first (in key order), then
 *               every value (the value of key i is entry count + i)
 *   JEntry      = 3-bit type (string, numeric, false, true, null,
 *                 container) | 28-bit END offset of the child's data,
 *                 relative to the start of the container's data area
 *   child data  = string: its UTF-8 bytes (no terminator);
 *                 numeric: a whole Numeric varlena (procs/numeric.h);
 *                 container: a nested container;
 *                 null/true/false: nothing.
 *
 *   A child starts where its predecessor ends, except that numerics and
 *   containers start at the next multiple of 4 (padding bytes are zero).
 *   Every container therefore sits at a 4-byte-aligned address, provided
 *   the Jsonb itself does (typalign 'i'; DatumGetJsonbP checks), so a
 *   Numeric or nested container can be used in place, and a nested
 *   container can be copied out of its parent verbatim: offsets are
 *   relative to the container, never absolute.
 *
 * Invariants every stored value keeps:
 *   - object keys are strings, unique, sorted by length then bytewise
 *     (PostgreSQL's storage order, which makes jsonb_out list them so);
 *     where input repeats a key, the value given last wins;
 *   - a top-level scalar is a one-element array with JB_FSCALAR; no
 *     nested container is ever a raw scalar;
 *   - numbers keep their display scale (1.50 stays 1.50); equality of
 *     numbers is numeric equality (1.0 = 1).
 *   - no string or container exceeds JENTRY_OFFLENMASK bytes.
 *
 * Departures from PostgreSQL's layout: every JEntry holds an end offset
 * (PostgreSQL stores a length in most and an offset in every 32nd), so
 * finding child i is O(1) without a scan.  Nothing else about a value's
 * behaviour depends on the layout: the iterator yields PostgreSQL's token
 * sequence, and ordering, containment and hashing below follow
 * PostgreSQL's algorithms (src/backend/utils/adt/jsonb_util.c) on it.
 *
 * The builder (pushJsonbValue) keeps PostgreSQL's contract, with one
 * liberty: a stored container pushed as an element or value stays a
 * jbvBinary leaf in the JsonbValue tree and is copied verbatim on
 * serialization instead of being unpacked token by token.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"
#include "procs/jsonb.h"
#include "procs/json_lex.h"

/* numeric_funcs.c; not (yet) in procs/numeric.h */
extern Datum hash_numeric_extended(PG_FUNCTION_ARGS);

/* ---------------------------------------------------------------- access */

static inline uint32
jb_nentries(const JsonbContainer *c)
{
    uint32 n = JsonContainerSize(c);

    return JsonContainerIsObject(c) ? 2 * n : n;
}

static inline const char *
jb_data(const JsonbContainer *c)
{
    return (const char *) &c->children[jb_nentries(c)];
}

static inline bool
jentry_is_aligned(uint32 type)
{
    return type == JENTRY_ISNUMERIC || type == JENTRY_ISCONTAINER;
}

/* Where child `index` lives in the data area, and how long it is. */
static inline void
jb_child_span(const JsonbContainer *c, uint32 index, uint32 *start, uint32 *len)
{
    JEntry  e = c->children[index];
    uint32  end = e & JENTRY_OFFLENMASK;
    uint32  s = index == 0 ? 0 : (c->children[index - 1] & JENTRY_OFFLENMASK);

    if (jentry_is_aligned(e & JENTRY_TYPEMASK))
        s = INTALIGN(s);
    *start = s;
    *len = end - s;
}

/* Fill *result with child `index` of container c. */
static void
fillJsonbValue(const JsonbContainer *c, uint32 index, JsonbValue *result)
{
    JEntry  e = c->children[index];
    uint32  start,
            len;

    jb_child_span(c, index, &start, &len);
    switch (e & JENTRY_TYPEMASK)
    {
        case JENTRY_ISNULL:
            result->type = jbvNull;
            break;
        case JENTRY_ISSTRING:
            result->type = jbvString;
            result->val.string.val = (char *) jb_data(c) + start;
            result->val.string.len = (int) len;
            break;
        case JENTRY_ISNUMERIC:
            result->type = jbvNumeric;
            result->val.numeric = (Numeric) (jb_data(c) + start);
            break;
        case JENTRY_ISBOOL_TRUE:
            result->type = jbvBool;
            result->val.boolean = true;
            break;
        case JENTRY_ISBOOL_FALSE:
            result->type = jbvBool;
            result->val.boolean = false;
            break;
        case JENTRY_ISCONTAINER:
            result->type = jbvBinary;
            result->val.binary.data = (JsonbContainer *) (jb_data(c) + start);
            result->val.binary.len = (int) len;
            break;
        default:
            elog(ERROR, "corrupt jsonb: unknown entry type 0x%08x", e);
    }
}

Size
JsonbContainerSize(const JsonbContainer *container)
{
    uint32 n = jb_nentries(container);

    return sizeof(uint32) + n * sizeof(JEntry) +
        (n > 0 ? (container->children[n - 1] & JENTRY_OFFLENMASK) : 0);
}

Jsonb *
DatumGetJsonbP(Datum d)
{
    Jsonb *jb = (Jsonb *) DatumGetPointer(d);

    if (((uintptr_t) jb & 3) != 0)
    {
        Jsonb *copy = (Jsonb *) palloc(VARSIZE(jb));

        memcpy(copy, jb, VARSIZE(jb));
        jb = copy;
    }
    return jb;
}

int
lengthCompareJsonbStringValue(const void *a, const void *b)
{
    const JsonbValue *va = (const JsonbValue *) a;
    const JsonbValue *vb = (const JsonbValue *) b;

    if (va->val.string.len == vb->val.string.len)
        return memcmp(va->val.string.val, vb->val.string.val, va->val.string.len);
    return (va->val.string.len > vb->val.string.len) ? 1 : -1;
}

int
checkStringLen(size_t len)
{
    if (len > JENTRY_OFFLENMASK)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("string too long to represent as jsonb string"),
                errdetail("Due to an implementation restriction, jsonb strings cannot exceed %d bytes.",
                          JENTRY_OFFLENMASK));
    return (int) len;
}

/* Binary search of an object's keys; NULL if absent. */
JsonbValue *
getKeyJsonValueFromContainer(JsonbContainer *container, const char *keyVal,
                             int keyLen, JsonbValue *res)
{
    uint32 count = JsonContainerSize(container);
    uint32 lo = 0,
           hi = count;

    if (!JsonContainerIsObject(container) || count == 0)
        return NULL;

    while (lo < hi)
    {
        uint32  mid = lo + (hi - lo) / 2;
        uint32  start,
                len;
        int     cmp;

        jb_child_span(container, mid, &start, &len);
        if ((int) len == keyLen)
            cmp = memcmp(jb_data(container) + start, keyVal, keyLen);
        else
            cmp = ((int) len > keyLen) ? 1 : -1;

        if (cmp == 0)
        {
            if (res == NULL)
                res = palloc(sizeof(JsonbValue));
            fillJsonbValue(container, mid + count, res);
            return res;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

JsonbValue *
getIthJsonbValueFromContainer(JsonbContainer *container, uint32 i)
{
    JsonbValue *result;

    if (!JsonContainerIsArray(container))
        elog(ERROR, "not a jsonb array");
    if (i >= JsonContainerSize(container))
        return NULL;
    result = palloc(sizeof(JsonbValue));
    fillJsonbValue(container, i, result);
    return result;
}

JsonbValue *
findJsonbValueFromContainer(JsonbContainer *container, uint32 flags, JsonbValue *key)
{
    uint32 count = JsonContainerSize(container);

    if (count == 0)
        return NULL;

    if ((flags & JB_FARRAY) && JsonContainerIsArray(container))
    {
        JsonbValue *result = palloc(sizeof(JsonbValue));

        for (uint32 i = 0; i < count; i++)
        {
            fillJsonbValue(container, i, result);
            if (key->type == result->type && equalsJsonbScalarValue(key, result))
                return result;
        }
        pfree(result);
    }
    else if ((flags & JB_FOBJECT) && JsonContainerIsObject(container))
    {
        return getKeyJsonValueFromContainer(container, key->val.string.val,
                                            key->val.string.len, NULL);
    }
    return NULL;
}

bool
JsonbExtractScalar(JsonbContainer *jbc, JsonbValue *res)
{
    if (!JsonContainerIsArray(jbc) || !JsonContainerIsScalar(jbc))
    {
        res->type = JsonContainerIsArray(jbc) ? jbvArray : jbvObject;
        return false;
    }
    fillJsonbValue(jbc, 0, res);
    return true;
}

void
JsonbToJsonbValue(Jsonb *jsonb, JsonbValue *val)
{
    if (JB_ROOT_IS_SCALAR(jsonb))
        JsonbExtractScalar(&jsonb->root, val);
    else
    {
        val->type = jbvBinary;
        val->val.binary.data = &jsonb->root;
        val->val.binary.len = VARSIZE(jsonb) - VARHDRSZ;
    }
}

/* ---------------------------------------------------------------- iterator */

static JsonbIterator *
iteratorFromContainer(JsonbContainer *container, JsonbIterator *parent)
{
    JsonbIterator *it = palloc0(sizeof(JsonbIterator));

    it->container = container;
    it->parent = parent;
    it->nElems = JsonContainerSize(container);
    it->isScalar = JsonContainerIsScalar(container);
    if (JsonContainerIsArray(container))
        it->state = JBI_ARRAY_START;
    else if (JsonContainerIsObject(container))
        it->state = JBI_OBJECT_START;
    else
        elog(ERROR, "corrupt jsonb: unknown container type 0x%08x", container->header);
    return it;
}

JsonbIterator *
JsonbIteratorInit(JsonbContainer *container)
{
    return iteratorFromContainer(container, NULL);
}

static JsonbIterator *
freeAndGetParent(JsonbIterator *it)
{
    JsonbIterator *v = it->parent;

    pfree(it);
    return v;
}

/*
 * The next token of the walk (PostgreSQL's sequence): BEGIN_ARRAY (val:
 * jbvArray with nElems and rawScalar), ELEMs, END_ARRAY; BEGIN_OBJECT
 * (nPairs), KEY/VALUE pairs, END_OBJECT; then DONE.  A nested container
 * is entered, unless skipNested, in which case it is one ELEM/VALUE of
 * type jbvBinary.
 */
JsonbIteratorToken
JsonbIteratorNext(JsonbIterator **it, JsonbValue *val, bool skipNested)
{
    if (*it == NULL)
        return WJB_DONE;

recurse:
    switch ((*it)->state)
    {
        case JBI_ARRAY_START:
            val->type = jbvArray;
            val->val.array.nElems = (*it)->nElems;
            val->val.array.rawScalar = (*it)->isScalar;
            val->val.array.elems = NULL;
            (*it)->curIndex = 0;
            (*it)->state = JBI_ARRAY_ELEM;
            return WJB_BEGIN_ARRAY;

        case JBI_ARRAY_ELEM:
            if ((*it)->curIndex >= (int) (*it)->nElems)
            {
                *it = freeAndGetParent(*it);
                return WJB_END_ARRAY;
            }
            fillJsonbValue((*it)->container, (*it)->curIndex, val);
            (*it)->curIndex++;
            if (!IsAJsonbScalar(val) && !skipNested)
            {
                *it = iteratorFromContainer(val->val.binary.data, *it);
                goto recurse;
            }
            return WJB_ELEM;

        case JBI_OBJECT_START:
            val->type = jbvObject;
            val->val.object.nPairs = (*it)->nElems;
            val->val.object.pairs = NULL;
            (*it)->curIndex = 0;
            (*it)->state = JBI_OBJECT_KEY;
            return WJB_BEGIN_OBJECT;

        case JBI_OBJECT_KEY:
            if ((*it)->curIndex >= (int) (*it)->nElems)
            {
                *it = freeAndGetParent(*it);
                return WJB_END_OBJECT;
            }
            fillJsonbValue((*it)->container, (*it)->curIndex, val);
            if (val->type != jbvString)
                elog(ERROR, "unexpected jsonb type as object key");
            (*it)->state = JBI_OBJECT_VALUE;
            return WJB_KEY;

        case JBI_OBJECT_VALUE:
            (*it)->state = JBI_OBJECT_KEY;
            fillJsonbValue((*it)->container, (*it)->curIndex + (*it)->nElems, val);
            (*it)->curIndex++;
            if (!IsAJsonbScalar(val) && !skipNested)
            {
                *it = iteratorFromContainer(val->val.binary.data, *it);
                goto recurse;
            }
            return WJB_VALUE;
    }
    elog(ERROR, "invalid jsonb iterator state");
    return WJB_DONE;
}

/* ---------------------------------------------------------------- builder */

static JsonbParseState *
pushState(JsonbParseState **pstate)
{
    JsonbParseState *ns = palloc(sizeof(JsonbParseState));

    ns->next = *pstate;
    return ns;
}

static void
appendKey(JsonbParseState *pstate, JsonbValue *string)
{
    JsonbValue *object = &pstate->contVal;

    if ((Size) object->val.object.nPairs >= JSONB_MAX_PAIRS)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of jsonb object pairs exceeds the maximum allowed (%zu)",
                       (Size) JSONB_MAX_PAIRS));
    if ((Size) object->val.object.nPairs >= pstate->size)
    {
        pstate->size *= 2;
        object->val.object.pairs = repalloc(object->val.object.pairs,
                                            sizeof(JsonbPair) * pstate->size);
    }
    object->val.object.pairs[object->val.object.nPairs].key = *string;
    object->val.object.pairs[object->val.object.nPairs].order = object->val.object.nPairs;
}

static void
appendValue(JsonbParseState *pstate, JsonbValue *scalarVal)
{
    JsonbValue *object = &pstate->contVal;

    object->val.object.pairs[object->val.object.nPairs++].value = *scalarVal;
}

static void
appendElement(JsonbParseState *pstate, JsonbValue *scalarVal)
{
    JsonbValue *array = &pstate->contVal;

    if ((Size) array->val.array.nElems >= JSONB_MAX_ELEMS)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of jsonb array elements exceeds the maximum allowed (%zu)",
                       (Size) JSONB_MAX_ELEMS));
    if ((Size) array->val.array.nElems >= pstate->size)
    {
        pstate->size *= 2;
        array->val.array.elems = repalloc(array->val.array.elems,
                                          sizeof(JsonbValue) * pstate->size);
    }
    array->val.array.elems[array->val.array.nElems++] = *scalarVal;
}

static int
lengthCompareJsonbPair(const void *a, const void *b)
{
    const JsonbPair *pa = (const JsonbPair *) a;
    const JsonbPair *pb = (const JsonbPair *) b;
    int res = lengthCompareJsonbStringValue(&pa->key, &pb->key);

    /* equal keys: the later one sorts first, so it is the one kept */
    if (res == 0)
        res = (pa->order > pb->order) ? -1 : 1;
    return res;
}

/* Sort an object's pairs into key order and drop all but the last of duplicates. */
static void
uniqueifyJsonbObject(JsonbValue *object)
{
    JsonbPair *pairs = object->val.object.pairs;
    int        n = object->val.object.nPairs;
    int        res = 0;

    if (n <= 1)
        return;
    qsort(pairs, n, sizeof(JsonbPair), lengthCompareJsonbPair);
    for (int i = 1; i < n; i++)
    {
        if (lengthCompareJsonbStringValue(&pairs[i].key, &pairs[res].key) != 0)
        {
            res++;
            if (res != i)
                pairs[res] = pairs[i];
        }
    }
    object->val.object.nPairs = res + 1;
}

static JsonbValue *
pushJsonbValueScalar(JsonbParseState **pstate, JsonbIteratorToken seq,
                     JsonbValue *scalarVal)
{
    JsonbValue *result = NULL;

    switch (seq)
    {
        case WJB_BEGIN_ARRAY:
            *pstate = pushState(pstate);
            result = &(*pstate)->contVal;
            (*pstate)->contVal.type = jbvArray;
            (*pstate)->contVal.val.array.nElems = 0;
            (*pstate)->contVal.val.array.rawScalar = (scalarVal && scalarVal->val.array.rawScalar);
            if (scalarVal && scalarVal->val.array.nElems > 0)
                (*pstate)->size = scalarVal->val.array.nElems;
            else
                (*pstate)->size = 4;
            (*pstate)->contVal.val.array.elems = palloc(sizeof(JsonbValue) * (*pstate)->size);
            break;
        case WJB_BEGIN_OBJECT:
            *pstate = pushState(pstate);
            result = &(*pstate)->contVal;
            (*pstate)->contVal.type = jbvObject;
            (*pstate)->contVal.val.object.nPairs = 0;
            (*pstate)->size = 4;
            (*pstate)->contVal.val.object.pairs = palloc(sizeof(JsonbPair) * (*pstate)->size);
            break;
        case WJB_KEY:
            appendKey(*pstate, scalarVal);
            break;
        case WJB_VALUE:
            appendValue(*pstate, scalarVal);
            break;
        case WJB_ELEM:
            appendElement(*pstate, scalarVal);
            break;
        case WJB_END_OBJECT:
            uniqueifyJsonbObject(&(*pstate)->contVal);
            /* FALLTHROUGH */
        case WJB_END_ARRAY:
            result = &(*pstate)->contVal;
            *pstate = (*pstate)->next;
            if (*pstate)
            {
                switch ((*pstate)->contVal.type)
                {
                    case jbvArray:
                        appendElement(*pstate, result);
                        break;
                    case jbvObject:
                        appendValue(*pstate, result);
                        break;
                    default:
                        elog(ERROR, "invalid jsonb container type");
                }
            }
            break;
        default:
            elog(ERROR, "unrecognized jsonb sequential processing token");
    }
    return result;
}

/*
 * Feed one token to the builder.  BEGIN_* opens a container (for an array,
 * jbval may say it is a raw scalar), KEY/VALUE/ELEM add to the open one,
 * END_* closes it (sorting and de-duplicating an object's keys) and adds
 * it to its parent.  Returns the finished root at the last END_*.
 */
JsonbValue *
pushJsonbValue(JsonbParseState **pstate, JsonbIteratorToken seq, JsonbValue *jbval)
{
    JsonbIterator *it;
    JsonbValue    *res = NULL;
    JsonbValue     v;
    JsonbIteratorToken tok;

    if (!jbval || (seq != WJB_ELEM && seq != WJB_VALUE) || jbval->type != jbvBinary)
        return pushJsonbValueScalar(pstate, seq, jbval);

    if (*pstate != NULL)
    {
        if (JsonContainerIsScalar(jbval->val.binary.data))
        {
            /* a raw scalar goes in as the scalar itself */
            JsonbExtractScalar(jbval->val.binary.data, &v);
            return pushJsonbValueScalar(pstate, seq, &v);
        }
        /* a stored container stays a leaf, copied when serialized */
        return pushJsonbValueScalar(pstate, seq, jbval);
    }

    /* no open container: unpack the value token by token */
    it = JsonbIteratorInit(jbval->val.binary.data);
    while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
        res = pushJsonbValueScalar(pstate, tok,
                                   tok < WJB_BEGIN_ARRAY ||
                                   (tok == WJB_BEGIN_ARRAY && v.val.array.rawScalar) ? &v : NULL);
    return res;
}

/* ---------------------------------------------------------------- serialize */

static void convertJsonbContainer(StringInfo buffer, JsonbValue *val);

static void
padBufferToInt(StringInfo buffer)
{
    int padlen = (int) INTALIGN(buffer->len) - buffer->len;

    if (padlen > 0)
    {
        static const char zeros[4] = {0, 0, 0, 0};

        appendBinaryStringInfo(buffer, zeros, padlen);
    }
}

/*
 * Append child val to the data area that starts at offset data_base;
 * returns its JEntry.
 */
static JEntry
convertJsonbChild(StringInfo buffer, JsonbValue *val, int data_base)
{
    uint32 type;

    switch (val->type)
    {
        case jbvNull:
            type = JENTRY_ISNULL;
            break;
        case jbvBool:
            type = val->val.boolean ? JENTRY_ISBOOL_TRUE : JENTRY_ISBOOL_FALSE;
            break;
        case jbvString:
            checkStringLen(val->val.string.len);
            appendBinaryStringInfo(buffer, val->val.string.val, val->val.string.len);
            type = JENTRY_ISSTRING;
            break;
        case jbvNumeric:
            padBufferToInt(buffer);
            appendBinaryStringInfo(buffer, val->val.numeric, VARSIZE(val->val.numeric));
            type = JENTRY_ISNUMERIC;
            break;
        case jbvArray:
        case jbvObject:
            padBufferToInt(buffer);
            convertJsonbContainer(buffer, val);
            type = JENTRY_ISCONTAINER;
            break;
        case jbvBinary:
            if (JsonContainerIsScalar(val->val.binary.data))
            {
                JsonbValue scalar;

                JsonbExtractScalar(val->val.binary.data, &scalar);
                return convertJsonbChild(buffer, &scalar, data_base);
            }
            padBufferToInt(buffer);
            appendBinaryStringInfo(buffer, val->val.binary.data,
                                   (int) JsonbContainerSize(val->val.binary.data));
            type = JENTRY_ISCONTAINER;
            break;
        default:
            elog(ERROR, "unknown type of jsonb container to convert");
    }
    return type | (uint32) (buffer->len - data_base);
}

/* Append container val at buffer->len, which is 4-byte aligned. */
static void
convertJsonbContainer(StringInfo buffer, JsonbValue *val)
{
    bool    isobj = val->type == jbvObject;
    uint32  count = isobj ? (uint32) val->val.object.nPairs : (uint32) val->val.array.nElems;
    uint32  nentries = isobj ? 2 * count : count;
    uint32  header;
    int     base = buffer->len;
    int     data_base;

    header = count | (isobj ? JB_FOBJECT : JB_FARRAY);
    if (!isobj && val->val.array.rawScalar)
        header |= JB_FSCALAR;

    enlargeStringInfo(buffer, (int) (sizeof(uint32) + nentries * sizeof(JEntry)));
    memcpy(buffer->data + buffer->len, &header, sizeof(uint32));
    memset(buffer->data + buffer->len + sizeof(uint32), 0, nentries * sizeof(JEntry));
    buffer->len += (int) (sizeof(uint32) + nentries * sizeof(JEntry));
    buffer->data[buffer->len] = '\0';
    data_base = buffer->len;

    for (uint32 i = 0; i < nentries; i++)
    {
        JsonbValue *child;
        JEntry      e;

        if (isobj)
            child = i < count ? &val->val.object.pairs[i].key
                : &val->val.object.pairs[i - count].value;
        else
            child = &val->val.array.elems[i];
        e = convertJsonbChild(buffer, child, data_base);
        if ((uint32) (buffer->len - data_base) > JENTRY_OFFLENMASK)
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("total size of jsonb %s elements exceeds the maximum of %d bytes",
                           isobj ? "object" : "array", JENTRY_OFFLENMASK));
        memcpy(buffer->data + base + sizeof(uint32) + i * sizeof(JEntry), &e, sizeof(JEntry));
    }
}

Jsonb *
JsonbValueToJsonb(JsonbValue *val)
{
    StringInfoData buffer;
    Jsonb         *out;

    if (IsAJsonbScalar(val))
    {
        JsonbParseState *pstate = NULL;
        JsonbValue       scalarArray;
        JsonbValue      *res;

        scalarArray.type = jbvArray;
        scalarArray.val.array.rawScalar = true;
        scalarArray.val.array.nElems = 1;
        pushJsonbValue(&pstate, WJB_BEGIN_ARRAY, &scalarArray);
        pushJsonbValue(&pstate, WJB_ELEM, val);
        res = pushJsonbValue(&pstate, WJB_END_ARRAY, NULL);
        return JsonbValueToJsonb(res);
    }
    if (val->type == jbvBinary)
    {
        Size size = JsonbContainerSize(val->val.binary.data);

        out = palloc(VARHDRSZ + size);
        SET_VARSIZE(out, VARHDRSZ + size);
        memcpy(&out->root, val->val.binary.data, size);
        return out;
    }
    if (val->type != jbvArray && val->type != jbvObject)
        elog(ERROR, "unknown type of jsonb container to convert");

    initStringInfo(&buffer);
    appendBinaryStringInfo(&buffer, "\0\0\0\0", VARHDRSZ);
    convertJsonbContainer(&buffer, val);
    out = (Jsonb *) buffer.data;
    SET_VARSIZE(out, buffer.len);
    return out;
}

/* ---------------------------------------------------------------- compare */

bool
equalsJsonbScalarValue(JsonbValue *a, JsonbValue *b)
{
    if (a->type == b->type)
    {
        switch (a->type)
        {
            case jbvNull:
                return true;
            case jbvString:
                return lengthCompareJsonbStringValue(a, b) == 0;
            case jbvNumeric:
                return numeric_cmp_internal(a->val.numeric, b->val.numeric) == 0;
            case jbvBool:
                return a->val.boolean == b->val.boolean;
            default:
                elog(ERROR, "invalid jsonb scalar type");
        }
    }
    elog(ERROR, "jsonb scalar type mismatch");
    return false;
}

/*
 * libc's memcmp, always called (never expanded inline by the compiler):
 * PostgreSQL returns its raw result from jsonb_cmp(), so the exact value
 * is user-visible and is whatever this platform's memcmp gives.
 */
static int (*volatile libc_memcmp) (const void *, const void *, size_t) = memcmp;

/*
 * Strings order by the default collation, which in Basalt is C: as
 * PostgreSQL's varstr_cmp, memcmp of the common prefix, then -1/1 by length.
 */
static int
jsonb_string_cmp(const JsonbValue *a, const JsonbValue *b)
{
    int result = libc_memcmp(a->val.string.val, b->val.string.val,
                             Min(a->val.string.len, b->val.string.len));

    if (result == 0 && a->val.string.len != b->val.string.len)
        result = a->val.string.len < b->val.string.len ? -1 : 1;
    return result;
}

static int
compareJsonbScalarValue(JsonbValue *a, JsonbValue *b)
{
    if (a->type == b->type)
    {
        switch (a->type)
        {
            case jbvNull:
                return 0;
            case jbvString:
                return jsonb_string_cmp(a, b);
            case jbvNumeric:
                return numeric_cmp_internal(a->val.numeric, b->val.numeric);
            case jbvBool:
                if (a->val.boolean == b->val.boolean)
                    return 0;
                return a->val.boolean > b->val.boolean ? 1 : -1;
            default:
                elog(ERROR, "invalid jsonb scalar type");
        }
    }
    elog(ERROR, "jsonb scalar type mismatch");
    return -1;
}

/*
 * btree order of two containers: PostgreSQL's compareJsonbContainers,
 * walking both in step.  Types order null < string < number < boolean <
 * array < object; containers first compare by element/pair count (a raw
 * scalar counting as a one-element array that sorts below a real one),
 * then child by child, object pairs in key storage order.
 */
int
compareJsonbContainers(JsonbContainer *a, JsonbContainer *b)
{
    JsonbIterator *ita = JsonbIteratorInit(a);
    JsonbIterator *itb = JsonbIteratorInit(b);
    int            res = 0;

    do
    {
        JsonbValue va,
                   vb;
        JsonbIteratorToken ra,
                   rb;

        ra = JsonbIteratorNext(&ita, &va, false);
        rb = JsonbIteratorNext(&itb, &vb, false);

        if (ra == rb)
        {
            if (ra == WJB_DONE)
                break;
            if (ra == WJB_END_ARRAY || ra == WJB_END_OBJECT)
                continue;
            if (va.type == vb.type)
            {
                switch (va.type)
                {
                    case jbvString:
                    case jbvNull:
                    case jbvNumeric:
                    case jbvBool:
                        res = compareJsonbScalarValue(&va, &vb);
                        break;
                    case jbvArray:
                        /* a raw scalar sorts as a scalar, except by count */
                        if (va.val.array.rawScalar != vb.val.array.rawScalar)
                            res = va.val.array.rawScalar ? -1 : 1;
                        if (va.val.array.nElems != vb.val.array.nElems)
                            res = (va.val.array.nElems > vb.val.array.nElems) ? 1 : -1;
                        break;
                    case jbvObject:
                        if (va.val.object.nPairs != vb.val.object.nPairs)
                            res = (va.val.object.nPairs > vb.val.object.nPairs) ? 1 : -1;
                        break;
                    case jbvBinary:
                        elog(ERROR, "unexpected jbvBinary value");
                }
            }
            else
                res = (va.type > vb.type) ? 1 : -1;
        }
        else
        {
            /* a container against a scalar, or array against object */
            res = (va.type > vb.type) ? 1 : -1;
        }
    } while (res == 0);

    while (ita != NULL)
        ita = freeAndGetParent(ita);
    while (itb != NULL)
        itb = freeAndGetParent(itb);
    return res;
}

/*
 * Does val contain mContained (the @> operator)?  PostgreSQL's
 * JsonbDeepContains: every pair of an object must be matched by key with
 * an equal scalar or recursively-contained container; every element of an
 * array must equal some scalar element, or be contained in some container
 * element; a raw scalar contains only an equal raw scalar, and an array
 * may contain a raw scalar.
 */
static bool deep_contains(JsonbIterator **val, JsonbIterator **mContained, int depth);

bool
JsonbDeepContains(JsonbIterator **val, JsonbIterator **mContained)
{
    return deep_contains(val, mContained, 0);
}

/* depth bounds the recursion (values can be nested deeper than input allows) */
static bool
deep_contains(JsonbIterator **val, JsonbIterator **mContained, int depth)
{
    JsonbValue vval,
               vcontained;
    JsonbIteratorToken rval,
               rcont;

    if (depth > JSON_MAX_NESTING)
        json_nesting_error();

    rval = JsonbIteratorNext(val, &vval, false);
    rcont = JsonbIteratorNext(mContained, &vcontained, false);

    if (rval != rcont)
        return false;           /* different container types */

    if (rcont == WJB_BEGIN_OBJECT)
    {
        if (vval.val.object.nPairs < vcontained.val.object.nPairs)
            return false;

        for (;;)
        {
            JsonbValue *lhsVal;
            JsonbValue  lhsValBuf;

            rcont = JsonbIteratorNext(mContained, &vcontained, false);
            if (rcont == WJB_END_OBJECT)
                return true;

            lhsVal = getKeyJsonValueFromContainer((*val)->container,
                                                  vcontained.val.string.val,
                                                  vcontained.val.string.len,
                                                  &lhsValBuf);
            if (!lhsVal)
                return false;

            rcont = JsonbIteratorNext(mContained, &vcontained, true);
            if (lhsVal->type != vcontained.type)
                return false;
            else if (IsAJsonbScalar(lhsVal))
            {
                if (!equalsJsonbScalarValue(lhsVal, &vcontained))
                    return false;
            }
            else
            {
                JsonbIterator *nestval = JsonbIteratorInit(lhsVal->val.binary.data);
                JsonbIterator *nestContained = JsonbIteratorInit(vcontained.val.binary.data);

                if (!deep_contains(&nestval, &nestContained, depth + 1))
                    return false;
            }
        }
    }
    else if (rcont == WJB_BEGIN_ARRAY)
    {
        JsonbValue *lhsConts = NULL;
        uint32      nLhsElems = vval.val.array.nElems;

        if (vval.val.array.rawScalar && !vcontained.val.array.rawScalar)
            return false;

        for (;;)
        {
            rcont = JsonbIteratorNext(mContained, &vcontained, true);
            if (rcont == WJB_END_ARRAY)
                return true;

            if (IsAJsonbScalar(&vcontained))
            {
                if (!findJsonbValueFromContainer((*val)->container, JB_FARRAY, &vcontained))
                    return false;
            }
            else
            {
                uint32 i;

                /* first container on the right: collect the left's containers */
                if (lhsConts == NULL)
                {
                    uint32 j = 0;

                    lhsConts = palloc(sizeof(JsonbValue) * Max(nLhsElems, 1));
                    for (i = 0; i < nLhsElems; i++)
                    {
                        rcont = JsonbIteratorNext(val, &vval, true);
                        if (vval.type == jbvBinary)
                            lhsConts[j++] = vval;
                    }
                    if (j == 0)
                        return false;
                    nLhsElems = j;
                }

                for (i = 0; i < nLhsElems; i++)
                {
                    JsonbIterator *nestval = JsonbIteratorInit(lhsConts[i].val.binary.data);
                    JsonbIterator *nestContained = JsonbIteratorInit(vcontained.val.binary.data);

                    if (deep_contains(&nestval, &nestContained, depth + 1))
                        break;
                }
                if (i == nLhsElems)
                    return false;
            }
        }
    }
    elog(ERROR, "invalid jsonb container type");
    return false;
}

/* ---------------------------------------------------------------- hash */

void
JsonbHashScalarValue(const JsonbValue *scalarVal, uint32 *hash)
{
    uint32 tmp;

    switch (scalarVal->type)
    {
        case jbvNull:
            tmp = 0x01;
            break;
        case jbvString:
            tmp = hash_bytes((const unsigned char *) scalarVal->val.string.val,
                             scalarVal->val.string.len);
            break;
        case jbvNumeric:
            /* equal numerics hash equal */
            tmp = DatumGetUInt32(DirectFunctionCall1(hash_numeric,
                                                     NumericGetDatum(scalarVal->val.numeric)));
            break;
        case jbvBool:
            tmp = scalarVal->val.boolean ? 0x02 : 0x04;
            break;
        default:
            elog(ERROR, "invalid jsonb scalar type");
            tmp = 0;
    }
    *hash = (*hash << 1) | (*hash >> 31);
    *hash ^= tmp;
}

void
JsonbHashScalarValueExtended(const JsonbValue *scalarVal, uint64 *hash, uint64 seed)
{
    uint64 tmp;

    switch (scalarVal->type)
    {
        case jbvNull:
            tmp = seed + 0x01;
            break;
        case jbvString:
            tmp = hash_bytes_extended((const unsigned char *) scalarVal->val.string.val,
                                      scalarVal->val.string.len, seed);
            break;
        case jbvNumeric:
            tmp = DatumGetUInt64(DirectFunctionCall2(hash_numeric_extended,
                                                     NumericGetDatum(scalarVal->val.numeric),
                                                     UInt64GetDatum(seed)));
            break;
        case jbvBool:
            if (seed)
                tmp = hash_bytes_uint32_extended((uint32) (int32) scalarVal->val.boolean, seed);
            else
                tmp = scalarVal->val.boolean ? 0x02 : 0x04;
            break;
        default:
            elog(ERROR, "invalid jsonb scalar type");
            tmp = 0;
    }
    *hash = ((*hash << 1) & UINT64_C(0xfffffffefffffffe)) |
        ((*hash >> 31) & UINT64_C(0x100000001));
    *hash ^= tmp;
}
