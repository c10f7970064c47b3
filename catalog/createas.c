/*-------------------------------------------------------------------------
 * createas.c
 *    CREATE TABLE ... AS query and SELECT ... INTO table (PostgreSQL's
 *    commands/createas.c): a new table shaped like the query's result,
 *    filled by running the query into a receiver that inserts its rows.
 *
 * Order of work, as PostgreSQL: the query is analyzed first (its errors
 * come before anything is created), IF NOT EXISTS is decided, the table is
 * created through DefineRelation (one CREATE TABLE path: names, schemas,
 * temp and ON COMMIT handling all come from there) with one column per
 * visible result column (names from the column list or the query, types
 * and typmods from the expressions, unknown -> text), and then, unless
 * WITH NO DATA, the planned query runs with the insert receiver below.
 * The command tag is "SELECT n" when rows were stored, else
 * "CREATE TABLE AS" (SELECT INTO: always "SELECT n").
 *
 * Memory: each row is copied into a per-row context that is reset after
 * its insert, so the receiver holds one row at a time.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/portal.h"
#include "catalog/createas.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/tablecmds.h"
#include "executor/executor.h"
#include "executor/tuptable.h"
#include "planner/nodefuncs.h"
#include "planner/planner.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

/* The receiver: every row it gets is inserted into rel. */
typedef struct IntoRelReceiver
{
    DestReceiver pub;
    Relation    rel;
    CommandId   cid;
    MemoryContext rowcxt;
    uint64      rows;
} IntoRelReceiver;

static void
intorel_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
    (void) self;
    (void) operation;
    (void) typeinfo;
}

static bool
intorel_receive(TupleTableSlot *slot, DestReceiver *self)
{
    IntoRelReceiver *r = (IntoRelReceiver *) self;
    MemoryContext old = MemoryContextSwitchTo(r->rowcxt);
    HeapTuple   tup = ExecCopySlotHeapTuple(slot);

    heap_insert(r->rel, tup, r->cid);
    r->rows++;
    MemoryContextSwitchTo(old);
    MemoryContextReset(r->rowcxt);
    return true;
}

static void
intorel_shutdown(DestReceiver *self)
{
    (void) self;
}

static void
intorel_destroy(DestReceiver *self)
{
    (void) self;
}

static PgQuery__Node *
make_column_def(const char *name, Oid typid, int32 typmod)
{
    PgQuery__Node *node = palloc(sizeof(PgQuery__Node));
    PgQuery__ColumnDef *cd = palloc(sizeof(PgQuery__ColumnDef));
    PgQuery__TypeName *tn = palloc(sizeof(PgQuery__TypeName));

    pg_query__type_name__init(tn);
    tn->type_oid = typid;
    tn->typemod = typmod;
    tn->location = -1;
    pg_query__column_def__init(cd);
    cd->colname = pstrdup(name);
    cd->type_name = tn;
    cd->is_local = true;
    cd->location = -1;
    pg_query__node__init(node);
    node->node_case = PG_QUERY__NODE__NODE_COLUMN_DEF;
    node->column_def = cd;
    return node;
}

/* The schema the new table will go to, as DefineRelation decides it. */
static Oid
creation_namespace(PgQuery__RangeVar *rv)
{
    const char *schemaname = rv->schemaname && rv->schemaname[0] ? rv->schemaname : NULL;

    if ((rv->relpersistence && rv->relpersistence[0] == RELPERSISTENCE_TEMP) ||
        (schemaname && strcmp(schemaname, "pg_temp") == 0))
        return GetTempNamespace();
    if (schemaname)
        return get_namespace_oid(schemaname, true);
    return LookupCreationNamespace(NULL);
}

