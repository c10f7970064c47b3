/*-------------------------------------------------------------------------
 * numeric_funcs.c
 *    The fmgr-callable functions of the numeric type: I/O (text and
 *    binary), typmod coercion numeric(numeric, int4) and typmodin/out,
 *    arithmetic with NaN and +/-Infinity, comparison and hashing, rounding
 *    functions, casts to and from the integer and float types, sqrt,
 *    factorial, gcd/lcm and window in_range support.
 *
 * Special values follow PostgreSQL 14+: NaN is absorbing and sorts above
 * +Infinity; Inf - Inf, Inf * 0, Inf / Inf and Inf % x are NaN; x / Inf is
 * 0; division of a non-NaN by zero is an error.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <strings.h>
#include "backend/interrupts.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"
#include "procs/numeric_var.h"

static Numeric
duplicate_numeric(Numeric num)
{
    Numeric res = (Numeric) palloc(VARSIZE(num));

    memcpy(res, num, VARSIZE(num));
    return res;
}

static Numeric
make_special(int sign)
{
    return make_result(sign == NUMERIC_NAN ? &const_nan :
                       sign == NUMERIC_PINF ? &const_pinf : &const_ninf);
}

/* -1, 0 or 1; +Inf is 1, -Inf is -1 (NaN must be excluded by the caller) */
static int
numeric_sign_internal(Numeric num)
{
    if (NUMERIC_IS_SPECIAL(num))
        return NUMERIC_IS_PINF(num) ? 1 : -1;
    if (NUMERIC_NDIGITS(num) == 0)
        return 0;
    return NUMERIC_SIGN(num) == NUMERIC_NEG ? -1 : 1;
}

bool
numeric_is_nan(Numeric num)
{
    return NUMERIC_IS_NAN(num);
}

bool
numeric_is_inf(Numeric num)
{
    return NUMERIC_IS_INF(num);
}

/* Is num a finite integer (no nonzero digits after the point)? */
bool
numeric_is_integral(Numeric num)
{
    NumericVar arg;

    if (NUMERIC_IS_SPECIAL(num))
        return false;
    init_var_from_num(num, &arg);
    return arg.ndigits == 0 || arg.ndigits <= arg.weight + 1;
}

/* ---------------------------------------------------------------- I/O */

Datum
numeric_in(PG_FUNCTION_ARGS)
{
    char   *str = PG_GETARG_CSTRING(0);
    int32   typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
    const char *cp = str;
    Numeric res;
    static const struct { const char *s; int len; int sign; } specials[] = {
        {"NaN", 3, NUMERIC_NAN}, {"Infinity", 8, NUMERIC_PINF},
        {"+Infinity", 9, NUMERIC_PINF}, {"-Infinity", 9, NUMERIC_NINF},
        {"inf", 3, NUMERIC_PINF}, {"+inf", 4, NUMERIC_PINF}, {"-inf", 4, NUMERIC_NINF},
    };
    int     i;

    while (*cp && isspace((unsigned char) *cp))
        cp++;

    for (i = 0; i < (int) lengthof(specials); i++)
        if (strncasecmp(cp, specials[i].s, specials[i].len) == 0)
            break;

    if (i < (int) lengthof(specials))
    {
        res = make_special(specials[i].sign);
        cp += specials[i].len;
    }
    else
    {
        NumericVar value;

        init_var(&value);
        cp = set_var_from_str(str, cp, &value);
        /* trailing junk is a syntax error, reported before any typmod error */
        while (*cp)
        {
            if (!isspace((unsigned char) *cp))
                ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                        errmsg("invalid input syntax for type %s: \"%s\"", "numeric", str));
            cp++;
        }
        apply_typmod(&value, typmod);
        res = make_result(&value);
        free_var(&value);
        PG_RETURN_NUMERIC(res);
    }

    while (*cp)
    {
        if (!isspace((unsigned char) *cp))
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("invalid input syntax for type %s: \"%s\"", "numeric", str));
        cp++;
    }
    apply_typmod_special(res, typmod);
    PG_RETURN_NUMERIC(res);
}

char *
numeric_out_internal(Numeric num)
{
    NumericVar x;

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_PINF(num))
            return pstrdup("Infinity");
        if (NUMERIC_IS_NINF(num))
            return pstrdup("-Infinity");
        return pstrdup("NaN");
    }
    init_var_from_num(num, &x);
    return get_str_from_var(&x);
}

Datum
numeric_out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(numeric_out_internal(PG_GETARG_NUMERIC(0)));
}

/* numeric_out without trailing fractional zeros (jsonb, to_char) */
char *
numeric_normalize(Numeric num)
{
    char *str = numeric_out_internal(num);

    if (!NUMERIC_IS_SPECIAL(num) && strchr(str, '.') != NULL)
    {
        int last = strlen(str) - 1;

        while (str[last] == '0')
            last--;
        if (str[last] == '.')
            last--;
        str[last + 1] = '\0';
    }
    return str;
}

