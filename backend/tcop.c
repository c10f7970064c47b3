/*-------------------------------------------------------------------------
 * tcop.c
 *    The backend's main loop: session startup, the message loop, simple
 *    and extended query protocol, transaction boundaries, error recovery
 *    (PostgreSQL's src/backend/tcop/postgres.c, protocol v3 only).
 *
 * Principal entry point: BackendMain (called in the child right after
 * the postmaster forks it).
 *
 * Message loop (one iteration per client message):
 *
 *    send ReadyForQuery if due (status I / T / E), after ParameterStatus
 *      for settings that changed
 *    read one message (DoingCommandRead: cancels are ignored while idle)
 *    if skipping after an extended-protocol error: drop it unless Sync
 *    dispatch: Q simple query, P/B/D/E/C/H/S extended protocol,
 *      F fastpath (refused), d/c/f outside COPY (ignored, as PostgreSQL
 *      does), X / EOF exit, anything else FATAL 08P01
 *
 * Transactions.  Every message that runs SQL calls start_xact_command()
 * (StartTransactionCommand once, arms statement_timeout) and ends with
 * finish_xact_command() (CommitTransactionCommand, disarms it) where
 * PostgreSQL does: after each statement of a simple query that is the
 * last one or a transaction statement, after an Execute of a transaction
 * statement, and at Sync.  A multi-statement simple Query runs as one
 * implicit transaction block.  Inside an aborted block only COMMIT /
 * ROLLBACK (and ROLLBACK TO) are run; everything else is 25P02.
 *
 * Error recovery.  ereport(ERROR) longjmps to the sigsetjmp block in
 * PostgresMainLoop, which: reports the error to the client, aborts the
 * transaction (which releases locks, buffer pins and LWLocks, restores
 * SET values and marks portals failed), forgets the error state, and in
 * extended protocol sets ignore_till_sync so that the messages the
 * client already pipelined are skipped until its Sync.  ReadyForQuery is
 * sent only when not skipping.  An error while a message was only half
 * read means protocol sync is lost: FATAL.
 *
 * Memory.  MessageContext is reset at the top of each iteration: the
 * message, parse trees and per-message plans live there.  Prepared
 * statements and portals have their own contexts (backend/portal.c).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/random.h>

#include "backend/backend_status.h"
#include "backend/globals.h"
#include "backend/guc.h"
#include "backend/interrupts.h"
#include "backend/portal.h"
#include "backend/tcop.h"
#include "backend/utility.h"
#include "catalog/catalog.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "pgwire/pgwire.h"
#include "pgwire/pqformat.h"
#include "pgwire/printtup.h"
#include "procs/fmgr.h"
#include "storage/procarray.h"
#include "storage/xact.h"

#define COMMERROR LOG_SERVER_ONLY

/* Longest list of "-c name=value" switches accepted in the startup packet. */
#define MAX_STARTUP_SWITCHES 100

static bool xact_started = false;
static bool doing_extended_query_message = false;
static bool ignore_till_sync = false;
static bool send_ready_for_query = true;
static bool procarray_added = false;
static bool in_proc_exit = false;

/* ---------------------------------------------------------------- exit */

/*
 * Release everything a backend holds in shared state, then exit.  Also
 * proc_exit_hook, so FATAL goes through here: a backend that dies with a
 * transaction open must not leave its locks or its proc slot behind.
 */
static void
backend_exit_cleanup(int code)
{
    (void) code;
    if (in_proc_exit)
        return;
    in_proc_exit = true;
    /* an ERROR from here on has nowhere to go: it becomes FATAL, then exit */
    PG_exception_stack = NULL;
    disable_all_timeouts(false);
    HOLD_INTERRUPTS();

    if (IsTransactionState() || IsTransactionBlock())
    {
        AbortCurrentTransaction();
        if (IsTransactionBlock())
        {
            UserAbortTransactionBlock();
            CommitTransactionCommand();
        }
    }
    if (procarray_added)
    {
        /* temporary tables go with the session (before the slot is reused) */
        AtProcExit_TempNamespace();
        pgstat_bedone();
        ProcArrayRemove();
        procarray_added = false;
    }
    (void) pq_flush();
}

void
proc_exit(int code)
{
    backend_exit_cleanup(code);
    pq_close();
    exit(code);
}

static void
backend_proc_exit_hook(int code)
{
    backend_exit_cleanup(code);
}

/* ---------------------------------------------------------------- transactions */

static void
enable_statement_timeout(void)
{
    if (StatementTimeout > 0)
    {
        if (!get_timeout_active(STATEMENT_TIMEOUT))
            enable_timeout_after(STATEMENT_TIMEOUT, StatementTimeout);
    }
    else if (get_timeout_active(STATEMENT_TIMEOUT))
        disable_timeout(STATEMENT_TIMEOUT, false);
}

