/*-------------------------------------------------------------------------
 * lockcmds.h
 *    LOCK TABLE (catalog/lockcmds.c).
 *-------------------------------------------------------------------------
 */
#ifndef LOCKCMDS_H
#define LOCKCMDS_H

#include "planner/parser.h"

extern void LockTableCommand(PgQuery__LockStmt *stmt, bool isTopLevel);

#endif
