/*-------------------------------------------------------------------------
 * nodefuncs.c
 *    Generic operations on expression trees: exprType, exprTypmod,
 *    exprCollation, exprLocation, and the walker/mutator machinery
 *    (PostgreSQL's nodeFuncs.c).  copyObject is in copyfuncs.c, equal in
 *    equalfuncs.c.
 *
 * Principal entry points:
 *    exprType / exprTypmod / exprCollation / exprLocation
 *    expression_tree_walker / expression_tree_mutator
 *    query_tree_walker / query_tree_mutator / range_table_walker
 *
 * When you add an expression node, add it to every switch here (and to
 * copyfuncs.c and equalfuncs.c); an unknown node is an ERROR, never
 * silently skipped.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "planner/nodefuncs.h"
#include "planner/plannodes.h"

/* ================================================================ expr info */

/*
 * exprType
 *    The result type of an expression node (InvalidOid for NULL).
 */
Oid
exprType(const Node *expr)
{
    if (expr == NULL)
        return InvalidOid;

    switch (nodeTag(expr))
    {
        case T_Var:
            return ((const Var *) expr)->vartype;
        case T_Const:
            return ((const Const *) expr)->consttype;
        case T_Param:
            return ((const Param *) expr)->paramtype;
        case T_Aggref:
            return ((const Aggref *) expr)->aggtype;
        case T_GroupingFunc:
            return INT4OID;
        case T_WindowFunc:
            return ((const WindowFunc *) expr)->wintype;
        case T_FuncExpr:
            return ((const FuncExpr *) expr)->funcresulttype;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            return ((const OpExpr *) expr)->opresulttype;
        case T_ScalarArrayOpExpr:
        case T_BoolExpr:
        case T_NullTest:
        case T_BooleanTest:
            return BOOLOID;
        case T_SubLink:
            {
                const SubLink *sublink = (const SubLink *) expr;

                if (sublink->subLinkType == EXPR_SUBLINK ||
                    sublink->subLinkType == ARRAY_SUBLINK)
                {
                    const Query *qtree = (const Query *) sublink->subselect;
                    const TargetEntry *tent = NULL;
                    ListCell   *lc;
                    Oid         type;

                    if (qtree == NULL || !IsA(qtree, Query))
                        elog(ERROR, "cannot get type for untransformed sublink");
                    foreach(lc, qtree->targetList)
                    {
                        tent = lfirst(lc);
                        if (!tent->resjunk)
                            break;
                    }
                    type = exprType((Node *) tent->expr);
                    /* ARRAY(SELECT array) adds a dimension: same type */
                    if (sublink->subLinkType == ARRAY_SUBLINK && !type_is_array(type))
                        type = get_array_type(type);
                    return type;
                }
                return BOOLOID;
            }
        case T_SubPlan:
            {
                const SubPlan *subplan = (const SubPlan *) expr;

                if (subplan->subLinkType == EXPR_SUBLINK)
                    return subplan->firstColType;
                if (subplan->subLinkType == ARRAY_SUBLINK)
                    return type_is_array(subplan->firstColType) ? subplan->firstColType :
                        get_array_type(subplan->firstColType);
                return BOOLOID;
            }
        case T_RelabelType:
            return ((const RelabelType *) expr)->resulttype;
        case T_CoerceViaIO:
            return ((const CoerceViaIO *) expr)->resulttype;
        case T_ArrayCoerceExpr:
            return ((const ArrayCoerceExpr *) expr)->resulttype;
        case T_CaseExpr:
            return ((const CaseExpr *) expr)->casetype;
        case T_CaseWhen:
            return exprType((Node *) ((const CaseWhen *) expr)->result);
        case T_CaseTestExpr:
            return ((const CaseTestExpr *) expr)->typeId;
        case T_ArrayExpr:
            return ((const ArrayExpr *) expr)->array_typeid;
        case T_SubscriptingRef:
            return ((const SubscriptingRef *) expr)->refrestype;
        case T_RowExpr:
            return ((const RowExpr *) expr)->row_typeid;
        case T_FieldSelect:
            return ((const FieldSelect *) expr)->resulttype;
        case T_CoalesceExpr:
            return ((const CoalesceExpr *) expr)->coalescetype;
        case T_MinMaxExpr:
            return ((const MinMaxExpr *) expr)->minmaxtype;
        case T_SQLValueFunction:
            return ((const SQLValueFunction *) expr)->type;
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->typeId;
        case T_TargetEntry:
            return exprType((Node *) ((const TargetEntry *) expr)->expr);
        default:
            elog(ERROR, "exprType: unrecognized node type: %d", (int) nodeTag(expr));
    }
    return InvalidOid;
}

/*
 * exprTypmod
 *    The type modifier of an expression's result, or -1 if unknown: what
 *    RowDescription reports as the column's atttypmod.
 */
