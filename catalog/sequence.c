/*-------------------------------------------------------------------------
 * sequence.c
 *    Sequence generators (PostgreSQL's commands/sequence.c) and the
 *    regclass type's I/O.
 *
 * Principal entry points:
 *    DefineSequence / RemoveSequences      CREATE / DROP SEQUENCE
 *    CreateOwnedSequence                   serial and identity columns
 *    nextval_oid, currval_oid, setval_oid, setval3_oid, lastval  (SQL)
 *    regclassin, regclassout, text_regclass                      (SQL)
 *
 * Storage, as PostgreSQL's: a sequence is a relation of relkind 'S' whose
 * heap holds one row (last_value bigint, log_cnt bigint, is_called bool)
 * at (0,1); its parameters are a pg_sequence row.  nextval and setval are
 * not transactional: they overwrite the row's data in place, under the
 * buffer's exclusive lock, and never roll back.  The page is registered
 * as dirtied by the transaction (which takes an xid), so its commit
 * flushes it; a value handed out by a transaction that aborts may be
 * handed out again after a crash, which nothing can have committed.
 * CACHE is recorded but every nextval goes to the shared row (the values
 * are those of CACHE 1; log_cnt is always 0).
 *
 * Ownership (serial/identity): a pg_depend row (classid pg_class, objid
 * sequence, refobjid table, refobjsubid column, deptype 'a'); DROP TABLE
 * drops the owned sequences, DROP SEQUENCE of an owned one is refused.
 *
 * Session state: currval/lastval per backend in a list in
 * TopMemoryContext (one entry per sequence used in the session, as
 * PostgreSQL's SeqTable).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <errno.h>
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "backend/utils/stringinfo.h"
#include "planner/planner.h"
#include "procs/fmgr.h"
#include "storage/bufmgr.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/page.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

typedef struct SeqParams
{
    Oid         typid;
    int64       start;
    int64       increment;
    int64       max;
    int64       min;
    int64       cache;
    bool        cycle;
} SeqParams;

/* The row stored in the sequence's heap (PostgreSQL's FormData_pg_sequence_data). */
typedef struct SeqData
{
    int64       last_value;
    int64       log_cnt;
    bool        is_called;
} SeqData;

/* ---------------------------------------------------------------- options */

static int64
defel_int64(PgQuery__DefElem *d)
{
    PgQuery__Node *a = d->arg;

    if (a == NULL)
        ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("%s requires a numeric value", d->defname));
    if (a->node_case == PG_QUERY__NODE__NODE_INTEGER)
        return a->integer->ival;
    if (a->node_case == PG_QUERY__NODE__NODE_FLOAT)
    {
        char   *end;
        long long v;

        errno = 0;
        v = strtoll(a->float_->fval, &end, 10);
        if (errno != 0 || *end != '\0')
            ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                    errmsg("value \"%s\" is out of range for type %s", a->float_->fval, "bigint"));
        return v;
    }
    ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("%s requires a numeric value", d->defname));
    return 0;
}

static void
type_range(Oid typid, int64 *lo, int64 *hi)
{
    if (typid == INT2OID)
        *lo = PG_INT16_MIN, *hi = PG_INT16_MAX;
    else if (typid == INT4OID)
        *lo = PG_INT32_MIN, *hi = PG_INT32_MAX;
    else
        *lo = PG_INT64_MIN, *hi = PG_INT64_MAX;
}

