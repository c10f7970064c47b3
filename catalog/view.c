/*-------------------------------------------------------------------------
 * view.c
 *    Views: CREATE [OR REPLACE] VIEW, DROP VIEW, and the walk over the
 *    views that depend on a relation (PostgreSQL's commands/view.c,
 *    rewriteDefine.c and the relation part of dependency.c).
 *
 * Principal entry points:
 *    DefineView          CREATE [OR REPLACE] [TEMP] VIEW name [(cols)]
 *                        [WITH (options)] AS query [WITH CHECK OPTION]
 *    RemoveViews         DROP VIEW [IF EXISTS] name [, ...] [CASCADE|RESTRICT]
 *    GetViewQueryText    the stored SELECT, for the analyzer's expansion
 *    GetViewCheckOption  WITH CHECK OPTION, for DML through the view
 *    DropDependentViews  DROP's dependents of relations (catalog/dependency.c)
 *
 * Storage (DECISIONS.md 17): the view's query is kept as SQL text in
 * pg_rewrite.ev_action of its "_RETURN" rule -- libpg_query's deparse of
 * the raw SELECT, validated by analyzing it at CREATE time.  The analyzer
 * re-analyzes the text at each use, so names in it resolve through the
 * search path of the using session (PostgreSQL binds them at CREATE).
 * Dependencies: one pg_depend row per column the query reads directly
 * (of a table or a view), or per relation of which it reads no column;
 * objid = the view's pg_class OID (PostgreSQL uses the rule's OID).
 * A view on a temporary relation is temporary.  Options and the check
 * option are pg_class.reloptions, as PostgreSQL's.
 *
 * Locking: CREATE serializes on pg_class as CREATE TABLE does; DROP takes
 * AccessExclusiveLock on each view, and on each dependent view it drops.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parser.h"
#include <strings.h>
#include "backend/interrupts.h"
#include "backend/utils/stringinfo.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "catalog/view.h"
#include "planner/nodefuncs.h"
#include "planner/planner.h"
#include "procs/array.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

/* ---------------------------------------------------------------- text */

/*
 * Qualify the relation names of a raw query with the schema each resolves
 * to now, so that the stored text means the same relations whatever the
 * search path at use (PostgreSQL stores OIDs).  The raw tree is walked
 * generically through the protobuf descriptors.  Names that match a WITH
 * query of the statement, or resolve to nothing, are left alone.
 */
static bool
collect_cte_names(ProtobufCMessage *msg, void *arg)
{
    List      **names = arg;

    if (msg->descriptor == &pg_query__common_table_expr__descriptor)
        *names = lappend(*names, ((PgQuery__CommonTableExpr *) msg)->ctename);
    (void) raw_tree_children(msg, collect_cte_names, names);
    return false;
}

static bool
qualify_range_vars(ProtobufCMessage *msg, void *arg)
{
    List       *ctenames = arg;

    CHECK_FOR_INTERRUPTS();
    if (msg->descriptor == &pg_query__range_var__descriptor)
    {
        PgQuery__RangeVar *rv = (PgQuery__RangeVar *) msg;
        ListCell   *lc;
        bool        is_cte = false;

        if (rv->schemaname != NULL && rv->schemaname[0] != '\0')
            return false;
        foreach(lc, ctenames)
            is_cte |= strcmp((const char *) lfirst(lc), rv->relname) == 0;
        if (!is_cte)
        {
            Oid relid = RelnameGetRelid(rv->relname);

            if (OidIsValid(relid))
                rv->schemaname = get_namespace_name(get_rel_namespace(relid));
        }
        return false;
    }
    (void) raw_tree_children(msg, qualify_range_vars, ctenames);
    return false;
}

/* The raw SELECT as SQL text (libpg_query's deparser). */
static char *
deparse_raw_select(PgQuery__Node *query)
{
    PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
    PgQuery__RawStmt rawstmt = PG_QUERY__RAW_STMT__INIT;
    PgQuery__RawStmt *stmts[1];
    PgQueryProtobuf pb;
    PgQueryDeparseResult dr;
    size_t      size;
    char       *out;

    rawstmt.stmt = query;
    stmts[0] = &rawstmt;
    result.version = PG_VERSION_NUM;
    result.n_stmts = 1;
    result.stmts = stmts;
    size = pg_query__parse_result__get_packed_size(&result);
    pb.data = palloc(size + 1);
    pb.len = pg_query__parse_result__pack(&result, (uint8_t *) pb.data);
    dr = pg_query_deparse_protobuf(pb);
    if (dr.error != NULL)
    {
        char *msg = pstrdup(dr.error->message ? dr.error->message : "?");

        pg_query_free_deparse_result(dr);
        elog(ERROR, "could not deparse view query: %s", msg);
    }
    out = pstrdup(dr.query);
    pg_query_free_deparse_result(dr);
    return out;
}

