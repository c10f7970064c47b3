/*-------------------------------------------------------------------------
 * guc.c
 *    The settings machinery: lookup, parsing (units), validation, the
 *    per-transaction save/restore of SET and SET LOCAL, SHOW formatting,
 *    and ParameterStatus reporting.  (postgresql.conf: guc_file.c.)
 *
 * Principal entry points: InitializeGUCOptions,
 * set_config_option / SetConfigOption, GetConfigOptionByName,
 * AtEOXact_GUC, ResetAllOptions, BeginReportingGUCOptions,
 * ReportChangedGUCOptions.  The model is in guc.h; the table is in
 * guc_tables.c.
 *
 * This is PostgreSQL's src/backend/utils/misc/guc.c cut down to one
 * transaction nesting level: each entry carries at most one saved state
 * (stack_state/prior/masked) instead of a stack, which is all that
 * BEGIN/COMMIT/ROLLBACK without savepoints can need.  Entries with saved
 * state are chained on a "touched" list so end of transaction visits only
 * them.  Units, messages, hints and SHOW formats are PostgreSQL's.
 *
 * Memory: string values are malloc'd (they outlive every memory context
 * except TopMemoryContext, and must survive its resets in tests); the
 * table and placeholder array are fixed-size.  Nothing here allocates in
 * shared memory.  The current value of a setting always lives in its C
 * variable, which other modules may also write (xact.c sets
 * transaction_isolation at transaction start); so the current value is
 * read from the variable, never cached.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>

#include "backend/globals.h"
#include "backend/guc_tables.h"
#include "pgwire/pqformat.h"
#include "storage/xact.h"

#define MAX_UNIT_LEN 3

/* Entries sorted by name (case-insensitive), built once. */
static struct config_generic **sorted_vars;
static int  num_sorted_vars;

/* Custom "prefix.name" placeholders: a fixed array, allocated on first use. */
static struct config_generic *placeholders[GUC_MAX_PLACEHOLDERS];
static int  num_placeholders;

/* Entries with transaction-saved state, for AtEOXact_GUC. */
static struct config_generic *touched_list;

static bool reporting_enabled = false;

/* What a failing check hook wants to say. */
static int  GUC_check_errcode_value;
static char GUC_check_errmsg_buf[512];
static char GUC_check_errdetail_buf[512];
static char GUC_check_errhint_buf[512];

/* ---------------------------------------------------------------- units */

typedef struct unit_conversion
{
    char        unit[MAX_UNIT_LEN + 1];
    int         base_unit;
    double      multiplier;
} unit_conversion;

static const char *const memory_units_hint =
    "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\".";

static const unit_conversion memory_unit_conversion_table[] = {
    {"TB", GUC_UNIT_BYTE, 1024.0 * 1024.0 * 1024.0 * 1024.0},
    {"GB", GUC_UNIT_BYTE, 1024.0 * 1024.0 * 1024.0},
    {"MB", GUC_UNIT_BYTE, 1024.0 * 1024.0},
    {"kB", GUC_UNIT_BYTE, 1024.0},
    {"B", GUC_UNIT_BYTE, 1.0},

    {"TB", GUC_UNIT_KB, 1024.0 * 1024.0 * 1024.0},
    {"GB", GUC_UNIT_KB, 1024.0 * 1024.0},
    {"MB", GUC_UNIT_KB, 1024.0},
    {"kB", GUC_UNIT_KB, 1.0},
    {"B", GUC_UNIT_KB, 1.0 / 1024.0},

    {"TB", GUC_UNIT_MB, 1024.0 * 1024.0},
    {"GB", GUC_UNIT_MB, 1024.0},
    {"MB", GUC_UNIT_MB, 1.0},
    {"kB", GUC_UNIT_MB, 1.0 / 1024.0},
    {"B", GUC_UNIT_MB, 1.0 / (1024.0 * 1024.0)},

    {"TB", GUC_UNIT_BLOCKS, (1024.0 * 1024.0 * 1024.0) / (BLCKSZ / 1024)},
    {"GB", GUC_UNIT_BLOCKS, (1024.0 * 1024.0) / (BLCKSZ / 1024)},
    {"MB", GUC_UNIT_BLOCKS, 1024.0 / (BLCKSZ / 1024)},
    {"kB", GUC_UNIT_BLOCKS, 1.0 / (BLCKSZ / 1024)},
    {"B", GUC_UNIT_BLOCKS, 1.0 / BLCKSZ},

    {""}
};

static const char *const time_units_hint =
    "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

static const unit_conversion time_unit_conversion_table[] = {
    {"d", GUC_UNIT_MS, 1000 * 60 * 60 * 24},
    {"h", GUC_UNIT_MS, 1000 * 60 * 60},
    {"min", GUC_UNIT_MS, 1000 * 60},
    {"s", GUC_UNIT_MS, 1000},
    {"ms", GUC_UNIT_MS, 1},
    {"us", GUC_UNIT_MS, 1.0 / 1000},

    {"d", GUC_UNIT_S, 60 * 60 * 24},
    {"h", GUC_UNIT_S, 60 * 60},
    {"min", GUC_UNIT_S, 60},
    {"s", GUC_UNIT_S, 1},
    {"ms", GUC_UNIT_S, 1.0 / 1000},
    {"us", GUC_UNIT_S, 1.0 / (1000 * 1000)},

    {"d", GUC_UNIT_MIN, 60 * 24},
    {"h", GUC_UNIT_MIN, 60},
    {"min", GUC_UNIT_MIN, 1},
    {"s", GUC_UNIT_MIN, 1.0 / 60},
    {"ms", GUC_UNIT_MIN, 1.0 / (1000 * 60)},
    {"us", GUC_UNIT_MIN, 1.0 / (1000 * 1000 * 60)},

    {""}
};

