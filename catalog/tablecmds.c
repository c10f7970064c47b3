/*-------------------------------------------------------------------------
 * tablecmds.c
 *    CREATE TABLE and DROP TABLE from libpg_query's raw statements
 *    (PostgreSQL's transformCreateStmt + DefineRelation, RemoveRelations).
 *
 * Principal entry points:
 *    DefineRelation    CREATE TABLE [IF NOT EXISTS] [schema.]name (columns)
 *    RemoveRelations   DROP TABLE [IF EXISTS] name [, ...] [CASCADE|RESTRICT]
 *
 * Checks run in PostgreSQL's order, so that a statement with several
 * problems reports the one PostgreSQL reports:
 *    CREATE: schema, IF NOT EXISTS, column constraints (NULL/NOT NULL
 *    conflicts; 0A000 for what Basalt cannot do yet) -> duplicate columns,
 *    column count -> column types -> pseudo-types -> name already taken
 *    (relation, then type) -> system schema.
 *    DROP: per name: schema, existence, relation kind, system catalog;
 *    then every table is dropped.
 * Messages and SQLSTATEs are PostgreSQL's (see tablecmds.h for what is
 * refused with 0A000, and the locking).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/heap.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_type_oids.h"
#include "catalog/sequence.h"
#include "catalog/relcache.h"
#include "catalog/reloptions.h"
#include "catalog/sinval.h"
#include "catalog/tablecmds.h"
#include "catalog/truncate.h"
#include "catalog/view.h"
#include "backend/utils/stringinfo.h"
#include "planner/planner.h"
#include "storage/htup.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "storage/xact.h"

/* 1-based character position of a 0-based byte location (0: none). */
static int
query_position(const char *queryString, int location)
{
    int chars = 0;

    if (queryString == NULL || location < 0)
        return 0;
    for (int i = 0; i < location && queryString[i] != '\0'; i++)
        chars += ((unsigned char) queryString[i] & 0xC0) != 0x80;
    return chars + 1;
}

static const char *
str_or_null(const char *s)
{
    return (s != NULL && s[0] != '\0') ? s : NULL;
}

/* ---------------------------------------------------------------- CREATE TABLE */

typedef struct ColumnSpec
{
    const char *name;
    PgQuery__TypeName *typeName;
    bool        notnull;
    PgQuery__Node *rawdefault;  /* DEFAULT expression (not NULL), or NULL */
    int         serial;         /* 2, 4, 8: smallserial, serial, bigserial */
    char        identity;       /* 'a' ALWAYS, 'd' BY DEFAULT, or 0 */
    PgQuery__Constraint *identity_con;
    List       *checks;         /* CheckConstraintSpec * */
    List       *indexcons;      /* IndexDef * of PRIMARY KEY / UNIQUE */
} ColumnSpec;

static void
refuse(const char *queryString, int location, const char *what)
{
    ereport(ERROR,
            errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
            errmsg("%s are not supported yet", what),
            errposition(query_position(queryString, location)));
}

/* Is this a NULL literal (DEFAULT NULL, which changes nothing)? */
static bool
is_null_constant(PgQuery__Node *expr)
{
    if (expr == NULL)
        return true;
    if (expr->node_case == PG_QUERY__NODE__NODE_A_CONST)
        return expr->a_const->isnull;
    if (expr->node_case == PG_QUERY__NODE__NODE_TYPE_CAST)
        return is_null_constant(expr->type_cast->arg);
    return false;
}

