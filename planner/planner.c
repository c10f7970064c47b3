/*-------------------------------------------------------------------------
 * planner.c
 *    The optimizer's entry point and the per-query-level driver.
 *
 * Principal entry points:
 *    pg_plan_query     - analyzed Query -> PlannedStmt (planner/planner.h)
 *    subquery_planner  - one query level (the statement, a sub-SELECT in
 *                        FROM, or a SubLink's sub-SELECT)
 *
 * One query level (PostgreSQL's subquery_planner + grouping_planner):
 *   1. plan the sub-SELECTs in FROM, each as its own level;
 *   2. preprocess expressions: SubLinks -> SubPlans, outer references ->
 *      PARAM_EXEC (subselect.c);
 *   3. complete the target list for INSERT/UPDATE/DELETE (every column of
 *      the relation, and ctid for UPDATE/DELETE);
 *   4. the scan/join tree (planmain.c, createplan.c); its top node computes
 *      the final target list, or the input of the aggregation;
 *   5. upper nodes, in PostgreSQL's order: Agg (GROUP BY / aggregates /
 *      HAVING), ProjectSet (set-returning functions in the select list),
 *      DISTINCT, Sort (ORDER BY), Limit, ModifyTable.
 * Then set_plan_references (setrefs.c) produces the executor's form.
 *
 * Grouping strategy: AGG_PLAIN without GROUP BY; otherwise AGG_SORTED
 * (Sort below) when the ORDER BY asks for the grouping columns' order or
 * the estimated groups would not fit in work_mem, else AGG_HASHED (which
 * spills past work_mem if the estimate was low).  DISTINCT is an
 * Agg with no aggregates over all output columns (sorted, or hashed as
 * GROUP BY); DISTINCT ON is a sorted Agg keeping each group's first row.
 * (PostgreSQL uses Unique for sorted DISTINCT; the rows are the same.)
 *
 * GROUPING SETS / ROLLUP / CUBE: one sorted Agg computing every set in
 * rollup chains (planagg_sets.c); its output order is not used.
 *
 * Window functions (WindowAgg over Sort, after grouping) are planned in
 * planwindow.c.  UNION is planned in prepunion.c.  Not supported yet
 * (0A000): INTERSECT and EXCEPT, LATERAL references from sub-SELECTs in
 * FROM.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "catalog/relcache.h"
#include "planner/pathnodes.h"
#include "planner/plannodes.h"

static List *pull_aggrefs(Node *node, List *acc);

/* ---------------------------------------------------------------- Var lists */

typedef struct
{
    List       *vars;
} pull_vars_context;

static bool
pull_vars_walker(Node *node, void *context)
{
    pull_vars_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        Var        *var = (Var *) node;
        ListCell   *lc;

        if (var->varlevelsup != 0 || var->varno >= INNER_VAR)
            return false;
        foreach(lc, ctx->vars)
        {
            Var        *v = lfirst(lc);

            if (v->varno == var->varno && v->varattno == var->varattno)
                return false;
        }
        ctx->vars = lappend(ctx->vars, var);
        return false;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, pull_vars_walker, context);
}

/* The distinct level-0 Vars of an expression, in order of appearance. */
static List *
pull_var_clause(Node *node, List *vars)
{
    pull_vars_context ctx = {vars};

    (void) pull_vars_walker(node, &ctx);
    return ctx.vars;
}

static List *
jointree_quals(Node *jtnode, List *result)
{
    if (jtnode == NULL)
        return result;
    if (IsA(jtnode, FromExpr))
    {
        ListCell   *lc;

        foreach(lc, ((FromExpr *) jtnode)->fromlist)
            result = jointree_quals(lfirst(lc), result);
        return lappend(result, ((FromExpr *) jtnode)->quals);
    }
    if (IsA(jtnode, JoinExpr))
    {
        result = jointree_quals(((JoinExpr *) jtnode)->larg, result);
        result = jointree_quals(((JoinExpr *) jtnode)->rarg, result);
        return lappend(result, ((JoinExpr *) jtnode)->quals);
    }
    return result;
}

/* ---------------------------------------------------------------- preprocessing */

Node *
preprocess_expression(PlannerInfo *root, Node *expr)
{
    if (expr == NULL)
        return NULL;
    expr = inline_sql_functions(root, expr);
    expr = SS_process_sublinks(root, expr);
    if (root->query_level > 1)
        expr = SS_replace_correlation_vars(root, expr);
    return expr;
}

static void
preprocess_jointree(PlannerInfo *root, Node *jtnode)
{
    if (jtnode == NULL)
        return;
    if (IsA(jtnode, FromExpr))
    {
        FromExpr   *f = (FromExpr *) jtnode;
        ListCell   *lc;

        foreach(lc, f->fromlist)
            preprocess_jointree(root, lfirst(lc));
        f->quals = preprocess_expression(root, f->quals);
    }
    else if (IsA(jtnode, JoinExpr))
    {
        JoinExpr   *j = (JoinExpr *) jtnode;

        preprocess_jointree(root, j->larg);
        preprocess_jointree(root, j->rarg);
        j->quals = preprocess_expression(root, j->quals);
    }
}

