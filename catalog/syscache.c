/*-------------------------------------------------------------------------
 * syscache.c
 *    The per-backend catalog caches: keyed lookups of catalog rows, each
 *    converted once into the C struct its users want.
 *
 * Principal entry points:
 *    SearchSysCache        one row by key (positive or negative entry)
 *    SearchSysCacheList    all rows of a name (pg_proc, pg_operator, ...)
 *    CatalogCacheFlushCatalog / ResetCatalogCaches   invalidation
 *    AtEOXact_CatCache / CatCacheTrimGraveyard       freeing
 *
 * Structure.  One hash table holds the entries of every cache (the cache
 * id is part of the key), one LRU list orders them all, and one counter
 * (catcache_stats.live_rows) measures them against the setting
 * catalog_cache_max_entries.  An entry is
 *    positive  the converted row (TypeInfo, ProcInfo, ...), one palloc chunk
 *    list      an array of such rows (possibly empty: a negative list)
 *    negative  "no such row": remembered so that repeated misses are cheap
 * The bucket array doubles when entries outnumber buckets twice; it never
 * shrinks (it is sized by the limit, not by history).
 *
 * Misses.  A miss scans the catalog's heap with GetCatalogSnapshot(),
 * comparing only the key columns (heap_getattr) and converting only the
 * matching rows.  List caches exist so that a name lookup is one scan for
 * all overloads.  Computed caches (TYPECACHE) call a builder instead of
 * scanning, and are flushed when any catalog they read changes.
 *
 * Lifetime of returned pointers (the contract of syscache.h): an entry
 * leaving the hash table -- evicted past the limit or invalidated -- keeps
 * its memory in the graveyard until end of transaction, or until the next
 * AcceptInvalidationMessages once the graveyard holds more than the limit.
 * Callers thus never see a payload freed under them between two safe
 * points, while memory stays bounded.
 *
 * Invalidation granularity is the whole catalog: a change to one pg_proc
 * row flushes every pg_proc entry (and the TYPECACHE entries that depend
 * on it).  DDL is rare; a miss is one scan; the simplicity is worth it.
 *
 * Nothing here takes heavyweight locks or processes invalidations, so a
 * lookup never frees another lookup's result.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/syscache.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "procs/fmgr.h"
#include "procs/hashfn.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"

int catalog_cache_max_entries = CATALOG_CACHE_MAX_ENTRIES_DEFAULT;
CatCacheStats catcache_stats;

/* The smallest limit honoured: a lookup may need a handful of live entries. */
#define CATCACHE_MIN_LIMIT 16

/* ---------------------------------------------------------------- descriptors */

typedef void *(*CatCacheMakeFn) (HeapTuple tup, TupleDesc desc);
typedef void *(*CatCacheComputeFn) (const Datum *keys);

typedef struct CatCacheDesc
{
    const char *name;
    Oid         reloid;                     /* catalog scanned on a miss */
    int         nkeys;
    int16       keyattno[CATCACHE_MAXKEYS]; /* columns of reloid */
    bool        is_list;
    CatCacheMakeFn make;                    /* row -> payload */
    CatCacheComputeFn compute;              /* computed caches: keys -> payload */
    Oid         deps[4];                    /* more catalogs whose change flushes it */
} CatCacheDesc;

/* Key kinds, derived from the key columns' types at InitSysCaches. */
#define KEY_UINT32 'o'
#define KEY_INT16  'h'
#define KEY_CHAR   'c'
#define KEY_NAME   'n'

static void *make_agg(HeapTuple tup, TupleDesc desc);
static void *make_amop(HeapTuple tup, TupleDesc desc);
static void *make_amproc(HeapTuple tup, TupleDesc desc);
static void *make_cast(HeapTuple tup, TupleDesc desc);
static void *make_opclass(HeapTuple tup, TupleDesc desc);
static void *make_namespace(HeapTuple tup, TupleDesc desc);
static void *make_oper(HeapTuple tup, TupleDesc desc);
static void *make_proc(HeapTuple tup, TupleDesc desc);
static void *make_class(HeapTuple tup, TupleDesc desc);
static void *make_type(HeapTuple tup, TupleDesc desc);
static void *compute_typcache(const Datum *keys);

