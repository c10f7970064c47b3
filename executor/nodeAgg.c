/*-------------------------------------------------------------------------
 * nodeAgg.c
 *    Aggregation: plain (one group), sorted (input ordered by the grouping
 *    columns) and hashed (a hash table of groups).
 *
 *    Per aggregate (AggStatePerAggData), set up once at start-up: the
 *    transition function and its FunctionCallInfo, the final function, the
 *    initial value, compiled argument and FILTER expressions.  Per group
 *    (AggStatePerGroupData): the transition value.
 *
 *    Memory: transition values live in aggcontext.  Sorted/plain
 *    aggregation resets it at each new group.  Hashed aggregation keeps
 *    one context for the table; past work_mem it stops creating groups
 *    and spills the rows of new groups to partition files by hash bits,
 *    then aggregates each partition as a further pass (PostgreSQL's
 *    scheme; see "hash spill" below and docs/DECISIONS.md 7).  Argument
 *    evaluation and transition calls run in tmpcontext, reset for every
 *    input row.  AggCheckCallContext gives transition functions with
 *    internal state the aggcontext to allocate it in.
 *
 *    DISTINCT / ORDER BY inside an aggregate call: the group's argument
 *    rows go into a tuplesort per aggregate (spilling past work_mem),
 *    allocated in the group's aggcontext; at finalization they are fed
 *    to the transition function in order, skipping rows equal to the
 *    previous one for DISTINCT (NULLs equal).  Plain and sorted
 *    strategies only; hashed is rejected (0A000).
 *
 *    GROUPING SETS / ROLLUP / CUBE (Agg.groupingSets) are computed by
 *    nodeAgg_sets.c with the helpers exported here (nodeAgg_private.h):
 *    one group per set open at a time, each with its own aggcontext.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"
#include "executor/executor.h"
#include "executor/nodeAgg_private.h"
#include "executor/tuplesort.h"
#include "storage/buffile.h"
#include "procs/hashfn.h"

typedef struct AggHashEntry
{
    struct AggHashEntry *next;
    uint32      hash;
    HeapTuple   firstTuple;             /* representative input row of the group */
    AggStatePerGroupData pergroup[];
} AggHashEntry;

typedef struct AggHashTable
{
    AggHashEntry **buckets;
    uint32      nbuckets;               /* power of two */
    uint64      nentries;
    /* iteration */
    uint32      iter_bucket;
    AggHashEntry *iter_entry;
} AggHashTable;

/* ---------------------------------------------------------------- helpers */

int
AggCheckCallContext(FunctionCallInfo fcinfo, MemoryContext *aggcontext)
{
    if (fcinfo->context && IsA(fcinfo->context, AggState))
    {
        if (aggcontext)
            *aggcontext = ((AggState *) fcinfo->context)->aggcontext;
        return AGG_CONTEXT_AGGREGATE;
    }
    if (fcinfo->context && IsA(fcinfo->context, WindowAggState))
    {
        if (aggcontext)
            *aggcontext = ((WindowAggState *) fcinfo->context)->curaggcontext;
        return AGG_CONTEXT_WINDOW;
    }
    if (aggcontext)
        *aggcontext = NULL;
    return 0;
}

/* Fresh transition states for a group (in aggstate->aggcontext). */
void
agg_initialize_group(AggState *aggstate, AggStatePerGroup pergroup)
{
    MemoryContext old = MemoryContextSwitchTo(aggstate->aggcontext);

    for (int i = 0; i < aggstate->numaggs; i++)
    {
        AggStatePerAgg peragg = &aggstate->peragg[i];

        pergroup[i].transValueIsNull = peragg->initValueIsNull;
        pergroup[i].transValue = peragg->initValueIsNull ? (Datum) 0 :
            datumCopy(peragg->initValue, peragg->transtypeByVal, peragg->transtypeLen);
        pergroup[i].noTransValue = peragg->initValueIsNull;
    }
    MemoryContextSwitchTo(old);
}

/*
 * Call one aggregate's transition function for the inputs already stored
 * in its fcinfo's args[1..numInputs] (PostgreSQL's rules for strict
 * transition functions and NULL initial values).
 */
static void
advance_transition(AggState *aggstate, AggStatePerAgg peragg, AggStatePerGroup pg)
{
    ExprContext *tmp = aggstate->tmpcontext;
    FunctionCallInfo fcinfo = peragg->transfn_fcinfo;
    Datum       newVal;
    MemoryContext old;

    if (peragg->transfn.fn_strict)
    {
        for (int a = 0; a < peragg->numInputs; a++)
            if (fcinfo->args[a + 1].isnull)
                return;
        if (pg->noTransValue)
        {
            /* first non-NULL input becomes the state (PostgreSQL's rule) */
            old = MemoryContextSwitchTo(aggstate->aggcontext);
            pg->transValue = datumCopy(fcinfo->args[1].value, peragg->transtypeByVal,
                                       peragg->transtypeLen);
            MemoryContextSwitchTo(old);
            pg->transValueIsNull = false;
            pg->noTransValue = false;
            return;
        }
        if (pg->transValueIsNull)
            return;             /* a strict transfn returned NULL: stays NULL */
    }

    fcinfo->args[0].value = pg->transValue;
    fcinfo->args[0].isnull = pg->transValueIsNull;
    fcinfo->isnull = false;
    old = MemoryContextSwitchTo(tmp->ecxt_per_tuple_memory);
    newVal = peragg->transfn.fn_addr(fcinfo);
    MemoryContextSwitchTo(old);

    if (!peragg->transtypeByVal && !fcinfo->isnull &&
        DatumGetPointer(newVal) != DatumGetPointer(pg->transValue))
    {
        old = MemoryContextSwitchTo(aggstate->aggcontext);
        newVal = datumCopy(newVal, false, peragg->transtypeLen);
        MemoryContextSwitchTo(old);
        if (!pg->transValueIsNull)
            pfree(DatumGetPointer(pg->transValue));
    }
    pg->transValue = newVal;
    pg->transValueIsNull = fcinfo->isnull;
}

