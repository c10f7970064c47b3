/*-------------------------------------------------------------------------
 * parsenodes.h
 *    The analyzed statement: Query, its range table and clauses.  This is
 *    the contract between the analyzer (planner/analyze*.c) and the
 *    optimizer (planner/plan*.c).  Field meanings are PostgreSQL's
 *    (src/include/nodes/parsenodes.h).
 *
 *    Raw (unanalyzed) parse trees are libpg_query's protobuf structs
 *    (PgQuery__Node, see planner/parser.h); there is no second copy of the
 *    grammar's node types.
 *-------------------------------------------------------------------------
 */
#ifndef PARSENODES_H
#define PARSENODES_H

#include "planner/primnodes.h"

typedef enum CmdType
{
    CMD_UNKNOWN,
    CMD_SELECT,
    CMD_UPDATE,
    CMD_INSERT,
    CMD_DELETE,
    CMD_MERGE,
    CMD_UTILITY,
    CMD_NOTHING
} CmdType;

typedef enum RTEKind
{
    RTE_RELATION,
    RTE_SUBQUERY,
    RTE_JOIN,
    RTE_FUNCTION,
    RTE_VALUES,
    RTE_CTE,
    RTE_RESULT
} RTEKind;

typedef struct RangeTblEntry
{
    NodeTag     type;
    RTEKind     rtekind;
    /* RTE_RELATION */
    Oid         relid;
    char        relkind;
    int         rellockmode;    /* lock taken by the analyzer */
    /* RTE_SUBQUERY */
    struct Query *subquery;
    /* RTE_JOIN */
    JoinType    jointype;
    List       *joinaliasvars;  /* Vars/exprs of the join's output columns */
    /* RTE_FUNCTION */
    List       *functions;      /* FuncExpr list */
    List       *funccolcounts;  /* int list: columns of each function (ROWS FROM) */
    bool        funcordinality;
    /* RTE_VALUES */
    List       *values_lists;   /* list of expression lists */
    /* RTE_CTE */
    char       *ctename;
    int         ctelevelsup;
    bool        self_reference;
    /*
     * Output column info, for every kind of RTE (Basalt fills it for
     * relations too, from the descriptor at analysis time; dropped columns
     * have type InvalidOid and name "" in eref)
     */
    List       *coltypes;       /* OID list */
    List       *coltypmods;     /* int list */
    List       *colcollations;  /* OID list */
    Alias      *alias;          /* user-written alias */
    Alias      *eref;           /* expanded names: alias or relname + column names */
    bool        lateral;
    bool        inh;
    bool        inFromCl;       /* present in FROM (vs. added implicitly) */
    uint32      requiredPerms;  /* ACL_SELECT etc. (later issue) */
} RangeTblEntry;

/* ORDER BY / GROUP BY / DISTINCT item: refers to a TargetEntry by tleSortGroupRef. */
typedef struct SortGroupClause
{
    NodeTag     type;
    uint32      tleSortGroupRef;
    Oid         eqop;           /* equality operator */
    Oid         sortop;         /* ordering operator ('<' or '>'), or InvalidOid */
    bool        nulls_first;
    bool        hashable;
} SortGroupClause;

typedef enum GroupingSetKind
{
    GROUPING_SET_EMPTY, GROUPING_SET_SIMPLE, GROUPING_SET_ROLLUP,
    GROUPING_SET_CUBE, GROUPING_SET_SETS
} GroupingSetKind;

/*
 * GROUP BY's ROLLUP / CUBE / GROUPING SETS / () as analyzed
 * (parse_clause.c): SIMPLE sets hold an int list of sortgrouprefs, the
 * others a list of GroupingSets.  expand_grouping_sets (parse_agg.c)
 * turns Query.groupingSets into the flat list of sets the planner uses.
 */
#define MAX_GROUPING_SETS 4096      /* PostgreSQL's limit on the expanded sets (54001) */

typedef struct GroupingSet
{
    NodeTag     type;
    GroupingSetKind kind;
    List       *content;
    int         location;
} GroupingSet;

typedef struct WindowClause
{
    NodeTag     type;
    char       *name;
    char       *refname;
    List       *partitionClause;
    List       *orderClause;
    int         frameOptions;
    Node       *startOffset;
    Node       *endOffset;
    uint32      winref;
    /* RANGE with an offset: the in_range support functions (btree amproc 3) */
    Oid         startInRangeFunc;
    Oid         endInRangeFunc;
    Oid         inRangeColl;
    bool        inRangeAsc;
    bool        inRangeNullsFirst;
} WindowClause;

/* WindowClause.frameOptions bits: PostgreSQL 15's FRAMEOPTION_* values (the
 * raw parser's WindowDef.frame_options uses the same bits). */
#define FRAMEOPTION_NONDEFAULT                  0x00001
#define FRAMEOPTION_RANGE                       0x00002
#define FRAMEOPTION_ROWS                        0x00004
#define FRAMEOPTION_GROUPS                      0x00008
#define FRAMEOPTION_BETWEEN                     0x00010
#define FRAMEOPTION_START_UNBOUNDED_PRECEDING   0x00020
#define FRAMEOPTION_END_UNBOUNDED_PRECEDING     0x00040
#define FRAMEOPTION_START_UNBOUNDED_FOLLOWING   0x00080
#define FRAMEOPTION_END_UNBOUNDED_FOLLOWING     0x00100
#define FRAMEOPTION_START_CURRENT_ROW           0x00200
#define FRAMEOPTION_END_CURRENT_ROW             0x00400
#define FRAMEOPTION_START_OFFSET_PRECEDING      0x00800
#define FRAMEOPTION_END_OFFSET_PRECEDING        0x01000
#define FRAMEOPTION_START_OFFSET_FOLLOWING      0x02000
#define FRAMEOPTION_END_OFFSET_FOLLOWING        0x04000
#define FRAMEOPTION_EXCLUDE_CURRENT_ROW         0x08000
#define FRAMEOPTION_EXCLUDE_GROUP               0x10000
#define FRAMEOPTION_EXCLUDE_TIES                0x20000
#define FRAMEOPTION_START_OFFSET \
    (FRAMEOPTION_START_OFFSET_PRECEDING | FRAMEOPTION_START_OFFSET_FOLLOWING)
