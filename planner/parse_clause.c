/*-------------------------------------------------------------------------
 * parse_clause.c
 *    FROM, WHERE, ORDER BY, GROUP BY, DISTINCT and LIMIT clauses.
 *
 * Principal entry points:
 *    transformFromClause   - FROM items into the range table, join tree and
 *                            name space (relations, sub-SELECTs, JOINs with
 *                            ON/USING/NATURAL, scalar functions)
 *    setTargetTable        - the INSERT/UPDATE/DELETE target relation
 *    transformWhereClause, transformLimitClause
 *    transformSortClause, transformGroupClause, transformDistinctClause,
 *    transformDistinctOnClause
 *
 * ORDER BY / GROUP BY / DISTINCT items refer to target list entries by
 * ressortgroupref (SortGroupClause.tleSortGroupRef); an item that is not
 * in the select list is added as a resjunk entry.  Item matching follows
 * PostgreSQL: an output column number, an output column name (for GROUP
 * BY only if no input column has that name), else an expression (SQL99),
 * matched against existing entries with equal().  Sort and equality
 * operators come from the type's default btree opclass (typcache).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "planner/parse_node.h"

#define ACL_INSERT (1 << 0)
#define ACL_DELETE (1 << 3)

/* The location of a raw expression: PostgreSQL's exprLocation on raw nodes. */
static int
raw_location(PgNode *n)
{
    if (n == NULL)
        return -1;
    switch (n->node_case)
    {
        case PG_QUERY__NODE__NODE_COLUMN_REF:
            return n->column_ref->location;
        case PG_QUERY__NODE__NODE_A_CONST:
            return n->a_const->location;
        case PG_QUERY__NODE__NODE_PARAM_REF:
            return n->param_ref->location;
        case PG_QUERY__NODE__NODE_FUNC_CALL:
            return n->func_call->location;
        case PG_QUERY__NODE__NODE_A_EXPR:
            {
                int         l = raw_location(n->a_expr->lexpr);
                int         loc = n->a_expr->location;

                return (l >= 0 && (loc < 0 || l < loc)) ? l : loc;
            }
        case PG_QUERY__NODE__NODE_TYPE_CAST:
            {
                int         l = raw_location(n->type_cast->arg);
                int         loc = n->type_cast->location;

                return (l >= 0 && (loc < 0 || l < loc)) ? l : loc;
            }
        case PG_QUERY__NODE__NODE_BOOL_EXPR:
            return n->bool_expr->location;
        case PG_QUERY__NODE__NODE_CASE_EXPR:
            return n->case_expr->location;
        case PG_QUERY__NODE__NODE_COALESCE_EXPR:
            return n->coalesce_expr->location;
        case PG_QUERY__NODE__NODE_NULL_TEST:
            return n->null_test->location;
        case PG_QUERY__NODE__NODE_SUB_LINK:
            return n->sub_link->location;
        default:
            return -1;
    }
}

/* ---------------------------------------------------------------- FROM */

static void
setNamespaceLateralState(List *namespace, bool lateral_only, bool lateral_ok)
{
    ListCell   *lc;

    foreach(lc, namespace)
    {
        ParseNamespaceItem *nsitem = lfirst(lc);

        nsitem->p_lateral_only = lateral_only;
        nsitem->p_lateral_ok = lateral_ok;
    }
}

static void
setNamespaceColumnVisibility(List *namespace, bool cols_visible)
{
    ListCell   *lc;

    foreach(lc, namespace)
        ((ParseNamespaceItem *) lfirst(lc))->p_cols_visible = cols_visible;
}

static RangeTblRef *
makeRangeTblRef(int rtindex)
{
    RangeTblRef *rtr = makeNode(RangeTblRef);

    rtr->rtindex = rtindex;
    return rtr;
}

static Node *transformFromClauseItem(ParseState *pstate, PgNode *n,
                                     ParseNamespaceItem **top_nsitem, List **namespace);

static Node *
transformRangeSubselect(ParseState *pstate, PgQuery__RangeSubselect *r,
                        ParseNamespaceItem **nsitem)
{
    Query      *query;

    if (r->alias == NULL)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("subquery in FROM must have an alias"),
                errhint("For example, FROM (SELECT ...) [AS] foo."));
    pstate->p_expr_kind = EXPR_KIND_FROM_SUBSELECT;
    pstate->p_lateral_active = r->lateral;
    query = parse_sub_analyze(r->subquery, pstate, NULL, false, true);
    pstate->p_lateral_active = false;
    pstate->p_expr_kind = EXPR_KIND_NONE;
    if (query->commandType != CMD_SELECT)
        elog(ERROR, "unexpected non-SELECT command in subquery in FROM");
    *nsitem = addRangeTableEntryForSubquery(pstate, query, r->alias, r->lateral, true);
    return (Node *) makeRangeTblRef((*nsitem)->p_rtindex);
}

static Node *
transformRangeFunction(ParseState *pstate, PgQuery__RangeFunction *r,
                       ParseNamespaceItem **nsitem)
{
    /* parse_relation.c: ROWS FROM, WITH ORDINALITY, column definition lists */
    *nsitem = transformRangeFunctionItems(pstate, r);
    return (Node *) makeRangeTblRef((*nsitem)->p_rtindex);
}

