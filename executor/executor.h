/*-------------------------------------------------------------------------
 * executor.h
 *    The executor's entry points, PostgreSQL-shaped:
 *      desc = CreateQueryDesc(plannedstmt, sourceText, snapshot, dest, params);
 *      ExecutorStart(desc);                    builds the plan state tree
 *      ExecutorRun(desc, direction, count);    count 0 = all rows
 *      ExecutorFinish(desc); ExecutorEnd(desc);
 *    desc->estate->es_processed counts rows for the command tag.
 *    ExecutorRun may be called repeatedly with a row count (portals with
 *    Execute row limits); desc->already_executed / at end tells the rest.
 *-------------------------------------------------------------------------
 */
#ifndef EXECUTOR_H
#define EXECUTOR_H

#include "planner/plannodes.h"
#include "planner/params.h"
#include "executor/dest.h"
#include "storage/heapam.h"

typedef struct QueryDesc
{
    CmdType     operation;
    PlannedStmt *plannedstmt;
    const char *sourceText;
    Snapshot    snapshot;
    DestReceiver *dest;
    ParamListInfo params;
    TupleDesc   tupDesc;            /* result descriptor, set by ExecutorStart */
    struct EState *estate;
    struct PlanState *planstate;
    struct JunkFilter *junkfilter;  /* drops resjunk columns before dest */
    bool        already_executed;
    bool        run_done;           /* the plan has returned its last row */
    uint64      processed;          /* rows returned / affected so far */
} QueryDesc;

extern QueryDesc *CreateQueryDesc(PlannedStmt *plannedstmt, const char *sourceText,
                                  Snapshot snapshot, DestReceiver *dest,
                                  ParamListInfo params);
extern void FreeQueryDesc(QueryDesc *qdesc);
extern void ExecutorStart(QueryDesc *queryDesc, int eflags);
extern void ExecutorRun(QueryDesc *queryDesc, ScanDirection direction, uint64 count);
extern void ExecutorFinish(QueryDesc *queryDesc);
extern void ExecutorEnd(QueryDesc *queryDesc);

/* Result descriptor of a target list (Describe, RowDescription). */
extern TupleDesc ExecTypeFromTL(List *targetList);
extern TupleDesc ExecCleanTypeFromTL(List *targetList);   /* without resjunk */

#endif
