/*-------------------------------------------------------------------------
 * tuplesort.c
 *    External merge sort of heap tuples under a work_mem budget.
 *
 * Phases:
 *  1. Loading: tuples are copied into sortcontext and their pointers kept
 *     in an array.  When the context's memory exceeds workMem, the array is
 *     sorted (qsort) and written out as one run (a temp file of
 *     [len][tuple data] records); the context is reset and loading goes on.
 *     Runs are kept in levels: a new run enters level 0, and whenever a
 *     level holds MERGE_ORDER runs they are merged into one run of the
 *     next level.  So at most MERGE_ORDER runs per level exist at once
 *     (the number of open temp files is bounded by MERGE_ORDER times the
 *     number of levels, logarithmic in the input), and each tuple is
 *     rewritten O(log_MERGE_ORDER(runs)) times.
 *  2. performsort: with no runs, sort the array in memory.  Otherwise the
 *     remaining tuples become the last run, all levels are merged down
 *     until at most MERGE_ORDER runs remain, and those are merged with a
 *     binary heap while reading.
 *     While loading, every MERGE_ORDER runs of the same merge level are
 *     merged into one run of the next level, so the runs held open stay
 *     few (MERGE_ORDER per level) however far the sort spills.
 *  3. Reading: gettupleslot returns tuples in order.
 *
 * Memory is bounded by workMem plus one tuple per merge input.
 * The comparison of two tuples deforms only their key columns.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/tuplesort.h"
#include "storage/buffile.h"

#define MERGE_ORDER 64
#define MAX_LEVELS  8               /* 64^8 runs: more than any disk holds */

typedef struct SortTuple
{
    HeapTuple   tuple;
    Datum       key1;           /* first key, deformed once */
    bool        isnull1;
} SortTuple;

typedef struct MergeInput
{
    BufFile    *file;
    SortTuple   cur;
    bool        exhausted;
} MergeInput;

struct Tuplesortstate
{
    TupleDesc   tupDesc;
    int         nkeys;
    SortKeyInfo *keys;
    Size        workMemBytes;
    MemoryContext sortcontext;      /* tuples being loaded */
    MemoryContext mergecontext;     /* tuples read during the merge */
    SortTuple  *memtuples;
    int         memtupcount;
    int         memtupsize;
    int         readpos;
    List       *runs;               /* final merge inputs (after performsort) */
    List       *levels[MAX_LEVELS]; /* BufFile * runs waiting, by merge level */
    bool        sorted;
    bool        usedDisk;
    /* final merge */
    MergeInput *inputs;
    int         ninputs;
    int        *heap;               /* indexes into inputs, a min-heap */
    int         heapsize;
    Datum      *values;             /* scratch for deforming keys */
    bool       *isnull;
};

/* ---------------------------------------------------------------- keys */

void
PrepareSortKey(SortKeyInfo *key, int16 attno, Oid sortop, Oid collation, bool nulls_first)
{
    Oid         opfamily;
    int16       strategy;
    const OperInfo *op = lookup_operator(sortop);
    Oid         cmpproc;

    if (op == NULL || !get_op_btree_interpretation(sortop, &opfamily, &strategy))
        elog(ERROR, "operator %u is not a valid ordering operator", sortop);
    cmpproc = get_opfamily_proc(opfamily, op->oprleft, op->oprright, BTORDER_PROC);
    if (!OidIsValid(cmpproc))
        elog(ERROR, "missing support function %d(%u,%u) in opfamily %u",
             BTORDER_PROC, op->oprleft, op->oprright, opfamily);
    key->attno = attno;
    key->reverse = strategy == BTGreaterStrategyNumber;
    key->nulls_first = nulls_first;
    key->collation = collation;
    fmgr_info(cmpproc, &key->cmp);
    key->fcinfo = palloc0(SizeForFunctionCallInfo(2));
    InitFunctionCallInfoData(*key->fcinfo, &key->cmp, 2, collation, NULL, NULL);
}

