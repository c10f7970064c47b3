/*-------------------------------------------------------------------------
 * relcache.c
 *    The relation cache: RelationData descriptors built from pg_class and
 *    pg_attribute, pinned while open, rebuilt or dropped on invalidation.
 *
 * Principal entry points:
 *    relation_open / try_relation_open / relation_close
 *    table_open / table_close
 *    RelationIdGetCatalog         the nailed descriptor of a catalog
 *    RelationCacheInvalidateEntry / RelationCacheInvalidate
 *    AtEOXact_RelationCache
 *
 * Entries live in one hash table keyed by OID and (non-nailed ones) on an
 * LRU list; RelationData and its rd_extra are one chunk in
 * CacheMemoryContext, rd_att (tdrefcount 1: owned here) another.  See
 * relcache.h for the lifetime rules: a pinned entry is only marked invalid
 * and rebuilt in place on the next open, keeping its address; memory that
 * leaves the cache passes through the graveyard.
 *
 * The order in relation_open is PostgreSQL's: take the heavyweight lock
 * first, then AcceptInvalidationMessages, then look at the cache.  A
 * concurrent ALTER/DROP commits (and sends its invalidations) before it
 * releases its lock, so after our lock is granted the messages are in the
 * queue and the descriptor we return is current.
 *
 * The nailed catalogs are built from bootstrap_relations[] (the shape
 * PostgreSQL's pg_attribute gives them), since reading pg_attribute needs
 * pg_attribute's descriptor first.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/bootstrap_data.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "catalog/syscache.h"
#include "procs/builtins.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"

int relation_cache_max_entries = RELATION_CACHE_MAX_ENTRIES_DEFAULT;
RelCacheStats relcache_stats;

typedef struct RelationCacheExtra
{
    Relation    hnext;          /* hash chain */
    Relation    lru_prev;       /* LRU list of non-nailed entries */
    Relation    lru_next;
    bool        nailed;
} RelationCacheExtra;

/* A chunk waiting to be freed (see relcache.h). */
typedef struct RelGrave
{
    struct RelGrave *next;
    void       *chunk;
} RelGrave;

#define RELCACHE_BUCKETS_INITIAL 256

static Relation *rbuckets;
static int  rnbuckets;
static int  rnentries;          /* all entries, nailed included */
static RelationData lru_head;   /* sentinel (only rd_extra used) */
static RelationCacheExtra lru_head_extra;
static RelGrave *rgraveyard;

#define EXTRA(r) ((r)->rd_extra)

static void bury_index_data(Relation r);

/* ---------------------------------------------------------------- hash, LRU */

static inline uint32
rel_hash(Oid relid)
{
    /* OIDs are dense; a multiplicative hash spreads them enough */
    return (uint32) relid * 2654435761u;
}

static Relation
hash_find(Oid relid)
{
    for (Relation r = rbuckets[rel_hash(relid) & (rnbuckets - 1)]; r; r = EXTRA(r)->hnext)
        if (r->rd_id == relid)
            return r;
    return NULL;
}

static void
hash_grow(void)
{
    int         newn = rnbuckets * 2;
    Relation   *newb = MemoryContextAllocZero(CacheMemoryContext, sizeof(Relation) * (Size) newn);

    for (int i = 0; i < rnbuckets; i++)
    {
        Relation r = rbuckets[i];

        while (r)
        {
            Relation next = EXTRA(r)->hnext;
            uint32   b = rel_hash(r->rd_id) & (newn - 1);

            EXTRA(r)->hnext = newb[b];
            newb[b] = r;
            r = next;
        }
    }
    pfree(rbuckets);
    rbuckets = newb;
    rnbuckets = newn;
}

static void
hash_insert(Relation r)
{
    uint32 b = rel_hash(r->rd_id) & (rnbuckets - 1);

    EXTRA(r)->hnext = rbuckets[b];
    rbuckets[b] = r;
    rnentries++;
    if (rnentries > 2 * rnbuckets)
        hash_grow();
}

static void
hash_remove(Relation r)
{
    Relation *link = &rbuckets[rel_hash(r->rd_id) & (rnbuckets - 1)];

    while (*link != r)
        link = &EXTRA(*link)->hnext;
    *link = EXTRA(r)->hnext;
    EXTRA(r)->hnext = NULL;
    rnentries--;
}

