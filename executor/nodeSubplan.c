/*-------------------------------------------------------------------------
 * nodeSubplan.c
 *    Subqueries in expressions: EXISTS, scalar (EXPR), ANY/ALL (IN, NOT
 *    IN, op ANY/ALL), ARRAY(SELECT ...) and initplans.
 *
 *    A SubPlan's plan tree is initialized once (ExecutorStart, from
 *    PlannedStmt.subplans) and rescanned for each evaluation.  Correlated
 *    subplans pass outer values as PARAM_EXEC parameters (parParam/args);
 *    when they change, the subtree is marked so caching nodes (Sort,
 *    Material, hash tables) recompute instead of replaying.  Uncorrelated
 *    subplans rescan without that mark, so their cached results are reused.
 *
 *    Initplans (setParam != NIL) run at most once per query, lazily, the
 *    first time one of their output parameters is read
 *    (ParamExecData.execPlan).
 *
 *    NULL semantics follow SQL and PostgreSQL: x IN (empty) is false;
 *    ANY is NULL if no comparison is true and some is NULL; ALL is NULL
 *    if none is false and some is NULL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"
#include "planner/nodefuncs.h"
#include "procs/array.h"

void
ExecMarkParamsChanged(PlanState *node)
{
    ListCell   *lc;

    if (node == NULL)
        return;
    node->chgParam = true;
    ExecMarkParamsChanged(node->lefttree);
    ExecMarkParamsChanged(node->righttree);
    if (IsA(node, AppendState))
        for (int i = 0; i < ((AppendState *) node)->as_nplans; i++)
            ExecMarkParamsChanged(((AppendState *) node)->appendplans[i]);
    foreach(lc, node->subPlan)
        ExecMarkParamsChanged(((SubPlanState *) lfirst(lc))->planstate);
}

SubPlanState *
ExecInitSubPlan(SubPlan *subplan, PlanState *parent)
{
    EState     *estate = parent->state;
    SubPlanState *sstate = makeNode(SubPlanState);
    ListCell   *lc;

    if (subplan->plan_id < 1 || subplan->plan_id > list_length(estate->es_subplanstates))
        elog(ERROR, "invalid subplan id %d", subplan->plan_id);
    sstate->subplan = subplan;
    sstate->parent = parent;
    sstate->planstate = list_nth(estate->es_subplanstates, subplan->plan_id - 1);
    sstate->testexpr = ExecInitExpr((Expr *) subplan->testexpr, parent);
    foreach(lc, subplan->args)
        sstate->args = lappend(sstate->args, ExecInitExpr(lfirst(lc), parent));
    return sstate;
}

/*
 * ARRAY(SELECT x): every row's x, in order, as one array in rcontext; an
 * array-typed x makes an array of one more dimension
 * (PostgreSQL's accumArrayResultAny).  No rows give the empty array.
 */
static Datum
collect_array_sublink(PlanState *planstate, MemoryContext rcontext)
{
    ArrayBuildState *astate = NULL;
    ArrayBuildStateArr *astate_arr = NULL;
    Oid         elemtype = InvalidOid;
    bool        isarray = false;
    bool        first = true;

    for (;;)
    {
        TupleTableSlot *slot = ExecProcNode(planstate);
        Datum       d;
        bool        isnull;

        if (TupIsNull(slot))
            break;
        if (first)
        {
            elemtype = TupleDescAttr(slot->tts_tupleDescriptor, 0)->atttypid;
            isarray = type_is_array(elemtype);
            first = false;
        }
        d = slot_getattr(slot, 1, &isnull);
        if (isarray)
            astate_arr = accumArrayResultArr(astate_arr, d, isnull, elemtype, rcontext);
        else
            astate = accumArrayResult(astate, d, isnull, elemtype, rcontext);
    }
    if (astate_arr)
        return makeArrayResultArr(astate_arr, rcontext, true);
    if (astate)
        return makeArrayResult(astate, rcontext);
    {
        /* no rows: the element type comes from the plan's first column */
        TargetEntry *tle = linitial(planstate->plan->targetlist);
        Oid         t = exprType((Node *) tle->expr);
        MemoryContext old;
        Datum       empty;

        if (type_is_array(t))
            t = get_element_type(t);
        old = MemoryContextSwitchTo(rcontext);
        empty = PointerGetDatum(construct_empty_array(t));
        MemoryContextSwitchTo(old);
        return empty;
    }
}

