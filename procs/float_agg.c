/*-------------------------------------------------------------------------
 * float_agg.c
 *    Transition and final functions of the float aggregates: avg,
 *    variance and stddev over float4/float8, and the two-variable
 *    regression family (regr_*, covar_*, corr).
 *
 * As in PostgreSQL, avg/variance/stddev keep a float8[3] state
 * {N, Sx, Sxx} updated with the Youngs-Cramer algorithm (no catastrophic
 * cancellation in Sxx); the regression aggregates keep float8[6]
 * {N, Sx, Sxx, Sy, Syy, Sxy}.  The state arrays use PostgreSQL's ArrayType
 * layout (procs/adt.h) because pg_aggregate declares them float8[] with an
 * initial value such as '{0,0,0}'.  Called as an aggregate, a transition
 * function updates its state array in place (it lives in the aggregate
 * context); otherwise it returns a new array.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/float.h"

/*
 * Return the updated state: in place when running as an aggregate (the
 * array lives in the aggregate context), else as a new array.
 */
static Datum
float8_state_result(FunctionCallInfo fcinfo, AdtArray *state, float8 *values,
                    const float8 *newvals, int n)
{
    if (AggCheckCallContext(fcinfo, NULL))
    {
        memcpy(values, newvals, n * sizeof(float8));
        PG_RETURN_POINTER(state);
    }
    PG_RETURN_POINTER(adt_make_array8(FLOAT8OID, newvals, n));
}

static Datum
float8_accum_internal(FunctionCallInfo fcinfo, float8 newval, const char *caller)
{
    AdtArray *state = (AdtArray *) PG_GETARG_POINTER(0);
    float8   *tv = adt_check_array8(state, FLOAT8OID, 3, caller);
    float8    N = tv[0], Sx = tv[1], Sxx = tv[2];
    float8    nv[3];

    /* Youngs-Cramer: Sxx accumulates without catastrophic cancellation */
    N += 1.0;
    Sx += newval;
    if (tv[0] > 0.0)
    {
        float8 tmp = newval * N - Sx;

        Sxx += tmp * tmp / (N * tv[0]);
        /* overflow only if finite inputs lead to infinite results */
        if (isinf(Sx) || isinf(Sxx))
        {
            if (!isinf(tv[1]) && !isinf(newval))
                float_overflow_error();
            Sxx = get_float8_nan();
        }
    }
    else if (isnan(newval) || isinf(newval))
        Sxx = get_float8_nan();     /* no "variance zero" after one Inf/NaN */

    nv[0] = N;
    nv[1] = Sx;
    nv[2] = Sxx;
    return float8_state_result(fcinfo, state, tv, nv, 3);
}

Datum
float8_accum(PG_FUNCTION_ARGS)
{
    return float8_accum_internal(fcinfo, PG_GETARG_FLOAT8(1), "float8_accum");
}

Datum
float4_accum(PG_FUNCTION_ARGS)
{
    return float8_accum_internal(fcinfo, (float8) PG_GETARG_FLOAT4(1), "float4_accum");
}

/* Merge two {N, Sx, Sxx} states (parallel aggregation). */
Datum
float8_combine(PG_FUNCTION_ARGS)
{
    AdtArray *s1 = (AdtArray *) PG_GETARG_POINTER(0);
    AdtArray *s2 = (AdtArray *) PG_GETARG_POINTER(1);
    float8   *t1 = adt_check_array8(s1, FLOAT8OID, 3, "float8_combine");
    float8   *t2 = adt_check_array8(s2, FLOAT8OID, 3, "float8_combine");
    float8    nv[3];

    if (t1[0] == 0.0)
        memcpy(nv, t2, sizeof nv);
    else if (t2[0] == 0.0)
        memcpy(nv, t1, sizeof nv);
    else
    {
        float8 N = t1[0] + t2[0];
        float8 Sx = float8_pl(t1[1], t2[1]);
        float8 tmp = t1[1] / t1[0] - t2[1] / t2[0];
        float8 Sxx = t1[2] + t2[2] + t1[0] * t2[0] * tmp * tmp / N;

        if (unlikely(isinf(Sxx)) && !isinf(t1[2]) && !isinf(t2[2]))
            float_overflow_error();
        nv[0] = N;
        nv[1] = Sx;
        nv[2] = Sxx;
    }
    return float8_state_result(fcinfo, s1, t1, nv, 3);
}

