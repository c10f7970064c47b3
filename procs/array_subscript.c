/*-------------------------------------------------------------------------
 * array_subscript.c
 *    Subscripting and iteration of arrays (procs/array.h): the executor's
 *    a[i], a[i:j] reads and assignments, and array_create_iterator.
 *
 * Principal entry points:
 *    array_get_element / array_set_element    one element
 *    array_get_slice / array_set_slice        a[lo:hi] (bounds may be omitted)
 *    array_create_iterator / array_iterate    elements or slices in storage order
 *
 * Semantics are PostgreSQL 15's (src/backend/utils/adt/arrayfuncs.c):
 * reads never fail (a subscript outside the array, or the wrong number of
 * subscripts, gives NULL; an out-of-range slice is clipped, possibly to
 * '{}'); assignment to a 1-D or empty array extends it with NULLs to
 * reach the subscript, while a multi-dimensional array must be assigned
 * inside its bounds (2202E).  Results are new arrays: inputs are never
 * modified.  Subscript arithmetic that would overflow int is 54000.
 *
 * Assignments rebuild the array from its deconstructed elements (one
 * O(n) pass, like PostgreSQL's flat-array path); there is no expanded
 * in-place representation yet.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "procs/array.h"

static void
array_size_error(void)
{
    ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
            errmsg("array size exceeds the maximum allowed (%d)", (int) MaxArraySize));
}

/* ================================================================ subscripting */

/* Pointer to the nth stored element (0-based, storage order) of array. */
static char *
array_seek(ArrayType *array, int offset, int16 elmlen, char elmalign)
{
    char       *p = ARR_DATA_PTR(array);
    bits8      *bitmap = ARR_NULLBITMAP(array);

    if (elmlen > 0 && bitmap == NULL)
        return p + (Size) offset * arr_align(elmalign, elmlen);
    for (int i = 0; i < offset; i++)
    {
        if (array_get_isnull(bitmap, i))
            continue;
        p += arr_elem_size(p, elmlen);
        p = (char *) arr_align(elmalign, (uintptr_t) p);
    }
    return p;
}

static void wrong_subscripts(void) pg_attribute_noreturn();
static void
wrong_subscripts(void)
{
    ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
            errmsg("wrong number of array subscripts"));
    __builtin_unreachable();
}

static void subscript_out_of_range(void) pg_attribute_noreturn();
static void
subscript_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
            errmsg("array subscript out of range"));
    __builtin_unreachable();
}

/*
 * arraytyplen > 0 is a fixed-length "array" type (name, point): a C array
 * of elements with lower bound 0 and no header.
 */
Datum
array_get_element(Datum arraydatum, int nSubscripts, int *indx, int arraytyplen,
                  int elmlen, bool elmbyval, char elmalign, bool *isNull)
{
    ArrayType  *array;
    int         ndim;
    int        *dim;
    int        *lb;
    int         offset;

    if (arraytyplen > 0)
    {
        char *base = DatumGetPointer(arraydatum);

        if (nSubscripts != 1 || indx[0] < 0 || indx[0] >= arraytyplen / elmlen)
        {
            *isNull = true;
            return (Datum) 0;
        }
        *isNull = false;
        return arr_fetch(base + indx[0] * elmlen, elmbyval, (int16) elmlen);
    }

    array = DatumGetArrayTypeP(arraydatum);
    ndim = ARR_NDIM(array);
    dim = ARR_DIMS(array);
    lb = ARR_LBOUND(array);
    if (ndim != nSubscripts || ndim <= 0 || ndim > MAXDIM)
    {
        *isNull = true;
        return (Datum) 0;
    }
    for (int i = 0; i < ndim; i++)
    {
        if (indx[i] < lb[i] || indx[i] >= dim[i] + lb[i])
        {
            *isNull = true;
            return (Datum) 0;
        }
    }
    offset = ArrayGetOffset(nSubscripts, dim, lb, indx);
    if (array_get_isnull(ARR_NULLBITMAP(array), offset))
    {
        *isNull = true;
        return (Datum) 0;
    }
    *isNull = false;
    return arr_fetch(array_seek(array, offset, (int16) elmlen, elmalign), elmbyval,
                     (int16) elmlen);
}