/* 10^exp as a var */
static void
power_ten_int(int exp, NumericVar *result)
{
    static const NumericDigit pows[4] = {1, 10, 100, 1000};
    int w = exp >= 0 ? exp / DEC_DIGITS : -((-exp + DEC_DIGITS - 1) / DEC_DIGITS);

    alloc_var(result, 1);
    result->digits[0] = pows[exp - w * DEC_DIGITS];
    result->weight = w;
    result->sign = NUMERIC_POS;
    result->dscale = exp < 0 ? -exp : 0;
}

/* d.ddd...e+XX with `scale` fractional digits (to_char's EEEE) */
char *
numeric_out_sci(Numeric num, int scale)
{
    NumericVar x, tmp;
    int     exponent = 0;
    char   *sig;

    if (NUMERIC_IS_SPECIAL(num))
        return numeric_out_internal(num);
    init_var_from_num(num, &x);
    if (x.ndigits > 0)
        exponent = (x.weight + 1) * DEC_DIGITS - (DEC_DIGITS - (int) log10(x.digits[0]));
    init_var(&tmp);
    power_ten_int(exponent, &tmp);
    div_var(&x, &tmp, &tmp, scale, true);
    sig = get_str_from_var(&tmp);
    free_var(&tmp);
    return psprintf("%se%+03d", sig, exponent);
}

/*
 * Binary format: int16 ndigits, int16 weight, uint16 sign, uint16 dscale,
 * then the base-10000 digits as int16.  Digits hidden by dscale are
 * truncated; the typmod is then applied.
 */
Datum
numeric_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int32   typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
    NumericVar value;
    Numeric res;
    int     len;

    init_var(&value);
    len = (uint16) pq_getmsgint(buf, 2);
    alloc_var(&value, len);
    value.weight = (int16) pq_getmsgint(buf, 2);
    value.sign = (uint16) pq_getmsgint(buf, 2);
    if (!(value.sign == NUMERIC_POS || value.sign == NUMERIC_NEG ||
          value.sign == NUMERIC_NAN || value.sign == NUMERIC_PINF ||
          value.sign == NUMERIC_NINF))
        ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                errmsg("invalid sign in external \"numeric\" value"));
    value.dscale = (uint16) pq_getmsgint(buf, 2);
    if ((value.dscale & NUMERIC_DSCALE_MASK) != value.dscale)
        ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                errmsg("invalid scale in external \"numeric\" value"));
    for (int i = 0; i < len; i++)
    {
        NumericDigit d = (NumericDigit) pq_getmsgint(buf, 2);

        if (d < 0 || d >= NBASE)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid digit in external \"numeric\" value"));
        value.digits[i] = d;
    }

    if (value.sign == NUMERIC_POS || value.sign == NUMERIC_NEG)
    {
        trunc_var(&value, value.dscale);
        apply_typmod(&value, typmod);
        res = make_result(&value);
    }
    else
    {
        res = make_result(&value);
        apply_typmod_special(res, typmod);
    }
    free_var(&value);
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_send(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar x;
    StringInfoData buf;

    init_var_from_num(num, &x);
    pq_begintypsend(&buf);
    pq_sendint16(&buf, x.ndigits);
    pq_sendint16(&buf, x.weight);
    pq_sendint16(&buf, x.sign);
    pq_sendint16(&buf, x.dscale);
    for (int i = 0; i < x.ndigits; i++)
        pq_sendint16(&buf, x.digits[i]);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* numeric(numeric, int4): coerce to a column's precision and scale */
Datum
numeric(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    int32   typmod = PG_GETARG_INT32(1);
    NumericVar var;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num))
    {
        apply_typmod_special(num, typmod);
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    }
    if (!is_valid_numeric_typmod(typmod))
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    init_var(&var);
    set_var_from_num(num, &var);
    apply_typmod(&var, typmod);
    res = make_result(&var);
    free_var(&var);
    PG_RETURN_NUMERIC(res);
}

Datum
numerictypmodin(PG_FUNCTION_ARGS)
{
    int     n;
    int32  *tl = adt_typmod_integers((AdtArray *) PG_GETARG_POINTER(0), &n);
    int32   typmod = 0;

    if (n == 2 || n == 1)
    {
        if (tl[0] < 1 || tl[0] > NUMERIC_MAX_PRECISION)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("NUMERIC precision %d must be between 1 and %d",
                           tl[0], NUMERIC_MAX_PRECISION));
        if (n == 2 && (tl[1] < NUMERIC_MIN_SCALE || tl[1] > NUMERIC_MAX_SCALE))
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("NUMERIC scale %d must be between %d and %d",
                           tl[1], NUMERIC_MIN_SCALE, NUMERIC_MAX_SCALE));
        typmod = make_numeric_typmod(tl[0], n == 2 ? tl[1] : 0);
    }
    else
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid NUMERIC type modifier"));
    PG_RETURN_INT32(typmod);
}

Datum
numerictypmodout(PG_FUNCTION_ARGS)
{
    int32 typmod = PG_GETARG_INT32(0);

    if (is_valid_numeric_typmod(typmod))
        PG_RETURN_CSTRING(psprintf("(%d,%d)", numeric_typmod_precision(typmod),
                                   numeric_typmod_scale(typmod)));
    PG_RETURN_CSTRING(pstrdup(""));
}

