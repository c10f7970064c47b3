/*-------------------------------------------------------------------------
 * array_ops.c
 *    Array comparison, hashing, containment and the array functions of
 *    PostgreSQL 15 that are not aggregates or set-returning.
 *
 * Principal entry points (pg_proc prosrc names):
 *    array_eq/ne/lt/gt/le/ge, btarraycmp, array_larger/smaller
 *    hash_array, hash_array_extended
 *    arraycontains (@>), arraycontained (<@), arrayoverlap (&&)
 *    array_append, array_prepend, array_cat (||)
 *    array_ndims, array_dims, array_length, array_lower, array_upper,
 *    array_cardinality
 *    array_position, array_position_start, array_positions
 *    array_remove, array_replace, array_fill, array_fill_with_lower_bounds
 *    width_bucket_array
 *
 * Element comparisons go through the element type's default btree / hash
 * opclass (lookup_type_cache), resolved once per call site and kept in
 * fn_extra as an ArrayOpCache.  Semantics are PostgreSQL's
 * (src/backend/utils/adt/arrayfuncs.c, array_userfuncs.c): for equality
 * and ordering two NULL elements are equal and NULL sorts after any
 * value; arrays with equal elements are then ordered by element count,
 * number of dimensions, dimensions and lower bounds.  Containment never
 * matches a NULL element.  Hashes combine element hashes as h*31 + e from
 * 1, NULL hashing to 0, so they equal PostgreSQL's.
 *
 * Invariant: every array built here has PostgreSQL's layout (array.h);
 * array_cat copies data areas byte for byte, which is valid because each
 * data area ends padded to the element alignment.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "procs/array.h"

#define HASHEXTENDED_PROC 2
#define INT4OID_ 23

/* ================================================================ element operators */

typedef struct ArrayOpCache
{
    Oid         element_type;
    int16       typlen;
    bool        typbyval;
    char        typalign;
    bool        have_eq;
    bool        have_cmp;
    bool        have_hash;
    bool        have_hashext;
    FmgrInfo    eq_fn;
    FmgrInfo    cmp_fn;
    FmgrInfo    hash_fn;
    FmgrInfo    hashext_fn;
} ArrayOpCache;

typedef enum
{
    NEED_EQ,
    NEED_CMP,
    NEED_HASH,
    NEED_HASHEXT
} OpNeed;

/*
 * The cache for elemtype in *slot (allocated in cxt, or the current
 * context when slot is NULL), with the support function `need` resolved;
 * 42883 if the element type has none.
 */
static ArrayOpCache *
array_op_cache(void **slot, MemoryContext cxt, Oid elemtype, OpNeed need)
{
    ArrayOpCache *c = slot ? *slot : NULL;
    const TypeCacheInfo *tc;
    Oid         fn = InvalidOid;
    FmgrInfo   *finfo;
    bool       *have;

    if (cxt == NULL)
        cxt = CurrentMemoryContext;
    if (c == NULL || c->element_type != elemtype)
    {
        int16 typlen;

        if (c == NULL)
        {
            c = MemoryContextAllocZero(cxt, sizeof(ArrayOpCache));
            if (slot)
                *slot = c;
        }
        else
            memset(c, 0, sizeof(ArrayOpCache));
        get_typlenbyvalalign(elemtype, &typlen, &c->typbyval, &c->typalign);
        c->typlen = typlen;
        c->element_type = elemtype;
    }

    switch (need)
    {
        case NEED_EQ:       have = &c->have_eq; finfo = &c->eq_fn; break;
        case NEED_CMP:      have = &c->have_cmp; finfo = &c->cmp_fn; break;
        case NEED_HASH:     have = &c->have_hash; finfo = &c->hash_fn; break;
        default:            have = &c->have_hashext; finfo = &c->hashext_fn; break;
    }
    if (*have)
        return c;

    tc = lookup_type_cache(elemtype);
    if (tc != NULL)
    {
        switch (need)
        {
            case NEED_EQ:
                if (OidIsValid(tc->eq_opr))
                    fn = get_opcode(tc->eq_opr);
                break;
            case NEED_CMP:
                fn = tc->cmp_proc;
                break;
            case NEED_HASH:
                fn = tc->hash_proc;
                break;
            default:
                if (OidIsValid(tc->hash_opf))
                {
                    fn = get_opfamily_proc(tc->hash_opf, elemtype, elemtype, HASHEXTENDED_PROC);
                    /* registered under the opclass input type (text for varchar) */
                    if (!OidIsValid(fn) && OidIsValid(tc->hash_proc))
                    {
                        const ProcInfo *p = lookup_proc(tc->hash_proc);

                        if (p && p->pronargs >= 1)
                            fn = get_opfamily_proc(tc->hash_opf, p->proargtypes[0],
                                                   p->proargtypes[0], HASHEXTENDED_PROC);
                    }
                }
                break;
        }
    }
    if (!OidIsValid(fn))
    {
        const char *what = need == NEED_EQ ? "an equality operator" :
                           need == NEED_CMP ? "a comparison function" :
                           need == NEED_HASH ? "a hash function" : "an extended hash function";

        ereport(ERROR, errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("could not identify %s for type %s", what, format_type_be(elemtype)));
    }
    fmgr_info_cxt(fn, finfo, cxt);
    *have = true;
    return c;
}