/* PostgreSQL's init_params for a new sequence; OWNED BY is returned. */
static void
init_params(PgQuery__Node **options, size_t n, SeqParams *p, Oid deftype,
            PgQuery__List **owned_by)
{
    PgQuery__DefElem *as = NULL, *inc = NULL, *start = NULL, *restart = NULL,
               *minv = NULL, *maxv = NULL, *cache = NULL, *cycle = NULL, *owned = NULL;
    int64       lo, hi;

    for (size_t i = 0; i < n; i++)
    {
        PgQuery__DefElem *d;
        PgQuery__DefElem **slot;

        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        d = options[i]->def_elem;
        if (strcmp(d->defname, "as") == 0) slot = &as;
        else if (strcmp(d->defname, "increment") == 0) slot = &inc;
        else if (strcmp(d->defname, "start") == 0) slot = &start;
        else if (strcmp(d->defname, "restart") == 0) slot = &restart;
        else if (strcmp(d->defname, "minvalue") == 0) slot = &minv;
        else if (strcmp(d->defname, "maxvalue") == 0) slot = &maxv;
        else if (strcmp(d->defname, "cache") == 0) slot = &cache;
        else if (strcmp(d->defname, "cycle") == 0) slot = &cycle;
        else if (strcmp(d->defname, "owned_by") == 0) slot = &owned;
        else if (strcmp(d->defname, "sequence_name") == 0 || strcmp(d->defname, "logged") == 0)
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("sequence option \"%s\" is not supported yet", d->defname));
        else
            elog(ERROR, "option \"%s\" not recognized", d->defname);
        if (*slot != NULL)
            ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("conflicting or redundant options"));
        *slot = d;
    }

    p->typid = deftype;
    if (as != NULL)
    {
        Oid     typid;
        int32   typmod;

        typenameTypeIdAndMod(as->arg->type_name, &typid, &typmod);
        if (typid != INT2OID && typid != INT4OID && typid != INT8OID)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("sequence type must be smallint, integer, or bigint"));
        p->typid = typid;
    }
    type_range(p->typid, &lo, &hi);

    p->increment = inc ? defel_int64(inc) : 1;
    if (p->increment == 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("INCREMENT must not be zero"));
    p->cycle = cycle ? (cycle->arg && cycle->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN ?
                        cycle->arg->boolean->boolval : true) : false;

    if (maxv != NULL && maxv->arg != NULL)
        p->max = defel_int64(maxv);
    else
        p->max = p->increment > 0 ? hi : -1;
    if (p->max < lo || p->max > hi)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("MAXVALUE (%lld) is out of range for sequence data type %s",
                       (long long) p->max, format_type_be(p->typid)));
    if (minv != NULL && minv->arg != NULL)
        p->min = defel_int64(minv);
    else
        p->min = p->increment > 0 ? 1 : lo;
    if (p->min < lo || p->min > hi)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("MINVALUE (%lld) is out of range for sequence data type %s",
                       (long long) p->min, format_type_be(p->typid)));
    if (p->min >= p->max)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("MINVALUE (%lld) must be less than MAXVALUE (%lld)",
                       (long long) p->min, (long long) p->max));

    p->start = start ? defel_int64(start) : (p->increment > 0 ? p->min : p->max);
    if (p->start < p->min)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("START value (%lld) cannot be less than MINVALUE (%lld)",
                       (long long) p->start, (long long) p->min));
    if (p->start > p->max)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("START value (%lld) cannot be greater than MAXVALUE (%lld)",
                       (long long) p->start, (long long) p->max));
    if (restart != NULL)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("RESTART in CREATE SEQUENCE is not supported yet"));

    p->cache = cache ? defel_int64(cache) : 1;
    if (p->cache <= 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("CACHE (%lld) must be greater than zero", (long long) p->cache));

    *owned_by = NULL;
    if (owned != NULL && owned->arg != NULL && owned->arg->node_case == PG_QUERY__NODE__NODE_LIST)
        *owned_by = owned->arg->list;
}

/* ---------------------------------------------------------------- create */

static void
insert_depend(Oid seqid, Oid relid, int16 attnum)
{
    Relation    rel = table_open(DependRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_depend];
    bool        nulls[Natts_pg_depend];
    HeapTuple   tup;

    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_depend_classid - 1] = ObjectIdGetDatum(RelationRelationId);
    values[Anum_pg_depend_objid - 1] = ObjectIdGetDatum(seqid);
    values[Anum_pg_depend_objsubid - 1] = Int32GetDatum(0);
    values[Anum_pg_depend_refclassid - 1] = ObjectIdGetDatum(RelationRelationId);
    values[Anum_pg_depend_refobjid - 1] = ObjectIdGetDatum(relid);
    values[Anum_pg_depend_refobjsubid - 1] = Int32GetDatum(attnum);
    values[Anum_pg_depend_deptype - 1] = CharGetDatum('a');
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

