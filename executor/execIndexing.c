/*-------------------------------------------------------------------------
 * execIndexing.c
 *    Index maintenance for the executor's heap writes: after ModifyTable
 *    stores a new heap tuple (INSERT, or the new version of an UPDATE),
 *    ExecInsertIndexTuples adds its entry to every index of the table.
 *
 *    The table's indexes (RelationData.rd_indexlist, filled by the
 *    relation cache) are opened once per result relation, on the first
 *    row, with RowExclusiveLock, and stay open until ExecCloseIndices at
 *    the end of the statement.  Key values are the table columns named by
 *    rd_index->heapattnos, read from the slot (no expression indexes).
 *    Uniqueness is the access method's job (btinsert with
 *    UNIQUE_CHECK_YES), checked immediately, row by row, as PostgreSQL
 *    does for non-deferrable constraints.
 *
 *    Speculative insertion (INSERT ... ON CONFLICT, ExecSpeculativeInsert).
 *    The row must go in only if no arbiter index holds an equal key of a
 *    live row, and that decision must still be true when its entries
 *    land.  PostgreSQL inserts the heap tuple with a speculative token,
 *    inserts the index entries, re-checks, and on a lost race
 *    "super-deletes" the tuple and starts over.  Basalt's B-tree inserters
 *    are serialized per index by the tree lock (storage/nbtree.c), which
 *    makes a simpler protocol correct:
 *
 *      1. take the tree lock of every arbiter index, in OID order (the
 *         order of rd_indexlist; nobody else holds two tree locks, so
 *         there is no lock-order cycle);
 *      2. look each arbiter up for an equal key whose heap tuple is live
 *         to a dirty snapshot.  One being inserted or deleted by an
 *         in-progress transaction: release every tree lock, wait for that
 *         transaction (XactLockTableWait), go back to 1.  A live one:
 *         release the locks and report its TID (the caller skips the row
 *         or updates that one);
 *      3. no conflict: heap_insert, then the arbiter entries, still under
 *         the locks; release them; then the other indexes' entries, with
 *         the ordinary check (a duplicate there is 23505, as PostgreSQL).
 *
 *    INVARIANT: between the check in 2 and the entries in 3, no other
 *    backend can insert into an arbiter index (it needs the tree lock we
 *    hold), so no committed or in-progress equal key can appear unseen;
 *    a speculative row therefore never has to be taken back.  Under the
 *    tree locks we wait only for heap page content locks and the heap's
 *    extension lock (lock order: tree locks, then heap pages, as every
 *    B-tree inserter), never for a transaction, and no other backend
 *    holds two tree locks, so no deadlock involves these locks.
 *    Rows of our own transaction, this command included, are live to the
 *    dirty snapshot: a second proposed row with the same key conflicts
 *    with the first, as in PostgreSQL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execIndexing.h"
#include "catalog/relcache.h"
#include "storage/lmgr.h"
#include "storage/nbtree.h"
#include "storage/xact.h"

static void
open_indices(ResultRelInfo *rri)
{
    Relation    heap = rri->ri_RelationDesc;
    List       *oids = heap->rd_indexlist;
    int         n = list_length(oids);
    int         i = 0;
    ListCell   *lc;

    rri->ri_IndexRelationDescs = n > 0 ? palloc_array(Relation, n) : NULL;
    foreach(lc, oids)
        rri->ri_IndexRelationDescs[i++] = relation_open(lfirst_oid(lc), RowExclusiveLock);
    rri->ri_NumIndices = n;
    rri->ri_IndicesOpened = true;
}

/* The key values of index for the row in slot. */
static RelationIndexData *
index_key_values(Relation index, TupleTableSlot *slot, Datum *values, bool *isnull)
{
    RelationIndexData *rd = index->rd_index;

    if (rd == NULL)
        elog(ERROR, "\"%s\" is not an index", RelationGetRelationName(index));
    for (int k = 0; k < rd->nkeyatts; k++)
        values[k] = slot_getattr(slot, rd->heapattnos[k], &isnull[k]);
    return rd;
}

/* Entries for the row at tid in every index (but the arbiters if skip_arbiters). */
static void
insert_index_tuples(ResultRelInfo *rri, TupleTableSlot *slot, ItemPointer tid, bool skip_arbiters)
{
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];
    int         next_arbiter = 0;

    if (!rri->ri_IndicesOpened)
        open_indices(rri);
    for (int i = 0; i < rri->ri_NumIndices; i++)
    {
        Relation    index = rri->ri_IndexRelationDescs[i];
        RelationIndexData *rd;

        if (skip_arbiters && next_arbiter < rri->ri_NumArbiters &&
            rri->ri_ArbiterIndexes[next_arbiter] == i)
        {
            next_arbiter++;
            continue;
        }
        rd = index_key_values(index, slot, values, isnull);
        btinsert(index, values, isnull, tid, rri->ri_RelationDesc,
                 rd->unique ? UNIQUE_CHECK_YES : UNIQUE_CHECK_NO);
    }
}

