/*-------------------------------------------------------------------------
 * pg_constraint.h
 *    CHECK constraints in pg_constraint (catalog/pg_constraint.c).
 *
 * conbin holds the constraint as SQL text (as pg_attrdef.adbin does,
 * docs/DECISIONS.md 13); the executor analyzes it once per statement
 * (executor/execConstraints.c).
 *-------------------------------------------------------------------------
 */
#ifndef PG_CONSTRAINT_H
#define PG_CONSTRAINT_H

#include "planner/parser.h"
#include "storage/rel.h"

/* A CHECK constraint of a table, as stored. */
typedef struct CheckConstraintDef
{
    char       *conname;
    char       *consrc;         /* SQL text of the boolean expression */
} CheckConstraintDef;

/* A CHECK constraint written in CREATE TABLE (colname: column constraint). */
typedef struct CheckConstraintSpec
{
    PgQuery__Constraint *con;
    const char *colname;
} CheckConstraintSpec;

/*
 * Validate and store CREATE TABLE's CHECK constraints (a List of
 * CheckConstraintSpec *), naming the unnamed ones as PostgreSQL does.
 */
extern void AddRelationCheckConstraints(Oid relid, List *specs);

/* The CHECK constraints of relid, ordered by name (CheckConstraintDef *). */
extern List *RelationGetCheckConstraints(Oid relid);

/*
 * Analyze constraint text against relid: a boolean expression whose Vars
 * (varno 1) are the table's columns.
 */
extern Node *cookCheckConstraint(Oid relid, const char *consrc);

#endif
