/*-------------------------------------------------------------------------
 * json_lex.c
 *    The JSON lexer and recursive-descent parser behind json and jsonb,
 *    with PostgreSQL's error reports.
 *
 * Entry points: makeJsonLexContextCstringLen, json_lex, pg_parse_json,
 * pg_parse_json_or_ereport, json_ereport_error, json_count_array_elements,
 * IsValidJsonNumber, escape_json.
 *
 * This is PostgreSQL 15's src/common/jsonapi.c, re-expressed: the same
 * grammar (RFC 8259 plus PostgreSQL's quirks), the same token boundaries
 * and therefore the same error texts.  An error report has three parts
 * that users see and tests compare:
 *
 *   ERROR:   invalid input syntax for type json                  22P02
 *            (or "unsupported Unicode escape sequence"           22P05)
 *   DETAIL:  which rule broke, quoting the offending token
 *   CONTEXT: JSON data, line N: <the line up to the end of the token>
 *
 * The token boundaries decide both DETAIL and CONTEXT, so the lexer keeps
 * PostgreSQL's exact rules for where a bad token ends: an alphanumeric run
 * (letters, digits, '_', any non-ASCII byte) is one token; a bad escape
 * ends after the offending character (FAIL_AT_CHAR_END); an unescaped
 * control character ends the token before itself.  CONTEXT shows at most
 * about 50 bytes before the token's end, prefixed with "..." when cut, and
 * "..." after when input remains on that line.
 *
 * String values are de-escaped into lex->strval only when the caller asks
 * (need_escapes).  json_in does not ask, so like PostgreSQL it accepts
 * "\u0000" and lone surrogates, which every function that de-escapes
 * (jsonb_in, ->>, ...) rejects.
 *
 * Nesting is limited to JSON_MAX_NESTING levels; deeper input raises
 * PostgreSQL's "stack depth limit exceeded", which PostgreSQL reaches at
 * about the same depth (14544 levels with its default max_stack_depth).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/json_lex.h"

typedef enum JsonParseContext
{
    JSON_PARSE_VALUE,           /* expecting a value */
    JSON_PARSE_STRING,          /* expecting a string (for a field name) */
    JSON_PARSE_ARRAY_START,     /* saw '[', expecting value or ']' */
    JSON_PARSE_ARRAY_NEXT,      /* saw array element, expecting ',' or ']' */
    JSON_PARSE_OBJECT_START,    /* saw '{', expecting label or '}' */
    JSON_PARSE_OBJECT_LABEL,    /* saw object label, expecting ':' */
    JSON_PARSE_OBJECT_NEXT,     /* saw object value, expecting ',' or '}' */
    JSON_PARSE_OBJECT_COMMA,    /* saw object ',', expecting next label */
    JSON_PARSE_END              /* saw the end of a document, expect nothing */
} JsonParseContext;

static JsonParseErrorType parse_scalar(JsonLexContext *lex, JsonSemAction *sem);
static JsonParseErrorType parse_object(JsonLexContext *lex, JsonSemAction *sem);
static JsonParseErrorType parse_array(JsonLexContext *lex, JsonSemAction *sem);

#define JSON_ALPHANUMERIC_CHAR(c)  \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || \
     ((c) >= '0' && (c) <= '9') || (c) == '_' || ((unsigned char) (c) & 0x80))

/* Byte length of the UTF-8 character starting at s (1 for a stray byte). */
static inline int
utf8_mblen(const char *s)
{
    unsigned char c = (unsigned char) *s;

    if ((c & 0x80) == 0)
        return 1;
    if ((c & 0xe0) == 0xc0)
        return 2;
    if ((c & 0xf0) == 0xe0)
        return 3;
    if ((c & 0xf8) == 0xf0)
        return 4;
    return 1;
}

/* ================================================================ lexer */

void
makeJsonLexContextCstringLen(JsonLexContext *lex, const char *json, int len,
                             bool need_escapes)
{
    memset(lex, 0, sizeof(*lex));
    lex->input = lex->token_terminator = lex->line_start = json;
    lex->line_number = 1;
    lex->input_length = len;
    if (need_escapes)
        lex->strval = makeStringInfo();
}

