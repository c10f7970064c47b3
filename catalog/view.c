/*-------------------------------------------------------------------------
 * view.c
 *    Views: CREATE [OR REPLACE] VIEW, DROP VIEW, and the walk over the
 *    views that depend on a relation (PostgreSQL's commands/view.c,
 *    rewriteDefine.c and the relation part of dependency.c).
 *
 * Principal entry points:
 *    DefineView          CREATE [OR REPLACE] VIEW name [(cols)] AS query
 *    RemoveViews         DROP VIEW [IF EXISTS] name [, ...] [CASCADE|RESTRICT]
 *    GetViewQueryText    the stored SELECT, for the analyzer's expansion
 *    DropDependentViews  what DROP TABLE / VIEW / SCHEMA do about views
 *
 * Storage (DECISIONS.md 17): the view's query is kept as SQL text in
 * pg_rewrite.ev_action of its "_RETURN" rule -- libpg_query's deparse of
 * the raw SELECT, validated by analyzing it at CREATE time.  The analyzer
 * re-analyzes the text at each use, so names in it resolve through the
 * search path of the using session (PostgreSQL binds them at CREATE).
 * Dependencies: one pg_depend row per relation (table or view) the
 * query reads directly, objid = the view's pg_class OID (PostgreSQL uses
 * the rule's OID and per-column rows; the walk is the same).
 *
 * Locking: CREATE serializes on pg_class as CREATE TABLE does; DROP takes
 * AccessExclusiveLock on each view, and on each dependent view it drops.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "backend/utils/stringinfo.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
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
static void
collect_cte_names(const ProtobufCMessage *msg, List **names)
{
    const ProtobufCMessageDescriptor *d = msg->descriptor;

    if (d == &pg_query__common_table_expr__descriptor)
        *names = lappend(*names, ((const PgQuery__CommonTableExpr *) msg)->ctename);
    for (unsigned i = 0; i < d->n_fields; i++)
    {
        const ProtobufCFieldDescriptor *f = &d->fields[i];

        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        /* a oneof (PgQuery__Node): only the member that is set */
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *(const uint32_t *) ((const char *) msg + f->quantifier_offset) != f->id)
            continue;
        if (f->label == PROTOBUF_C_LABEL_REPEATED)
        {
            size_t n = *(const size_t *) ((const char *) msg + f->quantifier_offset);
            ProtobufCMessage *const *arr = *(ProtobufCMessage *const **) ((const char *) msg + f->offset);

            for (size_t k = 0; k < n; k++)
                if (arr[k] != NULL)
                    collect_cte_names(arr[k], names);
        }
        else
        {
            const ProtobufCMessage *sub = *(ProtobufCMessage *const *) ((const char *) msg + f->offset);

            if (sub != NULL)
                collect_cte_names(sub, names);
        }
    }
}

static void
qualify_range_vars(ProtobufCMessage *msg, List *ctenames)
{
    const ProtobufCMessageDescriptor *d = msg->descriptor;

    CHECK_FOR_INTERRUPTS();
    if (d == &pg_query__range_var__descriptor)
    {
        PgQuery__RangeVar *rv = (PgQuery__RangeVar *) msg;
        ListCell   *lc;
        bool        is_cte = false;

        if (rv->schemaname != NULL && rv->schemaname[0] != '\0')
            return;
        foreach(lc, ctenames)
            is_cte |= strcmp((const char *) lfirst(lc), rv->relname) == 0;
        if (!is_cte)
        {
            Oid relid = RelnameGetRelid(rv->relname);

            if (OidIsValid(relid))
                rv->schemaname = get_namespace_name(get_rel_namespace(relid));
        }
        return;
    }
    for (unsigned i = 0; i < d->n_fields; i++)
    {
        const ProtobufCFieldDescriptor *f = &d->fields[i];

        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        /* a oneof (PgQuery__Node): only the member that is set */
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *(const uint32_t *) ((const char *) msg + f->quantifier_offset) != f->id)
            continue;
        if (f->label == PROTOBUF_C_LABEL_REPEATED)
        {
            size_t n = *(const size_t *) ((const char *) msg + f->quantifier_offset);
            ProtobufCMessage **arr = *(ProtobufCMessage ***) ((char *) msg + f->offset);

            for (size_t k = 0; k < n; k++)
                if (arr[k] != NULL)
                    qualify_range_vars(arr[k], ctenames);
        }
        else
        {
            ProtobufCMessage *sub = *(ProtobufCMessage **) ((char *) msg + f->offset);

            if (sub != NULL)
                qualify_range_vars(sub, ctenames);
        }
    }
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

