/*-------------------------------------------------------------------------
 * copy.c
 *    The COPY statement (PostgreSQL's commands/copy.c): decides what is
 *    copied where, checks the options, opens the relation or plans the
 *    query, opens a server file if one is named, and hands over to
 *    CopyFrom (executor/copyfrom.c) or CopyTo (executor/copyto.c).
 *
 * Entry point: DoCopy (from backend/utility.c's ProcessUtility).
 *
 * Order of checks follows PostgreSQL 15, so that a statement with several
 * problems reports the same one: the relation and its lock first, then
 * the WHERE clause and column list (FROM) or the relation kind (TO), then
 * the options, then the file.  COPY FROM STDIN's relation-kind check runs
 * after CopyInResponse, as PostgreSQL's does (in CopyFrom).
 *
 * Files: Basalt runs as the superuser, so server files may be read and
 * written (COPY TO needs an absolute path; COPY FROM a relative one is
 * relative to the data directory, the backend's working directory).
 * PROGRAM is refused with 0A000.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "backend/portal.h"
#include "catalog/lsyscache.h"
#include "catalog/namespace.h"
#include "catalog/relcache.h"
#include "executor/copy.h"
#include "planner/parse_node.h"
#include "storage/lmgr.h"
#include "storage/xact.h"

/* ---------------------------------------------------------------- options */

static void
conflicting_option(PgQuery__DefElem *def, const char *queryString)
{
    ereport(ERROR,
            (errcode(ERRCODE_SYNTAX_ERROR),
             errmsg("conflicting or redundant options"),
             errposition(position_in_text(queryString, def->location))));
}

/* PostgreSQL's defGetString. */
static char *
def_get_string(PgQuery__DefElem *def)
{
    RawNode    *arg = def->arg;

    if (arg == NULL)
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("%s requires a parameter", def->defname)));
    switch (arg->node_case)
    {
        case PG_QUERY__NODE__NODE_INTEGER:
            return psprintf("%d", arg->integer->ival);
        case PG_QUERY__NODE__NODE_FLOAT:
            return pstrdup(arg->float_->fval);
        case PG_QUERY__NODE__NODE_BOOLEAN:
            return pstrdup(arg->boolean->boolval ? "true" : "false");
        case PG_QUERY__NODE__NODE_STRING:
            return arg->string->sval;
        case PG_QUERY__NODE__NODE_A_STAR:
            return pstrdup("*");
        default:
            elog(ERROR, "unrecognized node type: %d", (int) arg->node_case);
    }
    return NULL;
}

/* PostgreSQL's defGetBoolean. */
static bool
def_get_boolean(PgQuery__DefElem *def)
{
    RawNode    *arg = def->arg;
    const char *s;

    if (arg == NULL)
        return true;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
    {
        if (arg->integer->ival == 0)
            return false;
        if (arg->integer->ival == 1)
            return true;
    }
    else if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
        return arg->boolean->boolval;
    else
    {
        s = def_get_string(def);
        if (strcasecmp(s, "true") == 0 || strcasecmp(s, "on") == 0)
            return true;
        if (strcasecmp(s, "false") == 0 || strcasecmp(s, "off") == 0)
            return false;
    }
    ereport(ERROR,
            (errcode(ERRCODE_SYNTAX_ERROR),
             errmsg("%s requires a Boolean value", def->defname)));
    return false;
}

/* HEADER [ boolean | MATCH ] (PostgreSQL's defGetCopyHeaderChoice). */
static CopyHeaderChoice
def_get_header_choice(PgQuery__DefElem *def, bool is_from)
{
    RawNode    *arg = def->arg;

    if (arg == NULL)
        return COPY_HEADER_TRUE;
    if (arg->node_case == PG_QUERY__NODE__NODE_INTEGER)
    {
        if (arg->integer->ival == 0)
            return COPY_HEADER_FALSE;
        if (arg->integer->ival == 1)
            return COPY_HEADER_TRUE;
    }
    else if (arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN)
        return arg->boolean->boolval ? COPY_HEADER_TRUE : COPY_HEADER_FALSE;
    else
    {
        const char *s = def_get_string(def);

        if (strcasecmp(s, "true") == 0 || strcasecmp(s, "on") == 0)
            return COPY_HEADER_TRUE;
        if (strcasecmp(s, "false") == 0 || strcasecmp(s, "off") == 0)
            return COPY_HEADER_FALSE;
        if (strcasecmp(s, "match") == 0)
        {
            if (!is_from)
                ereport(ERROR,
                        (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                         errmsg("cannot use \"%s\" with HEADER in COPY TO", s)));
            return COPY_HEADER_MATCH;
        }
    }
    ereport(ERROR,
            (errcode(ERRCODE_SYNTAX_ERROR),
             errmsg("%s requires a Boolean value or \"match\"", def->defname)));
    return COPY_HEADER_FALSE;
}

