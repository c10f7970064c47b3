/*-------------------------------------------------------------------------
 * numeric_test.c
 *    TAP unit test of the numeric type and of float output, called
 *    through DirectFunctionCall as the executor calls them.  Every
 *    expected string below was produced by PostgreSQL 15 for the same
 *    operation.
 *
 *    Proves: numeric_in/numeric_out round trips and syntax errors;
 *    typmod rounding and "numeric field overflow" with its DETAIL;
 *    add/sub/mul/div/mod/round/trunc results and their display scales
 *    (select_div_scale); NaN/Infinity arithmetic; casts to integers and
 *    floats; binary send/recv round trip; sum/avg/stddev aggregates and
 *    that accumulating does not grow the aggregate context per row;
 *    float4/float8 shortest-round-trip output in PostgreSQL's layout; and
 *    the float avg/variance/regression aggregates.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <math.h>
#include "backend/utils/stringinfo.h"
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/numeric.h"

#include "stubs_procs.c.inc"

extern Datum numeric_mod(PG_FUNCTION_ARGS);
extern Datum numeric_trunc(PG_FUNCTION_ARGS);
extern Datum numeric_sqrt(PG_FUNCTION_ARGS);
extern Datum numeric_div_trunc(PG_FUNCTION_ARGS);
extern Datum numeric_send(PG_FUNCTION_ARGS);
extern Datum numeric_recv(PG_FUNCTION_ARGS);
extern Datum numeric(PG_FUNCTION_ARGS);
extern Datum numeric_avg_accum(PG_FUNCTION_ARGS);
extern Datum numeric_accum(PG_FUNCTION_ARGS);
extern Datum numeric_sum(PG_FUNCTION_ARGS);
extern Datum numeric_avg(PG_FUNCTION_ARGS);
extern Datum numeric_stddev_samp(PG_FUNCTION_ARGS);
extern Datum int4_avg_accum(PG_FUNCTION_ARGS);
extern Datum int8_avg(PG_FUNCTION_ARGS);
extern Datum int8_avg_accum(PG_FUNCTION_ARGS);
extern Datum numeric_poly_sum(PG_FUNCTION_ARGS);
extern Datum float4out(PG_FUNCTION_ARGS);
extern Datum float8_accum(PG_FUNCTION_ARGS);
extern Datum float8_avg(PG_FUNCTION_ARGS);
extern Datum float8_var_pop(PG_FUNCTION_ARGS);
extern Datum float8_stddev_samp(PG_FUNCTION_ARGS);
extern Datum float8_regr_accum(PG_FUNCTION_ARGS);
extern Datum float8_corr(PG_FUNCTION_ARGS);
extern Datum float8_regr_slope(PG_FUNCTION_ARGS);
extern Datum float8_covar_samp(PG_FUNCTION_ARGS);
extern Datum float4in(PG_FUNCTION_ARGS);

static Datum
num(const char *s)
{
    return DirectFunctionCall3(numeric_in, CStringGetDatum(s), ObjectIdGetDatum(0),
                               Int32GetDatum(-1));
}

static char *
nout(Datum d)
{
    return DatumGetCString(DirectFunctionCall1(numeric_out, d));
}

static char *
binop(PGFunction f, const char *a, const char *b)
{
    return nout(DirectFunctionCall2(f, num(a), num(b)));
}

/* ---- error cases: each runs one call that must raise ---- */

typedef struct ErrCase
{
    PGFunction  f;
    const char *a;
    const char *b;
    int32       typmod;
} ErrCase;

static void
run_in(void *arg)
{
    ErrCase *c = arg;

    DirectFunctionCall3(numeric_in, CStringGetDatum(c->a), ObjectIdGetDatum(0),
                        Int32GetDatum(c->typmod));
}

static void
run_binop(void *arg)
{
    ErrCase *c = arg;

    DirectFunctionCall2(c->f, num(c->a), num(c->b));
}

static void
run_unop(void *arg)
{
    ErrCase *c = arg;

    DirectFunctionCall1(c->f, num(c->a));
}

