/*-------------------------------------------------------------------------
 * parse_expr.c
 *    Raw expressions (libpg_query nodes) -> typed expression trees.
 *
 * Principal entry point:
 *    transformExpr(pstate, raw, exprKind)
 *
 * One function per raw node type, as in PostgreSQL's parse_expr.c:
 * column references (parse_relation.c does the lookup), constants and
 * parameters (parse_node.c), operators (parse_oper.c) including IN,
 * BETWEEN, IS [NOT] DISTINCT FROM, NULLIF, LIKE (an operator), ANY/ALL;
 * AND/OR/NOT, IS [NOT] NULL, IS [NOT] TRUE/FALSE/UNKNOWN; casts
 * (parse_coerce.c), function calls (parse_func.c), CASE, COALESCE,
 * GREATEST/LEAST, ARRAY[...], sub-selects (EXISTS, IN, ANY/ALL, scalar),
 * CURRENT_DATE and friends.
 *
 * IN lists.  "x IN (a, b)" becomes x = a OR x = b (NOT IN: x <> a AND
 * x <> b).  PostgreSQL builds x = ANY (ARRAY[a, b]) for constant lists;
 * the OR form gives the same answers (including NULL semantics) and needs
 * no array support in the executor.  IN_LIST_AS_SCALAR_ARRAY_OP switches
 * to PostgreSQL's form once arrays are evaluated.
 *
 * Rows: ROW(...) (with "t.*" expanded inside), row comparisons, including
 * with a sub-SELECT (ROWCOMPARE_SUBLINK), whole-row references "t" / "t.*"
 * and field selection (expr).f (both parse_relation.c), UPDATE's
 * SET (a, b) = ROW(...) / (SELECT ...) (transformMultiAssignRef).
 *
 * Not supported yet (0A000): field assignment, GROUPING(); COLLATE knows
 * only "default", "C" and "POSIX".
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "planner/parse_node.h"
#include "procs/subscripting.h"

#define IN_LIST_AS_SCALAR_ARRAY_OP 0

/* A generous bound on nesting: each level costs well under 1 kB of stack. */
#define MAX_EXPR_DEPTH 2000

static int  expr_depth = 0;

static Node *transformExprRecurseInternal(ParseState *pstate, PgNode *expr);
static Node *transformArrayExprTyped(ParseState *pstate, PgQuery__AArrayExpr *a,
                                     Oid array_type, Oid element_type, int32 typmod);

char *
NameListToString(PgNode **names, size_t n)
{
    StringInfoData buf;

    initStringInfo(&buf);
    for (size_t i = 0; i < n; i++)
    {
        if (i > 0)
            appendStringInfoChar(&buf, '.');
        if (pgIsString(names[i]))
            appendStringInfoString(&buf, pgStrVal(names[i]));
        else if (names[i]->node_case == PG_QUERY__NODE__NODE_A_STAR)
            appendStringInfoChar(&buf, '*');
    }
    return buf.data;
}

Node *
transformExpr(ParseState *pstate, PgNode *expr, ParseExprKind exprKind)
{
    ParseExprKind sv = pstate->p_expr_kind;
    Node       *result;

    pstate->p_expr_kind = exprKind;
    result = transformExprRecurse(pstate, expr);
    pstate->p_expr_kind = sv;
    return result;
}

Node *
transformExprRecurse(ParseState *pstate, PgNode *expr)
{
    Node       *result;

    if (expr == NULL)
        return NULL;
    /*
     * The depth counter is reset by every top-level analysis (an ERROR
     * unwinding past here leaves it high; see parse_analyze_*).
     */
    if (++expr_depth > MAX_EXPR_DEPTH)
    {
        expr_depth = 0;
        ereport(ERROR,
                errcode(ERRCODE_STATEMENT_TOO_COMPLEX),
                errmsg("stack depth limit exceeded"),
                errhint("Increase the configuration parameter \"max_stack_depth\" (currently 2048kB), "
                        "after ensuring the platform's stack depth limit is adequate."));
    }
    result = transformExprRecurseInternal(pstate, expr);
    expr_depth--;
    return result;
}

void
parser_reset_expr_depth(void)
{
    expr_depth = 0;
}

/* ---------------------------------------------------------------- column refs */

static Node *
transformColumnRef(ParseState *pstate, PgQuery__ColumnRef *cref)
{
    Node       *node = NULL;
    const char *nspname = NULL;
    const char *relname = NULL;
    const char *colname = NULL;
    ParseNamespaceItem *nsitem;
    int         levels_up;
    size_t      nfields = cref->n_fields;
    PgNode     *last = cref->fields[nfields - 1];
    enum
    {
        CRERR_NO_COLUMN, CRERR_NO_RTE, CRERR_TOO_MANY
    }           crerr = CRERR_NO_COLUMN;

    if (pstate->p_expr_kind == EXPR_KIND_COLUMN_DEFAULT)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot use column reference in DEFAULT expression"),
                parser_errposition(pstate, cref->location));

    if (last->node_case == PG_QUERY__NODE__NODE_A_STAR && nfields >= 2 && nfields <= 4)
    {
        /* "t.*" used as a value: the whole row */
        nspname = nfields >= 3 ? pgStrVal(cref->fields[nfields - 3]) : NULL;
        relname = pgStrVal(cref->fields[nfields - 2]);
        nsitem = refnameNamespaceItem(pstate, nspname, relname, cref->location, &levels_up);
        if (nsitem == NULL)
            errorMissingRTE(pstate, nspname, relname, cref->location);
        return transformWholeRowRef(pstate, nsitem, levels_up, cref->location);
    }
    if (last->node_case == PG_QUERY__NODE__NODE_A_STAR)
    {
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("whole-row references (%s) are not supported",
                       NameListToString(cref->fields, nfields)),
                parser_errposition(pstate, cref->location));
    }

    switch (nfields)
    {
        case 1:
            colname = pgStrVal(cref->fields[0]);
            node = colNameToVar(pstate, colname, false, cref->location);
            if (node == NULL &&
                (nsitem = refnameNamespaceItem(pstate, NULL, colname, cref->location,
                                               &levels_up)) != NULL)
                node = transformWholeRowRef(pstate, nsitem, levels_up, cref->location);
            break;
        case 2:
        case 3:
        case 4:
            if (nfields == 4)
                (void) 0;       /* catalog name: there is only one database */
            if (nfields >= 3)
                nspname = pgStrVal(cref->fields[nfields - 3]);
            relname = pgStrVal(cref->fields[nfields - 2]);
            colname = pgStrVal(cref->fields[nfields - 1]);
            nsitem = refnameNamespaceItem(pstate, nspname, relname, cref->location, &levels_up);
            if (nsitem == NULL)
            {
                crerr = CRERR_NO_RTE;
                break;
            }
            node = scanNSItemForColumn(pstate, nsitem, levels_up, colname, cref->location);
            break;
        default:
            crerr = CRERR_TOO_MANY;
            break;
    }

    if (node == NULL)
    {
        switch (crerr)
        {
            case CRERR_NO_COLUMN:
                errorMissingColumn(pstate, relname, colname, cref->location);
                break;
            case CRERR_NO_RTE:
                errorMissingRTE(pstate, nspname, relname, cref->location);
                break;
            case CRERR_TOO_MANY:
                ereport(ERROR,
                        errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("improper qualified name (too many dotted names): %s",
                               NameListToString(cref->fields, nfields)),
                        parser_errposition(pstate, cref->location));
                break;
        }
    }
    return node;
}

/* ---------------------------------------------------------------- row constructors */

static Node *
transformRowExpr(ParseState *pstate, PgQuery__RowExpr *r)
{
    RowExpr    *row = makeNode(RowExpr);

    /* "t.*" inside ROW() stands for t's columns, as in PostgreSQL */
    row->args = transformExpressionList(pstate, r->args, r->n_args, pstate->p_expr_kind, false);
    for (int i = 0; i < list_length(row->args); i++)
        row->colnames = lappend(row->colnames, psprintf("f%d", i + 1));
    row->row_typeid = RECORDOID;
    row->row_format = (r->row_format == PG_QUERY__COERCION_FORM__COERCE_IMPLICIT_CAST) ?
        COERCE_IMPLICIT_CAST : COERCE_EXPLICIT_CALL;
    row->location = r->location;
    return (Node *) row;
}