/*
 * INSERT: one entry per column of the relation (missing ones NULL until
 * column defaults exist); UPDATE: the same with unchanged columns read
 * from the old row, plus ctid; DELETE: ctid only.
 */
static List *
preprocess_targetlist(PlannerInfo *root)
{
    Query      *parse = root->parse;
    RangeTblEntry *target_rte;
    Relation    rel;
    TupleDesc   desc;
    List       *tlist = NIL;

    if (parse->commandType == CMD_SELECT)
    {
        ListCell   *lc;

        if (parse->rowMarks == NIL)
            return parse->targetList;
        /* FOR UPDATE/SHARE: the ctid of each locked table, as junk "ctid<rti>" */
        tlist = list_copy(parse->targetList);
        foreach(lc, parse->rowMarks)
        {
            RowMarkClause *rc = lfirst(lc);
            Var        *ctid = makeVar(rc->rti, SelfItemPointerAttributeNumber, TIDOID, -1,
                                       InvalidOid, 0);

            tlist = lappend(tlist, makeTargetEntry((Expr *) ctid,
                                                   (int16) (list_length(tlist) + 1),
                                                   psprintf("ctid%d", rc->rti), true));
        }
        return tlist;
    }

    target_rte = rt_fetch(parse->resultRelation, parse->rtable);
    rel = relation_open(target_rte->relid, NoLock);
    desc = RelationGetDescr(rel);
    if (parse->commandType == CMD_INSERT || parse->commandType == CMD_UPDATE)
    {
        for (int attno = 1; attno <= desc->natts; attno++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
            TargetEntry *tle = NULL;
            ListCell   *lc;
            Expr       *expr;

            foreach(lc, parse->targetList)
            {
                if (((TargetEntry *) lfirst(lc))->resno == attno)
                {
                    tle = lfirst(lc);
                    break;
                }
            }
            if (att->attisdropped)
                expr = (Expr *) makeNullConst(INT4OID, -1, InvalidOid);
            else if (tle)
                expr = tle->expr;
            else if (parse->commandType == CMD_INSERT)
                expr = (Expr *) makeNullConst(att->atttypid, att->atttypmod, att->attcollation);
            else
                expr = (Expr *) makeVar(parse->resultRelation, (int16) attno, att->atttypid,
                                        att->atttypmod, att->attcollation, 0);
            tlist = lappend(tlist, makeTargetEntry(expr, (int16) attno,
                                                   pstrdup(NameStr(att->attname)), false));
        }
    }
    if (parse->commandType == CMD_UPDATE || parse->commandType == CMD_DELETE)
    {
        Var        *ctid = makeVar(parse->resultRelation, SelfItemPointerAttributeNumber, TIDOID,
                                   -1, InvalidOid, 0);

        tlist = lappend(tlist, makeTargetEntry((Expr *) ctid, (int16) (list_length(tlist) + 1),
                                               pstrdup("ctid"), true));
    }
    if ((parse->commandType == CMD_UPDATE || parse->commandType == CMD_DELETE) &&
        parse->returningList != NIL)
    {
        /*
         * RETURNING may name columns of the FROM / USING tables: carry them up
         * as junk columns; setrefs.c points RETURNING's Vars of those tables
         * at them (OUTER_VAR of the ModifyTable's child row).
         */
        List       *vars = pull_var_clause((Node *) parse->returningList, NIL);
        ListCell   *lc;

        foreach(lc, vars)
        {
            Var        *var = lfirst(lc);

            if (var->varno == parse->resultRelation)
                continue;
            tlist = lappend(tlist, makeTargetEntry((Expr *) copyObject(var),
                                                   (int16) (list_length(tlist) + 1),
                                                   NULL, true));
        }
    }
    relation_close(rel, NoLock);
    return tlist;
}

/*
 * LockRows over plan: one PlanRowMark per RowMarkClause, pointing at the
 * junk ctid column preprocess_targetlist added for it.
 */
static Plan *
make_lock_rows(Query *parse, Plan *plan)
{
    LockRows   *lr = makeNode(LockRows);
    ListCell   *lc;

    foreach(lc, parse->rowMarks)
    {
        RowMarkClause *rc = lfirst(lc);
        PlanRowMark *prm = makeNode(PlanRowMark);
        char       *name = psprintf("ctid%d", rc->rti);
        ListCell   *tl;

        prm->rti = rc->rti;
        prm->relid = rt_fetch(rc->rti, parse->rtable)->relid;
        prm->strength = rc->strength;
        prm->waitPolicy = rc->waitPolicy;
        foreach(tl, plan->targetlist)
        {
            TargetEntry *tle = lfirst(tl);

            if (tle->resjunk && tle->resname && strcmp(tle->resname, name) == 0)
                prm->ctidResno = tle->resno;
        }
        if (prm->ctidResno == 0)
            elog(ERROR, "could not find junk %s column", name);
        lr->rowMarks = lappend(lr->rowMarks, prm);
    }
    lr->plan.targetlist = copy_tlist_as_vars(plan->targetlist);
    lr->plan.lefttree = plan;
    copy_plan_costsize(&lr->plan, plan);
    return (Plan *) lr;
}

/* ---------------------------------------------------------------- ON CONFLICT */