static void
disable_statement_timeout(void)
{
    if (get_timeout_active(STATEMENT_TIMEOUT))
        disable_timeout(STATEMENT_TIMEOUT, false);
}

static void
start_xact_command(void)
{
    if (!xact_started)
    {
        StartTransactionCommand();
        xact_started = true;
    }
    enable_statement_timeout();
}

static void
finish_xact_command(void)
{
    disable_statement_timeout();
    if (xact_started)
    {
        CommitTransactionCommand();
        xact_started = false;
    }
}

static void
report_aborted_transaction(void)
{
    ereport(ERROR,
            (errcode(ERRCODE_IN_FAILED_SQL_TRANSACTION),
             errmsg("current transaction is aborted, commands ignored until end of transaction block")));
}

/* ---------------------------------------------------------------- responses */

static void
EndCommand(const char *tag)
{
    pq_puttextmessage('C', tag);
}

static void
NullCommand(void)
{
    pq_putemptymessage('I');
}

/* ---------------------------------------------------------------- simple query */

static void
exec_simple_query(const char *query_string)
{
    MemoryContext oldcontext;
    List       *parsetree_list;
    ListCell   *lc;
    bool        use_implicit_block;

    start_xact_command();
    pgstat_report_activity(STATE_RUNNING, query_string);
    /* a simple Query replaces the unnamed statement (PostgreSQL's drop_unnamed_stmt) */
    DropPreparedStatement("", false);

    oldcontext = MemoryContextSwitchTo(MessageContext);
    parsetree_list = raw_parser(query_string);
    use_implicit_block = list_length(parsetree_list) > 1;

    foreach(lc, parsetree_list)
    {
        RawStmt    *parsetree = (RawStmt *) lfirst(lc);
        bool        is_last = foreach_current_index(lc) == list_length(parsetree_list) - 1;
        MemoryContext stmt_context = NULL;
        CachedStatement *stmt;
        Portal      portal;
        DestReceiver *receiver;
        char        completionTag[COMPLETION_TAG_BUFSIZE];

        if (IsAbortedTransactionBlockState() && !IsTransactionExitStmt(parsetree->stmt))
            report_aborted_transaction();

        start_xact_command();
        if (use_implicit_block)
            BeginImplicitTransactionBlock();
        CHECK_FOR_INTERRUPTS();

        /* each statement's trees and plan are freed before the next one */
        if (!is_last)
        {
            stmt_context = AllocSetContextCreate(MessageContext, "per-parsetree message context");
            MemoryContextSwitchTo(stmt_context);
        }
        else
            MemoryContextSwitchTo(MessageContext);

        stmt = BuildCachedStatement(parsetree, query_string, NULL, 0, false);
        portal = CreatePortal("");
        PortalDefineQuery(portal, stmt, NULL);
        PortalStart(portal);
        PortalSetResultFormat(portal, 0, NULL);

        receiver = printtup_create_DR(DestRemote);
        SetRemoteDestReceiverParams(receiver, portal->formats,
                                    portal->tupDesc ? portal->tupDesc->natts : 0,
                                    PortalGetTargetList(portal));
        (void) PortalRun(portal, FETCH_ALL, true, receiver, completionTag);
        receiver->rDestroy(receiver);
        PortalDrop(portal);

        if (is_last)
        {
            if (use_implicit_block)
                EndImplicitTransactionBlock();
            finish_xact_command();
        }
        else if (IsTransactionStmt(parsetree->stmt))
            finish_xact_command();
        else
            CommandCounterIncrement();

        EndCommand(completionTag);
        MemoryContextSwitchTo(MessageContext);
        if (stmt_context)
            MemoryContextDelete(stmt_context);
    }

    finish_xact_command();
    if (parsetree_list == NIL)
        NullCommand();
    /*
     * Not back to oldcontext: that was the transaction's current context,
     * which a ROLLBACK TO SAVEPOINT in this message may have deleted.
     */
    MemoryContextSwitchTo(MessageContext);
    (void) oldcontext;
}

/* ---------------------------------------------------------------- Parse */

