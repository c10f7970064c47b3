/*-------------------------------------------------------------------------
 * dbsize.c
 *    Object sizes: pg_relation_size, pg_table_size, pg_indexes_size,
 *    pg_total_relation_size, pg_column_size, pg_size_pretty for bigint
 *    and numeric, and pg_size_bytes (PostgreSQL's utils/adt/dbsize.c).
 *
 * Sizes are the storage manager's: blocks in the relation's main fork
 * times BLCKSZ.  Basalt has no free space map, visibility map, init fork
 * or TOAST tables, so those parts are 0 and pg_table_size equals the main
 * fork.  A relation OID that does not exist gives NULL, as PostgreSQL
 * (which tolerates concurrent drops the same way).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include <ctype.h>
#include <stdlib.h>
#include <strings.h>
#include "catalog/lsyscache.h"
#include "catalog/relcache.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/numeric.h"
#include "storage/smgr.h"

extern Datum numeric_div_trunc(PG_FUNCTION_ARGS);   /* procs/numeric_funcs.c */
extern Datum numeric_abs(PG_FUNCTION_ARGS);

/* ---------------------------------------------------------------- relation sizes */

/* Bytes in a relation's main fork (0 for relations without storage). */
static int64
relation_main_fork_size(Relation rel)
{
    if (rel->relkind == RELKIND_VIEW || rel->relkind == RELKIND_COMPOSITE_TYPE ||
        !smgrexists(rel->rd_node))
        return 0;
    return (int64) smgrnblocks(rel->rd_node) * BLCKSZ;
}

/* The forks PostgreSQL names; Basalt stores only "main". */
static bool
fork_is_main(const char *forkname)
{
    if (strcmp(forkname, "main") == 0)
        return true;
    if (strcmp(forkname, "fsm") == 0 || strcmp(forkname, "vm") == 0 ||
        strcmp(forkname, "init") == 0)
        return false;
    ereport(ERROR,
            (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
             errmsg("invalid fork name"),
             errhint("Valid fork names are \"main\", \"fsm\", \"vm\", and \"init\".")));
}

Datum
pg_relation_size(PG_FUNCTION_ARGS)
{
    Oid         relid = PG_GETARG_OID(0);
    char       *forkname = text_to_cstring(PG_GETARG_TEXT_PP(1));
    Relation    rel;
    int64       size = 0;

    rel = try_relation_open(relid, AccessShareLock);
    if (rel == NULL)
        PG_RETURN_NULL();
    if (fork_is_main(forkname))
        size = relation_main_fork_size(rel);
    relation_close(rel, AccessShareLock);
    PG_RETURN_INT64(size);
}

/* Sum of the main forks of a table's indexes. */
static int64
indexes_size(Relation rel)
{
    int64       size = 0;
    ListCell   *lc;

    foreach(lc, rel->rd_indexlist)
    {
        Relation    idx = try_relation_open(lfirst_oid(lc), AccessShareLock);

        if (idx == NULL)
            continue;
        size += relation_main_fork_size(idx);
        relation_close(idx, AccessShareLock);
    }
    return size;
}

Datum
pg_table_size(PG_FUNCTION_ARGS)
{
    Relation    rel = try_relation_open(PG_GETARG_OID(0), AccessShareLock);
    int64       size;

    if (rel == NULL)
        PG_RETURN_NULL();
    size = relation_main_fork_size(rel);
    relation_close(rel, AccessShareLock);
    PG_RETURN_INT64(size);
}

Datum
pg_indexes_size(PG_FUNCTION_ARGS)
{
    Relation    rel = try_relation_open(PG_GETARG_OID(0), AccessShareLock);
    int64       size;

    if (rel == NULL)
        PG_RETURN_NULL();
    size = indexes_size(rel);
    relation_close(rel, AccessShareLock);
    PG_RETURN_INT64(size);
}

Datum
pg_total_relation_size(PG_FUNCTION_ARGS)
{
    Relation    rel = try_relation_open(PG_GETARG_OID(0), AccessShareLock);
    int64       size;

    if (rel == NULL)
        PG_RETURN_NULL();
    size = relation_main_fork_size(rel) + indexes_size(rel);
    relation_close(rel, AccessShareLock);
    PG_RETURN_INT64(size);
}

