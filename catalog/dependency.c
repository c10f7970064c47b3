/*-------------------------------------------------------------------------
 * dependency.c
 *    pg_depend rows and DROP's dependency walk (PostgreSQL's
 *    catalog/pg_depend.c and catalog/dependency.c, reduced to the objects
 *    Basalt has).
 *
 * Principal entry points:
 *    recordDependencyOn / recordDependencyOnRelation /
 *    recordDependencyOnExprRelations      a row per thing an object needs
 *    deleteDependencyRecordsFor           when the dependent goes
 *    getDependentRows / getReferencedRows scans
 *    getObjectDescription                 PostgreSQL's texts for messages
 *    DropDependentObjects                 RESTRICT / CASCADE for a DROP
 *
 * Rows are PostgreSQL's: (classid, objid, objsubid) depends on (refclassid,
 * refobjid, refobjsubid) with deptype 'n', 'a' or 'i'.  What Basalt records:
 *    view        -> each column it reads (refobjsubid = attnum), or the
 *                   whole relation when it reads none (count(*)); 'n'.
 *                   objid is the view's pg_class OID (PostgreSQL: its
 *                   _RETURN rule's), so a view is described as "view v".
 *    default     -> the sequences its expression names (nextval); 'n';
 *                   objid the pg_attrdef row's OID.
 *    sequence    -> the column owning it: serial / OWNED BY 'a', identity 'i'.
 *    (index      -> its table's columns, 'a'; a constraint's index -> the
 *                   constraint, 'i': for catalog/index.c to record -- the
 *                   walk can describe and drop both already.)
 *
 * The walk (DropDependentObjects) follows PostgreSQL's reporting: depth
 * first, siblings in OID order, the targets last to first, an object reached through another
 * reported as depending on the target it depends on directly when it does.
 * Objects that belong to a relation or column being dropped (its defaults)
 * are not dependents: they go with it.  Auto and internal dependents are
 * dropped without being reported; their own normal dependents are.
 *
 * pg_depend has no index yet: each scan reads the whole catalog (it holds
 * only user objects' rows, so it stays small next to pg_proc).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "backend/utils/stringinfo.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/foreign_key.h"
#include "catalog/sequence.h"
#include "catalog/view.h"
#include "planner/nodefuncs.h"
#include "planner/primnodes.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

/* catalog/index.c (another module's work in progress): absent until linked */
extern void index_drop(Oid indexid) __attribute__((weak));

/* ---------------------------------------------------------------- rows */

void
recordDependencyOn(const ObjectAddress *depender, const ObjectAddress *referenced, char deptype)
{
    Relation    rel = table_open(DependRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_depend];
    bool        nulls[Natts_pg_depend];
    HeapTuple   tup;

    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_depend_classid - 1] = ObjectIdGetDatum(depender->classId);
    values[Anum_pg_depend_objid - 1] = ObjectIdGetDatum(depender->objectId);
    values[Anum_pg_depend_objsubid - 1] = Int32GetDatum(depender->objectSubId);
    values[Anum_pg_depend_refclassid - 1] = ObjectIdGetDatum(referenced->classId);
    values[Anum_pg_depend_refobjid - 1] = ObjectIdGetDatum(referenced->objectId);
    values[Anum_pg_depend_refobjsubid - 1] = Int32GetDatum(referenced->objectSubId);
    values[Anum_pg_depend_deptype - 1] = CharGetDatum(deptype);
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

void
recordDependencyOnRelation(const ObjectAddress *depender, Oid relid, int32 attnum, char deptype)
{
    ObjectAddress ref;

    ref.classId = RelationRelationId;
    ref.objectId = relid;
    ref.objectSubId = attnum;
    recordDependencyOn(depender, &ref, deptype);
}

static bool
regclass_consts_walker(Node *node, void *context)
{
    List      **oids = (List **) context;

    if (node == NULL)
        return false;
    if (IsA(node, Const))
    {
        Const      *c = (Const *) node;

        if (c->consttype == REGCLASSOID && !c->constisnull &&
            !list_member_oid(*oids, DatumGetObjectId(c->constvalue)))
            *oids = lappend_oid(*oids, DatumGetObjectId(c->constvalue));
        return false;
    }
    return expression_tree_walker(node, regclass_consts_walker, context);
}

void
recordDependencyOnExprRelations(const ObjectAddress *depender, Node *expr)
{
    List       *oids = NIL;
    ListCell   *lc;

    (void) regclass_consts_walker(expr, &oids);
    foreach(lc, oids)
        if (get_rel_relkind(lfirst_oid(lc)) != '\0')
            recordDependencyOnRelation(depender, lfirst_oid(lc), 0, DEPENDENCY_NORMAL);
}