static void
exec_parse_message(const char *query_string, const char *stmt_name,
                   const Oid *paramTypes, int numParams)
{
    MemoryContext oldcontext;
    MemoryContext stmt_context;
    List       *parsetree_list;
    RawStmt    *raw = NULL;
    char       *query_copy;
    Oid        *types;
    CachedStatement *stmt;

    start_xact_command();
    if (stmt_name[0] == '\0')
        DropPreparedStatement("", false);

    /*
     * Build under MessageContext so an error frees everything; only a
     * statement that was stored successfully moves to TopMemoryContext.
     */
    stmt_context = AllocSetContextCreate(MessageContext, "CachedStatement");
    oldcontext = MemoryContextSwitchTo(stmt_context);
    query_copy = pstrdup(query_string);
    parsetree_list = raw_parser(query_copy);
    if (list_length(parsetree_list) > 1)
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("cannot insert multiple commands into a prepared statement")));
    if (parsetree_list != NIL)
    {
        raw = (RawStmt *) linitial(parsetree_list);
        if (IsAbortedTransactionBlockState() && !IsTransactionExitStmt(raw->stmt))
            report_aborted_transaction();
    }
    types = palloc0(sizeof(Oid) * (Size) Max(numParams, 1));
    if (numParams > 0)
        memcpy(types, paramTypes, sizeof(Oid) * (Size) numParams);

    stmt = CreateCachedStatement(raw, query_copy, types, numParams, stmt_context);
    /* every parameter must have a type by now (PostgreSQL's check) */
    for (int i = 0; i < stmt->num_params; i++)
    {
        if (stmt->param_types[i] == InvalidOid || stmt->param_types[i] == UNKNOWNOID)
            ereport(ERROR,
                    (errcode(ERRCODE_INDETERMINATE_DATATYPE),
                     errmsg("could not determine data type of parameter $%d", i + 1)));
    }
    MemoryContextSwitchTo(oldcontext);

    StorePreparedStatement(stmt_name, stmt);
    MemoryContextSetParent(stmt_context, TopMemoryContext);

    pq_putemptymessage('1');    /* ParseComplete */
}

/* ---------------------------------------------------------------- Bind */

/* A prepared statement by name; the unnamed one has its own message (PostgreSQL's). */
static CachedStatement *
fetch_statement(const char *stmt_name)
{
    CachedStatement *stmt;

    if (stmt_name[0] != '\0')
        return FetchPreparedStatement(stmt_name, true);
    stmt = FetchPreparedStatement("", false);
    if (stmt == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_SQL_STATEMENT_NAME),
                 errmsg("unnamed prepared statement does not exist")));
    return stmt;
}

typedef struct BindParamCbData
{
    const char *portalName;
    int         paramno;        /* zero-based; -1 outside parameter processing */
    const char *paramval;       /* text value, or NULL */
} BindParamCbData;

/* CONTEXT line for an error while converting a Bind parameter (PostgreSQL's). */
static void
bind_param_error_callback(void *arg)
{
    BindParamCbData *data = (BindParamCbData *) arg;
    const char *quoted = NULL;

    if (data->paramno < 0)
        return;
    /* log_parameter_max_length_on_error is 0: the value is elided */
    if (data->paramval)
        quoted = data->paramval[0] ? "'...'" : "''";
    if (data->portalName && data->portalName[0] != '\0')
    {
        if (quoted)
            errcontext_msg("portal \"%s\" parameter $%d = %s",
                           data->portalName, data->paramno + 1, quoted);
        else
            errcontext_msg("portal \"%s\" parameter $%d", data->portalName, data->paramno + 1);
    }
    else
    {
        if (quoted)
            errcontext_msg("unnamed portal parameter $%d = %s", data->paramno + 1, quoted);
        else
            errcontext_msg("unnamed portal parameter $%d", data->paramno + 1);
    }
}

