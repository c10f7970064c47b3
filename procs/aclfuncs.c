/*-------------------------------------------------------------------------
 * aclfuncs.c
 *    The privilege inquiry functions has_table_privilege,
 *    has_column_privilege, has_schema_privilege, has_function_privilege,
 *    has_database_privilege and pg_has_role in all their name/OID forms,
 *    and the role and database lookups they need (PostgreSQL's acl.c SQL
 *    entry points).
 *
 * Basalt has no GRANT and no object ACLs yet: every object is owned by
 * the bootstrap superuser, so the answer is whether the role is a
 * superuser (pg_authid.rolsuper) -- which is what PostgreSQL answers for a
 * superuser.  Everything else is PostgreSQL's: the privilege string is
 * parsed the same way (comma-separated, case-insensitive, surrounding
 * spaces ignored, "... WITH GRANT OPTION"), a named object that does not
 * exist is an error, an object given by OID that does not exist gives
 * NULL, and checks run in PostgreSQL's order (role, object, privilege
 * string for name forms; the privilege string before the existence test
 * for OID forms).
 *
 * Roles and databases are rows of pg_authid / pg_database (built-in rows
 * from PostgreSQL 15).  They are read with a sequential scan: both
 * catalogs hold a handful of rows.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <strings.h>
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/sysfuncs.h"
#include "storage/heapam.h"
#include "storage/snapshot.h"

extern Datum regclassin(PG_FUNCTION_ARGS);      /* catalog/sequence.c */
extern Datum regprocedurein(PG_FUNCTION_ARGS);  /* procs/regtype.c */
extern Datum regtypein(PG_FUNCTION_ARGS);

/* ---------------------------------------------------------------- roles, databases */

/*
 * Scan a shared catalog whose first column is oid and second a name: find
 * the row with the given name (name != NULL) or OID.  Returns the row's
 * OID (InvalidOid if none); *namep gets the palloc'd name, *flag the
 * boolean column flag_attno (if > 0).
 */
static Oid
scan_oid_name_catalog(Oid catid, const char *name, Oid oid, char **namep,
                      int flag_attno, bool *flag)
{
    Relation    rel = table_open(catid, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    Oid         result = InvalidOid;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Oid         rowoid = DatumGetObjectId(heap_getattr(tup, 1, desc, &isnull));
        Name        rowname = (Name) DatumGetPointer(heap_getattr(tup, 2, desc, &isnull));

        if (name != NULL ? strcmp(NameStr(*rowname), name) != 0 : rowoid != oid)
            continue;
        result = rowoid;
        if (namep)
            *namep = pstrdup(NameStr(*rowname));
        if (flag_attno > 0)
            *flag = DatumGetBool(heap_getattr(tup, flag_attno, desc, &isnull));
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

Oid
GetRoleOid(const char *rolname, bool missing_ok)
{
    Oid         oid = scan_oid_name_catalog(AuthIdRelationId, rolname, InvalidOid, NULL, 0, NULL);

    if (!OidIsValid(oid) && !missing_ok)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_OBJECT),
                 errmsg("role \"%s\" does not exist", rolname)));
    return oid;
}

char *
GetRoleNameByOid(Oid roleid)
{
    char       *name = NULL;

    (void) scan_oid_name_catalog(AuthIdRelationId, NULL, roleid, &name, 0, NULL);
    return name;
}

bool
RoleIsSuperuser(Oid roleid)
{
    bool        super = false;

    if (!OidIsValid(scan_oid_name_catalog(AuthIdRelationId, NULL, roleid, NULL,
                                          Anum_pg_authid_rolsuper, &super)))
        return false;
    return super;
}

/* The login role; a login name with no pg_authid row runs as the bootstrap superuser. */
Oid
GetSessionRoleOid(void)
{
    Oid         oid = GetRoleOid(CurrentRoleName(), true);

    return OidIsValid(oid) ? oid : BOOTSTRAP_SUPERUSERID;
}