static DependRow *
form_row(HeapTuple tup, TupleDesc desc)
{
    DependRow  *r = palloc(sizeof(DependRow));
    bool        isnull;

    r->obj.classId = DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_classid, desc, &isnull));
    r->obj.objectId = DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_objid, desc, &isnull));
    r->obj.objectSubId = DatumGetInt32(heap_getattr(tup, Anum_pg_depend_objsubid, desc, &isnull));
    r->ref.classId = DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_refclassid, desc, &isnull));
    r->ref.objectId = DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_refobjid, desc, &isnull));
    r->ref.objectSubId = DatumGetInt32(heap_getattr(tup, Anum_pg_depend_refobjsubid, desc, &isnull));
    r->deptype = DatumGetChar(heap_getattr(tup, Anum_pg_depend_deptype, desc, &isnull));
    return r;
}

/* Rows matching one side; subid 0 matches any column. */
static List *
scan_rows(bool by_ref, Oid classId, Oid objectId, int32 subId, char deptype, bool delete)
{
    Relation    rel = table_open(DependRelationId, delete ? RowExclusiveLock : AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;
    List       *tids = NIL;
    ListCell   *lc;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        DependRow  *r = form_row(tup, desc);
        ObjectAddress *side = by_ref ? &r->ref : &r->obj;

        if (side->classId != classId || side->objectId != objectId ||
            (subId != 0 && side->objectSubId != subId) ||
            (deptype != 0 && r->deptype != deptype))
        {
            pfree(r);
            continue;
        }
        if (delete)
        {
            ItemPointer tid = palloc(sizeof(ItemPointerData));

            *tid = tup->t_self;
            tids = lappend(tids, tid);
        }
        result = lappend(result, r);
    }
    heap_endscan(scan);
    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    table_close(rel, delete ? RowExclusiveLock : AccessShareLock);
    /* a later scan in this command (another DROP step) must not see them */
    if (tids != NIL)
        CommandCounterIncrement();
    return result;
}

void
deleteDependencyRecordsFor(Oid classId, Oid objectId)
{
    (void) scan_rows(false, classId, objectId, 0, 0, true);
}

void
deleteDependencyRecordsForType(Oid classId, Oid objectId, char deptype)
{
    (void) scan_rows(false, classId, objectId, 0, deptype, true);
}

List *
getDependentRows(Oid refclassId, Oid refobjectId, int32 refsubId, char deptype)
{
    return scan_rows(true, refclassId, refobjectId, refsubId, deptype, false);
}

List *
getReferencedRows(Oid classId, Oid objectId)
{
    return scan_rows(false, classId, objectId, 0, 0, false);
}

/* ---------------------------------------------------------------- descriptions */

/* The (relid, attnum) of a pg_attrdef row; false if it is gone. */
static bool
attrdef_column(Oid attrdefoid, Oid *relid, int16 *attnum)
{
    Relation    rel = table_open(AttrDefaultRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    bool        found = false;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_oid, desc, &isnull)) != attrdefoid)
            continue;
        *relid = DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_adrelid, desc, &isnull));
        *attnum = DatumGetInt16(heap_getattr(tup, Anum_pg_attrdef_adnum, desc, &isnull));
        found = true;
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return found;
}

/* "constraint c on table t" for a pg_constraint row; NULL if it is gone. */
static char *
constraint_description(Oid conoid)
{
    Relation    rel = table_open(ConstraintRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    char       *result = NULL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Oid         relid;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_oid, desc, &isnull)) != conoid)
            continue;
        relid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull));
        result = psprintf("constraint %s on %s",
                          NameStr(*(NameData *) DatumGetPointer(heap_getattr(tup, Anum_pg_constraint_conname,
                                                             desc, &isnull))),
                          RelationDescription(relid));
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

static char *
column_name(Oid relid, int32 attnum)
{
    Relation    rel = try_relation_open(relid, NoLock);
    char       *name;

    if (rel == NULL)
        return psprintf("%d", attnum);
    if (attnum > 0 && attnum <= RelationGetNumberOfAttributes(rel))
        name = pstrdup(NameStr(TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attname));
    else
        name = psprintf("%d", attnum);
    relation_close(rel, NoLock);
    return name;
}

char *
getObjectDescription(const ObjectAddress *obj)
{
    if (obj->classId == RelationRelationId)
    {
        if (obj->objectSubId == 0)
            return RelationDescription(obj->objectId);
        return psprintf("column %s of %s", column_name(obj->objectId, obj->objectSubId),
                        RelationDescription(obj->objectId));
    }
    if (obj->classId == AttrDefaultRelationId)
    {
        Oid         relid;
        int16       attnum;

        if (attrdef_column(obj->objectId, &relid, &attnum))
            return psprintf("default value for column %s of %s", column_name(relid, attnum),
                            RelationDescription(relid));
    }
    if (obj->classId == ConstraintRelationId)
    {
        char       *d = constraint_description(obj->objectId);

        if (d != NULL)
            return d;
    }
    return psprintf("object %u of catalog %u", obj->objectId, obj->classId);
}

