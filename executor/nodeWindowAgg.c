/*-------------------------------------------------------------------------
 * nodeWindowAgg.c
 *    Window functions over one window clause (PostgreSQL's WindowAgg).
 *
 * Principal entry points: ExecInitWindowAgg, ExecWindowAgg (via
 * ExecProcNode), and the WindowObject API of procs/windowapi.h that the
 * built-in window functions (procs/windowfuncs.c) call.
 *
 * The input arrives sorted by PARTITION BY then ORDER BY.  A partition is
 * read whole into a tuplestore (which spills to a temp file past
 * work_mem), then one output row is produced per input row: every window
 * function is evaluated for the current row, and the target list
 * (input columns, by OUTER_VAR, plus the WindowFuncs, read from
 * ecxt_aggvalues) is projected.
 *
 * Frames (PostgreSQL 15 semantics): ROWS, RANGE and GROUPS with
 * UNBOUNDED / CURRENT ROW / offset PRECEDING / FOLLOWING (RANGE offsets
 * through the sort column's in_range support function, chosen by the
 * analyzer); EXCLUDE CURRENT ROW / GROUP / TIES.  The frame is computed
 * per row as [frameheadpos, frametailpos) and, after exclusion, as up to
 * three ranges of positions (framepart).
 *
 * Aggregates used as window functions run their transition function over
 * the frame: a row whose frame equals the previous row's reuses the
 * result; a frame that keeps its start and grows is advanced over the new
 * rows only; any other frame restarts the aggregate from the frame start
 * (no inverse transition functions yet: moving frames cost O(frame) per
 * row).
 *
 * Memory: partcontext holds what lives for one partition (window
 * functions' local memory); each aggregate's state lives in its own
 * context, reset on restart; argument evaluation runs in per-row
 * contexts.  Window function results are copied into the output row's
 * memory, so reading other rows (which may reuse the tuplestore's read
 * buffer) never invalidates them.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"
#include "executor/tuplestore.h"
#include "planner/makefuncs.h"
#include "procs/windowapi.h"

typedef struct WindowObjectData
{
    NodeTag     type;               /* T_WindowObjectData */
    WindowAggState *winstate;
    int         wfuncno;
    void       *localmem;
} WindowObjectData;

typedef struct WindowStatePerFuncData
{
    WindowFunc *wfunc;
    int         numArgs;
    ExprState **argstates;
    int16       resulttypeLen;
    bool        resulttypeByVal;
    bool        plain_agg;
    /* a true window function */
    FmgrInfo    flinfo;
    FunctionCallInfo wfunc_fcinfo;  /* arguments are read through winobj */
    WindowObject winobj;
    /* an aggregate */
    ExprState  *filter;
    FmgrInfo    transfn;
    FunctionCallInfo transfn_fcinfo;
    bool        has_finalfn;
    FmgrInfo    finalfn;
    FunctionCallInfo finalfn_fcinfo;
    int         numFinalArgs;
    Oid         transtype;
    int16       transtypeLen;
    bool        transtypeByVal;
    Datum       initValue;
    bool        initValueIsNull;
    MemoryContext aggcontext;       /* transition state */
    MemoryContext resultcontext;    /* the cached result */
    Datum       transValue;
    bool        transValueIsNull;
    bool        noTransValue;
    bool        agg_valid;          /* transValue covers [agg_head, agg_tail) */
    int64       agg_head;
    int64       agg_tail;
    bool        result_valid;       /* result is for the frame in result_frame */
    int         result_nparts;
    int64       result_frame[3][2];
    Datum       result;
    bool        resultIsNull;
} WindowStatePerFuncData;

typedef WindowStatePerFuncData *WindowStatePerFunc;

/* ---------------------------------------------------------------- rows */

/* Row pos of the partition into slot; the slot's contents are valid until
 * the next fetch into any slot (the on-disk store reuses its buffer), so
 * callers that keep a row copy it. */
static bool
window_fetch(WindowAggState *ws, int64 pos, TupleTableSlot *slot)
{
    if (pos < 0 || pos >= ws->spooled_rows)
        return false;
    return tuplestore_gettupleslot_at(ws->buffer, pos, slot);
}

static bool
slots_equal(TupleTableSlot *a, TupleTableSlot *b, int ncols, int16 *colIdx, Oid *colls,
            FmgrInfo *eqfns)
{
    for (int i = 0; i < ncols; i++)
    {
        bool        an, bn;
        Datum       av = slot_getattr(a, colIdx[i], &an);
        Datum       bv = slot_getattr(b, colIdx[i], &bn);

        if (an != bn)
            return false;
        if (!an && !DatumGetBool(FunctionCall2Coll(&eqfns[i], colls[i], av, bv)))
            return false;
    }
    return true;
}

static bool
rows_are_peers(WindowAggState *ws, int64 pos1, int64 pos2)
{
    WindowAgg  *node = (WindowAgg *) ws->ps.plan;

    if (node->ordNumCols == 0)
        return true;
    if (pos1 == pos2)
        return true;
    if (!window_fetch(ws, pos1, ws->temp_slot_1))
        return false;
    ExecMaterializeSlot(ws->temp_slot_1);
    if (!window_fetch(ws, pos2, ws->temp_slot_2))
        return false;
    return slots_equal(ws->temp_slot_1, ws->temp_slot_2, node->ordNumCols, node->ordColIdx,
                       node->ordCollations, ws->ordEqfunctions);
}

