/*-------------------------------------------------------------------------
 * nodeAgg_sets.c
 *    GROUP BY GROUPING SETS / ROLLUP / CUBE in the Agg node: sorted
 *    rollup phases, each computing several grouping sets in one pass.
 *
 * Principal entry points (called by nodeAgg.c):
 *    ExecInitAggSets     - phases, per-set contexts and states
 *    ExecAggSetsRetrieve - the next output row
 *    ExecEndAggSets, ExecReScanAggSets
 *
 * The plan (planner/planagg_sets.c) splits the grouping sets into rollup
 * phases: phase 0 is the Agg's own grouping columns and sets, its input
 * sorted by the Sort below; phase k > 0 is the k-th Agg of Agg.chain,
 * whose lefttree Sort gives its order.  Within a phase the sets are
 * ordered largest first and set s groups on the first setlen[s] key
 * columns, so while the sorted rows go by, every set has exactly one open
 * group.  A row that differs from the group's first row in key column d
 * (0-based, the first difference) ends the groups of the sets with
 * setlen > d, which are the leading sets 0..m-1: they are finalized and
 * emitted, largest first, one per call, then restarted and the row is
 * fed to every set.  At the end of the input every set's group ends; an
 * empty input emits one row for each empty set () only (as PostgreSQL).
 *
 * While phase k reads its rows (from the child, or from its sort), it
 * puts each into a tuplesort ordered for phase k + 1: sorts spill past
 * work_mem, so the node's memory is bounded by the open groups' states
 * (one per set of the phase) plus the sorts' work_mem.
 *
 * Output rows: the representative row of a group is its first input row
 * with the grouping columns the set does not group set to NULL
 * (proj_slot, a virtual slot pointing into that row), and GROUPING()
 * reads AggState.grp_grouped, the emitted set's grouped-column map.
 *
 * Memory: set s's transition values and DISTINCT/ORDER BY sorts live in
 * aggcontexts[s].  A returned row may point into them (and into the
 * representative row), so set s is reset only at the next call
 * (pending_reset), and the representative is replaced only after every
 * set ending at that row has been emitted.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/executor.h"
#include "executor/nodeAgg_private.h"

/* ---------------------------------------------------------------- setup */

static int
sets_in(Agg *agg)
{
    return list_length(agg->groupingSets);
}

/* The most sets any phase has: the number of groups open at once. */
int
ExecAggSetsMaxSets(Agg *node)
{
    int         maxsets = sets_in(node);
    ListCell   *lc;

    foreach(lc, node->chain)
        maxsets = Max(maxsets, sets_in(lfirst(lc)));
    return Max(maxsets, 1);
}

static void
init_phase(AggState *aggstate, AggSetsPhase *phase, Agg *agg, Sort *sort)
{
    AggSetsState *ss = aggstate->sets;
    int         i = 0;
    ListCell   *lc;

    phase->numsets = sets_in(agg);
    phase->setlen = palloc0(sizeof(int) * (Size) phase->numsets);
    phase->grouped = palloc0(sizeof(bool *) * (Size) phase->numsets);
    phase->numCols = agg->numCols;
    phase->grpColIdx = agg->grpColIdx;
    phase->grpCollations = agg->grpCollations;
    phase->eqfunctions = palloc0(sizeof(FmgrInfo) * (Size) Max(agg->numCols, 1));
    for (int c = 0; c < agg->numCols; c++)
    {
        const OperInfo *eqop = lookup_operator(agg->grpOperators[c]);

        if (eqop == NULL)
            elog(ERROR, "cache lookup failed for operator %u", agg->grpOperators[c]);
        fmgr_info(eqop->oprcode, &phase->eqfunctions[c]);
        ss->anygrouped[agg->grpColIdx[c]] = true;
    }
    foreach(lc, agg->groupingSets)
    {
        int         len = list_length((List *) lfirst(lc));

        if (len > agg->numCols || (i > 0 && len > phase->setlen[i - 1]))
            elog(ERROR, "grouping set %d of a rollup phase is not a key prefix", i);
        phase->setlen[i] = len;
        phase->grouped[i] = palloc0(sizeof(bool) * (Size) (ss->natts + 1));
        for (int c = 0; c < len; c++)
            phase->grouped[i][agg->grpColIdx[c]] = true;
        i++;
    }
    if (sort)
    {
        if (sort->numCols != agg->numCols)
            elog(ERROR, "rollup phase sort does not match its grouping columns");
        phase->sortOperators = sort->sortOperators;
        phase->sortNullsFirst = sort->nullsFirst;
    }
}

