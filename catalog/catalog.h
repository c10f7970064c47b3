/*-------------------------------------------------------------------------
 * catalog.h
 *    The system catalogs: their OIDs, bootstrap, per-backend cache
 *    initialization, and the one way to change a catalog row.
 *
 * Principal entry points:
 *    BootstrapCatalog      once, in a fresh data directory: create the
 *                          storage of every system catalog and load its
 *                          built-in rows (catalog/bootstrap.c)
 *    InitCatalogCaches     once per backend, after fork: relation cache,
 *                          catalog caches, invalidation read position
 *    CatalogTupleInsert/Update/Delete
 *                          change a catalog row and register the catalog
 *                          invalidation that goes with it (catalog/heap.c)
 *
 * The system catalogs are ordinary heap relations: relfilenode = OID,
 * namespace pg_catalog, rows visible to any SELECT.  What is special is
 * only that their descriptors are "nailed" in every backend's relation
 * cache (built from bootstrap_relations[], never from pg_class itself),
 * since pg_class and pg_attribute cannot be read without them.
 *
 * Catalog modifications: every insert/update/delete of a catalog row goes
 * through CatalogTuple*, which registers CacheInvalidateCatalog(catalog).
 * That is what keeps this backend's caches honest within the transaction
 * (applied at once) and other backends' after commit (sent through the
 * shared invalidation queue, catalog/sinval.h).
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_H
#define CATALOG_H

#include "storage/rel.h"
#include "storage/htup.h"

/* The system catalogs (PostgreSQL's OIDs; relfilenode = OID). */
#define TypeRelationId                  1247    /* pg_type */
#define AttributeRelationId             1249    /* pg_attribute */
#define ProcedureRelationId             1255    /* pg_proc */
#define RelationRelationId              1259    /* pg_class */
#define AggregateRelationId             2600    /* pg_aggregate */
#define AccessMethodRelationId          2601    /* pg_am */
#define AccessMethodOperatorRelationId  2602    /* pg_amop */
#define AccessMethodProcedureRelationId 2603    /* pg_amproc */
#define CastRelationId                  2605    /* pg_cast */
#define NamespaceRelationId             2615    /* pg_namespace */
#define OperatorClassRelationId         2616    /* pg_opclass */
#define OperatorRelationId              2617    /* pg_operator */
#define OperatorFamilyRelationId        2753    /* pg_opfamily */
#define IndexRelationId                 2610    /* pg_index */
#define AuthIdRelationId                1260    /* pg_authid */
#define DatabaseRelationId              1262    /* pg_database */
#define DescriptionRelationId           2609    /* pg_description */
#define SharedDescriptionRelationId     2396    /* pg_shdescription */
#define LanguageRelationId              2612    /* pg_language */

/* Row types of the bootstrap catalogs (PostgreSQL's fixed OIDs). */
#define PG_TYPE_RELTYPE_OID       71
#define PG_ATTRIBUTE_RELTYPE_OID  75
#define PG_PROC_RELTYPE_OID       81
#define PG_CLASS_RELTYPE_OID      83

#define HEAP_TABLE_AM_OID         2     /* pg_am "heap" */

/*
 * Create and fill the system catalogs.  Call once in a fresh data
 * directory, inside StartTransactionCommand/CommitTransactionCommand, in a
 * process with shared memory attached.  Ends with CommandCounterIncrement;
 * the caller commits.
 */
extern void BootstrapCatalog(void);

/*
 * Per-backend setup after fork (and in a standalone/bootstrap process
 * before BootstrapCatalog): the cache memory context, the nailed catalog
 * descriptors, the catalog caches, this backend's position in the shared
 * invalidation queue, and the end-of-transaction callbacks.  Reads no
 * catalog rows; needs shared memory attached.  Idempotent.
 */
extern void InitCatalogCaches(void);

/* Long-lived memory of the relation and catalog caches. */
extern MemoryContext CacheMemoryContext;

/* Set one column of the catalog row whose OID column oidattno is key. */
extern void CatalogUpdateField(Oid catid, int oidattno, Oid key, int anum, Datum value);
/* The same, setting the column to NULL. */
extern void CatalogSetFieldNull(Oid catid, int oidattno, Oid key, int anum);

/* Is this a system catalog (or other built-in relation)? */
extern bool IsCatalogRelationOid(Oid relid);
extern bool IsSystemRelation(Relation rel);
/* pg_catalog or pg_toast */
extern bool IsSystemNamespace(Oid nspid);
/* allow_system_table_mods: CREATE VIEW etc. may create in pg_catalog (bootstrap sets it) */
extern bool allow_system_table_mods;

/*
 * Change a catalog row and register the invalidation of that catalog's
 * caches.  rel is a catalog opened with table_open (RowExclusiveLock).
 * The change is visible to this command at once (catalog snapshots see
 * own changes); call CommandCounterIncrement before relying on it in a
 * later command, as PostgreSQL does.
 */
extern void CatalogTupleInsert(Relation rel, HeapTuple tup);
extern void CatalogTupleUpdate(Relation rel, ItemPointer otid, HeapTuple tup);
extern void CatalogTupleDelete(Relation rel, ItemPointer tid);

#endif /* CATALOG_H */
