/*-------------------------------------------------------------------------
 * execExpr.h
 *    The expression program: steps built by execExpr.c, run by
 *    execExprInterp.c.  Private to the executor.
 *
 * A step reads its inputs from places earlier steps wrote (each step has
 * resvalue/resnull pointers chosen by the compiler: into a FunctionCall's
 * argument array, into the ExprState's result, into a projection's output
 * slot) and may jump.  Everything a step needs at run time (FmgrInfo,
 * FunctionCallInfo, constant values) is allocated once, at compile time,
 * in the query's memory context: evaluation allocates nothing itself;
 * only the called functions may allocate, in the per-tuple context.
 *-------------------------------------------------------------------------
 */
#ifndef EXEC_EXPR_H
#define EXEC_EXPR_H

#include "executor/execnodes.h"

typedef enum ExprEvalOp
{
    EEOP_DONE,
    EEOP_INNER_FETCHSOME,
    EEOP_OUTER_FETCHSOME,
    EEOP_SCAN_FETCHSOME,
    EEOP_INNER_VAR,
    EEOP_OUTER_VAR,
    EEOP_SCAN_VAR,
    EEOP_ASSIGN_INNER_VAR,
    EEOP_ASSIGN_OUTER_VAR,
    EEOP_ASSIGN_SCAN_VAR,
    EEOP_ASSIGN_TMP,
    EEOP_CONST,
    EEOP_FUNCEXPR,
    EEOP_FUNCEXPR_STRICT,
    EEOP_BOOL_AND_STEP_FIRST,
    EEOP_BOOL_AND_STEP,
    EEOP_BOOL_AND_STEP_LAST,
    EEOP_BOOL_OR_STEP_FIRST,
    EEOP_BOOL_OR_STEP,
    EEOP_BOOL_OR_STEP_LAST,
    EEOP_BOOL_NOT_STEP,
    EEOP_QUAL,
    EEOP_JUMP,
    EEOP_JUMP_IF_NULL,
    EEOP_JUMP_IF_NOT_NULL,
    EEOP_JUMP_IF_NOT_TRUE,
    EEOP_NULLTEST_ISNULL,
    EEOP_NULLTEST_ISNOTNULL,
    EEOP_BOOLTEST_IS_TRUE,
    EEOP_BOOLTEST_IS_NOT_TRUE,
    EEOP_BOOLTEST_IS_FALSE,
    EEOP_BOOLTEST_IS_NOT_FALSE,
    EEOP_PARAM_EXTERN,
    EEOP_PARAM_EXEC,
    EEOP_CASE_TESTVAL,
    EEOP_IOCOERCE,
    EEOP_DISTINCT,
    EEOP_NOT_DISTINCT,
    EEOP_NULLIF,
    EEOP_MINMAX,
    EEOP_AGGREF,
    EEOP_GROUPING_FUNC,
    EEOP_SUBPLAN,
    EEOP_SQLVALUEFUNCTION,
    EEOP_ARRAYEXPR,
    EEOP_SCALARARRAYOP,
    EEOP_SBSREF,
    EEOP_ARRAYCOERCE,
    EEOP_ROW,
    EEOP_SCAN_WHOLEROW,
    EEOP_FIELDSELECT,
    EEOP_NULLTEST_ROWISNULL,
    EEOP_NULLTEST_ROWISNOTNULL,
    EEOP_LAST
} ExprEvalOp;

/*
 * Run-time workspace of a SubscriptingRef (a[i], a[i:j], and the
 * assignment form a[i] := x): the array itself is computed into the
 * step's resvalue, the subscripts and the new value into these fields.
 */
typedef struct SubscriptingRefState
{
    bool        isassignment;
    bool        isslice;
    int         numupper;
    int         numlower;           /* 0 for an element, numupper for a slice */
    Datum      *upperindex;
    bool       *upperindexnull;
    bool       *upperprovided;
    Datum      *lowerindex;
    bool       *lowerindexnull;
    bool       *lowerprovided;
    Datum       replacevalue;       /* assignment: the value to store */
    bool        replacenull;
    Oid         refelemtype;
    int16       refattrlength;      /* the array type's typlen (-1) */
    int16       refelemlength;
    bool        refelembyval;
    char        refelemalign;
    /* a non-array container's handler (procs/subscripting.h), else NULL */
    const struct SubscriptRoutines *routines;
    void       *workspace;          /* the handler's, from its exec_setup */
} SubscriptingRefState;

