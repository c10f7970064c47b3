/*-------------------------------------------------------------------------
 * discard.c
 *    DISCARD { ALL | PLANS | SEQUENCES | TEMP } (PostgreSQL's
 *    commands/discard.c): return the session to its just-connected state,
 *    as connection poolers do between clients.  Each part calls the one
 *    owner of that state: settings (backend/guc.c), cursors and prepared
 *    statements (backend/portal.c), advisory locks (storage/lock.c),
 *    sequences' currval/lastval (catalog/sequence.c), temporary tables
 *    (catalog/schemacmds.c).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/discard.h"
#include "backend/guc.h"
#include "backend/portal.h"
#include "catalog/namespace.h"
#include "catalog/schemacmds.h"
#include "catalog/sequence.h"
#include "storage/lmgr.h"
#include "storage/xact.h"

static void
discard_temp(void)
{
    Oid         nsp = MyTempNamespace();

    if (OidIsValid(nsp))
        RemoveTempRelations(nsp);
}

void
DiscardCommand(PgQuery__DiscardStmt *stmt, bool isTopLevel)
{
    switch (stmt->target)
    {
        case PG_QUERY__DISCARD_MODE__DISCARD_ALL:
            PreventInTransactionBlock(isTopLevel, "DISCARD ALL");
            DropAllCursors();
            ResetAllOptions();
            DropAllPreparedStatements();
            AdvisoryLockReleaseAll();
            ResetSequenceCaches();
            discard_temp();
            break;
        case PG_QUERY__DISCARD_MODE__DISCARD_PLANS:
            /* plans are re-validated at every use (backend/plancache.c): nothing is kept stale */
            break;
        case PG_QUERY__DISCARD_MODE__DISCARD_SEQUENCES:
            ResetSequenceCaches();
            break;
        case PG_QUERY__DISCARD_MODE__DISCARD_TEMP:
            discard_temp();
            break;
        default:
            elog(ERROR, "unrecognized DISCARD target: %d", (int) stmt->target);
    }
}