int32
exprTypmod(const Node *expr)
{
    if (expr == NULL)
        return -1;

    switch (nodeTag(expr))
    {
        case T_Var:
            return ((const Var *) expr)->vartypmod;
        case T_Const:
            return ((const Const *) expr)->consttypmod;
        case T_Param:
            return ((const Param *) expr)->paramtypmod;
        case T_FuncExpr:
            {
                int32       coercedTypmod;

                if (exprIsLengthCoercion(expr, &coercedTypmod))
                    return coercedTypmod;
                return -1;
            }
        case T_NullIfExpr:
            return exprTypmod((Node *) linitial(((const NullIfExpr *) expr)->args));
        case T_SubLink:
            {
                const SubLink *sublink = (const SubLink *) expr;

                if (sublink->subLinkType == EXPR_SUBLINK)
                {
                    const Query *qtree = (const Query *) sublink->subselect;
                    ListCell   *lc;

                    foreach(lc, qtree->targetList)
                    {
                        TargetEntry *tent = lfirst(lc);

                        if (!tent->resjunk)
                            return exprTypmod((Node *) tent->expr);
                    }
                }
                return -1;
            }
        case T_SubPlan:
            {
                const SubPlan *subplan = (const SubPlan *) expr;

                if (subplan->subLinkType == EXPR_SUBLINK)
                    return subplan->firstColTypmod;
                return -1;
            }
        case T_RelabelType:
            return ((const RelabelType *) expr)->resulttypmod;
        case T_ArrayCoerceExpr:
            return ((const ArrayCoerceExpr *) expr)->resulttypmod;
        case T_SubscriptingRef:
            return ((const SubscriptingRef *) expr)->reftypmod;
        case T_FieldSelect:
            return ((const FieldSelect *) expr)->resulttypmod;
        case T_CaseExpr:
            {
                /* the common typmod of all results, else -1 */
                const CaseExpr *cexpr = (const CaseExpr *) expr;
                Oid         casetype = cexpr->casetype;
                int32       typmod;
                ListCell   *lc;

                if (!cexpr->defresult)
                    return -1;
                if (exprType((Node *) cexpr->defresult) != casetype)
                    return -1;
                typmod = exprTypmod((Node *) cexpr->defresult);
                if (typmod < 0)
                    return -1;
                foreach(lc, cexpr->args)
                {
                    CaseWhen   *w = lfirst(lc);

                    if (exprType((Node *) w->result) != casetype)
                        return -1;
                    if (exprTypmod((Node *) w->result) != typmod)
                        return -1;
                }
                return typmod;
            }
        case T_CaseTestExpr:
            return ((const CaseTestExpr *) expr)->typeMod;
        case T_CoalesceExpr:
        case T_MinMaxExpr:
            {
                const List *args;
                Oid         type;
                int32       typmod;
                ListCell   *lc;

                if (IsA(expr, CoalesceExpr))
                {
                    args = ((const CoalesceExpr *) expr)->args;
                    type = ((const CoalesceExpr *) expr)->coalescetype;
                }
                else
                {
                    args = ((const MinMaxExpr *) expr)->args;
                    type = ((const MinMaxExpr *) expr)->minmaxtype;
                }
                if (exprType(linitial(args)) != type)
                    return -1;
                typmod = exprTypmod(linitial(args));
                if (typmod < 0)
                    return -1;
                foreach(lc, args)
                {
                    if (exprType(lfirst(lc)) != type || exprTypmod(lfirst(lc)) != typmod)
                        return -1;
                }
                return typmod;
            }
        case T_SQLValueFunction:
            return ((const SQLValueFunction *) expr)->typmod;
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->typeMod;
        case T_TargetEntry:
            return exprTypmod((Node *) ((const TargetEntry *) expr)->expr);
        default:
            break;
    }
    return -1;
}

/*
 * exprIsLengthCoercion
 *    True if expr is a call of a length-coercion function (as made by
 *    coerce_type_typmod): an explicit or implicit cast FuncExpr with 2 or 3
 *    arguments whose second is a non-null int4 Const.
 */
bool
exprIsLengthCoercion(const Node *expr, int32 *coercedTypmod)
{
    const FuncExpr *func;
    const Const *second;

    if (coercedTypmod)
        *coercedTypmod = -1;
    if (expr == NULL || !IsA(expr, FuncExpr))
        return false;
    func = (const FuncExpr *) expr;
    if (func->funcformat != COERCE_EXPLICIT_CAST && func->funcformat != COERCE_IMPLICIT_CAST)
        return false;
    if (list_length(func->args) < 2 || list_length(func->args) > 3)
        return false;
    second = lsecond(func->args);
    if (!IsA(second, Const) || second->consttype != INT4OID || second->constisnull)
        return false;
    if (coercedTypmod)
        *coercedTypmod = DatumGetInt32(second->constvalue);
    return true;
}

