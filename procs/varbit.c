/*-------------------------------------------------------------------------
 * varbit.c
 *    The bit(n) and bit varying(n) types (PostgreSQL's utils/adt/varbit.c):
 *    text and binary I/O, length coercion, comparison, the bitwise
 *    operators & | # ~ << >>, ||, length/octet_length/position/substring/
 *    overlay, get_bit/set_bit, bit_count, and int4/int8 conversions.
 *
 * Storage is PostgreSQL's: a varlena holding the bit count (int32) and the
 * bits, most significant first, packed 8 to a byte; the unused low bits of
 * the last byte are always zero (every function that could set them clears
 * them again), so bytewise comparison and operations are exact.  The
 * binary send format is the same bit count (network order) followed by
 * those bytes.
 *
 * bit and varbit share these functions: a bit(n) value is one whose length
 * is exactly n (bit_in and bit() enforce it), a varbit(n) one whose length
 * is at most n (varbit_in and varbit()).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <limits.h>
#include "procs/adt.h"
#include "procs/builtins.h"

typedef uint8 bits8;

typedef struct VarBit
{
    int32       vl_len_;        /* varlena header */
    int32       bit_len;        /* number of valid bits */
    bits8       bit_dat[];
} VarBit;

#define BITS_PER_BYTE       8
#define BITMASK             0xFF
#define HIGHBIT             0x80
#define IS_HIGHBIT_SET(x)   ((x) & HIGHBIT)
#define VARBITHDRSZ         ((int32) sizeof(int32))
#define VARBITLEN(p)        (((VarBit *) (p))->bit_len)
#define VARBITS(p)          (((VarBit *) (p))->bit_dat)
#define VARBITBYTES(p)      (VARSIZE(p) - VARHDRSZ - VARBITHDRSZ)
#define VARBITPAD(p)        (VARBITBYTES(p) * BITS_PER_BYTE - VARBITLEN(p))
#define VARBITTOTALLEN(len) (VARHDRSZ + VARBITHDRSZ + ((len) + BITS_PER_BYTE - 1) / BITS_PER_BYTE)
#define VARBITEND(p)        (((bits8 *) (p)) + VARSIZE(p))
/* The longest bit string whose total size stays below 1 GB (PostgreSQL's VARBITMAXLEN). */
#define VARBITMAXLEN        (INT_MAX - BITS_PER_BYTE + 1)
#define MaxAttrSize         (10 * 1024 * 1024)

#define PG_GETARG_VARBIT_P(n)   ((VarBit *) PG_GETARG_POINTER(n))
#define PG_RETURN_VARBIT_P(x)   return PointerGetDatum(x)

/* Bytes in the UTF-8 character at s (1 for a stray byte), for messages. */
static int
utf8_char_len(const char *s)
{
    unsigned char c = (unsigned char) *s;
    int         n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
        (c & 0xF8) == 0xF0 ? 4 : 1;

    for (int i = 1; i < n; i++)
        if (s[i] == '\0')
            return i;
    return n;
}

/* Clear the pad bits of the last byte. */
static void
varbit_pad(VarBit *vb)
{
    int         pad = VARBITPAD(vb);

    if (pad > 0)
        *(VARBITEND(vb) - 1) &= BITMASK << pad;
}

static VarBit *
varbit_alloc(int bitlen, bool zero)
{
    int         len = VARBITTOTALLEN(bitlen);
    VarBit     *result = zero ? palloc0(len) : palloc(len);

    SET_VARSIZE(result, len);
    VARBITLEN(result) = bitlen;
    return result;
}

/* ---------------------------------------------------------------- text I/O */

/*
 * B'0101' (or plain digits) and X'1F' input.  For bit(n) (fixed) the length
 * must equal n; for varbit(n) it must not exceed it.
 */
