/*-------------------------------------------------------------------------
 * sqlfunc.c
 *    Calling SQL-language functions (PostgreSQL's executor/functions.c).
 *
 * Principal entry point:
 *    fmgr_sql   the built-in every pg_proc row with prolang = SQL resolves
 *               to (procs/fmgr.c, fmgr_info)
 *
 * The planner inlines simple SQL functions (planner/clauses.c), so this
 * runs only for calls it could not inline: bodies with FROM, several
 * statements, a parameter used twice with a volatile argument, calls the
 * planner never sees.  The body (pg_proc.prosrc: SQL text, see
 * docs/DECISIONS.md 18) is parsed, analyzed with this call site's argument
 * types as $1..$n (so polymorphic functions resolve per call site) and
 * planned once per FmgrInfo; the plans are cached in fn_extra.  Each call
 * runs the statements in order with the arguments as parameter values;
 * the result is the first column of the last statement's first row, NULL
 * if it returns no row (or if the function returns void).
 *
 * Not yet: set-returning SQL functions (0A000), composite results, and
 * coercion of a body whose result type differs from the declared one
 * other than binary-coercibly (42P13, as PostgreSQL's check_sql_fn_retval
 * does for non-coercible ones).  Statements run under the transaction
 * snapshot without a CommandCounterIncrement between them.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_type_oids.h"
#include "executor/executor.h"
#include "planner/nodefuncs.h"
#include "planner/planner.h"
#include "procs/fmgr.h"
#include "storage/htup.h"
#include "storage/snapshot.h"

/* planner/parse_coerce.c (declared in the planner-private parse_node.h) */
extern bool IsBinaryCoercible(Oid srctype, Oid targettype);
extern bool IsPolymorphicType(Oid typid);

typedef struct SQLFunctionCache
{
    char       *src;            /* the body, for error messages */
    int         nargs;
    Oid        *argtypes;       /* this call site's argument types */
    Oid         rettype;        /* resolved result type */
    int16       typlen;
    bool        typbyval;
    bool        strict;
    List       *plans;          /* PlannedStmt *, one per statement */
} SQLFunctionCache;

/* Receiver keeping the first column of the first row, copied into cxt. */
typedef struct FirstValueReceiver
{
    DestReceiver pub;
    MemoryContext cxt;
    int16       typlen;
    bool        typbyval;
    bool        got;
    bool        isnull;
    Datum       value;
} FirstValueReceiver;

static bool
first_value_receive(TupleTableSlot *slot, DestReceiver *self)
{
    FirstValueReceiver *r = (FirstValueReceiver *) self;
    bool        isnull;
    Datum       d;

    if (r->got)
        return true;
    d = slot_getattr(slot, 1, &isnull);
    r->got = true;
    r->isnull = isnull;
    if (!isnull)
    {
        MemoryContext old = MemoryContextSwitchTo(r->cxt);

        r->value = datumCopy(d, r->typbyval, r->typlen);
        MemoryContextSwitchTo(old);
    }
    return true;
}

static void
first_value_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
}

static void
first_value_noop(DestReceiver *self)
{
}

