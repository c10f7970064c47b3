/*-------------------------------------------------------------------------
 * varchar.c
 *    character varying(n) and character(n) (bpchar): input with length
 *    checks, the length-coercion functions varchar(varchar, int4, bool) and
 *    bpchar(bpchar, int4, bool) that implement assignment and explicit
 *    casts to a typmod, typmodin/typmodout, and bpchar's blank-insensitive
 *    comparison, hashing and length functions.
 *
 * Semantics are PostgreSQL's (SQL standard):
 *  - typmod is VARHDRSZ + n, n counted in characters (UTF-8 here).
 *  - Too long a value is an error ("value too long for type character
 *    varying(3)", 22001) unless the excess is all spaces, which are cut;
 *    an explicit cast truncates silently.
 *  - char(n) pads with spaces to n characters; its trailing spaces are
 *    insignificant in comparison, hashing, length() and the cast to text
 *    (rtrim1).  Without a typmod, bpchar keeps the value as given.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"

#define MaxAttrSize (10 * 1024 * 1024)

/* ---------------------------------------------------------------- typmods */

static int32
anychar_typmodin(AdtArray *ta, const char *typename)
{
    int    n;
    int32 *tl = adt_typmod_integers(ta, &n);

    if (n != 1)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid type modifier"));
    if (*tl < 1)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("length for type %s must be at least 1", typename));
    if (*tl > MaxAttrSize)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("length for type %s cannot exceed %d", typename, MaxAttrSize));
    return VARHDRSZ + *tl;
}

static char *
anychar_typmodout(int32 typmod)
{
    if (typmod > VARHDRSZ)
        return psprintf("(%d)", (int) (typmod - VARHDRSZ));
    return pstrdup("");
}

Datum bpchartypmodin(PG_FUNCTION_ARGS)  { PG_RETURN_INT32(anychar_typmodin((AdtArray *) PG_GETARG_POINTER(0), "char")); }
Datum bpchartypmodout(PG_FUNCTION_ARGS) { PG_RETURN_CSTRING(anychar_typmodout(PG_GETARG_INT32(0))); }
Datum varchartypmodin(PG_FUNCTION_ARGS) { PG_RETURN_INT32(anychar_typmodin((AdtArray *) PG_GETARG_POINTER(0), "varchar")); }
Datum varchartypmodout(PG_FUNCTION_ARGS) { PG_RETURN_CSTRING(anychar_typmodout(PG_GETARG_INT32(0))); }

/* ---------------------------------------------------------------- bpchar */

/* Byte length without trailing spaces. */
int
bpchar_truelen(const char *s, int len)
{
    while (len > 0 && s[len - 1] == ' ')
        len--;
    return len;
}

/* A bpchar of s[0..len) for typmod: checked, cut or padded to n characters. */
static BpChar *
bpchar_input(const char *s, size_t len, int32 atttypmod)
{
    BpChar *result;
    size_t  maxlen;

    if (atttypmod < (int32) VARHDRSZ)
        maxlen = len;
    else
    {
        size_t charlen = pg_mbstrlen_with_len(s, len);

        maxlen = atttypmod - VARHDRSZ;
        if (charlen > maxlen)
        {
            size_t mbmaxlen = pg_mbcharcliplen(s, len, maxlen);

            for (size_t j = mbmaxlen; j < len; j++)
                if (s[j] != ' ')
                    ereport(ERROR, errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                            errmsg("value too long for type character(%d)", (int) maxlen));
            maxlen = len = mbmaxlen;
        }
        else
            maxlen = len + (maxlen - charlen);     /* bytes, after padding */
    }
    result = (BpChar *) palloc(maxlen + VARHDRSZ);
    SET_VARSIZE(result, maxlen + VARHDRSZ);
    memcpy(VARDATA(result), s, len);
    if (maxlen > len)
        memset(VARDATA(result) + len, ' ', maxlen - len);
    return result;
}

Datum
bpcharin(PG_FUNCTION_ARGS)
{
    char *s = PG_GETARG_CSTRING(0);

    PG_RETURN_BPCHAR_P(bpchar_input(s, strlen(s), PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1));
}

Datum
bpcharout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_BPCHAR_PP(0)));
}