static Node *
excluded_to_inner_mutator(Node *node, void *context)
{
    int         exclRelIndex = *(int *) context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Var) && ((Var *) node)->varno == exclRelIndex &&
        ((Var *) node)->varlevelsup == 0)
    {
        Var        *v = copyObject((Var *) node);

        if (v->varattno <= 0)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("whole-row and system column references to EXCLUDED are not supported yet"));
        v->varno = INNER_VAR;
        return (Node *) v;
    }
    return expression_tree_mutator(node, excluded_to_inner_mutator, context);
}

/*
 * INSERT ... ON CONFLICT: the arbiters, and for DO UPDATE the whole new
 * row (SET columns, the existing row's value for the others, as
 * preprocess_targetlist does for UPDATE) and the WHERE as a qual list,
 * with EXCLUDED's Vars made INNER_VAR references to the proposed row
 * (plannodes_defs.h).
 */
static void
plan_on_conflict(Query *parse, ModifyTable *mt)
{
    RangeTblEntry *target_rte;
    Relation    rel;
    TupleDesc   desc;
    List       *tlist = NIL;

    mt->arbiterIndexes = parse->arbiterIndexes;
    if (parse->onConflictAction != ONCONFLICT_UPDATE)
        return;
    target_rte = rt_fetch(parse->resultRelation, parse->rtable);
    rel = relation_open(target_rte->relid, NoLock);
    desc = RelationGetDescr(rel);
    for (int attno = 1; attno <= desc->natts; attno++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, attno - 1);
        Expr       *expr = NULL;
        ListCell   *lc;

        foreach(lc, parse->onConflictSet)
            if (((TargetEntry *) lfirst(lc))->resno == attno)
                expr = ((TargetEntry *) lfirst(lc))->expr;
        if (att->attisdropped)
            expr = (Expr *) makeNullConst(INT4OID, -1, InvalidOid);
        else if (expr == NULL)
            expr = (Expr *) makeVar(parse->resultRelation, (int16) attno, att->atttypid,
                                    att->atttypmod, att->attcollation, 0);
        tlist = lappend(tlist, makeTargetEntry(expr, (int16) attno,
                                               pstrdup(NameStr(att->attname)), false));
    }
    relation_close(rel, NoLock);
    mt->onConflictSet = (List *) excluded_to_inner_mutator((Node *) tlist, &parse->exclRelIndex);
    if (parse->onConflictWhere)
        mt->onConflictWhere =
            make_ands_implicit((Expr *) excluded_to_inner_mutator(parse->onConflictWhere,
                                                                  &parse->exclRelIndex));
}

/* ---------------------------------------------------------------- upper nodes */

static bool
sortclause_equal(SortGroupClause *a, SortGroupClause *b)
{
    return a->tleSortGroupRef == b->tleSortGroupRef && a->sortop == b->sortop &&
        a->nulls_first == b->nulls_first;
}

/* Does an output ordered by `have` satisfy `want`? */
static bool
ordering_satisfies(List *want, List *have)
{
    if (list_length(want) > list_length(have))
        return false;
    for (int i = 0; i < list_length(want); i++)
        if (!sortclause_equal(list_nth(want, i), list_nth(have, i)))
            return false;
    return true;
}

static SortGroupClause *
find_sortgroupref(List *clauses, uint32 ref)
{
    ListCell   *lc;

    foreach(lc, clauses)
        if (((SortGroupClause *) lfirst(lc))->tleSortGroupRef == ref)
            return lfirst(lc);
    return NULL;
}

/* Does the expression contain an aggregate with DISTINCT or ORDER BY inside? */
static bool
has_ordered_aggs_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, Aggref))
    {
        Aggref     *agg = (Aggref *) node;

        if (agg->aggdistinct != NIL || agg->aggorder != NIL)
            return true;
    }
    return expression_tree_walker(node, has_ordered_aggs_walker, context);
}

static bool
all_hashable(List *clauses)
{
    ListCell   *lc;

    foreach(lc, clauses)
        if (!((SortGroupClause *) lfirst(lc))->hashable)
            return false;
    return true;
}

static bool
all_sortable(List *clauses)
{
    ListCell   *lc;

    foreach(lc, clauses)
        if (!OidIsValid(((SortGroupClause *) lfirst(lc))->sortop))
            return false;
    return true;
}

/*
 * If the ORDER BY starts with exactly the grouping columns (in any order),
 * the SortGroupClauses to sort the groups by so that one sort serves both.
 */
static List *
grouping_order_from_sortclause(List *groupClause, List *sortClause)
{
    List       *result = NIL;

    if (list_length(sortClause) < list_length(groupClause))
        return NIL;
    for (int i = 0; i < list_length(groupClause); i++)
    {
        SortGroupClause *sc = list_nth(sortClause, i);

        if (find_sortgroupref(groupClause, sc->tleSortGroupRef) == NULL)
            return NIL;
        result = lappend(result, sc);
    }
    return result;
}

