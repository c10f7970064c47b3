/*-------------------------------------------------------------------------
 * execnodes.h
 *    Executor run-time state: EState (per query), ExprContext (per node,
 *    owns the per-tuple memory context), ExprState (a compiled expression
 *    program) and one PlanState subtype per plan node.
 *
 *    Each PlanState is an explicit state machine driven by ExecProcNode():
 *    it returns the next output slot, or NULL at end of data.  Nodes
 *    reset their ExprContext's per-tuple memory at the top of each cycle,
 *    so nothing allocated while computing one row survives to the next.
 *-------------------------------------------------------------------------
 */
#ifndef EXECNODES_H
#define EXECNODES_H

#include "executor/tuptable.h"
#include "executor/dest.h"
#include "planner/plannodes.h"
#include "planner/params.h"
#include "procs/fmgr.h"
#include "procs/funcapi.h"
#include "storage/heapam.h"

struct ExprEvalStep;
struct PlanState;

/* ---------------------------------------------------------------- ExprState
 * A compiled expression: a flat array of steps interpreted by
 * ExecInterpExpr (executor/execExprInterp.c).  Built once per plan node by
 * ExecInitExpr/ExecInitQual/ExecBuildProjectionInfo (execExpr.c).
 */
typedef struct ExprState
{
    NodeTag     type;
    int         flags;
    bool        resnull;        /* result of the whole expression */
    Datum       resvalue;
    TupleTableSlot *resultslot; /* projections write here */
    struct ExprEvalStep *steps;
    int         steps_len;
    int         steps_alloc;
    struct PlanState *parent;
    ParamListInfo ext_params;
    Expr       *expr;           /* original tree, for debugging */
} ExprState;

#define EEO_FLAG_IS_QUAL 0x01

typedef struct ExprContext
{
    NodeTag     type;
    TupleTableSlot *ecxt_scantuple;
    TupleTableSlot *ecxt_innertuple;
    TupleTableSlot *ecxt_outertuple;
    MemoryContext ecxt_per_query_memory;
    MemoryContext ecxt_per_tuple_memory;
    ParamListInfo ecxt_param_list_info;
    struct ParamExecData *ecxt_param_exec_vals;
    Datum      *ecxt_aggvalues;     /* Agg: finalized aggregate values */
    bool       *ecxt_aggnulls;
    struct EState *ecxt_estate;
} ExprContext;

#define ResetExprContext(econtext) MemoryContextReset((econtext)->ecxt_per_tuple_memory)

typedef struct ParamExecData
{
    void       *execPlan;       /* SubPlanState to run to compute it, or NULL */
    Datum       value;
    bool        isnull;
} ParamExecData;

typedef struct ProjectionInfo
{
    ExprState   pi_state;       /* writes into pi_state.resultslot */
    ExprContext *pi_exprContext;
} ProjectionInfo;

/* One result relation of INSERT/UPDATE/DELETE. */
typedef struct ResultRelInfo
{
    int         ri_RangeTableIndex;
    Relation    ri_RelationDesc;
    /* its indexes, opened on first use (executor/execIndexing.c) */
    bool        ri_IndicesOpened;
    int         ri_NumIndices;
    Relation   *ri_IndexRelationDescs;
    /* INSERT ... ON CONFLICT: positions of the arbiter indexes in
     * ri_IndexRelationDescs (ExecSpeculativeInsert; NULL until set) */
    int         ri_NumArbiters;
    int        *ri_ArbiterIndexes;
    Buffer     *ri_ArbiterLocks;    /* their tree locks while held */
} ResultRelInfo;

