/*-------------------------------------------------------------------------
 * execExpr.c
 *    Compile expression trees into flat step programs (execExpr.h), once
 *    per plan node at executor start-up.
 *
 *    ExecInitExpr        one expression -> ExprState
 *    ExecInitQual        implicitly-ANDed qual list -> one ExprState that
 *                        stops at the first false/NULL condition
 *    ExecBuildProjectionInfo  a target list -> a program that writes each
 *                        column straight into the result slot's arrays
 *
 * Function call info (FmgrInfo + FunctionCallInfo) for every call site is
 * allocated here, in the current (query) context, so evaluating a row
 * allocates nothing beyond what the called functions themselves return.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "executor/execExpr.h"
#include "executor/executor.h"
#include "planner/nodefuncs.h"
#include "procs/array.h"
#include "procs/subscripting.h"

/* Where the innermost CASE's test value lives while compiling its WHENs. */
typedef struct ExprCompileState
{
    Datum      *caseval;
    bool       *casenull;
} ExprCompileState;

static ExprCompileState compile_state;

static void ExecInitExprRec(Expr *node, ExprState *state, Datum *resv, bool *resnull);
static void init_array_expr(ArrayExpr *arrayexpr, ExprState *state, Datum *resv, bool *resnull);
static void init_scalar_array_op(ScalarArrayOpExpr *opexpr, ExprState *state, Datum *resv,
                                 bool *resnull);
static void init_subscripting_ref(SubscriptingRef *sbsref, ExprState *state, Datum *resv,
                                  bool *resnull);

static void
ExprEvalPushStep(ExprState *es, const ExprEvalStep *s)
{
    if (es->steps_alloc == 0)
    {
        es->steps_alloc = 16;
        es->steps = palloc(sizeof(ExprEvalStep) * (Size) es->steps_alloc);
    }
    else if (es->steps_alloc == es->steps_len)
    {
        es->steps_alloc *= 2;
        es->steps = repalloc(es->steps, sizeof(ExprEvalStep) * (Size) es->steps_alloc);
    }
    es->steps[es->steps_len++] = *s;
}

/* ---------------------------------------------------------------- setup
 * Emit one FETCHSOME step per input slot used, so that Var steps can read
 * tts_values directly: the slot is deformed once, up to the last column
 * any Var of the expression needs.
 */
typedef struct LastAttnums
{
    int         last_inner;
    int         last_outer;
    int         last_scan;
} LastAttnums;

static bool
collect_last_attnums_walker(Node *node, void *context)
{
    LastAttnums *info = context;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        Var        *v = (Var *) node;
        int         a = v->varattno;

        if (a <= 0)
            return false;
        if (v->varno == INNER_VAR)
            info->last_inner = Max(info->last_inner, a);
        else if (v->varno == OUTER_VAR)
            info->last_outer = Max(info->last_outer, a);
        else
            info->last_scan = Max(info->last_scan, a);
        return false;
    }
    if (IsA(node, Aggref) || IsA(node, WindowFunc) || IsA(node, GroupingFunc))
        return false;           /* its arguments are evaluated by the Agg/WindowAgg node */
    if (IsA(node, SubPlan))
        return collect_last_attnums_walker((Node *) ((SubPlan *) node)->args, context);
    return expression_tree_walker(node, collect_last_attnums_walker, context);
}

static void
collect_last_attnums(Node *node, LastAttnums *info)
{
    (void) collect_last_attnums_walker(node, info);
}

static void
ExecPushFetchSteps(ExprState *state, Node *node)
{
    LastAttnums info = {0, 0, 0};
    ExprEvalStep scratch = {0};

    collect_last_attnums(node, &info);
    if (info.last_inner > 0)
    {
        scratch.opcode = EEOP_INNER_FETCHSOME;
        scratch.d.fetch.last_var = info.last_inner;
        ExprEvalPushStep(state, &scratch);
    }
    if (info.last_outer > 0)
    {
        scratch.opcode = EEOP_OUTER_FETCHSOME;
        scratch.d.fetch.last_var = info.last_outer;
        ExprEvalPushStep(state, &scratch);
    }
    if (info.last_scan > 0)
    {
        scratch.opcode = EEOP_SCAN_FETCHSOME;
        scratch.d.fetch.last_var = info.last_scan;
        ExprEvalPushStep(state, &scratch);
    }
}

static ExprState *
make_expr_state(Expr *node, PlanState *parent)
{
    ExprState  *state = makeNode(ExprState);

    state->expr = node;
    state->parent = parent;
    return state;
}

