/*-------------------------------------------------------------------------
 * jsonpath_gram.c
 *    The jsonpath language's scanner and parser: text to a
 *    JsonPathParseItem tree (PostgreSQL 15's jsonpath_scan.l and
 *    jsonpath_gram.y, written as a hand recursive-descent parser).
 *
 * Grammar (lowest precedence first):
 *   result     [strict | lax] expr-or-predicate
 *   or         and { "||" and }                     predicates only
 *   and        not { "&&" not }
 *   not        "!" delimited | comparison
 *   comparison additive [ cmp additive | starts with (string|$var)
 *                         | like_regex string [flag string] ]
 *   additive   mul { (+|-) mul };  mul  unary { (*|/|%) unary }
 *   unary      (+|-) unary | accessor
 *   accessor   primary { .key | .* | .** [{m [to n]}] | .method() |
 *                        .datetime([string]) | [subscripts] | ? (predicate) }
 *   primary    scalar | $ | @ | last | $var | ( expr-or-predicate ) [is unknown]
 *              | exists ( expr )
 * Each rule returns whether its result is a predicate, and the grammar's
 * restrictions (arithmetic needs expressions, && needs predicates, a
 * filter needs a predicate) raise PostgreSQL's syntax errors.
 *
 * Error text follows bison's: "syntax error at or near "<token>" of
 * jsonpath input", where the token text is what PostgreSQL's scanner last
 * matched -- for an unquoted name the blanks after it (or nothing: "at
 * end"), for a quoted string its closing quote.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <strings.h>
#include "backend/utils/stringinfo.h"
#include "procs/fmgr.h"
#include "procs/json_lex.h"
#include "procs/jsonpath.h"
#include "procs/numeric.h"
#include "procs/regex_cache.h"

extern Datum numeric_uminus(PG_FUNCTION_ARGS);

typedef enum
{
    T_EOF,
    T_CHAR,                     /* single punctuation character: tok.ch */
    T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
    T_AND, T_OR, T_NOT, T_ANY,
    T_INT, T_NUMERIC, T_STRING, T_VARIABLE,
    T_IDENT                     /* unquoted name, maybe a keyword: tok.kw */
} TokType;

typedef enum
{
    KW_NONE, KW_ABS, KW_CEILING, KW_DATETIME, KW_DOUBLE, KW_EXISTS, KW_FALSE,
    KW_FLAG, KW_FLOOR, KW_IS, KW_KEYVALUE, KW_LAST, KW_LAX, KW_LIKE_REGEX,
    KW_NULL, KW_SIZE, KW_STARTS, KW_STRICT, KW_TO, KW_TRUE, KW_TYPE,
    KW_UNKNOWN, KW_WITH
} Keyword;

static const struct
{
    const char *name;
    Keyword     kw;
} keywords[] = {
    {"abs", KW_ABS}, {"ceiling", KW_CEILING}, {"datetime", KW_DATETIME},
    {"double", KW_DOUBLE}, {"exists", KW_EXISTS}, {"false", KW_FALSE},
    {"flag", KW_FLAG}, {"floor", KW_FLOOR}, {"is", KW_IS},
    {"keyvalue", KW_KEYVALUE}, {"last", KW_LAST}, {"lax", KW_LAX},
    {"like_regex", KW_LIKE_REGEX}, {"null", KW_NULL}, {"size", KW_SIZE},
    {"starts", KW_STARTS}, {"strict", KW_STRICT}, {"to", KW_TO},
    {"true", KW_TRUE}, {"type", KW_TYPE}, {"unknown", KW_UNKNOWN},
    {"with", KW_WITH},
};

typedef struct Token
{
    TokType     type;
    char        ch;
    Keyword     kw;
    char       *val;            /* string/name/number text (unescaped) */
    int         len;
    char       *errtext;        /* what a syntax error here says, NULL = "at end" */
} Token;

typedef struct JspParser
{
    const char *s;
    int         len;
    int         pos;
    Token       tok;            /* current lookahead */
    int         depth;          /* nesting of parse_primary / parse_unary */
    int         ntokens;
} JspParser;

static void jsp_error_at(const char *text, const char *message) pg_attribute_noreturn();
static void
jsp_error_at(const char *text, const char *message)
{
    if (text == NULL || *text == '\0')
        ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("%s at end of jsonpath input", message));
    ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("%s at or near \"%s\" of jsonpath input", message, text));
    __builtin_unreachable();
}

