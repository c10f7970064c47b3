/*-------------------------------------------------------------------------
 * foreign_key.c
 *    FOREIGN KEY constraints in the catalog: definition (PostgreSQL's
 *    ATAddForeignKeyConstraint with transformColumnNameList,
 *    transformFkeyGetPrimaryKey and transformFkeyCheckAttrs), reading
 *    for the executor, removal, VALIDATE CONSTRAINT.
 *
 * Checks run in PostgreSQL's order so a statement with several problems
 * reports the one PostgreSQL reports: name in use -> referenced table
 * (exists, is a table, persistence) -> referencing columns -> referenced
 * columns and their unique index -> column counts -> types (an equality
 * operator of the index's operator family, or an implicit cast to its
 * input type) -> existing rows.
 *
 * Locking: both tables are locked ShareRowExclusiveLock (the referencing
 * one is already locked more strongly by CREATE/ALTER TABLE).  Creating
 * or removing a foreign key invalidates both tables' relcache entries
 * (their rd_fkeyflags, relcache.h).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/dependency.h"
#include "catalog/foreign_key.h"
#include "catalog/index.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/pg_attrdef.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_type_oids.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "executor/execForeignKeys.h"
#include "planner/parse_node.h"
#include "procs/array.h"
#include "storage/heapam.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/transam.h"
#include "storage/xact.h"

#define BTEqualStrategyNumber 3

static const char *
strval(PgQuery__Node *n)
{
    if (n->node_case != PG_QUERY__NODE__NODE_STRING)
        elog(ERROR, "unexpected node %d in a foreign key column list", (int) n->node_case);
    return n->string->sval;
}

/* transformColumnNameList: names -> attnums and types (42703 if missing). */
static int
column_name_list(Relation rel, PgQuery__Node **names, size_t n, const char **out_names,
                 int16 *attnums, Oid *types)
{
    if (n > INDEX_MAX_KEYS)
        ereport(ERROR,
                errcode(ERRCODE_TOO_MANY_COLUMNS),
                errmsg("cannot have more than %d keys in a foreign key", INDEX_MAX_KEYS));
    for (size_t i = 0; i < n; i++)
    {
        const char *name = strval(names[i]);
        int         attnum = RelationGetAttnum(rel, name);

        if (attnum <= 0)
            ereport(ERROR,
                    errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("column \"%s\" referenced in foreign key constraint does not exist",
                           name));
        out_names[i] = name;
        attnums[i] = (int16) attnum;
        types[i] = TupleDescAttr(RelationGetDescr(rel), attnum - 1)->atttypid;
    }
    return (int) n;
}

/* transformFkeyGetPrimaryKey: the primary key's columns, in index order. */
static Oid
primary_key_columns(Relation pkrel, int *npks, const char **names, int16 *attnums, Oid *types,
                    Oid *opfamily, Oid *opcintype)
{
    ListCell   *lc;

    foreach(lc, pkrel->rd_indexlist)
    {
        Relation    irel = relation_open(lfirst_oid(lc), AccessShareLock);
        RelationIndexData *ind = irel->rd_index;

        if (ind != NULL && ind->primary)
        {
            Oid         indexid = RelationGetRelid(irel);

            *npks = ind->nkeyatts;
            for (int i = 0; i < ind->nkeyatts; i++)
            {
                Form_pg_attribute att = TupleDescAttr(RelationGetDescr(pkrel), ind->heapattnos[i] - 1);

                attnums[i] = ind->heapattnos[i];
                names[i] = pstrdup(NameStr(att->attname));
                types[i] = att->atttypid;
                opfamily[i] = ind->opfamily[i];
                opcintype[i] = ind->opcintype[i];
            }
            relation_close(irel, AccessShareLock);
            return indexid;
        }
        relation_close(irel, AccessShareLock);
    }
    ereport(ERROR,
            errcode(ERRCODE_INVALID_FOREIGN_KEY),
            errmsg("there is no primary key for referenced table \"%s\"",
                   RelationGetRelationName(pkrel)));
    return InvalidOid;
}