static void
push_done(ExprState *state)
{
    ExprEvalStep scratch = {0};

    scratch.opcode = EEOP_DONE;
    ExprEvalPushStep(state, &scratch);
}

ExprState *
ExecInitExpr(Expr *node, PlanState *parent)
{
    ExprState  *state;

    if (node == NULL)
        return NULL;
    state = make_expr_state(node, parent);
    ExecPushFetchSteps(state, (Node *) node);
    ExecInitExprRec(node, state, &state->resvalue, &state->resnull);
    push_done(state);
    return state;
}

ExprState *
ExecInitExprWithParams(Expr *node, ParamListInfo ext_params)
{
    ExprState  *state = ExecInitExpr(node, NULL);

    if (state)
        state->ext_params = ext_params;
    return state;
}

ExprState *
ExecInitQual(List *qual, PlanState *parent)
{
    ExprState  *state;
    ExprEvalStep scratch = {0};
    List       *adjust_jumps = NIL;
    ListCell   *lc;

    if (qual == NIL)
        return NULL;
    state = make_expr_state((Expr *) qual, parent);
    state->flags = EEO_FLAG_IS_QUAL;
    ExecPushFetchSteps(state, (Node *) qual);

    foreach(lc, qual)
    {
        ExecInitExprRec(lfirst(lc), state, &state->resvalue, &state->resnull);
        scratch.opcode = EEOP_QUAL;
        scratch.resvalue = &state->resvalue;
        scratch.resnull = &state->resnull;
        scratch.d.qualexpr.jumpdone = -1;
        ExprEvalPushStep(state, &scratch);
        adjust_jumps = lappend_int(adjust_jumps, state->steps_len - 1);
    }
    foreach(lc, adjust_jumps)
        state->steps[lfirst_int(lc)].d.qualexpr.jumpdone = state->steps_len;
    push_done(state);
    return state;
}

/*
 * A projection writes each target column into slot->tts_values[resno-1]:
 * plain Vars with one ASSIGN_*_VAR step, anything else computed into the
 * state's scratch result then moved with ASSIGN_TMP.
 */
ProjectionInfo *
ExecBuildProjectionInfo(List *targetList, ExprContext *econtext,
                        TupleTableSlot *slot, PlanState *parent, TupleDesc inputDesc)
{
    ProjectionInfo *projInfo = palloc0(sizeof(ProjectionInfo));
    ExprState  *state = &projInfo->pi_state;
    ExprEvalStep scratch = {0};
    ListCell   *lc;

    state->type = T_ExprState;
    state->expr = (Expr *) targetList;
    state->parent = parent;
    state->resultslot = slot;
    projInfo->pi_exprContext = econtext;
    ExecPushFetchSteps(state, (Node *) targetList);

    foreach(lc, targetList)
    {
        TargetEntry *tle = lfirst(lc);
        Var        *var = (Var *) tle->expr;

        if (var && IsA(var, Var) && var->varattno > 0)
        {
            scratch.opcode = var->varno == INNER_VAR ? EEOP_ASSIGN_INNER_VAR :
                var->varno == OUTER_VAR ? EEOP_ASSIGN_OUTER_VAR : EEOP_ASSIGN_SCAN_VAR;
            scratch.d.assign_var.attnum = var->varattno - 1;
            scratch.d.assign_var.resultnum = tle->resno - 1;
            ExprEvalPushStep(state, &scratch);
        }
        else
        {
            ExecInitExprRec(tle->expr, state, &state->resvalue, &state->resnull);
            scratch.opcode = EEOP_ASSIGN_TMP;
            scratch.d.assign_tmp.resultnum = tle->resno - 1;
            ExprEvalPushStep(state, &scratch);
        }
    }
    push_done(state);
    return projInfo;
}

/* ---------------------------------------------------------------- calls */