static void
test_in_out(void)
{
    static const char *const cases[][2] = {
        {"1.5", "1.5"}, {"  1.5e3  ", "1500"}, {".5", "0.5"}, {"5.", "5"},
        {"-0", "0"}, {"-0.000", "0.000"}, {"+.5e-3", "0.0005"},
        {"0.000123400", "0.000123400"}, {"-1e-20", "-0.00000000000000000001"},
        {"12345e3", "12345000"}, {"123456789.123456789", "123456789.123456789"},
        {"NaN", "NaN"}, {" -inf ", "-Infinity"}, {"infinity", "Infinity"},
        {"1e 5", "100000"},
    };

    for (int i = 0; i < (int) lengthof(cases); i++)
        is_str(nout(num(cases[i][0])), cases[i][1], psprintf("numeric_in/out '%s'", cases[i][0]));

    {
        ErrCase c = {NULL, "x", NULL, -1};

        is_str(call_error(run_in, &c), "22P02: invalid input syntax for type numeric: \"x\"",
               "garbage is 22P02 with PostgreSQL's message");
        c.a = "1.2.3";
        is_str(call_error(run_in, &c), "22P02: invalid input syntax for type numeric: \"1.2.3\"",
               "two decimal points");
        c.a = "1e";
        is_str(call_error(run_in, &c), "22P02: invalid input syntax for type numeric: \"1e\"",
               "exponent without digits");
        c.a = "infinit";
        is_str(call_error(run_in, &c), "22P02: invalid input syntax for type numeric: \"infinit\"",
               "trailing junk after a special value");
        c.a = "1e131072";
        is_str(call_error(run_in, &c), "22003: value overflows numeric format",
               "weight beyond the format");
        c.a = "1e-16384";
        is_str(call_error(run_in, &c), "22003: value overflows numeric format",
               "display scale beyond the format");
    }
}

static void
test_typmod(void)
{
    int32   t52 = make_numeric_typmod(5, 2);
    ErrCase c = {NULL, "99999.999", NULL, t52};

    is_str(call_error(run_in, &c),
           "22003: numeric field overflow DETAIL: A field with precision 5, scale 2 must round to an absolute value less than 10^3.",
           "numeric(5,2) overflow with DETAIL");
    c.a = "999.995";
    ok(call_error(run_in, &c) != NULL, "999.995 rounds up out of numeric(5,2)");
    c.a = "inf";
    is_str(call_error(run_in, &c),
           "22003: numeric field overflow DETAIL: A field with precision 5, scale 2 cannot hold an infinite value.",
           "infinity does not fit numeric(5,2)");
    c.a = "1";
    c.typmod = make_numeric_typmod(3, 3);
    is_str(call_error(run_in, &c),
           "22003: numeric field overflow DETAIL: A field with precision 3, scale 3 must round to an absolute value less than 1.",
           "numeric(3,3) shows 10^0 as 1");

    is_str(nout(DirectFunctionCall3(numeric_in, CStringGetDatum("999.994"), 0, Int32GetDatum(t52))),
           "999.99", "999.994 rounds into numeric(5,2)");
    is_str(nout(DirectFunctionCall3(numeric_in, CStringGetDatum("nan"), 0, Int32GetDatum(t52))),
           "NaN", "NaN fits any typmod");
    is_str(nout(DirectFunctionCall3(numeric_in, CStringGetDatum("1234"), 0,
                                    Int32GetDatum(make_numeric_typmod(5, -2)))),
           "1200", "negative scale rounds to hundreds");
    is_str(nout(DirectFunctionCall2(numeric, num("12.345"), Int32GetDatum(make_numeric_typmod(12, 10)))),
           "12.3450000000", "numeric(numeric, typmod) pads the scale");
}

