/*-------------------------------------------------------------------------
 * array_util.c
 *    Build and read one-dimensional arrays in PostgreSQL's ArrayType
 *    layout (see array_util.h) for the scalar built-ins that need text[]
 *    results or VARIADIC arguments.
 *
 * Invariants: the header and data are exactly PostgreSQL's, so the array
 * type's I/O, send/receive and subscripting (procs' array module) read
 * what is built here; elements are copied, never referenced.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/array_util.h"

#define TEXTOID_ 25

static Size
align_to(char typalign, Size len)
{
    switch (typalign)
    {
        case 'c': return len;
        case 's': return SHORTALIGN(len);
        case 'i': return INTALIGN(len);
        default:  return DOUBLEALIGN(len);
    }
}

static Size
datum_size(Datum d, int16 typlen)
{
    if (typlen > 0)
        return typlen;
    if (typlen == -1)
        return VARSIZE(DatumGetPointer(d));
    return strlen(DatumGetCString(d)) + 1;      /* cstring */
}

AdtArray *
adt_construct_array(const Datum *elems, const bool *nulls, int n, Oid elemtype,
                    int16 typlen, bool typbyval, char typalign)
{
    bool        hasnull = false;
    Size        hdr;
    Size        nbytes = 0;
    AdtArray   *a;
    char       *p;

    if (n <= 0)
    {
        a = palloc0(sizeof(AdtArray));
        SET_VARSIZE(a, sizeof(AdtArray));
        a->ndim = 0;
        a->dataoffset = 0;
        a->elemtype = elemtype;
        return a;
    }

    for (int i = 0; i < n; i++)
    {
        if (nulls && nulls[i])
        {
            hasnull = true;
            continue;
        }
        nbytes = align_to(typalign, nbytes) + datum_size(elems[i], typlen);
        if (!AllocSizeIsValid(nbytes))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
    }
    hdr = hasnull ? MAXALIGN(sizeof(AdtArray) + 2 * sizeof(int) + (n + 7) / 8)
                  : ADT_ARR_OVERHEAD_NONULLS(1);
    if (!AllocSizeIsValid(hdr + nbytes))
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));

    a = palloc0(hdr + nbytes);
    SET_VARSIZE(a, hdr + nbytes);
    a->ndim = 1;
    a->dataoffset = hasnull ? (int32) hdr : 0;
    a->elemtype = elemtype;
    ADT_ARR_DIMS(a)[0] = n;
    ADT_ARR_LBOUND(a)[0] = 1;

    if (hasnull)
    {
        uint8 *bitmap = (uint8 *) (ADT_ARR_LBOUND(a) + 1);

        for (int i = 0; i < n; i++)
            if (!nulls[i])
                bitmap[i / 8] |= (uint8) (1 << (i % 8));
    }

    p = (char *) a + hdr;
    for (int i = 0; i < n; i++)
    {
        Size len;

        if (nulls && nulls[i])
            continue;
        p = (char *) a + hdr + align_to(typalign, p - ((char *) a + hdr));
        len = datum_size(elems[i], typlen);
        if (typbyval)
            memcpy(p, &elems[i], len);      /* little-endian: low bytes first */
        else
            memcpy(p, DatumGetPointer(elems[i]), len);
        p += len;
    }
    return a;
}

AdtArray *
adt_construct_text_array(const Datum *elems, const bool *nulls, int n)
{
    return adt_construct_array(elems, nulls, n, TEXTOID_, -1, false, 'i');
}

int
adt_array_nitems(const AdtArray *arr)
{
    int n = 1;

    if (arr->ndim <= 0)
        return 0;
    for (int i = 0; i < arr->ndim; i++)
        n *= ADT_ARR_DIMS((AdtArray *) arr)[i];
    return n;
}

int
adt_deconstruct_array(AdtArray *arr, int16 typlen, bool typbyval, char typalign,
                      Datum **elems, bool **nulls)
{
    int         n = adt_array_nitems(arr);
    const uint8 *bitmap = ADT_ARR_HASNULL(arr) ?
        (const uint8 *) (ADT_ARR_LBOUND(arr) + arr->ndim) : NULL;
    char       *base = ADT_ARR_DATA(arr);
    Size        off = 0;

    *elems = palloc(sizeof(Datum) * Max(n, 1));
    *nulls = palloc(sizeof(bool) * Max(n, 1));
    for (int i = 0; i < n; i++)
    {
        char *p;

        if (bitmap && !(bitmap[i / 8] & (1 << (i % 8))))
        {
            (*elems)[i] = (Datum) 0;
            (*nulls)[i] = true;
            continue;
        }
        off = align_to(typalign, off);
        p = base + off;
        (*nulls)[i] = false;
        if (typbyval)
        {
            Datum d = 0;

            memcpy(&d, p, typlen);
            if (typlen == 1)
                d = (Datum) (int64) *(int8 *) p;
            else if (typlen == 2)
                d = (Datum) (int64) *(int16 *) p;
            else if (typlen == 4)
                d = (Datum) (int64) *(int32 *) p;
            (*elems)[i] = d;
        }
        else
            (*elems)[i] = PointerGetDatum(p);
        off += typlen > 0 ? (Size) typlen : typlen == -1 ? VARSIZE(p) : strlen(p) + 1;
    }
    return n;
}
