/*-------------------------------------------------------------------------
 * array_agg.c
 *    Building arrays element by element, and the functions that turn
 *    rows into arrays and back: array_agg, unnest, generate_subscripts,
 *    string_to_array and array_to_string.
 *
 * Principal entry points:
 *    initArrayResult / accumArrayResult / makeArrayResult /
 *    makeMdArrayResult                  PostgreSQL's ArrayBuildState API
 *    initArrayResultArr / accumArrayResultArr / makeArrayResultArr
 *                                       the same for sub-arrays
 *    array_agg_transfn / array_agg_finalfn               array_agg(anynonarray)
 *    array_agg_array_transfn / array_agg_array_finalfn   array_agg(anyarray)
 *    array_unnest, generate_subscripts(_nodir)           set-returning
 *    text_to_array(_null), array_to_text(_null)          string_to_array,
 *                                                        array_to_string
 *    text_to_table(_null)                                string_to_table
 *
 * Memory: an ArrayBuildState and every pass-by-reference element it holds
 * live in one context (the aggregate context for array_agg, whose
 * transition state is the state pointer itself, declared "internal"), so
 * the aggregate's input rows may be freed after each transition call.
 * array_agg's final function does not release the state: PostgreSQL may
 * run a final function twice, and the Agg node resets the context.
 * unnest copies its argument into the SRF's multi-call context, so the
 * values it returns stay valid however the caller manages the argument.
 *
 * Every array produced has PostgreSQL's layout (procs/array.h).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "planner/primnodes.h"
#include "procs/array.h"
#include "procs/funcapi.h"

#define TEXTOID_ 25

/* ================================================================ ArrayBuildState */

static ArrayBuildState *
init_array_result_size(Oid element_type, MemoryContext rcontext, bool subcontext, int initsize)
{
    MemoryContext cxt = subcontext ? AllocSetContextCreate(rcontext, "accumArrayResult")
                                   : rcontext;
    ArrayBuildState *astate = MemoryContextAllocZero(cxt, sizeof(ArrayBuildState));

    astate->mcontext = cxt;
    astate->private_cxt = subcontext;
    astate->alen = initsize;
    astate->dvalues = MemoryContextAlloc(cxt, initsize * sizeof(Datum));
    astate->dnulls = MemoryContextAlloc(cxt, initsize * sizeof(bool));
    astate->nelems = 0;
    astate->element_type = element_type;
    get_typlenbyvalalign(element_type, &astate->typlen, &astate->typbyval, &astate->typalign);
    return astate;
}

ArrayBuildState *
initArrayResult(Oid element_type, MemoryContext rcontext, bool subcontext)
{
    return init_array_result_size(element_type, rcontext, subcontext, subcontext ? 64 : 8);
}

ArrayBuildState *
accumArrayResult(ArrayBuildState *astate, Datum dvalue, bool disnull, Oid element_type,
                 MemoryContext rcontext)
{
    MemoryContext old;

    if (astate == NULL)
        astate = initArrayResult(element_type, rcontext, true);
    old = MemoryContextSwitchTo(astate->mcontext);
    if (astate->nelems >= astate->alen)
    {
        astate->alen *= 2;
        if (!AllocSizeIsValid((Size) astate->alen * sizeof(Datum)))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
        astate->dvalues = repalloc(astate->dvalues, astate->alen * sizeof(Datum));
        astate->dnulls = repalloc(astate->dnulls, astate->alen * sizeof(bool));
    }
    /* keep our own copy of pass-by-reference values */
    if (!disnull && !astate->typbyval)
    {
        Size  len = arr_datum_size(dvalue, astate->typlen);
        char *copy = palloc(len);

        memcpy(copy, DatumGetPointer(dvalue), len);
        dvalue = PointerGetDatum(copy);
    }
    astate->dvalues[astate->nelems] = disnull ? (Datum) 0 : dvalue;
    astate->dnulls[astate->nelems] = disnull;
    astate->nelems++;
    MemoryContextSwitchTo(old);
    return astate;
}

