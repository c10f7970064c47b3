/*-------------------------------------------------------------------------
 * float.c
 *    The real (float4) and double precision (float8) types: I/O,
 *    NaN-aware comparison, arithmetic with PostgreSQL's overflow and
 *    underflow checks, casts to and from the integer types, the common
 *    math functions, width_bucket and random().
 *
 * Output.  With extra_float_digits > 0 (the default is 1) PostgreSQL 15
 * prints the shortest decimal string that reads back as the same value
 * (it uses Ryu); otherwise printf's %.*g with DBL_DIG/FLT_DIG plus
 * extra_float_digits significant digits.  Basalt finds the shortest string
 * by asking printf for correctly rounded decimals of increasing length
 * and checking the round trip with strtod/strtof (the answer is the same:
 * the correctly rounded n-digit decimal is the closest one, so it is in
 * the rounding interval whenever any n-digit decimal is, except just above
 * a power of two where the interval is lopsided - handled by also trying
 * the next decimal up).  The digits are then laid out as Ryu does in
 * PostgreSQL: fixed notation when the decimal exponent is in [-4, 15) for
 * float8 or [-4, 6) for float4, else d.ddde+XX with at least two exponent
 * digits.
 *
 * Comparison.  NaN equals NaN and sorts above every other value, so btree
 * indexes and sorting have a total order (float8_cmp_internal).
 *
 * random()/setseed() use PostgreSQL's generator, so seeded sequences match.
 *
 * The checked arithmetic (float8_pl & co.) is in procs/float.h; the float
 * aggregates are in float_agg.c.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/float.h"
#include "procs/hashfn.h"

/* GUC: extra digits in float output; > 0 selects shortest-exact output. */
int extra_float_digits = 1;

/* ---------------------------------------------------------------- errors */

pg_attribute_noreturn() void
float_overflow_error(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("value out of range: overflow"));
}

pg_attribute_noreturn() void
float_underflow_error(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("value out of range: underflow"));
}

pg_attribute_noreturn() void
float_zero_divide_error(void)
{
    ereport(ERROR, errcode(ERRCODE_DIVISION_BY_ZERO),
            errmsg("division by zero"));
}

float8 get_float8_nan(void) { return (float8) NAN; }
float4 get_float4_nan(void) { return (float4) NAN; }
float8 get_float8_infinity(void) { return (float8) INFINITY; }

int
float8_cmp_internal(float8 a, float8 b)
{
    if (unlikely(isnan(a)))
        return isnan(b) ? 0 : 1;
    if (unlikely(isnan(b)))
        return -1;
    return a > b ? 1 : (a < b ? -1 : 0);
}

int
float4_cmp_internal(float4 a, float4 b)
{
    return float8_cmp_internal(a, b);
}

/* ---------------------------------------------------------------- input */

/* NaN and the infinities, spelled as float8in accepts them; NULL if none. */
static const char *
match_special(const char *num, double *val)
{
    static const struct { const char *s; int len; double v; } specials[] = {
        {"NaN", 3, NAN}, {"Infinity", 8, INFINITY}, {"+Infinity", 9, INFINITY},
        {"-Infinity", 9, -INFINITY}, {"inf", 3, INFINITY}, {"+inf", 4, INFINITY},
        {"-inf", 4, -INFINITY},
    };

    for (int i = 0; i < (int) lengthof(specials); i++)
        if (strncasecmp(num, specials[i].s, specials[i].len) == 0)
        {
            *val = specials[i].v;
            return num + specials[i].len;
        }
    return NULL;
}

pg_attribute_noreturn() static void
float_invalid_syntax(const char *type_name, const char *s)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("invalid input syntax for type %s: \"%s\"", type_name, s));
}

float8
float8in_internal(char *num, char **endptr_p, const char *type_name,
                  const char *orig_string)
{
    double val;
    char  *endptr;

    while (*num != '\0' && isspace((unsigned char) *num))
        num++;
    if (*num == '\0')
        float_invalid_syntax(type_name, orig_string);

    errno = 0;
    val = strtod(num, &endptr);
    if (endptr == num || errno != 0)
    {
        int save_errno = errno;
        const char *special = match_special(num, &val);

        if (special)
            endptr = (char *) special;
        else if (save_errno == ERANGE)
        {
            /* denormals set ERANGE too; only zero or huge results are errors */
            if (val == 0.0 || val >= HUGE_VAL || val <= -HUGE_VAL)
                ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                        errmsg("\"%s\" is out of range for type double precision",
                               pnstrdup(num, endptr - num)));
        }
        else
            float_invalid_syntax(type_name, orig_string);
    }
    while (*endptr != '\0' && isspace((unsigned char) *endptr))
        endptr++;
    if (endptr_p)
        *endptr_p = endptr;
    else if (*endptr != '\0')
        float_invalid_syntax(type_name, orig_string);
    return val;
}

