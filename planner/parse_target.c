/*-------------------------------------------------------------------------
 * parse_target.c
 *    Select lists and assignment targets.
 *
 * Principal entry points:
 *    transformTargetList     - SELECT list -> TargetEntry list, "*" expanded
 *    FigureColname           - the name PostgreSQL gives an unnamed column
 *    resolveTargetListUnknowns - unknown-type output columns become text
 *    markTargetListOrigins   - resorigtbl/resorigcol for RowDescription
 *    checkInsertTargets      - INSERT column list -> attribute numbers
 *    transformAssignedExpr   - coerce a value to its target column (42804)
 *
 * Column naming follows PostgreSQL's FigureColnameInternal exactly: a
 * column reference is named by its last field, a function call by its
 * function name, a cast by its type name (as the grammar wrote it, e.g.
 * int4 for ::integer) unless its argument has a better name, CASE by its
 * ELSE result or "case", COALESCE/GREATEST/LEAST/NULLIF/EXISTS/ARRAY by
 * the keyword; anything else is "?column?".
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/relcache.h"
#include "planner/parse_node.h"

/* ---------------------------------------------------------------- naming */

static int
FigureColnameInternal(PgNode *node, char **name)
{
    int         strength = 0;

    if (node == NULL)
        return strength;
    switch (node->node_case)
    {
        case PG_QUERY__NODE__NODE_COLUMN_REF:
            {
                PgQuery__ColumnRef *cref = node->column_ref;
                const char *fname = NULL;

                for (size_t i = 0; i < cref->n_fields; i++)
                    if (pgIsString(cref->fields[i]))
                        fname = pgStrVal(cref->fields[i]);
                if (fname)
                {
                    *name = pstrdup(fname);
                    return 2;
                }
            }
            break;
        case PG_QUERY__NODE__NODE_A_INDIRECTION:
            {
                PgQuery__AIndirection *ind = node->a_indirection;
                const char *fname = NULL;

                for (size_t i = 0; i < ind->n_indirection; i++)
                    if (pgIsString(ind->indirection[i]))
                        fname = pgStrVal(ind->indirection[i]);
                if (fname)
                {
                    *name = pstrdup(fname);
                    return 2;
                }
                return FigureColnameInternal(ind->arg, name);
            }
        case PG_QUERY__NODE__NODE_FUNC_CALL:
            *name = pstrdup(pgStrVal(node->func_call->funcname[node->func_call->n_funcname - 1]));
            return 2;
        case PG_QUERY__NODE__NODE_A_EXPR:
            if (node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_NULLIF)
            {
                *name = "nullif";
                return 2;
            }
            break;
        case PG_QUERY__NODE__NODE_TYPE_CAST:
            strength = FigureColnameInternal(node->type_cast->arg, name);
            if (strength <= 1)
            {
                PgQuery__TypeName *tn = node->type_cast->type_name;

                if (tn && tn->n_names > 0)
                {
                    *name = pstrdup(pgStrVal(tn->names[tn->n_names - 1]));
                    return 1;
                }
            }
            break;
        case PG_QUERY__NODE__NODE_COLLATE_CLAUSE:
            return FigureColnameInternal(node->collate_clause->arg, name);
        case PG_QUERY__NODE__NODE_GROUPING_FUNC:
            *name = "grouping";
            return 2;
        case PG_QUERY__NODE__NODE_SUB_LINK:
            switch (node->sub_link->sub_link_type)
            {
                case PG_QUERY__SUB_LINK_TYPE__EXISTS_SUBLINK:
                    *name = "exists";
                    return 2;
                case PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK:
                    *name = "array";
                    return 2;
                case PG_QUERY__SUB_LINK_TYPE__EXPR_SUBLINK:
                case PG_QUERY__SUB_LINK_TYPE__MULTIEXPR_SUBLINK:
                    {
                        /*
                         * The name of the subquery's single output column,
                         * as PostgreSQL takes it from the analyzed subquery:
                         * its alias, else its own figured name.
                         */
                        PgNode     *sub = node->sub_link->subselect;
                        PgQuery__SelectStmt *sel;

                        if (sub == NULL || sub->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
                            break;
                        sel = sub->select_stmt;
                        while (sel->larg && sel->op != PG_QUERY__SET_OPERATION__SETOP_NONE &&
                               sel->op != PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED)
                            sel = sel->larg;
                        if (sel->n_values_lists > 0)
                        {
                            *name = "column1";
                            return 2;
                        }
                        if (sel->n_target_list > 0)
                        {
                            PgQuery__ResTarget *rt = sel->target_list[0]->res_target;

                            if (rt->name && rt->name[0])
                                *name = pstrdup(rt->name);
                            else if (rt->val && rt->val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
                                     rt->val->column_ref->fields[rt->val->column_ref->n_fields - 1]->node_case ==
                                     PG_QUERY__NODE__NODE_A_STAR)
                                break;
                            else
                                *name = FigureColname(rt->val);
                            return 2;
                        }
                    }
                    break;
                default:
                    break;
            }
            break;
        case PG_QUERY__NODE__NODE_CASE_EXPR:
            strength = FigureColnameInternal(node->case_expr->defresult, name);
            if (strength <= 1)
            {
                *name = "case";
                return 1;
            }
            break;
        case PG_QUERY__NODE__NODE_A_ARRAY_EXPR:
            *name = "array";
            return 2;
        case PG_QUERY__NODE__NODE_ROW_EXPR:
            *name = "row";
            return 2;
        case PG_QUERY__NODE__NODE_COALESCE_EXPR:
            *name = "coalesce";
            return 2;
        case PG_QUERY__NODE__NODE_MIN_MAX_EXPR:
            *name = (node->min_max_expr->op == PG_QUERY__MIN_MAX_OP__IS_GREATEST) ?
                "greatest" : "least";
            return 2;
        case PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION:
            switch (node->sqlvalue_function->op)
            {
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_DATE:
                    *name = "current_date";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIME_N:
                    *name = "current_time";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_TIMESTAMP_N:
                    *name = "current_timestamp";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIME_N:
                    *name = "localtime";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP:
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_LOCALTIMESTAMP_N:
                    *name = "localtimestamp";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_ROLE:
                    *name = "current_role";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_USER:
                    *name = "current_user";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_USER:
                    *name = "user";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_SESSION_USER:
                    *name = "session_user";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_CATALOG:
                    *name = "current_catalog";
                    return 2;
                case PG_QUERY__SQLVALUE_FUNCTION_OP__SVFOP_CURRENT_SCHEMA:
                    *name = "current_schema";
                    return 2;
                default:
                    break;
            }
            break;
        case PG_QUERY__NODE__NODE_XML_EXPR:
        case PG_QUERY__NODE__NODE_XML_SERIALIZE:
            *name = "xmlserialize";
            return 2;
        default:
            break;
    }
    return strength;
}

char *
FigureColname(PgNode *node)
{
    char       *name = NULL;

    (void) FigureColnameInternal(node, &name);
    if (name != NULL)
        return name;
    return "?column?";
}

/* ---------------------------------------------------------------- select lists */

TargetEntry *
transformTargetEntry(ParseState *pstate, PgNode *node, Node *expr, ParseExprKind exprKind,
                     char *colname, bool resjunk)
{
    if (expr == NULL)
        expr = transformExpr(pstate, node, exprKind);
    if (colname == NULL && !resjunk)
        colname = FigureColname(node);
    return makeTargetEntry((Expr *) expr, (int16) pstate->p_next_resno++,
                           colname ? pstrdup(colname) : NULL, resjunk);
}

/*
 * ExpandColumnRefStar
 *    "*" (every visible FROM item) or "t.*" as TargetEntries with resnos
 *    assigned (make_target_entry) or as bare expressions.
 */
List *
ExpandColumnRefStar(ParseState *pstate, PgQuery__ColumnRef *cref, bool make_target_entry)
{
    List       *result = NIL;
    List       *tles = NIL;
    ListCell   *lc;

    if (cref->n_fields == 1)
    {
        bool        found = false;

        foreach(lc, pstate->p_namespace)
        {
            ParseNamespaceItem *nsitem = lfirst(lc);

            if (!nsitem->p_cols_visible || nsitem->p_lateral_only)
                continue;
            found = true;
            tles = list_concat(tles, expandNSItemAttrs(pstate, nsitem, 0, cref->location));
        }
        if (!found)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("SELECT * with no tables specified is not valid"),
                    parser_errposition(pstate, cref->location));
    }
    else
    {
        const char *nspname = NULL;
        const char *relname;
        ParseNamespaceItem *nsitem;
        int         levels_up;
        size_t      n = cref->n_fields;

        if (n > 4)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("improper qualified name (too many dotted names): %s",
                           NameListToString(cref->fields, n)),
                    parser_errposition(pstate, cref->location));
        relname = pgStrVal(cref->fields[n - 2]);
        if (n >= 3)
            nspname = pgStrVal(cref->fields[n - 3]);
        nsitem = refnameNamespaceItem(pstate, nspname, relname, cref->location, &levels_up);
        if (nsitem == NULL)
            errorMissingRTE(pstate, nspname, relname, cref->location);
        tles = expandNSItemAttrs(pstate, nsitem, levels_up, cref->location);
    }

    foreach(lc, tles)
    {
        TargetEntry *tle = lfirst(lc);

        if (make_target_entry)
        {
            tle->resno = (int16) pstate->p_next_resno++;
            result = lappend(result, tle);
        }
        else
            result = lappend(result, tle->expr);
    }
    return result;
}

