/*-------------------------------------------------------------------------
 * execTuples.c
 *    Tuple slots and result descriptors.
 *
 * A slot is either empty, virtual (values/isnull valid for all columns),
 * or holds a heap tuple that is deformed lazily: tts_nvalid says how many
 * leading columns of tts_values are valid.  A heap tuple stored with
 * shouldFree = false points into a buffer page or another node's memory
 * and is valid only until that node's next cycle; ExecMaterializeSlot
 * copies it into the slot's own context when it must live longer.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"
#include "executor/executor.h"

TupleTableSlot *
MakeSingleTupleTableSlot(TupleDesc tupdesc)
{
    int         natts = tupdesc ? tupdesc->natts : 0;
    TupleTableSlot *slot = palloc0(sizeof(TupleTableSlot));

    slot->type = T_Invalid;
    slot->tts_empty = true;
    slot->tts_tupleDescriptor = tupdesc;
    slot->tts_mcxt = CurrentMemoryContext;
    slot->tts_values = palloc0(sizeof(Datum) * (Size) Max(natts, 1));
    slot->tts_isnull = palloc0(sizeof(bool) * (Size) Max(natts, 1));
    ItemPointerSetInvalid(&slot->tts_tid);
    return slot;
}

void
ExecDropSingleTupleTableSlot(TupleTableSlot *slot)
{
    ExecClearTuple(slot);
    pfree(slot->tts_values);
    pfree(slot->tts_isnull);
    pfree(slot);
}

TupleTableSlot *
ExecClearTuple(TupleTableSlot *slot)
{
    if (slot->tts_shouldFree && slot->tts_tuple)
        heap_freetuple(slot->tts_tuple);
    slot->tts_tuple = NULL;
    slot->tts_shouldFree = false;
    slot->tts_nvalid = 0;
    slot->tts_empty = true;
    ItemPointerSetInvalid(&slot->tts_tid);
    return slot;
}

TupleTableSlot *
ExecStoreVirtualTuple(TupleTableSlot *slot)
{
    slot->tts_empty = false;
    slot->tts_nvalid = slot->tts_tupleDescriptor->natts;
    return slot;
}

TupleTableSlot *
ExecStoreHeapTuple(HeapTuple tuple, TupleTableSlot *slot, bool shouldFree)
{
    if (slot->tts_shouldFree && slot->tts_tuple && slot->tts_tuple != tuple)
        heap_freetuple(slot->tts_tuple);
    slot->tts_tuple = tuple;
    slot->tts_shouldFree = shouldFree;
    slot->tts_nvalid = 0;
    slot->tts_empty = false;
    slot->tts_tid = tuple->t_self;
    slot->tts_tableOid = tuple->t_tableOid;
    return slot;
}

void
slot_getsomeattrs(TupleTableSlot *slot, int attnum)
{
    if (slot->tts_nvalid >= attnum)
        return;
    if (slot->tts_tuple == NULL)
        elog(ERROR, "cannot extract attribute %d from an empty or virtual slot", attnum);
    if (attnum > slot->tts_tupleDescriptor->natts)
        attnum = slot->tts_tupleDescriptor->natts;
    heap_deform_tuple_upto(slot->tts_tuple, slot->tts_tupleDescriptor, attnum,
                           slot->tts_values, slot->tts_isnull);
    slot->tts_nvalid = attnum;
}

void
slot_getallattrs(TupleTableSlot *slot)
{
    slot_getsomeattrs(slot, slot->tts_tupleDescriptor->natts);
}

Datum
slot_getattr(TupleTableSlot *slot, int attnum, bool *isnull)
{
    slot_getsomeattrs(slot, attnum);
    *isnull = slot->tts_isnull[attnum - 1];
    return slot->tts_values[attnum - 1];
}

/* Form a heap tuple from the slot's values, in CurrentMemoryContext. */
HeapTuple
ExecCopySlotHeapTuple(TupleTableSlot *slot)
{
    if (slot->tts_tuple && slot->tts_nvalid == 0)
        return heap_copytuple(slot->tts_tuple);
    if (slot->tts_tuple)
        slot_getallattrs(slot);
    return heap_form_tuple(slot->tts_tupleDescriptor, slot->tts_values, slot->tts_isnull);
}

/*
 * Make the slot own its contents: afterwards the slot does not depend on
 * any buffer page or other node's memory.
 */
void
ExecMaterializeSlot(TupleTableSlot *slot)
{
    MemoryContext old;
    HeapTuple   tup;

    if (slot->tts_empty || slot->tts_shouldFree)
        return;
    old = MemoryContextSwitchTo(slot->tts_mcxt);
    tup = ExecCopySlotHeapTuple(slot);
    MemoryContextSwitchTo(old);
    tup->t_self = slot->tts_tid;
    tup->t_tableOid = slot->tts_tableOid;
    {
        ItemPointerData tid = slot->tts_tid;

        ExecStoreHeapTuple(tup, slot, true);
        slot->tts_tid = tid;
    }
}

void
ExecCopySlot(TupleTableSlot *dst, TupleTableSlot *src)
{
    MemoryContext old = MemoryContextSwitchTo(dst->tts_mcxt);
    HeapTuple   tup = ExecCopySlotHeapTuple(src);

    MemoryContextSwitchTo(old);
    tup->t_self = src->tts_tid;
    ExecStoreHeapTuple(tup, dst, true);
}

static TupleDesc
type_from_tl(List *targetList, bool skipjunk)
{
    ListCell   *lc;
    int         n = 0;
    TupleDesc   desc;

    foreach(lc, targetList)
    {
        TargetEntry *tle = lfirst(lc);

        if (!(skipjunk && tle->resjunk))
            n++;
    }
    desc = CreateTemplateTupleDesc(n);
    n = 0;
    foreach(lc, targetList)
    {
        TargetEntry *tle = lfirst(lc);

        if (skipjunk && tle->resjunk)
            continue;
        n++;
        TupleDescInitEntry(desc, n, tle->resname ? tle->resname : "?column?",
                           exprType((Node *) tle->expr), exprTypmod((Node *) tle->expr), 0);
    }
    return desc;
}

TupleDesc
ExecTypeFromTL(List *targetList)
{
    return type_from_tl(targetList, false);
}

TupleDesc
ExecCleanTypeFromTL(List *targetList)
{
    return type_from_tl(targetList, true);
}

/* "(1, null, abc)" — the DETAIL of constraint violations, as PostgreSQL writes it. */
char *
ExecBuildSlotValueDescription(TupleTableSlot *slot)
{
    TupleDesc   desc = slot->tts_tupleDescriptor;
    StringInfoData buf;
    bool        first = true;

    if (slot->tts_tuple)
        slot_getallattrs(slot);
    initStringInfo(&buf);
    appendStringInfoChar(&buf, '(');
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);

        if (att->attisdropped)
            continue;
        if (!first)
            appendStringInfoString(&buf, ", ");
        first = false;
        if (slot->tts_isnull[i])
            appendStringInfoString(&buf, "null");
        else
        {
            Oid         outfn;
            bool        isvarlena;

            getTypeOutputInfo(att->atttypid, &outfn, &isvarlena);
            appendStringInfoString(&buf, OidOutputFunctionCall(outfn, slot->tts_values[i]));
        }
    }
    appendStringInfoChar(&buf, ')');
    return buf.data;
}