static void
init_func_step(ExprEvalStep *scratch, Expr *node, List *args, Oid funcid,
               Oid inputcollid, ExprState *state)
{
    int         nargs = list_length(args);
    FmgrInfo   *flinfo;
    FunctionCallInfo fcinfo;
    ListCell   *lc;
    int         argno = 0;

    if (nargs > 100)
        ereport(ERROR,
                (errcode(ERRCODE_TOO_MANY_ARGUMENTS),
                 errmsg("cannot pass more than %d arguments to a function", 100)));
    flinfo = palloc0(sizeof(FmgrInfo));
    fcinfo = palloc0(SizeForFunctionCallInfo(nargs));
    fmgr_info(funcid, flinfo);
    flinfo->fn_expr = (Node *) node;
    InitFunctionCallInfoData(*fcinfo, flinfo, nargs, inputcollid, NULL, NULL);

    scratch->d.func.finfo = flinfo;
    scratch->d.func.fcinfo_data = fcinfo;
    scratch->d.func.fn_addr = flinfo->fn_addr;
    scratch->d.func.nargs = nargs;

    foreach(lc, args)
    {
        Expr       *arg = lfirst(lc);

        if (IsA(arg, Const))
        {
            /* constants go straight into the argument slot, no step */
            fcinfo->args[argno].value = ((Const *) arg)->constvalue;
            fcinfo->args[argno].isnull = ((Const *) arg)->constisnull;
        }
        else
            ExecInitExprRec(arg, state, &fcinfo->args[argno].value,
                            &fcinfo->args[argno].isnull);
        argno++;
    }
    scratch->opcode = flinfo->fn_strict && nargs > 0 ? EEOP_FUNCEXPR_STRICT : EEOP_FUNCEXPR;
}

static void
init_bool_expr(BoolExpr *boolexpr, ExprState *state, Datum *resv, bool *resnull)
{
    ExprEvalStep scratch = {0};
    bool       *anynull = palloc0(sizeof(bool));
    List       *adjust_jumps = NIL;
    ListCell   *lc;
    int         nargs = list_length(boolexpr->args);
    int         off = 0;

    scratch.resvalue = resv;
    scratch.resnull = resnull;
    if (boolexpr->boolop == NOT_EXPR)
    {
        ExecInitExprRec(linitial(boolexpr->args), state, resv, resnull);
        scratch.opcode = EEOP_BOOL_NOT_STEP;
        ExprEvalPushStep(state, &scratch);
        return;
    }
    foreach(lc, boolexpr->args)
    {
        bool        is_and = boolexpr->boolop == AND_EXPR;

        ExecInitExprRec(lfirst(lc), state, resv, resnull);
        if (off == 0)
            scratch.opcode = is_and ? EEOP_BOOL_AND_STEP_FIRST : EEOP_BOOL_OR_STEP_FIRST;
        else if (off == nargs - 1)
            scratch.opcode = is_and ? EEOP_BOOL_AND_STEP_LAST : EEOP_BOOL_OR_STEP_LAST;
        else
            scratch.opcode = is_and ? EEOP_BOOL_AND_STEP : EEOP_BOOL_OR_STEP;
        scratch.d.boolexpr.anynull = anynull;
        scratch.d.boolexpr.jumpdone = -1;
        ExprEvalPushStep(state, &scratch);
        adjust_jumps = lappend_int(adjust_jumps, state->steps_len - 1);
        off++;
    }
    foreach(lc, adjust_jumps)
        state->steps[lfirst_int(lc)].d.boolexpr.jumpdone = state->steps_len;
}

static void
init_case_expr(CaseExpr *caseExpr, ExprState *state, Datum *resv, bool *resnull)
{
    ExprEvalStep scratch = {0};
    List       *adjust_jumps = NIL;
    ExprCompileState save = compile_state;
    ListCell   *lc;

    if (caseExpr->arg != NULL)
    {
        Datum      *caseval = palloc(sizeof(Datum));
        bool       *casenull = palloc(sizeof(bool));

        ExecInitExprRec(caseExpr->arg, state, caseval, casenull);
        compile_state.caseval = caseval;
        compile_state.casenull = casenull;
    }
    foreach(lc, caseExpr->args)
    {
        CaseWhen   *when = lfirst(lc);
        int         whenstep;

        ExecInitExprRec(when->expr, state, resv, resnull);
        scratch.opcode = EEOP_JUMP_IF_NOT_TRUE;
        scratch.resvalue = resv;
        scratch.resnull = resnull;
        scratch.d.jump.jumpdone = -1;
        ExprEvalPushStep(state, &scratch);
        whenstep = state->steps_len - 1;

        ExecInitExprRec(when->result, state, resv, resnull);
        scratch.opcode = EEOP_JUMP;
        scratch.d.jump.jumpdone = -1;
        ExprEvalPushStep(state, &scratch);
        adjust_jumps = lappend_int(adjust_jumps, state->steps_len - 1);

        state->steps[whenstep].d.jump.jumpdone = state->steps_len;
    }
    compile_state = save;
    if (caseExpr->defresult)
        ExecInitExprRec(caseExpr->defresult, state, resv, resnull);
    else
    {
        scratch.opcode = EEOP_CONST;
        scratch.resvalue = resv;
        scratch.resnull = resnull;
        scratch.d.constval.value = (Datum) 0;
        scratch.d.constval.isnull = true;
        ExprEvalPushStep(state, &scratch);
    }
    foreach(lc, adjust_jumps)
        state->steps[lfirst_int(lc)].d.jump.jumpdone = state->steps_len;
}

