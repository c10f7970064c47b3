/*-------------------------------------------------------------------------
 * portalcmds.h
 *    SQL cursors: DECLARE / FETCH / MOVE / CLOSE (backend/portalcmds.c).
 *-------------------------------------------------------------------------
 */
#ifndef PORTALCMDS_H
#define PORTALCMDS_H

#include "executor/dest.h"
#include "planner/params.h"
#include "planner/parser.h"
#include "storage/tupdesc.h"

extern void PerformCursorOpen(PgQuery__DeclareCursorStmt *stmt, RawStmt *pstmt,
                              const char *queryString, ParamListInfo params, bool isTopLevel);
/* FETCH / MOVE: rows to dest, completionTag "FETCH n" / "MOVE n". */
extern void PerformPortalFetch(PgQuery__FetchStmt *stmt, DestReceiver *dest,
                               char *completionTag);
/* CLOSE name; NULL or "" = CLOSE ALL. */
extern void PerformPortalClose(const char *name);
/* The rows FETCH returns (a copy), NULL for MOVE or an unknown cursor. */
extern TupleDesc FetchResultDesc(PgQuery__FetchStmt *stmt);

#endif
