/*-------------------------------------------------------------------------
 * heap.c
 *    Tables in the catalogs: create and drop the catalog rows and storage
 *    of a relation (PostgreSQL's catalog/heap.c and catalog/storage.c).
 *
 * Principal entry points:
 *    heap_create_with_catalog   new table: OIDs, storage, pg_class,
 *                               pg_attribute, pg_type (row type + array)
 *    heap_drop_with_catalog     delete those rows; unlink storage at commit
 *    RelationCreateStorage / RelationDropStorage / AtEOXact_PendingDeletes
 *    SystemAttributeDefinition / SystemAttributeByName
 *
 * Every catalog change goes through CatalogTupleInsert/Delete (catalog.c),
 * which registers the catalog's invalidation; the relation's own
 * descriptor is invalidated here (CacheInvalidateRelcache).  Storage
 * follows the transaction: created at once and unlinked at ABORT, or
 * unlinked at COMMIT of a DROP -- so ROLLBACK of a DROP loses nothing and
 * ROLLBACK of a CREATE leaves no file.
 *
 * OIDs: relation, row type and array type each take GetNewObjectId(),
 * skipping any value already used by pg_class or pg_type (there are no
 * catalog unique indexes yet to catch a collision after OID wraparound).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/comment.h"
#include "catalog/foreign_key.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "catalog/syscache.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

/* pg_proc OIDs of the row and array type I/O functions (fmgroids.h) */
#define F_RECORD_IN     2290
#define F_RECORD_OUT    2291
#define F_RECORD_RECV   2402
#define F_RECORD_SEND   2403
#define F_ARRAY_IN      750
#define F_ARRAY_OUT     751
#define F_ARRAY_RECV    2400
#define F_ARRAY_SEND    2401
#define F_ARRAY_TYPANALYZE 3816
#define F_ARRAY_SUBSCRIPT_HANDLER 6179

/* ---------------------------------------------------------------- system columns */

static const FormData_pg_attribute SysAtt[NUM_SYSTEM_ATTRIBUTES] = {
    /* attrelid, attname, atttypid, attlen, attnum, atttypmod, attbyval,
     * attalign, attstorage, attnotnull, atthasdef, attisdropped, attndims,
     * attcollation */
    {0, {"ctid"}, TIDOID, 6, -1, -1, false, 's', 'p', true, false, false, 0, InvalidOid},
    {0, {"xmin"}, XIDOID, 4, -2, -1, true, 'i', 'p', true, false, false, 0, InvalidOid},
    {0, {"cmin"}, CIDOID, 4, -3, -1, true, 'i', 'p', true, false, false, 0, InvalidOid},
    {0, {"xmax"}, XIDOID, 4, -4, -1, true, 'i', 'p', true, false, false, 0, InvalidOid},
    {0, {"cmax"}, CIDOID, 4, -5, -1, true, 'i', 'p', true, false, false, 0, InvalidOid},
    {0, {"tableoid"}, OIDOID, 4, -6, -1, true, 'i', 'p', true, false, false, 0, InvalidOid},
};

const FormData_pg_attribute *
SystemAttributeDefinition(int attno)
{
    if (attno >= 0 || attno < -NUM_SYSTEM_ATTRIBUTES)
        elog(ERROR, "invalid system attribute number %d", attno);
    return &SysAtt[-attno - 1];
}

const FormData_pg_attribute *
SystemAttributeByName(const char *attname)
{
    for (int i = 0; i < NUM_SYSTEM_ATTRIBUTES; i++)
        if (strcmp(NameStr(SysAtt[i].attname), attname) == 0)
            return &SysAtt[i];
    return NULL;
}

/* ---------------------------------------------------------------- pending deletes */

typedef struct PendingRelDelete
{
    struct PendingRelDelete *next;
    RelFileNode rnode;
    bool        atCommit;       /* unlink at commit (DROP) or at abort (CREATE) */
    int         nestLevel;      /* savepoint level that registered it (xact.h) */
} PendingRelDelete;

static PendingRelDelete *pendingDeletes;
static MemoryContext PendingDeleteContext;

static void
register_pending_delete(RelFileNode rnode, bool atCommit)
{
    PendingRelDelete *p;

    if (PendingDeleteContext == NULL)
        PendingDeleteContext = AllocSetContextCreate(TopMemoryContext, "PendingRelDeletes");
    p = MemoryContextAlloc(PendingDeleteContext, sizeof(PendingRelDelete));
    p->rnode = rnode;
    p->atCommit = atCommit;
    p->nestLevel = GetCurrentTransactionNestLevel();
    p->next = pendingDeletes;
    pendingDeletes = p;
}

