/*-------------------------------------------------------------------------
 * array.h
 *    The general array type: PostgreSQL's ArrayType layout and the API the
 *    rest of Basalt uses to build, read and subscript arrays (the
 *    executor's ARRAY[...] constructors, = ANY/ALL, subscripts, aggregate
 *    state arrays, typmod cstring[] arrays).
 *
 * Layout (byte-for-byte PostgreSQL's, src/include/utils/array.h):
 *
 *    int32   vl_len_       varlena header (Basalt: always the plain 4-byte
 *                          form, so VARSIZE applies directly)
 *    int     ndim          number of dimensions, 0 .. MAXDIM
 *    int32   dataoffset    offset of the data, or 0 if there is no bitmap
 *    Oid     elemtype      element type OID
 *    int     dims[ndim]    length of each dimension
 *    int     lbound[ndim]  lower bound of each dimension
 *    bits8   nullbitmap[]  only when dataoffset != 0: one bit per element
 *                          in storage order, set = not null
 *    padding to MAXALIGN
 *    data                  the non-null elements in row-major order, each
 *                          aligned to typalign and stored as in a tuple
 *                          (pass-by-value ones in typlen bytes)
 *
 * Invariants: an array with no elements has ndim 0 (never a zero-length
 * dimension), dims[i] >= 1 otherwise, lbound[i] + dims[i] fits in int,
 * and nothing but an array with at least one NULL carries a bitmap.
 *
 * The header struct itself is procs/adt.h's AdtArray (so the scalar
 * built-ins' aggregate-state helpers and this module share one type);
 * ArrayType is its PostgreSQL name.  procs/array_util.h is the older
 * 1-D subset kept for its callers; new code includes this header.
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_ARRAY_H
#define PROCS_ARRAY_H

#include "backend/basalt.h"
#include "procs/adt.h"
#include "procs/fmgr.h"

typedef AdtArray ArrayType;
typedef uint8 bits8;

#define MAXDIM 6
/* Largest number of elements: each needs a Datum in deconstruct_array. */
#define MaxArraySize ((Size) (MaxAllocSize / sizeof(Datum)))

/* ---- access to the header ---- */
#define ARR_SIZE(a)      VARSIZE(a)
#define ARR_NDIM(a)      ((a)->ndim)
#define ARR_HASNULL(a)   ((a)->dataoffset != 0)
#define ARR_ELEMTYPE(a)  ((a)->elemtype)
#define ARR_DIMS(a)      ((int *) (((char *) (a)) + sizeof(ArrayType)))
#define ARR_LBOUND(a)    ((int *) (((char *) (a)) + sizeof(ArrayType) + \
                                   sizeof(int) * ARR_NDIM(a)))
#define ARR_NULLBITMAP(a) \
    (ARR_HASNULL(a) ? (bits8 *) (((char *) (a)) + sizeof(ArrayType) + \
                                 2 * sizeof(int) * ARR_NDIM(a)) : (bits8 *) NULL)
#define ARR_OVERHEAD_NONULLS(ndims) \
    MAXALIGN(sizeof(ArrayType) + 2 * sizeof(int) * (ndims))
#define ARR_OVERHEAD_WITHNULLS(ndims, nitems) \
    MAXALIGN(sizeof(ArrayType) + 2 * sizeof(int) * (ndims) + ((nitems) + 7) / 8)
#define ARR_DATA_OFFSET(a) \
    (ARR_HASNULL(a) ? (Size) (a)->dataoffset : ARR_OVERHEAD_NONULLS(ARR_NDIM(a)))
#define ARR_DATA_PTR(a)  (((char *) (a)) + ARR_DATA_OFFSET(a))

/* Basalt has no TOAST yet: an array Datum is the array itself. */
#define DatumGetArrayTypeP(X)     ((ArrayType *) DatumGetPointer(X))
#define DatumGetArrayTypePCopy(X) array_copy(DatumGetArrayTypeP(X))
#define PG_GETARG_ARRAYTYPE_P(n)  DatumGetArrayTypeP(PG_GETARG_DATUM(n))
#define PG_GETARG_ARRAYTYPE_P_COPY(n) DatumGetArrayTypePCopy(PG_GETARG_DATUM(n))
#define PointerGetArrayTypeDatum(a) PointerGetDatum(a)
#define PG_RETURN_ARRAYTYPE_P(x)  PG_RETURN_POINTER(x)

/* ---- element storage, as in a heap tuple (PostgreSQL's tupmacs.h) ---- */

/* Align an offset or pointer to typalign ('c', 's', 'i', 'd'). */
static inline uintptr_t
arr_align(char typalign, uintptr_t len)
{
    switch (typalign)
    {
        case 'c': return len;
        case 's': return SHORTALIGN(len);
        case 'i': return INTALIGN(len);
        default:  return DOUBLEALIGN(len);
    }
}

/* Stored size of the element at p (typlen -1 varlena, -2 cstring). */
static inline Size
arr_elem_size(const char *p, int16 typlen)
{
    if (typlen > 0)
        return (Size) typlen;
    if (typlen == -1)
        return VARSIZE(p);
    return strlen(p) + 1;
}

