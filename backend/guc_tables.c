/*-------------------------------------------------------------------------
 * guc_tables.c
 *    The one table of settings, and the check/assign hooks that give some
 *    of them PostgreSQL's validation and canonical forms.
 *
 * Each entry says: name, context, type, flags (unit, GUC_REPORT, ...),
 * PostgreSQL's one-line description, the variable it drives, boot value
 * and limits.  Names, limits, boot values and descriptions are copied from
 * PostgreSQL 15 (src/backend/utils/misc/guc.c) so that SHOW, SHOW ALL and
 * error messages match it.  Entries whose variable has no consumer yet in
 * Basalt (planner cost knobs, enable_* switches) are real settings all the
 * same: SET/SHOW/RESET behave as in PostgreSQL, and the module that adopts
 * them reads the variable defined here.
 *
 * To add a setting: add one entry below (keep the list grouped by type);
 * nothing else needs to change.  The runtime sorts the table by name.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <float.h>
#include <limits.h>
#include <locale.h>

#include "backend/globals.h"
#include "backend/guc_tables.h"
#include "catalog/catalog.h"
#include "catalog/relcache.h"
#include "catalog/syscache.h"
#include "procs/datetime.h"
#include "storage/bufmgr.h"
#include "storage/lmgr.h"
#include "storage/smgr.h"
#include "storage/xact.h"

/* Settings whose variables no other module defines (yet). */
extern int extra_float_digits;              /* procs/float.c */

bool        allow_system_table_mods = false;   /* catalog/catalog.h */
bool        enable_seqscan = true;
bool        enable_indexscan = true;
bool        enable_indexonlyscan = true;
bool        enable_bitmapscan = true;
bool        enable_tidscan = true;
bool        enable_sort = true;
bool        enable_incremental_sort = true;
bool        enable_hashagg = true;
bool        enable_material = true;
bool        enable_memoize = true;
bool        enable_nestloop = true;
bool        enable_mergejoin = true;
bool        enable_hashjoin = true;
double      seq_page_cost = 1.0;
double      random_page_cost = 4.0;
double      cpu_tuple_cost = 0.01;
double      cpu_index_tuple_cost = 0.005;
double      cpu_operator_cost = 0.0025;
double      cursor_tuple_fraction = 0.1;
int         effective_cache_size = 524288;
int         default_statistics_target = 100;
int         from_collapse_limit = 8;
int         join_collapse_limit = 8;
bool        escape_string_warning = true;
bool        standard_conforming_strings = true;
bool        array_nulls = true;
bool        check_function_bodies = true;
bool        quote_all_identifiers = false;
bool        row_security = true;
bool        enableFsync = true;
int         temp_buffers = 1024;
int         backslash_quote = 0;

static bool integer_datetimes = true;
static bool in_hot_standby = false;
static bool is_superuser = true;
static bool data_checksums = false;
static bool synchronize_seqscans = true;
static bool jit_enabled = true;     /* accepted; Basalt has no JIT compiler */
static bool default_transaction_deferrable = false;
static bool transaction_deferrable = false;
static int  server_version_num = PG_VERSION_NUM;
static int  block_size = BLCKSZ;
static int  max_identifier_length = NAMEDATALEN - 1;
static int  max_function_args = 100;
static int  max_index_keys = 32;
static int  segment_size = 131072;
static int  synchronous_commit = 1;
static int  xmloption = 1;
static int  constraint_exclusion = 2;
static char *datestyle_string;
static char *client_encoding_string;
static char *server_encoding_string;
static char *server_version_string;
static char *application_name;
static char *session_authorization_string;
static char *role_string;
static char *default_text_search_config;
static char *timezone_abbreviations_string;
static char *log_timezone_string;
static char *data_directory_string;
static char *locale_messages;
static char *locale_monetary;
static char *locale_numeric;
static char *locale_time;
static char *locale_collate;
static char *locale_ctype;
static char *default_tablespace;
static char *temp_tablespaces;
static char *default_table_access_method;
static char *cluster_name;

/* ---------------------------------------------------------------- enums */

static const config_enum_entry client_message_level_options[] = {
    {"debug5", DEBUG5, false},
    {"debug4", DEBUG4, false},
    {"debug3", DEBUG3, false},
    {"debug2", DEBUG2, false},
    {"debug1", DEBUG1, false},
    {"debug", DEBUG2, true},
    {"log", LOG, false},
    {"info", INFO, true},
    {"notice", NOTICE, false},
    {"warning", WARNING, false},
    {"error", ERROR, false},
    {NULL, 0, false}
};

static const config_enum_entry server_message_level_options[] = {
    {"debug5", DEBUG5, false},
    {"debug4", DEBUG4, false},
    {"debug3", DEBUG3, false},
    {"debug2", DEBUG2, false},
    {"debug1", DEBUG1, false},
    {"debug", DEBUG2, true},
    {"info", INFO, false},
    {"notice", NOTICE, false},
    {"warning", WARNING, false},
    {"error", ERROR, false},
    {"log", LOG, false},
    {"fatal", FATAL, false},
    {"panic", PANIC, false},
    {NULL, 0, false}
};