/* pg_column_size("any"): bytes the value takes as a datum (varlena: its size). */
Datum
pg_column_size(PG_FUNCTION_ARGS)
{
    Datum       value = PG_GETARG_DATUM(0);
    int16       typlen;

    if (fcinfo->flinfo->fn_extra == NULL)
    {
        Oid         argtype = get_fn_expr_argtype(fcinfo->flinfo, 0);

        typlen = get_typlen(argtype);
        fcinfo->flinfo->fn_extra = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(int16));
        *(int16 *) fcinfo->flinfo->fn_extra = typlen;
    }
    else
        typlen = *(int16 *) fcinfo->flinfo->fn_extra;

    if (typlen == -1)
        PG_RETURN_INT32((int32) VARSIZE_ANY(DatumGetPointer(value)));
    if (typlen == -2)
        PG_RETURN_INT32((int32) strlen(DatumGetCString(value)) + 1);
    PG_RETURN_INT32((int32) typlen);
}

/* ---------------------------------------------------------------- pg_size_pretty */

/*
 * PostgreSQL 15's unit table: a size is printed in the first unit whose
 * limit it is below (or the last); every unit but bytes is rounded half
 * away from zero, for which one extra bit is kept when dividing.
 */
typedef struct size_pretty_unit
{
    const char *name;
    uint32      limit;          /* print in this unit if |size| < limit */
    bool        round;          /* half-round the value in this unit */
    uint8       unitbits;       /* log2 of the unit's size in bytes */
} size_pretty_unit;

static const size_pretty_unit size_pretty_units[] = {
    {"bytes", 10 * 1024, false, 0},
    {"kB", 20 * 1024 - 1, true, 10},
    {"MB", 20 * 1024 - 1, true, 20},
    {"GB", 20 * 1024 - 1, true, 30},
    {"TB", 20 * 1024 - 1, true, 40},
    {"PB", 20 * 1024 - 1, true, 50},
    {NULL, 0, false, 0}
};

/* bits to divide by when moving from unit to unit+1 */
static int
unit_shift(const size_pretty_unit *unit)
{
    return unit[1].unitbits - unit->unitbits - (unit[1].round ? 1 : 0) + (unit->round ? 1 : 0);
}

#define half_rounded(x) (((x) + ((x) < 0 ? -1 : 1)) / 2)

Datum
pg_size_pretty(PG_FUNCTION_ARGS)
{
    int64       size = PG_GETARG_INT64(0);
    const size_pretty_unit *unit;

    for (unit = size_pretty_units; unit->name != NULL; unit++)
    {
        uint64      absval = size < 0 ? -(uint64) size : (uint64) size;

        if (unit[1].name == NULL || absval < unit->limit)
        {
            if (unit->round)
                size = half_rounded(size);
            PG_RETURN_TEXT_P(cstring_to_text(psprintf("%lld %s", (long long) size, unit->name)));
        }
        size /= ((int64) 1) << unit_shift(unit);
    }
    elog(ERROR, "pg_size_pretty: no unit");     /* the last unit always matches */
    PG_RETURN_NULL();
}

static Numeric
numeric_from_int64(int64 v)
{
    return int64_to_numeric(v);
}

