/*-------------------------------------------------------------------------
 * pg_constraint.c
 *    CHECK constraints: definition (CREATE TABLE), storage in
 *    pg_constraint, and lookup for the executor (PostgreSQL's
 *    AddRelationNewConstraints / StoreRelCheck / CheckConstraintFetch).
 *
 * Principal entry points:
 *    AddRelationCheckConstraints   validate, name and store
 *    RelationGetCheckConstraints   (name, SQL text) list, by name
 *    cookCheckConstraint           analyze one against its table
 *    AddTableCheckConstraint       ALTER TABLE ADD CHECK [NOT VALID]: rows checked
 *    ValidateTableConstraint       VALIDATE CONSTRAINT (CHECK here, FK in foreign_key.c)
 *    RenameTableConstraint         RENAME CONSTRAINT (a PK/UNIQUE index follows)
 *    DropCheckConstraintsOnColumn  DROP COLUMN: the CHECKs using it go
 *    RenameColumnInCheckConstraints  RENAME COLUMN: stored SQL text rewritten
 *    RevalidateCheckConstraints    ALTER COLUMN TYPE: re-analyzed, rows re-checked
 *
 * Names follow PostgreSQL's ChooseConstraintName: an unnamed constraint
 * referencing exactly one column is <table>_<column>_check, otherwise
 * <table>_check; a taken name gets 1, 2, ... appended to the label.  A
 * named constraint whose name is taken is 42710.  pg_class.relchecks
 * counts them.  conbin is SQL text (docs/DECISIONS.md 13), conkey the
 * referenced columns.  The text never names the table (t.col is stored as
 * col), so renaming the table leaves it valid; renaming a column rewrites
 * it.  A column's type change keeps the text, re-analyzed against the new
 * type: where PostgreSQL's stored tree carries an implicit cast to the old
 * type (length(varchar_col) retyped to int), Basalt's text no longer
 * analyzes and the ALTER fails.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "planner/parser.h"
#include "backend/utils/stringinfo.h"
#include "backend/interrupts.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/foreign_key.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "executor/execnodes.h"
#include "executor/tuptable.h"
#include "planner/nodefuncs.h"
#include "planner/primnodes.h"
#include "planner/planner.h"
#include "procs/array.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

#include <ctype.h>
#include <strings.h>

/*
 * Drop the table-name qualifier of column references (t.col -> col) in a
 * raw CHECK expression before its text is stored: PostgreSQL stores Vars,
 * which survive ALTER TABLE RENAME; the stored text must not name the
 * table either.  A raw_tree_children visitor; arg is the relation name.
 */
static bool
strip_rel_qualifiers(ProtobufCMessage *msg, void *arg)
{
    const char *relname = arg;

    if (msg->descriptor == &pg_query__column_ref__descriptor)
    {
        PgQuery__ColumnRef *cr = (PgQuery__ColumnRef *) msg;

        if (cr->n_fields == 2 && cr->fields[0]->node_case == PG_QUERY__NODE__NODE_STRING &&
            cr->fields[1]->node_case == PG_QUERY__NODE__NODE_STRING &&
            strcmp(cr->fields[0]->string->sval, relname) == 0)
        {
            cr->fields[0] = cr->fields[1];
            cr->n_fields = 1;
        }
        return false;
    }
    return raw_tree_children(msg, strip_rel_qualifiers, arg);
}

/* The SQL text stored for a raw CHECK expression of relation relname. */
static char *
check_source_text(PgQuery__Node *raw_expr, const char *relname)
{
    (void) strip_rel_qualifiers((ProtobufCMessage *) raw_expr, (void *) relname);
    return deparse_raw_expr(raw_expr);
}

typedef struct FindNode
{
    NodeTag     tag;
    int         location;
} FindNode;

static bool
find_node_walker(Node *node, void *arg)
{
    FindNode   *f = arg;

    if (node == NULL)
        return false;
    if (nodeTag(node) == f->tag)
    {
        f->location = exprLocation(node);
        return true;
    }
    return expression_tree_walker(node, find_node_walker, arg);
}

/*
 * errposition of byte location loc in sql (analyzed text), or of the first
 * node of kind tag in expr when tag is not T_Invalid.  The position is in
 * sql's coordinates: callers analyzing a statement's CHECK map it (see
 * check_position_callback below) or drop it.
 */
static int
check_errposition(const char *sql, Node *expr, NodeTag tag, int loc)
{
    int         chars = 0;

    if (tag != T_Invalid)
    {
        FindNode    f = {tag, -1};

        (void) find_node_walker(expr, &f);
        loc = f.location;
    }
    if (loc < 0)
        return 0;
    for (int i = 0; i < loc && sql[i] != '\0'; i++)
        chars += ((unsigned char) sql[i] & 0xC0) != 0x80;
    return errposition(chars + 1);
}

