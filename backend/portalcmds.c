/*-------------------------------------------------------------------------
 * portalcmds.c
 *    SQL cursors: DECLARE, FETCH, MOVE, CLOSE (PostgreSQL's
 *    commands/portalcmds.c).  A cursor is a named portal (backend/portal.h),
 *    the same object the extended protocol's Bind creates, so the two share
 *    one name space, one limit (MAX_PORTALS) and one lifetime: a cursor
 *    lives until CLOSE or the end of its transaction block.
 *
 * The cursor's statement is analyzed and planned into the portal's own
 * memory (a transient CachedStatement), so it goes away with the portal.
 * FETCH runs the portal for the requested number of rows straight into
 * the FETCH statement's destination (RowDescription + DataRows); MOVE runs
 * it into a receiver that only counts.
 *
 * Not supported yet (0A000): WITH HOLD, SCROLL and BINARY cursors.  A
 * cursor only moves forward: FETCH BACKWARD/PRIOR/LAST, and FIRST/
 * ABSOLUTE/RELATIVE positions behind the current one, give PostgreSQL's
 * 55000 "cursor can only scan forward".
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/portal.h"
#include "backend/portalcmds.h"
#include "storage/xact.h"

/* PostgreSQL's CURSOR_OPT_* bits in DeclareCursorStmt.options */
#define CURSOR_OPT_BINARY       0x0001
#define CURSOR_OPT_SCROLL       0x0002
#define CURSOR_OPT_HOLD         0x0020

#define FETCH_ALL_ROWS          INT64_MAX   /* the grammar's FETCH_ALL */

void
PerformCursorOpen(PgQuery__DeclareCursorStmt *stmt, RawStmt *pstmt, const char *queryString,
                  ParamListInfo params, bool isTopLevel)
{
    Portal      portal;
    MemoryContext old;
    RawStmt    *raw;
    CachedStatement *cs;
    Oid        *types = NULL;
    int         ntypes = params ? params->numParams : 0;

    if (stmt->portalname == NULL || stmt->portalname[0] == '\0')
        ereport(ERROR,
                errcode(ERRCODE_INVALID_CURSOR_NAME),
                errmsg("invalid cursor name: must not be empty"));
    if (stmt->options & CURSOR_OPT_HOLD)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("%s is not supported yet", "DECLARE CURSOR WITH HOLD"));
    RequireTransactionBlock(isTopLevel, "DECLARE CURSOR");
    if (stmt->options & CURSOR_OPT_SCROLL)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("%s is not supported yet", "DECLARE SCROLL CURSOR"));
    if (stmt->options & CURSOR_OPT_BINARY)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("%s is not supported yet", "DECLARE BINARY CURSOR"));
    if (stmt->query->node_case != PG_QUERY__NODE__NODE_SELECT_STMT)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
                errmsg("cannot open %s query as cursor", "non-SELECT"));

    portal = CreatePortal(stmt->portalname);
    old = MemoryContextSwitchTo(portal->portalContext);
    raw = palloc0(sizeof(RawStmt));
    raw->stmt = copyRawNode(stmt->query);
    raw->stmt_location = pstmt->stmt_location;
    raw->stmt_len = pstmt->stmt_len;
    if (ntypes > 0)
    {
        types = palloc(sizeof(Oid) * (Size) ntypes);
        for (int i = 0; i < ntypes; i++)
            types[i] = params->params[i].ptype;
    }
    cs = BuildCachedStatement(raw, pstrdup(queryString), types, ntypes, false);
    if (cs->is_utility || cs->raw == NULL)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_CURSOR_DEFINITION),
                errmsg("cannot open %s query as cursor", "utility"));
    PortalDefineQuery(portal, cs, params);
    MemoryContextSwitchTo(old);
    PortalStart(portal);
    if (portal->strategy != PORTAL_ONE_SELECT)
    {
        PortalDrop(portal);
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("DECLARE CURSOR must not contain data-modifying statements in WITH"));
    }
}

static Portal
cursor_by_name(const char *name)
{
    Portal      portal = (name && name[0]) ? GetPortalByName(name) : NULL;

    if (portal == NULL)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_CURSOR),
                errmsg("cursor \"%s\" does not exist", name ? name : ""));
    return portal;
}