/* The elements of array with room for newnitems, all NULL to start. */
static void
array_values_alloc(int newnitems, Datum **values, bool **nulls)
{
    *values = palloc0(Max(newnitems, 1) * sizeof(Datum));
    *nulls = palloc(Max(newnitems, 1) * sizeof(bool));
    memset(*nulls, true, Max(newnitems, 1) * sizeof(bool));
}

/*
 * Copy the old elements (olddim/oldlb shape) into their places in the
 * new shape (newdim/newlb, which contains the old one).
 */
static void
array_values_place(ArrayType *array, int ndim, const int *newdim, const int *newlb,
                   Datum *values, bool *nulls, int elmlen, bool elmbyval, char elmalign)
{
    Datum      *old;
    bool       *oldnulls;
    int         n;
    int        *olddim = ARR_DIMS(array);
    int        *oldlb = ARR_LBOUND(array);
    int         indx[MAXDIM];

    deconstruct_array(array, ARR_ELEMTYPE(array), elmlen, elmbyval, elmalign,
                      &old, &oldnulls, &n);
    for (int i = 0; i < ndim; i++)
        indx[i] = oldlb[i];
    for (int k = 0; k < n; k++)
    {
        int off = ArrayGetOffset(ndim, newdim, newlb, indx);

        values[off] = old[k];
        nulls[off] = oldnulls[k];
        /* advance the subscript tuple in row-major order */
        for (int d = ndim - 1; d >= 0; d--)
        {
            if (++indx[d] < oldlb[d] + olddim[d])
                break;
            indx[d] = oldlb[d];
        }
    }
}

static void
add_overflow_check(int a, int b, int *res)
{
    if (__builtin_add_overflow(a, b, res))
        array_size_error();
}

static void
sub_overflow_check(int a, int b, int *res)
{
    if (__builtin_sub_overflow(a, b, res))
        array_size_error();
}

Datum
array_set_element(Datum arraydatum, int nSubscripts, int *indx, Datum dataValue,
                  bool isNull, int arraytyplen, int elmlen, bool elmbyval, char elmalign)
{
    ArrayType  *array;
    int         ndim;
    int         dim[MAXDIM];
    int         lb[MAXDIM];
    int         newnitems;
    Datum      *values;
    bool       *nulls;

    if (arraytyplen > 0)
    {
        char *result;

        if (nSubscripts != 1)
            wrong_subscripts();
        if (indx[0] < 0 || indx[0] >= arraytyplen / elmlen)
            subscript_out_of_range();
        if (isNull)
            ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                    errmsg("cannot assign null value to an element of a fixed-length array"));
        result = palloc(arraytyplen);
        memcpy(result, DatumGetPointer(arraydatum), arraytyplen);
        arr_store(result + indx[0] * elmlen, dataValue, elmbyval, (int16) elmlen);
        return PointerGetDatum(result);
    }

    if (nSubscripts <= 0 || nSubscripts > MAXDIM)
        wrong_subscripts();

    array = DatumGetArrayTypeP(arraydatum);
    ndim = ARR_NDIM(array);

    /* an empty array takes the subscripts as its lower bounds */
    if (ndim == 0)
    {
        for (int i = 0; i < nSubscripts; i++)
        {
            dim[i] = 1;
            lb[i] = indx[i];
        }
        return PointerGetDatum(construct_md_array(&dataValue, &isNull, nSubscripts, dim, lb,
                                                  ARR_ELEMTYPE(array), elmlen, elmbyval,
                                                  elmalign));
    }
    if (ndim != nSubscripts)
        wrong_subscripts();

    memcpy(dim, ARR_DIMS(array), ndim * sizeof(int));
    memcpy(lb, ARR_LBOUND(array), ndim * sizeof(int));

    if (ndim == 1)
    {
        /* a 1-D array grows to reach the subscript, filling with NULLs */
        if (indx[0] < lb[0])
        {
            int addedbefore;

            sub_overflow_check(lb[0], indx[0], &addedbefore);
            add_overflow_check(dim[0], addedbefore, &dim[0]);
            lb[0] = indx[0];
        }
        if (indx[0] >= dim[0] + lb[0])
        {
            int addedafter;

            sub_overflow_check(indx[0], dim[0] + lb[0], &addedafter);
            add_overflow_check(addedafter, 1, &addedafter);
            add_overflow_check(dim[0], addedafter, &dim[0]);
        }
    }
    else
    {
        /* multi-dimensional arrays are not extended by assignment */
        for (int i = 0; i < ndim; i++)
            if (indx[i] < lb[i] || indx[i] >= dim[i] + lb[i])
                subscript_out_of_range();
    }

    newnitems = ArrayGetNItems(ndim, dim);
    ArrayCheckBounds(ndim, dim, lb);

    array_values_alloc(newnitems, &values, &nulls);
    array_values_place(array, ndim, dim, lb, values, nulls, elmlen, elmbyval, elmalign);
    {
        int off = ArrayGetOffset(ndim, dim, lb, indx);

        values[off] = isNull ? (Datum) 0 : dataValue;
        nulls[off] = isNull;
    }
    return PointerGetDatum(construct_md_array(values, nulls, ndim, dim, lb,
                                              ARR_ELEMTYPE(array), elmlen, elmbyval,
                                              elmalign));
}