typedef struct EState
{
    NodeTag     type;
    ScanDirection es_direction;
    Snapshot    es_snapshot;
    List       *es_range_table;
    Relation   *es_relations;       /* opened relations, by rtable index - 1 */
    int         es_range_table_size;
    PlannedStmt *es_plannedstmt;
    const char *es_sourceText;
    ResultRelInfo *es_result_relation_info;
    CommandId   es_output_cid;
    ParamListInfo es_param_list_info;
    ParamExecData *es_param_exec_vals;
    MemoryContext es_query_cxt;     /* everything of this query lives here */
    List       *es_tupleTable;      /* slots to drop at end */
    uint64      es_processed;
    List       *es_exprcontexts;
    List       *es_subplanstates;   /* PlanState per PlannedStmt.subplans entry */
    int         es_top_eflags;
    List       *es_fkstates;        /* foreign-key work for ExecutorFinish (execForeignKeys.c) */
} EState;

#define EXEC_FLAG_EXPLAIN_ONLY 0x0001
#define EXEC_FLAG_REWIND       0x0002
#define EXEC_FLAG_BACKWARD     0x0004
#define EXEC_FLAG_MARK         0x0008
#define EXEC_FLAG_INSTRUMENT   0x0010   /* EXPLAIN ANALYZE: per-node counters */
#define EXEC_FLAG_INSTRUMENT_TIMER 0x0020   /* ... and timing (TIMING on) */

typedef TupleTableSlot *(*ExecProcNodeMtd) (struct PlanState *pstate);

typedef struct PlanState
{
    NodeTag     type;
    Plan       *plan;
    EState     *state;
    ExecProcNodeMtd ExecProcNode;
    ExprState  *qual;
    struct PlanState *lefttree;
    struct PlanState *righttree;
    List       *initPlan;           /* SubPlanState list */
    List       *subPlan;
    TupleTableSlot *ps_ResultTupleSlot;
    ExprContext *ps_ExprContext;
    ProjectionInfo *ps_ProjInfo;
    TupleDesc   ps_ResultTupleDesc;
    bool        chgParam;           /* a parameter changed: rescan needed */
    /* EXPLAIN ANALYZE only (executor/instrument.h); NULL otherwise */
    struct Instrumentation *instrument;
    ExecProcNodeMtd ExecProcNodeReal;   /* the node's own method, wrapped */
} PlanState;

#define outerPlanState(node) (((PlanState *) (node))->lefttree)
#define innerPlanState(node) (((PlanState *) (node))->righttree)

static inline TupleTableSlot *
ExecProcNode(PlanState *node)
{
    return node->ExecProcNode(node);
}

/* ---------------------------------------------------------------- nodes */

typedef struct ResultState
{
    PlanState   ps;
    ExprState  *resconstantqual;
    bool        rs_done;
    bool        rs_checkqual;
} ResultState;

typedef struct ScanState
{
    PlanState   ps;
    Relation    ss_currentRelation;
    HeapScanDesc ss_currentScanDesc;
    TupleTableSlot *ss_ScanTupleSlot;
} ScanState;

typedef ScanState SeqScanState;

/* IndexScan (executor/nodeIndexscan.c) */
typedef struct IndexScanState
{
    ScanState   ss;                 /* ss_currentScanDesc unused */
    Relation    iss_RelationDesc;   /* the index */
    struct BTScanDescData *iss_ScanDesc;
    int         iss_NumScanKeys;
    struct ScanKeyData *iss_ScanKeys;
    ExprState **iss_KeyArgs;        /* per key: its argument (NULL: IS [NOT] NULL) */
    ExprContext *iss_KeyContext;    /* evaluates the arguments */
    MemoryContext iss_KeyMemory;    /* argument values, reset at rescan */
    bool        iss_KeysReady;      /* arguments evaluated for this scan */
    Buffer      iss_CurBuffer;      /* pin on the current heap tuple's page */
    HeapTupleData iss_Tuple;
} IndexScanState;

typedef struct ValuesScanState
{
    ScanState   ss;
    ExprContext *rowcontext;
    List      **exprlists;
    List      **exprstatelists;
    int         array_len;
    int         curr_idx;
} ValuesScanState;

