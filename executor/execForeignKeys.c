/*-------------------------------------------------------------------------
 * execForeignKeys.c
 *    FOREIGN KEY enforcement for ModifyTable: PostgreSQL's ri_triggers.c
 *    without triggers.
 *
 * Per statement (one FKState per ModifyTable node) each row written only
 * queues an event holding its key values; ExecFKEndStatement runs them in
 * order once the node has written its last row -- or, in a statement with
 * data-modifying WITH queries, at ExecutorFinish once all its ModifyTables
 * have (ExecFKNodeDone / ExecFKEndQuery) -- as PostgreSQL's RI after-row
 * triggers run at the end of the statement.  So a statement may
 * delete a referenced row together with the rows referencing it, and NO
 * ACTION sees the statement's own changes.  Events:
 *  'c'  a referencing row was inserted, or its key changed: the key (no
 *       NULL column under MATCH SIMPLE) must exist in the referenced table;
 *  'd'  a referenced row was deleted;  'u'  a referenced key changed:
 *       NO ACTION (unless another row now has the old key) and RESTRICT
 *       fail if rows still reference the old key; CASCADE, SET NULL and
 *       SET DEFAULT change the referencing rows.
 *
 * Each check or action is an SQL statement, as PostgreSQL's (ri_triggers.c
 * texts), analyzed and planned once per statement and FK and run with the
 * keys as parameters through the executor:
 *    SELECT 1 FROM ONLY pk x WHERE pkcol = $1 ... FOR KEY SHARE OF x
 *    SELECT 1 FROM ONLY fk x WHERE $1 = fkcol ... FOR KEY SHARE OF x
 *    DELETE FROM ONLY fk WHERE $1 = fkcol ...
 *    UPDATE ONLY fk SET fkcol = $n / NULL / DEFAULT WHERE $1 = fkcol ...
 * The row lock the check takes on the referenced row (heap_lock_tuple)
 * makes a concurrent DELETE of that row wait for our transaction, and a
 * check that meets a row being deleted waits for the deleter and, if it
 * commits, finds the key gone (nodeLockRows.c).  Before each query the
 * command counter is advanced so that it sees this statement's rows
 * (PostgreSQL's SPI does the same).  A cascaded DELETE/UPDATE is itself a
 * ModifyTable and enforces the referencing table's own foreign keys.
 *
 * Memory: plans and queued events live in the state's context (freed with
 * the executor state); each event's queries run in a context reset after
 * it.  The queue holds one event per written row that needs one (PostgreSQL's
 * after-trigger queue is likewise per row).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/foreign_key.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "executor/execForeignKeys.h"
#include "executor/executor.h"
#include "planner/parser.h"
#include "planner/planner.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

/* The queries of one foreign key (see the header comment). */
typedef enum FKQuery
{
    FKQ_CHECK_PK,               /* $fk -> does the referenced row exist? */
    FKQ_PK_EXISTS,              /* $old pk -> does a referenced row (still) exist? */
    FKQ_REFERENCED,             /* $old pk -> is it referenced? */
    FKQ_CASCADE_DEL,
    FKQ_CASCADE_UPD,            /* $old pk, $new pk */
    FKQ_SETNULL,
    FKQ_SETDEFAULT,
    FKQ_COUNT
} FKQuery;

/* One foreign key with what its checks need, per statement. */
typedef struct FKKey
{
    ForeignKeyInfo fk;
    char       *fkrelname;      /* plain names, for messages */
    char       *pkrelname;
    char       *fkqual;         /* quoted, schema-qualified */
    char       *pkqual;
    char       *fkatt[INDEX_MAX_KEYS];     /* column names (plain) */
    char       *pkatt[INDEX_MAX_KEYS];
    Oid         fktype[INDEX_MAX_KEYS];
    Oid         pktype[INDEX_MAX_KEYS];
    int16       fklen[INDEX_MAX_KEYS];
    bool        fkbyval[INDEX_MAX_KEYS];
    int16       pklen[INDEX_MAX_KEYS];
    bool        pkbyval[INDEX_MAX_KEYS];
    PlannedStmt *plans[FKQ_COUNT];
    char       *sql[FKQ_COUNT];
} FKKey;

