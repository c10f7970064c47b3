/*-------------------------------------------------------------------------
 * execForeignKeys.h
 *    Enforcing FOREIGN KEY constraints in INSERT/UPDATE/DELETE
 *    (executor/execForeignKeys.c; PostgreSQL's ri_triggers.c, run by
 *    ModifyTable instead of by triggers).
 *
 * ModifyTable calls ExecInitForeignKeys once, then one of ExecFKInsert /
 * ExecFKUpdate / ExecFKDelete per row written (which only queues the
 * row's key), then ExecFKEndStatement when its last row is written: the
 * queued checks and actions run there, as PostgreSQL's RI after-triggers
 * run at the end of the statement.
 *-------------------------------------------------------------------------
 */
#ifndef EXECFOREIGNKEYS_H
#define EXECFOREIGNKEYS_H

#include "catalog/foreign_key.h"
#include "executor/execnodes.h"

typedef struct FKState FKState;

/* NULL when rel has no foreign key this operation must enforce. */
extern FKState *ExecInitForeignKeys(Relation rel, CmdType operation);

/* Does ExecFKUpdate / ExecFKDelete need the old row? (always, when st is not NULL) */
extern void ExecFKInsert(FKState *st, TupleTableSlot *newslot);
extern void ExecFKUpdate(FKState *st, HeapTuple oldtup, TupleTableSlot *newslot);
extern void ExecFKDelete(FKState *st, HeapTuple oldtup);

/* Run the queued checks and referential actions (once, at the end). */
extern void ExecFKEndStatement(FKState *st);

/*
 * ALTER TABLE ADD FOREIGN KEY / VALIDATE CONSTRAINT: every existing row
 * of the referencing table must match (23503 for the first that does not).
 */
extern void ExecFKValidateExisting(const ForeignKeyInfo *fk);

#endif /* EXECFOREIGNKEYS_H */
