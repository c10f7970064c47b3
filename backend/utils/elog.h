/*-------------------------------------------------------------------------
 * elog.h
 *    Error reporting: ereport(level, errcode(...), errmsg(...), ...).
 *
 * ERROR unwinds with siglongjmp to the innermost PG_TRY block, normally the
 * one in the backend's main loop, which aborts the transaction, resets
 * contexts and sends the client an ErrorResponse.  FATAL reports and ends
 * the process; PANIC reports and aborts (the postmaster then restarts the
 * cluster).  Lower levels are reported and execution continues.
 *
 * Reports reach the client through emit_error_to_client_hook (set by
 * pgwire once a client is connected) and the server log (stderr).
 *-------------------------------------------------------------------------
 */
#ifndef ELOG_H
#define ELOG_H

#include <setjmp.h>

/* levels, in PostgreSQL's order */
#define DEBUG5   10
#define DEBUG4   11
#define DEBUG3   12
#define DEBUG2   13
#define DEBUG1   14
#define LOG      15
#define LOG_SERVER_ONLY 16
#define INFO     17
#define NOTICE   18
#define WARNING  19
#define ERROR    21
#define FATAL    22
#define PANIC    23

#define PGSIXBIT(ch) (((ch) - '0') & 0x3F)
#define PGUNSIXBIT(val) (((val) & 0x3F) + '0')
#define MAKE_SQLSTATE(ch1, ch2, ch3, ch4, ch5) \
    (PGSIXBIT(ch1) + (PGSIXBIT(ch2) << 6) + (PGSIXBIT(ch3) << 12) + \
     (PGSIXBIT(ch4) << 18) + (PGSIXBIT(ch5) << 24))
#include "backend/utils/errcodes.h"

typedef struct ErrorData
{
    int     elevel;
    bool    output_to_server;
    bool    output_to_client;
    const char *filename;
    int     lineno;
    const char *funcname;
    int     sqlerrcode;
    char   *message;
    char   *detail;
    char   *hint;
    char   *context;
    char   *schema_name;
    char   *table_name;
    char   *column_name;
    char   *datatype_name;
    char   *constraint_name;
    int     cursorpos;          /* 1-based position in the query, 0 if none */
    int     internalpos;
    char   *internalquery;
    int     saved_errno;
} ErrorData;

extern bool errstart(int elevel);
extern void errfinish(const char *filename, int lineno, const char *funcname);
/* errstart_cold is errstart for levels >= ERROR: the branch is unlikely. */

#define ereport(elevel, ...) \
    do { \
        const int elevel_ = (elevel); \
        if (errstart(elevel_)) \
        { \
            __VA_ARGS__; \
            errfinish(__FILE__, __LINE__, __func__); \
        } \
        if (elevel_ >= ERROR) \
            __builtin_unreachable(); \
    } while (0)

#define elog(elevel, ...) \
    ereport(elevel, errmsg_internal(__VA_ARGS__))

extern int errcode(int sqlerrcode);
/* SQLSTATE from errno, as PostgreSQL: ENOSPC -> 53100, EACCES -> 42501, ... */
extern int errcode_for_file_access(void);
extern int errmsg(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errmsg_internal(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errmsg_plural(const char *fmt_singular, const char *fmt_plural,
                         unsigned long n, ...) pg_attribute_printf(2, 4);
extern int errdetail(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errdetail_internal(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errhint(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errcontext_msg(const char *fmt, ...) pg_attribute_printf(1, 2);
extern int errposition(int cursorpos);
extern int internalerrposition(int cursorpos);
extern int internalerrquery(const char *query);
extern int errtable(const char *schema, const char *table);
extern int errtablecol(const char *schema, const char *table, const char *column);
extern int errdatatype_name(const char *typname);
extern int errconstraint_name(const char *conname);
extern int errhidestmt(bool hide);
extern int geterrcode(void);
extern int geterrposition(void);

/* Convert the packed SQLSTATE back to its five characters (buf >= 6 bytes). */
extern const char *unpack_sql_state(int sql_state, char *buf);

/* ---- try/catch: same shape as PostgreSQL's ---- */
extern sigjmp_buf *PG_exception_stack;

#define PG_TRY() \
    do { \
        sigjmp_buf *_save_exception_stack = PG_exception_stack; \
        sigjmp_buf _local_sigjmp_buf; \
        bool _do_rethrow = false; \
        if (sigsetjmp(_local_sigjmp_buf, 0) == 0) \
        { \
            PG_exception_stack = &_local_sigjmp_buf

#define PG_CATCH() \
        } \
        else \
        { \
            PG_exception_stack = _save_exception_stack;

#define PG_FINALLY() \
        } \
        else \
            _do_rethrow = true; \
        { \
            PG_exception_stack = _save_exception_stack;

#define PG_END_TRY() \
        } \
        if (_do_rethrow) \
            PG_RE_THROW(); \
        PG_exception_stack = _save_exception_stack; \
    } while (0)

#define PG_RE_THROW() pg_re_throw()
extern void pg_re_throw(void) pg_attribute_noreturn();

/* Error data stack management (the backend loop uses these). */
extern ErrorData *CopyErrorData(void);
extern void FreeErrorData(ErrorData *edata);
extern void FlushErrorState(void);
extern void ReThrowError(ErrorData *edata) pg_attribute_noreturn();
extern void EmitErrorReport(void);
extern ErrorData *CurrentErrorData(void);   /* top of stack, inside PG_CATCH */
extern void pg_error_cleanup_on_exit(void);

/*
 * Hooks.  emit_error_to_client_hook sends a report to the client (pgwire);
 * error_context_hook lets a caller append CONTEXT lines while active.
 */
extern void (*emit_error_to_client_hook)(ErrorData *edata);
extern void (*proc_exit_hook)(int code);

typedef struct ErrorContextCallback
{
    struct ErrorContextCallback *previous;
    void (*callback)(void *arg);
    void *arg;
} ErrorContextCallback;
extern ErrorContextCallback *error_context_stack;

/* Settings read by the reporter (GUCs). */
extern int log_min_messages;
extern int client_min_messages;

/* For log lines outside an error (postmaster): "LOG:  ..." to stderr. */
extern const char *elog_process_label;  /* e.g. "postmaster", "backend 123" */

extern const char *error_severity(int elevel);

#endif /* ELOG_H */
