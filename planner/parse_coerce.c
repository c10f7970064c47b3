/*-------------------------------------------------------------------------
 * parse_coerce.c
 *    Type coercion: whether one type converts to another in a context
 *    (implicit, assignment, explicit), and the expression that does it.
 *
 * Principal entry points:
 *    coerce_to_target_type  - type and typmod coercion, NULL if impossible
 *    coerce_type            - the type part
 *    can_coerce_type        - the test, for function/operator resolution
 *    coerce_to_boolean      - WHERE/HAVING/AND/... arguments (42804)
 *    select_common_type     - CASE/COALESCE/VALUES/UNION result types (42804)
 *    enforce_generic_type_consistency - polymorphic function arguments
 *
 * This is PostgreSQL's parse_coerce.c algorithm, following the
 * documentation chapter "Type Conversion" (10.1-10.5):
 *
 *  - An unknown-type literal converts to anything: at analysis time the
 *    target type's input function turns it into a Const of that type
 *    (typmod -1; a length coercion follows separately), with errors
 *    reported at the literal's position.
 *  - Otherwise pg_cast decides: a cast usable in the context (castcontext
 *    i <= a <= e) gives a function call (FuncExpr), a binary relabeling
 *    (RelabelType) or an I/O conversion (CoerceViaIO).  Without a pg_cast
 *    row, assignment to a string type and explicit casts from a string
 *    type go through I/O.
 *  - A typmod (varchar(n), numeric(p,s), bpchar(n)) is applied by the
 *    type's length-coercion function (the pg_cast row from the type to
 *    itself), with an isExplicit argument that decides truncation
 *    (explicit) versus error 22001 (assignment).
 *
 * Departures: domains are coerced to their base type without checking
 * their constraints (no CoerceToDomain yet); array-to-array coercion
 * applies the element coercion per element (ArrayCoerceExpr); row types
 * are not supported; collations
 * are assigned directly from the types (no COLLATE clauses yet).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parse_node.h"
#include "procs/rowtypes.h"
#include "procs/fmgr.h"

#define TYPCATEGORY_INVALID '\0'
#define TYPCATEGORY_ARRAY   'A'
#define TYPCATEGORY_STRING  'S'
#define TYPCATEGORY_ENUM    'E'

/* ---------------------------------------------------------------- type facts */

char
TypeCategory(Oid type)
{
    const TypeInfo *t = OidIsValid(type) ? lookup_type(type) : NULL;

    return t ? t->typcategory : TYPCATEGORY_INVALID;
}

static void
get_type_category_preferred(Oid type, char *category, bool *preferred)
{
    const TypeInfo *t = OidIsValid(type) ? lookup_type(type) : NULL;

    *category = t ? t->typcategory : TYPCATEGORY_INVALID;
    *preferred = t ? t->typispreferred : false;
}

bool
IsPreferredType(char category, Oid type)
{
    char        typcategory;
    bool        preferred;

    get_type_category_preferred(type, &typcategory, &preferred);
    if (category == typcategory || category == TYPCATEGORY_INVALID)
        return preferred;
    return false;
}

bool
IsPolymorphicType(Oid typid)
{
    switch (typid)
    {
        case ANYELEMENTOID:
        case ANYARRAYOID:
        case ANYNONARRAYOID:
        case ANYENUMOID:
        case ANYRANGEOID:
        case ANYMULTIRANGEOID:
        case ANYCOMPATIBLEOID:
        case ANYCOMPATIBLEARRAYOID:
        case ANYCOMPATIBLENONARRAYOID:
        case ANYCOMPATIBLERANGEOID:
        case ANYCOMPATIBLEMULTIRANGEOID:
            return true;
        default:
            return false;
    }
}

static bool
IsPolymorphicFamily1(Oid typid)
{
    return typid == ANYELEMENTOID || typid == ANYARRAYOID || typid == ANYNONARRAYOID ||
        typid == ANYENUMOID || typid == ANYRANGEOID || typid == ANYMULTIRANGEOID;
}

static bool
type_is_enum(Oid typid)
{
    const TypeInfo *t = lookup_type(typid);

    return t && t->typtype == 'e';
}

static bool
type_is_complex(Oid typid)
{
    return OidIsValid(typeidTypeRelid(typid));
}

Oid
result_collation(Oid typid)
{
    const TypeInfo *t = OidIsValid(typid) ? lookup_type(typid) : NULL;

    return t ? t->typcollation : InvalidOid;
}

bool
IsBinaryCoercible(Oid srctype, Oid targettype)
{
    const CastInfo *cast;

    if (srctype == targettype)
        return true;
    if (targettype == ANYOID || targettype == ANYELEMENTOID ||
        targettype == ANYCOMPATIBLEOID)
        return true;
    if (OidIsValid(srctype))
        srctype = getBaseType(srctype);
    if (srctype == targettype)
        return true;
    if (targettype == ANYARRAYOID || targettype == ANYCOMPATIBLEARRAYOID)
        return type_is_array(srctype);
    if (targettype == ANYNONARRAYOID || targettype == ANYCOMPATIBLENONARRAYOID)
        return !type_is_array(srctype);
    if (targettype == ANYENUMOID)
        return type_is_enum(srctype);
    if (targettype == RECORDOID)
        return type_is_complex(srctype);
    cast = lookup_cast(srctype, targettype);
    return cast && cast->castmethod == 'b' && cast->castcontext == 'i';
}