Datum
makeMdArrayResult(ArrayBuildState *astate, int ndims, int *dims, int *lbs,
                  MemoryContext rcontext, bool release)
{
    MemoryContext old = MemoryContextSwitchTo(rcontext);
    ArrayType  *result;

    result = construct_md_array(astate->dvalues, astate->dnulls, ndims, dims, lbs,
                                astate->element_type, astate->typlen, astate->typbyval,
                                astate->typalign);
    MemoryContextSwitchTo(old);
    if (release && astate->private_cxt)
        MemoryContextDelete(astate->mcontext);
    return PointerGetDatum(result);
}

Datum
makeArrayResult(ArrayBuildState *astate, MemoryContext rcontext)
{
    int dims[1] = {astate->nelems};
    int lbs[1] = {1};

    return makeMdArrayResult(astate, astate->nelems > 0 ? 1 : 0, dims, lbs, rcontext,
                             astate->private_cxt);
}

/* ================================================================ ArrayBuildStateArr */

static int
next_power2(int n)
{
    int p = 1;

    while (p < n && p < (1 << 30))
        p <<= 1;
    return p;
}

ArrayBuildStateArr *
initArrayResultArr(Oid array_type, Oid element_type, MemoryContext rcontext, bool subcontext)
{
    MemoryContext cxt;
    ArrayBuildStateArr *astate;

    if (!OidIsValid(element_type))
    {
        element_type = get_element_type(array_type);
        if (!OidIsValid(element_type))
            ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("data type %s is not an array type", format_type_be(array_type)));
    }
    cxt = subcontext ? AllocSetContextCreate(rcontext, "accumArrayResultArr") : rcontext;
    astate = MemoryContextAllocZero(cxt, sizeof(ArrayBuildStateArr));
    astate->mcontext = cxt;
    astate->private_cxt = subcontext;
    astate->array_type = array_type;
    astate->element_type = element_type;
    return astate;
}

ArrayBuildStateArr *
accumArrayResultArr(ArrayBuildStateArr *astate, Datum dvalue, bool disnull, Oid array_type,
                    MemoryContext rcontext)
{
    ArrayType  *arg;
    MemoryContext old;
    int         ndims;
    int        *dims;
    int        *lbs;
    int         nitems;
    int         ndatabytes;

    /* a NULL sub-array has no shape to agree with the others */
    if (disnull)
        ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                errmsg("cannot accumulate null arrays"));
    arg = DatumGetArrayTypeP(dvalue);
    if (astate == NULL)
        astate = initArrayResultArr(array_type, InvalidOid, rcontext, true);

    old = MemoryContextSwitchTo(astate->mcontext);
    ndims = ARR_NDIM(arg);
    dims = ARR_DIMS(arg);
    lbs = ARR_LBOUND(arg);
    nitems = ArrayGetNItems(ndims, dims);
    ndatabytes = (int) (ARR_SIZE(arg) - ARR_DATA_OFFSET(arg));

    if (astate->ndims == 0)
    {
        if (ndims == 0)
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("cannot accumulate empty arrays"));
        if (ndims + 1 > MAXDIM)
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                           ndims + 1, MAXDIM));
        /* the result has one more (outer) dimension than the inputs */
        astate->ndims = ndims + 1;
        astate->dims[0] = 0;
        memcpy(&astate->dims[1], dims, ndims * sizeof(int));
        astate->lbs[0] = 1;
        memcpy(&astate->lbs[1], lbs, ndims * sizeof(int));
        astate->abytes = next_power2(Max(1024, ndatabytes + 1));
        astate->data = palloc(astate->abytes);
    }
    else
    {
        if (astate->ndims != ndims + 1)
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("cannot accumulate arrays of different dimensionality"));
        for (int i = 0; i < ndims; i++)
            if (astate->dims[i + 1] != dims[i] || astate->lbs[i + 1] != lbs[i])
                ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                        errmsg("cannot accumulate arrays of different dimensionality"));
        if ((Size) astate->nbytes + ndatabytes > (Size) astate->abytes)
        {
            if ((Size) astate->nbytes + ndatabytes > MaxAllocSize)
                ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                        errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
            astate->abytes = (int) Min((Size) MaxAllocSize,
                                       Max((Size) astate->abytes * 2,
                                           (Size) astate->nbytes + ndatabytes));
            astate->data = repalloc(astate->data, astate->abytes);
        }
    }

    /* each data area ends aligned, so sub-arrays concatenate byte for byte */
    memcpy(astate->data + astate->nbytes, ARR_DATA_PTR(arg), ndatabytes);
    astate->nbytes += ndatabytes;

    if (astate->nullbitmap || ARR_HASNULL(arg))
    {
        int newnitems = astate->nitems + nitems;

        if (astate->nullbitmap == NULL)
        {
            /* first input with NULLs: earlier items were all not-null */
            astate->aitems = next_power2(Max(256, newnitems + 1));
            astate->nullbitmap = palloc0((astate->aitems + 7) / 8);
            array_bitmap_copy(astate->nullbitmap, 0, NULL, 0, astate->nitems);
        }
        else if (newnitems > astate->aitems)
        {
            astate->aitems = Max(astate->aitems * 2, newnitems);
            astate->nullbitmap = repalloc(astate->nullbitmap, (astate->aitems + 7) / 8);
        }
        array_bitmap_copy(astate->nullbitmap, astate->nitems, ARR_NULLBITMAP(arg), 0, nitems);
    }
    astate->nitems += nitems;
    astate->dims[0] += 1;
    MemoryContextSwitchTo(old);
    return astate;
}

