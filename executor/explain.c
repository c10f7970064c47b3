/*-------------------------------------------------------------------------
 * explain.c
 *    EXPLAIN: a plan tree printed as PostgreSQL 15's text format.
 *
 * Principal entry points:
 *    ExplainResultDesc   the "QUERY PLAN" result column
 *    ExplainQuery        options, plan (run it under ANALYZE), print, send
 *
 * Follows PostgreSQL's src/backend/commands/explain.c (ExplainNode and the
 * show_* helpers) for the text format only.  The plan is walked together
 * with its PlanState tree when ANALYZE ran it: each node's Instrumentation
 * (executor/instrument.h) gives rows and loops.  Expressions are printed by
 * procs/expr_deparse.c with a hook that resolves plan Vars the way
 * ruleutils.c does: a scan Var names a range-table column, an OUTER_VAR or
 * INNER_VAR is the child's target-list expression (printed in the child's
 * context), and a nested-loop PARAM_EXEC is the outer Var it carries.
 *
 * Departures: cost numbers are Basalt's planner's; ANALYZE prints no
 * "Rows Removed by Filter", sort/hash memory or buffer counts (the nodes
 * do not count them); a Hash node's rows are its child's.  JSON, YAML and
 * XML formats are refused with 0A000.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <strings.h>
#include <time.h>

#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"
#include "executor/executor.h"
#include "executor/explain.h"
#include "executor/instrument.h"
#include "executor/tuptable.h"
#include "planner/makefuncs.h"
#include "planner/nodefuncs.h"
#include "planner/planner.h"
#include "procs/builtins.h"
#include "procs/expr_deparse.h"
#include "storage/snapshot.h"

typedef struct ExplainState
{
    StringInfo  str;            /* the output so far, lines ended by '\n' */
    bool        analyze;
    bool        verbose;
    bool        costs;
    bool        timing;
    bool        summary;
    int         indent;         /* current indentation level (2 spaces each) */
    PlannedStmt *pstmt;
    List       *rtable;
    char      **rtnames;        /* unique display name per range table entry */
    bool        rtable_multi;   /* more than one entry: qualify column names */
    List       *ancestors;      /* Plan nodes above the one being printed */
    List       *subplan_stack;  /* ExplainSubPlanFrame of the SubPlans being printed, innermost first */
} ExplainState;

/* A SubPlan being printed: its parameters are its args in the parent's terms. */
typedef struct ExplainSubPlanFrame
{
    SubPlan    *sp;
    Plan       *parent;
    List       *parent_ancestors;
} ExplainSubPlanFrame;

/* Where Vars of an expression are resolved (one plan node). */
typedef struct ExplainDeparse
{
    ExplainState *es;
    Plan       *plan;
    List       *ancestors;      /* plan's ancestors, nearest first */
    bool        useprefix;
} ExplainDeparse;

static void ExplainNode(Plan *plan, PlanState *ps, const char *label, ExplainState *es);

/* ---------------------------------------------------------------- options */

static bool
option_boolean(PgQuery__DefElem *opt, const char *queryString)
{
    PgQuery__Node *arg = opt->arg;

    (void) queryString;
    if (arg == NULL)
        return true;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
    {
        if (arg->integer->ival == 0)
            return false;
        if (arg->integer->ival == 1)
            return true;
    }
    else if (arg->node_case == PG_QUERY__NODE__NODE_STRING)
    {
        const char *s = arg->string->sval;

        if (strcasecmp(s, "true") == 0 || strcasecmp(s, "on") == 0)
            return true;
        if (strcasecmp(s, "false") == 0 || strcasecmp(s, "off") == 0)
            return false;
    }
    else if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
        return arg->boolean->boolval;
    ereport(ERROR,
            errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("%s requires a Boolean value", opt->defname));
    return false;
}