/* A queued check or action: key values, nkeys each (two sets for 'u'). */
typedef struct FKEvent
{
    FKKey      *key;
    char        kind;           /* 'c', 'd', 'u' */
    Datum      *vals;           /* 'c': fk values; 'd'/'u': old pk values, then new */
    bool       *nulls;
} FKEvent;

struct FKState
{
    Relation    rel;
    List       *outgoing;       /* FKKey *: rel is the referencing table */
    List       *incoming;       /* FKKey *: rel is the referenced table */
    List       *events;         /* FKEvent * in row order */
    MemoryContext cxt;
    MemoryContext runcxt;       /* one event's queries; reset after each */
    Datum      *oldvals;        /* the old row deformed, natts wide (reused) */
    bool       *oldnulls;
};

/* ---------------------------------------------------------------- setup */

static char *quote_one(const char *name);

/* "nsp"."rel", quoted as PostgreSQL's RI queries quote (always) */
static char *
qualified_name(Oid relid)
{
    return psprintf("%s.%s", quote_one(get_namespace_name(get_rel_namespace(relid))),
                    quote_one(get_rel_name(relid)));
}

static FKKey *
make_key(const ForeignKeyInfo *fk)
{
    FKKey      *k = palloc0(sizeof(FKKey));
    Relation    fkrel = relation_open(fk->conrelid, NoLock);
    Relation    pkrel = relation_open(fk->confrelid, NoLock);

    k->fk = *fk;
    k->fkrelname = pstrdup(RelationGetRelationName(fkrel));
    k->pkrelname = pstrdup(RelationGetRelationName(pkrel));
    k->fkqual = qualified_name(fk->conrelid);
    k->pkqual = qualified_name(fk->confrelid);
    for (int i = 0; i < fk->nkeys; i++)
    {
        Form_pg_attribute fa = TupleDescAttr(RelationGetDescr(fkrel), fk->conkey[i] - 1);
        Form_pg_attribute pa = TupleDescAttr(RelationGetDescr(pkrel), fk->confkey[i] - 1);

        k->fkatt[i] = pstrdup(NameStr(fa->attname));
        k->pkatt[i] = pstrdup(NameStr(pa->attname));
        k->fktype[i] = fa->atttypid;
        k->pktype[i] = pa->atttypid;
        k->fklen[i] = fa->attlen;
        k->fkbyval[i] = fa->attbyval;
        k->pklen[i] = pa->attlen;
        k->pkbyval[i] = pa->attbyval;
    }
    relation_close(pkrel, NoLock);
    relation_close(fkrel, NoLock);
    return k;
}

FKState *
ExecInitForeignKeys(Relation rel, CmdType operation)
{
    uint8       flags = RelationGetForeignKeyFlags(rel);
    bool        out = (flags & RELFK_REFERENCING) &&
        (operation == CMD_INSERT || operation == CMD_UPDATE);
    bool        in = (flags & RELFK_REFERENCED) &&
        (operation == CMD_UPDATE || operation == CMD_DELETE);
    FKState    *st;
    MemoryContext old;
    ListCell   *lc;

    if (!out && !in)
        return NULL;
    st = palloc0(sizeof(FKState));
    st->rel = rel;
    st->cxt = AllocSetContextCreate(CurrentMemoryContext, "foreign keys");
    st->runcxt = AllocSetContextCreate(st->cxt, "foreign key check");
    old = MemoryContextSwitchTo(st->cxt);
    st->oldvals = palloc(sizeof(Datum) * Max(RelationGetDescr(rel)->natts, 1));
    st->oldnulls = palloc(sizeof(bool) * Max(RelationGetDescr(rel)->natts, 1));
    if (out)
        foreach(lc, RelationGetForeignKeys(RelationGetRelid(rel)))
            st->outgoing = lappend(st->outgoing, make_key(lfirst(lc)));
    if (in)
        foreach(lc, RelationGetReferencingForeignKeys(RelationGetRelid(rel)))
            st->incoming = lappend(st->incoming, make_key(lfirst(lc)));
    MemoryContextSwitchTo(old);
    if (st->outgoing == NIL && st->incoming == NIL)
    {
        MemoryContextDelete(st->cxt);
        pfree(st);
        return NULL;
    }
    return st;
}

