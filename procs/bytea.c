/*-------------------------------------------------------------------------
 * bytea.c
 *    The bytea type: text input in hex ("\x0a1b") and escape ("a\\b\001")
 *    formats, output in the format chosen by the bytea_output setting
 *    (backend/globals.h; hex by default), binary I/O (the raw bytes), comparison (memcmp,
 *    then length), concatenation and octet_length.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "procs/adt.h"
#include "procs/builtins.h"

static const char hextbl[] = "0123456789abcdef";

static int
get_hex(const char *cp)
{
    unsigned char c = (unsigned char) *cp;

    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    {
        /* report the whole (possibly multibyte) character */
        int len = 1;

        if (c >= 0xC0)
            len = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : 2);
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid hexadecimal digit: \"%.*s\"", len, cp));
    }
}

/* Decode hex pairs (whitespace between pairs allowed) into dst; returns bytes. */
static int
hex_decode(const char *src, size_t len, char *dst)
{
    const char *s = src, *srcend = src + len;
    char *p = dst;

    while (s < srcend)
    {
        int v1, v2;

        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        {
            s++;
            continue;
        }
        v1 = get_hex(s) << 4;
        s++;
        if (s >= srcend)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("invalid hexadecimal data: odd number of digits"));
        v2 = get_hex(s);
        s++;
        *p++ = (char) (v1 | v2);
    }
    return p - dst;
}

Datum
byteain(PG_FUNCTION_ARGS)
{
    char   *input = PG_GETARG_CSTRING(0);
    const char *tp;
    char   *rp;
    bytea  *result;
    int     bc;

    if (input[0] == '\\' && input[1] == 'x')
    {
        size_t len = strlen(input);

        result = (bytea *) palloc((len - 2) / 2 + VARHDRSZ);
        bc = hex_decode(input + 2, len - 2, VARDATA(result));
        SET_VARSIZE(result, bc + VARHDRSZ);
        PG_RETURN_BYTEA_P(result);
    }

    /* escape format: \ooo (first digit 0-3) and \\ are the only escapes */
    for (bc = 0, tp = input; *tp != '\0'; bc++)
    {
        if (tp[0] != '\\')
            tp++;
        else if (tp[1] >= '0' && tp[1] <= '3' && tp[2] >= '0' && tp[2] <= '7' &&
                 tp[3] >= '0' && tp[3] <= '7')
            tp += 4;
        else if (tp[1] == '\\')
            tp += 2;
        else
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("invalid input syntax for type %s", "bytea"));
    }
    result = (bytea *) palloc(bc + VARHDRSZ);
    SET_VARSIZE(result, bc + VARHDRSZ);
    for (tp = input, rp = VARDATA(result); *tp != '\0';)
    {
        if (tp[0] != '\\')
            *rp++ = *tp++;
        else if (tp[1] == '\\')
        {
            *rp++ = '\\';
            tp += 2;
        }
        else
        {
            *rp++ = (char) (((tp[1] - '0') << 6) | ((tp[2] - '0') << 3) | (tp[3] - '0'));
            tp += 4;
        }
    }
    PG_RETURN_BYTEA_P(result);
}

Datum
byteaout(PG_FUNCTION_ARGS)
{
    bytea  *v = PG_GETARG_BYTEA_PP(0);
    const unsigned char *vp = (const unsigned char *) VARDATA_ANY(v);
    int     len = VARSIZE_ANY_EXHDR(v);
    char   *result, *rp;

    if (bytea_output == BYTEA_OUTPUT_HEX)
    {
        rp = result = palloc((Size) len * 2 + 3);
        *rp++ = '\\';
        *rp++ = 'x';
        for (int i = 0; i < len; i++)
        {
            *rp++ = hextbl[vp[i] >> 4];
            *rp++ = hextbl[vp[i] & 0xF];
        }
    }
    else
    {
        Size need = 1;

        for (int i = 0; i < len; i++)
            need += vp[i] == '\\' ? 2 : (vp[i] < 0x20 || vp[i] > 0x7e) ? 4 : 1;
        rp = result = palloc(need);
        for (int i = 0; i < len; i++)
        {
            if (vp[i] == '\\')
            {
                *rp++ = '\\';
                *rp++ = '\\';
            }
            else if (vp[i] < 0x20 || vp[i] > 0x7e)
            {
                *rp++ = '\\';
                *rp++ = '0' + (vp[i] >> 6);
                *rp++ = '0' + ((vp[i] >> 3) & 07);
                *rp++ = '0' + (vp[i] & 07);
            }
            else
                *rp++ = (char) vp[i];
        }
    }
    *rp = '\0';
    PG_RETURN_CSTRING(result);
}

Datum
bytearecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int     nbytes = buf->len - buf->cursor;
    bytea  *result = (bytea *) palloc(nbytes + VARHDRSZ);

    SET_VARSIZE(result, nbytes + VARHDRSZ);
    pq_copymsgbytes(buf, VARDATA(result), nbytes);
    PG_RETURN_BYTEA_P(result);
}

/* The binary form is the bytes themselves: a copy of the value. */
Datum
byteasend(PG_FUNCTION_ARGS)
{
    bytea *v = PG_GETARG_BYTEA_PP(0);
    bytea *result = (bytea *) palloc(VARSIZE_ANY(v));

    memcpy(result, v, VARSIZE_ANY(v));
    PG_RETURN_BYTEA_P(result);
}

static inline int
bytea_cmp(bytea *a, bytea *b)
{
    return varstr_cmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a), VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

static inline bool
bytea_equal(bytea *a, bytea *b)
{
    int len = VARSIZE_ANY_EXHDR(a);

    return len == (int) VARSIZE_ANY_EXHDR(b) && memcmp(VARDATA_ANY(a), VARDATA_ANY(b), len) == 0;
}

#define BY(n) PG_GETARG_BYTEA_PP(n)

Datum byteaeq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bytea_equal(BY(0), BY(1))); }
Datum byteane(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(!bytea_equal(BY(0), BY(1))); }
Datum bytealt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bytea_cmp(BY(0), BY(1)) < 0); }
Datum byteale(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bytea_cmp(BY(0), BY(1)) <= 0); }
Datum byteagt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bytea_cmp(BY(0), BY(1)) > 0); }
Datum byteage(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bytea_cmp(BY(0), BY(1)) >= 0); }
Datum byteacmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(bytea_cmp(BY(0), BY(1))); }

Datum
byteacat(PG_FUNCTION_ARGS)
{
    bytea *a = BY(0), *b = BY(1);
    int    len1 = VARSIZE_ANY_EXHDR(a), len2 = VARSIZE_ANY_EXHDR(b);
    bytea *result = (bytea *) palloc((Size) len1 + len2 + VARHDRSZ);

    SET_VARSIZE(result, len1 + len2 + VARHDRSZ);
    memcpy(VARDATA(result), VARDATA_ANY(a), len1);
    memcpy(VARDATA(result) + len1, VARDATA_ANY(b), len2);
    PG_RETURN_BYTEA_P(result);
}

Datum
byteaoctetlen(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(VARSIZE_ANY_EXHDR(BY(0)));
}
