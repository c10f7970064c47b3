/*-------------------------------------------------------------------------
 * orderedsetaggs.c
 *    Ordered-set aggregates (percentile_cont, percentile_disc, mode) and
 *    hypothetical-set aggregates (rank, dense_rank, percent_rank,
 *    cume_dist) called as agg(direct args) WITHIN GROUP (ORDER BY ...)
 *    (PostgreSQL's utils/adt/orderedsetaggs.c, same results and errors).
 *
 * How Basalt runs them (differs from PostgreSQL's mechanism, not its
 * results): the analyzer makes the direct arguments the leading inputs of
 * the Aggref and the WITHIN GROUP expressions the trailing ones, with the
 * ORDER BY as the aggregate's sort clause (planner/parse_agg.c).  The Agg
 * node therefore sorts each group's rows through the tuplesort it uses for
 * ORDER BY inside aggregates (spilling past work_mem) and calls the
 * transition function once per row in sort order.  The transition
 * function here:
 *    - captures the direct arguments from the first row (PostgreSQL
 *      evaluates them once per group; they may only use grouped columns,
 *      so every row carries the same values);
 *    - ordered-set: appends each non-NULL value to a tuplestore (in memory
 *      up to work_mem, then a temp file) and counts them;
 *    - hypothetical-set: compares each row with the hypothetical row by the
 *      ORDER BY keys and counts the rows before it (and the distinct ones,
 *      and those not after it), so no rows are kept.
 * The final functions then read the tuplestore by position or use the
 * counts.  With no input rows at all the state is NULL: a constant direct
 * argument is then still checked (and used) as PostgreSQL does.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <math.h>
#include "backend/globals.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "executor/execnodes.h"
#include "executor/tuplesort.h"
#include "executor/tuplestore.h"
#include "planner/nodefuncs.h"
#include "planner/primnodes.h"
#include "planner/parsenodes.h"
#include "procs/adt.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "procs/datetime.h"

extern Datum interval_mul(PG_FUNCTION_ARGS);   /* procs/interval.c */

/* Ordered-set aggregates take one WITHIN GROUP value; hypothetical ones up to this many. */
#define OSA_MAX_KEYS 100                /* PostgreSQL's FUNC_MAX_ARGS */

typedef struct OSAState
{
    int         ndirect;            /* leading direct arguments */
    int         nkeys;              /* WITHIN GROUP arguments */
    Datum      *direct;             /* the direct arguments (copied) */
    bool       *directnull;
    bool        hypothetical;
    /* ordered-set: the non-NULL values in sort order */
    Oid         valtype;
    int16       vallen;
    bool        valbyval;
    char        valalign;
    Tuplestorestate *store;
    TupleTableSlot *slot;
    int64       nrows;              /* values stored / rows seen */
    /* hypothetical-set: counts relative to the hypothetical row */
    SortKeyInfo *keys;
    int64       nbefore;            /* rows sorting strictly before it */
    int64       nnotafter;          /* rows sorting before or equal */
    int64       ndistinct_before;   /* distinct rows strictly before */
    Datum      *prev;               /* last row strictly before (distinct count) */
    bool       *prevnull;
    int16      *keylen;             /* the WITHIN GROUP arguments' types */
    bool       *keybyval;
    bool        haveprev;
} OSAState;

/* ---------------------------------------------------------------- helpers */

static Aggref *
osa_aggref(FunctionCallInfo fcinfo)
{
    Node       *expr = fcinfo->flinfo ? fcinfo->flinfo->fn_expr : NULL;

    if (expr == NULL || !IsA(expr, Aggref))
        elog(ERROR, "ordered-set aggregate called in non-aggregate context");
    return (Aggref *) expr;
}

static TargetEntry *
aggref_input(Aggref *aggref, int i)
{
    return (TargetEntry *) list_nth(aggref->args, i);
}