/* The collation of an expression's result (InvalidOid if not collatable). */
Oid
exprCollation(const Node *expr)
{
    if (expr == NULL)
        return InvalidOid;

    switch (nodeTag(expr))
    {
        case T_Var:
            return ((const Var *) expr)->varcollid;
        case T_Const:
            return ((const Const *) expr)->constcollid;
        case T_Param:
            return ((const Param *) expr)->paramcollid;
        case T_Aggref:
            return ((const Aggref *) expr)->aggcollid;
        case T_WindowFunc:
            return ((const WindowFunc *) expr)->wincollid;
        case T_FuncExpr:
            return ((const FuncExpr *) expr)->funccollid;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            return ((const OpExpr *) expr)->opcollid;
        case T_RelabelType:
            return ((const RelabelType *) expr)->resultcollid;
        case T_CoerceViaIO:
            return ((const CoerceViaIO *) expr)->resultcollid;
        case T_ArrayCoerceExpr:
            return ((const ArrayCoerceExpr *) expr)->resultcollid;
        case T_CaseExpr:
            return ((const CaseExpr *) expr)->casecollid;
        case T_CaseTestExpr:
            return ((const CaseTestExpr *) expr)->collation;
        case T_ArrayExpr:
            return ((const ArrayExpr *) expr)->array_collid;
        case T_SubscriptingRef:
            return ((const SubscriptingRef *) expr)->refcollid;
        case T_FieldSelect:
            return ((const FieldSelect *) expr)->resultcollid;
        case T_CoalesceExpr:
            return ((const CoalesceExpr *) expr)->coalescecollid;
        case T_MinMaxExpr:
            return ((const MinMaxExpr *) expr)->minmaxcollid;
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->collation;
        case T_SubLink:
            {
                const SubLink *sublink = (const SubLink *) expr;

                if (sublink->subLinkType == EXPR_SUBLINK || sublink->subLinkType == ARRAY_SUBLINK)
                {
                    const Query *qtree = (const Query *) sublink->subselect;
                    ListCell   *lc;

                    foreach(lc, qtree->targetList)
                    {
                        TargetEntry *tent = lfirst(lc);

                        if (!tent->resjunk)
                            return exprCollation((Node *) tent->expr);
                    }
                }
                return InvalidOid;
            }
        case T_SubPlan:
            return ((const SubPlan *) expr)->firstColCollation;
        case T_TargetEntry:
            return exprCollation((Node *) ((const TargetEntry *) expr)->expr);
        case T_SQLValueFunction:
            {
                /* current_user etc. are of type name, collation C */
                Oid         t = ((const SQLValueFunction *) expr)->type;

                return t == NAMEOID ? C_COLLATION_OID : InvalidOid;
            }
        default:
            return InvalidOid;
    }
}

/*
 * exprLocation
 *    The 0-based query-text offset the node came from, or -1.  For a node
 *    with no location of its own, the leftmost of its children's, as
 *    PostgreSQL does, so an error about "a + b" points at a.
 */
static int
leftmostLoc(int loc1, int loc2)
{
    if (loc1 < 0)
        return loc2;
    if (loc2 < 0)
        return loc1;
    return Min(loc1, loc2);
}

static int
list_location(const List *l)
{
    ListCell   *lc;

    foreach(lc, l)
    {
        int         loc = exprLocation(lfirst(lc));

        if (loc >= 0)
            return loc;
    }
    return -1;
}

int
exprLocation(const Node *expr)
{
    if (expr == NULL)
        return -1;

    switch (nodeTag(expr))
    {
        case T_List:
            return list_location((const List *) expr);
        case T_RangeVar:
            return ((const RangeVar *) expr)->location;
        case T_Var:
            return ((const Var *) expr)->location;
        case T_Const:
            return ((const Const *) expr)->location;
        case T_Param:
            return ((const Param *) expr)->location;
        case T_Aggref:
            return ((const Aggref *) expr)->location;
        case T_GroupingFunc:
            return ((const GroupingFunc *) expr)->location;
        case T_WindowFunc:
            return ((const WindowFunc *) expr)->location;
        case T_FuncExpr:
            {
                const FuncExpr *f = (const FuncExpr *) expr;

                return leftmostLoc(f->location, list_location(f->args));
            }
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                const OpExpr *op = (const OpExpr *) expr;

                return leftmostLoc(op->location, list_location(op->args));
            }
        case T_ScalarArrayOpExpr:
            {
                const ScalarArrayOpExpr *op = (const ScalarArrayOpExpr *) expr;

                return leftmostLoc(op->location, list_location(op->args));
            }
        case T_BoolExpr:
            {
                const BoolExpr *b = (const BoolExpr *) expr;

                return leftmostLoc(b->location, list_location(b->args));
            }
        case T_SubLink:
            {
                const SubLink *s = (const SubLink *) expr;

                return leftmostLoc(exprLocation(s->testexpr), s->location);
            }
        case T_RelabelType:
            {
                const RelabelType *r = (const RelabelType *) expr;

                return leftmostLoc(r->location, exprLocation((Node *) r->arg));
            }
        case T_CoerceViaIO:
            {
                const CoerceViaIO *c = (const CoerceViaIO *) expr;

                return leftmostLoc(c->location, exprLocation((Node *) c->arg));
            }
        case T_ArrayCoerceExpr:
            {
                const ArrayCoerceExpr *c = (const ArrayCoerceExpr *) expr;

                return leftmostLoc(c->location, exprLocation((Node *) c->arg));
            }
        case T_CaseExpr:
            return ((const CaseExpr *) expr)->location;
        case T_CaseWhen:
            return ((const CaseWhen *) expr)->location;
        case T_ArrayExpr:
            return ((const ArrayExpr *) expr)->location;
        case T_SubscriptingRef:
            return exprLocation((Node *) ((const SubscriptingRef *) expr)->refexpr);
        case T_RowExpr:
            return ((const RowExpr *) expr)->location;
        case T_FieldSelect:
            return exprLocation((Node *) ((const FieldSelect *) expr)->arg);
        case T_CoalesceExpr:
            return ((const CoalesceExpr *) expr)->location;
        case T_MinMaxExpr:
            return ((const MinMaxExpr *) expr)->location;
        case T_SQLValueFunction:
            return ((const SQLValueFunction *) expr)->location;
        case T_NullTest:
            {
                const NullTest *n = (const NullTest *) expr;

                return leftmostLoc(n->location, exprLocation((Node *) n->arg));
            }
        case T_BooleanTest:
            {
                const BooleanTest *n = (const BooleanTest *) expr;

                return leftmostLoc(n->location, exprLocation((Node *) n->arg));
            }
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->location;
        case T_TargetEntry:
            return exprLocation((Node *) ((const TargetEntry *) expr)->expr);
        default:
            return -1;
    }
}