Datum
bpcharrecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int32   typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
    int     nbytes;
    char   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

    PG_RETURN_BPCHAR_P(bpchar_input(str, nbytes, typmod));
}

Datum
bpcharsend(PG_FUNCTION_ARGS)
{
    BpChar *t = PG_GETARG_BPCHAR_PP(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* bpchar(bpchar, int4, bool): cast to char(n); explicit casts truncate silently */
Datum
bpchar(PG_FUNCTION_ARGS)
{
    BpChar *source = PG_GETARG_BPCHAR_PP(0);
    int32   maxlen = PG_GETARG_INT32(1);
    bool    isExplicit = PG_GETARG_BOOL(2);
    BpChar *result;
    int     len, charlen;
    char   *s;

    if (maxlen < (int32) VARHDRSZ)
        PG_RETURN_BPCHAR_P(source);
    maxlen -= VARHDRSZ;
    len = VARSIZE_ANY_EXHDR(source);
    s = VARDATA_ANY(source);
    charlen = pg_mbstrlen_with_len(s, len);
    if (charlen == maxlen)
        PG_RETURN_BPCHAR_P(source);

    if (charlen > maxlen)
    {
        int maxmblen = pg_mbcharcliplen(s, len, maxlen);

        if (!isExplicit)
            for (int i = maxmblen; i < len; i++)
                if (s[i] != ' ')
                    ereport(ERROR, errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                            errmsg("value too long for type character(%d)", maxlen));
        len = maxmblen;
        maxlen = len;               /* now a byte length */
    }
    else
        maxlen = len + (maxlen - charlen);

    result = (BpChar *) palloc(maxlen + VARHDRSZ);
    SET_VARSIZE(result, maxlen + VARHDRSZ);
    memcpy(VARDATA(result), s, len);
    if (maxlen > len)
        memset(VARDATA(result) + len, ' ', maxlen - len);
    PG_RETURN_BPCHAR_P(result);
}

/* "char" -> char(1) */
Datum
char_bpchar(PG_FUNCTION_ARGS)
{
    BpChar *result = (BpChar *) palloc(VARHDRSZ + 1);

    SET_VARSIZE(result, VARHDRSZ + 1);
    *(VARDATA(result)) = PG_GETARG_CHAR(0);
    PG_RETURN_BPCHAR_P(result);
}

/*
 * rtrim1: text without trailing spaces.  The cast from char(n) to text
 * and varchar uses it, which is how char(n)'s padding disappears.
 */
Datum
rtrim1(PG_FUNCTION_ARGS)
{
    text *t = PG_GETARG_TEXT_PP(0);

    PG_RETURN_TEXT_P(cstring_to_text_with_len(VARDATA_ANY(t),
                                              bpchar_truelen(VARDATA_ANY(t),
                                                             VARSIZE_ANY_EXHDR(t))));
}

static inline int
bpchar_cmp(BpChar *a, BpChar *b)
{
    return varstr_cmp(VARDATA_ANY(a), bpchar_truelen(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a)),
                      VARDATA_ANY(b), bpchar_truelen(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

static inline bool
bpchar_equal(BpChar *a, BpChar *b)
{
    int len1 = bpchar_truelen(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a));
    int len2 = bpchar_truelen(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));

    return len1 == len2 && memcmp(VARDATA_ANY(a), VARDATA_ANY(b), len1) == 0;
}

#define BPC(n) PG_GETARG_BPCHAR_PP(n)

Datum bpchareq(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(bpchar_equal(BPC(0), BPC(1))); }
Datum bpcharne(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(!bpchar_equal(BPC(0), BPC(1))); }
Datum bpcharlt(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) < 0); }
Datum bpcharle(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) <= 0); }
Datum bpchargt(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) > 0); }
Datum bpcharge(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) >= 0); }
Datum bpcharcmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(bpchar_cmp(BPC(0), BPC(1))); }

/* bpchar_pattern_ops: bytewise, also ignoring trailing spaces */
Datum bpchar_pattern_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) < 0); }
Datum bpchar_pattern_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) <= 0); }
Datum bpchar_pattern_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) > 0); }
Datum bpchar_pattern_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(bpchar_cmp(BPC(0), BPC(1)) >= 0); }
Datum btbpchar_pattern_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(bpchar_cmp(BPC(0), BPC(1))); }