/* Sort keys of the WITHIN GROUP arguments, in ORDER BY order. */
static SortKeyInfo *
osa_sort_keys(Aggref *aggref, int ndirect)
{
    int         nkeys = list_length(aggref->aggorder);
    SortKeyInfo *keys = palloc0(sizeof(SortKeyInfo) * (Size) Max(nkeys, 1));
    ListCell   *lc;
    int         i = 0;

    foreach(lc, aggref->aggorder)
    {
        SortGroupClause *sgc = lfirst(lc);
        ListCell   *lt;
        TargetEntry *tle = NULL;

        foreach(lt, aggref->args)
            if (((TargetEntry *) lfirst(lt))->ressortgroupref == sgc->tleSortGroupRef)
                tle = lfirst(lt);
        if (tle == NULL)
            elog(ERROR, "WITHIN GROUP item %u not found", sgc->tleSortGroupRef);
        PrepareSortKey(&keys[i], (int16) (tle->resno - ndirect), sgc->sortop,
                       exprCollation((Node *) tle->expr), sgc->nulls_first);
        i++;
    }
    return keys;
}

/* Compare a WITHIN GROUP row (values[0..nkeys-1]) with the hypothetical row. */
static int
osa_compare(OSAState *st, const Datum *v, const bool *n, const Datum *h, const bool *hn)
{
    for (int k = 0; k < st->nkeys; k++)
    {
        int         a = st->keys[k].attno - 1;
        int         c = CompareSortKey(&st->keys[k], v[a], n[a], h[a], hn[a]);

        if (c != 0)
            return c;
    }
    return 0;
}

static OSAState *
osa_state_create(FunctionCallInfo fcinfo, MemoryContext aggcontext)
{
    Aggref     *aggref = osa_aggref(fcinfo);
    MemoryContext old = MemoryContextSwitchTo(aggcontext);
    OSAState   *st = palloc0(sizeof(OSAState));
    int         ninputs = PG_NARGS() - 1;

    st->nkeys = list_length(aggref->aggorder);
    st->ndirect = ninputs - st->nkeys;
    if (st->nkeys < 1 || st->nkeys > OSA_MAX_KEYS || st->ndirect < 0)
        elog(ERROR, "ordered-set aggregate has %d inputs and %d ordering columns",
             ninputs, st->nkeys);
    st->hypothetical = aggref->aggkind == 'h';
    st->direct = palloc0(sizeof(Datum) * (Size) Max(st->ndirect, 1));
    st->directnull = palloc0(sizeof(bool) * (Size) Max(st->ndirect, 1));
    for (int i = 0; i < st->ndirect; i++)
    {
        Oid         t = exprType((Node *) aggref_input(aggref, i)->expr);
        int16       len;
        bool        byval;
        char        align;

        get_typlenbyvalalign(t, &len, &byval, &align);
        st->directnull[i] = PG_ARGISNULL(i + 1);
        st->direct[i] = st->directnull[i] ? (Datum) 0 :
            datumCopy(PG_GETARG_DATUM(i + 1), byval, len);
    }
    if (st->hypothetical)
    {
        st->keys = osa_sort_keys(aggref, st->ndirect);
        st->prev = palloc0(sizeof(Datum) * (Size) st->nkeys);
        st->prevnull = palloc0(sizeof(bool) * (Size) st->nkeys);
        st->keylen = palloc0(sizeof(int16) * (Size) st->nkeys);
        st->keybyval = palloc0(sizeof(bool) * (Size) st->nkeys);
        for (int k = 0; k < st->nkeys; k++)
        {
            Oid         t = exprType((Node *) aggref_input(aggref, st->ndirect + k)->expr);

            st->keylen[k] = get_typlen(t);
            st->keybyval[k] = get_typbyval(t);
        }
        if (st->ndirect != st->nkeys)
            elog(ERROR, "hypothetical-set aggregate has %d direct and %d ordering arguments",
                 st->ndirect, st->nkeys);
    }
    else
    {
        TupleDesc   desc = CreateTemplateTupleDesc(1);

        st->valtype = exprType((Node *) aggref_input(aggref, st->ndirect)->expr);
        get_typlenbyvalalign(st->valtype, &st->vallen, &st->valbyval, &st->valalign);
        TupleDescInitEntry(desc, 1, "value", st->valtype, -1, 0);
        st->slot = MakeSingleTupleTableSlot(desc);
        st->store = tuplestore_begin(work_mem);
    }
    MemoryContextSwitchTo(old);
    return st;
}

/* ---------------------------------------------------------------- transition */

/*
 * ordered_set_transition(internal, direct..., value) and
 * ordered_set_transition_multi(internal, direct..., values...): called in
 * sort order by the Agg node.
 */