/*
 * transformFkeyCheckAttrs: a unique index whose key columns are exactly
 * the set attnums (any order); its operator family per referenced column.
 */
static Oid
unique_index_for(Relation pkrel, int n, const int16 *attnums, Oid *opfamily, Oid *opcintype)
{
    ListCell   *lc;

    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (attnums[i] == attnums[j])
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_FOREIGN_KEY),
                        errmsg("foreign key referenced-columns list must not contain duplicates"));
    foreach(lc, pkrel->rd_indexlist)
    {
        Relation    irel = relation_open(lfirst_oid(lc), AccessShareLock);
        RelationIndexData *ind = irel->rd_index;
        bool        match = ind != NULL && ind->unique && ind->nkeyatts == n;

        for (int i = 0; match && i < ind->nkeyatts; i++)
        {
            bool        found = false;

            for (int j = 0; j < n; j++)
                if (attnums[j] == ind->heapattnos[i])
                {
                    opfamily[j] = ind->opfamily[i];
                    opcintype[j] = ind->opcintype[i];
                    found = true;
                    break;
                }
            match = found;
        }
        if (match)
        {
            Oid         indexid = RelationGetRelid(irel);

            relation_close(irel, AccessShareLock);
            return indexid;
        }
        relation_close(irel, AccessShareLock);
    }
    ereport(ERROR,
            errcode(ERRCODE_INVALID_FOREIGN_KEY),
            errmsg("there is no unique constraint matching given keys for referenced table \"%s\"",
                   RelationGetRelationName(pkrel)));
    return InvalidOid;
}

/* ChooseForeignKeyConstraintNameAddition: the column names joined by '_'. */
static char *
name_addition(const char **names, int n)
{
    char        buf[NAMEDATALEN * 2];
    int         len = 0;

    buf[0] = '\0';
    for (int i = 0; i < n; i++)
    {
        if (len > 0)
            buf[len++] = '_';
        snprintf(buf + len, NAMEDATALEN, "%s", names[i]);
        len += (int) strlen(buf + len);
        if (len >= NAMEDATALEN)
            break;
    }
    return pstrdup(buf);
}

static Datum
int2_array(const int16 *v, int n)
{
    Datum       d[INDEX_MAX_KEYS];

    for (int i = 0; i < n; i++)
        d[i] = Int16GetDatum(v[i]);
    return PointerGetDatum(construct_array(d, n, INT2OID, 2, true, 's'));
}

static Datum
oid_array(const Oid *v, int n)
{
    Datum       d[INDEX_MAX_KEYS];

    for (int i = 0; i < n; i++)
        d[i] = ObjectIdGetDatum(v[i]);
    return PointerGetDatum(construct_array(d, n, OIDOID, 4, true, 'i'));
}

static char
action_letter(const char *a)
{
    /* libpg_query gives PostgreSQL's letters already; empty means NO ACTION */
    if (a == NULL || a[0] == '\0')
        return FKCONSTR_ACTION_NOACTION;
    return a[0];
}

