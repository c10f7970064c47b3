/*-------------------------------------------------------------------------
 * relcache.h
 *    The relation cache: per-backend RelationData descriptors of tables
 *    (storage/rel.h), built from pg_class and pg_attribute, and the
 *    open/close protocol every user of a table follows.
 *
 * Principal entry points:
 *    relation_open / table_open    lock, process invalidations, then find
 *                                  or build the descriptor and pin it
 *    relation_close / table_close  unpin; release the lock unless NoLock
 *                                  (then it is kept to end of transaction)
 *    try_relation_open             NULL instead of an error if it is gone
 *
 * Invariants:
 *  - A Relation returned by relation_open stays valid (same address, same
 *    rd_att contents) until the matching relation_close.  Invalidation of
 *    an open (pinned) entry only clears rd_isvalid; the next relation_open
 *    rebuilds it in place.  An unpinned entry is removed at once.
 *  - Removed entries and replaced descriptors go to a graveyard freed at
 *    end of transaction (or at AcceptInvalidationMessages once it holds
 *    more than relation_cache_max_entries), so a TupleDesc read from a
 *    relation just closed is still readable until then -- but copy it if
 *    you keep it longer.
 *  - The system catalogs' descriptors are "nailed": built at
 *    InitCatalogCaches from bootstrap_relations[] (PostgreSQL's formrdesc),
 *    never evicted or invalidated (their shape never changes).
 *  - End of transaction drops every pin (an ERROR skips relation_close);
 *    a pin still held at commit is a leak and is logged.
 *
 * Bound: relation_cache_max_entries (a setting, default 1000) limits the
 * unpinned, non-nailed entries; opening past it evicts the least recently
 * used unpinned entry.  Pinned entries are never evicted, so a single
 * statement touching more relations than the limit exceeds it until the
 * pins drop.
 *-------------------------------------------------------------------------
 */
#ifndef RELCACHE_H
#define RELCACHE_H

#include "storage/rel.h"
#include "storage/lmgr.h"

extern Relation relation_open(Oid relid, LOCKMODE lockmode);
/* As relation_open, but NULL (lock released) if the relation does not exist. */
extern Relation try_relation_open(Oid relid, LOCKMODE lockmode);
extern void relation_close(Relation relation, LOCKMODE lockmode);

/*
 * relation_open for things that hold rows (tables, catalogs): an index or
 * composite type is ERROR 42809 '"%s" is an index' / '"%s" is a composite
 * type', as PostgreSQL's table_open.
 */
extern Relation table_open(Oid relid, LOCKMODE lockmode);
extern void table_close(Relation relation, LOCKMODE lockmode);

/*
 * The nailed descriptor of a system catalog, without lock or pin: for
 * catalog code scanning catalogs (they are never dropped).  ERROR if relid
 * is not a system catalog.
 */
extern Relation RelationIdGetCatalog(Oid relid);

/* Column number (1-based) of a live column by name, or 0 if none. */
extern int RelationGetAttnum(Relation relation, const char *attname);

/*
 * Foreign keys (catalog/foreign_key.h): has the table any, is it referenced
 * by any?  Read from pg_constraint once per descriptor and kept in
 * rd_fkeyflags; creating or removing a foreign key invalidates both
 * tables' entries, which resets the flags.  The executor reads the keys
 * themselves only for tables flagged here.
 */
#define RELFK_KNOWN         0x01
#define RELFK_REFERENCING   0x02    /* conrelid of some 'f' constraint */
#define RELFK_REFERENCED    0x04    /* confrelid of some 'f' constraint */
extern uint8 RelationGetForeignKeyFlags(Relation rel);

/* ---- for catalog/ (initialization, invalidation, end of transaction) ---- */
extern void RelationCacheInitialize(void);
extern void RelationCacheInvalidateEntry(Oid relid);
extern void RelationCacheInvalidate(void);          /* every entry */
extern void AtEOXact_RelationCache(bool isCommit);
/* ROLLBACK TO a savepoint: drop the pins its failed statement left (all pins). */
extern void AtEOSubXact_RelationCache(void);
extern void RelationCacheTrimGraveyard(void);

/* The setting: unpinned relation descriptors kept per backend. */
extern int relation_cache_max_entries;
#define RELATION_CACHE_MAX_ENTRIES_DEFAULT 1000

typedef struct RelCacheStats
{
    uint64      hits;
    uint64      misses;         /* descriptors built from the catalogs */
    uint64      evictions;
    uint64      invalidations;
    uint64      rebuilds;       /* pinned entries rebuilt in place */
    int64       entries;        /* non-nailed entries now */
    int64       graveyard;      /* chunks awaiting free */
} RelCacheStats;
extern RelCacheStats relcache_stats;

#endif /* RELCACHE_H */
