/*-------------------------------------------------------------------------
 * nodeAppend.c
 *    Append: the rows of each child plan in turn (UNION ALL; UNION is an
 *    Append under a duplicate-removing Agg).  Every child outputs the
 *    Append's columns in order (planner/plannodes_defs.h), so Append does
 *    not project: it hands out its children's slots.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"

static TupleTableSlot *
ExecAppend(PlanState *pstate)
{
    AppendState *node = (AppendState *) pstate;

    while (node->as_whichplan < node->as_nplans)
    {
        TupleTableSlot *slot;

        CHECK_FOR_INTERRUPTS();
        slot = ExecProcNode(node->appendplans[node->as_whichplan]);
        if (!TupIsNull(slot))
            return slot;
        node->as_whichplan++;
    }
    return NULL;
}

AppendState *
ExecInitAppend(Append *node, EState *estate, int eflags)
{
    AppendState *as = makeNode(AppendState);
    ListCell   *lc;
    int         i = 0;

    as->ps.plan = (Plan *) node;
    as->ps.state = estate;
    as->ps.ExecProcNode = ExecAppend;
    as->as_nplans = list_length(node->appendplans);
    as->appendplans = palloc0(sizeof(PlanState *) * (Size) Max(as->as_nplans, 1));
    foreach(lc, node->appendplans)
        as->appendplans[i++] = ExecInitNode(lfirst(lc), estate, eflags);
    as->as_whichplan = 0;
    /* the row type is the plan's target list; rows come in the children's slots */
    ExecInitResultTupleSlotTL(&as->ps);
    return as;
}

void
ExecEndAppend(AppendState *node)
{
    for (int i = 0; i < node->as_nplans; i++)
        ExecEndNode(node->appendplans[i]);
}

void
ExecReScanAppend(AppendState *node)
{
    for (int i = 0; i < node->as_nplans; i++)
    {
        if (node->ps.chgParam)
            node->appendplans[i]->chgParam = true;
        ExecReScan(node->appendplans[i]);
    }
    node->as_whichplan = 0;
}
