/*-------------------------------------------------------------------------
 * errors.c
 *    ErrorResponse / NoticeResponse: how an ereport reaches the client.
 *
 * send_message_to_frontend is installed as emit_error_to_client_hook.
 * The field order is PostgreSQL's (src/backend/utils/error/elog.c):
 *   S severity (localized; Basalt has one language), V severity,
 *   C SQLSTATE, M message (always present), D detail, H hint, W context,
 *   s schema, t table, c column, d data type, n constraint,
 *   P position | p internal position, q internal query,
 *   F file (base name), L line, R routine.
 * Levels below ERROR go out as NoticeResponse ('N').  Every report is
 * flushed at once, so a client learns why a backend died even if it dies
 * right after.  Before the client has told us it speaks v3, a report goes
 * out in the v2 format ("E" + "FATAL:  text\n" + NUL), as PostgreSQL does
 * for "unsupported frontend protocol".
 *
 * The SIGQUIT notice is prebuilt at startup into a static buffer and
 * written with write(2) from the signal handler (async-signal-safe).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <unistd.h>

#include "backend/interrupts.h"
#include "pgwire/pgwire.h"
#include "pgwire/pqformat.h"

static void
err_sendstring(StringInfo buf, const char *str)
{
    pq_sendstring(buf, str);
}

static const char *
base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

static void
build_v3_report(StringInfo msgbuf, const ErrorData *edata)
{
    char    state[6];
    const char *sev = error_severity(edata->elevel);
    char    tbuf[16];

    pq_beginmessage(msgbuf, edata->elevel < ERROR ? 'N' : 'E');
    pq_sendbyte(msgbuf, 'S');
    err_sendstring(msgbuf, sev);
    pq_sendbyte(msgbuf, 'V');
    err_sendstring(msgbuf, sev);
    pq_sendbyte(msgbuf, 'C');
    err_sendstring(msgbuf, unpack_sql_state(edata->sqlerrcode, state));
    pq_sendbyte(msgbuf, 'M');
    err_sendstring(msgbuf, edata->message ? edata->message : "missing error text");
    if (edata->detail)
    {
        pq_sendbyte(msgbuf, 'D');
        err_sendstring(msgbuf, edata->detail);
    }
    if (edata->hint)
    {
        pq_sendbyte(msgbuf, 'H');
        err_sendstring(msgbuf, edata->hint);
    }
    if (edata->context)
    {
        pq_sendbyte(msgbuf, 'W');
        err_sendstring(msgbuf, edata->context);
    }
    if (edata->schema_name)
    {
        pq_sendbyte(msgbuf, 's');
        err_sendstring(msgbuf, edata->schema_name);
    }
    if (edata->table_name)
    {
        pq_sendbyte(msgbuf, 't');
        err_sendstring(msgbuf, edata->table_name);
    }
    if (edata->column_name)
    {
        pq_sendbyte(msgbuf, 'c');
        err_sendstring(msgbuf, edata->column_name);
    }
    if (edata->datatype_name)
    {
        pq_sendbyte(msgbuf, 'd');
        err_sendstring(msgbuf, edata->datatype_name);
    }
    if (edata->constraint_name)
    {
        pq_sendbyte(msgbuf, 'n');
        err_sendstring(msgbuf, edata->constraint_name);
    }
    if (edata->cursorpos > 0)
    {
        snprintf(tbuf, sizeof tbuf, "%d", edata->cursorpos);
        pq_sendbyte(msgbuf, 'P');
        err_sendstring(msgbuf, tbuf);
    }
    if (edata->internalpos > 0)
    {
        snprintf(tbuf, sizeof tbuf, "%d", edata->internalpos);
        pq_sendbyte(msgbuf, 'p');
        err_sendstring(msgbuf, tbuf);
    }
    if (edata->internalquery)
    {
        pq_sendbyte(msgbuf, 'q');
        err_sendstring(msgbuf, edata->internalquery);
    }
    if (edata->filename)
    {
        pq_sendbyte(msgbuf, 'F');
        err_sendstring(msgbuf, base_name(edata->filename));
    }
    if (edata->lineno > 0)
    {
        snprintf(tbuf, sizeof tbuf, "%d", edata->lineno);
        pq_sendbyte(msgbuf, 'L');
        err_sendstring(msgbuf, tbuf);
    }
    if (edata->funcname)
    {
        pq_sendbyte(msgbuf, 'R');
        err_sendstring(msgbuf, edata->funcname);
    }
    pq_sendbyte(msgbuf, '\0');
}

static void
send_message_to_frontend(ErrorData *edata)
{
    StringInfoData msgbuf;

    if (!pq_is_initialized() || pq_output_disabled())
        return;

    if (FrontendProtocol != 0 && PG_PROTOCOL_MAJOR(FrontendProtocol) < 3)
    {
        /* old style: 'E' then one NUL-terminated line, no length word */
        StringInfoData buf;

        if (edata->elevel < ERROR)
            return;             /* v2 notices are not worth supporting */
        initStringInfo(&buf);
        appendStringInfo(&buf, "%s:  %s", error_severity(edata->elevel),
                         edata->message ? edata->message : "missing error text");
        if (buf.len == 0 || buf.data[buf.len - 1] != '\n')
            appendStringInfoChar(&buf, '\n');
        (void) pq_putbytes("E", 1);
        (void) pq_putbytes(buf.data, (size_t) buf.len + 1);
        pfree(buf.data);
        (void) pq_flush();
        return;
    }

    build_v3_report(&msgbuf, edata);
    pq_endmessage(&msgbuf);
    (void) pq_flush();
}

/* ---------------------------------------------------------------- SIGQUIT */

static char quickdie_msg[1024];
static size_t quickdie_len;

static void
quickdie_send(void)
{
    int     sock = pq_socket();

    if (sock >= 0 && quickdie_len > 0 && !pq_output_disabled())
    {
        ssize_t r = write(sock, quickdie_msg, quickdie_len);

        (void) r;
    }
}

/*
 * Prebuild PostgreSQL's "terminating connection because of crash of
 * another server process" notice (WARNING, 57P02) so that the SIGQUIT
 * handler need only write it.
 */
static void
build_quickdie_message(void)
{
    ErrorData   edata;
    StringInfoData buf;
    uint32      n;

    memset(&edata, 0, sizeof edata);
    edata.elevel = WARNING;
    edata.sqlerrcode = ERRCODE_CRASH_SHUTDOWN;
    edata.message = "terminating connection because of crash of another server process";
    edata.detail = "The postmaster has commanded this server process to roll back the current "
        "transaction and exit, because another server process exited abnormally and "
        "possibly corrupted shared memory.";
    edata.hint = "In a moment you should be able to reconnect to the database and repeat your command.";
    edata.filename = __FILE__;
    edata.lineno = __LINE__;
    edata.funcname = "quickdie";
    build_v3_report(&buf, &edata);
    if ((size_t) buf.len + 5 <= sizeof quickdie_msg)
    {
        quickdie_msg[0] = (char) buf.cursor;
        n = (uint32) buf.len + 4;
        quickdie_msg[1] = (char) (n >> 24);
        quickdie_msg[2] = (char) (n >> 16);
        quickdie_msg[3] = (char) (n >> 8);
        quickdie_msg[4] = (char) n;
        memcpy(quickdie_msg + 5, buf.data, (size_t) buf.len);
        quickdie_len = (size_t) buf.len + 5;
    }
    pfree(buf.data);
}

void
pq_install_error_reporting(void)
{
    build_quickdie_message();
    emit_error_to_client_hook = send_message_to_frontend;
    quickdie_client_hook = quickdie_send;
}
