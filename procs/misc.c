/*-------------------------------------------------------------------------
 * misc.c
 *    Small built-ins with no type family: pg_sleep (interruptible),
 *    version(), pg_backend_pid(), and the I/O functions of the pseudo-types
 *    unknown, cstring and void.
 *
 * pg_sleep sleeps in slices of at most 10 ms and runs CHECK_FOR_INTERRUPTS()
 * between them, so a cancel request or statement_timeout ends it promptly
 * (a signal also cuts the current slice short: nanosleep returns EINTR).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <math.h>
#include <time.h>
#include <unistd.h>
#include "backend/globals.h"
#include "backend/interrupts.h"
#include "procs/adt.h"
#include "procs/builtins.h"

#define SLEEP_SLICE_NS 10000000L    /* 10 ms */

static float8
monotonic_seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (float8) ts.tv_sec + (float8) ts.tv_nsec / 1e9;
}

Datum
pg_sleep(PG_FUNCTION_ARGS)
{
    float8 secs = PG_GETARG_FLOAT8(0);
    float8 endtime;

    /* NaN or negative: no sleep (as PostgreSQL, which compares delay > 0) */
    if (!(secs > 0))
        PG_RETURN_VOID();
    endtime = monotonic_seconds() + secs;
    for (;;)
    {
        float8 delay;
        struct timespec ts;

        CHECK_FOR_INTERRUPTS();
        delay = endtime - monotonic_seconds();
        if (delay <= 0.0)
            break;
        ts.tv_sec = 0;
        ts.tv_nsec = delay * 1e9 < SLEEP_SLICE_NS ? (long) ceil(delay * 1e9) : SLEEP_SLICE_NS;
        nanosleep(&ts, NULL);
    }
    PG_RETURN_VOID();
}

/* version(): the text clients parse for "PostgreSQL <major>.<minor>" */
Datum
pgsql_version(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text("PostgreSQL " PG_VERSION_STR
                                     " (Basalt 0.1) on x86_64-pc-linux-gnu, compiled by gcc "
                                     __VERSION__ ", 64-bit"));
}

Datum
pg_backend_pid(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32((int32) getpid());
}

/* ---------------------------------------------------------------- unknown
 * An untyped literal: stored like a cstring (typlen -2). */

Datum
unknownin(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum
unknownout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum
unknownrecv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int     nbytes;

    PG_RETURN_CSTRING(pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes));
}

Datum
unknownsend(PG_FUNCTION_ARGS)
{
    char   *str = PG_GETARG_CSTRING(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, str, strlen(str));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- cstring */

Datum
cstring_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum
cstring_out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

Datum
cstring_recv(PG_FUNCTION_ARGS)
{
    StringInfo buf = (StringInfo) PG_GETARG_POINTER(0);
    int     nbytes;

    PG_RETURN_CSTRING(pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes));
}

Datum
cstring_send(PG_FUNCTION_ARGS)
{
    char   *str = PG_GETARG_CSTRING(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendtext(&buf, str, strlen(str));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------------------------------------------------------------- void */

Datum
void_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_VOID();
}

/* a void result prints as the empty string */
Datum
void_out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(""));
}

Datum
void_recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_VOID();
}

Datum
void_send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}
