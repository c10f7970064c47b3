/*-------------------------------------------------------------------------
 * pg_constraint.c
 *    CHECK constraints: definition (CREATE TABLE), storage in
 *    pg_constraint, and lookup for the executor (PostgreSQL's
 *    AddRelationNewConstraints / StoreRelCheck / CheckConstraintFetch).
 *
 * Principal entry points:
 *    AddRelationCheckConstraints   validate, name and store
 *    RelationGetCheckConstraints   (name, SQL text) list, by name
 *    cookCheckConstraint           analyze one against its table
 *
 * Names follow PostgreSQL's ChooseConstraintName: an unnamed constraint
 * referencing exactly one column is <table>_<column>_check, otherwise
 * <table>_check; a taken name gets 1, 2, ... appended to the label.  A
 * named constraint whose name is taken is 42710.  pg_class.relchecks
 * counts them.  conbin is SQL text (docs/DECISIONS.md 13), conkey the
 * referenced columns.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "planner/nodefuncs.h"
#include "planner/primnodes.h"
#include "planner/planner.h"
#include "procs/array.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

Node *
cookCheckConstraint(Oid relid, const char *consrc)
{
    char       *sql;
    List       *raw;
    Query      *q;
    TargetEntry *te;
    Oid         type;

    sql = psprintf("SELECT %s FROM %s.%s", consrc,
                   quote_identifier(get_namespace_name(get_rel_namespace(relid))),
                   quote_identifier(get_rel_name(relid)));
    raw = raw_parser(sql);
    if (list_length(raw) != 1)
        elog(ERROR, "invalid check constraint text: %s", consrc);
    q = parse_analyze_fixedparams(linitial(raw), sql, NULL, 0);
    if (q->hasSubLinks)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot use subquery in check constraint"));
    if (q->hasAggs)
        ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate functions are not allowed in check constraints"));
    if (q->hasWindowFuncs)
        ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
                errmsg("window functions are not allowed in check constraints"));
    if (q->hasTargetSRFs)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("set-returning functions are not allowed in check constraints"));
    te = linitial(q->targetList);
    type = exprType((Node *) te->expr);
    if (type != BOOLOID)
        ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("argument of %s must be type %s, not type %s", "CHECK", "boolean",
                       format_type_be(type)));
    return (Node *) te->expr;
}

typedef struct VarCollect
{
    List       *attnos;
} VarCollect;

static bool
collect_vars(Node *node, void *ctx)
{
    VarCollect *vc = ctx;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        int attno = ((Var *) node)->varattno;

        if (!list_member_int(vc->attnos, attno))
            vc->attnos = lappend_int(vc->attnos, attno);
        return false;
    }
    return expression_tree_walker(node, collect_vars, ctx);
}

/* Is conname used by a constraint of relid (or chosen already)? */
static bool
constraint_name_taken(Oid relid, Oid nspid, const char *name, List *chosen)
{
    List       *existing = RelationGetCheckConstraints(relid);
    ListCell   *lc;

    (void) nspid;
    foreach(lc, existing)
        if (strcmp(((CheckConstraintDef *) lfirst(lc))->conname, name) == 0)
            return true;
    foreach(lc, chosen)
        if (strcmp((char *) lfirst(lc), name) == 0)
            return true;
    return false;
}

/* PostgreSQL's makeObjectName with name2 optional. */
static char *
object_name(const char *name1, const char *name2, const char *label)
{
    int     l1 = (int) strlen(name1), l2 = name2 ? (int) strlen(name2) : 0;
    int     overhead = (int) strlen(label) + 1 + (name2 ? 1 : 0);

    while (l1 + l2 + overhead > NAMEDATALEN - 1)
    {
        if (l1 > l2)
            l1--;
        else
            l2--;
    }
    while (l1 > 0 && ((unsigned char) name1[l1] & 0xC0) == 0x80)
        l1--;
    while (l2 > 0 && ((unsigned char) name2[l2] & 0xC0) == 0x80)
        l2--;
    /* the lengths were trimmed above so the result fits in NAMEDATALEN */
    if (name2)
        return psprintf("%.*s_%.*s_%s", l1, name1, l2, name2, label);
    return psprintf("%.*s_%s", l1, name1, label);
}

