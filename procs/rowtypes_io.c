/*-------------------------------------------------------------------------
 * rowtypes_io.c
 *    Text and binary I/O of record values (see rowtypes.c for their
 *    in-memory layout): record_out, record_in, record_send, record_recv,
 *    in PostgreSQL's formats.
 *
 * Text: "(1,b)", a field quoted when it is empty or holds a quote,
 * backslash, parenthesis, comma or white space; a NULL field is empty.
 * Binary: int4 column count, then per column the type OID, an int4 length
 * (-1 for NULL) and the column's binary value.
 *
 * Input needs a named composite type (its columns come from the table);
 * input of the anonymous RECORD type is refused as in PostgreSQL.  The
 * per-column I/O functions are looked up once per call site and kept in
 * flinfo->fn_extra while the record's column types stay the same.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "pgwire/pqformat.h"
#include "procs/adt.h"
#include "procs/rowtypes.h"

/* Per-call-site cache: the record's descriptor and each column's I/O function. */
typedef struct RecordIOData
{
    TupleDesc   desc;
    Datum      *values;
    bool       *nulls;
    FmgrInfo   *procs;
    Oid        *ioparams;
} RecordIOData;

typedef enum { RECIO_OUT, RECIO_SEND, RECIO_IN, RECIO_RECV } RecordIOKind;

static RecordIOData *
record_io_setup(FunctionCallInfo fcinfo, TupleDesc desc, RecordIOKind kind)
{
    MemoryContext mcxt = fcinfo->flinfo->fn_mcxt ? fcinfo->flinfo->fn_mcxt : CurrentMemoryContext;
    MemoryContext old = MemoryContextSwitchTo(mcxt);
    RecordIOData *io = palloc0(sizeof(RecordIOData));
    int         n = Max(desc->natts, 1);

    io->desc = CreateTupleDescCopy(desc);
    io->desc->tdtypeid = desc->tdtypeid;
    io->values = palloc(sizeof(Datum) * (Size) n);
    io->nulls = palloc(sizeof(bool) * (Size) n);
    io->procs = palloc0(sizeof(FmgrInfo) * (Size) n);
    io->ioparams = palloc0(sizeof(Oid) * (Size) n);
    for (int i = 0; i < desc->natts; i++)
    {
        Oid         typid = TupleDescAttr(desc, i)->atttypid;
        Oid         proc;
        bool        isvarlena;

        switch (kind)
        {
            case RECIO_OUT:
                getTypeOutputInfo(typid, &proc, &isvarlena);
                break;
            case RECIO_SEND:
                getTypeBinaryOutputInfo(typid, &proc, &isvarlena);
                break;
            case RECIO_IN:
                getTypeInputInfo(typid, &proc, &io->ioparams[i]);
                break;
            default:
                getTypeBinaryInputInfo(typid, &proc, &io->ioparams[i]);
                break;
        }
        fmgr_info_cxt(proc, &io->procs[i], mcxt);
    }
    MemoryContextSwitchTo(old);
    fcinfo->flinfo->fn_extra = io;
    return io;
}

/* The cached I/O data for an output call on rec, deformed into io->values. */
static RecordIOData *
record_io_for_value(FunctionCallInfo fcinfo, Datum rec, RecordIOKind kind)
{
    RecordIOData *io = fcinfo->flinfo->fn_extra;

    if (io == NULL || !record_tupdesc_matches(rec, io->desc))
        io = record_io_setup(fcinfo, record_tupdesc(rec), kind);
    record_deform(rec, io->desc, io->values, io->nulls);
    return io;
}

/* The cached I/O data for an input call of composite type typid. */
static RecordIOData *
record_io_for_type(FunctionCallInfo fcinfo, Oid typid, RecordIOKind kind)
{
    RecordIOData *io = fcinfo->flinfo->fn_extra;

    if (typid == RECORDOID)
        ereport(ERROR,
                errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("input of anonymous composite types is not implemented"));
    if (io == NULL || io->desc->tdtypeid != typid)
        io = record_io_setup(fcinfo, composite_type_tupdesc(typid), kind);
    return io;
}

