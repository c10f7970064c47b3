/*-------------------------------------------------------------------------
 * pqformat.h
 *    Building outgoing protocol messages and parsing incoming ones
 *    (PostgreSQL's src/backend/libpq/pqformat.c).
 *
 * Building: pq_beginmessage(&buf, 'T') ... pq_send*() ... pq_endmessage.
 * The message is assembled in a StringInfo (in CurrentMemoryContext) and
 * handed to pqcomm whole, so a failure mid-build never puts a partial
 * message on the wire.  Integers go out in network byte order.
 *
 * Parsing: a received message body is a StringInfo whose cursor walks it.
 * Every reader checks the remaining length first and raises
 * ERROR 08P01 ("insufficient data left in message", "invalid string in
 * message", "no data left in message", "invalid message format") on a
 * malformed message; it never reads past msg->len.  Strings from the
 * client are also checked to be valid UTF-8 (22021, PostgreSQL's
 * "invalid byte sequence for encoding" report), since the server encoding
 * is UTF8 and every accepted client encoding is passed through unchanged.
 *-------------------------------------------------------------------------
 */
#ifndef PQFORMAT_H
#define PQFORMAT_H

#include "backend/utils/stringinfo.h"

/* ---- building ---- */
extern void pq_beginmessage(StringInfo buf, char msgtype);
extern void pq_beginmessage_reuse(StringInfo buf, char msgtype);
extern void pq_endmessage(StringInfo buf);
extern void pq_endmessage_reuse(StringInfo buf);
extern void pq_sendbyte(StringInfo buf, uint8 byt);
extern void pq_sendint8(StringInfo buf, uint8 i);
extern void pq_sendint16(StringInfo buf, uint16 i);
extern void pq_sendint32(StringInfo buf, uint32 i);
extern void pq_sendint64(StringInfo buf, uint64 i);
extern void pq_sendfloat4(StringInfo buf, float4 f);
extern void pq_sendfloat8(StringInfo buf, float8 f);
extern void pq_sendbytes(StringInfo buf, const void *data, int datalen);
/* int32 length (plus 4 if countincludesself) then the bytes */
extern void pq_sendcountedtext(StringInfo buf, const char *str, int slen,
                               bool countincludesself);
extern void pq_sendtext(StringInfo buf, const char *str, int slen);
/* NUL-terminated string */
extern void pq_sendstring(StringInfo buf, const char *str);
/* Whole messages in one call */
extern void pq_putemptymessage(char msgtype);
extern void pq_puttextmessage(char msgtype, const char *str);

/* Varlena for a type's send function: begin/end a bytea result. */
extern void pq_begintypsend(StringInfo buf);
extern bytea *pq_endtypsend(StringInfo buf);

/* ---- parsing ---- */
extern int  pq_getmsgbyte(StringInfo msg);
extern unsigned int pq_getmsgint(StringInfo msg, int b);   /* b = 1, 2 or 4 */
extern int64 pq_getmsgint64(StringInfo msg);
extern float4 pq_getmsgfloat4(StringInfo msg);
extern float8 pq_getmsgfloat8(StringInfo msg);
/* Pointer into the message; datalen bytes, not NUL-terminated. */
extern const char *pq_getmsgbytes(StringInfo msg, int datalen);
extern void pq_copymsgbytes(StringInfo msg, char *buf, int datalen);
/* palloc'd NUL-terminated copy of datalen bytes, verified as UTF-8 */
extern char *pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes);
/* NUL-terminated string in the message, verified as UTF-8 (points into msg) */
extern const char *pq_getmsgstring(StringInfo msg);
extern const char *pq_getmsgrawstring(StringInfo msg);
extern void pq_getmsgend(StringInfo msg);
extern int  pq_getmsgremaining(StringInfo msg);

/*
 * Verify that s[0..len) is valid UTF-8 without NUL bytes; ERROR 22021
 * ("invalid byte sequence for encoding \"UTF8\": 0x..") if not.
 * Returns true when valid and noError, false on error with noError.
 */
extern bool pq_verify_utf8(const char *s, int len, bool noError);

#endif