typedef struct SortState
{
    PlanState   ps;
    bool        sort_Done;
    struct Tuplesortstate *tuplesortstate;
} SortState;

typedef struct AggStatePerAggData *AggStatePerAgg;
typedef struct AggStatePerGroupData *AggStatePerGroup;

typedef struct AggState
{
    PlanState   ps;
    List       *aggs;               /* Aggref nodes */
    int         numaggs;
    AggStatePerAgg peragg;
    AggStrategy aggstrategy;
    MemoryContext aggcontext;       /* transition states live here */
    ExprContext *tmpcontext;        /* evaluates aggregate inputs per input row */
    bool        agg_done;
    bool        input_done;
    /* AGG_SORTED */
    TupleTableSlot *grp_firstTuple;
    TupleTableSlot *grp_nextTuple;  /* first row of the next group */
    AggStatePerGroup pergroup;      /* states of the current group (sorted/plain) */
    /* AGG_HASHED */
    struct AggHashTable *hashtable;
    bool        table_filled;
    FmgrInfo   *eqfunctions;        /* per grouping column */
    FmgrInfo   *hashfunctions;
    Size        hash_mem_limit;     /* bytes, from work_mem */
    /* AGG_HASHED past work_mem: rows of new groups go to partition files */
    struct AggHashSpill *hash_spill;    /* the current pass's partitions, or NULL */
    List       *hash_batches;       /* AggHashBatch * still to be aggregated */
    struct AggHashBatch *hash_cur_batch;    /* input of this pass; NULL: the child */
    TupleTableSlot *hash_spill_slot;    /* a row read back from a batch */
    uint64      hash_batches_done;  /* partitions processed (0: no spill) */
    /* GROUPING SETS (executor/nodeAgg_sets.c) */
    int         maxsets;            /* groups aggregated at once (1 without sets) */
    struct AggSetsState *sets;      /* NULL without grouping sets */
    const bool *grp_grouped;        /* GROUPING(): [attno] grouped in the current
                                     * output row's set; NULL: every column */
} AggState;

typedef struct LockRowsState
{
    PlanState   ps;
    Relation   *rels;               /* per PlanRowMark, opened RowShareLock */
} LockRowsState;

typedef struct LimitState
{
    PlanState   ps;
    ExprState  *limitOffset;
    ExprState  *limitCount;
    int64       offset;
    int64       count;
    bool        noCount;
    int64       position;           /* rows returned so far, offset included */
    bool        started;
    bool        done;
    /* WITH TIES: the last counted row, and the ORDER BY keys' equality */
    TupleTableSlot *last_slot;
    FmgrInfo   *eqfunctions;
} LimitState;

typedef struct ModifyTableState
{
    PlanState   ps;
    CmdType     operation;
    bool        mt_done;
    ResultRelInfo *resultRelInfo;
    int         mt_ctid_resno;      /* UPDATE/DELETE: position of the junk ctid */
    ProjectionInfo *returningProj;
    TupleTableSlot *mt_scanslot;    /* the row as written, for RETURNING */
    TupleTableSlot *mt_newslot;     /* the new row built for INSERT/UPDATE */
    struct CheckConstraintState *mt_checks; /* CHECK constraints, compiled at first row */
    struct FKState *mt_fkeys;       /* foreign keys to enforce (execForeignKeys.c), or NULL */
    List       *mt_wcoExprs;        /* ExprState per view WITH CHECK OPTION qual */
    List       *mt_wcoNames;        /* parallel: the views' names */
    ExprContext *mt_wcoContext;
    /* INSERT ... ON CONFLICT DO UPDATE (nodeModifyTable.c) */
    ExprContext *mt_conflictContext;    /* scantuple: existing row; innertuple: EXCLUDED */
    ProjectionInfo *mt_conflictProj;    /* the updated row */
    ExprState  *mt_conflictWhere;       /* DO UPDATE ... WHERE, or NULL */
    TupleTableSlot *mt_existing;        /* the locked conflicting row */
    struct FKState *mt_conflictFKeys;   /* foreign keys its updates must enforce */
} ModifyTableState;

