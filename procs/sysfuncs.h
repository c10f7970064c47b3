/*-------------------------------------------------------------------------
 * sysfuncs.h
 *    Who and where this session is: the current database and role, and
 *    role/database lookups by name and OID over pg_authid and pg_database
 *    (procs/sysfuncs.c, procs/aclfuncs.c).
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_SYSFUNCS_H
#define PROCS_SYSFUNCS_H

#include "backend/basalt.h"

/* Names from the startup packet ("postgres" outside a client backend). */
extern const char *CurrentDatabaseName(void);
extern const char *CurrentRoleName(void);

/* pg_authid: OID of a role name (InvalidOid if none and missing_ok, else
 * 42704); name of a role OID (palloc'd) or NULL; rolsuper of a role. */
extern Oid  GetRoleOid(const char *rolname, bool missing_ok);
extern char *GetRoleNameByOid(Oid roleid);
extern bool RoleIsSuperuser(Oid roleid);
/* The role this session runs as. */
extern Oid  GetSessionRoleOid(void);

/* pg_database: OID of a database name (3D000 unless missing_ok), and
 * whether an OID names a database. */
extern Oid  GetDatabaseOid(const char *datname, bool missing_ok);
extern bool DatabaseOidExists(Oid dbid);

#endif                          /* PROCS_SYSFUNCS_H */
