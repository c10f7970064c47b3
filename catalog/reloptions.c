/*-------------------------------------------------------------------------
 * reloptions.c
 *    Validate table storage parameters and build pg_class.reloptions
 *    (PostgreSQL 15's heap and toast reloptions: names, kinds, bounds and
 *    messages from access/common/reloptions.c).
 *
 * Principal entry point:
 *    transformRelOptions   WITH (...) list -> text[] datum, or 0
 *
 * Values are parsed the way PostgreSQL's parse_one_reloption does:
 * booleans by parse_bool's spellings, integers by parse_int (a fractional
 * value is rounded), reals by strtod; then bounds are checked.  The stored
 * form is "name=value" with the value as written.  toast.* parameters are
 * validated but not stored: PostgreSQL keeps them on the TOAST table,
 * which Basalt does not have.  A parameter given twice is 22023 parameter
 * "%s" specified more than once, as in PostgreSQL.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "catalog/lsyscache.h"
#include "catalog/reloptions.h"

#include <errno.h>
#include <math.h>
#include <strings.h>

typedef enum RelOptKind
{
    RELOPT_BOOL,
    RELOPT_INT,
    RELOPT_REAL,
    RELOPT_ENUM_INDEX_CLEANUP
} RelOptKind;

typedef struct RelOptDef
{
    const char *name;
    RelOptKind  kind;
    bool        heap;           /* valid without namespace */
    bool        toast;          /* valid as toast.name */
    double      min;
    double      max;
} RelOptDef;

static const RelOptDef relopts[] = {
    {"autovacuum_enabled", RELOPT_BOOL, true, true, 0, 0},
    {"user_catalog_table", RELOPT_BOOL, true, false, 0, 0},
    {"vacuum_truncate", RELOPT_BOOL, true, true, 0, 0},
    {"fillfactor", RELOPT_INT, true, false, 10, 100},
    {"autovacuum_vacuum_threshold", RELOPT_INT, true, true, 0, INT_MAX},
    {"autovacuum_vacuum_insert_threshold", RELOPT_INT, true, true, -1, INT_MAX},
    {"autovacuum_analyze_threshold", RELOPT_INT, true, false, 0, INT_MAX},
    {"autovacuum_vacuum_cost_limit", RELOPT_INT, true, true, 1, 10000},
    {"autovacuum_freeze_min_age", RELOPT_INT, true, true, 0, 1000000000},
    {"autovacuum_multixact_freeze_min_age", RELOPT_INT, true, true, 0, 1000000000},
    {"autovacuum_freeze_max_age", RELOPT_INT, true, true, 100000, 2000000000},
    {"autovacuum_multixact_freeze_max_age", RELOPT_INT, true, true, 10000, 2000000000},
    {"autovacuum_freeze_table_age", RELOPT_INT, true, true, 0, 2000000000},
    {"autovacuum_multixact_freeze_table_age", RELOPT_INT, true, true, 0, 2000000000},
    {"log_autovacuum_min_duration", RELOPT_INT, true, true, -1, INT_MAX},
    {"toast_tuple_target", RELOPT_INT, true, false, 128, 8160},
    {"parallel_workers", RELOPT_INT, true, false, 0, 1024},
    {"autovacuum_vacuum_cost_delay", RELOPT_REAL, true, true, 0, 100},
    {"autovacuum_vacuum_scale_factor", RELOPT_REAL, true, true, 0, 100},
    {"autovacuum_vacuum_insert_scale_factor", RELOPT_REAL, true, true, 0, 100},
    {"autovacuum_analyze_scale_factor", RELOPT_REAL, true, false, 0, 100},
    {"vacuum_index_cleanup", RELOPT_ENUM_INDEX_CLEANUP, true, true, 0, 0},
};

/* PostgreSQL's parse_bool spellings (prefixes of the words, as it allows). */
static bool
parse_bool_value(const char *value)
{
    static const char *const words[] = {"true", "false", "yes", "no", "on", "off"};
    size_t len = strlen(value);

    if (len == 0)
        return false;
    if (strcmp(value, "1") == 0 || strcmp(value, "0") == 0)
        return true;
    for (int i = 0; i < (int) lengthof(words); i++)
    {
        /* "o" alone is ambiguous (on/off): PostgreSQL wants at least "on"/"of" */
        if (strncasecmp(value, words[i], len) == 0 &&
            !(words[i][0] == 'o' && len < 2))
            return true;
    }
    return false;
}

/* PostgreSQL's parse_int for reloptions: a number, rounded; false if not one. */
static bool
parse_int_value(const char *value, double *result)
{
    char   *end;
    double  d;

    errno = 0;
    d = strtod(value, &end);
    if (end == value || errno != 0)
        return false;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end != '\0')
        return false;
    d = rint(d);
    if (d > INT_MAX || d < INT_MIN || isnan(d))
        return false;
    *result = d;
    return true;
}

static bool
parse_real_value(const char *value, double *result)
{
    char   *end;
    double  d;

    errno = 0;
    d = strtod(value, &end);
    if (end == value || errno != 0)
        return false;
    while (*end == ' ' || *end == '\t')
        end++;
    if (*end != '\0' || isnan(d))
        return false;
    *result = d;
    return true;
}

