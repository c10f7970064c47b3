/*-------------------------------------------------------------------------
 * parse_alter.c
 *    Analysis for ALTER TABLE ... ALTER COLUMN ... TYPE [USING expr]
 *    (the transform expression of PostgreSQL's ATPrepAlterColumnType).
 *
 * Principal entry point:
 *    transformAlterColumnType   the expression computing the new value of
 *                               the column from a row of the table (Vars
 *                               with varno 1 = the table), coerced to the
 *                               new type with assignment rules; 42804 with
 *                               PostgreSQL's hints when no cast applies
 *
 * The USING expression is analyzed with the rules of a CHECK constraint
 * (no sub-SELECTs, aggregates, window or set-returning functions); the
 * error texts then name a check constraint rather than a transform
 * expression.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "storage/lmgr.h"
#include "planner/makefuncs.h"
#include "planner/nodefuncs.h"
#include "planner/parse_node.h"
#include "planner/planner.h"

Node *
transformAlterColumnType(struct RelationData *rel, int attnum, PgQuery__Node *using_expr,
                         Oid newtype, int32 newtypmod, const char *queryString)
{
    Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
    ParseState *pstate = make_parsestate(NULL);
    ParseNamespaceItem *nsitem;
    Node       *expr;
    Node       *coerced;

    pstate->p_sourcetext = queryString;
    nsitem = addRangeTableEntryForRelation(pstate, rel, AccessShareLock, NULL, true);
    pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
    if (using_expr != NULL)
    {
        parser_reset_expr_depth();
        expr = transformExpr(pstate, using_expr, EXPR_KIND_CHECK_CONSTRAINT);
        if (expression_returns_set(expr))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("set-returning functions are not allowed in transform expressions"));
    }
    else
        expr = (Node *) makeVar(1, (int16) attnum, att->atttypid, att->atttypmod,
                                att->attcollation, 0);
    coerced = coerce_to_target_type(pstate, expr, exprType(expr), newtype, newtypmod,
                                    COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
    if (coerced == NULL)
    {
        if (using_expr != NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("result of USING clause for column \"%s\" cannot be cast automatically to type %s",
                           NameStr(att->attname), format_type_be(newtype)),
                    errhint("You might need to add an explicit cast."));
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("column \"%s\" cannot be cast automatically to type %s",
                       NameStr(att->attname), format_type_be(newtype)),
                errhint("You might need to specify \"USING %s::%s\".",
                        quote_identifier(NameStr(att->attname)),
                        format_type_with_typemod(newtype, newtypmod)));
    }
    return coerced;
}