/*
 * Feed the current input row (tmpcontext->ecxt_outertuple) to every
 * aggregate of nsets groups: pergroups holds nsets runs of numaggs states
 * (grouping sets: one group per set; otherwise nsets = 1).  Arguments and
 * FILTER are evaluated once per row.  contexts[s] is set s's aggcontext
 * (NULL: keep aggstate->aggcontext), made current for its transitions.
 */
void
agg_advance_sets(AggState *aggstate, AggStatePerGroup pergroups, int nsets,
                 MemoryContext *contexts)
{
    ExprContext *tmp = aggstate->tmpcontext;

    for (int i = 0; i < aggstate->numaggs; i++)
    {
        AggStatePerAgg peragg = &aggstate->peragg[i];
        FunctionCallInfo fcinfo = peragg->transfn_fcinfo;

        if (peragg->filter && !ExecQual(peragg->filter, tmp))
            continue;
        if (peragg->sorted_input)
        {
            /* keep the whole argument row for each group's sort */
            TupleTableSlot *slot = peragg->sortslot;

            ExecClearTuple(slot);
            for (int a = 0; a < peragg->numArgs; a++)
                slot->tts_values[a] = ExecEvalExprSwitchContext(peragg->argstates[a], tmp,
                                                                &slot->tts_isnull[a]);
            ExecStoreVirtualTuple(slot);
            for (int s = 0; s < nsets; s++)
            {
                /* the sort lives in the group's aggcontext, reset with the group */
                MemoryContext old;

                if (contexts)
                    aggstate->aggcontext = contexts[s];
                old = MemoryContextSwitchTo(aggstate->aggcontext);
                if (peragg->sortstates[s] == NULL)
                    peragg->sortstates[s] = tuplesort_begin_heap(peragg->sortdesc,
                                                                 peragg->numSortCols,
                                                                 peragg->sortColIdx,
                                                                 peragg->sortOperators,
                                                                 peragg->sortCollations,
                                                                 peragg->sortNullsFirst,
                                                                 work_mem);
                tuplesort_puttupleslot(peragg->sortstates[s], slot);
                MemoryContextSwitchTo(old);
            }
            continue;
        }
        for (int a = 0; a < peragg->numInputs; a++)
            fcinfo->args[a + 1].value =
                ExecEvalExprSwitchContext(peragg->argstates[a], tmp, &fcinfo->args[a + 1].isnull);
        for (int s = 0; s < nsets; s++)
        {
            if (contexts)
                aggstate->aggcontext = contexts[s];
            advance_transition(aggstate, peragg, &pergroups[s * aggstate->numaggs + i]);
        }
    }
}

static void
advance_aggregates(AggState *aggstate, AggStatePerGroup pergroup)
{
    agg_advance_sets(aggstate, pergroup, 1, NULL);
}

/* Is the sorted row in sortslot a duplicate of prevslot (NULLs equal)? */
static bool
same_distinct_row(AggStatePerAgg peragg)
{
    TupleTableSlot *a = peragg->sortslot;
    TupleTableSlot *b = peragg->prevslot;

    for (int c = 0; c < peragg->numDistinctCols; c++)
    {
        int         att = peragg->sortColIdx[c];
        bool        an, bn;
        Datum       av = slot_getattr(a, att, &an);
        Datum       bv = slot_getattr(b, att, &bn);

        if (an != bn)
            return false;
        if (!an && !DatumGetBool(FunctionCall2Coll(&peragg->distinctEq[c],
                                                   peragg->distinctCollations[c], av, bv)))
            return false;
    }
    return true;
}

/*
 * DISTINCT / ORDER BY aggregate: sort the group's argument rows and feed
 * them (without duplicates, for DISTINCT) to the transition function.
 */
static void
process_ordered_aggregate(AggState *aggstate, AggStatePerAgg peragg, AggStatePerGroup pg,
                          int setno)
{
    FunctionCallInfo fcinfo = peragg->transfn_fcinfo;
    TupleTableSlot *slot = peragg->sortslot;
    Tuplesortstate *sortstate = peragg->sortstates[setno];
    bool        haveprev = false;

    if (sortstate == NULL)
        return;                 /* no input rows */
    {
        MemoryContext old = MemoryContextSwitchTo(aggstate->aggcontext);

        tuplesort_performsort(sortstate);
        MemoryContextSwitchTo(old);
    }
    ExecClearTuple(peragg->prevslot);
    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        ResetExprContext(aggstate->tmpcontext);
        if (!tuplesort_gettupleslot(sortstate, slot))
            break;
        slot_getallattrs(slot);
        if (peragg->numDistinctCols > 0)
        {
            if (haveprev && same_distinct_row(peragg))
                continue;
            ExecCopySlot(peragg->prevslot, slot);
            haveprev = true;
        }
        for (int a = 0; a < peragg->numInputs; a++)
        {
            fcinfo->args[a + 1].value = slot->tts_values[a];
            fcinfo->args[a + 1].isnull = slot->tts_isnull[a];
        }
        advance_transition(aggstate, peragg, pg);
    }
    ExecClearTuple(slot);
    ExecClearTuple(peragg->prevslot);
    tuplesort_end(sortstate);
    peragg->sortstates[setno] = NULL;
}

