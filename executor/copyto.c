/*-------------------------------------------------------------------------
 * copyto.c
 *    COPY ... TO: writes a table's rows, or a query's, as text, CSV or
 *    binary to the client (COPY TO STDOUT) or a server file
 *    (PostgreSQL's commands/copyto.c).
 *
 * Entry point: CopyTo (from executor/copy.c's DoCopy).
 *
 * A table is read with a sequential heap scan under the statement's
 * snapshot; a query is planned and run with a receiver that formats each
 * row.  Each row is built in one reused buffer and sent as one CopyData
 * message (or written to the file) before the next is read; per-row
 * allocations (output functions) go to a per-row context reset after each
 * row, so memory does not grow with the table.
 *
 * Formats (PostgreSQL's CopyAttributeOutText / CopyAttributeOutCSV):
 * text escapes backslash, the delimiter and \b \f \n \r \t \v; CSV quotes
 * a value that contains the delimiter, the quote, CR or LF, that equals
 * the NULL string, that is "\." alone in a single-column row, or whose
 * column is in FORCE_QUOTE; binary writes PostgreSQL's PGCOPY header, a
 * field count and length-prefixed send-function output per row, and the
 * -1 trailer.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <arpa/inet.h>
#include <stdio.h>

#include "backend/interrupts.h"
#include "catalog/lsyscache.h"
#include "executor/copy.h"
#include "executor/executor.h"
#include "pgwire/copy_protocol.h"
#include "pgwire/pqformat.h"
#include "planner/planner.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

typedef struct CopyToState
{
    DestReceiver pub;           /* first: the query's receiver */
    CopyFormatOptions *opts;
    CopyDest    dest;
    FILE       *file;
    List       *attnums;
    int         attr_count;
    TupleDesc   desc;
    Relation    rel;            /* NULL for COPY (query) */
    FmgrInfo   *out_functions;  /* per physical column */
    bool       *force_quote_flags;
    StringInfoData row;         /* the row being built */
    MemoryContext rowcxt;
    uint64      processed;
} CopyToState;

static const char BinarySignature[11] = "PGCOPY\n\377\r\n\0";

/* ---------------------------------------------------------------- output */

/* Send the row buffer: one CopyData message, or the file. */
static void
copy_send_row(CopyToState *cs)
{
    if (cs->dest == COPY_DEST_FRONTEND)
        pq_send_copy_data(cs->row.data, cs->row.len);
    else if (cs->row.len > 0 &&
             fwrite(cs->row.data, 1, (size_t) cs->row.len, cs->file) != (size_t) cs->row.len)
        ereport(ERROR,
                (errcode_for_file_access(),
                 errmsg("could not write to COPY file: %m")));
    resetStringInfo(&cs->row);
}

static void
append_int16(StringInfo buf, int16 v)
{
    uint16      n = htons((uint16) v);

    appendBinaryStringInfo(buf, &n, 2);
}

static void
append_int32(StringInfo buf, int32 v)
{
    uint32      n = htonl((uint32) v);

    appendBinaryStringInfo(buf, &n, 4);
}

static void
copy_attribute_out_text(CopyToState *cs, const char *string)
{
    char        delimc = cs->opts->delim[0];
    const char *start = string;
    const char *ptr = string;
    char        c;

    while ((c = *ptr) != '\0')
    {
        if ((unsigned char) c < 0x20)
        {
            char        esc;

            switch (c)
            {
                case '\b': esc = 'b'; break;
                case '\f': esc = 'f'; break;
                case '\n': esc = 'n'; break;
                case '\r': esc = 'r'; break;
                case '\t': esc = 't'; break;
                case '\v': esc = 'v'; break;
                default:
                    if (c == delimc)
                    {
                        esc = c;
                        break;
                    }
                    /* other control characters go out as they are */
                    ptr++;
                    continue;
            }
            appendBinaryStringInfo(&cs->row, start, (int) (ptr - start));
            appendStringInfoChar(&cs->row, '\\');
            appendStringInfoChar(&cs->row, esc);
            start = ++ptr;
        }
        else if (c == '\\' || c == delimc)
        {
            appendBinaryStringInfo(&cs->row, start, (int) (ptr - start));
            appendStringInfoChar(&cs->row, '\\');
            start = ptr++;      /* the character itself goes with the next run */
        }
        else
            ptr++;
    }
    appendBinaryStringInfo(&cs->row, start, (int) (ptr - start));
}

