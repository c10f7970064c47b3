/*-------------------------------------------------------------------------
 * copyfrom.c
 *    COPY ... FROM: reads text, CSV or binary rows from the client (COPY
 *    FROM STDIN) or a server file and inserts them through INSERT's
 *    per-row path (PostgreSQL's commands/copyfrom.c and copyfromparse.c).
 *
 * Entry point: CopyFrom (from executor/copy.c's DoCopy).
 *
 * Data flow, one row at a time (memory is bounded by the longest line,
 * never by the input):
 *
 *    raw source  ->  raw chunk    (one CopyData message, or COPY_RAW_BUF_SIZE
 *                                  bytes of the file)
 *                ->  line_buf     (text/CSV: one record, newline removed;
 *                                  capped at COPY_MAX_LINE_BYTES)
 *                ->  attribute_buf + raw_fields (de-escaped field strings)
 *                ->  slot values  (type input / receive functions, in the
 *                                  per-row context; defaults for columns
 *                                  not copied)
 *                ->  ExecInsertSlot (nodeModifyTable.c: NOT NULL, CHECK,
 *                                  heap, indexes, foreign keys)
 *
 * The line reader follows PostgreSQL's CopyReadLineText: the first line
 * fixes the newline style (\n, \r or \r\n) and later lines must use it;
 * in text format a backslash protects the next character (even a newline)
 * and "\." ends the data; in CSV a newline inside quotes belongs to the
 * field and "\." ends the data only alone at the start of a line.  After
 * the end marker the rest of a copy-in is read and discarded up to
 * CopyDone, as PostgreSQL does.
 *
 * Errors carry PostgreSQL's CONTEXT line: "COPY t, line N, column c:
 * "value"" while a value is converted, "COPY t, line N: "line"" for
 * whole-line problems (MAX_COPY_DATA_DISPLAY bytes of either).
 *
 * Foreign keys are checked at the end of the statement (ExecFKEndStatement),
 * as PostgreSQL's RI triggers fire at the end of COPY.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>

#include "backend/interrupts.h"
#include "catalog/catalog.h"
#include "catalog/catalog_attnums.h"
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "executor/copy.h"
#include "executor/execConstraints.h"
#include "executor/execForeignKeys.h"
#include "executor/execIndexing.h"
#include "executor/executor.h"
#include "pgwire/copy_protocol.h"
#include "pgwire/pqformat.h"
#include "planner/nodefuncs.h"
#include "planner/parse_node.h"
#include "storage/lmgr.h"
#include "storage/snapshot.h"
#include "storage/xact.h"

typedef enum EolType
{
    EOL_UNKNOWN,
    EOL_NL,
    EOL_CR,
    EOL_CRNL
} EolType;

typedef struct CopyFromState
{
    Relation    rel;
    List       *attnums;        /* columns in the data, in order */
    int         attr_count;
    CopyFormatOptions *opts;
    CopyDest    dest;
    FILE       *file;

    /* raw input: the current chunk */
    StringInfoData chunk;       /* CopyData body or file bytes */
    int         chunk_pos;
    bool        raw_eof;        /* CopyDone / end of file seen */

    /* text and CSV */
    EolType     eol_type;
    StringInfoData line_buf;
    bool        line_buf_valid; /* line_buf holds the current line (for CONTEXT) */
    StringInfoData attribute_buf;
    char      **raw_fields;
    int         max_fields;

    /* error context */
    const char *cur_relname;
    uint64      cur_lineno;
    const char *cur_attname;
    const char *cur_attval;

    /* conversion, per physical column */
    FmgrInfo   *in_functions;
    Oid        *typioparams;
    bool       *force_notnull_flags;
    bool       *force_null_flags;
    ExprState **defexprs;       /* columns not copied that have a default */
} CopyFromState;

static const char BinarySignature[11] = "PGCOPY\n\377\r\n\0";

/* ---------------------------------------------------------------- errors */

