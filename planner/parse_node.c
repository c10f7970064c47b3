/*-------------------------------------------------------------------------
 * parse_node.c
 *    ParseState, literal constants, $n parameters and error positions.
 *
 * Principal entry points:
 *    make_parsestate            - a fresh ParseState (child of a parent for subqueries)
 *    parser_errposition         - errposition() argument for a node location
 *    setup/cancel_parser_errposition_callback
 *                               - give errors raised by input functions a position
 *    make_const                 - A_Const -> Const (int4, int8, numeric, unknown, bool, bit)
 *    transformParamRef, coerce_unknown_param, check_variable_parameters
 *                               - fixed and inferred parameter types
 *
 * Positions.  Node locations are 0-based byte offsets into the query
 * text; the ErrorResponse position is 1-based and counts characters
 * (PostgreSQL's pg_mbstrlen_with_len + 1).  The server encoding is UTF8,
 * so a character starts at every byte that is not 10xxxxxx.
 *
 * Inferred parameters (parse_analyze_varparams) follow PostgreSQL's
 * parse_param.c: a $n first seen gets type unknown; the first coercion
 * of it to a real type fixes the type for every later reference; an
 * unknown $n in a select list becomes text like any unknown output
 * column.  A parameter still unknown at the end is 42P18 "could not
 * determine data type of parameter $n", as PostgreSQL's Parse message.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"
#include "procs/fmgr.h"

ParseState *
make_parsestate(ParseState *parentParseState)
{
    ParseState *pstate = palloc0(sizeof(ParseState));

    pstate->parentParseState = parentParseState;
    pstate->p_next_resno = 1;
    pstate->p_resolve_unknowns = true;
    if (parentParseState)
    {
        pstate->p_sourcetext = parentParseState->p_sourcetext;
        pstate->p_paramtypes = parentParseState->p_paramtypes;
        pstate->p_numparams = parentParseState->p_numparams;
        pstate->p_variableparams = parentParseState->p_variableparams;
    }
    return pstate;
}

/* ---------------------------------------------------------------- positions */

int
position_in_text(const char *sourcetext, int location)
{
    int         chars = 0;

    if (location < 0)
        return 0;
    if (sourcetext == NULL)
        return location + 1;
    for (int i = 0; i < location && sourcetext[i] != '\0'; i++)
    {
        if ((((unsigned char) sourcetext[i]) & 0xC0) != 0x80)
            chars++;
    }
    return chars + 1;
}

/*
 * parser_errposition
 *    Use as ereport(..., parser_errposition(pstate, location)); a location
 *    of -1 reports no position.
 */
int
parser_errposition(ParseState *pstate, int location)
{
    if (location < 0)
        return 0;
    /* no statement text (a default read back from the catalog): no position, as PostgreSQL */
    if (pstate != NULL && pstate->p_sourcetext == NULL)
        return 0;
    return errposition(position_in_text(pstate ? pstate->p_sourcetext : NULL, location));
}

static void
pcb_error_callback(void *arg)
{
    ParseCallbackState *pcbstate = arg;

    if (geterrcode() != ERRCODE_QUERY_CANCELED && geterrposition() == 0)
        (void) parser_errposition(pcbstate->pstate, pcbstate->location);
}

/*
 * Errors raised between setup and cancel (typically by a type input
 * function converting a literal) get the literal's position.  The caller
 * must call cancel on the non-error path; on ERROR the backend loop resets
 * error_context_stack.
 */
void
setup_parser_errposition_callback(ParseCallbackState *pcbstate, ParseState *pstate,
                                  int location)
{
    pcbstate->pstate = pstate;
    pcbstate->location = location;
    pcbstate->errcallback.callback = pcb_error_callback;
    pcbstate->errcallback.arg = pcbstate;
    pcbstate->errcallback.previous = error_context_stack;
    error_context_stack = &pcbstate->errcallback;
}

void
cancel_parser_errposition_callback(ParseCallbackState *pcbstate)
{
    error_context_stack = pcbstate->errcallback.previous;
}

void
parser_not_supported(ParseState *pstate, const char *what, int location)
{
    ereport(ERROR,
            errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
            errmsg("%s is not supported", what),
            parser_errposition(pstate, location));
    __builtin_unreachable();
}