Datum
ordered_set_transition(PG_FUNCTION_ARGS)
{
    MemoryContext aggcontext;
    OSAState   *st;

    if (AggCheckCallContext(fcinfo, &aggcontext) != AGG_CONTEXT_AGGREGATE)
        elog(ERROR, "ordered-set aggregate called in non-aggregate context");
    st = PG_ARGISNULL(0) ? osa_state_create(fcinfo, aggcontext) : (OSAState *) PG_GETARG_POINTER(0);

    if (!st->hypothetical)
    {
        int         a = st->ndirect + 1;

        /* NULL values are not part of an ordered set's input */
        if (!PG_ARGISNULL(a))
        {
            MemoryContext old = MemoryContextSwitchTo(aggcontext);

            ExecClearTuple(st->slot);
            st->slot->tts_values[0] = PG_GETARG_DATUM(a);
            st->slot->tts_isnull[0] = false;
            ExecStoreVirtualTuple(st->slot);
            tuplestore_puttupleslot(st->store, st->slot);
            MemoryContextSwitchTo(old);
            st->nrows++;
        }
    }
    else
    {
        Datum       vals[OSA_MAX_KEYS];
        bool        nulls[OSA_MAX_KEYS];
        int         c;

        for (int k = 0; k < st->nkeys; k++)
        {
            vals[k] = PG_GETARG_DATUM(st->ndirect + 1 + k);
            nulls[k] = PG_ARGISNULL(st->ndirect + 1 + k);
        }
        c = osa_compare(st, vals, nulls, st->direct, st->directnull);
        st->nrows++;
        if (c <= 0)
            st->nnotafter++;
        if (c < 0)
        {
            st->nbefore++;
            if (!st->haveprev || osa_compare(st, vals, nulls, st->prev, st->prevnull) != 0)
            {
                MemoryContext old = MemoryContextSwitchTo(aggcontext);

                /* a new distinct row before the hypothetical one: remember it */
                for (int k = 0; k < st->nkeys; k++)
                {
                    if (!st->prevnull[k] && !st->keybyval[k] && st->haveprev)
                        pfree(DatumGetPointer(st->prev[k]));
                    st->prevnull[k] = nulls[k];
                    st->prev[k] = nulls[k] ? (Datum) 0 :
                        datumCopy(vals[k], st->keybyval[k], st->keylen[k]);
                }
                MemoryContextSwitchTo(old);
                st->haveprev = true;
                st->ndistinct_before++;
            }
        }
    }
    PG_RETURN_POINTER(st);
}

Datum
ordered_set_transition_multi(PG_FUNCTION_ARGS)
{
    return ordered_set_transition(fcinfo);
}

/* ---------------------------------------------------------------- final functions */

static bool
contains_var_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, Var) || IsA(node, Aggref))
        return true;
    return expression_tree_walker(node, contains_var_walker, context);
}

/*
 * The first direct argument: from the state, or (a group without rows)
 * by evaluating its expression when it reads no column, so a bad constant
 * percentile is still an error as in PostgreSQL.  Returns false if it is
 * unknown or NULL.
 */
static bool
osa_direct_arg(FunctionCallInfo fcinfo, OSAState *st, Datum *value)
{
    Aggref     *aggref;
    Expr       *expr;
    AggState   *aggstate;
    ExprState  *es;
    bool        isnull;

    if (st != NULL)
    {
        if (st->directnull[0])
            return false;
        *value = st->direct[0];
        return true;
    }
    aggref = osa_aggref(fcinfo);
    expr = aggref_input(aggref, 0)->expr;
    if (IsA(expr, Const))
    {
        *value = ((Const *) expr)->constvalue;
        return !((Const *) expr)->constisnull;
    }
    if (fcinfo->context == NULL || !IsA(fcinfo->context, AggState) ||
        contains_var_walker((Node *) expr, NULL))
        return false;
    aggstate = (AggState *) fcinfo->context;
    es = ExecInitExpr(expr, &aggstate->ps);
    *value = ExecEvalExprSwitchContext(es, aggstate->ps.ps_ExprContext, &isnull);
    return !isnull;
}

static void
check_percentile(float8 p)
{
    /* PostgreSQL's own %g prints NaN as "NaN" */
    if (isnan(p))
        ereport(ERROR,
                (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                 errmsg("percentile value %s is not between 0 and 1", "NaN")));
    if (p < 0 || p > 1)
        ereport(ERROR,
                (errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                 errmsg("percentile value %g is not between 0 and 1", p)));
}