/* Drop the collected rows of every ordered aggregate (rescan, end). */
static void
release_ordered_inputs(AggState *aggstate)
{
    for (int i = 0; i < aggstate->numaggs; i++)
    {
        AggStatePerAgg peragg = &aggstate->peragg[i];

        if (!peragg->sorted_input)
            continue;
        for (int s = 0; s < aggstate->maxsets; s++)
            if (peragg->sortstates[s])
            {
                tuplesort_end(peragg->sortstates[s]);
                peragg->sortstates[s] = NULL;
            }
    }
}

/*
 * Compute every aggregate's result into the output econtext's arrays
 * (pergroup: the group's numaggs states; setno: its grouping set, 0
 * without sets; aggstate->aggcontext is the group's context).
 */
void
agg_finalize_group(AggState *aggstate, AggStatePerGroup pergroup, int setno)
{
    ExprContext *econtext = aggstate->ps.ps_ExprContext;
    MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

    for (int i = 0; i < aggstate->numaggs; i++)
    {
        AggStatePerAgg peragg = &aggstate->peragg[i];
        AggStatePerGroup pg = &pergroup[i];

        if (peragg->sorted_input)
        {
            MemoryContextSwitchTo(old);
            process_ordered_aggregate(aggstate, peragg, pg, setno);
            MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
        }
        if (peragg->has_finalfn)
        {
            FunctionCallInfo fcinfo = peragg->finalfn_fcinfo;

            fcinfo->args[0].value = pg->transValue;
            fcinfo->args[0].isnull = pg->transValueIsNull;
            for (int a = 1; a < peragg->numFinalArgs; a++)
            {
                fcinfo->args[a].value = (Datum) 0;
                fcinfo->args[a].isnull = true;
            }
            if (peragg->finalfn.fn_strict && pg->transValueIsNull)
            {
                econtext->ecxt_aggvalues[i] = (Datum) 0;
                econtext->ecxt_aggnulls[i] = true;
            }
            else
            {
                fcinfo->isnull = false;
                econtext->ecxt_aggvalues[i] = peragg->finalfn.fn_addr(fcinfo);
                econtext->ecxt_aggnulls[i] = fcinfo->isnull;
            }
        }
        else
        {
            econtext->ecxt_aggvalues[i] = pg->transValue;
            econtext->ecxt_aggnulls[i] = pg->transValueIsNull;
        }
    }
    MemoryContextSwitchTo(old);
}

/* Build the output row of the current group; NULL if HAVING rejects it. */
TupleTableSlot *
agg_project_group(AggState *aggstate, TupleTableSlot *representative)
{
    ExprContext *econtext = aggstate->ps.ps_ExprContext;

    econtext->ecxt_outertuple = representative;
    if (!ExecQual(aggstate->ps.qual, econtext))
        return NULL;
    return ExecProject(aggstate->ps.ps_ProjInfo);
}

/* ---------------------------------------------------------------- grouping */

static bool
same_group(AggState *aggstate, TupleTableSlot *a, TupleTableSlot *b)
{
    Agg        *plan = (Agg *) aggstate->ps.plan;

    for (int i = 0; i < plan->numCols; i++)
    {
        int         att = plan->grpColIdx[i];
        bool        an, bn;
        Datum       av = slot_getattr(a, att, &an);
        Datum       bv = slot_getattr(b, att, &bn);

        if (an != bn)
            return false;
        if (!an)
        {
            FmgrInfo   *eq = &aggstate->eqfunctions[i];

            if (!DatumGetBool(FunctionCall2Coll(eq, plan->grpCollations ?
                                                plan->grpCollations[i] : InvalidOid, av, bv)))
                return false;
        }
    }
    return true;
}

static uint32
group_hash(AggState *aggstate, TupleTableSlot *slot)
{
    Agg        *plan = (Agg *) aggstate->ps.plan;
    uint32      h = 0;

    for (int i = 0; i < plan->numCols; i++)
    {
        bool        isnull;
        Datum       v = slot_getattr(slot, plan->grpColIdx[i], &isnull);

        h = (h << 1) | (h >> 31);
        if (!isnull)
            h ^= DatumGetUInt32(FunctionCall1Coll(&aggstate->hashfunctions[i],
                                                  plan->grpCollations ? plan->grpCollations[i] : InvalidOid,
                                                  v));
    }
    return h;
}

static void
hash_grow(AggHashTable *ht, MemoryContext cxt)
{
    uint32      newn = ht->nbuckets * 2;
    AggHashEntry **nb = MemoryContextAllocZero(cxt, sizeof(AggHashEntry *) * newn);

    for (uint32 i = 0; i < ht->nbuckets; i++)
    {
        AggHashEntry *e = ht->buckets[i];

        while (e)
        {
            AggHashEntry *next = e->next;
            uint32      b = e->hash & (newn - 1);

            e->next = nb[b];
            nb[b] = e;
            e = next;
        }
    }
    pfree(ht->buckets);
    ht->buckets = nb;
    ht->nbuckets = newn;
}

