/*-------------------------------------------------------------------------
 * bootstrap.c
 *    Create the system catalogs in a fresh data directory and load their
 *    built-in rows (PostgreSQL's initdb bootstrap mode, minus the BKI
 *    language: the rows come from catalog/bootstrap_data.c).
 *
 * Principal entry point:
 *    BootstrapCatalog
 *
 * Phases (one transaction, the caller's):
 *    1. storage for every catalog in bootstrap_relations[] (relfilenode =
 *       OID), removed again if the transaction aborts
 *    2. every row of bootstrap_catalogs[]: each text value converted by the
 *       column type's input function, the rest of the row zero / false /
 *       NULL
 *    3. the catalogs' own pg_class rows and pg_attribute rows (user and
 *       system columns); their row types came with pg_type's data
 *    4. invalidation of every catalog's caches, CommandCounterIncrement
 *
 * The cycle -- converting a pg_type row needs the type's input function,
 * which is found through pg_type -- is broken as PostgreSQL's bootstrap
 * breaks it: the column types of the catalogs are few, and their input
 * functions are taken from a fixed table here (by C name, through
 * fmgr_lookup_builtin), not from the catalogs.
 *
 * Every pg_proc row is loaded, including those whose prosrc Basalt does
 * not implement: PostgreSQL's OIDs and overload resolution stay intact,
 * and calling such a function fails in fmgr_info.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/bootstrap_data.h"
#include "catalog/catalog.h"
#include "catalog/heap.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "catalog/sinval.h"
#include "procs/array.h"
#include "procs/fmgr.h"
#include "storage/heapam.h"
#include "storage/xact.h"

/* The input functions of the catalogs' column types (bootstrap only). */
static const struct
{
    Oid         typid;
    const char *infunc;
    Oid         typioparam;
} boot_types[] = {
    {BOOLOID, "boolin", BOOLOID},
    {CHAROID, "charin", CHAROID},
    {NAMEOID, "namein", NAMEOID},
    {INT2OID, "int2in", INT2OID},
    {INT4OID, "int4in", INT4OID},
    {INT8OID, "int8in", INT8OID},
    {REGPROCOID, "oidin", OIDOID},      /* dumped as numeric OIDs */
    {TEXTOID, "textin", TEXTOID},
    {OIDOID, "oidin", OIDOID},
    {XIDOID, "xidin", XIDOID},
    {OIDVECTOROID, "oidvectorin", OIDOID},
    {FLOAT4OID, "float4in", FLOAT4OID},
    {FLOAT8OID, "float8in", FLOAT8OID},
    {TEXTARRAYOID, "boot_textarray_in", TEXTOID},   /* pg_proc.proargnames */
    {OIDARRAYOID, "boot_oidarray_in", OIDOID},      /* pg_proc.proallargtypes */
    {CHARARRAYOID, "boot_chararray_in", CHAROID},   /* pg_proc.proargmodes */
    {194, "textin", TEXTOID},   /* pg_node_tree: SQL text (DECISIONS 13) */
    {TIMESTAMPTZOID, "timestamptz_in", TIMESTAMPTZOID},    /* pg_authid.rolvaliduntil (NULL) */
};

/*
 * One-dimensional array input without type lookups (array_in needs
 * pg_type): PostgreSQL's output form, {a,"b c",""}, no NULLs.  Each
 * element's text is converted by elem_in.
 */
