/*-------------------------------------------------------------------------
 * index.c
 *    B-tree indexes in the catalogs (PostgreSQL's catalog/index.c and
 *    DefineIndex's checks); the statements are catalog/indexcmds.c.
 *
 * Principal entry points:
 *    DefineIndexInternal   checks, name, catalog rows, storage, build
 *    index_drop            catalog rows and storage of one index
 *    RelationGetIndexOids  a table's indexes (pg_index.indrelid)
 *    DropIndexesOfRelation, DropIndexesUsingColumn, TruncateIndexesOf,
 *    ReindexRelation       the table's lifecycle
 *    ChooseRelationName    PostgreSQL's index/constraint naming
 *
 * Catalog rows of an index: pg_class (relkind 'i', relam 403, relfilenode
 * = OID, no row type), one pg_attribute row per key column (a copy of the
 * table column's, attnum 1..n, no system columns), pg_index (indkey =
 * table column numbers, indclass = default btree opclasses, indoption =
 * DESC / NULLS FIRST bits) and, for PRIMARY KEY / UNIQUE constraints, a
 * pg_constraint row (contype 'p'/'u', conindid = the index) of the same
 * name.  The table's pg_class.relhasindex becomes true (and stays so, as
 * in PostgreSQL until VACUUM).  Storage is created at once (unlinked at
 * abort) and filled by the B-tree (storage/nbtree.h).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "catalog/truncate.h"
#include "backend/utils/stringinfo.h"
#include "procs/builtins.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/nbtree.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

/* 1-based character position of a 0-based byte location (0: none). */
static int
query_position(const char *queryString, int location)
{
    int chars = 0;

    if (queryString == NULL || location < 0)
        return 0;
    for (int i = 0; i < location && queryString[i] != '\0'; i++)
        chars += ((unsigned char) queryString[i] & 0xC0) != 0x80;
    return chars + 1;
}

/* ---------------------------------------------------------------- naming */

/* PostgreSQL's makeObjectName: name1[_name2][_label] within NAMEDATALEN-1 bytes. */
static char *
make_object_name(const char *name1, const char *name2, const char *label)
{
    int         l1 = (int) strlen(name1);
    int         l2 = name2 ? (int) strlen(name2) : 0;
    int         overhead = 0;
    int         avail;

    if (name2)
        overhead++;
    if (label)
        overhead += (int) strlen(label) + 1;
    avail = NAMEDATALEN - 1 - overhead;
    while (l1 + l2 > avail)
    {
        if (l1 > l2)
            l1--;
        else
            l2--;
    }
    /* do not split a UTF-8 character (pg_mbcliplen) */
    while (l1 > 0 && ((unsigned char) name1[l1] & 0xC0) == 0x80)
        l1--;
    while (l2 > 0 && ((unsigned char) name2[l2] & 0xC0) == 0x80)
        l2--;
    if (name2 && label)
        return psprintf("%.*s_%.*s_%s", l1, name1, l2, name2, label);
    if (name2)
        return psprintf("%.*s_%.*s", l1, name1, l2, name2);
    if (label)
        return psprintf("%.*s_%s", l1, name1, label);
    return psprintf("%.*s", l1, name1);
}

char *
ChooseRelationName(const char *name1, const char *name2, const char *label,
                   Oid nspid, bool isconstraint)
{
    char        modlabel[NAMEDATALEN];
    int         pass = 0;

    snprintf(modlabel, sizeof(modlabel), "%s", label);
    for (;;)
    {
        char       *relname = make_object_name(name1, name2, modlabel);

        if (!OidIsValid(get_relname_relid(relname, nspid)) &&
            (!isconstraint || !ConstraintNameExistsInNamespace(relname, nspid)))
            return relname;
        pfree(relname);
        snprintf(modlabel, sizeof(modlabel), "%s%d", label, ++pass);
    }
}

