/*-------------------------------------------------------------------------
 * string_funcs.c
 *    PostgreSQL's string functions on text: substring/substr, overlay,
 *    position/strpos, replace, split_part, lpad/rpad, btrim/ltrim/rtrim,
 *    upper/lower/initcap, left/right, repeat, reverse, translate,
 *    starts_with, chr/ascii, to_hex, and the string_agg aggregate's
 *    transition and final functions (text and bytea).
 *
 * The text type itself (I/O, ||, comparison, length, octet_length) is in
 * varlena.c; rtrim1 (rtrim(text), the char(n) -> text cast) in varchar.c;
 * format(), concat() and quoting in format.c; encode/decode/md5 in
 * encode.c.
 *
 * Invariants and conventions (PostgreSQL's, src/backend/utils/adt/
 * varlena.c and oracle_compat.c):
 *  - Text is UTF-8; positions, lengths and padding count characters.
 *    Searching for a substring may compare bytes, because UTF-8 is
 *    self-synchronising: a match of valid UTF-8 begins on a character.
 *  - Case mapping is the C collation's: ASCII letters only (what the
 *    regression database, created with locale C, shows).
 *  - Results that could exceed 1 GB raise 54000 "requested length too
 *    large" before allocating, sized at the worst case of 4 bytes per
 *    character as PostgreSQL does for UTF-8.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "procs/adt.h"

#define MAX_UTF8_CHAR 4     /* pg_database_encoding_max_length() for UTF8 */

static inline int
utf8_len(const char *s, int remaining)
{
    unsigned char c = (unsigned char) *s;
    int         l = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
                    (c & 0xF8) == 0xF0 ? 4 : 1;

    return Min(l, remaining);
}

/* Byte length of the first n (>= 0) characters, clipped to the string. */
static int
char_prefix_bytes(const char *s, int len, int n)
{
    if (n <= 0)
        return 0;
    return pg_mbcharcliplen(s, len, n);
}

static void
length_too_large(void)
{
    ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
            errmsg("requested length too large"));
}

/* ---------------------------------------------------------------- substring */

/*
 * substring(str from start [for length]) with SQL's rules: start may be
 * zero or negative (the window is [start, start+length) intersected with
 * the string); a negative length is an error; overflow of start+length
 * means "to the end".
 */
static text *
text_substring(text *str, int32 start, int32 length, bool length_not_specified)
{
    const char *p = VARDATA_ANY(str);
    int         len = VARSIZE_ANY_EXHDR(str);
    int32       S1 = Max(start, 1);
    int32       L1;
    int32       E;
    int         from;
    int         nbytes;

    if (length_not_specified)
        L1 = -1;
    else if (length < 0)
        ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
                errmsg("negative substring length not allowed"));
    else if (__builtin_add_overflow(start, length, &E))
        L1 = -1;
    else
    {
        if (E < 1)
            return cstring_to_text("");
        L1 = E - S1;
    }

    from = char_prefix_bytes(p, len, S1 - 1);
    if (from >= len)
        return cstring_to_text("");
    nbytes = L1 < 0 ? len - from : char_prefix_bytes(p + from, len - from, L1);
    return cstring_to_text_with_len(p + from, nbytes);
}

Datum
text_substr(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(text_substring(PG_GETARG_TEXT_PP(0), PG_GETARG_INT32(1),
                                    PG_GETARG_INT32(2), false));
}

Datum
text_substr_no_len(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(text_substring(PG_GETARG_TEXT_PP(0), PG_GETARG_INT32(1), -1, true));
}