char *
RelationDescription(Oid relid)
{
    const ClassInfo *c = lookup_class(relid);
    const char *kind;
    char       *name;

    if (c == NULL)
        return psprintf("relation %u", relid);
    switch (c->relkind)
    {
        case RELKIND_VIEW: kind = "view"; break;
        case RELKIND_SEQUENCE: kind = "sequence"; break;
        case RELKIND_INDEX: kind = "index"; break;
        default: kind = "table"; break;
    }
    if (RelationIsVisible(relid))
        name = pstrdup(quote_identifier(NameStr(c->relname)));
    else
        name = psprintf("%s.%s", quote_identifier(get_namespace_name(c->relnamespace)),
                        quote_identifier(NameStr(c->relname)));
    return psprintf("%s %s", kind, name);
}

/* ---------------------------------------------------------------- pg_rewrite */

static void
store_view_rule(Oid viewid, const char *sql)
{
    Relation    rel = table_open(RewriteRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_rewrite];
    bool        nulls[Natts_pg_rewrite];
    NameData    rulename;
    HeapTuple   tup;

    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    memset(&rulename, 0, sizeof(rulename));
    memcpy(NameStr(rulename), "_RETURN", sizeof("_RETURN"));
    values[Anum_pg_rewrite_oid - 1] = ObjectIdGetDatum(GetNewObjectId());
    values[Anum_pg_rewrite_rulename - 1] = PointerGetDatum(&rulename);
    values[Anum_pg_rewrite_ev_class - 1] = ObjectIdGetDatum(viewid);
    values[Anum_pg_rewrite_ev_type - 1] = CharGetDatum('1');
    values[Anum_pg_rewrite_ev_enabled - 1] = CharGetDatum('O');
    values[Anum_pg_rewrite_is_instead - 1] = BoolGetDatum(true);
    values[Anum_pg_rewrite_ev_qual - 1] = CStringGetTextDatum("<>");
    values[Anum_pg_rewrite_ev_action - 1] = CStringGetTextDatum(sql);
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

char *
GetViewQueryText(Oid relid)
{
    Relation    rel = table_open(RewriteRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    char       *result = NULL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_rewrite_ev_class, desc, &isnull)) != relid)
            continue;
        result = TextDatumGetCString(heap_getattr(tup, Anum_pg_rewrite_ev_action, desc, &isnull));
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    if (result == NULL)
        elog(ERROR, "could not find rule \"_RETURN\" of view %u", relid);
    return result;
}

/* ---------------------------------------------------------------- renames */

typedef struct RelationRename
{
    const char *schema;
    const char *oldname;
    const char *newname;
} RelationRename;

/*
 * A relation the stored text names schema.oldname is renamed newname: so
 * the text still means it.  The RangeVar gets the new name and, without
 * an alias, the old name as alias (column references may be qualified by
 * it).  Relation names in view text are always schema-qualified (CREATE
 * VIEW qualifies them), so an unqualified one is a WITH query's.  A
 * raw_tree_children visitor; arg is a RelationRename; true if any changed.
 */
static bool
rename_range_vars(ProtobufCMessage *msg, void *arg)
{
    const RelationRename *r = arg;

    if (msg->descriptor == &pg_query__range_var__descriptor)
    {
        PgQuery__RangeVar *rv = (PgQuery__RangeVar *) msg;

        if (rv->schemaname != NULL && strcmp(rv->schemaname, r->schema) == 0 &&
            strcmp(rv->relname, r->oldname) == 0)
        {
            rv->relname = pstrdup(r->newname);
            if (rv->alias == NULL)
            {
                rv->alias = palloc(sizeof(PgQuery__Alias));
                pg_query__alias__init(rv->alias);
                rv->alias->aliasname = pstrdup(r->oldname);
            }
            return true;
        }
        return false;
    }
    return raw_tree_children(msg, rename_range_vars, arg);
}

