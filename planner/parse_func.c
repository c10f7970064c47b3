/*-------------------------------------------------------------------------
 * parse_func.c
 *    Function calls: which pg_proc row f(args) means, and the FuncExpr,
 *    Aggref or cast it becomes.
 *
 * Principal entry points:
 *    ParseFuncOrColumn     - analyze a FuncCall whose arguments are analyzed
 *    func_get_detail       - resolution proper
 *    func_match_argtypes / func_select_candidate
 *                          - candidate filtering shared with operators
 *    make_fn_arguments     - coerce arguments to the declared types
 *
 * Resolution is PostgreSQL's (documentation 10.3 "Functions"):
 *   1. candidates: the functions of that name (in the named schema, else
 *      through the search path, earlier schemas hiding later ones with the
 *      same argument types), with VARIADIC parameters expanded to the call's
 *      argument count;
 *   2. an exact match on the argument types wins;
 *   3. else a one-argument call whose name is a type name, and whose
 *      argument converts by relabeling or I/O (or is an unknown literal),
 *      is a cast: text(x), int4('1');
 *   4. else the candidates accepting the arguments by implicit coercion,
 *      narrowed by func_select_candidate; none is 42883, several 42725.
 * Aggregates are pg_proc rows with prokind 'a'; their calls become Aggref
 * (parse_agg.c checks where they may appear).
 *
 * Named arguments (a => 1, a := 1, after any positional ones) are matched
 * to pg_proc.proargnames (PostgreSQL's MatchNamedCall); parameters left
 * out, and trailing ones of a positional call, take their defaults,
 * pg_proc.proargdefaults kept as SQL text (pg_get_expr's list, analyzed
 * as "SELECT <list>" and coerced to the parameter types).  The call's
 * arguments are put in parameter order here (PostgreSQL keeps
 * NamedArgExprs until the planner).  Functions with OUT parameters keep
 * no argument names (proargmodes is not loaded).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/namespace.h"
#include "planner/parse_node.h"

#define FUNC_MAX_ARGS 100
#define TYPCATEGORY_INVALID '\0'
#define TYPCATEGORY_STRING  'S'

/* ---------------------------------------------------------------- helpers */

Oid
select_inputcollation(List *args)
{
    ListCell   *lc;

    foreach(lc, args)
    {
        Oid         coll = exprCollation(lfirst(lc));

        if (OidIsValid(coll))
            return coll;
    }
    return InvalidOid;
}

/* The last list_length(argnames) arguments print as "name => type". */
static char *
func_signature_string_named(const char *schemaname, const char *funcname, int nargs,
                            List *argnames, const Oid *argtypes)
{
    StringInfoData buf;
    int         numposargs = nargs - list_length(argnames);

    initStringInfo(&buf);
    if (schemaname)
        appendStringInfo(&buf, "%s.", schemaname);
    appendStringInfo(&buf, "%s(", funcname);
    for (int i = 0; i < nargs; i++)
    {
        if (i > 0)
            appendStringInfoString(&buf, ", ");
        if (i >= numposargs)
            appendStringInfo(&buf, "%s => ", (char *) list_nth(argnames, i - numposargs));
        appendStringInfoString(&buf, format_type_be(argtypes[i]));
    }
    appendStringInfoChar(&buf, ')');
    return buf.data;
}

char *
func_signature_string(const char *schemaname, const char *funcname, int nargs,
                      const Oid *argtypes)
{
    return func_signature_string_named(schemaname, funcname, nargs, NIL, argtypes);
}

static void
get_type_category_preferred(Oid type, char *category, bool *preferred)
{
    const TypeInfo *t = OidIsValid(type) ? lookup_type(type) : NULL;

    *category = t ? t->typcategory : TYPCATEGORY_INVALID;
    *preferred = t ? t->typispreferred : false;
}

/*
 * PostgreSQL's MatchNamedCall: can proc take nargs arguments, the last
 * list_length(argnames) of them named, the parameters left out having
 * defaults?  *argnumbers: the parameter of each argument, then the
 * defaulted parameters (pronargs entries).
 */
