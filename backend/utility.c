/*-------------------------------------------------------------------------
 * utility.c
 *    Utility statements: transaction control, SET/RESET/SHOW, CREATE
 *    TABLE and DROP TABLE; command tags for every statement kind.
 *
 * Follows PostgreSQL's src/backend/tcop/utility.c (standard_ProcessUtility,
 * CreateCommandTag) and utils/misc/guc.c (ExecSetVariableStmt,
 * flatten_set_variable_args, GetPGVariable).  Warnings and errors use
 * PostgreSQL's texts: "there is no transaction in progress" and friends
 * come from storage/xact.c, which owns the transaction state machine.
 *
 * Statements arrive raw (libpg_query protobuf nodes): nothing here needs
 * the analyzer.  A statement kind Basalt does not run yet is refused with
 * 0A000 "<command tag> is not supported yet".
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include "backend/guc.h"
#include "backend/portal.h"
#include "backend/prepare.h"
#include "backend/utility.h"
#include "backend/utils/stringinfo.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "executor/copy.h"
#include "executor/explain.h"
#include "executor/tuptable.h"
#include "planner/planner.h"
#include "procs/fmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

#if __has_include("catalog/tablecmds.h")
#include "catalog/tablecmds.h"
#include "catalog/sequence.h"
#include "catalog/alter_table.h"
#include "catalog/vacuum.h"
#include "catalog/view.h"
#include "catalog/schemacmds.h"
#include "catalog/truncate.h"
#include "catalog/comment.h"
#include "catalog/rename.h"
#include "catalog/createas.h"
#include "catalog/lockcmds.h"
#include "backend/portalcmds.h"
#include "backend/discard.h"
#else
/* catalog/tablecmds.h (catalog module), until it lands in the tree */
extern void DefineRelation(PgQuery__CreateStmt *stmt, const char *queryString);
extern void RemoveRelations(PgQuery__DropStmt *stmt);
#endif

/* ---------------------------------------------------------------- tags */

static const char *
drop_command_tag(PgQuery__ObjectType type)
{
    switch (type)
    {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: return "DROP TABLE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "DROP INDEX";
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "DROP SEQUENCE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "DROP VIEW";
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: return "DROP MATERIALIZED VIEW";
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: return "DROP FOREIGN TABLE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA: return "DROP SCHEMA";
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "DROP TYPE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN: return "DROP DOMAIN";
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION: return "DROP COLLATION";
        case PG_QUERY__OBJECT_TYPE__OBJECT_CONVERSION: return "DROP CONVERSION";
        case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION: return "DROP EXTENSION";
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION: return "DROP FUNCTION";
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE: return "DROP PROCEDURE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_ROUTINE: return "DROP ROUTINE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: return "DROP AGGREGATE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR: return "DROP OPERATOR";
        case PG_QUERY__OBJECT_TYPE__OBJECT_LANGUAGE: return "DROP LANGUAGE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_CAST: return "DROP CAST";
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER: return "DROP TRIGGER";
        case PG_QUERY__OBJECT_TYPE__OBJECT_EVENT_TRIGGER: return "DROP EVENT TRIGGER";
        case PG_QUERY__OBJECT_TYPE__OBJECT_RULE: return "DROP RULE";
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY: return "DROP POLICY";
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPCLASS: return "DROP OPERATOR CLASS";
        case PG_QUERY__OBJECT_TYPE__OBJECT_OPFAMILY: return "DROP OPERATOR FAMILY";
        case PG_QUERY__OBJECT_TYPE__OBJECT_STATISTIC_EXT: return "DROP STATISTICS";
        case PG_QUERY__OBJECT_TYPE__OBJECT_PUBLICATION: return "DROP PUBLICATION";
        default: return "???";
    }
}

static const char *
transaction_command_tag(PgQuery__TransactionStmt *stmt)
{
    switch (stmt->kind)
    {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN: return "BEGIN";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START: return "START TRANSACTION";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT: return "COMMIT";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO: return "ROLLBACK";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT: return "SAVEPOINT";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE: return "RELEASE";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE: return "PREPARE TRANSACTION";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT_PREPARED: return "COMMIT PREPARED";
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_PREPARED: return "ROLLBACK PREPARED";
        default: return "???";
    }
}