void
RenameRelationInViews(Oid relid, const char *oldname, const char *newname)
{
    List       *views = GetDependentViews(relid);
    RelationRename rename = {get_namespace_name(get_rel_namespace(relid)), oldname, newname};
    ListCell   *lc;

    foreach(lc, views)
    {
        Oid         viewid = lfirst_oid(lc);
        List       *raw = raw_parser(GetViewQueryText(viewid));
        RawStmt    *rs;

        if (list_length(raw) != 1)
            elog(ERROR, "invalid stored query of view %u", viewid);
        rs = linitial(raw);
        if (!rename_range_vars((ProtobufCMessage *) rs->stmt, &rename))
            continue;
        LockRelationOid(viewid, AccessExclusiveLock);
        CatalogUpdateField(RewriteRelationId, Anum_pg_rewrite_ev_class, viewid,
                           Anum_pg_rewrite_ev_action,
                           CStringGetTextDatum(deparse_raw_select(rs->stmt)));
        CacheInvalidateRelcache(viewid);
    }
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- pg_depend */

/* The views with a deptype 'n' pg_depend row on relid, in scan order. */
List *
GetDependentViews(Oid relid)
{
    Relation    rel = table_open(DependRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;
        Oid  objid;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_classid, desc, &isnull)) != RelationRelationId ||
            DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_refobjid, desc, &isnull)) != relid ||
            DatumGetChar(heap_getattr(tup, Anum_pg_depend_deptype, desc, &isnull)) != 'n')
            continue;
        objid = DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_objid, desc, &isnull));
        if (!list_member_oid(result, objid))
            result = lappend_oid(result, objid);
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

/*
 * What a view's query reads directly, as PostgreSQL's
 * find_expr_references_walker records it: each column (Var) of a table or
 * view in its range tables, and the whole relation for one of which it
 * uses no column (count(*)).  A view expanded in the query counts as the
 * view (its own reads are its own dependencies).
 */
typedef struct ViewRefs
{
    List       *rtables;        /* range tables, innermost first */
    List       *relids;         /* parallel to attnums: what is read */
    List       *attnums;
} ViewRefs;

static bool
relation_like_rte(RangeTblEntry *rte)
{
    return rte->rtekind == RTE_RELATION ||
        (rte->rtekind == RTE_SUBQUERY && rte->relkind == RELKIND_VIEW && OidIsValid(rte->relid));
}

static void
add_view_ref(ViewRefs *refs, Oid relid, int attnum)
{
    ListCell   *lc1,
               *lc2;

    forboth(lc1, refs->relids, lc2, refs->attnums)
        if (lfirst_oid(lc1) == relid && lfirst_int(lc2) == attnum)
            return;
    refs->relids = lappend_oid(refs->relids, relid);
    refs->attnums = lappend_int(refs->attnums, attnum);
}

static bool
collect_view_refs_walker(Node *node, void *context)
{
    ViewRefs   *refs = (ViewRefs *) context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;

        if ((int) var->varlevelsup < list_length(refs->rtables))
        {
            List       *rtable = list_nth(refs->rtables, (int) var->varlevelsup);

            if (var->varno >= 1 && var->varno <= list_length(rtable))
            {
                RangeTblEntry *rte = list_nth(rtable, var->varno - 1);

                if (relation_like_rte(rte))
                    add_view_ref(refs, rte->relid, var->varattno > 0 ? var->varattno : 0);
            }
        }
        return false;
    }
    if (IsA(node, Query))
    {
        Query      *q = (Query *) node;
        ListCell   *lc;
        bool        result;

        refs->rtables = lcons(q->rtable, refs->rtables);
        foreach(lc, q->rtable)
        {
            RangeTblEntry *rte = lfirst(lc);

            if (relation_like_rte(rte))
                add_view_ref(refs, rte->relid, 0);
            else if (rte->rtekind == RTE_SUBQUERY && rte->subquery != NULL)
                (void) collect_view_refs_walker((Node *) rte->subquery, context);
        }
        result = query_tree_walker(q, collect_view_refs_walker, context,
                                   QTW_IGNORE_RT_SUBQUERIES | QTW_IGNORE_JOINALIASES);
        refs->rtables = list_delete_nth_cell(refs->rtables, 0);
        return result;
    }
    return expression_tree_walker(node, collect_view_refs_walker, context);
}