/* ================================================================ misc */

Node *
strip_implicit_coercions(Node *node)
{
    if (node == NULL)
        return NULL;
    if (IsA(node, FuncExpr))
    {
        FuncExpr   *f = (FuncExpr *) node;

        if (f->funcformat == COERCE_IMPLICIT_CAST)
            return strip_implicit_coercions(linitial(f->args));
    }
    else if (IsA(node, RelabelType))
    {
        RelabelType *r = (RelabelType *) node;

        if (r->relabelformat == COERCE_IMPLICIT_CAST)
            return strip_implicit_coercions((Node *) r->arg);
    }
    else if (IsA(node, CoerceViaIO))
    {
        CoerceViaIO *c = (CoerceViaIO *) node;

        if (c->coerceformat == COERCE_IMPLICIT_CAST)
            return strip_implicit_coercions((Node *) c->arg);
    }
    return node;
}

static bool
expression_returns_set_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, FuncExpr) && ((FuncExpr *) node)->funcretset)
        return true;
    if (IsA(node, OpExpr) && ((OpExpr *) node)->opretset)
        return true;
    /* these never return a set, nor do their arguments count */
    if (IsA(node, Aggref) || IsA(node, WindowFunc))
        return false;
    return expression_tree_walker(node, expression_returns_set_walker, context);
}

bool
expression_returns_set(Node *clause)
{
    return expression_returns_set_walker(clause, NULL);
}

typedef struct
{
    int         levelsup;
} contain_aggs_context;

static bool
contain_aggs_walker(Node *node, void *context)
{
    contain_aggs_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Aggref))
        return ((Aggref *) node)->agglevelsup == ctx->levelsup;
    if (IsA(node, GroupingFunc))
        return ((GroupingFunc *) node)->agglevelsup == ctx->levelsup;
    if (IsA(node, Query))
    {
        bool        result;

        ctx->levelsup++;
        result = query_tree_walker((Query *) node, contain_aggs_walker, context, 0);
        ctx->levelsup--;
        return result;
    }
    return expression_tree_walker(node, contain_aggs_walker, context);
}

bool
contain_aggs_of_level(Node *node, int levelsup)
{
    contain_aggs_context ctx = {levelsup};

    return query_or_expression_tree_walker(node, contain_aggs_walker, &ctx, 0);
}

/* ================================================================ walker */

#define WALK(n) do { if (walker((Node *) (n), context)) return true; } while (0)

static bool
walk_list(List *l, tree_walker_callback walker, void *context)
{
    ListCell   *lc;

    foreach(lc, l)
        WALK(lfirst(lc));
    return false;
}

/*
 * expression_tree_walker
 *    Call walker on each immediate child of node (see nodefuncs.h for the
 *    protocol).  A List's elements are its children; for a SubLink the
 *    children are testexpr and the subselect (Query) node itself, which
 *    the walker must descend into with query_tree_walker if it wants to.
 */
