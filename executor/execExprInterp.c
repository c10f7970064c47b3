/*-------------------------------------------------------------------------
 * execExprInterp.c
 *    Run a compiled expression program (execExpr.h) against the current
 *    rows of an ExprContext.
 *
 * The loop dispatches on each step's opcode; steps communicate only
 * through the resvalue/resnull locations the compiler chose.  Called in
 * the per-tuple memory context (ExecEvalExprSwitchContext), so whatever
 * the called functions allocate dies at the node's next cycle.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "executor/execExpr.h"

static inline Datum
call_function(ExprEvalStep *op, bool *isnull)
{
    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
    Datum       d;

    fcinfo->isnull = false;
    d = op->d.func.fn_addr(fcinfo);
    *isnull = fcinfo->isnull;
    return d;
}

static Datum
eval_iocoerce(ExprEvalStep *op)
{
    FunctionCallInfo fout = op->d.iocoerce.fcinfo_data_out;
    FunctionCallInfo fin = op->d.iocoerce.fcinfo_data_in;
    char       *str;

    fout->args[0].value = *op->resvalue;
    fout->args[0].isnull = false;
    fout->isnull = false;
    str = DatumGetCString(op->d.iocoerce.finfo_out->fn_addr(fout));
    fin->args[0].value = CStringGetDatum(str);
    fin->args[0].isnull = false;
    fin->isnull = false;
    return op->d.iocoerce.finfo_in->fn_addr(fin);
}

static void
eval_minmax(ExprEvalStep *op)
{
    FunctionCallInfo fcinfo = op->d.minmax.fcinfo_data;
    bool        have = false;
    Datum       best = 0;

    for (int i = 0; i < op->d.minmax.nelems; i++)
    {
        int32       cmp;

        if (op->d.minmax.nulls[i])
            continue;           /* GREATEST/LEAST ignore NULLs */
        if (!have)
        {
            best = op->d.minmax.values[i];
            have = true;
            continue;
        }
        fcinfo->args[0].value = op->d.minmax.values[i];
        fcinfo->args[0].isnull = false;
        fcinfo->args[1].value = best;
        fcinfo->args[1].isnull = false;
        fcinfo->isnull = false;
        cmp = DatumGetInt32(op->d.minmax.finfo->fn_addr(fcinfo));
        if ((op->d.minmax.op == IS_GREATEST && cmp > 0) ||
            (op->d.minmax.op == IS_LEAST && cmp < 0))
            best = op->d.minmax.values[i];
    }
    *op->resvalue = best;
    *op->resnull = !have;
}

