/*-------------------------------------------------------------------------
 * series.c
 *    generate_series(start, stop [, step]) over int4, int8 and numeric:
 *    value-per-call set-returning functions (procs/funcapi.h).
 *
 * As in PostgreSQL: a zero step is an error; the series stops at the last
 * value not past stop; when the next value would overflow the type, the
 * current one is the last.  The numeric form rejects NaN and infinities.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/funcapi.h"
#include "procs/numeric_var.h"

typedef struct SeriesInt
{
    int64   current;
    int64   finish;
    int64   step;
    int64   min, max;           /* the type's range */
    bool    done;               /* the next value would overflow */
} SeriesInt;

pg_attribute_noreturn() static void
zero_step(void)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("step size cannot equal zero"));
}

static Datum
series_int(FunctionCallInfo fcinfo, bool is_int8)
{
    FuncCallContext *funcctx;
    SeriesInt *fctx;
    int64   result;

    if (SRF_IS_FIRSTCALL())
    {
        int64   start = is_int8 ? PG_GETARG_INT64(0) : PG_GETARG_INT32(0);
        int64   finish = is_int8 ? PG_GETARG_INT64(1) : PG_GETARG_INT32(1);
        int64   step = 1;
        MemoryContext old;

        if (PG_NARGS() == 3)
            step = is_int8 ? PG_GETARG_INT64(2) : PG_GETARG_INT32(2);
        if (step == 0)
            zero_step();
        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        fctx = (SeriesInt *) palloc0(sizeof(SeriesInt));
        fctx->current = start;
        fctx->finish = finish;
        fctx->step = step;
        fctx->min = is_int8 ? PG_INT64_MIN : PG_INT32_MIN;
        fctx->max = is_int8 ? PG_INT64_MAX : PG_INT32_MAX;
        funcctx->user_fctx = fctx;
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    fctx = (SeriesInt *) funcctx->user_fctx;
    result = fctx->current;

    if (!fctx->done &&
        ((fctx->step > 0 && fctx->current <= fctx->finish) ||
         (fctx->step < 0 && fctx->current >= fctx->finish)))
    {
        int64 next;

        if (__builtin_add_overflow(fctx->current, fctx->step, &next) ||
            next < fctx->min || next > fctx->max)
            fctx->done = true;
        else
            fctx->current = next;
        if (is_int8)
            SRF_RETURN_NEXT(funcctx, Int64GetDatum(result));
        SRF_RETURN_NEXT(funcctx, Int32GetDatum((int32) result));
    }
    SRF_RETURN_DONE(funcctx);
}

Datum generate_series_int4(PG_FUNCTION_ARGS)      { return series_int(fcinfo, false); }
Datum generate_series_step_int4(PG_FUNCTION_ARGS) { return series_int(fcinfo, false); }
Datum generate_series_int8(PG_FUNCTION_ARGS)      { return series_int(fcinfo, true); }
Datum generate_series_step_int8(PG_FUNCTION_ARGS) { return series_int(fcinfo, true); }

typedef struct SeriesNumeric
{
    NumericVar  current;
    NumericVar  stop;
    NumericVar  step;
} SeriesNumeric;

static void
reject_special(Numeric num, const char *what)
{
    if (NUMERIC_IS_NAN(num))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("%s cannot be NaN", what));
    if (NUMERIC_IS_SPECIAL(num))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("%s cannot be infinity", what));
}

static Datum
series_numeric(FunctionCallInfo fcinfo)
{
    FuncCallContext *funcctx;
    SeriesNumeric *fctx;

    if (SRF_IS_FIRSTCALL())
    {
        Numeric start_num = PG_GETARG_NUMERIC(0);
        Numeric stop_num = PG_GETARG_NUMERIC(1);
        NumericVar steploc = const_one;
        MemoryContext old;

        reject_special(start_num, "start value");
        reject_special(stop_num, "stop value");
        if (PG_NARGS() == 3)
        {
            Numeric step_num = PG_GETARG_NUMERIC(2);

            reject_special(step_num, "step size");
            init_var_from_num(step_num, &steploc);
            if (cmp_var(&steploc, &const_zero) == 0)
                zero_step();
        }
        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        fctx = (SeriesNumeric *) palloc(sizeof(SeriesNumeric));
        init_var(&fctx->current);
        init_var(&fctx->stop);
        init_var(&fctx->step);
        set_var_from_num(start_num, &fctx->current);
        set_var_from_num(stop_num, &fctx->stop);
        set_var_from_var(&steploc, &fctx->step);
        funcctx->user_fctx = fctx;
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    fctx = (SeriesNumeric *) funcctx->user_fctx;

    if ((fctx->step.sign == NUMERIC_POS && cmp_var(&fctx->current, &fctx->stop) <= 0) ||
        (fctx->step.sign == NUMERIC_NEG && cmp_var(&fctx->current, &fctx->stop) >= 0))
    {
        Numeric result = make_result(&fctx->current);
        MemoryContext old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);

        /* the old digit buffer is freed: no growth per row */
        add_var(&fctx->current, &fctx->step, &fctx->current);
        MemoryContextSwitchTo(old);
        SRF_RETURN_NEXT(funcctx, NumericGetDatum(result));
    }
    SRF_RETURN_DONE(funcctx);
}

Datum generate_series_numeric(PG_FUNCTION_ARGS)      { return series_numeric(fcinfo); }
Datum generate_series_step_numeric(PG_FUNCTION_ARGS) { return series_numeric(fcinfo); }
