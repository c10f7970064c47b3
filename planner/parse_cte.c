/*-------------------------------------------------------------------------
 * parse_cte.c
 *    WITH RECURSIVE: analysis of a CTE that refers to itself
 *    (PostgreSQL's parser/parse_cte.c, the recursive part).
 *
 * Principal entry points (called by analyze.c):
 *    prepareRecursiveCTE            - before the CTE's query is analyzed
 *    determineRecursiveColTypes     - after its non-recursive term
 *    finishRecursiveCTE             - after the whole query
 *
 * In a WITH RECURSIVE list each CTE is visible to its own query while it
 * is analyzed (cteanalyzing).  Its query must be "non-recursive-term
 * UNION [ALL] recursive-term"; the non-recursive term is analyzed first
 * (transformSetOperationTree analyzes larg before rarg) and fixes the
 * column types, so that the one self-reference in the recursive term
 * becomes an RTE_CTE with self_reference set (parse_relation.c), read by
 * a WorkTableScan.  A reference before the types are known is the 42P19
 * error PostgreSQL gives.
 *
 * Departures from PostgreSQL: CTEs are not reordered by their
 * dependencies (a CTE sees the earlier ones and itself only); a CTE
 * without a self-reference is an ordinary CTE (inlined).  References
 * from outside the CTE inline its Query (marked hasRecursive) as a
 * subquery like any other CTE: the planner makes the RecursiveUnion there,
 * once per reference (docs/DECISIONS.md).  Of checkWellFormedRecursion's
 * rules only "more than once" and "in the non-recursive term" are checked.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"

/*
 * Make the CTE visible to its own query, with the column names it declares.
 * Returns the location of its query's ORDER BY (for the error
 * finishRecursiveCTE raises; set-operation analysis clears the raw clause).
 */
int
prepareRecursiveCTE(ParseState *pstate, CommonTableExpr *cte, PgQuery__CommonTableExpr *rc)
{
    PgNode     *q = rc->ctequery;
    int         sortlocation = -1;

    cte->cterecursive = true;
    cte->cteanalyzing = true;
    cte->cteselfrefs = 0;
    cte->cteunion = (q->node_case == PG_QUERY__NODE__NODE_SELECT_STMT &&
                     q->select_stmt->op == PG_QUERY__SET_OPERATION__SETOP_UNION);
    cte->aliascolnames = NIL;
    for (size_t j = 0; j < rc->n_aliascolnames; j++)
        cte->aliascolnames = lappend(cte->aliascolnames,
                                     pstrdup(pgStrVal(rc->aliascolnames[j])));
    pstate->p_ctenamespace = lappend(pstate->p_ctenamespace, cte);
    if (q->node_case == PG_QUERY__NODE__NODE_SELECT_STMT && q->select_stmt->n_sort_clause > 0 &&
        q->select_stmt->sort_clause[0]->node_case == PG_QUERY__NODE__NODE_SORT_BY)
    {
        PgNode     *n = q->select_stmt->sort_clause[0]->sort_by->node;

        if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_REF)
            sortlocation = n->column_ref->location;
        else if (n->node_case == PG_QUERY__NODE__NODE_A_CONST)
            sortlocation = n->a_const->location;
    }
    return sortlocation;
}

/*
 * Called by transformSetOperationTree for the top-level UNION of a
 * recursive CTE's query, once its left input (the non-recursive term) is
 * analyzed: the CTE's columns are that term's (unknown-type literals
 * become text, as PostgreSQL's analyzeCTETargetList does).
 */
void
determineRecursiveColTypes(ParseState *pstate, CommonTableExpr *cte, List *ltargetlist)
{
    ListCell   *lc;
    int         col = 0;

    if (list_length(cte->aliascolnames) > list_length(ltargetlist))
        ereport(ERROR,
                errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                errmsg("WITH query \"%s\" has %d columns available but %d columns specified",
                       cte->ctename, list_length(ltargetlist), list_length(cte->aliascolnames)),
                parser_errposition(pstate, cte->location));
    cte->ctecolnames = cte->ctecoltypes = cte->ctecoltypmods = cte->ctecolcollations = NIL;
    foreach(lc, ltargetlist)
    {
        TargetEntry *tle = lfirst(lc);
        Oid         type = exprType((Node *) tle->expr);
        int32       typmod = exprTypmod((Node *) tle->expr);

        if (type == UNKNOWNOID)
        {
            type = TEXTOID;
            typmod = -1;
        }
        if (col < list_length(cte->aliascolnames))
            cte->ctecolnames = lappend(cte->ctecolnames,
                                       pstrdup(list_nth(cte->aliascolnames, col)));
        else
            cte->ctecolnames = lappend(cte->ctecolnames,
                                       pstrdup(tle->resname ? tle->resname : "?column?"));
        cte->ctecoltypes = lappend_oid(cte->ctecoltypes, type);
        cte->ctecoltypmods = lappend_int(cte->ctecoltypmods, typmod);
        cte->ctecolcollations = lappend_oid(cte->ctecolcollations, result_collation(type));
        col++;
    }
}

/*
 * The CTE's query is analyzed: if it referred to itself, check what
 * PostgreSQL checks of a recursive query and mark the Query; else it is
 * an ordinary CTE.  Leaves the CTE's column lists for analyze.c to fill.
 */
void
finishRecursiveCTE(ParseState *pstate, CommonTableExpr *cte, Query *q, int sortlocation)
{
    List       *nonrec_types = cte->ctecoltypes;
    List       *nonrec_typmods = cte->ctecoltypmods;
    ListCell   *lc;
    int         col = 0;

    cte->cteanalyzing = false;
    cte->ctecolnames = cte->ctecoltypes = cte->ctecoltypmods = cte->ctecolcollations = NIL;
    cte->aliascolnames = NIL;
    if (cte->cteselfrefs == 0)
    {
        cte->cterecursive = false;
        return;
    }
    /* a self-reference was accepted: the query is a top-level UNION */
    Assert(q->setOperations != NULL);
    if (q->sortClause != NIL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("ORDER BY in a recursive query is not implemented"),
                parser_errposition(pstate, sortlocation >= 0 ? sortlocation : cte->location));
    if (q->limitOffset != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("OFFSET in a recursive query is not implemented"),
                parser_errposition(pstate, exprLocation(q->limitOffset)));
    if (q->limitCount != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("LIMIT in a recursive query is not implemented"),
                parser_errposition(pstate, exprLocation(q->limitCount)));
    foreach(lc, q->targetList)
    {
        TargetEntry *tle = lfirst(lc);
        Oid         type;
        int32       typmod;

        if (tle->resjunk)
            continue;
        type = exprType((Node *) tle->expr);
        typmod = exprTypmod((Node *) tle->expr);
        if (col < list_length(nonrec_types) &&
            (type != list_nth_oid(nonrec_types, col) ||
             typmod != list_nth_int(nonrec_typmods, col)))
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("recursive query \"%s\" column %d has type %s in non-recursive term but type %s overall",
                           cte->ctename, col + 1,
                           format_type_with_typemod(list_nth_oid(nonrec_types, col),
                                                    list_nth_int(nonrec_typmods, col)),
                           format_type_with_typemod(type, typmod)),
                    errhint("Cast the output of the non-recursive term to the correct type."),
                    parser_errposition(pstate, exprLocation((Node *) tle->expr)));
        col++;
    }
    q->hasRecursive = true;
}