static Datum
boot_array_in(const char *s, Oid elemtype, int elemlen, bool elembyval, char elemalign,
              Datum (*elem_in) (const char *))
{
    const char *input = s;
    Datum       elems[256];
    int         n = 0;

    if (*s++ != '{')
        elog(ERROR, "bootstrap: malformed array \"%s\"", input);
    while (*s && *s != '}')
    {
        StringInfoData buf;

        initStringInfo(&buf);
        if (*s == '"')
        {
            for (s++; *s && *s != '"'; s++)
            {
                if (*s == '\\' && s[1])
                    s++;
                appendStringInfoChar(&buf, *s);
            }
            if (*s == '"')
                s++;
        }
        else
            for (; *s && *s != ',' && *s != '}'; s++)
                appendStringInfoChar(&buf, *s);
        if (n >= (int) lengthof(elems))
            elog(ERROR, "bootstrap: array too long");
        elems[n++] = elem_in(buf.data);
        if (*s == ',')
            s++;
    }
    return PointerGetDatum(construct_array(elems, n, elemtype, elemlen, elembyval, elemalign));
}

static Datum
boot_text_elem(const char *s)
{
    return CStringGetTextDatum(s);
}

static Datum
boot_oid_elem(const char *s)
{
    return ObjectIdGetDatum((Oid) strtoul(s, NULL, 10));
}

static Datum
boot_char_elem(const char *s)
{
    return CharGetDatum(s[0]);
}

static Datum
boot_textarray_in(PG_FUNCTION_ARGS)
{
    return boot_array_in(PG_GETARG_CSTRING(0), TEXTOID, -1, false, 'i', boot_text_elem);
}

static Datum
boot_oidarray_in(PG_FUNCTION_ARGS)
{
    return boot_array_in(PG_GETARG_CSTRING(0), OIDOID, sizeof(Oid), true, 'i', boot_oid_elem);
}

static Datum
boot_chararray_in(PG_FUNCTION_ARGS)
{
    return boot_array_in(PG_GETARG_CSTRING(0), CHAROID, 1, true, 'c', boot_char_elem);
}

static const BootstrapRelation *
find_relation(const char *relname)
{
    for (int i = 0; i < bootstrap_nrelations; i++)
        if (strcmp(bootstrap_relations[i].relname, relname) == 0)
            return &bootstrap_relations[i];
    elog(ERROR, "bootstrap data for unknown catalog \"%s\"", relname);
}

/* Fill *flinfo with the input function of typid; *typioparam too. */
static void
boot_input_function(Oid typid, const char *colname, FmgrInfo *flinfo, Oid *typioparam)
{
    for (int i = 0; i < (int) lengthof(boot_types); i++)
    {
        if (boot_types[i].typid != typid)
            continue;
        memset(flinfo, 0, sizeof(FmgrInfo));
        flinfo->fn_addr = boot_types[i].typid == TEXTARRAYOID ? boot_textarray_in :
            boot_types[i].typid == OIDARRAYOID ? boot_oidarray_in :
            boot_types[i].typid == CHARARRAYOID ? boot_chararray_in :
            fmgr_lookup_builtin(boot_types[i].infunc);
        if (flinfo->fn_addr == NULL)
            elog(ERROR, "bootstrap needs the built-in function %s (column %s)",
                 boot_types[i].infunc, colname);
        flinfo->fn_oid = InvalidOid;
        flinfo->fn_nargs = 3;
        flinfo->fn_strict = true;
        flinfo->fn_mcxt = CurrentMemoryContext;
        *typioparam = boot_types[i].typioparam;
        return;
    }
    elog(ERROR, "bootstrap cannot convert column %s of type %u", colname, typid);
}

