/*-------------------------------------------------------------------------
 * numeric_var.h
 *    Private to procs/numeric*.c: the unpacked working form of a numeric
 *    (NumericVar) and the arithmetic on it.
 *
 * A NumericVar owns a palloc'd digit buffer with one spare digit in front
 * (buf[0]) so that rounding can carry into a new leading digit.  digits
 * may point past buf after leading zeros are stripped.  A var made by
 * init_var_from_num() instead points into a Numeric's own digits and is
 * read-only (buf == NULL); every function below that writes its result
 * allocates a fresh buffer, so a var may be both an input and the result.
 *
 * Results follow PostgreSQL's scale rules: add/sub give the larger input
 * dscale, mul the requested rscale (the exact product when rscale is the
 * sum of the input scales), div the rscale chosen by select_div_scale,
 * rounded half away from zero.
 *-------------------------------------------------------------------------
 */
#ifndef NUMERIC_VAR_H
#define NUMERIC_VAR_H

#include "procs/numeric.h"

typedef struct NumericVar
{
    int     ndigits;
    int     weight;             /* weight of digits[0] */
    int     sign;               /* NUMERIC_POS/NEG/NAN/PINF/NINF */
    int     dscale;
    NumericDigit *buf;          /* palloc'd, or NULL when borrowed */
    NumericDigit *digits;
} NumericVar;

extern const NumericVar const_zero;
extern const NumericVar const_one;
extern const NumericVar const_nan;
extern const NumericVar const_pinf;
extern const NumericVar const_ninf;

static inline void
init_var(NumericVar *v)
{
    memset(v, 0, sizeof(NumericVar));
}

extern void alloc_var(NumericVar *var, int ndigits);
extern void free_var(NumericVar *var);
extern void zero_var(NumericVar *var);
extern void init_var_from_num(Numeric num, NumericVar *dest);
extern void set_var_from_num(Numeric num, NumericVar *dest);
extern void set_var_from_var(const NumericVar *value, NumericVar *dest);
extern const char *set_var_from_str(const char *str, const char *cp, NumericVar *dest);
extern char *get_str_from_var(const NumericVar *var);
extern Numeric make_result(const NumericVar *var);
extern Numeric make_result_opt_error(const NumericVar *var, bool *have_error);
extern void apply_typmod(NumericVar *var, int32 typmod);
extern void apply_typmod_special(Numeric num, int32 typmod);

extern void int64_to_numericvar(int64 val, NumericVar *var);
extern void int128_to_numericvar(int128 val, NumericVar *var);
extern bool numericvar_to_int64(const NumericVar *var, int64 *result);

extern int  cmp_var(const NumericVar *var1, const NumericVar *var2);
extern void add_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result);
extern void sub_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result);
extern void mul_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result,
                    int rscale);
extern void div_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result,
                    int rscale, bool round);
extern int  select_div_scale(const NumericVar *var1, const NumericVar *var2);
extern void mod_var(const NumericVar *var1, const NumericVar *var2, NumericVar *result);
extern void round_var(NumericVar *var, int rscale);
extern void trunc_var(NumericVar *var, int rscale);
extern void strip_var(NumericVar *var);
extern void sqrt_var(const NumericVar *arg, NumericVar *result, int rscale);

#endif /* NUMERIC_VAR_H */