Node *
cookCheckConstraint(Oid relid, const char *consrc)
{
    char       *sql;
    List       *raw;
    Query      *q;
    TargetEntry *te;
    Oid         type;

    sql = psprintf("SELECT %s FROM %s.%s", consrc,
                   quote_identifier(get_namespace_name(get_rel_namespace(relid))),
                   quote_identifier(get_rel_name(relid)));
    raw = raw_parser(sql);
    if (list_length(raw) != 1)
        elog(ERROR, "invalid check constraint text: %s", consrc);
    q = parse_analyze_fixedparams(linitial(raw), sql, NULL, 0);
    te = linitial(q->targetList);
    if (q->hasSubLinks)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("cannot use subquery in check constraint"),
                check_errposition(sql, (Node *) te->expr, T_SubLink, -1));
    if (q->hasAggs)
        ereport(ERROR, errcode(ERRCODE_GROUPING_ERROR),
                errmsg("aggregate functions are not allowed in check constraints"),
                check_errposition(sql, (Node *) te->expr, T_Aggref, -1));
    if (q->hasWindowFuncs)
        ereport(ERROR, errcode(ERRCODE_WINDOWING_ERROR),
                errmsg("window functions are not allowed in check constraints"),
                check_errposition(sql, (Node *) te->expr, T_WindowFunc, -1));
    if (q->hasTargetSRFs)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("set-returning functions are not allowed in check constraints"));
    type = exprType((Node *) te->expr);
    if (type != BOOLOID)
        ereport(ERROR, errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("argument of %s must be type %s, not type %s", "CHECK", "boolean",
                       format_type_be(type)),
                check_errposition(sql, NULL, T_Invalid, exprLocation((Node *) te->expr)));
    return (Node *) te->expr;
}

typedef struct VarCollect
{
    List       *attnos;
} VarCollect;

static bool
collect_vars(Node *node, void *ctx)
{
    VarCollect *vc = ctx;

    if (node == NULL)
        return false;
    if (IsA(node, Var))
    {
        int attno = ((Var *) node)->varattno;

        if (!list_member_int(vc->attnos, attno))
            vc->attnos = lappend_int(vc->attnos, attno);
        return false;
    }
    return expression_tree_walker(node, collect_vars, ctx);
}

/* Is conname used by a constraint of relid (or chosen already)? */
static bool
constraint_name_taken(Oid relid, Oid nspid, const char *name, List *chosen)
{
    List       *existing = RelationGetCheckConstraints(relid);
    ListCell   *lc;

    (void) nspid;
    foreach(lc, existing)
        if (strcmp(((CheckConstraintDef *) lfirst(lc))->conname, name) == 0)
            return true;
    foreach(lc, chosen)
        if (strcmp((char *) lfirst(lc), name) == 0)
            return true;
    return false;
}

/* PostgreSQL's makeObjectName with name2 optional. */
static char *
object_name(const char *name1, const char *name2, const char *label)
{
    int     l1 = (int) strlen(name1), l2 = name2 ? (int) strlen(name2) : 0;
    int     overhead = (int) strlen(label) + 1 + (name2 ? 1 : 0);

    while (l1 + l2 + overhead > NAMEDATALEN - 1)
    {
        if (l1 > l2)
            l1--;
        else
            l2--;
    }
    while (l1 > 0 && ((unsigned char) name1[l1] & 0xC0) == 0x80)
        l1--;
    while (l2 > 0 && ((unsigned char) name2[l2] & 0xC0) == 0x80)
        l2--;
    /* the lengths were trimmed above so the result fits in NAMEDATALEN */
    if (name2)
        return psprintf("%.*s_%.*s_%s", l1, name1, l2, name2, label);
    return psprintf("%.*s_%s", l1, name1, label);
}

char *
ConstraintObjectName(const char *name1, const char *name2, const char *label)
{
    return object_name(name1, name2, label);
}

static void
store_check(Oid relid, Oid nspid, const char *name, const char *src, List *attnos,
            bool validated, bool noinherit)
{
    Relation    rel = table_open(ConstraintRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_constraint];
    bool        nulls[Natts_pg_constraint];
    HeapTuple   tup;
    NameData    nd;
    Datum      *keys;
    int         nkeys = list_length(attnos);
    int         i = 0;
    ListCell   *lc;

    memset(values, 0, sizeof(values));
    memset(nulls, true, sizeof(nulls));
    memset(&nd, 0, sizeof(nd));
    strncpy(NameStr(nd), name, NAMEDATALEN - 1);
#define SETV(a, v) (values[(a) - 1] = (v), nulls[(a) - 1] = false)
    SETV(Anum_pg_constraint_oid, ObjectIdGetDatum(GetNewObjectId()));
    SETV(Anum_pg_constraint_conname, PointerGetDatum(&nd));
    SETV(Anum_pg_constraint_connamespace, ObjectIdGetDatum(nspid));
    SETV(Anum_pg_constraint_contype, CharGetDatum('c'));
    SETV(Anum_pg_constraint_condeferrable, BoolGetDatum(false));
    SETV(Anum_pg_constraint_condeferred, BoolGetDatum(false));
    SETV(Anum_pg_constraint_convalidated, BoolGetDatum(validated));
    SETV(Anum_pg_constraint_conrelid, ObjectIdGetDatum(relid));
    SETV(Anum_pg_constraint_contypid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_conindid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_conparentid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confrelid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confupdtype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_confdeltype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_confmatchtype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_conislocal, BoolGetDatum(true));
    SETV(Anum_pg_constraint_coninhcount, Int32GetDatum(0));
    SETV(Anum_pg_constraint_connoinherit, BoolGetDatum(noinherit));
    if (nkeys > 0)
    {
        keys = palloc(sizeof(Datum) * nkeys);
        foreach(lc, attnos)
            keys[i++] = Int16GetDatum((int16) lfirst_int(lc));
        SETV(Anum_pg_constraint_conkey,
             PointerGetDatum(construct_array(keys, nkeys, INT2OID, 2, true, 's')));
    }
    SETV(Anum_pg_constraint_conbin, CStringGetTextDatum(src));
#undef SETV
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

/* pg_class.relchecks := n */
static void
set_relchecks(Oid relid, int n)
{
    CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, relid,
                       Anum_pg_class_relchecks, Int16GetDatum((int16) n));
    CacheInvalidateRelcache(relid);
}

