/*-------------------------------------------------------------------------
 * int8.c
 *    The bigint (int8) type: I/O, comparison and arithmetic, including the
 *    cross-type operators with int2 and int4 (int48pl, int84lt, int28mul,
 *    ...), casts among the integer types and to/from oid, count(*)'s
 *    transition functions, bitwise operators, gcd/lcm and in_range.
 *
 * Overflow of a bigint result raises "bigint out of range" (22003); a
 * narrowing cast raises the target type's error ("integer out of range").
 * Cross-type operators compute in int64 and check the int64 result only,
 * as PostgreSQL does.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"

pg_attribute_noreturn() void
int8_overflow(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("bigint out of range"));
}

/* ---------------------------------------------------------------- I/O */

Datum
int8in(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(pg_strtoint64(PG_GETARG_CSTRING(0)));
}

Datum
int8out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(psprintf("%lld", (long long) PG_GETARG_INT64(0)));
}

Datum
int8recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);

    PG_RETURN_INT64((int64) pq_getmsgint64(buf));
}

Datum
int8send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint64(&buf, (uint64) PG_GETARG_INT64(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- comparisons */

/* comparisons within int8 and against int4/int2, computed in int64 */
Datum int8eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) == (int64) PG_GETARG_INT64(1)); }
Datum int8ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) != (int64) PG_GETARG_INT64(1)); }
Datum int8lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) < (int64) PG_GETARG_INT64(1)); }
Datum int8le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) <= (int64) PG_GETARG_INT64(1)); }
Datum int8gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) > (int64) PG_GETARG_INT64(1)); }
Datum int8ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) >= (int64) PG_GETARG_INT64(1)); }

Datum int84eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) == (int64) PG_GETARG_INT32(1)); }
Datum int84ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) != (int64) PG_GETARG_INT32(1)); }
Datum int84lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) < (int64) PG_GETARG_INT32(1)); }
Datum int84le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) <= (int64) PG_GETARG_INT32(1)); }
Datum int84gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) > (int64) PG_GETARG_INT32(1)); }
Datum int84ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) >= (int64) PG_GETARG_INT32(1)); }

Datum int48eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT32(0) == (int64) PG_GETARG_INT64(1)); }
Datum int48ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT32(0) != (int64) PG_GETARG_INT64(1)); }
Datum int48lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT32(0) < (int64) PG_GETARG_INT64(1)); }
Datum int48le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT32(0) <= (int64) PG_GETARG_INT64(1)); }
Datum int48gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT32(0) > (int64) PG_GETARG_INT64(1)); }
Datum int48ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT32(0) >= (int64) PG_GETARG_INT64(1)); }

Datum int82eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) == (int64) PG_GETARG_INT16(1)); }
Datum int82ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) != (int64) PG_GETARG_INT16(1)); }
Datum int82lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) < (int64) PG_GETARG_INT16(1)); }
Datum int82le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) <= (int64) PG_GETARG_INT16(1)); }
Datum int82gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) > (int64) PG_GETARG_INT16(1)); }
Datum int82ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT64(0) >= (int64) PG_GETARG_INT16(1)); }

Datum int28eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT16(0) == (int64) PG_GETARG_INT64(1)); }
Datum int28ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT16(0) != (int64) PG_GETARG_INT64(1)); }
Datum int28lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT16(0) < (int64) PG_GETARG_INT64(1)); }
Datum int28le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT16(0) <= (int64) PG_GETARG_INT64(1)); }
Datum int28gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT16(0) > (int64) PG_GETARG_INT64(1)); }
Datum int28ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL((int64) PG_GETARG_INT16(0) >= (int64) PG_GETARG_INT64(1)); }

#define CMP3(a, b) ((a) > (b) ? 1 : ((a) == (b) ? 0 : -1))

Datum btint8cmp(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0), b = PG_GETARG_INT64(1);
    PG_RETURN_INT32(CMP3(a, b));
}
Datum btint84cmp(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0), b = PG_GETARG_INT32(1);
    PG_RETURN_INT32(CMP3(a, b));
}
Datum btint48cmp(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT32(0), b = PG_GETARG_INT64(1);
    PG_RETURN_INT32(CMP3(a, b));
}
Datum btint82cmp(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0), b = PG_GETARG_INT16(1);
    PG_RETURN_INT32(CMP3(a, b));
}
Datum btint28cmp(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT16(0), b = PG_GETARG_INT64(1);
    PG_RETURN_INT32(CMP3(a, b));
}

Datum
int8larger(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0), b = PG_GETARG_INT64(1);

    PG_RETURN_INT64(a > b ? a : b);
}

Datum
int8smaller(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0), b = PG_GETARG_INT64(1);

    PG_RETURN_INT64(a < b ? a : b);
}

/*
 * Fold the high half into the low half so that values which fit in int4
 * hash as hashint4 would hash them (cross-type hash joins rely on it).
 */
