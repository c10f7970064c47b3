/*-------------------------------------------------------------------------
 * truncate.c
 *    TRUNCATE [TABLE] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY]
 *    [CASCADE | RESTRICT] (PostgreSQL's ExecuteTruncate and
 *    RelationSetNewRelfilenode).
 *
 * Principal entry point:
 *    ExecuteTruncate
 *
 * Each table gets a new, empty storage file under a fresh relfilenode
 * (pg_class.relfilenode is updated): the new file is unlinked if the
 * transaction aborts (RelationCreateStorage), the old one when it commits
 * (RelationDropStorage) -- so a rolled-back TRUNCATE loses nothing, and
 * the pg_class update rolls back with it.  RESTART IDENTITY does the same
 * to each sequence owned by a column of the table and writes the
 * sequence's first row (start value, not called) into the new file, so
 * the restart is transactional too, as in PostgreSQL.
 *
 * Locking: AccessExclusiveLock on every table (and restarted sequence),
 * all taken before anything changes.  Every table is checked first
 * (existence 42P01, kind 42809, system catalog 42501).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/foreign_key.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "catalog/truncate.h"
#include "catalog/index.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"


void
RelationSetNewRelfilenode(Oid relid)
{
    Relation    rel = table_open(RelationRelationId, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    bool        found = false;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum      *values;
        bool       *nulls;
        HeapTuple   newtup;
        ItemPointerData otid;
        RelFileNode oldnode;
        RelFileNode newnode;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_class_oid, desc, &isnull)) != relid)
            continue;
        memset(&oldnode, 0, sizeof(oldnode));
        memset(&newnode, 0, sizeof(newnode));
        oldnode.relNode = DatumGetObjectId(heap_getattr(tup, Anum_pg_class_relfilenode, desc, &isnull));
        newnode.relNode = GetNewRelationOrTypeOid();
        values = palloc(sizeof(Datum) * desc->natts);
        nulls = palloc(sizeof(bool) * desc->natts);
        heap_deform_tuple(tup, desc, values, nulls);
        values[Anum_pg_class_relfilenode - 1] = ObjectIdGetDatum(newnode.relNode);
        newtup = heap_form_tuple(desc, values, nulls);
        otid = tup->t_self;
        heap_endscan(scan);
        scan = NULL;

        RelationCreateStorage(newnode);
        CatalogTupleUpdate(rel, &otid, newtup);
        RelationDropStorage(oldnode);
        found = true;
        break;
    }
    if (scan != NULL)
        heap_endscan(scan);
    table_close(rel, RowExclusiveLock);
    if (!found)
        elog(ERROR, "cache lookup failed for relation %u", relid);
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
    /* a table's indexes get new, empty storage too (catalog/index.c) */
    if (get_rel_relkind(relid) == RELKIND_RELATION)
        TruncateIndexesOf(relid);
}

/* pg_sequence.seqstart of seqid. */
static int64
sequence_start(Oid seqid)
{
    Relation    rel = table_open(SequenceRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    int64       start = 1;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_sequence_seqrelid, desc, &isnull)) != seqid)
            continue;
        start = DatumGetInt64(heap_getattr(tup, Anum_pg_sequence_seqstart, desc, &isnull));
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return start;
}

/* A new file for the sequence holding its first row (PostgreSQL's ResetSequence). */
static void
reset_sequence(Oid seqid)
{
    int64       start = sequence_start(seqid);
    Relation    rel;
    Datum       values[3];
    bool        nulls[3] = {false, false, false};
    HeapTuple   tup;

    RelationSetNewRelfilenode(seqid);
    rel = relation_open(seqid, AccessExclusiveLock);
    values[0] = Int64GetDatum(start);
    values[1] = Int64GetDatum(0);
    values[2] = BoolGetDatum(false);
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    simple_heap_insert(rel, tup);
    relation_close(rel, NoLock);
}

void
ExecuteTruncate(PgQuery__TruncateStmt *stmt)
{
    List       *relids = NIL;
    List       *seqids = NIL;
    ListCell   *lc;

    for (size_t i = 0; i < stmt->n_relations; i++)
    {
        PgQuery__RangeVar *rv = stmt->relations[i]->range_var;
        const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
        Oid         relid;
        const ClassInfo *c;

        /* ONLY (rv->inh false) is the same thing: no inheritance in Basalt */
        relid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessExclusiveLock, false);
        c = lookup_class(relid);
        if (c == NULL)
            elog(ERROR, "cache lookup failed for relation %u", relid);
        if (c->relkind != RELKIND_RELATION)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("\"%s\" is not a table", rv->relname));
        if (IsCatalogRelationOid(relid) || IsSystemNamespace(c->relnamespace))
            ereport(ERROR,
                    errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                    errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
        /* PostgreSQL's truncate_check_activity (RELATION_IS_OTHER_TEMP) */
        if (c->relpersistence == RELPERSISTENCE_TEMP && !isTempNamespace(c->relnamespace))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("cannot truncate temporary tables of other sessions"));
        if (!list_member_oid(relids, relid))
            relids = lappend_oid(relids, relid);
    }
    /*
     * Foreign keys (catalog/foreign_key.c): CASCADE adds the referencing
     * tables, repeatedly; otherwise a referencing table not truncated too
     * is an error (PostgreSQL's heap_truncate_find_FKs / check_FKs).
     */
    for (;;)
    {
        Oid         referenced;
        List       *more = ForeignKeyReferencersNotIn(relids, &referenced);

        if (more == NIL)
            break;
        if (stmt->behavior != PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("cannot truncate a table referenced in a foreign key constraint"),
                    errdetail("Table \"%s\" references \"%s\".",
                              get_rel_name(linitial_oid(more)), get_rel_name(referenced)),
                    errhint("Truncate table \"%s\" at the same time, or use TRUNCATE ... CASCADE.",
                            get_rel_name(linitial_oid(more))));
        foreach(lc, more)
        {
            LockRelationOid(lfirst_oid(lc), AccessExclusiveLock);
            ereport(NOTICE,
                    errmsg("truncate cascades to table \"%s\"", get_rel_name(lfirst_oid(lc))));
            relids = lappend_oid(relids, lfirst_oid(lc));
        }
    }
    if (stmt->restart_seqs)
        foreach(lc, relids)
        {
            List       *owned = GetOwnedSequences(lfirst_oid(lc));
            ListCell   *lc2;

            foreach(lc2, owned)
            {
                LockRelationOid(lfirst_oid(lc2), AccessExclusiveLock);
                if (!list_member_oid(seqids, lfirst_oid(lc2)))
                    seqids = lappend_oid(seqids, lfirst_oid(lc2));
            }
        }

    foreach(lc, relids)
        RelationSetNewRelfilenode(lfirst_oid(lc));
    foreach(lc, seqids)
        reset_sequence(lfirst_oid(lc));
    CommandCounterIncrement();
}