static Oid
create_sequence(const char *seqname, Oid nspid, const SeqParams *p)
{
    TupleDesc   desc = CreateTemplateTupleDesc(3);
    Oid         seqid;
    Relation    rel;
    Datum       values[Natts_pg_sequence];
    bool        nulls[Natts_pg_sequence];
    Datum       dvalues[3];
    bool        dnulls[3] = {false, false, false};
    HeapTuple   tup;

    TupleDescInitEntry(desc, 1, "last_value", INT8OID, -1, 0);
    TupleDescInitEntry(desc, 2, "log_cnt", INT8OID, -1, 0);
    TupleDescInitEntry(desc, 3, "is_called", BOOLOID, -1, 0);
    for (int i = 0; i < 3; i++)
        TupleDescAttr(desc, i)->attnotnull = true;
    seqid = heap_create_with_catalog(seqname, nspid, desc, RELKIND_SEQUENCE,
                                     isTempNamespace(nspid) ? RELPERSISTENCE_TEMP :
                                     RELPERSISTENCE_PERMANENT, (Datum) 0);

    rel = table_open(SequenceRelationId, RowExclusiveLock);
    memset(nulls, false, sizeof(nulls));
    values[Anum_pg_sequence_seqrelid - 1] = ObjectIdGetDatum(seqid);
    values[Anum_pg_sequence_seqtypid - 1] = ObjectIdGetDatum(p->typid);
    values[Anum_pg_sequence_seqstart - 1] = Int64GetDatum(p->start);
    values[Anum_pg_sequence_seqincrement - 1] = Int64GetDatum(p->increment);
    values[Anum_pg_sequence_seqmax - 1] = Int64GetDatum(p->max);
    values[Anum_pg_sequence_seqmin - 1] = Int64GetDatum(p->min);
    values[Anum_pg_sequence_seqcache - 1] = Int64GetDatum(p->cache);
    values[Anum_pg_sequence_seqcycle - 1] = BoolGetDatum(p->cycle);
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    table_close(rel, RowExclusiveLock);

    CommandCounterIncrement();
    rel = relation_open(seqid, AccessExclusiveLock);
    dvalues[0] = Int64GetDatum(p->start);
    dvalues[1] = Int64GetDatum(0);
    dvalues[2] = BoolGetDatum(false);
    tup = heap_form_tuple(RelationGetDescr(rel), dvalues, dnulls);
    simple_heap_insert(rel, tup);
    relation_close(rel, NoLock);
    return seqid;
}

static void
check_name_free(const char *name, Oid nspid)
{
    if (OidIsValid(get_relname_relid(name, nspid)))
        ereport(ERROR, errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists", name));
    if (lookup_type_by_name(nspid, name) != NULL)
        ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("type \"%s\" already exists", name),
                errhint("A relation has an associated type of the same name, "
                        "so you must use a name that doesn't conflict "
                        "with any existing type."));
}

void
DefineSequence(PgQuery__CreateSeqStmt *stmt, const char *queryString)
{
    PgQuery__RangeVar *rv = stmt->sequence;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         nspid;
    SeqParams   p;
    PgQuery__List *owned_by;

    if (rv->relpersistence && rv->relpersistence[0] == 't')
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("temporary sequences are not supported yet"));
    if (rv->relpersistence && rv->relpersistence[0] == 'u')
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("unlogged sequences are not supported yet"));
    if (schemaname != NULL)
    {
        nspid = get_namespace_oid(schemaname, true);
        if (!OidIsValid(nspid))
            ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", schemaname));
    }
    else
        nspid = LookupCreationNamespace(NULL);

    LockRelationOid(RelationRelationId, ShareUpdateExclusiveLock);
    AcceptInvalidationMessages();
    if (stmt->if_not_exists && OidIsValid(get_relname_relid(rv->relname, nspid)))
    {
        ereport(NOTICE, errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists, skipping", rv->relname));
        return;
    }
    init_params(stmt->options, stmt->n_options, &p, INT8OID, &owned_by);
    if (owned_by != NULL)
    {
        /* OWNED BY NONE is the default; a column needs pg_depend checks */
        if (!(owned_by->n_items == 1 && owned_by->items[0]->node_case == PG_QUERY__NODE__NODE_STRING &&
              strcmp(owned_by->items[0]->string->sval, "none") == 0))
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("OWNED BY in CREATE SEQUENCE is not supported yet"));
    }
    check_name_free(rv->relname, nspid);
    if (IsSystemNamespace(nspid))
        ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied to create \"%s.%s\"", get_namespace_name(nspid), rv->relname),
                errdetail("System catalog modifications are currently disallowed."));
    (void) create_sequence(rv->relname, nspid, &p);
    CommandCounterIncrement();
}

