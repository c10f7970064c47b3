/*-------------------------------------------------------------------------
 * arrayfuncs.c
 *    The array type's text and binary I/O, and the internal API for
 *    building and reading arrays (procs/array.h).  Subscripting and
 *    iteration are in array_subscript.c, comparison and the array
 *    functions in array_ops.c, array_agg / unnest / string_to_array in
 *    array_agg.c.
 *
 * Principal entry points:
 *    array_in / array_out          text form, PostgreSQL 15's syntax, errors
 *                                  and quoting rules
 *    array_recv / array_send       PostgreSQL's binary format
 *    construct_md_array / construct_array / construct_empty_array
 *    deconstruct_array / array_contains_nulls / array_copy
 *    ArrayGetNItems / ArrayCheckBounds / ArrayGetOffset
 *
 * Layout invariants (see array.h): the header, null bitmap and element
 * placement are PostgreSQL's ArrayType byte for byte, so a value written
 * here is read by PostgreSQL's code and vice versa; an array without
 * elements has ndim 0; only arrays with a NULL element carry a bitmap;
 * each element starts at an offset aligned to typalign, and the data
 * area's size includes the padding after the last element (as PostgreSQL
 * computes it with att_align_nominal).
 *
 * Text input is two passes, as in PostgreSQL 15: array_count() checks the
 * brace structure with a small state machine (producing PostgreSQL's
 * DETAIL messages) and counts the dimensions; array_read_items() then
 * de-quotes each item in place and calls the element input function.
 * Unquoted NULL (any case) is a null element.
 *
 * Departures from PostgreSQL: no expanded-object representation and no
 * TOAST (arrays are always flat); the Array_nulls setting is not
 * supported (NULL is always recognised, its default).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "pgwire/pqformat.h"
#include "procs/array.h"

#define ASSGN "="

/* ================================================================ dimensions */

static void
array_size_error(void)
{
    ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
            errmsg("array size exceeds the maximum allowed (%d)", (int) MaxArraySize));
}

int
ArrayGetNItems(int ndim, const int *dims)
{
    int32 ret;

    if (ndim <= 0)
        return 0;
    ret = 1;
    for (int i = 0; i < ndim; i++)
    {
        int64 prod;

        /* a negative dimension means ub - lb overflowed */
        if (dims[i] < 0)
            array_size_error();
        prod = (int64) ret * (int64) dims[i];
        ret = (int32) prod;
        if ((int64) ret != prod)
            array_size_error();
    }
    if ((Size) ret > MaxArraySize)
        array_size_error();
    return (int) ret;
}

int
ArrayGetNItemsOfArray(const ArrayType *a)
{
    return ArrayGetNItems(ARR_NDIM(a), ARR_DIMS((ArrayType *) a));
}

void
ArrayCheckBounds(int ndim, const int *dims, const int *lb)
{
    for (int i = 0; i < ndim; i++)
    {
        int32 sum;

        if (__builtin_add_overflow(dims[i], lb[i], &sum))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array lower bound is too large: %d", lb[i]));
    }
}

int
ArrayGetOffset(int n, const int *dim, const int *lb, const int *indx)
{
    int offset = 0;
    int scale = 1;

    for (int i = n - 1; i >= 0; i--)
    {
        offset += (indx[i] - lb[i]) * scale;
        scale *= dim[i];
    }
    return offset;
}

/* ================================================================ element info */

void
array_elem_info(ArrayMetaState *cache, Oid elemtype)
{
    const TypeInfo *t;

    if (cache->element_type == elemtype && OidIsValid(elemtype))
        return;
    t = lookup_type(elemtype);
    if (t == NULL)
        elog(ERROR, "cache lookup failed for type %u", elemtype);
    cache->typlen = t->typlen;
    cache->typbyval = t->typbyval;
    cache->typalign = t->typalign;
    cache->typdelim = t->typdelim;
    cache->typiofunc = InvalidOid;
    cache->element_type = elemtype;
}

typedef enum IOFuncKind
{
    IOFunc_input,
    IOFunc_output,
    IOFunc_receive,
    IOFunc_send
} IOFuncKind;

/*
 * The ArrayMetaState for element type elemtype and I/O function kind,
 * kept in fn_extra across calls (or in *local when called without an
 * FmgrInfo, as DirectFunctionCall does).
 */
