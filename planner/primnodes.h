/*-------------------------------------------------------------------------
 * primnodes.h
 *    Expression trees: what the analyzer produces and the planner and the
 *    executor's expression compiler consume.  Field names and meanings are
 *    PostgreSQL's (src/include/nodes/primnodes.h), so its documentation
 *    applies; only the fields Basalt uses are present.
 *
 *    Every Expr knows its result type (exprType) and typmod (exprTypmod);
 *    `location` is a 0-based byte offset into the query text, or -1, and
 *    is what errposition() reports (+1).
 *-------------------------------------------------------------------------
 */
#ifndef PRIMNODES_H
#define PRIMNODES_H

#include "backend/utils/list.h"

typedef struct Alias
{
    NodeTag     type;
    char       *aliasname;
    List       *colnames;       /* List of char * */
} Alias;

typedef struct RangeVar
{
    NodeTag     type;
    char       *schemaname;
    char       *relname;
    char        relpersistence;
    Alias      *alias;
    int         location;
} RangeVar;

typedef struct Expr
{
    NodeTag     type;
} Expr;

/* Var: a column of a range table entry (or, above a join/agg, of a child plan) */
#define INNER_VAR   65000       /* executor: column of the inner child's tuple */
#define OUTER_VAR   65001       /* executor: column of the outer child's tuple */
#define INDEX_VAR   65002       /* executor: column of the node's own scan/agg tuple */
typedef struct Var
{
    Expr        xpr;
    int         varno;          /* range table index (1-based), or *_VAR */
    int16       varattno;       /* attribute number, 0 = whole row */
    Oid         vartype;
    int32       vartypmod;
    Oid         varcollid;
    int         varlevelsup;    /* > 0 for outer-query references */
    int         varnosyn;       /* original varno/attno, for EXPLAIN and errors */
    int16       varattnosyn;
    int         location;
} Var;

typedef struct Const
{
    Expr        xpr;
    Oid         consttype;
    int32       consttypmod;
    Oid         constcollid;
    int         constlen;
    Datum       constvalue;
    bool        constisnull;
    bool        constbyval;
    int         location;
} Const;

typedef enum ParamKind
{
    PARAM_EXTERN,               /* $n from the client (or a SQL function) */
    PARAM_EXEC,                 /* set by the executor (subplans, nestloop) */
    PARAM_SUBLINK
} ParamKind;

typedef struct Param
{
    Expr        xpr;
    ParamKind   paramkind;
    int         paramid;        /* 1-based for PARAM_EXTERN */
    Oid         paramtype;
    int32       paramtypmod;
    Oid         paramcollid;
    int         location;
} Param;

typedef struct Aggref
{
    Expr        xpr;
    Oid         aggfnoid;
    Oid         aggtype;        /* result type */
    Oid         aggcollid;
    Oid         inputcollid;
    Oid         aggtranstype;
    List       *aggargtypes;    /* OID list of argument types */
    List       *args;           /* TargetEntry list of arguments */
    List       *aggorder;       /* SortGroupClause list (ORDER BY inside) */
    List       *aggdistinct;    /* SortGroupClause list for DISTINCT */
    Expr       *aggfilter;      /* FILTER (WHERE ...) */
    bool        aggstar;        /* count(*) */
    bool        aggvariadic;
    char        aggkind;
    int         agglevelsup;
    int         aggno;          /* index into the Agg node's per-agg state */
    int         location;
} Aggref;

/*
 * GROUPING(a, b, ...): an int4 bit mask with one bit per argument (the
 * last argument is bit 0), set when that argument is not grouped in the
 * grouping set of the current output row.  args are the analyzed
 * arguments, kept for equal() and never evaluated; refs their
 * sortgrouprefs (parse_agg.c); cols their positions in the Agg's input
 * row (1-based, filled by the planner, planagg_sets.c).  agglevelsup as
 * for Aggref.
 */
