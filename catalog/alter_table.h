/*-------------------------------------------------------------------------
 * alter_table.h
 *    ALTER TABLE (catalog/alter_table.c).
 *-------------------------------------------------------------------------
 */
#ifndef ALTER_TABLE_H
#define ALTER_TABLE_H

#include "planner/parser.h"

extern void AlterTable(PgQuery__AlterTableStmt *stmt, const char *queryString);

#endif