/* ---------------------------------------------------------------- partitions */

static int64
eval_offset(WindowAggState *ws, ExprState *expr, bool start)
{
    bool        isnull;
    Datum       d = ExecEvalExprSwitchContext(expr, ws->ps.ps_ExprContext, &isnull);
    int64       v;

    if (isnull)
        ereport(ERROR,
                (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                 errmsg(start ? "frame starting offset must not be null" :
                        "frame ending offset must not be null")));
    v = DatumGetInt64(d);
    if (v < 0)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
                 errmsg(start ? "frame starting offset must not be negative" :
                        "frame ending offset must not be negative")));
    return v;
}

/* A RANGE offset, kept in partcontext; in_range rejects negative ones. */
static Datum
eval_range_offset(WindowAggState *ws, ExprState *expr, bool start)
{
    bool        isnull;
    Datum       d = ExecEvalExprSwitchContext(expr, ws->ps.ps_ExprContext, &isnull);
    Oid         type = exprType((Node *) expr->expr);
    int16       typlen;
    bool        typbyval;
    char        align;
    MemoryContext old;

    if (isnull)
        ereport(ERROR,
                (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                 errmsg(start ? "frame starting offset must not be null" :
                        "frame ending offset must not be null")));
    get_typlenbyvalalign(type, &typlen, &typbyval, &align);
    old = MemoryContextSwitchTo(ws->partcontext);
    d = datumCopy(d, typbyval, typlen);
    MemoryContextSwitchTo(old);
    return d;
}

/* Read the next partition into the buffer; false when the input is done. */
static bool
begin_partition(WindowAggState *ws)
{
    WindowAgg  *node = (WindowAgg *) ws->ps.plan;
    PlanState  *outer = outerPlanState(ws);

    if (TupIsNull(ws->first_part_slot))
    {
        TupleTableSlot *in;

        /* never pull again from a child that has ended (a scan would restart) */
        if (ws->input_done)
            return false;
        in = ExecProcNode(outer);
        if (TupIsNull(in))
        {
            ws->input_done = true;
            return false;
        }
        ExecCopySlot(ws->first_part_slot, in);
    }
    if (ws->buffer)
        tuplestore_end(ws->buffer);
    MemoryContextReset(ws->partcontext);
    ws->buffer = tuplestore_begin(work_mem);
    tuplestore_puttupleslot(ws->buffer, ws->first_part_slot);
    for (;;)
    {
        TupleTableSlot *in;

        CHECK_FOR_INTERRUPTS();
        in = ExecProcNode(outer);
        if (TupIsNull(in))
        {
            ExecClearTuple(ws->first_part_slot);
            ws->input_done = true;
            break;
        }
        if (node->partNumCols > 0 &&
            !slots_equal(ws->first_part_slot, in, node->partNumCols, node->partColIdx,
                         node->partCollations, ws->partEqfunctions))
        {
            ExecCopySlot(ws->first_part_slot, in);
            break;
        }
        tuplestore_puttupleslot(ws->buffer, in);
    }
    ws->spooled_rows = tuplestore_tuple_count(ws->buffer);
    ws->currentpos = 0;
    ws->groupheadpos = ws->grouptailpos = 0;
    ws->partition_spooled = true;
    for (int i = 0; i < ws->numfuncs; i++)
    {
        WindowStatePerFunc pf = &ws->perfunc[i];

        pf->agg_valid = false;
        pf->result_valid = false;
        if (pf->winobj)
            pf->winobj->localmem = NULL;
    }
    ws->rangeheadpos = ws->rangetailpos = 0;
    if (node->frameOptions & FRAMEOPTION_RANGE)
    {
        if (ws->startOffset)
            ws->startOffsetDatum = eval_range_offset(ws, ws->startOffset, true);
        if (ws->endOffset)
            ws->endOffsetDatum = eval_range_offset(ws, ws->endOffset, false);
        return true;
    }
    if (ws->startOffset)
        ws->startOffsetValue = eval_offset(ws, ws->startOffset, true);
    if (ws->endOffset)
        ws->endOffsetValue = eval_offset(ws, ws->endOffset, false);
    return true;
}

/* ---------------------------------------------------------------- frames */

/* End (exclusive) of the peer group that starts at pos. */
static int64
group_end_from(WindowAggState *ws, int64 pos)
{
    int64       p = pos + 1;

    while (p < ws->spooled_rows && rows_are_peers(ws, pos, p))
        p++;
    return p;
}

/* Start of the peer group containing pos. */
static int64
group_start_of(WindowAggState *ws, int64 pos)
{
    while (pos > 0 && rows_are_peers(ws, pos - 1, pos))
        pos--;
    return pos;
}