static void
exec_bind_message(StringInfo input_message)
{
    const char *portal_name = pq_getmsgstring(input_message);
    const char *stmt_name = pq_getmsgstring(input_message);
    CachedStatement *stmt;
    int         numPFormats;
    int16      *pformats = NULL;
    int         numParams;
    int         numRFormats;
    int16      *rformats = NULL;
    Portal      portal;
    ParamListInfo params = NULL;
    MemoryContext oldContext;
    BindParamCbData one_param_data;
    ErrorContextCallback params_errcxt;

    stmt = fetch_statement(stmt_name);
    start_xact_command();

    numPFormats = (int) pq_getmsgint(input_message, 2);
    if (numPFormats > 0)
    {
        pformats = palloc(sizeof(int16) * (Size) numPFormats);
        for (int i = 0; i < numPFormats; i++)
            pformats[i] = (int16) pq_getmsgint(input_message, 2);
    }
    numParams = (int) pq_getmsgint(input_message, 2);
    if (numPFormats > 1 && numPFormats != numParams)
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("bind message has %d parameter formats but %d parameters",
                        numPFormats, numParams)));
    if (numParams != stmt->num_params)
        ereport(ERROR,
                (errcode(ERRCODE_PROTOCOL_VIOLATION),
                 errmsg("bind message supplies %d parameters, but prepared statement \"%s\" requires %d",
                        numParams, stmt_name, stmt->num_params)));

    /* In a failed block only COMMIT/ROLLBACK may be bound, and without parameters. */
    if (IsAbortedTransactionBlockState() &&
        (!(stmt->raw && IsTransactionExitStmt(stmt->raw->stmt)) || numParams != 0))
        report_aborted_transaction();

    portal = CreatePortal(portal_name);
    oldContext = MemoryContextSwitchTo(portal->portalContext);

    if (numParams > 0)
    {
        params = makeParamList(numParams);
        one_param_data.portalName = portal->name;
        one_param_data.paramno = -1;
        one_param_data.paramval = NULL;
        params_errcxt.previous = error_context_stack;
        params_errcxt.callback = bind_param_error_callback;
        params_errcxt.arg = &one_param_data;
        error_context_stack = &params_errcxt;

        for (int paramno = 0; paramno < numParams; paramno++)
        {
            Oid     ptype = stmt->param_types[paramno];
            int32   plength;
            bool    isNull;
            const char *pvalue = NULL;
            int16   pformat;
            Datum   pval = (Datum) 0;

            one_param_data.paramno = paramno;
            one_param_data.paramval = NULL;

            plength = (int32) pq_getmsgint(input_message, 4);
            isNull = (plength == -1);
            if (!isNull)
                pvalue = pq_getmsgbytes(input_message, plength);

            if (numPFormats > 1)
                pformat = pformats[paramno];
            else if (numPFormats > 0)
                pformat = pformats[0];
            else
                pformat = 0;

            if (pformat == 0)
            {
                Oid     typinput;
                Oid     typioparam;
                char   *pstring = NULL;
                FmgrInfo finfo;

                getTypeInputInfo(ptype, &typinput, &typioparam);
                if (!isNull)
                {
                    pq_verify_utf8(pvalue, plength, false);
                    pstring = pnstrdup(pvalue, (Size) plength);
                    one_param_data.paramval = pstring;
                }
                fmgr_info(typinput, &finfo);
                pval = InputFunctionCall(&finfo, pstring, typioparam, -1);
            }
            else if (pformat == 1)
            {
                Oid     typreceive;
                Oid     typioparam;
                StringInfoData pbuf;
                FmgrInfo finfo;

                getTypeBinaryInputInfo(ptype, &typreceive, &typioparam);
                fmgr_info(typreceive, &finfo);
                if (!isNull)
                {
                    /* a private copy: receive functions may expect a trailing NUL */
                    pbuf.data = palloc((Size) plength + 1);
                    memcpy(pbuf.data, pvalue, (size_t) plength);
                    pbuf.data[plength] = '\0';
                    pbuf.len = plength;
                    pbuf.maxlen = plength + 1;
                    pbuf.cursor = 0;
                    pval = ReceiveFunctionCall(&finfo, &pbuf, typioparam, -1);
                    if (pbuf.cursor != pbuf.len)
                        ereport(ERROR,
                                (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                                 errmsg("incorrect binary data format in bind parameter %d",
                                        paramno + 1)));
                }
                else
                    pval = ReceiveFunctionCall(&finfo, NULL, typioparam, -1);
            }
            else
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("unsupported format code: %d", pformat)));

            params->params[paramno].value = pval;
            params->params[paramno].isnull = isNull;
            params->params[paramno].ptype = ptype;
        }
        error_context_stack = params_errcxt.previous;
    }

    numRFormats = (int) pq_getmsgint(input_message, 2);
    if (numRFormats > 0)
    {
        rformats = palloc(sizeof(int16) * (Size) numRFormats);
        for (int i = 0; i < numRFormats; i++)
            rformats[i] = (int16) pq_getmsgint(input_message, 2);
    }
    pq_getmsgend(input_message);

    PortalDefineQuery(portal, stmt, params);
    PortalStart(portal);
    PortalSetResultFormat(portal, numRFormats, rformats);
    MemoryContextSwitchTo(oldContext);

    pq_putemptymessage('2');    /* BindComplete */
}

/* ---------------------------------------------------------------- Execute */