static void
store_check(Oid relid, Oid nspid, const char *name, const char *src, List *attnos)
{
    Relation    rel = table_open(ConstraintRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_constraint];
    bool        nulls[Natts_pg_constraint];
    HeapTuple   tup;
    NameData    nd;
    Datum      *keys;
    int         nkeys = list_length(attnos);
    int         i = 0;
    ListCell   *lc;

    memset(values, 0, sizeof(values));
    memset(nulls, true, sizeof(nulls));
    memset(&nd, 0, sizeof(nd));
    strncpy(NameStr(nd), name, NAMEDATALEN - 1);
#define SETV(a, v) (values[(a) - 1] = (v), nulls[(a) - 1] = false)
    SETV(Anum_pg_constraint_oid, ObjectIdGetDatum(GetNewObjectId()));
    SETV(Anum_pg_constraint_conname, PointerGetDatum(&nd));
    SETV(Anum_pg_constraint_connamespace, ObjectIdGetDatum(nspid));
    SETV(Anum_pg_constraint_contype, CharGetDatum('c'));
    SETV(Anum_pg_constraint_condeferrable, BoolGetDatum(false));
    SETV(Anum_pg_constraint_condeferred, BoolGetDatum(false));
    SETV(Anum_pg_constraint_convalidated, BoolGetDatum(true));
    SETV(Anum_pg_constraint_conrelid, ObjectIdGetDatum(relid));
    SETV(Anum_pg_constraint_contypid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_conindid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_conparentid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confrelid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confupdtype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_confdeltype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_confmatchtype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_conislocal, BoolGetDatum(true));
    SETV(Anum_pg_constraint_coninhcount, Int32GetDatum(0));
    SETV(Anum_pg_constraint_connoinherit, BoolGetDatum(false));
    if (nkeys > 0)
    {
        keys = palloc(sizeof(Datum) * nkeys);
        foreach(lc, attnos)
            keys[i++] = Int16GetDatum((int16) lfirst_int(lc));
        SETV(Anum_pg_constraint_conkey,
             PointerGetDatum(construct_array(keys, nkeys, INT2OID, 2, true, 's')));
    }
    SETV(Anum_pg_constraint_conbin, CStringGetTextDatum(src));
#undef SETV
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

/* pg_class.relchecks := n */
static void
set_relchecks(Oid relid, int n)
{
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                       Anum_pg_class_relchecks, Int16GetDatum((int16) n));
    CacheInvalidateRelcache(relid);
}

void
AddRelationCheckConstraints(Oid relid, List *specs)
{
    Oid         nspid = get_rel_namespace(relid);
    char       *relname = get_rel_name(relid);
    List       *chosen = NIL;
    ListCell   *lc;
    int         n = 0;

    foreach(lc, specs)
    {
        CheckConstraintSpec *spec = lfirst(lc);
        PgQuery__Constraint *c = spec->con;
        char       *src = deparse_raw_expr(c->raw_expr);
        Node       *expr = cookCheckConstraint(relid, src);
        VarCollect  vc = {NIL};
        char       *name;

        (void) collect_vars(expr, &vc);
        if (c->conname != NULL && c->conname[0] != '\0')
        {
            name = c->conname;
            if (constraint_name_taken(relid, nspid, name, chosen))
                ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
                        errmsg("check constraint \"%s\" already exists", name));
        }
        else
        {
            const char *colname = NULL;

            if (list_length(vc.attnos) == 1)
            {
                Relation r = relation_open(relid, NoLock);

                colname = pstrdup(NameStr(TupleDescAttr(RelationGetDescr(r),
                                                        linitial_int(vc.attnos) - 1)->attname));
                relation_close(r, NoLock);
            }
            for (int pass = 0;; pass++)
            {
                char label[NAMEDATALEN];

                if (pass == 0)
                    snprintf(label, sizeof(label), "check");
                else
                    snprintf(label, sizeof(label), "check%d", pass);
                name = object_name(relname, colname, label);
                if (!constraint_name_taken(relid, nspid, name, chosen))
                    break;
            }
        }
        chosen = lappend(chosen, name);
        store_check(relid, nspid, name, src, vc.attnos);
        n++;
    }
    if (n > 0)
    {
        set_relchecks(relid, n);
        CommandCounterIncrement();
    }
}


List *
RelationGetCheckConstraints(Oid relid)
{
    Relation    rel = table_open(ConstraintRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;
        CheckConstraintDef *def;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull)) != relid ||
            DatumGetChar(heap_getattr(tup, Anum_pg_constraint_contype, desc, &isnull)) != 'c')
            continue;
        d = heap_getattr(tup, Anum_pg_constraint_conbin, desc, &isnull);
        if (isnull)
            continue;
        def = palloc(sizeof(CheckConstraintDef));
        def->consrc = TextDatumGetCString(d);
        def->conname = pstrdup(NameStr(*(NameData *) DatumGetPointer(heap_getattr(tup, Anum_pg_constraint_conname,
                                                                  desc, &isnull))));
        result = lappend(result, def);
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    /* by name, as PostgreSQL checks them (insertion sort: lists are short) */
    {
        int         n = list_length(result);
        CheckConstraintDef **arr = palloc(sizeof(CheckConstraintDef *) * (n + 1));
        List       *sorted = NIL;
        int         i = 0;
        ListCell   *lc;

        foreach(lc, result)
        {
            int j = i++;

            arr[j] = lfirst(lc);
            while (j > 0 && strcmp(arr[j - 1]->conname, arr[j]->conname) > 0)
            {
                CheckConstraintDef *t = arr[j - 1];

                arr[j - 1] = arr[j];
                arr[j] = t;
                j--;
            }
        }
        for (i = 0; i < n; i++)
            sorted = lappend(sorted, arr[i]);
        return sorted;
    }
}
