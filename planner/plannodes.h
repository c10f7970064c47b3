/*-------------------------------------------------------------------------
 * plannodes.h
 *    Plan trees: the contract between the optimizer and the executor.
 *    PlannedStmt is the top; the per-node structs below it are owned by
 *    the planner/executor engineers and follow PostgreSQL's
 *    src/include/nodes/plannodes.h where it applies.
 *-------------------------------------------------------------------------
 */
#ifndef PLANNODES_H
#define PLANNODES_H

#include "planner/parsenodes.h"

typedef struct PlannedStmt
{
    NodeTag     type;
    CmdType     commandType;
    bool        hasReturning;
    bool        canSetTag;
    struct Plan *planTree;
    List       *rtable;
    List       *resultRelations;   /* int list of rtable indexes */
    List       *subplans;          /* Plan trees for SubPlan nodes */
    List       *relationOids;      /* relations the plan depends on (invalidation) */
    int         nParamExec;
    struct PgQuery__Node *utilityStmt;   /* when commandType == CMD_UTILITY */
    int         stmt_location;
    int         stmt_len;
    /* data-modifying WITH queries: their subplan ids (1-based, into
     * subplans) and the PARAM_EXEC slot each CteScan shares; each runs to
     * completion exactly once (executor/nodeCtescan.c) */
    List       *modifyingCtePlanIds;
    List       *modifyingCteParams;
} PlannedStmt;

#include "planner/plannodes_defs.h"

#endif