static Node *
buildMergedJoinVar(ParseState *pstate, JoinType jointype, Node *l_colvar, Node *r_colvar)
{
    Oid         outcoltype = exprType(l_colvar);
    int32       outcoltypmod = exprTypmod(l_colvar);
    Node       *l_node,
               *r_node;

    if (outcoltype != exprType(r_colvar))
    {
        outcoltype = select_common_type(pstate, list_make2(l_colvar, r_colvar), "JOIN/USING",
                                        NULL);
        outcoltypmod = -1;
    }
    else if (outcoltypmod != exprTypmod(r_colvar))
        outcoltypmod = -1;

    if (exprType(l_colvar) != outcoltype)
        l_node = coerce_type(pstate, l_colvar, exprType(l_colvar), outcoltype, outcoltypmod,
                             COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
    else if (exprTypmod(l_colvar) != outcoltypmod)
        l_node = (Node *) makeRelabelType((Expr *) l_colvar, outcoltype, outcoltypmod,
                                          exprCollation(l_colvar), COERCE_IMPLICIT_CAST);
    else
        l_node = l_colvar;
    if (exprType(r_colvar) != outcoltype)
        r_node = coerce_type(pstate, r_colvar, exprType(r_colvar), outcoltype, outcoltypmod,
                             COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
    else if (exprTypmod(r_colvar) != outcoltypmod)
        r_node = (Node *) makeRelabelType((Expr *) r_colvar, outcoltype, outcoltypmod,
                                          exprCollation(r_colvar), COERCE_IMPLICIT_CAST);
    else
        r_node = r_colvar;

    switch (jointype)
    {
        case JOIN_INNER:
            if (IsA(l_node, Var))
                return l_node;
            if (IsA(r_node, Var))
                return r_node;
            return l_node;
        case JOIN_LEFT:
            return l_node;
        case JOIN_RIGHT:
            return r_node;
        default:
            {
                CoalesceExpr *c = makeNode(CoalesceExpr);

                c->coalescetype = outcoltype;
                c->coalescecollid = result_collation(outcoltype);
                c->args = list_make2(l_node, r_node);
                c->location = -1;
                return (Node *) c;
            }
    }
}

static JoinType
join_type_from_raw(PgQuery__JoinType jt)
{
    switch (jt)
    {
        case PG_QUERY__JOIN_TYPE__JOIN_LEFT:
            return JOIN_LEFT;
        case PG_QUERY__JOIN_TYPE__JOIN_FULL:
            return JOIN_FULL;
        case PG_QUERY__JOIN_TYPE__JOIN_RIGHT:
            return JOIN_RIGHT;
        default:
            return JOIN_INNER;
    }
}

static Node *
transformJoin(ParseState *pstate, PgQuery__JoinExpr *rj, ParseNamespaceItem **top_nsitem,
              List **namespace)
{
    JoinExpr   *j = makeNode(JoinExpr);
    ParseNamespaceItem *l_nsitem,
               *r_nsitem,
               *jnsitem;
    List       *l_namespace,
               *r_namespace,
               *my_namespace;
    List       *l_colnames,
               *l_colvars,
               *r_colnames,
               *r_colvars;
    List       *res_colnames = NIL,
               *res_colvars = NIL;
    List       *l_used = NIL,
               *r_used = NIL;
    List       *using_names = NIL;
    int         sv_namespace_length;
    bool        lateral_ok;
    ListCell   *lc;

    j->jointype = join_type_from_raw(rj->jointype);
    j->isNatural = rj->is_natural;
    if (rj->join_using_alias)
        parser_not_supported(pstate, "JOIN USING ... AS", -1);

    j->larg = transformFromClauseItem(pstate, rj->larg, &l_nsitem, &l_namespace);
    lateral_ok = (j->jointype == JOIN_INNER || j->jointype == JOIN_LEFT);
    setNamespaceLateralState(l_namespace, true, lateral_ok);
    sv_namespace_length = list_length(pstate->p_namespace);
    pstate->p_namespace = list_concat(pstate->p_namespace, l_namespace);
    j->rarg = transformFromClauseItem(pstate, rj->rarg, &r_nsitem, &r_namespace);
    pstate->p_namespace = list_truncate(pstate->p_namespace, sv_namespace_length);
    checkNameSpaceConflicts(pstate, l_namespace, r_namespace);
    my_namespace = list_concat(list_copy(l_namespace), r_namespace);

    expandRTE(l_nsitem->p_rte, l_nsitem->p_rtindex, 0, -1, true, &l_colnames, &l_colvars);
    expandRTE(r_nsitem->p_rte, r_nsitem->p_rtindex, 0, -1, true, &r_colnames, &r_colvars);

    if (rj->is_natural)
    {
        foreach(lc, l_colnames)
        {
            const char *l_colname = lfirst(lc);
            ListCell   *rc;

            if (l_colname[0] == '\0')
                continue;
            foreach(rc, r_colnames)
            {
                if (strcmp(l_colname, (const char *) lfirst(rc)) == 0)
                {
                    using_names = lappend(using_names, pstrdup(l_colname));
                    break;
                }
            }
        }
    }
    else
    {
        for (size_t i = 0; i < rj->n_using_clause; i++)
            using_names = lappend(using_names, pstrdup(pgStrVal(rj->using_clause[i])));
    }
    j->usingClause = using_names;

    if (using_names != NIL)
    {
        List       *quals = NIL;

        foreach(lc, using_names)
        {
            const char *u_colname = lfirst(lc);
            int         l_index = -1,
                        r_index = -1;
            ListCell   *col;
            Node       *l_var,
                       *r_var,
                       *eq;

            foreach(col, res_colnames)
                if (strcmp((const char *) lfirst(col), u_colname) == 0)
                    ereport(ERROR,
                            errcode(ERRCODE_DUPLICATE_COLUMN),
                            errmsg("column name \"%s\" appears more than once in USING clause",
                                   u_colname));
            foreach(col, l_colnames)
            {
                if (strcmp((const char *) lfirst(col), u_colname) == 0)
                {
                    if (l_index >= 0)
                        ereport(ERROR,
                                errcode(ERRCODE_AMBIGUOUS_COLUMN),
                                errmsg("common column name \"%s\" appears more than once in left table",
                                       u_colname));
                    l_index = foreach_current_index(col);
                }
            }
            if (l_index < 0)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_COLUMN),
                        errmsg("column \"%s\" specified in USING clause does not exist in left table",
                               u_colname));
            foreach(col, r_colnames)
            {
                if (strcmp((const char *) lfirst(col), u_colname) == 0)
                {
                    if (r_index >= 0)
                        ereport(ERROR,
                                errcode(ERRCODE_AMBIGUOUS_COLUMN),
                                errmsg("common column name \"%s\" appears more than once in right table",
                                       u_colname));
                    r_index = foreach_current_index(col);
                }
            }
            if (r_index < 0)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_COLUMN),
                        errmsg("column \"%s\" specified in USING clause does not exist in right table",
                               u_colname));
            l_used = lappend_int(l_used, l_index);
            r_used = lappend_int(r_used, r_index);
            l_var = list_nth(l_colvars, l_index);
            r_var = list_nth(r_colvars, r_index);
            eq = (Node *) make_op_by_name(pstate, "=", copyObject(l_var), copyObject(r_var), -1);
            quals = lappend(quals, coerce_to_boolean(pstate, eq, "JOIN/USING"));
            res_colnames = lappend(res_colnames, pstrdup(u_colname));
            res_colvars = lappend(res_colvars,
                                  buildMergedJoinVar(pstate, j->jointype, copyObject(l_var),
                                                     copyObject(r_var)));
        }
        j->quals = list_length(quals) == 1 ? linitial(quals) :
            (Node *) makeBoolExpr(AND_EXPR, quals, -1);
    }
    else if (rj->quals)
    {
        List       *save_namespace = pstate->p_namespace;

        setNamespaceLateralState(my_namespace, false, true);
        pstate->p_namespace = my_namespace;
        j->quals = transformWhereClause(pstate, rj->quals, EXPR_KIND_JOIN_ON, "JOIN/ON");
        pstate->p_namespace = save_namespace;
    }

    /* the remaining columns of each side, in order */
    foreach(lc, l_colnames)
    {
        int         i = foreach_current_index(lc);

        if (((const char *) lfirst(lc))[0] == '\0' || list_member_int(l_used, i))
            continue;
        res_colnames = lappend(res_colnames, pstrdup(lfirst(lc)));
        res_colvars = lappend(res_colvars, list_nth(l_colvars, i));
    }
    foreach(lc, r_colnames)
    {
        int         i = foreach_current_index(lc);

        if (((const char *) lfirst(lc))[0] == '\0' || list_member_int(r_used, i))
            continue;
        res_colnames = lappend(res_colnames, pstrdup(lfirst(lc)));
        res_colvars = lappend(res_colvars, list_nth(r_colvars, i));
    }

    jnsitem = addRangeTableEntryForJoin(pstate, res_colnames, j->jointype, res_colvars,
                                        rj->alias, true);
    j->rtindex = jnsitem->p_rtindex;
    if (rj->alias)
    {
        List       *colnames = NIL;

        for (size_t i = 0; i < rj->alias->n_colnames; i++)
            colnames = lappend(colnames, pstrdup(pgStrVal(rj->alias->colnames[i])));
        j->alias = makeAlias(rj->alias->aliasname, colnames);
    }

    if (rj->alias == NULL)
        setNamespaceColumnVisibility(my_namespace, false);
    else
        my_namespace = NIL;
    jnsitem->p_rel_visible = (rj->alias != NULL);
    jnsitem->p_cols_visible = true;
    jnsitem->p_lateral_only = false;
    jnsitem->p_lateral_ok = true;
    *top_nsitem = jnsitem;
    *namespace = lappend(my_namespace, jnsitem);
    return (Node *) j;
}