int
CompareSortKey(SortKeyInfo *key, Datum a, bool anull, Datum b, bool bnull)
{
    int32       cmp;

    if (anull || bnull)
    {
        if (anull && bnull)
            return 0;
        /* NULLs sort as larger than any value unless NULLS FIRST */
        return anull ? (key->nulls_first ? -1 : 1) : (key->nulls_first ? 1 : -1);
    }
    key->fcinfo->args[0].value = a;
    key->fcinfo->args[0].isnull = false;
    key->fcinfo->args[1].value = b;
    key->fcinfo->args[1].isnull = false;
    key->fcinfo->isnull = false;
    cmp = DatumGetInt32(key->cmp.fn_addr(key->fcinfo));
    if (key->reverse)
        cmp = (cmp < 0) ? 1 : (cmp > 0 ? -1 : 0);
    return cmp;
}

static Tuplesortstate *current_sort;    /* for the qsort comparator */

static int
compare_tuples(Tuplesortstate *state, const SortTuple *a, const SortTuple *b)
{
    int         c = CompareSortKey(&state->keys[0], a->key1, a->isnull1, b->key1, b->isnull1);

    if (c != 0 || state->nkeys == 1)
        return c;
    for (int k = 1; k < state->nkeys; k++)
    {
        SortKeyInfo *key = &state->keys[k];
        bool        an, bn;
        Datum       av = heap_getattr(a->tuple, key->attno, state->tupDesc, &an);
        Datum       bv = heap_getattr(b->tuple, key->attno, state->tupDesc, &bn);

        c = CompareSortKey(key, av, an, bv, bn);
        if (c != 0)
            return c;
    }
    return 0;
}

static int
qsort_cmp(const void *a, const void *b)
{
    return compare_tuples(current_sort, a, b);
}

static void
sort_memtuples(Tuplesortstate *state)
{
    Tuplesortstate *save = current_sort;

    current_sort = state;
    qsort(state->memtuples, (size_t) state->memtupcount, sizeof(SortTuple), qsort_cmp);
    current_sort = save;
}

static void
fill_key1(Tuplesortstate *state, SortTuple *st)
{
    st->key1 = heap_getattr(st->tuple, state->keys[0].attno, state->tupDesc, &st->isnull1);
}

/* ---------------------------------------------------------------- runs */

static void
write_tuple(BufFile *file, HeapTuple tup)
{
    uint32      len = tup->t_len;

    BufFileWrite(file, &len, sizeof(len));
    BufFileWrite(file, tup->t_data, len);
}

/* Read the next tuple of a run into mcxt; false at end of run. */
static bool
read_tuple(Tuplesortstate *state, BufFile *file, MemoryContext mcxt, SortTuple *st)
{
    uint32      len;
    HeapTuple   tup;

    if (BufFileRead(file, &len, sizeof(len)) != sizeof(len))
        return false;
    tup = MemoryContextAlloc(mcxt, HEAPTUPLESIZE + len);
    tup->t_len = len;
    tup->t_data = (HeapTupleHeader) ((char *) tup + HEAPTUPLESIZE);
    ItemPointerSetInvalid(&tup->t_self);
    tup->t_tableOid = InvalidOid;
    if (BufFileRead(file, tup->t_data, len) != len)
        ereport(ERROR,
                (errcode(ERRCODE_DATA_CORRUPTED),
                 errmsg("unexpected end of data in sort temporary file")));
    st->tuple = tup;
    fill_key1(state, st);
    return true;
}

static void begin_merge(Tuplesortstate *state, List *files);
static bool merge_next(Tuplesortstate *state, SortTuple *out);
static void end_merge(Tuplesortstate *state);

/* Merge `files` (sorted runs) into one new run. */
static BufFile *
merge_runs(Tuplesortstate *state, List *files)
{
    BufFile    *out = BufFileCreateTemp();
    SortTuple   st;

    begin_merge(state, files);
    while (merge_next(state, &st))
    {
        CHECK_FOR_INTERRUPTS();
        write_tuple(out, st.tuple);
        pfree(st.tuple);        /* other inputs' heads stay in mergecontext */
    }
    end_merge(state);
    pfree(state->inputs);
    pfree(state->heap);
    state->inputs = NULL;
    state->heap = NULL;
    return out;
}

/* Add a run at `level`, cascading merges of full levels upward. */
static void
add_run(Tuplesortstate *state, BufFile *run, int level)
{
    for (;;)
    {
        state->levels[level] = lappend(state->levels[level], run);
        if (list_length(state->levels[level]) < MERGE_ORDER || level == MAX_LEVELS - 1)
            return;
        run = merge_runs(state, state->levels[level]);
        state->levels[level] = NIL;
        level++;
    }
}