Oid
GetDatabaseOid(const char *datname, bool missing_ok)
{
    Oid         oid = scan_oid_name_catalog(DatabaseRelationId, datname, InvalidOid, NULL, 0, NULL);

    if (!OidIsValid(oid) && !missing_ok)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_DATABASE),
                 errmsg("database \"%s\" does not exist", datname)));
    return oid;
}

bool
DatabaseOidExists(Oid dbid)
{
    return OidIsValid(scan_oid_name_catalog(DatabaseRelationId, NULL, dbid, NULL, 0, NULL));
}

/* A role named in a privilege function: "public" is the pseudo-role 0. */
static Oid
role_oid_or_public(Name rolname)
{
    if (strcmp(NameStr(*rolname), "public") == 0)
        return InvalidOid;
    return GetRoleOid(NameStr(*rolname), false);
}

/* ---------------------------------------------------------------- privilege strings */

typedef struct priv_map
{
    const char *name;
} priv_map;

static const priv_map table_privs[] = {
    {"SELECT"}, {"SELECT WITH GRANT OPTION"}, {"INSERT"}, {"INSERT WITH GRANT OPTION"},
    {"UPDATE"}, {"UPDATE WITH GRANT OPTION"}, {"DELETE"}, {"DELETE WITH GRANT OPTION"},
    {"TRUNCATE"}, {"TRUNCATE WITH GRANT OPTION"}, {"REFERENCES"},
    {"REFERENCES WITH GRANT OPTION"}, {"TRIGGER"}, {"TRIGGER WITH GRANT OPTION"},
    {"RULE"}, {"RULE WITH GRANT OPTION"}, {NULL}
};
static const priv_map column_privs[] = {
    {"SELECT"}, {"SELECT WITH GRANT OPTION"}, {"INSERT"}, {"INSERT WITH GRANT OPTION"},
    {"UPDATE"}, {"UPDATE WITH GRANT OPTION"}, {"REFERENCES"},
    {"REFERENCES WITH GRANT OPTION"}, {NULL}
};
static const priv_map schema_privs[] = {
    {"CREATE"}, {"CREATE WITH GRANT OPTION"}, {"USAGE"}, {"USAGE WITH GRANT OPTION"}, {NULL}
};
static const priv_map function_privs[] = {
    {"EXECUTE"}, {"EXECUTE WITH GRANT OPTION"}, {NULL}
};
static const priv_map database_privs[] = {
    {"CREATE"}, {"CREATE WITH GRANT OPTION"}, {"TEMPORARY"}, {"TEMPORARY WITH GRANT OPTION"},
    {"TEMP"}, {"TEMP WITH GRANT OPTION"}, {"CONNECT"}, {"CONNECT WITH GRANT OPTION"}, {NULL}
};
static const priv_map sequence_privs[] = {
    {"USAGE"}, {"USAGE WITH GRANT OPTION"}, {"SELECT"}, {"SELECT WITH GRANT OPTION"},
    {"UPDATE"}, {"UPDATE WITH GRANT OPTION"}, {NULL}
};
static const priv_map language_privs[] = {
    {"USAGE"}, {"USAGE WITH GRANT OPTION"}, {NULL}
};
static const priv_map type_privs[] = {
    {"USAGE"}, {"USAGE WITH GRANT OPTION"}, {NULL}
};
static const priv_map role_privs[] = {
    {"USAGE"}, {"MEMBER"}, {"USAGE WITH GRANT OPTION"}, {"USAGE WITH ADMIN OPTION"},
    {"MEMBER WITH GRANT OPTION"}, {"MEMBER WITH ADMIN OPTION"}, {NULL}
};

/*
 * Check a privilege string against a map as PostgreSQL's
 * convert_any_priv_string does: split at commas, trim each chunk, match
 * case-insensitively; an unknown chunk is 22023.
 */
static void
check_priv_string(text *priv_type_text, const priv_map *privileges)
{
    char       *chunk = text_to_cstring(priv_type_text);

    while (chunk != NULL)
    {
        char       *next_chunk = strchr(chunk, ',');
        size_t      len;
        const priv_map *p;

        if (next_chunk)
            *next_chunk++ = '\0';
        while (*chunk && isspace((unsigned char) *chunk))
            chunk++;
        len = strlen(chunk);
        while (len > 0 && isspace((unsigned char) chunk[len - 1]))
            len--;
        chunk[len] = '\0';
        for (p = privileges; p->name != NULL; p++)
            if (strcasecmp(p->name, chunk) == 0)
                break;
        if (p->name == NULL)
            ereport(ERROR,
                    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                     errmsg("unrecognized privilege type: \"%s\"", chunk)));
        chunk = next_chunk;
    }
}