static void
copy_from_error_callback(void *arg)
{
    CopyFromState *cs = (CopyFromState *) arg;

    if (cs->opts->binary)
    {
        if (cs->cur_attname)
            errcontext_msg("COPY %s, line %llu, column %s", cs->cur_relname,
                           (unsigned long long) cs->cur_lineno, cs->cur_attname);
        else
            errcontext_msg("COPY %s, line %llu", cs->cur_relname,
                           (unsigned long long) cs->cur_lineno);
        return;
    }
    /*
     * PostgreSQL buffers rows and inserts their index entries in batches
     * (CopyMultiInsertBuffer), when the line text is gone: a unique
     * violation names only the line number.  (It inserts row by row, with
     * the text, when a default is volatile; Basalt shows the batch form.)
     */
    if (cs->cur_attname && cs->cur_attval)
        errcontext_msg("COPY %s, line %llu, column %s: \"%s\"", cs->cur_relname,
                       (unsigned long long) cs->cur_lineno, cs->cur_attname,
                       copy_limit_printout(cs->cur_attval));
    else if (cs->cur_attname)
        errcontext_msg("COPY %s, line %llu, column %s: null input", cs->cur_relname,
                       (unsigned long long) cs->cur_lineno, cs->cur_attname);
    else if (cs->line_buf_valid && geterrcode() != ERRCODE_UNIQUE_VIOLATION)
        errcontext_msg("COPY %s, line %llu: \"%s\"", cs->cur_relname,
                       (unsigned long long) cs->cur_lineno,
                       copy_limit_printout(cs->line_buf.data));
    else
        errcontext_msg("COPY %s, line %llu", cs->cur_relname,
                       (unsigned long long) cs->cur_lineno);
}

static void
line_too_long(void)
{
    ereport(ERROR,
            (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
             errmsg("COPY line is too long"),
             errdetail("A line of COPY data may hold at most %d bytes.", COPY_MAX_LINE_BYTES)));
}

/* ---------------------------------------------------------------- raw input */

/* Load the next chunk; false at the end of the data. */
static bool
copy_load_chunk(CopyFromState *cs)
{
    if (cs->raw_eof)
        return false;
    cs->chunk_pos = 0;
    if (cs->dest == COPY_DEST_FRONTEND)
    {
        for (;;)
        {
            if (!pq_get_copy_data(&cs->chunk))
            {
                resetStringInfo(&cs->chunk);
                cs->raw_eof = true;
                return false;
            }
            if (cs->chunk.len > 0)
                return true;
        }
    }
    else
    {
        size_t      n;

        resetStringInfo(&cs->chunk);
        enlargeStringInfo(&cs->chunk, COPY_RAW_BUF_SIZE);
        CHECK_FOR_INTERRUPTS();
        n = fread(cs->chunk.data, 1, COPY_RAW_BUF_SIZE, cs->file);
        if (ferror(cs->file))
            ereport(ERROR,
                    (errcode_for_file_access(),
                     errmsg("could not read from COPY file: %m")));
        cs->chunk.len = (int) n;
        if (n == 0)
        {
            cs->raw_eof = true;
            return false;
        }
        return true;
    }
}

static inline int
copy_getc(CopyFromState *cs)
{
    if (cs->chunk_pos >= cs->chunk.len && !copy_load_chunk(cs))
        return EOF;
    return (unsigned char) cs->chunk.data[cs->chunk_pos++];
}

static inline int
copy_peekc(CopyFromState *cs)
{
    if (cs->chunk_pos >= cs->chunk.len && !copy_load_chunk(cs))
        return EOF;
    return (unsigned char) cs->chunk.data[cs->chunk_pos];
}

/* Read up to n bytes into dst; returns how many (fewer only at the end). */
static int
copy_read_bytes(CopyFromState *cs, char *dst, int n)
{
    int         got = 0;

    while (got < n)
    {
        int         avail;

        if (cs->chunk_pos >= cs->chunk.len && !copy_load_chunk(cs))
            break;
        avail = Min(cs->chunk.len - cs->chunk_pos, n - got);
        memcpy(dst + got, cs->chunk.data + cs->chunk_pos, (size_t) avail);
        cs->chunk_pos += avail;
        got += avail;
    }
    return got;
}

/* After the end marker: the client's remaining CopyData is read and dropped. */
static void
copy_discard_rest(CopyFromState *cs)
{
    if (cs->dest != COPY_DEST_FRONTEND)
        return;
    while (!cs->raw_eof)
    {
        cs->chunk_pos = cs->chunk.len;
        (void) copy_load_chunk(cs);
    }
}

/* ---------------------------------------------------------------- lines */

static inline void
line_append(CopyFromState *cs, int c)
{
    if (cs->line_buf.len >= COPY_MAX_LINE_BYTES)
        line_too_long();
    appendStringInfoChar(&cs->line_buf, (char) c);
}

static void
bad_cr(CopyFromState *cs)
{
    ereport(ERROR,
            (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
             !cs->opts->csv_mode ? errmsg("literal carriage return found in data") :
             errmsg("unquoted carriage return found in data"),
             !cs->opts->csv_mode ? errhint("Use \"\\r\" to represent carriage return.") :
             errhint("Use quoted CSV field to represent carriage return.")));
}

