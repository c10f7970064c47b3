/*-------------------------------------------------------------------------
 * tuplesort.h
 *    Sorting tuples within a memory budget: in memory while the tuples fit
 *    in workMem kB, otherwise as sorted runs on temp files merged at the
 *    end (external merge sort).  Used by Sort, sorted Agg, DISTINCT.
 *
 *    Protocol: begin -> puttupleslot* -> performsort -> gettupleslot* -> end.
 *-------------------------------------------------------------------------
 */
#ifndef TUPLESORT_H
#define TUPLESORT_H

#include "executor/tuptable.h"
#include "procs/fmgr.h"

typedef struct Tuplesortstate Tuplesortstate;

/* One sort key: column (1-based), ordering operator, collation, NULLS FIRST. */
extern Tuplesortstate *tuplesort_begin_heap(TupleDesc tupDesc, int nkeys,
                                            const int16 *attNums, const Oid *sortOperators,
                                            const Oid *sortCollations, const bool *nullsFirstFlags,
                                            int workMem);
extern void tuplesort_puttupleslot(Tuplesortstate *state, TupleTableSlot *slot);
extern void tuplesort_performsort(Tuplesortstate *state);
/* Next tuple into slot (owned by the sort, valid until the next call); false at end. */
extern bool tuplesort_gettupleslot(Tuplesortstate *state, TupleTableSlot *slot);
extern void tuplesort_rescan(Tuplesortstate *state);
extern void tuplesort_end(Tuplesortstate *state);
extern bool tuplesort_used_disk(Tuplesortstate *state);

/* Sort-key comparison shared with grouping code: cmp proc for an ordering operator. */
typedef struct SortKeyInfo
{
    int16       attno;          /* 1-based */
    bool        reverse;        /* DESC: the operator is '>' */
    bool        nulls_first;
    Oid         collation;
    FmgrInfo    cmp;            /* btree comparison support function */
    FunctionCallInfo fcinfo;
    int         fastcmp;        /* SORTKEY_CMP_*: inline compare, skipping fmgr */
} SortKeyInfo;

/* Comparison procs CompareSortKey evaluates inline (same results as the proc). */
#define SORTKEY_CMP_FMGR    0
#define SORTKEY_CMP_INT16   1   /* btint2cmp */
#define SORTKEY_CMP_INT32   2   /* btint4cmp */
#define SORTKEY_CMP_INT64   3   /* btint8cmp */
#define SORTKEY_CMP_OID     4   /* btoidcmp */

extern void PrepareSortKey(SortKeyInfo *key, int16 attno, Oid sortop, Oid collation,
                           bool nulls_first);
extern int  CompareSortKey(SortKeyInfo *key, Datum a, bool anull, Datum b, bool bnull);

#endif