static inline void
lru_unlink(Relation r)
{
    EXTRA(EXTRA(r)->lru_prev)->lru_next = EXTRA(r)->lru_next;
    EXTRA(EXTRA(r)->lru_next)->lru_prev = EXTRA(r)->lru_prev;
    EXTRA(r)->lru_prev = EXTRA(r)->lru_next = NULL;
}

static inline void
lru_push_head(Relation r)
{
    EXTRA(r)->lru_next = lru_head_extra.lru_next;
    EXTRA(r)->lru_prev = &lru_head;
    EXTRA(lru_head_extra.lru_next)->lru_prev = r;
    lru_head_extra.lru_next = r;
}

static void
bury(void *chunk)
{
    RelGrave *g = MemoryContextAlloc(CacheMemoryContext, sizeof(RelGrave));

    g->chunk = chunk;
    g->next = rgraveyard;
    rgraveyard = g;
    relcache_stats.graveyard++;
}

static void
free_graveyard(void)
{
    while (rgraveyard)
    {
        RelGrave *g = rgraveyard;

        rgraveyard = g->next;
        pfree(g->chunk);
        pfree(g);
    }
    relcache_stats.graveyard = 0;
}

/* Take an unpinned, non-nailed entry out of the cache. */
static void
remove_entry(Relation r)
{
    Assert(!EXTRA(r)->nailed && r->rd_refcnt == 0);
    hash_remove(r);
    lru_unlink(r);
    relcache_stats.entries--;
    bury_index_data(r);
    bury(r->rd_att);
    bury(r);
}

static void
enforce_limit(void)
{
    Relation r = lru_head_extra.lru_prev;

    while (relcache_stats.entries > Max(relation_cache_max_entries, 1) && r != &lru_head)
    {
        Relation prev = EXTRA(r)->lru_prev;

        if (r->rd_refcnt == 0)
        {
            remove_entry(r);
            relcache_stats.evictions++;
        }
        r = prev;
    }
}

/* ---------------------------------------------------------------- indexes */

/*
 * rd_index of an index relation: its pg_index row and, per key column, the
 * opclass's family and input type and the btree comparison proc (support
 * 1 for (opcintype, opcintype)).  One chunk in CacheMemoryContext: the
 * struct, then the FmgrInfo array.
 */
static RelationIndexData *
build_index_data(Oid relid, int natts)
{
    Relation    irel = RelationIdGetCatalog(IndexRelationId);
    HeapScanDesc scan = heap_beginscan(irel, GetCatalogSnapshot());
    HeapTuple   tup;
    RelationIndexData *ind = NULL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        Datum       values[Natts_pg_index];
        bool        nulls[Natts_pg_index];
        int2vector *keys;
        oidvector  *colls;
        oidvector  *classes;
        int2vector *opts;
        int         n;

        heap_deform_tuple(tup, RelationGetDescr(irel), values, nulls);
        if (DatumGetObjectId(values[Anum_pg_index_indexrelid - 1]) != relid)
            continue;
        n = DatumGetInt16(values[Anum_pg_index_indnkeyatts - 1]);
        if (n < 1 || n > INDEX_MAX_KEYS || n > natts)
            elog(ERROR, "invalid key count %d for index %u", n, relid);
        ind = MemoryContextAllocZero(CacheMemoryContext,
                                     MAXALIGN(sizeof(RelationIndexData)) + sizeof(FmgrInfo) * n);
        ind->cmpproc = (FmgrInfo *) ((char *) ind + MAXALIGN(sizeof(RelationIndexData)));
        ind->indrelid = DatumGetObjectId(values[Anum_pg_index_indrelid - 1]);
        ind->nkeyatts = (int16) n;
        ind->unique = DatumGetBool(values[Anum_pg_index_indisunique - 1]);
        ind->primary = DatumGetBool(values[Anum_pg_index_indisprimary - 1]);
        ind->nulls_not_distinct = DatumGetBool(values[Anum_pg_index_indnullsnotdistinct - 1]);
        keys = (int2vector *) DatumGetPointer(values[Anum_pg_index_indkey - 1]);
        colls = (oidvector *) DatumGetPointer(values[Anum_pg_index_indcollation - 1]);
        classes = (oidvector *) DatumGetPointer(values[Anum_pg_index_indclass - 1]);
        opts = (int2vector *) DatumGetPointer(values[Anum_pg_index_indoption - 1]);
        for (int i = 0; i < n; i++)
        {
            const OpclassInfo *oc = lookup_opclass(classes->values[i]);
            Oid         proc;

            if (oc == NULL)
                elog(ERROR, "cache lookup failed for operator class %u", classes->values[i]);
            ind->heapattnos[i] = keys->values[i];
            ind->opclass[i] = oc->oid;
            ind->opfamily[i] = oc->opcfamily;
            ind->opcintype[i] = oc->opcintype;
            ind->collation[i] = colls->values[i];
            ind->indoption[i] = opts->values[i];
            proc = get_opfamily_proc(oc->opcfamily, oc->opcintype, oc->opcintype, 1);
            if (!OidIsValid(proc))
                elog(ERROR, "missing support function 1(%u,%u) in opfamily %u",
                     oc->opcintype, oc->opcintype, oc->opcfamily);
            fmgr_info_cxt(proc, &ind->cmpproc[i], CacheMemoryContext);
        }
        break;
    }
    heap_endscan(scan);
    if (ind == NULL)
        elog(ERROR, "pg_index row missing for index %u", relid);
    return ind;
}

