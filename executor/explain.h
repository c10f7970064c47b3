/*-------------------------------------------------------------------------
 * explain.h
 *    EXPLAIN [ANALYZE]: a statement's plan as rows of text
 *    (executor/explain.c).
 *-------------------------------------------------------------------------
 */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "backend/basalt.h"
#include "executor/dest.h"
#include "planner/parser.h"
#include "planner/params.h"

/* The one-column result descriptor: "QUERY PLAN" text. */
extern TupleDesc ExplainResultDesc(void);

/*
 * Runs EXPLAIN: plans (and under ANALYZE, executes) the statement and sends
 * the plan's lines through dest.  pstmt->stmt is the ExplainStmt.
 */
extern void ExplainQuery(RawStmt *pstmt, const char *queryString,
                         ParamListInfo params, DestReceiver *dest);

#endif                          /* EXPLAIN_H */
