/*-------------------------------------------------------------------------
 * equalfuncs.c
 *    equal(): structural equality of expression, Query and raw trees,
 *    ignoring locations (PostgreSQL's equalfuncs.c).  GROUP BY matching,
 *    setrefs' expression matching and aggregate de-duplication rely on it.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "planner/nodefuncs.h"
#include "planner/plannodes.h"

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
        case T_GroupingFunc:
            {
                const GroupingFunc *a = va, *b = vb;

                /* refs/cols are derived from args (PostgreSQL does not compare them either) */
                COMPARE_NODE_FIELD(args);
                COMPARE_SCALAR_FIELD(agglevelsup);
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
        case T_ArrayCoerceExpr:
            {
                const ArrayCoerceExpr *a = va, *b = vb;

                COMPARE_NODE_FIELD(arg);
                COMPARE_NODE_FIELD(elemexpr);
                COMPARE_SCALAR_FIELD(resulttype);
                COMPARE_SCALAR_FIELD(resulttypmod);
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
        case T_SubscriptingRef:
            {
                const SubscriptingRef *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(refcontainertype);
                COMPARE_SCALAR_FIELD(refelemtype);
                COMPARE_SCALAR_FIELD(refrestype);
                COMPARE_SCALAR_FIELD(reftypmod);
                COMPARE_SCALAR_FIELD(refcollid);
                COMPARE_NODE_FIELD(refupperindexpr);
                COMPARE_NODE_FIELD(reflowerindexpr);
                COMPARE_NODE_FIELD(refexpr);
                COMPARE_NODE_FIELD(refassgnexpr);
                return true;
            }
        case T_FieldSelect:
            {
                const FieldSelect *a = va, *b = vb;

                COMPARE_NODE_FIELD(arg);
                COMPARE_SCALAR_FIELD(fieldnum);
                COMPARE_SCALAR_FIELD(resulttype);
                COMPARE_SCALAR_FIELD(resulttypmod);
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
                COMPARE_NODE_FIELD(withCheckOptions);
                COMPARE_NODE_FIELD(groupClause);
                COMPARE_NODE_FIELD(groupingSets);
                COMPARE_SCALAR_FIELD(groupDistinct);
                COMPARE_NODE_FIELD(havingQual);
                COMPARE_NODE_FIELD(windowClause);
                COMPARE_NODE_FIELD(distinctClause);
                COMPARE_NODE_FIELD(sortClause);
                COMPARE_NODE_FIELD(limitOffset);
                COMPARE_NODE_FIELD(limitCount);
                COMPARE_SCALAR_FIELD(limitOption);
                COMPARE_NODE_FIELD(setOperations);
                COMPARE_NODE_FIELD(constraintDeps);
                COMPARE_NODE_FIELD(rowMarks);
                COMPARE_SCALAR_FIELD(onConflictAction);
                COMPARE_NODE_FIELD(arbiterIndexes);
                COMPARE_NODE_FIELD(onConflictSet);
                COMPARE_NODE_FIELD(onConflictWhere);
                COMPARE_SCALAR_FIELD(exclRelIndex);
                return true;
            }
        case T_RowMarkClause:
            {
                const RowMarkClause *a = va, *b = vb;

                COMPARE_SCALAR_FIELD(rti);
                COMPARE_SCALAR_FIELD(strength);
                COMPARE_SCALAR_FIELD(waitPolicy);
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