static ArrayMetaState *
array_io_state(FunctionCallInfo fcinfo, ArrayMetaState *local, Oid elemtype,
               IOFuncKind kind)
{
    ArrayMetaState *st;
    MemoryContext cxt;
    Oid         func;
    bool        isvarlena;

    if (fcinfo->flinfo != NULL)
    {
        st = fcinfo->flinfo->fn_extra;
        cxt = fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt : CurrentMemoryContext;
        if (st == NULL)
        {
            st = MemoryContextAllocZero(cxt, sizeof(ArrayMetaState));
            st->element_type = InvalidOid;
            fcinfo->flinfo->fn_extra = st;
        }
    }
    else
    {
        st = local;
        cxt = CurrentMemoryContext;
        st->element_type = InvalidOid;
    }
    if (st->element_type == elemtype && OidIsValid(st->typiofunc))
        return st;

    array_elem_info(st, elemtype);
    switch (kind)
    {
        case IOFunc_input:
            getTypeInputInfo(elemtype, &func, &st->typioparam);
            break;
        case IOFunc_output:
            getTypeOutputInfo(elemtype, &func, &isvarlena);
            break;
        case IOFunc_receive:
            getTypeBinaryInputInfo(elemtype, &func, &st->typioparam);
            break;
        default:
            getTypeBinaryOutputInfo(elemtype, &func, &isvarlena);
            break;
    }
    fmgr_info_cxt(func, &st->proc, cxt);
    st->typiofunc = func;
    return st;
}

/* ================================================================ text input */

static inline bool
array_isspace(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
           ch == '\v' || ch == '\f';
}

static void malformed(const char *str, const char *detail) pg_attribute_noreturn();
static void
malformed(const char *str, const char *detail)
{
    if (detail)
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("malformed array literal: \"%s\"", str),
                errdetail("%s", detail));
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("malformed array literal: \"%s\"", str));
    __builtin_unreachable();
}

static void unexpected_char(const char *str, char ch) pg_attribute_noreturn();
static void
unexpected_char(const char *str, char ch)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("malformed array literal: \"%s\"", str),
            errdetail("Unexpected \"%c\" character.", ch));
    __builtin_unreachable();
}

/* Where the brace-structure scanner is (PostgreSQL's ArrayParseState). */
typedef enum
{
    PS_NO_LEVEL,
    PS_LEVEL_STARTED,
    PS_ELEM_STARTED,
    PS_ELEM_COMPLETED,
    PS_QUOTED_ELEM_STARTED,
    PS_QUOTED_ELEM_COMPLETED,
    PS_ELEM_DELIMITED,
    PS_LEVEL_COMPLETED,
    PS_LEVEL_DELIMITED
} ParseState;

/*
 * Check the brace structure of str (which starts at '{') and count its
 * dimensions into dim[]; returns ndim, 0 for an empty array.  Errors
 * carry PostgreSQL 15's DETAIL lines; str is what they quote.
 */
static int
array_count(const char *str, int *dim, char typdelim)
{
    int         nest_level = 0;
    int         ndim = 1;
    int         temp[MAXDIM];
    int         nelems[MAXDIM];
    int         nelems_last[MAXDIM];
    bool        in_quotes = false;
    bool        eoArray = false;
    bool        empty_array = true;
    const char *ptr = str;
    ParseState  ps = PS_NO_LEVEL;

    for (int i = 0; i < MAXDIM; i++)
    {
        temp[i] = dim[i] = nelems_last[i] = 0;
        nelems[i] = 1;
    }

    while (!eoArray)
    {
        bool itemdone = false;

        while (!itemdone)
        {
            if (ps == PS_ELEM_STARTED || ps == PS_QUOTED_ELEM_STARTED)
                empty_array = false;

            switch (*ptr)
            {
                case '\0':
                    malformed(str, "Unexpected end of input.");
                case '\\':
                    if (ps != PS_LEVEL_STARTED && ps != PS_ELEM_STARTED &&
                        ps != PS_QUOTED_ELEM_STARTED && ps != PS_ELEM_DELIMITED)
                        unexpected_char(str, '\\');
                    if (ps != PS_QUOTED_ELEM_STARTED)
                        ps = PS_ELEM_STARTED;
                    if (ptr[1] == '\0')
                        malformed(str, "Unexpected end of input.");
                    ptr++;      /* skip the escaped character */
                    break;
                case '"':
                    if (ps != PS_LEVEL_STARTED && ps != PS_QUOTED_ELEM_STARTED &&
                        ps != PS_ELEM_DELIMITED)
                        malformed(str, "Unexpected array element.");
                    in_quotes = !in_quotes;
                    ps = in_quotes ? PS_QUOTED_ELEM_STARTED : PS_QUOTED_ELEM_COMPLETED;
                    break;
                case '{':
                    if (in_quotes)
                        break;
                    if (ps != PS_NO_LEVEL && ps != PS_LEVEL_STARTED &&
                        ps != PS_LEVEL_DELIMITED)
                        unexpected_char(str, '{');
                    ps = PS_LEVEL_STARTED;
                    if (nest_level >= MAXDIM)
                        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                                       nest_level + 1, MAXDIM));
                    temp[nest_level] = 0;
                    nest_level++;
                    if (ndim < nest_level)
                        ndim = nest_level;
                    break;
                case '}':
                    if (in_quotes)
                        break;
                    if (ps != PS_ELEM_STARTED && ps != PS_ELEM_COMPLETED &&
                        ps != PS_QUOTED_ELEM_COMPLETED && ps != PS_LEVEL_COMPLETED &&
                        !(nest_level == 1 && ps == PS_LEVEL_STARTED))
                        unexpected_char(str, '}');
                    ps = PS_LEVEL_COMPLETED;
                    if (nest_level == 0)
                        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                                errmsg("malformed array literal: \"%s\"", str),
                                errdetail("Unmatched \"%c\" character.", '}'));
                    nest_level--;
                    if (nelems_last[nest_level] != 0 &&
                        nelems[nest_level] != nelems_last[nest_level])
                        malformed(str, "Multidimensional arrays must have sub-arrays with matching dimensions.");
                    nelems_last[nest_level] = nelems[nest_level];
                    nelems[nest_level] = 1;
                    if (nest_level == 0)
                        eoArray = itemdone = true;
                    else
                        temp[nest_level - 1]++;
                    break;
                default:
                    if (in_quotes)
                        break;
                    if (*ptr == typdelim)
                    {
                        if (ps != PS_ELEM_STARTED && ps != PS_ELEM_COMPLETED &&
                            ps != PS_QUOTED_ELEM_COMPLETED && ps != PS_LEVEL_COMPLETED)
                            unexpected_char(str, typdelim);
                        ps = (ps == PS_LEVEL_COMPLETED) ? PS_LEVEL_DELIMITED : PS_ELEM_DELIMITED;
                        itemdone = true;
                        nelems[nest_level - 1]++;
                    }
                    else if (!array_isspace(*ptr))
                    {
                        if (ps != PS_LEVEL_STARTED && ps != PS_ELEM_STARTED &&
                            ps != PS_ELEM_DELIMITED)
                            malformed(str, "Unexpected array element.");
                        ps = PS_ELEM_STARTED;
                    }
                    break;
            }
            if (!itemdone)
                ptr++;
        }
        temp[ndim - 1]++;
        ptr++;
    }

    /* only whitespace may follow the closing brace */
    while (*ptr)
    {
        if (!array_isspace(*ptr++))
            malformed(str, "Junk after closing right brace.");
    }

    if (empty_array)
        return 0;
    for (int i = 0; i < ndim; i++)
        dim[i] = temp[i];
    return ndim;
}

