/*-------------------------------------------------------------------------
 * bytea_funcs.c
 *    Functions on bytea values (PostgreSQL's varlena.c and cryptohashfuncs.c):
 *    substring/substr, position, overlay, btrim/ltrim/rtrim, get_byte,
 *    set_byte, get_bit, set_bit, and the SHA-2 digests.
 *
 * Positions are 1-based and bytes are counted, never characters.
 * substring follows SQL's rule for a start before the value: the
 * requested range [start, start+len) is clipped to [1, length], so
 * substring('\x0102'::bytea, 0, 2) is '\x01'.  Bit n of a bytea is bit
 * n % 8 (least significant first) of byte n / 8, as in PostgreSQL.  The
 * digests use OpenSSL's EVP interface (libcrypto).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <openssl/evp.h>
#include "procs/adt.h"
#include "procs/builtins.h"

static bytea *
bytea_from(const char *data, int len)
{
    bytea      *result = palloc(VARHDRSZ + len);

    SET_VARSIZE(result, VARHDRSZ + len);
    if (len > 0)
        memcpy(VARDATA(result), data, len);
    return result;
}

/* ---------------------------------------------------------------- substring */

/*
 * The bytes of str from 1-based start for len bytes (to the end if
 * !has_len), clipped to the value.  PostgreSQL's bytea_substring.
 */
static bytea *
bytea_substring(bytea *str, int start, int len, bool has_len)
{
    int         total = VARSIZE_ANY_EXHDR(str);
    int         s1 = Max(start, 1);
    int         l1;

    if (!has_len)
        l1 = total;
    else
    {
        int         end;

        if (len < 0)
            ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
                    errmsg("negative substring length not allowed"));
        if (__builtin_add_overflow(start, len, &end))
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("integer out of range"));
        if (end < 1)
            return bytea_from(NULL, 0);
        l1 = end - s1;
    }
    if (s1 > total)
        return bytea_from(NULL, 0);
    l1 = Min(l1, total - (s1 - 1));
    return bytea_from(VARDATA_ANY(str) + s1 - 1, l1);
}

Datum
bytea_substr(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(bytea_substring(PG_GETARG_BYTEA_PP(0), PG_GETARG_INT32(1),
                                      PG_GETARG_INT32(2), true));
}

Datum
bytea_substr_no_len(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(bytea_substring(PG_GETARG_BYTEA_PP(0), PG_GETARG_INT32(1), -1, false));
}

/* position(pattern in str): 1-based offset of the first match, 0 if none */
Datum
byteapos(PG_FUNCTION_ARGS)
{
    bytea      *str = PG_GETARG_BYTEA_PP(0);
    bytea      *pat = PG_GETARG_BYTEA_PP(1);
    int         len1 = VARSIZE_ANY_EXHDR(str);
    int         len2 = VARSIZE_ANY_EXHDR(pat);

    if (len2 <= 0)
        PG_RETURN_INT32(1);
    for (int p = 0; p + len2 <= len1; p++)
        if (memcmp(VARDATA_ANY(str) + p, VARDATA_ANY(pat), len2) == 0)
            PG_RETURN_INT32(p + 1);
    PG_RETURN_INT32(0);
}

/* ---------------------------------------------------------------- overlay */

static bytea *
bytea_overlay(bytea *t1, bytea *t2, int sp, int sl)
{
    bytea      *s1, *s2, *result;
    int         sp_pl_sl, n1, n2, n3;

    if (sp <= 0)
        ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
                errmsg("negative substring length not allowed"));
    if (__builtin_add_overflow(sp, sl, &sp_pl_sl))
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("integer out of range"));
    s1 = bytea_substring(t1, 1, sp - 1, true);
    s2 = bytea_substring(t1, sp_pl_sl, -1, false);
    n1 = VARSIZE_ANY_EXHDR(s1);
    n2 = VARSIZE_ANY_EXHDR(t2);
    n3 = VARSIZE_ANY_EXHDR(s2);
    result = palloc(VARHDRSZ + n1 + n2 + n3);
    SET_VARSIZE(result, VARHDRSZ + n1 + n2 + n3);
    memcpy(VARDATA(result), VARDATA_ANY(s1), n1);
    memcpy(VARDATA(result) + n1, VARDATA_ANY(t2), n2);
    memcpy(VARDATA(result) + n1 + n2, VARDATA_ANY(s2), n3);
    return result;
}

Datum
byteaoverlay(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(bytea_overlay(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1),
                                    PG_GETARG_INT32(2), PG_GETARG_INT32(3)));
}

Datum
byteaoverlay_no_len(PG_FUNCTION_ARGS)
{
    bytea      *t2 = PG_GETARG_BYTEA_PP(1);

    PG_RETURN_BYTEA_P(bytea_overlay(PG_GETARG_BYTEA_PP(0), t2, PG_GETARG_INT32(2),
                                    VARSIZE_ANY_EXHDR(t2)));
}