/* ---------------------------------------------------------------- pathways */

CoercionPathType
find_coercion_pathway(Oid targetTypeId, Oid sourceTypeId, CoercionContext ccontext,
                      Oid *funcid)
{
    CoercionPathType result = COERCION_PATH_NONE;
    const CastInfo *cast;

    *funcid = InvalidOid;
    if (OidIsValid(sourceTypeId))
        sourceTypeId = getBaseType(sourceTypeId);
    if (OidIsValid(targetTypeId))
        targetTypeId = getBaseType(targetTypeId);
    if (sourceTypeId == targetTypeId)
        return COERCION_PATH_RELABELTYPE;

    cast = lookup_cast(sourceTypeId, targetTypeId);
    if (cast)
    {
        CoercionContext castcontext;

        switch (cast->castcontext)
        {
            case 'i':
                castcontext = COERCION_IMPLICIT;
                break;
            case 'a':
                castcontext = COERCION_ASSIGNMENT;
                break;
            default:
                castcontext = COERCION_EXPLICIT;
                break;
        }
        if (ccontext >= castcontext)
        {
            switch (cast->castmethod)
            {
                case 'f':
                    result = COERCION_PATH_FUNC;
                    *funcid = cast->castfunc;
                    break;
                case 'i':
                    result = COERCION_PATH_COERCEVIAIO;
                    break;
                default:
                    result = COERCION_PATH_RELABELTYPE;
                    break;
            }
        }
    }
    else
    {
        /*
         * Arrays whose element types can be coerced: ArrayCoerceExpr.  Then
         * the I/O rule: assignment to a string type, explicit from one.
         */
        if (type_is_array(targetTypeId) && type_is_array(sourceTypeId) &&
            targetTypeId != OIDVECTOROID && targetTypeId != INT2VECTOROID)
        {
            Oid         elemfuncid;

            if (find_coercion_pathway(get_element_type(targetTypeId),
                                      get_element_type(sourceTypeId), ccontext,
                                      &elemfuncid) != COERCION_PATH_NONE)
                result = COERCION_PATH_ARRAYCOERCE;
        }
        if (result != COERCION_PATH_NONE)
            ;
        else if (ccontext >= COERCION_ASSIGNMENT && TypeCategory(targetTypeId) == TYPCATEGORY_STRING)
            result = COERCION_PATH_COERCEVIAIO;
        else if (ccontext >= COERCION_EXPLICIT &&
                 TypeCategory(sourceTypeId) == TYPCATEGORY_STRING)
            result = COERCION_PATH_COERCEVIAIO;
    }
    if (result == COERCION_PATH_NONE && ccontext == COERCION_PLPGSQL)
        result = COERCION_PATH_COERCEVIAIO;
    return result;
}

/* The length-coercion function of a type (pg_cast row type -> type). */
CoercionPathType
find_typmod_coercion_function(Oid typeId, Oid *funcid)
{
    const CastInfo *cast;

    *funcid = InvalidOid;
    if (type_is_array(typeId) && typeId != OIDVECTOROID && typeId != INT2VECTOROID)
    {
        /* the element type's length coercion, applied per element */
        Oid         elem = get_element_type(typeId);

        cast = lookup_cast(elem, elem);
        if (cast && OidIsValid(cast->castfunc))
        {
            *funcid = cast->castfunc;
            return COERCION_PATH_ARRAYCOERCE;
        }
        return COERCION_PATH_NONE;
    }
    cast = lookup_cast(typeId, typeId);
    if (cast && OidIsValid(cast->castfunc))
    {
        *funcid = cast->castfunc;
        return COERCION_PATH_FUNC;
    }
    return COERCION_PATH_NONE;
}

bool
can_coerce_type(int nargs, const Oid *input_typeids, const Oid *target_typeids,
                CoercionContext ccontext)
{
    bool        have_generics = false;

    for (int i = 0; i < nargs; i++)
    {
        Oid         inputTypeId = input_typeids[i];
        Oid         targetTypeId = target_typeids[i];
        Oid         funcId;

        if (inputTypeId == targetTypeId)
            continue;
        if (targetTypeId == ANYOID)
            continue;
        if (IsPolymorphicType(targetTypeId))
        {
            have_generics = true;
            continue;
        }
        if (inputTypeId == UNKNOWNOID)
            continue;
        if (find_coercion_pathway(targetTypeId, inputTypeId, ccontext, &funcId) !=
            COERCION_PATH_NONE)
            continue;
        if (inputTypeId == RECORDOID && type_is_complex(targetTypeId))
            continue;
        if (targetTypeId == RECORDOID && type_is_complex(inputTypeId))
            continue;
        return false;
    }
    if (have_generics &&
        !check_generic_type_consistency(input_typeids, target_typeids, nargs))
        return false;
    return true;
}

