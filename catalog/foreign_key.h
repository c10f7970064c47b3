/*-------------------------------------------------------------------------
 * foreign_key.h
 *    FOREIGN KEY constraints in pg_constraint (contype 'f'): definition
 *    (CREATE TABLE, ALTER TABLE ADD CONSTRAINT), reading, removal
 *    (catalog/foreign_key.c).  Enforcement is executor/execForeignKeys.c.
 *
 * A foreign key's catalog row follows PostgreSQL 15: conkey (referencing
 * columns), confrelid/confkey (referenced table and columns, in the order
 * written), conindid (the referenced table's unique index that makes the
 * key unique), confupdtype/confdeltype ('a' NO ACTION, 'r' RESTRICT,
 * 'c' CASCADE, 'n' SET NULL, 'd' SET DEFAULT), confmatchtype ('s' SIMPLE,
 * 'f' FULL).  pg_depend: the constraint depends 'a' on each referencing
 * column and 'n' on each referenced column (catalog/dependency.c), so
 * DROP TABLE / DROP COLUMN of the referenced side refuse or cascade.
 *-------------------------------------------------------------------------
 */
#ifndef FOREIGN_KEY_H
#define FOREIGN_KEY_H

#include "planner/parser.h"
#include "storage/rel.h"

#define FKCONSTR_ACTION_NOACTION    'a'
#define FKCONSTR_ACTION_RESTRICT    'r'
#define FKCONSTR_ACTION_CASCADE     'c'
#define FKCONSTR_ACTION_SETNULL     'n'
#define FKCONSTR_ACTION_SETDEFAULT  'd'
#define FKCONSTR_MATCH_FULL         'f'
#define FKCONSTR_MATCH_SIMPLE       's'

/* One foreign key, as read from pg_constraint. */
typedef struct ForeignKeyInfo
{
    Oid         conoid;
    NameData    conname;
    Oid         conrelid;       /* referencing table */
    Oid         confrelid;      /* referenced table */
    Oid         conindid;       /* referenced table's unique index */
    int         nkeys;
    int16       conkey[INDEX_MAX_KEYS];     /* referencing columns */
    int16       confkey[INDEX_MAX_KEYS];    /* referenced columns, pairwise */
    Oid         pfeqop[INDEX_MAX_KEYS];     /* pk = fk equality operators */
    Oid         ppeqop[INDEX_MAX_KEYS];     /* pk = pk */
    char        confupdtype;
    char        confdeltype;
    char        confmatchtype;
    bool        deferrable;
    bool        validated;
} ForeignKeyInfo;

/*
 * Define the foreign key c on table relid (CREATE TABLE: colname is the
 * column of a column constraint, else NULL; attrs carries DEFERRABLE etc.
 * already folded into c).  With validate, existing rows are checked
 * (ALTER TABLE ADD); CREATE TABLE passes false (the table is empty).
 */
extern void AddForeignKeyConstraint(Oid relid, PgQuery__Constraint *c, const char *colname,
                                    const char *queryString, bool validate);

/* ALTER TABLE VALIDATE CONSTRAINT name on rel (any kind; only 'f' can be NOT VALID). */
extern void ValidateForeignKeyConstraint(Relation rel, const char *name);

/* The foreign keys of relid (as referencing table, or as referenced), ForeignKeyInfo *. */
extern List *RelationGetForeignKeys(Oid relid);
extern List *RelationGetReferencingForeignKeys(Oid relid);

/*
 * TRUNCATE: the tables (OID order) with a foreign key referencing one of
 * relids that are not in relids themselves; *referenced is a table of
 * relids the first of them references (for the message).
 */
extern List *ForeignKeyReferencersNotIn(List *relids, Oid *referenced);

/*
 * ALTER COLUMN TYPE changed column attnum of relid: the foreign keys using
 * it (either side) must still be implementable (42804 as PostgreSQL when
 * it re-adds them); their operators and referenced index are updated.
 */
extern void RecheckForeignKeysOfColumn(Oid relid, int16 attnum);

/*
 * A table is being dropped (heap_drop_with_catalog): remove the foreign
 * keys it has and those referencing it, with their pg_depend rows --
 * whatever path the DROP took (DROP SCHEMA, temporary tables at exit).
 * DROP TABLE's dependency walk has already refused or reported them.
 */
extern void RemoveForeignKeysOfRelation(Oid relid);

/* Remove one foreign key row and its pg_depend rows (DROP CONSTRAINT, DROP ... CASCADE). */
extern void RemoveForeignKeyById(Oid conoid);

/*
 * Fold the column-constraint attribute nodes (DEFERRABLE, INITIALLY
 * DEFERRED ...) that follow a FOREIGN KEY in a column's constraint list
 * into it (PostgreSQL's transformConstraintAttrs, FK part).
 */
extern void ApplyForeignKeyAttribute(PgQuery__Constraint *fk, PgQuery__Constraint *attr);

#endif /* FOREIGN_KEY_H */
