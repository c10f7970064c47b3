/*-------------------------------------------------------------------------
 * numeric.c
 *    Arbitrary-precision decimal arithmetic: the NumericVar working form,
 *    packing to and from the stored Numeric, text conversion, typmod
 *    (precision, scale) enforcement, and exact add/sub/mul/div/mod,
 *    rounding, truncation and square root.
 *
 * The fmgr-callable functions are in numeric_funcs.c, the aggregates in
 * numeric_agg.c; both work through the NumericVar API (numeric_var.h).
 *
 * Representation (see numeric.h): base NBASE = 10000 digits, a weight
 * (power of NBASE of the first digit) and a display scale.  The algorithms
 * are the textbook ones, chosen so that results are exactly PostgreSQL's:
 *
 *  - add/sub are exact; the result's dscale is the larger input dscale.
 *  - mul forms the exact product (int64 column sums, then one carry pass)
 *    and rounds it to the requested rscale.
 *  - div computes the quotient truncated to at least rscale+1 decimal
 *    places by long division (Knuth vol. 2, 4.3.1, algorithm D, in base
 *    NBASE), then rounds half away from zero.  Rounding the truncated
 *    quotient at rscale gives the same result as rounding the exact one,
 *    because only the digit after rscale decides.  PostgreSQL's div_var
 *    also returns the correctly rounded quotient, so the digits agree.
 *  - sqrt computes floor(sqrt(x * 10^2k)) with integer Newton iteration
 *    and rounds, again the correctly rounded result.
 *
 * Departures from PostgreSQL: no "short" on-disk header (every Numeric has
 * the 4-byte sign/dscale + weight form); no approximate fast paths.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <math.h>
#include "procs/builtins.h"
#include "procs/numeric_var.h"

static NumericDigit const_one_data[1] = {1};

const NumericVar const_zero = {0, 0, NUMERIC_POS, 0, NULL, NULL};
const NumericVar const_one = {1, 0, NUMERIC_POS, 0, NULL, const_one_data};
const NumericVar const_nan = {0, 0, NUMERIC_NAN, 0, NULL, NULL};
const NumericVar const_pinf = {0, 0, NUMERIC_PINF, 0, NULL, NULL};
const NumericVar const_ninf = {0, 0, NUMERIC_NINF, 0, NULL, NULL};

static const int round_powers[4] = {0, 1000, 100, 10};

/* ---------------------------------------------------------------- vars */

void
alloc_var(NumericVar *var, int ndigits)
{
    NumericDigit *buf = (NumericDigit *) palloc((ndigits + 1) * sizeof(NumericDigit));

    if (var->buf)
        pfree(var->buf);
    buf[0] = 0;                 /* spare digit for rounding carry */
    var->buf = buf;
    var->digits = buf + 1;
    var->ndigits = ndigits;
}

void
free_var(NumericVar *var)
{
    if (var->buf)
        pfree(var->buf);
    var->buf = NULL;
    var->digits = NULL;
    var->sign = NUMERIC_NAN;
}

void
zero_var(NumericVar *var)
{
    if (var->buf)
        pfree(var->buf);
    var->buf = NULL;
    var->digits = NULL;
    var->ndigits = 0;
    var->weight = 0;
    var->sign = NUMERIC_POS;
}

/* Point dest at num's digits without copying: dest is read-only. */
void
init_var_from_num(Numeric num, NumericVar *dest)
{
    dest->ndigits = NUMERIC_NDIGITS(num);
    dest->weight = NUMERIC_WEIGHT(num);
    dest->sign = NUMERIC_SIGN(num);
    dest->dscale = NUMERIC_DSCALE(num);
    dest->digits = NUMERIC_DIGITS(num);
    dest->buf = NULL;
}

void
set_var_from_num(Numeric num, NumericVar *dest)
{
    int ndigits = NUMERIC_NDIGITS(num);

    alloc_var(dest, ndigits);
    dest->weight = NUMERIC_WEIGHT(num);
    dest->sign = NUMERIC_SIGN(num);
    dest->dscale = NUMERIC_DSCALE(num);
    memcpy(dest->digits, NUMERIC_DIGITS(num), ndigits * sizeof(NumericDigit));
}

void
set_var_from_var(const NumericVar *value, NumericVar *dest)
{
    NumericDigit *buf = (NumericDigit *) palloc((value->ndigits + 1) * sizeof(NumericDigit));

    buf[0] = 0;
    if (value->ndigits > 0)
        memcpy(buf + 1, value->digits, value->ndigits * sizeof(NumericDigit));
    if (dest->buf)
        pfree(dest->buf);
    *dest = *value;
    dest->buf = buf;
    dest->digits = buf + 1;
}

/* Give var its own digit buffer (with the spare digit) before writing. */
static void
ensure_owned(NumericVar *var)
{
    if (var->buf == NULL || var->digits == var->buf)
    {
        NumericVar tmp;
        NumericDigit *old = var->buf;

        init_var(&tmp);
        set_var_from_var(var, &tmp);
        *var = tmp;
        if (old)
            pfree(old);
    }
}