static void
copy_attribute_out_csv(CopyToState *cs, const char *string, bool use_quote, bool single_attr)
{
    char        delimc = cs->opts->delim[0];
    char        quotec = cs->opts->quote[0];
    char        escapec = cs->opts->escape[0];
    const char *ptr;

    /* a value equal to the NULL string is quoted so it reads back as a value */
    if (!use_quote && strcmp(string, cs->opts->null_print) == 0)
        use_quote = true;
    if (!use_quote)
    {
        if (single_attr && strcmp(string, "\\.") == 0)
            use_quote = true;
        else
        {
            for (ptr = string; *ptr; ptr++)
            {
                if (*ptr == delimc || *ptr == quotec || *ptr == '\n' || *ptr == '\r')
                {
                    use_quote = true;
                    break;
                }
            }
        }
    }
    if (!use_quote)
    {
        appendStringInfoString(&cs->row, string);
        return;
    }
    appendStringInfoChar(&cs->row, quotec);
    for (ptr = string; *ptr; ptr++)
    {
        if (*ptr == quotec || *ptr == escapec)
            appendStringInfoChar(&cs->row, escapec);
        appendStringInfoChar(&cs->row, *ptr);
    }
    appendStringInfoChar(&cs->row, quotec);
}

static void
copy_send_header(CopyToState *cs)
{
    ListCell   *lc;

    if (cs->opts->binary)
    {
        appendBinaryStringInfo(&cs->row, BinarySignature, 11);
        append_int32(&cs->row, 0);      /* flags */
        append_int32(&cs->row, 0);      /* header extension length */
        copy_send_row(cs);
        return;
    }
    if (cs->opts->header_line == COPY_HEADER_FALSE)
        return;
    foreach(lc, cs->attnums)
    {
        const char *colname = NameStr(TupleDescAttr(cs->desc, lfirst_int(lc) - 1)->attname);

        if (foreach_current_index(lc) > 0)
            appendStringInfoChar(&cs->row, cs->opts->delim[0]);
        if (cs->opts->csv_mode)
            copy_attribute_out_csv(cs, colname, false, cs->attr_count == 1);
        else
            copy_attribute_out_text(cs, colname);
    }
    appendStringInfoChar(&cs->row, '\n');
    copy_send_row(cs);
}

/* Format and send one row (the slot holds the table's or query's columns). */
static void
copy_one_row(CopyToState *cs, TupleTableSlot *slot)
{
    MemoryContext old = MemoryContextSwitchTo(cs->rowcxt);
    ListCell   *lc;

    slot_getallattrs(slot);
    if (cs->opts->binary)
        append_int16(&cs->row, (int16) cs->attr_count);
    foreach(lc, cs->attnums)
    {
        int         m = lfirst_int(lc) - 1;
        Datum       value = slot->tts_values[m];
        bool        isnull = slot->tts_isnull[m];

        if (cs->opts->binary)
        {
            if (isnull)
                append_int32(&cs->row, -1);
            else
            {
                bytea      *out = SendFunctionCall(&cs->out_functions[m], value);

                append_int32(&cs->row, (int32) (VARSIZE(out) - VARHDRSZ));
                appendBinaryStringInfo(&cs->row, VARDATA(out), (int) (VARSIZE(out) - VARHDRSZ));
            }
            continue;
        }
        if (foreach_current_index(lc) > 0)
            appendStringInfoChar(&cs->row, cs->opts->delim[0]);
        if (isnull)
            appendStringInfoString(&cs->row, cs->opts->null_print);
        else
        {
            char       *string = OutputFunctionCall(&cs->out_functions[m], value);

            if (cs->opts->csv_mode)
                copy_attribute_out_csv(cs, string, cs->force_quote_flags[m],
                                       cs->attr_count == 1);
            else
                copy_attribute_out_text(cs, string);
        }
    }
    if (!cs->opts->binary)
        appendStringInfoChar(&cs->row, '\n');
    copy_send_row(cs);
    MemoryContextSwitchTo(old);
    MemoryContextReset(cs->rowcxt);
    cs->processed++;
}

/* ---------------------------------------------------------------- receiver */

static bool
copy_dest_receive(TupleTableSlot *slot, DestReceiver *self)
{
    CHECK_FOR_INTERRUPTS();
    copy_one_row((CopyToState *) self, slot);
    return true;
}

static void
copy_dest_startup(DestReceiver *self, int operation, TupleDesc typeinfo)
{
    (void) self;
    (void) operation;
    (void) typeinfo;
}

static void
copy_dest_noop(DestReceiver *self)
{
    (void) self;
}

/* ---------------------------------------------------------------- CopyTo */