const char *
CreateCommandTag(RawNode *node)
{
    switch (node->node_case)
    {
        case PG_QUERY__NODE__NODE_SELECT_STMT: return "SELECT";
        case PG_QUERY__NODE__NODE_INSERT_STMT: return "INSERT";
        case PG_QUERY__NODE__NODE_UPDATE_STMT: return "UPDATE";
        case PG_QUERY__NODE__NODE_DELETE_STMT: return "DELETE";
        case PG_QUERY__NODE__NODE_MERGE_STMT: return "MERGE";
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
            return transaction_command_tag(node->transaction_stmt);
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
            if (node->variable_set_stmt->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET ||
                node->variable_set_stmt->kind == PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL)
                return "RESET";
            return "SET";
        case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT: return "SHOW";
        case PG_QUERY__NODE__NODE_CREATE_STMT: return "CREATE TABLE";
        case PG_QUERY__NODE__NODE_CREATE_FOREIGN_TABLE_STMT: return "CREATE FOREIGN TABLE";
        case PG_QUERY__NODE__NODE_DROP_STMT:
            return drop_command_tag(node->drop_stmt->remove_type);
        case PG_QUERY__NODE__NODE_INDEX_STMT: return "CREATE INDEX";
        case PG_QUERY__NODE__NODE_VIEW_STMT: return "CREATE VIEW";
        case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT: return "CREATE SCHEMA";
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT: return "CREATE SEQUENCE";
        case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT: return "ALTER SEQUENCE";
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            switch (node->alter_table_stmt->objtype)
            {
                case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE: return "ALTER SEQUENCE";
                case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW: return "ALTER VIEW";
                case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX: return "ALTER INDEX";
                default: return "ALTER TABLE";
            }
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            if (node->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
                (node->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN &&
                 node->rename_stmt->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW))
                return "ALTER VIEW";
            return "ALTER TABLE";
        case PG_QUERY__NODE__NODE_TRUNCATE_STMT: return "TRUNCATE TABLE";
        case PG_QUERY__NODE__NODE_COPY_STMT: return "COPY";
        case PG_QUERY__NODE__NODE_EXPLAIN_STMT: return "EXPLAIN";
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
            if (node->create_table_as_stmt->is_select_into)
                return "SELECT INTO";
            if (node->create_table_as_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW)
                return "CREATE MATERIALIZED VIEW";
            return "CREATE TABLE AS";
        case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: return "REFRESH MATERIALIZED VIEW";
        case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
            return node->create_function_stmt->is_procedure ? "CREATE PROCEDURE" : "CREATE FUNCTION";
        case PG_QUERY__NODE__NODE_ALTER_FUNCTION_STMT: return "ALTER FUNCTION";
        case PG_QUERY__NODE__NODE_DO_STMT: return "DO";
        case PG_QUERY__NODE__NODE_CALL_STMT: return "CALL";
        case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT: return "CREATE TRIGGER";
        case PG_QUERY__NODE__NODE_CREATE_EVENT_TRIG_STMT: return "CREATE EVENT TRIGGER";
        case PG_QUERY__NODE__NODE_RULE_STMT: return "CREATE RULE";
        case PG_QUERY__NODE__NODE_PREPARE_STMT: return "PREPARE";
        case PG_QUERY__NODE__NODE_EXECUTE_STMT: return "EXECUTE";
        case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
            return node->deallocate_stmt->name && node->deallocate_stmt->name[0] ?
                "DEALLOCATE" : "DEALLOCATE ALL";
        case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT: return "DECLARE CURSOR";
        case PG_QUERY__NODE__NODE_FETCH_STMT:
            return node->fetch_stmt->ismove ? "MOVE" : "FETCH";
        case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT:
            return node->close_portal_stmt->portalname && node->close_portal_stmt->portalname[0] ?
                "CLOSE CURSOR" : "CLOSE CURSOR ALL";
        case PG_QUERY__NODE__NODE_LISTEN_STMT: return "LISTEN";
        case PG_QUERY__NODE__NODE_UNLISTEN_STMT: return "UNLISTEN";
        case PG_QUERY__NODE__NODE_NOTIFY_STMT: return "NOTIFY";
        case PG_QUERY__NODE__NODE_VACUUM_STMT:
            return node->vacuum_stmt->is_vacuumcmd ? "VACUUM" : "ANALYZE";
        case PG_QUERY__NODE__NODE_LOCK_STMT: return "LOCK TABLE";
        case PG_QUERY__NODE__NODE_CHECK_POINT_STMT: return "CHECKPOINT";
        case PG_QUERY__NODE__NODE_DISCARD_STMT:
            switch (node->discard_stmt->target)
            {
                case PG_QUERY__DISCARD_MODE__DISCARD_ALL: return "DISCARD ALL";
                case PG_QUERY__DISCARD_MODE__DISCARD_PLANS: return "DISCARD PLANS";
                case PG_QUERY__DISCARD_MODE__DISCARD_TEMP: return "DISCARD TEMP";
                case PG_QUERY__DISCARD_MODE__DISCARD_SEQUENCES: return "DISCARD SEQUENCES";
                default: return "???";
            }
        case PG_QUERY__NODE__NODE_GRANT_STMT:
            return node->grant_stmt->is_grant ? "GRANT" : "REVOKE";
        case PG_QUERY__NODE__NODE_GRANT_ROLE_STMT:
            return node->grant_role_stmt->is_grant ? "GRANT ROLE" : "REVOKE ROLE";
        case PG_QUERY__NODE__NODE_COMMENT_STMT: return "COMMENT";
        case PG_QUERY__NODE__NODE_CREATE_ROLE_STMT: return "CREATE ROLE";
        case PG_QUERY__NODE__NODE_ALTER_ROLE_STMT: return "ALTER ROLE";
        case PG_QUERY__NODE__NODE_DROP_ROLE_STMT: return "DROP ROLE";
        case PG_QUERY__NODE__NODE_CREATEDB_STMT: return "CREATE DATABASE";
        case PG_QUERY__NODE__NODE_DROPDB_STMT: return "DROP DATABASE";
        case PG_QUERY__NODE__NODE_ALTER_DATABASE_STMT:
        case PG_QUERY__NODE__NODE_ALTER_DATABASE_SET_STMT: return "ALTER DATABASE";
        case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT: return "ALTER SYSTEM";
        case PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT: return "CREATE EXTENSION";
        case PG_QUERY__NODE__NODE_COMPOSITE_TYPE_STMT:
        case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
        case PG_QUERY__NODE__NODE_CREATE_RANGE_STMT: return "CREATE TYPE";
        case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT: return "ALTER TYPE";
        case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT: return "CREATE DOMAIN";
        case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT: return "ALTER DOMAIN";
        case PG_QUERY__NODE__NODE_REINDEX_STMT: return "REINDEX";
        case PG_QUERY__NODE__NODE_CLUSTER_STMT: return "CLUSTER";
        case PG_QUERY__NODE__NODE_CONSTRAINTS_SET_STMT: return "SET CONSTRAINTS";
        case PG_QUERY__NODE__NODE_LOAD_STMT: return "LOAD";
        case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT: return "CREATE TABLESPACE";
        case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT: return "DROP TABLESPACE";
        case PG_QUERY__NODE__NODE_ALTER_OWNER_STMT: return "ALTER OWNER";
        case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT: return "ALTER OBJECT SCHEMA";
        case PG_QUERY__NODE__NODE_SEC_LABEL_STMT: return "SECURITY LABEL";
        case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT: return "CREATE POLICY";
        case PG_QUERY__NODE__NODE_CREATE_STATS_STMT: return "CREATE STATISTICS";
        case PG_QUERY__NODE__NODE_CREATE_CAST_STMT: return "CREATE CAST";
        case PG_QUERY__NODE__NODE_DEFINE_STMT:
            switch (node->define_stmt->kind)
            {
                case PG_QUERY__OBJECT_TYPE__OBJECT_AGGREGATE: return "CREATE AGGREGATE";
                case PG_QUERY__OBJECT_TYPE__OBJECT_OPERATOR: return "CREATE OPERATOR";
                case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: return "CREATE TYPE";
                case PG_QUERY__OBJECT_TYPE__OBJECT_COLLATION: return "CREATE COLLATION";
                default: return "???";
            }
        default:
            break;
    }
    /* Fall back to the node's own name (e.g. "AlterTSDictionaryStmt"). */
    {
        const ProtobufCMessage *msg = (const ProtobufCMessage *) node->range_var;

        if (msg && msg->descriptor && msg->descriptor->short_name)
            return msg->descriptor->short_name;
    }
    return "???";
}