static void syntax_error(JspParser *p) pg_attribute_noreturn();
static void
syntax_error(JspParser *p)
{
    jsp_error_at(p->tok.errtext, "syntax error");
}

/* ---------------------------------------------------------------- scanner */

static bool
is_special(char c)
{
    return strchr("?%$.[]{}()|&!=<>@#,*:-+/\\\"", c) != NULL;
}

static bool
is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* PostgreSQL's {other}: a character of an unquoted name */
static bool
is_other(char c)
{
    return c != '\0' && !is_special(c) && !is_blank(c);
}

static char *
substr(JspParser *p, int from, int to)
{
    return pnstrdup(p->s + from, to - from);
}

static void
append_utf8(StringInfo buf, uint32 cp)
{
    if (cp < 0x80)
        appendStringInfoChar(buf, (char) cp);
    else if (cp < 0x800)
    {
        appendStringInfoChar(buf, (char) (0xC0 | (cp >> 6)));
        appendStringInfoChar(buf, (char) (0x80 | (cp & 0x3F)));
    }
    else if (cp < 0x10000)
    {
        appendStringInfoChar(buf, (char) (0xE0 | (cp >> 12)));
        appendStringInfoChar(buf, (char) (0x80 | ((cp >> 6) & 0x3F)));
        appendStringInfoChar(buf, (char) (0x80 | (cp & 0x3F)));
    }
    else
    {
        appendStringInfoChar(buf, (char) (0xF0 | (cp >> 18)));
        appendStringInfoChar(buf, (char) (0x80 | ((cp >> 12) & 0x3F)));
        appendStringInfoChar(buf, (char) (0x80 | ((cp >> 6) & 0x3F)));
        appendStringInfoChar(buf, (char) (0x80 | (cp & 0x3F)));
    }
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static void low_surrogate_error(void) pg_attribute_noreturn();
static void
low_surrogate_error(void)
{
    ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("invalid input syntax for type %s", "jsonpath"),
            errdetail("Unicode low surrogate must follow a high surrogate."));
    __builtin_unreachable();
}

/*
 * One backslash escape at p->pos (the backslash) into buf; advances.
 * \uXXXX, \u{X...}, \xXX, \b \f \n \r \t \v, else the character itself.
 */
static void
scan_escape(JspParser *p, StringInfo buf, uint32 *hi_surrogate)
{
    int         start = p->pos;
    const char *s = p->s;
    char        c;

    if (p->pos + 1 >= p->len)
        jsp_error_at(NULL, "unexpected end after backslash");
    c = s[p->pos + 1];
    p->pos += 2;
    if (c == 'u')
    {
        uint32      cp = 0;
        int         n = 0;

        if (p->pos < p->len && s[p->pos] == '{')
        {
            p->pos++;
            while (p->pos < p->len && n < 6 && hexval(s[p->pos]) >= 0)
                cp = cp * 16 + hexval(s[p->pos++]), n++;
            if (n == 0 || p->pos >= p->len || s[p->pos] != '}')
                jsp_error_at(substr(p, start, p->pos), "invalid unicode sequence");
            p->pos++;
        }
        else
        {
            while (p->pos < p->len && n < 4 && hexval(s[p->pos]) >= 0)
                cp = cp * 16 + hexval(s[p->pos++]), n++;
            if (n < 4)
                jsp_error_at(substr(p, start, p->pos), "invalid unicode sequence");
        }
        if (cp == 0)
            ereport(ERROR, errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
                    errmsg("unsupported Unicode escape sequence"),
                    errdetail("\\u0000 cannot be converted to text."));
        if (cp >= 0xD800 && cp <= 0xDBFF)
        {
            if (*hi_surrogate)
                ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("invalid input syntax for type %s", "jsonpath"),
                        errdetail("Unicode high surrogate must not follow a high surrogate."));
            *hi_surrogate = cp;
            return;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF)
        {
            if (!*hi_surrogate)
                ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("invalid input syntax for type %s", "jsonpath"),
                        errdetail("Unicode low surrogate must follow a high surrogate."));
            cp = 0x10000 + ((*hi_surrogate - 0xD800) << 10) + (cp - 0xDC00);
            *hi_surrogate = 0;
        }
        else if (*hi_surrogate)
            ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("invalid input syntax for type %s", "jsonpath"),
                    errdetail("Unicode low surrogate must follow a high surrogate."));
        append_utf8(buf, cp);
        return;
    }
    if (*hi_surrogate)
        ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("invalid input syntax for type %s", "jsonpath"),
                errdetail("Unicode low surrogate must follow a high surrogate."));
    switch (c)
    {
        case 'x':
            {
                int         h1 = p->pos < p->len ? hexval(s[p->pos]) : -1;
                int         h2 = p->pos + 1 < p->len ? hexval(s[p->pos + 1]) : -1;

                if (h1 < 0 || h2 < 0)
                {
                    p->pos += h1 >= 0 ? 1 : 0;
                    jsp_error_at(substr(p, start, p->pos), "invalid hex character sequence");
                }
                p->pos += 2;
                if (h1 * 16 + h2 == 0)
                    ereport(ERROR, errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
                            errmsg("unsupported Unicode escape sequence"),
                            errdetail("\\u0000 cannot be converted to text."));
                append_utf8(buf, (uint32) (h1 * 16 + h2));
                return;
            }
        case 'b':
            appendStringInfoChar(buf, '\b');
            return;
        case 'f':
            appendStringInfoChar(buf, '\f');
            return;
        case 'n':
            appendStringInfoChar(buf, '\n');
            return;
        case 'r':
            appendStringInfoChar(buf, '\r');
            return;
        case 't':
            appendStringInfoChar(buf, '\t');
            return;
        case 'v':
            appendStringInfoChar(buf, '\v');
            return;
        default:
            appendStringInfoChar(buf, c);
            return;
    }
}