/* ---------------------------------------------------------------- DROP */

typedef struct DropWalk
{
    List       *targets;        /* ObjectAddress *: what the caller drops */
    List       *found;          /* ObjectAddress *: dependents, discovery order */
    List       *reported;       /* bool per found entry (int list): normal dependent? */
    StringInfoData detail;      /* "view v depends on table t" lines */
    int         nlines;
} DropWalk;

/* Is obj (or the whole relation it is a column of) in list? */
static bool
address_covered(const ObjectAddress *obj, List *list)
{
    ListCell   *lc;

    foreach(lc, list)
    {
        ObjectAddress *a = lfirst(lc);

        if (a->classId == obj->classId && a->objectId == obj->objectId &&
            (a->objectSubId == 0 || a->objectSubId == obj->objectSubId))
            return true;
    }
    return false;
}

/* Does obj go anyway with what is being dropped (a default of a dropped column)? */
static bool
goes_with_dropped(const ObjectAddress *obj, DropWalk *w)
{
    if (address_covered(obj, w->targets) || address_covered(obj, w->found))
        return true;
    if (obj->classId == AttrDefaultRelationId)
    {
        ObjectAddress col;
        int16       attnum;

        col.classId = RelationRelationId;
        if (!attrdef_column(obj->objectId, &col.objectId, &attnum))
            return true;
        col.objectSubId = attnum;
        return address_covered(&col, w->targets) || address_covered(&col, w->found);
    }
    return false;
}

static ObjectAddress *
copy_address(const ObjectAddress *a)
{
    ObjectAddress *c = palloc(sizeof(ObjectAddress));

    *c = *a;
    /* a view or sequence as a dependent is the whole relation */
    if (c->classId == RelationRelationId)
        c->objectSubId = 0;
    return c;
}

/*
 * The target obj depends on directly, if any (reported as the reason);
 * else NULL.
 */
static const ObjectAddress *
direct_target(const ObjectAddress *obj, DropWalk *w)
{
    List       *rows = getReferencedRows(obj->classId, obj->objectId);
    ListCell   *lc;
    ListCell   *lc2;

    foreach(lc2, w->targets)
    {
        ObjectAddress *t = lfirst(lc2);

        foreach(lc, rows)
        {
            DependRow  *r = lfirst(lc);

            if (r->ref.classId == t->classId && r->ref.objectId == t->objectId &&
                (t->objectSubId == 0 || r->ref.objectSubId == t->objectSubId))
                return t;
        }
    }
    return NULL;
}

/* qsort: dependents in OID order (PostgreSQL sorts them so; creation order) */
static int
dependrow_oid_cmp(const void *a, const void *b)
{
    const DependRow *ra = *(const DependRow *const *) a;
    const DependRow *rb = *(const DependRow *const *) b;

    if (ra->obj.objectId != rb->obj.objectId)
        return ra->obj.objectId < rb->obj.objectId ? -1 : 1;
    return 0;
}

/*
 * Does obj depend 'a' or 'i' on a target too (a foreign key of a table
 * dropped in the same statement as the table it references)?  Then it goes
 * with that target silently, as in PostgreSQL.
 */
static bool
auto_dependent_on_target(const ObjectAddress *obj, DropWalk *w)
{
    ListCell   *lc;

    foreach(lc, getReferencedRows(obj->classId, obj->objectId))
    {
        DependRow  *r = lfirst(lc);

        if (r->deptype != DEPENDENCY_NORMAL && address_covered(&r->ref, w->targets))
            return true;
    }
    return false;
}

static void
walk_dependents(const ObjectAddress *from, DropWalk *w, bool report)
{
    List       *rows = getDependentRows(from->classId, from->objectId, from->objectSubId, 0);
    ListCell   *lc;

    if (list_length(rows) > 1)
    {
        DependRow **arr = palloc(sizeof(DependRow *) * list_length(rows));
        int         n = 0;

        foreach(lc, rows)
            arr[n++] = lfirst(lc);
        qsort(arr, n, sizeof(DependRow *), dependrow_oid_cmp);
        rows = NIL;
        for (int i = 0; i < n; i++)
            rows = lappend(rows, arr[i]);
    }

    foreach(lc, rows)
    {
        DependRow  *r = lfirst(lc);
        ObjectAddress *obj;
        bool        normal = (r->deptype == DEPENDENCY_NORMAL);

        CHECK_FOR_INTERRUPTS();
        if (goes_with_dropped(&r->obj, w))
            continue;
        if (normal && auto_dependent_on_target(&r->obj, w))
            normal = false;
        obj = copy_address(&r->obj);
        w->found = lappend(w->found, obj);
        w->reported = lappend_int(w->reported, normal && report);
        if (normal && report)
        {
            const ObjectAddress *reason = direct_target(obj, w);

            if (w->nlines++ > 0)
                appendStringInfoChar(&w->detail, '\n');
            appendStringInfo(&w->detail, "%s depends on %s", getObjectDescription(obj),
                             getObjectDescription(reason ? reason : from));
        }
        /* an auto/internal dependent's normal dependents are reported */
        walk_dependents(obj, w, true);
    }
}

