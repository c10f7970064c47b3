/*-------------------------------------------------------------------------
 * guc.h
 *    Settings ("GUC" variables, PostgreSQL's Grand Unified Configuration):
 *    one table, read by SET, SHOW, RESET, postgresql.conf, -c options,
 *    startup-packet options and (later) the pg_settings view.
 *
 * The table (backend/guc_tables.c) has one entry per setting: its name,
 * type (bool/int/real/string/enum), the C variable it drives, boot value,
 * limits, unit, context (who may change it, and when), a one-line
 * description and flags.  A module that owns the variable defines it; the
 * table points at it.  Nothing else writes a setting's variable.
 *
 * Value lifecycle (PostgreSQL's guc.c, with one transaction nesting level,
 * since Basalt has no subtransactions yet):
 *
 *   boot value --InitializeGUCOptions--> current = reset = boot
 *   postgresql.conf (PGC_S_FILE), -c (PGC_S_ARGV), startup packet
 *   (PGC_S_CLIENT): set both current and reset value ("session default").
 *   SET (PGC_S_SESSION): sets current; remembered per transaction so that
 *       abort restores the value from before the transaction.
 *   SET LOCAL: current until end of transaction, then the prior value.
 *   RESET / SET TO DEFAULT: SET to the reset value.
 *
 * Per variable and transaction the saved state is one of
 *   NONE, SET (SET seen: commit keeps, abort restores prior),
 *   LOCAL (only SET LOCAL: restore prior either way),
 *   SET_LOCAL (SET then SET LOCAL: commit restores the SET value ("masked"),
 *   abort restores prior).
 * AtEOXact_GUC runs at commit and abort (registered as an xact callback).
 *
 * Reporting: settings flagged GUC_REPORT are sent to the client as
 * ParameterStatus at session start and whenever their value differs from
 * what the client was last told, checked just before ReadyForQuery
 * (so a SET undone by ROLLBACK in the same message is never reported).
 *
 * Contexts and errors are PostgreSQL's: SET of a PGC_POSTMASTER setting is
 * 55P02 "parameter \"%s\" cannot be changed without restarting the server",
 * of an internal one 55P02 "parameter \"%s\" cannot be changed", unknown
 * names 42704, bad values 22023 with PostgreSQL's texts and hints.
 * Custom "prefix.name" settings are created as string placeholders on
 * first SET, up to GUC_MAX_PLACEHOLDERS of them.
 *-------------------------------------------------------------------------
 */
#ifndef GUC_H
#define GUC_H

typedef enum GucContext
{
    PGC_INTERNAL,       /* cannot be set: reports a fixed fact */
    PGC_POSTMASTER,     /* server start only (postgresql.conf, -c) */
    PGC_SIGHUP,         /* config file (reload not implemented yet) */
    PGC_SU_BACKEND,     /* connection start, superuser */
    PGC_BACKEND,        /* connection start */
    PGC_SUSET,          /* any time, superuser */
    PGC_USERSET         /* any time, anyone */
} GucContext;

typedef enum GucSource
{
    PGC_S_DEFAULT,      /* boot value */
    PGC_S_DYNAMIC_DEFAULT,
    PGC_S_ENV_VAR,
    PGC_S_FILE,         /* postgresql.conf */
    PGC_S_ARGV,         /* command line */
    PGC_S_GLOBAL,
    PGC_S_DATABASE,
    PGC_S_USER,
    PGC_S_DATABASE_USER,
    PGC_S_CLIENT,       /* startup packet */
    PGC_S_OVERRIDE,     /* forced by the server */
    PGC_S_INTERACTIVE,
    PGC_S_TEST,
    PGC_S_SESSION       /* SET */
} GucSource;

typedef enum GucAction
{
    GUC_ACTION_SET,     /* SET / RESET */
    GUC_ACTION_LOCAL,   /* SET LOCAL */
    GUC_ACTION_SAVE     /* function-local SET (later) */
} GucAction;

typedef enum config_type
{
    PGC_BOOL,
    PGC_INT,
    PGC_REAL,
    PGC_STRING,
    PGC_ENUM
} config_type;