/*
 * rd_indexlist of a table: the OIDs of its indexes (pg_index.indrelid), in
 * OID order, as one chunk in CacheMemoryContext (List header + cells; the
 * list is read-only).  NIL if none.
 */
static List *
build_index_list(Oid relid)
{
    List       *tmp = RelationGetIndexOids(relid);
    int         n = list_length(tmp);
    List       *l;

    if (n == 0)
        return NIL;
    l = MemoryContextAllocZero(CacheMemoryContext,
                               MAXALIGN(sizeof(List)) + sizeof(ListCell) * n);
    l->type = T_OidList;
    l->length = n;
    l->max_length = n;
    l->elements = (ListCell *) ((char *) l + MAXALIGN(sizeof(List)));
    for (int i = 0; i < n; i++)
        l->elements[i].oid_value = list_nth_oid(tmp, i);
    list_free(tmp);
    return l;
}

/* Index data leaves with its entry through the graveyard (holders may still read it). */
static void
bury_index_data(Relation r)
{
    if (r->rd_index != NULL)
        bury(r->rd_index);
    if (r->rd_indexlist != NIL)
        bury(r->rd_indexlist);
    r->rd_index = NULL;
    r->rd_indexlist = NIL;
}

/* ---------------------------------------------------------------- building */

static Relation
alloc_relation(void)
{
    Relation r = MemoryContextAllocZero(CacheMemoryContext,
                                        MAXALIGN(sizeof(RelationData)) + sizeof(RelationCacheExtra));

    r->rd_extra = (RelationCacheExtra *) ((char *) r + MAXALIGN(sizeof(RelationData)));
    return r;
}

/* The nailed descriptor of one bootstrap catalog (PostgreSQL's formrdesc). */
static Relation
formrdesc(const BootstrapRelation *br)
{
    Relation    r = alloc_relation();
    TupleDesc   desc;
    MemoryContext old = MemoryContextSwitchTo(CacheMemoryContext);

    desc = CreateTemplateTupleDesc(br->natts);
    MemoryContextSwitchTo(old);
    for (int i = 0; i < br->natts; i++)
    {
        const BootstrapColumn *c = &br->cols[i];
        Form_pg_attribute att = TupleDescAttr(desc, i);

        att->attrelid = br->relid;
        memcpy(NameStr(att->attname), c->attname, strnlen(c->attname, NAMEDATALEN - 1));
        att->atttypid = c->atttypid;
        att->attlen = c->attlen;
        att->attnum = (int16) (i + 1);
        att->atttypmod = -1;
        att->attbyval = c->attbyval;
        att->attalign = c->attalign;
        att->attstorage = c->attstorage;
        att->attnotnull = c->attnotnull;
        att->atthasdef = false;
        att->attisdropped = false;
        att->attndims = (int16) c->attndims;
        att->attcollation = c->attcollation;
    }
    desc->tdtypeid = br->reltype;
    desc->tdtypmod = -1;
    desc->tdrefcount = 1;

    r->rd_id = br->relid;
    r->rd_node.relNode = br->relid;
    memcpy(NameStr(r->relname), br->relname, strnlen(br->relname, NAMEDATALEN - 1));
    r->relnamespace = PG_CATALOG_NAMESPACE;
    r->relkind = RELKIND_RELATION;
    r->relpersistence = RELPERSISTENCE_PERMANENT;
    r->reltype = br->reltype;
    r->rd_att = desc;
    r->rd_refcnt = 0;
    r->rd_isvalid = true;
    EXTRA(r)->nailed = true;
    return r;
}