static const config_enum_entry intervalstyle_options[] = {
    {"postgres", INTSTYLE_POSTGRES, false},
    {"postgres_verbose", INTSTYLE_POSTGRES_VERBOSE, false},
    {"sql_standard", INTSTYLE_SQL_STANDARD, false},
    {"iso_8601", INTSTYLE_ISO_8601, false},
    {NULL, 0, false}
};

static const config_enum_entry bytea_output_options[] = {
    {"escape", BYTEA_OUTPUT_ESCAPE, false},
    {"hex", BYTEA_OUTPUT_HEX, false},
    {NULL, 0, false}
};

static const config_enum_entry isolation_level_options[] = {
    {"serializable", XACT_SERIALIZABLE, false},
    {"repeatable read", XACT_REPEATABLE_READ, false},
    {"read committed", XACT_READ_COMMITTED, false},
    {"read uncommitted", XACT_READ_UNCOMMITTED, false},
    {NULL, 0, false}
};

static const config_enum_entry synchronous_commit_options[] = {
    {"local", 2, false},
    {"remote_write", 3, false},
    {"remote_apply", 4, false},
    {"on", 1, false},
    {"off", 0, false},
    {"true", 1, true},
    {"false", 0, true},
    {"yes", 1, true},
    {"no", 0, true},
    {"1", 1, true},
    {"0", 0, true},
    {NULL, 0, false}
};

static const config_enum_entry xmloption_options[] = {
    {"content", 1, false},
    {"document", 0, false},
    {NULL, 0, false}
};

static const config_enum_entry backslash_quote_options[] = {
    {"safe_encoding", 0, false},
    {"on", 1, false},
    {"off", 2, false},
    {"true", 1, true},
    {"false", 2, true},
    {"yes", 1, true},
    {"no", 2, true},
    {"1", 1, true},
    {"0", 2, true},
    {NULL, 0, false}
};

static const config_enum_entry constraint_exclusion_options[] = {
    {"partition", 2, false},
    {"on", 1, false},
    {"off", 0, false},
    {"true", 1, true},
    {"false", 0, true},
    {"yes", 1, true},
    {"no", 0, true},
    {"1", 1, true},
    {"0", 0, true},
    {NULL, 0, false}
};

/* ---------------------------------------------------------------- hooks */

/* Replace a malloc'd *newval with a malloc'd copy of s. */
static bool
replace_newval(char **newval, const char *s)
{
    char   *copy = strdup(s);

    if (copy == NULL)
        return false;
    free(*newval);
    *newval = copy;
    return true;
}

/*
 * DateStyle: a comma-separated list of an output style (ISO, SQL,
 * Postgres, German) and/or a field order (YMD, DMY, MDY and synonyms),
 * canonicalized to "Style, Order".  PostgreSQL's check_datestyle.
 */