Datum
makeArrayResultArr(ArrayBuildStateArr *astate, MemoryContext rcontext, bool release)
{
    MemoryContext old = MemoryContextSwitchTo(rcontext);
    ArrayType  *result;

    if (astate->ndims == 0)
        result = construct_empty_array(astate->element_type);
    else
    {
        Size    nbytes = astate->nbytes;
        int32   dataoffset;

        (void) ArrayGetNItems(astate->ndims, astate->dims);
        ArrayCheckBounds(astate->ndims, astate->dims, astate->lbs);
        if (astate->nullbitmap != NULL)
        {
            dataoffset = (int32) ARR_OVERHEAD_WITHNULLS(astate->ndims, astate->nitems);
            nbytes += dataoffset;
        }
        else
        {
            dataoffset = 0;
            nbytes += ARR_OVERHEAD_NONULLS(astate->ndims);
        }
        if (!AllocSizeIsValid(nbytes))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
        result = palloc0(nbytes);
        SET_VARSIZE(result, nbytes);
        result->ndim = astate->ndims;
        result->dataoffset = dataoffset;
        result->elemtype = astate->element_type;
        memcpy(ARR_DIMS(result), astate->dims, astate->ndims * sizeof(int));
        memcpy(ARR_LBOUND(result), astate->lbs, astate->ndims * sizeof(int));
        memcpy(ARR_DATA_PTR(result), astate->data, astate->nbytes);
        if (astate->nullbitmap != NULL)
            array_bitmap_copy(ARR_NULLBITMAP(result), 0, astate->nullbitmap, 0, astate->nitems);
    }
    MemoryContextSwitchTo(old);
    if (release && astate->private_cxt)
        MemoryContextDelete(astate->mcontext);
    return PointerGetDatum(result);
}

/* ================================================================ array_agg */

/*
 * Type of the aggregate's input argument (transfn argument 1).  The
 * executor passes the Aggref as fn_expr; PostgreSQL passes a synthesized
 * FuncExpr whose argument 0 is the transition state.  Accept both.
 */
static Oid
agg_input_type(FunctionCallInfo fcinfo)
{
    Oid     t = get_fn_expr_argtype(fcinfo->flinfo, 1);
    Node   *expr = fcinfo->flinfo ? fcinfo->flinfo->fn_expr : NULL;

    if (!OidIsValid(t) && expr != NULL && IsA(expr, Aggref))
    {
        Aggref *aggref = (Aggref *) expr;

        if (aggref->aggargtypes != NIL)
            t = linitial_oid(aggref->aggargtypes);
        else if (aggref->args != NIL)
            t = exprType((Node *) ((TargetEntry *) linitial(aggref->args))->expr);
    }
    if (!OidIsValid(t))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("could not determine input data type"));
    return t;
}

