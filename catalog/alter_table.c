/*-------------------------------------------------------------------------
 * alter_table.c
 *    ALTER TABLE subcommands (PostgreSQL's commands/tablecmds.c, ATExec*).
 *
 * Principal entry point:
 *    AlterTable    ALTER TABLE [IF EXISTS] name subcommand [, ...]
 *
 * Done: ALTER COLUMN SET DEFAULT / DROP DEFAULT, SET NOT NULL (scans the
 * table for NULLs: 23502), DROP NOT NULL; ADD COLUMN and DROP COLUMN are
 * in alter_table_cols.c, and ALTER COLUMN TYPE [USING] (RENAME is a
 * RenameStmt: rename.c).  Every other subcommand is
 * refused with 0A000 before anything changes (all subcommands are
 * checked first), so a statement never half-works.
 *
 * Locking: AccessExclusiveLock on the table for the whole transaction.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "catalog/alter_table.h"
#include "catalog/alter_table_cols.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "planner/planner.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

static bool
is_null_const(PgQuery__Node *expr)
{
    if (expr == NULL)
        return true;
    if (expr->node_case == PG_QUERY__NODE__NODE_A_CONST)
        return expr->a_const->isnull;
    if (expr->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
        return is_null_const(expr->type_cast->arg);
    return false;
}

static bool
subcommand_supported(PgQuery__AlterTableType t)
{
    switch (t)
    {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
            return true;
        default:
            return false;
    }
}

static int
column_attnum(Relation rel, const char *colname)
{
    int attnum = RelationGetAttnum(rel, colname);

    if (attnum <= 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_COLUMN),
                errmsg("column \"%s\" of relation \"%s\" does not exist",
                       colname, RelationGetRelationName(rel)));
    return attnum;
}

/* Does any visible row have NULL in attnum? */
static bool
column_has_nulls(Relation rel, int attnum)
{
    HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
    HeapTuple   tup;
    bool        found = false;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool isnull;

        CHECK_FOR_INTERRUPTS();
        (void) heap_getattr(tup, attnum, RelationGetDescr(rel), &isnull);
        if (isnull)
        {
            found = true;
            break;
        }
    }
    heap_endscan(scan);
    return found;
}

void
AlterTable(PgQuery__AlterTableStmt *stmt, const char *queryString)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         relid;
    Relation    rel;

    if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("this form of ALTER is not supported yet"));
    for (size_t i = 0; i < stmt->n_cmds; i++)
        if (!subcommand_supported(stmt->cmds[i]->alter_table_cmd->subtype))
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("this ALTER TABLE subcommand is not supported yet"));

    relid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessExclusiveLock, stmt->missing_ok);
    if (!OidIsValid(relid))
    {
        ereport(NOTICE,
                errmsg("relation \"%s\" does not exist, skipping", rv->relname));
        return;
    }
    rel = relation_open(relid, NoLock);
    if (rel->relkind != RELKIND_RELATION)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a table", rv->relname));
    if (IsSystemRelation(rel))
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", rv->relname));

    for (size_t i = 0; i < stmt->n_cmds; i++)
    {
        PgQuery__AlterTableCmd *cmd = stmt->cmds[i]->alter_table_cmd;
        int         attnum;
        Form_pg_attribute att;

        /* ADD/DROP COLUMN: alter_table_cols.c */
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn ||
            cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ||
            cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
        {
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)
                ATExecAddColumn(rel, cmd->def->column_def, cmd->missing_ok);
            else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
                ATExecAlterColumnType(rel, cmd->name, cmd->def->column_def, queryString);
            else
                ATExecDropColumn(rel, cmd->name, cmd->missing_ok);
            CommandCounterIncrement();
            relation_close(rel, NoLock);
            rel = relation_open(relid, NoLock);
            continue;
        }
        attnum = column_attnum(rel, cmd->name);
        att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
        switch (cmd->subtype)
        {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
                if (is_null_const(cmd->def))
                    RemoveAttrDefault(relid, (int16) attnum);
                else
                {
                    char *text = deparse_raw_expr(cmd->def);

                    (void) cookColumnDefault(text, att->atttypid, att->atttypmod,
                                             NameStr(att->attname));
                    StoreAttrDefault(relid, (int16) attnum, text);
                }
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
                if (!att->attnotnull)
                {
                    if (column_has_nulls(rel, attnum))
                        ereport(ERROR,
                                errcode(ERRCODE_NOT_NULL_VIOLATION),
                                errmsg("column \"%s\" of relation \"%s\" contains null values",
                                       NameStr(att->attname), RelationGetRelationName(rel)));
                    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attnotnull,
                                         BoolGetDatum(true));
                }
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
                if (att->attnotnull)
                    UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attnotnull,
                                         BoolGetDatum(false));
                break;
            default:
                break;
        }
        CommandCounterIncrement();
        /* the descriptor may have been rebuilt */
        relation_close(rel, NoLock);
        rel = relation_open(relid, NoLock);
    }
    relation_close(rel, NoLock);
}