/* ---------------------------------------------------------------- arithmetic */

Numeric
numeric_add_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
    NumericVar a, b, r;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
    {
        if (NUMERIC_IS_NAN(num1) || NUMERIC_IS_NAN(num2))
            return make_special(NUMERIC_NAN);
        if (NUMERIC_IS_PINF(num1))
            return make_special(NUMERIC_IS_NINF(num2) ? NUMERIC_NAN : NUMERIC_PINF);
        if (NUMERIC_IS_NINF(num1))
            return make_special(NUMERIC_IS_PINF(num2) ? NUMERIC_NAN : NUMERIC_NINF);
        return make_special(NUMERIC_IS_PINF(num2) ? NUMERIC_PINF : NUMERIC_NINF);
    }
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    add_var(&a, &b, &r);
    res = make_result_opt_error(&r, have_error);
    free_var(&r);
    return res;
}

Numeric
numeric_sub_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
    NumericVar a, b, r;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
    {
        if (NUMERIC_IS_NAN(num1) || NUMERIC_IS_NAN(num2))
            return make_special(NUMERIC_NAN);
        if (NUMERIC_IS_PINF(num1))
            return make_special(NUMERIC_IS_PINF(num2) ? NUMERIC_NAN : NUMERIC_PINF);
        if (NUMERIC_IS_NINF(num1))
            return make_special(NUMERIC_IS_NINF(num2) ? NUMERIC_NAN : NUMERIC_NINF);
        return make_special(NUMERIC_IS_PINF(num2) ? NUMERIC_NINF : NUMERIC_PINF);
    }
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    sub_var(&a, &b, &r);
    res = make_result_opt_error(&r, have_error);
    free_var(&r);
    return res;
}

/* sign of a product of signs; 0 * Inf is NaN */
static Numeric
inf_product(int s1, int s2)
{
    if (s1 == 0 || s2 == 0)
        return make_special(NUMERIC_NAN);
    return make_special(s1 * s2 > 0 ? NUMERIC_PINF : NUMERIC_NINF);
}

Numeric
numeric_mul_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
    NumericVar a, b, r;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
    {
        if (NUMERIC_IS_NAN(num1) || NUMERIC_IS_NAN(num2))
            return make_special(NUMERIC_NAN);
        return inf_product(numeric_sign_internal(num1), numeric_sign_internal(num2));
    }
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    /* the exact product, rounded only if its scale exceeds the format's */
    mul_var(&a, &b, &r, a.dscale + b.dscale);
    if (r.dscale > NUMERIC_DSCALE_MAX)
        round_var(&r, NUMERIC_DSCALE_MAX);
    res = make_result_opt_error(&r, have_error);
    free_var(&r);
    return res;
}

/*
 * Special cases shared by / and div(): returns the result, or NULL when
 * both operands are finite.
 */
static Numeric
div_special(Numeric num1, Numeric num2, bool *have_error)
{
    if (NUMERIC_IS_NAN(num1) || NUMERIC_IS_NAN(num2))
        return make_special(NUMERIC_NAN);
    if (NUMERIC_IS_INF(num1))
    {
        if (NUMERIC_IS_SPECIAL(num2))
            return make_special(NUMERIC_NAN);   /* Inf / Inf */
        switch (numeric_sign_internal(num2))
        {
            case 0:
                if (have_error)
                {
                    *have_error = true;
                    return NULL;
                }
                division_by_zero();
            case 1:
                return make_special(NUMERIC_IS_PINF(num1) ? NUMERIC_PINF : NUMERIC_NINF);
            default:
                return make_special(NUMERIC_IS_PINF(num1) ? NUMERIC_NINF : NUMERIC_PINF);
        }
    }
    /* finite / Inf: numeric has no underflow, so zero */
    return make_result(&const_zero);
}

Numeric
numeric_div_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
    NumericVar a, b, r;
    Numeric res;
    int     rscale;

    if (have_error)
        *have_error = false;
    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
        return div_special(num1, num2, have_error);
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    rscale = select_div_scale(&a, &b);
    if (have_error && b.ndigits == 0)
    {
        *have_error = true;
        return NULL;
    }
    div_var(&a, &b, &r, rscale, true);
    res = make_result_opt_error(&r, have_error);
    free_var(&r);
    return res;
}

Numeric
numeric_mod_opt_error(Numeric num1, Numeric num2, bool *have_error)
{
    NumericVar a, b, r;
    Numeric res;

    if (have_error)
        *have_error = false;
    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
    {
        if (NUMERIC_IS_NAN(num1) || NUMERIC_IS_NAN(num2))
            return make_special(NUMERIC_NAN);
        if (NUMERIC_IS_INF(num1))
        {
            if (numeric_sign_internal(num2) == 0)
            {
                if (have_error)
                {
                    *have_error = true;
                    return NULL;
                }
                division_by_zero();
            }
            return make_special(NUMERIC_NAN);   /* Inf % nonzero */
        }
        return duplicate_numeric(num1);         /* x % Inf = x */
    }
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    if (have_error && b.ndigits == 0)
    {
        *have_error = true;
        return NULL;
    }
    init_var(&r);
    mod_var(&a, &b, &r);
    res = make_result_opt_error(&r, have_error);
    free_var(&r);
    return res;
}