/* Build an Agg grouping on `groupcls` (positions found by ressortgroupref in the input). */
static Plan *
make_agg(PlannerInfo *root, List *tlist, List *qual, AggStrategy strategy,
         List *groupcls, double numGroups, Plan *lefttree)
{
    Agg        *agg = makeNode(Agg);
    int         n = list_length(groupcls);
    ListCell   *lc;

    agg->aggstrategy = strategy;
    agg->numCols = n;
    agg->grpColIdx = palloc(sizeof(int16) * (n + 1));
    agg->grpOperators = palloc(sizeof(Oid) * (n + 1));
    agg->grpCollations = palloc(sizeof(Oid) * (n + 1));
    foreach(lc, groupcls)
    {
        SortGroupClause *sgc = lfirst(lc);
        int         i = foreach_current_index(lc);
        ListCell   *tl;
        bool        found = false;

        foreach(tl, lefttree->targetlist)
        {
            TargetEntry *tle = lfirst(tl);

            if (tle->ressortgroupref == sgc->tleSortGroupRef)
            {
                agg->grpColIdx[i] = (int16) (foreach_current_index(tl) + 1);
                agg->grpCollations[i] = exprCollation((Node *) tle->expr);
                found = true;
                break;
            }
        }
        if (!found)
            elog(ERROR, "could not find grouping column %u", sgc->tleSortGroupRef);
        agg->grpOperators[i] = sgc->eqop;
    }
    agg->numGroups = numGroups;
    agg->plan.targetlist = tlist;
    agg->plan.qual = qual;
    agg->plan.lefttree = lefttree;
    agg->plan.startup_cost = lefttree->total_cost +
        lefttree->plan_rows * DEFAULT_CPU_OPERATOR_COST * Max(n, 1);
    agg->plan.total_cost = agg->plan.startup_cost + numGroups * DEFAULT_CPU_TUPLE_COST;
    agg->plan.plan_rows = numGroups;
    agg->plan.plan_width = lefttree->plan_width;
    return (Plan *) agg;
}

/*
 * Would a hash table of the estimated groups fit in work_mem?  Hash
 * aggregation spills to temp files past work_mem (DECISIONS.md 7), so, as
 * in PostgreSQL, the estimate decides: a wrong guess costs time, never
 * unbounded memory.
 */
static bool
groups_fit_in_memory(double numGroups, double input_rows, int width)
{
    double      bytes = numGroups * (MAXALIGN(width) + 64);

    (void) input_rows;
    return bytes < (double) work_mem * 1024.0;
}

/*
 * The input of the aggregation: the grouping expressions as whole
 * columns (keeping their ressortgroupref), then every other Var the
 * select list and HAVING use (PostgreSQL's make_group_input_target).
 */
static List *
make_group_input_target(PlannerInfo *root, List *final_tlist)
{
    Query      *parse = root->parse;
    List       *input = NIL;
    List       *non_group = NIL;
    List       *vars;
    ListCell   *lc;

    foreach(lc, final_tlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (tle->ressortgroupref && find_sortgroupref(parse->groupClause, tle->ressortgroupref))
        {
            TargetEntry *ntle = makeTargetEntry((Expr *) copyObject(tle->expr),
                                                (int16) (list_length(input) + 1), NULL, false);

            ntle->ressortgroupref = tle->ressortgroupref;
            input = lappend(input, ntle);
        }
        else
            non_group = lappend(non_group, tle->expr);
    }
    non_group = lappend(non_group, parse->havingQual);
    vars = pull_var_clause((Node *) non_group, NIL);
    foreach(lc, vars)
    {
        if (tlist_member_index(lfirst(lc), input) == 0)
            input = lappend(input, makeTargetEntry((Expr *) copyObject(lfirst(lc)),
                                                   (int16) (list_length(input) + 1), NULL,
                                                   false));
    }
    return input;
}

/* ---------------------------------------------------------------- SRFs */

static bool
is_srf(Node *node)
{
    return (IsA(node, FuncExpr) && ((FuncExpr *) node)->funcretset) ||
        (IsA(node, OpExpr) && ((OpExpr *) node)->opretset);
}

typedef struct
{
    List       *srfs;
    bool        nested;
} srf_context;

static bool
collect_srfs_walker(Node *node, void *context)
{
    srf_context *ctx = context;

    if (node == NULL)
        return false;
    if (is_srf(node))
    {
        if (expression_returns_set((Node *) ((FuncExpr *) node)->args))
            ctx->nested = true;
        if (!IsA(node, FuncExpr))
            ctx->nested = true;
        if (!list_member(ctx->srfs, node))
            ctx->srfs = lappend(ctx->srfs, node);
        return false;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, collect_srfs_walker, context);
}

/*
 * Set-returning functions in the select list: a ProjectSet computes each
 * SRF call as a top-level column (what nodeProjectSet requires); if any
 * SRF sits inside a larger expression, a Result above finishes the list.
 * input_tlist is what the node below outputs.
 */
