/*-------------------------------------------------------------------------
 * pathnodes.h
 *    The optimizer's private data structures (PostgreSQL's pathnodes.h in
 *    miniature): per-statement and per-query-level state, relations being
 *    joined, access paths with costs, and restriction clauses.  Not for use
 *    outside planner/.
 *
 * Flow (planner.c):
 *    pg_plan_query -> subquery_planner (per query level: sub-SELECTs become
 *    SubPlans, outer references PARAM_EXEC) -> grouping_planner ->
 *    query_planner (planmain.c: base relations, quals, join search over
 *    Paths) -> create_plan (createplan.c) -> upper nodes (Agg, Sort,
 *    Limit, ModifyTable) -> set_plan_references (setrefs.c).
 *
 * Paths.  Each RelOptInfo (a base relation or a set of joined ones) keeps
 * its cheapest Path; a join considers every applicable method (nested
 * loop, hash join) in both input orders and keeps the cheapest.  Adding a
 * method (merge join, index scan) is adding a Path kind, its cost function
 * and its create_*_plan case.
 *-------------------------------------------------------------------------
 */
#ifndef PATHNODES_H
#define PATHNODES_H

#include "planner/parse_node.h"

/* ---------------------------------------------------------------- Relids */

/* A set of range table indexes (bit i = rtindex i), grown as needed. */
typedef struct Relids_
{
    int         nwords;
    uint64      words[];
} *Relids;

extern Relids relids_make_singleton(int x);
extern Relids relids_add_member(Relids a, int x);
extern Relids relids_union(Relids a, Relids b);
extern bool relids_is_member(int x, Relids a);
extern bool relids_is_subset(Relids a, Relids b);     /* a is a subset of b */
extern bool relids_overlap(Relids a, Relids b);
extern bool relids_equal(Relids a, Relids b);
extern bool relids_is_empty(Relids a);
extern int  relids_num_members(Relids a);
/* The rtindexes of level-0 Vars in an expression. */
extern Relids pull_varnos(Node *node);

/* ---------------------------------------------------------------- state */

typedef struct PlannerGlobal
{
    List       *subplans;       /* Plan per SubPlan, plan_id = position */
    List       *subroots;       /* PlannerInfo per subplan */
    List       *finalrtable;    /* flattened range table */
    List       *relationOids;   /* OIDs the plan depends on */
    List       *paramExecTypes; /* type per PARAM_EXEC id */
    List       *resultRelations;
} PlannerGlobal;

/* An outer-level Var or Aggref a lower query level reads as a PARAM_EXEC. */
typedef struct PlannerParamItem
{
    Node       *item;           /* Var or Aggref, with levelsup 0 */
    int         paramId;
} PlannerParamItem;

typedef struct PlannerInfo
{
    Query      *parse;
    PlannerGlobal *glob;
    int         query_level;    /* 1 at the top */
    struct PlannerInfo *parent_root;
    List       *plan_params;    /* PlannerParamItem: this level's values used below */
    List       *init_plans;     /* SubPlans run once, attached to the top plan node */
    struct RelOptInfo **simple_rel_array;   /* by rtindex, NULL for non-base RTEs */
    struct PlannerInfo **subroots;  /* by rtindex: the planned subquery of a subquery RTE */
    struct Plan **subplans_by_rti;  /* by rtindex: its plan */
    int         simple_rel_array_size;
    List       *processed_tlist;
    List       *needed_vars;    /* level-0 Vars some node above a scan needs */
    bool        hasOuterJoins;
    /* WITH RECURSIVE: the PARAM_EXEC slot of the RecursiveUnion being
     * planned at this level (its WorkTableScans are planned below) */
    bool        has_wt_param;
    int         wt_param_id;
    /* LATERAL: LateralParam list, values a FROM item takes from others */
    List       *lateral_params;
    /* top level: subplan id and PARAM_EXEC slot per parse->cteList entry
     * (data-modifying WITH queries, planned in subquery_planner) */
    List       *cte_plan_ids;
    List       *cte_params;
} PlannerInfo;

/*
 * A value that a LATERAL FROM item (consumer, an rtindex) reads from
 * another FROM item of the same level: the Var, passed as PARAM_EXEC
 * paramno by the NestLoop that joins the two (planner/lateral.c).
 */