/* ---------------------------------------------------------------- arrays */

/* ARRAY[...]: elements into a private array, then one step builds it. */
static void
init_array_expr(ArrayExpr *arrayexpr, ExprState *state, Datum *resv, bool *resnull)
{
    ExprEvalStep scratch = {0};
    int         nelems = list_length(arrayexpr->elements);
    ListCell   *lc;
    int         off = 0;

    scratch.opcode = EEOP_ARRAYEXPR;
    scratch.resvalue = resv;
    scratch.resnull = resnull;
    scratch.d.arrayexpr.elemvalues = palloc(sizeof(Datum) * (Size) Max(nelems, 1));
    scratch.d.arrayexpr.elemnulls = palloc(sizeof(bool) * (Size) Max(nelems, 1));
    scratch.d.arrayexpr.nelems = nelems;
    scratch.d.arrayexpr.elemtype = arrayexpr->element_typeid;
    scratch.d.arrayexpr.multidims = arrayexpr->multidims;
    get_typlenbyvalalign(arrayexpr->element_typeid, &scratch.d.arrayexpr.elemlength,
                         &scratch.d.arrayexpr.elembyval, &scratch.d.arrayexpr.elemalign);
    foreach(lc, arrayexpr->elements)
    {
        ExecInitExprRec(lfirst(lc), state, &scratch.d.arrayexpr.elemvalues[off],
                        &scratch.d.arrayexpr.elemnulls[off]);
        off++;
    }
    ExprEvalPushStep(state, &scratch);
}

/*
 * scalar op ANY/ALL (array): the scalar goes into the call's argument 0,
 * the array into resv; the step loops over the elements.
 */
static void
init_scalar_array_op(ScalarArrayOpExpr *opexpr, ExprState *state, Datum *resv, bool *resnull)
{
    ExprEvalStep scratch = {0};
    Expr       *scalararg = linitial(opexpr->args);
    Expr       *arrayarg = lsecond(opexpr->args);
    Oid         arraytype = exprType((Node *) arrayarg);
    FmgrInfo   *finfo = palloc0(sizeof(FmgrInfo));
    FunctionCallInfo fcinfo = palloc0(SizeForFunctionCallInfo(2));

    fmgr_info(opexpr->opfuncid, finfo);
    finfo->fn_expr = (Node *) opexpr;
    InitFunctionCallInfoData(*fcinfo, finfo, 2, opexpr->inputcollid, NULL, NULL);

    scratch.opcode = EEOP_SCALARARRAYOP;
    scratch.resvalue = resv;
    scratch.resnull = resnull;
    scratch.d.scalararrayop.element_type = get_element_type(arraytype);
    if (!OidIsValid(scratch.d.scalararrayop.element_type))
        elog(ERROR, "ScalarArrayOpExpr over non-array type %u", arraytype);
    scratch.d.scalararrayop.useOr = opexpr->useOr;
    get_typlenbyvalalign(scratch.d.scalararrayop.element_type,
                         &scratch.d.scalararrayop.typlen,
                         &scratch.d.scalararrayop.typbyval,
                         &scratch.d.scalararrayop.typalign);
    scratch.d.scalararrayop.finfo = finfo;
    scratch.d.scalararrayop.fcinfo_data = fcinfo;
    scratch.d.scalararrayop.fn_addr = finfo->fn_addr;

    ExecInitExprRec(scalararg, state, &fcinfo->args[0].value, &fcinfo->args[0].isnull);
    ExecInitExprRec(arrayarg, state, resv, resnull);
    ExprEvalPushStep(state, &scratch);
}

/*
 * a[i][j], a[i:j], and the assignment form (refassgnexpr set): the array
 * into resv, each subscript and the new value into the workspace, then
 * one step fetches or stores.
 */
