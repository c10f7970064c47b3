/*-------------------------------------------------------------------------
 * jsonpath.c
 *    The jsonpath type: input (parse, check, flatten to the binary form
 *    described in jsonpath.h), output (PostgreSQL's normalized text:
 *    quoted keys, minimal parentheses by operator priority), binary
 *    send/recv (version byte 1 + text, as PostgreSQL), and the item
 *    reader used by the executor.
 *
 * Flattening enforces PostgreSQL's two context rules: @ only inside a
 * filter, LAST only inside array subscripts (both 42601).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/fmgr.h"
#include "procs/json_lex.h"
#include "procs/jsonpath.h"

/* ---------------------------------------------------------------- flatten */

static int32
reserve_int(StringInfo buf)
{
    int32       pos = buf->len;
    int32       zero = 0;

    appendBinaryStringInfo(buf, (char *) &zero, sizeof(int32));
    return pos;
}

static void
put_int_at(StringInfo buf, int32 pos, int32 v)
{
    memcpy(buf->data + pos, &v, sizeof(int32));
}

static void
align_buf(StringInfo buf, int align)
{
    while (buf->len % align != 0)
        appendStringInfoChar(buf, '\0');
}

/* Append item (and its chain) to buf; returns its offset. */
static int32
flatten_item(StringInfo buf, JsonPathParseItem *item, int nestingLevel,
             bool insideArraySubscript)
{
    int32       pos;
    int32       nextpos;
    int32       type = item->type;

    align_buf(buf, sizeof(int32));
    pos = buf->len;
    appendBinaryStringInfo(buf, (char *) &type, sizeof(int32));
    nextpos = reserve_int(buf);

    switch (item->type)
    {
        case jpiString:
        case jpiVariable:
        case jpiKey:
            {
                int32       len = item->value.string.len;

                appendBinaryStringInfo(buf, (char *) &len, sizeof(int32));
                appendBinaryStringInfo(buf, item->value.string.val, len);
                appendStringInfoChar(buf, '\0');
                break;
            }
        case jpiNumeric:
            align_buf(buf, sizeof(int32));
            appendBinaryStringInfo(buf, (char *) item->value.numeric,
                                   VARSIZE(item->value.numeric));
            break;
        case jpiBool:
            {
                int32       b = item->value.boolean ? 1 : 0;

                appendBinaryStringInfo(buf, (char *) &b, sizeof(int32));
                break;
            }
        case jpiAnd:
        case jpiOr:
        case jpiEqual:
        case jpiNotEqual:
        case jpiLess:
        case jpiGreater:
        case jpiLessOrEqual:
        case jpiGreaterOrEqual:
        case jpiAdd:
        case jpiSub:
        case jpiMul:
        case jpiDiv:
        case jpiMod:
        case jpiStartsWith:
            {
                int32       l = reserve_int(buf);
                int32       r = reserve_int(buf);
                int32       c;

                c = flatten_item(buf, item->value.args.left, nestingLevel, insideArraySubscript);
                put_int_at(buf, l, c);
                c = flatten_item(buf, item->value.args.right, nestingLevel, insideArraySubscript);
                put_int_at(buf, r, c);
                break;
            }
        case jpiLikeRegex:
            {
                int32       e = reserve_int(buf);
                int32       flags = (int32) item->value.like_regex.flags;
                int32       len = item->value.like_regex.patternlen;
                int32       c;

                appendBinaryStringInfo(buf, (char *) &flags, sizeof(int32));
                appendBinaryStringInfo(buf, (char *) &len, sizeof(int32));
                appendBinaryStringInfo(buf, item->value.like_regex.pattern, len);
                appendStringInfoChar(buf, '\0');
                c = flatten_item(buf, item->value.like_regex.expr, nestingLevel,
                                 insideArraySubscript);
                put_int_at(buf, e, c);
                break;
            }
        case jpiFilter:
        case jpiIsUnknown:
        case jpiNot:
        case jpiPlus:
        case jpiMinus:
        case jpiExists:
        case jpiDatetime:
            {
                int32       a = reserve_int(buf);

                if (item->value.arg)
                {
                    int32       c = flatten_item(buf, item->value.arg,
                                                 nestingLevel + (item->type == jpiFilter ? 1 : 0),
                                                 insideArraySubscript);

                    put_int_at(buf, a, c);
                }
                break;
            }
        case jpiIndexArray:
            {
                int32       n = item->value.array.nelems;
                int32       arr;

                appendBinaryStringInfo(buf, (char *) &n, sizeof(int32));
                arr = buf->len;
                for (int i = 0; i < 2 * n; i++)
                    (void) reserve_int(buf);
                for (int i = 0; i < n; i++)
                {
                    int32       c = flatten_item(buf, item->value.array.elems[i].from,
                                                 nestingLevel, true);

                    put_int_at(buf, arr + 8 * i, c);
                    if (item->value.array.elems[i].to)
                    {
                        c = flatten_item(buf, item->value.array.elems[i].to, nestingLevel, true);
                        put_int_at(buf, arr + 8 * i + 4, c);
                    }
                }
                break;
            }
        case jpiAny:
            appendBinaryStringInfo(buf, (char *) &item->value.anybounds.first, sizeof(uint32));
            appendBinaryStringInfo(buf, (char *) &item->value.anybounds.last, sizeof(uint32));
            break;
        case jpiCurrent:
            if (nestingLevel <= 0)
                ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("@ is not allowed in root expressions"));
            break;
        case jpiLast:
            if (!insideArraySubscript)
                ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("LAST is allowed only in array subscripts"));
            break;
        default:
            break;
    }
    if (item->next)
    {
        int32       c = flatten_item(buf, item->next, nestingLevel, insideArraySubscript);

        put_int_at(buf, nextpos, c);
    }
    return pos;
}

