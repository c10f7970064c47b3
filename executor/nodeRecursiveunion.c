/*-------------------------------------------------------------------------
 * nodeRecursiveunion.c
 *    RecursiveUnion: evaluates WITH RECURSIVE (PostgreSQL's
 *    nodeRecursiveunion.c).
 *
 * Principal entry points: ExecInitRecursiveUnion, ExecRecursiveUnion (via
 * ExecProcNode), ExecReScanRecursiveUnion, ExecEndRecursiveUnion.
 *
 * The algorithm (SQL standard, PostgreSQL docs 7.8.2.1):
 *  1. Run the non-recursive term (lefttree); return its rows and put them
 *     in the working table.
 *  2. Run the recursive term (righttree), whose WorkTableScans read the
 *     working table; return its rows and put them in the intermediate
 *     table.  When it is exhausted: if the intermediate table is empty,
 *     stop; else it becomes the working table, a new empty intermediate
 *     table is started, the recursive term is marked changed and rescanned,
 *     and step 2 repeats.
 * For UNION (numCols > 0) a row equal to one already returned (NULLs
 * equal) is dropped before it is returned or stored.
 *
 * Memory: both tables are tuplestores (spill to temp files past work_mem).
 * The duplicate hash table keeps every distinct row returned; past
 * 2 x work_mem (PostgreSQL 15's hash memory) it is an error (53200), like hash aggregation (decision 7),
 * never unbounded growth.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"
#include "executor/tuplestore.h"

typedef struct RUHashEntry
{
    struct RUHashEntry *next;
    uint32      hash;
    HeapTuple   tuple;
} RUHashEntry;

/* ---------------------------------------------------------------- duplicates */

static uint32
ru_hash(RecursiveUnionState *node, TupleTableSlot *slot)
{
    RecursiveUnion *plan = (RecursiveUnion *) node->ps.plan;
    uint32      h = 0;

    for (int i = 0; i < plan->numCols; i++)
    {
        bool        isnull;
        Datum       v = slot_getattr(slot, plan->dupColIdx[i], &isnull);

        h = (h << 1) | (h >> 31);
        if (!isnull)
            h ^= DatumGetUInt32(FunctionCall1Coll(&node->hashfunctions[i],
                                                  plan->dupCollations[i], v));
    }
    return h;
}

static bool
ru_equal(RecursiveUnionState *node, TupleTableSlot *a, TupleTableSlot *b)
{
    RecursiveUnion *plan = (RecursiveUnion *) node->ps.plan;

    for (int i = 0; i < plan->numCols; i++)
    {
        int         att = plan->dupColIdx[i];
        bool        an,
                    bn;
        Datum       av = slot_getattr(a, att, &an);
        Datum       bv = slot_getattr(b, att, &bn);

        if (an != bn)
            return false;
        if (!an && !DatumGetBool(FunctionCall2Coll(&node->eqfunctions[i],
                                                   plan->dupCollations[i], av, bv)))
            return false;
    }
    return true;
}

static void
ru_hash_reset(RecursiveUnionState *node)
{
    MemoryContextReset(node->tableContext);
    node->nbuckets = 1024;
    node->nentries = 0;
    node->buckets = MemoryContextAllocZero(node->tableContext,
                                           sizeof(RUHashEntry *) * node->nbuckets);
    node->hash_mem_used = sizeof(RUHashEntry *) * node->nbuckets;
}

static void
ru_hash_grow(RecursiveUnionState *node)
{
    uint32      newn = node->nbuckets * 2;
    RUHashEntry **nb = MemoryContextAllocZero(node->tableContext, sizeof(RUHashEntry *) * newn);

    for (uint32 b = 0; b < node->nbuckets; b++)
    {
        RUHashEntry *e = node->buckets[b];

        while (e)
        {
            RUHashEntry *next = e->next;

            e->next = nb[e->hash & (newn - 1)];
            nb[e->hash & (newn - 1)] = e;
            e = next;
        }
    }
    node->hash_mem_used += sizeof(RUHashEntry *) * newn;
    node->buckets = nb;
    node->nbuckets = newn;
}

/* True if slot's row is new (and remember it); false for a duplicate. */
static bool
ru_remember(RecursiveUnionState *node, TupleTableSlot *slot)
{
    uint32      h = ru_hash(node, slot);
    RUHashEntry *e;
    MemoryContext old;

    for (e = node->buckets[h & (node->nbuckets - 1)]; e; e = e->next)
    {
        if (e->hash != h)
            continue;
        ExecStoreHeapTuple(e->tuple, node->hashslot, false);
        if (ru_equal(node, node->hashslot, slot))
        {
            ExecClearTuple(node->hashslot);
            return false;
        }
    }
    ExecClearTuple(node->hashslot);
    old = MemoryContextSwitchTo(node->tableContext);
    e = palloc(sizeof(RUHashEntry));
    e->hash = h;
    e->tuple = ExecCopySlotHeapTuple(slot);
    MemoryContextSwitchTo(old);
    e->next = node->buckets[h & (node->nbuckets - 1)];
    node->buckets[h & (node->nbuckets - 1)] = e;
    node->nentries++;
    node->hash_mem_used += sizeof(RUHashEntry) + HEAPTUPLESIZE + e->tuple->t_len;
    /* PostgreSQL 15's hash_mem_multiplier default: 2 x work_mem */
    if (node->hash_mem_used > (Size) work_mem * 1024 * 2)
        ereport(ERROR,
                (errcode(ERRCODE_OUT_OF_MEMORY),
                 errmsg("recursive UNION exceeded work_mem"),
                 errhint("Use UNION ALL, or raise work_mem.")));
    if (node->nentries > (uint64) node->nbuckets * 2)
        ru_hash_grow(node);
    return true;
}

