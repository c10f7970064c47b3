/*-------------------------------------------------------------------------
 * sequence.c
 *    Sequence generators (PostgreSQL's commands/sequence.c) and the
 *    regclass type's I/O.
 *
 * Principal entry points:
 *    DefineSequence / AlterSequence / RemoveSequences   CREATE / ALTER / DROP
 *    CreateOwnedSequence, AlterSequenceOptions          serial and identity columns
 *    SequenceDefaultsForRename / StoreSequenceDefaults  ALTER SEQUENCE RENAME
 *    nextval_oid, currval_oid, setval_oid, setval3_oid, lastval,
 *    pg_get_serial_sequence                                      (SQL)
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
 * nextval is PostgreSQL's arithmetic: CACHE n values go to the session at
 * once, and the row runs SEQ_LOG_VALS values ahead (log_cnt).
 *
 * Ownership: a pg_depend row (classid pg_class, objid sequence, refobjid
 * table, refobjsubid column), deptype 'a' for serial and OWNED BY, 'i'
 * for identity; DROP TABLE / DROP COLUMN drop the owned sequences, DROP
 * SEQUENCE goes through catalog/dependency.c (a default that uses it is
 * 2BP01; an identity sequence cannot be dropped alone).
 *
 * Session state: currval/lastval per backend in a list in
 * TopMemoryContext (one entry per sequence used in the session, as
 * PostgreSQL's SeqTable).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parser.h"
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

/*
 * PostgreSQL's init_params: apply options to *p and *d.  isInit: a new
 * sequence (defaults for what is not given); otherwise ALTER SEQUENCE,
 * changing only what is given.  OWNED BY is returned for the caller.
 */