Datum
numeric_add(PG_FUNCTION_ARGS)
{
    PG_RETURN_NUMERIC(numeric_add_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), NULL));
}

Datum
numeric_sub(PG_FUNCTION_ARGS)
{
    PG_RETURN_NUMERIC(numeric_sub_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), NULL));
}

Datum
numeric_mul(PG_FUNCTION_ARGS)
{
    PG_RETURN_NUMERIC(numeric_mul_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), NULL));
}

Datum
numeric_div(PG_FUNCTION_ARGS)
{
    PG_RETURN_NUMERIC(numeric_div_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), NULL));
}

Datum
numeric_mod(PG_FUNCTION_ARGS)
{
    PG_RETURN_NUMERIC(numeric_mod_opt_error(PG_GETARG_NUMERIC(0), PG_GETARG_NUMERIC(1), NULL));
}

/* div(x, y): the quotient truncated toward zero */
Datum
numeric_div_trunc(PG_FUNCTION_ARGS)
{
    Numeric num1 = PG_GETARG_NUMERIC(0);
    Numeric num2 = PG_GETARG_NUMERIC(1);
    NumericVar a, b, r;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
        PG_RETURN_NUMERIC(div_special(num1, num2, NULL));
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    div_var(&a, &b, &r, 0, false);
    res = make_result(&r);
    free_var(&r);
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_uminus(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    Numeric res = duplicate_numeric(num);

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_PINF(num))
            res->n_sign_dscale = NUMERIC_NINF;
        else if (NUMERIC_IS_NINF(num))
            res->n_sign_dscale = NUMERIC_PINF;
    }
    else if (NUMERIC_NDIGITS(num) != 0)
        res->n_sign_dscale ^= NUMERIC_NEG;      /* zero stays positive */
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_uplus(PG_FUNCTION_ARGS)
{
    PG_RETURN_NUMERIC(duplicate_numeric(PG_GETARG_NUMERIC(0)));
}

Datum
numeric_abs(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    Numeric res = duplicate_numeric(num);

    if (NUMERIC_IS_NINF(num))
        res->n_sign_dscale = NUMERIC_PINF;
    else if (!NUMERIC_IS_SPECIAL(num))
        res->n_sign_dscale &= ~NUMERIC_NEG;
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_sign(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);

    if (NUMERIC_IS_NAN(num))
        PG_RETURN_NUMERIC(make_special(NUMERIC_NAN));
    PG_RETURN_NUMERIC(int64_to_numeric(numeric_sign_internal(num)));
}

Datum
numeric_inc(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    init_var(&arg);
    set_var_from_num(num, &arg);
    add_var(&arg, &const_one, &arg);
    res = make_result(&arg);
    free_var(&arg);
    PG_RETURN_NUMERIC(res);
}

/* ---------------------------------------------------------------- rounding */

/* the scale argument of round/trunc, clamped as PostgreSQL does */
static int
clamp_round_scale(int32 scale)
{
    scale = Max(scale, -(NUMERIC_WEIGHT_MAX + 1) * DEC_DIGITS - 1);
    return Min(scale, NUMERIC_DSCALE_MAX);
}

Datum
numeric_round(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    int     scale = clamp_round_scale(PG_NARGS() > 1 ? PG_GETARG_INT32(1) : 0);
    NumericVar arg;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    init_var(&arg);
    set_var_from_num(num, &arg);
    round_var(&arg, scale);
    if (scale < 0)
        arg.dscale = 0;
    res = make_result(&arg);
    free_var(&arg);
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_trunc(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    int     scale = clamp_round_scale(PG_NARGS() > 1 ? PG_GETARG_INT32(1) : 0);
    NumericVar arg;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    init_var(&arg);
    set_var_from_num(num, &arg);
    trunc_var(&arg, scale);
    if (scale < 0)
        arg.dscale = 0;
    res = make_result(&arg);
    free_var(&arg);
    PG_RETURN_NUMERIC(res);
}

/* ceil (up) or floor (!up) to an integer with dscale 0 */
static Datum
ceil_floor(FunctionCallInfo fcinfo, bool up)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg, t;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    init_var_from_num(num, &arg);
    init_var(&t);
    set_var_from_var(&arg, &t);
    trunc_var(&t, 0);
    if (cmp_var(&arg, &t) != 0)
    {
        if (up && arg.sign == NUMERIC_POS)
            add_var(&t, &const_one, &t);
        else if (!up && arg.sign == NUMERIC_NEG)
            sub_var(&t, &const_one, &t);
    }
    t.dscale = 0;
    res = make_result(&t);
    free_var(&t);
    PG_RETURN_NUMERIC(res);
}