/* ---------------------------------------------------------------- hash spill
 *
 * PostgreSQL's scheme (nodeAgg.c, "spilling"): once the table's memory
 * passes work_mem, no new groups are created in this pass; a row whose
 * group is not in the table is written to one of npartitions temp files
 * chosen by bits of its hash.  When the input ends, the in-memory groups
 * are emitted, then each partition is aggregated in turn as a new pass
 * (which may spill again, on the next bits of the hash).  Every row goes
 * to exactly one group's state, so results are complete and each group is
 * emitted once.
 */
#define HASHAGG_MIN_PARTITIONS 4
#define HASHAGG_MAX_PARTITIONS 32

typedef struct AggHashBatch
{
    BufFile    *file;
    int         used_bits;          /* hash bits already used to partition */
    uint64      ntuples;
} AggHashBatch;

typedef struct AggHashSpill
{
    int         npartitions;        /* power of two */
    int         partition_bits;
    int         used_bits;          /* bits used before this pass's split */
    BufFile   **files;              /* NULL until the first row of that partition */
    uint64     *ntuples;
} AggHashSpill;

static void
hash_spill_init(AggState *aggstate)
{
    AggHashSpill *spill;
    int         used = aggstate->hash_cur_batch ? aggstate->hash_cur_batch->used_bits : 0;
    int         nparts = HASHAGG_MIN_PARTITIONS;
    int         bits;
    MemoryContext old = MemoryContextSwitchTo(aggstate->ps.state->es_query_cxt);

    /* a write buffer per partition: a quarter of work_mem at most */
    while (nparts < HASHAGG_MAX_PARTITIONS &&
           (Size) nparts * 2 * BLCKSZ * 4 <= aggstate->hash_mem_limit)
        nparts *= 2;
    for (bits = 0; (1 << bits) < nparts; bits++)
        ;
    if (used + bits > 32)
        ereport(ERROR,
                (errcode(ERRCODE_OUT_OF_MEMORY),
                 errmsg("hash aggregate exceeded work_mem (%d kB) and cannot split its groups further",
                        work_mem),
                 errhint("Increase work_mem.")));
    spill = palloc0(sizeof(AggHashSpill));
    spill->npartitions = nparts;
    spill->partition_bits = bits;
    spill->used_bits = used;
    spill->files = palloc0(sizeof(BufFile *) * (Size) nparts);
    spill->ntuples = palloc0(sizeof(uint64) * (Size) nparts);
    aggstate->hash_spill = spill;
    MemoryContextSwitchTo(old);
}

/* Write the input row (hash h) to its partition. */
static void
hash_spill_tuple(AggState *aggstate, TupleTableSlot *slot, uint32 h)
{
    AggHashSpill *spill = aggstate->hash_spill;
    int         shift = 32 - spill->used_bits - spill->partition_bits;
    int         p = (int) ((h >> shift) & (uint32) (spill->npartitions - 1));
    MemoryContext old = MemoryContextSwitchTo(aggstate->tmpcontext->ecxt_per_tuple_memory);
    HeapTuple   tup = ExecCopySlotHeapTuple(slot);
    uint32      len = tup->t_len;

    MemoryContextSwitchTo(old);
    if (spill->files[p] == NULL)
        spill->files[p] = BufFileCreateTemp();
    BufFileWrite(spill->files[p], &h, sizeof(h));
    BufFileWrite(spill->files[p], &len, sizeof(len));
    BufFileWrite(spill->files[p], tup->t_data, len);
    spill->ntuples[p]++;
}

/* End of a pass: its non-empty partitions become batches to process. */
static void
hash_spill_finish(AggState *aggstate)
{
    AggHashSpill *spill = aggstate->hash_spill;
    MemoryContext old;

    if (spill == NULL)
        return;
    old = MemoryContextSwitchTo(aggstate->ps.state->es_query_cxt);
    for (int p = 0; p < spill->npartitions; p++)
    {
        AggHashBatch *batch;

        if (spill->files[p] == NULL)
            continue;
        batch = palloc0(sizeof(AggHashBatch));
        batch->file = spill->files[p];
        batch->used_bits = spill->used_bits + spill->partition_bits;
        batch->ntuples = spill->ntuples[p];
        aggstate->hash_batches = lappend(aggstate->hash_batches, batch);
    }
    MemoryContextSwitchTo(old);
    pfree(spill->files);
    pfree(spill->ntuples);
    pfree(spill);
    aggstate->hash_spill = NULL;
}

/* Next row of the current batch into hash_spill_slot (and its hash); false at end. */
static bool
hash_batch_next(AggState *aggstate, uint32 *h)
{
    AggHashBatch *batch = aggstate->hash_cur_batch;
    uint32      len;
    HeapTuple   tup;
    MemoryContext cxt = aggstate->tmpcontext->ecxt_per_tuple_memory;

    if (BufFileRead(batch->file, h, sizeof(*h)) != sizeof(*h))
        return false;
    if (BufFileRead(batch->file, &len, sizeof(len)) != sizeof(len))
        ereport(ERROR,
                (errcode(ERRCODE_DATA_CORRUPTED),
                 errmsg("unexpected end of data in hash aggregate temporary file")));
    tup = MemoryContextAlloc(cxt, HEAPTUPLESIZE + len);
    tup->t_len = len;
    tup->t_data = (HeapTupleHeader) ((char *) tup + HEAPTUPLESIZE);
    ItemPointerSetInvalid(&tup->t_self);
    tup->t_tableOid = InvalidOid;
    if (BufFileRead(batch->file, tup->t_data, len) != len)
        ereport(ERROR,
                (errcode(ERRCODE_DATA_CORRUPTED),
                 errmsg("unexpected end of data in hash aggregate temporary file")));
    ExecStoreHeapTuple(tup, aggstate->hash_spill_slot, false);
    return true;
}