static void
dump_run(Tuplesortstate *state)
{
    BufFile    *file = BufFileCreateTemp();

    sort_memtuples(state);
    for (int i = 0; i < state->memtupcount; i++)
    {
        CHECK_FOR_INTERRUPTS();
        write_tuple(file, state->memtuples[i].tuple);
    }
    state->memtupcount = 0;
    MemoryContextReset(state->sortcontext);
    state->usedDisk = true;
    add_run(state, file, 0);
}

static void
heap_sift_down(Tuplesortstate *state, int i)
{
    int        *h = state->heap;

    for (;;)
    {
        int         l = 2 * i + 1, r = l + 1, m = i;

        if (l < state->heapsize &&
            compare_tuples(state, &state->inputs[h[l]].cur, &state->inputs[h[m]].cur) < 0)
            m = l;
        if (r < state->heapsize &&
            compare_tuples(state, &state->inputs[h[r]].cur, &state->inputs[h[m]].cur) < 0)
            m = r;
        if (m == i)
            return;
        {
            int         t = h[i];

            h[i] = h[m];
            h[m] = t;
        }
        i = m;
    }
}

/* Open a k-way merge over `files` (each rewound for reading). */
static void
begin_merge(Tuplesortstate *state, List *files)
{
    ListCell   *lc;
    int         n = 0;

    state->ninputs = list_length(files);
    state->inputs = palloc0(sizeof(MergeInput) * (Size) state->ninputs);
    state->heap = palloc(sizeof(int) * (Size) state->ninputs);
    state->heapsize = 0;
    foreach(lc, files)
    {
        MergeInput *in = &state->inputs[n];

        in->file = lfirst(lc);
        BufFileRewind(in->file);
        if (read_tuple(state, in->file, state->mergecontext, &in->cur))
            state->heap[state->heapsize++] = n;
        else
            in->exhausted = true;
        n++;
    }
    for (int i = state->heapsize / 2 - 1; i >= 0; i--)
        heap_sift_down(state, i);
}

/* Pop the smallest tuple of the merge; false when every input is done. */
static bool
merge_next(Tuplesortstate *state, SortTuple *out)
{
    MergeInput *in;

    if (state->heapsize == 0)
        return false;
    in = &state->inputs[state->heap[0]];
    *out = in->cur;
    if (!read_tuple(state, in->file, state->mergecontext, &in->cur))
    {
        in->exhausted = true;
        state->heap[0] = state->heap[--state->heapsize];
    }
    if (state->heapsize > 0)
        heap_sift_down(state, 0);
    return true;
}

static void
end_merge(Tuplesortstate *state)
{
    for (int i = 0; i < state->ninputs; i++)
        BufFileClose(state->inputs[i].file);
    state->ninputs = 0;
    state->heapsize = 0;
}

/* ---------------------------------------------------------------- API */

Tuplesortstate *
tuplesort_begin_heap(TupleDesc tupDesc, int nkeys, const int16 *attNums,
                     const Oid *sortOperators, const Oid *sortCollations,
                     const bool *nullsFirstFlags, int workMem)
{
    Tuplesortstate *state = palloc0(sizeof(Tuplesortstate));

    state->tupDesc = tupDesc;
    state->nkeys = nkeys;
    state->keys = palloc0(sizeof(SortKeyInfo) * (Size) Max(nkeys, 1));
    for (int i = 0; i < nkeys; i++)
        PrepareSortKey(&state->keys[i], attNums[i], sortOperators[i],
                       sortCollations ? sortCollations[i] : InvalidOid, nullsFirstFlags[i]);
    state->workMemBytes = (Size) workMem * 1024;
    state->sortcontext = AllocSetContextCreate(CurrentMemoryContext, "TupleSort");
    state->mergecontext = AllocSetContextCreate(CurrentMemoryContext, "TupleSortMerge");
    state->memtupsize = 1024;
    state->memtuples = MemoryContextAllocHuge(CurrentMemoryContext,
                                              sizeof(SortTuple) * (Size) state->memtupsize);
    return state;
}