static void
exec_execute_message(const char *portal_name, long max_rows)
{
    Portal      portal;
    bool        is_xact_command;
    bool        completed;
    DestReceiver *receiver;
    char        completionTag[COMPLETION_TAG_BUFSIZE];

    portal = GetPortalByName(portal_name);
    if (portal == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_CURSOR),
                 errmsg("portal \"%s\" does not exist", portal_name)));

    /* The empty query: nothing to run, not even a transaction. */
    if (portal->stmt != NULL && portal->stmt->raw == NULL)
    {
        NullCommand();
        return;
    }
    is_xact_command = portal->stmt != NULL && IsTransactionStmt(portal->stmt->raw->stmt);

    start_xact_command();
    if (portal->stmt != NULL)
        pgstat_report_activity(STATE_RUNNING, portal->stmt->query_string);
    if (IsAbortedTransactionBlockState() &&
        (portal->stmt == NULL || !IsTransactionExitStmt(portal->stmt->raw->stmt)))
        report_aborted_transaction();
    CHECK_FOR_INTERRUPTS();

    receiver = printtup_create_DR(DestRemoteExecute);
    SetRemoteDestReceiverParams(receiver, portal->formats,
                                portal->tupDesc ? portal->tupDesc->natts : 0,
                                PortalGetTargetList(portal));
    if (max_rows <= 0)
        max_rows = FETCH_ALL;
    completed = PortalRun(portal, max_rows, true, receiver, completionTag);
    receiver->rDestroy(receiver);

    if (completed)
    {
        if (is_xact_command)
            finish_xact_command();
        else
        {
            CommandCounterIncrement();
            /* the next message starts a fresh statement timeout */
            disable_statement_timeout();
        }
        EndCommand(completionTag);
    }
    else
        pq_putemptymessage('s');    /* PortalSuspended */
}

/* ---------------------------------------------------------------- Describe */

static void
exec_describe_statement_message(const char *stmt_name)
{
    CachedStatement *stmt;
    StringInfoData buf;
    TupleDesc   desc;

    start_xact_command();
    stmt = fetch_statement(stmt_name);

    desc = stmt->result_desc;
    /* describing result columns needs the catalogs: not in a failed block */
    if (IsAbortedTransactionBlockState() && desc)
        report_aborted_transaction();

    pq_beginmessage(&buf, 't');     /* ParameterDescription */
    pq_sendint16(&buf, (uint16) stmt->num_params);
    for (int i = 0; i < stmt->num_params; i++)
        pq_sendint32(&buf, stmt->param_types[i]);
    pq_endmessage(&buf);

    if (desc)
        SendRowDescriptionMessage(desc, CachedStatementGetTargetList(stmt), NULL, 0);
    else
        pq_putemptymessage('n');    /* NoData */
}

static void
exec_describe_portal_message(const char *portal_name)
{
    Portal      portal;

    start_xact_command();
    portal = GetPortalByName(portal_name);
    if (portal == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_CURSOR),
                 errmsg("portal \"%s\" does not exist", portal_name)));
    if (IsAbortedTransactionBlockState() && portal->tupDesc)
        report_aborted_transaction();

    if (portal->tupDesc)
        SendRowDescriptionMessage(portal->tupDesc, PortalGetTargetList(portal),
                                  portal->formats, portal->tupDesc->natts);
    else
        pq_putemptymessage('n');
}

/* ---------------------------------------------------------------- FunctionCall */

/*
 * PostgreSQL's fastpath function call interface is not provided.  The
 * message is still parsed first, so a malformed one gets PostgreSQL's
 * protocol error rather than the refusal.
 */
static void
exec_fastpath_message(StringInfo msg)
{
    int     nformats;
    int     nargs;

    (void) pq_getmsgint(msg, 4);        /* function OID */
    if (IsAbortedTransactionBlockState())
        report_aborted_transaction();
    nformats = (int) pq_getmsgint(msg, 2);
    for (int i = 0; i < nformats; i++)
        (void) pq_getmsgint(msg, 2);
    nargs = (int) pq_getmsgint(msg, 2);
    for (int i = 0; i < nargs; i++)
    {
        int32   len = (int32) pq_getmsgint(msg, 4);

        if (len != -1)
            (void) pq_getmsgbytes(msg, len);
    }
    (void) pq_getmsgint(msg, 2);        /* result format */
    pq_getmsgend(msg);
    ereport(ERROR,
            (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
             errmsg("fastpath function calls are not supported")));
}

/* ---------------------------------------------------------------- reading */

/*
 * Read one message: its type byte, then (length-checked) its body.
 * Returns the type, or EOF when the client is gone or the framing broke
 * (already logged).  Sets the extended-protocol flags as PostgreSQL's
 * SocketBackend does.
 */