bool
IsTransactionStmt(RawNode *node)
{
    return node->node_case == PG_QUERY__NODE__NODE_TRANSACTION_STMT;
}

bool
IsTransactionExitStmt(RawNode *node)
{
    if (node->node_case != PG_QUERY__NODE__NODE_TRANSACTION_STMT)
        return false;
    switch (node->transaction_stmt->kind)
    {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO:
            return true;
        default:
            return false;
    }
}

/* ---------------------------------------------------------------- SET */

/*
 * libpg_query's grammar accepts $n in SET (for query normalization);
 * PostgreSQL's does not.  Report what PostgreSQL's parser would.
 */
void
CheckUtilityStatement(RawNode *node)
{
    PgQuery__VariableSetStmt *stmt;

    if (node->node_case != PG_QUERY__NODE__NODE_VARIABLE_SET_STMT)
        return;
    stmt = node->variable_set_stmt;
    for (size_t i = 0; i < stmt->n_args; i++)
    {
        RawNode *arg = stmt->args[i];

        if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST && arg->type_cast->arg)
            arg = arg->type_cast->arg;
        if (arg->node_case == PG_QUERY__NODE__NODE_PARAM_REF)
            ereport(ERROR,
                    (errcode(ERRCODE_SYNTAX_ERROR),
                     errmsg("syntax error at or near \"$%d\"", arg->param_ref->number),
                     errposition(arg->param_ref->location + 1)));
    }
}

