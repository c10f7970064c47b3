/*-------------------------------------------------------------------------
 * execConstraints.c
 *    CHECK constraints on the rows INSERT and UPDATE write (PostgreSQL's
 *    ExecRelCheck / ExecConstraints, the CHECK part).
 *
 * Principal entry points:
 *    ExecInitCheckConstraints   analyze and compile the relation's
 *                               constraints, once per ModifyTable node
 *    ExecCheckConstraints       evaluate them on one new row
 *
 * The constraints come from pg_constraint as SQL text
 * (catalog/pg_constraint.c), are analyzed against the table (Vars with
 * varno 1 = the scan tuple) and compiled to step programs in the
 * statement's memory.  They run in name order, as PostgreSQL's do, so the
 * constraint reported is the one PostgreSQL reports.  A NULL result
 * passes (SQL's CHECK semantics).  NOT NULL is checked first, by the
 * caller.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/pg_constraint.h"
#include "executor/execConstraints.h"
#include "executor/executor.h"

struct CheckConstraintState
{
    int         ncheck;
    char      **names;
    ExprState **exprs;
    ExprContext *econtext;
};

CheckConstraintState *
ExecInitCheckConstraints(EState *estate, Relation rel)
{
    MemoryContext old = MemoryContextSwitchTo(estate->es_query_cxt);
    CheckConstraintState *ccs = palloc0(sizeof(CheckConstraintState));
    List       *defs = RelationGetCheckConstraints(RelationGetRelid(rel));
    ListCell   *lc;
    int         i = 0;

    ccs->ncheck = list_length(defs);
    if (ccs->ncheck > 0)
    {
        ccs->names = palloc(sizeof(char *) * ccs->ncheck);
        ccs->exprs = palloc(sizeof(ExprState *) * ccs->ncheck);
        ccs->econtext = CreateExprContext(estate);
        foreach(lc, defs)
        {
            CheckConstraintDef *def = lfirst(lc);
            Node       *expr = cookCheckConstraint(RelationGetRelid(rel), def->consrc);

            ccs->names[i] = def->conname;
            ccs->exprs[i] = ExecInitExpr((Expr *) expr, NULL);
            i++;
        }
    }
    MemoryContextSwitchTo(old);
    return ccs;
}

void
ExecCheckConstraints(CheckConstraintState *ccs, Relation rel, TupleTableSlot *slot)
{
    ExprContext *econtext = ccs->econtext;

    if (ccs->ncheck == 0)
        return;
    ResetExprContext(econtext);
    econtext->ecxt_scantuple = slot;
    for (int i = 0; i < ccs->ncheck; i++)
    {
        bool    isnull;
        Datum   d = ExecEvalExpr(ccs->exprs[i], econtext, &isnull);

        if (!isnull && !DatumGetBool(d))
            ereport(ERROR,
                    errcode(ERRCODE_CHECK_VIOLATION),
                    errmsg("new row for relation \"%s\" violates check constraint \"%s\"",
                           RelationGetRelationName(rel), ccs->names[i]),
                    errdetail("Failing row contains %s.", ExecBuildSlotValueDescription(slot)),
                    errtable(NULL, RelationGetRelationName(rel)),
                    errconstraint_name(ccs->names[i]));
    }
}
