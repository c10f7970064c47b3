/*-------------------------------------------------------------------------
 * alter_table_cols.c
 *    ALTER TABLE ADD COLUMN and DROP COLUMN (PostgreSQL's ATExecAddColumn
 *    and ATExecDropColumn), called by alter_table.c.
 *
 * Principal entry points:
 *    ATExecAddColumn    ADD [COLUMN] [IF NOT EXISTS] name type
 *                       [NULL | NOT NULL | DEFAULT expr | CHECK (expr)]
 *    ATExecDropColumn   DROP [COLUMN] [IF EXISTS] name
 *
 * ADD COLUMN appends a pg_attribute row (attnum = relnatts + 1).  Rows
 * stored before it have fewer attributes and read the new column as NULL
 * (storage/heaptuple.c), so a column without default costs nothing.  With
 * a DEFAULT, Basalt does not keep PostgreSQL's attmissingval: it rewrites
 * every visible row (a new version, as UPDATE would) with the default
 * evaluated per row -- volatile defaults get a value each, as in
 * PostgreSQL's rewrite.  NOT NULL without a default on a non-empty table
 * is 23502, as PostgreSQL.
 *
 * DROP COLUMN marks the attribute dropped, renames it
 * "........pg.dropped.N........" and removes its default, as PostgreSQL;
 * stored rows keep the value (atttypid is kept too, so old rows can still
 * be deformed: PostgreSQL zeroes it).  Views reading the column are 2BP01
 * or dropped with CASCADE, its owned sequence goes with it
 * (catalog/dependency.c); the CHECK constraints using it are dropped too
 * (PostgreSQL's auto dependency, multi-column ones included).
 *
 * ALTER COLUMN TYPE [USING expr] computes every visible row's new form
 * (planner/parse_alter.c analyzes the cast or USING expression), updates
 * pg_attribute, moves the table to a new relfilenode (truncate.c: the old
 * file goes at commit, the new at abort) and inserts the new rows there.
 * The new rows are held in memory between the two steps -- a limit on the
 * table size to lift with a tuplestore.  The table's CHECK constraints
 * (SQL text) are analyzed again against the new type and every new row is
 * checked (23514); a column a view reads is PostgreSQL's 0A000.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/alter_table_cols.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/dependency.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
#include "catalog/sinval.h"
#include "catalog/truncate.h"
#include "catalog/view.h"
#include "executor/execnodes.h"
#include "executor/tuptable.h"
#include "planner/planner.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

static void
refuse(const char *what)
{
    ereport(ERROR,
            errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
            errmsg("%s are not supported yet", what));
}

/* pg_class.relnatts := natts */
static void
set_relnatts(Oid relid, int16 natts)
{
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                       Anum_pg_class_relnatts, Int16GetDatum(natts));
    CacheInvalidateRelcache(relid);
}

/* Every visible row again, with column attnum set to expr (evaluated per row). */
static void
rewrite_with_default(Relation rel, int attnum, Expr *expr, bool notnull)
{
    TupleDesc   desc = RelationGetDescr(rel);
    EState     *estate = CreateExecutorState();
    ExprContext *econtext = CreateExprContext(estate);
    ExprState  *state = expr ? ExecInitExpr(expr, NULL) : NULL;
    HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
    HeapTuple   tup;
    Datum      *values = palloc(sizeof(Datum) * desc->natts);
    bool       *nulls = palloc(sizeof(bool) * desc->natts);

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        HeapTuple   newtup;
        bool        isnull = true;
        Datum       value = (Datum) 0;

        CHECK_FOR_INTERRUPTS();
        if (state != NULL)
            value = ExecEvalExprSwitchContext(state, econtext, &isnull);
        if (isnull && notnull)
            ereport(ERROR,
                    errcode(ERRCODE_NOT_NULL_VIOLATION),
                    errmsg("column \"%s\" of relation \"%s\" contains null values",
                           NameStr(TupleDescAttr(desc, attnum - 1)->attname),
                           RelationGetRelationName(rel)));
        if (state == NULL)
            continue;
        heap_deform_tuple(tup, desc, values, nulls);
        values[attnum - 1] = value;
        nulls[attnum - 1] = isnull;
        newtup = heap_form_tuple(desc, values, nulls);
        simple_heap_update(rel, &tup->t_self, newtup);
        heap_freetuple(newtup);
        MemoryContextReset(econtext->ecxt_per_tuple_memory);
    }
    heap_endscan(scan);
    FreeExecutorState(estate);
}

