/*-------------------------------------------------------------------------
 * comment.c
 *    COMMENT ON ... IS '...' and the pg_description catalog
 *    (PostgreSQL's commands/comment.c).
 *
 * Principal entry points:
 *    CommentObject     COMMENT ON TABLE | VIEW | SEQUENCE | INDEX | COLUMN |
 *                      CONSTRAINT | SCHEMA | FUNCTION | TYPE | DATABASE |
 *                      ROLE ... IS 'text' | NULL
 *    CreateComments    set or (NULL / empty text) remove one description
 *    DeleteComments    remove an object's descriptions (all columns too
 *                      when subid is 0), for DROP
 *
 * A description is a pg_description row (objoid, classoid, objsubid,
 * description): classoid is the catalog the object lives in (pg_class for
 * relations and their columns, pg_namespace, pg_proc, pg_type) and
 * objsubid the column number for a column, else 0.  There is at most one
 * row per (objoid, classoid, objsubid); setting a comment replaces it,
 * IS NULL or IS '' removes it.  Databases and roles are shared objects:
 * their descriptions go to pg_shdescription (no objsubid).  obj_description/col_description are
 * PostgreSQL's own SQL functions over this catalog.
 *
 * pg_description has no index yet: rows are found by a sequential scan
 * (a comment is set or read rarely; DROP reads it once per object).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/comment.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "planner/planner.h"
#include "procs/adt.h"
#include "procs/sysfuncs.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"

/* ---------------------------------------------------------------- catalog rows */

/* The rows of (objoid, classoid) with objsubid = subid (any subid if < 0). */
static List *
find_description_tids(Relation rel, Oid objoid, Oid classoid, int32 subid)
{
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *tids = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        ItemPointer tid;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_description_objoid, desc, &isnull)) != objoid ||
            DatumGetObjectId(heap_getattr(tup, Anum_pg_description_classoid, desc, &isnull)) != classoid)
            continue;
        if (subid >= 0 &&
            DatumGetInt32(heap_getattr(tup, Anum_pg_description_objsubid, desc, &isnull)) != subid)
            continue;
        tid = palloc(sizeof(ItemPointerData));
        *tid = tup->t_self;
        tids = lappend(tids, tid);
    }
    heap_endscan(scan);
    return tids;
}

void
CreateComments(Oid objoid, Oid classoid, int32 subid, const char *comment)
{
    Relation    rel = table_open(DescriptionRelationId, RowExclusiveLock);
    List       *tids = find_description_tids(rel, objoid, classoid, subid);
    ListCell   *lc;

    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    if (comment != NULL && comment[0] != '\0')
    {
        Datum       values[4];
        bool        nulls[4] = {false, false, false, false};

        values[Anum_pg_description_objoid - 1] = ObjectIdGetDatum(objoid);
        values[Anum_pg_description_classoid - 1] = ObjectIdGetDatum(classoid);
        values[Anum_pg_description_objsubid - 1] = Int32GetDatum(subid);
        values[Anum_pg_description_description - 1] = CStringGetTextDatum(comment);
        CatalogTupleInsert(rel, heap_form_tuple(RelationGetDescr(rel), values, nulls));
    }
    table_close(rel, RowExclusiveLock);
}

void
DeleteComments(Oid objoid, Oid classoid, int32 subid)
{
    Relation    rel = table_open(DescriptionRelationId, RowExclusiveLock);
    List       *tids = find_description_tids(rel, objoid, classoid, subid == 0 ? -1 : subid);
    ListCell   *lc;

    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    table_close(rel, RowExclusiveLock);
}

/*
 * A shared object's description (databases, roles): pg_shdescription,
 * keyed by (objoid, classoid) without a column number.
 */
static void
CreateSharedComments(Oid objoid, Oid classoid, const char *comment)
{
    Relation    rel = table_open(SharedDescriptionRelationId, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *tids = NIL;
    ListCell   *lc;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        ItemPointer tid;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_shdescription_objoid, desc, &isnull)) != objoid ||
            DatumGetObjectId(heap_getattr(tup, Anum_pg_shdescription_classoid, desc, &isnull)) != classoid)
            continue;
        tid = palloc(sizeof(ItemPointerData));
        *tid = tup->t_self;
        tids = lappend(tids, tid);
    }
    heap_endscan(scan);
    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    if (comment != NULL && comment[0] != '\0')
    {
        Datum       values[3];
        bool        nulls[3] = {false, false, false};

        values[Anum_pg_shdescription_objoid - 1] = ObjectIdGetDatum(objoid);
        values[Anum_pg_shdescription_classoid - 1] = ObjectIdGetDatum(classoid);
        values[Anum_pg_shdescription_description - 1] = CStringGetTextDatum(comment);
        CatalogTupleInsert(rel, heap_form_tuple(desc, values, nulls));
    }
    table_close(rel, RowExclusiveLock);
}