float4
float4in_internal(char *num, char **endptr_p, const char *type_name,
                  const char *orig_string)
{
    float  val;
    double special_val;
    char  *endptr;

    while (*num != '\0' && isspace((unsigned char) *num))
        num++;
    if (*num == '\0')
        float_invalid_syntax(type_name, orig_string);

    errno = 0;
    val = strtof(num, &endptr);
    if (endptr == num || errno != 0)
    {
        int save_errno = errno;
        const char *special = match_special(num, &special_val);

        if (special)
        {
            endptr = (char *) special;
            val = (float) special_val;
        }
        else if (save_errno == ERANGE)
        {
            if (val == 0.0f || val >= HUGE_VALF || val <= -HUGE_VALF)
                ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                        errmsg("\"%s\" is out of range for type real", orig_string));
        }
        else
            float_invalid_syntax(type_name, orig_string);
    }
    while (*endptr != '\0' && isspace((unsigned char) *endptr))
        endptr++;
    if (endptr_p)
        *endptr_p = endptr;
    else if (*endptr != '\0')
        float_invalid_syntax(type_name, orig_string);
    return val;
}

Datum
float8in(PG_FUNCTION_ARGS)
{
    char *num = PG_GETARG_CSTRING(0);

    PG_RETURN_FLOAT8(float8in_internal(num, NULL, "double precision", num));
}

Datum
float4in(PG_FUNCTION_ARGS)
{
    char *num = PG_GETARG_CSTRING(0);

    PG_RETURN_FLOAT4(float4in_internal(num, NULL, "real", num));
}

/* ---------------------------------------------------------------- output */

/*
 * Does the decimal in buf (d.ddd...e+-X form) read back as v?  is_float4
 * selects strtof, so the check is against float rounding, not double.
 */
/* Mantissa digits (trailing zeros dropped) and exponent of a %e string. */
static void
sci_parts(const char *s, char *digits, int *exp10)
{
    int n = 0;

    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *exp10 = *s ? atoi(s + 1) : 0;
}

/*
 * Is the decimal in buf exactly m?  m is a midpoint between two adjacent
 * floats, exact in long double; glibc prints long doubles exactly given
 * enough digits (at most ~750 significant ones for these midpoints).
 */
static bool
decimal_is_exactly(const char *buf, long double m)
{
    char    exact[1200];
    char    d1[1200], d2[64];
    int     e1, e2;

    snprintf(exact, sizeof exact, "%.1100Le", m);
    sci_parts(exact, d1, &e1);
    sci_parts(buf, d2, &e2);
    return e1 == e2 && strcmp(d1, d2) == 0;
}

/*
 * Does the decimal in buf (d.ddd...e+-X form) read back as v?  is_float4
 * selects strtof, so the check is against float rounding, not double.
 *
 * Ryu, as PostgreSQL uses it, treats the rounding interval as open: a
 * decimal exactly halfway to a neighbour (1e23) is not accepted even
 * though strtod would round it back.  The halfway points are exact in the
 * next wider type; a cheap comparison there finds the candidates and an
 * exact decimal comparison settles them.
 */
static inline bool
round_trips(const char *buf, double v, bool is_float4)
{
    long double d, lo, hi;

    if (is_float4)
    {
        float f = (float) v;

        if (strtof(buf, NULL) != f)
            return false;
        d = strtod(buf, NULL);
        lo = ((double) f + (double) nextafterf(f, -INFINITY)) / 2;
        hi = ((double) f + (double) nextafterf(f, INFINITY)) / 2;
        if ((double) d == (double) lo)
            return !decimal_is_exactly(buf, lo);
        if ((double) d == (double) hi)
            return !decimal_is_exactly(buf, hi);
        return true;
    }
    if (strtod(buf, NULL) != v)
        return false;
    d = strtold(buf, NULL);
    lo = ((long double) v + (long double) nextafter(v, -INFINITY)) / 2;
    hi = ((long double) v + (long double) nextafter(v, INFINITY)) / 2;
    if (d == lo)
        return !decimal_is_exactly(buf, lo);
    if (d == hi)
        return !decimal_is_exactly(buf, hi);
    return true;
}