/* Rows the cursor has returned so far (its position). */
static uint64
cursor_position(Portal portal)
{
    return portal->queryDesc ? portal->queryDesc->processed : 0;
}

static pg_attribute_noreturn() void
forward_only(void)
{
    ereport(ERROR,
            errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
            errmsg("cursor can only scan forward"),
            errhint("Declare it with SCROLL option to enable backward scan."));
}

/* A receiver that only counts (MOVE, and skipping rows). */
typedef struct
{
    DestReceiver pub;
    uint64      rows;
} CountReceiver;

static bool count_receive(TupleTableSlot *slot, DestReceiver *self)
{
    (void) slot;
    ((CountReceiver *) self)->rows++;
    return true;
}
static void count_startup(DestReceiver *self, int op, TupleDesc desc)
{
    (void) self; (void) op; (void) desc;
}
static void count_noop(DestReceiver *self)
{
    (void) self;
}

static uint64
run_cursor(Portal portal, int64 count, DestReceiver *dest)
{
    char        tag[COMPLETION_TAG_BUFSIZE];
    uint64      before = cursor_position(portal);

    if (count <= 0)
        return 0;
    if (portal->atEnd)
    {
        /* PostgreSQL still describes the (empty) result */
        dest->rStartup(dest, CMD_SELECT, portal->tupDesc);
        dest->rShutdown(dest);
        return 0;
    }
    (void) PortalRun(portal, count == FETCH_ALL_ROWS ? FETCH_ALL : (long) count, false, dest, tag);
    return cursor_position(portal) - before;
}

void
PerformPortalFetch(PgQuery__FetchStmt *stmt, DestReceiver *dest, char *completionTag)
{
    Portal      portal = cursor_by_name(stmt->portalname);
    int64       count = stmt->how_many;
    uint64      pos = cursor_position(portal);
    uint64      skip = 0;
    uint64      nrows;
    CountReceiver counter = {{count_receive, count_startup, count_noop, count_noop, DestNone}, 0};

    if (portal->status == PORTAL_FAILED || portal->strategy != PORTAL_ONE_SELECT)
        ereport(ERROR,
                errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                errmsg("portal \"%s\" cannot be run", portal->name));
    switch (stmt->direction)
    {
        case PG_QUERY__FETCH_DIRECTION__FETCH_BACKWARD:
            if (count != 0)
                forward_only();
            break;
        case PG_QUERY__FETCH_DIRECTION__FETCH_ABSOLUTE:
            /* ABSOLUTE n: the n-th row (FIRST = 1, LAST = -1) */
            if (count <= 0 || (uint64) count <= pos)
                forward_only();
            skip = (uint64) count - pos - 1;
            count = 1;
            break;
        case PG_QUERY__FETCH_DIRECTION__FETCH_RELATIVE:
            if (count < 0)
                forward_only();
            if (count == 0)
                break;              /* re-fetch the current row: not kept */
            skip = (uint64) count - 1;
            count = 1;
            break;
        default:
            break;
    }
    if (skip > 0)
        (void) run_cursor(portal, (int64) skip, &counter.pub);
    if (stmt->ismove)
    {
        counter.rows = 0;
        nrows = run_cursor(portal, count, &counter.pub);
        snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "MOVE %llu", (unsigned long long) nrows);
        return;
    }
    nrows = run_cursor(portal, count, dest);
    snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "FETCH %llu", (unsigned long long) nrows);
}

void
PerformPortalClose(const char *name)
{
    if (name == NULL || name[0] == '\0')
    {
        DropAllCursors();
        return;
    }
    PortalDrop(cursor_by_name(name));
}

TupleDesc
FetchResultDesc(PgQuery__FetchStmt *stmt)
{
    Portal      portal;

    if (stmt->ismove || stmt->portalname == NULL || stmt->portalname[0] == '\0')
        return NULL;
    portal = GetPortalByName(stmt->portalname);
    if (portal == NULL || portal->tupDesc == NULL)
        return NULL;
    return CreateTupleDescCopy(portal->tupDesc);
}
