/*-------------------------------------------------------------------------
 * like.c
 *    LIKE, ILIKE and their negations for text, bpchar, name and bytea;
 *    like_escape (the ESCAPE clause); and the translation of SQL's
 *    SIMILAR TO patterns into regular expressions (similar_to_escape),
 *    which the parser wraps as  string ~ similar_to_escape(pattern, esc).
 *
 * Matching is PostgreSQL's like_match.c MatchText: a left-to-right scan
 * where '%' recurses only at text positions whose character equals the
 * next literal pattern character, and which gives up early (LIKE_ABORT)
 * once the text is exhausted, so the cost stays polynomial.  Text is
 * UTF-8 and matched by character ('_' consumes one character); bytea is
 * matched by byte.  Within the matcher the escape character is always
 * '\': an ESCAPE clause is applied first by like_escape, which rewrites
 * the pattern (PostgreSQL's do_like_escape).
 *
 * ILIKE is LIKE applied to lower(string) and lower(pattern), as
 * PostgreSQL does for multibyte encodings; lower() under the C collation
 * folds ASCII letters only, and so does this file.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"

#define LIKE_TRUE   1
#define LIKE_FALSE  0
#define LIKE_ABORT  (-1)

/* ---------------------------------------------------------------- matcher */

static inline int
utf8_charlen(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

static void
like_bad_escape(void)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE),
            errmsg("LIKE pattern must not end with escape character"));
}

/*
 * Match text t (tlen bytes) against pattern p.  bytewise: '_' consumes one
 * byte (bytea) rather than one UTF-8 character.
 */
static int
match_text(const char *t, int tlen, const char *p, int plen, bool bytewise)
{
#define NEXT_BYTE(s, l)  ((s)++, (l)--)
#define NEXT_CHAR(s, l) \
    do { int n_ = bytewise ? 1 : Min(utf8_charlen((unsigned char) *(s)), (l)); \
         (s) += n_; (l) -= n_; } while (0)

    if (plen == 1 && *p == '%')
        return LIKE_TRUE;

    while (tlen > 0 && plen > 0)
    {
        if (*p == '\\')
        {
            /* the next pattern byte matches literally */
            NEXT_BYTE(p, plen);
            if (plen <= 0)
                like_bad_escape();
            if (*p != *t)
                return LIKE_FALSE;
        }
        else if (*p == '%')
        {
            char firstpat;

            /* any run of %s and N _s is "at least N characters" */
            NEXT_BYTE(p, plen);
            while (plen > 0)
            {
                if (*p == '%')
                    NEXT_BYTE(p, plen);
                else if (*p == '_')
                {
                    if (tlen <= 0)
                        return LIKE_ABORT;
                    NEXT_CHAR(t, tlen);
                    NEXT_BYTE(p, plen);
                }
                else
                    break;
            }
            if (plen <= 0)
                return LIKE_TRUE;

            if (*p == '\\')
            {
                if (plen < 2)
                    like_bad_escape();
                firstpat = p[1];
            }
            else
                firstpat = *p;

            while (tlen > 0)
            {
                if (*t == firstpat)
                {
                    int matched = match_text(t, tlen, p, plen, bytewise);

                    if (matched != LIKE_FALSE)
                        return matched;
                }
                NEXT_CHAR(t, tlen);
            }
            return LIKE_ABORT;
        }
        else if (*p == '_')
        {
            NEXT_CHAR(t, tlen);
            NEXT_BYTE(p, plen);
            continue;
        }
        else if (*p != *t)
            return LIKE_FALSE;

        /*
         * Bytewise advance is safe here: we are not right after a wildcard,
         * so t and p are at the same offset within a character.
         */
        NEXT_BYTE(t, tlen);
        NEXT_BYTE(p, plen);
    }

    if (tlen > 0)
        return LIKE_FALSE;
    while (plen > 0 && *p == '%')
        NEXT_BYTE(p, plen);
    if (plen <= 0)
        return LIKE_TRUE;
    return LIKE_ABORT;
#undef NEXT_BYTE
#undef NEXT_CHAR
}