static void
parse_options(PgQuery__ExplainStmt *stmt, ExplainState *es, const char *queryString)
{
    bool        timing_set = false;
    bool        summary_set = false;

    es->costs = true;
    for (size_t i = 0; i < stmt->n_options; i++)
    {
        PgQuery__DefElem *opt = stmt->options[i]->def_elem;
        const char *name = opt->defname;

        if (strcmp(name, "analyze") == 0)
            es->analyze = option_boolean(opt, queryString);
        else if (strcmp(name, "verbose") == 0)
            es->verbose = option_boolean(opt, queryString);
        else if (strcmp(name, "costs") == 0)
            es->costs = option_boolean(opt, queryString);
        else if (strcmp(name, "buffers") == 0 || strcmp(name, "wal") == 0 ||
                 strcmp(name, "settings") == 0)
            (void) option_boolean(opt, queryString);    /* accepted, nothing printed */
        else if (strcmp(name, "timing") == 0)
        {
            timing_set = true;
            es->timing = option_boolean(opt, queryString);
        }
        else if (strcmp(name, "summary") == 0)
        {
            summary_set = true;
            es->summary = option_boolean(opt, queryString);
        }
        else if (strcmp(name, "format") == 0)
        {
            const char *p = (opt->arg && opt->arg->node_case == PG_QUERY__NODE__NODE_STRING) ?
                opt->arg->string->sval : "";

            if (strcmp(p, "text") == 0)
                continue;
            if (strcmp(p, "xml") == 0 || strcmp(p, "json") == 0 || strcmp(p, "yaml") == 0)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("EXPLAIN (FORMAT %s) is not supported yet", p));
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("unrecognized value for EXPLAIN option \"%s\": \"%s\"", name, p),
                    errposition(opt->location + 1));
        }
        else
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("unrecognized EXPLAIN option \"%s\"", name),
                    errposition(opt->location + 1));
    }
    for (size_t i = 0; i < stmt->n_options; i++)
    {
        PgQuery__DefElem *opt = stmt->options[i]->def_elem;

        if (strcmp(opt->defname, "wal") == 0 && option_boolean(opt, queryString) && !es->analyze)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("EXPLAIN option WAL requires ANALYZE"));
    }
    /* PostgreSQL: TIMING defaults to ANALYZE, and needs it when asked for */
    if (!timing_set)
        es->timing = es->analyze;
    else if (es->timing && !es->analyze)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("EXPLAIN option TIMING requires ANALYZE"));
    if (!summary_set)
        es->summary = es->analyze;
}

/* ---------------------------------------------------------------- names */

/* PostgreSQL's set_rtable_names: alias names made unique with _N suffixes */
static void
assign_rtable_names(ExplainState *es)
{
    int         n = list_length(es->rtable);
    ListCell   *lc;

    es->rtnames = palloc0(sizeof(char *) * (Size) Max(n, 1));
    foreach(lc, es->rtable)
    {
        RangeTblEntry *rte = lfirst(lc);
        int         i = foreach_current_index(lc);
        const char *base;
        char       *name;
        int         suffix = 0;
        bool        clash;

        if (rte->alias && rte->alias->aliasname)
            base = rte->alias->aliasname;
        else if (rte->rtekind == RTE_RELATION)
            base = get_rel_name(rte->relid);
        else if (rte->eref && rte->eref->aliasname)
            base = rte->eref->aliasname;
        else
            base = NULL;
        if (base == NULL || rte->rtekind == RTE_JOIN)
            continue;
        name = pstrdup(base);
        do
        {
            clash = false;
            for (int j = 0; j < i; j++)
                if (es->rtnames[j] && strcmp(es->rtnames[j], name) == 0)
                {
                    clash = true;
                    name = psprintf("%s_%d", base, ++suffix);
                    break;
                }
        } while (clash);
        es->rtnames[i] = name;
    }
}

static RangeTblEntry *
rt_fetch(ExplainState *es, int rti)
{
    if (rti < 1 || rti > list_length(es->rtable))
        return NULL;
    return list_nth(es->rtable, rti - 1);
}

static const char *
rte_colname(RangeTblEntry *rte, int attno)
{
    if (attno <= 0)
        return NULL;
    if (rte->eref && attno <= list_length(rte->eref->colnames))
        return (const char *) list_nth(rte->eref->colnames, attno - 1);
    return NULL;
}

/* ---------------------------------------------------------------- expressions */

static bool explain_var_hook(Node *node, StringInfo buf, void *arg);

static Plan *
outer_plan_of(Plan *plan)
{
    if (IsA(plan, Append))
    {
        Append     *ap = (Append *) plan;

        return ap->appendplans ? linitial(ap->appendplans) : NULL;
    }
    return plan->lefttree;
}

static Plan *
inner_plan_of(Plan *plan)
{
    return plan->righttree;
}

static bool
deparse_in(StringInfo buf, Node *expr, Plan *plan, List *ancestors, ExplainState *es,
           bool useprefix)
{
    ExplainDeparse d;

    d.es = es;
    d.plan = plan;
    d.ancestors = ancestors;
    d.useprefix = useprefix;
    return deparse_expression_with_hook(buf, expr, explain_var_hook, &d);
}

/* the target-list expression of a child plan, printed in its context */
static bool
deparse_child_column(StringInfo buf, Plan *child, int attno, ExplainDeparse *d)
{
    TargetEntry *tle;
    List       *anc;
    bool        ok;

    if (child == NULL || attno < 1 || attno > list_length(child->targetlist))
        return false;
    tle = list_nth(child->targetlist, attno - 1);
    anc = lcons(d->plan, d->ancestors);
    if (!IsA(tle->expr, Var))
        appendStringInfoChar(buf, '(');
    ok = deparse_in(buf, (Node *) tle->expr, child, anc, d->es, d->useprefix);
    if (!IsA(tle->expr, Var))
        appendStringInfoChar(buf, ')');
    return ok;
}

