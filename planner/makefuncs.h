/*-------------------------------------------------------------------------
 * makefuncs.h
 *    Constructors for expression and Query-tree nodes (PostgreSQL's
 *    src/include/nodes/makefuncs.h, the subset Basalt uses).  Every node
 *    is palloc'd in CurrentMemoryContext; list and node arguments are
 *    linked in, not copied.
 *-------------------------------------------------------------------------
 */
#ifndef MAKEFUNCS_H
#define MAKEFUNCS_H

#include "planner/parsenodes.h"

extern Var *makeVar(int varno, int16 varattno, Oid vartype, int32 vartypmod,
                    Oid varcollid, int varlevelsup);
extern Var *makeVarFromTargetEntry(int varno, TargetEntry *tle);
extern TargetEntry *makeTargetEntry(Expr *expr, int16 resno, char *resname, bool resjunk);
extern TargetEntry *flatCopyTargetEntry(TargetEntry *src_tle);
extern Const *makeConst(Oid consttype, int32 consttypmod, Oid constcollid, int constlen,
                        Datum constvalue, bool constisnull, bool constbyval);
/* A NULL of the given type, with the type's length and byval from pg_type. */
extern Const *makeNullConst(Oid consttype, int32 consttypmod, Oid constcollid);
extern Node *makeBoolConst(bool value, bool isnull);
extern Const *makeInt4Const(int32 value);
extern Const *makeInt8Const(int64 value);
extern Expr *makeBoolExpr(BoolExprType boolop, List *args, int location);
extern Alias *makeAlias(const char *aliasname, List *colnames);
extern RelabelType *makeRelabelType(Expr *arg, Oid rtype, int32 rtypmod, Oid rcollid,
                                    CoercionForm rformat);
extern RangeVar *makeRangeVar(char *schemaname, char *relname, int location);
extern FuncExpr *makeFuncExpr(Oid funcid, Oid rettype, List *args, Oid funccollid,
                              Oid inputcollid, CoercionForm fformat);
extern Expr *make_opclause(Oid opno, Oid opresulttype, bool opretset, Expr *leftop,
                           Expr *rightop, Oid opcollid, Oid inputcollid);
extern SortGroupClause *makeSortGroupClause(uint32 tleSortGroupRef, Oid eqop, Oid sortop,
                                            bool nulls_first, bool hashable);

/* implicit-AND lists (qual lists) <-> explicit AND clauses */
extern Expr *make_andclause(List *andclauses);
extern Expr *make_orclause(List *orclauses);
extern Expr *make_notclause(Expr *notclause);
extern Expr *make_ands_explicit(List *andclauses);
extern List *make_ands_implicit(Expr *clause);

#endif
