/*-------------------------------------------------------------------------
 * schemacmds.c
 *    CREATE SCHEMA and DROP SCHEMA (PostgreSQL's commands/schemacmds.c and
 *    the namespace part of dependency.c).
 *
 * Principal entry points:
 *    CreateSchemaCommand  CREATE SCHEMA [IF NOT EXISTS] name
 *                         [AUTHORIZATION role] [CREATE TABLE/VIEW/SEQUENCE ...]
 *    RemoveSchemas        DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE|RESTRICT]
 *
 * A schema is a pg_namespace row (owner: the bootstrap superuser; roles
 * are not catalogued yet, so AUTHORIZATION only names the schema).  The
 * objects in a schema are found by scanning pg_class for relnamespace
 * (there are no pg_depend rows for schema membership): tables, views and
 * sequences not owned by a column.  Functions created in a schema are not
 * looked for yet.  The search path notices a new or dropped schema through
 * the pg_namespace invalidation (namespace.c).
 *
 * Locking: DROP takes AccessExclusiveLock on every relation it drops.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/guc.h"
#include "backend/interrupts.h"
#include "backend/utils/stringinfo.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/comment.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/schemacmds.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "catalog/tablecmds.h"
#include "catalog/view.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

/* ---------------------------------------------------------------- CREATE */

static void
set_element_schema(PgQuery__RangeVar *rv, const char *schemaname)
{
    if (rv->schemaname && rv->schemaname[0] && strcmp(rv->schemaname, schemaname) != 0)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_SCHEMA_DEFINITION),
                errmsg("CREATE specifies a schema (%s) different from the one being created (%s)",
                       rv->schemaname, schemaname));
    rv->schemaname = (char *) schemaname;
}

void
CreateSchemaCommand(PgQuery__CreateSchemaStmt *stmt, const char *queryString)
{
    const char *name = (stmt->schemaname && stmt->schemaname[0]) ? stmt->schemaname : NULL;
    Relation    rel;
    Datum       values[Natts_pg_namespace];
    bool        nulls[Natts_pg_namespace];
    NameData    nspname;
    HeapTuple   tup;

    char       *saved_path = pstrdup(GetConfigOptionByName("search_path", NULL, false));

    if (name == NULL && stmt->authrole != NULL && stmt->authrole->rolename)
        name = stmt->authrole->rolename;
    if (name == NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("CREATE SCHEMA AUTHORIZATION CURRENT_USER is not supported yet"));
    if (strncmp(name, "pg_", 3) == 0)
        ereport(ERROR,
                errcode(ERRCODE_RESERVED_NAME),
                errmsg("unacceptable schema name \"%s\"", name),
                errdetail("The prefix \"pg_\" is reserved for system schemas."));

    /* one CREATE SCHEMA at a time: the existence check sees committed rivals */
    LockRelationOid(NamespaceRelationId, ShareUpdateExclusiveLock);
    AcceptInvalidationMessages();
    if (OidIsValid(get_namespace_oid(name, true)))
    {
        if (stmt->if_not_exists)
        {
            ereport(NOTICE,
                    errcode(ERRCODE_DUPLICATE_SCHEMA),
                    errmsg("schema \"%s\" already exists, skipping", name));
            return;
        }
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_SCHEMA),
                errmsg("schema \"%s\" already exists", name));
    }

    rel = table_open(NamespaceRelationId, RowExclusiveLock);
    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    memset(&nspname, 0, sizeof(nspname));
    memcpy(NameStr(nspname), name, strnlen(name, NAMEDATALEN - 1));
    values[Anum_pg_namespace_oid - 1] = ObjectIdGetDatum(GetNewObjectId());
    values[Anum_pg_namespace_nspname - 1] = PointerGetDatum(&nspname);
    values[Anum_pg_namespace_nspowner - 1] = ObjectIdGetDatum(BOOTSTRAP_SUPERUSERID);
    nulls[Anum_pg_namespace_nspacl - 1] = true;
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
    CommandCounterIncrement();

    /* the schema elements, created in (and seeing) the new schema only */
    if (stmt->n_schema_elts > 0)
        (void) set_config_option("search_path", quote_identifier(name), PGC_SUSET,
                                 PGC_S_SESSION, GUC_ACTION_LOCAL, true, ERROR);
    for (size_t i = 0; i < stmt->n_schema_elts; i++)
    {
        PgQuery__Node *elt = stmt->schema_elts[i];

        switch (elt->node_case)
        {
            case PG_QUERY__NODE__NODE_CREATE_STMT:
                set_element_schema(elt->create_stmt->relation, name);
                DefineRelation(elt->create_stmt, queryString);
                break;
            case PG_QUERY__NODE__NODE_VIEW_STMT:
                set_element_schema(elt->view_stmt->view, name);
                DefineView(elt->view_stmt, queryString);
                break;
            case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
                set_element_schema(elt->create_seq_stmt->sequence, name);
                DefineSequence(elt->create_seq_stmt, queryString);
                break;
            default:
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("this CREATE SCHEMA element is not supported yet"));
        }
        CommandCounterIncrement();
    }
    if (stmt->n_schema_elts > 0)
        (void) set_config_option("search_path", saved_path, PGC_SUSET,
                                 PGC_S_SESSION, GUC_ACTION_LOCAL, true, ERROR);
}

/* ---------------------------------------------------------------- DROP */

