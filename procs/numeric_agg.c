/*-------------------------------------------------------------------------
 * numeric_agg.c
 *    Transition and final functions of sum, avg, variance and stddev over
 *    the integer and numeric types, with PostgreSQL 15's pg_aggregate
 *    names and state types:
 *
 *    sum(int2/int4)    int2_sum / int4_sum, state int8
 *    avg(int2/int4)    int2_avg_accum / int4_avg_accum, state int8[2]
 *                      {count, sum}; final int8_avg
 *    sum/avg(int8)     int8_avg_accum, internal state with an int128 sum;
 *                      finals numeric_poly_sum / numeric_poly_avg
 *    var/stddev(int2/int4)  int2_accum / int4_accum: int128 sum and sum
 *                      of squares; finals numeric_poly_var_pop & co.
 *    var/stddev(int8)  int8_accum: numeric sums; finals numeric_var_pop & co.
 *    sum/avg(numeric)  numeric_avg_accum; finals numeric_sum / numeric_avg
 *    var/stddev(numeric)  numeric_accum; finals numeric_var_pop & co.
 *
 * The _inv functions are the inverse transitions PostgreSQL declares for
 * moving-aggregate mode (window frames whose start moves), removing an
 * input from the state.
 *
 * Internal states live in the aggregate's memory context (from
 * AggCheckCallContext).  Numeric running sums keep one digit buffer each,
 * reused and grown geometrically, so accumulating a row allocates only in
 * the per-row context.  NaN and infinities are counted apart from N, as in
 * PostgreSQL: any NaN makes sum/avg NaN, +Inf and -Inf together make NaN,
 * and any of them makes variance/stddev NaN.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/numeric_var.h"

/* A running numeric sum whose digit buffer lives in the aggregate context. */
typedef struct AccumVar
{
    NumericVar  v;
    int         capacity;       /* digits the buffer holds */
} AccumVar;

typedef struct NumericAggState
{
    bool        calcSumX2;
    MemoryContext agg_context;
    int64       N;              /* finite inputs */
    AccumVar    sumX;
    AccumVar    sumX2;
    int         maxScale;       /* largest input dscale ... */
    int64       maxScaleCount;  /* ... and how many inputs have it */
    int64       NaNcount;
    int64       pInfcount;
    int64       nInfcount;
} NumericAggState;

typedef struct Int128AggState
{
    bool        calcSumX2;
    int64       N;
    int128      sumX;
    int128      sumX2;
} Int128AggState;

#define NA_TOTAL_COUNT(s) ((s)->N + (s)->NaNcount + (s)->pInfcount + (s)->nInfcount)

static MemoryContext
agg_context_or_error(FunctionCallInfo fcinfo)
{
    MemoryContext agg_context;

    if (!AggCheckCallContext(fcinfo, &agg_context))
        elog(ERROR, "aggregate function called in non-aggregate context");
    return agg_context;
}

static void
accum_init(AccumVar *acc)
{
    memset(acc, 0, sizeof(AccumVar));
    acc->v.sign = NUMERIC_POS;
}

/* acc += x; the sum is formed in the current (per-row) context, then copied. */
static void
accum_add(AccumVar *acc, const NumericVar *x, MemoryContext cxt)
{
    NumericVar tmp;

    init_var(&tmp);
    add_var(&acc->v, x, &tmp);
    if (tmp.ndigits > acc->capacity)
    {
        if (acc->v.buf)
            pfree(acc->v.buf);
        acc->capacity = Max(tmp.ndigits * 2, 8);
        acc->v.buf = (NumericDigit *) MemoryContextAlloc(cxt, (acc->capacity + 1) * sizeof(NumericDigit));
        acc->v.buf[0] = 0;
    }
    acc->v.digits = acc->v.buf ? acc->v.buf + 1 : NULL;
    if (tmp.ndigits > 0)
        memcpy(acc->v.digits, tmp.digits, tmp.ndigits * sizeof(NumericDigit));
    acc->v.ndigits = tmp.ndigits;
    acc->v.weight = tmp.weight;
    acc->v.sign = tmp.sign;
    acc->v.dscale = tmp.dscale;
    free_var(&tmp);
}