static bool
parse_datestyle(const char *value, int *style, int *order, int depth)
{
    char   *raw = strdup(value);
    char   *p = raw;
    bool    have_style = false;
    bool    have_order = false;
    bool    ok = true;
    int     newStyle = *style;
    int     newOrder = *order;

    if (raw == NULL)
        return false;
    while (*p)
    {
        char   *tok;
        char   *end;

        while (isspace((unsigned char) *p))
            p++;
        tok = p;
        while (*p && *p != ',' && !isspace((unsigned char) *p))
            p++;
        end = p;
        while (isspace((unsigned char) *p))
            p++;
        if (*p != ',' && *p != '\0')
        {
            GUC_check_errdetail("List syntax is invalid.");
            free(raw);
            return false;
        }
        if (end == tok)
        {
            GUC_check_errdetail("List syntax is invalid.");
            free(raw);
            return false;
        }
        if (*p == ',')
        {
            p++;
            if (*p == '\0')
            {
                GUC_check_errdetail("List syntax is invalid.");
                free(raw);
                return false;
            }
        }
        *end = '\0';

        if (strcasecmp(tok, "ISO") == 0)
        {
            if (have_style && newStyle != USE_ISO_DATES)
                ok = false;
            newStyle = USE_ISO_DATES;
            have_style = true;
        }
        else if (strcasecmp(tok, "SQL") == 0)
        {
            if (have_style && newStyle != USE_SQL_DATES)
                ok = false;
            newStyle = USE_SQL_DATES;
            have_style = true;
        }
        else if (strncasecmp(tok, "POSTGRES", 8) == 0)
        {
            if (have_style && newStyle != USE_POSTGRES_DATES)
                ok = false;
            newStyle = USE_POSTGRES_DATES;
            have_style = true;
        }
        else if (strcasecmp(tok, "GERMAN") == 0)
        {
            if (have_style && newStyle != USE_GERMAN_DATES)
                ok = false;
            newStyle = USE_GERMAN_DATES;
            have_style = true;
            /* GERMAN also sets DMY, unless explicitly overridden */
            if (!have_order)
                newOrder = DATEORDER_DMY;
        }
        else if (strcasecmp(tok, "YMD") == 0)
        {
            if (have_order && newOrder != DATEORDER_YMD)
                ok = false;
            newOrder = DATEORDER_YMD;
            have_order = true;
        }
        else if (strcasecmp(tok, "DMY") == 0 || strncasecmp(tok, "EURO", 4) == 0)
        {
            if (have_order && newOrder != DATEORDER_DMY)
                ok = false;
            newOrder = DATEORDER_DMY;
            have_order = true;
        }
        else if (strcasecmp(tok, "MDY") == 0 || strcasecmp(tok, "US") == 0 ||
                 strncasecmp(tok, "NONEURO", 7) == 0)
        {
            if (have_order && newOrder != DATEORDER_MDY)
                ok = false;
            newOrder = DATEORDER_MDY;
            have_order = true;
        }
        else if (strcasecmp(tok, "DEFAULT") == 0 && depth == 0)
        {
            /* The reset value, parsed from scratch. */
            /* the boot value when settings are not initialized (unit tests) */
            const char *reset = GetConfigOptionResetString("datestyle");
            char   *def = (reset && reset[0]) ? (char *) reset : "ISO, MDY";
            int     dStyle = USE_ISO_DATES;
            int     dOrder = DATEORDER_MDY;

            if (!parse_datestyle(def, &dStyle, &dOrder, depth + 1))
            {
                free(raw);
                return false;
            }
            if (!have_style)
                newStyle = dStyle;
            if (!have_order)
                newOrder = dOrder;
            have_style = have_order = true;
        }
        else
        {
            GUC_check_errdetail("Unrecognized key word: \"%s\".", tok);
            free(raw);
            return false;
        }
    }
    free(raw);
    if (!ok)
    {
        GUC_check_errdetail("Conflicting \"datestyle\" specifications.");
        return false;
    }
    *style = newStyle;
    *order = newOrder;
    return true;
}

static const char *
datestyle_name(int style)
{
    switch (style)
    {
        case USE_ISO_DATES: return "ISO";
        case USE_SQL_DATES: return "SQL";
        case USE_GERMAN_DATES: return "German";
        default: return "Postgres";
    }
}

static const char *
dateorder_name(int order)
{
    switch (order)
    {
        case DATEORDER_YMD: return "YMD";
        case DATEORDER_DMY: return "DMY";
        default: return "MDY";
    }
}

bool
check_datestyle(const char *value, int *style, int *order)
{
    return parse_datestyle(value, style, order, 0);
}

char *
show_datestyle(void)
{
    return psprintf("%s, %s", datestyle_name(DateStyle), dateorder_name(DateOrder));
}

static bool
guc_check_datestyle(char **newval, GucSource source)
{
    int     style = DateStyle;
    int     order = DateOrder;
    char    buf[32];

    if (!parse_datestyle(*newval, &style, &order, 0))
        return false;
    snprintf(buf, sizeof buf, "%s, %s", datestyle_name(style), dateorder_name(order));
    return replace_newval(newval, buf);
}

/* The variable holds a canonical "Style, Order" string: derive the ints. */
static void
guc_assign_datestyle(void)
{
    int     style = USE_ISO_DATES;
    int     order = DATEORDER_MDY;

    if (datestyle_string && parse_datestyle(datestyle_string, &style, &order, 1))
    {
        DateStyle = style;
        DateOrder = order;
    }
}

/*
 * client_encoding: Basalt stores and sends UTF-8 only, so the accepted
 * client encodings are UTF8 (alias UNICODE) and SQL_ASCII (no conversion
 * at all, which is what SQL_ASCII means).  Other PostgreSQL encodings are
 * recognized and refused as unsupported conversions (0A000).
 */
static const char *const pg_encoding_names[] = {
    "SQL_ASCII", "EUC_JP", "EUC_CN", "EUC_KR", "EUC_TW", "EUC_JIS_2004", "UTF8",
    "MULE_INTERNAL", "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6",
    "LATIN7", "LATIN8", "LATIN9", "LATIN10", "WIN1256", "WIN1258", "WIN866",
    "WIN874", "KOI8R", "WIN1251", "WIN1252", "ISO_8859_5", "ISO_8859_6",
    "ISO_8859_7", "ISO_8859_8", "WIN1250", "WIN1253", "WIN1254", "WIN1255",
    "WIN1257", "KOI8U", "SJIS", "BIG5", "GBK", "UHC", "GB18030", "JOHAB",
    "SHIFT_JIS_2004", NULL
};