static Node *
transformFromClauseItem(ParseState *pstate, PgNode *n, ParseNamespaceItem **top_nsitem,
                        List **namespace)
{
    ParseNamespaceItem *nsitem = NULL;
    Node       *result;

    switch (n->node_case)
    {
        case PG_QUERY__NODE__NODE_RANGE_VAR:
            {
                PgQuery__RangeVar *rv = n->range_var;
                CommonTableExpr *cte = NULL;
                int         levelsup;

                if (rv->schemaname == NULL || rv->schemaname[0] == '\0')
                    cte = scanNameSpaceForCTE(pstate, rv->relname, &levelsup);
                if (cte)
                    nsitem = addRangeTableEntryForCTE(pstate, cte, levelsup, rv, true);
                else
                    nsitem = addRangeTableEntry(pstate, rv, rv->alias, AccessShareLock, true);
                result = (Node *) makeRangeTblRef(nsitem->p_rtindex);
            }
            break;
        case PG_QUERY__NODE__NODE_RANGE_SUBSELECT:
            result = transformRangeSubselect(pstate, n->range_subselect, &nsitem);
            break;
        case PG_QUERY__NODE__NODE_RANGE_FUNCTION:
            result = transformRangeFunction(pstate, n->range_function, &nsitem);
            break;
        case PG_QUERY__NODE__NODE_JOIN_EXPR:
            return transformJoin(pstate, n->join_expr, top_nsitem, namespace);
        case PG_QUERY__NODE__NODE_RANGE_TABLE_SAMPLE:
            parser_not_supported(pstate, "TABLESAMPLE", -1);
            break;
        default:
            parser_not_supported(pstate, "this kind of FROM item", -1);
    }
    *top_nsitem = nsitem;
    *namespace = list_make1(nsitem);
    return result;
}