/* Replace *result by *tmp, freeing result's old buffer (tmp may alias inputs). */
static inline void
move_var(NumericVar *tmp, NumericVar *result)
{
    if (result->buf && result->buf != tmp->buf)
        pfree(result->buf);
    *result = *tmp;
}

/* Remove leading and trailing zero digits; a zero becomes weight 0, positive. */
void
strip_var(NumericVar *var)
{
    NumericDigit *digits = var->digits;
    int ndigits = var->ndigits;

    while (ndigits > 0 && *digits == 0)
    {
        digits++;
        var->weight--;
        ndigits--;
    }
    while (ndigits > 0 && digits[ndigits - 1] == 0)
        ndigits--;
    if (ndigits == 0)
    {
        var->sign = NUMERIC_POS;
        var->weight = 0;
    }
    var->digits = digits;
    var->ndigits = ndigits;
}

/* ---------------------------------------------------------------- packing */

Numeric
make_result_opt_error(const NumericVar *var, bool *have_error)
{
    Numeric result;
    const NumericDigit *digits = var->digits;
    int     weight = var->weight;
    int     sign = var->sign;
    int     n;

    if (have_error)
        *have_error = false;

    if ((sign & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL)
    {
        result = (Numeric) palloc(NUMERIC_HDRSZ);
        SET_VARSIZE(result, NUMERIC_HDRSZ);
        result->n_sign_dscale = (uint16) sign;
        result->n_weight = 0;
        return result;
    }

    n = var->ndigits;
    while (n > 0 && *digits == 0)
    {
        digits++;
        weight--;
        n--;
    }
    while (n > 0 && digits[n - 1] == 0)
        n--;
    if (n == 0)
    {
        weight = 0;
        sign = NUMERIC_POS;
    }

    if (weight > NUMERIC_WEIGHT_MAX || weight < NUMERIC_WEIGHT_MIN ||
        var->dscale > NUMERIC_DSCALE_MAX || var->dscale < 0)
    {
        if (have_error)
        {
            *have_error = true;
            return NULL;
        }
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("value overflows numeric format"));
    }

    result = (Numeric) palloc(NUMERIC_HDRSZ + n * sizeof(NumericDigit));
    SET_VARSIZE(result, NUMERIC_HDRSZ + n * sizeof(NumericDigit));
    result->n_sign_dscale = (uint16) (sign | (var->dscale & NUMERIC_DSCALE_MASK));
    result->n_weight = (int16) weight;
    if (n > 0)
        memcpy(result->n_data, digits, n * sizeof(NumericDigit));
    return result;
}

Numeric
make_result(const NumericVar *var)
{
    return make_result_opt_error(var, NULL);
}

/* ---------------------------------------------------------------- text */

pg_attribute_noreturn() static void
numeric_invalid_syntax(const char *str)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("invalid input syntax for type %s: \"%s\"", "numeric", str));
}

/*
 * Parse a finite decimal number starting at cp ([+-] digits [. digits]
 * [e [+-] digits]) into dest; str is the whole input, for error messages.
 * Returns the position after the number.  The decimal digits are first
 * collected with DEC_DIGITS zeros of padding on both sides so they can be
 * grouped into NBASE digits aligned on the decimal point.
 */
const char *
set_var_from_str(const char *str, const char *cp, NumericVar *dest)
{
    bool    have_dp = false;
    int     i;
    unsigned char *decdigits;
    int     sign = NUMERIC_POS;
    int     dweight = -1;
    int     ddigits;
    int     dscale = 0;
    int     weight;
    int     ndigits;
    int     offset;
    NumericDigit *digits;

    if (*cp == '+')
        cp++;
    else if (*cp == '-')
    {
        sign = NUMERIC_NEG;
        cp++;
    }
    if (*cp == '.')
    {
        have_dp = true;
        cp++;
    }
    if (!isdigit((unsigned char) *cp))
        numeric_invalid_syntax(str);

    decdigits = (unsigned char *) palloc(strlen(cp) + DEC_DIGITS * 2);
    memset(decdigits, 0, DEC_DIGITS);
    i = DEC_DIGITS;
    while (*cp)
    {
        if (isdigit((unsigned char) *cp))
        {
            decdigits[i++] = *cp++ - '0';
            if (!have_dp)
                dweight++;
            else
                dscale++;
        }
        else if (*cp == '.')
        {
            if (have_dp)
                numeric_invalid_syntax(str);
            have_dp = true;
            cp++;
        }
        else
            break;
    }
    ddigits = i - DEC_DIGITS;
    memset(decdigits + i, 0, DEC_DIGITS - 1);

    if (*cp == 'e' || *cp == 'E')
    {
        long  exponent;
        char *endptr;

        cp++;
        exponent = strtol(cp, &endptr, 10);
        if (endptr == cp)
            numeric_invalid_syntax(str);
        cp = endptr;
        /* keeps dweight/dscale arithmetic from overflowing; make_result
         * reports values that do not fit */
        if (exponent >= INT_MAX / 2 || exponent <= -(INT_MAX / 2))
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("value overflows numeric format"));
        dweight += (int) exponent;
        dscale -= (int) exponent;
        if (dscale < 0)
            dscale = 0;
    }

    /* convert to base NBASE: offset zeros align the first NBASE digit */
    if (dweight >= 0)
        weight = (dweight + 1 + DEC_DIGITS - 1) / DEC_DIGITS - 1;
    else
        weight = -((-dweight - 1) / DEC_DIGITS + 1);
    offset = (weight + 1) * DEC_DIGITS - (dweight + 1);
    ndigits = (ddigits + offset + DEC_DIGITS - 1) / DEC_DIGITS;

    alloc_var(dest, ndigits);
    dest->sign = sign;
    dest->weight = weight;
    dest->dscale = dscale;

    i = DEC_DIGITS - offset;
    digits = dest->digits;
    while (ndigits-- > 0)
    {
        *digits++ = ((decdigits[i] * 10 + decdigits[i + 1]) * 10 +
                     decdigits[i + 2]) * 10 + decdigits[i + 3];
        i += DEC_DIGITS;
    }
    pfree(decdigits);
    strip_var(dest);
    return cp;
}

