/*-------------------------------------------------------------------------
 * dependency.h
 *    pg_depend: recording what an object needs, and what DROP does about
 *    the objects that need it (catalog/dependency.c; PostgreSQL's
 *    catalog/dependency.c and pg_depend.c, smaller).
 *
 * One mechanism for every kind of object: views on tables and views
 * (and their columns), column defaults on sequences (nextval), sequences
 * owned by columns (serial: 'a'; identity: 'i'), and -- for whoever adds
 * them -- indexes and constraints.  An object that needs another records a
 * row here when it is created; every DROP of a relation, a column or a
 * sequence passes its targets to DropDependentObjects, which refuses
 * (2BP01) or cascades exactly as PostgreSQL reports it.
 *-------------------------------------------------------------------------
 */
#ifndef CATALOG_DEPENDENCY_H
#define CATALOG_DEPENDENCY_H

#include "backend/basalt.h"
#include "backend/utils/list.h"
#include "backend/utils/nodes.h"

#define DependRelationId 2608   /* pg_depend */

/* pg_depend.deptype (PostgreSQL's DependencyType) */
#define DEPENDENCY_NORMAL   'n' /* the dependent goes only with CASCADE */
#define DEPENDENCY_AUTO     'a' /* the dependent goes silently with the referenced */
#define DEPENDENCY_INTERNAL 'i' /* part of the referenced: goes with it, cannot go alone */

/* (catalog OID, object OID, column number or 0) -- PostgreSQL's ObjectAddress */
typedef struct ObjectAddress
{
    Oid         classId;
    Oid         objectId;
    int32       objectSubId;
} ObjectAddress;

/* One pg_depend row. */
typedef struct DependRow
{
    ObjectAddress obj;          /* the dependent */
    ObjectAddress ref;          /* what it depends on */
    char        deptype;
} DependRow;

extern void recordDependencyOn(const ObjectAddress *depender,
                               const ObjectAddress *referenced, char deptype);

/* depender needs column attnum (0: the whole relation) of relation relid */
extern void recordDependencyOnRelation(const ObjectAddress *depender, Oid relid,
                                       int32 attnum, char deptype);

/*
 * depender needs every relation named by a regclass constant in expr
 * (nextval('s') in a column default), deptype 'n'.
 */
extern void recordDependencyOnExprRelations(const ObjectAddress *depender, Node *expr);

/* Delete the rows whose dependent is (classId, objectId) (any column). */
extern void deleteDependencyRecordsFor(Oid classId, Oid objectId);

/* Delete the rows whose dependent is (classId, objectId) with this deptype. */
extern void deleteDependencyRecordsForType(Oid classId, Oid objectId, char deptype);

/*
 * The rows whose referenced object is (refclassId, refobjectId) and, when
 * refsubId is not 0, that column; in scan order.  deptype 0: any.
 */
extern List *getDependentRows(Oid refclassId, Oid refobjectId, int32 refsubId, char deptype);

/* The rows whose dependent is (classId, objectId), any column. */
extern List *getReferencedRows(Oid classId, Oid objectId);

/* "table t", "view v", "column b of table t", "default value for column a of table t" ... */
extern char *getObjectDescription(const ObjectAddress *obj);

/*
 * DROP's dependency handling, for targets (ObjectAddress *) that the caller
 * is about to drop (whole relations, or columns): a target that is part of
 * an object not being dropped is 2BP01 "cannot drop X because Y requires
 * it"; normal dependents are 2BP01 without cascade, else reported
 * ("drop cascades to ...") and dropped, deepest first; auto and internal
 * dependents (owned sequences, indexes) are dropped silently.  The targets
 * themselves are left to the caller.  Locks each dependent it drops.
 */
extern void DropDependentObjects(List *targets, bool cascade);

#endif /* CATALOG_DEPENDENCY_H */