/* a quoted string starting at the opening quote; value into tok */
static void
scan_quoted(JspParser *p, Token *tok)
{
    StringInfoData buf;
    uint32      hi = 0;

    initStringInfo(&buf);
    p->pos++;
    for (;;)
    {
        if (p->pos >= p->len)
            jsp_error_at(NULL, "unexpected end of quoted string");
        if (p->s[p->pos] == '"')
            break;
        if (p->s[p->pos] == '\\')
            scan_escape(p, &buf, &hi);
        else
        {
            if (hi)
                ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("invalid input syntax for type %s", "jsonpath"),
                        errdetail("Unicode low surrogate must follow a high surrogate."));
            appendStringInfoChar(&buf, p->s[p->pos++]);
        }
    }
    if (hi)
        low_surrogate_error();
    p->pos++;
    tok->val = buf.data;
    tok->len = buf.len;
    tok->errtext = "\"";
}

static bool
scan_digits(JspParser *p)
{
    int         start = p->pos;

    while (p->pos < p->len && isdigit((unsigned char) p->s[p->pos]))
        p->pos++;
    return p->pos > start;
}

/* a number starting at p->pos (a digit, or '.' before a digit) */
static void
scan_number(JspParser *p, Token *tok)
{
    int         start = p->pos;
    bool        isint = true;

    if (p->s[p->pos] == '0')
        p->pos++;
    else
        scan_digits(p);
    if (p->pos < p->len && p->s[p->pos] == '.')
    {
        isint = false;
        p->pos++;
        scan_digits(p);
    }
    if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E'))
    {
        int         epos = p->pos;

        p->pos++;
        if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
        {
            p->pos++;
            if (!scan_digits(p))
                jsp_error_at(substr(p, start, p->pos), "invalid numeric literal");
        }
        else if (!scan_digits(p))
            p->pos = epos;      /* "1e": trailing junk below */
        else
            isint = false;
        if (p->pos > epos)
            isint = false;
    }
    if (p->pos < p->len && is_other(p->s[p->pos]))
    {
        int         run = start;

        /* flex's longest match: a longer run of name characters is a name */
        while (run < p->len && is_other(p->s[run]))
            run++;
        if (run - start > p->pos + 1 - start)
        {
            p->pos = start;
            tok->type = T_EOF;  /* caller scans it as a name */
            return;
        }
        jsp_error_at(substr(p, start, p->pos + 1), "trailing junk after numeric literal");
    }
    tok->type = isint ? T_INT : T_NUMERIC;
    tok->val = substr(p, start, p->pos);
    tok->len = p->pos - start;
    tok->errtext = tok->val;
}