/* The column constraints PostgreSQL's transformColumnDefinition handles. */
static void
transform_column_constraints(PgQuery__ColumnDef *cd, const char *relname,
                             const char *queryString, ColumnSpec *spec)
{
    bool saw_null = false;
    bool saw_notnull = false;
    bool saw_default = false;

    if (cd->coll_clause != NULL)
        refuse(queryString, cd->coll_clause->location, "column collations");
    if (str_or_null(cd->compression))
        refuse(queryString, cd->location, "column compression methods");
    if (str_or_null(cd->storage))
        refuse(queryString, cd->location, "column storage settings");

    for (size_t i = 0; i < cd->n_constraints; i++)
    {
        PgQuery__Node *n = cd->constraints[i];
        PgQuery__Constraint *c;

        if (n->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            elog(ERROR, "unrecognized column constraint node %d", (int) n->node_case);
        c = n->constraint;
        switch (c->contype)
        {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NULL:
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
                {
                    bool is_notnull = (c->contype == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL);

                    if ((is_notnull && saw_null) || (!is_notnull && saw_notnull))
                        ereport(ERROR,
                                errcode(ERRCODE_SYNTAX_ERROR),
                                errmsg("conflicting NULL/NOT NULL declarations for column \"%s\" of table \"%s\"",
                                       cd->colname, relname),
                                errposition(query_position(queryString, c->location)));
                    if (is_notnull)
                        saw_notnull = true;
                    else
                        saw_null = true;
                }
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
                if (saw_default)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("multiple default values specified for column \"%s\" of table \"%s\"",
                                   cd->colname, relname),
                            errposition(query_position(queryString, c->location)));
                saw_default = true;
                if (!is_null_constant(c->raw_expr))
                    spec->rawdefault = c->raw_expr;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
                {
                    IndexDef   *def = palloc(sizeof(IndexDef));

                    IndexDefFromConstraint(def, c, cd->colname, queryString);
                    spec->indexcons = lappend(spec->indexcons, def);
                    if (def->primary)
                        saw_notnull = true;
                }
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
                {
                    CheckConstraintSpec *cs = palloc(sizeof(CheckConstraintSpec));

                    cs->con = c;
                    cs->colname = cd->colname;
                    spec->checks = lappend(spec->checks, cs);
                }
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
                refuse(queryString, c->location, "FOREIGN KEY constraints");
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
                if (spec->identity)
                    ereport(ERROR,
                            errcode(ERRCODE_SYNTAX_ERROR),
                            errmsg("multiple identity specifications for column \"%s\" of table \"%s\"",
                                   cd->colname, relname),
                            errposition(query_position(queryString, c->location)));
                spec->identity = c->generated_when[0] == 'a' ? 'a' : 'd';
                spec->identity_con = c;
                saw_notnull = true;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
                refuse(queryString, c->location, "generated columns");
                break;
            default:
                refuse(queryString, c->location, "constraint attributes (DEFERRABLE, INITIALLY ...)");
                break;
        }
        /* PostgreSQL checks the pair when its second member is seen */
        if (spec->identity && saw_default)
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("both default and identity specified for column \"%s\" of table \"%s\"",
                           cd->colname, relname),
                    errposition(query_position(queryString, c->location)));
    }
    if (spec->identity && saw_null)
        ereport(ERROR,
                errcode(ERRCODE_SYNTAX_ERROR),
                errmsg("conflicting NULL/NOT NULL declarations for column \"%s\" of table \"%s\"",
                       cd->colname, relname),
                errposition(query_position(queryString, cd->location)));
    spec->notnull = saw_notnull;
}

/* serial and friends: a type plus an owned sequence plus a default (2/4/8, or 0). */
static int
is_serial_type(PgQuery__TypeName *tn)
{
    static const char *const serials[] = {
        "smallserial", "serial2", "serial", "serial4", "bigserial", "serial8"
    };
    static const int widths[] = {2, 2, 4, 4, 8, 8};
    PgQuery__Node *last;
    const char *name;

    if (tn == NULL || tn->n_names == 0 || tn->n_array_bounds > 0)
        return false;
    if (tn->n_names == 2)
    {
        PgQuery__Node *first = tn->names[0];

        if (first->node_case != PG_QUERY__NODE__NODE_STRING ||
            strcmp(first->string->sval, "pg_catalog") != 0)
            return 0;
    }
    else if (tn->n_names != 1)
        return 0;
    last = tn->names[tn->n_names - 1];
    if (last->node_case != PG_QUERY__NODE__NODE_STRING)
        return 0;
    name = last->string->sval;
    for (int i = 0; i < (int) lengthof(serials); i++)
        if (strcmp(name, serials[i]) == 0)
            return widths[i];
    return 0;
}