/*
 * Second pass: split the (already validated) text at p into items,
 * de-quote each in place, and run the element input function.  Fills
 * values[]/nulls[] (nitems long, row-major) and returns the data size.
 */
static int32
array_read_items(char *p, const char *origStr, int nitems, int ndim, const int *dim,
                 ArrayMetaState *st, int32 typmod, Datum *values, bool *nulls,
                 bool *hasnulls)
{
    int         nest_level = 0;
    bool        in_quotes = false;
    bool        eoArray = false;
    int         indx[MAXDIM] = {0};
    int         prod[MAXDIM];
    char       *srcptr = p;
    int32       totbytes = 0;

    /* prod[i]: number of items in one step of dimension i */
    prod[ndim - 1] = 1;
    for (int i = ndim - 2; i >= 0; i--)
        prod[i] = prod[i + 1] * dim[i + 1];
    memset(nulls, true, nitems * sizeof(bool));

    while (!eoArray)
    {
        bool        itemdone = false;
        bool        leadingspace = true;
        bool        hasquoting = false;
        char       *itemstart = srcptr;
        char       *dstptr = srcptr;
        char       *dstendptr = srcptr;
        int         i = -1;

        while (!itemdone)
        {
            switch (*srcptr)
            {
                case '\0':
                    malformed(origStr, NULL);
                case '\\':
                    srcptr++;
                    if (*srcptr == '\0')
                        malformed(origStr, NULL);
                    *dstptr++ = *srcptr++;
                    leadingspace = false;
                    dstendptr = dstptr;
                    hasquoting = true;      /* cannot be the NULL marker */
                    break;
                case '"':
                    in_quotes = !in_quotes;
                    if (in_quotes)
                        leadingspace = false;
                    else
                        dstendptr = dstptr;
                    hasquoting = true;
                    srcptr++;
                    break;
                case '{':
                    if (in_quotes)
                        *dstptr++ = *srcptr++;
                    else
                    {
                        if (nest_level >= ndim)
                            malformed(origStr, NULL);
                        nest_level++;
                        indx[nest_level - 1] = 0;
                        srcptr++;
                    }
                    break;
                case '}':
                    if (in_quotes)
                        *dstptr++ = *srcptr++;
                    else
                    {
                        if (nest_level == 0)
                            malformed(origStr, NULL);
                        if (i == -1)
                        {
                            i = 0;
                            for (int d = 0; d < ndim; d++)
                                i += indx[d] * prod[d];
                        }
                        indx[nest_level - 1] = 0;
                        nest_level--;
                        if (nest_level == 0)
                            eoArray = itemdone = true;
                        else
                            indx[nest_level - 1]++;
                        srcptr++;
                    }
                    break;
                default:
                    if (in_quotes)
                        *dstptr++ = *srcptr++;
                    else if (*srcptr == st->typdelim)
                    {
                        if (i == -1)
                        {
                            i = 0;
                            for (int d = 0; d < ndim; d++)
                                i += indx[d] * prod[d];
                        }
                        itemdone = true;
                        indx[ndim - 1]++;
                        srcptr++;
                    }
                    else if (array_isspace(*srcptr))
                    {
                        /* drop leading space; keep inner space provisionally */
                        if (leadingspace)
                            srcptr++;
                        else
                            *dstptr++ = *srcptr++;
                    }
                    else
                    {
                        *dstptr++ = *srcptr++;
                        leadingspace = false;
                        dstendptr = dstptr;
                    }
                    break;
            }
        }
        *dstendptr = '\0';

        if (i < 0 || i >= nitems)
            malformed(origStr, NULL);

        if (!hasquoting && strcasecmp(itemstart, "NULL") == 0)
        {
            values[i] = InputFunctionCall(&st->proc, NULL, st->typioparam, typmod);
            nulls[i] = true;
        }
        else
        {
            values[i] = InputFunctionCall(&st->proc, itemstart, st->typioparam, typmod);
            nulls[i] = false;
        }
    }

    *hasnulls = false;
    for (int i = 0; i < nitems; i++)
    {
        if (nulls[i])
        {
            *hasnulls = true;
            continue;
        }
        totbytes += (int32) arr_datum_size(values[i], st->typlen);
        totbytes = (int32) arr_align(st->typalign, totbytes);
        if (!AllocSizeIsValid(totbytes))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
    }
    return totbytes;
}