/* "128MB" -> base units.  Units are case-sensitive, as in PostgreSQL. */
static bool
convert_to_base_unit(double value, const char *unit, int base_unit, double *base_value)
{
    char    unitstr[MAX_UNIT_LEN + 1];
    int     unitlen = 0;
    const unit_conversion *table;

    while (*unit != '\0' && !isspace((unsigned char) *unit) && unitlen < MAX_UNIT_LEN)
        unitstr[unitlen++] = *(unit++);
    unitstr[unitlen] = '\0';
    while (isspace((unsigned char) *unit))
        unit++;
    if (*unit != '\0')
        return false;

    table = (base_unit & GUC_UNIT_MEMORY) ? memory_unit_conversion_table
        : time_unit_conversion_table;
    for (int i = 0; *table[i].unit; i++)
    {
        if (base_unit == table[i].base_unit && strcmp(unitstr, table[i].unit) == 0)
        {
            double  cvalue = value * table[i].multiplier;

            /* round fractional input to a multiple of the next smaller unit */
            if (*table[i + 1].unit && base_unit == table[i + 1].base_unit)
                cvalue = rint(cvalue / table[i + 1].multiplier) * table[i + 1].multiplier;
            *base_value = cvalue;
            return true;
        }
    }
    return false;
}

/* Largest unit that divides the value evenly (tables go large to small). */
static void
convert_int_from_base_unit(int64 base_value, int base_unit, int64 *value, const char **unit)
{
    const unit_conversion *table = (base_unit & GUC_UNIT_MEMORY) ?
        memory_unit_conversion_table : time_unit_conversion_table;

    *unit = NULL;
    for (int i = 0; *table[i].unit; i++)
    {
        if (base_unit == table[i].base_unit)
        {
            if (table[i].multiplier <= 1.0 ||
                base_value % (int64) table[i].multiplier == 0)
            {
                *value = (int64) rint((double) base_value / table[i].multiplier);
                *unit = table[i].unit;
                break;
            }
        }
    }
}

static void
convert_real_from_base_unit(double base_value, int base_unit, double *value, const char **unit)
{
    const unit_conversion *table = (base_unit & GUC_UNIT_MEMORY) ?
        memory_unit_conversion_table : time_unit_conversion_table;

    *unit = NULL;
    for (int i = 0; *table[i].unit; i++)
    {
        if (base_unit == table[i].base_unit)
        {
            if (table[i].multiplier <= 1.0 ||
                rint(base_value / table[i].multiplier) == base_value / table[i].multiplier)
            {
                *value = base_value / table[i].multiplier;
                *unit = table[i].unit;
                break;
            }
        }
    }
}

/* The base unit's name, for range errors and pg_settings.unit. */
static const char *
get_config_unit_name(int flags)
{
    switch (flags & GUC_UNIT)
    {
        case 0: return NULL;
        case GUC_UNIT_BYTE: return "B";
        case GUC_UNIT_KB: return "kB";
        case GUC_UNIT_MB: return "MB";
        case GUC_UNIT_BLOCKS: return "8kB";
        case GUC_UNIT_XBLOCKS: return "8kB";
        case GUC_UNIT_MS: return "ms";
        case GUC_UNIT_S: return "s";
        case GUC_UNIT_MIN: return "min";
        default: return NULL;
    }
}

/* ---------------------------------------------------------------- parsing */

bool
parse_bool(const char *value, bool *result)
{
    size_t  len = strlen(value);

    switch (*value)
    {
        case 't': case 'T':
            if (strncasecmp(value, "true", len) == 0)
            {
                *result = true;
                return true;
            }
            break;
        case 'f': case 'F':
            if (strncasecmp(value, "false", len) == 0)
            {
                *result = false;
                return true;
            }
            break;
        case 'y': case 'Y':
            if (strncasecmp(value, "yes", len) == 0)
            {
                *result = true;
                return true;
            }
            break;
        case 'n': case 'N':
            if (strncasecmp(value, "no", len) == 0)
            {
                *result = false;
                return true;
            }
            break;
        case 'o': case 'O':
            /* "o" alone is ambiguous */
            if (strncasecmp(value, "on", (len > 2 ? len : 2)) == 0)
            {
                *result = true;
                return true;
            }
            else if (strncasecmp(value, "off", (len > 2 ? len : 2)) == 0)
            {
                *result = false;
                return true;
            }
            break;
        case '1':
            if (len == 1)
            {
                *result = true;
                return true;
            }
            break;
        case '0':
            if (len == 1)
            {
                *result = false;
                return true;
            }
            break;
        default:
            break;
    }
    *result = false;
    return false;
}

