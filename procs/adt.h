/*-------------------------------------------------------------------------
 * adt.h
 *    Private helpers shared by the built-in type modules in procs/ (int.c,
 *    float.c, numeric.c, varlena.c, ...).  Not a contract for other modules.
 *
 * Binary send/receive functions use pgwire/pqformat.h (included here):
 * a send function builds its bytea with pq_begintypsend .. pq_endtypsend,
 * a receive function reads the parameter's StringInfo with pq_getmsg*.
 *
 * Two groups of helpers:
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
#include "pgwire/pqformat.h"
#include "procs/fmgr.h"

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