/*
 * Copy values/nulls (nitems, row-major) into the data area and bitmap of
 * array, whose header is already filled in.
 */
static void
array_copy_elems(ArrayType *array, const Datum *values, const bool *nulls, int nitems,
                 int16 typlen, bool typbyval, char typalign)
{
    char       *base = ARR_DATA_PTR(array);
    bits8      *bitmap = ARR_NULLBITMAP(array);
    Size        off = 0;

    if (bitmap)
        memset(bitmap, 0, (nitems + 7) / 8);
    for (int i = 0; i < nitems; i++)
    {
        if (nulls && nulls[i])
            continue;       /* bitmap bit stays 0 */
        if (bitmap)
            bitmap[i / 8] |= (bits8) (1 << (i % 8));
        off += arr_store(base + off, values[i], typbyval, typlen);
        off = arr_align(typalign, off);
    }
}

/*
 * array_in(cstring, element type oid, typmod): the element type comes
 * from the second argument (pg_type.typelem of the array type).
 */
Datum
array_in(PG_FUNCTION_ARGS)
{
    char       *string = PG_GETARG_CSTRING(0);
    Oid         element_type = PG_GETARG_OID(1);
    int32       typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
    ArrayMetaState local;
    ArrayMetaState *st;
    char       *string_save;
    char       *p;
    int         ndim = 0;
    int         dim[MAXDIM];
    int         lBound[MAXDIM];
    int         nitems;
    Datum      *values;
    bool       *nulls;
    bool        hasnulls;
    int32       nbytes;
    int32       dataoffset;
    ArrayType  *retval;

    st = array_io_state(fcinfo, &local, element_type, IOFunc_input);

    string_save = pstrdup(string);
    p = string_save;

    /* optional dimension items: [n] or [m:n], whitespace allowed between */
    for (;;)
    {
        char   *q;
        int     ub;

        while (array_isspace(*p))
            p++;
        if (*p != '[')
            break;
        p++;
        if (ndim >= MAXDIM)
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                           ndim + 1, MAXDIM));
        for (q = p; isdigit((unsigned char) *q) || *q == '-' || *q == '+'; q++)
            ;
        if (q == p)
            malformed(string, "\"[\" must introduce explicitly-specified array dimensions.");
        if (*q == ':')
        {
            *q = '\0';
            lBound[ndim] = atoi(p);
            p = q + 1;
            for (q = p; isdigit((unsigned char) *q) || *q == '-' || *q == '+'; q++)
                ;
            if (q == p)
                malformed(string, "Missing array dimension value.");
        }
        else
            lBound[ndim] = 1;
        if (*q != ']')
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("malformed array literal: \"%s\"", string),
                    errdetail("Missing \"%s\" after array dimensions.", "]"));
        *q = '\0';
        ub = atoi(p);
        p = q + 1;
        if (ub < lBound[ndim])
            ereport(ERROR, errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                    errmsg("upper bound cannot be less than lower bound"));
        dim[ndim] = ub - lBound[ndim] + 1;     /* may wrap: caught below */
        ndim++;
    }

    if (ndim == 0)
    {
        if (*p != '{')
            malformed(string, "Array value must start with \"{\" or dimension information.");
        ndim = array_count(p, dim, st->typdelim);
        for (int i = 0; i < ndim; i++)
            lBound[i] = 1;
    }
    else
    {
        int ndim_braces;
        int dim_braces[MAXDIM];

        if (strncmp(p, ASSGN, strlen(ASSGN)) != 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                    errmsg("malformed array literal: \"%s\"", string),
                    errdetail("Missing \"%s\" after array dimensions.", ASSGN));
        p += strlen(ASSGN);
        while (array_isspace(*p))
            p++;
        if (*p != '{')
            malformed(string, "Array contents must start with \"{\".");
        ndim_braces = array_count(p, dim_braces, st->typdelim);
        if (ndim_braces != ndim)
            malformed(string, "Specified array dimensions do not match array contents.");
        for (int i = 0; i < ndim; i++)
            if (dim[i] != dim_braces[i])
                malformed(string, "Specified array dimensions do not match array contents.");
    }

    if (ndim == 0)
        PG_RETURN_ARRAYTYPE_P(construct_empty_array(element_type));

    nitems = ArrayGetNItems(ndim, dim);
    ArrayCheckBounds(ndim, dim, lBound);
    if (nitems == 0)
        PG_RETURN_ARRAYTYPE_P(construct_empty_array(element_type));

    values = palloc(nitems * sizeof(Datum));
    nulls = palloc(nitems * sizeof(bool));
    nbytes = array_read_items(p, string, nitems, ndim, dim, st, typmod,
                              values, nulls, &hasnulls);
    if (hasnulls)
    {
        dataoffset = (int32) ARR_OVERHEAD_WITHNULLS(ndim, nitems);
        nbytes += dataoffset;
    }
    else
    {
        dataoffset = 0;
        nbytes += (int32) ARR_OVERHEAD_NONULLS(ndim);
    }
    retval = palloc0(nbytes);
    SET_VARSIZE(retval, nbytes);
    retval->ndim = ndim;
    retval->dataoffset = dataoffset;
    retval->elemtype = element_type;
    memcpy(ARR_DIMS(retval), dim, ndim * sizeof(int));
    memcpy(ARR_LBOUND(retval), lBound, ndim * sizeof(int));
    array_copy_elems(retval, values, nulls, nitems, st->typlen, st->typbyval, st->typalign);

    pfree(values);
    pfree(nulls);
    pfree(string_save);
    PG_RETURN_ARRAYTYPE_P(retval);
}

