/*-------------------------------------------------------------------------
 * rename.c
 *    ALTER TABLE / VIEW ... RENAME TO, and RENAME [COLUMN] ... TO
 *    (PostgreSQL's RenameRelation and renameatt, commands/tablecmds.c).
 *
 * Principal entry point:
 *    ExecRenameStmt
 *
 * Renaming a relation rewrites pg_class.relname and the names of its row
 * type and array type; renaming a column rewrites pg_attribute.attname.
 * Views store their query as SQL text (DECISIONS.md 17): renaming a
 * relation rewrites the text of the views that read it
 * (RenameRelationInViews), renaming a sequence the column defaults that
 * name it (sequence.c); a column that a view reads cannot be renamed yet
 * (0A000) -- the view's text would stop meaning it.  Other renames are
 * refused with 0A000 too.
 *
 * Locking: AccessExclusiveLock on the relation, to end of transaction.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
#include "catalog/rename.h"
#include "catalog/sinval.h"
#include "catalog/view.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

static Datum
name_value(const char *s)
{
    NameData   *n = palloc0(sizeof(NameData));

    memcpy(NameStr(*n), s, strnlen(s, NAMEDATALEN - 1));
    return PointerGetDatum(n);
}

static void
refuse_if_views_depend(Oid relid, const char *what)
{
    if (GetDependentViews(relid) != NIL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot rename %s of \"%s\" while views depend on it (not supported yet)",
                       what, get_rel_name(relid)));
}

static void
rename_relation(Oid relid, const char *oldname, const char *newname)
{
    const ClassInfo *c = lookup_class(relid);
    Oid         nspid = c->relnamespace;
    Oid         reltype = c->reltype;

    if (OidIsValid(get_relname_relid(newname, nspid)))
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists", newname));
    if (lookup_type_by_name(nspid, newname) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("type \"%s\" already exists", newname));
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                         Anum_pg_class_relname, name_value(newname));
    if (OidIsValid(reltype))
    {
        const TypeInfo *t = lookup_type(reltype);
        Oid         arraytype = t ? t->typarray : InvalidOid;

        CatalogUpdateField(TypeRelationId, Anum_pg_type_oid, reltype,
                             Anum_pg_type_typname, name_value(newname));
        if (OidIsValid(arraytype))
        {
            char *arr = psprintf("_%s", newname);

            if (strlen(arr) >= NAMEDATALEN)
                arr[NAMEDATALEN - 1] = '\0';
            CatalogUpdateField(TypeRelationId, Anum_pg_type_oid, arraytype,
                                 Anum_pg_type_typname, name_value(arr));
        }
    }
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
    /* views name it in their SQL text: they are rewritten to the new name */
    RenameRelationInViews(relid, oldname, newname);
}

static void
rename_column(Oid relid, const char *oldcol, const char *newcol)
{
    Relation    rel = relation_open(relid, NoLock);
    int         attnum;

    if (SystemAttributeByName(oldcol) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot rename system column \"%s\"", oldcol));
    attnum = RelationGetAttnum(rel, oldcol);
    if (attnum <= 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("column \"%s\" does not exist", oldcol));
    if (SystemAttributeByName(newcol) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_COLUMN),
                errmsg("column name \"%s\" conflicts with a system column name", newcol));
    if (RelationGetAttnum(rel, newcol) > 0)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" already exists",
                       newcol, RelationGetRelationName(rel)));
    relation_close(rel, NoLock);
    /* a view reading this column names it in its SQL text (DECISIONS.md 17) */
    if (getDependentRows(RelationRelationId, relid, attnum, DEPENDENCY_NORMAL) != NIL)
        refuse_if_views_depend(relid, "a column");
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attname, name_value(newcol));
    /* CHECK constraints name the column in their SQL text (DECISIONS.md 13) */
    RenameColumnInCheckConstraints(relid, oldcol, newcol);
}

void
ExecRenameStmt(PgQuery__RenameStmt *stmt)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *schemaname;
    bool        want_view;
    Oid         relid;
    const ClassInfo *c;

    if (rv == NULL ||
        (stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE &&
         stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_VIEW &&
         stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE &&
         stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("this form of RENAME is not supported yet"));
    schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    want_view = stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
        (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN &&
         stmt->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW);

    relid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessExclusiveLock,
                                     stmt->missing_ok);
    if (!OidIsValid(relid))
    {
        ereport(NOTICE,
                errmsg("relation \"%s\" does not exist, skipping", rv->relname));
        return;
    }
    c = lookup_class(relid);
    if (c == NULL)
        elog(ERROR, "cache lookup failed for relation %u", relid);
    if (want_view && c->relkind != RELKIND_VIEW)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a view", rv->relname));
    if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE && c->relkind != RELKIND_SEQUENCE)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a sequence", rv->relname));

    if (c->relkind != RELKIND_RELATION && c->relkind != RELKIND_VIEW &&
        !(c->relkind == RELKIND_SEQUENCE && stmt->rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN))
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a table, view, materialized view, composite type, index, or foreign table",
                       rv->relname));
    if (IsCatalogRelationOid(relid) || IsSystemNamespace(c->relnamespace))
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", rv->relname));

    if (stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN)
        rename_column(relid, stmt->subname, stmt->newname);
    else if (c->relkind == RELKIND_SEQUENCE)
    {
        /* column defaults name their sequence in SQL text (DECISIONS.md 13) */
        List       *defaults = SequenceDefaultsForRename(relid, stmt->newname);

        rename_relation(relid, rv->relname, stmt->newname);
        StoreSequenceDefaults(defaults);
    }
    else
        rename_relation(relid, rv->relname, stmt->newname);
}