typedef struct GroupingFunc
{
    Expr        xpr;
    List       *args;
    List       *refs;           /* int list */
    List       *cols;           /* int list */
    int         agglevelsup;
    int         location;
} GroupingFunc;

typedef struct WindowFunc
{
    Expr        xpr;
    Oid         winfnoid;
    Oid         wintype;
    Oid         wincollid;
    Oid         inputcollid;
    List       *args;
    Expr       *aggfilter;
    int         winref;         /* index of its WindowClause */
    bool        winstar;
    bool        winagg;         /* an ordinary aggregate used as a window function */
    int         location;
} WindowFunc;

typedef enum CoercionForm
{
    COERCE_EXPLICIT_CALL,
    COERCE_EXPLICIT_CAST,
    COERCE_IMPLICIT_CAST,
    COERCE_SQL_SYNTAX
} CoercionForm;

typedef enum CoercionContext
{
    COERCION_IMPLICIT,
    COERCION_ASSIGNMENT,
    COERCION_PLPGSQL,
    COERCION_EXPLICIT
} CoercionContext;

typedef struct FuncExpr
{
    Expr        xpr;
    Oid         funcid;
    Oid         funcresulttype;
    bool        funcretset;
    bool        funcvariadic;
    CoercionForm funcformat;
    Oid         funccollid;
    Oid         inputcollid;
    List       *args;
    int         location;
} FuncExpr;

/* OpExpr, DistinctExpr (IS DISTINCT FROM) and NullIfExpr share this layout. */
typedef struct OpExpr
{
    Expr        xpr;
    Oid         opno;
    Oid         opfuncid;       /* pg_proc OID of the operator's function */
    Oid         opresulttype;
    bool        opretset;
    Oid         opcollid;
    Oid         inputcollid;
    List       *args;           /* one (prefix) or two arguments */
    int         location;
} OpExpr;
typedef OpExpr DistinctExpr;
typedef OpExpr NullIfExpr;

/* x op ANY/ALL (array) */
typedef struct ScalarArrayOpExpr
{
    Expr        xpr;
    Oid         opno;
    Oid         opfuncid;
    bool        useOr;          /* true for ANY, false for ALL */
    Oid         inputcollid;
    List       *args;           /* scalar, array */
    int         location;
} ScalarArrayOpExpr;

typedef enum BoolExprType
{
    AND_EXPR, OR_EXPR, NOT_EXPR
} BoolExprType;

typedef struct BoolExpr
{
    Expr        xpr;
    BoolExprType boolop;
    List       *args;
    int         location;
} BoolExpr;

typedef enum SubLinkType
{
    EXISTS_SUBLINK,
    ALL_SUBLINK,
    ANY_SUBLINK,
    ROWCOMPARE_SUBLINK,
    EXPR_SUBLINK,
    MULTIEXPR_SUBLINK,
    ARRAY_SUBLINK,
    CTE_SUBLINK
} SubLinkType;

typedef struct SubLink
{
    Expr        xpr;
    SubLinkType subLinkType;
    int         subLinkId;
    Node       *testexpr;       /* for ANY/ALL: the comparison, with PARAM_SUBLINK */
    List       *operName;
    Node       *subselect;      /* Query, after analysis */
    int         location;
} SubLink;

/* Planner output for a SubLink: runs plan `plan_id` of PlannedStmt.subplans. */
typedef struct SubPlan
{
    Expr        xpr;
    SubLinkType subLinkType;
    Node       *testexpr;
    List       *paramIds;       /* PARAM_EXEC ids the testexpr uses */
    int         plan_id;        /* 1-based index into PlannedStmt.subplans */
    char       *plan_name;
    Oid         firstColType;
    int32       firstColTypmod;
    Oid         firstColCollation;
    bool        useHashTable;
    bool        unknownEqFalse;
    List       *setParam;       /* initplan: PARAM_EXEC ids it sets */
    List       *parParam;       /* correlation: PARAM_EXEC ids passed down */
    List       *args;           /* values for parParam */
} SubPlan;