/* ---------------------------------------------------------------- queries */

/* PostgreSQL's quoteOneName: always double-quoted. */
static char *
quote_one(const char *name)
{
    StringInfoData buf;

    initStringInfo(&buf);
    appendStringInfoChar(&buf, '"');
    for (const char *c = name; *c; c++)
    {
        if (*c == '"')
            appendStringInfoChar(&buf, '"');
        appendStringInfoChar(&buf, *c);
    }
    appendStringInfoChar(&buf, '"');
    return buf.data;
}

static void
add_cast(StringInfo buf, Oid type)
{
    const TypeInfo *t = lookup_type(type);

    if (t != NULL)
        appendStringInfo(buf, "::%s.%s", quote_identifier(get_namespace_name(t->typnamespace)),
                         quote_identifier(NameStr(t->typname)));
}

/*
 * PostgreSQL's ri_GenerateQual: " sep left OPERATOR(nsp.op) right", with
 * a cast on a side whose type is not the operator's.
 */
static void
append_qual(StringInfo buf, const char *sep, const char *left, Oid lefttype, Oid opoid,
            const char *right, Oid righttype)
{
    const OperInfo *op = OidIsValid(opoid) ? lookup_operator(opoid) : NULL;

    appendStringInfo(buf, " %s ", sep);
    if (op == NULL)
    {
        appendStringInfo(buf, "%s = %s", left, right);
        return;
    }
    appendStringInfoString(buf, left);
    if (lefttype != op->oprleft)
        add_cast(buf, op->oprleft);
    appendStringInfo(buf, " OPERATOR(%s.%s) %s",
                     quote_identifier(get_namespace_name(op->oprnamespace)),
                     NameStr(op->oprname), right);
    if (righttype != op->oprright)
        add_cast(buf, op->oprright);
}

/* The text of query q for key k, as ri_triggers.c builds it. */
static char *
query_text(FKKey *k, FKQuery q)
{
    StringInfoData buf;
    int         n = k->fk.nkeys;
    char        param[16];

    initStringInfo(&buf);
    switch (q)
    {
        case FKQ_CHECK_PK:
        case FKQ_PK_EXISTS:
            appendStringInfo(&buf, "SELECT 1 FROM ONLY %s x", k->pkqual);
            for (int i = 0; i < n; i++)
            {
                snprintf(param, sizeof(param), "$%d", i + 1);
                if (q == FKQ_CHECK_PK)
                    append_qual(&buf, i ? "AND" : "WHERE", quote_one(k->pkatt[i]), k->pktype[i],
                                k->fk.pfeqop[i], param, k->fktype[i]);
                else
                    append_qual(&buf, i ? "AND" : "WHERE", quote_one(k->pkatt[i]), k->pktype[i],
                                k->fk.ppeqop[i], param, k->pktype[i]);
            }
            appendStringInfoString(&buf, " FOR KEY SHARE OF x");
            break;
        case FKQ_REFERENCED:
        case FKQ_CASCADE_DEL:
            if (q == FKQ_REFERENCED)
                appendStringInfo(&buf, "SELECT 1 FROM ONLY %s x", k->fkqual);
            else
                appendStringInfo(&buf, "DELETE FROM ONLY %s", k->fkqual);
            for (int i = 0; i < n; i++)
            {
                snprintf(param, sizeof(param), "$%d", i + 1);
                append_qual(&buf, i ? "AND" : "WHERE", param, k->pktype[i], k->fk.pfeqop[i],
                            quote_one(k->fkatt[i]), k->fktype[i]);
            }
            if (q == FKQ_REFERENCED)
                appendStringInfoString(&buf, " FOR KEY SHARE OF x");
            break;
        case FKQ_CASCADE_UPD:
        case FKQ_SETNULL:
        case FKQ_SETDEFAULT:
            {
                /* CASCADE: $1..$n the new key, $n+1..$2n the old one */
                int         qualparam = q == FKQ_CASCADE_UPD ? n + 1 : 1;

                appendStringInfo(&buf, "UPDATE ONLY %s SET", k->fkqual);
                for (int i = 0; i < n; i++)
                {
                    appendStringInfo(&buf, "%s %s = ", i ? "," : "", quote_one(k->fkatt[i]));
                    if (q == FKQ_CASCADE_UPD)
                        appendStringInfo(&buf, "$%d", i + 1);
                    else
                        appendStringInfoString(&buf, q == FKQ_SETNULL ? "NULL" : "DEFAULT");
                }
                for (int i = 0; i < n; i++)
                {
                    snprintf(param, sizeof(param), "$%d", qualparam + i);
                    append_qual(&buf, i ? "AND" : "WHERE", param, k->pktype[i], k->fk.pfeqop[i],
                                quote_one(k->fkatt[i]), k->fktype[i]);
                }
            }
            break;
        default:
            elog(ERROR, "unknown foreign key query %d", (int) q);
    }
    return buf.data;
}