static void
test_arith(void)
{
    is_str(binop(numeric_add, "0.1", "0.2"), "0.3", "0.1 + 0.2");
    is_str(binop(numeric_sub, "1.50", "2.5"), "-1.00", "sub keeps the larger scale");
    is_str(binop(numeric_add, "99999999999999999999.99", "0.01"), "100000000000000000000.00", "carry");
    is_str(binop(numeric_mul, "2.50", "3"), "7.50", "2.50 * 3 = 7.50");
    is_str(binop(numeric_mul, "12345678901234567890", "98765432109876543210"),
           "1219326311370217952237463801111263526900", "big product");
    is_str(binop(numeric_div, "1.0", "3"), "0.33333333333333333333", "1.0 / 3");
    is_str(binop(numeric_div, "1", "3"), "0.33333333333333333333", "1 / 3");
    is_str(binop(numeric_div, "7.0", "2"), "3.5000000000000000", "7.0 / 2");
    is_str(binop(numeric_div, "1e-10", "3"), "0.0000000000333333333333333333", "tiny / 3");
    is_str(binop(numeric_div, "100000", "99999"), "1.0000100001000010", "quotient weight estimate");
    is_str(binop(numeric_div, "99999", "100000"), "0.99999000000000000000", "first digits compare");
    is_str(binop(numeric_div, "-2", "3"), "-0.66666666666666666667", "negative rounds away from zero");
    is_str(binop(numeric_div, "123456789012345678901234567890", "7"),
           "17636684144620811271604938270", "long dividend");
    is_str(binop(numeric_div, "1", "123456789012345678901234567890"),
           "0.000000000000000000000000000008100000072900000663", "long divisor");
    is_str(binop(numeric_mod, "10.5", "3"), "1.5", "10.5 % 3");
    is_str(binop(numeric_mod, "-10.5", "3"), "-1.5", "mod takes the dividend's sign");
    is_str(binop(numeric_div_trunc, "-7", "2"), "-3", "div() truncates");
    is_str(nout(DirectFunctionCall2(numeric_round, num("1234.5678"), Int32GetDatum(-2))), "1200",
           "round to -2");
    is_str(nout(DirectFunctionCall2(numeric_round, num("-0.5"), Int32GetDatum(0))), "-1",
           "round half away from zero");
    is_str(nout(DirectFunctionCall2(numeric_round, num("9999.5"), Int32GetDatum(0))), "10000",
           "round carries into a new digit");
    is_str(nout(DirectFunctionCall2(numeric_round, num("5"), Int32GetDatum(2))), "5.00",
           "round pads the scale");
    is_str(nout(DirectFunctionCall2(numeric_trunc, num("1234.5678"), Int32GetDatum(2))), "1234.56",
           "trunc to 2");
    is_str(nout(DirectFunctionCall1(numeric_sqrt, num("2"))), "1.414213562373095", "sqrt(2)");
    is_str(nout(DirectFunctionCall1(numeric_sqrt, num("12345678901234567890"))),
           "3513641828.8201443", "sqrt of a large integer");

    is_str(binop(numeric_add, "inf", "-inf"), "NaN", "Inf + -Inf");
    is_str(binop(numeric_mul, "inf", "0"), "NaN", "Inf * 0");
    is_str(binop(numeric_div, "1", "inf"), "0", "x / Inf");
    is_str(binop(numeric_mod, "5", "inf"), "5", "x % Inf");
    is_str(binop(numeric_div, "nan", "0"), "NaN", "NaN / 0 is NaN");
    {
        ErrCase c = {numeric_div, "1", "0", -1};

        is_str(call_error(run_binop, &c), "22012: division by zero", "1 / 0");
        c.a = "inf";
        is_str(call_error(run_binop, &c), "22012: division by zero", "Inf / 0");
        c.f = numeric_mod;
        c.a = "1";
        is_str(call_error(run_binop, &c), "22012: division by zero", "1 % 0");
        c.f = numeric_sqrt;
        c.a = "-1";
        is_str(call_error(run_unop, &c), "2201F: cannot take square root of a negative number",
               "sqrt(-1)");
        c.f = numeric_int4;
        c.a = "nan";
        is_str(call_error(run_unop, &c), "0A000: cannot convert NaN to integer", "NaN::int4");
        c.a = "2147483647.5";
        is_str(call_error(run_unop, &c), "22003: integer out of range", "int4 overflow");
    }
    ok(DatumGetInt32(DirectFunctionCall1(numeric_int4, num("-2.5"))) == -3,
       "numeric -> int4 rounds half away from zero");
    is_str(nout(DirectFunctionCall1(float8_numeric, Float8GetDatum(0.1))), "0.1",
           "float8 -> numeric uses 15 significant digits");
    ok(DatumGetFloat8(DirectFunctionCall1(numeric_float8, num("0.1"))) == 0.1, "numeric -> float8");
    ok(DatumGetInt32(DirectFunctionCall2(numeric_cmp, num("nan"), num("inf"))) == 1 &&
       DatumGetInt32(DirectFunctionCall2(numeric_cmp, num("1.0"), num("1.00"))) == 0,
       "NaN sorts above Infinity; 1.0 = 1.00");
    ok(DatumGetUInt32(DirectFunctionCall1(hash_numeric, num("1.50"))) == (uint32) 692967894 &&
       DatumGetUInt32(DirectFunctionCall1(hash_numeric, num("1.5"))) == (uint32) 692967894,
       "hash_numeric matches PostgreSQL and ignores scale");
}