static inline JsonTokenType
lex_peek(JsonLexContext *lex)
{
    return lex->token_type;
}

/* Append code point ch (1..0x10FFFF) as UTF-8. */
static void
append_utf8(StringInfo buf, int ch)
{
    char c[4];
    int  n;

    if (ch < 0x80)
    {
        c[0] = (char) ch;
        n = 1;
    }
    else if (ch < 0x800)
    {
        c[0] = (char) (0xC0 | (ch >> 6));
        c[1] = (char) (0x80 | (ch & 0x3F));
        n = 2;
    }
    else if (ch < 0x10000)
    {
        c[0] = (char) (0xE0 | (ch >> 12));
        c[1] = (char) (0x80 | ((ch >> 6) & 0x3F));
        c[2] = (char) (0x80 | (ch & 0x3F));
        n = 3;
    }
    else
    {
        c[0] = (char) (0xF0 | (ch >> 18));
        c[1] = (char) (0x80 | ((ch >> 12) & 0x3F));
        c[2] = (char) (0x80 | ((ch >> 6) & 0x3F));
        c[3] = (char) (0x80 | (ch & 0x3F));
        n = 4;
    }
    appendBinaryStringInfo(buf, c, n);
}

/*
 * Lex a string token whose opening quote is lex->token_start; on success
 * token_terminator is just past the closing quote.
 */
static JsonParseErrorType
json_lex_string(JsonLexContext *lex)
{
    const char *s;
    const char *const end = lex->input + lex->input_length;
    int         hi_surrogate = -1;

#define FAIL_AT_CHAR_START(code) \
    do { lex->token_terminator = s; return (code); } while (0)
#define FAIL_AT_CHAR_END(code) \
    do { \
        const char *term_ = s + utf8_mblen(s); \
        lex->token_terminator = (term_ <= end) ? term_ : end; \
        return (code); \
    } while (0)

    if (lex->strval != NULL)
        resetStringInfo(lex->strval);

    s = lex->token_start;
    for (;;)
    {
        s++;
        if (s >= end)
            FAIL_AT_CHAR_START(JSON_INVALID_TOKEN);
        else if (*s == '"')
            break;
        else if (*s == '\\')
        {
            s++;
            if (s >= end)
                FAIL_AT_CHAR_START(JSON_INVALID_TOKEN);
            else if (*s == 'u')
            {
                int ch = 0;

                for (int i = 1; i <= 4; i++)
                {
                    s++;
                    if (s >= end)
                        FAIL_AT_CHAR_START(JSON_INVALID_TOKEN);
                    else if (*s >= '0' && *s <= '9')
                        ch = (ch * 16) + (*s - '0');
                    else if (*s >= 'a' && *s <= 'f')
                        ch = (ch * 16) + (*s - 'a') + 10;
                    else if (*s >= 'A' && *s <= 'F')
                        ch = (ch * 16) + (*s - 'A') + 10;
                    else
                        FAIL_AT_CHAR_END(JSON_UNICODE_ESCAPE_FORMAT);
                }
                if (lex->strval != NULL)
                {
                    /* combine surrogate pairs */
                    if (ch >= 0xD800 && ch <= 0xDBFF)
                    {
                        if (hi_surrogate != -1)
                            FAIL_AT_CHAR_END(JSON_UNICODE_HIGH_SURROGATE);
                        hi_surrogate = ch;
                        continue;
                    }
                    else if (ch >= 0xDC00 && ch <= 0xDFFF)
                    {
                        if (hi_surrogate == -1)
                            FAIL_AT_CHAR_END(JSON_UNICODE_LOW_SURROGATE);
                        ch = ((hi_surrogate & 0x3FF) << 10) + (ch & 0x3FF) + 0x10000;
                        hi_surrogate = -1;
                    }
                    if (hi_surrogate != -1)
                        FAIL_AT_CHAR_END(JSON_UNICODE_LOW_SURROGATE);
                    /* text cannot hold NUL */
                    if (ch == 0)
                        FAIL_AT_CHAR_END(JSON_UNICODE_CODE_POINT_ZERO);
                    append_utf8(lex->strval, ch);
                }
            }
            else if (lex->strval != NULL)
            {
                if (hi_surrogate != -1)
                    FAIL_AT_CHAR_END(JSON_UNICODE_LOW_SURROGATE);
                switch (*s)
                {
                    case '"':
                    case '\\':
                    case '/':
                        appendStringInfoChar(lex->strval, *s);
                        break;
                    case 'b':
                        appendStringInfoChar(lex->strval, '\b');
                        break;
                    case 'f':
                        appendStringInfoChar(lex->strval, '\f');
                        break;
                    case 'n':
                        appendStringInfoChar(lex->strval, '\n');
                        break;
                    case 'r':
                        appendStringInfoChar(lex->strval, '\r');
                        break;
                    case 't':
                        appendStringInfoChar(lex->strval, '\t');
                        break;
                    default:
                        /* report just the escape sequence, not the string */
                        lex->token_start = s;
                        FAIL_AT_CHAR_END(JSON_ESCAPING_INVALID);
                }
            }
            else if (strchr("\"\\/bfnrt", *s) == NULL)
            {
                lex->token_start = s;
                FAIL_AT_CHAR_END(JSON_ESCAPING_INVALID);
            }
        }
        else
        {
            const char *p = s;

            if (hi_surrogate != -1)
                FAIL_AT_CHAR_END(JSON_UNICODE_LOW_SURROGATE);

            for (; p < end; p++)
            {
                if (*p == '\\' || *p == '"')
                    break;
                else if ((unsigned char) *p < 32)
                {
                    /* must be escaped; not printable, so left out of CONTEXT */
                    lex->token_terminator = p;
                    return JSON_ESCAPING_REQUIRED;
                }
            }
            if (lex->strval != NULL)
                appendBinaryStringInfo(lex->strval, s, (int) (p - s));
            s = p - 1;
        }
    }

    if (hi_surrogate != -1)
    {
        lex->token_terminator = s + 1;
        return JSON_UNICODE_LOW_SURROGATE;
    }

    lex->prev_token_terminator = lex->token_terminator;
    lex->token_terminator = s + 1;
    return JSON_SUCCESS;

#undef FAIL_AT_CHAR_START
#undef FAIL_AT_CHAR_END
}

