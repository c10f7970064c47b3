/*-------------------------------------------------------------------------
 * numeric_math.c
 *    Transcendental functions on numeric: exp, ln, log(base, x) and power
 *    (the ^ operator), with PostgreSQL's result-scale rules and special
 *    value handling.
 *
 * Each function chooses its result scale as PostgreSQL does (at least
 * NUMERIC_MIN_SIG_DIGITS significant digits, never fewer decimals than
 * the inputs show, at most NUMERIC_MAX_DISPLAY_SCALE), computes with 8 or
 * more guard digits, and rounds once at the end; the algorithms are the
 * classic ones PostgreSQL uses, so the digits agree:
 *
 *    exp(x)    x / 2^k into |x| <= 0.01, Taylor series, then square k times
 *    ln(x)     square roots until 0.9 < x < 1.1, then the atanh series
 *              ln(x) = 2 * (z + z^3/3 + z^5/5 + ...), z = (x-1)/(x+1)
 *    x ^ n     integer n that fits int32: binary powering with scales
 *              bounded by the significant digits needed; otherwise
 *              exp(n * ln(x))
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <math.h>
#include "procs/builtins.h"
#include "procs/numeric_var.h"

static NumericDigit const_two_data[1] = {2};
static const NumericVar const_two = {1, 0, NUMERIC_POS, 0, NULL, const_two_data};
static NumericDigit const_zero_point_nine_data[1] = {9000};
static const NumericVar const_zero_point_nine = {1, -1, NUMERIC_POS, 1, NULL, const_zero_point_nine_data};
static NumericDigit const_one_point_one_data[2] = {1, 1000};
static const NumericVar const_one_point_one = {2, 0, NUMERIC_POS, 1, NULL, const_one_point_one_data};
static NumericDigit const_minus_one_data[1] = {1};
static const NumericVar const_minus_one = {1, 0, NUMERIC_NEG, 0, NULL, const_minus_one_data};

pg_attribute_noreturn() static void
numeric_overflow(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("value overflows numeric format"));
}

/* var as a double; out-of-range values become +/-HUGE_VAL (or 0) */
static double
numericvar_to_double_no_overflow(const NumericVar *var)
{
    char   *tmp = get_str_from_var(var);
    double  val = strtod(tmp, NULL);

    pfree(tmp);
    return val;
}

/* result = var / ival, rounded (or truncated) at rscale */
static void
div_var_int(const NumericVar *var, int ival, NumericVar *result, int rscale, bool round)
{
    NumericVar d;

    init_var(&d);
    int64_to_numericvar(ival, &d);
    div_var(var, &d, result, rscale, round);
    free_var(&d);
}

static void
exp_var(const NumericVar *arg, NumericVar *result, int rscale)
{
    NumericVar x, elem;
    int     ni, dweight, ndiv2, sig_digits, local_rscale;
    double  val;

    init_var(&x);
    init_var(&elem);
    set_var_from_var(arg, &x);

    val = numericvar_to_double_no_overflow(&x);
    if (fabs(val) >= NUMERIC_MAX_RESULT_SCALE * 3)
    {
        if (val > 0)
            numeric_overflow();
        zero_var(result);
        result->dscale = rscale;
        return;
    }
    dweight = (int) (val * 0.434294481903252);     /* log10(e^x) */

    /* reduce x to about |x| <= 0.01 by halving */
    ndiv2 = 0;
    if (fabs(val) > 0.01)
    {
        ndiv2 = 1;
        val /= 2;
        while (fabs(val) > 0.01)
        {
            ndiv2++;
            val /= 2;
        }
        local_rscale = x.dscale + ndiv2;
        div_var_int(&x, 1 << ndiv2, &x, local_rscale, true);
    }

    /* squaring ndiv2 times costs about log10(2^ndiv2) digits */
    sig_digits = 1 + dweight + rscale + (int) (ndiv2 * 0.301029995663981);
    sig_digits = Max(sig_digits, 0) + 8;
    local_rscale = sig_digits - 1;

    add_var(&const_one, &x, result);
    mul_var(&x, &x, &elem, local_rscale);
    ni = 2;
    div_var_int(&elem, ni, &elem, local_rscale, true);
    while (elem.ndigits != 0)
    {
        add_var(result, &elem, result);
        mul_var(&elem, &x, &elem, local_rscale);
        ni++;
        div_var_int(&elem, ni, &elem, local_rscale, true);
    }

    while (ndiv2-- > 0)
    {
        local_rscale = sig_digits - result->weight * 2 * DEC_DIGITS;
        local_rscale = Max(local_rscale, NUMERIC_MIN_DISPLAY_SCALE);
        mul_var(result, result, result, local_rscale);
    }
    round_var(result, rscale);
    strip_var(result);
    free_var(&x);
    free_var(&elem);
}

