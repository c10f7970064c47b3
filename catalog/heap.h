/*-------------------------------------------------------------------------
 * heap.h
 *    Creating and dropping tables in the catalogs (catalog/heap.c): the
 *    pg_class, pg_attribute and pg_type rows of a relation, its storage
 *    tied to the transaction's outcome, and the system columns.
 *
 * Storage lifecycle (PostgreSQL's storage.c pending deletes):
 *    RelationCreateStorage  creates the file now; unlinks it if the
 *                           transaction aborts
 *    RelationDropStorage    unlinks the file when the transaction commits;
 *                           an aborted DROP leaves it intact
 * The pending list lives in its own memory context, emptied at end of
 * transaction; it holds one entry per relation created or dropped by the
 * transaction.
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_HEAP_H
#define CATALOG_HEAP_H

#include "storage/bufmgr.h"
#include "storage/tupdesc.h"

/* PostgreSQL's system columns (attnum -1 .. -6: ctid xmin cmin xmax cmax tableoid). */
#define NUM_SYSTEM_ATTRIBUTES 6
extern const FormData_pg_attribute *SystemAttributeDefinition(int attno);
/* NULL if attname is not a system column name. */
extern const FormData_pg_attribute *SystemAttributeByName(const char *attname);

/*
 * Create a table: OIDs for it, its row type and the row type's array type
 * (GetNewObjectId), storage (relfilenode = relation OID), and its pg_class,
 * pg_attribute (user and system columns) and pg_type rows.  The caller has
 * checked names and column types; tupdesc's column names, types, typmods,
 * attndims and attnotnull are used, the physical fields are taken from
 * pg_type.  Registers the invalidations; the caller does
 * CommandCounterIncrement.  reloptions is a text[] for pg_class.reloptions
 * or (Datum) 0 (catalog/reloptions.h).  Returns the new relation's OID.
 */
extern Oid heap_create_with_catalog(const char *relname, Oid relnamespace,
                                    TupleDesc tupdesc, char relkind,
                                    char relpersistence, Datum reloptions);

/*
 * Drop a table: delete its catalog rows (pg_class, pg_attribute, its row
 * and array types) and schedule its storage for unlink at commit.  The
 * caller holds AccessExclusiveLock on it.
 */
extern void heap_drop_with_catalog(Oid relid);

/* Insert the pg_class / pg_attribute rows of a relation (also bootstrap's). */
extern void InsertPgClassTuple(Oid relid, const char *relname, Oid relnamespace,
                               Oid reltype, Oid relfilenode, char relkind,
                               char relpersistence, char relreplident, int16 relnatts,
                               Datum reloptions);
extern void InsertPgAttributeTuple(const FormData_pg_attribute *att, int32 attstattarget);
/* The six system-column rows of relation relid. */
extern void InsertSystemAttributeTuples(Oid relid);

extern void RelationCreateStorage(RelFileNode rnode);
extern void RelationDropStorage(RelFileNode rnode);
extern void AtEOXact_PendingDeletes(bool isCommit);
/* End of the savepoint at nestLevel (RELEASE: isCommit; ROLLBACK TO: unlink its new storage). */
extern void AtEOSubXact_PendingDeletes(bool isCommit, int nestLevel);

/* A fresh OID not used by pg_class or pg_type (GetNewObjectId, retried). */
extern Oid GetNewRelationOrTypeOid(void);

#endif /* CATALOG_HEAP_H */