/* Pass the correlation values down and restart the subquery. */
static void
restart_subplan(SubPlanState *node, ExprContext *econtext)
{
    SubPlan    *subplan = node->subplan;
    ParamExecData *params = node->parent->state->es_param_exec_vals;
    ListCell   *lp, *la;

    forboth(lp, subplan->parParam, la, node->args)
    {
        ParamExecData *prm = &params[lfirst_int(lp)];

        prm->value = ExecEvalExprSwitchContext(lfirst(la), econtext, &prm->isnull);
    }
    if (subplan->parParam != NIL)
        ExecMarkParamsChanged(node->planstate);
    ExecReScan(node->planstate);
}

/*
 * Evaluate testexpr for one subquery row, whose columns become its params.
 * testexpr also refers to the outer row, so it runs in the caller's econtext.
 */
static Datum
eval_testexpr(SubPlanState *node, ExprContext *econtext, TupleTableSlot *slot, bool *isnull)
{
    SubPlan    *subplan = node->subplan;
    ParamExecData *params = node->parent->state->es_param_exec_vals;
    ListCell   *lc;
    int         col = 1;

    foreach(lc, subplan->paramIds)
    {
        ParamExecData *prm = &params[lfirst_int(lc)];

        prm->value = slot_getattr(slot, col++, &prm->isnull);
        prm->execPlan = NULL;
    }
    return ExecEvalExprSwitchContext(node->testexpr, econtext, isnull);
}

static Datum exec_subplan_internal(SubPlanState *node, ExprContext *econtext, bool *isNull);

/*
 * The subquery's scans and sorts must survive the caller's per-row memory
 * resets, so it runs in the query's context (as in PostgreSQL).
 */
Datum
ExecSubPlan(SubPlanState *node, ExprContext *econtext, bool *isNull)
{
    MemoryContext old = MemoryContextSwitchTo(node->parent->state->es_query_cxt);
    Datum       result = exec_subplan_internal(node, econtext, isNull);

    MemoryContextSwitchTo(old);
    return result;
}

