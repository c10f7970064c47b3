/*-------------------------------------------------------------------------
 * alter_table_cols.h
 *    ALTER TABLE ADD COLUMN / DROP COLUMN (catalog/alter_table_cols.c).
 *    The caller (alter_table.c) holds AccessExclusiveLock on rel and does
 *    CommandCounterIncrement afterwards.
 *-------------------------------------------------------------------------
 */
#ifndef ALTER_TABLE_COLS_H
#define ALTER_TABLE_COLS_H

#include "planner/parser.h"
#include "storage/rel.h"

extern void ATExecAddColumn(Relation rel, PgQuery__ColumnDef *cd, bool if_not_exists);
extern void ATExecDropColumn(Relation rel, const char *colname, bool missing_ok, bool cascade);
/* ALTER COLUMN TYPE [USING expr]: rows rewritten into new storage */
extern void ATExecAlterColumnType(Relation rel, const char *colname, PgQuery__ColumnDef *def,
                                  const char *queryString);

#endif /* ALTER_TABLE_COLS_H */
