/*-------------------------------------------------------------------------
 * parse_window.c
 *    Window function calls and window definitions (OVER, WINDOW).
 *
 * Principal entry points:
 *    transformWindowFuncCall    - placement checks (42P20) for one
 *                                 WindowFunc and its winref
 *    transformWindowDefinitions - the query's WindowClause list
 *
 * As in PostgreSQL (parse_agg.c / parse_clause.c), the raw window
 * definitions collect in pstate->p_windowdefs: first those of the WINDOW
 * clause, in order, then one per OVER (...) that is not a bare window
 * name.  A WindowFunc's winref is its definition's 1-based position, and
 * transformWindowDefinitions turns the list into WindowClauses with the
 * same numbering once the select list is known (PARTITION BY and ORDER BY
 * items become target list entries, resjunk if not selected).
 *
 * Departure: PostgreSQL merges OVER clauses that are written identically
 * into one definition here; Basalt keeps one per OVER and the planner
 * gives equal WindowClauses one WindowAgg.  The rows are the same.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"

static bool
find_windowfunc_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, WindowFunc))
    {
        *(int *) context = ((WindowFunc *) node)->location;
        return true;
    }
    if (IsA(node, Query))
        return false;           /* a sub-SELECT's window functions are its own */
    return expression_tree_walker(node, find_windowfunc_walker, context);
}

static const char *
raw_str(const char *s)
{
    return (s && s[0]) ? s : NULL;
}

Node *
transformWindowFuncCall(ParseState *pstate, WindowFunc *wfunc, PgQuery__WindowDef *windef)
{
    const char *err = NULL;
    bool        errkind = false;
    int         loc = -1;

    if (find_windowfunc_walker((Node *) wfunc->args, &loc))
        ereport(ERROR,
                errcode(ERRCODE_WINDOWING_ERROR),
                errmsg("window function calls cannot be nested"),
                parser_errposition(pstate, loc));

    switch (pstate->p_expr_kind)
    {
        case EXPR_KIND_NONE:
        case EXPR_KIND_OTHER:
        case EXPR_KIND_SELECT_TARGET:
        case EXPR_KIND_ORDER_BY:
        case EXPR_KIND_DISTINCT_ON:
            break;
        case EXPR_KIND_JOIN_ON:
        case EXPR_KIND_JOIN_USING:
            err = "window functions are not allowed in JOIN conditions";
            break;
        case EXPR_KIND_FROM_FUNCTION:
            err = "window functions are not allowed in functions in FROM";
            break;
        case EXPR_KIND_WINDOW_PARTITION:
        case EXPR_KIND_WINDOW_ORDER:
            err = "window functions are not allowed in window definitions";
            break;
        case EXPR_KIND_CHECK_CONSTRAINT:
            err = "window functions are not allowed in check constraints";
            break;
        case EXPR_KIND_COLUMN_DEFAULT:
            err = "window functions are not allowed in DEFAULT expressions";
            break;
        case EXPR_KIND_EXECUTE_PARAMETER:
            err = "window functions are not allowed in EXECUTE parameters";
            break;
        case EXPR_KIND_CALL_ARGUMENT:
            err = "window functions are not allowed in CALL arguments";
            break;
        case EXPR_KIND_FROM_SUBSELECT:
        case EXPR_KIND_WHERE:
        case EXPR_KIND_HAVING:
        case EXPR_KIND_FILTER:
        case EXPR_KIND_INSERT_TARGET:
        case EXPR_KIND_UPDATE_SOURCE:
        case EXPR_KIND_UPDATE_TARGET:
        case EXPR_KIND_GROUP_BY:
        case EXPR_KIND_LIMIT:
        case EXPR_KIND_OFFSET:
        case EXPR_KIND_RETURNING:
        case EXPR_KIND_VALUES:
        case EXPR_KIND_VALUES_SINGLE:
            errkind = true;
            break;
    }
    if (err)
        ereport(ERROR,
                errcode(ERRCODE_WINDOWING_ERROR),
                errmsg_internal("%s", err),
                parser_errposition(pstate, wfunc->location));
    if (errkind)
        ereport(ERROR,
                errcode(ERRCODE_WINDOWING_ERROR),
                errmsg("window functions are not allowed in %s",
                       ParseExprKindName(pstate->p_expr_kind)),
                parser_errposition(pstate, wfunc->location));

    if (raw_str(windef->name))
    {
        /* OVER w: the WINDOW clause's definition of that name */
        ListCell   *lc;

        foreach(lc, pstate->p_windowdefs)
        {
            PgQuery__WindowDef *refwin = lfirst(lc);

            if (raw_str(refwin->name) && strcmp(refwin->name, windef->name) == 0)
            {
                wfunc->winref = (int) foreach_current_index(lc) + 1;
                break;
            }
        }
        if (lc == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("window \"%s\" does not exist", windef->name),
                    parser_errposition(pstate, windef->location));
    }
    else
    {
        pstate->p_windowdefs = lappend(pstate->p_windowdefs, windef);
        wfunc->winref = list_length(pstate->p_windowdefs);
    }
    pstate->p_hasWindowFuncs = true;
    return (Node *) wfunc;
}