#define FRAMEOPTION_END_OFFSET \
    (FRAMEOPTION_END_OFFSET_PRECEDING | FRAMEOPTION_END_OFFSET_FOLLOWING)
#define FRAMEOPTION_EXCLUSION \
    (FRAMEOPTION_EXCLUDE_CURRENT_ROW | FRAMEOPTION_EXCLUDE_GROUP | FRAMEOPTION_EXCLUDE_TIES)
#define FRAMEOPTION_DEFAULTS \
    (FRAMEOPTION_RANGE | FRAMEOPTION_START_UNBOUNDED_PRECEDING | FRAMEOPTION_END_CURRENT_ROW)

typedef struct CommonTableExpr
{
    NodeTag     type;
    char       *ctename;
    List       *aliascolnames;
    Node       *ctequery;       /* Query after analysis */
    bool        cterecursive;
    int         cterefcount;
    List       *ctecolnames;
    List       *ctecoltypes;
    List       *ctecoltypmods;
    List       *ctecolcollations;
    int         location;
    /* WITH RECURSIVE, while the CTE's own query is analyzed (parse_cte.c) */
    bool        cteanalyzing;   /* a reference to it is a self-reference */
    bool        cteunion;       /* its query is "x UNION [ALL] y" */
    int         cteselfrefs;    /* self-references seen */
} CommonTableExpr;

/* INSERT ... ON CONFLICT's action (Query.onConflictAction, ModifyTable). */
typedef enum OnConflictAction
{
    ONCONFLICT_NONE, ONCONFLICT_NOTHING, ONCONFLICT_UPDATE
} OnConflictAction;

typedef enum LimitOption
{
    LIMIT_OPTION_COUNT,
    LIMIT_OPTION_WITH_TIES,
    LIMIT_OPTION_DEFAULT
} LimitOption;

typedef enum SetOperation
{
    SETOP_NONE = 0, SETOP_UNION, SETOP_INTERSECT, SETOP_EXCEPT
} SetOperation;

typedef struct SetOperationStmt
{
    NodeTag     type;
    SetOperation op;
    bool        all;
    Node       *larg;           /* RangeTblRef or SetOperationStmt */
    Node       *rarg;
    List       *colTypes;
    List       *colTypmods;
    List       *colCollations;
    List       *groupClauses;
} SetOperationStmt;

/* SELECT ... FOR UPDATE/NO KEY UPDATE/SHARE/KEY SHARE [NOWAIT | SKIP LOCKED] */
typedef enum LockClauseStrength
{
    LCS_NONE,
    LCS_FORKEYSHARE,
    LCS_FORSHARE,
    LCS_FORNOKEYUPDATE,
    LCS_FORUPDATE
} LockClauseStrength;

typedef enum LockWaitPolicy
{
    LockWaitBlock,
    LockWaitSkip,
    LockWaitError
} LockWaitPolicy;

/* A relation of this query level whose rows the query locks (Query.rowMarks). */
typedef struct RowMarkClause
{
    NodeTag     type;
    int         rti;            /* range table index of the relation */
    LockClauseStrength strength;
    LockWaitPolicy waitPolicy;
} RowMarkClause;

typedef struct Query
{
    NodeTag     type;
    CmdType     commandType;
    bool        canSetTag;
    struct PgQuery__Node *utilityStmt;  /* raw statement when CMD_UTILITY */
    int         resultRelation; /* rtable index of INSERT/UPDATE/DELETE target */
    bool        hasAggs;
    bool        hasWindowFuncs;
    bool        hasTargetSRFs;
    bool        hasSubLinks;
    bool        hasDistinctOn;
    bool        hasRecursive;
    bool        hasModifyingCTE;
    List       *cteList;
    List       *rtable;
    FromExpr   *jointree;
    List       *targetList;     /* TargetEntry list */
    List       *returningList;
    List       *withCheckOptions;   /* TargetEntry list: expr = a view's WHERE, resname = the view (WITH CHECK OPTION) */
    List       *groupClause;    /* SortGroupClause list */
    List       *groupingSets;   /* GroupingSet list (parse_clause.c), NIL without */
    bool        groupDistinct;  /* GROUP BY DISTINCT */
    Node       *havingQual;
    List       *windowClause;
    List       *distinctClause;
    List       *sortClause;
    Node       *limitOffset;
    Node       *limitCount;
    LimitOption limitOption;
    Node       *setOperations;  /* SetOperationStmt tree, for UNION etc. */
    List       *constraintDeps;
    List       *rowMarks;       /* RowMarkClause list (FOR UPDATE ...) */
    /* INSERT ... ON CONFLICT (planner/parse_conflict.c) */
    OnConflictAction onConflictAction;
    List       *arbiterIndexes; /* OIDs of the arbiter indexes; NIL = all unique ones */
    List       *onConflictSet;  /* DO UPDATE SET: TargetEntry list (resno = column) */
    Node       *onConflictWhere;    /* DO UPDATE ... WHERE */
    int         exclRelIndex;   /* rtable index of EXCLUDED (DO UPDATE), else 0 */
    int         stmt_location;
    int         stmt_len;
} Query;

#endif