static const CatCacheDesc cacheinfo[SysCacheSize] = {
    [AGGFNOID] = {"AGGFNOID", AggregateRelationId, 1,
        {Anum_pg_aggregate_aggfnoid}, false, make_agg},
    [AMOPOPID] = {"AMOPOPID", AccessMethodOperatorRelationId, 1,
        {Anum_pg_amop_amopopr}, true, make_amop},
    [AMOPSTRATEGY] = {"AMOPSTRATEGY", AccessMethodOperatorRelationId, 4,
        {Anum_pg_amop_amopfamily, Anum_pg_amop_amoplefttype,
         Anum_pg_amop_amoprighttype, Anum_pg_amop_amopstrategy}, false, make_amop},
    [AMPROCNUM] = {"AMPROCNUM", AccessMethodProcedureRelationId, 4,
        {Anum_pg_amproc_amprocfamily, Anum_pg_amproc_amproclefttype,
         Anum_pg_amproc_amprocrighttype, Anum_pg_amproc_amprocnum}, false, make_amproc},
    [CASTSOURCETARGET] = {"CASTSOURCETARGET", CastRelationId, 2,
        {Anum_pg_cast_castsource, Anum_pg_cast_casttarget}, false, make_cast},
    [CLAAMLIST] = {"CLAAMLIST", OperatorClassRelationId, 1,
        {Anum_pg_opclass_opcmethod}, true, make_opclass},
    [NAMESPACENAME] = {"NAMESPACENAME", NamespaceRelationId, 1,
        {Anum_pg_namespace_nspname}, false, make_namespace},
    [NAMESPACEOID] = {"NAMESPACEOID", NamespaceRelationId, 1,
        {Anum_pg_namespace_oid}, false, make_namespace},
    [OPERNAME] = {"OPERNAME", OperatorRelationId, 1,
        {Anum_pg_operator_oprname}, true, make_oper},
    [OPEROID] = {"OPEROID", OperatorRelationId, 1,
        {Anum_pg_operator_oid}, false, make_oper},
    [PROCNAME] = {"PROCNAME", ProcedureRelationId, 1,
        {Anum_pg_proc_proname}, true, make_proc},
    [PROCOID] = {"PROCOID", ProcedureRelationId, 1,
        {Anum_pg_proc_oid}, false, make_proc},
    [RELNAMENSP] = {"RELNAMENSP", RelationRelationId, 2,
        {Anum_pg_class_relname, Anum_pg_class_relnamespace}, false, make_class},
    [RELOID] = {"RELOID", RelationRelationId, 1,
        {Anum_pg_class_oid}, false, make_class},
    [TYPENAMENSP] = {"TYPENAMENSP", TypeRelationId, 2,
        {Anum_pg_type_typname, Anum_pg_type_typnamespace}, false, make_type},
    [TYPEOID] = {"TYPEOID", TypeRelationId, 1,
        {Anum_pg_type_oid}, false, make_type},
    [TYPECACHE] = {"TYPECACHE", InvalidOid, 1, {0}, false, NULL, compute_typcache,
        {TypeRelationId, OperatorClassRelationId, AccessMethodOperatorRelationId,
         AccessMethodProcedureRelationId}},
};

static char cache_keykind[SysCacheSize][CATCACHE_MAXKEYS];

/* ---------------------------------------------------------------- entries */

typedef struct CatCEntry
{
    struct CatCEntry *hnext;        /* hash chain */
    struct CatCEntry *prev;         /* LRU list (most recent at head) ... */
    struct CatCEntry *next;         /* ... or, in the graveyard, its chain */
    uint32      hash;
    int16       cacheid;
    bool        negative;
    int         nmembers;           /* list caches */
    int         weight;             /* rows counted against the limit */
    Datum       keys[CATCACHE_MAXKEYS];
    NameData    namekey;            /* the name key's bytes; keys[i] points here */
    void       *payload;            /* struct, or void *[nmembers] for a list */
} CatCEntry;

static CatCEntry **buckets;
static int  nbuckets;
static int  nentries;               /* entries in the hash (not rows) */
static CatCEntry lru;               /* sentinel: lru.next is the most recent */
static CatCEntry *graveyard;

#define INITIAL_BUCKETS 1024

/* Copy a name key as namein would store it: at most NAMEDATALEN - 1 bytes,
 * not splitting a UTF-8 character. */
static void
name_key_copy(NameData *dst, const char *src)
{
    size_t len = strlen(src);

    if (len >= NAMEDATALEN)
    {
        len = NAMEDATALEN - 1;
        while (len > 0 && ((unsigned char) src[len] & 0xC0) == 0x80)
            len--;
    }
    memset(dst, 0, sizeof(NameData));
    memcpy(dst->data, src, len);
}

static uint32
catcache_hash(int cacheid, const Datum *keys)
{
    uint32 h = hash_bytes_uint32((uint32) cacheid);

    for (int i = 0; i < cacheinfo[cacheid].nkeys; i++)
    {
        uint32 kh;

        if (cache_keykind[cacheid][i] == KEY_NAME)
        {
            const char *s = DatumGetCString(keys[i]);

            kh = hash_bytes((const unsigned char *) s, (int) strlen(s));
        }
        else
            kh = hash_bytes_uint32((uint32) keys[i]);
        h = (h << 1 | h >> 31) ^ kh;
    }
    return h;
}

