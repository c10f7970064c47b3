/*-------------------------------------------------------------------------
 * syscache.h
 *    The per-backend catalog caches (catalog/syscache.c): keyed lookups of
 *    catalog rows, converted once into C structs (TypeInfo, ProcInfo, ...).
 *    Most modules use the typed wrappers in catalog/lsyscache.h; this is the
 *    layer underneath, for catalog code and for adding a cache.
 *
 * Principal entry points:
 *    SearchSysCache      one row by its key: the payload, or NULL if none
 *    SearchSysCacheList  every row matching a (partial) key
 *    CatalogCacheFlushCatalog / ResetCatalogCaches
 *                        invalidation (called by catalog/sinval.c only)
 *
 * Payload lifetime (the invariant every caller relies on): a pointer
 * returned here stays valid at least until the end of the current
 * transaction or the next AcceptInvalidationMessages() call, whichever
 * comes first.  Eviction and invalidation unlink an entry at once (the
 * next lookup rebuilds it) but move its memory to a "graveyard" freed only
 * at end of transaction -- or, if the graveyard has grown past
 * catalog_cache_max_entries rows, at the next AcceptInvalidationMessages.
 * Negative entries hand out no pointers and are freed at once.
 *
 * Bound: catalog_cache_max_entries (a setting) limits the rows held in
 * live entries; a list entry counts one per member plus one.  Inserting
 * past the limit evicts least-recently-used entries (never the entry just
 * made, so one list larger than the limit is kept alone).  Memory held is thus
 * at most the limit plus the graveyard, which the rule above bounds by the
 * limit plus the rows looked up since the last AcceptInvalidationMessages.
 *
 * Misses scan the catalog's heap with GetCatalogSnapshot() (there are no
 * catalog indexes yet).  A name lookup of pg_proc/pg_operator is a list
 * cache: one scan loads every function (operator) of that name in every
 * namespace.  The catalogs are scanned without a heavyweight lock: they
 * are never dropped, and concurrent changes reach us as invalidations.
 *-------------------------------------------------------------------------
 */
#ifndef SYSCACHE_H
#define SYSCACHE_H

#include "catalog/lsyscache.h"

typedef enum SysCacheIdentifier
{
    AGGFNOID,           /* pg_aggregate (aggfnoid) -> AggInfo */
    AMOPOPID,           /* list: pg_amop (amopopr) -> AmopInfo */
    AMOPSTRATEGY,       /* pg_amop (family, lefttype, righttype, strategy) -> AmopInfo */
    AMPROCNUM,          /* pg_amproc (family, lefttype, righttype, procnum) -> AmprocInfo */
    CASTSOURCETARGET,   /* pg_cast (castsource, casttarget) -> CastInfo */
    CLAAMLIST,          /* list: pg_opclass (opcmethod) -> OpclassInfo */
    NAMESPACENAME,      /* pg_namespace (nspname) -> NamespaceInfo */
    NAMESPACEOID,       /* pg_namespace (oid) -> NamespaceInfo */
    OPERNAME,           /* list: pg_operator (oprname) -> OperInfo */
    OPEROID,            /* pg_operator (oid) -> OperInfo */
    PROCNAME,           /* list: pg_proc (proname) -> ProcInfo */
    PROCOID,            /* pg_proc (oid) -> ProcInfo */
    RELNAMENSP,         /* pg_class (relname, relnamespace) -> ClassInfo */
    RELOID,             /* pg_class (oid) -> ClassInfo */
    TYPENAMENSP,        /* pg_type (typname, typnamespace) -> TypeInfo */
    TYPEOID,            /* pg_type (oid) -> TypeInfo */
    TYPECACHE,          /* computed (type oid) -> TypeCacheInfo */
    SysCacheSize
} SysCacheIdentifier;

#define CATCACHE_MAXKEYS 4

/*
 * Keys are passed as Datums: ObjectIdGetDatum, Int16GetDatum,
 * CharGetDatum, or CStringGetDatum for name columns (truncated to
 * NAMEDATALEN - 1 bytes, as namein does).  Unused keys are 0.
 */
extern const void *SearchSysCache(int cacheId, Datum key1, Datum key2,
                                  Datum key3, Datum key4);
#define SearchSysCache1(id, k1) SearchSysCache(id, k1, 0, 0, 0)
#define SearchSysCache2(id, k1, k2) SearchSysCache(id, k1, k2, 0, 0)

/*
 * Every row matching the key (list caches only).  Returns the members'
 * payloads (an array owned by the cache, same lifetime rule as above) and
 * sets *nmembers; a key with no rows returns NULL and *nmembers = 0.
 */
extern const void *const *SearchSysCacheList(int cacheId, Datum key1,
                                             int *nmembers);

/* ---- used by catalog/sinval.c and catalog/syscache.c's callers ---- */
extern void InitSysCaches(void);
/* Drop every entry built from catalog catId (or computed from it). */
extern void CatalogCacheFlushCatalog(Oid catId);
/* Drop every entry (invalidation queue overflow: "reset"). */
extern void ResetCatalogCaches(void);
/* End of transaction: free the graveyard. */
extern void AtEOXact_CatCache(void);
/* At AcceptInvalidationMessages: free the graveyard if it outgrew the bound. */
extern void CatCacheTrimGraveyard(void);

/* TYPECACHE's builder (catalog/lsyscache.c); allocates in CacheMemoryContext. */
extern void *lsyscache_build_typcache(Oid typid);

/* The setting: rows held in live cache entries (default 10000, min 16). */
extern int catalog_cache_max_entries;
#define CATALOG_CACHE_MAX_ENTRIES_DEFAULT 10000

/* Test-visible counters (this backend, since start). */
typedef struct CatCacheStats
{
    uint64      hits;           /* lookups answered from a live entry */
    uint64      neg_hits;       /* ... by a negative entry */
    uint64      misses;         /* lookups that scanned a catalog */
    uint64      evictions;      /* entries pushed out by the limit */
    uint64      invalidations;  /* entries dropped by invalidation */
    uint64      resets;         /* ResetCatalogCaches calls */
    int64       live_rows;      /* rows in live entries now (<= limit) */
    int64       graveyard_rows; /* rows awaiting free */
} CatCacheStats;
extern CatCacheStats catcache_stats;

#endif /* SYSCACHE_H */
