/*-------------------------------------------------------------------------
 * rowtypes.c
 *    Record values: ROW(1, 'a') used as a value, whole-row references
 *    (SELECT t FROM t), values of a table's composite row type; their
 *    layout, construction and deformation, comparison and hashing.  Text
 *    and binary I/O (record_in/out/recv/send) are in rowtypes_io.c.
 *
 * A record datum is a self-describing varlena (Basalt's own layout; the
 * wire and text formats are PostgreSQL's).  A column of a table's row
 * type stores it as is, so such a stored value keeps the column names and
 * types it was made with (ALTER TABLE on the row type's table is not
 * checked against columns using the type, unlike PostgreSQL):
 *
 *    RecordDatumHeader: varlena header, column count, the record's type
 *        (a composite type's OID, or RECORDOID), the offset of the tuple,
 *        each column's type OID;
 *    the column names, each NUL-terminated, in column order;
 *    at a MAXALIGN'd offset (data_off): the heap tuple header and data as
 *        heap_form_tuple builds them.
 *
 * Carrying the column types and names in the value stands in for
 * PostgreSQL's blessed record typmods (the typcache): record_out,
 * row_to_json and field selection need no per-query registry.  A record
 * of a table's row type holds the table's live columns only (dropped
 * columns are left out), in attnum order.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "procs/adt.h"
#include "procs/rowtypes.h"

typedef struct RecordDatumHeader
{
    uint32      vl_len_;
    int32       natts;
    Oid         typid;          /* composite type, or RECORDOID */
    uint32      data_off;       /* offset of the tuple header from the start */
    Oid         atttypes[];     /* then the NUL-terminated column names */
} RecordDatumHeader;

#define RECORD_NAMES(rec) \
    ((char *) (rec) + offsetof(RecordDatumHeader, atttypes) + sizeof(Oid) * (Size) (rec)->natts)

static const char *
column_name(TupleDesc desc, int i, char *buf, size_t buflen)
{
    const char *name = NameStr(TupleDescAttr(desc, i)->attname);

    if (name[0] != '\0')
        return name;
    snprintf(buf, buflen, "f%d", i + 1);
    return buf;
}

Datum
make_record_datum(TupleDesc desc, const Datum *values, const bool *isnull)
{
    HeapTuple   tup = heap_form_tuple(desc, values, isnull);
    Size        names_len = 0;
    Size        off;
    RecordDatumHeader *rec;
    char       *np;
    char        buf[16];

    for (int i = 0; i < desc->natts; i++)
        names_len += strlen(column_name(desc, i, buf, sizeof(buf))) + 1;
    off = MAXALIGN(offsetof(RecordDatumHeader, atttypes) + sizeof(Oid) * (Size) desc->natts +
                   names_len);
    rec = palloc0(off + tup->t_len);
    SET_VARSIZE(rec, off + tup->t_len);
    rec->natts = desc->natts;
    rec->typid = OidIsValid(desc->tdtypeid) ? desc->tdtypeid : RECORDOID;
    rec->data_off = (uint32) off;
    np = RECORD_NAMES(rec);
    for (int i = 0; i < desc->natts; i++)
    {
        const char *name = column_name(desc, i, buf, sizeof(buf));
        size_t      len = strlen(name) + 1;

        rec->atttypes[i] = TupleDescAttr(desc, i)->atttypid;
        memcpy(np, name, len);
        np += len;
    }
    memcpy((char *) rec + off, tup->t_data, tup->t_len);
    heap_freetuple(tup);
    return PointerGetDatum(rec);
}

Oid
record_typid(Datum d)
{
    return ((RecordDatumHeader *) DatumGetPointer(d))->typid;
}

int
record_natts(Datum d)
{
    return ((RecordDatumHeader *) DatumGetPointer(d))->natts;
}

TupleDesc
record_tupdesc(Datum d)
{
    RecordDatumHeader *rec = (RecordDatumHeader *) DatumGetPointer(d);
    TupleDesc   desc = CreateTemplateTupleDesc(rec->natts);
    const char *np = RECORD_NAMES(rec);

    for (int i = 0; i < rec->natts; i++)
    {
        TupleDescInitEntry(desc, i + 1, np, rec->atttypes[i], -1, 0);
        np += strlen(np) + 1;
    }
    desc->tdtypeid = rec->typid;
    desc->tdtypmod = -1;
    return desc;
}

bool
record_tupdesc_matches(Datum d, TupleDesc desc)
{
    RecordDatumHeader *rec = (RecordDatumHeader *) DatumGetPointer(d);

    if (desc == NULL || desc->natts != rec->natts || desc->tdtypeid != rec->typid)
        return false;
    for (int i = 0; i < rec->natts; i++)
        if (TupleDescAttr(desc, i)->atttypid != rec->atttypes[i])
            return false;
    /* names too: row_to_json reads them from the descriptor */
    {
        const char *np = RECORD_NAMES(rec);

        for (int i = 0; i < rec->natts; i++)
        {
            if (strcmp(np, NameStr(TupleDescAttr(desc, i)->attname)) != 0)
                return false;
            np += strlen(np) + 1;
        }
    }
    return true;
}

