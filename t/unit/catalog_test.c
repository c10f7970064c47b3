/*-------------------------------------------------------------------------
 * catalog_test.c
 *    Unit tests (TAP) for the catalog module: bootstrap of the system
 *    catalogs, the catalog caches and their bound, lsyscache lookups
 *    (typcache, format_type, overload lists), the search path, the
 *    relation cache and its bound, CREATE/DROP TABLE with commit and
 *    rollback, and invalidation between processes through the shared
 *    ring, including a reader that falls behind (reset).
 *
 * The test is a standalone "backend": it creates shared memory and a data
 * directory, takes a proc array slot, bootstraps the catalogs and then
 * drives transactions itself.  Cross-process behaviour uses fork()ed
 * children, which inherit the segment and the backend state (a child
 * takes its own proc array slot).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "catalog/bootstrap_data.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "catalog/syscache.h"
#include "catalog/tablecmds.h"
#include "planner/parser.h"
#include "storage/heapam.h"
#include "storage/procarray.h"
#include "storage/shmem.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

#include <stdarg.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

static bool
ok(bool cond, const char *fmt, ...)
{
    va_list     ap;

    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

static char err_message[512];
static char err_hint[512];
static int  err_position;

/* NOTICEs reach the "client" here. */
static int  last_notice_code = -1;
static char last_notice[512];

static void
capture_notice(ErrorData *edata)
{
    if (edata->elevel >= ERROR)
        return;
    last_notice_code = edata->sqlerrcode;
    snprintf(last_notice, sizeof last_notice, "%s", edata->message ? edata->message : "");
}

static void
reset_notice(void)
{
    last_notice_code = -1;
    last_notice[0] = '\0';
}

static const char *
sqlstate(int code)
{
    static char buf[6];

    return code ? unpack_sql_state(code, buf) : "none";
}

/* ================================================================ running SQL */

/* CREATE TABLE / DROP TABLE statements of sql, in the current transaction. */
static void
exec_ddl(const char *sql)
{
    List     *stmts = raw_parser(sql);
    ListCell *lc;

    foreach(lc, stmts)
    {
        RawStmt *raw = lfirst(lc);

        switch (raw->stmt->node_case)
        {
            case PG_QUERY__NODE__NODE_CREATE_STMT:
                DefineRelation(raw->stmt->create_stmt, sql);
                break;
            case PG_QUERY__NODE__NODE_DROP_STMT:
                RemoveRelations(raw->stmt->drop_stmt);
                break;
            default:
                elog(ERROR, "catalog_test: unsupported statement");
        }
    }
}

/*
 * Run sql in a transaction of its own; commit (or roll back if !commit).
 * Returns the SQLSTATE of an ERROR (then the transaction is aborted), 0 if none.
 */
static int
run_sql_x(const char *sql, bool commit)
{
    volatile int  code = 0;
    MemoryContext oldcxt = CurrentMemoryContext;

    err_message[0] = err_hint[0] = '\0';
    err_position = 0;
    StartTransactionCommand();
    PG_TRY();
    {
        exec_ddl(sql);
    }
    PG_CATCH();
    {
        ErrorData *ed;

        MemoryContextSwitchTo(oldcxt);
        ed = CurrentErrorData();
        code = ed->sqlerrcode;
        snprintf(err_message, sizeof err_message, "%s", ed->message ? ed->message : "");
        snprintf(err_hint, sizeof err_hint, "%s", ed->hint ? ed->hint : "");
        err_position = ed->cursorpos;
        FlushErrorState();
    }
    PG_END_TRY();
    if (code != 0 || !commit)
        AbortCurrentTransaction();
    else
        CommitTransactionCommand();
    MemoryContextSwitchTo(oldcxt);
    return code;
}

static int
run_sql(const char *sql)
{
    return run_sql_x(sql, true);
}

/* Run a lookup expression expecting an ERROR: its SQLSTATE (0 if none). */
#define EXPECT_ERROR(code_out, stmt) \
    do { \
        MemoryContext oldcxt_ = CurrentMemoryContext; \
        (code_out) = 0; \
        err_message[0] = '\0'; \
        PG_TRY(); \
        { \
            stmt; \
        } \
        PG_CATCH(); \
        { \
            ErrorData *ed_; \
            MemoryContextSwitchTo(oldcxt_); \
            ed_ = CurrentErrorData(); \
            (code_out) = ed_->sqlerrcode; \
            snprintf(err_message, sizeof err_message, "%s", ed_->message ? ed_->message : ""); \
            FlushErrorState(); \
        } \
        PG_END_TRY(); \
    } while (0)

static Oid
table_oid(const char *name)
{
    Oid relid;

    StartTransactionCommand();
    relid = RelnameGetRelid(name);
    CommitTransactionCommand();
    return relid;
}

