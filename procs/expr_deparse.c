/*-------------------------------------------------------------------------
 * expr_deparse.c
 *    Analyzed expressions back to SQL text the way PostgreSQL's
 *    ruleutils.c prints them (get_rule_expr with pg_get_expr's default
 *    flags): every operator and boolean expression parenthesized, implicit
 *    casts hidden, explicit ones as (arg)::type, constants labelled with
 *    their type unless the literal reads back as that type (integers,
 *    float-looking numerics, booleans).
 *
 * Principal entry point:
 *    deparse_expression_for_relation   expr (Vars of varno 1 name columns
 *                                      of relid) -> palloc'd text, or NULL
 *                                      when it holds a node this file does
 *                                      not print (the caller falls back)
 *
 *    deparse_expression_with_hook      the same with Vars and Params printed
 *                                      by the caller (EXPLAIN resolves plan
 *                                      Vars: OUTER_VAR/INNER_VAR through the
 *                                      child's target list, scan Vars through
 *                                      the range table)
 *
 * Used by pg_get_expr (procs/pg_node_tree.c) on column defaults and CHECK
 * constraints, which Basalt stores as SQL text (docs/DECISIONS.md 13) and
 * re-analyzes before printing, and by EXPLAIN (executor/explain.c).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "planner/nodefuncs.h"
#include "planner/primnodes.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/expr_deparse.h"

typedef struct DeparseContext
{
    StringInfo  buf;
    Oid         relid;
    bool        failed;         /* met a node we do not print */
    DeparseVarHook hook;        /* prints Vars and Params when set (EXPLAIN) */
    void       *hook_arg;
    bool        showimplicit;   /* of the node being printed (get_rule_expr's argument) */
} DeparseContext;

static void get_rule_expr(Node *node, DeparseContext *ctx, bool showimplicit);

/* 'text' with quotes doubled (and E'' when it holds a backslash, as PostgreSQL) */
static void
simple_quote_literal(StringInfo buf, const char *val)
{
    if (strchr(val, '\\') != NULL)
        appendStringInfoChar(buf, 'E');
    appendStringInfoChar(buf, '\'');
    for (const char *p = val; *p; p++)
    {
        if (*p == '\'' || *p == '\\')
            appendStringInfoChar(buf, *p);
        appendStringInfoChar(buf, *p);
    }
    appendStringInfoChar(buf, '\'');
}

/*
 * showtype: -1 never label, 0 label unless the literal implies the type,
 * 1 always label (PostgreSQL's get_const_expr).
 */
static void
get_const_expr(Const *c, DeparseContext *ctx, int showtype)
{
    StringInfo  buf = ctx->buf;
    Oid         typoutput;
    bool        typIsVarlena;
    char       *extval;
    bool        needlabel = false;

    if (c->constisnull)
    {
        appendStringInfoString(buf, "NULL");
        if (showtype >= 0)
            appendStringInfo(buf, "::%s", format_type_with_typemod(c->consttype, c->consttypmod));
        return;
    }
    getTypeOutputInfo(c->consttype, &typoutput, &typIsVarlena);
    extval = OidOutputFunctionCall(typoutput, c->constvalue);
    switch (c->consttype)
    {
        case INT4OID:
            /* a negative one is quoted and labelled so it reads back as one constant */
            if (extval[0] != '-')
                appendStringInfoString(buf, extval);
            else
            {
                appendStringInfo(buf, "'%s'", extval);
                needlabel = true;
            }
            break;
        case NUMERICOID:
            if (isdigit((unsigned char) extval[0]) && strcspn(extval, "eE.") != strlen(extval))
                appendStringInfoString(buf, extval);
            else
            {
                appendStringInfo(buf, "'%s'", extval);
                needlabel = true;
            }
            break;
        case BOOLOID:
            appendStringInfoString(buf, strcmp(extval, "t") == 0 ? "true" : "false");
            break;
        default:
            simple_quote_literal(buf, extval);
            break;
    }
    if (showtype < 0)
        return;
    switch (c->consttype)
    {
        case BOOLOID:
        case UNKNOWNOID:
            needlabel = false;
            break;
        case INT4OID:
            break;
        case NUMERICOID:
            needlabel |= (c->consttypmod >= 0);
            break;
        default:
            needlabel = true;
            break;
    }
    if (needlabel || showtype > 0)
        appendStringInfo(buf, "::%s", format_type_with_typemod(c->consttype, c->consttypmod));
}