static void
test_binary(void)
{
    const char *vals[] = {"0", "-123.4500", "1e100", "0.000001", "NaN", "-Infinity"};

    for (int i = 0; i < (int) lengthof(vals); i++)
    {
        bytea *b = (bytea *) DatumGetPointer(DirectFunctionCall1(numeric_send, num(vals[i])));
        StringInfoData buf;
        Datum  back;

        buf.data = VARDATA(b);
        buf.len = VARSIZE(b) - VARHDRSZ;
        buf.maxlen = buf.len;
        buf.cursor = 0;
        back = DirectFunctionCall3(numeric_recv, PointerGetDatum(&buf), 0, Int32GetDatum(-1));
        is_str(nout(back), nout(num(vals[i])), psprintf("numeric send/recv round trip %s", vals[i]));
    }
    {
        bytea *b = (bytea *) DatumGetPointer(DirectFunctionCall1(numeric_send, num("-123.4500")));
        const unsigned char *p = (const unsigned char *) VARDATA(b);

        /* ndigits 2, weight 0, sign 0x4000, dscale 4, digits 123, 4500 */
        ok(VARSIZE(b) - VARHDRSZ == 12 && p[1] == 2 && p[3] == 0 && p[4] == 0x40 && p[7] == 4 &&
           p[9] == 123 && ((p[10] << 8) | p[11]) == 4500,
           "numeric_send wire layout is PostgreSQL's");
    }
}

/* Call a transition function as the executor does, with an AggState context. */
static Datum
trans(AggState *as, PGFunction f, Datum state, bool state_null, Datum arg, bool arg_null)
{
    LOCAL_FCINFO(fc, 2);
    Datum r;

    InitFunctionCallInfoData(*fc, NULL, 2, InvalidOid, (Node *) as, NULL);
    fc->args[0].value = state;
    fc->args[0].isnull = state_null;
    fc->args[1].value = arg;
    fc->args[1].isnull = arg_null;
    r = f(fc);
    if (fc->isnull)
        ok(false, "transition function returned NULL");
    return r;
}

static char *
final_out(AggState *as, PGFunction f, Datum state)
{
    LOCAL_FCINFO(fc, 1);
    Datum r;

    InitFunctionCallInfoData(*fc, NULL, 1, InvalidOid, (Node *) as, NULL);
    fc->args[0].value = state;
    fc->args[0].isnull = false;
    r = f(fc);
    return fc->isnull ? pstrdup("NULL") : nout(r);
}

