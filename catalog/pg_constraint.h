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
 * CheckConstraintSpec *), naming the unnamed ones as PostgreSQL does;
 * errors point into queryString (NULL: no position).
 */
extern void AddRelationCheckConstraints(Oid relid, List *specs, const char *queryString);

/* The CHECK constraints of relid, ordered by name (CheckConstraintDef *). */
extern List *RelationGetCheckConstraints(Oid relid);

/*
 * Analyze constraint text against relid: a boolean expression whose Vars
 * (varno 1) are the table's columns.
 */
extern Node *cookCheckConstraint(Oid relid, const char *consrc);

/* ---- ALTER TABLE and CHECK constraints (caller holds AccessExclusiveLock) ---- */

/*
 * ADD [CONSTRAINT name] CHECK (...) [NOT VALID] [NO INHERIT], also ADD
 * COLUMN's column CHECK: named as PostgreSQL's ChooseConstraintName, the
 * existing rows checked (23514) unless NOT VALID.
 */
extern void AddTableCheckConstraint(Relation rel, PgQuery__Constraint *c);
/* VALIDATE CONSTRAINT name: rows checked, convalidated set. */
extern void ValidateTableConstraint(Relation rel, const char *name);
/* Analyze every CHECK of relid again (after a column changed type). */
extern void CookCheckConstraints(Oid relid);
/* Check every row of relid against all its CHECKs (after a rewrite). */
extern void RevalidateCheckConstraints(Oid relid);
/* DROP COLUMN: the CHECKs using the column go with it (PostgreSQL's auto dependency). */
extern void DropCheckConstraintsOnColumn(Oid relid, int16 attnum);
/* RENAME COLUMN: the CHECKs' SQL text names the column: rewritten. */
extern void RenameColumnInCheckConstraints(Oid relid, const char *oldcol, const char *newcol);
/* ALTER TABLE RENAME CONSTRAINT (an index constraint's index too). */
extern void RenameTableConstraint(Oid relid, const char *oldname, const char *newname);

/* ---- PRIMARY KEY / UNIQUE constraints (they own an index: catalog/index.c) ---- */

/* A pg_constraint row 'p' or 'u' for index indexid on columns attnums. */
extern void CreateIndexConstraint(Oid relid, Oid nspid, const char *name, char contype,
                                  Oid indexid, const int16 *attnums, int nkeys);
/* Has relid a constraint of this name? */
extern bool ConstraintNameIsUsed(Oid relid, const char *name);
/* Has any constraint in namespace nspid this name? */
extern bool ConstraintNameExistsInNamespace(const char *name, Oid nspid);
/* The name of the constraint index indexid implements, or NULL. */
extern char *GetConstraintNameOfIndex(Oid indexid);
extern void RemoveConstraintOfIndex(Oid indexid);
extern void RenameConstraintOfIndex(Oid indexid, const char *newname);
/*
 * ALTER TABLE DROP CONSTRAINT [IF EXISTS] name: a CHECK constraint's row,
 * or a PRIMARY KEY / UNIQUE constraint with its index.
 */
extern void DropConstraintByName(Relation rel, const char *name, bool missing_ok);
/* The same; CASCADE also drops the foreign keys using a PRIMARY KEY / UNIQUE's index. */
extern void DropConstraintByNameCascade(Relation rel, const char *name, bool missing_ok,
                                        bool cascade);

/* PostgreSQL's makeObjectName: name1_name2_label (name2 may be NULL), fitted to NAMEDATALEN. */
extern char *ConstraintObjectName(const char *name1, const char *name2, const char *label);

#endif
