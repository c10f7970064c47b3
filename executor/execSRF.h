/*-------------------------------------------------------------------------
 * execSRF.h
 *    Calling set-returning functions from the executor (FunctionScan and
 *    ProjectSet), in either of PostgreSQL's protocols (procs/funcapi.h).
 *-------------------------------------------------------------------------
 */
#ifndef EXEC_SRF_H
#define EXEC_SRF_H

#include "executor/execnodes.h"
#include "executor/tuplestore.h"
#include "procs/funcapi.h"

typedef struct SetExprState
{
    FuncExpr   *func;
    FmgrInfo    finfo;
    FunctionCallInfo fcinfo;
    List       *args;               /* ExprState per argument */
    ReturnSetInfo rsinfo;
    bool        started;            /* first call made for the current arguments */
    bool        done;
    bool        argsnull;           /* strict function with a NULL argument: empty set */
    Tuplestorestate *setResult;     /* the function chose materialize mode */
    TupleTableSlot *setSlot;        /* reads setResult */
    MemoryContext argcontext;       /* argument values of the current set */
    /*
     * The function returns a composite type or RECORD and answers in
     * materialize mode: ExecSetExprNext returns each row as a record
     * (ProjectSet).  FunctionScan clears it and reads setSlot's columns.
     */
    bool        rows_as_records;
} SetExprState;

extern SetExprState *ExecInitSetExpr(FuncExpr *func, ExprContext *econtext, PlanState *parent);
/* Evaluate the arguments for a new set (new input row or rescan). */
extern void ExecSetExprStart(SetExprState *state, ExprContext *econtext);
/* Next value of the set: *isDone = ExprEndResult when there is none. */
extern Datum ExecSetExprNext(SetExprState *state, ExprContext *econtext, bool *isNull,
                             ExprDoneCond *isDone);

#endif
