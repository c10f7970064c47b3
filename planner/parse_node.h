/*-------------------------------------------------------------------------
 * parse_node.h
 *    The analyzer's private contract: ParseState and the functions the
 *    parse_*.c files call in one another.  Not for use outside planner/
 *    (other modules use planner/planner.h).
 *
 * The analyzer follows PostgreSQL's src/backend/parser split:
 *    analyze.c        statements: SELECT, INSERT, UPDATE, DELETE, VALUES, set ops
 *    parse_clause.c   FROM, WHERE, GROUP BY, ORDER BY, DISTINCT, LIMIT
 *    parse_relation.c range table entries, the name space, column lookup
 *    parse_target.c   select lists, * expansion, column naming, INSERT/UPDATE targets
 *    parse_expr.c     expressions
 *    parse_oper.c     operator resolution
 *    parse_func.c     function resolution, aggregates calls
 *    parse_coerce.c   implicit and explicit type coercion
 *    parse_type.c     type names
 *    parse_agg.c      aggregate placement and GROUP BY validation
 *    parse_conflict.c INSERT ... ON CONFLICT: EXCLUDED, DO UPDATE, arbiter indexes
 *    parse_node.c     ParseState, constants, parameters, error positions
 *
 * Raw trees are libpg_query's protobuf structs (PgQuery__*).  Analysis
 * reads them and builds primnodes/parsenodes; it never modifies them.
 *-------------------------------------------------------------------------
 */
#ifndef PARSE_NODE_H
#define PARSE_NODE_H

#include "planner/planner.h"
#include "planner/makefuncs.h"
#include "planner/nodefuncs.h"
#include "catalog/lsyscache.h"

struct RelationData;

/* What kind of clause an expression is being analyzed for (PostgreSQL's list). */
typedef enum ParseExprKind
{
    EXPR_KIND_NONE = 0,
    EXPR_KIND_OTHER,
    EXPR_KIND_JOIN_ON,
    EXPR_KIND_JOIN_USING,
    EXPR_KIND_FROM_SUBSELECT,
    EXPR_KIND_FROM_FUNCTION,
    EXPR_KIND_WHERE,
    EXPR_KIND_HAVING,
    EXPR_KIND_FILTER,
    EXPR_KIND_WINDOW_PARTITION,
    EXPR_KIND_WINDOW_ORDER,
    EXPR_KIND_SELECT_TARGET,
    EXPR_KIND_INSERT_TARGET,
    EXPR_KIND_UPDATE_SOURCE,
    EXPR_KIND_UPDATE_TARGET,
    EXPR_KIND_GROUP_BY,
    EXPR_KIND_ORDER_BY,
    EXPR_KIND_DISTINCT_ON,
    EXPR_KIND_LIMIT,
    EXPR_KIND_OFFSET,
    EXPR_KIND_RETURNING,
    EXPR_KIND_VALUES,
    EXPR_KIND_VALUES_SINGLE,
    EXPR_KIND_CHECK_CONSTRAINT,
    EXPR_KIND_COLUMN_DEFAULT,
    EXPR_KIND_CALL_ARGUMENT,
    EXPR_KIND_EXECUTE_PARAMETER
} ParseExprKind;

/*
 * One entry of the name space: an RTE visible to column references.
 * rel_visible: may be named as a qualifier ("t.x", "t.*");
 * cols_visible: its columns may be referenced unqualified.
 * (A JOIN without alias: its own item has cols_visible only, its inputs
 * rel_visible only, as PostgreSQL arranges.)
 */
typedef struct ParseNamespaceItem
{
    char       *p_refname;      /* eref->aliasname */
    RangeTblEntry *p_rte;
    int         p_rtindex;
    bool        p_rel_visible;
    bool        p_cols_visible;
    bool        p_lateral_only;
    bool        p_lateral_ok;
} ParseNamespaceItem;