static NumericAggState *
make_numeric_agg_state(FunctionCallInfo fcinfo, bool calcSumX2)
{
    MemoryContext agg_context = agg_context_or_error(fcinfo);
    NumericAggState *state = (NumericAggState *) MemoryContextAllocZero(agg_context, sizeof(NumericAggState));

    state->calcSumX2 = calcSumX2;
    state->agg_context = agg_context;
    accum_init(&state->sumX);
    accum_init(&state->sumX2);
    return state;
}

static void
do_numeric_accum(NumericAggState *state, Numeric newval)
{
    NumericVar X;

    if (NUMERIC_IS_SPECIAL(newval))
    {
        if (NUMERIC_IS_PINF(newval))
            state->pInfcount++;
        else if (NUMERIC_IS_NINF(newval))
            state->nInfcount++;
        else
            state->NaNcount++;
        return;
    }
    init_var_from_num(newval, &X);
    if (X.dscale > state->maxScale)
    {
        state->maxScale = X.dscale;
        state->maxScaleCount = 1;
    }
    else if (X.dscale == state->maxScale)
        state->maxScaleCount++;
    state->N++;
    accum_add(&state->sumX, &X, state->agg_context);
    if (state->calcSumX2)
    {
        NumericVar X2;

        init_var(&X2);
        mul_var(&X, &X, &X2, X.dscale * 2);
        accum_add(&state->sumX2, &X2, state->agg_context);
        free_var(&X2);
    }
}

/*
 * Remove an input from the sums (a row leaving a moving window frame).
 * Returns false when the sum's display scale could no longer be known
 * (the last input with the largest scale leaves while others remain);
 * the executor then recomputes the frame from scratch.
 */
static bool
do_numeric_discard(NumericAggState *state, Numeric newval)
{
    NumericVar X;

    if (NUMERIC_IS_SPECIAL(newval))
    {
        if (NUMERIC_IS_PINF(newval))
            state->pInfcount--;
        else if (NUMERIC_IS_NINF(newval))
            state->nInfcount--;
        else
            state->NaNcount--;
        return true;
    }
    init_var_from_num(newval, &X);
    if (X.dscale == state->maxScale)
    {
        if (state->maxScaleCount > 1 || state->maxScale == 0)
            state->maxScaleCount--;
        else if (state->N == 1)
        {
            state->maxScale = 0;
            state->maxScaleCount = 0;
        }
        else
            return false;
    }
    if (state->N-- > 1)
    {
        X.sign = X.sign == NUMERIC_POS ? NUMERIC_NEG : NUMERIC_POS;
        accum_add(&state->sumX, &X, state->agg_context);
        if (state->calcSumX2)
        {
            NumericVar X2;

            init_var(&X2);
            mul_var(&X, &X, &X2, X.dscale * 2);
            X2.sign = NUMERIC_NEG;
            accum_add(&state->sumX2, &X2, state->agg_context);
            free_var(&X2);
        }
    }
    else
    {
        /* no finite inputs left: the sums restart from zero */
        state->sumX.v.ndigits = state->sumX2.v.ndigits = 0;
        state->sumX.v.weight = state->sumX2.v.weight = 0;
        state->sumX.v.sign = state->sumX2.v.sign = NUMERIC_POS;
        state->sumX.v.dscale = state->sumX2.v.dscale = 0;
    }
    return true;
}

static Int128AggState *
make_int128_agg_state(FunctionCallInfo fcinfo, bool calcSumX2)
{
    MemoryContext agg_context = agg_context_or_error(fcinfo);
    Int128AggState *state = (Int128AggState *) MemoryContextAllocZero(agg_context, sizeof(Int128AggState));

    state->calcSumX2 = calcSumX2;
    return state;
}

static void
do_int128_accum(Int128AggState *state, int128 newval)
{
    if (state->calcSumX2)
        state->sumX2 += newval * newval;
    state->sumX += newval;
    state->N++;
}