static text *
text_cat3(text *a, text *b, text *c)
{
    int     la = VARSIZE_ANY_EXHDR(a);
    int     lb = VARSIZE_ANY_EXHDR(b);
    int     lc = c ? VARSIZE_ANY_EXHDR(c) : 0;
    text   *r;

    if ((Size) la + lb + lc + VARHDRSZ > MaxAllocSize)
        length_too_large();
    r = palloc(VARHDRSZ + la + lb + lc);
    SET_VARSIZE(r, VARHDRSZ + la + lb + lc);
    memcpy(VARDATA(r), VARDATA_ANY(a), la);
    memcpy(VARDATA(r) + la, VARDATA_ANY(b), lb);
    if (c)
        memcpy(VARDATA(r) + la + lb, VARDATA_ANY(c), lc);
    return r;
}

/* overlay(t1 placing t2 from sp [for sl]) = substr(t1,1,sp-1) || t2 || substr(t1,sp+sl) */
static text *
text_overlay(text *t1, text *t2, int sp, int sl)
{
    int sp_pl_sl;

    if (sp <= 0)
        ereport(ERROR, errcode(ERRCODE_SUBSTRING_ERROR),
                errmsg("negative substring length not allowed"));
    if (__builtin_add_overflow(sp, sl, &sp_pl_sl))
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("integer out of range"));
    return text_cat3(text_substring(t1, 1, sp - 1, false), t2,
                     text_substring(t1, sp_pl_sl, -1, true));
}

Datum
textoverlay(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(text_overlay(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1),
                                  PG_GETARG_INT32(2), PG_GETARG_INT32(3)));
}

Datum
textoverlay_no_len(PG_FUNCTION_ARGS)
{
    text *t2 = PG_GETARG_TEXT_PP(1);

    PG_RETURN_TEXT_P(text_overlay(PG_GETARG_TEXT_PP(0), t2, PG_GETARG_INT32(2),
                                  pg_mbstrlen_with_len(VARDATA_ANY(t2), VARSIZE_ANY_EXHDR(t2))));
}

Datum
text_left(PG_FUNCTION_ARGS)
{
    text       *str = PG_GETARG_TEXT_PP(0);
    int         n = PG_GETARG_INT32(1);
    const char *p = VARDATA_ANY(str);
    int         len = VARSIZE_ANY_EXHDR(str);

    if (n < 0)
        n = pg_mbstrlen_with_len(p, len) + n;
    PG_RETURN_TEXT_P(cstring_to_text_with_len(p, char_prefix_bytes(p, len, n)));
}

Datum
text_right(PG_FUNCTION_ARGS)
{
    text       *str = PG_GETARG_TEXT_PP(0);
    int         n = PG_GETARG_INT32(1);
    const char *p = VARDATA_ANY(str);
    int         len = VARSIZE_ANY_EXHDR(str);
    int         off;

    if (n < 0)
        n = -n;
    else
        n = pg_mbstrlen_with_len(p, len) - n;
    off = char_prefix_bytes(p, len, n);
    PG_RETURN_TEXT_P(cstring_to_text_with_len(p + off, len - off));
}

/* ---------------------------------------------------------------- searching */

/* Byte offset of needle in hay at or after `from`, or -1. */
static int
find_bytes(const char *hay, int haylen, int from, const char *needle, int nlen)
{
    const char *r;

    if (nlen == 0 || haylen - from < nlen)
        return -1;
    r = memmem(hay + from, haylen - from, needle, nlen);
    return r ? (int) (r - hay) : -1;
}

/* position(t2 in t1), strpos(t1, t2): 1-based character position, 0 if absent */
Datum
textpos(PG_FUNCTION_ARGS)
{
    text   *t1 = PG_GETARG_TEXT_PP(0);
    text   *t2 = PG_GETARG_TEXT_PP(1);
    int     off;

    if (VARSIZE_ANY_EXHDR(t2) < 1)
        PG_RETURN_INT32(1);
    off = find_bytes(VARDATA_ANY(t1), VARSIZE_ANY_EXHDR(t1), 0, VARDATA_ANY(t2),
                     VARSIZE_ANY_EXHDR(t2));
    if (off < 0)
        PG_RETURN_INT32(0);
    PG_RETURN_INT32(pg_mbstrlen_with_len(VARDATA_ANY(t1), off) + 1);
}