/* ---------------------------------------------------------------- ON COMMIT */

/*
 * Temporary tables created with ON COMMIT DELETE ROWS or ON COMMIT DROP
 * (PostgreSQL's on_commits list): acted on at every commit, before the
 * commit record.  Entries whose table no longer exists (dropped, or created
 * by a transaction that aborted) are forgotten then.
 */
typedef struct OnCommitItem
{
    Oid         relid;
    bool        drop;           /* ON COMMIT DROP, else DELETE ROWS */
} OnCommitItem;

static OnCommitItem *on_commits;
static int  n_on_commits;
static int  max_on_commits;
static bool on_commit_callback_registered;

static void
on_commit_xact_callback(XactEvent event, void *arg)
{
    int         kept = 0;

    (void) arg;
    if (event != XACT_EVENT_PRE_COMMIT)
        return;
    for (int i = 0; i < n_on_commits; i++)
    {
        OnCommitItem item = on_commits[i];
        const ClassInfo *c = lookup_class(item.relid);

        if (c == NULL)
            continue;
        if (item.drop)
        {
            /* dependents, owned sequences included, go first (dependency.c) */
            LockRelationOid(item.relid, AccessExclusiveLock);
            DropDependentViews(list_make1_oid(item.relid), true,
                               RelationDescription(item.relid));
            heap_drop_with_catalog(item.relid);
            CommandCounterIncrement();
            continue;
        }
        else
        {
            Relation    rel = relation_open(item.relid, AccessExclusiveLock);
            bool        empty = RelationGetNumberOfBlocksNode(rel->rd_node) == 0;

            relation_close(rel, NoLock);
            if (!empty)
                RelationSetNewRelfilenode(item.relid);
        }
        on_commits[kept++] = item;
    }
    n_on_commits = kept;
}

static void
register_on_commit_action(Oid relid, bool drop)
{
    if (!on_commit_callback_registered)
    {
        RegisterXactCallback(on_commit_xact_callback, NULL);
        on_commit_callback_registered = true;
    }
    if (n_on_commits == max_on_commits)
    {
        max_on_commits = max_on_commits ? max_on_commits * 2 : 8;
        on_commits = on_commits == NULL ?
            MemoryContextAlloc(TopMemoryContext, sizeof(OnCommitItem) * (Size) max_on_commits) :
            repalloc(on_commits, sizeof(OnCommitItem) * (Size) max_on_commits);
    }
    on_commits[n_on_commits].relid = relid;
    on_commits[n_on_commits].drop = drop;
    n_on_commits++;
}