/*
 * PostgreSQL analyzes ALTER TABLE's CHECK expressions without the query
 * text: their errors carry no position (ours would point into the
 * synthetic SELECT cookCheckConstraint analyzes).
 */
static void
no_position_callback(void *arg)
{
    (void) arg;
    (void) errposition(0);
}

/*
 * Error positions of CREATE TABLE's CHECK expressions.  cookCheckConstraint
 * analyzes "SELECT <stored text> FROM t", so an error points into that
 * string; PostgreSQL points at the token in the statement.  The token at
 * the error is found in the stored text, and its k-th occurrence there is
 * mapped to its k-th occurrence in the expression's span of the statement
 * (the stored text is the statement's expression re-printed: same tokens,
 * same order).  No match: no position rather than a wrong one.
 */
typedef struct CheckPosContext
{
    const char *src;            /* stored text */
    const char *query;          /* the statement */
    int         span_start;     /* byte offsets of the expression in query */
    int         span_end;
} CheckPosContext;

static bool
is_ident_byte(unsigned char ch)
{
    return isalnum(ch) || ch == '_' || ch == '$' || ch >= 0x80;
}

/* Length in bytes of the token starting at s[i]. */
static int
token_length(const char *s, int i)
{
    int         j = i;

    if (is_ident_byte((unsigned char) s[i]))
    {
        while (s[j] != '\0' && is_ident_byte((unsigned char) s[j]))
            j++;
        return j - i;
    }
    if (s[i] == '\'' || s[i] == '"')
    {
        for (j = i + 1; s[j] != '\0' && s[j] != s[i]; j++)
            ;
        return s[j] ? j - i + 1 : j - i;
    }
    if (strchr("+-*/<>=~!@#%^&|`?", s[i]) != NULL)
    {
        while (s[j] != '\0' && strchr("+-*/<>=~!@#%^&|`?", s[j]) != NULL)
            j++;
        return j - i;
    }
    return 1;
}

/* Byte offsets in s[from, to) where the token tok (len bytes) starts, counted. */
static int
find_token(const char *s, int from, int to, const char *tok, int len, int nth)
{
    int         seen = 0;
    int         i = from;

    while (i < to && s[i] != '\0')
    {
        int         tl;

        if (isspace((unsigned char) s[i]))
        {
            i++;
            continue;
        }
        tl = token_length(s, i);
        if (tl == len && strncasecmp(s + i, tok, (size_t) len) == 0 && seen++ == nth)
            return i;
        i += tl;
    }
    return -1;
}

static void
check_position_callback(void *arg)
{
    CheckPosContext *ctx = arg;
    int         pos = geterrposition();
    int         prefix = 7;     /* "SELECT " */
    int         byte = 0;
    int         chars = 0;
    int         len;
    int         nth = 0;
    int         i;
    int         at;
    const char *tok;

    if (pos <= 0)
        return;
    /* the character position in "SELECT <src> ..." as a byte offset in src */
    for (i = 0; chars < pos - 1; i++)
    {
        char        ch = i < prefix ? 'S' : ctx->src[i - prefix];

        if (ch == '\0')
            break;
        chars += ((unsigned char) ch & 0xC0) != 0x80;
        byte = i + 1;
    }
    byte -= prefix;
    if (byte < 0 || byte >= (int) strlen(ctx->src))
    {
        (void) errposition(0);
        return;
    }
    tok = ctx->src + byte;
    len = token_length(ctx->src, byte);
    /* which occurrence of the token this is in src */
    for (i = 0;; nth++)
    {
        i = find_token(ctx->src, i, byte, tok, len, 0);
        if (i < 0)
            break;
        i += len;
    }
    at = find_token(ctx->query, ctx->span_start, ctx->span_end, tok, len, nth);
    if (at < 0)
    {
        (void) errposition(0);
        return;
    }
    chars = 0;
    for (i = 0; i < at; i++)
        chars += ((unsigned char) ctx->query[i] & 0xC0) != 0x80;
    (void) errposition(chars + 1);
}