/* Add one unit in the last place to the digits of a %.*e string, in place. */
static void
bump_last_digit(char *buf)
{
    char *e = strchr(buf, 'e');
    char *p = e - 1;
    int   exp10 = atoi(e + 1);

    for (;; p--)
    {
        if (*p == '.')
            continue;
        if (*p != '9')
        {
            (*p)++;
            return;
        }
        *p = '0';
        if (p == buf)
            break;
    }
    /* 9.99e5 -> 1.00e6: shift the carry into a new leading digit */
    buf[0] = '1';
    sprintf(e, "e%+d", exp10 + 1);
}

/*
 * Shortest decimal digits of finite, positive v: fills digits (NUL
 * terminated, no trailing zeros) and returns the decimal exponent of the
 * first digit.
 */
static int
shortest_digits(double v, bool is_float4, char *digits)
{
    int  maxdig = is_float4 ? 9 : 17;
    char buf[64];
    int  frexp_exp;
    bool lopsided;
    int  p;
    int  n = 0;
    char *q;

    /* a power of two has a rounding interval twice as wide above as below */
    lopsided = (is_float4 ? frexpf((float) v, &frexp_exp) : frexp(v, &frexp_exp)) == 0.5;

    if (!lopsided)
    {
        int lo = 1, hi = maxdig;

        p = maxdig;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;

            snprintf(buf, sizeof buf, "%.*e", mid - 1, v);
            if (round_trips(buf, v, is_float4))
            {
                p = mid;
                hi = mid - 1;
            }
            else
                lo = mid + 1;
        }
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    }
    else
    {
        for (p = 1; p <= maxdig; p++)
        {
            snprintf(buf, sizeof buf, "%.*e", p - 1, v);
            if (round_trips(buf, v, is_float4))
                break;
            if (strtod(buf, NULL) < v)
            {
                bump_last_digit(buf);
                if (round_trips(buf, v, is_float4))
                    break;
            }
        }
    }

    for (q = buf; *q != 'e'; q++)
        if (isdigit((unsigned char) *q))
            digits[n++] = *q;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return atoi(q + 1);
}

/*
 * Lay out shortest digits as PostgreSQL's Ryu output does.  fixed_max is
 * the exponent from which scientific notation is used (15 or 6).
 */
static char *
format_shortest(double v, bool is_float4)
{
    char digits[32];
    char out[64];
    char *o = out;
    int  exp10;
    int  n;

    if (v == 0)
        return pstrdup(signbit(v) ? "-0" : "0");
    if (v < 0)
    {
        *o++ = '-';
        v = -v;
    }
    exp10 = shortest_digits(v, is_float4, digits);
    n = strlen(digits);

    if (exp10 >= -4 && exp10 < (is_float4 ? 6 : 15))
    {
        if (exp10 < 0)
        {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -exp10 - 1; i++)
                *o++ = '0';
            memcpy(o, digits, n);
            o += n;
        }
        else
        {
            for (int i = 0; i <= exp10; i++)
                *o++ = i < n ? digits[i] : '0';
            if (n > exp10 + 1)
            {
                *o++ = '.';
                memcpy(o, digits + exp10 + 1, n - exp10 - 1);
                o += n - exp10 - 1;
            }
        }
        *o = '\0';
    }
    else
    {
        *o++ = digits[0];
        if (n > 1)
        {
            *o++ = '.';
            memcpy(o, digits + 1, n - 1);
            o += n - 1;
        }
        sprintf(o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    }
    return pstrdup(out);
}

char *
float8out_internal(float8 num)
{
    if (isnan(num))
        return pstrdup("NaN");
    if (isinf(num))
        return pstrdup(num > 0 ? "Infinity" : "-Infinity");
    if (extra_float_digits > 0)
        return format_shortest(num, false);
    return psprintf("%.*g", DBL_DIG + extra_float_digits, num);
}

char *
float4out_internal(float4 num)
{
    if (isnan(num))
        return pstrdup("NaN");
    if (isinf(num))
        return pstrdup(num > 0 ? "Infinity" : "-Infinity");
    if (extra_float_digits > 0)
        return format_shortest(num, true);
    return psprintf("%.*g", FLT_DIG + extra_float_digits, (double) num);
}

Datum
float8out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(float8out_internal(PG_GETARG_FLOAT8(0)));
}

Datum
float4out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(float4out_internal(PG_GETARG_FLOAT4(0)));
}

Datum
float8recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT8(pq_getmsgfloat8((StringInfo) PG_GETARG_POINTER(0)));
}