static WindowClause *
findWindowClause(List *wclist, const char *name)
{
    ListCell   *lc;

    foreach(lc, wclist)
    {
        WindowClause *wc = lfirst(lc);

        if (wc->name && strcmp(wc->name, name) == 0)
            return wc;
    }
    return NULL;
}

static bool
find_var_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, Var) && ((Var *) node)->varlevelsup == 0)
    {
        *(int *) context = ((Var *) node)->location;
        return true;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, find_var_walker, context);
}

/*
 * RANGE offset: pick the in_range function of the sort column's btree
 * opfamily (pg_amproc procnum 3) whose right type takes the offset,
 * preferring the offset's own type (or the column's, for an unknown
 * literal), and coerce the offset to it (PostgreSQL's transformFrameOffset).
 */
static Node *
transformRangeOffset(ParseState *pstate, PgNode *clause, Oid opfamily, Oid opcintype,
                     Oid *inRangeFunc)
{
    static const Oid candidates[] = {INT8OID, INT4OID, INT2OID, NUMERICOID, FLOAT8OID,
                                     FLOAT4OID, INTERVALOID};
    Node       *node = transformExpr(pstate, clause, EXPR_KIND_WINDOW_ORDER);
    Oid         nodeType = exprType(node);
    Oid         preferredType = (nodeType != UNKNOWNOID) ? nodeType : opcintype;
    Oid         selectedType = InvalidOid;
    Oid         selectedFunc = InvalidOid;
    int         nfuncs = 0, nmatches = 0;
    int         varloc = -1;

    for (int i = -1; i < (int) lengthof(candidates); i++)
    {
        Oid         righttype = i < 0 ? preferredType : candidates[i];
        Oid         proc;

        if (i >= 0 && righttype == preferredType)
            continue;
        proc = get_opfamily_proc(opfamily, opcintype, righttype, 3);
        if (!OidIsValid(proc))
            continue;
        nfuncs++;
        if (!can_coerce_type(1, &nodeType, &righttype, COERCION_IMPLICIT))
            continue;
        nmatches++;
        if (!OidIsValid(selectedType))
        {
            selectedType = righttype;
            selectedFunc = proc;
        }
    }
    if (nfuncs == 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s",
                       format_type_be(opcintype)),
                parser_errposition(pstate, exprLocation(node)));
    if (nmatches == 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("RANGE with offset PRECEDING/FOLLOWING is not supported for column type %s and offset type %s",
                       format_type_be(opcintype), format_type_be(nodeType)),
                errhint("Cast the offset value to an appropriate type."),
                parser_errposition(pstate, exprLocation(node)));
    if (nmatches != 1 && selectedType != preferredType)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("RANGE with offset PRECEDING/FOLLOWING has multiple interpretations for column type %s and offset type %s",
                       format_type_be(opcintype), format_type_be(nodeType)),
                errhint("Cast the offset value to the exact intended type."),
                parser_errposition(pstate, exprLocation(node)));
    node = coerce_to_specific_type(pstate, node, selectedType, "RANGE");
    if (find_var_walker(node, &varloc))
        ereport(ERROR,
                errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                errmsg("argument of %s must not contain variables", "RANGE"),
                parser_errposition(pstate, varloc));
    *inRangeFunc = selectedFunc;
    return node;
}

static bool
find_aggref_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, Aggref) && ((Aggref *) node)->agglevelsup == 0)
    {
        *(int *) context = ((Aggref *) node)->location;
        return true;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, find_aggref_walker, context);
}

/*
 * A frame offset.  It is analyzed as a window-definition expression, so a
 * window function in it meets PostgreSQL's "not allowed in window
 * definitions"; aggregates get PostgreSQL's "not allowed in window ROWS".
 */
static Node *
transformFrameOffset(ParseState *pstate, WindowClause *wc, PgNode *clause, Oid opfamily,
                     Oid opcintype, Oid *inRangeFunc)
{
    const char *what;
    Node       *node;
    int         aggloc = -1;

    if (clause == NULL)
        return NULL;
    if (wc->frameOptions & FRAMEOPTION_ROWS)
        node = transformLimitClause(pstate, clause, EXPR_KIND_WINDOW_ORDER, what = "ROWS");
    else if (wc->frameOptions & FRAMEOPTION_GROUPS)
        node = transformLimitClause(pstate, clause, EXPR_KIND_WINDOW_ORDER, what = "GROUPS");
    else
    {
        what = "RANGE";
        node = transformRangeOffset(pstate, clause, opfamily, opcintype, inRangeFunc);
    }
    if (find_aggref_walker(node, &aggloc))
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate functions are not allowed in window %s", what),
                parser_errposition(pstate, aggloc));
    return node;
}

