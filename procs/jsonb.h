/*-------------------------------------------------------------------------
 * jsonb.h
 *    The jsonb type: its binary representation, the in-memory JsonbValue
 *    tree, the iterator over a stored value and the builder that turns a
 *    stream of tokens back into a stored value.  Private to the json
 *    modules of procs/ (jsonb.c, jsonb_util.c, jsonb_ops.c, jsonb_gen.c,
 *    jsonfuncs.c).
 *
 * The API is shaped like PostgreSQL's (src/include/utils/jsonb.h) so that
 * the algorithms whose results users see -- ordering, containment,
 * concatenation, path updates, output formatting -- can follow
 * PostgreSQL's code step by step.  The stored format is Basalt's own; it is
 * described in jsonb_util.c.
 *-------------------------------------------------------------------------
 */
#ifndef JSONB_H
#define JSONB_H

#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "procs/fmgr.h"
#include "procs/numeric.h"

/* ---------------------------------------------------------------- stored */

typedef uint32 JEntry;

#define JENTRY_OFFLENMASK       0x0FFFFFFF
#define JENTRY_TYPEMASK         0x70000000
#define JENTRY_ISSTRING         0x00000000
#define JENTRY_ISNUMERIC        0x10000000
#define JENTRY_ISBOOL_FALSE     0x20000000
#define JENTRY_ISBOOL_TRUE      0x30000000
#define JENTRY_ISNULL           0x40000000
#define JENTRY_ISCONTAINER      0x50000000

/* A container: header word, then JEntries, then the children's data. */
typedef struct JsonbContainer
{
    uint32  header;             /* count | flags */
    JEntry  children[];
} JsonbContainer;

#define JB_CMASK    0x0FFFFFFF  /* element or pair count */
#define JB_FSCALAR  0x10000000  /* a raw scalar: a one-element array */
#define JB_FOBJECT  0x20000000
#define JB_FARRAY   0x40000000

typedef struct Jsonb
{
    uint32          vl_len_;
    JsonbContainer  root;
} Jsonb;

#define JsonContainerSize(jc)       ((jc)->header & JB_CMASK)
#define JsonContainerIsScalar(jc)   (((jc)->header & JB_FSCALAR) != 0)
#define JsonContainerIsObject(jc)   (((jc)->header & JB_FOBJECT) != 0)
#define JsonContainerIsArray(jc)    (((jc)->header & JB_FARRAY) != 0)

#define JB_ROOT_COUNT(jbp)      ((jbp)->root.header & JB_CMASK)
#define JB_ROOT_IS_SCALAR(jbp)  (((jbp)->root.header & JB_FSCALAR) != 0)
#define JB_ROOT_IS_OBJECT(jbp)  (((jbp)->root.header & JB_FOBJECT) != 0)
#define JB_ROOT_IS_ARRAY(jbp)   (((jbp)->root.header & JB_FARRAY) != 0)

/* Limits, as PostgreSQL's (and their error messages). */
#define JSONB_MAX_ELEMS (MaxAllocSize / sizeof(JsonbValue))
#define JSONB_MAX_PAIRS (MaxAllocSize / sizeof(JsonbPair))

/* ---------------------------------------------------------------- values */

/* Type order matters: it is jsonb's sort order between types. */
enum jbvType
{
    jbvNull = 0x0,
    jbvString,
    jbvNumeric,
    jbvBool,
    jbvArray = 0x10,
    jbvObject,
    jbvBinary                   /* a stored container (not a raw scalar) */
};

typedef struct JsonbPair JsonbPair;
typedef struct JsonbValue JsonbValue;

struct JsonbValue
{
    enum jbvType type;
    union
    {
        Numeric numeric;
        bool    boolean;
        struct
        {
            int     len;
            char   *val;        /* not NUL-terminated */
        } string;
        struct
        {
            int     nElems;
            JsonbValue *elems;
            bool    rawScalar;
        } array;
        struct
        {
            int     nPairs;
            JsonbPair *pairs;
        } object;
        struct
        {
            int     len;
            JsonbContainer *data;
        } binary;
    } val;
};

#define IsAJsonbScalar(jsonbval)  ((jsonbval)->type >= jbvNull && (jsonbval)->type <= jbvBool)

struct JsonbPair
{
    JsonbValue  key;
    JsonbValue  value;
    uint32      order;          /* insertion order, for "last key wins" */
};

/* ---------------------------------------------------------------- iterator */