static void
bad_nl(CopyFromState *cs)
{
    ereport(ERROR,
            (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
             !cs->opts->csv_mode ? errmsg("literal newline found in data") :
             errmsg("unquoted newline found in data"),
             !cs->opts->csv_mode ? errhint("Use \"\\n\" to represent newline.") :
             errhint("Use quoted CSV field to represent newline.")));
}

static void
eoc_error(const char *msg)
{
    ereport(ERROR,
            (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
             errmsg("%s", msg)));
}

/*
 * Read one record into line_buf without its newline.  Returns true when
 * the data ended (EOF or the end marker); line_buf may still hold a last
 * line without a newline.  PostgreSQL's CopyReadLineText.
 */
static bool
copy_read_line(CopyFromState *cs)
{
    bool        csv = cs->opts->csv_mode;
    int         quotec = csv ? (unsigned char) cs->opts->quote[0] : -2;
    int         escapec = csv ? (unsigned char) cs->opts->escape[0] : -2;
    bool        in_quote = false;
    bool        last_was_esc = false;
    bool        first_char_in_line = true;
    bool        done = false;

    /* an escape equal to the quote is just the quote toggling twice */
    if (escapec == quotec)
        escapec = -2;
    resetStringInfo(&cs->line_buf);
    cs->line_buf_valid = false;

    for (;;)
    {
        int         c = copy_getc(cs);

        if (c == EOF)
        {
            done = true;
            break;
        }
        if (csv)
        {
            if (in_quote && c == escapec)
                last_was_esc = !last_was_esc;
            if (c == quotec && !last_was_esc)
                in_quote = !in_quote;
            if (c != escapec)
                last_was_esc = false;
            /* a physical line inside a quoted field still counts */
            if (in_quote && c == (cs->eol_type == EOL_NL ? '\n' : '\r'))
                cs->cur_lineno++;
        }

        if (c == '\r' && (!csv || !in_quote))
        {
            if (cs->eol_type == EOL_UNKNOWN || cs->eol_type == EOL_CRNL)
            {
                if (copy_peekc(cs) == '\n')
                {
                    (void) copy_getc(cs);
                    cs->eol_type = EOL_CRNL;
                }
                else
                {
                    if (cs->eol_type == EOL_CRNL)
                        bad_cr(cs);
                    cs->eol_type = EOL_CR;
                }
            }
            else if (cs->eol_type == EOL_NL)
                bad_cr(cs);
            break;
        }
        if (c == '\n' && (!csv || !in_quote))
        {
            if (cs->eol_type == EOL_CR || cs->eol_type == EOL_CRNL)
                bad_nl(cs);
            cs->eol_type = EOL_NL;
            break;
        }

        if (c == '\\' && (!csv || first_char_in_line))
        {
            int         c2 = copy_peekc(cs);

            if (c2 == EOF)
            {
                line_append(cs, c);
                done = true;
                break;
            }
            if (c2 == '.')
            {
                int         c3;
                bool        is_end = true;

                (void) copy_getc(cs);
                if (cs->eol_type == EOL_CRNL)
                {
                    c3 = copy_getc(cs);
                    if (c3 == '\n')
                    {
                        if (!csv)
                            eoc_error("end-of-copy marker does not match previous newline style");
                        is_end = false;
                    }
                    else if (c3 != '\r')
                    {
                        if (!csv)
                            eoc_error("end-of-copy marker corrupt");
                        is_end = false;
                    }
                    if (!is_end)
                    {
                        line_append(cs, '\\');
                        line_append(cs, '.');
                        if (c3 != EOF)
                            line_append(cs, c3);
                        first_char_in_line = false;
                        continue;
                    }
                }
                c3 = copy_getc(cs);
                if (c3 != '\r' && c3 != '\n')
                {
                    if (!csv)
                        eoc_error("end-of-copy marker corrupt");
                    line_append(cs, '\\');
                    line_append(cs, '.');
                    if (c3 == EOF)
                    {
                        done = true;
                        break;
                    }
                    line_append(cs, c3);
                    first_char_in_line = false;
                    continue;
                }
                if ((cs->eol_type == EOL_NL && c3 != '\n') ||
                    (cs->eol_type == EOL_CRNL && c3 != '\n') ||
                    (cs->eol_type == EOL_CR && c3 != '\r'))
                    eoc_error("end-of-copy marker does not match previous newline style");
                copy_discard_rest(cs);
                done = true;
                break;
            }
            if (!csv)
            {
                /* a backslash protects the next character, even a newline */
                line_append(cs, c);
                line_append(cs, copy_getc(cs));
                first_char_in_line = false;
                continue;
            }
        }
        line_append(cs, c);
        first_char_in_line = false;
    }

    /* the line is checked for valid UTF-8 before it is shown in CONTEXT */
    (void) pq_verify_utf8(cs->line_buf.data, cs->line_buf.len, false);
    cs->line_buf_valid = true;
    return done;
}

