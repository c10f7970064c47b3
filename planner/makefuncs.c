/*-------------------------------------------------------------------------
 * makefuncs.c
 *    Constructors for expression and Query-tree nodes, and makeParamList.
 *
 * These only fill fields; they never look anything up except
 * makeNullConst, which takes the type's length and by-value flag from
 * pg_type so that a NULL Const is indistinguishable from one the input
 * function would have built.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "planner/makefuncs.h"
#include "planner/params.h"

Var *
makeVar(int varno, int16 varattno, Oid vartype, int32 vartypmod, Oid varcollid,
        int varlevelsup)
{
    Var        *var = makeNode(Var);

    var->varno = varno;
    var->varattno = varattno;
    var->vartype = vartype;
    var->vartypmod = vartypmod;
    var->varcollid = varcollid;
    var->varlevelsup = varlevelsup;
    var->varnosyn = varno;
    var->varattnosyn = varattno;
    var->location = -1;
    return var;
}

/* A Var referring to output column tle->resno of range table entry varno. */
Var *
makeVarFromTargetEntry(int varno, TargetEntry *tle)
{
    return makeVar(varno, tle->resno, exprType((Node *) tle->expr),
                   exprTypmod((Node *) tle->expr), exprCollation((Node *) tle->expr), 0);
}

TargetEntry *
makeTargetEntry(Expr *expr, int16 resno, char *resname, bool resjunk)
{
    TargetEntry *tle = makeNode(TargetEntry);

    tle->expr = expr;
    tle->resno = resno;
    tle->resname = resname;
    tle->resjunk = resjunk;
    return tle;
}

TargetEntry *
flatCopyTargetEntry(TargetEntry *src_tle)
{
    TargetEntry *tle = makeNode(TargetEntry);

    *tle = *src_tle;
    return tle;
}

Const *
makeConst(Oid consttype, int32 consttypmod, Oid constcollid, int constlen,
          Datum constvalue, bool constisnull, bool constbyval)
{
    Const      *cnst = makeNode(Const);

    cnst->consttype = consttype;
    cnst->consttypmod = consttypmod;
    cnst->constcollid = constcollid;
    cnst->constlen = constlen;
    cnst->constvalue = constisnull ? (Datum) 0 : constvalue;
    cnst->constisnull = constisnull;
    cnst->constbyval = constbyval;
    cnst->location = -1;
    return cnst;
}

Const *
makeNullConst(Oid consttype, int32 consttypmod, Oid constcollid)
{
    int16       typlen;
    bool        typbyval;
    char        typalign;

    get_typlenbyvalalign(consttype, &typlen, &typbyval, &typalign);
    return makeConst(consttype, consttypmod, constcollid, (int) typlen, (Datum) 0,
                     true, typbyval);
}

Node *
makeBoolConst(bool value, bool isnull)
{
    return (Node *) makeConst(BOOLOID, -1, InvalidOid, 1, BoolGetDatum(value), isnull, true);
}

Const *
makeInt4Const(int32 value)
{
    return makeConst(INT4OID, -1, InvalidOid, 4, Int32GetDatum(value), false, true);
}

Const *
makeInt8Const(int64 value)
{
    return makeConst(INT8OID, -1, InvalidOid, 8, Int64GetDatum(value), false, true);
}

Expr *
makeBoolExpr(BoolExprType boolop, List *args, int location)
{
    BoolExpr   *b = makeNode(BoolExpr);

    b->boolop = boolop;
    b->args = args;
    b->location = location;
    return (Expr *) b;
}

Alias *
makeAlias(const char *aliasname, List *colnames)
{
    Alias      *a = makeNode(Alias);

    a->aliasname = pstrdup(aliasname);
    a->colnames = colnames;
    return a;
}

RelabelType *
makeRelabelType(Expr *arg, Oid rtype, int32 rtypmod, Oid rcollid, CoercionForm rformat)
{
    RelabelType *r = makeNode(RelabelType);

    r->arg = arg;
    r->resulttype = rtype;
    r->resulttypmod = rtypmod;
    r->resultcollid = rcollid;
    r->relabelformat = rformat;
    r->location = -1;
    return r;
}