/*
 * Lex a number starting at s (after any '-').  With num_err NULL the
 * token ends lex's current token; otherwise the caller gets the verdict
 * and length (IsValidJsonNumber).
 */
static JsonParseErrorType
json_lex_number(JsonLexContext *lex, const char *s, bool *num_err, int *total_len)
{
    bool error = false;
    int  len = (int) (s - lex->input);

    /* integer part: 0 or [1-9][0-9]* */
    if (len < lex->input_length && *s == '0')
    {
        s++;
        len++;
    }
    else if (len < lex->input_length && *s >= '1' && *s <= '9')
    {
        do
        {
            s++;
            len++;
        } while (len < lex->input_length && *s >= '0' && *s <= '9');
    }
    else
        error = true;

    /* fraction */
    if (len < lex->input_length && *s == '.')
    {
        s++;
        len++;
        if (len == lex->input_length || *s < '0' || *s > '9')
            error = true;
        else
        {
            do
            {
                s++;
                len++;
            } while (len < lex->input_length && *s >= '0' && *s <= '9');
        }
    }

    /* exponent */
    if (len < lex->input_length && (*s == 'e' || *s == 'E'))
    {
        s++;
        len++;
        if (len < lex->input_length && (*s == '+' || *s == '-'))
        {
            s++;
            len++;
        }
        if (len == lex->input_length || *s < '0' || *s > '9')
            error = true;
        else
        {
            do
            {
                s++;
                len++;
            } while (len < lex->input_length && *s >= '0' && *s <= '9');
        }
    }

    /* trailing alphanumerics belong to the (bad) token */
    for (; len < lex->input_length && JSON_ALPHANUMERIC_CHAR(*s); s++, len++)
        error = true;

    if (total_len != NULL)
        *total_len = len;

    if (num_err != NULL)
        *num_err = error;
    else
    {
        lex->prev_token_terminator = lex->token_terminator;
        lex->token_terminator = s;
        if (error)
            return JSON_INVALID_TOKEN;
    }
    return JSON_SUCCESS;
}