/* The byte span of CHECK ( expr )'s expr in query, from the constraint's location. */
static bool
check_expr_span(const char *query, int location, int *start, int *end)
{
    int         i = location;
    int         depth = 0;
    char        quote = 0;

    if (query == NULL || location < 0 || location >= (int) strlen(query))
        return false;
    while (query[i] != '\0' && query[i] != '(')
        i++;
    if (query[i] != '(')
        return false;
    *start = i + 1;
    for (; query[i] != '\0'; i++)
    {
        if (quote)
        {
            if (query[i] == quote)
                quote = 0;
            continue;
        }
        if (query[i] == '\'' || query[i] == '"')
            quote = query[i];
        else if (query[i] == '(')
            depth++;
        else if (query[i] == ')' && --depth == 0)
        {
            *end = i;
            return true;
        }
    }
    return false;
}

void
AddRelationCheckConstraints(Oid relid, List *specs, const char *queryString)
{
    Oid         nspid = get_rel_namespace(relid);
    char       *relname = get_rel_name(relid);
    List       *chosen = NIL;
    ListCell   *lc;
    int         n = 0;

    foreach(lc, specs)
    {
        CheckConstraintSpec *spec = lfirst(lc);
        PgQuery__Constraint *c = spec->con;
        char       *src = check_source_text(c->raw_expr, relname);
        Node       *expr;
        CheckPosContext pctx;
        ErrorContextCallback errcb;

        pctx.src = src;
        pctx.query = queryString;
        errcb.callback = check_expr_span(queryString, c->location, &pctx.span_start,
                                         &pctx.span_end) ?
            check_position_callback : no_position_callback;
        errcb.arg = &pctx;
        errcb.previous = error_context_stack;
        error_context_stack = &errcb;
        expr = cookCheckConstraint(relid, src);
        error_context_stack = errcb.previous;
        VarCollect  vc = {NIL};
        char       *name;

        (void) collect_vars(expr, &vc);
        if (c->conname != NULL && c->conname[0] != '\0')
        {
            name = c->conname;
            if (constraint_name_taken(relid, nspid, name, chosen))
                ereport(ERROR, errcode(ERRCODE_DUPLICATE_OBJECT),
                        errmsg("check constraint \"%s\" already exists", name));
        }
        else
        {
            const char *colname = NULL;

            if (list_length(vc.attnos) == 1)
            {
                Relation r = relation_open(relid, NoLock);

                colname = pstrdup(NameStr(TupleDescAttr(RelationGetDescr(r),
                                                        linitial_int(vc.attnos) - 1)->attname));
                relation_close(r, NoLock);
            }
            for (int pass = 0;; pass++)
            {
                char label[NAMEDATALEN];

                if (pass == 0)
                    snprintf(label, sizeof(label), "check");
                else
                    snprintf(label, sizeof(label), "check%d", pass);
                name = object_name(relname, colname, label);
                if (!constraint_name_taken(relid, nspid, name, chosen))
                    break;
            }
        }
        chosen = lappend(chosen, name);
        store_check(relid, nspid, name, src, vc.attnos, true, c->is_no_inherit);
        n++;
    }
    if (n > 0)
    {
        set_relchecks(relid, n);
        CommandCounterIncrement();
    }
}


typedef struct ConRow
{
    Oid         oid;
    char       *conname;
    char        contype;
    bool        convalidated;
    Oid         conindid;
    char       *conbin;         /* CHECK: SQL text; else NULL */
    List       *conkey;         /* int attnums */
    ItemPointerData tid;
} ConRow;

/* The constraints of relid (ConRow *), in scan order. */
static List *
relation_constraints(Oid relid)
{
    Relation    rel = table_open(ConstraintRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;
        ConRow     *r;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull)) != relid)
            continue;
        r = palloc0(sizeof(ConRow));
        r->oid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_oid, desc, &isnull));
        r->conname = pstrdup(NameStr(*(Name) DatumGetPointer(heap_getattr(tup, Anum_pg_constraint_conname,
                                                                            desc, &isnull))));
        r->contype = DatumGetChar(heap_getattr(tup, Anum_pg_constraint_contype, desc, &isnull));
        r->convalidated = DatumGetBool(heap_getattr(tup, Anum_pg_constraint_convalidated, desc, &isnull));
        r->conindid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conindid, desc, &isnull));
        d = heap_getattr(tup, Anum_pg_constraint_conbin, desc, &isnull);
        if (!isnull)
            r->conbin = TextDatumGetCString(d);
        d = heap_getattr(tup, Anum_pg_constraint_conkey, desc, &isnull);
        if (!isnull)
        {
            ArrayType  *arr = DatumGetArrayTypeP(d);
            Datum      *elems;
            bool       *enulls;
            int         n;

            deconstruct_array(arr, INT2OID, 2, true, 's', &elems, &enulls, &n);
            for (int i = 0; i < n; i++)
                r->conkey = lappend_int(r->conkey, DatumGetInt16(elems[i]));
        }
        r->tid = tup->t_self;
        result = lappend(result, r);
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