/* PostgreSQL's ChooseIndexNameAddition: column names joined by '_'. */
static char *
index_name_addition(const IndexDef *def)
{
    char        buf[NAMEDATALEN * 2];
    int         buflen = 0;

    buf[0] = '\0';
    for (int i = 0; i < def->nkeys; i++)
    {
        if (buflen > 0)
            buf[buflen++] = '_';
        snprintf(buf + buflen, NAMEDATALEN, "%s", def->keys[i].colname);
        buflen += (int) strlen(buf + buflen);
        if (buflen >= NAMEDATALEN)
            break;
    }
    return pstrdup(buf);
}

static char *
choose_index_name(const char *tabname, Oid nspid, const IndexDef *def)
{
    if (def->primary)
        return ChooseRelationName(tabname, NULL, "pkey", nspid, true);
    if (def->isconstraint)
        return ChooseRelationName(tabname, index_name_addition(def), "key", nspid, true);
    return ChooseRelationName(tabname, index_name_addition(def), "idx", nspid, false);
}

/* ---------------------------------------------------------------- pg_index reads */

/* Call fn for every pg_index row (deformed); stops when fn returns true. */
typedef bool (*pg_index_fn) (Datum *values, bool *nulls, void *arg);

static void
scan_pg_index(pg_index_fn fn, void *arg)
{
    Relation    rel = RelationIdGetCatalog(IndexRelationId);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    Datum       values[Natts_pg_index];
    bool        nulls[Natts_pg_index];

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        heap_deform_tuple(tup, RelationGetDescr(rel), values, nulls);
        if (fn(values, nulls, arg))
            break;
    }
    heap_endscan(scan);
}

typedef struct IndexListArg
{
    Oid         relid;
    List       *result;
} IndexListArg;

static bool
collect_index_oid(Datum *values, bool *nulls, void *arg)
{
    IndexListArg *a = arg;

    if (DatumGetObjectId(values[Anum_pg_index_indrelid - 1]) == a->relid)
        a->result = lappend_oid(a->result, DatumGetObjectId(values[Anum_pg_index_indexrelid - 1]));
    return false;
}

List *
RelationGetIndexOids(Oid relid)
{
    IndexListArg a = {relid, NIL};
    int         n;

    scan_pg_index(collect_index_oid, &a);
    /* OID order (insertion sort: a table has few indexes) */
    n = list_length(a.result);
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && list_nth_oid(a.result, j - 1) > list_nth_oid(a.result, j); j--)
        {
            Oid t = list_nth_oid(a.result, j);

            list_nth_cell(a.result, j)->oid_value = list_nth_oid(a.result, j - 1);
            list_nth_cell(a.result, j - 1)->oid_value = t;
        }
    return a.result;
}

/* The key columns (table attnums) of index indexid; returns the count. */
typedef struct IndexKeysArg
{
    Oid         indexid;
    int         nkeys;
    int16       attnums[INDEX_MAX_KEYS];
    bool        primary;
} IndexKeysArg;

static bool
read_index_keys(Datum *values, bool *nulls, void *arg)
{
    IndexKeysArg *a = arg;
    int2vector *keys;

    if (DatumGetObjectId(values[Anum_pg_index_indexrelid - 1]) != a->indexid)
        return false;
    keys = (int2vector *) DatumGetPointer(values[Anum_pg_index_indkey - 1]);
    a->nkeys = Min(keys->dim1, INDEX_MAX_KEYS);
    for (int i = 0; i < a->nkeys; i++)
        a->attnums[i] = keys->values[i];
    a->primary = DatumGetBool(values[Anum_pg_index_indisprimary - 1]);
    return true;
}

static int
index_keys(Oid indexid, int16 *attnums, bool *primary)
{
    IndexKeysArg a;

    memset(&a, 0, sizeof(a));
    a.indexid = indexid;
    scan_pg_index(read_index_keys, &a);
    if (attnums)
        memcpy(attnums, a.attnums, sizeof(int16) * a.nkeys);
    if (primary)
        *primary = a.primary;
    return a.nkeys;
}