/* pg_depend rows for what the view's query reads (PostgreSQL keeps column refs over whole ones). */
static void
record_view_dependencies(Oid viewid, Query *query)
{
    ViewRefs    refs;
    ObjectAddress self;
    ListCell   *lc1,
               *lc2;

    memset(&refs, 0, sizeof(refs));
    (void) collect_view_refs_walker((Node *) query, &refs);
    self.classId = RelationRelationId;
    self.objectId = viewid;
    self.objectSubId = 0;
    forboth(lc1, refs.relids, lc2, refs.attnums)
    {
        Oid         relid = lfirst_oid(lc1);
        int         attnum = lfirst_int(lc2);
        bool        has_columns = false;
        ListCell   *lc3,
                   *lc4;

        if (attnum == 0)
        {
            forboth(lc3, refs.relids, lc4, refs.attnums)
                has_columns |= (lfirst_oid(lc3) == relid && lfirst_int(lc4) != 0);
            if (has_columns)
                continue;
        }
        recordDependencyOnRelation(&self, relid, attnum, DEPENDENCY_NORMAL);
    }
}

/* Relations the view reads directly (for the self-reference check). */
static List *
view_referenced_relations(Query *query)
{
    ViewRefs    refs;

    memset(&refs, 0, sizeof(refs));
    (void) collect_view_refs_walker((Node *) query, &refs);
    return refs.relids;
}

/* ---------------------------------------------------------------- dropping */

void
DropViewInternal(Oid viewid)
{
    DeleteCatalogRowsByOid(RewriteRelationId, Anum_pg_rewrite_ev_class, viewid);
    heap_drop_with_catalog(viewid);
}

void
DropDependentViews(List *relids, bool cascade, const char *what)
{
    List       *targets = NIL;
    ListCell   *lc;

    (void) what;
    foreach(lc, relids)
    {
        ObjectAddress *a = palloc(sizeof(ObjectAddress));

        a->classId = RelationRelationId;
        a->objectId = lfirst_oid(lc);
        a->objectSubId = 0;
        targets = lappend(targets, a);
    }
    DropDependentObjects(targets, cascade);
}

/* ---------------------------------------------------------------- options */

/*
 * WITH (check_option = local|cascaded, security_barrier, security_invoker)
 * and WITH [LOCAL | CASCADED] CHECK OPTION, as pg_class.reloptions text[]
 * (PostgreSQL's view_reloptions), or 0.
 */
static Datum
view_reloptions(PgQuery__ViewStmt *stmt)
{
    Datum      *elems = palloc(sizeof(Datum) * (stmt->n_options + 1));
    int         n = 0;

    for (size_t i = 0; i < stmt->n_options; i++)
    {
        PgQuery__DefElem *d = stmt->options[i]->def_elem;
        PgQuery__Node *arg = d->arg;
        const char *value;

        if (arg == NULL)
            value = "true";
        else if (arg->node_case == PG_QUERY__NODE__NODE_STRING)
            value = arg->string->sval;
        else if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
            value = psprintf("%d", arg->integer->ival);
        else if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
            value = arg->boolean->boolval ? "true" : "false";
        else if (arg->node_case == PG_QUERY__NODE__NODE_FLOAT)
            value = arg->float_->fval;
        else if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_NAME && arg->type_name->n_names > 0 &&
                 arg->type_name->names[arg->type_name->n_names - 1]->node_case == PG_QUERY__NODE__NODE_STRING)
            value = arg->type_name->names[arg->type_name->n_names - 1]->string->sval;   /* a bare word */
        else
            value = "";
        if (d->defnamespace != NULL && d->defnamespace[0] != '\0')
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("unrecognized parameter namespace \"%s\"", d->defnamespace));
        if (strcmp(d->defname, "check_option") == 0)
        {
            if (strcasecmp(value, "local") != 0 && strcasecmp(value, "cascaded") != 0)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid value for enum option \"%s\": %s", d->defname, value),
                        errdetail("Valid values are \"local\" and \"cascaded\"."));
        }
        else if (strcmp(d->defname, "security_barrier") == 0 ||
                 strcmp(d->defname, "security_invoker") == 0)
        {
            static const char *const bools[] = {"true", "false", "on", "off", "yes", "no", "1", "0", "t", "f", "y", "n"};
            bool        ok = false;

            for (int k = 0; k < (int) lengthof(bools); k++)
                ok |= strcasecmp(value, bools[k]) == 0;
            if (!ok)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid value for boolean option \"%s\": %s", d->defname, value));
        }
        else
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("unrecognized parameter \"%s\"", d->defname));
        elems[n++] = CStringGetTextDatum(psprintf("%s=%s", d->defname, value));
    }
    if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION)
        elems[n++] = CStringGetTextDatum("check_option=local");
    else if (stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION)
        elems[n++] = CStringGetTextDatum("check_option=cascaded");
    if (n == 0)
        return (Datum) 0;
    return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, 'i'));
}