static void
init_params(PgQuery__Node **options, size_t n, bool isInit, bool for_identity,
            SeqParams *p, SeqData *d, PgQuery__List **owned_by)
{
    PgQuery__DefElem *as = NULL, *inc = NULL, *start = NULL, *restart = NULL,
               *minv = NULL, *maxv = NULL, *cache = NULL, *cycle = NULL, *owned = NULL;
    bool        reset_max = false;
    bool        reset_min = false;
    int64       lo, hi;

    for (size_t i = 0; i < n; i++)
    {
        PgQuery__DefElem *def;
        PgQuery__DefElem **slot;

        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        def = options[i]->def_elem;
        if (strcmp(def->defname, "as") == 0) slot = &as;
        else if (strcmp(def->defname, "increment") == 0) slot = &inc;
        else if (strcmp(def->defname, "start") == 0) slot = &start;
        else if (strcmp(def->defname, "restart") == 0) slot = &restart;
        else if (strcmp(def->defname, "minvalue") == 0) slot = &minv;
        else if (strcmp(def->defname, "maxvalue") == 0) slot = &maxv;
        else if (strcmp(def->defname, "cache") == 0) slot = &cache;
        else if (strcmp(def->defname, "cycle") == 0) slot = &cycle;
        else if (strcmp(def->defname, "owned_by") == 0) slot = &owned;
        else if (strcmp(def->defname, "sequence_name") == 0 || strcmp(def->defname, "logged") == 0)
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("sequence option \"%s\" is not supported yet", def->defname));
        else
            elog(ERROR, "option \"%s\" not recognized", def->defname);
        if (*slot != NULL)
            ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("conflicting or redundant options"));
        *slot = def;
    }

    if (as != NULL)
    {
        Oid     typid;
        int32   typmod;

        typenameTypeIdAndMod(as->arg->type_name, &typid, &typmod);
        if (typid != INT2OID && typid != INT4OID && typid != INT8OID)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    for_identity ?
                    errmsg("identity column type must be smallint, integer, or bigint") :
                    errmsg("sequence type must be smallint, integer, or bigint"));
        if (!isInit)
        {
            /* min/max that were the old type's limits follow the new type */
            type_range(p->typid, &lo, &hi);
            reset_max = (p->max == hi);
            reset_min = (p->min == lo);
        }
        p->typid = typid;
    }
    type_range(p->typid, &lo, &hi);

    if (inc != NULL)
    {
        p->increment = defel_int64(inc);
        if (p->increment == 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("INCREMENT must not be zero"));
    }
    else if (isInit)
        p->increment = 1;

    if (cycle != NULL)
        p->cycle = cycle->arg && cycle->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN ?
            cycle->arg->boolean->boolval : true;
    else if (isInit)
        p->cycle = false;

    /* MAXVALUE (no argument: NO MAXVALUE) */
    if (maxv != NULL && maxv->arg != NULL)
        p->max = defel_int64(maxv);
    else if (isInit || maxv != NULL || reset_max)
        p->max = (p->increment > 0 || reset_max) ? hi : -1;
    if (p->max < lo || p->max > hi)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("MAXVALUE (%lld) is out of range for sequence data type %s",
                       (long long) p->max, format_type_be(p->typid)));

    if (minv != NULL && minv->arg != NULL)
        p->min = defel_int64(minv);
    else if (isInit || minv != NULL || reset_min)
        p->min = (p->increment < 0 || reset_min) ? lo : 1;
    if (p->min < lo || p->min > hi)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("MINVALUE (%lld) is out of range for sequence data type %s",
                       (long long) p->min, format_type_be(p->typid)));
    if (p->min >= p->max)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("MINVALUE (%lld) must be less than MAXVALUE (%lld)",
                       (long long) p->min, (long long) p->max));

    if (start != NULL)
        p->start = defel_int64(start);
    else if (isInit)
        p->start = p->increment > 0 ? p->min : p->max;
    if (p->start < p->min)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("START value (%lld) cannot be less than MINVALUE (%lld)",
                       (long long) p->start, (long long) p->min));
    if (p->start > p->max)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("START value (%lld) cannot be greater than MAXVALUE (%lld)",
                       (long long) p->start, (long long) p->max));

    if (restart != NULL)
    {
        d->last_value = restart->arg != NULL ? defel_int64(restart) : p->start;
        d->is_called = false;
    }
    else if (isInit)
    {
        d->last_value = p->start;
        d->is_called = false;
    }
    /* PostgreSQL forgets the logged-ahead values when the sequence's shape changes */
    if (isInit || inc || cycle || maxv || minv || reset_max || reset_min || restart || cache)
        d->log_cnt = 0;
    if (d->last_value < p->min)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("RESTART value (%lld) cannot be less than MINVALUE (%lld)",
                       (long long) d->last_value, (long long) p->min));
    if (d->last_value > p->max)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("RESTART value (%lld) cannot be greater than MAXVALUE (%lld)",
                       (long long) d->last_value, (long long) p->max));

    if (cache != NULL)
    {
        p->cache = defel_int64(cache);
        if (p->cache <= 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("CACHE (%lld) must be greater than zero", (long long) p->cache));
    }
    else if (isInit)
        p->cache = 1;

    *owned_by = NULL;
    if (owned != NULL && owned->arg != NULL && owned->arg->node_case == PG_QUERY__NODE__NODE_LIST)
        *owned_by = owned->arg->list;
}

/* ---------------------------------------------------------------- create */

static void
insert_depend(Oid seqid, Oid relid, int16 attnum, char deptype)
{
    ObjectAddress seq = {RelationRelationId, seqid, 0};

    recordDependencyOnRelation(&seq, relid, attnum, deptype);
}

static Oid
create_sequence(const char *seqname, Oid nspid, const SeqParams *p, const SeqData *d)
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
    dvalues[0] = Int64GetDatum(d->last_value);
    dvalues[1] = Int64GetDatum(0);
    dvalues[2] = BoolGetDatum(d->is_called);
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

/*
 * OWNED BY table.column | NONE (PostgreSQL's process_owned_by): replaces
 * the sequence's owning-column row.  deptype 'i' for identity sequences.
 */