static inline uint32
int8_hash_fold(int64 val)
{
    uint32 lohalf = (uint32) val;
    uint32 hihalf = (uint32) (val >> 32);

    lohalf ^= (val >= 0) ? hihalf : ~hihalf;
    return lohalf;
}

Datum
hashint8(PG_FUNCTION_ARGS)
{
    return hash_uint32(int8_hash_fold(PG_GETARG_INT64(0)));
}

Datum
hashint8extended(PG_FUNCTION_ARGS)
{
    return hash_uint32_extended(int8_hash_fold(PG_GETARG_INT64(0)), PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- arithmetic */

/* int64 arithmetic; any overflow is "bigint out of range" */
static inline int64
int8_arith(int op, int64 a, int64 b)
{
    int64 r;
    bool  ovf = op == 0 ? __builtin_add_overflow(a, b, &r) :
                op == 1 ? __builtin_sub_overflow(a, b, &r) :
                __builtin_mul_overflow(a, b, &r);

    if (ovf)
        int8_overflow();
    return r;
}

Datum int8pl(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(0, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); }
Datum int8mi(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(1, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); }
Datum int8mul(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(2, PG_GETARG_INT64(0), PG_GETARG_INT64(1))); }
Datum int84pl(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(0, PG_GETARG_INT64(0), PG_GETARG_INT32(1))); }
Datum int84mi(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(1, PG_GETARG_INT64(0), PG_GETARG_INT32(1))); }
Datum int84mul(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(2, PG_GETARG_INT64(0), PG_GETARG_INT32(1))); }
Datum int48pl(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(0, PG_GETARG_INT32(0), PG_GETARG_INT64(1))); }
Datum int48mi(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(1, PG_GETARG_INT32(0), PG_GETARG_INT64(1))); }
Datum int48mul(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(2, PG_GETARG_INT32(0), PG_GETARG_INT64(1))); }
Datum int82pl(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(0, PG_GETARG_INT64(0), PG_GETARG_INT16(1))); }
Datum int82mi(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(1, PG_GETARG_INT64(0), PG_GETARG_INT16(1))); }
Datum int82mul(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(2, PG_GETARG_INT64(0), PG_GETARG_INT16(1))); }
Datum int28pl(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(0, PG_GETARG_INT16(0), PG_GETARG_INT64(1))); }
Datum int28mi(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(1, PG_GETARG_INT16(0), PG_GETARG_INT64(1))); }
Datum int28mul(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_arith(2, PG_GETARG_INT16(0), PG_GETARG_INT64(1))); }

static inline int64
int8_div(int64 a, int64 b)
{
    if (b == 0)
        division_by_zero();
    if (b == -1)
    {
        if (a == PG_INT64_MIN)
            int8_overflow();
        return -a;
    }
    return a / b;
}

Datum int8div(PG_FUNCTION_ARGS)  { PG_RETURN_INT64(int8_div(PG_GETARG_INT64(0), PG_GETARG_INT64(1))); }
Datum int84div(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_div(PG_GETARG_INT64(0), PG_GETARG_INT32(1))); }
Datum int82div(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_div(PG_GETARG_INT64(0), PG_GETARG_INT16(1))); }
Datum int48div(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_div(PG_GETARG_INT32(0), PG_GETARG_INT64(1))); }
Datum int28div(PG_FUNCTION_ARGS) { PG_RETURN_INT64(int8_div(PG_GETARG_INT16(0), PG_GETARG_INT64(1))); }

Datum
int8mod(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);
    int64 b = PG_GETARG_INT64(1);

    if (b == 0)
        division_by_zero();
    if (b == -1)
        PG_RETURN_INT64(0);
    PG_RETURN_INT64(a % b);
}

Datum
int8um(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);

    if (a == PG_INT64_MIN)
        int8_overflow();
    PG_RETURN_INT64(-a);
}

Datum
int8up(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(PG_GETARG_INT64(0));
}

Datum
int8abs(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);

    if (a == PG_INT64_MIN)
        int8_overflow();
    PG_RETURN_INT64(a < 0 ? -a : a);
}

/* count(*): the state is the row count so far */
Datum
int8inc(PG_FUNCTION_ARGS)
{
    int64 r;

    if (__builtin_add_overflow(PG_GETARG_INT64(0), (int64) 1, &r))
        int8_overflow();
    PG_RETURN_INT64(r);
}

Datum
int8dec(PG_FUNCTION_ARGS)
{
    int64 r;

    if (__builtin_sub_overflow(PG_GETARG_INT64(0), (int64) 1, &r))
        int8_overflow();
    PG_RETURN_INT64(r);
}

/*
 * count(x): the argument ("any") is ignored; int8inc_any is strict, so the
 * executor never calls it for a NULL input and NULLs are not counted.
 */
Datum
int8inc_any(PG_FUNCTION_ARGS)
{
    return int8inc(fcinfo);
}

