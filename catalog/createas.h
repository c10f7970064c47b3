/*-------------------------------------------------------------------------
 * createas.h
 *    CREATE TABLE ... AS and SELECT ... INTO (catalog/createas.c).
 *-------------------------------------------------------------------------
 */
#ifndef CREATEAS_H
#define CREATEAS_H

#include "planner/parser.h"

/*
 * node is a CreateTableAsStmt or a SelectStmt with an INTO clause; the
 * statement's location/length within queryString are passed for error
 * positions.  Sets completionTag ("SELECT n" or "CREATE TABLE AS").
 */
extern void ExecCreateTableAs(RawNode *node, const char *queryString, int stmt_location,
                              int stmt_len, char *completionTag);

#endif
