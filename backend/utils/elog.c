/*-------------------------------------------------------------------------
 * elog.c
 *    The one error path: build an ErrorData, report it, then continue,
 *    longjmp (ERROR), exit (FATAL) or abort (PANIC).
 *
 * ErrorData entries live on a small fixed stack (ERRORDATA_STACK_SIZE) so
 * that an error raised while reporting another is still reportable; their
 * strings are allocated in ErrorContext, which FlushErrorState resets.
 * Running past the stack is a PANIC, as in PostgreSQL: it means the
 * reporting code itself is failing recursively.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <stdarg.h>
#include <time.h>
#include <sys/time.h>
#include <unistd.h>

#define ERRORDATA_STACK_SIZE 5

static ErrorData errordata[ERRORDATA_STACK_SIZE];
static int errordata_stack_depth = -1;
static int recursion_depth = 0;

sigjmp_buf *PG_exception_stack = NULL;
ErrorContextCallback *error_context_stack = NULL;
void (*emit_error_to_client_hook)(ErrorData *edata) = NULL;
void (*proc_exit_hook)(int code) = NULL;
int log_min_messages = WARNING;
int client_min_messages = NOTICE;
const char *elog_process_label = "basalt";

const char *
error_severity(int elevel)
{
    switch (elevel)
    {
        case DEBUG1: case DEBUG2: case DEBUG3: case DEBUG4: case DEBUG5:
            return "DEBUG";
        case LOG: case LOG_SERVER_ONLY:
            return "LOG";
        case INFO:    return "INFO";
        case NOTICE:  return "NOTICE";
        case WARNING: return "WARNING";
        case ERROR:   return "ERROR";
        case FATAL:   return "FATAL";
        case PANIC:   return "PANIC";
        default:      return "???";
    }
}

const char *
unpack_sql_state(int sql_state, char *buf)
{
    for (int i = 0; i < 5; i++)
    {
        buf[i] = (char) PGUNSIXBIT(sql_state);
        sql_state >>= 6;
    }
    buf[5] = '\0';
    return buf;
}

/* Is a report of this level wanted by the server log or the client? */
static bool
is_log_level_output(int elevel, int threshold)
{
    if (elevel == LOG || elevel == LOG_SERVER_ONLY)
        return true;
    if (threshold == LOG)
        return elevel >= ERROR;
    return elevel >= threshold;
}

bool
errstart(int elevel)
{
    bool    output_to_server;
    bool    output_to_client;
    ErrorData *edata;

    /* An ERROR with nowhere to jump to ends the process. */
    if (elevel == ERROR && PG_exception_stack == NULL)
        elevel = FATAL;

    output_to_server = is_log_level_output(elevel, log_min_messages);
    output_to_client = emit_error_to_client_hook != NULL &&
        elevel != LOG_SERVER_ONLY &&
        (elevel >= ERROR || elevel == INFO || elevel >= client_min_messages) &&
        elevel != LOG;
    if (elevel < ERROR && !output_to_server && !output_to_client)
        return false;

    if (recursion_depth++ > 0 && elevel >= ERROR)
        MemoryContextReset(ErrorContext);   /* reporting itself failed */

    if (++errordata_stack_depth >= ERRORDATA_STACK_SIZE)
    {
        errordata_stack_depth = -1;
        fprintf(stderr, "PANIC:  ERRORDATA_STACK_SIZE exceeded\n");
        abort();
    }
    edata = &errordata[errordata_stack_depth];
    memset(edata, 0, sizeof(ErrorData));
    edata->elevel = elevel;
    edata->output_to_server = output_to_server;
    edata->output_to_client = output_to_client;
    edata->sqlerrcode = elevel >= ERROR ? ERRCODE_INTERNAL_ERROR :
        elevel == WARNING ? ERRCODE_WARNING : ERRCODE_SUCCESSFUL_COMPLETION;
    edata->saved_errno = errno;
    recursion_depth--;
    return true;
}

static void
write_server_log(ErrorData *edata)
{
    char    ts[64];
    struct timeval tv;
    struct tm tm;
    char    state[6];

    gettimeofday(&tv, NULL);
    gmtime_r(&tv.tv_sec, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);
    fprintf(stderr, "%s.%03d UTC [%d] %s %s:  %s%s%s\n", ts,
            (int) (tv.tv_usec / 1000), (int) getpid(), elog_process_label,
            error_severity(edata->elevel),
            edata->elevel >= ERROR ? "" : "",
            edata->message ? edata->message : "missing error text",
            edata->elevel >= ERROR ?
            psprintf(" (SQLSTATE %s)", unpack_sql_state(edata->sqlerrcode, state)) : "");
    if (edata->detail)
        fprintf(stderr, "\tDETAIL:  %s\n", edata->detail);
    if (edata->hint)
        fprintf(stderr, "\tHINT:  %s\n", edata->hint);
    fflush(stderr);
}