Datum
array_get_slice(Datum arraydatum, int nSubscripts, int *upperIndx, int *lowerIndx,
                bool *upperProvided, bool *lowerProvided, int arraytyplen, int elmlen,
                bool elmbyval, char elmalign)
{
    ArrayType  *array;
    int         ndim;
    int        *dim;
    int        *lb;
    int         lo[MAXDIM];
    int         hi[MAXDIM];
    int         span[MAXDIM];
    int         newlb[MAXDIM];
    int         n;
    int         indx[MAXDIM];
    Datum      *values;
    bool       *nulls;
    Datum      *old;
    bool       *oldnulls;
    int         nold;

    if (arraytyplen > 0)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("slices of fixed-length arrays not implemented"));

    array = DatumGetArrayTypeP(arraydatum);
    ndim = ARR_NDIM(array);
    dim = ARR_DIMS(array);
    lb = ARR_LBOUND(array);

    /* a slice beyond the bounds is clipped; an empty slice is '{}' */
    if (ndim < nSubscripts || ndim <= 0 || ndim > MAXDIM)
        return PointerGetDatum(construct_empty_array(ARR_ELEMTYPE(array)));
    for (int i = 0; i < ndim; i++)
    {
        if (i < nSubscripts)
        {
            lo[i] = (!lowerProvided || !lowerProvided[i] || lowerIndx[i] < lb[i]) ? lb[i] : lowerIndx[i];
            hi[i] = (!upperProvided || !upperProvided[i] || upperIndx[i] >= dim[i] + lb[i])
                ? dim[i] + lb[i] - 1 : upperIndx[i];
        }
        else
        {
            lo[i] = lb[i];
            hi[i] = dim[i] + lb[i] - 1;
        }
        if (lo[i] > hi[i])
            return PointerGetDatum(construct_empty_array(ARR_ELEMTYPE(array)));
        span[i] = hi[i] - lo[i] + 1;
        newlb[i] = 1;
    }

    deconstruct_array(array, ARR_ELEMTYPE(array), elmlen, elmbyval, elmalign,
                      &old, &oldnulls, &nold);
    n = ArrayGetNItems(ndim, span);
    values = palloc(n * sizeof(Datum));
    nulls = palloc(n * sizeof(bool));
    for (int i = 0; i < ndim; i++)
        indx[i] = lo[i];
    for (int k = 0; k < n; k++)
    {
        int off = ArrayGetOffset(ndim, dim, lb, indx);

        values[k] = old[off];
        nulls[k] = oldnulls[off];
        for (int d = ndim - 1; d >= 0; d--)
        {
            if (++indx[d] <= hi[d])
                break;
            indx[d] = lo[d];
        }
    }
    return PointerGetDatum(construct_md_array(values, nulls, ndim, span, newlb,
                                              ARR_ELEMTYPE(array), elmlen, elmbyval,
                                              elmalign));
}