Datum
text_starts_with(PG_FUNCTION_ARGS)
{
    text   *t1 = PG_GETARG_TEXT_PP(0);
    text   *t2 = PG_GETARG_TEXT_PP(1);
    int     len2 = VARSIZE_ANY_EXHDR(t2);

    PG_RETURN_BOOL(len2 <= (int) VARSIZE_ANY_EXHDR(t1) &&
                   memcmp(VARDATA_ANY(t1), VARDATA_ANY(t2), len2) == 0);
}

/* replace(src, from, to): every non-overlapping occurrence, left to right */
Datum
replace_text(PG_FUNCTION_ARGS)
{
    text       *src = PG_GETARG_TEXT_PP(0);
    text       *from = PG_GETARG_TEXT_PP(1);
    text       *to = PG_GETARG_TEXT_PP(2);
    const char *s = VARDATA_ANY(src);
    int         slen = VARSIZE_ANY_EXHDR(src);
    int         flen = VARSIZE_ANY_EXHDR(from);
    int         pos = 0;
    int         hit;
    StringInfoData buf;
    text       *result;

    if (slen < 1 || flen < 1)
        PG_RETURN_TEXT_P(src);
    hit = find_bytes(s, slen, 0, VARDATA_ANY(from), flen);
    if (hit < 0)
        PG_RETURN_TEXT_P(src);

    initStringInfo(&buf);
    while (hit >= 0)
    {
        CHECK_FOR_INTERRUPTS();
        appendBinaryStringInfo(&buf, s + pos, hit - pos);
        appendBinaryStringInfo(&buf, VARDATA_ANY(to), VARSIZE_ANY_EXHDR(to));
        pos = hit + flen;
        hit = find_bytes(s, slen, pos, VARDATA_ANY(from), flen);
    }
    appendBinaryStringInfo(&buf, s + pos, slen - pos);
    result = cstring_to_text_with_len(buf.data, buf.len);
    pfree(buf.data);
    PG_RETURN_TEXT_P(result);
}

/*
 * split_part(string, delimiter, n): field n (1-based; negative counts
 * from the right, PostgreSQL 14+); "" when there is no such field.
 */
Datum
split_part(PG_FUNCTION_ARGS)
{
    text       *input = PG_GETARG_TEXT_PP(0);
    text       *sep = PG_GETARG_TEXT_PP(1);
    int         fldnum = PG_GETARG_INT32(2);
    const char *s = VARDATA_ANY(input);
    int         slen = VARSIZE_ANY_EXHDR(input);
    const char *d = VARDATA_ANY(sep);
    int         dlen = VARSIZE_ANY_EXHDR(sep);
    int         start = 0;
    int         hit;

    if (fldnum == 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("field position must not be zero"));
    if (slen < 1)
        PG_RETURN_TEXT_P(cstring_to_text(""));
    if (dlen < 1)
        PG_RETURN_TEXT_P(fldnum == 1 || fldnum == -1 ? input : cstring_to_text(""));

    hit = find_bytes(s, slen, 0, d, dlen);
    if (hit < 0)
        PG_RETURN_TEXT_P(fldnum == 1 || fldnum == -1 ? input : cstring_to_text(""));

    if (fldnum < 0)
    {
        int numfields = 2;
        int last = hit;

        for (int h = find_bytes(s, slen, hit + dlen, d, dlen); h >= 0;
             h = find_bytes(s, slen, h + dlen, d, dlen))
        {
            numfields++;
            last = h;
        }
        if (fldnum == -1)
            PG_RETURN_TEXT_P(cstring_to_text_with_len(s + last + dlen, slen - last - dlen));
        fldnum += numfields + 1;
        if (fldnum <= 0)
            PG_RETURN_TEXT_P(cstring_to_text(""));
    }

    /* fields before the hit at `hit` */
    while (hit >= 0 && --fldnum > 0)
    {
        start = hit + dlen;
        hit = find_bytes(s, slen, start, d, dlen);
    }
    if (fldnum > 0)
    {
        /* ran out of separators: the last field, or nothing */
        if (fldnum == 1)
            PG_RETURN_TEXT_P(cstring_to_text_with_len(s + start, slen - start));
        PG_RETURN_TEXT_P(cstring_to_text(""));
    }
    PG_RETURN_TEXT_P(cstring_to_text_with_len(s + start, hit - start));
}