/* Approximately log10(|ln(var)|): the decimal weight of ln(var); 0 if invalid. */
static int
estimate_ln_dweight(const NumericVar *var)
{
    if (var->sign != NUMERIC_POS)
        return 0;
    if (cmp_var(var, &const_zero_point_nine) >= 0 && cmp_var(var, &const_one_point_one) <= 0)
    {
        /* ln(1+x) ~= x */
        NumericVar x;
        int     ln_dweight = 0;

        init_var(&x);
        sub_var(var, &const_one, &x);
        if (x.ndigits > 0)
            ln_dweight = x.weight * DEC_DIGITS + (int) log10(x.digits[0]);
        free_var(&x);
        return ln_dweight;
    }
    if (var->ndigits > 0)
    {
        int     digits = var->digits[0];
        int     dweight = var->weight * DEC_DIGITS;
        double  ln_var;

        if (var->ndigits > 1)
        {
            digits = digits * NBASE + var->digits[1];
            dweight -= DEC_DIGITS;
        }
        ln_var = log((double) digits) + dweight * 2.302585092994046;
        return (int) log10(fabs(ln_var));
    }
    return 0;
}

static void
ln_var(const NumericVar *arg, NumericVar *result, int rscale)
{
    NumericVar x, xx, elem, fact;
    int     ni, nsqrt, local_rscale;
    int     cmp = cmp_var(arg, &const_zero);

    if (cmp == 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                errmsg("cannot take logarithm of zero"));
    if (cmp < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                errmsg("cannot take logarithm of a negative number"));

    init_var(&x);
    init_var(&xx);
    init_var(&elem);
    init_var(&fact);
    set_var_from_var(arg, &x);
    set_var_from_var(&const_two, &fact);

    /* square roots bring x into (0.9, 1.1); each halves the weight */
    nsqrt = 0;
    while (cmp_var(&x, &const_zero_point_nine) <= 0)
    {
        local_rscale = rscale - x.weight * DEC_DIGITS / 2 + 8;
        sqrt_var(&x, &x, local_rscale);
        mul_var(&fact, &const_two, &fact, 0);
        nsqrt++;
    }
    while (cmp_var(&x, &const_one_point_one) >= 0)
    {
        local_rscale = rscale - x.weight * DEC_DIGITS / 2 + 8;
        sqrt_var(&x, &x, local_rscale);
        mul_var(&fact, &const_two, &fact, 0);
        nsqrt++;
    }

    /* the series result is multiplied by 2^(nsqrt+1): keep that many more digits */
    local_rscale = rscale + (int) ((nsqrt + 1) * 0.301029995663981) + 8;

    sub_var(&x, &const_one, result);
    add_var(&x, &const_one, &elem);
    div_var(result, &elem, result, local_rscale, true);
    set_var_from_var(result, &xx);
    mul_var(result, result, &x, local_rscale);

    ni = 1;
    for (;;)
    {
        ni += 2;
        mul_var(&xx, &x, &xx, local_rscale);
        div_var_int(&xx, ni, &elem, local_rscale, true);
        if (elem.ndigits == 0)
            break;
        add_var(result, &elem, result);
        if (elem.weight < (result->weight - local_rscale * 2 / DEC_DIGITS))
            break;
    }

    mul_var(result, &fact, result, rscale);
    free_var(&x);
    free_var(&xx);
    free_var(&elem);
    free_var(&fact);
}

/* log of num in base base; chooses the result's scale */
static void
log_var(const NumericVar *base, const NumericVar *num, NumericVar *result)
{
    NumericVar ln_base, ln_num;
    int     ln_base_dweight = estimate_ln_dweight(base);
    int     ln_num_dweight = estimate_ln_dweight(num);
    int     result_dweight = ln_num_dweight - ln_base_dweight;
    int     rscale, ln_base_rscale, ln_num_rscale;

    rscale = NUMERIC_MIN_SIG_DIGITS - result_dweight;
    rscale = Max(rscale, base->dscale);
    rscale = Max(rscale, num->dscale);
    rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
    rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);

    ln_base_rscale = Max(rscale + result_dweight - ln_base_dweight + 8, NUMERIC_MIN_DISPLAY_SCALE);
    ln_num_rscale = Max(rscale + result_dweight - ln_num_dweight + 8, NUMERIC_MIN_DISPLAY_SCALE);

    init_var(&ln_base);
    init_var(&ln_num);
    ln_var(base, &ln_base, ln_base_rscale);
    ln_var(num, &ln_num, ln_num_rscale);
    div_var(&ln_num, &ln_base, result, rscale, true);
    free_var(&ln_num);
    free_var(&ln_base);
}