static VarBit *
anybit_in(const char *input_string, int32 atttypmod, bool fixed)
{
    const char *sp;
    bool        bit_not_hex;
    int         slen;
    int         bitlen;
    int         storelen;
    VarBit     *result;
    bits8      *r;
    bits8       x;

    if (input_string[0] == 'b' || input_string[0] == 'B')
    {
        bit_not_hex = true;
        sp = input_string + 1;
    }
    else if (input_string[0] == 'x' || input_string[0] == 'X')
    {
        bit_not_hex = false;
        sp = input_string + 1;
    }
    else
    {
        bit_not_hex = true;
        sp = input_string;
    }
    slen = (int) strlen(sp);
    if (bit_not_hex)
        bitlen = slen;
    else
    {
        if (slen > VARBITMAXLEN / 4)
            ereport(ERROR,
                    (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                     errmsg("bit string length exceeds the maximum allowed (%d)", VARBITMAXLEN)));
        bitlen = slen * 4;
    }

    if (atttypmod <= 0)
        atttypmod = bitlen;
    else if (fixed && bitlen != atttypmod)
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_LENGTH_MISMATCH),
                 errmsg("bit string length %d does not match type bit(%d)", bitlen, atttypmod)));
    else if (!fixed && bitlen > atttypmod)
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                 errmsg("bit string too long for type bit varying(%d)", atttypmod)));
    storelen = fixed ? atttypmod : bitlen;

    result = varbit_alloc(storelen, true);
    r = VARBITS(result);
    if (bit_not_hex)
    {
        x = HIGHBIT;
        for (; *sp; sp++)
        {
            if (*sp == '1')
                *r |= x;
            else if (*sp != '0')
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                         errmsg("\"%.*s\" is not a valid binary digit", utf8_char_len(sp), sp)));
            x >>= 1;
            if (x == 0)
            {
                x = HIGHBIT;
                r++;
            }
        }
    }
    else
    {
        int         bc = 0;

        for (; *sp; sp++)
        {
            if (*sp >= '0' && *sp <= '9')
                x = (bits8) (*sp - '0');
            else if (*sp >= 'A' && *sp <= 'F')
                x = (bits8) (*sp - 'A') + 10;
            else if (*sp >= 'a' && *sp <= 'f')
                x = (bits8) (*sp - 'a') + 10;
            else
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                         errmsg("\"%.*s\" is not a valid hexadecimal digit", utf8_char_len(sp), sp)));
            if (bc)
            {
                *r++ |= x;
                bc = 0;
            }
            else
            {
                *r = x << 4;
                bc = 1;
            }
        }
    }
    return result;
}

Datum
bit_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(anybit_in(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), true));
}

Datum
varbit_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(anybit_in(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), false));
}

/* Both types print as binary digits. */
Datum
varbit_out(PG_FUNCTION_ARGS)
{
    VarBit     *s = PG_GETARG_VARBIT_P(0);
    int         len = VARBITLEN(s);
    char       *result = palloc(len + 1);
    char       *r = result;
    bits8      *sp = VARBITS(s);

    for (int i = 0; i < len; i++)
        *r++ = (sp[i / BITS_PER_BYTE] & (HIGHBIT >> (i % BITS_PER_BYTE))) ? '1' : '0';
    *r = '\0';
    PG_RETURN_CSTRING(result);
}

Datum
bit_out(PG_FUNCTION_ARGS)
{
    return varbit_out(fcinfo);
}

/* ---------------------------------------------------------------- binary I/O */

static VarBit *
anybit_recv(StringInfo buf, int32 atttypmod, bool fixed)
{
    int         bitlen = (int) pq_getmsgint(buf, sizeof(int32));
    VarBit     *result;

    if (bitlen < 0 || bitlen > VARBITMAXLEN)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                 errmsg("invalid length in external bit string")));
    if (fixed && atttypmod > 0 && bitlen != atttypmod)
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_LENGTH_MISMATCH),
                 errmsg("bit string length %d does not match type bit(%d)", bitlen, atttypmod)));
    if (!fixed && atttypmod > 0 && bitlen > atttypmod)
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                 errmsg("bit string too long for type bit varying(%d)", atttypmod)));
    result = varbit_alloc(bitlen, false);
    pq_copymsgbytes(buf, (char *) VARBITS(result), VARBITBYTES(result));
    varbit_pad(result);
    return result;
}

Datum
bit_recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(anybit_recv((StringInfo) PG_GETARG_POINTER(0), PG_GETARG_INT32(2), true));
}

Datum
varbit_recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(anybit_recv((StringInfo) PG_GETARG_POINTER(0), PG_GETARG_INT32(2), false));
}

Datum
varbit_send(PG_FUNCTION_ARGS)
{
    VarBit     *s = PG_GETARG_VARBIT_P(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, (uint32) VARBITLEN(s));
    pq_sendbytes(&buf, VARBITS(s), VARBITBYTES(s));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
bit_send(PG_FUNCTION_ARGS)
{
    return varbit_send(fcinfo);
}

/* ---------------------------------------------------------------- typmods and length coercion */

static int32
anybit_typmodin(AdtArray *ta, const char *typename)
{
    int         n;
    int32      *tl = adt_typmod_integers(ta, &n);

    if (n != 1)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("invalid type modifier")));
    if (*tl < 1)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("length for type %s must be at least 1", typename)));
    if (*tl > MaxAttrSize * BITS_PER_BYTE)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("length for type %s cannot exceed %d", typename,
                        MaxAttrSize * BITS_PER_BYTE)));
    return *tl;
}