/* ================================================================ text output */

Datum
array_out(PG_FUNCTION_ARGS)
{
    ArrayType  *v = PG_GETARG_ARRAYTYPE_P(0);
    Oid         element_type = ARR_ELEMTYPE(v);
    ArrayMetaState local;
    ArrayMetaState *st;
    int         ndim = ARR_NDIM(v);
    int        *dims = ARR_DIMS(v);
    int        *lb = ARR_LBOUND(v);
    int         nitems;
    char      **values;
    bool       *needquotes;
    bits8      *bitmap;
    char       *p;
    StringInfoData buf;
    int         indx[MAXDIM];
    int         j;
    int         k;

    st = array_io_state(fcinfo, &local, element_type, IOFunc_output);
    nitems = ArrayGetNItems(ndim, dims);
    if (nitems == 0)
        PG_RETURN_CSTRING(pstrdup("{}"));

    values = palloc(nitems * sizeof(char *));
    needquotes = palloc(nitems * sizeof(bool));
    bitmap = ARR_NULLBITMAP(v);
    p = ARR_DATA_PTR(v);
    for (int i = 0; i < nitems; i++)
    {
        bool needquote;

        if (array_get_isnull(bitmap, i))
        {
            values[i] = "NULL";
            needquote = false;
        }
        else
        {
            Datum item = arr_fetch(p, st->typbyval, st->typlen);

            values[i] = OutputFunctionCall(&st->proc, item);
            p += arr_elem_size(p, st->typlen);
            p = (char *) arr_align(st->typalign, (uintptr_t) p);

            /* empty strings and the word NULL must be quoted to read back */
            needquote = values[i][0] == '\0' || strcasecmp(values[i], "NULL") == 0;
            for (const char *t = values[i]; *t && !needquote; t++)
            {
                char ch = *t;

                if (ch == '"' || ch == '\\' || ch == '{' || ch == '}' ||
                    ch == st->typdelim || array_isspace(ch))
                    needquote = true;
            }
        }
        needquotes[i] = needquote;
    }

    initStringInfo(&buf);
    /* bounds prefix only when some lower bound is not 1 */
    for (int i = 0; i < ndim; i++)
    {
        if (lb[i] != 1)
        {
            for (int d = 0; d < ndim; d++)
                appendStringInfo(&buf, "[%d:%d]", lb[d], lb[d] + dims[d] - 1);
            appendStringInfoString(&buf, ASSGN);
            break;
        }
    }

    appendStringInfoChar(&buf, '{');
    for (int i = 0; i < ndim; i++)
        indx[i] = 0;
    j = 0;
    k = 0;
    do
    {
        int i;

        for (i = j; i < ndim - 1; i++)
            appendStringInfoChar(&buf, '{');
        if (needquotes[k])
        {
            appendStringInfoChar(&buf, '"');
            for (const char *t = values[k]; *t; t++)
            {
                if (*t == '"' || *t == '\\')
                    appendStringInfoChar(&buf, '\\');
                appendStringInfoChar(&buf, *t);
            }
            appendStringInfoChar(&buf, '"');
        }
        else
            appendStringInfoString(&buf, values[k]);
        k++;

        for (i = ndim - 1; i >= 0; i--)
        {
            if (++indx[i] < dims[i])
            {
                appendStringInfoChar(&buf, st->typdelim);
                break;
            }
            indx[i] = 0;
            appendStringInfoChar(&buf, '}');
        }
        j = i;
    } while (j != -1);

    PG_RETURN_CSTRING(buf.data);
}