static void
init_subscripting_ref(SubscriptingRef *sbsref, ExprState *state, Datum *resv, bool *resnull)
{
    ExprEvalStep scratch = {0};
    SubscriptingRefState *sb = palloc0(sizeof(SubscriptingRefState));
    int         nupper = list_length(sbsref->refupperindexpr);
    int         nlower = list_length(sbsref->reflowerindexpr);
    ListCell   *lc;
    int         i;
    int         nalloc = Max(nupper, MAXDIM);

    if (nupper > MAXDIM && getSubscriptingRoutines(sbsref->refcontainertype) == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                 errmsg("number of array dimensions (%d) exceeds the maximum allowed (%d)",
                        nupper, MAXDIM)));
    sb->isassignment = sbsref->refassgnexpr != NULL;
    sb->isslice = nlower > 0;
    sb->numupper = nupper;
    sb->numlower = nlower;
    sb->upperindex = palloc0(sizeof(Datum) * nalloc);
    sb->upperindexnull = palloc0(sizeof(bool) * nalloc);
    sb->upperprovided = palloc0(sizeof(bool) * nalloc);
    sb->lowerindex = palloc0(sizeof(Datum) * nalloc);
    sb->lowerindexnull = palloc0(sizeof(bool) * nalloc);
    sb->lowerprovided = palloc0(sizeof(bool) * nalloc);
    sb->refelemtype = sbsref->refelemtype;
    sb->refattrlength = get_typlen(sbsref->refcontainertype);
    sb->routines = getSubscriptingRoutines(sbsref->refcontainertype);
    if (sb->routines != NULL)
    {
        if (sb->routines->exec_setup != NULL)
            sb->routines->exec_setup(sbsref, sb);
    }
    else if (sb->refattrlength > 0)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("subscripting type %s is not supported yet",
                        format_type_be(sbsref->refcontainertype))));
    if (sb->routines == NULL)
        get_typlenbyvalalign(sbsref->refelemtype, &sb->refelemlength,
                             &sb->refelembyval, &sb->refelemalign);

    ExecInitExprRec(sbsref->refexpr, state, resv, resnull);
    i = 0;
    foreach(lc, sbsref->refupperindexpr)
    {
        Expr       *e = lfirst(lc);

        sb->upperprovided[i] = e != NULL;
        if (e != NULL)
            ExecInitExprRec(e, state, &sb->upperindex[i], &sb->upperindexnull[i]);
        i++;
    }
    i = 0;
    foreach(lc, sbsref->reflowerindexpr)
    {
        Expr       *e = lfirst(lc);

        sb->lowerprovided[i] = e != NULL;
        if (e != NULL)
            ExecInitExprRec(e, state, &sb->lowerindex[i], &sb->lowerindexnull[i]);
        i++;
    }
    if (sb->isassignment)
        ExecInitExprRec(sbsref->refassgnexpr, state, &sb->replacevalue, &sb->replacenull);

    scratch.opcode = EEOP_SBSREF;
    scratch.resvalue = resv;
    scratch.resnull = resnull;
    scratch.d.sbsref.state = sb;
    ExprEvalPushStep(state, &scratch);
}