Datum
array_agg_transfn(PG_FUNCTION_ARGS)
{
    Oid         arg1_typeid = agg_input_type(fcinfo);
    MemoryContext aggcontext;
    ArrayBuildState *state;

    if (!AggCheckCallContext(fcinfo, &aggcontext))
        elog(ERROR, "array_agg_transfn called in non-aggregate context");
    if (PG_ARGISNULL(0))
        state = initArrayResult(arg1_typeid, aggcontext, false);
    else
        state = (ArrayBuildState *) PG_GETARG_POINTER(0);
    state = accumArrayResult(state, PG_ARGISNULL(1) ? (Datum) 0 : PG_GETARG_DATUM(1),
                             PG_ARGISNULL(1), arg1_typeid, aggcontext);
    PG_RETURN_POINTER(state);
}

Datum
array_agg_finalfn(PG_FUNCTION_ARGS)
{
    ArrayBuildState *state = PG_ARGISNULL(0) ? NULL : (ArrayBuildState *) PG_GETARG_POINTER(0);
    int         dims[1];
    int         lbs[1] = {1};

    if (state == NULL)
        PG_RETURN_NULL();       /* no input rows */
    dims[0] = state->nelems;
    /* never release: the final function may run again on the same state */
    PG_RETURN_DATUM(makeMdArrayResult(state, 1, dims, lbs, CurrentMemoryContext, false));
}

Datum
array_agg_array_transfn(PG_FUNCTION_ARGS)
{
    Oid         arg1_typeid = agg_input_type(fcinfo);
    MemoryContext aggcontext;
    ArrayBuildStateArr *state;

    if (!AggCheckCallContext(fcinfo, &aggcontext))
        elog(ERROR, "array_agg_array_transfn called in non-aggregate context");
    if (PG_ARGISNULL(0))
        state = initArrayResultArr(arg1_typeid, InvalidOid, aggcontext, false);
    else
        state = (ArrayBuildStateArr *) PG_GETARG_POINTER(0);
    state = accumArrayResultArr(state, PG_ARGISNULL(1) ? (Datum) 0 : PG_GETARG_DATUM(1),
                                PG_ARGISNULL(1), arg1_typeid, aggcontext);
    PG_RETURN_POINTER(state);
}

Datum
array_agg_array_finalfn(PG_FUNCTION_ARGS)
{
    ArrayBuildStateArr *state =
        PG_ARGISNULL(0) ? NULL : (ArrayBuildStateArr *) PG_GETARG_POINTER(0);

    if (state == NULL)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(makeArrayResultArr(state, CurrentMemoryContext, false));
}

/* ================================================================ unnest */

typedef struct UnnestState
{
    ArrayIterator iter;
} UnnestState;

/* unnest(anyarray): every element in storage order, value per call. */
Datum
array_unnest(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    UnnestState *st;
    Datum       value;
    bool        isnull;

    if (SRF_IS_FIRSTCALL())
    {
        MemoryContext old;
        ArrayType  *arr;

        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        arr = array_copy(PG_GETARG_ARRAYTYPE_P(0));
        st = palloc(sizeof(UnnestState));
        st->iter = array_create_iterator(arr, 0, NULL);
        funcctx->user_fctx = st;
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    st = funcctx->user_fctx;
    if (array_iterate(st->iter, &value, &isnull))
    {
        if (isnull)
            SRF_RETURN_NEXT_NULL(funcctx);
        SRF_RETURN_NEXT(funcctx, value);
    }
    SRF_RETURN_DONE(funcctx);
}

/* ================================================================ generate_subscripts */

typedef struct SubscriptsState
{
    int32       lower;
    int32       upper;
    bool        reverse;
} SubscriptsState;

/* generate_subscripts(anyarray, dim [, reverse]): the subscripts of dim. */
Datum
generate_subscripts(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    SubscriptsState *st;

    if (SRF_IS_FIRSTCALL())
    {
        ArrayType  *v = PG_GETARG_ARRAYTYPE_P(0);
        int         reqdim = PG_GETARG_INT32(1);

        funcctx = SRF_FIRSTCALL_INIT();
        if (ARR_NDIM(v) <= 0 || ARR_NDIM(v) > MAXDIM || reqdim <= 0 || reqdim > ARR_NDIM(v))
            SRF_RETURN_DONE(funcctx);
        st = MemoryContextAlloc(funcctx->multi_call_memory_ctx, sizeof(SubscriptsState));
        st->lower = ARR_LBOUND(v)[reqdim - 1];
        st->upper = ARR_DIMS(v)[reqdim - 1] + ARR_LBOUND(v)[reqdim - 1] - 1;
        st->reverse = PG_NARGS() < 3 ? false : PG_GETARG_BOOL(2);
        funcctx->user_fctx = st;
    }
    funcctx = SRF_PERCALL_SETUP();
    st = funcctx->user_fctx;
    if (st->lower <= st->upper)
    {
        /* stop before wrapping when a bound is INT_MIN / INT_MAX */
        int32 v = st->reverse ? st->upper : st->lower;

        if (st->lower == st->upper)
        {
            st->lower = 1;
            st->upper = 0;
        }
        else if (st->reverse)
            st->upper--;
        else
            st->lower++;
        SRF_RETURN_NEXT(funcctx, Int32GetDatum(v));
    }
    SRF_RETURN_DONE(funcctx);
}

Datum
generate_subscripts_nodir(PG_FUNCTION_ARGS)
{
    return generate_subscripts(fcinfo);
}

/* ================================================================ string_to_array */

/* Bytes in the UTF8 character starting at s. */
static int
utf8_char_len(const char *s)
{
    unsigned char c = (unsigned char) *s;

    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0)
        return 2;
    if ((c & 0xF0) == 0xE0)
        return 3;
    if ((c & 0xF8) == 0xF0)
        return 4;
    return 1;
}

