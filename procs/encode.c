/*-------------------------------------------------------------------------
 * encode.c
 *    Binary <-> text: encode(bytea, format) / decode(text, format) for the
 *    hex, base64 and escape formats; md5(text|bytea); and the encoding
 *    conversions convert_from(bytea, name), convert_to(text, name),
 *    convert(bytea, name, name).
 *
 * Formats and errors are PostgreSQL's (src/backend/utils/adt/encode.c):
 * base64 output breaks lines every 76 characters (a newline follows every
 * complete 76-character line, even the last); decoding skips whitespace.
 *
 * Encodings: the server encoding is UTF8.  UTF8 and SQL_ASCII convert by
 * validation only; LATIN1 converts in both directions; every other
 * encoding PostgreSQL knows is recognised by name but has no conversion
 * here, and raises PostgreSQL's "default conversion function ... does not
 * exist" (42883).  Unknown names raise 22023 as PostgreSQL does.
 *
 * md5 uses OpenSSL's EVP interface (-lcrypto).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"

#include <ctype.h>
#include <openssl/evp.h>

/* ---------------------------------------------------------------- hex */

static const char hextbl[] = "0123456789abcdef";

static int
hex_digit(const char *cp, const char *end)
{
    char c = *cp;

    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("invalid hexadecimal digit: \"%.*s\"",
                   pg_mbcharcliplen(cp, end - cp, 1), cp));
    return 0;
}

static void
hex_encode(StringInfo out, const unsigned char *s, int len)
{
    enlargeStringInfo(out, len * 2);
    for (int i = 0; i < len; i++)
    {
        out->data[out->len++] = hextbl[s[i] >> 4];
        out->data[out->len++] = hextbl[s[i] & 0xF];
    }
    out->data[out->len] = '\0';
}

static void
hex_decode(StringInfo out, const char *s, int len)
{
    const char *end = s + len;

    while (s < end)
    {
        int hi;

        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        {
            s++;
            continue;
        }
        hi = hex_digit(s, end) << 4;
        s++;
        if (s >= end)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("invalid hexadecimal data: odd number of digits"));
        appendStringInfoChar(out, (char) (hi | hex_digit(s, end)));
        s++;
    }
}

/* ---------------------------------------------------------------- base64 */

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void
base64_encode(StringInfo out, const unsigned char *s, int len)
{
    uint32  buf = 0;
    int     pos = 2;
    int     linelen = 0;

    for (int i = 0; i < len; i++)
    {
        buf |= (uint32) s[i] << (pos << 3);
        pos--;
        if (pos < 0)
        {
            appendStringInfoChar(out, b64[(buf >> 18) & 0x3f]);
            appendStringInfoChar(out, b64[(buf >> 12) & 0x3f]);
            appendStringInfoChar(out, b64[(buf >> 6) & 0x3f]);
            appendStringInfoChar(out, b64[buf & 0x3f]);
            linelen += 4;
            pos = 2;
            buf = 0;
        }
        if (linelen >= 76)
        {
            appendStringInfoChar(out, '\n');
            linelen = 0;
        }
    }
    if (pos != 2)
    {
        appendStringInfoChar(out, b64[(buf >> 18) & 0x3f]);
        appendStringInfoChar(out, b64[(buf >> 12) & 0x3f]);
        appendStringInfoChar(out, pos == 0 ? b64[(buf >> 6) & 0x3f] : '=');
        appendStringInfoChar(out, '=');
    }
}

static int
b64_value(char c)
{
    const char *p = (c > 0 && c < 127) ? strchr(b64, c) : NULL;

    return p ? (int) (p - b64) : -1;
}