/* PostgreSQL's find_param_referent for nested-loop parameters */
static bool
deparse_nestloop_param(StringInfo buf, Param *p, ExplainDeparse *d)
{
    ListCell   *lc;

    foreach(lc, d->ancestors)
    {
        Plan       *anc = lfirst(lc);
        ListCell   *lp;

        if (!IsA(anc, NestLoop))
            continue;
        foreach(lp, ((NestLoop *) anc)->nestParams)
        {
            NestLoopParam *nlp = lfirst(lp);

            if (nlp->paramno == p->paramid)
                /* the Var is in the nested loop's own terms (its outer child) */
            {
                List       *rest = NIL;

                for (int k = foreach_current_index(lc) + 1; k < list_length(d->ancestors); k++)
                    rest = lappend(rest, list_nth(d->ancestors, k));
                return deparse_in(buf, (Node *) nlp->paramval, anc, rest, d->es, true);
            }
        }
    }
    return false;
}

static bool
explain_var_hook(Node *node, StringInfo buf, void *arg)
{
    ExplainDeparse *d = arg;
    ExplainState *es = d->es;

    if (IsA(node, Param))
    {
        Param      *p = (Param *) node;

        if (p->paramkind == PARAM_EXEC && deparse_nestloop_param(buf, p, d))
            return true;
        if (p->paramkind == PARAM_EXEC)
        {
            ListCell   *lc;

            /* a correlated SubPlan's parameter: the outer expression it passes */
            foreach(lc, es->subplan_stack)
            {
                ExplainSubPlanFrame *f = lfirst(lc);
                ListCell   *lp,
                           *la;

                forboth(lp, f->sp->parParam, la, f->sp->args)
                {
                    if (lfirst_int(lp) == p->paramid)
                        return deparse_in(buf, lfirst(la), f->parent, f->parent_ancestors,
                                          es, true);
                }
            }
        }
        appendStringInfo(buf, "$%d", p->paramid);
        return true;
    }
    else
    {
        Var        *v = (Var *) node;
        RangeTblEntry *rte;
        const char *colname;

        if (v->varno == OUTER_VAR)
            return deparse_child_column(buf, outer_plan_of(d->plan), v->varattno, d);
        if (v->varno == INNER_VAR)
            return deparse_child_column(buf, inner_plan_of(d->plan), v->varattno, d);
        rte = rt_fetch(es, v->varno);
        if (rte == NULL)
            return false;
        if (v->varattno == SelfItemPointerAttributeNumber)
            colname = "ctid";
        else if (v->varattno == 0)
        {
            appendStringInfoString(buf, quote_identifier(es->rtnames[v->varno - 1] ?
                                                         es->rtnames[v->varno - 1] : "?"));
            return true;
        }
        else
            colname = rte_colname(rte, v->varattno);
        if (colname == NULL)
            return false;
        if (d->useprefix && es->rtnames[v->varno - 1])
            appendStringInfo(buf, "%s.", quote_identifier(es->rtnames[v->varno - 1]));
        appendStringInfoString(buf, quote_identifier(colname));
        return true;
    }
}

/* an implicitly-ANDed list as one expression, PostgreSQL's show_qual */
static char *
deparse_qual(List *qual, Plan *plan, ExplainState *es, bool useprefix)
{
    StringInfoData buf;
    Node       *expr;

    if (qual == NIL)
        return NULL;
    expr = list_length(qual) == 1 ? linitial(qual) : (Node *) makeBoolExpr(AND_EXPR, qual, -1);
    initStringInfo(&buf);
    if (!deparse_in(&buf, expr, plan, es->ancestors, es, useprefix))
        return pstrdup("?");
    return buf.data;
}

/* ---------------------------------------------------------------- output */

static void
indent_text(ExplainState *es)
{
    appendStringInfoSpaces(es->str, es->indent * 2);
}

static void
property_text(ExplainState *es, const char *label, const char *value)
{
    indent_text(es);
    appendStringInfo(es->str, "%s: %s\n", label, value);
}

static void
show_qual(ExplainState *es, const char *label, List *qual, Plan *plan, bool useprefix)
{
    char       *s = deparse_qual(qual, plan, es, useprefix);

    if (s)
        property_text(es, label, s);
}

/* Sort Key / Group Key: the node's (or child's) target-list columns */
static void
show_keys(ExplainState *es, const char *label, Plan *ctxplan, int n, const int16 *cols,
          const Oid *sortops, const bool *nullsFirst)
{
    StringInfoData buf;
    bool        useprefix = es->rtable_multi || es->verbose;

    if (n <= 0)
        return;
    initStringInfo(&buf);
    for (int i = 0; i < n; i++)
    {
        TargetEntry *tle;

        if (i > 0)
            appendStringInfoString(&buf, ", ");
        if (cols[i] < 1 || cols[i] > list_length(ctxplan->targetlist))
        {
            appendStringInfoChar(&buf, '?');
            continue;
        }
        tle = list_nth(ctxplan->targetlist, cols[i] - 1);
        {
            StringInfoData e;

            initStringInfo(&e);
            if (!deparse_in(&e, (Node *) tle->expr, ctxplan, es->ancestors, es, useprefix))
                appendStringInfoChar(&buf, '?');
            else
                appendStringInfoString(&buf, e.data);
        }
        if (sortops)
        {
            char       *opname = get_opname(sortops[i]);
            bool        desc = opname && strcmp(opname, ">") == 0;

            if (desc)
                appendStringInfoString(&buf, " DESC");
            /* NULLS FIRST is the default for DESC, NULLS LAST for ASC */
            if (nullsFirst && nullsFirst[i] && !desc)
                appendStringInfoString(&buf, " NULLS FIRST");
            else if (nullsFirst && !nullsFirst[i] && desc)
                appendStringInfoString(&buf, " NULLS LAST");
        }
    }
    property_text(es, label, buf.data);
}

