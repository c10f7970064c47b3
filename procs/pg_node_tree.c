/*-------------------------------------------------------------------------
 * pg_node_tree.c
 *    The pg_node_tree type (pg_attrdef.adbin, pg_constraint.conbin) and
 *    pg_get_expr, which shows such a value as an expression.
 *
 * Basalt stores these columns as SQL text (docs/DECISIONS.md 13), not as
 * PostgreSQL's nodeToString form, so output is that text.  pg_get_expr
 * finds which column default (pg_attrdef) or CHECK constraint
 * (pg_constraint) of the relation the text is, analyzes it the way it is
 * analyzed for use (coerced to the column's type, or with the table's
 * columns in scope) and prints the tree as PostgreSQL's ruleutils does
 * (procs/expr_deparse.c): "(1 + 2)", "'x'::text", "'-1'::integer".  Text
 * that is neither, or holds a node the printer does not know, is returned
 * as stored.  Input is refused as in PostgreSQL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/relcache.h"
#include "planner/planner.h"
#include "procs/expr_deparse.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"
#include "procs/adt.h"
#include "procs/builtins.h"

extern Datum textsend(PG_FUNCTION_ARGS);   /* procs/varlena.c */

Datum
pg_node_tree_in(PG_FUNCTION_ARGS)
{
    ereport(ERROR,
            (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
             errmsg("cannot accept a value of type %s", "pg_node_tree")));
}

Datum
pg_node_tree_out(PG_FUNCTION_ARGS)
{
    return textout(fcinfo);
}

Datum
pg_node_tree_recv(PG_FUNCTION_ARGS)
{
    ereport(ERROR,
            (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
             errmsg("cannot accept a value of type %s", "pg_node_tree")));
}

Datum
pg_node_tree_send(PG_FUNCTION_ARGS)
{
    return textsend(fcinfo);
}

/*
 * The stored text's column: the attnum of relid's default whose adbin is
 * exactly src, or 0.
 */
static int16
default_column_of(Oid relid, const char *src)
{
    Relation    rel = table_open(AttrDefaultRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    int16       attnum = 0;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_attrdef_adrelid, desc, &isnull)) != relid)
            continue;
        d = heap_getattr(tup, Anum_pg_attrdef_adbin, desc, &isnull);
        if (!isnull && strcmp(TextDatumGetCString(d), src) == 0)
        {
            attnum = DatumGetInt16(heap_getattr(tup, Anum_pg_attrdef_adnum, desc, &isnull));
            break;
        }
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return attnum;
}

/* Is src the conbin of one of relid's constraints? */
static bool
is_check_of(Oid relid, const char *src)
{
    Relation    rel = table_open(ConstraintRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    bool        found = false;

    while (!found && (tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull)) != relid)
            continue;
        d = heap_getattr(tup, Anum_pg_constraint_conbin, desc, &isnull);
        found = !isnull && strcmp(TextDatumGetCString(d), src) == 0;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return found;
}

static text *
get_expr_text(text *expr, Oid relid)
{
    char       *src = text_to_cstring(expr);
    Relation    rel;
    Node       *tree = NULL;
    char       *out;
    int16       attnum;

    if (!OidIsValid(relid) || (rel = try_relation_open(relid, AccessShareLock)) == NULL)
        return expr;
    attnum = default_column_of(relid, src);
    if (attnum > 0 && attnum <= RelationGetNumberOfAttributes(rel))
    {
        Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);

        tree = cookColumnDefault(src, att->atttypid, att->atttypmod, NameStr(att->attname));
    }
    else if (is_check_of(relid, src))
        tree = cookCheckConstraint(relid, src);
    relation_close(rel, AccessShareLock);
    if (tree == NULL || (out = deparse_expression_for_relation(tree, relid)) == NULL)
        return expr;
    return cstring_to_text(out);
}

/* pg_get_expr(expr, relid [, pretty]) */
Datum
pg_get_expr(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(get_expr_text(PG_GETARG_TEXT_PP(0), PG_GETARG_OID(1)));
}

Datum
pg_get_expr_ext(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(get_expr_text(PG_GETARG_TEXT_PP(0), PG_GETARG_OID(1)));
}