/* PostgreSQL's makeObjectName(name1, name2, label), truncating to fit. */
static char *
make_object_name(const char *name1, const char *name2, const char *label)
{
    int     l1 = (int) strlen(name1), l2 = (int) strlen(name2), ll = (int) strlen(label);
    int     overhead = 2 + ll;
    char   *name;

    while (l1 + l2 + overhead > NAMEDATALEN - 1)
    {
        if (l1 > l2)
            l1--;
        else
            l2--;
    }
    /* do not split a UTF-8 character */
    while (l1 > 0 && ((unsigned char) name1[l1] & 0xC0) == 0x80)
        l1--;
    while (l2 > 0 && ((unsigned char) name2[l2] & 0xC0) == 0x80)
        l2--;
    name = palloc(NAMEDATALEN);
    snprintf(name, NAMEDATALEN, "%.*s_%.*s_%s", l1, name1, l2, name2, label);
    return name;
}

/* The text of a regclass literal naming relid as regclassout would. */
static char *
regclass_name(Oid relid)
{
    char   *rel = get_rel_name(relid);
    char   *s;

    if (RelationIsVisible(relid))
        s = pstrdup(quote_identifier(rel));
    else
        s = psprintf("%s.%s", quote_identifier(get_namespace_name(get_rel_namespace(relid))),
                     quote_identifier(rel));
    return s;
}

char *
CreateOwnedSequence(const char *relname, Oid nspid, const char *colname,
                    Oid seqtypid, PgQuery__Node **options, size_t noptions,
                    Oid relid, int16 attnum)
{
    SeqParams   p;
    PgQuery__List *owned_by;
    char       *seqname = NULL;
    char       *lit;
    StringInfoData buf;
    Oid         seqid;

    init_params(options, noptions, &p, seqtypid, &owned_by);
    for (int pass = 0;; pass++)
    {
        char label[32];

        if (pass == 0)
            snprintf(label, sizeof(label), "seq");
        else
            snprintf(label, sizeof(label), "seq%d", pass);
        seqname = make_object_name(relname, colname, label);
        if (!OidIsValid(get_relname_relid(seqname, nspid)) &&
            lookup_type_by_name(nspid, seqname) == NULL)
            break;
    }
    seqid = create_sequence(seqname, nspid, &p);
    insert_depend(seqid, relid, attnum);
    CommandCounterIncrement();

    lit = regclass_name(seqid);
    initStringInfo(&buf);
    appendStringInfoString(&buf, "nextval('");
    for (const char *c = lit; *c; c++)
    {
        if (*c == '\'')
            appendStringInfoChar(&buf, '\'');
        appendStringInfoChar(&buf, *c);
    }
    appendStringInfoString(&buf, "'::regclass)");
    return buf.data;
}

/* ---------------------------------------------------------------- dependencies */

static List *
depend_scan(Oid key, int keyattno, int resultattno)
{
    Relation    rel = table_open(DependRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_depend_classid, desc, &isnull)) != RelationRelationId ||
            DatumGetObjectId(heap_getattr(tup, keyattno, desc, &isnull)) != key ||
            DatumGetChar(heap_getattr(tup, Anum_pg_depend_deptype, desc, &isnull)) != 'a')
            continue;
        result = lappend_oid(result,
                             DatumGetObjectId(heap_getattr(tup, resultattno, desc, &isnull)));
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

List *
GetOwnedSequences(Oid relid)
{
    return depend_scan(relid, Anum_pg_depend_refobjid, Anum_pg_depend_objid);
}

void
DeleteDependenciesOf(Oid relid)
{
    DeleteCatalogRowsByOid(DependRelationId, Anum_pg_depend_objid, relid);
    DeleteCatalogRowsByOid(DependRelationId, Anum_pg_depend_refobjid, relid);
}

void
DropSequenceInternal(Oid seqid)
{
    DeleteCatalogRowsByOid(SequenceRelationId, Anum_pg_sequence_seqrelid, seqid);
    DeleteDependenciesOf(seqid);
    heap_drop_with_catalog(seqid);
}