/* PostgreSQL's check for a target that is internal to something else. */
static void
check_internal_targets(DropWalk *w)
{
    ListCell   *lc;

    foreach(lc, w->targets)
    {
        ObjectAddress *t = lfirst(lc);
        List       *rows = getReferencedRows(t->classId, t->objectId);
        ListCell   *lc2;

        foreach(lc2, rows)
        {
            DependRow  *r = lfirst(lc2);
            ObjectAddress owner = r->ref;

            if (r->deptype != DEPENDENCY_INTERNAL || address_covered(&owner, w->targets))
                continue;
            ereport(ERROR,
                    errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                    errmsg("cannot drop %s because %s requires it",
                           getObjectDescription(t), getObjectDescription(&owner)),
                    errhint("You can drop %s instead.", getObjectDescription(&owner)));
        }
    }
}

/* Drop one dependent found by the walk (the caller drops the targets). */
static void
drop_object(const ObjectAddress *obj)
{
    if (obj->classId == RelationRelationId)
    {
        char        relkind = get_rel_relkind(obj->objectId);

        if (relkind == '\0')
            return;             /* gone already (dropped with an earlier one) */
        LockRelationOid(obj->objectId, AccessExclusiveLock);
        switch (relkind)
        {
            case RELKIND_VIEW:
                DropViewInternal(obj->objectId);
                break;
            case RELKIND_SEQUENCE:
                DropSequenceInternal(obj->objectId);
                break;
            case RELKIND_INDEX:
                if (index_drop == NULL)
                    elog(ERROR, "cannot drop index %u: indexes are not linked in", obj->objectId);
                index_drop(obj->objectId);
                break;
            default:
                elog(ERROR, "unexpected dependent relation %u of kind '%c'",
                     obj->objectId, relkind);
        }
    }
    else if (obj->classId == AttrDefaultRelationId)
    {
        Oid         relid;
        int16       attnum;

        if (attrdef_column(obj->objectId, &relid, &attnum))
            RemoveAttrDefault(relid, attnum);
    }
    else if (obj->classId == ConstraintRelationId)
        RemoveForeignKeyById(obj->objectId);    /* only foreign keys record dependencies */
    else
        elog(ERROR, "cannot drop object %u of catalog %u", obj->objectId, obj->classId);
    CommandCounterIncrement();
}

void
DropDependentObjects(List *targets, bool cascade)
{
    DropWalk    w;
    ListCell   *lc;
    int         nreported = 0;

    memset(&w, 0, sizeof(w));
    w.targets = targets;
    initStringInfo(&w.detail);
    check_internal_targets(&w);
    /* PostgreSQL reports the last target's dependents first */
    for (int i = list_length(targets) - 1; i >= 0; i--)
        walk_dependents(list_nth(targets, i), &w, true);
    foreach(lc, w.reported)
        nreported += lfirst_int(lc);

    if (nreported > 0 && !cascade)
        ereport(ERROR,
                errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                list_length(targets) == 1 ?
                errmsg("cannot drop %s because other objects depend on it",
                       getObjectDescription(linitial(targets))) :
                errmsg("cannot drop desired object(s) because other objects depend on them"),
                errdetail("%s", w.detail.data),
                errhint("Use DROP ... CASCADE to drop the dependent objects too."));
    if (nreported == 1)
    {
        foreach(lc, w.found)
            if (list_nth_int(w.reported, foreach_current_index(lc)))
                ereport(NOTICE,
                        errmsg("drop cascades to %s", getObjectDescription(lfirst(lc))));
    }
    else if (nreported > 1)
    {
        StringInfoData buf;

        initStringInfo(&buf);
        foreach(lc, w.found)
            if (list_nth_int(w.reported, foreach_current_index(lc)))
                appendStringInfo(&buf, "%sdrop cascades to %s", buf.len ? "\n" : "",
                                 getObjectDescription(lfirst(lc)));
        ereport(NOTICE,
                errmsg("drop cascades to %d other objects", nreported),
                errdetail("%s", buf.data));
    }
    /* later finds depend on earlier ones: drop in reverse */
    for (int i = list_length(w.found) - 1; i >= 0; i--)
        drop_object(list_nth(w.found, i));
}