Datum
array_set_slice(Datum arraydatum, int nSubscripts, int *upperIndx, int *lowerIndx,
                bool *upperProvided, bool *lowerProvided, Datum srcArrayDatum,
                bool isNull, int arraytyplen, int elmlen, bool elmbyval, char elmalign)
{
    ArrayType  *array;
    ArrayType  *srcArray;
    int         ndim;
    int         dim[MAXDIM];
    int         lb[MAXDIM];
    int         lo[MAXDIM];
    int         hi[MAXDIM];
    int         span[MAXDIM];
    int         indx[MAXDIM];
    Datum      *src;
    bool       *srcnulls;
    int         nsrc;
    int         nitems;
    int         nslice;
    Datum      *values;
    bool       *nulls;
    Oid         elmtype;

    if (arraytyplen > 0)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("updates on slices of fixed-length arrays not implemented"));
    /* assigning NULL to a slice changes nothing */
    if (isNull)
        return arraydatum;

    array = DatumGetArrayTypeP(arraydatum);
    srcArray = DatumGetArrayTypeP(srcArrayDatum);
    elmtype = ARR_ELEMTYPE(array);
    ndim = ARR_NDIM(array);
    deconstruct_array(srcArray, elmtype, elmlen, elmbyval, elmalign, &src, &srcnulls, &nsrc);

    if (ndim == 0)
    {
        for (int i = 0; i < nSubscripts; i++)
        {
            if (!upperProvided[i] || !lowerProvided[i])
                ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                        errmsg("array slice subscript must provide both boundaries"),
                        errdetail("When assigning to a slice of an empty array value, slice boundaries must be fully specified."));
            dim[i] = 1 + upperIndx[i] - lowerIndx[i];
            lb[i] = lowerIndx[i];
        }
        if (nsrc < ArrayGetNItems(nSubscripts, dim))
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("source array too small"));
        return PointerGetDatum(construct_md_array(src, srcnulls, nSubscripts, dim, lb, elmtype,
                                                  elmlen, elmbyval, elmalign));
    }
    if (ndim < nSubscripts || ndim <= 0 || ndim > MAXDIM)
        wrong_subscripts();

    memcpy(dim, ARR_DIMS(array), ndim * sizeof(int));
    memcpy(lb, ARR_LBOUND(array), ndim * sizeof(int));
    for (int i = 0; i < ndim; i++)
    {
        bool given = i < nSubscripts;

        lo[i] = (given && lowerProvided[i]) ? lowerIndx[i] : lb[i];
        hi[i] = (given && upperProvided[i]) ? upperIndx[i] : dim[i] + lb[i] - 1;
        if (lo[i] > hi[i])
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("upper bound cannot be less than lower bound"));
    }
    if (ndim == 1)
    {
        /* a 1-D array grows to cover the slice */
        if (lo[0] < lb[0])
        {
            int addedbefore;

            sub_overflow_check(lb[0], lo[0], &addedbefore);
            add_overflow_check(dim[0], addedbefore, &dim[0]);
            lb[0] = lo[0];
        }
        if (hi[0] >= dim[0] + lb[0])
        {
            int addedafter;

            sub_overflow_check(hi[0], dim[0] + lb[0], &addedafter);
            add_overflow_check(addedafter, 1, &addedafter);
            add_overflow_check(dim[0], addedafter, &dim[0]);
        }
    }
    else
    {
        for (int i = 0; i < nSubscripts; i++)
            if (lo[i] < lb[i] || hi[i] >= dim[i] + lb[i])
                subscript_out_of_range();
    }

    nitems = ArrayGetNItems(ndim, dim);
    ArrayCheckBounds(ndim, dim, lb);
    for (int i = 0; i < ndim; i++)
        span[i] = hi[i] - lo[i] + 1;
    nslice = ArrayGetNItems(ndim, span);
    /* the source's shape is ignored: its elements are read serially */
    if (nslice > nsrc)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("source array too small"));

    array_values_alloc(nitems, &values, &nulls);
    array_values_place(array, ndim, dim, lb, values, nulls, elmlen, elmbyval, elmalign);
    for (int i = 0; i < ndim; i++)
        indx[i] = lo[i];
    for (int k = 0; k < nslice; k++)
    {
        int off = ArrayGetOffset(ndim, dim, lb, indx);

        values[off] = src[k];
        nulls[off] = srcnulls[k];
        for (int d = ndim - 1; d >= 0; d--)
        {
            if (++indx[d] <= hi[d])
                break;
            indx[d] = lo[d];
        }
    }
    return PointerGetDatum(construct_md_array(values, nulls, ndim, dim, lb, elmtype,
                                              elmlen, elmbyval, elmalign));
}