static void
show_tlist(ExplainState *es, Plan *plan)
{
    StringInfoData buf;
    ListCell   *lc;

    if (plan->targetlist == NIL)
        return;
    initStringInfo(&buf);
    foreach(lc, plan->targetlist)
    {
        TargetEntry *tle = lfirst(lc);

        if (foreach_current_index(lc) > 0)
            appendStringInfoString(&buf, ", ");
        if (!deparse_in(&buf, (Node *) tle->expr, plan, es->ancestors, es, es->rtable_multi))
            appendStringInfoChar(&buf, '?');
    }
    property_text(es, "Output", buf.data);
}

/* " on name [alias]" as ExplainTargetRel */
static void
explain_target_rel(ExplainState *es, int rti, const char *objectname, const char *nspname)
{
    const char *refname = (rti >= 1 && rti <= list_length(es->rtable)) ?
        es->rtnames[rti - 1] : NULL;

    if (refname == NULL)
        refname = objectname;
    if (objectname != NULL)
    {
        appendStringInfoString(es->str, " on");
        if (nspname)
            appendStringInfo(es->str, " %s.%s", quote_identifier(nspname),
                             quote_identifier(objectname));
        else
            appendStringInfo(es->str, " %s", quote_identifier(objectname));
    }
    else if (refname)
        appendStringInfo(es->str, " on %s", quote_identifier(refname));
    if (objectname != NULL && refname != NULL && strcmp(refname, objectname) != 0)
        appendStringInfo(es->str, " %s", quote_identifier(refname));
}

static void
explain_scan_target(ExplainState *es, Plan *plan, int rti)
{
    RangeTblEntry *rte = rt_fetch(es, rti);
    const char *objectname = NULL;
    const char *nspname = NULL;

    if (rte == NULL)
        return;
    switch (nodeTag(plan))
    {
        case T_SeqScan:
        case T_IndexScan:
        case T_ModifyTable:
            objectname = get_rel_name(rte->relid);
            if (es->verbose)
                nspname = get_namespace_name(get_rel_namespace(rte->relid));
            break;
        case T_FunctionScan:
            {
                FunctionScan *fs = (FunctionScan *) plan;

                if (list_length(fs->functions) == 1 && IsA(linitial(fs->functions), FuncExpr))
                {
                    Oid         funcid = ((FuncExpr *) linitial(fs->functions))->funcid;

                    objectname = get_func_name(funcid);
                    if (es->verbose)
                        nspname = get_namespace_name(get_func_namespace(funcid));
                }
                break;
            }
        case T_CteScan:
        case T_WorkTableScan:
            objectname = rte->ctename;
            break;
        default:
            break;
    }
    explain_target_rel(es, rti, objectname, nspname);
}

static const char *
join_type_name(JoinType jt)
{
    switch (jt)
    {
        case JOIN_INNER: return "Inner";
        case JOIN_LEFT: return "Left";
        case JOIN_FULL: return "Full";
        case JOIN_RIGHT: return "Right";
        case JOIN_SEMI: return "Semi";
        case JOIN_ANTI: return "Anti";
    }
    return "???";
}

static const char *
node_name(Plan *plan)
{
    switch (nodeTag(plan))
    {
        case T_Result: return "Result";
        case T_ProjectSet: return "ProjectSet";
        case T_ModifyTable:
            switch (((ModifyTable *) plan)->operation)
            {
                case CMD_INSERT: return "Insert";
                case CMD_UPDATE: return "Update";
                case CMD_DELETE: return "Delete";
                default: return "???";
            }
        case T_Append: return "Append";
        case T_RecursiveUnion: return "Recursive Union";
        case T_NestLoop: return "Nested Loop";
        case T_MergeJoin: return "Merge";
        case T_HashJoin: return "Hash";
        case T_SeqScan: return "Seq Scan";
        case T_IndexScan: return "Index Scan";
        case T_SubqueryScan: return "Subquery Scan";
        case T_FunctionScan: return "Function Scan";
        case T_ValuesScan: return "Values Scan";
        case T_CteScan: return "CTE Scan";
        case T_WorkTableScan: return "WorkTable Scan";
        case T_Material: return "Materialize";
        case T_Sort: return "Sort";
        case T_Group: return "Group";
        case T_Agg:
            switch (((Agg *) plan)->aggstrategy)
            {
                case AGG_PLAIN: return "Aggregate";
                case AGG_SORTED: return "GroupAggregate";
                case AGG_HASHED: return "HashAggregate";
                case AGG_MIXED: return "MixedAggregate";
            }
            return "Aggregate ???";
        case T_WindowAgg: return "WindowAgg";
        case T_Unique: return "Unique";
        case T_SetOp: return ((SetOp *) plan)->strategy == SETOP_HASHED ? "HashSetOp" : "SetOp";
        case T_LockRows: return "LockRows";
        case T_Limit: return "Limit";
        case T_Hash: return "Hash";
        default: return "???";
    }
}