/* ---------------------------------------------------------------- pg_depend */

static void
record_view_dependency(Oid viewid, Oid refid)
{
    Relation    rel = table_open(DependRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_depend];
    bool        nulls[Natts_pg_depend];
    HeapTuple   tup;

    memset(values, 0, sizeof(values));
    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_depend_classid - 1] = ObjectIdGetDatum(RelationRelationId);
    values[Anum_pg_depend_objid - 1] = ObjectIdGetDatum(viewid);
    values[Anum_pg_depend_objsubid - 1] = Int32GetDatum(0);
    values[Anum_pg_depend_refclassid - 1] = ObjectIdGetDatum(RelationRelationId);
    values[Anum_pg_depend_refobjid - 1] = ObjectIdGetDatum(refid);
    values[Anum_pg_depend_refobjsubid - 1] = Int32GetDatum(0);
    values[Anum_pg_depend_deptype - 1] = CharGetDatum('n');
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

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

/* Relations a query reads directly (a view expanded in it counts as the view). */
static bool
collect_relations_walker(Node *node, void *context)
{
    List      **rels = (List **) context;

    if (node == NULL)
        return false;
    if (IsA(node, Query))
    {
        Query      *q = (Query *) node;
        ListCell   *lc;

        foreach(lc, q->rtable)
        {
            RangeTblEntry *rte = lfirst(lc);

            if (rte->rtekind == RTE_RELATION ||
                (rte->rtekind == RTE_SUBQUERY && rte->relkind == RELKIND_VIEW &&
                 OidIsValid(rte->relid)))
            {
                if (!list_member_oid(*rels, rte->relid))
                    *rels = lappend_oid(*rels, rte->relid);
            }
            else if (rte->rtekind == RTE_SUBQUERY)
                (void) collect_relations_walker((Node *) rte->subquery, context);
        }
        return query_tree_walker(q, collect_relations_walker, context, QTW_IGNORE_RT_SUBQUERIES);
    }
    return expression_tree_walker(node, collect_relations_walker, context);
}

/* ---------------------------------------------------------------- dropping */

typedef struct DepWalk
{
    List       *found;          /* view OIDs, discovery order */
    StringInfoData detail;      /* "view v depends on table t" lines */
    int         nlines;
} DepWalk;

/*
 * Depth first, in pg_depend order, as PostgreSQL reports them; a view
 * that depends directly on one of the relations being dropped is reported
 * as depending on that one rather than on the view it was reached through.
 */
static void
walk_dependents(Oid relid, List *dropping, DepWalk *w)
{
    List       *deps = GetDependentViews(relid);
    ListCell   *lc;

    foreach(lc, deps)
    {
        Oid         viewid = lfirst_oid(lc);
        Oid         reason = relid;
        ListCell   *lc2;

        CHECK_FOR_INTERRUPTS();
        if (list_member_oid(w->found, viewid) || list_member_oid(dropping, viewid))
            continue;
        foreach(lc2, dropping)
            if (list_member_oid(GetDependentViews(lfirst_oid(lc2)), viewid))
            {
                reason = lfirst_oid(lc2);
                break;
            }
        w->found = lappend_oid(w->found, viewid);
        if (w->nlines++ > 0)
            appendStringInfoChar(&w->detail, '\n');
        appendStringInfo(&w->detail, "%s depends on %s",
                         RelationDescription(viewid), RelationDescription(reason));
        walk_dependents(viewid, dropping, w);
    }
}