/* arg::type; a bare literal of that very type prints without its own label */
static void
get_coercion_expr(Node *arg, DeparseContext *ctx, Oid resulttype, int32 resulttypmod)
{
    if (arg && IsA(arg, Const) && ((Const *) arg)->consttype == resulttype &&
        ((Const *) arg)->consttypmod == -1)
        get_const_expr((Const *) arg, ctx, -1);
    else
    {
        appendStringInfoChar(ctx->buf, '(');
        get_rule_expr(arg, ctx, false);
        appendStringInfoChar(ctx->buf, ')');
    }
    appendStringInfo(ctx->buf, "::%s", format_type_with_typemod(resulttype, resulttypmod));
}

static char *
function_name(Oid funcid)
{
    const ProcInfo *p = lookup_proc(funcid);
    char       *name;

    if (p == NULL)
        return psprintf("%u", funcid);
    name = quote_identifier(NameStr(p->proname));
    if (!FunctionIsVisible(funcid))
        name = psprintf("%s.%s", quote_identifier(get_namespace_name(p->pronamespace)), name);
    return name;
}

static void
get_func_expr(FuncExpr *f, DeparseContext *ctx)
{
    ListCell   *lc;

    if (f->funcformat == COERCE_IMPLICIT_CAST && !ctx->showimplicit)
    {
        get_rule_expr(linitial(f->args), ctx, false);
        return;
    }
    if (f->funcformat == COERCE_EXPLICIT_CAST || f->funcformat == COERCE_IMPLICIT_CAST)
    {
        int32       typmod = exprTypmod((Node *) f);

        get_coercion_expr(linitial(f->args), ctx, f->funcresulttype, typmod);
        return;
    }
    appendStringInfo(ctx->buf, "%s(", function_name(f->funcid));
    foreach(lc, f->args)
    {
        if (foreach_current_index(lc) > 0)
            appendStringInfoString(ctx->buf, ", ");
        if (f->funcvariadic && foreach_current_index(lc) == list_length(f->args) - 1)
            appendStringInfoString(ctx->buf, "VARIADIC ");
        get_rule_expr(lfirst(lc), ctx, true);
    }
    appendStringInfoChar(ctx->buf, ')');
}

static void
get_oper_expr(OpExpr *op, DeparseContext *ctx)
{
    char       *opname = get_opname(op->opno);

    appendStringInfoChar(ctx->buf, '(');
    if (list_length(op->args) == 2)
    {
        get_rule_expr(linitial(op->args), ctx, true);
        appendStringInfo(ctx->buf, " %s ", opname ? opname : "?");
        get_rule_expr(lsecond(op->args), ctx, true);
    }
    else
    {
        appendStringInfo(ctx->buf, "%s ", opname ? opname : "?");
        get_rule_expr(linitial(op->args), ctx, true);
    }
    appendStringInfoChar(ctx->buf, ')');
}

/* agg(args) as PostgreSQL's get_agg_expr: count(*), DISTINCT, ORDER BY, FILTER */
static void
get_agg_expr(Aggref *a, DeparseContext *ctx)
{
    StringInfo  buf = ctx->buf;
    ListCell   *lc;
    bool        first = true;

    appendStringInfo(buf, "%s(", function_name(a->aggfnoid));
    if (a->aggdistinct != NIL)
        appendStringInfoString(buf, "DISTINCT ");
    if (a->aggstar)
        appendStringInfoChar(buf, '*');
    else
        foreach(lc, a->args)
        {
            TargetEntry *tle = lfirst(lc);

            if (tle->resjunk)
                continue;
            if (!first)
                appendStringInfoString(buf, ", ");
            first = false;
            get_rule_expr((Node *) tle->expr, ctx, true);
        }
    if (a->aggorder != NIL && a->aggdistinct == NIL)
    {
        appendStringInfoString(buf, " ORDER BY ");
        foreach(lc, a->aggorder)
        {
            SortGroupClause *sgc = lfirst(lc);
            ListCell   *la;
            char       *opname = get_opname(sgc->sortop);

            if (foreach_current_index(lc) > 0)
                appendStringInfoString(buf, ", ");
            foreach(la, a->args)
            {
                TargetEntry *tle = lfirst(la);

                if (tle->ressortgroupref == sgc->tleSortGroupRef)
                    get_rule_expr((Node *) tle->expr, ctx, true);
            }
            if (opname && strcmp(opname, ">") == 0)
                appendStringInfoString(buf, " DESC");
        }
    }
    appendStringInfoChar(buf, ')');
    if (a->aggfilter)
    {
        appendStringInfoString(buf, " FILTER (WHERE ");
        get_rule_expr((Node *) a->aggfilter, ctx, false);
        appendStringInfoChar(buf, ')');
    }
}

