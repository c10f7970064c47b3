/*-------------------------------------------------------------------------
 * jsonpath.h
 *    The SQL/JSON path language (PostgreSQL 15's jsonpath type): the parse
 *    tree built by jsonpath_gram.c, the flat binary form stored in a
 *    jsonpath datum (jsonpath.c) and the reader the executor
 *    (jsonpath_exec.c) walks it with.  Private to those three files.
 *
 * Binary form (Basalt's own; only the text and send/recv forms are
 * PostgreSQL's): a varlena with a header word (JSONPATH_VERSION, plus
 * JSONPATH_LAX for lax mode) followed by items.  The first item (offset
 * 0 of the data) is the root expression.  Every item starts on a 4-byte
 * boundary with int32 type and int32 next (offset of the next accessor
 * in the chain, 0 = none: offset 0 is the root item, which is never
 * anyone's next or argument), then its content:
 *   binary operators            int32 left, int32 right (offsets)
 *   unary ones, filter, exists  int32 arg (datetime: 0 = no template)
 *   key, string, variable       int32 len, bytes, NUL
 *   numeric                     the Numeric varlena (read in place)
 *   bool                        int32 0/1
 *   [subscripts]                int32 n, n x (int32 from, int32 to|0)
 *   .**{first to last}          uint32 first, uint32 last (UINT32_MAX = last)
 *   like_regex                  int32 expr, int32 flags, int32 len, bytes, NUL
 *-------------------------------------------------------------------------
 */
#ifndef JSONPATH_H
#define JSONPATH_H

#include "backend/basalt.h"
#include "procs/numeric.h"

typedef struct JsonPath
{
    uint32      vl_len_;
    uint32      header;
    char        data[];
} JsonPath;

#define JSONPATH_VERSION    0x01
#define JSONPATH_LAX        0x80000000
#define JSONPATH_HDRSZ      (offsetof(JsonPath, data))

/*
 * Size limits of a jsonpath (PostgreSQL's are its stack depth limit):
 * nesting of parentheses/filters/unary operators, and tokens in all, which
 * bounds the item count and so the recursion of flattening, printing and
 * evaluation.  Both raise "stack depth limit exceeded" (54001).
 */
#define JSONPATH_MAX_DEPTH  4000
#define JSONPATH_MAX_TOKENS 20000

typedef enum JsonPathItemType
{
    jpiNull,
    jpiString,
    jpiNumeric,
    jpiBool,
    jpiAnd,
    jpiOr,
    jpiNot,
    jpiIsUnknown,
    jpiEqual,
    jpiNotEqual,
    jpiLess,
    jpiGreater,
    jpiLessOrEqual,
    jpiGreaterOrEqual,
    jpiAdd,
    jpiSub,
    jpiMul,
    jpiDiv,
    jpiMod,
    jpiPlus,
    jpiMinus,
    jpiAnyArray,
    jpiAnyKey,
    jpiIndexArray,
    jpiAny,
    jpiKey,
    jpiCurrent,
    jpiRoot,
    jpiVariable,
    jpiFilter,
    jpiExists,
    jpiType,
    jpiSize,
    jpiAbs,
    jpiFloor,
    jpiCeiling,
    jpiDouble,
    jpiDatetime,
    jpiKeyValue,
    jpiSubscript,
    jpiLast,
    jpiStartsWith,
    jpiLikeRegex
} JsonPathItemType;

/* like_regex flags */
#define JSP_REGEX_ICASE     0x01
#define JSP_REGEX_DOTALL    0x02
#define JSP_REGEX_MLINE     0x04
#define JSP_REGEX_WSPACE    0x08
#define JSP_REGEX_QUOTE     0x10

/* ---------------------------------------------------------------- parse tree */

typedef struct JsonPathParseItem JsonPathParseItem;

typedef struct JsonPathSubscript
{
    JsonPathParseItem *from;
    JsonPathParseItem *to;          /* NULL: not a range */
} JsonPathSubscript;

struct JsonPathParseItem
{
    JsonPathItemType type;
    JsonPathParseItem *next;        /* next accessor of a chain */
    union
    {
        struct
        {
            JsonPathParseItem *left;
            JsonPathParseItem *right;
        } args;
        JsonPathParseItem *arg;
        Numeric     numeric;
        bool        boolean;
        struct
        {
            int         len;
            char       *val;
        } string;
        struct
        {
            int         nelems;
            JsonPathSubscript *elems;
        } array;
        struct
        {
            uint32      first;
            uint32      last;
        } anybounds;
        struct
        {
            JsonPathParseItem *expr;
            char       *pattern;
            int         patternlen;
            uint32      flags;
        } like_regex;
    } value;
};

typedef struct JsonPathParseResult
{
    JsonPathParseItem *expr;
    bool        lax;
} JsonPathParseResult;

/* jsonpath_gram.c: text to tree; syntax errors are 42601 as PostgreSQL's */
extern JsonPathParseResult *parsejsonpath(const char *str, int len);
/* regex flags of a like_regex item as REGEXF_* compile flags */
extern int  jspConvertRegexFlags(uint32 xflags);

/* ---------------------------------------------------------------- reader */

typedef struct JsonPathItem
{
    JsonPathItemType type;
    int32       nextPos;            /* 0: none */
    char       *base;               /* the datum's data[] */
    union
    {
        struct
        {
            int32       left;
            int32       right;
        } args;
        int32       arg;
        struct
        {
            int32       nelems;
            int32      *elems;      /* from, to pairs */
        } array;
        struct
        {
            uint32      first;
            uint32      last;
        } anybounds;
        struct
        {
            int32       len;
            char       *data;
        } value;
        struct
        {
            int32       expr;
            char       *pattern;
            int32       patternlen;
            uint32      flags;
        } like_regex;
    } content;
    char       *data;               /* numeric / bool content */
} JsonPathItem;

extern JsonPath *DatumGetJsonPathP(Datum d);
extern void jspInit(JsonPathItem *v, JsonPath *js);
extern void jspInitByBuffer(JsonPathItem *v, char *base, int32 pos);
extern bool jspGetNext(JsonPathItem *v, JsonPathItem *a);
#define jspHasNext(jsp) ((jsp)->nextPos > 0)
extern void jspGetArg(JsonPathItem *v, JsonPathItem *a);
extern void jspGetLeftArg(JsonPathItem *v, JsonPathItem *a);
extern void jspGetRightArg(JsonPathItem *v, JsonPathItem *a);
extern Numeric jspGetNumeric(JsonPathItem *v);
extern bool jspGetBool(JsonPathItem *v);
extern char *jspGetString(JsonPathItem *v, int32 *len);
extern bool jspGetArraySubscript(JsonPathItem *v, JsonPathItem *from, JsonPathItem *to, int i);
extern const char *jspOperationName(JsonPathItemType type);

#endif /* JSONPATH_H */
