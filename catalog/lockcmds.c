/*-------------------------------------------------------------------------
 * lockcmds.c
 *    LOCK [TABLE] name [, ...] [IN mode MODE] [NOWAIT] (PostgreSQL's
 *    commands/lockcmds.c): take a heavyweight relation lock held to the end
 *    of the transaction, through the one lock manager (storage/lock.c).
 *
 * Only inside a transaction block (a lock taken outside one would be
 * released at once).  Tables and views can be locked; NOWAIT turns a
 * conflict into 55P03 instead of waiting (lock_timeout and deadlock
 * detection apply while waiting, as for every lock).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lockcmds.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "storage/lmgr.h"
#include "storage/rel.h"
#include "storage/xact.h"

static const char *
str_or_null(const char *s)
{
    return s && s[0] ? s : NULL;
}

void
LockTableCommand(PgQuery__LockStmt *stmt, bool isTopLevel)
{
    LOCKMODE    mode = stmt->mode;

    RequireTransactionBlock(isTopLevel, "LOCK TABLE");
    for (size_t i = 0; i < stmt->n_relations; i++)
    {
        PgQuery__RangeVar *rv = stmt->relations[i]->range_var;
        Oid         relid = RangeVarGetRelid(str_or_null(rv->schemaname), rv->relname,
                                             NoLock, false);
        char        relkind = get_rel_relkind(relid);

        if (relkind != RELKIND_RELATION && relkind != RELKIND_VIEW)
            ereport(ERROR,
                    errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("cannot lock relation \"%s\"", rv->relname),
                    errdetail("This operation is not supported for %s.",
                              relkind == RELKIND_SEQUENCE ? "sequences" :
                              relkind == RELKIND_INDEX ? "indexes" : "this relation kind"));
        if (stmt->nowait)
        {
            if (!ConditionalLockRelationOid(relid, mode))
                ereport(ERROR,
                        errcode(ERRCODE_LOCK_NOT_AVAILABLE),
                        errmsg("could not obtain lock on relation \"%s\"", rv->relname));
        }
        else
            LockRelationOid(relid, mode);
    }
}