/* ---------------------------------------------------------------- fields */

static void
ensure_fields(CopyFromState *cs, int n)
{
    if (n < cs->max_fields)
        return;
    while (cs->max_fields <= n)
        cs->max_fields *= 2;
    cs->raw_fields = repalloc(cs->raw_fields, sizeof(char *) * (Size) cs->max_fields);
}

static int
hex_value(char c)
{
    if (isdigit((unsigned char) c))
        return c - '0';
    return tolower((unsigned char) c) - 'a' + 10;
}

/* Split a text-format line into de-escaped fields (PostgreSQL's CopyReadAttributesText). */
static int
copy_read_attributes_text(CopyFromState *cs)
{
    char        delimc = cs->opts->delim[0];
    const char *cur = cs->line_buf.data;
    const char *line_end = cs->line_buf.data + cs->line_buf.len;
    char       *out;
    int         fieldno = 0;

    /* a table without columns takes only empty lines */
    if (cs->attr_count == 0)
    {
        if (cs->line_buf.len != 0)
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("extra data after last expected column")));
        return 0;
    }

    /* each field's output is no longer than its input, plus its NUL */
    resetStringInfo(&cs->attribute_buf);
    enlargeStringInfo(&cs->attribute_buf, cs->line_buf.len * 2 + 2);
    out = cs->attribute_buf.data;

    for (;;)
    {
        bool        found_delim = false;
        bool        saw_non_ascii = false;
        const char *start = cur;
        const char *end;
        char       *field_start = out;

        ensure_fields(cs, fieldno);
        cs->raw_fields[fieldno] = out;
        for (;;)
        {
            char        c;

            end = cur;
            if (cur >= line_end)
                break;
            c = *cur++;
            if (c == delimc)
            {
                found_delim = true;
                break;
            }
            if (c == '\\')
            {
                if (cur >= line_end)
                    break;
                c = *cur++;
                switch (c)
                {
                    case '0': case '1': case '2': case '3':
                    case '4': case '5': case '6': case '7':
                        {
                            int         val = c - '0';

                            if (cur < line_end && *cur >= '0' && *cur <= '7')
                            {
                                val = (val << 3) + (*cur++ - '0');
                                if (cur < line_end && *cur >= '0' && *cur <= '7')
                                    val = (val << 3) + (*cur++ - '0');
                            }
                            c = (char) (val & 0377);
                            if (c == '\0' || (c & 0x80))
                                saw_non_ascii = true;
                        }
                        break;
                    case 'x':
                        if (cur < line_end && isxdigit((unsigned char) *cur))
                        {
                            int         val = hex_value(*cur++);

                            if (cur < line_end && isxdigit((unsigned char) *cur))
                                val = (val << 4) + hex_value(*cur++);
                            c = (char) (val & 0xff);
                            if (c == '\0' || (c & 0x80))
                                saw_non_ascii = true;
                        }
                        break;
                    case 'b': c = '\b'; break;
                    case 'f': c = '\f'; break;
                    case 'n': c = '\n'; break;
                    case 'r': c = '\r'; break;
                    case 't': c = '\t'; break;
                    case 'v': c = '\v'; break;
                    default:
                        break;  /* any other character stands for itself */
                }
            }
            *out++ = c;
        }

        /* the null marker is matched against the raw (escaped) input */
        if (end - start == cs->opts->null_print_len &&
            strncmp(start, cs->opts->null_print, (size_t) (end - start)) == 0)
            cs->raw_fields[fieldno] = NULL;
        else if (saw_non_ascii)
            (void) pq_verify_utf8(field_start, (int) (out - field_start), false);
        *out++ = '\0';
        fieldno++;
        if (!found_delim)
            break;
    }
    cs->attribute_buf.len = (int) (out - cs->attribute_buf.data);
    return fieldno;
}