/* Phase 2 for one catalog. */
static void
load_catalog_rows(const BootstrapCatalogData *data, MemoryContext rowcxt)
{
    const BootstrapRelation *br = find_relation(data->relname);
    Relation    rel = table_open(br->relid, RowExclusiveLock);
    TupleDesc   desc = RelationGetDescr(rel);
    int        *attidx = palloc(sizeof(int) * (Size) data->ncols);
    FmgrInfo   *infuncs = palloc(sizeof(FmgrInfo) * (Size) data->ncols);
    Oid        *ioparams = palloc(sizeof(Oid) * (Size) data->ncols);
    Datum      *values = palloc(sizeof(Datum) * (Size) desc->natts);
    bool       *nulls = palloc(sizeof(bool) * (Size) desc->natts);

    for (int c = 0; c < data->ncols; c++)
    {
        attidx[c] = RelationGetAttnum(rel, data->colnames[c]) - 1;
        if (attidx[c] < 0)
            elog(ERROR, "bootstrap data names column \"%s\" that %s lacks",
                 data->colnames[c], data->relname);
        boot_input_function(TupleDescAttr(desc, attidx[c])->atttypid, data->colnames[c],
                            &infuncs[c], &ioparams[c]);
    }

    for (int r = 0; r < data->nrows; r++)
    {
        MemoryContext old = MemoryContextSwitchTo(rowcxt);
        HeapTuple   tup;

        /* unlisted columns: zero / false for fixed width, NULL for varlena */
        for (int a = 0; a < desc->natts; a++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, a);

            values[a] = (Datum) 0;
            nulls[a] = (att->attlen < 0);
            if (att->attlen > 0 && !att->attbyval)
                values[a] = PointerGetDatum(palloc0(att->attlen));
        }
        for (int c = 0; c < data->ncols; c++)
        {
            const char *text = data->values[(Size) r * (Size) data->ncols + (Size) c];
            int         a = attidx[c];

            if (text == NULL)
            {
                if (TupleDescAttr(desc, a)->attnotnull)
                    elog(ERROR, "bootstrap row %d of %s has NULL in NOT NULL column %s",
                         r, data->relname, data->colnames[c]);
                nulls[a] = true;
                continue;
            }
            values[a] = InputFunctionCall(&infuncs[c], pstrdup(text), ioparams[c], -1);
            nulls[a] = false;
        }
        for (int a = 0; a < desc->natts; a++)
            if (nulls[a] && TupleDescAttr(desc, a)->attnotnull)
                elog(ERROR, "bootstrap data for %s lacks NOT NULL column %s",
                     data->relname, NameStr(TupleDescAttr(desc, a)->attname));

        tup = heap_form_tuple(desc, values, nulls);
        simple_heap_insert(rel, tup);
        MemoryContextSwitchTo(old);
        MemoryContextReset(rowcxt);
    }
    CacheInvalidateCatalog(br->relid);
    table_close(rel, RowExclusiveLock);
}

/* Phase 3 for one catalog: its pg_class row and pg_attribute rows. */
static void
describe_catalog(const BootstrapRelation *br)
{
    Relation rel = RelationIdGetCatalog(br->relid);
    TupleDesc desc = RelationGetDescr(rel);

    InsertPgClassTuple(br->relid, br->relname, PG_CATALOG_NAMESPACE, br->reltype,
                       br->relid, RELKIND_RELATION, RELPERSISTENCE_PERMANENT, 'n',
                       (int16) br->natts, (Datum) 0);
    for (int i = 0; i < desc->natts; i++)
        InsertPgAttributeTuple(TupleDescAttr(desc, i), -1);
    InsertSystemAttributeTuples(br->relid);
}

void
BootstrapCatalog(void)
{
    MemoryContext rowcxt;

    InitCatalogCaches();

    for (int i = 0; i < bootstrap_nrelations; i++)
    {
        RelFileNode rnode;

        rnode.relNode = bootstrap_relations[i].relid;
        RelationCreateStorage(rnode);
    }

    rowcxt = AllocSetContextCreate(CurrentMemoryContext, "bootstrap row");
    for (int i = 0; i < bootstrap_ncatalogs; i++)
        load_catalog_rows(&bootstrap_catalogs[i], rowcxt);
    MemoryContextDelete(rowcxt);

    for (int i = 0; i < bootstrap_nrelations; i++)
        describe_catalog(&bootstrap_relations[i]);

    for (int i = 0; i < bootstrap_nrelations; i++)
        CacheInvalidateCatalog(bootstrap_relations[i].relid);
    CommandCounterIncrement();
}