static Oid
store_fk(const ForeignKeyInfo *fk, Oid nspid, bool deferred, const Oid *pfeqop,
         const Oid *ppeqop, const Oid *ffeqop)
{
    Relation    rel = table_open(ConstraintRelationId, RowExclusiveLock);
    Datum       values[Natts_pg_constraint];
    bool        nulls[Natts_pg_constraint];
    HeapTuple   tup;
    Oid         conoid = GetNewObjectId();

    memset(values, 0, sizeof(values));
    memset(nulls, true, sizeof(nulls));
#define SETV(a, v) (values[(a) - 1] = (v), nulls[(a) - 1] = false)
    SETV(Anum_pg_constraint_oid, ObjectIdGetDatum(conoid));
    SETV(Anum_pg_constraint_conname, PointerGetDatum(&fk->conname));
    SETV(Anum_pg_constraint_connamespace, ObjectIdGetDatum(nspid));
    SETV(Anum_pg_constraint_contype, CharGetDatum('f'));
    SETV(Anum_pg_constraint_condeferrable, BoolGetDatum(fk->deferrable));
    SETV(Anum_pg_constraint_condeferred, BoolGetDatum(deferred));
    SETV(Anum_pg_constraint_convalidated, BoolGetDatum(fk->validated));
    SETV(Anum_pg_constraint_conrelid, ObjectIdGetDatum(fk->conrelid));
    SETV(Anum_pg_constraint_contypid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_conindid, ObjectIdGetDatum(fk->conindid));
    SETV(Anum_pg_constraint_conparentid, ObjectIdGetDatum(InvalidOid));
    SETV(Anum_pg_constraint_confrelid, ObjectIdGetDatum(fk->confrelid));
    SETV(Anum_pg_constraint_confupdtype, CharGetDatum(fk->confupdtype));
    SETV(Anum_pg_constraint_confdeltype, CharGetDatum(fk->confdeltype));
    SETV(Anum_pg_constraint_confmatchtype, CharGetDatum(fk->confmatchtype));
    SETV(Anum_pg_constraint_conislocal, BoolGetDatum(true));
    SETV(Anum_pg_constraint_coninhcount, Int32GetDatum(0));
    SETV(Anum_pg_constraint_connoinherit, BoolGetDatum(true));
    SETV(Anum_pg_constraint_conkey, int2_array(fk->conkey, fk->nkeys));
    SETV(Anum_pg_constraint_confkey, int2_array(fk->confkey, fk->nkeys));
    SETV(Anum_pg_constraint_conpfeqop, oid_array(pfeqop, fk->nkeys));
    SETV(Anum_pg_constraint_conppeqop, oid_array(ppeqop, fk->nkeys));
    SETV(Anum_pg_constraint_conffeqop, oid_array(ffeqop, fk->nkeys));
#undef SETV
    tup = heap_form_tuple(RelationGetDescr(rel), values, nulls);
    CatalogTupleInsert(rel, tup);
    heap_freetuple(tup);
    table_close(rel, RowExclusiveLock);
    return conoid;
}

/*
 * Per key column, the equality operators PostgreSQL stores (pfeqop: pk =
 * fk, ppeqop: pk = pk, ffeqop: fk = fk) from the referenced index's
 * operator family; a referencing type that has none but casts implicitly
 * to the index's input type uses ppeqop.  42804 if neither.
 */
static void
check_key_types(const char *conname, int n, const char **fknames, const Oid *fktypes,
                const char **pknames, const Oid *pktypes, const Oid *opfamily,
                const Oid *opcintype, Oid *pfeqop, Oid *ppeqop, Oid *ffeqop)
{
    for (int i = 0; i < n; i++)
    {
        Oid         op;

        ppeqop[i] = get_opfamily_member(opfamily[i], opcintype[i], opcintype[i],
                                        BTEqualStrategyNumber);
        op = get_opfamily_member(opfamily[i], opcintype[i], fktypes[i], BTEqualStrategyNumber);
        ffeqop[i] = get_opfamily_member(opfamily[i], fktypes[i], fktypes[i],
                                        BTEqualStrategyNumber);
        if (!OidIsValid(op))
        {
            Oid         in[2] = {pktypes[i], fktypes[i]};
            Oid         target[2] = {opcintype[i], opcintype[i]};

            if (can_coerce_type(2, in, target, COERCION_IMPLICIT))
                op = ffeqop[i] = ppeqop[i];
        }
        if (!OidIsValid(op))
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("foreign key constraint \"%s\" cannot be implemented", conname),
                    errdetail("Key columns \"%s\" and \"%s\" are of incompatible types: %s and %s.",
                              fknames[i], pknames[i], format_type_be(fktypes[i]),
                              format_type_be(pktypes[i])));
        pfeqop[i] = op;
        if (!OidIsValid(ffeqop[i]))
            ffeqop[i] = op;
    }
}

