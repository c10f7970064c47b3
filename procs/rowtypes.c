/*-------------------------------------------------------------------------
 * rowtypes.c
 *    Anonymous record values: ROW(1, 'a') / (1, 'a') used as a value, and
 *    their text output (record_out, PostgreSQL's quoting rules).
 *
 * A record datum is a self-describing varlena (Basalt's own layout, never
 * stored in tables nor sent in binary): the varlena header, the column
 * count, each column's type OID, then -- at a MAXALIGN'd offset -- the
 * heap tuple header and data as heap_form_tuple builds them.  Carrying the
 * column types in the value stands in for PostgreSQL's blessed record
 * typmods (the typcache), so record_out needs no per-query registry.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "procs/adt.h"
#include "procs/rowtypes.h"

typedef struct RecordDatumHeader
{
    uint32      vl_len_;
    int32       natts;
    Oid         atttypes[];
} RecordDatumHeader;

#define RECORD_DATA_OFFSET(natts) \
    MAXALIGN(offsetof(RecordDatumHeader, atttypes) + sizeof(Oid) * (Size) (natts))

Datum
make_record_datum(TupleDesc desc, const Datum *values, const bool *isnull)
{
    HeapTuple   tup = heap_form_tuple(desc, values, isnull);
    Size        off = RECORD_DATA_OFFSET(desc->natts);
    RecordDatumHeader *rec = palloc0(off + tup->t_len);

    SET_VARSIZE(rec, off + tup->t_len);
    rec->natts = desc->natts;
    for (int i = 0; i < desc->natts; i++)
        rec->atttypes[i] = TupleDescAttr(desc, i)->atttypid;
    memcpy((char *) rec + off, tup->t_data, tup->t_len);
    return PointerGetDatum(rec);
}

Datum
record_out(PG_FUNCTION_ARGS)
{
    RecordDatumHeader *rec = (RecordDatumHeader *) PG_GETARG_POINTER(0);
    int         natts = rec->natts;
    Size        off = RECORD_DATA_OFFSET(natts);
    TupleDesc   desc = CreateTemplateTupleDesc(natts);
    HeapTupleData tup;
    Datum      *values = palloc(sizeof(Datum) * (Size) Max(natts, 1));
    bool       *nulls = palloc(sizeof(bool) * (Size) Max(natts, 1));
    StringInfoData buf;

    for (int i = 0; i < natts; i++)
        TupleDescInitEntry(desc, i + 1, NULL, rec->atttypes[i], -1, 0);
    memset(&tup, 0, sizeof(tup));
    tup.t_len = VARSIZE(rec) - off;
    tup.t_data = (HeapTupleHeader) ((char *) rec + off);
    ItemPointerSetInvalid(&tup.t_self);
    heap_deform_tuple(&tup, desc, values, nulls);

    initStringInfo(&buf);
    appendStringInfoChar(&buf, '(');
    for (int i = 0; i < natts; i++)
    {
        Oid         typoutput;
        bool        typisvarlena;
        char       *value;
        bool        nq;

        if (i > 0)
            appendStringInfoChar(&buf, ',');
        if (nulls[i])
            continue;
        getTypeOutputInfo(rec->atttypes[i], &typoutput, &typisvarlena);
        value = OidOutputFunctionCall(typoutput, values[i]);
        /* PostgreSQL's record_out: quote empty strings and special characters */
        nq = (value[0] == '\0');
        for (const char *p = value; *p; p++)
        {
            char        ch = *p;

            if (ch == '"' || ch == '\\' || ch == '(' || ch == ')' || ch == ',' ||
                isspace((unsigned char) ch))
            {
                nq = true;
                break;
            }
        }
        if (nq)
            appendStringInfoChar(&buf, '"');
        for (const char *p = value; *p; p++)
        {
            if (*p == '"' || *p == '\\')
                appendStringInfoChar(&buf, *p);
            appendStringInfoChar(&buf, *p);
        }
        if (nq)
            appendStringInfoChar(&buf, '"');
    }
    appendStringInfoChar(&buf, ')');
    PG_RETURN_CSTRING(buf.data);
}

/* ---- comparison and hashing: record_cmp/btrecordcmp, record_eq..., hash_record ---- */

typedef struct DeformedRecord
{
    int         natts;
    const Oid  *types;
    Datum      *values;
    bool       *nulls;
} DeformedRecord;

static void
deform_record(Datum d, DeformedRecord *out)
{
    RecordDatumHeader *rec = (RecordDatumHeader *) DatumGetPointer(d);
    int         natts = rec->natts;
    Size        off = RECORD_DATA_OFFSET(natts);
    TupleDesc   desc = CreateTemplateTupleDesc(natts);
    HeapTupleData tup;

    for (int i = 0; i < natts; i++)
        TupleDescInitEntry(desc, i + 1, NULL, rec->atttypes[i], -1, 0);
    memset(&tup, 0, sizeof(tup));
    tup.t_len = VARSIZE(rec) - off;
    tup.t_data = (HeapTupleHeader) ((char *) rec + off);
    ItemPointerSetInvalid(&tup.t_self);
    out->natts = natts;
    out->types = rec->atttypes;
    out->values = palloc(sizeof(Datum) * (Size) Max(natts, 1));
    out->nulls = palloc(sizeof(bool) * (Size) Max(natts, 1));
    heap_deform_tuple(&tup, desc, out->values, out->nulls);
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

    deform_record(PG_GETARG_DATUM(0), &a);
    deform_record(PG_GETARG_DATUM(1), &b);
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
        c = DatumGetInt32(OidFunctionCall2Coll(record_column_proc(a.types[i], BTREE_AM_OID,
                                                                  BTORDER_PROC, "comparison"),
                                               DEFAULT_COLLATION_OID, a.values[i],
                                               b.values[i]));
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

    deform_record(PG_GETARG_DATUM(0), &r);
    for (int i = 0; i < r.natts; i++)
    {
        uint32      h = 0;

        if (!r.nulls[i])
            h = DatumGetUInt32(OidFunctionCall1Coll(record_column_proc(r.types[i], HASH_AM_OID,
                                                                       HASHSTANDARD_PROC,
                                                                       "hash"),
                                                    DEFAULT_COLLATION_OID, r.values[i]));
        result = (result << 5) - result + h;
    }
    PG_RETURN_UINT32(result);
}
