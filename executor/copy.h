/*-------------------------------------------------------------------------
 * copy.h
 *    COPY: the statement (executor/copy.c), COPY FROM (executor/copyfrom.c)
 *    and COPY TO (executor/copyto.c).  Shared between those files only;
 *    the rest of the server calls DoCopy.
 *-------------------------------------------------------------------------
 */
#ifndef COPY_H
#define COPY_H

#include <stdio.h>

#include "backend/utils/stringinfo.h"
#include "executor/execnodes.h"
#include "planner/parser.h"
#include "storage/rel.h"

/*
 * Longest line (text/CSV record, including quoted newlines) or binary
 * field COPY FROM accepts.  PostgreSQL's limit is its 1 GB string buffer;
 * Basalt stores no row above one page (no TOAST), so a line past this is
 * refused early with 54000 instead of being buffered.
 */
#define COPY_MAX_LINE_BYTES     (64 * 1024 * 1024)
/* Bytes read from a file or taken from CopyData per refill of the raw buffer. */
#define COPY_RAW_BUF_SIZE       65536
/* CONTEXT shows at most this many bytes of a value or line (PostgreSQL's). */
#define MAX_COPY_DATA_DISPLAY   100

typedef enum CopyHeaderChoice
{
    COPY_HEADER_FALSE = 0,
    COPY_HEADER_TRUE,
    COPY_HEADER_MATCH
} CopyHeaderChoice;

/* The options of one COPY, after ProcessCopyOptions (PostgreSQL's CopyFormatOptions). */
typedef struct CopyFormatOptions
{
    bool        binary;
    bool        csv_mode;
    CopyHeaderChoice header_line;
    bool        freeze;
    char       *null_print;     /* NULL marker (default \N or empty) */
    int         null_print_len;
    char       *delim;          /* one byte */
    char       *quote;          /* CSV only */
    char       *escape;         /* CSV only */
    bool        force_quote_all;
    List       *force_quote;    /* column names (char *) */
    List       *force_notnull;
    List       *force_null;
} CopyFormatOptions;

/* Where the data comes from or goes to. */
typedef enum CopyDest
{
    COPY_DEST_FRONTEND,         /* STDIN / STDOUT through the protocol */
    COPY_DEST_FILE              /* a server file */
} CopyDest;

extern void ProcessCopyOptions(CopyFormatOptions *opts, bool is_from,
                               PgQuery__Node **options, size_t noptions,
                               const char *queryString);
/* The attribute numbers named in attlist (all live columns when empty). */
extern List *CopyGetAttnums(TupleDesc desc, Relation rel, PgQuery__Node **attlist,
                            size_t nattlist);
/* Per-column flags from a FORCE_* list (errors for unlisted columns). */
extern bool *CopyForceFlags(List *names, const char *optname, TupleDesc desc,
                            Relation rel, List *attnums);
/* The first MAX_COPY_DATA_DISPLAY bytes of str (whole characters) plus "...". */
extern char *copy_limit_printout(const char *str);

/* copyfrom.c: run COPY rel FROM; returns the number of rows inserted. */
extern uint64 CopyFrom(Relation rel, List *attnums, CopyFormatOptions *opts,
                       CopyDest dest, FILE *file, PgQuery__Node *whereClause,
                       const char *queryString);

/* copyto.c: COPY rel TO, or COPY (query) TO when rel is NULL. */
extern uint64 CopyTo(Relation rel, List *attnums, PgQuery__Node *query,
                     CopyFormatOptions *opts, CopyDest dest, FILE *file,
                     const char *queryString, int stmt_location, int stmt_len);

/* copy.c: the COPY statement (called by ProcessUtility). */
extern void DoCopy(PgQuery__CopyStmt *stmt, const char *queryString, int stmt_location,
                   int stmt_len, char *completionTag);

#endif /* COPY_H */
