/*-------------------------------------------------------------------------
 * sysfuncs.c
 *    Session and system information functions: current_database(),
 *    current_setting()/set_config() (over backend/guc.c), transaction ids
 *    (txid_current, pg_current_xact_id[_if_assigned]), namespace
 *    visibility (pg_table/type/function_is_visible), pg_get_userbyid,
 *    format_type, pg_postmaster_start_time (PostgreSQL's misc.c, guc.c,
 *    xid8funcs.c, namespace.c and format_type.c SQL entry points).
 *
 * Privilege inquiry functions are procs/aclfuncs.c; object sizes are
 * procs/dbsize.c.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "backend/guc.h"
#include "catalog/catalog.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "pgwire/pgwire.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/sysfuncs.h"
#include "storage/transam.h"
#include "storage/xact.h"

/* ---------------------------------------------------------------- session */

Datum
current_database(PG_FUNCTION_ARGS)
{
    NameData   *db = (NameData *) palloc0(NAMEDATALEN);

    snprintf(NameStr(*db), NAMEDATALEN, "%s", CurrentDatabaseName());
    PG_RETURN_NAME(db);
}

/* The database this backend is connected to (the startup packet's name). */
const char *
CurrentDatabaseName(void)
{
    return MyProcPort && MyProcPort->database_name ? MyProcPort->database_name : "postgres";
}

/* The role this backend runs as: the login role (no SET ROLE yet). */
const char *
CurrentRoleName(void)
{
    return MyProcPort && MyProcPort->user_name ? MyProcPort->user_name : "postgres";
}

Datum
pg_postmaster_start_time(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(time_t_to_timestamptz((int64) PostmasterStartTime));
}

/* ---------------------------------------------------------------- settings */

/* current_setting(name): as SHOW prints it; unknown names are an error */
Datum
show_config_by_name(PG_FUNCTION_ARGS)
{
    char       *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
    char       *value = GetConfigOptionByName(name, NULL, false);

    PG_RETURN_TEXT_P(cstring_to_text(value));
}

/* current_setting(name, missing_ok): NULL for an unknown name if missing_ok */
Datum
show_config_by_name_missing_ok(PG_FUNCTION_ARGS)
{
    char       *name = text_to_cstring(PG_GETARG_TEXT_PP(0));
    bool        missing_ok = PG_GETARG_BOOL(1);
    char       *value = GetConfigOptionByName(name, NULL, missing_ok);

    if (value == NULL)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(cstring_to_text(value));
}

/*
 * set_config(name, value, is_local): SET or SET LOCAL through the one
 * settings implementation; returns the new value as SHOW prints it.  Not
 * strict: a NULL value resets, a NULL is_local means false.
 */
Datum
set_config_by_name(PG_FUNCTION_ARGS)
{
    char       *name;
    char       *value;
    bool        is_local;

    if (PG_ARGISNULL(0))
        ereport(ERROR,
                (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
                 errmsg("SET requires parameter name")));
    name = text_to_cstring(PG_GETARG_TEXT_PP(0));
    value = PG_ARGISNULL(1) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(1));
    is_local = PG_ARGISNULL(2) ? false : PG_GETARG_BOOL(2);

    /* every session is the superuser (no roles yet) */
    (void) set_config_option(name, value, PGC_SUSET, PGC_S_SESSION,
                             is_local ? GUC_ACTION_LOCAL : GUC_ACTION_SET, true, ERROR);
    PG_RETURN_TEXT_P(cstring_to_text(GetConfigOptionByName(name, NULL, false)));
}

/* ---------------------------------------------------------------- transaction ids */

/*
 * Basalt's transaction ids are already 64 bits (DECISIONS 6), so the
 * epoch-extended FullTransactionId PostgreSQL builds is the xid itself.
 * txid_current() shares this prosrc (xid8 and bigint are binary equal).
 */
Datum
pg_current_xact_id(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT64((int64) GetTopTransactionId());
}

Datum
pg_current_xact_id_if_assigned(PG_FUNCTION_ARGS)
{
    TransactionId xid = GetTopTransactionIdIfAny();

    if (!TransactionIdIsValid(xid))
        PG_RETURN_NULL();
    PG_RETURN_INT64((int64) xid);
}

/* ---------------------------------------------------------------- visibility */

Datum
pg_table_is_visible(PG_FUNCTION_ARGS)
{
    Oid         oid = PG_GETARG_OID(0);

    if (lookup_class(oid) == NULL)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(RelationIsVisible(oid));
}

Datum
pg_type_is_visible(PG_FUNCTION_ARGS)
{
    Oid         oid = PG_GETARG_OID(0);

    if (lookup_type(oid) == NULL)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(TypeIsVisible(oid));
}

Datum
pg_function_is_visible(PG_FUNCTION_ARGS)
{
    Oid         oid = PG_GETARG_OID(0);

    if (lookup_proc(oid) == NULL)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(FunctionIsVisible(oid));
}

Datum
pg_operator_is_visible(PG_FUNCTION_ARGS)
{
    Oid         oid = PG_GETARG_OID(0);

    if (lookup_operator(oid) == NULL)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(OperatorIsVisible(oid));
}

/* ---------------------------------------------------------------- names */

/* pg_get_userbyid(roleid): the role's name, or "unknown (OID=n)" */
Datum
pg_get_userbyid(PG_FUNCTION_ARGS)
{
    Oid         roleid = PG_GETARG_OID(0);
    NameData   *result = (NameData *) palloc0(NAMEDATALEN);
    char       *name = GetRoleNameByOid(roleid);

    if (name != NULL)
        snprintf(NameStr(*result), NAMEDATALEN, "%s", name);
    else
        snprintf(NameStr(*result), NAMEDATALEN, "unknown (OID=%u)", roleid);
    PG_RETURN_NAME(result);
}

/*
 * format_type(type, typmod): a NULL typmod means "no typmod known" (bpchar
 * prints as bpchar), -1 means "no typmod" (bpchar prints as character).
 * Not strict; an unknown type prints "???" as PostgreSQL's
 * FORMAT_TYPE_ALLOW_INVALID.
 */
Datum
format_type(PG_FUNCTION_ARGS)
{
    Oid         type_oid;
    char       *result;

    if (PG_ARGISNULL(0))
        PG_RETURN_NULL();
    type_oid = PG_GETARG_OID(0);
    if (OidIsValid(type_oid) && lookup_type(type_oid) == NULL)
        result = pstrdup("???");
    else if (PG_ARGISNULL(1))
        result = format_type_be(type_oid);
    else
        result = format_type_with_typemod(type_oid, PG_GETARG_INT32(1));
    PG_RETURN_TEXT_P(cstring_to_text(result));
}