static JsonPath *
jsonpath_from_text(const char *str, int len)
{
    JsonPathParseResult *res = parsejsonpath(str, len);
    StringInfoData buf;
    JsonPath   *jp;

    if (res == NULL)
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("invalid input syntax for type %s: \"%s\"", "jsonpath",
                       pnstrdup(str, len)));
    initStringInfo(&buf);
    (void) flatten_item(&buf, res->expr, 0, false);
    jp = palloc0(JSONPATH_HDRSZ + buf.len);
    SET_VARSIZE(jp, JSONPATH_HDRSZ + buf.len);
    jp->header = JSONPATH_VERSION | (res->lax ? JSONPATH_LAX : 0);
    memcpy(jp->data, buf.data, buf.len);
    pfree(buf.data);
    return jp;
}

/* ---------------------------------------------------------------- reader */

JsonPath *
DatumGetJsonPathP(Datum d)
{
    JsonPath   *jp = (JsonPath *) DatumGetPointer(d);

    /* numerics are read in place (4-byte aligned): copy a misaligned datum */
    if (((uintptr_t) jp) % sizeof(int32) != 0)
    {
        JsonPath   *copy = palloc(VARSIZE(jp));

        memcpy(copy, jp, VARSIZE(jp));
        jp = copy;
    }
    return jp;
}

static int32
read_int(char *base, int32 pos)
{
    int32       v;

    memcpy(&v, base + pos, sizeof(int32));
    return v;
}

void
jspInitByBuffer(JsonPathItem *v, char *base, int32 pos)
{
    v->base = base;
    v->type = (JsonPathItemType) read_int(base, pos);
    v->nextPos = read_int(base, pos + 4);
    pos += 8;
    switch (v->type)
    {
        case jpiString:
        case jpiVariable:
        case jpiKey:
            v->content.value.len = read_int(base, pos);
            v->content.value.data = base + pos + 4;
            break;
        case jpiNumeric:
            v->data = base + pos;
            break;
        case jpiBool:
            v->data = base + pos;
            break;
        case jpiAnd:
        case jpiOr:
        case jpiEqual:
        case jpiNotEqual:
        case jpiLess:
        case jpiGreater:
        case jpiLessOrEqual:
        case jpiGreaterOrEqual:
        case jpiAdd:
        case jpiSub:
        case jpiMul:
        case jpiDiv:
        case jpiMod:
        case jpiStartsWith:
            v->content.args.left = read_int(base, pos);
            v->content.args.right = read_int(base, pos + 4);
            break;
        case jpiLikeRegex:
            v->content.like_regex.expr = read_int(base, pos);
            v->content.like_regex.flags = (uint32) read_int(base, pos + 4);
            v->content.like_regex.patternlen = read_int(base, pos + 8);
            v->content.like_regex.pattern = base + pos + 12;
            break;
        case jpiFilter:
        case jpiIsUnknown:
        case jpiNot:
        case jpiPlus:
        case jpiMinus:
        case jpiExists:
        case jpiDatetime:
            v->content.arg = read_int(base, pos);
            break;
        case jpiIndexArray:
            v->content.array.nelems = read_int(base, pos);
            v->content.array.elems = (int32 *) (base + pos + 4);
            break;
        case jpiAny:
            v->content.anybounds.first = (uint32) read_int(base, pos);
            v->content.anybounds.last = (uint32) read_int(base, pos + 4);
            break;
        default:
            break;
    }
}

