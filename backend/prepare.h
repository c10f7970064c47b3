/*-------------------------------------------------------------------------
 * prepare.h
 *    SQL-level PREPARE / EXECUTE / DEALLOCATE (backend/prepare.c), on the
 *    session's one prepared-statement store (backend/portal.h), shared
 *    with the extended query protocol's Parse/Bind/Close.
 *-------------------------------------------------------------------------
 */
#ifndef PREPARE_H
#define PREPARE_H

#include "executor/dest.h"
#include "planner/parser.h"
#include "planner/params.h"
#include "storage/tupdesc.h"

extern void PrepareQuery(PgQuery__PrepareStmt *stmt, RawStmt *pstmt, const char *queryString);
extern void ExecuteQuery(PgQuery__ExecuteStmt *stmt, const char *queryString,
                         ParamListInfo params, DestReceiver *dest, char *completionTag);
extern void DeallocateQuery(PgQuery__DeallocateStmt *stmt);
/* The rows EXECUTE name returns (a copy), or NULL (none, or no such statement). */
extern TupleDesc ExecuteResultDesc(PgQuery__ExecuteStmt *stmt);

#endif