static void
do_int128_discard(Int128AggState *state, int128 newval)
{
    if (state->calcSumX2)
        state->sumX2 -= newval * newval;
    state->sumX -= newval;
    state->N--;
}

/* ---------------------------------------------------------------- sum(int2/int4) */

/*
 * Non-strict so that the first non-NULL input can become the state (the
 * state is int8, the input narrower).  No overflow check: int8 cannot
 * overflow from fewer than 2^32 int4 inputs in practice, as PostgreSQL
 * reasons.
 */
Datum
int2_sum(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
    {
        if (PG_ARGISNULL(1))
            PG_RETURN_NULL();
        PG_RETURN_INT64((int64) PG_GETARG_INT16(1));
    }
    if (PG_ARGISNULL(1))
        PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    PG_RETURN_INT64(PG_GETARG_INT64(0) + (int64) PG_GETARG_INT16(1));
}

Datum
int4_sum(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
    {
        if (PG_ARGISNULL(1))
            PG_RETURN_NULL();
        PG_RETURN_INT64((int64) PG_GETARG_INT32(1));
    }
    if (PG_ARGISNULL(1))
        PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    PG_RETURN_INT64(PG_GETARG_INT64(0) + (int64) PG_GETARG_INT32(1));
}

/* int8_sum(numeric, int8): the pre-9.x sum(int8) transition, kept for callers */
Datum
int8_sum(PG_FUNCTION_ARGS)
{
    NumericVar a, b, r;
    Numeric res;

    if (PG_ARGISNULL(0))
    {
        if (PG_ARGISNULL(1))
            PG_RETURN_NULL();
        PG_RETURN_NUMERIC(int64_to_numeric(PG_GETARG_INT64(1)));
    }
    if (PG_ARGISNULL(1))
        PG_RETURN_DATUM(PG_GETARG_DATUM(0));
    init_var_from_num(PG_GETARG_NUMERIC(0), &a);
    init_var(&b);
    init_var(&r);
    int64_to_numericvar(PG_GETARG_INT64(1), &b);
    add_var(&a, &b, &r);
    res = make_result(&r);
    free_var(&b);
    free_var(&r);
    PG_RETURN_NUMERIC(res);
}

/* ---------------------------------------------------------------- avg(int2/int4) */

typedef struct Int8TransTypeData
{
    int64       count;
    int64       sum;
} Int8TransTypeData;

/* The int8[2] state, writable: in place as an aggregate, else a copy. */
static AdtArray *
int8_trans_array(FunctionCallInfo fcinfo, Int8TransTypeData **data)
{
    AdtArray *arr = (AdtArray *) PG_GETARG_POINTER(0);

    if (!AggCheckCallContext(fcinfo, NULL))
    {
        AdtArray *copy = (AdtArray *) palloc(VARSIZE(arr));

        memcpy(copy, arr, VARSIZE(arr));
        arr = copy;
    }
    *data = (Int8TransTypeData *) adt_check_array8(arr, INT8OID, 2, "int8_avg_accum");
    return arr;
}

Datum
int2_avg_accum(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data;
    AdtArray *arr = int8_trans_array(fcinfo, &data);

    data->count++;
    data->sum += PG_GETARG_INT16(1);
    PG_RETURN_POINTER(arr);
}

Datum
int4_avg_accum(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data;
    AdtArray *arr = int8_trans_array(fcinfo, &data);

    data->count++;
    data->sum += PG_GETARG_INT32(1);
    PG_RETURN_POINTER(arr);
}

Datum
int2_avg_accum_inv(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data;
    AdtArray *arr = int8_trans_array(fcinfo, &data);

    data->count--;
    data->sum -= PG_GETARG_INT16(1);
    PG_RETURN_POINTER(arr);
}

Datum
int4_avg_accum_inv(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data;
    AdtArray *arr = int8_trans_array(fcinfo, &data);

    data->count--;
    data->sum -= PG_GETARG_INT32(1);
    PG_RETURN_POINTER(arr);
}