void
EmitErrorReport(void)
{
    ErrorData  *edata = &errordata[errordata_stack_depth];
    MemoryContext old;

    recursion_depth++;
    old = MemoryContextSwitchTo(ErrorContext);
    if (edata->output_to_server)
        write_server_log(edata);
    if (edata->output_to_client && emit_error_to_client_hook)
        emit_error_to_client_hook(edata);
    MemoryContextSwitchTo(old);
    recursion_depth--;
}

void
errfinish(const char *filename, int lineno, const char *funcname)
{
    ErrorData  *edata = &errordata[errordata_stack_depth];
    int         elevel = edata->elevel;
    MemoryContext old;

    edata->filename = filename;
    edata->lineno = lineno;
    edata->funcname = funcname;

    /* collect CONTEXT lines from active callbacks */
    recursion_depth++;
    old = MemoryContextSwitchTo(ErrorContext);
    for (ErrorContextCallback *econtext = error_context_stack; econtext;
         econtext = econtext->previous)
        econtext->callback(econtext->arg);
    MemoryContextSwitchTo(old);
    recursion_depth--;

    if (elevel == ERROR)
    {
        /* the catcher reports it (or rethrows); unwind now */
        recursion_depth = 0;
        siglongjmp(*PG_exception_stack, 1);
    }

    EmitErrorReport();

    if (elevel >= FATAL)
    {
        if (elevel == PANIC)
            abort();
        if (proc_exit_hook)
            proc_exit_hook(1);
        exit(1);
    }

    errordata_stack_depth--;
    if (errordata_stack_depth < 0)
        MemoryContextReset(ErrorContext);
}

#define EDATA() (&errordata[errordata_stack_depth])

static char *
format_in_error_context(const char *fmt, va_list args)
{
    MemoryContext old = MemoryContextSwitchTo(ErrorContext);
    char *s;
    int save_errno = errno;

    errno = EDATA()->saved_errno;   /* so %m means the original errno */
    s = pvsprintf(fmt, args);
    errno = save_errno;
    MemoryContextSwitchTo(old);
    return s;
}

int
errcode(int sqlerrcode)
{
    EDATA()->sqlerrcode = sqlerrcode;
    return 0;
}

int
errcode_for_file_access(void)
{
    ErrorData *edata = EDATA();

    switch (edata->saved_errno)
    {
        case EPERM:
        case EACCES:
        case EROFS:
            edata->sqlerrcode = ERRCODE_INSUFFICIENT_PRIVILEGE;
            break;
        case ENOENT:
            edata->sqlerrcode = ERRCODE_UNDEFINED_FILE;
            break;
        case EEXIST:
            edata->sqlerrcode = ERRCODE_DUPLICATE_FILE;
            break;
        case ENOTDIR:
        case EISDIR:
        case ENOTEMPTY:
            edata->sqlerrcode = ERRCODE_WRONG_OBJECT_TYPE;
            break;
        case ENOSPC:
            edata->sqlerrcode = ERRCODE_DISK_FULL;
            break;
        case ENFILE:
        case EMFILE:
            edata->sqlerrcode = ERRCODE_INSUFFICIENT_RESOURCES;
            break;
        case EIO:
            edata->sqlerrcode = ERRCODE_IO_ERROR;
            break;
        default:
            edata->sqlerrcode = ERRCODE_INTERNAL_ERROR;
            break;
    }
    return 0;
}

#define ERR_STRING_SETTER(fname, field) \
int \
fname(const char *fmt, ...) \
{ \
    va_list args; \
    va_start(args, fmt); \
    EDATA()->field = format_in_error_context(fmt, args); \
    va_end(args); \
    return 0; \
}

ERR_STRING_SETTER(errmsg, message)
ERR_STRING_SETTER(errmsg_internal, message)
ERR_STRING_SETTER(errdetail, detail)
ERR_STRING_SETTER(errdetail_internal, detail)
ERR_STRING_SETTER(errhint, hint)

int
errmsg_plural(const char *fmt_singular, const char *fmt_plural, unsigned long n, ...)
{
    va_list args;

    va_start(args, n);
    EDATA()->message = format_in_error_context(n == 1 ? fmt_singular : fmt_plural, args);
    va_end(args);
    return 0;
}