static bool
relation_has_primary_key(Oid relid)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;

    foreach(lc, idx)
    {
        bool        primary = false;

        (void) index_keys(lfirst_oid(lc), NULL, &primary);
        if (primary)
            return true;
    }
    return false;
}

/* ---------------------------------------------------------------- catalog rows */

static void
insert_pg_index(Oid indexid, Oid relid, const IndexDef *def, const int16 *attnums,
                const Oid *collations, const Oid *opclasses)
{
    Relation    rel = table_open(IndexRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_index];
    bool        nulls[Natts_pg_index];
    int16       options[INDEX_MAX_KEYS];
    HeapTuple   tup;

    for (int i = 0; i < def->nkeys; i++)
        options[i] = def->keys[i].indoption;
    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_index_indexrelid - 1] = ObjectIdGetDatum(indexid);
    values[Anum_pg_index_indrelid - 1] = ObjectIdGetDatum(relid);
    values[Anum_pg_index_indnatts - 1] = Int16GetDatum((int16) def->nkeys);
    values[Anum_pg_index_indnkeyatts - 1] = Int16GetDatum((int16) def->nkeys);
    values[Anum_pg_index_indisunique - 1] = BoolGetDatum(def->unique);
    values[Anum_pg_index_indnullsnotdistinct - 1] = BoolGetDatum(def->nulls_not_distinct);
    values[Anum_pg_index_indisprimary - 1] = BoolGetDatum(def->primary);
    values[Anum_pg_index_indisexclusion - 1] = BoolGetDatum(false);
    values[Anum_pg_index_indimmediate - 1] = BoolGetDatum(true);
    values[Anum_pg_index_indisclustered - 1] = BoolGetDatum(false);
    values[Anum_pg_index_indisvalid - 1] = BoolGetDatum(true);
    values[Anum_pg_index_indcheckxmin - 1] = BoolGetDatum(false);
    values[Anum_pg_index_indisready - 1] = BoolGetDatum(true);
    values[Anum_pg_index_indislive - 1] = BoolGetDatum(true);
    values[Anum_pg_index_indisreplident - 1] = BoolGetDatum(false);
    values[Anum_pg_index_indkey - 1] = PointerGetDatum(buildint2vector(attnums, def->nkeys));
    values[Anum_pg_index_indcollation - 1] = PointerGetDatum(buildoidvector(collations, def->nkeys));
    values[Anum_pg_index_indclass - 1] = PointerGetDatum(buildoidvector(opclasses, def->nkeys));
    values[Anum_pg_index_indoption - 1] = PointerGetDatum(buildint2vector(options, def->nkeys));
    nulls[Anum_pg_index_indexprs - 1] = true;
    nulls[Anum_pg_index_indpred - 1] = true;
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

/* Delete the rows of catalog catid whose oid column attno equals key. */
static void
delete_rows(Oid catid, int attno, Oid key)
{
    Relation    rel = table_open(catid, RowExclusiveLock);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *tids = NIL;
    ListCell   *lc;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;

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

/* Does any visible row of rel have NULL in attnum? */
static bool
column_has_nulls(Relation rel, int attnum)
{
    HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
    HeapTuple   tup;
    bool        found = false;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;

        CHECK_FOR_INTERRUPTS();
        (void) heap_getattr(tup, attnum, RelationGetDescr(rel), &isnull);
        if (isnull)
        {
            found = true;
            break;
        }
    }
    heap_endscan(scan);
    return found;
}

/* New empty storage for an index already in the catalogs, then fill it. */
static void
build_index(Oid relid, Oid indexid, bool fill)
{
    Relation    heap = relation_open(relid, NoLock);
    Relation    index = relation_open(indexid, NoLock);

    btbuildempty(index);
    if (fill)
        (void) btbuild(heap, index);
    relation_close(index, NoLock);
    relation_close(heap, NoLock);
}

/* ---------------------------------------------------------------- define */