/*
 * PostgreSQL's make_row_comparison_op: "=" is the AND of the column
 * comparisons, "<>" their OR; <, <=, >, >= (RowCompareExpr) compare the
 * pairs in order up to the first one not equal, expressed as
 * CASE WHEN l1 = r1 THEN <rest> ELSE l1 < r1 END (NULL if that pair is).
 */
static Node *
make_row_comparison_op(ParseState *pstate, PgNode **opnames, size_t nopnames, List *largs,
                       List *rargs, int location)
{
    const char *opname = pgStrVal(opnames[nopnames - 1]);
    int         nopers = list_length(largs);
    List       *opexprs = NIL;
    ListCell   *l,
               *r;
    const char *strictop = NULL;
    Node       *result;

    if (list_length(rargs) != nopers)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("unequal number of entries in row expressions"),
                parser_errposition(pstate, location));
    if (nopers == 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot compare rows of zero length"),
                parser_errposition(pstate, location));
    forboth(l, largs, r, rargs)
    {
        OpExpr     *cmp = (OpExpr *) make_op(pstate, opnames, nopnames, lfirst(l), lfirst(r),
                                             NULL, location);

        if (cmp->opresulttype != BOOLOID)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("row comparison operator must yield type boolean, not type %s",
                           format_type_be(cmp->opresulttype)),
                    parser_errposition(pstate, location));
        if (cmp->opretset)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("row comparison operator must not return a set"),
                    parser_errposition(pstate, location));
        opexprs = lappend(opexprs, cmp);
    }
    if (nopers == 1)
        return linitial(opexprs);
    if (strcmp(opname, "=") == 0)
        return (Node *) makeBoolExpr(AND_EXPR, opexprs, location);
    if (strcmp(opname, "<>") == 0)
        return (Node *) makeBoolExpr(OR_EXPR, opexprs, location);
    if (strcmp(opname, "<") == 0 || strcmp(opname, "<=") == 0)
        strictop = "<";
    else if (strcmp(opname, ">") == 0 || strcmp(opname, ">=") == 0)
        strictop = ">";
    else
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("could not determine interpretation of row comparison operator %s",
                       opname),
                errhint("Row comparison operators must be associated with btree operator families."),
                parser_errposition(pstate, location));

    result = llast(opexprs);
    for (int i = nopers - 2; i >= 0; i--)
    {
        OpExpr     *op = list_nth(opexprs, i);
        Node       *la = linitial(op->args);
        Node       *ra = lsecond(op->args);
        CaseExpr   *c = makeNode(CaseExpr);
        CaseWhen   *w = makeNode(CaseWhen);

        w->expr = (Expr *) coerce_to_boolean(pstate,
                                             (Node *) make_op_by_name(pstate, "=", copyObject(la),
                                                                      copyObject(ra), location),
                                             "row comparison");
        w->result = (Expr *) result;
        w->location = location;
        c->casetype = BOOLOID;
        c->args = list_make1(w);
        c->defresult = (Expr *) coerce_to_boolean(pstate,
                                                  (Node *) make_op_by_name(pstate, strictop, la,
                                                                           ra, location),
                                                  "row comparison");
        c->location = location;
        result = (Node *) c;
    }
    return result;
}

/* PostgreSQL's make_row_distinct_op: the OR of the columns' IS DISTINCT FROM */
static Node *
make_row_distinct_op(ParseState *pstate, PgNode **opnames, size_t nopnames, List *largs,
                     List *rargs, int location)
{
    Node       *result = NULL;
    ListCell   *l,
               *r;

    if (list_length(rargs) != list_length(largs))
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("unequal number of entries in row expressions"),
                parser_errposition(pstate, location));
    forboth(l, largs, r, rargs)
    {
        OpExpr     *cmp = (OpExpr *) make_op(pstate, opnames, nopnames, lfirst(l), lfirst(r),
                                             NULL, location);

        if (cmp->opresulttype != BOOLOID)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("IS DISTINCT FROM requires = operator to yield boolean"),
                    parser_errposition(pstate, location));
        if (cmp->opretset)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("%s must not return a set", "IS DISTINCT FROM"),
                    parser_errposition(pstate, location));
        cmp->xpr.type = T_DistinctExpr;
        if (result == NULL)
            result = (Node *) cmp;
        else
            result = (Node *) makeBoolExpr(OR_EXPR, list_make2(result, cmp), location);
    }
    /* zero-length rows are never distinct */
    if (result == NULL)
        result = (Node *) makeBoolConst(false, false);
    return result;
}

/* ---------------------------------------------------------------- operators */

static Node *
transformAExprOp(ParseState *pstate, PgQuery__AExpr *a)
{
    Node       *lexpr = NULL;
    Node       *rexpr;

    if (a->lexpr && a->lexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR &&
        a->rexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR)
    {
        RowExpr    *lrow = (RowExpr *) transformExprRecurse(pstate, a->lexpr);
        RowExpr    *rrow = (RowExpr *) transformExprRecurse(pstate, a->rexpr);

        return make_row_comparison_op(pstate, a->name, a->n_name, lrow->args, rrow->args,
                                      a->location);
    }
    if (a->lexpr && a->lexpr->node_case == PG_QUERY__NODE__NODE_ROW_EXPR &&
        a->rexpr->node_case == PG_QUERY__NODE__NODE_SUB_LINK &&
        a->rexpr->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK)
    {
        /* (a, b) op (SELECT x, y): PostgreSQL's ROWCOMPARE_SUBLINK */
        PgQuery__SubLink sl = *a->rexpr->sub_link;
        PgNode      node = *a->rexpr;

        sl.sub_link_type = PG_QUERY__SUB_LINK_TYPE__ROWCOMPARE_SUBLINK;
        sl.testexpr = a->lexpr;
        sl.n_oper_name = a->n_name;
        sl.oper_name = a->name;
        node.sub_link = &sl;
        return transformExprRecurse(pstate, &node);
    }
    if (a->lexpr)
        lexpr = transformExprRecurse(pstate, a->lexpr);
    rexpr = transformExprRecurse(pstate, a->rexpr);
    return (Node *) make_op(pstate, a->name, a->n_name, lexpr, rexpr, NULL, a->location);
}

static Node *
transformAExprOpAnyAll(ParseState *pstate, PgQuery__AExpr *a, bool useOr)
{
    Node       *lexpr = transformExprRecurse(pstate, a->lexpr);
    Node       *rexpr = transformExprRecurse(pstate, a->rexpr);

    return (Node *) make_scalar_array_op(pstate, a->name, a->n_name, useOr, lexpr, rexpr,
                                         a->location);
}

static Node *
transformAExprDistinct(ParseState *pstate, PgQuery__AExpr *a, bool negate)
{
    Node       *lexpr = transformExprRecurse(pstate, a->lexpr);
    Node       *rexpr = transformExprRecurse(pstate, a->rexpr);
    OpExpr     *result;

    if (lexpr && IsA(lexpr, RowExpr) && rexpr && IsA(rexpr, RowExpr))
    {
        Node       *r = make_row_distinct_op(pstate, a->name, a->n_name,
                                             ((RowExpr *) lexpr)->args,
                                             ((RowExpr *) rexpr)->args, a->location);

        if (negate)
            return (Node *) makeBoolExpr(NOT_EXPR, list_make1(r), a->location);
        return r;
    }
    result = (OpExpr *) make_op(pstate, a->name, a->n_name, lexpr, rexpr, NULL, a->location);
    if (result->opresulttype != BOOLOID)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("IS DISTINCT FROM requires = operator to yield boolean"),
                parser_errposition(pstate, a->location));
    if (result->opretset)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("%s must not return a set", "IS DISTINCT FROM"),
                parser_errposition(pstate, a->location));
    result->xpr.type = T_DistinctExpr;
    if (negate)
        return (Node *) makeBoolExpr(NOT_EXPR, list_make1(result), a->location);
    return (Node *) result;
}