/* A FORCE_* column list: names, or NIL with *all set for '*'. */
static List *
def_get_name_list(PgQuery__DefElem *def, bool star_ok, bool *all, const char *queryString)
{
    RawNode    *arg = def->arg;
    List       *names = NIL;

    if (arg && star_ok && arg->node_case == PG_QUERY__NODE__NODE_A_STAR)
    {
        *all = true;
        return NIL;
    }
    if (arg == NULL || arg->node_case != PG_QUERY__NODE__NODE_LIST)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("argument to option \"%s\" must be a list of column names",
                        def->defname),
                 errposition(position_in_text(queryString, def->location))));
    for (size_t i = 0; i < arg->list->n_items; i++)
    {
        RawNode    *item = arg->list->items[i];

        if (item->node_case == PG_QUERY__NODE__NODE_STRING)
            names = lappend(names, item->string->sval);
    }
    return names;
}

void
ProcessCopyOptions(CopyFormatOptions *opts, bool is_from, PgQuery__Node **options,
                   size_t noptions, const char *queryString)
{
    bool        format_specified = false;
    bool        freeze_specified = false;
    bool        header_specified = false;
    bool        force_quote_specified = false;

    memset(opts, 0, sizeof(*opts));
    for (size_t i = 0; i < noptions; i++)
    {
        PgQuery__DefElem *def;
        const char *name;

        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            continue;
        def = options[i]->def_elem;
        name = def->defname;
        if (strcmp(name, "format") == 0)
        {
            const char *fmt = def_get_string(def);

            if (format_specified)
                conflicting_option(def, queryString);
            format_specified = true;
            if (strcmp(fmt, "text") == 0)
                ;
            else if (strcmp(fmt, "csv") == 0)
                opts->csv_mode = true;
            else if (strcmp(fmt, "binary") == 0)
                opts->binary = true;
            else
                ereport(ERROR,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("COPY format \"%s\" not recognized", fmt),
                         errposition(position_in_text(queryString, def->location))));
        }
        else if (strcmp(name, "freeze") == 0)
        {
            if (freeze_specified)
                conflicting_option(def, queryString);
            freeze_specified = true;
            opts->freeze = def_get_boolean(def);
        }
        else if (strcmp(name, "delimiter") == 0)
        {
            if (opts->delim)
                conflicting_option(def, queryString);
            opts->delim = def_get_string(def);
        }
        else if (strcmp(name, "null") == 0)
        {
            if (opts->null_print)
                conflicting_option(def, queryString);
            opts->null_print = def_get_string(def);
        }
        else if (strcmp(name, "header") == 0)
        {
            if (header_specified)
                conflicting_option(def, queryString);
            header_specified = true;
            opts->header_line = def_get_header_choice(def, is_from);
        }
        else if (strcmp(name, "quote") == 0)
        {
            if (opts->quote)
                conflicting_option(def, queryString);
            opts->quote = def_get_string(def);
        }
        else if (strcmp(name, "escape") == 0)
        {
            if (opts->escape)
                conflicting_option(def, queryString);
            opts->escape = def_get_string(def);
        }
        else if (strcmp(name, "force_quote") == 0)
        {
            if (force_quote_specified)
                conflicting_option(def, queryString);
            force_quote_specified = true;
            opts->force_quote = def_get_name_list(def, true, &opts->force_quote_all, queryString);
        }
        else if (strcmp(name, "force_not_null") == 0)
        {
            if (opts->force_notnull)
                conflicting_option(def, queryString);
            opts->force_notnull = def_get_name_list(def, false, NULL, queryString);
        }
        else if (strcmp(name, "force_null") == 0)
        {
            if (opts->force_null)
                conflicting_option(def, queryString);
            opts->force_null = def_get_name_list(def, false, NULL, queryString);
        }
        else if (strcmp(name, "encoding") == 0)
        {
            const char *enc = def_get_string(def);

            /* Basalt's only server encoding; PostgreSQL accepts any valid name */
            if (strcasecmp(enc, "UTF8") != 0 && strcasecmp(enc, "UTF-8") != 0 &&
                strcasecmp(enc, "SQL_ASCII") != 0)
                ereport(ERROR,
                        (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                         errmsg("%s is not supported yet", "COPY ENCODING other than UTF8")));
        }
        else
            ereport(ERROR,
                    (errcode(ERRCODE_SYNTAX_ERROR),
                     errmsg("option \"%s\" not recognized", name),
                     errposition(position_in_text(queryString, def->location))));
    }

    if (opts->binary && opts->delim)
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("cannot specify DELIMITER in BINARY mode")));
    if (opts->binary && opts->null_print)
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("cannot specify NULL in BINARY mode")));
    if (opts->binary && opts->header_line)
        ereport(ERROR,
                (errcode(ERRCODE_SYNTAX_ERROR),
                 errmsg("cannot specify HEADER in BINARY mode")));

    if (!opts->delim)
        opts->delim = opts->csv_mode ? "," : "\t";
    if (!opts->null_print)
        opts->null_print = opts->csv_mode ? "" : "\\N";
    opts->null_print_len = (int) strlen(opts->null_print);
    if (opts->csv_mode)
    {
        if (!opts->quote)
            opts->quote = "\"";
        if (!opts->escape)
            opts->escape = opts->quote;
    }

    if (strlen(opts->delim) != 1)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY delimiter must be a single one-byte character")));
    if (strchr(opts->delim, '\r') != NULL || strchr(opts->delim, '\n') != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("COPY delimiter cannot be newline or carriage return")));
    if (strchr(opts->null_print, '\r') != NULL || strchr(opts->null_print, '\n') != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("COPY null representation cannot use newline or carriage return")));
    if (!opts->csv_mode && strchr("\\.abcdefghijklmnopqrstuvwxyz0123456789",
                                  opts->delim[0]) != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("COPY delimiter cannot be \"%s\"", opts->delim)));

    if (!opts->csv_mode && opts->quote != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY quote available only in CSV mode")));
    if (opts->csv_mode && strlen(opts->quote) != 1)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY quote must be a single one-byte character")));
    if (opts->csv_mode && opts->delim[0] == opts->quote[0])
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("COPY delimiter and quote must be different")));
    if (!opts->csv_mode && opts->escape != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY escape available only in CSV mode")));
    if (opts->csv_mode && strlen(opts->escape) != 1)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY escape must be a single one-byte character")));
    if (!opts->csv_mode && (opts->force_quote || opts->force_quote_all))
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY force quote available only in CSV mode")));
    if ((opts->force_quote || opts->force_quote_all) && is_from)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY force quote only available using COPY TO")));
    if (!opts->csv_mode && opts->force_notnull != NIL)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY force not null available only in CSV mode")));
    if (opts->force_notnull != NIL && !is_from)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY force not null only available using COPY FROM")));
    if (!opts->csv_mode && opts->force_null != NIL)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY force null available only in CSV mode")));
    if (opts->force_null != NIL && !is_from)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("COPY force null only available using COPY FROM")));
    if (strchr(opts->null_print, opts->delim[0]) != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("COPY delimiter must not appear in the NULL specification")));
    if (opts->csv_mode && strchr(opts->null_print, opts->quote[0]) != NULL)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("CSV quote character must not appear in the NULL specification")));
}