/* Size a Datum of the element type will occupy when stored. */
static inline Size
arr_datum_size(Datum d, int16 typlen)
{
    if (typlen > 0)
        return (Size) typlen;
    return arr_elem_size(DatumGetPointer(d), typlen);
}

/* The Datum for the stored element at p. */
static inline Datum
arr_fetch(const char *p, bool typbyval, int16 typlen)
{
    if (!typbyval)
        return PointerGetDatum(p);
    switch (typlen)
    {
        case 1: return CharGetDatum(*(const char *) p);
        case 2: return Int16GetDatum(*(const int16 *) p);
        case 4: return Int32GetDatum(*(const int32 *) p);
        default: return Int64GetDatum(*(const int64 *) p);
    }
}

/* Store d at p (already aligned); returns the bytes written. */
static inline Size
arr_store(char *p, Datum d, bool typbyval, int16 typlen)
{
    if (typbyval)
    {
        switch (typlen)
        {
            case 1: *(char *) p = DatumGetChar(d); break;
            case 2: *(int16 *) p = DatumGetInt16(d); break;
            case 4: *(int32 *) p = DatumGetInt32(d); break;
            default: *(int64 *) p = DatumGetInt64(d); break;
        }
        return (Size) typlen;
    }
    else
    {
        Size len = arr_datum_size(d, typlen);

        memcpy(p, DatumGetPointer(d), len);
        return len;
    }
}

/* ---- element type information cached per call site (fn_extra) ---- */
typedef struct ArrayMetaState
{
    Oid         element_type;
    int16       typlen;
    bool        typbyval;
    char        typalign;
    char        typdelim;
    Oid         typioparam;
    Oid         typiofunc;
    FmgrInfo    proc;
} ArrayMetaState;

/* ---- dimensions (arrayfuncs.c) ---- */

/* Product of dims; 54000 if it exceeds MaxArraySize. */
extern int ArrayGetNItems(int ndim, const int *dims);
/* 54000 "array lower bound is too large" if some lbound + dim overflows. */
extern void ArrayCheckBounds(int ndim, const int *dims, const int *lb);
/* Row-major offset of subscript tuple indx (absolute subscripts). */
extern int ArrayGetOffset(int n, const int *dim, const int *lb, const int *indx);
extern int ArrayGetNItemsOfArray(const ArrayType *a);

/* ---- construction and deconstruction (arrayfuncs.c) ---- */

/* An empty array (ndim 0) of elmtype. */
extern ArrayType *construct_empty_array(Oid elmtype);
/* A 1-D array, lower bound 1, of nelems non-null elements (0 → empty). */
extern ArrayType *construct_array(Datum *elems, int nelems, Oid elmtype,
                                  int elmlen, bool elmbyval, char elmalign);
/*
 * An ndims-dimensional array: dims[] and lbs[] give the shape, elems (and
 * nulls, which may be NULL) the elements in row-major order.  ndims 0 or
 * a zero dimension gives the empty array.  Elements are copied.
 */
extern ArrayType *construct_md_array(Datum *elems, bool *nulls, int ndims,
                                     int *dims, int *lbs, Oid elmtype,
                                     int elmlen, bool elmbyval, char elmalign);
/*
 * The elements in storage order as palloc'd arrays.  Pass-by-reference
 * elements point into the array (they are not copied).  nullsp may be
 * NULL only if the array has no NULLs (else 22004 error).
 */
extern void deconstruct_array(ArrayType *array, Oid elmtype, int elmlen,
                              bool elmbyval, char elmalign,
                              Datum **elemsp, bool **nullsp, int *nelemsp);
/* True if any element is NULL. */
extern bool array_contains_nulls(ArrayType *array);
/* A palloc'd copy. */
extern ArrayType *array_copy(const ArrayType *array);
/* Is element offset (0-based, storage order) NULL? bitmap may be NULL. */
static inline bool
array_get_isnull(const bits8 *nullbitmap, int offset)
{
    return nullbitmap != NULL && !(nullbitmap[offset / 8] & (1 << (offset % 8)));
}

/*
 * Copy nitems null flags from bitmap src (NULL: all not-null) starting
 * at bit srcoff into dst starting at bit dstoff.
 */
extern void array_bitmap_copy(bits8 *dst, int dstoff, const bits8 *src, int srcoff,
                              int nitems);

/*
 * Element-type info for an array's element type, cached in *cache
 * (initialise cache->element_type to InvalidOid).  Fills typlen,
 * typbyval, typalign, typdelim; leaves the I/O fields unset.
 */
extern void array_elem_info(ArrayMetaState *cache, Oid elemtype);

/* ---- subscripting (arrayfuncs.c) ----
 * Subscripts are absolute (as written in SQL), nSubscripts of them.
 * Reading outside the array, or with a wrong number of subscripts, gives
 * NULL (*isNull true).  Assignment follows PostgreSQL: a 1-D array (or an
 * empty one) is extended with NULLs to reach the subscript; a multi-D one
 * must be subscripted inside its bounds (2202E otherwise).  The result of
 * array_set_element is a new array; the input is not modified.
 */