void
ApplyForeignKeyAttribute(PgQuery__Constraint *fk, PgQuery__Constraint *attr)
{
    switch (attr->contype)
    {
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRABLE:
            fk->deferrable = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_NOT_DEFERRABLE:
            fk->deferrable = false;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_DEFERRED:
            fk->initdeferred = true;
            fk->deferrable = true;
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_ATTR_IMMEDIATE:
            fk->initdeferred = false;
            break;
        default:
            break;
    }
}

void
AddForeignKeyConstraint(Oid relid, PgQuery__Constraint *c, const char *colname,
                        const char *queryString, bool validate)
{
    Relation    rel = relation_open(relid, NoLock);
    Oid         nspid = RelationGetNamespace(rel);
    PgQuery__RangeVar *rv = c->pktable;
    const char *pkschema = (rv->schemaname && rv->schemaname[0]) ? rv->schemaname : NULL;
    Oid         pkrelid;
    Relation    pkrel;
    const char *fknames[INDEX_MAX_KEYS];
    const char *pknames[INDEX_MAX_KEYS];
    Oid         fktypes[INDEX_MAX_KEYS];
    Oid         pktypes[INDEX_MAX_KEYS];
    Oid         opfamily[INDEX_MAX_KEYS];
    Oid         opcintype[INDEX_MAX_KEYS];
    Oid         pfeqop[INDEX_MAX_KEYS];
    Oid         ppeqop[INDEX_MAX_KEYS];
    Oid         ffeqop[INDEX_MAX_KEYS];
    ForeignKeyInfo fk;
    int         numfks;
    int         numpks;
    char       *conname;
    Oid         conoid;

    (void) queryString;
    memset(&fk, 0, sizeof(fk));
    if (c->n_fk_del_set_cols > 0)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("column lists in ON DELETE SET NULL / SET DEFAULT are not supported yet"));
    if (c->initdeferred)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("INITIALLY DEFERRED foreign keys are not supported yet"));

    /* ---- the name (ATExecAddConstraint) */
    if (c->conname != NULL && c->conname[0] != '\0')
    {
        if (ConstraintNameIsUsed(relid, c->conname))
            ereport(ERROR,
                    errcode(ERRCODE_DUPLICATE_OBJECT),
                    errmsg("constraint \"%s\" for relation \"%s\" already exists",
                           c->conname, RelationGetRelationName(rel)));
        conname = c->conname;
    }
    else
        conname = NULL;         /* chosen once the columns are known */

    /* ---- the referenced table */
    pkrelid = RangeVarGetRelidExtended(pkschema, rv->relname, ShareRowExclusiveLock, false);
    pkrel = relation_open(pkrelid, NoLock);
    if (pkrel->relkind != RELKIND_RELATION)
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("referenced relation \"%s\" is not a table",
                       RelationGetRelationName(pkrel)));
    if (IsSystemRelation(pkrel) && !allow_system_table_mods)
        ereport(ERROR,
                errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                errmsg("permission denied: \"%s\" is a system catalog",
                       RelationGetRelationName(pkrel)));
    if (rel->relpersistence == RELPERSISTENCE_PERMANENT &&
        pkrel->relpersistence != RELPERSISTENCE_PERMANENT)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                errmsg("constraints on permanent tables may reference only permanent tables"));
    if (rel->relpersistence == RELPERSISTENCE_TEMP)
    {
        if (pkrel->relpersistence != RELPERSISTENCE_TEMP)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("constraints on temporary tables may reference only temporary tables"));
        if (pkrel->rd_isothertemp)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_TABLE_DEFINITION),
                    errmsg("constraints on temporary tables must involve temporary tables of this session"));
    }

    /* ---- the columns */
    if (colname != NULL)
    {
        PgQuery__Node node;
        PgQuery__String str;
        PgQuery__Node *list[1];

        pg_query__node__init(&node);
        pg_query__string__init(&str);
        str.sval = (char *) colname;
        node.node_case = PG_QUERY__NODE__NODE_STRING;
        node.string = &str;
        list[0] = &node;
        numfks = column_name_list(rel, list, 1, fknames, fk.conkey, fktypes);
    }
    else
        numfks = column_name_list(rel, c->fk_attrs, c->n_fk_attrs, fknames, fk.conkey, fktypes);
    if (c->n_pk_attrs == 0)
        fk.conindid = primary_key_columns(pkrel, &numpks, pknames, fk.confkey, pktypes,
                                          opfamily, opcintype);
    else
    {
        numpks = column_name_list(pkrel, c->pk_attrs, c->n_pk_attrs, pknames, fk.confkey, pktypes);
        fk.conindid = unique_index_for(pkrel, numpks, fk.confkey, opfamily, opcintype);
    }
    if (numfks != numpks)
        ereport(ERROR,
                errcode(ERRCODE_INVALID_FOREIGN_KEY),
                errmsg("number of referencing and referenced columns for foreign key disagree"));
    fk.nkeys = numfks;

    if (conname == NULL)
    {
        char       *addition = name_addition(fknames, numfks);

        for (int pass = 0;; pass++)
        {
            char        label[NAMEDATALEN];

            if (pass == 0)
                snprintf(label, sizeof(label), "fkey");
            else
                snprintf(label, sizeof(label), "fkey%d", pass);
            conname = ConstraintObjectName(RelationGetRelationName(rel), addition, label);
            if (!ConstraintNameExistsInNamespace(conname, nspid))
                break;
        }
    }
    memset(&fk.conname, 0, sizeof(fk.conname));
    strncpy(NameStr(fk.conname), conname, NAMEDATALEN - 1);

    /* ---- the types: an equality operator the referenced index can use */
    check_key_types(conname, numfks, fknames, fktypes, pknames, pktypes, opfamily, opcintype,
                    pfeqop, ppeqop, ffeqop);

    fk.conrelid = relid;
    fk.confrelid = pkrelid;
    fk.confupdtype = action_letter(c->fk_upd_action);
    fk.confdeltype = action_letter(c->fk_del_action);
    fk.confmatchtype = (c->fk_matchtype && c->fk_matchtype[0]) ? c->fk_matchtype[0] :
        FKCONSTR_MATCH_SIMPLE;
    fk.deferrable = c->deferrable;
    fk.validated = !(c->skip_validation && !c->initially_valid);
    conoid = store_fk(&fk, nspid, c->initdeferred, pfeqop, ppeqop, ffeqop);
    fk.conoid = conoid;
    memcpy(fk.pfeqop, pfeqop, sizeof(Oid) * fk.nkeys);
    memcpy(fk.ppeqop, ppeqop, sizeof(Oid) * fk.nkeys);

    /* ---- dependencies: 'a' on our columns, 'n' on the referenced ones */
    {
        ObjectAddress con = {ConstraintRelationId, conoid, 0};

        for (int i = 0; i < fk.nkeys; i++)
            recordDependencyOnRelation(&con, relid, fk.conkey[i], DEPENDENCY_AUTO);
        /* a self-reference goes with its table: no normal dependency on it */
        if (pkrelid != relid)
            for (int i = 0; i < fk.nkeys; i++)
                recordDependencyOnRelation(&con, pkrelid, fk.confkey[i], DEPENDENCY_NORMAL);
    }
    CacheInvalidateRelcache(relid);
    CacheInvalidateRelcache(pkrelid);
    CommandCounterIncrement();

    if (validate && fk.validated)
        ExecFKValidateExisting(&fk);
    relation_close(pkrel, NoLock);
    relation_close(rel, NoLock);
}