void
jspInit(JsonPathItem *v, JsonPath *js)
{
    jspInitByBuffer(v, js->data, 0);
}

bool
jspGetNext(JsonPathItem *v, JsonPathItem *a)
{
    if (!jspHasNext(v))
        return false;
    if (a)
        jspInitByBuffer(a, v->base, v->nextPos);
    return true;
}

void
jspGetArg(JsonPathItem *v, JsonPathItem *a)
{
    jspInitByBuffer(a, v->base, v->content.arg);
}

void
jspGetLeftArg(JsonPathItem *v, JsonPathItem *a)
{
    jspInitByBuffer(a, v->base, v->content.args.left);
}

void
jspGetRightArg(JsonPathItem *v, JsonPathItem *a)
{
    jspInitByBuffer(a, v->base, v->content.args.right);
}

Numeric
jspGetNumeric(JsonPathItem *v)
{
    return (Numeric) v->data;
}

bool
jspGetBool(JsonPathItem *v)
{
    return read_int(v->data, 0) != 0;
}

char *
jspGetString(JsonPathItem *v, int32 *len)
{
    if (len)
        *len = v->content.value.len;
    return v->content.value.data;
}

bool
jspGetArraySubscript(JsonPathItem *v, JsonPathItem *from, JsonPathItem *to, int i)
{
    int32       f,
                t;

    memcpy(&f, &v->content.array.elems[2 * i], sizeof(int32));
    memcpy(&t, &v->content.array.elems[2 * i + 1], sizeof(int32));
    jspInitByBuffer(from, v->base, f);
    if (t == 0)
        return false;
    jspInitByBuffer(to, v->base, t);
    return true;
}

const char *
jspOperationName(JsonPathItemType type)
{
    switch (type)
    {
        case jpiAnd: return "&&";
        case jpiOr: return "||";
        case jpiEqual: return "==";
        case jpiNotEqual: return "!=";
        case jpiLess: return "<";
        case jpiGreater: return ">";
        case jpiLessOrEqual: return "<=";
        case jpiGreaterOrEqual: return ">=";
        case jpiPlus:
        case jpiAdd: return "+";
        case jpiMinus:
        case jpiSub: return "-";
        case jpiMul: return "*";
        case jpiDiv: return "/";
        case jpiMod: return "%";
        case jpiStartsWith: return "starts with";
        case jpiLikeRegex: return "like_regex";
        case jpiType: return "type";
        case jpiSize: return "size";
        case jpiKeyValue: return "keyvalue";
        case jpiDouble: return "double";
        case jpiAbs: return "abs";
        case jpiFloor: return "floor";
        case jpiCeiling: return "ceiling";
        case jpiDatetime: return "datetime";
        default:
            elog(ERROR, "unrecognized jsonpath item type: %d", type);
            return NULL;
    }
}

/* ---------------------------------------------------------------- output */

static int
operation_priority(JsonPathItemType op)
{
    switch (op)
    {
        case jpiOr:
            return 0;
        case jpiAnd:
            return 1;
        case jpiEqual:
        case jpiNotEqual:
        case jpiLess:
        case jpiGreater:
        case jpiLessOrEqual:
        case jpiGreaterOrEqual:
        case jpiStartsWith:
            return 2;
        case jpiAdd:
        case jpiSub:
            return 3;
        case jpiMul:
        case jpiDiv:
        case jpiMod:
            return 4;
        case jpiPlus:
        case jpiMinus:
            return 5;
        default:
            return 6;
    }
}

static void
escape_json_n(StringInfo buf, const char *s, int len)
{
    escape_json_len(buf, s, len);
}