/* Close every spill file (rescan, end). */
static void
hash_spill_release(AggState *aggstate)
{
    ListCell   *lc;

    if (aggstate->hash_spill)
    {
        for (int p = 0; p < aggstate->hash_spill->npartitions; p++)
            if (aggstate->hash_spill->files[p])
                BufFileClose(aggstate->hash_spill->files[p]);
        aggstate->hash_spill = NULL;
    }
    foreach(lc, aggstate->hash_batches)
        BufFileClose(((AggHashBatch *) lfirst(lc))->file);
    aggstate->hash_batches = NIL;
    if (aggstate->hash_cur_batch)
    {
        if (aggstate->hash_spill_slot)
            ExecClearTuple(aggstate->hash_spill_slot);
        BufFileClose(aggstate->hash_cur_batch->file);
        aggstate->hash_cur_batch = NULL;
    }
}

/* An empty table in a freshly reset aggcontext. */
static void
hash_table_reset(AggState *aggstate)
{
    AggHashTable *ht = aggstate->hashtable;

    ExecClearTuple(aggstate->grp_firstTuple);
    MemoryContextReset(aggstate->aggcontext);
    ht->nentries = 0;
    ht->nbuckets = 1024;
    ht->buckets = MemoryContextAllocZero(aggstate->aggcontext,
                                         sizeof(AggHashEntry *) * ht->nbuckets);
    ht->iter_bucket = 0;
    ht->iter_entry = NULL;
}

/*
 * The group of the row in slot (hash h): found, or created while the
 * table is within work_mem.  NULL when the table is full (spilling) and
 * the group is not in it.
 */
static AggStatePerGroup
lookup_hash_entry(AggState *aggstate, TupleTableSlot *slot, uint32 h)
{
    AggHashTable *ht = aggstate->hashtable;
    AggHashEntry *e;
    MemoryContext old;

    for (e = ht->buckets[h & (ht->nbuckets - 1)]; e; e = e->next)
    {
        if (e->hash == h)
        {
            TupleTableSlot *rep = aggstate->grp_firstTuple;

            ExecStoreHeapTuple(e->firstTuple, rep, false);
            if (same_group(aggstate, rep, slot))
                return e->pergroup;
        }
    }
    if (aggstate->hash_spill != NULL)
        return NULL;
    old = MemoryContextSwitchTo(aggstate->aggcontext);
    e = palloc(offsetof(AggHashEntry, pergroup) + sizeof(AggStatePerGroupData) * (Size) aggstate->numaggs);
    e->hash = h;
    e->firstTuple = ExecCopySlotHeapTuple(slot);
    MemoryContextSwitchTo(old);
    agg_initialize_group(aggstate, e->pergroup);
    e->next = ht->buckets[h & (ht->nbuckets - 1)];
    ht->buckets[h & (ht->nbuckets - 1)] = e;
    if (++ht->nentries > (uint64) ht->nbuckets)
        hash_grow(ht, aggstate->aggcontext);
    /* full: later rows of new groups spill (this group stays in memory) */
    if (MemoryContextMemAllocated(aggstate->aggcontext, true) > aggstate->hash_mem_limit)
        hash_spill_init(aggstate);
    return e->pergroup;
}

/* ---------------------------------------------------------------- strategies */

static TupleTableSlot *
agg_retrieve_direct(AggState *aggstate)
{
    Agg        *plan = (Agg *) aggstate->ps.plan;
    PlanState  *outer = outerPlanState(aggstate);
    TupleTableSlot *first = aggstate->grp_firstTuple;

    while (!aggstate->agg_done)
    {
        TupleTableSlot *result;
        TupleTableSlot *in;

        ResetExprContext(aggstate->ps.ps_ExprContext);
        MemoryContextReset(aggstate->aggcontext);
        agg_initialize_group(aggstate, aggstate->pergroup);

        if (plan->aggstrategy == AGG_PLAIN)
        {
            ExecClearTuple(first);
            for (;;)
            {
                CHECK_FOR_INTERRUPTS();
                in = ExecProcNode(outer);
                if (TupIsNull(in))
                    break;
                /* as PostgreSQL: input columns outside aggregates read the first row */
                if (TupIsNull(first))
                    ExecCopySlot(first, in);
                ResetExprContext(aggstate->tmpcontext);
                aggstate->tmpcontext->ecxt_outertuple = in;
                advance_aggregates(aggstate, aggstate->pergroup);
            }
            aggstate->agg_done = true;
            agg_finalize_group(aggstate, aggstate->pergroup, 0);
            if (TupIsNull(first))
            {
                /* no input at all: such columns read as NULL */
                for (int i = 0; i < first->tts_tupleDescriptor->natts; i++)
                    first->tts_isnull[i] = true;
                ExecStoreVirtualTuple(first);
            }
            result = agg_project_group(aggstate, first);
            if (result)
                return result;
            return NULL;
        }

        /*
         * AGG_SORTED.  `first` holds the first row of the group being built;
         * the row that ended the previous group waits in grp_nextTuple.  The
         * previous group's output may point into `first`, so it is replaced
         * only now, at the next call.
         */
        ExecClearTuple(first);
        if (!TupIsNull(aggstate->grp_nextTuple))
        {
            ExecCopySlot(first, aggstate->grp_nextTuple);
            ExecClearTuple(aggstate->grp_nextTuple);
        }
        else
        {
            if (aggstate->input_done)
            {
                aggstate->agg_done = true;
                return NULL;
            }
            in = ExecProcNode(outer);
            if (TupIsNull(in))
            {
                aggstate->agg_done = true;
                return NULL;
            }
            ExecCopySlot(first, in);
        }
        ResetExprContext(aggstate->tmpcontext);
        aggstate->tmpcontext->ecxt_outertuple = first;
        advance_aggregates(aggstate, aggstate->pergroup);
        for (;;)
        {
            CHECK_FOR_INTERRUPTS();
            in = ExecProcNode(outer);
            if (TupIsNull(in))
            {
                aggstate->input_done = true;
                break;
            }
            if (!same_group(aggstate, first, in))
            {
                ExecCopySlot(aggstate->grp_nextTuple, in);
                break;
            }
            ResetExprContext(aggstate->tmpcontext);
            aggstate->tmpcontext->ecxt_outertuple = in;
            advance_aggregates(aggstate, aggstate->pergroup);
        }
        agg_finalize_group(aggstate, aggstate->pergroup, 0);
        result = agg_project_group(aggstate, first);
        if (result)
            return result;
    }
    return NULL;
}