/* Start of the group k groups before the current one (0 if there is none). */
static int64
group_start_before(WindowAggState *ws, int64 k)
{
    int64       p = ws->groupheadpos;

    for (int64 i = 0; i < k && p > 0; i++)
        p = group_start_of(ws, p - 1);
    return p;
}

/* Start of the group k groups after the current one (row count if none). */
static int64
group_start_after(WindowAggState *ws, int64 k)
{
    int64       p = ws->groupheadpos;

    for (int64 i = 0; i < k && p < ws->spooled_rows; i++)
        p = (i == 0) ? ws->grouptailpos : group_end_from(ws, p);
    return Min(p, ws->spooled_rows);
}

/* in_range(val, base, offset, sub, less) through fn */
static bool
call_in_range(WindowAggState *ws, FmgrInfo *fn, Datum val, Datum base, Datum offset,
              bool sub, bool less)
{
    LOCAL_FCINFO(fcinfo, 5);
    Datum       r;

    InitFunctionCallInfoData(*fcinfo, fn, 5, ((WindowAgg *) ws->ps.plan)->inRangeColl,
                             NULL, NULL);
    fcinfo->args[0].value = val;
    fcinfo->args[1].value = base;
    fcinfo->args[2].value = offset;
    fcinfo->args[3].value = BoolGetDatum(sub);
    fcinfo->args[4].value = BoolGetDatum(less);
    for (int i = 0; i < 5; i++)
        fcinfo->args[i].isnull = false;
    r = fn->fn_addr(fcinfo);
    if (fcinfo->isnull)
        elog(ERROR, "in_range function %u returned NULL", fn->fn_oid);
    return DatumGetBool(r);
}

/*
 * RANGE offset PRECEDING/FOLLOWING: advance the frame start (is_start) or
 * end past rows that are not yet / still in range of the current row's
 * sort value (PostgreSQL's update_frameheadpos / update_frametailpos).
 * NULL sort values are peers of each other only.
 */
static int64
range_offset_bound(WindowAggState *ws, bool is_start)
{
    WindowAgg  *node = (WindowAgg *) ws->ps.plan;
    int         opts = node->frameOptions;
    int         sortCol = node->ordColIdx[0];
    int64      *posp = is_start ? &ws->rangeheadpos : &ws->rangetailpos;
    bool        sub, less;
    bool        currisnull;
    Datum       currval;

    if (is_start)
    {
        sub = (opts & FRAMEOPTION_START_OFFSET_PRECEDING) != 0;
        less = false;
    }
    else
    {
        sub = (opts & FRAMEOPTION_END_OFFSET_PRECEDING) != 0;
        less = true;
    }
    if (!node->inRangeAsc)
    {
        sub = !sub;
        less = !less;
    }
    currval = slot_getattr(ws->current_slot, sortCol, &currisnull);
    while (*posp < ws->spooled_rows)
    {
        bool        isnull;
        Datum       val;

        CHECK_FOR_INTERRUPTS();
        if (!window_fetch(ws, *posp, ws->temp_slot_2))
            break;
        val = slot_getattr(ws->temp_slot_2, sortCol, &isnull);
        if (isnull || currisnull)
        {
            if (is_start)
            {
                if (node->inRangeNullsFirst ? (!isnull || currisnull) :
                    (isnull || !currisnull))
                    break;
            }
            else
            {
                if (node->inRangeNullsFirst ? !isnull : !currisnull)
                    break;
            }
        }
        else if (is_start)
        {
            if (call_in_range(ws, &ws->startInRangeFunc, val, currval,
                              ws->startOffsetDatum, sub, less))
                break;
        }
        else
        {
            if (!call_in_range(ws, &ws->endInRangeFunc, val, currval,
                               ws->endOffsetDatum, sub, less))
                break;
        }
        (*posp)++;
    }
    return *posp;
}

static void
add_part(WindowAggState *ws, int64 from, int64 to)
{
    if (from < to)
    {
        ws->framepart[ws->nframeparts][0] = from;
        ws->framepart[ws->nframeparts][1] = to;
        ws->nframeparts++;
    }
}

