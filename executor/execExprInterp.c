/*-------------------------------------------------------------------------
 * execExprInterp.c
 *    Run a compiled expression program (execExpr.h) against the current
 *    rows of an ExprContext.
 *
 * The loop dispatches on each step's opcode; steps communicate only
 * through the resvalue/resnull locations the compiler chose.  Called in
 * the per-tuple memory context (ExecEvalExprSwitchContext), so whatever
 * the called functions allocate dies at the node's next cycle.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "executor/execExpr.h"
#include "pgwire/pgwire.h"
#include "procs/array.h"
#include "procs/datetime.h"
#include "procs/rowtypes.h"
#include "procs/subscripting.h"

static inline Datum
call_function(ExprEvalStep *op, bool *isnull)
{
    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
    Datum       d;

    fcinfo->isnull = false;
    d = op->d.func.fn_addr(fcinfo);
    *isnull = fcinfo->isnull;
    return d;
}

static Datum
eval_iocoerce(ExprEvalStep *op)
{
    FunctionCallInfo fout = op->d.iocoerce.fcinfo_data_out;
    FunctionCallInfo fin = op->d.iocoerce.fcinfo_data_in;
    char       *str;

    fout->args[0].value = *op->resvalue;
    fout->args[0].isnull = false;
    fout->isnull = false;
    str = DatumGetCString(op->d.iocoerce.finfo_out->fn_addr(fout));
    fin->args[0].value = CStringGetDatum(str);
    fin->args[0].isnull = false;
    fin->isnull = false;
    return op->d.iocoerce.finfo_in->fn_addr(fin);
}

static void
eval_minmax(ExprEvalStep *op)
{
    FunctionCallInfo fcinfo = op->d.minmax.fcinfo_data;
    bool        have = false;
    Datum       best = 0;

    for (int i = 0; i < op->d.minmax.nelems; i++)
    {
        int32       cmp;

        if (op->d.minmax.nulls[i])
            continue;           /* GREATEST/LEAST ignore NULLs */
        if (!have)
        {
            best = op->d.minmax.values[i];
            have = true;
            continue;
        }
        fcinfo->args[0].value = op->d.minmax.values[i];
        fcinfo->args[0].isnull = false;
        fcinfo->args[1].value = best;
        fcinfo->args[1].isnull = false;
        fcinfo->isnull = false;
        cmp = DatumGetInt32(op->d.minmax.finfo->fn_addr(fcinfo));
        if ((op->d.minmax.op == IS_GREATEST && cmp > 0) ||
            (op->d.minmax.op == IS_LEAST && cmp < 0))
            best = op->d.minmax.values[i];
    }
    *op->resvalue = best;
    *op->resnull = !have;
}

/* A name Datum holding s (truncated to NAMEDATALEN - 1 bytes). */
static Datum
make_name_datum(const char *s)
{
    NameData   *n = palloc0(sizeof(NameData));

    snprintf(n->data, NAMEDATALEN, "%s", s);
    return PointerGetDatum(n);
}

