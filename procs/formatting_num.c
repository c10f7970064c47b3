/*-------------------------------------------------------------------------
 * formatting_num.c
 *    to_char(numeric|int4|int8|float4|float8, text): numbers formatted by
 *    PostgreSQL 15's number template patterns; to_number(text, text),
 *    which reads a number by the same patterns (one template parser).
 *
 * Principal entry points: numeric_to_char, int4_to_char, int8_to_char,
 * float4_to_char, float8_to_char, numeric_to_number.
 *
 * Patterns (PostgreSQL documentation, "Template Patterns for Numeric
 * Formatting"): 9 digit (blank when a leading zero), 0 digit (leading
 * zeros kept from the first 0 on), . and D decimal point, , and G group
 * separator (blank before the first digit), S sign anchored to the number
 * (+/-), MI PL SG sign at that position (- / + / both), PR negative in
 * angle brackets, L currency symbol (the C locale has none: a space),
 * V multiply by 10^(digits after V), EEEE scientific notation, RN/rn
 * Roman numerals (1..3999), TH/th ordinal suffix, FM fill mode (no
 * padding, no trailing fraction zeros past the last 0).  Anything else is
 * copied; "..." quotes literal text.
 *
 * How a value is laid out:
 *    1. the template is parsed into nodes and a summary (NumDesc: digits
 *       before (pre) and after (post) the point, where zeros begin, which
 *       sign style);
 *    2. the value is rounded to post fraction digits (after scaling by V)
 *       and split into sign, integer digits and fraction digits; integer
 *       digits that do not fit in pre become '#' everywhere;
 *    3. the nodes are walked: integer digits are right-aligned in the pre
 *       positions; the sign (unless MI, SG or a trailing S places it)
 *       floats to just before the first printed integer position, or the
 *       point.  A zero integer part prints as blank when there are
 *       fraction digits (".5"), as PostgreSQL (after Oracle) does.
 *
 * The value is converted as PostgreSQL converts it: numeric and integers
 * exactly (integers by way of numeric), floats with printf, limited to
 * DBL_DIG/FLT_DIG significant digits.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <float.h>
#include <math.h>
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/numeric.h"
#include "procs/formatting_int.h"


/* ---------------------------------------------------------------- template */

typedef enum NumKey
{
    NK_LIT,                     /* a literal character */
    NK_9, NK_0, NK_DEC, NK_D, NK_COMMA, NK_G,
    NK_S, NK_MI, NK_PL, NK_SG, NK_PR,
    NK_L, NK_V, NK_EEEE, NK_RN, NK_TH, NK_FM, NK_B
} NumKey;

typedef struct NumNode
{
    NumKey      key;
    bool        lower;          /* rn, th */
    char        ch;             /* NK_LIT */
} NumNode;

typedef struct NumDesc
{
    int         pre;            /* digit positions before the point */
    int         post;           /* digit positions after it */
    int         multi;          /* V: digits after V */
    int         zero_start;     /* 1-based integer position of the first 0, or 0 */
    int         zero_end_frac;  /* fraction positions up to the last 0 */
    bool        decimal;
    bool        fillmode;
    bool        lsign_pre;      /* S before the digits */
    bool        lsign_post;     /* S after them */
    bool        minus, plus, bracket, eeee, roman;
} NumDesc;

static const struct
{
    const char *name;
    NumKey      key;
    bool        lower;
} num_keywords[] = {
    {"EEEE", NK_EEEE, false}, {"eeee", NK_EEEE, true},
    {"FM", NK_FM, false}, {"fm", NK_FM, true},
    {"MI", NK_MI, false}, {"mi", NK_MI, true},
    {"PL", NK_PL, false}, {"pl", NK_PL, true},
    {"PR", NK_PR, false}, {"pr", NK_PR, true},
    {"RN", NK_RN, false}, {"rn", NK_RN, true},
    {"SG", NK_SG, false}, {"sg", NK_SG, true},
    {"TH", NK_TH, false}, {"th", NK_TH, true},
    {",", NK_COMMA, false}, {".", NK_DEC, false},
    {"0", NK_0, false}, {"9", NK_9, false},
    {"B", NK_B, false}, {"b", NK_B, true},
    {"D", NK_D, false}, {"d", NK_D, true},
    {"G", NK_G, false}, {"g", NK_G, true},
    {"L", NK_L, false}, {"l", NK_L, true},
    {"S", NK_S, false}, {"s", NK_S, true},
    {"V", NK_V, false}, {"v", NK_V, true},
};