/* ---------------------------------------------------------------- reading */

static void
int2_array_values(Datum d, int16 *out, int *n)
{
    ArrayType  *arr = DatumGetArrayTypeP(d);
    Datum      *elems;
    bool       *enulls;
    int         nelems;

    deconstruct_array(arr, INT2OID, 2, true, 's', &elems, &enulls, &nelems);
    if (nelems > INDEX_MAX_KEYS)
        elog(ERROR, "foreign key with %d columns", nelems);
    for (int i = 0; i < nelems; i++)
        out[i] = DatumGetInt16(elems[i]);
    *n = nelems;
}

static void
oid_array_values(Datum d, Oid *out, int n)
{
    ArrayType  *arr = DatumGetArrayTypeP(d);
    Datum      *elems;
    bool       *enulls;
    int         nelems;

    deconstruct_array(arr, OIDOID, 4, true, 'i', &elems, &enulls, &nelems);
    for (int i = 0; i < n && i < nelems; i++)
        out[i] = DatumGetObjectId(elems[i]);
}

static ForeignKeyInfo *
form_fk(HeapTuple tup, TupleDesc desc)
{
    ForeignKeyInfo *fk = palloc0(sizeof(ForeignKeyInfo));
    bool        isnull;
    int         n2;

    fk->conoid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_oid, desc, &isnull));
    fk->conname = *(NameData *) DatumGetPointer(heap_getattr(tup, Anum_pg_constraint_conname,
                                                             desc, &isnull));
    fk->conrelid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull));
    fk->confrelid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_confrelid, desc, &isnull));
    fk->conindid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conindid, desc, &isnull));
    fk->confupdtype = DatumGetChar(heap_getattr(tup, Anum_pg_constraint_confupdtype, desc, &isnull));
    fk->confdeltype = DatumGetChar(heap_getattr(tup, Anum_pg_constraint_confdeltype, desc, &isnull));
    fk->confmatchtype = DatumGetChar(heap_getattr(tup, Anum_pg_constraint_confmatchtype, desc, &isnull));
    fk->deferrable = DatumGetBool(heap_getattr(tup, Anum_pg_constraint_condeferrable, desc, &isnull));
    fk->validated = DatumGetBool(heap_getattr(tup, Anum_pg_constraint_convalidated, desc, &isnull));
    int2_array_values(heap_getattr(tup, Anum_pg_constraint_conkey, desc, &isnull), fk->conkey,
                      &fk->nkeys);
    int2_array_values(heap_getattr(tup, Anum_pg_constraint_confkey, desc, &isnull), fk->confkey, &n2);
    if (n2 != fk->nkeys)
        elog(ERROR, "foreign key \"%s\" has %d and %d columns", NameStr(fk->conname),
             fk->nkeys, n2);
    oid_array_values(heap_getattr(tup, Anum_pg_constraint_conpfeqop, desc, &isnull), fk->pfeqop,
                     fk->nkeys);
    oid_array_values(heap_getattr(tup, Anum_pg_constraint_conppeqop, desc, &isnull), fk->ppeqop,
                     fk->nkeys);
    return fk;
}

