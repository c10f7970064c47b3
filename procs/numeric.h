/*-------------------------------------------------------------------------
 * numeric.h
 *    The arbitrary-precision numeric type: what other modules (jsonb,
 *    date/time extract(), money, the planner's constant folding) may use.
 *
 * A Numeric is a varlena: header, a 16-bit sign/display-scale word, a
 * 16-bit weight, then base-10000 digits (int16), most significant first,
 * with no leading or trailing zero digits.  value = sum(digit[i] *
 * 10000^(weight - i)).  The display scale (dscale) is the number of decimal
 * digits shown after the point.  NaN, +Infinity and -Infinity have no
 * digits and are told apart by the sign word, as in PostgreSQL.  Limits are
 * PostgreSQL's: weight fits int16 (131072 digits before the point) and
 * dscale is at most 16383.
 *-------------------------------------------------------------------------
 */
#ifndef NUMERIC_H
#define NUMERIC_H

#include "backend/basalt.h"
#include "procs/fmgr.h"

typedef int16 NumericDigit;

typedef struct NumericData
{
    uint32  vl_len_;
    uint16  n_sign_dscale;      /* sign bits | dscale */
    int16   n_weight;
    NumericDigit n_data[];
} NumericData;
typedef NumericData *Numeric;

#define NBASE       10000
#define HALF_NBASE  5000
#define DEC_DIGITS  4

#define NUMERIC_SIGN_MASK   0xC000
#define NUMERIC_POS         0x0000
#define NUMERIC_NEG         0x4000
#define NUMERIC_SPECIAL     0xC000
#define NUMERIC_EXT_SIGN_MASK 0xF000
#define NUMERIC_NAN         0xC000
#define NUMERIC_PINF        0xD000
#define NUMERIC_NINF        0xF000
#define NUMERIC_DSCALE_MASK 0x3FFF
#define NUMERIC_DSCALE_MAX  NUMERIC_DSCALE_MASK
#define NUMERIC_WEIGHT_MAX  PG_INT16_MAX
#define NUMERIC_WEIGHT_MIN  PG_INT16_MIN

#define NUMERIC_MAX_PRECISION       1000
#define NUMERIC_MIN_SCALE           (-1000)
#define NUMERIC_MAX_SCALE           1000
#define NUMERIC_MAX_DISPLAY_SCALE   NUMERIC_MAX_PRECISION
#define NUMERIC_MIN_DISPLAY_SCALE   0
#define NUMERIC_MAX_RESULT_SCALE    (NUMERIC_MAX_PRECISION * 2)
#define NUMERIC_MIN_SIG_DIGITS      16

#define NUMERIC_HDRSZ           ((int) offsetof(NumericData, n_data))
#define NUMERIC_NDIGITS(n)      ((int) ((VARSIZE(n) - NUMERIC_HDRSZ) / sizeof(NumericDigit)))
#define NUMERIC_DIGITS(n)       ((n)->n_data)
#define NUMERIC_WEIGHT(n)       ((int) (n)->n_weight)
#define NUMERIC_DSCALE(n)       ((int) ((n)->n_sign_dscale & NUMERIC_DSCALE_MASK))
#define NUMERIC_SIGN(n) \
    (((n)->n_sign_dscale & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL ? \
     ((n)->n_sign_dscale & NUMERIC_EXT_SIGN_MASK) : ((n)->n_sign_dscale & NUMERIC_SIGN_MASK))
#define NUMERIC_IS_SPECIAL(n)   (((n)->n_sign_dscale & NUMERIC_SIGN_MASK) == NUMERIC_SPECIAL)
#define NUMERIC_IS_NAN(n)       ((n)->n_sign_dscale == NUMERIC_NAN)
#define NUMERIC_IS_PINF(n)      ((n)->n_sign_dscale == NUMERIC_PINF)
#define NUMERIC_IS_NINF(n)      ((n)->n_sign_dscale == NUMERIC_NINF)
#define NUMERIC_IS_INF(n)       (NUMERIC_IS_PINF(n) || NUMERIC_IS_NINF(n))

#define DatumGetNumeric(X)      ((Numeric) DatumGetPointer(X))
#define NumericGetDatum(X)      PointerGetDatum(X)
#define PG_GETARG_NUMERIC(n)    DatumGetNumeric(PG_GETARG_DATUM(n))
#define PG_RETURN_NUMERIC(x)    return NumericGetDatum(x)

/* typmod = ((precision << 16) | (scale & 0x7ff)) + VARHDRSZ; -1 = none */
static inline int32
make_numeric_typmod(int precision, int scale)
{
    return ((precision << 16) | (scale & 0x7ff)) + VARHDRSZ;
}
static inline bool
is_valid_numeric_typmod(int32 typmod)
{
    return typmod >= (int32) VARHDRSZ;
}
static inline int
numeric_typmod_precision(int32 typmod)
{
    return ((typmod - VARHDRSZ) >> 16) & 0xffff;
}
static inline int
numeric_typmod_scale(int32 typmod)
{
    return (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;
}

extern bool numeric_is_nan(Numeric num);
extern bool numeric_is_inf(Numeric num);
extern bool numeric_is_integral(Numeric num);
extern Numeric int64_to_numeric(int64 val);
/* val1 / 10^log10val2 without rounding (extract() of date/time fields) */
extern Numeric int64_div_fast_to_numeric(int64 val1, int log10val2);
extern Numeric float8_to_numeric(float8 val);
extern float8 numeric_to_float8(Numeric num);
/* Three-way comparison with NaN above +Infinity above every finite value. */
extern int numeric_cmp_internal(Numeric a, Numeric b);

/* Arithmetic that reports errors (overflow, division by zero) through
 * *have_error when it is not NULL, returning NULL; else raises them. */
extern Numeric numeric_add_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_sub_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_mul_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_div_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern Numeric numeric_mod_opt_error(Numeric num1, Numeric num2, bool *have_error);
extern int32 numeric_int4_opt_error(Numeric num, bool *have_error);
extern int64 numeric_int8_opt_error(Numeric num, bool *have_error);

/* Text forms: numeric_out's, scientific with `scale` digits, and with
 * trailing fractional zeros removed (jsonb's canonical form). */
extern char *numeric_out_internal(Numeric num);
extern char *numeric_out_sci(Numeric num, int scale);
extern char *numeric_normalize(Numeric num);

/* fmgr-callable entry points other modules call directly */
extern Datum numeric_in(PG_FUNCTION_ARGS);
extern Datum numeric_out(PG_FUNCTION_ARGS);
extern Datum numeric_cmp(PG_FUNCTION_ARGS);
extern Datum numeric_eq(PG_FUNCTION_ARGS);
extern Datum numeric_add(PG_FUNCTION_ARGS);
extern Datum numeric_sub(PG_FUNCTION_ARGS);
extern Datum numeric_mul(PG_FUNCTION_ARGS);
extern Datum numeric_div(PG_FUNCTION_ARGS);
extern Datum numeric_round(PG_FUNCTION_ARGS);
extern Datum numeric_int4(PG_FUNCTION_ARGS);
extern Datum numeric_int8(PG_FUNCTION_ARGS);
extern Datum numeric_float8(PG_FUNCTION_ARGS);
extern Datum int4_numeric(PG_FUNCTION_ARGS);
extern Datum int8_numeric(PG_FUNCTION_ARGS);
extern Datum float8_numeric(PG_FUNCTION_ARGS);
extern Datum hash_numeric(PG_FUNCTION_ARGS);

#endif /* NUMERIC_H */