/* base ^ exp for an int exp, rounded to rscale */
static void
power_var_int(const NumericVar *base, int exp, NumericVar *result, int rscale)
{
    double  f;
    int     p, sig_digits, local_rscale;
    unsigned int mask;
    bool    neg;
    NumericVar base_prod;

    switch (exp)
    {
        case 0:                 /* 0 ^ 0 is 1, per SQL:2003 */
            set_var_from_var(&const_one, result);
            result->dscale = rscale;
            return;
        case 1:
            set_var_from_var(base, result);
            round_var(result, rscale);
            return;
        case -1:
            div_var(&const_one, base, result, rscale, true);
            return;
        case 2:
            mul_var(base, base, result, rscale);
            return;
        default:
            break;
    }
    if (base->ndigits == 0)
    {
        if (exp < 0)
            division_by_zero();
        zero_var(result);
        result->dscale = rscale;
        return;
    }

    /* base ~= f * 10^p, so log10(result) ~= exp * (log10(f) + p) */
    f = base->digits[0];
    p = base->weight * DEC_DIGITS;
    for (int i = 1; i < base->ndigits && i * DEC_DIGITS < 16; i++)
    {
        f = f * NBASE + base->digits[i];
        p -= DEC_DIGITS;
    }
    f = exp * (log10(f) + p);
    if (f > 3 * SHRT_MAX * DEC_DIGITS)
        numeric_overflow();
    if (f + 1 < -rscale || f + 1 < -NUMERIC_MAX_DISPLAY_SCALE)
    {
        zero_var(result);
        result->dscale = rscale;
        return;
    }

    /* the multiplications may lose about log10(|exp|) digits */
    sig_digits = 1 + rscale + (int) f;
    sig_digits += (int) log(fabs((double) exp)) + 8;

    neg = exp < 0;
    mask = exp < 0 ? (unsigned int) 0 - (unsigned int) exp : (unsigned int) exp;
    init_var(&base_prod);
    set_var_from_var(base, &base_prod);
    set_var_from_var((mask & 1) ? base : &const_one, result);

    while ((mask >>= 1) > 0)
    {
        local_rscale = sig_digits - 2 * base_prod.weight * DEC_DIGITS;
        local_rscale = Min(local_rscale, 2 * base_prod.dscale);
        local_rscale = Max(local_rscale, NUMERIC_MIN_DISPLAY_SCALE);
        mul_var(&base_prod, &base_prod, &base_prod, local_rscale);

        if (mask & 1)
        {
            local_rscale = sig_digits - (base_prod.weight + result->weight) * DEC_DIGITS;
            local_rscale = Min(local_rscale, base_prod.dscale + result->dscale);
            local_rscale = Max(local_rscale, NUMERIC_MIN_DISPLAY_SCALE);
            mul_var(&base_prod, result, result, local_rscale);
        }

        /* past int16 weights the result surely overflows (or underflows) */
        if (base_prod.weight > SHRT_MAX || result->weight > SHRT_MAX)
        {
            if (!neg)
                numeric_overflow();
            zero_var(result);
            neg = false;
            break;
        }
    }
    free_var(&base_prod);

    if (neg)
        div_var(&const_one, result, result, rscale, true);
    else
        round_var(result, rscale);
}