typedef struct ExprEvalStep
{
    ExprEvalOp  opcode;
    Datum      *resvalue;
    bool       *resnull;
    union
    {
        struct { int last_var; } fetch;
        struct { int attnum; } var;                     /* 0-based */
        struct { int attnum; int resultnum; } assign_var;
        struct { int resultnum; } assign_tmp;
        struct { Datum value; bool isnull; } constval;
        struct
        {
            FmgrInfo   *finfo;
            FunctionCallInfo fcinfo_data;
            PGFunction  fn_addr;
            int         nargs;
        } func;
        struct { bool *anynull; int jumpdone; } boolexpr;
        struct { int jumpdone; } qualexpr;
        struct { int jumpdone; } jump;
        struct { int paramid; Oid paramtype; } param;
        struct { Datum *value; bool *isnull; } casetest;
        struct
        {
            FmgrInfo   *finfo_out;
            FunctionCallInfo fcinfo_data_out;
            FmgrInfo   *finfo_in;
            FunctionCallInfo fcinfo_data_in;
        } iocoerce;
        struct
        {
            Datum      *values;
            bool       *nulls;
            int         nelems;
            MinMaxOp    op;
            FmgrInfo   *finfo;          /* btree comparison function */
            FunctionCallInfo fcinfo_data;
        } minmax;
        struct { int aggno; } aggref;
        struct
        {
            struct AggState *parent;    /* reads its grp_grouped */
            int         ncols;
            int16      *cols;           /* input columns (attnos) of the arguments */
        } grouping_func;
        struct { struct SubPlanState *sstate; } subplan;
        struct { SQLValueFunction *svf; } sqlvaluefunction;
        struct
        {
            Datum      *elemvalues;     /* the elements, computed by earlier steps */
            bool       *elemnulls;
            int         nelems;
            Oid         elemtype;
            int16       elemlength;
            bool        elembyval;
            char        elemalign;
            bool        multidims;      /* elements are sub-arrays */
        } arrayexpr;
        struct
        {
            TupleDesc   tupdesc;        /* the record's columns */
            Datum      *elemvalues;     /* computed by earlier steps */
            bool       *elemnulls;
        } row;
        struct
        {
            /* the scalar is in fcinfo_data->args[0], the array in resvalue */
            Oid         element_type;
            bool        useOr;
            int16       typlen;
            bool        typbyval;
            char        typalign;
            FmgrInfo   *finfo;
            FunctionCallInfo fcinfo_data;
            PGFunction  fn_addr;
        } scalararrayop;
        struct { SubscriptingRefState *state; } sbsref;
        struct { struct RecordStepCache *cache; } wholerow;    /* execExprRow.c */
        struct
        {
            struct RecordStepCache *cache;
            int         fieldnum;       /* 1-based */
            Oid         resulttype;
        } fieldselect;
        struct { struct RecordStepCache *cache; } rownulltest;
        struct { struct ArrayCoerceState *state; } arraycoerce;
    } d;
} ExprEvalStep;

/*
 * ArrayCoerceExpr at run time (execArrayCoerce.c): elemstate is the
 * per-element expression, compiled separately with its CaseTestExpr
 * reading caseval/casenull.
 */
typedef struct ArrayCoerceState
{
    struct ExprState *elemstate;
    Datum       caseval;
    bool        casenull;
    Oid         srcelemtype;
    int16       srclen;
    bool        srcbyval;
    char        srcalign;
    Oid         reselemtype;
    int16       reslen;
    bool        resbyval;
    char        resalign;
} ArrayCoerceState;

extern void ExecEvalArrayCoerce(ExprEvalStep *op, struct ExprContext *econtext);

/* execExprRow.c: whole-row Vars, field selection, ROW IS [NOT] NULL */
extern void ExecInitWholeRowVar(ExprEvalStep *scratch, Var *var, ExprState *state);
extern struct RecordStepCache *ExecInitRecordStepCache(void);
extern void ExecEvalWholeRowVar(ExprEvalStep *op, struct ExprContext *econtext);
extern void ExecEvalFieldSelect(ExprEvalStep *op);
extern void ExecEvalRowNullTest(ExprEvalStep *op, bool checkisnull);

#endif