static void
print_item(StringInfo buf, JsonPathItem *v, bool inKey, bool printBrackets)
{
    JsonPathItem elem;

    switch (v->type)
    {
        case jpiNull:
            appendStringInfoString(buf, "null");
            break;
        case jpiKey:
            if (inKey)
                appendStringInfoChar(buf, '.');
            escape_json_n(buf, v->content.value.data, v->content.value.len);
            break;
        case jpiString:
            escape_json_n(buf, v->content.value.data, v->content.value.len);
            break;
        case jpiVariable:
            appendStringInfoChar(buf, '$');
            escape_json_n(buf, v->content.value.data, v->content.value.len);
            break;
        case jpiNumeric:
            if (jspHasNext(v))
                appendStringInfoChar(buf, '(');
            appendStringInfoString(buf, numeric_out_internal(jspGetNumeric(v)));
            if (jspHasNext(v))
                appendStringInfoChar(buf, ')');
            break;
        case jpiBool:
            appendStringInfoString(buf, jspGetBool(v) ? "true" : "false");
            break;
        case jpiAnd:
        case jpiOr:
        case jpiEqual:
        case jpiNotEqual:
        case jpiLess:
        case jpiGreater:
        case jpiLessOrEqual:
        case jpiGreaterOrEqual:
        case jpiAdd:
        case jpiSub:
        case jpiMul:
        case jpiDiv:
        case jpiMod:
        case jpiStartsWith:
            if (printBrackets)
                appendStringInfoChar(buf, '(');
            jspGetLeftArg(v, &elem);
            print_item(buf, &elem, false,
                       operation_priority(elem.type) <= operation_priority(v->type));
            appendStringInfoChar(buf, ' ');
            appendStringInfoString(buf, jspOperationName(v->type));
            appendStringInfoChar(buf, ' ');
            jspGetRightArg(v, &elem);
            print_item(buf, &elem, false,
                       operation_priority(elem.type) <= operation_priority(v->type));
            if (printBrackets)
                appendStringInfoChar(buf, ')');
            break;
        case jpiLikeRegex:
            if (printBrackets)
                appendStringInfoChar(buf, '(');
            jspInitByBuffer(&elem, v->base, v->content.like_regex.expr);
            print_item(buf, &elem, false,
                       operation_priority(elem.type) <= operation_priority(v->type));
            appendStringInfoString(buf, " like_regex ");
            escape_json_n(buf, v->content.like_regex.pattern, v->content.like_regex.patternlen);
            if (v->content.like_regex.flags)
            {
                uint32      f = v->content.like_regex.flags;

                appendStringInfoString(buf, " flag \"");
                if (f & JSP_REGEX_ICASE)
                    appendStringInfoChar(buf, 'i');
                if (f & JSP_REGEX_DOTALL)
                    appendStringInfoChar(buf, 's');
                if (f & JSP_REGEX_MLINE)
                    appendStringInfoChar(buf, 'm');
                if (f & JSP_REGEX_WSPACE)
                    appendStringInfoChar(buf, 'x');
                if (f & JSP_REGEX_QUOTE)
                    appendStringInfoChar(buf, 'q');
                appendStringInfoChar(buf, '"');
            }
            if (printBrackets)
                appendStringInfoChar(buf, ')');
            break;
        case jpiPlus:
        case jpiMinus:
            if (printBrackets)
                appendStringInfoChar(buf, '(');
            appendStringInfoChar(buf, v->type == jpiPlus ? '+' : '-');
            jspGetArg(v, &elem);
            print_item(buf, &elem, false,
                       operation_priority(elem.type) <= operation_priority(v->type));
            if (printBrackets)
                appendStringInfoChar(buf, ')');
            break;
        case jpiFilter:
            appendStringInfoString(buf, "?(");
            jspGetArg(v, &elem);
            print_item(buf, &elem, false, false);
            appendStringInfoChar(buf, ')');
            break;
        case jpiNot:
            appendStringInfoString(buf, "!(");
            jspGetArg(v, &elem);
            print_item(buf, &elem, false, false);
            appendStringInfoChar(buf, ')');
            break;
        case jpiIsUnknown:
            appendStringInfoChar(buf, '(');
            jspGetArg(v, &elem);
            print_item(buf, &elem, false, false);
            appendStringInfoString(buf, ") is unknown");
            break;
        case jpiExists:
            appendStringInfoString(buf, "exists (");
            jspGetArg(v, &elem);
            print_item(buf, &elem, false, false);
            appendStringInfoChar(buf, ')');
            break;
        case jpiCurrent:
            appendStringInfoChar(buf, '@');
            break;
        case jpiRoot:
            appendStringInfoChar(buf, '$');
            break;
        case jpiLast:
            appendStringInfoString(buf, "last");
            break;
        case jpiAnyArray:
            appendStringInfoString(buf, "[*]");
            break;
        case jpiAnyKey:
            if (inKey)
                appendStringInfoChar(buf, '.');
            appendStringInfoChar(buf, '*');
            break;
        case jpiIndexArray:
            appendStringInfoChar(buf, '[');
            for (int i = 0; i < v->content.array.nelems; i++)
            {
                JsonPathItem from,
                            to;
                bool        range = jspGetArraySubscript(v, &from, &to, i);

                if (i)
                    appendStringInfoChar(buf, ',');
                print_item(buf, &from, false, false);
                if (range)
                {
                    appendStringInfoString(buf, " to ");
                    print_item(buf, &to, false, false);
                }
            }
            appendStringInfoChar(buf, ']');
            break;
        case jpiAny:
            {
                uint32      first = v->content.anybounds.first,
                            last = v->content.anybounds.last;

                if (inKey)
                    appendStringInfoChar(buf, '.');
                if (first == 0 && last == PG_UINT32_MAX)
                    appendStringInfoString(buf, "**");
                else if (first == last)
                {
                    if (first == PG_UINT32_MAX)
                        appendStringInfoString(buf, "**{last}");
                    else
                        appendStringInfo(buf, "**{%u}", first);
                }
                else if (first == PG_UINT32_MAX)
                    appendStringInfo(buf, "**{last to %u}", last);
                else if (last == PG_UINT32_MAX)
                    appendStringInfo(buf, "**{%u to last}", first);
                else
                    appendStringInfo(buf, "**{%u to %u}", first, last);
                break;
            }
        case jpiType:
        case jpiSize:
        case jpiAbs:
        case jpiFloor:
        case jpiCeiling:
        case jpiDouble:
        case jpiKeyValue:
            appendStringInfo(buf, ".%s()", jspOperationName(v->type));
            break;
        case jpiDatetime:
            appendStringInfoString(buf, ".datetime(");
            if (v->content.arg)
            {
                jspGetArg(v, &elem);
                print_item(buf, &elem, false, false);
            }
            appendStringInfoChar(buf, ')');
            break;
        default:
            elog(ERROR, "unrecognized jsonpath item type: %d", v->type);
    }
    if (jspGetNext(v, &elem))
        print_item(buf, &elem, true, true);
}