/* CURRENT_DATE, CURRENT_USER, ... (PostgreSQL's ExecEvalSQLValueFunction) */
static void
eval_sqlvaluefunction(ExprEvalStep *op)
{
    SQLValueFunction *svf = op->d.sqlvaluefunction.svf;

    *op->resnull = false;
    switch (svf->op)
    {
        case SVFOP_CURRENT_DATE:
            *op->resvalue = DateADTGetDatum(GetSQLCurrentDate());
            break;
        case SVFOP_CURRENT_TIME:
        case SVFOP_CURRENT_TIME_N:
            *op->resvalue = TimeTzADTPGetDatum(GetSQLCurrentTime(svf->typmod));
            break;
        case SVFOP_CURRENT_TIMESTAMP:
        case SVFOP_CURRENT_TIMESTAMP_N:
            *op->resvalue = TimestampTzGetDatum(GetSQLCurrentTimestamp(svf->typmod));
            break;
        case SVFOP_LOCALTIME:
        case SVFOP_LOCALTIME_N:
            *op->resvalue = TimeADTGetDatum(GetSQLLocalTime(svf->typmod));
            break;
        case SVFOP_LOCALTIMESTAMP:
        case SVFOP_LOCALTIMESTAMP_N:
            *op->resvalue = TimestampGetDatum(GetSQLLocalTimestamp(svf->typmod));
            break;
        case SVFOP_CURRENT_ROLE:
        case SVFOP_CURRENT_USER:
        case SVFOP_USER:
        case SVFOP_SESSION_USER:
            /* no SET ROLE / SET SESSION AUTHORIZATION yet: all are the login role */
            *op->resvalue = make_name_datum(MyProcPort && MyProcPort->user_name ?
                                            MyProcPort->user_name : "postgres");
            break;
        case SVFOP_CURRENT_CATALOG:
            *op->resvalue = make_name_datum(MyProcPort && MyProcPort->database_name ?
                                            MyProcPort->database_name : "postgres");
            break;
        case SVFOP_CURRENT_SCHEMA:
            {
                /* the first existing schema of the search path (pg_catalog not implied) */
                List       *path = fetch_search_path(false);
                char       *nspname = path != NIL ? get_namespace_name(linitial_oid(path)) : NULL;

                if (nspname == NULL)
                {
                    *op->resvalue = (Datum) 0;
                    *op->resnull = true;
                }
                else
                    *op->resvalue = make_name_datum(nspname);
                break;
            }
    }
}