static int
ReadCommand(StringInfo inBuf)
{
    int     qtype;
    int     maxmsglen;

    /*
     * A cancel or statement timeout arriving mid-message must not longjmp
     * out of the read (that would lose protocol sync): hold it until the
     * message is in, as PostgreSQL does.  A die is still honoured.
     */
    HOLD_CANCEL_INTERRUPTS();
    pq_startmsgread();
    qtype = pq_getbyte();
    if (qtype == EOF)
    {
        if (IsTransactionState())
            ereport(COMMERROR,
                    (errcode(ERRCODE_CONNECTION_FAILURE),
                     errmsg("unexpected EOF on client connection with an open transaction")));
        return EOF;
    }

    switch (qtype)
    {
        case 'Q':
        case 'F':
            maxmsglen = PQ_LARGE_MESSAGE_LIMIT;
            doing_extended_query_message = false;
            break;
        case 'X':
            maxmsglen = PQ_SMALL_MESSAGE_LIMIT;
            doing_extended_query_message = false;
            ignore_till_sync = false;
            break;
        case 'B':
        case 'P':
            maxmsglen = PQ_LARGE_MESSAGE_LIMIT;
            doing_extended_query_message = true;
            break;
        case 'C':
        case 'D':
        case 'E':
        case 'H':
            maxmsglen = PQ_SMALL_MESSAGE_LIMIT;
            doing_extended_query_message = true;
            break;
        case 'S':
            maxmsglen = PQ_SMALL_MESSAGE_LIMIT;
            ignore_till_sync = false;
            doing_extended_query_message = false;
            break;
        case 'd':
            maxmsglen = PQ_LARGE_MESSAGE_LIMIT;
            doing_extended_query_message = false;
            break;
        case 'c':
        case 'f':
            maxmsglen = PQ_SMALL_MESSAGE_LIMIT;
            doing_extended_query_message = false;
            break;
        default:
            /* garbage: message boundaries are lost, no way to recover */
            ereport(FATAL,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("invalid frontend message type %d", qtype)));
            maxmsglen = 0;
            break;
    }
    if (pq_getmessage(inBuf, maxmsglen))
        return EOF;
    RESUME_CANCEL_INTERRUPTS();
    return qtype;
}

/* ---------------------------------------------------------------- startup */

/* Split the startup "options" string on whitespace; backslash escapes. */
static List *
split_options(const char *optstr)
{
    List   *result = NIL;
    StringInfoData s;

    while (*optstr)
    {
        bool    last_was_escape = false;

        while (*optstr == ' ' || *optstr == '\t' || *optstr == '\n' || *optstr == '\r')
            optstr++;
        if (*optstr == '\0')
            break;
        initStringInfo(&s);
        while (*optstr)
        {
            if ((*optstr == ' ' || *optstr == '\t' || *optstr == '\n' || *optstr == '\r') &&
                !last_was_escape)
                break;
            if (!last_was_escape && *optstr == '\\')
                last_was_escape = true;
            else
            {
                last_was_escape = false;
                appendStringInfoChar(&s, *optstr);
            }
            optstr++;
        }
        result = lappend(result, s.data);
        if (list_length(result) > MAX_STARTUP_SWITCHES)
            ereport(FATAL,
                    (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                     errmsg("too many command-line arguments in startup options")));
    }
    return result;
}

static void
set_startup_option(const char *name_value)
{
    char   *name;
    char   *value;

    ParseLongOption(name_value, &name, &value);
    if (value == NULL)
    {
        if (name_value[0] == '\0' || strchr(name_value, '=') == NULL)
            ereport(FATAL,
                    (errcode(ERRCODE_SYNTAX_ERROR),
                     errmsg("-c %s requires a value", name)));
    }
    SetConfigOption(name, value, PGC_SU_BACKEND, PGC_S_CLIENT);
    free(name);
    free(value);
}

/* The "options" parameter and the other startup parameters, as settings. */
static void
process_startup_options(Port *port)
{
    if (port->cmdline_options)
    {
        List   *opts = split_options(port->cmdline_options);

        for (int i = 0; i < list_length(opts); i++)
        {
            const char *opt = (const char *) list_nth(opts, i);

            if (strcmp(opt, "-c") == 0 && i + 1 < list_length(opts))
                set_startup_option((const char *) list_nth(opts, ++i));
            else if (strncmp(opt, "-c", 2) == 0 && opt[2] != '\0')
                set_startup_option(opt + 2);
            else if (strncmp(opt, "--", 2) == 0 && opt[2] != '\0')
                set_startup_option(opt + 2);
            else
                ereport(FATAL,
                        (errcode(ERRCODE_SYNTAX_ERROR),
                         errmsg("invalid command-line argument for server process: %s", opt),
                         errhint("Try \"%s --help\" for more information.", progname)));
        }
    }

    for (int i = 0; i + 1 < list_length(port->guc_options); i += 2)
    {
        const char *name = (const char *) list_nth(port->guc_options, i);
        const char *value = (const char *) list_nth(port->guc_options, i + 1);

        SetConfigOption(name, value, PGC_SU_BACKEND, PGC_S_CLIENT);
    }
}

/*
 * Attach this backend to the shared system and authenticate the client
 * (PostgreSQL's InitProcess + InitPostgres).  Errors are FATAL here:
 * there is no error-recovery block yet.
 */