static bool
is_star_ref(PgNode *val)
{
    return val && val->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
        val->column_ref->fields[val->column_ref->n_fields - 1]->node_case ==
        PG_QUERY__NODE__NODE_A_STAR;
}

static bool
is_indirection_star(PgNode *val)
{
    return val && val->node_case == PG_QUERY__NODE__NODE_A_INDIRECTION &&
        val->a_indirection->n_indirection > 0 &&
        val->a_indirection->indirection[val->a_indirection->n_indirection - 1]->node_case ==
        PG_QUERY__NODE__NODE_A_STAR;
}

/*
 * "(expr).*" in a select list (PostgreSQL's ExpandIndirectionStar): one
 * entry per field of the record, each a field selection of expr (so a
 * function is called once per field, as in PostgreSQL).  Returns
 * TargetEntries (make_target_entry) or bare expressions.
 */
static List *
ExpandIndirectionStar(ParseState *pstate, PgQuery__AIndirection *ind, bool make_target_entry,
                      ParseExprKind exprKind)
{
    PgQuery__AIndirection sub = *ind;
    PgNode      node = PG_QUERY__NODE__INIT;
    Node       *base;
    List       *names;
    List       *result = NIL;
    ListCell   *lc;
    ParseExprKind sv = pstate->p_expr_kind;

    pstate->p_expr_kind = exprKind;
    sub.n_indirection--;
    if (sub.n_indirection == 0)
        base = transformExprRecurse(pstate, ind->arg);
    else
    {
        node.node_case = PG_QUERY__NODE__NODE_A_INDIRECTION;
        node.a_indirection = &sub;
        base = transformExprRecurse(pstate, &node);
    }
    if (exprType(base) != RECORDOID && get_typtype(exprType(base)) != 'c')
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("type %s is not composite", format_type_be(exprType(base))));
    names = record_field_names(pstate, base);
    if (names == NIL && exprType(base) == RECORDOID)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("record type has not been registered"));
    foreach(lc, names)
    {
        char       *name = lfirst(lc);
        Node       *field = ParseFieldSelection(pstate, copyObject(base), name,
                                                exprLocation(base));

        if (make_target_entry)
            result = lappend(result, makeTargetEntry((Expr *) field,
                                                     (int16) pstate->p_next_resno++,
                                                     pstrdup(name), false));
        else
            result = lappend(result, field);
    }
    pstate->p_expr_kind = sv;
    return result;
}

