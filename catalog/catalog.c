/*-------------------------------------------------------------------------
 * catalog.c
 *    Per-backend setup of the catalog module, its end-of-transaction
 *    work, and the one way catalog rows are changed.
 *
 * Principal entry points:
 *    InitCatalogCaches      cache context, nailed descriptors, catalog
 *                           caches, invalidation read position, callbacks
 *    CatalogTupleInsert/Update/Delete
 *    IsCatalogRelationOid / IsSystemRelation / IsSystemNamespace
 *
 * End of transaction (one XactCallback, in this order):
 *    1. invalidations: commit sends them to the shared ring; abort applies
 *       them locally once more (sinval.c)
 *    2. pending storage deletes (heap.c)
 *    3. relation cache: drop pins, remove invalid entries, free graveyard
 *    4. catalog caches: free graveyard
 * xact.c runs COMMIT callbacks after the commit is recorded and before
 * heavyweight locks are released, which is what invalidation needs.
 * Savepoints (one SubXactCallback): a rolled-back subtransaction's
 * invalidations are applied locally and dropped, its new storage unlinked,
 * relation pins dropped; a released one's work passes to its parent.
 *
 * At CommandCounterIncrement the finished command's own invalidations are
 * applied once more (see sinval.h).
 *
 * Other backends' invalidations are accepted at the first cache lookup of
 * each transaction (and on every new heavyweight lock): the callback sets
 * a flag that syscache/relcache check on entry (AcceptInvalidationIfNeeded).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "catalog/syscache.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/xact.h"

MemoryContext CacheMemoryContext = NULL;

static bool catalogInitialized = false;

static void
CatalogXactCallback(XactEvent event, void *arg)
{
    switch (event)
    {
        case XACT_EVENT_PRE_COMMIT:
            break;
        case XACT_EVENT_COMMIT:
        case XACT_EVENT_ABORT:
            {
                bool isCommit = (event == XACT_EVENT_COMMIT);

                AtEOXact_Inval(isCommit);
                AtEOXact_PendingDeletes(isCommit);
                AtEOXact_RelationCache(isCommit);
                AtEOXact_CatCache();
                /* the next transaction's first lookup reads the ring */
                sinval_accept_pending = true;
            }
            break;
    }
}

/* Savepoints: the same work, for one subtransaction (storage/xact.h). */
static void
CatalogSubXactCallback(SubXactEvent event, SubTransactionId mySubid,
                       SubTransactionId parentSubid, void *arg)
{
    switch (event)
    {
        case SUBXACT_EVENT_START_SUB:
            AtStartSubXact_Inval();
            break;
        case SUBXACT_EVENT_COMMIT_SUB:
        case SUBXACT_EVENT_ABORT_SUB:
            {
                bool isCommit = (event == SUBXACT_EVENT_COMMIT_SUB);

                AtEOSubXact_Inval(isCommit);
                AtEOSubXact_PendingDeletes(isCommit, GetCurrentTransactionNestLevel());
                if (!isCommit)
                    AtEOSubXact_RelationCache();
            }
            break;
    }
}

static void
CatalogCommandCounterCallback(void *arg)
{
    CommandEndInvalidationMessages();
}

void
InitCatalogCaches(void)
{
    if (catalogInitialized)
        return;
    if (CacheMemoryContext == NULL)
        CacheMemoryContext = AllocSetContextCreate(TopMemoryContext, "CacheMemoryContext");
    RelationCacheInitialize();
    InitSysCaches();
    SharedInvalBackendInit();
    relation_lock_acquired_hook = AcceptInvalidationMessages;
    RegisterXactCallback(CatalogXactCallback, NULL);
    RegisterSubXactCallback(CatalogSubXactCallback, NULL);
    RegisterCommandCounterCallback(CatalogCommandCounterCallback, NULL);
    catalogInitialized = true;
}

bool
IsCatalogRelationOid(Oid relid)
{
    return relid < FirstNormalObjectId;
}

bool
IsSystemNamespace(Oid nspid)
{
    return nspid == PG_CATALOG_NAMESPACE || nspid == PG_TOAST_NAMESPACE;
}

bool
IsSystemRelation(Relation rel)
{
    return IsCatalogRelationOid(RelationGetRelid(rel)) ||
        IsSystemNamespace(RelationGetNamespace(rel));
}

void
CatalogTupleInsert(Relation rel, HeapTuple tup)
{
    simple_heap_insert(rel, tup);
    CacheInvalidateCatalog(RelationGetRelid(rel));
}

void
CatalogTupleUpdate(Relation rel, ItemPointer otid, HeapTuple tup)
{
    simple_heap_update(rel, otid, tup);
    CacheInvalidateCatalog(RelationGetRelid(rel));
}

void
CatalogTupleDelete(Relation rel, ItemPointer tid)
{
    simple_heap_delete(rel, tid);
    CacheInvalidateCatalog(RelationGetRelid(rel));
}

/*
 * Set column anum (to value, or NULL) of the row of catalog catid whose
 * OID-valued column oidattno equals key; ERROR if there is no such row.
 * The caller invalidates whatever caches the change affects.
 */
static void
catalog_update_field(Oid catid, int oidattno, Oid key, int anum, Datum value, bool isnull_value)
{
    Relation    rel = table_open(catid, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum      *values;
        bool       *nulls;
        HeapTuple   newtup;
        ItemPointerData otid;

        if (DatumGetObjectId(heap_getattr(tup, oidattno, desc, &isnull)) != key)
            continue;
        values = palloc(sizeof(Datum) * desc->natts);
        nulls = palloc(sizeof(bool) * desc->natts);
        heap_deform_tuple(tup, desc, values, nulls);
        values[anum - 1] = value;
        nulls[anum - 1] = isnull_value;
        newtup = heap_form_tuple(desc, values, nulls);
        otid = tup->t_self;
        heap_endscan(scan);
        CatalogTupleUpdate(rel, &otid, newtup);
        table_close(rel, RowExclusiveLock);
        return;
    }
    heap_endscan(scan);
    table_close(rel, RowExclusiveLock);
    elog(ERROR, "cache lookup failed for object %u in catalog %u", key, catid);
}

void
CatalogUpdateField(Oid catid, int oidattno, Oid key, int anum, Datum value)
{
    catalog_update_field(catid, oidattno, key, anum, value, false);
}

void
CatalogSetFieldNull(Oid catid, int oidattno, Oid key, int anum)
{
    catalog_update_field(catid, oidattno, key, anum, (Datum) 0, true);
}