static char *
anybit_typmodout(int32 typmod)
{
    return typmod >= 0 ? psprintf("(%d)", (int) typmod) : pstrdup("");
}

Datum bittypmodin(PG_FUNCTION_ARGS) { PG_RETURN_INT32(anybit_typmodin((AdtArray *) PG_GETARG_POINTER(0), "bit")); }
Datum bittypmodout(PG_FUNCTION_ARGS) { PG_RETURN_CSTRING(anybit_typmodout(PG_GETARG_INT32(0))); }
Datum varbittypmodin(PG_FUNCTION_ARGS) { PG_RETURN_INT32(anybit_typmodin((AdtArray *) PG_GETARG_POINTER(0), "varbit")); }
Datum varbittypmodout(PG_FUNCTION_ARGS) { PG_RETURN_CSTRING(anybit_typmodout(PG_GETARG_INT32(0))); }

/*
 * bit(bit, len, explicit): an explicit cast pads with zeros or truncates;
 * an implicit one (assignment) requires the exact length.
 */
Datum
bit(PG_FUNCTION_ARGS)
{
    VarBit     *arg = PG_GETARG_VARBIT_P(0);
    int32       len = PG_GETARG_INT32(1);
    bool        isExplicit = PG_GETARG_BOOL(2);
    VarBit     *result;

    if (len <= 0 || len > VARBITMAXLEN || len == VARBITLEN(arg))
        PG_RETURN_VARBIT_P(arg);
    if (!isExplicit)
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_LENGTH_MISMATCH),
                 errmsg("bit string length %d does not match type bit(%d)", VARBITLEN(arg), len)));
    result = varbit_alloc(len, true);
    memcpy(VARBITS(result), VARBITS(arg), Min(VARBITBYTES(result), VARBITBYTES(arg)));
    varbit_pad(result);
    PG_RETURN_VARBIT_P(result);
}

/* varbit(varbit, len, explicit): an explicit cast truncates, an implicit one may not */
Datum
varbit(PG_FUNCTION_ARGS)
{
    VarBit     *arg = PG_GETARG_VARBIT_P(0);
    int32       len = PG_GETARG_INT32(1);
    bool        isExplicit = PG_GETARG_BOOL(2);
    VarBit     *result;

    if (len <= 0 || len >= VARBITLEN(arg))
        PG_RETURN_VARBIT_P(arg);
    if (!isExplicit)
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                 errmsg("bit string too long for type bit varying(%d)", len)));
    result = varbit_alloc(len, false);
    memcpy(VARBITS(result), VARBITS(arg), VARBITBYTES(result));
    varbit_pad(result);
    PG_RETURN_VARBIT_P(result);
}

/* ---------------------------------------------------------------- comparison */

/* Bytewise (pad bits are zero), then the shorter string first. */
static int32
bit_cmp(VarBit *arg1, VarBit *arg2)
{
    int         bytelen1 = VARBITBYTES(arg1);
    int         bytelen2 = VARBITBYTES(arg2);
    int         cmp = memcmp(VARBITS(arg1), VARBITS(arg2), Min(bytelen1, bytelen2));

    if (cmp == 0 && VARBITLEN(arg1) != VARBITLEN(arg2))
        cmp = VARBITLEN(arg1) < VARBITLEN(arg2) ? -1 : 1;
    return cmp;
}

Datum
biteq(PG_FUNCTION_ARGS)
{
    VarBit     *a = PG_GETARG_VARBIT_P(0);
    VarBit     *b = PG_GETARG_VARBIT_P(1);

    PG_RETURN_BOOL(VARBITLEN(a) == VARBITLEN(b) && bit_cmp(a, b) == 0);
}

Datum
bitne(PG_FUNCTION_ARGS)
{
    VarBit     *a = PG_GETARG_VARBIT_P(0);
    VarBit     *b = PG_GETARG_VARBIT_P(1);

    PG_RETURN_BOOL(VARBITLEN(a) != VARBITLEN(b) || bit_cmp(a, b) != 0);
}

Datum bitlt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bit_cmp(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) < 0); }
Datum bitle(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bit_cmp(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) <= 0); }
Datum bitgt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bit_cmp(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) > 0); }
Datum bitge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bit_cmp(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)) >= 0); }
Datum bitcmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(bit_cmp(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1))); }