/* ---------------------------------------------------------------- columns */

List *
CopyGetAttnums(TupleDesc desc, Relation rel, PgQuery__Node **attlist, size_t nattlist)
{
    List       *attnums = NIL;

    if (nattlist == 0)
    {
        for (int i = 0; i < desc->natts; i++)
        {
            if (TupleDescAttr(desc, i)->attisdropped)
                continue;
            attnums = lappend_int(attnums, i + 1);
        }
        return attnums;
    }
    for (size_t k = 0; k < nattlist; k++)
    {
        const char *name = attlist[k]->string->sval;
        int         attnum = 0;

        for (int i = 0; i < desc->natts; i++)
        {
            Form_pg_attribute att = TupleDescAttr(desc, i);

            if (!att->attisdropped && strcmp(NameStr(att->attname), name) == 0)
            {
                attnum = i + 1;
                break;
            }
        }
        if (attnum == 0)
        {
            if (rel != NULL)
                ereport(ERROR,
                        (errcode(ERRCODE_UNDEFINED_COLUMN),
                         errmsg("column \"%s\" of relation \"%s\" does not exist",
                                name, RelationGetRelationName(rel))));
            ereport(ERROR,
                    (errcode(ERRCODE_UNDEFINED_COLUMN),
                     errmsg("column \"%s\" does not exist", name)));
        }
        if (list_member_int(attnums, attnum))
            ereport(ERROR,
                    (errcode(ERRCODE_DUPLICATE_COLUMN),
                     errmsg("column \"%s\" specified more than once", name)));
        attnums = lappend_int(attnums, attnum);
    }
    return attnums;
}

