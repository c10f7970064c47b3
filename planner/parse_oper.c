/*-------------------------------------------------------------------------
 * parse_oper.c
 *    Operator resolution: which pg_operator row "a op b" or "op b" means,
 *    and the OpExpr / ScalarArrayOpExpr that calls it.
 *
 * Principal entry points:
 *    make_op               - binary or prefix operator call, with argument coercion
 *    make_scalar_array_op  - "a op ANY/ALL (array)"
 *    oper_lookup           - the operator's OID only
 *    get_sort_group_operators - the '<', '=', '>' of a type (ORDER/GROUP BY)
 *
 * Resolution is PostgreSQL's (documentation 10.2 "Operators"):
 *   1. exact match on the argument types; an unknown-type argument is
 *      assumed to be of the other argument's type for this test;
 *   2. otherwise the candidates of that name and kind that accept the
 *      argument types by implicit coercion (func_match_argtypes); one
 *      survivor wins;
 *   3. otherwise func_select_candidate's heuristics (most exact matches,
 *      most preferred types, unknown-literal category rules, the
 *      "same known type" last resort); failing those, 42725 not unique.
 *   No candidate at all is 42883 "operator does not exist".
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/namespace.h"
#include "planner/parse_node.h"

/* The operator name (last element) and optional schema of a raw name list. */
static const char *
opname_parts(PgNode **names, size_t n, const char **schemaname)
{
    *schemaname = NULL;
    if (n >= 2)
        *schemaname = pgStrVal(names[n - 2]);
    return pgStrVal(names[n - 1]);
}

static Oid
opname_namespace(const char *schemaname)
{
    return schemaname ? LookupExplicitNamespace(schemaname, false) : InvalidOid;
}

char *
op_signature_string(const char *opname, char oprkind, Oid arg1, Oid arg2)
{
    StringInfoData buf;

    initStringInfo(&buf);
    if (oprkind != 'l')
        appendStringInfo(&buf, "%s ", format_type_be(arg1));
    appendStringInfoString(&buf, opname);
    appendStringInfo(&buf, " %s", format_type_be(arg2));
    return buf.data;
}

static void
op_error(ParseState *pstate, const char *opname, char oprkind, Oid arg1, Oid arg2,
         FuncDetailCode fdresult, int location) pg_attribute_noreturn();

static void
op_error(ParseState *pstate, const char *opname, char oprkind, Oid arg1, Oid arg2,
         FuncDetailCode fdresult, int location)
{
    if (fdresult == FUNCDETAIL_MULTIPLE)
        ereport(ERROR,
                errcode(ERRCODE_AMBIGUOUS_FUNCTION),
                errmsg("operator is not unique: %s",
                       op_signature_string(opname, oprkind, arg1, arg2)),
                errhint("Could not choose a best candidate operator. "
                        "You might need to add explicit type casts."),
                parser_errposition(pstate, location));
    ereport(ERROR,
            errcode(ERRCODE_UNDEFINED_FUNCTION),
            errmsg("operator does not exist: %s",
                   op_signature_string(opname, oprkind, arg1, arg2)),
            (oprkind == 'l' || !arg1 || !arg2) ?
            errhint("No operator matches the given name and argument type. "
                    "You might need to add an explicit type cast.") :
            errhint("No operator matches the given name and argument types. "
                    "You might need to add explicit type casts."),
            parser_errposition(pstate, location));
    __builtin_unreachable();
}

/* Candidates of kind 'b' (args left,right) or 'l' (arg right). */
static List *
oper_candidates(Oid nspid, const char *opname, char oprkind)
{
    List       *ops = lookup_operators_by_name(nspid, opname, oprkind);
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, ops)
    {
        const OperInfo *op = lfirst(lc);
        FuncCandidate *c = palloc0(sizeof(FuncCandidate));

        if (op->oprkind != oprkind)
            continue;
        c->oid = op->oid;
        if (oprkind == 'b')
        {
            c->nargs = 2;
            c->args = palloc(sizeof(Oid) * 2);
            c->args[0] = op->oprleft;
            c->args[1] = op->oprright;
        }
        else
        {
            c->nargs = 1;
            c->args = palloc(sizeof(Oid));
            c->args[0] = op->oprright;
        }
        result = lappend(result, c);
    }
    return result;
}