typedef struct LateralParam
{
    int         consumer;
    int         paramno;
    Var        *var;
} LateralParam;

/* A qual clause with the relations it references. */
typedef struct RestrictInfo
{
    Expr       *clause;
    Relids      required_relids;
    double      selectivity;
    /* for equijoin clauses "left = right" between disjoint rel sets */
    bool        can_hash;
    Relids      left_relids;
    Relids      right_relids;
    Oid         hashjoinoperator;
} RestrictInfo;

typedef enum RelOptKind
{
    RELOPT_BASEREL,
    RELOPT_JOINREL
} RelOptKind;

typedef struct RelOptInfo
{
    RelOptKind  reloptkind;
    Relids      relids;
    double      rows;           /* estimated output rows after its quals */
    int         width;
    List       *reltarget;      /* Vars this rel must output (Var list) */
    struct Path *cheapest_path;
    /* base relations */
    int         relid;          /* rtindex */
    RTEKind     rtekind;
    List       *baserestrictinfo;  /* RestrictInfo list, applied at the scan */
    double      pages;
    double      tuples;         /* before quals */
    /* join relations: the quals evaluated at this join */
    List       *joininfo;
    /* LATERAL: relations outside this one whose values it needs */
    Relids      lateral_relids;
    /* base tables: their B-tree indexes (IndexOptInfo *, indxpath.c) */
    List       *indexlist;
    bool        indexlist_built;
} RelOptInfo;

/* What the planner knows of one index of a base table (indxpath.c). */
typedef struct IndexOptInfo
{
    Oid         indexoid;
    int         nkeys;
    int16      *heapattnos;     /* table column of each key */
    Oid        *opfamily;
    Oid        *opcintype;
    int16      *indoption;      /* INDOPTION_DESC / INDOPTION_NULLS_FIRST bits */
    Oid        *collation;      /* the order each key column is kept in */
    bool        unique;
    double      pages;          /* current size */
} IndexOptInfo;

typedef enum PathKind
{
    PATH_SEQSCAN,
    PATH_VALUESSCAN,
    PATH_FUNCTIONSCAN,
    PATH_SUBQUERYSCAN,
    PATH_RESULT,            /* a rel with no input (FROM-less) */
    PATH_NESTLOOP,
    PATH_HASHJOIN,
    PATH_WORKTABLESCAN,     /* a recursive CTE's self-reference */
    PATH_CTESCAN,           /* a data-modifying WITH query's RETURNING rows */
    PATH_INDEXSCAN          /* a B-tree index scan of a base table (indxpath.c) */
} PathKind;

typedef struct Path
{
    PathKind    pathtype;
    RelOptInfo *parent;
    double      rows;
    double      startup_cost;
    double      total_cost;
    /* joins */
    JoinType    jointype;
    struct Path *outerpath;
    struct Path *innerpath;
    List       *joinrestrictinfo;   /* join quals (ON of an outer join: joinqual) */
    List       *otherrestrictinfo;  /* quals applied after the join (plan.qual) */
    List       *hashclauses;        /* RestrictInfo list (HashJoin) */
    bool        materialize_inner;  /* NestLoop: Material over the inner side */
    /* index scans (see IndexScan in plannodes_defs.h) */
    Oid         indexid;
    List       *indexquals;         /* Expr list: "key Var op expr" / NullTest */
    List       *indexqualcols;      /* int list: index column of each */
    int         indexscandir;       /* ScanDirection: 1 forward, -1 backward */
    List       *indexparams;        /* NestLoopParams the enclosing NestLoop sets
                                     * (a scan parameterized by the outer row) */
} Path;

/* ---------------------------------------------------------------- costs */

#define DEFAULT_SEQ_PAGE_COST   1.0
#define DEFAULT_CPU_TUPLE_COST  0.01
#define DEFAULT_CPU_OPERATOR_COST 0.0025
#define DEFAULT_EQ_SEL          0.005
#define DEFAULT_INEQ_SEL        (1.0 / 3.0)
#define DEFAULT_UNK_SEL         0.005
#define DEFAULT_NUM_DISTINCT    200

