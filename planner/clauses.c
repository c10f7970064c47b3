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
 * Function bodies come from pg_proc.prosrc when the catalog has the row
 * with prolang = SQL; builtin_sql_bodies covers the SQL-language functions
 * that built-in operators call but the bootstrap catalog (internal-language
 * rows only) does not carry yet.
 *
 * Departures from PostgreSQL: arguments are substituted even when a
 * parameter is used twice (PostgreSQL declines to inline then if the
 * argument is volatile or expensive); no const-folding yet.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/pathnodes.h"

typedef struct BuiltinSqlBody
{
    Oid         funcid;
    Oid         rettype;
    const char *body;
} BuiltinSqlBody;

static const BuiltinSqlBody builtin_sql_bodies[] = {
    {2003, TEXTOID, "select $1 operator(pg_catalog.||) $2::pg_catalog.text"},   /* textanycat */
    {2004, TEXTOID, "select $1::pg_catalog.text operator(pg_catalog.||) $2"},   /* anytextcat */
};

/* The SQL body of a function to inline, or NULL. */
static const char *
sql_function_body(Oid funcid)
{
    const ProcInfo *proc = lookup_proc(funcid);

    if (proc != NULL)
    {
        if (proc->prolang == SQLlanguageId && proc->prosrc && proc->prosrc[0] &&
            !proc->proretset && proc->prokind == 'f')
            return proc->prosrc;
        return NULL;
    }
    for (int i = 0; i < (int) lengthof(builtin_sql_bodies); i++)
        if (builtin_sql_bodies[i].funcid == funcid)
            return builtin_sql_bodies[i].body;
    return NULL;
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