/*
 * The first CteScan of each CTE in a plan tree (not inside subplans), in
 * tree order: PostgreSQL prints each CTE's plan once, as "CTE name" under
 * the statement's top node.
 */
static void
collect_cte_plans(Plan *plan, List **scans)
{
    ListCell   *lc;

    if (plan == NULL)
        return;
    if (IsA(plan, CteScan))
    {
        CteScan    *cs = (CteScan *) plan;
        bool        seen = false;

        foreach(lc, *scans)
            if (((CteScan *) lfirst(lc))->ctePlanId == cs->ctePlanId)
                seen = true;
        if (!seen)
            *scans = lappend(*scans, cs);
    }
    collect_cte_plans(plan->lefttree, scans);
    collect_cte_plans(plan->righttree, scans);
    if (IsA(plan, Append))
        foreach(lc, ((Append *) plan)->appendplans)
            collect_cte_plans(lfirst(lc), scans);
}

/* ---------------------------------------------------------------- nodes */

/* the PlanState of PlannedStmt.subplans[plan_id - 1] (ANALYZE), or NULL */
static PlanState *
subplan_state(PlanState *parent, int plan_id)
{
    if (parent == NULL || parent->state == NULL)
        return NULL;
    if (plan_id < 1 || plan_id > list_length(parent->state->es_subplanstates))
        return NULL;
    return list_nth(parent->state->es_subplanstates, plan_id - 1);
}

static void
explain_subplan(SubPlan *sp, PlanState *parent, ExplainState *es)
{
    Plan       *plan = list_nth(es->pstmt->subplans, sp->plan_id - 1);
    List       *save = es->ancestors;
    List       *save_stack = es->subplan_stack;
    ExplainSubPlanFrame *f = palloc(sizeof(ExplainSubPlanFrame));

    /* es->ancestors starts with the parent plan node */
    f->sp = sp;
    f->parent = linitial(es->ancestors);
    f->parent_ancestors = list_copy(es->ancestors);
    f->parent_ancestors = list_delete_nth_cell(f->parent_ancestors, 0);
    es->subplan_stack = lcons(f, es->subplan_stack);
    ExplainNode(plan, subplan_state(parent, sp->plan_id), sp->plan_name, es);
    es->subplan_stack = save_stack;
    es->ancestors = save;
}

static bool
find_subplans_walker(Node *node, void *arg)
{
    List      **found = arg;

    if (node == NULL)
        return false;
    if (IsA(node, SubPlan))
    {
        *found = lappend(*found, node);
        /* its args may hold SubPlans of their own */
        return expression_tree_walker((Node *) ((SubPlan *) node)->args,
                                      find_subplans_walker, arg) ||
            expression_tree_walker(((SubPlan *) node)->testexpr, find_subplans_walker, arg);
    }
    return expression_tree_walker(node, find_subplans_walker, arg);
}

/* the SubPlans in a node's own expressions, PostgreSQL's planstate->subPlan */
static List *
node_subplans(Plan *plan)
{
    List       *found = NIL;

    find_subplans_walker((Node *) plan->targetlist, &found);
    find_subplans_walker((Node *) plan->qual, &found);
    switch (nodeTag(plan))
    {
        case T_Result:
            find_subplans_walker(((Result *) plan)->resconstantqual, &found);
            break;
        case T_NestLoop:
        case T_HashJoin:
        case T_MergeJoin:
            find_subplans_walker((Node *) ((Join *) plan)->joinqual, &found);
            break;
        case T_IndexScan:
            find_subplans_walker((Node *) ((IndexScan *) plan)->indexqual, &found);
            break;
        case T_FunctionScan:
            find_subplans_walker((Node *) ((FunctionScan *) plan)->functions, &found);
            break;
        case T_ValuesScan:
            find_subplans_walker((Node *) ((ValuesScan *) plan)->values_lists, &found);
            break;
        case T_ModifyTable:
            find_subplans_walker((Node *) ((ModifyTable *) plan)->returningLists, &found);
            break;
        case T_Limit:
            find_subplans_walker(((Limit *) plan)->limitCount, &found);
            find_subplans_walker(((Limit *) plan)->limitOffset, &found);
            break;
        default:
            break;
    }
    return found;
}