Datum
float8send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendfloat8(&buf, PG_GETARG_FLOAT8(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
float4recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT4(pq_getmsgfloat4((StringInfo) PG_GETARG_POINTER(0)));
}

Datum
float4send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendfloat4(&buf, PG_GETARG_FLOAT4(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- comparison */

/* Every float comparison widens to float8 (exact for float4). */
Datum float8eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_eq(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ne(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_lt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_le(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_gt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ge(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }

Datum float4eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_eq(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ne(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_lt(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_le(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_gt(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ge(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }

Datum float48eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_eq(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ne(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_lt(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_le(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_gt(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ge(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }

Datum float84eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_eq(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ne(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_lt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_le(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_gt(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(float8_ge(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }

Datum btfloat8cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(float8_cmp_internal(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1)));
}
Datum btfloat4cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(float8_cmp_internal(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1)));
}
Datum btfloat48cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(float8_cmp_internal(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1)));
}
Datum btfloat84cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(float8_cmp_internal(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1)));
}

Datum float8larger(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0), b = PG_GETARG_FLOAT8(1);
    PG_RETURN_FLOAT8(float8_gt(a, b) ? a : b);
}
Datum float8smaller(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0), b = PG_GETARG_FLOAT8(1);
    PG_RETURN_FLOAT8(float8_lt(a, b) ? a : b);
}
Datum float4larger(PG_FUNCTION_ARGS)
{
    float4 a = PG_GETARG_FLOAT4(0), b = PG_GETARG_FLOAT4(1);
    PG_RETURN_FLOAT4(float8_gt(a, b) ? a : b);
}
Datum float4smaller(PG_FUNCTION_ARGS)
{
    float4 a = PG_GETARG_FLOAT4(0), b = PG_GETARG_FLOAT4(1);
    PG_RETURN_FLOAT4(float8_lt(a, b) ? a : b);
}

/*
 * Hashing: float4 hashes as the equal float8 so cross-type hash joins work;
 * +0 and -0 hash alike (to 0) and every NaN hashes as the canonical NaN.
 */
static inline float8
hash_canonical(float8 key)
{
    return isnan(key) ? get_float8_nan() : key;
}

Datum hashfloat8(PG_FUNCTION_ARGS)
{
    float8 key = PG_GETARG_FLOAT8(0);

    if (key == 0.0)
        PG_RETURN_UINT32(0);
    key = hash_canonical(key);
    return hash_any((unsigned char *) &key, sizeof(key));
}
Datum hashfloat8extended(PG_FUNCTION_ARGS)
{
    float8 key = PG_GETARG_FLOAT8(0);
    uint64 seed = PG_GETARG_INT64(1);

    if (key == 0.0)
        return UInt64GetDatum(seed);
    key = hash_canonical(key);
    return hash_any_extended((unsigned char *) &key, sizeof(key), seed);
}
Datum hashfloat4(PG_FUNCTION_ARGS)
{
    float8 key = PG_GETARG_FLOAT4(0);

    if (key == 0.0)
        PG_RETURN_UINT32(0);
    key = hash_canonical(key);
    return hash_any((unsigned char *) &key, sizeof(key));
}
Datum hashfloat4extended(PG_FUNCTION_ARGS)
{
    float8 key = PG_GETARG_FLOAT4(0);
    uint64 seed = PG_GETARG_INT64(1);

    if (key == 0.0)
        return UInt64GetDatum(seed);
    key = hash_canonical(key);
    return hash_any_extended((unsigned char *) &key, sizeof(key), seed);
}

/* ---------------------------------------------------------------- arithmetic */

Datum float8pl(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(float8_pl(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8mi(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(float8_mi(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8mul(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(float8_mul(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float8div(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(float8_div(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1))); }
Datum float4pl(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT4(float4_pl(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4mi(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT4(float4_mi(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4mul(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT4(float4_mul(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float4div(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT4(float4_div(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1))); }
Datum float48pl(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(float8_pl(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48mi(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(float8_mi(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48mul(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(float8_mul(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float48div(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(float8_div(PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT8(1))); }
Datum float84pl(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(float8_pl(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84mi(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(float8_mi(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84mul(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(float8_mul(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }
Datum float84div(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(float8_div(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT4(1))); }

Datum float8abs(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(fabs(PG_GETARG_FLOAT8(0))); }
Datum float8um(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(-PG_GETARG_FLOAT8(0)); }
Datum float8up(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(PG_GETARG_FLOAT8(0)); }
Datum float4abs(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT4(fabsf(PG_GETARG_FLOAT4(0))); }
Datum float4um(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT4(-PG_GETARG_FLOAT4(0)); }
Datum float4up(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT4(PG_GETARG_FLOAT4(0)); }

/* ---------------------------------------------------------------- casts */

#define FLOAT8_FITS_IN_INT16(n) ((n) >= (float8) PG_INT16_MIN && (n) < -((float8) PG_INT16_MIN))
#define FLOAT8_FITS_IN_INT32(n) ((n) >= (float8) PG_INT32_MIN && (n) < -((float8) PG_INT32_MIN))
#define FLOAT8_FITS_IN_INT64(n) ((n) >= (float8) PG_INT64_MIN && (n) < -((float8) PG_INT64_MIN))

Datum ftod(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8((float8) PG_GETARG_FLOAT4(0)); }

Datum
dtof(PG_FUNCTION_ARGS)
{
    float8 num = PG_GETARG_FLOAT8(0);
    float4 r = (float4) num;

    if (unlikely(isinf(r)) && !isinf(num))
        float_overflow_error();
    if (unlikely(r == 0.0f) && num != 0.0)
        float_underflow_error();
    PG_RETURN_FLOAT4(r);
}

/* float -> integer rounds half to even (rint) and then range-checks */
Datum
dtoi4(PG_FUNCTION_ARGS)
{
    float8 num = rint(PG_GETARG_FLOAT8(0));

    if (unlikely(isnan(num) || !FLOAT8_FITS_IN_INT32(num)))
        int4_overflow();
    PG_RETURN_INT32((int32) num);
}

Datum
dtoi2(PG_FUNCTION_ARGS)
{
    float8 num = rint(PG_GETARG_FLOAT8(0));

    if (unlikely(isnan(num) || !FLOAT8_FITS_IN_INT16(num)))
        int2_overflow();
    PG_RETURN_INT16((int16) num);
}

Datum
dtoi8(PG_FUNCTION_ARGS)
{
    float8 num = rint(PG_GETARG_FLOAT8(0));

    if (unlikely(isnan(num) || !FLOAT8_FITS_IN_INT64(num)))
        int8_overflow();
    PG_RETURN_INT64((int64) num);
}

Datum
ftoi4(PG_FUNCTION_ARGS)
{
    float8 num = rintf(PG_GETARG_FLOAT4(0));

    if (unlikely(isnan(num) || !FLOAT8_FITS_IN_INT32(num)))
        int4_overflow();
    PG_RETURN_INT32((int32) num);
}

Datum
ftoi2(PG_FUNCTION_ARGS)
{
    float8 num = rintf(PG_GETARG_FLOAT4(0));

    if (unlikely(isnan(num) || !FLOAT8_FITS_IN_INT16(num)))
        int2_overflow();
    PG_RETURN_INT16((int16) num);
}

Datum
ftoi8(PG_FUNCTION_ARGS)
{
    float8 num = rintf(PG_GETARG_FLOAT4(0));

    if (unlikely(isnan(num) || !FLOAT8_FITS_IN_INT64(num)))
        int8_overflow();
    PG_RETURN_INT64((int64) num);
}

Datum i4tod(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8((float8) PG_GETARG_INT32(0)); }
Datum i2tod(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8((float8) PG_GETARG_INT16(0)); }
Datum i8tod(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8((float8) PG_GETARG_INT64(0)); }
Datum i4tof(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT4((float4) PG_GETARG_INT32(0)); }
Datum i2tof(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT4((float4) PG_GETARG_INT16(0)); }
Datum i8tof(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT4((float4) PG_GETARG_INT64(0)); }

/* ---------------------------------------------------------------- math */

Datum dround(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(rint(PG_GETARG_FLOAT8(0))); }
Datum dceil(PG_FUNCTION_ARGS)  { PG_RETURN_FLOAT8(ceil(PG_GETARG_FLOAT8(0))); }
Datum dfloor(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(floor(PG_GETARG_FLOAT8(0))); }
Datum dtrunc(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    PG_RETURN_FLOAT8(a >= 0 ? floor(a) : -floor(-a));
}
Datum dsign(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    PG_RETURN_FLOAT8(a > 0 ? 1.0 : (a < 0 ? -1.0 : 0.0));
}

Datum
dsqrt(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    if (a < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                errmsg("cannot take square root of a negative number"));
    r = sqrt(a);
    if (unlikely(isinf(r)) && !isinf(a))
        float_overflow_error();
    if (unlikely(r == 0.0) && a != 0.0)
        float_underflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum
dcbrt(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r = cbrt(a);

    if (unlikely(isinf(r)) && !isinf(a))
        float_overflow_error();
    if (unlikely(r == 0.0) && a != 0.0)
        float_underflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum
dpow(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 b = PG_GETARG_FLOAT8(1);
    float8 r;

    /* NaN ^ 0 and 1 ^ NaN are 1, per POSIX; otherwise NaN in, NaN out */
    if (isnan(a))
    {
        if (isnan(b) || b != 0.0)
            PG_RETURN_FLOAT8(get_float8_nan());
        PG_RETURN_FLOAT8(1.0);
    }
    if (isnan(b))
    {
        if (a != 1.0)
            PG_RETURN_FLOAT8(get_float8_nan());
        PG_RETURN_FLOAT8(1.0);
    }
    if (a == 0.0 && b < 0.0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                errmsg("zero raised to a negative power is undefined"));
    if (a < 0.0 && floor(b) != b)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                errmsg("a negative number raised to a non-integer power yields a complex result"));

    if (isinf(b))
    {
        float8 absx = fabs(a);

        if (absx == 1.0)
            r = 1.0;
        else if (b > 0.0)
            r = absx > 1.0 ? b : 0.0;
        else
            r = absx < 1.0 ? -b : 0.0;
    }
    else if (isinf(a))
    {
        if (b == 0.0)
            r = 1.0;
        else if (a > 0.0)
            r = b > 0.0 ? a : 0.0;
        else
        {
            /* (-inf) ^ odd integer keeps the sign */
            float8 halfb = b / 2;
            bool   odd = (floor(b) == b) && (floor(halfb) != halfb);

            if (b > 0.0)
                r = odd ? a : -a;
            else
                r = odd ? -0.0 : 0.0;
        }
    }
    else
    {
        errno = 0;
        r = pow(a, b);
        if (errno == EDOM || isnan(r))
        {
            /* domain errors were handled above: y is huge, certainly even */
            float8 absx = fabs(a);

            if (a == 0.0)
                r = 0.0;
            else if (absx == 1.0)
                r = 1.0;
            else if (b >= 0.0 ? absx > 1.0 : absx < 1.0)
                float_overflow_error();
            else
                float_underflow_error();
        }
        else if (errno == ERANGE)
        {
            if (r != 0.0)
                float_overflow_error();
            float_underflow_error();
        }
        else
        {
            if (unlikely(isinf(r)))
                float_overflow_error();
            if (unlikely(r == 0.0) && a != 0.0)
                float_underflow_error();
        }
    }
    PG_RETURN_FLOAT8(r);
}

Datum
dexp(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    if (isnan(a))
        r = a;
    else if (isinf(a))
        r = a > 0 ? a : 0;
    else
    {
        errno = 0;
        r = exp(a);
        if (unlikely(errno == ERANGE))
        {
            if (r != 0.0)
                float_overflow_error();
            else
                float_underflow_error();
        }
        else if (unlikely(isinf(r)))
            float_overflow_error();
        else if (unlikely(r == 0.0))
            float_underflow_error();
    }
    PG_RETURN_FLOAT8(r);
}

static void
check_log_arg(float8 a)
{
    if (a == 0.0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                errmsg("cannot take logarithm of zero"));
    if (a < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                errmsg("cannot take logarithm of a negative number"));
}

Datum
dlog1(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    check_log_arg(a);
    r = log(a);
    if (unlikely(isinf(r)) && !isinf(a))
        float_overflow_error();
    if (unlikely(r == 0.0) && a != 1.0)
        float_underflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum
dlog10(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    check_log_arg(a);
    r = log10(a);
    if (unlikely(isinf(r)) && !isinf(a))
        float_overflow_error();
    if (unlikely(r == 0.0) && a != 1.0)
        float_underflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum dpi(PG_FUNCTION_ARGS) { PG_RETURN_FLOAT8(M_PI); }

Datum
degrees(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT8(float8_div(PG_GETARG_FLOAT8(0), M_PI / 180.0));
}

Datum
radians(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT8(float8_mul(PG_GETARG_FLOAT8(0), M_PI / 180.0));
}

pg_attribute_noreturn() static void
input_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("input is out of range"));
}

/*
 * Trigonometric functions: NaN in gives NaN out; an infinite argument or a
 * domain error is PostgreSQL's "input is out of range".
 */
static Datum
trig_func(FunctionCallInfo fcinfo, double (*fn)(double))
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    if (isnan(a))
        PG_RETURN_FLOAT8(get_float8_nan());
    errno = 0;
    r = fn(a);
    if (errno != 0 || isinf(a))
        input_out_of_range();
    if (unlikely(isinf(r)))
        float_overflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum dsin(PG_FUNCTION_ARGS) { return trig_func(fcinfo, sin); }
Datum dcos(PG_FUNCTION_ARGS) { return trig_func(fcinfo, cos); }
Datum dtan(PG_FUNCTION_ARGS) { return trig_func(fcinfo, tan); }

Datum
dasin(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);

    if (isnan(a))
        PG_RETURN_FLOAT8(get_float8_nan());
    if (a < -1.0 || a > 1.0)
        input_out_of_range();
    PG_RETURN_FLOAT8(asin(a));
}

Datum
dacos(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);

    if (isnan(a))
        PG_RETURN_FLOAT8(get_float8_nan());
    if (a < -1.0 || a > 1.0)
        input_out_of_range();
    PG_RETURN_FLOAT8(acos(a));
}

Datum
datan(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);

    if (isnan(a))
        PG_RETURN_FLOAT8(get_float8_nan());
    PG_RETURN_FLOAT8(atan(a));
}

/* cot(0) is Infinity, not an overflow */
Datum
dcot(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    if (isnan(a))
        PG_RETURN_FLOAT8(get_float8_nan());
    errno = 0;
    r = tan(a);
    if (errno != 0 || isinf(a))
        input_out_of_range();
    PG_RETURN_FLOAT8(1.0 / r);
}

Datum
datan2(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0), b = PG_GETARG_FLOAT8(1);
    float8 r;

    if (isnan(a) || isnan(b))
        PG_RETURN_FLOAT8(get_float8_nan());
    r = atan2(a, b);
    if (unlikely(isinf(r)))
        float_overflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum
dsinh(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    errno = 0;
    r = sinh(a);
    if (errno == ERANGE)
        r = a < 0 ? -INFINITY : INFINITY;
    PG_RETURN_FLOAT8(r);
}

Datum
dcosh(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);
    float8 r;

    errno = 0;
    r = cosh(a);
    if (errno == ERANGE)
        r = INFINITY;
    if (unlikely(r == 0.0))
        float_underflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum
dtanh(PG_FUNCTION_ARGS)
{
    float8 r = tanh(PG_GETARG_FLOAT8(0));

    if (unlikely(isinf(r)))
        float_overflow_error();
    PG_RETURN_FLOAT8(r);
}

Datum
dasinh(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT8(asinh(PG_GETARG_FLOAT8(0)));
}

Datum
dacosh(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);

    if (a < 1.0)
        input_out_of_range();
    PG_RETURN_FLOAT8(acosh(a));
}

Datum
datanh(PG_FUNCTION_ARGS)
{
    float8 a = PG_GETARG_FLOAT8(0);

    if (a < -1.0 || a > 1.0)
        input_out_of_range();
    if (a == -1.0)
        PG_RETURN_FLOAT8(-INFINITY);
    if (a == 1.0)
        PG_RETURN_FLOAT8(INFINITY);
    PG_RETURN_FLOAT8(atanh(a));
}

/*
 * width_bucket(operand, low, high, count): the bucket (1..count) of
 * operand in count equal-width buckets, 0 below, count+1 above.
 */
Datum
width_bucket_float8(PG_FUNCTION_ARGS)
{
    float8 operand = PG_GETARG_FLOAT8(0);
    float8 bound1 = PG_GETARG_FLOAT8(1);
    float8 bound2 = PG_GETARG_FLOAT8(2);
    int32  count = PG_GETARG_INT32(3);
    int32  result;

    if (count <= 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("count must be greater than zero"));
    if (isnan(operand) || isnan(bound1) || isnan(bound2))
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("operand, lower bound, and upper bound cannot be NaN"));
    if (isinf(bound1) || isinf(bound2))
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("lower and upper bounds must be finite"));
    if (bound1 == bound2)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("lower bound cannot equal upper bound"));

    if (bound1 < bound2 ? operand < bound1 : operand > bound1)
        result = 0;
    else if (bound1 < bound2 ? operand >= bound2 : operand <= bound2)
    {
        if (__builtin_add_overflow(count, 1, &result))
            int4_overflow();
    }
    else
    {
        /*
         * PostgreSQL 15's formula, including its behaviour when the range
         * overflows (NaN): the x86 conversion of a NaN or out-of-range
         * double to int32 yields INT32_MIN, reproduced here without UB.
         */
        float8 r = bound1 < bound2
            ? ((float8) count * (operand - bound1) / (bound2 - bound1)) + 1
            : ((float8) count * (bound1 - operand) / (bound1 - bound2)) + 1;

        if (isnan(r) || r >= -(float8) PG_INT32_MIN || r < (float8) PG_INT32_MIN)
            result = PG_INT32_MIN;
        else
            result = (int32) r;
    }
    PG_RETURN_INT32(result);
}

/* ---------------------------------------------------------------- random */

/*
 * random() and setseed(): PostgreSQL 15's generator (pg_prng.c), so that
 * setseed(x) followed by random() gives PostgreSQL's sequence:
 * xoroshiro128** seeded through splitmix64; a double takes the top 52 bits.
 * The state is per backend; it is seeded from getrandom() on first use.
 */
static uint64 prng_s0, prng_s1;
static bool prng_seeded = false;

static inline uint64
rotl64(uint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64
splitmix64(uint64 *state)
{
    uint64 val = (*state += UINT64_C(0x9E3779B97f4A7C15));

    val = (val ^ (val >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    val = (val ^ (val >> 27)) * UINT64_C(0x94D049BB133111EB);
    return val ^ (val >> 31);
}

static void
prng_seed(uint64 seed)
{
    prng_s0 = splitmix64(&seed);
    prng_s1 = splitmix64(&seed);
    if (prng_s0 == 0 && prng_s1 == 0)
        prng_s0 = UINT64_C(0x5851F42D4C957F2D);     /* never the all-zero state */
    prng_seeded = true;
}

static double
prng_double(void)
{
    uint64 s0 = prng_s0;
    uint64 sx = prng_s1 ^ s0;
    uint64 val = rotl64(s0 * 5, 7) * 9;

    prng_s0 = rotl64(s0, 24) ^ sx ^ (sx << 16);
    prng_s1 = rotl64(sx, 37);
    return ldexp((double) (val >> (64 - 52)), -52);     /* [0, 1) */
}

Datum
drandom(PG_FUNCTION_ARGS)
{
    if (unlikely(!prng_seeded))
    {
        uint64 seed;

        if (getrandom(&seed, sizeof seed, 0) != (ssize_t) sizeof seed)
        {
            struct timespec ts;

            clock_gettime(CLOCK_REALTIME, &ts);
            seed = ((uint64) getpid() << 32) ^ (uint64) ts.tv_sec ^ (uint64) ts.tv_nsec;
        }
        prng_seed(seed);
    }
    PG_RETURN_FLOAT8(prng_double());
}

Datum
setseed(PG_FUNCTION_ARGS)
{
    float8 seed = PG_GETARG_FLOAT8(0);

    if (seed < -1 || seed > 1 || isnan(seed))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("setseed parameter %g is out of allowed range [-1,1]", seed));
    prng_seed((uint64) (int64) (((double) ((UINT64_C(1) << 52) - 1)) * seed));
    PG_RETURN_VOID();
}

/* ---------------------------------------------------------------- in_range */

static Datum
in_range_float(FunctionCallInfo fcinfo, float8 val, float8 base, float8 offset)
{
    bool   sub = PG_GETARG_BOOL(3);
    bool   less = PG_GETARG_BOOL(4);
    float8 sum;

    if (isnan(offset) || offset < 0)
        invalid_window_offset();
    /* NaN sorts after everything; the offset cannot change that */
    if (isnan(val))
        PG_RETURN_BOOL(isnan(base) ? true : !less);
    if (isnan(base))
        PG_RETURN_BOOL(less);
    /* +inf infinitely precedes +inf and -inf infinitely follows -inf */
    if (isinf(offset) && isinf(base) && (sub ? base > 0 : base < 0))
        PG_RETURN_BOOL(true);
    sum = sub ? base - offset : base + offset;
    PG_RETURN_BOOL(less ? val <= sum : val >= sum);
}

Datum
in_range_float8_float8(PG_FUNCTION_ARGS)
{
    return in_range_float(fcinfo, PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
                          PG_GETARG_FLOAT8(2));
}

Datum
in_range_float4_float8(PG_FUNCTION_ARGS)
{
    return in_range_float(fcinfo, PG_GETARG_FLOAT4(0), PG_GETARG_FLOAT4(1),
                          PG_GETARG_FLOAT8(2));
}