/* ---------------------------------------------------------------- trim */

/* strip bytes found in set from the left and/or right of str */
static bytea *
bytea_trim(bytea *str, bytea *set, bool left, bool right)
{
    const char *s = VARDATA_ANY(str);
    const char *chars = VARDATA_ANY(set);
    int         setlen = VARSIZE_ANY_EXHDR(set);
    int         b = 0;
    int         e = VARSIZE_ANY_EXHDR(str);

    if (setlen > 0)
    {
        while (left && b < e && memchr(chars, s[b], setlen) != NULL)
            b++;
        while (right && e > b && memchr(chars, s[e - 1], setlen) != NULL)
            e--;
    }
    return bytea_from(s + b, e - b);
}

Datum
byteatrim(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(bytea_trim(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1), true, true));
}

Datum
bytealtrim(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(bytea_trim(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1), true, false));
}

Datum
byteartrim(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(bytea_trim(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1), false, true));
}

/* ---------------------------------------------------------------- bytes and bits */

Datum
byteaGetByte(PG_FUNCTION_ARGS)
{
    bytea      *v = PG_GETARG_BYTEA_PP(0);
    int32       n = PG_GETARG_INT32(1);
    int         len = VARSIZE_ANY_EXHDR(v);

    if (n < 0 || n >= len)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("index %d out of valid range, 0..%d", n, len - 1));
    PG_RETURN_INT32((unsigned char) VARDATA_ANY(v)[n]);
}

Datum
byteaSetByte(PG_FUNCTION_ARGS)
{
    bytea      *v = PG_GETARG_BYTEA_PP(0);
    int32       n = PG_GETARG_INT32(1);
    int32       newbyte = PG_GETARG_INT32(2);
    int         len = VARSIZE_ANY_EXHDR(v);
    bytea      *res;

    if (n < 0 || n >= len)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("index %d out of valid range, 0..%d", n, len - 1));
    res = bytea_from(VARDATA_ANY(v), len);
    VARDATA(res)[n] = (char) newbyte;
    PG_RETURN_BYTEA_P(res);
}

Datum
byteaGetBit(PG_FUNCTION_ARGS)
{
    bytea      *v = PG_GETARG_BYTEA_PP(0);
    int64       n = PG_GETARG_INT64(1);
    int         len = VARSIZE_ANY_EXHDR(v);

    if (n < 0 || n >= (int64) len * 8)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("index %lld out of valid range, 0..%lld",
                       (long long) n, (long long) len * 8 - 1));
    PG_RETURN_INT32((((unsigned char) VARDATA_ANY(v)[n / 8]) >> (n % 8)) & 1);
}

Datum
byteaSetBit(PG_FUNCTION_ARGS)
{
    bytea      *v = PG_GETARG_BYTEA_PP(0);
    int64       n = PG_GETARG_INT64(1);
    int32       newbit = PG_GETARG_INT32(2);
    int         len = VARSIZE_ANY_EXHDR(v);
    bytea      *res;
    unsigned char byte;

    if (n < 0 || n >= (int64) len * 8)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("index %lld out of valid range, 0..%lld",
                       (long long) n, (long long) len * 8 - 1));
    if (newbit != 0 && newbit != 1)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("new bit must be 0 or 1"));
    res = bytea_from(VARDATA_ANY(v), len);
    byte = (unsigned char) VARDATA(res)[n / 8];
    if (newbit)
        byte |= (unsigned char) (1 << (n % 8));
    else
        byte &= (unsigned char) ~(1 << (n % 8));
    VARDATA(res)[n / 8] = (char) byte;
    PG_RETURN_BYTEA_P(res);
}

/* ---------------------------------------------------------------- SHA-2 */

static Datum
sha2_digest(FunctionCallInfo fcinfo, const EVP_MD *md, const char *name)
{
    bytea      *in = PG_GETARG_BYTEA_PP(0);
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int len = 0;

    if (!EVP_Digest(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), buf, &len, md, NULL))
        elog(ERROR, "could not compute %s hash", name);
    PG_RETURN_BYTEA_P(bytea_from((const char *) buf, (int) len));
}

Datum
sha224_bytea(PG_FUNCTION_ARGS)
{
    return sha2_digest(fcinfo, EVP_sha224(), "SHA224");
}

Datum
sha256_bytea(PG_FUNCTION_ARGS)
{
    return sha2_digest(fcinfo, EVP_sha256(), "SHA256");
}

Datum
sha384_bytea(PG_FUNCTION_ARGS)
{
    return sha2_digest(fcinfo, EVP_sha384(), "SHA384");
}

Datum
sha512_bytea(PG_FUNCTION_ARGS)
{
    return sha2_digest(fcinfo, EVP_sha512(), "SHA512");
}