/*
 * One SET argument as text.  A cast can only be SET TIME ZONE INTERVAL
 * '...': as PostgreSQL does, the interval is normalized through its input
 * and output functions and passed on as "INTERVAL '<value>'".
 */
static void
append_set_arg(StringInfo buf, RawNode *arg, int flags)
{
    PgQuery__AConst *con;
    PgQuery__TypeName *typeName = NULL;

    if (arg->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
    {
        typeName = arg->type_cast->type_name;
        arg = arg->type_cast->arg;
    }
    if (arg == NULL || arg->node_case != PG_QUERY__NODE__NODE_A_CONST)
        elog(ERROR, "unrecognized node type: %d", arg ? (int) arg->node_case : 0);
    con = arg->a_const;
    switch (con->val_case)
    {
        case PG_QUERY__A__CONST__VAL_IVAL:
            appendStringInfo(buf, "%d", con->ival ? con->ival->ival : 0);
            break;
        case PG_QUERY__A__CONST__VAL_FVAL:
            appendStringInfoString(buf, con->fval->fval);
            break;
        case PG_QUERY__A__CONST__VAL_BOOLVAL:
            appendStringInfoString(buf, con->boolval && con->boolval->boolval ? "true" : "false");
            break;
        case PG_QUERY__A__CONST__VAL_SVAL:
            if (typeName != NULL)
            {
                Oid     typoid;
                int32   typmod;
                Oid     typinput;
                Oid     typioparam;
                Oid     typoutput;
                bool    typisvarlena;
                Datum   value;

                typenameTypeIdAndMod(typeName, &typoid, &typmod);
                getTypeInputInfo(typoid, &typinput, &typioparam);
                getTypeOutputInfo(typoid, &typoutput, &typisvarlena);
                value = OidInputFunctionCall(typinput, con->sval->sval, typioparam, typmod);
                appendStringInfo(buf, "INTERVAL '%s'", OidOutputFunctionCall(typoutput, value));
            }
            else if (flags & GUC_LIST_QUOTE)
                appendStringInfoString(buf, quote_identifier(con->sval->sval));
            else
                appendStringInfoString(buf, con->sval->sval);
            break;
        case PG_QUERY__A__CONST__VAL_BSVAL:
            appendStringInfoString(buf, con->bsval->bsval);
            break;
        default:
            elog(ERROR, "unrecognized node type: %d", (int) con->val_case);
    }
}

/* PostgreSQL's flatten_set_variable_args. */
static char *
flatten_set_variable_args(const char *name, size_t nargs, RawNode **args)
{
    int     flags;
    StringInfoData buf;

    if (nargs == 0)
        return NULL;
    flags = GetConfigOptionFlags(name, true);
    if ((flags & GUC_LIST_INPUT) == 0 && nargs != 1)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("SET %s takes only one argument", name)));
    initStringInfo(&buf);
    for (size_t i = 0; i < nargs; i++)
    {
        if (i > 0)
            appendStringInfoString(&buf, ", ");
        append_set_arg(&buf, args[i], flags);
    }
    return buf.data;
}