/* ---------------------------------------------------------------- building */

static Node *
build_coercion_expression(Node *node, CoercionPathType pathtype, Oid funcId,
                          Oid targetTypeId, int32 targetTypMod, CoercionContext ccontext,
                          CoercionForm cformat, int location)
{
    if (pathtype == COERCION_PATH_FUNC)
    {
        const ProcInfo *proc = lookup_proc(funcId);
        List       *args = list_make1(node);
        FuncExpr   *fexpr;
        int         nargs;

        if (proc == NULL)
            elog(ERROR, "cache lookup failed for function %u", funcId);
        nargs = proc->pronargs;
        if (nargs >= 2)
            args = lappend(args, makeInt4Const(targetTypMod));
        if (nargs == 3)
            args = lappend(args, makeBoolConst(ccontext == COERCION_EXPLICIT, false));
        fexpr = makeFuncExpr(funcId, targetTypeId, args, result_collation(targetTypeId),
                             select_inputcollation(list_make1(node)), cformat);
        fexpr->location = location;
        return (Node *) fexpr;
    }
    if (pathtype == COERCION_PATH_COERCEVIAIO)
    {
        CoerceViaIO *iocoerce = makeNode(CoerceViaIO);

        iocoerce->arg = (Expr *) node;
        iocoerce->resulttype = targetTypeId;
        iocoerce->resultcollid = result_collation(targetTypeId);
        iocoerce->coerceformat = cformat;
        iocoerce->location = location;
        return (Node *) iocoerce;
    }
    if (pathtype == COERCION_PATH_ARRAYCOERCE)
    {
        /* each element through elemexpr, which reads it from a CaseTestExpr */
        ArrayCoerceExpr *acoerce = makeNode(ArrayCoerceExpr);
        CaseTestExpr *ctest = makeNode(CaseTestExpr);
        Oid         sourceBaseTypeId = getBaseType(exprType(node));
        Oid         targetElementType = get_element_type(targetTypeId);
        Node       *elemexpr;

        ctest->typeId = get_element_type(sourceBaseTypeId);
        ctest->typeMod = exprTypmod(node);
        ctest->collation = InvalidOid;
        elemexpr = coerce_to_target_type(NULL, (Node *) ctest, ctest->typeId, targetElementType,
                                         targetTypMod, ccontext, cformat, location);
        if (elemexpr == NULL)
            elog(ERROR, "failed to coerce array element type as expected");
        acoerce->arg = (Expr *) node;
        acoerce->elemexpr = (Expr *) elemexpr;
        acoerce->resulttype = targetTypeId;
        acoerce->resulttypmod = exprTypmod(elemexpr);
        acoerce->resultcollid = result_collation(targetTypeId);
        acoerce->coerceformat = cformat;
        acoerce->location = location;
        return (Node *) acoerce;
    }
    elog(ERROR, "unsupported coercion path %d", (int) pathtype);
    return NULL;
}

/*
 * A RelabelType exposing (rtype, rtypmod), collapsing stacked relabels;
 * a Const is relabeled in place (a copy) to stay a Const.
 */
static Node *
applyRelabelType(Node *arg, Oid rtype, int32 rtypmod, Oid rcollid, CoercionForm rformat,
                 int rlocation)
{
    while (arg && IsA(arg, RelabelType))
        arg = (Node *) ((RelabelType *) arg)->arg;
    if (arg && IsA(arg, Const))
    {
        Const      *con = copyObject((Const *) arg);

        con->consttype = rtype;
        con->consttypmod = rtypmod;
        con->constcollid = rcollid;
        return (Node *) con;
    }
    if (exprType(arg) == rtype && exprTypmod(arg) == rtypmod && exprCollation(arg) == rcollid)
        return arg;
    {
        RelabelType *r = makeRelabelType((Expr *) arg, rtype, rtypmod, rcollid, rformat);

        r->location = rlocation;
        return (Node *) r;
    }
}

static void
hide_coercion_node(Node *node)
{
    if (IsA(node, FuncExpr))
        ((FuncExpr *) node)->funcformat = COERCE_IMPLICIT_CAST;
    else if (IsA(node, RelabelType))
        ((RelabelType *) node)->relabelformat = COERCE_IMPLICIT_CAST;
    else if (IsA(node, CoerceViaIO))
        ((CoerceViaIO *) node)->coerceformat = COERCE_IMPLICIT_CAST;
    else if (IsA(node, ArrayCoerceExpr))
        ((ArrayCoerceExpr *) node)->coerceformat = COERCE_IMPLICIT_CAST;
}