static void
check_index_target(Relation rel)
{
    const char *what = NULL;

    switch (rel->relkind)
    {
        case RELKIND_RELATION:
            return;
        case RELKIND_VIEW:
            what = "This operation is not supported for views.";
            break;
        case RELKIND_SEQUENCE:
            what = "This operation is not supported for sequences.";
            break;
        case RELKIND_INDEX:
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is an index", RelationGetRelationName(rel)));
            break;
        case RELKIND_COMPOSITE_TYPE:
            what = "This operation is not supported for composite types.";
            break;
        default:
            break;
    }
    ereport(ERROR,
            errcode(ERRCODE_WRONG_OBJECT_TYPE),
            errmsg("cannot create index on relation \"%s\"", RelationGetRelationName(rel)),
            what ? errdetail("%s", what) : 0);
}

Oid
DefineIndexInternal(Oid relid, IndexDef *def, const char *queryString)
{
    Relation    rel = relation_open(relid, NoLock);
    TupleDesc   desc = RelationGetDescr(rel);
    Oid         nspid = RelationGetNamespace(rel);
    char       *relname = pstrdup(RelationGetRelationName(rel));
    char        persistence = rel->relpersistence;
    int16       attnums[INDEX_MAX_KEYS];
    Oid         collations[INDEX_MAX_KEYS];
    Oid         opclasses[INDEX_MAX_KEYS];
    const char *idxname;
    Oid         indexid;
    RelFileNode rnode;

    check_index_target(rel);
    if (IsSystemRelation(rel) && !allow_system_table_mods)
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", relname));
    if (def->nkeys > INDEX_MAX_KEYS)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_COLUMNS),
                errmsg("cannot use more than %d columns in an index", INDEX_MAX_KEYS));

    /* ---- key columns and their operator classes */
    for (int i = 0; i < def->nkeys; i++)
    {
        IndexKeyDef *k = &def->keys[i];
        int         attnum = RelationGetAttnum(rel, k->colname);
        Form_pg_attribute att;

        if (attnum <= 0)
        {
            if (def->isconstraint)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_COLUMN),
                        errmsg("column \"%s\" named in key does not exist", k->colname),
                        errposition(query_position(queryString, k->location)));
            if (SystemAttributeByName(k->colname) != NULL)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("index creation on system columns is not supported"));
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("column \"%s\" does not exist", k->colname));
        }
        if (def->isconstraint)
            for (int j = 0; j < i; j++)
                if (attnums[j] == attnum)
                    ereport(ERROR,
                            errcode(ERRCODE_DUPLICATE_COLUMN),
                            errmsg("column \"%s\" appears twice in %s constraint", k->colname,
                                   def->primary ? "primary key" : "unique"),
                            errposition(query_position(queryString, k->location)));
        att = TupleDescAttr(desc, attnum - 1);
        attnums[i] = (int16) attnum;
        collations[i] = att->attcollation;
        if (k->opclass != NULL)
        {
            /* PostgreSQL's ResolveOpClass */
            opclasses[i] = get_opclass_oid_by_name(BTREE_AM_OID, k->opclass);
            if (!OidIsValid(opclasses[i]))
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("operator class \"%s\" does not exist for access method \"%s\"",
                               k->opclass, "btree"));
            if (!opclass_accepts_type(att->atttypid, get_opclass_input_type(opclasses[i])))
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("operator class \"%s\" does not accept data type %s",
                               k->opclass, format_type_be(att->atttypid)));
        }
        else
            opclasses[i] = GetDefaultOpClass(att->atttypid, BTREE_AM_OID);
        if (!OidIsValid(opclasses[i]))
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("data type %s has no default operator class for access method \"%s\"",
                           format_type_be(att->atttypid), "btree"),
                    errhint("You must specify an operator class for the index or define a default operator class for the data type."));
    }

    if (def->primary && relation_has_primary_key(relid))
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("multiple primary keys for table \"%s\" are not allowed", relname));

    /* ---- the name */
    idxname = def->idxname ? def->idxname : choose_index_name(relname, nspid, def);
    if (OidIsValid(get_relname_relid(idxname, nspid)))
    {
        if (def->if_not_exists)
        {
            ereport(NOTICE,
                    errcode(ERRCODE_DUPLICATE_TABLE),
                    errmsg("relation \"%s\" already exists, skipping", idxname));
            relation_close(rel, NoLock);
            return InvalidOid;
        }
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists", idxname));
    }
    if (def->isconstraint && ConstraintNameIsUsed(relid, idxname))
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("constraint \"%s\" for relation \"%s\" already exists", idxname, relname));

    /* ---- a primary key's columns become NOT NULL */
    if (def->primary)
    {
        for (int i = 0; i < def->nkeys; i++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, attnums[i] - 1);

            if (att->attnotnull)
                continue;
            if (column_has_nulls(rel, attnums[i]))
                ereport(ERROR,
                        errcode(ERRCODE_NOT_NULL_VIOLATION),
                        errmsg("column \"%s\" of relation \"%s\" contains null values",
                               NameStr(att->attname), relname));
            UpdateAttributeField(relid, attnums[i], Anum_pg_attribute_attnotnull,
                                 BoolGetDatum(true));
        }
    }

    /* ---- catalog rows */
    indexid = GetNewRelationOrTypeOid();
    rnode.relNode = indexid;
    RelationCreateStorage(rnode);
    InsertPgClassTuple(indexid, idxname, nspid, InvalidOid, indexid, RELKIND_INDEX,
                       persistence, 'n', (int16) def->nkeys, (Datum) 0);
    for (int i = 0; i < def->nkeys; i++)
    {
        FormData_pg_attribute att = *TupleDescAttr(desc, attnums[i] - 1);

        att.attrelid = indexid;
        att.attnum = (int16) (i + 1);
        att.attnotnull = false;
        att.atthasdef = false;
        att.attisdropped = false;
        InsertPgAttributeTuple(&att, -1);
    }
    insert_pg_index(indexid, relid, def, attnums, collations, opclasses);
    if (!lookup_class(relid)->relhasindex)
        CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                           Anum_pg_class_relhasindex, BoolGetDatum(true));
    if (def->isconstraint)
        CreateIndexConstraint(relid, nspid, idxname, def->primary ? 'p' : 'u', indexid,
                              attnums, def->nkeys);
    relation_close(rel, NoLock);
    CacheInvalidateRelcache(relid);
    CacheInvalidateRelcache(indexid);
    CommandCounterIncrement();

    /* ---- storage contents */
    LockRelationOid(indexid, AccessExclusiveLock);
    build_index(relid, indexid, true);
    CommandCounterIncrement();
    return indexid;
}

