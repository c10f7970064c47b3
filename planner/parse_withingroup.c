/*-------------------------------------------------------------------------
 * parse_withingroup.c
 *    Calls of ordered-set and hypothetical-set aggregates:
 *    agg(direct args) WITHIN GROUP (ORDER BY aggregated args)
 *    (PostgreSQL's checks in ParseFuncOrColumn, unify_hypothetical_args
 *    and transformAggregateCall's ordered-set branch).
 *
 * Principal entry points:
 *    check_ordered_set_call       after function lookup: WITHIN GROUP
 *                                 present, no OVER, the right number of
 *                                 direct arguments; hypothetical arguments
 *                                 coerced to a common type with their
 *                                 aggregated partners
 *    transformOrderedSetArguments the Aggref's inputs and sort clause
 *
 * The lookup saw one undifferentiated list: the direct arguments followed
 * by the WITHIN GROUP expressions (parse_expr.c's transformFuncCall
 * appends them).  Basalt keeps that layout in the Aggref: every argument
 * is an input, the trailing ones carry the ORDER BY, and the Agg node
 * sorts the group's rows by them like any aggregate ORDER BY; the
 * transition functions (procs/orderedsetaggs.c) see the direct arguments
 * as the leading inputs.  (PostgreSQL keeps the direct arguments apart in
 * Aggref.aggdirectargs and evaluates them once per group.)
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <stdarg.h>
#include <stdio.h>
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "planner/makefuncs.h"
#include "planner/nodefuncs.h"
#include "planner/parse_node.h"
#include "planner/planner.h"

/* errhint_plural's choice in the C locale: singular for n == 1 */
static char *
hint_plural(const char *singular, const char *plural, int n, ...)
    pg_attribute_printf(1, 4);

static char *
hint_plural(const char *singular, const char *plural, int n, ...)
{
    va_list     ap;
    char        buf[512];

    va_start(ap, n);
    vsnprintf(buf, sizeof(buf), n == 1 ? singular : plural, ap);
    va_end(ap);
    return pstrdup(buf);
}

static char *
signature(const char *schemaname, const char *funcname, int nargs, const Oid *argtypes)
{
    return func_signature_string(schemaname, funcname, nargs, argtypes);
}

/*
 * Coerce each hypothetical direct argument and its aggregated partner to
 * a common type, preferring the aggregated one's (coerce the direct
 * argument once rather than every row).
 */
static void
unify_hypothetical_args(ParseState *pstate, List *fargs, int numAggregatedArgs,
                        Oid *actual_arg_types, const Oid *declared_arg_types)
{
    int         numDirectArgs = list_length(fargs) - numAggregatedArgs;
    int         numNonHypotheticalArgs = numDirectArgs - numAggregatedArgs;

    if (numNonHypotheticalArgs < 0)
        elog(ERROR, "incorrect number of arguments to hypothetical-set aggregate");
    for (int hargpos = numNonHypotheticalArgs; hargpos < numDirectArgs; hargpos++)
    {
        int         aargpos = numDirectArgs + (hargpos - numNonHypotheticalArgs);
        ListCell   *harg = list_nth_cell(fargs, hargpos);
        ListCell   *aarg = list_nth_cell(fargs, aargpos);
        Oid         commontype;
        int32       commontypmod;

        if (declared_arg_types[hargpos] != declared_arg_types[aargpos])
            elog(ERROR, "hypothetical-set aggregate has inconsistent declared argument types");
        if (declared_arg_types[hargpos] != ANYOID)
            continue;
        commontype = select_common_type(pstate, list_make2(lfirst(aarg), lfirst(harg)),
                                        "WITHIN GROUP", NULL);
        commontypmod = select_common_typmod(pstate, list_make2(lfirst(aarg), lfirst(harg)),
                                            commontype);
        lfirst(harg) = coerce_type(pstate, (Node *) lfirst(harg), actual_arg_types[hargpos],
                                   commontype, commontypmod, COERCION_IMPLICIT,
                                   COERCE_IMPLICIT_CAST, -1);
        actual_arg_types[hargpos] = commontype;
        lfirst(aarg) = coerce_type(pstate, (Node *) lfirst(aarg), actual_arg_types[aargpos],
                                   commontype, commontypmod, COERCION_IMPLICIT,
                                   COERCE_IMPLICIT_CAST, -1);
        actual_arg_types[aargpos] = commontype;
    }
}