/* ARRAY[...] (PostgreSQL's ExecEvalArrayExpr) */
static void
eval_arrayexpr(ExprEvalStep *op)
{
    int         nelems = op->d.arrayexpr.nelems;
    Oid         elemtype = op->d.arrayexpr.elemtype;
    int16       elmlen = op->d.arrayexpr.elemlength;
    bool        elmbyval = op->d.arrayexpr.elembyval;
    char        elmalign = op->d.arrayexpr.elemalign;
    int         ndims;
    int         dims[MAXDIM];
    int         lbs[MAXDIM];

    *op->resnull = false;
    if (!op->d.arrayexpr.multidims)
    {
        if (nelems == 0)
        {
            *op->resvalue = PointerGetDatum(construct_empty_array(elemtype));
            return;
        }
        dims[0] = nelems;
        lbs[0] = 1;
        *op->resvalue = PointerGetDatum(construct_md_array(op->d.arrayexpr.elemvalues,
                                                           op->d.arrayexpr.elemnulls, 1,
                                                           dims, lbs, elemtype, elmlen,
                                                           elmbyval, elmalign));
        return;
    }
    else
    {
        /* the elements are sub-arrays of one shape; NULL or empty ones are skipped */
        int         elem_ndims = 0;
        int        *elem_dims = NULL;
        int        *elem_lbs = NULL;
        bool        firstone = true;
        bool        haveempty = false;
        int         outer_nelems = 0;
        Datum      *values = NULL;
        bool       *nulls = NULL;
        int         nitems = 0;
        int         alloc = 0;

        for (int e = 0; e < nelems; e++)
        {
            ArrayType  *array;
            int         this_ndims;
            Datum      *subvalues;
            bool       *subnulls;
            int         subn;

            if (op->d.arrayexpr.elemnulls[e])
            {
                haveempty = true;
                continue;
            }
            array = DatumGetArrayTypeP(op->d.arrayexpr.elemvalues[e]);
            if (ARR_ELEMTYPE(array) != elemtype)
                ereport(ERROR,
                        (errcode(ERRCODE_DATATYPE_MISMATCH),
                         errmsg("cannot merge incompatible arrays"),
                         errdetail("Array with element type %s cannot be included in ARRAY construct with element type %s.",
                                   format_type_be(ARR_ELEMTYPE(array)),
                                   format_type_be(elemtype))));
            this_ndims = ARR_NDIM(array);
            if (this_ndims <= 0)
            {
                haveempty = true;
                continue;
            }
            if (firstone)
            {
                elem_ndims = this_ndims;
                if (elem_ndims + 1 > MAXDIM)
                    ereport(ERROR,
                            (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                             errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                                    elem_ndims + 1, MAXDIM)));
                elem_dims = palloc(sizeof(int) * (Size) elem_ndims);
                memcpy(elem_dims, ARR_DIMS(array), sizeof(int) * (Size) elem_ndims);
                elem_lbs = palloc(sizeof(int) * (Size) elem_ndims);
                memcpy(elem_lbs, ARR_LBOUND(array), sizeof(int) * (Size) elem_ndims);
                firstone = false;
            }
            else if (elem_ndims != this_ndims ||
                     memcmp(elem_dims, ARR_DIMS(array), sizeof(int) * (Size) elem_ndims) != 0 ||
                     memcmp(elem_lbs, ARR_LBOUND(array), sizeof(int) * (Size) elem_ndims) != 0)
                ereport(ERROR,
                        (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                         errmsg("multidimensional arrays must have array expressions with matching dimensions")));

            deconstruct_array(array, elemtype, elmlen, elmbyval, elmalign,
                              &subvalues, &subnulls, &subn);
            if (nitems + subn > alloc)
            {
                alloc = Max(alloc * 2, nitems + subn);
                if ((Size) alloc > MaxArraySize)
                    ereport(ERROR,
                            (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                             errmsg("array size exceeds the maximum allowed (%d)",
                                    (int) MaxArraySize)));
                values = values ? repalloc(values, sizeof(Datum) * (Size) alloc) :
                    palloc(sizeof(Datum) * (Size) alloc);
                nulls = nulls ? repalloc(nulls, sizeof(bool) * (Size) alloc) :
                    palloc(sizeof(bool) * (Size) alloc);
            }
            memcpy(values + nitems, subvalues, sizeof(Datum) * (Size) subn);
            memcpy(nulls + nitems, subnulls, sizeof(bool) * (Size) subn);
            nitems += subn;
            outer_nelems++;
        }
        if (haveempty)
        {
            if (firstone)
            {
                *op->resvalue = PointerGetDatum(construct_empty_array(elemtype));
                return;
            }
            ereport(ERROR,
                    (errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
                     errmsg("multidimensional arrays must have array expressions with matching dimensions")));
        }
        if (firstone)
        {
            /* ARRAY[]::int[][] with no elements */
            *op->resvalue = PointerGetDatum(construct_empty_array(elemtype));
            return;
        }
        ndims = elem_ndims + 1;
        dims[0] = outer_nelems;
        lbs[0] = 1;
        for (int d = 1; d < ndims; d++)
        {
            dims[d] = elem_dims[d - 1];
            lbs[d] = elem_lbs[d - 1];
        }
        *op->resvalue = PointerGetDatum(construct_md_array(values, nulls, ndims, dims, lbs,
                                                           elemtype, elmlen, elmbyval,
                                                           elmalign));
    }
}

/*
 * scalar op ANY/ALL (array), PostgreSQL's three-valued rules: ANY is true
 * if some comparison is true, else NULL if some was NULL, else false; ALL
 * the mirror image.  An empty array gives false (ANY) / true (ALL) even
 * for a NULL scalar; a NULL array gives NULL.
 */