/* The current row's peer group, frame and frame parts. */
static void
update_frame(WindowAggState *ws)
{
    int         opts = ((WindowAgg *) ws->ps.plan)->frameOptions;
    int64       pos = ws->currentpos;
    int64       n = ws->spooled_rows;
    int64       head, tail;

    if (pos >= ws->grouptailpos)
    {
        ws->groupheadpos = pos;
        ws->grouptailpos = group_end_from(ws, pos);
    }

    if (opts & FRAMEOPTION_START_UNBOUNDED_PRECEDING)
        head = 0;
    else if (opts & FRAMEOPTION_START_CURRENT_ROW)
        head = (opts & FRAMEOPTION_ROWS) ? pos : ws->groupheadpos;
    else if ((opts & FRAMEOPTION_RANGE) && (opts & FRAMEOPTION_START_OFFSET))
        head = range_offset_bound(ws, true);
    else if (opts & FRAMEOPTION_START_OFFSET_PRECEDING)
        head = (opts & FRAMEOPTION_ROWS) ? Max(0, pos - ws->startOffsetValue) :
            group_start_before(ws, ws->startOffsetValue);
    else if (opts & FRAMEOPTION_START_OFFSET_FOLLOWING)
        head = (opts & FRAMEOPTION_ROWS) ?
            (ws->startOffsetValue > n - pos ? n : pos + ws->startOffsetValue) :
            group_start_after(ws, ws->startOffsetValue);
    else
        head = n;               /* UNBOUNDED FOLLOWING start: the grammar refuses it */

    if (opts & FRAMEOPTION_END_UNBOUNDED_FOLLOWING)
        tail = n;
    else if (opts & FRAMEOPTION_END_CURRENT_ROW)
        tail = (opts & FRAMEOPTION_ROWS) ? pos + 1 : ws->grouptailpos;
    else if ((opts & FRAMEOPTION_RANGE) && (opts & FRAMEOPTION_END_OFFSET))
        tail = range_offset_bound(ws, false);
    else if (opts & FRAMEOPTION_END_OFFSET_PRECEDING)
    {
        if (opts & FRAMEOPTION_ROWS)
            tail = ws->endOffsetValue > pos ? 0 : pos - ws->endOffsetValue + 1;
        else
            /* the group k before ends where group k-1 before starts */
            tail = ws->endOffsetValue == 0 ? ws->grouptailpos :
                group_start_before(ws, ws->endOffsetValue - 1);
    }
    else if (opts & FRAMEOPTION_END_OFFSET_FOLLOWING)
        tail = (opts & FRAMEOPTION_ROWS) ?
            (ws->endOffsetValue >= n - pos ? n : pos + ws->endOffsetValue + 1) :
            group_start_after(ws, ws->endOffsetValue + 1);
    else
        tail = 0;               /* UNBOUNDED PRECEDING end: the grammar refuses it */

    if (tail < head)
        tail = head;
    ws->frameheadpos = head;
    ws->frametailpos = tail;

    ws->nframeparts = 0;
    if (opts & FRAMEOPTION_EXCLUDE_CURRENT_ROW)
    {
        add_part(ws, head, Min(tail, pos));
        add_part(ws, Max(head, pos + 1), tail);
    }
    else if (opts & FRAMEOPTION_EXCLUDE_GROUP)
    {
        add_part(ws, head, Min(tail, ws->groupheadpos));
        add_part(ws, Max(head, ws->grouptailpos), tail);
    }
    else if (opts & FRAMEOPTION_EXCLUDE_TIES)
    {
        add_part(ws, head, Min(tail, ws->groupheadpos));
        add_part(ws, Max(head, pos), Min(tail, pos + 1));
        add_part(ws, Max(head, ws->grouptailpos), tail);
    }
    else
        add_part(ws, head, tail);
}

/* ---------------------------------------------------------------- aggregates */

static void
agg_restart(WindowAggState *ws, WindowStatePerFunc pf)
{
    MemoryContextReset(pf->aggcontext);
    pf->transValueIsNull = pf->initValueIsNull;
    pf->transValue = pf->initValueIsNull ? (Datum) 0 :
        datumCopy(pf->initValue, pf->transtypeByVal, pf->transtypeLen);
    if (!pf->initValueIsNull && !pf->transtypeByVal)
    {
        MemoryContext old = MemoryContextSwitchTo(pf->aggcontext);

        pf->transValue = datumCopy(pf->initValue, false, pf->transtypeLen);
        MemoryContextSwitchTo(old);
    }
    pf->noTransValue = pf->initValueIsNull;
}

/* Feed row pos to the aggregate (PostgreSQL's advance_windowaggregate). */
static void
agg_advance_row(WindowAggState *ws, WindowStatePerFunc pf, int64 pos)
{
    ExprContext *tmp = ws->aggtmpcontext;
    FunctionCallInfo fcinfo = pf->transfn_fcinfo;
    Datum       newVal;
    MemoryContext old;

    ResetExprContext(tmp);
    if (!window_fetch(ws, pos, ws->temp_slot_1))
        return;
    tmp->ecxt_outertuple = ws->temp_slot_1;
    if (pf->filter && !ExecQual(pf->filter, tmp))
        return;
    for (int a = 0; a < pf->numArgs; a++)
        fcinfo->args[a + 1].value =
            ExecEvalExprSwitchContext(pf->argstates[a], tmp, &fcinfo->args[a + 1].isnull);
    if (pf->transfn.fn_strict)
    {
        for (int a = 0; a < pf->numArgs; a++)
            if (fcinfo->args[a + 1].isnull)
                return;
        if (pf->noTransValue)
        {
            old = MemoryContextSwitchTo(pf->aggcontext);
            pf->transValue = datumCopy(fcinfo->args[1].value, pf->transtypeByVal,
                                       pf->transtypeLen);
            MemoryContextSwitchTo(old);
            pf->transValueIsNull = false;
            pf->noTransValue = false;
            return;
        }
        if (pf->transValueIsNull)
            return;
    }
    fcinfo->args[0].value = pf->transValue;
    fcinfo->args[0].isnull = pf->transValueIsNull;
    fcinfo->isnull = false;
    ws->curaggcontext = pf->aggcontext;
    old = MemoryContextSwitchTo(tmp->ecxt_per_tuple_memory);
    newVal = pf->transfn.fn_addr(fcinfo);
    MemoryContextSwitchTo(old);
    if (!pf->transtypeByVal && !fcinfo->isnull &&
        DatumGetPointer(newVal) != DatumGetPointer(pf->transValue))
    {
        old = MemoryContextSwitchTo(pf->aggcontext);
        newVal = datumCopy(newVal, false, pf->transtypeLen);
        MemoryContextSwitchTo(old);
    }
    pf->transValue = newVal;
    pf->transValueIsNull = fcinfo->isnull;
}