static void
process_owned_by(Oid seqid, PgQuery__List *owned_by, char deptype)
{
    Oid         relid = InvalidOid;
    int         attnum = 0;
    List       *rows;
    ListCell   *lc;

    if (owned_by->n_items == 1)
    {
        if (strcmp(owned_by->items[0]->string->sval, "none") != 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("invalid OWNED BY option"),
                    errhint("Specify OWNED BY table.column or OWNED BY NONE."));
    }
    else
    {
        size_t      nn = owned_by->n_items;
        const char *attname = owned_by->items[nn - 1]->string->sval;
        const char *relname = owned_by->items[nn - 2]->string->sval;
        const char *schema = nn >= 3 ? owned_by->items[nn - 3]->string->sval : NULL;
        Relation    rel;

        if (nn > 3)
            ereport(ERROR, errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("improper relation name (too many dotted names)"));
        relid = RangeVarGetRelidExtended(schema, relname, AccessShareLock, false);
        rel = relation_open(relid, NoLock);
        if (rel->relkind != RELKIND_RELATION && rel->relkind != RELKIND_VIEW)
            ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("sequence cannot be owned by relation \"%s\"", relname),
                    rel->relkind == RELKIND_SEQUENCE ?
                    errdetail("This operation is not supported for sequences.") :
                    errdetail("This operation is not supported for indexes."));
        if (get_rel_namespace(seqid) != get_rel_namespace(relid))
            ereport(ERROR, errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("sequence must be in same schema as table it is linked to"));
        attnum = RelationGetAttnum(rel, attname);
        if (attnum <= 0)
            ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("column \"%s\" of relation \"%s\" does not exist", attname, relname));
        relation_close(rel, NoLock);
    }
    rows = getReferencedRows(RelationRelationId, seqid);
    if (deptype == DEPENDENCY_AUTO)
        foreach(lc, rows)
        {
            DependRow  *r = lfirst(lc);

            if (r->deptype == DEPENDENCY_INTERNAL && r->ref.classId == RelationRelationId)
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("cannot change ownership of identity sequence"),
                        errdetail("Sequence \"%s\" is linked to table \"%s\".",
                                  get_rel_name(seqid), get_rel_name(r->ref.objectId)));
        }
    deleteDependencyRecordsForType(RelationRelationId, seqid, deptype);
    if (OidIsValid(relid))
        insert_depend(seqid, relid, (int16) attnum, deptype);
    CommandCounterIncrement();
}

void
DefineSequence(PgQuery__CreateSeqStmt *stmt, const char *queryString)
{
    PgQuery__RangeVar *rv = stmt->sequence;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         nspid;
    SeqParams   p;
    SeqData     d;
    PgQuery__List *owned_by;
    Oid         seqid;
    bool        temp = rv->relpersistence && rv->relpersistence[0] == RELPERSISTENCE_TEMP;

    if (rv->relpersistence && rv->relpersistence[0] == 'u')
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("unlogged sequences are not supported yet"));
    if (schemaname != NULL && strcmp(schemaname, "pg_temp") == 0)
        temp = true;
    if (temp)
    {
        if (schemaname != NULL && strcmp(schemaname, "pg_temp") != 0 &&
            !isTempNamespace(get_namespace_oid(schemaname, true)))
            ereport(ERROR, errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("cannot create temporary relation in non-temporary schema"));
        nspid = GetTempNamespace();
    }
    else if (schemaname != NULL)
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
    memset(&p, 0, sizeof(p));
    memset(&d, 0, sizeof(d));
    p.typid = INT8OID;
    init_params(stmt->options, stmt->n_options, true, false, &p, &d, &owned_by);
    check_name_free(rv->relname, nspid);
    if (IsSystemNamespace(nspid))
        ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied to create \"%s.%s\"", get_namespace_name(nspid), rv->relname),
                errdetail("System catalog modifications are currently disallowed."));
    seqid = create_sequence(rv->relname, nspid, &p, &d);
    CommandCounterIncrement();
    if (owned_by != NULL)
        process_owned_by(seqid, owned_by, DEPENDENCY_AUTO);
}

typedef struct SeqSession SeqSession;
static SeqSession *session_entry(Oid relid);
static void forget_cached_values(Oid relid);

/* The pg_sequence row of relid as SeqParams (defined below). */
static void read_params(Oid relid, SeqParams *p);
static SeqData *lock_seq_row(Relation rel, Buffer *bufp);
static void unlock_seq_row(Relation rel, Buffer buf, bool dirty);

/* Rewrite relid's pg_sequence row from p (each change seen by the next). */
#define SEQ_UPDATE(anum, value) \
    do { \
        CatalogUpdateField(SequenceRelationId, Anum_pg_sequence_seqrelid, relid, (anum), (value)); \
        CommandCounterIncrement(); \
    } while (0)