Datum numeric_ceil(PG_FUNCTION_ARGS)  { return ceil_floor(fcinfo, true); }
Datum numeric_floor(PG_FUNCTION_ARGS) { return ceil_floor(fcinfo, false); }

Datum
numeric_scale(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NULL();
    PG_RETURN_INT32(NUMERIC_DSCALE(num));
}

/* the number of decimal places actually needed (trailing zeros ignored) */
static int
get_min_scale(const NumericVar *var)
{
    int min_scale, last;

    if (var->ndigits == 0)
        return 0;
    last = var->ndigits - 1;
    min_scale = (last - var->weight) * DEC_DIGITS;
    if (min_scale <= 0)
        return 0;
    {
        NumericDigit d = var->digits[last];

        while (d % 10 == 0)
        {
            min_scale--;
            d /= 10;
        }
    }
    return min_scale;
}

Datum
numeric_min_scale(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg;

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NULL();
    init_var_from_num(num, &arg);
    PG_RETURN_INT32(get_min_scale(&arg));
}

Datum
numeric_trim_scale(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg;

    if (NUMERIC_IS_SPECIAL(num))
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    init_var_from_num(num, &arg);
    arg.dscale = get_min_scale(&arg);
    PG_RETURN_NUMERIC(make_result(&arg));
}

/* ---------------------------------------------------------------- compare */

int
numeric_cmp_internal(Numeric num1, Numeric num2)
{
    NumericVar a, b;

    if (NUMERIC_IS_SPECIAL(num1))
    {
        if (NUMERIC_IS_NAN(num1))
            return NUMERIC_IS_NAN(num2) ? 0 : 1;
        if (NUMERIC_IS_PINF(num1))
            return NUMERIC_IS_NAN(num2) ? -1 : (NUMERIC_IS_PINF(num2) ? 0 : 1);
        return NUMERIC_IS_NINF(num2) ? 0 : -1;
    }
    if (NUMERIC_IS_SPECIAL(num2))
        return NUMERIC_IS_NINF(num2) ? 1 : -1;
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    return cmp_var(&a, &b);
}

#define NUM_CMP(a, b) numeric_cmp_internal(PG_GETARG_NUMERIC(a), PG_GETARG_NUMERIC(b))

Datum numeric_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(NUM_CMP(0, 1)); }
Datum numeric_eq(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(NUM_CMP(0, 1) == 0); }
Datum numeric_ne(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(NUM_CMP(0, 1) != 0); }
Datum numeric_lt(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(NUM_CMP(0, 1) < 0); }
Datum numeric_le(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(NUM_CMP(0, 1) <= 0); }
Datum numeric_gt(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(NUM_CMP(0, 1) > 0); }
Datum numeric_ge(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(NUM_CMP(0, 1) >= 0); }

Datum
numeric_larger(PG_FUNCTION_ARGS)
{
    Numeric a = PG_GETARG_NUMERIC(0), b = PG_GETARG_NUMERIC(1);

    PG_RETURN_NUMERIC(numeric_cmp_internal(a, b) > 0 ? a : b);
}

Datum
numeric_smaller(PG_FUNCTION_ARGS)
{
    Numeric a = PG_GETARG_NUMERIC(0), b = PG_GETARG_NUMERIC(1);

    PG_RETURN_NUMERIC(numeric_cmp_internal(a, b) < 0 ? a : b);
}

/*
 * Hash the digits without leading or trailing zeros, XORed with the
 * weight of the first nonzero digit: equal values with different scales
 * hash alike.  Specials hash to 0 (to the seed when extended).
 */
static bool
hash_numeric_parts(Numeric key, const NumericDigit **start, int *len, int *weight)
{
    const NumericDigit *digits = NUMERIC_DIGITS(key);
    int n = NUMERIC_NDIGITS(key);
    int s = 0;

    *weight = NUMERIC_WEIGHT(key);
    while (s < n && digits[s] == 0)
    {
        s++;
        (*weight)--;
    }
    if (s == n)
        return false;
    while (digits[n - 1] == 0)
        n--;
    *start = digits + s;
    *len = n - s;
    return true;
}

Datum
hash_numeric(PG_FUNCTION_ARGS)
{
    Numeric key = PG_GETARG_NUMERIC(0);
    const NumericDigit *start;
    int     len, weight;

    if (NUMERIC_IS_SPECIAL(key))
        PG_RETURN_UINT32(0);
    if (!hash_numeric_parts(key, &start, &len, &weight))
        PG_RETURN_UINT32(-1);
    PG_RETURN_UINT32(DatumGetUInt32(hash_any((const unsigned char *) start,
                                             len * sizeof(NumericDigit))) ^ weight);
}

Datum
hash_numeric_extended(PG_FUNCTION_ARGS)
{
    Numeric key = PG_GETARG_NUMERIC(0);
    uint64  seed = PG_GETARG_INT64(1);
    const NumericDigit *start;
    int     len, weight;

    if (NUMERIC_IS_SPECIAL(key))
        return UInt64GetDatum(seed);
    if (!hash_numeric_parts(key, &start, &len, &weight))
        return UInt64GetDatum(seed - 1);
    return UInt64GetDatum(DatumGetUInt64(hash_any_extended((const unsigned char *) start,
                                                           len * sizeof(NumericDigit), seed))
                          ^ (uint64) (int64) weight);
}