/* numeric_out's text for a finite var: exactly dscale digits after the point. */
char *
get_str_from_var(const NumericVar *var)
{
    int   dscale = Max(var->dscale, 0);
    int   i;
    int   d;
    char *str;
    char *cp;

    i = (var->weight + 1) * DEC_DIGITS;
    if (i <= 0)
        i = 1;
    str = palloc(i + dscale + DEC_DIGITS + 2);
    cp = str;

    if (var->sign == NUMERIC_NEG)
        *cp++ = '-';

    if (var->weight < 0)
    {
        d = var->weight + 1;
        *cp++ = '0';
    }
    else
    {
        for (d = 0; d <= var->weight; d++)
        {
            int  dig = (d < var->ndigits) ? var->digits[d] : 0;
            bool putit = (d > 0);   /* no leading zeros in the first digit */
            int  d1;

            d1 = dig / 1000;
            dig -= d1 * 1000;
            putit |= (d1 > 0);
            if (putit)
                *cp++ = d1 + '0';
            d1 = dig / 100;
            dig -= d1 * 100;
            putit |= (d1 > 0);
            if (putit)
                *cp++ = d1 + '0';
            d1 = dig / 10;
            dig -= d1 * 10;
            putit |= (d1 > 0);
            if (putit)
                *cp++ = d1 + '0';
            *cp++ = dig + '0';
        }
    }

    if (dscale > 0)
    {
        char *endcp;

        *cp++ = '.';
        endcp = cp + dscale;
        for (i = 0; i < dscale; d++, i += DEC_DIGITS)
        {
            int dig = (d >= 0 && d < var->ndigits) ? var->digits[d] : 0;
            int d1;

            d1 = dig / 1000;
            dig -= d1 * 1000;
            *cp++ = d1 + '0';
            d1 = dig / 100;
            dig -= d1 * 100;
            *cp++ = d1 + '0';
            d1 = dig / 10;
            dig -= d1 * 10;
            *cp++ = d1 + '0';
            *cp++ = dig + '0';
        }
        cp = endcp;
    }
    *cp = '\0';
    return str;
}

/* ---------------------------------------------------------------- typmod */

/*
 * Round var to the typmod's scale and check that it fits its precision,
 * raising PostgreSQL's "numeric field overflow" with its DETAIL if not.
 */
void
apply_typmod(NumericVar *var, int32 typmod)
{
    int precision, scale, maxdigits, ddigits;

    if (!is_valid_numeric_typmod(typmod))
        return;
    precision = numeric_typmod_precision(typmod);
    scale = numeric_typmod_scale(typmod);
    maxdigits = precision - scale;

    round_var(var, scale);
    if (var->dscale < 0)
        var->dscale = 0;

    /* the weight may count leading zero digits; find the true one */
    ddigits = (var->weight + 1) * DEC_DIGITS;
    if (ddigits > maxdigits)
    {
        for (int i = 0; i < var->ndigits; i++)
        {
            NumericDigit dig = var->digits[i];

            if (dig)
            {
                if (dig < 10)
                    ddigits -= 3;
                else if (dig < 100)
                    ddigits -= 2;
                else if (dig < 1000)
                    ddigits -= 1;
                if (ddigits > maxdigits)
                    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                            errmsg("numeric field overflow"),
                            errdetail("A field with precision %d, scale %d must round to an absolute value less than %s%d.",
                                      precision, scale,
                                      maxdigits ? "10^" : "", maxdigits ? maxdigits : 1));
                break;
            }
            ddigits -= DEC_DIGITS;
        }
    }
}

