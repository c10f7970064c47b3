/*-------------------------------------------------------------------------
 * execExprRow.c
 *    Expression steps on record values (procs/rowtypes.c): whole-row Vars
 *    (SELECT t FROM t), field selection ((expr).field) and the row forms
 *    of IS [NOT] NULL.
 *
 * A whole-row Var is evaluated at its scan: the record is formed from the
 * scan slot's columns that the range table entry shows (a table's dropped
 * columns are left out), named as the RTE names them and typed with the
 * Var's type (the table's row type, or RECORD).  Above the scan it is an
 * ordinary column of the child's output.  (A sub-SELECT's whole row never
 * gets here: setrefs.c turns it into a RowExpr over the subplan's output.)
 *
 * Field selection and the row null tests deform the record with a
 * descriptor cached in the step (RecordStepCache), rebuilt only when a
 * record with other column types or names arrives; the cache lives in
 * the memory context the expression was compiled in (the query's).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "executor/execExpr.h"
#include "procs/rowtypes.h"

typedef struct RecordStepCache
{
    MemoryContext mcxt;         /* where desc/values/nulls are allocated */
    TupleDesc   desc;
    Datum      *values;
    bool       *nulls;
    int        *attmap;         /* whole-row Var: slot column (0-based) of each field */
    int         maxatt;         /* whole-row Var: columns to fetch from the slot */
} RecordStepCache;

RecordStepCache *
ExecInitRecordStepCache(void)
{
    RecordStepCache *cache = palloc0(sizeof(RecordStepCache));

    cache->mcxt = CurrentMemoryContext;
    return cache;
}

static void
cache_set_desc(RecordStepCache *cache, TupleDesc desc)
{
    MemoryContext old = MemoryContextSwitchTo(cache->mcxt);
    int         n = Max(desc->natts, 1);

    cache->desc = CreateTupleDescCopy(desc);
    cache->desc->tdtypeid = desc->tdtypeid;
    cache->desc->tdtypmod = desc->tdtypmod;
    cache->values = palloc(sizeof(Datum) * (Size) n);
    cache->nulls = palloc(sizeof(bool) * (Size) n);
    MemoryContextSwitchTo(old);
}

/* Deform rec into the cache's arrays, rebuilding the descriptor if rec's differs. */
static void
cache_deform(RecordStepCache *cache, Datum rec)
{
    if (!record_tupdesc_matches(rec, cache->desc))
        cache_set_desc(cache, record_tupdesc(rec));
    record_deform(rec, cache->desc, cache->values, cache->nulls);
}

void
ExecInitWholeRowVar(ExprEvalStep *scratch, Var *var, ExprState *state)
{
    RecordStepCache *cache = ExecInitRecordStepCache();
    RangeTblEntry *rte;
    TupleDesc   desc;
    ListCell   *lt,
               *ln;
    int         nlive = 0;
    int         k = 0;
    int         attno = 0;

    if (state->parent == NULL || var->varno <= 0 ||
        var->varno > list_length(state->parent->state->es_range_table))
        elog(ERROR, "whole-row Var %d found outside a scan", var->varno);
    rte = list_nth(state->parent->state->es_range_table, var->varno - 1);
    foreach(lt, rte->coltypes)
        if (OidIsValid(lfirst_oid(lt)))
            nlive++;
    desc = CreateTemplateTupleDesc(nlive);
    cache->attmap = palloc(sizeof(int) * (Size) Max(nlive, 1));
    forboth(lt, rte->coltypes, ln, rte->eref->colnames)
    {
        Oid         typid = lfirst_oid(lt);

        attno++;
        if (!OidIsValid(typid))
            continue;           /* a dropped column */
        TupleDescInitEntry(desc, k + 1, (char *) lfirst(ln), typid,
                           list_nth_int(rte->coltypmods, attno - 1), 0);
        cache->attmap[k++] = attno - 1;
        cache->maxatt = attno;
    }
    desc->tdtypeid = var->vartype;
    desc->tdtypmod = -1;
    cache_set_desc(cache, desc);
    scratch->opcode = EEOP_SCAN_WHOLEROW;
    scratch->d.wholerow.cache = cache;
}

void
ExecEvalWholeRowVar(ExprEvalStep *op, ExprContext *econtext)
{
    RecordStepCache *cache = op->d.wholerow.cache;
    TupleTableSlot *slot = econtext->ecxt_scantuple;

    slot_getsomeattrs(slot, cache->maxatt);
    for (int i = 0; i < cache->desc->natts; i++)
    {
        cache->values[i] = slot->tts_values[cache->attmap[i]];
        cache->nulls[i] = slot->tts_isnull[cache->attmap[i]];
    }
    *op->resvalue = make_record_datum(cache->desc, cache->values, cache->nulls);
    *op->resnull = false;
}

void
ExecEvalFieldSelect(ExprEvalStep *op)
{
    RecordStepCache *cache = op->d.fieldselect.cache;
    int         fieldnum = op->d.fieldselect.fieldnum;
    Form_pg_attribute att;

    if (*op->resnull)
        return;
    cache_deform(cache, *op->resvalue);
    if (fieldnum <= 0 || fieldnum > cache->desc->natts)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("attribute number %d exceeds number of columns %d", fieldnum,
                       cache->desc->natts));
    att = TupleDescAttr(cache->desc, fieldnum - 1);
    if (att->atttypid != op->d.fieldselect.resulttype)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("attribute %d has wrong type", fieldnum),
                errdetail("Table has type %s, but query expects %s.",
                          format_type_be(att->atttypid),
                          format_type_be(op->d.fieldselect.resulttype)));
    *op->resvalue = cache->values[fieldnum - 1];
    *op->resnull = cache->nulls[fieldnum - 1];
}

/*
 * PostgreSQL's row null test: a NULL record is NULL (and not NOT NULL);
 * otherwise IS NULL holds when every field is NULL, IS NOT NULL when none is.
 */
void
ExecEvalRowNullTest(ExprEvalStep *op, bool checkisnull)
{
    RecordStepCache *cache = op->d.rownulltest.cache;
    bool        result = true;

    if (*op->resnull)
    {
        *op->resvalue = BoolGetDatum(checkisnull);
        *op->resnull = false;
        return;
    }
    cache_deform(cache, *op->resvalue);
    for (int i = 0; i < cache->desc->natts; i++)
    {
        if (cache->nulls[i] != checkisnull)
        {
            result = false;
            break;
        }
    }
    *op->resvalue = BoolGetDatum(result);
    *op->resnull = false;
}
