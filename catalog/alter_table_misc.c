/*-------------------------------------------------------------------------
 * alter_table_misc.c
 *    ALTER TABLE subcommands that only change catalog rows (PostgreSQL's
 *    ATExecSetStatistics, ATExecSetRelOptions, ATExecChangeOwner,
 *    ATExecClusterOn / ATExecDropCluster, ATExecSetLogged / SetUnLogged
 *    without the rewrite), called by alter_table.c.
 *
 *    ALTER [COLUMN] c SET STATISTICS n     pg_attribute.attstattarget
 *    SET (param = value, ...) / RESET (...)  pg_class.reloptions, validated
 *                                          by reloptions.c (not acted on)
 *    OWNER TO role                         pg_class.relowner of the table,
 *                                          its indexes and owned sequences
 *    CLUSTER ON index / SET WITHOUT CLUSTER  pg_index.indisclustered
 *    SET LOGGED / SET UNLOGGED             pg_class.relpersistence of the
 *                                          table, its indexes and owned sequences
 *
 * Basalt has no WAL yet, so an unlogged table is stored exactly like a
 * permanent one: SET LOGGED / UNLOGGED change only the recorded
 * persistence (PostgreSQL rewrites the table).  There is no CLUSTER
 * command and no planner statistics target yet; the values are kept for
 * clients and for when there are.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/alter_table_misc.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/reloptions.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "procs/array.h"
#include "procs/fmgr.h"
#include "procs/sysfuncs.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

#define MAX_STATISTICS_TARGET 10000     /* PostgreSQL's */

bool
ATIsBookkeeping(PgQuery__AlterTableType subtype)
{
    switch (subtype)
    {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
            return true;
        default:
            return false;
    }
}

static void
set_statistics(Relation rel, PgQuery__AlterTableCmd *cmd)
{
    int         target = cmd->def->integer->ival;
    int         attnum;

    if (target < -1)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("statistics target %d is too low", target));
    if (target > MAX_STATISTICS_TARGET)
    {
        target = MAX_STATISTICS_TARGET;
        ereport(WARNING,
                errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("lowering statistics target to %d", target));
    }
    if (SystemAttributeByName(cmd->name) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot alter system column \"%s\"", cmd->name));
    attnum = RelationGetAttnum(rel, cmd->name);
    if (attnum <= 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" does not exist",
                       cmd->name, RelationGetRelationName(rel)));
    UpdateAttributeField(RelationGetRelid(rel), (int16) attnum, Anum_pg_attribute_attstattarget,
                         Int32GetDatum(target));
}

/* A DefElem name = value (value as text) for transformRelOptions. */
static PgQuery__Node *
make_option(const char *name, const char *value)
{
    PgQuery__Node *n = palloc(sizeof(PgQuery__Node));
    PgQuery__DefElem *d = palloc(sizeof(PgQuery__DefElem));
    PgQuery__Node *arg = palloc(sizeof(PgQuery__Node));
    PgQuery__String *str = palloc(sizeof(PgQuery__String));

    pg_query__node__init(n);
    pg_query__def_elem__init(d);
    pg_query__node__init(arg);
    pg_query__string__init(str);
    str->sval = pstrdup(value);
    arg->node_case = PG_QUERY__NODE__NODE_STRING;
    arg->string = str;
    d->defname = pstrdup(name);
    d->arg = arg;
    n->node_case = PG_QUERY__NODE__NODE_DEF_ELEM;
    n->def_elem = d;
    return n;
}

/* pg_class.reloptions := NULL for relid */
static void
clear_reloptions(Oid relid)
{
    CatalogSetFieldNull(RelationRelationId, Anum_pg_class_oid, relid, Anum_pg_class_reloptions);
}

/*
 * SET (...) / RESET (...): PostgreSQL's transformRelOptions with the old
 * options: the old ones not named keep their order, the SET ones follow;
 * the result is validated as a whole.
 */
static void
set_rel_options(Relation rel, PgQuery__AlterTableCmd *cmd)
{
    Oid         relid = RelationGetRelid(rel);
    bool        reset = cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions;
    PgQuery__List *list = cmd->def->list;
    Relation    crel = table_open(RelationRelationId, AccessShareLock);
    HeapScanDesc scan = heap_beginscan(crel, GetCatalogSnapshot());
    HeapTuple   tup;
    PgQuery__Node **opts;
    size_t      nopts = 0;
    size_t      maxopts = list->n_items;
    Datum       newopts;

    /* the old options */
    opts = palloc(sizeof(PgQuery__Node *) * (maxopts + 1));
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;
        Datum      *elems;
        bool       *enulls;
        int         n;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_class_oid, RelationGetDescr(crel), &isnull)) != relid)
            continue;
        d = heap_getattr(tup, Anum_pg_class_reloptions, RelationGetDescr(crel), &isnull);
        if (isnull)
            break;
        deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, 'i', &elems, &enulls, &n);
        maxopts += n;
        opts = repalloc(opts, sizeof(PgQuery__Node *) * (maxopts + 1));
        for (int i = 0; i < n; i++)
        {
            char       *s = TextDatumGetCString(elems[i]);
            char       *eq = strchr(s, '=');
            bool        named = false;

            if (eq == NULL)
                continue;
            *eq = '\0';
            for (size_t k = 0; k < list->n_items; k++)
                if (strcmp(list->items[k]->def_elem->defname, s) == 0)
                    named = true;
            if (!named)
                opts[nopts++] = make_option(s, eq + 1);
        }
        break;
    }
    heap_endscan(scan);
    table_close(crel, AccessShareLock);
    if (!reset)
        for (size_t k = 0; k < list->n_items; k++)
            opts[nopts++] = list->items[k];
    newopts = transformRelOptions(opts, nopts);
    if (newopts == (Datum) 0)
        clear_reloptions(relid);
    else
        CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                           Anum_pg_class_reloptions, newopts);
}