typedef struct ParseState
{
    struct ParseState *parentParseState;
    const char *p_sourcetext;
    List       *p_rtable;           /* RangeTblEntry list */
    List       *p_joinlist;         /* top-level FROM items (RangeTblRef/JoinExpr) */
    List       *p_namespace;        /* ParseNamespaceItem list */
    bool        p_lateral_active;
    List       *p_ctenamespace;     /* CommonTableExpr list visible here */
    ParseExprKind p_expr_kind;
    int         p_next_resno;
    /* INSERT/UPDATE/DELETE target */
    struct RelationData *p_target_relation;
    RangeTblEntry *p_target_rte;
    int         p_target_rtindex;
    bool        p_is_insert;
    /* what the query contains */
    bool        p_hasAggs;
    bool        p_hasWindowFuncs;
    bool        p_hasTargetSRFs;
    bool        p_hasSubLinks;
    /* resolve unknown-type output columns to text (PostgreSQL 10+) */
    bool        p_resolve_unknowns;
    /* $n parameters: fixed (p_variableparams false) or inferred */
    Oid       **p_paramtypes;
    int        *p_numparams;
    bool        p_variableparams;
    /* the Aggref/WindowFunc being analyzed, for nesting checks */
    bool        p_in_agg_args;
    /* raw window definitions (PgQuery__WindowDef *): the WINDOW clause's,
     * then each distinct OVER (...); WindowFunc.winref is 1-based into it */
    List       *p_windowdefs;
    /* the WITH query whose body this pstate analyzes (recursive CTEs) */
    struct CommonTableExpr *p_parent_cte;
} ParseState;

/* ---------------------------------------------------------------- raw-tree helpers */

typedef PgQuery__Node PgNode;

static inline const char *
pgStrVal(const PgNode *n)
{
    return n->string->sval;
}

static inline bool
pgIsString(const PgNode *n)
{
    return n && n->node_case == PG_QUERY__NODE__NODE_STRING;
}

/* ---------------------------------------------------------------- parse_node.c */

extern ParseState *make_parsestate(ParseState *parentParseState);
/* errposition() value for a 0-based byte location (characters, 1-based), 0 if none */
extern int parser_errposition(ParseState *pstate, int location);
extern int position_in_text(const char *sourcetext, int location);

/* Report errors raised during the callback's life at `location` (input functions). */
typedef struct ParseCallbackState
{
    ParseState *pstate;
    int         location;
    ErrorContextCallback errcallback;
} ParseCallbackState;
extern void setup_parser_errposition_callback(ParseCallbackState *pcbstate,
                                              ParseState *pstate, int location);
extern void cancel_parser_errposition_callback(ParseCallbackState *pcbstate);

extern Const *make_const(ParseState *pstate, PgQuery__AConst *aconst);
extern Node *transformParamRef(ParseState *pstate, PgQuery__ParamRef *pref);
/* Called by coerce_type when an unknown-type Param meets a target type. */
extern Node *coerce_unknown_param(ParseState *pstate, Param *param, Oid targetTypeId,
                                  int32 targetTypeMod, int location);
/* After analysis: every inferred parameter has a type (unknown -> text). */
extern void check_variable_parameters(ParseState *pstate, Query *query);
extern const char *ParseExprKindName(ParseExprKind exprKind);
/* Raise 0A000 "... is not supported" at location. */
/* FOR UPDATE/SHARE of a SELECT -> Query.rowMarks (planner/parse_lock.c). */
extern void transformLockingClause(ParseState *pstate, Query *qry, PgQuery__SelectStmt *stmt);
extern const char *LCS_asString(LockClauseStrength strength);

extern void parser_not_supported(ParseState *pstate, const char *what, int location)
    pg_attribute_noreturn();

/* ---------------------------------------------------------------- parse_relation.c */

extern ParseNamespaceItem *addRangeTableEntry(ParseState *pstate, PgQuery__RangeVar *relation,
                                              PgQuery__Alias *alias, int lockmode,
                                              bool inFromCl);
extern ParseNamespaceItem *addRangeTableEntryForRelation(ParseState *pstate,
                                                         struct RelationData *rel,
                                                         int lockmode, PgQuery__Alias *alias,
                                                         bool inFromCl);
extern ParseNamespaceItem *addRangeTableEntryForSubquery(ParseState *pstate, Query *subquery,
                                                         PgQuery__Alias *alias, bool lateral,
                                                         bool inFromCl);