/* The CHECK constraints of relid (CheckConstraintDef *), sorted by name. */
List *
RelationGetCheckConstraints(Oid relid)
{
    List       *result = NIL;
    ListCell   *c;

    foreach(c, relation_constraints(relid))
    {
        ConRow     *r = lfirst(c);
        CheckConstraintDef *def;

        if (r->contype != 'c' || r->conbin == NULL)
            continue;
        def = palloc(sizeof(CheckConstraintDef));
        def->consrc = r->conbin;
        def->conname = r->conname;
        result = lappend(result, def);
    }
    /* by name, as PostgreSQL checks them (insertion sort: lists are short) */
    {
        int         n = list_length(result);
        CheckConstraintDef **arr = palloc(sizeof(CheckConstraintDef *) * (n + 1));
        List       *sorted = NIL;
        int         i = 0;
        ListCell   *lc;

        foreach(lc, result)
        {
            int j = i++;

            arr[j] = lfirst(lc);
            while (j > 0 && strcmp(arr[j - 1]->conname, arr[j]->conname) > 0)
            {
                CheckConstraintDef *t = arr[j - 1];

                arr[j - 1] = arr[j];
                arr[j] = t;
                j--;
            }
        }
        for (i = 0; i < n; i++)
            sorted = lappend(sorted, arr[i]);
        return sorted;
    }
}

/* ---------------------------------------------------------------- PRIMARY KEY / UNIQUE */

/*
 * Scan pg_constraint, calling fn on each row; stops when fn returns true.
 * The row is only valid during the call.
 */
typedef bool (*constraint_fn) (HeapTuple tup, TupleDesc desc, void *arg);

static void
scan_constraints(constraint_fn fn, void *arg)
{
    Relation    rel = table_open(ConstraintRelationId, AccessShareLock);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        if (fn(tup, RelationGetDescr(rel), arg))
            break;
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
}

typedef struct ConMatch
{
    Oid         relid;          /* conrelid to match, or InvalidOid */
    Oid         nspid;          /* connamespace to match, or InvalidOid */
    Oid         indexid;        /* conindid to match, or InvalidOid */
    const char *name;           /* conname to match, or NULL */
    bool        found;
    char        contype;
    Oid         conindid;
    Oid         conoid;
    char       *conname;
    ItemPointerData tid;
} ConMatch;

static bool
match_constraint(HeapTuple tup, TupleDesc desc, void *arg)
{
    ConMatch   *m = arg;
    bool        isnull;
    Name        name = (Name) DatumGetPointer(heap_getattr(tup, Anum_pg_constraint_conname, desc, &isnull));

    if (OidIsValid(m->relid) &&
        DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull)) != m->relid)
        return false;
    if (OidIsValid(m->nspid) &&
        DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_connamespace, desc, &isnull)) != m->nspid)
        return false;
    /* a foreign key's conindid is the referenced index, which it does not own */
    if (OidIsValid(m->indexid) &&
        (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conindid, desc, &isnull)) != m->indexid ||
         DatumGetChar(heap_getattr(tup, Anum_pg_constraint_contype, desc, &isnull)) == 'f'))
        return false;
    if (m->name != NULL && strcmp(NameStr(*name), m->name) != 0)
        return false;
    m->found = true;
    m->contype = DatumGetChar(heap_getattr(tup, Anum_pg_constraint_contype, desc, &isnull));
    m->conindid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conindid, desc, &isnull));
    m->conoid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_oid, desc, &isnull));
    m->conname = pstrdup(NameStr(*name));
    m->tid = tup->t_self;
    return true;
}

bool
ConstraintNameExistsInNamespace(const char *name, Oid nspid)
{
    ConMatch    m = {InvalidOid, nspid, InvalidOid, name};

    scan_constraints(match_constraint, &m);
    return m.found;
}

bool
ConstraintNameIsUsed(Oid relid, const char *name)
{
    ConMatch    m = {relid, InvalidOid, InvalidOid, name};

    scan_constraints(match_constraint, &m);
    return m.found;
}

char *
GetConstraintNameOfIndex(Oid indexid)
{
    ConMatch    m = {InvalidOid, InvalidOid, indexid, NULL};

    scan_constraints(match_constraint, &m);
    return m.found ? m.conname : NULL;
}

void
CreateIndexConstraint(Oid relid, Oid nspid, const char *name, char contype, Oid indexid,
                      const int16 *attnums, int nkeys)
{
    Relation    rel = table_open(ConstraintRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_constraint];
    bool        nulls[Natts_pg_constraint];
    Datum       keys[INDEX_MAX_KEYS];
    HeapTuple   tup;
    NameData    nd;

    memset(values, 0, sizeof(values));
    memset(nulls, true, sizeof(nulls));
    memset(&nd, 0, sizeof(nd));
    strncpy(NameStr(nd), name, NAMEDATALEN - 1);
#define SETV(a, v) (values[(a) - 1] = (v), nulls[(a) - 1] = false)
    SETV(Anum_pg_constraint_oid, ObjectIdGetDatum(GetNewObjectId()));
    SETV(Anum_pg_constraint_conname, PointerGetDatum(&nd));
    SETV(Anum_pg_constraint_connamespace, ObjectIdGetDatum(nspid));
    SETV(Anum_pg_constraint_contype, CharGetDatum(contype));
    SETV(Anum_pg_constraint_condeferrable, BoolGetDatum(false));
    SETV(Anum_pg_constraint_condeferred, BoolGetDatum(false));
    SETV(Anum_pg_constraint_convalidated, BoolGetDatum(true));
    SETV(Anum_pg_constraint_conrelid, ObjectIdGetDatum(relid));
    SETV(Anum_pg_constraint_contypid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_conindid, ObjectIdGetDatum(indexid));
    SETV(Anum_pg_constraint_conparentid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confrelid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confupdtype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_confdeltype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_confmatchtype, CharGetDatum(' '));
    SETV(Anum_pg_constraint_conislocal, BoolGetDatum(true));
    SETV(Anum_pg_constraint_coninhcount, Int32GetDatum(0));
    SETV(Anum_pg_constraint_connoinherit, BoolGetDatum(true));
    for (int i = 0; i < nkeys; i++)
        keys[i] = Int16GetDatum(attnums[i]);
    SETV(Anum_pg_constraint_conkey,
         PointerGetDatum(construct_array(keys, nkeys, INT2OID, 2, true, 's')));
#undef SETV
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
}