/* ---------------------------------------------------------------- object lookup */

/* A (possibly qualified) name list as schema and object name. */
static void
split_qualified_name(PgQuery__Node **names, size_t n, const char **schema, const char **name)
{
    if (n == 1)
    {
        *schema = NULL;
        *name = names[0]->string->sval;
    }
    else if (n == 2)
    {
        *schema = names[0]->string->sval;
        *name = names[1]->string->sval;
    }
    else if (n == 3)
    {
        /* database.schema.name: only this database */
        if (strcmp(names[0]->string->sval, CurrentDatabaseName()) != 0)
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("cross-database references are not implemented: %s.%s.%s",
                            names[0]->string->sval, names[1]->string->sval,
                            names[2]->string->sval)));
        *schema = names[1]->string->sval;
        *name = names[2]->string->sval;
    }
    else
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("improper relation name (too many dotted names)")));
}

static char *
name_list_string(PgQuery__Node **names, size_t n)
{
    StringInfoData buf;

    initStringInfo(&buf);
    for (size_t i = 0; i < n; i++)
        appendStringInfo(&buf, "%s%s", i > 0 ? "." : "", names[i]->string->sval);
    return buf.data;
}

/* The relation a COMMENT ON <relation kind> names, checked for its kind. */
static Oid
comment_relation(PgQuery__Node **names, size_t n, PgQuery__ObjectType objtype)
{
    const char *schema;
    const char *name;
    Oid         relid;
    char        relkind;
    const char *want;

    split_qualified_name(names, n, &schema, &name);
    relid = RangeVarGetRelid(schema, name, AccessExclusiveLock, false);
    relkind = get_rel_relkind(relid);
    switch (objtype)
    {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            want = relkind == RELKIND_RELATION ? NULL : "a table";
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
            want = relkind == RELKIND_VIEW ? NULL : "a view";
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            want = relkind == RELKIND_SEQUENCE ? NULL : "a sequence";
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            want = relkind == RELKIND_INDEX ? NULL : "an index";
            break;
        default:
            want = NULL;
            break;
    }
    if (want != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                 errmsg("\"%s\" is not %s", name, want)));
    return relid;
}

/* COMMENT ON COLUMN [schema.]table.column: the table and the column number */
static Oid
comment_column(PgQuery__Node **names, size_t n, int32 *attnum)
{
    const char *colname;
    const char *schema;
    const char *relname;
    Oid         relid;
    Relation    rel;

    if (n < 2)
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("column name must be qualified")));
    colname = names[n - 1]->string->sval;
    split_qualified_name(names, n - 1, &schema, &relname);
    relid = RangeVarGetRelid(schema, relname, AccessExclusiveLock, false);
    rel = relation_open(relid, NoLock);
    *attnum = 0;
    for (int i = 0; i < RelationGetNumberOfAttributes(rel); i++)
    {
        Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), i);

        if (!att->attisdropped && strcmp(NameStr(att->attname), colname) == 0)
            *attnum = att->attnum;
    }
    if (*attnum == 0)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_COLUMN),
                 errmsg("column \"%s\" of relation \"%s\" does not exist",
                        colname, RelationGetRelationName(rel))));
    relation_close(rel, NoLock);
    return relid;
}