static void
check_same_elemtype(ArrayType *a, ArrayType *b)
{
    if (ARR_ELEMTYPE(a) != ARR_ELEMTYPE(b))
        ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("cannot compare arrays of different element types"));
}

/* fn_extra slot and its context for the current call, NULL without flinfo */
#define EXTRA_SLOT() (fcinfo->flinfo ? &fcinfo->flinfo->fn_extra : NULL)
#define EXTRA_CXT()  (fcinfo->flinfo ? fcinfo->flinfo->fn_mcxt : NULL)

/* A cursor over an array's stored elements in order. */
typedef struct ElemCursor
{
    char       *p;
    bits8      *bitmap;
    int         i;
} ElemCursor;

static inline void
cursor_init(ElemCursor *cur, ArrayType *a)
{
    cur->p = ARR_DATA_PTR(a);
    cur->bitmap = ARR_NULLBITMAP(a);
    cur->i = 0;
}

static inline Datum
cursor_next(ElemCursor *cur, const ArrayOpCache *c, bool *isnull)
{
    Datum d;

    if (array_get_isnull(cur->bitmap, cur->i++))
    {
        *isnull = true;
        return (Datum) 0;
    }
    *isnull = false;
    d = arr_fetch(cur->p, c->typbyval, c->typlen);
    cur->p += arr_elem_size(cur->p, c->typlen);
    cur->p = (char *) arr_align(c->typalign, (uintptr_t) cur->p);
    return d;
}

/* ================================================================ equality, ordering */

bool
array_eq_arrays(ArrayType *a, ArrayType *b, Oid collation, void **cache,
                MemoryContext cachecxt)
{
    ArrayOpCache *c;
    int         ndims = ARR_NDIM(a);
    int         nitems;
    ElemCursor  ca;
    ElemCursor  cb;

    check_same_elemtype(a, b);
    if (ndims != ARR_NDIM(b) ||
        memcmp(ARR_DIMS(a), ARR_DIMS(b), ndims * sizeof(int)) != 0 ||
        memcmp(ARR_LBOUND(a), ARR_LBOUND(b), ndims * sizeof(int)) != 0)
        return false;

    c = array_op_cache(cache, cachecxt, ARR_ELEMTYPE(a), NEED_EQ);
    nitems = ArrayGetNItems(ndims, ARR_DIMS(a));
    cursor_init(&ca, a);
    cursor_init(&cb, b);
    for (int i = 0; i < nitems; i++)
    {
        bool    n1;
        bool    n2;
        Datum   e1 = cursor_next(&ca, c, &n1);
        Datum   e2 = cursor_next(&cb, c, &n2);

        if (n1 || n2)
        {
            if (n1 != n2)
                return false;
            continue;           /* two NULLs count as equal */
        }
        if (!DatumGetBool(FunctionCall2Coll(&c->eq_fn, collation, e1, e2)))
            return false;
    }
    return true;
}

int
array_cmp_arrays(ArrayType *a, ArrayType *b, Oid collation, void **cache,
                 MemoryContext cachecxt)
{
    ArrayOpCache *c;
    int         ndims1 = ARR_NDIM(a);
    int         ndims2 = ARR_NDIM(b);
    int        *dims1 = ARR_DIMS(a);
    int        *dims2 = ARR_DIMS(b);
    int         nitems1 = ArrayGetNItems(ndims1, dims1);
    int         nitems2 = ArrayGetNItems(ndims2, dims2);
    int         min_nitems = Min(nitems1, nitems2);
    int         result = 0;
    ElemCursor  ca;
    ElemCursor  cb;

    check_same_elemtype(a, b);
    c = array_op_cache(cache, cachecxt, ARR_ELEMTYPE(a), NEED_CMP);
    cursor_init(&ca, a);
    cursor_init(&cb, b);
    for (int i = 0; i < min_nitems; i++)
    {
        bool    n1;
        bool    n2;
        Datum   e1 = cursor_next(&ca, c, &n1);
        Datum   e2 = cursor_next(&cb, c, &n2);
        int32   cmp;

        /* two NULLs are equal; NULL sorts after non-NULL */
        if (n1 && n2)
            continue;
        if (n1)
        {
            result = 1;
            break;
        }
        if (n2)
        {
            result = -1;
            break;
        }
        cmp = DatumGetInt32(FunctionCall2Coll(&c->cmp_fn, collation, e1, e2));
        if (cmp != 0)
        {
            result = cmp < 0 ? -1 : 1;
            break;
        }
    }

    /* equal up to the shorter one: order by shape */
    if (result == 0)
    {
        if (nitems1 != nitems2)
            result = nitems1 < nitems2 ? -1 : 1;
        else if (ndims1 != ndims2)
            result = ndims1 < ndims2 ? -1 : 1;
        else
        {
            for (int i = 0; i < ndims1 && result == 0; i++)
                if (dims1[i] != dims2[i])
                    result = dims1[i] < dims2[i] ? -1 : 1;
            for (int i = 0; i < ndims1 && result == 0; i++)
                if (ARR_LBOUND(a)[i] != ARR_LBOUND(b)[i])
                    result = ARR_LBOUND(a)[i] < ARR_LBOUND(b)[i] ? -1 : 1;
        }
    }
    return result;
}