void
tuplesort_puttupleslot(Tuplesortstate *state, TupleTableSlot *slot)
{
    MemoryContext old = MemoryContextSwitchTo(state->sortcontext);
    SortTuple  *st;
    Size        used;

    if (state->memtupcount == state->memtupsize)
    {
        /* the pointer array counts against work_mem too */
        if (sizeof(SortTuple) * (Size) state->memtupsize * 2 >= state->workMemBytes &&
            state->memtupcount > 0)
        {
            MemoryContextSwitchTo(old);
            dump_run(state);
            old = MemoryContextSwitchTo(state->sortcontext);
        }
        else
        {
            state->memtupsize *= 2;
            state->memtuples = repalloc(state->memtuples,
                                        sizeof(SortTuple) * (Size) state->memtupsize);
        }
    }
    st = &state->memtuples[state->memtupcount++];
    st->tuple = ExecCopySlotHeapTuple(slot);
    fill_key1(state, st);
    MemoryContextSwitchTo(old);

    used = MemoryContextMemAllocated(state->sortcontext, false) +
        sizeof(SortTuple) * (Size) state->memtupsize;
    if (used > state->workMemBytes)
        dump_run(state);
}

void
tuplesort_performsort(Tuplesortstate *state)
{
    List       *all = NIL;

    if (!state->usedDisk)
    {
        sort_memtuples(state);
        state->readpos = 0;
        state->sorted = true;
        return;
    }
    if (state->memtupcount > 0)
        dump_run(state);

    /* merge the lower levels up until the rest fit in one final merge */
    for (int level = 0; level < MAX_LEVELS; level++)
    {
        int         remaining = 0;

        for (int l = level; l < MAX_LEVELS; l++)
            remaining += list_length(state->levels[l]);
        if (remaining <= MERGE_ORDER)
            break;
        if (list_length(state->levels[level]) > 1 && level + 1 < MAX_LEVELS)
        {
            BufFile    *run = merge_runs(state, state->levels[level]);

            state->levels[level] = NIL;
            state->levels[level + 1] = lappend(state->levels[level + 1], run);
        }
    }
    for (int l = 0; l < MAX_LEVELS; l++)
    {
        all = list_concat(all, state->levels[l]);
        state->levels[l] = NIL;
    }
    state->runs = all;
    begin_merge(state, state->runs);
    state->sorted = true;
}

bool
tuplesort_gettupleslot(Tuplesortstate *state, TupleTableSlot *slot)
{
    SortTuple   st;

    if (!state->usedDisk)
    {
        if (state->readpos >= state->memtupcount)
        {
            ExecClearTuple(slot);
            return false;
        }
        ExecStoreHeapTuple(state->memtuples[state->readpos++].tuple, slot, false);
        return true;
    }
    if (!merge_next(state, &st))
    {
        ExecClearTuple(slot);
        return false;
    }
    /* copy out of the merge context into the slot's own memory */
    {
        MemoryContext old = MemoryContextSwitchTo(slot->tts_mcxt);
        HeapTuple   copy = heap_copytuple(st.tuple);

        MemoryContextSwitchTo(old);
        pfree(st.tuple);
        ExecStoreHeapTuple(copy, slot, true);
    }
    return true;
}

void
tuplesort_rescan(Tuplesortstate *state)
{
    if (!state->usedDisk)
        state->readpos = 0;
    else
    {
        List       *files = NIL;

        for (int i = 0; i < state->ninputs; i++)
            files = lappend(files, state->inputs[i].file);
        state->ninputs = 0;
        MemoryContextReset(state->mergecontext);
        begin_merge(state, files);
    }
}

void
tuplesort_end(Tuplesortstate *state)
{
    ListCell   *lc;

    if (state->ninputs > 0)
        end_merge(state);
    else
        foreach(lc, state->runs)
            BufFileClose(lfirst(lc));
    for (int l = 0; l < MAX_LEVELS; l++)
        foreach(lc, state->levels[l])
            BufFileClose(lfirst(lc));
    MemoryContextDelete(state->sortcontext);
    MemoryContextDelete(state->mergecontext);
}

bool
tuplesort_used_disk(Tuplesortstate *state)
{
    return state->usedDisk;
}