typedef struct RelabelType
{
    Expr        xpr;
    Expr       *arg;
    Oid         resulttype;
    int32       resulttypmod;
    Oid         resultcollid;
    CoercionForm relabelformat;
    int         location;
} RelabelType;

typedef struct CoerceViaIO
{
    Expr        xpr;
    Expr       *arg;
    Oid         resulttype;
    Oid         resultcollid;
    CoercionForm coerceformat;
    int         location;
} CoerceViaIO;

/*
 * ArrayCoerceExpr: coerce each element of an array (arg) with elemexpr,
 * which reads the element through a CaseTestExpr; e.g. '{ab,c}'::char(2)[]
 * or int[] -> numeric[].  NULL elements stay NULL; dimensions are kept.
 */
typedef struct ArrayCoerceExpr
{
    Expr        xpr;
    Expr       *arg;            /* input array */
    Expr       *elemexpr;       /* per element, over a CaseTestExpr */
    Oid         resulttype;     /* output array type */
    int32       resulttypmod;
    Oid         resultcollid;
    CoercionForm coerceformat;
    int         location;
} ArrayCoerceExpr;

typedef struct CaseExpr
{
    Expr        xpr;
    Oid         casetype;
    Oid         casecollid;
    Expr       *arg;            /* implicit equality comparison argument */
    List       *args;           /* CaseWhen list */
    Expr       *defresult;
    int         location;
} CaseExpr;

typedef struct CaseWhen
{
    Expr        xpr;
    Expr       *expr;
    Expr       *result;
    int         location;
} CaseWhen;

typedef struct CaseTestExpr
{
    Expr        xpr;
    Oid         typeId;
    int32       typeMod;
    Oid         collation;
} CaseTestExpr;

typedef struct ArrayExpr
{
    Expr        xpr;
    Oid         array_typeid;
    Oid         array_collid;
    Oid         element_typeid;
    List       *elements;
    bool        multidims;
    int         location;
} ArrayExpr;

/*
 * SubscriptingRef: array element or slice, a[i] / a[i:j]; with
 * refassgnexpr set (UPDATE ... SET a[i] = x) the result is the whole array
 * with the element or slice replaced (refrestype is then the array type).  refupperindexpr holds one int4
 * expression per subscript; reflowerindexpr is NIL for an element fetch,
 * else one per subscript for a slice (NULL entries for omitted bounds, a
 * Const 1 for a plain subscript within a slice).  The result is the
 * element type (refrestype == refelemtype) or, for a slice, the array
 * type.  Evaluated with procs' array_get_element / array_get_slice.
 */
typedef struct SubscriptingRef
{
    Expr        xpr;
    Oid         refcontainertype;   /* the array type */
    Oid         refelemtype;        /* its element type */
    Oid         refrestype;         /* result type */
    int32       reftypmod;
    Oid         refcollid;
    List       *refupperindexpr;
    List       *reflowerindexpr;
    Expr       *refexpr;            /* the array */
    Expr       *refassgnexpr;       /* NULL: fetch */
} SubscriptingRef;

typedef struct RowExpr
{
    Expr        xpr;
    List       *args;
    Oid         row_typeid;
    CoercionForm row_format;
    List       *colnames;
    int         location;
} RowExpr;

/*
 * (expr).field: field fieldnum (1-based, among the record's columns as
 * procs/rowtypes.c stores them) of a record-valued expression.
 */
typedef struct FieldSelect
{
    Expr        xpr;
    Expr       *arg;
    int16       fieldnum;
    Oid         resulttype;
    int32       resulttypmod;
    Oid         resultcollid;
} FieldSelect;

typedef struct CoalesceExpr
{
    Expr        xpr;
    Oid         coalescetype;
    Oid         coalescecollid;
    List       *args;
    int         location;
} CoalesceExpr;

