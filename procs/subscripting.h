/*-------------------------------------------------------------------------
 * subscripting.h
 *    Subscripting handlers of non-array container types (PostgreSQL's
 *    SubscriptRoutines, src/include/nodes/subscripting.h).
 *
 * A type whose pg_type.typsubscript names a handler function (jsonb:
 * jsonb_subscript_handler) is subscriptable: the analyzer asks the
 * handler to transform the subscripts of x[..][..] into a SubscriptingRef
 * (types, coercions, result type), and the executor hands the evaluated
 * container, subscripts and replacement value to the handler's eval.
 * True arrays (array_subscript_handler) keep their inline path in the
 * analyzer and executor: getSubscriptingRoutines returns NULL for them.
 *-------------------------------------------------------------------------
 */
#ifndef SUBSCRIPTING_H
#define SUBSCRIPTING_H

#include "backend/basalt.h"

struct ParseState;
struct SubscriptingRef;
struct SubscriptingRefState;
struct PgQuery__Node;

typedef struct SubscriptRoutines
{
    /*
     * Analyzer: fill sbsref's refupperindexpr/reflowerindexpr (transformed
     * and coerced), refrestype and reftypmod from the nsubs A_Indices
     * nodes.  isAssignment: UPDATE ... SET x[..] = v.
     */
    void        (*transform) (struct SubscriptingRef *sbsref,
                              struct PgQuery__Node **indirection, int nsubs,
                              struct ParseState *pstate, bool isSlice,
                              bool isAssignment);
    /* Executor, once per expression: set up sb->workspace (may be NULL). */
    void        (*exec_setup) (const struct SubscriptingRef *sbsref,
                               struct SubscriptingRefState *sb);
    /*
     * Executor, per evaluation: *resv and *resnull hold the container; the
     * subscripts and (assignment) the new value are in sb.  Leaves the
     * result in *resv and *resnull.
     */
    void        (*eval) (struct SubscriptingRefState *sb, Datum *resv, bool *resnull);
} SubscriptRoutines;

/* The routines of typid's handler; NULL for true arrays and unsubscriptable types. */
extern const SubscriptRoutines *getSubscriptingRoutines(Oid typid);

#endif /* SUBSCRIPTING_H */