static Node *
transformAExprNullIf(ParseState *pstate, PgQuery__AExpr *a)
{
    Node       *lexpr = transformExprRecurse(pstate, a->lexpr);
    Node       *rexpr = transformExprRecurse(pstate, a->rexpr);
    OpExpr     *result;

    result = (OpExpr *) make_op(pstate, a->name, a->n_name, lexpr, rexpr, NULL, a->location);
    if (result->opresulttype != BOOLOID)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("NULLIF requires = operator to yield boolean"),
                parser_errposition(pstate, a->location));
    if (result->opretset)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("%s must not return a set", "NULLIF"),
                parser_errposition(pstate, a->location));
    result->opresulttype = exprType(linitial(result->args));
    result->opcollid = exprCollation(linitial(result->args));
    result->xpr.type = T_NullIfExpr;
    return (Node *) result;
}

static bool
contain_vars_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, Var))
        return ((Var *) node)->varlevelsup == 0;
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, contain_vars_walker, context);
}

static Node *
transformAExprIn(ParseState *pstate, PgQuery__AExpr *a)
{
    bool        useOr;
    Node       *lexpr;
    List       *rexprs = NIL;
    Node       *result = NULL;
    PgQuery__List *rlist;
    ListCell   *lc;

    /* "=" means IN, "<>" means NOT IN */
    useOr = strcmp(pgStrVal(a->name[a->n_name - 1]), "<>") != 0;
    lexpr = transformExprRecurse(pstate, a->lexpr);
    rlist = a->rexpr->list;
    for (size_t i = 0; i < rlist->n_items; i++)
        rexprs = lappend(rexprs, transformExprRecurse(pstate, rlist->items[i]));
    if (IsA(lexpr, RowExpr))
    {
        foreach(lc, rexprs)
        {
            Node       *rexpr = lfirst(lc);
            Node       *cmp;

            if (IsA(rexpr, RowExpr))
                cmp = make_row_comparison_op(pstate, a->name, a->n_name,
                                             copyObject(((RowExpr *) lexpr)->args),
                                             ((RowExpr *) rexpr)->args, a->location);
            else
                cmp = (Node *) make_op(pstate, a->name, a->n_name, copyObject(lexpr), rexpr,
                                       NULL, a->location);
            cmp = coerce_to_boolean(pstate, cmp, "IN");
            if (result == NULL)
                result = cmp;
            else
                result = (Node *) makeBoolExpr(useOr ? OR_EXPR : AND_EXPR,
                                               list_make2(result, cmp), a->location);
        }
        return result;
    }

#if IN_LIST_AS_SCALAR_ARRAY_OP
    {
        List       *rvars = NIL,
                   *rnonvars = NIL;

        foreach(lc, rexprs)
        {
            if (contain_vars_walker(lfirst(lc), NULL))
                rvars = lappend(rvars, lfirst(lc));
            else
                rnonvars = lappend(rnonvars, lfirst(lc));
        }
        if (list_length(rnonvars) > 1)
        {
            List       *allexprs = lcons(lexpr, list_copy(rnonvars));
            Oid         scalar_type = select_common_type(pstate, allexprs, NULL, NULL);
            Oid         array_type = OidIsValid(scalar_type) && scalar_type != RECORDOID ?
                get_array_type(scalar_type) : InvalidOid;

            if (OidIsValid(array_type))
            {
                ArrayExpr  *newa = makeNode(ArrayExpr);
                List       *aexprs = NIL;

                foreach(lc, rnonvars)
                    aexprs = lappend(aexprs, coerce_to_common_type(pstate, lfirst(lc),
                                                                   scalar_type, "IN"));
                newa->array_typeid = array_type;
                newa->element_typeid = scalar_type;
                newa->array_collid = result_collation(scalar_type);
                newa->elements = aexprs;
                newa->location = -1;
                result = (Node *) make_scalar_array_op(pstate, a->name, a->n_name, useOr,
                                                       lexpr, (Node *) newa, a->location);
                rexprs = rvars;
            }
        }
    }
#else
    (void) contain_vars_walker;
#endif

    foreach(lc, rexprs)
    {
        Node       *cmp;

        cmp = (Node *) make_op(pstate, a->name, a->n_name, copyObject(lexpr), lfirst(lc), NULL,
                               a->location);
        cmp = coerce_to_boolean(pstate, cmp, "IN");
        if (result == NULL)
            result = cmp;
        else
            result = (Node *) makeBoolExpr(useOr ? OR_EXPR : AND_EXPR,
                                           list_make2(result, cmp), a->location);
    }
    return result;
}

static Node *
transformAExprBetween(ParseState *pstate, PgQuery__AExpr *a)
{
    PgQuery__List *args = a->rexpr->list;
    int         loc = a->location;
    Node       *aexpr = transformExprRecurse(pstate, a->lexpr);
    Node       *bexpr = transformExprRecurse(pstate, args->items[0]);
    Node       *cexpr = transformExprRecurse(pstate, args->items[1]);
    Node       *result;

#define OP(name, l, r) coerce_to_boolean(pstate, (Node *) make_op_by_name(pstate, name, l, r, loc), \
                                         "AND")
    switch (a->kind)
    {
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
            result = (Node *) makeBoolExpr(AND_EXPR,
                                           list_make2(OP(">=", aexpr, bexpr),
                                                      OP("<=", copyObject(aexpr), cexpr)), loc);
            break;
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
            result = (Node *) makeBoolExpr(OR_EXPR,
                                           list_make2(OP("<", aexpr, bexpr),
                                                      OP(">", copyObject(aexpr), cexpr)), loc);
            break;
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
            {
                Node       *sub1 = (Node *) makeBoolExpr(AND_EXPR,
                                                         list_make2(OP(">=", aexpr, bexpr),
                                                                    OP("<=", copyObject(aexpr), cexpr)), loc);
                Node       *sub2 = (Node *) makeBoolExpr(AND_EXPR,
                                                         list_make2(OP(">=", copyObject(aexpr), copyObject(cexpr)),
                                                                    OP("<=", copyObject(aexpr), copyObject(bexpr))), loc);

                result = (Node *) makeBoolExpr(OR_EXPR, list_make2(sub1, sub2), loc);
            }
            break;
        default:
            {
                Node       *sub1 = (Node *) makeBoolExpr(OR_EXPR,
                                                         list_make2(OP("<", aexpr, bexpr),
                                                                    OP(">", copyObject(aexpr), cexpr)), loc);
                Node       *sub2 = (Node *) makeBoolExpr(OR_EXPR,
                                                         list_make2(OP("<", copyObject(aexpr), copyObject(cexpr)),
                                                                    OP(">", copyObject(aexpr), copyObject(bexpr))), loc);

                result = (Node *) makeBoolExpr(AND_EXPR, list_make2(sub1, sub2), loc);
            }
            break;
    }
#undef OP
    return result;
}

static Node *
transformAExpr(ParseState *pstate, PgQuery__AExpr *a)
{
    switch (a->kind)
    {
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
        case PG_QUERY__A__EXPR__KIND__AEXPR_LIKE:
        case PG_QUERY__A__EXPR__KIND__AEXPR_ILIKE:
        case PG_QUERY__A__EXPR__KIND__AEXPR_SIMILAR:
            return transformAExprOp(pstate, a);
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY:
            return transformAExprOpAnyAll(pstate, a, true);
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ALL:
            return transformAExprOpAnyAll(pstate, a, false);
        case PG_QUERY__A__EXPR__KIND__AEXPR_DISTINCT:
            return transformAExprDistinct(pstate, a, false);
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_DISTINCT:
            return transformAExprDistinct(pstate, a, true);
        case PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF:
            return transformAExprNullIf(pstate, a);
        case PG_QUERY__A__EXPR__KIND__AEXPR_IN:
            return transformAExprIn(pstate, a);
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN:
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM:
        case PG_QUERY__A__EXPR__KIND__AEXPR_NOT_BETWEEN_SYM:
            return transformAExprBetween(pstate, a);
        default:
            elog(ERROR, "unrecognized A_Expr kind: %d", (int) a->kind);
    }
    return NULL;
}