/* NaN fits any typmod; an infinity fits none. */
void
apply_typmod_special(Numeric num, int32 typmod)
{
    if (NUMERIC_IS_NAN(num) || !is_valid_numeric_typmod(typmod))
        return;
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("numeric field overflow"),
            errdetail("A field with precision %d, scale %d cannot hold an infinite value.",
                      numeric_typmod_precision(typmod), numeric_typmod_scale(typmod)));
}

/* ---------------------------------------------------------------- integers */

void
int64_to_numericvar(int64 val, NumericVar *var)
{
    uint64 uval = val < 0 ? (uint64) 0 - (uint64) val : (uint64) val;
    NumericDigit tmp[5];
    int    n = 0;

    var->sign = val < 0 ? NUMERIC_NEG : NUMERIC_POS;
    var->dscale = 0;
    while (uval)
    {
        tmp[n++] = (NumericDigit) (uval % NBASE);
        uval /= NBASE;
    }
    alloc_var(var, n);
    for (int i = 0; i < n; i++)
        var->digits[i] = tmp[n - 1 - i];
    var->weight = n - 1;
    if (n == 0)
    {
        var->weight = 0;
        var->sign = NUMERIC_POS;
    }
    strip_var(var);
}

void
int128_to_numericvar(int128 val, NumericVar *var)
{
    unsigned __int128 uval = val < 0 ? (unsigned __int128) 0 - (unsigned __int128) val
                                     : (unsigned __int128) val;
    NumericDigit tmp[10];
    int    n = 0;

    var->sign = val < 0 ? NUMERIC_NEG : NUMERIC_POS;
    var->dscale = 0;
    while (uval)
    {
        tmp[n++] = (NumericDigit) (uval % NBASE);
        uval /= NBASE;
    }
    alloc_var(var, n);
    for (int i = 0; i < n; i++)
        var->digits[i] = tmp[n - 1 - i];
    var->weight = n - 1;
    if (n == 0)
    {
        var->weight = 0;
        var->sign = NUMERIC_POS;
    }
    strip_var(var);
}

/*
 * Round var to the nearest integer (half away from zero) and convert.
 * Returns false if it does not fit in int64.  Accumulates negatively so
 * INT64_MIN converts.
 */
bool
numericvar_to_int64(const NumericVar *var, int64 *result)
{
    NumericVar rounded;
    int64   val;
    bool    neg;

    init_var(&rounded);
    set_var_from_var(var, &rounded);
    round_var(&rounded, 0);
    strip_var(&rounded);

    if (rounded.ndigits == 0)
    {
        free_var(&rounded);
        *result = 0;
        return true;
    }
    neg = rounded.sign == NUMERIC_NEG;
    val = -rounded.digits[0];
    for (int i = 1; i <= rounded.weight; i++)
    {
        if (__builtin_mul_overflow(val, (int64) NBASE, &val) ||
            (i < rounded.ndigits &&
             __builtin_sub_overflow(val, (int64) rounded.digits[i], &val)))
        {
            free_var(&rounded);
            return false;
        }
    }
    free_var(&rounded);
    if (!neg)
    {
        if (val == PG_INT64_MIN)
            return false;
        val = -val;
    }
    *result = val;
    return true;
}

/* ---------------------------------------------------------------- compare */

static int
cmp_abs_common(const NumericDigit *d1, int n1, int w1,
               const NumericDigit *d2, int n2, int w2)
{
    int i1 = 0, i2 = 0;

    while (w1 > w2 && i1 < n1)
    {
        if (d1[i1++] != 0)
            return 1;
        w1--;
    }
    while (w2 > w1 && i2 < n2)
    {
        if (d2[i2++] != 0)
            return -1;
        w2--;
    }
    if (w1 == w2)
    {
        while (i1 < n1 && i2 < n2)
        {
            int stat = d1[i1++] - d2[i2++];

            if (stat)
                return stat > 0 ? 1 : -1;
        }
    }
    while (i1 < n1)
        if (d1[i1++] != 0)
            return 1;
    while (i2 < n2)
        if (d2[i2++] != 0)
            return -1;
    return 0;
}

static int
cmp_abs(const NumericVar *var1, const NumericVar *var2)
{
    return cmp_abs_common(var1->digits, var1->ndigits, var1->weight,
                          var2->digits, var2->ndigits, var2->weight);
}

/* Compare two finite vars. */
int
cmp_var(const NumericVar *var1, const NumericVar *var2)
{
    if (var1->ndigits == 0)
    {
        if (var2->ndigits == 0)
            return 0;
        return var2->sign == NUMERIC_NEG ? 1 : -1;
    }
    if (var2->ndigits == 0)
        return var1->sign == NUMERIC_POS ? 1 : -1;
    if (var1->sign == NUMERIC_POS)
    {
        if (var2->sign == NUMERIC_NEG)
            return 1;
        return cmp_abs(var1, var2);
    }
    if (var2->sign == NUMERIC_POS)
        return -1;
    return cmp_abs(var2, var1);
}