void
transformFromClause(ParseState *pstate, PgNode **items, size_t nitems)
{
    for (size_t i = 0; i < nitems; i++)
    {
        ParseNamespaceItem *nsitem;
        List       *namespace;
        Node       *n;

        n = transformFromClauseItem(pstate, items[i], &nsitem, &namespace);
        checkNameSpaceConflicts(pstate, pstate->p_namespace, namespace);
        setNamespaceLateralState(namespace, true, true);
        pstate->p_joinlist = lappend(pstate->p_joinlist, n);
        pstate->p_namespace = list_concat(pstate->p_namespace, namespace);
    }
    setNamespaceLateralState(pstate->p_namespace, false, true);
}

/*
 * setTargetTable
 *    Open and lock (RowExclusiveLock) the target of INSERT/UPDATE/DELETE
 *    and add its RTE; for UPDATE/DELETE (alsoSource) it is also the FROM
 *    item the WHERE clause sees.  The relation stays open in
 *    pstate->p_target_relation until analysis ends.
 */
int
setTargetTable(ParseState *pstate, PgQuery__RangeVar *relation, bool inh, bool alsoSource,
               int requiredPerms)
{
    ParseCallbackState pcbstate;
    const char *schemaname = relation->schemaname && relation->schemaname[0] ?
        relation->schemaname : NULL;
    Oid         relid;
    Relation    rel;
    ParseNamespaceItem *nsitem;

    setup_parser_errposition_callback(&pcbstate, pstate, relation->location);
    relid = RangeVarGetRelidExtended(schemaname, relation->relname, RowExclusiveLock, true);
    if (!OidIsValid(relid))
    {
        if (schemaname)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("relation \"%s.%s\" does not exist", schemaname, relation->relname));
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("relation \"%s\" does not exist", relation->relname));
    }
    rel = table_open(relid, NoLock);
    cancel_parser_errposition_callback(&pcbstate);
    /* an automatically updatable view is the target until parse_view.c's rewriteTargetView */
    if (rel->relkind != RELKIND_RELATION &&
        !(rel->relkind == RELKIND_VIEW && view_not_updatable_detail(rel) == NULL))
    {
        char        relkind = rel->relkind;
        bool        isview = (relkind == RELKIND_VIEW);

        if (isview)
        {
            /* PostgreSQL's rewriter: error_view_not_updatable */
            const char *detail = view_not_updatable_detail(rel);
            bool        ins = requiredPerms == ACL_INSERT;
            bool        del = alsoSource && requiredPerms == ACL_DELETE;

            table_close(rel, NoLock);
            if (detail == NULL)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("automatically updatable views are not supported yet"),
                        parser_errposition(pstate, relation->location));
            ereport(ERROR,
                    errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("cannot %s view \"%s\"",
                           ins ? "insert into" : del ? "delete from" : "update",
                           relation->relname),
                    errdetail("%s", detail),
                    errhint("To enable %s the view, provide an INSTEAD OF %s trigger or an unconditional ON %s DO INSTEAD rule.",
                            ins ? "inserting into" : del ? "deleting from" : "updating",
                            ins ? "INSERT" : del ? "DELETE" : "UPDATE",
                            ins ? "INSERT" : del ? "DELETE" : "UPDATE"));
        }
        table_close(rel, NoLock);
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("cannot change %s \"%s\"",
                       relkind == RELKIND_SEQUENCE ? "sequence" : "relation",
                       relation->relname));
    }
    pstate->p_target_relation = rel;
    nsitem = addRangeTableEntryForRelation(pstate, rel, RowExclusiveLock, relation->alias, false);
    nsitem->p_rte->inh = inh;
    nsitem->p_rte->requiredPerms = requiredPerms;
    pstate->p_target_rte = nsitem->p_rte;
    pstate->p_target_rtindex = nsitem->p_rtindex;
    if (alsoSource)
    {
        nsitem->p_rte->inFromCl = true;
        pstate->p_joinlist = lappend(pstate->p_joinlist, makeRangeTblRef(nsitem->p_rtindex));
        pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
    }
    return nsitem->p_rtindex;
}

/* ---------------------------------------------------------------- WHERE, LIMIT */

Node *
transformWhereClause(ParseState *pstate, PgNode *clause, ParseExprKind exprKind,
                     const char *constructName)
{
    Node       *qual;

    if (clause == NULL)
        return NULL;
    qual = transformExpr(pstate, clause, exprKind);
    return coerce_to_boolean(pstate, qual, constructName);
}

static bool
find_var_of_level0(Node *node, void *context)
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
    return expression_tree_walker(node, find_var_of_level0, context);
}

Node *
transformLimitClause(ParseState *pstate, PgNode *clause, ParseExprKind exprKind,
                     const char *constructName)
{
    Node       *qual;
    int         varloc = -1;

    if (clause == NULL)
        return NULL;
    qual = transformExpr(pstate, clause, exprKind);
    qual = coerce_to_specific_type(pstate, qual, INT8OID, constructName);
    if (find_var_of_level0(qual, &varloc))
        ereport(ERROR,
                errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                errmsg("argument of %s must not contain variables", constructName),
                parser_errposition(pstate, varloc));
    return qual;
}