static void
InitPostgres(Port *port)
{
    if (!ProcArrayAdd(MyProcPid, MyCancelKey))
        ereport(FATAL,
                (errcode(ERRCODE_TOO_MANY_CONNECTIONS),
                 errmsg("sorry, too many clients already")));
    procarray_added = true;

    InitCatalogCaches();
    InitGUCTransactionHooks();
    InitPortals();

    /* trust authentication */
    SendAuthenticationOk();

    /* Basalt has one role and one database so far. */
    if (strcmp(port->user_name, "postgres") != 0)
        ereport(FATAL,
                (errcode(ERRCODE_INVALID_AUTHORIZATION_SPECIFICATION),
                 errmsg("role \"%s\" does not exist", port->user_name)));
    if (strcmp(port->database_name, "postgres") != 0)
        ereport(FATAL,
                (errcode(ERRCODE_UNDEFINED_DATABASE),
                 errmsg("database \"%s\" does not exist", port->database_name)));

    SetConfigOption("session_authorization", port->user_name, PGC_BACKEND, PGC_S_OVERRIDE);
    process_startup_options(port);
    pgstat_bestart(port->user_name, port->sock);
}

/* While the startup packet is read, a signal or the timeout just ends us. */
static void
startup_die(int signo)
{
    (void) signo;
    _exit(1);
}

static void
startup_quickdie(int signo)
{
    (void) signo;
    _exit(2);
}

static void
set_startup_handlers(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = startup_die;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = startup_quickdie;
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, &sa, NULL);
}

static int32
choose_cancel_key(void)
{
    int32   key = 0;

    while (key == 0)
    {
        if (getrandom(&key, sizeof key, 0) != (ssize_t) sizeof key)
            key = (int32) (getpid() ^ (int32) time(NULL) ^ (int32) (uintptr_t) &key);
    }
    return key;
}

/* ---------------------------------------------------------------- main loop */

static void PostgresMainLoop(void) pg_attribute_noreturn();

void
BackendMain(int client_sock, CAC_state cac)
{
    sigset_t    none;
    Port       *port;

    IsUnderPostmaster = true;
    MyProcPid = getpid();
    MyStartTime = time(NULL);

    /*
     * A backend must not outlive its postmaster: a new postmaster would
     * build fresh shared memory while this one still wrote through the
     * old.  The kernel kills us when the postmaster goes (Linux).
     */
    (void) prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != PostmasterPid)
        _exit(1);

    MyCancelKey = choose_cancel_key();
    elog_process_label = "backend";

    MemoryContextSwitchTo(TopMemoryContext);
    MessageContext = AllocSetContextCreate(TopMemoryContext, "MessageContext");

    pq_init(client_sock);
    pq_install_error_reporting();
    proc_exit_hook = backend_proc_exit_hook;

    set_startup_handlers();
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    alarm((unsigned) AuthenticationTimeout);

    port = MemoryContextAllocZero(TopMemoryContext, sizeof(Port));
    port->sock = client_sock;
    MyProcPort = port;
    if (ProcessStartupPacket(port, cac) != STARTUP_OK)
        proc_exit(0);

    InitBackendInterrupts();
    alarm(0);
    InitPostgres(port);

    BeginReportingGUCOptions();
    SendBackendKeyData(MyProcPid, MyCancelKey);
    PostgresMainLoop();
}

