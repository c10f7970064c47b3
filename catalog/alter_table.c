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
 * RenameStmt: rename.c; RENAME CONSTRAINT is ExecRenameConstraint here).
 * ADD CONSTRAINT CHECK [NOT VALID], VALIDATE CONSTRAINT, DROP CONSTRAINT:
 * pg_constraint.c; PRIMARY KEY / UNIQUE: index.c; FOREIGN KEY:
 * foreign_key.c.  SET STATISTICS, SET/RESET (options), OWNER TO,
 * CLUSTER ON / SET WITHOUT CLUSTER, SET LOGGED/UNLOGGED:
 * alter_table_misc.c.  Every other subcommand is
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
#include "catalog/alter_table_misc.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/foreign_key.h"
#include "catalog/index.h"
#include "catalog/pg_constraint.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/sequence.h"
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
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
            return true;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
            /* PRIMARY KEY / UNIQUE (catalog/index.c) */
            return false;
        default:
            return false;
    }
}

/* ADD PRIMARY KEY / UNIQUE (other ADD CONSTRAINT forms stay unsupported). */
static bool
is_index_constraint_cmd(PgQuery__AlterTableCmd *cmd)
{
    PgQuery__Constraint *c;

    if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint || cmd->def == NULL ||
        cmd->def->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
        return false;
    c = cmd->def->constraint;
    return c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
        c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
        c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK ||
        c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN;
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

/*
 * ALTER COLUMN ADD GENERATED ... AS IDENTITY, SET GENERATED / SET
 * sequence options / RESTART, DROP IDENTITY [IF EXISTS] (PostgreSQL's
 * ATExecAddIdentity, ATExecSetIdentity, ATExecDropIdentity).  Basalt's
 * identity column keeps its nextval() default in pg_attrdef (DECISIONS.md
 * 13); its sequence is owned with deptype 'i'.
 */
static void
ATExecIdentity(Relation rel, PgQuery__AlterTableCmd *cmd, int attnum)
{
    Oid         relid = RelationGetRelid(rel);
    Form_pg_attribute att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
    const char *colname = NameStr(att->attname);
    const char *relname = RelationGetRelationName(rel);

    if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity)
    {
        PgQuery__Constraint *c = cmd->def->constraint;
        char       *text;

        if (att->atttypid != INT2OID && att->atttypid != INT4OID && att->atttypid != INT8OID)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("identity column type must be smallint, integer, or bigint"));
        if (!att->attnotnull)
            ereport(ERROR,
                    errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("column \"%s\" of relation \"%s\" must be declared NOT NULL before identity can be added",
                           colname, relname));
        if (att->attidentity)
            ereport(ERROR,
                    errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("column \"%s\" of relation \"%s\" is already an identity column",
                           colname, relname));
        if (att->atthasdef)
            ereport(ERROR,
                    errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("column \"%s\" of relation \"%s\" already has a default value",
                           colname, relname));
        text = CreateOwnedSequence(relname, RelationGetNamespace(rel), colname, att->atttypid,
                                   c->options, c->n_options, relid, (int16) attnum,
                                   DEPENDENCY_INTERNAL);
        UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attidentity,
                             CharGetDatum(c->generated_when[0] == 'a' ? 'a' : 'd'));
        StoreAttrDefault(relid, (int16) attnum, text);
        return;
    }
    if (!att->attidentity)
    {
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity && cmd->missing_ok)
        {
            ereport(NOTICE,
                    errmsg("column \"%s\" of relation \"%s\" is not an identity column, skipping",
                           colname, relname));
            return;
        }
        ereport(ERROR,
                errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                errmsg("column \"%s\" of relation \"%s\" is not an identity column",
                       colname, relname));
    }
    if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity)
    {
        Oid         seqid = GetIdentitySequence(relid, (int16) attnum);

        UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attidentity,
                             CharGetDatum('\0'));
        RemoveAttrDefault(relid, (int16) attnum);
        if (OidIsValid(seqid))
        {
            LockRelationOid(seqid, AccessExclusiveLock);
            DropSequenceInternal(seqid);
        }
        return;
    }
    /* SET GENERATED { ALWAYS | BY DEFAULT } and sequence options, in one list */
    {
        PgQuery__List *list = cmd->def->list;
        PgQuery__Node **seqopts = palloc(sizeof(PgQuery__Node *) * (list->n_items + 1));
        size_t      nseqopts = 0;
        char        generated = 0;

        for (size_t i = 0; i < list->n_items; i++)
        {
            PgQuery__DefElem *d = list->items[i]->def_elem;

            if (strcmp(d->defname, "generated") == 0)
            {
                if (generated)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("conflicting or redundant options"));
                generated = (char) d->arg->integer->ival;
            }
            else
                seqopts[nseqopts++] = list->items[i];
        }
        if (generated)
            UpdateAttributeField(relid, (int16) attnum, Anum_pg_attribute_attidentity,
                                 CharGetDatum(generated));
        if (nseqopts > 0)
        {
            Oid         seqid = GetIdentitySequence(relid, (int16) attnum);

            if (!OidIsValid(seqid))
                elog(ERROR, "no owned sequence found for identity column \"%s\"", colname);
            AlterSequenceOptions(seqid, seqopts, nseqopts, true);
        }
    }
}

