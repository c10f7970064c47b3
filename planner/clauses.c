/*-------------------------------------------------------------------------
 * clauses.c
 *    Expression simplification done by the optimizer: inlining of
 *    SQL-language functions (PostgreSQL's inline_function).
 *
 * Principal entry point:
 *    inline_sql_functions(root, expr)
 *
 * A call of a SQL-language function whose body is a single
 * "SELECT <expression>" is replaced by that expression with the call's
 * arguments in place of $1..$n, as PostgreSQL's planner does.  This is how
 * the built-in operators implemented in SQL work, e.g. text || anynonarray
 * (textanycat: $1 || $2::text), so that 'x' || 1 becomes textcat('x',
 * 1::text).  The body is analyzed with parameter types equal to the
 * argument types of this call, so polymorphic functions resolve per call.
 *
 * Function bodies come from pg_proc.prosrc (SQL text for every row with
 * prolang = SQL, including PostgreSQL's BEGIN ATOMIC built-ins: see
 * docs/DECISIONS.md 18).
 *
 * As PostgreSQL's inline_function, a call is inlined only when that cannot
 * change its result: a strict function's body must be strict in every
 * parameter (only strict functions and operators, casts, each parameter
 * used); an immutable function's body must contain no stable or volatile
 * function, a stable one's no volatile one; an argument used more than
 * once must be neither volatile, nor contain a sub-SELECT, nor cost more
 * than 10 operators.  Calls not inlined run through fmgr_sql
 * (procs/sqlfunc.c).  No const-folding yet.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"

/* The SQL body of a function to inline, or NULL. */
static const char *
sql_function_body(Oid funcid)
{
    const ProcInfo *proc = lookup_proc(funcid);

    if (proc != NULL && proc->prolang == SQLlanguageId && proc->prosrc && proc->prosrc[0] &&
        !proc->proretset && proc->prokind == 'f')
        return proc->prosrc;
    return NULL;
}

/* ---- safety checks (PostgreSQL's contain_*_functions, simplified) */

/* pg_proc.provolatile; the order 'i' < 's' < 'v' is used below */
#define PROVOLATILE_IMMUTABLE   'i'
#define PROVOLATILE_STABLE      's'

/* The pg_proc OID a node calls, or InvalidOid. */
static Oid
node_funcid(Node *node)
{
    switch (nodeTag(node))
    {
        case T_FuncExpr:
            return ((FuncExpr *) node)->funcid;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            return ((OpExpr *) node)->opfuncid;
        case T_ScalarArrayOpExpr:
            return ((ScalarArrayOpExpr *) node)->opfuncid;
        default:
            return InvalidOid;
    }
}

/* Does node contain a function more volatile than maxvol ('i' or 's')? */
static bool
contain_volatility_walker(Node *node, void *context)
{
    char        maxvol = *(char *) context;
    Oid         funcid;

    if (node == NULL)
        return false;
    if (IsA(node, SQLValueFunction))
    {
        /* CURRENT_DATE & co. are stable */
        if (maxvol == PROVOLATILE_IMMUTABLE)
            return true;
    }
    else if (IsA(node, CoerceViaIO))
    {
        CoerceViaIO *io = (CoerceViaIO *) node;
        Oid         outfunc, infunc, ioparam;
        bool        varlena;

        getTypeOutputInfo(exprType((Node *) io->arg), &outfunc, &varlena);
        getTypeInputInfo(io->resulttype, &infunc, &ioparam);
        if (func_volatile(outfunc) > maxvol || func_volatile(infunc) > maxvol)
            return true;
    }
    else if (IsA(node, SubLink) || IsA(node, Query))
        return true;            /* not examined: assume the worst */
    else if (OidIsValid(funcid = node_funcid(node)))
    {
        /* 'i' < 's' < 'v' */
        if (func_volatile(funcid) > maxvol)
            return true;
    }
    return expression_tree_walker(node, contain_volatility_walker, context);
}

static bool
contain_more_volatile(Node *node, char maxvol)
{
    return contain_volatility_walker(node, &maxvol);
}

/*
 * Is node built only of constructs that return NULL when any input is
 * NULL?  (Whitelist: anything else, CASE, COALESCE, AND/OR, IS NULL ...,
 * counts as non-strict.)
 */
static bool
contain_nonstrict_walker(Node *node, void *context)
{
    Oid         funcid;

    if (node == NULL)
        return false;
    switch (nodeTag(node))
    {
        case T_List:
        case T_Var:
        case T_Param:
        case T_Const:
        case T_RelabelType:
        case T_CoerceViaIO:
        case T_SQLValueFunction:
            break;
        case T_FuncExpr:
        case T_OpExpr:
            funcid = node_funcid(node);
            if (!func_strict(funcid))
                return true;
            break;
        default:
            return true;
    }
    return expression_tree_walker(node, contain_nonstrict_walker, context);
}

typedef struct
{
    int        *usecounts;
    int         nargs;
} usecount_context;

static bool
count_params_walker(Node *node, void *context)
{
    usecount_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Param) && ((Param *) node)->paramkind == PARAM_EXTERN)
    {
        int         n = ((Param *) node)->paramid;

        if (n >= 1 && n <= ctx->nargs)
            ctx->usecounts[n - 1]++;
        return false;
    }
    return expression_tree_walker(node, count_params_walker, context);
}

