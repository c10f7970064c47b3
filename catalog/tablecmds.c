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
#include "catalog/comment.h"
#include "catalog/foreign_key.h"
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
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/htup.h"
#include "storage/bufmgr.h"
#include "storage/snapshot.h"
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

/* An error context that gives errors without a position the table name's (PostgreSQL). */
typedef struct
{
    ErrorContextCallback cb;
    const char *queryString;
    int         location;
} relname_errpos;

static void
relname_errpos_callback(void *arg)
{
    relname_errpos *p = arg;

    if (geterrcode() != ERRCODE_QUERY_CANCELED && geterrposition() == 0)
        (void) errposition(query_position(p->queryString, p->location));
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
    List       *fkeys;          /* PgQuery__Constraint * of REFERENCES */
    Oid         liketypid;      /* LIKE column: its type (typeName is NULL) */
    int32       liketypmod;
    int         likendims;
} ColumnSpec;

/* ---------------------------------------------------------------- LIKE */

/* CREATE_TABLE_LIKE_* bits of TableLikeClause.options (PostgreSQL's parsenodes.h) */
#define LIKE_COMMENTS       (1 << 0)
#define LIKE_CONSTRAINTS    (1 << 2)
#define LIKE_DEFAULTS       (1 << 3)
#define LIKE_IDENTITY       (1 << 5)
#define LIKE_INDEXES        (1 << 6)

/* A raw expression tree from its SQL text (a stored default or CHECK). */
static PgQuery__Node *
raw_expr_from_text(const char *text)
{
    List       *raw = raw_parser(psprintf("SELECT %s", text));

    if (list_length(raw) != 1)
        elog(ERROR, "invalid stored expression: %s", text);
    return ((RawStmt *) linitial(raw))->stmt->select_stmt->target_list[0]->res_target->val;
}

static PgQuery__Node *
seq_option(const char *name, PgQuery__Node *arg)
{
    PgQuery__Node *n = palloc(sizeof(PgQuery__Node));
    PgQuery__DefElem *d = palloc(sizeof(PgQuery__DefElem));

    pg_query__node__init(n);
    pg_query__def_elem__init(d);
    d->defname = pstrdup(name);
    d->arg = arg;
    n->node_case = PG_QUERY__NODE__NODE_DEF_ELEM;
    n->def_elem = d;
    return n;
}

static PgQuery__Node *
int64_node(int64 v)
{
    PgQuery__Node *n = palloc(sizeof(PgQuery__Node));
    PgQuery__Float *f = palloc(sizeof(PgQuery__Float));

    pg_query__node__init(n);
    pg_query__float__init(f);
    f->fval = psprintf("%lld", (long long) v);
    n->node_case = PG_QUERY__NODE__NODE_FLOAT;
    n->float_ = f;
    return n;
}

/* A column comment LIKE ... INCLUDING COMMENTS copies. */
typedef struct LikeComment
{
    const char *colname;
    char       *text;
} LikeComment;

/* The column comments of srcid (pg_description rows with objsubid > 0). */
static List *
column_comments(Oid srcid, TupleDesc desc)
{
    Relation    rel = table_open(DescriptionRelationId, AccessShareLock);
    TupleDesc   ddesc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        int32       subid;
        LikeComment *lc;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_description_objoid, ddesc, &isnull)) != srcid ||
            DatumGetObjectId(heap_getattr(tup, Anum_pg_description_classoid, ddesc, &isnull)) != RelationRelationId)
            continue;
        subid = DatumGetInt32(heap_getattr(tup, Anum_pg_description_objsubid, ddesc, &isnull));
        if (subid <= 0 || subid > desc->natts || TupleDescAttr(desc, subid - 1)->attisdropped)
            continue;
        lc = palloc(sizeof(LikeComment));
        lc->colname = pstrdup(NameStr(TupleDescAttr(desc, subid - 1)->attname));
        lc->text = TextDatumGetCString(heap_getattr(tup, Anum_pg_description_description, ddesc, &isnull));
        result = lappend(result, lc);
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

/*
 * LIKE ... INCLUDING IDENTITY: an identity constraint carrying the source
 * sequence's options (PostgreSQL's sequence_options), so the new
 * sequence starts, steps and wraps as the source's did.
 */
