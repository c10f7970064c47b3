/*-------------------------------------------------------------------------
 * guc_show.c
 *    pg_show_all_settings(), the set-returning function behind the
 *    pg_settings view (PostgreSQL's show_all_settings in guc.c).
 *
 * One row per setting of the one settings table (backend/guc_tables.c),
 * in name order, read through GetConfigOptionRowByNum -- the same rows
 * SHOW ALL prints; settings flagged GUC_NO_SHOW_ALL are left out, as
 * PostgreSQL leaves them out.  Columns are PostgreSQL 15's seventeen.
 * Not kept by Basalt's table, so NULL here: category, extra_desc (the
 * long description), sourcefile and sourceline; pending_restart is
 * false (a changed postgresql.conf is not re-read while running).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/guc.h"
#include "backend/interrupts.h"
#include "catalog/pg_type_oids.h"
#include "executor/tuplestore.h"
#include "procs/array.h"
#include "procs/fmgr.h"
#include "procs/funcapi.h"

#define NUM_PG_SETTINGS_ATTS 17

extern Datum array_in(PG_FUNCTION_ARGS);

static TupleDesc
settings_desc(void)
{
    static const struct
    {
        const char *name;
        Oid         type;
    }           cols[NUM_PG_SETTINGS_ATTS] = {
        {"name", TEXTOID}, {"setting", TEXTOID}, {"unit", TEXTOID},
        {"category", TEXTOID}, {"short_desc", TEXTOID}, {"extra_desc", TEXTOID},
        {"context", TEXTOID}, {"vartype", TEXTOID}, {"source", TEXTOID},
        {"min_val", TEXTOID}, {"max_val", TEXTOID}, {"enumvals", TEXTARRAYOID},
        {"boot_val", TEXTOID}, {"reset_val", TEXTOID}, {"sourcefile", TEXTOID},
        {"sourceline", INT4OID}, {"pending_restart", BOOLOID},
    };
    TupleDesc   desc = CreateTemplateTupleDesc(NUM_PG_SETTINGS_ATTS);

    for (int i = 0; i < NUM_PG_SETTINGS_ATTS; i++)
        TupleDescInitEntry(desc, i + 1, cols[i].name, cols[i].type, -1, 0);
    return desc;
}

static void
set_text(Datum *values, bool *nulls, int col, const char *s)
{
    nulls[col] = (s == NULL);
    values[col] = s ? CStringGetTextDatum(s) : (Datum) 0;
}

Datum
show_all_settings(PG_FUNCTION_ARGS)
{
    ReturnSetInfo *rsi = (ReturnSetInfo *) fcinfo->resultinfo;
    int         n = GetNumConfigOptions();

    InitMaterializedSRF(fcinfo, settings_desc());
    for (int i = 0; i < n; i++)
    {
        ConfigOptionRow row;
        Datum       values[NUM_PG_SETTINGS_ATTS];
        bool        nulls[NUM_PG_SETTINGS_ATTS];

        CHECK_FOR_INTERRUPTS();
        GetConfigOptionRowByNum(i, &row);
        if (row.hidden)
            continue;
        memset(nulls, 0, sizeof(nulls));
        set_text(values, nulls, 0, row.name);
        set_text(values, nulls, 1, row.raw_setting);
        set_text(values, nulls, 2, row.unit);
        set_text(values, nulls, 3, NULL);
        set_text(values, nulls, 4, row.short_desc);
        set_text(values, nulls, 5, NULL);
        set_text(values, nulls, 6, row.context);
        set_text(values, nulls, 7, row.vartype);
        set_text(values, nulls, 8, row.source);
        set_text(values, nulls, 9, row.min_val);
        set_text(values, nulls, 10, row.max_val);
        nulls[11] = (row.enumvals == NULL);
        values[11] = row.enumvals == NULL ? (Datum) 0 :
            DirectFunctionCall3(array_in, CStringGetDatum(row.enumvals),
                                ObjectIdGetDatum(TEXTOID), Int32GetDatum(-1));
        set_text(values, nulls, 12, row.boot_val);
        set_text(values, nulls, 13, row.reset_val);
        set_text(values, nulls, 14, NULL);
        nulls[15] = true;
        values[15] = (Datum) 0;
        values[16] = BoolGetDatum(false);
        tuplestore_putvalues(rsi->setResult, rsi->setDesc, values, nulls);
    }
    return (Datum) 0;
}