void
RemoveSequences(PgQuery__DropStmt *stmt)
{
    List       *seqids = NIL;
    ListCell   *lc;

    for (size_t i = 0; i < stmt->n_objects; i++)
    {
        PgQuery__List *names = stmt->objects[i]->list;
        const char *relname = names->items[names->n_items - 1]->string->sval;
        const char *schemaname = names->n_items >= 2 ? names->items[names->n_items - 2]->string->sval : NULL;
        Oid         relid;
        char        relkind;
        List       *owner;

        if (schemaname != NULL && !OidIsValid(get_namespace_oid(schemaname, true)))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE, errmsg("schema \"%s\" does not exist, skipping", schemaname));
                continue;
            }
            ereport(ERROR, errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", schemaname));
        }
        relid = RangeVarGetRelidExtended(schemaname, relname, AccessExclusiveLock, true);
        if (!OidIsValid(relid))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE, errmsg("sequence \"%s\" does not exist, skipping", relname));
                continue;
            }
            ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("sequence \"%s\" does not exist", relname));
        }
        relkind = get_rel_relkind(relid);
        if (relkind != RELKIND_SEQUENCE)
            ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is not a sequence", relname),
                    relkind == RELKIND_RELATION ? errhint("Use DROP TABLE to remove a table.") :
                    relkind == RELKIND_VIEW ? errhint("Use DROP VIEW to remove a view.") : 0);
        if (IsSystemNamespace(get_rel_namespace(relid)))
            ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                    errmsg("permission denied: \"%s\" is a system catalog", relname));
        owner = depend_scan(relid, Anum_pg_depend_objid, Anum_pg_depend_refobjid);
        if (owner != NIL)
        {
            Oid         tabid = linitial_oid(owner);
            List       *cols = depend_scan(relid, Anum_pg_depend_objid, Anum_pg_depend_refobjsubid);
            Relation    trel = relation_open(tabid, AccessShareLock);
            int         attnum = (int) linitial_oid(cols);
            const char *colname = (attnum > 0 && attnum <= RelationGetNumberOfAttributes(trel)) ?
                NameStr(TupleDescAttr(RelationGetDescr(trel), attnum - 1)->attname) : "?";

            if (stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("DROP SEQUENCE ... CASCADE of an owned sequence is not supported yet"));
            ereport(ERROR, errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                    errmsg("cannot drop sequence %s because other objects depend on it", relname),
                    errdetail("default value for column %s of table %s depends on sequence %s",
                              colname, RelationGetRelationName(trel), relname),
                    errhint("Use DROP ... CASCADE to drop the dependent objects too."));
        }
        if (!list_member_oid(seqids, relid))
            seqids = lappend_oid(seqids, relid);
    }
    foreach(lc, seqids)
        DropSequenceInternal(lfirst_oid(lc));
    if (seqids != NIL)
        CommandCounterIncrement();
}

/* ---------------------------------------------------------------- session state */

typedef struct SeqSession
{
    Oid         relid;
    bool        last_valid;
    int64       last;
} SeqSession;

static List *seq_session;       /* of SeqSession, in TopMemoryContext */
static SeqSession *last_used;

static SeqSession *
session_entry(Oid relid)
{
    ListCell   *lc;
    SeqSession *e;
    MemoryContext old;

    foreach(lc, seq_session)
    {
        e = lfirst(lc);
        if (e->relid == relid)
            return e;
    }
    old = MemoryContextSwitchTo(TopMemoryContext);
    e = palloc0(sizeof(SeqSession));
    e->relid = relid;
    seq_session = lappend(seq_session, e);
    MemoryContextSwitchTo(old);
    return e;
}

/* ---------------------------------------------------------------- access */

static Relation
open_sequence(Oid relid, LOCKMODE mode)
{
    Relation rel = try_relation_open(relid, mode);

    if (rel == NULL)
        ereport(ERROR, errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("could not open relation with OID %u", relid));
    if (rel->relkind != RELKIND_SEQUENCE)
        ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a sequence", RelationGetRelationName(rel)));
    return rel;
}