static Node *
coerce_type_typmod(Node *node, Oid targetTypeId, int32 targetTypMod, CoercionContext ccontext,
                   CoercionForm cformat, int location, bool hideInputCoercion)
{
    CoercionPathType pathtype;
    Oid         funcId = InvalidOid;

    if (targetTypMod == exprTypmod(node))
        return node;
    if (hideInputCoercion)
        hide_coercion_node(node);
    if (targetTypMod < 0)
        pathtype = COERCION_PATH_NONE;
    else
        pathtype = find_typmod_coercion_function(targetTypeId, &funcId);
    if (pathtype != COERCION_PATH_NONE)
        return build_coercion_expression(node, pathtype, funcId, targetTypeId, targetTypMod,
                                         ccontext, cformat, location);
    return applyRelabelType(node, targetTypeId, targetTypMod, exprCollation(node), cformat,
                            location);
}

/*
 * coerce_to_target_type
 *    expr (of type exprtype) converted to targettype/targettypmod in the
 *    given context, or NULL if no conversion is allowed.  location is that
 *    of the cast syntax (-1 for implicit coercions).
 */
Node *
coerce_to_target_type(ParseState *pstate, Node *expr, Oid exprtype, Oid targettype,
                      int32 targettypmod, CoercionContext ccontext, CoercionForm cformat,
                      int location)
{
    Node       *result;

    if (!can_coerce_type(1, &exprtype, &targettype, ccontext))
        return NULL;
    result = coerce_type(pstate, expr, exprtype, targettype, targettypmod, ccontext, cformat,
                         location);
    return coerce_type_typmod(result, targettype, targettypmod, ccontext, cformat, location,
                              (result != expr && !IsA(result, Const)));
}

/*
 * coerce_type
 *    Convert node to targetTypeId; the caller has checked can_coerce_type.
 *    targetTypeMod is used only for unknown literals of interval type
 *    (PostgreSQL's exception); length coercion is the caller's.
 */
/*
 * ROW(...)::t (PostgreSQL's coerce_record_to_complex): each field coerced
 * to the column's type, the row typed as t.
 */
static Node *
coerce_record_to_complex(ParseState *pstate, RowExpr *row, Oid targetTypeId,
                         CoercionContext ccontext, CoercionForm cformat, int location)
{
    TupleDesc   desc = composite_type_tupdesc(targetTypeId);
    RowExpr    *result = makeNode(RowExpr);
    ListCell   *lc;
    int         i = 0;

    foreach(lc, row->args)
    {
        Node       *arg = lfirst(lc);
        Form_pg_attribute att;
        Node       *cexpr;

        if (i >= desc->natts)
            ereport(ERROR,
                    errcode(ERRCODE_CANNOT_COERCE),
                    errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
                           format_type_be(targetTypeId)),
                    errdetail("Input has too many columns."),
                    parser_errposition(pstate, location));
        att = TupleDescAttr(desc, i);
        cexpr = coerce_to_target_type(pstate, arg, exprType(arg), att->atttypid, att->atttypmod,
                                      ccontext, COERCE_IMPLICIT_CAST, -1);
        if (cexpr == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_CANNOT_COERCE),
                    errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
                           format_type_be(targetTypeId)),
                    errdetail("Cannot cast type %s to %s in column %d.",
                              format_type_be(exprType(arg)), format_type_be(att->atttypid),
                              i + 1),
                    parser_errposition(pstate, location));
        result->args = lappend(result->args, cexpr);
        result->colnames = lappend(result->colnames, pstrdup(NameStr(att->attname)));
        i++;
    }
    if (i < desc->natts)
        ereport(ERROR,
                errcode(ERRCODE_CANNOT_COERCE),
                errmsg("cannot cast type %s to %s", format_type_be(RECORDOID),
                       format_type_be(targetTypeId)),
                errdetail("Input has too few columns."),
                parser_errposition(pstate, location));
    result->row_typeid = targetTypeId;
    result->row_format = cformat;
    result->location = row->location;
    return (Node *) result;
}