Datum
bpchar_larger(PG_FUNCTION_ARGS)
{
    BpChar *a = BPC(0), *b = BPC(1);

    PG_RETURN_BPCHAR_P(bpchar_cmp(a, b) >= 0 ? a : b);
}

Datum
bpchar_smaller(PG_FUNCTION_ARGS)
{
    BpChar *a = BPC(0), *b = BPC(1);

    PG_RETURN_BPCHAR_P(bpchar_cmp(a, b) <= 0 ? a : b);
}

Datum
hashbpchar(PG_FUNCTION_ARGS)
{
    BpChar *key = BPC(0);

    return hash_any((const unsigned char *) VARDATA_ANY(key),
                    bpchar_truelen(VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)));
}

Datum
hashbpcharextended(PG_FUNCTION_ARGS)
{
    BpChar *key = BPC(0);

    return hash_any_extended((const unsigned char *) VARDATA_ANY(key),
                             bpchar_truelen(VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key)),
                             PG_GETARG_INT64(1));
}

/* length(char(n)): characters, not counting the padding */
Datum
bpcharlen(PG_FUNCTION_ARGS)
{
    BpChar *arg = BPC(0);

    PG_RETURN_INT32(pg_mbstrlen_with_len(VARDATA_ANY(arg),
                                         bpchar_truelen(VARDATA_ANY(arg), VARSIZE_ANY_EXHDR(arg))));
}

/* octet_length(char(n)) counts the padding */
Datum
bpcharoctetlen(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(VARSIZE_ANY_EXHDR(BPC(0)));
}

/* ---------------------------------------------------------------- varchar */

static VarChar *
varchar_input(const char *s, size_t len, int32 atttypmod)
{
    size_t maxlen = atttypmod - VARHDRSZ;

    /* byte length bounds character length: only then count characters */
    if (atttypmod >= (int32) VARHDRSZ && len > maxlen)
    {
        size_t mbmaxlen = pg_mbcharcliplen(s, len, maxlen);

        for (size_t j = mbmaxlen; j < len; j++)
            if (s[j] != ' ')
                ereport(ERROR, errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                        errmsg("value too long for type character varying(%d)", (int) maxlen));
        len = mbmaxlen;
    }
    return (VarChar *) cstring_to_text_with_len(s, len);
}

Datum
varcharin(PG_FUNCTION_ARGS)
{
    char *s = PG_GETARG_CSTRING(0);

    PG_RETURN_VARCHAR_P(varchar_input(s, strlen(s), PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1));
}

Datum
varcharout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_VARCHAR_PP(0)));
}

Datum
varcharrecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int32   typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
    int     nbytes;
    char   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

    PG_RETURN_VARCHAR_P(varchar_input(str, nbytes, typmod));
}

Datum
varcharsend(PG_FUNCTION_ARGS)
{
    VarChar *t = PG_GETARG_VARCHAR_PP(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* varchar(varchar, int4, bool): cast to varchar(n); explicit casts truncate */
Datum
varchar(PG_FUNCTION_ARGS)
{
    VarChar *source = PG_GETARG_VARCHAR_PP(0);
    int32   typmod = PG_GETARG_INT32(1);
    bool    isExplicit = PG_GETARG_BOOL(2);
    int     len = VARSIZE_ANY_EXHDR(source);
    char   *s = VARDATA_ANY(source);
    int     maxlen = typmod - VARHDRSZ;
    int     maxmblen;

    if (maxlen < 0 || len <= maxlen)
        PG_RETURN_VARCHAR_P(source);
    maxmblen = pg_mbcharcliplen(s, len, maxlen);
    if (!isExplicit)
        for (int i = maxmblen; i < len; i++)
            if (s[i] != ' ')
                ereport(ERROR, errcode(ERRCODE_STRING_DATA_RIGHT_TRUNCATION),
                        errmsg("value too long for type character varying(%d)", maxlen));
    PG_RETURN_VARCHAR_P((VarChar *) cstring_to_text_with_len(s, maxmblen));
}