void
RelationCreateStorage(RelFileNode rnode)
{
    /* register first: if creating fails halfway, abort still cleans up */
    register_pending_delete(rnode, false);
    heap_create_storage(rnode);
}

void
RelationDropStorage(RelFileNode rnode)
{
    register_pending_delete(rnode, true);
}

void
AtEOXact_PendingDeletes(bool isCommit)
{
    PendingRelDelete *p = pendingDeletes;

    pendingDeletes = NULL;
    for (; p != NULL; p = p->next)
        if (p->atCommit == isCommit)
            heap_drop_storage(p->rnode);
    if (PendingDeleteContext != NULL)
        MemoryContextReset(PendingDeleteContext);
}

/*
 * End of a savepoint at nestLevel.  RELEASE: its entries become the
 * parent's.  ROLLBACK TO: storage it created is unlinked now (and no
 * longer flushed at commit); drops it registered are forgotten.  Called
 * after the rolled-back subtransaction's buffer pins were released.
 */
void
AtEOSubXact_PendingDeletes(bool isCommit, int nestLevel)
{
    PendingRelDelete **link = &pendingDeletes;

    while (*link != NULL)
    {
        PendingRelDelete *p = *link;

        if (p->nestLevel < nestLevel)
        {
            link = &p->next;
            continue;
        }
        if (isCommit)
        {
            p->nestLevel = nestLevel - 1;
            link = &p->next;
            continue;
        }
        *link = p->next;
        if (!p->atCommit)
        {
            XactForgetDirtiedRelation(p->rnode);
            heap_drop_storage(p->rnode);
        }
        pfree(p);
    }
}

/* ---------------------------------------------------------------- OIDs */

Oid
GetNewRelationOrTypeOid(void)
{
    for (;;)
    {
        Oid oid = GetNewObjectId();

        if (lookup_class(oid) == NULL && lookup_type(oid) == NULL)
            return oid;
    }
}

/* ---------------------------------------------------------------- row builders */

static Datum
name_datum(const char *s)
{
    NameData *n = palloc0(sizeof(NameData));
    size_t    len = strnlen(s, NAMEDATALEN - 1);

    memcpy(NameStr(*n), s, len);
    return PointerGetDatum(n);
}

void
InsertPgClassTuple(Oid relid, const char *relname, Oid relnamespace, Oid reltype,
                   Oid relfilenode, char relkind, char relpersistence,
                   char relreplident, int16 relnatts, Datum reloptions)
{
    Relation    rel = table_open(RelationRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_class];
    bool        nulls[Natts_pg_class];
    HeapTuple   tup;

    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_class_oid - 1] = ObjectIdGetDatum(relid);
    values[Anum_pg_class_relname - 1] = name_datum(relname);
    values[Anum_pg_class_relnamespace - 1] = ObjectIdGetDatum(relnamespace);
    values[Anum_pg_class_reltype - 1] = ObjectIdGetDatum(reltype);
    values[Anum_pg_class_reloftype - 1] = ObjectIdGetDatum(InvalidOid);
    values[Anum_pg_class_relowner - 1] = ObjectIdGetDatum(BOOTSTRAP_SUPERUSERID);
    values[Anum_pg_class_relam - 1] = ObjectIdGetDatum(relkind == RELKIND_RELATION ?
                                                       HEAP_TABLE_AM_OID :
                                                       relkind == RELKIND_INDEX ?
                                                       403 /* btree */ : InvalidOid);
    values[Anum_pg_class_relfilenode - 1] = ObjectIdGetDatum(relfilenode);
    values[Anum_pg_class_reltablespace - 1] = ObjectIdGetDatum(InvalidOid);
    values[Anum_pg_class_relpages - 1] = Int32GetDatum(0);
    values[Anum_pg_class_reltuples - 1] = Float4GetDatum(-1);
    values[Anum_pg_class_relallvisible - 1] = Int32GetDatum(0);
    values[Anum_pg_class_reltoastrelid - 1] = ObjectIdGetDatum(InvalidOid);
    values[Anum_pg_class_relhasindex - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relisshared - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relpersistence - 1] = CharGetDatum(relpersistence);
    values[Anum_pg_class_relkind - 1] = CharGetDatum(relkind);
    values[Anum_pg_class_relnatts - 1] = Int16GetDatum(relnatts);
    values[Anum_pg_class_relchecks - 1] = Int16GetDatum(0);
    values[Anum_pg_class_relhasrules - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relhastriggers - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relhassubclass - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relrowsecurity - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relforcerowsecurity - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relispopulated - 1] = BoolGetDatum(true);
    values[Anum_pg_class_relreplident - 1] = CharGetDatum(relreplident);
    values[Anum_pg_class_relispartition - 1] = BoolGetDatum(false);
    values[Anum_pg_class_relrewrite - 1] = ObjectIdGetDatum(InvalidOid);
    /* 32-bit xid columns: Basalt never freezes, so these are informational */
    values[Anum_pg_class_relfrozenxid - 1] =
        UInt32GetDatum((uint32) GetCurrentTransactionId());
    values[Anum_pg_class_relminmxid - 1] = UInt32GetDatum(1);
    nulls[Anum_pg_class_relacl - 1] = true;
    values[Anum_pg_class_reloptions - 1] = reloptions;
    nulls[Anum_pg_class_reloptions - 1] = (reloptions == (Datum) 0);
    nulls[Anum_pg_class_relpartbound - 1] = true;

    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