typedef struct NestLoopState
{
    PlanState   ps;
    ExprState  *joinqual;
    bool        nl_NeedNewOuter;
    bool        nl_MatchedOuter;
    TupleTableSlot *nl_NullInnerTupleSlot;
} NestLoopState;

/* The in-memory hash table of a hash join (executor/nodeHash.c). */
typedef struct HashJoinTupleData
{
    struct HashJoinTupleData *next;
    uint32      hashvalue;
    bool        matched;            /* RIGHT/FULL: found a partner */
    HeapTuple   tuple;
} HashJoinTupleData;
typedef HashJoinTupleData *HashJoinTuple;

typedef struct HashJoinTableData
{
    HashJoinTuple *buckets;
    uint32      nbuckets;           /* power of two */
    uint64      ntuples;
    MemoryContext hashCxt;          /* tuples and buckets; bounded by spaceAllowed */
    Size        spaceAllowed;       /* work_mem in bytes */
    int         nkeys;
    bool        keepNulls;          /* keep NULL-key inner rows (RIGHT/FULL joins) */
    FmgrInfo   *outer_hashfunctions;
    FmgrInfo   *inner_hashfunctions;
    Oid        *collations;
} HashJoinTableData;
typedef HashJoinTableData *HashJoinTable;

typedef struct HashState
{
    PlanState   ps;
    HashJoinTable hashtable;
    List       *hashkeys;           /* ExprState list, over the child's output */
} HashState;

typedef enum HashJoinPhase
{
    HJ_BUILD_HASHTABLE,
    HJ_NEED_NEW_OUTER,
    HJ_SCAN_BUCKET,
    HJ_FILL_OUTER_TUPLE,
    HJ_FILL_INNER_TUPLES,
    HJ_DONE
} HashJoinPhase;

typedef struct HashJoinState
{
    PlanState   ps;
    ExprState  *joinqual;
    ExprState  *hashclauses;
    List       *hj_OuterHashKeys;   /* ExprState list */
    HashJoinTable hj_HashTable;
    HashJoinPhase hj_JoinState;
    uint32      hj_CurHashValue;
    HashJoinTuple hj_CurTuple;
    uint32      hj_CurBucketNo;     /* HJ_FILL_INNER_TUPLES scan position */
    bool        hj_MatchedOuter;
    bool        hj_OuterNotEmpty;
    TupleTableSlot *hj_HashTupleSlot;
    TupleTableSlot *hj_NullOuterTupleSlot;
    TupleTableSlot *hj_NullInnerTupleSlot;
    TupleTableSlot *hj_OuterTupleSlot;
} HashJoinState;

typedef struct FunctionScanState
{
    ScanState   ss;
    struct FunctionScanPerFunc *funcs;  /* one per function (ROWS FROM) */
    int         nfuncs;
    struct Tuplestorestate *tstore;     /* the function's rows, materialized */
    bool        filled;
    bool        ordinality;
    int64       ordinal;
    TupleTableSlot *funcslot;           /* a row of tstore (without ordinality) */
} FunctionScanState;

typedef struct ProjectSetState
{
    PlanState   ps;
    int         nelems;
    Node      **elems;                  /* SetExprState or ExprState per column */
    bool       *elem_is_srf;
    ExprDoneCond *elemdone;
    bool        pending_srf_tuples;     /* the current input row may yield more */
    bool        noinput_done;           /* no child: the one pass has been made */
    int         nsrfs;                  /* how many columns are SRFs */
    bool        plain_row_done;         /* nsrfs == 0: this input row was emitted */
} ProjectSetState;