/* ---------------------------------------------------------------- padding */

/* lpad/rpad(string, len, fill): to len characters, truncating if longer */
static text *
pad(text *string, int len, text *fill, bool left)
{
    const char *s = VARDATA_ANY(string);
    int         sbytes = VARSIZE_ANY_EXHDR(string);
    const char *f = VARDATA_ANY(fill);
    int         fbytes = VARSIZE_ANY_EXHDR(fill);
    int         s1len;
    int         bytelen;
    int         m;
    int         s1bytes;
    text       *ret;
    char       *out;
    int         fpos = 0;

    if (len < 0)
        len = 0;
    s1len = pg_mbstrlen_with_len(s, sbytes);
    if (s1len > len)
        s1len = len;
    if (fbytes <= 0)
        len = s1len;
    if (__builtin_mul_overflow(MAX_UTF8_CHAR, len, &bytelen) ||
        __builtin_add_overflow(bytelen, VARHDRSZ, &bytelen) ||
        !AllocSizeIsValid(bytelen))
        length_too_large();

    ret = palloc(bytelen);
    out = VARDATA(ret);
    m = len - s1len;
    s1bytes = char_prefix_bytes(s, sbytes, s1len);
    if (!left)
    {
        memcpy(out, s, s1bytes);
        out += s1bytes;
    }
    while (m-- > 0)
    {
        int l = utf8_len(f + fpos, fbytes - fpos);

        memcpy(out, f + fpos, l);
        out += l;
        fpos += l;
        if (fpos >= fbytes)
            fpos = 0;
    }
    if (left)
    {
        memcpy(out, s, s1bytes);
        out += s1bytes;
    }
    SET_VARSIZE(ret, out - (char *) ret);
    return ret;
}

Datum
lpad(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(pad(PG_GETARG_TEXT_PP(0), PG_GETARG_INT32(1), PG_GETARG_TEXT_PP(2), true));
}

Datum
rpad(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(pad(PG_GETARG_TEXT_PP(0), PG_GETARG_INT32(1), PG_GETARG_TEXT_PP(2), false));
}

/* ---------------------------------------------------------------- trimming */

/* Is the character at c (clen bytes) one of the characters of set? */
static bool
in_char_set(const char *c, int clen, const char *set, int setlen)
{
    for (int i = 0; i < setlen;)
    {
        int l = utf8_len(set + i, setlen - i);

        if (l == clen && memcmp(set + i, c, clen) == 0)
            return true;
        i += l;
    }
    return false;
}

/* Remove characters of set from the start and/or end of string. */
static text *
dotrim(const char *s, int len, const char *set, int setlen, bool doltrim, bool dortrim)
{
    int start = 0;
    int end = len;

    if (len <= 0 || setlen <= 0)
        return cstring_to_text_with_len(s, len);
    if (doltrim)
    {
        while (start < end)
        {
            int l = utf8_len(s + start, end - start);

            if (!in_char_set(s + start, l, set, setlen))
                break;
            start += l;
        }
    }
    if (dortrim)
    {
        while (end > start)
        {
            int b = end - 1;

            while (b > start && ((unsigned char) s[b] & 0xC0) == 0x80)
                b--;
            if (!in_char_set(s + b, end - b, set, setlen))
                break;
            end = b;
        }
    }
    return cstring_to_text_with_len(s + start, end - start);
}

