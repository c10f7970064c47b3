/*-------------------------------------------------------------------------
 * guc_tables.h
 *    The settings table's entry layout.  Private to the GUC module
 *    (guc.c, guc_tables.c); other modules use guc.h.
 *
 * An entry's first block is constant (filled in guc_tables.c); the second
 * is the runtime state, owned by guc.c.  String values are malloc'd and
 * owned by the entry: every slot (current, reset, prior, masked) holds its
 * own copy, so freeing one never invalidates another.
 *-------------------------------------------------------------------------
 */
#ifndef GUC_TABLES_H
#define GUC_TABLES_H

#include "backend/guc.h"

typedef union config_var_val
{
    bool        boolval;
    int         intval;
    double      realval;
    char       *stringval;
    int         enumval;
} config_var_val;

/* What this transaction did to a setting (see guc.h). */
typedef enum GucStackState
{
    GUC_STACK_NONE,
    GUC_STACK_SAVE,
    GUC_STACK_SET,
    GUC_STACK_LOCAL,
    GUC_STACK_SET_LOCAL
} GucStackState;

struct config_generic
{
    /* ---- constant ---- */
    const char *name;
    GucContext  context;
    config_type vartype;
    int         flags;
    const char *short_desc;
    void       *variable;       /* bool *, int *, double *, char **, int * (enum) */
    config_var_val boot;        /* stringval is a literal here */
    int         min;            /* int */
    int         max;
    double      rmin;           /* real */
    double      rmax;
    const config_enum_entry *options;   /* enum, terminated by a NULL name */
    GucStringCheckHook check_hook;
    GucAssignHook assign_hook;
    GucShowHook show_hook;

    /* ---- runtime state (guc.c) ---- */
    GucSource   source;         /* where the current value came from */
    GucSource   reset_source;
    config_var_val reset_val;
    GucStackState stack_state;
    config_var_val prior;       /* value before this transaction touched it */
    GucSource   prior_source;
    config_var_val masked;      /* SET value hidden by a later SET LOCAL */
    GucSource   masked_source;
    struct config_generic *next_touched;    /* list of entries with stack_state != NONE */
    char       *last_reported;  /* GUC_REPORT: what the client was last told */
    bool        report_pending; /* changed since last reported */
};

extern struct config_generic ConfigureNames[];
extern const int NumConfigureNames;

#endif /* GUC_TABLES_H */