/* Sum of procost of the calls in node (cpu_operator_cost units). */
static bool
cost_walker(Node *node, void *context)
{
    double     *cost = context;
    Oid         funcid;

    if (node == NULL)
        return false;
    if (IsA(node, SubLink) || IsA(node, Query))
    {
        *cost += 1e6;
        return false;
    }
    if (OidIsValid(funcid = node_funcid(node)))
    {
        const ProcInfo *p = lookup_proc(funcid);

        *cost += p ? p->procost : 1;
    }
    return expression_tree_walker(node, cost_walker, context);
}

/* May expr (the analyzed body, still with $n) replace a call of proc(args)? */
static bool
inline_is_safe(const ProcInfo *proc, Node *expr, List *args)
{
    int         nargs = list_length(args);
    usecount_context uc;
    ListCell   *lc;

    if (proc->provolatile == PROVOLATILE_IMMUTABLE && contain_more_volatile(expr, PROVOLATILE_IMMUTABLE))
        return false;
    if (proc->provolatile == PROVOLATILE_STABLE && contain_more_volatile(expr, PROVOLATILE_STABLE))
        return false;
    if (proc->proisstrict && contain_nonstrict_walker(expr, NULL))
        return false;
    uc.nargs = nargs;
    uc.usecounts = palloc0(sizeof(int) * (nargs > 0 ? nargs : 1));
    (void) count_params_walker(expr, &uc);
    foreach(lc, args)
    {
        int         n = uc.usecounts[foreach_current_index(lc)];
        Node       *arg = lfirst(lc);

        if (n == 0 && proc->proisstrict)
            return false;
        if (n > 1)
        {
            double      cost = 0;

            if (contain_more_volatile(arg, PROVOLATILE_STABLE))
                return false;
            (void) cost_walker(arg, &cost);
            if (cost > 10)
                return false;
        }
    }
    return true;
}

typedef struct
{
    List       *args;
} substitute_context;

static Node *
substitute_params_mutator(Node *node, void *context)
{
    substitute_context *ctx = context;

    if (node == NULL)
        return NULL;
    if (IsA(node, Param) && ((Param *) node)->paramkind == PARAM_EXTERN)
    {
        int         n = ((Param *) node)->paramid;

        if (n < 1 || n > list_length(ctx->args))
            elog(ERROR, "invalid parameter $%d in inlined SQL function", n);
        return copyObject(list_nth(ctx->args, n - 1));
    }
    return expression_tree_mutator(node, substitute_params_mutator, context);
}

/*
 * The inlined form of funcid(args) returning result_type, or NULL if the
 * function is not a simple SQL function.
 */
static Node *
inline_function(Oid funcid, Oid result_type, List *args)
{
    const char *body = sql_function_body(funcid);
    List       *raw;
    RawStmt    *rs;
    PgQuery__SelectStmt *sel;
    Oid        *argtypes;
    int         nargs = list_length(args);
    Query      *query;
    TargetEntry *tle;
    Node       *expr;
    substitute_context ctx;
    ListCell   *lc;

    if (body == NULL)
        return NULL;
    raw = raw_parser(body);
    if (list_length(raw) != 1)
        return NULL;
    rs = linitial(raw);
    if (rs->stmt->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
        return NULL;
    sel = rs->stmt->select_stmt;
    if (sel->n_from_clause > 0 || sel->n_target_list != 1 || sel->where_clause ||
        sel->n_group_clause > 0 || sel->having_clause || sel->n_sort_clause > 0 ||
        sel->limit_count || sel->limit_offset || sel->n_values_lists > 0 || sel->with_clause ||
        (sel->op != PG_QUERY__SET_OPERATION__SETOP_NONE &&
         sel->op != PG_QUERY__SET_OPERATION__SET_OPERATION_UNDEFINED))
        return NULL;

    argtypes = palloc(sizeof(Oid) * (nargs > 0 ? nargs : 1));
    foreach(lc, args)
        argtypes[foreach_current_index(lc)] = exprType(lfirst(lc));
    query = parse_analyze_fixedparams(rs, body, argtypes, nargs);
    if (query->commandType != CMD_SELECT || query->hasAggs || query->hasSubLinks ||
        query->hasTargetSRFs || list_length(query->targetList) != 1)
        return NULL;
    tle = linitial(query->targetList);
    expr = (Node *) tle->expr;
    if (!inline_is_safe(lookup_proc(funcid), expr, args))
        return NULL;
    if (exprType(expr) != result_type)
    {
        if (!IsBinaryCoercible(exprType(expr), result_type))
            return NULL;
        expr = (Node *) makeRelabelType((Expr *) expr, result_type, -1,
                                        exprCollation(expr), COERCE_IMPLICIT_CAST);
    }
    ctx.args = args;
    return substitute_params_mutator(expr, &ctx);
}

static Node *
inline_mutator(Node *node, void *context)
{
    Node       *inlined;

    if (node == NULL)
        return NULL;
    if (IsA(node, Query))
        return node;
    node = expression_tree_mutator(node, inline_mutator, context);
    if (IsA(node, FuncExpr))
    {
        FuncExpr   *f = (FuncExpr *) node;

        if (!f->funcretset &&
            (inlined = inline_function(f->funcid, f->funcresulttype, f->args)) != NULL)
            return inline_mutator(inlined, context);
    }
    else if (IsA(node, OpExpr))
    {
        OpExpr     *op = (OpExpr *) node;

        if (!op->opretset &&
            (inlined = inline_function(op->opfuncid, op->opresulttype, op->args)) != NULL)
            return inline_mutator(inlined, context);
    }
    return node;
}

Node *
inline_sql_functions(PlannerInfo *root, Node *expr)
{
    return inline_mutator(expr, root);
}