/* 'f' rows whose attno (conrelid or confrelid) is relid, in OID order. */
static List *
scan_fks(Oid relid, int attno)
{
    Relation    rel = table_open(ConstraintRelationId, AccessShareLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    List       *result = NIL;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;
        ForeignKeyInfo *fk;
        ListCell   *lc;

        if (DatumGetChar(heap_getattr(tup, Anum_pg_constraint_contype, desc, &isnull)) != 'f' ||
            DatumGetObjectId(heap_getattr(tup, attno, desc, &isnull)) != relid)
            continue;
        fk = form_fk(tup, desc);
        /* keep OID (creation) order: insertion, the lists are short */
        result = lappend(result, fk);
        for (int i = list_length(result) - 1;
             i > 0 && ((ForeignKeyInfo *) list_nth(result, i - 1))->conoid > fk->conoid; i--)
        {
            lc = list_nth_cell(result, i);
            lfirst(lc) = list_nth(result, i - 1);
            lfirst(list_nth_cell(result, i - 1)) = fk;
        }
    }
    heap_endscan(scan);
    table_close(rel, AccessShareLock);
    return result;
}

List *
RelationGetForeignKeys(Oid relid)
{
    return scan_fks(relid, Anum_pg_constraint_conrelid);
}

List *
RelationGetReferencingForeignKeys(Oid relid)
{
    return scan_fks(relid, Anum_pg_constraint_confrelid);
}

/* ---------------------------------------------------------------- removal */

