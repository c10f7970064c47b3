/*-------------------------------------------------------------------------
 * indexcmds.c
 *    The index statements (PostgreSQL's commands/indexcmds.c and the
 *    index parts of tablecmds.c): CREATE INDEX, DROP INDEX, ALTER INDEX
 *    RENAME, REINDEX, and the IndexDef of a PRIMARY KEY / UNIQUE
 *    constraint.  Catalog rows, storage and naming are catalog/index.c's.
 *
 * Checks run in PostgreSQL's order with its messages and SQLSTATEs; what
 * Basalt's B-tree cannot do (expression, partial and INCLUDE indexes,
 * operator classes, other access methods) is 0A000; CONCURRENTLY keeps
 * PostgreSQL's restrictions but builds/drops the ordinary way.
 *
 * Locking: CREATE INDEX takes ShareLock on the table; DROP INDEX and ALTER
 * INDEX take AccessExclusiveLock on the table, then the index; REINDEX
 * takes ShareLock on the table and AccessExclusiveLock on the index(es).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_constraint.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "storage/lmgr.h"
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

static const char *
str_or_null(const char *s)
{
    return (s != NULL && s[0] != '\0') ? s : NULL;
}

/* ---------------------------------------------------------------- CREATE INDEX */

/* Fill IndexDef's keys from CREATE INDEX's IndexElems. */
static void
index_keys_from_elems(IndexDef *def, PgQuery__Node **params, size_t n, const char *queryString)
{
    if (n > INDEX_MAX_KEYS)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_COLUMNS),
                errmsg("cannot use more than %d columns in an index", INDEX_MAX_KEYS));
    def->nkeys = (int) n;
    for (size_t i = 0; i < n; i++)
    {
        PgQuery__IndexElem *e = params[i]->index_elem;
        IndexKeyDef *k = &def->keys[i];
        bool        desc;
        bool        nulls_first;

        if (e->expr != NULL || !str_or_null(e->name))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("indexes on expressions are not supported yet"));
        if (e->n_collation > 0)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("COLLATE in index definitions is not supported yet"));
        if (e->n_opclassopts > 0)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("operator class options are not supported yet"));
        k->opclass = e->n_opclass > 0 ? e->opclass[e->n_opclass - 1]->string->sval : NULL;
        k->colname = e->name;
        k->location = -1;
        desc = (e->ordering == PG_QUERY__SORT_BY_DIR__SORTBY_DESC);
        if (e->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST)
            nulls_first = true;
        else if (e->nulls_ordering == PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST)
            nulls_first = false;
        else
            nulls_first = desc;
        k->indoption = (int16) ((desc ? INDOPTION_DESC : 0) |
                                (nulls_first ? INDOPTION_NULLS_FIRST : 0));
    }
}

void
DefineIndex(PgQuery__IndexStmt *stmt, const char *queryString, bool isTopLevel)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *am = str_or_null(stmt->access_method) ? stmt->access_method : "btree";
    IndexDef   *def = palloc0(sizeof(IndexDef));
    Oid         relid;

    /*
     * CONCURRENTLY: PostgreSQL's restrictions, then an ordinary build (its
     * ShareLock makes writers wait instead of the concurrent build's phases).
     */
    if (stmt->concurrent)
        PreventInTransactionBlock(isTopLevel, "CREATE INDEX CONCURRENTLY");
    if (stmt->where_clause != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("partial indexes (WHERE) are not supported yet"));
    if (stmt->n_index_including_params > 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("INCLUDE columns in indexes are not supported yet"));
    if (stmt->n_options > 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("index storage parameters are not supported yet"));
    if (str_or_null(stmt->table_space) && strcmp(stmt->table_space, "pg_default") != 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("tablespace \"%s\" does not exist", stmt->table_space));

    relid = RangeVarGetRelidExtended(str_or_null(rv->schemaname), rv->relname, ShareLock, false);

    /* access method: btree only (the others exist in pg_am) */
    if (strcmp(am, "btree") != 0)
    {
        static const char *const known[] = {"hash", "gist", "gin", "spgist", "brin"};
        bool        exists = false;

        for (int i = 0; i < (int) lengthof(known); i++)
            if (strcmp(am, known[i]) == 0)
                exists = true;
        if (!exists)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("access method \"%s\" does not exist", am));
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("access method \"%s\" is not supported yet", am));
    }

    def->idxname = str_or_null(stmt->idxname);
    def->unique = stmt->unique;
    def->nulls_not_distinct = stmt->nulls_not_distinct;
    def->if_not_exists = stmt->if_not_exists;
    index_keys_from_elems(def, stmt->index_params, stmt->n_index_params, queryString);
    (void) DefineIndexInternal(relid, def, queryString);
}