List *
transformTargetList(ParseState *pstate, PgNode **targetlist, size_t n, ParseExprKind exprKind)
{
    List       *p_target = NIL;

    for (size_t i = 0; i < n; i++)
    {
        PgQuery__ResTarget *res = targetlist[i]->res_target;

        if (res->n_indirection > 0)
            parser_not_supported(pstate, "assignment indirection", res->location);
        if (is_star_ref(res->val))
        {
            p_target = list_concat(p_target,
                                   ExpandColumnRefStar(pstate, res->val->column_ref, true));
            continue;
        }
        if (is_indirection_star(res->val))
        {
            p_target = list_concat(p_target,
                                   ExpandIndirectionStar(pstate, res->val->a_indirection, true,
                                                         exprKind));
            continue;
        }
        p_target = lappend(p_target,
                           transformTargetEntry(pstate, res->val, NULL, exprKind,
                                                (res->name && res->name[0]) ? res->name : NULL,
                                                false));
    }
    return p_target;
}

/*
 * transformExpressionList
 *    A VALUES row or similar expression list; DEFAULT (allowDefault) is
 *    returned as a SetToDefault placeholder for the caller to replace.
 */
List *
transformExpressionList(ParseState *pstate, PgNode **exprlist, size_t n,
                        ParseExprKind exprKind, bool allowDefault)
{
    List       *result = NIL;

    for (size_t i = 0; i < n; i++)
    {
        PgNode     *e = exprlist[i];

        if (is_star_ref(e))
        {
            result = list_concat(result, ExpandColumnRefStar(pstate, e->column_ref, false));
            continue;
        }
        if (allowDefault && e->node_case == PG_QUERY__NODE__NODE_SET_TO_DEFAULT)
        {
            SetToDefault *d = makeNode(SetToDefault);

            d->location = e->set_to_default->location;
            result = lappend(result, d);
            continue;
        }
        result = lappend(result, transformExpr(pstate, e, exprKind));
    }
    return result;
}