bool *
CopyForceFlags(List *names, const char *optname, TupleDesc desc, Relation rel,
               List *attnums)
{
    bool       *flags = palloc0(sizeof(bool) * (Size) Max(desc->natts, 1));
    ListCell   *lc;

    foreach(lc, names)
    {
        const char *name = lfirst(lc);
        bool        found = false;
        ListCell   *lc2;

        foreach(lc2, attnums)
        {
            int         attnum = lfirst_int(lc2);

            if (strcmp(NameStr(TupleDescAttr(desc, attnum - 1)->attname), name) == 0)
            {
                flags[attnum - 1] = true;
                found = true;
                break;
            }
        }
        if (!found)
        {
            bool        exists = false;

            for (int i = 0; i < desc->natts; i++)
                if (!TupleDescAttr(desc, i)->attisdropped &&
                    strcmp(NameStr(TupleDescAttr(desc, i)->attname), name) == 0)
                    exists = true;
            if (!exists && rel != NULL)
                ereport(ERROR,
                        (errcode(ERRCODE_UNDEFINED_COLUMN),
                         errmsg("column \"%s\" of relation \"%s\" does not exist",
                                name, RelationGetRelationName(rel))));
            if (!exists)
                ereport(ERROR,
                        (errcode(ERRCODE_UNDEFINED_COLUMN),
                         errmsg("column \"%s\" does not exist", name)));
            ereport(ERROR,
                    (errcode(ERRCODE_INVALID_COLUMN_REFERENCE),
                     errmsg("%s column \"%s\" not referenced by COPY", optname, name)));
        }
    }
    return flags;
}

char *
copy_limit_printout(const char *str)
{
    int         len = (int) strlen(str);
    int         cut;

    if (len <= MAX_COPY_DATA_DISPLAY)
        return pstrdup(str);
    /* back off to a character boundary (UTF-8 continuation bytes are 10xxxxxx) */
    cut = MAX_COPY_DATA_DISPLAY;
    while (cut > 0 && ((unsigned char) str[cut] & 0xC0) == 0x80)
        cut--;
    return psprintf("%.*s...", cut, str);
}

/* ---------------------------------------------------------------- files */

static FILE *
open_copy_file(const char *filename, bool is_from)
{
    FILE       *file;
    struct stat st;

    if (!is_from && filename[0] != '/')
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_NAME),
                 errmsg("relative path not allowed for COPY to file")));
    if (is_from)
        file = fopen(filename, "r");
    else
    {
        mode_t      oumask = umask(S_IWGRP | S_IWOTH);

        file = fopen(filename, "w");
        umask(oumask);
    }
    if (file == NULL)
    {
        int         save_errno = errno;

        if (is_from)
            ereport(ERROR,
                    (errcode_for_file_access(),
                     errmsg("could not open file \"%s\" for reading: %s", filename,
                            strerror(save_errno)),
                     (save_errno == ENOENT || save_errno == EACCES) ?
                     errhint("COPY FROM instructs the PostgreSQL server process to read a file. "
                             "You may want a client-side facility such as psql's \\copy.") : 0));
        ereport(ERROR,
                (errcode_for_file_access(),
                 errmsg("could not open file \"%s\" for writing: %s", filename,
                        strerror(save_errno)),
                 (save_errno == ENOENT || save_errno == EACCES) ?
                 errhint("COPY TO instructs the PostgreSQL server process to write a file. "
                         "You may want a client-side facility such as psql's \\copy.") : 0));
    }
    if (fstat(fileno(file), &st) == 0 && S_ISDIR(st.st_mode))
    {
        fclose(file);
        ereport(ERROR,
                (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                 errmsg("\"%s\" is a directory", filename)));
    }
    return file;
}