/* Parameter types of query q: the fk types for the check, else the pk types. */
static int
query_argtypes(FKKey *k, FKQuery q, Oid *argtypes)
{
    for (int i = 0; i < k->fk.nkeys; i++)
    {
        argtypes[i] = q == FKQ_CHECK_PK ? k->fktype[i] : k->pktype[i];
        argtypes[k->fk.nkeys + i] = k->pktype[i];
    }
    return q == FKQ_CASCADE_UPD ? 2 * k->fk.nkeys : k->fk.nkeys;
}

static PlannedStmt *
get_plan(FKState *st, FKKey *k, FKQuery q)
{
    Oid         argtypes[2 * INDEX_MAX_KEYS];
    int         nargs;
    MemoryContext old;
    List       *raw;
    Query      *query;
    char       *sql;

    if (k->plans[q] != NULL)
        return k->plans[q];
    old = MemoryContextSwitchTo(st->cxt);
    sql = query_text(k, q);
    nargs = query_argtypes(k, q, argtypes);
    raw = raw_parser(sql);
    if (list_length(raw) != 1)
        elog(ERROR, "foreign key query is not one statement: %s", sql);
    query = parse_analyze_fixedparams(linitial(raw), sql, argtypes, nargs);
    k->plans[q] = pg_plan_query(query, sql, NULL);
    k->sql[q] = sql;
    MemoryContextSwitchTo(old);
    return k->plans[q];
}

/* Receives at most one row, copying its columns. */
typedef struct FirstRowReceiver
{
    DestReceiver pub;
    bool        got;
    int         natts;
    Datum       values[INDEX_MAX_KEYS];
    bool        nulls[INDEX_MAX_KEYS];
} FirstRowReceiver;

static bool
first_row_receive(TupleTableSlot *slot, DestReceiver *self)
{
    FirstRowReceiver *r = (FirstRowReceiver *) self;
    TupleDesc   desc = slot->tts_tupleDescriptor;

    if (r->got)
        return true;
    r->got = true;
    slot_getallattrs(slot);
    r->natts = Min(desc->natts, INDEX_MAX_KEYS);
    for (int i = 0; i < r->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        r->nulls[i] = slot->tts_isnull[i];
        r->values[i] = r->nulls[i] ? (Datum) 0 :
            datumCopy(slot->tts_values[i], att->attbyval, att->attlen);
    }
    return true;
}

static void
first_row_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
    (void) self;
    (void) operation;
    (void) typeinfo;
}

static void
first_row_noop(DestReceiver *self)
{
    (void) self;
}

/*
 * Run a planned check or action with parameters; for a SELECT, stop at
 * the first row and report whether there was one (copied into *recv).
 */
/* Errors raised while a check or action runs say which (PostgreSQL's SPI context). */
static void
query_error_context(void *arg)
{
    errcontext_msg("SQL statement \"%s\"", (const char *) arg);
}