/* The candidate with exactly these argument types, or InvalidOid. */
static Oid
oper_exact(List *candidates, int nargs, const Oid *types)
{
    ListCell   *lc;

    foreach(lc, candidates)
    {
        FuncCandidate *c = lfirst(lc);

        if (nargs == 2 && c->args[0] == types[0] && c->args[1] == types[1])
            return c->oid;
        if (nargs == 1 && c->args[0] == types[0])
            return c->oid;
    }
    return InvalidOid;
}

static Oid
binary_oper_exact(List *candidates, Oid arg1, Oid arg2)
{
    bool        was_unknown = false;
    Oid         types[2];
    Oid         result;

    if (arg1 == UNKNOWNOID && arg2 != InvalidOid)
    {
        arg1 = arg2;
        was_unknown = true;
    }
    else if (arg2 == UNKNOWNOID && arg1 != InvalidOid)
    {
        arg2 = arg1;
        was_unknown = true;
    }
    types[0] = arg1;
    types[1] = arg2;
    result = oper_exact(candidates, 2, types);
    if (OidIsValid(result))
        return result;
    if (was_unknown)
    {
        Oid         basetype = getBaseType(arg1);

        if (basetype != arg1)
        {
            types[0] = types[1] = basetype;
            return oper_exact(candidates, 2, types);
        }
    }
    return InvalidOid;
}

static FuncDetailCode
oper_select_candidate(int nargs, Oid *input_typeids, List *candidates, Oid *operOid)
{
    FuncCandidate *best;

    candidates = func_match_argtypes(nargs, input_typeids, candidates);
    if (candidates == NIL)
    {
        *operOid = InvalidOid;
        return FUNCDETAIL_NOTFOUND;
    }
    if (list_length(candidates) == 1)
    {
        *operOid = ((FuncCandidate *) linitial(candidates))->oid;
        return FUNCDETAIL_NORMAL;
    }
    best = func_select_candidate(nargs, input_typeids, candidates);
    if (best)
    {
        *operOid = best->oid;
        return FUNCDETAIL_NORMAL;
    }
    *operOid = InvalidOid;
    return FUNCDETAIL_MULTIPLE;
}

/*
 * Resolve operator `opname` (schema optional) for the argument types; for
 * a prefix operator ltypeId is InvalidOid.  Returns the OperInfo, or NULL
 * if noError and there is none.
 */
static const OperInfo *
oper_resolve(ParseState *pstate, const char *schemaname, const char *opname, Oid ltypeId,
             Oid rtypeId, bool noError, int location)
{
    char        oprkind = OidIsValid(ltypeId) ? 'b' : 'l';
    List       *candidates = oper_candidates(opname_namespace(schemaname), opname, oprkind);
    FuncDetailCode fdresult = FUNCDETAIL_NOTFOUND;
    Oid         operOid = InvalidOid;
    const OperInfo *op;

    if (oprkind == 'b')
    {
        operOid = binary_oper_exact(candidates, ltypeId, rtypeId);
        if (!OidIsValid(operOid) && candidates != NIL)
        {
            Oid         inputOids[2] = {ltypeId, rtypeId};

            fdresult = oper_select_candidate(2, inputOids, candidates, &operOid);
        }
    }
    else
    {
        operOid = oper_exact(candidates, 1, &rtypeId);
        if (!OidIsValid(operOid) && candidates != NIL)
            fdresult = oper_select_candidate(1, &rtypeId, candidates, &operOid);
    }

    op = OidIsValid(operOid) ? lookup_operator(operOid) : NULL;
    if (op == NULL && !noError)
        op_error(pstate, opname, oprkind, ltypeId, rtypeId, fdresult, location);
    return op;
}