/*
 * The answer for an existing object: every object is owned by the
 * bootstrap superuser and there are no grants, so a role holds every
 * privilege exactly when it is a superuser.
 */
static bool
role_has_privilege(Oid roleid)
{
    return OidIsValid(roleid) && RoleIsSuperuser(roleid);
}

/* ---------------------------------------------------------------- tables */

static Oid
convert_table_name(text *tablename)
{
    return DatumGetObjectId(DirectFunctionCall1(regclassin,
                                                CStringGetDatum(text_to_cstring(tablename))));
}

#define TABLE_PRIV_BY_NAME(roleid, tbl, priv) \
    do { \
        (void) convert_table_name(tbl); \
        check_priv_string(priv, table_privs); \
        PG_RETURN_BOOL(role_has_privilege(roleid)); \
    } while (0)

#define TABLE_PRIV_BY_ID(roleid, tbloid, priv) \
    do { \
        check_priv_string(priv, table_privs); \
        if (lookup_class(tbloid) == NULL) \
            PG_RETURN_NULL(); \
        PG_RETURN_BOOL(role_has_privilege(roleid)); \
    } while (0)

Datum
has_table_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    TABLE_PRIV_BY_NAME(roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_table_privilege_name(PG_FUNCTION_ARGS)
{
    TABLE_PRIV_BY_NAME(GetSessionRoleOid(), PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1));
}

Datum
has_table_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    TABLE_PRIV_BY_ID(roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_table_privilege_id(PG_FUNCTION_ARGS)
{
    TABLE_PRIV_BY_ID(GetSessionRoleOid(), PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1));
}

Datum
has_table_privilege_id_name(PG_FUNCTION_ARGS)
{
    TABLE_PRIV_BY_NAME(PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_table_privilege_id_id(PG_FUNCTION_ARGS)
{
    TABLE_PRIV_BY_ID(PG_GETARG_OID(0), PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

/* ---------------------------------------------------------------- columns */

/* A column's number: user columns from the relation, then system columns. */
static int16
column_attnum(Oid relid, const char *colname)
{
    Relation    rel = try_relation_open(relid, AccessShareLock);
    int16      attnum = 0;

    if (rel != NULL)
    {
        TupleDesc   desc = RelationGetDescr(rel);

        for (int i = 0; i < desc->natts; i++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, i);

            if (!att->attisdropped && strcmp(NameStr(att->attname), colname) == 0)
                attnum = att->attnum;
        }
        if (attnum == 0 && rel->relkind != RELKIND_VIEW)
        {
            const FormData_pg_attribute *sys = SystemAttributeByName(colname);

            if (sys != NULL)
                attnum = sys->attnum;
        }
        relation_close(rel, AccessShareLock);
    }
    return attnum;
}

static int16
convert_column_name(Oid relid, text *column)
{
    char       *colname = text_to_cstring(column);
    int16      attnum = column_attnum(relid, colname);

    if (attnum == 0)
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_COLUMN),
                 errmsg("column \"%s\" of relation \"%s\" does not exist",
                        colname, get_rel_name(relid))));
    return attnum;
}

/* NULL for a missing table or a missing/dropped column number, as PostgreSQL. */
static Datum
column_privilege_result(FunctionCallInfo fcinfo, Oid roleid, Oid relid, int16 attnum)
{
    Relation    rel;
    bool        exists = false;

    rel = try_relation_open(relid, AccessShareLock);
    if (rel != NULL)
    {
        TupleDesc   desc = RelationGetDescr(rel);

        if (attnum > 0)
            exists = attnum <= desc->natts && !TupleDescAttr(desc, attnum - 1)->attisdropped;
        else
            exists = rel->relkind != RELKIND_VIEW &&
                SystemAttributeDefinition(attnum) != NULL;
        relation_close(rel, AccessShareLock);
    }
    if (!exists)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(role_has_privilege(roleid));
}

