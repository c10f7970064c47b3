/*-------------------------------------------------------------------------
 * execIndexing.h
 *    Maintaining a table's indexes when the executor writes heap tuples
 *    (executor/execIndexing.c).
 *-------------------------------------------------------------------------
 */
#ifndef EXECINDEXING_H
#define EXECINDEXING_H

#include "executor/execnodes.h"

/*
 * Insert the index entries for the new heap tuple in slot (stored at tid)
 * into every index of rri's relation, checking uniqueness where the index
 * is unique (ERROR 23505).  Opens the indexes on first use
 * (RowExclusiveLock, kept to the end of the transaction).  Called after
 * heap_insert and after heap_update: every new row version gets entries
 * (there are no HOT updates).
 */
extern void ExecInsertIndexTuples(ResultRelInfo *rri, TupleTableSlot *slot, ItemPointer tid);
/*
 * INSERT ... ON CONFLICT (the protocol is in execIndexing.c's header).
 * arbiters: OIDs of the arbiter indexes, NIL for every unique index (DO
 * NOTHING without a conflict target); read on the first call of the
 * statement only.  Either finds a live row with an equal key in an
 * arbiter index and returns false with *conflictTid set to it (nothing is
 * stored), or heap_inserts tup (the row in slot) as command cid, adds
 * every index entry and returns true with slot->tts_tid set.  Waits for
 * in-progress inserters/deleters of equal keys.  A duplicate in a
 * non-arbiter unique index is ERROR 23505.
 */
extern bool ExecSpeculativeInsert(ResultRelInfo *rri, List *arbiters, TupleTableSlot *slot,
                                  HeapTuple tup, CommandId cid, ItemPointer conflictTid);
/* Unpin the indexes opened by ExecInsertIndexTuples (ExecEndModifyTable). */
extern void ExecCloseIndices(ResultRelInfo *rri);

#endif