/* Advance to the next token. */
JsonParseErrorType
json_lex(JsonLexContext *lex)
{
    const char *s;
    int         len;
    JsonParseErrorType result;

    /* skip whitespace, counting lines */
    s = lex->token_terminator;
    len = (int) (s - lex->input);
    while (len < lex->input_length &&
           (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
    {
        if (*s++ == '\n')
        {
            ++lex->line_number;
            lex->line_start = s;
        }
        len++;
    }
    lex->token_start = s;

    if (len >= lex->input_length)
    {
        lex->token_start = NULL;
        lex->prev_token_terminator = lex->token_terminator;
        lex->token_terminator = s;
        lex->token_type = JSON_TOKEN_END;
        return JSON_SUCCESS;
    }

    switch (*s)
    {
        case '{':
        case '}':
        case '[':
        case ']':
        case ',':
        case ':':
            lex->prev_token_terminator = lex->token_terminator;
            lex->token_terminator = s + 1;
            lex->token_type = *s == '{' ? JSON_TOKEN_OBJECT_START :
                *s == '}' ? JSON_TOKEN_OBJECT_END :
                *s == '[' ? JSON_TOKEN_ARRAY_START :
                *s == ']' ? JSON_TOKEN_ARRAY_END :
                *s == ',' ? JSON_TOKEN_COMMA : JSON_TOKEN_COLON;
            break;
        case '"':
            result = json_lex_string(lex);
            if (result != JSON_SUCCESS)
                return result;
            lex->token_type = JSON_TOKEN_STRING;
            break;
        case '-':
            result = json_lex_number(lex, s + 1, NULL, NULL);
            if (result != JSON_SUCCESS)
                return result;
            lex->token_type = JSON_TOKEN_NUMBER;
            break;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            result = json_lex_number(lex, s, NULL, NULL);
            if (result != JSON_SUCCESS)
                return result;
            lex->token_type = JSON_TOKEN_NUMBER;
            break;
        default:
            {
                const char *p;

                /*
                 * Only true, false and null may start here; scan the whole
                 * alphanumeric word so an error quotes all of it.
                 */
                for (p = s; p - s < lex->input_length - len && JSON_ALPHANUMERIC_CHAR(*p); p++)
                    ;
                if (p == s)
                {
                    /* unexpected punctuation: complain about that character */
                    lex->prev_token_terminator = lex->token_terminator;
                    lex->token_terminator = s + 1;
                    return JSON_INVALID_TOKEN;
                }
                lex->prev_token_terminator = lex->token_terminator;
                lex->token_terminator = p;
                if (p - s == 4 && memcmp(s, "true", 4) == 0)
                    lex->token_type = JSON_TOKEN_TRUE;
                else if (p - s == 4 && memcmp(s, "null", 4) == 0)
                    lex->token_type = JSON_TOKEN_NULL;
                else if (p - s == 5 && memcmp(s, "false", 5) == 0)
                    lex->token_type = JSON_TOKEN_FALSE;
                else
                    return JSON_INVALID_TOKEN;
            }
    }
    return JSON_SUCCESS;
}

bool
IsValidJsonNumber(const char *str, int len)
{
    bool           numeric_error;
    int            total_len;
    JsonLexContext dummy_lex;

    if (len <= 0)
        return false;

    memset(&dummy_lex, 0, sizeof(dummy_lex));
    /* json_lex_number expects a leading '-' to have been eaten already */
    if (*str == '-')
    {
        dummy_lex.input = str + 1;
        dummy_lex.input_length = len - 1;
    }
    else
    {
        dummy_lex.input = str;
        dummy_lex.input_length = len;
    }
    json_lex_number(&dummy_lex, dummy_lex.input, &numeric_error, &total_len);
    return !numeric_error && total_len == dummy_lex.input_length;
}

/* ================================================================ parser */

static JsonParseErrorType
report_parse_error(JsonParseContext ctx, JsonLexContext *lex)
{
    if (lex->token_start == NULL || lex->token_type == JSON_TOKEN_END)
        return JSON_EXPECTED_MORE;

    switch (ctx)
    {
        case JSON_PARSE_END:
            return JSON_EXPECTED_END;
        case JSON_PARSE_VALUE:
            return JSON_EXPECTED_JSON;
        case JSON_PARSE_STRING:
            return JSON_EXPECTED_STRING;
        case JSON_PARSE_ARRAY_START:
            return JSON_EXPECTED_ARRAY_FIRST;
        case JSON_PARSE_ARRAY_NEXT:
            return JSON_EXPECTED_ARRAY_NEXT;
        case JSON_PARSE_OBJECT_START:
            return JSON_EXPECTED_OBJECT_FIRST;
        case JSON_PARSE_OBJECT_LABEL:
            return JSON_EXPECTED_COLON;
        case JSON_PARSE_OBJECT_NEXT:
            return JSON_EXPECTED_OBJECT_NEXT;
        case JSON_PARSE_OBJECT_COMMA:
            return JSON_EXPECTED_STRING;
    }
    return JSON_EXPECTED_JSON;
}

static inline JsonParseErrorType
lex_expect(JsonParseContext ctx, JsonLexContext *lex, JsonTokenType token)
{
    if (lex_peek(lex) == token)
        return json_lex(lex);
    return report_parse_error(ctx, lex);
}

void
json_nesting_error(void)
{
    ereport(ERROR, errcode(ERRCODE_STATEMENT_TOO_COMPLEX),
            errmsg("stack depth limit exceeded"),
            errhint("Increase the configuration parameter \"max_stack_depth\" (currently %dkB), "
                    "after ensuring the platform's stack depth limit is adequate.", 2048));
}

JsonParseErrorType
pg_parse_json(JsonLexContext *lex, JsonSemAction *sem)
{
    JsonParseErrorType result;

    result = json_lex(lex);
    if (result != JSON_SUCCESS)
        return result;

    switch (lex_peek(lex))
    {
        case JSON_TOKEN_OBJECT_START:
            result = parse_object(lex, sem);
            break;
        case JSON_TOKEN_ARRAY_START:
            result = parse_array(lex, sem);
            break;
        default:
            result = parse_scalar(lex, sem);    /* a bare scalar is JSON too */
    }
    if (result == JSON_SUCCESS)
        result = lex_expect(JSON_PARSE_END, lex, JSON_TOKEN_END);
    return result;
}

void
pg_parse_json_or_ereport(JsonLexContext *lex, JsonSemAction *sem)
{
    JsonParseErrorType result = pg_parse_json(lex, sem);

    if (result != JSON_SUCCESS)
        json_ereport_error(result, lex);
}

static JsonParseErrorType
parse_scalar(JsonLexContext *lex, JsonSemAction *sem)
{
    char          *val = NULL;
    json_scalar_action sfunc = sem->scalar;
    JsonTokenType  tok = lex_peek(lex);
    JsonParseErrorType result;

    switch (tok)
    {
        case JSON_TOKEN_TRUE:
        case JSON_TOKEN_FALSE:
        case JSON_TOKEN_NULL:
        case JSON_TOKEN_NUMBER:
        case JSON_TOKEN_STRING:
            break;
        default:
            return report_parse_error(JSON_PARSE_VALUE, lex);
    }

    if (sfunc != NULL)
    {
        if (tok == JSON_TOKEN_STRING)
        {
            if (lex->strval != NULL)
                val = pstrdup(lex->strval->data);
        }
        else
            val = pnstrdup(lex->token_start, lex->token_terminator - lex->token_start);
    }

    result = json_lex(lex);
    if (result != JSON_SUCCESS)
        return result;

    if (sfunc != NULL)
        (*sfunc) (sem->semstate, val, tok);
    return JSON_SUCCESS;
}

static JsonParseErrorType
parse_value(JsonLexContext *lex, JsonSemAction *sem)
{
    switch (lex_peek(lex))
    {
        case JSON_TOKEN_OBJECT_START:
            return parse_object(lex, sem);
        case JSON_TOKEN_ARRAY_START:
            return parse_array(lex, sem);
        default:
            return parse_scalar(lex, sem);
    }
}

static JsonParseErrorType
parse_object_field(JsonLexContext *lex, JsonSemAction *sem)
{
    char       *fname = NULL;
    json_ofield_action ostart = sem->object_field_start;
    json_ofield_action oend = sem->object_field_end;
    bool        isnull;
    JsonParseErrorType result;

    if (lex_peek(lex) != JSON_TOKEN_STRING)
        return report_parse_error(JSON_PARSE_STRING, lex);
    if ((ostart != NULL || oend != NULL) && lex->strval != NULL)
        fname = pstrdup(lex->strval->data);
    result = json_lex(lex);
    if (result != JSON_SUCCESS)
        return result;

    result = lex_expect(JSON_PARSE_OBJECT_LABEL, lex, JSON_TOKEN_COLON);
    if (result != JSON_SUCCESS)
        return result;

    isnull = lex_peek(lex) == JSON_TOKEN_NULL;
    if (ostart != NULL)
        (*ostart) (sem->semstate, fname, isnull);

    result = parse_value(lex, sem);
    if (result != JSON_SUCCESS)
        return result;

    if (oend != NULL)
        (*oend) (sem->semstate, fname, isnull);
    return JSON_SUCCESS;
}

static JsonParseErrorType
parse_object(JsonLexContext *lex, JsonSemAction *sem)
{
    json_struct_action ostart = sem->object_start;
    json_struct_action oend = sem->object_end;
    JsonParseErrorType result;

    if (lex->lex_level >= JSON_MAX_NESTING)
        json_nesting_error();

    if (ostart != NULL)
        (*ostart) (sem->semstate);

    /* callbacks see the level inside the object from here on */
    lex->lex_level++;

    result = json_lex(lex);         /* past the '{' */
    if (result != JSON_SUCCESS)
        return result;

    switch (lex_peek(lex))
    {
        case JSON_TOKEN_STRING:
            result = parse_object_field(lex, sem);
            while (result == JSON_SUCCESS && lex_peek(lex) == JSON_TOKEN_COMMA)
            {
                result = json_lex(lex);
                if (result != JSON_SUCCESS)
                    break;
                result = parse_object_field(lex, sem);
            }
            break;
        case JSON_TOKEN_OBJECT_END:
            break;
        default:
            result = report_parse_error(JSON_PARSE_OBJECT_START, lex);
    }
    if (result != JSON_SUCCESS)
        return result;

    result = lex_expect(JSON_PARSE_OBJECT_NEXT, lex, JSON_TOKEN_OBJECT_END);
    if (result != JSON_SUCCESS)
        return result;

    lex->lex_level--;
    if (oend != NULL)
        (*oend) (sem->semstate);
    return JSON_SUCCESS;
}

static JsonParseErrorType
parse_array_element(JsonLexContext *lex, JsonSemAction *sem)
{
    json_aelem_action astart = sem->array_element_start;
    json_aelem_action aend = sem->array_element_end;
    bool        isnull = lex_peek(lex) == JSON_TOKEN_NULL;
    JsonParseErrorType result;

    if (astart != NULL)
        (*astart) (sem->semstate, isnull);

    result = parse_value(lex, sem);
    if (result != JSON_SUCCESS)
        return result;

    if (aend != NULL)
        (*aend) (sem->semstate, isnull);
    return JSON_SUCCESS;
}

static JsonParseErrorType
parse_array(JsonLexContext *lex, JsonSemAction *sem)
{
    json_struct_action astart = sem->array_start;
    json_struct_action aend = sem->array_end;
    JsonParseErrorType result;

    if (lex->lex_level >= JSON_MAX_NESTING)
        json_nesting_error();

    if (astart != NULL)
        (*astart) (sem->semstate);

    lex->lex_level++;

    result = lex_expect(JSON_PARSE_ARRAY_START, lex, JSON_TOKEN_ARRAY_START);
    if (result == JSON_SUCCESS && lex_peek(lex) != JSON_TOKEN_ARRAY_END)
    {
        result = parse_array_element(lex, sem);
        while (result == JSON_SUCCESS && lex_peek(lex) == JSON_TOKEN_COMMA)
        {
            result = json_lex(lex);
            if (result != JSON_SUCCESS)
                break;
            result = parse_array_element(lex, sem);
        }
    }
    if (result != JSON_SUCCESS)
        return result;

    result = lex_expect(JSON_PARSE_ARRAY_NEXT, lex, JSON_TOKEN_ARRAY_END);
    if (result != JSON_SUCCESS)
        return result;

    lex->lex_level--;
    if (aend != NULL)
        (*aend) (sem->semstate);
    return JSON_SUCCESS;
}

/*
 * Count the elements of the array starting at the current token ('['),
 * without moving lex (PostgreSQL's json_count_array_elements: it parses a
 * copy, so errors in the array are reported the same way).
 */
JsonParseErrorType
json_count_array_elements(JsonLexContext *lex, int *elements)
{
    JsonLexContext copylex;
    int            count = 0;
    JsonParseErrorType result;
    JsonSemAction  nullsem;

    memcpy(&copylex, lex, sizeof(JsonLexContext));
    copylex.strval = NULL;      /* not interested in values here */
    copylex.lex_level++;
    memset(&nullsem, 0, sizeof(nullsem));

    result = lex_expect(JSON_PARSE_ARRAY_START, &copylex, JSON_TOKEN_ARRAY_START);
    if (result != JSON_SUCCESS)
        return result;
    if (lex_peek(&copylex) != JSON_TOKEN_ARRAY_END)
    {
        while (1)
        {
            count++;
            result = parse_array_element(&copylex, &nullsem);
            if (result != JSON_SUCCESS)
                return result;
            if (copylex.token_type != JSON_TOKEN_COMMA)
                break;
            result = json_lex(&copylex);
            if (result != JSON_SUCCESS)
                return result;
        }
    }
    result = lex_expect(JSON_PARSE_ARRAY_NEXT, &copylex, JSON_TOKEN_ARRAY_END);
    if (result != JSON_SUCCESS)
        return result;
    *elements = count;
    return JSON_SUCCESS;
}

/* ================================================================ errors */

static char *
extract_token(JsonLexContext *lex)
{
    return pnstrdup(lex->token_start, lex->token_terminator - lex->token_start);
}

static char *
json_errdetail(JsonParseErrorType error, JsonLexContext *lex)
{
    switch (error)
    {
        case JSON_SUCCESS:
            break;
        case JSON_ESCAPING_INVALID:
            return psprintf("Escape sequence \"\\%s\" is invalid.", extract_token(lex));
        case JSON_ESCAPING_REQUIRED:
            return psprintf("Character with value 0x%02x must be escaped.",
                            (unsigned char) *(lex->token_terminator));
        case JSON_EXPECTED_END:
            return psprintf("Expected end of input, but found \"%s\".", extract_token(lex));
        case JSON_EXPECTED_ARRAY_FIRST:
            return psprintf("Expected array element or \"]\", but found \"%s\".",
                            extract_token(lex));
        case JSON_EXPECTED_ARRAY_NEXT:
            return psprintf("Expected \",\" or \"]\", but found \"%s\".", extract_token(lex));
        case JSON_EXPECTED_COLON:
            return psprintf("Expected \":\", but found \"%s\".", extract_token(lex));
        case JSON_EXPECTED_JSON:
            return psprintf("Expected JSON value, but found \"%s\".", extract_token(lex));
        case JSON_EXPECTED_MORE:
            return pstrdup("The input string ended unexpectedly.");
        case JSON_EXPECTED_OBJECT_FIRST:
            return psprintf("Expected string or \"}\", but found \"%s\".", extract_token(lex));
        case JSON_EXPECTED_OBJECT_NEXT:
            return psprintf("Expected \",\" or \"}\", but found \"%s\".", extract_token(lex));
        case JSON_EXPECTED_STRING:
            return psprintf("Expected string, but found \"%s\".", extract_token(lex));
        case JSON_INVALID_TOKEN:
            return psprintf("Token \"%s\" is invalid.", extract_token(lex));
        case JSON_UNICODE_CODE_POINT_ZERO:
            return pstrdup("\\u0000 cannot be converted to text.");
        case JSON_UNICODE_ESCAPE_FORMAT:
            return pstrdup("\"\\u\" must be followed by four hexadecimal digits.");
        case JSON_UNICODE_HIGH_SURROGATE:
            return pstrdup("Unicode high surrogate must not follow a high surrogate.");
        case JSON_UNICODE_LOW_SURROGATE:
            return pstrdup("Unicode low surrogate must follow a high surrogate.");
    }
    elog(ERROR, "unexpected json parse error type: %d", (int) error);
    return NULL;
}

/* The CONTEXT line: the current line up to the end of the bad token. */
static char *
json_error_context(JsonLexContext *lex)
{
    const char *line_start = lex->line_start;
    const char *context_start = line_start;
    const char *context_end = lex->token_terminator;
    const char *prefix;
    const char *suffix;

    /* show at most ~50 bytes, cut at a character boundary */
    while (context_end - context_start >= 50)
    {
        if ((unsigned char) *context_start & 0x80)
            context_start += utf8_mblen(context_start);
        else
            context_start++;
    }
    /* within 3 bytes of the line start: show the whole line */
    if (context_start - line_start <= 3)
        context_start = line_start;

    prefix = (context_start > line_start) ? "..." : "";
    suffix = (lex->token_type != JSON_TOKEN_END &&
              context_end - lex->input < lex->input_length &&
              *context_end != '\n' && *context_end != '\r') ? "..." : "";

    return psprintf("JSON data, line %d: %s%.*s%s", lex->line_number, prefix,
                    (int) (context_end - context_start), context_start, suffix);
}

void
json_ereport_error(JsonParseErrorType error, JsonLexContext *lex)
{
    char *detail = json_errdetail(error, lex);
    char *context = json_error_context(lex);

    if (error == JSON_UNICODE_CODE_POINT_ZERO)
        ereport(ERROR, errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
                errmsg("unsupported Unicode escape sequence"),
                errdetail_internal("%s", detail),
                errcontext_msg("%s", context));
    else
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("invalid input syntax for type %s", "json"),
                errdetail_internal("%s", detail),
                errcontext_msg("%s", context));
}

/* ================================================================ output */

void
escape_json_len(StringInfo buf, const char *str, int len)
{
    appendStringInfoChar(buf, '"');
    for (int i = 0; i < len; i++)
    {
        char c = str[i];

        switch (c)
        {
            case '\b':
                appendStringInfoString(buf, "\\b");
                break;
            case '\f':
                appendStringInfoString(buf, "\\f");
                break;
            case '\n':
                appendStringInfoString(buf, "\\n");
                break;
            case '\r':
                appendStringInfoString(buf, "\\r");
                break;
            case '\t':
                appendStringInfoString(buf, "\\t");
                break;
            case '"':
                appendStringInfoString(buf, "\\\"");
                break;
            case '\\':
                appendStringInfoString(buf, "\\\\");
                break;
            default:
                if ((unsigned char) c < ' ')
                    appendStringInfo(buf, "\\u%04x", (int) c);
                else
                    appendStringInfoChar(buf, c);
                break;
        }
    }
    appendStringInfoChar(buf, '"');
}

void
escape_json(StringInfo buf, const char *str)
{
    escape_json_len(buf, str, (int) strlen(str));
}