void
ExecInitAggSets(AggState *aggstate, Agg *node)
{
    EState     *estate = aggstate->ps.state;
    TupleDesc   indesc = ExecGetResultType(outerPlanState(aggstate));
    AggSetsState *ss = palloc0(sizeof(AggSetsState));
    ListCell   *lc;
    int         p = 1;

    aggstate->sets = ss;
    ss->natts = indesc->natts;
    ss->anygrouped = palloc0(sizeof(bool) * (Size) (ss->natts + 1));
    ss->nphases = 1 + list_length(node->chain);
    ss->phases = palloc0(sizeof(AggSetsPhase) * (Size) ss->nphases);
    init_phase(aggstate, &ss->phases[0], node, NULL);
    foreach(lc, node->chain)
    {
        Agg        *cagg = lfirst(lc);

        if (!IsA(cagg, Agg) || cagg->plan.lefttree == NULL || !IsA(cagg->plan.lefttree, Sort))
            elog(ERROR, "malformed grouping sets chain");
        init_phase(aggstate, &ss->phases[p++], cagg, (Sort *) cagg->plan.lefttree);
    }

    ss->maxsets = aggstate->maxsets;
    ss->aggcontexts = palloc0(sizeof(MemoryContext) * (Size) ss->maxsets);
    for (int s = 0; s < ss->maxsets; s++)
        ss->aggcontexts[s] = AllocSetContextCreate(estate->es_query_cxt, "AggSetContext");
    ss->pergroups = palloc0(sizeof(AggStatePerGroupData) *
                            (Size) Max(ss->maxsets * aggstate->numaggs, 1));
    ss->sortcontext = AllocSetContextCreate(estate->es_query_cxt, "AggSetsSort");
    ss->sort_slot = ExecInitExtraTupleSlot(estate, indesc);
    ss->proj_slot = ExecInitExtraTupleSlot(estate, indesc);
    ss->null_slot = ExecInitExtraTupleSlot(estate, indesc);
    ss->pending_reset = -1;
}

/* ---------------------------------------------------------------- helpers */

/* Restart set s's group: empty context, initial transition values. */
static void
reset_set(AggState *aggstate, int s)
{
    AggSetsState *ss = aggstate->sets;

    for (int i = 0; i < aggstate->numaggs; i++)
    {
        AggStatePerAgg peragg = &aggstate->peragg[i];

        if (peragg->sorted_input && peragg->sortstates[s])
        {
            tuplesort_end(peragg->sortstates[s]);
            peragg->sortstates[s] = NULL;
        }
    }
    MemoryContextReset(ss->aggcontexts[s]);
    aggstate->aggcontext = ss->aggcontexts[s];
    agg_initialize_group(aggstate, &ss->pergroups[s * aggstate->numaggs]);
}

static void
end_phase_sorts(AggSetsState *ss)
{
    if (ss->sort_in)
        tuplesort_end(ss->sort_in);
    if (ss->sort_out)
    {
        ExecClearTuple(ss->sort_slot);
        tuplesort_end(ss->sort_out);
    }
    ss->sort_in = NULL;
    ss->sort_out = NULL;
}

/*
 * Start phase ss->cur_phase: its input is the child (phase 0) or the rows
 * the previous phase sorted for it; it sorts rows for the next phase.
 */