static ArrayBuildState *
split_accum(ArrayBuildState *astate, const char *s, int len, const text *null_string)
{
    text   *field = cstring_to_text_with_len(s, len);
    bool    is_null = null_string != NULL &&
        VARSIZE(null_string) == VARSIZE(field) &&
        memcmp(VARDATA(null_string), VARDATA(field), len) == 0;

    astate = accumArrayResult(astate, PointerGetDatum(field), is_null, TEXTOID_,
                              CurrentMemoryContext);
    pfree(field);
    return astate;
}

/*
 * string_to_array(str, sep [, null_str]): split at each occurrence of
 * sep; a NULL sep splits into characters, an empty sep gives the whole
 * string; fields equal to null_str become NULL.  '' gives '{}'.
 */
static Datum
text_to_array_common(FunctionCallInfo fcinfo)
{
    text       *input;
    text       *fldsep = NULL;
    text       *null_string = NULL;
    ArrayBuildState *astate = NULL;
    const char *s;
    int         len;

    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    input = PG_GETARG_TEXT_PP(0);
    if (!PG_ARGISNULL(1))
        fldsep = PG_GETARG_TEXT_PP(1);
    if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
        null_string = PG_GETARG_TEXT_PP(2);

    s = VARDATA(input);
    len = (int) VARSIZE_ANY_EXHDR(input);
    if (fldsep != NULL)
    {
        const char *sep = VARDATA(fldsep);
        int         seplen = (int) VARSIZE_ANY_EXHDR(fldsep);
        const char *start = s;
        const char *end = s + len;

        if (len < 1)
            PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID_));
        if (seplen < 1)
            astate = split_accum(astate, s, len, null_string);
        else
        {
            for (;;)
            {
                const char *hit;

                CHECK_FOR_INTERRUPTS();
                hit = memmem(start, end - start, sep, seplen);
                if (hit == NULL)
                {
                    astate = split_accum(astate, start, (int) (end - start), null_string);
                    break;
                }
                astate = split_accum(astate, start, (int) (hit - start), null_string);
                start = hit + seplen;
            }
        }
    }
    else
    {
        while (len > 0)
        {
            int clen = Min(utf8_char_len(s), len);

            CHECK_FOR_INTERRUPTS();
            astate = split_accum(astate, s, clen, null_string);
            s += clen;
            len -= clen;
        }
    }

    if (astate == NULL)
        PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID_));
    PG_RETURN_DATUM(makeArrayResult(astate, CurrentMemoryContext));
}

Datum
text_to_array(PG_FUNCTION_ARGS)
{
    return text_to_array_common(fcinfo);
}

Datum
text_to_array_null(PG_FUNCTION_ARGS)
{
    return text_to_array_common(fcinfo);
}

