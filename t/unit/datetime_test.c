/*-------------------------------------------------------------------------
 * datetime_test.c
 *    Unit tests (TAP) for the date/time types: text input and output of
 *    date, time, timetz, timestamp, timestamptz and interval across
 *    DateStyles, IntervalStyles and time zones (with DST gaps and overlaps
 *    in America/New_York, old LMT offsets, half-hour zones, POSIX zone
 *    strings), typmod rounding, the errors PostgreSQL raises, arithmetic
 *    across a DST change, extract/date_part/date_trunc/date_bin/age, AT
 *    TIME ZONE, to_char/to_timestamp/to_date patterns, binary send format
 *    and typmod output.
 *
 * The case table is generated: t/unit/datetime_oracle.py runs every case
 * on PostgreSQL 15 (the oracle) and writes the expected output between the
 * GENERATED markers; never edit expected values by hand.  Each case is a
 * command applied in order:
 *    SET  DateStyle|IntervalStyle|TimeZone value
 *    IN   type [typmod] literal       -> the type's output of its input
 *    CALL rettype prosrc type:value.. -> the built-in's result, printed
 * A result is the value as PostgreSQL prints it, NULL, or
 * "ERROR:  SQLSTATE: message | DETAIL:  ... | HINT:  ...".
 *
 * A few properties are checked by hand below the table: binary receive
 * of what send produced, the DateStyle and TimeZone setting parsers, the
 * keyword tables' order, and the time zone cache staying bounded.
 *
 * Build: `make unit` links every library object.  While the tree does not
 * link as a whole, link by hand with the procs objects date, time,
 * timestamp, timestamp_extract, interval, datetime, datetime_encode, pgtz,
 * formatting, formatting_from, numeric, numeric_funcs, numeric_math,
 * float, int, int8, bool, hashfn and fmgr, plus every backend/utils object,
 * backend/globals.o and pgwire/pqformat.o (and -lm); the weak stubs in
 * stubs_datetime.c.inc supply the rest.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/globals.h"
#include "backend/utils/stringinfo.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/fmgr.h"
#include "procs/numeric.h"

#include <stdarg.h>

#include "stubs_datetime.c.inc"

/* ================================================================ TAP */

static int  tests_run = 0;
static int  tests_failed = 0;

static bool ok(bool cond, const char *fmt, ...) pg_attribute_printf(2, 3);

static bool
ok(bool cond, const char *fmt, ...)
{
    va_list     ap;

    tests_run++;
    if (!cond)
        tests_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tests_run);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    return cond;
}

/* ============================================================= types */

typedef struct TestFn
{
    const char *name;
    PGFunction  fn;
} TestFn;

static Datum
test_text_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(cstring_to_text(PG_GETARG_CSTRING(0)));
}

static Datum
test_text_out(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(text_to_cstring(PG_GETARG_TEXT_PP(0)));
}

static Datum
test_cstring_io(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(pstrdup(PG_GETARG_CSTRING(0)));
}

/* bytea output in PostgreSQL's hex format */
static Datum
test_bytea_out(PG_FUNCTION_ARGS)
{
    bytea      *b = PG_GETARG_BYTEA_PP(0);
    int         len = VARSIZE_ANY_EXHDR(b);
    char       *out = palloc(2 * len + 3);
    char       *p = out;

    *p++ = '\\';
    *p++ = 'x';
    for (int i = 0; i < len; i++)
        p += sprintf(p, "%02x", (unsigned char) VARDATA_ANY(b)[i]);
    *p = '\0';
    PG_RETURN_CSTRING(out);
}

typedef struct TestType
{
    const char *name;
    PGFunction  in;
    PGFunction  out;
} TestType;

static const TestType test_types[] = {
    {"date", date_in, date_out},
    {"time", time_in, time_out},
    {"timetz", timetz_in, timetz_out},
    {"timestamp", timestamp_in, timestamp_out},
    {"timestamptz", timestamptz_in, timestamptz_out},
    {"interval", interval_in, interval_out},
    {"text", test_text_in, test_text_out},
    {"int4", int4in, int4out},
    {"int8", int8in, int8out},
    {"float8", float8in, float8out},
    {"numeric", numeric_in, numeric_out},
    {"bool", boolin, boolout},
    {"bytea", NULL, test_bytea_out},
    {"cstring", test_cstring_io, test_cstring_io},
};

static const TestType *
find_type(const char *name)
{
    for (size_t i = 0; i < lengthof(test_types); i++)
        if (strcmp(test_types[i].name, name) == 0)
            return &test_types[i];
    fprintf(stderr, "datetime_test: unknown type %s\n", name);
    exit(2);
}

/* GENERATED FUNCTIONS BEGIN -- by t/unit/datetime_oracle.py: do not edit */
extern Datum date_cmp(PG_FUNCTION_ARGS);
extern Datum date_cmp_timestamp(PG_FUNCTION_ARGS);
extern Datum date_cmp_timestamptz(PG_FUNCTION_ARGS);
extern Datum date_eq_timestamp(PG_FUNCTION_ARGS);
extern Datum date_finite(PG_FUNCTION_ARGS);
extern Datum date_larger(PG_FUNCTION_ARGS);
extern Datum date_lt_timestamp(PG_FUNCTION_ARGS);
extern Datum date_lt_timestamptz(PG_FUNCTION_ARGS);
extern Datum date_mi(PG_FUNCTION_ARGS);
extern Datum date_mi_interval(PG_FUNCTION_ARGS);
extern Datum date_mii(PG_FUNCTION_ARGS);
extern Datum date_pl_interval(PG_FUNCTION_ARGS);
extern Datum date_pli(PG_FUNCTION_ARGS);
extern Datum date_send(PG_FUNCTION_ARGS);
extern Datum date_timestamp(PG_FUNCTION_ARGS);
extern Datum date_timestamptz(PG_FUNCTION_ARGS);
extern Datum daterange_subdiff(PG_FUNCTION_ARGS);
extern Datum datetime_timestamp(PG_FUNCTION_ARGS);
extern Datum datetimetz_timestamptz(PG_FUNCTION_ARGS);
extern Datum extract_date(PG_FUNCTION_ARGS);
extern Datum extract_interval(PG_FUNCTION_ARGS);
extern Datum extract_time(PG_FUNCTION_ARGS);
extern Datum extract_timestamp(PG_FUNCTION_ARGS);
extern Datum extract_timestamptz(PG_FUNCTION_ARGS);
extern Datum extract_timetz(PG_FUNCTION_ARGS);
extern Datum float8_timestamptz(PG_FUNCTION_ARGS);
extern Datum in_range_date_interval(PG_FUNCTION_ARGS);
extern Datum in_range_interval_interval(PG_FUNCTION_ARGS);
extern Datum in_range_time_interval(PG_FUNCTION_ARGS);
extern Datum in_range_timestamp_interval(PG_FUNCTION_ARGS);
extern Datum in_range_timetz_interval(PG_FUNCTION_ARGS);
extern Datum interval_cmp(PG_FUNCTION_ARGS);
extern Datum interval_div(PG_FUNCTION_ARGS);
extern Datum interval_finite(PG_FUNCTION_ARGS);
extern Datum interval_hash(PG_FUNCTION_ARGS);
extern Datum interval_hash_extended(PG_FUNCTION_ARGS);
extern Datum interval_justify_days(PG_FUNCTION_ARGS);
extern Datum interval_justify_hours(PG_FUNCTION_ARGS);
extern Datum interval_justify_interval(PG_FUNCTION_ARGS);
extern Datum interval_larger(PG_FUNCTION_ARGS);
extern Datum interval_lt(PG_FUNCTION_ARGS);
extern Datum interval_mi(PG_FUNCTION_ARGS);
extern Datum interval_mul(PG_FUNCTION_ARGS);
extern Datum interval_part(PG_FUNCTION_ARGS);
extern Datum interval_pl(PG_FUNCTION_ARGS);
extern Datum interval_scale(PG_FUNCTION_ARGS);
extern Datum interval_send(PG_FUNCTION_ARGS);
extern Datum interval_smaller(PG_FUNCTION_ARGS);
extern Datum interval_time(PG_FUNCTION_ARGS);
extern Datum interval_to_char(PG_FUNCTION_ARGS);
extern Datum interval_trunc(PG_FUNCTION_ARGS);
extern Datum interval_um(PG_FUNCTION_ARGS);
extern Datum intervaltypmodout(PG_FUNCTION_ARGS);
extern Datum make_date(PG_FUNCTION_ARGS);
extern Datum make_interval(PG_FUNCTION_ARGS);
extern Datum make_time(PG_FUNCTION_ARGS);
extern Datum make_timestamp(PG_FUNCTION_ARGS);
extern Datum make_timestamptz(PG_FUNCTION_ARGS);
extern Datum make_timestamptz_at_timezone(PG_FUNCTION_ARGS);
extern Datum mul_d_interval(PG_FUNCTION_ARGS);
extern Datum overlaps_time(PG_FUNCTION_ARGS);
extern Datum overlaps_timestamp(PG_FUNCTION_ARGS);
extern Datum overlaps_timetz(PG_FUNCTION_ARGS);
extern Datum time_cmp(PG_FUNCTION_ARGS);
extern Datum time_hash(PG_FUNCTION_ARGS);
extern Datum time_interval(PG_FUNCTION_ARGS);
extern Datum time_larger(PG_FUNCTION_ARGS);
extern Datum time_mi_interval(PG_FUNCTION_ARGS);
extern Datum time_mi_time(PG_FUNCTION_ARGS);
extern Datum time_part(PG_FUNCTION_ARGS);
extern Datum time_pl_interval(PG_FUNCTION_ARGS);
extern Datum time_scale(PG_FUNCTION_ARGS);
extern Datum time_send(PG_FUNCTION_ARGS);
extern Datum time_timetz(PG_FUNCTION_ARGS);
extern Datum timestamp_age(PG_FUNCTION_ARGS);
extern Datum timestamp_bin(PG_FUNCTION_ARGS);
extern Datum timestamp_cmp(PG_FUNCTION_ARGS);
extern Datum timestamp_cmp_date(PG_FUNCTION_ARGS);
extern Datum timestamp_cmp_timestamptz(PG_FUNCTION_ARGS);
extern Datum timestamp_date(PG_FUNCTION_ARGS);
extern Datum timestamp_eq_timestamptz(PG_FUNCTION_ARGS);
extern Datum timestamp_finite(PG_FUNCTION_ARGS);
extern Datum timestamp_ge_date(PG_FUNCTION_ARGS);
extern Datum timestamp_hash(PG_FUNCTION_ARGS);
extern Datum timestamp_hash_extended(PG_FUNCTION_ARGS);
extern Datum timestamp_izone(PG_FUNCTION_ARGS);
extern Datum timestamp_larger(PG_FUNCTION_ARGS);
extern Datum timestamp_mi(PG_FUNCTION_ARGS);
extern Datum timestamp_mi_interval(PG_FUNCTION_ARGS);
extern Datum timestamp_part(PG_FUNCTION_ARGS);
extern Datum timestamp_pl_interval(PG_FUNCTION_ARGS);
extern Datum timestamp_scale(PG_FUNCTION_ARGS);
extern Datum timestamp_send(PG_FUNCTION_ARGS);
extern Datum timestamp_smaller(PG_FUNCTION_ARGS);
extern Datum timestamp_time(PG_FUNCTION_ARGS);
extern Datum timestamp_timestamptz(PG_FUNCTION_ARGS);
extern Datum timestamp_to_char(PG_FUNCTION_ARGS);
extern Datum timestamp_trunc(PG_FUNCTION_ARGS);
extern Datum timestamp_zone(PG_FUNCTION_ARGS);
extern Datum timestamptypmodout(PG_FUNCTION_ARGS);
extern Datum timestamptz_age(PG_FUNCTION_ARGS);
extern Datum timestamptz_bin(PG_FUNCTION_ARGS);
extern Datum timestamptz_date(PG_FUNCTION_ARGS);
extern Datum timestamptz_gt_date(PG_FUNCTION_ARGS);
extern Datum timestamptz_izone(PG_FUNCTION_ARGS);
extern Datum timestamptz_mi_interval(PG_FUNCTION_ARGS);
extern Datum timestamptz_part(PG_FUNCTION_ARGS);
extern Datum timestamptz_pl_interval(PG_FUNCTION_ARGS);
extern Datum timestamptz_send(PG_FUNCTION_ARGS);
extern Datum timestamptz_timestamp(PG_FUNCTION_ARGS);
extern Datum timestamptz_timetz(PG_FUNCTION_ARGS);
extern Datum timestamptz_to_char(PG_FUNCTION_ARGS);
extern Datum timestamptz_trunc(PG_FUNCTION_ARGS);
extern Datum timestamptz_trunc_zone(PG_FUNCTION_ARGS);
extern Datum timestamptz_zone(PG_FUNCTION_ARGS);
extern Datum timestamptztypmodout(PG_FUNCTION_ARGS);
extern Datum timetypmodout(PG_FUNCTION_ARGS);
extern Datum timetz_cmp(PG_FUNCTION_ARGS);
extern Datum timetz_eq(PG_FUNCTION_ARGS);
extern Datum timetz_hash(PG_FUNCTION_ARGS);
extern Datum timetz_hash_extended(PG_FUNCTION_ARGS);
extern Datum timetz_izone(PG_FUNCTION_ARGS);
extern Datum timetz_mi_interval(PG_FUNCTION_ARGS);
extern Datum timetz_part(PG_FUNCTION_ARGS);
extern Datum timetz_pl_interval(PG_FUNCTION_ARGS);
extern Datum timetz_scale(PG_FUNCTION_ARGS);
extern Datum timetz_send(PG_FUNCTION_ARGS);
extern Datum timetz_smaller(PG_FUNCTION_ARGS);
extern Datum timetz_time(PG_FUNCTION_ARGS);
extern Datum timetz_zone(PG_FUNCTION_ARGS);
extern Datum timetztypmodout(PG_FUNCTION_ARGS);
extern Datum to_date(PG_FUNCTION_ARGS);
extern Datum to_timestamp(PG_FUNCTION_ARGS);
extern Datum tsrange_subdiff(PG_FUNCTION_ARGS);
static const TestFn test_fns[] = {
    {"date_cmp", date_cmp},
    {"date_cmp_timestamp", date_cmp_timestamp},
    {"date_cmp_timestamptz", date_cmp_timestamptz},
    {"date_eq_timestamp", date_eq_timestamp},
    {"date_finite", date_finite},
    {"date_larger", date_larger},
    {"date_lt_timestamp", date_lt_timestamp},
    {"date_lt_timestamptz", date_lt_timestamptz},
    {"date_mi", date_mi},
    {"date_mi_interval", date_mi_interval},
    {"date_mii", date_mii},
    {"date_pl_interval", date_pl_interval},
    {"date_pli", date_pli},
    {"date_send", date_send},
    {"date_timestamp", date_timestamp},
    {"date_timestamptz", date_timestamptz},
    {"daterange_subdiff", daterange_subdiff},
    {"datetime_timestamp", datetime_timestamp},
    {"datetimetz_timestamptz", datetimetz_timestamptz},
    {"extract_date", extract_date},
    {"extract_interval", extract_interval},
    {"extract_time", extract_time},
    {"extract_timestamp", extract_timestamp},
    {"extract_timestamptz", extract_timestamptz},
    {"extract_timetz", extract_timetz},
    {"float8_timestamptz", float8_timestamptz},
    {"in_range_date_interval", in_range_date_interval},
    {"in_range_interval_interval", in_range_interval_interval},
    {"in_range_time_interval", in_range_time_interval},
    {"in_range_timestamp_interval", in_range_timestamp_interval},
    {"in_range_timetz_interval", in_range_timetz_interval},
    {"interval_cmp", interval_cmp},
    {"interval_div", interval_div},
    {"interval_finite", interval_finite},
    {"interval_hash", interval_hash},
    {"interval_hash_extended", interval_hash_extended},
    {"interval_justify_days", interval_justify_days},
    {"interval_justify_hours", interval_justify_hours},
    {"interval_justify_interval", interval_justify_interval},
    {"interval_larger", interval_larger},
    {"interval_lt", interval_lt},
    {"interval_mi", interval_mi},
    {"interval_mul", interval_mul},
    {"interval_part", interval_part},
    {"interval_pl", interval_pl},
    {"interval_scale", interval_scale},
    {"interval_send", interval_send},
    {"interval_smaller", interval_smaller},
    {"interval_time", interval_time},
    {"interval_to_char", interval_to_char},
    {"interval_trunc", interval_trunc},
    {"interval_um", interval_um},
    {"intervaltypmodout", intervaltypmodout},
    {"make_date", make_date},
    {"make_interval", make_interval},
    {"make_time", make_time},
    {"make_timestamp", make_timestamp},
    {"make_timestamptz", make_timestamptz},
    {"make_timestamptz_at_timezone", make_timestamptz_at_timezone},
    {"mul_d_interval", mul_d_interval},
    {"overlaps_time", overlaps_time},
    {"overlaps_timestamp", overlaps_timestamp},
    {"overlaps_timetz", overlaps_timetz},
    {"time_cmp", time_cmp},
    {"time_hash", time_hash},
    {"time_interval", time_interval},
    {"time_larger", time_larger},
    {"time_mi_interval", time_mi_interval},
    {"time_mi_time", time_mi_time},
    {"time_part", time_part},
    {"time_pl_interval", time_pl_interval},
    {"time_scale", time_scale},
    {"time_send", time_send},
    {"time_timetz", time_timetz},
    {"timestamp_age", timestamp_age},
    {"timestamp_bin", timestamp_bin},
    {"timestamp_cmp", timestamp_cmp},
    {"timestamp_cmp_date", timestamp_cmp_date},
    {"timestamp_cmp_timestamptz", timestamp_cmp_timestamptz},
    {"timestamp_date", timestamp_date},
    {"timestamp_eq_timestamptz", timestamp_eq_timestamptz},
    {"timestamp_finite", timestamp_finite},
    {"timestamp_ge_date", timestamp_ge_date},
    {"timestamp_hash", timestamp_hash},
    {"timestamp_hash_extended", timestamp_hash_extended},
    {"timestamp_izone", timestamp_izone},
    {"timestamp_larger", timestamp_larger},
    {"timestamp_mi", timestamp_mi},
    {"timestamp_mi_interval", timestamp_mi_interval},
    {"timestamp_part", timestamp_part},
    {"timestamp_pl_interval", timestamp_pl_interval},
    {"timestamp_scale", timestamp_scale},
    {"timestamp_send", timestamp_send},
    {"timestamp_smaller", timestamp_smaller},
    {"timestamp_time", timestamp_time},
    {"timestamp_timestamptz", timestamp_timestamptz},
    {"timestamp_to_char", timestamp_to_char},
    {"timestamp_trunc", timestamp_trunc},
    {"timestamp_zone", timestamp_zone},
    {"timestamptypmodout", timestamptypmodout},
    {"timestamptz_age", timestamptz_age},
    {"timestamptz_bin", timestamptz_bin},
    {"timestamptz_date", timestamptz_date},
    {"timestamptz_gt_date", timestamptz_gt_date},
    {"timestamptz_izone", timestamptz_izone},
    {"timestamptz_mi_interval", timestamptz_mi_interval},
    {"timestamptz_part", timestamptz_part},
    {"timestamptz_pl_interval", timestamptz_pl_interval},
    {"timestamptz_send", timestamptz_send},
    {"timestamptz_timestamp", timestamptz_timestamp},
    {"timestamptz_timetz", timestamptz_timetz},
    {"timestamptz_to_char", timestamptz_to_char},
    {"timestamptz_trunc", timestamptz_trunc},
    {"timestamptz_trunc_zone", timestamptz_trunc_zone},
    {"timestamptz_zone", timestamptz_zone},
    {"timestamptztypmodout", timestamptztypmodout},
    {"timetypmodout", timetypmodout},
    {"timetz_cmp", timetz_cmp},
    {"timetz_eq", timetz_eq},
    {"timetz_hash", timetz_hash},
    {"timetz_hash_extended", timetz_hash_extended},
    {"timetz_izone", timetz_izone},
    {"timetz_mi_interval", timetz_mi_interval},
    {"timetz_part", timetz_part},
    {"timetz_pl_interval", timetz_pl_interval},
    {"timetz_scale", timetz_scale},
    {"timetz_send", timetz_send},
    {"timetz_smaller", timetz_smaller},
    {"timetz_time", timetz_time},
    {"timetz_zone", timetz_zone},
    {"timetztypmodout", timetztypmodout},
    {"to_date", to_date},
    {"to_timestamp", to_timestamp},
    {"tsrange_subdiff", tsrange_subdiff},
};
/* GENERATED FUNCTIONS END */

