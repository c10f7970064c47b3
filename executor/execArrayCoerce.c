/*-------------------------------------------------------------------------
 * execArrayCoerce.c
 *    Run-time evaluation of ArrayCoerceExpr: an array coerced element by
 *    element ('{ab,c}'::char(2)[], int[] -> numeric[], text[] -> int[]).
 *
 * Entry point:
 *    ExecEvalArrayCoerce(op, econtext) - the EEOP_ARRAYCOERCE step
 *
 * The step finds the input array in its result location (the argument's
 * steps wrote it there) and replaces it with the coerced array.  Each
 * element is put in the state's caseval/casenull, where the per-element
 * expression's CaseTestExpr reads it, and that expression (compiled as a
 * separate ExprState by execExpr.c) is evaluated in the caller's
 * econtext.  NULL elements are passed through the expression as NULL
 * (coercion functions are strict, so they stay NULL).  The result has the
 * input's dimensions and lower bounds, as PostgreSQL's
 * ExecEvalArrayCoerce / array_map.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execExpr.h"
#include "executor/execnodes.h"
#include "procs/array.h"

void
ExecEvalArrayCoerce(ExprEvalStep *op, ExprContext *econtext)
{
    ArrayCoerceState *as = op->d.arraycoerce.state;
    ArrayType  *src;
    Datum      *values;
    bool       *nulls;
    Datum      *outvalues;
    bool       *outnulls;
    int         nelems;
    int         ndims;

    if (*op->resnull)
        return;                 /* NULL array in, NULL array out */
    src = DatumGetArrayTypeP(*op->resvalue);
    ndims = ARR_NDIM(src);
    if (ndims == 0)
    {
        *op->resvalue = PointerGetDatum(construct_empty_array(as->reselemtype));
        return;
    }
    deconstruct_array(src, as->srcelemtype, as->srclen, as->srcbyval, as->srcalign,
                      &values, &nulls, &nelems);
    outvalues = palloc(sizeof(Datum) * Max(nelems, 1));
    outnulls = palloc(sizeof(bool) * Max(nelems, 1));
    for (int i = 0; i < nelems; i++)
    {
        CHECK_FOR_INTERRUPTS();
        as->caseval = values[i];
        as->casenull = nulls[i];
        outvalues[i] = ExecEvalExpr(as->elemstate, econtext, &outnulls[i]);
    }
    *op->resvalue = PointerGetDatum(construct_md_array(outvalues, outnulls, ndims,
                                                       ARR_DIMS(src), ARR_LBOUND(src),
                                                       as->reselemtype, as->reslen,
                                                       as->resbyval, as->resalign));
}