/* A subquery inside an expression (executor/nodeSubplan.c). */
typedef struct SubPlanState
{
    NodeTag     type;
    SubPlan    *subplan;
    PlanState  *planstate;          /* the subquery's plan */
    PlanState  *parent;             /* the node whose expression contains it */
    ExprState  *testexpr;           /* ANY/ALL/ROWCOMPARE comparison */
    List       *args;               /* ExprState per parParam */
} SubPlanState;

/* Append: the children's rows one child after another (executor/nodeAppend.c). */
typedef struct AppendState
{
    PlanState   ps;
    PlanState **appendplans;
    int         as_nplans;
    int         as_whichplan;       /* the child being read */
} AppendState;

typedef struct MaterialState
{
    PlanState   ps;
    struct Tuplestorestate *tuplestore;
    bool        eof_underlying;
} MaterialState;

/* ---------------------------------------------------------------- API */

/* execProcnode.c */
extern PlanState *ExecInitNode(Plan *node, EState *estate, int eflags);
extern void ExecEndNode(PlanState *node);
extern void ExecReScan(PlanState *node);

/* execUtils.c */
extern EState *CreateExecutorState(void);
extern void FreeExecutorState(EState *estate);
extern ExprContext *CreateExprContext(EState *estate);
extern void ExecAssignExprContext(EState *estate, PlanState *planstate);
extern TupleTableSlot *ExecInitExtraTupleSlot(EState *estate, TupleDesc tupdesc);
extern void ExecInitResultTupleSlotTL(PlanState *planstate);
extern void ExecAssignProjectionInfo(PlanState *planstate, TupleDesc inputDesc);
extern void ExecConditionalAssignProjectionInfo(PlanState *planstate, TupleDesc inputDesc, int varno);
extern Relation ExecOpenScanRelation(EState *estate, int scanrelid);
extern TupleDesc ExecGetResultType(PlanState *planstate);

/* execExpr.c: compile */
extern ExprState *ExecInitExpr(Expr *node, PlanState *parent);
extern ExprState *ExecInitExprWithParams(Expr *node, ParamListInfo ext_params);
extern ExprState *ExecInitQual(List *qual, PlanState *parent);
extern ProjectionInfo *ExecBuildProjectionInfo(List *targetList, ExprContext *econtext,
                                               TupleTableSlot *slot, PlanState *parent,
                                               TupleDesc inputDesc);

/* execExprInterp.c: run */
extern Datum ExecInterpExpr(ExprState *state, ExprContext *econtext, bool *isnull);

static inline Datum
ExecEvalExpr(ExprState *state, ExprContext *econtext, bool *isNull)
{
    return ExecInterpExpr(state, econtext, isNull);
}

static inline Datum
ExecEvalExprSwitchContext(ExprState *state, ExprContext *econtext, bool *isNull)
{
    MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
    Datum       d = ExecInterpExpr(state, econtext, isNull);

    MemoryContextSwitchTo(old);
    return d;
}

/* A qual list passes when every condition is true (NULL counts as false). */
static inline bool
ExecQual(ExprState *state, ExprContext *econtext)
{
    bool        isnull;
    Datum       d;

    if (state == NULL)
        return true;
    d = ExecEvalExprSwitchContext(state, econtext, &isnull);
    return !isnull && DatumGetBool(d);
}

static inline TupleTableSlot *
ExecProject(ProjectionInfo *projInfo)
{
    ExprContext *econtext = projInfo->pi_exprContext;
    ExprState  *state = &projInfo->pi_state;
    TupleTableSlot *slot = state->resultslot;
    bool        isnull;

    ExecClearTuple(slot);
    (void) ExecEvalExprSwitchContext(state, econtext, &isnull);
    slot->tts_nvalid = slot->tts_tupleDescriptor->natts;
    slot->tts_empty = false;
    return slot;
}

/* node entry points */
#define DECLARE_NODE(Name, PlanType) \
    extern Name##State *ExecInit##Name(PlanType *node, EState *estate, int eflags); \
    extern void ExecEnd##Name(Name##State *node); \
    extern void ExecReScan##Name(Name##State *node);