bool
parse_int(const char *value, int *result, int flags, const char **hintmsg)
{
    double  val;
    char   *endptr;

    if (result)
        *result = 0;
    if (hintmsg)
        *hintmsg = NULL;

    /* integer first (octal/hex allowed); re-parse as float at '.', 'e', overflow */
    errno = 0;
    val = (double) strtol(value, &endptr, 0);
    if (*endptr == '.' || *endptr == 'e' || *endptr == 'E' || errno == ERANGE)
    {
        errno = 0;
        val = strtod(value, &endptr);
    }
    if (endptr == value || errno == ERANGE)
        return false;
    if (isnan(val))
        return false;
    while (isspace((unsigned char) *endptr))
        endptr++;
    if (*endptr != '\0')
    {
        if ((flags & GUC_UNIT) == 0)
            return false;
        if (!convert_to_base_unit(val, endptr, flags & GUC_UNIT, &val))
        {
            if (hintmsg)
                *hintmsg = (flags & GUC_UNIT_MEMORY) ? memory_units_hint : time_units_hint;
            return false;
        }
    }
    val = rint(val);
    if (val > INT_MAX || val < INT_MIN)
    {
        if (hintmsg)
            *hintmsg = "Value exceeds integer range.";
        return false;
    }
    if (result)
        *result = (int) val;
    return true;
}

bool
parse_real(const char *value, double *result, int flags, const char **hintmsg)
{
    double  val;
    char   *endptr;

    if (result)
        *result = 0;
    if (hintmsg)
        *hintmsg = NULL;
    errno = 0;
    val = strtod(value, &endptr);
    if (endptr == value || errno == ERANGE)
        return false;
    if (isnan(val))
        return false;
    while (isspace((unsigned char) *endptr))
        endptr++;
    if (*endptr != '\0')
    {
        if ((flags & GUC_UNIT) == 0)
            return false;
        if (!convert_to_base_unit(val, endptr, flags & GUC_UNIT, &val))
        {
            if (hintmsg)
                *hintmsg = (flags & GUC_UNIT_MEMORY) ? memory_units_hint : time_units_hint;
            return false;
        }
    }
    if (result)
        *result = val;
    return true;
}

static bool
config_enum_lookup_by_name(const struct config_generic *record, const char *value, int *retval)
{
    for (const config_enum_entry *e = record->options; e && e->name; e++)
    {
        if (strcasecmp(value, e->name) == 0)
        {
            *retval = e->val;
            return true;
        }
    }
    *retval = 0;
    return false;
}

static const char *
config_enum_lookup_by_value(const struct config_generic *record, int val)
{
    for (const config_enum_entry *e = record->options; e && e->name; e++)
        if (e->val == val)
            return e->name;
    return "???";
}

/* "Available values: a, b, c." style list of the non-hidden options (palloc'd). */
static char *
config_enum_get_options(const struct config_generic *record, const char *prefix,
                        const char *suffix, const char *separator)
{
    StringInfoData buf;
    bool    first = true;

    initStringInfo(&buf);
    appendStringInfoString(&buf, prefix);
    for (const config_enum_entry *e = record->options; e && e->name; e++)
    {
        if (e->hidden)
            continue;
        if (!first)
            appendStringInfoString(&buf, separator);
        appendStringInfoString(&buf, e->name);
        first = false;
    }
    appendStringInfoString(&buf, suffix);
    return buf.data;
}

/* ---------------------------------------------------------------- lookup */

static int
guc_name_compare(const char *a, const char *b)
{
    return strcasecmp(a, b);
}

static int
guc_var_compare(const void *a, const void *b)
{
    const struct config_generic *ca = *(const struct config_generic *const *) a;
    const struct config_generic *cb = *(const struct config_generic *const *) b;

    return guc_name_compare(ca->name, cb->name);
}

static struct config_generic *
find_placeholder(const char *name)
{
    for (int i = 0; i < num_placeholders; i++)
        if (guc_name_compare(placeholders[i]->name, name) == 0)
            return placeholders[i];
    return NULL;
}

/* Aliases PostgreSQL accepts for SQL-standard spellings. */
static const char *
map_old_guc_names(const char *name)
{
    if (strcasecmp(name, "sort_mem") == 0)
        return "work_mem";
    if (strcasecmp(name, "vacuum_mem") == 0)
        return "maintenance_work_mem";
    return name;
}