/* ---------------------------------------------------------------- add/sub */

/* |var1| + |var2| into result (sign left to the caller). */
static void
add_abs(const NumericVar *var1, const NumericVar *var2, NumericVar *result)
{
    NumericVar tmp;
    int res_weight = Max(var1->weight, var2->weight) + 1;
    int res_dscale = Max(var1->dscale, var2->dscale);
    int rscale1 = var1->ndigits - var1->weight - 1;
    int rscale2 = var2->ndigits - var2->weight - 1;
    int res_rscale = Max(rscale1, rscale2);
    int res_ndigits = res_rscale + res_weight + 1;
    int i1, i2, carry = 0;

    if (res_ndigits <= 0)
        res_ndigits = 1;
    init_var(&tmp);
    alloc_var(&tmp, res_ndigits);
    i1 = res_rscale + var1->weight + 1;
    i2 = res_rscale + var2->weight + 1;
    for (int i = res_ndigits - 1; i >= 0; i--)
    {
        i1--;
        i2--;
        if (i1 >= 0 && i1 < var1->ndigits)
            carry += var1->digits[i1];
        if (i2 >= 0 && i2 < var2->ndigits)
            carry += var2->digits[i2];
        if (carry >= NBASE)
        {
            tmp.digits[i] = carry - NBASE;
            carry = 1;
        }
        else
        {
            tmp.digits[i] = carry;
            carry = 0;
        }
    }
    tmp.weight = res_weight;
    tmp.dscale = res_dscale;
    tmp.sign = NUMERIC_POS;
    strip_var(&tmp);
    move_var(&tmp, result);
}

/* |var1| - |var2| into result, where |var1| >= |var2|. */
static void
sub_abs(const NumericVar *var1, const NumericVar *var2, NumericVar *result)
{
    NumericVar tmp;
    int res_weight = var1->weight;
    int res_dscale = Max(var1->dscale, var2->dscale);
    int rscale1 = var1->ndigits - var1->weight - 1;
    int rscale2 = var2->ndigits - var2->weight - 1;
    int res_rscale = Max(rscale1, rscale2);
    int res_ndigits = res_rscale + res_weight + 1;
    int i1, i2, borrow = 0;

    if (res_ndigits <= 0)
        res_ndigits = 1;
    init_var(&tmp);
    alloc_var(&tmp, res_ndigits);
    i1 = res_rscale + var1->weight + 1;
    i2 = res_rscale + var2->weight + 1;
    for (int i = res_ndigits - 1; i >= 0; i--)
    {
        i1--;
        i2--;
        if (i1 >= 0 && i1 < var1->ndigits)
            borrow += var1->digits[i1];
        if (i2 >= 0 && i2 < var2->ndigits)
            borrow -= var2->digits[i2];
        if (borrow < 0)
        {
            tmp.digits[i] = borrow + NBASE;
            borrow = -1;
        }
        else
        {
            tmp.digits[i] = borrow;
            borrow = 0;
        }
    }
    tmp.weight = res_weight;
    tmp.dscale = res_dscale;
    tmp.sign = NUMERIC_POS;
    strip_var(&tmp);
    move_var(&tmp, result);
}

/* Signed sum of two finite vars: var1 + s2 * var2 where s2 is var2's sign. */
static void
add_signed(const NumericVar *var1, const NumericVar *var2, int sign2, NumericVar *result)
{
    int sign1 = var1->sign;

    if (sign1 == sign2)
    {
        add_abs(var1, var2, result);
        result->sign = sign1;
    }
    else
    {
        int c = cmp_abs(var1, var2);

        if (c == 0)
        {
            int dscale = Max(var1->dscale, var2->dscale);

            zero_var(result);
            result->dscale = dscale;
        }
        else if (c > 0)
        {
            sub_abs(var1, var2, result);
            result->sign = sign1;
        }
        else
        {
            sub_abs(var2, var1, result);
            result->sign = sign2;
        }
    }
    if (result->ndigits == 0)
        result->sign = NUMERIC_POS;
}

void
add_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result)
{
    add_signed(var1, var2, var2->sign, result);
}

void
sub_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result)
{
    add_signed(var1, var2, var2->sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS, result);
}

/* ---------------------------------------------------------------- mul */

void
mul_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result, int rscale)
{
    NumericVar tmp;
    int     n1 = var1->ndigits;
    int     n2 = var2->ndigits;
    int     res_ndigits;
    int64  *acc;
    int64   carry = 0;

    if (n1 == 0 || n2 == 0)
    {
        zero_var(result);
        result->dscale = rscale;
        return;
    }
    res_ndigits = n1 + n2;
    acc = (int64 *) palloc0(res_ndigits * sizeof(int64));
    /* each column sums at most min(n1, n2) < 2^17 products < 10^8: no overflow */
    for (int i = 0; i < n1; i++)
    {
        int64 d1 = var1->digits[i];

        if (d1 == 0)
            continue;
        for (int j = 0; j < n2; j++)
            acc[i + j + 1] += d1 * var2->digits[j];
    }
    init_var(&tmp);
    alloc_var(&tmp, res_ndigits);
    for (int k = res_ndigits - 1; k >= 0; k--)
    {
        int64 v = acc[k] + carry;

        tmp.digits[k] = (NumericDigit) (v % NBASE);
        carry = v / NBASE;
    }
    pfree(acc);
    tmp.weight = var1->weight + var2->weight + 1;
    tmp.sign = var1->sign == var2->sign ? NUMERIC_POS : NUMERIC_NEG;
    tmp.dscale = var1->dscale + var2->dscale;
    round_var(&tmp, rscale);
    strip_var(&tmp);
    move_var(&tmp, result);
}