Node *
coerce_type(ParseState *pstate, Node *node, Oid inputTypeId, Oid targetTypeId,
            int32 targetTypeMod, CoercionContext ccontext, CoercionForm cformat, int location)
{
    CoercionPathType pathtype;
    Oid         funcId;

    if (targetTypeId == inputTypeId || node == NULL)
        return node;
    if (targetTypeId == ANYOID || targetTypeId == ANYELEMENTOID ||
        targetTypeId == ANYNONARRAYOID || targetTypeId == ANYCOMPATIBLEOID ||
        targetTypeId == ANYCOMPATIBLENONARRAYOID)
        return node;
    if ((targetTypeId == ANYARRAYOID || targetTypeId == ANYENUMOID ||
         targetTypeId == ANYRANGEOID || targetTypeId == ANYMULTIRANGEOID ||
         targetTypeId == ANYCOMPATIBLEARRAYOID || targetTypeId == ANYCOMPATIBLERANGEOID ||
         targetTypeId == ANYCOMPATIBLEMULTIRANGEOID) && inputTypeId != UNKNOWNOID)
    {
        Oid         baseTypeId = getBaseType(inputTypeId);

        if (baseTypeId != inputTypeId)
            return (Node *) makeRelabelType((Expr *) node, baseTypeId, -1,
                                            exprCollation(node), cformat);
        return node;
    }

    if (inputTypeId == UNKNOWNOID && IsA(node, Const))
    {
        Const      *con = (Const *) node;
        Oid         baseTypeId = getBaseType(targetTypeId);
        const TypeInfo *baseType = lookup_type(baseTypeId);
        int32       inputTypeMod = (baseTypeId == INTERVALOID) ? targetTypeMod : -1;
        Const      *newcon;
        Datum       value = (Datum) 0;

        if (baseType == NULL)
            elog(ERROR, "cache lookup failed for type %u", baseTypeId);
        if (!con->constisnull)
        {
            ParseCallbackState pcbstate;
            Oid         typinput,
                        typioparam;

            getTypeInputInfo(baseTypeId, &typinput, &typioparam);
            setup_parser_errposition_callback(&pcbstate, pstate, con->location);
            value = OidInputFunctionCall(typinput, DatumGetCString(con->constvalue),
                                         typioparam, inputTypeMod);
            cancel_parser_errposition_callback(&pcbstate);
        }
        newcon = makeConst(baseTypeId, inputTypeMod, baseType->typcollation,
                           baseType->typlen, value, con->constisnull, baseType->typbyval);
        newcon->location = con->location;
        if (baseTypeId != targetTypeId)
            return (Node *) makeRelabelType((Expr *) newcon, targetTypeId, -1,
                                            baseType->typcollation, cformat);
        return (Node *) newcon;
    }

    if (IsA(node, Param) && inputTypeId == UNKNOWNOID)
    {
        Node       *result = coerce_unknown_param(pstate, (Param *) node, targetTypeId,
                                                  targetTypeMod, location);

        if (result)
            return result;
    }

    pathtype = find_coercion_pathway(targetTypeId, inputTypeId, ccontext, &funcId);
    if (pathtype != COERCION_PATH_NONE)
    {
        if (pathtype != COERCION_PATH_RELABELTYPE)
        {
            Oid         baseTypeId = getBaseType(targetTypeId);
            Node       *result = build_coercion_expression(node, pathtype, funcId, baseTypeId,
                                                           targetTypeMod < 0 ? -1 : targetTypeMod,
                                                           ccontext, cformat, location);

            if (baseTypeId != targetTypeId)
                result = (Node *) makeRelabelType((Expr *) result, targetTypeId, -1,
                                                  result_collation(baseTypeId), cformat);
            return result;
        }
        else
        {
            RelabelType *r = makeRelabelType((Expr *) node, targetTypeId, -1,
                                             result_collation(targetTypeId), cformat);

            r->location = location;
            return (Node *) r;
        }
    }
    if (targetTypeId == RECORDOID && type_is_complex(inputTypeId))
    {
        /* a table's row type is a record: the value is the same (procs/rowtypes.c) */
        return (Node *) makeRelabelType((Expr *) node, RECORDOID, -1, InvalidOid, cformat);
    }
    if (inputTypeId == RECORDOID && IsA(node, RowExpr) && type_is_complex(targetTypeId))
        return coerce_record_to_complex(pstate, (RowExpr *) node, targetTypeId, ccontext,
                                        cformat, location);
    if (inputTypeId == RECORDOID || targetTypeId == RECORDOID)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("coercion between %s and %s is not supported",
                       format_type_be(inputTypeId), format_type_be(targetTypeId)),
                parser_errposition(pstate, location));
    elog(ERROR, "failed to find conversion function from %s to %s",
         format_type_be(inputTypeId), format_type_be(targetTypeId));
    return NULL;
}

/* ---------------------------------------------------------------- specific targets */

static Node *
coerce_to_specific_type_typmod(ParseState *pstate, Node *node, Oid targetTypeId,
                               int32 targetTypmod, const char *constructName)
{
    Oid         inputTypeId = exprType(node);

    if (inputTypeId != targetTypeId)
    {
        Node       *newnode = coerce_to_target_type(pstate, node, inputTypeId, targetTypeId,
                                                    targetTypmod, COERCION_ASSIGNMENT,
                                                    COERCE_IMPLICIT_CAST, -1);

        if (newnode == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("argument of %s must be type %s, not type %s", constructName,
                           format_type_be(targetTypeId), format_type_be(inputTypeId)),
                    parser_errposition(pstate, exprLocation(node)));
        node = newnode;
    }
    if (expression_returns_set(node))
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("argument of %s must not return a set", constructName),
                parser_errposition(pstate, exprLocation(node)));
    return node;
}

Node *
coerce_to_boolean(ParseState *pstate, Node *node, const char *constructName)
{
    return coerce_to_specific_type_typmod(pstate, node, BOOLOID, -1, constructName);
}

Node *
coerce_to_specific_type(ParseState *pstate, Node *node, Oid targetTypeId,
                        const char *constructName)
{
    return coerce_to_specific_type_typmod(pstate, node, targetTypeId, -1, constructName);
}

/* ---------------------------------------------------------------- common types */

