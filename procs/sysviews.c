/*-------------------------------------------------------------------------
 * sysviews.c
 *    SQL-callable functions that the system views (catalog/system_views.sql)
 *    are built on: temp-schema tests (pg_my_temp_schema,
 *    pg_is_other_temp_schema), updatability (pg_relation_is_updatable,
 *    pg_column_is_updatable), pg_get_viewdef, the search-path inquiries
 *    current_schema / current_schemas, nameconcatoid (specific_name), the
 *    encoding names psql's \l asks for, and the publication and statistics
 *    object inquiries psql's \d sends (PostgreSQL's namespace.c, misc.c,
 *    name.c, mbutils.c and ruleutils.c entry points of the same prosrc
 *    names).
 *
 * Updatability follows PostgreSQL's answer for what Basalt stores: tables
 * accept INSERT, UPDATE and DELETE; a view does when it is automatically
 * updatable (planner/parse_view.c's view_not_updatable_detail, the rule
 * the executor applies).  The bit values are PostgreSQL's: 1 << CmdType,
 * UPDATE 2, INSERT 3, DELETE 4 (so 28 for all three).  Not modelled:
 * a simple view none of whose columns is a plain column reference
 * (PostgreSQL: DELETE only) -- it reports all three.
 *
 * pg_get_viewdef returns the view's stored SQL text (docs/DECISIONS.md
 * 17), not PostgreSQL's re-deparse of the rule's node tree: the query is
 * the same, the layout and parenthesization are not.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/guc.h"
#include "catalog/catalog.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "catalog/view.h"
#include "planner/parse_node.h"
#include "procs/array.h"
#include "procs/builtins.h"
#include "catalog/pg_type_oids.h"
#include "procs/fmgr.h"
#include "storage/lmgr.h"
#include "storage/rel.h"

#define UPDATABLE_ALL_EVENTS  ((1 << 2) | (1 << 3) | (1 << 4))  /* UPDATE, INSERT, DELETE */

/* pg_my_temp_schema(): this session's pg_temp_N, or 0 if it has none yet */
Datum
pg_my_temp_schema(PG_FUNCTION_ARGS)
{
    PG_RETURN_OID(MyTempNamespace());
}

/* pg_is_other_temp_schema(oid): a pg_temp_N of another session? */
Datum
pg_is_other_temp_schema(PG_FUNCTION_ARGS)
{
    Oid         nspid = PG_GETARG_OID(0);

    PG_RETURN_BOOL(isAnyTempNamespace(nspid) && !isTempNamespace(nspid));
}

/* The events relid accepts (bit 1 << CmdType); 0 for a missing relation. */
static int
relation_updatable_events(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);
    Relation    rel;
    int         events = 0;

    if (c == NULL)
        return 0;
    if (c->relkind == RELKIND_RELATION || c->relkind == 'p')
        return UPDATABLE_ALL_EVENTS;
    if (c->relkind != RELKIND_VIEW)
        return 0;
    rel = try_relation_open(relid, AccessShareLock);
    if (rel == NULL)
        return 0;
    if (view_not_updatable_detail(rel) == NULL)
        events = UPDATABLE_ALL_EVENTS;
    relation_close(rel, AccessShareLock);
    return events;
}

/* pg_relation_is_updatable(regclass, include_triggers bool) returns int4 */
Datum
pg_relation_is_updatable(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(relation_updatable_events(PG_GETARG_OID(0)));
}

/* pg_column_is_updatable(regclass, attnum int2, include_triggers bool) */
Datum
pg_column_is_updatable(PG_FUNCTION_ARGS)
{
    Oid         relid = PG_GETARG_OID(0);
    int16       attnum = PG_GETARG_INT16(1);

    /* system columns are never updatable */
    if (attnum <= 0)
        PG_RETURN_BOOL(false);
    PG_RETURN_BOOL((relation_updatable_events(relid) & (1 << 2)) != 0);
}

static Datum
viewdef_text(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);

    if (c == NULL || c->relkind != RELKIND_VIEW)
        return (Datum) 0;
    return PointerGetDatum(cstring_to_text(GetViewQueryText(relid)));
}

/* pg_get_viewdef(oid) and pg_get_viewdef(oid, pretty bool): NULL if no view */
Datum
pg_get_viewdef(PG_FUNCTION_ARGS)
{
    Datum       d = viewdef_text(PG_GETARG_OID(0));

    if (d == (Datum) 0)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(d);
}