typedef enum
{
    WJB_DONE,
    WJB_KEY,
    WJB_VALUE,
    WJB_ELEM,
    WJB_BEGIN_ARRAY,
    WJB_END_ARRAY,
    WJB_BEGIN_OBJECT,
    WJB_END_OBJECT
} JsonbIteratorToken;

typedef enum
{
    JBI_ARRAY_START,
    JBI_ARRAY_ELEM,
    JBI_OBJECT_START,
    JBI_OBJECT_KEY,
    JBI_OBJECT_VALUE
} JsonbIterState;

typedef struct JsonbIterator
{
    JsonbContainer *container;
    uint32      nElems;         /* elements, or pairs for an object */
    bool        isScalar;
    int         curIndex;
    JsonbIterState state;
    struct JsonbIterator *parent;
} JsonbIterator;

/* ---------------------------------------------------------------- builder */

typedef struct JsonbParseState
{
    JsonbValue  contVal;
    Size        size;           /* allocated elems / pairs */
    struct JsonbParseState *next;
} JsonbParseState;

/* jsonb_util.c: the stored format */
extern JsonbIterator *JsonbIteratorInit(JsonbContainer *container);
extern JsonbIteratorToken JsonbIteratorNext(JsonbIterator **it, JsonbValue *val,
                                            bool skipNested);
extern JsonbValue *pushJsonbValue(JsonbParseState **pstate, JsonbIteratorToken seq,
                                  JsonbValue *jbval);
extern Jsonb *JsonbValueToJsonb(JsonbValue *val);
extern JsonbValue *getKeyJsonValueFromContainer(JsonbContainer *container,
                                                const char *keyVal, int keyLen,
                                                JsonbValue *res);
extern JsonbValue *getIthJsonbValueFromContainer(JsonbContainer *container, uint32 i);
extern JsonbValue *findJsonbValueFromContainer(JsonbContainer *container, uint32 flags,
                                               JsonbValue *key);
extern bool JsonbDeepContains(JsonbIterator **val, JsonbIterator **mContained);
extern int  compareJsonbContainers(JsonbContainer *a, JsonbContainer *b);
extern bool equalsJsonbScalarValue(JsonbValue *a, JsonbValue *b);
extern void JsonbHashScalarValue(const JsonbValue *scalarVal, uint32 *hash);
extern void JsonbHashScalarValueExtended(const JsonbValue *scalarVal, uint64 *hash,
                                         uint64 seed);
/* The raw scalar of a scalar jsonb; false (res->type = jbvArray/jbvObject) if not. */
extern bool JsonbExtractScalar(JsonbContainer *jbc, JsonbValue *res);
/* Whole value as a JsonbValue: the scalar itself, or jbvBinary for a container. */
extern void JsonbToJsonbValue(Jsonb *jsonb, JsonbValue *val);
/* Byte size of a stored container (for copying one out of its parent). */
extern Size JsonbContainerSize(const JsonbContainer *container);
/* Length-first, then bytewise order of object keys (0 = equal). */
extern int  lengthCompareJsonbStringValue(const void *a, const void *b);
extern int  checkStringLen(size_t len);

/* jsonb.c: text form and input */
extern char *JsonbToCString(StringInfo out, JsonbContainer *in, int estimated_len);
extern char *JsonbToCStringIndent(StringInfo out, JsonbContainer *in, int estimated_len);
extern Jsonb *jsonb_from_cstring(const char *json, int len);
/* Parse JSON text straight into an existing builder (to_jsonb of json). */
extern void jsonb_parse_into(JsonbParseState **pstate, JsonbValue **res,
                             const char *json, int len);
/* ->> of a value: its text, or NULL for JSON null */
extern text *JsonbValueAsText(JsonbValue *v);

/* Datum access; a value not 4-byte aligned is copied (the format needs it). */
extern Jsonb *DatumGetJsonbP(Datum d);
#define JsonbPGetDatum(p)       PointerGetDatum(p)
#define PG_GETARG_JSONB_P(n)    DatumGetJsonbP(PG_GETARG_DATUM(n))
#define PG_RETURN_JSONB_P(x)    return JsonbPGetDatum(x)

/* jsonb_ops.c: the value at a path of text keys / array indexes (#>, subscripts) */
extern Datum jsonb_get_element(Jsonb *jb, Datum *path, int npath, bool *isnull, bool as_text);

/* fmgr-callable functions other json modules call directly */
extern Datum jsonb_in(PG_FUNCTION_ARGS);
extern Datum jsonb_out(PG_FUNCTION_ARGS);

#endif /* JSONB_H */