Datum
pg_size_pretty_numeric(PG_FUNCTION_ARGS)
{
    Numeric     size = (Numeric) PG_GETARG_POINTER(0);
    const size_pretty_unit *unit;

    for (unit = size_pretty_units; unit->name != NULL; unit++)
    {
        Numeric     absval = (Numeric) DatumGetPointer(DirectFunctionCall1(numeric_abs,
                                                                           PointerGetDatum(size)));

        if (unit[1].name == NULL ||
            numeric_cmp_internal(absval, numeric_from_int64(unit->limit)) < 0)
        {
            char       *s;

            if (unit->round)
            {
                /* half_rounded: add or subtract 1, then truncating division by 2 */
                bool        neg = numeric_cmp_internal(size, numeric_from_int64(0)) < 0;
                Numeric     one = numeric_from_int64(neg ? -1 : 1);

                size = numeric_add_opt_error(size, one, NULL);
                size = (Numeric) DatumGetPointer(DirectFunctionCall2(numeric_div_trunc,
                                                                     PointerGetDatum(size),
                                                                     PointerGetDatum(numeric_from_int64(2))));
            }
            s = numeric_out_internal(size);
            PG_RETURN_TEXT_P(cstring_to_text(psprintf("%s %s", s, unit->name)));
        }
        size = (Numeric) DatumGetPointer(DirectFunctionCall2(numeric_div_trunc,
                                                             PointerGetDatum(size),
                                                             PointerGetDatum(numeric_from_int64(((int64) 1) << unit_shift(unit)))));
    }
    elog(ERROR, "pg_size_pretty: no unit");     /* the last unit always matches */
    PG_RETURN_NULL();
}

/* ---------------------------------------------------------------- pg_size_bytes */

/*
 * pg_size_bytes('1.5 MB'): a number (sign, digits, fraction, exponent) and
 * an optional unit of the table above, case-insensitive; the product is
 * truncated to bigint by numeric's rules (PostgreSQL 15's pg_size_bytes).
 */
Datum
pg_size_bytes(PG_FUNCTION_ARGS)
{
    text       *arg = PG_GETARG_TEXT_PP(0);
    char       *str = text_to_cstring(arg);
    char       *strptr = str;
    char       *endptr;
    char        saved_char;
    bool        have_digits = false;
    Datum       num;

    while (isspace((unsigned char) *strptr))
        strptr++;
    endptr = strptr;
    if (*endptr == '-' || *endptr == '+')
        endptr++;
    if (isdigit((unsigned char) *endptr))
    {
        have_digits = true;
        do
            endptr++;
        while (isdigit((unsigned char) *endptr));
    }
    if (*endptr == '.')
    {
        endptr++;
        if (isdigit((unsigned char) *endptr))
        {
            have_digits = true;
            do
                endptr++;
            while (isdigit((unsigned char) *endptr));
        }
    }
    if (!have_digits)
        ereport(ERROR,
                (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                 errmsg("invalid size: \"%s\"", str)));
    if (*endptr == 'e' || *endptr == 'E')
    {
        /* an exponent only if digits follow: "1eb" is 1 with unit "eb" */
        char       *cp;

        (void) strtol(endptr + 1, &cp, 10);
        if (cp > endptr + 1)
            endptr = cp;
    }
    saved_char = *endptr;
    *endptr = '\0';
    num = DirectFunctionCall3(numeric_in, CStringGetDatum(strptr), ObjectIdGetDatum(InvalidOid),
                              Int32GetDatum(-1));
    *endptr = saved_char;

    strptr = endptr;
    while (isspace((unsigned char) *strptr))
        strptr++;
    if (*strptr != '\0')
    {
        const size_pretty_unit *unit;
        int64       multiplier = 0;
        char       *end = str + strlen(str);

        while (end > strptr && isspace((unsigned char) end[-1]))
            end--;
        *end = '\0';
        for (unit = size_pretty_units; unit->name != NULL; unit++)
            if (strcasecmp(strptr, unit->name) == 0)
            {
                multiplier = ((int64) 1) << unit->unitbits;
                break;
            }
        if (unit->name == NULL)
            ereport(ERROR,
                    (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                     errmsg("invalid size: \"%s\"", text_to_cstring(arg)),
                     errdetail("Invalid size unit: \"%s\".", strptr),
                     errhint("Valid units are \"bytes\", \"kB\", \"MB\", \"GB\", \"TB\", and \"PB\".")));
        if (multiplier > 1)
            num = DirectFunctionCall2(numeric_mul, NumericGetDatum(int64_to_numeric(multiplier)),
                                      num);
    }
    PG_RETURN_INT64(DatumGetInt64(DirectFunctionCall1(numeric_int8, num)));
}