Datum
float8_avg(PG_FUNCTION_ARGS)
{
    float8 *tv = adt_check_array8((AdtArray *) PG_GETARG_POINTER(0), FLOAT8OID, 3, "float8_avg");

    if (tv[0] == 0.0)
        PG_RETURN_NULL();       /* SQL defines AVG of no values to be NULL */
    PG_RETURN_FLOAT8(tv[1] / tv[0]);
}

/* variance and stddev; sample forms need two values. Sxx is never negative. */
static Datum
float8_var_internal(FunctionCallInfo fcinfo, bool sample, bool stddev, const char *caller)
{
    float8 *tv = adt_check_array8((AdtArray *) PG_GETARG_POINTER(0), FLOAT8OID, 3, caller);
    float8  N = tv[0];
    float8  r;

    if (N == 0.0 || (sample && N <= 1.0))
        PG_RETURN_NULL();
    r = tv[2] / (sample ? N - 1.0 : N);
    PG_RETURN_FLOAT8(stddev ? sqrt(r) : r);
}

Datum float8_var_pop(PG_FUNCTION_ARGS)     { return float8_var_internal(fcinfo, false, false, "float8_var_pop"); }
Datum float8_var_samp(PG_FUNCTION_ARGS)    { return float8_var_internal(fcinfo, true, false, "float8_var_samp"); }
Datum float8_stddev_pop(PG_FUNCTION_ARGS)  { return float8_var_internal(fcinfo, false, true, "float8_stddev_pop"); }
Datum float8_stddev_samp(PG_FUNCTION_ARGS) { return float8_var_internal(fcinfo, true, true, "float8_stddev_samp"); }

/*
 * Two-variable aggregates (regr_*, covar_*, corr): state float8[6]
 * {N, Sx, Sxx, Sy, Syy, Sxy}, Youngs-Cramer as above.  Arguments are (Y, X).
 */
Datum
float8_regr_accum(PG_FUNCTION_ARGS)
{
    AdtArray *state = (AdtArray *) PG_GETARG_POINTER(0);
    float8    newvalY = PG_GETARG_FLOAT8(1);
    float8    newvalX = PG_GETARG_FLOAT8(2);
    float8   *tv = adt_check_array8(state, FLOAT8OID, 6, "float8_regr_accum");
    float8    N = tv[0], Sx = tv[1], Sxx = tv[2], Sy = tv[3], Syy = tv[4], Sxy = tv[5];
    float8    nv[6];

    N += 1.0;
    Sx += newvalX;
    Sy += newvalY;
    if (tv[0] > 0.0)
    {
        float8 tmpX = newvalX * N - Sx;
        float8 tmpY = newvalY * N - Sy;
        float8 scale = 1.0 / (N * tv[0]);

        Sxx += tmpX * tmpX * scale;
        Syy += tmpY * tmpY * scale;
        Sxy += tmpX * tmpY * scale;
        if (isinf(Sx) || isinf(Sxx) || isinf(Sy) || isinf(Syy) || isinf(Sxy))
        {
            if (((isinf(Sx) || isinf(Sxx)) && !isinf(tv[1]) && !isinf(newvalX)) ||
                ((isinf(Sy) || isinf(Syy)) && !isinf(tv[3]) && !isinf(newvalY)) ||
                (isinf(Sxy) && !isinf(tv[1]) && !isinf(newvalX) &&
                 !isinf(tv[3]) && !isinf(newvalY)))
                float_overflow_error();
            if (isinf(Sxx))
                Sxx = get_float8_nan();
            if (isinf(Syy))
                Syy = get_float8_nan();
            if (isinf(Sxy))
                Sxy = get_float8_nan();
        }
    }
    else
    {
        if (isnan(newvalX) || isinf(newvalX))
            Sxx = Sxy = get_float8_nan();
        if (isnan(newvalY) || isinf(newvalY))
            Syy = Sxy = get_float8_nan();
    }
    nv[0] = N; nv[1] = Sx; nv[2] = Sxx; nv[3] = Sy; nv[4] = Syy; nv[5] = Sxy;
    return float8_state_result(fcinfo, state, tv, nv, 6);
}