/* One pass: aggregate the child's rows, or the current batch's. */
static void
agg_fill_hash_table(AggState *aggstate)
{
    PlanState  *outer = outerPlanState(aggstate);

    for (;;)
    {
        TupleTableSlot *in;
        AggStatePerGroup pergroup;
        uint32      h;

        CHECK_FOR_INTERRUPTS();
        ResetExprContext(aggstate->tmpcontext);
        if (aggstate->hash_cur_batch == NULL)
        {
            in = ExecProcNode(outer);
            if (TupIsNull(in))
                break;
            h = group_hash(aggstate, in);
        }
        else
        {
            if (!hash_batch_next(aggstate, &h))
                break;
            in = aggstate->hash_spill_slot;
        }
        pergroup = lookup_hash_entry(aggstate, in, h);
        if (pergroup == NULL)
        {
            hash_spill_tuple(aggstate, in, h);
            continue;
        }
        aggstate->tmpcontext->ecxt_outertuple = in;
        advance_aggregates(aggstate, pergroup);
    }
    if (aggstate->hash_cur_batch != NULL)
    {
        ExecClearTuple(aggstate->hash_spill_slot);
        BufFileClose(aggstate->hash_cur_batch->file);
        aggstate->hash_cur_batch = NULL;
    }
    hash_spill_finish(aggstate);
    aggstate->table_filled = true;
    aggstate->hashtable->iter_bucket = 0;
    aggstate->hashtable->iter_entry = NULL;
}

/* Next output row of the table; NULL when it is exhausted. */
static TupleTableSlot *
agg_retrieve_hash_table(AggState *aggstate)
{
    AggHashTable *ht = aggstate->hashtable;

    for (;;)
    {
        AggHashEntry *e = ht->iter_entry;
        TupleTableSlot *result;

        while (e == NULL)
        {
            if (ht->iter_bucket >= ht->nbuckets)
                return NULL;
            e = ht->buckets[ht->iter_bucket++];
        }
        ht->iter_entry = e->next;
        ResetExprContext(aggstate->ps.ps_ExprContext);
        ExecStoreHeapTuple(e->firstTuple, aggstate->grp_firstTuple, false);
        agg_finalize_group(aggstate, e->pergroup, 0);
        result = agg_project_group(aggstate, aggstate->grp_firstTuple);
        if (result)
            return result;
    }
}

static TupleTableSlot *
ExecAgg(PlanState *pstate)
{
    AggState   *aggstate = (AggState *) pstate;

    if (aggstate->agg_done)
        return NULL;
    if (aggstate->sets)
        return ExecAggSetsRetrieve(aggstate);  /* nodeAgg_sets.c */
    if (aggstate->aggstrategy == AGG_HASHED)
    {
        for (;;)
        {
            TupleTableSlot *result;

            if (!aggstate->table_filled)
                agg_fill_hash_table(aggstate);
            result = agg_retrieve_hash_table(aggstate);
            if (result)
                return result;
            /* table done: aggregate the next spilled partition, if any */
            if (aggstate->hash_batches == NIL)
            {
                aggstate->agg_done = true;
                return NULL;
            }
            ResetExprContext(aggstate->ps.ps_ExprContext);
            hash_table_reset(aggstate);
            /* the newest batch first: spill files stay few (depth first) */
            aggstate->hash_cur_batch = llast(aggstate->hash_batches);
            aggstate->hash_batches = list_truncate(aggstate->hash_batches,
                                                   list_length(aggstate->hash_batches) - 1);
            BufFileRewind(aggstate->hash_cur_batch->file);
            aggstate->hash_batches_done++;
            aggstate->table_filled = false;
        }
    }
    return agg_retrieve_direct(aggstate);
}

/* ---------------------------------------------------------------- setup */

