/*-------------------------------------------------------------------------
 * float.h
 *    Checked float arithmetic and NaN-aware comparison, inline, for every
 *    module that computes with float4/float8 (PostgreSQL's utils/float.h).
 *
 * The arithmetic raises PostgreSQL's errors: "value out of range:
 * overflow" when finite inputs give an infinite result, "value out of
 * range: underflow" when nonzero inputs give zero (multiplication and
 * division), "division by zero" for x / 0 unless x is NaN.  The
 * comparisons order NaN equal to itself and above every other value.
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_FLOAT_H
#define PROCS_FLOAT_H

#include <math.h>
#include "procs/builtins.h"

static inline float8
float8_pl(float8 a, float8 b)
{
    float8 r = a + b;

    if (unlikely(isinf(r)) && !isinf(a) && !isinf(b))
        float_overflow_error();
    return r;
}

static inline float8
float8_mi(float8 a, float8 b)
{
    float8 r = a - b;

    if (unlikely(isinf(r)) && !isinf(a) && !isinf(b))
        float_overflow_error();
    return r;
}

static inline float8
float8_mul(float8 a, float8 b)
{
    float8 r = a * b;

    if (unlikely(isinf(r)) && !isinf(a) && !isinf(b))
        float_overflow_error();
    if (unlikely(r == 0.0) && a != 0.0 && b != 0.0)
        float_underflow_error();
    return r;
}

static inline float8
float8_div(float8 a, float8 b)
{
    float8 r;

    if (unlikely(b == 0.0) && !isnan(a))
        float_zero_divide_error();
    r = a / b;
    if (unlikely(isinf(r)) && !isinf(a))
        float_overflow_error();
    if (unlikely(r == 0.0) && a != 0.0 && !isinf(b))
        float_underflow_error();
    return r;
}

static inline float4
float4_pl(float4 a, float4 b)
{
    float4 r = a + b;

    if (unlikely(isinf(r)) && !isinf(a) && !isinf(b))
        float_overflow_error();
    return r;
}

static inline float4
float4_mi(float4 a, float4 b)
{
    float4 r = a - b;

    if (unlikely(isinf(r)) && !isinf(a) && !isinf(b))
        float_overflow_error();
    return r;
}

static inline float4
float4_mul(float4 a, float4 b)
{
    float4 r = a * b;

    if (unlikely(isinf(r)) && !isinf(a) && !isinf(b))
        float_overflow_error();
    if (unlikely(r == 0.0f) && a != 0.0f && b != 0.0f)
        float_underflow_error();
    return r;
}

static inline float4
float4_div(float4 a, float4 b)
{
    float4 r;

    if (unlikely(b == 0.0f) && !isnan(a))
        float_zero_divide_error();
    r = a / b;
    if (unlikely(isinf(r)) && !isinf(a))
        float_overflow_error();
    if (unlikely(r == 0.0f) && a != 0.0f && !isinf(b))
        float_underflow_error();
    return r;
}

/* NaN-aware comparisons (NaN = NaN, NaN > everything else). */
static inline bool float8_eq(float8 a, float8 b) { return isnan(a) ? isnan(b) : !isnan(b) && a == b; }
static inline bool float8_ne(float8 a, float8 b) { return isnan(a) ? !isnan(b) : isnan(b) || a != b; }
static inline bool float8_lt(float8 a, float8 b) { return !isnan(a) && (isnan(b) || a < b); }
static inline bool float8_le(float8 a, float8 b) { return isnan(b) || (!isnan(a) && a <= b); }
static inline bool float8_gt(float8 a, float8 b) { return !isnan(b) && (isnan(a) || a > b); }
static inline bool float8_ge(float8 a, float8 b) { return isnan(a) || (!isnan(b) && a >= b); }

#endif /* PROCS_FLOAT_H */
