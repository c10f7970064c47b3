/*-------------------------------------------------------------------------
 * copyfuncs.c
 *    copyObject() for every node the analyzer and the optimizer build:
 *    expressions (primnodes.h), Query and its clauses (parsenodes.h), and
 *    plan nodes (plannodes_defs.h), plus copyRawNode for libpg_query trees.
 *
 * Field-by-field, in PostgreSQL's style (its copyfuncs.c).  When you add a
 * field to a node in primnodes.h, parsenodes.h or plannodes_defs.h, add it
 * here (and in equalfuncs.c): a field missing from a copy silently becomes
 * zero, and plans are copied into the plan cache.
 *
 * Some List fields hold C strings rather than Nodes (Alias.colnames,
 * JoinExpr.usingClause, RowExpr.colnames, SubLink.operName, the CTE name
 * lists): those are copied with copy_string_list, never with copyObject,
 * which assumes a List's elements are Nodes.  Raw parse trees
 * (Query.utilityStmt) are copied by packing and unpacking them.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "planner/nodefuncs.h"
#include "planner/plannodes.h"

/* ================================================================ copy */

#define COPY_SCALAR_FIELD(f)    (newnode->f = from->f)
#define COPY_NODE_FIELD(f)      (newnode->f = copyObjectImpl(from->f))
#define COPY_STRING_FIELD(f)    (newnode->f = from->f ? pstrdup(from->f) : NULL)
#define COPY_STRLIST_FIELD(f)   (newnode->f = copy_string_list(from->f))
#define COPY_RAW_FIELD(f)       (newnode->f = from->f ? copyRawNode(from->f) : NULL)
#define COPY_ARRAY_FIELD(f, n) \
    do { \
        if (from->f && (n) > 0) { \
            newnode->f = palloc(sizeof(*from->f) * (n)); \
            memcpy(newnode->f, from->f, sizeof(*from->f) * (n)); \
        } else newnode->f = NULL; \
    } while (0)

List *
copy_string_list(const List *from)
{
    List       *result = NIL;
    ListCell   *lc;

    foreach(lc, from)
        result = lappend(result, lfirst(lc) ? pstrdup((char *) lfirst(lc)) : NULL);
    return result;
}

static void *
flat_copy(const void *from, size_t size)
{
    void       *newnode = palloc(size);

    memcpy(newnode, from, size);
    return newnode;
}

static List *
copy_list(const List *from)
{
    List       *result;
    ListCell   *lc;

    if (from == NIL)
        return NIL;
    if (from->type != T_List)
        return list_copy(from);     /* int and OID lists: values, not nodes */
    result = NIL;
    foreach(lc, from)
        result = lappend(result, copyObjectImpl(lfirst(lc)));
    return result;
}

RawNode *
copyRawNode(const RawNode *from)
{
    size_t      len;
    uint8_t    *buf;
    RawNode    *result;

    if (from == NULL)
        return NULL;
    len = protobuf_c_message_get_packed_size(&from->base);
    buf = palloc(len > 0 ? len : 1);
    protobuf_c_message_pack(&from->base, buf);
    result = pg_query__node__unpack(raw_parser_allocator(), len, buf);
    if (result == NULL)
        elog(ERROR, "could not copy a raw parse tree");
    return result;
}

/* Copy the fields common to all plan nodes. */
static void
copy_plan_fields(const Plan *from, Plan *newnode)
{
    COPY_NODE_FIELD(targetlist);
    COPY_NODE_FIELD(qual);
    COPY_NODE_FIELD(lefttree);
    COPY_NODE_FIELD(righttree);
    COPY_NODE_FIELD(initPlan);
}

static void *
copy_plan_node(const Node *fromnode, size_t size)
{
    Plan       *newnode = flat_copy(fromnode, size);

    copy_plan_fields((const Plan *) fromnode, newnode);
    return newnode;
}

/*
 * copyObjectImpl
 *    Deep copy of any node this module knows, allocated in
 *    CurrentMemoryContext.  NULL copies to NULL.
 */