void
InsertPgAttributeTuple(const FormData_pg_attribute *att, int32 attstattarget)
{
    Relation    rel = table_open(AttributeRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_attribute];
    bool        nulls[Natts_pg_attribute];
    HeapTuple   tup;

    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_attribute_attrelid - 1] = ObjectIdGetDatum(att->attrelid);
    values[Anum_pg_attribute_attname - 1] = name_datum(NameStr(att->attname));
    values[Anum_pg_attribute_atttypid - 1] = ObjectIdGetDatum(att->atttypid);
    values[Anum_pg_attribute_attstattarget - 1] = Int32GetDatum(attstattarget);
    values[Anum_pg_attribute_attlen - 1] = Int16GetDatum(att->attlen);
    values[Anum_pg_attribute_attnum - 1] = Int16GetDatum(att->attnum);
    values[Anum_pg_attribute_attndims - 1] = Int32GetDatum(att->attndims);
    values[Anum_pg_attribute_attcacheoff - 1] = Int32GetDatum(-1);
    values[Anum_pg_attribute_atttypmod - 1] = Int32GetDatum(att->atttypmod);
    values[Anum_pg_attribute_attbyval - 1] = BoolGetDatum(att->attbyval);
    values[Anum_pg_attribute_attalign - 1] = CharGetDatum(att->attalign);
    values[Anum_pg_attribute_attstorage - 1] = CharGetDatum(att->attstorage);
    values[Anum_pg_attribute_attcompression - 1] = CharGetDatum('\0');
    values[Anum_pg_attribute_attnotnull - 1] = BoolGetDatum(att->attnotnull);
    values[Anum_pg_attribute_atthasdef - 1] = BoolGetDatum(att->atthasdef);
    values[Anum_pg_attribute_atthasmissing - 1] = BoolGetDatum(false);
    values[Anum_pg_attribute_attidentity - 1] = CharGetDatum('\0');
    values[Anum_pg_attribute_attgenerated - 1] = CharGetDatum('\0');
    values[Anum_pg_attribute_attisdropped - 1] = BoolGetDatum(att->attisdropped);
    values[Anum_pg_attribute_attislocal - 1] = BoolGetDatum(true);
    values[Anum_pg_attribute_attinhcount - 1] = Int32GetDatum(0);
    values[Anum_pg_attribute_attcollation - 1] = ObjectIdGetDatum(att->attcollation);
    nulls[Anum_pg_attribute_attacl - 1] = true;
    nulls[Anum_pg_attribute_attoptions - 1] = true;
    nulls[Anum_pg_attribute_attfdwoptions - 1] = true;
    nulls[Anum_pg_attribute_attmissingval - 1] = true;

    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

void
InsertSystemAttributeTuples(Oid relid)
{
    for (int i = 0; i < NUM_SYSTEM_ATTRIBUTES; i++)
    {
        FormData_pg_attribute att = SysAtt[i];

        att.attrelid = relid;
        InsertPgAttributeTuple(&att, 0);
    }
}