#define ARR_CMP(fcinfo) \
    array_cmp_arrays(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1), \
                     fcinfo->fncollation, EXTRA_SLOT(), EXTRA_CXT())

Datum
array_eq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(array_eq_arrays(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1),
                                   fcinfo->fncollation, EXTRA_SLOT(), EXTRA_CXT()));
}

Datum
array_ne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!array_eq_arrays(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1),
                                    fcinfo->fncollation, EXTRA_SLOT(), EXTRA_CXT()));
}

Datum
array_lt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(ARR_CMP(fcinfo) < 0);
}

Datum
array_gt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(ARR_CMP(fcinfo) > 0);
}

Datum
array_le(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(ARR_CMP(fcinfo) <= 0);
}

Datum
array_ge(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(ARR_CMP(fcinfo) >= 0);
}

Datum
btarraycmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(ARR_CMP(fcinfo));
}

Datum
array_larger(PG_FUNCTION_ARGS)
{
    PG_RETURN_DATUM(ARR_CMP(fcinfo) > 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

Datum
array_smaller(PG_FUNCTION_ARGS)
{
    PG_RETURN_DATUM(ARR_CMP(fcinfo) < 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/* ================================================================ hashing */

Datum
hash_array(PG_FUNCTION_ARGS)
{
    ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
    ArrayOpCache *c = array_op_cache(EXTRA_SLOT(), EXTRA_CXT(), ARR_ELEMTYPE(a), NEED_HASH);
    int         nitems = ArrayGetNItemsOfArray(a);
    uint32      result = 1;
    ElemCursor  cur;

    cursor_init(&cur, a);
    for (int i = 0; i < nitems; i++)
    {
        bool    isnull;
        Datum   e = cursor_next(&cur, c, &isnull);
        uint32  elthash = 0;       /* NULL hashes to 0 */

        if (!isnull)
            elthash = DatumGetUInt32(FunctionCall1Coll(&c->hash_fn, fcinfo->fncollation, e));
        result = (result << 5) - result + elthash;
    }
    PG_RETURN_UINT32(result);
}

Datum
hash_array_extended(PG_FUNCTION_ARGS)
{
    ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
    uint64      seed = DatumGetUInt64(PG_GETARG_DATUM(1));
    ArrayOpCache *c = array_op_cache(EXTRA_SLOT(), EXTRA_CXT(), ARR_ELEMTYPE(a), NEED_HASHEXT);
    int         nitems = ArrayGetNItemsOfArray(a);
    uint64      result = 1;
    ElemCursor  cur;

    cursor_init(&cur, a);
    for (int i = 0; i < nitems; i++)
    {
        bool    isnull;
        Datum   e = cursor_next(&cur, c, &isnull);
        uint64  elthash = 0;

        if (!isnull)
            elthash = DatumGetUInt64(FunctionCall2Coll(&c->hashext_fn, fcinfo->fncollation,
                                                       e, UInt64GetDatum(seed)));
        result = (result << 5) - result + elthash;
    }
    PG_RETURN_INT64((int64) result);
}

/* ================================================================ containment */

/*
 * matchall: every non-NULL element of a1 equals some element of a2 (and
 * a1 has no NULL); otherwise: some element of a1 equals one of a2.
 */
static bool
array_contain_compare(ArrayType *a1, ArrayType *a2, Oid collation, bool matchall,
                      FunctionCallInfo fcinfo)
{
    ArrayOpCache *c;
    bool        result = matchall;
    int         nelems1 = ArrayGetNItemsOfArray(a1);
    Datum      *values2;
    bool       *nulls2;
    int         nelems2;
    ElemCursor  cur;

    check_same_elemtype(a1, a2);
    c = array_op_cache(EXTRA_SLOT(), EXTRA_CXT(), ARR_ELEMTYPE(a1), NEED_EQ);
    deconstruct_array(a2, ARR_ELEMTYPE(a2), c->typlen, c->typbyval, c->typalign,
                      &values2, &nulls2, &nelems2);

    cursor_init(&cur, a1);
    for (int i = 0; i < nelems1; i++)
    {
        bool    isnull;
        Datum   e1 = cursor_next(&cur, c, &isnull);
        int     j;

        if (isnull)
        {
            if (matchall)
            {
                result = false;
                break;
            }
            continue;
        }
        for (j = 0; j < nelems2; j++)
        {
            if (nulls2[j])
                continue;       /* NULL never matches */
            if (DatumGetBool(FunctionCall2Coll(&c->eq_fn, collation, e1, values2[j])))
                break;
        }
        if (j < nelems2)
        {
            if (!matchall)
            {
                result = true;
                break;
            }
        }
        else if (matchall)
        {
            result = false;
            break;
        }
    }
    pfree(values2);
    pfree(nulls2);
    return result;
}

Datum
arrayoverlap(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(array_contain_compare(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1),
                                         fcinfo->fncollation, false, fcinfo));
}

Datum
arraycontains(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(array_contain_compare(PG_GETARG_ARRAYTYPE_P(1), PG_GETARG_ARRAYTYPE_P(0),
                                         fcinfo->fncollation, true, fcinfo));
}

Datum
arraycontained(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(array_contain_compare(PG_GETARG_ARRAYTYPE_P(0), PG_GETARG_ARRAYTYPE_P(1),
                                         fcinfo->fncollation, true, fcinfo));
}

/* ================================================================ shape */

Datum
array_ndims(PG_FUNCTION_ARGS)
{
    ArrayType *a = PG_GETARG_ARRAYTYPE_P(0);

    if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM)
        PG_RETURN_NULL();
    PG_RETURN_INT32(ARR_NDIM(a));
}

Datum
array_dims(PG_FUNCTION_ARGS)
{
    ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
    char        buf[MAXDIM * 33 + 1];
    char       *p = buf;

    if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM)
        PG_RETURN_NULL();
    for (int i = 0; i < ARR_NDIM(a); i++)
    {
        int lb = ARR_LBOUND(a)[i];

        p += sprintf(p, "[%d:%d]", lb, lb + ARR_DIMS(a)[i] - 1);
    }
    PG_RETURN_TEXT_P(cstring_to_text(buf));
}

/* Dimension reqdim (1-based) of a, or -1 if it has none such. */
static int
array_req_dim(ArrayType *a, int reqdim)
{
    if (ARR_NDIM(a) <= 0 || ARR_NDIM(a) > MAXDIM || reqdim <= 0 || reqdim > ARR_NDIM(a))
        return -1;
    return reqdim - 1;
}

Datum
array_lower(PG_FUNCTION_ARGS)
{
    ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
    int         d = array_req_dim(a, PG_GETARG_INT32(1));

    if (d < 0)
        PG_RETURN_NULL();
    PG_RETURN_INT32(ARR_LBOUND(a)[d]);
}

Datum
array_upper(PG_FUNCTION_ARGS)
{
    ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
    int         d = array_req_dim(a, PG_GETARG_INT32(1));

    if (d < 0)
        PG_RETURN_NULL();
    PG_RETURN_INT32(ARR_DIMS(a)[d] + ARR_LBOUND(a)[d] - 1);
}

Datum
array_length(PG_FUNCTION_ARGS)
{
    ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
    int         d = array_req_dim(a, PG_GETARG_INT32(1));

    if (d < 0)
        PG_RETURN_NULL();
    PG_RETURN_INT32(ARR_DIMS(a)[d]);
}

Datum
array_cardinality(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(ArrayGetNItemsOfArray(PG_GETARG_ARRAYTYPE_P(0)));
}

/* ================================================================ append, prepend, cat */

/*
 * The array argument argno, or an empty array of its declared type when
 * it is NULL (array_append / array_prepend are not strict).
 */
static ArrayType *
array_arg_or_empty(FunctionCallInfo fcinfo, int argno)
{
    Oid arr_typeid;
    Oid element_type;

    if (!PG_ARGISNULL(argno))
        return PG_GETARG_ARRAYTYPE_P(argno);
    arr_typeid = get_fn_expr_argtype(fcinfo->flinfo, argno);
    if (!OidIsValid(arr_typeid))
        elog(ERROR, "could not determine input data type");
    element_type = get_element_type(arr_typeid);
    if (!OidIsValid(element_type))
        elog(ERROR, "input data type is not an array");
    return construct_empty_array(element_type);
}

static void
one_dim_required(void)
{
    ereport(ERROR, errcode(ERRCODE_DATA_EXCEPTION),
            errmsg("argument must be empty or one-dimensional array"));
}

Datum
array_append(PG_FUNCTION_ARGS)
{
    ArrayType  *a = array_arg_or_empty(fcinfo, 0);
    bool        isnull = PG_ARGISNULL(1);
    Datum       elem = isnull ? (Datum) 0 : PG_GETARG_DATUM(1);
    ArrayMetaState info = {InvalidOid};
    int         indx;

    if (ARR_NDIM(a) == 1)
    {
        if (__builtin_add_overflow(ARR_LBOUND(a)[0], ARR_DIMS(a)[0], &indx))
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("integer out of range"));
    }
    else if (ARR_NDIM(a) == 0)
        indx = 1;
    else
        one_dim_required();

    array_elem_info(&info, ARR_ELEMTYPE(a));
    PG_RETURN_DATUM(array_set_element(PointerGetDatum(a), 1, &indx, elem, isnull, -1,
                                      info.typlen, info.typbyval, info.typalign));
}