/* parse_view.c: a view in FROM as a sub-SELECT; PostgreSQL's not-updatable detail (or NULL) */
extern ParseNamespaceItem *addRangeTableEntryForView(ParseState *pstate, struct RelationData *rel,
                                                     PgQuery__Alias *alias, bool inFromCl);
extern const char *view_not_updatable_detail(struct RelationData *rel);
/* parse_view.c: INSERT/UPDATE/DELETE on an automatically updatable view -> on its base table */
extern Query *rewriteTargetView(ParseState *pstate, Query *qry, int override);
/* analyze.c: the default of column attno of rel (a NULL constant if none) */
extern Expr *build_column_default(struct RelationData *rel, int attno);
extern ParseNamespaceItem *addRangeTableEntryForValues(ParseState *pstate, List *exprs,
                                                       List *coltypes, List *coltypmods,
                                                       List *colcollations,
                                                       PgQuery__Alias *alias, bool lateral,
                                                       bool inFromCl);
extern ParseNamespaceItem *addRangeTableEntryForJoin(ParseState *pstate, List *colnames,
                                                     JoinType jointype, List *aliasvars,
                                                     PgQuery__Alias *alias, bool inFromCl);
/* A function (or ROWS FROM, WITH ORDINALITY, column definition lists) in FROM */
extern ParseNamespaceItem *transformRangeFunctionItems(ParseState *pstate,
                                                       PgQuery__RangeFunction *r);
extern ParseNamespaceItem *addRangeTableEntryForFunctions(ParseState *pstate, List *funcnames,
                                                          List *funcexprs, List *coldeflists,
                                                          PgQuery__Alias *alias,
                                                          bool ordinality, bool lateral,
                                                          bool inFromCl);
extern ParseNamespaceItem *addRangeTableEntryForCTE(ParseState *pstate, CommonTableExpr *cte,
                                                    int levelsup, PgQuery__RangeVar *rv,
                                                    bool inFromCl);
extern CommonTableExpr *scanNameSpaceForCTE(ParseState *pstate, const char *refname,
                                            int *ctelevelsup);
extern RangeTblEntry *rt_fetch(int rtindex, List *rtable);
/* Column `colname` visible unqualified; NULL if none (missing_ok) */
extern Node *colNameToVar(ParseState *pstate, const char *colname, bool localonly,
                          int location);
/* The name space item that "refname." qualifies, or NULL; *levelsup set */
extern ParseNamespaceItem *refnameNamespaceItem(ParseState *pstate, const char *schemaname,
                                                const char *refname, int location,
                                                int *sublevels_up);
extern Node *scanNSItemForColumn(ParseState *pstate, ParseNamespaceItem *nsitem,
                                 int sublevels_up, const char *colname, int location);
extern void errorMissingColumn(ParseState *pstate, const char *relname, const char *colname,
                               int location) pg_attribute_noreturn();
extern void errorMissingRTE(ParseState *pstate, const char *schemaname, const char *relname,
                            int location) pg_attribute_noreturn();
/* Vars (and names) for every column of an RTE, for * and joins */
extern void expandRTE(RangeTblEntry *rte, int rtindex, int sublevels_up, int location,
                      bool include_dropped, List **colnames, List **colvars);
extern List *expandNSItemAttrs(ParseState *pstate, ParseNamespaceItem *nsitem,
                               int sublevels_up, int location);
extern int attnameAttNum(struct RelationData *rd, const char *attname, bool sysColOK);
extern char *get_rte_attribute_name(RangeTblEntry *rte, int attnum);
extern void checkNameSpaceConflicts(ParseState *pstate, List *namespace1, List *namespace2);
/* Join columns: the expression for output column attnum of a join RTE */
extern Node *joinAliasVar(RangeTblEntry *rte, int attnum);
/* "t" / "t.*" as a value; (expr).field; the columns of a record expression */
extern Node *transformWholeRowRef(ParseState *pstate, ParseNamespaceItem *nsitem,
                                  int sublevels_up, int location);
extern Node *ParseFieldSelection(ParseState *pstate, Node *base, const char *fieldname,
                                 int location);
extern TupleDesc expr_result_tupdesc(ParseState *pstate, Node *expr);
extern List *record_field_names(ParseState *pstate, Node *expr);