/* Split a CSV line into fields (PostgreSQL's CopyReadAttributesCSV). */
static int
copy_read_attributes_csv(CopyFromState *cs)
{
    char        delimc = cs->opts->delim[0];
    char        quotec = cs->opts->quote[0];
    char        escapec = cs->opts->escape[0];
    const char *cur = cs->line_buf.data;
    const char *line_end = cs->line_buf.data + cs->line_buf.len;
    char       *out;
    int         fieldno = 0;

    if (cs->attr_count == 0)
    {
        if (cs->line_buf.len != 0)
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("extra data after last expected column")));
        return 0;
    }

    resetStringInfo(&cs->attribute_buf);
    enlargeStringInfo(&cs->attribute_buf, cs->line_buf.len * 2 + 2);
    out = cs->attribute_buf.data;

    for (;;)
    {
        bool        found_delim = false;
        bool        saw_quote = false;
        const char *start = cur;
        const char *end = cur;

        ensure_fields(cs, fieldno);
        cs->raw_fields[fieldno] = out;
        for (;;)
        {
            char        c;

            /* not in quotes */
            for (;;)
            {
                end = cur;
                if (cur >= line_end)
                    goto endfield;
                c = *cur++;
                if (c == delimc)
                {
                    found_delim = true;
                    goto endfield;
                }
                if (c == quotec)
                {
                    saw_quote = true;
                    break;
                }
                *out++ = c;
            }
            /* in quotes */
            for (;;)
            {
                end = cur;
                if (cur >= line_end)
                    ereport(ERROR,
                            (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                             errmsg("unterminated CSV quoted field")));
                c = *cur++;
                if (c == escapec && cur < line_end && (*cur == escapec || *cur == quotec))
                {
                    *out++ = *cur++;
                    continue;
                }
                /* after the escape test: quote and escape are often the same */
                if (c == quotec)
                    break;
                *out++ = c;
            }
        }
endfield:
        *out++ = '\0';
        if (!saw_quote && end - start == cs->opts->null_print_len &&
            strncmp(start, cs->opts->null_print, (size_t) (end - start)) == 0)
            cs->raw_fields[fieldno] = NULL;
        fieldno++;
        if (!found_delim)
            break;
    }
    cs->attribute_buf.len = (int) (out - cs->attribute_buf.data);
    return fieldno;
}

/* HEADER MATCH: the header line must name the copied columns, in order. */
static void
check_header_line(CopyFromState *cs, int fldct)
{
    TupleDesc   desc = RelationGetDescr(cs->rel);
    ListCell   *lc;
    int         fldnum = 0;

    if (fldct != cs->attr_count)
        ereport(ERROR,
                (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                 errmsg("wrong number of fields in header line: got %d, expected %d",
                        fldct, cs->attr_count)));
    foreach(lc, cs->attnums)
    {
        Form_pg_attribute att = TupleDescAttr(desc, lfirst_int(lc) - 1);
        const char *colname = cs->raw_fields[fldnum++];

        if (colname == NULL)
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("column name mismatch in header line field %d: got null value (\"%s\"), expected \"%s\"",
                            fldnum, cs->opts->null_print, NameStr(att->attname))));
        if (strcmp(NameStr(att->attname), colname) != 0)
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("column name mismatch in header line field %d: got \"%s\", expected \"%s\"",
                            fldnum, colname, NameStr(att->attname))));
    }
}

/* The next record's raw fields; false at the end of the data. */
static bool
next_raw_fields(CopyFromState *cs, int *fldct)
{
    bool        done;

    if (cs->cur_lineno == 0 && cs->opts->header_line != COPY_HEADER_FALSE)
    {
        cs->cur_lineno++;
        done = copy_read_line(cs);
        if (cs->opts->header_line == COPY_HEADER_MATCH)
            check_header_line(cs, cs->opts->csv_mode ? copy_read_attributes_csv(cs) :
                              copy_read_attributes_text(cs));
        if (done)
            return false;
    }
    cs->cur_lineno++;
    done = copy_read_line(cs);
    if (done && cs->line_buf.len == 0)
        return false;
    *fldct = cs->opts->csv_mode ? copy_read_attributes_csv(cs) : copy_read_attributes_text(cs);
    return true;
}

/* ---------------------------------------------------------------- rows */

/* Fill values/nulls of the copied columns of one text/CSV record. */
static bool
next_copy_from_text(CopyFromState *cs, Datum *values, bool *nulls)
{
    TupleDesc   desc = RelationGetDescr(cs->rel);
    int         fldct;
    int         fieldno = 0;
    ListCell   *lc;

    if (!next_raw_fields(cs, &fldct))
        return false;
    if (cs->attr_count > 0 && fldct > cs->attr_count)
        ereport(ERROR,
                (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                 errmsg("extra data after last expected column")));
    foreach(lc, cs->attnums)
    {
        int         m = lfirst_int(lc) - 1;
        Form_pg_attribute att = TupleDescAttr(desc, m);
        char       *string;

        if (fieldno >= fldct)
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("missing data for column \"%s\"", NameStr(att->attname))));
        string = cs->raw_fields[fieldno++];
        if (cs->opts->csv_mode)
        {
            if (string == NULL && cs->force_notnull_flags[m])
                string = cs->opts->null_print;
            else if (string != NULL && cs->force_null_flags[m] &&
                     strcmp(string, cs->opts->null_print) == 0)
                string = NULL;
        }
        cs->cur_attname = NameStr(att->attname);
        cs->cur_attval = string;
        values[m] = InputFunctionCall(&cs->in_functions[m], string, cs->typioparams[m],
                                      att->atttypmod);
        nulls[m] = string == NULL;
        cs->cur_attname = NULL;
        cs->cur_attval = NULL;
    }
    return true;
}