const char *
ParseExprKindName(ParseExprKind exprKind)
{
    switch (exprKind)
    {
        case EXPR_KIND_NONE:
            return "invalid expression context";
        case EXPR_KIND_OTHER:
            return "extension expression";
        case EXPR_KIND_JOIN_ON:
            return "JOIN/ON";
        case EXPR_KIND_JOIN_USING:
            return "JOIN/USING";
        case EXPR_KIND_FROM_SUBSELECT:
            return "sub-SELECT in FROM";
        case EXPR_KIND_FROM_FUNCTION:
            return "function in FROM";
        case EXPR_KIND_WHERE:
            return "WHERE";
        case EXPR_KIND_HAVING:
            return "HAVING";
        case EXPR_KIND_FILTER:
            return "FILTER";
        case EXPR_KIND_WINDOW_PARTITION:
            return "window PARTITION BY";
        case EXPR_KIND_WINDOW_ORDER:
            return "window ORDER BY";
        case EXPR_KIND_SELECT_TARGET:
            return "SELECT";
        case EXPR_KIND_INSERT_TARGET:
            return "INSERT";
        case EXPR_KIND_UPDATE_SOURCE:
        case EXPR_KIND_UPDATE_TARGET:
            return "UPDATE";
        case EXPR_KIND_GROUP_BY:
            return "GROUP BY";
        case EXPR_KIND_ORDER_BY:
            return "ORDER BY";
        case EXPR_KIND_DISTINCT_ON:
            return "DISTINCT ON";
        case EXPR_KIND_LIMIT:
            return "LIMIT";
        case EXPR_KIND_OFFSET:
            return "OFFSET";
        case EXPR_KIND_RETURNING:
            return "RETURNING";
        case EXPR_KIND_VALUES:
        case EXPR_KIND_VALUES_SINGLE:
            return "VALUES";
        case EXPR_KIND_CHECK_CONSTRAINT:
            return "CHECK";
        case EXPR_KIND_COLUMN_DEFAULT:
            return "DEFAULT";
        case EXPR_KIND_CALL_ARGUMENT:
            return "CALL";
        case EXPR_KIND_EXECUTE_PARAMETER:
            return "EXECUTE";
    }
    return "unrecognized expression kind";
}

/* ---------------------------------------------------------------- constants */

/* Parse a decimal integer string fully into int64; false on overflow/garbage. */
static bool
parse_int64_exact(const char *s, int64 *result)
{
    bool        neg = false;
    uint64      acc = 0;

    if (*s == '-')
    {
        neg = true;
        s++;
    }
    else if (*s == '+')
        s++;
    if (*s == '\0')
        return false;
    for (; *s; s++)
    {
        if (*s < '0' || *s > '9')
            return false;
        if (acc > (UINT64_C(1) << 63) / 10)
            return false;
        acc = acc * 10 + (uint64) (*s - '0');
        if (acc > (UINT64_C(1) << 63))
            return false;
    }
    if (!neg && acc > (uint64) PG_INT64_MAX)
        return false;
    *result = neg ? (int64) (0 - acc) : (int64) acc;
    return true;
}

/* Call a type's input function on a literal, errors positioned at `location`. */
static Datum
literal_input(ParseState *pstate, Oid typid, const char *str, int location)
{
    ParseCallbackState pcbstate;
    Oid         typinput,
                typioparam;
    Datum       result;

    getTypeInputInfo(typid, &typinput, &typioparam);
    setup_parser_errposition_callback(&pcbstate, pstate, location);
    result = OidInputFunctionCall(typinput, (char *) str, typioparam, -1);
    cancel_parser_errposition_callback(&pcbstate);
    return result;
}

/*
 * make_const
 *    The Const for a literal (PostgreSQL's make_const): an integer that fits
 *    int4 is int4; a "float" token that is really an integer is int4 or int8
 *    if it fits; anything else numeric.  Strings are of type unknown (a
 *    cstring datum) until context decides their type.
 */
Const *
make_const(ParseState *pstate, PgQuery__AConst *aconst)
{
    Const      *con;
    int         location = aconst->location;

    if (aconst->isnull)
    {
        con = makeConst(UNKNOWNOID, -1, InvalidOid, -2, (Datum) 0, true, false);
        con->location = location;
        return con;
    }

    switch (aconst->val_case)
    {
        case PG_QUERY__A__CONST__VAL_IVAL:
            con = makeInt4Const(aconst->ival->ival);
            break;
        case PG_QUERY__A__CONST__VAL_FVAL:
            {
                const char *str = aconst->fval->fval;
                int64       val64;

                if (parse_int64_exact(str, &val64))
                {
                    if (val64 == (int64) (int32) val64)
                        con = makeInt4Const((int32) val64);
                    else
                        con = makeInt8Const(val64);
                }
                else
                {
                    Datum       d = literal_input(pstate, NUMERICOID, str, location);

                    con = makeConst(NUMERICOID, -1, InvalidOid, -1, d, false, false);
                }
            }
            break;
        case PG_QUERY__A__CONST__VAL_SVAL:
            con = makeConst(UNKNOWNOID, -1, InvalidOid, -2,
                            CStringGetDatum(pstrdup(aconst->sval->sval)), false, false);
            break;
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
            con = (Const *) makeBoolConst(aconst->boolval->boolval, false);
            break;
        case PG_QUERY__A__CONST__VAL_BSVAL:
            {
                Datum       d = literal_input(pstate, BITOID, aconst->bsval->bsval, location);

                con = makeConst(BITOID, -1, InvalidOid, -1, d, false, false);
            }
            break;
        default:
            /* protobuf leaves val unset for an integer 0 written as "0"? no: be safe */
            con = makeInt4Const(0);
            break;
    }
    con->location = location;
    return con;
}

