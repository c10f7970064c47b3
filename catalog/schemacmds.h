/*-------------------------------------------------------------------------
 * schemacmds.h
 *    CREATE SCHEMA / DROP SCHEMA (catalog/schemacmds.c), called by the
 *    backend's utility dispatch with libpg_query's raw statements.
 *-------------------------------------------------------------------------
 */
#ifndef SCHEMACMDS_H
#define SCHEMACMDS_H

#include "planner/parser.h"

/* CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [elements] */
/* Drop every relation in a temporary schema (namespace.c). */
extern void RemoveTempRelations(Oid nspid);
extern void CreateSchemaCommand(PgQuery__CreateSchemaStmt *stmt, const char *queryString);

/* DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT] */
extern void RemoveSchemas(PgQuery__DropStmt *stmt);

#endif /* SCHEMACMDS_H */