/* btrim(string, characters) */
Datum
btrim(PG_FUNCTION_ARGS)
{
    text *s = PG_GETARG_TEXT_PP(0);
    text *set = PG_GETARG_TEXT_PP(1);

    PG_RETURN_TEXT_P(dotrim(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s),
                            VARDATA_ANY(set), VARSIZE_ANY_EXHDR(set), true, true));
}

/* btrim(string): spaces */
Datum
btrim1(PG_FUNCTION_ARGS)
{
    text *s = PG_GETARG_TEXT_PP(0);

    PG_RETURN_TEXT_P(dotrim(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s), " ", 1, true, true));
}

Datum
ltrim(PG_FUNCTION_ARGS)
{
    text *s = PG_GETARG_TEXT_PP(0);
    text *set = PG_GETARG_TEXT_PP(1);

    PG_RETURN_TEXT_P(dotrim(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s),
                            VARDATA_ANY(set), VARSIZE_ANY_EXHDR(set), true, false));
}

Datum
ltrim1(PG_FUNCTION_ARGS)
{
    text *s = PG_GETARG_TEXT_PP(0);

    PG_RETURN_TEXT_P(dotrim(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s), " ", 1, true, false));
}

Datum
rtrim(PG_FUNCTION_ARGS)
{
    text *s = PG_GETARG_TEXT_PP(0);
    text *set = PG_GETARG_TEXT_PP(1);

    PG_RETURN_TEXT_P(dotrim(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s),
                            VARDATA_ANY(set), VARSIZE_ANY_EXHDR(set), false, true));
}

/* ---------------------------------------------------------------- case */

Datum
upper(PG_FUNCTION_ARGS)
{
    text   *t = PG_GETARG_TEXT_PP(0);
    text   *r = cstring_to_text_with_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    char   *p = VARDATA(r);

    for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(r); i++)
        if (p[i] >= 'a' && p[i] <= 'z')
            p[i] -= 'a' - 'A';
    PG_RETURN_TEXT_P(r);
}

Datum
lower(PG_FUNCTION_ARGS)
{
    text   *t = PG_GETARG_TEXT_PP(0);
    text   *r = cstring_to_text_with_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    char   *p = VARDATA(r);

    for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(r); i++)
        if (p[i] >= 'A' && p[i] <= 'Z')
            p[i] += 'a' - 'A';
    PG_RETURN_TEXT_P(r);
}

