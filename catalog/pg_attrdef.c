/*-------------------------------------------------------------------------
 * pg_attrdef.c
 *    Column defaults in pg_attrdef, and the catalog-row helpers the DDL
 *    files share (PostgreSQL's catalog/pg_attrdef.c, in part).
 *
 * Principal entry points:
 *    StoreAttrDefault / RemoveAttrDefault / RemoveAttrDefaultsOfRelation
 *    RelationGetColumnDefault   the analyzer's hook: a column default as
 *                               SQL text, or NULL
 *    deparse_raw_expr           libpg_query raw expression -> SQL text
 *    UpdateAttributeField       change one pg_attribute column
 *
 * Design (docs/DECISIONS.md 13): adbin is SQL text, the raw expression as
 * libpg_query deparses it (e.g. "nextval('t_id_seq'::regclass)"), not
 * PostgreSQL's nodeToString form.  The analyzer re-analyzes the text
 * (cookColumnDefault) whenever a statement needs the default; the text is
 * validated the same way when the default is defined.  pg_attribute's
 * atthasdef says whether to look, so a column without default costs no
 * pg_attrdef scan.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "planner/planner.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"
#include <pg_query.h>

/* ---------------------------------------------------------------- deparse */

char *
deparse_raw_expr(PgQuery__Node *expr)
{
    PgQuery__ParseResult result = PG_QUERY__PARSE_RESULT__INIT;
    PgQuery__RawStmt rawstmt = PG_QUERY__RAW_STMT__INIT;
    PgQuery__RawStmt *stmts[1];
    PgQuery__Node stmtnode = PG_QUERY__NODE__INIT;
    PgQuery__SelectStmt sel = PG_QUERY__SELECT_STMT__INIT;
    PgQuery__Node rtnode = PG_QUERY__NODE__INIT;
    PgQuery__ResTarget rt = PG_QUERY__RES_TARGET__INIT;
    PgQuery__Node *tl[1];
    PgQueryProtobuf pb;
    PgQueryDeparseResult dr;
    size_t      size;
    char       *out;
    const char *q;

    rt.val = expr;
    rt.name = (char *) "";
    rtnode.node_case = PG_QUERY__NODE__NODE_RES_TARGET;
    rtnode.res_target = &rt;
    tl[0] = &rtnode;
    sel.n_target_list = 1;
    sel.target_list = tl;
    sel.limit_option = PG_QUERY__LIMIT_OPTION__LIMIT_OPTION_DEFAULT;
    sel.op = PG_QUERY__SET_OPERATION__SETOP_NONE;
    stmtnode.node_case = PG_QUERY__NODE__NODE_SELECT_STMT;
    stmtnode.select_stmt = &sel;
    rawstmt.stmt = &stmtnode;
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
        elog(ERROR, "could not deparse expression: %s", msg);
    }
    q = dr.query;
    if (strncmp(q, "SELECT ", 7) == 0)
        q += 7;
    out = pstrdup(q);
    pg_query_free_deparse_result(dr);
    return out;
}

/* ---------------------------------------------------------------- catalog rows */

void
DeleteCatalogRowsByOid(Oid catid, int attno, Oid key)
{
    Relation    rel = table_open(catid, RowExclusiveLock);
    HeapScanDesc scan;
    HeapTuple   tup;
    List       *tids = NIL;
    ListCell   *lc;

    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;
        Datum d = heap_getattr(tup, attno, RelationGetDescr(rel), &isnull);

        if (!isnull && DatumGetObjectId(d) == key)
        {
            ItemPointer tid = palloc(sizeof(ItemPointerData));

            *tid = tup->t_self;
            tids = lappend(tids, tid);
        }
    }
    heap_endscan(scan);
    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    table_close(rel, RowExclusiveLock);
}

void
UpdateAttributeField(Oid relid, int16 attnum, int anum, Datum value)
{
    Relation    rel = table_open(AttributeRelationId, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan;
    HeapTuple   tup;
    bool        found = false;

    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attribute_attrelid, desc, &isnull)) != relid ||
            DatumGetInt16(heap_getattr(tup, Anum_pg_attribute_attnum, desc, &isnull)) != attnum)
            continue;
        {
            Datum      *values = palloc(sizeof(Datum) * desc->natts);
            bool       *nulls = palloc(sizeof(bool) * desc->natts);
            HeapTuple   newtup;
            ItemPointerData otid = tup->t_self;

            heap_deform_tuple(tup, desc, values, nulls);
            values[anum - 1] = value;
            nulls[anum - 1] = false;
            newtup = heap_form_tuple(desc, values, nulls);
            heap_endscan(scan);
            scan = NULL;
            CatalogTupleUpdate(rel, &otid, newtup);
            found = true;
        }
        break;
    }
    if (scan != NULL)
        heap_endscan(scan);
    table_close(rel, RowExclusiveLock);
    if (!found)
        elog(ERROR, "cache lookup failed for attribute %d of relation %u", attnum, relid);
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();  /* a second change of the row must see this one */
}