Oid
oper_lookup(ParseState *pstate, const char *opname, Oid ltypeId, Oid rtypeId, bool noError,
            int location)
{
    const OperInfo *op = oper_resolve(pstate, NULL, opname, ltypeId, rtypeId, noError,
                                      location);

    return op ? op->oid : InvalidOid;
}

/*
 * An operator whose argument types are binary-compatible with arg1/arg2
 * (PostgreSQL's compatible_oper): for ORDER BY ... USING and the like.
 */
Oid
compatible_oper_opid(const char *opname, Oid arg1, Oid arg2, bool noError)
{
    const OperInfo *op = oper_resolve(NULL, NULL, opname, arg1, arg2, noError, -1);

    if (op == NULL)
        return InvalidOid;
    if (IsBinaryCoercible(arg1, op->oprleft) && IsBinaryCoercible(arg2, op->oprright))
        return op->oid;
    if (!noError)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("operator requires run-time type coercion: %s",
                       op_signature_string(opname, 'b', arg1, arg2)));
    return InvalidOid;
}

/* ---------------------------------------------------------------- building */

static Expr *
make_op_internal(ParseState *pstate, const char *schemaname, const char *opname,
                 Node *ltree, Node *rtree, int location)
{
    Oid         ltypeId,
                rtypeId;
    const OperInfo *op;
    List       *args;
    Oid         actual_arg_types[2];
    Oid         declared_arg_types[2];
    int         nargs;
    Oid         rettype;
    OpExpr     *result;
    const ProcInfo *proc;

    if (ltree == NULL)
    {
        ltypeId = InvalidOid;
        rtypeId = exprType(rtree);
        op = oper_resolve(pstate, schemaname, opname, InvalidOid, rtypeId, false, location);
    }
    else
    {
        ltypeId = exprType(ltree);
        rtypeId = exprType(rtree);
        op = oper_resolve(pstate, schemaname, opname, ltypeId, rtypeId, false, location);
    }
    if (!OidIsValid(op->oprcode))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("operator is only a shell: %s",
                       op_signature_string(opname, op->oprkind, op->oprleft, op->oprright)),
                parser_errposition(pstate, location));

    if (ltree == NULL)
    {
        args = list_make1(rtree);
        actual_arg_types[0] = rtypeId;
        declared_arg_types[0] = op->oprright;
        nargs = 1;
    }
    else
    {
        args = list_make2(ltree, rtree);
        actual_arg_types[0] = ltypeId;
        actual_arg_types[1] = rtypeId;
        declared_arg_types[0] = op->oprleft;
        declared_arg_types[1] = op->oprright;
        nargs = 2;
    }
    rettype = enforce_generic_type_consistency(actual_arg_types, declared_arg_types, nargs,
                                               op->oprresult, false);
    make_fn_arguments(pstate, args, actual_arg_types, declared_arg_types);

    proc = lookup_proc(op->oprcode);
    result = makeNode(OpExpr);
    result->opno = op->oid;
    result->opfuncid = op->oprcode;
    result->opresulttype = rettype;
    result->opretset = proc ? proc->proretset : false;
    result->opcollid = result_collation(rettype);
    result->inputcollid = select_inputcollation(args);
    result->args = args;
    result->location = location;
    if (result->opretset)
        pstate->p_hasTargetSRFs = true;
    return (Expr *) result;
}

/*
 * make_op
 *    The OpExpr for "ltree op rtree" (ltree NULL: prefix operator), with
 *    arguments coerced to the operator's declared types.
 */
Expr *
make_op(ParseState *pstate, PgNode **opname, size_t nnames, Node *ltree, Node *rtree,
        Node *last_srf, int location)
{
    const char *schemaname;
    const char *name = opname_parts(opname, nnames, &schemaname);

    return make_op_internal(pstate, schemaname, name, ltree, rtree, location);
}

Expr *
make_op_by_name(ParseState *pstate, const char *opname, Node *ltree, Node *rtree,
                int location)
{
    return make_op_internal(pstate, NULL, opname, ltree, rtree, location);
}