static void
init_peragg(AggState *aggstate, AggStatePerAgg peragg, Aggref *aggref)
{
    const AggInfo *agg = lookup_aggregate(aggref->aggfnoid);
    int         numInputs;
    ListCell   *lc;
    int         i = 0;

    if (agg == NULL)
        elog(ERROR, "cache lookup failed for aggregate %u", aggref->aggfnoid);

    /* the aggregate's inputs; ORDER BY adds resjunk arguments after them */
    numInputs = 0;
    foreach(lc, aggref->args)
        if (!((TargetEntry *) lfirst(lc))->resjunk)
            numInputs++;

    peragg->aggref = aggref;
    peragg->numInputs = numInputs;
    peragg->numArgs = list_length(aggref->args);
    peragg->transtype = OidIsValid(aggref->aggtranstype) ? aggref->aggtranstype : agg->aggtranstype;
    {
        char        align;

        get_typlenbyvalalign(peragg->transtype, &peragg->transtypeLen,
                             &peragg->transtypeByVal, &align);
    }
    fmgr_info(agg->aggtransfn, &peragg->transfn);
    peragg->transfn.fn_expr = (Node *) aggref;
    peragg->transfn_fcinfo = palloc0(SizeForFunctionCallInfo(numInputs + 1));
    InitFunctionCallInfoData(*peragg->transfn_fcinfo, &peragg->transfn, numInputs + 1,
                             aggref->inputcollid, (Node *) aggstate, NULL);

    if (OidIsValid(agg->aggfinalfn))
    {
        peragg->has_finalfn = true;
        fmgr_info(agg->aggfinalfn, &peragg->finalfn);
        peragg->finalfn.fn_expr = (Node *) aggref;
        peragg->numFinalArgs = agg->aggfinalextra ? numInputs + 1 : 1;
        peragg->finalfn_fcinfo = palloc0(SizeForFunctionCallInfo(peragg->numFinalArgs));
        InitFunctionCallInfoData(*peragg->finalfn_fcinfo, &peragg->finalfn,
                                 peragg->numFinalArgs, aggref->inputcollid,
                                 (Node *) aggstate, NULL);
    }

    if (agg->agginitval)
    {
        Oid         typinput, typioparam;

        getTypeInputInfo(peragg->transtype, &typinput, &typioparam);
        peragg->initValue = OidInputFunctionCall(typinput, agg->agginitval, typioparam, -1);
        peragg->initValueIsNull = false;
    }
    else
        peragg->initValueIsNull = true;

    peragg->argstates = palloc0(sizeof(ExprState *) * (Size) Max(peragg->numArgs, 1));
    foreach(lc, aggref->args)
    {
        TargetEntry *tle = lfirst(lc);

        peragg->argstates[i++] = ExecInitExpr(tle->expr, &aggstate->ps);
    }
    if (aggref->aggfilter)
        peragg->filter = ExecInitQual(list_make1(aggref->aggfilter), &aggstate->ps);

    if (aggref->aggdistinct != NIL || aggref->aggorder != NIL)
    {
        /* DISTINCT's clause list covers every argument, ORDER BY ones first */
        List       *sortlist = aggref->aggdistinct != NIL ? aggref->aggdistinct : aggref->aggorder;
        int         n = list_length(sortlist);
        EState     *estate = aggstate->ps.state;

        if (aggstate->aggstrategy == AGG_HASHED)
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("DISTINCT and ORDER BY inside aggregate calls are not supported with hashed aggregation yet")));
        peragg->sorted_input = true;
        peragg->numSortCols = n;
        peragg->sortColIdx = palloc0(sizeof(int16) * (Size) Max(n, 1));
        peragg->sortOperators = palloc0(sizeof(Oid) * (Size) Max(n, 1));
        peragg->sortCollations = palloc0(sizeof(Oid) * (Size) Max(n, 1));
        peragg->sortNullsFirst = palloc0(sizeof(bool) * (Size) Max(n, 1));
        i = 0;
        foreach(lc, sortlist)
        {
            SortGroupClause *sgc = lfirst(lc);
            TargetEntry *tle = NULL;
            ListCell   *lt;

            foreach(lt, aggref->args)
                if (((TargetEntry *) lfirst(lt))->ressortgroupref == sgc->tleSortGroupRef)
                {
                    tle = lfirst(lt);
                    break;
                }
            if (tle == NULL)
                elog(ERROR, "ORDER/DISTINCT item %u not found in aggregate arguments",
                     sgc->tleSortGroupRef);
            if (!OidIsValid(sgc->sortop))
                ereport(ERROR,
                        (errcode(ERRCODE_UNDEFINED_FUNCTION),
                         errmsg("could not identify an ordering operator for type %s",
                                format_type_be(exprType((Node *) tle->expr)))));
            peragg->sortColIdx[i] = tle->resno;
            peragg->sortOperators[i] = sgc->sortop;
            peragg->sortCollations[i] = exprCollation((Node *) tle->expr);
            peragg->sortNullsFirst[i] = sgc->nulls_first;
            i++;
        }
        if (aggref->aggdistinct != NIL)
        {
            peragg->numDistinctCols = n;
            peragg->distinctEq = palloc0(sizeof(FmgrInfo) * (Size) n);
            peragg->distinctCollations = peragg->sortCollations;
            i = 0;
            foreach(lc, sortlist)
            {
                SortGroupClause *sgc = lfirst(lc);
                const OperInfo *eqop = lookup_operator(sgc->eqop);

                if (eqop == NULL)
                    elog(ERROR, "cache lookup failed for operator %u", sgc->eqop);
                fmgr_info(eqop->oprcode, &peragg->distinctEq[i]);
                i++;
            }
        }
        peragg->sortstates = palloc0(sizeof(Tuplesortstate *) * (Size) aggstate->maxsets);
        peragg->sortdesc = ExecTypeFromTL(aggref->args);
        peragg->sortslot = ExecInitExtraTupleSlot(estate, peragg->sortdesc);
        peragg->prevslot = ExecInitExtraTupleSlot(estate, peragg->sortdesc);
    }
}