void
RemoveForeignKeyById(Oid conoid)
{
    Relation    rel = table_open(ConstraintRelationId, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    HeapScanDesc scan = heap_beginscan(rel, GetCatalogSnapshot());
    HeapTuple   tup;
    Oid         relid = InvalidOid;
    Oid         confrelid = InvalidOid;
    ItemPointerData tid;

    while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
    {
        bool        isnull;

        if (DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_oid, desc, &isnull)) != conoid)
            continue;
        relid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_conrelid, desc, &isnull));
        confrelid = DatumGetObjectId(heap_getattr(tup, Anum_pg_constraint_confrelid, desc, &isnull));
        tid = tup->t_self;
        break;
    }
    heap_endscan(scan);
    if (OidIsValid(relid))
        CatalogTupleDelete(rel, &tid);
    table_close(rel, RowExclusiveLock);
    deleteDependencyRecordsFor(ConstraintRelationId, conoid);
    if (OidIsValid(relid))
        CacheInvalidateRelcache(relid);
    if (OidIsValid(confrelid))
        CacheInvalidateRelcache(confrelid);
    CommandCounterIncrement();
}

/* ---------------------------------------------------------------- VALIDATE */

void
ValidateForeignKeyConstraint(Relation rel, const char *name)
{
    List       *fks = RelationGetForeignKeys(RelationGetRelid(rel));
    ListCell   *lc;

    foreach(lc, fks)
    {
        ForeignKeyInfo *fk = lfirst(lc);

        if (strcmp(NameStr(fk->conname), name) != 0)
            continue;
        if (!fk->validated)
        {
            Relation    pkrel = relation_open(fk->confrelid, ShareRowExclusiveLock);

            fk->validated = true;
            ExecFKValidateExisting(fk);
            CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, fk->conoid,
                               Anum_pg_constraint_convalidated, BoolGetDatum(true));
            CacheInvalidateRelcache(RelationGetRelid(rel));
            CommandCounterIncrement();
            relation_close(pkrel, NoLock);
        }
        return;
    }
    if (!ConstraintNameIsUsed(RelationGetRelid(rel), name))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_OBJECT),
                errmsg("constraint \"%s\" of relation \"%s\" does not exist",
                       name, RelationGetRelationName(rel)));
    /* CHECK constraints are always valid in Basalt: nothing to do */
}

/* ---------------------------------------------------------------- TRUNCATE */

/* qsort: OIDs ascending */
static int
oid_cmp(const void *a, const void *b)
{
    Oid         x = *(const Oid *) a;
    Oid         y = *(const Oid *) b;

    return x < y ? -1 : x > y ? 1 : 0;
}

List *
ForeignKeyReferencersNotIn(List *relids, Oid *referenced)
{
    Oid        *found = palloc(sizeof(Oid) * (list_length(relids) + 1));
    int         nfound = 0;
    int         cap = list_length(relids) + 1;
    List       *result = NIL;
    ListCell   *lc;

    *referenced = InvalidOid;
    foreach(lc, relids)
    {
        ListCell   *lc2;

        foreach(lc2, RelationGetReferencingForeignKeys(lfirst_oid(lc)))
        {
            ForeignKeyInfo *fk = lfirst(lc2);
            bool        dup = false;

            if (list_member_oid(relids, fk->conrelid))
                continue;
            for (int i = 0; i < nfound; i++)
                dup |= found[i] == fk->conrelid;
            if (dup)
                continue;
            if (nfound == cap)
            {
                cap *= 2;
                found = repalloc(found, sizeof(Oid) * cap);
            }
            found[nfound++] = fk->conrelid;
        }
    }
    if (nfound == 0)
        return NIL;
    qsort(found, nfound, sizeof(Oid), oid_cmp);
    /* what the first (lowest OID) referencer references, for the message */
    foreach(lc, RelationGetForeignKeys(found[0]))
    {
        ForeignKeyInfo *fk = lfirst(lc);

        if (list_member_oid(relids, fk->confrelid))
        {
            *referenced = fk->confrelid;
            break;
        }
    }
    for (int i = 0; i < nfound; i++)
        result = lappend_oid(result, found[i]);
    return result;
}

