/*-------------------------------------------------------------------------
 * nodefuncs.c
 *    copyObject, equal, exprType/exprTypmod/exprCollation/exprLocation and
 *    the tree walker/mutator for every node the analyzer and the optimizer
 *    build: expressions (primnodes.h), Query and its clauses
 *    (parsenodes.h), and plan nodes (plannodes_defs.h, copy only).
 *
 * Principal entry points:
 *    copyObjectImpl(node)          - deep copy
 *    equal(a, b)                   - structural equality, ignoring locations
 *    exprType / exprTypmod / exprCollation / exprLocation
 *    expression_tree_walker / expression_tree_mutator / query_tree_walker
 *
 * The copy and equality code is field-by-field, in PostgreSQL's style (its
 * copyfuncs.c/equalfuncs.c).  When you add a field to a node in
 * primnodes.h, parsenodes.h or plannodes_defs.h, add it here too: a field
 * missing from _copyX silently becomes zero in copies (plans are copied
 * into the plan cache).
 *
 * Some List fields hold C strings rather than Nodes (Alias.colnames,
 * JoinExpr.usingClause, RowExpr.colnames, SubLink.operName, the CTE name
 * lists): those are copied and compared with the string-list helpers,
 * never with copyObject, which assumes a List's elements are Nodes.
 *
 * Raw parse trees (libpg_query protobuf structs, Query.utilityStmt) are
 * copied by packing and unpacking them (copyRawNode).
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

static List *
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
                return newnode;
            }
        case T_RangeTblEntry:
            {
                const RangeTblEntry *from = obj;
                RangeTblEntry *newnode = flat_copy(from, sizeof(RangeTblEntry));

                COPY_NODE_FIELD(subquery);
                COPY_NODE_FIELD(joinaliasvars);
                COPY_NODE_FIELD(functions);
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

                COPY_NODE_FIELD(resultRelations);
                COPY_NODE_FIELD(updateColnos);
                COPY_NODE_FIELD(returningLists);
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
        case T_IndexScan:
            return copy_plan_node(node, sizeof(Scan));
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
        case T_LockRows:
            return copy_plan_node(node, sizeof(Plan));
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

/* ================================================================ equal */

#define COMPARE_SCALAR_FIELD(f) do { if (a->f != b->f) return false; } while (0)
#define COMPARE_NODE_FIELD(f)   do { if (!equal(a->f, b->f)) return false; } while (0)
#define COMPARE_STRING_FIELD(f) \
    do { if (!((a->f == NULL && b->f == NULL) || \
               (a->f && b->f && strcmp(a->f, b->f) == 0))) return false; } while (0)
#define COMPARE_STRLIST_FIELD(f) do { if (!equal_string_list(a->f, b->f)) return false; } while (0)
#define COMPARE_LOCATION_FIELD(f) ((void) 0)

static bool
equal_string_list(const List *a, const List *b)
{
    if (list_length(a) != list_length(b))
        return false;
    for (int i = 0; i < list_length(a); i++)
    {
        const char *sa = list_nth(a, i);
        const char *sb = list_nth(b, i);

        if ((sa == NULL) != (sb == NULL) || (sa && strcmp(sa, sb) != 0))
            return false;
    }
    return true;
}

static bool
equal_raw(const RawNode *a, const RawNode *b)
{
    size_t      la,
                lb;
    uint8_t    *ba,
               *bb;

    if (a == NULL || b == NULL)
        return a == b;
    la = protobuf_c_message_get_packed_size(&a->base);
    lb = protobuf_c_message_get_packed_size(&b->base);
    if (la != lb)
        return false;
    ba = palloc(la + 1);
    bb = palloc(lb + 1);
    protobuf_c_message_pack(&a->base, ba);
    protobuf_c_message_pack(&b->base, bb);
    return memcmp(ba, bb, la) == 0;
}

static bool
equal_const_value(const Const *a, const Const *b)
{
    Size        la,
                lb;

    if (a->constisnull || b->constisnull)
        return a->constisnull == b->constisnull;
    if (a->constbyval)
        return a->constvalue == b->constvalue;
    if (a->constlen == -1)
    {
        la = VARSIZE(DatumGetPointer(a->constvalue));
        lb = VARSIZE(DatumGetPointer(b->constvalue));
    }
    else if (a->constlen == -2)
    {
        la = strlen(DatumGetCString(a->constvalue));
        lb = strlen(DatumGetCString(b->constvalue));
    }
    else
        la = lb = a->constlen;
    return la == lb && memcmp(DatumGetPointer(a->constvalue),
                              DatumGetPointer(b->constvalue), la) == 0;
}

static bool
equal_list(const List *a, const List *b)
{
    if (a->type != b->type || a->length != b->length)
        return false;
    for (int i = 0; i < a->length; i++)
    {
        switch (a->type)
        {
            case T_List:
                if (!equal(a->elements[i].ptr_value, b->elements[i].ptr_value))
                    return false;
                break;
            case T_IntList:
                if (a->elements[i].int_value != b->elements[i].int_value)
                    return false;
                break;
            default:
                if (a->elements[i].oid_value != b->elements[i].oid_value)
                    return false;
                break;
        }
    }
    return true;
}

/*
 * equal
 *    Structural equality of two trees.  Locations are ignored (as in
 *    PostgreSQL), so "a+1" written twice compares equal; this is what
 *    GROUP BY matching and setrefs rely on.
 */