static bool
match_named_call(const ProcInfo *proc, int nargs, List *argnames, int **argnumbers)
{
    int         pronargs = proc->pronargs;
    int         numposargs = nargs - list_length(argnames);
    bool        assigned[FUNC_MAX_ARGS];
    int        *an;
    int         i;
    ListCell   *lc;

    if (proc->proargnames == NULL || nargs > pronargs || pronargs > FUNC_MAX_ARGS)
        return false;
    memset(assigned, 0, sizeof(assigned));
    an = palloc(sizeof(int) * (pronargs > 0 ? pronargs : 1));
    for (i = 0; i < numposargs; i++)
    {
        an[i] = i;
        assigned[i] = true;
    }
    foreach(lc, argnames)
    {
        const char *name = lfirst(lc);
        int         p;

        for (p = 0; p < pronargs; p++)
            if (proc->proargnames[p][0] != '\0' && strcmp(name, proc->proargnames[p]) == 0)
                break;
        if (p >= pronargs || assigned[p])
            return false;
        assigned[p] = true;
        an[i++] = p;
    }
    for (int p = 0; p < pronargs; p++)
    {
        if (assigned[p])
            continue;
        if (p < pronargs - proc->pronargdefaults)
            return false;
        an[i++] = p;
    }
    *argnumbers = an;
    return true;
}

/*
 * The candidates for a call of `funcname` with nargs arguments (the last
 * list_length(argnames) named): exact-arity functions, variadic ones
 * expanded (when expand_variadic, i.e. no VARIADIC keyword in the call),
 * and ones whose missing trailing (or unnamed) parameters have defaults.
 * A candidate's args are in call order (pronargs entries when defaults
 * are used).
 */
static List *
func_candidates(const char *schemaname, const char *funcname, int nargs, List *argnames,
                bool expand_variadic)
{
    Oid         nspid = schemaname ? LookupExplicitNamespace(schemaname, false) : InvalidOid;
    List       *procs = lookup_procs_by_name(nspid, funcname);
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, procs)
    {
        const ProcInfo *proc = lfirst(lc);
        int         pronargs = proc->pronargs;
        bool        variadic = false;
        FuncCandidate *c;

        if (argnames != NIL)
        {
            int        *argnumbers;

            /* expanded variadic parameters have no names */
            if (OidIsValid(proc->provariadic) && expand_variadic)
                continue;
            if (!match_named_call(proc, nargs, argnames, &argnumbers))
                continue;
            c = palloc0(sizeof(FuncCandidate));
            c->oid = proc->oid;
            c->nargs = nargs;
            c->ndargs = pronargs - nargs;
            c->argnumbers = argnumbers;
            c->args = palloc(sizeof(Oid) * (pronargs > 0 ? pronargs : 1));
            for (int i = 0; i < pronargs; i++)
                c->args[i] = proc->proargtypes[argnumbers[i]];
            result = lappend(result, c);
            continue;
        }
        if (pronargs > nargs)
        {
            if (nargs + proc->pronargdefaults < pronargs)
                continue;
            c = palloc0(sizeof(FuncCandidate));
            c->oid = proc->oid;
            c->nargs = nargs;
            c->ndargs = pronargs - nargs;
            c->args = palloc(sizeof(Oid) * pronargs);
            memcpy(c->args, proc->proargtypes, sizeof(Oid) * pronargs);
            result = lappend(result, c);
            continue;
        }
        if (pronargs <= nargs && expand_variadic && OidIsValid(proc->provariadic))
            variadic = true;
        if (pronargs != nargs && !variadic)
            continue;
        c = palloc0(sizeof(FuncCandidate));
        c->oid = proc->oid;
        c->nargs = nargs;
        c->args = palloc(sizeof(Oid) * (nargs > 0 ? nargs : 1));
        if (variadic)
        {
            for (int i = 0; i < pronargs - 1; i++)
                c->args[i] = proc->proargtypes[i];
            for (int i = pronargs - 1; i < nargs; i++)
                c->args[i] = proc->provariadic;
            c->nvargs = nargs - pronargs + 1;
            c->variadic_type = proc->provariadic;
        }
        else
        {
            for (int i = 0; i < nargs; i++)
                c->args[i] = proc->proargtypes[i];
        }
        result = lappend(result, c);
    }
    return result;
}

/*
 * func_match_argtypes
 *    The candidates that accept the input types by implicit coercion.
 */
