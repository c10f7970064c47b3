/*-------------------------------------------------------------------------
 * int.c
 *    The smallint (int2) and integer (int4) types: I/O, comparison,
 *    arithmetic with PostgreSQL's overflow errors, casts between them and
 *    to bool/"char", bitwise operators, gcd/lcm, window in_range support,
 *    and the int2vector type.
 *
 * Errors are PostgreSQL's, byte for byte:
 *    invalid input syntax for type integer: "abc"          22P02
 *    value "99999999999" is out of range for type integer  22003
 *    integer out of range / smallint out of range          22003
 *    division by zero                                      22012
 * Overflow is detected with the compiler's checked-arithmetic builtins.
 *
 * btint2cmp and friends return what PostgreSQL returns (for int2 the
 * difference, for int4 -1/0/1) since the values are user-visible.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <errno.h>
#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"


pg_attribute_noreturn() static void
int_out_of_range(const char *s, const char *typname)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("value \"%s\" is out of range for type %s", s, typname));
}

pg_attribute_noreturn() static void
int_invalid_syntax(const char *s, const char *typname)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("invalid input syntax for type %s: \"%s\"", typname, s));
}

pg_attribute_noreturn() void
int4_overflow(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("integer out of range"));
}

pg_attribute_noreturn() void
int2_overflow(void)
{
    ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
            errmsg("smallint out of range"));
}

pg_attribute_noreturn() void
division_by_zero(void)
{
    ereport(ERROR, errcode(ERRCODE_DIVISION_BY_ZERO),
            errmsg("division by zero"));
}

/*
 * Parse a signed decimal integer no larger in magnitude than `min`
 * allows: optional surrounding whitespace, optional sign, digits.  The
 * value accumulates negatively so the most negative value parses.  As in
 * PostgreSQL 15, overflow is reported as soon as it happens, before any
 * trailing garbage is looked at.
 */
static int64
strtoint_checked(const char *s, int64 min, int64 max, const char *typname)
{
    const char *p = s;
    int64 acc = 0;
    bool  neg = false;

    while (*p && isspace((unsigned char) *p))
        p++;
    if (*p == '-')
    {
        p++;
        neg = true;
    }
    else if (*p == '+')
        p++;
    if (!isdigit((unsigned char) *p))
        int_invalid_syntax(s, typname);
    while (isdigit((unsigned char) *p))
    {
        int digit = *p++ - '0';

        if (__builtin_mul_overflow(acc, 10, &acc) ||
            __builtin_sub_overflow(acc, digit, &acc) || acc < min)
            int_out_of_range(s, typname);
    }
    while (*p && isspace((unsigned char) *p))
        p++;
    if (*p != '\0')
        int_invalid_syntax(s, typname);
    if (!neg)
    {
        if (acc < -max)
            int_out_of_range(s, typname);
        acc = -acc;
    }
    return acc;
}

int16
pg_strtoint16(const char *s)
{
    return (int16) strtoint_checked(s, PG_INT16_MIN, PG_INT16_MAX, "smallint");
}

int32
pg_strtoint32(const char *s)
{
    return (int32) strtoint_checked(s, PG_INT32_MIN, PG_INT32_MAX, "integer");
}

int64
pg_strtoint64(const char *s)
{
    return strtoint_checked(s, PG_INT64_MIN, PG_INT64_MAX, "bigint");
}

/* ---------------------------------------------------------------- I/O */

Datum
int2in(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16(pg_strtoint16(PG_GETARG_CSTRING(0)));
}

Datum
int2out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(psprintf("%d", (int) PG_GETARG_INT16(0)));
}

Datum
int2recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);

    PG_RETURN_INT16((int16) pq_getmsgint(buf, 2));
}

Datum
int2send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint16(&buf, (uint16) PG_GETARG_INT16(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
int4in(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(pg_strtoint32(PG_GETARG_CSTRING(0)));
}

Datum
int4out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(psprintf("%d", PG_GETARG_INT32(0)));
}

Datum
int4recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);

    PG_RETURN_INT32((int32) pq_getmsgint(buf, 4));
}

