/*-------------------------------------------------------------------------
 * name.c
 *    The name type (63-byte identifiers in a fixed 64-byte, zero-padded
 *    NameData) and the single-byte "char" type: I/O, comparison (C
 *    collation), btree and hash support, the name/text cross-type
 *    comparisons used by catalog queries, and the casts among name, text,
 *    bpchar, "char" and int4.
 *
 * Input longer than NAMEDATALEN-1 bytes is truncated at a character
 * boundary (binary input is rejected instead, as PostgreSQL does).
 * "char" prints a byte with the high bit set as \ooo octal and reads that
 * form back; the empty string is the zero byte.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/hashfn.h"

/* ---------------------------------------------------------------- name */

static Name
make_name(const char *s, int len)
{
    Name result = (Name) palloc0(NAMEDATALEN);

    if (len >= NAMEDATALEN)
        len = pg_mbcliplen(s, len, NAMEDATALEN - 1);
    memcpy(NameStr(*result), s, len);
    return result;
}

Datum
namein(PG_FUNCTION_ARGS)
{
    char *s = PG_GETARG_CSTRING(0);

    PG_RETURN_NAME(make_name(s, strlen(s)));
}

Datum
nameout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(NameStr(*PG_GETARG_NAME(0))));
}

Datum
namerecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int     nbytes;
    char   *str = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
    Name    result;

    if (nbytes >= NAMEDATALEN)
        ereport(ERROR, errcode(ERRCODE_NAME_TOO_LONG),
                errmsg("identifier too long"),
                errdetail("Identifier must be less than %d characters.", NAMEDATALEN));
    result = (Name) palloc0(NAMEDATALEN);
    memcpy(NameStr(*result), str, nbytes);
    PG_RETURN_NAME(result);
}

Datum
namesend(PG_FUNCTION_ARGS)
{
    Name s = PG_GETARG_NAME(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, NameStr(*s), strlen(NameStr(*s)));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static inline int
name_cmp(Name a, Name b)
{
    return varstr_cmp(NameStr(*a), strlen(NameStr(*a)), NameStr(*b), strlen(NameStr(*b)));
}

#define NM(n) PG_GETARG_NAME(n)

Datum nameeq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(strncmp(NameStr(*NM(0)), NameStr(*NM(1)), NAMEDATALEN) == 0); }
Datum namene(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(strncmp(NameStr(*NM(0)), NameStr(*NM(1)), NAMEDATALEN) != 0); }
Datum namelt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_cmp(NM(0), NM(1)) < 0); }
Datum namele(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_cmp(NM(0), NM(1)) <= 0); }
Datum namegt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_cmp(NM(0), NM(1)) > 0); }
Datum namege(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_cmp(NM(0), NM(1)) >= 0); }
Datum btnamecmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(name_cmp(NM(0), NM(1))); }

Datum
hashname(PG_FUNCTION_ARGS)
{
    char *key = NameStr(*NM(0));

    return hash_any((const unsigned char *) key, strlen(key));
}

Datum
hashnameextended(PG_FUNCTION_ARGS)
{
    char *key = NameStr(*NM(0));

    return hash_any_extended((const unsigned char *) key, strlen(key), PG_GETARG_INT64(1));
}

/* name vs text comparisons (both directions), bytewise */
static inline int
name_text_cmp(Name n, text *t)
{
    return varstr_cmp(NameStr(*n), strlen(NameStr(*n)), VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));
}

static inline bool
name_text_eq(Name n, text *t)
{
    size_t len = strlen(NameStr(*n));

    return len == VARSIZE_ANY_EXHDR(t) && memcmp(NameStr(*n), VARDATA_ANY(t), len) == 0;
}

#define TX(n) PG_GETARG_TEXT_PP(n)

Datum nameeqtext(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_eq(NM(0), TX(1))); }
Datum namenetext(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(!name_text_eq(NM(0), TX(1))); }
Datum namelttext(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(0), TX(1)) < 0); }
Datum nameletext(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(0), TX(1)) <= 0); }
Datum namegttext(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(0), TX(1)) > 0); }
Datum namegetext(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(0), TX(1)) >= 0); }
Datum btnametextcmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(name_text_cmp(NM(0), TX(1))); }
Datum texteqname(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_eq(NM(1), TX(0))); }
Datum textnename(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(!name_text_eq(NM(1), TX(0))); }
Datum textltname(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(1), TX(0)) > 0); }
Datum textlename(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(1), TX(0)) >= 0); }
Datum textgtname(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(1), TX(0)) < 0); }
Datum textgename(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(name_text_cmp(NM(1), TX(0)) <= 0); }
Datum bttextnamecmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(-name_text_cmp(NM(1), TX(0))); }

/* casts: name(text), name(varchar) */
Datum
text_name(PG_FUNCTION_ARGS)
{
    text *s = TX(0);

    PG_RETURN_NAME(make_name(VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s)));
}

/* text(name), varchar(name) */
Datum
name_text(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text(NameStr(*NM(0))));
}