List *
func_match_argtypes(int nargs, Oid *input_typeids, List *candidates)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, candidates)
    {
        FuncCandidate *c = lfirst(lc);

        if (can_coerce_type(nargs, input_typeids, c->args, COERCION_IMPLICIT))
            result = lappend(result, c);
    }
    return result;
}

/* Keep the candidates scoring highest by `score` (all if none scores). */
static List *
keep_best(List *candidates, int *scores)
{
    int         best = -1;
    List       *result = NIL;

    for (int i = 0; i < list_length(candidates); i++)
        if (scores[i] > best)
            best = scores[i];
    for (int i = 0; i < list_length(candidates); i++)
        if (scores[i] == best)
            result = lappend(result, list_nth(candidates, i));
    return result;
}

/*
 * func_select_candidate
 *    PostgreSQL's heuristics for several candidates that all accept the
 *    inputs (see the documentation, 10.2 step 3.c-f / 10.3 step 4.c-f).
 *    Returns NULL if they leave more than one.
 */
FuncCandidate *
func_select_candidate(int nargs, Oid *input_typeids, List *candidates)
{
    Oid         input_base_typeids[FUNC_MAX_ARGS];
    char        slot_category[FUNC_MAX_ARGS];
    bool        slot_has_preferred_type[FUNC_MAX_ARGS];
    int        *scores;
    int         nunknowns = 0;
    bool        resolved_unknowns;
    ListCell   *lc;

    if (nargs > FUNC_MAX_ARGS)
        return NULL;
    for (int i = 0; i < nargs; i++)
    {
        if (input_typeids[i] != UNKNOWNOID)
            input_base_typeids[i] = getBaseType(input_typeids[i]);
        else
        {
            input_base_typeids[i] = UNKNOWNOID;
            nunknowns++;
        }
    }

    /* most exact matches on known input types */
    scores = palloc0(sizeof(int) * (list_length(candidates) + 1));
    foreach(lc, candidates)
    {
        FuncCandidate *c = lfirst(lc);
        int         nmatch = 0;

        for (int i = 0; i < nargs; i++)
            if (input_base_typeids[i] != UNKNOWNOID && c->args[i] == input_base_typeids[i])
                nmatch++;
        scores[foreach_current_index(lc)] = nmatch;
    }
    candidates = keep_best(candidates, scores);
    if (list_length(candidates) == 1)
        return linitial(candidates);

    /* most exact-or-preferred (same category) types where coercion is needed */
    for (int i = 0; i < nargs; i++)
        slot_category[i] = TypeCategory(input_base_typeids[i]);
    foreach(lc, candidates)
    {
        FuncCandidate *c = lfirst(lc);
        int         nmatch = 0;

        for (int i = 0; i < nargs; i++)
            if (input_base_typeids[i] != UNKNOWNOID &&
                (c->args[i] == input_base_typeids[i] ||
                 IsPreferredType(slot_category[i], c->args[i])))
                nmatch++;
        scores[foreach_current_index(lc)] = nmatch;
    }
    candidates = keep_best(candidates, scores);
    if (list_length(candidates) == 1)
        return linitial(candidates);

    if (nunknowns == 0)
        return NULL;

    /* unknown positions: the string category if any candidate offers it, else a unanimous one */
    resolved_unknowns = false;
    for (int i = 0; i < nargs; i++)
    {
        bool        have_conflict = false;

        if (input_base_typeids[i] != UNKNOWNOID)
            continue;
        resolved_unknowns = true;
        slot_category[i] = TYPCATEGORY_INVALID;
        slot_has_preferred_type[i] = false;
        foreach(lc, candidates)
        {
            FuncCandidate *c = lfirst(lc);
            char        current_category;
            bool        current_is_preferred;

            get_type_category_preferred(c->args[i], &current_category, &current_is_preferred);
            if (slot_category[i] == TYPCATEGORY_INVALID)
            {
                slot_category[i] = current_category;
                slot_has_preferred_type[i] = current_is_preferred;
            }
            else if (current_category == slot_category[i])
                slot_has_preferred_type[i] |= current_is_preferred;
            else if (current_category == TYPCATEGORY_STRING)
            {
                slot_category[i] = current_category;
                slot_has_preferred_type[i] = current_is_preferred;
            }
            else
                have_conflict = true;
        }
        if (have_conflict && slot_category[i] != TYPCATEGORY_STRING)
        {
            resolved_unknowns = false;
            break;
        }
    }
    if (resolved_unknowns)
    {
        List       *kept = NIL;

        foreach(lc, candidates)
        {
            FuncCandidate *c = lfirst(lc);
            bool        keepit = true;

            for (int i = 0; i < nargs; i++)
            {
                char        current_category;
                bool        current_is_preferred;

                if (input_base_typeids[i] != UNKNOWNOID)
                    continue;
                get_type_category_preferred(c->args[i], &current_category,
                                            &current_is_preferred);
                if (current_category != slot_category[i] ||
                    (slot_has_preferred_type[i] && !current_is_preferred))
                {
                    keepit = false;
                    break;
                }
            }
            if (keepit)
                kept = lappend(kept, c);
        }
        if (kept != NIL)
            candidates = kept;
        if (list_length(candidates) == 1)
            return linitial(candidates);
    }

    /* last resort: unknowns take the one type all known inputs share */
    if (nunknowns < nargs)
    {
        Oid         known_type = UNKNOWNOID;

        for (int i = 0; i < nargs; i++)
        {
            if (input_base_typeids[i] == UNKNOWNOID)
                continue;
            if (known_type == UNKNOWNOID)
                known_type = input_base_typeids[i];
            else if (known_type != input_base_typeids[i])
            {
                known_type = UNKNOWNOID;
                break;
            }
        }
        if (known_type != UNKNOWNOID)
        {
            FuncCandidate *found = NULL;
            int         nfound = 0;

            for (int i = 0; i < nargs; i++)
                input_base_typeids[i] = known_type;
            foreach(lc, candidates)
            {
                FuncCandidate *c = lfirst(lc);

                if (can_coerce_type(nargs, input_base_typeids, c->args, COERCION_IMPLICIT))
                {
                    if (++nfound > 1)
                        break;
                    found = c;
                }
            }
            if (nfound == 1)
                return found;
        }
    }
    return NULL;
}