pg_attribute_noreturn() static void
num_syntax_error(const char *msg)
{
    ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR), errmsg("%s", msg));
}

/* Parse fmt into nodes (returned, count in *n) and its summary *d. */
static NumNode *
num_parse(const char *fmt, int len, NumDesc *d, int *n)
{
    NumNode    *nodes = palloc((len + 1) * sizeof(NumNode));
    int         cnt = 0;
    const char *p = fmt, *end = fmt + len;
    bool        seen_v = false;

    memset(d, 0, sizeof(*d));
    while (p < end)
    {
        int         k;
        NumNode    *node;

        for (k = 0; k < (int) lengthof(num_keywords); k++)
        {
            size_t      kl = strlen(num_keywords[k].name);

            if ((size_t) (end - p) >= kl && strncmp(p, num_keywords[k].name, kl) == 0)
                break;
        }
        if (k == (int) lengthof(num_keywords))
        {
            if (*p == '"')
            {
                /* quoted literal text: every character up to the closing quote */
                p++;
                while (p < end && *p != '"')
                {
                    if (*p == '\\' && p + 1 < end)
                        p++;
                    nodes[cnt].key = NK_LIT;
                    nodes[cnt].lower = false;
                    nodes[cnt++].ch = *p++;
                }
                if (p < end)
                    p++;
                continue;
            }
            if (*p == '\\' && p + 1 < end && p[1] == '"')
                p++;
            nodes[cnt].key = NK_LIT;
            nodes[cnt].lower = false;
            nodes[cnt++].ch = *p++;
            continue;
        }
        node = &nodes[cnt++];
        node->key = num_keywords[k].key;
        node->lower = num_keywords[k].lower;
        node->ch = 0;
        p += strlen(num_keywords[k].name);

        if (d->eeee)
            num_syntax_error(node->key == NK_EEEE ? "cannot use \"EEEE\" twice"
                             : "\"EEEE\" must be the last pattern used");

        switch (node->key)
        {
            case NK_9:
            case NK_0:
                if (d->bracket)
                    num_syntax_error("\"9\" must be ahead of \"PR\"");
                if (seen_v)
                    d->multi++;
                else if (d->decimal)
                {
                    d->post++;
                    if (node->key == NK_0)
                        d->zero_end_frac = d->post;
                }
                else
                {
                    d->pre++;
                    if (node->key == NK_0 && d->zero_start == 0)
                        d->zero_start = d->pre;
                }
                break;
            case NK_DEC:
            case NK_D:
                if (d->decimal)
                    num_syntax_error("multiple decimal points");
                if (seen_v)
                    num_syntax_error("cannot use \"V\" and decimal point together");
                d->decimal = true;
                break;
            case NK_FM:
                d->fillmode = true;
                break;
            case NK_S:
                if (d->lsign_pre || d->lsign_post)
                    num_syntax_error("cannot use \"S\" twice");
                if (d->plus || d->minus || d->bracket)
                    num_syntax_error("cannot use \"S\" and \"PL\"/\"MI\"/\"SG\"/\"PR\" together");
                if (d->pre + d->post + d->multi == 0)
                    d->lsign_pre = true;
                else
                    d->lsign_post = true;
                break;
            case NK_MI:
                if (d->lsign_pre || d->lsign_post)
                    num_syntax_error("cannot use \"S\" and \"MI\" together");
                d->minus = true;
                break;
            case NK_PL:
                if (d->lsign_pre || d->lsign_post)
                    num_syntax_error("cannot use \"S\" and \"PL\" together");
                d->plus = true;
                break;
            case NK_SG:
                if (d->lsign_pre || d->lsign_post)
                    num_syntax_error("cannot use \"S\" and \"SG\" together");
                d->plus = d->minus = true;
                break;
            case NK_PR:
                if (d->lsign_pre || d->lsign_post || d->plus || d->minus)
                    num_syntax_error("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                d->bracket = true;
                break;
            case NK_RN:
                d->roman = true;
                break;
            case NK_V:
                if (d->decimal)
                    num_syntax_error("cannot use \"V\" and decimal point together");
                seen_v = true;
                break;
            case NK_EEEE:
                if (d->eeee)
                    num_syntax_error("cannot use \"EEEE\" twice");
                if (d->lsign_pre || d->lsign_post || d->plus || d->minus || d->bracket ||
                    d->roman || d->fillmode || seen_v)
                    goto eeee_incompatible;
                d->eeee = true;
                break;
            default:
                break;
        }
    }
    *n = cnt;
    return nodes;

eeee_incompatible:
    ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("\"EEEE\" is incompatible with other formats"),
            errdetail("\"EEEE\" may only be used together with digit and decimal point patterns."));
}