RangeVar *
makeRangeVar(char *schemaname, char *relname, int location)
{
    RangeVar   *r = makeNode(RangeVar);

    r->schemaname = schemaname;
    r->relname = relname;
    r->relpersistence = 'p';
    r->location = location;
    return r;
}

FuncExpr *
makeFuncExpr(Oid funcid, Oid rettype, List *args, Oid funccollid, Oid inputcollid,
             CoercionForm fformat)
{
    FuncExpr   *f = makeNode(FuncExpr);

    f->funcid = funcid;
    f->funcresulttype = rettype;
    f->funcretset = false;
    f->funcvariadic = false;
    f->funcformat = fformat;
    f->funccollid = funccollid;
    f->inputcollid = inputcollid;
    f->args = args;
    f->location = -1;
    return f;
}

Expr *
make_opclause(Oid opno, Oid opresulttype, bool opretset, Expr *leftop, Expr *rightop,
              Oid opcollid, Oid inputcollid)
{
    OpExpr     *e = makeNode(OpExpr);
    const OperInfo *op = lookup_operator(opno);

    e->opno = opno;
    e->opfuncid = op ? op->oprcode : InvalidOid;
    e->opresulttype = opresulttype;
    e->opretset = opretset;
    e->opcollid = opcollid;
    e->inputcollid = inputcollid;
    e->args = rightop ? list_make2(leftop, rightop) : list_make1(leftop);
    e->location = -1;
    return (Expr *) e;
}

SortGroupClause *
makeSortGroupClause(uint32 tleSortGroupRef, Oid eqop, Oid sortop, bool nulls_first,
                    bool hashable)
{
    SortGroupClause *s = makeNode(SortGroupClause);

    s->tleSortGroupRef = tleSortGroupRef;
    s->eqop = eqop;
    s->sortop = sortop;
    s->nulls_first = nulls_first;
    s->hashable = hashable;
    return s;
}

/* ---------------------------------------------------------------- AND/OR */

Expr *
make_andclause(List *andclauses)
{
    return makeBoolExpr(AND_EXPR, andclauses, -1);
}

Expr *
make_orclause(List *orclauses)
{
    return makeBoolExpr(OR_EXPR, orclauses, -1);
}

Expr *
make_notclause(Expr *notclause)
{
    return makeBoolExpr(NOT_EXPR, list_make1(notclause), -1);
}

/* An implicit-AND list as one expression: NULL for NIL, the item for one. */
Expr *
make_ands_explicit(List *andclauses)
{
    if (andclauses == NIL)
        return (Expr *) makeBoolConst(true, false);
    if (list_length(andclauses) == 1)
        return (Expr *) linitial(andclauses);
    return make_andclause(andclauses);
}

/*
 * One expression as an implicit-AND list: a top-level AND is flattened,
 * NULL and constant TRUE become NIL.
 */
List *
make_ands_implicit(Expr *clause)
{
    if (clause == NULL)
        return NIL;
    if (IsA(clause, BoolExpr) && ((BoolExpr *) clause)->boolop == AND_EXPR)
    {
        List       *result = NIL;
        ListCell   *lc;

        foreach(lc, ((BoolExpr *) clause)->args)
            result = list_concat(result, make_ands_implicit((Expr *) lfirst(lc)));
        return result;
    }
    if (IsA(clause, Const) && !((Const *) clause)->constisnull &&
        DatumGetBool(((Const *) clause)->constvalue) &&
        ((Const *) clause)->consttype == BOOLOID)
        return NIL;
    return list_make1(clause);
}

/* ---------------------------------------------------------------- params */

/* A ParamListInfo for numParams values, all NULL and untyped. */
ParamListInfo
makeParamList(int numParams)
{
    ParamListInfo p;

    p = palloc0(offsetof(ParamListInfoData, params) +
                (Size) Max(numParams, 0) * sizeof(ParamExternData));
    p->numParams = numParams;
    for (int i = 0; i < numParams; i++)
    {
        p->params[i].isnull = true;
        p->params[i].ptype = InvalidOid;
    }
    return p;
}