/* The type named like a function (for int4(x) style casts), or InvalidOid. */
static Oid
FuncNameAsType(const char *schemaname, const char *funcname)
{
    const TypeInfo *typ;

    if (schemaname)
    {
        Oid         nspid = LookupExplicitNamespace(schemaname, true);

        typ = OidIsValid(nspid) ? lookup_type_by_name(nspid, funcname) : NULL;
    }
    else
    {
        Oid         typid = TypenameGetTypid(funcname);

        typ = OidIsValid(typid) ? lookup_type(typid) : NULL;
    }
    if (typ == NULL || OidIsValid(typ->typrelid) || typ->typtype == 'p')
        return InvalidOid;
    return typ->oid;
}

/*
 * func_get_detail
 *    Resolve a call (see the file header).  On success *funcid etc. are
 *    set, *true_typeids the declared argument types (variadic expanded),
 *    *nvargs the number of arguments bound to a variadic parameter of
 *    element type *vatype.  For FUNCDETAIL_COERCION, *rettype is the cast
 *    target.  fargs may be NULL if the caller has no argument nodes.
 */
static FuncDetailCode
func_get_detail_internal(const char *schemaname, const char *funcname, List *fargs,
                         List *argnames, int nargs, Oid *argtypes, bool expand_variadic,
                         Oid *funcid, Oid *rettype, bool *retset, int *nvargs, Oid *vatype,
                         Oid **true_typeids, FuncCandidate **bestp)
{
    List       *raw_candidates;
    FuncCandidate *best = NULL;
    ListCell   *lc;
    const ProcInfo *proc;

    *funcid = InvalidOid;
    *rettype = InvalidOid;
    *retset = false;
    *nvargs = 0;
    *vatype = InvalidOid;
    *true_typeids = NULL;
    *bestp = NULL;

    raw_candidates = func_candidates(schemaname, funcname, nargs, argnames, expand_variadic);

    foreach(lc, raw_candidates)
    {
        FuncCandidate *c = lfirst(lc);

        if (nargs == 0 || memcmp(argtypes, c->args, nargs * sizeof(Oid)) == 0)
        {
            best = c;
            break;
        }
    }

    if (best == NULL)
    {
        if (nargs == 1 && fargs != NIL && argnames == NIL)
        {
            Oid         targetType = FuncNameAsType(schemaname, funcname);

            if (OidIsValid(targetType))
            {
                Oid         sourceType = argtypes[0];
                Node       *arg1 = linitial(fargs);
                bool        iscoercion;

                if (sourceType == UNKNOWNOID && IsA(arg1, Const))
                    iscoercion = true;
                else
                {
                    Oid         cfuncid;

                    switch (find_coercion_pathway(targetType, sourceType, COERCION_EXPLICIT,
                                                  &cfuncid))
                    {
                        case COERCION_PATH_RELABELTYPE:
                            iscoercion = true;
                            break;
                        case COERCION_PATH_COERCEVIAIO:
                            iscoercion = !((sourceType == RECORDOID ||
                                            OidIsValid(typeidTypeRelid(sourceType))) &&
                                           TypeCategory(targetType) == TYPCATEGORY_STRING);
                            break;
                        default:
                            iscoercion = false;
                            break;
                    }
                }
                if (iscoercion)
                {
                    *rettype = targetType;
                    *true_typeids = argtypes;
                    return FUNCDETAIL_COERCION;
                }
            }
        }

        if (raw_candidates != NIL)
        {
            List       *current = func_match_argtypes(nargs, argtypes, raw_candidates);

            if (list_length(current) == 1)
                best = linitial(current);
            else if (list_length(current) > 1)
            {
                best = func_select_candidate(nargs, argtypes, current);
                if (best == NULL)
                    return FUNCDETAIL_MULTIPLE;
            }
        }
    }

    if (best == NULL)
        return FUNCDETAIL_NOTFOUND;

    proc = lookup_proc(best->oid);
    if (proc == NULL)
        elog(ERROR, "cache lookup failed for function %u", best->oid);
    *funcid = best->oid;
    *bestp = best;
    *nvargs = best->nvargs;
    *true_typeids = best->args;
    *rettype = proc->prorettype;
    *retset = proc->proretset;
    *vatype = proc->provariadic;
    switch (proc->prokind)
    {
        case 'a':
            return FUNCDETAIL_AGGREGATE;
        case 'p':
            return FUNCDETAIL_PROCEDURE;
        case 'w':
            return FUNCDETAIL_WINDOWFUNC;
        default:
            return FUNCDETAIL_NORMAL;
    }
}