Datum
array_prepend(PG_FUNCTION_ARGS)
{
    bool        isnull = PG_ARGISNULL(0);
    Datum       elem = isnull ? (Datum) 0 : PG_GETARG_DATUM(0);
    ArrayType  *a = array_arg_or_empty(fcinfo, 1);
    ArrayType  *result;
    ArrayMetaState info = {InvalidOid};
    int         indx;
    int         lb0;

    if (ARR_NDIM(a) == 1)
    {
        lb0 = ARR_LBOUND(a)[0];
        if (__builtin_sub_overflow(lb0, 1, &indx))
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("integer out of range"));
    }
    else if (ARR_NDIM(a) == 0)
    {
        indx = 1;
        lb0 = 1;
    }
    else
        one_dim_required();

    array_elem_info(&info, ARR_ELEMTYPE(a));
    result = DatumGetArrayTypeP(array_set_element(PointerGetDatum(a), 1, &indx, elem, isnull,
                                                  -1, info.typlen, info.typbyval,
                                                  info.typalign));
    /* prepending keeps the input's lower bound */
    if (ARR_NDIM(result) == 1)
        ARR_LBOUND(result)[0] = lb0;
    PG_RETURN_ARRAYTYPE_P(result);
}

static void
incompatible_dims(const char *detail) pg_attribute_noreturn();
static void
incompatible_dims(const char *detail)
{
    ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
            errmsg("cannot concatenate incompatible arrays"),
            errdetail("%s", detail));
    __builtin_unreachable();
}