/* ---------------------------------------------------------------- values */

/* A value ready for layout. */
typedef struct NumValue
{
    bool        neg;
    char       *ip;             /* integer digits without leading zeros ("0" for zero) */
    char       *fp;             /* fraction digits, at most post of them */
    int         post;           /* fraction digits the value has room for (floats: fewer) */
    int         hpost;          /* fraction '#'s when the value overflows */
    char       *sci;            /* EEEE: the whole text, sign slot included */
    int         roman;          /* RN: the rounded value (0 if out of range) */
} NumValue;

/* split "-123.45" into sign, integer and fraction digits */
static void
num_split(const char *str, NumValue *v)
{
    const char *dot;

    v->neg = (*str == '-');
    if (*str == '-' || *str == '+')
        str++;
    dot = strchr(str, '.');
    if (dot)
    {
        v->ip = pnstrdup(str, dot - str);
        v->fp = pstrdup(dot + 1);
    }
    else
    {
        v->ip = pstrdup(str);
        v->fp = pstrdup("");
    }
}

/* EEEE text of a value PostgreSQL cannot write in scientific notation */
static char *
num_sci_overflow(const NumDesc *d)
{
    int         len = d->pre + d->post + 6;
    char       *s = palloc(len + 1);

    memset(s, '#', len);
    s[len] = '\0';
    s[0] = ' ';
    s[d->pre + 1] = '.';
    return s;
}

/* EEEE text by printf, a leading '+' shown as a space */
static char *
num_sci_float(double val, int post)
{
    char       *s = psprintf("%+.*e", post, val);

    if (*s == '+')
        *s = ' ';
    return s;
}

