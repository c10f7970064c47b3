/*-------------------------------------------------------------------------
 * nodes.h
 *    Tagged tree nodes: the common header of parse trees, Query trees,
 *    expressions, plans and executor state.  Every node struct begins with
 *    a NodeTag; makeNode allocates one zeroed in CurrentMemoryContext.
 *
 * The tag list is the one registry of node types: add a tag here when you
 * add a node struct, in the section of the module that owns it.
 * equal() and copyObject() (planner/nodefuncs.c) cover every expression
 * and Query node.
 *-------------------------------------------------------------------------
 */
#ifndef NODES_H
#define NODES_H

typedef enum NodeTag
{
    T_Invalid = 0,

    /* backend/utils/list.h */
    T_List,
    T_IntList,
    T_OidList,

    /* planner/primnodes.h: expressions */
    T_Alias,
    T_RangeVar,
    T_Var,
    T_Const,
    T_Param,
    T_Aggref,
    T_GroupingFunc,
    T_WindowFunc,
    T_FuncExpr,
    T_OpExpr,
    T_DistinctExpr,
    T_NullIfExpr,
    T_ScalarArrayOpExpr,
    T_BoolExpr,
    T_SubLink,
    T_SubPlan,
    T_RelabelType,
    T_CoerceViaIO,
    T_ArrayCoerceExpr,
    T_CaseExpr,
    T_CaseWhen,
    T_CaseTestExpr,
    T_ArrayExpr,
    T_SubscriptingRef,
    T_RowExpr,
    T_FieldSelect,
    T_CoalesceExpr,
    T_MinMaxExpr,
    T_SQLValueFunction,
    T_NullTest,
    T_BooleanTest,
    T_CoerceToDomain,
    T_SetToDefault,
    T_TargetEntry,
    T_RangeTblRef,
    T_JoinExpr,
    T_FromExpr,

    /* planner/parsenodes.h: analyzed statements */
    T_Query,
    T_RangeTblEntry,
    T_SortGroupClause,
    T_GroupingSet,
    T_WindowClause,
    T_CommonTableExpr,
    T_RowMarkClause,
    T_SetOperationStmt,

    /* planner/plannodes.h: plans */
    T_PlannedStmt,
    T_Result,
    T_ProjectSet,
    T_ModifyTable,
    T_Append,
    T_SeqScan,
    T_IndexScan,
    T_SubqueryScan,
    T_FunctionScan,
    T_ValuesScan,
    T_CteScan,
    T_WorkTableScan,
    T_NestLoop,
    T_MergeJoin,
    T_HashJoin,
    T_Material,
    T_Sort,
    T_Group,
    T_Agg,
    T_WindowAgg,
    T_Unique,
    T_Hash,
    T_SetOp,
    T_LockRows,
    T_PlanRowMark,
    T_Limit,
    T_NestLoopParam,
    T_RecursiveUnion,

    /* executor/execnodes.h: executor state */
    T_EState,
    T_ExprState,
    T_ExprContext,
    T_ResultState,
    T_ProjectSetState,
    T_ModifyTableState,
    T_AppendState,
    T_SeqScanState,
    T_IndexScanState,
    T_SubqueryScanState,
    T_FunctionScanState,
    T_ValuesScanState,
    T_CteScanState,
    T_WorkTableScanState,
    T_NestLoopState,
    T_MergeJoinState,
    T_HashJoinState,
    T_MaterialState,
    T_SortState,
    T_GroupState,
    T_AggState,
    T_WindowAggState,
    T_UniqueState,
    T_HashState,
    T_SetOpState,
    T_LockRowsState,
    T_LimitState,
    T_SubPlanState,
    T_RecursiveUnionState,

    /* other */
    T_ReturnSetInfo,
    T_WindowObjectData,
    T_TriggerData,
    T_CallContext,
    T_Value_Placeholder
} NodeTag;

typedef struct Node
{
    NodeTag type;
} Node;

#define nodeTag(nodeptr) (((const Node *) (nodeptr))->type)
#define makeNode(_type_) ((_type_ *) newNode(sizeof(_type_), T_##_type_))
#define IsA(nodeptr, _type_) ((nodeptr) != NULL && nodeTag(nodeptr) == T_##_type_)
#define castNode(_type_, nodeptr) ((_type_ *) (nodeptr))

static inline Node *
newNode(size_t size, NodeTag tag)
{
    Node *result = (Node *) palloc0(size);

    result->type = tag;
    return result;
}

/* planner/nodefuncs.c */
extern bool equal(const void *a, const void *b);
extern void *copyObjectImpl(const void *from);
#define copyObject(obj) ((__typeof__(obj)) copyObjectImpl(obj))

#endif