/* PostgreSQL's clean_encoding_name: drop non-alphanumerics, lower-case. */
static void
clean_encoding_name(const char *in, char *out, size_t outlen)
{
    size_t  n = 0;

    for (; *in && n + 1 < outlen; in++)
        if (isalnum((unsigned char) *in))
            out[n++] = (char) tolower((unsigned char) *in);
    out[n] = '\0';
}

static const char *
lookup_encoding(const char *name)
{
    char    key[64];
    char    cand[64];

    clean_encoding_name(name, key, sizeof key);
    if (strcmp(key, "unicode") == 0)
        return "UTF8";
    for (int i = 0; pg_encoding_names[i]; i++)
    {
        clean_encoding_name(pg_encoding_names[i], cand, sizeof cand);
        if (strcmp(key, cand) == 0)
            return pg_encoding_names[i];
    }
    /* a few of PostgreSQL's aliases */
    if (strcmp(key, "iso88591") == 0) return "LATIN1";
    if (strcmp(key, "iso885915") == 0) return "LATIN9";
    if (strcmp(key, "win") == 0 || strcmp(key, "windows1251") == 0) return "WIN1251";
    if (strcmp(key, "windows1252") == 0) return "WIN1252";
    if (strcmp(key, "shiftjis") == 0) return "SJIS";
    return NULL;
}

/* PostgreSQL's encoding names by id (pg_encoding_to_char); NULL if out of range. */
const char *
pg_encoding_name_by_id(int encoding)
{
    if (encoding < 0 || encoding >= (int) lengthof(pg_encoding_names) - 1)
        return NULL;
    return pg_encoding_names[encoding];
}

/* An encoding name (any spelling PostgreSQL accepts) to its id; -1 if unknown. */
int
pg_encoding_id_by_name(const char *name)
{
    const char *canonical = lookup_encoding(name);

    for (int i = 0; canonical && pg_encoding_names[i]; i++)
        if (strcmp(pg_encoding_names[i], canonical) == 0)
            return i;
    return -1;
}

static bool
check_client_encoding(char **newval, GucSource source)
{
    const char *canonical = lookup_encoding(*newval);

    if (canonical == NULL)
        return false;
    if (strcmp(canonical, "UTF8") != 0 && strcmp(canonical, "SQL_ASCII") != 0)
    {
        GUC_check_errcode(ERRCODE_FEATURE_NOT_SUPPORTED);
        GUC_check_errdetail("Conversion between %s and %s is not supported.",
                            canonical, "UTF8");
        return false;
    }
    /* keep "UNICODE" as spelled, as PostgreSQL does for old clients */
    if (strcmp(*newval, canonical) != 0 && strcmp(*newval, "UNICODE") != 0)
        return replace_newval(newval, canonical);
    return true;
}

/* application_name: only printable ASCII survives (PostgreSQL's pg_clean_ascii). */
static bool
check_application_name(char **newval, GucSource source)
{
    for (unsigned char *p = (unsigned char *) *newval; *p; p++)
        if (*p < 32 || *p > 126)
            *p = '?';
    return true;
}

/*
 * TimeZone: the datetime module can register a real check (tz database
 * lookup) with RegisterGucCheckHook; until then accept names that look
 * like zone names or offsets, and spell UTC/GMT canonically.
 */
static bool
check_timezone(char **newval, GucSource source)
{
    const char *s = *newval;

    if (*s == '\0' || strlen(s) >= 256)
        return false;
    for (const char *p = s; *p; p++)
        if (!(isalnum((unsigned char) *p) || strchr("_+-/:.,<>", *p)))
            return false;
    if (strcasecmp(s, "utc") == 0)
        return replace_newval(newval, "UTC");
    if (strcasecmp(s, "gmt") == 0)
        return replace_newval(newval, "GMT");
    return true;
}

/* lc_*: the name must be a locale this system has (checked without using it). */
static bool
check_locale_name(char **newval, GucSource source)
{
    locale_t loc;

    if (**newval == '\0' || strcmp(*newval, "C") == 0 || strcmp(*newval, "POSIX") == 0)
        return true;
    loc = newlocale(LC_ALL_MASK, *newval, (locale_t) 0);
    if (loc == (locale_t) 0)
        return false;
    freelocale(loc);
    return true;
}

/* Basalt has one role so far: the bootstrap superuser. */
static bool
check_session_authorization(char **newval, GucSource source)
{
    if (strcmp(*newval, "postgres") != 0)
    {
        GUC_check_errmsg("role \"%s\" does not exist", *newval);
        return false;
    }
    return true;
}

/* SET ROLE: "none" (the session user) or an existing role */
static bool
check_role(char **newval, GucSource source)
{
    if (strcmp(*newval, "none") == 0)
        return true;
    return check_session_authorization(newval, source);
}