typedef enum MinMaxOp
{
    IS_GREATEST, IS_LEAST
} MinMaxOp;

typedef struct MinMaxExpr
{
    Expr        xpr;
    Oid         minmaxtype;
    Oid         minmaxcollid;
    Oid         inputcollid;
    MinMaxOp    op;
    List       *args;
    int         location;
} MinMaxExpr;

typedef enum SQLValueFunctionOp
{
    SVFOP_CURRENT_DATE, SVFOP_CURRENT_TIME, SVFOP_CURRENT_TIME_N,
    SVFOP_CURRENT_TIMESTAMP, SVFOP_CURRENT_TIMESTAMP_N, SVFOP_LOCALTIME,
    SVFOP_LOCALTIME_N, SVFOP_LOCALTIMESTAMP, SVFOP_LOCALTIMESTAMP_N,
    SVFOP_CURRENT_ROLE, SVFOP_CURRENT_USER, SVFOP_USER, SVFOP_SESSION_USER,
    SVFOP_CURRENT_CATALOG, SVFOP_CURRENT_SCHEMA
} SQLValueFunctionOp;

typedef struct SQLValueFunction
{
    Expr        xpr;
    SQLValueFunctionOp op;
    Oid         type;
    int32       typmod;
    int         location;
} SQLValueFunction;

typedef enum NullTestType
{
    IS_NULL, IS_NOT_NULL
} NullTestType;

typedef struct NullTest
{
    Expr        xpr;
    Expr       *arg;
    NullTestType nulltesttype;
    bool        argisrow;
    int         location;
} NullTest;

typedef enum BoolTestType
{
    IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, IS_UNKNOWN, IS_NOT_UNKNOWN
} BoolTestType;

typedef struct BooleanTest
{
    Expr        xpr;
    Expr       *arg;
    BoolTestType booltesttype;
    int         location;
} BooleanTest;

typedef struct SetToDefault
{
    Expr        xpr;
    Oid         typeId;
    int32       typeMod;
    Oid         collation;
    int         location;
} SetToDefault;

/*
 * TargetEntry: one output column of a query or plan (or one SET target of
 * an UPDATE, one argument of an aggregate).
 */
typedef struct TargetEntry
{
    Expr        xpr;
    Expr       *expr;
    int16       resno;          /* 1-based position */
    char       *resname;        /* column name, or NULL */
    uint32      ressortgroupref;/* nonzero if referenced by ORDER/GROUP BY */
    Oid         resorigtbl;     /* source table OID, for RowDescription */
    int16       resorigcol;     /* source column number */
    bool        resjunk;        /* true: not output (sort keys, ctid) */
} TargetEntry;

typedef struct RangeTblRef
{
    NodeTag     type;
    int         rtindex;
} RangeTblRef;

typedef enum JoinType
{
    JOIN_INNER, JOIN_LEFT, JOIN_FULL, JOIN_RIGHT,
    JOIN_SEMI, JOIN_ANTI
} JoinType;

typedef struct JoinExpr
{
    NodeTag     type;
    JoinType    jointype;
    bool        isNatural;
    Node       *larg;           /* RangeTblRef or JoinExpr */
    Node       *rarg;
    List       *usingClause;    /* String names */
    Node       *quals;
    Alias      *alias;
    int         rtindex;        /* its RTE_JOIN range table entry */
} JoinExpr;

typedef struct FromExpr
{
    NodeTag     type;
    List       *fromlist;       /* RangeTblRef / JoinExpr, implicitly cross-joined */
    Node       *quals;          /* WHERE, implicitly ANDed after analysis */
} FromExpr;

/* planner/nodefuncs.c: type and location of any expression node */
extern Oid exprType(const Node *expr);
extern int32 exprTypmod(const Node *expr);
extern Oid exprCollation(const Node *expr);
extern int exprLocation(const Node *expr);

#endif