bool
expression_tree_walker(Node *node, tree_walker_callback walker, void *context)
{
    if (node == NULL)
        return false;

    switch (nodeTag(node))
    {
        case T_Var:
        case T_Const:
        case T_Param:
        case T_CaseTestExpr:
        case T_SQLValueFunction:
        case T_SetToDefault:
        case T_RangeTblRef:
        case T_SortGroupClause:
            break;
        case T_List:
            return walk_list((List *) node, walker, context);
        case T_IntList:
        case T_OidList:
            break;
        case T_Aggref:
            {
                Aggref     *a = (Aggref *) node;

                /* aggargtypes is an OID list: not walked */
                WALK(a->args);
                WALK(a->aggorder);
                WALK(a->aggdistinct);
                WALK(a->aggfilter);
            }
            break;
        case T_GroupingFunc:
            WALK(((GroupingFunc *) node)->args);
            break;
        case T_WindowFunc:
            WALK(((WindowFunc *) node)->args);
            WALK(((WindowFunc *) node)->aggfilter);
            break;
        case T_FuncExpr:
            WALK(((FuncExpr *) node)->args);
            break;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            WALK(((OpExpr *) node)->args);
            break;
        case T_ScalarArrayOpExpr:
            WALK(((ScalarArrayOpExpr *) node)->args);
            break;
        case T_BoolExpr:
            WALK(((BoolExpr *) node)->args);
            break;
        case T_SubLink:
            WALK(((SubLink *) node)->testexpr);
            WALK(((SubLink *) node)->subselect);
            break;
        case T_SubPlan:
            WALK(((SubPlan *) node)->testexpr);
            WALK(((SubPlan *) node)->args);
            break;
        case T_RelabelType:
            WALK(((RelabelType *) node)->arg);
            break;
        case T_CoerceViaIO:
            WALK(((CoerceViaIO *) node)->arg);
            break;
        case T_ArrayCoerceExpr:
            WALK(((ArrayCoerceExpr *) node)->arg);
            WALK(((ArrayCoerceExpr *) node)->elemexpr);
            break;
        case T_CaseExpr:
            WALK(((CaseExpr *) node)->arg);
            WALK(((CaseExpr *) node)->args);
            WALK(((CaseExpr *) node)->defresult);
            break;
        case T_CaseWhen:
            WALK(((CaseWhen *) node)->expr);
            WALK(((CaseWhen *) node)->result);
            break;
        case T_ArrayExpr:
            WALK(((ArrayExpr *) node)->elements);
            break;
        case T_SubscriptingRef:
            WALK(((SubscriptingRef *) node)->refupperindexpr);
            WALK(((SubscriptingRef *) node)->reflowerindexpr);
            WALK(((SubscriptingRef *) node)->refexpr);
            WALK(((SubscriptingRef *) node)->refassgnexpr);
            break;
        case T_RowExpr:
            WALK(((RowExpr *) node)->args);
            break;
        case T_FieldSelect:
            WALK(((FieldSelect *) node)->arg);
            break;
        case T_CoalesceExpr:
            WALK(((CoalesceExpr *) node)->args);
            break;
        case T_MinMaxExpr:
            WALK(((MinMaxExpr *) node)->args);
            break;
        case T_NullTest:
            WALK(((NullTest *) node)->arg);
            break;
        case T_BooleanTest:
            WALK(((BooleanTest *) node)->arg);
            break;
        case T_TargetEntry:
            WALK(((TargetEntry *) node)->expr);
            break;
        case T_Query:
            /* the walker decides whether to recurse into subqueries */
            break;
        case T_JoinExpr:
            WALK(((JoinExpr *) node)->larg);
            WALK(((JoinExpr *) node)->rarg);
            WALK(((JoinExpr *) node)->quals);
            break;
        case T_FromExpr:
            WALK(((FromExpr *) node)->fromlist);
            WALK(((FromExpr *) node)->quals);
            break;
        case T_SetOperationStmt:
            WALK(((SetOperationStmt *) node)->larg);
            WALK(((SetOperationStmt *) node)->rarg);
            break;
        default:
            elog(ERROR, "expression_tree_walker: unrecognized node type: %d",
                 (int) nodeTag(node));
    }
    return false;
}

/*
 * query_tree_walker
 *    Call walker on every expression of a Query (not on the Query itself):
 *    targetlist, jointree, clauses, and, unless flags say otherwise, the
 *    range table's expressions and subqueries.
 */
bool
query_tree_walker(Query *query, tree_walker_callback walker, void *context, int flags)
{
    WALK(query->targetList);
    WALK(query->returningList);
    WALK(query->withCheckOptions);
    WALK(query->onConflictSet);
    WALK(query->onConflictWhere);
    WALK(query->jointree);
    WALK(query->setOperations);
    WALK(query->havingQual);
    WALK(query->limitOffset);
    WALK(query->limitCount);
    if (!(flags & QTW_IGNORE_RANGE_TABLE))
    {
        ListCell   *lc;

        foreach(lc, query->cteList)
            WALK(((CommonTableExpr *) lfirst(lc))->ctequery);
        if (range_table_walker(query->rtable, walker, context, flags))
            return true;
    }
    return false;
}