static bool
frame_same_as_result(WindowAggState *ws, WindowStatePerFunc pf)
{
    if (!pf->result_valid || pf->result_nparts != ws->nframeparts)
        return false;
    for (int i = 0; i < ws->nframeparts; i++)
        if (pf->result_frame[i][0] != ws->framepart[i][0] ||
            pf->result_frame[i][1] != ws->framepart[i][1])
            return false;
    return true;
}

static void
eval_windowaggregate(WindowAggState *ws, WindowStatePerFunc pf, Datum *result, bool *isnull)
{
    int         opts = ((WindowAgg *) ws->ps.plan)->frameOptions;
    MemoryContext old;

    if (!frame_same_as_result(ws, pf))
    {
        if (!(opts & FRAMEOPTION_EXCLUSION) && pf->agg_valid &&
            pf->agg_head == ws->frameheadpos && pf->agg_tail <= ws->frametailpos)
        {
            for (int64 p = pf->agg_tail; p < ws->frametailpos; p++)
                agg_advance_row(ws, pf, p);
        }
        else
        {
            agg_restart(ws, pf);
            for (int i = 0; i < ws->nframeparts; i++)
                for (int64 p = ws->framepart[i][0]; p < ws->framepart[i][1]; p++)
                {
                    CHECK_FOR_INTERRUPTS();
                    agg_advance_row(ws, pf, p);
                }
        }
        pf->agg_valid = !(opts & FRAMEOPTION_EXCLUSION);
        pf->agg_head = ws->frameheadpos;
        pf->agg_tail = ws->frametailpos;

        /* finalize into resultcontext (the state may change under later rows) */
        MemoryContextReset(pf->resultcontext);
        old = MemoryContextSwitchTo(pf->resultcontext);
        ws->curaggcontext = pf->aggcontext;
        if (pf->has_finalfn)
        {
            FunctionCallInfo fcinfo = pf->finalfn_fcinfo;

            fcinfo->args[0].value = pf->transValue;
            fcinfo->args[0].isnull = pf->transValueIsNull;
            for (int a = 1; a < pf->numFinalArgs; a++)
            {
                fcinfo->args[a].value = (Datum) 0;
                fcinfo->args[a].isnull = true;
            }
            if (pf->finalfn.fn_strict && pf->transValueIsNull)
            {
                pf->result = (Datum) 0;
                pf->resultIsNull = true;
            }
            else
            {
                fcinfo->isnull = false;
                pf->result = pf->finalfn.fn_addr(fcinfo);
                pf->resultIsNull = fcinfo->isnull;
            }
        }
        else
        {
            pf->result = pf->transValue;
            pf->resultIsNull = pf->transValueIsNull;
        }
        if (!pf->resultIsNull)
            pf->result = datumCopy(pf->result, pf->resulttypeByVal, pf->resulttypeLen);
        MemoryContextSwitchTo(old);
        pf->result_valid = true;
        pf->result_nparts = ws->nframeparts;
        memcpy(pf->result_frame, ws->framepart, sizeof(ws->framepart));
    }
    *result = pf->result;
    *isnull = pf->resultIsNull;
}

/* ---------------------------------------------------------------- main loop */

static TupleTableSlot *
ExecWindowAgg(PlanState *pstate)
{
    WindowAggState *ws = (WindowAggState *) pstate;
    ExprContext *econtext = ws->ps.ps_ExprContext;

    CHECK_FOR_INTERRUPTS();
    if (ws->all_done)
        return NULL;
    if (!ws->partition_spooled || ws->currentpos >= ws->spooled_rows)
    {
        if (!begin_partition(ws))
        {
            ws->all_done = true;
            return NULL;
        }
    }
    ResetExprContext(econtext);
    ResetExprContext(ws->tmpcontext);

    if (!window_fetch(ws, ws->currentpos, ws->current_slot))
        elog(ERROR, "unexpected end of window partition");
    ExecMaterializeSlot(ws->current_slot);
    update_frame(ws);

    for (int i = 0; i < ws->numfuncs; i++)
    {
        WindowStatePerFunc pf = &ws->perfunc[i];
        Datum       value;
        bool        isnull;

        if (pf->plain_agg)
            eval_windowaggregate(ws, pf, &value, &isnull);
        else
        {
            FunctionCallInfo fcinfo = pf->wfunc_fcinfo;
            MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

            InitFunctionCallInfoData(*fcinfo, &pf->flinfo, (short) pf->numArgs,
                                     pf->wfunc->inputcollid, (Node *) pf->winobj, NULL);
            for (int a = 0; a < pf->numArgs; a++)
            {
                fcinfo->args[a].value = (Datum) 0;
                fcinfo->args[a].isnull = true;
            }
            value = pf->flinfo.fn_addr(fcinfo);
            isnull = fcinfo->isnull;
            if (!isnull)
                value = datumCopy(value, pf->resulttypeByVal, pf->resulttypeLen);
            MemoryContextSwitchTo(old);
        }
        econtext->ecxt_aggvalues[i] = value;
        econtext->ecxt_aggnulls[i] = isnull;
    }

    econtext->ecxt_outertuple = ws->current_slot;
    ws->currentpos++;
    return ExecProject(ws->ps.ps_ProjInfo);
}

