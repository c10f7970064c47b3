/*-------------------------------------------------------------------------
 * nodeAgg_private.h
 *    What nodeAgg.c (aggregate state, transition and final functions,
 *    plain/sorted/hashed grouping) and nodeAgg_sets.c (GROUPING SETS)
 *    share.  Private to those two files.
 *
 * Grouping sets keep, per aggregate, one transition state per set of the
 * current phase (AggSetsState.pergroups, set s at [s * numaggs]) and one
 * memory context per set; AggState.aggcontext always points at the
 * context of the set being advanced or finalized, which is what
 * AggCheckCallContext hands to transition functions.
 *-------------------------------------------------------------------------
 */
#ifndef NODEAGG_PRIVATE_H
#define NODEAGG_PRIVATE_H

#include "executor/execnodes.h"
#include "executor/tuplesort.h"

typedef struct AggStatePerAggData
{
    Aggref     *aggref;
    int         numInputs;
    FmgrInfo    transfn;
    FunctionCallInfo transfn_fcinfo;    /* args[0] = state, then inputs */
    bool        has_finalfn;
    FmgrInfo    finalfn;
    FunctionCallInfo finalfn_fcinfo;
    int         numFinalArgs;
    Oid         transtype;
    int16       transtypeLen;
    bool        transtypeByVal;
    Datum       initValue;              /* in the query context */
    bool        initValueIsNull;
    ExprState **argstates;              /* every argument, ORDER BY columns included */
    ExprState  *filter;

    /*
     * DISTINCT / ORDER BY inside the call: the group's argument rows are
     * collected in a tuplesort (spilling past work_mem), one per grouping
     * set (one without sets), allocated in that set's aggcontext, and fed
     * to the transition function in order when the group is finalized.
     */
    bool        sorted_input;
    int         numArgs;                /* all arguments (resjunk ORDER BY ones too) */
    int         numSortCols;
    int16      *sortColIdx;             /* 1-based positions in the argument row */
    Oid        *sortOperators;
    Oid        *sortCollations;
    bool       *sortNullsFirst;
    int         numDistinctCols;        /* 0 unless DISTINCT: the leading sort columns */
    FmgrInfo   *distinctEq;
    Oid        *distinctCollations;
    TupleDesc   sortdesc;
    TupleTableSlot *sortslot;           /* argument row in / sorted row out */
    TupleTableSlot *prevslot;           /* DISTINCT: the previous distinct row */
    Tuplesortstate **sortstates;        /* per set: the current group's rows, or NULL */
} AggStatePerAggData;

typedef struct AggStatePerGroupData
{
    Datum       transValue;
    bool        transValueIsNull;
    bool        noTransValue;           /* strict transfn, NULL initval, no input yet */
} AggStatePerGroupData;

/* One rollup phase: a sort order and the grouping sets that are its prefixes. */
typedef struct AggSetsPhase
{
    int         numsets;
    int        *setlen;                 /* per set: leading key columns grouped (largest first) */
    bool      **grouped;                /* per set: [attno] is that input column grouped? */
    int         numCols;                /* key columns */
    int16      *grpColIdx;
    Oid        *grpCollations;
    FmgrInfo   *eqfunctions;
    /* the order this phase's input is sorted in (phases > 0 sort it themselves) */
    Oid        *sortOperators;
    bool       *sortNullsFirst;
} AggSetsPhase;

typedef struct AggSetsState
{
    int         nphases;
    AggSetsPhase *phases;
    int         maxsets;                /* most sets in one phase */
    int         natts;                  /* input columns */
    bool       *anygrouped;             /* [attno]: grouped in some set (NULLed where not) */
    MemoryContext *aggcontexts;         /* per set of the current phase */
    AggStatePerGroup pergroups;         /* maxsets * numaggs transition states */
    MemoryContext sortcontext;          /* the phase sorts below */
    Tuplesortstate *sort_in;            /* rows for the next phase, or NULL */
    Tuplesortstate *sort_out;           /* this phase's input (phase > 0) */
    TupleTableSlot *sort_slot;          /* a row read from sort_out */
    TupleTableSlot *proj_slot;          /* representative row, non-grouped columns NULL */
    TupleTableSlot *null_slot;          /* all NULL: empty sets over empty input */

    /* run state */
    int         cur_phase;
    bool        phase_started;
    bool        phase_has_rows;
    bool        phase_input_done;
    int         emit_next;              /* sets [emit_next, emit_end) have ended groups */
    int         emit_end;
    TupleTableSlot *emit_rep;           /* their representative row */
    int         pending_reset;          /* set whose row was returned last (reset next), or -1 */
} AggSetsState;

/* nodeAgg.c */
extern void agg_initialize_group(AggState *aggstate, AggStatePerGroup pergroup);
extern void agg_advance_sets(AggState *aggstate, AggStatePerGroup pergroups, int nsets,
                             MemoryContext *contexts);
extern void agg_finalize_group(AggState *aggstate, AggStatePerGroup pergroup, int setno);
extern TupleTableSlot *agg_project_group(AggState *aggstate, TupleTableSlot *representative);

/* nodeAgg_sets.c */
extern int  ExecAggSetsMaxSets(Agg *node);
extern void ExecInitAggSets(AggState *aggstate, Agg *node);
extern TupleTableSlot *ExecAggSetsRetrieve(AggState *aggstate);
extern void ExecEndAggSets(AggState *aggstate);
extern void ExecReScanAggSets(AggState *aggstate);

#endif