extern double clause_selectivity(PlannerInfo *root, Node *clause);
extern double clamp_row_est(double nrows);
extern double estimate_num_groups(PlannerInfo *root, List *groupExprs, double input_rows);
extern void cost_sort(double *startup, double *total, double input_cost, double tuples, int width);

/* ---------------------------------------------------------------- planner.c */

extern PlannerInfo *subquery_planner(PlannerGlobal *glob, Query *parse, PlannerInfo *parent_root,
                                     struct Plan **plan_out);
extern Node *preprocess_expression(PlannerInfo *root, Node *expr);

/* ---------------------------------------------------------------- planmain.c */

/* Plan the FROM/WHERE part of the query; returns the cheapest path of all rels. */
extern Path *query_planner(PlannerInfo *root, List *scanjoin_tlist);

/* ---------------------------------------------------------------- indxpath.c */

/* Replace rel's cheapest path by an index scan where that is cheaper. */
extern void create_index_paths(PlannerInfo *root, RelOptInfo *rel);
/*
 * An index scan of base table inner whose index conditions take values of
 * outer's relations (from join clauses), for the inner side of a nested
 * loop; NULL if no index fits.  Costs are per outer row.
 */
extern Path *create_param_index_path(PlannerInfo *root, RelOptInfo *outer, RelOptInfo *inner,
                                     List *joinquals);
/*
 * ORDER BY through an index: if path scans one base table and an index
 * delivers sortClause's order (forward or backward), and that is cheaper
 * than sorting (LIMIT considered), the ordered index path; else path.
 * *sorted is set when the returned path delivers the order.
 */
extern Path *index_path_for_ordering(PlannerInfo *root, Path *path, List *sortClause,
                                     List *tlist, bool *sorted);

/* ---------------------------------------------------------------- createplan.c */

extern struct Plan *create_plan(PlannerInfo *root, Path *best_path, List *tlist);
extern List *build_path_tlist(PlannerInfo *root, RelOptInfo *rel);
extern struct Plan *make_sort_from_sortclauses(List *sortcls, struct Plan *lefttree,
                                               List *tlist);
extern struct Plan *make_result_plan(List *tlist, Node *resconstantqual, struct Plan *subplan);
extern struct Plan *make_material_plan(struct Plan *lefttree);
extern List *copy_tlist_as_vars(List *tlist);
extern int  tlist_member_index(Node *expr, List *tlist);
extern void copy_plan_costsize(struct Plan *dest, struct Plan *src);

/* ---------------------------------------------------------------- planagg_sets.c */

extern struct Plan *make_grouping_sets_agg(PlannerInfo *root, List *tlist, List *qual,
                                           struct Plan *input);

/* ---------------------------------------------------------------- planwindow.c */

extern List *make_window_input_target(PlannerInfo *root, List *final_tlist);
extern struct Plan *plan_window_functions(PlannerInfo *root, List *final_tlist,
                                          struct Plan *plan, List **current_order);

/* ---------------------------------------------------------------- prepunion.c */

extern struct Plan *plan_set_operations(PlannerInfo *root);

/* ---------------------------------------------------------------- clauses.c */

extern Node *inline_sql_functions(PlannerInfo *root, Node *expr);

/* ---------------------------------------------------------------- subselect.c */

extern Node *SS_process_sublinks(PlannerInfo *root, Node *expr);
extern Node *SS_replace_correlation_vars(PlannerInfo *root, Node *expr);
extern void SS_attach_initplans(PlannerInfo *root, struct Plan *plan);

/* ---------------------------------------------------------------- setrefs.c */

extern struct Plan *set_plan_references(PlannerInfo *root, struct Plan *plan);

/* ---------------------------------------------------------------- lateral.c */

extern void lateral_subquery_params(PlannerInfo *root, int rti, List *plan_params);
extern Node *lateral_replace_vars(PlannerInfo *root, int rti, Node *expr);
extern Relids lateral_relids_of(PlannerInfo *root, int rti);
extern List *lateral_needed_vars(PlannerInfo *root, List *needed);
extern List *lateral_nestloop_params(PlannerInfo *root, Relids outer_relids, Relids inner_relids);

#endif