static void
update_params(Oid relid, const SeqParams *p)
{
    SEQ_UPDATE(Anum_pg_sequence_seqtypid, ObjectIdGetDatum(p->typid));
    SEQ_UPDATE(Anum_pg_sequence_seqstart, Int64GetDatum(p->start));
    SEQ_UPDATE(Anum_pg_sequence_seqincrement, Int64GetDatum(p->increment));
    SEQ_UPDATE(Anum_pg_sequence_seqmax, Int64GetDatum(p->max));
    SEQ_UPDATE(Anum_pg_sequence_seqmin, Int64GetDatum(p->min));
    SEQ_UPDATE(Anum_pg_sequence_seqcache, Int64GetDatum(p->cache));
    SEQ_UPDATE(Anum_pg_sequence_seqcycle, BoolGetDatum(p->cycle));
}

/*
 * ALTER SEQUENCE's work on a sequence (also ALTER TABLE ... ALTER COLUMN
 * SET/RESTART of an identity column): PostgreSQL's AlterSequence.  The
 * parameters are transactional (pg_sequence); RESTART, like setval,
 * overwrites the row in place and is not.
 */
void
AlterSequenceOptions(Oid seqid, PgQuery__Node **options, size_t noptions, bool for_identity)
{
    Relation    rel = relation_open(seqid, AccessExclusiveLock);
    SeqParams   p;
    SeqData    *stored;
    SeqData     d;
    Buffer      buf;
    PgQuery__List *owned_by;

    read_params(seqid, &p);
    stored = lock_seq_row(rel, &buf);
    d = *stored;
    UnlockReleaseBuffer(buf);
    init_params(options, noptions, false, for_identity, &p, &d, &owned_by);
    stored = lock_seq_row(rel, &buf);
    stored->last_value = d.last_value;
    stored->is_called = d.is_called;
    stored->log_cnt = d.log_cnt;
    unlock_seq_row(rel, buf, true);
    relation_close(rel, NoLock);
    forget_cached_values(seqid);
    update_params(seqid, &p);
    CommandCounterIncrement();
    if (owned_by != NULL)
        process_owned_by(seqid, owned_by, for_identity ? DEPENDENCY_INTERNAL : DEPENDENCY_AUTO);
}