/* A pg_type row: a relation's row type ('c') or an array type ('b', 'A'). */
static void
InsertPgTypeTuple(Oid typoid, const char *typname, Oid typnamespace, bool is_array,
                  Oid typrelid, Oid typelem, Oid typarray)
{
    Relation    rel = table_open(TypeRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_type];
    bool        nulls[Natts_pg_type];
    HeapTuple   tup;

    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_type_oid - 1] = ObjectIdGetDatum(typoid);
    values[Anum_pg_type_typname - 1] = name_datum(typname);
    values[Anum_pg_type_typnamespace - 1] = ObjectIdGetDatum(typnamespace);
    values[Anum_pg_type_typowner - 1] = ObjectIdGetDatum(BOOTSTRAP_SUPERUSERID);
    values[Anum_pg_type_typlen - 1] = Int16GetDatum(-1);
    values[Anum_pg_type_typbyval - 1] = BoolGetDatum(false);
    values[Anum_pg_type_typtype - 1] = CharGetDatum(is_array ? 'b' : 'c');
    values[Anum_pg_type_typcategory - 1] = CharGetDatum(is_array ? 'A' : 'C');
    values[Anum_pg_type_typispreferred - 1] = BoolGetDatum(false);
    values[Anum_pg_type_typisdefined - 1] = BoolGetDatum(true);
    values[Anum_pg_type_typdelim - 1] = CharGetDatum(',');
    values[Anum_pg_type_typrelid - 1] = ObjectIdGetDatum(typrelid);
    values[Anum_pg_type_typsubscript - 1] =
        ObjectIdGetDatum(is_array ? F_ARRAY_SUBSCRIPT_HANDLER : InvalidOid);
    values[Anum_pg_type_typelem - 1] = ObjectIdGetDatum(typelem);
    values[Anum_pg_type_typarray - 1] = ObjectIdGetDatum(typarray);
    values[Anum_pg_type_typinput - 1] = ObjectIdGetDatum(is_array ? F_ARRAY_IN : F_RECORD_IN);
    values[Anum_pg_type_typoutput - 1] = ObjectIdGetDatum(is_array ? F_ARRAY_OUT : F_RECORD_OUT);
    values[Anum_pg_type_typreceive - 1] = ObjectIdGetDatum(is_array ? F_ARRAY_RECV : F_RECORD_RECV);
    values[Anum_pg_type_typsend - 1] = ObjectIdGetDatum(is_array ? F_ARRAY_SEND : F_RECORD_SEND);
    values[Anum_pg_type_typmodin - 1] = ObjectIdGetDatum(InvalidOid);
    values[Anum_pg_type_typmodout - 1] = ObjectIdGetDatum(InvalidOid);
    values[Anum_pg_type_typanalyze - 1] = ObjectIdGetDatum(is_array ? F_ARRAY_TYPANALYZE : InvalidOid);
    values[Anum_pg_type_typalign - 1] = CharGetDatum('d');
    values[Anum_pg_type_typstorage - 1] = CharGetDatum('x');
    values[Anum_pg_type_typnotnull - 1] = BoolGetDatum(false);
    values[Anum_pg_type_typbasetype - 1] = ObjectIdGetDatum(InvalidOid);
    values[Anum_pg_type_typtypmod - 1] = Int32GetDatum(-1);
    values[Anum_pg_type_typndims - 1] = Int32GetDatum(0);
    values[Anum_pg_type_typcollation - 1] = ObjectIdGetDatum(InvalidOid);
    nulls[Anum_pg_type_typdefaultbin - 1] = true;
    nulls[Anum_pg_type_typdefault - 1] = true;
    nulls[Anum_pg_type_typacl - 1] = true;

    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

/* PostgreSQL's makeArrayTypeName: "_name", "__name", ... until free. */
static char *
make_array_type_name(const char *typname, Oid typnamespace)
{
    char   *arr = palloc0(NAMEDATALEN);
    int     namelen = (int) strlen(typname);
    int     i;

    for (i = 1; i < NAMEDATALEN - 1; i++)
    {
        arr[i - 1] = '_';
        if (i + namelen < NAMEDATALEN)
            strcpy(arr + i, typname);
        else
        {
            int keep = NAMEDATALEN - 1 - i;

            /* do not split a UTF-8 character */
            while (keep > 0 && ((unsigned char) typname[keep] & 0xC0) == 0x80)
                keep--;
            memcpy(arr + i, typname, keep);
            arr[i + keep] = '\0';
        }
        if (lookup_type_by_name(typnamespace, arr) == NULL)
            break;
    }
    if (i >= NAMEDATALEN - 1)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("could not form array type name for type \"%s\"", typname));
    return arr;
}

/* ---------------------------------------------------------------- create */