static struct config_generic *
find_option_noerror(const char *name)
{
    int     lo = 0;
    int     hi = num_sorted_vars - 1;

    name = map_old_guc_names(name);
    if (sorted_vars == NULL)
    {
        /* before InitializeGUCOptions (hook registration): plain scan */
        for (int i = 0; i < NumConfigureNames; i++)
            if (guc_name_compare(name, ConfigureNames[i].name) == 0)
                return &ConfigureNames[i];
        return NULL;
    }
    while (lo <= hi)
    {
        int     mid = (lo + hi) / 2;
        int     c = guc_name_compare(name, sorted_vars[mid]->name);

        if (c == 0)
            return sorted_vars[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return find_placeholder(name);
}

/* PostgreSQL's valid_custom_variable_name: identifiers separated by dots. */
static bool
valid_custom_variable_name(const char *name)
{
    bool    saw_sep = false;
    bool    name_start = true;

    for (const char *p = name; *p; p++)
    {
        if (*p == '.')
        {
            if (name_start)
                return false;
            saw_sep = true;
            name_start = true;
        }
        else if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_", *p) != NULL ||
                 (unsigned char) *p >= 0x80)
            name_start = false;
        else if (!name_start && strchr("0123456789$", *p) != NULL)
            ;
        else
            return false;
    }
    return saw_sep && !name_start;
}

static char *
guc_strdup(const char *s)
{
    char   *r = strdup(s ? s : "");

    if (r == NULL)
        ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    return r;
}

static struct config_generic *
add_placeholder(const char *name)
{
    struct config_generic *gen;
    char  **var;

    if (num_placeholders >= GUC_MAX_PLACEHOLDERS)
        ereport(ERROR,
                (errcode(ERRCODE_CONFIGURATION_LIMIT_EXCEEDED),
                 errmsg("too many custom configuration parameters"),
                 errdetail("At most %d custom parameters can be defined in a session.",
                           GUC_MAX_PLACEHOLDERS)));
    gen = calloc(1, sizeof(struct config_generic) + sizeof(char *));
    if (gen == NULL)
        ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    var = (char **) (gen + 1);
    gen->name = strdup(name);
    if (gen->name == NULL)
    {
        free(gen);
        ereport(ERROR, (errcode(ERRCODE_OUT_OF_MEMORY), errmsg("out of memory")));
    }
    gen->context = PGC_USERSET;
    gen->vartype = PGC_STRING;
    gen->flags = GUC_CUSTOM_PLACEHOLDER | GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE;
    gen->short_desc = "";
    gen->variable = var;
    gen->boot.stringval = "";
    *var = guc_strdup("");
    gen->reset_val.stringval = guc_strdup("");
    gen->source = gen->reset_source = PGC_S_DEFAULT;
    placeholders[num_placeholders++] = gen;
    return gen;
}

/*
 * Find a setting; optionally create a placeholder for a custom name.
 * Unknown names are reported at elevel (42704) and give NULL.
 */
static struct config_generic *
find_option(const char *name, bool create_placeholders, bool skip_errors, int elevel)
{
    struct config_generic *rec = find_option_noerror(name);

    if (rec)
        return rec;
    if (create_placeholders && strchr(name, '.') != NULL)
    {
        if (valid_custom_variable_name(name))
            return add_placeholder(name);
        if (!skip_errors)
            ereport(elevel,
                    (errcode(ERRCODE_INVALID_NAME),
                     errmsg("invalid configuration parameter name \"%s\"", name),
                     errdetail("Custom parameter names must be two or more simple identifiers separated by dots.")));
        return NULL;
    }
    if (!skip_errors)
        ereport(elevel,
                (errcode(ERRCODE_UNDEFINED_OBJECT),
                 errmsg("unrecognized configuration parameter \"%s\"", name)));
    return NULL;
}

/* ---------------------------------------------------------------- values */

static void
get_current(const struct config_generic *rec, config_var_val *out)
{
    switch (rec->vartype)
    {
        case PGC_BOOL: out->boolval = *(bool *) rec->variable; break;
        case PGC_INT: out->intval = *(int *) rec->variable; break;
        case PGC_REAL: out->realval = *(double *) rec->variable; break;
        case PGC_STRING: out->stringval = *(char **) rec->variable; break;
        case PGC_ENUM: out->enumval = *(int *) rec->variable; break;
    }
}

static bool
values_equal(const struct config_generic *rec, const config_var_val *a, const config_var_val *b)
{
    switch (rec->vartype)
    {
        case PGC_BOOL: return a->boolval == b->boolval;
        case PGC_INT: return a->intval == b->intval;
        case PGC_REAL: return a->realval == b->realval;
        case PGC_ENUM: return a->enumval == b->enumval;
        case PGC_STRING:
            if (a->stringval == NULL || b->stringval == NULL)
                return a->stringval == b->stringval;
            return strcmp(a->stringval, b->stringval) == 0;
    }
    return false;
}

/* Copy a value into a slot the entry owns (strings are duplicated). */
static void
copy_value(const struct config_generic *rec, config_var_val *dst, const config_var_val *src)
{
    if (rec->vartype == PGC_STRING)
        dst->stringval = guc_strdup(src->stringval);
    else
        *dst = *src;
}

static void
discard_value(const struct config_generic *rec, config_var_val *v)
{
    if (rec->vartype == PGC_STRING)
    {
        free(v->stringval);
        v->stringval = NULL;
    }
}

/*
 * Install a new current value (taking ownership of a string) and run the
 * assign hook.  Never fails.
 */
static void
set_current(struct config_generic *rec, config_var_val *newval)
{
    switch (rec->vartype)
    {
        case PGC_BOOL: *(bool *) rec->variable = newval->boolval; break;
        case PGC_INT: *(int *) rec->variable = newval->intval; break;
        case PGC_REAL: *(double *) rec->variable = newval->realval; break;
        case PGC_ENUM: *(int *) rec->variable = newval->enumval; break;
        case PGC_STRING:
            {
                char  **var = (char **) rec->variable;
                char   *old = *var;

                *var = newval->stringval;
                newval->stringval = NULL;
                free(old);
                break;
            }
    }
    if (rec->assign_hook)
        rec->assign_hook();
}

/* ---------------------------------------------------------------- check hooks */

void
GUC_check_errcode(int sqlerrcode)
{
    GUC_check_errcode_value = sqlerrcode;
}

#define GUC_CHECK_SETTER(fname, buf) \
void \
fname(const char *fmt, ...) \
{ \
    va_list args; \
    va_start(args, fmt); \
    vsnprintf(buf, sizeof buf, fmt, args); \
    va_end(args); \
}
GUC_CHECK_SETTER(GUC_check_errmsg, GUC_check_errmsg_buf)
GUC_CHECK_SETTER(GUC_check_errdetail, GUC_check_errdetail_buf)
GUC_CHECK_SETTER(GUC_check_errhint, GUC_check_errhint_buf)

static bool
call_string_check_hook(struct config_generic *rec, char **newval, GucSource source, int elevel)
{
    if (rec->check_hook == NULL)
        return true;
    GUC_check_errcode_value = ERRCODE_INVALID_PARAMETER_VALUE;
    GUC_check_errmsg_buf[0] = GUC_check_errdetail_buf[0] = GUC_check_errhint_buf[0] = '\0';
    if (rec->check_hook(newval, source))
        return true;
    ereport(elevel,
            (errcode(GUC_check_errcode_value),
             GUC_check_errmsg_buf[0] ?
             errmsg_internal("%s", GUC_check_errmsg_buf) :
             errmsg("invalid value for parameter \"%s\": \"%s\"",
                    rec->name, *newval ? *newval : ""),
             GUC_check_errdetail_buf[0] ? errdetail_internal("%s", GUC_check_errdetail_buf) : 0,
             GUC_check_errhint_buf[0] ? errhint("%s", GUC_check_errhint_buf) : 0));
    return false;
}

/* Truncate a GUC_IS_NAME value to NAMEDATALEN-1 bytes on a character boundary. */
static void
truncate_name_value(char *s)
{
    size_t  len = strlen(s);
    size_t  clip;

    if (len < NAMEDATALEN)
        return;
    clip = NAMEDATALEN - 1;
    while (clip > 0 && ((unsigned char) s[clip] & 0xC0) == 0x80)
        clip--;     /* do not split a UTF-8 sequence */
    ereport(NOTICE,
            (errcode(ERRCODE_NAME_TOO_LONG),
             errmsg("identifier \"%s\" will be truncated to \"%.*s\"", s, (int) clip, s)));
    s[clip] = '\0';
}

/*
 * Parse and validate value for rec into *newval (a malloc'd string for
 * string settings).  Reports at elevel and returns false when invalid.
 */
static bool
parse_and_validate_value(struct config_generic *rec, const char *name, const char *value,
                         GucSource source, int elevel, config_var_val *newval)
{
    const char *hintmsg;

    switch (rec->vartype)
    {
        case PGC_BOOL:
            if (!parse_bool(value, &newval->boolval))
            {
                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("parameter \"%s\" requires a Boolean value", name)));
                return false;
            }
            return true;

        case PGC_INT:
            if (!parse_int(value, &newval->intval, rec->flags, &hintmsg))
            {
                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("invalid value for parameter \"%s\": \"%s\"", name, value),
                         hintmsg ? errhint("%s", hintmsg) : 0));
                return false;
            }
            if (newval->intval < rec->min || newval->intval > rec->max)
            {
                const char *unit = get_config_unit_name(rec->flags);

                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("%d%s%s is outside the valid range for parameter \"%s\" (%d .. %d)",
                                newval->intval, unit ? " " : "", unit ? unit : "",
                                name, rec->min, rec->max)));
                return false;
            }
            return true;

        case PGC_REAL:
            if (!parse_real(value, &newval->realval, rec->flags, &hintmsg))
            {
                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("invalid value for parameter \"%s\": \"%s\"", name, value),
                         hintmsg ? errhint("%s", hintmsg) : 0));
                return false;
            }
            if (newval->realval < rec->rmin || newval->realval > rec->rmax)
            {
                const char *unit = get_config_unit_name(rec->flags);

                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("%g%s%s is outside the valid range for parameter \"%s\" (%g .. %g)",
                                newval->realval, unit ? " " : "", unit ? unit : "",
                                name, rec->rmin, rec->rmax)));
                return false;
            }
            return true;

        case PGC_STRING:
            if (strlen(value) > GUC_MAX_VALUE_LENGTH)
            {
                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("invalid value for parameter \"%s\": value too long", rec->name),
                         errdetail("Values are limited to %d bytes.", GUC_MAX_VALUE_LENGTH)));
                return false;
            }
            newval->stringval = guc_strdup(value);
            if (rec->flags & GUC_IS_NAME)
                truncate_name_value(newval->stringval);
            if (!call_string_check_hook(rec, &newval->stringval, source, elevel))
            {
                free(newval->stringval);
                newval->stringval = NULL;
                return false;
            }
            return true;

        case PGC_ENUM:
            if (!config_enum_lookup_by_name(rec, value, &newval->enumval))
            {
                char   *hint = config_enum_get_options(rec, "Available values: ", ".", ", ");

                ereport(elevel,
                        (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                         errmsg("invalid value for parameter \"%s\": \"%s\"", name, value),
                         hint ? errhint("%s", hint) : 0));
                return false;
            }
            return true;
    }
    return false;
}

