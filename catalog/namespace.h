/*-------------------------------------------------------------------------
 * namespace.h
 *    Schemas and the search path: which relation, type, function or
 *    operator an unqualified name means, and where CREATE puts an object.
 *
 * The search path is the setting search_path (namespace_search_path,
 * backend/globals.h; default "\"$user\", public").  The effective path is
 * pg_catalog first unless the setting names it elsewhere, then the
 * setting's schemas that exist, in order.  "$user" names the schema
 * called like the session user, which Basalt does not resolve yet (it is
 * skipped, as PostgreSQL skips it when no such schema exists).  Once the
 * backend has a temporary schema it comes before everything, unless the
 * setting places "pg_temp" itself (GetTempNamespace below).  The parsed
 * path is recomputed when the setting's text changes or pg_namespace is
 * invalidated.
 *
 * Errors are PostgreSQL's: 3F000 schema "%s" does not exist, 42P01
 * relation "%s" does not exist, 3F000 no schema has been selected to
 * create in.
 *-------------------------------------------------------------------------
 */
#ifndef NAMESPACE_H
#define NAMESPACE_H

#include "backend/utils/list.h"
#include "storage/lmgr.h"

/* Schema by name; InvalidOid if missing_ok, else 3F000. */
extern Oid get_namespace_oid(const char *nspname, bool missing_ok);
/* An explicitly named schema (qualified name): as get_namespace_oid. */
extern Oid LookupExplicitNamespace(const char *nspname, bool missing_ok);
/*
 * Where to create an object: the named schema (3F000 if missing), or, for
 * NULL, the first existing schema of the search path other than the
 * implicit pg_catalog (3F000 "no schema has been selected to create in").
 */
extern Oid LookupCreationNamespace(const char *nspname);

/* The effective search path (pg_catalog included), a palloc'd OID list. */
extern List *fetch_search_path(bool includeImplicit);
/* The same, without allocating: valid until the next search-path change. */
extern const Oid *search_path_oids(int *n);

/*
 * A relation by possibly-qualified name, locked in lockmode (NoLock: not
 * locked).  Retries the lookup if invalidation messages arrived while
 * waiting for the lock (the name may now mean another relation, or
 * nothing).  Missing: InvalidOid if missing_ok, else 42P01 relation "%s"
 * does not exist (with the schema, if given, in the name).  A named schema
 * that does not exist is 3F000 unless missing_ok.
 */
extern Oid RangeVarGetRelidExtended(const char *schemaname, const char *relname,
                                    LOCKMODE lockmode, bool missing_ok);
#define RangeVarGetRelid(schemaname, relname, lockmode, missing_ok) \
    RangeVarGetRelidExtended(schemaname, relname, lockmode, missing_ok)

/* Unqualified relation name through the search path; InvalidOid if none. */
extern Oid RelnameGetRelid(const char *relname);
/* Unqualified type name through the search path; InvalidOid if none. */
extern Oid TypenameGetTypid(const char *typname);

/* Would the object be found by its unqualified name? */
extern bool RelationIsVisible(Oid relid);
extern bool TypeIsVisible(Oid typid);
extern bool FunctionIsVisible(Oid funcid);
extern bool OperatorIsVisible(Oid oprid);

/*
 * This backend's temporary schema pg_temp_N (N = MyProcNumber + 1), created
 * (or emptied of a crashed predecessor's leftovers) on first call.  It is
 * searched first for relations and types unless the path names pg_temp.
 */
extern Oid GetTempNamespace(void);
/* The same if it exists yet, else InvalidOid. */
extern Oid MyTempNamespace(void);
extern bool isTempNamespace(Oid nspid);      /* this backend's */
extern bool isAnyTempNamespace(Oid nspid);   /* any pg_temp_N */
/* Backend exit: drop this backend's temporary relations (own transaction). */
extern void AtProcExit_TempNamespace(void);

/* Position of nspid in the search path (0-based), or -1 if not in it. */
extern int namespace_search_position(Oid nspid);

#endif /* NAMESPACE_H */