void
ATExecAddColumn(Relation rel, PgQuery__ColumnDef *cd, bool if_not_exists)
{
    Oid         relid = RelationGetRelid(rel);
    TupleDesc   desc = RelationGetDescr(rel);
    int         attnum = desc->natts + 1;
    PgQuery__Node *rawdefault = NULL;
    bool        notnull = false;
    Oid         typid;
    int32       typmod;
    const TypeInfo *t;
    FormData_pg_attribute att;
    Relation    newrel;
    Expr       *cooked = NULL;
    List       *checks = NIL;   /* PgQuery__Constraint * of column CHECKs */

    if (RelationGetAttnum(rel, cd->colname) > 0)
    {
        if (if_not_exists)
        {
            ereport(NOTICE,
                    errcode(ERRCODE_DUPLICATE_COLUMN),
                    errmsg("column \"%s\" of relation \"%s\" already exists, skipping",
                           cd->colname, RelationGetRelationName(rel)));
            return;
        }
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" already exists",
                       cd->colname, RelationGetRelationName(rel)));
    }
    if (SystemAttributeByName(cd->colname) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_COLUMN),
                errmsg("column name \"%s\" conflicts with a system column name", cd->colname));
    if (cd->coll_clause != NULL)
        refuse("column collations in ADD COLUMN");
    for (size_t i = 0; i < cd->n_constraints; i++)
    {
        PgQuery__Constraint *c = cd->constraints[i]->constraint;

        switch (c->contype)
        {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
                notnull = true;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
                rawdefault = c->raw_expr;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
                checks = lappend(checks, c);
                break;
            default:
                refuse("constraints other than NULL, NOT NULL, DEFAULT and CHECK in ADD COLUMN");
        }
    }
    if (cd->type_name->n_names > 0)
    {
        PgQuery__Node *last = cd->type_name->names[cd->type_name->n_names - 1];

        if (last->node_case == PG_QUERY__NODE__NODE_STRING &&
            (strcmp(last->string->sval, "serial") == 0 || strncmp(last->string->sval, "serial", 6) == 0 ||
             strcmp(last->string->sval, "bigserial") == 0 || strcmp(last->string->sval, "smallserial") == 0))
            refuse("serial columns in ADD COLUMN");
    }
    typenameTypeIdAndMod(cd->type_name, &typid, &typmod);
    t = lookup_type(typid);
    if (t == NULL)
        elog(ERROR, "cache lookup failed for type %u", typid);
    if (t->typtype == 'p')
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("column \"%s\" has pseudo-type %s", cd->colname, format_type_be(typid)));

    memset(&att, 0, sizeof(att));
    att.attrelid = relid;
    memcpy(NameStr(att.attname), cd->colname, strnlen(cd->colname, NAMEDATALEN - 1));
    att.atttypid = typid;
    att.atttypmod = typmod;
    att.attnum = (int16) attnum;
    att.attndims = (int) cd->type_name->n_array_bounds;
    att.attlen = t->typlen;
    att.attbyval = t->typbyval;
    att.attalign = t->typalign;
    att.attstorage = t->typstorage;
    att.attcollation = t->typcollation;
    att.attnotnull = notnull;
    InsertPgAttributeTuple(&att, -1);
    set_relnatts(relid, (int16) attnum);
    CommandCounterIncrement();

    if (rawdefault != NULL && rawdefault->node_case == PG_QUERY__NODE__NODE_A_CONST &&
        rawdefault->a_const->isnull)
        rawdefault = NULL;
    if (rawdefault != NULL)
    {
        char *text = deparse_raw_expr(rawdefault);

        cooked = (Expr *) cookColumnDefault(text, typid, typmod, cd->colname);
        StoreAttrDefault(relid, (int16) attnum, text);
        CommandCounterIncrement();
    }
    if (cooked != NULL || notnull)
    {
        newrel = relation_open(relid, NoLock);
        rewrite_with_default(newrel, attnum, cooked, notnull);
        relation_close(newrel, NoLock);
        CommandCounterIncrement();
    }
    /* column CHECKs, once the column and its values exist (rows checked) */
    if (checks != NIL)
    {
        ListCell   *lc;

        newrel = relation_open(relid, NoLock);
        foreach(lc, checks)
            AddTableCheckConstraint(newrel, lfirst(lc));
        relation_close(newrel, NoLock);
    }
}