static const char *
sqlvalue_name(SQLValueFunction *svf)
{
    switch (svf->op)
    {
        case SVFOP_CURRENT_DATE: return "CURRENT_DATE";
        case SVFOP_CURRENT_TIME: return "CURRENT_TIME";
        case SVFOP_CURRENT_TIME_N: return "CURRENT_TIME";
        case SVFOP_CURRENT_TIMESTAMP: return "CURRENT_TIMESTAMP";
        case SVFOP_CURRENT_TIMESTAMP_N: return "CURRENT_TIMESTAMP";
        case SVFOP_LOCALTIME: return "LOCALTIME";
        case SVFOP_LOCALTIME_N: return "LOCALTIME";
        case SVFOP_LOCALTIMESTAMP: return "LOCALTIMESTAMP";
        case SVFOP_LOCALTIMESTAMP_N: return "LOCALTIMESTAMP";
        case SVFOP_CURRENT_ROLE: return "CURRENT_ROLE";
        case SVFOP_CURRENT_USER: return "CURRENT_USER";
        case SVFOP_USER: return "USER";
        case SVFOP_SESSION_USER: return "SESSION_USER";
        case SVFOP_CURRENT_CATALOG: return "CURRENT_CATALOG";
        case SVFOP_CURRENT_SCHEMA: return "CURRENT_SCHEMA";
    }
    return "?";
}

/*
 * showimplicit: print implicit casts too.  As ruleutils.c, they are hidden
 * at the top of an expression and under AND/OR/NOT, shown inside operator
 * and function arguments.
 */