/* Each context line is appended on its own line, innermost first. */
int
errcontext_msg(const char *fmt, ...)
{
    va_list args;
    char   *line;
    ErrorData *edata = EDATA();

    va_start(args, fmt);
    line = format_in_error_context(fmt, args);
    va_end(args);
    if (edata->context)
    {
        MemoryContext old = MemoryContextSwitchTo(ErrorContext);
        edata->context = psprintf("%s\n%s", edata->context, line);
        MemoryContextSwitchTo(old);
    }
    else
        edata->context = line;
    return 0;
}

int
errposition(int cursorpos)
{
    EDATA()->cursorpos = cursorpos;
    return 0;
}

int
internalerrposition(int cursorpos)
{
    EDATA()->internalpos = cursorpos;
    return 0;
}

int
internalerrquery(const char *query)
{
    EDATA()->internalquery = query ? MemoryContextStrdup(ErrorContext, query) : NULL;
    return 0;
}

int
errtable(const char *schema, const char *table)
{
    EDATA()->schema_name = schema ? MemoryContextStrdup(ErrorContext, schema) : NULL;
    EDATA()->table_name = table ? MemoryContextStrdup(ErrorContext, table) : NULL;
    return 0;
}

int
errtablecol(const char *schema, const char *table, const char *column)
{
    errtable(schema, table);
    EDATA()->column_name = column ? MemoryContextStrdup(ErrorContext, column) : NULL;
    return 0;
}

int
errdatatype_name(const char *typname)
{
    EDATA()->datatype_name = MemoryContextStrdup(ErrorContext, typname);
    return 0;
}

int
errconstraint_name(const char *conname)
{
    EDATA()->constraint_name = MemoryContextStrdup(ErrorContext, conname);
    return 0;
}

int
errhidestmt(bool hide)
{
    (void) hide;
    return 0;
}

int
geterrcode(void)
{
    return EDATA()->sqlerrcode;
}

int
geterrposition(void)
{
    return EDATA()->cursorpos;
}

ErrorData *
CurrentErrorData(void)
{
    return errordata_stack_depth >= 0 ? EDATA() : NULL;
}

static char *
copy_str(const char *s)
{
    return s ? pstrdup(s) : NULL;
}

/* Copy the current error into CurrentMemoryContext (must not be ErrorContext). */
ErrorData *
CopyErrorData(void)
{
    ErrorData *src = EDATA();
    ErrorData *e = palloc(sizeof(ErrorData));

    Assert(CurrentMemoryContext != ErrorContext);
    *e = *src;
    e->message = copy_str(src->message);
    e->detail = copy_str(src->detail);
    e->hint = copy_str(src->hint);
    e->context = copy_str(src->context);
    e->schema_name = copy_str(src->schema_name);
    e->table_name = copy_str(src->table_name);
    e->column_name = copy_str(src->column_name);
    e->datatype_name = copy_str(src->datatype_name);
    e->constraint_name = copy_str(src->constraint_name);
    e->internalquery = copy_str(src->internalquery);
    return e;
}

void
FreeErrorData(ErrorData *e)
{
    (void) e;   /* lives in the caller's context; freed with it */
}

void
FlushErrorState(void)
{
    errordata_stack_depth = -1;
    recursion_depth = 0;
    MemoryContextReset(ErrorContext);
}

void
ReThrowError(ErrorData *edata)
{
    ErrorData *newedata;
    MemoryContext old;

    if (++errordata_stack_depth >= ERRORDATA_STACK_SIZE)
    {
        errordata_stack_depth = -1;
        fprintf(stderr, "PANIC:  ERRORDATA_STACK_SIZE exceeded\n");
        abort();
    }
    newedata = EDATA();
    old = MemoryContextSwitchTo(ErrorContext);
    *newedata = *edata;
    newedata->message = copy_str(edata->message);
    newedata->detail = copy_str(edata->detail);
    newedata->hint = copy_str(edata->hint);
    newedata->context = copy_str(edata->context);
    newedata->schema_name = copy_str(edata->schema_name);
    newedata->table_name = copy_str(edata->table_name);
    newedata->column_name = copy_str(edata->column_name);
    newedata->datatype_name = copy_str(edata->datatype_name);
    newedata->constraint_name = copy_str(edata->constraint_name);
    newedata->internalquery = copy_str(edata->internalquery);
    MemoryContextSwitchTo(old);
    pg_re_throw();
}

void
pg_re_throw(void)
{
    if (PG_exception_stack != NULL)
        siglongjmp(*PG_exception_stack, 1);
    /* nobody to catch it: report as FATAL */
    EDATA()->elevel = FATAL;
    EDATA()->output_to_server = true;
    EmitErrorReport();
    if (proc_exit_hook)
        proc_exit_hook(1);
    exit(1);
}

void
pg_error_cleanup_on_exit(void)
{
    errordata_stack_depth = -1;
}