/* ---------------------------------------------------------------- div */

/*
 * q = floor(u / v) for non-negative integers given as base-NBASE digit
 * arrays, most significant first; ulen >= vlen, v[0] != 0.  q receives
 * ulen - vlen + 1 digits (possibly with leading zeros).  Knuth's
 * algorithm D: normalise so the divisor's first digit is >= NBASE/2, then
 * estimate each quotient digit from the top two remainder digits and
 * correct it (at most twice, plus a rare add-back).
 */
static void
digits_div(const NumericDigit *u, int ulen, const NumericDigit *v, int vlen, NumericDigit *q)
{
    if (vlen == 1)
    {
        int64 rem = 0;
        int64 v0 = v[0];

        for (int i = 0; i < ulen; i++)
        {
            int64 cur = rem * NBASE + u[i];

            q[i] = (NumericDigit) (cur / v0);
            rem = cur % v0;
        }
        return;
    }
    else
    {
        int32 *un = (int32 *) palloc((ulen + 1) * sizeof(int32));
        int32 *vn = (int32 *) palloc(vlen * sizeof(int32));
        int32  d = NBASE / (v[0] + 1);
        int32  carry = 0;

        for (int i = vlen - 1; i >= 0; i--)
        {
            int32 t = v[i] * d + carry;

            vn[i] = t % NBASE;
            carry = t / NBASE;
        }
        carry = 0;
        for (int i = ulen - 1; i >= 0; i--)
        {
            int32 t = u[i] * d + carry;

            un[i + 1] = t % NBASE;
            carry = t / NBASE;
        }
        un[0] = carry;

        for (int j = 0; j <= ulen - vlen; j++)
        {
            int64 num = (int64) un[j] * NBASE + un[j + 1];
            int64 qhat = num / vn[0];
            int64 rhat = num % vn[0];
            int64 borrow = 0;
            int64 mcarry = 0;
            int64 t;

            while (qhat >= NBASE || qhat * vn[1] > rhat * NBASE + un[j + 2])
            {
                qhat--;
                rhat += vn[0];
                if (rhat >= NBASE)
                    break;
            }
            /* un[j..j+vlen] -= qhat * vn */
            for (int i = vlen - 1; i >= 0; i--)
            {
                int64 p = qhat * vn[i] + mcarry;

                mcarry = p / NBASE;
                t = un[j + 1 + i] - (p % NBASE) - borrow;
                if (t < 0)
                {
                    t += NBASE;
                    borrow = 1;
                }
                else
                    borrow = 0;
                un[j + 1 + i] = (int32) t;
            }
            t = un[j] - mcarry - borrow;
            if (t < 0)
            {
                /* qhat was one too large: add the divisor back */
                int32 c = 0;

                qhat--;
                for (int i = vlen - 1; i >= 0; i--)
                {
                    int32 s = un[j + 1 + i] + vn[i] + c;

                    if (s >= NBASE)
                    {
                        s -= NBASE;
                        c = 1;
                    }
                    else
                        c = 0;
                    un[j + 1 + i] = s;
                }
                t += c;
            }
            un[j] = (int32) t;
            q[j] = (NumericDigit) qhat;
        }
        pfree(un);
        pfree(vn);
    }
}

/*
 * result = var1 / var2, to rscale decimal places: rounded half away from
 * zero if round, else truncated toward zero.
 */