void
DropViewInternal(Oid viewid)
{
    DeleteCatalogRowsByOid(RewriteRelationId, Anum_pg_rewrite_ev_class, viewid);
    heap_drop_with_catalog(viewid);
}

void
DropDependentViews(List *relids, bool cascade, const char *what)
{
    DepWalk     w;
    ListCell   *lc;

    memset(&w, 0, sizeof(w));
    initStringInfo(&w.detail);
    foreach(lc, relids)
        walk_dependents(lfirst_oid(lc), relids, &w);
    if (w.found == NIL)
        return;
    if (!cascade)
        ereport(ERROR,
                errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                errmsg("cannot drop %s because other objects depend on it", what),
                errdetail("%s", w.detail.data),
                errhint("Use DROP ... CASCADE to drop the dependent objects too."));
    if (list_length(w.found) == 1)
        ereport(NOTICE,
                errmsg("drop cascades to %s", RelationDescription(linitial_oid(w.found))));
    else
    {
        StringInfoData buf;

        initStringInfo(&buf);
        foreach(lc, w.found)
            appendStringInfo(&buf, "%sdrop cascades to %s", buf.len ? "\n" : "",
                             RelationDescription(lfirst_oid(lc)));
        ereport(NOTICE,
                errmsg("drop cascades to %d other objects", list_length(w.found)),
                errdetail("%s", buf.data));
    }
    /* the last found depends on the earlier ones: drop in reverse */
    for (int i = list_length(w.found) - 1; i >= 0; i--)
    {
        Oid viewid = list_nth_oid(w.found, i);

        LockRelationOid(viewid, AccessExclusiveLock);
        DropViewInternal(viewid);
        CommandCounterIncrement();
    }
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
    if (newdesc->natts > olddesc->natts)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("adding columns with CREATE OR REPLACE VIEW is not supported yet"));
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

    if (rv->relpersistence && rv->relpersistence[0] == RELPERSISTENCE_TEMP)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("temporary views are not supported yet"));
    if (rv->catalogname && rv->catalogname[0])
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cross-database references are not implemented: %s.%s.%s",
                       rv->catalogname, rv->schemaname, rv->relname));
    if (stmt->n_options > 0 ||
        stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__LOCAL_CHECK_OPTION ||
        stmt->with_check_option == PG_QUERY__VIEW_CHECK_OPTION__CASCADED_CHECK_OPTION)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("view options and WITH CHECK OPTION are not supported yet"));
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

        collect_cte_names((ProtobufCMessage *) stmt->query, &ctenames);
        qualify_range_vars((ProtobufCMessage *) stmt->query, ctenames);
    }
    sql = deparse_raw_select(stmt->query);
    (void) collect_relations_walker((Node *) query, &refs);

    /* ---- the schema and the name */
    nspid = schemaname ? LookupExplicitNamespace(schemaname, false) : LookupCreationNamespace(NULL);
    if (IsSystemNamespace(nspid))
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
        relation_close(old, NoLock);
        DeleteCatalogRowsByOid(RewriteRelationId, Anum_pg_rewrite_ev_class, relid);
        /* its own dependencies (objid = the view) go; dependents stay */
        {
            List *dependents = GetDependentViews(relid);

            DeleteDependenciesOf(relid);
            foreach(lc, dependents)
                record_view_dependency(lfirst_oid(lc), relid);
        }
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
                                         RELPERSISTENCE_PERMANENT, (Datum) 0);
    }
    CommandCounterIncrement();
    store_view_rule(relid, sql);
    foreach(lc, refs)
        record_view_dependency(relid, lfirst_oid(lc));
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
