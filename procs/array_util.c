/*-------------------------------------------------------------------------
 * array_util.c
 *    The older one-dimensional array helpers of array_util.h, kept for
 *    their callers (format, json, jsonb, regexp, ...) as thin wrappers
 *    over the array module's construct_md_array / deconstruct_array
 *    (procs/array.h), so there is one implementation of the layout.
 *
 * Invariants: results are exactly what the array module builds
 * (PostgreSQL's ArrayType layout, elements copied, empty arrays with
 * ndim 0); deconstructed pass-by-reference elements point into the
 * array.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/array.h"
#include "procs/array_util.h"

#define TEXTOID_ 25

AdtArray *
adt_construct_array(const Datum *elems, const bool *nulls, int n, Oid elemtype,
                    int16 typlen, bool typbyval, char typalign)
{
    int dims[1] = {n};
    int lbs[1] = {1};

    if (n <= 0)
        return construct_empty_array(elemtype);
    return construct_md_array((Datum *) elems, (bool *) nulls, 1, dims, lbs, elemtype,
                              typlen, typbyval, typalign);
}

AdtArray *
adt_construct_text_array(const Datum *elems, const bool *nulls, int n)
{
    return adt_construct_array(elems, nulls, n, TEXTOID_, -1, false, 'i');
}

int
adt_array_nitems(const AdtArray *arr)
{
    return ArrayGetNItemsOfArray(arr);
}

int
adt_deconstruct_array(AdtArray *arr, int16 typlen, bool typbyval, char typalign,
                      Datum **elems, bool **nulls)
{
    int n;

    deconstruct_array(arr, ARR_ELEMTYPE(arr), typlen, typbyval, typalign, elems, nulls, &n);
    return n;
}