static void
start_phase(AggState *aggstate)
{
    AggSetsState *ss = aggstate->sets;
    AggSetsPhase *phase = &ss->phases[ss->cur_phase];
    MemoryContext old;

    if (ss->sort_out)
    {
        ExecClearTuple(ss->sort_slot);
        tuplesort_end(ss->sort_out);
        ss->sort_out = NULL;
    }
    if (ss->cur_phase > 0)
    {
        ss->sort_out = ss->sort_in;
        ss->sort_in = NULL;
        old = MemoryContextSwitchTo(ss->sortcontext);
        tuplesort_performsort(ss->sort_out);
        MemoryContextSwitchTo(old);
    }
    if (ss->cur_phase + 1 < ss->nphases)
    {
        AggSetsPhase *next = &ss->phases[ss->cur_phase + 1];
        Oid        *collations = next->grpCollations;

        old = MemoryContextSwitchTo(ss->sortcontext);
        ss->sort_in = tuplesort_begin_heap(ExecGetResultType(outerPlanState(aggstate)),
                                           next->numCols, next->grpColIdx,
                                           next->sortOperators, collations,
                                           next->sortNullsFirst, work_mem);
        MemoryContextSwitchTo(old);
    }
    for (int s = 0; s < phase->numsets; s++)
        reset_set(aggstate, s);
    ExecClearTuple(aggstate->grp_firstTuple);
    ExecClearTuple(aggstate->grp_nextTuple);
    ss->phase_started = true;
    ss->phase_has_rows = false;
    ss->phase_input_done = false;
    ss->emit_next = ss->emit_end = 0;
}

/* The phase's next input row (also queued for the next phase), or NULL. */
static TupleTableSlot *
fetch_input_row(AggState *aggstate)
{
    AggSetsState *ss = aggstate->sets;
    TupleTableSlot *slot;

    if (ss->cur_phase == 0)
        slot = ExecProcNode(outerPlanState(aggstate));
    else
        slot = tuplesort_gettupleslot(ss->sort_out, ss->sort_slot) ? ss->sort_slot : NULL;
    if (TupIsNull(slot))
        return NULL;
    if (ss->sort_in)
    {
        MemoryContext old = MemoryContextSwitchTo(ss->sortcontext);

        tuplesort_puttupleslot(ss->sort_in, slot);
        MemoryContextSwitchTo(old);
    }
    return slot;
}

/* The number of leading key columns on which rows a and b are equal (NULLs equal). */
static int
equal_prefix(AggState *aggstate, AggSetsPhase *phase, TupleTableSlot *a, TupleTableSlot *b)
{
    for (int c = 0; c < phase->numCols; c++)
    {
        int         att = phase->grpColIdx[c];
        bool        an,
                    bn;
        Datum       av = slot_getattr(a, att, &an);
        Datum       bv = slot_getattr(b, att, &bn);

        if (an != bn)
            return c;
        if (!an && !DatumGetBool(FunctionCall2Coll(&phase->eqfunctions[c],
                                                   phase->grpCollations ?
                                                   phase->grpCollations[c] : InvalidOid,
                                                   av, bv)))
            return c;
    }
    return phase->numCols;
}

/* Feed the row to every set's group of the current phase. */
static void
advance_all_sets(AggState *aggstate, TupleTableSlot *row)
{
    AggSetsState *ss = aggstate->sets;
    AggSetsPhase *phase = &ss->phases[ss->cur_phase];

    ResetExprContext(aggstate->tmpcontext);
    aggstate->tmpcontext->ecxt_outertuple = row;
    agg_advance_sets(aggstate, ss->pergroups, phase->numsets, ss->aggcontexts);
}

/* Finalize set s's group and project its row (NULL if HAVING rejects it). */
static TupleTableSlot *
emit_set(AggState *aggstate, int s)
{
    AggSetsState *ss = aggstate->sets;
    AggSetsPhase *phase = &ss->phases[ss->cur_phase];
    TupleTableSlot *rep = ss->emit_rep;
    TupleTableSlot *proj = ss->proj_slot;
    const bool *grouped = phase->grouped[s];

    aggstate->aggcontext = ss->aggcontexts[s];
    agg_finalize_group(aggstate, &ss->pergroups[s * aggstate->numaggs], s);
    ss->pending_reset = s;

    /* the representative with the columns this set does not group NULL */
    slot_getallattrs(rep);
    ExecClearTuple(proj);
    for (int a = 0; a < ss->natts; a++)
    {
        proj->tts_values[a] = rep->tts_values[a];
        proj->tts_isnull[a] = rep->tts_isnull[a] ||
            (ss->anygrouped[a + 1] && !grouped[a + 1]);
    }
    ExecStoreVirtualTuple(proj);
    aggstate->grp_grouped = grouped;
    return agg_project_group(aggstate, proj);
}