static bool
run_plan(PlannedStmt *plan, const char *sql, bool latest, int nargs, const Oid *argtypes,
         const Datum *vals, const bool *nulls, FirstRowReceiver *recv)
{
    ParamListInfo params = nargs > 0 ? makeParamList(nargs) : NULL;
    QueryDesc  *qd;
    bool        select = plan->commandType == CMD_SELECT;
    ErrorContextCallback errcb;

    for (int i = 0; i < nargs; i++)
    {
        params->params[i].value = vals[i];
        params->params[i].isnull = nulls[i];
        params->params[i].ptype = argtypes[i];
    }
    memset(recv, 0, sizeof(*recv));
    recv->pub.receiveSlot = first_row_receive;
    recv->pub.rStartup = first_row_startup;
    recv->pub.rShutdown = first_row_noop;
    recv->pub.rDestroy = first_row_noop;
    recv->pub.mydest = DestNone;

    /* see the statement's own changes (and those of earlier actions) */
    CommandCounterIncrement();
    errcb.callback = query_error_context;
    errcb.arg = (void *) sql;
    errcb.previous = error_context_stack;
    error_context_stack = &errcb;
    qd = CreateQueryDesc(plan, sql, latest ? GetCatalogSnapshot() : GetTransactionSnapshot(),
                         select ? &recv->pub : None_Receiver, params);
    ExecutorStart(qd, 0);
    ExecutorRun(qd, ForwardScanDirection, select ? 1 : 0);
    ExecutorFinish(qd);
    ExecutorEnd(qd);
    FreeQueryDesc(qd);
    error_context_stack = errcb.previous;
    return recv->got;
}

/* Run query q of key k; vals/nulls: the event's key(s) (for 'u': old, then new). */
static bool
run_query(FKState *st, FKKey *k, FKQuery q, const Datum *vals, const bool *nulls)
{
    PlannedStmt *plan = get_plan(st, k, q);
    Oid         argtypes[2 * INDEX_MAX_KEYS];
    int         nargs = query_argtypes(k, q, argtypes);
    FirstRowReceiver recv;

    /*
     * REPEATABLE READ / SERIALIZABLE: what references (or replaces) a
     * referenced key must be found even if committed after our snapshot
     * (PostgreSQL's detectNewRows): those queries read a fresh snapshot
     * (the catalog snapshot is one).  The check of a new referencing row
     * reads the transaction snapshot, as PostgreSQL's.
     */
    bool        latest = q != FKQ_CHECK_PK && IsolationUsesXactSnapshot();

    if (q == FKQ_CASCADE_UPD)
    {
        /* the query takes the new key first */
        Datum       v[2 * INDEX_MAX_KEYS];
        bool        n[2 * INDEX_MAX_KEYS];
        int         nk = k->fk.nkeys;

        for (int i = 0; i < nk; i++)
        {
            v[i] = vals[nk + i];
            n[i] = nulls[nk + i];
            v[nk + i] = vals[i];
            n[nk + i] = nulls[i];
        }
        return run_plan(plan, k->sql[q], latest, nargs, argtypes, v, n, &recv);
    }
    return run_plan(plan, k->sql[q], latest, nargs, argtypes, vals, nulls, &recv);
}

/* ---------------------------------------------------------------- errors */

/* "(a, b)=(1, 2)" for PostgreSQL's "Key ... is not present" details. */
static char *
key_description(char **names, const Oid *types, int n, const Datum *vals, const bool *nulls)
{
    StringInfoData buf;

    initStringInfo(&buf);
    appendStringInfoChar(&buf, '(');
    for (int i = 0; i < n; i++)
        appendStringInfo(&buf, "%s%s", i ? ", " : "", names[i]);
    appendStringInfoString(&buf, ")=(");
    for (int i = 0; i < n; i++)
    {
        if (i)
            appendStringInfoString(&buf, ", ");
        if (nulls[i])
            appendStringInfoString(&buf, "null");
        else
        {
            Oid         out;
            bool        varlena;

            getTypeOutputInfo(types[i], &out, &varlena);
            appendStringInfoString(&buf, OidOutputFunctionCall(out, vals[i]));
        }
    }
    appendStringInfoChar(&buf, ')');
    return buf.data;
}

