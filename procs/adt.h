/*-------------------------------------------------------------------------
 * adt.h
 *    Private helpers shared by the built-in type modules in procs/ (int.c,
 *    float.c, numeric.c, varlena.c, ...).  Not a contract for other modules.
 *
 * Three groups:
 *
 *  - Binary wire format (PostgreSQL's pqformat): a send function builds a
 *    bytea in a StringInfo (pq_begintypsend .. pq_endtypsend) writing
 *    integers in network byte order; a receive function reads from the
 *    StringInfo holding the parameter, raising PostgreSQL's "insufficient
 *    data left in message" (08P01) when it runs past the end.  These are
 *    static inlines so procs/ does not depend on pgwire/.
 *
 *  - Server-encoding character handling.  Basalt's server encoding is
 *    UTF8, so character counts skip continuation bytes (10xxxxxx).
 *
 *  - Access to one-dimensional arrays in PostgreSQL's ArrayType layout
 *    (header, dims, lower bounds, optional null bitmap, MAXALIGNed data).
 *    Aggregate states declared as float8[]/int8[] in pg_aggregate, the
 *    cstring[] handed to typmodin functions, and oidvector/int2vector use
 *    that layout.  The general array type lives with the array functions;
 *    these few accessors only cover what the scalar built-ins need.
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_ADT_H
#define PROCS_ADT_H

#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "procs/fmgr.h"

/* ---------------------------------------------------------------- wire */

static inline void
pq_begintypsend(StringInfo buf)
{
    initStringInfo(buf);
    appendBinaryStringInfo(buf, "\0\0\0\0", 4);     /* varlena header */
}

static inline bytea *
pq_endtypsend(StringInfo buf)
{
    bytea *result = (bytea *) buf->data;

    SET_VARSIZE(result, buf->len);
    return result;
}

static inline void
pq_sendint8(StringInfo buf, uint8 v)
{
    appendBinaryStringInfo(buf, &v, 1);
}

static inline void
pq_sendint16(StringInfo buf, uint16 v)
{
    unsigned char b[2] = {(unsigned char) (v >> 8), (unsigned char) v};

    appendBinaryStringInfo(buf, b, 2);
}

static inline void
pq_sendint32(StringInfo buf, uint32 v)
{
    unsigned char b[4] = {(unsigned char) (v >> 24), (unsigned char) (v >> 16),
                          (unsigned char) (v >> 8), (unsigned char) v};

    appendBinaryStringInfo(buf, b, 4);
}

static inline void
pq_sendint64(StringInfo buf, uint64 v)
{
    pq_sendint32(buf, (uint32) (v >> 32));
    pq_sendint32(buf, (uint32) v);
}

static inline void
pq_sendfloat4(StringInfo buf, float4 f)
{
    union { float4 f; uint32 i; } u;

    u.f = f;
    pq_sendint32(buf, u.i);
}

static inline void
pq_sendfloat8(StringInfo buf, float8 f)
{
    union { float8 f; uint64 i; } u;

    u.f = f;
    pq_sendint64(buf, u.i);
}

static inline void
pq_sendbytes(StringInfo buf, const void *data, int len)
{
    appendBinaryStringInfo(buf, data, len);
}

static inline void
pq_insufficient_data(void)
{
    ereport(ERROR, errcode(ERRCODE_PROTOCOL_VIOLATION),
            errmsg("insufficient data left in message"));
}

static inline const unsigned char *
pq_getmsgbytes(StringInfo msg, int len)
{
    const unsigned char *p;

    if (len < 0 || len > msg->len - msg->cursor)
        pq_insufficient_data();
    p = (const unsigned char *) msg->data + msg->cursor;
    msg->cursor += len;
    return p;
}

static inline void
pq_copymsgbytes(StringInfo msg, void *dst, int len)
{
    memcpy(dst, pq_getmsgbytes(msg, len), len);
}

static inline uint8
pq_getmsgint8(StringInfo msg)
{
    return pq_getmsgbytes(msg, 1)[0];
}

static inline uint16
pq_getmsgint16(StringInfo msg)
{
    const unsigned char *p = pq_getmsgbytes(msg, 2);

    return (uint16) ((p[0] << 8) | p[1]);
}

static inline uint32
pq_getmsgint32(StringInfo msg)
{
    const unsigned char *p = pq_getmsgbytes(msg, 4);

    return ((uint32) p[0] << 24) | ((uint32) p[1] << 16) |
           ((uint32) p[2] << 8) | (uint32) p[3];
}