static bool
keys_equal(int cacheid, const Datum *a, const Datum *b)
{
    for (int i = 0; i < cacheinfo[cacheid].nkeys; i++)
    {
        switch (cache_keykind[cacheid][i])
        {
            case KEY_NAME:
                if (strcmp(DatumGetCString(a[i]), DatumGetCString(b[i])) != 0)
                    return false;
                break;
            case KEY_INT16:
                if (DatumGetInt16(a[i]) != DatumGetInt16(b[i]))
                    return false;
                break;
            case KEY_CHAR:
                if (DatumGetChar(a[i]) != DatumGetChar(b[i]))
                    return false;
                break;
            default:
                if (DatumGetUInt32(a[i]) != DatumGetUInt32(b[i]))
                    return false;
                break;
        }
    }
    return true;
}

static inline void
lru_unlink(CatCEntry *e)
{
    e->prev->next = e->next;
    e->next->prev = e->prev;
    e->prev = e->next = NULL;
}

static inline void
lru_push_head(CatCEntry *e)
{
    e->next = lru.next;
    e->prev = &lru;
    lru.next->prev = e;
    lru.next = e;
}

static void
free_entry(CatCEntry *e)
{
    if (e->payload != NULL)
    {
        if (cacheinfo[e->cacheid].is_list)
        {
            void **members = (void **) e->payload;

            for (int i = 0; i < e->nmembers; i++)
                pfree(members[i]);
        }
        pfree(e->payload);
    }
    pfree(e);
}

/*
 * Take e out of the hash table and the LRU list.  A positive entry goes to
 * the graveyard (someone may hold its payload); a negative one is freed.
 */
static void
remove_entry(CatCEntry *e)
{
    CatCEntry **link = &buckets[e->hash & (nbuckets - 1)];

    while (*link != e)
    {
        Assert(*link != NULL);
        link = &(*link)->hnext;
    }
    *link = e->hnext;
    e->hnext = NULL;
    lru_unlink(e);
    nentries--;
    catcache_stats.live_rows -= e->weight;

    if (e->payload == NULL)
        free_entry(e);
    else
    {
        e->next = graveyard;
        graveyard = e;
        catcache_stats.graveyard_rows += e->weight;
    }
}

static void
free_graveyard(void)
{
    while (graveyard != NULL)
    {
        CatCEntry *e = graveyard;

        graveyard = e->next;
        free_entry(e);
    }
    catcache_stats.graveyard_rows = 0;
}

static void
grow_buckets(void)
{
    int         newn = nbuckets * 2;
    CatCEntry **newb = MemoryContextAllocZero(CacheMemoryContext,
                                              sizeof(CatCEntry *) * (Size) newn);

    for (int i = 0; i < nbuckets; i++)
    {
        CatCEntry *e = buckets[i];

        while (e != NULL)
        {
            CatCEntry *next = e->hnext;

            e->hnext = newb[e->hash & (newn - 1)];
            newb[e->hash & (newn - 1)] = e;
            e = next;
        }
    }
    pfree(buckets);
    buckets = newb;
    nbuckets = newn;
}

/* Evict least-recently-used entries until the live rows fit the limit
 * (never `keep`, the entry just made). */
static void
enforce_limit(CatCEntry *keep)
{
    int limit = Max(catalog_cache_max_entries, CATCACHE_MIN_LIMIT);

    while (catcache_stats.live_rows > limit)
    {
        CatCEntry *victim = lru.prev;

        if (victim == &lru || victim == keep)
            break;
        remove_entry(victim);
        catcache_stats.evictions++;
    }
}

/* ---------------------------------------------------------------- init */

void
InitSysCaches(void)
{
    if (buckets != NULL)
        return;

    for (int id = 0; id < SysCacheSize; id++)
    {
        const CatCacheDesc *cc = &cacheinfo[id];

        int nnames = 0;

        Assert(cc->nkeys >= 1 && cc->nkeys <= CATCACHE_MAXKEYS);
        for (int i = 0; i < cc->nkeys; i++)
        {
            Oid typid;

            if (!OidIsValid(cc->reloid))
            {
                cache_keykind[id][i] = KEY_UINT32;
                continue;
            }
            typid = TupleDescAttr(RelationGetDescr(RelationIdGetCatalog(cc->reloid)),
                                  cc->keyattno[i] - 1)->atttypid;
            switch (typid)
            {
                case NAMEOID:
                    cache_keykind[id][i] = KEY_NAME;
                    nnames++;
                    break;
                case INT2OID:
                    cache_keykind[id][i] = KEY_INT16;
                    break;
                case CHAROID:
                case BOOLOID:
                    cache_keykind[id][i] = KEY_CHAR;
                    break;
                default:
                    cache_keykind[id][i] = KEY_UINT32;
                    break;
            }
        }
        Assert(nnames <= 1);        /* one NameData slot per entry */
        (void) nnames;
    }

    nbuckets = INITIAL_BUCKETS;
    buckets = MemoryContextAllocZero(CacheMemoryContext,
                                     sizeof(CatCEntry *) * (Size) nbuckets);
    nentries = 0;
    lru.next = lru.prev = &lru;
    graveyard = NULL;
    memset(&catcache_stats, 0, sizeof(catcache_stats));
}

