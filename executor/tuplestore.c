/*-------------------------------------------------------------------------
 * tuplestore.c
 *    Tuple store (see tuplestore.h).
 *
 *    In memory: tuples are copied into storecontext, pointers in an
 *    array.  When the context passes workMem, every tuple so far is
 *    written to a BufFile, the context is reset, and all later tuples go
 *    straight to the file.  Reading from the file uses one tuple buffer in
 *    readcontext, reset per tuple, so memory stays bounded on disk too.
 *    Writes after reading has begun are not supported (not needed yet).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/tuplestore.h"
#include "storage/buffile.h"

struct Tuplestorestate
{
    Size        workMemBytes;
    MemoryContext storecontext;
    MemoryContext readcontext;
    HeapTuple  *memtuples;
    int64       memtupcount;
    int64       memtupsize;
    int64       readpos;
    int64       count;
    BufFile    *file;
    bool        reading;
    /* on disk: byte offset of every TS_CHECKPOINT_EVERY-th tuple, for
     * random access (n/16 entries: 0.5 byte per row) */
    uint64      filebytes;
    uint64     *checkpoints;        /* in indexcontext */
    MemoryContext indexcontext;
    int64       ncheckpoints;
    int64       maxcheckpoints;
};

#define TS_CHECKPOINT_EVERY 16

Tuplestorestate *
tuplestore_begin(int workMem)
{
    Tuplestorestate *state = palloc0(sizeof(Tuplestorestate));

    state->workMemBytes = (Size) workMem * 1024;
    state->storecontext = AllocSetContextCreate(CurrentMemoryContext, "TupleStore");
    state->readcontext = AllocSetContextCreate(CurrentMemoryContext, "TupleStoreRead");
    state->indexcontext = AllocSetContextCreate(CurrentMemoryContext, "TupleStoreIndex");
    state->memtupsize = 256;
    state->memtuples = MemoryContextAllocHuge(state->storecontext,
                                              sizeof(HeapTuple) * (Size) state->memtupsize);
    return state;
}

static void
write_tuple_raw(BufFile *file, HeapTuple tup)
{
    uint32      len = tup->t_len;

    BufFileWrite(file, &len, sizeof(len));
    BufFileWrite(file, tup->t_data, len);
}

/* Append tuple number `tupno` (0-based) to the file, noting checkpoints. */
static void
write_tuple_at(Tuplestorestate *state, HeapTuple tup, int64 tupno)
{
    if (tupno % TS_CHECKPOINT_EVERY == 0)
    {
        if (state->ncheckpoints == state->maxcheckpoints)
        {
            state->maxcheckpoints = Max(64, state->maxcheckpoints * 2);
            state->checkpoints = state->checkpoints == NULL ?
                MemoryContextAlloc(state->indexcontext,
                                   sizeof(uint64) * (Size) state->maxcheckpoints) :
                repalloc(state->checkpoints, sizeof(uint64) * (Size) state->maxcheckpoints);
        }
        state->checkpoints[state->ncheckpoints++] = state->filebytes;
    }
    write_tuple_raw(state->file, tup);
    state->filebytes += sizeof(uint32) + tup->t_len;
}

static void
spill_to_disk(Tuplestorestate *state)
{
    state->file = BufFileCreateTemp();
    for (int64 i = 0; i < state->memtupcount; i++)
        write_tuple_at(state, state->memtuples[i], i);
    MemoryContextReset(state->storecontext);
    state->memtuples = NULL;
    state->memtupcount = 0;
}

/* Append a tuple that lives in the store's own memory (or is written out). */
static void
append_owned(Tuplestorestate *state, HeapTuple tup)
{
    if (state->memtupcount == state->memtupsize)
    {
        MemoryContext old = MemoryContextSwitchTo(state->storecontext);

        state->memtupsize *= 2;
        state->memtuples = repalloc(state->memtuples, sizeof(HeapTuple) * (Size) state->memtupsize);
        MemoryContextSwitchTo(old);
    }
    state->memtuples[state->memtupcount++] = tup;
    if (MemoryContextMemAllocated(state->storecontext, false) > state->workMemBytes)
        spill_to_disk(state);
}