static PgQuery__Constraint *
identity_like(Oid srcid, int16 attnum)
{
    Oid         seqid = GetIdentitySequence(srcid, attnum);
    PgQuery__Constraint *con = palloc(sizeof(PgQuery__Constraint));
    Relation    rel;
    HeapScanDesc scan;
    HeapTuple   tup;

    pg_query__constraint__init(con);
    con->contype = PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY;
    if (!OidIsValid(seqid))
        return con;
    rel = table_open(SequenceRelationId, AccessShareLock);
    scan = heap_beginscan(rel, GetCatalogSnapshot());
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        TupleDesc   desc = RelationGetDescr(rel);
        bool        isnull;
        PgQuery__Boolean *b;
        PgQuery__Node *bn;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_sequence_seqrelid, desc, &isnull)) != seqid)
            continue;
        con->n_options = 6;
        con->options = palloc(sizeof(PgQuery__Node *) * 6);
        con->options[0] = seq_option("start", int64_node(DatumGetInt64(heap_getattr(tup, Anum_pg_sequence_seqstart, desc, &isnull))));
        con->options[1] = seq_option("increment", int64_node(DatumGetInt64(heap_getattr(tup, Anum_pg_sequence_seqincrement, desc, &isnull))));
        con->options[2] = seq_option("maxvalue", int64_node(DatumGetInt64(heap_getattr(tup, Anum_pg_sequence_seqmax, desc, &isnull))));
        con->options[3] = seq_option("minvalue", int64_node(DatumGetInt64(heap_getattr(tup, Anum_pg_sequence_seqmin, desc, &isnull))));
        con->options[4] = seq_option("cache", int64_node(DatumGetInt64(heap_getattr(tup, Anum_pg_sequence_seqcache, desc, &isnull))));
        b = palloc(sizeof(PgQuery__Boolean));
        pg_query__boolean__init(b);
        b->boolval = DatumGetBool(heap_getattr(tup, Anum_pg_sequence_seqcycle, desc, &isnull));
        bn = palloc(sizeof(PgQuery__Node));
        pg_query__node__init(bn);
        bn->node_case = PG_QUERY__NODE__NODE_BOOLEAN;
        bn->boolean = b;
        con->options[5] = seq_option("cycle", bn);
        break;
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return con;
}

/*
 * LIKE source [INCLUDING ... | EXCLUDING ...] (PostgreSQL's
 * transformTableLikeClause and expandTableLikeClause): the source's
 * columns (names, types, NOT NULL always), then per option their
 * defaults, identity, CHECK constraints (with their names) and indexes
 * (named anew for the new table).  Appends to *cols (capacity *maxcols).
 */