static void
base64_decode(StringInfo out, const char *s, int len)
{
    const char *end = s + len;
    uint32      buf = 0;
    int         pos = 0;
    int         endseq = 0;

    while (s < end)
    {
        char    c = *s++;
        int     b;

        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '=')
        {
            if (!endseq)
            {
                if (pos == 2)
                    endseq = 1;
                else if (pos == 3)
                    endseq = 2;
                else
                    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                            errmsg("unexpected \"=\" while decoding base64 sequence"));
            }
            b = 0;
        }
        else
        {
            b = b64_value(c);
            if (b < 0)
                ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid symbol \"%.*s\" found while decoding base64 sequence",
                               pg_mbcharcliplen(s - 1, end - (s - 1), 1), s - 1));
        }
        buf = (buf << 6) + b;
        pos++;
        if (pos == 4)
        {
            appendStringInfoChar(out, (char) ((buf >> 16) & 255));
            if (endseq == 0 || endseq > 1)
                appendStringInfoChar(out, (char) ((buf >> 8) & 255));
            if (endseq == 0 || endseq > 2)
                appendStringInfoChar(out, (char) (buf & 255));
            buf = 0;
            pos = 0;
        }
    }
    if (pos != 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid base64 end sequence"),
                errhint("Input data is missing padding, is truncated, or is otherwise corrupted."));
}

/* ---------------------------------------------------------------- escape */

static void
escape_encode(StringInfo out, const unsigned char *s, int len)
{
    for (int i = 0; i < len; i++)
    {
        unsigned char c = s[i];

        if (c == '\0' || c >= 0x80)
        {
            appendStringInfoChar(out, '\\');
            appendStringInfoChar(out, (char) ('0' + (c >> 6)));
            appendStringInfoChar(out, (char) ('0' + ((c >> 3) & 7)));
            appendStringInfoChar(out, (char) ('0' + (c & 7)));
        }
        else if (c == '\\')
            appendStringInfoString(out, "\\\\");
        else
            appendStringInfoChar(out, (char) c);
    }
}

static void
escape_decode(StringInfo out, const char *s, int len)
{
    const char *end = s + len;

    while (s < end)
    {
        if (s[0] != '\\')
            appendStringInfoChar(out, *s++);
        else if (s + 3 < end && s[1] >= '0' && s[1] <= '3' &&
                 s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7')
        {
            appendStringInfoChar(out, (char) (((s[1] - '0') << 6) | ((s[2] - '0') << 3) |
                                              (s[3] - '0')));
            s += 4;
        }
        else if (s + 1 < end && s[1] == '\\')
        {
            appendStringInfoChar(out, '\\');
            s += 2;
        }
        else
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("invalid input syntax for type %s", "bytea"));
    }
}

/* ---------------------------------------------------------------- encode/decode */

typedef enum { FMT_HEX, FMT_BASE64, FMT_ESCAPE } BinFormat;

static BinFormat
lookup_format(text *name)
{
    char *n = text_to_cstring(name);

    if (strcasecmp(n, "hex") == 0)
        return FMT_HEX;
    if (strcasecmp(n, "base64") == 0)
        return FMT_BASE64;
    if (strcasecmp(n, "escape") == 0)
        return FMT_ESCAPE;
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("unrecognized encoding: \"%s\"", n));
    return FMT_HEX;
}

static varlena *
stringinfo_to_varlena(StringInfo buf)
{
    varlena *r = (varlena *) cstring_to_text_with_len(buf->data, buf->len);

    pfree(buf->data);
    return r;
}

/* encode(bytea, format) */
Datum
binary_encode(PG_FUNCTION_ARGS)
{
    bytea          *data = PG_GETARG_BYTEA_PP(0);
    BinFormat       fmt = lookup_format(PG_GETARG_TEXT_PP(1));
    const unsigned char *s = (const unsigned char *) VARDATA_ANY(data);
    int             len = VARSIZE_ANY_EXHDR(data);
    StringInfoData  buf;

    initStringInfo(&buf);
    if (fmt == FMT_HEX)
        hex_encode(&buf, s, len);
    else if (fmt == FMT_BASE64)
        base64_encode(&buf, s, len);
    else
        escape_encode(&buf, s, len);
    PG_RETURN_TEXT_P(stringinfo_to_varlena(&buf));
}

/* decode(text, format) */
Datum
binary_decode(PG_FUNCTION_ARGS)
{
    text           *data = PG_GETARG_TEXT_PP(0);
    BinFormat       fmt = lookup_format(PG_GETARG_TEXT_PP(1));
    StringInfoData  buf;

    initStringInfo(&buf);
    if (fmt == FMT_HEX)
        hex_decode(&buf, VARDATA_ANY(data), VARSIZE_ANY_EXHDR(data));
    else if (fmt == FMT_BASE64)
        base64_decode(&buf, VARDATA_ANY(data), VARSIZE_ANY_EXHDR(data));
    else
        escape_decode(&buf, VARDATA_ANY(data), VARSIZE_ANY_EXHDR(data));
    PG_RETURN_BYTEA_P(stringinfo_to_varlena(&buf));
}