static void
test_aggregates(void)
{
    AggState *as = makeNode(AggState);
    MemoryContext row = AllocSetContextCreate(CurrentMemoryContext, "row");
    MemoryContext old;
    Datum st;
    Size  before, after;
    int64 zero[2] = {0, 0};
    const char *vals[] = {"1", "2", "3", "4"};

    as->aggcontext = AllocSetContextCreate(CurrentMemoryContext, "agg");

    /* avg(int4): int8[2] state */
    st = PointerGetDatum(adt_make_array8(INT8OID, zero, 2));
    for (int i = 1; i <= 4; i++)
        st = trans(as, int4_avg_accum, st, false, Int32GetDatum(i), false);
    is_str(final_out(as, int8_avg, st), "2.5000000000000000", "avg(int4) of 1..4");

    /* sum/avg/stddev(numeric) */
    st = (Datum) 0;
    for (int i = 0; i < 4; i++)
        st = trans(as, numeric_accum, st, i == 0, num(vals[i]), false);
    is_str(final_out(as, numeric_sum, st), "10", "sum(numeric)");
    is_str(final_out(as, numeric_avg, st), "2.5000000000000000", "avg(numeric)");
    is_str(final_out(as, numeric_stddev_samp, st), "1.2909944487358056", "stddev_samp(numeric)");

    st = trans(as, numeric_avg_accum, (Datum) 0, true, num("inf"), false);
    st = trans(as, numeric_avg_accum, st, false, num("1"), false);
    is_str(final_out(as, numeric_sum, st), "Infinity", "sum with +Infinity");

    /* sum(int8) past INT64_MAX: int128 state */
    st = trans(as, int8_avg_accum, (Datum) 0, true, Int64GetDatum(PG_INT64_MAX), false);
    st = trans(as, int8_avg_accum, st, false, Int64GetDatum(1), false);
    is_str(final_out(as, numeric_poly_sum, st), "9223372036854775808", "sum(int8) does not overflow");

    /* many rows, per-row context reset: the aggregate context must not grow */
    st = trans(as, numeric_avg_accum, (Datum) 0, true, num("0.5"), false);
    old = MemoryContextSwitchTo(row);
    for (int i = 0; i < 100; i++)
    {
        st = trans(as, numeric_avg_accum, st, false, num("1.25"), false);
        MemoryContextReset(row);
    }
    before = MemoryContextMemAllocated(as->aggcontext, true);
    for (int i = 0; i < 20000; i++)
    {
        LOCAL_FCINFO(fc, 2);

        InitFunctionCallInfoData(*fc, NULL, 2, InvalidOid, (Node *) as, NULL);
        fc->args[0].value = st;
        fc->args[0].isnull = false;
        fc->args[1].value = num("1.25");
        fc->args[1].isnull = false;
        st = numeric_avg_accum(fc);
        MemoryContextReset(row);
    }
    after = MemoryContextMemAllocated(as->aggcontext, true);
    MemoryContextSwitchTo(old);
    ok(after == before, "numeric_avg_accum: aggregate context unchanged over 20000 rows (%zu -> %zu)",
       before, after);
    is_str(final_out(as, numeric_sum, st), "25125.50", "sum of 20101 values");
}