/* pg_class.<anum> := value for the table, its indexes and its owned sequences */
static void
update_with_indexes(Oid relid, int anum, Datum value)
{
    List       *rels = list_concat(RelationGetIndexOids(relid), GetOwnedSequences(relid));
    ListCell   *lc;

    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid, anum, value);
    foreach(lc, rels)
    {
        CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, lfirst_oid(lc), anum, value);
        CacheInvalidateRelcache(lfirst_oid(lc));
    }
}

static void
cluster_on(Relation rel, PgQuery__AlterTableCmd *cmd)
{
    Oid         relid = RelationGetRelid(rel);
    Oid         target = InvalidOid;
    ListCell   *lc;

    if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn)
    {
        target = get_relname_relid(cmd->name, RelationGetNamespace(rel));
        if (!OidIsValid(target) || get_rel_relkind(target) != RELKIND_INDEX ||
            IndexGetRelation(target) != relid)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("index \"%s\" for table \"%s\" does not exist",
                           cmd->name, RelationGetRelationName(rel)));
    }
    foreach(lc, RelationGetIndexOids(relid))
    {
        CatalogUpdateField(IndexRelationId, Anum_pg_index_indexrelid, lfirst_oid(lc),
                           Anum_pg_index_indisclustered, BoolGetDatum(lfirst_oid(lc) == target));
        CommandCounterIncrement();
    }
}

static Oid
owner_role(PgQuery__RoleSpec *rs)
{
    if (rs->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_CSTRING)
        return GetRoleOid(rs->rolename, false);
    if (rs->roletype == PG_QUERY__ROLE_SPEC_TYPE__ROLESPEC_PUBLIC)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("role \"%s\" does not exist", "public"));
    return GetRoleOid(CurrentRoleName(), false);
}

void
AlterRelationOwner(PgQuery__AlterTableStmt *stmt)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         relid;
    char        relkind;
    const char *want = NULL;

    relid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessExclusiveLock, stmt->missing_ok);
    if (!OidIsValid(relid))
    {
        ereport(NOTICE,
                errmsg("relation \"%s\" does not exist, skipping", rv->relname));
        return;
    }
    relkind = get_rel_relkind(relid);
    switch (stmt->objtype)
    {
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            if (relkind != RELKIND_SEQUENCE)
                want = "a sequence";
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
            if (relkind != RELKIND_VIEW)
                want = "a view";
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            if (relkind != RELKIND_INDEX)
                want = "an index";
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            break;
        default:
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("this form of ALTER is not supported yet"));
    }
    if (want != NULL)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not %s", rv->relname, want));
    if (IsCatalogRelationOid(relid) || IsSystemNamespace(get_rel_namespace(relid)))
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
    for (size_t i = 0; i < stmt->n_cmds; i++)
    {
        Oid         owner = owner_role(stmt->cmds[i]->alter_table_cmd->newowner);
        const ClassInfo *c = lookup_class(relid);

        if (c != NULL && c->relowner == owner)
            continue;
        if (relkind == RELKIND_INDEX)
        {
            /* PostgreSQL: an index follows its table's owner */
            ereport(WARNING,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("cannot change owner of index \"%s\"", rv->relname),
                    errhint("Change the ownership of the index's table instead."));
            continue;
        }
        if (relkind == RELKIND_RELATION)
            update_with_indexes(relid, Anum_pg_class_relowner, ObjectIdGetDatum(owner));
        else
            CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                               Anum_pg_class_relowner, ObjectIdGetDatum(owner));
        CacheInvalidateRelcache(relid);
        CommandCounterIncrement();
    }
}

void
ATExecBookkeeping(Relation rel, PgQuery__AlterTableCmd *cmd)
{
    Oid         relid = RelationGetRelid(rel);

    switch (cmd->subtype)
    {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
            set_statistics(rel, cmd);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
            set_rel_options(rel, cmd);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner:
            {
                Oid         owner = owner_role(cmd->newowner);

                update_with_indexes(relid, Anum_pg_class_relowner, ObjectIdGetDatum(owner));
            }
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
            cluster_on(rel, cmd);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
            if (rel->relpersistence == RELPERSISTENCE_TEMP)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                        errmsg("cannot change logged status of table \"%s\" because it is temporary",
                               RelationGetRelationName(rel)));
            update_with_indexes(relid, Anum_pg_class_relpersistence,
                                CharGetDatum(cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged ?
                                             RELPERSISTENCE_PERMANENT : RELPERSISTENCE_UNLOGGED));
            break;
        default:
            elog(ERROR, "unexpected ALTER TABLE subcommand %d", (int) cmd->subtype);
    }
    CacheInvalidateRelcache(relid);
}