/* ---------------------------------------------------------------- parse_clause.c */

extern void transformFromClause(ParseState *pstate, PgNode **items, size_t nitems);
extern int setTargetTable(ParseState *pstate, PgQuery__RangeVar *relation, bool inh,
                          bool alsoSource, int requiredPerms);
extern Node *transformWhereClause(ParseState *pstate, PgNode *clause,
                                  ParseExprKind exprKind, const char *constructName);
extern Node *transformLimitClause(ParseState *pstate, PgNode *clause,
                                  ParseExprKind exprKind, const char *constructName);
extern List *transformSortClause(ParseState *pstate, PgNode **orderlist, size_t n,
                                 List **targetlist, ParseExprKind exprKind, bool useSQL99);
extern List *transformGroupClause(ParseState *pstate, PgNode **grouplist, size_t n,
                                  List **groupingSets, List **targetlist, List *sortClause,
                                  ParseExprKind exprKind, bool useSQL99);
extern List *transformDistinctClause(ParseState *pstate, List **targetlist,
                                     List *sortClause, bool is_agg);
extern List *transformDistinctOnClause(ParseState *pstate, PgNode **distinctlist, size_t n,
                                       List **targetlist, List *sortClause);
extern List *addTargetToSortList(ParseState *pstate, TargetEntry *tle, List *sortlist,
                                 List *targetlist, PgQuery__SortBy *sortby);
extern List *addTargetToGroupList(ParseState *pstate, TargetEntry *tle, List *grouplist,
                                  List *targetlist, int location);
extern uint32 assignSortGroupRef(TargetEntry *tle, List *tlist);
extern bool targetIsInSortList(TargetEntry *tle, Oid sortop, List *sortList);
extern TargetEntry *get_sortgroupref_tle(uint32 sortref, List *targetList);
extern TargetEntry *get_sortgroupclause_tle(SortGroupClause *sgClause, List *targetList);

/* ---------------------------------------------------------------- parse_target.c */

extern List *transformTargetList(ParseState *pstate, PgNode **targetlist, size_t n,
                                 ParseExprKind exprKind);
extern TargetEntry *transformTargetEntry(ParseState *pstate, PgNode *node, Node *expr,
                                         ParseExprKind exprKind, char *colname, bool resjunk);
extern List *transformExpressionList(ParseState *pstate, PgNode **exprlist, size_t n,
                                     ParseExprKind exprKind, bool allowDefault);
extern void resolveTargetListUnknowns(ParseState *pstate, List *targetlist);
extern void markTargetListOrigins(ParseState *pstate, List *targetlist);
extern char *FigureColname(PgNode *node);
extern Expr *transformAssignedExpr(ParseState *pstate, Expr *expr, ParseExprKind exprKind,
                                   const char *colname, int attrno, int location);
extern List *checkInsertTargets(ParseState *pstate, PgNode **cols, size_t ncols,
                                List **attrnos);
extern List *ExpandColumnRefStar(ParseState *pstate, PgQuery__ColumnRef *cref,
                                 bool make_target_entry);

/* ---------------------------------------------------------------- parse_expr.c */

extern Node *transformExpr(ParseState *pstate, PgNode *expr, ParseExprKind exprKind);
extern Node *transformAssignmentSubscripts(ParseState *pstate, Node *base,
                                           PgNode **indirection, size_t nind, Node *rhs,
                                           const char *colname, int location);
/* transformExpr within the current p_expr_kind (for recursion from other files) */
extern Node *transformExprRecurse(ParseState *pstate, PgNode *expr);
/* Start of a statement's analysis: the expression nesting counter restarts. */
extern void parser_reset_expr_depth(void);
extern char *NameListToString(PgNode **names, size_t n);

/* ---------------------------------------------------------------- parse_oper.c */

extern Expr *make_op(ParseState *pstate, PgNode **opname, size_t nnames, Node *ltree,
                     Node *rtree, Node *last_srf, int location);
extern Expr *make_op_by_name(ParseState *pstate, const char *opname, Node *ltree,
                             Node *rtree, int location);
extern Expr *make_scalar_array_op(ParseState *pstate, PgNode **opname, size_t nnames,
                                  bool useOr, Node *ltree, Node *rtree, int location);