void
DefineRelation(PgQuery__CreateStmt *stmt, const char *queryString)
{
    PgQuery__RangeVar *rv = stmt->relation;
    const char *relname = rv->relname;
    const char *schemaname = str_or_null(rv->schemaname);
    char        persistence = str_or_null(rv->relpersistence) ? rv->relpersistence[0] : 'p';
    ColumnSpec *cols;
    int         ncols = 0;
    Oid         nspid;
    TupleDesc   desc;
    Datum       reloptions;
    Oid         relid;
    List       *table_checks = NIL;
    List       *checks = NIL;
    List       *indexcons = NIL;    /* IndexDef *, in PostgreSQL's order */
    IndexDef   *pkey = NULL;

    /* ---- what the statement asks for that Basalt refuses */
    if (str_or_null(rv->catalogname))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cross-database references are not implemented: %s.%s.%s",
                       rv->catalogname, rv->schemaname, rv->relname),
                errposition(query_position(queryString, rv->location)));
    if (persistence == 'u')
        refuse(queryString, rv->location, "unlogged tables");
    if (stmt->n_inh_relations > 0)
        refuse(queryString, rv->location, "table inheritance (INHERITS)");
    if (stmt->partspec != NULL)
        refuse(queryString, rv->location, "partitioned tables");
    if (stmt->partbound != NULL)
        refuse(queryString, rv->location, "table partitions");
    if (stmt->of_typename != NULL)
        refuse(queryString, rv->location, "typed tables (OF type)");
    /* CREATE TABLE pg_temp.x is a temporary table (RangeVarAdjustRelationPersistence) */
    if (schemaname != NULL && strcmp(schemaname, "pg_temp") == 0)
        persistence = RELPERSISTENCE_TEMP;
    if (persistence != RELPERSISTENCE_TEMP &&
        stmt->oncommit != PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_NOOP &&
        stmt->oncommit != PG_QUERY__ON_COMMIT_ACTION__ON_COMMIT_ACTION_UNDEFINED)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("ON COMMIT can only be used on temporary tables"));
    if (str_or_null(stmt->tablespacename) && strcmp(stmt->tablespacename, "pg_default") != 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("tablespace \"%s\" does not exist", stmt->tablespacename));
    if (str_or_null(stmt->access_method) && strcmp(stmt->access_method, "heap") != 0)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("access method \"%s\" does not exist", stmt->access_method));

    /* ---- storage parameters (validated, recorded, not acted on) */
    reloptions = transformRelOptions(stmt->options, stmt->n_options);

    /* ---- the schema */
    if (persistence == RELPERSISTENCE_TEMP)
    {
        if (schemaname != NULL && strcmp(schemaname, "pg_temp") != 0 &&
            !isTempNamespace(get_namespace_oid(schemaname, true)))
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("cannot create temporary relation in non-temporary schema"),
                    errposition(query_position(queryString, rv->location)));
        nspid = GetTempNamespace();
    }
    else if (schemaname != NULL)
    {
        nspid = get_namespace_oid(schemaname, true);
        if (!OidIsValid(nspid))
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", schemaname),
                    errposition(query_position(queryString, rv->location)));
    }
    else
        nspid = LookupCreationNamespace(NULL);

    /*
     * One CREATE TABLE at a time (until pg_class has a unique index): the
     * existence checks below then see every committed competitor, since
     * taking the lock also reads the invalidations it committed.
     */
    LockRelationOid(RelationRelationId, ShareUpdateExclusiveLock);
    AcceptInvalidationMessages();

    if (stmt->if_not_exists && OidIsValid(get_relname_relid(relname, nspid)))
    {
        ereport(NOTICE,
                errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists, skipping", relname));
        return;
    }

    /* ---- columns and their constraints */
    cols = palloc0(sizeof(ColumnSpec) * (stmt->n_table_elts + 1));
    for (size_t i = 0; i < stmt->n_table_elts; i++)
    {
        PgQuery__Node *elt = stmt->table_elts[i];

        switch (elt->node_case)
        {
            case PG_QUERY__NODE__NODE_COLUMN_DEF:
                {
                    PgQuery__ColumnDef *cd = elt->column_def;

                    cols[ncols].name = cd->colname;
                    cols[ncols].typeName = cd->type_name;
                    transform_column_constraints(cd, relname, queryString, &cols[ncols]);
                    cols[ncols].serial = is_serial_type(cd->type_name);
                    if (cols[ncols].serial)
                    {
                        /* PostgreSQL's transformColumnDefinition */
                        if (cols[ncols].rawdefault != NULL)
                            ereport(ERROR,
                                    errcode(ERRCODE_SYNTAX_ERROR),
                                    errmsg("multiple default values specified for column \"%s\" of table \"%s\"",
                                           cd->colname, relname));
                        if (cols[ncols].identity)
                            ereport(ERROR,
                                    errcode(ERRCODE_SYNTAX_ERROR),
                                    errmsg("both default and identity specified for column \"%s\" of table \"%s\"",
                                           cd->colname, relname));
                        cols[ncols].notnull = true;
                    }
                    ncols++;
                }
                break;
            case PG_QUERY__NODE__NODE_CONSTRAINT:
                {
                    PgQuery__Constraint *c = elt->constraint;

                    switch (c->contype)
                    {
                        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
                        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
                            {
                                IndexDef   *def = palloc(sizeof(IndexDef));

                                IndexDefFromConstraint(def, c, NULL, queryString);
                                indexcons = lappend(indexcons, def);
                            }
                            break;
                        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK:
                            {
                                CheckConstraintSpec *cs = palloc(sizeof(CheckConstraintSpec));

                                cs->con = c;
                                cs->colname = NULL;
                                table_checks = lappend(table_checks, cs);
                            }
                            break;
                        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
                            refuse(queryString, c->location, "FOREIGN KEY constraints");
                            break;
                        default:
                            refuse(queryString, c->location, "table constraints");
                            break;
                    }
                }
                break;
            case PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE:
                refuse(queryString, rv->location, "LIKE clauses in CREATE TABLE");
                break;
            default:
                elog(ERROR, "unrecognized node type in CREATE TABLE: %d", (int) elt->node_case);
        }
    }

    /*
     * ---- PRIMARY KEY / UNIQUE (transformIndexConstraints): column
     * constraints, then table constraints; one primary key; the primary
     * key first, then the others minus duplicates of an earlier one.
     */
    {
        List       *all = NIL;
        List       *final = NIL;
        ListCell   *lc;

        for (int i = 0; i < ncols; i++)
            all = list_concat(all, cols[i].indexcons);
        all = list_concat(all, indexcons);
        foreach(lc, all)
        {
            IndexDef   *def = lfirst(lc);

            if (!def->primary)
                continue;
            if (pkey != NULL)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                        errmsg("multiple primary keys for table \"%s\" are not allowed", relname),
                        errposition(query_position(queryString, def->keys[0].location)));
            pkey = def;
            /* its columns are NOT NULL from the start */
            for (int k = 0; k < def->nkeys; k++)
                for (int j = 0; j < ncols; j++)
                    if (strcmp(cols[j].name, def->keys[k].colname) == 0)
                        cols[j].notnull = true;
        }
        if (pkey != NULL)
            final = list_make1(pkey);
        foreach(lc, all)
        {
            IndexDef   *def = lfirst(lc);
            bool        keep = true;
            ListCell   *lc2;

            if (def == pkey)
                continue;
            foreach(lc2, final)
            {
                IndexDef   *prior = lfirst(lc2);

                if (IndexDefsEquivalent(def, prior))
                {
                    if (prior->idxname == NULL)
                        prior->idxname = def->idxname;
                    keep = false;
                    break;
                }
            }
            if (keep)
                final = lappend(final, def);
        }
        indexcons = final;
    }

    /* ---- MergeAttributes: names and count */
    for (int i = 0; i < ncols; i++)
        for (int j = 0; j < i; j++)
            if (strcmp(cols[i].name, cols[j].name) == 0)
                ereport(ERROR,
                        errcode(ERRCODE_DUPLICATE_COLUMN),
                        errmsg("column \"%s\" specified more than once", cols[i].name));
    if (ncols > MaxHeapAttributeNumber)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_COLUMNS),
                errmsg("tables can have at most %d columns", MaxHeapAttributeNumber));

    /* ---- BuildDescForRelation: types */
    desc = CreateTemplateTupleDesc(ncols);
    for (int i = 0; i < ncols; i++)
    {
        Oid         typid;
        int32       typmod;

        if (cols[i].serial)
        {
            typid = cols[i].serial == 2 ? INT2OID : cols[i].serial == 4 ? INT4OID : INT8OID;
            typmod = -1;
        }
        else
            typenameTypeIdAndMod(cols[i].typeName, &typid, &typmod);
        if (cols[i].identity && typid != INT2OID && typid != INT4OID && typid != INT8OID)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("identity column type must be smallint, integer, or bigint"));
        TupleDescInitEntry(desc, i + 1, cols[i].name, typid, typmod,
                           (int) cols[i].typeName->n_array_bounds);
        TupleDescAttr(desc, i)->attnotnull = cols[i].notnull;
    }

    /* ---- heap_create_with_catalog's checks */
    for (int i = 0; i < ncols; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        const TypeInfo *t = lookup_type(att->atttypid);

        if (t == NULL)
            elog(ERROR, "cache lookup failed for type %u", att->atttypid);
        if (t->typtype == 'p')
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("column \"%s\" has pseudo-type %s",
                           NameStr(att->attname), format_type_be(att->atttypid)));
        if (!t->typisdefined)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_OBJECT),
                    errmsg("type %s is only a shell", format_type_be(att->atttypid)));
    }
    if (OidIsValid(get_relname_relid(relname, nspid)))
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_TABLE),
                errmsg("relation \"%s\" already exists", relname));
    if (lookup_type_by_name(nspid, relname) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("type \"%s\" already exists", relname),
                errhint("A relation has an associated type of the same name, "
                        "so you must use a name that doesn't conflict "
                        "with any existing type."));
    if (IsSystemNamespace(nspid))
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied to create \"%s.%s\"",
                       get_namespace_name(nspid), relname),
                errdetail("System catalog modifications are currently disallowed."));

    if (persistence != RELPERSISTENCE_TEMP && isAnyTempNamespace(nspid))
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("cannot create relations in temporary schemas of other sessions"));
    relid = heap_create_with_catalog(relname, nspid, desc, RELKIND_RELATION,
                                     persistence == RELPERSISTENCE_TEMP ?
                                     RELPERSISTENCE_TEMP : RELPERSISTENCE_PERMANENT,
                                     reloptions);
    CommandCounterIncrement();
    if (stmt->oncommit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DELETE_ROWS ||
        stmt->oncommit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP)
        register_on_commit_action(relid, stmt->oncommit == PG_QUERY__ON_COMMIT_ACTION__ONCOMMIT_DROP);

    /* ---- defaults: serial/identity sequences, then cooked expressions */
    for (int i = 0; i < ncols; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        char       *text = NULL;

        if (cols[i].serial || cols[i].identity)
        {
            PgQuery__Constraint *ic = cols[i].identity_con;

            text = CreateOwnedSequence(relname, nspid, cols[i].name, att->atttypid,
                                       ic ? ic->options : NULL, ic ? ic->n_options : 0,
                                       relid, (int16) (i + 1),
                                       cols[i].identity ? DEPENDENCY_INTERNAL : DEPENDENCY_AUTO);
            if (cols[i].identity)
                UpdateAttributeField(relid, (int16) (i + 1), Anum_pg_attribute_attidentity,
                                     CharGetDatum(cols[i].identity));
        }
        else if (cols[i].rawdefault != NULL)
        {
            text = deparse_raw_expr(cols[i].rawdefault);
            (void) cookColumnDefault(text, att->atttypid, att->atttypmod, NameStr(att->attname));
        }
        if (text != NULL)
            StoreAttrDefault(relid, (int16) (i + 1), text);
    }
    CommandCounterIncrement();

    /* ---- CHECK constraints: column constraints first, as PostgreSQL */
    for (int i = 0; i < ncols; i++)
        checks = list_concat(checks, cols[i].checks);
    checks = list_concat(checks, table_checks);
    if (checks != NIL)
        AddRelationCheckConstraints(relid, checks);

    /* ---- the indexes of PRIMARY KEY / UNIQUE constraints (catalog/index.c) */
    {
        ListCell   *lc;

        foreach(lc, indexcons)
            (void) DefineIndexInternal(relid, lfirst(lc), queryString);
    }
}

