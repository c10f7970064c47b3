/*-------------------------------------------------------------------------
 * alter_table.h
 *    ALTER TABLE (catalog/alter_table.c).
 *-------------------------------------------------------------------------
 */
#ifndef ALTER_TABLE_H
#define ALTER_TABLE_H

#include "planner/parser.h"

extern void AlterTable(PgQuery__AlterTableStmt *stmt, const char *queryString);
/* ALTER TABLE [IF EXISTS] name RENAME CONSTRAINT old TO new */
extern void ExecRenameConstraint(PgQuery__RenameStmt *stmt);

#endif