void
div_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result,
        int rscale, bool round)
{
    const NumericDigit *d1 = var1->digits;
    const NumericDigit *d2 = var2->digits;
    int     n1 = var1->ndigits, n2 = var2->ndigits;
    int     w1 = var1->weight, w2 = var2->weight;
    int     frac, k, ulen, qlen;
    NumericDigit *u;
    NumericVar tmp;

    /* normalise: no leading or trailing zero digits */
    while (n2 > 0 && *d2 == 0)
    {
        d2++;
        n2--;
        w2--;
    }
    while (n2 > 0 && d2[n2 - 1] == 0)
        n2--;
    if (n2 == 0)
        division_by_zero();
    while (n1 > 0 && *d1 == 0)
    {
        d1++;
        n1--;
        w1--;
    }
    while (n1 > 0 && d1[n1 - 1] == 0)
        n1--;
    if (n1 == 0)
    {
        zero_var(result);
        result->dscale = rscale;
        return;
    }

    /* fractional NBASE digits needed: rscale (+1 to round) decimal places */
    frac = (Max(rscale + (round ? 1 : 0), 0) + DEC_DIGITS - 1) / DEC_DIGITS;

    /*
     * var1 = D1 * B^(w1-n1+1), var2 = D2 * B^(w2-n2+1).  The wanted
     * quotient is floor(D1 * B^k / D2) * B^-frac.
     */
    k = (w1 - n1 + 1) - (w2 - n2 + 1) + frac;
    ulen = n1 + k;
    init_var(&tmp);
    if (ulen < n2)
    {
        zero_var(result);
        result->dscale = rscale;
        return;
    }
    u = (NumericDigit *) palloc0(ulen * sizeof(NumericDigit));
    memcpy(u, d1, Min(n1, ulen) * sizeof(NumericDigit));

    qlen = ulen - n2 + 1;
    alloc_var(&tmp, qlen);
    digits_div(u, ulen, d2, n2, tmp.digits);
    pfree(u);

    tmp.weight = qlen - 1 - frac;
    tmp.sign = var1->sign == var2->sign ? NUMERIC_POS : NUMERIC_NEG;
    tmp.dscale = rscale;
    if (round)
        round_var(&tmp, rscale);
    else
        trunc_var(&tmp, rscale);
    strip_var(&tmp);
    move_var(&tmp, result);
}

/*
 * The display scale of a quotient: at least NUMERIC_MIN_SIG_DIGITS
 * significant digits, and no fewer decimals than either input shows.
 */
int
select_div_scale(const NumericVar *var1, const NumericVar *var2)
{
    int weight1 = 0, weight2 = 0;
    NumericDigit firstdigit1 = 0, firstdigit2 = 0;
    int qweight, rscale;

    for (int i = 0; i < var1->ndigits; i++)
    {
        firstdigit1 = var1->digits[i];
        if (firstdigit1 != 0)
        {
            weight1 = var1->weight - i;
            break;
        }
    }
    for (int i = 0; i < var2->ndigits; i++)
    {
        firstdigit2 = var2->digits[i];
        if (firstdigit2 != 0)
        {
            weight2 = var2->weight - i;
            break;
        }
    }
    /* estimate the quotient's weight; it is one less if the first digits say so */
    qweight = weight1 - weight2;
    if (firstdigit1 <= firstdigit2)
        qweight--;

    rscale = NUMERIC_MIN_SIG_DIGITS - qweight * DEC_DIGITS;
    rscale = Max(rscale, var1->dscale);
    rscale = Max(rscale, var2->dscale);
    rscale = Max(rscale, NUMERIC_MIN_DISPLAY_SCALE);
    rscale = Min(rscale, NUMERIC_MAX_DISPLAY_SCALE);
    return rscale;
}

/* result = var1 - trunc(var1 / var2) * var2; dscale is the larger input's. */
void
mod_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result)
{
    NumericVar tmp;

    init_var(&tmp);
    div_var(var1, var2, &tmp, 0, false);
    mul_var(var2, &tmp, &tmp, var2->dscale);
    sub_var(var1, &tmp, result);
    free_var(&tmp);
}

/* ---------------------------------------------------------------- rounding */

/*
 * Round var to rscale decimal places (negative: to the left of the
 * point), half away from zero; sets dscale = rscale.  A carry out of the
 * first digit lands in the spare digit in front.
 */
void
round_var(NumericVar *var, int rscale)
{
    int di, ndigits, carry;
    NumericDigit *digits;

    var->dscale = rscale;
    di = (var->weight + 1) * DEC_DIGITS + rscale;
    if (di < 0)
    {
        var->ndigits = 0;
        var->weight = 0;
        var->sign = NUMERIC_POS;
        return;
    }
    ndigits = (di + DEC_DIGITS - 1) / DEC_DIGITS;
    di %= DEC_DIGITS;
    if (!(ndigits < var->ndigits || (ndigits == var->ndigits && di > 0)))
        return;

    ensure_owned(var);
    digits = var->digits;
    var->ndigits = ndigits;
    if (di == 0)
        carry = digits[ndigits] >= HALF_NBASE ? 1 : 0;
    else
    {
        int pow10 = round_powers[di];
        int extra = digits[--ndigits] % pow10;

        digits[ndigits] -= extra;
        carry = 0;
        if (extra >= pow10 / 2)
        {
            pow10 += digits[ndigits];
            if (pow10 >= NBASE)
            {
                pow10 -= NBASE;
                carry = 1;
            }
            digits[ndigits] = pow10;
        }
    }
    while (carry)
    {
        carry += digits[--ndigits];
        if (carry >= NBASE)
        {
            digits[ndigits] = carry - NBASE;
            carry = 1;
        }
        else
        {
            digits[ndigits] = carry;
            carry = 0;
        }
    }
    if (ndigits < 0)
    {
        /* carried into the spare digit */
        var->digits--;
        var->ndigits++;
        var->weight++;
    }
}