static bool
check_default_table_access_method(char **newval, GucSource source)
{
    if (**newval == '\0')
    {
        GUC_check_errdetail("%s cannot be empty.", "default_table_access_method");
        return false;
    }
    if (strcmp(*newval, "heap") != 0)
    {
        GUC_check_errdetail("Table access method \"%s\" does not exist.", *newval);
        return false;
    }
    return true;
}

/* ---------------------------------------------------------------- the table */

#define B(nm, ctx, fl, desc, var, bootv) \
    { .name = nm, .context = ctx, .vartype = PGC_BOOL, .flags = fl, .short_desc = desc, \
      .variable = var, .boot = { .boolval = bootv } }
#define I(nm, ctx, fl, desc, var, bootv, mn, mx) \
    { .name = nm, .context = ctx, .vartype = PGC_INT, .flags = fl, .short_desc = desc, \
      .variable = var, .boot = { .intval = bootv }, .min = mn, .max = mx }
#define R(nm, ctx, fl, desc, var, bootv, mn, mx) \
    { .name = nm, .context = ctx, .vartype = PGC_REAL, .flags = fl, .short_desc = desc, \
      .variable = var, .boot = { .realval = bootv }, .rmin = mn, .rmax = mx }
#define S(nm, ctx, fl, desc, var, bootv, check, assign) \
    { .name = nm, .context = ctx, .vartype = PGC_STRING, .flags = fl, .short_desc = desc, \
      .variable = var, .boot = { .stringval = (char *) (bootv) }, \
      .check_hook = check, .assign_hook = assign }
#define E(nm, ctx, fl, desc, var, bootv, opts) \
    { .name = nm, .context = ctx, .vartype = PGC_ENUM, .flags = fl, .short_desc = desc, \
      .variable = var, .boot = { .enumval = bootv }, .options = opts }

#define HIDDEN_INTERNAL (GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE)

