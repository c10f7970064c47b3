/*-------------------------------------------------------------------------
 * tuplesort.c
 *    External merge sort of heap tuples under a work_mem budget.
 *
 * Phases:
 *  1. Loading: tuples are copied into sortcontext and their pointers kept
 *     in an array.  When the context's memory exceeds workMem, the array is
 *     sorted (sort_tuples, an in-place quicksort) and written out as one run (a temp file of
 *     [len][tuple data] records); the context is reset and loading goes on.
 *     Runs are kept in levels: a new run enters level 0, and whenever a
 *     level holds mergeOrder runs they are merged into one run of the
 *     next level.  So at most mergeOrder runs per level exist at once
 *     (the number of open temp files is bounded by mergeOrder times the
 *     number of levels, logarithmic in the input), and each tuple is
 *     rewritten O(log_mergeOrder(runs)) times.
 *  2. performsort: with no runs, sort the array in memory.  Otherwise the
 *     remaining tuples become the last run, all levels are merged down
 *     until at most mergeOrder runs remain, and those are merged with a
 *     binary heap while reading.
 *     While loading, every mergeOrder runs of the same merge level are
 *     merged into one run of the next level, so the runs held open stay
 *     few (mergeOrder per level) however far the sort spills.
 *  3. Reading: gettupleslot returns tuples in order.
 *
 * Memory: the tuples (sortcontext, whose blocks are capped small so its
 * allocated size tracks use) plus the SortTuple array stay within workMem;
 * the array takes at most half of it.  A merge holds one BLCKSZ buffer and
 * one tuple per input, and the merge order is what workMem pays for (see
 * MIN_MERGE_ORDER).  Closed run files are recycled by buffile.c.
 * The comparison of two tuples deforms only their key columns.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/tuplesort.h"
#include "storage/buffile.h"

/*
 * Merge fan-in: each input of a merge holds a BLCKSZ read buffer plus a
 * tuple, so the order is what work_mem pays for (two blocks per input, as
 * PostgreSQL's tuplesort_merge_order does), never below MIN_MERGE_ORDER and
 * never above MAX_MERGE_ORDER (open temp files stay few).
 */
#define MIN_MERGE_ORDER 6
#define MAX_MERGE_ORDER 64
#define MAX_LEVELS  16              /* 6^16 runs: more than any disk holds */

/*
 * A tuple being sorted.  Its first key is kept here; keys 2..nkeys are
 * deformed once into the tuple's own chunk, behind the tuple data (see
 * extra_keys), so comparisons never walk the tuple again.
 */
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
    int         mergeOrder;         /* runs merged at once, see MAX_MERGE_ORDER */
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
    switch (cmpproc)
    {
        case 350:               /* btint2cmp */
            key->fastcmp = SORTKEY_CMP_INT16;
            break;
        case 351:               /* btint4cmp */
            key->fastcmp = SORTKEY_CMP_INT32;
            break;
        case 842:               /* btint8cmp */
            key->fastcmp = SORTKEY_CMP_INT64;
            break;
        case 356:               /* btoidcmp */
            key->fastcmp = SORTKEY_CMP_OID;
            break;
        default:
            key->fastcmp = SORTKEY_CMP_FMGR;
            break;
    }
    key->fcinfo = palloc0(SizeForFunctionCallInfo(2));
    InitFunctionCallInfoData(*key->fcinfo, &key->cmp, 2, collation, NULL, NULL);
}

#define CMP3(x, y)  (((x) > (y)) - ((x) < (y)))