/* ---------------------------------------------------------------- DoCopy */

void
DoCopy(PgQuery__CopyStmt *stmt, const char *queryString, int stmt_location,
       int stmt_len, char *completionTag)
{
    bool        is_from = stmt->is_from;
    bool        pipe = stmt->filename == NULL || stmt->filename[0] == '\0';
    Relation    volatile rel = NULL;
    List       *volatile attnums = NIL;
    CopyFormatOptions opts;
    FILE       *volatile file = NULL;
    uint64      processed = 0;

    if (stmt->is_program)
        ereport(ERROR,
                (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                 errmsg("%s is not supported yet", is_from ? "COPY FROM PROGRAM" : "COPY TO PROGRAM")));

    if (stmt->relation)
    {
        PgQuery__RangeVar *rv = stmt->relation;
        Oid         relid;

        relid = RangeVarGetRelid(rv->schemaname && rv->schemaname[0] ? rv->schemaname : NULL,
                                 rv->relname,
                                 is_from ? RowExclusiveLock : AccessShareLock, false);
        rel = table_open(relid, NoLock);
        if (!is_from && rel->relkind != RELKIND_RELATION)
        {
            if (rel->relkind == RELKIND_VIEW)
                ereport(ERROR,
                        (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                         errmsg("cannot copy from view \"%s\"", RelationGetRelationName(rel)),
                         errhint("Try the COPY (SELECT ...) TO variant.")));
            if (rel->relkind == RELKIND_SEQUENCE)
                ereport(ERROR,
                        (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                         errmsg("cannot copy from sequence \"%s\"", RelationGetRelationName(rel))));
            ereport(ERROR,
                    (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                     errmsg("cannot copy from non-table relation \"%s\"",
                            RelationGetRelationName(rel))));
        }
        attnums = CopyGetAttnums(RelationGetDescr(rel), rel, stmt->attlist, stmt->n_attlist);
        /* a read-only transaction may still fill its temporary tables */
        if (is_from && XactReadOnly && rel->relpersistence != RELPERSISTENCE_TEMP)
            ereport(ERROR,
                    (errcode(ERRCODE_READ_ONLY_SQL_TRANSACTION),
                     errmsg("cannot execute %s in a read-only transaction", "COPY FROM")));
    }

    ProcessCopyOptions(&opts, is_from, stmt->options, stmt->n_options, queryString);

    /* a server file is closed on error too: the transaction's abort cannot see it */
    PG_TRY();
    {
        if (!pipe)
            file = open_copy_file(stmt->filename, is_from);
        if (is_from)
            processed = CopyFrom(rel, attnums, &opts,
                                 pipe ? COPY_DEST_FRONTEND : COPY_DEST_FILE, file,
                                 stmt->where_clause, queryString);
        else
            processed = CopyTo(rel, attnums, rel ? NULL : stmt->query, &opts,
                               pipe ? COPY_DEST_FRONTEND : COPY_DEST_FILE, file,
                               queryString, stmt_location, stmt_len);
    }
    PG_CATCH();
    {
        if (file)
            fclose(file);
        PG_RE_THROW();
    }
    PG_END_TRY();

    if (file && fclose(file) != 0)
        ereport(ERROR,
                (errcode_for_file_access(),
                 errmsg("could not close file \"%s\": %m", stmt->filename)));
    if (rel)
        table_close(rel, NoLock);
    snprintf(completionTag, COMPLETION_TAG_BUFSIZE, "COPY %llu", (unsigned long long) processed);
}