/* ================================================================ construction */

ArrayType *
construct_empty_array(Oid elmtype)
{
    ArrayType *result = palloc0(sizeof(ArrayType));

    SET_VARSIZE(result, sizeof(ArrayType));
    result->ndim = 0;
    result->dataoffset = 0;
    result->elemtype = elmtype;
    return result;
}

ArrayType *
construct_md_array(Datum *elems, bool *nulls, int ndims, int *dims, int *lbs,
                   Oid elmtype, int elmlen, bool elmbyval, char elmalign)
{
    ArrayType  *result;
    bool        hasnulls = false;
    int32       nbytes = 0;
    int32       dataoffset;
    int         nelems;

    if (ndims < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid number of dimensions: %d", ndims));
    if (ndims > MAXDIM)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                       ndims, MAXDIM));

    nelems = ArrayGetNItems(ndims, dims);
    ArrayCheckBounds(ndims, dims, lbs);
    if (nelems <= 0)
        return construct_empty_array(elmtype);

    for (int i = 0; i < nelems; i++)
    {
        if (nulls && nulls[i])
        {
            hasnulls = true;
            continue;
        }
        nbytes += (int32) arr_datum_size(elems[i], (int16) elmlen);
        nbytes = (int32) arr_align(elmalign, nbytes);
        if (!AllocSizeIsValid(nbytes))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
    }

    if (hasnulls)
    {
        dataoffset = (int32) ARR_OVERHEAD_WITHNULLS(ndims, nelems);
        nbytes += dataoffset;
    }
    else
    {
        dataoffset = 0;
        nbytes += (int32) ARR_OVERHEAD_NONULLS(ndims);
    }
    if (!AllocSizeIsValid(nbytes))
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));

    result = palloc0(nbytes);
    SET_VARSIZE(result, nbytes);
    result->ndim = ndims;
    result->dataoffset = dataoffset;
    result->elemtype = elmtype;
    memcpy(ARR_DIMS(result), dims, ndims * sizeof(int));
    memcpy(ARR_LBOUND(result), lbs, ndims * sizeof(int));
    array_copy_elems(result, elems, hasnulls ? nulls : NULL, nelems,
                     (int16) elmlen, elmbyval, elmalign);
    return result;
}

ArrayType *
construct_array(Datum *elems, int nelems, Oid elmtype, int elmlen, bool elmbyval,
                char elmalign)
{
    int dims[1] = {nelems};
    int lbs[1] = {1};

    return construct_md_array(elems, NULL, 1, dims, lbs, elmtype, elmlen,
                              elmbyval, elmalign);
}

void
deconstruct_array(ArrayType *array, Oid elmtype, int elmlen, bool elmbyval,
                  char elmalign, Datum **elemsp, bool **nullsp, int *nelemsp)
{
    int         nelems;
    Datum      *elems;
    bool       *nulls = NULL;
    const bits8 *bitmap;
    char       *p;

    if (ARR_ELEMTYPE(array) != elmtype)
        elog(ERROR, "deconstruct_array: element type %u is not the expected %u",
             ARR_ELEMTYPE(array), elmtype);

    nelems = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
    *elemsp = elems = palloc(Max(nelems, 1) * sizeof(Datum));
    if (nullsp)
        *nullsp = nulls = palloc0(Max(nelems, 1) * sizeof(bool));
    *nelemsp = nelems;

    bitmap = ARR_NULLBITMAP(array);
    p = ARR_DATA_PTR(array);
    for (int i = 0; i < nelems; i++)
    {
        if (array_get_isnull(bitmap, i))
        {
            elems[i] = (Datum) 0;
            if (nulls)
                nulls[i] = true;
            else
                ereport(ERROR, errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                        errmsg("null array element not allowed in this context"));
            continue;
        }
        elems[i] = arr_fetch(p, elmbyval, (int16) elmlen);
        p += arr_elem_size(p, (int16) elmlen);
        p = (char *) arr_align(elmalign, (uintptr_t) p);
    }
}