/* flags */
#define GUC_LIST_INPUT      0x0001  /* input can be a list */
#define GUC_LIST_QUOTE      0x0002  /* double-quote list elements in SET */
#define GUC_NO_SHOW_ALL     0x0004  /* hidden from SHOW ALL */
#define GUC_NO_RESET_ALL    0x0008  /* RESET ALL skips it */
#define GUC_REPORT          0x0010  /* sent to the client as ParameterStatus */
#define GUC_NOT_IN_SAMPLE   0x0020
#define GUC_DISALLOW_IN_FILE 0x0040
#define GUC_CUSTOM_PLACEHOLDER 0x0080
#define GUC_SUPERUSER_ONLY  0x0100
#define GUC_IS_NAME         0x0200  /* truncate to NAMEDATALEN-1 */
#define GUC_EXPLAIN         0x0400

#define GUC_UNIT_KB         0x01000 /* value is in kilobytes */
#define GUC_UNIT_BLOCKS     0x02000 /* value is in blocks (BLCKSZ) */
#define GUC_UNIT_XBLOCKS    0x03000 /* WAL blocks */
#define GUC_UNIT_MB         0x04000 /* megabytes */
#define GUC_UNIT_BYTE       0x08000 /* bytes */
#define GUC_UNIT_MEMORY     0x0F000
#define GUC_UNIT_MS         0x10000 /* milliseconds */
#define GUC_UNIT_S          0x20000 /* seconds */
#define GUC_UNIT_MIN        0x30000 /* minutes */
#define GUC_UNIT_TIME       0xF0000
#define GUC_UNIT            (GUC_UNIT_MEMORY | GUC_UNIT_TIME)

/* Custom placeholder settings ("myapp.flag") per session. */
#define GUC_MAX_PLACEHOLDERS 1000
#define GUC_MAX_VALUE_LENGTH (64 * 1024)  /* longest string value accepted */

typedef struct config_enum_entry
{
    const char *name;
    int         val;
    bool        hidden;     /* accepted, but not listed in hints/enumvals */
} config_enum_entry;

/*
 * Hooks.  A string check hook validates and may canonicalize *newval (a
 * malloc'd string: replace it with another malloc'd string and free the
 * old one); on failure it returns false after GUC_check_errdetail() etc.
 * An assign hook runs after the variable has its new value, for any type.
 */
typedef bool (*GucStringCheckHook)(char **newval, GucSource source);
typedef void (*GucAssignHook)(void);
typedef const char *(*GucShowHook)(void);

/* One row of SHOW ALL / pg_settings, strings palloc'd in the caller's context. */
typedef struct ConfigOptionRow
{
    const char *name;
    const char *setting;        /* SHOW form: with units ("4MB") */
    const char *raw_setting;    /* pg_settings.setting: in the base unit ("4096") */
    const char *unit;           /* "kB", "8kB", "ms", "s", "min", "MB" or NULL */
    const char *short_desc;
    const char *context;        /* "user", "postmaster", "internal", ... */
    const char *vartype;        /* "bool", "integer", "real", "string", "enum" */
    const char *source;         /* "default", "configuration file", ... */
    const char *min_val;        /* NULL unless int/real */
    const char *max_val;
    const char *enumvals;       /* "{a,b,c}" for enums, else NULL */
    const char *boot_val;
    const char *reset_val;
    bool        hidden;         /* GUC_NO_SHOW_ALL */
} ConfigOptionRow;

/* ---- process start ---- */
/* Put every setting at its boot value.  Call once per process, early. */
extern void InitializeGUCOptions(void);
/*
 * Read a postgresql.conf-style file (guc_file.c).  At postmaster start (context
 * PGC_POSTMASTER) an unknown name or bad value is FATAL, as PostgreSQL
 * does; returns false if the file does not exist.
 */
extern bool ProcessConfigFile(const char *path, GucContext context);
/* Split "name=value" (a -c or --name=value option); '-' in name becomes '_'. */
extern void ParseLongOption(const char *string, char **name, char **value);
/* Register the end-of-transaction callback.  Each backend, once. */
extern void InitGUCTransactionHooks(void);

/* ---- changing values ---- */
/*
 * The general entry point: returns 1 on success, 0 if the value was
 * rejected (reported at elevel; ERROR does not return), -1 if the name is
 * unknown (reported the same way).  value NULL means the reset value.
 */