/* PostgreSQL's DROP ... hint for a relation of the wrong kind. */
static const char *
drop_hint(char relkind)
{
    switch (relkind)
    {
        case RELKIND_RELATION:
            return "Use DROP TABLE to remove a table.";
        case RELKIND_SEQUENCE:
            return "Use DROP SEQUENCE to remove a sequence.";
        case RELKIND_VIEW:
            return "Use DROP VIEW to remove a view.";
        case RELKIND_COMPOSITE_TYPE:
            return "Use DROP TYPE to remove a type.";
        default:
            return NULL;
    }
}

/* A relation's name as PostgreSQL's object descriptions give it: qualified unless visible. */
static char *
relation_name_for_message(Oid relid)
{
    char       *name = get_rel_name(relid);

    if (name == NULL)
        return pstrdup("???");
    if (RelationIsVisible(relid))
        return quote_identifier(name);
    return psprintf("%s.%s", quote_identifier(get_namespace_name(get_rel_namespace(relid))),
                    quote_identifier(name));
}

void
RemoveIndexes(PgQuery__DropStmt *stmt, bool isTopLevel)
{
    List       *targets = NIL;
    ListCell   *lc;

    /* CONCURRENTLY: PostgreSQL's restrictions, then an ordinary drop */
    if (stmt->concurrent)
    {
        PreventInTransactionBlock(isTopLevel, "DROP INDEX CONCURRENTLY");
        if (stmt->n_objects != 1)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("DROP INDEX CONCURRENTLY does not support dropping multiple objects"));
        if (stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("DROP INDEX CONCURRENTLY does not support CASCADE"));
    }
    for (size_t i = 0; i < stmt->n_objects; i++)
    {
        PgQuery__List *names = stmt->objects[i]->list;
        const char *schemaname = NULL;
        const char *name;
        Oid         indexid;
        Oid         relid;
        char        relkind;

        name = names->items[names->n_items - 1]->string->sval;
        if (names->n_items >= 2)
            schemaname = names->items[names->n_items - 2]->string->sval;
        if (schemaname != NULL && !OidIsValid(get_namespace_oid(schemaname, true)))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", schemaname));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", schemaname));
        }
        indexid = RangeVarGetRelidExtended(schemaname, name, NoLock, true);
        if (!OidIsValid(indexid))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE, errmsg("index \"%s\" does not exist, skipping", name));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("index \"%s\" does not exist", name));
        }
        relkind = get_rel_relkind(indexid);
        if (relkind != RELKIND_INDEX)
        {
            const char *hint = drop_hint(relkind);

            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is not an index", name),
                    hint ? errhint("%s", hint) : 0);
        }
        if (IsSystemNamespace(get_rel_namespace(indexid)))
            ereport(ERROR,
                    errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                    errmsg("permission denied: \"%s\" is a system catalog", name));
        /* the table first, then the index (PostgreSQL's order) */
        relid = IndexGetRelation(indexid);
        if (OidIsValid(relid))
            LockRelationOid(relid, AccessExclusiveLock);
        LockRelationOid(indexid, AccessExclusiveLock);
        AcceptInvalidationMessages();
        if (!list_member_oid(targets, indexid))
            targets = lappend_oid(targets, indexid);
    }

    /*
     * An index that a constraint owns goes only with the constraint, even
     * with CASCADE (an internal dependency in PostgreSQL).
     */
    foreach(lc, targets)
    {
        Oid         indexid = lfirst_oid(lc);
        char       *conname = GetConstraintNameOfIndex(indexid);

        if (conname != NULL)
        {
            char       *idxname = relation_name_for_message(indexid);
            char       *tabname = relation_name_for_message(IndexGetRelation(indexid));

            ereport(ERROR,
                    errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                    errmsg("cannot drop index %s because constraint %s on table %s requires it",
                           idxname, conname, tabname),
                    errhint("You can drop constraint %s on table %s instead.",
                            conname, tabname));
        }
    }
    foreach(lc, targets)
        index_drop(lfirst_oid(lc));
    if (targets != NIL)
        CommandCounterIncrement();
}

/* ---------------------------------------------------------------- rename */