/* name(bpchar): truncate, then drop the padding */
Datum
bpchar_name(PG_FUNCTION_ARGS)
{
    BpChar *s = PG_GETARG_BPCHAR_PP(0);
    char   *data = VARDATA_ANY(s);
    int     len = VARSIZE_ANY_EXHDR(s);
    Name    result = (Name) palloc0(NAMEDATALEN);

    if (len >= NAMEDATALEN)
        len = pg_mbcliplen(data, len, NAMEDATALEN - 1);
    len = bpchar_truelen(data, len);
    memcpy(NameStr(*result), data, len);
    PG_RETURN_NAME(result);
}

Datum
name_bpchar(PG_FUNCTION_ARGS)
{
    PG_RETURN_BPCHAR_P(cstring_to_text(NameStr(*NM(0))));
}

/* ---------------------------------------------------------------- "char" */

#define ISOCTAL(c)  (((c) >= '0') && ((c) <= '7'))
#define TOOCTAL(c)  ((c) - '0')
#define TOCHAR(c)   ((c) + '0')

/* "\ooo" of a high-bit byte into out[0..3] */
static void
char_octal(unsigned char c, char *out)
{
    out[0] = '\\';
    out[1] = TOCHAR(c >> 6);
    out[2] = TOCHAR((c >> 3) & 07);
    out[3] = TOCHAR(c & 07);
}

static bool
parse_char_octal(const char *s, int len, char *result)
{
    if (len == 4 && s[0] == '\\' && ISOCTAL(s[1]) && ISOCTAL(s[2]) && ISOCTAL(s[3]))
    {
        *result = (char) ((TOOCTAL(s[1]) << 6) + (TOOCTAL(s[2]) << 3) + TOOCTAL(s[3]));
        return true;
    }
    return false;
}

Datum
charin(PG_FUNCTION_ARGS)
{
    char *ch = PG_GETARG_CSTRING(0);
    char  result;

    if (parse_char_octal(ch, strlen(ch), &result))
        PG_RETURN_CHAR(result);
    PG_RETURN_CHAR(ch[0]);      /* '\0' for the empty string */
}

Datum
charout(PG_FUNCTION_ARGS)
{
    char  ch = PG_GETARG_CHAR(0);
    char *result = (char *) palloc(5);

    if ((unsigned char) ch & 0x80)
    {
        char_octal((unsigned char) ch, result);
        result[4] = '\0';
    }
    else
    {
        result[0] = ch;
        result[1] = '\0';
    }
    PG_RETURN_CSTRING(result);
}

Datum
charrecv(PG_FUNCTION_ARGS)
{
    PG_RETURN_CHAR((char) pq_getmsgbyte((StringInfo) PG_GETARG_POINTER(0)));
}

Datum
charsend(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendbyte(&buf, (uint8) PG_GETARG_CHAR(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* "char" compares as unsigned bytes */
#define UCH(n) ((uint8) PG_GETARG_CHAR(n))

Datum chareq(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(UCH(0) == UCH(1)); }
Datum charne(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(UCH(0) != UCH(1)); }
Datum charlt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(UCH(0) < UCH(1)); }
Datum charle(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(UCH(0) <= UCH(1)); }
Datum chargt(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(UCH(0) > UCH(1)); }
Datum charge(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(UCH(0) >= UCH(1)); }
Datum btcharcmp(PG_FUNCTION_ARGS) { PG_RETURN_INT32((int32) UCH(0) - (int32) UCH(1)); }

Datum
hashchar(PG_FUNCTION_ARGS)
{
    return hash_uint32((int32) PG_GETARG_CHAR(0));
}

Datum
hashcharextended(PG_FUNCTION_ARGS)
{
    return hash_uint32_extended((int32) PG_GETARG_CHAR(0), PG_GETARG_INT64(1));
}

Datum
chartoi4(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) PG_GETARG_CHAR(0));     /* signed, as in PostgreSQL */
}

Datum
i4tochar(PG_FUNCTION_ARGS)
{
    int32 arg = PG_GETARG_INT32(0);

    if (arg < SCHAR_MIN || arg > SCHAR_MAX)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("\"char\" out of range"));
    PG_RETURN_CHAR((int8) arg);
}

/* "char"(text): as charin, but the empty string is honestly the zero byte */
Datum
text_char(PG_FUNCTION_ARGS)
{
    text *arg = TX(0);
    int   len = VARSIZE_ANY_EXHDR(arg);
    char  result;

    if (!parse_char_octal(VARDATA_ANY(arg), len, &result))
        result = len > 0 ? VARDATA_ANY(arg)[0] : '\0';
    PG_RETURN_CHAR(result);
}

/* text("char"): the zero byte becomes the empty string */
Datum
char_text(PG_FUNCTION_ARGS)
{
    char  arg = PG_GETARG_CHAR(0);
    text *result = (text *) palloc(VARHDRSZ + 4);

    if ((unsigned char) arg & 0x80)
    {
        SET_VARSIZE(result, VARHDRSZ + 4);
        char_octal((unsigned char) arg, VARDATA(result));
    }
    else if (arg != '\0')
    {
        SET_VARSIZE(result, VARHDRSZ + 1);
        *VARDATA(result) = arg;
    }
    else
        SET_VARSIZE(result, VARHDRSZ);
    PG_RETURN_TEXT_P(result);
}