/* ---------------------------------------------------------------- casts */

Numeric
int64_to_numeric(int64 val)
{
    NumericVar result;
    Numeric res;

    init_var(&result);
    int64_to_numericvar(val, &result);
    res = make_result(&result);
    free_var(&result);
    return res;
}

/* val1 / 10^log10val2, exactly (log10val2 >= 0) */
Numeric
int64_div_fast_to_numeric(int64 val1, int log10val2)
{
    NumericVar result;
    Numeric res;

    init_var(&result);
    int64_to_numericvar(val1, &result);
    if (log10val2 > 0 && result.ndigits > 0)
    {
        NumericVar pow10;

        init_var(&pow10);
        power_ten_int(log10val2, &pow10);
        div_var(&result, &pow10, &result, log10val2, false);
        free_var(&pow10);
    }
    result.dscale = Max(log10val2, 0);
    res = make_result(&result);
    free_var(&result);
    return res;
}

Datum int4_numeric(PG_FUNCTION_ARGS) { PG_RETURN_NUMERIC(int64_to_numeric(PG_GETARG_INT32(0))); }
Datum int8_numeric(PG_FUNCTION_ARGS) { PG_RETURN_NUMERIC(int64_to_numeric(PG_GETARG_INT64(0))); }
Datum int2_numeric(PG_FUNCTION_ARGS) { PG_RETURN_NUMERIC(int64_to_numeric(PG_GETARG_INT16(0))); }

/* NaN/Inf cannot become integers; others round half away from zero. */
static int64
numeric_to_int_checked(Numeric num, const char *typname, int64 min, int64 max,
                       void (*overflow)(void), bool *have_error)
{
    NumericVar x;
    int64   val;

    if (have_error)
        *have_error = false;
    if (NUMERIC_IS_SPECIAL(num))
    {
        if (have_error)
        {
            *have_error = true;
            return 0;
        }
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg(NUMERIC_IS_NAN(num) ? "cannot convert NaN to %s"
                       : "cannot convert infinity to %s", typname));
    }
    init_var_from_num(num, &x);
    if (!numericvar_to_int64(&x, &val) || val < min || val > max)
    {
        if (have_error)
        {
            *have_error = true;
            return 0;
        }
        overflow();
    }
    return val;
}

int32
numeric_int4_opt_error(Numeric num, bool *have_error)
{
    return (int32) numeric_to_int_checked(num, "integer", PG_INT32_MIN, PG_INT32_MAX,
                                          int4_overflow, have_error);
}

int64
numeric_int8_opt_error(Numeric num, bool *have_error)
{
    return numeric_to_int_checked(num, "bigint", PG_INT64_MIN, PG_INT64_MAX,
                                  int8_overflow, have_error);
}

Datum
numeric_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(numeric_int4_opt_error(PG_GETARG_NUMERIC(0), NULL));
}

Datum
numeric_int8(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(numeric_int8_opt_error(PG_GETARG_NUMERIC(0), NULL));
}

Datum
numeric_int2(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16((int16) numeric_to_int_checked(PG_GETARG_NUMERIC(0), "smallint",
                                                   PG_INT16_MIN, PG_INT16_MAX,
                                                   int2_overflow, NULL));
}

/*
 * float -> numeric goes through text with DBL_DIG (FLT_DIG) significant
 * digits, as PostgreSQL does: 0.1::float8::numeric is 0.1.
 */
static Numeric
float_to_numeric(float8 val, int digits)
{
    char    buf[DBL_DIG + 100];
    NumericVar result;
    Numeric res;

    if (isnan(val))
        return make_special(NUMERIC_NAN);
    if (isinf(val))
        return make_special(val < 0 ? NUMERIC_NINF : NUMERIC_PINF);
    snprintf(buf, sizeof buf, "%.*g", digits, val);
    init_var(&result);
    set_var_from_str(buf, buf, &result);
    res = make_result(&result);
    free_var(&result);
    return res;
}

Numeric
float8_to_numeric(float8 val)
{
    return float_to_numeric(val, DBL_DIG);
}

Datum float8_numeric(PG_FUNCTION_ARGS) { PG_RETURN_NUMERIC(float_to_numeric(PG_GETARG_FLOAT8(0), DBL_DIG)); }
Datum float4_numeric(PG_FUNCTION_ARGS) { PG_RETURN_NUMERIC(float_to_numeric(PG_GETARG_FLOAT4(0), FLT_DIG)); }

/* numeric -> float goes through numeric_out and the float input routine */
float8
numeric_to_float8(Numeric num)
{
    char *tmp;

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_PINF(num))
            return get_float8_infinity();
        if (NUMERIC_IS_NINF(num))
            return -get_float8_infinity();
        return get_float8_nan();
    }
    tmp = numeric_out_internal(num);
    return float8in_internal(tmp, NULL, "double precision", tmp);
}