/* ---------------------------------------------------------------- sort/group items */

uint32
assignSortGroupRef(TargetEntry *tle, List *tlist)
{
    uint32      maxRef = 0;
    ListCell   *lc;

    if (tle->ressortgroupref)
        return tle->ressortgroupref;
    foreach(lc, tlist)
    {
        uint32      ref = ((TargetEntry *) lfirst(lc))->ressortgroupref;

        if (ref > maxRef)
            maxRef = ref;
    }
    tle->ressortgroupref = maxRef + 1;
    return tle->ressortgroupref;
}

bool
targetIsInSortList(TargetEntry *tle, Oid sortop, List *sortList)
{
    uint32      ref = tle->ressortgroupref;
    ListCell   *lc;

    if (ref == 0)
        return false;
    foreach(lc, sortList)
    {
        SortGroupClause *scl = lfirst(lc);

        if (scl->tleSortGroupRef == ref &&
            (sortop == InvalidOid || sortop == scl->sortop ||
             sortop == get_commutator(scl->sortop)))
            return true;
    }
    return false;
}

TargetEntry *
get_sortgroupref_tle(uint32 sortref, List *targetList)
{
    ListCell   *lc;

    foreach(lc, targetList)
    {
        TargetEntry *tle = lfirst(lc);

        if (tle->ressortgroupref == sortref)
            return tle;
    }
    elog(ERROR, "ORDER/GROUP BY expression not found in targetlist");
    return NULL;
}

TargetEntry *
get_sortgroupclause_tle(SortGroupClause *sgClause, List *targetList)
{
    return get_sortgroupref_tle(sgClause->tleSortGroupRef, targetList);
}

/* GROUP BY items must not contain aggregates (checkTargetlistEntrySQL92). */
static void
checkTargetlistEntrySQL92(ParseState *pstate, TargetEntry *tle, ParseExprKind exprKind)
{
    if (exprKind == EXPR_KIND_GROUP_BY && pstate->p_hasAggs &&
        contain_aggs_of_level((Node *) tle->expr, 0))
        ereport(ERROR,
                errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate functions are not allowed in %s", ParseExprKindName(exprKind)),
                parser_errposition(pstate, exprLocation((Node *) tle->expr)));
}

static TargetEntry *
findTargetlistEntrySQL99(ParseState *pstate, PgNode *node, List **tlist,
                         ParseExprKind exprKind)
{
    Node       *expr = transformExpr(pstate, node, exprKind);
    ListCell   *lc;
    TargetEntry *tle;

    foreach(lc, *tlist)
    {
        TargetEntry *t = lfirst(lc);

        if (equal(expr, strip_implicit_coercions((Node *) t->expr)))
            return t;
    }
    tle = transformTargetEntry(pstate, node, expr, exprKind, NULL, true);
    *tlist = lappend(*tlist, tle);
    return tle;
}

static TargetEntry *
findTargetlistEntrySQL92(ParseState *pstate, PgNode *node, List **tlist,
                         ParseExprKind exprKind)
{
    ListCell   *lc;

    if (node->node_case == PG_QUERY__NODE__NODE_COLUMN_REF &&
        node->column_ref->n_fields == 1 && pgIsString(node->column_ref->fields[0]))
    {
        const char *name = pgStrVal(node->column_ref->fields[0]);
        int         location = node->column_ref->location;

        if (exprKind == EXPR_KIND_GROUP_BY &&
            colNameToVar(pstate, name, true, location) != NULL)
            name = NULL;
        if (name != NULL)
        {
            TargetEntry *target_result = NULL;

            foreach(lc, *tlist)
            {
                TargetEntry *tle = lfirst(lc);

                if (!tle->resjunk && tle->resname && strcmp(tle->resname, name) == 0)
                {
                    if (target_result != NULL)
                    {
                        if (!equal(target_result->expr, tle->expr))
                            ereport(ERROR,
                                    errcode(ERRCODE_AMBIGUOUS_COLUMN),
                                    errmsg("%s \"%s\" is ambiguous",
                                           ParseExprKindName(exprKind), name),
                                    parser_errposition(pstate, location));
                    }
                    else
                        target_result = tle;
                }
            }
            if (target_result != NULL)
            {
                checkTargetlistEntrySQL92(pstate, target_result, exprKind);
                return target_result;
            }
        }
    }
    if (node->node_case == PG_QUERY__NODE__NODE_A_CONST)
    {
        PgQuery__AConst *aconst = node->a_const;
        int         targetlist_pos = 0;
        int         target_pos;

        if (aconst->isnull || aconst->val_case != PG_QUERY__A__CONST__VAL_IVAL)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("non-integer constant in %s", ParseExprKindName(exprKind)),
                    parser_errposition(pstate, aconst->location));
        target_pos = aconst->ival->ival;
        foreach(lc, *tlist)
        {
            TargetEntry *tle = lfirst(lc);

            if (!tle->resjunk && ++targetlist_pos == target_pos)
            {
                checkTargetlistEntrySQL92(pstate, tle, exprKind);
                return tle;
            }
        }
        ereport(ERROR,
                errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                errmsg("%s position %d is not in select list", ParseExprKindName(exprKind),
                       target_pos),
                parser_errposition(pstate, aconst->location));
    }
    return findTargetlistEntrySQL99(pstate, node, tlist, exprKind);
}