static SQLFunctionCache *
init_sql_fcache(FunctionCallInfo fcinfo)
{
    FmgrInfo   *flinfo = fcinfo->flinfo;
    const ProcInfo *proc = lookup_proc(flinfo->fn_oid);
    MemoryContext old;
    SQLFunctionCache *fc;
    List       *raw;
    ListCell   *lc;

    if (proc == NULL)
        elog(ERROR, "cache lookup failed for function %u", flinfo->fn_oid);
    if (proc->proretset)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("set-returning SQL functions are not supported yet"));

    old = MemoryContextSwitchTo(flinfo->fn_mcxt);
    fc = palloc0(sizeof(SQLFunctionCache));
    fc->src = pstrdup(proc->prosrc ? proc->prosrc : "");
    fc->nargs = proc->pronargs;
    fc->strict = proc->proisstrict;
    fc->argtypes = palloc(sizeof(Oid) * (fc->nargs > 0 ? fc->nargs : 1));
    for (int i = 0; i < fc->nargs; i++)
    {
        Oid         t = proc->proargtypes[i];

        if (IsPolymorphicType(t))
        {
            Oid         actual = get_fn_expr_argtype(flinfo, i);

            if (!OidIsValid(actual))
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("could not determine actual type of argument declared %s",
                               format_type_be(t)));
            t = actual;
        }
        fc->argtypes[i] = t;
    }
    fc->rettype = proc->prorettype;
    if (IsPolymorphicType(fc->rettype))
    {
        Oid         actual = get_fn_expr_rettype(flinfo);

        if (!OidIsValid(actual))
            ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("could not determine actual result type for function declared to return type %s",
                           format_type_be(fc->rettype)));
        fc->rettype = actual;
    }
    if (fc->rettype != VOIDOID)
    {
        char        align;

        get_typlenbyvalalign(fc->rettype, &fc->typlen, &fc->typbyval, &align);
    }

    raw = raw_parser(fc->src);
    foreach(lc, raw)
    {
        RawStmt    *rs = lfirst(lc);
        Query      *q = parse_analyze_fixedparams(rs, fc->src, fc->argtypes, fc->nargs);

        if (q->commandType == CMD_UTILITY)
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("utility statements in SQL functions are not supported yet"));
        if (foreach_current_index(lc) == list_length(raw) - 1 && fc->rettype != VOIDOID)
        {
            TargetEntry *tle = NULL;
            ListCell   *tl;

            foreach(tl, q->targetList)
                if (!((TargetEntry *) lfirst(tl))->resjunk)
                {
                    tle = lfirst(tl);
                    break;
                }
            if ((q->commandType != CMD_SELECT && q->returningList == NIL) || tle == NULL)
                ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
                        errmsg("return type mismatch in function declared to return %s",
                               format_type_be(fc->rettype)),
                        errdetail("Function's final statement must be SELECT or INSERT/UPDATE/DELETE RETURNING."));
            if (exprType((Node *) tle->expr) != fc->rettype &&
                !IsBinaryCoercible(exprType((Node *) tle->expr), fc->rettype))
                ereport(ERROR, errcode(ERRCODE_INVALID_FUNCTION_DEFINITION),
                        errmsg("return type mismatch in function declared to return %s",
                               format_type_be(fc->rettype)),
                        errdetail("Actual return type is %s.",
                                  format_type_be(exprType((Node *) tle->expr))));
        }
        fc->plans = lappend(fc->plans, pg_plan_query(q, fc->src, NULL));
    }
    MemoryContextSwitchTo(old);
    return fc;
}

Datum
fmgr_sql(PG_FUNCTION_ARGS)
{
    SQLFunctionCache *fc = fcinfo->flinfo->fn_extra;
    ParamListInfo params;
    FirstValueReceiver recv;
    ListCell   *lc;

    if (fc == NULL)
    {
        fc = init_sql_fcache(fcinfo);
        fcinfo->flinfo->fn_extra = fc;
    }
    if (fc->strict)
        for (int i = 0; i < fcinfo->nargs; i++)
            if (fcinfo->args[i].isnull)
                PG_RETURN_NULL();

    params = makeParamList(fc->nargs);
    for (int i = 0; i < fc->nargs; i++)
    {
        params->params[i].value = fcinfo->args[i].value;
        params->params[i].isnull = fcinfo->args[i].isnull;
        params->params[i].ptype = fc->argtypes[i];
    }

    memset(&recv, 0, sizeof(recv));
    recv.pub.receiveSlot = first_value_receive;
    recv.pub.rStartup = first_value_startup;
    recv.pub.rShutdown = first_value_noop;
    recv.pub.rDestroy = first_value_noop;
    recv.pub.mydest = DestNone;
    recv.cxt = CurrentMemoryContext;
    recv.typlen = fc->typlen;
    recv.typbyval = fc->typbyval;

    foreach(lc, fc->plans)
    {
        PlannedStmt *plan = lfirst(lc);
        bool        last = foreach_current_index(lc) == list_length(fc->plans) - 1;
        QueryDesc  *qd;

        qd = CreateQueryDesc(plan, fc->src, GetTransactionSnapshot(),
                             last && fc->rettype != VOIDOID ? &recv.pub : None_Receiver,
                             params);
        ExecutorStart(qd, 0);
        /* a SELECT stops at the first row; DML runs to completion */
        ExecutorRun(qd, ForwardScanDirection,
                    last && plan->commandType == CMD_SELECT ? 1 : 0);
        ExecutorFinish(qd);
        ExecutorEnd(qd);
        FreeQueryDesc(qd);
    }

    if (fc->rettype == VOIDOID || !recv.got || recv.isnull)
        PG_RETURN_NULL();
    return recv.value;
}
