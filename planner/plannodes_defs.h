/*-------------------------------------------------------------------------
 * plannodes_defs.h
 *    Plan node structs (included by plannodes.h).  Conventions are
 *    PostgreSQL's, after set_plan_references (planner/setrefs.c):
 *
 *  - A scan node's targetlist and qual use Vars with varno = the scan's
 *    scanrelid (range table index) and varattno = column number.
 *  - Every node above a scan refers to its children's output by Vars with
 *    varno OUTER_VAR (lefttree) or INNER_VAR (righttree) and varattno = the
 *    child's target list position (resno).
 *  - Agg: targetlist/qual contain Aggref nodes (aggno = index into the
 *    node's aggregate list, 0-based, numbered by the planner) and OUTER_VAR
 *    Vars for grouping columns; each Aggref's args refer to OUTER_VAR.
 *  - Sort/Limit/Material/Unique pass tuples through: their targetlist is
 *    the child's, as OUTER_VAR Vars, and they do not project.
 *  - ModifyTable: its child produces the new row's columns (INSERT:
 *    exactly the relation's columns in order; UPDATE: the relation's
 *    columns in order plus a resjunk "ctid" column last; DELETE: a resjunk
 *    "ctid" column).  The ctid column has type TIDOID; its Var has
 *    varattno SelfItemPointerAttributeNumber (-1).
 *    ModifyTable's own targetlist is its RETURNING list (or NIL), whose
 *    Vars refer to the result relation (varno = its rtindex).
 *  - qual lists are implicitly ANDed lists of boolean Exprs.
 *  - Expressions in plans are evaluated by the executor's compiled
 *    expression programs (executor/execExpr*.c), built once in ExecInit*.
 *
 * What the Basalt planner emits (planner/README-level facts the executor
 * relies on):
 *  - The top node's targetlist may hold resjunk entries (ORDER BY keys not
 *    selected, ctid): the client sees the non-resjunk ones, in order.
 *  - A sub-SELECT in FROM is a Result whose lefttree is the subquery's
 *    plan, projecting its columns (column k of the subquery is
 *    Var(OUTER_VAR, k)) and applying quals; no SubqueryScan reaches the
 *    executor (setrefs.c turns them into Results or removes them).
 *  - DISTINCT and UNION's duplicate removal are Agg nodes with no Aggrefs
 *    (grouping on the distinct columns); DISTINCT ON is an AGG_SORTED Agg
 *    whose non-grouping columns come from the first row of each group.
 *  - Append (UNION ALL): its targetlist is OUTER_VAR Vars numbered 1..n
 *    describing the common columns; every child outputs those columns in
 *    that order; it does not project.
 *  - ProjectSet: set-returning FuncExprs appear only as whole targetlist
 *    entries; an expression over an SRF is computed by a Result above.
 *  - Sub-SELECTs in expressions are SubPlan nodes (PlannedStmt.subplans,
 *    plan_id 1-based) using PostgreSQL's PARAM_EXEC protocol: ids are
 *    0-based indexes into the executor's param array (nParamExec);
 *    parParam/args pass outer values down (args are expressions of the
 *    node holding the SubPlan); for ANY/ALL, testexpr compares expressions
 *    of the outer row with PARAM_EXEC params (paramIds) that the executor
 *    sets from each subquery row, and is evaluated in the outer node's
 *    expression context.  Uncorrelated EXISTS/scalar sub-SELECTs are
 *    initplans (setParam) on the initPlan list of their query level's top
 *    plan node.
 *  - The range table is one flat list for the whole statement (sub-SELECTs'
 *    range tables appended); every scanrelid indexes it.
 *-------------------------------------------------------------------------
 */
#ifndef PLANNODES_DEFS_H
#define PLANNODES_DEFS_H

#include "storage/heapam.h"     /* ScanDirection */

#define SelfItemPointerAttributeNumber (-1)

typedef struct Plan
{
    NodeTag     type;
    double      startup_cost;
    double      total_cost;
    double      plan_rows;
    int         plan_width;
    bool        parallel_safe;
    int         plan_node_id;
    List       *targetlist;     /* TargetEntry list */
    List       *qual;           /* implicitly-ANDed qual conditions */
    struct Plan *lefttree;      /* outer child */
    struct Plan *righttree;     /* inner child */
    List       *initPlan;       /* SubPlan nodes run before this node */
} Plan;

#define outerPlan(node) (((Plan *) (node))->lefttree)
#define innerPlan(node) (((Plan *) (node))->righttree)

/* Result: computes a targetlist with no input (SELECT 1), or filters/projects
 * its child's output; resconstantqual is a one-time qual. */
typedef struct Result
{
    Plan        plan;
    Node       *resconstantqual;
} Result;