FuncDetailCode
func_get_detail(const char *schemaname, const char *funcname, int nargs, Oid *argtypes,
                Oid *funcid, Oid *rettype, bool *retset, int *nvargs, Oid *vatype,
                Oid **true_typeids)
{
    FuncCandidate *best;

    return func_get_detail_internal(schemaname, funcname, NIL, NIL, nargs, argtypes, true, funcid,
                                    rettype, retset, nvargs, vatype, true_typeids, &best);
}

/*
 * The default expressions of proc (its last pronargdefaults parameters),
 * analyzed from their SQL text.
 */
static List *
transform_proc_defaults(const ProcInfo *proc)
{
    char       *sql;
    List       *raw;
    RawStmt    *rs;
    PgQuery__SelectStmt *sel;
    ParseState *dstate;
    List       *result = NIL;

    if (proc->proargdefaults == NULL)
        elog(ERROR, "not enough default arguments");
    sql = psprintf("SELECT %s", proc->proargdefaults);
    raw = raw_parser(sql);
    rs = linitial(raw);
    sel = rs->stmt->select_stmt;
    if (list_length(raw) != 1 || sel == NULL || (int) sel->n_target_list != proc->pronargdefaults)
        elog(ERROR, "invalid proargdefaults for function %u", proc->oid);
    dstate = make_parsestate(NULL);
    dstate->p_sourcetext = sql;
    for (size_t i = 0; i < sel->n_target_list; i++)
        result = lappend(result, transformExpr(dstate, sel->target_list[i]->res_target->val,
                                               EXPR_KIND_OTHER));
    return result;
}

/*
 * make_fn_arguments
 *    Coerce each argument whose type differs from the declared one, in
 *    place in the list.
 */
void
make_fn_arguments(ParseState *pstate, List *fargs, Oid *actual_arg_types,
                  Oid *declared_arg_types)
{
    ListCell   *lc;

    foreach(lc, fargs)
    {
        int         i = foreach_current_index(lc);

        if (actual_arg_types[i] != declared_arg_types[i])
            lfirst(lc) = coerce_type(pstate, lfirst(lc), actual_arg_types[i],
                                     declared_arg_types[i], -1, COERCION_IMPLICIT,
                                     COERCE_IMPLICIT_CAST, -1);
    }
}