static Node *
transformBoolExpr(ParseState *pstate, PgQuery__BoolExpr *a)
{
    List       *args = NIL;
    const char *opname;
    BoolExprType boolop;

    switch (a->boolop)
    {
        case PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR:
            opname = "AND";
            boolop = AND_EXPR;
            break;
        case PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR:
            opname = "OR";
            boolop = OR_EXPR;
            break;
        default:
            opname = "NOT";
            boolop = NOT_EXPR;
            break;
    }
    for (size_t i = 0; i < a->n_args; i++)
    {
        Node       *arg = transformExprRecurse(pstate, a->args[i]);

        args = lappend(args, coerce_to_boolean(pstate, arg, opname));
    }
    return (Node *) makeBoolExpr(boolop, args, a->location);
}

/* ---------------------------------------------------------------- misc nodes */

static Node *
transformFuncCall(ParseState *pstate, PgQuery__FuncCall *fn)
{
    List       *targs = NIL;
    List       *argnames = NIL;

    for (size_t i = 0; i < fn->n_args; i++)
    {
        PgNode     *arg = fn->args[i];

        if (arg->node_case == PG_QUERY__NODE__NODE_NAMED_ARG_EXPR)
        {
            PgQuery__NamedArgExpr *na = arg->named_arg_expr;
            ListCell   *lc;

            foreach(lc, argnames)
                if (strcmp(na->name, (char *) lfirst(lc)) == 0)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("argument name \"%s\" used more than once", na->name),
                            parser_errposition(pstate, na->location));
            argnames = lappend(argnames, na->name);
            targs = lappend(targs, transformExprRecurse(pstate, na->arg));
            continue;
        }
        if (argnames != NIL)
        {
            Node       *targ = transformExprRecurse(pstate, arg);

            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("positional argument cannot follow named argument"),
                    parser_errposition(pstate, exprLocation(targ)));
        }
        targs = lappend(targs, transformExprRecurse(pstate, arg));
    }

    /*
     * WITHIN GROUP (ORDER BY ...): the ordering expressions are further
     * arguments for function lookup and coercion (as PostgreSQL); the
     * trailing n_agg_order arguments are the aggregated ones.
     */
    if (fn->agg_within_group)
        for (size_t i = 0; i < fn->n_agg_order; i++)
            targs = lappend(targs, transformExpr(pstate, fn->agg_order[i]->sort_by->node,
                                                 EXPR_KIND_ORDER_BY));
    return ParseFuncOrColumnNamed(pstate, fn, targs, argnames, fn->location);
}

static Node *
transformTypeCast(ParseState *pstate, PgQuery__TypeCast *tc)
{
    Oid         targetType;
    int32       targetTypmod;
    Node       *expr;
    Oid         inputType;
    Node       *result;
    int         location;

    typenameTypeIdAndModP(pstate, tc->type_name, &targetType, &targetTypmod);
    if (tc->arg->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR &&
        OidIsValid(get_element_type(getBaseType(targetType))))
    {
        Oid         baseType = getBaseType(targetType);

        expr = transformArrayExprTyped(pstate, tc->arg->a_array_expr, baseType,
                                       get_element_type(baseType), targetTypmod);
    }
    else
        expr = transformExprRecurse(pstate, tc->arg);
    inputType = exprType(expr);
    if (inputType == InvalidOid)
        return expr;
    location = tc->location;
    if (location < 0)
        location = tc->type_name->location;
    result = coerce_to_target_type(pstate, expr, inputType, targetType, targetTypmod,
                                   COERCION_EXPLICIT, COERCE_EXPLICIT_CAST, location);
    if (result == NULL)
        ereport(ERROR,
                errcode(ERRCODE_CANNOT_COERCE),
                errmsg("cannot cast type %s to %s", format_type_be(inputType),
                       format_type_be(targetType)),
                parser_errposition(pstate, location >= 0 ? location : exprLocation(expr)));
    return result;
}

static Node *
transformNullTest(ParseState *pstate, PgQuery__NullTest *n)
{
    NullTest   *result = makeNode(NullTest);

    result->arg = (Expr *) transformExprRecurse(pstate, n->arg);
    result->nulltesttype = (n->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NULL) ?
        IS_NULL : IS_NOT_NULL;
    if (IsA(result->arg, RowExpr))
    {
        /* ROW(...) IS [NOT] NULL: every field is [not] null (PostgreSQL's argisrow) */
        List       *tests = NIL;
        ListCell   *lc;

        foreach(lc, ((RowExpr *) result->arg)->args)
        {
            NullTest   *t = makeNode(NullTest);

            t->arg = lfirst(lc);
            t->nulltesttype = result->nulltesttype;
            t->argisrow = false;
            t->location = n->location;
            tests = lappend(tests, t);
        }
        if (tests == NIL)
            return makeBoolConst(true, false);
        if (list_length(tests) == 1)
            return linitial(tests);
        return (Node *) makeBoolExpr(AND_EXPR, tests, n->location);
    }
    result->argisrow = OidIsValid(typeidTypeRelid(exprType((Node *) result->arg)));
    result->location = n->location;
    return (Node *) result;
}

static Node *
transformBooleanTest(ParseState *pstate, PgQuery__BooleanTest *b)
{
    BooleanTest *result = makeNode(BooleanTest);
    const char *clausename;

    switch (b->booltesttype)
    {
        case PG_QUERY__BOOL_TEST_TYPE__IS_TRUE:
            clausename = "IS TRUE";
            result->booltesttype = IS_TRUE;
            break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_TRUE:
            clausename = "IS NOT TRUE";
            result->booltesttype = IS_NOT_TRUE;
            break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_FALSE:
            clausename = "IS FALSE";
            result->booltesttype = IS_FALSE;
            break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_NOT_FALSE:
            clausename = "IS NOT FALSE";
            result->booltesttype = IS_NOT_FALSE;
            break;
        case PG_QUERY__BOOL_TEST_TYPE__IS_UNKNOWN:
            clausename = "IS UNKNOWN";
            result->booltesttype = IS_UNKNOWN;
            break;
        default:
            clausename = "IS NOT UNKNOWN";
            result->booltesttype = IS_NOT_UNKNOWN;
            break;
    }
    result->arg = (Expr *) transformExprRecurse(pstate, b->arg);
    result->arg = (Expr *) coerce_to_boolean(pstate, (Node *) result->arg, clausename);
    result->location = b->location;
    return (Node *) result;
}

static Node *
transformCaseExpr(ParseState *pstate, PgQuery__CaseExpr *c)
{
    CaseExpr   *newc = makeNode(CaseExpr);
    Node       *arg;
    CaseTestExpr *placeholder = NULL;
    List       *newargs = NIL;
    List       *resultexprs = NIL;
    Oid         ptype;
    ListCell   *lc;

    arg = transformExprRecurse(pstate, c->arg);
    if (arg)
    {
        if (exprType(arg) == UNKNOWNOID)
            arg = coerce_to_common_type(pstate, arg, TEXTOID, "CASE");
        placeholder = makeNode(CaseTestExpr);
        placeholder->typeId = exprType(arg);
        placeholder->typeMod = exprTypmod(arg);
        placeholder->collation = exprCollation(arg);
    }
    newc->arg = (Expr *) arg;

    for (size_t i = 0; i < c->n_args; i++)
    {
        PgQuery__CaseWhen *w = c->args[i]->case_when;
        CaseWhen   *neww = makeNode(CaseWhen);
        Node       *warg;

        if (placeholder)
        {
            Node       *rhs = transformExprRecurse(pstate, w->expr);

            warg = (Node *) make_op_by_name(pstate, "=", (Node *) copyObject(placeholder), rhs,
                                            w->location);
        }
        else
            warg = transformExprRecurse(pstate, w->expr);
        neww->expr = (Expr *) coerce_to_boolean(pstate, warg, "CASE/WHEN");
        neww->result = (Expr *) transformExprRecurse(pstate, w->result);
        neww->location = w->location;
        newargs = lappend(newargs, neww);
        resultexprs = lappend(resultexprs, neww->result);
    }
    newc->args = newargs;

    if (c->defresult)
        newc->defresult = (Expr *) transformExprRecurse(pstate, c->defresult);
    else
    {
        Const      *n = makeConst(UNKNOWNOID, -1, InvalidOid, -2, (Datum) 0, true, false);

        newc->defresult = (Expr *) n;
    }
    /* the default result counts first in choosing the type, as PostgreSQL */
    resultexprs = lcons(newc->defresult, resultexprs);
    ptype = select_common_type(pstate, resultexprs, "CASE", NULL);
    newc->casetype = ptype;
    newc->casecollid = result_collation(ptype);
    newc->defresult = (Expr *) coerce_to_common_type(pstate, (Node *) newc->defresult, ptype,
                                                     "CASE");
    foreach(lc, newc->args)
    {
        CaseWhen   *w = lfirst(lc);

        w->result = (Expr *) coerce_to_common_type(pstate, (Node *) w->result, ptype, "CASE");
    }
    newc->location = c->location;
    return (Node *) newc;
}