AggState *
ExecInitAgg(Agg *node, EState *estate, int eflags)
{
    AggState   *aggstate = makeNode(AggState);
    ExprContext *econtext;
    ListCell   *lc;
    int         i = 0;

    aggstate->ps.plan = (Plan *) node;
    aggstate->ps.state = estate;
    aggstate->ps.ExecProcNode = ExecAgg;
    aggstate->aggstrategy = node->aggstrategy;
    if (node->aggstrategy == AGG_MIXED ||
        (node->groupingSets != NIL && node->aggstrategy == AGG_HASHED))
        elog(ERROR, "hashed grouping sets are not implemented");
    /* one group at a time, or one per grouping set of a phase */
    aggstate->maxsets = node->groupingSets != NIL ? ExecAggSetsMaxSets(node) : 1;

    ExecAssignExprContext(estate, &aggstate->ps);
    aggstate->tmpcontext = CreateExprContext(estate);
    aggstate->aggcontext = AllocSetContextCreate(estate->es_query_cxt, "AggContext");
    outerPlanState(aggstate) = ExecInitNode(outerPlan(node), estate, eflags);

    aggstate->grp_firstTuple =
        ExecInitExtraTupleSlot(estate, ExecGetResultType(outerPlanState(aggstate)));
    aggstate->grp_nextTuple =
        ExecInitExtraTupleSlot(estate, ExecGetResultType(outerPlanState(aggstate)));
    ExecInitResultTupleSlotTL(&aggstate->ps);

    aggstate->aggs = node->aggrefs;
    aggstate->numaggs = list_length(node->aggrefs);
    aggstate->peragg = palloc0(sizeof(AggStatePerAggData) * (Size) Max(aggstate->numaggs, 1));
    aggstate->pergroup = palloc0(sizeof(AggStatePerGroupData) * (Size) Max(aggstate->numaggs, 1));
    foreach(lc, node->aggrefs)
        init_peragg(aggstate, &aggstate->peragg[i++], lfirst(lc));

    econtext = aggstate->ps.ps_ExprContext;
    econtext->ecxt_aggvalues = palloc0(sizeof(Datum) * (Size) Max(aggstate->numaggs, 1));
    econtext->ecxt_aggnulls = palloc0(sizeof(bool) * (Size) Max(aggstate->numaggs, 1));

    ExecAssignProjectionInfo(&aggstate->ps, NULL);
    aggstate->ps.qual = ExecInitQual(node->plan.qual, &aggstate->ps);
    if (node->groupingSets != NIL)
    {
        ExecInitAggSets(aggstate, node);   /* nodeAgg_sets.c */
        return aggstate;
    }

    if (node->numCols > 0)
    {
        TupleDesc   indesc = ExecGetResultType(outerPlanState(aggstate));

        aggstate->eqfunctions = palloc0(sizeof(FmgrInfo) * (Size) node->numCols);
        aggstate->hashfunctions = palloc0(sizeof(FmgrInfo) * (Size) node->numCols);
        for (int c = 0; c < node->numCols; c++)
        {
            const OperInfo *eqop = lookup_operator(node->grpOperators[c]);
            Oid         coltype = TupleDescAttr(indesc, node->grpColIdx[c] - 1)->atttypid;

            if (eqop == NULL)
                elog(ERROR, "cache lookup failed for operator %u", node->grpOperators[c]);
            fmgr_info(eqop->oprcode, &aggstate->eqfunctions[c]);
            if (node->aggstrategy == AGG_HASHED)
            {
                const TypeCacheInfo *tc = lookup_type_cache(coltype);

                if (tc == NULL || !OidIsValid(tc->hash_proc))
                    ereport(ERROR,
                            (errcode(ERRCODE_UNDEFINED_FUNCTION),
                             errmsg("could not identify a hash function for type %s",
                                    format_type_be(coltype))));
                fmgr_info(tc->hash_proc, &aggstate->hashfunctions[c]);
            }
        }
    }
    if (node->aggstrategy == AGG_HASHED)
    {
        AggHashTable *ht = palloc0(sizeof(AggHashTable));

        ht->nbuckets = 1024;
        ht->buckets = MemoryContextAllocZero(aggstate->aggcontext,
                                             sizeof(AggHashEntry *) * ht->nbuckets);
        aggstate->hashtable = ht;
        aggstate->hash_mem_limit = (Size) work_mem * 1024;
        /* blocks small next to the limit, so "allocated" tracks "in use" */
        MemoryContextLimitBlockSize(aggstate->aggcontext, aggstate->hash_mem_limit);
        aggstate->hash_spill_slot =
            ExecInitExtraTupleSlot(estate, ExecGetResultType(outerPlanState(aggstate)));
    }
    return aggstate;
}

void
ExecEndAgg(AggState *node)
{
    release_ordered_inputs(node);
    hash_spill_release(node);
    if (node->sets)
        ExecEndAggSets(node);
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanAgg(AggState *node)
{
    node->agg_done = false;
    node->input_done = false;
    node->table_filled = false;
    release_ordered_inputs(node);
    ExecClearTuple(node->grp_firstTuple);
    ExecClearTuple(node->grp_nextTuple);
    if (node->sets)
        ExecReScanAggSets(node);
    if (node->hashtable)
    {
        hash_spill_release(node);
        hash_table_reset(node);
    }
    ExecReScan(outerPlanState(node));
}