char
GetViewCheckOption(Oid viewid)
{
    Relation    rel = table_open(RelationRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    char        result = '\0';

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;
        Datum      *elems;
        int         n;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_class_oid, desc, &isnull)) != viewid)
            continue;
        d = heap_getattr(tup, Anum_pg_class_reloptions, desc, &isnull);
        if (!isnull)
        {
            deconstruct_array(DatumGetArrayTypeP(d), TEXTOID, -1, false, 'i',
                              &elems, NULL, &n);
            for (int i = 0; i < n; i++)
            {
                char       *opt = TextDatumGetCString(elems[i]);

                if (strncasecmp(opt, "check_option=", 13) == 0)
                    result = strcasecmp(opt + 13, "cascaded") == 0 ? 'c' : 'l';
            }
        }
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

/* ---------------------------------------------------------------- CREATE VIEW */

/* PostgreSQL's checkViewTupleDesc for CREATE OR REPLACE VIEW. */
static void
check_view_tupdesc(TupleDesc newdesc, TupleDesc olddesc)
{
    if (newdesc->natts < olddesc->natts)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("cannot drop columns from view"));
    for (int i = 0; i < olddesc->natts; i++)
    {
        Form_pg_attribute n = TupleDescAttr(newdesc, i);
        Form_pg_attribute o = TupleDescAttr(olddesc, i);

        if (o->attisdropped)
            continue;
        if (strcmp(NameStr(n->attname), NameStr(o->attname)) != 0)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("cannot change name of view column \"%s\" to \"%s\"",
                           NameStr(o->attname), NameStr(n->attname)),
                    errhint("Use ALTER VIEW ... RENAME COLUMN ... to change name of view column instead."));
        if (n->atttypid != o->atttypid || n->atttypmod != o->atttypmod)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("cannot change data type of view column \"%s\" from %s to %s",
                           NameStr(o->attname),
                           format_type_with_typemod(o->atttypid, o->atttypmod),
                           format_type_with_typemod(n->atttypid, n->atttypmod)));
    }
}

/* CREATE OR REPLACE VIEW with more columns: append them (PostgreSQL's AT_AddColumnToView). */
static void
add_view_columns(Oid viewid, TupleDesc newdesc, int oldnatts)
{
    for (int i = oldnatts; i < newdesc->natts; i++)
    {
        FormData_pg_attribute att = *TupleDescAttr(newdesc, i);

        att.attrelid = viewid;
        att.attnum = (int16) (i + 1);
        att.attnotnull = false;
        att.atthasdef = false;
        InsertPgAttributeTuple(&att, -1);
    }
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, viewid,
                       Anum_pg_class_relnatts, Int16GetDatum((int16) newdesc->natts));
    CacheInvalidateRelcache(viewid);
    CommandCounterIncrement();
}