static void
next_token(JspParser *p)
{
    Token      *tok = &p->tok;
    const char *s = p->s;
    int         start;

    memset(tok, 0, sizeof(Token));
    /* bounds the tree's size, hence every recursion over it */
    if (++p->ntokens > JSONPATH_MAX_TOKENS)
        json_nesting_error();
    while (p->pos < p->len && is_blank(s[p->pos]))
        p->pos++;
    if (p->pos >= p->len)
    {
        tok->type = T_EOF;
        return;
    }
    start = p->pos;
    if (isdigit((unsigned char) s[p->pos]) ||
        (s[p->pos] == '.' && p->pos + 1 < p->len && isdigit((unsigned char) s[p->pos + 1])))
    {
        scan_number(p, tok);
        if (tok->type != T_EOF)
            return;
    }
    if (s[p->pos] == '"')
    {
        tok->type = T_STRING;
        scan_quoted(p, tok);
        return;
    }
    if (s[p->pos] == '$')
    {
        if (p->pos + 1 < p->len && s[p->pos + 1] == '"')
        {
            p->pos++;
            tok->type = T_VARIABLE;
            scan_quoted(p, tok);
            return;
        }
        if (p->pos + 1 < p->len && is_other(s[p->pos + 1]))
        {
            p->pos++;
            while (p->pos < p->len && is_other(s[p->pos]))
                p->pos++;
            tok->type = T_VARIABLE;
            tok->val = substr(p, start + 1, p->pos);
            tok->len = p->pos - start - 1;
            tok->errtext = substr(p, start, p->pos);
            return;
        }
    }
    if (is_other(s[p->pos]) || s[p->pos] == '\\')
    {
        StringInfoData buf;
        uint32      hi = 0;

        initStringInfo(&buf);
        while (p->pos < p->len && (is_other(s[p->pos]) || s[p->pos] == '\\'))
        {
            if (s[p->pos] == '\\')
                scan_escape(p, &buf, &hi);
            else
                appendStringInfoChar(&buf, s[p->pos++]);
        }
        if (hi)
            low_surrogate_error();
        tok->type = T_IDENT;
        tok->val = buf.data;
        tok->len = buf.len;
        tok->kw = KW_NONE;
        for (size_t i = 0; i < lengthof(keywords); i++)
            if ((int) strlen(keywords[i].name) == buf.len &&
                strncasecmp(keywords[i].name, buf.data, buf.len) == 0)
                tok->kw = keywords[i].kw;
        /* bison's yytext here: the blanks ending the name, if any */
        start = p->pos;
        while (start < p->len && is_blank(s[start]))
            start++;
        tok->errtext = substr(p, p->pos, start);
        return;
    }

    /* operators and punctuation */
#define TWO(a, b) (s[p->pos] == (a) && p->pos + 1 < p->len && s[p->pos + 1] == (b))
    if (TWO('=', '='))
        tok->type = T_EQ, p->pos += 2;
    else if (TWO('!', '=') || TWO('<', '>'))
        tok->type = T_NE, p->pos += 2;
    else if (TWO('<', '='))
        tok->type = T_LE, p->pos += 2;
    else if (TWO('>', '='))
        tok->type = T_GE, p->pos += 2;
    else if (TWO('&', '&'))
        tok->type = T_AND, p->pos += 2;
    else if (TWO('|', '|'))
        tok->type = T_OR, p->pos += 2;
    else if (TWO('*', '*'))
        tok->type = T_ANY, p->pos += 2;
    else if (s[p->pos] == '<')
        tok->type = T_LT, p->pos++;
    else if (s[p->pos] == '>')
        tok->type = T_GT, p->pos++;
    else if (s[p->pos] == '!')
        tok->type = T_NOT, p->pos++;
    else
    {
        tok->type = T_CHAR;
        tok->ch = s[p->pos];
        p->pos++;
    }
#undef TWO
    tok->errtext = substr(p, start, p->pos);
}

/* ---------------------------------------------------------------- tree */

static JsonPathParseItem *
make_item(JsonPathItemType type)
{
    JsonPathParseItem *v = palloc0(sizeof(JsonPathParseItem));

    v->type = type;
    return v;
}

