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

#endif                          /* PROCS_EXPR_DEPARSE_H */