List *
transformWindowDefinitions(ParseState *pstate, List *windowdefs, List **targetlist)
{
    List       *result = NIL;
    uint32      winref = 0;
    ListCell   *lc;

    foreach(lc, windowdefs)
    {
        PgQuery__WindowDef *windef = lfirst(lc);
        const char *name = raw_str(windef->name);
        const char *refname = raw_str(windef->refname);
        WindowClause *refwc = NULL;
        WindowClause *wc;
        List       *orderClause;
        List       *partitionClause;
        Oid         rangeopfamily = InvalidOid;
        Oid         rangeopcintype = InvalidOid;

        winref++;
        if (name && findWindowClause(result, name) != NULL)
            ereport(ERROR,
                    errcode(ERRCODE_WINDOWING_ERROR),
                    errmsg("window \"%s\" is already defined", name),
                    parser_errposition(pstate, windef->location));
        if (refname)
        {
            refwc = findWindowClause(result, refname);
            if (refwc == NULL)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("window \"%s\" does not exist", refname),
                        parser_errposition(pstate, windef->location));
        }

        orderClause = transformSortClause(pstate, windef->order_clause, windef->n_order_clause,
                                          targetlist, EXPR_KIND_WINDOW_ORDER, true);
        partitionClause = transformGroupClause(pstate, windef->partition_clause,
                                               windef->n_partition_clause, NULL, targetlist,
                                               orderClause, EXPR_KIND_WINDOW_PARTITION, true);

        wc = makeNode(WindowClause);
        wc->name = name ? pstrdup(name) : NULL;
        wc->refname = refname ? pstrdup(refname) : NULL;
        if (refwc)
        {
            if (partitionClause)
                ereport(ERROR,
                        errcode(ERRCODE_WINDOWING_ERROR),
                        errmsg("cannot override PARTITION BY clause of window \"%s\"", refname),
                        parser_errposition(pstate, windef->location));
            wc->partitionClause = copyObject(refwc->partitionClause);
            if (orderClause && refwc->orderClause)
                ereport(ERROR,
                        errcode(ERRCODE_WINDOWING_ERROR),
                        errmsg("cannot override ORDER BY clause of window \"%s\"", refname),
                        parser_errposition(pstate, windef->location));
            wc->orderClause = orderClause ? orderClause : copyObject(refwc->orderClause);
            if (refwc->frameOptions != FRAMEOPTION_DEFAULTS)
            {
                if (name || orderClause || windef->frame_options != FRAMEOPTION_DEFAULTS)
                    ereport(ERROR,
                            errcode(ERRCODE_WINDOWING_ERROR),
                            errmsg("cannot copy window \"%s\" because it has a frame clause",
                                   refname),
                            parser_errposition(pstate, windef->location));
                ereport(ERROR,
                        errcode(ERRCODE_WINDOWING_ERROR),
                        errmsg("cannot copy window \"%s\" because it has a frame clause",
                               refname),
                        errhint("Omit the parentheses in this OVER clause."),
                        parser_errposition(pstate, windef->location));
            }
        }
        else
        {
            wc->partitionClause = partitionClause;
            wc->orderClause = orderClause;
        }
        wc->frameOptions = windef->frame_options;

        if ((wc->frameOptions & FRAMEOPTION_RANGE) &&
            (wc->frameOptions & (FRAMEOPTION_START_OFFSET | FRAMEOPTION_END_OFFSET)))
        {
            SortGroupClause *sortcl;
            Node       *sortkey;
            int16       strategy;
            const OperInfo *op;

            if (list_length(wc->orderClause) != 1)
                ereport(ERROR,
                        errcode(ERRCODE_WINDOWING_ERROR),
                        errmsg("RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column"),
                        parser_errposition(pstate, windef->location));
            sortcl = linitial(wc->orderClause);
            sortkey = (Node *) get_sortgroupclause_tle(sortcl, *targetlist)->expr;
            op = lookup_operator(sortcl->sortop);
            if (op == NULL ||
                !get_op_btree_interpretation(sortcl->sortop, &rangeopfamily, &strategy))
                elog(ERROR, "operator %u is not a valid ordering operator", sortcl->sortop);
            rangeopcintype = op->oprleft;
            wc->inRangeColl = exprCollation(sortkey);
            wc->inRangeAsc = (strategy == BTLessStrategyNumber);
            wc->inRangeNullsFirst = sortcl->nulls_first;
        }
        if ((wc->frameOptions & FRAMEOPTION_GROUPS) && wc->orderClause == NIL)
            ereport(ERROR,
                    errcode(ERRCODE_WINDOWING_ERROR),
                    errmsg("GROUPS mode requires an ORDER BY clause"),
                    parser_errposition(pstate, windef->location));

        wc->startOffset = transformFrameOffset(pstate, wc, windef->start_offset, rangeopfamily,
                                               rangeopcintype, &wc->startInRangeFunc);
        wc->endOffset = transformFrameOffset(pstate, wc, windef->end_offset, rangeopfamily,
                                             rangeopcintype, &wc->endInRangeFunc);
        wc->winref = winref;
        result = lappend(result, wc);
    }
    return result;
}
