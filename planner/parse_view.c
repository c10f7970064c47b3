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
 *    rewriteTargetView           INSERT/UPDATE/DELETE on an automatically
 *                                updatable view, onto its base table
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
#include "planner/makefuncs.h"
#include "planner/nodefuncs.h"
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
    /*
     * "*" in the stored text expands to the columns the tables have now;
     * the view has the ones they had at CREATE VIEW (PostgreSQL stores the
     * expansion).  Columns added since are not the view's.
     */
    {
        int         n = 0;
        ListCell   *lc;

        foreach(lc, query->targetList)
        {
            TargetEntry *tle = lfirst(lc);

            if (!tle->resjunk && ++n > RelationGetNumberOfAttributes(rel))
                tle->resjunk = true;
        }
    }
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
    return view_query_not_updatable_detail(analyze_view_query(rel));
}

const char *
view_query_not_updatable_detail(Query *q)
{
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

/* ---------------------------------------------------------------- DML on views */

/*
 * Automatically updatable views (PostgreSQL's rewriteTargetView, done by
 * the analyzer since Basalt has no rewriter).  The statement has been
 * analyzed against the view as its target (an RTE_RELATION of relkind 'v'
 * at resultRelation; its columns are the view's).  The rewrite:
 *   - turns that RTE, in place, into the view's base relation;
 *   - replaces every reference to a view column by the view's expression
 *     for it (a base column, for the columns that can be assigned);
 *   - renumbers INSERT/UPDATE targets to base columns (a view column
 *     that is not a plain base column cannot be assigned: 0A000);
 *   - ANDs the view's WHERE into UPDATE/DELETE's;
 *   - WITH CHECK OPTION: the view's WHERE, kept in withCheckOptions for
 *     the executor to test on each new row (44000).
 * A view on a view repeats this until the target is a table.
 */
typedef struct ViewVarContext
{
    int         rtindex;        /* the view's RTE (also the base's now) */
    List       *exprs;          /* per view column: its expression (Vars: rtindex) */
    int         sublevels_up;
} ViewVarContext;

static bool
bump_levels_walker(Node *node, void *context)
{
    int         delta = *(int *) context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        ((Var *) node)->varlevelsup += delta;
        return false;
    }
    return expression_tree_walker(node, bump_levels_walker, context);
}

static Node *
replace_view_vars_mutator(Node *node, void *context)
{
    ViewVarContext *cxt = (ViewVarContext *) context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;

        if ((int) var->varlevelsup == cxt->sublevels_up && var->varno == cxt->rtindex &&
            var->varattno > 0 && var->varattno <= list_length(cxt->exprs))
        {
            Node       *repl = copyObject((Node *) list_nth(cxt->exprs, var->varattno - 1));

            if (cxt->sublevels_up > 0)
                (void) bump_levels_walker(repl, &cxt->sublevels_up);
            return repl;
        }
        if ((int) var->varlevelsup == cxt->sublevels_up && var->varno == cxt->rtindex)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("whole-row or system column references to a view in DML are not supported yet"));
        return (Node *) copyObject(var);
    }
    if (IsA(node, Query))
    {
        Query      *q;

        cxt->sublevels_up++;
        q = query_tree_mutator((Query *) node, replace_view_vars_mutator, context, 0);
        cxt->sublevels_up--;
        return (Node *) q;
    }
    return expression_tree_mutator(node, replace_view_vars_mutator, context);
}

/* Vars of the view query's base RTE (level 0) -> varno rtindex. */
static bool
renumber_base_vars_walker(Node *node, void *context)
{
    int        *map = (int *) context;     /* [0] = from, [1] = to, [2] = sublevels */

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;

        if ((int) var->varlevelsup == map[2] && var->varno == map[0])
            var->varno = map[1];
        return false;
    }
    if (IsA(node, Query))
    {
        bool        r;

        map[2]++;
        r = query_tree_walker((Query *) node, renumber_base_vars_walker, context, 0);
        map[2]--;
        return r;
    }
    return expression_tree_walker(node, renumber_base_vars_walker, context);
}

/*
 * The value for base column att from a view column's item (PostgreSQL's
 * rewriteTargetListIU, applied to the base relation after the rewrite):
 * DEFAULT is the base column's default on INSERT, NULL on UPDATE; an
 * explicit value for an identity column obeys OVERRIDING.
 */
