/*-------------------------------------------------------------------------
 * nodeSetOp.c
 *    SetOp: INTERSECT [ALL] and EXCEPT [ALL] over sorted input
 *    (PostgreSQL's nodeSetOp.c, sorted strategy).
 *
 * Principal entry points: ExecInitSetOp, ExecSetOp (via ExecProcNode),
 * ExecReScanSetOp, ExecEndSetOp.
 *
 * The input is an Append of the two operands, each row carrying a flag
 * column (flagColIdx) that says which operand it came from (firstFlag =
 * the left one), sorted on the duplicate columns dupColIdx.  For each group
 * of equal rows (NULLs compare equal, as IS NOT DISTINCT FROM) the node
 * counts the left and right rows and emits the group's first row
 *
 *    INTERSECT      once if numLeft > 0 and numRight > 0
 *    INTERSECT ALL  min(numLeft, numRight) times
 *    EXCEPT         once if numLeft > 0 and numRight == 0
 *    EXCEPT ALL     max(numLeft - numRight, 0) times
 *
 * Departure from PostgreSQL: the output slot holds only the set
 * operation's columns (the flag column is dropped here, so no projection
 * is needed above).  The hashed strategy is not implemented: the planner
 * emits SETOP_SORTED only, whose Sort spills past work_mem.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"

static bool
setop_same_group(SetOpState *node, TupleTableSlot *a, TupleTableSlot *b)
{
    SetOp      *plan = (SetOp *) node->ps.plan;

    for (int i = 0; i < plan->numCols; i++)
    {
        int         att = plan->dupColIdx[i];
        bool        an,
                    bn;
        Datum       av = slot_getattr(a, att, &an);
        Datum       bv = slot_getattr(b, att, &bn);

        if (an != bn)
            return false;
        if (!an &&
            !DatumGetBool(FunctionCall2Coll(&node->eqfunctions[i],
                                            plan->dupCollations ? plan->dupCollations[i]
                                            : InvalidOid, av, bv)))
            return false;
    }
    return true;
}

static bool
setop_is_left(SetOpState *node, TupleTableSlot *slot)
{
    SetOp      *plan = (SetOp *) node->ps.plan;
    bool        isnull;
    Datum       flag = slot_getattr(slot, plan->flagColIdx, &isnull);

    Assert(!isnull);
    return DatumGetInt32(flag) == plan->firstFlag;
}

/* How many copies of a group with these counts the command emits. */
static int64
setop_output_count(SetOpCmd cmd, int64 numLeft, int64 numRight)
{
    switch (cmd)
    {
        case SETOPCMD_INTERSECT:
            return (numLeft > 0 && numRight > 0) ? 1 : 0;
        case SETOPCMD_INTERSECT_ALL:
            return Min(numLeft, numRight);
        case SETOPCMD_EXCEPT:
            return (numLeft > 0 && numRight == 0) ? 1 : 0;
        case SETOPCMD_EXCEPT_ALL:
            return numLeft > numRight ? numLeft - numRight : 0;
    }
    return 0;
}

/* The output row: the group's first row without the flag column. */
static TupleTableSlot *
setop_fill_result(SetOpState *node)
{
    TupleTableSlot *result = node->ps.ps_ResultTupleSlot;
    TupleTableSlot *first = node->grp_firstTuple;
    int         natts = result->tts_tupleDescriptor->natts;

    ExecClearTuple(result);
    slot_getsomeattrs(first, natts);
    for (int i = 0; i < natts; i++)
    {
        result->tts_values[i] = first->tts_values[i];
        result->tts_isnull[i] = first->tts_isnull[i];
    }
    return ExecStoreVirtualTuple(result);
}

static TupleTableSlot *
ExecSetOp(PlanState *pstate)
{
    SetOpState *node = (SetOpState *) pstate;
    SetOp      *plan = (SetOp *) node->ps.plan;
    PlanState  *outer = outerPlanState(node);

    for (;;)
    {
        TupleTableSlot *in;
        int64       numLeft = 0,
                    numRight = 0;

        CHECK_FOR_INTERRUPTS();
        if (node->numOutput > 0)
        {
            /* the result slot still holds the current group's row */
            node->numOutput--;
            return node->ps.ps_ResultTupleSlot;
        }
        if (node->setop_done)
            return NULL;

        /*
         * Start the next group.  The result slot points into
         * grp_firstTuple, which is replaced only now that all of the
         * previous group's copies have been returned.
         */
        ExecClearTuple(node->ps.ps_ResultTupleSlot);
        ExecClearTuple(node->grp_firstTuple);
        if (!TupIsNull(node->grp_nextTuple))
        {
            ExecCopySlot(node->grp_firstTuple, node->grp_nextTuple);
            ExecClearTuple(node->grp_nextTuple);
        }
        else
        {
            in = node->input_done ? NULL : ExecProcNode(outer);
            if (TupIsNull(in))
            {
                node->setop_done = true;
                return NULL;
            }
            ExecCopySlot(node->grp_firstTuple, in);
        }
        if (setop_is_left(node, node->grp_firstTuple))
            numLeft++;
        else
            numRight++;
        for (;;)
        {
            CHECK_FOR_INTERRUPTS();
            in = ExecProcNode(outer);
            if (TupIsNull(in))
            {
                node->input_done = true;
                break;
            }
            if (!setop_same_group(node, node->grp_firstTuple, in))
            {
                ExecCopySlot(node->grp_nextTuple, in);
                break;
            }
            if (setop_is_left(node, in))
                numLeft++;
            else
                numRight++;
        }
        if (node->input_done && TupIsNull(node->grp_nextTuple))
            node->setop_done = true;
        node->numOutput = setop_output_count(plan->cmd, numLeft, numRight);
        if (node->numOutput > 0)
        {
            setop_fill_result(node);
            node->numOutput--;
            return node->ps.ps_ResultTupleSlot;
        }
    }
}

SetOpState *
ExecInitSetOp(SetOp *node, EState *estate, int eflags)
{
    SetOpState *state = makeNode(SetOpState);
    TupleDesc   indesc;

    if (node->strategy != SETOP_SORTED)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("hashed INTERSECT/EXCEPT is not supported yet")));
    state->ps.plan = (Plan *) node;
    state->ps.state = estate;
    state->ps.ExecProcNode = ExecSetOp;
    outerPlanState(state) = ExecInitNode(outerPlan(node), estate, eflags);
    indesc = ExecGetResultType(outerPlanState(state));
    state->grp_firstTuple = ExecInitExtraTupleSlot(estate, indesc);
    state->grp_nextTuple = ExecInitExtraTupleSlot(estate, indesc);
    ExecInitResultTupleSlotTL(&state->ps);

    state->eqfunctions = palloc0(sizeof(FmgrInfo) * (Size) Max(node->numCols, 1));
    for (int c = 0; c < node->numCols; c++)
    {
        const OperInfo *eqop = lookup_operator(node->dupOperators[c]);

        if (eqop == NULL)
            elog(ERROR, "cache lookup failed for operator %u", node->dupOperators[c]);
        fmgr_info(eqop->oprcode, &state->eqfunctions[c]);
    }
    return state;
}

void
ExecEndSetOp(SetOpState *node)
{
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanSetOp(SetOpState *node)
{
    node->setop_done = false;
    node->input_done = false;
    node->numOutput = 0;
    ExecClearTuple(node->ps.ps_ResultTupleSlot);
    ExecClearTuple(node->grp_firstTuple);
    ExecClearTuple(node->grp_nextTuple);
    ExecReScan(outerPlanState(node));
}