/* initcap: upper-case a letter after a non-alphanumeric, lower-case the rest */
Datum
initcap(PG_FUNCTION_ARGS)
{
    text   *t = PG_GETARG_TEXT_PP(0);
    text   *r = cstring_to_text_with_len(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
    char   *p = VARDATA(r);
    bool    wasalnum = false;

    for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(r); i++)
    {
        char c = p[i];

        if (wasalnum && c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        else if (!wasalnum && c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        p[i] = c;
        wasalnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
    PG_RETURN_TEXT_P(r);
}

/* ---------------------------------------------------------------- building */

Datum
repeat(PG_FUNCTION_ARGS)
{
    text   *string = PG_GETARG_TEXT_PP(0);
    int32   count = PG_GETARG_INT32(1);
    int     slen = VARSIZE_ANY_EXHDR(string);
    int     tlen;
    text   *result;
    char   *cp;

    if (count < 0)
        count = 0;
    if (__builtin_mul_overflow(count, slen, &tlen) ||
        __builtin_add_overflow(tlen, VARHDRSZ, &tlen) ||
        !AllocSizeIsValid(tlen))
        length_too_large();

    result = palloc(tlen);
    SET_VARSIZE(result, tlen);
    cp = VARDATA(result);
    for (int i = 0; i < count; i++)
    {
        memcpy(cp, VARDATA_ANY(string), slen);
        cp += slen;
        if ((i & 0xFFFF) == 0)
            CHECK_FOR_INTERRUPTS();
    }
    PG_RETURN_TEXT_P(result);
}

Datum
text_reverse(PG_FUNCTION_ARGS)
{
    text       *str = PG_GETARG_TEXT_PP(0);
    const char *p = VARDATA_ANY(str);
    int         len = VARSIZE_ANY_EXHDR(str);
    text       *result = palloc(len + VARHDRSZ);
    char       *dst = VARDATA(result) + len;

    SET_VARSIZE(result, len + VARHDRSZ);
    for (int i = 0; i < len;)
    {
        int l = utf8_len(p + i, len - i);

        dst -= l;
        memcpy(dst, p + i, l);
        i += l;
    }
    PG_RETURN_TEXT_P(result);
}

/*
 * translate(string, from, to): each character of string found in from
 * (first occurrence) becomes the character at the same position of to,
 * or is deleted if to is shorter.
 */
Datum
translate(PG_FUNCTION_ARGS)
{
    text       *string = PG_GETARG_TEXT_PP(0);
    text       *from = PG_GETARG_TEXT_PP(1);
    text       *to = PG_GETARG_TEXT_PP(2);
    const char *s = VARDATA_ANY(string);
    int         m = VARSIZE_ANY_EXHDR(string);
    const char *f = VARDATA_ANY(from);
    int         flen = VARSIZE_ANY_EXHDR(from);
    const char *t = VARDATA_ANY(to);
    int         tolen = VARSIZE_ANY_EXHDR(to);
    int         bytelen;
    text       *result;
    char       *out;

    if (m <= 0)
        PG_RETURN_TEXT_P(string);
    if (__builtin_mul_overflow(MAX_UTF8_CHAR, m, &bytelen) ||
        __builtin_add_overflow(bytelen, VARHDRSZ, &bytelen) ||
        !AllocSizeIsValid(bytelen))
        length_too_large();

    result = palloc(bytelen);
    out = VARDATA(result);
    for (int i = 0; i < m;)
    {
        int     l = utf8_len(s + i, m - i);
        int     idx = 0;
        int     fi;
        bool    found = false;

        for (fi = 0; fi < flen; idx++)
        {
            int fl = utf8_len(f + fi, flen - fi);

            if (fl == l && memcmp(f + fi, s + i, l) == 0)
            {
                found = true;
                break;
            }
            fi += fl;
        }
        if (found)
        {
            /* the idx'th character of to, if it has one */
            int ti = 0;

            for (int k = 0; k < idx && ti < tolen; k++)
                ti += utf8_len(t + ti, tolen - ti);
            if (ti < tolen)
            {
                int tl = utf8_len(t + ti, tolen - ti);

                memcpy(out, t + ti, tl);
                out += tl;
            }
        }
        else
        {
            memcpy(out, s + i, l);
            out += l;
        }
        i += l;
    }
    SET_VARSIZE(result, out - (char *) result);
    PG_RETURN_TEXT_P(result);
}

/* ---------------------------------------------------------------- characters */

/* chr(code point) */
Datum
chr(PG_FUNCTION_ARGS)
{
    int32   arg = PG_GETARG_INT32(0);
    uint32  c;
    char    buf[4];
    int     n;

    if (arg < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("character number must be positive"));
    if (arg == 0)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("null character not permitted"));
    c = (uint32) arg;
    if (c > 0x10FFFF)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("requested character too large for encoding: %u", c));
    if (c >= 0xD800 && c <= 0xDFFF)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("requested character not valid for encoding: %u", c));

    if (c < 0x80)
        buf[0] = (char) c, n = 1;
    else if (c < 0x800)
    {
        buf[0] = (char) (0xC0 | (c >> 6));
        buf[1] = (char) (0x80 | (c & 0x3F));
        n = 2;
    }
    else if (c < 0x10000)
    {
        buf[0] = (char) (0xE0 | (c >> 12));
        buf[1] = (char) (0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char) (0x80 | (c & 0x3F));
        n = 3;
    }
    else
    {
        buf[0] = (char) (0xF0 | (c >> 18));
        buf[1] = (char) (0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char) (0x80 | ((c >> 6) & 0x3F));
        buf[3] = (char) (0x80 | (c & 0x3F));
        n = 4;
    }
    PG_RETURN_TEXT_P(cstring_to_text_with_len(buf, n));
}