char *
ExtractSetVariableArgs(PgQuery__VariableSetStmt *stmt)
{
    switch (stmt->kind)
    {
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE:
            return flatten_set_variable_args(stmt->name, stmt->n_args, stmt->args);
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT:
            return GetConfigOptionByName(stmt->name, NULL, false);
        default:
            return NULL;
    }
}

/*
 * SET of one variable from one raw argument (the SET TRANSACTION and
 * BEGIN ... ISOLATION LEVEL forms).
 */
static void
SetPGVariable(const char *name, RawNode *arg, bool is_local)
{
    char   *value = flatten_set_variable_args(name, arg ? 1 : 0, &arg);

    if (strcmp(name, "transaction_isolation") == 0 && value != NULL)
    {
        const char *cur = GetConfigOptionByName(name, NULL, false);

        /* PostgreSQL's check_XactIsoLevel: only before the first snapshot */
        if (strcasecmp(cur, value) != 0 && GetActiveSnapshot() != NULL)
            ereport(ERROR,
                    (errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                     errmsg("SET TRANSACTION ISOLATION LEVEL must be called before any query")));
        /* ... and not in a savepoint (setting the current value is allowed) */
        if (strcasecmp(cur, value) != 0 && IsSubTransaction())
            ereport(ERROR,
                    (errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                     errmsg("SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction")));
    }
    else if (strcmp(name, "transaction_read_only") == 0 && value != NULL &&
             XactReadOnly && IsTransactionState())
    {
        bool        readonly;

        /* PostgreSQL's check_transaction_read_only: read-only to read-write */
        if (parse_bool(value, &readonly) && !readonly)
        {
            if (IsSubTransaction())
                ereport(ERROR,
                        (errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                         errmsg("cannot set transaction read-write mode inside a read-only transaction")));
            if (GetActiveSnapshot() != NULL)
                ereport(ERROR,
                        (errcode(ERRCODE_ACTIVE_SQL_TRANSACTION),
                         errmsg("transaction read-write mode must be set before any query")));
        }
    }
    (void) set_config_option(name, value, PGC_SUSET, PGC_S_SESSION,
                             is_local ? GUC_ACTION_LOCAL : GUC_ACTION_SET, true, ERROR);
}

/* Apply BEGIN/SET TRANSACTION options (DefElems) to the given variables. */
static void
set_transaction_options(size_t n, RawNode **options, bool is_local, bool session_defaults)
{
    for (size_t i = 0; i < n; i++)
    {
        PgQuery__DefElem *item;
        const char *target;

        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        item = options[i]->def_elem;
        if (strcmp(item->defname, "transaction_isolation") == 0)
            target = session_defaults ? "default_transaction_isolation" : "transaction_isolation";
        else if (strcmp(item->defname, "transaction_read_only") == 0)
            target = session_defaults ? "default_transaction_read_only" : "transaction_read_only";
        else if (strcmp(item->defname, "transaction_deferrable") == 0)
            target = session_defaults ? "default_transaction_deferrable" : "transaction_deferrable";
        else
        {
            elog(ERROR, "unexpected SET TRANSACTION element: %s", item->defname);
            continue;
        }
        SetPGVariable(target, item->arg, is_local);
    }
}