/* ---------------------------------------------------------------- WindowObject API */

static WindowAggState *
winobj_state(WindowObject winobj)
{
    if (!WindowObjectIsValid(winobj))
        elog(ERROR, "window function called outside a window");
    return winobj->winstate;
}

void *
WinGetPartitionLocalMemory(WindowObject winobj, Size sz)
{
    WindowAggState *ws = winobj_state(winobj);

    if (winobj->localmem == NULL)
        winobj->localmem = MemoryContextAllocZero(ws->partcontext, sz);
    return winobj->localmem;
}

int64
WinGetCurrentPosition(WindowObject winobj)
{
    return winobj_state(winobj)->currentpos;
}

int64
WinGetPartitionRowCount(WindowObject winobj)
{
    return winobj_state(winobj)->spooled_rows;
}

void
WinSetMarkPosition(WindowObject winobj, int64 markpos)
{
    (void) winobj_state(winobj);    /* the whole partition stays buffered */
}

bool
WinRowsArePeers(WindowObject winobj, int64 pos1, int64 pos2)
{
    WindowAggState *ws = winobj_state(winobj);

    if (pos1 < 0 || pos1 >= ws->spooled_rows || pos2 < 0 || pos2 >= ws->spooled_rows)
        elog(ERROR, "window row position out of range");
    return rows_are_peers(ws, pos1, pos2);
}

/* Argument argno of the window function evaluated on row pos. */
static Datum
eval_arg_on_row(WindowObject winobj, int argno, int64 pos, bool *isnull)
{
    WindowAggState *ws = winobj->winstate;
    WindowStatePerFunc pf = &ws->perfunc[winobj->wfuncno];
    ExprContext *econtext = ws->tmpcontext;

    if (argno < 0 || argno >= pf->numArgs)
        elog(ERROR, "window function argument %d out of range", argno);
    if (!window_fetch(ws, pos, ws->temp_slot_1))
        elog(ERROR, "could not read window row %lld", (long long) pos);
    econtext->ecxt_outertuple = ws->temp_slot_1;
    return ExecEvalExprSwitchContext(pf->argstates[argno], econtext, isnull);
}

Datum
WinGetFuncArgInPartition(WindowObject winobj, int argno, int relpos, int seektype,
                         bool set_mark, bool *isnull, bool *isout)
{
    WindowAggState *ws = winobj_state(winobj);
    int64       abs_pos;

    switch (seektype)
    {
        case WINDOW_SEEK_CURRENT:
            abs_pos = ws->currentpos + relpos;
            break;
        case WINDOW_SEEK_HEAD:
            abs_pos = relpos;
            break;
        case WINDOW_SEEK_TAIL:
            abs_pos = ws->spooled_rows - 1 + relpos;
            break;
        default:
            elog(ERROR, "unrecognized window seek type: %d", seektype);
    }
    if (abs_pos < 0 || abs_pos >= ws->spooled_rows)
    {
        if (isout)
            *isout = true;
        *isnull = true;
        return (Datum) 0;
    }
    if (isout)
        *isout = false;
    return eval_arg_on_row(winobj, argno, abs_pos, isnull);
}

Datum
WinGetFuncArgInFrame(WindowObject winobj, int argno, int relpos, int seektype,
                     bool set_mark, bool *isnull, bool *isout)
{
    WindowAggState *ws = winobj_state(winobj);
    int64       total = 0;
    int64       idx;
    int64       abs_pos = -1;

    for (int i = 0; i < ws->nframeparts; i++)
        total += ws->framepart[i][1] - ws->framepart[i][0];
    switch (seektype)
    {
        case WINDOW_SEEK_CURRENT:
            {
                int64       p = ws->currentpos + relpos;

                for (int i = 0; i < ws->nframeparts; i++)
                    if (p >= ws->framepart[i][0] && p < ws->framepart[i][1])
                        abs_pos = p;
                idx = -1;
            }
            break;
        case WINDOW_SEEK_HEAD:
            idx = relpos;
            break;
        case WINDOW_SEEK_TAIL:
            idx = total - 1 + relpos;
            break;
        default:
            elog(ERROR, "unrecognized window seek type: %d", seektype);
    }
    if (seektype != WINDOW_SEEK_CURRENT && idx >= 0 && idx < total)
    {
        for (int i = 0; i < ws->nframeparts; i++)
        {
            int64       len = ws->framepart[i][1] - ws->framepart[i][0];

            if (idx < len)
            {
                abs_pos = ws->framepart[i][0] + idx;
                break;
            }
            idx -= len;
        }
    }
    if (abs_pos < 0)
    {
        if (isout)
            *isout = true;
        *isnull = true;
        return (Datum) 0;
    }
    if (isout)
        *isout = false;
    return eval_arg_on_row(winobj, argno, abs_pos, isnull);
}