static void
read_params(Oid relid, SeqParams *p)
{
    Relation    rel = table_open(SequenceRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    bool        found = false;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        Datum   v[Natts_pg_sequence];
        bool    n[Natts_pg_sequence];

        heap_deform_tuple(tup, desc, v, n);
        if (DatumGetObjectId(v[Anum_pg_sequence_seqrelid - 1]) != relid)
            continue;
        p->typid = DatumGetObjectId(v[Anum_pg_sequence_seqtypid - 1]);
        p->start = DatumGetInt64(v[Anum_pg_sequence_seqstart - 1]);
        p->increment = DatumGetInt64(v[Anum_pg_sequence_seqincrement - 1]);
        p->max = DatumGetInt64(v[Anum_pg_sequence_seqmax - 1]);
        p->min = DatumGetInt64(v[Anum_pg_sequence_seqmin - 1]);
        p->cache = DatumGetInt64(v[Anum_pg_sequence_seqcache - 1]);
        p->cycle = DatumGetBool(v[Anum_pg_sequence_seqcycle - 1]);
        found = true;
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    if (!found)
        elog(ERROR, "cache lookup failed for sequence %u", relid);
}

/* Pin and lock the sequence's row; returns a pointer to its data. */
static SeqData *
lock_seq_row(Relation rel, Buffer *bufp)
{
    Buffer      buf = ReadBuffer(rel->rd_node, 0);
    Page        page;
    ItemId      lp;
    HeapTupleHeader hdr;

    LockBuffer(buf, BUFFER_LOCK_EXCLUSIVE);
    page = BufferGetPage(buf);
    if (PageGetMaxOffsetNumber(page) < 1)
        elog(ERROR, "sequence \"%s\" has no row", RelationGetRelationName(rel));
    lp = PageGetItemId(page, 1);
    hdr = (HeapTupleHeader) PageGetItem(page, lp);
    *bufp = buf;
    return (SeqData *) ((char *) hdr + hdr->t_hoff);
}

static void
unlock_seq_row(Relation rel, Buffer buf, bool dirty)
{
    if (dirty)
    {
        MarkBufferDirty(buf);
        (void) GetCurrentTransactionId();
        XactRegisterDirtiedRelation(rel->rd_node);
    }
    UnlockReleaseBuffer(buf);
}

static int64
nextval_internal(Oid relid)
{
    Relation    rel = open_sequence(relid, RowExclusiveLock);
    SeqParams   p;
    SeqData    *d;
    Buffer      buf;
    int64       result;
    SeqSession *e;

    if (XactReadOnly)
        ereport(ERROR, errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
                errmsg("cannot execute %s in a read-only transaction", "nextval()"));
    read_params(relid, &p);
    d = lock_seq_row(rel, &buf);
    if (!d->is_called)
        result = d->last_value;
    else
    {
        int64 next = d->last_value;

        if (p.increment > 0)
        {
            if ((p.max >= 0 && next > p.max - p.increment) ||
                (p.max < 0 && next + p.increment > p.max))
            {
                if (!p.cycle)
                {
                    UnlockReleaseBuffer(buf);
                    ereport(ERROR, errcode(ERRCODE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED),
                            errmsg("nextval: reached maximum value of sequence \"%s\" (%lld)",
                                   RelationGetRelationName(rel), (long long) p.max));
                }
                next = p.min;
            }
            else
                next += p.increment;
        }
        else
        {
            if ((p.min < 0 && next < p.min - p.increment) ||
                (p.min >= 0 && next + p.increment < p.min))
            {
                if (!p.cycle)
                {
                    UnlockReleaseBuffer(buf);
                    ereport(ERROR, errcode(ERRCODE_SEQUENCE_GENERATOR_LIMIT_EXCEEDED),
                            errmsg("nextval: reached minimum value of sequence \"%s\" (%lld)",
                                   RelationGetRelationName(rel), (long long) p.min));
                }
                next = p.max;
            }
            else
                next += p.increment;
        }
        result = next;
    }
    d->last_value = result;
    d->is_called = true;
    d->log_cnt = 0;
    unlock_seq_row(rel, buf, true);
    relation_close(rel, NoLock);

    e = session_entry(relid);
    e->last = result;
    e->last_valid = true;
    last_used = e;
    return result;
}

Datum
nextval_oid(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(nextval_internal(PG_GETARG_OID(0)));
}

Datum
currval_oid(PG_FUNCTION_ARGS)
{
    Oid         relid = PG_GETARG_OID(0);
    Relation    rel = open_sequence(relid, AccessShareLock);
    SeqSession *e = session_entry(relid);

    if (!e->last_valid)
        ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                errmsg("currval of sequence \"%s\" is not yet defined in this session",
                       RelationGetRelationName(rel)));
    relation_close(rel, NoLock);
    PG_RETURN_INT64(e->last);
}

Datum
lastval(PG_FUNCTION_ARGS)
{
    Relation rel;

    if (last_used == NULL || !last_used->last_valid)
        ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                errmsg("lastval is not yet defined in this session"));
    rel = try_relation_open(last_used->relid, NoLock);
    if (rel == NULL)
        ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                errmsg("lastval is not yet defined in this session"));
    relation_close(rel, NoLock);
    PG_RETURN_INT64(last_used->last);
}