Datum
int4send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, (uint32) PG_GETARG_INT32(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- int2vector */

/* Space-separated int2 values; any number of them (PostgreSQL 15.x). */
Datum
int2vectorin(PG_FUNCTION_ARGS)
{
    char       *s = PG_GETARG_CSTRING(0);
    int         maxn = strlen(s) / 2 + 1;   /* each value takes >= 2 bytes but the last */
    int2vector *result = (int2vector *) palloc0(Int2VectorSize(maxn));
    int         n = 0;

    for (;;)
    {
        long  l;
        char *endp;

        while (*s && isspace((unsigned char) *s))
            s++;
        if (*s == '\0')
            break;
        errno = 0;
        l = strtol(s, &endp, 10);
        if (endp == s)
            int_invalid_syntax(s, "smallint");
        if (errno == ERANGE || l < PG_INT16_MIN || l > PG_INT16_MAX)
            int_out_of_range(s, "smallint");
        if (*endp && *endp != ' ')
            int_invalid_syntax(s, "smallint");
        result->values[n++] = (int16) l;
        s = endp;
    }
    SET_VARSIZE(result, Int2VectorSize(n));
    result->ndim = 1;
    result->dataoffset = 0;
    result->elemtype = INT2OID;
    result->dim1 = n;
    result->lbound1 = 0;
    PG_RETURN_POINTER(result);
}

Datum
int2vectorout(PG_FUNCTION_ARGS)
{
    int2vector *v = (int2vector *) PG_GETARG_POINTER(0);
    StringInfoData buf;

    initStringInfo(&buf);
    for (int i = 0; i < v->dim1; i++)
        appendStringInfo(&buf, i ? " %d" : "%d", (int) v->values[i]);
    PG_RETURN_CSTRING(buf.data);
}

/* Binary format is that of a one-dimensional int2 array. */
Datum
int2vectorrecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int         ndim = (int) pq_getmsgint(buf, 4);
    int         hasnull = (int) pq_getmsgint(buf, 4);
    Oid         elemtype = pq_getmsgint(buf, 4);
    int         n = 0;
    int2vector *result;

    if (ndim < 0 || ndim > 1 || hasnull != 0 || elemtype != INT2OID)
        ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                errmsg("invalid int2vector data"));
    if (ndim == 1)
    {
        n = (int) pq_getmsgint(buf, 4);
        if ((int) pq_getmsgint(buf, 4) != 0)     /* lower bound */
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid int2vector data"));
        if (n < 0 || n > (buf->len - buf->cursor) / 6)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid int2vector data"));
    }
    result = (int2vector *) palloc0(Int2VectorSize(n));
    SET_VARSIZE(result, Int2VectorSize(n));
    result->ndim = 1;
    result->elemtype = INT2OID;
    result->dim1 = n;
    for (int i = 0; i < n; i++)
    {
        if ((int32) pq_getmsgint(buf, 4) != 2)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("invalid int2vector data"));
        result->values[i] = (int16) pq_getmsgint(buf, 2);
    }
    PG_RETURN_POINTER(result);
}