static void
report_not_present(FKKey *k, const Datum *vals, const bool *nulls)
{
    ereport(ERROR,
            errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
            errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
                   k->fkrelname, NameStr(k->fk.conname)),
            errdetail("Key %s is not present in table \"%s\".",
                      key_description(k->fkatt, k->fktype, k->fk.nkeys, vals, nulls),
                      k->pkrelname));
}

static void
report_match_full(const char *fkrelname, const char *conname)
{
    ereport(ERROR,
            errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
            errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
                   fkrelname, conname),
            errdetail("MATCH FULL does not allow mixing of null and nonnull key values."));
}

static void
report_still_referenced(FKKey *k, const Datum *vals, const bool *nulls)
{
    ereport(ERROR,
            errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
            errmsg("update or delete on table \"%s\" violates foreign key constraint \"%s\" on table \"%s\"",
                   k->pkrelname, NameStr(k->fk.conname), k->fkrelname),
            errdetail("Key %s is still referenced from table \"%s\".",
                      key_description(k->pkatt, k->pktype, k->fk.nkeys, vals, nulls),
                      k->fkrelname));
}

/* ---------------------------------------------------------------- queueing */

static FKEvent *
queue_event(FKState *st, FKKey *k, char kind)
{
    MemoryContext old = MemoryContextSwitchTo(st->cxt);
    int         n = kind == 'u' ? 2 * k->fk.nkeys : k->fk.nkeys;
    FKEvent    *ev = palloc(sizeof(FKEvent));

    ev->key = k;
    ev->kind = kind;
    ev->vals = palloc(sizeof(Datum) * n);
    ev->nulls = palloc(sizeof(bool) * n);
    st->events = lappend(st->events, ev);
    MemoryContextSwitchTo(old);
    return ev;
}

/* Copy the key columns attnos of a row into ev's arrays from position off. */
static void
copy_key(FKState *st, FKEvent *ev, int off, const int16 *attnos, const int16 *lens,
         const bool *byvals, const Datum *rowvals, const bool *rownulls)
{
    MemoryContext old = MemoryContextSwitchTo(st->cxt);

    for (int i = 0; i < ev->key->fk.nkeys; i++)
    {
        int         a = attnos[i] - 1;

        ev->nulls[off + i] = rownulls[a];
        ev->vals[off + i] = rownulls[a] ? (Datum) 0 :
            datumCopy(rowvals[a], byvals[i], lens[i]);
    }
    MemoryContextSwitchTo(old);
}

/* How many of the key columns attnos are NULL in the row? */
static int
count_nulls(const ForeignKeyInfo *fk, const int16 *attnos, const bool *rownulls)
{
    int         n = 0;

    for (int i = 0; i < fk->nkeys; i++)
        n += rownulls[attnos[i] - 1];
    return n;
}

static bool
keys_equal(const ForeignKeyInfo *fk, const int16 *attnos, const int16 *lens, const bool *byvals,
           const Datum *v1, const bool *n1, const Datum *v2, const bool *n2)
{
    for (int i = 0; i < fk->nkeys; i++)
    {
        int         a = attnos[i] - 1;

        if (n1[a] != n2[a])
            return false;
        if (!n1[a] && !datumIsEqual(v1[a], v2[a], byvals[i], lens[i]))
            return false;
    }
    return true;
}

/* A new referencing row: queue its check (MATCH SIMPLE: none if a key column is NULL). */
static void
queue_check(FKState *st, FKKey *k, const Datum *vals, const bool *nulls)
{
    int         nnull = count_nulls(&k->fk, k->fk.conkey, nulls);

    if (nnull == k->fk.nkeys)
        return;
    if (nnull > 0)
    {
        if (k->fk.confmatchtype == FKCONSTR_MATCH_FULL)
            report_match_full(k->fkrelname, NameStr(k->fk.conname));
        return;
    }
    copy_key(st, queue_event(st, k, 'c'), 0, k->fk.conkey, k->fklen, k->fkbyval, vals, nulls);
}

