/*-------------------------------------------------------------------------
 * pqformat.c
 *    Message construction and parsing helpers for protocol v3.
 *
 * Follows PostgreSQL's src/backend/libpq/pqformat.c, including its error
 * texts, which clients and tests can see.  Departures: the message type is
 * remembered in buf->cursor while building (PostgreSQL does the same), and
 * client strings are verified as UTF-8 here instead of being run through a
 * conversion layer (Basalt's server encoding is always UTF8 and accepted
 * client encodings are UTF8 and SQL_ASCII, which need no conversion).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <arpa/inet.h>

#include "pgwire/pqcomm.h"
#include "pgwire/pqformat.h"

/* ---------------------------------------------------------------- building */

void
pq_beginmessage(StringInfo buf, char msgtype)
{
    initStringInfo(buf);
    buf->cursor = (unsigned char) msgtype;
}

void
pq_beginmessage_reuse(StringInfo buf, char msgtype)
{
    resetStringInfo(buf);
    buf->cursor = (unsigned char) msgtype;
}

void
pq_endmessage(StringInfo buf)
{
    (void) pq_putmessage((char) buf->cursor, buf->data, (size_t) buf->len);
    pfree(buf->data);
    buf->data = NULL;
}

void
pq_endmessage_reuse(StringInfo buf)
{
    (void) pq_putmessage((char) buf->cursor, buf->data, (size_t) buf->len);
}

void
pq_sendbyte(StringInfo buf, uint8 byt)
{
    appendStringInfoChar(buf, (char) byt);
}

void
pq_sendint8(StringInfo buf, uint8 i)
{
    appendStringInfoChar(buf, (char) i);
}

void
pq_sendint16(StringInfo buf, uint16 i)
{
    uint16  n = htons(i);

    appendBinaryStringInfo(buf, &n, 2);
}

void
pq_sendint32(StringInfo buf, uint32 i)
{
    uint32  n = htonl(i);

    appendBinaryStringInfo(buf, &n, 4);
}

void
pq_sendint64(StringInfo buf, uint64 i)
{
    pq_sendint32(buf, (uint32) (i >> 32));
    pq_sendint32(buf, (uint32) i);
}

void
pq_sendfloat4(StringInfo buf, float4 f)
{
    union { float4 f; uint32 i; } u;

    u.f = f;
    pq_sendint32(buf, u.i);
}

void
pq_sendfloat8(StringInfo buf, float8 f)
{
    union { float8 f; uint64 i; } u;

    u.f = f;
    pq_sendint64(buf, u.i);
}

void
pq_sendbytes(StringInfo buf, const void *data, int datalen)
{
    appendBinaryStringInfo(buf, data, datalen);
}

void
pq_sendcountedtext(StringInfo buf, const char *str, int slen, bool countincludesself)
{
    pq_sendint32(buf, (uint32) (slen + (countincludesself ? 4 : 0)));
    appendBinaryStringInfo(buf, str, slen);
}

void
pq_sendtext(StringInfo buf, const char *str, int slen)
{
    appendBinaryStringInfo(buf, str, slen);
}

void
pq_sendstring(StringInfo buf, const char *str)
{
    appendBinaryStringInfo(buf, str, (int) strlen(str) + 1);
}

void
pq_putemptymessage(char msgtype)
{
    (void) pq_putmessage(msgtype, NULL, 0);
}

void
pq_puttextmessage(char msgtype, const char *str)
{
    (void) pq_putmessage(msgtype, str, strlen(str) + 1);
}

void
pq_begintypsend(StringInfo buf)
{
    initStringInfo(buf);
    /* reserve the varlena header */
    appendBinaryStringInfo(buf, "\0\0\0\0", 4);
}

bytea *
pq_endtypsend(StringInfo buf)
{
    bytea  *result = (bytea *) buf->data;

    SET_VARSIZE(result, buf->len);
    return result;
}

/* ---------------------------------------------------------------- parsing */

int
pq_getmsgremaining(StringInfo msg)
{
    return msg->len - msg->cursor;
}

int
pq_getmsgbyte(StringInfo msg)
{
    if (msg->cursor >= msg->len)
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("no data left in message")));
    return (unsigned char) msg->data[msg->cursor++];
}

void
pq_copymsgbytes(StringInfo msg, char *buf, int datalen)
{
    if (datalen < 0 || datalen > (msg->len - msg->cursor))
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("insufficient data left in message")));
    memcpy(buf, &msg->data[msg->cursor], (size_t) datalen);
    msg->cursor += datalen;
}

unsigned int
pq_getmsgint(StringInfo msg, int b)
{
    unsigned char n8;
    uint16  n16;
    uint32  n32;

    switch (b)
    {
        case 1:
            pq_copymsgbytes(msg, (char *) &n8, 1);
            return n8;
        case 2:
            pq_copymsgbytes(msg, (char *) &n16, 2);
            return ntohs(n16);
        case 4:
            pq_copymsgbytes(msg, (char *) &n32, 4);
            return ntohl(n32);
        default:
            elog(ERROR, "unsupported integer size %d", b);
    }
    return 0;
}