/*
 * select_common_type
 *    The type that CASE results, COALESCE arguments, VALUES columns or
 *    UNION branches resolve to (documentation 10.5).  context names the
 *    construct in the 42804 error; with context NULL, InvalidOid is
 *    returned instead of an error.
 */
Oid
select_common_type(ParseState *pstate, List *exprs, const char *context, Node **which_expr)
{
    Node       *pexpr;
    Oid         ptype;
    char        pcategory;
    bool        pispreferred;
    int         i;

    pexpr = linitial(exprs);
    ptype = exprType(pexpr);

    /* all the same (and not unknown): that type, domains included */
    if (ptype != UNKNOWNOID)
    {
        for (i = 1; i < list_length(exprs); i++)
        {
            if (exprType(list_nth(exprs, i)) != ptype)
                break;
        }
        if (i == list_length(exprs))
        {
            if (which_expr)
                *which_expr = pexpr;
            return ptype;
        }
    }
    else
        i = 1;

    ptype = getBaseType(ptype);
    get_type_category_preferred(ptype, &pcategory, &pispreferred);
    for (; i < list_length(exprs); i++)
    {
        Node       *nexpr = list_nth(exprs, i);
        Oid         ntype = getBaseType(exprType(nexpr));

        if (ntype != UNKNOWNOID && ntype != ptype)
        {
            char        ncategory;
            bool        nispreferred;

            get_type_category_preferred(ntype, &ncategory, &nispreferred);
            if (ptype == UNKNOWNOID)
            {
                pexpr = nexpr;
                ptype = ntype;
                pcategory = ncategory;
                pispreferred = nispreferred;
            }
            else if (ncategory != pcategory)
            {
                if (context == NULL)
                    return InvalidOid;
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("%s types %s and %s cannot be matched", context,
                               format_type_be(ptype), format_type_be(ntype)),
                        parser_errposition(pstate, exprLocation(nexpr)));
            }
            else if (!pispreferred &&
                     can_coerce_type(1, &ptype, &ntype, COERCION_IMPLICIT) &&
                     !can_coerce_type(1, &ntype, &ptype, COERCION_IMPLICIT))
            {
                pexpr = nexpr;
                ptype = ntype;
                pcategory = ncategory;
                pispreferred = nispreferred;
            }
        }
    }
    if (ptype == UNKNOWNOID)
        ptype = TEXTOID;
    if (which_expr)
        *which_expr = pexpr;
    return ptype;
}

/* select_common_type over bare type OIDs (polymorphic anycompatible). */
static Oid
select_common_type_from_oids(int nargs, const Oid *typeids, bool noerror)
{
    Oid         ptype;
    char        pcategory;
    bool        pispreferred;
    int         i = 1;

    ptype = typeids[0];
    if (ptype != UNKNOWNOID)
    {
        for (; i < nargs; i++)
            if (typeids[i] != ptype)
                break;
        if (i == nargs)
            return ptype;
    }
    ptype = getBaseType(ptype);
    get_type_category_preferred(ptype, &pcategory, &pispreferred);
    for (; i < nargs; i++)
    {
        Oid         ntype = getBaseType(typeids[i]);

        if (ntype != UNKNOWNOID && ntype != ptype)
        {
            char        ncategory;
            bool        nispreferred;

            get_type_category_preferred(ntype, &ncategory, &nispreferred);
            if (ptype == UNKNOWNOID)
            {
                ptype = ntype;
                pcategory = ncategory;
                pispreferred = nispreferred;
            }
            else if (ncategory != pcategory)
            {
                if (noerror)
                    return InvalidOid;
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("argument types %s and %s cannot be matched",
                               format_type_be(ptype), format_type_be(ntype)));
            }
            else if (!pispreferred &&
                     can_coerce_type(1, &ptype, &ntype, COERCION_IMPLICIT) &&
                     !can_coerce_type(1, &ntype, &ptype, COERCION_IMPLICIT))
            {
                ptype = ntype;
                pcategory = ncategory;
                pispreferred = nispreferred;
            }
        }
    }
    if (ptype == UNKNOWNOID)
        ptype = TEXTOID;
    return ptype;
}

Node *
coerce_to_common_type(ParseState *pstate, Node *node, Oid targetTypeId, const char *context)
{
    Oid         inputTypeId = exprType(node);

    if (inputTypeId == targetTypeId)
        return node;
    if (can_coerce_type(1, &inputTypeId, &targetTypeId, COERCION_IMPLICIT))
        return coerce_type(pstate, node, inputTypeId, targetTypeId, -1, COERCION_IMPLICIT,
                           COERCE_IMPLICIT_CAST, -1);
    ereport(ERROR,
            errcode(ERRCODE_CANNOT_COERCE),
            errmsg("%s could not convert type %s to %s", context,
                   format_type_be(inputTypeId), format_type_be(targetTypeId)),
            parser_errposition(pstate, exprLocation(node)));
    return NULL;
}