/*
 * Build a descriptor from the catalogs, in CacheMemoryContext, not yet in
 * the hash table.  NULL if there is no pg_class row.
 */
static Relation
RelationBuildDesc(Oid relid)
{
    const ClassInfo *ci = lookup_class(relid);
    Relation    rel;
    Relation    attrel;
    TupleDesc   desc;
    HeapScanDesc scan;
    HeapTuple   tup;
    int         natts;
    int         found = 0;
    MemoryContext old;

    if (ci == NULL)
        return NULL;
    natts = ci->relnatts;

    old = MemoryContextSwitchTo(CacheMemoryContext);
    desc = CreateTemplateTupleDesc(natts);
    MemoryContextSwitchTo(old);

    attrel = RelationIdGetCatalog(AttributeRelationId);
    scan = heap_beginscan(attrel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        int16       attnum;
        Datum       values[Natts_pg_attribute];
        bool        nulls[Natts_pg_attribute];
        Form_pg_attribute att;

        CHECK_FOR_INTERRUPTS();
        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attribute_attrelid,
                                          RelationGetDescr(attrel), &isnull)) != relid)
            continue;
        attnum = DatumGetInt16(heap_getattr(tup, Anum_pg_attribute_attnum,
                                            RelationGetDescr(attrel), &isnull));
        if (attnum <= 0)
            continue;           /* system columns are not in the descriptor */
        if (attnum > natts)
            elog(ERROR, "invalid attribute number %d for relation %u", attnum, relid);
        att = TupleDescAttr(desc, attnum - 1);
        if (att->attnum != 0)
            elog(ERROR, "duplicate attribute %d for relation %u", attnum, relid);

        heap_deform_tuple(tup, RelationGetDescr(attrel), values, nulls);
        att->attrelid = relid;
        memcpy(&att->attname, DatumGetPointer(values[Anum_pg_attribute_attname - 1]),
               sizeof(NameData));
        att->atttypid = DatumGetObjectId(values[Anum_pg_attribute_atttypid - 1]);
        att->attlen = DatumGetInt16(values[Anum_pg_attribute_attlen - 1]);
        att->attnum = attnum;
        att->atttypmod = DatumGetInt32(values[Anum_pg_attribute_atttypmod - 1]);
        att->attbyval = DatumGetBool(values[Anum_pg_attribute_attbyval - 1]);
        att->attalign = DatumGetChar(values[Anum_pg_attribute_attalign - 1]);
        att->attstorage = DatumGetChar(values[Anum_pg_attribute_attstorage - 1]);
        att->attnotnull = DatumGetBool(values[Anum_pg_attribute_attnotnull - 1]);
        att->atthasdef = DatumGetBool(values[Anum_pg_attribute_atthasdef - 1]);
        att->attisdropped = DatumGetBool(values[Anum_pg_attribute_attisdropped - 1]);
        att->attndims = (int16) DatumGetInt32(values[Anum_pg_attribute_attndims - 1]);
        att->attcollation = DatumGetObjectId(values[Anum_pg_attribute_attcollation - 1]);
        att->attidentity = DatumGetChar(values[Anum_pg_attribute_attidentity - 1]);
        found++;
    }
    heap_endscan(scan);

    if (found != natts)
        elog(ERROR, "catalog is missing %d attribute(s) for relation OID %u",
             natts - found, relid);

    desc->tdtypeid = OidIsValid(ci->reltype) ? ci->reltype : RECORDOID;
    desc->tdtypmod = -1;
    desc->tdrefcount = 1;

    rel = alloc_relation();
    rel->rd_id = relid;
    rel->rd_node.relNode = ci->relfilenode;
    rel->relname = ci->relname;
    rel->relnamespace = ci->relnamespace;
    rel->relkind = ci->relkind;
    rel->relpersistence = ci->relpersistence;
    /* PostgreSQL's RELATION_IS_OTHER_TEMP: its pages are not ours to read */
    rel->rd_isothertemp = ci->relpersistence == RELPERSISTENCE_TEMP &&
        !isTempNamespace(ci->relnamespace);
    rel->reltype = ci->reltype;
    rel->rd_att = desc;
    rel->rd_refcnt = 0;
    rel->rd_isvalid = true;
    EXTRA(rel)->nailed = false;
    if (rel->relkind == RELKIND_INDEX)
        rel->rd_index = build_index_data(relid, natts);
    else if (rel->relkind == RELKIND_RELATION)
        rel->rd_indexlist = build_index_list(relid);
    relcache_stats.misses++;
    return rel;
}