Datum
WinGetFuncArgCurrent(WindowObject winobj, int argno, bool *isnull)
{
    WindowAggState *ws = winobj_state(winobj);
    WindowStatePerFunc pf = &ws->perfunc[winobj->wfuncno];
    ExprContext *econtext = ws->tmpcontext;

    if (argno < 0 || argno >= pf->numArgs)
        elog(ERROR, "window function argument %d out of range", argno);
    econtext->ecxt_outertuple = ws->current_slot;
    return ExecEvalExprSwitchContext(pf->argstates[argno], econtext, isnull);
}

/* ---------------------------------------------------------------- setup */

static Oid
resolve_transtype(Oid transtype, WindowFunc *wfunc)
{
    switch (transtype)
    {
        case ANYELEMENTOID:
        case ANYNONARRAYOID:
        case ANYARRAYOID:
        case ANYCOMPATIBLEOID:
        case ANYCOMPATIBLEARRAYOID:
        case ANYCOMPATIBLENONARRAYOID:
            if (wfunc->args != NIL)
                return exprType(linitial(wfunc->args));
            return transtype;
        default:
            return transtype;
    }
}

static void
init_perfunc(WindowAggState *ws, WindowStatePerFunc pf, WindowFunc *wfunc, int wfuncno)
{
    const ProcInfo *proc;
    ListCell   *lc;
    int         i = 0;
    char        align;

    pf->wfunc = wfunc;
    pf->numArgs = list_length(wfunc->args);
    pf->argstates = palloc0(sizeof(ExprState *) * (Size) Max(pf->numArgs, 1));
    foreach(lc, wfunc->args)
        pf->argstates[i++] = ExecInitExpr(lfirst(lc), &ws->ps);
    get_typlenbyvalalign(wfunc->wintype, &pf->resulttypeLen, &pf->resulttypeByVal, &align);

    proc = lookup_proc(wfunc->winfnoid);
    if (proc == NULL)
        elog(ERROR, "cache lookup failed for function %u", wfunc->winfnoid);
    pf->plain_agg = wfunc->winagg;
    if (!pf->plain_agg)
    {
        fmgr_info(wfunc->winfnoid, &pf->flinfo);
        pf->flinfo.fn_expr = (Node *) wfunc;
        pf->wfunc_fcinfo = palloc0(SizeForFunctionCallInfo(pf->numArgs));
        pf->winobj = palloc0(sizeof(WindowObjectData));
        pf->winobj->type = T_WindowObjectData;
        pf->winobj->winstate = ws;
        pf->winobj->wfuncno = wfuncno;
        return;
    }

    {
        const AggInfo *agg = lookup_aggregate(wfunc->winfnoid);
        Aggref     *aggref = makeNode(Aggref);
        int         attno = 1;

        if (agg == NULL)
            elog(ERROR, "cache lookup failed for aggregate %u", wfunc->winfnoid);
        if (agg->aggkind != 'n')
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("ordered-set aggregates are not supported as window functions")));
        pf->transtype = resolve_transtype(agg->aggtranstype, wfunc);
        get_typlenbyvalalign(pf->transtype, &pf->transtypeLen, &pf->transtypeByVal, &align);

        /* transition/final functions see an Aggref, as PostgreSQL arranges */
        aggref->aggfnoid = wfunc->winfnoid;
        aggref->aggtype = wfunc->wintype;
        aggref->aggcollid = wfunc->wincollid;
        aggref->inputcollid = wfunc->inputcollid;
        aggref->aggtranstype = pf->transtype;
        aggref->aggstar = wfunc->winstar;
        aggref->aggkind = 'n';
        aggref->location = wfunc->location;
        foreach(lc, wfunc->args)
        {
            aggref->aggargtypes = lappend_oid(aggref->aggargtypes, exprType(lfirst(lc)));
            aggref->args = lappend(aggref->args,
                                   makeTargetEntry(lfirst(lc), (int16) attno++, NULL, false));
        }

        fmgr_info(agg->aggtransfn, &pf->transfn);
        pf->transfn.fn_expr = (Node *) aggref;
        pf->transfn_fcinfo = palloc0(SizeForFunctionCallInfo(pf->numArgs + 1));
        InitFunctionCallInfoData(*pf->transfn_fcinfo, &pf->transfn, (short) (pf->numArgs + 1),
                                 wfunc->inputcollid, (Node *) ws, NULL);
        if (OidIsValid(agg->aggfinalfn))
        {
            pf->has_finalfn = true;
            fmgr_info(agg->aggfinalfn, &pf->finalfn);
            pf->finalfn.fn_expr = (Node *) aggref;
            pf->numFinalArgs = agg->aggfinalextra ? pf->numArgs + 1 : 1;
            pf->finalfn_fcinfo = palloc0(SizeForFunctionCallInfo(pf->numFinalArgs));
            InitFunctionCallInfoData(*pf->finalfn_fcinfo, &pf->finalfn,
                                     (short) pf->numFinalArgs, wfunc->inputcollid,
                                     (Node *) ws, NULL);
        }
        if (agg->agginitval)
        {
            Oid         typinput, typioparam;

            getTypeInputInfo(pf->transtype, &typinput, &typioparam);
            pf->initValue = OidInputFunctionCall(typinput, agg->agginitval, typioparam, -1);
            pf->initValueIsNull = false;
        }
        else
            pf->initValueIsNull = true;
        if (wfunc->aggfilter)
            pf->filter = ExecInitQual(list_make1(wfunc->aggfilter), &ws->ps);
        pf->aggcontext = AllocSetContextCreate(ws->ps.state->es_query_cxt, "WindowAggState");
        pf->resultcontext = AllocSetContextCreate(ws->ps.state->es_query_cxt,
                                                  "WindowAggResult");
    }
}