void
ATExecDropColumn(Relation rel, const char *colname, bool missing_ok, bool cascade)
{
    Oid         relid = RelationGetRelid(rel);
    int         attnum;
    char        newname[NAMEDATALEN];
    NameData   *n;

    if (SystemAttributeByName(colname) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot drop system column \"%s\"", colname));
    attnum = RelationGetAttnum(rel, colname);
    if (attnum <= 0)
    {
        if (missing_ok)
        {
            ereport(NOTICE,
                    errmsg("column \"%s\" of relation \"%s\" does not exist, skipping",
                           colname, RelationGetRelationName(rel)));
            return;
        }
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" does not exist",
                       colname, RelationGetRelationName(rel)));
    }
    /* CHECKs using the column go with it, even without CASCADE (as PostgreSQL) */
    DropCheckConstraintsOnColumn(relid, (int16) attnum);
    /* views reading the column: 2BP01 or CASCADE; owned sequences go with it */
    {
        ObjectAddress *col = palloc(sizeof(ObjectAddress));

        col->classId = RelationRelationId;
        col->objectId = relid;
        col->objectSubId = attnum;
        DropDependentObjects(list_make1(col), cascade);
    }

    RemoveAttrDefault(relid, (int16) attnum);
    snprintf(newname, sizeof(newname), "........pg.dropped.%d........", attnum);
    n = palloc0(sizeof(NameData));
    memcpy(NameStr(*n), newname, strlen(newname));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attname, PointerGetDatum(n));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attnotnull, BoolGetDatum(false));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attisdropped, BoolGetDatum(true));
}

