/*-------------------------------------------------------------------------
 * index.h
 *    Indexes in the catalogs (catalog/index.c; the statements are in
 *    catalog/indexcmds.c): creating and dropping an
 *    index relation (pg_class relkind 'i', pg_attribute rows for its key
 *    columns, pg_index, storage built by the B-tree), PostgreSQL's index
 *    naming, CREATE INDEX, DROP INDEX, and the PRIMARY KEY / UNIQUE
 *    constraints that own an index.
 *
 * Only B-tree (pg_am 403) indexes on plain columns exist: no expression or
 * partial indexes, no INCLUDE columns, no non-default operator classes.
 *
 * Locking: creating an index takes ShareLock on its table (concurrent
 * readers, no writers) and AccessExclusiveLock on the new index; dropping
 * one takes AccessExclusiveLock on the table and the index.  The table's
 * relcache entry (rd_indexlist) is invalidated whenever its set of
 * indexes changes.
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_INDEX_H
#define CATALOG_INDEX_H

#include "planner/parser.h"
#include "storage/rel.h"

/* One key column of an index being defined. */
typedef struct IndexKeyDef
{
    const char *colname;
    int         location;       /* of the name in the query text, or -1 */
    int16       indoption;      /* INDOPTION_DESC | INDOPTION_NULLS_FIRST */
    const char *opclass;        /* named operator class, or NULL: the default */
} IndexKeyDef;

/* What an index (or the index of a PRIMARY KEY / UNIQUE constraint) is. */
typedef struct IndexDef
{
    const char *idxname;        /* NULL: chosen as PostgreSQL does */
    bool        unique;
    bool        primary;
    bool        isconstraint;   /* PRIMARY KEY / UNIQUE constraint: a pg_constraint row */
    bool        nulls_not_distinct;
    bool        if_not_exists;
    int         nkeys;
    IndexKeyDef keys[INDEX_MAX_KEYS];
} IndexDef;

/*
 * Define an index on table relid (locked by the caller): checks as
 * PostgreSQL's DefineIndex/index_create, catalog rows, storage, build
 * (which checks uniqueness).  A primary key first sets NOT NULL on its
 * columns (23502 if a row has NULL).  Returns the index OID, or
 * InvalidOid if IF NOT EXISTS skipped it.  Ends with
 * CommandCounterIncrement.
 */
extern Oid DefineIndexInternal(Oid relid, IndexDef *def, const char *queryString);

/*
 * The IndexDef of a PRIMARY KEY / UNIQUE constraint: colname for a column
 * constraint, else the constraint's key list.  0A000 for what Basalt
 * lacks (DEFERRABLE, USING INDEX, INCLUDE, WITH).
 */
extern void IndexDefFromConstraint(IndexDef *def, PgQuery__Constraint *c,
                                   const char *colname, const char *queryString);
/* Same columns and options (CREATE TABLE keeps one of two such constraints)? */
extern bool IndexDefsEquivalent(const IndexDef *a, const IndexDef *b);

/* CREATE [UNIQUE] INDEX ... */
extern void DefineIndex(PgQuery__IndexStmt *stmt, const char *queryString, bool isTopLevel);

/* DROP INDEX [IF EXISTS] name [, ...] [CASCADE | RESTRICT] */
extern void RemoveIndexes(PgQuery__DropStmt *stmt, bool isTopLevel);

/* REINDEX INDEX name | REINDEX TABLE name */
extern void ExecReindex(PgQuery__ReindexStmt *stmt);

/* ALTER INDEX [IF EXISTS] name RENAME TO newname */
extern void RenameIndex(PgQuery__RenameStmt *stmt);

/*
 * Drop an index: its constraint row (if any), pg_index, pg_attribute and
 * pg_class rows, storage at commit.  The caller holds the locks.
 */
extern void index_drop(Oid indexid);

/* The table of index indexid (pg_index.indrelid), InvalidOid if none. */
extern Oid IndexGetRelation(Oid indexid);

/* OIDs of relid's indexes from pg_index, in OID order (caller's memory). */
extern List *RelationGetIndexOids(Oid relid);

/* Drop every index of relid (DROP TABLE). */
extern void DropIndexesOfRelation(Oid relid);

/* Drop relid's indexes that use column attnum (ALTER TABLE DROP COLUMN). */
extern void DropIndexesUsingColumn(Oid relid, int16 attnum);

/*
 * The definitions of relid's indexes using column attnum (names,
 * constraints and options kept), to define them again after ALTER COLUMN
 * TYPE has dropped them.
 */
extern List *IndexDefsUsingColumn(Oid relid, int16 attnum);

/* Is column attnum of relid a column of its primary key? */
extern bool ColumnIsInPrimaryKey(Oid relid, int16 attnum);

/* Is column attnum of relid a key column of some index? */
extern bool ColumnIsIndexed(Oid relid, int16 attnum);

/* TRUNCATE: give every index of relid new, empty storage. */
extern void TruncateIndexesOf(Oid relid);

/* Rebuild one index of table relid: new storage, build.  Ends with CCI. */
extern void ReindexIndex(Oid relid, Oid indexid);

/*
 * Rebuild every index of relid from the table (after a rewrite of the
 * table, e.g. ALTER COLUMN TYPE): new storage, build.
 */
extern void ReindexRelation(Oid relid);

/*
 * PostgreSQL's ChooseRelationName: name1[_name2]_label, truncated to fit
 * NAMEDATALEN, with 1, 2, ... appended to label until no relation (and,
 * if isconstraint, no constraint) in namespace nspid has the name.
 */
extern char *ChooseRelationName(const char *name1, const char *name2, const char *label,
                                Oid nspid, bool isconstraint);

#endif /* CATALOG_INDEX_H */