/* (role, table, column, priv) in every combination of name/OID/attnum */
#define COLUMN_PRIV(roleid_expr, relid_expr, attnum_expr, privarg) \
    do { \
        Oid         roleid_ = (roleid_expr); \
        Oid         relid_ = (relid_expr); \
        int16      attnum_ = (attnum_expr); \
        check_priv_string(PG_GETARG_TEXT_PP(privarg), column_privs); \
        return column_privilege_result(fcinfo, roleid_, relid_, attnum_); \
    } while (0)

Datum
has_column_privilege_name_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));
    Oid         relid = convert_table_name(PG_GETARG_TEXT_PP(1));

    COLUMN_PRIV(roleid, relid, convert_column_name(relid, PG_GETARG_TEXT_PP(2)), 3);
}

Datum
has_column_privilege_name_name_attnum(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    COLUMN_PRIV(roleid, convert_table_name(PG_GETARG_TEXT_PP(1)), PG_GETARG_INT16(2), 3);
}

Datum
has_column_privilege_name_id_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    COLUMN_PRIV(roleid, PG_GETARG_OID(1),
                convert_column_name(PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2)), 3);
}

Datum
has_column_privilege_name_id_attnum(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    COLUMN_PRIV(roleid, PG_GETARG_OID(1), PG_GETARG_INT16(2), 3);
}

Datum
has_column_privilege_id_name_name(PG_FUNCTION_ARGS)
{
    Oid         relid = convert_table_name(PG_GETARG_TEXT_PP(1));

    COLUMN_PRIV(PG_GETARG_OID(0), relid, convert_column_name(relid, PG_GETARG_TEXT_PP(2)), 3);
}

Datum
has_column_privilege_id_name_attnum(PG_FUNCTION_ARGS)
{
    COLUMN_PRIV(PG_GETARG_OID(0), convert_table_name(PG_GETARG_TEXT_PP(1)),
                PG_GETARG_INT16(2), 3);
}

Datum
has_column_privilege_id_id_name(PG_FUNCTION_ARGS)
{
    COLUMN_PRIV(PG_GETARG_OID(0), PG_GETARG_OID(1),
                convert_column_name(PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2)), 3);
}

Datum
has_column_privilege_id_id_attnum(PG_FUNCTION_ARGS)
{
    COLUMN_PRIV(PG_GETARG_OID(0), PG_GETARG_OID(1), PG_GETARG_INT16(2), 3);
}

Datum
has_column_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         relid = convert_table_name(PG_GETARG_TEXT_PP(0));

    COLUMN_PRIV(GetSessionRoleOid(), relid, convert_column_name(relid, PG_GETARG_TEXT_PP(1)), 2);
}

Datum
has_column_privilege_name_attnum(PG_FUNCTION_ARGS)
{
    COLUMN_PRIV(GetSessionRoleOid(), convert_table_name(PG_GETARG_TEXT_PP(0)),
                PG_GETARG_INT16(1), 2);
}

Datum
has_column_privilege_id_name(PG_FUNCTION_ARGS)
{
    COLUMN_PRIV(GetSessionRoleOid(), PG_GETARG_OID(0),
                convert_column_name(PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1)), 2);
}

Datum
has_column_privilege_id_attnum(PG_FUNCTION_ARGS)
{
    COLUMN_PRIV(GetSessionRoleOid(), PG_GETARG_OID(0), PG_GETARG_INT16(1), 2);
}

/* ---------------------------------------------------------------- schemas, functions, databases */

/*
 * The remaining object kinds share one shape: resolve the object by name
 * (an error if missing) or test an OID (NULL if missing), then check the
 * privilege string.  by_name resolves; exists tests an OID.
 */
typedef struct ObjectPrivKind
{
    const priv_map *privs;
    Oid         (*by_name) (text *name);
    bool        (*exists) (Oid oid);
} ObjectPrivKind;

static Oid
schema_by_name(text *name)
{
    return get_namespace_oid(text_to_cstring(name), false);
}