/* Basalt's IndexScan qual repeats the index conditions: show the rest */
static List *
index_filter_quals(IndexScan *is)
{
    List       *rest = NIL;
    ListCell   *lc;

    foreach(lc, is->scan.plan.qual)
    {
        Node       *q = lfirst(lc);
        bool        isindex = list_member(is->indexqual, q);

        if (!isindex && IsA(q, OpExpr) && list_length(((OpExpr *) q)->args) == 2)
        {
            ListCell   *li;

            /* "42 = id" is indexed as "id = 42" */
            foreach(li, is->indexqual)
            {
                Node       *iq = lfirst(li);

                if (IsA(iq, OpExpr) && list_length(((OpExpr *) iq)->args) == 2 &&
                    equal(linitial(((OpExpr *) q)->args), lsecond(((OpExpr *) iq)->args)) &&
                    equal(lsecond(((OpExpr *) q)->args), linitial(((OpExpr *) iq)->args)))
                    isindex = true;
            }
        }
        if (!isindex)
            rest = lappend(rest, q);
    }
    return rest;
}

static void
show_instrumentation(ExplainState *es, Plan *plan, PlanState *ps)
{
    Instrumentation *instr = ps ? ps->instrument : NULL;
    double      nloops, ntuples, startup, total;

    /* Hash is filled by MultiExecHash, not ExecProcNode: its rows are its child's */
    if (IsA(plan, Hash) && ps && ps->lefttree && ps->lefttree->instrument)
        instr = ps->lefttree->instrument;
    if (instr)
        InstrEndLoop(instr);
    if (instr == NULL || instr->nloops <= 0)
    {
        appendStringInfoString(es->str, " (never executed)");
        return;
    }
    nloops = instr->nloops;
    ntuples = instr->ntuples / nloops;
    startup = 1000.0 * instr->startup / nloops;
    total = 1000.0 * instr->total / nloops;
    if (es->timing)
        appendStringInfo(es->str, " (actual time=%.3f..%.3f rows=%.0f loops=%.0f)",
                         startup, total, ntuples, nloops);
    else
        appendStringInfo(es->str, " (actual rows=%.0f loops=%.0f)", ntuples, nloops);
}