/* ---------------------------------------------------------------- concatenation, substring, overlay */

static VarBit *
bit_catenate(VarBit *arg1, VarBit *arg2)
{
    int         bitlen1 = VARBITLEN(arg1);
    int         bitlen2 = VARBITLEN(arg2);
    int         bit1pad;
    VarBit     *result;

    if (bitlen1 > VARBITMAXLEN - bitlen2)
        ereport(ERROR,
                (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                 errmsg("bit string length exceeds the maximum allowed (%d)", VARBITMAXLEN)));
    result = varbit_alloc(bitlen1 + bitlen2, true);
    memcpy(VARBITS(result), VARBITS(arg1), VARBITBYTES(arg1));
    bit1pad = VARBITPAD(arg1);
    if (bit1pad == 0)
        memcpy(VARBITS(result) + VARBITBYTES(arg1), VARBITS(arg2), VARBITBYTES(arg2));
    else if (bitlen2 > 0)
    {
        /* shift the second string's bits into the first's pad and on */
        int         bit2shift = BITS_PER_BYTE - bit1pad;
        bits8      *pr = VARBITS(result) + VARBITBYTES(arg1) - 1;

        for (bits8 *pa = VARBITS(arg2); pa < VARBITEND(arg2); pa++)
        {
            *pr |= ((*pa >> bit2shift) & BITMASK);
            pr++;
            if (pr < VARBITEND(result))
                *pr = (*pa << bit1pad) & BITMASK;
        }
    }
    return result;
}

Datum
bitcat(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(bit_catenate(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1)));
}

/* The bits from position s (1-based) for l bits (to the end if unspecified). */
static VarBit *
bitsubstring(VarBit *arg, int32 s, int32 l, bool length_not_specified)
{
    int         bitlen = VARBITLEN(arg);
    int         s1 = Max(s, 1);
    int         e1;
    int         e;
    VarBit     *result;

    if (length_not_specified)
        e1 = bitlen + 1;
    else if (l < 0)
        ereport(ERROR,
                (errcode(ERRCODE_SUBSTRING_ERROR),
                 errmsg("negative substring length not allowed")));
    else if (__builtin_add_overflow(s, l, &e))
        e1 = bitlen + 1;
    else
        e1 = Min(e, bitlen + 1);

    if (s1 > bitlen || e1 <= s1)
        return varbit_alloc(0, true);

    result = varbit_alloc(e1 - s1, true);
    if ((s1 - 1) % BITS_PER_BYTE == 0)
        memcpy(VARBITS(result), VARBITS(arg) + (s1 - 1) / BITS_PER_BYTE, VARBITBYTES(result));
    else
    {
        int         ishift = (s1 - 1) % BITS_PER_BYTE;
        bits8      *r = VARBITS(result);
        bits8      *ps = VARBITS(arg) + (s1 - 1) / BITS_PER_BYTE;

        for (int i = 0; i < VARBITBYTES(result); i++)
        {
            *r = (*ps << ishift) & BITMASK;
            if ((++ps) < VARBITEND(arg))
                *r |= *ps >> (BITS_PER_BYTE - ishift);
            r++;
        }
    }
    varbit_pad(result);
    return result;
}

Datum
bitsubstr(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(bitsubstring(PG_GETARG_VARBIT_P(0), PG_GETARG_INT32(1),
                                    PG_GETARG_INT32(2), false));
}

Datum
bitsubstr_no_len(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(bitsubstring(PG_GETARG_VARBIT_P(0), PG_GETARG_INT32(1), -1, true));
}

static VarBit *
bit_overlay(VarBit *t1, VarBit *t2, int sp, int sl)
{
    int         sp_pl_sl;
    VarBit     *s1;
    VarBit     *s2;

    if (sp <= 0)
        ereport(ERROR,
                (errcode(ERRCODE_SUBSTRING_ERROR),
                 errmsg("negative substring length not allowed")));
    if (__builtin_add_overflow(sp, sl, &sp_pl_sl))
        ereport(ERROR,
                (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                 errmsg("integer out of range")));
    s1 = bitsubstring(t1, 1, sp - 1, false);
    s2 = bitsubstring(t1, sp_pl_sl, -1, true);
    return bit_catenate(bit_catenate(s1, t2), s2);
}

Datum
bitoverlay(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(bit_overlay(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1),
                                   PG_GETARG_INT32(2), PG_GETARG_INT32(3)));
}

