/*-------------------------------------------------------------------------
 * reloptions.h
 *    Table storage parameters, WITH (name = value, ...) of CREATE TABLE
 *    (PostgreSQL's access/common/reloptions.c, heap and toast kinds).
 *
 * Every PostgreSQL 15 heap parameter is accepted and validated with
 * PostgreSQL's messages and bounds (22023), and kept in pg_class.reloptions
 * as text[] ("name=value"; toast.* ones are validated, not kept).  None of them changes
 * Basalt's behaviour yet: fillfactor, autovacuum_* and the rest are
 * recorded, not acted on (there is no vacuum, and heap inserts fill pages).
 *-------------------------------------------------------------------------
 */
#ifndef RELOPTIONS_H
#define RELOPTIONS_H

#include "planner/parser.h"

/*
 * Validate the WITH list (DefElem nodes) of a CREATE TABLE; return the
 * text[] to store in pg_class.reloptions, or (Datum) 0 for none.
 */
extern Datum transformRelOptions(PgQuery__Node **options, size_t noptions);

#endif /* RELOPTIONS_H */