/* ---------------------------------------------------------------- ALTER COLUMN TYPE */

static bool
has_attnum(const int16 *keys, int n, int16 attnum)
{
    for (int i = 0; i < n; i++)
        if (keys[i] == attnum)
            return true;
    return false;
}

void
RecheckForeignKeysOfColumn(Oid relid, int16 attnum)
{
    List       *fks = list_concat(RelationGetForeignKeys(relid),
                                  RelationGetReferencingForeignKeys(relid));
    ListCell   *lc;

    foreach(lc, fks)
    {
        ForeignKeyInfo *fk = lfirst(lc);
        Relation    fkrel;
        Relation    pkrel;
        const char *fknames[INDEX_MAX_KEYS];
        const char *pknames[INDEX_MAX_KEYS];
        Oid         fktypes[INDEX_MAX_KEYS];
        Oid         pktypes[INDEX_MAX_KEYS];
        Oid         opfamily[INDEX_MAX_KEYS];
        Oid         opcintype[INDEX_MAX_KEYS];
        Oid         pfeqop[INDEX_MAX_KEYS];
        Oid         ppeqop[INDEX_MAX_KEYS];
        Oid         ffeqop[INDEX_MAX_KEYS];
        Oid         indexid;

        if (!((fk->conrelid == relid && has_attnum(fk->conkey, fk->nkeys, attnum)) ||
              (fk->confrelid == relid && has_attnum(fk->confkey, fk->nkeys, attnum))))
            continue;
        fkrel = relation_open(fk->conrelid, NoLock);
        pkrel = relation_open(fk->confrelid, NoLock);
        for (int i = 0; i < fk->nkeys; i++)
        {
            Form_pg_attribute fa = TupleDescAttr(RelationGetDescr(fkrel), fk->conkey[i] - 1);
            Form_pg_attribute pa = TupleDescAttr(RelationGetDescr(pkrel), fk->confkey[i] - 1);

            fknames[i] = pstrdup(NameStr(fa->attname));
            pknames[i] = pstrdup(NameStr(pa->attname));
            fktypes[i] = fa->atttypid;
            pktypes[i] = pa->atttypid;
        }
        /* the referenced index may have been rebuilt for the new type */
        indexid = unique_index_for(pkrel, fk->nkeys, fk->confkey, opfamily, opcintype);
        check_key_types(NameStr(fk->conname), fk->nkeys, fknames, fktypes, pknames, pktypes,
                        opfamily, opcintype, pfeqop, ppeqop, ffeqop);
        /* one field per update; each must see the previous one */
        if (indexid != fk->conindid)
        {
            CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, fk->conoid,
                               Anum_pg_constraint_conindid, ObjectIdGetDatum(indexid));
            CommandCounterIncrement();
        }
        CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, fk->conoid,
                           Anum_pg_constraint_conpfeqop, oid_array(pfeqop, fk->nkeys));
        CommandCounterIncrement();
        CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, fk->conoid,
                           Anum_pg_constraint_conppeqop, oid_array(ppeqop, fk->nkeys));
        CommandCounterIncrement();
        CatalogUpdateField(ConstraintRelationId, Anum_pg_constraint_oid, fk->conoid,
                           Anum_pg_constraint_conffeqop, oid_array(ffeqop, fk->nkeys));
        relation_close(pkrel, NoLock);
        relation_close(fkrel, NoLock);
        CacheInvalidateRelcache(fk->conrelid);
        CacheInvalidateRelcache(fk->confrelid);
        CommandCounterIncrement();
    }
}

/* ---------------------------------------------------------------- DROP of a table */

void
RemoveForeignKeysOfRelation(Oid relid)
{
    List       *fks = list_concat(RelationGetForeignKeys(relid),
                                  RelationGetReferencingForeignKeys(relid));
    ListCell   *lc;

    foreach(lc, fks)
    {
        /* a self-reference is in both lists: the second removal finds nothing */
        RemoveForeignKeyById(((ForeignKeyInfo *) lfirst(lc))->conoid);
    }
}