/* Rows of pg_class named relname, counted by a heap scan (as SELECT would). */
static int
count_pg_class_rows(const char *relname)
{
    Relation    rel;
    HeapScanDesc scan;
    HeapTuple   tup;
    int         n = 0;

    StartTransactionCommand();
    rel = table_open(RelationRelationId, AccessShareLock);
    scan = heap_beginscan(rel, GetTransactionSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;
        Datum d = heap_getattr(tup, 2, RelationGetDescr(rel), &isnull);

        if (strcmp(NameStr(*(Name) DatumGetPointer(d)), relname) == 0)
            n++;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    CommitTransactionCommand();
    return n;
}

static char datadir[256];

static bool
storage_exists(Oid relfilenode)
{
    char        path[512];
    struct stat st;

    snprintf(path, sizeof path, "%s/base/%u", datadir, relfilenode);
    return stat(path, &st) == 0;
}

/* ================================================================ tests */

static void
test_bootstrap_lookups(void)
{
    const TypeInfo *t;
    const ProcInfo *p;
    const OperInfo *o;
    const CastInfo *c;
    const AggInfo *a;
    List       *l;
    ListCell   *lc;
    bool        found;

    StartTransactionCommand();

    t = lookup_type(INT4OID);
    ok(t && strcmp(NameStr(t->typname), "int4") == 0 && t->typlen == 4 && t->typbyval &&
       t->typalign == 'i' && t->typcategory == 'N',
       "pg_type row of int4 (typlen 4, byval, align i, category N)");
    t = lookup_type_by_name(PG_CATALOG_NAMESPACE, "text");
    ok(t && t->oid == TEXTOID && t->typlen == -1 && t->typcollation == DEFAULT_COLLATION_OID,
       "type \"text\" by name: OID 25, varlena, default collation");
    ok(lookup_type_by_name(InvalidOid, "varchar") && lookup_type_by_name(InvalidOid, "varchar")->oid == VARCHAROID,
       "type found through the search path");
    ok(lookup_type(123456) == NULL, "unknown type OID gives NULL");

    p = lookup_proc(177);
    ok(p && strcmp(NameStr(p->proname), "int4pl") == 0 && p->pronargs == 2 &&
       p->proargtypes[0] == INT4OID && p->proargtypes[1] == INT4OID &&
       p->prorettype == INT4OID && strcmp(p->prosrc, "int4pl") == 0 && p->proisstrict,
       "pg_proc row of int4pl (OID 177): args, result, prosrc, strict");
    l = lookup_procs_by_name(InvalidOid, "abs");
    ok(list_length(l) >= 6, "lookup_procs_by_name(abs) lists its overloads (%d)", list_length(l));
    l = lookup_procs_by_name(PG_PUBLIC_NAMESPACE, "abs");
    ok(l == NIL, "no abs() in schema public");
    l = lookup_procs_by_name(InvalidOid, "pg_backend_pid");
    ok(list_length(l) == 1 && ((const ProcInfo *) linitial(l))->oid == 2026,
       "pg_proc rows without a Basalt implementation are loaded too (pg_backend_pid)");

    o = lookup_operator(96);
    ok(o && strcmp(NameStr(o->oprname), "=") == 0 && o->oprleft == INT4OID &&
       o->oprcode == 65 && o->oprcanhash && o->oprcom == 96 && o->oprnegate == 518,
       "pg_operator row of int4 = int4 (96)");
    l = lookup_operators_by_name(InvalidOid, "+", 'b');
    found = false;
    foreach(lc, l)
    {
        const OperInfo *op = lfirst(lc);

        found |= (op->oid == 551 && op->oprcode == 177);
        if (op->oprkind != 'b')
            found = false;
    }
    ok(found && list_length(l) > 10, "binary operators named + include int4pl's (%d found)", list_length(l));
    l = lookup_operators_by_name(InvalidOid, "-", 'l');
    ok(list_length(l) >= 5, "prefix operators named - (%d)", list_length(l));

    c = lookup_cast(INT4OID, INT8OID);
    ok(c && c->castcontext == 'i' && c->castmethod == 'f' && c->castfunc == 481,
       "pg_cast int4 -> int8 is implicit, by function int8(int4)");
    c = lookup_cast(VARCHAROID, TEXTOID);
    ok(c && c->castmethod == 'b', "pg_cast varchar -> text is binary");
    a = lookup_aggregate(2108);
    ok(a && a->aggtransfn != InvalidOid && a->aggtranstype == INT8OID,
       "pg_aggregate row of sum(int4): int8 transition state");
    a = lookup_aggregate(2147);
    ok(a && a->agginitval && strcmp(a->agginitval, "0") == 0, "count(any) has initial value 0");

    ok(get_namespace_oid("public", false) == PG_PUBLIC_NAMESPACE &&
       get_namespace_oid("pg_catalog", false) == PG_CATALOG_NAMESPACE &&
       get_namespace_oid("pg_toast", false) == PG_TOAST_NAMESPACE,
       "pg_namespace has pg_catalog, public, pg_toast");
    ok(get_opfamily_member(1976, INT4OID, INT8OID, BTLessStrategyNumber) == 37,
       "pg_amop: integer_ops int4 < int8 is operator 37");
    ok(get_opfamily_proc(1976, INT4OID, INT4OID, BTORDER_PROC) == 351,
       "pg_amproc: integer_ops int4 comparison is btint4cmp");

    CommitTransactionCommand();
}

static void
test_typcache_and_format_type(void)
{
    const TypeCacheInfo *tc;
    Oid         opf;
    int16       strategy;
    int         code;

    StartTransactionCommand();
    tc = lookup_type_cache(INT4OID);
    ok(tc && tc->eq_opr == 96 && tc->lt_opr == 97 && tc->gt_opr == 521 &&
       tc->cmp_proc == 351 && tc->hash_proc == 450 && tc->btree_opf == 1976,
       "typcache int4: = < > btint4cmp hashint4, integer_ops");
    tc = lookup_type_cache(VARCHAROID);
    ok(tc && tc->eq_opr == 98 && tc->lt_opr == 664 && tc->cmp_proc == 360,
       "typcache varchar uses text_ops (binary-coercible default opclass)");
    tc = lookup_type_cache(1007);
    ok(tc && tc->eq_opr == 1070 && tc->cmp_proc == 382, "typcache int4[]: array_eq, btarraycmp");
    tc = lookup_type_cache(POINTOID);
    ok(tc && tc->eq_opr == InvalidOid && tc->lt_opr == InvalidOid,
       "typcache point: no default btree or hash opclass");
    ok(get_op_btree_interpretation(97, &opf, &strategy) && opf == 1976 &&
       strategy == BTLessStrategyNumber, "int4 < is btree strategy 1 of integer_ops");

    ok(strcmp(format_type_be(INT4OID), "integer") == 0, "format_type int4 = integer");
    ok(strcmp(format_type_be(INT2OID), "smallint") == 0 &&
       strcmp(format_type_be(INT8OID), "bigint") == 0 &&
       strcmp(format_type_be(FLOAT4OID), "real") == 0 &&
       strcmp(format_type_be(FLOAT8OID), "double precision") == 0 &&
       strcmp(format_type_be(BOOLOID), "boolean") == 0 &&
       strcmp(format_type_be(NUMERICOID), "numeric") == 0 &&
       strcmp(format_type_be(TEXTOID), "text") == 0 &&
       strcmp(format_type_be(NAMEOID), "name") == 0 &&
       strcmp(format_type_be(OIDOID), "oid") == 0,
       "format_type: smallint bigint real double precision boolean numeric text name oid");
    ok(strcmp(format_type_be(VARCHAROID), "character varying") == 0 &&
       strcmp(format_type_be(BPCHAROID), "character") == 0, "format_type: character varying, character");
    ok(strcmp(format_type_be(CHAROID), "\"char\"") == 0, "format_type: \"char\" is quoted");
    ok(strcmp(format_type_be(TIMESTAMPTZOID), "timestamp with time zone") == 0,
       "format_type: timestamp with time zone");
    ok(strcmp(format_type_be(1007), "integer[]") == 0 && strcmp(format_type_be(INT2VECTOROID), "int2vector") == 0,
       "format_type: int4[] is integer[], int2vector is not an array");
    ok(strcmp(format_type_with_typemod(VARCHAROID, 14), "character varying(10)") == 0,
       "format_type_with_typemod: character varying(10) (got %s)", format_type_with_typemod(VARCHAROID, 14));
    ok(strcmp(format_type_with_typemod(NUMERICOID, ((10 << 16) | 2) + 4), "numeric(10,2)") == 0,
       "format_type_with_typemod: numeric(10,2) (got %s)",
       format_type_with_typemod(NUMERICOID, ((10 << 16) | 2) + 4));
    ok(strcmp(format_type_with_typemod(BPCHAROID, 9), "character(5)") == 0,
       "format_type_with_typemod: character(5) (got %s)", format_type_with_typemod(BPCHAROID, 9));
    ok(strcmp(format_type_with_typemod(BPCHAROID, -1), "bpchar") == 0,
       "format_type_with_typemod: bpchar without typmod is \"bpchar\" (not character(1))");
    ok(strcmp(format_type_with_typemod(1015, 14), "character varying(10)[]") == 0,
       "format_type_with_typemod: varchar(10)[]");
    ok(strcmp(format_type_be(ANYOID), "\"any\"") == 0, "format_type: \"any\" is quoted (reserved word)");
    EXPECT_ERROR(code, format_type_be(999999));
    ok(code == ERRCODE_INTERNAL_ERROR, "format_type_be of an unknown OID: cache lookup failed");
    ok(strcmp(format_type_be(InvalidOid), "-") == 0, "format_type_be(0) is \"-\"");
    CommitTransactionCommand();
}

static void
test_namespace(void)
{
    int         code;
    List       *path;

    StartTransactionCommand();
    path = fetch_search_path(true);
    ok(list_length(path) == 2 && linitial_oid(path) == PG_CATALOG_NAMESPACE &&
       list_nth_oid(path, 1) == PG_PUBLIC_NAMESPACE,
       "default search path: pg_catalog, public");
    ok(LookupCreationNamespace(NULL) == PG_PUBLIC_NAMESPACE, "objects are created in public");
    EXPECT_ERROR(code, get_namespace_oid("nosuch", false));
    ok(code == ERRCODE_UNDEFINED_SCHEMA && strcmp(err_message, "schema \"nosuch\" does not exist") == 0,
       "missing schema: 3F000 schema \"nosuch\" does not exist");
    ok(get_namespace_oid("nosuch", true) == InvalidOid, "missing schema with missing_ok: InvalidOid");
    EXPECT_ERROR(code, RangeVarGetRelidExtended(NULL, "nosuch", AccessShareLock, false));
    ok(code == ERRCODE_UNDEFINED_TABLE && strcmp(err_message, "relation \"nosuch\" does not exist") == 0,
       "42P01 relation \"nosuch\" does not exist");
    EXPECT_ERROR(code, RangeVarGetRelidExtended("public", "nosuch", AccessShareLock, false));
    ok(code == ERRCODE_UNDEFINED_TABLE && strcmp(err_message, "relation \"public.nosuch\" does not exist") == 0,
       "qualified: relation \"public.nosuch\" does not exist");
    ok(RangeVarGetRelidExtended(NULL, "pg_class", AccessShareLock, false) == RelationRelationId,
       "pg_class found through the implicit pg_catalog");
    ok(TypeIsVisible(INT4OID) && RelationIsVisible(RelationRelationId), "pg_catalog objects are visible");

    namespace_search_path = "nosuch, \"PUBLIC\"";
    EXPECT_ERROR(code, LookupCreationNamespace(NULL));
    ok(code == ERRCODE_UNDEFINED_SCHEMA &&
       strcmp(err_message, "no schema has been selected to create in") == 0,
       "a search path naming no existing schema: no schema has been selected to create in");
    namespace_search_path = "public, pg_catalog";
    ok(LookupCreationNamespace(NULL) == PG_PUBLIC_NAMESPACE &&
       list_length(fetch_search_path(true)) == 2 &&
       linitial_oid(fetch_search_path(true)) == PG_PUBLIC_NAMESPACE,
       "an explicit pg_catalog is searched where the setting puts it");
    namespace_search_path = "\"$user\", public";
    CommitTransactionCommand();
}

static void
test_relcache_catalogs(void)
{
    Relation rel;

    StartTransactionCommand();
    rel = relation_open(RelationRelationId, AccessShareLock);
    ok(rel && RelationGetNumberOfAttributes(rel) == 33 &&
       strcmp(RelationGetRelationName(rel), "pg_class") == 0 &&
       strcmp(NameStr(TupleDescAttr(RelationGetDescr(rel), 1)->attname), "relname") == 0 &&
       rel->rd_node.relNode == RelationRelationId,
       "relation_open(pg_class): 33 columns, relname second, relfilenode = OID");
    relation_close(rel, AccessShareLock);
    CommitTransactionCommand();
    ok(count_pg_class_rows("pg_class") == 1 && count_pg_class_rows("pg_amproc") == 1,
       "pg_class rows exist for the catalogs themselves");
    for (int i = 0; i < bootstrap_ncatalogs; i++)
    {
        const BootstrapCatalogData *data = &bootstrap_catalogs[i];
        Oid         relid = InvalidOid;
        int         n = 0;
        HeapScanDesc scan;

        for (int k = 0; k < bootstrap_nrelations; k++)
            if (strcmp(bootstrap_relations[k].relname, data->relname) == 0)
                relid = bootstrap_relations[k].relid;
        StartTransactionCommand();
        rel = table_open(relid, AccessShareLock);
        scan = heap_beginscan(rel, GetTransactionSnapshot());
        while (heap_getnext(scan, ForwardScanDirection) != NULL)
            n++;
        heap_endscan(scan);
        table_close(rel, AccessShareLock);
        CommitTransactionCommand();
        if (relid == TypeRelationId || relid == AttributeRelationId)
            continue;       /* plus rows made after the data: checked elsewhere */
        ok(n == data->nrows, "%s has its %d built-in rows (%d)", data->relname, data->nrows, n);
    }
}

static void
test_create_drop(void)
{
    Oid         relid;
    Relation    rel;
    int         code;

    ok(run_sql("CREATE TABLE ct_basic (a int4 NOT NULL, b text, c varchar(10), d numeric(10,2)[], \"Mixed\" \"char\")") == 0,
       "CREATE TABLE with five columns");
    relid = table_oid("ct_basic");
    ok(relid >= FirstNormalObjectId, "the new table has a user OID (%u)", relid);
    ok(count_pg_class_rows("ct_basic") == 1, "its pg_class row is visible to a scan");
    ok(storage_exists(relid), "its storage file exists (relfilenode = OID)");

    StartTransactionCommand();
    rel = table_open(relid, AccessShareLock);
    {
        TupleDesc d = RelationGetDescr(rel);

        ok(d->natts == 5 &&
           TupleDescAttr(d, 0)->atttypid == INT4OID && TupleDescAttr(d, 0)->attnotnull &&
           !TupleDescAttr(d, 1)->attnotnull && TupleDescAttr(d, 1)->attcollation == DEFAULT_COLLATION_OID &&
           TupleDescAttr(d, 2)->atttypid == VARCHAROID && TupleDescAttr(d, 2)->atttypmod == 14 &&
           TupleDescAttr(d, 3)->atttypid == 1231 && TupleDescAttr(d, 3)->attndims == 1 &&
           strcmp(NameStr(TupleDescAttr(d, 4)->attname), "Mixed") == 0 &&
           TupleDescAttr(d, 4)->atttypid == CHAROID,
           "relcache descriptor: types, typmods, NOT NULL, collation, array dims, quoted name");
        ok(rel->relkind == RELKIND_RELATION && rel->reltype != InvalidOid &&
           d->tdtypeid == rel->reltype, "it has a composite row type");
        ok(lookup_type(rel->reltype) && lookup_type(rel->reltype)->typtype == 'c' &&
           lookup_type(rel->reltype)->typrelid == relid &&
           lookup_type_by_name(PG_PUBLIC_NAMESPACE, "_ct_basic") != NULL,
           "pg_type has the row type (typrelid = table) and its array type _ct_basic");
        ok(strcmp(format_type_be(rel->reltype), "ct_basic") == 0, "format_type of the row type");
    }
    table_close(rel, AccessShareLock);
    CommitTransactionCommand();

    code = run_sql("CREATE TABLE ct_basic (x int)");
    ok(code == ERRCODE_DUPLICATE_TABLE && strcmp(err_message, "relation \"ct_basic\" already exists") == 0,
       "duplicate CREATE TABLE: 42P07 relation \"ct_basic\" already exists");
    reset_notice();
    code = run_sql("CREATE TABLE IF NOT EXISTS ct_basic (x int)");
    ok(code == 0 && last_notice_code == ERRCODE_DUPLICATE_TABLE &&
       strcmp(last_notice, "relation \"ct_basic\" already exists, skipping") == 0,
       "IF NOT EXISTS: NOTICE 42P07 ... already exists, skipping");
    code = run_sql("CREATE TABLE public.ct_basic (x int)");
    ok(code == ERRCODE_DUPLICATE_TABLE, "schema-qualified duplicate is caught too");
    code = run_sql("CREATE TABLE ct_dup (a int, b text, a text)");
    ok(code == ERRCODE_DUPLICATE_COLUMN && strcmp(err_message, "column \"a\" specified more than once") == 0,
       "42701 column \"a\" specified more than once");
    code = run_sql("CREATE TABLE ct_pseudo (a anyelement)");
    ok(code == ERRCODE_INVALID_TABLE_DEFINITION &&
       strcmp(err_message, "column \"a\" has pseudo-type anyelement") == 0,
       "42P16 column \"a\" has pseudo-type anyelement");
    code = run_sql("create table t3 (a int null not null)");
    ok(code == ERRCODE_SYNTAX_ERROR && err_position == 29 &&
       strcmp(err_message, "conflicting NULL/NOT NULL declarations for column \"a\" of table \"t3\"") == 0,
       "42601 conflicting NULL/NOT NULL declarations, at the constraint (position %d)", err_position);
    code = run_sql("create table nosuch.t (a int)");
    ok(code == ERRCODE_UNDEFINED_SCHEMA && err_position == 14,
       "3F000 schema \"nosuch\" does not exist, at the name (position %d)", err_position);
    code = run_sql("CREATE TABLE ct_pk (a int PRIMARY KEY)");
    ok(code == 0 && run_sql("DROP TABLE ct_pk") == 0,
       "PRIMARY KEY is accepted (an index: catalog/index.c) (got %s: %s)",
       sqlstate(code), err_message);
    code = run_sql("CREATE TABLE ct_def (a int DEFAULT 5)");
    ok(code == 0 && run_sql("DROP TABLE ct_def") == 0,
       "DEFAULT 5 is accepted and stored (got %s: %s)", sqlstate(code), err_message);
    ok(run_sql("CREATE TABLE ct_defnull (a int DEFAULT NULL)") == 0 &&
       run_sql("DROP TABLE ct_defnull") == 0, "DEFAULT NULL is accepted");
    code = run_sql("CREATE TABLE ct_serial (a serial)");
    ok(code == 0 && run_sql("DROP TABLE ct_serial") == 0,
       "serial creates its table and owned sequence (got %s: %s)", sqlstate(code), err_message);
    code = run_sql("CREATE TABLE pg_catalog.ct_sys (a int)");
    ok(code == ERRCODE_INSUFFICIENT_PRIVILEGE &&
       strcmp(err_message, "permission denied to create \"pg_catalog.ct_sys\"") == 0,
       "42501 permission denied to create \"pg_catalog.ct_sys\"");
    code = run_sql("CREATE TABLE ct_badtype (a nosuchtype)");
    ok(code == ERRCODE_UNDEFINED_OBJECT, "unknown column type: 42704 (got %s: %s)", sqlstate(code), err_message);
    ok(run_sql("CREATE TABLE ct_empty ()") == 0 && run_sql("DROP TABLE ct_empty") == 0,
       "a table with no columns can be created and dropped");

    /* storage parameters (pgbench creates its tables WITH (fillfactor=100)) */
    ok(run_sql("CREATE TABLE ct_ff (a int) WITH (fillfactor=100, autovacuum_enabled=false)") == 0,
       "WITH (fillfactor=100, autovacuum_enabled=false) is accepted");
    StartTransactionCommand();
    {
        Relation    crel = table_open(RelationRelationId, AccessShareLock);
        HeapScanDesc scan = heap_beginscan(crel, GetTransactionSnapshot());
        HeapTuple   tup;
        char        found[128] = "";

        while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        {
            bool  isnull;
            Datum d = heap_getattr(tup, Anum_pg_class_relname, RelationGetDescr(crel), &isnull);

            if (strcmp(NameStr(*(Name) DatumGetPointer(d)), "ct_ff") == 0)
            {
                Datum ro = heap_getattr(tup, Anum_pg_class_reloptions, RelationGetDescr(crel), &isnull);
                const char *arr = DatumGetPointer(ro);

                /* text[] of 2: first element right after the MAXALIGN'd 24-byte header */
                if (!isnull && ((const int *) arr)[4] == 2)
                    snprintf(found, sizeof found, "%.*s", (int) VARSIZE(arr + 24) - VARHDRSZ,
                             arr + 24 + VARHDRSZ);
            }
        }
        heap_endscan(scan);
        table_close(crel, AccessShareLock);
        ok(strcmp(found, "fillfactor=100") == 0, "pg_class.reloptions is {fillfactor=100,...} (%s)", found);
    }
    CommitTransactionCommand();
    run_sql("DROP TABLE ct_ff");
    code = run_sql("CREATE TABLE ct_ff (a int) WITH (fillfactor=5)");
    ok(code == ERRCODE_INVALID_PARAMETER_VALUE &&
       strcmp(err_message, "value 5 out of bounds for option \"fillfactor\"") == 0,
       "22023 value 5 out of bounds for option \"fillfactor\"");
    code = run_sql("CREATE TABLE ct_ff (a int) WITH (foo=1)");
    ok(code == ERRCODE_INVALID_PARAMETER_VALUE && strcmp(err_message, "unrecognized parameter \"foo\"") == 0,
       "22023 unrecognized parameter \"foo\"");
    code = run_sql("CREATE TABLE ct_ff (a int) WITH (fillfactor=50, fillfactor=60)");
    ok(code == ERRCODE_INVALID_PARAMETER_VALUE, "a parameter given twice: 22023");

    /* DROP */
    code = run_sql("DROP TABLE ct_nosuch");
    ok(code == ERRCODE_UNDEFINED_TABLE && strcmp(err_message, "table \"ct_nosuch\" does not exist") == 0,
       "DROP of a missing table: 42P01 table \"ct_nosuch\" does not exist");
    reset_notice();
    ok(run_sql("DROP TABLE IF EXISTS ct_nosuch") == 0 &&
       strcmp(last_notice, "table \"ct_nosuch\" does not exist, skipping") == 0 && last_notice_code == 0,
       "DROP TABLE IF EXISTS: NOTICE 00000 table \"ct_nosuch\" does not exist, skipping");
    reset_notice();
    ok(run_sql("DROP TABLE IF EXISTS nosuch.t") == 0 &&
       strcmp(last_notice, "schema \"nosuch\" does not exist, skipping") == 0,
       "DROP TABLE IF EXISTS nosuch.t: NOTICE schema \"nosuch\" does not exist, skipping");
    code = run_sql("DROP TABLE nosuch.t");
    ok(code == ERRCODE_UNDEFINED_SCHEMA, "DROP TABLE nosuch.t: 3F000");
    code = run_sql("DROP TABLE pg_class");
    ok(code == ERRCODE_INSUFFICIENT_PRIVILEGE &&
       strcmp(err_message, "permission denied: \"pg_class\" is a system catalog") == 0,
       "DROP TABLE pg_class: 42501 permission denied: \"pg_class\" is a system catalog");
    code = run_sql("DROP TABLE ct_basic, ct_nosuch");
    ok(code == ERRCODE_UNDEFINED_TABLE && table_oid("ct_basic") == relid,
       "DROP of two tables, one missing: error, and the other is not dropped");

    /* a rolled-back DROP leaves the table and its storage */
    ok(run_sql_x("DROP TABLE ct_basic", false) == 0 && table_oid("ct_basic") == relid &&
       storage_exists(relid), "ROLLBACK of DROP TABLE: table and storage intact");
    StartTransactionCommand();
    rel = table_open(relid, AccessShareLock);
    ok(RelationGetNumberOfAttributes(rel) == 5, "... and its descriptor is rebuilt fine");
    table_close(rel, AccessShareLock);
    CommitTransactionCommand();

    ok(run_sql("DROP TABLE ct_basic, ct_basic") == 0 && table_oid("ct_basic") == InvalidOid &&
       count_pg_class_rows("ct_basic") == 0 && !storage_exists(relid),
       "DROP TABLE (named twice): gone from pg_class, storage unlinked at commit");
    StartTransactionCommand();
    ok(lookup_type_by_name(PG_PUBLIC_NAMESPACE, "ct_basic") == NULL &&
       lookup_type_by_name(PG_PUBLIC_NAMESPACE, "_ct_basic") == NULL,
       "its row type and array type are gone");
    ok(try_relation_open(relid, AccessShareLock) == NULL, "try_relation_open of the dropped OID: NULL");
    CommitTransactionCommand();

    /* a rolled-back CREATE leaves nothing */
    {
        Oid rolled;

        StartTransactionCommand();
        exec_ddl("CREATE TABLE ct_rolled (a int)");
        rolled = RelnameGetRelid("ct_rolled");
        ok(OidIsValid(rolled) && storage_exists(rolled), "inside the transaction the new table exists");
        AbortCurrentTransaction();
        ok(table_oid("ct_rolled") == InvalidOid && !storage_exists(rolled) &&
           count_pg_class_rows("ct_rolled") == 0,
           "ROLLBACK of CREATE TABLE: no catalog rows, storage unlinked");
    }

    /* an entry re-cached between a catalog change and CommandCounterIncrement */
    {
        TupleDesc d;
        Oid       made;

        StartTransactionCommand();
        ok(get_relname_relid("ct_cci", PG_PUBLIC_NAMESPACE) == InvalidOid, "ct_cci is not there yet");
        d = CreateTemplateTupleDesc(1);
        TupleDescInitEntry(d, 1, "a", INT4OID, -1, 0);
        made = heap_create_with_catalog("ct_cci", PG_PUBLIC_NAMESPACE, d, RELKIND_RELATION,
                                        RELPERSISTENCE_PERMANENT, (Datum) 0);
        ok(get_relname_relid("ct_cci", PG_PUBLIC_NAMESPACE) == InvalidOid,
           "same command: the new row is not visible yet (MVCC), a negative entry is cached again");
        CommandCounterIncrement();
        ok(get_relname_relid("ct_cci", PG_PUBLIC_NAMESPACE) == made,
           "after CommandCounterIncrement the command's invalidations apply again: found");
        AbortCurrentTransaction();
        ok(table_oid("ct_cci") == InvalidOid, "and gone after ROLLBACK");
    }

    /* create, drop, create again (same name, new OID) */
    ok(run_sql("CREATE TABLE ct_again (v int)") == 0 && run_sql("DROP TABLE ct_again") == 0 &&
       run_sql("CREATE TABLE ct_again (v text)") == 0, "a table can be created again after DROP");
    StartTransactionCommand();
    rel = table_open(RelnameGetRelid("ct_again"), AccessShareLock);
    ok(TupleDescAttr(RelationGetDescr(rel), 0)->atttypid == TEXTOID,
       "... and the descriptor is the new one");
    table_close(rel, AccessShareLock);
    CommitTransactionCommand();
    run_sql("DROP TABLE ct_again");
}

static void
test_cache_limits(void)
{
    int         saved = catalog_cache_max_entries;
    uint64      evictions_before = catcache_stats.evictions;
    bool        all_right = true;
    int         saved_rel = relation_cache_max_entries;

    catalog_cache_max_entries = 20;
    StartTransactionCommand();
    for (Oid t = 16; t < 4000; t++)
    {
        const TypeInfo *ti = lookup_type(t);

        if (ti != NULL && ti->oid != t)
            all_right = false;
        if (catcache_stats.live_rows > 20)
            all_right = false;
    }
    ok(all_right && catcache_stats.evictions > evictions_before,
       "catalog_cache_max_entries = 20: live rows never exceed it; %llu evictions",
       (unsigned long long) (catcache_stats.evictions - evictions_before));
    ok(lookup_type(INT4OID) && lookup_type(INT4OID)->typlen == 4 &&
       strcmp(format_type_be(VARCHAROID), "character varying") == 0,
       "lookups stay correct under eviction");
    CommitTransactionCommand();
    ok(catcache_stats.graveyard_rows == 0, "end of transaction frees evicted entries");
    catalog_cache_max_entries = saved;

    /* relation cache */
    relation_cache_max_entries = 2;
    for (int i = 0; i < 5; i++)
    {
        char sql[64];

        snprintf(sql, sizeof sql, "CREATE TABLE rc_%d (a int)", i);
        run_sql(sql);
    }
    StartTransactionCommand();
    for (int i = 0; i < 5; i++)
    {
        char     name[32];
        Relation r;

        snprintf(name, sizeof name, "rc_%d", i);
        r = table_open(RelnameGetRelid(name), AccessShareLock);
        table_close(r, AccessShareLock);
    }
    ok(relcache_stats.entries <= 2 && relcache_stats.evictions > 0,
       "relation_cache_max_entries = 2: %lld entries after opening 5 tables",
       (long long) relcache_stats.entries);
    CommitTransactionCommand();
    relation_cache_max_entries = saved_rel;
    for (int i = 0; i < 5; i++)
    {
        char sql[64];

        snprintf(sql, sizeof sql, "DROP TABLE rc_%d", i);
        run_sql(sql);
    }
}

/* In a child: take a proc array slot, run fn, exit 0 on success. */
static void
in_child(void (*fn) (void))
{
    pid_t pid = fork();

    if (pid == 0)
    {
        ProcArrayRemove();
        MyProcPid = getpid();
        if (!ProcArrayAdd(getpid(), getpid()))
            _exit(2);
        fn();
        ProcArrayRemove();
        _exit(0);
    }
    else
    {
        int status;

        waitpid(pid, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            printf("# child exited with status %d\n", status);
    }
}

static void
child_create_inv(void)
{
    if (run_sql("CREATE TABLE inv_t (a int, b int)") != 0)
        _exit(3);
}

static void
child_alter_inv(void)
{
    if (run_sql("DROP TABLE inv_t") != 0 || run_sql("CREATE TABLE inv_t (a int)") != 0)
        _exit(3);
}

static void
child_flood(void)
{
    /* 20 transactions of 250 distinct messages: more than the ring holds */
    for (int x = 0; x < 20; x++)
    {
        StartTransactionCommand();
        for (Oid o = 0; o < 250; o++)
            CacheInvalidateRelcache(900000 + o);
        CommitTransactionCommand();
    }
}

static void
test_invalidation_between_processes(void)
{
    Relation    rel;
    Oid         relid;
    uint64      resets;
    uint64      received;

    /* a negative entry here, then another backend creates the table */
    ok(table_oid("inv_t") == InvalidOid, "inv_t does not exist yet (negative entry cached)");
    received = sinval_stats.received;
    in_child(child_create_inv);
    relid = table_oid("inv_t");
    ok(OidIsValid(relid) && sinval_stats.received > received,
       "after another backend commits CREATE TABLE, this one sees it (%llu messages)",
       (unsigned long long) (sinval_stats.received - received));

    StartTransactionCommand();
    rel = table_open(relid, AccessShareLock);
    ok(RelationGetNumberOfAttributes(rel) == 2, "its descriptor has 2 columns");
    table_close(rel, AccessShareLock);
    CommitTransactionCommand();

    /* the other backend drops and re-creates it with another shape */
    in_child(child_alter_inv);
    StartTransactionCommand();
    ok(RelnameGetRelid("inv_t") != relid, "the name now means the new table");
    rel = table_open(RelnameGetRelid("inv_t"), AccessShareLock);
    ok(RelationGetNumberOfAttributes(rel) == 1, "and its descriptor is the new one (1 column)");
    table_close(rel, AccessShareLock);
    ok(try_relation_open(relid, AccessShareLock) == NULL, "the old OID no longer opens");
    CommitTransactionCommand();
    run_sql("DROP TABLE inv_t");

    /* falling behind the ring: a reset */
    resets = sinval_stats.resets;
    in_child(child_flood);
    StartTransactionCommand();
    ok(lookup_type(INT4OID) != NULL, "lookups work after the ring overflowed");
    CommitTransactionCommand();
    ok(sinval_stats.resets > resets, "a backend that fell behind the ring resets its caches");

    /* too many pending messages in one transaction: one reset message */
    {
        uint64 overflows = sinval_stats.pending_overflows;

        StartTransactionCommand();
        for (Oid o = 0; o < SINVAL_MAX_PENDING + 10; o++)
            CacheInvalidateRelcache(800000 + o);
        CommitTransactionCommand();
        ok(sinval_stats.pending_overflows == overflows + 1,
           "more than SINVAL_MAX_PENDING messages in a transaction: sent as a reset");
    }
}

int
main(void)
{
    char        tmpl[] = "/tmp/basalt_catalog_test.XXXXXX";
    char        cmd[600];

    alarm(120);
    MemoryContextInit();
    emit_error_to_client_hook = capture_notice;
    log_min_messages = PANIC;

    if (mkdtemp(tmpl) == NULL)
    {
        perror("mkdtemp");
        return 1;
    }
    snprintf(datadir, sizeof datadir, "%s/data", tmpl);
    mkdir(datadir, 0700);
    DataDir = datadir;
    MaxConnections = 6;
    namespace_search_path = "\"$user\", public";
    MyProcPid = getpid();

    CreateSharedMemoryAndSemaphores();
    StartupTransam();
    if (!ProcArrayAdd(getpid(), 4242))
    {
        printf("Bail out! no proc array slot\n");
        return 1;
    }
    InitCatalogCaches();

    StartTransactionCommand();
    BootstrapCatalog();
    CommitTransactionCommand();
    ok(true, "BootstrapCatalog committed");

    test_bootstrap_lookups();
    test_typcache_and_format_type();
    test_namespace();
    test_relcache_catalogs();
    test_create_drop();
    test_cache_limits();
    test_invalidation_between_processes();

    printf("1..%d\n", tests_run);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmpl);
    return tests_failed == 0 ? 0 : 1;
}