void
ExecFKInsert(FKState *st, TupleTableSlot *newslot)
{
    ListCell   *lc;

    slot_getallattrs(newslot);
    foreach(lc, st->outgoing)
        queue_check(st, lfirst(lc), newslot->tts_values, newslot->tts_isnull);
}

/* Deform the old row into the state's arrays (valid until the next row). */
static void
deform_old(FKState *st, HeapTuple oldtup, Datum **vals, bool **nulls)
{
    heap_deform_tuple(oldtup, RelationGetDescr(st->rel), st->oldvals, st->oldnulls);
    *vals = st->oldvals;
    *nulls = st->oldnulls;
}

void
ExecFKUpdate(FKState *st, HeapTuple oldtup, TupleTableSlot *newslot)
{
    Datum      *ov;
    bool       *on;
    ListCell   *lc;

    slot_getallattrs(newslot);
    deform_old(st, oldtup, &ov, &on);
    foreach(lc, st->outgoing)
    {
        FKKey      *k = lfirst(lc);

        /* an unchanged key was checked when it was written */
        if (!keys_equal(&k->fk, k->fk.conkey, k->fklen, k->fkbyval, ov, on,
                        newslot->tts_values, newslot->tts_isnull))
            queue_check(st, k, newslot->tts_values, newslot->tts_isnull);
    }
    foreach(lc, st->incoming)
    {
        FKKey      *k = lfirst(lc);
        FKEvent    *ev;

        if (count_nulls(&k->fk, k->fk.confkey, on) > 0 ||
            keys_equal(&k->fk, k->fk.confkey, k->pklen, k->pkbyval, ov, on,
                       newslot->tts_values, newslot->tts_isnull))
            continue;
        ev = queue_event(st, k, 'u');
        copy_key(st, ev, 0, k->fk.confkey, k->pklen, k->pkbyval, ov, on);
        copy_key(st, ev, k->fk.nkeys, k->fk.confkey, k->pklen, k->pkbyval,
                 newslot->tts_values, newslot->tts_isnull);
    }
}

void
ExecFKDelete(FKState *st, HeapTuple oldtup)
{
    Datum      *ov;
    bool       *on;
    ListCell   *lc;

    deform_old(st, oldtup, &ov, &on);
    foreach(lc, st->incoming)
    {
        FKKey      *k = lfirst(lc);

        if (count_nulls(&k->fk, k->fk.confkey, on) > 0)
            continue;
        copy_key(st, queue_event(st, k, 'd'), 0, k->fk.confkey, k->pklen, k->pkbyval, ov, on);
    }
}

/* ---------------------------------------------------------------- firing */

static void
fire_event(FKState *st, FKEvent *ev)
{
    FKKey      *k = ev->key;
    char        action;

    if (ev->kind == 'c')
    {
        if (!run_query(st, k, FKQ_CHECK_PK, ev->vals, ev->nulls))
            report_not_present(k, ev->vals, ev->nulls);
        return;
    }
    action = ev->kind == 'd' ? k->fk.confdeltype : k->fk.confupdtype;
    switch (action)
    {
        case FKCONSTR_ACTION_NOACTION:
            /* another row took the old key: nothing lost (ri_Check_Pk_Match) */
            if (run_query(st, k, FKQ_PK_EXISTS, ev->vals, ev->nulls))
                return;
            /* FALLTHROUGH */
        case FKCONSTR_ACTION_RESTRICT:
            if (run_query(st, k, FKQ_REFERENCED, ev->vals, ev->nulls))
                report_still_referenced(k, ev->vals, ev->nulls);
            break;
        case FKCONSTR_ACTION_CASCADE:
            (void) run_query(st, k, ev->kind == 'd' ? FKQ_CASCADE_DEL : FKQ_CASCADE_UPD,
                             ev->vals, ev->nulls);
            break;
        case FKCONSTR_ACTION_SETNULL:
            (void) run_query(st, k, FKQ_SETNULL, ev->vals, ev->nulls);
            break;
        case FKCONSTR_ACTION_SETDEFAULT:
            (void) run_query(st, k, FKQ_SETDEFAULT, ev->vals, ev->nulls);

            /*
             * A default equal to the old key left those rows as they were,
             * so their own check did not run: check as NO ACTION does
             * (PostgreSQL's ri_set).
             */
            if (!run_query(st, k, FKQ_PK_EXISTS, ev->vals, ev->nulls) &&
                run_query(st, k, FKQ_REFERENCED, ev->vals, ev->nulls))
                report_still_referenced(k, ev->vals, ev->nulls);
            break;
        default:
            elog(ERROR, "unknown foreign key action '%c'", action);
    }
}