/* sum(int2/int4) as a moving aggregate: the sum part of the int8[2] state */
Datum
int2int4_sum(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data = (Int8TransTypeData *)
        adt_check_array8((AdtArray *) PG_GETARG_POINTER(0), INT8OID, 2, "int2int4_sum");

    if (data->count == 0)
        PG_RETURN_NULL();
    PG_RETURN_INT64(data->sum);
}

Datum
int4_avg_combine(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data;
    AdtArray *arr = int8_trans_array(fcinfo, &data);
    Int8TransTypeData *other = (Int8TransTypeData *)
        adt_check_array8((AdtArray *) PG_GETARG_POINTER(1), INT8OID, 2, "int4_avg_combine");

    data->count += other->count;
    data->sum += other->sum;
    PG_RETURN_POINTER(arr);
}

/* avg of int2/int4: sum / count with numeric division's scale */
Datum
int8_avg(PG_FUNCTION_ARGS)
{
    Int8TransTypeData *data = (Int8TransTypeData *)
        adt_check_array8((AdtArray *) PG_GETARG_POINTER(0), INT8OID, 2, "int8_avg");

    if (data->count == 0)
        PG_RETURN_NULL();
    PG_RETURN_NUMERIC(numeric_div_opt_error(int64_to_numeric(data->sum),
                                            int64_to_numeric(data->count), NULL));
}

/* ---------------------------------------------------------------- int128 states */

Datum
int8_avg_accum(PG_FUNCTION_ARGS)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        state = make_int128_agg_state(fcinfo, false);
    if (!PG_ARGISNULL(1))
        do_int128_accum(state, (int128) PG_GETARG_INT64(1));
    PG_RETURN_POINTER(state);
}

Datum
int2_accum(PG_FUNCTION_ARGS)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        state = make_int128_agg_state(fcinfo, true);
    if (!PG_ARGISNULL(1))
        do_int128_accum(state, (int128) PG_GETARG_INT16(1));
    PG_RETURN_POINTER(state);
}

Datum
int4_accum(PG_FUNCTION_ARGS)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        state = make_int128_agg_state(fcinfo, true);
    if (!PG_ARGISNULL(1))
        do_int128_accum(state, (int128) PG_GETARG_INT32(1));
    PG_RETURN_POINTER(state);
}

/* inverse transitions of the int128 states (moving window frames) */
static Datum
int128_accum_inv(FunctionCallInfo fcinfo, int128 val, const char *caller)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        elog(ERROR, "%s called with NULL state", caller);
    if (!PG_ARGISNULL(1))
        do_int128_discard(state, val);
    PG_RETURN_POINTER(state);
}

Datum
int2_accum_inv(PG_FUNCTION_ARGS)
{
    return int128_accum_inv(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT16(1), "int2_accum_inv");
}

Datum
int4_accum_inv(PG_FUNCTION_ARGS)
{
    return int128_accum_inv(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT32(1), "int4_accum_inv");
}

Datum
int8_avg_accum_inv(PG_FUNCTION_ARGS)
{
    return int128_accum_inv(fcinfo, PG_ARGISNULL(1) ? 0 : PG_GETARG_INT64(1), "int8_avg_accum_inv");
}

Datum
numeric_poly_sum(PG_FUNCTION_ARGS)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);
    NumericVar result;
    Numeric res;

    if (state == NULL || state->N == 0)
        PG_RETURN_NULL();
    init_var(&result);
    int128_to_numericvar(state->sumX, &result);
    res = make_result(&result);
    free_var(&result);
    PG_RETURN_NUMERIC(res);
}

Datum
numeric_poly_avg(PG_FUNCTION_ARGS)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);
    NumericVar sum;
    Numeric res;

    if (state == NULL || state->N == 0)
        PG_RETURN_NULL();
    init_var(&sum);
    int128_to_numericvar(state->sumX, &sum);
    res = numeric_div_opt_error(make_result(&sum), int64_to_numeric(state->N), NULL);
    free_var(&sum);
    PG_RETURN_NUMERIC(res);
}

