/*-------------------------------------------------------------------------
 * parse_view.c
 *    Views in FROM: expansion of a relation of relkind 'v' into a
 *    sub-SELECT range table entry (PostgreSQL's rewriter does this after
 *    analysis, ApplyRetrieveRule; Basalt has no rewriter).
 *
 * Principal entry points:
 *    addRangeTableEntryForView   the view's stored SQL (pg_rewrite, see
 *                                catalog/view.h), analyzed on its own (it
 *                                cannot see the outer query), added as an
 *                                RTE_SUBQUERY named like the view, with
 *                                the view's column names
 *    view_not_updatable_detail   PostgreSQL's view_query_is_auto_updatable
 *                                message for a view used as a DML target
 *
 * The subquery RTE keeps relid and relkind 'v' so that CREATE VIEW can
 * record a dependency on the view (rather than on what it reads).  A view
 * that (through others) selects from itself cannot be created; expansion
 * is bounded by the analyzer's stack depth check anyway.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/relcache.h"
#include "catalog/view.h"
#include "planner/parse_node.h"

static Query *
analyze_view_query(Relation rel)
{
    char       *sql = GetViewQueryText(RelationGetRelid(rel));
    List       *raw = raw_parser(sql);
    RawStmt    *rs;
    Query      *query;

    if (list_length(raw) != 1)
        elog(ERROR, "invalid stored query of view \"%s\"", RelationGetRelationName(rel));
    rs = linitial(raw);
    query = parse_sub_analyze(rs->stmt, NULL, NULL, false, true);
    if (query->commandType != CMD_SELECT)
        elog(ERROR, "invalid stored query of view \"%s\"", RelationGetRelationName(rel));
    return query;
}

ParseNamespaceItem *
addRangeTableEntryForView(ParseState *pstate, Relation rel, PgQuery__Alias *alias,
                          bool inFromCl)
{
    TupleDesc   desc = RelationGetDescr(rel);
    Query      *query = analyze_view_query(rel);
    ParseNamespaceItem *nsitem;
    RangeTblEntry *rte;
    List       *colnames = NIL;
    int         nlive = 0;
    int         n = 0;
    ListCell   *lc;

    nsitem = addRangeTableEntryForSubquery(pstate, query, NULL, false, inFromCl);
    rte = nsitem->p_rte;
    rte->relid = RelationGetRelid(rel);
    rte->relkind = RELKIND_VIEW;
    for (int i = 0; i < desc->natts; i++)
        nlive += !TupleDescAttr(desc, i)->attisdropped;
    /* the view's own column names (CREATE VIEW v (a, b) renames) */
    foreach(lc, rte->eref->colnames)
    {
        const char *name = lfirst(lc);

        if (n < desc->natts)
            name = NameStr(TupleDescAttr(desc, n)->attname);
        colnames = lappend(colnames, pstrdup(name));
        n++;
    }
    if (alias != NULL && alias->n_colnames > 0)
    {
        if ((int) alias->n_colnames > nlive)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                    errmsg("table \"%s\" has %d columns available but %d columns specified",
                           alias->aliasname, nlive, (int) alias->n_colnames));
        for (size_t i = 0; i < alias->n_colnames; i++)
            list_nth_cell(colnames, (int) i)->ptr_value = pstrdup(pgStrVal(alias->colnames[i]));
    }
    if (alias != NULL)
    {
        List *acols = NIL;

        for (size_t i = 0; i < alias->n_colnames; i++)
            acols = lappend(acols, pstrdup(pgStrVal(alias->colnames[i])));
        rte->alias = makeAlias(alias->aliasname, acols);
    }
    rte->eref = makeAlias(alias ? alias->aliasname : RelationGetRelationName(rel), colnames);
    nsitem->p_refname = rte->eref->aliasname;
    return nsitem;
}

const char *
view_not_updatable_detail(Relation rel)
{
    Query      *q = analyze_view_query(rel);

    if (q->distinctClause != NIL)
        return "Views containing DISTINCT are not automatically updatable.";
    if (q->groupClause != NIL || q->groupingSets != NIL)
        return "Views containing GROUP BY are not automatically updatable.";
    if (q->havingQual != NULL)
        return "Views containing HAVING are not automatically updatable.";
    if (q->setOperations != NULL)
        return "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable.";
    if (q->cteList != NIL)
        return "Views containing WITH are not automatically updatable.";
    if (q->limitOffset != NULL || q->limitCount != NULL)
        return "Views containing LIMIT or OFFSET are not automatically updatable.";
    if (q->hasAggs)
        return "Views that return aggregate functions are not automatically updatable.";
    if (q->hasWindowFuncs)
        return "Views that return window functions are not automatically updatable.";
    if (q->hasTargetSRFs)
        return "Views that return set-returning functions are not automatically updatable.";
    if (q->jointree == NULL || list_length(q->jointree->fromlist) != 1 ||
        !IsA(linitial(q->jointree->fromlist), RangeTblRef))
        return "Views that do not select from a single table or view are not automatically updatable.";
    {
        RangeTblRef *rtr = linitial(q->jointree->fromlist);
        RangeTblEntry *rte = rt_fetch(rtr->rtindex, q->rtable);

        if (!(rte->rtekind == RTE_RELATION ||
              (rte->rtekind == RTE_SUBQUERY && rte->relkind == RELKIND_VIEW)))
            return "Views that do not select from a single table or view are not automatically updatable.";
    }
    return NULL;
}