void
ATExecAlterColumnType(Relation rel, const char *colname, PgQuery__ColumnDef *def,
                      const char *queryString)
{
    Oid         relid = RelationGetRelid(rel);
    int         attnum;
    Oid         newtype;
    int32       newtypmod;
    const TypeInfo *t;
    Expr       *expr;
    TupleDesc   olddesc;
    TupleDesc   newdesc;
    EState     *estate;
    ExprContext *econtext;
    ExprState  *state;
    TupleTableSlot *slot;
    HeapScanDesc scan;
    HeapTuple   tup;
    List       *newtuples = NIL;
    ListCell   *lc;
    Datum      *values;
    bool       *nulls;
    Form_pg_attribute natt;

    if (SystemAttributeByName(colname) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot alter system column \"%s\"", colname));
    attnum = RelationGetAttnum(rel, colname);
    if (attnum <= 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" does not exist",
                       colname, RelationGetRelationName(rel)));
    /* a view reading the column would change under its stored row type */
    {
        List       *rows = getDependentRows(RelationRelationId, relid, attnum, 0);
        ListCell   *lc2;

        foreach(lc2, rows)
        {
            DependRow  *r = lfirst(lc2);

            if (r->obj.classId == RelationRelationId &&
                get_rel_relkind(r->obj.objectId) == RELKIND_VIEW)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("cannot alter type of a column used by a view or rule"),
                        errdetail("rule _RETURN on %s depends on column \"%s\"",
                                  RelationDescription(r->obj.objectId), colname));
        }
    }
    if (def->coll_clause != NULL)
        refuse("COLLATE in ALTER COLUMN TYPE");
    typenameTypeIdAndMod(def->type_name, &newtype, &newtypmod);
    t = lookup_type(newtype);
    if (t == NULL)
        elog(ERROR, "cache lookup failed for type %u", newtype);
    if (t->typtype == 'p')
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("column \"%s\" has pseudo-type %s", colname, format_type_be(newtype)));
    expr = (Expr *) transformAlterColumnType(rel, attnum, def->raw_default, newtype, newtypmod,
                                             queryString);
    if (TupleDescAttr(RelationGetDescr(rel), attnum - 1)->atthasdef)
    {
        char *text = RelationGetColumnDefault(rel, attnum);

        if (text != NULL)
            (void) cookColumnDefault(text, newtype, newtypmod, colname);
    }

    /* ---- the new rows, computed from the old (in memory; see the header) */
    olddesc = CreateTupleDescCopy(RelationGetDescr(rel));
    newdesc = CreateTupleDescCopy(olddesc);
    TupleDescInitEntry(newdesc, attnum, colname, newtype, newtypmod,
                       (int) def->type_name->n_array_bounds);
    natt = TupleDescAttr(newdesc, attnum - 1);
    natt->attnotnull = TupleDescAttr(olddesc, attnum - 1)->attnotnull;
    natt->atthasdef = TupleDescAttr(olddesc, attnum - 1)->atthasdef;
    natt->attcollation = t->typcollation;
    estate = CreateExecutorState();
    econtext = CreateExprContext(estate);
    state = ExecInitExpr(expr, NULL);
    slot = MakeSingleTupleTableSlot(olddesc);
    econtext->ecxt_scantuple = slot;
    values = palloc(sizeof(Datum) * olddesc->natts);
    nulls = palloc(sizeof(bool) * olddesc->natts);
    scan = heap_beginscan(rel, GetTransactionSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       value;

        CHECK_FOR_INTERRUPTS();
        ExecStoreHeapTuple(tup, slot, false);
        value = ExecEvalExprSwitchContext(state, econtext, &isnull);
        if (isnull && natt->attnotnull)
            ereport(ERROR,
                    errcode(ERRCODE_NOT_NULL_VIOLATION),
                    errmsg("column \"%s\" of relation \"%s\" contains null values",
                           colname, RelationGetRelationName(rel)));
        heap_deform_tuple(tup, olddesc, values, nulls);
        for (int i = 0; i < olddesc->natts; i++)
            if (TupleDescAttr(olddesc, i)->attisdropped)
                nulls[i] = true;
        values[attnum - 1] = value;
        nulls[attnum - 1] = isnull;
        newtuples = lappend(newtuples, heap_form_tuple(newdesc, values, nulls));
        ExecClearTuple(slot);
        MemoryContextReset(econtext->ecxt_per_tuple_memory);
    }
    heap_endscan(scan);
    ExecDropSingleTupleTableSlot(slot);
    FreeExecutorState(estate);

    /* ---- the catalog, then fresh storage holding the new rows */
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_atttypid, ObjectIdGetDatum(newtype));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_atttypmod, Int32GetDatum(newtypmod));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attlen, Int16GetDatum(t->typlen));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attbyval, BoolGetDatum(t->typbyval));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attalign, CharGetDatum(t->typalign));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attstorage, CharGetDatum(t->typstorage));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attcollation, ObjectIdGetDatum(t->typcollation));
    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attndims,
                         Int32GetDatum((int32) def->type_name->n_array_bounds));
    RelationSetNewRelfilenode(relid);
    {
        Relation newrel = relation_open(relid, NoLock);

        foreach(lc, newtuples)
        {
            CHECK_FOR_INTERRUPTS();
            simple_heap_insert(newrel, (HeapTuple) lfirst(lc));
        }
        relation_close(newrel, NoLock);
    }
    CommandCounterIncrement();
    /* the CHECKs, analyzed against the new type, hold for every new row */
    RevalidateCheckConstraints(relid);
}