static Expr *
base_column_value(Relation base, Form_pg_attribute att, Expr *expr, CmdType cmd, int override)
{
    if (IsA(expr, SetToDefault))
    {
        if (cmd == CMD_INSERT)
            return build_column_default(base, att->attnum);
        expr = (Expr *) makeNullConst(att->atttypid, att->atttypmod, att->attcollation);
    }
    if (att->attidentity == '\0')
        return expr;
    if (cmd == CMD_UPDATE)
    {
        if (att->attidentity == 'a')
            ereport(ERROR,
                    errcode(ERRCODE_GENERATED_ALWAYS),
                    errmsg("column \"%s\" can only be updated to DEFAULT", NameStr(att->attname)),
                    errdetail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
                              NameStr(att->attname)));
        return expr;
    }
    if (override == PG_QUERY__OVERRIDING_KIND__OVERRIDING_USER_VALUE)
        return build_column_default(base, att->attnum);
    if (att->attidentity == 'a' && override != PG_QUERY__OVERRIDING_KIND__OVERRIDING_SYSTEM_VALUE)
        ereport(ERROR,
                errcode(ERRCODE_GENERATED_ALWAYS),
                errmsg("cannot insert a non-DEFAULT value into column \"%s\"", NameStr(att->attname)),
                errdetail("Column \"%s\" is an identity column defined as GENERATED ALWAYS.",
                          NameStr(att->attname)),
                errhint("Use OVERRIDING SYSTEM VALUE to override."));
    return expr;
}