static const char *const rm1[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
static const char *const rm10[] = {"X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
static const char *const rm100[] = {"C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};

/* Roman numeral of 1..3999, else 15 '#' */
static char *
num_roman(int value)
{
    StringInfoData buf;

    initStringInfo(&buf);
    if (value < 1 || value > 3999)
    {
        appendStringInfoString(&buf, "###############");
        return buf.data;
    }
    for (int i = 0; i < value / 1000; i++)
        appendStringInfoChar(&buf, 'M');
    if ((value / 100) % 10)
        appendStringInfoString(&buf, rm100[(value / 100) % 10 - 1]);
    if ((value / 10) % 10)
        appendStringInfoString(&buf, rm10[(value / 10) % 10 - 1]);
    if (value % 10)
        appendStringInfoString(&buf, rm1[value % 10 - 1]);
    return buf.data;
}

static Numeric
numeric_pow10(int n)
{
    return DatumGetNumeric(DirectFunctionCall3(numeric_in,
                                               CStringGetDatum(psprintf("1e%d", n)),
                                               ObjectIdGetDatum(InvalidOid),
                                               Int32GetDatum(-1)));
}

static void
num_value_numeric(Numeric num, const NumDesc *d, NumValue *v)
{
    memset(v, 0, sizeof(*v));
    if (d->roman)
    {
        bool        err = false;
        Numeric     r;
        int32       iv = 0;

        if (!numeric_is_nan(num) && !numeric_is_inf(num))
        {
            r = DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(num),
                                                    Int32GetDatum(0)));
            iv = numeric_int4_opt_error(r, &err);
            if (err)
                ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                        errmsg("integer out of range"));
        }
        v->roman = iv;
        return;
    }
    if (d->eeee)
    {
        if (numeric_is_nan(num) || numeric_is_inf(num))
            v->sci = num_sci_overflow(d);
        else
        {
            char       *s = numeric_out_sci(num, d->post);

            v->sci = (*s == '-') ? s : psprintf(" %s", s);
        }
        return;
    }
    if (numeric_is_nan(num) || numeric_is_inf(num))
    {
        /* laid out as its text, like digits ("NaN", "Infinity"), with no point */
        num_split(numeric_out_internal(num), v);
        v->post = 0;
        v->hpost = d->post;
        return;
    }
    if (d->multi > 0)
        num = DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(num),
                                                  NumericGetDatum(numeric_pow10(d->multi))));
    num = DatumGetNumeric(DirectFunctionCall2(numeric_round, NumericGetDatum(num),
                                              Int32GetDatum(d->post)));
    num_split(numeric_out_internal(num), v);
    v->post = v->hpost = d->post;
}

static void
num_value_float(double val, const NumDesc *d, bool is_float4, NumValue *v)
{
    int         post = d->post;
    int         digits = is_float4 ? FLT_DIG : DBL_DIG;
    char       *s;

    memset(v, 0, sizeof(*v));
    if (d->roman)
    {
        double      r = rint(val);

        v->roman = (isnan(r) || r < 1 || r > 3999) ? 0 : (int) r;
        return;
    }
    if (d->eeee)
    {
        v->sci = (isnan(val) || isinf(val)) ? num_sci_overflow(d) : num_sci_float(val, post);
        return;
    }
    if (isnan(val) || isinf(val))
    {
        /* laid out as its text ("NaN", "Infinity"), with no point */
        num_split(isnan(val) ? "NaN" : val < 0 ? "-Infinity" : "Infinity", v);
        v->post = 0;
        v->hpost = d->post;
        return;
    }
    /* V scales in the argument's own precision, as PostgreSQL does */
    if (d->multi > 0)
        val = is_float4 ? (double) ((float4) val * (float4) pow(10.0, d->multi))
            : val * pow(10.0, d->multi);
    s = psprintf("%.0f", fabs(val));
    /* no more significant digits than the type holds */
    if ((int) strlen(s) >= digits)
        post = 0;
    else if ((int) strlen(s) + post > digits)
        post = digits - (int) strlen(s);
    num_split(psprintf("%.*f", post, val), v);
    v->post = v->hpost = post;
}

static void
num_value_int64(int64 val, const NumDesc *d, bool is_int8, NumValue *v)
{
    if (d->roman)
    {
        memset(v, 0, sizeof(*v));
        v->roman = (val < 1 || val > 3999) ? 0 : (int) val;
        return;
    }
    if (d->eeee && !is_int8)
    {
        /* int4: printf is exact for it */
        memset(v, 0, sizeof(*v));
        v->sci = num_sci_float((double) val, d->post);
        return;
    }
    if (!is_int8 && d->multi > 0)
    {
        /* int4 scales in int32 arithmetic, wrapping on overflow, as PostgreSQL's does */
        NumDesc     d2 = *d;

        val = (int32) ((uint32) (int32) val * (uint32) (int32) pow(10.0, d->multi));
        d2.multi = 0;
        d2.pre += d->multi;
        num_value_numeric(DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(val))),
                          &d2, v);
        return;
    }
    num_value_numeric(DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(val))),
                      d, v);
}

/* ---------------------------------------------------------------- layout */