void
record_deform(Datum d, TupleDesc desc, Datum *values, bool *nulls)
{
    RecordDatumHeader *rec = (RecordDatumHeader *) DatumGetPointer(d);
    HeapTupleData tup;

    memset(&tup, 0, sizeof(tup));
    tup.t_len = VARSIZE(rec) - rec->data_off;
    tup.t_data = (HeapTupleHeader) ((char *) rec + rec->data_off);
    ItemPointerSetInvalid(&tup.t_self);
    heap_deform_tuple(&tup, desc, values, nulls);
}

TupleDesc
composite_type_tupdesc(Oid typid)
{
    Oid         relid = get_typ_typrelid(typid);
    Relation    rel;
    TupleDesc   rdesc;
    TupleDesc   desc;
    int         nlive = 0;
    int         k = 0;

    if (!OidIsValid(relid))
        ereport(ERROR,
                errcode(ERRCODE_WRONG_OBJECT_TYPE),
                errmsg("type %s is not composite", format_type_be(typid)));
    rel = relation_open(relid, AccessShareLock);
    rdesc = RelationGetDescr(rel);
    for (int i = 0; i < rdesc->natts; i++)
        if (!TupleDescAttr(rdesc, i)->attisdropped)
            nlive++;
    desc = CreateTemplateTupleDesc(nlive);
    for (int i = 0; i < rdesc->natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(rdesc, i);

        if (att->attisdropped)
            continue;
        k++;
        TupleDescInitEntry(desc, k, NameStr(att->attname), att->atttypid, att->atttypmod, 0);
        TupleDescAttr(desc, k - 1)->attcollation = att->attcollation;
    }
    desc->tdtypeid = typid;
    desc->tdtypmod = -1;
    relation_close(rel, AccessShareLock);
    return desc;
}

/* ---- comparison and hashing: record_cmp/btrecordcmp, record_eq..., hash_record ---- */

typedef struct DeformedRecord
{
    int         natts;
    const Oid  *types;
    Datum      *values;
    bool       *nulls;
} DeformedRecord;

/*
 * The descriptors of the last records seen by a comparison or hash call
 * site (which = 0 / 1 for the two arguments), kept in flinfo->fn_extra so
 * a sort does not rebuild them for every comparison.
 */
static Oid  record_column_proc(Oid type, Oid am, int16 procnum, const char *what);

typedef struct RecordCmpCache
{
    TupleDesc   desc[2];
    Datum      *values[2];      /* deformed columns, desc[i]->natts entries */
    bool       *nulls[2];
    int         nprocs;         /* column comparison/hash functions looked up */
    Oid        *proctypes;      /* the column type each was looked up for */
    FmgrInfo   *procs;
} RecordCmpCache;

static MemoryContext
cache_mcxt(FunctionCallInfo fcinfo)
{
    return fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt : CurrentMemoryContext;
}

static TupleDesc
cached_record_tupdesc(FunctionCallInfo fcinfo, Datum d, int which)
{
    RecordCmpCache *cache;
    MemoryContext old;

    if (fcinfo->flinfo == NULL)
        return record_tupdesc(d);
    cache = fcinfo->flinfo->fn_extra;
    if (cache == NULL)
    {
        cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt :
                                       CurrentMemoryContext, sizeof(RecordCmpCache));
        fcinfo->flinfo->fn_extra = cache;
    }
    if (!record_tupdesc_matches(d, cache->desc[which]))
    {
        old = MemoryContextSwitchTo(cache_mcxt(fcinfo));
        if (cache->desc[which])
        {
            pfree(cache->desc[which]);
            pfree(cache->values[which]);
            pfree(cache->nulls[which]);
        }
        cache->desc[which] = record_tupdesc(d);
        cache->values[which] = palloc(sizeof(Datum) * (Size) Max(cache->desc[which]->natts, 1));
        cache->nulls[which] = palloc(sizeof(bool) * (Size) Max(cache->desc[which]->natts, 1));
        MemoryContextSwitchTo(old);
    }
    return cache->desc[which];
}