extern Datum array_get_element(Datum arraydatum, int nSubscripts, int *indx,
                               int arraytyplen, int elmlen, bool elmbyval,
                               char elmalign, bool *isNull);
extern Datum array_set_element(Datum arraydatum, int nSubscripts, int *indx,
                               Datum dataValue, bool isNull, int arraytyplen,
                               int elmlen, bool elmbyval, char elmalign);
/*
 * Slices a[lo:hi] (upperIndx/lowerIndx absolute; *Provided false means the
 * bound was omitted, as in a[:2]).  Out-of-range slices give an empty
 * array, as in PostgreSQL.
 */
extern Datum array_get_slice(Datum arraydatum, int nSubscripts,
                             int *upperIndx, int *lowerIndx,
                             bool *upperProvided, bool *lowerProvided,
                             int arraytyplen, int elmlen, bool elmbyval,
                             char elmalign);
extern Datum array_set_slice(Datum arraydatum, int nSubscripts,
                             int *upperIndx, int *lowerIndx,
                             bool *upperProvided, bool *lowerProvided,
                             Datum srcArrayDatum, bool isNull,
                             int arraytyplen, int elmlen, bool elmbyval,
                             char elmalign);

/* ---- iteration in storage order (arrayfuncs.c) ---- */
typedef struct ArrayIteratorData *ArrayIterator;

/*
 * Iterate the elements (slice_ndim 0) or the slice_ndim-dimensional
 * slices of arr.  mstate may be NULL (element info is then looked up).
 */
extern ArrayIterator array_create_iterator(ArrayType *arr, int slice_ndim,
                                           ArrayMetaState *mstate);
extern bool array_iterate(ArrayIterator iterator, Datum *value, bool *isnull);
extern void array_free_iterator(ArrayIterator iterator);

/* ---- accumulating results (array_agg.c) ----
 * PostgreSQL's ArrayBuildState: append elements one at a time in mcontext
 * (a private child context when subcontext is true), then make the array.
 */
typedef struct ArrayBuildState
{
    MemoryContext mcontext;
    Datum      *dvalues;
    bool       *dnulls;
    int         alen;           /* allocated length of the above */
    int         nelems;
    Oid         element_type;
    int16       typlen;
    bool        typbyval;
    char        typalign;
    bool        private_cxt;
} ArrayBuildState;

/* The same for array_agg over arrays: sub-arrays of equal shape. */
typedef struct ArrayBuildStateArr
{
    MemoryContext mcontext;
    char       *data;
    bits8      *nullbitmap;     /* NULL while no null element was added */
    int         abytes;
    int         nbytes;
    int         aitems;
    int         nitems;
    int         ndims;          /* of the result; 0 until the first input */
    int         dims[MAXDIM];
    int         lbs[MAXDIM];
    Oid         array_type;
    Oid         element_type;
    bool        private_cxt;
} ArrayBuildStateArr;

extern ArrayBuildState *initArrayResult(Oid element_type, MemoryContext rcontext,
                                        bool subcontext);
extern ArrayBuildState *accumArrayResult(ArrayBuildState *astate, Datum dvalue,
                                         bool disnull, Oid element_type,
                                         MemoryContext rcontext);
/* 1-D result with lower bound 1; empty input gives the empty array. */
extern Datum makeArrayResult(ArrayBuildState *astate, MemoryContext rcontext);
extern Datum makeMdArrayResult(ArrayBuildState *astate, int ndims, int *dims,
                               int *lbs, MemoryContext rcontext, bool release);

extern ArrayBuildStateArr *initArrayResultArr(Oid array_type, Oid element_type,
                                              MemoryContext rcontext, bool subcontext);
extern ArrayBuildStateArr *accumArrayResultArr(ArrayBuildStateArr *astate,
                                               Datum dvalue, bool disnull,
                                               Oid array_type, MemoryContext rcontext);
extern Datum makeArrayResultArr(ArrayBuildStateArr *astate, MemoryContext rcontext,
                                bool release);

/* ---- element comparison (array_ops.c) ----
 * Whole-array comparison with PostgreSQL's btree semantics (element-wise,
 * NULL sorts after non-NULL, then by number of dimensions, dims and
 * lower bounds).  Errors 42883 if the element type has no btree opclass.
 * cache is a per-call-site slot (e.g. &flinfo->fn_extra) or NULL.
 */
extern int array_cmp_arrays(ArrayType *a, ArrayType *b, Oid collation,
                            void **cache, MemoryContext cachecxt);
extern bool array_eq_arrays(ArrayType *a, ArrayType *b, Oid collation,
                            void **cache, MemoryContext cachecxt);

/* fmgr-callable built-ins other modules call directly */
extern Datum array_in(PG_FUNCTION_ARGS);
extern Datum array_out(PG_FUNCTION_ARGS);
extern Datum array_recv(PG_FUNCTION_ARGS);
extern Datum array_send(PG_FUNCTION_ARGS);
extern Datum array_eq(PG_FUNCTION_ARGS);
extern Datum btarraycmp(PG_FUNCTION_ARGS);
extern Datum hash_array(PG_FUNCTION_ARGS);

#endif /* PROCS_ARRAY_H */