static void
copy_to_start(CopyToState *cs)
{
    ListCell   *lc;

    cs->attr_count = list_length(cs->attnums);
    cs->out_functions = palloc0(sizeof(FmgrInfo) * (Size) Max(cs->desc->natts, 1));
    foreach(lc, cs->attnums)
    {
        int         m = lfirst_int(lc) - 1;
        Oid         func;
        bool        isvarlena;

        if (cs->opts->binary)
            getTypeBinaryOutputInfo(TupleDescAttr(cs->desc, m)->atttypid, &func, &isvarlena);
        else
            getTypeOutputInfo(TupleDescAttr(cs->desc, m)->atttypid, &func, &isvarlena);
        fmgr_info(func, &cs->out_functions[m]);
    }
    if (cs->opts->force_quote_all)
    {
        cs->force_quote_flags = palloc0(sizeof(bool) * (Size) Max(cs->desc->natts, 1));
        foreach(lc, cs->attnums)
            cs->force_quote_flags[lfirst_int(lc) - 1] = true;
    }
    else
        cs->force_quote_flags = CopyForceFlags(cs->opts->force_quote, "FORCE_QUOTE",
                                               cs->desc, cs->rel, cs->attnums);
    initStringInfo(&cs->row);
    cs->rowcxt = AllocSetContextCreate(CurrentMemoryContext, "COPY TO row");
}

static void
copy_to_begin_output(CopyToState *cs)
{
    if (cs->dest == COPY_DEST_FRONTEND)
        pq_send_copy_out_response(cs->opts->binary, cs->attr_count);
    copy_send_header(cs);
}

static void
copy_to_finish(CopyToState *cs)
{
    if (cs->opts->binary)
    {
        append_int16(&cs->row, -1);
        copy_send_row(cs);
    }
    if (cs->dest == COPY_DEST_FRONTEND)
        pq_send_copy_done();
    MemoryContextDelete(cs->rowcxt);
}

uint64
CopyTo(Relation rel, List *attnums, PgQuery__Node *query, CopyFormatOptions *opts,
       CopyDest dest, FILE *file, const char *queryString, int stmt_location, int stmt_len)
{
    CopyToState cs;

    memset(&cs, 0, sizeof(cs));
    cs.opts = opts;
    cs.dest = dest;
    cs.file = file;
    cs.rel = rel;

    if (rel != NULL)
    {
        TupleTableSlot *slot;
        HeapScanDesc scan;
        HeapTuple   tup;

        cs.desc = RelationGetDescr(rel);
        cs.attnums = attnums;
        copy_to_start(&cs);
        copy_to_begin_output(&cs);
        slot = MakeSingleTupleTableSlot(cs.desc);
        scan = heap_beginscan(rel, GetTransactionSnapshot());
        while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        {
            CHECK_FOR_INTERRUPTS();
            ExecStoreHeapTuple(tup, slot, false);
            copy_one_row(&cs, slot);
        }
        heap_endscan(scan);
        ExecDropSingleTupleTableSlot(slot);
        copy_to_finish(&cs);
    }
    else
    {
        RawStmt     raw;
        Query      *analyzed;
        PlannedStmt *plan;
        QueryDesc  *qd;

        raw.stmt = query;
        raw.stmt_location = stmt_location;
        raw.stmt_len = stmt_len;
        analyzed = parse_analyze_fixedparams(&raw, queryString, NULL, 0);
        if (analyzed->commandType != CMD_SELECT && analyzed->returningList == NIL)
            ereport(ERROR,
                    (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                     errmsg("COPY query must have a RETURNING clause")));
        plan = pg_plan_query(analyzed, queryString, NULL);

        cs.pub.receiveSlot = copy_dest_receive;
        cs.pub.rStartup = copy_dest_startup;
        cs.pub.rShutdown = copy_dest_noop;
        cs.pub.rDestroy = copy_dest_noop;
        cs.pub.mydest = DestNone;

        qd = CreateQueryDesc(plan, queryString, GetTransactionSnapshot(), &cs.pub, NULL);
        ExecutorStart(qd, 0);
        cs.desc = qd->tupDesc;
        cs.attnums = CopyGetAttnums(cs.desc, NULL, NULL, 0);
        copy_to_start(&cs);
        copy_to_begin_output(&cs);
        ExecutorRun(qd, ForwardScanDirection, 0);
        ExecutorFinish(qd);
        ExecutorEnd(qd);
        FreeQueryDesc(qd);
        copy_to_finish(&cs);
    }
    return cs.processed;
}