Datum
int2vectorsend(PG_FUNCTION_ARGS)
{
    int2vector *v = (int2vector *) PG_GETARG_POINTER(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, 1);
    pq_sendint32(&buf, 0);
    pq_sendint32(&buf, INT2OID);
    pq_sendint32(&buf, v->dim1);
    pq_sendint32(&buf, 0);
    for (int i = 0; i < v->dim1; i++)
    {
        pq_sendint32(&buf, 2);
        pq_sendint16(&buf, (uint16) v->values[i]);
    }
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

int2vector *
buildint2vector(const int16 *int2s, int n)
{
    int2vector *result = (int2vector *) palloc0(Int2VectorSize(n));

    if (n > 0 && int2s)
        memcpy(result->values, int2s, n * sizeof(int16));
    SET_VARSIZE(result, Int2VectorSize(n));
    result->ndim = 1;
    result->dataoffset = 0;
    result->elemtype = INT2OID;
    result->dim1 = n;
    result->lbound1 = 0;
    return result;
}

/* ---------------------------------------------------------------- typmod arrays */

/*
 * The integers of a typmod list.  The parser hands typmodin functions a
 * cstring[] with one element per modifier.
 */
int32 *
adt_typmod_integers(AdtArray *arr, int *n)
{
    const char *p;
    int32      *result;

    if (arr->elemtype != CSTRINGOID)
        ereport(ERROR, errcode(ERRCODE_ARRAY_ELEMENT_ERROR),
                errmsg("typmod array must be type cstring[]"));
    if (arr->ndim != 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("typmod array must be one-dimensional"));
    if (ADT_ARR_HASNULL(arr))
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("typmod array must not contain nulls"));
    *n = ADT_ARR_DIMS(arr)[0];
    result = palloc_array(int32, *n > 0 ? *n : 1);
    p = ADT_ARR_DATA(arr);
    for (int i = 0; i < *n; i++)
    {
        result[i] = pg_strtoint32(p);
        p += strlen(p) + 1;
    }
    return result;
}

/* ---------------------------------------------------------------- comparisons */

/* comparisons: the operators =, <>, <, <=, >, >= within and across int2/int4 */
Datum int4eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) == PG_GETARG_INT32(1)); }
Datum int4ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) != PG_GETARG_INT32(1)); }
Datum int4lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) < PG_GETARG_INT32(1)); }
Datum int4le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) <= PG_GETARG_INT32(1)); }
Datum int4gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) > PG_GETARG_INT32(1)); }
Datum int4ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) >= PG_GETARG_INT32(1)); }

Datum int2eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT16(1)); }
Datum int2ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT16(1)); }
Datum int2lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) < PG_GETARG_INT16(1)); }
Datum int2le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) <= PG_GETARG_INT16(1)); }
Datum int2gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) > PG_GETARG_INT16(1)); }
Datum int2ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) >= PG_GETARG_INT16(1)); }

Datum int24eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) == PG_GETARG_INT32(1)); }
Datum int24ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) != PG_GETARG_INT32(1)); }
Datum int24lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) < PG_GETARG_INT32(1)); }
Datum int24le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) <= PG_GETARG_INT32(1)); }
Datum int24gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) > PG_GETARG_INT32(1)); }
Datum int24ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT16(0) >= PG_GETARG_INT32(1)); }

Datum int42eq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) == PG_GETARG_INT16(1)); }
Datum int42ne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) != PG_GETARG_INT16(1)); }
Datum int42lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) < PG_GETARG_INT16(1)); }
Datum int42le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) <= PG_GETARG_INT16(1)); }
Datum int42gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) > PG_GETARG_INT16(1)); }
Datum int42ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(PG_GETARG_INT32(0) >= PG_GETARG_INT16(1)); }

#define CMP3(a, b) ((a) > (b) ? 1 : ((a) == (b) ? 0 : -1))

Datum
btint4cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(CMP3(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum
btint2cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) PG_GETARG_INT16(0) - (int32) PG_GETARG_INT16(1));
}

Datum
btint24cmp(PG_FUNCTION_ARGS)
{
    int32 a = PG_GETARG_INT16(0);

    PG_RETURN_INT32(CMP3(a, PG_GETARG_INT32(1)));
}

Datum
btint42cmp(PG_FUNCTION_ARGS)
{
    int32 b = PG_GETARG_INT16(1);

    PG_RETURN_INT32(CMP3(PG_GETARG_INT32(0), b));
}