static Plan *
make_project_set(PlannerInfo *root, List *final_tlist, Plan *input)
{
    srf_context ctx = {NIL, false};
    ProjectSet *ps = makeNode(ProjectSet);
    bool        all_top = true;
    ListCell   *lc;

    (void) collect_srfs_walker((Node *) final_tlist, &ctx);
    if (ctx.nested)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("nested set-returning functions are not supported"));
    foreach(lc, final_tlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (expression_returns_set((Node *) tle->expr) && !is_srf((Node *) tle->expr))
            all_top = false;
    }
    ps->plan.lefttree = input;
    copy_plan_costsize(&ps->plan, input);
    ps->plan.plan_rows = input->plan_rows * 10;
    if (all_top)
    {
        ps->plan.targetlist = final_tlist;
        return (Plan *) ps;
    }
    /* ProjectSet: the input columns plus each SRF; Result above: the select list */
    ps->plan.targetlist = copy_tlist_as_vars(input->targetlist);
    foreach(lc, ps->plan.targetlist)
        ((TargetEntry *) lfirst(lc))->ressortgroupref = 0;
    foreach(lc, ctx.srfs)
        ps->plan.targetlist = lappend(ps->plan.targetlist,
                                      makeTargetEntry(copyObject(lfirst(lc)),
                                                      (int16) (list_length(ps->plan.targetlist) + 1),
                                                      NULL, false));
    return make_result_plan(final_tlist, NULL, (Plan *) ps);
}

/* ---------------------------------------------------------------- grouping_planner */