int32
select_common_typmod(ParseState *pstate, List *exprs, Oid common_type)
{
    int32       result = -1;
    bool        first = true;
    ListCell   *lc;

    foreach(lc, exprs)
    {
        Node       *expr = lfirst(lc);

        if (exprType(expr) != common_type)
            return -1;
        if (first)
        {
            result = exprTypmod(expr);
            first = false;
        }
        else if (result != exprTypmod(expr))
            return -1;
    }
    return result;
}

/* ---------------------------------------------------------------- polymorphism */

/*
 * check_generic_type_consistency
 *    Can the actual types satisfy the polymorphic declared types?
 *    (anyelement-family arguments agree on one element type, anyarray ones
 *    on its array type; anycompatible ones have a common type.)
 */
bool
check_generic_type_consistency(const Oid *actual_arg_types, const Oid *declared_arg_types,
                               int nargs)
{
    Oid         elem_typeid = InvalidOid;
    Oid         array_typeid = InvalidOid;
    bool        have_anynonarray = false;
    bool        have_anyenum = false;
    Oid        *compat = palloc(sizeof(Oid) * (nargs > 0 ? nargs : 1));
    int         ncompat = 0;

    for (int j = 0; j < nargs; j++)
    {
        Oid         decl = declared_arg_types[j];
        Oid         actual = actual_arg_types[j];

        if (decl == ANYELEMENTOID || decl == ANYNONARRAYOID || decl == ANYENUMOID)
        {
            if (decl == ANYNONARRAYOID)
                have_anynonarray = true;
            else if (decl == ANYENUMOID)
                have_anyenum = true;
            if (actual == UNKNOWNOID)
                continue;
            if (OidIsValid(elem_typeid) && actual != elem_typeid)
                return false;
            elem_typeid = actual;
        }
        else if (decl == ANYARRAYOID)
        {
            if (actual == UNKNOWNOID)
                continue;
            actual = getBaseType(actual);
            if (OidIsValid(array_typeid) && actual != array_typeid)
                return false;
            array_typeid = actual;
        }
        else if (decl == ANYCOMPATIBLEOID || decl == ANYCOMPATIBLENONARRAYOID)
        {
            if (actual != UNKNOWNOID)
                compat[ncompat++] = actual;
        }
        else if (decl == ANYCOMPATIBLEARRAYOID)
        {
            Oid         elem;

            if (actual == UNKNOWNOID)
                continue;
            elem = get_element_type(getBaseType(actual));
            if (!OidIsValid(elem))
                return false;
            compat[ncompat++] = elem;
        }
        else if (decl == ANYRANGEOID || decl == ANYMULTIRANGEOID ||
                 decl == ANYCOMPATIBLERANGEOID || decl == ANYCOMPATIBLEMULTIRANGEOID)
            return false;       /* range types are not supported */
    }

    if (OidIsValid(array_typeid))
    {
        Oid         array_elem;

        if (array_typeid == ANYARRAYOID)
            array_elem = ANYELEMENTOID;
        else
        {
            array_elem = get_element_type(array_typeid);
            if (!OidIsValid(array_elem))
                return false;
        }
        if (!OidIsValid(elem_typeid))
            elem_typeid = array_elem;
        else if (array_elem != elem_typeid)
            return false;
    }
    if (have_anynonarray && OidIsValid(elem_typeid) && type_is_array(elem_typeid))
        return false;
    if (have_anyenum && OidIsValid(elem_typeid) && !type_is_enum(elem_typeid))
        return false;
    if (ncompat > 0 && !OidIsValid(select_common_type_from_oids(ncompat, compat, true)))
        return false;
    return true;
}

/*
 * enforce_generic_type_consistency
 *    Replace polymorphic declared argument types (in place) by the actual
 *    types they stand for, and return the resolved result type.
 */