Datum
numeric_float8(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT8(numeric_to_float8(PG_GETARG_NUMERIC(0)));
}

Datum
numeric_float4(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    char   *tmp;

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_PINF(num))
            PG_RETURN_FLOAT4((float4) get_float8_infinity());
        if (NUMERIC_IS_NINF(num))
            PG_RETURN_FLOAT4((float4) -get_float8_infinity());
        PG_RETURN_FLOAT4(get_float4_nan());
    }
    tmp = numeric_out_internal(num);
    PG_RETURN_FLOAT4(float4in_internal(tmp, NULL, "real", tmp));
}

/* ---------------------------------------------------------------- functions */

Datum
numeric_sqrt(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg, result;
    Numeric res;
    int     sweight, rscale;

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_NINF(num))
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                    errmsg("cannot take square root of a negative number"));
        PG_RETURN_NUMERIC(duplicate_numeric(num));
    }
    init_var_from_num(num, &arg);
    /* at least NUMERIC_MIN_SIG_DIGITS significant digits, no fewer than the input's scale */
    sweight = (arg.weight + 1) * DEC_DIGITS / 2 - 1;
    rscale = NUMERIC_MIN_SIG_DIGITS - sweight;
    rscale = Max(rscale, arg.dscale);
    rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
    rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);
    init_var(&result);
    sqrt_var(&arg, &result, rscale);
    res = make_result(&result);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_fac(PG_FUNCTION_ARGS)
{
    int64   num = PG_GETARG_INT64(0);
    NumericVar fact, result;
    Numeric res;

    if (num < 0)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("factorial of a negative number is undefined"));
    if (num <= 1)
        PG_RETURN_NUMERIC(make_result(&const_one));
    if (num > 32177)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("value overflows numeric format"));
    init_var(&fact);
    init_var(&result);
    int64_to_numericvar(num, &result);
    for (num = num - 1; num > 1; num--)
    {
        CHECK_FOR_INTERRUPTS();
        int64_to_numericvar(num, &fact);
        mul_var(&result, &fact, &result, 0);
    }
    res = make_result(&result);
    free_var(&fact);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}

/* gcd of two finite values, by Euclid on mod_var; result positive, larger input scale */
static void
gcd_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result)
{
    int     res_dscale = Max(var1->dscale, var2->dscale);
    NumericVar a, b, mod;

    init_var(&a);
    init_var(&b);
    init_var(&mod);
    set_var_from_var(var1, &a);
    set_var_from_var(var2, &b);
    a.sign = b.sign = NUMERIC_POS;
    if (cmp_var(&a, &b) < 0)
    {
        NumericVar t = a;

        a = b;
        b = t;
    }
    /* (a, b) <- (b, a mod b) until b is 0 */
    while (b.ndigits != 0)
    {
        CHECK_FOR_INTERRUPTS();
        mod_var(&a, &b, &mod);
        set_var_from_var(&b, &a);
        set_var_from_var(&mod, &b);
    }
    a.sign = NUMERIC_POS;
    a.dscale = res_dscale;
    set_var_from_var(&a, result);
    free_var(&a);
    free_var(&b);
    free_var(&mod);
}

Datum
numeric_gcd(PG_FUNCTION_ARGS)
{
    Numeric num1 = PG_GETARG_NUMERIC(0);
    Numeric num2 = PG_GETARG_NUMERIC(1);
    NumericVar a, b, r;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
        PG_RETURN_NUMERIC(make_special(NUMERIC_NAN));
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    gcd_var(&a, &b, &r);
    res = make_result(&r);
    free_var(&r);
    PG_RETURN_NUMERIC(res);
}

/* lcm(x, y) = |x / gcd(x, y) * y|, 0 if either is 0; larger input scale */
Datum
numeric_lcm(PG_FUNCTION_ARGS)
{
    Numeric num1 = PG_GETARG_NUMERIC(0);
    Numeric num2 = PG_GETARG_NUMERIC(1);
    NumericVar a, b, r;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
        PG_RETURN_NUMERIC(make_special(NUMERIC_NAN));
    init_var_from_num(num1, &a);
    init_var_from_num(num2, &b);
    init_var(&r);
    if (a.ndigits != 0 && b.ndigits != 0)
    {
        gcd_var(&a, &b, &r);
        div_var(&a, &r, &r, 0, false);
        mul_var(&b, &r, &r, b.dscale);
        r.sign = NUMERIC_POS;
    }
    r.dscale = Max(a.dscale, b.dscale);
    res = make_result(&r);
    free_var(&r);
    PG_RETURN_NUMERIC(res);
}