static FmgrInfo *
eq_functions(int ncols, Oid *ops)
{
    FmgrInfo   *fns = palloc0(sizeof(FmgrInfo) * (Size) Max(ncols, 1));

    for (int c = 0; c < ncols; c++)
    {
        const OperInfo *eqop = lookup_operator(ops[c]);

        if (eqop == NULL)
            elog(ERROR, "cache lookup failed for operator %u", ops[c]);
        fmgr_info(eqop->oprcode, &fns[c]);
    }
    return fns;
}

WindowAggState *
ExecInitWindowAgg(WindowAgg *node, EState *estate, int eflags)
{
    WindowAggState *ws = makeNode(WindowAggState);
    TupleDesc   indesc;
    ExprContext *econtext;
    ListCell   *lc;
    int         i = 0;

    ws->ps.plan = (Plan *) node;
    ws->ps.state = estate;
    ws->ps.ExecProcNode = ExecWindowAgg;

    ExecAssignExprContext(estate, &ws->ps);
    ws->tmpcontext = CreateExprContext(estate);
    ws->aggtmpcontext = CreateExprContext(estate);
    ws->partcontext = AllocSetContextCreate(estate->es_query_cxt, "WindowAggPartition");
    outerPlanState(ws) = ExecInitNode(outerPlan(node), estate, eflags);
    indesc = ExecGetResultType(outerPlanState(ws));

    ws->first_part_slot = ExecInitExtraTupleSlot(estate, indesc);
    ws->current_slot = ExecInitExtraTupleSlot(estate, indesc);
    ws->temp_slot_1 = ExecInitExtraTupleSlot(estate, indesc);
    ws->temp_slot_2 = ExecInitExtraTupleSlot(estate, indesc);
    ExecInitResultTupleSlotTL(&ws->ps);

    /* compiling the target list collects the WindowFuncs into ws->funcs */
    ExecAssignProjectionInfo(&ws->ps, NULL);
    ws->ps.qual = ExecInitQual(node->plan.qual, &ws->ps);

    ws->perfunc = palloc0(sizeof(WindowStatePerFuncData) * (Size) Max(ws->numfuncs, 1));
    foreach(lc, ws->funcs)
    {
        init_perfunc(ws, &ws->perfunc[i], lfirst(lc), i);
        i++;
    }
    econtext = ws->ps.ps_ExprContext;
    econtext->ecxt_aggvalues = palloc0(sizeof(Datum) * (Size) Max(ws->numfuncs, 1));
    econtext->ecxt_aggnulls = palloc0(sizeof(bool) * (Size) Max(ws->numfuncs, 1));

    ws->partEqfunctions = eq_functions(node->partNumCols, node->partOperators);
    ws->ordEqfunctions = eq_functions(node->ordNumCols, node->ordOperators);
    if (OidIsValid(node->startInRangeFunc))
        fmgr_info(node->startInRangeFunc, &ws->startInRangeFunc);
    if (OidIsValid(node->endInRangeFunc))
        fmgr_info(node->endInRangeFunc, &ws->endInRangeFunc);
    if (node->startOffset)
        ws->startOffset = ExecInitExpr((Expr *) node->startOffset, &ws->ps);
    if (node->endOffset)
        ws->endOffset = ExecInitExpr((Expr *) node->endOffset, &ws->ps);
    return ws;
}

void
ExecEndWindowAgg(WindowAggState *node)
{
    if (node->buffer)
    {
        tuplestore_end(node->buffer);
        node->buffer = NULL;
    }
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanWindowAgg(WindowAggState *node)
{
    if (node->buffer)
    {
        tuplestore_end(node->buffer);
        node->buffer = NULL;
    }
    node->all_done = false;
    node->input_done = false;
    node->partition_spooled = false;
    node->spooled_rows = 0;
    node->currentpos = 0;
    ExecClearTuple(node->first_part_slot);
    ExecReScan(outerPlanState(node));
}