/* ---------------------------------------------------------------- retrieval */

TupleTableSlot *
ExecAggSetsRetrieve(AggState *aggstate)
{
    AggSetsState *ss = aggstate->sets;

    for (;;)
    {
        AggSetsPhase *phase;
        TupleTableSlot *in;

        CHECK_FOR_INTERRUPTS();
        /* the row returned last is consumed: its set may start over */
        if (ss->pending_reset >= 0)
        {
            reset_set(aggstate, ss->pending_reset);
            ss->pending_reset = -1;
        }
        ResetExprContext(aggstate->ps.ps_ExprContext);

        if (!ss->phase_started)
            start_phase(aggstate);
        phase = &ss->phases[ss->cur_phase];

        /* sets whose groups ended: one row each, largest set first */
        if (ss->emit_next < ss->emit_end)
        {
            TupleTableSlot *result = emit_set(aggstate, ss->emit_next++);

            if (result)
                return result;
            continue;
        }

        if (ss->phase_input_done)
        {
            /* the phase is over: the next one, or the end */
            ss->phase_started = false;
            if (++ss->cur_phase >= ss->nphases)
            {
                end_phase_sorts(ss);
                aggstate->agg_done = true;
                return NULL;
            }
            continue;
        }

        /* the row that ended the previous groups opens the next ones */
        if (!TupIsNull(aggstate->grp_nextTuple))
        {
            ExecCopySlot(aggstate->grp_firstTuple, aggstate->grp_nextTuple);
            ExecClearTuple(aggstate->grp_nextTuple);
            advance_all_sets(aggstate, aggstate->grp_firstTuple);
        }
        else if (!ss->phase_has_rows)
        {
            in = fetch_input_row(aggstate);
            if (in == NULL)
            {
                /* empty input: a row for each empty set (), which is last */
                int         first_empty = phase->numsets;

                while (first_empty > 0 && phase->setlen[first_empty - 1] == 0)
                    first_empty--;
                ExecClearTuple(ss->null_slot);
                for (int a = 0; a < ss->natts; a++)
                    ss->null_slot->tts_isnull[a] = true;
                ExecStoreVirtualTuple(ss->null_slot);
                ss->emit_rep = ss->null_slot;
                ss->emit_next = first_empty;
                ss->emit_end = phase->numsets;
                ss->phase_input_done = true;
                continue;
            }
            ss->phase_has_rows = true;
            ExecCopySlot(aggstate->grp_firstTuple, in);
            advance_all_sets(aggstate, aggstate->grp_firstTuple);
        }

        /* read the rows of the open groups until some of them end */
        for (;;)
        {
            int         d;
            int         m;

            CHECK_FOR_INTERRUPTS();
            in = fetch_input_row(aggstate);
            if (in == NULL)
            {
                ss->phase_input_done = true;
                ss->emit_rep = aggstate->grp_firstTuple;
                ss->emit_next = 0;
                ss->emit_end = phase->numsets;
                break;
            }
            d = equal_prefix(aggstate, phase, aggstate->grp_firstTuple, in);
            for (m = 0; m < phase->numsets && phase->setlen[m] > d; m++)
                ;
            if (m == 0)
            {
                advance_all_sets(aggstate, in);
                continue;
            }
            /* sets 0..m-1 group on a column that changed: their groups end */
            ExecCopySlot(aggstate->grp_nextTuple, in);
            ss->emit_rep = aggstate->grp_firstTuple;
            ss->emit_next = 0;
            ss->emit_end = m;
            break;
        }
    }
}

/* ---------------------------------------------------------------- end, rescan */

void
ExecEndAggSets(AggState *aggstate)
{
    end_phase_sorts(aggstate->sets);
}

void
ExecReScanAggSets(AggState *aggstate)
{
    AggSetsState *ss = aggstate->sets;

    end_phase_sorts(ss);
    MemoryContextReset(ss->sortcontext);
    ss->cur_phase = 0;
    ss->phase_started = false;
    ss->pending_reset = -1;
    ss->emit_next = ss->emit_end = 0;
    aggstate->grp_grouped = NULL;
}