Datum
array_cat(PG_FUNCTION_ARGS)
{
    ArrayType  *v1;
    ArrayType  *v2;
    ArrayType  *result;
    int         ndims1;
    int         ndims2;
    int         ndims;
    int         dims[MAXDIM];
    int         lbs[MAXDIM];
    int        *dims1;
    int        *dims2;
    int        *lbs1;
    int        *lbs2;
    int         nitems1;
    int         nitems2;
    int         nitems;
    Size        ndatabytes1;
    Size        ndatabytes2;
    Size        nbytes;
    int32       dataoffset;

    /* a NULL array concatenates as nothing */
    if (PG_ARGISNULL(0))
    {
        if (PG_ARGISNULL(1))
            PG_RETURN_NULL();
        PG_RETURN_ARRAYTYPE_P(PG_GETARG_ARRAYTYPE_P(1));
    }
    if (PG_ARGISNULL(1))
        PG_RETURN_ARRAYTYPE_P(PG_GETARG_ARRAYTYPE_P(0));

    v1 = PG_GETARG_ARRAYTYPE_P(0);
    v2 = PG_GETARG_ARRAYTYPE_P(1);
    if (ARR_ELEMTYPE(v1) != ARR_ELEMTYPE(v2))
        ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("cannot concatenate incompatible arrays"),
                errdetail("Arrays with element types %s and %s are not compatible for concatenation.",
                          format_type_be(ARR_ELEMTYPE(v1)), format_type_be(ARR_ELEMTYPE(v2))));

    ndims1 = ARR_NDIM(v1);
    ndims2 = ARR_NDIM(v2);
    if (ndims1 == 0 && ndims2 > 0)
        PG_RETURN_ARRAYTYPE_P(v2);
    if (ndims2 == 0)
        PG_RETURN_ARRAYTYPE_P(v1);
    if (ndims1 != ndims2 && ndims1 != ndims2 - 1 && ndims1 != ndims2 + 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("cannot concatenate incompatible arrays"),
                errdetail("Arrays of %d and %d dimensions are not compatible for concatenation.",
                          ndims1, ndims2));

    dims1 = ARR_DIMS(v1);
    dims2 = ARR_DIMS(v2);
    lbs1 = ARR_LBOUND(v1);
    lbs2 = ARR_LBOUND(v2);
    nitems1 = ArrayGetNItems(ndims1, dims1);
    nitems2 = ArrayGetNItems(ndims2, dims2);
    ndatabytes1 = ARR_SIZE(v1) - ARR_DATA_OFFSET(v1);
    ndatabytes2 = ARR_SIZE(v2) - ARR_DATA_OFFSET(v2);

    if (ndims1 == ndims2)
    {
        /* outer dimensions add up; inner ones must agree */
        ndims = ndims1;
        dims[0] = dims1[0] + dims2[0];
        lbs[0] = lbs1[0];
        for (int i = 1; i < ndims; i++)
        {
            if (dims1[i] != dims2[i] || lbs1[i] != lbs2[i])
                incompatible_dims("Arrays with differing element dimensions are not compatible for concatenation.");
            dims[i] = dims1[i];
            lbs[i] = lbs1[i];
        }
    }
    else if (ndims1 == ndims2 - 1)
    {
        /* v1 becomes the first element of v2's outer dimension */
        ndims = ndims2;
        memcpy(dims, dims2, ndims * sizeof(int));
        memcpy(lbs, lbs2, ndims * sizeof(int));
        dims[0] += 1;
        for (int i = 0; i < ndims1; i++)
            if (dims1[i] != dims[i + 1] || lbs1[i] != lbs[i + 1])
                incompatible_dims("Arrays with differing dimensions are not compatible for concatenation.");
    }
    else
    {
        /* v2 becomes the last element of v1's outer dimension */
        ndims = ndims1;
        memcpy(dims, dims1, ndims * sizeof(int));
        memcpy(lbs, lbs1, ndims * sizeof(int));
        dims[0] += 1;
        for (int i = 0; i < ndims2; i++)
            if (dims2[i] != dims[i + 1] || lbs2[i] != lbs[i + 1])
                incompatible_dims("Arrays with differing dimensions are not compatible for concatenation.");
    }

    nitems = ArrayGetNItems(ndims, dims);
    ArrayCheckBounds(ndims, dims, lbs);

    if (ARR_HASNULL(v1) || ARR_HASNULL(v2))
    {
        dataoffset = (int32) ARR_OVERHEAD_WITHNULLS(ndims, nitems);
        nbytes = ndatabytes1 + ndatabytes2 + dataoffset;
    }
    else
    {
        dataoffset = 0;
        nbytes = ndatabytes1 + ndatabytes2 + ARR_OVERHEAD_NONULLS(ndims);
    }
    if (!AllocSizeIsValid(nbytes))
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));

    result = palloc0(nbytes);
    SET_VARSIZE(result, nbytes);
    result->ndim = ndims;
    result->dataoffset = dataoffset;
    result->elemtype = ARR_ELEMTYPE(v1);
    memcpy(ARR_DIMS(result), dims, ndims * sizeof(int));
    memcpy(ARR_LBOUND(result), lbs, ndims * sizeof(int));
    memcpy(ARR_DATA_PTR(result), ARR_DATA_PTR(v1), ndatabytes1);
    memcpy(ARR_DATA_PTR(result) + ndatabytes1, ARR_DATA_PTR(v2), ndatabytes2);
    if (ARR_HASNULL(result))
    {
        array_bitmap_copy(ARR_NULLBITMAP(result), 0, ARR_NULLBITMAP(v1), 0, nitems1);
        array_bitmap_copy(ARR_NULLBITMAP(result), nitems1, ARR_NULLBITMAP(v2), 0, nitems2);
    }
    PG_RETURN_ARRAYTYPE_P(result);
}