/* ascii(text): code point of the first character, 0 for "" */
Datum
ascii(PG_FUNCTION_ARGS)
{
    text                *t = PG_GETARG_TEXT_PP(0);
    const unsigned char *p = (const unsigned char *) VARDATA_ANY(t);
    int                  len = VARSIZE_ANY_EXHDR(t);
    int                  l;
    int32                c;

    if (len <= 0)
        PG_RETURN_INT32(0);
    l = utf8_len((const char *) p, len);
    if (l == 1)
        c = p[0];
    else if (l == 2)
        c = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if (l == 3)
        c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else
        c = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    PG_RETURN_INT32(c);
}

Datum
to_hex32(PG_FUNCTION_ARGS)
{
    char buf[16];

    snprintf(buf, sizeof(buf), "%x", (uint32) PG_GETARG_INT32(0));
    PG_RETURN_TEXT_P(cstring_to_text(buf));
}

Datum
to_hex64(PG_FUNCTION_ARGS)
{
    char buf[24];

    snprintf(buf, sizeof(buf), "%llx", (unsigned long long) (uint64) PG_GETARG_INT64(0));
    PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* ---------------------------------------------------------------- string_agg */

/*
 * The state is a StringInfo in the aggregate's context, created by the
 * first non-NULL value (whose delimiter is not used).  Both functions are
 * non-strict: a NULL value leaves the state alone; a NULL delimiter adds
 * nothing.
 */
static StringInfo
string_agg_state(FunctionCallInfo fcinfo, const char *caller)
{
    MemoryContext aggcontext;
    MemoryContext old;
    StringInfo  state;

    if (!AggCheckCallContext(fcinfo, &aggcontext))
        elog(ERROR, "%s called in non-aggregate context", caller);
    old = MemoryContextSwitchTo(aggcontext);
    state = makeStringInfo();
    MemoryContextSwitchTo(old);
    return state;
}

static Datum
string_agg_step(FunctionCallInfo fcinfo, const char *caller)
{
    StringInfo state = PG_ARGISNULL(0) ? NULL : (StringInfo) PG_GETARG_POINTER(0);

    if (!PG_ARGISNULL(1))
    {
        varlena *value = PG_GETARG_VARLENA_P(1);

        if (state == NULL)
            state = string_agg_state(fcinfo, caller);
        else if (!PG_ARGISNULL(2))
        {
            varlena *delim = PG_GETARG_VARLENA_P(2);

            appendBinaryStringInfo(state, VARDATA_ANY(delim), VARSIZE_ANY_EXHDR(delim));
        }
        appendBinaryStringInfo(state, VARDATA_ANY(value), VARSIZE_ANY_EXHDR(value));
    }
    if (state == NULL)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(state);
}

static Datum
string_agg_final(FunctionCallInfo fcinfo)
{
    StringInfo state = PG_ARGISNULL(0) ? NULL : (StringInfo) PG_GETARG_POINTER(0);

    if (state == NULL)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(cstring_to_text_with_len(state->data, state->len));
}

Datum
string_agg_transfn(PG_FUNCTION_ARGS)
{
    return string_agg_step(fcinfo, "string_agg_transfn");
}

Datum
string_agg_finalfn(PG_FUNCTION_ARGS)
{
    return string_agg_final(fcinfo);
}

Datum
bytea_string_agg_transfn(PG_FUNCTION_ARGS)
{
    return string_agg_step(fcinfo, "bytea_string_agg_transfn");
}

Datum
bytea_string_agg_finalfn(PG_FUNCTION_ARGS)
{
    return string_agg_final(fcinfo);
}