static JsonPathParseItem *
make_binary(JsonPathItemType type, JsonPathParseItem *l, JsonPathParseItem *r)
{
    JsonPathParseItem *v = make_item(type);

    v->value.args.left = l;
    v->value.args.right = r;
    return v;
}

static JsonPathParseItem *
make_unary(JsonPathItemType type, JsonPathParseItem *a)
{
    JsonPathParseItem *v;

    if (type == jpiPlus && a->type == jpiNumeric && !a->next)
        return a;
    if (type == jpiMinus && a->type == jpiNumeric && !a->next)
    {
        v = make_item(jpiNumeric);
        v->value.numeric = DatumGetNumeric(DirectFunctionCall1(numeric_uminus,
                                                               NumericGetDatum(a->value.numeric)));
        return v;
    }
    v = make_item(type);
    v->value.arg = a;
    return v;
}

static JsonPathParseItem *
make_string_item(JsonPathItemType type, Token *tok)
{
    JsonPathParseItem *v = make_item(type);

    v->value.string.val = tok->val;
    v->value.string.len = tok->len;
    return v;
}

static JsonPathParseItem *
make_numeric(const char *text)
{
    JsonPathParseItem *v = make_item(jpiNumeric);

    v->value.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(text),
                                                           ObjectIdGetDatum(InvalidOid),
                                                           Int32GetDatum(-1)));
    return v;
}

/* append accessor to the end of head's chain */
static void
chain_append(JsonPathParseItem *head, JsonPathParseItem *acc)
{
    while (head->next)
        head = head->next;
    head->next = acc;
}

/* ---------------------------------------------------------------- parser */

typedef struct PNode
{
    JsonPathParseItem *item;
    bool        pred;           /* a predicate (boolean expression) */
} PNode;

static PNode parse_or(JspParser *p);
static PNode parse_comparison(JspParser *p);

static bool
tok_is_char(JspParser *p, char c)
{
    return p->tok.type == T_CHAR && p->tok.ch == c;
}

static bool
tok_is_kw(JspParser *p, Keyword kw)
{
    return p->tok.type == T_IDENT && p->tok.kw == kw;
}

static void
expect_char(JspParser *p, char c)
{
    if (!tok_is_char(p, c))
        syntax_error(p);
    next_token(p);
}

static JsonPathParseItem *
parse_expr_only(JspParser *p)
{
    PNode       n = parse_or(p);

    if (n.pred)
        syntax_error(p);
    return n.item;
}

static JsonPathParseItem *
parse_pred_only(JspParser *p)
{
    PNode       n = parse_or(p);

    if (!n.pred)
        syntax_error(p);
    return n.item;
}

static uint32
parse_any_level(JspParser *p)
{
    uint32      v;

    if (tok_is_kw(p, KW_LAST))
        v = PG_UINT32_MAX;
    else if (p->tok.type == T_INT)
        v = (uint32) strtoul(p->tok.val, NULL, 10);
    else
        syntax_error(p);
    next_token(p);
    return v;
}

/* '[' already consumed */
static JsonPathParseItem *
parse_subscripts(JspParser *p)
{
    JsonPathParseItem *v;
    int         n = 0,
                cap = 4;
    JsonPathSubscript *elems;

    if (tok_is_char(p, '*'))
    {
        next_token(p);
        expect_char(p, ']');
        return make_item(jpiAnyArray);
    }
    elems = palloc(sizeof(JsonPathSubscript) * cap);
    for (;;)
    {
        if (n == cap)
        {
            cap *= 2;
            elems = repalloc(elems, sizeof(JsonPathSubscript) * cap);
        }
        elems[n].from = parse_expr_only(p);
        elems[n].to = NULL;
        if (tok_is_kw(p, KW_TO))
        {
            next_token(p);
            elems[n].to = parse_expr_only(p);
        }
        n++;
        if (tok_is_char(p, ','))
        {
            next_token(p);
            continue;
        }
        expect_char(p, ']');
        break;
    }
    v = make_item(jpiIndexArray);
    v->value.array.nelems = n;
    v->value.array.elems = elems;
    return v;
}