/* ---------------------------------------------------------------- DROP TABLE */

/* PostgreSQL's dropmsgstringarray entries for a DROP TABLE of the wrong kind. */
static const char *
drop_hint_for_relkind(char relkind)
{
    switch (relkind)
    {
        case RELKIND_SEQUENCE:
            return "Use DROP SEQUENCE to remove a sequence.";
        case RELKIND_VIEW:
            return "Use DROP VIEW to remove a view.";
        case 'm':
            return "Use DROP MATERIALIZED VIEW to remove a materialized view.";
        case RELKIND_INDEX:
        case 'I':
            return "Use DROP INDEX to remove an index.";
        case RELKIND_COMPOSITE_TYPE:
            return "Use DROP TYPE to remove a type.";
        case 'f':
            return "Use DROP FOREIGN TABLE to remove a foreign table.";
        default:
            return NULL;
    }
}

/* Check a relation found by DROP TABLE (PostgreSQL's RangeVarCallbackForDropRelation). */
static void
check_drop_target(Oid relid, const char *relname)
{
    const ClassInfo *c = lookup_class(relid);

    if (c == NULL)
        return;                 /* dropped concurrently: the caller looks again */
    if (c->relkind != RELKIND_RELATION && c->relkind != 'p')
    {
        const char *hint = drop_hint_for_relkind(c->relkind);

        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("\"%s\" is not a table", relname),
                hint ? errhint("%s", hint) : 0);
    }
    if (IsCatalogRelationOid(relid) || IsSystemNamespace(c->relnamespace))
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog", relname));
}