static Plan *
grouping_planner(PlannerInfo *root)
{
    Query      *parse = root->parse;
    List       *tlist;
    List       *scanjoin_tlist;
    List       *current_order = NIL;
    bool        grouped;
    bool        srfs_above_agg = true;  /* select-list SRFs run after grouping */
    Path       *path;
    Plan       *plan;
    ListCell   *lc;

    if (parse->setOperations)
    {
        /* UNION: the set operation's plan, then ORDER BY and LIMIT below */
        plan = plan_set_operations(root);
        tlist = parse->targetList;
        grouped = false;
        goto upper;
    }

    tlist = preprocess_targetlist(root);
    root->processed_tlist = tlist;
    grouped = parse->hasAggs || parse->groupClause != NIL || parse->groupingSets != NIL ||
        parse->havingQual != NULL;

    if (grouped)
        scanjoin_tlist = make_group_input_target(root, tlist);
    else if (parse->hasWindowFuncs)
        scanjoin_tlist = make_window_input_target(root, tlist);
    else if (parse->hasTargetSRFs)
    {
        List       *vars = pull_var_clause((Node *) tlist, NIL);

        scanjoin_tlist = NIL;
        foreach(lc, vars)
            scanjoin_tlist = lappend(scanjoin_tlist,
                                     makeTargetEntry((Expr *) copyObject(lfirst(lc)),
                                                     (int16) (list_length(scanjoin_tlist) + 1),
                                                     NULL, false));
    }
    else
        scanjoin_tlist = tlist;

    root->needed_vars = pull_var_clause((Node *) scanjoin_tlist, NIL);
    root->needed_vars = pull_var_clause((Node *) jointree_quals((Node *) parse->jointree, NIL),
                                        root->needed_vars);
    root->needed_vars = lateral_needed_vars(root, root->needed_vars);

    /*
     * A set-returning function in a GROUP BY expression (GROUP BY
     * unnest(tags)) runs below the grouping: the scan computes the Vars, a
     * ProjectSet expands them into the grouping input.  The select list's
     * copy of that expression then matches the Agg's group column.
     */
    if (grouped && expression_returns_set((Node *) scanjoin_tlist))
    {
        List       *vars = pull_var_clause((Node *) scanjoin_tlist, NIL);
        List       *base_tlist = NIL;

        foreach(lc, vars)
            base_tlist = lappend(base_tlist,
                                 makeTargetEntry((Expr *) copyObject(lfirst(lc)),
                                                 (int16) (list_length(base_tlist) + 1),
                                                 NULL, false));
        foreach(lc, tlist)
        {
            TargetEntry *tle = lfirst(lc);

            if (expression_returns_set((Node *) tle->expr) &&
                !(tle->ressortgroupref &&
                  find_sortgroupref(parse->groupClause, tle->ressortgroupref)))
                break;
        }
        if (lc == NULL)
            srfs_above_agg = false;
        path = query_planner(root, base_tlist);
        plan = create_plan(root, path, base_tlist);
        plan = make_project_set(root, scanjoin_tlist, plan);
        goto grouping;
    }

    path = query_planner(root, scanjoin_tlist);
    /* ORDER BY through an index of the only table (indxpath.c) */
    if (!grouped && !parse->hasWindowFuncs && !parse->hasTargetSRFs &&
        parse->distinctClause == NIL && parse->sortClause != NIL)
    {
        bool        sorted;

        path = index_path_for_ordering(root, path, parse->sortClause, scanjoin_tlist, &sorted);
        if (sorted)
            current_order = parse->sortClause;
    }
    plan = create_plan(root, path, scanjoin_tlist);

    /* ---- grouping and aggregation ---- */
grouping:
    if (grouped)
    {
        List       *agg_tlist = tlist;
        List       *qual = make_ands_implicit((Expr *) parse->havingQual);
        double      numGroups;
        List       *groupExprs = NIL;

        if (parse->hasTargetSRFs && srfs_above_agg)
        {
            /* the Agg computes the non-SRF parts; ProjectSet does the rest */
            agg_tlist = copy_tlist_as_vars(scanjoin_tlist);
            foreach(lc, agg_tlist)
                ((TargetEntry *) lfirst(lc))->ressortgroupref = 0;
            {
                List       *aggs = NIL;
                ListCell   *l2;

                /* every Aggref of the select list as its own column */
                foreach(l2, tlist)
                {
                    List       *found = NIL;

                    found = pull_aggrefs((Node *) ((TargetEntry *) lfirst(l2))->expr, found);
                    aggs = list_concat(aggs, found);
                }
                foreach(l2, aggs)
                    if (tlist_member_index(lfirst(l2), agg_tlist) == 0)
                        agg_tlist = lappend(agg_tlist,
                                            makeTargetEntry(lfirst(l2),
                                                            (int16) (list_length(agg_tlist) + 1),
                                                            NULL, false));
            }
        }
        if (parse->hasWindowFuncs)
            agg_tlist = make_window_input_target(root, tlist);  /* planwindow.c */
        foreach(lc, parse->groupClause)
            groupExprs = lappend(groupExprs,
                                 get_sortgroupclause_tle(lfirst(lc), scanjoin_tlist)->expr);
        numGroups = estimate_num_groups(root, groupExprs, plan->plan_rows);

        if (parse->groupingSets != NIL)
            /* GROUPING SETS / ROLLUP / CUBE: sorted rollups (planagg_sets.c) */
            plan = make_grouping_sets_agg(root, agg_tlist, qual, plan);
        else if (parse->groupClause == NIL)
            plan = make_agg(root, agg_tlist, qual, AGG_PLAIN, NIL, 1, plan);
        else
        {
            List       *sortorder = grouping_order_from_sortclause(parse->groupClause,
                                                                   parse->sortClause);
            /* as PostgreSQL: aggregates with DISTINCT/ORDER BY need sorted input groups */
            bool        can_hash = all_hashable(parse->groupClause) &&
                !has_ordered_aggs_walker((Node *) tlist, NULL) &&
                !has_ordered_aggs_walker(parse->havingQual, NULL);
            bool        can_sort = all_sortable(parse->groupClause);
            bool        use_sort;

            if (!can_hash && !can_sort)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("could not implement GROUP BY"),
                        errdetail("Some of the datatypes only support hashing, while others only support sorting."));
            if (!can_hash)
                use_sort = true;
            else if (!can_sort)
                use_sort = false;
            else if (!groups_fit_in_memory(numGroups, plan->plan_rows, plan->plan_width))
                use_sort = true;
            else if (sortorder != NIL)
                /* one sort serves GROUP BY and ORDER BY, unless grouping
                 * shrinks the rows enough that sorting the groups is cheaper */
                use_sort = numGroups * 4 > plan->plan_rows;
            else
                use_sort = false;

            if (use_sort)
            {
                List       *order = sortorder != NIL ? sortorder : parse->groupClause;

                plan = make_sort_from_sortclauses(order, plan, plan->targetlist);
                plan = make_agg(root, agg_tlist, qual, AGG_SORTED, parse->groupClause, numGroups,
                                plan);
                current_order = order;
            }
            else
                plan = make_agg(root, agg_tlist, qual, AGG_HASHED, parse->groupClause,
                                numGroups, plan);
        }
    }

    /* ---- window functions (planwindow.c), then the select list ---- */
    if (parse->hasWindowFuncs)
    {
        plan = plan_window_functions(root, tlist, plan, &current_order);
        if (!(parse->hasTargetSRFs && srfs_above_agg))
            plan = make_result_plan(tlist, NULL, plan);
    }

    /* ---- set-returning functions in the select list ---- */
    if (parse->hasTargetSRFs && srfs_above_agg)
    {
        plan = make_project_set(root, tlist, plan);
        current_order = NIL;
    }

    /* ---- DISTINCT / DISTINCT ON ---- */
    if (parse->distinctClause)
    {
        List       *dtlist = copy_tlist_as_vars(plan->targetlist);
        List       *groupExprs = NIL;
        double      numGroups;

        foreach(lc, parse->distinctClause)
            groupExprs = lappend(groupExprs,
                                 get_sortgroupclause_tle(lfirst(lc), plan->targetlist)->expr);
        numGroups = estimate_num_groups(root, groupExprs, plan->plan_rows);
        if (parse->hasDistinctOn)
        {
            List       *order = list_copy(parse->distinctClause);

            foreach(lc, parse->sortClause)
                if (!find_sortgroupref(order, ((SortGroupClause *) lfirst(lc))->tleSortGroupRef))
                    order = lappend(order, lfirst(lc));
            if (!ordering_satisfies(order, current_order))
                plan = make_sort_from_sortclauses(order, plan, plan->targetlist);
            plan = make_agg(root, dtlist, NIL, AGG_SORTED, parse->distinctClause, numGroups, plan);
            current_order = order;
        }
        else
        {
            bool        can_hash = all_hashable(parse->distinctClause);
            bool        can_sort = all_sortable(parse->distinctClause);
            bool        use_sort;

            if (!can_hash && !can_sort)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("could not implement DISTINCT"),
                        errdetail("Some of the datatypes only support hashing, while others only support sorting."));
            if (!can_hash)
                use_sort = true;
            else if (!can_sort)
                use_sort = false;
            else if (ordering_satisfies(parse->distinctClause, current_order))
                use_sort = true;
            else
                use_sort = !groups_fit_in_memory(numGroups, plan->plan_rows, plan->plan_width);
            if (use_sort)
            {
                if (!ordering_satisfies(parse->distinctClause, current_order))
                    plan = make_sort_from_sortclauses(parse->distinctClause, plan,
                                                      plan->targetlist);
                plan = make_agg(root, dtlist, NIL, AGG_SORTED, parse->distinctClause, numGroups,
                                plan);
                current_order = parse->distinctClause;
            }
            else
            {
                plan = make_agg(root, dtlist, NIL, AGG_HASHED, parse->distinctClause, numGroups,
                                plan);
                current_order = NIL;
            }
        }
    }