void
AlterSequence(PgQuery__AlterSeqStmt *stmt)
{
    PgQuery__RangeVar *rv = stmt->sequence;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         relid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessExclusiveLock,
                                                 stmt->missing_ok);

    if (!OidIsValid(relid))
    {
        ereport(NOTICE, errmsg("relation \"%s\" does not exist, skipping", rv->relname));
        return;
    }
    if (get_rel_relkind(relid) != RELKIND_SEQUENCE)
        ereport(ERROR, errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a sequence", rv->relname));
    if (IsSystemNamespace(get_rel_namespace(relid)))
        ereport(ERROR, errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
    AlterSequenceOptions(relid, stmt->options, stmt->n_options, stmt->for_identity);
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
                    Oid relid, int16 attnum, char deptype)
{
    SeqParams   p;
    SeqData     d;
    PgQuery__List *owned_by;
    char       *seqname = NULL;
    char       *lit;
    StringInfoData buf;
    Oid         seqid;

    memset(&p, 0, sizeof(p));
    memset(&d, 0, sizeof(d));
    p.typid = seqtypid;
    init_params(options, noptions, true, deptype == DEPENDENCY_INTERNAL, &p, &d, &owned_by);
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
    seqid = create_sequence(seqname, nspid, &p, &d);
    insert_depend(seqid, relid, attnum, deptype);
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

/* Sequences owned by a column of relid: serial/OWNED BY ('a') and identity ('i'). */
List *
GetOwnedSequences(Oid relid)
{
    List       *rows = getDependentRows(RelationRelationId, relid, 0, 0);
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, rows)
    {
        DependRow  *r = lfirst(lc);

        if (r->obj.classId == RelationRelationId &&
            (r->deptype == DEPENDENCY_AUTO || r->deptype == DEPENDENCY_INTERNAL) &&
            get_rel_relkind(r->obj.objectId) == RELKIND_SEQUENCE &&
            !list_member_oid(result, r->obj.objectId))
            result = lappend_oid(result, r->obj.objectId);
    }
    return result;
}

/* The sequence of identity column (relid, attnum), or InvalidOid. */
Oid
GetIdentitySequence(Oid relid, int16 attnum)
{
    List       *rows = getDependentRows(RelationRelationId, relid, attnum, DEPENDENCY_INTERNAL);
    ListCell   *lc;

    foreach(lc, rows)
    {
        DependRow  *r = lfirst(lc);

        if (r->obj.classId == RelationRelationId &&
            get_rel_relkind(r->obj.objectId) == RELKIND_SEQUENCE)
            return r->obj.objectId;
    }
    return InvalidOid;
}

void
DeleteDependenciesOf(Oid relid)
{
    DeleteCatalogRowsByOid(DependRelationId, Anum_pg_depend_objid, relid);
    CommandCounterIncrement();
    DeleteCatalogRowsByOid(DependRelationId, Anum_pg_depend_refobjid, relid);
    CommandCounterIncrement();
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
        if (!list_member_oid(seqids, relid))
            seqids = lappend_oid(seqids, relid);
    }
    if (seqids == NIL)
        return;
    {
        List       *targets = NIL;

        foreach(lc, seqids)
        {
            ObjectAddress *a = palloc(sizeof(ObjectAddress));

            a->classId = RelationRelationId;
            a->objectId = lfirst_oid(lc);
            a->objectSubId = 0;
            targets = lappend(targets, a);
        }
        DropDependentObjects(targets, stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE);
    }
    foreach(lc, seqids)
        DropSequenceInternal(lfirst_oid(lc));
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- renaming */

static bool split_qualified_name(const char *s, char **schema, char **rel);

typedef struct RegclassRename
{
    Oid         seqid;
    const char *newlit;
} RegclassRename;

/*
 * Replace, in a raw expression, each 'name'::regclass literal that names
 * seqid by newlit; true if any changed.  A raw_tree_children visitor
 * (any node kind); arg is a RegclassRename.
 */
static bool
replace_regclass_literals(ProtobufCMessage *msg, void *arg)
{
    const RegclassRename *r = arg;
    Oid         seqid = r->seqid;
    const char *newlit = r->newlit;
    const ProtobufCMessageDescriptor *d = msg->descriptor;
    bool        changed = false;

    if (d == &pg_query__type_cast__descriptor)
    {
        PgQuery__TypeCast *tc = (PgQuery__TypeCast *) msg;
        PgQuery__TypeName *tn = tc->type_name;

        if (tn != NULL && tn->n_names > 0 &&
            tn->names[tn->n_names - 1]->node_case == PG_QUERY__NODE__NODE_STRING &&
            strcmp(tn->names[tn->n_names - 1]->string->sval, "regclass") == 0 &&
            tc->arg != NULL && tc->arg->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            tc->arg->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
        {
            char       *schema;
            char       *rel;
            Oid         relid = InvalidOid;

            if (split_qualified_name(tc->arg->a_const->sval->sval, &schema, &rel))
                relid = RangeVarGetRelidExtended(schema, rel, NoLock, true);
            if (relid == seqid)
            {
                tc->arg->a_const->sval->sval = pstrdup(newlit);
                return true;
            }
        }
    }
    /* nextval('s') / currval('s') / setval('s', ...): the literal becomes regclass there */
    if (d == &pg_query__func_call__descriptor)
    {
        PgQuery__FuncCall *fc = (PgQuery__FuncCall *) msg;
        const char *fname = fc->n_funcname > 0 &&
            fc->funcname[fc->n_funcname - 1]->node_case == PG_QUERY__NODE__NODE_STRING ?
            fc->funcname[fc->n_funcname - 1]->string->sval : "";

        if ((strcmp(fname, "nextval") == 0 || strcmp(fname, "currval") == 0 ||
             strcmp(fname, "setval") == 0) && fc->n_args > 0 &&
            fc->args[0]->node_case == PG_QUERY__NODE__NODE_A_CONST &&
            fc->args[0]->a_const->val_case == PG_QUERY__A__CONST__VAL_SVAL)
        {
            char       *schema;
            char       *rel;

            if (split_qualified_name(fc->args[0]->a_const->sval->sval, &schema, &rel) &&
                RangeVarGetRelidExtended(schema, rel, NoLock, true) == seqid)
            {
                fc->args[0]->a_const->sval->sval = pstrdup(newlit);
                changed = true;
            }
        }
    }
    changed |= raw_tree_children(msg, replace_regclass_literals, arg);
    return changed;
}

/*
 * ALTER SEQUENCE ... RENAME TO: column defaults name their sequence in SQL
 * text (DECISIONS.md 13), so each default depending on the sequence
 * (pg_depend) must be rewritten.  Before the rename (while the old
 * literals still resolve), SequenceDefaultsForRename returns the new
 * texts; after it, StoreSequenceDefaults stores them.
 */
typedef struct RenamedDefault
{
    Oid         relid;
    int16       attnum;
    char       *text;
} RenamedDefault;

List *
SequenceDefaultsForRename(Oid seqid, const char *newname)
{
    List       *rows = getDependentRows(RelationRelationId, seqid, 0, DEPENDENCY_NORMAL);
    List       *result = NIL;
    char       *newlit;
    ListCell   *lc;

    if (RelationIsVisible(seqid))
        newlit = pstrdup(quote_identifier(newname));
    else
        newlit = psprintf("%s.%s", quote_identifier(get_namespace_name(get_rel_namespace(seqid))),
                          quote_identifier(newname));
    foreach(lc, rows)
    {
        DependRow  *r = lfirst(lc);
        Relation    ad;
        HeapScanDesc scan;
        HeapTuple   tup;
        RenamedDefault *rd = NULL;

        if (r->obj.classId != AttrDefaultRelationId)
            continue;
        ad = table_open(AttrDefaultRelationId, AccessShareLock);
        scan = heap_beginscan(ad, GetCatalogSnapshot());
        while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        {
            TupleDesc   desc = RelationGetDescr(ad);
            bool        isnull;

            if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_oid, desc, &isnull)) != r->obj.objectId)
                continue;
            rd = palloc(sizeof(RenamedDefault));
            rd->relid = DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_adrelid, desc, &isnull));
            rd->attnum = DatumGetInt16(heap_getattr(tup, Anum_pg_attrdef_adnum, desc, &isnull));
            rd->text = TextDatumGetCString(heap_getattr(tup, Anum_pg_attrdef_adbin, desc, &isnull));
            break;
        }
        heap_endscan(scan);
        table_close(ad, AccessShareLock);
        if (rd != NULL)
        {
            List       *raw = raw_parser(psprintf("SELECT %s", rd->text));
            RawStmt    *rs = linitial(raw);
            PgQuery__Node *expr = rs->stmt->select_stmt->target_list[0]->res_target->val;
            RegclassRename rename = {seqid, newlit};

            if (replace_regclass_literals((ProtobufCMessage *) expr, &rename))
            {
                rd->text = deparse_raw_expr(expr);
                result = lappend(result, rd);
            }
        }
    }
    return result;
}