/* ---------------------------------------------------------------- lookup */

/* Normalize keys: a name key is copied (truncated) into *namebuf. */
static void
prepare_keys(int cacheid, Datum *keys, NameData *namebuf)
{
    for (int i = 0; i < cacheinfo[cacheid].nkeys; i++)
    {
        switch (cache_keykind[cacheid][i])
        {
            case KEY_NAME:
                name_key_copy(namebuf, DatumGetCString(keys[i]));
                keys[i] = CStringGetDatum(namebuf->data);
                break;
            case KEY_INT16:
                keys[i] = Int16GetDatum(DatumGetInt16(keys[i]));
                break;
            case KEY_CHAR:
                keys[i] = CharGetDatum(DatumGetChar(keys[i]));
                break;
            default:
                keys[i] = UInt32GetDatum(DatumGetUInt32(keys[i]));
                break;
        }
    }
    for (int i = cacheinfo[cacheid].nkeys; i < CATCACHE_MAXKEYS; i++)
        keys[i] = 0;
}

static bool
tuple_matches(int cacheid, HeapTuple tup, TupleDesc desc, const Datum *keys)
{
    const CatCacheDesc *cc = &cacheinfo[cacheid];

    for (int i = 0; i < cc->nkeys; i++)
    {
        bool    isnull;
        Datum   d = heap_getattr(tup, cc->keyattno[i], desc, &isnull);

        if (isnull)
            return false;
        switch (cache_keykind[cacheid][i])
        {
            case KEY_NAME:
                if (strncmp(NameStr(*(Name) DatumGetPointer(d)),
                            DatumGetCString(keys[i]), NAMEDATALEN) != 0)
                    return false;
                break;
            case KEY_INT16:
                if (DatumGetInt16(d) != DatumGetInt16(keys[i]))
                    return false;
                break;
            case KEY_CHAR:
                if (DatumGetChar(d) != DatumGetChar(keys[i]))
                    return false;
                break;
            default:
                if (DatumGetUInt32(d) != DatumGetUInt32(keys[i]))
                    return false;
                break;
        }
    }
    return true;
}

/*
 * Scan the catalog for rows matching keys; convert them in
 * CacheMemoryContext.  Returns the payload (single) or the member array
 * (list, *nmembers set), NULL when nothing matched.
 */
static void *
scan_catalog(int cacheid, const Datum *keys, int *nmembers)
{
    const CatCacheDesc *cc = &cacheinfo[cacheid];
    Relation    rel = RelationIdGetCatalog(cc->reloid);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan;
    HeapTuple   tup;
    void       *result = NULL;
    void      **members = NULL;
    int         n = 0;
    int         cap = 0;

    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        MemoryContext old;
        void       *p;

        CHECK_FOR_INTERRUPTS();
        if (!tuple_matches(cacheid, tup, desc, keys))
            continue;
        old = MemoryContextSwitchTo(CacheMemoryContext);
        p = cc->make(tup, desc);
        if (cc->is_list)
        {
            if (n == cap)
            {
                cap = cap ? cap * 2 : 4;
                members = members ? repalloc(members, sizeof(void *) * (Size) cap)
                                  : palloc(sizeof(void *) * (Size) cap);
            }
            members[n++] = p;
        }
        MemoryContextSwitchTo(old);
        if (!cc->is_list)
        {
            result = p;
            break;
        }
    }
    heap_endscan(scan);

    if (cc->is_list)
    {
        *nmembers = n;
        return members;
    }
    return result;
}