/* ---------------------------------------------------------------- md5 */

static text *
md5_hex(const char *data, int len)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    StringInfoData buf;

    if (!EVP_Digest(data, len, digest, &dlen, EVP_md5(), NULL))
        ereport(ERROR, errcode(ERRCODE_INTERNAL_ERROR),
                errmsg("could not compute MD5 hash"));
    initStringInfo(&buf);
    hex_encode(&buf, digest, dlen);
    return (text *) stringinfo_to_varlena(&buf);
}

Datum
md5_text(PG_FUNCTION_ARGS)
{
    text *t = PG_GETARG_TEXT_PP(0);

    PG_RETURN_TEXT_P(md5_hex(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

Datum
md5_bytea(PG_FUNCTION_ARGS)
{
    bytea *b = PG_GETARG_BYTEA_PP(0);

    PG_RETURN_TEXT_P(md5_hex(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b)));
}

/* ---------------------------------------------------------------- encodings */

/* PostgreSQL's encodings by canonical name, with a few common aliases. */
typedef enum { ENC_SQL_ASCII, ENC_UTF8, ENC_LATIN1, ENC_OTHER } EncKind;

typedef struct EncName
{
    const char *clean;          /* lower case, alphanumerics only */
    const char *name;           /* PostgreSQL's canonical name */
    EncKind     kind;
} EncName;

static const EncName encnames[] = {
    {"sqlascii", "SQL_ASCII", ENC_SQL_ASCII},
    {"utf8", "UTF8", ENC_UTF8}, {"unicode", "UTF8", ENC_UTF8},
    {"latin1", "LATIN1", ENC_LATIN1}, {"iso88591", "LATIN1", ENC_LATIN1},
    {"eucjp", "EUC_JP", ENC_OTHER}, {"euccn", "EUC_CN", ENC_OTHER},
    {"euckr", "EUC_KR", ENC_OTHER}, {"euctw", "EUC_TW", ENC_OTHER},
    {"eucjis2004", "EUC_JIS_2004", ENC_OTHER}, {"muleinternal", "MULE_INTERNAL", ENC_OTHER},
    {"latin2", "LATIN2", ENC_OTHER}, {"iso88592", "LATIN2", ENC_OTHER},
    {"latin3", "LATIN3", ENC_OTHER}, {"iso88593", "LATIN3", ENC_OTHER},
    {"latin4", "LATIN4", ENC_OTHER}, {"iso88594", "LATIN4", ENC_OTHER},
    {"latin5", "LATIN5", ENC_OTHER}, {"iso88599", "LATIN5", ENC_OTHER},
    {"latin6", "LATIN6", ENC_OTHER}, {"iso885910", "LATIN6", ENC_OTHER},
    {"latin7", "LATIN7", ENC_OTHER}, {"iso885913", "LATIN7", ENC_OTHER},
    {"latin8", "LATIN8", ENC_OTHER}, {"iso885914", "LATIN8", ENC_OTHER},
    {"latin9", "LATIN9", ENC_OTHER}, {"iso885915", "LATIN9", ENC_OTHER},
    {"latin10", "LATIN10", ENC_OTHER}, {"iso885916", "LATIN10", ENC_OTHER},
    {"win1256", "WIN1256", ENC_OTHER}, {"win1258", "WIN1258", ENC_OTHER},
    {"win866", "WIN866", ENC_OTHER}, {"win874", "WIN874", ENC_OTHER},
    {"koi8r", "KOI8R", ENC_OTHER}, {"koi8", "KOI8R", ENC_OTHER},
    {"win1251", "WIN1251", ENC_OTHER}, {"win1252", "WIN1252", ENC_OTHER},
    {"iso88595", "ISO_8859_5", ENC_OTHER}, {"iso88596", "ISO_8859_6", ENC_OTHER},
    {"iso88597", "ISO_8859_7", ENC_OTHER}, {"iso88598", "ISO_8859_8", ENC_OTHER},
    {"win1250", "WIN1250", ENC_OTHER}, {"win1253", "WIN1253", ENC_OTHER},
    {"win1254", "WIN1254", ENC_OTHER}, {"win1255", "WIN1255", ENC_OTHER},
    {"win1257", "WIN1257", ENC_OTHER}, {"koi8u", "KOI8U", ENC_OTHER},
    {"sjis", "SJIS", ENC_OTHER}, {"big5", "BIG5", ENC_OTHER}, {"gbk", "GBK", ENC_OTHER},
    {"uhc", "UHC", ENC_OTHER}, {"gb18030", "GB18030", ENC_OTHER},
    {"johab", "JOHAB", ENC_OTHER}, {"shiftjis2004", "SHIFT_JIS_2004", ENC_OTHER},
    {"windows1252", "WIN1252", ENC_OTHER}, {"windows1251", "WIN1251", ENC_OTHER},
    {"windows1250", "WIN1250", ENC_OTHER}, {"windows866", "WIN866", ENC_OTHER},
};

/* pg_char_to_encoding: NULL if the name is not an encoding. */
static const EncName *
lookup_encoding(const char *name)
{
    char    clean[NAMEDATALEN];
    int     n = 0;

    for (const char *p = name; *p && n < NAMEDATALEN - 1; p++)
        if (isalnum((unsigned char) *p))
            clean[n++] = (char) tolower((unsigned char) *p);
    clean[n] = '\0';
    for (int i = 0; i < (int) lengthof(encnames); i++)
        if (strcmp(encnames[i].clean, clean) == 0)
            return &encnames[i];
    return NULL;
}

/* Expected length of the UTF-8 sequence starting with c (pg_utf_mblen). */
static int
utf8_mblen(unsigned char c)
{
    return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 :
           (c & 0xF8) == 0xF0 ? 4 : 1;
}

static void
report_invalid(const char *encname, const char *s, int len)
{
    char    buf[8 * 5 + 1];
    char   *p = buf;
    int     jlimit = Min(Min(utf8_mblen((unsigned char) *s), len), 8);

    for (int j = 0; j < jlimit; j++)
        p += sprintf(p, j < jlimit - 1 ? "0x%02x " : "0x%02x", (unsigned char) s[j]);
    ereport(ERROR, errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
            errmsg("invalid byte sequence for encoding \"%s\": %s", encname, buf));
}

/* pg_utf8_islegal */
static bool
utf8_islegal(const unsigned char *s, int length)
{
    unsigned char a;

    switch (length)
    {
        default:
            return false;
        case 4:
            a = s[3];
            if (a < 0x80 || a > 0xBF)
                return false;
            /* FALLTHROUGH */
        case 3:
            a = s[2];
            if (a < 0x80 || a > 0xBF)
                return false;
            /* FALLTHROUGH */
        case 2:
            a = s[1];
            switch (*s)
            {
                case 0xE0: if (a < 0xA0 || a > 0xBF) return false; break;
                case 0xED: if (a < 0x80 || a > 0x9F) return false; break;
                case 0xF0: if (a < 0x90 || a > 0xBF) return false; break;
                case 0xF4: if (a < 0x80 || a > 0x8F) return false; break;
                default:   if (a < 0x80 || a > 0xBF) return false; break;
            }
            /* FALLTHROUGH */
        case 1:
            a = *s;
            if (a >= 0x80 && a < 0xC2)
                return false;
            if (a > 0xF4)
                return false;
            break;
    }
    return true;
}

/* pg_verify_mbstr for UTF8 (NUL bytes are invalid too) */
static void
verify_utf8(const char *s, int len)
{
    while (len > 0)
    {
        unsigned char c = (unsigned char) *s;
        int l;

        if (c < 0x80)
        {
            if (c == 0)
                report_invalid("UTF8", s, len);
            s++, len--;
            continue;
        }
        l = utf8_mblen(c);
        if (l > len || !utf8_islegal((const unsigned char *) s, l))
            report_invalid("UTF8", s, len);
        s += l;
        len -= l;
    }
}

static void
no_conversion(const char *from, const char *to)
{
    ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
            errmsg("default conversion function for encoding \"%s\" to \"%s\" does not exist",
                   from, to));
}

/*
 * pg_convert: bytes in encoding src -> bytes in encoding dest.  Either
 * side is UTF8, LATIN1 or SQL_ASCII; anything else has no conversion.
 */
static varlena *
convert_bytes(const char *s, int len, const EncName *src, const EncName *dst)
{
    StringInfoData buf;

    /* validate the source, as pg_verify_mbstr does */
    if (src->kind == ENC_UTF8)
        verify_utf8(s, len);
    else if (memchr(s, '\0', len) != NULL)
        report_invalid(src->name, memchr(s, '\0', len), 1);

    if (src->kind == dst->kind && src->kind != ENC_OTHER)
        return (varlena *) cstring_to_text_with_len(s, len);
    if (src->kind == ENC_SQL_ASCII || dst->kind == ENC_SQL_ASCII ||
        strcmp(src->name, dst->name) == 0)
        return (varlena *) cstring_to_text_with_len(s, len);
    if (src->kind == ENC_OTHER || dst->kind == ENC_OTHER)
        no_conversion(src->name, dst->name);

    initStringInfo(&buf);
    if (src->kind == ENC_LATIN1)
    {
        /* LATIN1 -> UTF8: every byte is the code point */
        for (int i = 0; i < len; i++)
        {
            unsigned char c = (unsigned char) s[i];

            if (c < 0x80)
                appendStringInfoChar(&buf, (char) c);
            else
            {
                appendStringInfoChar(&buf, (char) (0xC0 | (c >> 6)));
                appendStringInfoChar(&buf, (char) (0x80 | (c & 0x3F)));
            }
        }
    }
    else
    {
        /* UTF8 -> LATIN1: code points up to U+00FF */
        for (int i = 0; i < len;)
        {
            unsigned char c = (unsigned char) s[i];
            int l = utf8_mblen(c);

            if (l == 1)
                appendStringInfoChar(&buf, (char) c);
            else if (l == 2 && c <= 0xC3)
                appendStringInfoChar(&buf, (char) (((c & 0x1F) << 6) | (s[i + 1] & 0x3F)));
            else
            {
                char seq[8 * 5 + 1];
                char *p = seq;

                for (int j = 0; j < l; j++)
                    p += sprintf(p, j < l - 1 ? "0x%02x " : "0x%02x", (unsigned char) s[i + j]);
                ereport(ERROR, errcode(ERRCODE_UNTRANSLATABLE_CHARACTER),
                        errmsg("character with byte sequence %s in encoding \"%s\" has no equivalent in encoding \"%s\"",
                               seq, src->name, dst->name));
            }
            i += l;
        }
    }
    return stringinfo_to_varlena(&buf);
}

static const EncName *
encoding_arg(FunctionCallInfo fcinfo, int argno, const char *what)
{
    const char *name = NameStr(*PG_GETARG_NAME(argno));
    const EncName *e = lookup_encoding(name);

    if (e == NULL)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid %s encoding name \"%s\"", what, name));
    return e;
}