static void
rewrite_one_view(ParseState *pstate, Query *qry, int override)
{
    Relation    view = pstate->p_target_relation;
    const char *viewname = RelationGetRelationName(view);
    Query      *vq = analyze_view_query(view);
    int         rtindex = qry->resultRelation;
    RangeTblRef *rtr;
    RangeTblEntry *base_rte;
    Relation    base;
    ParseNamespaceItem *nsitem;
    int         nrtable;
    List       *exprs = NIL;
    List       *basecols = NIL;    /* per view column: base attno, or 0 */
    ViewVarContext cxt;
    int         map[3];
    ListCell   *lc;
    Node       *viewqual;

    rtr = linitial(vq->jointree->fromlist);
    base_rte = rt_fetch(rtr->rtindex, vq->rtable);

    /* the view's columns as expressions of the base relation at rtindex */
    map[0] = rtr->rtindex;
    map[1] = rtindex;
    map[2] = 0;
    foreach(lc, vq->targetList)
    {
        TargetEntry *tle = lfirst(lc);
        Node       *e;

        if (tle->resjunk)
            continue;
        e = copyObject((Node *) tle->expr);
        (void) renumber_base_vars_walker(e, map);
        exprs = lappend(exprs, e);
        basecols = lappend_int(basecols,
                               (IsA(tle->expr, Var) && ((Var *) tle->expr)->varlevelsup == 0 &&
                                ((Var *) tle->expr)->varno == rtr->rtindex &&
                                ((Var *) tle->expr)->varattno > 0) ?
                               ((Var *) tle->expr)->varattno : 0);
    }
    /* only as many as the view has (a table column added later is not the view's) */
    while (list_length(exprs) > RelationGetNumberOfAttributes(view))
    {
        exprs = list_truncate(exprs, list_length(exprs) - 1);
        basecols = list_truncate(basecols, list_length(basecols) - 1);
    }

    /* PostgreSQL's view_cols_are_auto_updatable for INSERT/UPDATE */
    if (qry->commandType != CMD_DELETE)
    {
        bool        any = false;

        foreach(lc, basecols)
            any |= lfirst_int(lc) != 0;
        if (!any)
            ereport(ERROR,
                    errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("cannot %s view \"%s\"",
                           qry->commandType == CMD_INSERT ? "insert into" : "update", viewname),
                    errdetail("Views that have no updatable columns are not automatically updatable."),
                    errhint("To enable %s the view, provide an INSTEAD OF %s trigger or an unconditional ON %s DO INSTEAD rule.",
                            qry->commandType == CMD_INSERT ? "inserting into" : "updating",
                            qry->commandType == CMD_INSERT ? "INSERT" : "UPDATE",
                            qry->commandType == CMD_INSERT ? "INSERT" : "UPDATE"));
        foreach(lc, qry->targetList)
        {
            TargetEntry *tle = lfirst(lc);

            if (tle->resjunk)
                continue;
            if (tle->resno < 1 || tle->resno > list_length(basecols) ||
                list_nth_int(basecols, tle->resno - 1) == 0)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("cannot %s column \"%s\" of view \"%s\"",
                               qry->commandType == CMD_INSERT ? "insert into" : "update",
                               NameStr(TupleDescAttr(RelationGetDescr(view), tle->resno - 1)->attname),
                               viewname),
                        errdetail("View columns that are not columns of their base relation are not updatable."));
        }
    }

    /* the target RTE becomes the base relation, in place */
    base = relation_open(base_rte->relid, RowExclusiveLock);
    nrtable = list_length(pstate->p_rtable);
    nsitem = addRangeTableEntryForRelation(pstate, base, RowExclusiveLock, NULL, false);
    {
        RangeTblEntry *target = rt_fetch(rtindex, pstate->p_rtable);
        bool        inh = target->inh;
        bool        inFromCl = target->inFromCl;
        uint32      perms = target->requiredPerms;

        *target = *nsitem->p_rte;
        target->inh = inh;
        target->inFromCl = inFromCl;
        target->requiredPerms = perms;
        pstate->p_target_rte = target;
    }
    pstate->p_rtable = list_truncate(pstate->p_rtable, nrtable);
    qry->rtable = pstate->p_rtable;

    /* references to view columns -> their expressions */
    cxt.rtindex = rtindex;
    cxt.exprs = exprs;
    cxt.sublevels_up = 0;
    foreach(lc, qry->targetList)
    {
        TargetEntry *tle = lfirst(lc);

        tle->expr = (Expr *) replace_view_vars_mutator((Node *) tle->expr, &cxt);
        if (!tle->resjunk && qry->commandType != CMD_DELETE)
        {
            tle->resno = (int16) list_nth_int(basecols, tle->resno - 1);
            tle->resname = pstrdup(NameStr(TupleDescAttr(RelationGetDescr(base), tle->resno - 1)->attname));
        }
    }
    foreach(lc, qry->returningList)
    {
        TargetEntry *tle = lfirst(lc);

        tle->expr = (Expr *) replace_view_vars_mutator((Node *) tle->expr, &cxt);
    }
    foreach(lc, qry->withCheckOptions)
    {
        TargetEntry *wco = lfirst(lc);

        wco->expr = (Expr *) replace_view_vars_mutator((Node *) wco->expr, &cxt);
    }
    /* DEFAULT for a view column: the base column's default (PostgreSQL leaves it to the rewrite) */
    foreach(lc, qry->targetList)
    {
        TargetEntry *tle = lfirst(lc);

        Form_pg_attribute att;

        if (tle->resjunk || qry->commandType == CMD_DELETE)
            continue;
        att = TupleDescAttr(RelationGetDescr(base), tle->resno - 1);
        if (IsA(tle->expr, Var) && ((Var *) tle->expr)->varlevelsup == 0 &&
            ((Var *) tle->expr)->varno != rtindex &&
            rt_fetch(((Var *) tle->expr)->varno, qry->rtable)->rtekind == RTE_VALUES)
        {
            /* multi-row VALUES: the items sit in the VALUES list */
            Var        *v = (Var *) tle->expr;
            RangeTblEntry *vrte = rt_fetch(v->varno, qry->rtable);
            ListCell   *lc2;

            foreach(lc2, vrte->values_lists)
            {
                ListCell   *cell = list_nth_cell((List *) lfirst(lc2), v->varattno - 1);

                lfirst(cell) = base_column_value(base, att, (Expr *) lfirst(cell),
                                                 qry->commandType, override);
            }
        }
        else
            tle->expr = base_column_value(base, att, tle->expr, qry->commandType, override);
    }

    /* INSERT: the base table's defaults for the columns not assigned */
    if (qry->commandType == CMD_INSERT)
    {
        TupleDesc   desc = RelationGetDescr(base);

        for (int attno = 1; attno <= desc->natts; attno++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
            bool        assigned = false;
            Expr       *def;

            foreach(lc, qry->targetList)
                assigned |= ((TargetEntry *) lfirst(lc))->resno == attno;
            if (att->attisdropped || assigned || !att->atthasdef)
                continue;
            def = build_column_default(base, attno);
            qry->targetList = lappend(qry->targetList,
                                      makeTargetEntry(def, (int16) attno,
                                                      pstrdup(NameStr(att->attname)), false));
        }
    }
    qry->jointree->quals = replace_view_vars_mutator(qry->jointree->quals, &cxt);
    foreach(lc, qry->rtable)
    {
        RangeTblEntry *rte = lfirst(lc);

        if (rte->rtekind == RTE_SUBQUERY && rte->subquery != NULL)
        {
            cxt.sublevels_up = 1;
            rte->subquery = query_tree_mutator(rte->subquery, replace_view_vars_mutator, &cxt, 0);
            cxt.sublevels_up = 0;
        }
        else if (rte->rtekind == RTE_VALUES)
            rte->values_lists = (List *) replace_view_vars_mutator((Node *) rte->values_lists, &cxt);
    }

    /* the view's WHERE: a filter for UPDATE/DELETE, a check for WITH CHECK OPTION */
    viewqual = vq->jointree->quals ? copyObject(vq->jointree->quals) : NULL;
    if (viewqual != NULL)
    {
        (void) renumber_base_vars_walker(viewqual, map);
        if (vq->hasSubLinks)
            qry->hasSubLinks = true;
        if (qry->commandType != CMD_INSERT)
            qry->jointree->quals = qry->jointree->quals == NULL ? viewqual :
                (Node *) make_andclause(list_make2(copyObject(qry->jointree->quals), viewqual));
    }

    /*
     * WITH CHECK OPTION (PostgreSQL's rewriteTargetView): this view's, or
     * any when an outer view's check is CASCADED.  Inner views' checks go
     * first, so they run first.  (A check is a TargetEntry: expr the qual,
     * resname the view, resjunk "cascaded"; see Query.withCheckOptions.)
     */
    if (qry->commandType != CMD_DELETE)
    {
        char        opt = GetViewCheckOption(RelationGetRelid(view));
        bool        has_wco = opt != '\0';
        bool        cascaded = opt == 'c';

        if (qry->withCheckOptions != NIL &&
            ((TargetEntry *) linitial(qry->withCheckOptions))->resjunk)
            has_wco = cascaded = true;
        if (has_wco && (cascaded || viewqual != NULL))
        {
            Expr       *qual = viewqual ? (Expr *) copyObject(viewqual) :
                (Expr *) makeBoolConst(true, false);
            TargetEntry *wco = makeTargetEntry(qual, 0, pstrdup(viewname), cascaded);

            qry->withCheckOptions = lcons(wco, qry->withCheckOptions);
        }
    }

    table_close(view, NoLock);
    pstate->p_target_relation = base;
}

Query *
rewriteTargetView(ParseState *pstate, Query *qry, int override)
{
    int         depth = 0;

    while (pstate->p_target_relation->relkind == RELKIND_VIEW)
    {
        const char *detail = view_not_updatable_detail(pstate->p_target_relation);

        if (detail != NULL)
        {
            bool        ins = qry->commandType == CMD_INSERT;
            bool        del = qry->commandType == CMD_DELETE;

            ereport(ERROR,
                    errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("cannot %s view \"%s\"",
                           ins ? "insert into" : del ? "delete from" : "update",
                           RelationGetRelationName(pstate->p_target_relation)),
                    errdetail("%s", detail),
                    errhint("To enable %s the view, provide an INSTEAD OF %s trigger or an unconditional ON %s DO INSTEAD rule.",
                            ins ? "inserting into" : del ? "deleting from" : "updating",
                            ins ? "INSERT" : del ? "DELETE" : "UPDATE",
                            ins ? "INSERT" : del ? "DELETE" : "UPDATE"));
        }
        if (++depth > 100)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
                    errmsg("infinite recursion detected in rules for relation \"%s\"",
                           RelationGetRelationName(pstate->p_target_relation)));
        rewrite_one_view(pstate, qry, override);
    }
    return qry;
}