Datum
float8_regr_combine(PG_FUNCTION_ARGS)
{
    AdtArray *s1 = (AdtArray *) PG_GETARG_POINTER(0);
    AdtArray *s2 = (AdtArray *) PG_GETARG_POINTER(1);
    float8   *t1 = adt_check_array8(s1, FLOAT8OID, 6, "float8_regr_combine");
    float8   *t2 = adt_check_array8(s2, FLOAT8OID, 6, "float8_regr_combine");
    float8    nv[6];

    if (t1[0] == 0.0)
        memcpy(nv, t2, sizeof nv);
    else if (t2[0] == 0.0)
        memcpy(nv, t1, sizeof nv);
    else
    {
        float8 N = t1[0] + t2[0];
        float8 tmpX = t1[1] / t1[0] - t2[1] / t2[0];
        float8 tmpY = t1[3] / t1[0] - t2[3] / t2[0];
        float8 w = t1[0] * t2[0] / N;

        nv[0] = N;
        nv[1] = float8_pl(t1[1], t2[1]);
        nv[2] = t1[2] + t2[2] + w * tmpX * tmpX;
        nv[3] = float8_pl(t1[3], t2[3]);
        nv[4] = t1[4] + t2[4] + w * tmpY * tmpY;
        nv[5] = t1[5] + t2[5] + w * tmpX * tmpY;
        if ((isinf(nv[2]) && !isinf(t1[2]) && !isinf(t2[2])) ||
            (isinf(nv[4]) && !isinf(t1[4]) && !isinf(t2[4])) ||
            (isinf(nv[5]) && !isinf(t1[5]) && !isinf(t2[5])))
            float_overflow_error();
    }
    return float8_state_result(fcinfo, s1, t1, nv, 6);
}

static float8 *
regr_state(FunctionCallInfo fcinfo, const char *caller)
{
    return adt_check_array8((AdtArray *) PG_GETARG_POINTER(0), FLOAT8OID, 6, caller);
}

Datum float8_regr_sxx(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_sxx");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[2]);
}
Datum float8_regr_syy(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_syy");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[4]);
}
Datum float8_regr_sxy(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_sxy");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[5]);
}
Datum float8_regr_avgx(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_avgx");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[1] / tv[0]);
}
Datum float8_regr_avgy(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_avgy");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[3] / tv[0]);
}
Datum float8_covar_pop(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_covar_pop");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[5] / tv[0]);
}
Datum float8_covar_samp(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_covar_samp");
    if (tv[0] < 2.0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[5] / (tv[0] - 1.0));
}
Datum float8_corr(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_corr");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    /* per spec, return NULL for horizontal and vertical lines */
    if (tv[2] == 0 || tv[4] == 0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[5] / sqrt(tv[2] * tv[4]));
}
Datum float8_regr_r2(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_r2");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    if (tv[2] == 0) PG_RETURN_NULL();
    if (tv[4] == 0) PG_RETURN_FLOAT8(1.0);
    PG_RETURN_FLOAT8((tv[5] * tv[5]) / (tv[2] * tv[4]));
}
Datum float8_regr_slope(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_slope");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    if (tv[2] == 0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8(tv[5] / tv[2]);
}
Datum float8_regr_intercept(PG_FUNCTION_ARGS)
{
    float8 *tv = regr_state(fcinfo, "float8_regr_intercept");
    if (tv[0] < 1.0) PG_RETURN_NULL();
    if (tv[2] == 0) PG_RETURN_NULL();
    PG_RETURN_FLOAT8((tv[3] - tv[1] * tv[5] / tv[2]) / tv[0]);
}