static char *
jsonpath_to_cstring(StringInfo out, JsonPath *in)
{
    JsonPathItem v;

    if (!(in->header & JSONPATH_LAX))
        appendStringInfoString(out, "strict ");
    jspInit(&v, in);
    print_item(out, &v, false, true);
    return out->data;
}

/* ---------------------------------------------------------------- fmgr */

Datum
jsonpath_in(PG_FUNCTION_ARGS)
{
    char       *in = PG_GETARG_CSTRING(0);

    PG_RETURN_POINTER(jsonpath_from_text(in, (int) strlen(in)));
}

Datum
jsonpath_out(PG_FUNCTION_ARGS)
{
    JsonPath   *jp = DatumGetJsonPathP(PG_GETARG_DATUM(0));
    StringInfoData buf;

    initStringInfo(&buf);
    PG_RETURN_CSTRING(jsonpath_to_cstring(&buf, jp));
}

Datum
jsonpath_recv(PG_FUNCTION_ARGS)
{
    StringInfo  buf = (StringInfo) PG_GETARG_POINTER(0);
    int         version = pq_getmsgint(buf, 1);
    char       *str;
    int         nbytes;

    if (version != JSONPATH_VERSION)
        elog(ERROR, "unsupported jsonpath version number: %d", version);
    str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
    PG_RETURN_POINTER(jsonpath_from_text(str, nbytes));
}

Datum
jsonpath_send(PG_FUNCTION_ARGS)
{
    JsonPath   *jp = DatumGetJsonPathP(PG_GETARG_DATUM(0));
    StringInfoData buf;
    StringInfoData jtext;

    initStringInfo(&jtext);
    (void) jsonpath_to_cstring(&jtext, jp);
    pq_begintypsend(&buf);
    pq_sendint8(&buf, JSONPATH_VERSION);
    pq_sendtext(&buf, jtext.data, jtext.len);
    pfree(jtext.data);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
