/*-------------------------------------------------------------------------
 * nodefuncs.h
 *    Generic operations on expression, Query and Plan trees
 *    (PostgreSQL's nodeFuncs.h): type/typmod/collation/location of any
 *    expression, tree walkers and mutators, raw-node copying.
 *
 * equal() and copyObject() are declared in backend/utils/nodes.h;
 * exprType() and friends in planner/primnodes.h.  Both are implemented in
 * planner/nodefuncs.c.
 *
 * Walker/mutator contract (as PostgreSQL's):
 *    A walker is called on a node; it handles the node types it cares
 *    about and otherwise returns expression_tree_walker(node, walker, ctx),
 *    which calls the walker on each child.  Returning true aborts the walk.
 *    A mutator returns a replacement for each node; for node types it does
 *    not handle it returns expression_tree_mutator(node, mutator, ctx),
 *    which makes a flat copy of the node with mutated children.  The input
 *    tree is never modified.  Neither descends into a SubLink's subselect
 *    Query unless the callback does it (query_tree_walker/mutator).
 *-------------------------------------------------------------------------
 */
#ifndef NODEFUNCS_H
#define NODEFUNCS_H

#include "planner/parsenodes.h"
#include "planner/parser.h"

typedef bool (*tree_walker_callback) (Node *node, void *context);
typedef Node *(*tree_mutator_callback) (Node *node, void *context);

/* flags for query_tree_walker / query_tree_mutator / range_table_walker */
#define QTW_IGNORE_RT_SUBQUERIES    0x01    /* don't visit RTE_SUBQUERY queries */
#define QTW_IGNORE_JOINALIASES      0x02    /* don't visit joinaliasvars */
#define QTW_IGNORE_RANGE_TABLE      0x04    /* don't visit the range table at all */
#define QTW_DONT_COPY_QUERY         0x08    /* mutator: modify the Query in place */

extern bool expression_tree_walker(Node *node, tree_walker_callback walker, void *context);
extern Node *expression_tree_mutator(Node *node, tree_mutator_callback mutator, void *context);
extern bool query_tree_walker(Query *query, tree_walker_callback walker, void *context, int flags);
extern Query *query_tree_mutator(Query *query, tree_mutator_callback mutator, void *context,
                                 int flags);
extern bool range_table_walker(List *rtable, tree_walker_callback walker, void *context,
                               int flags);
/* Walk an expression or, if node is a Query, the Query's expressions. */
extern bool query_or_expression_tree_walker(Node *node, tree_walker_callback walker,
                                            void *context, int flags);

/* Is expr a call of a length-coercion function (varchar(x, n, b))?  Sets *typmod. */
extern bool exprIsLengthCoercion(const Node *expr, int32 *coercedTypmod);
/* Strip implicit casts (FuncExpr/RelabelType/CoerceViaIO marked COERCE_IMPLICIT_CAST). */
extern Node *strip_implicit_coercions(Node *node);
extern bool expression_returns_set(Node *clause);
/* Does the tree contain an Aggref of this query level (agglevelsup == 0)? */
extern bool contain_aggs_of_level(Node *node, int levelsup);

/* A copy of a List of C strings (copyfuncs.c). */
extern List *copy_string_list(const List *from);

#endif