upper:
    /* ---- ORDER BY ---- */
    if (parse->sortClause && !ordering_satisfies(parse->sortClause, current_order))
        plan = make_sort_from_sortclauses(parse->sortClause, plan, plan->targetlist);

    /* ---- FOR UPDATE / SHARE: lock after sorting, before LIMIT (as PostgreSQL) ---- */
    if (parse->rowMarks != NIL)
        plan = make_lock_rows(parse, plan);

    /* ---- LIMIT / OFFSET ---- */
    if (parse->limitCount || parse->limitOffset)
    {
        Limit      *limit = makeNode(Limit);

        limit->limitOffset = parse->limitOffset;
        limit->limitCount = parse->limitCount;
        limit->limitOption = LIMIT_OPTION_COUNT;
        if (parse->limitOption == LIMIT_OPTION_WITH_TIES)
        {
            /* rows equal to the last counted one on the ORDER BY keys follow it */
            int         n = list_length(parse->sortClause);

            limit->limitOption = LIMIT_OPTION_WITH_TIES;
            limit->uniqNumCols = n;
            limit->uniqColIdx = palloc(sizeof(int16) * (n + 1));
            limit->uniqOperators = palloc(sizeof(Oid) * (n + 1));
            limit->uniqCollations = palloc(sizeof(Oid) * (n + 1));
            foreach(lc, parse->sortClause)
            {
                SortGroupClause *sgc = lfirst(lc);
                int         i = foreach_current_index(lc);
                ListCell   *tl;

                limit->uniqColIdx[i] = 0;
                foreach(tl, plan->targetlist)
                {
                    TargetEntry *tle = lfirst(tl);

                    if (tle->ressortgroupref == sgc->tleSortGroupRef)
                    {
                        limit->uniqColIdx[i] = (int16) (foreach_current_index(tl) + 1);
                        limit->uniqCollations[i] = exprCollation((Node *) tle->expr);
                        break;
                    }
                }
                if (limit->uniqColIdx[i] == 0)
                    elog(ERROR, "could not find WITH TIES key column %u", sgc->tleSortGroupRef);
                limit->uniqOperators[i] = sgc->eqop;
            }
        }
        limit->plan.targetlist = copy_tlist_as_vars(plan->targetlist);
        limit->plan.lefttree = plan;
        copy_plan_costsize(&limit->plan, plan);
        plan = (Plan *) limit;
    }

    /* ---- INSERT / UPDATE / DELETE ---- */
    if (parse->commandType != CMD_SELECT)
    {
        ModifyTable *mt = makeNode(ModifyTable);

        mt->operation = parse->commandType;
        mt->canSetTag = parse->canSetTag;
        mt->nominalRelation = parse->resultRelation;
        mt->resultRelations = list_make1_int(parse->resultRelation);
        if (parse->commandType == CMD_UPDATE)
            foreach(lc, parse->targetList)
                mt->updateColnos = lappend_int(mt->updateColnos,
                                               ((TargetEntry *) lfirst(lc))->resno);
        if (parse->returningList)
            mt->returningLists = list_make1(parse->returningList);
        if (parse->withCheckOptions)
            mt->withCheckOptionLists = list_make1(parse->withCheckOptions);
        mt->onConflictAction = parse->onConflictAction;
        if (parse->onConflictAction != ONCONFLICT_NONE)
            plan_on_conflict(parse, mt);
        mt->plan.lefttree = plan;
        copy_plan_costsize(&mt->plan, plan);
        plan = (Plan *) mt;
    }
    return plan;
}

/* ---------------------------------------------------------------- query levels */

typedef struct
{
    List       *aggs;
} pull_aggs_context;

static bool
pull_aggrefs_walker(Node *node, void *context)
{
    pull_aggs_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Aggref))
    {
        if (((Aggref *) node)->agglevelsup == 0 && !list_member(ctx->aggs, node))
            ctx->aggs = lappend(ctx->aggs, node);
        return false;
    }
    /* GROUPING() is computed by the Agg too */
    if (IsA(node, GroupingFunc))
    {
        if (((GroupingFunc *) node)->agglevelsup == 0 && !list_member(ctx->aggs, node))
            ctx->aggs = lappend(ctx->aggs, node);
        return false;
    }
    if (IsA(node, Query))
        return false;
    return expression_tree_walker(node, pull_aggrefs_walker, context);
}

static List *
pull_aggrefs(Node *node, List *acc)
{
    pull_aggs_context ctx = {acc};

    (void) pull_aggrefs_walker(node, &ctx);
    return ctx.aggs;
}