/* The value of a DefElem as text (PostgreSQL's defGetString; no value: "true"). */
static char *
def_value_string(PgQuery__DefElem *def)
{
    PgQuery__Node *arg = def->arg;

    if (arg == NULL)
        return pstrdup("true");
    switch (arg->node_case)
    {
        case PG_QUERY__NODE__NODE_INTEGER:
            return psprintf("%d", arg->integer->ival);
        case PG_QUERY__NODE__NODE_FLOAT:
            return pstrdup(arg->float_->fval);
        case PG_QUERY__NODE__NODE_STRING:
            return pstrdup(arg->string->sval);
        case PG_QUERY__NODE__NODE_BOOLEAN:
            return pstrdup(arg->boolean->boolval ? "true" : "false");
        case PG_QUERY__NODE__NODE_TYPE_NAME:
            {
                PgQuery__TypeName *tn = arg->type_name;
                PgQuery__Node *last = tn->n_names ? tn->names[tn->n_names - 1] : NULL;

                if (last && last->node_case == PG_QUERY__NODE__NODE_STRING)
                    return pstrdup(last->string->sval);
            }
            break;
        default:
            break;
    }
    ereport(ERROR,
            errcode(ERRCODE_SYNTAX_ERROR),
            errmsg("invalid value for option \"%s\"", def->defname));
}

static void
check_value(const RelOptDef *opt, const char *value)
{
    double d;

    switch (opt->kind)
    {
        case RELOPT_BOOL:
            if (!parse_bool_value(value))
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid value for boolean option \"%s\": %s", opt->name, value));
            break;
        case RELOPT_INT:
            if (!parse_int_value(value, &d))
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid value for integer option \"%s\": %s", opt->name, value));
            if (d < opt->min || d > opt->max)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("value %s out of bounds for option \"%s\"", value, opt->name),
                        errdetail("Valid values are between \"%d\" and \"%d\".",
                                  (int) opt->min, (int) opt->max));
            break;
        case RELOPT_REAL:
            if (!parse_real_value(value, &d))
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid value for floating point option \"%s\": %s",
                               opt->name, value));
            if (d < opt->min || d > opt->max)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("value %s out of bounds for option \"%s\"", value, opt->name),
                        errdetail("Valid values are between \"%f\" and \"%f\".",
                                  opt->min, opt->max));
            break;
        case RELOPT_ENUM_INDEX_CLEANUP:
            if (strcasecmp(value, "auto") != 0 && !parse_bool_value(value))
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid value for enum option \"%s\": %s", opt->name, value),
                        errdetail("Valid values are \"on\", \"off\", and \"auto\"."));
            break;
    }
}

/*
 * A one-dimensional text[] in PostgreSQL's ArrayType layout (header, dims,
 * lower bounds, MAXALIGN'd data of int-aligned varlena elements).
 */
static Datum
build_text_array(List *strings)
{
    int         n = list_length(strings);
    Size        hdr = MAXALIGN(4 * sizeof(int32) + 2 * sizeof(int));
    Size        size = hdr;
    char       *a;
    char       *p;
    ListCell   *lc;

    foreach(lc, strings)
        size = INTALIGN(size) + VARHDRSZ + strlen(lfirst(lc));
    a = palloc0(size);
    SET_VARSIZE(a, size);
    ((int32 *) a)[1] = 1;                   /* ndim */
    ((int32 *) a)[2] = 0;                   /* dataoffset: no nulls */
    ((Oid *) a)[3] = TEXTOID;               /* elemtype */
    ((int *) (a + 4 * sizeof(int32)))[0] = n;   /* dims[0] */
    ((int *) (a + 4 * sizeof(int32)))[1] = 1;   /* lbound[0] */
    p = a + hdr;
    foreach(lc, strings)
    {
        const char *s = lfirst(lc);
        size_t      len = strlen(s);

        p = a + INTALIGN(p - a);
        SET_VARSIZE(p, VARHDRSZ + len);
        memcpy(p + VARHDRSZ, s, len);
        p += VARHDRSZ + len;
    }
    return PointerGetDatum(a);
}

Datum
transformRelOptions(PgQuery__Node **options, size_t noptions)
{
    List       *strings = NIL;
    List       *seen = NIL;

    for (size_t i = 0; i < noptions; i++)
    {
        PgQuery__DefElem *def;
        const char *nsp;
        const RelOptDef *opt = NULL;
        char       *value;
        char       *full;
        ListCell   *lc;

        if (options[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM)
            elog(ERROR, "unexpected node in WITH options: %d", (int) options[i]->node_case);
        def = options[i]->def_elem;
        nsp = (def->defnamespace && def->defnamespace[0]) ? def->defnamespace : NULL;

        if (nsp != NULL && strcmp(nsp, "toast") != 0)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("unrecognized parameter namespace \"%s\"", nsp));
        for (int k = 0; k < (int) lengthof(relopts); k++)
            if (strcmp(relopts[k].name, def->defname) == 0 &&
                (nsp ? relopts[k].toast : relopts[k].heap))
                opt = &relopts[k];
        if (opt == NULL)
            ereport(ERROR,
                    errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("unrecognized parameter \"%s\"", def->defname));

        value = def_value_string(def);
        check_value(opt, value);

        full = nsp ? psprintf("toast.%s", def->defname) : pstrdup(def->defname);
        foreach(lc, seen)
            if (strcmp(lfirst(lc), full) == 0)
                ereport(ERROR,
                        errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("parameter \"%s\" specified more than once", def->defname));
        seen = lappend(seen, full);
        if (nsp == NULL)
            strings = lappend(strings, psprintf("%s=%s", full, value));
    }
    return strings == NIL ? (Datum) 0 : build_text_array(strings);
}
