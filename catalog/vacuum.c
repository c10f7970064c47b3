/*-------------------------------------------------------------------------
 * vacuum.c
 *    ANALYZE and VACUUM (PostgreSQL's commands/vacuum.c ExecVacuum and the
 *    pg_class part of analyze.c / vacuumlazy.c).
 *
 * Principal entry point:
 *    ExecVacuum    VACUUM [(options)] [FULL] [ANALYZE] [table [(columns)], ...]
 *                  ANALYZE [(options)] [table [(columns)], ...]
 *
 * What they do in Basalt: both count the table's pages and the rows
 * visible to the statement's snapshot (a full scan: exact where
 * PostgreSQL samples) and store them in pg_class.relpages / reltuples, as
 * PostgreSQL's ANALYZE and VACUUM do, and its indexes' page counts with
 * the same row count.  The pg_class update is transactional (PostgreSQL
 * updates in place, so its statistics survive a ROLLBACK).  There are no column statistics
 * (pg_statistic) yet, and VACUUM reclaims no space: dead row versions
 * stay until Basalt has a space-reclaiming VACUUM, and no trailing pages
 * are truncated (so relpages after mass deletions can exceed
 * PostgreSQL's).  VACUUM FULL is accepted and does the same.
 *
 * Without a table list every ordinary table of the database outside
 * pg_catalog and information_schema is processed, other sessions'
 * temporary tables excepted.  Views and other relation kinds named
 * explicitly get PostgreSQL's WARNING and are skipped.  VACUUM refuses to
 * run in a transaction block (25001), ANALYZE does not.
 *
 * Locking: ShareUpdateExclusiveLock on each table (PostgreSQL's), held to
 * end of transaction.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/vacuum.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "storage/bufmgr.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

/* pg_class.relpages / reltuples := pages / tuples for relid */
static void
set_stats(Oid relid, BlockNumber pages, double tuples)
{
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                       Anum_pg_class_relpages, Int32GetDatum((int32) pages));
    CommandCounterIncrement();
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                       Anum_pg_class_reltuples, Float4GetDatum((float4) tuples));
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
}

/*
 * The statistics of relid from a scan of its live rows, and of its
 * indexes: their page counts, and the table's row count (every index is
 * on plain columns and not partial, so it has one entry per live row --
 * PostgreSQL's ANALYZE estimate for such an index).
 */
static void
update_relation_stats(Oid relid)
{
    Relation    rel = relation_open(relid, NoLock);
    BlockNumber pages = RelationGetNumberOfBlocksNode(rel->rd_node);
    HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
    double      tuples = 0;
    ListCell   *lc;

    while (heap_getnext(scan, ForwardScanDirection) != NULL)
    {
        CHECK_FOR_INTERRUPTS();
        tuples += 1;
    }
    heap_endscan(scan);
    relation_close(rel, NoLock);
    set_stats(relid, pages, tuples);
    foreach(lc, RelationGetIndexOids(relid))
    {
        Relation    irel = relation_open(lfirst_oid(lc), AccessShareLock);
        BlockNumber ipages = RelationGetNumberOfBlocksNode(irel->rd_node);

        relation_close(irel, AccessShareLock);
        set_stats(lfirst_oid(lc), ipages, tuples);
    }
}

/* Every ordinary table outside the system schemas (no table list given). */
static List *
all_user_tables(void)
{
    Relation    rel = table_open(RelationRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Oid         nsp = DatumGetObjectId(heap_getattr(tup, Anum_pg_class_relnamespace, desc, &isnull));
        const char *nspname;

        if (DatumGetChar(heap_getattr(tup, Anum_pg_class_relkind, desc, &isnull)) != RELKIND_RELATION)
            continue;
        if (IsSystemNamespace(nsp) || (isAnyTempNamespace(nsp) && !isTempNamespace(nsp)))
            continue;
        nspname = get_namespace_name(nsp);
        if (nspname != NULL && strcmp(nspname, "information_schema") == 0)
            continue;
        result = lappend_oid(result, DatumGetObjectId(heap_getattr(tup, Anum_pg_class_oid, desc, &isnull)));
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

void
ExecVacuum(PgQuery__VacuumStmt *stmt, bool isTopLevel)
{
    bool        analyze = !stmt->is_vacuumcmd;
    const char *verb = stmt->is_vacuumcmd ? "vacuum" : "analyze";
    List       *targets = NIL;
    ListCell   *lc;

    for (size_t i = 0; i < stmt->n_options; i++)
    {
        PgQuery__DefElem *d = stmt->options[i]->def_elem;

        if (strcmp(d->defname, "analyze") == 0 &&
            (d->arg == NULL || d->arg->node_case != PG_QUERY__NODE__NODE_BOOLEAN ||
             d->arg->boolean->boolval))
            analyze = true;
    }
    if (stmt->is_vacuumcmd)
        PreventInTransactionBlock(isTopLevel, "VACUUM");

    /* the named tables, each checked before any is processed (as PostgreSQL) */
    for (size_t i = 0; i < stmt->n_rels; i++)
    {
        PgQuery__VacuumRelation *vr = stmt->rels[i]->vacuum_relation;
        PgQuery__RangeVar *rv = vr->relation;
        const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
        Oid         relid = RangeVarGetRelidExtended(schemaname, rv->relname,
                                                     ShareUpdateExclusiveLock, false);
        char        relkind = get_rel_relkind(relid);

        if (relkind != RELKIND_RELATION)
        {
            ereport(WARNING,
                    errmsg("skipping \"%s\" --- cannot %s non-tables or special system tables",
                           rv->relname, verb));
            continue;
        }
        if (vr->n_va_cols > 0)
        {
            Relation    rel = relation_open(relid, NoLock);

            if (!analyze)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("ANALYZE option must be specified when a column list is provided"));
            for (size_t k = 0; k < vr->n_va_cols; k++)
            {
                const char *col = vr->va_cols[k]->string->sval;

                if (RelationGetAttnum(rel, col) <= 0)
                    ereport(ERROR,
                            errcode(ERRCODE_UNDEFINED_COLUMN),
                            errmsg("column \"%s\" of relation \"%s\" does not exist",
                                   col, rv->relname));
            }
            relation_close(rel, NoLock);
        }
        targets = lappend_oid(targets, relid);
    }
    if (stmt->n_rels == 0)
    {
        foreach(lc, all_user_tables())
        {
            LockRelationOid(lfirst_oid(lc), ShareUpdateExclusiveLock);
            /* dropped since the scan: skipped, as PostgreSQL's vacuum does */
            if (get_rel_relkind(lfirst_oid(lc)) == RELKIND_RELATION)
                targets = lappend_oid(targets, lfirst_oid(lc));
        }
    }
    foreach(lc, targets)
        update_relation_stats(lfirst_oid(lc));
}