void
DefineView(PgQuery__ViewStmt *stmt, const char *queryString)
{
    PgQuery__RangeVar *rv = stmt->view;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    RawStmt     rs;
    Query      *query;
    TupleDesc   qdesc;
    TupleDesc   desc;
    char       *sql;
    Oid         nspid;
    Oid         relid;
    List       *refs = NIL;
    ListCell   *lc;
    bool        temp = false;
    Datum       reloptions;

    if (rv->relpersistence && rv->relpersistence[0] == RELPERSISTENCE_TEMP)
        temp = true;
    if (rv->catalogname && rv->catalogname[0])
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cross-database references are not implemented: %s.%s.%s",
                       rv->catalogname, rv->schemaname, rv->relname));
    if (stmt->query->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
        stmt->query->select_stmt->into_clause != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("views must not contain SELECT INTO"));

    /* ---- analyze the query (PostgreSQL's DefineView -> parse_analyze) */
    rs.stmt = stmt->query;
    rs.stmt_location = 0;
    rs.stmt_len = 0;
    query = parse_analyze_fixedparams(&rs, queryString, NULL, 0);
    if (query->commandType != CMD_SELECT)
        elog(ERROR, "unexpected parse analysis result");
    if (query->hasModifyingCTE)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("views must not contain data-modifying statements in WITH"));
    qdesc = QueryResultTupleDesc(query);

    /* ---- WITH [CASCADED | LOCAL] CHECK OPTION needs an auto-updatable view */
    {
        bool        check_option = stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION ||
            stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION;

        for (size_t i = 0; i < stmt->n_options; i++)
            if (stmt->options[i]->node_case == PG_QUERY__NODE__NODE_DEF_ELEM &&
                strcmp(stmt->options[i]->def_elem->defname, "check_option") == 0)
                check_option = true;
        if (check_option)
        {
            const char *detail = view_query_not_updatable_detail(query);
            bool        anycol = false;
            ListCell   *lc2;

            if (detail == NULL)
            {
                /* view_cols_are_auto_updatable: some column is a plain base column */
                foreach(lc2, query->targetList)
                {
                    TargetEntry *tle = lfirst(lc2);

                    anycol |= !tle->resjunk && IsA(tle->expr, Var) &&
                        ((Var *) tle->expr)->varlevelsup == 0 && ((Var *) tle->expr)->varattno > 0;
                }
                if (!anycol)
                    detail = "Views that have no updatable columns are not automatically updatable.";
            }
            if (detail != NULL)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("WITH CHECK OPTION is supported only on automatically updatable views"),
                        errhint("%s", detail));
        }
    }

    /* ---- column names: the aliases replace the first N */
    if ((int) stmt->n_aliases > qdesc->natts)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("CREATE VIEW specifies more column names than columns"));
    desc = CreateTemplateTupleDesc(qdesc->natts);
    for (int i = 0; i < qdesc->natts; i++)
    {
        Form_pg_attribute a = TupleDescAttr(qdesc, i);
        const char *name = i < (int) stmt->n_aliases ?
            stmt->aliases[i]->string->sval : NameStr(a->attname);
        Oid         typid = a->atttypid;

        if (typid == UNKNOWNOID)
            typid = TEXTOID;    /* PostgreSQL 10+: unknown-type view columns are text */
        TupleDescInitEntry(desc, i + 1, name, typid, typid == a->atttypid ? a->atttypmod : -1, 0);
    }
    for (int i = 0; i < desc->natts; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(NameStr(TupleDescAttr(desc, i)->attname),
                       NameStr(TupleDescAttr(desc, j)->attname)) == 0)
                ereport(ERROR,
                        errcode(ERRCODE_DUPLICATE_COLUMN),
                        errmsg("column \"%s\" specified more than once",
                               NameStr(TupleDescAttr(desc, i)->attname)));
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        const TypeInfo *t = lookup_type(att->atttypid);

        if (t != NULL && t->typtype == 'p')
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("column \"%s\" has pseudo-type %s",
                           NameStr(att->attname), format_type_be(att->atttypid)));
    }

    {
        List *ctenames = NIL;

        (void) collect_cte_names((ProtobufCMessage *) stmt->query, &ctenames);
        (void) qualify_range_vars((ProtobufCMessage *) stmt->query, ctenames);
    }
    sql = deparse_raw_select(stmt->query);
    refs = view_referenced_relations(query);

    /* ---- a view on a temporary relation is temporary (isQueryUsingTempRelation) */
    if (schemaname != NULL && strcmp(schemaname, "pg_temp") == 0)
        temp = true;
    if (!temp)
        foreach(lc, refs)
        {
            const ClassInfo *c = lookup_class(lfirst_oid(lc));

            if (c != NULL && c->relpersistence == RELPERSISTENCE_TEMP)
            {
                temp = true;
                ereport(NOTICE,
                        errmsg("view \"%s\" will be a temporary view", rv->relname));
                break;
            }
        }

    reloptions = view_reloptions(stmt);

    /* ---- the schema and the name */
    if (temp)
    {
        if (schemaname != NULL && strcmp(schemaname, "pg_temp") != 0 &&
            !isTempNamespace(get_namespace_oid(schemaname, true)))
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("cannot create temporary relation in non-temporary schema"));
        nspid = GetTempNamespace();
    }
    else
        nspid = schemaname ? LookupExplicitNamespace(schemaname, false) : LookupCreationNamespace(NULL);
    if (IsSystemNamespace(nspid) && !allow_system_table_mods)
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied to create \"%s.%s\"",
                       get_namespace_name(nspid), rv->relname),
                errdetail("System catalog modifications are currently disallowed."));
    LockRelationOid(RelationRelationId, ShareUpdateExclusiveLock);
    AcceptInvalidationMessages();

    relid = get_relname_relid(rv->relname, nspid);
    if (OidIsValid(relid))
    {
        const ClassInfo *c = lookup_class(relid);
        Relation    old;

        if (!stmt->replace || c == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_TABLE),
                    errmsg("relation \"%s\" already exists", rv->relname));
        if (c->relkind != RELKIND_VIEW)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is not a view", rv->relname));
        LockRelationOid(relid, AccessExclusiveLock);
        AcceptInvalidationMessages();
        if (list_member_oid(refs, relid))
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
                    errmsg("infinite recursion detected in rules for relation \"%s\"",
                           rv->relname));
        old = relation_open(relid, NoLock);
        check_view_tupdesc(desc, RelationGetDescr(old));
        if (desc->natts > RelationGetNumberOfAttributes(old))
            add_view_columns(relid, desc, RelationGetNumberOfAttributes(old));
        relation_close(old, NoLock);
        DeleteCatalogRowsByOid(RewriteRelationId, Anum_pg_rewrite_ev_class, relid);
        /* its own dependencies (objid = the view) go; dependents stay */
        deleteDependencyRecordsFor(RelationRelationId, relid);
        CacheInvalidateRelcache(relid);
    }
    else
    {
        if (lookup_type_by_name(nspid, rv->relname) != NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_OBJECT),
                    errmsg("type \"%s\" already exists", rv->relname),
                    errhint("A relation has an associated type of the same name, "
                            "so you must use a name that doesn't conflict "
                            "with any existing type."));
        relid = heap_create_with_catalog(rv->relname, nspid, desc, RELKIND_VIEW,
                                         temp ? RELPERSISTENCE_TEMP : RELPERSISTENCE_PERMANENT,
                                         reloptions);
    }
    CommandCounterIncrement();
    store_view_rule(relid, sql);
    record_view_dependencies(relid, query);
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- DROP VIEW */