/* ---------------------------------------------------------------- transactions */

/* Save the value before this transaction's first change (PostgreSQL's push_old_value). */
static void
push_old_value(struct config_generic *rec, GucAction action)
{
    config_var_val cur;

    /* Outside a transaction a change is simply permanent. */
    if (!IsTransactionState())
        return;

    if (rec->stack_state != GUC_STACK_NONE)
    {
        switch (action)
        {
            case GUC_ACTION_SET:
                /* SET overrides any earlier action in this transaction */
                if (rec->stack_state == GUC_STACK_SET_LOCAL)
                    discard_value(rec, &rec->masked);
                rec->stack_state = GUC_STACK_SET;
                break;
            case GUC_ACTION_LOCAL:
                if (rec->stack_state == GUC_STACK_SET)
                {
                    /* SET then SET LOCAL: commit goes back to the SET value */
                    get_current(rec, &cur);
                    copy_value(rec, &rec->masked, &cur);
                    rec->masked_source = rec->source;
                    rec->stack_state = GUC_STACK_SET_LOCAL;
                }
                break;
            case GUC_ACTION_SAVE:
                break;
        }
        return;
    }

    get_current(rec, &cur);
    copy_value(rec, &rec->prior, &cur);
    rec->prior_source = rec->source;
    switch (action)
    {
        case GUC_ACTION_SET: rec->stack_state = GUC_STACK_SET; break;
        case GUC_ACTION_LOCAL: rec->stack_state = GUC_STACK_LOCAL; break;
        case GUC_ACTION_SAVE: rec->stack_state = GUC_STACK_SAVE; break;
    }
    rec->next_touched = touched_list;
    touched_list = rec;
}