static bool
schema_exists(Oid oid)
{
    return lookup_namespace(oid) != NULL;
}

static Oid
function_by_name(text *name)
{
    char       *funcname = text_to_cstring(name);
    Oid         oid = DatumGetObjectId(DirectFunctionCall1(regprocedurein,
                                                           CStringGetDatum(funcname)));

    if (!OidIsValid(oid))
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_FUNCTION),
                 errmsg("function \"%s\" does not exist", funcname)));
    return oid;
}

static bool
function_exists(Oid oid)
{
    return lookup_proc(oid) != NULL;
}

static Oid
database_by_name(text *name)
{
    return GetDatabaseOid(text_to_cstring(name), false);
}

static Oid
anycolumn_table_by_name(text *name)
{
    return convert_table_name(name);
}

static bool
relation_exists(Oid oid)
{
    return lookup_class(oid) != NULL;
}

/* a sequence named by text: "x" is not a sequence (42809) for other relations */
static Oid
sequence_by_name(text *name)
{
    Oid         relid = convert_table_name(name);

    if (get_rel_relkind(relid) != RELKIND_SEQUENCE)
        ereport(ERROR,
                (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                 errmsg("\"%s\" is not a sequence", text_to_cstring(name))));
    return relid;
}

/* an OID: NULL if no relation, an error if not a sequence */
static bool
sequence_exists(Oid oid)
{
    char        relkind = get_rel_relkind(oid);

    if (relkind == '\0')
        return false;
    if (relkind != RELKIND_SEQUENCE)
        ereport(ERROR,
                (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                 errmsg("\"%s\" is not a sequence", get_rel_name(oid))));
    return true;
}

static Oid
type_by_name(text *name)
{
    return DatumGetObjectId(DirectFunctionCall1(regtypein,
                                                CStringGetDatum(text_to_cstring(name))));
}

static bool
type_exists(Oid oid)
{
    return lookup_type(oid) != NULL;
}

static Oid
language_by_name(text *name)
{
    char       *lanname = text_to_cstring(name);
    Oid         oid = scan_oid_name_catalog(LanguageRelationId, lanname, InvalidOid, NULL, 0, NULL);

    if (!OidIsValid(oid))
        ereport(ERROR,
                (errcode(ERRCODE_UNDEFINED_OBJECT),
                 errmsg("language \"%s\" does not exist", lanname)));
    return oid;
}

static bool
language_exists(Oid oid)
{
    return OidIsValid(scan_oid_name_catalog(LanguageRelationId, NULL, oid, NULL, 0, NULL));
}

static const ObjectPrivKind language_kind = {language_privs, language_by_name, language_exists};
static const ObjectPrivKind any_column_kind = {column_privs, anycolumn_table_by_name, relation_exists};
static const ObjectPrivKind sequence_kind = {sequence_privs, sequence_by_name, sequence_exists};
static const ObjectPrivKind type_kind = {type_privs, type_by_name, type_exists};
static const ObjectPrivKind schema_kind = {schema_privs, schema_by_name, schema_exists};
static const ObjectPrivKind function_kind = {function_privs, function_by_name, function_exists};
static const ObjectPrivKind database_kind = {database_privs, database_by_name, DatabaseOidExists};

static Datum
object_priv_by_name(FunctionCallInfo fcinfo, const ObjectPrivKind *kind, Oid roleid,
                    text *name, text *priv)
{
    (void) kind->by_name(name);
    check_priv_string(priv, kind->privs);
    PG_RETURN_BOOL(role_has_privilege(roleid));
}

static Datum
object_priv_by_id(FunctionCallInfo fcinfo, const ObjectPrivKind *kind, Oid roleid,
                  Oid oid, text *priv)
{
    check_priv_string(priv, kind->privs);
    if (!kind->exists(oid))
        PG_RETURN_NULL();
    PG_RETURN_BOOL(role_has_privilege(roleid));
}

/* the six forms of has_<kind>_privilege for each kind */

Datum
has_schema_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &schema_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_schema_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &schema_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_schema_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &schema_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_schema_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &schema_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_schema_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &schema_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_schema_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &schema_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