void
RenameIndex(PgQuery__RenameStmt *stmt)
{
    PgQuery__RangeVar *rv = stmt->relation;
    Oid         indexid;
    Oid         relid;
    Oid         nspid;
    char       *conname;

    indexid = RangeVarGetRelidExtended(str_or_null(rv->schemaname), rv->relname, NoLock, true);
    if (!OidIsValid(indexid))
    {
        if (stmt->missing_ok)
        {
            ereport(NOTICE,
                    errmsg("relation \"%s\" does not exist, skipping", rv->relname));
            return;
        }
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("relation \"%s\" does not exist", rv->relname));
    }
    if (get_rel_relkind(indexid) != RELKIND_INDEX)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not an index", rv->relname));
    relid = IndexGetRelation(indexid);
    if (OidIsValid(relid))
        LockRelationOid(relid, AccessExclusiveLock);
    LockRelationOid(indexid, AccessExclusiveLock);
    AcceptInvalidationMessages();
    nspid = get_rel_namespace(indexid);
    if (OidIsValid(get_relname_relid(stmt->newname, nspid)))
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists", stmt->newname));
    {
        NameData   *nd = palloc0(sizeof(NameData));

        memcpy(NameStr(*nd), stmt->newname, strnlen(stmt->newname, NAMEDATALEN - 1));
        CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, indexid,
                           Anum_pg_class_relname, PointerGetDatum(nd));
    }
    /* the constraint an index implements is renamed with it */
    conname = GetConstraintNameOfIndex(indexid);
    if (conname != NULL)
        RenameConstraintOfIndex(indexid, stmt->newname);
    CacheInvalidateRelcache(indexid);
    if (OidIsValid(relid))
        CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- constraints */

void
IndexDefFromConstraint(IndexDef *def, PgQuery__Constraint *c, const char *colname,
                       const char *queryString)
{
    memset(def, 0, sizeof(IndexDef));
    if (c->deferrable || c->initdeferred)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("deferrable constraints are not supported yet"),
                errposition(query_position(queryString, c->location)));
    if (str_or_null(c->indexname))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("USING INDEX in constraints is not supported yet"),
                errposition(query_position(queryString, c->location)));
    if (c->n_including > 0 || c->n_options > 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("INCLUDE and WITH in constraints are not supported yet"),
                errposition(query_position(queryString, c->location)));
    if (str_or_null(c->indexspace) && strcmp(c->indexspace, "pg_default") != 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("tablespace \"%s\" does not exist", c->indexspace));
    def->idxname = str_or_null(c->conname);
    def->primary = (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY);
    def->unique = true;
    def->isconstraint = true;
    def->nulls_not_distinct = c->nulls_not_distinct;
    if (colname != NULL)
    {
        def->nkeys = 1;
        def->keys[0].colname = colname;
        def->keys[0].location = c->location;
        return;
    }
    if (c->n_keys > INDEX_MAX_KEYS)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_COLUMNS),
                errmsg("cannot use more than %d columns in an index", INDEX_MAX_KEYS));
    def->nkeys = (int) c->n_keys;
    for (size_t i = 0; i < c->n_keys; i++)
    {
        def->keys[i].colname = c->keys[i]->string->sval;
        def->keys[i].location = c->location;
    }
}

bool
IndexDefsEquivalent(const IndexDef *a, const IndexDef *b)
{
    if (a->nkeys != b->nkeys || a->nulls_not_distinct != b->nulls_not_distinct)
        return false;
    for (int i = 0; i < a->nkeys; i++)
        if (strcmp(a->keys[i].colname, b->keys[i].colname) != 0 ||
            a->keys[i].indoption != b->keys[i].indoption)
            return false;
    return true;
}

/* ---------------------------------------------------------------- REINDEX */

void
ExecReindex(PgQuery__ReindexStmt *stmt)
{
    PgQuery__RangeVar *rv = stmt->relation;
    Oid         relid;
    char        relkind;

    if (stmt->n_params > 0 ||
        (stmt->kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX &&
         stmt->kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE) || rv == NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("this form of REINDEX is not supported yet"));
    relid = RangeVarGetRelidExtended(str_or_null(rv->schemaname), rv->relname, NoLock, false);
    relkind = get_rel_relkind(relid);
    if (stmt->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX)
    {
        Oid         heapid;

        if (relkind != RELKIND_INDEX)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is not an index", rv->relname));
        /* ShareLock on the table (writers wait), the index rebuilt alone */
        heapid = IndexGetRelation(relid);
        LockRelationOid(heapid, ShareLock);
        LockRelationOid(relid, AccessExclusiveLock);
        AcceptInvalidationMessages();
        ReindexIndex(heapid, relid);
        return;
    }
    if (relkind != RELKIND_RELATION)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a table or materialized view", rv->relname));
    LockRelationOid(relid, ShareLock);
    AcceptInvalidationMessages();
    if (RelationGetIndexOids(relid) == NIL)
    {
        ereport(NOTICE,
                errmsg("table \"%s\" has no indexes to reindex", rv->relname));
        return;
    }
    ReindexRelation(relid);
}