void
RemoveConstraintOfIndex(Oid indexid)
{
    ConMatch    m = {InvalidOid, InvalidOid, indexid, NULL};

    scan_constraints(match_constraint, &m);
    if (m.found)
    {
        Relation    rel = table_open(ConstraintRelationId, RowExclusiveLock);

        CatalogTupleDelete(rel, &m.tid);
        table_close(rel, RowExclusiveLock);
    }
}

void
RenameConstraintOfIndex(Oid indexid, const char *newname)
{
    NameData    nd;
    ConMatch    m = {InvalidOid, InvalidOid, indexid, NULL};

    scan_constraints(match_constraint, &m);
    if (!m.found)
        return;
    memset(&nd, 0, sizeof(nd));
    strncpy(NameStr(nd), newname, NAMEDATALEN - 1);
    CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, m.conoid,
                       Anum_pg_constraint_conname, PointerGetDatum(&nd));
}

void
DropConstraintByName(Relation rel, const char *name, bool missing_ok)
{
    DropConstraintByNameCascade(rel, name, missing_ok, false);
}

void
DropConstraintByNameCascade(Relation rel, const char *name, bool missing_ok, bool cascade)
{
    Oid         relid = RelationGetRelid(rel);
    ConMatch    m = {relid, InvalidOid, InvalidOid, name};

    scan_constraints(match_constraint, &m);
    if (!m.found)
    {
        if (missing_ok)
        {
            ereport(NOTICE,
                    errmsg("constraint \"%s\" of relation \"%s\" does not exist, skipping",
                           name, RelationGetRelationName(rel)));
            return;
        }
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("constraint \"%s\" of relation \"%s\" does not exist",
                       name, RelationGetRelationName(rel)));
    }
    if (m.contype == 'f')
        RemoveForeignKeyById(m.conoid);     /* catalog/foreign_key.c */
    else if (OidIsValid(m.conindid))
    {
        ListCell   *lc;
        StringInfoData detail;
        List       *users = NIL;

        /* the foreign keys using the index depend on it */
        initStringInfo(&detail);
        foreach(lc, RelationGetReferencingForeignKeys(relid))
        {
            ForeignKeyInfo *fk = lfirst(lc);

            if (fk->conindid != m.conindid)
                continue;
            users = lappend(users, fk);
            if (cascade)
                appendStringInfo(&detail, "%sdrop cascades to constraint %s on table %s",
                                 detail.len ? "\n" : "", NameStr(fk->conname),
                                 get_rel_name(fk->conrelid));
            else
                appendStringInfo(&detail, "%sconstraint %s on table %s depends on index %s",
                                 detail.len ? "\n" : "", NameStr(fk->conname),
                                 get_rel_name(fk->conrelid), get_rel_name(m.conindid));
        }
        if (cascade && list_length(users) == 1)
            ereport(NOTICE, errmsg("%s", detail.data));
        else if (cascade && users != NIL)
            ereport(NOTICE,
                    errmsg("drop cascades to %d other objects", list_length(users)),
                    errdetail("%s", detail.data));
        foreach(lc, cascade ? users : NIL)
            RemoveForeignKeyById(((ForeignKeyInfo *) lfirst(lc))->conoid);
        if (!cascade && detail.len > 0)
            ereport(ERROR,
                    errcode(ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST),
                    errmsg("cannot drop constraint %s on table %s because other objects depend on it",
                           name, RelationGetRelationName(rel)),
                    errdetail("%s", detail.data),
                    errhint("Use DROP ... CASCADE to drop the dependent objects too."));
        /* the index goes with the constraint (index_drop removes the row) */
        LockRelationOid(m.conindid, AccessExclusiveLock);
        index_drop(m.conindid);
    }
    else
    {
        Relation    crel = table_open(ConstraintRelationId, RowExclusiveLock);

        CatalogTupleDelete(crel, &m.tid);
        table_close(crel, RowExclusiveLock);
        CommandCounterIncrement();
        if (m.contype == 'c')
            set_relchecks(relid, list_length(RelationGetCheckConstraints(relid)));
    }
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- ALTER TABLE and CHECK */

/*
 * Every visible row of rel must satisfy consrc (NULL passes): otherwise
 * 23514, PostgreSQL's validateCheckConstraint.  The caller holds
 * AccessExclusiveLock, so the rows cannot change under the scan.
 */