/* one accessor after '.', '[' or '?' (the current token); NULL if none */
static JsonPathParseItem *
parse_accessor_op(JspParser *p)
{
    JsonPathParseItem *v;

    if (tok_is_char(p, '['))
    {
        next_token(p);
        return parse_subscripts(p);
    }
    if (tok_is_char(p, '?'))
    {
        next_token(p);
        expect_char(p, '(');
        v = make_item(jpiFilter);
        v->value.arg = parse_pred_only(p);
        expect_char(p, ')');
        return v;
    }
    if (!tok_is_char(p, '.'))
        return NULL;
    next_token(p);
    if (tok_is_char(p, '*'))
    {
        next_token(p);
        return make_item(jpiAnyKey);
    }
    if (p->tok.type == T_ANY)
    {
        next_token(p);
        v = make_item(jpiAny);
        v->value.anybounds.first = 0;
        v->value.anybounds.last = PG_UINT32_MAX;
        if (tok_is_char(p, '{'))
        {
            next_token(p);
            v->value.anybounds.first = parse_any_level(p);
            v->value.anybounds.last = v->value.anybounds.first;
            if (tok_is_kw(p, KW_TO))
            {
                next_token(p);
                v->value.anybounds.last = parse_any_level(p);
            }
            expect_char(p, '}');
        }
        return v;
    }
    if (p->tok.type == T_STRING)
    {
        v = make_string_item(jpiKey, &p->tok);
        next_token(p);
        return v;
    }
    if (p->tok.type != T_IDENT)
        syntax_error(p);
    {
        Token       name = p->tok;
        JsonPathItemType method = jpiNull;

        next_token(p);
        if (tok_is_char(p, '('))
        {
            switch (name.kw)
            {
                case KW_ABS: method = jpiAbs; break;
                case KW_SIZE: method = jpiSize; break;
                case KW_TYPE: method = jpiType; break;
                case KW_FLOOR: method = jpiFloor; break;
                case KW_DOUBLE: method = jpiDouble; break;
                case KW_CEILING: method = jpiCeiling; break;
                case KW_KEYVALUE: method = jpiKeyValue; break;
                case KW_DATETIME: method = jpiDatetime; break;
                default:
                    syntax_error(p);
            }
            next_token(p);
            v = make_item(method);
            if (method == jpiDatetime && p->tok.type == T_STRING)
            {
                v->value.arg = make_string_item(jpiString, &p->tok);
                next_token(p);
            }
            expect_char(p, ')');
            return v;
        }
        return make_string_item(jpiKey, &name);
    }
}

static PNode
parse_primary(JspParser *p)
{
    PNode       r = {NULL, false};
    Token      *t = &p->tok;

    if (++p->depth > JSONPATH_MAX_DEPTH)
        json_nesting_error();
    switch (t->type)
    {
        case T_STRING:
            r.item = make_string_item(jpiString, t);
            next_token(p);
            break;
        case T_VARIABLE:
            r.item = make_string_item(jpiVariable, t);
            next_token(p);
            break;
        case T_INT:
        case T_NUMERIC:
            r.item = make_numeric(t->val);
            next_token(p);
            break;
        case T_CHAR:
            if (t->ch == '$')
                r.item = make_item(jpiRoot);
            else if (t->ch == '@')
                r.item = make_item(jpiCurrent);
            else if (t->ch == '(')
            {
                next_token(p);
                r = parse_or(p);
                expect_char(p, ')');
                if (r.pred && tok_is_kw(p, KW_IS))
                {
                    next_token(p);
                    if (!tok_is_kw(p, KW_UNKNOWN))
                        syntax_error(p);
                    next_token(p);
                    r.item = make_unary(jpiIsUnknown, r.item);
                    p->depth--;
                    return r;
                }
                if (r.pred)
                {
                    /* (predicate) accessor_op makes it an expression */
                    JsonPathParseItem *acc = parse_accessor_op(p);

                    if (acc == NULL)
                    {
                        p->depth--;
                        return r;
                    }
                    chain_append(r.item, acc);
                    r.pred = false;
                }
                break;
            }
            else
                syntax_error(p);
            next_token(p);
            break;
        case T_IDENT:
            switch (t->kw)
            {
                case KW_NULL:
                    r.item = make_item(jpiNull);
                    break;
                case KW_TRUE:
                case KW_FALSE:
                    r.item = make_item(jpiBool);
                    r.item->value.boolean = t->kw == KW_TRUE;
                    break;
                case KW_LAST:
                    r.item = make_item(jpiLast);
                    break;
                case KW_EXISTS:
                    next_token(p);
                    expect_char(p, '(');
                    r.item = make_unary(jpiExists, parse_expr_only(p));
                    expect_char(p, ')');
                    r.pred = true;
                    p->depth--;
                    return r;
                default:
                    syntax_error(p);
            }
            next_token(p);
            break;
        default:
            syntax_error(p);
    }
    /* accessor chain */
    for (;;)
    {
        JsonPathParseItem *acc = parse_accessor_op(p);

        if (acc == NULL)
            break;
        chain_append(r.item, acc);
    }
    p->depth--;
    return r;
}