/* Find an entry, or make one (scanning or computing) and insert it. */
static CatCEntry *
lookup_entry(int cacheid, Datum *keys)
{
    NameData    namebuf;
    uint32      hash;
    CatCEntry  *e;
    void       *payload;
    int         nmembers = 0;

    Assert(cacheid >= 0 && cacheid < SysCacheSize);
    if (unlikely(buckets == NULL))
        elog(ERROR, "catalog caches are not initialized");
    AcceptInvalidationIfNeeded();

    prepare_keys(cacheid, keys, &namebuf);
    hash = catcache_hash(cacheid, keys);

    for (e = buckets[hash & (nbuckets - 1)]; e != NULL; e = e->hnext)
    {
        if (e->hash == hash && e->cacheid == cacheid &&
            keys_equal(cacheid, e->keys, keys))
        {
            lru_unlink(e);
            lru_push_head(e);
            if (e->negative)
                catcache_stats.neg_hits++;
            else
                catcache_stats.hits++;
            return e;
        }
    }

    catcache_stats.misses++;
    if (cacheinfo[cacheid].compute != NULL)
    {
        payload = cacheinfo[cacheid].compute(keys);
    }
    else
        payload = scan_catalog(cacheid, keys, &nmembers);

    /*
     * Building may have recursed into other caches (TYPECACHE does), which
     * cannot have inserted this key: only this call makes it.
     */
    e = MemoryContextAllocZero(CacheMemoryContext, sizeof(CatCEntry));
    e->hash = hash;
    e->cacheid = (int16) cacheid;
    e->payload = payload;
    e->nmembers = nmembers;
    e->negative = cacheinfo[cacheid].is_list ? (nmembers == 0) : (payload == NULL);
    if (e->negative && payload != NULL)
    {
        pfree(payload);         /* an empty member array */
        e->payload = NULL;
    }
    e->weight = 1 + nmembers;
    for (int i = 0; i < cacheinfo[cacheid].nkeys; i++)
    {
        if (cache_keykind[cacheid][i] == KEY_NAME)
        {
            e->namekey = namebuf;
            e->keys[i] = CStringGetDatum(e->namekey.data);
        }
        else
            e->keys[i] = keys[i];
    }

    e->hnext = buckets[hash & (nbuckets - 1)];
    buckets[hash & (nbuckets - 1)] = e;
    lru_push_head(e);
    nentries++;
    catcache_stats.live_rows += e->weight;

    enforce_limit(e);
    if (nentries > 2 * nbuckets)
        grow_buckets();
    return e;
}

const void *
SearchSysCache(int cacheId, Datum key1, Datum key2, Datum key3, Datum key4)
{
    Datum       keys[CATCACHE_MAXKEYS] = {key1, key2, key3, key4};
    CatCEntry  *e;

    Assert(!cacheinfo[cacheId].is_list);
    e = lookup_entry(cacheId, keys);
    return e->negative ? NULL : e->payload;
}

const void *const *
SearchSysCacheList(int cacheId, Datum key1, int *nmembers)
{
    Datum       keys[CATCACHE_MAXKEYS] = {key1, 0, 0, 0};
    CatCEntry  *e;

    Assert(cacheinfo[cacheId].is_list);
    e = lookup_entry(cacheId, keys);
    *nmembers = e->nmembers;
    return e->negative ? NULL : (const void *const *) e->payload;
}

/* ---------------------------------------------------------------- invalidation */

static bool
cache_depends_on(int cacheid, Oid catId)
{
    const CatCacheDesc *cc = &cacheinfo[cacheid];

    if (cc->reloid == catId)
        return true;
    for (int i = 0; i < (int) lengthof(cc->deps); i++)
        if (cc->deps[i] == catId)
            return true;
    return false;
}

void
CatalogCacheFlushCatalog(Oid catId)
{
    bool affected[SysCacheSize];
    bool any = false;

    if (buckets == NULL)
        return;
    for (int id = 0; id < SysCacheSize; id++)
    {
        affected[id] = cache_depends_on(id, catId);
        any |= affected[id];
    }
    if (!any)
        return;

    for (int b = 0; b < nbuckets; b++)
    {
        CatCEntry *e = buckets[b];

        while (e != NULL)
        {
            CatCEntry *next = e->hnext;

            if (affected[e->cacheid])
            {
                remove_entry(e);
                catcache_stats.invalidations++;
            }
            e = next;
        }
    }
}

void
ResetCatalogCaches(void)
{
    if (buckets == NULL)
        return;
    catcache_stats.resets++;
    while (lru.prev != &lru)
    {
        remove_entry(lru.prev);
        catcache_stats.invalidations++;
    }
}

void
AtEOXact_CatCache(void)
{
    free_graveyard();
}

void
CatCacheTrimGraveyard(void)
{
    if (catcache_stats.graveyard_rows > Max(catalog_cache_max_entries, CATCACHE_MIN_LIMIT))
        free_graveyard();
}

/* ---------------------------------------------------------------- converters
 * Each builds one palloc chunk (in CurrentMemoryContext = CacheMemoryContext)
 * from a catalog row.  Fixed-width catalog columns are never NULL.
 */

#define MAXCATCOLS 40

static void
deform(HeapTuple tup, TupleDesc desc, Datum *values, bool *isnull)
{
    Assert(desc->natts <= MAXCATCOLS);
    heap_deform_tuple(tup, desc, values, isnull);
}