List *
addTargetToSortList(ParseState *pstate, TargetEntry *tle, List *sortlist, List *targetlist,
                    PgQuery__SortBy *sortby)
{
    Oid         restype = exprType((Node *) tle->expr);
    Oid         sortop = InvalidOid;
    Oid         eqop = InvalidOid;
    bool        hashable = false;
    bool        reverse = false;
    int         location;
    ParseCallbackState pcbstate;

    if (restype == UNKNOWNOID)
    {
        tle->expr = (Expr *) coerce_type(pstate, (Node *) tle->expr, restype, TEXTOID, -1,
                                         COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
        restype = TEXTOID;
    }
    location = sortby->location;
    if (location < 0)
        location = raw_location(sortby->node);
    setup_parser_errposition_callback(&pcbstate, pstate, location);
    switch (sortby->sortby_dir)
    {
        case PG_QUERY__SORT_BY_DIR__SORTBY_DESC:
            get_sort_group_operators(restype, false, true, true, NULL, &eqop, &sortop, &hashable);
            reverse = true;
            break;
        case PG_QUERY__SORT_BY_DIR__SORTBY_USING:
            {
                const char *opname = pgStrVal(sortby->use_op[sortby->n_use_op - 1]);
                int16       strategy;
                Oid         opfamily;

                sortop = compatible_oper_opid(opname, restype, restype, false);
                if (!get_op_btree_interpretation(sortop, &opfamily, &strategy) ||
                    (strategy != BTLessStrategyNumber && strategy != BTGreaterStrategyNumber))
                    ereport(ERROR,
                            errcode(ERRCODE_WRONG_OBJECT_TYPE),
                            errmsg("operator %s is not a valid ordering operator", opname),
                            errhint("Ordering operators must be \"<\" or \">\" members of btree operator families."));
                reverse = (strategy == BTGreaterStrategyNumber);
                get_sort_group_operators(restype, false, true, false, NULL, &eqop, NULL,
                                         &hashable);
            }
            break;
        default:
            get_sort_group_operators(restype, true, true, false, &sortop, &eqop, NULL, &hashable);
            reverse = false;
            break;
    }
    cancel_parser_errposition_callback(&pcbstate);

    if (!targetIsInSortList(tle, sortop, sortlist))
    {
        bool        nulls_first;

        switch (sortby->sortby_nulls)
        {
            case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_FIRST:
                nulls_first = true;
                break;
            case PG_QUERY__SORT_BY_NULLS__SORTBY_NULLS_LAST:
                nulls_first = false;
                break;
            default:
                nulls_first = reverse;
                break;
        }
        sortlist = lappend(sortlist,
                           makeSortGroupClause(assignSortGroupRef(tle, targetlist), eqop, sortop,
                                               nulls_first, hashable));
    }
    return sortlist;
}

List *
addTargetToGroupList(ParseState *pstate, TargetEntry *tle, List *grouplist, List *targetlist,
                     int location)
{
    Oid         restype = exprType((Node *) tle->expr);

    if (restype == UNKNOWNOID)
    {
        tle->expr = (Expr *) coerce_type(pstate, (Node *) tle->expr, restype, TEXTOID, -1,
                                         COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1);
        restype = TEXTOID;
    }
    if (!targetIsInSortList(tle, InvalidOid, grouplist))
    {
        ParseCallbackState pcbstate;
        Oid         sortop,
                    eqop;
        bool        hashable;

        setup_parser_errposition_callback(&pcbstate, pstate, location);
        get_sort_group_operators(restype, false, true, false, &sortop, &eqop, NULL, &hashable);
        cancel_parser_errposition_callback(&pcbstate);
        grouplist = lappend(grouplist,
                            makeSortGroupClause(assignSortGroupRef(tle, targetlist), eqop, sortop,
                                                false, hashable));
    }
    return grouplist;
}

List *
transformSortClause(ParseState *pstate, PgNode **orderlist, size_t n, List **targetlist,
                    ParseExprKind exprKind, bool useSQL99)
{
    List       *sortlist = NIL;

    for (size_t i = 0; i < n; i++)
    {
        PgQuery__SortBy *sortby = orderlist[i]->sort_by;
        TargetEntry *tle;

        if (useSQL99)
            tle = findTargetlistEntrySQL99(pstate, sortby->node, targetlist, exprKind);
        else
            tle = findTargetlistEntrySQL92(pstate, sortby->node, targetlist, exprKind);
        sortlist = addTargetToSortList(pstate, tle, sortlist, *targetlist, sortby);
    }
    return sortlist;
}

/* ---------------------------------------------------------------- GROUP BY */

/*
 * One GROUP BY item (PostgreSQL's transformGroupClauseExpr): its target
 * entry's sortgroupref, adding it to the flat grouping-column list
 * *flatresult unless already there.  A duplicate within seen_local (the
 * same plain list) gives 0: GROUP BY a, a groups once, but duplicates in
 * different grouping sets are kept (they change the number of rows).
 * Inside a grouping set (!toplevel) an ORDER BY item's operators are
 * taken with NULLS LAST, as PostgreSQL does.
 */
static uint32
transformGroupClauseExpr(ParseState *pstate, List **flatresult, List *seen_local, PgNode *gexpr,
                         List **targetlist, List *sortClause, ParseExprKind exprKind,
                         bool useSQL99, bool toplevel)
{
    TargetEntry *tle;
    ListCell   *lc;

    if (useSQL99)
        tle = findTargetlistEntrySQL99(pstate, gexpr, targetlist, exprKind);
    else
        tle = findTargetlistEntrySQL92(pstate, gexpr, targetlist, exprKind);
    if (tle->ressortgroupref > 0)
    {
        if (list_member_int(seen_local, (int) tle->ressortgroupref))
            return 0;
        if (targetIsInSortList(tle, InvalidOid, *flatresult))
            return tle->ressortgroupref;
        foreach(lc, sortClause)
        {
            SortGroupClause *sc = lfirst(lc);

            if (sc->tleSortGroupRef == tle->ressortgroupref)
            {
                SortGroupClause *grpc = copyObject(sc);

                if (!toplevel)
                    grpc->nulls_first = false;
                *flatresult = lappend(*flatresult, grpc);
                return tle->ressortgroupref;
            }
        }
    }
    *flatresult = addTargetToGroupList(pstate, tle, *flatresult, *targetlist,
                                       raw_location(gexpr));
    return tle->ressortgroupref;
}

/* An implicit row "(a, b)" in GROUP BY is a list of items, nested ones flattened. */
static bool
is_implicit_row(PgNode *n)
{
    return n->node_case == PG_QUERY__NODE__NODE_ROW_EXPR &&
        n->row_expr->row_format == PG_QUERY__COERCION_FORM__COERCE_IMPLICIT_CAST;
}

static List *
flatten_row_items(PgNode *n, List *items)
{
    if (is_implicit_row(n))
    {
        for (size_t i = 0; i < n->row_expr->n_args; i++)
            items = flatten_row_items(n->row_expr->args[i], items);
        return items;
    }
    return lappend(items, n);
}

static GroupingSet *
makeGroupingSet(GroupingSetKind kind, List *content, int location)
{
    GroupingSet *gs = makeNode(GroupingSet);

    gs->kind = kind;
    gs->content = content;
    gs->location = location;
    return gs;
}

/* The items of a plain list (an implicit row): a SIMPLE set of their refs. */
static GroupingSet *
transformGroupClauseList(ParseState *pstate, List **flatresult, List *items, List **targetlist,
                         List *sortClause, ParseExprKind exprKind, bool useSQL99, int location)
{
    List       *refs = NIL;
    ListCell   *lc;

    foreach(lc, items)
    {
        uint32      ref = transformGroupClauseExpr(pstate, flatresult, refs, lfirst(lc),
                                                   targetlist, sortClause, exprKind, useSQL99,
                                                   false);

        if (ref > 0)
            refs = lappend_int(refs, (int) ref);
    }
    return makeGroupingSet(GROUPING_SET_SIMPLE, refs, location);
}

static List *transformGroupingSetContent(ParseState *pstate, List **flatresult,
                                         PgQuery__GroupingSet *gs, List *content,
                                         List **targetlist, List *sortClause,
                                         ParseExprKind exprKind, bool useSQL99);

/*
 * ROLLUP / CUBE / GROUPING SETS / () (PostgreSQL's flatten_grouping_sets
 * and transformGroupingSet in one pass over the raw tree): a GroupingSet
 * whose content holds SIMPLE sets (lists of sortgrouprefs) and nested
 * GroupingSets.  A GROUPING SETS nested in another is spliced into it.
 */
static GroupingSet *
transformGroupingSet(ParseState *pstate, List **flatresult, PgQuery__GroupingSet *gs,
                     List **targetlist, List *sortClause, ParseExprKind exprKind, bool useSQL99)
{
    GroupingSetKind kind;
    List       *content;

    switch (gs->kind)
    {
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_EMPTY:
            kind = GROUPING_SET_EMPTY;
            break;
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_ROLLUP:
            kind = GROUPING_SET_ROLLUP;
            break;
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_CUBE:
            kind = GROUPING_SET_CUBE;
            break;
        case PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_SETS:
            kind = GROUPING_SET_SETS;
            break;
        default:
            elog(ERROR, "unexpected grouping set kind %d", (int) gs->kind);
            kind = GROUPING_SET_EMPTY;
            break;
    }
    content = transformGroupingSetContent(pstate, flatresult, gs, NIL, targetlist, sortClause,
                                          exprKind, useSQL99);
    /* arbitrary cap on CUBE, whose expansion grows exponentially (PostgreSQL's) */
    if (kind == GROUPING_SET_CUBE && list_length(content) > 12)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_COLUMNS),
                errmsg("CUBE is limited to 12 elements"),
                parser_errposition(pstate, gs->location));
    return makeGroupingSet(kind, content, gs->location);
}

