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
/* Unpin the indexes opened by ExecInsertIndexTuples (ExecEndModifyTable). */
extern void ExecCloseIndices(ResultRelInfo *rri);

#endif