static Datum
exec_subplan_internal(SubPlanState *node, ExprContext *econtext, bool *isNull)
{
    SubPlan    *subplan = node->subplan;
    PlanState  *planstate = node->planstate;
    TupleTableSlot *slot;
    Datum       result = (Datum) 0;
    bool        found_null = false;

    CHECK_FOR_INTERRUPTS();
    restart_subplan(node, econtext);
    *isNull = false;

    switch (subplan->subLinkType)
    {
        case EXISTS_SUBLINK:
            slot = ExecProcNode(planstate);
            return BoolGetDatum(!TupIsNull(slot));

        case EXPR_SUBLINK:
            {
                bool        have = false;

                *isNull = true;
                for (;;)
                {
                    slot = ExecProcNode(planstate);
                    if (TupIsNull(slot))
                        break;
                    if (have)
                        ereport(ERROR,
                                (errcode(ERRCODE_CARDINALITY_VIOLATION),
                                 errmsg("more than one row returned by a subquery used as an expression")));
                    have = true;
                    {
                        Form_pg_attribute att = TupleDescAttr(slot->tts_tupleDescriptor, 0);
                        Datum       d = slot_getattr(slot, 1, isNull);
                        MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

                        /* the subquery's slot is overwritten by its next row */
                        result = *isNull ? (Datum) 0 : datumCopy(d, att->attbyval, att->attlen);
                        MemoryContextSwitchTo(old);
                    }
                }
                return result;
            }

        case ANY_SUBLINK:
        case ALL_SUBLINK:
            {
                bool        is_any = subplan->subLinkType == ANY_SUBLINK;

                result = BoolGetDatum(!is_any);
                for (;;)
                {
                    bool        rownull;
                    Datum       r;

                    slot = ExecProcNode(planstate);
                    if (TupIsNull(slot))
                        break;
                    r = eval_testexpr(node, econtext, slot, &rownull);
                    if (rownull)
                        found_null = true;
                    else if (is_any && DatumGetBool(r))
                        return BoolGetDatum(true);
                    else if (!is_any && !DatumGetBool(r))
                        return BoolGetDatum(false);
                }
                if (found_null)
                {
                    *isNull = true;
                    return (Datum) 0;
                }
                return result;
            }

        case ARRAY_SUBLINK:
            /*
             * The array goes to the per-tuple memory; the subplan runs in
             * the query context (a scan it starts must outlive this row).
             */
            return collect_array_sublink(planstate, econtext->ecxt_per_tuple_memory);

        case ROWCOMPARE_SUBLINK:
            {
                bool        have = false;

                *isNull = true;
                for (;;)
                {
                    slot = ExecProcNode(planstate);
                    if (TupIsNull(slot))
                        break;
                    if (have)
                        ereport(ERROR,
                                (errcode(ERRCODE_CARDINALITY_VIOLATION),
                                 errmsg("more than one row returned by a subquery used as an expression")));
                    have = true;
                    result = eval_testexpr(node, econtext, slot, isNull);
                }
                return result;
            }

        default:
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("this kind of subquery is not supported yet")));
    }
    return (Datum) 0;
}

void
ExecSetParamPlan(SubPlanState *node, ExprContext *econtext)
{
    SubPlan    *subplan = node->subplan;
    EState     *estate = node->parent->state;
    ParamExecData *params = estate->es_param_exec_vals;
    TupleTableSlot *slot;
    bool        found = false;
    ListCell   *lc;
    MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);

    ExecReScan(node->planstate);
    if (subplan->subLinkType == EXISTS_SUBLINK)
    {
        ParamExecData *prm = &params[linitial_int(subplan->setParam)];

        slot = ExecProcNode(node->planstate);
        prm->execPlan = NULL;
        prm->value = BoolGetDatum(!TupIsNull(slot));
        prm->isnull = false;
        MemoryContextSwitchTo(old);
        return;
    }
    if (subplan->subLinkType == ARRAY_SUBLINK)
    {
        ParamExecData *prm = &params[linitial_int(subplan->setParam)];

        prm->value = collect_array_sublink(node->planstate, CurrentMemoryContext);
        prm->execPlan = NULL;
        prm->isnull = false;
        MemoryContextSwitchTo(old);
        return;
    }
    for (;;)
    {
        int         col = 1;

        slot = ExecProcNode(node->planstate);
        if (TupIsNull(slot))
            break;
        if (found && subplan->subLinkType == EXPR_SUBLINK)
            ereport(ERROR,
                    (errcode(ERRCODE_CARDINALITY_VIOLATION),
                     errmsg("more than one row returned by a subquery used as an expression")));
        found = true;
        foreach(lc, subplan->setParam)
        {
            ParamExecData *prm = &params[lfirst_int(lc)];
            Form_pg_attribute att = TupleDescAttr(slot->tts_tupleDescriptor, col - 1);
            Datum       d = slot_getattr(slot, col, &prm->isnull);

            prm->execPlan = NULL;
            prm->value = prm->isnull ? (Datum) 0 : datumCopy(d, att->attbyval, att->attlen);
            col++;
        }
    }
    if (!found)
        foreach(lc, subplan->setParam)
        {
            ParamExecData *prm = &params[lfirst_int(lc)];

            prm->execPlan = NULL;
            prm->value = (Datum) 0;
            prm->isnull = true;
        }
    MemoryContextSwitchTo(old);
}