void
ExecCreateTableAs(RawNode *node, const char *queryString, int stmt_location,
                  int stmt_len, char *completionTag)
{
    PgQuery__IntoClause *into;
    PgQuery__Node *query;
    bool        if_not_exists = false;
    bool        select_into = false;
    RawStmt     raw;
    Query      *analyzed;
    PgQuery__CreateStmt create;
    PgQuery__Node **elts;
    int         nelts = 0;
    ListCell   *lc;
    Oid         nspid;
    Oid         relid;

    if (node->node_case == PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT)
    {
        PgQuery__CreateTableAsStmt *ctas = node->create_table_as_stmt;

        if (ctas->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s is not supported yet", "CREATE MATERIALIZED VIEW"));
        into = ctas->into;
        query = ctas->query;
        if_not_exists = ctas->if_not_exists;
        if (query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s is not supported yet", "CREATE TABLE AS EXECUTE"));
    }
    else
    {
        /* SELECT ... INTO: the same SELECT without its INTO clause */
        PgQuery__SelectStmt *sel = palloc(sizeof(PgQuery__SelectStmt));

        *sel = *node->select_stmt;
        into = sel->into_clause;
        sel->into_clause = NULL;
        query = palloc(sizeof(PgQuery__Node));
        pg_query__node__init(query);
        query->node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
        query->select_stmt = sel;
        select_into = true;
    }

    /* ---- the query first: its errors come before anything is created */
    raw.stmt = query;
    raw.stmt_location = stmt_location;
    raw.stmt_len = stmt_len;
    analyzed = parse_analyze_fixedparams(&raw, queryString, NULL, 0);

    nspid = creation_namespace(into->rel);
    if (if_not_exists && OidIsValid(nspid) &&
        OidIsValid(get_relname_relid(into->rel->relname, nspid)))
    {
        ereport(NOTICE,
                errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists, skipping", into->rel->relname));
        snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "CREATE TABLE AS");
        return;
    }

    /* ---- the table: one column per visible result column */
    elts = palloc(sizeof(PgQuery__Node *) * (list_length(analyzed->targetList) + 1));
    foreach(lc, analyzed->targetList)
    {
        TargetEntry *tle = lfirst(lc);
        const char *colname;
        Oid         typid;

        if (tle->resjunk)
            continue;
        if ((size_t) nelts < into->n_col_names)
            colname = into->col_names[nelts]->string->sval;
        else
            colname = tle->resname ? tle->resname : "?column?";
        typid = exprType((Node *) tle->expr);
        if (typid == UNKNOWNOID)
            typid = TEXTOID;
        elts[nelts++] = make_column_def(colname, typid,
                                        typid == exprType((Node *) tle->expr) ?
                                        exprTypmod((Node *) tle->expr) : -1);
    }
    if (into->n_col_names > (size_t) nelts)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("too many column names were specified"));

    pg_query__create_stmt__init(&create);
    create.relation = into->rel;
    create.n_table_elts = nelts;
    create.table_elts = elts;
    create.n_options = into->n_options;
    create.options = into->options;
    create.oncommit = into->on_commit;
    create.tablespacename = into->table_space_name;
    create.access_method = into->access_method;
    create.if_not_exists = false;
    DefineRelation(&create, queryString);

    relid = get_relname_relid(into->rel->relname, creation_namespace(into->rel));
    if (!OidIsValid(relid))
        elog(ERROR, "CREATE TABLE AS: new relation \"%s\" not found", into->rel->relname);

    if (into->skip_data)
    {
        snprintf(completionTag, COMPLETION_TAG_BUFSIZE,
                 select_into ? "SELECT 0" : "CREATE TABLE AS");
        return;
    }

    /* ---- fill it */
    {
        IntoRelReceiver r;
        PlannedStmt *plan = pg_plan_query(analyzed, queryString, NULL);
        QueryDesc  *qd;

        memset(&r, 0, sizeof(r));
        r.pub.receiveSlot = intorel_receive;
        r.pub.rStartup = intorel_startup;
        r.pub.rShutdown = intorel_shutdown;
        r.pub.rDestroy = intorel_destroy;
        r.pub.mydest = DestNone;
        r.rel = table_open(relid, AccessExclusiveLock);
        r.cid = GetCurrentCommandId(true);     /* the query does not see its rows */
        r.rowcxt = AllocSetContextCreate(CurrentMemoryContext, "CREATE TABLE AS row");

        qd = CreateQueryDesc(plan, queryString, GetTransactionSnapshot(), &r.pub, NULL);
        ExecutorStart(qd, 0);
        ExecutorRun(qd, ForwardScanDirection, 0);
        ExecutorFinish(qd);
        ExecutorEnd(qd);
        FreeQueryDesc(qd);

        table_close(r.rel, NoLock);
        MemoryContextDelete(r.rowcxt);
        snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "SELECT %llu", (unsigned long long) r.rows);
    }
}