/* PostgreSQL's ExecSetVariableStmt. */
static void
ExecSetVariableStmt(PgQuery__VariableSetStmt *stmt, bool isTopLevel)
{
    GucAction action = stmt->is_local ? GUC_ACTION_LOCAL : GUC_ACTION_SET;

    switch (stmt->kind)
    {
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_VALUE:
        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_CURRENT:
            if (stmt->is_local)
                WarnNoTransactionBlock(isTopLevel, "SET LOCAL");
            (void) set_config_option(stmt->name, ExtractSetVariableArgs(stmt),
                                     PGC_SUSET, PGC_S_SESSION, action, true, ERROR);
            break;

        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_MULTI:
            if (strcmp(stmt->name, "TRANSACTION") == 0)
            {
                WarnNoTransactionBlock(isTopLevel, "SET TRANSACTION");
                set_transaction_options(stmt->n_args, stmt->args, stmt->is_local, false);
            }
            else if (strcmp(stmt->name, "SESSION CHARACTERISTICS") == 0)
                set_transaction_options(stmt->n_args, stmt->args, stmt->is_local, true);
            else if (strcmp(stmt->name, "TRANSACTION SNAPSHOT") == 0)
                ereport(ERROR,
                        (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                         errmsg("%s is not supported yet", "SET TRANSACTION SNAPSHOT")));
            else
                elog(ERROR, "unexpected SET MULTI element: %s", stmt->name);
            break;

        case PG_QUERY__VARIABLE_SET_KIND__VAR_SET_DEFAULT:
            if (stmt->is_local)
                WarnNoTransactionBlock(isTopLevel, "SET LOCAL");
            /* FALLTHROUGH */
        case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET:
            if (strcmp(stmt->name, "transaction_isolation") == 0)
                WarnNoTransactionBlock(isTopLevel, "RESET TRANSACTION");
            (void) set_config_option(stmt->name, NULL, PGC_SUSET, PGC_S_SESSION,
                                     action, true, ERROR);
            break;

        case PG_QUERY__VARIABLE_SET_KIND__VAR_RESET_ALL:
            ResetAllOptions();
            break;

        default:
            elog(ERROR, "unrecognized SET kind: %d", (int) stmt->kind);
    }
}

/* ---------------------------------------------------------------- SHOW */

static TupleDesc
text_tuple_desc(int natts, const char *const *names)
{
    TupleDesc desc = CreateTemplateTupleDesc(natts);

    for (int i = 0; i < natts; i++)
        TupleDescInitEntry(desc, i + 1, names[i], TEXTOID, -1, 0);
    return desc;
}

TupleDesc
UtilityTupleDescriptor(RawNode *node)
{
    if (node->node_case == PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT)
    {
        const char *name = node->variable_show_stmt->name;

        if (strcasecmp(name, "all") == 0)
        {
            static const char *const cols[] = {"name", "setting", "description"};

            return text_tuple_desc(3, cols);
        }
        else
        {
            const char *varname;

            (void) GetConfigOptionByName(name, &varname, false);
            return text_tuple_desc(1, &varname);
        }
    }
    if (node->node_case == PG_QUERY__NODE__NODE_EXECUTE_STMT)
        return ExecuteResultDesc(node->execute_stmt);
    if (node->node_case == PG_QUERY__NODE__NODE_FETCH_STMT)
        return FetchResultDesc(node->fetch_stmt);
    if (node->node_case == PG_QUERY__NODE__NODE_EXPLAIN_STMT)
        return ExplainResultDesc();
    return NULL;
}

/* Send one row of text values through dest (PostgreSQL's do_tup_output). */
static void
send_text_row(DestReceiver *dest, TupleTableSlot *slot, int natts, const char *const *values)
{
    ExecClearTuple(slot);
    for (int i = 0; i < natts; i++)
    {
        slot->tts_values[i] = values[i] ? CStringGetTextDatum(values[i]) : (Datum) 0;
        slot->tts_isnull[i] = values[i] == NULL;
    }
    ExecStoreVirtualTuple(slot);
    (void) dest->receiveSlot(slot, dest);
}

