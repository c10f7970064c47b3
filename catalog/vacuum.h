/*-------------------------------------------------------------------------
 * vacuum.h
 *    ANALYZE and VACUUM (catalog/vacuum.c).
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_VACUUM_H
#define CATALOG_VACUUM_H

#include "planner/parser.h"

/* VACUUM [(options)] [FULL] [ANALYZE] [table [(cols)], ...] and ANALYZE [...] */
extern void ExecVacuum(PgQuery__VacuumStmt *stmt, bool isTopLevel);

#endif