extern int  set_config_option(const char *name, const char *value,
                              GucContext context, GucSource source,
                              GucAction action, bool changeVal, int elevel);
/* Shorthand: ERROR on failure. */
extern void SetConfigOption(const char *name, const char *value,
                            GucContext context, GucSource source);
extern void ResetAllOptions(void);
extern void AtEOXact_GUC(bool isCommit);

/* ---- reading values ---- */
/* Current value as SHOW displays it (palloc'd); NULL if unknown and missing_ok. */
extern char *GetConfigOptionByName(const char *name, const char **varname, bool missing_ok);
/* Boot or reset value, SHOW form; NULL if unknown. */
extern char *GetConfigOptionResetString(const char *name);
/* GUC_* flags of a setting, or 0 if unknown. */
extern int  GetConfigOptionFlags(const char *name, bool missing_ok);
/* Canonical spelling of a setting's name ("datestyle" -> "DateStyle"), or NULL. */
extern const char *GetConfigOptionCanonicalName(const char *name);

/* Every setting in name order (case-insensitive), for SHOW ALL and pg_settings. */
extern int  GetNumConfigOptions(void);
extern void GetConfigOptionRowByNum(int idx, ConfigOptionRow *row);

/* PostgreSQL's server encoding names and ids (guc_tables.c, client_encoding's table). */
extern const char *pg_encoding_name_by_id(int encoding);     /* NULL if out of range */
extern int  pg_encoding_id_by_name(const char *name);        /* -1 if unknown */

/* ---- ParameterStatus ---- */
/* Send every GUC_REPORT setting (end of startup) and start tracking. */
extern void BeginReportingGUCOptions(void);
/* Send those whose value changed since last reported (before ReadyForQuery). */
extern void ReportChangedGUCOptions(void);

/* ---- hooks for other modules (call at process start) ---- */
extern bool RegisterGucCheckHook(const char *name, GucStringCheckHook hook);
extern bool RegisterGucAssignHook(const char *name, GucAssignHook hook);

/* For check hooks to explain a rejection (like PostgreSQL's GUC_check_err*). */
extern void GUC_check_errcode(int sqlerrcode);
extern void GUC_check_errmsg(const char *fmt, ...) pg_attribute_printf(1, 2);
extern void GUC_check_errdetail(const char *fmt, ...) pg_attribute_printf(1, 2);
extern void GUC_check_errhint(const char *fmt, ...) pg_attribute_printf(1, 2);

/*
 * Setting variables defined in guc_tables.c because no other module owned
 * them yet.  The planner should read these (PostgreSQL keeps them in
 * optimizer/cost.h); a module that wants to own one moves its definition
 * and leaves the table entry pointing at it.
 */
extern bool enable_seqscan;
extern bool enable_indexscan;
extern bool enable_indexonlyscan;
extern bool enable_bitmapscan;
extern bool enable_tidscan;
extern bool enable_sort;
extern bool enable_incremental_sort;
extern bool enable_hashagg;
extern bool enable_material;
extern bool enable_memoize;
extern bool enable_nestloop;
extern bool enable_mergejoin;
extern bool enable_hashjoin;
extern double seq_page_cost;
extern double random_page_cost;
extern double cpu_tuple_cost;
extern double cpu_index_tuple_cost;
extern double cpu_operator_cost;
extern double cursor_tuple_fraction;
extern int effective_cache_size;
extern int default_statistics_target;
extern int from_collapse_limit;
extern int join_collapse_limit;
extern bool escape_string_warning;
extern bool standard_conforming_strings;
extern bool array_nulls;
extern bool check_function_bodies;
extern bool quote_all_identifiers;
extern bool row_security;
extern bool enableFsync;
extern int temp_buffers;
extern int backslash_quote;

/* ---- value parsing, PostgreSQL's rules (units "128MB", "1s", "500ms") ---- */
extern bool parse_bool(const char *value, bool *result);
extern bool parse_int(const char *value, int *result, int flags, const char **hintmsg);
extern bool parse_real(const char *value, double *result, int flags, const char **hintmsg);

#endif /* GUC_H */