static void
ExecShow(PgQuery__VariableShowStmt *stmt, DestReceiver *dest)
{
    TupleDesc   tupdesc;
    TupleTableSlot *slot;

    if (strcasecmp(stmt->name, "all") == 0)
    {
        static const char *const cols[] = {"name", "setting", "description"};
        int     n = GetNumConfigOptions();

        tupdesc = text_tuple_desc(3, cols);
        slot = MakeSingleTupleTableSlot(tupdesc);
        dest->rStartup(dest, CMD_SELECT, tupdesc);
        for (int i = 0; i < n; i++)
        {
            ConfigOptionRow row;
            const char *values[3];

            GetConfigOptionRowByNum(i, &row);
            if (row.hidden)
                continue;
            values[0] = row.name;
            values[1] = row.setting;
            values[2] = row.short_desc;
            send_text_row(dest, slot, 3, values);
        }
    }
    else
    {
        const char *varname;
        const char *value = GetConfigOptionByName(stmt->name, &varname, false);

        tupdesc = text_tuple_desc(1, &varname);
        slot = MakeSingleTupleTableSlot(tupdesc);
        dest->rStartup(dest, CMD_SELECT, tupdesc);
        send_text_row(dest, slot, 1, &value);
    }
    dest->rShutdown(dest);
    ExecDropSingleTupleTableSlot(slot);
}

/* ---------------------------------------------------------------- dispatch */

static void
ExecTransactionStmt(PgQuery__TransactionStmt *stmt, bool isTopLevel, char *completionTag)
{
    switch (stmt->kind)
    {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
            BeginTransactionBlock();
            set_transaction_options(stmt->n_options, stmt->options, true, false);
            break;

        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
            if (!EndTransactionBlockChain(stmt->chain))
                snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "ROLLBACK");
            break;

        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
            UserAbortTransactionBlockChain(stmt->chain);
            break;

        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT:
            RequireTransactionBlock(isTopLevel, "SAVEPOINT");
            DefineSavepoint(stmt->savepoint_name);
            break;

        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE:
            RequireTransactionBlock(isTopLevel, "RELEASE SAVEPOINT");
            ReleaseSavepoint(stmt->savepoint_name);
            break;

        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO:
            RequireTransactionBlock(isTopLevel, "ROLLBACK TO SAVEPOINT");
            /* CommitTransactionCommand rolls back and re-creates the savepoint */
            RollbackToSavepoint(stmt->savepoint_name);
            break;

        default:
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("%s is not supported yet", transaction_command_tag(stmt))));
    }
}

/*
 * May the statement run in a read-only transaction?  PostgreSQL's
 * ClassifyUtilityCommandAsReadOnly: session and transaction control,
 * prepared statements (EXECUTE's query is checked by the executor), EXPLAIN
 * and the weaker LOCK modes are; everything that writes a catalog is not.
 */
static bool
utility_is_read_only(RawNode *node)
{
    switch (node->node_case)
    {
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
        case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
        case PG_QUERY__NODE__NODE_PREPARE_STMT:
        case PG_QUERY__NODE__NODE_EXECUTE_STMT:
        case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
        case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
        case PG_QUERY__NODE__NODE_DISCARD_STMT:
        case PG_QUERY__NODE__NODE_CHECK_POINT_STMT:
        case PG_QUERY__NODE__NODE_LISTEN_STMT:
        case PG_QUERY__NODE__NODE_UNLISTEN_STMT:
        case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT:
        case PG_QUERY__NODE__NODE_FETCH_STMT:
        case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT:
        case PG_QUERY__NODE__NODE_DO_STMT:
        case PG_QUERY__NODE__NODE_CALL_STMT:
            return true;
        case PG_QUERY__NODE__NODE_LOCK_STMT:
            return true;        /* PostgreSQL refuses strong modes only in recovery */
        case PG_QUERY__NODE__NODE_COPY_STMT:
            return true;        /* COPY FROM into a non-temp table: DoCopy refuses */
        default:
            return false;
    }
}

