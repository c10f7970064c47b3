/*-------------------------------------------------------------------------
 * int_test.c
 *    TAP unit test of the integer types (int2, int4, int8) and of the
 *    other fixed-width built-ins (bool, oid, "char", float casts), called
 *    through DirectFunctionCall.  Expected strings and hash values come
 *    from PostgreSQL 15.
 *
 *    Proves: input syntax and range errors with PostgreSQL's text and
 *    SQLSTATE; overflow detection in every arithmetic operator including
 *    the cross-type ones and the MIN / -1 cases; narrowing casts; float to
 *    integer rounding (half to even) and range checks; btree comparison
 *    results; hash values equal to PostgreSQL's (hash partitioning depends
 *    on them); bool and oid input rules; the fmgr table is sorted.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <math.h>
#include "procs/builtins.h"
#include "procs/hashfn.h"

#include "stubs_procs.c.inc"

#define FN(name) extern Datum name(PG_FUNCTION_ARGS);
FN(int2in) FN(int2out) FN(int8pl) FN(int8mul) FN(int8div) FN(int8mod) FN(int8um) FN(int8abs)
FN(int4pl) FN(int4mi) FN(int4mul) FN(int4div) FN(int4mod) FN(int4um) FN(int4abs)
FN(int2pl) FN(int2mul) FN(int2div) FN(int2um) FN(int24pl) FN(int42div) FN(int48mul) FN(int84mi)
FN(int84) FN(int82) FN(i4toi2) FN(int28) FN(dtoi4) FN(dtoi2) FN(dtoi8) FN(ftoi4) FN(i8tooid)
FN(btint2cmp) FN(btint24cmp) FN(btint84cmp) FN(int4gcd) FN(int4lcm) FN(int4shl) FN(int8inc)
FN(hashint4) FN(hashint2) FN(hashint8) FN(hashint8extended) FN(hashtext) FN(hashtextextended)
FN(hashfloat8) FN(hashfloat4) FN(hashchar) FN(hashname) FN(hashbpchar) FN(hashoidvector)
FN(textin) FN(namein) FN(bpcharin) FN(oidvectorin) FN(charin) FN(i4tochar) FN(in_range_int4_int4)
FN(int4_sum) FN(bool_int4) FN(int4out) FN(numeric_scale) FN(numeric_in)

static int64
i8(PGFunction f, int64 a, int64 b)
{
    return DatumGetInt64(DirectFunctionCall2(f, Int64GetDatum(a), Int64GetDatum(b)));
}

typedef struct Call
{
    PGFunction  f;
    int         nargs;
    Datum       a, b;
} Call;

static void
run_call(void *arg)
{
    Call *c = arg;

    if (c->nargs == 1)
        DirectFunctionCall1(c->f, c->a);
    else
        DirectFunctionCall2(c->f, c->a, c->b);
}

static char *
err1(PGFunction f, Datum a)
{
    Call c = {f, 1, a, 0};

    return call_error(run_call, &c);
}

static char *
err2(PGFunction f, Datum a, Datum b)
{
    Call c = {f, 2, a, b};

    return call_error(run_call, &c);
}

static void
test_input(void)
{
    is_str(err1(int4in, CStringGetDatum("abc")),
           "22P02: invalid input syntax for type integer: \"abc\"", "int4in garbage");
    is_str(err1(int4in, CStringGetDatum("99999999999")),
           "22003: value \"99999999999\" is out of range for type integer", "int4in range");
    is_str(err1(int4in, CStringGetDatum("")),
           "22P02: invalid input syntax for type integer: \"\"", "int4in empty");
    is_str(err1(int2in, CStringGetDatum("- 12")),
           "22P02: invalid input syntax for type smallint: \"- 12\"", "int2in sign then space");
    is_str(err1(int2in, CStringGetDatum("32768")),
           "22003: value \"32768\" is out of range for type smallint", "int2in range");
    is_str(err1(int8in, CStringGetDatum("9223372036854775808")),
           "22003: value \"9223372036854775808\" is out of range for type bigint", "int8in range");
    ok(DatumGetInt32(DirectFunctionCall1(int4in, CStringGetDatum(" -2147483648 "))) == PG_INT32_MIN,
       "int4in accepts INT_MIN with surrounding spaces");
    ok(DatumGetInt64(DirectFunctionCall1(int8in, CStringGetDatum("-9223372036854775808"))) == PG_INT64_MIN,
       "int8in accepts INT64_MIN");
    is_str(DatumGetCString(DirectFunctionCall1(int2out, Int16GetDatum(-32768))), "-32768", "int2out");
    is_str(DatumGetCString(DirectFunctionCall1(int8out, Int64GetDatum(PG_INT64_MIN))),
           "-9223372036854775808", "int8out INT64_MIN");
    is_str(err1(boolin, CStringGetDatum("o")),
           "22P02: invalid input syntax for type boolean: \"o\"", "bool 'o' is ambiguous");
    ok(DatumGetBool(DirectFunctionCall1(boolin, CStringGetDatum(" of "))) == false &&
       DatumGetBool(DirectFunctionCall1(boolin, CStringGetDatum("TRU"))) == true &&
       DatumGetBool(DirectFunctionCall1(boolin, CStringGetDatum("y"))) == true,
       "bool prefixes: of, TRU, y");
    ok(DatumGetObjectId(DirectFunctionCall1(oidin, CStringGetDatum("-1"))) == 4294967295U,
       "oid '-1' wraps to 4294967295");
    is_str(err1(oidin, CStringGetDatum("4294967296")),
           "22003: value \"4294967296\" is out of range for type oid", "oid range");
}

static void
test_overflow(void)
{
    is_str(err2(int4pl, Int32GetDatum(PG_INT32_MAX), Int32GetDatum(1)),
           "22003: integer out of range", "int4pl overflow");
    is_str(err2(int4mi, Int32GetDatum(PG_INT32_MIN), Int32GetDatum(1)),
           "22003: integer out of range", "int4mi overflow");
    is_str(err2(int4mul, Int32GetDatum(65536), Int32GetDatum(32768)),
           "22003: integer out of range", "int4mul overflow");
    is_str(err2(int4div, Int32GetDatum(PG_INT32_MIN), Int32GetDatum(-1)),
           "22003: integer out of range", "INT_MIN / -1");
    ok(DatumGetInt32(DirectFunctionCall2(int4mod, Int32GetDatum(PG_INT32_MIN), Int32GetDatum(-1))) == 0,
       "INT_MIN %% -1 is 0");
    is_str(err2(int4div, Int32GetDatum(1), Int32GetDatum(0)), "22012: division by zero", "int4 / 0");
    is_str(err2(int4mod, Int32GetDatum(1), Int32GetDatum(0)), "22012: division by zero", "int4 % 0");
    is_str(err1(int4um, Int32GetDatum(PG_INT32_MIN)), "22003: integer out of range", "-INT_MIN");
    is_str(err1(int4abs, Int32GetDatum(PG_INT32_MIN)), "22003: integer out of range", "abs(INT_MIN)");
    is_str(err2(int2pl, Int16GetDatum(32767), Int16GetDatum(1)),
           "22003: smallint out of range", "int2pl overflow");
    is_str(err2(int2mul, Int16GetDatum(200), Int16GetDatum(200)),
           "22003: smallint out of range", "int2mul overflow");
    is_str(err2(int2div, Int16GetDatum(PG_INT16_MIN), Int16GetDatum(-1)),
           "22003: smallint out of range", "SMALLINT_MIN / -1");
    is_str(err1(int2um, Int16GetDatum(PG_INT16_MIN)), "22003: smallint out of range", "-SMALLINT_MIN");
    is_str(err2(int24pl, Int16GetDatum(1), Int32GetDatum(PG_INT32_MAX)),
           "22003: integer out of range", "int2 + int4 overflows as integer");
    is_str(err2(int42div, Int32GetDatum(PG_INT32_MIN), Int16GetDatum(-1)),
           "22003: integer out of range", "int4 / int2 MIN / -1");
    is_str(err2(int8pl, Int64GetDatum(PG_INT64_MAX), Int64GetDatum(1)),
           "22003: bigint out of range", "int8pl overflow");
    is_str(err2(int48mul, Int32GetDatum(3), Int64GetDatum(INT64_C(4611686018427387904))),
           "22003: bigint out of range", "int4 * int8 overflow");
    is_str(err2(int84mi, Int64GetDatum(PG_INT64_MIN), Int32GetDatum(1)),
           "22003: bigint out of range", "int8 - int4 overflow");
    is_str(err2(int8div, Int64GetDatum(PG_INT64_MIN), Int64GetDatum(-1)),
           "22003: bigint out of range", "INT64_MIN / -1");
    is_str(err1(int8um, Int64GetDatum(PG_INT64_MIN)), "22003: bigint out of range", "-INT64_MIN");
    is_str(err1(int8abs, Int64GetDatum(PG_INT64_MIN)), "22003: bigint out of range", "abs(INT64_MIN)");
    is_str(err1(int8inc, Int64GetDatum(PG_INT64_MAX)), "22003: bigint out of range", "count overflow");
    ok(i8(int8mul, 3037000499LL, 3037000499LL) == 9223372030926249001LL, "int8mul near the limit");
    ok(i8(int8mod, -7, 2) == -1, "int8 mod takes the dividend's sign");
    is_str(err2(int4gcd, Int32GetDatum(PG_INT32_MIN), Int32GetDatum(0)),
           "22003: integer out of range", "gcd(INT_MIN, 0)");
    ok(DatumGetInt32(DirectFunctionCall2(int4gcd, Int32GetDatum(PG_INT32_MIN), Int32GetDatum(6))) == 2 &&
       DatumGetInt32(DirectFunctionCall2(int4lcm, Int32GetDatum(12), Int32GetDatum(-18))) == 36,
       "gcd and lcm");
    ok(DatumGetInt32(DirectFunctionCall2(int4shl, Int32GetDatum(1), Int32GetDatum(33))) == 2,
       "shift counts wrap as on x86");
}

static void
test_casts(void)
{
    is_str(err1(int84, Int64GetDatum(5000000000LL)), "22003: integer out of range", "int8 -> int4");
    is_str(err1(int82, Int64GetDatum(40000)), "22003: smallint out of range", "int8 -> int2");
    is_str(err1(i4toi2, Int32GetDatum(40000)), "22003: smallint out of range", "int4 -> int2");
    is_str(err1(i8tooid, Int64GetDatum(-1)), "22003: OID out of range", "int8 -> oid");
    is_str(err1(i4tochar, Int32GetDatum(300)), "22003: \"char\" out of range", "int4 -> \"char\"");
    ok(DatumGetInt32(DirectFunctionCall1(dtoi4, Float8GetDatum(2.5))) == 2 &&
       DatumGetInt32(DirectFunctionCall1(dtoi4, Float8GetDatum(3.5))) == 4 &&
       DatumGetInt16(DirectFunctionCall1(dtoi2, Float8GetDatum(-2.5))) == -2,
       "float -> integer rounds half to even");
    is_str(err1(dtoi4, Float8GetDatum(NAN)), "22003: integer out of range", "NaN -> int4");
    is_str(err1(dtoi4, Float8GetDatum(2147483647.5)), "22003: integer out of range", "rounds out of int4");
    ok(DatumGetInt32(DirectFunctionCall1(dtoi4, Float8GetDatum(-2147483648.4))) == PG_INT32_MIN,
       "rounds into int4 at the bottom");
    is_str(err1(dtoi8, Float8GetDatum(9223372036854775807.0)), "22003: bigint out of range",
           "2^63 does not fit int8");
    is_str(err1(ftoi4, Float4GetDatum(3e9f)), "22003: integer out of range", "float4 -> int4");
    ok(DatumGetInt32(DirectFunctionCall1(bool_int4, BoolGetDatum(true))) == 1, "bool -> int4");
}

static void
test_compare_hash(void)
{
    ok(DatumGetInt32(DirectFunctionCall2(btint2cmp, Int16GetDatum(1), Int16GetDatum(5))) == -4,
       "btint2cmp returns the difference, as PostgreSQL");
    ok(DatumGetInt32(DirectFunctionCall2(btint24cmp, Int16GetDatum(7), Int32GetDatum(70000))) == -1 &&
       DatumGetInt32(DirectFunctionCall2(btint84cmp, Int64GetDatum(5000000000LL), Int32GetDatum(1))) == 1,
       "cross-type btree comparisons");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashint4, Int32GetDatum(1))) == -1905060026 &&
       (int32) DatumGetUInt32(DirectFunctionCall1(hashint4, Int32GetDatum(0))) == -272711505,
       "hashint4 equals PostgreSQL's");
    ok(DatumGetUInt32(DirectFunctionCall1(hashint2, Int16GetDatum(1))) ==
       DatumGetUInt32(DirectFunctionCall1(hashint4, Int32GetDatum(1))) &&
       DatumGetUInt32(DirectFunctionCall1(hashint8, Int64GetDatum(1))) ==
       DatumGetUInt32(DirectFunctionCall1(hashint4, Int32GetDatum(1))),
       "int2/int4/int8 hash alike for equal values (cross-type hash joins)");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashint8, Int64GetDatum(-5))) == 1412886042 &&
       DatumGetInt64(DirectFunctionCall2(hashint8extended, Int64GetDatum(-5), Int64GetDatum(7))) ==
       INT64_C(-1153735631166043584),
       "hashint8 and hashint8extended equal PostgreSQL's");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashtext, DirectFunctionCall1(textin, CStringGetDatum("abc")))) == -785388649 &&
       (int32) DatumGetUInt32(DirectFunctionCall1(hashtext, DirectFunctionCall1(textin, CStringGetDatum("")))) == -1477818771 &&
       (int32) DatumGetUInt32(DirectFunctionCall1(hashtext, DirectFunctionCall1(textin, CStringGetDatum("hello world!!")))) == -2118108552,
       "hashtext equals PostgreSQL's (0, 3 and 13 bytes)");
    ok(DatumGetInt64(DirectFunctionCall2(hashtextextended,
                                         DirectFunctionCall1(textin, CStringGetDatum("abcdefghijklmnop")),
                                         Int64GetDatum(42))) == INT64_C(-206924605956773643),
       "hashtextextended equals PostgreSQL's");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashfloat8, Float8GetDatum(1.5))) == 630860146 &&
       DatumGetUInt32(DirectFunctionCall1(hashfloat4, Float4GetDatum(1.5f))) ==
       DatumGetUInt32(DirectFunctionCall1(hashfloat8, Float8GetDatum(1.5))) &&
       DatumGetUInt32(DirectFunctionCall1(hashfloat8, Float8GetDatum(-0.0))) == 0,
       "float hashes: PostgreSQL's value, float4 = float8, -0 = 0");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashchar, CharGetDatum('a'))) == 463612535 &&
       (int32) DatumGetUInt32(DirectFunctionCall1(hashname, DirectFunctionCall1(namein, CStringGetDatum("pg_class")))) == -267801108,
       "hashchar and hashname equal PostgreSQL's");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashbpchar,
                                                  DirectFunctionCall3(bpcharin, CStringGetDatum("ab  "), 0,
                                                                      Int32GetDatum(-1)))) == 1718550461,
       "hashbpchar ignores trailing spaces");
    ok((int32) DatumGetUInt32(DirectFunctionCall1(hashoidvector,
                                                  DirectFunctionCall1(oidvectorin, CStringGetDatum("1 2 3")))) == 1738594973,
       "hashoidvector equals PostgreSQL's");
}

static void
test_misc(void)
{
    LOCAL_FCINFO(fc, 2);
    Datum r;

    /* sum(int4): NULL state + value -> value as int8; state + NULL -> state */
    InitFunctionCallInfoData(*fc, NULL, 2, InvalidOid, NULL, NULL);
    fc->args[0].isnull = true;
    fc->args[1].isnull = false;
    fc->args[1].value = Int32GetDatum(PG_INT32_MAX);
    r = int4_sum(fc);
    fc->args[0].isnull = false;
    fc->args[0].value = r;
    r = int4_sum(fc);
    ok(!fc->isnull && DatumGetInt64(r) == 2 * (int64) PG_INT32_MAX, "int4_sum widens to int8");

    InitFunctionCallInfoData(*fc, NULL, 5, InvalidOid, NULL, NULL);
    {
        LOCAL_FCINFO(fr, 5);

        InitFunctionCallInfoData(*fr, NULL, 5, InvalidOid, NULL, NULL);
        fr->args[0].value = Int32GetDatum(PG_INT32_MAX);
        fr->args[1].value = Int32GetDatum(PG_INT32_MAX - 1);
        fr->args[2].value = Int32GetDatum(10);
        fr->args[3].value = BoolGetDatum(false);
        fr->args[4].value = BoolGetDatum(true);
        for (int i = 0; i < 5; i++)
            fr->args[i].isnull = false;
        ok(DatumGetBool(in_range_int4_int4(fr)), "in_range: base + offset past INT_MAX still compares");
    }

    /* type I/O through an FmgrInfo: a strict input function never sees NULL */
    {
        FmgrInfo fi;
        char    *e;

        memset(&fi, 0, sizeof fi);
        fi.fn_addr = int4in;
        fi.fn_strict = true;
        fi.fn_nargs = 3;
        fi.fn_oid = 42;
        ok(InputFunctionCall(&fi, NULL, INT4OID, -1) == (Datum) 0 &&
           DatumGetInt32(InputFunctionCall(&fi, "17", INT4OID, -1)) == 17,
           "InputFunctionCall: NULL in, NULL out; value parsed");
        fi.fn_addr = int4out;
        is_str(OutputFunctionCall(&fi, Int32GetDatum(-5)), "-5", "OutputFunctionCall");
        /* scale(NaN) is NULL: DirectFunctionCall cannot return that */
        e = err1(numeric_scale, DirectFunctionCall3(numeric_in, CStringGetDatum("NaN"),
                                                    ObjectIdGetDatum(0), Int32GetDatum(-1)));
        ok(e != NULL && strncmp(e, "XX000: function ", 16) == 0 && strstr(e, "returned NULL"),
           "DirectFunctionCall raises an error on a NULL result");
    }

    /* the generated fmgr table (when linked) must be sorted for binary search */
    {
        bool sorted = true;

        for (int i = 1; i < fmgr_nbuiltins; i++)
            if (strcmp(fmgr_builtins[i - 1].name, fmgr_builtins[i].name) >= 0)
                sorted = false;
        ok(sorted, "fmgr_builtins is strictly sorted (%d entries)", fmgr_nbuiltins);
        if (fmgr_nbuiltins > 0)
            ok(fmgr_lookup_builtin("int4pl") == int4pl && fmgr_lookup_builtin("no_such_fn") == NULL,
               "fmgr_lookup_builtin finds int4pl, not an unknown name");
    }
}

int
main(void)
{
    MemoryContextInit();
    MemoryContextSwitchTo(AllocSetContextCreate(TopMemoryContext, "test"));

    test_input();
    test_overflow();
    test_casts();
    test_compare_hash();
    test_misc();
    return tap_done();
}