/* ---------------------------------------------------------------- drop */

void
index_drop(Oid indexid)
{
    const ClassInfo *ci = lookup_class(indexid);
    Oid         relid;
    RelFileNode rnode;

    if (ci == NULL)
        elog(ERROR, "cache lookup failed for relation %u", indexid);
    rnode.relNode = ci->relfilenode;
    relid = IndexGetRelation(indexid);

    RemoveConstraintOfIndex(indexid);
    delete_rows(IndexRelationId, Anum_pg_index_indexrelid, indexid);
    delete_rows(AttributeRelationId, Anum_pg_attribute_attrelid, indexid);
    delete_rows(RelationRelationId, Anum_pg_class_oid, indexid);
    if (OidIsValid(rnode.relNode))
        RelationDropStorage(rnode);
    CacheInvalidateRelcache(indexid);
    if (OidIsValid(relid))
        CacheInvalidateRelcache(relid);
}

typedef struct IndrelidArg
{
    Oid         indexid;
    Oid         relid;
} IndrelidArg;

static bool
read_indrelid(Datum *values, bool *nulls, void *arg)
{
    IndrelidArg *a = arg;

    if (DatumGetObjectId(values[Anum_pg_index_indexrelid - 1]) != a->indexid)
        return false;
    a->relid = DatumGetObjectId(values[Anum_pg_index_indrelid - 1]);
    return true;
}