Datum
bitoverlay_no_len(PG_FUNCTION_ARGS)
{
    VarBit     *t2 = PG_GETARG_VARBIT_P(1);

    PG_RETURN_VARBIT_P(bit_overlay(PG_GETARG_VARBIT_P(0), t2, PG_GETARG_INT32(2), VARBITLEN(t2)));
}

/* ---------------------------------------------------------------- lengths, position, bits */

Datum
bitlength(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(VARBITLEN(PG_GETARG_VARBIT_P(0)));
}

Datum
bitoctetlength(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(VARBITBYTES(PG_GETARG_VARBIT_P(0)));
}

static inline int
bit_at(VarBit *v, int i)
{
    return (VARBITS(v)[i / BITS_PER_BYTE] >> (BITS_PER_BYTE - 1 - i % BITS_PER_BYTE)) & 1;
}

/* position(substring in string): 1-based start of the first match, 0 if none */
Datum
bitposition(PG_FUNCTION_ARGS)
{
    VarBit     *str = PG_GETARG_VARBIT_P(0);
    VarBit     *substr = PG_GETARG_VARBIT_P(1);
    int         str_length = VARBITLEN(str);
    int         substr_length = VARBITLEN(substr);

    if (str_length == 0 || substr_length > str_length)
        PG_RETURN_INT32(0);
    if (substr_length == 0)
        PG_RETURN_INT32(1);
    for (int start = 0; start + substr_length <= str_length; start++)
    {
        int         k = 0;

        while (k < substr_length && bit_at(str, start + k) == bit_at(substr, k))
            k++;
        if (k == substr_length)
            PG_RETURN_INT32(start + 1);
    }
    PG_RETURN_INT32(0);
}

static void
check_bit_index(VarBit *v, int32 n)
{
    int         bitlen = VARBITLEN(v);

    if (n < 0 || n >= bitlen)
        ereport(ERROR,
                (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                 errmsg("bit index %d out of valid range (0..%d)", n, bitlen - 1)));
}

Datum
bitgetbit(PG_FUNCTION_ARGS)
{
    VarBit     *arg = PG_GETARG_VARBIT_P(0);
    int32       n = PG_GETARG_INT32(1);

    check_bit_index(arg, n);
    PG_RETURN_INT32(bit_at(arg, n));
}

Datum
bitsetbit(PG_FUNCTION_ARGS)
{
    VarBit     *arg = PG_GETARG_VARBIT_P(0);
    int32       n = PG_GETARG_INT32(1);
    int32       newBit = PG_GETARG_INT32(2);
    VarBit     *result;
    bits8      *r;

    check_bit_index(arg, n);
    if (newBit != 0 && newBit != 1)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("new bit must be 0 or 1")));
    result = (VarBit *) palloc(VARSIZE(arg));
    memcpy(result, arg, VARSIZE(arg));
    r = &VARBITS(result)[n / BITS_PER_BYTE];
    if (newBit)
        *r |= 1 << (BITS_PER_BYTE - 1 - n % BITS_PER_BYTE);
    else
        *r &= ~(1 << (BITS_PER_BYTE - 1 - n % BITS_PER_BYTE));
    PG_RETURN_VARBIT_P(result);
}

Datum
bit_bit_count(PG_FUNCTION_ARGS)
{
    VarBit     *arg = PG_GETARG_VARBIT_P(0);
    int64       count = 0;

    for (int i = 0; i < VARBITBYTES(arg); i++)
        count += __builtin_popcount(VARBITS(arg)[i]);
    PG_RETURN_INT64(count);
}

/* ---------------------------------------------------------------- bitwise operators */

static VarBit *
bit_binary(VarBit *arg1, VarBit *arg2, char op)
{
    VarBit     *result;
    bits8      *p1 = VARBITS(arg1);
    bits8      *p2 = VARBITS(arg2);
    bits8      *r;

    if (VARBITLEN(arg1) != VARBITLEN(arg2))
        ereport(ERROR,
                (errcode(ERRCODE_STRING_DATA_LENGTH_MISMATCH),
                 errmsg("cannot %s bit strings of different sizes",
                        op == '&' ? "AND" : op == '|' ? "OR" : "XOR")));
    result = varbit_alloc(VARBITLEN(arg1), false);
    r = VARBITS(result);
    for (int i = 0; i < VARBITBYTES(arg1); i++)
        r[i] = op == '&' ? p1[i] & p2[i] : op == '|' ? p1[i] | p2[i] : p1[i] ^ p2[i];
    /* pad bits stay zero: 0 op 0 = 0 */
    return result;
}

