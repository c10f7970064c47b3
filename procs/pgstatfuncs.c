/*-------------------------------------------------------------------------
 * pgstatfuncs.c
 *    pg_stat_get_activity(pid), the set-returning function behind
 *    pg_stat_activity (PostgreSQL's utils/adt/pgstatfuncs.c).
 *
 * One row per used slot of the backend status array
 * (backend/backend_status.c), or only the backend with the given pid;
 * PostgreSQL 15's thirty columns in its order.  What Basalt does not
 * track is NULL (wait events, client_hostname, backend_xid/xmin,
 * query_id, leader_pid) or false (ssl, gss_auth, gss_enc): there is no
 * TLS or GSSAPI, and every backend is a "client backend" of the one
 * database and role (datid 5 / usesysid 10 come from pg_database and
 * pg_authid's rows for them).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/backend_status.h"
#include "backend/interrupts.h"
#include "catalog/pg_type_oids.h"
#include "executor/tuplestore.h"
#include "procs/fmgr.h"
#include "procs/funcapi.h"
#include "procs/network.h"

#define PG_STAT_GET_ACTIVITY_COLS 30
#define BOOTSTRAP_DATABASE_OID 5        /* pg_database's "postgres" */
#define BOOTSTRAP_SUPERUSER_OID 10      /* pg_authid's "postgres" */

static TupleDesc
activity_desc(void)
{
    static const struct
    {
        const char *name;
        Oid         type;
    }           cols[PG_STAT_GET_ACTIVITY_COLS] = {
        {"datid", OIDOID}, {"pid", INT4OID}, {"usesysid", OIDOID},
        {"application_name", TEXTOID}, {"state", TEXTOID}, {"query", TEXTOID},
        {"wait_event_type", TEXTOID}, {"wait_event", TEXTOID},
        {"xact_start", TIMESTAMPTZOID}, {"query_start", TIMESTAMPTZOID},
        {"backend_start", TIMESTAMPTZOID}, {"state_change", TIMESTAMPTZOID},
        {"client_addr", INETOID}, {"client_hostname", TEXTOID}, {"client_port", INT4OID},
        {"backend_xid", XIDOID}, {"backend_xmin", XIDOID}, {"backend_type", TEXTOID},
        {"ssl", BOOLOID}, {"sslversion", TEXTOID}, {"sslcipher", TEXTOID},
        {"sslbits", INT4OID}, {"ssl_client_dn", TEXTOID}, {"ssl_client_serial", NUMERICOID},
        {"ssl_issuer_dn", TEXTOID}, {"gss_auth", BOOLOID}, {"gss_princ", TEXTOID},
        {"gss_enc", BOOLOID}, {"leader_pid", INT4OID}, {"query_id", INT8OID},
    };
    TupleDesc   desc = CreateTemplateTupleDesc(PG_STAT_GET_ACTIVITY_COLS);

    for (int i = 0; i < PG_STAT_GET_ACTIVITY_COLS; i++)
        TupleDescInitEntry(desc, i + 1, cols[i].name, cols[i].type, -1, 0);
    return desc;
}

static const char *
state_name(BackendState state)
{
    switch (state)
    {
        case STATE_IDLE:
            return "idle";
        case STATE_RUNNING:
            return "active";
        case STATE_IDLEINTRANSACTION:
            return "idle in transaction";
        case STATE_IDLEINTRANSACTION_ABORTED:
            return "idle in transaction (aborted)";
        case STATE_UNDEFINED:
            break;
    }
    return NULL;
}

static void
set_timestamp(Datum *values, bool *nulls, int col, TimestampTz ts)
{
    nulls[col] = (ts == 0);
    values[col] = Int64GetDatum(ts);
}

/* pg_stat_get_activity(pid int4): NULL pid means every backend */
Datum
pg_stat_get_activity(PG_FUNCTION_ARGS)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    int         want_pid = PG_ARGISNULL(0) ? 0 : PG_GETARG_INT32(0);
    int         nslots = pgstat_num_backend_slots();
    BackendStatusCopy *b = palloc(sizeof(BackendStatusCopy));

    InitMaterializedSRF(fcinfo, activity_desc());
    for (int i = 0; i < nslots; i++)
    {
        Datum       values[PG_STAT_GET_ACTIVITY_COLS];
        bool        nulls[PG_STAT_GET_ACTIVITY_COLS];
        const char *state;

        CHECK_FOR_INTERRUPTS();
        if (!pgstat_read_backend(i, b) || (want_pid != 0 && b->pid != want_pid))
            continue;
        memset(values, 0, sizeof(values));
        memset(nulls, true, sizeof(nulls));
        values[0] = ObjectIdGetDatum(BOOTSTRAP_DATABASE_OID);
        nulls[0] = false;
        values[1] = Int32GetDatum(b->pid);
        nulls[1] = false;
        values[2] = ObjectIdGetDatum(BOOTSTRAP_SUPERUSER_OID);
        nulls[2] = false;
        values[3] = CStringGetTextDatum(b->appname);
        nulls[3] = false;
        state = state_name(b->state);
        if (state != NULL)
        {
            values[4] = CStringGetTextDatum(state);
            nulls[4] = false;
        }
        values[5] = CStringGetTextDatum(b->query);
        nulls[5] = false;
        set_timestamp(values, nulls, 8, b->xact_start);
        set_timestamp(values, nulls, 9, b->query_start);
        set_timestamp(values, nulls, 10, b->backend_start);
        set_timestamp(values, nulls, 11, b->state_change);
        if (b->client_family != 0)
        {
            values[12] = inet_datum_from_bytes(b->client_family,
                                               b->client_family == 2 ? 32 : 128,
                                               b->client_addr);
            nulls[12] = false;
        }
        values[14] = Int32GetDatum(b->client_port);
        nulls[14] = false;
        values[17] = CStringGetTextDatum("client backend");
        nulls[17] = false;
        values[18] = BoolGetDatum(false);
        nulls[18] = false;
        values[25] = BoolGetDatum(false);
        nulls[25] = false;
        values[27] = BoolGetDatum(false);
        nulls[27] = false;
        tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
    }
    return (Datum) 0;
}
