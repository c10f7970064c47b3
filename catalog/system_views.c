/*-------------------------------------------------------------------------
 * system_views.c
 *    Create the system views (information_schema and the pg_catalog views
 *    such as pg_tables, pg_settings) in a fresh data directory, from the
 *    SQL text of catalog/system_views.sql (PostgreSQL's initdb runs
 *    system_views.sql and information_schema.sql the same way).
 *
 * Principal entry point:
 *    LoadSystemViews     once, in the bootstrap process, after
 *                        BootstrapCatalog, in the same transaction
 *
 * The file is compiled into the server (scripts/gen-system-views.sh makes
 * build/system_views_sql.c of it), so a data directory never depends on
 * where the source tree is.  Each statement runs through the ordinary
 * utility path (ProcessUtility: CREATE VIEW, CREATE SCHEMA, ...) with a
 * CommandCounterIncrement after it, so a view may read the views defined
 * before it.  allow_system_table_mods is on for the duration, which lets
 * CREATE VIEW put its view in pg_catalog.  Any error is an error of the
 * bootstrap: the data directory is left uninitialized.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/guc.h"
#include "backend/portal.h"
#include "backend/utility.h"
#include "catalog/catalog.h"
#include "catalog/system_views.h"
#include "executor/dest.h"
#include "planner/parser.h"
#include "storage/xact.h"

/* build/system_views_sql.c (generated) */
extern const char system_views_sql[];

void
LoadSystemViews(void)
{
    MemoryContext stmtcxt = AllocSetContextCreate(CurrentMemoryContext, "system views");
    MemoryContext old = MemoryContextSwitchTo(stmtcxt);
    List       *stmts = raw_parser(system_views_sql);
    ListCell   *lc;

    SetConfigOption("allow_system_table_mods", "on", PGC_SUSET, PGC_S_OVERRIDE);
    foreach(lc, stmts)
    {
        RawStmt    *stmt = (RawStmt *) lfirst(lc);
        char        tag[COMPLETION_TAG_BUFSIZE];

        ProcessUtility(stmt, system_views_sql, true, NULL, None_Receiver, tag);
        CommandCounterIncrement();
    }
    SetConfigOption("allow_system_table_mods", "off", PGC_SUSET, PGC_S_OVERRIDE);
    MemoryContextSwitchTo(old);
    MemoryContextDelete(stmtcxt);
}