Oid
heap_create_with_catalog(const char *relname, Oid relnamespace, TupleDesc tupdesc,
                         char relkind, char relpersistence, Datum reloptions)
{
    Oid         relid;
    Oid         arrayoid;
    Oid         typoid;
    RelFileNode rnode;
    char       *arrname;

    /* PostgreSQL's order: the relation, its array type, its row type */
    relid = GetNewRelationOrTypeOid();
    arrayoid = GetNewRelationOrTypeOid();
    typoid = GetNewRelationOrTypeOid();

    /* a view has no storage (relfilenode 0), as in PostgreSQL */
    rnode.relNode = relkind == RELKIND_VIEW ? InvalidOid : relid;
    if (relkind != RELKIND_VIEW)
        RelationCreateStorage(rnode);

    arrname = make_array_type_name(relname, relnamespace);
    InsertPgTypeTuple(typoid, relname, relnamespace, false, relid, InvalidOid, arrayoid);
    InsertPgTypeTuple(arrayoid, arrname, relnamespace, true, InvalidOid, typoid, InvalidOid);

    InsertPgClassTuple(relid, relname, relnamespace, typoid, rnode.relNode, relkind,
                       relpersistence, 'd', (int16) tupdesc->natts, reloptions);

    for (int i = 0; i < tupdesc->natts; i++)
    {
        Form_pg_attribute src = TupleDescAttr(tupdesc, i);
        FormData_pg_attribute att = *src;
        const TypeInfo *t = lookup_type(src->atttypid);

        if (t == NULL)
            elog(ERROR, "cache lookup failed for type %u", src->atttypid);
        att.attrelid = relid;
        att.attnum = (int16) (i + 1);
        att.attlen = t->typlen;
        att.attbyval = t->typbyval;
        att.attalign = t->typalign;
        att.attstorage = t->typstorage;
        att.attcollation = t->typcollation;
        att.atthasdef = false;
        att.attisdropped = false;
        InsertPgAttributeTuple(&att, -1);
    }
    InsertSystemAttributeTuples(relid);

    CacheInvalidateRelcache(relid);
    return relid;
}

/* ---------------------------------------------------------------- drop */

/* Delete every row of catalog catid whose column attno (an oid) is key. */
static void
delete_catalog_rows(Oid catid, int attno, Oid key)
{
    Relation    rel = table_open(catid, RowExclusiveLock);
    HeapScanDesc scan;
    HeapTuple   tup;
    List       *tids = NIL;
    ListCell   *lc;

    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, attno, RelationGetDescr(rel), &isnull)) == key &&
            !isnull)
        {
            ItemPointer tid = palloc(sizeof(ItemPointerData));

            *tid = tup->t_self;
            tids = lappend(tids, tid);
        }
    }
    heap_endscan(scan);

    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    table_close(rel, RowExclusiveLock);
}

void
heap_drop_with_catalog(Oid relid)
{
    const ClassInfo *ci = lookup_class(relid);
    Oid         reltype;
    Oid         arraytype = InvalidOid;
    RelFileNode rnode;

    if (ci == NULL)
        elog(ERROR, "cache lookup failed for relation %u", relid);
    reltype = ci->reltype;
    rnode.relNode = ci->relfilenode;
    if (OidIsValid(reltype))
    {
        const TypeInfo *t = lookup_type(reltype);

        if (t != NULL)
            arraytype = t->typarray;
    }

    /* its indexes first (catalog/index.c) */
    if (ci->relkind == RELKIND_RELATION)
        DropIndexesOfRelation(relid);
    delete_catalog_rows(AttributeRelationId, Anum_pg_attribute_attrelid, relid);
    RemoveAttrDefaultsOfRelation(relid);
    RemoveForeignKeysOfRelation(relid);     /* both directions (catalog/foreign_key.c) */
    delete_catalog_rows(ConstraintRelationId, Anum_pg_constraint_conrelid, relid);
    DeleteDependenciesOf(relid);
    DeleteComments(relid, RelationRelationId, 0);  /* its and its columns' */
    delete_catalog_rows(RelationRelationId, Anum_pg_class_oid, relid);
    if (OidIsValid(arraytype))
        delete_catalog_rows(TypeRelationId, Anum_pg_type_oid, arraytype);
    if (OidIsValid(reltype))
        delete_catalog_rows(TypeRelationId, Anum_pg_type_oid, reltype);

    if (OidIsValid(rnode.relNode))
        RelationDropStorage(rnode);
    CacheInvalidateRelcache(relid);
}
