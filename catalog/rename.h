/*-------------------------------------------------------------------------
 * rename.h
 *    ALTER TABLE/VIEW ... RENAME TO and RENAME [COLUMN] (catalog/rename.c).
 *-------------------------------------------------------------------------
 */
#ifndef RENAME_H
#define RENAME_H

#include "planner/parser.h"

extern void ExecRenameStmt(PgQuery__RenameStmt *stmt);

#endif /* RENAME_H */