static Node *
transformCoalesceExpr(ParseState *pstate, PgQuery__CoalesceExpr *c)
{
    CoalesceExpr *newc = makeNode(CoalesceExpr);
    List       *newargs = NIL;
    List       *coerced = NIL;
    ListCell   *lc;

    for (size_t i = 0; i < c->n_args; i++)
        newargs = lappend(newargs, transformExprRecurse(pstate, c->args[i]));
    newc->coalescetype = select_common_type(pstate, newargs, "COALESCE", NULL);
    newc->coalescecollid = result_collation(newc->coalescetype);
    foreach(lc, newargs)
        coerced = lappend(coerced, coerce_to_common_type(pstate, lfirst(lc), newc->coalescetype,
                                                         "COALESCE"));
    newc->args = coerced;
    newc->location = c->location;
    return (Node *) newc;
}

static Node *
transformMinMaxExpr(ParseState *pstate, PgQuery__MinMaxExpr *m)
{
    MinMaxExpr *newm = makeNode(MinMaxExpr);
    List       *newargs = NIL;
    List       *coerced = NIL;
    const char *funcname = (m->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST) ? "GREATEST" : "LEAST";
    ListCell   *lc;

    newm->op = (m->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST) ? IS_GREATEST : IS_LEAST;
    for (size_t i = 0; i < m->n_args; i++)
        newargs = lappend(newargs, transformExprRecurse(pstate, m->args[i]));
    newm->minmaxtype = select_common_type(pstate, newargs, funcname, NULL);
    newm->minmaxcollid = result_collation(newm->minmaxtype);
    foreach(lc, newargs)
        coerced = lappend(coerced, coerce_to_common_type(pstate, lfirst(lc), newm->minmaxtype,
                                                         funcname));
    newm->args = coerced;
    newm->inputcollid = newm->minmaxcollid;
    /* the executor compares with the type's btree comparison */
    get_sort_group_operators(newm->minmaxtype, true, false, false, NULL, NULL, NULL, NULL);
    newm->location = m->location;
    return (Node *) newm;
}

/*
 * ARRAY[...] (PostgreSQL's transformArrayExpr).  array_type/element_type/
 * typmod are given when the constructor is the argument of a cast to an
 * array type (ARRAY[]::int[]): the elements are then coerced explicitly to
 * the element type (or, for sub-arrays, to the array type).  Otherwise the
 * elements' common type decides.  An element that is itself an ARRAY[] or
 * of an array type makes the result multidimensional.
 */
static Node *
transformArrayExprTyped(ParseState *pstate, PgQuery__AArrayExpr *a,
                        Oid array_type, Oid element_type, int32 typmod)
{
    ArrayExpr  *newa = makeNode(ArrayExpr);
    List       *newelems = NIL;
    List       *coerced = NIL;
    Oid         coerce_type;
    bool        coerce_hard;
    ListCell   *lc;

    newa->multidims = false;
    for (size_t i = 0; i < a->n_elements; i++)
    {
        Node       *newe;

        if (a->elements[i]->node_case == PG_QUERY__NODE__NODE_A_ARRAY_EXPR)
        {
            newe = transformArrayExprTyped(pstate, a->elements[i]->a_array_expr,
                                           array_type, element_type, typmod);
            newa->multidims = true;
        }
        else
        {
            newe = transformExprRecurse(pstate, a->elements[i]);
            if (!newa->multidims && type_is_array(exprType(newe)))
                newa->multidims = true;
        }
        newelems = lappend(newelems, newe);
    }
    if (OidIsValid(array_type))
    {
        coerce_type = newa->multidims ? array_type : element_type;
        coerce_hard = true;
    }
    else
    {
        if (newelems == NIL)
            ereport(ERROR,
                    errcode(ERRCODE_INDETERMINATE_DATATYPE),
                    errmsg("cannot determine type of empty array"),
                    errhint("Explicitly cast to the desired type, for example ARRAY[]::integer[]."),
                    parser_errposition(pstate, a->location));
        coerce_type = select_common_type(pstate, newelems, "ARRAY", NULL);
        if (newa->multidims)
        {
            array_type = coerce_type;
            element_type = get_element_type(array_type);
            if (!OidIsValid(element_type))
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("could not find element type for data type %s",
                               format_type_be(array_type)),
                        parser_errposition(pstate, a->location));
        }
        else
        {
            element_type = coerce_type;
            array_type = get_array_type(element_type);
            if (!OidIsValid(array_type))
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("could not find array type for data type %s",
                               format_type_be(element_type)),
                        parser_errposition(pstate, a->location));
        }
        coerce_hard = false;
    }
    foreach(lc, newelems)
    {
        Node       *e = lfirst(lc);
        Node       *newe;

        if (coerce_hard)
        {
            newe = coerce_to_target_type(pstate, e, exprType(e), coerce_type, typmod,
                                         COERCION_EXPLICIT, COERCE_EXPLICIT_CAST, -1);
            if (newe == NULL)
                ereport(ERROR,
                        errcode(ERRCODE_CANNOT_COERCE),
                        errmsg("cannot cast type %s to %s", format_type_be(exprType(e)),
                               format_type_be(coerce_type)),
                        parser_errposition(pstate, exprLocation(e)));
        }
        else
            newe = coerce_to_common_type(pstate, e, coerce_type, "ARRAY");
        coerced = lappend(coerced, newe);
    }
    newa->elements = coerced;
    newa->array_typeid = array_type;
    newa->element_typeid = element_type;
    newa->array_collid = result_collation(element_type);
    newa->location = a->location;
    return (Node *) newa;
}

static Node *
transformArrayExpr(ParseState *pstate, PgQuery__AArrayExpr *a)
{
    return transformArrayExprTyped(pstate, a, InvalidOid, InvalidOid, -1);
}

static Node *
transformSQLValueFunction(ParseState *pstate, PgQuery__SQLValueFunction *svf)
{
    SQLValueFunction *result = makeNode(SQLValueFunction);
    int32       typmod = svf->typmod;

    result->location = svf->location;
    result->typmod = -1;
    switch (svf->op)
    {
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
            result->op = SVFOP_CURRENT_DATE;
            result->type = DATEOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
            result->op = SVFOP_CURRENT_TIME;
            result->type = TIMETZOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N:
            result->op = SVFOP_CURRENT_TIME_N;
            result->type = TIMETZOID;
            result->typmod = Min(typmod, 6);
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
            result->op = SVFOP_CURRENT_TIMESTAMP;
            result->type = TIMESTAMPTZOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
            result->op = SVFOP_CURRENT_TIMESTAMP_N;
            result->type = TIMESTAMPTZOID;
            result->typmod = Min(typmod, 6);
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
            result->op = SVFOP_LOCALTIME;
            result->type = TIMEOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
            result->op = SVFOP_LOCALTIME_N;
            result->type = TIMEOID;
            result->typmod = Min(typmod, 6);
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
            result->op = SVFOP_LOCALTIMESTAMP;
            result->type = TIMESTAMPOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
            result->op = SVFOP_LOCALTIMESTAMP_N;
            result->type = TIMESTAMPOID;
            result->typmod = Min(typmod, 6);
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
            result->op = SVFOP_CURRENT_ROLE;
            result->type = NAMEOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
            result->op = SVFOP_CURRENT_USER;
            result->type = NAMEOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
            result->op = SVFOP_USER;
            result->type = NAMEOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
            result->op = SVFOP_SESSION_USER;
            result->type = NAMEOID;
            break;
        case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
            result->op = SVFOP_CURRENT_CATALOG;
            result->type = NAMEOID;
            break;
        default:
            result->op = SVFOP_CURRENT_SCHEMA;
            result->type = NAMEOID;
            break;
    }
    if (typmod < 0 && (result->op == SVFOP_CURRENT_TIME_N || result->op == SVFOP_CURRENT_TIMESTAMP_N ||
                       result->op == SVFOP_LOCALTIME_N || result->op == SVFOP_LOCALTIMESTAMP_N))
        ereport(ERROR,
                errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("precision must not be negative"),
                parser_errposition(pstate, svf->location));
    return (Node *) result;
}