void
StoreSequenceDefaults(List *defaults)
{
    ListCell   *lc;

    foreach(lc, defaults)
    {
        RenamedDefault *rd = lfirst(lc);

        StoreAttrDefault(rd->relid, rd->attnum, rd->text);
    }
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- session state */

struct SeqSession
{
    Oid         relid;
    bool        last_valid;
    int64       last;           /* the value nextval returned last */
    int64       cached;         /* the last value fetched (CACHE); == last: none left */
    int64       increment;      /* to step through the cached values */
};

static List *seq_session;       /* of SeqSession, in TopMemoryContext */
static SeqSession *last_used;

/* DISCARD SEQUENCES: forget currval/lastval and the cached values. */
void
ResetSequenceCaches(void)
{
    ListCell   *lc;

    foreach(lc, seq_session)
        pfree(lfirst(lc));
    list_free(seq_session);
    seq_session = NIL;
    last_used = NULL;
}

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

/* ALTER SEQUENCE: values this session fetched ahead are not handed out */
static void
forget_cached_values(Oid relid)
{
    SeqSession *e = session_entry(relid);

    e->cached = e->last;
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

/*
 * PostgreSQL's nextval_internal: CACHE n fetches n values at once into
 * the session (SeqSession.cached), and the row is written SEQ_LOG_VALS
 * values ahead (log_cnt counts down the values still "logged"), so that
 * last_value and log_cnt read as PostgreSQL's do.  Basalt has no WAL
 * checkpoint yet, so only an exhausted log_cnt forces a new batch.
 */
#define SEQ_LOG_VALS 32

static int64
nextval_internal(Oid relid)
{
    Relation    rel = open_sequence(relid, RowExclusiveLock);
    SeqParams   p;
    SeqData    *d;
    Buffer      buf;
    int64       result, next, last;
    int64       fetch, log, rescnt = 0;
    SeqSession *e;

    if (XactReadOnly)
        ereport(ERROR, errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
                errmsg("cannot execute %s in a read-only transaction", "nextval()"));
    e = session_entry(relid);
    if (e->last_valid && e->last != e->cached)
    {
        /* a value fetched earlier by this session */
        e->last += e->increment;
        relation_close(rel, NoLock);
        last_used = e;
        return e->last;
    }
    read_params(relid, &p);
    d = lock_seq_row(rel, &buf);
    last = next = result = d->last_value;
    fetch = p.cache;
    log = d->log_cnt;
    if (!d->is_called)
    {
        rescnt++;               /* last_value itself is returned */
        fetch--;
    }
    if (log < fetch || !d->is_called)
        fetch = log = fetch + SEQ_LOG_VALS;

    while (fetch)
    {
        if (p.increment > 0)
        {
            if ((p.max >= 0 && next > p.max - p.increment) ||
                (p.max < 0 && next + p.increment > p.max))
            {
                if (rescnt > 0)
                    break;
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
                if (rescnt > 0)
                    break;
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
        fetch--;
        if (rescnt < p.cache)
        {
            log--;
            rescnt++;
            last = next;
            if (rescnt == 1)
                result = next;
        }
    }
    log -= fetch;               /* the values not fetched are not logged */

    d->last_value = last;
    d->is_called = true;
    d->log_cnt = log;
    unlock_seq_row(rel, buf, true);
    relation_close(rel, NoLock);

    e->last = result;
    e->cached = last;
    e->increment = p.increment;
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
    {
        SeqSession *e = session_entry(relid);

        if (iscalled)
        {
            e->last = next;
            e->last_valid = true;
        }
        e->cached = e->last;    /* forget values fetched before */
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

/* pg_sequence_last_value(regclass), for pg_sequences: NULL until the first nextval */
Datum
pg_sequence_last_value(PG_FUNCTION_ARGS)
{
    Relation    rel = open_sequence(PG_GETARG_OID(0), AccessShareLock);
    Buffer      buf;
    SeqData    *d = lock_seq_row(rel, &buf);
    bool        is_called = d->is_called;
    int64       last = d->last_value;

    unlock_seq_row(rel, buf, false);
    relation_close(rel, NoLock);
    if (!is_called)
        PG_RETURN_NULL();
    PG_RETURN_INT64(last);
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

/*
 * pg_get_serial_sequence(table text, column text): the sequence owned by
 * the column (serial, OWNED BY or identity), schema-qualified, or NULL.
 * The table name is parsed as SQL (folded); the column name is literal.
 */
Datum
pg_get_serial_sequence(PG_FUNCTION_ARGS)
{
    char       *tablename = text_to_cstring(PG_GETARG_TEXT_PP(0));
    char       *colname = text_to_cstring(PG_GETARG_TEXT_PP(1));
    Oid         relid = regclass_from_name(tablename);
    Relation    rel = relation_open(relid, AccessShareLock);
    int         attnum = RelationGetAttnum(rel, colname);
    List       *rows;
    ListCell   *lc;

    if (attnum <= 0)
        ereport(ERROR, errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" does not exist",
                       colname, RelationGetRelationName(rel)));
    relation_close(rel, NoLock);
    rows = getDependentRows(RelationRelationId, relid, attnum, 0);
    foreach(lc, rows)
    {
        DependRow  *r = lfirst(lc);

        if (r->obj.classId == RelationRelationId &&
            (r->deptype == DEPENDENCY_AUTO || r->deptype == DEPENDENCY_INTERNAL) &&
            get_rel_relkind(r->obj.objectId) == RELKIND_SEQUENCE)
        {
            Oid seqid = r->obj.objectId;

            PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s.%s",
                                                      quote_identifier(get_namespace_name(get_rel_namespace(seqid))),
                                                      quote_identifier(get_rel_name(seqid)))));
        }
    }
    PG_RETURN_NULL();
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