/* ================================================================ search */

static void
no_multidim_search(void)
{
    ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
            errmsg("searching for elements in multidimensional arrays is not supported"));
}

/*
 * Calls found(pos, arg) for each 1-D position >= position_min whose
 * element equals the search value (NULL matches NULL here, as in
 * PostgreSQL's array_position); stops when found returns false.
 */
static void
array_search(FunctionCallInfo fcinfo, ArrayType *a, bool null_search, Datum searched,
             int position_min, bool (*found)(int pos, void *arg), void *arg)
{
    ArrayOpCache *c = array_op_cache(EXTRA_SLOT(), EXTRA_CXT(), ARR_ELEMTYPE(a), NEED_EQ);
    int         nitems = ArrayGetNItemsOfArray(a);
    int         position = ARR_LBOUND(a)[0] - 1;
    ElemCursor  cur;

    cursor_init(&cur, a);
    for (int i = 0; i < nitems; i++)
    {
        bool    isnull;
        Datum   e = cursor_next(&cur, c, &isnull);

        position++;
        if (position < position_min)
            continue;
        if (isnull || null_search)
        {
            if (isnull && null_search && !found(position, arg))
                return;
            continue;
        }
        if (DatumGetBool(FunctionCall2Coll(&c->eq_fn, fcinfo->fncollation, searched, e)) &&
            !found(position, arg))
            return;
    }
}

typedef struct FirstHit
{
    bool    found;
    int     pos;
} FirstHit;

static bool
found_first(int pos, void *arg)
{
    ((FirstHit *) arg)->found = true;
    ((FirstHit *) arg)->pos = pos;
    return false;
}