bool
equal(const void *va, const void *vb)
{
    if (va == vb)
        return true;
    if (va == NULL || vb == NULL)
        return false;
    if (nodeTag(va) != nodeTag(vb))
        return false;

    switch (nodeTag(va))
    {
        case T_List:
        case T_IntList:
        case T_OidList:
            return equal_list(va, vb);
        case T_Alias:
            {
                const Alias *a = va, *b = vb;

                COMPARE_STRING_FIELD(aliasname);
                COMPARE_STRLIST_FIELD(colnames);
                return true;
            }
        case T_RangeVar:
            {
                const RangeVar *a = va, *b = vb;

                COMPARE_STRING_FIELD(schemaname);
                COMPARE_STRING_FIELD(relname);
                COMPARE_SCALAR_FIELD(relpersistence);
                COMPARE_NODE_FIELD(alias);
                return true;
            }
        case T_Var:
            {
                const Var  *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(varno);
                COMPARE_SCALAR_FIELD(varattno);
                COMPARE_SCALAR_FIELD(vartype);
                COMPARE_SCALAR_FIELD(vartypmod);
                COMPARE_SCALAR_FIELD(varcollid);
                COMPARE_SCALAR_FIELD(varlevelsup);
                return true;
            }
        case T_Const:
            {
                const Const *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(consttype);
                COMPARE_SCALAR_FIELD(consttypmod);
                COMPARE_SCALAR_FIELD(constcollid);
                COMPARE_SCALAR_FIELD(constlen);
                COMPARE_SCALAR_FIELD(constisnull);
                COMPARE_SCALAR_FIELD(constbyval);
                return equal_const_value(a, b);
            }
        case T_Param:
            {
                const Param *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(paramkind);
                COMPARE_SCALAR_FIELD(paramid);
                COMPARE_SCALAR_FIELD(paramtype);
                COMPARE_SCALAR_FIELD(paramtypmod);
                COMPARE_SCALAR_FIELD(paramcollid);
                return true;
            }
        case T_Aggref:
            {
                const Aggref *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(aggfnoid);
                COMPARE_SCALAR_FIELD(aggtype);
                COMPARE_SCALAR_FIELD(aggcollid);
                COMPARE_SCALAR_FIELD(inputcollid);
                COMPARE_NODE_FIELD(aggargtypes);
                COMPARE_NODE_FIELD(args);
                COMPARE_NODE_FIELD(aggorder);
                COMPARE_NODE_FIELD(aggdistinct);
                COMPARE_NODE_FIELD(aggfilter);
                COMPARE_SCALAR_FIELD(aggstar);
                COMPARE_SCALAR_FIELD(aggvariadic);
                COMPARE_SCALAR_FIELD(aggkind);
                COMPARE_SCALAR_FIELD(agglevelsup);
                /* aggno is planner bookkeeping, like PostgreSQL's */
                return true;
            }
        case T_WindowFunc:
            {
                const WindowFunc *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(winfnoid);
                COMPARE_SCALAR_FIELD(wintype);
                COMPARE_SCALAR_FIELD(wincollid);
                COMPARE_SCALAR_FIELD(inputcollid);
                COMPARE_NODE_FIELD(args);
                COMPARE_NODE_FIELD(aggfilter);
                COMPARE_SCALAR_FIELD(winref);
                COMPARE_SCALAR_FIELD(winstar);
                COMPARE_SCALAR_FIELD(winagg);
                return true;
            }
        case T_FuncExpr:
            {
                const FuncExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(funcid);
                COMPARE_SCALAR_FIELD(funcresulttype);
                COMPARE_SCALAR_FIELD(funcretset);
                COMPARE_SCALAR_FIELD(funcvariadic);
                COMPARE_SCALAR_FIELD(funccollid);
                COMPARE_SCALAR_FIELD(inputcollid);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                const OpExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(opno);
                /* opfuncid may be unset in one of them (PostgreSQL's rule) */
                if (a->opfuncid != b->opfuncid && a->opfuncid != 0 && b->opfuncid != 0)
                    return false;
                COMPARE_SCALAR_FIELD(opresulttype);
                COMPARE_SCALAR_FIELD(opretset);
                COMPARE_SCALAR_FIELD(opcollid);
                COMPARE_SCALAR_FIELD(inputcollid);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_ScalarArrayOpExpr:
            {
                const ScalarArrayOpExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(opno);
                COMPARE_SCALAR_FIELD(useOr);
                COMPARE_SCALAR_FIELD(inputcollid);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_BoolExpr:
            {
                const BoolExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(boolop);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_SubLink:
            {
                const SubLink *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(subLinkType);
                COMPARE_SCALAR_FIELD(subLinkId);
                COMPARE_NODE_FIELD(testexpr);
                COMPARE_STRLIST_FIELD(operName);
                COMPARE_NODE_FIELD(subselect);
                return true;
            }
        case T_SubPlan:
            {
                const SubPlan *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(subLinkType);
                COMPARE_NODE_FIELD(testexpr);
                COMPARE_NODE_FIELD(paramIds);
                COMPARE_SCALAR_FIELD(plan_id);
                COMPARE_SCALAR_FIELD(firstColType);
                COMPARE_SCALAR_FIELD(firstColTypmod);
                COMPARE_SCALAR_FIELD(useHashTable);
                COMPARE_SCALAR_FIELD(unknownEqFalse);
                COMPARE_NODE_FIELD(setParam);
                COMPARE_NODE_FIELD(parParam);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_RelabelType:
            {
                const RelabelType *a = va, *b = vb;

                COMPARE_NODE_FIELD(arg);
                COMPARE_SCALAR_FIELD(resulttype);
                COMPARE_SCALAR_FIELD(resulttypmod);
                COMPARE_SCALAR_FIELD(resultcollid);
                return true;
            }
        case T_CoerceViaIO:
            {
                const CoerceViaIO *a = va, *b = vb;

                COMPARE_NODE_FIELD(arg);
                COMPARE_SCALAR_FIELD(resulttype);
                COMPARE_SCALAR_FIELD(resultcollid);
                return true;
            }
        case T_CaseExpr:
            {
                const CaseExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(casetype);
                COMPARE_SCALAR_FIELD(casecollid);
                COMPARE_NODE_FIELD(arg);
                COMPARE_NODE_FIELD(args);
                COMPARE_NODE_FIELD(defresult);
                return true;
            }
        case T_CaseWhen:
            {
                const CaseWhen *a = va, *b = vb;

                COMPARE_NODE_FIELD(expr);
                COMPARE_NODE_FIELD(result);
                return true;
            }
        case T_CaseTestExpr:
            {
                const CaseTestExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(typeId);
                COMPARE_SCALAR_FIELD(typeMod);
                COMPARE_SCALAR_FIELD(collation);
                return true;
            }
        case T_ArrayExpr:
            {
                const ArrayExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(array_typeid);
                COMPARE_SCALAR_FIELD(array_collid);
                COMPARE_SCALAR_FIELD(element_typeid);
                COMPARE_NODE_FIELD(elements);
                COMPARE_SCALAR_FIELD(multidims);
                return true;
            }
        case T_RowExpr:
            {
                const RowExpr *a = va, *b = vb;

                COMPARE_NODE_FIELD(args);
                COMPARE_SCALAR_FIELD(row_typeid);
                COMPARE_STRLIST_FIELD(colnames);
                return true;
            }
        case T_CoalesceExpr:
            {
                const CoalesceExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(coalescetype);
                COMPARE_SCALAR_FIELD(coalescecollid);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_MinMaxExpr:
            {
                const MinMaxExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(minmaxtype);
                COMPARE_SCALAR_FIELD(minmaxcollid);
                COMPARE_SCALAR_FIELD(inputcollid);
                COMPARE_SCALAR_FIELD(op);
                COMPARE_NODE_FIELD(args);
                return true;
            }
        case T_SQLValueFunction:
            {
                const SQLValueFunction *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(op);
                COMPARE_SCALAR_FIELD(type);
                COMPARE_SCALAR_FIELD(typmod);
                return true;
            }
        case T_NullTest:
            {
                const NullTest *a = va, *b = vb;

                COMPARE_NODE_FIELD(arg);
                COMPARE_SCALAR_FIELD(nulltesttype);
                COMPARE_SCALAR_FIELD(argisrow);
                return true;
            }
        case T_BooleanTest:
            {
                const BooleanTest *a = va, *b = vb;

                COMPARE_NODE_FIELD(arg);
                COMPARE_SCALAR_FIELD(booltesttype);
                return true;
            }
        case T_SetToDefault:
            {
                const SetToDefault *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(typeId);
                COMPARE_SCALAR_FIELD(typeMod);
                COMPARE_SCALAR_FIELD(collation);
                return true;
            }
        case T_TargetEntry:
            {
                const TargetEntry *a = va, *b = vb;

                COMPARE_NODE_FIELD(expr);
                COMPARE_SCALAR_FIELD(resno);
                COMPARE_STRING_FIELD(resname);
                COMPARE_SCALAR_FIELD(ressortgroupref);
                COMPARE_SCALAR_FIELD(resorigtbl);
                COMPARE_SCALAR_FIELD(resorigcol);
                COMPARE_SCALAR_FIELD(resjunk);
                return true;
            }
        case T_RangeTblRef:
            {
                const RangeTblRef *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(rtindex);
                return true;
            }
        case T_JoinExpr:
            {
                const JoinExpr *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(jointype);
                COMPARE_SCALAR_FIELD(isNatural);
                COMPARE_NODE_FIELD(larg);
                COMPARE_NODE_FIELD(rarg);
                COMPARE_STRLIST_FIELD(usingClause);
                COMPARE_NODE_FIELD(quals);
                COMPARE_NODE_FIELD(alias);
                COMPARE_SCALAR_FIELD(rtindex);
                return true;
            }
        case T_FromExpr:
            {
                const FromExpr *a = va, *b = vb;

                COMPARE_NODE_FIELD(fromlist);
                COMPARE_NODE_FIELD(quals);
                return true;
            }
        case T_Query:
            {
                const Query *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(commandType);
                COMPARE_SCALAR_FIELD(canSetTag);
                if (!equal_raw(a->utilityStmt, b->utilityStmt))
                    return false;
                COMPARE_SCALAR_FIELD(resultRelation);
                COMPARE_SCALAR_FIELD(hasAggs);
                COMPARE_SCALAR_FIELD(hasWindowFuncs);
                COMPARE_SCALAR_FIELD(hasTargetSRFs);
                COMPARE_SCALAR_FIELD(hasSubLinks);
                COMPARE_SCALAR_FIELD(hasDistinctOn);
                COMPARE_SCALAR_FIELD(hasRecursive);
                COMPARE_SCALAR_FIELD(hasModifyingCTE);
                COMPARE_NODE_FIELD(cteList);
                COMPARE_NODE_FIELD(rtable);
                COMPARE_NODE_FIELD(jointree);
                COMPARE_NODE_FIELD(targetList);
                COMPARE_NODE_FIELD(returningList);
                COMPARE_NODE_FIELD(groupClause);
                COMPARE_NODE_FIELD(groupingSets);
                COMPARE_NODE_FIELD(havingQual);
                COMPARE_NODE_FIELD(windowClause);
                COMPARE_NODE_FIELD(distinctClause);
                COMPARE_NODE_FIELD(sortClause);
                COMPARE_NODE_FIELD(limitOffset);
                COMPARE_NODE_FIELD(limitCount);
                COMPARE_SCALAR_FIELD(limitOption);
                COMPARE_NODE_FIELD(setOperations);
                COMPARE_NODE_FIELD(constraintDeps);
                return true;
            }
        case T_RangeTblEntry:
            {
                const RangeTblEntry *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(rtekind);
                COMPARE_SCALAR_FIELD(relid);
                COMPARE_SCALAR_FIELD(relkind);
                COMPARE_SCALAR_FIELD(rellockmode);
                COMPARE_NODE_FIELD(subquery);
                COMPARE_SCALAR_FIELD(jointype);
                COMPARE_NODE_FIELD(joinaliasvars);
                COMPARE_NODE_FIELD(functions);
                COMPARE_SCALAR_FIELD(funcordinality);
                COMPARE_NODE_FIELD(values_lists);
                COMPARE_STRING_FIELD(ctename);
                COMPARE_SCALAR_FIELD(ctelevelsup);
                COMPARE_SCALAR_FIELD(self_reference);
                COMPARE_NODE_FIELD(coltypes);
                COMPARE_NODE_FIELD(coltypmods);
                COMPARE_NODE_FIELD(colcollations);
                COMPARE_NODE_FIELD(alias);
                COMPARE_NODE_FIELD(eref);
                COMPARE_SCALAR_FIELD(lateral);
                COMPARE_SCALAR_FIELD(inh);
                COMPARE_SCALAR_FIELD(inFromCl);
                COMPARE_SCALAR_FIELD(requiredPerms);
                return true;
            }
        case T_SortGroupClause:
            {
                const SortGroupClause *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(tleSortGroupRef);
                COMPARE_SCALAR_FIELD(eqop);
                COMPARE_SCALAR_FIELD(sortop);
                COMPARE_SCALAR_FIELD(nulls_first);
                COMPARE_SCALAR_FIELD(hashable);
                return true;
            }
        case T_GroupingSet:
            {
                const GroupingSet *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(kind);
                COMPARE_NODE_FIELD(content);
                return true;
            }
        case T_WindowClause:
            {
                const WindowClause *a = va, *b = vb;

                COMPARE_STRING_FIELD(name);
                COMPARE_STRING_FIELD(refname);
                COMPARE_NODE_FIELD(partitionClause);
                COMPARE_NODE_FIELD(orderClause);
                COMPARE_SCALAR_FIELD(frameOptions);
                COMPARE_NODE_FIELD(startOffset);
                COMPARE_NODE_FIELD(endOffset);
                COMPARE_SCALAR_FIELD(winref);
                return true;
            }
        case T_CommonTableExpr:
            {
                const CommonTableExpr *a = va, *b = vb;

                COMPARE_STRING_FIELD(ctename);
                COMPARE_STRLIST_FIELD(aliascolnames);
                COMPARE_NODE_FIELD(ctequery);
                COMPARE_SCALAR_FIELD(cterecursive);
                COMPARE_SCALAR_FIELD(cterefcount);
                COMPARE_STRLIST_FIELD(ctecolnames);
                COMPARE_NODE_FIELD(ctecoltypes);
                COMPARE_NODE_FIELD(ctecoltypmods);
                COMPARE_NODE_FIELD(ctecolcollations);
                return true;
            }
        case T_SetOperationStmt:
            {
                const SetOperationStmt *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(op);
                COMPARE_SCALAR_FIELD(all);
                COMPARE_NODE_FIELD(larg);
                COMPARE_NODE_FIELD(rarg);
                COMPARE_NODE_FIELD(colTypes);
                COMPARE_NODE_FIELD(colTypmods);
                COMPARE_NODE_FIELD(colCollations);
                COMPARE_NODE_FIELD(groupClauses);
                return true;
            }
        default:
            elog(ERROR, "equal: unrecognized node type: %d", (int) nodeTag(va));
    }
    return false;
}

/* ================================================================ expr info */

/*
 * exprType
 *    The result type of an expression node (InvalidOid for NULL).
 */
Oid
exprType(const Node *expr)
{
    if (expr == NULL)
        return InvalidOid;

    switch (nodeTag(expr))
    {
        case T_Var:
            return ((const Var *) expr)->vartype;
        case T_Const:
            return ((const Const *) expr)->consttype;
        case T_Param:
            return ((const Param *) expr)->paramtype;
        case T_Aggref:
            return ((const Aggref *) expr)->aggtype;
        case T_WindowFunc:
            return ((const WindowFunc *) expr)->wintype;
        case T_FuncExpr:
            return ((const FuncExpr *) expr)->funcresulttype;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            return ((const OpExpr *) expr)->opresulttype;
        case T_ScalarArrayOpExpr:
        case T_BoolExpr:
        case T_NullTest:
        case T_BooleanTest:
            return BOOLOID;
        case T_SubLink:
            {
                const SubLink *sublink = (const SubLink *) expr;

                if (sublink->subLinkType == EXPR_SUBLINK ||
                    sublink->subLinkType == ARRAY_SUBLINK)
                {
                    const Query *qtree = (const Query *) sublink->subselect;
                    const TargetEntry *tent = NULL;
                    ListCell   *lc;
                    Oid         type;

                    if (qtree == NULL || !IsA(qtree, Query))
                        elog(ERROR, "cannot get type for untransformed sublink");
                    foreach(lc, qtree->targetList)
                    {
                        tent = lfirst(lc);
                        if (!tent->resjunk)
                            break;
                    }
                    type = exprType((Node *) tent->expr);
                    if (sublink->subLinkType == ARRAY_SUBLINK)
                        type = get_array_type(type);
                    return type;
                }
                return BOOLOID;
            }
        case T_SubPlan:
            {
                const SubPlan *subplan = (const SubPlan *) expr;

                if (subplan->subLinkType == EXPR_SUBLINK)
                    return subplan->firstColType;
                if (subplan->subLinkType == ARRAY_SUBLINK)
                    return get_array_type(subplan->firstColType);
                return BOOLOID;
            }
        case T_RelabelType:
            return ((const RelabelType *) expr)->resulttype;
        case T_CoerceViaIO:
            return ((const CoerceViaIO *) expr)->resulttype;
        case T_CaseExpr:
            return ((const CaseExpr *) expr)->casetype;
        case T_CaseWhen:
            return exprType((Node *) ((const CaseWhen *) expr)->result);
        case T_CaseTestExpr:
            return ((const CaseTestExpr *) expr)->typeId;
        case T_ArrayExpr:
            return ((const ArrayExpr *) expr)->array_typeid;
        case T_RowExpr:
            return ((const RowExpr *) expr)->row_typeid;
        case T_CoalesceExpr:
            return ((const CoalesceExpr *) expr)->coalescetype;
        case T_MinMaxExpr:
            return ((const MinMaxExpr *) expr)->minmaxtype;
        case T_SQLValueFunction:
            return ((const SQLValueFunction *) expr)->type;
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->typeId;
        case T_TargetEntry:
            return exprType((Node *) ((const TargetEntry *) expr)->expr);
        default:
            elog(ERROR, "exprType: unrecognized node type: %d", (int) nodeTag(expr));
    }
    return InvalidOid;
}

/*
 * exprTypmod
 *    The type modifier of an expression's result, or -1 if unknown: what
 *    RowDescription reports as the column's atttypmod.
 */
int32
exprTypmod(const Node *expr)
{
    if (expr == NULL)
        return -1;

    switch (nodeTag(expr))
    {
        case T_Var:
            return ((const Var *) expr)->vartypmod;
        case T_Const:
            return ((const Const *) expr)->consttypmod;
        case T_Param:
            return ((const Param *) expr)->paramtypmod;
        case T_FuncExpr:
            {
                int32       coercedTypmod;

                if (exprIsLengthCoercion(expr, &coercedTypmod))
                    return coercedTypmod;
                return -1;
            }
        case T_NullIfExpr:
            return exprTypmod((Node *) linitial(((const NullIfExpr *) expr)->args));
        case T_SubLink:
            {
                const SubLink *sublink = (const SubLink *) expr;

                if (sublink->subLinkType == EXPR_SUBLINK)
                {
                    const Query *qtree = (const Query *) sublink->subselect;
                    ListCell   *lc;

                    foreach(lc, qtree->targetList)
                    {
                        TargetEntry *tent = lfirst(lc);

                        if (!tent->resjunk)
                            return exprTypmod((Node *) tent->expr);
                    }
                }
                return -1;
            }
        case T_SubPlan:
            {
                const SubPlan *subplan = (const SubPlan *) expr;

                if (subplan->subLinkType == EXPR_SUBLINK)
                    return subplan->firstColTypmod;
                return -1;
            }
        case T_RelabelType:
            return ((const RelabelType *) expr)->resulttypmod;
        case T_CaseExpr:
            {
                /* the common typmod of all results, else -1 */
                const CaseExpr *cexpr = (const CaseExpr *) expr;
                Oid         casetype = cexpr->casetype;
                int32       typmod;
                ListCell   *lc;

                if (!cexpr->defresult)
                    return -1;
                if (exprType((Node *) cexpr->defresult) != casetype)
                    return -1;
                typmod = exprTypmod((Node *) cexpr->defresult);
                if (typmod < 0)
                    return -1;
                foreach(lc, cexpr->args)
                {
                    CaseWhen   *w = lfirst(lc);

                    if (exprType((Node *) w->result) != casetype)
                        return -1;
                    if (exprTypmod((Node *) w->result) != typmod)
                        return -1;
                }
                return typmod;
            }
        case T_CaseTestExpr:
            return ((const CaseTestExpr *) expr)->typeMod;
        case T_CoalesceExpr:
        case T_MinMaxExpr:
            {
                const List *args;
                Oid         type;
                int32       typmod;
                ListCell   *lc;

                if (IsA(expr, CoalesceExpr))
                {
                    args = ((const CoalesceExpr *) expr)->args;
                    type = ((const CoalesceExpr *) expr)->coalescetype;
                }
                else
                {
                    args = ((const MinMaxExpr *) expr)->args;
                    type = ((const MinMaxExpr *) expr)->minmaxtype;
                }
                if (exprType(linitial(args)) != type)
                    return -1;
                typmod = exprTypmod(linitial(args));
                if (typmod < 0)
                    return -1;
                foreach(lc, args)
                {
                    if (exprType(lfirst(lc)) != type || exprTypmod(lfirst(lc)) != typmod)
                        return -1;
                }
                return typmod;
            }
        case T_SQLValueFunction:
            return ((const SQLValueFunction *) expr)->typmod;
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->typeMod;
        case T_TargetEntry:
            return exprTypmod((Node *) ((const TargetEntry *) expr)->expr);
        default:
            break;
    }
    return -1;
}

/*
 * exprIsLengthCoercion
 *    True if expr is a call of a length-coercion function (as made by
 *    coerce_type_typmod): an explicit or implicit cast FuncExpr with 2 or 3
 *    arguments whose second is a non-null int4 Const.
 */
bool
exprIsLengthCoercion(const Node *expr, int32 *coercedTypmod)
{
    const FuncExpr *func;
    const Const *second;

    if (coercedTypmod)
        *coercedTypmod = -1;
    if (expr == NULL || !IsA(expr, FuncExpr))
        return false;
    func = (const FuncExpr *) expr;
    if (func->funcformat != COERCE_EXPLICIT_CAST && func->funcformat != COERCE_IMPLICIT_CAST)
        return false;
    if (list_length(func->args) < 2 || list_length(func->args) > 3)
        return false;
    second = lsecond(func->args);
    if (!IsA(second, Const) || second->consttype != INT4OID || second->constisnull)
        return false;
    if (coercedTypmod)
        *coercedTypmod = DatumGetInt32(second->constvalue);
    return true;
}

/* The collation of an expression's result (InvalidOid if not collatable). */
Oid
exprCollation(const Node *expr)
{
    if (expr == NULL)
        return InvalidOid;

    switch (nodeTag(expr))
    {
        case T_Var:
            return ((const Var *) expr)->varcollid;
        case T_Const:
            return ((const Const *) expr)->constcollid;
        case T_Param:
            return ((const Param *) expr)->paramcollid;
        case T_Aggref:
            return ((const Aggref *) expr)->aggcollid;
        case T_WindowFunc:
            return ((const WindowFunc *) expr)->wincollid;
        case T_FuncExpr:
            return ((const FuncExpr *) expr)->funccollid;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            return ((const OpExpr *) expr)->opcollid;
        case T_RelabelType:
            return ((const RelabelType *) expr)->resultcollid;
        case T_CoerceViaIO:
            return ((const CoerceViaIO *) expr)->resultcollid;
        case T_CaseExpr:
            return ((const CaseExpr *) expr)->casecollid;
        case T_CaseTestExpr:
            return ((const CaseTestExpr *) expr)->collation;
        case T_ArrayExpr:
            return ((const ArrayExpr *) expr)->array_collid;
        case T_CoalesceExpr:
            return ((const CoalesceExpr *) expr)->coalescecollid;
        case T_MinMaxExpr:
            return ((const MinMaxExpr *) expr)->minmaxcollid;
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->collation;
        case T_SubLink:
            {
                const SubLink *sublink = (const SubLink *) expr;

                if (sublink->subLinkType == EXPR_SUBLINK || sublink->subLinkType == ARRAY_SUBLINK)
                {
                    const Query *qtree = (const Query *) sublink->subselect;
                    ListCell   *lc;

                    foreach(lc, qtree->targetList)
                    {
                        TargetEntry *tent = lfirst(lc);

                        if (!tent->resjunk)
                            return exprCollation((Node *) tent->expr);
                    }
                }
                return InvalidOid;
            }
        case T_SubPlan:
            return ((const SubPlan *) expr)->firstColCollation;
        case T_TargetEntry:
            return exprCollation((Node *) ((const TargetEntry *) expr)->expr);
        case T_SQLValueFunction:
            {
                /* current_user etc. are of type name, collation C */
                Oid         t = ((const SQLValueFunction *) expr)->type;

                return t == NAMEOID ? C_COLLATION_OID : InvalidOid;
            }
        default:
            return InvalidOid;
    }
}

/*
 * exprLocation
 *    The 0-based query-text offset the node came from, or -1.  For a node
 *    with no location of its own, the leftmost of its children's, as
 *    PostgreSQL does, so an error about "a + b" points at a.
 */
static int
leftmostLoc(int loc1, int loc2)
{
    if (loc1 < 0)
        return loc2;
    if (loc2 < 0)
        return loc1;
    return Min(loc1, loc2);
}

static int
list_location(const List *l)
{
    ListCell   *lc;

    foreach(lc, l)
    {
        int         loc = exprLocation(lfirst(lc));

        if (loc >= 0)
            return loc;
    }
    return -1;
}

int
exprLocation(const Node *expr)
{
    if (expr == NULL)
        return -1;

    switch (nodeTag(expr))
    {
        case T_List:
            return list_location((const List *) expr);
        case T_RangeVar:
            return ((const RangeVar *) expr)->location;
        case T_Var:
            return ((const Var *) expr)->location;
        case T_Const:
            return ((const Const *) expr)->location;
        case T_Param:
            return ((const Param *) expr)->location;
        case T_Aggref:
            return ((const Aggref *) expr)->location;
        case T_WindowFunc:
            return ((const WindowFunc *) expr)->location;
        case T_FuncExpr:
            {
                const FuncExpr *f = (const FuncExpr *) expr;

                return leftmostLoc(f->location, list_location(f->args));
            }
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                const OpExpr *op = (const OpExpr *) expr;

                return leftmostLoc(op->location, list_location(op->args));
            }
        case T_ScalarArrayOpExpr:
            {
                const ScalarArrayOpExpr *op = (const ScalarArrayOpExpr *) expr;

                return leftmostLoc(op->location, list_location(op->args));
            }
        case T_BoolExpr:
            {
                const BoolExpr *b = (const BoolExpr *) expr;

                return leftmostLoc(b->location, list_location(b->args));
            }
        case T_SubLink:
            {
                const SubLink *s = (const SubLink *) expr;

                return leftmostLoc(exprLocation(s->testexpr), s->location);
            }
        case T_RelabelType:
            {
                const RelabelType *r = (const RelabelType *) expr;

                return leftmostLoc(r->location, exprLocation((Node *) r->arg));
            }
        case T_CoerceViaIO:
            {
                const CoerceViaIO *c = (const CoerceViaIO *) expr;

                return leftmostLoc(c->location, exprLocation((Node *) c->arg));
            }
        case T_CaseExpr:
            return ((const CaseExpr *) expr)->location;
        case T_CaseWhen:
            return ((const CaseWhen *) expr)->location;
        case T_ArrayExpr:
            return ((const ArrayExpr *) expr)->location;
        case T_RowExpr:
            return ((const RowExpr *) expr)->location;
        case T_CoalesceExpr:
            return ((const CoalesceExpr *) expr)->location;
        case T_MinMaxExpr:
            return ((const MinMaxExpr *) expr)->location;
        case T_SQLValueFunction:
            return ((const SQLValueFunction *) expr)->location;
        case T_NullTest:
            {
                const NullTest *n = (const NullTest *) expr;

                return leftmostLoc(n->location, exprLocation((Node *) n->arg));
            }
        case T_BooleanTest:
            {
                const BooleanTest *n = (const BooleanTest *) expr;

                return leftmostLoc(n->location, exprLocation((Node *) n->arg));
            }
        case T_SetToDefault:
            return ((const SetToDefault *) expr)->location;
        case T_TargetEntry:
            return exprLocation((Node *) ((const TargetEntry *) expr)->expr);
        default:
            return -1;
    }
}

/* ================================================================ misc */

Node *
strip_implicit_coercions(Node *node)
{
    if (node == NULL)
        return NULL;
    if (IsA(node, FuncExpr))
    {
        FuncExpr   *f = (FuncExpr *) node;

        if (f->funcformat == COERCE_IMPLICIT_CAST)
            return strip_implicit_coercions(linitial(f->args));
    }
    else if (IsA(node, RelabelType))
    {
        RelabelType *r = (RelabelType *) node;

        if (r->relabelformat == COERCE_IMPLICIT_CAST)
            return strip_implicit_coercions((Node *) r->arg);
    }
    else if (IsA(node, CoerceViaIO))
    {
        CoerceViaIO *c = (CoerceViaIO *) node;

        if (c->coerceformat == COERCE_IMPLICIT_CAST)
            return strip_implicit_coercions((Node *) c->arg);
    }
    return node;
}

static bool
expression_returns_set_walker(Node *node, void *context)
{
    if (node == NULL)
        return false;
    if (IsA(node, FuncExpr) && ((FuncExpr *) node)->funcretset)
        return true;
    if (IsA(node, OpExpr) && ((OpExpr *) node)->opretset)
        return true;
    /* these never return a set, nor do their arguments count */
    if (IsA(node, Aggref) || IsA(node, WindowFunc))
        return false;
    return expression_tree_walker(node, expression_returns_set_walker, context);
}

bool
expression_returns_set(Node *clause)
{
    return expression_returns_set_walker(clause, NULL);
}

typedef struct
{
    int         levelsup;
} contain_aggs_context;

static bool
contain_aggs_walker(Node *node, void *context)
{
    contain_aggs_context *ctx = context;

    if (node == NULL)
        return false;
    if (IsA(node, Aggref))
        return ((Aggref *) node)->agglevelsup == ctx->levelsup;
    if (IsA(node, Query))
    {
        bool        result;

        ctx->levelsup++;
        result = query_tree_walker((Query *) node, contain_aggs_walker, context, 0);
        ctx->levelsup--;
        return result;
    }
    return expression_tree_walker(node, contain_aggs_walker, context);
}

bool
contain_aggs_of_level(Node *node, int levelsup)
{
    contain_aggs_context ctx = {levelsup};

    return query_or_expression_tree_walker(node, contain_aggs_walker, &ctx, 0);
}

/* ================================================================ walker */

#define WALK(n) do { if (walker((Node *) (n), context)) return true; } while (0)

static bool
walk_list(List *l, tree_walker_callback walker, void *context)
{
    ListCell   *lc;

    foreach(lc, l)
        WALK(lfirst(lc));
    return false;
}

/*
 * expression_tree_walker
 *    Call walker on each immediate child of node (see nodefuncs.h for the
 *    protocol).  A List's elements are its children; for a SubLink the
 *    children are testexpr and the subselect (Query) node itself, which
 *    the walker must descend into with query_tree_walker if it wants to.
 */
bool
expression_tree_walker(Node *node, tree_walker_callback walker, void *context)
{
    if (node == NULL)
        return false;

    switch (nodeTag(node))
    {
        case T_Var:
        case T_Const:
        case T_Param:
        case T_CaseTestExpr:
        case T_SQLValueFunction:
        case T_SetToDefault:
        case T_RangeTblRef:
        case T_SortGroupClause:
            break;
        case T_List:
            return walk_list((List *) node, walker, context);
        case T_IntList:
        case T_OidList:
            break;
        case T_Aggref:
            {
                Aggref     *a = (Aggref *) node;

                /* aggargtypes is an OID list: not walked */
                WALK(a->args);
                WALK(a->aggorder);
                WALK(a->aggdistinct);
                WALK(a->aggfilter);
            }
            break;
        case T_WindowFunc:
            WALK(((WindowFunc *) node)->args);
            WALK(((WindowFunc *) node)->aggfilter);
            break;
        case T_FuncExpr:
            WALK(((FuncExpr *) node)->args);
            break;
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            WALK(((OpExpr *) node)->args);
            break;
        case T_ScalarArrayOpExpr:
            WALK(((ScalarArrayOpExpr *) node)->args);
            break;
        case T_BoolExpr:
            WALK(((BoolExpr *) node)->args);
            break;
        case T_SubLink:
            WALK(((SubLink *) node)->testexpr);
            WALK(((SubLink *) node)->subselect);
            break;
        case T_SubPlan:
            WALK(((SubPlan *) node)->testexpr);
            WALK(((SubPlan *) node)->args);
            break;
        case T_RelabelType:
            WALK(((RelabelType *) node)->arg);
            break;
        case T_CoerceViaIO:
            WALK(((CoerceViaIO *) node)->arg);
            break;
        case T_CaseExpr:
            WALK(((CaseExpr *) node)->arg);
            WALK(((CaseExpr *) node)->args);
            WALK(((CaseExpr *) node)->defresult);
            break;
        case T_CaseWhen:
            WALK(((CaseWhen *) node)->expr);
            WALK(((CaseWhen *) node)->result);
            break;
        case T_ArrayExpr:
            WALK(((ArrayExpr *) node)->elements);
            break;
        case T_RowExpr:
            WALK(((RowExpr *) node)->args);
            break;
        case T_CoalesceExpr:
            WALK(((CoalesceExpr *) node)->args);
            break;
        case T_MinMaxExpr:
            WALK(((MinMaxExpr *) node)->args);
            break;
        case T_NullTest:
            WALK(((NullTest *) node)->arg);
            break;
        case T_BooleanTest:
            WALK(((BooleanTest *) node)->arg);
            break;
        case T_TargetEntry:
            WALK(((TargetEntry *) node)->expr);
            break;
        case T_Query:
            /* the walker decides whether to recurse into subqueries */
            break;
        case T_JoinExpr:
            WALK(((JoinExpr *) node)->larg);
            WALK(((JoinExpr *) node)->rarg);
            WALK(((JoinExpr *) node)->quals);
            break;
        case T_FromExpr:
            WALK(((FromExpr *) node)->fromlist);
            WALK(((FromExpr *) node)->quals);
            break;
        case T_SetOperationStmt:
            WALK(((SetOperationStmt *) node)->larg);
            WALK(((SetOperationStmt *) node)->rarg);
            break;
        default:
            elog(ERROR, "expression_tree_walker: unrecognized node type: %d",
                 (int) nodeTag(node));
    }
    return false;
}

/*
 * query_tree_walker
 *    Call walker on every expression of a Query (not on the Query itself):
 *    targetlist, jointree, clauses, and, unless flags say otherwise, the
 *    range table's expressions and subqueries.
 */
bool
query_tree_walker(Query *query, tree_walker_callback walker, void *context, int flags)
{
    WALK(query->targetList);
    WALK(query->returningList);
    WALK(query->jointree);
    WALK(query->setOperations);
    WALK(query->havingQual);
    WALK(query->limitOffset);
    WALK(query->limitCount);
    if (!(flags & QTW_IGNORE_RANGE_TABLE))
    {
        ListCell   *lc;

        foreach(lc, query->cteList)
            WALK(((CommonTableExpr *) lfirst(lc))->ctequery);
        if (range_table_walker(query->rtable, walker, context, flags))
            return true;
    }
    return false;
}

bool
range_table_walker(List *rtable, tree_walker_callback walker, void *context, int flags)
{
    ListCell   *lc;

    foreach(lc, rtable)
    {
        RangeTblEntry *rte = lfirst(lc);

        switch (rte->rtekind)
        {
            case RTE_RELATION:
            case RTE_CTE:
            case RTE_RESULT:
                break;
            case RTE_SUBQUERY:
                if (!(flags & QTW_IGNORE_RT_SUBQUERIES))
                    WALK(rte->subquery);
                break;
            case RTE_JOIN:
                if (!(flags & QTW_IGNORE_JOINALIASES))
                    WALK(rte->joinaliasvars);
                break;
            case RTE_FUNCTION:
                WALK(rte->functions);
                break;
            case RTE_VALUES:
                WALK(rte->values_lists);
                break;
        }
    }
    return false;
}

bool
query_or_expression_tree_walker(Node *node, tree_walker_callback walker, void *context,
                                int flags)
{
    if (node && IsA(node, Query))
        return query_tree_walker((Query *) node, walker, context, flags);
    return walker(node, context);
}

/* ================================================================ mutator */

#define MUTATE(newfield, oldfield, fieldtype) \
    ((newfield) = (fieldtype) mutator((Node *) (oldfield), context))
#define FLATCOPY(newnode, node, nodetype) \
    ((newnode) = (nodetype *) palloc(sizeof(nodetype)), \
     memcpy((newnode), (node), sizeof(nodetype)))

/*
 * expression_tree_mutator
 *    A copy of node whose children are mutator(child).  Leaf nodes are
 *    copied with copyObject.  A SubLink's subselect Query is passed to the
 *    mutator like any child (it must handle Query nodes itself, usually
 *    with query_tree_mutator), as in PostgreSQL.
 */
Node *
expression_tree_mutator(Node *node, tree_mutator_callback mutator, void *context)
{
    if (node == NULL)
        return NULL;

    switch (nodeTag(node))
    {
        case T_Var:
        case T_Const:
        case T_Param:
        case T_CaseTestExpr:
        case T_SQLValueFunction:
        case T_SetToDefault:
        case T_RangeTblRef:
        case T_SortGroupClause:
        case T_IntList:
        case T_OidList:
            return copyObjectImpl(node);
        case T_List:
            {
                List       *result = NIL;
                ListCell   *lc;

                foreach(lc, (List *) node)
                    result = lappend(result, mutator((Node *) lfirst(lc), context));
                return (Node *) result;
            }
        case T_Aggref:
            {
                Aggref     *a = (Aggref *) node,
                           *n;

                FLATCOPY(n, a, Aggref);
                n->aggargtypes = list_copy(a->aggargtypes);
                MUTATE(n->args, a->args, List *);
                MUTATE(n->aggorder, a->aggorder, List *);
                MUTATE(n->aggdistinct, a->aggdistinct, List *);
                MUTATE(n->aggfilter, a->aggfilter, Expr *);
                return (Node *) n;
            }
        case T_WindowFunc:
            {
                WindowFunc *w = (WindowFunc *) node,
                           *n;

                FLATCOPY(n, w, WindowFunc);
                MUTATE(n->args, w->args, List *);
                MUTATE(n->aggfilter, w->aggfilter, Expr *);
                return (Node *) n;
            }
        case T_FuncExpr:
            {
                FuncExpr   *f = (FuncExpr *) node,
                           *n;

                FLATCOPY(n, f, FuncExpr);
                MUTATE(n->args, f->args, List *);
                return (Node *) n;
            }
        case T_OpExpr:
        case T_DistinctExpr:
        case T_NullIfExpr:
            {
                OpExpr     *o = (OpExpr *) node,
                           *n;

                FLATCOPY(n, o, OpExpr);
                MUTATE(n->args, o->args, List *);
                return (Node *) n;
            }
        case T_ScalarArrayOpExpr:
            {
                ScalarArrayOpExpr *o = (ScalarArrayOpExpr *) node,
                           *n;

                FLATCOPY(n, o, ScalarArrayOpExpr);
                MUTATE(n->args, o->args, List *);
                return (Node *) n;
            }
        case T_BoolExpr:
            {
                BoolExpr   *b = (BoolExpr *) node,
                           *n;

                FLATCOPY(n, b, BoolExpr);
                MUTATE(n->args, b->args, List *);
                return (Node *) n;
            }
        case T_SubLink:
            {
                SubLink    *s = (SubLink *) node,
                           *n;

                FLATCOPY(n, s, SubLink);
                MUTATE(n->testexpr, s->testexpr, Node *);
                MUTATE(n->subselect, s->subselect, Node *);
                n->operName = copy_string_list(s->operName);
                return (Node *) n;
            }
        case T_SubPlan:
            {
                SubPlan    *s = (SubPlan *) node,
                           *n;

                FLATCOPY(n, s, SubPlan);
                MUTATE(n->testexpr, s->testexpr, Node *);
                MUTATE(n->args, s->args, List *);
                n->paramIds = list_copy(s->paramIds);
                n->setParam = list_copy(s->setParam);
                n->parParam = list_copy(s->parParam);
                return (Node *) n;
            }
        case T_RelabelType:
            {
                RelabelType *r = (RelabelType *) node,
                           *n;

                FLATCOPY(n, r, RelabelType);
                MUTATE(n->arg, r->arg, Expr *);
                return (Node *) n;
            }
        case T_CoerceViaIO:
            {
                CoerceViaIO *c = (CoerceViaIO *) node,
                           *n;

                FLATCOPY(n, c, CoerceViaIO);
                MUTATE(n->arg, c->arg, Expr *);
                return (Node *) n;
            }
        case T_CaseExpr:
            {
                CaseExpr   *c = (CaseExpr *) node,
                           *n;

                FLATCOPY(n, c, CaseExpr);
                MUTATE(n->arg, c->arg, Expr *);
                MUTATE(n->args, c->args, List *);
                MUTATE(n->defresult, c->defresult, Expr *);
                return (Node *) n;
            }
        case T_CaseWhen:
            {
                CaseWhen   *c = (CaseWhen *) node,
                           *n;

                FLATCOPY(n, c, CaseWhen);
                MUTATE(n->expr, c->expr, Expr *);
                MUTATE(n->result, c->result, Expr *);
                return (Node *) n;
            }
        case T_ArrayExpr:
            {
                ArrayExpr  *a = (ArrayExpr *) node,
                           *n;

                FLATCOPY(n, a, ArrayExpr);
                MUTATE(n->elements, a->elements, List *);
                return (Node *) n;
            }
        case T_RowExpr:
            {
                RowExpr    *r = (RowExpr *) node,
                           *n;

                FLATCOPY(n, r, RowExpr);
                MUTATE(n->args, r->args, List *);
                n->colnames = copy_string_list(r->colnames);
                return (Node *) n;
            }
        case T_CoalesceExpr:
            {
                CoalesceExpr *c = (CoalesceExpr *) node,
                           *n;

                FLATCOPY(n, c, CoalesceExpr);
                MUTATE(n->args, c->args, List *);
                return (Node *) n;
            }
        case T_MinMaxExpr:
            {
                MinMaxExpr *m = (MinMaxExpr *) node,
                           *n;

                FLATCOPY(n, m, MinMaxExpr);
                MUTATE(n->args, m->args, List *);
                return (Node *) n;
            }
        case T_NullTest:
            {
                NullTest   *t = (NullTest *) node,
                           *n;

                FLATCOPY(n, t, NullTest);
                MUTATE(n->arg, t->arg, Expr *);
                return (Node *) n;
            }
        case T_BooleanTest:
            {
                BooleanTest *t = (BooleanTest *) node,
                           *n;

                FLATCOPY(n, t, BooleanTest);
                MUTATE(n->arg, t->arg, Expr *);
                return (Node *) n;
            }
        case T_TargetEntry:
            {
                TargetEntry *t = (TargetEntry *) node,
                           *n;

                FLATCOPY(n, t, TargetEntry);
                MUTATE(n->expr, t->expr, Expr *);
                return (Node *) n;
            }
        case T_Query:
            /* as PostgreSQL: the mutator handles subqueries itself */
            return node;
        case T_JoinExpr:
            {
                JoinExpr   *j = (JoinExpr *) node,
                           *n;

                FLATCOPY(n, j, JoinExpr);
                MUTATE(n->larg, j->larg, Node *);
                MUTATE(n->rarg, j->rarg, Node *);
                MUTATE(n->quals, j->quals, Node *);
                n->usingClause = copy_string_list(j->usingClause);
                n->alias = copyObject(j->alias);
                return (Node *) n;
            }
        case T_FromExpr:
            {
                FromExpr   *f = (FromExpr *) node,
                           *n;

                FLATCOPY(n, f, FromExpr);
                MUTATE(n->fromlist, f->fromlist, List *);
                MUTATE(n->quals, f->quals, Node *);
                return (Node *) n;
            }
        case T_SetOperationStmt:
            {
                SetOperationStmt *s = (SetOperationStmt *) node,
                           *n;

                FLATCOPY(n, s, SetOperationStmt);
                MUTATE(n->larg, s->larg, Node *);
                MUTATE(n->rarg, s->rarg, Node *);
                return (Node *) n;
            }
        default:
            elog(ERROR, "expression_tree_mutator: unrecognized node type: %d",
                 (int) nodeTag(node));
    }
    return NULL;
}

/*
 * query_tree_mutator
 *    A copy of the Query (unless QTW_DONT_COPY_QUERY) with each of its
 *    expressions replaced by mutator(expr); range table subqueries and
 *    expressions too unless flags exclude them.
 */
Query *
query_tree_mutator(Query *query, tree_mutator_callback mutator, void *context, int flags)
{
    if (!(flags & QTW_DONT_COPY_QUERY))
    {
        Query      *newquery;

        FLATCOPY(newquery, query, Query);
        query = newquery;
    }
    MUTATE(query->targetList, query->targetList, List *);
    MUTATE(query->returningList, query->returningList, List *);
    MUTATE(query->jointree, query->jointree, FromExpr *);
    MUTATE(query->setOperations, query->setOperations, Node *);
    MUTATE(query->havingQual, query->havingQual, Node *);
    MUTATE(query->limitOffset, query->limitOffset, Node *);
    MUTATE(query->limitCount, query->limitCount, Node *);
    if (!(flags & QTW_IGNORE_RANGE_TABLE))
    {
        List       *newrt = NIL;
        ListCell   *lc;

        foreach(lc, query->rtable)
        {
            RangeTblEntry *rte = lfirst(lc),
                       *newrte;

            FLATCOPY(newrte, rte, RangeTblEntry);
            switch (rte->rtekind)
            {
                case RTE_SUBQUERY:
                    if (!(flags & QTW_IGNORE_RT_SUBQUERIES))
                        newrte->subquery = (Query *) mutator((Node *) rte->subquery, context);
                    else
                        newrte->subquery = copyObject(rte->subquery);
                    break;
                case RTE_JOIN:
                    if (!(flags & QTW_IGNORE_JOINALIASES))
                        MUTATE(newrte->joinaliasvars, rte->joinaliasvars, List *);
                    else
                        newrte->joinaliasvars = copyObject(rte->joinaliasvars);
                    break;
                case RTE_FUNCTION:
                    MUTATE(newrte->functions, rte->functions, List *);
                    break;
                case RTE_VALUES:
                    MUTATE(newrte->values_lists, rte->values_lists, List *);
                    break;
                default:
                    break;
            }
            newrt = lappend(newrt, newrte);
        }
        query->rtable = newrt;
    }
    return query;
}