/* The value at 0-based position pos of the stored values. */
static Datum
osa_value_at(OSAState *st, int64 pos)
{
    if (!tuplestore_gettupleslot_at(st->store, pos, st->slot))
        elog(ERROR, "missing row in ordered-set aggregate");
    slot_getallattrs(st->slot);
    return st->slot->tts_values[0];
}

typedef Datum (*LerpFunc) (Datum lo, Datum hi, double pct);

static Datum
float8_lerp(Datum lo, Datum hi, double pct)
{
    double      loval = DatumGetFloat8(lo);
    double      hival = DatumGetFloat8(hi);

    return Float8GetDatum(loval + (pct * (hival - loval)));
}

static Datum
interval_lerp(Datum lo, Datum hi, double pct)
{
    Datum       diff = DirectFunctionCall2(interval_mi, hi, lo);
    Datum       mul = DirectFunctionCall2(interval_mul, diff, Float8GetDatum(pct));

    return DirectFunctionCall2(interval_pl, mul, lo);
}

/* percentile_disc: the first value whose position/N reaches p */
static Datum
disc_value(OSAState *st, float8 p)
{
    int64       rownum = (int64) ceil(p * st->nrows);

    return osa_value_at(st, rownum > 1 ? rownum - 1 : 0);
}

/* percentile_cont: interpolate between the two values around p*(N-1) */
static Datum
cont_value(OSAState *st, float8 p, LerpFunc lerp)
{
    int64       first_row = (int64) floor(p * (st->nrows - 1));
    int64       second_row = (int64) ceil(p * (st->nrows - 1));
    Datum       first;
    Datum       second;

    first = datumCopy(osa_value_at(st, first_row), st->valbyval, st->vallen);
    if (first_row == second_row)
        return first;
    second = osa_value_at(st, second_row);
    return lerp(first, second, (p * (st->nrows - 1)) - first_row);
}

/*
 * Close the group's store once its result is computed (a spilled store
 * holds a temp file; many groups must not pile them up).  The final
 * function runs once per group.
 */
static void
osa_release(OSAState *st)
{
    if (st != NULL && st->store != NULL)
    {
        tuplestore_end(st->store);
        st->store = NULL;
    }
}

static Datum
percentile_single_final(FunctionCallInfo fcinfo, bool cont, LerpFunc lerp)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);
    Datum       pd;
    float8      p;
    Datum       result;

    if (!osa_direct_arg(fcinfo, st, &pd))
        PG_RETURN_NULL();
    p = DatumGetFloat8(pd);
    check_percentile(p);
    if (st == NULL || st->nrows == 0)
        PG_RETURN_NULL();
    result = cont ? cont_value(st, p, lerp)
        : datumCopy(disc_value(st, p), st->valbyval, st->vallen);
    osa_release(st);
    PG_RETURN_DATUM(result);
}

Datum
percentile_disc_final(PG_FUNCTION_ARGS)
{
    return percentile_single_final(fcinfo, false, NULL);
}

Datum
percentile_cont_float8_final(PG_FUNCTION_ARGS)
{
    return percentile_single_final(fcinfo, true, float8_lerp);
}

Datum
percentile_cont_interval_final(PG_FUNCTION_ARGS)
{
    return percentile_single_final(fcinfo, true, interval_lerp);
}

/* The array forms: one result per percentile, in the array's shape. */
static Datum
percentile_multi_final(FunctionCallInfo fcinfo, bool cont, LerpFunc lerp, Oid resulttype,
                       int16 reslen, bool resbyval, char resalign)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);
    Datum       ad;
    ArrayType  *param;
    Datum      *pcts;
    bool       *pctnulls;
    int         npcts;
    Datum      *result;
    bool       *resultnull;

    if (st == NULL || st->nrows == 0)
        PG_RETURN_NULL();
    if (!osa_direct_arg(fcinfo, st, &ad))
        PG_RETURN_NULL();
    param = DatumGetArrayTypeP(ad);
    deconstruct_array(param, FLOAT8OID, 8, true, 'd', &pcts, &pctnulls, &npcts);
    if (npcts == 0)
        PG_RETURN_POINTER(construct_empty_array(resulttype));
    for (int i = 0; i < npcts; i++)
        if (!pctnulls[i])
            check_percentile(DatumGetFloat8(pcts[i]));
    result = palloc(sizeof(Datum) * (Size) npcts);
    resultnull = palloc(sizeof(bool) * (Size) npcts);
    for (int i = 0; i < npcts; i++)
    {
        CHECK_FOR_INTERRUPTS();
        resultnull[i] = pctnulls[i];
        if (pctnulls[i])
        {
            result[i] = (Datum) 0;
            continue;
        }
        result[i] = cont ? cont_value(st, DatumGetFloat8(pcts[i]), lerp)
            : datumCopy(disc_value(st, DatumGetFloat8(pcts[i])), st->valbyval, st->vallen);
    }
    osa_release(st);
    PG_RETURN_POINTER(construct_md_array(result, resultnull, ARR_NDIM(param), ARR_DIMS(param),
                                         ARR_LBOUND(param), resulttype, reslen, resbyval,
                                         resalign));
}