void
tuplestore_puttupleslot(Tuplestorestate *state, TupleTableSlot *slot)
{
    MemoryContext old;
    HeapTuple   tup;

    if (state->reading)
        elog(ERROR, "cannot append to a tuplestore that is being read");
    state->count++;
    if (state->file)
    {
        old = MemoryContextSwitchTo(state->readcontext);
        tup = ExecCopySlotHeapTuple(slot);
        write_tuple_at(state, tup, state->count - 1);
        MemoryContextSwitchTo(old);
        MemoryContextReset(state->readcontext);
        return;
    }
    old = MemoryContextSwitchTo(state->storecontext);
    tup = ExecCopySlotHeapTuple(slot);
    MemoryContextSwitchTo(old);
    append_owned(state, tup);
}

void
tuplestore_puttuple(Tuplestorestate *state, HeapTuple tuple)
{
    MemoryContext old;

    if (state->reading)
        elog(ERROR, "cannot append to a tuplestore that is being read");
    state->count++;
    if (state->file)
    {
        write_tuple_at(state, tuple, state->count - 1);
        return;
    }
    old = MemoryContextSwitchTo(state->storecontext);
    tuple = heap_copytuple(tuple);
    MemoryContextSwitchTo(old);
    append_owned(state, tuple);
}

bool
tuplestore_gettupleslot(Tuplestorestate *state, TupleTableSlot *slot)
{
    if (!state->reading)
        tuplestore_rescan(state);
    if (state->file == NULL)
    {
        if (state->readpos >= state->memtupcount)
        {
            ExecClearTuple(slot);
            return false;
        }
        ExecStoreHeapTuple(state->memtuples[state->readpos++], slot, false);
        return true;
    }
    {
        uint32      len;
        HeapTuple   tup;

        ExecClearTuple(slot);
        MemoryContextReset(state->readcontext);
        if (BufFileRead(state->file, &len, sizeof(len)) != sizeof(len))
            return false;
        tup = MemoryContextAlloc(state->readcontext, HEAPTUPLESIZE + len);
        tup->t_len = len;
        tup->t_data = (HeapTupleHeader) ((char *) tup + HEAPTUPLESIZE);
        ItemPointerSetInvalid(&tup->t_self);
        tup->t_tableOid = InvalidOid;
        if (BufFileRead(state->file, tup->t_data, len) != len)
            ereport(ERROR,
                    (errcode(ERRCODE_DATA_CORRUPTED),
                     errmsg("unexpected end of data in tuplestore temporary file")));
        state->readpos++;
        ExecStoreHeapTuple(tup, slot, false);
        return true;
    }
}

/*
 * Random access for window partitions: the tuple at 0-based position pos
 * into slot (valid until the next read); false if there is none.  In
 * memory this is an array index; on disk the file is read forward from
 * the current position, or from the start when pos lies behind it.
 */
bool
tuplestore_gettupleslot_at(Tuplestorestate *state, int64 pos, TupleTableSlot *slot)
{
    if (pos < 0 || pos >= state->count)
    {
        ExecClearTuple(slot);
        return false;
    }
    if (!state->reading)
        tuplestore_rescan(state);
    if (state->file != NULL &&
        (pos < state->readpos || pos - state->readpos > TS_CHECKPOINT_EVERY))
    {
        /* jump to the checkpoint at or before pos */
        int64       cp = pos / TS_CHECKPOINT_EVERY;

        BufFileSeek(state->file, state->checkpoints[cp]);
        state->readpos = cp * TS_CHECKPOINT_EVERY;
    }
    if (state->file == NULL)
    {
        state->readpos = pos + 1;
        ExecStoreHeapTuple(state->memtuples[pos], slot, false);
        return true;
    }
    while (state->readpos <= pos)
    {
        CHECK_FOR_INTERRUPTS();
        if (!tuplestore_gettupleslot(state, slot))
            return false;
    }
    return true;
}

void
tuplestore_rescan(Tuplestorestate *state)
{
    state->reading = true;
    state->readpos = 0;
    if (state->file)
        BufFileRewind(state->file);
}

int64
tuplestore_tuple_count(Tuplestorestate *state)
{
    return state->count;
}

bool
tuplestore_on_disk(Tuplestorestate *state)
{
    return state->file != NULL;
}

void
tuplestore_end(Tuplestorestate *state)
{
    BufFileClose(state->file);
    MemoryContextDelete(state->storecontext);
    MemoryContextDelete(state->readcontext);
    MemoryContextDelete(state->indexcontext);
}