static void
ExplainNode(Plan *plan, PlanState *ps, const char *label, ExplainState *es)
{
    int         save_indent = es->indent;
    List       *save_ancestors = es->ancestors;
    bool        upper_prefix = es->rtable_multi || es->verbose;
    const char *pname = node_name(plan);
    ListCell   *lc;
    List       *subplans;

    if (label)
    {
        indent_text(es);
        appendStringInfo(es->str, "%s\n", label);
        es->indent++;
    }
    if (es->indent)
    {
        indent_text(es);
        appendStringInfoString(es->str, "->  ");
        es->indent += 2;
    }
    appendStringInfoString(es->str, pname);

    switch (nodeTag(plan))
    {
        case T_IndexScan:
            {
                IndexScan  *is = (IndexScan *) plan;

                if (is->indexorderdir == BackwardScanDirection)
                    appendStringInfoString(es->str, " Backward");
                appendStringInfo(es->str, " using %s", quote_identifier(get_rel_name(is->indexid)));
                explain_scan_target(es, plan, is->scan.scanrelid);
                break;
            }
        case T_SeqScan:
        case T_FunctionScan:
        case T_ValuesScan:
        case T_CteScan:
        case T_WorkTableScan:
        case T_SubqueryScan:
            explain_scan_target(es, plan, ((Scan *) plan)->scanrelid);
            break;
        case T_ModifyTable:
            explain_scan_target(es, plan, ((ModifyTable *) plan)->nominalRelation);
            break;
        case T_NestLoop:
        case T_HashJoin:
        case T_MergeJoin:
            {
                Join       *j = (Join *) plan;

                if (j->jointype != JOIN_INNER)
                    appendStringInfo(es->str, " %s Join", join_type_name(j->jointype));
                else if (!IsA(plan, NestLoop))
                    appendStringInfoString(es->str, " Join");
                break;
            }
        case T_SetOp:
            {
                static const char *const cmds[] = {"Intersect", "Intersect All", "Except", "Except All"};

                appendStringInfo(es->str, " %s", cmds[((SetOp *) plan)->cmd]);
                break;
            }
        default:
            break;
    }
    if (es->costs)
        appendStringInfo(es->str, "  (cost=%.2f..%.2f rows=%.0f width=%d)",
                         plan->startup_cost, plan->total_cost, plan->plan_rows, plan->plan_width);
    if (es->analyze)
        show_instrumentation(es, plan, ps);
    appendStringInfoChar(es->str, '\n');
    es->indent++;

    if (es->verbose)
        show_tlist(es, plan);

    /* details, in PostgreSQL's order */
    switch (nodeTag(plan))
    {
        case T_IndexScan:
            {
                IndexScan  *is = (IndexScan *) plan;

                show_qual(es, "Index Cond", is->indexqual, plan, es->verbose);
                show_qual(es, "Filter", index_filter_quals(is), plan, es->verbose);
                break;
            }
        case T_SeqScan:
        case T_ValuesScan:
        case T_CteScan:
        case T_WorkTableScan:
        case T_SubqueryScan:
            show_qual(es, "Filter", plan->qual, plan, es->verbose || IsA(plan, SubqueryScan));
            break;
        case T_FunctionScan:
            if (es->verbose)
            {
                StringInfoData buf;

                initStringInfo(&buf);
                foreach(lc, ((FunctionScan *) plan)->functions)
                {
                    if (foreach_current_index(lc) > 0)
                        appendStringInfoString(&buf, ", ");
                    if (!deparse_in(&buf, lfirst(lc), plan, es->ancestors, es, true))
                        appendStringInfoChar(&buf, '?');
                }
                property_text(es, "Function Call", buf.data);
            }
            show_qual(es, "Filter", plan->qual, plan, es->verbose);
            break;
        case T_NestLoop:
        case T_HashJoin:
        case T_MergeJoin:
            if (IsA(plan, HashJoin))
                show_qual(es, "Hash Cond", ((HashJoin *) plan)->hashclauses, plan, upper_prefix);
            if (IsA(plan, MergeJoin))
                show_qual(es, "Merge Cond", ((MergeJoin *) plan)->mergeclauses, plan, upper_prefix);
            show_qual(es, "Join Filter", ((Join *) plan)->joinqual, plan, upper_prefix);
            show_qual(es, "Filter", plan->qual, plan, upper_prefix);
            break;
        case T_Agg:
            {
                Agg        *agg = (Agg *) plan;

                if (agg->numCols > 0 && plan->lefttree)
                {
                    es->ancestors = lcons(plan, es->ancestors);
                    show_keys(es, "Group Key", plan->lefttree, agg->numCols, agg->grpColIdx,
                              NULL, NULL);
                    es->ancestors = save_ancestors;
                }
                show_qual(es, "Filter", plan->qual, plan, upper_prefix);
                break;
            }
        case T_Group:
            if (plan->lefttree)
            {
                es->ancestors = lcons(plan, es->ancestors);
                show_keys(es, "Group Key", plan->lefttree, ((Group *) plan)->numCols,
                          ((Group *) plan)->grpColIdx, NULL, NULL);
                es->ancestors = save_ancestors;
            }
            show_qual(es, "Filter", plan->qual, plan, upper_prefix);
            break;
        case T_Sort:
            {
                Sort       *sort = (Sort *) plan;

                show_keys(es, "Sort Key", plan, sort->numCols, sort->sortColIdx,
                          sort->sortOperators, sort->nullsFirst);
                break;
            }
        case T_Result:
            show_qual(es, "One-Time Filter",
                      ((Result *) plan)->resconstantqual ?
                      (IsA(((Result *) plan)->resconstantqual, List) ?
                       (List *) ((Result *) plan)->resconstantqual :
                       list_make1(((Result *) plan)->resconstantqual)) : NIL,
                      plan, upper_prefix);
            show_qual(es, "Filter", plan->qual, plan, upper_prefix);
            break;
        case T_ModifyTable:
            {
                ModifyTable *mt = (ModifyTable *) plan;

                if (mt->onConflictAction != ONCONFLICT_NONE)
                {
                    property_text(es, "Conflict Resolution",
                                  mt->onConflictAction == ONCONFLICT_NOTHING ? "NOTHING" : "UPDATE");
                    if (mt->arbiterIndexes != NIL)
                    {
                        StringInfoData buf;

                        initStringInfo(&buf);
                        foreach(lc, mt->arbiterIndexes)
                        {
                            if (foreach_current_index(lc) > 0)
                                appendStringInfoString(&buf, ", ");
                            appendStringInfoString(&buf, get_rel_name(lfirst_oid(lc)));
                        }
                        property_text(es, "Conflict Arbiter Indexes", buf.data);
                    }
                    show_qual(es, "Conflict Filter", mt->onConflictWhere, plan, upper_prefix);
                }
                break;
            }
        default:
            show_qual(es, "Filter", plan->qual, plan, upper_prefix);
            break;
    }

    es->ancestors = lcons(plan, save_ancestors);

    /* initplans, then CTEs at the statement's top node */
    if (plan->initPlan)
    {
        foreach(lc, plan->initPlan)
        {
            SubPlan    *sp = lfirst(lc);

            explain_subplan(sp, ps, es);
        }
    }
    if (plan == es->pstmt->planTree)
    {
        List       *scans = NIL;
        ListCell   *li;

        collect_cte_plans(plan, &scans);
        foreach(li, scans)
        {
            CteScan    *cs = lfirst(li);
            RangeTblEntry *rte = rt_fetch(es, cs->scan.scanrelid);
            char       *label2 = psprintf("CTE %s", rte && rte->ctename ?
                                          quote_identifier(rte->ctename) : "?");

            ExplainNode(list_nth(es->pstmt->subplans, cs->ctePlanId - 1),
                        subplan_state(ps, cs->ctePlanId), label2, es);
            es->ancestors = lcons(plan, save_ancestors);
        }
    }

    /* children */
    if (IsA(plan, Append))
    {
        AppendState *as = (AppendState *) ps;

        foreach(lc, ((Append *) plan)->appendplans)
        {
            int         i = foreach_current_index(lc);

            ExplainNode(lfirst(lc), as && i < as->as_nplans ? as->appendplans[i] : NULL,
                        NULL, es);
        }
    }
    else
    {
        if (plan->lefttree)
            ExplainNode(plan->lefttree, ps ? ps->lefttree : NULL, NULL, es);
        if (plan->righttree)
            ExplainNode(plan->righttree, ps ? ps->righttree : NULL, NULL, es);
    }

    /* subplans of this node's expressions */
    subplans = node_subplans(plan);
    foreach(lc, subplans)
        explain_subplan(lfirst(lc), ps, es);

    es->indent = save_indent;
    es->ancestors = save_ancestors;
}