void
AtEOXact_GUC(bool isCommit)
{
    struct config_generic *rec = touched_list;

    touched_list = NULL;
    while (rec)
    {
        struct config_generic *next = rec->next_touched;
        bool    restorePrior = false;
        bool    restoreMasked = false;
        config_var_val cur;

        if (!isCommit)
            restorePrior = true;
        else if (rec->stack_state == GUC_STACK_SAVE || rec->stack_state == GUC_STACK_LOCAL)
            restorePrior = true;
        else if (rec->stack_state == GUC_STACK_SET_LOCAL)
            restoreMasked = true;

        get_current(rec, &cur);
        if (restorePrior || restoreMasked)
        {
            config_var_val *src = restorePrior ? &rec->prior : &rec->masked;
            GucSource newsource = restorePrior ? rec->prior_source : rec->masked_source;

            if (!values_equal(rec, &cur, src))
            {
                config_var_val v;

                copy_value(rec, &v, src);
                set_current(rec, &v);
            }
            rec->source = newsource;
        }
        if (rec->stack_state == GUC_STACK_SET_LOCAL)
            discard_value(rec, &rec->masked);
        discard_value(rec, &rec->prior);
        rec->stack_state = GUC_STACK_NONE;
        rec->next_touched = NULL;
        rec = next;
    }
}

static void
guc_xact_callback(XactEvent event, void *arg)
{
    (void) arg;
    if (event == XACT_EVENT_COMMIT)
        AtEOXact_GUC(true);
    else if (event == XACT_EVENT_ABORT)
        AtEOXact_GUC(false);
}

void
InitGUCTransactionHooks(void)
{
    static bool done = false;

    if (!done)
    {
        RegisterXactCallback(guc_xact_callback, NULL);
        done = true;
    }
}

/* ---------------------------------------------------------------- setting */

int
set_config_option(const char *name, const char *value, GucContext context,
                  GucSource source, GucAction action, bool changeVal, int elevel)
{
    struct config_generic *rec;
    bool    makeDefault;
    config_var_val newval;

    rec = find_option(name, true, false, elevel);
    if (rec == NULL)
        return -1;

    /* Who may change it, and when (PostgreSQL's rules). */
    switch (rec->context)
    {
        case PGC_INTERNAL:
            if (context != PGC_INTERNAL)
            {
                ereport(elevel,
                        (errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
                         errmsg("parameter \"%s\" cannot be changed", name)));
                return 0;
            }
            break;
        case PGC_POSTMASTER:
            if (context != PGC_POSTMASTER)
            {
                ereport(elevel,
                        (errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
                         errmsg("parameter \"%s\" cannot be changed without restarting the server",
                                name)));
                return 0;
            }
            break;
        case PGC_SIGHUP:
            if (context != PGC_SIGHUP && context != PGC_POSTMASTER)
            {
                ereport(elevel,
                        (errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
                         errmsg("parameter \"%s\" cannot be changed now", name)));
                return 0;
            }
            break;
        case PGC_SU_BACKEND:
        case PGC_BACKEND:
            if (context != PGC_POSTMASTER && context != PGC_SIGHUP &&
                context != PGC_BACKEND && context != PGC_SU_BACKEND &&
                source != PGC_S_CLIENT)
            {
                ereport(elevel,
                        (errcode(ERRCODE_CANT_CHANGE_RUNTIME_PARAM),
                         errmsg("parameter \"%s\" cannot be set after connection start",
                                name)));
                return 0;
            }
            break;
        case PGC_SUSET:
            if (context == PGC_USERSET || context == PGC_BACKEND)
            {
                ereport(elevel,
                        (errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
                         errmsg("permission denied to set parameter \"%s\"", name)));
                return 0;
            }
            break;
        case PGC_USERSET:
            break;
    }

    /* Defaults from files, command line and client also become the reset value. */
    makeDefault = changeVal && source <= PGC_S_OVERRIDE &&
        (value != NULL || source == PGC_S_DEFAULT);

    /* A value from a higher-priority source wins. */
    if (rec->source > source)
    {
        if (changeVal && !makeDefault)
            return -1;
        changeVal = false;
    }

    memset(&newval, 0, sizeof newval);
    if (value != NULL)
    {
        if (!parse_and_validate_value(rec, name, value, source, elevel, &newval))
            return 0;
    }
    else if (source == PGC_S_DEFAULT)
    {
        if (rec->vartype == PGC_STRING)
        {
            newval.stringval = guc_strdup(rec->boot.stringval);
            if (!call_string_check_hook(rec, &newval.stringval, source, elevel))
            {
                free(newval.stringval);
                return 0;
            }
        }
        else
            newval = rec->boot;
    }
    else
    {
        /* RESET: back to the session default */
        copy_value(rec, &newval, &rec->reset_val);
        source = rec->reset_source;
    }

    if (changeVal)
    {
        config_var_val v;

        if (!makeDefault)
            push_old_value(rec, action);
        copy_value(rec, &v, &newval);
        set_current(rec, &v);
        rec->source = source;
    }
    if (makeDefault)
    {
        if (rec->reset_source <= source)
        {
            discard_value(rec, &rec->reset_val);
            copy_value(rec, &rec->reset_val, &newval);
            rec->reset_source = source;
        }
        if (rec->stack_state != GUC_STACK_NONE && rec->prior_source <= source)
        {
            discard_value(rec, &rec->prior);
            copy_value(rec, &rec->prior, &newval);
            rec->prior_source = source;
        }
    }
    discard_value(rec, &newval);
    return 1;
}