extern Oid oper_lookup(ParseState *pstate, const char *opname, Oid ltypeId, Oid rtypeId,
                       bool noError, int location);
extern void get_sort_group_operators(Oid argtype, bool needLT, bool needEQ, bool needGT,
                                     Oid *ltOpr, Oid *eqOpr, Oid *gtOpr, bool *isHashable);
extern Oid compatible_oper_opid(const char *opname, Oid arg1, Oid arg2, bool noError);
extern char *op_signature_string(const char *opname, char oprkind, Oid arg1, Oid arg2);

/* ---------------------------------------------------------------- parse_func.c */

typedef enum FuncDetailCode
{
    FUNCDETAIL_NOTFOUND,
    FUNCDETAIL_MULTIPLE,
    FUNCDETAIL_NORMAL,
    FUNCDETAIL_PROCEDURE,
    FUNCDETAIL_AGGREGATE,
    FUNCDETAIL_WINDOWFUNC,
    FUNCDETAIL_COERCION
} FuncDetailCode;

/* A candidate function or operator (argument types after variadic expansion). */
typedef struct FuncCandidate
{
    Oid         oid;
    int         nargs;
    int         nvargs;         /* arguments matched to the variadic parameter */
    Oid         variadic_type;  /* element type of that parameter, or 0 */
    Oid        *args;
    int         ndargs;         /* parameters left to their defaults */
    int        *argnumbers;     /* named call: parameter of each argument
                                 * (pronargs entries, defaulted ones last) */
} FuncCandidate;

extern Node *ParseFuncOrColumn(ParseState *pstate, PgQuery__FuncCall *fn, List *fargs,
                               int location);
/* The same, the last list_length(argnames) arguments named (a => 1). */
extern Node *ParseFuncOrColumnNamed(ParseState *pstate, PgQuery__FuncCall *fn, List *fargs,
                                    List *argnames, int location);
extern FuncDetailCode func_get_detail(const char *schemaname, const char *funcname,
                                      int nargs, Oid *argtypes, Oid *funcid, Oid *rettype,
                                      bool *retset, int *nvargs, Oid *vatype,
                                      Oid **true_typeids);
extern List *func_match_argtypes(int nargs, Oid *input_typeids, List *candidates);
extern FuncCandidate *func_select_candidate(int nargs, Oid *input_typeids, List *candidates);
extern void make_fn_arguments(ParseState *pstate, List *fargs, Oid *actual_arg_types,
                              Oid *declared_arg_types);
extern char *func_signature_string(const char *schemaname, const char *funcname, int nargs,
                                   const Oid *argtypes);
extern Oid select_inputcollation(List *args);
extern Oid result_collation(Oid typid);

/* ---------------------------------------------------------------- parse_window.c */

/* Finish a window function call: placement checks, winref from its OVER. */
extern Node *transformWindowFuncCall(ParseState *pstate, WindowFunc *wfunc,
                                     PgQuery__WindowDef *over);
/* pstate->p_windowdefs -> WindowClause list (adds resjunk sort columns). */
extern List *transformWindowDefinitions(ParseState *pstate, List *windowdefs,
                                        List **targetlist);

/* ---------------------------------------------------------------- parse_coerce.c */

typedef enum CoercionPathType
{
    COERCION_PATH_NONE,
    COERCION_PATH_FUNC,
    COERCION_PATH_RELABELTYPE,
    COERCION_PATH_ARRAYCOERCE,
    COERCION_PATH_COERCEVIAIO
} CoercionPathType;

extern bool IsBinaryCoercible(Oid srctype, Oid targettype);
extern bool IsPreferredType(char category, Oid type);
extern char TypeCategory(Oid type);
extern bool IsPolymorphicType(Oid typid);
extern Node *coerce_to_target_type(ParseState *pstate, Node *expr, Oid exprtype,
                                   Oid targettype, int32 targettypmod,
                                   CoercionContext ccontext, CoercionForm cformat,
                                   int location);
extern bool can_coerce_type(int nargs, const Oid *input_typeids, const Oid *target_typeids,
                            CoercionContext ccontext);