#define V_OID(a)   DatumGetObjectId(values[(a) - 1])
#define V_INT16(a) DatumGetInt16(values[(a) - 1])
#define V_INT32(a) DatumGetInt32(values[(a) - 1])
#define V_BOOL(a)  DatumGetBool(values[(a) - 1])
#define V_CHAR(a)  DatumGetChar(values[(a) - 1])
#define V_FLOAT4(a) DatumGetFloat4(values[(a) - 1])
#define V_NAME(dst, a) \
    memcpy(&(dst), DatumGetPointer(values[(a) - 1]), sizeof(NameData))

static void *
make_type(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    TypeInfo   *t = palloc0(sizeof(TypeInfo));

    deform(tup, desc, values, isnull);
    t->oid = V_OID(Anum_pg_type_oid);
    V_NAME(t->typname, Anum_pg_type_typname);
    t->typnamespace = V_OID(Anum_pg_type_typnamespace);
    t->typlen = V_INT16(Anum_pg_type_typlen);
    t->typbyval = V_BOOL(Anum_pg_type_typbyval);
    t->typtype = V_CHAR(Anum_pg_type_typtype);
    t->typcategory = V_CHAR(Anum_pg_type_typcategory);
    t->typispreferred = V_BOOL(Anum_pg_type_typispreferred);
    t->typisdefined = V_BOOL(Anum_pg_type_typisdefined);
    t->typdelim = V_CHAR(Anum_pg_type_typdelim);
    t->typrelid = V_OID(Anum_pg_type_typrelid);
    t->typsubscript = V_OID(Anum_pg_type_typsubscript);
    t->typelem = V_OID(Anum_pg_type_typelem);
    t->typarray = V_OID(Anum_pg_type_typarray);
    t->typinput = V_OID(Anum_pg_type_typinput);
    t->typoutput = V_OID(Anum_pg_type_typoutput);
    t->typreceive = V_OID(Anum_pg_type_typreceive);
    t->typsend = V_OID(Anum_pg_type_typsend);
    t->typmodin = V_OID(Anum_pg_type_typmodin);
    t->typmodout = V_OID(Anum_pg_type_typmodout);
    t->typalign = V_CHAR(Anum_pg_type_typalign);
    t->typstorage = V_CHAR(Anum_pg_type_typstorage);
    t->typnotnull = V_BOOL(Anum_pg_type_typnotnull);
    t->typbasetype = V_OID(Anum_pg_type_typbasetype);
    t->typtypmod = V_INT32(Anum_pg_type_typtypmod);
    t->typndims = V_INT32(Anum_pg_type_typndims);
    t->typcollation = V_OID(Anum_pg_type_typcollation);
    return t;
}