Datum
ExecInterpExpr(ExprState *state, ExprContext *econtext, bool *isnull)
{
    ExprEvalStep *steps = state->steps;
    TupleTableSlot *innerslot = econtext->ecxt_innertuple;
    TupleTableSlot *outerslot = econtext->ecxt_outertuple;
    TupleTableSlot *scanslot = econtext->ecxt_scantuple;
    TupleTableSlot *resultslot = state->resultslot;
    int         pc = 0;

    for (;;)
    {
        ExprEvalStep *op = &steps[pc];

        switch (op->opcode)
        {
            case EEOP_DONE:
                *isnull = state->resnull;
                return state->resvalue;

            case EEOP_INNER_FETCHSOME:
                slot_getsomeattrs(innerslot, op->d.fetch.last_var);
                break;
            case EEOP_OUTER_FETCHSOME:
                slot_getsomeattrs(outerslot, op->d.fetch.last_var);
                break;
            case EEOP_SCAN_FETCHSOME:
                slot_getsomeattrs(scanslot, op->d.fetch.last_var);
                break;

            case EEOP_INNER_VAR:
                *op->resvalue = innerslot->tts_values[op->d.var.attnum];
                *op->resnull = innerslot->tts_isnull[op->d.var.attnum];
                break;
            case EEOP_OUTER_VAR:
                *op->resvalue = outerslot->tts_values[op->d.var.attnum];
                *op->resnull = outerslot->tts_isnull[op->d.var.attnum];
                break;
            case EEOP_SCAN_VAR:
                if (unlikely(op->d.var.attnum < 0))
                {
                    *op->resvalue = PointerGetDatum(&scanslot->tts_tid);
                    *op->resnull = false;
                }
                else
                {
                    *op->resvalue = scanslot->tts_values[op->d.var.attnum];
                    *op->resnull = scanslot->tts_isnull[op->d.var.attnum];
                }
                break;

            case EEOP_ASSIGN_INNER_VAR:
                resultslot->tts_values[op->d.assign_var.resultnum] =
                    innerslot->tts_values[op->d.assign_var.attnum];
                resultslot->tts_isnull[op->d.assign_var.resultnum] =
                    innerslot->tts_isnull[op->d.assign_var.attnum];
                break;
            case EEOP_ASSIGN_OUTER_VAR:
                resultslot->tts_values[op->d.assign_var.resultnum] =
                    outerslot->tts_values[op->d.assign_var.attnum];
                resultslot->tts_isnull[op->d.assign_var.resultnum] =
                    outerslot->tts_isnull[op->d.assign_var.attnum];
                break;
            case EEOP_ASSIGN_SCAN_VAR:
                resultslot->tts_values[op->d.assign_var.resultnum] =
                    scanslot->tts_values[op->d.assign_var.attnum];
                resultslot->tts_isnull[op->d.assign_var.resultnum] =
                    scanslot->tts_isnull[op->d.assign_var.attnum];
                break;
            case EEOP_ASSIGN_TMP:
                resultslot->tts_values[op->d.assign_tmp.resultnum] = state->resvalue;
                resultslot->tts_isnull[op->d.assign_tmp.resultnum] = state->resnull;
                break;

            case EEOP_CONST:
                *op->resvalue = op->d.constval.value;
                *op->resnull = op->d.constval.isnull;
                break;

            case EEOP_FUNCEXPR:
                *op->resvalue = call_function(op, op->resnull);
                break;
            case EEOP_FUNCEXPR_STRICT:
                {
                    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
                    bool        anynull = false;

                    for (int i = 0; i < op->d.func.nargs; i++)
                        if (fcinfo->args[i].isnull)
                        {
                            anynull = true;
                            break;
                        }
                    if (anynull)
                    {
                        *op->resnull = true;
                        *op->resvalue = (Datum) 0;
                    }
                    else
                        *op->resvalue = call_function(op, op->resnull);
                    break;
                }

            case EEOP_BOOL_AND_STEP_FIRST:
                *op->d.boolexpr.anynull = false;
                /* FALLTHROUGH */
            case EEOP_BOOL_AND_STEP:
                if (*op->resnull)
                    *op->d.boolexpr.anynull = true;
                else if (!DatumGetBool(*op->resvalue))
                {
                    pc = op->d.boolexpr.jumpdone;   /* result is false */
                    continue;
                }
                break;
            case EEOP_BOOL_AND_STEP_LAST:
                if (*op->resnull)
                    ;                                   /* result NULL */
                else if (!DatumGetBool(*op->resvalue))
                    ;                                   /* result false */
                else if (*op->d.boolexpr.anynull)
                {
                    *op->resvalue = (Datum) 0;
                    *op->resnull = true;
                }
                break;

            case EEOP_BOOL_OR_STEP_FIRST:
                *op->d.boolexpr.anynull = false;
                /* FALLTHROUGH */
            case EEOP_BOOL_OR_STEP:
                if (*op->resnull)
                    *op->d.boolexpr.anynull = true;
                else if (DatumGetBool(*op->resvalue))
                {
                    pc = op->d.boolexpr.jumpdone;   /* result is true */
                    continue;
                }
                break;
            case EEOP_BOOL_OR_STEP_LAST:
                if (*op->resnull)
                    ;
                else if (DatumGetBool(*op->resvalue))
                    ;
                else if (*op->d.boolexpr.anynull)
                {
                    *op->resvalue = (Datum) 0;
                    *op->resnull = true;
                }
                break;

            case EEOP_BOOL_NOT_STEP:
                if (!*op->resnull)
                    *op->resvalue = BoolGetDatum(!DatumGetBool(*op->resvalue));
                break;

            case EEOP_QUAL:
                if (*op->resnull || !DatumGetBool(*op->resvalue))
                {
                    *op->resnull = false;
                    *op->resvalue = BoolGetDatum(false);
                    pc = op->d.qualexpr.jumpdone;
                    continue;
                }
                break;

            case EEOP_JUMP:
                pc = op->d.jump.jumpdone;
                continue;
            case EEOP_JUMP_IF_NULL:
                if (*op->resnull)
                {
                    pc = op->d.jump.jumpdone;
                    continue;
                }
                break;
            case EEOP_JUMP_IF_NOT_NULL:
                if (!*op->resnull)
                {
                    pc = op->d.jump.jumpdone;
                    continue;
                }
                break;
            case EEOP_JUMP_IF_NOT_TRUE:
                if (*op->resnull || !DatumGetBool(*op->resvalue))
                {
                    pc = op->d.jump.jumpdone;
                    continue;
                }
                break;

            case EEOP_NULLTEST_ISNULL:
                *op->resvalue = BoolGetDatum(*op->resnull);
                *op->resnull = false;
                break;
            case EEOP_NULLTEST_ISNOTNULL:
                *op->resvalue = BoolGetDatum(!*op->resnull);
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_TRUE:
                *op->resvalue = BoolGetDatum(!*op->resnull && DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_NOT_TRUE:
                *op->resvalue = BoolGetDatum(*op->resnull || !DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_FALSE:
                *op->resvalue = BoolGetDatum(!*op->resnull && !DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;
            case EEOP_BOOLTEST_IS_NOT_FALSE:
                *op->resvalue = BoolGetDatum(*op->resnull || DatumGetBool(*op->resvalue));
                *op->resnull = false;
                break;

            case EEOP_PARAM_EXTERN:
                {
                    ParamListInfo params = econtext->ecxt_param_list_info ?
                        econtext->ecxt_param_list_info : state->ext_params;
                    int         id = op->d.param.paramid;

                    if (params == NULL || id <= 0 || id > params->numParams)
                        ereport(ERROR,
                                (errcode(ERRCODE_UNDEFINED_OBJECT),
                                 errmsg("no value found for parameter %d", id)));
                    *op->resvalue = params->params[id - 1].value;
                    *op->resnull = params->params[id - 1].isnull;
                    break;
                }
            case EEOP_PARAM_EXEC:
                {
                    ParamExecData *prm = &econtext->ecxt_param_exec_vals[op->d.param.paramid];

                    if (unlikely(prm->execPlan != NULL))
                        ExecSetParamPlan(prm->execPlan, econtext);  /* initplan: run once */

                    *op->resvalue = prm->value;
                    *op->resnull = prm->isnull;
                    break;
                }

            case EEOP_CASE_TESTVAL:
                *op->resvalue = *op->d.casetest.value;
                *op->resnull = *op->d.casetest.isnull;
                break;

            case EEOP_IOCOERCE:
                if (!*op->resnull)
                    *op->resvalue = eval_iocoerce(op);
                break;

            case EEOP_DISTINCT:
            case EEOP_NOT_DISTINCT:
                {
                    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;
                    bool        distinct;

                    if (fcinfo->args[0].isnull && fcinfo->args[1].isnull)
                        distinct = false;
                    else if (fcinfo->args[0].isnull || fcinfo->args[1].isnull)
                        distinct = true;
                    else
                    {
                        bool        fnull;
                        Datum       eq = call_function(op, &fnull);

                        distinct = !DatumGetBool(eq);
                    }
                    *op->resvalue = BoolGetDatum(op->opcode == EEOP_DISTINCT ? distinct : !distinct);
                    *op->resnull = false;
                    break;
                }

            case EEOP_NULLIF:
                {
                    FunctionCallInfo fcinfo = op->d.func.fcinfo_data;

                    if (!fcinfo->args[0].isnull && !fcinfo->args[1].isnull)
                    {
                        bool        fnull;
                        Datum       eq = call_function(op, &fnull);

                        if (!fnull && DatumGetBool(eq))
                        {
                            *op->resvalue = (Datum) 0;
                            *op->resnull = true;
                            break;
                        }
                    }
                    *op->resvalue = fcinfo->args[0].value;
                    *op->resnull = fcinfo->args[0].isnull;
                    break;
                }

            case EEOP_MINMAX:
                eval_minmax(op);
                break;

            case EEOP_AGGREF:
                *op->resvalue = econtext->ecxt_aggvalues[op->d.aggref.aggno];
                *op->resnull = econtext->ecxt_aggnulls[op->d.aggref.aggno];
                break;

            case EEOP_SUBPLAN:
                *op->resvalue = ExecSubPlan(op->d.subplan.sstate, econtext, op->resnull);
                break;

            case EEOP_LAST:
                elog(ERROR, "invalid expression step");
        }
        pc++;
    }
}