static PNode
parse_unary(JspParser *p)
{
    if (tok_is_char(p, '+') || tok_is_char(p, '-'))
    {
        JsonPathItemType type = tok_is_char(p, '+') ? jpiPlus : jpiMinus;
        PNode       a;

        next_token(p);
        if (++p->depth > JSONPATH_MAX_DEPTH)
            json_nesting_error();
        a = parse_unary(p);
        p->depth--;
        if (a.pred)
            syntax_error(p);
        a.item = make_unary(type, a.item);
        return a;
    }
    return parse_primary(p);
}

static PNode
parse_mul(JspParser *p)
{
    PNode       l = parse_unary(p);

    while (tok_is_char(p, '*') || tok_is_char(p, '/') || tok_is_char(p, '%'))
    {
        JsonPathItemType type = tok_is_char(p, '*') ? jpiMul :
            tok_is_char(p, '/') ? jpiDiv : jpiMod;
        PNode       r;

        if (l.pred)
            syntax_error(p);
        next_token(p);
        r = parse_unary(p);
        if (r.pred)
            syntax_error(p);
        l.item = make_binary(type, l.item, r.item);
    }
    return l;
}

static PNode
parse_additive(JspParser *p)
{
    PNode       l = parse_mul(p);

    while (tok_is_char(p, '+') || tok_is_char(p, '-'))
    {
        JsonPathItemType type = tok_is_char(p, '+') ? jpiAdd : jpiSub;
        PNode       r;

        if (l.pred)
            syntax_error(p);
        next_token(p);
        r = parse_mul(p);
        if (r.pred)
            syntax_error(p);
        l.item = make_binary(type, l.item, r.item);
    }
    return l;
}

static JsonPathItemType
comparison_type(JspParser *p)
{
    switch (p->tok.type)
    {
        case T_EQ: return jpiEqual;
        case T_NE: return jpiNotEqual;
        case T_LT: return jpiLess;
        case T_LE: return jpiLessOrEqual;
        case T_GT: return jpiGreater;
        case T_GE: return jpiGreaterOrEqual;
        default: return jpiNull;
    }
}

static uint32
parse_regex_flags(const char *flags, int len)
{
    uint32      f = 0;

    for (int i = 0; i < len; i++)
    {
        switch (flags[i])
        {
            case 'i': f |= JSP_REGEX_ICASE; break;
            case 's': f |= JSP_REGEX_DOTALL; break;
            case 'm': f |= JSP_REGEX_MLINE; break;
            case 'x': f |= JSP_REGEX_WSPACE; break;
            case 'q': f |= JSP_REGEX_QUOTE; break;
            default:
                ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("invalid input syntax for type %s", "jsonpath"),
                        errdetail("Unrecognized flag character \"%.*s\" in LIKE_REGEX predicate.",
                                  1, flags + i));
        }
    }
    return f;
}

int
jspConvertRegexFlags(uint32 xflags)
{
    int         cflags = REGEXF_ADVANCED;

    if (xflags & JSP_REGEX_ICASE)
        cflags |= REGEXF_ICASE;
    if (xflags & JSP_REGEX_QUOTE)
    {
        cflags &= ~REGEXF_ADVANCED;
        cflags |= REGEXF_QUOTE;
    }
    else
    {
        if (!(xflags & JSP_REGEX_DOTALL))
            cflags |= REGEXF_NLSTOP;
        if (xflags & JSP_REGEX_MLINE)
            cflags |= REGEXF_NLANCH;
        if (xflags & JSP_REGEX_WSPACE)
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("XQuery \"x\" flag (expanded regular expressions) is not implemented"));
    }
    return cflags;
}