/* convert(bytes, src_encoding, dest_encoding) */
Datum
pg_convert(PG_FUNCTION_ARGS)
{
    bytea          *string = PG_GETARG_BYTEA_PP(0);
    const EncName  *src = encoding_arg(fcinfo, 1, "source");
    const EncName  *dst = encoding_arg(fcinfo, 2, "destination");

    PG_RETURN_BYTEA_P(convert_bytes(VARDATA_ANY(string), VARSIZE_ANY_EXHDR(string), src, dst));
}

/* convert_from(bytes, src_encoding) -> text in the server encoding */
Datum
pg_convert_from(PG_FUNCTION_ARGS)
{
    bytea          *string = PG_GETARG_BYTEA_PP(0);
    const EncName  *src = encoding_arg(fcinfo, 1, "source");

    PG_RETURN_TEXT_P(convert_bytes(VARDATA_ANY(string), VARSIZE_ANY_EXHDR(string), src,
                                   lookup_encoding("UTF8")));
}

/* convert_to(text, dest_encoding) -> bytes */
Datum
pg_convert_to(PG_FUNCTION_ARGS)
{
    text           *string = PG_GETARG_TEXT_PP(0);
    const EncName  *dst = encoding_arg(fcinfo, 1, "destination");

    PG_RETURN_BYTEA_P(convert_bytes(VARDATA_ANY(string), VARSIZE_ANY_EXHDR(string),
                                    lookup_encoding("UTF8"), dst));
}