static void
get_rule_expr(Node *node, DeparseContext *ctx, bool showimplicit)
{
    StringInfo  buf = ctx->buf;
    ListCell   *lc;

    if (node == NULL || ctx->failed)
        return;
    ctx->showimplicit = showimplicit;
    if (ctx->hook && (IsA(node, Var) || IsA(node, Param)))
    {
        if (!ctx->hook(node, buf, ctx->hook_arg))
            ctx->failed = true;
        return;
    }
    switch (nodeTag(node))
    {
        case T_Var:
            {
                Var        *v = (Var *) node;
                char       *attname = NULL;
                Relation    rel;

                if (v->varno != 1 || v->varlevelsup != 0 || v->varattno <= 0 ||
                    !OidIsValid(ctx->relid))
                {
                    ctx->failed = true;
                    return;
                }
                rel = relation_open(ctx->relid, AccessShareLock);
                if (v->varattno <= RelationGetNumberOfAttributes(rel))
                    attname = pstrdup(NameStr(TupleDescAttr(RelationGetDescr(rel),
                                                            v->varattno - 1)->attname));
                relation_close(rel, AccessShareLock);
                if (attname == NULL)
                {
                    ctx->failed = true;
                    return;
                }
                appendStringInfoString(buf, quote_identifier(attname));
                break;
            }
        case T_Const:
            get_const_expr((Const *) node, ctx, 0);
            break;
        case T_Param:
            appendStringInfo(buf, "$%d", ((Param *) node)->paramid);
            break;
        case T_FuncExpr:
            get_func_expr((FuncExpr *) node, ctx);
            break;
        case T_OpExpr:
            get_oper_expr((OpExpr *) node, ctx);
            break;
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                OpExpr     *op = (OpExpr *) node;

                if (IsA(node, NullIfExpr))
                {
                    appendStringInfoString(buf, "NULLIF(");
                    get_rule_expr(linitial(op->args), ctx, true);
                    appendStringInfoString(buf, ", ");
                    get_rule_expr(lsecond(op->args), ctx, true);
                    appendStringInfoChar(buf, ')');
                }
                else
                {
                    appendStringInfoChar(buf, '(');
                    get_rule_expr(linitial(op->args), ctx, true);
                    appendStringInfoString(buf, " IS DISTINCT FROM ");
                    get_rule_expr(lsecond(op->args), ctx, true);
                    appendStringInfoChar(buf, ')');
                }
                break;
            }
        case T_Aggref:
            get_agg_expr((Aggref *) node, ctx);
            break;
        case T_WindowFunc:
            {
                WindowFunc *w = (WindowFunc *) node;

                appendStringInfo(buf, "%s(", function_name(w->winfnoid));
                if (w->winstar)
                    appendStringInfoChar(buf, '*');
                else
                    foreach(lc, w->args)
                    {
                        if (foreach_current_index(lc) > 0)
                            appendStringInfoString(buf, ", ");
                        get_rule_expr(lfirst(lc), ctx, true);
                    }
                appendStringInfoChar(buf, ')');
                if (w->aggfilter)
                {
                    appendStringInfoString(buf, " FILTER (WHERE ");
                    get_rule_expr((Node *) w->aggfilter, ctx, false);
                    appendStringInfoChar(buf, ')');
                }
                /* PostgreSQL 15 prints the window by reference */
                appendStringInfo(buf, " OVER (?)");
                break;
            }
        case T_SubPlan:
            {
                SubPlan    *sp = (SubPlan *) node;

                const char *name = sp->plan_name ? sp->plan_name :
                    psprintf("SubPlan %d", sp->plan_id);

                /* PostgreSQL 15's get_rule_expr: the plan's name only */
                if (sp->useHashTable)
                    appendStringInfo(buf, "(hashed %s)", name);
                else
                    appendStringInfo(buf, "(%s)", name);
                break;
            }
        case T_CaseExpr:
            {
                CaseExpr   *c = (CaseExpr *) node;

                appendStringInfoString(buf, "CASE");
                if (c->arg)
                {
                    appendStringInfoChar(buf, ' ');
                    get_rule_expr((Node *) c->arg, ctx, true);
                }
                foreach(lc, c->args)
                {
                    CaseWhen   *w = lfirst(lc);
                    Node       *cond = (Node *) w->expr;

                    appendStringInfoString(buf, " WHEN ");
                    /* CASE x WHEN v: the test is "CaseTestExpr = v"; print v */
                    if (c->arg && IsA(cond, OpExpr) && list_length(((OpExpr *) cond)->args) == 2 &&
                        IsA(linitial(((OpExpr *) cond)->args), CaseTestExpr))
                        get_rule_expr(lsecond(((OpExpr *) cond)->args), ctx, false);
                    else
                        get_rule_expr(cond, ctx, false);
                    appendStringInfoString(buf, " THEN ");
                    get_rule_expr((Node *) w->result, ctx, true);
                }
                if (c->defresult)
                {
                    appendStringInfoString(buf, " ELSE ");
                    get_rule_expr((Node *) c->defresult, ctx, true);
                }
                appendStringInfoString(buf, " END");
                break;
            }
        case T_BoolExpr:
            {
                BoolExpr   *b = (BoolExpr *) node;

                appendStringInfoChar(buf, '(');
                if (b->boolop == NOT_EXPR)
                {
                    appendStringInfoString(buf, "NOT ");
                    get_rule_expr(linitial(b->args), ctx, false);
                }
                else
                    foreach(lc, b->args)
                    {
                        if (foreach_current_index(lc) > 0)
                            appendStringInfoString(buf, b->boolop == AND_EXPR ? " AND " : " OR ");
                        get_rule_expr(lfirst(lc), ctx, false);
                    }
                appendStringInfoChar(buf, ')');
                break;
            }
        case T_NullTest:
            {
                NullTest   *nt = (NullTest *) node;

                appendStringInfoChar(buf, '(');
                get_rule_expr((Node *) nt->arg, ctx, true);
                appendStringInfoString(buf, nt->nulltesttype == IS_NULL ? " IS NULL)" : " IS NOT NULL)");
                break;
            }
        case T_BooleanTest:
            {
                static const char *const names[] = {
                    " IS TRUE)", " IS NOT TRUE)", " IS FALSE)", " IS NOT FALSE)",
                    " IS UNKNOWN)", " IS NOT UNKNOWN)"
                };
                BooleanTest *bt = (BooleanTest *) node;

                appendStringInfoChar(buf, '(');
                get_rule_expr((Node *) bt->arg, ctx, true);
                appendStringInfoString(buf, names[bt->booltesttype]);
                break;
            }
        case T_RelabelType:
            {
                RelabelType *r = (RelabelType *) node;

                if (r->relabelformat == COERCE_IMPLICIT_CAST && !showimplicit)
                    get_rule_expr((Node *) r->arg, ctx, false);
                else
                    get_coercion_expr((Node *) r->arg, ctx, r->resulttype, r->resulttypmod);
                break;
            }
        case T_CoerceViaIO:
            {
                CoerceViaIO *c = (CoerceViaIO *) node;

                if (c->coerceformat == COERCE_IMPLICIT_CAST && !showimplicit)
                    get_rule_expr((Node *) c->arg, ctx, false);
                else
                    get_coercion_expr((Node *) c->arg, ctx, c->resulttype, -1);
                break;
            }
        case T_SQLValueFunction:
            {
                SQLValueFunction *svf = (SQLValueFunction *) node;

                appendStringInfoString(buf, sqlvalue_name(svf));
                if (svf->typmod >= 0 &&
                    (svf->op == SVFOP_CURRENT_TIME_N || svf->op == SVFOP_CURRENT_TIMESTAMP_N ||
                     svf->op == SVFOP_LOCALTIME_N || svf->op == SVFOP_LOCALTIMESTAMP_N))
                    appendStringInfo(buf, "(%d)", (int) svf->typmod);
                break;
            }
        case T_ArrayExpr:
            {
                ArrayExpr  *a = (ArrayExpr *) node;

                appendStringInfoString(buf, "ARRAY[");
                foreach(lc, a->elements)
                {
                    if (foreach_current_index(lc) > 0)
                        appendStringInfoString(buf, ", ");
                    get_rule_expr(lfirst(lc), ctx, true);
                }
                appendStringInfoChar(buf, ']');
                break;
            }
        case T_CoalesceExpr:
            {
                CoalesceExpr *c = (CoalesceExpr *) node;

                appendStringInfoString(buf, "COALESCE(");
                foreach(lc, c->args)
                {
                    if (foreach_current_index(lc) > 0)
                        appendStringInfoString(buf, ", ");
                    get_rule_expr(lfirst(lc), ctx, true);
                }
                appendStringInfoChar(buf, ')');
                break;
            }
        case T_MinMaxExpr:
            {
                MinMaxExpr *m = (MinMaxExpr *) node;

                appendStringInfoString(buf, m->op == IS_GREATEST ? "GREATEST(" : "LEAST(");
                foreach(lc, m->args)
                {
                    if (foreach_current_index(lc) > 0)
                        appendStringInfoString(buf, ", ");
                    get_rule_expr(lfirst(lc), ctx, true);
                }
                appendStringInfoChar(buf, ')');
                break;
            }
        case T_ScalarArrayOpExpr:
            {
                ScalarArrayOpExpr *s = (ScalarArrayOpExpr *) node;
                char       *opname = get_opname(s->opno);

                appendStringInfoChar(buf, '(');
                get_rule_expr(linitial(s->args), ctx, true);
                appendStringInfo(buf, " %s %s (", opname ? opname : "?", s->useOr ? "ANY" : "ALL");
                get_rule_expr(lsecond(s->args), ctx, true);
                appendStringInfoString(buf, "))");
                break;
            }
        default:
            ctx->failed = true;
            break;
    }
}

char *
deparse_expression_for_relation(Node *expr, Oid relid)
{
    StringInfoData buf;
    DeparseContext ctx;

    initStringInfo(&buf);
    ctx.buf = &buf;
    ctx.relid = relid;
    ctx.failed = false;
    ctx.hook = NULL;
    ctx.hook_arg = NULL;
    get_rule_expr(expr, &ctx, false);
    return ctx.failed ? NULL : buf.data;
}

bool
deparse_expression_with_hook(StringInfo buf, Node *expr, DeparseVarHook hook, void *hook_arg)
{
    DeparseContext ctx;

    ctx.buf = buf;
    ctx.relid = InvalidOid;
    ctx.failed = false;
    ctx.hook = hook;
    ctx.hook_arg = hook_arg;
    get_rule_expr(expr, &ctx, false);
    return !ctx.failed;
}