void
ProcessUtility(RawStmt *pstmt, const char *queryString, bool isTopLevel,
               ParamListInfo params, DestReceiver *dest, char *completionTag)
{
    RawNode    *node = pstmt->stmt;

    (void) params;
    snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "%s", CreateCommandTag(node));
    if (XactReadOnly && !utility_is_read_only(node))
        ereport(ERROR,
                errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
                errmsg("cannot execute %s in a read-only transaction",
                       node->node_case == PG_QUERY__NODE__NODE_SELECT_STMT ?
                       "SELECT INTO" : CreateCommandTag(node)));

    switch (node->node_case)
    {
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
            ExecTransactionStmt(node->transaction_stmt, isTopLevel, completionTag);
            break;

        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
            ExecSetVariableStmt(node->variable_set_stmt, isTopLevel);
            break;

        case PG_QUERY__NODE__NODE_VARIABLE_SHOW_STMT:
            ExecShow(node->variable_show_stmt, dest);
            break;

        case PG_QUERY__NODE__NODE_EXPLAIN_STMT:
            ExplainQuery(pstmt, queryString, params, dest);
            break;

        case PG_QUERY__NODE__NODE_PREPARE_STMT:
            PrepareQuery(node->prepare_stmt, pstmt, queryString);
            break;

        case PG_QUERY__NODE__NODE_EXECUTE_STMT:
            ExecuteQuery(node->execute_stmt, queryString, params, dest, completionTag);
            break;

        case PG_QUERY__NODE__NODE_DEALLOCATE_STMT:
            DeallocateQuery(node->deallocate_stmt);
            break;

        case PG_QUERY__NODE__NODE_CREATE_STMT:
            DefineRelation(node->create_stmt, queryString);
            break;

        case PG_QUERY__NODE__NODE_LOCK_STMT:
            LockTableCommand(node->lock_stmt, isTopLevel);
            break;

        case PG_QUERY__NODE__NODE_DECLARE_CURSOR_STMT:
            PerformCursorOpen(node->declare_cursor_stmt, pstmt, queryString, params, isTopLevel);
            break;

        case PG_QUERY__NODE__NODE_FETCH_STMT:
            PerformPortalFetch(node->fetch_stmt, dest, completionTag);
            break;

        case PG_QUERY__NODE__NODE_CLOSE_PORTAL_STMT:
            PerformPortalClose(node->close_portal_stmt->portalname);
            break;

        case PG_QUERY__NODE__NODE_DISCARD_STMT:
            DiscardCommand(node->discard_stmt, isTopLevel);
            break;

        case PG_QUERY__NODE__NODE_COPY_STMT:
            DoCopy(node->copy_stmt, queryString, pstmt->stmt_location, pstmt->stmt_len,
                   completionTag);
            break;

        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        case PG_QUERY__NODE__NODE_SELECT_STMT:     /* SELECT ... INTO */
            ExecCreateTableAs(node, queryString, pstmt->stmt_location, pstmt->stmt_len,
                              completionTag);
            break;

        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
            DefineSequence(node->create_seq_stmt, queryString);
            break;

        case PG_QUERY__NODE__NODE_ALTER_SEQ_STMT:
            AlterSequence(node->alter_seq_stmt);
            break;

        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            AlterTable(node->alter_table_stmt, queryString);
            break;

        case PG_QUERY__NODE__NODE_VIEW_STMT:
            DefineView(node->view_stmt, queryString);
            break;

        case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
            CreateSchemaCommand(node->create_schema_stmt, queryString);
            break;

        case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
            ExecuteTruncate(node->truncate_stmt);
            break;

        case PG_QUERY__NODE__NODE_VACUUM_STMT:
            ExecVacuum(node->vacuum_stmt, isTopLevel);
            break;

        case PG_QUERY__NODE__NODE_COMMENT_STMT:
            CommentObject(node->comment_stmt);
            break;

        case PG_QUERY__NODE__NODE_RENAME_STMT:
            if (node->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)
                RenameIndex(node->rename_stmt);
            else if (node->rename_stmt->rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT)
                ExecRenameConstraint(node->rename_stmt);
            else
                ExecRenameStmt(node->rename_stmt);
            break;

        case PG_QUERY__NODE__NODE_INDEX_STMT:
            DefineIndex(node->index_stmt, queryString, isTopLevel);
            break;

        case PG_QUERY__NODE__NODE_REINDEX_STMT:
            ExecReindex(node->reindex_stmt);
            break;

        case PG_QUERY__NODE__NODE_DROP_STMT:
            if (node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
            {
                RemoveRelations(node->drop_stmt);
                break;
            }
            if (node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE)
            {
                RemoveSequences(node->drop_stmt);
                break;
            }
            if (node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)
            {
                RemoveIndexes(node->drop_stmt, isTopLevel);
                break;
            }
            if (node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW)
            {
                RemoveViews(node->drop_stmt);
                break;
            }
            if (node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA)
            {
                RemoveSchemas(node->drop_stmt);
                break;
            }
            /* FALLTHROUGH */
        default:
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("%s is not supported yet", CreateCommandTag(node))));
    }
}