/*
 * An open entry was invalidated: rebuild it in place, keeping the address.
 * The old rd_att is kept if the new one is equal (holders may point at it),
 * else buried.
 */
static void
RelationRebuildInPlace(Relation r)
{
    Relation    fresh = RelationBuildDesc(r->rd_id);
    RelationCacheExtra keep = *EXTRA(r);
    int         refcnt = r->rd_refcnt;

    if (fresh == NULL)
        elog(ERROR, "could not open relation with OID %u", r->rd_id);
    if (equalTupleDescs(r->rd_att, fresh->rd_att))
    {
        TupleDesc same = fresh->rd_att;

        fresh->rd_att = r->rd_att;
        pfree(same);
    }
    else
        bury(r->rd_att);
    bury_index_data(r);

    memcpy(r, fresh, sizeof(RelationData));
    r->rd_extra = (RelationCacheExtra *) ((char *) r + MAXALIGN(sizeof(RelationData)));
    *EXTRA(r) = keep;
    r->rd_refcnt = refcnt;
    r->rd_isvalid = true;
    pfree(fresh);
    relcache_stats.rebuilds++;
}

/* Find or build, and pin.  NULL if the relation does not exist. */
static Relation
RelationIdGetRelation(Oid relid)
{
    Relation r;

    AcceptInvalidationIfNeeded();
    r = hash_find(relid);

    if (r != NULL && !r->rd_isvalid)
    {
        if (r->rd_refcnt == 0)
        {
            remove_entry(r);
            r = NULL;
        }
        else
            RelationRebuildInPlace(r);
    }
    if (r != NULL)
    {
        if (!EXTRA(r)->nailed)
        {
            lru_unlink(r);
            lru_push_head(r);
        }
        relcache_stats.hits++;
        r->rd_refcnt++;
        return r;
    }

    r = RelationBuildDesc(relid);
    if (r == NULL)
        return NULL;
    /* building may have processed nothing that inserted relid: insert it */
    hash_insert(r);
    lru_push_head(r);
    relcache_stats.entries++;
    r->rd_refcnt = 1;
    enforce_limit();
    return r;
}

/* ---------------------------------------------------------------- open/close */

Relation
relation_open(Oid relid, LOCKMODE lockmode)
{
    Relation r;

    if (lockmode != NoLock)
    {
        LockRelationOid(relid, lockmode);
        AcceptInvalidationMessages();
    }
    r = RelationIdGetRelation(relid);
    if (r == NULL)
        elog(ERROR, "could not open relation with OID %u", relid);
    return r;
}

Relation
try_relation_open(Oid relid, LOCKMODE lockmode)
{
    Relation r;

    if (lockmode != NoLock)
    {
        LockRelationOid(relid, lockmode);
        AcceptInvalidationMessages();
    }
    r = RelationIdGetRelation(relid);
    if (r == NULL && lockmode != NoLock)
        UnlockRelationOid(relid, lockmode);
    return r;
}

void
relation_close(Relation relation, LOCKMODE lockmode)
{
    Oid relid = relation->rd_id;

    Assert(relation->rd_refcnt > 0);
    if (relation->rd_refcnt > 0)
        relation->rd_refcnt--;
    if (lockmode != NoLock)
        UnlockRelationOid(relid, lockmode);
}

static void
check_table_relkind(Relation r)
{
    if (r->relkind == RELKIND_INDEX)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is an index", RelationGetRelationName(r)));
    if (r->relkind == RELKIND_COMPOSITE_TYPE)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is a composite type", RelationGetRelationName(r)));
}

Relation
table_open(Oid relid, LOCKMODE lockmode)
{
    Relation r = relation_open(relid, lockmode);

    check_table_relkind(r);
    return r;
}

void
table_close(Relation relation, LOCKMODE lockmode)
{
    relation_close(relation, lockmode);
}

Relation
RelationIdGetCatalog(Oid relid)
{
    Relation r = rbuckets ? hash_find(relid) : NULL;

    if (r == NULL || !EXTRA(r)->nailed)
        elog(ERROR, "relation %u is not a system catalog", relid);
    return r;
}