/*
 * string_to_table(str, sep [, null_str]): string_to_array's fields, one
 * row each (the same splitter; the fields are kept as one array between
 * calls).  A NULL str gives no rows.
 */
Datum
text_to_table(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    ArrayIterator iter;
    Datum       value;
    bool        isnull;

    if (SRF_IS_FIRSTCALL())
    {
        MemoryContext old;
        Datum       fields;

        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        fields = text_to_array_common(fcinfo);
        funcctx->user_fctx = fcinfo->isnull ? NULL
            : array_create_iterator(DatumGetArrayTypeP(fields), 0, NULL);
        fcinfo->isnull = false;
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    iter = funcctx->user_fctx;
    if (iter != NULL && array_iterate(iter, &value, &isnull))
    {
        if (isnull)
            SRF_RETURN_NEXT_NULL(funcctx);
        SRF_RETURN_NEXT(funcctx, value);
    }
    SRF_RETURN_DONE(funcctx);
}

Datum
text_to_table_null(PG_FUNCTION_ARGS)
{
    return text_to_table(fcinfo);
}

/* ================================================================ array_to_string */

/*
 * The elements' text forms joined by fldsep; NULL elements are skipped
 * unless null_string is given.  The output function is cached in
 * fn_extra.
 */
static text *
array_to_text_internal(FunctionCallInfo fcinfo, ArrayType *v, const char *fldsep,
                       const char *null_string)
{
    Oid         element_type = ARR_ELEMTYPE(v);
    int         nitems = ArrayGetNItemsOfArray(v);
    ArrayMetaState *st;
    ArrayMetaState local;
    StringInfoData buf;
    bool        printed = false;
    ArrayIterator it;
    Datum       value;
    bool        isnull;
    text       *result;

    if (nitems == 0)
        return cstring_to_text_with_len("", 0);

    if (fcinfo->flinfo != NULL)
    {
        st = fcinfo->flinfo->fn_extra;
        if (st == NULL)
        {
            st = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt
                                                                : CurrentMemoryContext,
                                        sizeof(ArrayMetaState));
            fcinfo->flinfo->fn_extra = st;
        }
    }
    else
    {
        memset(&local, 0, sizeof(local));
        st = &local;
    }
    if (st->element_type != element_type || !OidIsValid(st->typiofunc))
    {
        bool isvarlena;

        st->element_type = InvalidOid;
        array_elem_info(st, element_type);
        getTypeOutputInfo(element_type, &st->typiofunc, &isvarlena);
        fmgr_info_cxt(st->typiofunc, &st->proc,
                      fcinfo->flinfo && fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt
                                                                 : CurrentMemoryContext);
    }

    initStringInfo(&buf);
    it = array_create_iterator(v, 0, st);
    while (array_iterate(it, &value, &isnull))
    {
        const char *s;

        if (isnull)
        {
            if (null_string == NULL)
                continue;
            s = null_string;
        }
        else
            s = OutputFunctionCall(&st->proc, value);
        if (printed)
            appendStringInfoString(&buf, fldsep);
        appendStringInfoString(&buf, s);
        printed = true;
    }
    array_free_iterator(it);
    result = cstring_to_text_with_len(buf.data, buf.len);
    pfree(buf.data);
    return result;
}

Datum
array_to_text(PG_FUNCTION_ARGS)
{
    ArrayType  *v = PG_GETARG_ARRAYTYPE_P(0);
    char       *fldsep = text_to_cstring(PG_GETARG_TEXT_PP(1));

    PG_RETURN_TEXT_P(array_to_text_internal(fcinfo, v, fldsep, NULL));
}

Datum
array_to_text_null(PG_FUNCTION_ARGS)
{
    ArrayType  *v;
    char       *fldsep;
    char       *null_string = NULL;

    if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
        PG_RETURN_NULL();
    v = PG_GETARG_ARRAYTYPE_P(0);
    fldsep = text_to_cstring(PG_GETARG_TEXT_PP(1));
    if (!PG_ARGISNULL(2))
        null_string = text_to_cstring(PG_GETARG_TEXT_PP(2));
    PG_RETURN_TEXT_P(array_to_text_internal(fcinfo, v, fldsep, null_string));
}