bool
range_table_walker(List *rtable, tree_walker_callback walker, void *context, int flags)
{
    ListCell   *lc;

    foreach(lc, rtable)
    {
        RangeTblEntry *rte = lfirst(lc);

        switch (rte->rtekind)
        {
            case RTE_RELATION:
            case RTE_CTE:
            case RTE_RESULT:
                break;
            case RTE_SUBQUERY:
                if (!(flags & QTW_IGNORE_RT_SUBQUERIES))
                    WALK(rte->subquery);
                break;
            case RTE_JOIN:
                if (!(flags & QTW_IGNORE_JOINALIASES))
                    WALK(rte->joinaliasvars);
                break;
            case RTE_FUNCTION:
                WALK(rte->functions);
                break;
            case RTE_VALUES:
                WALK(rte->values_lists);
                break;
        }
    }
    return false;
}

bool
query_or_expression_tree_walker(Node *node, tree_walker_callback walker, void *context,
                                int flags)
{
    if (node && IsA(node, Query))
        return query_tree_walker((Query *) node, walker, context, flags);
    return walker(node, context);
}

/* ================================================================ mutator */

#define MUTATE(newfield, oldfield, fieldtype) \
    ((newfield) = (fieldtype) mutator((Node *) (oldfield), context))
#define FLATCOPY(newnode, node, nodetype) \
    ((newnode) = (nodetype *) palloc(sizeof(nodetype)), \
     memcpy((newnode), (node), sizeof(nodetype)))

/*
 * expression_tree_mutator
 *    A copy of node whose children are mutator(child).  Leaf nodes are
 *    copied with copyObject.  A SubLink's subselect Query is passed to the
 *    mutator like any child (it must handle Query nodes itself, usually
 *    with query_tree_mutator), as in PostgreSQL.
 */