/* ---------------------------------------------------------------- execution */

static Tuplestorestate *
ru_new_table(RecursiveUnionState *node)
{
    MemoryContext old = MemoryContextSwitchTo(node->ps.state->es_query_cxt);
    Tuplestorestate *ts = tuplestore_begin(work_mem);

    MemoryContextSwitchTo(old);
    return ts;
}

static TupleTableSlot *
ExecRecursiveUnion(PlanState *pstate)
{
    RecursiveUnionState *node = (RecursiveUnionState *) pstate;
    RecursiveUnion *plan = (RecursiveUnion *) node->ps.plan;
    PlanState  *outer = outerPlanState(node);
    PlanState  *inner = innerPlanState(node);
    TupleTableSlot *slot;

    /* 1. the non-recursive term */
    while (!node->recursing)
    {
        CHECK_FOR_INTERRUPTS();
        slot = ExecProcNode(outer);
        if (TupIsNull(slot))
        {
            node->recursing = true;
            tuplestore_rescan(node->working_table);
            break;
        }
        if (plan->numCols > 0 && !ru_remember(node, slot))
            continue;
        tuplestore_puttupleslot(node->working_table, slot);
        return slot;
    }

    /* 2. the recursive term, iterated */
    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        slot = ExecProcNode(inner);
        if (TupIsNull(slot))
        {
            if (node->intermediate_empty)
                return NULL;
            /* the intermediate table becomes the working table */
            tuplestore_end(node->working_table);
            node->working_table = node->intermediate_table;
            tuplestore_rescan(node->working_table);
            node->intermediate_table = ru_new_table(node);
            node->intermediate_empty = true;
            ExecMarkParamsChanged(inner);
            ExecReScan(inner);
            continue;
        }
        if (plan->numCols > 0 && !ru_remember(node, slot))
            continue;
        node->intermediate_empty = false;
        tuplestore_puttupleslot(node->intermediate_table, slot);
        return slot;
    }
}

RecursiveUnionState *
ExecInitRecursiveUnion(RecursiveUnion *node, EState *estate, int eflags)
{
    RecursiveUnionState *rustate = makeNode(RecursiveUnionState);
    ParamExecData *prm = &estate->es_param_exec_vals[node->wtParam];

    rustate->ps.plan = (Plan *) node;
    rustate->ps.state = estate;
    rustate->ps.ExecProcNode = ExecRecursiveUnion;
    rustate->working_table = ru_new_table(rustate);
    rustate->intermediate_table = ru_new_table(rustate);
    rustate->intermediate_empty = true;
    ExecInitResultTupleSlotTL(&rustate->ps);

    /* the WorkTableScans in the recursive term find us here */
    prm->execPlan = NULL;
    prm->value = PointerGetDatum(rustate);
    prm->isnull = false;

    if (node->numCols > 0)
    {
        TupleDesc   desc = rustate->ps.ps_ResultTupleDesc;

        rustate->eqfunctions = palloc0(sizeof(FmgrInfo) * (Size) node->numCols);
        rustate->hashfunctions = palloc0(sizeof(FmgrInfo) * (Size) node->numCols);
        for (int c = 0; c < node->numCols; c++)
        {
            const OperInfo *eqop = lookup_operator(node->dupOperators[c]);
            Oid         coltype = TupleDescAttr(desc, node->dupColIdx[c] - 1)->atttypid;
            const TypeCacheInfo *tc = lookup_type_cache(coltype);

            if (eqop == NULL)
                elog(ERROR, "cache lookup failed for operator %u", node->dupOperators[c]);
            fmgr_info(eqop->oprcode, &rustate->eqfunctions[c]);
            if (tc == NULL || !OidIsValid(tc->hash_proc))
                ereport(ERROR,
                        (errcode(ERRCODE_UNDEFINED_FUNCTION),
                         errmsg("could not identify a hash function for type %s",
                                format_type_be(coltype))));
            fmgr_info(tc->hash_proc, &rustate->hashfunctions[c]);
        }
        rustate->tableContext = AllocSetContextCreate(estate->es_query_cxt, "RecursiveUnion");
        rustate->hashslot = ExecInitExtraTupleSlot(estate, desc);
        ru_hash_reset(rustate);
    }

    outerPlanState(rustate) = ExecInitNode(outerPlan(node), estate, eflags);
    innerPlanState(rustate) = ExecInitNode(innerPlan(node), estate, eflags);
    return rustate;
}

void
ExecEndRecursiveUnion(RecursiveUnionState *node)
{
    ExecEndNode(outerPlanState(node));
    ExecEndNode(innerPlanState(node));
    tuplestore_end(node->working_table);
    tuplestore_end(node->intermediate_table);
    node->working_table = node->intermediate_table = NULL;
}

void
ExecReScanRecursiveUnion(RecursiveUnionState *node)
{
    /* the recursive term depends on the work table: always rerun it */
    ExecMarkParamsChanged(innerPlanState(node));
    ExecReScan(outerPlanState(node));
    tuplestore_end(node->working_table);
    tuplestore_end(node->intermediate_table);
    node->working_table = ru_new_table(node);
    node->intermediate_table = ru_new_table(node);
    node->intermediate_empty = true;
    node->recursing = false;
    if (node->tableContext)
        ru_hash_reset(node);
    ExecReScan(innerPlanState(node));
}
