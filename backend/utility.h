/*-------------------------------------------------------------------------
 * utility.h
 *    Execution of statements that do not go through the planner and
 *    executor (PostgreSQL's tcop/utility.c): transaction control, SET /
 *    RESET / SHOW, CREATE TABLE, DROP TABLE.  Everything else is
 *    0A000 "%s is not supported yet", naming the statement.
 *
 * The statement arrives as libpg_query's raw protobuf node.  Results
 * (SHOW) go to the given DestReceiver; the command tag goes into
 * completionTag (COMPLETION_TAG_BUFSIZE bytes), e.g. "ROLLBACK" for a
 * COMMIT of a failed transaction block, as PostgreSQL reports it.
 *-------------------------------------------------------------------------
 */
#ifndef UTILITY_H
#define UTILITY_H

#include "executor/dest.h"
#include "planner/parser.h"
#include "planner/params.h"

extern void ProcessUtility(RawStmt *pstmt, const char *queryString, bool isTopLevel,
                           ParamListInfo params, DestReceiver *dest,
                           char *completionTag);

/* Reject what PostgreSQL's grammar would (ERROR 42601); called before execution. */
extern void CheckUtilityStatement(RawNode *node);

/* PostgreSQL's command tag for a raw statement ("CREATE TABLE", "SELECT", ...). */
extern const char *CreateCommandTag(RawNode *node);

/* Does this utility statement return rows (SHOW)?  Its descriptor, or NULL. */
extern TupleDesc UtilityTupleDescriptor(RawNode *node);

/* BEGIN/START/COMMIT/ROLLBACK/SAVEPOINT/...: ends the implicit transaction. */
extern bool IsTransactionStmt(RawNode *node);
/* COMMIT / ROLLBACK / ROLLBACK TO / PREPARE TRANSACTION: allowed in a failed block. */
extern bool IsTransactionExitStmt(RawNode *node);

/* SET x TO a, b, ... flattened to the string GUC parses (PostgreSQL's rules). */
extern char *ExtractSetVariableArgs(PgQuery__VariableSetStmt *stmt);

#endif /* UTILITY_H */