/* ProjectSet: evaluates set-returning functions in the targetlist. */
typedef struct ProjectSet
{
    Plan        plan;
} ProjectSet;

typedef struct ModifyTable
{
    Plan        plan;           /* lefttree produces the rows to write */
    CmdType     operation;
    bool        canSetTag;
    int         nominalRelation;
    List       *resultRelations;    /* int list of rtable indexes (one for now) */
    List       *updateColnos;       /* UPDATE: int list of target column numbers */
    List       *returningLists;     /* TargetEntry lists, Vars refer to the result rel (varno = its rtindex) */
    List       *withCheckOptionLists;   /* per result rel: TargetEntry list, expr = a view's
                                         * WITH CHECK OPTION qual over the new row (as
                                         * returningLists), resname = the view's name */
    OnConflictAction onConflictAction;  /* INSERT ... ON CONFLICT (parsenodes.h) */
    List       *arbiterIndexes;     /* OIDs; NIL with DO NOTHING = every unique index */
    List       *onConflictSet;      /* DO UPDATE: the new row, one TargetEntry per column
                                     * (resno 1..natts); Vars of the result rel read the
                                     * existing row, INNER_VAR Vars (attno = column) the
                                     * proposed row (EXCLUDED) */
    List       *onConflictWhere;    /* DO UPDATE ... WHERE, implicitly ANDed, same Vars */
} ModifyTable;

typedef struct Append
{
    Plan        plan;
    List       *appendplans;
} Append;

typedef struct Scan
{
    Plan        plan;
    int         scanrelid;      /* range table index */
} Scan;

typedef Scan SeqScan;

/*
 * IndexScan: scan.qual holds ALL original quals, rechecked on each heap
 * tuple.  indexqual: OpExprs "key Var <op> expr" where the Var is a column
 * of the scan relation (varno = scanrelid, varattno = TABLE column number)
 * and expr contains no Var of this relation (Const, Param (PARAM_EXEC from
 * a nested loop or PARAM_EXTERN), or an expression of them); op is a btree
 * operator of the index column's opfamily; or a NullTest on a key Var.
 * indexqualcols: int list parallel to indexqual, INDEX column numbers
 * (1-based).  indexorderdir: Forward or Backward (ORDER BY via the index).
 * Built by planner/indxpath.c.
 */
typedef struct IndexScan
{
    Scan        scan;
    Oid         indexid;
    List       *indexqual;
    List       *indexqualcols;
    ScanDirection indexorderdir;
} IndexScan;

typedef struct SubqueryScan
{
    Scan        scan;
    Plan       *subplan;
} SubqueryScan;

typedef struct FunctionScan
{
    Scan        scan;
    List       *functions;      /* FuncExpr list */
    bool        funcordinality;
} FunctionScan;

typedef struct ValuesScan
{
    Scan        scan;
    List       *values_lists;   /* list of expression lists */
} ValuesScan;

typedef struct CteScan
{
    Scan        scan;
    int         ctePlanId;
    int         cteParam;
} CteScan;

typedef struct WorkTableScan
{
    Scan        scan;
    int         wtParam;
} WorkTableScan;

typedef struct Join
{
    Plan        plan;
    JoinType    jointype;
    bool        inner_unique;
    List       *joinqual;       /* JOIN ON quals (qual is the WHERE part) */
} Join;

typedef struct NestLoopParam
{
    NodeTag     type;
    int         paramno;
    Var        *paramval;
} NestLoopParam;

typedef struct NestLoop
{
    Join        join;
    List       *nestParams;
} NestLoop;

typedef struct MergeJoin
{
    Join        join;
    bool        skip_mark_restore;
    List       *mergeclauses;
    Oid        *mergeFamilies;
    Oid        *mergeCollations;
    int        *mergeStrategies;
    bool       *mergeNullsFirst;
} MergeJoin;

typedef struct HashJoin
{
    Join        join;
    List       *hashclauses;    /* OpExprs: outer key (OUTER_VAR) op inner key (INNER_VAR) */
    List       *hashoperators;  /* OID list: the equality operators */
    List       *hashcollations;
    List       *hashkeys;       /* outer-side key expressions (OUTER_VAR), as PostgreSQL */
} HashJoin;

/* Hash: builds the table for the HashJoin above it from its child (the
 * join's inner side); hashkeys are the inner-side keys, written in terms
 * of the Hash node's own input (OUTER_VAR Vars). */
typedef struct Hash
{
    Plan        plan;
    List       *hashkeys;
    double      rows_total;
} Hash;

typedef struct Material
{
    Plan        plan;
} Material;