DECLARE_NODE(Result, Result)
DECLARE_NODE(SeqScan, SeqScan)
DECLARE_NODE(IndexScan, IndexScan)
DECLARE_NODE(ValuesScan, ValuesScan)
DECLARE_NODE(Sort, Sort)
DECLARE_NODE(Agg, Agg)
DECLARE_NODE(Limit, Limit)
DECLARE_NODE(LockRows, LockRows)
DECLARE_NODE(ModifyTable, ModifyTable)
DECLARE_NODE(NestLoop, NestLoop)
DECLARE_NODE(Material, Material)
DECLARE_NODE(Hash, Hash)
DECLARE_NODE(FunctionScan, FunctionScan)
DECLARE_NODE(ProjectSet, ProjectSet)
DECLARE_NODE(HashJoin, HashJoin)
DECLARE_NODE(Append, Append)
#undef DECLARE_NODE

/* nodeHash.c: build the table of the inner side (called by the hash join) */
extern void MultiExecHash(HashState *node, HashJoinTable hashtable);
extern HashJoinTable ExecHashTableCreate(HashState *node, List *outerKeys,
                                         List *hashCollations);
extern bool ExecHashGetHashValue(HashJoinTable hashtable, ExprContext *econtext,
                                 List *hashkeys, bool outer_tuple, uint32 *hashvalue);

/* nodeSubplan.c */
extern SubPlanState *ExecInitSubPlan(SubPlan *subplan, PlanState *parent);
extern Datum ExecSubPlan(SubPlanState *node, ExprContext *econtext, bool *isNull);
/* Run an initplan and store its output parameters (called lazily). */
extern void ExecSetParamPlan(SubPlanState *node, ExprContext *econtext);
/* Mark a plan subtree as depending on changed parameters before a rescan. */
extern void ExecMarkParamsChanged(PlanState *node);

/* nodeModifyTable.c: INSERT's per-row write (also COPY FROM's, executor/copyfrom.c) */
extern void ExecInsertSlot(ModifyTableState *mtstate, TupleTableSlot *slot);

/* Row description for errors: "(1, null, abc)" as in "Failing row contains". */
extern char *ExecBuildSlotValueDescription(TupleTableSlot *slot);

/* work_mem in kB (backend/guc.c) */
extern int work_mem;

/* ---------------------------------------------------------------- SetOp
 * INTERSECT/EXCEPT [ALL] over sorted, flagged input (executor/nodeSetOp.c). */
typedef struct SetOpState
{
    PlanState   ps;
    FmgrInfo   *eqfunctions;        /* per duplicate column */
    TupleTableSlot *grp_firstTuple; /* first row of the current group */
    TupleTableSlot *grp_nextTuple;  /* row that ended it (first of the next) */
    int64       numOutput;          /* copies of the current row still to emit */
    bool        input_done;
    bool        setop_done;
} SetOpState;

extern SetOpState *ExecInitSetOp(SetOp *node, EState *estate, int eflags);
extern void ExecEndSetOp(SetOpState *node);
extern void ExecReScanSetOp(SetOpState *node);

/* ---------------------------------------------------------------- WindowAgg
 * Window functions over one window clause (executor/nodeWindowAgg.c).
 * The current partition is buffered in a tuplestore; positions are
 * 0-based within it.  funcs is filled while the target list is compiled
 * (execExpr.c gives each distinct WindowFunc a slot of ecxt_aggvalues). */