/* Truncate var toward zero to rscale decimal places; sets dscale = rscale. */
void
trunc_var(NumericVar *var, int rscale)
{
    int di, ndigits;

    var->dscale = rscale;
    di = (var->weight + 1) * DEC_DIGITS + rscale;
    if (di <= 0)
    {
        var->ndigits = 0;
        var->weight = 0;
        var->sign = NUMERIC_POS;
        return;
    }
    ndigits = (di + DEC_DIGITS - 1) / DEC_DIGITS;
    if (ndigits <= var->ndigits)
    {
        var->ndigits = ndigits;
        di %= DEC_DIGITS;
        if (di > 0)
        {
            ensure_owned(var);
            var->digits[ndigits - 1] -= var->digits[ndigits - 1] % round_powers[di];
        }
    }
}

/* ---------------------------------------------------------------- sqrt */

/* floor(var / 2) for a non-negative integer var (dscale 0). */
static void
half_int_var(NumericVar *var)
{
    int rem = 0;

    ensure_owned(var);
    /* the integer may have fewer digits than weight+1 (trailing zeros stripped) */
    if (var->ndigits < var->weight + 1)
    {
        NumericVar tmp;

        init_var(&tmp);
        alloc_var(&tmp, var->weight + 1);
        memset(tmp.digits, 0, (var->weight + 1) * sizeof(NumericDigit));
        memcpy(tmp.digits, var->digits, var->ndigits * sizeof(NumericDigit));
        tmp.weight = var->weight;
        tmp.sign = var->sign;
        tmp.dscale = 0;
        move_var(&tmp, var);
    }
    for (int i = 0; i < var->ndigits; i++)
    {
        int cur = rem * NBASE + var->digits[i];

        var->digits[i] = cur / 2;
        rem = cur % 2;
    }
    strip_var(var);
}

/* floor(sqrt(n)) for a positive integer var, by Newton's method from above. */
static void
isqrt_var(const NumericVar *n, NumericVar *result)
{
    NumericVar x, y, q;
    double  m = 0;
    int     half;
    int64   est;

    if (n->weight < 4)
    {
        /* n < 10^16: plain integer arithmetic */
        int64 v, r;

        numericvar_to_int64(n, &v);
        r = (int64) sqrt((double) v);
        while (r * r > v)
            r--;
        while ((r + 1) * (r + 1) <= v)
            r++;
        int64_to_numericvar(r, result);
        return;
    }
    /* n ~= m * NBASE^weight with 1 <= m < NBASE^3 */
    for (int i = 0; i < 3; i++)
        m = m * NBASE + (i < n->ndigits ? n->digits[i] : 0);
    /* make the NBASE exponent even: n ~= m * NBASE^(weight-2) */
    half = n->weight - 2;
    if (half & 1)
    {
        m *= NBASE;
        half--;
    }
    half /= 2;
    /* sqrt(n) ~= sqrt(m) * NBASE^half; start safely above the root */
    est = (int64) (sqrt(m) * (1.0 + 1e-9)) + 2;

    init_var(&x);
    init_var(&y);
    init_var(&q);
    int64_to_numericvar(est, &x);
    x.weight += half;
    for (;;)
    {
        div_var(n, &x, &q, 0, false);
        add_var(&x, &q, &y);
        half_int_var(&y);
        if (cmp_var(&y, &x) >= 0)
            break;
        set_var_from_var(&y, &x);
    }
    x.dscale = 0;
    free_var(&y);
    free_var(&q);
    move_var(&x, result);
}

/* result = sqrt(arg) rounded to rscale decimal places; arg >= 0. */
void
sqrt_var(const NumericVar *arg, NumericVar *result, int rscale)
{
    NumericVar n;
    int     s;

    if (cmp_var(arg, &const_zero) == 0)
    {
        zero_var(result);
        result->dscale = rscale;
        return;
    }
    if (arg->sign == NUMERIC_NEG)
        ereport(ERROR, errcode(ERRCODE_INVALID_ARGUMENT_FOR_POWER_FUNCTION),
                errmsg("cannot take square root of a negative number"));

    /*
     * floor(sqrt(arg * 10^2s)) / 10^s with s a multiple of DEC_DIGITS and
     * > rscale, so the rounding digit is exact.
     */
    s = Max(rscale + 1, 0);
    s = (s + DEC_DIGITS - 1) / DEC_DIGITS * DEC_DIGITS;
    init_var(&n);
    set_var_from_var(arg, &n);
    n.weight += 2 * s / DEC_DIGITS;
    trunc_var(&n, 0);
    strip_var(&n);
    if (n.ndigits == 0)
    {
        free_var(&n);
        zero_var(result);
        result->dscale = rscale;
        return;
    }
    isqrt_var(&n, result);
    free_var(&n);
    result->weight -= s / DEC_DIGITS;
    result->dscale = s;
    round_var(result, rscale);
    strip_var(result);
}
