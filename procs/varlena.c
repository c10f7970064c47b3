/*-------------------------------------------------------------------------
 * varlena.c
 *    The text type: I/O, concatenation, comparison (C collation: bytewise
 *    memcmp, then length), btree and hash support, length functions,
 *    min/max support, and the "pattern" (always bytewise) comparisons used
 *    by text_pattern_ops.
 *
 * varchar shares these operators (it is binary-coercible to text).
 * Collation: Basalt compares text bytewise for every collation, which is
 * what PostgreSQL does for the "C" and "POSIX" collations and what the
 * regression cluster uses; a collation argument of 0 is accepted.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"

/* ---------------------------------------------------------------- I/O */

Datum
textin(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text(PG_GETARG_CSTRING(0)));
}

Datum
textout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

Datum
textrecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int     nbytes;
    char   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);

    PG_RETURN_TEXT_P(cstring_to_text_with_len(str, nbytes));
}

Datum
textsend(PG_FUNCTION_ARGS)
{
    text   *t = PG_GETARG_TEXT_PP(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- operators */

Datum
textcat(PG_FUNCTION_ARGS)
{
    text   *t1 = PG_GETARG_TEXT_PP(0);
    text   *t2 = PG_GETARG_TEXT_PP(1);
    int     len1 = VARSIZE_ANY_EXHDR(t1);
    int     len2 = VARSIZE_ANY_EXHDR(t2);
    text   *result;

    /* palloc rejects results over 1 GB */
    result = (text *) palloc((Size) len1 + len2 + VARHDRSZ);
    SET_VARSIZE(result, len1 + len2 + VARHDRSZ);
    memcpy(VARDATA(result), VARDATA_ANY(t1), len1);
    memcpy(VARDATA(result) + len1, VARDATA_ANY(t2), len2);
    PG_RETURN_TEXT_P(result);
}

/* Bytewise three-way comparison: memcmp of the common prefix, then length. */
int
varstr_cmp(const char *a, int alen, const char *b, int blen)
{
    int r = memcmp(a, b, Min(alen, blen));

    if (r != 0)
        return r < 0 ? -1 : 1;
    return alen < blen ? -1 : (alen > blen ? 1 : 0);
}

static inline int
text_cmp(text *a, text *b)
{
    return varstr_cmp(VARDATA_ANY(a), VARSIZE_ANY_EXHDR(a),
                      VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
}

static inline bool
text_equal(text *a, text *b)
{
    int len = VARSIZE_ANY_EXHDR(a);

    return len == (int) VARSIZE_ANY_EXHDR(b) &&
           memcmp(VARDATA_ANY(a), VARDATA_ANY(b), len) == 0;
}

#define TXT(n) PG_GETARG_TEXT_PP(n)

Datum texteq(PG_FUNCTION_ARGS)   { PG_RETURN_BOOL(text_equal(TXT(0), TXT(1))); }
Datum textne(PG_FUNCTION_ARGS)   { PG_RETURN_BOOL(!text_equal(TXT(0), TXT(1))); }
Datum text_lt(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) < 0); }
Datum text_le(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) <= 0); }
Datum text_gt(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) > 0); }
Datum text_ge(PG_FUNCTION_ARGS)  { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) >= 0); }
Datum bttextcmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(text_cmp(TXT(0), TXT(1))); }

/* text_pattern_ops: always bytewise, whatever the collation */
Datum text_pattern_lt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) < 0); }
Datum text_pattern_le(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) <= 0); }
Datum text_pattern_gt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) > 0); }
Datum text_pattern_ge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(text_cmp(TXT(0), TXT(1)) >= 0); }
Datum bttext_pattern_cmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(text_cmp(TXT(0), TXT(1))); }

Datum
text_larger(PG_FUNCTION_ARGS)
{
    text *a = TXT(0), *b = TXT(1);

    PG_RETURN_TEXT_P(text_cmp(a, b) > 0 ? a : b);
}

Datum
text_smaller(PG_FUNCTION_ARGS)
{
    text *a = TXT(0), *b = TXT(1);

    PG_RETURN_TEXT_P(text_cmp(a, b) < 0 ? a : b);
}

Datum
hashtext(PG_FUNCTION_ARGS)
{
    text *key = TXT(0);

    return hash_any((const unsigned char *) VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
}

Datum
hashtextextended(PG_FUNCTION_ARGS)
{
    text *key = TXT(0);

    return hash_any_extended((const unsigned char *) VARDATA_ANY(key),
                             VARSIZE_ANY_EXHDR(key), PG_GETARG_INT64(1));
}

/* hash of a varlena's bytes (bytea's hash opclass) */
Datum
hashvarlena(PG_FUNCTION_ARGS)
{
    varlena *key = PG_GETARG_VARLENA_P(0);

    return hash_any((const unsigned char *) VARDATA_ANY(key), VARSIZE_ANY_EXHDR(key));
}

Datum
hashvarlenaextended(PG_FUNCTION_ARGS)
{
    varlena *key = PG_GETARG_VARLENA_P(0);

    return hash_any_extended((const unsigned char *) VARDATA_ANY(key),
                             VARSIZE_ANY_EXHDR(key), PG_GETARG_INT64(1));
}

/* ---------------------------------------------------------------- lengths */

/* length(text): characters, not bytes */
Datum
textlen(PG_FUNCTION_ARGS)
{
    text *t = TXT(0);

    PG_RETURN_INT32(pg_mbstrlen_with_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

Datum
textoctetlen(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(VARSIZE_ANY_EXHDR(TXT(0)));
}