/* base ^ exp; chooses the result's scale */
static void
power_var(const NumericVar *base, const NumericVar *exp, NumericVar *result)
{
    int     res_sign, ln_dweight, rscale, sig_digits, local_rscale;
    NumericVar abs_base, ln_base, ln_num;
    double  val;

    if (exp->ndigits == 0 || exp->ndigits <= exp->weight + 1)
    {
        int64 expval64;

        if (numericvar_to_int64(exp, &expval64) &&
            expval64 >= PG_INT32_MIN && expval64 <= PG_INT32_MAX)
        {
            rscale = NUMERIC_MIN_SIG_DIGITS;
            rscale = Max(rscale, base->dscale);
            rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
            rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);
            power_var_int(base, (int) expval64, result, rscale);
            return;
        }
    }

    /* 0 ^ non-integer (0 ^ 0 was handled above) */
    if (cmp_var(base, &const_zero) == 0)
    {
        zero_var(result);
        result->dscale = NUMERIC_MIN_SIG_DIGITS;
        return;
    }

    init_var(&abs_base);
    init_var(&ln_base);
    init_var(&ln_num);

    res_sign = NUMERIC_POS;
    if (base->sign == NUMERIC_NEG)
    {
        if (exp->ndigits > 0 && exp->ndigits > exp->weight + 1)
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                    errmsg("a negative number raised to a non-integer power yields a complex result"));
        if (exp->ndigits > 0 && exp->ndigits == exp->weight + 1 &&
            (exp->digits[exp->ndigits - 1] & 1))
            res_sign = NUMERIC_NEG;
        set_var_from_var(base, &abs_base);
        abs_base.sign = NUMERIC_POS;
        base = &abs_base;
    }

    /* low-precision exp * ln(base) to estimate the result's weight */
    ln_dweight = estimate_ln_dweight(base);
    local_rscale = Max(8 - ln_dweight, NUMERIC_MIN_DISPLAY_SCALE);
    ln_var(base, &ln_base, local_rscale);
    mul_var(&ln_base, exp, &ln_num, local_rscale);
    val = numericvar_to_double_no_overflow(&ln_num);
    if (fabs(val) > NUMERIC_MAX_RESULT_SCALE * 3.01)
    {
        if (val > 0)
            numeric_overflow();
        zero_var(result);
        result->dscale = NUMERIC_MAX_DISPLAY_SCALE;
        return;
    }
    val *= 0.434294481903252;

    rscale = NUMERIC_MIN_SIG_DIGITS - (int) val;
    rscale = Max(rscale, base->dscale);
    rscale = Max(rscale, exp->dscale);
    rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
    rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);

    sig_digits = Max(rscale + (int) val, 0);
    local_rscale = Max(sig_digits - ln_dweight + 8, NUMERIC_MIN_DISPLAY_SCALE);

    ln_var(base, &ln_base, local_rscale);
    mul_var(&ln_base, exp, &ln_num, local_rscale);
    exp_var(&ln_num, result, rscale);
    if (res_sign == NUMERIC_NEG && result->ndigits > 0)
        result->sign = NUMERIC_NEG;

    free_var(&ln_num);
    free_var(&ln_base);
    free_var(&abs_base);
}

/* ---------------------------------------------------------------- fmgr */

static int
special_sign(Numeric num)
{
    if (NUMERIC_IS_SPECIAL(num))
        return NUMERIC_IS_PINF(num) ? 1 : -1;
    if (NUMERIC_NDIGITS(num) == 0)
        return 0;
    return NUMERIC_SIGN(num) == NUMERIC_NEG ? -1 : 1;
}

static Numeric
copy_numeric(Numeric num)
{
    Numeric res = (Numeric) palloc(VARSIZE(num));

    memcpy(res, num, VARSIZE(num));
    return res;
}

Datum
numeric_exp(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg, result;
    Numeric res;
    double  val;
    int     rscale;

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_NINF(num))
            PG_RETURN_NUMERIC(make_result(&const_zero));    /* exp(-Inf) = 0 */
        PG_RETURN_NUMERIC(copy_numeric(num));
    }
    init_var_from_num(num, &arg);
    init_var(&result);

    val = numericvar_to_double_no_overflow(&arg) * 0.434294481903252;
    val = Max(val, -NUMERIC_MAX_RESULT_SCALE);
    val = Min(val, NUMERIC_MAX_RESULT_SCALE);
    rscale = NUMERIC_MIN_SIG_DIGITS - (int) val;
    rscale = Max(rscale, arg.dscale);
    rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
    rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);

    exp_var(&arg, &result, rscale);
    res = make_result(&result);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_ln(PG_FUNCTION_ARGS)
{
    Numeric num = PG_GETARG_NUMERIC(0);
    NumericVar arg, result;
    Numeric res;
    int     rscale;

    if (NUMERIC_IS_SPECIAL(num))
    {
        if (NUMERIC_IS_NINF(num))
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                    errmsg("cannot take logarithm of a negative number"));
        PG_RETURN_NUMERIC(copy_numeric(num));
    }
    init_var_from_num(num, &arg);
    init_var(&result);
    rscale = NUMERIC_MIN_SIG_DIGITS - estimate_ln_dweight(&arg);
    rscale = Max(rscale, arg.dscale);
    rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
    rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);
    ln_var(&arg, &result, rscale);
    res = make_result(&result);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}