typedef struct WindowAggState
{
    PlanState   ps;
    List       *funcs;              /* WindowFunc nodes, by wfuncno */
    int         numfuncs;
    struct WindowStatePerFuncData *perfunc;
    FmgrInfo   *partEqfunctions;
    FmgrInfo   *ordEqfunctions;
    struct Tuplestorestate *buffer; /* rows of the current partition */
    int64       spooled_rows;
    int64       currentpos;         /* row being output */
    bool        partition_spooled;
    bool        input_done;         /* the child has returned its last row */
    bool        all_done;
    int64       startOffsetValue;   /* ROWS/GROUPS offsets, per partition */
    int64       endOffsetValue;
    ExprState  *startOffset;
    ExprState  *endOffset;
    int64       groupheadpos;       /* current row's peer group [head, tail) */
    int64       grouptailpos;
    int64       frameheadpos;       /* frame [head, tail) before exclusion */
    int64       frametailpos;
    int         nframeparts;        /* frame after exclusion: up to 3 ranges */
    int64       framepart[3][2];
    MemoryContext partcontext;      /* partition lifetime (local memory) */
    MemoryContext curaggcontext;    /* AggCheckCallContext during a call */
    ExprContext *tmpcontext;        /* window functions' argument evaluation */
    ExprContext *aggtmpcontext;     /* aggregate transition calls */
    TupleTableSlot *first_part_slot;    /* first row of the next partition */
    TupleTableSlot *current_slot;   /* own copy of the current row */
    TupleTableSlot *temp_slot_1;
    TupleTableSlot *temp_slot_2;
    /* RANGE with offsets: in_range functions, offsets (partcontext), and
     * the frame bounds, which only move forward within a partition */
    FmgrInfo    startInRangeFunc;
    FmgrInfo    endInRangeFunc;
    Datum       startOffsetDatum;
    Datum       endOffsetDatum;
    int64       rangeheadpos;
    int64       rangetailpos;
} WindowAggState;

extern WindowAggState *ExecInitWindowAgg(WindowAgg *node, EState *estate, int eflags);
extern void ExecEndWindowAgg(WindowAggState *node);
extern void ExecReScanWindowAgg(WindowAggState *node);

/* ---------------------------------------------------------------- WITH RECURSIVE
 * executor/nodeRecursiveunion.c, executor/nodeWorktablescan.c */
typedef struct RecursiveUnionState
{
    PlanState   ps;
    bool        recursing;          /* the non-recursive term is done */
    bool        intermediate_empty;
    struct Tuplestorestate *working_table;      /* previous iteration's rows */
    struct Tuplestorestate *intermediate_table; /* this iteration's rows */
    /* UNION: the rows returned so far, to drop duplicates */
    FmgrInfo   *eqfunctions;
    FmgrInfo   *hashfunctions;
    struct RUHashEntry **buckets;
    uint32      nbuckets;
    uint64      nentries;
    Size        hash_mem_used;
    MemoryContext tableContext;     /* the hash table and its tuples */
    TupleTableSlot *hashslot;       /* a stored row, for comparison */
} RecursiveUnionState;

typedef struct WorkTableScanState
{
    ScanState   ss;
    RecursiveUnionState *rustate;   /* found through wtParam at first call */
} WorkTableScanState;

extern RecursiveUnionState *ExecInitRecursiveUnion(RecursiveUnion *node, EState *estate,
                                                   int eflags);
extern void ExecEndRecursiveUnion(RecursiveUnionState *node);
extern void ExecReScanRecursiveUnion(RecursiveUnionState *node);
extern WorkTableScanState *ExecInitWorkTableScan(WorkTableScan *node, EState *estate,
                                                 int eflags);
extern void ExecEndWorkTableScan(WorkTableScanState *node);
extern void ExecReScanWorkTableScan(WorkTableScanState *node);

/* ---------------------------------------------------------------- data-modifying WITH
 * executor/nodeCtescan.c */
typedef struct CteScanState
{
    ScanState   ss;
    int64       readpos;            /* next row of the shared store */
} CteScanState;

extern CteScanState *ExecInitCteScan(CteScan *node, EState *estate, int eflags);
extern void ExecEndCteScan(CteScanState *node);
extern void ExecReScanCteScan(CteScanState *node);
/* Run every data-modifying WITH query not yet run (ExecutorFinish). */
extern void ExecFinishModifyingCtes(EState *estate);

#endif