static inline int
compare_key(SortKeyInfo *key, Datum a, bool anull, Datum b, bool bnull)
{
    int32       cmp;

    if (anull || bnull)
    {
        if (anull && bnull)
            return 0;
        /* NULLs sort as larger than any value unless NULLS FIRST */
        return anull ? (key->nulls_first ? -1 : 1) : (key->nulls_first ? 1 : -1);
    }
    switch (key->fastcmp)
    {
        case SORTKEY_CMP_INT16:
            cmp = CMP3(DatumGetInt16(a), DatumGetInt16(b));
            return key->reverse ? -cmp : cmp;
        case SORTKEY_CMP_INT32:
            cmp = CMP3(DatumGetInt32(a), DatumGetInt32(b));
            return key->reverse ? -cmp : cmp;
        case SORTKEY_CMP_INT64:
            cmp = CMP3(DatumGetInt64(a), DatumGetInt64(b));
            return key->reverse ? -cmp : cmp;
        case SORTKEY_CMP_OID:
            cmp = CMP3(DatumGetObjectId(a), DatumGetObjectId(b));
            return key->reverse ? -cmp : cmp;
        default:
            break;
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

int
CompareSortKey(SortKeyInfo *key, Datum a, bool anull, Datum b, bool bnull)
{
    return compare_key(key, a, anull, b, bnull);
}

/*
 * Layout of a sort-owned tuple chunk: HeapTupleData, t_len bytes of tuple
 * data, then (nkeys - 1) Datums and (nkeys - 1) isnull flags for keys 2..n
 * (by-reference Datums point into the tuple data of the same chunk).
 */
static inline Size
extra_keys_size(Tuplesortstate *state)
{
    return (Size) (state->nkeys - 1) * (sizeof(Datum) + sizeof(bool));
}

static inline Datum *
extra_keys(HeapTuple tup)
{
    return (Datum *) ((char *) tup + HEAPTUPLESIZE + MAXALIGN(tup->t_len));
}

static inline bool *
extra_nulls(Tuplesortstate *state, HeapTuple tup)
{
    return (bool *) (extra_keys(tup) + (state->nkeys - 1));
}

static inline int
compare_tuples(Tuplesortstate *state, const SortTuple *a, const SortTuple *b)
{
    int         c = compare_key(&state->keys[0], a->key1, a->isnull1, b->key1, b->isnull1);
    Datum      *av, *bv;
    bool       *an, *bn;

    if (c != 0 || state->nkeys == 1)
        return c;
    av = extra_keys(a->tuple);
    bv = extra_keys(b->tuple);
    an = extra_nulls(state, a->tuple);
    bn = extra_nulls(state, b->tuple);
    for (int k = 1; k < state->nkeys; k++)
    {
        c = compare_key(&state->keys[k], av[k - 1], an[k - 1], bv[k - 1], bn[k - 1]);
        if (c != 0)
            return c;
    }
    return 0;
}

/*
 * In-place quicksort of SortTuples: Bentley & McIlroy's "Engineering a sort
 * function" (1993) with a presorted check at every level, the algorithm
 * PostgreSQL's qsort uses, so rows that compare equal come out in the same
 * order as there.  No memory beyond the array (libc's qsort may malloc a
 * copy of it, outside work_mem); recursion only on the smaller side, so
 * the stack depth is O(log n).
 */
static inline void
swap_tuples(SortTuple *a, SortTuple *b)
{
    SortTuple   t = *a;

    *a = *b;
    *b = t;
}

static void
swap_ranges(SortTuple *a, SortTuple *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        swap_tuples(&a[i], &b[i]);
}

static SortTuple *
median_of_3(Tuplesortstate *state, SortTuple *a, SortTuple *b, SortTuple *c)
{
    if (compare_tuples(state, a, b) < 0)
        return compare_tuples(state, b, c) < 0 ? b :
            (compare_tuples(state, a, c) < 0 ? c : a);
    return compare_tuples(state, b, c) > 0 ? b :
        (compare_tuples(state, a, c) < 0 ? a : c);
}

static void
sort_tuples(Tuplesortstate *state, SortTuple *a, size_t n)
{
    for (;;)
    {
        SortTuple  *lo, *mid, *hi, *lt_end, *scan_lo, *scan_hi, *gt_start, *end;
        size_t      nless, ngreater, k;
        bool        presorted = true;
        int         r;

        CHECK_FOR_INTERRUPTS();
        if (n < 7)
        {
            /* insertion sort */
            for (size_t i = 1; i < n; i++)
                for (size_t j = i; j > 0 && compare_tuples(state, &a[j - 1], &a[j]) > 0; j--)
                    swap_tuples(&a[j], &a[j - 1]);
            return;
        }
        for (size_t i = 1; i < n; i++)
            if (compare_tuples(state, &a[i - 1], &a[i]) > 0)
            {
                presorted = false;
                break;
            }
        if (presorted)
            return;

        /* pivot: median of 3, or pseudo-median of 9 for large n */
        mid = a + n / 2;
        if (n > 7)
        {
            lo = a;
            hi = a + n - 1;
            if (n > 40)
            {
                size_t      d = n / 8;

                lo = median_of_3(state, lo, lo + d, lo + 2 * d);
                mid = median_of_3(state, mid - d, mid, mid + d);
                hi = median_of_3(state, hi - 2 * d, hi - d, hi);
            }
            mid = median_of_3(state, lo, mid, hi);
        }
        swap_tuples(a, mid);

        /*
         * Partition a[1..n-1] around the pivot a[0]: keys equal to it are
         * parked at both ends, [a+1, lt_end) and (gt_start, a+n-1], and
         * swapped into the middle afterwards.
         */
        lt_end = scan_lo = a + 1;
        scan_hi = gt_start = a + n - 1;
        for (;;)
        {
            while (scan_lo <= scan_hi && (r = compare_tuples(state, scan_lo, a)) <= 0)
            {
                if (r == 0)
                    swap_tuples(lt_end++, scan_lo);
                scan_lo++;
            }
            while (scan_lo <= scan_hi && (r = compare_tuples(state, scan_hi, a)) >= 0)
            {
                if (r == 0)
                    swap_tuples(scan_hi, gt_start--);
                scan_hi--;
            }
            if (scan_lo > scan_hi)
                break;
            swap_tuples(scan_lo++, scan_hi--);
        }
        end = a + n;
        k = Min((size_t) (lt_end - a), (size_t) (scan_lo - lt_end));
        swap_ranges(a, scan_lo - k, k);
        k = Min((size_t) (gt_start - scan_hi), (size_t) (end - gt_start - 1));
        swap_ranges(scan_lo, end - k, k);
        nless = (size_t) (scan_lo - lt_end);
        ngreater = (size_t) (gt_start - scan_hi);

        /* recurse into the smaller side, loop on the larger */
        if (nless <= ngreater)
        {
            if (nless > 1)
                sort_tuples(state, a, nless);
            if (ngreater <= 1)
                return;
            a = end - ngreater;
            n = ngreater;
        }
        else
        {
            if (ngreater > 1)
                sort_tuples(state, end - ngreater, ngreater);
            if (nless <= 1)
                return;
            n = nless;
        }
    }
}

static void
sort_memtuples(Tuplesortstate *state)
{
    sort_tuples(state, state->memtuples, (size_t) state->memtupcount);
}

/* Deform the keys of st->tuple (a chunk laid out as above) once. */
static void
fill_keys(Tuplesortstate *state, SortTuple *st)
{
    st->key1 = heap_getattr(st->tuple, state->keys[0].attno, state->tupDesc, &st->isnull1);
    if (state->nkeys > 1)
    {
        Datum      *vals = extra_keys(st->tuple);
        bool       *nulls = extra_nulls(state, st->tuple);

        for (int k = 1; k < state->nkeys; k++)
            vals[k - 1] = heap_getattr(st->tuple, state->keys[k].attno, state->tupDesc,
                                       &nulls[k - 1]);
    }
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
    tup = MemoryContextAlloc(mcxt, HEAPTUPLESIZE + MAXALIGN(len) + extra_keys_size(state));
    tup->t_len = len;
    tup->t_data = (HeapTupleHeader) ((char *) tup + HEAPTUPLESIZE);
    ItemPointerSetInvalid(&tup->t_self);
    tup->t_tableOid = InvalidOid;
    if (BufFileRead(file, tup->t_data, len) != len)
        ereport(ERROR,
                (errcode(ERRCODE_DATA_CORRUPTED),
                 errmsg("unexpected end of data in sort temporary file")));
    st->tuple = tup;
    fill_keys(state, st);
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
        if (list_length(state->levels[level]) < state->mergeOrder || level == MAX_LEVELS - 1)
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
    state->mergeOrder = (int) Min((Size) MAX_MERGE_ORDER,
                                  Max((Size) MIN_MERGE_ORDER,
                                      state->workMemBytes / (2 * BLCKSZ)));
    state->sortcontext = AllocSetContextCreate(CurrentMemoryContext, "TupleSort");
    /* small blocks: the context's allocated size is what the budget checks */
    MemoryContextLimitBlockSize(state->sortcontext, state->workMemBytes);
    state->mergecontext = AllocSetContextCreate(CurrentMemoryContext, "TupleSortMerge");
    MemoryContextLimitBlockSize(state->mergecontext, state->workMemBytes);
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
        /*
         * The pointer array counts against work_mem too; it may take at most
         * half of it, so that the tuples get the other half (long runs).
         */
        if (sizeof(SortTuple) * (Size) state->memtupsize * 2 > state->workMemBytes / 2 &&
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
    if (state->nkeys > 1)
    {
        /* room for the deformed keys behind the data (often already slack) */
        Assert((char *) st->tuple->t_data == (char *) st->tuple + HEAPTUPLESIZE);
        st->tuple = repalloc(st->tuple, HEAPTUPLESIZE + MAXALIGN(st->tuple->t_len) +
                             extra_keys_size(state));
        st->tuple->t_data = (HeapTupleHeader) ((char *) st->tuple + HEAPTUPLESIZE);
    }
    fill_keys(state, st);
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
        if (remaining <= state->mergeOrder)
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