Oid
enforce_generic_type_consistency(const Oid *actual_arg_types, Oid *declared_arg_types,
                                 int nargs, Oid rettype, bool allow_poly)
{
    Oid         elem_typeid = InvalidOid;
    Oid         array_typeid = InvalidOid;
    Oid         compat_typeid = InvalidOid;
    bool        have_poly_family1 = IsPolymorphicFamily1(rettype);
    bool        have_compat = (rettype == ANYCOMPATIBLEOID || rettype == ANYCOMPATIBLEARRAYOID ||
                               rettype == ANYCOMPATIBLENONARRAYOID);
    bool        have_unknowns = false;
    Oid        *compat = palloc(sizeof(Oid) * (nargs > 0 ? nargs : 1));
    int         ncompat = 0;

    for (int j = 0; j < nargs; j++)
    {
        Oid         decl = declared_arg_types[j];
        Oid         actual = actual_arg_types[j];

        if (decl == ANYELEMENTOID || decl == ANYNONARRAYOID || decl == ANYENUMOID)
        {
            have_poly_family1 = true;
            if (actual == UNKNOWNOID)
            {
                have_unknowns = true;
                continue;
            }
            if (allow_poly && decl == actual)
                continue;
            if (OidIsValid(elem_typeid) && actual != elem_typeid)
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("arguments declared \"%s\" are not all alike", "anyelement"),
                        errdetail("%s versus %s", format_type_be(elem_typeid),
                                  format_type_be(actual)));
            elem_typeid = actual;
        }
        else if (decl == ANYARRAYOID)
        {
            have_poly_family1 = true;
            if (actual == UNKNOWNOID)
            {
                have_unknowns = true;
                continue;
            }
            if (allow_poly && decl == actual)
                continue;
            actual = getBaseType(actual);
            if (OidIsValid(array_typeid) && actual != array_typeid)
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("arguments declared \"%s\" are not all alike", "anyarray"),
                        errdetail("%s versus %s", format_type_be(array_typeid),
                                  format_type_be(actual)));
            array_typeid = actual;
        }
        else if (decl == ANYCOMPATIBLEOID || decl == ANYCOMPATIBLENONARRAYOID)
        {
            have_compat = true;
            if (actual != UNKNOWNOID)
                compat[ncompat++] = actual;
        }
        else if (decl == ANYCOMPATIBLEARRAYOID)
        {
            have_compat = true;
            if (actual != UNKNOWNOID)
            {
                Oid         elem = get_element_type(getBaseType(actual));

                if (!OidIsValid(elem))
                    ereport(ERROR,
                            errcode(ERRCODE_DATATYPE_MISMATCH),
                            errmsg("argument declared %s is not an array but type %s",
                                   "anycompatiblearray", format_type_be(actual)));
                compat[ncompat++] = elem;
            }
        }
    }

    if (have_poly_family1)
    {
        if (OidIsValid(array_typeid))
        {
            Oid         array_elem = get_element_type(array_typeid);

            if (!OidIsValid(array_elem))
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("argument declared %s is not an array but type %s",
                               "anyarray", format_type_be(array_typeid)));
            if (!OidIsValid(elem_typeid))
                elem_typeid = array_elem;
            else if (array_elem != elem_typeid)
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("argument declared %s is not consistent with argument declared %s",
                               "anyarray", "anyelement"),
                        errdetail("%s versus %s", format_type_be(array_typeid),
                                  format_type_be(elem_typeid)));
        }
        else if (!OidIsValid(elem_typeid))
        {
            if (allow_poly)
            {
                elem_typeid = ANYELEMENTOID;
                array_typeid = ANYARRAYOID;
            }
            else
                ereport(ERROR,
                        errcode(ERRCODE_DATATYPE_MISMATCH),
                        errmsg("could not determine polymorphic type because input has type %s",
                               "unknown"));
        }
    }
    if (have_compat)
    {
        if (ncompat > 0)
            compat_typeid = select_common_type_from_oids(ncompat, compat, false);
        else if (allow_poly)
            compat_typeid = ANYCOMPATIBLEOID;
        else
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("could not determine polymorphic type %s because input has type %s",
                           "anycompatible", "unknown"));
    }
    (void) have_unknowns;

    for (int j = 0; j < nargs; j++)
    {
        Oid         decl = declared_arg_types[j];

        if (decl == ANYELEMENTOID || decl == ANYNONARRAYOID || decl == ANYENUMOID)
            declared_arg_types[j] = elem_typeid;
        else if (decl == ANYARRAYOID)
        {
            if (!OidIsValid(array_typeid))
            {
                array_typeid = get_array_type(elem_typeid);
                if (!OidIsValid(array_typeid))
                    ereport(ERROR,
                            errcode(ERRCODE_UNDEFINED_OBJECT),
                            errmsg("could not find array type for data type %s",
                                   format_type_be(elem_typeid)));
            }
            declared_arg_types[j] = array_typeid;
        }
        else if (decl == ANYCOMPATIBLEOID || decl == ANYCOMPATIBLENONARRAYOID)
            declared_arg_types[j] = compat_typeid;
        else if (decl == ANYCOMPATIBLEARRAYOID)
        {
            Oid         arr = get_array_type(compat_typeid);

            if (!OidIsValid(arr))
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("could not find array type for data type %s",
                               format_type_be(compat_typeid)));
            declared_arg_types[j] = arr;
        }
    }

    if (rettype == ANYELEMENTOID || rettype == ANYNONARRAYOID || rettype == ANYENUMOID)
        return elem_typeid;
    if (rettype == ANYARRAYOID)
    {
        if (!OidIsValid(array_typeid))
        {
            array_typeid = get_array_type(elem_typeid);
            if (!OidIsValid(array_typeid))
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_OBJECT),
                        errmsg("could not find array type for data type %s",
                               format_type_be(elem_typeid)));
        }
        return array_typeid;
    }
    if (rettype == ANYCOMPATIBLEOID || rettype == ANYCOMPATIBLENONARRAYOID)
        return compat_typeid;
    if (rettype == ANYCOMPATIBLEARRAYOID)
    {
        Oid         arr = get_array_type(compat_typeid);

        if (!OidIsValid(arr))
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("could not find array type for data type %s",
                           format_type_be(compat_typeid)));
        return arr;
    }
    return rettype;
}