Datum
percentile_disc_multi_final(PG_FUNCTION_ARGS)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);

    if (st == NULL)
        PG_RETURN_NULL();
    return percentile_multi_final(fcinfo, false, NULL, st->valtype, st->vallen, st->valbyval,
                                  st->valalign);
}

Datum
percentile_cont_float8_multi_final(PG_FUNCTION_ARGS)
{
    return percentile_multi_final(fcinfo, true, float8_lerp, FLOAT8OID, 8, true, 'd');
}

Datum
percentile_cont_interval_multi_final(PG_FUNCTION_ARGS)
{
    return percentile_multi_final(fcinfo, true, interval_lerp, INTERVALOID, 16, false, 'd');
}

/* mode(): the most frequent value; among equally frequent ones the first in sort order */
Datum
mode_final(PG_FUNCTION_ARGS)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);
    Aggref     *aggref;
    SortGroupClause *sgc;
    FmgrInfo    eqfn;
    Oid         collation;
    Datum       mode_val = (Datum) 0;
    int64       mode_freq = 0;
    Datum       last_val = (Datum) 0;
    int64       last_freq = 0;

    if (st == NULL || st->nrows == 0)
        PG_RETURN_NULL();
    aggref = osa_aggref(fcinfo);
    sgc = linitial(aggref->aggorder);
    fmgr_info(get_opcode(sgc->eqop), &eqfn);
    collation = exprCollation((Node *) aggref_input(aggref, st->ndirect)->expr);

    tuplestore_rescan(st->store);
    while (tuplestore_gettupleslot(st->store, st->slot))
    {
        Datum       val;

        CHECK_FOR_INTERRUPTS();
        slot_getallattrs(st->slot);
        val = st->slot->tts_values[0];
        if (last_freq > 0 &&
            DatumGetBool(FunctionCall2Coll(&eqfn, collation, val, last_val)))
        {
            last_freq++;
            continue;
        }
        if (last_freq > mode_freq)
        {
            if (mode_freq > 0 && !st->valbyval)
                pfree(DatumGetPointer(mode_val));
            mode_val = last_val;
            mode_freq = last_freq;
        }
        else if (last_freq > 0 && !st->valbyval)
            pfree(DatumGetPointer(last_val));   /* keep one copy per run, not per value */
        last_val = datumCopy(val, st->valbyval, st->vallen);
        last_freq = 1;
    }
    if (last_freq > mode_freq)
        mode_val = last_val;
    osa_release(st);
    PG_RETURN_DATUM(mode_val);
}

/* ---------------------------------------------------------------- hypothetical-set */

Datum
hypothetical_rank_final(PG_FUNCTION_ARGS)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);

    PG_RETURN_INT64((st ? st->nbefore : 0) + 1);
}

Datum
hypothetical_dense_rank_final(PG_FUNCTION_ARGS)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);

    PG_RETURN_INT64((st ? st->ndistinct_before : 0) + 1);
}

Datum
hypothetical_percent_rank_final(PG_FUNCTION_ARGS)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);

    if (st == NULL || st->nrows == 0)
        PG_RETURN_FLOAT8(0);
    PG_RETURN_FLOAT8((float8) st->nbefore / (float8) st->nrows);
}

Datum
hypothetical_cume_dist_final(PG_FUNCTION_ARGS)
{
    OSAState   *st = PG_ARGISNULL(0) ? NULL : (OSAState *) PG_GETARG_POINTER(0);
    int64       notafter = st ? st->nnotafter : 0;
    int64       nrows = st ? st->nrows : 0;

    PG_RETURN_FLOAT8((float8) (notafter + 1) / (float8) (nrows + 1));
}