/* ---------------------------------------------------------------- numeric states */

Datum
numeric_avg_accum(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        state = make_numeric_agg_state(fcinfo, false);
    if (!PG_ARGISNULL(1))
        do_numeric_accum(state, PG_GETARG_NUMERIC(1));
    PG_RETURN_POINTER(state);
}

Datum
numeric_accum(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        state = make_numeric_agg_state(fcinfo, true);
    if (!PG_ARGISNULL(1))
        do_numeric_accum(state, PG_GETARG_NUMERIC(1));
    PG_RETURN_POINTER(state);
}

Datum
int8_accum(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        state = make_numeric_agg_state(fcinfo, true);
    if (!PG_ARGISNULL(1))
        do_numeric_accum(state, int64_to_numeric(PG_GETARG_INT64(1)));
    PG_RETURN_POINTER(state);
}

/* Returns NULL (forcing a recomputation) when the scale would become unknown. */
Datum
numeric_accum_inv(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        elog(ERROR, "numeric_accum_inv called with NULL state");
    if (!PG_ARGISNULL(1) && !do_numeric_discard(state, PG_GETARG_NUMERIC(1)))
        PG_RETURN_NULL();
    PG_RETURN_POINTER(state);
}

Datum
int8_accum_inv(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);

    if (state == NULL)
        elog(ERROR, "int8_accum_inv called with NULL state");
    /* all inputs have scale 0, so discarding cannot fail */
    if (!PG_ARGISNULL(1) && !do_numeric_discard(state, int64_to_numeric(PG_GETARG_INT64(1))))
        elog(ERROR, "do_numeric_discard failed unexpectedly");
    PG_RETURN_POINTER(state);
}

/* NaN/Inf outcome of sum/avg, or NULL when the sum is finite */
static Numeric
special_sum_result(NumericAggState *state)
{
    if (state->NaNcount > 0 || (state->pInfcount > 0 && state->nInfcount > 0))
        return make_result(&const_nan);
    if (state->pInfcount > 0)
        return make_result(&const_pinf);
    if (state->nInfcount > 0)
        return make_result(&const_ninf);
    return NULL;
}

Datum
numeric_sum(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);
    Numeric special;

    if (state == NULL || NA_TOTAL_COUNT(state) == 0)
        PG_RETURN_NULL();
    if ((special = special_sum_result(state)) != NULL)
        PG_RETURN_NUMERIC(special);
    PG_RETURN_NUMERIC(make_result(&state->sumX.v));
}

Datum
numeric_avg(PG_FUNCTION_ARGS)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);
    Numeric special;

    if (state == NULL || NA_TOTAL_COUNT(state) == 0)
        PG_RETURN_NULL();
    if ((special = special_sum_result(state)) != NULL)
        PG_RETURN_NUMERIC(special);
    PG_RETURN_NUMERIC(numeric_div_opt_error(make_result(&state->sumX.v),
                                            int64_to_numeric(state->N), NULL));
}

/*
 * Variance and standard deviation from N, sum(X) and sum(X^2):
 * (N * sumX2 - sumX^2) / (N * (N - 1)) for the sample forms, N * N for the
 * population forms, divided at select_div_scale and square-rooted at the
 * same scale, as PostgreSQL computes them.  Returns NULL via *is_null for
 * no input, or one input in the sample forms.
 */