/* A palloc'd copy of s with ASCII letters lowered (lower() under C). */
static char *
ascii_lower(const char *s, int len)
{
    char *r = palloc(len + 1);

    for (int i = 0; i < len; i++)
        r[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + ('a' - 'A') : s[i];
    r[len] = '\0';
    return r;
}

static bool
like(const char *s, int slen, text *pat)
{
    return match_text(s, slen, VARDATA_ANY(pat), VARSIZE_ANY_EXHDR(pat), false) == LIKE_TRUE;
}

static bool
iclike(const char *s, int slen, text *pat)
{
    int     plen = VARSIZE_ANY_EXHDR(pat);
    char   *ls = ascii_lower(s, slen);
    char   *lp = ascii_lower(VARDATA_ANY(pat), plen);
    bool    r = match_text(ls, slen, lp, plen, false) == LIKE_TRUE;

    pfree(ls);
    pfree(lp);
    return r;
}

/* ---------------------------------------------------------------- text, bpchar, name */

#define TXT(n) PG_GETARG_TEXT_PP(n)
#define TXTDATA(t) VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)

/* textlike also serves bpcharlike: char(n)'s padding takes part. */
Datum
textlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(like(TXTDATA(TXT(0)), TXT(1)));
}

Datum
textnlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!like(TXTDATA(TXT(0)), TXT(1)));
}

Datum
texticlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(iclike(TXTDATA(TXT(0)), TXT(1)));
}

Datum
texticnlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!iclike(TXTDATA(TXT(0)), TXT(1)));
}

#define NAMEDATA(n) NameStr(*PG_GETARG_NAME(n)), (int) strlen(NameStr(*PG_GETARG_NAME(n)))

Datum
namelike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(like(NAMEDATA(0), TXT(1)));
}

Datum
namenlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!like(NAMEDATA(0), TXT(1)));
}

Datum
nameiclike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(iclike(NAMEDATA(0), TXT(1)));
}

Datum
nameicnlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!iclike(NAMEDATA(0), TXT(1)));
}

/* ---------------------------------------------------------------- bytea */

static bool
bytea_like(bytea *s, bytea *p)
{
    return match_text(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s),
                      VARDATA_ANY(p), VARSIZE_ANY_EXHDR(p), true) == LIKE_TRUE;
}

Datum
bytealike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(bytea_like(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1)));
}

Datum
byteanlike(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!bytea_like(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1)));
}

/* ---------------------------------------------------------------- ESCAPE */

/*
 * Rewrite pattern pat so that its escape character is esc (empty: none)
 * into the '\'-escaped form the matcher reads.  bytewise for bytea.
 */
static varlena *
do_like_escape(varlena *pat, varlena *esc, bool bytewise)
{
    const char *p = VARDATA_ANY(pat);
    int         plen = VARSIZE_ANY_EXHDR(pat);
    const char *e = VARDATA_ANY(esc);
    int         elen = VARSIZE_ANY_EXHDR(esc);
    varlena    *result = palloc(plen * 2 + VARHDRSZ);
    char       *r = VARDATA(result);
    int         esclen;
    bool        afterescape = false;

    if (elen == 0)
    {
        /* no escape character: backslashes become ordinary */
        while (plen > 0)
        {
            if (*p == '\\')
                *r++ = '\\';
            *r++ = *p++;
            plen--;
        }
        SET_VARSIZE(result, r - (char *) result);
        return result;
    }

    esclen = bytewise ? 1 : Min(utf8_charlen((unsigned char) *e), elen);
    if (esclen != elen)
        ereport(ERROR, errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE),
                errmsg("invalid escape string"),
                errhint("Escape string must be empty or one character."));
    if (*e == '\\')
    {
        memcpy(result, pat, VARSIZE_ANY(pat));
        return result;
    }

    /* escape -> '\'; a literal '\' doubles unless it is the escaped char */
    while (plen > 0)
    {
        int clen = bytewise ? 1 : Min(utf8_charlen((unsigned char) *p), plen);

        if (clen == esclen && memcmp(p, e, clen) == 0 && !afterescape)
        {
            *r++ = '\\';
            afterescape = true;
        }
        else if (*p == '\\')
        {
            *r++ = '\\';
            if (!afterescape)
                *r++ = '\\';
            afterescape = false;
        }
        else
        {
            memcpy(r, p, clen);
            r += clen;
            afterescape = false;
        }
        p += clen;
        plen -= clen;
    }
    SET_VARSIZE(result, r - (char *) result);
    return result;
}

Datum
like_escape(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(do_like_escape(TXT(0), TXT(1), false));
}

Datum
like_escape_bytea(PG_FUNCTION_ARGS)
{
    PG_RETURN_BYTEA_P(do_like_escape(PG_GETARG_BYTEA_PP(0), PG_GETARG_BYTEA_PP(1), true));
}

