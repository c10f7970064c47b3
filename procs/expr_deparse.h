/*-------------------------------------------------------------------------
 * expr_deparse.h
 *    Analyzed expressions back to SQL text as PostgreSQL's ruleutils.c
 *    prints them (procs/expr_deparse.c).
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_EXPR_DEPARSE_H
#define PROCS_EXPR_DEPARSE_H

#include "backend/basalt.h"
#include "backend/utils/nodes.h"

/*
 * expr with Vars of varno 1 naming columns of relid (InvalidOid: none
 * allowed); NULL if it holds a node kind this printer does not handle.
 */
extern char *deparse_expression_for_relation(Node *expr, Oid relid);

/*
 * EXPLAIN's entry: appends expr to buf, calling hook for every Var and
 * Param (it prints the node and returns true, or false for "cannot
 * print"); false if anything could not be printed.
 */
struct StringInfoData;
typedef bool (*DeparseVarHook) (Node *varOrParam, struct StringInfoData *buf, void *arg);
extern bool deparse_expression_with_hook(struct StringInfoData *buf, Node *expr,
                                         DeparseVarHook hook, void *hook_arg);

#endif                          /* PROCS_EXPR_DEPARSE_H */