static const char *
ordinal_suffix(const char *digits, bool lower)
{
    size_t      len = strlen(digits);
    int         last = digits[len - 1] - '0';
    int         tens = len >= 2 ? digits[len - 2] - '0' : 0;
    const char *s;

    if (tens == 1)
        s = "th";
    else if (last == 1)
        s = "st";
    else if (last == 2)
        s = "nd";
    else if (last == 3)
        s = "rd";
    else
        s = "th";
    if (!lower)
        return s[0] == 't' ? "TH" : s[0] == 's' ? "ST" : s[0] == 'n' ? "ND" : "RD";
    return s;
}

static text *
num_layout(const NumNode *nodes, int n, const NumDesc *d, const NumValue *v)
{
    StringInfoData out;
    int         pre = d->pre + d->multi;
    int         ilen, ieff, keep, lastnz = 0;
    bool        overflow, zero_int, point;
    bool        float_sign, sign_done = false, any_printed = false, past_point = false;
    int         ipos = 0, fpos = 0;
    char        blank_sign;

    initStringInfo(&out);
    if (d->eeee)
    {
        appendStringInfoString(&out, v->sci);
        return cstring_to_text(out.data);
    }
    if (d->roman)
    {
        for (int i = 0; i < n; i++)
        {
            if (nodes[i].key == NK_RN)
            {
                char       *r = num_roman(v->roman);

                if (nodes[i].lower)
                    for (char *c = r; *c; c++)
                        *c = (char) tolower((unsigned char) *c);
                if (d->fillmode)
                    appendStringInfoString(&out, r);
                else
                    appendStringInfo(&out, "%15s", r);
            }
            else if (nodes[i].key == NK_LIT)
                appendStringInfoChar(&out, nodes[i].ch);
        }
        return cstring_to_text(out.data);
    }

    ilen = strlen(v->ip);
    overflow = ilen > pre;
    /* the point shows only if the value has fraction digits (or is all '#') */
    point = overflow || v->post > 0;
    zero_int = !overflow && strcmp(v->ip, "0") == 0 && v->post > 0;
    ieff = zero_int ? 0 : ilen;
    for (int i = 0; v->fp[i]; i++)
        if (v->fp[i] != '0')
            lastnz = i + 1;
    keep = d->fillmode ? Max(lastnz, d->zero_end_frac) : d->post;
    keep = Min(keep, v->post);

    /* the sign that floats in front of the number, unless placed elsewhere */
    float_sign = !d->minus && !d->lsign_post;
    if (v->neg)
        blank_sign = d->bracket ? '<' : '-';
    else
        blank_sign = d->lsign_pre ? '+' : (d->fillmode ? '\0' : ' ');

#define EMIT_SIGN() \
    do { \
        if (float_sign && !sign_done) \
        { \
            if (blank_sign) \
                appendStringInfoChar(&out, blank_sign); \
            sign_done = true; \
        } \
    } while (0)

    for (int i = 0; i < n; i++)
    {
        const NumNode *node = &nodes[i];

        switch (node->key)
        {
            case NK_9:
            case NK_0:
                if (!past_point)
                {
                    char        c = '\0';
                    int         k = ++ipos;
                    int         j = k - (pre - ieff);

                    if (overflow)
                        c = '#';
                    else if (j >= 1)
                        c = v->ip[j - 1];
                    else if (d->zero_start && k >= d->zero_start)
                        c = '0';
                    else if (zero_int && k == pre && d->fillmode && keep == 0)
                        c = '0';
                    if (c)
                    {
                        EMIT_SIGN();
                        appendStringInfoChar(&out, c);
                        any_printed = true;
                    }
                    else if (!d->fillmode)
                        appendStringInfoChar(&out, ' ');
                }
                else
                {
                    int         k = ++fpos;

                    if (overflow)
                    {
                        if (k <= v->hpost)
                            appendStringInfoChar(&out, '#');
                    }
                    else if (k <= keep)
                        appendStringInfoChar(&out, k <= (int) strlen(v->fp) ? v->fp[k - 1] : '0');
                }
                break;
            case NK_DEC:
            case NK_D:
                if (point)
                {
                    EMIT_SIGN();
                    appendStringInfoChar(&out, '.');
                }
                past_point = true;
                break;
            case NK_COMMA:
            case NK_G:
                if (any_printed)
                    appendStringInfoChar(&out, ',');
                else if (!d->fillmode)
                    appendStringInfoChar(&out, ' ');
                break;
            case NK_S:
                if (d->lsign_post)
                    appendStringInfoChar(&out, v->neg ? '-' : '+');
                break;
            case NK_MI:
                if (d->plus)    /* SG */
                    appendStringInfoChar(&out, v->neg ? '-' : '+');
                else if (v->neg)
                    appendStringInfoChar(&out, '-');
                else if (!d->fillmode)
                    appendStringInfoChar(&out, ' ');
                break;
            case NK_SG:
                appendStringInfoChar(&out, v->neg ? '-' : '+');
                break;
            case NK_PL:
                if (!v->neg)
                    appendStringInfoChar(&out, '+');
                else if (!d->fillmode)
                    appendStringInfoChar(&out, ' ');
                break;
            case NK_PR:
                if (v->neg)
                    appendStringInfoChar(&out, '>');
                else if (!d->fillmode)
                    appendStringInfoChar(&out, ' ');
                break;
            case NK_L:
                appendStringInfoChar(&out, ' ');    /* C locale: no currency symbol */
                break;
            case NK_TH:
                if (!overflow && !v->neg && !d->decimal)
                    appendStringInfoString(&out, ordinal_suffix(v->ip, node->lower));
                break;
            case NK_LIT:
                appendStringInfoChar(&out, node->ch);
                break;
            default:
                break;
        }
    }
#undef EMIT_SIGN
    return cstring_to_text(out.data);
}