static int64
do_setval(Oid relid, int64 next, bool iscalled)
{
    Relation    rel = open_sequence(relid, RowExclusiveLock);
    SeqParams   p;
    SeqData    *d;
    Buffer      buf;

    read_params(relid, &p);
    if (next < p.min || next > p.max)
        ereport(ERROR, errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
                errmsg("setval: value %lld is out of bounds for sequence \"%s\" (%lld..%lld)",
                       (long long) next, RelationGetRelationName(rel),
                       (long long) p.min, (long long) p.max));
    d = lock_seq_row(rel, &buf);
    d->last_value = next;
    d->is_called = iscalled;
    d->log_cnt = 0;
    unlock_seq_row(rel, buf, true);
    relation_close(rel, NoLock);
    if (iscalled)
    {
        SeqSession *e = session_entry(relid);

        e->last = next;
        e->last_valid = true;
    }
    return next;
}

Datum
setval_oid(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(do_setval(PG_GETARG_OID(0), PG_GETARG_INT64(1), true));
}

Datum
setval3_oid(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64(do_setval(PG_GETARG_OID(0), PG_GETARG_INT64(1), PG_GETARG_BOOL(2)));
}

/* ---------------------------------------------------------------- regclass */

/*
 * A possibly qualified, possibly quoted name (PostgreSQL's
 * stringToQualifiedNameList + makeRangeVarFromNameList); false if the
 * syntax is invalid.
 */
static bool
split_qualified_name(const char *s, char **schema, char **rel)
{
    List   *parts = NIL;
    const char *p = s;

    for (;;)
    {
        StringInfoData buf;

        initStringInfo(&buf);
        while (isspace((unsigned char) *p))
            p++;
        if (*p == '"')
        {
            p++;
            for (;;)
            {
                if (*p == '\0')
                    return false;
                if (*p == '"')
                {
                    if (p[1] == '"')
                    {
                        appendStringInfoChar(&buf, '"');
                        p += 2;
                        continue;
                    }
                    p++;
                    break;
                }
                appendStringInfoChar(&buf, *p++);
            }
            if (buf.len == 0)
                return false;
        }
        else
        {
            while (*p && *p != '.' && !isspace((unsigned char) *p) && *p != '"')
            {
                char c = *p++;

                appendStringInfoChar(&buf, (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
            }
            if (buf.len == 0)
                return false;
        }
        if (buf.len >= NAMEDATALEN)
            buf.data[NAMEDATALEN - 1] = '\0';
        parts = lappend(parts, buf.data);
        while (isspace((unsigned char) *p))
            p++;
        if (*p == '.')
        {
            p++;
            continue;
        }
        if (*p != '\0')
            return false;
        break;
    }
    if (list_length(parts) == 1)
    {
        *schema = NULL;
        *rel = linitial(parts);
    }
    else if (list_length(parts) == 2)
    {
        *schema = linitial(parts);
        *rel = lsecond(parts);
    }
    else if (list_length(parts) == 3)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cross-database references are not implemented: %s", s));
    else
        ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("improper relation name (too many dotted names): %s", s));
    return true;
}

static Oid
regclass_from_name(const char *s)
{
    char   *schema;
    char   *rel;

    if (strcmp(s, "-") == 0)
        return InvalidOid;
    if (*s >= '0' && *s <= '9' && strspn(s, "0123456789") == strlen(s))
        return (Oid) strtoul(s, NULL, 10);
    if (!split_qualified_name(s, &schema, &rel))
        ereport(ERROR, errcode(ERRCODE_INVALID_NAME),
                errmsg("invalid name syntax"));
    return RangeVarGetRelidExtended(schema, rel, NoLock, false);
}

Datum
regclassin(PG_FUNCTION_ARGS)
{
    PG_RETURN_OID(regclass_from_name(PG_GETARG_CSTRING(0)));
}

Datum
text_regclass(PG_FUNCTION_ARGS)
{
    PG_RETURN_OID(regclass_from_name(text_to_cstring(PG_GETARG_TEXT_PP(0))));
}

Datum
regclassout(PG_FUNCTION_ARGS)
{
    Oid     relid = PG_GETARG_OID(0);

    if (relid == InvalidOid)
        PG_RETURN_CSTRING(pstrdup("-"));
    if (lookup_class(relid) == NULL)
        PG_RETURN_CSTRING(psprintf("%u", relid));
    PG_RETURN_CSTRING(regclass_name(relid));
}