void
ExecFKEndStatement(FKState *st)
{
    ListCell   *lc;
    List       *events = st->events;

    st->events = NIL;
    foreach(lc, events)
    {
        MemoryContext old = MemoryContextSwitchTo(st->runcxt);

        fire_event(st, lfirst(lc));
        MemoryContextSwitchTo(old);
        MemoryContextReset(st->runcxt);
    }
}

void
ExecFKNodeDone(EState *estate, FKState *st)
{
    if (estate->es_plannedstmt != NULL && estate->es_plannedstmt->modifyingCtePlanIds != NIL)
    {
        MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);

        if (!list_member_ptr(estate->es_fkstates, st))
            estate->es_fkstates = lappend(estate->es_fkstates, st);
        MemoryContextSwitchTo(old);
        return;
    }
    ExecFKEndStatement(st);
}

void
ExecFKEndQuery(EState *estate)
{
    ListCell   *lc;

    foreach(lc, estate->es_fkstates)
        ExecFKEndStatement(lfirst(lc));
    estate->es_fkstates = NIL;
}

/* ---------------------------------------------------------------- ALTER TABLE */

void
ExecFKValidateExisting(const ForeignKeyInfo *fk)
{
    FKKey      *k = make_key(fk);
    StringInfoData buf;
    List       *raw;
    Query      *query;
    PlannedStmt *plan;
    FirstRowReceiver recv;

    /* PostgreSQL's RI_Initial_Check: an anti-join finding the first orphan */
    initStringInfo(&buf);
    appendStringInfoString(&buf, "SELECT ");
    for (int i = 0; i < fk->nkeys; i++)
        appendStringInfo(&buf, "%sfk.%s", i ? ", " : "", quote_one(k->fkatt[i]));
    appendStringInfo(&buf, " FROM ONLY %s fk LEFT OUTER JOIN ONLY %s pk ON", k->fkqual, k->pkqual);
    for (int i = 0; i < fk->nkeys; i++)
        append_qual(&buf, i ? "AND" : "(", psprintf("pk.%s", quote_one(k->pkatt[i])), k->pktype[i],
                    fk->pfeqop[i], psprintf("fk.%s", quote_one(k->fkatt[i])), k->fktype[i]);
    appendStringInfo(&buf, ") WHERE pk.%s IS NULL AND (", quote_one(k->pkatt[0]));
    for (int i = 0; i < fk->nkeys; i++)
        appendStringInfo(&buf, "%sfk.%s IS NOT NULL",
                         i ? (fk->confmatchtype == FKCONSTR_MATCH_FULL ? " OR " : " AND ") : "",
                         quote_one(k->fkatt[i]));
    appendStringInfoChar(&buf, ')');
    raw = raw_parser(buf.data);
    query = parse_analyze_fixedparams(linitial(raw), buf.data, NULL, 0);
    plan = pg_plan_query(query, buf.data, NULL);
    if (!run_plan(plan, buf.data, false, 0, NULL, NULL, NULL, &recv))
        return;
    if (fk->confmatchtype == FKCONSTR_MATCH_FULL)
        for (int i = 0; i < fk->nkeys; i++)
            if (recv.nulls[i])
                report_match_full(k->fkrelname, NameStr(fk->conname));
    report_not_present(k, recv.values, recv.nulls);
}