Datum
pg_get_viewdef_ext(PG_FUNCTION_ARGS)
{
    Datum       d = viewdef_text(PG_GETARG_OID(0));

    if (d == (Datum) 0)
        PG_RETURN_NULL();
    PG_RETURN_DATUM(d);
}

/*
 * pg_relation_is_publishable(regclass): could the table be in a
 * publication?  PostgreSQL's is_publishable_class: a permanent table
 * (plain or partitioned) created by the user, outside pg_catalog and
 * information_schema.
 */
Datum
pg_relation_is_publishable(PG_FUNCTION_ARGS)
{
    const ClassInfo *c = lookup_class(PG_GETARG_OID(0));

    if (c == NULL)
        PG_RETURN_NULL();
    PG_RETURN_BOOL((c->relkind == RELKIND_RELATION || c->relkind == 'p') &&
                   c->relpersistence == RELPERSISTENCE_PERMANENT &&
                   !IsSystemNamespace(c->relnamespace) &&
                   c->oid >= FirstNormalObjectId);
}

/*
 * pg_get_statisticsobjdef_columns(oid): the columns of an extended
 * statistics object.  Basalt has no CREATE STATISTICS, so pg_statistic_ext
 * is empty and every OID is "no such object": NULL, as PostgreSQL returns.
 */
Datum
pg_get_statisticsobjdef_columns(PG_FUNCTION_ARGS)
{
    PG_RETURN_NULL();
}

/* current_schema(): the first schema of the search path that exists, or NULL */
Datum
current_schema(PG_FUNCTION_ARGS)
{
    List       *path = fetch_search_path(false);
    NameData   *result;

    if (path == NIL)
        PG_RETURN_NULL();
    result = (NameData *) palloc0(NAMEDATALEN);
    snprintf(NameStr(*result), NAMEDATALEN, "%s", get_namespace_name(linitial_oid(path)));
    PG_RETURN_NAME(result);
}

/*
 * current_schemas(include_implicit bool): the effective search path as
 * name[]; with true, also the schemas searched implicitly (pg_catalog,
 * this session's pg_temp_N) where they are searched.
 */
Datum
current_schemas(PG_FUNCTION_ARGS)
{
    List       *path = fetch_search_path(PG_GETARG_BOOL(0));
    Datum      *names = palloc(sizeof(Datum) * (Size) Max(list_length(path), 1));
    int         n = 0;
    ListCell   *lc;

    foreach(lc, path)
    {
        NameData   *name = (NameData *) palloc0(NAMEDATALEN);

        snprintf(NameStr(*name), NAMEDATALEN, "%s", get_namespace_name(lfirst_oid(lc)));
        names[n++] = PointerGetDatum(name);
    }
    PG_RETURN_POINTER(construct_array(names, n, NAMEOID, NAMEDATALEN, false, 'c'));
}

/* pg_encoding_to_char(int4) returns name: "" for an unknown id, as PostgreSQL */
Datum
PG_encoding_to_char(PG_FUNCTION_ARGS)
{
    const char *name = pg_encoding_name_by_id(PG_GETARG_INT32(0));
    NameData   *result = (NameData *) palloc0(NAMEDATALEN);

    snprintf(NameStr(*result), NAMEDATALEN, "%s", name ? name : "");
    PG_RETURN_NAME(result);
}

/* pg_char_to_encoding(name) returns int4: -1 for an unknown name */
Datum
PG_char_to_encoding(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(pg_encoding_id_by_name(NameStr(*PG_GETARG_NAME(0))));
}

/*
 * nameconcatoid(name, oid) returns name: "name_oid", the name part cut
 * (at a character boundary) so that the suffix always fits in NAMEDATALEN
 * (information_schema's specific_name).
 */
Datum
nameconcatoid(PG_FUNCTION_ARGS)
{
    const char *nam = NameStr(*PG_GETARG_NAME(0));
    Oid         oid = PG_GETARG_OID(1);
    char        suffix[20];
    int         suflen = snprintf(suffix, sizeof(suffix), "_%u", oid);
    int         namlen = (int) strlen(nam);
    NameData   *result = (NameData *) palloc0(NAMEDATALEN);

    if (namlen + suflen >= NAMEDATALEN)
    {
        namlen = NAMEDATALEN - 1 - suflen;
        while (namlen > 0 && ((unsigned char) nam[namlen] & 0xC0) == 0x80)
            namlen--;
    }
    memcpy(NameStr(*result), nam, (size_t) namlen);
    memcpy(NameStr(*result) + namlen, suffix, (size_t) suflen);
    PG_RETURN_NAME(result);
}