static void
eval_scalararrayop(ExprEvalStep *op)
{
    FunctionCallInfo fcinfo = op->d.scalararrayop.fcinfo_data;
    bool        useOr = op->d.scalararrayop.useOr;
    bool        strictfunc = op->d.scalararrayop.finfo->fn_strict;
    int16       typlen = op->d.scalararrayop.typlen;
    bool        typbyval = op->d.scalararrayop.typbyval;
    char        typalign = op->d.scalararrayop.typalign;
    ArrayType  *arr;
    int         nitems;
    Datum       result;
    bool        resultnull;
    char       *s;
    bits8      *bitmap;

    if (*op->resnull)
        return;                 /* NULL array: NULL result */
    arr = DatumGetArrayTypeP(*op->resvalue);
    nitems = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
    if (nitems <= 0)
    {
        *op->resvalue = BoolGetDatum(!useOr);
        *op->resnull = false;
        return;
    }
    if (fcinfo->args[0].isnull && strictfunc)
    {
        *op->resnull = true;
        return;
    }

    result = BoolGetDatum(!useOr);
    resultnull = false;
    s = ARR_DATA_PTR(arr);
    bitmap = ARR_NULLBITMAP(arr);
    for (int i = 0; i < nitems; i++)
    {
        Datum       thisresult;
        bool        thisnull;

        if (array_get_isnull(bitmap, i))
        {
            fcinfo->args[1].value = (Datum) 0;
            fcinfo->args[1].isnull = true;
        }
        else
        {
            fcinfo->args[1].value = arr_fetch(s, typbyval, typlen);
            fcinfo->args[1].isnull = false;
            s += arr_elem_size(s, typlen);
            s = (char *) arr_align(typalign, (uintptr_t) s);
        }
        if (fcinfo->args[1].isnull && strictfunc)
        {
            thisnull = true;
            thisresult = (Datum) 0;
        }
        else
        {
            fcinfo->isnull = false;
            thisresult = op->d.scalararrayop.fn_addr(fcinfo);
            thisnull = fcinfo->isnull;
        }
        if (thisnull)
            resultnull = true;
        else if (useOr && DatumGetBool(thisresult))
        {
            result = BoolGetDatum(true);
            resultnull = false;
            break;
        }
        else if (!useOr && !DatumGetBool(thisresult))
        {
            result = BoolGetDatum(false);
            resultnull = false;
            break;
        }
    }
    *op->resvalue = result;
    *op->resnull = resultnull;
}

/* a[i], a[i:j], and assignment to them (PostgreSQL's array_subscript_*) */
static void
eval_sbsref(ExprEvalStep *op)
{
    SubscriptingRefState *sb = op->d.sbsref.state;
    int         upper[MAXDIM];
    int         lower[MAXDIM];

    if (sb->routines != NULL)
    {
        /* a non-array container: its subscripting handler does it all */
        sb->routines->eval(sb, op->resvalue, op->resnull);
        return;
    }
    for (int i = 0; i < sb->numupper; i++)
    {
        if (sb->upperprovided[i] && sb->upperindexnull[i])
        {
            if (sb->isassignment)
                ereport(ERROR,
                        (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                         errmsg("array subscript in assignment must not be null")));
            *op->resvalue = (Datum) 0;
            *op->resnull = true;
            return;
        }
        upper[i] = sb->upperprovided[i] ? DatumGetInt32(sb->upperindex[i]) : 0;
    }
    for (int i = 0; i < sb->numlower; i++)
    {
        if (sb->lowerprovided[i] && sb->lowerindexnull[i])
        {
            if (sb->isassignment)
                ereport(ERROR,
                        (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                         errmsg("array subscript in assignment must not be null")));
            *op->resvalue = (Datum) 0;
            *op->resnull = true;
            return;
        }
        lower[i] = sb->lowerprovided[i] ? DatumGetInt32(sb->lowerindex[i]) : 0;
    }

    if (!sb->isassignment)
    {
        if (*op->resnull)
            return;             /* NULL array: NULL */
        if (sb->isslice)
            *op->resvalue = array_get_slice(*op->resvalue, sb->numupper, upper, lower,
                                            sb->upperprovided, sb->lowerprovided,
                                            sb->refattrlength, sb->refelemlength,
                                            sb->refelembyval, sb->refelemalign);
        else
            *op->resvalue = array_get_element(*op->resvalue, sb->numupper, upper,
                                              sb->refattrlength, sb->refelemlength,
                                              sb->refelembyval, sb->refelemalign,
                                              op->resnull);
        return;
    }

    /* assignment: a NULL array becomes an empty one first */
    if (*op->resnull)
    {
        *op->resvalue = PointerGetDatum(construct_empty_array(sb->refelemtype));
        *op->resnull = false;
    }
    if (sb->isslice)
        *op->resvalue = array_set_slice(*op->resvalue, sb->numupper, upper, lower,
                                        sb->upperprovided, sb->lowerprovided,
                                        sb->replacevalue, sb->replacenull,
                                        sb->refattrlength, sb->refelemlength,
                                        sb->refelembyval, sb->refelemalign);
    else
        *op->resvalue = array_set_element(*op->resvalue, sb->numupper, upper,
                                          sb->replacevalue, sb->replacenull,
                                          sb->refattrlength, sb->refelemlength,
                                          sb->refelembyval, sb->refelemalign);
}