void
check_ordered_set_call(ParseState *pstate, PgQuery__FuncCall *fn, const AggInfo *agg,
                       const char *schemaname, const char *funcname, const char *fullname,
                       List *fargs, Oid *actual_arg_types, const Oid *declared_arg_types,
                       int nvargs, Oid vatype, int location)
{
    int         nargs = list_length(fargs);
    int         numAggregatedArgs;
    int         numDirectArgs;
    int         catDirectArgs = agg->aggnumdirectargs;

    if (!fn->agg_within_group)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("WITHIN GROUP is required for ordered-set aggregate %s", fullname),
                parser_errposition(pstate, location));
    if (fn->over)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("OVER is not supported for ordered-set aggregate %s", fullname),
                parser_errposition(pstate, location));

    /*
     * The lookup may have chosen an aggregate that divides the arguments
     * differently: check the number of direct arguments.
     */
    numAggregatedArgs = (int) fn->n_agg_order;
    numDirectArgs = nargs - numAggregatedArgs;
    if (!OidIsValid(vatype))
    {
        if (numDirectArgs != catDirectArgs)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_FUNCTION),
                    errmsg("function %s does not exist",
                           signature(schemaname, funcname, nargs, actual_arg_types)),
                    errhint("%s", hint_plural("There is an ordered-set aggregate %s, but it requires %d direct argument, not %d.",
                                   "There is an ordered-set aggregate %s, but it requires %d direct arguments, not %d.",
                                   catDirectArgs, fullname, catDirectArgs, numDirectArgs)),
                    parser_errposition(pstate, location));
    }
    else
    {
        int         pronargs = nargs;

        if (nvargs > 1)
            pronargs -= nvargs - 1;
        if (catDirectArgs < pronargs)
        {
            if (numDirectArgs != catDirectArgs)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_FUNCTION),
                        errmsg("function %s does not exist",
                               signature(schemaname, funcname, nargs, actual_arg_types)),
                        errhint("%s", hint_plural("There is an ordered-set aggregate %s, but it requires %d direct argument, not %d.",
                                       "There is an ordered-set aggregate %s, but it requires %d direct arguments, not %d.",
                                       catDirectArgs, fullname, catDirectArgs, numDirectArgs)),
                        parser_errposition(pstate, location));
        }
        else if (agg->aggkind == 'h')
        {
            if (nvargs != 2 * numAggregatedArgs)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_FUNCTION),
                        errmsg("function %s does not exist",
                               signature(schemaname, funcname, nargs, actual_arg_types)),
                        errhint("To use the hypothetical-set aggregate %s, the number of hypothetical direct arguments (here %d) must match the number of ordering columns (here %d).",
                                fullname, nvargs - numAggregatedArgs, numAggregatedArgs),
                        parser_errposition(pstate, location));
        }
        else if (nvargs <= numAggregatedArgs)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_FUNCTION),
                    errmsg("function %s does not exist",
                           signature(schemaname, funcname, nargs, actual_arg_types)),
                    errhint("%s", hint_plural("There is an ordered-set aggregate %s, but it requires at least %d direct argument.",
                                   "There is an ordered-set aggregate %s, but it requires at least %d direct arguments.",
                                   catDirectArgs, fullname, catDirectArgs)),
                    parser_errposition(pstate, location));
    }
    if (agg->aggkind == 'h')
        unify_hypothetical_args(pstate, fargs, numAggregatedArgs, actual_arg_types,
                                declared_arg_types);
}

/*
 * The inputs of an ordered-set aggregate call: every argument as a target
 * entry (direct ones first), the trailing ones sorted as the WITHIN GROUP
 * clause says.  Sorting is on the coerced argument (as PostgreSQL), so it
 * cannot go through transformSortClause, which would re-analyze the raw
 * expression.
 */
List *
transformOrderedSetArguments(ParseState *pstate, List *args, PgQuery__FuncCall *fn,
                             List **sortclause)
{
    List       *tlist = NIL;
    List       *torder = NIL;
    int         ndirect = list_length(args) - (int) fn->n_agg_order;
    int         attno = 1;
    ListCell   *lc;

    foreach(lc, args)
    {
        TargetEntry *tle = makeTargetEntry(lfirst(lc), (int16) attno, NULL, false);

        tlist = lappend(tlist, tle);
        if (attno > ndirect)
            torder = addTargetToSortList(pstate, tle, torder, tlist,
                                         fn->agg_order[attno - ndirect - 1]->sort_by);
        attno++;
    }
    *sortclause = torder;
    return tlist;
}