static Numeric
numeric_stddev_internal(int64 N, const NumericVar *sumX, const NumericVar *sumX2,
                        bool has_special, bool variance, bool sample, bool *is_null)
{
    NumericVar vN, vNminus1, vsumX, vsumX2;
    Numeric res;
    int     rscale;

    *is_null = false;
    if (has_special)
        return make_result(&const_nan);

    if (N == 0 || (sample && N <= 1))
    {
        *is_null = true;
        return NULL;
    }

    init_var(&vN);
    init_var(&vNminus1);
    init_var(&vsumX);
    init_var(&vsumX2);
    int64_to_numericvar(N, &vN);
    sub_var(&vN, &const_one, &vNminus1);
    set_var_from_var(sumX, &vsumX);
    set_var_from_var(sumX2, &vsumX2);

    rscale = vsumX.dscale * 2;
    mul_var(&vsumX, &vsumX, &vsumX, rscale);        /* sumX * sumX */
    mul_var(&vN, &vsumX2, &vsumX2, rscale);         /* N * sumX2 */
    sub_var(&vsumX2, &vsumX, &vsumX2);              /* N * sumX2 - sumX^2 */

    if (cmp_var(&vsumX2, &const_zero) <= 0)
        res = make_result(&const_zero);             /* roundoff can go negative */
    else
    {
        if (sample)
            mul_var(&vN, &vNminus1, &vNminus1, 0);  /* N * (N - 1) */
        else
            mul_var(&vN, &vN, &vNminus1, 0);        /* N * N */
        rscale = select_div_scale(&vsumX2, &vNminus1);
        div_var(&vsumX2, &vNminus1, &vsumX, rscale, true);
        if (!variance)
            sqrt_var(&vsumX, &vsumX, rscale);
        res = make_result(&vsumX);
    }
    free_var(&vN);
    free_var(&vNminus1);
    free_var(&vsumX);
    free_var(&vsumX2);
    return res;
}

static Datum
numeric_var_final(FunctionCallInfo fcinfo, bool variance, bool sample)
{
    NumericAggState *state = PG_ARGISNULL(0) ? NULL : (NumericAggState *) PG_GETARG_POINTER(0);
    Numeric res;
    bool    is_null;

    if (state == NULL || NA_TOTAL_COUNT(state) == 0)
        PG_RETURN_NULL();
    res = numeric_stddev_internal(state->N, &state->sumX.v, &state->sumX2.v,
                                  state->NaNcount + state->pInfcount + state->nInfcount > 0,
                                  variance, sample, &is_null);
    if (is_null)
        PG_RETURN_NULL();
    PG_RETURN_NUMERIC(res);
}

Datum numeric_var_pop(PG_FUNCTION_ARGS)     { return numeric_var_final(fcinfo, true, false); }
Datum numeric_var_samp(PG_FUNCTION_ARGS)    { return numeric_var_final(fcinfo, true, true); }
Datum numeric_stddev_pop(PG_FUNCTION_ARGS)  { return numeric_var_final(fcinfo, false, false); }
Datum numeric_stddev_samp(PG_FUNCTION_ARGS) { return numeric_var_final(fcinfo, false, true); }

static Datum
numeric_poly_var_final(FunctionCallInfo fcinfo, bool variance, bool sample)
{
    Int128AggState *state = PG_ARGISNULL(0) ? NULL : (Int128AggState *) PG_GETARG_POINTER(0);
    NumericVar sumX, sumX2;
    Numeric res;
    bool    is_null;

    if (state == NULL || state->N == 0)
        PG_RETURN_NULL();
    init_var(&sumX);
    init_var(&sumX2);
    int128_to_numericvar(state->sumX, &sumX);
    int128_to_numericvar(state->sumX2, &sumX2);
    res = numeric_stddev_internal(state->N, &sumX, &sumX2, false, variance, sample, &is_null);
    free_var(&sumX);
    free_var(&sumX2);
    if (is_null)
        PG_RETURN_NULL();
    PG_RETURN_NUMERIC(res);
}

Datum numeric_poly_var_pop(PG_FUNCTION_ARGS)     { return numeric_poly_var_final(fcinfo, true, false); }
Datum numeric_poly_var_samp(PG_FUNCTION_ARGS)    { return numeric_poly_var_final(fcinfo, true, true); }
Datum numeric_poly_stddev_pop(PG_FUNCTION_ARGS)  { return numeric_poly_var_final(fcinfo, false, false); }
Datum numeric_poly_stddev_samp(PG_FUNCTION_ARGS) { return numeric_poly_var_final(fcinfo, false, true); }