Oid
IndexGetRelation(Oid indexid)
{
    IndrelidArg a = {indexid, InvalidOid};

    scan_pg_index(read_indrelid, &a);
    return a.relid;
}

void
DropIndexesOfRelation(Oid relid)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;

    foreach(lc, idx)
    {
        LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);
        index_drop(lfirst_oid(lc));
    }
    if (idx != NIL)
        CommandCounterIncrement();
}

bool
ColumnIsInPrimaryKey(Oid relid, int16 attnum)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;

    foreach(lc, idx)
    {
        int16       keys[INDEX_MAX_KEYS];
        bool        primary = false;
        int         n = index_keys(lfirst_oid(lc), keys, &primary);

        for (int i = 0; primary && i < n; i++)
            if (keys[i] == attnum)
                return true;
    }
    return false;
}

bool
ColumnIsIndexed(Oid relid, int16 attnum)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;

    foreach(lc, idx)
    {
        int16       keys[INDEX_MAX_KEYS];
        int         n = index_keys(lfirst_oid(lc), keys, NULL);

        for (int i = 0; i < n; i++)
            if (keys[i] == attnum)
                return true;
    }
    return false;
}

void
DropIndexesUsingColumn(Oid relid, int16 attnum)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;
    bool        dropped = false;

    foreach(lc, idx)
    {
        int16       keys[INDEX_MAX_KEYS];
        int         n = index_keys(lfirst_oid(lc), keys, NULL);

        for (int i = 0; i < n; i++)
            if (keys[i] == attnum)
            {
                LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);
                index_drop(lfirst_oid(lc));
                dropped = true;
                break;
            }
    }
    if (dropped)
        CommandCounterIncrement();
}

List *
IndexDefsUsingColumn(Oid relid, int16 attnum)
{
    List       *idx = RelationGetIndexOids(relid);
    List       *result = NIL;
    ListCell   *lc;
    Relation    heap = relation_open(relid, NoLock);

    foreach(lc, idx)
    {
        Relation    ir = relation_open(lfirst_oid(lc), NoLock);
        RelationIndexData *d = ir->rd_index;
        bool        uses = false;
        IndexDef   *def;

        for (int i = 0; i < d->nkeyatts; i++)
            uses |= (d->heapattnos[i] == attnum);
        if (!uses)
        {
            relation_close(ir, NoLock);
            continue;
        }
        def = palloc0(sizeof(IndexDef));
        def->idxname = pstrdup(RelationGetRelationName(ir));
        def->unique = d->unique;
        def->primary = d->primary;
        def->nulls_not_distinct = d->nulls_not_distinct;
        def->isconstraint = GetConstraintNameOfIndex(lfirst_oid(lc)) != NULL;
        def->nkeys = d->nkeyatts;
        for (int i = 0; i < d->nkeyatts; i++)
        {
            def->keys[i].colname =
                pstrdup(NameStr(TupleDescAttr(RelationGetDescr(heap), d->heapattnos[i] - 1)->attname));
            def->keys[i].location = -1;
            def->keys[i].indoption = d->indoption[i];
        }
        relation_close(ir, NoLock);
        result = lappend(result, def);
    }
    relation_close(heap, NoLock);
    return result;
}

void
TruncateIndexesOf(Oid relid)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;

    foreach(lc, idx)
    {
        LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);
        RelationSetNewRelfilenode(lfirst_oid(lc));
        build_index(relid, lfirst_oid(lc), false);
    }
}

void
ReindexRelation(Oid relid)
{
    List       *idx = RelationGetIndexOids(relid);
    ListCell   *lc;

    foreach(lc, idx)
    {
        LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);
        RelationSetNewRelfilenode(lfirst_oid(lc));
        build_index(relid, lfirst_oid(lc), true);
    }
    if (idx != NIL)
        CommandCounterIncrement();
}

void
ReindexIndex(Oid relid, Oid indexid)
{
    RelationSetNewRelfilenode(indexid);
    build_index(relid, indexid, true);
    CommandCounterIncrement();
}