void
SetConfigOption(const char *name, const char *value, GucContext context, GucSource source)
{
    (void) set_config_option(name, value, context, source, GUC_ACTION_SET, true, ERROR);
}

void
ResetAllOptions(void)
{
    for (int i = 0; i < num_sorted_vars + num_placeholders; i++)
    {
        struct config_generic *rec = i < num_sorted_vars ? sorted_vars[i]
            : placeholders[i - num_sorted_vars];
        config_var_val cur;
        config_var_val v;

        if (rec->context != PGC_SUSET && rec->context != PGC_USERSET)
            continue;
        if (rec->flags & GUC_NO_RESET_ALL)
            continue;
        if (rec->source <= PGC_S_OVERRIDE)
            continue;       /* already at its session default */
        push_old_value(rec, GUC_ACTION_SET);
        get_current(rec, &cur);
        if (!values_equal(rec, &cur, &rec->reset_val))
        {
            copy_value(rec, &v, &rec->reset_val);
            set_current(rec, &v);
        }
        rec->source = rec->reset_source;
    }
}

/* ---------------------------------------------------------------- initialization */

void
InitializeGUCOptions(void)
{
    static struct config_generic *sorted_storage[256];

    if (sorted_vars == NULL)
    {
        if (NumConfigureNames > (int) lengthof(sorted_storage))
        {
            fprintf(stderr, "too many settings in the GUC table\n");
            abort();
        }
        for (int i = 0; i < NumConfigureNames; i++)
            sorted_storage[i] = &ConfigureNames[i];
        qsort(sorted_storage, NumConfigureNames, sizeof(struct config_generic *), guc_var_compare);
        sorted_vars = sorted_storage;
        num_sorted_vars = NumConfigureNames;
    }

    for (int i = 0; i < num_sorted_vars; i++)
    {
        struct config_generic *rec = sorted_vars[i];
        config_var_val v;

        rec->stack_state = GUC_STACK_NONE;
        rec->next_touched = NULL;
        rec->source = rec->reset_source = PGC_S_DEFAULT;
        if (rec->vartype == PGC_STRING)
        {
            v.stringval = guc_strdup(rec->boot.stringval);
            if (rec->check_hook && !rec->check_hook(&v.stringval, PGC_S_DEFAULT))
            {
                fprintf(stderr, "failed to initialize %s to \"%s\"\n",
                        rec->name, rec->boot.stringval);
                abort();
            }
            /* the variable may hold a literal before init: do not free it */
            *(char **) rec->variable = NULL;
            discard_value(rec, &rec->reset_val);
            copy_value(rec, &rec->reset_val, &v);
            set_current(rec, &v);
        }
        else
        {
            v = rec->boot;
            rec->reset_val = v;
            set_current(rec, &v);
        }
    }
    touched_list = NULL;
}


/* ---------------------------------------------------------------- showing */

/* A setting's value as SHOW prints it; palloc'd. use_units: "4MB" vs "4096". */
static char *
show_option(const struct config_generic *rec, bool use_units)
{
    char    buffer[256];

    if (rec->show_hook)
        return pstrdup(rec->show_hook());

    switch (rec->vartype)
    {
        case PGC_BOOL:
            return pstrdup(*(bool *) rec->variable ? "on" : "off");

        case PGC_INT:
            {
                int64   result = *(int *) rec->variable;
                const char *unit = NULL;

                if (use_units && result > 0 && (rec->flags & GUC_UNIT))
                    convert_int_from_base_unit(result, rec->flags & GUC_UNIT, &result, &unit);
                snprintf(buffer, sizeof buffer, "%lld%s", (long long) result, unit ? unit : "");
                return pstrdup(buffer);
            }

        case PGC_REAL:
            {
                double  result = *(double *) rec->variable;
                const char *unit = NULL;

                if (use_units && result > 0 && (rec->flags & GUC_UNIT))
                    convert_real_from_base_unit(result, rec->flags & GUC_UNIT, &result, &unit);
                snprintf(buffer, sizeof buffer, "%g%s", result, unit ? unit : "");
                return pstrdup(buffer);
            }

        case PGC_STRING:
            {
                const char *s = *(char **) rec->variable;

                return pstrdup(s ? s : "");
            }

        case PGC_ENUM:
            return pstrdup(config_enum_lookup_by_value(rec, *(int *) rec->variable));
    }
    return pstrdup("???");
}

char *
GetConfigOptionByName(const char *name, const char **varname, bool missing_ok)
{
    struct config_generic *rec = find_option(name, false, missing_ok, ERROR);

    if (rec == NULL)
    {
        if (varname)
            *varname = NULL;
        return NULL;
    }
    if (varname)
        *varname = rec->name;
    return show_option(rec, true);
}