Node *
expression_tree_mutator(Node *node, tree_mutator_callback mutator, void *context)
{
    if (node == NULL)
        return NULL;

    switch (nodeTag(node))
    {
        case T_Var:
        case T_Const:
        case T_Param:
        case T_CaseTestExpr:
        case T_SQLValueFunction:
        case T_SetToDefault:
        case T_RangeTblRef:
        case T_SortGroupClause:
        case T_IntList:
        case T_OidList:
            return copyObjectImpl(node);
        case T_List:
            {
                List       *result = NIL;
                ListCell   *lc;

                foreach(lc, (List *) node)
                    result = lappend(result, mutator((Node *) lfirst(lc), context));
                return (Node *) result;
            }
        case T_Aggref:
            {
                Aggref     *a = (Aggref *) node,
                           *n;

                FLATCOPY(n, a, Aggref);
                n->aggargtypes = list_copy(a->aggargtypes);
                MUTATE(n->args, a->args, List *);
                MUTATE(n->aggorder, a->aggorder, List *);
                MUTATE(n->aggdistinct, a->aggdistinct, List *);
                MUTATE(n->aggfilter, a->aggfilter, Expr *);
                return (Node *) n;
            }
        case T_GroupingFunc:
            {
                GroupingFunc *g = (GroupingFunc *) node,
                           *n;

                /* as PostgreSQL: args are mutated, refs/cols kept as they are */
                FLATCOPY(n, g, GroupingFunc);
                MUTATE(n->args, g->args, List *);
                n->refs = list_copy(g->refs);
                n->cols = list_copy(g->cols);
                return (Node *) n;
            }
        case T_WindowFunc:
            {
                WindowFunc *w = (WindowFunc *) node,
                           *n;

                FLATCOPY(n, w, WindowFunc);
                MUTATE(n->args, w->args, List *);
                MUTATE(n->aggfilter, w->aggfilter, Expr *);
                return (Node *) n;
            }
        case T_FuncExpr:
            {
                FuncExpr   *f = (FuncExpr *) node,
                           *n;

                FLATCOPY(n, f, FuncExpr);
                MUTATE(n->args, f->args, List *);
                return (Node *) n;
            }
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                OpExpr     *o = (OpExpr *) node,
                           *n;

                FLATCOPY(n, o, OpExpr);
                MUTATE(n->args, o->args, List *);
                return (Node *) n;
            }
        case T_ScalarArrayOpExpr:
            {
                ScalarArrayOpExpr *o = (ScalarArrayOpExpr *) node,
                           *n;

                FLATCOPY(n, o, ScalarArrayOpExpr);
                MUTATE(n->args, o->args, List *);
                return (Node *) n;
            }
        case T_BoolExpr:
            {
                BoolExpr   *b = (BoolExpr *) node,
                           *n;

                FLATCOPY(n, b, BoolExpr);
                MUTATE(n->args, b->args, List *);
                return (Node *) n;
            }
        case T_SubLink:
            {
                SubLink    *s = (SubLink *) node,
                           *n;

                FLATCOPY(n, s, SubLink);
                MUTATE(n->testexpr, s->testexpr, Node *);
                MUTATE(n->subselect, s->subselect, Node *);
                n->operName = copy_string_list(s->operName);
                return (Node *) n;
            }
        case T_SubPlan:
            {
                SubPlan    *s = (SubPlan *) node,
                           *n;

                FLATCOPY(n, s, SubPlan);
                MUTATE(n->testexpr, s->testexpr, Node *);
                MUTATE(n->args, s->args, List *);
                n->paramIds = list_copy(s->paramIds);
                n->setParam = list_copy(s->setParam);
                n->parParam = list_copy(s->parParam);
                return (Node *) n;
            }
        case T_RelabelType:
            {
                RelabelType *r = (RelabelType *) node,
                           *n;

                FLATCOPY(n, r, RelabelType);
                MUTATE(n->arg, r->arg, Expr *);
                return (Node *) n;
            }
        case T_CoerceViaIO:
            {
                CoerceViaIO *c = (CoerceViaIO *) node,
                           *n;

                FLATCOPY(n, c, CoerceViaIO);
                MUTATE(n->arg, c->arg, Expr *);
                return (Node *) n;
            }
        case T_ArrayCoerceExpr:
            {
                ArrayCoerceExpr *c = (ArrayCoerceExpr *) node,
                           *n;

                FLATCOPY(n, c, ArrayCoerceExpr);
                MUTATE(n->arg, c->arg, Expr *);
                MUTATE(n->elemexpr, c->elemexpr, Expr *);
                return (Node *) n;
            }
        case T_CaseExpr:
            {
                CaseExpr   *c = (CaseExpr *) node,
                           *n;

                FLATCOPY(n, c, CaseExpr);
                MUTATE(n->arg, c->arg, Expr *);
                MUTATE(n->args, c->args, List *);
                MUTATE(n->defresult, c->defresult, Expr *);
                return (Node *) n;
            }
        case T_CaseWhen:
            {
                CaseWhen   *c = (CaseWhen *) node,
                           *n;

                FLATCOPY(n, c, CaseWhen);
                MUTATE(n->expr, c->expr, Expr *);
                MUTATE(n->result, c->result, Expr *);
                return (Node *) n;
            }
        case T_ArrayExpr:
            {
                ArrayExpr  *a = (ArrayExpr *) node,
                           *n;

                FLATCOPY(n, a, ArrayExpr);
                MUTATE(n->elements, a->elements, List *);
                return (Node *) n;
            }
        case T_SubscriptingRef:
            {
                SubscriptingRef *s = (SubscriptingRef *) node,
                           *n;

                FLATCOPY(n, s, SubscriptingRef);
                MUTATE(n->refupperindexpr, s->refupperindexpr, List *);
                MUTATE(n->reflowerindexpr, s->reflowerindexpr, List *);
                MUTATE(n->refexpr, s->refexpr, Expr *);
                MUTATE(n->refassgnexpr, s->refassgnexpr, Expr *);
                return (Node *) n;
            }
        case T_FieldSelect:
            {
                FieldSelect *f = (FieldSelect *) node,
                           *n;

                FLATCOPY(n, f, FieldSelect);
                MUTATE(n->arg, f->arg, Expr *);
                return (Node *) n;
            }
        case T_RowExpr:
            {
                RowExpr    *r = (RowExpr *) node,
                           *n;

                FLATCOPY(n, r, RowExpr);
                MUTATE(n->args, r->args, List *);
                n->colnames = copy_string_list(r->colnames);
                return (Node *) n;
            }
        case T_CoalesceExpr:
            {
                CoalesceExpr *c = (CoalesceExpr *) node,
                           *n;

                FLATCOPY(n, c, CoalesceExpr);
                MUTATE(n->args, c->args, List *);
                return (Node *) n;
            }
        case T_MinMaxExpr:
            {
                MinMaxExpr *m = (MinMaxExpr *) node,
                           *n;

                FLATCOPY(n, m, MinMaxExpr);
                MUTATE(n->args, m->args, List *);
                return (Node *) n;
            }
        case T_NullTest:
            {
                NullTest   *t = (NullTest *) node,
                           *n;

                FLATCOPY(n, t, NullTest);
                MUTATE(n->arg, t->arg, Expr *);
                return (Node *) n;
            }
        case T_BooleanTest:
            {
                BooleanTest *t = (BooleanTest *) node,
                           *n;

                FLATCOPY(n, t, BooleanTest);
                MUTATE(n->arg, t->arg, Expr *);
                return (Node *) n;
            }
        case T_TargetEntry:
            {
                TargetEntry *t = (TargetEntry *) node,
                           *n;

                FLATCOPY(n, t, TargetEntry);
                MUTATE(n->expr, t->expr, Expr *);
                return (Node *) n;
            }
        case T_Query:
            /* as PostgreSQL: the mutator handles subqueries itself */
            return node;
        case T_JoinExpr:
            {
                JoinExpr   *j = (JoinExpr *) node,
                           *n;

                FLATCOPY(n, j, JoinExpr);
                MUTATE(n->larg, j->larg, Node *);
                MUTATE(n->rarg, j->rarg, Node *);
                MUTATE(n->quals, j->quals, Node *);
                n->usingClause = copy_string_list(j->usingClause);
                n->alias = copyObject(j->alias);
                return (Node *) n;
            }
        case T_FromExpr:
            {
                FromExpr   *f = (FromExpr *) node,
                           *n;

                FLATCOPY(n, f, FromExpr);
                MUTATE(n->fromlist, f->fromlist, List *);
                MUTATE(n->quals, f->quals, Node *);
                return (Node *) n;
            }
        case T_SetOperationStmt:
            {
                SetOperationStmt *s = (SetOperationStmt *) node,
                           *n;

                FLATCOPY(n, s, SetOperationStmt);
                MUTATE(n->larg, s->larg, Node *);
                MUTATE(n->rarg, s->rarg, Node *);
                return (Node *) n;
            }
        default:
            elog(ERROR, "expression_tree_mutator: unrecognized node type: %d",
                 (int) nodeTag(node));
    }
    return NULL;
}

