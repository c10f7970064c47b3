/*-------------------------------------------------------------------------
 * nodeHash.c
 *    The build side of a hash join: reads every row of its child (the
 *    join's inner input) into an in-memory hash table keyed on the join
 *    keys.
 *
 *    The table's tuples live in hashCxt.  Its size is checked against
 *    work_mem as it grows; past it the join fails with 53200 and a hint,
 *    never growing without bound.  (Batching to temp files comes with the
 *    planner issue.)  Rows whose keys contain a NULL are kept only when
 *    the join must return unmatched inner rows (RIGHT/FULL), since a
 *    strict equality can never match them.
 *
 *    Hash values: each key is hashed with its type's standard hash
 *    function and combined by rotate-and-xor; the outer side uses the
 *    outer key types' functions, which for operators in one hash operator
 *    family give equal hashes for equal values (int4 vs int8 etc.).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/execnodes.h"

static TupleTableSlot *
ExecHash(PlanState *pstate)
{
    elog(ERROR, "Hash node does not support ExecProcNode call convention");
    return NULL;
}

static FmgrInfo *
hash_functions_for(List *keyexprs)
{
    FmgrInfo   *funcs = palloc0(sizeof(FmgrInfo) * (Size) Max(list_length(keyexprs), 1));
    ListCell   *lc;
    int         i = 0;

    foreach(lc, keyexprs)
    {
        Oid         keytype = exprType(lfirst(lc));
        const TypeCacheInfo *tc = lookup_type_cache(keytype);

        if (tc == NULL || !OidIsValid(tc->hash_proc))
            ereport(ERROR,
                    (errcode(ERRCODE_UNDEFINED_FUNCTION),
                     errmsg("could not identify a hash function for type %s",
                            format_type_be(keytype))));
        fmgr_info(tc->hash_proc, &funcs[i++]);
    }
    return funcs;
}

/* outerKeys: the join's outer-side key expressions, for their hash functions. */
HashJoinTable
ExecHashTableCreate(HashState *node, List *outerKeys, List *hashCollations)
{
    Hash       *plan = (Hash *) node->ps.plan;
    HashJoinTable ht = palloc0(sizeof(HashJoinTableData));
    ListCell   *lc;
    int         i = 0;

    ht->nkeys = list_length(plan->hashkeys);
    ht->hashCxt = AllocSetContextCreate(CurrentMemoryContext, "HashTableContext");
    ht->spaceAllowed = (Size) work_mem * 1024;
    ht->nbuckets = 1024;
    ht->buckets = MemoryContextAllocZero(ht->hashCxt, sizeof(HashJoinTuple) * ht->nbuckets);
    ht->inner_hashfunctions = hash_functions_for(plan->hashkeys);
    ht->outer_hashfunctions = hash_functions_for(outerKeys);
    ht->collations = palloc0(sizeof(Oid) * (Size) Max(ht->nkeys, 1));
    foreach(lc, hashCollations)
        ht->collations[i++] = lfirst_oid(lc);
    return ht;
}

/*
 * Hash the current row's keys.  Returns false if a key is NULL (such a
 * row cannot match through a strict equality operator).
 */
bool
ExecHashGetHashValue(HashJoinTable hashtable, ExprContext *econtext, List *hashkeys,
                     bool outer_tuple, uint32 *hashvalue)
{
    FmgrInfo   *funcs = outer_tuple ? hashtable->outer_hashfunctions :
        hashtable->inner_hashfunctions;
    uint32      h = 0;
    ListCell   *lc;
    int         i = 0;
    MemoryContext old = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);

    foreach(lc, hashkeys)
    {
        bool        isnull;
        Datum       key = ExecEvalExpr(lfirst(lc), econtext, &isnull);

        if (isnull)
        {
            MemoryContextSwitchTo(old);
            *hashvalue = 0;
            return false;
        }
        h = (h << 1) | (h >> 31);
        h ^= DatumGetUInt32(FunctionCall1Coll(&funcs[i], hashtable->collations[i], key));
        i++;
    }
    MemoryContextSwitchTo(old);
    *hashvalue = h;
    return true;
}

static void
grow_buckets(HashJoinTable ht)
{
    uint32      newn = ht->nbuckets * 2;
    HashJoinTuple *nb = MemoryContextAllocZero(ht->hashCxt, sizeof(HashJoinTuple) * newn);

    for (uint32 i = 0; i < ht->nbuckets; i++)
    {
        HashJoinTuple t = ht->buckets[i];

        while (t)
        {
            HashJoinTuple next = t->next;
            uint32      b = t->hashvalue & (newn - 1);

            t->next = nb[b];
            nb[b] = t;
            t = next;
        }
    }
    pfree(ht->buckets);
    ht->buckets = nb;
    ht->nbuckets = newn;
}

void
MultiExecHash(HashState *node, HashJoinTable hashtable)
{
    PlanState  *outer = outerPlanState(node);
    ExprContext *econtext = node->ps.ps_ExprContext;
    bool        keep_nulls = hashtable->keepNulls;

    node->hashtable = hashtable;
    for (;;)
    {
        TupleTableSlot *slot;
        uint32      hashvalue;
        HashJoinTuple hjt;
        MemoryContext old;

        CHECK_FOR_INTERRUPTS();
        slot = ExecProcNode(outer);
        if (TupIsNull(slot))
            break;
        ResetExprContext(econtext);
        econtext->ecxt_outertuple = slot;
        if (!ExecHashGetHashValue(hashtable, econtext, node->hashkeys, false, &hashvalue) &&
            !keep_nulls)
            continue;
        old = MemoryContextSwitchTo(hashtable->hashCxt);
        hjt = palloc(sizeof(HashJoinTupleData));
        hjt->hashvalue = hashvalue;
        hjt->matched = false;
        hjt->tuple = ExecCopySlotHeapTuple(slot);
        MemoryContextSwitchTo(old);
        hjt->next = hashtable->buckets[hashvalue & (hashtable->nbuckets - 1)];
        hashtable->buckets[hashvalue & (hashtable->nbuckets - 1)] = hjt;
        if (++hashtable->ntuples > hashtable->nbuckets)
            grow_buckets(hashtable);
        if (MemoryContextMemAllocated(hashtable->hashCxt, false) > hashtable->spaceAllowed)
            ereport(ERROR,
                    (errcode(ERRCODE_OUT_OF_MEMORY),
                     errmsg("hash join exceeded work_mem (%d kB)", work_mem),
                     errhint("Increase work_mem, or reduce the size of the join's inner input.")));
    }
}

HashState *
ExecInitHash(Hash *node, EState *estate, int eflags)
{
    HashState  *hs = makeNode(HashState);
    ListCell   *lc;

    hs->ps.plan = (Plan *) node;
    hs->ps.state = estate;
    hs->ps.ExecProcNode = ExecHash;
    ExecAssignExprContext(estate, &hs->ps);
    outerPlanState(hs) = ExecInitNode(outerPlan(node), estate, eflags);
    hs->ps.ps_ResultTupleDesc = ExecGetResultType(outerPlanState(hs));
    hs->ps.ps_ResultTupleSlot = ExecInitExtraTupleSlot(estate, hs->ps.ps_ResultTupleDesc);
    foreach(lc, node->hashkeys)
        hs->hashkeys = lappend(hs->hashkeys, ExecInitExpr(lfirst(lc), &hs->ps));
    return hs;
}

void
ExecEndHash(HashState *node)
{
    ExecEndNode(outerPlanState(node));
}

void
ExecReScanHash(HashState *node)
{
    ExecReScan(outerPlanState(node));
}