static void
transform_like_clause(PgQuery__TableLikeClause *like, const char *queryString,
                      ColumnSpec **cols, int *ncols, int *maxcols,
                      List **checks, List **likeindexes, List **comments)
{
    PgQuery__RangeVar *rv = like->relation;
    const char *schemaname = str_or_null(rv->schemaname);
    Oid         srcid;
    char        relkind;
    Relation    src;
    TupleDesc   desc;
    uint32      opts = like->options;

    srcid = RangeVarGetRelidExtended(schemaname, rv->relname, AccessShareLock, true);
    if (!OidIsValid(srcid))
    {
        if (schemaname != NULL)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_TABLE),
                    errmsg("relation \"%s.%s\" does not exist", schemaname, rv->relname),
                    errposition(query_position(queryString, rv->location)));
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_TABLE),
                errmsg("relation \"%s\" does not exist", rv->relname),
                errposition(query_position(queryString, rv->location)));
    }
    relkind = get_rel_relkind(srcid);
    if (relkind != RELKIND_RELATION && relkind != RELKIND_VIEW && relkind != RELKIND_COMPOSITE_TYPE)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("relation \"%s\" is invalid in LIKE clause", rv->relname),
                errdetail("This operation is not supported for %s.",
                          relkind == RELKIND_SEQUENCE ? "sequences" : "indexes"),
                errposition(query_position(queryString, rv->location)));
    src = relation_open(srcid, NoLock);
    desc = RelationGetDescr(src);
    for (int i = 0; i < desc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        ColumnSpec *c;

        if (att->attisdropped)
            continue;
        if (*ncols == *maxcols)
        {
            /* the caller fills its own entries assuming zeroed memory */
            *cols = repalloc(*cols, sizeof(ColumnSpec) * (*maxcols) * 2);
            memset(*cols + *maxcols, 0, sizeof(ColumnSpec) * (*maxcols));
            *maxcols *= 2;
        }
        c = &(*cols)[(*ncols)++];
        memset(c, 0, sizeof(ColumnSpec));
        c->name = pstrdup(NameStr(att->attname));
        c->liketypid = att->atttypid;
        c->liketypmod = att->atttypmod;
        c->likendims = att->attndims;
        c->notnull = att->attnotnull;
        if (att->attidentity && (opts & LIKE_IDENTITY))
        {
            c->identity = att->attidentity;
            c->identity_con = identity_like(srcid, (int16) (i + 1));
        }
        else if (att->atthasdef && !att->attidentity && (opts & LIKE_DEFAULTS))
        {
            char       *text = RelationGetColumnDefault(src, i + 1);

            if (text != NULL)
                c->rawdefault = raw_expr_from_text(text);
        }
    }
    if (opts & LIKE_COMMENTS)
        *comments = list_concat(*comments, column_comments(srcid, desc));
    if (opts & LIKE_CONSTRAINTS)
    {
        ListCell   *lc;

        foreach(lc, RelationGetCheckConstraints(srcid))
        {
            CheckConstraintDef *def = lfirst(lc);
            CheckConstraintSpec *cs = palloc(sizeof(CheckConstraintSpec));
            PgQuery__Constraint *con = palloc(sizeof(PgQuery__Constraint));

            pg_query__constraint__init(con);
            con->contype = PG_QUERY__CONSTR_TYPE__CONSTR_CHECK;
            con->conname = def->conname;
            con->raw_expr = raw_expr_from_text(def->consrc);
            con->location = -1;
            cs->con = con;
            cs->colname = NULL;
            *checks = lappend(*checks, cs);
        }
    }
    if (opts & LIKE_INDEXES)
    {
        List       *seen = NIL;

        /* every index uses a column: collect them column by column, once each */
        for (int i = 0; i < desc->natts; i++)
        {
            ListCell   *lc;

            if (TupleDescAttr(desc, i)->attisdropped)
                continue;
            foreach(lc, IndexDefsUsingColumn(srcid, (int16) (i + 1)))
            {
                IndexDef   *def = lfirst(lc);
                ListCell   *lc2;
                bool        dup = false;

                foreach(lc2, seen)
                    if (strcmp((char *) lfirst(lc2), def->idxname) == 0)
                        dup = true;
                if (dup)
                    continue;
                seen = lappend(seen, (char *) def->idxname);
                def->idxname = NULL;    /* named for the new table */
                *likeindexes = lappend(*likeindexes, def);
            }
        }
    }
    relation_close(src, NoLock);
}

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
    PgQuery__Constraint *prev_fk = NULL;    /* REFERENCES that DEFERRABLE etc. qualify */

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
                /* catalog/foreign_key.c, once the table and its keys exist */
                spec->fkeys = lappend(spec->fkeys, c);
                prev_fk = c;
                continue;
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
            case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
                /* attributes of the REFERENCES just before (transformConstraintAttrs) */
                if (prev_fk == NULL)
                    refuse(queryString, c->location, "constraint attributes (DEFERRABLE, INITIALLY ...)");
                ApplyForeignKeyAttribute(prev_fk, c);
                continue;       /* a following attribute applies to the same constraint */
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
    List       *table_fkeys = NIL;  /* PgQuery__Constraint * of FOREIGN KEY */
    List       *checks = NIL;
    List       *indexcons = NIL;    /* IndexDef *, in PostgreSQL's order */
    IndexDef   *pkey = NULL;
    int         maxcols;
    List       *like_checks = NIL;  /* CheckConstraintSpec * copied by LIKE */
    List       *likeindexes = NIL;  /* IndexDef * copied by LIKE ... INDEXES */
    List       *likecomments = NIL; /* LikeComment * copied by LIKE ... COMMENTS */

    /* ---- what the statement asks for that Basalt refuses */
    if (str_or_null(rv->catalogname))
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cross-database references are not implemented: %s.%s.%s",
                       rv->catalogname, rv->schemaname, rv->relname),
                errposition(query_position(queryString, rv->location)));
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
    {
        /* "no schema has been selected to create in" points at the name */
        relname_errpos pos = {{error_context_stack, relname_errpos_callback, NULL},
                              queryString, rv->location};

        pos.cb.arg = &pos;
        error_context_stack = &pos.cb;
        nspid = LookupCreationNamespace(NULL);
        error_context_stack = pos.cb.previous;
    }

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
    maxcols = (int) stmt->n_table_elts + 1;
    cols = palloc0(sizeof(ColumnSpec) * maxcols);
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
                            table_fkeys = lappend(table_fkeys, c);
                            break;
                        default:
                            refuse(queryString, c->location, "table constraints");
                            break;
                    }
                }
                break;
            case PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE:
                transform_like_clause(elt->table_like_clause, queryString, &cols, &ncols,
                                      &maxcols, &like_checks, &likeindexes, &likecomments);
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
        all = list_concat(all, likeindexes);
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
        else if (OidIsValid(cols[i].liketypid))
        {
            typid = cols[i].liketypid;
            typmod = cols[i].liketypmod;
        }
        else
            typenameTypeIdAndMod(cols[i].typeName, &typid, &typmod);
        if (cols[i].identity && typid != INT2OID && typid != INT4OID && typid != INT8OID)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("identity column type must be smallint, integer, or bigint"));
        TupleDescInitEntry(desc, i + 1, cols[i].name, typid, typmod,
                           cols[i].typeName ? (int) cols[i].typeName->n_array_bounds :
                           cols[i].likendims);
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
    /* UNLOGGED: recorded ('u'), stored like a permanent table (no WAL yet) */
    relid = heap_create_with_catalog(relname, nspid, desc, RELKIND_RELATION,
                                     persistence == RELPERSISTENCE_TEMP ? RELPERSISTENCE_TEMP :
                                     persistence == RELPERSISTENCE_UNLOGGED ?
                                     RELPERSISTENCE_UNLOGGED : RELPERSISTENCE_PERMANENT,
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
            (void) cookRawColumnDefault(cols[i].rawdefault, queryString, att->atttypid,
                                        att->atttypmod, NameStr(att->attname));
        }
        if (text != NULL)
            StoreAttrDefault(relid, (int16) (i + 1), text);
    }
    CommandCounterIncrement();
    /* an unlogged table's serial/identity sequences are unlogged too (PostgreSQL 15) */
    if (persistence == RELPERSISTENCE_UNLOGGED)
    {
        ListCell   *lc;

        foreach(lc, GetOwnedSequences(relid))
        {
            CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, lfirst_oid(lc),
                               Anum_pg_class_relpersistence, CharGetDatum(RELPERSISTENCE_UNLOGGED));
            CacheInvalidateRelcache(lfirst_oid(lc));
        }
        CommandCounterIncrement();
    }

    /* ---- column comments copied by LIKE ... INCLUDING COMMENTS */
    {
        ListCell   *lc;

        foreach(lc, likecomments)
        {
            LikeComment *cm = lfirst(lc);

            for (int i = 0; i < ncols; i++)
                if (strcmp(cols[i].name, cm->colname) == 0)
                    CreateComments(relid, RelationRelationId, i + 1, cm->text);
        }
    }

    /* ---- CHECK constraints: column constraints first, as PostgreSQL */
    for (int i = 0; i < ncols; i++)
        checks = list_concat(checks, cols[i].checks);
    checks = list_concat(checks, table_checks);
    checks = list_concat(checks, like_checks);
    if (checks != NIL)
        AddRelationCheckConstraints(relid, checks, queryString);

    /* ---- the indexes of PRIMARY KEY / UNIQUE constraints (catalog/index.c) */
    {
        ListCell   *lc;

        foreach(lc, indexcons)
            (void) DefineIndexInternal(relid, lfirst(lc), queryString);
    }

    /*
     * ---- FOREIGN KEY constraints (catalog/foreign_key.c), after the
     * table's own keys so that it can reference itself; column
     * constraints first.  The new table is empty: nothing to validate.
     */
    {
        ListCell   *lc;

        for (int i = 0; i < ncols; i++)
            foreach(lc, cols[i].fkeys)
                AddForeignKeyConstraint(relid, lfirst(lc), cols[i].name, queryString, false);
        foreach(lc, table_fkeys)
            AddForeignKeyConstraint(relid, lfirst(lc), NULL, queryString, false);
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