static void
PostgresMainLoop(void)
{
    sigjmp_buf  local_sigjmp_buf;
    StringInfoData input_message;

    if (sigsetjmp(local_sigjmp_buf, 1) != 0)
    {
        /* ---- error recovery: we arrive here from ereport(ERROR) ---- */
        error_context_stack = NULL;
        HOLD_INTERRUPTS();
        disable_all_timeouts(false);
        QueryCancelPending = false;
        QueryCancelHoldoffCount = 0;
        DoingCommandRead = false;

        EmitErrorReport();
        AbortCurrentTransaction();
        MemoryContextSwitchTo(TopMemoryContext);
        FlushErrorState();

        if (doing_extended_query_message)
            ignore_till_sync = true;
        xact_started = false;

        if (pq_is_reading_msg())
            ereport(FATAL,
                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                     errmsg("terminating connection because protocol synchronization was lost")));
        RESUME_INTERRUPTS();
    }
    PG_exception_stack = &local_sigjmp_buf;

    if (!ignore_till_sync)
        send_ready_for_query = true;

    for (;;)
    {
        int     firstchar;

        doing_extended_query_message = false;
        MemoryContextSwitchTo(MessageContext);
        MemoryContextReset(MessageContext);
        initStringInfo(&input_message);

        if (send_ready_for_query)
        {
            char    status = TransactionBlockStatusCode();

            /* Portals do not outlive their transaction (or failed block). */
            if (status == 'I' && !IsTransactionState() && PortalsExist())
                AtCleanup_Portals();
            if (status != 'I' && IdleInTransactionSessionTimeout > 0)
                enable_timeout_after(IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
                                     IdleInTransactionSessionTimeout);
            ReportChangedGUCOptions();
            pgstat_report_activity(status == 'I' ? STATE_IDLE :
                                   status == 'T' ? STATE_IDLEINTRANSACTION :
                                   STATE_IDLEINTRANSACTION_ABORTED, NULL);
            SendReadyForQuery(status);
            send_ready_for_query = false;
        }

        DoingCommandRead = true;
        firstchar = ReadCommand(&input_message);
        if (get_timeout_active(IDLE_IN_TRANSACTION_SESSION_TIMEOUT))
            disable_timeout(IDLE_IN_TRANSACTION_SESSION_TIMEOUT, false);
        CHECK_FOR_INTERRUPTS();
        DoingCommandRead = false;

        if (ignore_till_sync && firstchar != EOF)
            continue;

        switch (firstchar)
        {
            case 'Q':
                {
                    const char *query_string;

                    SetCurrentStatementStartTimestamp();
                    query_string = pq_getmsgstring(&input_message);
                    pq_getmsgend(&input_message);
                    exec_simple_query(query_string);
                    send_ready_for_query = true;
                }
                break;

            case 'P':
                {
                    const char *stmt_name;
                    const char *query_string;
                    int         numParams;
                    Oid        *paramTypes = NULL;

                    SetCurrentStatementStartTimestamp();
                    stmt_name = pq_getmsgstring(&input_message);
                    query_string = pq_getmsgstring(&input_message);
                    numParams = (int) pq_getmsgint(&input_message, 2);
                    if (numParams > 0)
                    {
                        paramTypes = palloc(sizeof(Oid) * (Size) numParams);
                        for (int i = 0; i < numParams; i++)
                            paramTypes[i] = pq_getmsgint(&input_message, 4);
                    }
                    pq_getmsgend(&input_message);
                    exec_parse_message(query_string, stmt_name, paramTypes, numParams);
                }
                break;

            case 'B':
                SetCurrentStatementStartTimestamp();
                exec_bind_message(&input_message);
                break;

            case 'E':
                {
                    const char *portal_name;
                    int         max_rows;

                    SetCurrentStatementStartTimestamp();
                    portal_name = pq_getmsgstring(&input_message);
                    max_rows = (int) pq_getmsgint(&input_message, 4);
                    pq_getmsgend(&input_message);
                    exec_execute_message(portal_name, max_rows);
                }
                break;

            case 'F':
                SetCurrentStatementStartTimestamp();
                exec_fastpath_message(&input_message);
                send_ready_for_query = true;
                break;

            case 'C':
                {
                    int         close_type = pq_getmsgbyte(&input_message);
                    const char *close_target = pq_getmsgstring(&input_message);

                    pq_getmsgend(&input_message);
                    switch (close_type)
                    {
                        case 'S':
                            DropPreparedStatement(close_target, false);
                            break;
                        case 'P':
                            {
                                Portal  portal = GetPortalByName(close_target);

                                if (portal)
                                    PortalDrop(portal);
                            }
                            break;
                        default:
                            ereport(ERROR,
                                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                                     errmsg("invalid CLOSE message subtype %d", close_type)));
                            break;
                    }
                    pq_putemptymessage('3');    /* CloseComplete */
                }
                break;

            case 'D':
                {
                    int         describe_type = pq_getmsgbyte(&input_message);
                    const char *describe_target = pq_getmsgstring(&input_message);

                    pq_getmsgend(&input_message);
                    switch (describe_type)
                    {
                        case 'S':
                            exec_describe_statement_message(describe_target);
                            break;
                        case 'P':
                            exec_describe_portal_message(describe_target);
                            break;
                        default:
                            ereport(ERROR,
                                    (errcode(ERRCODE_PROTOCOL_VIOLATION),
                                     errmsg("invalid DESCRIBE message subtype %d", describe_type)));
                            break;
                    }
                }
                break;

            case 'H':
                pq_getmsgend(&input_message);
                (void) pq_flush();
                break;

            case 'S':
                pq_getmsgend(&input_message);
                finish_xact_command();
                send_ready_for_query = true;
                break;

            case EOF:
            case 'X':
                /* no more messages to the client */
                pq_disable_output();
                proc_exit(0);
                break;

            case 'd':
            case 'c':
            case 'f':
                /*
                 * COPY data outside COPY: ignored, per the protocol spec (a
                 * client may still be sending after a failed COPY).
                 */
                break;

            default:
                ereport(FATAL,
                        (errcode(ERRCODE_PROTOCOL_VIOLATION),
                         errmsg("invalid frontend message type %d", firstchar)));
        }
    }
}