typedef struct Sort
{
    Plan        plan;
    int         numCols;
    int16      *sortColIdx;     /* child targetlist positions (1-based) */
    Oid        *sortOperators;  /* '<' or '>' operator per key */
    Oid        *collations;
    bool       *nullsFirst;
} Sort;

typedef struct Group
{
    Plan        plan;
    int         numCols;
    int16      *grpColIdx;
    Oid        *grpOperators;
    Oid        *grpCollations;
} Group;

typedef enum AggStrategy
{
    AGG_PLAIN,                  /* no grouping: one result row */
    AGG_SORTED,                 /* input sorted by the grouping columns */
    AGG_HASHED,                 /* hash table of groups */
    AGG_MIXED
} AggStrategy;

typedef struct Agg
{
    Plan        plan;
    AggStrategy aggstrategy;
    int         numCols;        /* grouping columns */
    int16      *grpColIdx;      /* their positions in the child's targetlist */
    Oid        *grpOperators;   /* equality operators */
    Oid        *grpCollations;
    double      numGroups;      /* estimate, sizes the hash table */
    List       *aggrefs;        /* the Aggref nodes, in aggno order */
    List       *groupingSets;
    List       *chain;
} Agg;

typedef struct WindowAgg
{
    Plan        plan;
    uint32      winref;
    int         partNumCols;
    int16      *partColIdx;
    Oid        *partOperators;
    Oid        *partCollations;
    int         ordNumCols;
    int16      *ordColIdx;
    Oid        *ordOperators;
    Oid        *ordCollations;
    int         frameOptions;
    Node       *startOffset;
    Node       *endOffset;
    Oid         startInRangeFunc;   /* RANGE offset: in_range functions */
    Oid         endInRangeFunc;
    Oid         inRangeColl;
    bool        inRangeAsc;
    bool        inRangeNullsFirst;
} WindowAgg;

typedef struct Unique
{
    Plan        plan;
    int         numCols;
    int16      *uniqColIdx;
    Oid        *uniqOperators;
    Oid        *uniqCollations;
} Unique;

typedef enum SetOpCmd
{
    SETOPCMD_INTERSECT, SETOPCMD_INTERSECT_ALL, SETOPCMD_EXCEPT, SETOPCMD_EXCEPT_ALL
} SetOpCmd;

typedef enum SetOpStrategy
{
    SETOP_SORTED, SETOP_HASHED
} SetOpStrategy;

typedef struct SetOp
{
    Plan        plan;
    SetOpCmd    cmd;
    SetOpStrategy strategy;
    int         numCols;
    int16      *dupColIdx;
    Oid        *dupOperators;
    Oid        *dupCollations;
    int16       flagColIdx;
    int         firstFlag;
    long        numGroups;
} SetOp;

/*
 * LockRows (SELECT ... FOR UPDATE/SHARE): locks, for each row from its
 * child, the row of every marked table, found by the junk "ctid<rti>"
 * column (ctidResno) that the planner added to the target list.  It
 * passes rows through like Limit; a row that cannot be locked under SKIP
 * LOCKED, or whose table row was deleted meanwhile, is dropped.
 */
typedef struct PlanRowMark
{
    NodeTag     type;
    int         rti;            /* range table index (after flattening) */
    Oid         relid;
    LockClauseStrength strength;
    LockWaitPolicy waitPolicy;
    int16       ctidResno;      /* child target list position of its ctid */
} PlanRowMark;

typedef struct LockRows
{
    Plan        plan;
    List       *rowMarks;       /* PlanRowMark list */
} LockRows;

typedef struct Limit
{
    Plan        plan;
    Node       *limitOffset;    /* expressions, evaluated once at start */
    Node       *limitCount;
    LimitOption limitOption;
    /* WITH TIES: the ORDER BY columns, rows equal on which are peers */
    int         uniqNumCols;
    int16      *uniqColIdx;
    Oid        *uniqOperators;
    Oid        *uniqCollations;
} Limit;

/* RecursiveUnion (WITH RECURSIVE): lefttree is the non-recursive term,
 * righttree the recursive term, which reads the rows of the previous
 * iteration through WorkTableScans whose wtParam is this node's wtParam
 * (a PARAM_EXEC slot whose value the executor points at the
 * RecursiveUnionState).  Its targetlist is OUTER_VAR Vars 1..n, both
 * children output those columns; it does not project.  numCols > 0 for
 * UNION (duplicates removed on dupColIdx, hashed), 0 for UNION ALL. */
typedef struct RecursiveUnion
{
    Plan        plan;
    int         wtParam;
    int         numCols;
    int16      *dupColIdx;
    Oid        *dupOperators;
    Oid        *dupCollations;
    long        numGroups;
} RecursiveUnion;

#endif