struct config_generic ConfigureNames[] = {
    /* ---- bool ---- */
    B("allow_system_table_mods", PGC_SUSET, GUC_NOT_IN_SAMPLE,
      "Allows modifications of the structure of system tables.",
      &allow_system_table_mods, false),
    B("array_nulls", PGC_USERSET, 0,
      "Enable input of NULL elements in arrays.", &array_nulls, true),
    B("check_function_bodies", PGC_USERSET, 0,
      "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE.",
      &check_function_bodies, true),
    B("data_checksums", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows whether data checksums are turned on for this cluster.", &data_checksums, false),
    B("default_transaction_deferrable", PGC_USERSET, 0,
      "Sets the default deferrable status of new transactions.",
      &default_transaction_deferrable, false),
    B("default_transaction_read_only", PGC_USERSET, GUC_REPORT,
      "Sets the default read-only status of new transactions.", &DefaultXactReadOnly, false),
    B("enable_bitmapscan", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of bitmap-scan plans.", &enable_bitmapscan, true),
    B("enable_hashagg", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of hashed aggregation plans.", &enable_hashagg, true),
    B("enable_hashjoin", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of hash join plans.", &enable_hashjoin, true),
    B("enable_incremental_sort", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of incremental sort steps.", &enable_incremental_sort, true),
    B("enable_indexonlyscan", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of index-only-scan plans.", &enable_indexonlyscan, true),
    B("enable_indexscan", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of index-scan plans.", &enable_indexscan, true),
    B("enable_material", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of materialization.", &enable_material, true),
    B("enable_memoize", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of memoization.", &enable_memoize, true),
    B("enable_mergejoin", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of merge join plans.", &enable_mergejoin, true),
    B("enable_nestloop", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of nested-loop join plans.", &enable_nestloop, true),
    B("enable_seqscan", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of sequential-scan plans.", &enable_seqscan, true),
    B("enable_sort", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of explicit sort steps.", &enable_sort, true),
    B("enable_tidscan", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner's use of TID scan plans.", &enable_tidscan, true),
    B("escape_string_warning", PGC_USERSET, 0,
      "Warn about backslash escapes in ordinary string literals.", &escape_string_warning, true),
    B("fsync", PGC_SIGHUP, 0,
      "Forces synchronization of updates to disk.", &enableFsync, true),
    B("in_hot_standby", PGC_INTERNAL, GUC_REPORT | HIDDEN_INTERNAL,
      "Shows whether hot standby is currently active.", &in_hot_standby, false),
    B("integer_datetimes", PGC_INTERNAL, GUC_REPORT | HIDDEN_INTERNAL,
      "Shows whether datetimes are integer based.", &integer_datetimes, true),
    B("jit", PGC_USERSET, GUC_EXPLAIN,
      "Allow JIT compilation.", &jit_enabled, true),
    B("is_superuser", PGC_INTERNAL, GUC_REPORT | GUC_NO_SHOW_ALL | GUC_NO_RESET_ALL | HIDDEN_INTERNAL,
      "Shows whether the current user is a superuser.", &is_superuser, true),
    B("quote_all_identifiers", PGC_USERSET, 0,
      "When generating SQL fragments, quote all identifiers.", &quote_all_identifiers, false),
    B("restart_after_crash", PGC_SIGHUP, 0,
      "Reinitialize server after backend crash.", &restart_after_crash, true),
    B("row_security", PGC_USERSET, 0,
      "Enable row security.", &row_security, true),
    B("standard_conforming_strings", PGC_USERSET, GUC_REPORT,
      "Causes '...' strings to treat backslashes literally.", &standard_conforming_strings, true),
    B("synchronize_seqscans", PGC_USERSET, 0,
      "Enable synchronized sequential scans.", &synchronize_seqscans, true),
    B("transaction_deferrable", PGC_USERSET, GUC_NO_RESET_ALL | HIDDEN_INTERNAL,
      "Whether to defer a read-only serializable transaction until it can be executed with no possible serialization failures.",
      &transaction_deferrable, false),
    B("transaction_read_only", PGC_USERSET, GUC_NO_RESET_ALL | HIDDEN_INTERNAL,
      "Sets the current transaction's read-only status.", &XactReadOnly, false),

    /* ---- int ---- */
    I("authentication_timeout", PGC_SIGHUP, GUC_UNIT_S,
      "Sets the maximum allowed time to complete client authentication.",
      &AuthenticationTimeout, 60, 1, 600),
    I("block_size", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the size of a disk block.", &block_size, BLCKSZ, BLCKSZ, BLCKSZ),
    I("catalog_cache_max_entries", PGC_SUSET, 0,
      "Sets the number of catalog rows each session keeps cached (Basalt).",
      &catalog_cache_max_entries, CATALOG_CACHE_MAX_ENTRIES_DEFAULT, 1, INT_MAX),
    I("deadlock_timeout", PGC_SUSET, GUC_UNIT_MS,
      "Sets the time to wait on a lock before checking for deadlock.",
      &DeadlockTimeout, 1000, 1, INT_MAX),
    I("default_statistics_target", PGC_USERSET, 0,
      "Sets the default statistics target.", &default_statistics_target, 100, 1, 10000),
    I("effective_cache_size", PGC_USERSET, GUC_UNIT_BLOCKS | GUC_EXPLAIN,
      "Sets the planner's assumption about the total size of the data caches.",
      &effective_cache_size, 524288, 1, INT_MAX),
    I("extra_float_digits", PGC_USERSET, 0,
      "Sets the number of digits displayed for floating-point values.",
      &extra_float_digits, 1, -15, 3),
    I("from_collapse_limit", PGC_USERSET, GUC_EXPLAIN,
      "Sets the FROM-list size beyond which subqueries are not collapsed.",
      &from_collapse_limit, 8, 1, INT_MAX),
    I("idle_in_transaction_session_timeout", PGC_USERSET, GUC_UNIT_MS,
      "Sets the maximum allowed idle time between queries, when in a transaction.",
      &IdleInTransactionSessionTimeout, 0, 0, INT_MAX),
    I("join_collapse_limit", PGC_USERSET, GUC_EXPLAIN,
      "Sets the FROM-list size beyond which JOIN constructs are not flattened.",
      &join_collapse_limit, 8, 1, INT_MAX),
    I("lock_timeout", PGC_USERSET, GUC_UNIT_MS,
      "Sets the maximum allowed duration of any wait for a lock.", &LockTimeout, 0, 0, INT_MAX),
    I("maintenance_work_mem", PGC_USERSET, GUC_UNIT_KB,
      "Sets the maximum memory to be used for maintenance operations.",
      &maintenance_work_mem, 65536, 1024, INT_MAX),
    I("max_connections", PGC_POSTMASTER, 0,
      "Sets the maximum number of concurrent connections.", &MaxConnections, 100, 1, 262143),
    I("max_files_per_process", PGC_POSTMASTER, 0,
      "Sets the maximum number of simultaneously open files for each server process.",
      &max_files_per_process, 1000, 64, INT_MAX),
    I("max_function_args", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the maximum number of function arguments.", &max_function_args, 100, 100, 100),
    I("max_identifier_length", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the maximum identifier length.", &max_identifier_length,
      NAMEDATALEN - 1, NAMEDATALEN - 1, NAMEDATALEN - 1),
    I("max_index_keys", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the maximum number of index keys.", &max_index_keys, 32, 32, 32),
    I("max_locks_per_transaction", PGC_POSTMASTER, 0,
      "Sets the maximum number of locks per transaction.",
      &max_locks_per_transaction, 64, 10, INT_MAX),
    I("port", PGC_POSTMASTER, 0,
      "Sets the TCP port the server listens on.", &PostPortNumber, 5432, 1, 65535),
    I("relation_cache_max_entries", PGC_SUSET, 0,
      "Sets the number of unpinned relation descriptors each session keeps cached (Basalt).",
      &relation_cache_max_entries, RELATION_CACHE_MAX_ENTRIES_DEFAULT, 1, INT_MAX),
    I("segment_size", PGC_INTERNAL, GUC_UNIT_BLOCKS | HIDDEN_INTERNAL,
      "Shows the number of pages per disk file.", &segment_size, 131072, 131072, 131072),
    I("server_version_num", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the server version as an integer.", &server_version_num,
      PG_VERSION_NUM, PG_VERSION_NUM, PG_VERSION_NUM),
    I("shared_buffers", PGC_POSTMASTER, GUC_UNIT_BLOCKS,
      "Sets the number of shared memory buffers used by the server.",
      &NBuffers, 16384, 16, INT_MAX / 2),
    I("statement_timeout", PGC_USERSET, GUC_UNIT_MS,
      "Sets the maximum allowed duration of any statement.", &StatementTimeout, 0, 0, INT_MAX),
    I("temp_buffers", PGC_USERSET, GUC_UNIT_BLOCKS | GUC_EXPLAIN,
      "Sets the maximum number of temporary buffers used by each session.",
      &temp_buffers, 1024, 100, INT_MAX / 2),
    I("work_mem", PGC_USERSET, GUC_UNIT_KB | GUC_EXPLAIN,
      "Sets the maximum memory to be used for query workspaces.", &work_mem, 4096, 64, INT_MAX),

    /* ---- real ---- */
    R("cpu_index_tuple_cost", PGC_USERSET, GUC_EXPLAIN,
      "Sets the planner's estimate of the cost of processing each index entry during an index scan.",
      &cpu_index_tuple_cost, 0.005, 0, DBL_MAX),
    R("cpu_operator_cost", PGC_USERSET, GUC_EXPLAIN,
      "Sets the planner's estimate of the cost of processing each operator or function call.",
      &cpu_operator_cost, 0.0025, 0, DBL_MAX),
    R("cpu_tuple_cost", PGC_USERSET, GUC_EXPLAIN,
      "Sets the planner's estimate of the cost of processing each tuple (row).",
      &cpu_tuple_cost, 0.01, 0, DBL_MAX),
    R("cursor_tuple_fraction", PGC_USERSET, GUC_EXPLAIN,
      "Sets the planner's estimate of the fraction of a cursor's rows that will be retrieved.",
      &cursor_tuple_fraction, 0.1, 0.0, 1.0),
    R("random_page_cost", PGC_USERSET, GUC_EXPLAIN,
      "Sets the planner's estimate of the cost of a nonsequentially fetched disk page.",
      &random_page_cost, 4.0, 0, DBL_MAX),
    R("seq_page_cost", PGC_USERSET, GUC_EXPLAIN,
      "Sets the planner's estimate of the cost of a sequentially fetched disk page.",
      &seq_page_cost, 1.0, 0, DBL_MAX),

    /* ---- string ---- */
    S("application_name", PGC_USERSET, GUC_IS_NAME | GUC_REPORT | GUC_NOT_IN_SAMPLE,
      "Sets the application name to be reported in statistics and logs.",
      &application_name, "", check_application_name, NULL),
    S("client_encoding", PGC_USERSET, GUC_IS_NAME | GUC_REPORT,
      "Sets the client's character set encoding.",
      &client_encoding_string, "UTF8", check_client_encoding, NULL),
    S("cluster_name", PGC_POSTMASTER, GUC_IS_NAME,
      "Sets the name of the cluster, which is included in the process title.",
      &cluster_name, "", NULL, NULL),
    S("data_directory", PGC_POSTMASTER, GUC_SUPERUSER_ONLY | GUC_DISALLOW_IN_FILE,
      "Sets the server's data directory.", &data_directory_string, "", NULL, NULL),
    S("DateStyle", PGC_USERSET, GUC_LIST_INPUT | GUC_REPORT,
      "Sets the display format for date and time values.",
      &datestyle_string, "ISO, MDY", guc_check_datestyle, guc_assign_datestyle),
    S("default_table_access_method", PGC_USERSET, GUC_IS_NAME,
      "Sets the default table access method for new tables.",
      &default_table_access_method, "heap", check_default_table_access_method, NULL),
    S("default_text_search_config", PGC_USERSET, 0,
      "Sets default text search configuration.",
      &default_text_search_config, "pg_catalog.english", NULL, NULL),
    S("default_tablespace", PGC_USERSET, GUC_IS_NAME,
      "Sets the default tablespace to create tables and indexes in.",
      &default_tablespace, "", NULL, NULL),
    S("lc_collate", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the collation order locale.", &locale_collate, "C", NULL, NULL),
    S("lc_ctype", PGC_INTERNAL, HIDDEN_INTERNAL,
      "Shows the character classification and case conversion locale.",
      &locale_ctype, "C", NULL, NULL),
    S("lc_messages", PGC_SUSET, 0,
      "Sets the language in which messages are displayed.",
      &locale_messages, "C", check_locale_name, NULL),
    S("lc_monetary", PGC_USERSET, 0,
      "Sets the locale for formatting monetary amounts.",
      &locale_monetary, "C", check_locale_name, NULL),
    S("lc_numeric", PGC_USERSET, 0,
      "Sets the locale for formatting numbers.", &locale_numeric, "C", check_locale_name, NULL),
    S("lc_time", PGC_USERSET, 0,
      "Sets the locale for formatting date and time values.",
      &locale_time, "C", check_locale_name, NULL),
    S("listen_addresses", PGC_POSTMASTER, GUC_LIST_INPUT,
      "Sets the host name or IP address(es) to listen to.",
      &ListenAddresses, "localhost", NULL, NULL),
    S("log_timezone", PGC_SIGHUP, 0,
      "Sets the time zone to use in log messages.",
      &log_timezone_string, "UTC", check_timezone, NULL),
    S("search_path", PGC_USERSET, GUC_LIST_INPUT | GUC_LIST_QUOTE | GUC_EXPLAIN,
      "Sets the schema search order for names that are not schema-qualified.",
      &namespace_search_path, "\"$user\", public", NULL, NULL),
    S("server_encoding", PGC_INTERNAL, GUC_IS_NAME | GUC_REPORT | HIDDEN_INTERNAL,
      "Shows the server (database) character set encoding.",
      &server_encoding_string, "UTF8", NULL, NULL),
    S("server_version", PGC_INTERNAL, GUC_REPORT | HIDDEN_INTERNAL,
      "Shows the server version.", &server_version_string, PG_VERSION_STR, NULL, NULL),
    S("role", PGC_USERSET, GUC_IS_NAME | GUC_NO_SHOW_ALL | GUC_NO_RESET_ALL | HIDDEN_INTERNAL,
      "Sets the current role.", &role_string, "none", check_role, NULL),
    S("session_authorization", PGC_USERSET,
      GUC_IS_NAME | GUC_REPORT | GUC_NO_SHOW_ALL | GUC_NO_RESET_ALL | HIDDEN_INTERNAL,
      "Sets the session user name.", &session_authorization_string, "postgres",
      check_session_authorization, NULL),
    S("temp_tablespaces", PGC_USERSET, GUC_LIST_INPUT | GUC_LIST_QUOTE,
      "Sets the tablespace(s) to use for temporary tables and sort files.",
      &temp_tablespaces, "", NULL, NULL),
    S("TimeZone", PGC_USERSET, GUC_REPORT,
      "Sets the time zone for displaying and interpreting time stamps.",
      &session_timezone_name, "UTC", check_timezone, NULL),
    S("timezone_abbreviations", PGC_USERSET, 0,
      "Selects a file of time zone abbreviations.",
      &timezone_abbreviations_string, "Default", NULL, NULL),

    /* ---- enum ---- */
    E("backslash_quote", PGC_USERSET, 0,
      "Sets whether \"\\'\" is allowed in string literals.",
      &backslash_quote, 0, backslash_quote_options),
    E("bytea_output", PGC_USERSET, 0,
      "Sets the output format for bytea.", &bytea_output, BYTEA_OUTPUT_HEX, bytea_output_options),
    E("client_min_messages", PGC_USERSET, 0,
      "Sets the message levels that are sent to the client.",
      &client_min_messages, NOTICE, client_message_level_options),
    E("constraint_exclusion", PGC_USERSET, GUC_EXPLAIN,
      "Enables the planner to use constraints to optimize queries.",
      &constraint_exclusion, 2, constraint_exclusion_options),
    E("default_transaction_isolation", PGC_USERSET, 0,
      "Sets the transaction isolation level of each new transaction.",
      &DefaultXactIsoLevel, XACT_READ_COMMITTED, isolation_level_options),
    E("IntervalStyle", PGC_USERSET, GUC_REPORT,
      "Sets the display format for interval values.",
      &IntervalStyle, INTSTYLE_POSTGRES, intervalstyle_options),
    E("log_min_messages", PGC_SUSET, 0,
      "Sets the message levels that are logged.",
      &log_min_messages, WARNING, server_message_level_options),
    E("synchronous_commit", PGC_USERSET, 0,
      "Sets the current transaction's synchronization level.",
      &synchronous_commit, 1, synchronous_commit_options),
    E("transaction_isolation", PGC_USERSET, GUC_NO_RESET_ALL | HIDDEN_INTERNAL,
      "Sets the current transaction's isolation level.",
      &XactIsoLevel, XACT_READ_COMMITTED, isolation_level_options),
    E("xmloption", PGC_USERSET, 0,
      "Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments.",
      &xmloption, 1, xmloption_options),
};

const int NumConfigureNames = (int) lengthof(ConfigureNames);