void
RemoveRelations(PgQuery__DropStmt *stmt)
{
    List       *relids = NIL;
    ListCell   *lc;

    if (stmt->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("only DROP TABLE is supported by RemoveRelations"));

    for (size_t i = 0; i < stmt->n_objects; i++)
    {
        PgQuery__Node *obj = stmt->objects[i];
        PgQuery__List *names;
        const char *schemaname = NULL;
        const char *relname;
        Oid         relid;

        if (obj->node_case != PG_QUERY__NODE__NODE_LIST)
            elog(ERROR, "unexpected object in DROP TABLE: node %d", (int) obj->node_case);
        names = obj->list;
        if (names->n_items < 1 || names->n_items > 3)
        {
            StringInfoData buf;

            initStringInfo(&buf);
            for (size_t k = 0; k < names->n_items; k++)
                appendStringInfo(&buf, "%s%s", k ? "." : "", names->items[k]->string->sval);
            ereport(ERROR,
                    errcode(ERRCODE_SYNTAX_ERROR),
                    errmsg("improper qualified name (too many dotted names): %s", buf.data));
        }
        relname = names->items[names->n_items - 1]->string->sval;
        if (names->n_items >= 2)
            schemaname = names->items[names->n_items - 2]->string->sval;
        if (names->n_items == 3)
            ereport(ERROR,
                    errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("cross-database references are not implemented: %s.%s.%s",
                           names->items[0]->string->sval, schemaname, relname));

        /* a missing schema is reported as such (DropErrorMsgNonExistent) */
        if (schemaname != NULL && !OidIsValid(get_namespace_oid(schemaname, true)))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE,
                        errmsg("schema \"%s\" does not exist, skipping", schemaname));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_SCHEMA),
                    errmsg("schema \"%s\" does not exist", schemaname));
        }

        /*
         * Find, check, then lock; if invalidations arrived while we waited
         * for the lock, the name may mean something else now: again.
         */
        for (;;)
        {
            Oid again;

            relid = RangeVarGetRelidExtended(schemaname, relname, NoLock, true);
            if (!OidIsValid(relid))
                break;
            check_drop_target(relid, relname);
            LockRelationOid(relid, AccessExclusiveLock);
            AcceptInvalidationMessages();
            again = RangeVarGetRelidExtended(schemaname, relname, NoLock, true);
            if (again == relid)
                break;
            UnlockRelationOid(relid, AccessExclusiveLock);
        }

        if (!OidIsValid(relid))
        {
            if (stmt->missing_ok)
            {
                ereport(NOTICE,
                        errmsg("table \"%s\" does not exist, skipping", relname));
                continue;
            }
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("table \"%s\" does not exist", relname));
        }
        if (!list_member_oid(relids, relid))
            relids = lappend_oid(relids, relid);
    }

    /* dependents: views, and (silently) owned sequences (dependency.c) */
    if (relids != NIL)
        DropDependentViews(relids, stmt->behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE,
                           RelationDescription(linitial_oid(relids)));
    foreach(lc, relids)
    {
        heap_drop_with_catalog(lfirst_oid(lc));
        CommandCounterIncrement();
    }
    if (relids != NIL)
        CommandCounterIncrement();
}
