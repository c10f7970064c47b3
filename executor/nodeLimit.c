/*-------------------------------------------------------------------------
 * nodeLimit.c
 *    LIMIT / OFFSET: the bounds are evaluated once, on the first call
 *    (they may reference parameters), with PostgreSQL's errors for
 *    negative values.  NULL LIMIT means no limit; NULL OFFSET means 0.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
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
            return slot;
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