Datum
int8dec_any(PG_FUNCTION_ARGS)
{
    return int8dec(fcinfo);
}

/* regr_count(y, x) */
Datum
int8inc_float8_float8(PG_FUNCTION_ARGS)
{
    return int8inc(fcinfo);
}

static int64
int8gcd_internal(int64 a, int64 b)
{
    int64 swap;

    if (a == PG_INT64_MIN || b == PG_INT64_MIN)
    {
        if (a == 0 || b == 0 || (a == PG_INT64_MIN && b == PG_INT64_MIN))
            int8_overflow();
        if (b == PG_INT64_MIN)
        {
            swap = a;
            a = b;
            b = swap;
        }
        if (b == -1)
            return 1;
        a = a % b;
    }
    a = a < 0 ? -a : a;
    b = b < 0 ? -b : b;
    while (b != 0)
    {
        swap = a % b;
        a = b;
        b = swap;
    }
    return a;
}

Datum
int8gcd(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(int8gcd_internal(PG_GETARG_INT64(0), PG_GETARG_INT64(1)));
}

Datum
int8lcm(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);
    int64 b = PG_GETARG_INT64(1);
    int64 g, r;

    if (a == 0 || b == 0)
        PG_RETURN_INT64(0);
    g = int8gcd_internal(a, b);
    a = a / g;
    if (__builtin_mul_overflow(a, b, &r) || r == PG_INT64_MIN)
        int8_overflow();
    PG_RETURN_INT64(r < 0 ? -r : r);
}

/* ---------------------------------------------------------------- bitwise */

Datum int8and(PG_FUNCTION_ARGS) { PG_RETURN_INT64(PG_GETARG_INT64(0) & PG_GETARG_INT64(1)); }
Datum int8or(PG_FUNCTION_ARGS)  { PG_RETURN_INT64(PG_GETARG_INT64(0) | PG_GETARG_INT64(1)); }
Datum int8xor(PG_FUNCTION_ARGS) { PG_RETURN_INT64(PG_GETARG_INT64(0) ^ PG_GETARG_INT64(1)); }
Datum int8not(PG_FUNCTION_ARGS) { PG_RETURN_INT64(~PG_GETARG_INT64(0)); }
Datum int8shl(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64((int64) ((uint64) PG_GETARG_INT64(0) << (PG_GETARG_INT32(1) & 63)));
}
Datum int8shr(PG_FUNCTION_ARGS) { PG_RETURN_INT64(PG_GETARG_INT64(0) >> (PG_GETARG_INT32(1) & 63)); }

/* ---------------------------------------------------------------- casts */

Datum
int48(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64((int64) PG_GETARG_INT32(0));
}

Datum
int84(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);

    if (a < PG_INT32_MIN || a > PG_INT32_MAX)
        int4_overflow();
    PG_RETURN_INT32((int32) a);
}

Datum
int28(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64((int64) PG_GETARG_INT16(0));
}

Datum
int82(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);

    if (a < PG_INT16_MIN || a > PG_INT16_MAX)
        int2_overflow();
    PG_RETURN_INT16((int16) a);
}

Datum
i8tooid(PG_FUNCTION_ARGS)
{
    int64 a = PG_GETARG_INT64(0);

    if (a < 0 || a > PG_UINT32_MAX)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("OID out of range"));
    PG_RETURN_OID((Oid) a);
}

Datum
oidtoi8(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64((int64) PG_GETARG_OID(0));
}

/* ---------------------------------------------------------------- in_range */

/*
 * in_range with a bigint offset.  base +/- offset is computed with an
 * overflow check; when it overflows, the sign of the overflow decides.
 */
static Datum
in_range_int64(FunctionCallInfo fcinfo, int64 val, int64 base, int64 offset)
{
    bool  sub = PG_GETARG_BOOL(3);
    bool  less = PG_GETARG_BOOL(4);
    int64 sum;

    if (offset < 0)
        invalid_window_offset();
    if (sub)
        offset = -offset;       /* cannot overflow: offset >= 0 */
    if (__builtin_add_overflow(base, offset, &sum))
        PG_RETURN_BOOL(sub ? !less : less);
    PG_RETURN_BOOL(less ? val <= sum : val >= sum);
}

Datum
in_range_int8_int8(PG_FUNCTION_ARGS)
{
    return in_range_int64(fcinfo, PG_GETARG_INT64(0), PG_GETARG_INT64(1), PG_GETARG_INT64(2));
}

Datum
in_range_int4_int8(PG_FUNCTION_ARGS)
{
    return in_range_int64(fcinfo, PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT64(2));
}

Datum
in_range_int2_int8(PG_FUNCTION_ARGS)
{
    return in_range_int64(fcinfo, PG_GETARG_INT16(0), PG_GETARG_INT16(1), PG_GETARG_INT64(2));
}