static void
binary_header_error(const char *msg)
{
    ereport(ERROR,
            (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
             errmsg("%s", msg)));
}

static bool
read_int32(CopyFromState *cs, int32 *val)
{
    uint32      net;

    if (copy_read_bytes(cs, (char *) &net, 4) != 4)
        return false;
    *val = (int32) ntohl(net);
    return true;
}

static bool
read_int16(CopyFromState *cs, int16 *val)
{
    uint16      net;

    if (copy_read_bytes(cs, (char *) &net, 2) != 2)
        return false;
    *val = (int16) ntohs(net);
    return true;
}

/* The binary file header (PostgreSQL's ReceiveCopyBinaryHeader). */
static void
read_binary_header(CopyFromState *cs)
{
    char        sig[11];
    int32       flags;
    int32       extlen;

    if (copy_read_bytes(cs, sig, 11) != 11 || memcmp(sig, BinarySignature, 11) != 0)
        binary_header_error("COPY file signature not recognized");
    if (!read_int32(cs, &flags))
        binary_header_error("invalid COPY file header (missing flags)");
    if ((flags & (1 << 16)) != 0)
        binary_header_error("invalid COPY file header (WITH OIDS)");
    flags &= ~(1 << 16);
    if ((flags >> 16) != 0)
        binary_header_error("unrecognized critical flags in COPY file header");
    if (!read_int32(cs, &extlen) || extlen < 0)
        binary_header_error("invalid COPY file header (missing length)");
    while (extlen-- > 0)
    {
        char        skip;

        if (copy_read_bytes(cs, &skip, 1) != 1)
            binary_header_error("invalid COPY file header (wrong length)");
    }
}

static bool
next_copy_from_binary(CopyFromState *cs, Datum *values, bool *nulls)
{
    TupleDesc   desc = RelationGetDescr(cs->rel);
    int16       fld_count;
    ListCell   *lc;

    cs->cur_lineno++;
    if (!read_int16(cs, &fld_count))
        return false;           /* EOF without the trailer: accepted, as PostgreSQL */
    if (fld_count == -1)
    {
        char        dummy;

        /* the trailer must be the end (in a copy-in: followed by CopyDone) */
        if (copy_read_bytes(cs, &dummy, 1) > 0)
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("received copy data after EOF marker")));
        return false;
    }
    if (fld_count != cs->attr_count)
        ereport(ERROR,
                (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                 errmsg("row field count is %d, expected %d", (int) fld_count, cs->attr_count)));

    foreach(lc, cs->attnums)
    {
        int         m = lfirst_int(lc) - 1;
        Form_pg_attribute att = TupleDescAttr(desc, m);
        int32       fld_size;

        cs->cur_attname = NameStr(att->attname);
        if (!read_int32(cs, &fld_size))
            ereport(ERROR,
                    (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                     errmsg("unexpected EOF in COPY data")));
        if (fld_size == -1)
        {
            values[m] = ReceiveFunctionCall(&cs->in_functions[m], NULL, cs->typioparams[m],
                                            att->atttypmod);
            nulls[m] = true;
        }
        else
        {
            if (fld_size < 0)
                ereport(ERROR,
                        (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                         errmsg("invalid field size")));
            if (fld_size > COPY_MAX_LINE_BYTES)
                line_too_long();
            resetStringInfo(&cs->attribute_buf);
            enlargeStringInfo(&cs->attribute_buf, fld_size + 1);
            if (copy_read_bytes(cs, cs->attribute_buf.data, fld_size) != fld_size)
                ereport(ERROR,
                        (errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
                         errmsg("unexpected EOF in COPY data")));
            cs->attribute_buf.len = fld_size;
            cs->attribute_buf.data[fld_size] = '\0';
            cs->attribute_buf.cursor = 0;
            values[m] = ReceiveFunctionCall(&cs->in_functions[m], &cs->attribute_buf,
                                            cs->typioparams[m], att->atttypmod);
            if (cs->attribute_buf.cursor != cs->attribute_buf.len)
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
                         errmsg("incorrect binary data format")));
            nulls[m] = false;
        }
        cs->cur_attname = NULL;
    }
    return true;
}

/* ---------------------------------------------------------------- setup */