/* COMMENT ON CONSTRAINT name ON [schema.]table */
static Oid
comment_constraint(PgQuery__Node **names, size_t n)
{
    const char *conname;
    const char *schema;
    const char *relname;
    Oid         relid;
    Relation    rel;
    TupleDesc   desc;
    HeapScanDesc scan;
    HeapTuple   tup;
    Oid         conoid = InvalidOid;

    conname = names[n - 1]->string->sval;
    split_qualified_name(names, n - 1, &schema, &relname);
    relid = RangeVarGetRelid(schema, relname, AccessExclusiveLock, false);
    rel = table_open(ConstraintRelationId, AccessShareLock);
    desc = RelationGetDescr(rel);
    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull)) == relid &&
            strcmp(NameStr(*(Name) DatumGetPointer(heap_getattr(tup, Anum_pg_constraint_conname, desc, &isnull))),
                   conname) == 0)
        {
            conoid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_oid, desc, &isnull));
            break;
        }
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    if (!OidIsValid(conoid))
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_OBJECT),
                 errmsg("constraint \"%s\" for table \"%s\" does not exist", conname,
                        get_rel_name(relid))));
    return conoid;
}

/* COMMENT ON FUNCTION name(argtypes) */
static Oid
comment_function(PgQuery__ObjectWithArgs *owa)
{
    const char *schema;
    const char *name;
    Oid         nspid = InvalidOid;
    int         nargs = (int) owa->n_objargs;
    Oid        *argtypes = palloc0(sizeof(Oid) * (nargs + 1));
    List       *procs;
    ListCell   *lc;
    StringInfoData sig;

    split_qualified_name(owa->objname, owa->n_objname, &schema, &name);
    if (schema != NULL)
        nspid = LookupExplicitNamespace(schema, false);
    for (int i = 0; i < nargs; i++)
    {
        int32       typmod;

        typenameTypeIdAndMod(owa->objargs[i]->type_name, &argtypes[i], &typmod);
    }
    procs = lookup_procs_by_name(nspid, name);
    foreach(lc, procs)
    {
        const ProcInfo *p = (const ProcInfo *) lfirst(lc);

        if (owa->args_unspecified ||
            (p->pronargs == nargs &&
             (nargs == 0 || memcmp(p->proargtypes, argtypes, sizeof(Oid) * nargs) == 0)))
            return p->oid;
    }
    initStringInfo(&sig);
    appendStringInfo(&sig, "%s(", name_list_string(owa->objname, owa->n_objname));
    for (int i = 0; i < nargs; i++)
        appendStringInfo(&sig, "%s%s", i > 0 ? ", " : "", format_type_be(argtypes[i]));
    appendStringInfoChar(&sig, ')');
    if (owa->args_unspecified)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_FUNCTION),
                 errmsg("could not find a function named \"%s\"",
                        name_list_string(owa->objname, owa->n_objname))));
    ereport(ERROR,
            (errcode(ERRCODE_UNDEFINED_FUNCTION),
             errmsg("function %s does not exist", sig.data)));
}

/* ---------------------------------------------------------------- COMMENT ON */

void
CommentObject(PgQuery__CommentStmt *stmt)
{
    PgQuery__Node *obj = stmt->object;
    const char *comment = stmt->comment;
    Oid         objoid;
    Oid         classoid;
    int32       subid = 0;

    switch (stmt->objtype)
    {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            objoid = comment_relation(obj->list->items, obj->list->n_items, stmt->objtype);
            classoid = RelationRelationId;
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
            objoid = comment_column(obj->list->items, obj->list->n_items, &subid);
            classoid = RelationRelationId;
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
            objoid = get_namespace_oid(obj->string->sval, false);
            classoid = NamespaceRelationId;
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT:
            objoid = comment_constraint(obj->list->items, obj->list->n_items);
            classoid = ConstraintRelationId;
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_DATABASE:
            /* a missing database is only a warning (PostgreSQL: dumps name other databases) */
            objoid = GetDatabaseOid(obj->string->sval, true);
            if (!OidIsValid(objoid))
            {
                ereport(WARNING,
                        (errcode(ERRCODE_UNDEFINED_DATABASE),
                         errmsg("database \"%s\" does not exist", obj->string->sval)));
                return;
            }
            CreateSharedComments(objoid, DatabaseRelationId, comment);
            return;
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROLE:
            CreateSharedComments(GetRoleOid(obj->string->sval, false), AuthIdRelationId, comment);
            return;
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
            objoid = comment_function(obj->object_with_args);
            classoid = ProcedureRelationId;
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
            {
                int32       typmod;

                typenameTypeIdAndMod(obj->type_name, &objoid, &typmod);
                classoid = TypeRelationId;
                break;
            }
        default:
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("COMMENT ON this kind of object is not supported yet")));
    }
    CreateComments(objoid, classoid, subid, comment);
}
