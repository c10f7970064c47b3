/*-------------------------------------------------------------------------
 * parse_execute.c
 *    EXECUTE name (args): the arguments, analyzed and coerced to the
 *    prepared statement's parameter types (the analysis half of
 *    PostgreSQL's commands/prepare.c EvaluateParams).
 *
 * Principal entry point: transformExecuteParams (planner.h).  The caller
 * (backend/prepare.c) evaluates the returned expressions.
 *
 * As PostgreSQL: the number of arguments must match (42601 "wrong number
 * of parameters"), each is coerced with assignment rules (42804 with the
 * expression's position when it cannot be), and sub-SELECTs, aggregates,
 * window functions and column references are not allowed
 * (EXPR_KIND_EXECUTE_PARAMETER).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"
#include "planner/pathnodes.h"

List *
transformExecuteParams(const char *sourceText, const char *stmtName, PgNode **args, int nargs,
                       const Oid *paramTypes, int numParams, ParamListInfo boundParams)
{
    ParseState *pstate;
    Oid        *outer_types = NULL;
    int         n_outer = 0;
    List       *result = NIL;
    PlannerInfo *root;

    if (nargs != numParams)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("wrong number of parameters for prepared statement \"%s\"", stmtName),
                errdetail("Expected %d parameters but got %d.", numParams, nargs));
    if (nargs == 0)
        return NIL;

    pstate = make_parsestate(NULL);
    pstate->p_sourcetext = sourceText;
    if (boundParams != NULL && boundParams->numParams > 0)
    {
        /* $n inside the arguments: the EXECUTE statement's own parameters */
        n_outer = boundParams->numParams;
        outer_types = palloc(sizeof(Oid) * (Size) n_outer);
        for (int i = 0; i < n_outer; i++)
            outer_types[i] = boundParams->params[i].ptype;
    }
    pstate->p_paramtypes = &outer_types;
    pstate->p_numparams = &n_outer;
    pstate->p_variableparams = false;

    /* SQL-language function inlining, as the planner does for any expression */
    root = palloc0(sizeof(PlannerInfo));
    root->glob = palloc0(sizeof(PlannerGlobal));
    root->query_level = 1;

    for (int i = 0; i < nargs; i++)
    {
        Node       *expr = transformExpr(pstate, args[i], EXPR_KIND_EXECUTE_PARAMETER);
        Oid         given = exprType(expr);
        Node       *coerced;

        coerced = coerce_to_target_type(pstate, expr, given, paramTypes[i], -1,
                                        COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
        if (coerced == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("parameter $%d of type %s cannot be coerced to the expected type %s",
                           i + 1, format_type_be(given), format_type_be(paramTypes[i])),
                    errhint("You will need to rewrite or cast the expression."),
                    parser_errposition(pstate, exprLocation(expr)));
        result = lappend(result, inline_sql_functions(root, coerced));
    }
    return result;
}