Datum bit_and(PG_FUNCTION_ARGS) { PG_RETURN_VARBIT_P(bit_binary(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), '&')); }
Datum bit_or(PG_FUNCTION_ARGS) { PG_RETURN_VARBIT_P(bit_binary(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), '|')); }
Datum bitxor(PG_FUNCTION_ARGS) { PG_RETURN_VARBIT_P(bit_binary(PG_GETARG_VARBIT_P(0), PG_GETARG_VARBIT_P(1), '#')); }

Datum
bitnot(PG_FUNCTION_ARGS)
{
    VarBit     *arg = PG_GETARG_VARBIT_P(0);
    VarBit     *result = varbit_alloc(VARBITLEN(arg), false);

    for (int i = 0; i < VARBITBYTES(arg); i++)
        VARBITS(result)[i] = ~VARBITS(arg)[i];
    varbit_pad(result);
    PG_RETURN_VARBIT_P(result);
}

/* Shift left by shft bits (negative: right), keeping the length; zeros come in. */
static VarBit *
bit_shift(VarBit *arg, int32 shft)
{
    int         bitlen = VARBITLEN(arg);
    VarBit     *result = varbit_alloc(bitlen, true);

    /* bit i of the result is bit i + shft of the argument */
    if (shft >= bitlen || shft <= -bitlen)
        return result;
    for (int i = 0; i < bitlen; i++)
    {
        int         src = i + shft;

        if (src >= 0 && src < bitlen && bit_at(arg, src))
            VARBITS(result)[i / BITS_PER_BYTE] |= 1 << (BITS_PER_BYTE - 1 - i % BITS_PER_BYTE);
    }
    return result;
}

Datum
bitshiftleft(PG_FUNCTION_ARGS)
{
    int32       shft = PG_GETARG_INT32(1);

    if (shft < -VARBITMAXLEN)
        shft = -VARBITMAXLEN;
    PG_RETURN_VARBIT_P(bit_shift(PG_GETARG_VARBIT_P(0), shft));
}

Datum
bitshiftright(PG_FUNCTION_ARGS)
{
    int32       shft = PG_GETARG_INT32(1);

    if (shft < -VARBITMAXLEN)
        shft = -VARBITMAXLEN;
    PG_RETURN_VARBIT_P(bit_shift(PG_GETARG_VARBIT_P(0), -shft));
}

/* ---------------------------------------------------------------- integer conversions */

/*
 * An integer as a bit(typmod) string (default bit(1)): the low typmod bits
 * of its two's complement, sign-extended when typmod exceeds its width.
 */
static VarBit *
bit_from_int64(int64 a, int srcbits, int32 typmod)
{
    VarBit     *result;

    if (typmod <= 0 || typmod > VARBITMAXLEN)
        typmod = 1;
    result = varbit_alloc(typmod, true);
    for (int i = 0; i < typmod; i++)
    {
        /* result bit i (from the left) is source bit typmod-1-i from the right */
        int         srcbit = typmod - 1 - i;
        int         b = srcbit >= srcbits ? (a < 0) : (int) ((a >> srcbit) & 1);

        if (b)
            VARBITS(result)[i / BITS_PER_BYTE] |= 1 << (BITS_PER_BYTE - 1 - i % BITS_PER_BYTE);
    }
    return result;
}

Datum
bitfromint4(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(bit_from_int64(PG_GETARG_INT32(0), 32, PG_GETARG_INT32(1)));
}

Datum
bitfromint8(PG_FUNCTION_ARGS)
{
    PG_RETURN_VARBIT_P(bit_from_int64(PG_GETARG_INT64(0), 64, PG_GETARG_INT32(1)));
}

static uint64
bit_to_uint64(VarBit *arg, int maxbits, const char *overflow_msg)
{
    uint64      result = 0;

    if (VARBITLEN(arg) > maxbits)
        ereport(ERROR,
                (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                 errmsg("%s", overflow_msg)));
    for (bits8 *r = VARBITS(arg); r < VARBITEND(arg); r++)
        result = (result << BITS_PER_BYTE) | *r;
    return result >> VARBITPAD(arg);
}

Datum
bittoint4(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) (uint32) bit_to_uint64(PG_GETARG_VARBIT_P(0), 32, "integer out of range"));
}

Datum
bittoint8(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64((int64) bit_to_uint64(PG_GETARG_VARBIT_P(0), 64, "bigint out of range"));
}