/*
 * expr COLLATE name.  Basalt knows the collations every PostgreSQL
 * database has ("default", "C", "POSIX"); the result is the argument
 * relabeled with that collation (the form PostgreSQL's planner reduces a
 * CollateExpr to).
 */
static Node *
transformCollateClause(ParseState *pstate, PgQuery__CollateClause *c)
{
    Node       *arg = transformExprRecurse(pstate, c->arg);
    Oid         argtype = exprType(arg);
    const char *collname = pgStrVal(c->collname[c->n_collname - 1]);
    Oid         collid;

    if (argtype == UNKNOWNOID)
    {
        arg = coerce_type(pstate, arg, UNKNOWNOID, TEXTOID, -1, COERCION_IMPLICIT,
                          COERCE_IMPLICIT_CAST, -1);
        argtype = TEXTOID;
    }
    if (!type_is_collatable(argtype))
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("collations are not supported by type %s", format_type_be(argtype)),
                parser_errposition(pstate, c->location));
    if (c->n_collname > 1 && strcmp(pgStrVal(c->collname[c->n_collname - 2]), "pg_catalog") != 0)
        collid = InvalidOid;
    else if (strcmp(collname, "default") == 0)
        collid = DEFAULT_COLLATION_OID;
    else if (strcmp(collname, "C") == 0)
        collid = C_COLLATION_OID;
    else if (strcmp(collname, "POSIX") == 0)
        collid = C_COLLATION_OID + 1;
    else
        collid = InvalidOid;
    if (!OidIsValid(collid))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("collation \"%s\" for encoding \"%s\" does not exist",
                       NameListToString(c->collname, c->n_collname), "UTF8"),
                parser_errposition(pstate, c->location));
    {
        RelabelType *r = makeRelabelType((Expr *) arg, argtype, exprTypmod(arg), collid,
                                         COERCE_IMPLICIT_CAST);

        r->location = c->location;
        return (Node *) r;
    }
}

/* ---------------------------------------------------------------- subscripts */

#define MAXDIM 6

/* A subscript, coerced to int4 (42804 "array subscript must have type integer"). */
static Node *
transformSubscript(ParseState *pstate, PgNode *raw)
{
    Node       *e = transformExprRecurse(pstate, raw);
    Oid         t = exprType(e);
    Node       *c;

    if (t == INT4OID)
        return e;
    c = coerce_to_target_type(pstate, e, t, INT4OID, -1, COERCION_ASSIGNMENT,
                              COERCE_IMPLICIT_CAST, -1);
    if (c == NULL)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("array subscript must have type integer"),
                parser_errposition(pstate, exprLocation(e)));
    return c;
}

/*
 * Subscripts of a non-array container type with a subscripting handler
 * (procs/subscripting.h; jsonb): the handler transforms the subscripts and
 * picks the result type.  base is already of type containerType.
 */
static SubscriptingRef *
transformHandlerSubscripts(ParseState *pstate, Node *base, Oid containerType,
                           const SubscriptRoutines *routines, PgNode **subs, int nsubs,
                           bool isAssignment)
{
    SubscriptingRef *sbsref = makeNode(SubscriptingRef);
    bool        isSlice = false;

    for (int i = 0; i < nsubs; i++)
        if (subs[i]->a_indices->is_slice)
            isSlice = true;
    sbsref->refcontainertype = containerType;
    sbsref->refelemtype = InvalidOid;
    sbsref->reftypmod = exprTypmod(base);
    sbsref->refexpr = (Expr *) base;
    routines->transform(sbsref, subs, nsubs, pstate, isSlice, isAssignment);
    sbsref->refcollid = result_collation(sbsref->refrestype);
    return sbsref;
}

/*
 * The index expressions of subscripts (an A_Indices each) into sbsref:
 * for a slice, a lower bound per subscript (1 where only [n] was
 * written), and an upper bound (NULL for an omitted one).
 */
static void
set_subscript_exprs(ParseState *pstate, SubscriptingRef *sbsref, PgQuery__Node **subs,
                    size_t n, bool isSlice)
{
    for (size_t i = 0; i < n; i++)
    {
        PgQuery__AIndices *ai = subs[i]->a_indices;

        if (isSlice)
        {
            Node       *lidx;

            if (ai->is_slice)
                lidx = ai->lidx ? transformSubscript(pstate, ai->lidx) : NULL;
            else
                lidx = (Node *) makeInt4Const(1);
            sbsref->reflowerindexpr = lappend(sbsref->reflowerindexpr, lidx);
        }
        sbsref->refupperindexpr = lappend(sbsref->refupperindexpr,
                                          ai->uidx ? transformSubscript(pstate, ai->uidx) : NULL);
    }
}

/*
 * expr[...][...]: array element or slice fetch (PostgreSQL's
 * transformContainerSubscripts with the array subscripting rules) for
 * nsubs consecutive subscripts.
 */
static Node *
transformSubscripts(ParseState *pstate, Node *base, PgNode **subs, int nsubs)
{
    SubscriptingRef *sbsref;
    Oid         containerType,
                elemType;
    bool        isSlice = false;

    for (int i = 0; i < nsubs; i++)
        if (subs[i]->a_indices->is_slice)
            isSlice = true;
    containerType = getBaseType(exprType(base));
    elemType = type_is_array(containerType) ? get_element_type(containerType) : InvalidOid;
    if (!OidIsValid(elemType) && getSubscriptingRoutines(containerType) != NULL)
    {
        if (containerType != exprType(base))
            base = (Node *) makeRelabelType((Expr *) base, containerType, exprTypmod(base),
                                            exprCollation(base), COERCE_IMPLICIT_CAST);
        return (Node *) transformHandlerSubscripts(pstate, base, containerType,
                                                   getSubscriptingRoutines(containerType),
                                                   subs, nsubs, false);
    }
    if (!OidIsValid(elemType))
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("cannot subscript type %s because it does not support subscripting",
                       format_type_be(containerType)),
                parser_errposition(pstate, exprLocation(base)));
    if (nsubs > MAXDIM)
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                       nsubs, MAXDIM));
    if (containerType != exprType(base))
        base = (Node *) makeRelabelType((Expr *) base, containerType, exprTypmod(base),
                                        exprCollation(base), COERCE_IMPLICIT_CAST);

    sbsref = makeNode(SubscriptingRef);
    sbsref->refcontainertype = containerType;
    sbsref->refelemtype = elemType;
    sbsref->refrestype = isSlice ? containerType : elemType;
    sbsref->reftypmod = exprTypmod(base);
    sbsref->refcollid = result_collation(sbsref->refrestype);
    sbsref->refexpr = (Expr *) base;
    set_subscript_exprs(pstate, sbsref, subs, (size_t) nsubs, isSlice);
    return (Node *) sbsref;
}

/*
 * expr[...].field[...]...: runs of subscripts and field selections
 * (parse_relation.c's ParseFieldSelection), left to right, as in
 * PostgreSQL's transformIndirection.  ".*" is only allowed at the end of
 * a select-list item (parse_target.c expands it).
 */
