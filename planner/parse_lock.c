/*-------------------------------------------------------------------------
 * parse_lock.c
 *    The locking clause of a SELECT: FOR UPDATE / NO KEY UPDATE / SHARE /
 *    KEY SHARE [OF name, ...] [NOWAIT | SKIP LOCKED] (PostgreSQL's
 *    transformLockingClause and CheckSelectLocking, parser/analyze.c).
 *
 * The result is Query.rowMarks: one RowMarkClause per table of this query
 * level whose rows are locked.  Without OF every table in FROM is marked;
 * a table named by several clauses gets the strongest strength and the
 * strictest wait policy.  Marked tables are locked RowShareLock here, as
 * PostgreSQL's parser does, and their RTE remembers that mode so a cached
 * plan re-takes it.
 *
 * A sub-SELECT in FROM (or a view) gets the marks pushed down: its own
 * tables are locked by its own level's plan.  VALUES and, without OF,
 * functions and WITH queries have no rows to lock and are skipped.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/nodefuncs.h"
#include "planner/parse_node.h"
#include "storage/lmgr.h"
#include "storage/rel.h"

static LockClauseStrength
strength_from_raw(PgQuery__LockClauseStrength s)
{
    switch (s)
    {
        case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORKEYSHARE: return LCS_FORKEYSHARE;
        case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORSHARE: return LCS_FORSHARE;
        case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORNOKEYUPDATE: return LCS_FORNOKEYUPDATE;
        case PG_QUERY__LOCK_CLAUSE_STRENGTH__LCS_FORUPDATE: return LCS_FORUPDATE;
        default: return LCS_NONE;
    }
}

static LockWaitPolicy
policy_from_raw(PgQuery__LockWaitPolicy p)
{
    switch (p)
    {
        case PG_QUERY__LOCK_WAIT_POLICY__LockWaitSkip: return LockWaitSkip;
        case PG_QUERY__LOCK_WAIT_POLICY__LockWaitError: return LockWaitError;
        default: return LockWaitBlock;
    }
}

/* "FOR UPDATE" etc., for messages (PostgreSQL's LCS_asString). */
const char *
LCS_asString(LockClauseStrength strength)
{
    switch (strength)
    {
        case LCS_FORKEYSHARE: return "FOR KEY SHARE";
        case LCS_FORSHARE: return "FOR SHARE";
        case LCS_FORNOKEYUPDATE: return "FOR NO KEY UPDATE";
        case LCS_FORUPDATE: return "FOR UPDATE";
        default: return "FOR some";
    }
}

/* PostgreSQL's CheckSelectLocking: what a locking SELECT may not contain. */
static void
check_select_locking(Query *qry, LockClauseStrength strength)
{
    const char *what = NULL;

    if (qry->distinctClause != NIL)
        what = "DISTINCT clause";
    else if (qry->groupClause != NIL || qry->groupingSets != NIL)
        what = "GROUP BY clause";
    else if (qry->havingQual != NULL)
        what = "HAVING clause";
    else if (qry->hasAggs)
        what = "aggregate functions";
    else if (qry->hasWindowFuncs)
        what = "window functions";
    else if (qry->hasTargetSRFs && expression_returns_set((Node *) qry->targetList))
        what = "set-returning functions in the target list";
    if (what != NULL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                /* translator: %s is a SQL row locking clause such as FOR UPDATE */
                errmsg("%s is not allowed with %s", LCS_asString(strength), what));
}

static void mark_query(ParseState *pstate, Query *qry, LockClauseStrength strength,
                       LockWaitPolicy policy);

static void
mark_rte(ParseState *pstate, Query *qry, int rti, LockClauseStrength strength,
         LockWaitPolicy policy, int location)
{
    RangeTblEntry *rte = rt_fetch(rti, qry->rtable);
    RowMarkClause *rc;
    ListCell   *lc;

    switch (rte->rtekind)
    {
        case RTE_RELATION:
            break;
        case RTE_SUBQUERY:
            /* pushed down: the sub-SELECT (or view) locks its own tables */
            if (rte->subquery->setOperations != NULL)
                ereport(ERROR,
                        errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("%s is not allowed with UNION/INTERSECT/EXCEPT",
                               LCS_asString(strength)));
            check_select_locking(rte->subquery, strength);
            mark_query(pstate, rte->subquery, strength, policy);
            return;
        case RTE_JOIN:
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s cannot be applied to a join", LCS_asString(strength)),
                    parser_errposition(pstate, location));
            break;
        case RTE_FUNCTION:
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s cannot be applied to a function", LCS_asString(strength)),
                    parser_errposition(pstate, location));
            break;
        case RTE_VALUES:
            return;             /* PostgreSQL's VALUES-in-FROM is a sub-SELECT: nothing to lock */
        case RTE_CTE:
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s cannot be applied to a WITH query", LCS_asString(strength)),
                    parser_errposition(pstate, location));
            break;
        default:
            return;
    }
    if (rte->relkind != RELKIND_RELATION)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("cannot lock rows in %s \"%s\"",
                       rte->relkind == RELKIND_SEQUENCE ? "sequence" :
                       rte->relkind == RELKIND_VIEW ? "view" : "relation",
                       rte->eref->aliasname));

    foreach(lc, qry->rowMarks)
    {
        rc = lfirst(lc);
        if (rc->rti == rti)
        {
            rc->strength = Max(rc->strength, strength);
            rc->waitPolicy = Max(rc->waitPolicy, policy);
            return;
        }
    }
    rc = makeNode(RowMarkClause);
    rc->rti = rti;
    rc->strength = strength;
    rc->waitPolicy = policy;
    qry->rowMarks = lappend(qry->rowMarks, rc);
    LockRelationOid(rte->relid, RowShareLock);
    rte->rellockmode = RowShareLock;
}