char *
GetConfigOptionResetString(const char *name)
{
    struct config_generic *rec = find_option_noerror(name);

    if (rec == NULL)
        return NULL;
    switch (rec->vartype)
    {
        case PGC_STRING:
            return rec->reset_val.stringval ? rec->reset_val.stringval : "";
        default:
            return NULL;    /* only string settings need this (DateStyle DEFAULT) */
    }
}

int
GetConfigOptionFlags(const char *name, bool missing_ok)
{
    struct config_generic *rec = find_option(name, false, missing_ok, ERROR);

    return rec ? rec->flags : 0;
}

const char *
GetConfigOptionCanonicalName(const char *name)
{
    struct config_generic *rec = find_option_noerror(name);

    return rec ? rec->name : NULL;
}

int
GetNumConfigOptions(void)
{
    return num_sorted_vars;
}

static const char *const GucContext_Names[] = {
    "internal", "postmaster", "sighup", "superuser-backend", "backend", "superuser", "user"
};

static const char *const GucSource_Names[] = {
    "default", "default", "environment variable", "configuration file", "command line",
    "global", "database", "user", "database user", "client", "override", "interactive",
    "test", "session"
};

static const char *const config_type_names[] = {
    "bool", "integer", "real", "string", "enum"
};

void
GetConfigOptionRowByNum(int idx, ConfigOptionRow *row)
{
    const struct config_generic *rec = sorted_vars[idx];
    char    buf[64];

    memset(row, 0, sizeof *row);
    row->name = rec->name;
    row->setting = show_option(rec, true);
    row->raw_setting = show_option(rec, false);
    row->unit = get_config_unit_name(rec->flags);
    row->short_desc = rec->short_desc;
    row->context = GucContext_Names[rec->context];
    row->vartype = config_type_names[rec->vartype];
    row->source = GucSource_Names[rec->source];
    row->hidden = (rec->flags & GUC_NO_SHOW_ALL) != 0;
    switch (rec->vartype)
    {
        case PGC_BOOL:
            row->boot_val = rec->boot.boolval ? "on" : "off";
            row->reset_val = rec->reset_val.boolval ? "on" : "off";
            break;
        case PGC_INT:
            snprintf(buf, sizeof buf, "%d", rec->min);
            row->min_val = pstrdup(buf);
            snprintf(buf, sizeof buf, "%d", rec->max);
            row->max_val = pstrdup(buf);
            snprintf(buf, sizeof buf, "%d", rec->boot.intval);
            row->boot_val = pstrdup(buf);
            snprintf(buf, sizeof buf, "%d", rec->reset_val.intval);
            row->reset_val = pstrdup(buf);
            break;
        case PGC_REAL:
            snprintf(buf, sizeof buf, "%g", rec->rmin);
            row->min_val = pstrdup(buf);
            snprintf(buf, sizeof buf, "%g", rec->rmax);
            row->max_val = pstrdup(buf);
            snprintf(buf, sizeof buf, "%g", rec->boot.realval);
            row->boot_val = pstrdup(buf);
            snprintf(buf, sizeof buf, "%g", rec->reset_val.realval);
            row->reset_val = pstrdup(buf);
            break;
        case PGC_STRING:
            row->boot_val = rec->boot.stringval;
            row->reset_val = pstrdup(rec->reset_val.stringval ? rec->reset_val.stringval : "");
            break;
        case PGC_ENUM:
            {
                char   *vals = config_enum_get_options(rec, "{", "}", ",");

                row->enumvals = vals;
                row->boot_val = config_enum_lookup_by_value(rec, rec->boot.enumval);
                row->reset_val = config_enum_lookup_by_value(rec, rec->reset_val.enumval);
                break;
            }
    }
}

/* ---------------------------------------------------------------- reporting */

static void
ReportGUCOption(struct config_generic *rec)
{
    char   *val = show_option(rec, false);

    if (rec->last_reported == NULL || strcmp(val, rec->last_reported) != 0)
    {
        StringInfoData msgbuf;
        char   *copy = strdup(val);

        pq_beginmessage(&msgbuf, 'S');
        pq_sendstring(&msgbuf, rec->name);
        pq_sendstring(&msgbuf, val);
        pq_endmessage(&msgbuf);
        if (copy)
        {
            free(rec->last_reported);
            rec->last_reported = copy;
        }
    }
    pfree(val);
}

void
BeginReportingGUCOptions(void)
{
    reporting_enabled = true;
    for (int i = 0; i < num_sorted_vars; i++)
        if (sorted_vars[i]->flags & GUC_REPORT)
            ReportGUCOption(sorted_vars[i]);
}

void
ReportChangedGUCOptions(void)
{
    if (!reporting_enabled)
        return;
    for (int i = 0; i < num_sorted_vars; i++)
        if (sorted_vars[i]->flags & GUC_REPORT)
            ReportGUCOption(sorted_vars[i]);
}

/* ---------------------------------------------------------------- hook registration */

bool
RegisterGucCheckHook(const char *name, GucStringCheckHook hook)
{
    struct config_generic *rec = find_option_noerror(name);

    if (rec == NULL || rec->vartype != PGC_STRING)
        return false;
    rec->check_hook = hook;
    return true;
}

bool
RegisterGucAssignHook(const char *name, GucAssignHook hook)
{
    struct config_generic *rec = find_option_noerror(name);

    if (rec == NULL)
        return false;
    rec->assign_hook = hook;
    return true;
}