static Datum
array_position_common(FunctionCallInfo fcinfo)
{
    ArrayType  *a;
    bool        null_search = PG_ARGISNULL(1);
    int         position_min;
    FirstHit    hit = {false, 0};

    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    a = PG_GETARG_ARRAYTYPE_P(0);
    if (ARR_NDIM(a) > 1)
        no_multidim_search();
    if (ARR_NDIM(a) < 1)
        PG_RETURN_NULL();
    if (null_search && !array_contains_nulls(a))
        PG_RETURN_NULL();
    if (PG_NARGS() == 3)
    {
        if (PG_ARGISNULL(2))
            ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                    errmsg("initial position must not be null"));
        position_min = PG_GETARG_INT32(2);
    }
    else
        position_min = ARR_LBOUND(a)[0];

    array_search(fcinfo, a, null_search, null_search ? (Datum) 0 : PG_GETARG_DATUM(1),
                 position_min, found_first, &hit);
    if (!hit.found)
        PG_RETURN_NULL();
    PG_RETURN_INT32(hit.pos);
}

Datum
array_position(PG_FUNCTION_ARGS)
{
    return array_position_common(fcinfo);
}

Datum
array_position_start(PG_FUNCTION_ARGS)
{
    return array_position_common(fcinfo);
}

static bool
found_accum(int pos, void *arg)
{
    ArrayBuildState **astate = arg;

    *astate = accumArrayResult(*astate, Int32GetDatum(pos), false, INT4OID_,
                               CurrentMemoryContext);
    return true;
}

Datum
array_positions(PG_FUNCTION_ARGS)
{
    ArrayType  *a;
    ArrayBuildState *astate;
    bool        null_search = PG_ARGISNULL(1);

    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    a = PG_GETARG_ARRAYTYPE_P(0);
    if (ARR_NDIM(a) > 1)
        no_multidim_search();
    astate = initArrayResult(INT4OID_, CurrentMemoryContext, false);
    if (ARR_NDIM(a) < 1 || (null_search && !array_contains_nulls(a)))
        PG_RETURN_DATUM(makeArrayResult(astate, CurrentMemoryContext));
    array_search(fcinfo, a, null_search, null_search ? (Datum) 0 : PG_GETARG_DATUM(1),
                 ARR_LBOUND(a)[0], found_accum, &astate);
    PG_RETURN_DATUM(makeArrayResult(astate, CurrentMemoryContext));
}

/* ================================================================ remove, replace */

/*
 * Replace (or with remove, drop) every element equal to search (NULL
 * matches NULL); returns the input itself when nothing matched.
 */
static ArrayType *
array_replace_internal(FunctionCallInfo fcinfo, ArrayType *a, Datum search,
                       bool search_isnull, Datum replace, bool replace_isnull, bool remove)
{
    ArrayOpCache *c;
    int         ndim = ARR_NDIM(a);
    int         nitems = ArrayGetNItemsOfArray(a);
    Datum      *values;
    bool       *nulls;
    int         nresult = 0;
    bool        changed = false;
    int         dims[MAXDIM];
    ElemCursor  cur;

    if (nitems <= 0)
        return a;
    if (remove && ndim > 1)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("removing elements from multidimensional arrays is not supported"));

    c = array_op_cache(EXTRA_SLOT(), EXTRA_CXT(), ARR_ELEMTYPE(a), NEED_EQ);
    values = palloc(nitems * sizeof(Datum));
    nulls = palloc(nitems * sizeof(bool));
    cursor_init(&cur, a);
    for (int i = 0; i < nitems; i++)
    {
        bool    isnull;
        Datum   e = cursor_next(&cur, c, &isnull);
        bool    match;

        if (isnull)
            match = search_isnull;
        else
            match = !search_isnull &&
                DatumGetBool(FunctionCall2Coll(&c->eq_fn, fcinfo->fncollation, search, e));
        if (match)
        {
            changed = true;
            if (remove)
                continue;
            e = replace;
            isnull = replace_isnull;
        }
        values[nresult] = e;
        nulls[nresult] = isnull;
        nresult++;
    }

    if (!changed)
        return a;
    if (nresult == 0)
        return construct_empty_array(ARR_ELEMTYPE(a));
    memcpy(dims, ARR_DIMS(a), ndim * sizeof(int));
    if (remove)
        dims[0] = nresult;
    return construct_md_array(values, nulls, ndim, dims, ARR_LBOUND(a), ARR_ELEMTYPE(a),
                              c->typlen, c->typbyval, c->typalign);
}

Datum
array_remove(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    PG_RETURN_ARRAYTYPE_P(array_replace_internal(fcinfo, PG_GETARG_ARRAYTYPE_P(0),
                                                 PG_GETARG_DATUM(1), PG_ARGISNULL(1),
                                                 (Datum) 0, true, true));
}

Datum
array_replace(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    PG_RETURN_ARRAYTYPE_P(array_replace_internal(fcinfo, PG_GETARG_ARRAYTYPE_P(0),
                                                 PG_GETARG_DATUM(1), PG_ARGISNULL(1),
                                                 PG_GETARG_DATUM(2), PG_ARGISNULL(2),
                                                 false));
}