bool
array_contains_nulls(ArrayType *array)
{
    int         nelems;
    const bits8 *bitmap = ARR_NULLBITMAP(array);

    if (bitmap == NULL)
        return false;
    nelems = ArrayGetNItems(ARR_NDIM(array), ARR_DIMS(array));
    for (int i = 0; i < nelems; i++)
        if (array_get_isnull(bitmap, i))
            return true;
    return false;
}

ArrayType *
array_copy(const ArrayType *array)
{
    ArrayType *copy = palloc(VARSIZE(array));

    memcpy(copy, array, VARSIZE(array));
    return copy;
}

/* ================================================================ binary I/O */

/* A type name for messages, "???" for an OID with no pg_type row. */
static char *
type_name_or_unknown(Oid typid)
{
    return lookup_type(typid) ? format_type_be(typid) : pstrdup("???");
}

#define FirstGenbkiObjectId 10000

/*
 * array_recv(internal, element type oid, typmod): PostgreSQL's binary
 * format: ndim, has-nulls flag, element type, (dim, lbound) per
 * dimension, then each element as int32 length (-1 for NULL) + bytes in
 * the element type's binary format.
 */
Datum
array_recv(PG_FUNCTION_ARGS)
{
    StringInfo  buf = (StringInfo) PG_GETARG_POINTER(0);
    Oid         spec_element_type = PG_GETARG_OID(1);
    int32       typmod = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : -1;
    Oid         element_type;
    ArrayMetaState local;
    ArrayMetaState *st;
    int         ndim;
    int         flags;
    int         dim[MAXDIM] = {0};
    int         lBound[MAXDIM] = {0};
    int         nitems;
    Datum      *values;
    bool       *nulls;
    bool        hasnulls = false;
    int32       nbytes = 0;
    int32       dataoffset;
    ArrayType  *retval;

    ndim = (int) pq_getmsgint(buf, 4);
    if (ndim < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                errmsg("invalid number of dimensions: %d", ndim));
    if (ndim > MAXDIM)
        ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                       ndim, MAXDIM));
    flags = (int) pq_getmsgint(buf, 4);
    if (flags != 0 && flags != 1)
        ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                errmsg("invalid array flags"));

    /* complain about a mismatch only when both OIDs are built-in (stable) */
    element_type = pq_getmsgint(buf, 4);
    if (element_type != spec_element_type)
    {
        if (element_type < FirstGenbkiObjectId && spec_element_type < FirstGenbkiObjectId)
            ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("binary data has array element type %u (%s) instead of expected %u (%s)",
                           element_type, type_name_or_unknown(element_type),
                           spec_element_type, type_name_or_unknown(spec_element_type)));
        element_type = spec_element_type;
    }

    for (int i = 0; i < ndim; i++)
    {
        dim[i] = (int) pq_getmsgint(buf, 4);
        lBound[i] = (int) pq_getmsgint(buf, 4);
    }
    nitems = ArrayGetNItems(ndim, dim);
    ArrayCheckBounds(ndim, dim, lBound);

    st = array_io_state(fcinfo, &local, element_type, IOFunc_receive);
    if (nitems == 0)
        PG_RETURN_ARRAYTYPE_P(construct_empty_array(element_type));

    values = palloc(nitems * sizeof(Datum));
    nulls = palloc(nitems * sizeof(bool));
    for (int i = 0; i < nitems; i++)
    {
        int         itemlen = (int) pq_getmsgint(buf, 4);
        StringInfoData elem_buf;
        char        csave;

        if (itemlen < -1 || itemlen > (buf->len - buf->cursor))
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("insufficient data left in message"));
        if (itemlen == -1)
        {
            values[i] = ReceiveFunctionCall(&st->proc, NULL, st->typioparam, typmod);
            nulls[i] = true;
            hasnulls = true;
            continue;
        }
        /* a view of the element's bytes, NUL-terminated in place */
        elem_buf.data = &buf->data[buf->cursor];
        elem_buf.maxlen = itemlen + 1;
        elem_buf.len = itemlen;
        elem_buf.cursor = 0;
        buf->cursor += itemlen;
        csave = buf->data[buf->cursor];
        buf->data[buf->cursor] = '\0';
        values[i] = ReceiveFunctionCall(&st->proc, &elem_buf, st->typioparam, typmod);
        nulls[i] = false;
        if (elem_buf.cursor != itemlen)
            ereport(ERROR, errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("improper binary format in array element %d", i + 1));
        buf->data[buf->cursor] = csave;

        nbytes += (int32) arr_datum_size(values[i], st->typlen);
        nbytes = (int32) arr_align(st->typalign, nbytes);
        if (!AllocSizeIsValid(nbytes))
            ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                    errmsg("array size exceeds the maximum allowed (%d)", (int) MaxAllocSize));
    }

    if (hasnulls)
    {
        dataoffset = (int32) ARR_OVERHEAD_WITHNULLS(ndim, nitems);
        nbytes += dataoffset;
    }
    else
    {
        dataoffset = 0;
        nbytes += (int32) ARR_OVERHEAD_NONULLS(ndim);
    }
    retval = palloc0(nbytes);
    SET_VARSIZE(retval, nbytes);
    retval->ndim = ndim;
    retval->dataoffset = dataoffset;
    retval->elemtype = element_type;
    memcpy(ARR_DIMS(retval), dim, ndim * sizeof(int));
    memcpy(ARR_LBOUND(retval), lBound, ndim * sizeof(int));
    array_copy_elems(retval, values, nulls, nitems, st->typlen, st->typbyval, st->typalign);
    pfree(values);
    pfree(nulls);
    PG_RETURN_ARRAYTYPE_P(retval);
}