static void
test_float_output(void)
{
    static const struct { double v; const char *out; } f8[] = {
        {0.0001, "0.0001"}, {0.00001, "1e-05"}, {1e15, "1e+15"}, {1e14, "100000000000000"},
        {123456789012345678.0, "1.2345678901234568e+17"}, {-0.0, "-0"}, {1e100, "1e+100"},
        {0.1 + 0.2, "0.30000000000000004"}, {1.0 / 3, "0.3333333333333333"}, {100, "100"},
        {123456789012345.6, "123456789012345.6"}, {1234567890123456.7, "1.2345678901234568e+15"},
        {5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
        {1e23, "9.999999999999999e+22"}, {4.35, "4.35"}, {2.2250738585072014e-308, "2.2250738585072014e-308"},
    };
    static const struct { const char *in; const char *out; } f4[] = {
        {"1.5", "1.5"}, {"0.1", "0.1"}, {"3.4e38", "3.4e+38"}, {"1e6", "1e+06"},
        {"123456.7", "123456.7"}, {"1234567.8", "1.2345678e+06"}, {"1.5e-45", "1e-45"},
        {"3.4028235e38", "3.4028235e+38"}, {"16777216", "1.6777216e+07"}, {"0.000123456789", "0.00012345679"},
    };

    for (int i = 0; i < (int) lengthof(f8); i++)
        is_str(float8out_internal(f8[i].v), f8[i].out, psprintf("float8out %s", f8[i].out));
    for (int i = 0; i < (int) lengthof(f4); i++)
        is_str(DatumGetCString(DirectFunctionCall1(float4out,
                                                   DirectFunctionCall1(float4in, CStringGetDatum(f4[i].in)))),
               f4[i].out, psprintf("float4out %s", f4[i].in));
    is_str(float8out_internal(NAN), "NaN", "float8out NaN");
    is_str(float8out_internal(-INFINITY), "-Infinity", "float8out -Infinity");

    extra_float_digits = 0;
    is_str(float8out_internal(0.1 + 0.2), "0.3", "extra_float_digits=0 uses %.15g");
    is_str(float8out_internal(123456789012345678.0), "1.23456789012346e+17", "extra_float_digits=0 exponent");
    extra_float_digits = -3;
    is_str(float4out_internal(0.1f), "0.1", "extra_float_digits=-3 float4");
    is_str(float8out_internal((double) 0.1f), "0.10000000149", "extra_float_digits=-3 float8");
    extra_float_digits = 1;
}

/* avg/var/stddev and regression over float8 with PostgreSQL's results */
static void
test_float_aggregates(void)
{
    AggState *as = makeNode(AggState);
    float8  zero3[3] = {0, 0, 0};
    float8  zero6[6] = {0, 0, 0, 0, 0, 0};
    float8  xs[3] = {1, 2, 3}, ys[3] = {2, 4.5, 5.9}, vals[3] = {1.5, 2.5, 4};
    Datum   st, st6;

    as->aggcontext = CurrentMemoryContext;
    st = PointerGetDatum(adt_make_array8(FLOAT8OID, zero3, 3));
    st6 = PointerGetDatum(adt_make_array8(FLOAT8OID, zero6, 6));
    for (int i = 0; i < 3; i++)
    {
        LOCAL_FCINFO(fc, 3);

        st = trans(as, float8_accum, st, false, Float8GetDatum(vals[i]), false);
        InitFunctionCallInfoData(*fc, NULL, 3, InvalidOid, (Node *) as, NULL);
        fc->args[0].value = st6;
        fc->args[1].value = Float8GetDatum(ys[i]);
        fc->args[2].value = Float8GetDatum(xs[i]);
        fc->args[0].isnull = fc->args[1].isnull = fc->args[2].isnull = false;
        st6 = float8_regr_accum(fc);
    }
    is_str(float8out_internal(DatumGetFloat8(DirectFunctionCall1(float8_avg, st))),
           "2.6666666666666665", "avg(float8)");
    is_str(float8out_internal(DatumGetFloat8(DirectFunctionCall1(float8_var_pop, st))),
           "1.0555555555555556", "var_pop(float8)");
    is_str(float8out_internal(DatumGetFloat8(DirectFunctionCall1(float8_stddev_samp, st))),
           "1.2583057392117916", "stddev_samp(float8)");
    is_str(float8out_internal(DatumGetFloat8(DirectFunctionCall1(float8_corr, st6))),
           "0.9869991784743986", "corr(y, x)");
    is_str(float8out_internal(DatumGetFloat8(DirectFunctionCall1(float8_regr_slope, st6))),
           "1.9500000000000006", "regr_slope(y, x)");
    is_str(float8out_internal(DatumGetFloat8(DirectFunctionCall1(float8_covar_samp, st6))),
           "1.9500000000000006", "covar_samp(y, x)");
}

int
main(void)
{
    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "test"));

    test_in_out();
    test_typmod();
    test_arith();
    test_binary();
    test_aggregates();
    test_float_output();
    test_float_aggregates();
    return tap_done();
}