/* ---------------------------------------------------------------- entry points */

static NumNode *
num_template(text *fmt, NumDesc *d, int *n)
{
    return num_parse(VARDATA_ANY(fmt), VARSIZE_ANY_EXHDR(fmt), d, n);
}

Datum
numeric_to_char(PG_FUNCTION_ARGS)
{
    Numeric     value = PG_GETARG_NUMERIC(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    NumDesc     d;
    NumValue    v;
    NumNode    *nodes;
    int         n;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0)
        PG_RETURN_TEXT_P(cstring_to_text(""));
    nodes = num_template(fmt, &d, &n);
    num_value_numeric(value, &d, &v);
    PG_RETURN_TEXT_P(num_layout(nodes, n, &d, &v));
}

Datum
int4_to_char(PG_FUNCTION_ARGS)
{
    int32       value = PG_GETARG_INT32(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    NumDesc     d;
    NumValue    v;
    NumNode    *nodes;
    int         n;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0)
        PG_RETURN_TEXT_P(cstring_to_text(""));
    nodes = num_template(fmt, &d, &n);
    num_value_int64(value, &d, false, &v);
    PG_RETURN_TEXT_P(num_layout(nodes, n, &d, &v));
}

Datum
int8_to_char(PG_FUNCTION_ARGS)
{
    int64       value = PG_GETARG_INT64(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    NumDesc     d;
    NumValue    v;
    NumNode    *nodes;
    int         n;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0)
        PG_RETURN_TEXT_P(cstring_to_text(""));
    nodes = num_template(fmt, &d, &n);
    num_value_int64(value, &d, true, &v);
    PG_RETURN_TEXT_P(num_layout(nodes, n, &d, &v));
}

Datum
float8_to_char(PG_FUNCTION_ARGS)
{
    float8      value = PG_GETARG_FLOAT8(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    NumDesc     d;
    NumValue    v;
    NumNode    *nodes;
    int         n;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0)
        PG_RETURN_TEXT_P(cstring_to_text(""));
    nodes = num_template(fmt, &d, &n);
    num_value_float(value, &d, false, &v);
    PG_RETURN_TEXT_P(num_layout(nodes, n, &d, &v));
}