static List *
transformGroupingSetContent(ParseState *pstate, List **flatresult, PgQuery__GroupingSet *gs,
                            List *content, List **targetlist, List *sortClause,
                            ParseExprKind exprKind, bool useSQL99)
{
    for (size_t i = 0; i < gs->n_content; i++)
    {
        PgNode     *n = gs->content[i];

        if (n->node_case == PG_QUERY__NODE__NODE_GROUPING_SET)
        {
            if (n->grouping_set->kind == PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_SETS)
                content = transformGroupingSetContent(pstate, flatresult, n->grouping_set,
                                                      content, targetlist, sortClause,
                                                      exprKind, useSQL99);
            else
                content = lappend(content,
                                  transformGroupingSet(pstate, flatresult, n->grouping_set,
                                                       targetlist, sortClause, exprKind,
                                                       useSQL99));
        }
        else if (is_implicit_row(n))
            content = lappend(content,
                              transformGroupClauseList(pstate, flatresult,
                                                       flatten_row_items(n, NIL), targetlist,
                                                       sortClause, exprKind, useSQL99,
                                                       n->row_expr->location));
        else
        {
            uint32      ref = transformGroupClauseExpr(pstate, flatresult, NIL, n, targetlist,
                                                       sortClause, exprKind, useSQL99, false);

            content = lappend(content, makeGroupingSet(GROUPING_SET_SIMPLE,
                                                       list_make1_int((int) ref),
                                                       raw_location(n)));
        }
    }
    return content;
}

