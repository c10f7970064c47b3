/*-------------------------------------------------------------------------
 * nodeHashjoin.c
 *    Hash join: build a hash table on the inner input (nodeHash.c), then
 *    probe it with each outer row.  Supports INNER, LEFT, RIGHT, FULL,
 *    SEMI and ANTI joins.
 *
 *    States (HashJoinPhase):
 *      BUILD_HASHTABLE   first call: build the table from the inner side
 *      NEED_NEW_OUTER    fetch the next outer row and hash its keys
 *      SCAN_BUCKET       walk the bucket chain for matches
 *      FILL_OUTER_TUPLE  emit the outer row null-extended (LEFT/FULL/ANTI)
 *      FILL_INNER_TUPLES after the outer side ends, emit unmatched inner
 *                        rows null-extended (RIGHT/FULL)
 *    A match must pass hashclauses (the real equality; hash values only
 *    select candidates), then joinqual; qual filters the joined row.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "executor/execnodes.h"

static bool
fill_outer(JoinType jt)
{
    return jt == JOIN_LEFT || jt == JOIN_FULL || jt == JOIN_ANTI;
}

static bool
fill_inner(JoinType jt)
{
    return jt == JOIN_RIGHT || jt == JOIN_FULL;
}

static TupleTableSlot *
ExecHashJoin(PlanState *pstate)
{
    HashJoinState *node = (HashJoinState *) pstate;
    HashJoin   *plan = (HashJoin *) node->ps.plan;
    JoinType    jointype = plan->join.jointype;
    ExprContext *econtext = node->ps.ps_ExprContext;
    HashState  *hashNode = (HashState *) innerPlanState(node);
    HashJoinTable ht;

    for (;;)
    {
        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        switch (node->hj_JoinState)
        {
            case HJ_BUILD_HASHTABLE:
                {
                    MemoryContext old = MemoryContextSwitchTo(node->ps.state->es_query_cxt);

                    ht = ExecHashTableCreate(hashNode, plan->hashkeys, plan->hashcollations);
                    ht->keepNulls = fill_inner(jointype);
                    MemoryContextSwitchTo(old);
                    node->hj_HashTable = ht;
                    MultiExecHash(hashNode, ht);
                    if (ht->ntuples == 0 && !fill_outer(jointype))
                    {
                        node->hj_JoinState = HJ_DONE;   /* nothing can match */
                        return NULL;
                    }
                    node->hj_JoinState = HJ_NEED_NEW_OUTER;
                    break;
                }

            case HJ_NEED_NEW_OUTER:
                {
                    TupleTableSlot *outerslot = ExecProcNode(outerPlanState(node));
                    bool        haskey;

                    if (TupIsNull(outerslot))
                    {
                        if (fill_inner(jointype))
                        {
                            node->hj_JoinState = HJ_FILL_INNER_TUPLES;
                            node->hj_CurBucketNo = 0;
                            node->hj_CurTuple = NULL;
                            break;
                        }
                        node->hj_JoinState = HJ_DONE;
                        return NULL;
                    }
                    node->hj_OuterTupleSlot = outerslot;
                    econtext->ecxt_outertuple = outerslot;
                    node->hj_MatchedOuter = false;
                    haskey = ExecHashGetHashValue(node->hj_HashTable, econtext,
                                                  node->hj_OuterHashKeys, true,
                                                  &node->hj_CurHashValue);
                    if (!haskey)
                    {
                        /* a NULL key matches nothing */
                        if (fill_outer(jointype))
                            node->hj_JoinState = HJ_FILL_OUTER_TUPLE;
                        break;
                    }
                    ht = node->hj_HashTable;
                    node->hj_CurTuple = ht->buckets[node->hj_CurHashValue & (ht->nbuckets - 1)];
                    node->hj_JoinState = HJ_SCAN_BUCKET;
                    break;
                }

            case HJ_SCAN_BUCKET:
                {
                    HashJoinTuple t = node->hj_CurTuple;

                    econtext->ecxt_outertuple = node->hj_OuterTupleSlot;
                    while (t && t->hashvalue != node->hj_CurHashValue)
                        t = t->next;
                    if (t == NULL)
                    {
                        node->hj_JoinState = (!node->hj_MatchedOuter && fill_outer(jointype)) ?
                            HJ_FILL_OUTER_TUPLE : HJ_NEED_NEW_OUTER;
                        break;
                    }
                    node->hj_CurTuple = t->next;
                    ExecStoreHeapTuple(t->tuple, node->hj_HashTupleSlot, false);
                    econtext->ecxt_innertuple = node->hj_HashTupleSlot;
                    if (!ExecQual(node->hashclauses, econtext) ||
                        !ExecQual(node->joinqual, econtext))
                        break;
                    node->hj_MatchedOuter = true;
                    t->matched = true;
                    if (jointype == JOIN_ANTI)
                    {
                        node->hj_JoinState = HJ_NEED_NEW_OUTER;
                        break;
                    }
                    if (jointype == JOIN_SEMI)
                        node->hj_JoinState = HJ_NEED_NEW_OUTER;
                    if (ExecQual(node->ps.qual, econtext))
                        return ExecProject(node->ps.ps_ProjInfo);
                    break;
                }

            case HJ_FILL_OUTER_TUPLE:
                node->hj_JoinState = HJ_NEED_NEW_OUTER;
                econtext->ecxt_outertuple = node->hj_OuterTupleSlot;
                econtext->ecxt_innertuple = node->hj_NullInnerTupleSlot;
                if (ExecQual(node->ps.qual, econtext))
                    return ExecProject(node->ps.ps_ProjInfo);
                break;

            case HJ_FILL_INNER_TUPLES:
                {
                    HashJoinTuple t = node->hj_CurTuple;

                    ht = node->hj_HashTable;
                    while (t == NULL || t->matched)
                    {
                        if (t == NULL)
                        {
                            if (node->hj_CurBucketNo >= ht->nbuckets)
                            {
                                node->hj_JoinState = HJ_DONE;
                                return NULL;
                            }
                            t = ht->buckets[node->hj_CurBucketNo++];
                        }
                        else
                            t = t->next;
                    }
                    node->hj_CurTuple = t->next;
                    ExecStoreHeapTuple(t->tuple, node->hj_HashTupleSlot, false);
                    econtext->ecxt_outertuple = node->hj_NullOuterTupleSlot;
                    econtext->ecxt_innertuple = node->hj_HashTupleSlot;
                    if (ExecQual(node->ps.qual, econtext))
                        return ExecProject(node->ps.ps_ProjInfo);
                    break;
                }

            case HJ_DONE:
                return NULL;
        }
    }
}