/* log(base, x) */
Datum
numeric_log(PG_FUNCTION_ARGS)
{
    Numeric num1 = PG_GETARG_NUMERIC(0);
    Numeric num2 = PG_GETARG_NUMERIC(1);
    NumericVar arg1, arg2, result;
    Numeric res;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
    {
        int sign1, sign2;

        if (NUMERIC_IS_NAN(num1) || NUMERIC_IS_NAN(num2))
            PG_RETURN_NUMERIC(make_result(&const_nan));
        sign1 = special_sign(num1);
        sign2 = special_sign(num2);
        if (sign1 < 0 || sign2 < 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                    errmsg("cannot take logarithm of a negative number"));
        if (sign1 == 0 || sign2 == 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_LOG),
                    errmsg("cannot take logarithm of zero"));
        if (NUMERIC_IS_PINF(num1))
            PG_RETURN_NUMERIC(make_result(NUMERIC_IS_PINF(num2) ? &const_nan : &const_zero));
        PG_RETURN_NUMERIC(make_result(&const_pinf));
    }
    init_var_from_num(num1, &arg1);
    init_var_from_num(num2, &arg2);
    init_var(&result);
    log_var(&arg1, &arg2, &result);
    res = make_result(&result);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}

/* power(x, y) and x ^ y, with POSIX pow() rules for NaN and infinities */
Datum
numeric_power(PG_FUNCTION_ARGS)
{
    Numeric num1 = PG_GETARG_NUMERIC(0);
    Numeric num2 = PG_GETARG_NUMERIC(1);
    NumericVar arg1, arg2, result;
    Numeric res;
    int     sign1, sign2;

    if (NUMERIC_IS_SPECIAL(num1) || NUMERIC_IS_SPECIAL(num2))
    {
        /* NaN ^ 0 = 1 and 1 ^ NaN = 1; other NaN cases are NaN */
        if (NUMERIC_IS_NAN(num1))
        {
            if (!NUMERIC_IS_SPECIAL(num2) && NUMERIC_NDIGITS(num2) == 0)
                PG_RETURN_NUMERIC(make_result(&const_one));
            PG_RETURN_NUMERIC(make_result(&const_nan));
        }
        if (NUMERIC_IS_NAN(num2))
        {
            if (!NUMERIC_IS_SPECIAL(num1))
            {
                init_var_from_num(num1, &arg1);
                if (cmp_var(&arg1, &const_one) == 0)
                    PG_RETURN_NUMERIC(make_result(&const_one));
            }
            PG_RETURN_NUMERIC(make_result(&const_nan));
        }
        sign1 = special_sign(num1);
        sign2 = special_sign(num2);
        if (sign1 == 0 && sign2 < 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                    errmsg("zero raised to a negative power is undefined"));
        if (sign1 < 0 && !numeric_is_integral(num2))
            ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                    errmsg("a negative number raised to a non-integer power yields a complex result"));
        if (!NUMERIC_IS_SPECIAL(num1))
        {
            init_var_from_num(num1, &arg1);
            if (cmp_var(&arg1, &const_one) == 0)
                PG_RETURN_NUMERIC(make_result(&const_one));
        }
        if (sign2 == 0)
            PG_RETURN_NUMERIC(make_result(&const_one));
        if (sign1 == 0 && sign2 > 0)
            PG_RETURN_NUMERIC(make_result(&const_zero));
        if (NUMERIC_IS_INF(num2))
        {
            bool abs_x_gt_one = true;   /* x is +/-Inf */

            if (!NUMERIC_IS_SPECIAL(num1))
            {
                init_var_from_num(num1, &arg1);
                if (cmp_var(&arg1, &const_minus_one) == 0)
                    PG_RETURN_NUMERIC(make_result(&const_one));
                arg1.sign = NUMERIC_POS;
                abs_x_gt_one = cmp_var(&arg1, &const_one) > 0;
            }
            PG_RETURN_NUMERIC(make_result(abs_x_gt_one == (sign2 > 0) ? &const_pinf : &const_zero));
        }
        if (NUMERIC_IS_PINF(num1))
            PG_RETURN_NUMERIC(make_result(sign2 > 0 ? &const_pinf : &const_zero));
        /* x is -Inf, y finite and nonzero */
        if (sign2 < 0)
            PG_RETURN_NUMERIC(make_result(&const_zero));
        init_var_from_num(num2, &arg2);
        if (arg2.ndigits > 0 && arg2.ndigits == arg2.weight + 1 &&
            (arg2.digits[arg2.ndigits - 1] & 1))
            PG_RETURN_NUMERIC(make_result(&const_ninf));
        PG_RETURN_NUMERIC(make_result(&const_pinf));
    }

    sign1 = special_sign(num1);
    sign2 = special_sign(num2);
    if (sign1 == 0 && sign2 < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                errmsg("zero raised to a negative power is undefined"));

    init_var_from_num(num1, &arg1);
    init_var_from_num(num2, &arg2);
    init_var(&result);
    power_var(&arg1, &arg2, &result);
    res = make_result(&result);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}