PlannerInfo *
subquery_planner(PlannerGlobal *glob, Query *parse, PlannerInfo *parent_root, Plan **plan_out)
{
    PlannerInfo *root = palloc0(sizeof(PlannerInfo));
    int         nrtes = list_length(parse->rtable);
    ListCell   *lc;
    Plan       *plan;

    root->parse = parse;
    root->glob = glob;
    root->parent_root = parent_root;
    root->query_level = parent_root ? parent_root->query_level + 1 : 1;
    root->simple_rel_array_size = nrtes + 1;
    root->simple_rel_array = palloc0(sizeof(RelOptInfo *) * (nrtes + 1));
    root->subroots = palloc0(sizeof(PlannerInfo *) * (nrtes + 1));
    root->subplans_by_rti = palloc0(sizeof(Plan *) * (nrtes + 1));

    /* data-modifying WITH queries (top level only): subplans read by CteScans */
    foreach(lc, parse->cteList)
    {
        CommonTableExpr *cte = lfirst(lc);
        Plan       *cteplan;
        PlannerInfo *cteroot = subquery_planner(glob, (Query *) cte->ctequery, root, &cteplan);

        glob->subplans = lappend(glob->subplans, cteplan);
        glob->subroots = lappend(glob->subroots, cteroot);
        glob->paramExecTypes = lappend_oid(glob->paramExecTypes, INTERNALOID);
        root->cte_plan_ids = lappend_int(root->cte_plan_ids, list_length(glob->subplans));
        root->cte_params = lappend_int(root->cte_params, list_length(glob->paramExecTypes) - 1);
    }

    /* sub-SELECTs in FROM first: their sizes feed the join planning */
    foreach(lc, parse->rtable)
    {
        RangeTblEntry *rte = lfirst(lc);
        int         rti = foreach_current_index(lc) + 1;

        if (rte->rtekind == RTE_SUBQUERY && !parse->setOperations)
        {
            Plan       *subplan;
            List       *saved = root->plan_params;

            root->plan_params = NIL;
            root->subroots[rti] = subquery_planner(glob, rte->subquery, root, &subplan);
            root->subplans_by_rti[rti] = subplan;
            /* its references to this level: LATERAL (lateral.c) */
            lateral_subquery_params(root, rti, root->plan_params);
            root->plan_params = saved;
        }
        else if (rte->rtekind == RTE_VALUES)
            rte->values_lists = (List *) lateral_replace_vars(root, rti,
                                                              preprocess_expression(root, (Node *) rte->values_lists));
        else if (rte->rtekind == RTE_FUNCTION)
            rte->functions = (List *) lateral_replace_vars(root, rti,
                                                           preprocess_expression(root, (Node *) rte->functions));
    }

    parse->targetList = (List *) preprocess_expression(root, (Node *) parse->targetList);
    parse->returningList = (List *) preprocess_expression(root, (Node *) parse->returningList);
    parse->withCheckOptions = (List *) preprocess_expression(root, (Node *) parse->withCheckOptions);
    parse->onConflictSet = (List *) preprocess_expression(root, (Node *) parse->onConflictSet);
    parse->onConflictWhere = preprocess_expression(root, parse->onConflictWhere);
    preprocess_jointree(root, (Node *) parse->jointree);
    parse->havingQual = preprocess_expression(root, parse->havingQual);
    parse->limitOffset = preprocess_expression(root, parse->limitOffset);
    parse->limitCount = preprocess_expression(root, parse->limitCount);

    plan = grouping_planner(root);
    SS_attach_initplans(root, plan);
    *plan_out = plan;
    return root;
}

/*
 * pg_plan_query
 *    The PlannedStmt for an analyzed Query (copied first: the Query stays
 *    valid for re-planning).  Utility statements come back wrapped.
 */
PlannedStmt *
pg_plan_query(Query *querytree, const char *sourceText, ParamListInfo boundParams)
{
    PlannedStmt *result = makeNode(PlannedStmt);
    PlannerGlobal *glob;
    PlannerInfo *root;
    Plan       *plan;
    Query      *parse;

    result->commandType = querytree->commandType;
    result->canSetTag = querytree->canSetTag;
    result->stmt_location = querytree->stmt_location;
    result->stmt_len = querytree->stmt_len;
    if (querytree->commandType == CMD_UTILITY)
    {
        result->utilityStmt = querytree->utilityStmt;
        return result;
    }

    parse = copyObject(querytree);
    glob = palloc0(sizeof(PlannerGlobal));
    root = subquery_planner(glob, parse, NULL, &plan);
    plan = set_plan_references(root, plan);
    for (int i = 0; i < list_length(glob->subplans); i++)
    {
        ListCell   *cell = list_nth_cell(glob->subplans, i);

        lfirst(cell) = set_plan_references(list_nth(glob->subroots, i), lfirst(cell));
    }

    result->hasReturning = (parse->returningList != NIL);
    result->planTree = plan;
    result->rtable = glob->finalrtable;
    result->resultRelations = glob->resultRelations;
    result->subplans = glob->subplans;
    result->relationOids = glob->relationOids;
    result->nParamExec = list_length(glob->paramExecTypes);
    result->modifyingCtePlanIds = root->cte_plan_ids;
    result->modifyingCteParams = root->cte_params;
    return result;
}