void
RemoveViews(PgQuery__DropStmt *stmt)
{
    List       *relids = NIL;
    ListCell   *lc;

    for (size_t i = 0; i < stmt->n_objects; i++)
    {
        PgQuery__List *names = stmt->objects[i]->list;
        const char *relname = names->items[names->n_items - 1]->string->sval;
        const char *schemaname = names->n_items >= 2 ?
            names->items[names->n_items - 2]->string->sval : NULL;
        const ClassInfo *c;
        Oid         relid;

        if (names->n_items > 2)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("cross-database references are not implemented"));
        if (schemaname != NULL && !OidIsValid(get_namespace_oid(schemaname, true)))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE,
                        errmsg("schema \"%s\" does not exist, skipping", schemaname));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", schemaname));
        }
        relid = RangeVarGetRelidExtended(schemaname, relname, AccessExclusiveLock, true);
        if (!OidIsValid(relid))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE,
                        errmsg("view \"%s\" does not exist, skipping", relname));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("view \"%s\" does not exist", relname));
        }
        c = lookup_class(relid);
        if (c != NULL && c->relkind != RELKIND_VIEW)
        {
            const char *hint = c->relkind == RELKIND_RELATION ? "Use DROP TABLE to remove a table." :
                c->relkind == RELKIND_SEQUENCE ? "Use DROP SEQUENCE to remove a sequence." :
                c->relkind == RELKIND_INDEX ? "Use DROP INDEX to remove an index." : NULL;

            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is not a view", relname),
                    hint ? errhint("%s", hint) : 0);
        }
        if (IsSystemNamespace(c->relnamespace))
            ereport(ERROR,
                    errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                    errmsg("permission denied: \"%s\" is a system catalog", relname));
        if (!list_member_oid(relids, relid))
            relids = lappend_oid(relids, relid);
    }
    if (relids == NIL)
        return;
    DropDependentViews(relids, stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE,
                       RelationDescription(linitial_oid(relids)));
    foreach(lc, relids)
    {
        DropViewInternal(lfirst_oid(lc));
        CommandCounterIncrement();
    }
}