static TupleTableSlot *
make_null_slot(EState *estate, TupleDesc desc)
{
    TupleTableSlot *slot = ExecInitExtraTupleSlot(estate, desc);

    for (int i = 0; i < desc->natts; i++)
        slot->tts_isnull[i] = true;
    return ExecStoreVirtualTuple(slot);
}

HashJoinState *
ExecInitHashJoin(HashJoin *node, EState *estate, int eflags)
{
    HashJoinState *hj = makeNode(HashJoinState);
    HashState  *hashstate;
    ListCell   *lc;

    hj->ps.plan = (Plan *) node;
    hj->ps.state = estate;
    hj->ps.ExecProcNode = ExecHashJoin;
    ExecAssignExprContext(estate, &hj->ps);
    outerPlanState(hj) = ExecInitNode(outerPlan(node), estate, eflags);
    innerPlanState(hj) = ExecInitNode(innerPlan(node), estate, eflags);
    if (!IsA(innerPlanState(hj), HashState))
        elog(ERROR, "inner plan of a hash join must be a Hash node");
    hashstate = (HashState *) innerPlanState(hj);

    ExecInitResultTupleSlotTL(&hj->ps);
    ExecAssignProjectionInfo(&hj->ps, NULL);
    hj->ps.qual = ExecInitQual(node->join.plan.qual, &hj->ps);
    hj->joinqual = ExecInitQual(node->join.joinqual, &hj->ps);
    hj->hashclauses = ExecInitQual(node->hashclauses, &hj->ps);
    foreach(lc, node->hashkeys)
        hj->hj_OuterHashKeys = lappend(hj->hj_OuterHashKeys, ExecInitExpr(lfirst(lc), &hj->ps));

    hj->hj_HashTupleSlot = ExecInitExtraTupleSlot(estate, ExecGetResultType(&hashstate->ps));
    hj->hj_NullInnerTupleSlot = make_null_slot(estate, ExecGetResultType(&hashstate->ps));
    hj->hj_NullOuterTupleSlot = make_null_slot(estate, ExecGetResultType(outerPlanState(hj)));
    hj->hj_JoinState = HJ_BUILD_HASHTABLE;
    return hj;
}

void
ExecEndHashJoin(HashJoinState *node)
{
    if (node->hj_HashTable)
        MemoryContextDelete(node->hj_HashTable->hashCxt);
    node->hj_HashTable = NULL;
    ExecEndNode(outerPlanState(node));
    ExecEndNode(innerPlanState(node));
}

void
ExecReScanHashJoin(HashJoinState *node)
{
    if (node->hj_HashTable)
        MemoryContextDelete(node->hj_HashTable->hashCxt);
    node->hj_HashTable = NULL;
    node->hj_JoinState = HJ_BUILD_HASHTABLE;
    ExecReScan(outerPlanState(node));
    ExecReScan(innerPlanState(node));
}