/* ---------------------------------------------------------------- pg_attrdef */

/* Delete the pg_attrdef rows of (relid, attnum); attnum 0: all of relid. */
static bool
delete_attrdef(Oid relid, int16 attnum)
{
    Relation    rel = table_open(AttrDefaultRelationId, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan;
    HeapTuple   tup;
    List       *tids = NIL;
    List       *oids = NIL;
    ListCell   *lc;

    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_adrelid, desc, &isnull)) != relid)
            continue;
        if (attnum != 0 &&
            DatumGetInt16(heap_getattr(tup, Anum_pg_attrdef_adnum, desc, &isnull)) != attnum)
            continue;
        {
            ItemPointer tid = palloc(sizeof(ItemPointerData));

            *tid = tup->t_self;
            tids = lappend(tids, tid);
            oids = lappend_oid(oids, DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_oid,
                                                                   desc, &isnull)));
        }
    }
    heap_endscan(scan);
    foreach(lc, tids)
        CatalogTupleDelete(rel, (ItemPointer) lfirst(lc));
    table_close(rel, RowExclusiveLock);
    /* what the defaults needed (pg_depend rows of nextval's sequences) */
    foreach(lc, oids)
        deleteDependencyRecordsFor(AttrDefaultRelationId, lfirst_oid(lc));
    return tids != NIL;
}

void
StoreAttrDefault(Oid relid, int16 attnum, const char *exprtext)
{
    Relation    rel;
    Datum       values[Natts_pg_attrdef];
    bool        nulls[Natts_pg_attrdef];
    HeapTuple   tup;
    ObjectAddress self;

    (void) delete_attrdef(relid, attnum);
    rel = table_open(AttrDefaultRelationId, RowExclusiveLock);
    memset(nulls, false, sizeof(nulls));
    self.classId = AttrDefaultRelationId;
    self.objectId = GetNewObjectId();
    self.objectSubId = 0;
    values[Anum_pg_attrdef_oid - 1] = ObjectIdGetDatum(self.objectId);
    values[Anum_pg_attrdef_adrelid - 1] = ObjectIdGetDatum(relid);
    values[Anum_pg_attrdef_adnum - 1] = Int16GetDatum(attnum);
    values[Anum_pg_attrdef_adbin - 1] = CStringGetTextDatum(exprtext);  /* pg_node_tree is text-like */
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
    UpdateAttributeField(relid, attnum, Anum_pg_attribute_atthasdef, BoolGetDatum(true));

    /* the sequences it names (nextval) may not be dropped under it: pg_depend */
    {
        Relation    r = relation_open(relid, NoLock);
        Form_pg_attribute att = TupleDescAttr(RelationGetDescr(r), attnum - 1);
        Node       *expr = cookColumnDefault(exprtext, att->atttypid, att->atttypmod,
                                             NameStr(att->attname));

        relation_close(r, NoLock);
        recordDependencyOnExprRelations(&self, expr);
    }
}

void
RemoveAttrDefault(Oid relid, int16 attnum)
{
    if (delete_attrdef(relid, attnum))
        UpdateAttributeField(relid, attnum, Anum_pg_attribute_atthasdef, BoolGetDatum(false));
}

void
RemoveAttrDefaultsOfRelation(Oid relid)
{
    (void) delete_attrdef(relid, 0);
}

char *
RelationGetColumnDefault(Relation rel, int attnum)
{
    Relation    ad;
    TupleDesc   desc;
    HeapScanDesc scan;
    HeapTuple   tup;
    char       *result = NULL;
    Oid         relid = RelationGetRelid(rel);

    if (attnum < 1 || attnum > RelationGetNumberOfAttributes(rel) ||
        !TupleDescAttr(RelationGetDescr(rel), attnum - 1)->atthasdef ||
        TupleDescAttr(RelationGetDescr(rel), attnum - 1)->attisdropped)
        return NULL;
    ad = table_open(AttrDefaultRelationId, AccessShareLock);
    desc = RelationGetDescr(ad);
    scan = heap_beginscan(ad, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;
        Datum d;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_adrelid, desc, &isnull)) != relid ||
            DatumGetInt16(heap_getattr(tup, Anum_pg_attrdef_adnum, desc, &isnull)) != attnum)
            continue;
        d = heap_getattr(tup, Anum_pg_attrdef_adbin, desc, &isnull);
        if (!isnull)
            result = TextDatumGetCString(d);
        break;
    }
    heap_endscan(scan);
    table_close(ad, AccessShareLock);
    return result;
}