/* Relations in nspid, pg_class order, without column-owned sequences. */
static List *
relations_in_namespace(Oid nspid)
{
    Relation    rel = table_open(RelationRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;
    List       *owned = NIL;
    List       *filtered = NIL;
    ListCell   *lc;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        CHECK_FOR_INTERRUPTS();
        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_class_relnamespace, desc, &isnull)) != nspid)
            continue;
        /* an index goes with its table (catalog/index.c), as in PostgreSQL */
        if (DatumGetChar(heap_getattr(tup, Anum_pg_class_relkind, desc, &isnull)) == RELKIND_INDEX)
            continue;
        result = lappend_oid(result,
                             DatumGetObjectId(heap_getattr(tup, Anum_pg_class_oid, desc, &isnull)));
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    foreach(lc, result)
        owned = list_concat(owned, GetOwnedSequences(lfirst_oid(lc)));
    foreach(lc, result)
        if (!list_member_oid(owned, lfirst_oid(lc)))
            filtered = lappend_oid(filtered, lfirst_oid(lc));
    return filtered;
}

static void
drop_relation(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);

    if (c == NULL)
        return;
    LockRelationOid(relid, AccessExclusiveLock);
    if (c->relkind == RELKIND_VIEW)
        DropViewInternal(relid);
    else if (c->relkind == RELKIND_SEQUENCE)
        DropSequenceInternal(relid);
    else
    {
        List       *owned = GetOwnedSequences(relid);
        ListCell   *lc;

        heap_drop_with_catalog(relid);
        CommandCounterIncrement();
        foreach(lc, owned)
            DropSequenceInternal(lfirst_oid(lc));
    }
    CommandCounterIncrement();
}

/*
 * Drop every relation in a temporary schema (PostgreSQL's
 * RemoveTempRelations): at backend exit, and at first use of a slot's
 * pg_temp_N left behind by a crashed backend.  The schema row stays.
 */
void
RemoveTempRelations(Oid nspid)
{
    List       *rels = relations_in_namespace(nspid);
    ListCell   *lc;

    foreach(lc, rels)
        drop_relation(lfirst_oid(lc));
}

static void
delete_namespace_row(Oid nspid)
{
    DeleteComments(nspid, NamespaceRelationId, 0);
    DeleteCatalogRowsByOid(NamespaceRelationId, Anum_pg_namespace_oid, nspid);
}

void
RemoveSchemas(PgQuery__DropStmt *stmt)
{
    bool        cascade = stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;

    for (size_t i = 0; i < stmt->n_objects; i++)
    {
        PgQuery__Node *obj = stmt->objects[i];
        const char *name;
        Oid         nspid;
        List       *rels;
        List       *objs;
        ListCell   *lc;
        StringInfoData detail;

        if (obj->node_case != PG_QUERY__NODE__NODE_STRING)
            elog(ERROR, "unexpected object in DROP SCHEMA: node %d", (int) obj->node_case);
        name = obj->string->sval;
        nspid = get_namespace_oid(name, true);
        if (!OidIsValid(nspid))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE,
                        errmsg("schema \"%s\" does not exist, skipping", name));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", name));
        }
        if (nspid < FirstNormalObjectId)
        {
            if (nspid != PG_PUBLIC_NAMESPACE)
                ereport(ERROR,
                        errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                        errmsg("cannot drop schema %s because it is required by the database system",
                               quote_identifier(name)));
        }

        rels = relations_in_namespace(nspid);
        foreach(lc, rels)
            LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);

        /* everything that goes: each relation, then the views on it (depth first) */
        objs = NIL;
        initStringInfo(&detail);
        foreach(lc, rels)
        {
            /* pairs: (object, what it was reached from; InvalidOid = the schema) */
            List       *stack = list_make2_oid(lfirst_oid(lc), InvalidOid);

            while (stack != NIL)
            {
                int         len = list_length(stack);
                Oid         r = list_nth_oid(stack, len - 2);
                Oid         from = list_nth_oid(stack, len - 1);
                List       *deps;

                stack = list_truncate(stack, len - 2);
                if (list_member_oid(objs, r))
                    continue;
                objs = lappend_oid(objs, r);
                if (cascade)
                    appendStringInfo(&detail, "%sdrop cascades to %s", detail.len ? "\n" : "",
                                     RelationDescription(r));
                else if (OidIsValid(from))
                    appendStringInfo(&detail, "%s%s depends on %s", detail.len ? "\n" : "",
                                     RelationDescription(r), RelationDescription(from));
                else
                    appendStringInfo(&detail, "%s%s depends on schema %s", detail.len ? "\n" : "",
                                     RelationDescription(r), quote_identifier(name));
                /* views in the schema come in their own turn, as the schema's */
                deps = GetDependentViews(r);
                for (int k = list_length(deps) - 1; k >= 0; k--)
                    if (!list_member_oid(objs, list_nth_oid(deps, k)) &&
                        !list_member_oid(rels, list_nth_oid(deps, k)))
                    {
                        stack = lappend_oid(stack, list_nth_oid(deps, k));
                        stack = lappend_oid(stack, r);
                    }
            }
        }

        if (objs != NIL && !cascade)
            ereport(ERROR,
                    errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                    errmsg("cannot drop schema %s because other objects depend on it",
                           quote_identifier(name)),
                    errdetail("%s", detail.data),
                    errhint("Use DROP ... CASCADE to drop the dependent objects too."));
        if (list_length(objs) == 1)
            ereport(NOTICE, errmsg("%s", detail.data));
        else if (objs != NIL)
            ereport(NOTICE,
                    errmsg("drop cascades to %d other objects", list_length(objs)),
                    errdetail("%s", detail.data));

        /* views first (newest first), then the rest */
        for (int k = list_length(objs) - 1; k >= 0; k--)
        {
            const ClassInfo *c = lookup_class(list_nth_oid(objs, k));

            if (c != NULL && c->relkind == RELKIND_VIEW)
                drop_relation(list_nth_oid(objs, k));
        }
        foreach(lc, objs)
            drop_relation(lfirst_oid(lc));
        delete_namespace_row(nspid);
        CommandCounterIncrement();
    }
}