/*
 * FREEZE needs a table created or truncated in the current subtransaction
 * (PostgreSQL's rd_createSubid / rd_newRelfilenodeSubid).  Both CREATE
 * TABLE and TRUNCATE write the table's pg_class row (a new relfilenode),
 * so that row's xmin tells; an ALTER TABLE that rewrites the row counts
 * too, as PostgreSQL's table rewrites do.
 */
static void
check_copy_freeze(Relation rel)
{
    TransactionId xid = GetCurrentTransactionIdIfAny();
    Relation    pgclass;
    HeapScanDesc scan;
    HeapTuple   tup;
    bool        ok = false;

    if (TransactionIdIsValid(xid))
    {
        pgclass = table_open(RelationRelationId, AccessShareLock);
        scan = heap_beginscan(pgclass, GetCatalogSnapshot());
        while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
        {
            bool        isnull;

            if (DatumGetObjectId(heap_getattr(tup, Anum_pg_class_oid, RelationGetDescr(pgclass),
                                              &isnull)) != RelationGetRelid(rel))
                continue;
            ok = tup->t_data->t_xmin == xid;
            break;
        }
        heap_endscan(scan);
        table_close(pgclass, AccessShareLock);
    }
    if (!ok)
        ereport(ERROR,
                (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                 errmsg("cannot perform COPY FREEZE because the table was not created or truncated in the current subtransaction")));
}

/* COPY FROM's WHERE: a boolean qual over the table's columns (Var varno 1). */
static ExprState *
build_where_qual(Relation rel, PgQuery__Node *whereClause, const char *queryString)
{
    ParseState *pstate = make_parsestate(NULL);
    ParseNamespaceItem *nsitem;
    Node       *expr;

    pstate->p_sourcetext = queryString;
    nsitem = addRangeTableEntryForRelation(pstate, rel, RowExclusiveLock, NULL, false);
    pstate->p_namespace = lappend(pstate->p_namespace, nsitem);
    parser_reset_expr_depth();
    expr = transformExpr(pstate, whereClause, EXPR_KIND_WHERE);
    expr = coerce_to_boolean(pstate, expr, "WHERE");
    if (expression_returns_set(expr))
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("set-returning functions are not allowed in COPY FROM WHERE conditions")));
    return ExecInitQual(list_make1(expr), NULL);
}