/* ---------------------------------------------------------------- entry */

TupleDesc
ExplainResultDesc(void)
{
    TupleDesc   desc = CreateTemplateTupleDesc(1);

    TupleDescInitEntry(desc, 1, "QUERY PLAN", TEXTOID, -1, 0);
    return desc;
}

static double
seconds_now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* every line of the output as one row */
static void
send_lines(StringInfo str, DestReceiver *dest)
{
    TupleDesc   desc = ExplainResultDesc();
    TupleTableSlot *slot = MakeSingleTupleTableSlot(desc);
    char       *p = str->data;

    dest->rStartup(dest, CMD_SELECT, desc);
    while (*p)
    {
        char       *eol = strchr(p, '\n');
        int         len = eol ? (int) (eol - p) : (int) strlen(p);

        ExecClearTuple(slot);
        slot->tts_values[0] = PointerGetDatum(cstring_to_text_with_len(p, len));
        slot->tts_isnull[0] = false;
        ExecStoreVirtualTuple(slot);
        (void) dest->receiveSlot(slot, dest);
        p += len;
        if (*p == '\n')
            p++;
    }
    dest->rShutdown(dest);
    ExecDropSingleTupleTableSlot(slot);
}

void
ExplainQuery(RawStmt *pstmt, const char *queryString, ParamListInfo params,
             DestReceiver *dest)
{
    PgQuery__ExplainStmt *stmt = pstmt->stmt->explain_stmt;
    ExplainState es;
    StringInfoData str;
    RawStmt     raw;
    Query      *query;
    PlannedStmt *plan;
    QueryDesc  *qd = NULL;
    double      t0, t_plan, t_exec = 0;

    memset(&es, 0, sizeof(es));
    parse_options(stmt, &es, queryString);
    switch (stmt->query->node_case)
    {
        case PG_QUERY__NODE__NODE_SELECT_STMT:
        case PG_QUERY__NODE__NODE_INSERT_STMT:
        case PG_QUERY__NODE__NODE_UPDATE_STMT:
        case PG_QUERY__NODE__NODE_DELETE_STMT:
            break;
        default:
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("EXPLAIN of this statement kind is not supported yet"));
    }

    t0 = seconds_now();
    raw.stmt = stmt->query;
    raw.stmt_location = pstmt->stmt_location;
    raw.stmt_len = pstmt->stmt_len;
    query = parse_analyze_fixedparams(&raw, queryString, NULL, 0);
    if (query->commandType == CMD_UTILITY)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("EXPLAIN of this statement kind is not supported yet"));
    plan = pg_plan_query(query, queryString, params);
    t_plan = seconds_now() - t0;

    if (es.analyze)
    {
        int         eflags = EXEC_FLAG_INSTRUMENT | (es.timing ? EXEC_FLAG_INSTRUMENT_TIMER : 0);

        t0 = seconds_now();
        qd = CreateQueryDesc(plan, queryString, GetTransactionSnapshot(), None_Receiver, params);
        ExecutorStart(qd, eflags);
        ExecutorRun(qd, ForwardScanDirection, 0);
        ExecutorFinish(qd);
    }

    initStringInfo(&str);
    es.str = &str;
    es.pstmt = plan;
    es.rtable = plan->rtable;
    es.rtable_multi = list_length(plan->rtable) > 1;
    assign_rtable_names(&es);
    ExplainNode(plan->planTree, qd ? qd->planstate : NULL, NULL, &es);

    if (es.summary)
        appendStringInfo(&str, "Planning Time: %.3f ms\n", 1000.0 * t_plan);
    if (qd)
    {
        ExecutorEnd(qd);
        FreeQueryDesc(qd);
        t_exec = seconds_now() - t0;
        if (es.summary)
            appendStringInfo(&str, "Execution Time: %.3f ms\n", 1000.0 * t_exec);
    }
    send_lines(&str, dest);
}