extern Node *coerce_type(ParseState *pstate, Node *node, Oid inputTypeId, Oid targetTypeId,
                         int32 targetTypeMod, CoercionContext ccontext, CoercionForm cformat,
                         int location);
extern Node *coerce_to_boolean(ParseState *pstate, Node *node, const char *constructName);
extern Node *coerce_to_specific_type(ParseState *pstate, Node *node, Oid targetTypeId,
                                     const char *constructName);
extern Oid select_common_type(ParseState *pstate, List *exprs, const char *context,
                              Node **which_expr);
extern Node *coerce_to_common_type(ParseState *pstate, Node *node, Oid targetTypeId,
                                   const char *context);
extern int32 select_common_typmod(ParseState *pstate, List *exprs, Oid common_type);
extern CoercionPathType find_coercion_pathway(Oid targetTypeId, Oid sourceTypeId,
                                              CoercionContext ccontext, Oid *funcid);
extern CoercionPathType find_typmod_coercion_function(Oid typeId, Oid *funcid);
extern bool check_generic_type_consistency(const Oid *actual_arg_types,
                                           const Oid *declared_arg_types, int nargs);
extern Oid enforce_generic_type_consistency(const Oid *actual_arg_types,
                                            Oid *declared_arg_types, int nargs,
                                            Oid rettype, bool allow_poly);

/* ---------------------------------------------------------------- parse_type.c */

extern Oid LookupTypeNameOid(ParseState *pstate, PgQuery__TypeName *typeName, bool missing_ok);
extern void typenameTypeIdAndModP(ParseState *pstate, PgQuery__TypeName *typeName,
                                  Oid *typeid_p, int32 *typmod_p);
extern char *TypeNameToString(PgQuery__TypeName *typeName);
extern Oid typeidTypeRelid(Oid type_id);

/* ---------------------------------------------------------------- parse_agg.c */

extern Node *transformAggregateCall(ParseState *pstate, Aggref *agg, List *args,
                                    PgQuery__FuncCall *fn, bool agg_distinct);
extern void parseCheckAggregates(ParseState *pstate, Query *qry);
extern Node *transformGroupingFunc(ParseState *pstate, PgQuery__GroupingFunc *gf);
extern List *expand_grouping_sets(List *groupingSets, bool groupDistinct, int limit);

/* ---------------------------------------------------------------- parse_withingroup.c */

struct AggInfo;
extern void check_ordered_set_call(ParseState *pstate, PgQuery__FuncCall *fn,
                                   const struct AggInfo *agg, const char *schemaname,
                                   const char *funcname, const char *fullname, List *fargs,
                                   Oid *actual_arg_types, const Oid *declared_arg_types,
                                   int nvargs, Oid vatype, int location);
extern List *transformOrderedSetArguments(ParseState *pstate, List *args,
                                          PgQuery__FuncCall *fn, List **sortclause);

/* ---------------------------------------------------------------- parse_cte.c */

extern int prepareRecursiveCTE(ParseState *pstate, CommonTableExpr *cte,
                               PgQuery__CommonTableExpr *rc);
extern void determineRecursiveColTypes(ParseState *pstate, CommonTableExpr *cte,
                                       List *ltargetlist);
extern void finishRecursiveCTE(ParseState *pstate, CommonTableExpr *cte, Query *q,
                               int sortlocation);

/* ---------------------------------------------------------------- analyze.c */

extern Query *transformStmt(ParseState *pstate, PgNode *parseTree);
extern Query *parse_sub_analyze(PgNode *parseTree, ParseState *parentParseState,
                                CommonTableExpr *parentCTE, bool locked_from_parent,
                                bool resolve_unknowns);
/* UPDATE's SET list, also ON CONFLICT DO UPDATE's: TargetEntries, resno = column */
extern List *transformUpdateTargetList(ParseState *pstate, PgNode **targets, size_t ntargets,
                                       int resultRelation);

/* ---------------------------------------------------------------- parse_conflict.c */

struct OnConflictInference;
extern struct OnConflictInference *transformOnConflictClause(ParseState *pstate,
                                                             PgQuery__OnConflictClause *occ,
                                                             Query *qry);
extern void inferArbiterIndexes(ParseState *pstate, struct OnConflictInference *inf,
                                Query *qry);

#endif
