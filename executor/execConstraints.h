/*-------------------------------------------------------------------------
 * execConstraints.h
 *    CHECK constraint enforcement for INSERT/UPDATE
 *    (executor/execConstraints.c).
 *-------------------------------------------------------------------------
 */
#ifndef EXECCONSTRAINTS_H
#define EXECCONSTRAINTS_H

#include "executor/execnodes.h"

typedef struct CheckConstraintState CheckConstraintState;

/* Compile rel's CHECK constraints once per statement (never NULL). */
extern CheckConstraintState *ExecInitCheckConstraints(EState *estate, Relation rel);

/* 23514 if the row in slot fails one (NULL results pass). */
extern void ExecCheckConstraints(CheckConstraintState *ccs, Relation rel, TupleTableSlot *slot);

#endif