void
resolveTargetListUnknowns(ParseState *pstate, List *targetlist)
{
    ListCell   *lc;

    foreach(lc, targetlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (exprType((Node *) tle->expr) == UNKNOWNOID)
            tle->expr = (Expr *) coerce_type(pstate, (Node *) tle->expr, UNKNOWNOID, TEXTOID, -1,
                                             COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
    }
}

/* The RTE a Var refers to, looking levelsup query levels up. */
static RangeTblEntry *
var_rte(ParseState *pstate, Var *var)
{
    for (int i = 0; i < var->varlevelsup && pstate; i++)
        pstate = pstate->parentParseState;
    if (pstate == NULL || var->varno <= 0 || var->varno > list_length(pstate->p_rtable))
        return NULL;
    return rt_fetch(var->varno, pstate->p_rtable);
}

void
markTargetListOrigins(ParseState *pstate, List *targetlist)
{
    ListCell   *lc;

    foreach(lc, targetlist)
    {
        TargetEntry *tle = lfirst(lc);
        Var        *var = (Var *) tle->expr;
        RangeTblEntry *rte;

        if (var == NULL || !IsA(var, Var) || var->varattno <= 0)
            continue;
        rte = var_rte(pstate, var);
        if (rte == NULL)
            continue;
        if (rte->rtekind == RTE_RELATION)
        {
            tle->resorigtbl = rte->relid;
            tle->resorigcol = var->varattno;
        }
        else if (rte->rtekind == RTE_SUBQUERY)
        {
            ListCell   *lc2;

            foreach(lc2, rte->subquery->targetList)
            {
                TargetEntry *ste = lfirst(lc2);

                if (ste->resno == var->varattno)
                {
                    tle->resorigtbl = ste->resorigtbl;
                    tle->resorigcol = ste->resorigcol;
                    break;
                }
            }
        }
    }
}

/* ---------------------------------------------------------------- assignment */

/*
 * transformAssignedExpr
 *    Coerce a value for column attrno of the target relation with
 *    assignment rules; 42804 with PostgreSQL's hint if impossible.
 */
Expr *
transformAssignedExpr(ParseState *pstate, Expr *expr, ParseExprKind exprKind,
                      const char *colname, int attrno, int location)
{
    Relation    rd = pstate->p_target_relation;
    Form_pg_attribute att;
    Oid         type_id = exprType((Node *) expr);
    Node       *orig_expr = (Node *) expr;
    ParseExprKind sv = pstate->p_expr_kind;

    if (attrno <= 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot assign to system column \"%s\"", colname),
                parser_errposition(pstate, location));
    att = TupleDescAttr(RelationGetDescr(rd), attrno - 1);
    pstate->p_expr_kind = exprKind;
    expr = (Expr *) coerce_to_target_type(pstate, orig_expr, type_id, att->atttypid,
                                          att->atttypmod, COERCION_ASSIGNMENT,
                                          COERCE_IMPLICIT_CAST, -1);
    if (expr == NULL)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("column \"%s\" is of type %s but expression is of type %s", colname,
                       format_type_be(att->atttypid), format_type_be(type_id)),
                errhint("You will need to rewrite or cast the expression."),
                parser_errposition(pstate, exprLocation(orig_expr)));
    pstate->p_expr_kind = sv;
    return expr;
}

/*
 * checkInsertTargets
 *    The target columns of INSERT: the given list (names checked, no
 *    duplicates) or every live column in order.  Returns the column names;
 *    *attrnos gets their attribute numbers.
 */
List *
checkInsertTargets(ParseState *pstate, PgNode **cols, size_t ncols, List **attrnos)
{
    Relation    rd = pstate->p_target_relation;
    TupleDesc   desc = RelationGetDescr(rd);
    List       *names = NIL;

    *attrnos = NIL;
    if (ncols == 0)
    {
        for (int i = 0; i < desc->natts; i++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, i);

            if (att->attisdropped)
                continue;
            names = lappend(names, pstrdup(NameStr(att->attname)));
            *attrnos = lappend_int(*attrnos, i + 1);
        }
        return names;
    }
    for (size_t i = 0; i < ncols; i++)
    {
        PgQuery__ResTarget *col = cols[i]->res_target;
        int         attrno;

        attrno = attnameAttNum(rd, col->name, false);
        if (attrno == 0)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("column \"%s\" of relation \"%s\" does not exist", col->name,
                           RelationGetRelationName(rd)),
                    parser_errposition(pstate, col->location));
        if (col->n_indirection > 0)
            parser_not_supported(pstate, "assignment to a subscript or field", col->location);
        if (list_member_int(*attrnos, attrno))
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_COLUMN),
                    errmsg("column \"%s\" specified more than once", col->name),
                    parser_errposition(pstate, col->location));
        names = lappend(names, pstrdup(col->name));
        *attrnos = lappend_int(*attrnos, attrno);
    }
    return names;
}
