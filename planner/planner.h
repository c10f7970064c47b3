/*-------------------------------------------------------------------------
 * planner.h
 *    Entry points from the backend's query loop into the planner module:
 *    analysis (raw statement -> Query) and optimization (Query -> PlannedStmt).
 *-------------------------------------------------------------------------
 */
#ifndef PLANNER_H
#define PLANNER_H

#include "planner/parser.h"
#include "planner/parsenodes.h"
#include "planner/plannodes.h"
#include "planner/params.h"

/* Analyze with parameter types fixed by the caller (numParams may be 0). */
extern Query *parse_analyze_fixedparams(RawStmt *parseTree, const char *sourceText,
                                        const Oid *paramTypes, int numParams);
/*
 * Analyze inferring parameter types (extended-protocol Parse): *paramTypes
 * (palloc'd, may be grown) holds the types the client gave, 0 = infer;
 * on return every $n has a resolved type.  As in PostgreSQL, a $n whose
 * type cannot be inferred (never used, or only where any type fits, e.g.
 * "$1 IS NULL") is ERROR 42P18 "could not determine data type of
 * parameter $n"; an unknown $n in a select list becomes text.
 */
extern Query *parse_analyze_varparams(RawStmt *parseTree, const char *sourceText,
                                      Oid **paramTypes, int *numParams);

/* Optimize an analyzed Query; utility statements come back wrapped. */
extern PlannedStmt *pg_plan_query(Query *querytree, const char *sourceText,
                                  ParamListInfo boundParams);

/*
 * A column default written as SQL text (CREATE TABLE ... DEFAULT <expr>),
 * analyzed and coerced to the column type with PostgreSQL's errors (42804
 * column "%s" is of type %s but default expression is of type %s; column
 * references, sub-SELECTs and aggregates are not allowed).  For checking a
 * default when it is defined; INSERT/UPDATE analysis calls it on the text
 * the catalog returns from RelationGetColumnDefault(rel, attnum).
 */
extern Node *cookColumnDefault(const char *exprtext, Oid atttypid, int32 atttypmod,
                               const char *attname);
extern Node *cookRawColumnDefault(PgQuery__Node *raw, const char *queryString, Oid atttypid,
                                  int32 atttypmod, const char *attname);

/*
 * ALTER COLUMN TYPE (planner/parse_alter.c): the new value of column attnum
 * of rel computed from a row of it (Vars of varno 1), from using_expr or the
 * column itself, coerced to newtype; 42804 with PostgreSQL's hints.
 */
struct RelationData;
extern Node *transformAlterColumnType(struct RelationData *rel, int attnum,
                                      PgQuery__Node *using_expr, Oid newtype,
                                      int32 newtypmod, const char *queryString);

/*
 * EXECUTE name (args): the argument expressions, analyzed and coerced to
 * the prepared statement's parameter types, ready to evaluate
 * (planner/parse_execute.c; 42601 wrong count, 42804 not coercible).
 * boundParams are the EXECUTE statement's own $n values (or NULL).
 */
extern List *transformExecuteParams(const char *sourceText, const char *stmtName,
                                    PgQuery__Node **args, int nargs,
                                    const Oid *paramTypes, int numParams,
                                    ParamListInfo boundParams);

/* The result columns a Query will produce (for Describe), or NULL if none. */
extern struct TupleDescData *QueryResultTupleDesc(Query *query);

/*
 * PostgreSQL's view_query_is_auto_updatable: why a view with this query
 * is not automatically updatable (its DETAIL text), or NULL if it is
 * (planner/parse_view.c).
 */
extern const char *view_query_not_updatable_detail(Query *viewquery);

/* Is this raw statement a transaction-control or other utility statement? */
extern bool raw_stmt_is_utility(RawStmt *raw);

/*
 * A raw TypeName (CREATE TABLE column types, casts) -> type OID and typmod,
 * with PostgreSQL's errors (42704 type "%s" does not exist, the type's
 * own typmod errors).  Error positions assume the statement text before
 * the type name is ASCII (no source text is passed).
 */
extern void typenameTypeIdAndMod(PgQuery__TypeName *typeName, Oid *typeid_p, int32 *typmod_p);

#endif