static Node *
transformIndirection(ParseState *pstate, PgQuery__AIndirection *ind)
{
    Node       *base = transformExprRecurse(pstate, ind->arg);
    int         n = (int) ind->n_indirection;
    int         i = 0;

    while (i < n)
    {
        PgNode     *item = ind->indirection[i];

        if (item->node_case == PG_QUERY__NODE__NODE_A_INDICES)
        {
            int         start = i;

            while (i < n && ind->indirection[i]->node_case == PG_QUERY__NODE__NODE_A_INDICES)
                i++;
            base = transformSubscripts(pstate, base, &ind->indirection[start], i - start);
            continue;
        }
        if (item->node_case == PG_QUERY__NODE__NODE_A_STAR)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("row expansion via \"*\" is not supported here"),
                    parser_errposition(pstate, exprLocation(base)));
        base = ParseFieldSelection(pstate, base, pgStrVal(item), exprLocation(base));
        i++;
    }
    return base;
}

/*
 * UPDATE ... SET col[i] = x, col[i:j] = x: the column's new value is base
 * (its current value, or an earlier assignment to the same column) with the
 * element or slice replaced: a SubscriptingRef with refassgnexpr set
 * (PostgreSQL's transformAssignmentIndirection, subscripts only; field
 * assignment is 0A000).  rhs is already transformed; it is coerced to the
 * element type (or the array type for a slice) with assignment rules.
 */
Node *
transformAssignmentSubscripts(ParseState *pstate, Node *base, PgNode **indirection,
                              size_t nind, Node *rhs, const char *colname, int location)
{
    SubscriptingRef *sbsref;
    Oid         containerType = exprType(base);
    int32       typmod = exprTypmod(base);
    Oid         elemType;
    Oid         targetType;
    Oid         rhsType = exprType(rhs);
    bool        isSlice = false;
    Node       *newrhs;

    for (size_t i = 0; i < nind; i++)
    {
        if (indirection[i]->node_case != PG_QUERY__NODE__NODE_A_INDICES)
        {
            /* the value the field is taken of: the column, or its element */
            Oid         ftype = (i > 0 && !isSlice && type_is_array(containerType)) ?
                get_element_type(containerType) : containerType;

            if (!OidIsValid(get_typ_typrelid(getBaseType(ftype))))
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("cannot assign to field \"%s\" of column \"%s\" because its type %s is not a composite type",
                               pgStrVal(indirection[i]), colname, format_type_be(ftype)),
                        parser_errposition(pstate, location));
            parser_not_supported(pstate, "assignment to a field", location);
        }
        if (indirection[i]->a_indices->is_slice)
            isSlice = true;
    }
    elemType = type_is_array(containerType) ? get_element_type(containerType) : InvalidOid;
    if (!OidIsValid(elemType) && getSubscriptingRoutines(containerType) != NULL)
    {
        sbsref = transformHandlerSubscripts(pstate, base, containerType,
                                            getSubscriptingRoutines(containerType),
                                            indirection, (int) nind, true);
        targetType = sbsref->refrestype;
        newrhs = coerce_to_target_type(pstate, rhs, rhsType, targetType, sbsref->reftypmod,
                                       COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
        if (newrhs == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("subscripted assignment to \"%s\" requires type %s but expression is of type %s",
                           colname, format_type_be(targetType), format_type_be(rhsType)),
                    errhint("You will need to rewrite or cast the expression."),
                    parser_errposition(pstate, location));
        sbsref->refrestype = containerType;
        sbsref->refassgnexpr = (Expr *) newrhs;
        return (Node *) sbsref;
    }
    if (!OidIsValid(elemType))
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("cannot subscript type %s because it does not support subscripting",
                       format_type_be(containerType)),
                parser_errposition(pstate, location));
    if ((int) nind > MAXDIM)
        ereport(ERROR,
                errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                       (int) nind, MAXDIM));
    sbsref = makeNode(SubscriptingRef);
    sbsref->refcontainertype = containerType;
    sbsref->refelemtype = elemType;
    sbsref->refrestype = containerType;
    sbsref->reftypmod = typmod;
    sbsref->refcollid = result_collation(containerType);
    sbsref->refexpr = (Expr *) base;
    set_subscript_exprs(pstate, sbsref, indirection, nind, isSlice);
    targetType = isSlice ? containerType : elemType;
    newrhs = coerce_to_target_type(pstate, rhs, rhsType, targetType, typmod,
                                   COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
    if (newrhs == NULL)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("subscripted assignment to \"%s\" requires type %s but expression is of type %s",
                       colname, format_type_be(targetType), format_type_be(rhsType)),
                errhint("You will need to rewrite or cast the expression."),
                parser_errposition(pstate, location));
    sbsref->refassgnexpr = (Expr *) newrhs;
    return (Node *) sbsref;
}

/* ---------------------------------------------------------------- sublinks */

static Node *
transformSubLink(ParseState *pstate, PgQuery__SubLink *sl)
{
    SubLink    *sublink = makeNode(SubLink);
    Query      *qtree;
    int         ncols = 0;
    ListCell   *lc;

    if (pstate->p_expr_kind == EXPR_KIND_COLUMN_DEFAULT)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot use subquery in DEFAULT expression"),
                parser_errposition(pstate, sl->location));
    if (pstate->p_expr_kind == EXPR_KIND_CHECK_CONSTRAINT)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot use subquery in check constraint"),
                parser_errposition(pstate, sl->location));
    pstate->p_hasSubLinks = true;
    sublink->location = sl->location;
    qtree = parse_sub_analyze(sl->subselect, pstate, NULL, false, true);
    if (qtree->commandType != CMD_SELECT)
        elog(ERROR, "unexpected non-SELECT command in SubLink");
    sublink->subselect = (Node *) qtree;
    foreach(lc, qtree->targetList)
        if (!((TargetEntry *) lfirst(lc))->resjunk)
            ncols++;

    switch (sl->sub_link_type)
    {
        case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
            sublink->subLinkType = EXISTS_SUBLINK;
            break;
        case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
        case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
            sublink->subLinkType = (sl->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK) ?
                EXPR_SUBLINK : ARRAY_SUBLINK;
            if (ncols != 1)
                ereport(ERROR,
                        errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("subquery must return only one column"),
                        parser_errposition(pstate, sl->location));
            if (sublink->subLinkType == ARRAY_SUBLINK)
            {
                Oid         t = exprType((Node *) ((TargetEntry *) linitial(qtree->targetList))->expr);

                if (!type_is_array(t) && !OidIsValid(get_array_type(t)))
                    ereport(ERROR,
                            errcode(ERRCODE_UNDEFINED_OBJECT),
                            errmsg("could not find array type for data type %s",
                                   format_type_be(t)),
                            parser_errposition(pstate, sl->location));
            }
            break;
        case PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK:
        case PG_QUERY__SUB_LINK_TYPE__ALL_SUBLINK:
        case PG_QUERY__SUB_LINK_TYPE__ROWCOMPARE_SUBLINK:
            {
                Node       *lefthand;
                Param      *param = NULL;
                Node       *cmp;
                const char *opname = "=";
                PgNode    **opnames = sl->oper_name;
                size_t      nopnames = sl->n_oper_name;

                sublink->subLinkType = (sl->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK) ?
                    ANY_SUBLINK : ALL_SUBLINK;
                if (sl->sub_link_type == PG_QUERY__SUB_LINK_TYPE__ROWCOMPARE_SUBLINK)
                    sublink->subLinkType = ROWCOMPARE_SUBLINK;
                lefthand = transformExprRecurse(pstate, sl->testexpr);
                if (IsA(lefthand, RowExpr))
                {
                    /* (a, b) IN (SELECT x, y ...): PostgreSQL's row comparison over Params */
                    List       *left_list = ((RowExpr *) lefthand)->args;
                    List       *right_list = NIL;
                    PgQuery__String eqstr = PG_QUERY__STRING__INIT;
                    PgNode      eqnode = PG_QUERY__NODE__INIT;
                    PgNode     *eqname = &eqnode;

                    foreach(lc, qtree->targetList)
                    {
                        TargetEntry *tent = lfirst(lc);

                        if (tent->resjunk)
                            continue;
                        param = makeNode(Param);
                        param->paramkind = PARAM_SUBLINK;
                        param->paramid = tent->resno;
                        param->paramtype = exprType((Node *) tent->expr);
                        param->paramtypmod = exprTypmod((Node *) tent->expr);
                        param->paramcollid = exprCollation((Node *) tent->expr);
                        param->location = -1;
                        right_list = lappend(right_list, param);
                    }
                    if (list_length(left_list) < list_length(right_list))
                        ereport(ERROR,
                                errcode(ERRCODE_SYNTAX_ERROR),
                                errmsg("subquery has too many columns"),
                                parser_errposition(pstate, sl->location));
                    if (list_length(left_list) > list_length(right_list))
                        ereport(ERROR,
                                errcode(ERRCODE_SYNTAX_ERROR),
                                errmsg("subquery has too few columns"),
                                parser_errposition(pstate, sl->location));
                    if (nopnames == 0)
                    {
                        eqstr.sval = (char *) "=";
                        eqnode.node_case = PG_QUERY__NODE__NODE_STRING;
                        eqnode.string = &eqstr;
                        opnames = &eqname;
                        nopnames = 1;
                    }
                    opname = pgStrVal(opnames[nopnames - 1]);
                    sublink->testexpr = make_row_comparison_op(pstate, opnames, nopnames,
                                                               left_list, right_list,
                                                               sl->location);
                    sublink->operName = list_make1(pstrdup(opname));
                    break;
                }
                if (ncols > 1)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("subquery has too many columns"),
                            parser_errposition(pstate, sl->location));
                if (ncols < 1)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("subquery has too few columns"),
                            parser_errposition(pstate, sl->location));
                foreach(lc, qtree->targetList)
                {
                    TargetEntry *tent = lfirst(lc);

                    if (tent->resjunk)
                        continue;
                    param = makeNode(Param);
                    param->paramkind = PARAM_SUBLINK;
                    param->paramid = tent->resno;
                    param->paramtype = exprType((Node *) tent->expr);
                    param->paramtypmod = exprTypmod((Node *) tent->expr);
                    param->paramcollid = exprCollation((Node *) tent->expr);
                    param->location = -1;
                    break;
                }
                if (nopnames > 0)
                {
                    opname = pgStrVal(opnames[nopnames - 1]);
                    cmp = (Node *) make_op(pstate, opnames, nopnames, lefthand, (Node *) param,
                                           NULL, sl->location);
                }
                else
                    cmp = (Node *) make_op_by_name(pstate, "=", lefthand, (Node *) param,
                                                   sl->location);
                if (exprType(cmp) != BOOLOID)
                    ereport(ERROR,
                            errcode(ERRCODE_DATATYPE_MISMATCH),
                            errmsg("operator %s must return type boolean, not type %s", opname,
                                   format_type_be(exprType(cmp))),
                            parser_errposition(pstate, sl->location));
                sublink->testexpr = cmp;
                sublink->operName = list_make1(pstrdup(opname));
            }
            break;
        default:
            parser_not_supported(pstate, "this kind of subquery", sl->location);
    }
    return (Node *) sublink;
}