static void
validate_check_rows(Relation rel, const char *conname, const char *consrc)
{
    Node       *expr = cookCheckConstraint(RelationGetRelid(rel), consrc);
    EState     *estate = CreateExecutorState();
    ExprContext *econtext = CreateExprContext(estate);
    ExprState  *state = ExecInitExpr((Expr *) expr, NULL);
    TupleTableSlot *slot = MakeSingleTupleTableSlot(RelationGetDescr(rel));
    HeapScanDesc scan = heap_beginscan(rel, GetTransactionSnapshot());
    HeapTuple   tup;

    econtext->ecxt_scantuple = slot;
    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        Datum       d;

        CHECK_FOR_INTERRUPTS();
        ExecStoreHeapTuple(tup, slot, false);
        d = ExecEvalExprSwitchContext(state, econtext, &isnull);
        if (!isnull && !DatumGetBool(d))
            ereport(ERROR,
                    errcode(ERRCODE_CHECK_VIOLATION),
                    errmsg("check constraint \"%s\" of relation \"%s\" is violated by some row",
                           conname, RelationGetRelationName(rel)),
                    errtable(NULL, RelationGetRelationName(rel)),
                    errconstraint_name(conname));
        ExecClearTuple(slot);
        MemoryContextReset(econtext->ecxt_per_tuple_memory);
    }
    heap_endscan(scan);
    ExecDropSingleTupleTableSlot(slot);
    FreeExecutorState(estate);
}

/* One pg_constraint row of a relation, as ALTER TABLE needs it. */

static ConRow *
find_constraint(Oid relid, const char *name)
{
    ListCell   *lc;

    foreach(lc, relation_constraints(relid))
        if (strcmp(((ConRow *) lfirst(lc))->conname, name) == 0)
            return lfirst(lc);
    return NULL;
}

void
AddTableCheckConstraint(Relation rel, PgQuery__Constraint *c)
{
    Oid         relid = RelationGetRelid(rel);
    Oid         nspid = RelationGetNamespace(rel);
    char       *src = check_source_text(c->raw_expr, RelationGetRelationName(rel));
    Node       *expr;
    VarCollect  vc = {NIL};
    char       *name;
    ErrorContextCallback errcb;

    errcb.callback = no_position_callback;
    errcb.arg = NULL;
    errcb.previous = error_context_stack;
    error_context_stack = &errcb;
    expr = cookCheckConstraint(relid, src);
    error_context_stack = errcb.previous;
    (void) collect_vars(expr, &vc);
    if (c->conname != NULL && c->conname[0] != '\0')
    {
        name = c->conname;
        if (find_constraint(relid, name) != NULL)
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_OBJECT),
                    errmsg("constraint \"%s\" for relation \"%s\" already exists",
                           name, RelationGetRelationName(rel)));
    }
    else
    {
        /* ChooseConstraintName: unique in the namespace */
        const char *colname = NULL;

        if (list_length(vc.attnos) == 1)
            colname = NameStr(TupleDescAttr(RelationGetDescr(rel), linitial_int(vc.attnos) - 1)->attname);
        for (int pass = 0;; pass++)
        {
            char        label[NAMEDATALEN];

            if (pass == 0)
                snprintf(label, sizeof(label), "check");
            else
                snprintf(label, sizeof(label), "check%d", pass);
            name = object_name(RelationGetRelationName(rel), colname, label);
            if (!ConstraintNameExistsInNamespace(name, nspid))
                break;
        }
    }
    /* NOT VALID skips the rows there are; new rows are checked either way */
    if (!c->skip_validation)
        validate_check_rows(rel, name, src);
    store_check(relid, nspid, name, src, vc.attnos, !c->skip_validation, c->is_no_inherit);
    CommandCounterIncrement();
    set_relchecks(relid, list_length(RelationGetCheckConstraints(relid)));
    CommandCounterIncrement();
}

void
ValidateTableConstraint(Relation rel, const char *name)
{
    ConRow     *r = find_constraint(RelationGetRelid(rel), name);

    if (r == NULL)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("constraint \"%s\" of relation \"%s\" does not exist",
                       name, RelationGetRelationName(rel)));
    if (r->contype != 'c' && r->contype != 'f')
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("constraint \"%s\" of relation \"%s\" is not a foreign key or check constraint",
                       name, RelationGetRelationName(rel)));
    if (r->convalidated)
        return;
    if (r->contype == 'f')
    {
        ValidateForeignKeyConstraint(rel, name);   /* catalog/foreign_key.c */
        return;
    }
    validate_check_rows(rel, r->conname, r->conbin);
    CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, r->oid,
                       Anum_pg_constraint_convalidated, BoolGetDatum(true));
    CacheInvalidateRelcache(RelationGetRelid(rel));
    CommandCounterIncrement();
}

void
RevalidateCheckConstraints(Oid relid)
{
    List       *defs = RelationGetCheckConstraints(relid);
    Relation    rel;
    ListCell   *lc;

    if (defs == NIL)
        return;
    rel = relation_open(relid, NoLock);
    foreach(lc, defs)
    {
        CheckConstraintDef *def = lfirst(lc);

        validate_check_rows(rel, def->conname, def->consrc);
    }
    relation_close(rel, NoLock);
}