void *
copyObjectImpl(const void *obj)
{
    const Node *node = obj;

    if (node == NULL)
        return NULL;

    switch (nodeTag(node))
    {
        case T_List:
        case T_IntList:
        case T_OidList:
            return copy_list((const List *) node);

        case T_Alias:
            {
                const Alias *from = obj;
                Alias      *newnode = flat_copy(from, sizeof(Alias));

                COPY_STRING_FIELD(aliasname);
                COPY_STRLIST_FIELD(colnames);
                return newnode;
            }
        case T_RangeVar:
            {
                const RangeVar *from = obj;
                RangeVar   *newnode = flat_copy(from, sizeof(RangeVar));

                COPY_STRING_FIELD(schemaname);
                COPY_STRING_FIELD(relname);
                COPY_NODE_FIELD(alias);
                return newnode;
            }
        case T_Var:
            return flat_copy(node, sizeof(Var));
        case T_Const:
            {
                const Const *from = obj;
                Const      *newnode = flat_copy(from, sizeof(Const));

                if (!from->constisnull && !from->constbyval)
                {
                    Size        len;
                    void       *p;

                    if (from->constlen == -1)
                        len = VARSIZE(DatumGetPointer(from->constvalue));
                    else if (from->constlen == -2)
                        len = strlen(DatumGetCString(from->constvalue)) + 1;
                    else
                        len = from->constlen;
                    p = palloc(len);
                    memcpy(p, DatumGetPointer(from->constvalue), len);
                    newnode->constvalue = PointerGetDatum(p);
                }
                return newnode;
            }
        case T_Param:
            return flat_copy(node, sizeof(Param));
        case T_CaseTestExpr:
            return flat_copy(node, sizeof(CaseTestExpr));
        case T_SetToDefault:
            return flat_copy(node, sizeof(SetToDefault));
        case T_SQLValueFunction:
            return flat_copy(node, sizeof(SQLValueFunction));
        case T_RangeTblRef:
            return flat_copy(node, sizeof(RangeTblRef));
        case T_Aggref:
            {
                const Aggref *from = obj;
                Aggref     *newnode = flat_copy(from, sizeof(Aggref));

                COPY_NODE_FIELD(aggargtypes);
                COPY_NODE_FIELD(args);
                COPY_NODE_FIELD(aggorder);
                COPY_NODE_FIELD(aggdistinct);
                COPY_NODE_FIELD(aggfilter);
                return newnode;
            }
        case T_GroupingFunc:
            {
                const GroupingFunc *from = obj;
                GroupingFunc *newnode = flat_copy(from, sizeof(GroupingFunc));

                COPY_NODE_FIELD(args);
                COPY_NODE_FIELD(refs);
                COPY_NODE_FIELD(cols);
                return newnode;
            }
        case T_WindowFunc:
            {
                const WindowFunc *from = obj;
                WindowFunc *newnode = flat_copy(from, sizeof(WindowFunc));

                COPY_NODE_FIELD(args);
                COPY_NODE_FIELD(aggfilter);
                return newnode;
            }
        case T_FuncExpr:
            {
                const FuncExpr *from = obj;
                FuncExpr   *newnode = flat_copy(from, sizeof(FuncExpr));

                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                const OpExpr *from = obj;
                OpExpr     *newnode = flat_copy(from, sizeof(OpExpr));

                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_ScalarArrayOpExpr:
            {
                const ScalarArrayOpExpr *from = obj;
                ScalarArrayOpExpr *newnode = flat_copy(from, sizeof(ScalarArrayOpExpr));

                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_BoolExpr:
            {
                const BoolExpr *from = obj;
                BoolExpr   *newnode = flat_copy(from, sizeof(BoolExpr));

                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_SubLink:
            {
                const SubLink *from = obj;
                SubLink    *newnode = flat_copy(from, sizeof(SubLink));

                COPY_NODE_FIELD(testexpr);
                COPY_STRLIST_FIELD(operName);
                COPY_NODE_FIELD(subselect);
                return newnode;
            }
        case T_SubPlan:
            {
                const SubPlan *from = obj;
                SubPlan    *newnode = flat_copy(from, sizeof(SubPlan));

                COPY_NODE_FIELD(testexpr);
                COPY_NODE_FIELD(paramIds);
                COPY_STRING_FIELD(plan_name);
                COPY_NODE_FIELD(setParam);
                COPY_NODE_FIELD(parParam);
                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_RelabelType:
            {
                const RelabelType *from = obj;
                RelabelType *newnode = flat_copy(from, sizeof(RelabelType));

                COPY_NODE_FIELD(arg);
                return newnode;
            }
        case T_CoerceViaIO:
            {
                const CoerceViaIO *from = obj;
                CoerceViaIO *newnode = flat_copy(from, sizeof(CoerceViaIO));

                COPY_NODE_FIELD(arg);
                return newnode;
            }
        case T_ArrayCoerceExpr:
            {
                const ArrayCoerceExpr *from = obj;
                ArrayCoerceExpr *newnode = flat_copy(from, sizeof(ArrayCoerceExpr));

                COPY_NODE_FIELD(arg);
                COPY_NODE_FIELD(elemexpr);
                return newnode;
            }
        case T_CaseExpr:
            {
                const CaseExpr *from = obj;
                CaseExpr   *newnode = flat_copy(from, sizeof(CaseExpr));

                COPY_NODE_FIELD(arg);
                COPY_NODE_FIELD(args);
                COPY_NODE_FIELD(defresult);
                return newnode;
            }
        case T_CaseWhen:
            {
                const CaseWhen *from = obj;
                CaseWhen   *newnode = flat_copy(from, sizeof(CaseWhen));

                COPY_NODE_FIELD(expr);
                COPY_NODE_FIELD(result);
                return newnode;
            }
        case T_ArrayExpr:
            {
                const ArrayExpr *from = obj;
                ArrayExpr  *newnode = flat_copy(from, sizeof(ArrayExpr));

                COPY_NODE_FIELD(elements);
                return newnode;
            }
        case T_SubscriptingRef:
            {
                const SubscriptingRef *from = obj;
                SubscriptingRef *newnode = flat_copy(from, sizeof(SubscriptingRef));

                COPY_NODE_FIELD(refupperindexpr);
                COPY_NODE_FIELD(reflowerindexpr);
                COPY_NODE_FIELD(refexpr);
                COPY_NODE_FIELD(refassgnexpr);
                return newnode;
            }
        case T_FieldSelect:
            {
                const FieldSelect *from = obj;
                FieldSelect *newnode = flat_copy(from, sizeof(FieldSelect));

                COPY_NODE_FIELD(arg);
                return newnode;
            }
        case T_RowExpr:
            {
                const RowExpr *from = obj;
                RowExpr    *newnode = flat_copy(from, sizeof(RowExpr));

                COPY_NODE_FIELD(args);
                COPY_STRLIST_FIELD(colnames);
                return newnode;
            }
        case T_CoalesceExpr:
            {
                const CoalesceExpr *from = obj;
                CoalesceExpr *newnode = flat_copy(from, sizeof(CoalesceExpr));

                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_MinMaxExpr:
            {
                const MinMaxExpr *from = obj;
                MinMaxExpr *newnode = flat_copy(from, sizeof(MinMaxExpr));

                COPY_NODE_FIELD(args);
                return newnode;
            }
        case T_NullTest:
            {
                const NullTest *from = obj;
                NullTest   *newnode = flat_copy(from, sizeof(NullTest));

                COPY_NODE_FIELD(arg);
                return newnode;
            }
        case T_BooleanTest:
            {
                const BooleanTest *from = obj;
                BooleanTest *newnode = flat_copy(from, sizeof(BooleanTest));

                COPY_NODE_FIELD(arg);
                return newnode;
            }
        case T_TargetEntry:
            {
                const TargetEntry *from = obj;
                TargetEntry *newnode = flat_copy(from, sizeof(TargetEntry));

                COPY_NODE_FIELD(expr);
                COPY_STRING_FIELD(resname);
                return newnode;
            }
        case T_JoinExpr:
            {
                const JoinExpr *from = obj;
                JoinExpr   *newnode = flat_copy(from, sizeof(JoinExpr));

                COPY_NODE_FIELD(larg);
                COPY_NODE_FIELD(rarg);
                COPY_STRLIST_FIELD(usingClause);
                COPY_NODE_FIELD(quals);
                COPY_NODE_FIELD(alias);
                return newnode;
            }
        case T_FromExpr:
            {
                const FromExpr *from = obj;
                FromExpr   *newnode = flat_copy(from, sizeof(FromExpr));

                COPY_NODE_FIELD(fromlist);
                COPY_NODE_FIELD(quals);
                return newnode;
            }

            /* ---- parsenodes.h ---- */
        case T_Query:
            {
                const Query *from = obj;
                Query      *newnode = flat_copy(from, sizeof(Query));

                COPY_RAW_FIELD(utilityStmt);
                COPY_NODE_FIELD(cteList);
                COPY_NODE_FIELD(rtable);
                COPY_NODE_FIELD(jointree);
                COPY_NODE_FIELD(targetList);
                COPY_NODE_FIELD(returningList);
                COPY_NODE_FIELD(withCheckOptions);
                COPY_NODE_FIELD(groupClause);
                COPY_NODE_FIELD(groupingSets);
                COPY_NODE_FIELD(havingQual);
                COPY_NODE_FIELD(windowClause);
                COPY_NODE_FIELD(distinctClause);
                COPY_NODE_FIELD(sortClause);
                COPY_NODE_FIELD(limitOffset);
                COPY_NODE_FIELD(limitCount);
                COPY_NODE_FIELD(setOperations);
                COPY_NODE_FIELD(constraintDeps);
                COPY_NODE_FIELD(rowMarks);
                COPY_NODE_FIELD(arbiterIndexes);
                COPY_NODE_FIELD(onConflictSet);
                COPY_NODE_FIELD(onConflictWhere);
                return newnode;
            }
        case T_RowMarkClause:
            return flat_copy(obj, sizeof(RowMarkClause));
        case T_PlanRowMark:
            return flat_copy(obj, sizeof(PlanRowMark));
        case T_RangeTblEntry:
            {
                const RangeTblEntry *from = obj;
                RangeTblEntry *newnode = flat_copy(from, sizeof(RangeTblEntry));

                COPY_NODE_FIELD(subquery);
                COPY_NODE_FIELD(joinaliasvars);
                COPY_NODE_FIELD(functions);
                COPY_NODE_FIELD(funccolcounts);
                COPY_NODE_FIELD(values_lists);
                COPY_STRING_FIELD(ctename);
                COPY_NODE_FIELD(coltypes);
                COPY_NODE_FIELD(coltypmods);
                COPY_NODE_FIELD(colcollations);
                COPY_NODE_FIELD(alias);
                COPY_NODE_FIELD(eref);
                return newnode;
            }
        case T_SortGroupClause:
            return flat_copy(node, sizeof(SortGroupClause));
        case T_GroupingSet:
            {
                const GroupingSet *from = obj;
                GroupingSet *newnode = flat_copy(from, sizeof(GroupingSet));

                COPY_NODE_FIELD(content);
                return newnode;
            }
        case T_WindowClause:
            {
                const WindowClause *from = obj;
                WindowClause *newnode = flat_copy(from, sizeof(WindowClause));

                COPY_STRING_FIELD(name);
                COPY_STRING_FIELD(refname);
                COPY_NODE_FIELD(partitionClause);
                COPY_NODE_FIELD(orderClause);
                COPY_NODE_FIELD(startOffset);
                COPY_NODE_FIELD(endOffset);
                return newnode;
            }
        case T_CommonTableExpr:
            {
                const CommonTableExpr *from = obj;
                CommonTableExpr *newnode = flat_copy(from, sizeof(CommonTableExpr));

                COPY_STRING_FIELD(ctename);
                COPY_STRLIST_FIELD(aliascolnames);
                COPY_NODE_FIELD(ctequery);
                COPY_STRLIST_FIELD(ctecolnames);
                COPY_NODE_FIELD(ctecoltypes);
                COPY_NODE_FIELD(ctecoltypmods);
                COPY_NODE_FIELD(ctecolcollations);
                return newnode;
            }
        case T_SetOperationStmt:
            {
                const SetOperationStmt *from = obj;
                SetOperationStmt *newnode = flat_copy(from, sizeof(SetOperationStmt));

                COPY_NODE_FIELD(larg);
                COPY_NODE_FIELD(rarg);
                COPY_NODE_FIELD(colTypes);
                COPY_NODE_FIELD(colTypmods);
                COPY_NODE_FIELD(colCollations);
                COPY_NODE_FIELD(groupClauses);
                return newnode;
            }

            /* ---- plannodes.h ---- */
        case T_PlannedStmt:
            {
                const PlannedStmt *from = obj;
                PlannedStmt *newnode = flat_copy(from, sizeof(PlannedStmt));

                COPY_NODE_FIELD(planTree);
                COPY_NODE_FIELD(rtable);
                COPY_NODE_FIELD(resultRelations);
                COPY_NODE_FIELD(subplans);
                COPY_NODE_FIELD(relationOids);
                COPY_RAW_FIELD(utilityStmt);
                return newnode;
            }
        case T_Result:
            {
                const Result *from = obj;
                Result     *newnode = copy_plan_node(node, sizeof(Result));

                COPY_NODE_FIELD(resconstantqual);
                return newnode;
            }
        case T_ProjectSet:
            return copy_plan_node(node, sizeof(ProjectSet));
        case T_ModifyTable:
            {
                const ModifyTable *from = obj;
                ModifyTable *newnode = copy_plan_node(node, sizeof(ModifyTable));

                COPY_NODE_FIELD(arbiterIndexes);
                COPY_NODE_FIELD(onConflictSet);
                COPY_NODE_FIELD(onConflictWhere);
                COPY_NODE_FIELD(resultRelations);
                COPY_NODE_FIELD(updateColnos);
                COPY_NODE_FIELD(returningLists);
                COPY_NODE_FIELD(withCheckOptionLists);
                return newnode;
            }
        case T_Append:
            {
                const Append *from = obj;
                Append     *newnode = copy_plan_node(node, sizeof(Append));

                COPY_NODE_FIELD(appendplans);
                return newnode;
            }
        case T_SeqScan:
            return copy_plan_node(node, sizeof(Scan));
        case T_IndexScan:
            {
                const IndexScan *from = obj;
                IndexScan  *newnode = copy_plan_node(node, sizeof(IndexScan));

                COPY_NODE_FIELD(indexqual);
                COPY_NODE_FIELD(indexqualcols);
                return newnode;
            }
        case T_SubqueryScan:
            {
                const SubqueryScan *from = obj;
                SubqueryScan *newnode = copy_plan_node(node, sizeof(SubqueryScan));

                COPY_NODE_FIELD(subplan);
                return newnode;
            }
        case T_FunctionScan:
            {
                const FunctionScan *from = obj;
                FunctionScan *newnode = copy_plan_node(node, sizeof(FunctionScan));

                COPY_NODE_FIELD(functions);
                return newnode;
            }
        case T_ValuesScan:
            {
                const ValuesScan *from = obj;
                ValuesScan *newnode = copy_plan_node(node, sizeof(ValuesScan));

                COPY_NODE_FIELD(values_lists);
                return newnode;
            }
        case T_CteScan:
            return copy_plan_node(node, sizeof(CteScan));
        case T_WorkTableScan:
            return copy_plan_node(node, sizeof(WorkTableScan));
        case T_NestLoop:
            {
                const NestLoop *from = obj;
                NestLoop   *newnode = copy_plan_node(node, sizeof(NestLoop));

                COPY_NODE_FIELD(join.joinqual);
                COPY_NODE_FIELD(nestParams);
                return newnode;
            }
        case T_MergeJoin:
            {
                const MergeJoin *from = obj;
                MergeJoin  *newnode = copy_plan_node(node, sizeof(MergeJoin));
                int         n = list_length(from->mergeclauses);

                COPY_NODE_FIELD(join.joinqual);
                COPY_NODE_FIELD(mergeclauses);
                COPY_ARRAY_FIELD(mergeFamilies, n);
                COPY_ARRAY_FIELD(mergeCollations, n);
                COPY_ARRAY_FIELD(mergeStrategies, n);
                COPY_ARRAY_FIELD(mergeNullsFirst, n);
                return newnode;
            }
        case T_HashJoin:
            {
                const HashJoin *from = obj;
                HashJoin   *newnode = copy_plan_node(node, sizeof(HashJoin));

                COPY_NODE_FIELD(join.joinqual);
                COPY_NODE_FIELD(hashclauses);
                COPY_NODE_FIELD(hashoperators);
                COPY_NODE_FIELD(hashcollations);
                COPY_NODE_FIELD(hashkeys);
                return newnode;
            }
        case T_NestLoopParam:
            {
                const NestLoopParam *from = obj;
                NestLoopParam *newnode = flat_copy(from, sizeof(NestLoopParam));

                COPY_NODE_FIELD(paramval);
                return newnode;
            }
        case T_Hash:
            {
                const Hash *from = obj;
                Hash       *newnode = copy_plan_node(node, sizeof(Hash));

                COPY_NODE_FIELD(hashkeys);
                return newnode;
            }
        case T_Material:
            return copy_plan_node(node, sizeof(Material));
        case T_Sort:
            {
                const Sort *from = obj;
                Sort       *newnode = copy_plan_node(node, sizeof(Sort));

                COPY_ARRAY_FIELD(sortColIdx, from->numCols);
                COPY_ARRAY_FIELD(sortOperators, from->numCols);
                COPY_ARRAY_FIELD(collations, from->numCols);
                COPY_ARRAY_FIELD(nullsFirst, from->numCols);
                return newnode;
            }
        case T_Group:
            {
                const Group *from = obj;
                Group      *newnode = copy_plan_node(node, sizeof(Group));

                COPY_ARRAY_FIELD(grpColIdx, from->numCols);
                COPY_ARRAY_FIELD(grpOperators, from->numCols);
                COPY_ARRAY_FIELD(grpCollations, from->numCols);
                return newnode;
            }
        case T_Agg:
            {
                const Agg  *from = obj;
                Agg        *newnode = copy_plan_node(node, sizeof(Agg));

                COPY_ARRAY_FIELD(grpColIdx, from->numCols);
                COPY_ARRAY_FIELD(grpOperators, from->numCols);
                COPY_ARRAY_FIELD(grpCollations, from->numCols);
                /*
                 * aggrefs must point at the Aggrefs inside the copied
                 * targetlist/qual, not at fresh copies: the executor finds
                 * per-agg state through aggno, so copies are equivalent.
                 */
                COPY_NODE_FIELD(aggrefs);
                COPY_NODE_FIELD(groupingSets);
                COPY_NODE_FIELD(chain);
                return newnode;
            }
        case T_WindowAgg:
            {
                const WindowAgg *from = obj;
                WindowAgg  *newnode = copy_plan_node(node, sizeof(WindowAgg));

                COPY_ARRAY_FIELD(partColIdx, from->partNumCols);
                COPY_ARRAY_FIELD(partOperators, from->partNumCols);
                COPY_ARRAY_FIELD(partCollations, from->partNumCols);
                COPY_ARRAY_FIELD(ordColIdx, from->ordNumCols);
                COPY_ARRAY_FIELD(ordOperators, from->ordNumCols);
                COPY_ARRAY_FIELD(ordCollations, from->ordNumCols);
                COPY_NODE_FIELD(startOffset);
                COPY_NODE_FIELD(endOffset);
                return newnode;
            }
        case T_Unique:
            {
                const Unique *from = obj;
                Unique     *newnode = copy_plan_node(node, sizeof(Unique));

                COPY_ARRAY_FIELD(uniqColIdx, from->numCols);
                COPY_ARRAY_FIELD(uniqOperators, from->numCols);
                COPY_ARRAY_FIELD(uniqCollations, from->numCols);
                return newnode;
            }
        case T_SetOp:
            {
                const SetOp *from = obj;
                SetOp      *newnode = copy_plan_node(node, sizeof(SetOp));

                COPY_ARRAY_FIELD(dupColIdx, from->numCols);
                COPY_ARRAY_FIELD(dupOperators, from->numCols);
                COPY_ARRAY_FIELD(dupCollations, from->numCols);
                return newnode;
            }
        case T_RecursiveUnion:
            {
                const RecursiveUnion *from = obj;
                RecursiveUnion *newnode = copy_plan_node(node, sizeof(RecursiveUnion));

                COPY_ARRAY_FIELD(dupColIdx, from->numCols);
                COPY_ARRAY_FIELD(dupOperators, from->numCols);
                COPY_ARRAY_FIELD(dupCollations, from->numCols);
                return newnode;
            }
        case T_LockRows:
            {
                const LockRows *from = obj;
                LockRows   *newnode = copy_plan_node(node, sizeof(LockRows));

                COPY_NODE_FIELD(rowMarks);
                return newnode;
            }
        case T_Limit:
            {
                const Limit *from = obj;
                Limit      *newnode = copy_plan_node(node, sizeof(Limit));

                COPY_NODE_FIELD(limitOffset);
                COPY_NODE_FIELD(limitCount);
                return newnode;
            }
        default:
            elog(ERROR, "copyObject: unrecognized node type: %d", (int) nodeTag(node));
    }
    return NULL;                /* keep compiler quiet */
}