static void
ExecInitExprRec(Expr *node, ExprState *state, Datum *resv, bool *resnull)
{
    ExprEvalStep scratch = {0};

    scratch.resvalue = resv;
    scratch.resnull = resnull;

    switch (nodeTag(node))
    {
        case T_Var:
            {
                Var        *var = (Var *) node;

                if (var->varattno == SelfItemPointerAttributeNumber)
                {
                    /* ctid: the scan slot's tid, handed out by reference */
                    scratch.opcode = EEOP_SCAN_VAR;
                    scratch.d.var.attnum = -1;
                }
                else if (var->varattno == 0 && var->varno != INNER_VAR &&
                         var->varno != OUTER_VAR)
                    ExecInitWholeRowVar(&scratch, var, state);     /* execExprRow.c */
                else if (var->varattno <= 0)
                    ereport(ERROR,
                            (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                             errmsg("whole-row and system column references are not supported yet")));
                else
                {
                    scratch.opcode = var->varno == INNER_VAR ? EEOP_INNER_VAR :
                        var->varno == OUTER_VAR ? EEOP_OUTER_VAR : EEOP_SCAN_VAR;
                    scratch.d.var.attnum = var->varattno - 1;
                }
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_Const:
            {
                Const      *c = (Const *) node;

                scratch.opcode = EEOP_CONST;
                scratch.d.constval.value = c->constvalue;
                scratch.d.constval.isnull = c->constisnull;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_Param:
            {
                Param      *p = (Param *) node;

                if (p->paramkind == PARAM_EXTERN)
                    scratch.opcode = EEOP_PARAM_EXTERN;
                else if (p->paramkind == PARAM_EXEC)
                    scratch.opcode = EEOP_PARAM_EXEC;
                else
                    elog(ERROR, "unsupported param kind %d", (int) p->paramkind);
                scratch.d.param.paramid = p->paramid;
                scratch.d.param.paramtype = p->paramtype;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_SubPlan:
            {
                SubPlanState *sstate;

                if (state->parent == NULL)
                    elog(ERROR, "SubPlan found with no parent plan");
                sstate = ExecInitSubPlan((SubPlan *) node, state->parent);
                state->parent->subPlan = lappend(state->parent->subPlan, sstate);
                scratch.opcode = EEOP_SUBPLAN;
                scratch.d.subplan.sstate = sstate;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_Aggref:
            {
                scratch.opcode = EEOP_AGGREF;
                scratch.d.aggref.aggno = ((Aggref *) node)->aggno;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_GroupingFunc:
            {
                /* GROUPING(): a bit per argument not grouped in the Agg's current set */
                GroupingFunc *g = (GroupingFunc *) node;
                int         i = 0;
                ListCell   *gl;

                if (state->parent == NULL || !IsA(state->parent, AggState))
                    elog(ERROR, "GroupingFunc found in non-Agg plan node");
                scratch.opcode = EEOP_GROUPING_FUNC;
                scratch.d.grouping_func.parent = (AggState *) state->parent;
                scratch.d.grouping_func.ncols = list_length(g->cols);
                scratch.d.grouping_func.cols = palloc(sizeof(int16) *
                                                      (Size) Max(list_length(g->cols), 1));
                foreach(gl, g->cols)
                    scratch.d.grouping_func.cols[i++] = (int16) lfirst_int(gl);
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_WindowFunc:
            {
                /* computed by the WindowAgg node into ecxt_aggvalues[wfuncno] */
                WindowAggState *ws = (WindowAggState *) state->parent;
                int         wfuncno = -1;
                ListCell   *wl;

                if (ws == NULL || !IsA(ws, WindowAggState))
                    elog(ERROR, "WindowFunc found in non-WindowAgg plan node");
                foreach(wl, ws->funcs)
                    if (equal(lfirst(wl), node))
                        wfuncno = foreach_current_index(wl);
                if (wfuncno < 0)
                {
                    ws->funcs = lappend(ws->funcs, node);
                    wfuncno = ws->numfuncs++;
                }
                scratch.opcode = EEOP_AGGREF;
                scratch.d.aggref.aggno = wfuncno;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_FuncExpr:
            {
                FuncExpr   *f = (FuncExpr *) node;

                if (f->funcretset)
                    ereport(ERROR,
                            (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                             errmsg("set-returning functions are not supported yet")));
                init_func_step(&scratch, node, f->args, f->funcid, f->inputcollid, state);
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_OpExpr:
            {
                OpExpr     *op = (OpExpr *) node;

                init_func_step(&scratch, node, op->args, op->opfuncid, op->inputcollid, state);
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                OpExpr     *op = (OpExpr *) node;

                init_func_step(&scratch, node, op->args, op->opfuncid, op->inputcollid, state);
                scratch.opcode = IsA(node, DistinctExpr) ? EEOP_DISTINCT : EEOP_NULLIF;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_BoolExpr:
            init_bool_expr((BoolExpr *) node, state, resv, resnull);
            break;
        case T_RelabelType:
            ExecInitExprRec(((RelabelType *) node)->arg, state, resv, resnull);
            break;
        case T_CoerceViaIO:
            {
                CoerceViaIO *io = (CoerceViaIO *) node;
                Oid         iofunc;
                bool        typisvarlena;
                Oid         typioparam;
                Oid         srctype = exprType((Node *) io->arg);

                ExecInitExprRec(io->arg, state, resv, resnull);
                scratch.opcode = EEOP_IOCOERCE;
                scratch.d.iocoerce.finfo_out = palloc0(sizeof(FmgrInfo));
                scratch.d.iocoerce.fcinfo_data_out = palloc0(SizeForFunctionCallInfo(1));
                getTypeOutputInfo(srctype, &iofunc, &typisvarlena);
                fmgr_info(iofunc, scratch.d.iocoerce.finfo_out);
                InitFunctionCallInfoData(*scratch.d.iocoerce.fcinfo_data_out,
                                         scratch.d.iocoerce.finfo_out, 1, InvalidOid, NULL, NULL);

                scratch.d.iocoerce.finfo_in = palloc0(sizeof(FmgrInfo));
                scratch.d.iocoerce.fcinfo_data_in = palloc0(SizeForFunctionCallInfo(3));
                getTypeInputInfo(io->resulttype, &iofunc, &typioparam);
                fmgr_info(iofunc, scratch.d.iocoerce.finfo_in);
                InitFunctionCallInfoData(*scratch.d.iocoerce.fcinfo_data_in,
                                         scratch.d.iocoerce.finfo_in, 3, InvalidOid, NULL, NULL);
                scratch.d.iocoerce.fcinfo_data_in->args[1].value = ObjectIdGetDatum(typioparam);
                scratch.d.iocoerce.fcinfo_data_in->args[2].value = Int32GetDatum(-1);
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_CaseExpr:
            init_case_expr((CaseExpr *) node, state, resv, resnull);
            break;
        case T_ArrayCoerceExpr:
            {
                /* the array into resv, then each element through elemstate */
                ArrayCoerceExpr *acoerce = (ArrayCoerceExpr *) node;
                ArrayCoerceState *as = palloc0(sizeof(ArrayCoerceState));
                ExprCompileState save = compile_state;
                Oid         srctype = getBaseType(exprType((Node *) acoerce->arg));

                ExecInitExprRec(acoerce->arg, state, resv, resnull);
                compile_state.caseval = &as->caseval;
                compile_state.casenull = &as->casenull;
                as->elemstate = ExecInitExpr(acoerce->elemexpr, state->parent);
                compile_state = save;
                as->srcelemtype = get_element_type(srctype);
                get_typlenbyvalalign(as->srcelemtype, &as->srclen, &as->srcbyval,
                                     &as->srcalign);
                as->reselemtype = get_element_type(getBaseType(acoerce->resulttype));
                get_typlenbyvalalign(as->reselemtype, &as->reslen, &as->resbyval,
                                     &as->resalign);
                scratch.opcode = EEOP_ARRAYCOERCE;
                scratch.d.arraycoerce.state = as;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_CaseTestExpr:
            {
                if (compile_state.caseval == NULL)
                    elog(ERROR, "CaseTestExpr outside of a CASE with a test value");
                scratch.opcode = EEOP_CASE_TESTVAL;
                scratch.d.casetest.value = compile_state.caseval;
                scratch.d.casetest.isnull = compile_state.casenull;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_CoalesceExpr:
            {
                CoalesceExpr *c = (CoalesceExpr *) node;
                List       *adjust_jumps = NIL;
                ListCell   *lc;

                foreach(lc, c->args)
                {
                    ExecInitExprRec(lfirst(lc), state, resv, resnull);
                    scratch.opcode = EEOP_JUMP_IF_NOT_NULL;
                    scratch.d.jump.jumpdone = -1;
                    ExprEvalPushStep(state, &scratch);
                    adjust_jumps = lappend_int(adjust_jumps, state->steps_len - 1);
                }
                foreach(lc, adjust_jumps)
                    state->steps[lfirst_int(lc)].d.jump.jumpdone = state->steps_len;
                break;
            }
        case T_MinMaxExpr:
            {
                MinMaxExpr *mm = (MinMaxExpr *) node;
                int         nelems = list_length(mm->args);
                const TypeCacheInfo *tc = lookup_type_cache(mm->minmaxtype);
                ListCell   *lc;
                int         off = 0;

                if (tc == NULL || !OidIsValid(tc->cmp_proc))
                    ereport(ERROR,
                            (errcode(ERRCODE_UNDEFINED_FUNCTION),
                             errmsg("could not identify a comparison function for type %s",
                                    format_type_be(mm->minmaxtype))));
                scratch.opcode = EEOP_MINMAX;
                scratch.d.minmax.values = palloc(sizeof(Datum) * (Size) nelems);
                scratch.d.minmax.nulls = palloc(sizeof(bool) * (Size) nelems);
                scratch.d.minmax.nelems = nelems;
                scratch.d.minmax.op = mm->op;
                scratch.d.minmax.finfo = palloc0(sizeof(FmgrInfo));
                scratch.d.minmax.fcinfo_data = palloc0(SizeForFunctionCallInfo(2));
                fmgr_info(tc->cmp_proc, scratch.d.minmax.finfo);
                InitFunctionCallInfoData(*scratch.d.minmax.fcinfo_data, scratch.d.minmax.finfo,
                                         2, mm->inputcollid, NULL, NULL);
                foreach(lc, mm->args)
                {
                    ExecInitExprRec(lfirst(lc), state, &scratch.d.minmax.values[off],
                                    &scratch.d.minmax.nulls[off]);
                    off++;
                }
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_NullTest:
            {
                NullTest   *nt = (NullTest *) node;

                ExecInitExprRec(nt->arg, state, resv, resnull);
                if (nt->argisrow)
                {
                    /* a record: the null test looks at its fields */
                    scratch.opcode = nt->nulltesttype == IS_NULL ?
                        EEOP_NULLTEST_ROWISNULL : EEOP_NULLTEST_ROWISNOTNULL;
                    scratch.d.rownulltest.cache = ExecInitRecordStepCache();
                }
                else
                    scratch.opcode = nt->nulltesttype == IS_NULL ?
                        EEOP_NULLTEST_ISNULL : EEOP_NULLTEST_ISNOTNULL;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_BooleanTest:
            {
                BooleanTest *bt = (BooleanTest *) node;

                ExecInitExprRec(bt->arg, state, resv, resnull);
                switch (bt->booltesttype)
                {
                    case IS_TRUE: scratch.opcode = EEOP_BOOLTEST_IS_TRUE; break;
                    case IS_NOT_TRUE: scratch.opcode = EEOP_BOOLTEST_IS_NOT_TRUE; break;
                    case IS_FALSE: scratch.opcode = EEOP_BOOLTEST_IS_FALSE; break;
                    case IS_NOT_FALSE: scratch.opcode = EEOP_BOOLTEST_IS_NOT_FALSE; break;
                    case IS_UNKNOWN: scratch.opcode = EEOP_NULLTEST_ISNULL; break;
                    case IS_NOT_UNKNOWN: scratch.opcode = EEOP_NULLTEST_ISNOTNULL; break;
                }
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_SQLValueFunction:
            scratch.opcode = EEOP_SQLVALUEFUNCTION;
            scratch.d.sqlvaluefunction.svf = (SQLValueFunction *) node;
            ExprEvalPushStep(state, &scratch);
            break;
        case T_ArrayExpr:
            init_array_expr((ArrayExpr *) node, state, resv, resnull);
            break;
        case T_FieldSelect:
            {
                FieldSelect *fs = (FieldSelect *) node;

                ExecInitExprRec(fs->arg, state, resv, resnull);
                scratch.opcode = EEOP_FIELDSELECT;
                scratch.d.fieldselect.cache = ExecInitRecordStepCache();
                scratch.d.fieldselect.fieldnum = fs->fieldnum;
                scratch.d.fieldselect.resulttype = fs->resulttype;
                ExprEvalPushStep(state, &scratch);
                break;
            }
        case T_RowExpr:
            {
                /* ROW(...) as a value: a record (procs/rowtypes.c) */
                RowExpr    *rowexpr = (RowExpr *) node;
                ExprEvalStep scratch = {0};
                int         nelems = list_length(rowexpr->args);
                int         off = 0;
                ListCell   *lc;

                scratch.opcode = EEOP_ROW;
                scratch.resvalue = resv;
                scratch.resnull = resnull;
                scratch.d.row.tupdesc = CreateTemplateTupleDesc(nelems);
                scratch.d.row.tupdesc->tdtypeid = rowexpr->row_typeid;
                scratch.d.row.elemvalues = palloc0(sizeof(Datum) * (Size) Max(nelems, 1));
                scratch.d.row.elemnulls = palloc0(sizeof(bool) * (Size) Max(nelems, 1));
                foreach(lc, rowexpr->args)
                {
                    Node       *arg = lfirst(lc);

                    TupleDescInitEntry(scratch.d.row.tupdesc, off + 1,
                                       off < list_length(rowexpr->colnames) ?
                                       (char *) list_nth(rowexpr->colnames, off) : NULL,
                                       exprType(arg), exprTypmod(arg), 0);
                    ExecInitExprRec(lfirst(lc), state, &scratch.d.row.elemvalues[off],
                                    &scratch.d.row.elemnulls[off]);
                    off++;
                }
                ExprEvalPushStep(state, &scratch);
            }
            break;
        case T_ScalarArrayOpExpr:
            init_scalar_array_op((ScalarArrayOpExpr *) node, state, resv, resnull);
            break;
        case T_SubscriptingRef:
            init_subscripting_ref((SubscriptingRef *) node, state, resv, resnull);
            break;
        default:
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("expression node type %d is not supported yet", (int) nodeTag(node))));
    }
}