void
CookCheckConstraints(Oid relid)
{
    ListCell   *lc;

    foreach(lc, RelationGetCheckConstraints(relid))
        (void) cookCheckConstraint(relid, ((CheckConstraintDef *) lfirst(lc))->consrc);
}

void
DropCheckConstraintsOnColumn(Oid relid, int16 attnum)
{
    List       *rows = relation_constraints(relid);
    bool        dropped = false;
    ListCell   *lc;

    foreach(lc, rows)
    {
        ConRow     *r = lfirst(lc);

        if (r->contype != 'c' || !list_member_int(r->conkey, attnum))
            continue;
        {
            Relation    crel = table_open(ConstraintRelationId, RowExclusiveLock);

            CatalogTupleDelete(crel, &r->tid);
            table_close(crel, RowExclusiveLock);
        }
        dropped = true;
    }
    if (dropped)
    {
        CommandCounterIncrement();
        set_relchecks(relid, list_length(RelationGetCheckConstraints(relid)));
        CommandCounterIncrement();
    }
}

typedef struct ColumnRename
{
    const char *relname;
    const char *oldcol;
    const char *newcol;
} ColumnRename;

/*
 * Rename ColumnRef oldcol (alone or qualified by relname) to newcol in a
 * raw expression tree; true if any changed.  A raw_tree_children visitor;
 * arg is a ColumnRename.
 */
static bool
rename_column_refs(ProtobufCMessage *msg, void *arg)
{
    const ColumnRename *cr_arg = arg;
    const char *relname = cr_arg->relname;
    const char *oldcol = cr_arg->oldcol;
    const char *newcol = cr_arg->newcol;

    if (msg->descriptor == &pg_query__column_ref__descriptor)
    {
        PgQuery__ColumnRef *cr = (PgQuery__ColumnRef *) msg;
        PgQuery__Node *last;

        if (cr->n_fields == 0 || cr->n_fields > 2)
            return false;
        if (cr->n_fields == 2 &&
            (cr->fields[0]->node_case != PG_QUERY__NODE__NODE_STRING ||
             strcmp(cr->fields[0]->string->sval, relname) != 0))
            return false;
        last = cr->fields[cr->n_fields - 1];
        if (last->node_case != PG_QUERY__NODE__NODE_STRING ||
            strcmp(last->string->sval, oldcol) != 0)
            return false;
        last->string->sval = pstrdup(newcol);
        return true;
    }
    return raw_tree_children(msg, rename_column_refs, arg);
}

void
RenameColumnInCheckConstraints(Oid relid, const char *oldcol, const char *newcol)
{
    ColumnRename rename = {get_rel_name(relid), oldcol, newcol};
    ListCell   *lc;

    foreach(lc, relation_constraints(relid))
    {
        ConRow     *r = lfirst(lc);
        List       *raw;
        PgQuery__SelectStmt *sel;
        PgQuery__Node *val;

        if (r->contype != 'c' || r->conbin == NULL)
            continue;
        raw = raw_parser(psprintf("SELECT %s", r->conbin));
        if (list_length(raw) != 1)
            elog(ERROR, "invalid check constraint text: %s", r->conbin);
        sel = ((RawStmt *) linitial(raw))->stmt->select_stmt;
        val = sel->target_list[0]->res_target->val;
        if (!rename_column_refs((ProtobufCMessage *) val, &rename))
            continue;
        CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, r->oid,
                           Anum_pg_constraint_conbin, CStringGetTextDatum(deparse_raw_expr(val)));
    }
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
}

void
RenameTableConstraint(Oid relid, const char *oldname, const char *newname)
{
    const char *relname = get_rel_name(relid);
    ConRow     *r = find_constraint(relid, oldname);

    if (r == NULL)
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("constraint \"%s\" for table \"%s\" does not exist", oldname, relname));
    if (find_constraint(relid, newname) != NULL)
        ereport(ERROR,
                errcode(ERRCODE_DUPLICATE_OBJECT),
                errmsg("constraint \"%s\" for relation \"%s\" already exists", newname, relname));
    if (OidIsValid(r->conindid))
    {
        /* the index of a PRIMARY KEY / UNIQUE constraint is renamed with it */
        NameData   *nd = palloc0(sizeof(NameData));

        if (OidIsValid(get_relname_relid(newname, get_rel_namespace(relid))))
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_TABLE),
                    errmsg("relation \"%s\" already exists", newname));
        memcpy(NameStr(*nd), newname, strnlen(newname, NAMEDATALEN - 1));
        LockRelationOid(r->conindid, AccessExclusiveLock);
        CatalogUpdateField(RelationRelationId, Anum_pg_class_oid, r->conindid,
                           Anum_pg_class_relname, PointerGetDatum(nd));
        CacheInvalidateRelcache(r->conindid);
    }
    {
        NameData   *nd = palloc0(sizeof(NameData));

        memcpy(NameStr(*nd), newname, strnlen(newname, NAMEDATALEN - 1));
        CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, r->oid,
                           Anum_pg_constraint_conname, PointerGetDatum(nd));
    }
    CacheInvalidateRelcache(relid);
    CommandCounterIncrement();
}
