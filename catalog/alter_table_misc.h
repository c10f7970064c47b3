/*-------------------------------------------------------------------------
 * alter_table_misc.h
 *    ALTER TABLE subcommands that are catalog bookkeeping
 *    (catalog/alter_table_misc.c).
 *-------------------------------------------------------------------------
 */
#ifndef ALTER_TABLE_MISC_H
#define ALTER_TABLE_MISC_H

#include "planner/parser.h"
#include "storage/rel.h"

/* Is this subcommand one ATExecBookkeeping carries out? */
extern bool ATIsBookkeeping(PgQuery__AlterTableType subtype);
/* Carry it out on rel (AccessExclusiveLock held by the caller). */
extern void ATExecBookkeeping(Relation rel, PgQuery__AlterTableCmd *cmd);

/*
 * ALTER TABLE / SEQUENCE / VIEW / INDEX name OWNER TO role [, ...] (only
 * OWNER TO subcommands): PostgreSQL's relation-kind checks, then
 * relowner of the relation (a table's indexes and owned sequences too).
 */
extern void AlterRelationOwner(PgQuery__AlterTableStmt *stmt);

#endif