int64
pq_getmsgint64(StringInfo msg)
{
    uint64  hi = pq_getmsgint(msg, 4);
    uint64  lo = pq_getmsgint(msg, 4);

    return (int64) ((hi << 32) | lo);
}

float4
pq_getmsgfloat4(StringInfo msg)
{
    union { float4 f; uint32 i; } u;

    u.i = pq_getmsgint(msg, 4);
    return u.f;
}

float8
pq_getmsgfloat8(StringInfo msg)
{
    union { float8 f; uint64 i; } u;

    u.i = (uint64) pq_getmsgint64(msg);
    return u.f;
}

const char *
pq_getmsgbytes(StringInfo msg, int datalen)
{
    const char *result;

    if (datalen < 0 || datalen > (msg->len - msg->cursor))
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("insufficient data left in message")));
    result = &msg->data[msg->cursor];
    msg->cursor += datalen;
    return result;
}

char *
pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes)
{
    const char *str;
    char   *p;

    if (rawbytes < 0 || rawbytes > (msg->len - msg->cursor))
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("insufficient data left in message")));
    str = &msg->data[msg->cursor];
    msg->cursor += rawbytes;
    pq_verify_utf8(str, rawbytes, false);
    p = palloc((Size) rawbytes + 1);
    memcpy(p, str, (size_t) rawbytes);
    p[rawbytes] = '\0';
    if (nbytes)
        *nbytes = rawbytes;
    return p;
}

const char *
pq_getmsgrawstring(StringInfo msg)
{
    const char *str;
    size_t  slen;

    if (msg->cursor >= msg->len)
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("invalid string in message")));
    str = &msg->data[msg->cursor];
    /* The terminator must lie inside the message, not in the NUL pq adds. */
    slen = strnlen(str, (size_t) (msg->len - msg->cursor));
    if ((int) slen >= msg->len - msg->cursor)
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("invalid string in message")));
    msg->cursor += (int) slen + 1;
    return str;
}

const char *
pq_getmsgstring(StringInfo msg)
{
    const char *str = pq_getmsgrawstring(msg);

    pq_verify_utf8(str, (int) strlen(str), false);
    return str;
}

void
pq_getmsgend(StringInfo msg)
{
    if (msg->cursor != msg->len)
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("invalid message format")));
}

/* ---------------------------------------------------------------- UTF-8 */

static int
utf8_mblen(unsigned char c)
{
    if ((c & 0x80) == 0)
        return 1;
    if ((c & 0xe0) == 0xc0)
        return 2;
    if ((c & 0xf0) == 0xe0)
        return 3;
    if ((c & 0xf8) == 0xf0)
        return 4;
    return 1;
}

/* PostgreSQL's pg_utf8_islegal: is source[0..length) one legal character? */
static bool
utf8_islegal(const unsigned char *source, int length)
{
    unsigned char a;

    switch (length)
    {
        default:
            return false;
        case 4:
            a = source[3];
            if (a < 0x80 || a > 0xBF)
                return false;
            /* FALLTHROUGH */
        case 3:
            a = source[2];
            if (a < 0x80 || a > 0xBF)
                return false;
            /* FALLTHROUGH */
        case 2:
            a = source[1];
            switch (*source)
            {
                case 0xE0:
                    if (a < 0xA0 || a > 0xBF)
                        return false;
                    break;
                case 0xED:
                    if (a < 0x80 || a > 0x9F)
                        return false;
                    break;
                case 0xF0:
                    if (a < 0x90 || a > 0xBF)
                        return false;
                    break;
                case 0xF4:
                    if (a < 0x80 || a > 0x8F)
                        return false;
                    break;
                default:
                    if (a < 0x80 || a > 0xBF)
                        return false;
                    break;
            }
            /* FALLTHROUGH */
        case 1:
            a = *source;
            if (a >= 0x80 && a < 0xC2)
                return false;
            if (a > 0xF4)
                return false;
            break;
    }
    return true;
}

static void
report_invalid_utf8(const unsigned char *s, int len)
{
    char    buf[8 * 5 + 1];
    char   *p = buf;
    int     jlimit = Min(utf8_mblen(*s), len);

    jlimit = Min(jlimit, 8);
    for (int j = 0; j < jlimit; j++)
    {
        p += sprintf(p, "0x%02x", s[j]);
        if (j < jlimit - 1)
            *p++ = ' ';
    }
    *p = '\0';
    ereport(ERROR,
            (errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
             errmsg("invalid byte sequence for encoding \"%s\": %s", "UTF8", buf)));
}

bool
pq_verify_utf8(const char *str, int len, bool noError)
{
    const unsigned char *s = (const unsigned char *) str;

    while (len > 0)
    {
        int     l;

        if (*s < 0x80)
        {
            if (*s == '\0')
                goto bad;
            s++;
            len--;
            continue;
        }
        l = utf8_mblen(*s);
        if (l > len)
            goto bad;
        for (int i = 1; i < l; i++)
            if (s[i] == '\0')
                goto bad;
        if (!utf8_islegal(s, l))
            goto bad;
        s += l;
        len -= l;
    }
    return true;

bad:
    if (noError)
        return false;
    report_invalid_utf8(s, len);
    return false;
}