static inline uint64
pq_getmsgint64(StringInfo msg)
{
    uint64 hi = pq_getmsgint32(msg);

    return (hi << 32) | pq_getmsgint32(msg);
}

static inline float4
pq_getmsgfloat4(StringInfo msg)
{
    union { float4 f; uint32 i; } u;

    u.i = pq_getmsgint32(msg);
    return u.f;
}

static inline float8
pq_getmsgfloat8(StringInfo msg)
{
    union { float8 f; uint64 i; } u;

    u.i = pq_getmsgint64(msg);
    return u.f;
}

/* The rest of the message as a palloc'd NUL-terminated string. */
static inline char *
pq_getmsgtext(StringInfo msg, int rawbytes, int *nbytes)
{
    const unsigned char *p = pq_getmsgbytes(msg, rawbytes);

    *nbytes = rawbytes;
    return pnstrdup((const char *) p, rawbytes);
}

/* ---------------------------------------------------------------- UTF8 */

/* Number of characters in the first len bytes of s. */
static inline int
pg_mbstrlen_with_len(const char *s, int len)
{
    int n = 0;

    for (int i = 0; i < len; i++)
        n += ((unsigned char) s[i] & 0xC0) != 0x80;
    return n;
}

/* Byte length of the first `limit` characters of s (len bytes long). */
static inline int
pg_mbcharcliplen(const char *s, int len, int limit)
{
    int i;
    int n = 0;

    for (i = 0; i < len; i++)
    {
        if (((unsigned char) s[i] & 0xC0) != 0x80)
        {
            if (n == limit)
                break;
            n++;
        }
    }
    return i;
}

/* Largest byte length <= limit that does not split a character. */
static inline int
pg_mbcliplen(const char *s, int len, int limit)
{
    if (len <= limit)
        return len;
    while (limit > 0 && ((unsigned char) s[limit] & 0xC0) == 0x80)
        limit--;
    return limit;
}

/* ---------------------------------------------------------------- arrays */

/* PostgreSQL's ArrayType header; dims[], lbounds[] and the data follow. */
typedef struct AdtArray
{
    uint32  vl_len_;
    int     ndim;
    int32   dataoffset;         /* 0 if no null bitmap */
    Oid     elemtype;
} AdtArray;

#define ADT_ARR_DIMS(a)    ((int *) (((char *) (a)) + sizeof(AdtArray)))
#define ADT_ARR_LBOUND(a)  (ADT_ARR_DIMS(a) + (a)->ndim)
#define ADT_ARR_OVERHEAD_NONULLS(ndim) MAXALIGN(sizeof(AdtArray) + 2 * sizeof(int) * (ndim))
#define ADT_ARR_HASNULL(a) ((a)->dataoffset != 0)
#define ADT_ARR_DATA(a) \
    (((char *) (a)) + (ADT_ARR_HASNULL(a) ? (Size) (a)->dataoffset : \
                       ADT_ARR_OVERHEAD_NONULLS((a)->ndim)))

/* A new one-dimensional, lower-bound-1, null-free array of 8-byte values. */
static inline AdtArray *
adt_make_array8(Oid elemtype, const void *values, int n)
{
    Size     hdr = ADT_ARR_OVERHEAD_NONULLS(1);
    AdtArray *a = (AdtArray *) palloc0(hdr + 8 * (Size) n);

    SET_VARSIZE(a, hdr + 8 * (Size) n);
    a->ndim = 1;
    a->dataoffset = 0;
    a->elemtype = elemtype;
    ADT_ARR_DIMS(a)[0] = n;
    ADT_ARR_LBOUND(a)[0] = 1;
    memcpy(ADT_ARR_DATA(a), values, 8 * (Size) n);
    return a;
}

/*
 * Check that an aggregate state array is one-dimensional, null-free, of the
 * element type and length expected; return its data.
 */
static inline void *
adt_check_array8(AdtArray *a, Oid elemtype, int n, const char *caller)
{
    if (a->ndim != 1 || ADT_ARR_DIMS(a)[0] != n || ADT_ARR_HASNULL(a) ||
        a->elemtype != elemtype)
        elog(ERROR, "%s: expected %d-element %s array", caller, n,
             elemtype == 701 ? "float8" : "int8");
    return ADT_ARR_DATA(a);
}

/*
 * The integers of a typmod array (cstring[]), checked as PostgreSQL's
 * ArrayGetIntegerTypmods does: returns a palloc'd array, *n its length.
 * (int.c)
 */
extern int32 *adt_typmod_integers(AdtArray *arr, int *n);

#endif /* PROCS_ADT_H */