Datum
record_out(PG_FUNCTION_ARGS)
{
    RecordIOData *io = record_io_for_value(fcinfo, PG_GETARG_DATUM(0), RECIO_OUT);
    StringInfoData buf;

    initStringInfo(&buf);
    appendStringInfoChar(&buf, '(');
    for (int i = 0; i < io->desc->natts; i++)
    {
        char       *value;
        bool        nq;

        if (i > 0)
            appendStringInfoChar(&buf, ',');
        if (io->nulls[i])
            continue;
        value = OutputFunctionCall(&io->procs[i], io->values[i]);
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

static void
malformed_record(const char *string, const char *detail)
{
    ereport(ERROR,
            errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
            errmsg("malformed record literal: \"%s\"", string),
            errdetail("%s", detail));
}

/* record_in(cstring, typioparam, typmod): PostgreSQL's parser of "(...)". */
Datum
record_in(PG_FUNCTION_ARGS)
{
    char       *string = PG_GETARG_CSTRING(0);
    Oid         typid = PG_GETARG_OID(1);
    RecordIOData *io = record_io_for_type(fcinfo, typid, RECIO_IN);
    TupleDesc   desc = io->desc;
    const char *ptr = string;
    StringInfoData buf;

    while (*ptr && isspace((unsigned char) *ptr))
        ptr++;
    if (*ptr++ != '(')
        malformed_record(string, "Missing left parenthesis.");
    initStringInfo(&buf);
    for (int i = 0; i < desc->natts; i++)
    {
        char       *column_data;

        if (i > 0)
        {
            if (*ptr == ',')
                ptr++;
            else
                malformed_record(string, "Too few columns.");
        }
        if (*ptr == ',' || *ptr == ')')
            column_data = NULL;
        else
        {
            bool        inquote = false;

            resetStringInfo(&buf);
            while (inquote || !(*ptr == ',' || *ptr == ')'))
            {
                char        ch = *ptr++;

                if (ch == '\0')
                    malformed_record(string, "Unexpected end of input.");
                if (ch == '\\')
                {
                    if (*ptr == '\0')
                        malformed_record(string, "Unexpected end of input.");
                    appendStringInfoChar(&buf, *ptr++);
                }
                else if (ch == '"')
                {
                    if (!inquote)
                        inquote = true;
                    else if (*ptr == '"')
                    {
                        appendStringInfoChar(&buf, *ptr++);
                    }
                    else
                        inquote = false;
                }
                else
                    appendStringInfoChar(&buf, ch);
            }
            column_data = buf.data;
        }
        io->nulls[i] = (column_data == NULL);
        io->values[i] = column_data == NULL ? (Datum) 0 :
            InputFunctionCall(&io->procs[i], column_data, io->ioparams[i],
                              TupleDescAttr(desc, i)->atttypmod);
    }
    if (*ptr++ != ')')
        malformed_record(string, "Too many columns.");
    while (*ptr && isspace((unsigned char) *ptr))
        ptr++;
    if (*ptr)
        malformed_record(string, "Junk after right parenthesis.");
    PG_RETURN_DATUM(make_record_datum(desc, io->values, io->nulls));
}

Datum
record_send(PG_FUNCTION_ARGS)
{
    RecordIOData *io = record_io_for_value(fcinfo, PG_GETARG_DATUM(0), RECIO_SEND);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, (uint32) io->desc->natts);
    for (int i = 0; i < io->desc->natts; i++)
    {
        pq_sendint32(&buf, TupleDescAttr(io->desc, i)->atttypid);
        if (io->nulls[i])
        {
            pq_sendint32(&buf, (uint32) -1);
            continue;
        }
        {
            bytea      *out = SendFunctionCall(&io->procs[i], io->values[i]);
            int         len = (int) (VARSIZE(out) - VARHDRSZ);

            pq_sendint32(&buf, (uint32) len);
            pq_sendbytes(&buf, VARDATA(out), len);
        }
    }
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
record_recv(PG_FUNCTION_ARGS)
{
    StringInfo  buf = (StringInfo) PG_GETARG_POINTER(0);
    Oid         typid = PG_GETARG_OID(1);
    RecordIOData *io = record_io_for_type(fcinfo, typid, RECIO_RECV);
    TupleDesc   desc = io->desc;
    int         ncolumns = (int) pq_getmsgint(buf, 4);

    if (ncolumns != desc->natts)
        ereport(ERROR,
                errcode(ERRCODE_DATATYPE_MISMATCH),
                errmsg("wrong number of columns: %d, expected %d", ncolumns, desc->natts));
    for (int i = 0; i < desc->natts; i++)
    {
        Oid         coltypoid = (Oid) pq_getmsgint(buf, 4);
        int         itemlen;

        if (coltypoid != TupleDescAttr(desc, i)->atttypid)
            ereport(ERROR,
                    errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("wrong data type: %u, expected %u", coltypoid,
                           TupleDescAttr(desc, i)->atttypid));
        itemlen = (int) pq_getmsgint(buf, 4);
        if (itemlen < -1 || itemlen > buf->len - buf->cursor)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                    errmsg("insufficient data left in message"));
        if (itemlen == -1)
        {
            io->values[i] = (Datum) 0;
            io->nulls[i] = true;
            continue;
        }
        {
            StringInfoData item;

            item.data = palloc((Size) itemlen + 1);
            memcpy(item.data, buf->data + buf->cursor, (Size) itemlen);
            item.data[itemlen] = '\0';
            item.len = itemlen;
            item.maxlen = itemlen + 1;
            item.cursor = 0;
            buf->cursor += itemlen;
            io->values[i] = ReceiveFunctionCall(&io->procs[i], &item, io->ioparams[i],
                                                TupleDescAttr(desc, i)->atttypmod);
            io->nulls[i] = false;
            if (item.cursor != itemlen)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                        errmsg("improper binary format in record column %d", i + 1));
        }
    }
    PG_RETURN_DATUM(make_record_datum(desc, io->values, io->nulls));
}
