/*-------------------------------------------------------------------------
 * tablecmds.h
 *    CREATE TABLE and DROP TABLE (catalog/tablecmds.c), called by the
 *    backend's utility dispatch with libpg_query's raw statements.
 *
 * What CREATE TABLE accepts today: columns of any defined, non-pseudo
 * type (typmods and array bounds included), NOT NULL / NULL, DEFAULT NULL,
 * IF NOT EXISTS, a schema-qualified name, WITH (storage parameters:
 * validated and recorded, see reloptions.h), TABLESPACE pg_default, USING
 * heap; PRIMARY KEY and UNIQUE (column and table forms) become indexes
 * (catalog/index.c); LIKE [INCLUDING/EXCLUDING ...] copies columns and, per
 * option, defaults, identity, CHECKs and indexes; UNLOGGED is recorded
 * (relpersistence 'u') and stored as a permanent table is (no WAL yet).
 * Everything that needs machinery Basalt lacks is refused with
 * 0A000 rather than half-done: EXCLUDE, generated columns, COLLATE,
 * inheritance, partitioning, OF type.
 *
 * Concurrency: CREATE TABLE serializes against other CREATE TABLEs with a
 * ShareUpdateExclusiveLock on pg_class held to end of transaction (there
 * is no unique index on pg_class names yet to catch a race); DROP TABLE
 * takes AccessExclusiveLock on each table.
 *-------------------------------------------------------------------------
 */
#ifndef TABLECMDS_H
#define TABLECMDS_H

#include "planner/parser.h"

/*
 * CREATE TABLE.  queryString is the text the statement's locations refer
 * to (for error positions).  Ends with CommandCounterIncrement.
 */
extern void DefineRelation(PgQuery__CreateStmt *stmt, const char *queryString);

/* DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
extern void RemoveRelations(PgQuery__DropStmt *stmt);

#endif /* TABLECMDS_H */
