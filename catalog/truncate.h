/*-------------------------------------------------------------------------
 * truncate.h
 *    TRUNCATE (catalog/truncate.c): new empty storage per table, old
 *    storage unlinked at commit; RESTART IDENTITY restarts owned sequences
 *    the same transactional way.
 *-------------------------------------------------------------------------
 */
#ifndef TRUNCATE_H
#define TRUNCATE_H

#include "planner/parser.h"

extern void ExecuteTruncate(PgQuery__TruncateStmt *stmt);

/*
 * Point relid at new, empty storage (pg_class.relfilenode); the new file is
 * unlinked at abort, the old one at commit.  Ends with CommandCounterIncrement.
 */
extern void RelationSetNewRelfilenode(Oid relid);

#endif /* TRUNCATE_H */
