/*-------------------------------------------------------------------------
 * tuplestore.h
 *    An append-then-read store of tuples that keeps them in memory up to
 *    workMem kB and moves them all to a temp file past that.  Read
 *    sequentially, any number of times (rescan).  Used by Material and,
 *    later, CTE scans, window functions and cursors.
 *-------------------------------------------------------------------------
 */
#ifndef TUPLESTORE_H
#define TUPLESTORE_H

#include "executor/tuptable.h"

typedef struct Tuplestorestate Tuplestorestate;

extern Tuplestorestate *tuplestore_begin(int workMem);
extern void tuplestore_puttupleslot(Tuplestorestate *state, TupleTableSlot *slot);
/* Append a copy of a formed tuple. */
extern void tuplestore_puttuple(Tuplestorestate *state, HeapTuple tuple);
/* Next tuple into slot (valid until the next call); false at end. */
extern bool tuplestore_gettupleslot(Tuplestorestate *state, TupleTableSlot *slot);
/* The tuple at 0-based position pos (random access; window partitions). */
extern bool tuplestore_gettupleslot_at(Tuplestorestate *state, int64 pos, TupleTableSlot *slot);
extern void tuplestore_rescan(Tuplestorestate *state);
extern int64 tuplestore_tuple_count(Tuplestorestate *state);
extern bool tuplestore_on_disk(Tuplestorestate *state);
extern void tuplestore_end(Tuplestorestate *state);

#endif
