/*-------------------------------------------------------------------------
 * execForeignKeys.h
 *    Enforcing FOREIGN KEY constraints in INSERT/UPDATE/DELETE
 *    (executor/execForeignKeys.c; PostgreSQL's ri_triggers.c, run by
 *    ModifyTable instead of by triggers).
 *
 * ModifyTable calls ExecInitForeignKeys once, then one of ExecFKInsert /
 * ExecFKUpdate / ExecFKDelete per row written (which only queues the
 * row's key), then ExecFKNodeDone when its last row is written: the
 * queued checks and actions run there (ExecFKEndStatement), or at
 * ExecutorFinish for a statement with data-modifying WITH queries
 * (ExecFKEndQuery), as PostgreSQL's RI after-triggers run at the end of
 * the statement.  COPY FROM calls ExecFKEndStatement itself.
 *-------------------------------------------------------------------------
 */
#ifndef EXECFOREIGNKEYS_H
#define EXECFOREIGNKEYS_H

#include "catalog/foreign_key.h"
#include "executor/execnodes.h"

typedef struct FKState FKState;

/* NULL when rel has no foreign key this operation must enforce. */
extern FKState *ExecInitForeignKeys(Relation rel, CmdType operation);

/* The row just written; UPDATE and DELETE pass the old version too. */
extern void ExecFKInsert(FKState *st, TupleTableSlot *newslot);
extern void ExecFKUpdate(FKState *st, HeapTuple oldtup, TupleTableSlot *newslot);
extern void ExecFKDelete(FKState *st, HeapTuple oldtup);

/* Run the queued checks and referential actions (once, at the end). */
extern void ExecFKEndStatement(FKState *st);

/*
 * A ModifyTable wrote its last row: run its work now, or -- in a
 * statement with data-modifying WITH queries, whose ModifyTables finish
 * in any order -- at ExecutorFinish (ExecFKEndQuery), once every one of
 * them has run, as PostgreSQL fires RI triggers at the end of the query.
 */
extern void ExecFKNodeDone(EState *estate, FKState *st);
extern void ExecFKEndQuery(EState *estate);

/*
 * ALTER TABLE ADD FOREIGN KEY / VALIDATE CONSTRAINT: every existing row
 * of the referencing table must match (23503 for the first that does not).
 */
extern void ExecFKValidateExisting(const ForeignKeyInfo *fk);

#endif /* EXECFOREIGNKEYS_H */
