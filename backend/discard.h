/*-------------------------------------------------------------------------
 * discard.h
 *    DISCARD (backend/discard.c).
 *-------------------------------------------------------------------------
 */
#ifndef DISCARD_H
#define DISCARD_H

#include "planner/parser.h"

extern void DiscardCommand(PgQuery__DiscardStmt *stmt, bool isTopLevel);

#endif