/* ---------------------------------------------------------------- entry */

/*
 * ParseFuncOrColumn
 *    fn is the raw call; fargs its arguments, already analyzed (aggregate
 *    ORDER BY and FILTER are still raw, in fn).
 */
Node *
ParseFuncOrColumn(ParseState *pstate, PgQuery__FuncCall *fn, List *fargs, int location)
{
    return ParseFuncOrColumnNamed(pstate, fn, fargs, NIL, location);
}

Node *
ParseFuncOrColumnNamed(ParseState *pstate, PgQuery__FuncCall *fn, List *fargs, List *argnames,
                       int location)
{
    const char *schemaname = NULL;
    const char *funcname;
    char       *fullname;
    int         nargs = list_length(fargs);
    Oid         actual_arg_types[FUNC_MAX_ARGS];
    Oid        *declared_arg_types;
    Oid         funcid,
                rettype,
                vatype;
    bool        retset;
    int         nvargs;
    bool        func_variadic = fn->func_variadic;
    FuncDetailCode fdresult;
    FuncCandidate *best;
    ListCell   *lc;

    if (fn->n_funcname == 1)
        funcname = pgStrVal(fn->funcname[0]);
    else
    {
        schemaname = pgStrVal(fn->funcname[fn->n_funcname - 2]);
        funcname = pgStrVal(fn->funcname[fn->n_funcname - 1]);
    }
    fullname = NameListToString(fn->funcname, fn->n_funcname);

    if (nargs > FUNC_MAX_ARGS)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_ARGUMENTS),
                errmsg_plural("cannot pass more than %d argument to a function",
                              "cannot pass more than %d arguments to a function",
                              FUNC_MAX_ARGS, FUNC_MAX_ARGS),
                parser_errposition(pstate, location));
    foreach(lc, fargs)
        actual_arg_types[foreach_current_index(lc)] = exprType(lfirst(lc));

    fdresult = func_get_detail_internal(schemaname, funcname, fargs, argnames, nargs,
                                        actual_arg_types, !func_variadic, &funcid, &rettype,
                                        &retset, &nvargs, &vatype, &declared_arg_types, &best);

    if (fdresult == FUNCDETAIL_COERCION)
        return coerce_type(pstate, linitial(fargs), actual_arg_types[0], rettype, -1,
                           COERCION_EXPLICIT, COERCE_EXPLICIT_CALL, location);

    if (fdresult == FUNCDETAIL_NORMAL || fdresult == FUNCDETAIL_PROCEDURE)
    {
        if (fn->agg_star)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("%s(*) specified, but %s is not an aggregate function",
                           fullname, fullname),
                    parser_errposition(pstate, location));
        if (fn->agg_distinct)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("DISTINCT specified, but %s is not an aggregate function", fullname),
                    parser_errposition(pstate, location));
        if (fn->agg_within_group)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("WITHIN GROUP specified, but %s is not an aggregate function",
                           fullname),
                    parser_errposition(pstate, location));
        if (fn->n_agg_order > 0)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("ORDER BY specified, but %s is not an aggregate function", fullname),
                    parser_errposition(pstate, location));
        if (fn->agg_filter)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("FILTER specified, but %s is not an aggregate function", fullname),
                    parser_errposition(pstate, location));
        if (fn->over)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("OVER specified, but %s is not a window function nor an aggregate function",
                           fullname),
                    parser_errposition(pstate, location));
        if (fdresult == FUNCDETAIL_PROCEDURE)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("%s is a procedure",
                           func_signature_string(schemaname, funcname, nargs, actual_arg_types)),
                    errhint("To call a procedure, use CALL."),
                    parser_errposition(pstate, location));
    }
    else if (fdresult == FUNCDETAIL_AGGREGATE)
    {
        const AggInfo *agg = lookup_aggregate(funcid);

        if (agg && agg->aggkind != 'n')
            check_ordered_set_call(pstate, fn, agg, schemaname, funcname, fullname, fargs,
                                   actual_arg_types, declared_arg_types, nvargs, vatype,
                                   location);
        else if (fn->agg_within_group)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("%s is not an ordered-set aggregate, so it cannot have WITHIN GROUP",
                           fullname),
                    parser_errposition(pstate, location));
    }
    else if (fdresult == FUNCDETAIL_WINDOWFUNC)
    {
        if (!fn->over)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("window function %s requires an OVER clause", fullname),
                    parser_errposition(pstate, location));
        if (fn->agg_within_group)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("WITHIN GROUP specified, but %s is not an aggregate function",
                           fullname),
                    parser_errposition(pstate, location));
    }
    else
    {
        if (fdresult == FUNCDETAIL_MULTIPLE)
            ereport(ERROR,
                    errcode(ERRCODE_AMBIGUOUS_FUNCTION),
                    errmsg("function %s is not unique",
                           func_signature_string_named(schemaname, funcname, nargs, argnames,
                                                       actual_arg_types)),
                    errhint("Could not choose a best candidate function. "
                            "You might need to add explicit type casts."),
                    parser_errposition(pstate, location));
        if (fn->n_agg_order > 1 && !fn->agg_within_group)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_FUNCTION),
                    errmsg("function %s does not exist",
                           func_signature_string(schemaname, funcname, nargs, actual_arg_types)),
                    errhint("No aggregate function matches the given name and argument types. "
                            "Perhaps you misplaced ORDER BY; ORDER BY must appear "
                            "after all regular arguments of the aggregate."),
                    parser_errposition(pstate, location));
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("function %s does not exist",
                       func_signature_string_named(schemaname, funcname, nargs, argnames,
                                                   actual_arg_types)),
                errhint("No function matches the given name and argument types. "
                        "You might need to add explicit type casts."),
                parser_errposition(pstate, location));
    }

    /*
     * Named arguments and defaults: the arguments in parameter order, the
     * left-out parameters' defaults (coerced to their declared types)
     * filling the gaps.
     */
    if (best && (best->argnumbers || best->ndargs > 0))
    {
        const ProcInfo *proc = lookup_proc(funcid);
        int         pronargs = proc->pronargs;
        int         firstdef = pronargs - proc->pronargdefaults;
        Node      **pos = palloc0(sizeof(Node *) * pronargs);
        List       *defs = best->ndargs > 0 ? transform_proc_defaults(proc) : NIL;

        for (int i = 0; i < pronargs; i++)
        {
            int         p = best->argnumbers ? best->argnumbers[i] : i;

            if (i < nargs)
                pos[p] = list_nth(fargs, i);
            else
            {
                Node       *d = list_nth(defs, p - firstdef);
                Oid         dtype = exprType(d);
                Oid         ptype = proc->proargtypes[p];

                if (dtype != ptype && !IsPolymorphicType(ptype))
                {
                    Node       *c = coerce_to_target_type(pstate, d, dtype, ptype, -1,
                                                          COERCION_ASSIGNMENT,
                                                          COERCE_IMPLICIT_CAST, -1);

                    if (c)
                        d = c;
                }
                pos[p] = d;
            }
        }
        fargs = NIL;
        for (int p = 0; p < pronargs; p++)
        {
            fargs = lappend(fargs, pos[p]);
            actual_arg_types[p] = exprType(pos[p]);
        }
        nargs = pronargs;
        declared_arg_types = proc->proargtypes;
    }

    /* declared_arg_types points into the candidate: work on a copy */
    {
        Oid        *decl = palloc(sizeof(Oid) * (nargs > 0 ? nargs : 1));

        memcpy(decl, declared_arg_types, sizeof(Oid) * nargs);
        declared_arg_types = decl;
    }
    rettype = enforce_generic_type_consistency(actual_arg_types, declared_arg_types, nargs,
                                               rettype, false);
    make_fn_arguments(pstate, fargs, actual_arg_types, declared_arg_types);

    if (!OidIsValid(vatype))
        func_variadic = false;
    if (nvargs > 0 && vatype != ANYOID)
    {
        ArrayExpr  *newa = makeNode(ArrayExpr);
        int         non_var_args = nargs - nvargs;
        List       *vargs = NIL;

        for (int i = non_var_args; i < nargs; i++)
            vargs = lappend(vargs, list_nth(fargs, i));
        fargs = list_truncate(fargs, non_var_args);
        newa->elements = vargs;
        newa->element_typeid = exprType(linitial(vargs));
        newa->array_typeid = get_array_type(newa->element_typeid);
        if (!OidIsValid(newa->array_typeid))
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("could not find array type for data type %s",
                           format_type_be(newa->element_typeid)),
                    parser_errposition(pstate, exprLocation((Node *) vargs)));
        newa->array_collid = result_collation(newa->element_typeid);
        newa->multidims = false;
        newa->location = exprLocation((Node *) vargs);
        fargs = lappend(fargs, newa);
        func_variadic = true;
    }

    if (fn->over)
    {
        /* a window function, or an aggregate used as one (parse_window.c) */
        WindowFunc *wfunc = makeNode(WindowFunc);

        wfunc->winfnoid = funcid;
        wfunc->wintype = rettype;
        wfunc->wincollid = result_collation(rettype);
        wfunc->inputcollid = select_inputcollation(fargs);
        wfunc->args = fargs;
        wfunc->winstar = fn->agg_star;
        wfunc->winagg = (fdresult == FUNCDETAIL_AGGREGATE);
        wfunc->location = location;
        if (wfunc->winagg && fargs == NIL && !fn->agg_star)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("%s(*) must be used to call a parameterless aggregate function",
                           fullname),
                    parser_errposition(pstate, location));
        if (fn->agg_distinct)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("DISTINCT is not implemented for window functions"),
                    parser_errposition(pstate, location));
        if (fn->n_agg_order > 0)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("aggregate ORDER BY is not implemented for window functions"),
                    parser_errposition(pstate, location));
        if (!wfunc->winagg && fn->agg_filter)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("FILTER is not implemented for non-aggregate window functions"),
                    parser_errposition(pstate, location));
        if (retset)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
                    errmsg("window functions cannot return sets"),
                    parser_errposition(pstate, location));
        if (fn->agg_filter)
            wfunc->aggfilter = (Expr *) transformWhereClause(pstate, fn->agg_filter,
                                                             EXPR_KIND_FILTER, "FILTER");
        return transformWindowFuncCall(pstate, wfunc, fn->over);
    }

    if (fdresult == FUNCDETAIL_AGGREGATE)
    {
        Aggref     *aggref = makeNode(Aggref);

        aggref->aggfnoid = funcid;
        aggref->aggtype = rettype;
        aggref->aggcollid = result_collation(rettype);
        aggref->inputcollid = select_inputcollation(fargs);
        aggref->aggstar = fn->agg_star;
        aggref->aggvariadic = func_variadic;
        {
            const AggInfo *agg = lookup_aggregate(funcid);

            aggref->aggkind = agg ? agg->aggkind : 'n';
        }
        aggref->aggno = -1;
        aggref->location = location;
        if (fargs == NIL && !fn->agg_star)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("%s(*) must be used to call a parameterless aggregate function",
                           fullname),
                    parser_errposition(pstate, location));
        if (retset)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
                    errmsg("aggregates cannot return sets"),
                    parser_errposition(pstate, location));
        return transformAggregateCall(pstate, aggref, fargs, fn, fn->agg_distinct);
    }
    else
    {
        FuncExpr   *funcexpr = makeNode(FuncExpr);

        funcexpr->funcid = funcid;
        funcexpr->funcresulttype = rettype;
        funcexpr->funcretset = retset;
        funcexpr->funcvariadic = func_variadic;
        funcexpr->funcformat = COERCE_EXPLICIT_CALL;
        funcexpr->funccollid = result_collation(rettype);
        funcexpr->inputcollid = select_inputcollation(fargs);
        funcexpr->args = fargs;
        funcexpr->location = location;
        if (retset)
        {
            /* GROUP BY: the planner expands it below the grouping (planner.c) */
            if (pstate->p_expr_kind != EXPR_KIND_FROM_FUNCTION &&
                pstate->p_expr_kind != EXPR_KIND_SELECT_TARGET &&
                pstate->p_expr_kind != EXPR_KIND_GROUP_BY)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("set-returning functions are not allowed in %s",
                               ParseExprKindName(pstate->p_expr_kind)),
                        parser_errposition(pstate, location));
            pstate->p_hasTargetSRFs = true;
        }
        return (Node *) funcexpr;
    }
}
