/*-------------------------------------------------------------------------
 * parser.c
 *    The raw parser: SQL text -> libpg_query (PostgreSQL 15's own grammar
 *    and scanner) -> protobuf parse tree unpacked into palloc'd memory.
 *
 * Principal entry point:
 *    raw_parser(str)  - a List of RawStmt, in CurrentMemoryContext
 *
 * How memory is handled.  libpg_query parses in its own malloc'd memory
 * and hands back a packed protobuf buffer.  We copy that buffer into the
 * current context, free libpg_query's result at once (so nothing of it
 * survives an ERROR), and unpack with a ProtobufCAllocator that pallocs:
 * the whole unpacked tree then belongs to CurrentMemoryContext and dies
 * with it (normally MessageContext).  Nothing is ever freed piecemeal.
 *
 * Errors.  libpg_query reports the grammar's message and a 1-based cursor
 * position counted in characters (exactly what PostgreSQL puts in the
 * ErrorResponse P field), but no SQLSTATE; almost every raw-parser error
 * is 42601, and the few others are recognized by their message text (see
 * raw_error_table).  The JSON output of libpg_query is never used: it drops
 * zero-valued fields such as a negative integer constant's sign in this
 * version, whereas the protobuf form keeps every field.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parser.h"

/* ---------------------------------------------------------------- allocator */

static void *
pq_palloc(void *allocator_data, size_t size)
{
    return palloc(size > 0 ? size : 1);
}

static void
pq_pfree(void *allocator_data, void *pointer)
{
    /* the tree lives and dies with its memory context */
}

static ProtobufCAllocator palloc_allocator = {pq_palloc, pq_pfree, NULL};

ProtobufCAllocator *
raw_parser_allocator(void)
{
    return &palloc_allocator;
}

/* ---------------------------------------------------------------- errors */

/*
 * Raw-parser messages whose SQLSTATE is not 42601, or that carry a hint or
 * detail in PostgreSQL (libpg_query passes neither).  Matched by prefix.
 */
typedef struct RawErrorInfo
{
    const char *prefix;
    int         sqlstate;
    const char *hint;
} RawErrorInfo;

static const RawErrorInfo raw_error_table[] = {
    {"LIMIT #,# syntax is not supported", ERRCODE_FEATURE_NOT_SUPPORTED,
     "Use separate LIMIT and OFFSET clauses."},
    {"invalid Unicode escape", ERRCODE_SYNTAX_ERROR,
     "Unicode escapes must be \\XXXX or \\+XXXXXX."},
    {"missing argument", ERRCODE_SYNTAX_ERROR,
     "Use NONE to denote the missing argument of a unary operator."},
    {"unsafe use of string constant with Unicode escapes", ERRCODE_FEATURE_NOT_SUPPORTED, NULL},
    {"frame start cannot be", ERRCODE_WINDOWING_ERROR, NULL},
    {"frame end cannot be", ERRCODE_WINDOWING_ERROR, NULL},
    {"frame starting from", ERRCODE_WINDOWING_ERROR, NULL},
    {"aggregates cannot have output arguments", ERRCODE_INVALID_FUNCTION_DEFINITION, NULL},
    {"current database cannot be changed", ERRCODE_FEATURE_NOT_SUPPORTED, NULL},
    {"subquery in FROM must have an alias", ERRCODE_SYNTAX_ERROR,
     "For example, FROM (SELECT ...) [AS] foo."},
    {"VALUES in FROM must have an alias", ERRCODE_SYNTAX_ERROR,
     "For example, FROM (VALUES ...) [AS] foo."},
};

static int
raw_error_sqlstate(const char *message, const char **hint)
{
    *hint = NULL;
    for (int i = 0; i < (int) lengthof(raw_error_table); i++)
    {
        const RawErrorInfo *e = &raw_error_table[i];

        if (strncmp(message, e->prefix, strlen(e->prefix)) == 0)
        {
            *hint = e->hint;
            return e->sqlstate;
        }
    }
    if (strstr(message, "not supported") || strstr(message, "not yet implemented") ||
        strstr(message, "is not implemented"))
        return ERRCODE_FEATURE_NOT_SUPPORTED;
    return ERRCODE_SYNTAX_ERROR;
}

/* Report libpg_query's error; frees its result first (we longjmp away). */
static void
report_raw_error(PgQueryProtobufParseResult result) pg_attribute_noreturn();

static void
report_raw_error(PgQueryProtobufParseResult result)
{
    char       *message = pstrdup(result.error->message);
    int         cursorpos = result.error->cursorpos;
    const char *hint;
    int         sqlstate;

    pg_query_free_protobuf_parse_result(result);
    sqlstate = raw_error_sqlstate(message, &hint);
    ereport(ERROR,
            errcode(sqlstate),
            errmsg_internal("%s", message),
            hint ? errhint("%s", hint) : 0,
            cursorpos > 0 ? errposition(cursorpos) : 0);
    __builtin_unreachable();
}

/* ---------------------------------------------------------------- entry */

/*
 * raw_parser
 *    Parse `str` (one or more statements) into a List of RawStmt *.  An
 *    empty string or one holding only comments and semicolons gives NIL.
 *    Raises 42601 (or the grammar's own SQLSTATE) on a syntax error.
 */
List *
raw_parser(const char *str)
{
    PgQueryProtobufParseResult result;
    PgQuery__ParseResult *tree;
    uint8_t    *buf;
    size_t      len;
    List       *stmts = NIL;

    result = pg_query_parse_protobuf(str);
    if (result.error)
        report_raw_error(result);

    len = result.parse_tree.len;
    buf = palloc(len > 0 ? len : 1);
    memcpy(buf, result.parse_tree.data, len);
    pg_query_free_protobuf_parse_result(result);

    tree = pg_query__parse_result__unpack(&palloc_allocator, len, buf);
    if (tree == NULL)
        elog(ERROR, "could not unpack the parse tree of libpg_query");

    for (size_t i = 0; i < tree->n_stmts; i++)
    {
        PgQuery__RawStmt *ps = tree->stmts[i];
        RawStmt    *rs = palloc0(sizeof(RawStmt));

        rs->stmt = ps->stmt;
        rs->stmt_location = ps->stmt_location;
        rs->stmt_len = ps->stmt_len;
        stmts = lappend(stmts, rs);
    }
    return stmts;
}