static void *
make_proc(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    ProcInfo   *p;
    oidvector  *args;
    const text *src;
    int         nargs;
    int         srclen;
    char       *tail;
    Datum      *names = NULL;
    bool       *namenulls = NULL;
    int         nnames = 0;
    const text *defs;
    Size        extralen = 0;

    deform(tup, desc, values, isnull);
    args = (oidvector *) DatumGetPointer(values[Anum_pg_proc_proargtypes - 1]);
    nargs = V_INT16(Anum_pg_proc_pronargs);
    if (args->ndim != 1 || args->dim1 != nargs)
        elog(ERROR, "invalid proargtypes in pg_proc row %u", V_OID(Anum_pg_proc_oid));
    src = isnull[Anum_pg_proc_prosrc - 1] ? NULL :
        (const text *) DatumGetPointer(values[Anum_pg_proc_prosrc - 1]);
    srclen = src ? (int) VARSIZE_ANY_EXHDR(src) : 0;

    /* input argument names (only when there are no OUT arguments) */
    if (!isnull[Anum_pg_proc_proargnames - 1])
    {
        deconstruct_array(DatumGetArrayTypeP(values[Anum_pg_proc_proargnames - 1]), TEXTOID, -1,
                          false, 'i', &names, &namenulls, &nnames);
        if (nnames != nargs)
            nnames = 0;
        for (int i = 0; i < nnames; i++)
            extralen += namenulls[i] ? 1 : VARSIZE_ANY_EXHDR(DatumGetPointer(names[i])) + 1;
    }
    defs = isnull[Anum_pg_proc_proargdefaults - 1] ? NULL :
        (const text *) DatumGetPointer(values[Anum_pg_proc_proargdefaults - 1]);
    if (defs)
        extralen += VARSIZE_ANY_EXHDR(defs) + 1;
    if (nnames > 0)
        extralen += sizeof(char *) * (Size) nnames;

    /* one chunk: the struct, the argument types, prosrc, names, defaults */
    p = palloc0(MAXALIGN(sizeof(ProcInfo)) + sizeof(Oid) * (Size) nargs + (Size) srclen + 1 +
                sizeof(char *) + extralen);
    tail = (char *) p + MAXALIGN(sizeof(ProcInfo));
    p->oid = V_OID(Anum_pg_proc_oid);
    V_NAME(p->proname, Anum_pg_proc_proname);
    p->pronamespace = V_OID(Anum_pg_proc_pronamespace);
    p->prolang = V_OID(Anum_pg_proc_prolang);
    p->procost = V_FLOAT4(Anum_pg_proc_procost);
    p->prorows = V_FLOAT4(Anum_pg_proc_prorows);
    p->provariadic = V_OID(Anum_pg_proc_provariadic);
    p->prokind = V_CHAR(Anum_pg_proc_prokind);
    p->proisstrict = V_BOOL(Anum_pg_proc_proisstrict);
    p->proretset = V_BOOL(Anum_pg_proc_proretset);
    p->provolatile = V_CHAR(Anum_pg_proc_provolatile);
    p->pronargs = (int16) nargs;
    p->pronargdefaults = V_INT16(Anum_pg_proc_pronargdefaults);
    p->prorettype = V_OID(Anum_pg_proc_prorettype);
    p->proargtypes = (Oid *) tail;
    memcpy(p->proargtypes, args->values, sizeof(Oid) * (Size) nargs);
    tail += sizeof(Oid) * (Size) nargs;
    p->prosrc = tail;
    if (src)
        memcpy(p->prosrc, VARDATA_ANY(src), srclen);
    p->prosrc[srclen] = '\0';
    tail += srclen + 1;
    if (nnames > 0)
    {
        tail = (char *) TYPEALIGN(sizeof(char *), tail);
        p->proargnames = (char **) tail;
        tail += sizeof(char *) * (Size) nnames;
        for (int i = 0; i < nnames; i++)
        {
            Size        len = namenulls[i] ? 0 : VARSIZE_ANY_EXHDR(DatumGetPointer(names[i]));

            p->proargnames[i] = tail;
            if (len > 0)
                memcpy(tail, VARDATA_ANY(DatumGetPointer(names[i])), len);
            tail[len] = '\0';
            tail += len + 1;
        }
    }
    if (defs)
    {
        Size        len = VARSIZE_ANY_EXHDR(defs);

        p->proargdefaults = tail;
        memcpy(tail, VARDATA_ANY(defs), len);
        tail[len] = '\0';
    }
    return p;
}

static void *
make_oper(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    OperInfo   *o = palloc0(sizeof(OperInfo));

    deform(tup, desc, values, isnull);
    o->oid = V_OID(Anum_pg_operator_oid);
    V_NAME(o->oprname, Anum_pg_operator_oprname);
    o->oprnamespace = V_OID(Anum_pg_operator_oprnamespace);
    o->oprkind = V_CHAR(Anum_pg_operator_oprkind);
    o->oprcanmerge = V_BOOL(Anum_pg_operator_oprcanmerge);
    o->oprcanhash = V_BOOL(Anum_pg_operator_oprcanhash);
    o->oprleft = V_OID(Anum_pg_operator_oprleft);
    o->oprright = V_OID(Anum_pg_operator_oprright);
    o->oprresult = V_OID(Anum_pg_operator_oprresult);
    o->oprcom = V_OID(Anum_pg_operator_oprcom);
    o->oprnegate = V_OID(Anum_pg_operator_oprnegate);
    o->oprcode = V_OID(Anum_pg_operator_oprcode);
    return o;
}

static void *
make_cast(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    CastInfo   *c = palloc0(sizeof(CastInfo));

    deform(tup, desc, values, isnull);
    c->castsource = V_OID(Anum_pg_cast_castsource);
    c->casttarget = V_OID(Anum_pg_cast_casttarget);
    c->castfunc = V_OID(Anum_pg_cast_castfunc);
    c->castcontext = V_CHAR(Anum_pg_cast_castcontext);
    c->castmethod = V_CHAR(Anum_pg_cast_castmethod);
    return c;
}

static void *
make_agg(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    AggInfo    *a;
    const text *init;
    int         initlen;

    deform(tup, desc, values, isnull);
    init = isnull[Anum_pg_aggregate_agginitval - 1] ? NULL :
        (const text *) DatumGetPointer(values[Anum_pg_aggregate_agginitval - 1]);
    initlen = init ? (int) VARSIZE_ANY_EXHDR(init) : 0;

    a = palloc0(MAXALIGN(sizeof(AggInfo)) + (init ? (Size) initlen + 1 : 0));
    a->aggfnoid = V_OID(Anum_pg_aggregate_aggfnoid);
    a->aggkind = V_CHAR(Anum_pg_aggregate_aggkind);
    a->aggnumdirectargs = V_INT16(Anum_pg_aggregate_aggnumdirectargs);
    a->aggtransfn = V_OID(Anum_pg_aggregate_aggtransfn);
    a->aggfinalfn = V_OID(Anum_pg_aggregate_aggfinalfn);
    a->aggcombinefn = V_OID(Anum_pg_aggregate_aggcombinefn);
    a->aggfinalextra = V_BOOL(Anum_pg_aggregate_aggfinalextra);
    a->aggsortop = V_OID(Anum_pg_aggregate_aggsortop);
    a->aggtranstype = V_OID(Anum_pg_aggregate_aggtranstype);
    a->aggtransspace = V_INT32(Anum_pg_aggregate_aggtransspace);
    if (init)
    {
        a->agginitval = (char *) a + MAXALIGN(sizeof(AggInfo));
        memcpy(a->agginitval, VARDATA_ANY(init), initlen);
        a->agginitval[initlen] = '\0';
    }
    return a;
}