/*
 * make_scalar_array_op
 *    "ltree op ANY (rtree)" (useOr) or "... ALL (...)": the operator is
 *    resolved against the array's element type and must yield boolean.
 */
Expr *
make_scalar_array_op(ParseState *pstate, PgNode **opname, size_t nnames, bool useOr,
                     Node *ltree, Node *rtree, int location)
{
    const char *schemaname;
    const char *name = opname_parts(opname, nnames, &schemaname);
    Oid         ltypeId = exprType(ltree);
    Oid         atypeId = exprType(rtree);
    Oid         rtypeId;
    Oid         res_atypeId;
    const OperInfo *op;
    Oid         actual_arg_types[2];
    Oid         declared_arg_types[2];
    Oid         rettype;
    List       *args;
    ScalarArrayOpExpr *result;

    if (atypeId == UNKNOWNOID)
        rtypeId = UNKNOWNOID;
    else
    {
        rtypeId = get_element_type(getBaseType(atypeId));
        if (!OidIsValid(rtypeId))
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("op ANY/ALL (array) requires array on right side"),
                    parser_errposition(pstate, location));
    }
    op = oper_resolve(pstate, schemaname, name, ltypeId, rtypeId, false, location);
    args = list_make2(ltree, rtree);
    actual_arg_types[0] = ltypeId;
    actual_arg_types[1] = rtypeId;
    declared_arg_types[0] = op->oprleft;
    declared_arg_types[1] = op->oprright;
    rettype = enforce_generic_type_consistency(actual_arg_types, declared_arg_types, 2,
                                               op->oprresult, false);
    if (rettype != BOOLOID)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("op ANY/ALL (array) requires operator to yield boolean"),
                parser_errposition(pstate, location));
    if (IsPolymorphicType(declared_arg_types[1]))
        res_atypeId = atypeId;
    else
    {
        res_atypeId = get_array_type(declared_arg_types[1]);
        if (!OidIsValid(res_atypeId))
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("could not find array type for data type %s",
                           format_type_be(declared_arg_types[1])),
                    parser_errposition(pstate, location));
    }
    actual_arg_types[1] = atypeId;
    declared_arg_types[1] = res_atypeId;
    make_fn_arguments(pstate, args, actual_arg_types, declared_arg_types);

    result = makeNode(ScalarArrayOpExpr);
    result->opno = op->oid;
    result->opfuncid = op->oprcode;
    result->useOr = useOr;
    result->inputcollid = select_inputcollation(args);
    result->args = args;
    result->location = location;
    return (Expr *) result;
}

/*
 * get_sort_group_operators
 *    The default btree '<', '=' and '>' of a type (from the type cache),
 *    erroring as PostgreSQL does when a needed one is missing.
 */
void
get_sort_group_operators(Oid argtype, bool needLT, bool needEQ, bool needGT,
                         Oid *ltOpr, Oid *eqOpr, Oid *gtOpr, bool *isHashable)
{
    const TypeCacheInfo *tc = lookup_type_cache(argtype);
    Oid         lt = tc ? tc->lt_opr : InvalidOid;
    Oid         eq = tc ? tc->eq_opr : InvalidOid;
    Oid         gt = tc ? tc->gt_opr : InvalidOid;
    bool        hashable = tc ? OidIsValid(tc->hash_proc) : false;

    if ((needLT && !OidIsValid(lt)) || (needGT && !OidIsValid(gt)))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("could not identify an ordering operator for type %s",
                       format_type_be(argtype)),
                errhint("Use an explicit ordering operator or modify the query."));
    if (needEQ && !OidIsValid(eq))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("could not identify an equality operator for type %s",
                       format_type_be(argtype)));
    if (ltOpr)
        *ltOpr = lt;
    if (eqOpr)
        *eqOpr = eq;
    if (gtOpr)
        *gtOpr = gt;
    if (isHashable)
    {
        /* hashable only if the equality operator itself can hash */
        const OperInfo *eqop = OidIsValid(eq) ? lookup_operator(eq) : NULL;

        *isHashable = hashable && eqop && eqop->oprcanhash;
    }
}