Datum
array_send(PG_FUNCTION_ARGS)
{
    ArrayType  *v = PG_GETARG_ARRAYTYPE_P(0);
    Oid         element_type = ARR_ELEMTYPE(v);
    ArrayMetaState local;
    ArrayMetaState *st;
    int         ndim = ARR_NDIM(v);
    int        *dim = ARR_DIMS(v);
    int        *lb = ARR_LBOUND(v);
    int         nitems = ArrayGetNItems(ndim, dim);
    bits8      *bitmap = ARR_NULLBITMAP(v);
    char       *p = ARR_DATA_PTR(v);
    StringInfoData buf;

    st = array_io_state(fcinfo, &local, element_type, IOFunc_send);

    pq_begintypsend(&buf);
    pq_sendint32(&buf, (uint32) ndim);
    pq_sendint32(&buf, ARR_HASNULL(v) ? 1 : 0);
    pq_sendint32(&buf, element_type);
    for (int i = 0; i < ndim; i++)
    {
        pq_sendint32(&buf, (uint32) dim[i]);
        pq_sendint32(&buf, (uint32) lb[i]);
    }
    for (int i = 0; i < nitems; i++)
    {
        bytea *outputbytes;

        if (array_get_isnull(bitmap, i))
        {
            pq_sendint32(&buf, (uint32) -1);
            continue;
        }
        outputbytes = SendFunctionCall(&st->proc, arr_fetch(p, st->typbyval, st->typlen));
        pq_sendint32(&buf, VARSIZE(outputbytes) - VARHDRSZ);
        pq_sendbytes(&buf, VARDATA(outputbytes), VARSIZE(outputbytes) - VARHDRSZ);
        pfree(outputbytes);
        p += arr_elem_size(p, st->typlen);
        p = (char *) arr_align(st->typalign, (uintptr_t) p);
    }
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

void
array_bitmap_copy(bits8 *dst, int dstoff, const bits8 *src, int srcoff, int nitems)
{
    for (int i = 0; i < nitems; i++)
    {
        int     d = dstoff + i;

        if (!array_get_isnull(src, srcoff + i))
            dst[d / 8] |= (bits8) (1 << (d % 8));
        else
            dst[d / 8] &= (bits8) ~(1 << (d % 8));
    }
}

/* ================================================================ pseudo-types */

/*
 * anyarray and anycompatiblearray values print and send as the array
 * they are; no value of these pseudo-types can be read (PostgreSQL's
 * pseudotypes.c).
 */
static void
pseudo_input_error(const char *typname)
{
    ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
            errmsg("cannot accept a value of type %s", typname));
}

Datum
anyarray_in(PG_FUNCTION_ARGS)
{
    pseudo_input_error("anyarray");
    PG_RETURN_VOID();
}

Datum
anyarray_recv(PG_FUNCTION_ARGS)
{
    pseudo_input_error("anyarray");
    PG_RETURN_VOID();
}

Datum
anyarray_out(PG_FUNCTION_ARGS)
{
    return array_out(fcinfo);
}

Datum
anyarray_send(PG_FUNCTION_ARGS)
{
    return array_send(fcinfo);
}

Datum
anycompatiblearray_in(PG_FUNCTION_ARGS)
{
    pseudo_input_error("anycompatiblearray");
    PG_RETURN_VOID();
}

Datum
anycompatiblearray_recv(PG_FUNCTION_ARGS)
{
    pseudo_input_error("anycompatiblearray");
    PG_RETURN_VOID();
}

Datum
anycompatiblearray_out(PG_FUNCTION_ARGS)
{
    return array_out(fcinfo);
}

Datum
anycompatiblearray_send(PG_FUNCTION_ARGS)
{
    return array_send(fcinfo);
}