Datum
ExecInterpExpr(ExprState *state, ExprContext *econtext, bool *isnull)
{
    ExprEvalStep *steps = state->steps;
    TupleTableSlot *innerslot = econtext->ecxt_innertuple;
    TupleTableSlot *outerslot = econtext->ecxt_outertuple;
    TupleTableSlot *scanslot = econtext->ecxt_scantuple;
    TupleTableSlot *resultslot = state->resultslot;
    int         pc = 0;

    for (;;)
    {
        ExprEvalStep *op = &steps[pc];

        switch (op->opcode)
        {
            case EEOP_DONE:
                *isnull = state->resnull;
                return state->resvalue;

            case EEOP_INNER_FETCHSOME:
                slot_getsomeattrs(innerslot, op->d.fetch.last_var);
                break;
            case EEOP_OUTER_FETCHSOME:
                slot_getsomeattrs(outerslot, op->d.fetch.last_var);
                break;
            case EEOP_SCAN_FETCHSOME:
                slot_getsomeattrs(scanslot, op->d.fetch.last_var);
                break;

            case EEOP_INNER_VAR:
                *op->resvalue = innerslot->tts_values[op->d.var.attnum];
                *op->resnull = innerslot->tts_isnull[op->d.var.attnum];
                break;
            case EEOP_OUTER_VAR:
                *op->resvalue = outerslot->tts_values[op->d.var.attnum];
                *op->resnull = outerslot->tts_isnull[op->d.var.attnum];
                break;
            case EEOP_SCAN_VAR:
                if (unlikely(op->d.var.attnum < 0))
                {
                    *op->resvalue = PointerGetDatum(&scanslot->tts_tid);
                    *op->resnull = false;
                }
                else
                {
                    *op->resvalue = scanslot->tts_values[op->d.var.attnum];
                    *op->resnull = scanslot->tts_isnull[op->d.var.attnum];
                }
                break;

            case EEOP_ASSIGN_INNER_VAR:
                resultslot->tts_values[op->d.assign_var.resultnum] =
                    innerslot->tts_values[op->d.assign_var.attnum];
                resultslot->tts_isnull[op->d.assign_var.resultnum] =
                    innerslot->tts_isnull[op->d.assign_var.attnum];
                break;
            case EEOP_ASSIGN_OUTER_VAR:
                resultslot->tts_values[op->d.assign_var.resultnum] =
                    outerslot->tts_values[op->d.assign_var.attnum];
                resultslot->tts_isnull[op->d.assign_var.resultnum] =
                    outerslot->tts_isnull[op->d.assign_var.attnum];
                break;
            case EEOP_ASSIGN_SCAN_VAR:
                resultslot->tts_values[op->d.assign_var.resultnum] =
                    scanslot->tts_values[op->d.assign_var.attnum];
                resultslot->tts_isnull[op->d.assign_var.resultnum] =
                    scanslot->tts_isnull[op->d.assign_var.attnum];
                break;
            case EEOP_ASSIGN_TMP:
                resultslot->tts_values[op->d.assign_tmp.resultnum] = state->resvalue;
                resultslot->tts_isnull[op->d.assign_tmp.resultnum] = state->resnull;
                break;

            case EEOP_CONST:
                *op->resvalue = op->d.constval.value;
                *op->resnull = op->d.constval.isnull;
                break;

            case EEOP_FUNCEXPR:
                *op->resvalue = call_function(op, op->resnull);
                break;
            case EEOP_FUNCEXPR_STRICT:
                {
                    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
                    bool        anynull = false;

                    for (int i = 0; i < op->d.func.nargs; i++)
                        if (fcinfo->args[i].isnull)
                        {
                            anynull = true;
                            break;
                        }
                    if (anynull)
                    {
                        *op->resnull = true;
                        *op->resvalue = (Datum) 0;
                    }
                    else
                        *op->resvalue = call_function(op, op->resnull);
                    break;
                }

            case EEOP_BOOL_AND_STEP_FIRST:
                *op->d.boolexpr.anynull = false;
                /* FALLTHROUGH */
            case EEOP_BOOL_AND_STEP:
                if (*op->resnull)
                    *op->d.boolexpr.anynull = true;
                else if (!DatumGetBool(*op->resvalue))
                {
                    pc = op->d.boolexpr.jumpdone;   /* result is false */
                    continue;
                }
                break;
            case EEOP_BOOL_AND_STEP_LAST:
                if (*op->resnull)
                    ;                                   /* result NULL */
                else if (!DatumGetBool(*op->resvalue))
                    ;                                   /* result false */
                else if (*op->d.boolexpr.anynull)
                {
                    *op->resvalue = (Datum) 0;
                    *op->resnull = true;
                }
                break;

            case EEOP_BOOL_OR_STEP_FIRST:
                *op->d.boolexpr.anynull = false;
                /* FALLTHROUGH */
            case EEOP_BOOL_OR_STEP:
                if (*op->resnull)
                    *op->d.boolexpr.anynull = true;
                else if (DatumGetBool(*op->resvalue))
                {
                    pc = op->d.boolexpr.jumpdone;   /* result is true */
                    continue;
                }
                break;
            case EEOP_BOOL_OR_STEP_LAST:
                if (*op->resnull)
                    ;
                else if (DatumGetBool(*op->resvalue))
                    ;
                else if (*op->d.boolexpr.anynull)
                {
                    *op->resvalue = (Datum) 0;
                    *op->resnull = true;
                }
                break;

            case EEOP_BOOL_NOT_STEP:
                if (!*op->resnull)
                    *op->resvalue = BoolGetDatum(!DatumGetBool(*op->resvalue));
                break;

            case EEOP_QUAL:
                if (*op->resnull || !DatumGetBool(*op->resvalue))
                {
                    *op->resnull = false;
                    *op->resvalue = BoolGetDatum(false);
                    pc = op->d.qualexpr.jumpdone;
                    continue;
                }
                break;

            case EEOP_JUMP:
                pc = op->d.jump.jumpdone;
                continue;
            case EEOP_JUMP_IF_NULL:
                if (*op->resnull)
                {
                    pc = op->d.jump.jumpdone;
                    continue;
                }
                break;
            case EEOP_JUMP_IF_NOT_NULL:
                if (!*op->resnull)
                {
                    pc = op->d.jump.jumpdone;
                    continue;
                }
                break;
            case EEOP_JUMP_IF_NOT_TRUE:
                if (*op->resnull || !DatumGetBool(*op->resvalue))
                {
                    pc = op->d.jump.jumpdone;
                    continue;
                }
                break;

            case EEOP_NULLTEST_ISNULL:
                *op->resvalue = BoolGetDatum(*op->resnull);
                *op->resnull = false;
                break;
            case EEOP_NULLTEST_ISNOTNULL:
                *op->resvalue = BoolGetDatum(!*op->resnull);
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_TRUE:
                *op->resvalue = BoolGetDatum(!*op->resnull && DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_NOT_TRUE:
                *op->resvalue = BoolGetDatum(*op->resnull || !DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_FALSE:
                *op->resvalue = BoolGetDatum(!*op->resnull && !DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_NOT_FALSE:
                *op->resvalue = BoolGetDatum(*op->resnull || DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;

            case EEOP_PARAM_EXTERN:
                {
                    ParamListInfo params = econtext->ecxt_param_list_info ?
                        econtext->ecxt_param_list_info : state->ext_params;
                    int         id = op->d.param.paramid;

                    if (params == NULL || id <= 0 || id > params->numParams)
                        ereport(ERROR,
                                (errcode(ERRCODE_UNDEFINED_OBJECT),
                                 errmsg("no value found for parameter %d", id)));
                    *op->resvalue = params->params[id - 1].value;
                    *op->resnull = params->params[id - 1].isnull;
                    break;
                }
            case EEOP_PARAM_EXEC:
                {
                    ParamExecData *prm = &econtext->ecxt_param_exec_vals[op->d.param.paramid];

                    if (unlikely(prm->execPlan != NULL))
                        ExecSetParamPlan(prm->execPlan, econtext);  /* initplan: run once */

                    *op->resvalue = prm->value;
                    *op->resnull = prm->isnull;
                    break;
                }

            case EEOP_CASE_TESTVAL:
                *op->resvalue = *op->d.casetest.value;
                *op->resnull = *op->d.casetest.isnull;
                break;

            case EEOP_IOCOERCE:
                if (!*op->resnull)
                    *op->resvalue = eval_iocoerce(op);
                break;

            case EEOP_DISTINCT:
            case EEOP_NOT_DISTINCT:
                {
                    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
                    bool        distinct;

                    if (fcinfo->args[0].isnull && fcinfo->args[1].isnull)
                        distinct = false;
                    else if (fcinfo->args[0].isnull || fcinfo->args[1].isnull)
                        distinct = true;
                    else
                    {
                        bool        fnull;
                        Datum       eq = call_function(op, &fnull);

                        distinct = !DatumGetBool(eq);
                    }
                    *op->resvalue = BoolGetDatum(op->opcode == EEOP_DISTINCT ? distinct : !distinct);
                    *op->resnull = false;
                    break;
                }

            case EEOP_NULLIF:
                {
                    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;

                    if (!fcinfo->args[0].isnull && !fcinfo->args[1].isnull)
                    {
                        bool        fnull;
                        Datum       eq = call_function(op, &fnull);

                        if (!fnull && DatumGetBool(eq))
                        {
                            *op->resvalue = (Datum) 0;
                            *op->resnull = true;
                            break;
                        }
                    }
                    *op->resvalue = fcinfo->args[0].value;
                    *op->resnull = fcinfo->args[0].isnull;
                    break;
                }

            case EEOP_MINMAX:
                eval_minmax(op);
                break;

            case EEOP_AGGREF:
                *op->resvalue = econtext->ecxt_aggvalues[op->d.aggref.aggno];
                *op->resnull = econtext->ecxt_aggnulls[op->d.aggref.aggno];
                break;

            case EEOP_GROUPING_FUNC:
                {
                    /* no grouping sets (grp_grouped NULL): every column is grouped */
                    const bool *grouped = op->d.grouping_func.parent->grp_grouped;
                    int32       result = 0;

                    for (int i = 0; i < op->d.grouping_func.ncols; i++)
                    {
                        result <<= 1;
                        if (grouped && !grouped[op->d.grouping_func.cols[i]])
                            result |= 1;
                    }
                    *op->resvalue = Int32GetDatum(result);
                    *op->resnull = false;
                    break;
                }

            case EEOP_SUBPLAN:
                *op->resvalue = ExecSubPlan(op->d.subplan.sstate, econtext, op->resnull);
                break;

            case EEOP_SQLVALUEFUNCTION:
                eval_sqlvaluefunction(op);
                break;
            case EEOP_ARRAYEXPR:
                eval_arrayexpr(op);
                break;
            case EEOP_SCALARARRAYOP:
                eval_scalararrayop(op);
                break;
            case EEOP_SBSREF:
                eval_sbsref(op);
                break;

            case EEOP_ARRAYCOERCE:
                ExecEvalArrayCoerce(op, econtext);
                break;
            case EEOP_ROW:
                *op->resvalue = make_record_datum(op->d.row.tupdesc, op->d.row.elemvalues,
                                                  op->d.row.elemnulls);
                *op->resnull = false;
                break;
            case EEOP_SCAN_WHOLEROW:
                ExecEvalWholeRowVar(op, econtext);
                break;
            case EEOP_FIELDSELECT:
                ExecEvalFieldSelect(op);
                break;
            case EEOP_NULLTEST_ROWISNULL:
                ExecEvalRowNullTest(op, true);
                break;
            case EEOP_NULLTEST_ROWISNOTNULL:
                ExecEvalRowNullTest(op, false);
                break;

            case EEOP_LAST:
                elog(ERROR, "invalid expression step");
        }
        pc++;
    }
}