/* ---------------------------------------------------------------- SIMILAR TO */

/*
 * Translate a SIMILAR TO pattern into an ARE (PostgreSQL's
 * similar_escape_internal): the result is anchored as ^(?: ... )$;
 * % -> .*, _ -> ., ( -> (?:, the ARE specials . ^ $ \ are escaped, and
 * escape-double-quote separators split the pattern into three parts
 * ^(?:part1){1,1}?(part2){1,1}(?:part3)$ so that substring(... similar
 * ...) returns part2 with part1 and part3 matching as little as possible.
 * esc NULL means the default escape '\'; an empty esc means none.
 */
static text *
similar_escape_internal(text *pat_text, text *esc_text)
{
    const char *p = VARDATA_ANY(pat_text);
    int         plen = VARSIZE_ANY_EXHDR(pat_text);
    const char *e;
    int         elen;
    text       *result;
    char       *r;
    bool        afterescape = false;
    bool        incharclass = false;
    int         nquotes = 0;

    if (esc_text == NULL)
    {
        e = "\\";
        elen = 1;
    }
    else
    {
        e = VARDATA_ANY(esc_text);
        elen = VARSIZE_ANY_EXHDR(esc_text);
        if (elen == 0)
            e = NULL;
        else if (elen > 1 && pg_mbstrlen_with_len(e, elen) > 1)
            ereport(ERROR, errcode(ERRCODE_INVALID_ESCAPE_SEQUENCE),
                    errmsg("invalid escape string"),
                    errhint("Escape string must be empty or one character."));
    }

    result = palloc(VARHDRSZ + 23 + 3 * (Size) plen);
    r = VARDATA(result);
    memcpy(r, "^(?:", 4);
    r += 4;

    while (plen > 0)
    {
        char pchar = *p;

        /* multibyte escape character: compare whole characters */
        if (elen > 1)
        {
            int mblen = Min(utf8_charlen((unsigned char) *p), plen);

            if (mblen > 1)
            {
                if (afterescape)
                {
                    *r++ = '\\';
                    memcpy(r, p, mblen);
                    r += mblen;
                    afterescape = false;
                }
                else if (e && elen == mblen && memcmp(e, p, mblen) == 0)
                    afterescape = true;
                else
                {
                    memcpy(r, p, mblen);
                    r += mblen;
                }
                p += mblen;
                plen -= mblen;
                continue;
            }
        }

        if (afterescape)
        {
            if (pchar == '"' && !incharclass)
            {
                if (nquotes == 0)
                {
                    memcpy(r, "){1,1}?(", 8);
                    r += 8;
                }
                else if (nquotes == 1)
                {
                    memcpy(r, "){1,1}(?:", 9);
                    r += 9;
                }
                else
                    ereport(ERROR, errcode(ERRCODE_INVALID_USE_OF_ESCAPE_CHARACTER),
                            errmsg("SQL regular expression may not contain more than two escape-double-quote separators"));
                nquotes++;
            }
            else
            {
                *r++ = '\\';
                *r++ = pchar;
            }
            afterescape = false;
        }
        else if (e && pchar == *e)
            afterescape = true;
        else if (incharclass)
        {
            if (pchar == '\\')
                *r++ = '\\';
            *r++ = pchar;
            if (pchar == ']')
                incharclass = false;
        }
        else if (pchar == '[')
        {
            *r++ = pchar;
            incharclass = true;
        }
        else if (pchar == '%')
        {
            *r++ = '.';
            *r++ = '*';
        }
        else if (pchar == '_')
            *r++ = '.';
        else if (pchar == '(')
        {
            memcpy(r, "(?:", 3);
            r += 3;
        }
        else if (pchar == '\\' || pchar == '.' || pchar == '^' || pchar == '$')
        {
            *r++ = '\\';
            *r++ = pchar;
        }
        else
            *r++ = pchar;
        p++;
        plen--;
    }
    *r++ = ')';
    *r++ = '$';
    SET_VARSIZE(result, r - (char *) result);
    return result;
}

Datum
similar_to_escape_2(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(similar_escape_internal(TXT(0), TXT(1)));
}

Datum
similar_to_escape_1(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(similar_escape_internal(TXT(0), NULL));
}

/* The pre-13 non-strict form: ESCAPE NULL means the default escape. */
Datum
similar_escape(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(similar_escape_internal(TXT(0), PG_ARGISNULL(1) ? NULL : TXT(1)));
}