Datum
float4_to_char(PG_FUNCTION_ARGS)
{
    float4      value = PG_GETARG_FLOAT4(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    NumDesc     d;
    NumValue    v;
    NumNode    *nodes;
    int         n;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0)
        PG_RETURN_TEXT_P(cstring_to_text(""));
    nodes = num_template(fmt, &d, &n);
    num_value_float(value, &d, true, &v);
    PG_RETURN_TEXT_P(num_layout(nodes, n, &d, &v));
}

/* ---------------------------------------------------------------- to_number */

/*
 * to_number(text, text): read a number by the same template (PostgreSQL
 * 15's NUM_processor in its from-char direction, C locale).  The template
 * is walked node by node against the input; the digits, decimal point and
 * sign found are collected into a numeric literal ("<sign>digits.digits",
 * the sign slot a space when none was read), which numeric_in reads with
 * precision pre+V-digits+fraction-digits-read and that scale, and V
 * divides by 10^(digits after V).  Reading rules, as PostgreSQL's:
 *   - 9, 0, . and D skip up to two spaces, take a sign before the first
 *     digit, then one digit (none past the template's fraction digits) or
 *     the decimal point, then a sign right after the last digit (S) or
 *     in place of MI/PL/SG when the template is not exact;
 *   - , and G consume a matching separator only, and nothing in FM mode;
 *   - MI, PL, SG consume their sign, else skip one non-data character;
 *   - L and TH skip up to one/two non-data characters;
 *   - any other template character skips one input character, whatever
 *     it is; S, PR, V, B, FM consume nothing;
 *   - reading stops when the input ends.
 */
extern Datum numeric_power(PG_FUNCTION_ARGS);   /* procs/numeric_math.c */

typedef struct NumReader
{
    const NumDesc *d;
    const char *in;             /* input, NUL-terminated */
    const char *end;
    const char *p;              /* read position */
    char       *number;         /* number[0] is the sign slot */
    char       *number_p;       /* next digit goes here */
    int         read_pre;
    int         read_post;
    bool        read_dec;
} NumReader;

#define NR_AT_END(r)         ((r)->p >= (r)->end)
#define NR_AVAILABLE(r, n)   ((r)->end - (r)->p >= (n))
#define NR_LSIGN(d)          ((d)->lsign_pre || (d)->lsign_post)

/* skip up to n input characters that cannot be part of a number */
static void
num_eat_non_data_chars(NumReader *r, int n)
{
    while (n-- > 0)
    {
        if (NR_AT_END(r))
            break;
        if (strchr("0123456789.,+-", *r->p) != NULL)
            break;
        r->p += dch_utf8_len(r->p);
    }
}

/* one 9, 0, . or D: PostgreSQL's NUM_numpart_from_char */
static void
num_read_numpart(NumReader *r, bool is_digit_key)
{
    const NumDesc *d = r->d;
    bool        isread = false;

    if (*r->p == ' ')
        r->p++;
    if (*r->p == ' ')
        r->p++;
    if (NR_AT_END(r))
        return;

    /* a sign before the first digit */
    if (r->number[0] == ' ' && is_digit_key && r->read_pre + r->read_post == 0)
    {
        if (*r->p == '-' || (d->bracket && *r->p == '<'))
        {
            r->number[0] = '-';
            r->p++;
        }
        else if (*r->p == '+')
        {
            r->number[0] = '+';
            r->p++;
        }
    }
    if (NR_AT_END(r))
        return;

    if (isdigit((unsigned char) *r->p))
    {
        if (r->read_dec && r->read_post == d->post)
            return;
        *r->number_p++ = *r->p;
        if (r->read_dec)
            r->read_post++;
        else
            r->read_pre++;
        isread = true;
    }
    else if (d->decimal && !r->read_dec && *r->p == '.')
    {
        *r->number_p++ = '.';
        r->read_dec = true;
        isread = true;
    }
    if (NR_AT_END(r))
        return;

    /* a sign right behind the last digit read */
    if (r->number[0] == ' ' && r->read_pre + r->read_post > 0)
    {
        if (NR_LSIGN(d) && isread && r->p + 1 <= r->end &&
            !isdigit((unsigned char) r->p[1]))
        {
            const char *save = r->p++;

            if (NR_AVAILABLE(r, 1) && *r->p == '-')
                r->number[0] = '-';
            else if (NR_AVAILABLE(r, 1) && *r->p == '+')
                r->number[0] = '+';
            if (r->number[0] == ' ')
                r->p = save;    /* no sign: do not consume */
            /* else the caller's step moves past the sign */
        }
        else if (!isread && !NR_LSIGN(d) && (d->plus || d->minus))
        {
            if (*r->p == '-' || *r->p == '+')
                r->number[0] = *r->p;
        }
    }
}