static void *
make_namespace(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    NamespaceInfo *n = palloc0(sizeof(NamespaceInfo));

    deform(tup, desc, values, isnull);
    n->oid = V_OID(Anum_pg_namespace_oid);
    V_NAME(n->nspname, Anum_pg_namespace_nspname);
    n->nspowner = V_OID(Anum_pg_namespace_nspowner);
    return n;
}

static void *
make_class(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    ClassInfo  *c = palloc0(sizeof(ClassInfo));

    deform(tup, desc, values, isnull);
    c->oid = V_OID(Anum_pg_class_oid);
    V_NAME(c->relname, Anum_pg_class_relname);
    c->relnamespace = V_OID(Anum_pg_class_relnamespace);
    c->reltype = V_OID(Anum_pg_class_reltype);
    c->relowner = V_OID(Anum_pg_class_relowner);
    c->relam = V_OID(Anum_pg_class_relam);
    c->relfilenode = V_OID(Anum_pg_class_relfilenode);
    c->relpersistence = V_CHAR(Anum_pg_class_relpersistence);
    c->relkind = V_CHAR(Anum_pg_class_relkind);
    c->relnatts = V_INT16(Anum_pg_class_relnatts);
    c->relhasindex = V_BOOL(Anum_pg_class_relhasindex);
    return c;
}

static void *
make_opclass(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    OpclassInfo *o = palloc0(sizeof(OpclassInfo));

    deform(tup, desc, values, isnull);
    o->oid = V_OID(Anum_pg_opclass_oid);
    o->opcmethod = V_OID(Anum_pg_opclass_opcmethod);
    V_NAME(o->opcname, Anum_pg_opclass_opcname);
    o->opcnamespace = V_OID(Anum_pg_opclass_opcnamespace);
    o->opcfamily = V_OID(Anum_pg_opclass_opcfamily);
    o->opcintype = V_OID(Anum_pg_opclass_opcintype);
    o->opcdefault = V_BOOL(Anum_pg_opclass_opcdefault);
    o->opckeytype = V_OID(Anum_pg_opclass_opckeytype);
    return o;
}

static void *
make_amop(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    AmopInfo   *a = palloc0(sizeof(AmopInfo));

    deform(tup, desc, values, isnull);
    a->oid = V_OID(Anum_pg_amop_oid);
    a->amopfamily = V_OID(Anum_pg_amop_amopfamily);
    a->amoplefttype = V_OID(Anum_pg_amop_amoplefttype);
    a->amoprighttype = V_OID(Anum_pg_amop_amoprighttype);
    a->amopstrategy = V_INT16(Anum_pg_amop_amopstrategy);
    a->amoppurpose = V_CHAR(Anum_pg_amop_amoppurpose);
    a->amopopr = V_OID(Anum_pg_amop_amopopr);
    a->amopmethod = V_OID(Anum_pg_amop_amopmethod);
    a->amopsortfamily = V_OID(Anum_pg_amop_amopsortfamily);
    return a;
}

static void *
make_amproc(HeapTuple tup, TupleDesc desc)
{
    Datum       values[MAXCATCOLS];
    bool        isnull[MAXCATCOLS];
    AmprocInfo *a = palloc0(sizeof(AmprocInfo));

    deform(tup, desc, values, isnull);
    a->oid = V_OID(Anum_pg_amproc_oid);
    a->amprocfamily = V_OID(Anum_pg_amproc_amprocfamily);
    a->amproclefttype = V_OID(Anum_pg_amproc_amproclefttype);
    a->amprocrighttype = V_OID(Anum_pg_amproc_amprocrighttype);
    a->amprocnum = V_INT16(Anum_pg_amproc_amprocnum);
    a->amproc = V_OID(Anum_pg_amproc_amproc);
    return a;
}

/* TYPECACHE: built by lsyscache.c from the other caches. */
static void *
compute_typcache(const Datum *keys)
{
    return lsyscache_build_typcache(DatumGetObjectId(keys[0]));
}