/*
 * One column of UPDATE ... SET (a, b) = (x, y) or = (SELECT x, y ...):
 * the colno-th value of the source.  A ROW() source gives its field.  A
 * sub-SELECT becomes a scalar sub-SELECT of its colno-th column (the other
 * columns resjunk), so it runs once per assigned column where PostgreSQL's
 * MULTIEXPR_SUBLINK runs it once; the results are the same for a query
 * without volatile functions.
 */
static Node *
transformMultiAssignRef(ParseState *pstate, PgQuery__MultiAssignRef *maref)
{
    PgNode     *src = maref->source;

    if (src->node_case == PG_QUERY__NODE__NODE_ROW_EXPR)
    {
        PgQuery__RowExpr *r = src->row_expr;

        if ((int) r->n_args != maref->ncolumns)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("number of columns does not match number of values"),
                    parser_errposition(pstate, r->location));
        return transformExprRecurse(pstate, r->args[maref->colno - 1]);
    }
    if (src->node_case == PG_QUERY__NODE__NODE_SUB_LINK &&
        src->sub_link->sub_link_type == PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK)
    {
        PgQuery__SubLink *sl = src->sub_link;
        SubLink    *sublink = makeNode(SubLink);
        Query      *qtree;
        List       *front = NIL;
        List       *rest = NIL;
        ListCell   *lc;
        int         ncols = 0;
        int16       resno = 1;

        pstate->p_hasSubLinks = true;
        qtree = parse_sub_analyze(sl->subselect, pstate, NULL, false, true);
        foreach(lc, qtree->targetList)
        {
            TargetEntry *tle = lfirst(lc);

            if (tle->resjunk)
                rest = lappend(rest, tle);
            else if (++ncols == maref->colno)
                front = lappend(front, tle);
            else
            {
                tle->resjunk = true;
                rest = lappend(rest, tle);
            }
        }
        if (ncols != maref->ncolumns)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("number of columns does not match number of values"),
                    parser_errposition(pstate, sl->location));
        qtree->targetList = list_concat(front, rest);
        foreach(lc, qtree->targetList)
            ((TargetEntry *) lfirst(lc))->resno = resno++;
        sublink->subLinkType = EXPR_SUBLINK;
        sublink->subselect = (Node *) qtree;
        sublink->location = sl->location;
        return (Node *) sublink;
    }
    ereport(ERROR,
            errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression"),
            parser_errposition(pstate, exprLocation(transformExprRecurse(pstate, src))));
    return NULL;
}

/* ---------------------------------------------------------------- dispatch */

static Node *
transformExprRecurseInternal(ParseState *pstate, PgNode *expr)
{
    switch (expr->node_case)
    {
        case PG_QUERY__NODE__NODE_COLUMN_REF:
            return transformColumnRef(pstate, expr->column_ref);
        case PG_QUERY__NODE__NODE_PARAM_REF:
            return transformParamRef(pstate, expr->param_ref);
        case PG_QUERY__NODE__NODE_A_CONST:
            return (Node *) make_const(pstate, expr->a_const);
        case PG_QUERY__NODE__NODE_TYPE_CAST:
            return transformTypeCast(pstate, expr->type_cast);
        case PG_QUERY__NODE__NODE_A_EXPR:
            return transformAExpr(pstate, expr->a_expr);
        case PG_QUERY__NODE__NODE_BOOL_EXPR:
            return transformBoolExpr(pstate, expr->bool_expr);
        case PG_QUERY__NODE__NODE_FUNC_CALL:
            return transformFuncCall(pstate, expr->func_call);
        case PG_QUERY__NODE__NODE_NULL_TEST:
            return transformNullTest(pstate, expr->null_test);
        case PG_QUERY__NODE__NODE_BOOLEAN_TEST:
            return transformBooleanTest(pstate, expr->boolean_test);
        case PG_QUERY__NODE__NODE_CASE_EXPR:
            return transformCaseExpr(pstate, expr->case_expr);
        case PG_QUERY__NODE__NODE_COALESCE_EXPR:
            return transformCoalesceExpr(pstate, expr->coalesce_expr);
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
            return transformMinMaxExpr(pstate, expr->min_max_expr);
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
            return transformArrayExpr(pstate, expr->a_array_expr);
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
            return transformSQLValueFunction(pstate, expr->sqlvalue_function);
        case PG_QUERY__NODE__NODE_SUB_LINK:
            return transformSubLink(pstate, expr->sub_link);
        case PG_QUERY__NODE__NODE_MULTI_ASSIGN_REF:
            return transformMultiAssignRef(pstate, expr->multi_assign_ref);
        case PG_QUERY__NODE__NODE_SET_TO_DEFAULT:
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("DEFAULT is not allowed in this context"),
                    parser_errposition(pstate, expr->set_to_default->location));
            break;
        case PG_QUERY__NODE__NODE_ROW_EXPR:
            return transformRowExpr(pstate, expr->row_expr);
        case PG_QUERY__NODE__NODE_A_INDIRECTION:
            return transformIndirection(pstate, expr->a_indirection);
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
            return transformCollateClause(pstate, expr->collate_clause);
        case PG_QUERY__NODE__NODE_GROUPING_FUNC:
            return transformGroupingFunc(pstate, expr->grouping_func);
        default:
            break;
    }
    elog(ERROR, "unrecognized node type: %d", (int) expr->node_case);
    return NULL;
}