void
AlterTable(PgQuery__AlterTableStmt *stmt, const char *queryString)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         relid;
    Relation    rel;
    bool        only_owner = stmt->n_cmds > 0;

    /* OWNER TO alone: any relation kind (pg_dump's ALTER TABLE seq OWNER TO) */
    for (size_t i = 0; i < stmt->n_cmds; i++)
        if (stmt->cmds[i]->alter_table_cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_ChangeOwner)
            only_owner = false;
    if (only_owner)
    {
        AlterRelationOwner(stmt);
        return;
    }
    if (stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("this form of ALTER is not supported yet"));
    for (size_t i = 0; i < stmt->n_cmds; i++)
        if (!subcommand_supported(stmt->cmds[i]->alter_table_cmd->subtype) &&
            !ATIsBookkeeping(stmt->cmds[i]->alter_table_cmd->subtype) &&
            !is_index_constraint_cmd(stmt->cmds[i]->alter_table_cmd))
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
        List       *retyped_indexes;
        int         attnum;
        Form_pg_attribute att;

        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint)
        {
            ValidateTableConstraint(rel, cmd->name);
            continue;
        }
        /* catalog bookkeeping: alter_table_misc.c */
        if (ATIsBookkeeping(cmd->subtype))
        {
            ATExecBookkeeping(rel, cmd);
            CommandCounterIncrement();
            relation_close(rel, NoLock);
            rel = relation_open(relid, NoLock);
            continue;
        }
        /* PRIMARY KEY / UNIQUE, CHECK and DROP CONSTRAINT: catalog/index.c, pg_constraint.c */
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint ||
            cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint)
        {
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
                cmd->def->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
                AddTableCheckConstraint(rel, cmd->def->constraint);
            else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
                     cmd->def->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
                AddForeignKeyConstraint(relid, cmd->def->constraint, NULL, queryString, true);
            else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint)
            {
                IndexDef    def;

                IndexDefFromConstraint(&def, cmd->def->constraint, NULL, queryString);
                (void) DefineIndexInternal(relid, &def, queryString);
            }
            else
                DropConstraintByNameCascade(rel, cmd->name, cmd->missing_ok,
                                            cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE);
            CommandCounterIncrement();
            relation_close(rel, NoLock);
            rel = relation_open(relid, NoLock);
            continue;
        }
        /* the indexes on a column changing type are defined again after it */
        retyped_indexes = NIL;
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType &&
            RelationGetAttnum(rel, cmd->name) > 0)
        {
            int16       a = (int16) RelationGetAttnum(rel, cmd->name);

            retyped_indexes = IndexDefsUsingColumn(relid, a);
            if (retyped_indexes != NIL)
                DropIndexesUsingColumn(relid, a);
        }
        /* dropping a column drops the indexes using it, as PostgreSQL */
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn &&
            RelationGetAttnum(rel, cmd->name) > 0)
            DropIndexesUsingColumn(relid, (int16) RelationGetAttnum(rel, cmd->name));

        /* ADD/DROP COLUMN: alter_table_cols.c */
        if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn ||
            cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ||
            cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
        {
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)
            {
                PgQuery__ColumnDef *cd = cmd->def->column_def;
                List       *colindexes = NIL;
                size_t      kept = 0;

                /* PRIMARY KEY / UNIQUE: an index once the column exists */
                for (size_t k = 0; k < cd->n_constraints; k++)
                {
                    PgQuery__Constraint *c = cd->constraints[k]->constraint;

                    if (cd->constraints[k]->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
                        (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
                         c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE))
                    {
                        IndexDef   *def = palloc(sizeof(IndexDef));

                        IndexDefFromConstraint(def, c, cd->colname, queryString);
                        colindexes = lappend(colindexes, def);
                    }
                    else
                        cd->constraints[kept++] = cd->constraints[k];
                }
                cd->n_constraints = kept;
                ATExecAddColumn(rel, cd, cmd->missing_ok);
                CommandCounterIncrement();
                relation_close(rel, NoLock);
                rel = relation_open(relid, NoLock);
                if (colindexes != NIL && RelationGetAttnum(rel, cd->colname) > 0)
                {
                    ListCell   *lc;

                    ReindexRelation(relid);
                    foreach(lc, colindexes)
                        (void) DefineIndexInternal(relid, lfirst(lc), queryString);
                }
            }
            else if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
                ATExecAlterColumnType(rel, cmd->name, cmd->def->column_def, queryString);
            else
                ATExecDropColumn(rel, cmd->name, cmd->missing_ok,
                                 cmd->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE);
            CommandCounterIncrement();
            /* rows rewritten (new TIDs or new storage): the indexes follow */
            if (cmd->subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn)
                ReindexRelation(relid);
            {
                ListCell   *lc;

                foreach(lc, retyped_indexes)
                    (void) DefineIndexInternal(relid, lfirst(lc), queryString);
            }
            /* foreign keys on the column (either side): catalog/foreign_key.c */
            if (cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType)
                RecheckForeignKeysOfColumn(relid, (int16) RelationGetAttnum(rel, cmd->name));
            relation_close(rel, NoLock);
            rel = relation_open(relid, NoLock);
            continue;
        }
        attnum = column_attnum(rel, cmd->name);
        att = TupleDescAttr(RelationGetDescr(rel), attnum - 1);
        switch (cmd->subtype)
        {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetIdentity:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
                ATExecIdentity(rel, cmd, attnum);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
                if (att->attidentity)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("column \"%s\" of relation \"%s\" is an identity column",
                                   NameStr(att->attname), RelationGetRelationName(rel)),
                            cmd->def ? 0 :
                            errhint("Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead."));
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
                if (att->attidentity)
                    ereport(ERROR,
                            errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                            errmsg("column \"%s\" of relation \"%s\" is an identity column",
                                   NameStr(att->attname), RelationGetRelationName(rel)));
                if (att->attnotnull && ColumnIsInPrimaryKey(relid, (int16) attnum))
                    ereport(ERROR,
                            errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                            errmsg("column \"%s\" is in a primary key", NameStr(att->attname)));
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

void
ExecRenameConstraint(PgQuery__RenameStmt *stmt)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *schemaname = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         relid;

    relid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessExclusiveLock, stmt->missing_ok);
    if (!OidIsValid(relid))
    {
        ereport(NOTICE,
                errmsg("relation \"%s\" does not exist, skipping", rv->relname));
        return;
    }
    if (get_rel_relkind(relid) != RELKIND_RELATION)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a table, view, materialized view, composite type, index, or foreign table",
                       rv->relname));
    if (IsCatalogRelationOid(relid) || IsSystemNamespace(get_rel_namespace(relid)))
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", rv->relname));
    RenameTableConstraint(relid, stmt->subname, stmt->newname);
}