/* ================================================================ array_fill */

static void
fill_dims_check(ArrayType *d)
{
    if (ARR_NDIM(d) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("wrong number of array subscripts"),
                errdetail("Dimension array must be one dimensional."));
    if (array_contains_nulls(d))
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("dimension values cannot be null"));
}

static ArrayType *
array_fill_internal(ArrayType *dims, ArrayType *lbs, Datum value, bool isnull, Oid elmtype)
{
    int         ndims;
    int        *dimv;
    int        *lbsv;
    int         deflbs[MAXDIM];
    int         nitems;
    ArrayMetaState info = {InvalidOid};
    Datum      *values;
    bool       *nulls;

    fill_dims_check(dims);
    dimv = (int *) ARR_DATA_PTR(dims);
    ndims = ARR_NDIM(dims) > 0 ? ARR_DIMS(dims)[0] : 0;
    if (ndims > MAXDIM)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                       ndims, MAXDIM));
    if (lbs != NULL)
    {
        fill_dims_check(lbs);
        if (ndims != (ARR_NDIM(lbs) > 0 ? ARR_DIMS(lbs)[0] : 0))
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("wrong number of array subscripts"),
                    errdetail("Low bound array has different size than dimensions array."));
        lbsv = (int *) ARR_DATA_PTR(lbs);
    }
    else
    {
        for (int i = 0; i < MAXDIM; i++)
            deflbs[i] = 1;
        lbsv = deflbs;
    }

    nitems = ArrayGetNItems(ndims, dimv);
    ArrayCheckBounds(ndims, dimv, lbsv);
    if (nitems <= 0)
        return construct_empty_array(elmtype);

    array_elem_info(&info, elmtype);
    if (!isnull && (uint64) arr_align(info.typalign, arr_datum_size(value, info.typlen)) *
        (uint64) nitems > MaxAllocSize)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
    values = palloc(nitems * sizeof(Datum));
    nulls = palloc(nitems * sizeof(bool));
    for (int i = 0; i < nitems; i++)
    {
        values[i] = value;
        nulls[i] = isnull;
    }
    return construct_md_array(values, nulls, ndims, dimv, lbsv, elmtype, info.typlen,
                              info.typbyval, info.typalign);
}

static Oid
fill_elem_type(FunctionCallInfo fcinfo)
{
    Oid elmtype = get_fn_expr_argtype(fcinfo->flinfo, 0);

    if (!OidIsValid(elmtype))
        elog(ERROR, "could not determine data type of input");
    return elmtype;
}

Datum
array_fill_with_lower_bounds(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("dimension array or low bound array cannot be null"));
    PG_RETURN_ARRAYTYPE_P(array_fill_internal(PG_GETARG_ARRAYTYPE_P(1), PG_GETARG_ARRAYTYPE_P(2),
                                              PG_ARGISNULL(0) ? (Datum) 0 : PG_GETARG_DATUM(0),
                                              PG_ARGISNULL(0), fill_elem_type(fcinfo)));
}

Datum
array_fill(PG_FUNCTION_ARGS)
{
    if (PG_ARGISNULL(1))
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("dimension array or low bound array cannot be null"));
    PG_RETURN_ARRAYTYPE_P(array_fill_internal(PG_GETARG_ARRAYTYPE_P(1), NULL,
                                              PG_ARGISNULL(0) ? (Datum) 0 : PG_GETARG_DATUM(0),
                                              PG_ARGISNULL(0), fill_elem_type(fcinfo)));
}

/* ================================================================ width_bucket */

/*
 * width_bucket(operand, thresholds): the number of thresholds <= operand,
 * by binary search (thresholds must be sorted; NULLs are not allowed).
 */
Datum
width_bucket_array(PG_FUNCTION_ARGS)
{
    Datum       operand = PG_GETARG_DATUM(0);
    ArrayType  *thresholds = PG_GETARG_ARRAYTYPE_P(1);
    ArrayOpCache *c;
    Datum      *values;
    int         n;
    int         left = 0;
    int         right;

    if (ARR_NDIM(thresholds) > 1)
        ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                errmsg("thresholds must be one-dimensional array"));
    if (array_contains_nulls(thresholds))
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("thresholds array must not contain NULLs"));

    c = array_op_cache(EXTRA_SLOT(), EXTRA_CXT(), ARR_ELEMTYPE(thresholds), NEED_CMP);
    deconstruct_array(thresholds, ARR_ELEMTYPE(thresholds), c->typlen, c->typbyval,
                      c->typalign, &values, NULL, &n);
    right = n;
    while (left < right)
    {
        int mid = (left + right) / 2;

        if (DatumGetInt32(FunctionCall2Coll(&c->cmp_fn, fcinfo->fncollation, operand,
                                            values[mid])) < 0)
            right = mid;
        else
            left = mid + 1;
    }
    PG_RETURN_INT32(left);
}
