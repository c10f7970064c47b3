/*-------------------------------------------------------------------------
 * parser.h
 *    The raw parser: SQL text -> libpg_query's PostgreSQL 15 grammar ->
 *    protobuf parse tree, unpacked into the current memory context.
 *    Syntax errors are reported with PostgreSQL's message and cursor
 *    position (42601).
 *-------------------------------------------------------------------------
 */
#ifndef PARSER_H
#define PARSER_H

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include "backend/utils/list.h"

typedef PgQuery__Node RawNode;

typedef struct RawStmt
{
    RawNode    *stmt;
    int         stmt_location;  /* byte offset of the statement in the string */
    int         stmt_len;       /* 0 means "rest of string" */
} RawStmt;

/* Parse a query string into a List of RawStmt *, allocated in CurrentMemoryContext. */
extern List *raw_parser(const char *str);

/*
 * Call visit(child, arg) for every non-NULL sub-message of a raw tree
 * message (one level down: the caller recurses from visit); returns the OR
 * of the results (planner/nodefuncs.c).  The one generic walk over
 * libpg_query's protobuf messages, for code that rewrites stored SQL text.
 */
extern bool raw_tree_children(ProtobufCMessage *msg,
                              bool (*visit) (ProtobufCMessage *child, void *arg), void *arg);

/* Deep copy of a raw node into CurrentMemoryContext (planner/nodefuncs.c). */
extern RawNode *copyRawNode(const RawNode *from);

/* protobuf-c allocator that pallocs in CurrentMemoryContext; frees are no-ops. */
extern ProtobufCAllocator *raw_parser_allocator(void);

#endif