static PGFunction
find_fn(const char *name)
{
    for (size_t i = 0; i < lengthof(test_fns); i++)
        if (strcmp(test_fns[i].name, name) == 0)
            return test_fns[i].fn;
    fprintf(stderr, "datetime_test: unknown function %s\n", name);
    exit(2);
}

/* ============================================================= cases */

typedef struct DtCase
{
    const char *args[10];       /* command and its tab-separated fields */
    const char *expected;
} DtCase;

static const DtCase cases[] = {
/* GENERATED CASES BEGIN -- by t/unit/datetime_oracle.py from PostgreSQL 15: do not edit */
    {{"IN", "date", "2024-01-02", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02"},
    {{"IN", "date", "1/2/2024", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02"},
    {{"IN", "date", "January 8, 1999", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "1999-Jan-08", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "Jan-08-1999", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "08-Jan-1999", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "99-Jan-08", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"99-Jan-08\" | HINT:  Perhaps you need a different \"datestyle\" setting."},
    {{"IN", "date", "1999.008", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "19990108", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "990108", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1999-01-08"},
    {{"IN", "date", "J2451545", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2000-01-01"},
    {{"IN", "date", "2024-02-30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-02-30\""},
    {{"IN", "date", "2024-13-01", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-13-01\" | HINT:  Perhaps you need a different \"datestyle\" setting."},
    {{"IN", "date", "13/01/2024", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"13/01/2024\" | HINT:  Perhaps you need a different \"datestyle\" setting."},
    {{"IN", "date", "epoch", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1970-01-01"},
    {{"IN", "date", "infinity", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "infinity"},
    {{"IN", "date", "-infinity", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-infinity"},
    {{"IN", "date", "4714-11-24 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "4714-11-24 BC"},
    {{"IN", "date", "4714-11-23 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date out of range: \"4714-11-23 BC\""},
    {{"IN", "date", "5874897-12-31", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "5874897-12-31"},
    {{"IN", "date", "5874898-01-01", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date out of range: \"5874898-01-01\""},
    {{"IN", "date", "0001-01-01 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "0001-01-01 BC"},
    {{"IN", "date", "0000-01-01", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"0000-01-01\""},
    {{"IN", "date", "abc", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type date: \"abc\""},
    {{"IN", "date", "2024-01-01 12:00:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01"},
    {{"IN", "date", "12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type date: \"12:00\""},
    {{"IN", "date", "Tue Jan 02 2024", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02"},
    {{"IN", "date", "2024 Jan 2", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02"},
    {{"IN", "timestamp", "2024-01-02 03:04:05.123456", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.123456"},
    {{"IN", "timestamp", "2024-01-02T03:04:05", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05"},
    {{"IN", "timestamp", "2024-01-02 03:04:05.1234567", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.123457"},
    {{"IN", "timestamp", "2024-01-02 24:00:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-03 00:00:00"},
    {{"IN", "timestamp", "2024-01-02 24:00:01", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-01-02 24:00:01\""},
    {{"IN", "timestamp", "20240102T030405", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05"},
    {{"IN", "timestamp", "epoch", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1970-01-01 00:00:00"},
    {{"IN", "timestamp", "1999-12-31 24:00:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2000-01-01 00:00:00"},
    {{"IN", "timestamp", "294276-12-31 23:59:59.999999", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "294276-12-31 23:59:59.999999"},
    {{"IN", "timestamp", "294277-01-01", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: timestamp out of range: \"294277-01-01\""},
    {{"IN", "timestamp", "4714-11-24 00:00:00 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "4714-11-24 00:00:00 BC"},
    {{"IN", "timestamp", "4714-11-23 23:59:59 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: timestamp out of range: \"4714-11-23 23:59:59 BC\""},
    {{"IN", "timestamp", "2024-01-02 03:04 PM", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 15:04:00"},
    {{"IN", "timestamp", "2024-01-02 12:04 AM", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 00:04:00"},
    {{"IN", "timestamp", "2024-01-02 13:04 PM", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-01-02 13:04 PM\""},
    {{"IN", "timestamp", "Jan 2 2024 3:04:05", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05"},
    {{"IN", "timestamp", "2024-01-02 03:04:05+05", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05"},
    {{"IN", "timestamp", "2024-01-02 03:04:05 America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05+05", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 22:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05-05:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 08:34:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 PST", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 11:04:05+00"},
    {{"IN", "timestamptz", "2024-07-02 03:04:05 PDT", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-07-02 10:04:05+00"},
    {{"IN", "timestamptz", "2024-07-02 03:04:05 America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-07-02 07:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 Z", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 UTC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 zulu", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 MSK", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 00:04:05+00"},
    {{"IN", "timestamptz", "2010-01-02 03:04:05 MSK", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2010-01-02 00:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 foo/bar", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: time zone \"foo/bar\" not recognized"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 +25", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22009: time zone displacement out of range: \"2024-01-02 03:04:05 +25\""},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 EST DST", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 07:04:05+00"},
    {{"IN", "timestamptz", "J2451545.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2000-01-01 12:00:00+00"},
    {{"IN", "timestamptz", "1800-07-01 12:00 America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1800-07-01 16:56:02+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 -0800", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 11:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 +5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 22:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 GMT+3", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 06:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 Etc/GMT+3", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 06:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02 03:04:05 Japan", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 18:04:05+00"},
    {{"IN", "timestamptz", "2024-01-02T03:04:05.5Z", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.5+00"},
    {{"IN", "timestamp", "y2001 m02 d04 h05 m06 s07.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2001-02-04 05:06:07.5"},
    {{"IN", "timestamp", "2001-02-04 h05.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type timestamp: \"2001-02-04 h05.5\""},
    {{"IN", "timestamp", "j 2451545.25", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2000-01-01 06:00:00"},
    {{"IN", "timestamp", "2001-02-04 t101112.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2001-02-04 10:11:12.5"},
    {{"IN", "timestamp", "2001-02-04 t", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type timestamp: \"2001-02-04 t\""},
    {{"IN", "timestamp", "2001-02-04 y", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2001-02-04 00:00:00"},
    {{"IN", "date", "epoch 10:11", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1970-01-01"},
    {{"IN", "time", "h10 mm11", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type time: \"h10 mm11\""},
    {{"IN", "time", "y2001 10:11", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type time: \"y2001 10:11\""},
    {{"IN", "timetz", "y2001 m02 d04 10:11 z", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "10:11:00+00"},
    {{"SET", "timezone", "America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-03-10 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-03-10 03:30:00-04"},
    {{"IN", "timestamptz", "2024-11-03 01:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-11-03 01:30:00-05"},
    {{"IN", "timestamptz", "2024-11-03 01:30 EDT", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-11-03 01:30:00-04"},
    {{"IN", "timestamptz", "2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-07-01 12:00:00-04"},
    {{"IN", "timestamptz", "1800-07-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1800-07-01 12:00:00-04:56:02"},
    {{"IN", "timestamptz", "2024-01-01 12:00 UTC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 07:00:00-05"},
    {{"SET", "datestyle", "Postgres", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-03-10 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "Sun Mar 10 03:30:00 2024 EDT"},
    {{"IN", "timestamptz", "2024-11-03 01:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "Sun Nov 03 01:30:00 2024 EST"},
    {{"IN", "timestamp", "2024-11-03 01:30:05.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "Sun Nov 03 01:30:05.5 2024"},
    {{"IN", "date", "2024-11-03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "11-03-2024"},
    {{"SET", "datestyle", "SQL", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-03-10 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "03/10/2024 03:30:00 EDT"},
    {{"IN", "date", "2024-11-03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "11/03/2024"},
    {{"IN", "timestamp", "2024-11-03 01:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "11/03/2024 01:30:00"},
    {{"SET", "datestyle", "German", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-03-10 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "10.03.2024 03:30:00 EDT"},
    {{"IN", "date", "2024-11-03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "03.11.2024"},
    {{"SET", "datestyle", "SQL, DMY", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "date", "2024-11-03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "03/11/2024"},
    {{"IN", "date", "3/11/2024", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "03/11/2024"},
    {{"IN", "timestamptz", "3/11/2024 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "03/11/2024 12:00:00 EST"},
    {{"SET", "datestyle", "Postgres, DMY", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "3/11/2024 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "Sun 03 Nov 12:00:00 2024 EST"},
    {{"IN", "date", "01-02-2024 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "01-02-2024 BC"},
    {{"SET", "datestyle", "ISO, YMD", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "date", "24-01-02", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02"},
    {{"IN", "date", "2024-01-02 BC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 BC"},
    {{"SET", "datestyle", "ISO, MDY", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"SET", "timezone", "+05:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 12:00:00-05:30"},
    {{"SET", "timezone", "XYZ5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 12:00:00-05"},
    {{"SET", "timezone", "-7", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 12:00:00-07"},
    {{"SET", "timezone", "<+0530>-5:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 12:00:00+05:30"},
    {{"SET", "timezone", "EST5EDT", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-07-01 12:00:00-04"},
    {{"SET", "timezone", "Asia/Kolkata", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "1900-07-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1900-07-01 12:00:00+05:21:10"},
    {{"SET", "timezone", "Europe/Paris", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "1890-03-10 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1890-03-10 02:30:00+00:09:21"},
    {{"SET", "timezone", "Australia/Sydney", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "timestamptz", "2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-01 12:00:00+11"},
    {{"IN", "timestamptz", "2024-04-07 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-04-07 02:30:00+10"},
    {{"IN", "timestamptz", "2024-10-06 02:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2024-10-06 03:30:00+11"},
    {{"SET", "timezone", "foo", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: invalid value for parameter \"TimeZone\": \"foo\""},
    {{"SET", "timezone", "UTC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "time", "12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00"},
    {{"IN", "time", "12:00:00.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00.5"},
    {{"IN", "time", "24:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "24:00:00"},
    {{"IN", "time", "24:00:01", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"24:00:01\""},
    {{"IN", "time", "23:59:60", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "24:00:00"},
    {{"IN", "time", "23:59:59.9999999", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "24:00:00"},
    {{"IN", "time", "12:00 PST", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00"},
    {{"IN", "time", "2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00"},
    {{"IN", "time", "allballs", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:00"},
    {{"IN", "time", "04:05 PM", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "16:05:00"},
    {{"IN", "time", "13:00 PM", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"13:00 PM\""},
    {{"IN", "time", "040506", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "04:05:06"},
    {{"IN", "time", "0405", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "04:05:00"},
    {{"IN", "timetz", "12:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00+00"},
    {{"IN", "timetz", "12:00+05:30", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00+05:30"},
    {{"IN", "timetz", "12:00 PST", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00-08"},
    {{"IN", "timetz", "2024-07-01 12:00 America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00-04"},
    {{"IN", "timetz", "12:00 America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type time with time zone: \"12:00 America/New_York\""},
    {{"IN", "timetz", "12:00-16", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22009: time zone displacement out of range: \"12:00-16\""},
    {{"IN", "interval", "1 day 2 hours", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day 02:00:00"},
    {{"IN", "interval", "1-2", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 2 mons"},
    {{"IN", "interval", "P1Y2M3DT4H5M6S", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 2 mons 3 days 04:05:06"},
    {{"IN", "interval", "@ 1 hour ago", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-01:00:00"},
    {{"IN", "interval", "1 year 2 mons 3 days 04:05:06", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 2 mons 3 days 04:05:06"},
    {{"IN", "interval", "infinity", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type interval: \"infinity\""},
    {{"IN", "interval", "1 day day", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day"},
    {{"IN", "interval", "1 day 2", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day 00:00:02"},
    {{"IN", "interval", "2147483648 days", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22015: interval field value out of range: \"2147483648 days\""},
    {{"IN", "interval", "2147483647 years", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: interval out of range"},
    {{"IN", "interval", "-1 1:00:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1 days +01:00:00"},
    {{"IN", "interval", "1 +02:03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day 02:03:00"},
    {{"IN", "interval", "1.5 years", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 6 mons"},
    {{"IN", "interval", "1.5 months", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 mon 15 days"},
    {{"IN", "interval", "0.1 sec", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:00.1"},
    {{"IN", "interval", "99999999999 hours", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22015: interval field value out of range: \"99999999999 hours\""},
    {{"IN", "interval", "2562047788 hours", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2562047788:00:00"},
    {{"IN", "interval", "2562047789 hours", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22015: interval field value out of range: \"2562047789 hours\""},
    {{"IN", "interval", "1 week 2 decades 1 century 1 millennium", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1120 years 7 days"},
    {{"IN", "interval", "1 day 1 day", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type interval: \"1 day 1 day\""},
    {{"IN", "interval", "P1.5Y", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 6 mons"},
    {{"IN", "interval", "P0002-06-07T01:30:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "2 years 6 mons 7 days 01:30:00"},
    {{"IN", "interval", "PT1.5H", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "01:30:00"},
    {{"IN", "interval", "P1W", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "7 days"},
    {{"IN", "interval", "1 2:03:04.5678901", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day 02:03:04.56789"},
    {{"IN", "interval", "1 ago day", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type interval: \"1 ago day\""},
    {{"IN", "interval", "1 day ago 2 hours", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1 days -02:00:00"},
    {{"IN", "interval", "-1 day +02:03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1 days +02:03:00"},
    {{"IN", "interval", "1 day -02:03", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day -02:03:00"},
    {{"IN", "interval", "-1 mon 2 days", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1 mons +2 days"},
    {{"IN", "interval", "1.5 weeks", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "10 days 12:00:00"},
    {{"IN", "interval", "1 millisecond", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:00.001"},
    {{"IN", "interval", "1 microsecond", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:00.000001"},
    {{"IN", "interval", "10 millennium", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "10000 years"},
    {{"IN", "interval", "1:2:3.5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "01:02:03.5"},
    {{"IN", "interval", "1:2", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "01:02:00"},
    {{"IN", "interval", "-1:2", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-01:02:00"},
    {{"IN", "interval", ".5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:00.5"},
    {{"IN", "interval", "5", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:05"},
    {{"IN", "interval", "P1Y-2M", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "10 mons"},
    {{"IN", "interval", "PT-1H", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-01:00:00"},
    {{"IN", "interval", "P1DT", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 day"},
    {{"IN", "interval", "P", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid input syntax for type interval: \"P\""},
    {{"IN", "interval", "P00010203T040506", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 2 mons 3 days 04:05:06"},
    {{"IN", "interval", "1 yr 2 mons 3 d 4 h 5 m 6 s", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "1 year 2 mons 3 days 04:05:06"},
    {{"IN", "interval", "3 microseconds 4 milliseconds", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:00.004003"},
    {{"IN", "interval", "1.999999999 sec", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "00:00:02"},
    {{"IN", "interval", "-0.5 days", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-12:00:00"},
    {{"SET", "intervalstyle", "sql_standard", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "interval", "-1 1:00:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1 1:00:00"},
    {{"IN", "interval", "-1 +1:00:00", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "+0-0 -1 +1:00:00"},
    {{"IN", "interval", "-1-2", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1-2"},
    {{"IN", "interval", "1-2 3 4:05:06", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "+1-2 +3 +4:05:06"},
    {{"IN", "interval", "1 day -1 hour", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "+0-0 +1 -1:00:00"},
    {{"IN", "interval", "1 year 2 mons 3 days 04:05:06.7", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "+1-2 +3 +4:05:06.7"},
    {{"IN", "interval", "0", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"IN", "interval", "-1 day", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "-1 0:00:00"},
    {{"IN", "interval", "3 4:05:06", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "3 4:05:06"},
    {{"SET", "intervalstyle", "postgres_verbose", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "interval", "1 day -1 hour", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 1 day -1 hours"},
    {{"IN", "interval", "-1 year -2 mons", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 1 year 2 mons ago"},
    {{"IN", "interval", "1 year 2 mons 3 days 04:05:06.7", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 1 year 2 mons 3 days 4 hours 5 mins 6.7 secs"},
    {{"IN", "interval", "0", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 0"},
    {{"IN", "interval", "-1.5 sec", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 1.5 secs ago"},
    {{"IN", "interval", "1 sec", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 1 sec"},
    {{"IN", "interval", "-1 day 1 sec", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "@ 1 day -1 sec ago"},
    {{"SET", "intervalstyle", "iso_8601", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"IN", "interval", "1 day -1 hour", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "P1DT-1H"},
    {{"IN", "interval", "-1 year -2 mons", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "P-1Y-2M"},
    {{"IN", "interval", "1 year 2 mons 3 days 04:05:06.7", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "P1Y2M3DT4H5M6.7S"},
    {{"IN", "interval", "0", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "PT0S"},
    {{"IN", "interval", "-1.5 sec", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "PT-1.5S"},
    {{"SET", "intervalstyle", "postgres", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 15:04:05.123456", "text:YYYY-MM-DD HH24:MI:SS.US", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 15:04:05.123456"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 15:04:05", "text:Day Month DD FMDay FMMonth DDth Dth TMDay TMMonth Q WW IW J CC Y,YYY RM rm", NULL, NULL, NULL, NULL, NULL}, "Thursday  July      04 Thursday July 04th 5th Thursday July 3 27 27 2460496 21 2,024 VII  vii "},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 15:04:05", "text:HH HH12 AM am A.M. a.m. PM pm P.M. p.m. SSSS SSSSS MS FF1 FF2 FF3 FF4 FF5 FF6 US", NULL, NULL, NULL, NULL, NULL}, "03 03 PM pm P.M. p.m. PM pm P.M. p.m. 54245 54245 000 0 00 000 0000 00000 000000 000000"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 03:04:05", "text:HH12thPM hh24TH mi ss", NULL, NULL, NULL, NULL, NULL}, "03rdAM 03RD 04 05"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 03:04:05", "text:\"Quoted YYYY\" \\\"x YYYY \"a\\\"b\"", NULL, NULL, NULL, NULL, NULL}, "Quoted YYYY \"x 2024 a\"b"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:0044-03-15 12:00 BC", "text:YYYY YYY YY Y AD BC ad bc A.D. B.C. a.d. b.c. CC IYYY IW ID IDDD DDD", NULL, NULL, NULL, NULL, NULL}, "0044 044 44 4 BC BC bc bc B.C. B.C. b.c. b.c. -01 0044 11 5 075 074"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-12-30 00:00", "text:IYYY-IW-ID IYY IY I", NULL, NULL, NULL, NULL, NULL}, "2025-01-1 025 25 5"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2021-01-01 00:00", "text:IYYY-IW-ID WW W", NULL, NULL, NULL, NULL, NULL}, "2020-53-5 01 1"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 15:04:05", "text:TZ tz OF TZH TZM", NULL, NULL, NULL, NULL, NULL}, "  +00 +00 00"},
    {{"CALL", "text", "timestamptz_to_char", "timestamptz:2024-07-04 15:04:05.5+00", "text:YYYY-MM-DD HH24:MI:SS.MS TZ tz OF TZH:TZM", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 15:04:05.500 UTC utc +00 +00:00"},
    {{"CALL", "text", "timestamptz_to_char", "timestamptz:infinity", "text:YYYY", NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 15:04:05", "text:", NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-07-04 15:04:05", "text:FMMM/FMDD/YYYY FMHH12:MI FMYYYY FMCC FMDDD FMIW FMRM", NULL, NULL, NULL, NULL, NULL}, "7/4/2024 3:04 2024 21 186 27 VII"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-01-01 00:00:00", "text:DAY Day day DY Dy dy MONTH Month month MON Mon mon", NULL, NULL, NULL, NULL, NULL}, "MONDAY    Monday    monday    MON Mon mon JANUARY   January   january   JAN Jan jan"},
    {{"CALL", "text", "timestamp_to_char", "timestamp:2024-01-01 00:00:00", "text:SP DDSP xx", NULL, NULL, NULL, NULL, NULL}, "SP 01 xx"},
    {{"CALL", "text", "interval_to_char", "interval:1 year 2 mons 3 days 04:05:06.789", "text:YYYY MM DD HH24 MI SS MS US", NULL, NULL, NULL, NULL, NULL}, "0001 02 03 04 05 06 789 789000"},
    {{"CALL", "text", "interval_to_char", "interval:100000000 hours", "text:HH24 HH HH12 SSSS", NULL, NULL, NULL, NULL, NULL}, "100000000 04 04 360000000000"},
    {{"CALL", "text", "interval_to_char", "interval:-3 hours -4 minutes", "text:HH24 HH12 MI SS", NULL, NULL, NULL, NULL, NULL}, "-03 -03 -04 00"},
    {{"CALL", "text", "interval_to_char", "interval:-12 hours", "text:HH HH12", NULL, NULL, NULL, NULL, NULL}, "012 012"},
    {{"CALL", "text", "interval_to_char", "interval:1 year 2 mons", "text:Mon", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid format specification for an interval value | HINT:  Intervals are not tied to specific calendar dates."},
    {{"CALL", "text", "interval_to_char", "interval:15 months", "text:RM rm Y,YYY CC DDD WW Q J", NULL, NULL, NULL, NULL, NULL}, "III  iii  0,001 00 450 65 1 1721484"},
    {{"CALL", "text", "interval_to_char", "interval:-15 months", "text:RM YYYY YY MM", NULL, NULL, NULL, NULL, NULL}, "X    -0001 -01 -03"},
    {{"CALL", "text", "interval_to_char", "interval:1 day", "text:TZ", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid format specification for an interval value | HINT:  Intervals are not tied to specific calendar dates."},
    {{"CALL", "timestamptz", "to_timestamp", "text:05 Dec 2000", "text:DD Mon YYYY", NULL, NULL, NULL, NULL, NULL}, "2000-12-05 00:00:00+00"},
    {{"CALL", "date", "to_date", "text:2000-12-05", "text:YYYY-MM-DD", NULL, NULL, NULL, NULL, NULL}, "2000-12-05"},
    {{"CALL", "timestamptz", "float8_timestamptz", "float8:1700000000", NULL, NULL, NULL, NULL, NULL, NULL}, "2023-11-14 22:13:20+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2011-12-18 11:38 PM", "text:YYYY-MM-DD HH12:MI PM", NULL, NULL, NULL, NULL, NULL}, "2011-12-18 23:38:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2000JUN", "text:YYYYMON", NULL, NULL, NULL, NULL, NULL}, "2000-06-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2000 JUN", "text:YYYY MON", NULL, NULL, NULL, NULL, NULL}, "2000-06-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2000 JUN", "text:FXYYYY MON", NULL, NULL, NULL, NULL, NULL}, "2000-06-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2000  JUN", "text:FXYYYY MON", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid value \"\" for \"MON\" | DETAIL:  The given value did not match any of the allowed values for this field."},
    {{"CALL", "date", "to_date", "text:2024-13-01", "text:YYYY-MM-DD", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-13-01\""},
    {{"CALL", "date", "to_date", "text:24", "text:YY", NULL, NULL, NULL, NULL, NULL}, "2024-01-01"},
    {{"CALL", "date", "to_date", "text:2024 100", "text:YYYY DDD", NULL, NULL, NULL, NULL, NULL}, "2024-04-09"},
    {{"CALL", "date", "to_date", "text:2024-1", "text:IYYY-IW", NULL, NULL, NULL, NULL, NULL}, "2024-01-01"},
    {{"CALL", "date", "to_date", "text:1", "text:CC", NULL, NULL, NULL, NULL, NULL}, "0001-01-01"},
    {{"CALL", "date", "to_date", "text:21 24", "text:CC YY", NULL, NULL, NULL, NULL, NULL}, "2024-01-01"},
    {{"CALL", "date", "to_date", "text:21 BC", "text:CC BC", NULL, NULL, NULL, NULL, NULL}, "2100-01-01 BC"},
    {{"CALL", "date", "to_date", "text:2024-1-3", "text:IYYY-IW-ID", NULL, NULL, NULL, NULL, NULL}, "2024-01-03"},
    {{"CALL", "date", "to_date", "text:2024-02-30", "text:YYYY-MM-DD", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-02-30\""},
    {{"CALL", "date", "to_date", "text:20240230", "text:YYYYMMDD", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"20240230\""},
    {{"CALL", "date", "to_date", "text:2024 Jan 3", "text:YYYY MM DD", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid value \"Ja\" for \"MM\" | DETAIL:  Value must be an integer."},
    {{"CALL", "timestamptz", "to_timestamp", "text:15:70", "text:HH24:MI", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"15:70\""},
    {{"CALL", "timestamptz", "to_timestamp", "text:13:00 PM", "text:HH12:MI PM", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: hour \"13\" is invalid for the 12-hour clock | HINT:  Use the 24-hour clock, or give an hour between 1 and 12."},
    {{"CALL", "timestamptz", "to_timestamp", "text:abc", "text:YYYY", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid value \"abc\" for \"YYYY\" | DETAIL:  Value must be an integer."},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024", "text:YYYY IW", NULL, NULL, NULL, NULL, NULL}, "2024-01-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:12:00", "text:HH24:MI", NULL, NULL, NULL, NULL, NULL}, "0001-01-01 12:00:00+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024 PST", "text:YYYY TZ", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: formatting field \"TZ\" is only supported in to_char"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05 +05:30", "text:YYYY-MM-DD HH24:MI:SS TZH:TZM", NULL, NULL, NULL, NULL, NULL}, "2024-01-01 21:34:05+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05 -05", "text:YYYY-MM-DD HH24:MI:SS TZH", NULL, NULL, NULL, NULL, NULL}, "2024-01-02 08:04:05+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05-05", "text:YYYY-MM-DD HH24:MI:SS-TZH", NULL, NULL, NULL, NULL, NULL}, "2024-01-01 22:04:05+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05.123456789", "text:YYYY-MM-DD HH24:MI:SS.US", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date/time field value out of range: \"2024-01-02 03:04:05.123456789\""},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05.12", "text:YYYY-MM-DD HH24:MI:SS.FF2", NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.12+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05.126", "text:YYYY-MM-DD HH24:MI:SS.FF2", NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.13+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-01-02 03:04:05.5", "text:YYYY-MM-DD HH24:MI:SS.MS", NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.5+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-1-2", "text:YYYY-MM-DD", NULL, NULL, NULL, NULL, NULL}, "2024-01-02 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:20240102", "text:YYYYMMDD", NULL, NULL, NULL, NULL, NULL}, "2024-01-02 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024010", "text:YYYYMMDD", NULL, NULL, NULL, NULL, NULL}, "2024-01-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:97 Jan 02", "text:YY Mon DD", NULL, NULL, NULL, NULL, NULL}, "1997-01-02 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:Thursday July 4 2024", "text:Day Month DD YYYY", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:1 2", "text:DD DD", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: conflicting values for \"DD\" field in formatting string | DETAIL:  This value contradicts a previous setting for the same field type."},
    {{"CALL", "timestamptz", "to_timestamp", "text:1 1", "text:DD DD", NULL, NULL, NULL, NULL, NULL}, "0001-01-01 00:00:00+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024 7", "text:YYYY IW ID", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid combination of date conventions | HINT:  Do not mix Gregorian and ISO week date conventions in a formatting template."},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024 7 3", "text:YYYY MM IW", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid combination of date conventions | HINT:  Do not mix Gregorian and ISO week date conventions in a formatting template."},
    {{"CALL", "timestamptz", "to_timestamp", "text:2,024 7", "text:Y,YYY MM", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2460496", "text:J", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:X", "text:RM", NULL, NULL, NULL, NULL, NULL}, "0001-10-01 00:00:00+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024 XI", "text:YYYY RM", NULL, NULL, NULL, NULL, NULL}, "2024-11-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024 JUNE", "text:YYYY MONTH", NULL, NULL, NULL, NULL, NULL}, "2024-06-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024 JUNK", "text:YYYY MONTH", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22007: invalid value \"JUNK\" for \"MONTH\" | DETAIL:  The given value did not match any of the allowed values for this field."},
    {{"CALL", "timestamptz", "to_timestamp", "text:44 BC", "text:YYYY BC", NULL, NULL, NULL, NULL, NULL}, "0044-01-01 00:00:00+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:44 B.C.", "text:YYYY B.C.", NULL, NULL, NULL, NULL, NULL}, "0044-01-01 00:00:00+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-07-04 12:00:00 a.m.", "text:YYYY-MM-DD HH:MI:SS a.m.", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:10000", "text:SSSS", NULL, NULL, NULL, NULL, NULL}, "0001-01-01 02:46:40+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:  2024  07", "text:YYYY MM", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024x07", "text:YYYY\"x\"MM", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 00:00:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-07-04T05:06", "text:YYYY-MM-DD\"T\"HH24:MI", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 05:06:00+00"},
    {{"CALL", "timestamptz", "to_timestamp", "text:99999999999", "text:YYYY", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: value for \"YYYY\" in source string is out of range | DETAIL:  Value must be in the range -2147483648 to 2147483647."},
    {{"CALL", "timestamptz", "to_timestamp", "text:3", "text:Q", NULL, NULL, NULL, NULL, NULL}, "0001-01-01 00:00:00+00 BC"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2 2024", "text:W YYYY", NULL, NULL, NULL, NULL, NULL}, "2024-01-08 00:00:00+00"},
    {{"IN", "timestamp", "3", "2024-01-02 03:04:05.123456", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05.123"},
    {{"IN", "timestamp", "0", "2024-01-02 03:04:05.5", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:06"},
    {{"IN", "timestamp", "0", "2024-01-02 03:04:04.5", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 03:04:05"},
    {{"IN", "timestamp", "2", "1500-01-02 03:04:05.125 BC", NULL, NULL, NULL, NULL, NULL, NULL}, "1500-01-02 03:04:05.12 BC"},
    {{"IN", "timestamptz", "1", "2024-01-02 03:04:05.16+02", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-02 01:04:05.2+00"},
    {{"IN", "time", "2", "12:00:01.126", NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:01.13"},
    {{"IN", "time", "0", "23:59:59.6", NULL, NULL, NULL, NULL, NULL, NULL}, "24:00:00"},
    {{"IN", "timetz", "1", "12:00:01.16-05", NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:01.2-05"},
    {{"IN", "interval", "2147418115", "1.23456 sec", "interval(3)", NULL, NULL, NULL, NULL, NULL}, "00:00:01.235"},
    {{"IN", "interval", "470286339", "1 day 2:03:04.56789", "interval day to second(3)", NULL, NULL, NULL, NULL, NULL}, "1 day 02:03:04.568"},
    {{"IN", "interval", "327679", "1 year 2 mons 3 days 4:05:06", "interval year", NULL, NULL, NULL, NULL, NULL}, "1 year"},
    {{"IN", "interval", "458751", "1 year 2 mons 3 days", "interval year to month", NULL, NULL, NULL, NULL, NULL}, "1 year 2 mons"},
    {{"IN", "interval", "201916415", "1 day 02:03:04", "interval day to minute", NULL, NULL, NULL, NULL, NULL}, "1 day 02:03:00"},
    {{"IN", "interval", "201916415", "1 2:3", "interval day to minute", NULL, NULL, NULL, NULL, NULL}, "1 day 02:03:00"},
    {{"IN", "interval", "67698687", "1 2", "interval day to hour", NULL, NULL, NULL, NULL, NULL}, "1 day 02:00:00"},
    {{"IN", "interval", "402718719", "1:2", "interval minute to second", NULL, NULL, NULL, NULL, NULL}, "00:01:02"},
    {{"IN", "interval", "589823", "5", "interval day", NULL, NULL, NULL, NULL, NULL}, "5 days"},
    {{"IN", "interval", "67698687", "25 hours", "interval day to hour", NULL, NULL, NULL, NULL, NULL}, "25:00:00"},
    {{"SET", "timezone", "America/New_York", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"CALL", "timestamptz", "timestamptz_pl_interval", "timestamptz:2024-03-09 12:00", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "2024-03-10 12:00:00-04"},
    {{"CALL", "timestamptz", "timestamptz_pl_interval", "timestamptz:2024-03-09 12:00", "interval:24 hours", NULL, NULL, NULL, NULL, NULL}, "2024-03-10 13:00:00-04"},
    {{"CALL", "timestamptz", "timestamptz_pl_interval", "timestamptz:2024-11-02 12:00", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "2024-11-03 12:00:00-05"},
    {{"CALL", "timestamptz", "timestamptz_pl_interval", "timestamptz:2024-03-09 02:30", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "2024-03-10 03:30:00-04"},
    {{"CALL", "timestamptz", "timestamptz_pl_interval", "timestamptz:2024-01-31 12:00", "interval:1 mon", NULL, NULL, NULL, NULL, NULL}, "2024-02-29 12:00:00-05"},
    {{"CALL", "timestamptz", "timestamptz_mi_interval", "timestamptz:2024-03-31 12:00", "interval:1 mon 1 day 1 hour", NULL, NULL, NULL, NULL, NULL}, "2024-02-28 11:00:00-05"},
    {{"CALL", "interval", "timestamp_mi", "timestamptz:2024-03-11 00:00", "timestamptz:2024-03-10 00:00", NULL, NULL, NULL, NULL, NULL}, "23:00:00"},
    {{"CALL", "interval", "timestamptz_age", "timestamptz:2024-03-11 00:00", "timestamptz:2024-03-10 00:00", NULL, NULL, NULL, NULL, NULL}, "1 day"},
    {{"CALL", "date", "timestamptz_date", "timestamptz:2024-03-11 01:00+00", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-03-10"},
    {{"CALL", "timestamptz", "date_timestamptz", "date:2024-03-10", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-03-10 00:00:00-05"},
    {{"CALL", "timestamptz", "date_timestamptz", "date:2024-07-10", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-07-10 00:00:00-04"},
    {{"CALL", "timestamp", "timestamptz_timestamp", "timestamptz:2024-07-10 12:00+00", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-07-10 08:00:00"},
    {{"CALL", "timestamptz", "timestamp_timestamptz", "timestamp:2024-03-10 02:30", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-03-10 03:30:00-04"},
    {{"CALL", "timestamptz", "timestamp_timestamptz", "timestamp:2024-11-03 01:30", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-11-03 01:30:00-05"},
    {{"CALL", "timestamptz", "timestamptz_trunc", "text:day", "timestamptz:2024-03-10 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-03-10 00:00:00-05"},
    {{"CALL", "timestamptz", "timestamptz_trunc", "text:month", "timestamptz:2024-03-10 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-03-01 00:00:00-05"},
    {{"CALL", "timestamptz", "timestamptz_trunc", "text:hour", "timestamptz:2024-11-03 01:30-05", NULL, NULL, NULL, NULL, NULL}, "2024-11-03 01:00:00-05"},
    {{"CALL", "timestamptz", "timestamptz_trunc_zone", "text:day", "timestamptz:2024-03-10 12:00", "text:Asia/Tokyo", NULL, NULL, NULL, NULL}, "2024-03-10 11:00:00-04"},
    {{"CALL", "timestamptz", "timestamptz_trunc_zone", "text:day", "timestamptz:2024-03-10 12:00", "text:EST", NULL, NULL, NULL, NULL}, "2024-03-10 00:00:00-05"},
    {{"CALL", "timestamptz", "timestamptz_trunc_zone", "text:day", "timestamptz:2024-03-10 12:00", "text:foo", NULL, NULL, NULL, NULL}, "ERROR:  22023: time zone \"foo\" not recognized"},
    {{"CALL", "timestamp", "timestamptz_zone", "text:Europe/London", "timestamptz:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 17:00:00"},
    {{"CALL", "timestamp", "timestamptz_zone", "text:PST", "timestamptz:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 08:00:00"},
    {{"CALL", "timestamp", "timestamptz_zone", "text:MSK", "timestamptz:2010-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2010-07-01 19:00:00"},
    {{"CALL", "timestamp", "timestamptz_zone", "text:+05:30", "timestamptz:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 10:30:00"},
    {{"CALL", "timestamp", "timestamptz_zone", "text:UTC", "timestamptz:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 16:00:00"},
    {{"CALL", "timestamptz", "timestamp_zone", "text:Europe/London", "timestamp:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 07:00:00-04"},
    {{"CALL", "timestamptz", "timestamp_zone", "text:EST", "timestamp:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 13:00:00-04"},
    {{"CALL", "timestamptz", "timestamp_zone", "text:bogus", "timestamp:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: time zone \"bogus\" not recognized"},
    {{"CALL", "timestamptz", "timestamp_izone", "interval:-05:00", "timestamp:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 13:00:00-04"},
    {{"CALL", "timestamp", "timestamptz_izone", "interval:-05:00", "timestamptz:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 11:00:00"},
    {{"CALL", "timestamptz", "timestamp_izone", "interval:1 day", "timestamp:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: interval time zone \"1 day\" must not include months or days"},
    {{"CALL", "timetz", "timetz_zone", "text:UTC", "timetz:12:00-05", NULL, NULL, NULL, NULL, NULL}, "17:00:00+00"},
    {{"CALL", "timetz", "timetz_zone", "text:EST", "timetz:12:00-05", NULL, NULL, NULL, NULL, NULL}, "12:00:00-05"},
    {{"CALL", "timetz", "timetz_izone", "interval:02:00", "timetz:12:00-05", NULL, NULL, NULL, NULL, NULL}, "19:00:00+02"},
    {{"CALL", "numeric", "extract_timestamptz", "text:timezone", "timestamptz:2024-07-01 12:00", NULL, NULL, NULL, NULL, NULL}, "-14400"},
    {{"CALL", "numeric", "extract_timestamptz", "text:timezone_hour", "timestamptz:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL}, "-5"},
    {{"CALL", "numeric", "extract_timestamptz", "text:timezone_minute", "timestamptz:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "numeric", "extract_timestamptz", "text:hour", "timestamptz:2024-01-01 12:00+00", NULL, NULL, NULL, NULL, NULL}, "7"},
    {{"CALL", "numeric", "extract_timestamptz", "text:epoch", "timestamptz:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL}, "1704128400.000000"},
    {{"CALL", "float8", "timestamptz_part", "text:epoch", "timestamptz:2024-01-01 12:00:00.5", NULL, NULL, NULL, NULL, NULL}, "1704128400.5"},
    {{"CALL", "timestamptz", "make_timestamptz", "int4:2024", "int4:3", "int4:10", "int4:2", "int4:30", "float8:0", NULL}, "2024-03-10 03:30:00-04"},
    {{"CALL", "timestamptz", "make_timestamptz_at_timezone", "int4:2024", "int4:3", "int4:10", "int4:2", "int4:30", "float8:0", "text:Europe/Paris"}, "2024-03-09 20:30:00-05"},
    {{"CALL", "timestamptz", "make_timestamptz_at_timezone", "int4:2024", "int4:3", "int4:10", "int4:2", "int4:30", "float8:0", "text:+05"}, "2024-03-09 16:30:00-05"},
    {{"CALL", "timestamptz", "make_timestamptz_at_timezone", "int4:2024", "int4:3", "int4:10", "int4:2", "int4:30", "float8:0", "text:5"}, "ERROR:  22023: invalid input syntax for type numeric time zone: \"5\" | HINT:  Numeric time zones must have \"-\" or \"+\" as first character."},
    {{"CALL", "timestamptz", "make_timestamptz_at_timezone", "int4:2024", "int4:3", "int4:10", "int4:2", "int4:30", "float8:0", "text:+20"}, "ERROR:  22023: numeric time zone \"+20\" out of range"},
    {{"CALL", "text", "timestamptz_to_char", "timestamptz:2024-07-04 15:04:05", "text:YYYY-MM-DD HH24:MI:SS TZ tz OF TZH:TZM", NULL, NULL, NULL, NULL, NULL}, "2024-07-04 15:04:05 EDT edt -04 -04:00"},
    {{"CALL", "text", "timestamptz_to_char", "timestamptz:2024-01-04 15:04:05", "text:TZ OF", NULL, NULL, NULL, NULL, NULL}, "EST -05"},
    {{"CALL", "timestamptz", "to_timestamp", "text:2024-03-10 02:30", "text:YYYY-MM-DD HH24:MI", NULL, NULL, NULL, NULL, NULL}, "2024-03-10 03:30:00-04"},
    {{"CALL", "bool", "timestamp_eq_timestamptz", "timestamp:2024-07-01 12:00", "timestamptz:2024-07-01 16:00+00", NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "int4", "timestamp_cmp_timestamptz", "timestamp:2024-07-01 12:00", "timestamptz:2024-07-01 16:00+01", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "int4", "date_cmp_timestamptz", "date:2024-07-01", "timestamptz:2024-07-01 04:00+00", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "bool", "date_lt_timestamptz", "date:2024-07-01", "timestamptz:2024-07-01 04:00+00", NULL, NULL, NULL, NULL, NULL}, "f"},
    {{"CALL", "bool", "timestamptz_gt_date", "timestamptz:2024-07-01 04:00+00", "date:2024-07-01", NULL, NULL, NULL, NULL, NULL}, "f"},
    {{"CALL", "timetz", "time_timetz", "time:12:00", NULL, NULL, NULL, NULL, NULL, NULL}, "12:00:00-05"},
    {{"CALL", "timetz", "timestamptz_timetz", "timestamptz:2024-07-01 12:00+00", NULL, NULL, NULL, NULL, NULL, NULL}, "08:00:00-04"},
    {{"CALL", "timestamptz", "datetimetz_timestamptz", "date:2024-07-01", "timetz:12:00+02", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 06:00:00-04"},
    {{"SET", "timezone", "UTC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"CALL", "date", "date_pli", "date:2024-01-01", "int4:30", NULL, NULL, NULL, NULL, NULL}, "2024-01-31"},
    {{"CALL", "date", "date_pli", "date:5874897-12-31", "int4:1", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date out of range"},
    {{"CALL", "date", "date_pli", "date:infinity", "int4:1", NULL, NULL, NULL, NULL, NULL}, "infinity"},
    {{"CALL", "date", "date_mii", "date:2024-03-01", "int4:1", NULL, NULL, NULL, NULL, NULL}, "2024-02-29"},
    {{"CALL", "int4", "date_mi", "date:2024-01-01", "date:2023-01-01", NULL, NULL, NULL, NULL, NULL}, "365"},
    {{"CALL", "int4", "date_mi", "date:infinity", "date:2023-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: cannot subtract infinite dates"},
    {{"CALL", "timestamp", "date_pl_interval", "date:2024-01-31", "interval:1 month", NULL, NULL, NULL, NULL, NULL}, "2024-02-29 00:00:00"},
    {{"CALL", "timestamp", "date_mi_interval", "date:2024-03-31", "interval:1 month", NULL, NULL, NULL, NULL, NULL}, "2024-02-29 00:00:00"},
    {{"CALL", "timestamp", "datetime_timestamp", "date:2024-01-31", "time:12:34:56.5", NULL, NULL, NULL, NULL, NULL}, "2024-01-31 12:34:56.5"},
    {{"CALL", "timestamp", "date_timestamp", "date:294277-01-01", NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: date out of range for timestamp"},
    {{"CALL", "timestamp", "date_timestamp", "date:-infinity", NULL, NULL, NULL, NULL, NULL, NULL}, "-infinity"},
    {{"CALL", "date", "timestamp_date", "timestamp:2024-01-31 23:59", NULL, NULL, NULL, NULL, NULL, NULL}, "2024-01-31"},
    {{"CALL", "date", "timestamp_date", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL, NULL}, "infinity"},
    {{"CALL", "bool", "date_finite", "date:infinity", NULL, NULL, NULL, NULL, NULL, NULL}, "f"},
    {{"CALL", "bool", "timestamp_finite", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "interval_finite", "interval:1 day", NULL, NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "date_eq_timestamp", "date:2024-01-01", "timestamp:2024-01-01 00:00", NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "date_lt_timestamp", "date:2024-01-01", "timestamp:2024-01-01 00:00:01", NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "int4", "date_cmp_timestamp", "date:300000-01-01", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "-1"},
    {{"CALL", "int4", "date_cmp_timestamp", "date:300000-01-01", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "bool", "timestamp_ge_date", "timestamp:2024-01-01", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "int4", "timestamp_cmp_date", "timestamp:2024-01-01 00:00:01", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "int4", "date_cmp", "date:2024-01-01", "date:2024-01-02", NULL, NULL, NULL, NULL, NULL}, "-1"},
    {{"CALL", "int4", "timestamp_cmp", "timestamp:2024-01-01", "timestamp:-infinity", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "int4", "time_cmp", "time:12:00", "time:11:00", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "int4", "timetz_cmp", "timetz:12:00-05", "timetz:13:00-04", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "bool", "timetz_eq", "timetz:12:00-05", "timetz:12:00-05", NULL, NULL, NULL, NULL, NULL}, "t"},
    {{"CALL", "int4", "interval_cmp", "interval:1 mon", "interval:30 days", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "int4", "interval_cmp", "interval:1 mon", "interval:31 days", NULL, NULL, NULL, NULL, NULL}, "-1"},
    {{"CALL", "bool", "interval_lt", "interval:1 day", "interval:23 hours", NULL, NULL, NULL, NULL, NULL}, "f"},
    {{"CALL", "int4", "interval_hash", "interval:1 day", NULL, NULL, NULL, NULL, NULL, NULL}, "-2053980660"},
    {{"CALL", "int4", "interval_hash", "interval:24 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "-2053980660"},
    {{"CALL", "int8", "interval_hash_extended", "interval:24 hours", "int8:42", NULL, NULL, NULL, NULL, NULL}, "-7971927715471599515"},
    {{"CALL", "int4", "timestamp_hash", "timestamp:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL, NULL}, "-129171135"},
    {{"CALL", "int8", "timestamp_hash_extended", "timestamp:2024-01-01 12:00", "int8:7", NULL, NULL, NULL, NULL, NULL}, "-6644719876763823170"},
    {{"CALL", "int4", "time_hash", "time:12:00", NULL, NULL, NULL, NULL, NULL, NULL}, "-239764610"},
    {{"CALL", "int4", "timetz_hash", "timetz:12:00+05", NULL, NULL, NULL, NULL, NULL, NULL}, "1826013116"},
    {{"CALL", "int8", "timetz_hash_extended", "timetz:12:00+05", "int8:3", NULL, NULL, NULL, NULL, NULL}, "-1726357878943174076"},
    {{"CALL", "interval", "timestamp_mi", "timestamp:2024-03-01", "timestamp:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL}, "59 days 12:00:00"},
    {{"CALL", "interval", "timestamp_mi", "timestamp:2024-03-01", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: cannot subtract infinite timestamps"},
    {{"CALL", "interval", "timestamp_age", "timestamp:2024-03-31", "timestamp:2024-02-29 12:00", NULL, NULL, NULL, NULL, NULL}, "1 mon 1 day 12:00:00"},
    {{"CALL", "interval", "timestamp_age", "timestamp:2001-04-10", "timestamp:1957-06-13", NULL, NULL, NULL, NULL, NULL}, "43 years 9 mons 27 days"},
    {{"CALL", "interval", "timestamp_age", "timestamp:1957-06-13", "timestamp:2001-04-10", NULL, NULL, NULL, NULL, NULL}, "-43 years -9 mons -27 days"},
    {{"CALL", "interval", "timestamp_age", "timestamp:2024-01-01", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "00:00:00"},
    {{"CALL", "timestamp", "timestamp_pl_interval", "timestamp:2024-01-31", "interval:1 mon", NULL, NULL, NULL, NULL, NULL}, "2024-02-29 00:00:00"},
    {{"CALL", "timestamp", "timestamp_pl_interval", "timestamp:2024-02-29", "interval:1 year", NULL, NULL, NULL, NULL, NULL}, "2025-02-28 00:00:00"},
    {{"CALL", "timestamp", "timestamp_pl_interval", "timestamp:2024-01-31", "interval:-1 mon -1 day -1 sec", NULL, NULL, NULL, NULL, NULL}, "2023-12-29 23:59:59"},
    {{"CALL", "timestamp", "timestamp_pl_interval", "timestamp:294276-12-31", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: timestamp out of range"},
    {{"CALL", "timestamp", "timestamp_pl_interval", "timestamp:infinity", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "infinity"},
    {{"CALL", "timestamp", "timestamp_mi_interval", "timestamp:2024-03-31", "interval:1 mon", NULL, NULL, NULL, NULL, NULL}, "2024-02-29 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:week", "timestamp:2024-01-03 12:34", NULL, NULL, NULL, NULL, NULL}, "2024-01-01 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:week", "timestamp:2021-01-01 12:34", NULL, NULL, NULL, NULL, NULL}, "2020-12-28 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:week", "timestamp:2024-12-31 12:34", NULL, NULL, NULL, NULL, NULL}, "2024-12-30 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:millennium", "timestamp:2024-07-03 12:34", NULL, NULL, NULL, NULL, NULL}, "2001-01-01 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:century", "timestamp:2000-07-03 12:34", NULL, NULL, NULL, NULL, NULL}, "1901-01-01 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:decade", "timestamp:2024-07-03 12:34", NULL, NULL, NULL, NULL, NULL}, "2020-01-01 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:quarter", "timestamp:2024-08-03 12:34", NULL, NULL, NULL, NULL, NULL}, "2024-07-01 00:00:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:millisecond", "timestamp:2024-08-03 12:34:56.123456", NULL, NULL, NULL, NULL, NULL}, "2024-08-03 12:34:56.123"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:microseconds", "timestamp:2024-08-03 12:34:56.123456", NULL, NULL, NULL, NULL, NULL}, "2024-08-03 12:34:56.123456"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:second", "timestamp:2024-08-03 12:34:56.123456", NULL, NULL, NULL, NULL, NULL}, "2024-08-03 12:34:56"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:MINUTE", "timestamp:2024-08-03 12:34:56.123456", NULL, NULL, NULL, NULL, NULL}, "2024-08-03 12:34:00"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:century", "timestamp:0044-07-03 BC", NULL, NULL, NULL, NULL, NULL}, "0100-01-01 00:00:00 BC"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:decade", "timestamp:0044-07-03 BC", NULL, NULL, NULL, NULL, NULL}, "0051-01-01 00:00:00 BC"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:millennium", "timestamp:0044-07-03 BC", NULL, NULL, NULL, NULL, NULL}, "1000-01-01 00:00:00 BC"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:foo", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type timestamp without time zone"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:timezone", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"timezone\" not supported for type timestamp without time zone"},
    {{"CALL", "timestamp", "timestamp_trunc", "text:day", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "infinity"},
    {{"CALL", "interval", "interval_trunc", "text:week", "interval:1 year 2 mons", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"week\" not supported for type interval | DETAIL:  Months usually have fractional weeks."},
    {{"CALL", "interval", "interval_trunc", "text:foo", "interval:1 year 2 mons", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type interval"},
    {{"CALL", "interval", "interval_trunc", "text:quarter", "interval:-1 year -5 mons 3 days 04:05:06.789", NULL, NULL, NULL, NULL, NULL}, "-1 years -3 mons"},
    {{"CALL", "interval", "interval_trunc", "text:millisecond", "interval:1.23456 sec", NULL, NULL, NULL, NULL, NULL}, "00:00:01.234"},
    {{"CALL", "interval", "interval_trunc", "text:decade", "interval:123 years", NULL, NULL, NULL, NULL, NULL}, "120 years"},
    {{"CALL", "interval", "interval_trunc", "text:hour", "interval:3 days 04:05:06", NULL, NULL, NULL, NULL, NULL}, "3 days 04:00:00"},
    {{"CALL", "timestamp", "timestamp_bin", "interval:15 minutes", "timestamp:2020-02-11 15:44:17", "timestamp:2001-01-01", NULL, NULL, NULL, NULL}, "2020-02-11 15:30:00"},
    {{"CALL", "timestamp", "timestamp_bin", "interval:15 minutes", "timestamp:2020-02-11 15:44:17", "timestamp:2001-01-01 00:02:30", NULL, NULL, NULL, NULL}, "2020-02-11 15:32:30"},
    {{"CALL", "timestamp", "timestamp_bin", "interval:1 month", "timestamp:2020-02-11 15:44:17", "timestamp:2001-01-01", NULL, NULL, NULL, NULL}, "ERROR:  0A000: timestamps cannot be binned into intervals containing months or years"},
    {{"CALL", "timestamp", "timestamp_bin", "interval:0 minutes", "timestamp:2020-02-11 15:44:17", "timestamp:2001-01-01", NULL, NULL, NULL, NULL}, "ERROR:  22008: stride must be greater than zero"},
    {{"CALL", "timestamp", "timestamp_bin", "interval:1 day", "timestamp:2020-02-11 15:44:17", "timestamp:2030-01-01 06:00", NULL, NULL, NULL, NULL}, "2020-02-11 06:00:00"},
    {{"CALL", "timestamptz", "timestamptz_bin", "interval:1 day", "timestamptz:2020-02-11 15:44:17", "timestamptz:2001-01-01", NULL, NULL, NULL, NULL}, "2020-02-11 00:00:00+00"},
    {{"CALL", "numeric", "extract_timestamp", "text:second", "timestamp:2024-01-01 12:00:12.5", NULL, NULL, NULL, NULL, NULL}, "12.500000"},
    {{"CALL", "numeric", "extract_timestamp", "text:millisecond", "timestamp:2024-01-01 12:00:12.5", NULL, NULL, NULL, NULL, NULL}, "12500.000"},
    {{"CALL", "numeric", "extract_timestamp", "text:microsecond", "timestamp:2024-01-01 12:00:12.5", NULL, NULL, NULL, NULL, NULL}, "12500000"},
    {{"CALL", "numeric", "extract_timestamp", "text:epoch", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "1704067200.000000"},
    {{"CALL", "numeric", "extract_timestamp", "text:epoch", "timestamp:2024-01-01 00:00:00.25", NULL, NULL, NULL, NULL, NULL}, "1704067200.250000"},
    {{"CALL", "numeric", "extract_timestamp", "text:epoch", "timestamp:1900-01-01 00:00:00.25", NULL, NULL, NULL, NULL, NULL}, "-2208988799.750000"},
    {{"CALL", "numeric", "extract_timestamp", "text:julian", "timestamp:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL}, "2460311.50000000000000000000"},
    {{"CALL", "numeric", "extract_timestamp", "text:julian", "timestamp:2024-01-01 08:00", NULL, NULL, NULL, NULL, NULL}, "2460311.33333333333333333333"},
    {{"CALL", "numeric", "extract_timestamp", "text:foo", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type timestamp without time zone"},
    {{"CALL", "numeric", "extract_timestamp", "text:timezone", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"timezone\" not supported for type timestamp without time zone"},
    {{"CALL", "numeric", "extract_timestamp", "text:year", "timestamp:0044-01-01 BC", NULL, NULL, NULL, NULL, NULL}, "-44"},
    {{"CALL", "numeric", "extract_timestamp", "text:century", "timestamp:0044-01-01 BC", NULL, NULL, NULL, NULL, NULL}, "-1"},
    {{"CALL", "numeric", "extract_timestamp", "text:century", "timestamp:2000-01-01", NULL, NULL, NULL, NULL, NULL}, "20"},
    {{"CALL", "numeric", "extract_timestamp", "text:century", "timestamp:2001-01-01", NULL, NULL, NULL, NULL, NULL}, "21"},
    {{"CALL", "numeric", "extract_timestamp", "text:millennium", "timestamp:2001-01-01", NULL, NULL, NULL, NULL, NULL}, "3"},
    {{"CALL", "numeric", "extract_timestamp", "text:decade", "timestamp:0044-01-01 BC", NULL, NULL, NULL, NULL, NULL}, "-5"},
    {{"CALL", "numeric", "extract_timestamp", "text:decade", "timestamp:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "202"},
    {{"CALL", "numeric", "extract_timestamp", "text:dow", "timestamp:2024-01-07", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "numeric", "extract_timestamp", "text:isodow", "timestamp:2024-01-07", NULL, NULL, NULL, NULL, NULL}, "7"},
    {{"CALL", "numeric", "extract_timestamp", "text:doy", "timestamp:2024-12-31", NULL, NULL, NULL, NULL, NULL}, "366"},
    {{"CALL", "numeric", "extract_timestamp", "text:week", "timestamp:2024-12-31", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "numeric", "extract_timestamp", "text:isoyear", "timestamp:2024-12-31", NULL, NULL, NULL, NULL, NULL}, "2025"},
    {{"CALL", "numeric", "extract_timestamp", "text:isoyear", "timestamp:0001-01-01 BC", NULL, NULL, NULL, NULL, NULL}, "-2"},
    {{"CALL", "numeric", "extract_timestamp", "text:quarter", "timestamp:2024-12-31", NULL, NULL, NULL, NULL, NULL}, "4"},
    {{"CALL", "numeric", "extract_timestamp", "text:month", "timestamp:2024-12-31", NULL, NULL, NULL, NULL, NULL}, "12"},
    {{"CALL", "numeric", "extract_timestamp", "text:day", "timestamp:2024-12-31", NULL, NULL, NULL, NULL, NULL}, "31"},
    {{"CALL", "numeric", "extract_timestamp", "text:hour", "timestamp:2024-12-31 13:14:15", NULL, NULL, NULL, NULL, NULL}, "13"},
    {{"CALL", "numeric", "extract_timestamp", "text:minute", "timestamp:2024-12-31 13:14:15", NULL, NULL, NULL, NULL, NULL}, "14"},
    {{"CALL", "numeric", "extract_timestamp", "text:year", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "Infinity"},
    {{"CALL", "numeric", "extract_timestamp", "text:epoch", "timestamp:-infinity", NULL, NULL, NULL, NULL, NULL}, "-Infinity"},
    {{"CALL", "numeric", "extract_timestamp", "text:hour", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "numeric", "extract_timestamp", "text:foo", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type timestamp without time zone"},
    {{"CALL", "numeric", "extract_timestamp", "text:timezone", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "float8", "timestamp_part", "text:second", "timestamp:2024-01-01 12:00:12.5", NULL, NULL, NULL, NULL, NULL}, "12.5"},
    {{"CALL", "float8", "timestamp_part", "text:epoch", "timestamp:2024-01-01 12:00:12.5", NULL, NULL, NULL, NULL, NULL}, "1704110412.5"},
    {{"CALL", "float8", "timestamp_part", "text:julian", "timestamp:2024-01-01 08:00", NULL, NULL, NULL, NULL, NULL}, "2460311.3333333335"},
    {{"CALL", "float8", "timestamp_part", "text:year", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "Infinity"},
    {{"CALL", "float8", "timestamp_part", "text:day", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "numeric", "extract_date", "text:epoch", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "1704067200"},
    {{"CALL", "numeric", "extract_date", "text:julian", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "2460311"},
    {{"CALL", "numeric", "extract_date", "text:year", "date:infinity", NULL, NULL, NULL, NULL, NULL}, "Infinity"},
    {{"CALL", "numeric", "extract_date", "text:day", "date:infinity", NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "numeric", "extract_date", "text:hour", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"hour\" not supported for type date"},
    {{"CALL", "numeric", "extract_date", "text:hour", "date:infinity", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"hour\" not supported for type date"},
    {{"CALL", "numeric", "extract_date", "text:foo", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type date"},
    {{"CALL", "numeric", "extract_date", "text:dow", "date:2024-01-07", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "numeric", "extract_date", "text:week", "date:2024-01-07", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "numeric", "extract_date", "text:decade", "date:0001-01-01 BC", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "numeric", "extract_time", "text:millisecond", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "1500.000"},
    {{"CALL", "numeric", "extract_time", "text:epoch", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "43201.500000"},
    {{"CALL", "numeric", "extract_time", "text:second", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "1.500000"},
    {{"CALL", "numeric", "extract_time", "text:hour", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "12"},
    {{"CALL", "numeric", "extract_time", "text:day", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"day\" not supported for type time without time zone"},
    {{"CALL", "numeric", "extract_time", "text:foo", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type time without time zone"},
    {{"CALL", "float8", "time_part", "text:epoch", "time:12:00:01.5", NULL, NULL, NULL, NULL, NULL}, "43201.5"},
    {{"CALL", "numeric", "extract_timetz", "text:timezone", "timetz:12:00+05:30", NULL, NULL, NULL, NULL, NULL}, "19800"},
    {{"CALL", "numeric", "extract_timetz", "text:timezone_hour", "timetz:12:00-05:30", NULL, NULL, NULL, NULL, NULL}, "-5"},
    {{"CALL", "numeric", "extract_timetz", "text:timezone_minute", "timetz:12:00-05:30", NULL, NULL, NULL, NULL, NULL}, "-30"},
    {{"CALL", "numeric", "extract_timetz", "text:epoch", "timetz:12:00-05:30", NULL, NULL, NULL, NULL, NULL}, "63000.000000"},
    {{"CALL", "float8", "timetz_part", "text:epoch", "timetz:12:00-05:30", NULL, NULL, NULL, NULL, NULL}, "63000"},
    {{"CALL", "numeric", "extract_interval", "text:epoch", "interval:1 year 2 days 3.5 sec", NULL, NULL, NULL, NULL, NULL}, "31730403.500000"},
    {{"CALL", "numeric", "extract_interval", "text:epoch", "interval:-1 mon", NULL, NULL, NULL, NULL, NULL}, "-2592000.000000"},
    {{"CALL", "numeric", "extract_interval", "text:quarter", "interval:-5 mons", NULL, NULL, NULL, NULL, NULL}, "0"},
    {{"CALL", "numeric", "extract_interval", "text:week", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "ERROR:  0A000: unit \"week\" not supported for type interval"},
    {{"CALL", "numeric", "extract_interval", "text:foo", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: unit \"foo\" not recognized for type interval"},
    {{"CALL", "numeric", "extract_interval", "text:millisecond", "interval:1.5 sec", NULL, NULL, NULL, NULL, NULL}, "1500.000"},
    {{"CALL", "numeric", "extract_interval", "text:hour", "interval:100 hours", NULL, NULL, NULL, NULL, NULL}, "100"},
    {{"CALL", "numeric", "extract_interval", "text:year", "interval:15 mons", NULL, NULL, NULL, NULL, NULL}, "1"},
    {{"CALL", "numeric", "extract_interval", "text:century", "interval:250 years", NULL, NULL, NULL, NULL, NULL}, "2"},
    {{"CALL", "float8", "interval_part", "text:epoch", "interval:1 year 2 days 3.5 sec", NULL, NULL, NULL, NULL, NULL}, "31730403.5"},
    {{"CALL", "float8", "interval_part", "text:second", "interval:1.5 sec", NULL, NULL, NULL, NULL, NULL}, "1.5"},
    {{"CALL", "interval", "interval_mul", "interval:1 day 2 hours", "float8:2.5", NULL, NULL, NULL, NULL, NULL}, "2 days 17:00:00"},
    {{"CALL", "interval", "interval_mul", "interval:1 year", "float8:0.3", NULL, NULL, NULL, NULL, NULL}, "3 mons 18 days"},
    {{"CALL", "interval", "interval_mul", "interval:1 mon", "float8:1e10", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: interval out of range"},
    {{"CALL", "interval", "interval_mul", "interval:1 mon 1 day 1 hour", "float8:-0.5", NULL, NULL, NULL, NULL, NULL}, "-15 days -12:30:00"},
    {{"CALL", "interval", "interval_div", "interval:1 mon", "float8:7", NULL, NULL, NULL, NULL, NULL}, "4 days 06:51:25.6896"},
    {{"CALL", "interval", "interval_div", "interval:1 day", "float8:0", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22012: division by zero"},
    {{"CALL", "interval", "interval_div", "interval:10 years 3 days", "float8:3", NULL, NULL, NULL, NULL, NULL}, "3 years 4 mons 1 day"},
    {{"CALL", "interval", "mul_d_interval", "float8:3", "interval:1 day 2 hours", NULL, NULL, NULL, NULL, NULL}, "3 days 06:00:00"},
    {{"CALL", "interval", "interval_um", "interval:1 mon -2 days 3 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "-1 mons +2 days -03:00:00"},
    {{"CALL", "interval", "interval_pl", "interval:1 mon", "interval:2 days 3 hours", NULL, NULL, NULL, NULL, NULL}, "1 mon 2 days 03:00:00"},
    {{"CALL", "interval", "interval_mi", "interval:1 mon", "interval:2 days 3 hours", NULL, NULL, NULL, NULL, NULL}, "1 mon -2 days -03:00:00"},
    {{"CALL", "interval", "interval_pl", "interval:2147483647 days", "interval:1 day", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: interval out of range"},
    {{"CALL", "interval", "interval_justify_days", "interval:35 days", NULL, NULL, NULL, NULL, NULL, NULL}, "1 mon 5 days"},
    {{"CALL", "interval", "interval_justify_days", "interval:-35 days 1 mon", NULL, NULL, NULL, NULL, NULL, NULL}, "-5 days"},
    {{"CALL", "interval", "interval_justify_hours", "interval:27 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "1 day 03:00:00"},
    {{"CALL", "interval", "interval_justify_hours", "interval:1 day -27 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "-03:00:00"},
    {{"CALL", "interval", "interval_justify_interval", "interval:1 mon -1 hour", NULL, NULL, NULL, NULL, NULL, NULL}, "29 days 23:00:00"},
    {{"CALL", "interval", "interval_justify_interval", "interval:-1 mon 1 hour", NULL, NULL, NULL, NULL, NULL, NULL}, "-29 days -23:00:00"},
    {{"CALL", "interval", "interval_justify_interval", "interval:1 mon -31 days 25 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "01:00:00"},
    {{"CALL", "interval", "interval_smaller", "interval:1 day", "interval:25 hours", NULL, NULL, NULL, NULL, NULL}, "1 day"},
    {{"CALL", "interval", "interval_larger", "interval:1 day", "interval:25 hours", NULL, NULL, NULL, NULL, NULL}, "25:00:00"},
    {{"CALL", "interval", "make_interval", "int4:1", "int4:2", "int4:3", "int4:4", "int4:5", "int4:6", "float8:7.5"}, "1 year 2 mons 25 days 05:06:07.5"},
    {{"CALL", "interval", "make_interval", "int4:0", "int4:0", "int4:0", "int4:0", "int4:0", "int4:0", "float8:infinity"}, "ERROR:  22008: interval out of range"},
    {{"CALL", "date", "make_date", "int4:2024", "int4:2", "int4:29", NULL, NULL, NULL, NULL}, "2024-02-29"},
    {{"CALL", "date", "make_date", "int4:-44", "int4:3", "int4:15", NULL, NULL, NULL, NULL}, "0044-03-15 BC"},
    {{"CALL", "date", "make_date", "int4:0", "int4:1", "int4:1", NULL, NULL, NULL, NULL}, "ERROR:  22008: date field value out of range: 0-01-01"},
    {{"CALL", "date", "make_date", "int4:2023", "int4:2", "int4:29", NULL, NULL, NULL, NULL}, "ERROR:  22008: date field value out of range: 2023-02-29"},
    {{"CALL", "date", "make_date", "int4:2023", "int4:13", "int4:1", NULL, NULL, NULL, NULL}, "ERROR:  22008: date field value out of range: 2023-13-01"},
    {{"CALL", "time", "make_time", "int4:12", "int4:30", "float8:45.5", NULL, NULL, NULL, NULL}, "12:30:45.5"},
    {{"CALL", "time", "make_time", "int4:25", "int4:0", "float8:0", NULL, NULL, NULL, NULL}, "ERROR:  22008: time field value out of range: 25:00:00"},
    {{"CALL", "time", "make_time", "int4:23", "int4:59", "float8:60.5", NULL, NULL, NULL, NULL}, "ERROR:  22008: time field value out of range: 23:59:60.5"},
    {{"CALL", "time", "make_time", "int4:24", "int4:0", "float8:0", NULL, NULL, NULL, NULL}, "24:00:00"},
    {{"CALL", "timestamp", "make_timestamp", "int4:2024", "int4:2", "int4:29", "int4:12", "int4:30", "float8:45.123456789", NULL}, "2024-02-29 12:30:45.123457"},
    {{"CALL", "timestamp", "make_timestamp", "int4:-2024", "int4:2", "int4:29", "int4:12", "int4:30", "float8:45", NULL}, "ERROR:  22008: date field value out of range: -2024-02-29"},
    {{"CALL", "timestamp", "make_timestamp", "int4:2024", "int4:2", "int4:29", "int4:12", "int4:60", "float8:45", NULL}, "ERROR:  22008: time field value out of range: 12:60:45"},
    {{"CALL", "timestamp", "make_timestamp", "int4:300000", "int4:2", "int4:29", "int4:12", "int4:30", "float8:45", NULL}, "ERROR:  22008: timestamp out of range: 300000-02-29 12:30:45"},
    {{"CALL", "timestamptz", "float8_timestamptz", "float8:0", NULL, NULL, NULL, NULL, NULL, NULL}, "1970-01-01 00:00:00+00"},
    {{"CALL", "timestamptz", "float8_timestamptz", "float8:-infinity", NULL, NULL, NULL, NULL, NULL, NULL}, "-infinity"},
    {{"CALL", "timestamptz", "float8_timestamptz", "float8:NaN", NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: timestamp cannot be NaN"},
    {{"CALL", "timestamptz", "float8_timestamptz", "float8:1e20", NULL, NULL, NULL, NULL, NULL, NULL}, "ERROR:  22008: timestamp out of range: \"1e+20\""},
    {{"CALL", "timestamptz", "float8_timestamptz", "float8:1234567890.123456789", NULL, NULL, NULL, NULL, NULL, NULL}, "2009-02-13 23:31:30.123457+00"},
    {{"CALL", "time", "time_pl_interval", "time:23:00", "interval:2 hours", NULL, NULL, NULL, NULL, NULL}, "01:00:00"},
    {{"CALL", "time", "time_mi_interval", "time:01:00", "interval:2 hours", NULL, NULL, NULL, NULL, NULL}, "23:00:00"},
    {{"CALL", "time", "time_pl_interval", "time:01:00", "interval:1 day 2 hours", NULL, NULL, NULL, NULL, NULL}, "03:00:00"},
    {{"CALL", "interval", "time_mi_time", "time:01:00", "time:23:30", NULL, NULL, NULL, NULL, NULL}, "-22:30:00"},
    {{"CALL", "timetz", "timetz_pl_interval", "timetz:23:00+03", "interval:2 hours", NULL, NULL, NULL, NULL, NULL}, "01:00:00+03"},
    {{"CALL", "timetz", "timetz_mi_interval", "timetz:01:00+03", "interval:2 hours 30 min", NULL, NULL, NULL, NULL, NULL}, "22:30:00+03"},
    {{"CALL", "time", "interval_time", "interval:-1 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "23:00:00"},
    {{"CALL", "time", "interval_time", "interval:27 hours", NULL, NULL, NULL, NULL, NULL, NULL}, "03:00:00"},
    {{"CALL", "time", "interval_time", "interval:1 mon 2 days 03:04", NULL, NULL, NULL, NULL, NULL, NULL}, "03:04:00"},
    {{"CALL", "interval", "time_interval", "time:12:34", NULL, NULL, NULL, NULL, NULL, NULL}, "12:34:00"},
    {{"CALL", "time", "timestamp_time", "timestamp:2024-01-01 12:34:56.789", NULL, NULL, NULL, NULL, NULL, NULL}, "12:34:56.789"},
    {{"CALL", "time", "timestamp_time", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL, NULL}, "NULL"},
    {{"CALL", "time", "timetz_time", "timetz:12:34+05", NULL, NULL, NULL, NULL, NULL, NULL}, "12:34:00"},
    {{"CALL", "time", "time_larger", "time:12:34", "time:13:00", NULL, NULL, NULL, NULL, NULL}, "13:00:00"},
    {{"CALL", "timetz", "timetz_smaller", "timetz:12:00-05", "timetz:13:00-04", NULL, NULL, NULL, NULL, NULL}, "13:00:00-04"},
    {{"CALL", "timestamp", "timestamp_larger", "timestamp:2024-01-01", "timestamp:infinity", NULL, NULL, NULL, NULL, NULL}, "infinity"},
    {{"CALL", "timestamp", "timestamp_smaller", "timestamp:2024-01-01", "timestamp:-infinity", NULL, NULL, NULL, NULL, NULL}, "-infinity"},
    {{"CALL", "date", "date_larger", "date:2024-01-01", "date:2024-02-01", NULL, NULL, NULL, NULL, NULL}, "2024-02-01"},
    {{"CALL", "bool", "overlaps_timestamp", "timestamp:2024-01-01", "timestamp:2024-01-10", "timestamp:2024-01-05", "timestamp:2024-01-20", NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "overlaps_timestamp", "timestamp:2024-01-01", "timestamp:2024-01-10", "timestamp:2024-01-10", "timestamp:2024-01-20", NULL, NULL, NULL}, "f"},
    {{"CALL", "bool", "overlaps_timestamp", "timestamp:2024-01-10", "timestamp:2024-01-01", "timestamp:2024-01-05", "timestamp:NULL", NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "overlaps_timestamp", "timestamp:2024-01-10", "timestamp:NULL", "timestamp:2024-01-05", "timestamp:NULL", NULL, NULL, NULL}, "NULL"},
    {{"CALL", "bool", "overlaps_time", "time:01:00", "time:03:00", "time:02:00", "time:04:00", NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "overlaps_timetz", "timetz:01:00+01", "timetz:03:00+01", "timetz:03:30+02", "timetz:04:00+02", NULL, NULL, NULL}, "t"},
    {{"CALL", "bool", "in_range_timestamp_interval", "timestamp:2024-01-03", "timestamp:2024-01-01", "interval:2 days", "bool:false", "bool:true", NULL, NULL}, "t"},
    {{"CALL", "bool", "in_range_timestamp_interval", "timestamp:2024-01-03", "timestamp:2024-01-01", "interval:-2 days", "bool:false", "bool:true", NULL, NULL}, "ERROR:  22013: invalid preceding or following size in window function"},
    {{"CALL", "bool", "in_range_date_interval", "date:2024-01-03", "date:2024-01-01", "interval:1 day", "bool:false", "bool:true", NULL, NULL}, "f"},
    {{"CALL", "bool", "in_range_interval_interval", "interval:3 days", "interval:1 day", "interval:1 day", "bool:false", "bool:false", NULL, NULL}, "t"},
    {{"CALL", "bool", "in_range_time_interval", "time:03:00", "time:01:00", "interval:2 hours", "bool:false", "bool:true", NULL, NULL}, "t"},
    {{"CALL", "bool", "in_range_timetz_interval", "timetz:03:00+01", "timetz:01:00+01", "interval:1 hour", "bool:false", "bool:true", NULL, NULL}, "f"},
    {{"CALL", "float8", "tsrange_subdiff", "timestamp:2024-01-03", "timestamp:2024-01-01 12:00", NULL, NULL, NULL, NULL, NULL}, "129600"},
    {{"CALL", "float8", "daterange_subdiff", "date:2024-01-03", "date:2024-01-01", NULL, NULL, NULL, NULL, NULL}, "2"},
    {{"CALL", "timetz", "timetz_scale", "timetz:12:00:01.555+01", "int4:2", NULL, NULL, NULL, NULL, NULL}, "12:00:01.56+01"},
    {{"CALL", "time", "time_scale", "time:12:00:01.555", "int4:1", NULL, NULL, NULL, NULL, NULL}, "12:00:01.6"},
    {{"CALL", "timestamp", "timestamp_scale", "timestamp:2024-01-01 12:00:01.555", "int4:2", NULL, NULL, NULL, NULL, NULL}, "2024-01-01 12:00:01.56"},
    {{"CALL", "timestamp", "timestamp_scale", "timestamp:2024-01-01 12:00:01.555", "int4:7", NULL, NULL, NULL, NULL, NULL}, "ERROR:  22023: timestamp(7) precision must be between 0 and 6"},
    {{"CALL", "interval", "interval_scale", "interval:1 day 01:02:03.456", "int4:201916415", NULL, NULL, NULL, NULL, NULL}, "1 day 01:02:00"},
    {{"SET", "timezone", "UTC", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
    {{"CALL", "bytea", "date_send", "date:2000-01-02", NULL, NULL, NULL, NULL, NULL, NULL}, "\\x00000001"},
    {{"CALL", "bytea", "date_send", "date:1999-12-31", NULL, NULL, NULL, NULL, NULL, NULL}, "\\xffffffff"},
    {{"CALL", "bytea", "date_send", "date:infinity", NULL, NULL, NULL, NULL, NULL, NULL}, "\\x7fffffff"},
    {{"CALL", "bytea", "timestamp_send", "timestamp:2000-01-01 00:00:01.5", NULL, NULL, NULL, NULL, NULL, NULL}, "\\x000000000016e360"},
    {{"CALL", "bytea", "timestamptz_send", "timestamptz:1970-01-01 00:00:00+00", NULL, NULL, NULL, NULL, NULL, NULL}, "\\xfffca2fec4c82000"},
    {{"CALL", "bytea", "time_send", "time:12:34:56.789", NULL, NULL, NULL, NULL, NULL, NULL}, "\\x0000000a8be62608"},
    {{"CALL", "bytea", "timetz_send", "timetz:12:34:56-05:30", NULL, NULL, NULL, NULL, NULL, NULL}, "\\x0000000a8bda1c0000004d58"},
    {{"CALL", "bytea", "interval_send", "interval:1 year 2 mons 3 days 04:05:06.789", NULL, NULL, NULL, NULL, NULL, NULL}, "\\x000000036c97ca88000000030000000e"},
    {{"CALL", "cstring", "timestamptypmodout", "int4:3", NULL, NULL, NULL, NULL, NULL, NULL}, "(3) without time zone"},
    {{"CALL", "cstring", "timestamptztypmodout", "int4:-1", NULL, NULL, NULL, NULL, NULL, NULL}, " with time zone"},
    {{"CALL", "cstring", "timetypmodout", "int4:0", NULL, NULL, NULL, NULL, NULL, NULL}, "(0) without time zone"},
    {{"CALL", "cstring", "timetztypmodout", "int4:6", NULL, NULL, NULL, NULL, NULL, NULL}, "(6) with time zone"},
    {{"CALL", "cstring", "intervaltypmodout", "int4:470286339", NULL, NULL, NULL, NULL, NULL, NULL}, " day to second(3)"},
    {{"CALL", "cstring", "intervaltypmodout", "int4:458751", NULL, NULL, NULL, NULL, NULL, NULL}, " year to month"},
    {{"CALL", "cstring", "intervaltypmodout", "int4:2147418115", NULL, NULL, NULL, NULL, NULL, NULL}, "(3)"},
    {{"CALL", "cstring", "intervaltypmodout", "int4:-1", NULL, NULL, NULL, NULL, NULL, NULL}, ""},
    {{"SET", "datestyle", "ISO, MDY", NULL, NULL, NULL, NULL, NULL, NULL, NULL}, "SET"},
/* GENERATED CASES END */
};

static Datum
input(const char *type, const char *lit, int32 typmod)
{
    return DirectFunctionCall3(find_type(type)->in, CStringGetDatum(lit),
                               ObjectIdGetDatum(InvalidOid), Int32GetDatum(typmod));
}

static const char *
output(const char *type, Datum d)
{
    return DatumGetCString(DirectFunctionCall1(find_type(type)->out, d));
}

static char *owned_tz_name;     /* the TimeZone value this test set */

static const char *
set_setting(const char *name, const char *value)
{
    if (strcasecmp(name, "datestyle") == 0)
    {
        int         style = DateStyle, order = DateOrder;

        if (!check_datestyle(value, &style, &order))
            return psprintf("ERROR:  22023: invalid value for parameter \"DateStyle\": \"%s\"", value);
        DateStyle = style;
        DateOrder = order;
    }
    else if (strcasecmp(name, "intervalstyle") == 0)
    {
        static const char *const styles[] = {"postgres", "postgres_verbose", "sql_standard",
                                             "iso_8601"};

        for (int i = 0; i < 4; i++)
            if (strcmp(styles[i], value) == 0)
                IntervalStyle = i;
    }
    else if (strcasecmp(name, "timezone") == 0)
    {
        char       *nv = strdup(value);

        if (!check_timezone_guc(&nv, PGC_S_SESSION))
        {
            free(nv);
            return psprintf("ERROR:  22023: invalid value for parameter \"TimeZone\": \"%s\"", value);
        }
        /* like the settings module: the new value replaces (and frees) the
         * one this test installed before */
        if (owned_tz_name != NULL && session_timezone_name == owned_tz_name)
            free(owned_tz_name);
        session_timezone_name = owned_tz_name = nv;
    }
    return "SET";
}

/* Run one case; the result as PostgreSQL would print it. */
static const char *
run_case(const DtCase *c)
{
    const char *const *a = c->args;

    if (strcmp(a[0], "SET") == 0)
        return set_setting(a[1], a[2]);
    if (strcmp(a[0], "IN") == 0)
    {
        if (a[3] != NULL)
            return output(a[1], input(a[1], a[3], atoi(a[2])));
        return output(a[1], input(a[1], a[2], -1));
    }
    else
    {
        PGFunction  fn = find_fn(a[2]);
        int         nargs = 0;
        Datum       result;

        LOCAL_FCINFO(fc, 8);
        while (nargs < 7 && a[3 + nargs] != NULL)
            nargs++;
        InitFunctionCallInfoData(*fc, NULL, nargs, InvalidOid, NULL, NULL);
        for (int i = 0; i < nargs; i++)
        {
            char       *arg = pstrdup(a[3 + i]);
            char       *colon = strchr(arg, ':');

            *colon = '\0';
            fc->args[i].isnull = strcmp(colon + 1, "NULL") == 0;
            fc->args[i].value = fc->args[i].isnull ? 0 : input(arg, colon + 1, -1);
        }
        result = fn(fc);
        if (fc->isnull)
            return "NULL";
        return output(a[1], result);
    }
}

/* The case's result, or its error in the table's format. */
static const char *
run_case_catching(const DtCase *c)
{
    MemoryContext oldcxt = CurrentMemoryContext;
    const char *volatile result = NULL;

    PG_TRY();
    {
        result = run_case(c);
    }
    PG_CATCH();
    {
        ErrorData  *ed;
        char        state[6];
        StringInfoData buf;

        MemoryContextSwitchTo(oldcxt);
        ed = CopyErrorData();
        FlushErrorState();
        initStringInfo(&buf);
        appendStringInfo(&buf, "ERROR:  %s: %s", unpack_sql_state(ed->sqlerrcode, state),
                         ed->message);
        if (ed->detail)
            appendStringInfo(&buf, " | DETAIL:  %s", ed->detail);
        if (ed->hint)
            appendStringInfo(&buf, " | HINT:  %s", ed->hint);
        result = buf.data;
    }
    PG_END_TRY();
    return result;
}

static const char *
case_name(const DtCase *c)
{
    StringInfoData buf;

    initStringInfo(&buf);
    for (int i = 0; i < 10 && c->args[i]; i++)
        appendStringInfo(&buf, "%s%s", i ? " " : "", c->args[i]);
    return buf.data;
}

/* ======================================================= hand checks */

/* Binary receive inverts send for every type. */
static void
test_binary_roundtrip(void)
{
    static const struct
    {
        const char *type;
        const char *lit;
        PGFunction  send;
        PGFunction  recv;
    }           rt[] = {
        {"date", "1999-12-31", date_send, date_recv},
        {"date", "-infinity", date_send, date_recv},
        {"time", "23:59:59.999999", time_send, time_recv},
        {"timetz", "12:34:56.5-05:30", timetz_send, timetz_recv},
        {"timestamp", "4713-01-01 12:00 BC", timestamp_send, timestamp_recv},
        {"timestamptz", "2024-03-10 07:30:00+00", timestamptz_send, timestamptz_recv},
        {"interval", "-1 years +2 mons -3 days 04:05:06.789", interval_send, interval_recv},
    };

    for (size_t i = 0; i < lengthof(rt); i++)
    {
        Datum       v = input(rt[i].type, rt[i].lit, -1);
        bytea      *b = DatumGetByteaP(DirectFunctionCall1(rt[i].send, v));
        StringInfoData msg;
        Datum       back;

        msg.data = VARDATA(b);
        msg.len = VARSIZE(b) - VARHDRSZ;
        msg.maxlen = msg.len;
        msg.cursor = 0;
        back = DirectFunctionCall3(rt[i].recv, PointerGetDatum(&msg),
                                   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
        ok(strcmp(output(rt[i].type, back), output(rt[i].type, v)) == 0 &&
           msg.cursor == msg.len,
           "binary round trip of %s '%s'", rt[i].type, rt[i].lit);
    }
}

/* DateStyle parsing: canonical forms and rejections. */
static void
test_datestyle(void)
{
    static const struct
    {
        int         style, order;   /* starting point */
        const char *value;
        const char *expect;         /* show_datestyle() after, or NULL: rejected */
    }           ds[] = {
        {USE_ISO_DATES, DATEORDER_MDY, "German", "German, DMY"},
        {USE_ISO_DATES, DATEORDER_MDY, "german, ymd", "German, YMD"},
        {USE_ISO_DATES, DATEORDER_DMY, "sql", "SQL, DMY"},
        {USE_SQL_DATES, DATEORDER_DMY, "us", "SQL, MDY"},
        {USE_ISO_DATES, DATEORDER_MDY, "Postgres, European", "Postgres, DMY"},
        {USE_GERMAN_DATES, DATEORDER_DMY, "DEFAULT", "ISO, MDY"},
        {USE_ISO_DATES, DATEORDER_MDY, "ISO, SQL", NULL},
        {USE_ISO_DATES, DATEORDER_MDY, "foo", NULL},
        {USE_ISO_DATES, DATEORDER_MDY, "ymd, dmy", NULL},
    };
    int         saved_style = DateStyle, saved_order = DateOrder;

    for (size_t i = 0; i < lengthof(ds); i++)
    {
        int         style = ds[i].style, order = ds[i].order;
        bool        accepted = check_datestyle(ds[i].value, &style, &order);

        if (ds[i].expect == NULL)
            ok(!accepted, "DateStyle '%s' rejected", ds[i].value);
        else
        {
            DateStyle = style;
            DateOrder = order;
            ok(accepted && strcmp(show_datestyle(), ds[i].expect) == 0,
               "DateStyle '%s' is \"%s\" (got \"%s\")", ds[i].value, ds[i].expect,
               accepted ? show_datestyle() : "rejected");
        }
    }
    DateStyle = saved_style;
    DateOrder = saved_order;
}

/* TimeZone: the names SHOW prints, and unknown zones rejected. */
static void
test_timezone_setting(void)
{
    static const struct
    {
        const char *value;
        const char *canonical;      /* NULL: rejected */
    }           tz[] = {
        {"america/new_york", "America/New_York"},
        {"UTC", "UTC"},
        {"-7", "<-07>+07"},
        {"5.5", "<+05:30>-05:30"},
        {"INTERVAL '-08:00'", "<-08>+08"},
        {"XYZ5", "XYZ5"},
        {"+05:30", "+05:30"},
        {"EST5EDT", "EST5EDT"},
        {"foo", NULL},
        {"America/Nowhere", NULL},
        {"../etc/passwd", NULL},
        {"", NULL},
    };

    for (size_t i = 0; i < lengthof(tz); i++)
    {
        char       *nv = strdup(tz[i].value);
        bool        accepted = check_timezone_guc(&nv, PGC_S_SESSION);

        if (tz[i].canonical == NULL)
            ok(!accepted, "TimeZone '%s' rejected", tz[i].value);
        else
            ok(accepted && strcmp(nv, tz[i].canonical) == 0,
               "TimeZone '%s' shows as \"%s\" (got \"%s\")", tz[i].value, tz[i].canonical,
               accepted ? nv : "rejected");
        free(nv);
    }
    ok(pg_tz_set("Asia/Tokyo") && strcmp(pg_get_timezone_name(pg_tzset("asia/tokyo")),
                                         "Asia/Tokyo") == 0,
       "pg_tz_set accepts a zone name, lookups are case-insensitive");
    ok(!pg_tz_set("Not/AZone"), "pg_tz_set refuses an unknown zone");
}

/* The zone cache is fixed-size: loading many zones evicts, the session
 * zone survives and still converts correctly. */
static void
test_zone_cache_bounded(void)
{
    static const char *const zones[] = {
        "Europe/Paris", "Europe/Berlin", "Europe/Rome", "Europe/Madrid", "Europe/Oslo",
        "Europe/Vienna", "Europe/Prague", "Europe/Warsaw", "Europe/Lisbon", "Europe/Athens",
        "Asia/Tokyo", "Asia/Seoul", "Asia/Shanghai", "Asia/Dubai", "Asia/Karachi",
        "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Manila", "Asia/Singapore",
        "America/Chicago", "America/Denver", "America/Phoenix", "America/Anchorage",
        "America/Toronto", "America/Vancouver", "America/Mexico_City", "America/Bogota",
        "America/Lima", "America/Caracas", "Africa/Cairo", "Africa/Lagos", "Africa/Nairobi",
        "Africa/Johannesburg", "Australia/Perth", "Australia/Adelaide", "Australia/Brisbane",
        "Pacific/Auckland", "Pacific/Honolulu", "Pacific/Fiji", "Atlantic/Reykjavik",
        "Atlantic/Azores", "Indian/Maldives", "Indian/Mauritius", "Asia/Yangon",
        "Asia/Colombo", "Asia/Kabul", "Asia/Tashkent", "Asia/Almaty", "Asia/Novosibirsk",
        "Asia/Vladivostok", "Asia/Magadan", "Asia/Kamchatka", "Europe/Kiev", "Europe/Minsk",
        "Europe/Istanbul", "Europe/Helsinki", "Europe/Riga", "Europe/Vilnius",
        "Europe/Tallinn", "Europe/Sofia", "Europe/Bucharest", "Europe/Budapest",
        "Europe/Zurich", "Europe/Brussels", "Europe/Amsterdam", "Europe/Copenhagen",
        "Europe/Stockholm", "America/Halifax", "America/Havana",
    };
    Datum       ts;

    set_setting("timezone", "America/New_York");
    for (size_t i = 0; i < lengthof(zones); i++)
        (void) pg_tzset(zones[i]);
    ts = input("timestamptz", "2024-07-01 12:00", -1);
    ok(strcmp(output("timestamptz", ts), "2024-07-01 12:00:00-04") == 0,
       "session zone survives %d zone loads in a %s cache", (int) lengthof(zones), "bounded");
}

int
main(void)
{
    MemoryContext cxt;
    int         ncases = (int) lengthof(cases);

    MemoryContextInit();
    cxt = AllocSetContextCreate(TopMemoryContext, "datetime_test");
    printf("1..%d\n", ncases + 7 + 9 + 14 + 2);

    MemoryContextSwitchTo(cxt);
    for (int i = 0; i < ncases; i++)
    {
        const char *got = run_case_catching(&cases[i]);

        if (!ok(strcmp(got, cases[i].expected) == 0, "%s", case_name(&cases[i])))
            printf("#   expected: %s\n#        got: %s\n", cases[i].expected, got);
        MemoryContextReset(cxt);
    }
    set_setting("timezone", "UTC");
    set_setting("datestyle", "ISO, MDY");
    IntervalStyle = INTSTYLE_POSTGRES;

    test_binary_roundtrip();
    test_datestyle();
    test_timezone_setting();
    ok(CheckDateTokenTables(), "keyword tables sorted and within TOKMAXLEN; epochs agree");
    test_zone_cache_bounded();
    MemoryContextReset(cxt);
    session_timezone_name = NULL;
    free(owned_tz_name);
    return tests_failed == 0 ? 0 : 1;
}