/* ================================================================ iteration */

typedef struct ArrayIteratorData
{
    ArrayType  *arr;
    bits8      *nullbitmap;
    int         nitems;
    int16       typlen;
    bool        typbyval;
    char        typalign;
    int         slice_ndim;
    int         slice_len;      /* elements per slice */
    int        *slice_dims;
    int        *slice_lbound;
    Datum      *slice_values;
    bool       *slice_nulls;
    char       *data_ptr;
    int         current_item;
} ArrayIteratorData;

ArrayIterator
array_create_iterator(ArrayType *arr, int slice_ndim, ArrayMetaState *mstate)
{
    ArrayIterator it = palloc0(sizeof(ArrayIteratorData));

    if (slice_ndim < 0 || slice_ndim > ARR_NDIM(arr))
        elog(ERROR, "invalid arguments to array_create_iterator");

    it->arr = arr;
    it->nullbitmap = ARR_NULLBITMAP(arr);
    it->nitems = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
    if (mstate != NULL && mstate->element_type == ARR_ELEMTYPE(arr))
    {
        it->typlen = mstate->typlen;
        it->typbyval = mstate->typbyval;
        it->typalign = mstate->typalign;
    }
    else
    {
        int16 typlen;

        get_typlenbyvalalign(ARR_ELEMTYPE(arr), &typlen, &it->typbyval, &it->typalign);
        it->typlen = typlen;
    }
    it->data_ptr = ARR_DATA_PTR(arr);
    it->slice_ndim = slice_ndim;
    if (slice_ndim > 0)
    {
        it->slice_dims = ARR_DIMS(arr) + ARR_NDIM(arr) - slice_ndim;
        it->slice_lbound = ARR_LBOUND(arr) + ARR_NDIM(arr) - slice_ndim;
        it->slice_len = ArrayGetNItems(slice_ndim, it->slice_dims);
        it->slice_values = palloc(Max(it->slice_len, 1) * sizeof(Datum));
        it->slice_nulls = palloc(Max(it->slice_len, 1) * sizeof(bool));
    }
    return it;
}

/* Next element (or slice, as an array); false when done. */
bool
array_iterate(ArrayIterator it, Datum *value, bool *isnull)
{
    if (it->current_item >= it->nitems)
        return false;

    if (it->slice_ndim == 0)
    {
        if (array_get_isnull(it->nullbitmap, it->current_item++))
        {
            *isnull = true;
            *value = (Datum) 0;
        }
        else
        {
            char *p = it->data_ptr;

            *isnull = false;
            *value = arr_fetch(p, it->typbyval, it->typlen);
            p += arr_elem_size(p, it->typlen);
            it->data_ptr = (char *) arr_align(it->typalign, (uintptr_t) p);
        }
        return true;
    }

    for (int i = 0; i < it->slice_len; i++)
    {
        if (array_get_isnull(it->nullbitmap, it->current_item++))
        {
            it->slice_nulls[i] = true;
            it->slice_values[i] = (Datum) 0;
        }
        else
        {
            char *p = it->data_ptr;

            it->slice_nulls[i] = false;
            it->slice_values[i] = arr_fetch(p, it->typbyval, it->typlen);
            p += arr_elem_size(p, it->typlen);
            it->data_ptr = (char *) arr_align(it->typalign, (uintptr_t) p);
        }
    }
    *isnull = false;
    *value = PointerGetDatum(construct_md_array(it->slice_values, it->slice_nulls,
                                                it->slice_ndim, it->slice_dims,
                                                it->slice_lbound, ARR_ELEMTYPE(it->arr),
                                                it->typlen, it->typbyval, it->typalign));
    return true;
}

void
array_free_iterator(ArrayIterator it)
{
    if (it->slice_ndim > 0)
    {
        pfree(it->slice_values);
        pfree(it->slice_nulls);
    }
    pfree(it);
}