void
ExecInsertIndexTuples(ResultRelInfo *rri, TupleTableSlot *slot, ItemPointer tid)
{
    insert_index_tuples(rri, slot, tid, false);
}

/*
 * Which of the table's indexes arbitrate (once per statement): the ones
 * in arbiters, or every unique index when arbiters is NIL.  Positions are
 * kept in ascending order, which is OID order (rd_indexlist).
 */
static void
setup_arbiters(ResultRelInfo *rri, List *arbiters)
{
    int         n = 0;

    if (!rri->ri_IndicesOpened)
        open_indices(rri);
    rri->ri_ArbiterIndexes = palloc_array(int, Max(rri->ri_NumIndices, 1));
    rri->ri_ArbiterLocks = palloc_array(Buffer, Max(rri->ri_NumIndices, 1));
    for (int i = 0; i < rri->ri_NumIndices; i++)
    {
        Relation    index = rri->ri_IndexRelationDescs[i];
        bool        arbiter = arbiters == NIL ? (index->rd_index && index->rd_index->unique)
            : list_member_oid(arbiters, RelationGetRelid(index));

        if (arbiter)
            rri->ri_ArbiterIndexes[n++] = i;
    }
    rri->ri_NumArbiters = n;
}

static void
unlock_arbiters(ResultRelInfo *rri, int nlocked)
{
    for (int k = nlocked - 1; k >= 0; k--)
        btunlockforinsert(rri->ri_ArbiterLocks[k]);
}

bool
ExecSpeculativeInsert(ResultRelInfo *rri, List *arbiters, TupleTableSlot *slot,
                      HeapTuple tup, CommandId cid, ItemPointer conflictTid)
{
    Relation    heap = rri->ri_RelationDesc;
    Datum       values[INDEX_MAX_KEYS];
    bool        isnull[INDEX_MAX_KEYS];

    if (rri->ri_ArbiterIndexes == NULL)
        setup_arbiters(rri, arbiters);
    /* the xid (and its lock) before any tree lock: nothing to wait for under them */
    (void) GetCurrentTransactionId();
    for (;;)
    {
        TransactionId xwait = InvalidTransactionId;
        int         n = rri->ri_NumArbiters;

        CHECK_FOR_INTERRUPTS();
        ItemPointerSetInvalid(conflictTid);
        for (int k = 0; k < n; k++)
            rri->ri_ArbiterLocks[k] =
                btlockforinsert(rri->ri_IndexRelationDescs[rri->ri_ArbiterIndexes[k]]);
        for (int k = 0; k < n; k++)
        {
            Relation    index = rri->ri_IndexRelationDescs[rri->ri_ArbiterIndexes[k]];

            index_key_values(index, slot, values, isnull);
            xwait = btcheckconflict(index, values, isnull, heap, conflictTid);
            if (TransactionIdIsValid(xwait) || ItemPointerIsValid(conflictTid))
                break;
        }
        if (TransactionIdIsValid(xwait))
        {
            unlock_arbiters(rri, n);
            XactLockTableWait(xwait);
            continue;           /* it committed or aborted: look again */
        }
        if (ItemPointerIsValid(conflictTid))
        {
            unlock_arbiters(rri, n);
            return false;
        }

        /* no conflict, and none can appear while we hold the tree locks */
        heap_insert(heap, tup, cid);
        slot->tts_tid = tup->t_self;
        for (int k = 0; k < n; k++)
        {
            Relation    index = rri->ri_IndexRelationDescs[rri->ri_ArbiterIndexes[k]];

            index_key_values(index, slot, values, isnull);
            btinsertlocked(index, values, isnull, &tup->t_self, heap);
        }
        unlock_arbiters(rri, n);
        insert_index_tuples(rri, slot, &tup->t_self, true);
        return true;
    }
}

void
ExecCloseIndices(ResultRelInfo *rri)
{
    if (!rri->ri_IndicesOpened)
        return;
    for (int i = 0; i < rri->ri_NumIndices; i++)
        relation_close(rri->ri_IndexRelationDescs[i], NoLock);
    if (rri->ri_IndexRelationDescs)
        pfree(rri->ri_IndexRelationDescs);
    rri->ri_IndexRelationDescs = NULL;
    rri->ri_ArbiterIndexes = NULL;
    rri->ri_NumArbiters = 0;
    rri->ri_NumIndices = 0;
    rri->ri_IndicesOpened = false;
}