Datum
numeric_to_number(PG_FUNCTION_ARGS)
{
    text       *value = PG_GETARG_TEXT_PP(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    int         fmtlen = VARSIZE_ANY_EXHDR(fmt);
    NumDesc     d;
    NumNode    *nodes;
    int         n;
    NumReader   r;
    int         scale;
    int         precision;
    Datum       result;

    if (fmtlen <= 0)
        PG_RETURN_NULL();
    nodes = num_parse(VARDATA_ANY(fmt), fmtlen, &d, &n);
    if (d.eeee)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("\"EEEE\" not supported for input")));
    if (d.roman)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("\"RN\" not supported for input")));

    memset(&r, 0, sizeof(r));
    r.d = &d;
    r.in = text_to_cstring(value);
    r.end = r.in + strlen(r.in);
    r.p = r.in;
    /* at most one byte per template node, plus sign slot and NUL */
    r.number = palloc(n + 2);
    r.number[0] = ' ';
    r.number_p = r.number + 1;

    for (int i = 0; i < n; i++)
    {
        const NumNode *node = &nodes[i];

        if (NR_AT_END(&r))
            break;
        switch (node->key)
        {
            case NK_9:
            case NK_0:
            case NK_DEC:
            case NK_D:
                num_read_numpart(&r, node->key == NK_9 || node->key == NK_0);
                break;
            case NK_COMMA:
                if (d.fillmode || *r.p != ',')
                    continue;
                break;
            case NK_G:
                if (d.fillmode || *r.p != ',')
                    continue;
                break;
            case NK_L:
                num_eat_non_data_chars(&r, 1);
                continue;
            case NK_TH:
                if (d.decimal)
                    continue;
                num_eat_non_data_chars(&r, 2);
                continue;
            case NK_MI:
                if (*r.p == '-')
                    r.number[0] = '-';
                else
                {
                    num_eat_non_data_chars(&r, 1);
                    continue;
                }
                break;
            case NK_PL:
                if (*r.p == '+')
                    r.number[0] = '+';
                else
                {
                    num_eat_non_data_chars(&r, 1);
                    continue;
                }
                break;
            case NK_SG:
                if (*r.p == '-' || *r.p == '+')
                    r.number[0] = *r.p;
                else
                {
                    num_eat_non_data_chars(&r, 1);
                    continue;
                }
                break;
            case NK_LIT:
                /* one template character (UTF-8 continuation bytes belong
                 * to the node before) skips one input character */
                if (((unsigned char) node->ch & 0xC0) == 0x80)
                    continue;
                r.p += dch_utf8_len(r.p);
                continue;
            default:
                /* S, PR, V, B, FM: nothing to read */
                continue;
        }
        r.p++;
    }
    if (r.number_p[-1] == '.')
        r.number_p[-1] = '\0';
    else
        *r.number_p = '\0';

    scale = r.read_post;
    precision = d.pre + d.multi + scale;
    result = DirectFunctionCall3(numeric_in, CStringGetDatum(r.number),
                                 ObjectIdGetDatum(InvalidOid),
                                 Int32GetDatum(((precision << 16) | scale) + VARHDRSZ));
    if (d.multi > 0)
    {
        Datum       x = DirectFunctionCall2(numeric_power,
                                            NumericGetDatum(int64_to_numeric(10)),
                                            NumericGetDatum(int64_to_numeric(-d.multi)));

        result = DirectFunctionCall2(numeric_mul, result, x);
    }
    PG_RETURN_DATUM(result);
}