static PNode
parse_comparison(JspParser *p)
{
    PNode       l;
    JsonPathItemType cmp;

    if (p->tok.type == T_NOT)
    {
        /* NOT delimited_predicate: "(" predicate ")" or exists (...) */
        next_token(p);
        if (!tok_is_char(p, '(') && !tok_is_kw(p, KW_EXISTS))
            syntax_error(p);
        if (tok_is_char(p, '('))
        {
            next_token(p);
            l.item = make_unary(jpiNot, parse_pred_only(p));
            expect_char(p, ')');
        }
        else
        {
            l = parse_primary(p);
            l.item = make_unary(jpiNot, l.item);
        }
        l.pred = true;
        return l;
    }
    l = parse_additive(p);
    cmp = comparison_type(p);
    if (cmp != jpiNull)
    {
        PNode       r;

        if (l.pred)
            syntax_error(p);
        next_token(p);
        r = parse_additive(p);
        if (r.pred)
            syntax_error(p);
        l.item = make_binary(cmp, l.item, r.item);
        l.pred = true;
    }
    else if (tok_is_kw(p, KW_STARTS))
    {
        JsonPathParseItem *init;

        if (l.pred)
            syntax_error(p);
        next_token(p);
        if (!tok_is_kw(p, KW_WITH))
            syntax_error(p);
        next_token(p);
        if (p->tok.type == T_STRING)
            init = make_string_item(jpiString, &p->tok);
        else if (p->tok.type == T_VARIABLE)
            init = make_string_item(jpiVariable, &p->tok);
        else
            syntax_error(p);
        next_token(p);
        l.item = make_binary(jpiStartsWith, l.item, init);
        l.pred = true;
    }
    else if (tok_is_kw(p, KW_LIKE_REGEX))
    {
        JsonPathParseItem *v = make_item(jpiLikeRegex);

        if (l.pred)
            syntax_error(p);
        next_token(p);
        if (p->tok.type != T_STRING)
            syntax_error(p);
        v->value.like_regex.expr = l.item;
        v->value.like_regex.pattern = p->tok.val;
        v->value.like_regex.patternlen = p->tok.len;
        next_token(p);
        if (tok_is_kw(p, KW_FLAG))
        {
            next_token(p);
            if (p->tok.type != T_STRING)
                syntax_error(p);
            v->value.like_regex.flags = parse_regex_flags(p->tok.val, p->tok.len);
            next_token(p);
        }
        /* check the pattern now, as PostgreSQL does */
        (void) regex_compile(v->value.like_regex.pattern, v->value.like_regex.patternlen,
                             jspConvertRegexFlags(v->value.like_regex.flags));
        l.item = v;
        l.pred = true;
    }
    return l;
}

static PNode
parse_and(JspParser *p)
{
    PNode       l = parse_comparison(p);

    while (p->tok.type == T_AND)
    {
        PNode       r;

        if (!l.pred)
            syntax_error(p);
        next_token(p);
        r = parse_comparison(p);
        if (!r.pred)
            syntax_error(p);
        l.item = make_binary(jpiAnd, l.item, r.item);
    }
    return l;
}

static PNode
parse_or(JspParser *p)
{
    PNode       l = parse_and(p);

    while (p->tok.type == T_OR)
    {
        PNode       r;

        if (!l.pred)
            syntax_error(p);
        next_token(p);
        r = parse_and(p);
        if (!r.pred)
            syntax_error(p);
        l.item = make_binary(jpiOr, l.item, r.item);
    }
    return l;
}

/*
 * Parse str (len bytes).  NULL for input with no tokens at all (the
 * caller's "invalid input syntax" error).
 */
JsonPathParseResult *
parsejsonpath(const char *str, int len)
{
    JspParser   p;
    JsonPathParseResult *res;

    memset(&p, 0, sizeof(p));
    p.s = str;
    p.len = len;
    next_token(&p);
    if (p.tok.type == T_EOF)
        return NULL;
    res = palloc0(sizeof(JsonPathParseResult));
    res->lax = true;
    if (tok_is_kw(&p, KW_STRICT) || tok_is_kw(&p, KW_LAX))
    {
        res->lax = p.tok.kw == KW_LAX;
        next_token(&p);
    }
    res->expr = parse_or(&p).item;
    if (p.tok.type != T_EOF)
        syntax_error(&p);
    return res;
}