uint64
CopyFrom(Relation rel, List *attnums, CopyFormatOptions *opts, CopyDest dest, FILE *file,
         PgQuery__Node *whereClause, const char *queryString)
{
    CopyFromState cs;
    TupleDesc   desc = RelationGetDescr(rel);
    int         natts = desc->natts;
    ExprState  *qual = NULL;
    EState     *estate;
    ExprContext *econtext;
    ModifyTableState *mtstate;
    TupleTableSlot *slot;
    ErrorContextCallback errcallback;
    MemoryContext oldcxt;

    memset(&cs, 0, sizeof(cs));
    cs.rel = rel;
    cs.attnums = attnums;
    cs.attr_count = list_length(attnums);
    cs.opts = opts;
    cs.dest = dest;
    cs.file = file;
    cs.cur_relname = RelationGetRelationName(rel);
    cs.eol_type = EOL_UNKNOWN;
    initStringInfo(&cs.chunk);
    initStringInfo(&cs.line_buf);
    initStringInfo(&cs.attribute_buf);
    cs.max_fields = Max(cs.attr_count, 16);
    cs.raw_fields = palloc(sizeof(char *) * (Size) cs.max_fields);

    cs.force_notnull_flags = CopyForceFlags(opts->force_notnull, "FORCE_NOT_NULL", desc, rel,
                                            attnums);
    cs.force_null_flags = CopyForceFlags(opts->force_null, "FORCE_NULL", desc, rel, attnums);

    if (whereClause)
        qual = build_where_qual(rel, whereClause, queryString);

    /* input functions of the copied columns, defaults of the others */
    cs.in_functions = palloc0(sizeof(FmgrInfo) * (Size) Max(natts, 1));
    cs.typioparams = palloc0(sizeof(Oid) * (Size) Max(natts, 1));
    cs.defexprs = palloc0(sizeof(ExprState *) * (Size) Max(natts, 1));
    for (int i = 0; i < natts; i++)
    {
        Form_pg_attribute att = TupleDescAttr(desc, i);
        Oid         func;

        if (att->attisdropped)
            continue;
        if (opts->binary)
            getTypeBinaryInputInfo(att->atttypid, &func, &cs.typioparams[i]);
        else
            getTypeInputInfo(att->atttypid, &func, &cs.typioparams[i]);
        fmgr_info(func, &cs.in_functions[i]);
        if (!list_member_int(attnums, i + 1))
        {
            Expr       *def = build_column_default(rel, i + 1);

            if (!(IsA(def, Const) && ((Const *) def)->constisnull))
                cs.defexprs[i] = ExecInitExpr(def, NULL);
        }
    }

    /* the insert path: a ModifyTableState of our own for ExecInsertSlot */
    estate = CreateExecutorState();
    estate->es_output_cid = GetCurrentCommandId(true);
    estate->es_snapshot = GetTransactionSnapshot();
    econtext = CreateExprContext(estate);
    mtstate = makeNode(ModifyTableState);
    mtstate->ps.state = estate;
    mtstate->operation = CMD_INSERT;
    mtstate->resultRelInfo = palloc0(sizeof(ResultRelInfo));
    mtstate->resultRelInfo->ri_RangeTableIndex = 1;
    mtstate->resultRelInfo->ri_RelationDesc = rel;
    estate->es_result_relation_info = mtstate->resultRelInfo;
    slot = ExecInitExtraTupleSlot(estate, desc);
    mtstate->mt_newslot = slot;

    /* the client may send data now (PostgreSQL's ReceiveCopyBegin) */
    if (dest == COPY_DEST_FRONTEND)
        pq_send_copy_in_response(opts->binary, cs.attr_count);

    if (rel->relkind != RELKIND_RELATION)
    {
        if (rel->relkind == RELKIND_VIEW)
            ereport(ERROR,
                    (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                     errmsg("cannot copy to view \"%s\"", RelationGetRelationName(rel)),
                     errhint("To enable copying to a view, provide an INSTEAD OF INSERT trigger.")));
        if (rel->relkind == RELKIND_SEQUENCE)
            ereport(ERROR,
                    (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                     errmsg("cannot copy to sequence \"%s\"", RelationGetRelationName(rel))));
        ereport(ERROR,
                (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                 errmsg("cannot copy to non-table relation \"%s\"", RelationGetRelationName(rel))));
    }
    if (opts->freeze)
        check_copy_freeze(rel);
    mtstate->mt_fkeys = ExecInitForeignKeys(rel, CMD_INSERT);

    if (opts->binary)
        read_binary_header(&cs);

    errcallback.callback = copy_from_error_callback;
    errcallback.arg = &cs;
    errcallback.previous = error_context_stack;
    error_context_stack = &errcallback;

    for (;;)
    {
        bool        more;

        CHECK_FOR_INTERRUPTS();
        ResetExprContext(econtext);
        oldcxt = MemoryContextSwitchTo(econtext->ecxt_per_tuple_memory);
        ExecClearTuple(slot);
        memset(slot->tts_isnull, true, sizeof(bool) * (Size) natts);
        memset(slot->tts_values, 0, sizeof(Datum) * (Size) natts);
        if (opts->binary)
            more = next_copy_from_binary(&cs, slot->tts_values, slot->tts_isnull);
        else
            more = next_copy_from_text(&cs, slot->tts_values, slot->tts_isnull);
        if (!more)
        {
            MemoryContextSwitchTo(oldcxt);
            break;
        }
        for (int i = 0; i < natts; i++)
        {
            if (cs.defexprs[i])
                slot->tts_values[i] = ExecEvalExpr(cs.defexprs[i], econtext,
                                                   &slot->tts_isnull[i]);
        }
        ExecStoreVirtualTuple(slot);
        MemoryContextSwitchTo(oldcxt);

        if (qual)
        {
            econtext->ecxt_scantuple = slot;
            if (!ExecQual(qual, econtext))
                continue;
        }

        /*
         * The row's heap tuple and index keys go in the per-row context, so
         * memory does not grow with the input.  The first row opens the
         * indexes (ExecInsertIndexTuples allocates their descriptors in the
         * current context): it runs in the statement's context instead.
         */
        oldcxt = MemoryContextSwitchTo(mtstate->resultRelInfo->ri_IndicesOpened ?
                                       econtext->ecxt_per_tuple_memory :
                                       estate->es_query_cxt);
        ExecInsertSlot(mtstate, slot);
        MemoryContextSwitchTo(oldcxt);
    }
    /* the rest of a copy-in after a binary trailer or a short file */
    if (dest == COPY_DEST_FRONTEND)
        copy_discard_rest(&cs);

    error_context_stack = errcallback.previous;

    if (mtstate->mt_fkeys)
        ExecFKEndStatement(mtstate->mt_fkeys);
    ExecCloseIndices(mtstate->resultRelInfo);
    {
        uint64      processed = estate->es_processed;

        FreeExecutorState(estate);
        return processed;
    }
}