/* ---------------------------------------------------------------- parameters */

Node *
transformParamRef(ParseState *pstate, PgQuery__ParamRef *pref)
{
    int         paramno = pref->number;
    Oid         ptype;
    Param      *param;

    if (pstate->p_variableparams)
    {
        Oid       **types = pstate->p_paramtypes;
        int        *nparams = pstate->p_numparams;

        if (paramno <= 0 || paramno > 65535)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_PARAMETER),
                    errmsg("there is no parameter $%d", paramno),
                    parser_errposition(pstate, pref->location));
        if (paramno > *nparams)
        {
            if (*types)
                *types = repalloc(*types, (Size) paramno * sizeof(Oid));
            else
                *types = palloc((Size) paramno * sizeof(Oid));
            for (int i = *nparams; i < paramno; i++)
                (*types)[i] = InvalidOid;
            *nparams = paramno;
        }
        if ((*types)[paramno - 1] == InvalidOid)
            (*types)[paramno - 1] = UNKNOWNOID;
        ptype = (*types)[paramno - 1];
    }
    else
    {
        if (paramno <= 0 || pstate->p_numparams == NULL || paramno > *pstate->p_numparams ||
            !OidIsValid((*pstate->p_paramtypes)[paramno - 1]))
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_PARAMETER),
                    errmsg("there is no parameter $%d", paramno),
                    parser_errposition(pstate, pref->location));
        ptype = (*pstate->p_paramtypes)[paramno - 1];
    }

    param = makeNode(Param);
    param->paramkind = PARAM_EXTERN;
    param->paramid = paramno;
    param->paramtype = ptype;
    param->paramtypmod = -1;
    param->paramcollid = result_collation(ptype);
    param->location = pref->location;
    return (Node *) param;
}

/*
 * An unknown-type Param is being coerced to targetTypeId: in varparams
 * mode that decides the parameter's type.  Returns NULL when the caller
 * should coerce normally (fixed parameters of declared type unknown).
 */
Node *
coerce_unknown_param(ParseState *pstate, Param *param, Oid targetTypeId,
                     int32 targetTypeMod, int location)
{
    Oid        *pptype;
    int         paramno = param->paramid;

    if (pstate == NULL || !pstate->p_variableparams || param->paramkind != PARAM_EXTERN ||
        paramno <= 0 || paramno > *pstate->p_numparams)
        return NULL;
    pptype = &(*pstate->p_paramtypes)[paramno - 1];
    if (*pptype == UNKNOWNOID)
        *pptype = targetTypeId;
    else if (*pptype != targetTypeId)
        ereport(ERROR,
                errcode(ERRCODE_AMBIGUOUS_PARAMETER),
                errmsg("inconsistent types deduced for parameter $%d", paramno),
                errdetail("%s versus %s", format_type_be(*pptype), format_type_be(targetTypeId)),
                parser_errposition(pstate, param->location));
    param->paramtype = targetTypeId;
    param->paramtypmod = -1;
    param->paramcollid = result_collation(targetTypeId);
    if (location >= 0 && (param->location < 0 || location < param->location))
        param->location = location;
    return (Node *) param;
}

typedef struct
{
    ParseState *pstate;
} check_params_context;

static bool
check_param_walker(Node *node, void *context)
{
    check_params_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Param))
    {
        Param      *param = (Param *) node;

        if (param->paramkind == PARAM_EXTERN)
        {
            int         paramno = param->paramid;

            if (paramno <= 0 || paramno > *ctx->pstate->p_numparams ||
                param->paramtype != (*ctx->pstate->p_paramtypes)[paramno - 1])
                ereport(ERROR,
                        errcode(ERRCODE_AMBIGUOUS_PARAMETER),
                        errmsg("could not determine data type of parameter $%d", paramno),
                        parser_errposition(ctx->pstate, param->location));
        }
        return false;
    }
    if (IsA(node, Query))
        return query_tree_walker((Query *) node, check_param_walker, context, 0);
    return expression_tree_walker(node, check_param_walker, context);
}

/*
 * After analysis with inferred parameters: every Param agrees with the
 * final type of its $n (an early reference may have been built while the
 * type was still unknown), and every $n has a type.
 */
void
check_variable_parameters(ParseState *pstate, Query *query)
{
    check_params_context ctx = {pstate};
    Oid        *types = *pstate->p_paramtypes;

    if (*pstate->p_numparams > 0)
        (void) query_tree_walker(query, check_param_walker, &ctx, 0);
    for (int i = 0; i < *pstate->p_numparams; i++)
    {
        if (types[i] == InvalidOid || types[i] == UNKNOWNOID)
            ereport(ERROR,
                    errcode(ERRCODE_INDETERMINATE_DATATYPE),
                    errmsg("could not determine data type of parameter $%d", i + 1));
    }
}
