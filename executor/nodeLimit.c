/*-------------------------------------------------------------------------
 * nodeLimit.c
 *    LIMIT / OFFSET: the bounds are evaluated once, on the first call
 *    (they may reference parameters), with PostgreSQL's errors for
 *    negative values.  NULL LIMIT means no limit; NULL OFFSET means 0.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"

static void
compute_limits(LimitState *node)
{
    ExprContext *econtext = node->ps.ps_ExprContext;
    bool        isnull;

    node->offset = 0;
    node->noCount = true;
    if (node->limitOffset)
    {
        Datum       d = ExecEvalExprSwitchContext(node->limitOffset, econtext, &isnull);

        if (!isnull)
        {
            node->offset = DatumGetInt64(d);
            if (node->offset < 0)
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE),
                         errmsg("OFFSET must not be negative")));
        }
    }
    if (node->limitCount)
    {
        Datum       d = ExecEvalExprSwitchContext(node->limitCount, econtext, &isnull);

        if (!isnull)
        {
            node->count = DatumGetInt64(d);
            if (node->count < 0)
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_ROW_COUNT_IN_LIMIT_CLAUSE),
                         errmsg("LIMIT must not be negative")));
            node->noCount = false;
        }
    }
}

/* WITH TIES: is slot a peer of the last counted row? */
static bool
is_tie(LimitState *node, TupleTableSlot *slot)
{
    Limit      *plan = (Limit *) node->ps.plan;

    for (int i = 0; i < plan->uniqNumCols; i++)
    {
        bool        an,
                    bn;
        Datum       av = slot_getattr(node->last_slot, plan->uniqColIdx[i], &an);
        Datum       bv = slot_getattr(slot, plan->uniqColIdx[i], &bn);

        if (an != bn)
            return false;
        if (!an && !DatumGetBool(FunctionCall2Coll(&node->eqfunctions[i],
                                                   plan->uniqCollations[i], av, bv)))
            return false;
    }
    return true;
}

static TupleTableSlot *
ExecLimit(PlanState *pstate)
{
    LimitState *node = (LimitState *) pstate;

    if (!node->started)
    {
        compute_limits(node);
        node->started = true;
        node->position = 0;
    }
    for (;;)
    {
        TupleTableSlot *slot;

        if (node->done)
            return NULL;
        if (!node->noCount && node->position - node->offset >= node->count)
        {
            /* WITH TIES: rows equal to the last counted one still follow */
            if (node->last_slot && node->count > 0)
            {
                slot = ExecProcNode(outerPlanState(node));
                if (!TupIsNull(slot) && is_tie(node, slot))
                    return slot;
            }
            node->done = true;  /* don't pull (and compute) rows we won't return */
            return NULL;
        }
        slot = ExecProcNode(outerPlanState(node));
        if (TupIsNull(slot))
        {
            node->done = true;
            return NULL;
        }
        node->position++;
        if (node->position > node->offset)
        {
            if (node->last_slot && !node->noCount &&
                node->position - node->offset == node->count)
                ExecCopySlot(node->last_slot, slot);
            return slot;
        }
    }
}

LimitState *
ExecInitLimit(Limit *node, EState *estate, int eflags)
{
    LimitState *ls = makeNode(LimitState);

    ls->ps.plan = (Plan *) node;
    ls->ps.state = estate;
    ls->ps.ExecProcNode = ExecLimit;
    ExecAssignExprContext(estate, &ls->ps);
    outerPlanState(ls) = ExecInitNode(outerPlan(node), estate, eflags);
    ExecInitResultTupleSlotTL(&ls->ps);
    ls->limitOffset = ExecInitExpr((Expr *) node->limitOffset, &ls->ps);
    ls->limitCount = ExecInitExpr((Expr *) node->limitCount, &ls->ps);
    if (node->limitOption == LIMIT_OPTION_WITH_TIES)
    {
        ls->last_slot = ExecInitExtraTupleSlot(estate,
                                               ExecGetResultType(outerPlanState(ls)));
        ls->eqfunctions = palloc0(sizeof(FmgrInfo) * (Size) Max(node->uniqNumCols, 1));
        for (int c = 0; c < node->uniqNumCols; c++)
        {
            const OperInfo *eqop = lookup_operator(node->uniqOperators[c]);

            if (eqop == NULL)
                elog(ERROR, "cache lookup failed for operator %u", node->uniqOperators[c]);
            fmgr_info(eqop->oprcode, &ls->eqfunctions[c]);
        }
    }
    return ls;
}

void
ExecEndLimit(LimitState *node)
{
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanLimit(LimitState *node)
{
    node->started = false;
    node->done = false;
    ExecReScan(outerPlanState(node));
}