Datum
has_function_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &function_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_function_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &function_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_function_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &function_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_function_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &function_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_function_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &function_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_function_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &function_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

Datum
has_database_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &database_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_database_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &database_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_database_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &database_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_database_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &database_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_database_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &database_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_database_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &database_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

Datum
has_any_column_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &any_column_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_any_column_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &any_column_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_any_column_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &any_column_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_any_column_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &any_column_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_any_column_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &any_column_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_any_column_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &any_column_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

Datum
has_sequence_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &sequence_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_sequence_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &sequence_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_sequence_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &sequence_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_sequence_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &sequence_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_sequence_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &sequence_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_sequence_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &sequence_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

Datum
has_type_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &type_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_type_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &type_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_type_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &type_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_type_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &type_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_type_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &type_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_type_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &type_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

Datum
has_language_privilege_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_name(fcinfo, &language_kind, roleid, PG_GETARG_TEXT_PP(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_language_privilege_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &language_kind, GetSessionRoleOid(), PG_GETARG_TEXT_PP(0),
                               PG_GETARG_TEXT_PP(1));
}

Datum
has_language_privilege_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = role_oid_or_public(PG_GETARG_NAME(0));

    return object_priv_by_id(fcinfo, &language_kind, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
has_language_privilege_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &language_kind, GetSessionRoleOid(), PG_GETARG_OID(0),
                             PG_GETARG_TEXT_PP(1));
}

Datum
has_language_privilege_id_name(PG_FUNCTION_ARGS)
{
    return object_priv_by_name(fcinfo, &language_kind, PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1),
                               PG_GETARG_TEXT_PP(2));
}

Datum
has_language_privilege_id_id(PG_FUNCTION_ARGS)
{
    return object_priv_by_id(fcinfo, &language_kind, PG_GETARG_OID(0), PG_GETARG_OID(1),
                             PG_GETARG_TEXT_PP(2));
}

/* ---------------------------------------------------------------- pg_has_role */

/*
 * pg_has_role(role, member_of, priv): a superuser has every role's
 * privileges; otherwise only its own (no role memberships exist yet).
 */
static Datum
has_role_result(FunctionCallInfo fcinfo, Oid roleid, Oid target, text *priv)
{
    check_priv_string(priv, role_privs);
    PG_RETURN_BOOL(roleid == target || role_has_privilege(roleid));
}

Datum
pg_has_role_name_name(PG_FUNCTION_ARGS)
{
    Oid         roleid = GetRoleOid(NameStr(*PG_GETARG_NAME(0)), false);
    Oid         target = GetRoleOid(NameStr(*PG_GETARG_NAME(1)), false);

    return has_role_result(fcinfo, roleid, target, PG_GETARG_TEXT_PP(2));
}

Datum
pg_has_role_name(PG_FUNCTION_ARGS)
{
    Oid         target = GetRoleOid(NameStr(*PG_GETARG_NAME(0)), false);

    return has_role_result(fcinfo, GetSessionRoleOid(), target, PG_GETARG_TEXT_PP(1));
}

Datum
pg_has_role_name_id(PG_FUNCTION_ARGS)
{
    Oid         roleid = GetRoleOid(NameStr(*PG_GETARG_NAME(0)), false);

    return has_role_result(fcinfo, roleid, PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}

Datum
pg_has_role_id(PG_FUNCTION_ARGS)
{
    return has_role_result(fcinfo, GetSessionRoleOid(), PG_GETARG_OID(0), PG_GETARG_TEXT_PP(1));
}

Datum
pg_has_role_id_name(PG_FUNCTION_ARGS)
{
    Oid         target = GetRoleOid(NameStr(*PG_GETARG_NAME(1)), false);

    return has_role_result(fcinfo, PG_GETARG_OID(0), target, PG_GETARG_TEXT_PP(2));
}

Datum
pg_has_role_id_id(PG_FUNCTION_ARGS)
{
    return has_role_result(fcinfo, PG_GETARG_OID(0), PG_GETARG_OID(1), PG_GETARG_TEXT_PP(2));
}