Datum
int4larger(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(Max(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum
int4smaller(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(Min(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum
int2larger(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16(Max(PG_GETARG_INT16(0), PG_GETARG_INT16(1)));
}

Datum
int2smaller(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16(Min(PG_GETARG_INT16(0), PG_GETARG_INT16(1)));
}

Datum
hashint2(PG_FUNCTION_ARGS)
{
    return hash_uint32((int32) PG_GETARG_INT16(0));
}

Datum
hashint2extended(PG_FUNCTION_ARGS)
{
    return hash_uint32_extended((int32) PG_GETARG_INT16(0), PG_GETARG_INT64(1));
}

Datum
hashint4(PG_FUNCTION_ARGS)
{
    return hash_uint32(PG_GETARG_INT32(0));
}

Datum
hashint4extended(PG_FUNCTION_ARGS)
{
    return hash_uint32_extended(PG_GETARG_INT32(0), PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- arithmetic */

/*
 * Binary arithmetic: the operands widen to int, the result must fit the
 * result type or that type's "out of range" error is raised.
 */
#define ARITH_CHECKED(op, a, b, T, ovf) \
    ({ T r_; if (__builtin_##op##_overflow((a), (b), &r_)) ovf(); r_; })

Datum int4pl(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(add, PG_GETARG_INT32(0), PG_GETARG_INT32(1), int32, int4_overflow)); }
Datum int4mi(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(sub, PG_GETARG_INT32(0), PG_GETARG_INT32(1), int32, int4_overflow)); }
Datum int4mul(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(mul, PG_GETARG_INT32(0), PG_GETARG_INT32(1), int32, int4_overflow)); }
Datum int2pl(PG_FUNCTION_ARGS) { PG_RETURN_INT16(ARITH_CHECKED(add, PG_GETARG_INT16(0), PG_GETARG_INT16(1), int16, int2_overflow)); }
Datum int2mi(PG_FUNCTION_ARGS) { PG_RETURN_INT16(ARITH_CHECKED(sub, PG_GETARG_INT16(0), PG_GETARG_INT16(1), int16, int2_overflow)); }
Datum int2mul(PG_FUNCTION_ARGS) { PG_RETURN_INT16(ARITH_CHECKED(mul, PG_GETARG_INT16(0), PG_GETARG_INT16(1), int16, int2_overflow)); }
Datum int24pl(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(add, PG_GETARG_INT16(0), PG_GETARG_INT32(1), int32, int4_overflow)); }
Datum int24mi(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(sub, PG_GETARG_INT16(0), PG_GETARG_INT32(1), int32, int4_overflow)); }
Datum int24mul(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(mul, PG_GETARG_INT16(0), PG_GETARG_INT32(1), int32, int4_overflow)); }
Datum int42pl(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(add, PG_GETARG_INT32(0), PG_GETARG_INT16(1), int32, int4_overflow)); }
Datum int42mi(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(sub, PG_GETARG_INT32(0), PG_GETARG_INT16(1), int32, int4_overflow)); }
Datum int42mul(PG_FUNCTION_ARGS) { PG_RETURN_INT32(ARITH_CHECKED(mul, PG_GETARG_INT32(0), PG_GETARG_INT16(1), int32, int4_overflow)); }

/* a / b for int32 results; -1 is special-cased because MIN / -1 traps. */
static inline int32
int4_div(int32 a, int32 b)
{
    if (b == 0)
        division_by_zero();
    if (b == -1)
    {
        if (a == PG_INT32_MIN)
            int4_overflow();
        return -a;
    }
    return a / b;
}

Datum
int4div(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(int4_div(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum
int42div(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(int4_div(PG_GETARG_INT32(0), PG_GETARG_INT16(1)));
}

Datum
int24div(PG_FUNCTION_ARGS)
{
    int32 b = PG_GETARG_INT32(1);

    if (b == 0)
        division_by_zero();
    /* no overflow possible: |int2| < |INT32_MIN| */
    PG_RETURN_INT32((int32) PG_GETARG_INT16(0) / b);
}

Datum
int2div(PG_FUNCTION_ARGS)
{
    int16 a = PG_GETARG_INT16(0);
    int16 b = PG_GETARG_INT16(1);

    if (b == 0)
        division_by_zero();
    if (b == -1)
    {
        if (a == PG_INT16_MIN)
            int2_overflow();
        PG_RETURN_INT16(-a);
    }
    PG_RETURN_INT16(a / b);
}

Datum
int4mod(PG_FUNCTION_ARGS)
{
    int32 a = PG_GETARG_INT32(0);
    int32 b = PG_GETARG_INT32(1);

    if (b == 0)
        division_by_zero();
    if (b == -1)
        PG_RETURN_INT32(0);
    PG_RETURN_INT32(a % b);
}

Datum
int2mod(PG_FUNCTION_ARGS)
{
    int16 a = PG_GETARG_INT16(0);
    int16 b = PG_GETARG_INT16(1);

    if (b == 0)
        division_by_zero();
    if (b == -1)
        PG_RETURN_INT16(0);
    PG_RETURN_INT16(a % b);
}

Datum
int4um(PG_FUNCTION_ARGS)
{
    int32 a = PG_GETARG_INT32(0);

    if (a == PG_INT32_MIN)
        int4_overflow();
    PG_RETURN_INT32(-a);
}

Datum
int4up(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(PG_GETARG_INT32(0));
}

Datum
int4abs(PG_FUNCTION_ARGS)
{
    int32 a = PG_GETARG_INT32(0);

    if (a == PG_INT32_MIN)
        int4_overflow();
    PG_RETURN_INT32(a < 0 ? -a : a);
}

Datum
int2um(PG_FUNCTION_ARGS)
{
    int16 a = PG_GETARG_INT16(0);

    if (a == PG_INT16_MIN)
        int2_overflow();
    PG_RETURN_INT16(-a);
}

Datum
int2up(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16(PG_GETARG_INT16(0));
}

Datum
int2abs(PG_FUNCTION_ARGS)
{
    int16 a = PG_GETARG_INT16(0);

    if (a == PG_INT16_MIN)
        int2_overflow();
    PG_RETURN_INT16(a < 0 ? -a : a);
}

Datum
int4inc(PG_FUNCTION_ARGS)
{
    int32 r;

    if (__builtin_add_overflow(PG_GETARG_INT32(0), 1, &r))
        int4_overflow();
    PG_RETURN_INT32(r);
}

/* Euclid on non-positive values, so INT_MIN needs no special case until the end. */
static int32
int4gcd_internal(int32 a, int32 b)
{
    int32 swap;

    if (a == PG_INT32_MIN || b == PG_INT32_MIN)
    {
        if (a == 0 || b == 0 || (a == PG_INT32_MIN && b == PG_INT32_MIN))
            int4_overflow();
        /* gcd(INT_MIN, b) = gcd(INT_MIN % b, b) with |result| <= |b| */
        if (b == PG_INT32_MIN)
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
int4gcd(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(int4gcd_internal(PG_GETARG_INT32(0), PG_GETARG_INT32(1)));
}

Datum
int4lcm(PG_FUNCTION_ARGS)
{
    int32 a = PG_GETARG_INT32(0);
    int32 b = PG_GETARG_INT32(1);
    int32 g, r;

    if (a == 0 || b == 0)
        PG_RETURN_INT32(0);
    g = int4gcd_internal(a, b);
    a = a / g;
    if (__builtin_mul_overflow(a, b, &r))
        int4_overflow();
    if (r == PG_INT32_MIN)
        int4_overflow();
    PG_RETURN_INT32(r < 0 ? -r : r);
}

/* ---------------------------------------------------------------- bitwise */

/* Shift counts are taken mod the width, as the x86 instructions PG compiles to do. */
Datum int4and(PG_FUNCTION_ARGS) { PG_RETURN_INT32(PG_GETARG_INT32(0) & PG_GETARG_INT32(1)); }
Datum int4or(PG_FUNCTION_ARGS)  { PG_RETURN_INT32(PG_GETARG_INT32(0) | PG_GETARG_INT32(1)); }
Datum int4xor(PG_FUNCTION_ARGS) { PG_RETURN_INT32(PG_GETARG_INT32(0) ^ PG_GETARG_INT32(1)); }
Datum int4not(PG_FUNCTION_ARGS) { PG_RETURN_INT32(~PG_GETARG_INT32(0)); }
Datum int4shl(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) ((uint32) PG_GETARG_INT32(0) << (PG_GETARG_INT32(1) & 31)));
}
Datum int4shr(PG_FUNCTION_ARGS) { PG_RETURN_INT32(PG_GETARG_INT32(0) >> (PG_GETARG_INT32(1) & 31)); }
Datum int2and(PG_FUNCTION_ARGS) { PG_RETURN_INT16(PG_GETARG_INT16(0) & PG_GETARG_INT16(1)); }
Datum int2or(PG_FUNCTION_ARGS)  { PG_RETURN_INT16(PG_GETARG_INT16(0) | PG_GETARG_INT16(1)); }
Datum int2xor(PG_FUNCTION_ARGS) { PG_RETURN_INT16(PG_GETARG_INT16(0) ^ PG_GETARG_INT16(1)); }
Datum int2not(PG_FUNCTION_ARGS) { PG_RETURN_INT16((int16) ~PG_GETARG_INT16(0)); }
Datum int2shl(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16((int16) ((uint32) (int32) PG_GETARG_INT16(0) << (PG_GETARG_INT32(1) & 31)));
}
Datum int2shr(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT16((int16) ((int32) PG_GETARG_INT16(0) >> (PG_GETARG_INT32(1) & 31)));
}

/* ---------------------------------------------------------------- casts */

Datum
i2toi4(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) PG_GETARG_INT16(0));
}

Datum
i4toi2(PG_FUNCTION_ARGS)
{
    int32 a = PG_GETARG_INT32(0);

    if (a < PG_INT16_MIN || a > PG_INT16_MAX)
        int2_overflow();
    PG_RETURN_INT16((int16) a);
}

Datum
int4_bool(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(PG_GETARG_INT32(0) != 0);
}

Datum
bool_int4(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(PG_GETARG_BOOL(0) ? 1 : 0);
}

/* ---------------------------------------------------------------- in_range */

pg_attribute_noreturn() void
invalid_window_offset(void)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
            errmsg("invalid preceding or following size in window function"));
}

/*
 * in_range(val, base, offset, sub, less): is val <= base -/+ offset (less)
 * or val >= base -/+ offset (!less)?  If base +/- offset overflows, the
 * answer is known without computing it.  Computed in int64, which holds
 * every int2/int4 sum exactly.
 */
static Datum
in_range_small(FunctionCallInfo fcinfo, int64 val, int64 base, int64 offset)
{
    bool  sub = PG_GETARG_BOOL(3);
    bool  less = PG_GETARG_BOOL(4);
    int64 sum;

    if (offset < 0)
        invalid_window_offset();
    sum = sub ? base - offset : base + offset;
    PG_RETURN_BOOL(less ? val <= sum : val >= sum);
}

Datum in_range_int4_int4(PG_FUNCTION_ARGS) { return in_range_small(fcinfo, PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT32(2)); }
Datum in_range_int4_int2(PG_FUNCTION_ARGS) { return in_range_small(fcinfo, PG_GETARG_INT32(0), PG_GETARG_INT32(1), PG_GETARG_INT16(2)); }
Datum in_range_int2_int4(PG_FUNCTION_ARGS) { return in_range_small(fcinfo, PG_GETARG_INT16(0), PG_GETARG_INT16(1), PG_GETARG_INT32(2)); }
Datum in_range_int2_int2(PG_FUNCTION_ARGS) { return in_range_small(fcinfo, PG_GETARG_INT16(0), PG_GETARG_INT16(1), PG_GETARG_INT16(2)); }