int
RelationGetAttnum(Relation relation, const char *attname)
{
    TupleDesc desc = RelationGetDescr(relation);

    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (!att->attisdropped && strcmp(NameStr(att->attname), attname) == 0)
            return i + 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- init, invalidation */

void
RelationCacheInitialize(void)
{
    if (rbuckets != NULL)
        return;
    rnbuckets = RELCACHE_BUCKETS_INITIAL;
    rbuckets = MemoryContextAllocZero(CacheMemoryContext, sizeof(Relation) * (Size) rnbuckets);
    rnentries = 0;
    lru_head.rd_extra = &lru_head_extra;
    lru_head_extra.lru_next = lru_head_extra.lru_prev = &lru_head;
    rgraveyard = NULL;
    memset(&relcache_stats, 0, sizeof(relcache_stats));

    for (int i = 0; i < bootstrap_nrelations; i++)
        hash_insert(formrdesc(&bootstrap_relations[i]));
}

void
RelationCacheInvalidateEntry(Oid relid)
{
    Relation r;

    if (rbuckets == NULL)
        return;
    r = hash_find(relid);
    if (r == NULL || EXTRA(r)->nailed)
        return;
    relcache_stats.invalidations++;
    if (r->rd_refcnt == 0)
        remove_entry(r);
    else
        r->rd_isvalid = false;
}

void
RelationCacheInvalidate(void)
{
    Relation r;

    if (rbuckets == NULL)
        return;
    r = lru_head_extra.lru_next;
    while (r != &lru_head)
    {
        Relation next = EXTRA(r)->lru_next;

        relcache_stats.invalidations++;
        if (r->rd_refcnt == 0)
            remove_entry(r);
        else
            r->rd_isvalid = false;
        r = next;
    }
}

/*
 * End of transaction: every pin is dropped (an ERROR skipped the closes;
 * at commit a leftover pin is a caller's leak and is logged), invalid
 * entries go, the limit is enforced and the graveyard freed.
 */
/*
 * ROLLBACK TO a savepoint: the pins taken by its failed statement were
 * never closed.  Pins are not tracked per subtransaction, so every pin
 * goes (between statements only such leftovers and the pins of portals
 * with executor state exist, and the portal module marks those failed in
 * the same rollback).  Invalid unpinned entries are then rebuilt or
 * removed on their next lookup; memory is freed at top-level end.
 */
void
AtEOSubXact_RelationCache(void)
{
    if (rbuckets == NULL)
        return;
    for (int b = 0; b < rnbuckets; b++)
        for (Relation r = rbuckets[b]; r != NULL; r = EXTRA(r)->hnext)
            r->rd_refcnt = 0;
}

void
AtEOXact_RelationCache(bool isCommit)
{
    if (rbuckets == NULL)
        return;
    for (int b = 0; b < rnbuckets; b++)
    {
        Relation r = rbuckets[b];

        while (r)
        {
            Relation next = EXTRA(r)->hnext;

            if (r->rd_refcnt != 0)
            {
                if (isCommit)
                {
#ifdef USE_ASSERT_CHECKING
                    elog(WARNING, "relcache reference leak: relation \"%s\" not closed",
                         RelationGetRelationName(r));
#else
                    elog(LOG, "relcache reference leak: relation \"%s\" not closed",
                         RelationGetRelationName(r));
#endif
                }
                r->rd_refcnt = 0;
            }
            if (!r->rd_isvalid && !EXTRA(r)->nailed)
                remove_entry(r);
            r = next;
        }
    }
    enforce_limit();
    free_graveyard();
}

void
RelationCacheTrimGraveyard(void)
{
    if (relcache_stats.graveyard > 2 * (int64) Max(relation_cache_max_entries, 1))
        free_graveyard();
}

/* ---------------------------------------------------------------- foreign keys */

uint8
RelationGetForeignKeyFlags(Relation rel)
{
    Relation    crel;
    TupleDesc   desc;
    HeapScanDesc scan;
    HeapTuple   tup;
    uint8       flags = RELFK_KNOWN;

    if (rel->rd_fkeyflags & RELFK_KNOWN)
        return rel->rd_fkeyflags;
    crel = table_open(ConstraintRelationId, AccessShareLock);
    desc = RelationGetDescr(crel);
    scan = heap_beginscan(crel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;

        if (DatumGetChar(heap_getattr(tup, Anum_pg_constraint_contype, desc, &isnull)) != 'f')
            continue;
        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull)) ==
            RelationGetRelid(rel))
            flags |= RELFK_REFERENCING;
        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_confrelid, desc, &isnull)) ==
            RelationGetRelid(rel))
            flags |= RELFK_REFERENCED;
    }
    heap_endscan(scan);
    table_close(crel, AccessShareLock);
    rel->rd_fkeyflags = flags;
    return flags;
}