/*
 * GROUP BY (PostgreSQL's transformGroupClause): returns the flat list of
 * grouping columns (SortGroupClauses, each once) and, when the clause uses
 * ROLLUP / CUBE / GROUPING SETS / (), sets *groupingSets to the
 * GroupingSet list (a plain item beside them becomes a SIMPLE set; empty
 * sets at top level are dropped, and GROUP BY with nothing else left is
 * the canonical GROUP BY ()).  parse_agg.c expands the sets.
 */
List *
transformGroupClause(ParseState *pstate, PgNode **grouplist, size_t n, List **groupingSets,
                     List **targetlist, List *sortClause, ParseExprKind exprKind, bool useSQL99)
{
    List       *result = NIL;
    List       *gsets = NIL;
    List       *seen_local = NIL;
    List       *items = NIL;
    bool        hasGroupingSets = false;
    ListCell   *lc;

    for (size_t i = 0; i < n; i++)
    {
        if (grouplist[i]->node_case == PG_QUERY__NODE__NODE_GROUPING_SET)
        {
            hasGroupingSets = true;
            if (grouplist[i]->grouping_set->kind == PG_QUERY__GROUPING_SET_KIND__GROUPING_SET_EMPTY)
                continue;
            items = lappend(items, grouplist[i]);
        }
        else
            items = flatten_row_items(grouplist[i], items);
    }
    if (items == NIL && hasGroupingSets)
        gsets = list_make1(makeGroupingSet(GROUPING_SET_EMPTY, NIL,
                                           raw_location(grouplist[0])));

    foreach(lc, items)
    {
        PgNode     *gexpr = lfirst(lc);

        if (gexpr->node_case == PG_QUERY__NODE__NODE_GROUPING_SET)
            gsets = lappend(gsets, transformGroupingSet(pstate, &result, gexpr->grouping_set,
                                                        targetlist, sortClause, exprKind,
                                                        useSQL99));
        else
        {
            uint32      ref = transformGroupClauseExpr(pstate, &result, seen_local, gexpr,
                                                       targetlist, sortClause, exprKind,
                                                       useSQL99, true);

            if (ref > 0)
            {
                seen_local = lappend_int(seen_local, (int) ref);
                if (hasGroupingSets)
                    gsets = lappend(gsets, makeGroupingSet(GROUPING_SET_SIMPLE,
                                                           list_make1_int((int) ref),
                                                           raw_location(gexpr)));
            }
        }
    }
    if (groupingSets)
        *groupingSets = gsets;
    return result;
}

List *
transformDistinctClause(ParseState *pstate, List **targetlist, List *sortClause, bool is_agg)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, sortClause)
    {
        SortGroupClause *scl = lfirst(lc);
        TargetEntry *tle = get_sortgroupclause_tle(scl, *targetlist);

        if (tle->resjunk)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    is_agg ?
                    errmsg("in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list") :
                    errmsg("for SELECT DISTINCT, ORDER BY expressions must appear in select list"),
                    parser_errposition(pstate, exprLocation((Node *) tle->expr)));
        result = lappend(result, copyObject(scl));
    }
    foreach(lc, *targetlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (tle->resjunk)
            continue;
        result = addTargetToGroupList(pstate, tle, result, *targetlist,
                                      exprLocation((Node *) tle->expr));
    }
    return result;
}

List *
transformDistinctOnClause(ParseState *pstate, PgNode **distinctlist, size_t n,
                          List **targetlist, List *sortClause)
{
    List       *result = NIL;
    List       *sortgrouprefs = NIL;
    bool        skipped_sortitem = false;
    ListCell   *lc;

    for (size_t i = 0; i < n; i++)
    {
        TargetEntry *tle = findTargetlistEntrySQL92(pstate, distinctlist[i], targetlist,
                                                    EXPR_KIND_DISTINCT_ON);

        sortgrouprefs = lappend_int(sortgrouprefs, assignSortGroupRef(tle, *targetlist));
    }
    foreach(lc, sortClause)
    {
        SortGroupClause *scl = lfirst(lc);

        if (list_member_int(sortgrouprefs, scl->tleSortGroupRef))
        {
            if (skipped_sortitem)
            {
                int         loc = -1;

                for (int i = 0; i < list_length(sortgrouprefs); i++)
                    if (list_nth_int(sortgrouprefs, i) == (int) scl->tleSortGroupRef)
                    {
                        loc = raw_location(distinctlist[i]);
                        break;
                    }
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                        errmsg("SELECT DISTINCT ON expressions must match initial ORDER BY expressions"),
                        parser_errposition(pstate, loc));
            }
            result = lappend(result, copyObject(scl));
        }
        else
            skipped_sortitem = true;
    }
    for (size_t i = 0; i < n; i++)
    {
        TargetEntry *tle = get_sortgroupref_tle(list_nth_int(sortgrouprefs, (int) i), *targetlist);

        if (targetIsInSortList(tle, InvalidOid, result))
            continue;
        if (skipped_sortitem)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    errmsg("SELECT DISTINCT ON expressions must match initial ORDER BY expressions"),
                    parser_errposition(pstate, raw_location(distinctlist[i])));
        result = addTargetToGroupList(pstate, tle, result, *targetlist,
                                      raw_location(distinctlist[i]));
    }
    return result;
}