/* Every table in qry's FROM (not those only in sub-SELECTs of expressions). */
static void
mark_query(ParseState *pstate, Query *qry, LockClauseStrength strength,
           LockWaitPolicy policy)
{
    int         rti = 0;
    ListCell   *l;

    foreach(l, qry->rtable)
    {
        RangeTblEntry *rte = lfirst(l);

        rti++;
        if (rte->inFromCl && (rte->rtekind == RTE_RELATION || rte->rtekind == RTE_SUBQUERY))
            mark_rte(pstate, qry, rti, strength, policy, -1);
    }
}

/* Is range table entry rti on the nullable side of an outer join in jtnode? */
static bool
rti_is_nullable(Node *jtnode, int rti, bool nullable)
{
    if (jtnode == NULL)
        return false;
    if (IsA(jtnode, RangeTblRef))
        return nullable && ((RangeTblRef *) jtnode)->rtindex == rti;
    if (IsA(jtnode, FromExpr))
    {
        ListCell   *lc;

        foreach(lc, ((FromExpr *) jtnode)->fromlist)
            if (rti_is_nullable(lfirst(lc), rti, nullable))
                return true;
        return false;
    }
    if (IsA(jtnode, JoinExpr))
    {
        JoinExpr   *j = (JoinExpr *) jtnode;
        bool        left_nullable = nullable || j->jointype == JOIN_RIGHT ||
                                    j->jointype == JOIN_FULL;
        bool        right_nullable = nullable || j->jointype == JOIN_LEFT ||
                                     j->jointype == JOIN_FULL;

        return rti_is_nullable(j->larg, rti, left_nullable) ||
               rti_is_nullable(j->rarg, rti, right_nullable);
    }
    return false;
}

/* PostgreSQL's preprocess_rowmarks check, for this level and pushed-down ones. */
static void
check_nullable_marks(Query *qry)
{
    ListCell   *lc;

    foreach(lc, qry->rowMarks)
    {
        RowMarkClause *rc = lfirst(lc);

        if (rti_is_nullable((Node *) qry->jointree, rc->rti, false))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("%s cannot be applied to the nullable side of an outer join",
                           LCS_asString(rc->strength)));
    }
    foreach(lc, qry->rtable)
    {
        RangeTblEntry *rte = lfirst(lc);

        if (rte->rtekind == RTE_SUBQUERY && rte->subquery->rowMarks != NIL)
            check_nullable_marks(rte->subquery);
    }
}

void
transformLockingClause(ParseState *pstate, Query *qry, PgQuery__SelectStmt *stmt)
{
    for (size_t i = 0; i < stmt->n_locking_clause; i++)
    {
        PgQuery__LockingClause *lc = stmt->locking_clause[i]->locking_clause;
        LockClauseStrength strength = strength_from_raw(lc->strength);
        LockWaitPolicy policy = policy_from_raw(lc->wait_policy);

        check_select_locking(qry, strength);
        if (lc->n_locked_rels == 0)
        {
            mark_query(pstate, qry, strength, policy);
            continue;
        }
        for (size_t j = 0; j < lc->n_locked_rels; j++)
        {
            PgQuery__RangeVar *rv = lc->locked_rels[j]->range_var;
            int         rti = 0;
            bool        found = false;
            ListCell   *l;

            if (rv->schemaname && rv->schemaname[0])
                ereport(ERROR,
                        errcode(ERRCODE_SYNTAX_ERROR),
                        errmsg("%s must specify unqualified relation names",
                               LCS_asString(strength)),
                        parser_errposition(pstate, rv->location));
            foreach(l, qry->rtable)
            {
                RangeTblEntry *rte = lfirst(l);

                rti++;
                if (!rte->inFromCl || rte->eref == NULL ||
                    strcmp(rte->eref->aliasname, rv->relname) != 0)
                    continue;
                mark_rte(pstate, qry, rti, strength, policy, rv->location);
                found = true;
            }
            if (!found)
                ereport(ERROR,
                        errcode(ERRCODE_UNDEFINED_TABLE),
                        errmsg("relation \"%s\" in %s clause not found in FROM clause",
                               rv->relname, LCS_asString(strength)),
                        parser_errposition(pstate, rv->location));
        }
    }
    check_nullable_marks(qry);
}