/* in_range for window frames: val vs base +/- offset with NaN/Inf rules */
Datum
in_range_numeric_numeric(PG_FUNCTION_ARGS)
{
    Numeric val = PG_GETARG_NUMERIC(0);
    Numeric base = PG_GETARG_NUMERIC(1);
    Numeric offset = PG_GETARG_NUMERIC(2);
    bool    sub = PG_GETARG_BOOL(3);
    bool    less = PG_GETARG_BOOL(4);
    bool    result;

    if (NUMERIC_IS_NAN(offset) || NUMERIC_IS_NINF(offset) ||
        NUMERIC_SIGN(offset) == NUMERIC_NEG)
        invalid_window_offset();

    if (NUMERIC_IS_NAN(val))
        result = NUMERIC_IS_NAN(base) ? true : !less;
    else if (NUMERIC_IS_NAN(base))
        result = less;
    else if (NUMERIC_IS_SPECIAL(offset))
    {
        /* offset is +Inf */
        if (sub ? NUMERIC_IS_PINF(base) : NUMERIC_IS_NINF(base))
            result = true;
        else if (sub)
            result = less ? NUMERIC_IS_NINF(val) : true;
        else
            result = less ? true : NUMERIC_IS_PINF(val);
    }
    else if (NUMERIC_IS_SPECIAL(val) || NUMERIC_IS_SPECIAL(base))
    {
        if (NUMERIC_IS_PINF(val))
            result = NUMERIC_IS_PINF(base) ? true : !less;
        else if (NUMERIC_IS_PINF(base))
            result = less;
        else if (NUMERIC_IS_NINF(val))
            result = NUMERIC_IS_NINF(base) ? true : less;
        else
            result = !less;
    }
    else
    {
        NumericVar valv, basev, offsetv, sum;

        init_var_from_num(val, &valv);
        init_var_from_num(base, &basev);
        init_var_from_num(offset, &offsetv);
        init_var(&sum);
        if (sub)
            sub_var(&basev, &offsetv, &sum);
        else
            add_var(&basev, &offsetv, &sum);
        result = less ? cmp_var(&valv, &sum) <= 0 : cmp_var(&valv, &sum) >= 0;
        free_var(&sum);
    }
    PG_RETURN_BOOL(result);
}

/* ---------------------------------------------------------------- width_bucket */

/* operand <=> bound for a finite bound; an infinite operand compares by sign */
static int
cmp_operand(Numeric operand, const NumericVar *bound)
{
    NumericVar v;

    if (NUMERIC_IS_PINF(operand))
        return 1;
    if (NUMERIC_IS_NINF(operand))
        return -1;
    init_var_from_num(operand, &v);
    return cmp_var(&v, bound);
}

/*
 * width_bucket(operand, b1, b2, count): which of count equal-width buckets
 * over [b1, b2) holds operand, 0 below the range and count+1 above it;
 * b1 > b2 reverses the direction (PostgreSQL 15's width_bucket_numeric and
 * compute_bucket: the bucket is trunc(count * (op - b1) / (b2 - b1)) + 1).
 */
Datum
width_bucket_numeric(PG_FUNCTION_ARGS)
{
    Numeric     operand = PG_GETARG_NUMERIC(0);
    Numeric     bound1 = PG_GETARG_NUMERIC(1);
    Numeric     bound2 = PG_GETARG_NUMERIC(2);
    int32       count = PG_GETARG_INT32(3);
    NumericVar  b1, b2, cnt, result, op;
    int         cmp;
    int64       r;

    if (count <= 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("count must be greater than zero"));
    if (NUMERIC_IS_NAN(operand) || NUMERIC_IS_NAN(bound1) || NUMERIC_IS_NAN(bound2))
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("operand, lower bound, and upper bound cannot be NaN"));
    if (NUMERIC_IS_INF(bound1) || NUMERIC_IS_INF(bound2))
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("lower and upper bounds must be finite"));

    init_var_from_num(bound1, &b1);
    init_var_from_num(bound2, &b2);
    init_var(&cnt);
    init_var(&result);
    int64_to_numericvar((int64) count, &cnt);
    cmp = cmp_var(&b1, &b2);
    if (cmp == 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION),
                errmsg("lower bound cannot equal upper bound"));
    if (cmp < 0 ? cmp_operand(operand, &b1) < 0 : cmp_operand(operand, &b1) > 0)
        set_var_from_var(&const_zero, &result);
    else if (cmp < 0 ? cmp_operand(operand, &b2) >= 0 : cmp_operand(operand, &b2) <= 0)
        add_var(&cnt, &const_one, &result);
    else
    {
        NumericVar num, den;

        init_var_from_num(operand, &op);
        init_var(&num);
        init_var(&den);
        if (cmp < 0)
        {
            sub_var(&op, &b1, &num);
            sub_var(&b2, &b1, &den);
        }
        else
        {
            sub_var(&b1, &op, &num);
            sub_var(&b1, &b2, &den);
        }
        mul_var(&num, &cnt, &num, num.dscale + cnt.dscale);
        div_var(&num, &den, &result, 0, false);
        add_var(&result, &const_one, &result);
        free_var(&num);
        free_var(&den);
    }
    if (!numericvar_to_int64(&result, &r) || r > PG_INT32_MAX || r < PG_INT32_MIN)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("integer out of range"));
    free_var(&cnt);
    free_var(&result);
    PG_RETURN_INT32((int32) r);
}