/*
 * query_tree_mutator
 *    A copy of the Query (unless QTW_DONT_COPY_QUERY) with each of its
 *    expressions replaced by mutator(expr); range table subqueries and
 *    expressions too unless flags exclude them.
 */
Query *
query_tree_mutator(Query *query, tree_mutator_callback mutator, void *context, int flags)
{
    if (!(flags & QTW_DONT_COPY_QUERY))
    {
        Query      *newquery;

        FLATCOPY(newquery, query, Query);
        query = newquery;
    }
    MUTATE(query->targetList, query->targetList, List *);
    MUTATE(query->returningList, query->returningList, List *);
    MUTATE(query->withCheckOptions, query->withCheckOptions, List *);
    MUTATE(query->onConflictSet, query->onConflictSet, List *);
    MUTATE(query->onConflictWhere, query->onConflictWhere, Node *);
    MUTATE(query->jointree, query->jointree, FromExpr *);
    MUTATE(query->setOperations, query->setOperations, Node *);
    MUTATE(query->havingQual, query->havingQual, Node *);
    MUTATE(query->limitOffset, query->limitOffset, Node *);
    MUTATE(query->limitCount, query->limitCount, Node *);
    if (!(flags & QTW_IGNORE_RANGE_TABLE))
    {
        List       *newrt = NIL;
        ListCell   *lc;

        foreach(lc, query->rtable)
        {
            RangeTblEntry *rte = lfirst(lc),
                       *newrte;

            FLATCOPY(newrte, rte, RangeTblEntry);
            switch (rte->rtekind)
            {
                case RTE_SUBQUERY:
                    if (!(flags & QTW_IGNORE_RT_SUBQUERIES))
                        newrte->subquery = (Query *) mutator((Node *) rte->subquery, context);
                    else
                        newrte->subquery = copyObject(rte->subquery);
                    break;
                case RTE_JOIN:
                    if (!(flags & QTW_IGNORE_JOINALIASES))
                        MUTATE(newrte->joinaliasvars, rte->joinaliasvars, List *);
                    else
                        newrte->joinaliasvars = copyObject(rte->joinaliasvars);
                    break;
                case RTE_FUNCTION:
                    MUTATE(newrte->functions, rte->functions, List *);
                    break;
                case RTE_VALUES:
                    MUTATE(newrte->values_lists, rte->values_lists, List *);
                    break;
                default:
                    break;
            }
            newrt = lappend(newrt, newrte);
        }
        query->rtable = newrt;
    }
    return query;
}

/* ---------------------------------------------------------------- raw trees */

bool
raw_tree_children(ProtobufCMessage *msg, bool (*visit) (ProtobufCMessage *child, void *arg),
                  void *arg)
{
    const ProtobufCMessageDescriptor *d = msg->descriptor;
    bool        result = false;

    for (unsigned i = 0; i < d->n_fields; i++)
    {
        const ProtobufCFieldDescriptor *f = &d->fields[i];

        if (f->type != PROTOBUF_C_TYPE_MESSAGE)
            continue;
        /* only the member of a oneof that is set */
        if ((f->flags & PROTOBUF_C_FIELD_FLAG_ONEOF) &&
            *(const uint32_t *) ((const char *) msg + f->quantifier_offset) != f->id)
            continue;
        if (f->label == PROTOBUF_C_LABEL_REPEATED)
        {
            size_t      n = *(const size_t *) ((const char *) msg + f->quantifier_offset);
            ProtobufCMessage **arr = *(ProtobufCMessage ***) ((char *) msg + f->offset);

            for (size_t k = 0; k < n; k++)
                if (arr[k] != NULL)
                    result |= visit(arr[k], arg);
        }
        else
        {
            ProtobufCMessage *sub = *(ProtobufCMessage **) ((char *) msg + f->offset);

            if (sub != NULL)
                result |= visit(sub, arg);
        }
    }
    return result;
}