/* The comparison (btree) or hash function of column col's type, cached per call site. */
static FmgrInfo *
column_proc(FunctionCallInfo fcinfo, int col, Oid type, Oid am, int16 procnum,
            const char *what)
{
    RecordCmpCache *cache = fcinfo->flinfo ? fcinfo->flinfo->fn_extra : NULL;
    FmgrInfo   *finfo;

    if (cache == NULL)
    {
        finfo = palloc0(sizeof(FmgrInfo));
        fmgr_info(record_column_proc(type, am, procnum, what), finfo);
        return finfo;
    }
    if (col >= cache->nprocs)
    {
        int         n = Max(col + 1, 8);
        MemoryContext old = MemoryContextSwitchTo(cache_mcxt(fcinfo));
        Oid        *types = palloc0(sizeof(Oid) * (Size) n);
        FmgrInfo   *procs = palloc0(sizeof(FmgrInfo) * (Size) n);

        if (cache->nprocs > 0)
        {
            memcpy(types, cache->proctypes, sizeof(Oid) * (Size) cache->nprocs);
            memcpy(procs, cache->procs, sizeof(FmgrInfo) * (Size) cache->nprocs);
        }
        cache->proctypes = types;
        cache->procs = procs;
        cache->nprocs = n;
        MemoryContextSwitchTo(old);
    }
    if (cache->proctypes[col] != type)
    {
        fmgr_info_cxt(record_column_proc(type, am, procnum, what), &cache->procs[col],
                      cache_mcxt(fcinfo));
        cache->proctypes[col] = type;
    }
    return &cache->procs[col];
}

static void
deform_record(FunctionCallInfo fcinfo, Datum d, int which, DeformedRecord *out)
{
    RecordDatumHeader *rec = (RecordDatumHeader *) DatumGetPointer(d);
    int         natts = rec->natts;

    TupleDesc   desc = cached_record_tupdesc(fcinfo, d, which);
    RecordCmpCache *cache = fcinfo->flinfo ? fcinfo->flinfo->fn_extra : NULL;

    out->natts = natts;
    out->types = rec->atttypes;
    if (cache)
    {
        out->values = cache->values[which];
        out->nulls = cache->nulls[which];
    }
    else
    {
        out->values = palloc(sizeof(Datum) * (Size) Max(natts, 1));
        out->nulls = palloc(sizeof(bool) * (Size) Max(natts, 1));
    }
    record_deform(d, desc, out->values, out->nulls);
}

static Oid
record_column_proc(Oid type, Oid am, int16 procnum, const char *what)
{
    Oid         opclass = GetDefaultOpClass(type, am);
    Oid         proc = InvalidOid;

    if (OidIsValid(opclass))
        proc = get_opfamily_proc(get_opclass_family(opclass), get_opclass_input_type(opclass),
                                 get_opclass_input_type(opclass), procnum);
    if (!OidIsValid(proc))
        ereport(ERROR,
                errcode(ERRCODE_UNDEFINED_FUNCTION),
                errmsg("could not identify a %s function for type %s", what,
                       format_type_be(type)));
    return proc;
}

/* PostgreSQL's record_cmp: column by column, NULLs after non-NULLs */
static int
record_cmp(FunctionCallInfo fcinfo)
{
    DeformedRecord a,
                b;
    int         n;

    deform_record(fcinfo, PG_GETARG_DATUM(0), 0, &a);
    deform_record(fcinfo, PG_GETARG_DATUM(1), 1, &b);
    n = Min(a.natts, b.natts);
    for (int i = 0; i < n; i++)
    {
        int32       c;

        if (a.types[i] != b.types[i])
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("cannot compare dissimilar column types %s and %s at record column %d",
                           format_type_be(a.types[i]), format_type_be(b.types[i]), i + 1));
        if (a.nulls[i])
        {
            if (b.nulls[i])
                continue;
            return 1;
        }
        if (b.nulls[i])
            return -1;
        c = DatumGetInt32(FunctionCall2Coll(column_proc(fcinfo, i, a.types[i], BTREE_AM_OID,
                                                        BTORDER_PROC, "comparison"),
                                            DEFAULT_COLLATION_OID, a.values[i], b.values[i]));
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    if (a.natts != b.natts)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("cannot compare record types with different numbers of columns"));
    return 0;
}

Datum
btrecordcmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(record_cmp(fcinfo));
}

Datum
record_eq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(record_cmp(fcinfo) == 0);
}

Datum
record_ne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(record_cmp(fcinfo) != 0);
}

Datum
record_lt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(record_cmp(fcinfo) < 0);
}

Datum
record_gt(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(record_cmp(fcinfo) > 0);
}

Datum
record_le(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(record_cmp(fcinfo) <= 0);
}

Datum
record_ge(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(record_cmp(fcinfo) >= 0);
}

/* PostgreSQL's hash_record: result = result * 31 + column hash (0 for NULL) */
Datum
hash_record(PG_FUNCTION_ARGS)
{
    DeformedRecord r;
    uint32      result = 0;

    deform_record(fcinfo, PG_GETARG_DATUM(0), 0, &r);
    for (int i = 0; i < r.natts; i++)
    {
        uint32      h = 0;

        if (!r.nulls[i])
            h = DatumGetUInt32(FunctionCall1Coll(column_proc(fcinfo, i, r.types[i], HASH_AM_OID,
                                                             HASHSTANDARD_PROC, "hash"),
                                                 DEFAULT_COLLATION_OID, r.values[i]));
        result = (result << 5) - result + h;
    }
    PG_RETURN_UINT32(result);
}
