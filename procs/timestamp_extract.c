/*-------------------------------------------------------------------------
 * timestamp_extract.c
 *    The field-level functions of timestamp and timestamptz: ISO-week
 *    calendar helpers, date_trunc() (also in a given zone), date_bin(),
 *    extract() / date_part(), and AT TIME ZONE; date_trunc() and extract()
 *    for intervals too.
 *
 * extract() returns numeric (PostgreSQL 14+) and date_part() float8; both
 * share one implementation and PostgreSQL's errors: 22023 unit "x" not
 * recognized for type ..., 0A000 unit "x" not supported for type ....
 * Infinite inputs give +-Infinity for units that grow with time (year,
 * epoch, julian, ...) and NULL for cyclic ones (month, hour, ...).
 *
 * A zone named as text (AT TIME ZONE, date_trunc's third argument) is
 * looked up first as an abbreviation ("EST": a fixed offset; "MSK": its
 * meaning at that date), then as a zone name; numeric displacements are
 * handled by make_timestamptz's parser in timestamp.c.
 *
 * ISO weeks start on Monday; week 1 is the one containing January 4.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <math.h>

#include "catalog/pg_type_oids.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/numeric.h"

pg_attribute_noreturn() static void
timestamp_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
            errmsg("timestamp out of range"));
}

pg_attribute_noreturn() static void
interval_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
            errmsg("interval out of range"));
}

/* ========================================================= ISO weeks */

int
isoweek2j(int year, int week)
{
    int         day4 = date2j(year, 1, 4);
    int         day0 = j2day(day4 - 1);     /* Monday = 0 */

    return ((week - 1) * 7) + (day4 - day0);
}

void
isoweek2date(int woy, int *year, int *mon, int *mday)
{
    j2date(isoweek2j(*year, woy), year, mon, mday);
}

void
isoweekdate2date(int isoweek, int wday, int *year, int *mon, int *mday)
{
    int         jday = isoweek2j(*year, isoweek);

    /* wday: Sunday = 1 (Gregorian week start) */
    if (wday > 1)
        jday += wday - 2;
    else
        jday += 6;
    j2date(jday, year, mon, mday);
}

/* The Monday that starts ISO week 1 of the ISO year containing dayn. */
static int
iso_year_start(int *year, int dayn)
{
    int         day4 = date2j(*year, 1, 4);
    int         start = day4 - j2day(day4 - 1);

    if (dayn < start)
    {
        (*year)--;
        day4 = date2j(*year, 1, 4);
        start = day4 - j2day(day4 - 1);
    }
    else
    {
        int         nday4 = date2j(*year + 1, 1, 4);
        int         nstart = nday4 - j2day(nday4 - 1);

        if (dayn >= nstart)
        {
            (*year)++;
            start = nstart;
        }
    }
    return start;
}

int
date2isoweek(int year, int mon, int mday)
{
    int         dayn = date2j(year, mon, mday);

    return (dayn - iso_year_start(&year, dayn)) / 7 + 1;
}

int
date2isoyear(int year, int mon, int mday)
{
    int         dayn = date2j(year, mon, mday);

    iso_year_start(&year, dayn);
    return year;
}

int
date2isoyearday(int year, int mon, int mday)
{
    return date2j(year, mon, mday) - isoweek2j(date2isoyear(year, mon, mday), 1) + 1;
}

/* ========================================================== date_trunc */

static const char *
type_name(Oid typid)
{
    switch (typid)
    {
        case TIMESTAMPOID:
            return "timestamp without time zone";
        case TIMESTAMPTZOID:
            return "timestamp with time zone";
        case INTERVALOID:
            return "interval";
        case DATEOID:
            return "date";
        case TIMEOID:
            return "time without time zone";
        default:
            return "time with time zone";
    }
}

static char *
units_text(text *units)
{
    return downcase_truncate_identifier(VARDATA_ANY(units), VARSIZE_ANY_EXHDR(units));
}

pg_attribute_noreturn() static void
unit_error(bool recognized, const char *lowunits, Oid typid)
{
    if (recognized)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("unit \"%s\" not supported for type %s", lowunits, type_name(typid)));
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("unit \"%s\" not recognized for type %s", lowunits, type_name(typid)));
    __builtin_unreachable();
}

/*
 * Truncate broken-down time to `val` units.  Returns true if the day or a
 * larger unit changed (a timestamptz must then redetermine its offset).
 */
static bool
trunc_fields(int val, struct pg_tm *tm, fsec_t *fsec, const char *lowunits, Oid typid)
{
    bool        redotz = false;

    switch (val)
    {
        case DTK_WEEK:
            {
                int         woy = date2isoweek(tm->tm_year, tm->tm_mon, tm->tm_mday);

                /* week 52/53 in January is last year's; week 1 in December next's */
                if (woy >= 52 && tm->tm_mon == 1)
                    --tm->tm_year;
                if (woy <= 1 && tm->tm_mon == MONTHS_PER_YEAR)
                    ++tm->tm_year;
                isoweek2date(woy, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
                tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
                *fsec = 0;
                return true;
            }
        case DTK_MILLENNIUM:
            /* first year of the millennium: ... -1000, 1, 1001, 2001 */
            if (tm->tm_year > 0)
                tm->tm_year = ((tm->tm_year + 999) / 1000) * 1000 - 999;
            else
                tm->tm_year = -((999 - (tm->tm_year - 1)) / 1000) * 1000 + 1;
            /* FALLTHROUGH */
        case DTK_CENTURY:
            if (tm->tm_year > 0)
                tm->tm_year = ((tm->tm_year + 99) / 100) * 100 - 99;
            else
                tm->tm_year = -((99 - (tm->tm_year - 1)) / 100) * 100 + 1;
            /* FALLTHROUGH */
        case DTK_DECADE:
            if (val != DTK_MILLENNIUM && val != DTK_CENTURY)
            {
                if (tm->tm_year > 0)
                    tm->tm_year = (tm->tm_year / 10) * 10;
                else
                    tm->tm_year = -((8 - (tm->tm_year - 1)) / 10) * 10;
            }
            /* FALLTHROUGH */
        case DTK_YEAR:
            tm->tm_mon = 1;
            /* FALLTHROUGH */
        case DTK_QUARTER:
            tm->tm_mon = (3 * ((tm->tm_mon - 1) / 3)) + 1;
            /* FALLTHROUGH */
        case DTK_MONTH:
            tm->tm_mday = 1;
            /* FALLTHROUGH */
        case DTK_DAY:
            tm->tm_hour = 0;
            redotz = true;
            /* FALLTHROUGH */
        case DTK_HOUR:
            tm->tm_min = 0;
            /* FALLTHROUGH */
        case DTK_MINUTE:
            tm->tm_sec = 0;
            /* FALLTHROUGH */
        case DTK_SECOND:
            *fsec = 0;
            break;
        case DTK_MILLISEC:
            *fsec = (*fsec / 1000) * 1000;
            break;
        case DTK_MICROSEC:
            break;
        default:
            unit_error(true, lowunits, typid);
    }
    return redotz;
}

Datum
timestamp_trunc(PG_FUNCTION_ARGS)
{
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(1);
    Timestamp   result;
    int         type, val;
    char       *lowunits;
    fsec_t      fsec;
    struct pg_tm tm;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMP(timestamp);
    lowunits = units_text(PG_GETARG_TEXT_PP(0));
    type = DecodeUnits(0, lowunits, &val);
    if (type != UNITS)
        unit_error(false, lowunits, TIMESTAMPOID);
    if (timestamp2tm(timestamp, NULL, &tm, &fsec, NULL, NULL) != 0)
        timestamp_out_of_range();
    trunc_fields(val, &tm, &fsec, lowunits, TIMESTAMPOID);
    if (tm2timestamp(&tm, fsec, NULL, &result) != 0)
        timestamp_out_of_range();
    PG_RETURN_TIMESTAMP(result);
}

static TimestampTz
timestamptz_trunc_internal(text *units, TimestampTz timestamp, pg_tz *tzp)
{
    TimestampTz result;
    int         tz, type, val;
    char       *lowunits = units_text(units);
    fsec_t      fsec;
    struct pg_tm tm;

    type = DecodeUnits(0, lowunits, &val);
    if (type != UNITS)
        unit_error(false, lowunits, TIMESTAMPTZOID);
    if (timestamp2tm(timestamp, &tz, &tm, &fsec, NULL, tzp) != 0)
        timestamp_out_of_range();
    if (trunc_fields(val, &tm, &fsec, lowunits, TIMESTAMPTZOID))
        tz = DetermineTimeZoneOffset(&tm, tzp);
    if (tm2timestamp(&tm, fsec, &tz, &result) != 0)
        timestamp_out_of_range();
    return result;
}

Datum
timestamptz_trunc(PG_FUNCTION_ARGS)
{
    TimestampTz timestamp = PG_GETARG_TIMESTAMPTZ(1);

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMPTZ(timestamp);
    PG_RETURN_TIMESTAMPTZ(timestamptz_trunc_internal(PG_GETARG_TEXT_PP(0), timestamp,
                                                     session_timezone));
}

/* A zone given as text for AT TIME ZONE / date_trunc: abbreviation first,
 * then full name.  Fixed abbreviations come back as a fixed zone. */
static pg_tz *
lookup_zone_text(text *zone, char *tzname, int *type, int *val)
{
    char       *lowzone;
    pg_tz      *tzp;

    text_to_cstring_buffer(zone, tzname, TZ_STRLEN_MAX + 1);
    lowzone = downcase_truncate_identifier(tzname, (int) strlen(tzname));
    *type = DecodeTimezoneAbbrev(0, lowzone, val, &tzp);
    if (*type == TZ || *type == DTZ || *type == DYNTZ)
        return tzp;
    tzp = pg_tzset(tzname);
    if (tzp == NULL)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("time zone \"%s\" not recognized", tzname));
    return tzp;
}

Datum
timestamptz_trunc_zone(PG_FUNCTION_ARGS)
{
    TimestampTz timestamp = PG_GETARG_TIMESTAMPTZ(1);
    char        tzname[TZ_STRLEN_MAX + 1];
    int         type, val;
    pg_tz      *tzp;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMP(timestamp);
    tzp = lookup_zone_text(PG_GETARG_TEXT_PP(2), tzname, &type, &val);
    if (type == TZ || type == DTZ)
        tzp = pg_tzset_offset(-val);
    PG_RETURN_TIMESTAMPTZ(timestamptz_trunc_internal(PG_GETARG_TEXT_PP(0), timestamp, tzp));
}

/* =========================================================== date_bin */

static Timestamp
timestamp_bin_common(Interval *stride, Timestamp timestamp, Timestamp origin)
{
    int64       stride_usecs, tm_diff, tm_delta, result;

    if (TIMESTAMP_NOT_FINITE(origin))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("origin out of range"));
    if (stride->month != 0)
        ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                errmsg("timestamps cannot be binned into intervals containing months or years"));
    if (__builtin_mul_overflow((int64) stride->day, USECS_PER_DAY, &stride_usecs) ||
        __builtin_add_overflow(stride_usecs, stride->time, &stride_usecs))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("interval out of range"));
    if (stride_usecs <= 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("stride must be greater than zero"));
    if (__builtin_sub_overflow(timestamp, origin, &tm_diff))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("interval out of range"));
    tm_delta = tm_diff - tm_diff % stride_usecs;
    /* the bin's start, even when the origin is in the future */
    if (origin > timestamp && stride_usecs > 1)
        tm_delta -= stride_usecs;
    if (__builtin_add_overflow(origin, tm_delta, &result))
        timestamp_out_of_range();
    return result;
}

Datum
timestamp_bin(PG_FUNCTION_ARGS)
{
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(1);

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMP(timestamp);
    PG_RETURN_TIMESTAMP(timestamp_bin_common(PG_GETARG_INTERVAL_P(0), timestamp,
                                             PG_GETARG_TIMESTAMP(2)));
}

Datum
timestamptz_bin(PG_FUNCTION_ARGS)
{
    return timestamp_bin(fcinfo);
}

/* ============================================== extract / date_part */

static Datum
numeric_infinity(bool negative)
{
    return DirectFunctionCall3(numeric_in, CStringGetDatum(negative ? "-Infinity" : "Infinity"),
                               ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * extract() of an infinite timestamp: +-Infinity for units that grow with
 * time, NULL (0 here) for the cyclic ones.
 */
static float8
NonFiniteTimestampTzPart(int type, int unit, char *lowunits, bool isNegative, bool isTz)
{
    Oid         typid = isTz ? TIMESTAMPTZOID : TIMESTAMPOID;

    if (type != UNITS && type != RESERV)
        unit_error(false, lowunits, typid);
    switch (unit)
    {
        case DTK_MICROSEC:
        case DTK_MILLISEC:
        case DTK_SECOND:
        case DTK_MINUTE:
        case DTK_HOUR:
        case DTK_DAY:
        case DTK_MONTH:
        case DTK_QUARTER:
        case DTK_WEEK:
        case DTK_DOW:
        case DTK_ISODOW:
        case DTK_DOY:
        case DTK_TZ:
        case DTK_TZ_MINUTE:
        case DTK_TZ_HOUR:
            return 0.0;
        case DTK_YEAR:
        case DTK_DECADE:
        case DTK_CENTURY:
        case DTK_MILLENNIUM:
        case DTK_JULIAN:
        case DTK_ISOYEAR:
        case DTK_EPOCH:
            return isNegative ? -get_float8_infinity() : get_float8_infinity();
        default:
            unit_error(true, lowunits, typid);
    }
}

/* The fields common to timestamp and timestamptz; false if unsupported. */
static bool
timestamp_field(int val, struct pg_tm *tm, fsec_t fsec, int64 *intresult)
{
    switch (val)
    {
        case DTK_MICROSEC:
            *intresult = tm->tm_sec * INT64_C(1000000) + fsec;
            return true;
        case DTK_MINUTE:
            *intresult = tm->tm_min;
            return true;
        case DTK_HOUR:
            *intresult = tm->tm_hour;
            return true;
        case DTK_DAY:
            *intresult = tm->tm_mday;
            return true;
        case DTK_MONTH:
            *intresult = tm->tm_mon;
            return true;
        case DTK_QUARTER:
            *intresult = (tm->tm_mon - 1) / 3 + 1;
            return true;
        case DTK_WEEK:
            *intresult = date2isoweek(tm->tm_year, tm->tm_mon, tm->tm_mday);
            return true;
        case DTK_YEAR:
            /* there is no year 0 */
            *intresult = tm->tm_year > 0 ? tm->tm_year : tm->tm_year - 1;
            return true;
        case DTK_DECADE:
            *intresult = tm->tm_year >= 0 ? tm->tm_year / 10 : -((8 - (tm->tm_year - 1)) / 10);
            return true;
        case DTK_CENTURY:
            /* AD c: years (c-1)*100+1 .. c*100; no century 0 */
            *intresult = tm->tm_year > 0 ? (tm->tm_year + 99) / 100 :
                -((99 - (tm->tm_year - 1)) / 100);
            return true;
        case DTK_MILLENNIUM:
            *intresult = tm->tm_year > 0 ? (tm->tm_year + 999) / 1000 :
                -((999 - (tm->tm_year - 1)) / 1000);
            return true;
        case DTK_ISOYEAR:
            *intresult = date2isoyear(tm->tm_year, tm->tm_mon, tm->tm_mday);
            if (*intresult <= 0)
                *intresult -= 1;
            return true;
        case DTK_DOW:
        case DTK_ISODOW:
            *intresult = j2day(date2j(tm->tm_year, tm->tm_mon, tm->tm_mday));
            if (val == DTK_ISODOW && *intresult == 0)
                *intresult = 7;
            return true;
        case DTK_DOY:
            *intresult = date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) -
                date2j(tm->tm_year, 1, 1) + 1;
            return true;
        default:
            return false;
    }
}

static Datum
timestamp_part_common(PG_FUNCTION_ARGS, bool retnumeric, bool withtz)
{
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(1);
    Oid         typid = withtz ? TIMESTAMPTZOID : TIMESTAMPOID;
    int64       intresult;
    int         tz, type, val;
    char       *lowunits = units_text(PG_GETARG_TEXT_PP(0));
    fsec_t      fsec;
    struct pg_tm tm;

    type = DecodeUnits(0, lowunits, &val);
    if (type == UNKNOWN_FIELD)
        type = DecodeSpecial(0, lowunits, &val);

    if (TIMESTAMP_NOT_FINITE(timestamp))
    {
        double      r = NonFiniteTimestampTzPart(type, val, lowunits,
                                                 TIMESTAMP_IS_NOBEGIN(timestamp), withtz);

        if (r == 0)
            PG_RETURN_NULL();
        if (retnumeric)
            return numeric_infinity(r < 0);
        PG_RETURN_FLOAT8(r);
    }

    if (type == UNITS)
    {
        if (timestamp2tm(timestamp, withtz ? &tz : NULL, &tm, &fsec, NULL, NULL) != 0)
            timestamp_out_of_range();
        if (timestamp_field(val, &tm, fsec, &intresult))
            ;
        else if (val == DTK_MILLISEC)
        {
            if (retnumeric)
                PG_RETURN_NUMERIC(int64_div_fast_to_numeric(tm.tm_sec * INT64_C(1000000) + fsec, 3));
            PG_RETURN_FLOAT8(tm.tm_sec * 1000.0 + fsec / 1000.0);
        }
        else if (val == DTK_SECOND)
        {
            if (retnumeric)
                PG_RETURN_NUMERIC(int64_div_fast_to_numeric(tm.tm_sec * INT64_C(1000000) + fsec, 6));
            PG_RETURN_FLOAT8(tm.tm_sec + fsec / 1000000.0);
        }
        else if (val == DTK_JULIAN)
        {
            int64       usecs = ((((int64) tm.tm_hour * MINS_PER_HOUR) + tm.tm_min) *
                                 SECS_PER_MINUTE + tm.tm_sec) * INT64_C(1000000) + fsec;

            if (retnumeric)
                PG_RETURN_NUMERIC(numeric_add_opt_error(
                    int64_to_numeric(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday)),
                    numeric_div_opt_error(int64_to_numeric(usecs),
                                          int64_to_numeric(SECS_PER_DAY * INT64_C(1000000)),
                                          NULL),
                    NULL));
            PG_RETURN_FLOAT8(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) +
                             ((((tm.tm_hour * MINS_PER_HOUR) + tm.tm_min) * SECS_PER_MINUTE) +
                              tm.tm_sec + (fsec / 1000000.0)) / (double) SECS_PER_DAY);
        }
        else if (withtz && val == DTK_TZ)
            intresult = -tz;
        else if (withtz && val == DTK_TZ_MINUTE)
            intresult = (-tz / SECS_PER_MINUTE) % MINS_PER_HOUR;
        else if (withtz && val == DTK_TZ_HOUR)
            intresult = -tz / SECS_PER_HOUR;
        else
            unit_error(true, lowunits, typid);
    }
    else if (type == RESERV)
    {
        Timestamp   epoch = SetEpochTimestamp();

        if (val != DTK_EPOCH)
            unit_error(true, lowunits, typid);
        /* (timestamp - epoch) / 1000000, avoiding overflow */
        if (retnumeric)
        {
            Numeric     result;

            if (timestamp < (PG_INT64_MAX + epoch))
                result = int64_div_fast_to_numeric(timestamp - epoch, 6);
            else
            {
                result = numeric_div_opt_error(numeric_sub_opt_error(int64_to_numeric(timestamp),
                                                                     int64_to_numeric(epoch),
                                                                     NULL),
                                               int64_to_numeric(1000000), NULL);
                result = DatumGetNumeric(DirectFunctionCall2(numeric_round,
                                                             NumericGetDatum(result),
                                                             Int32GetDatum(6)));
            }
            PG_RETURN_NUMERIC(result);
        }
        if (timestamp < (PG_INT64_MAX + epoch))
            PG_RETURN_FLOAT8((timestamp - epoch) / 1000000.0);
        PG_RETURN_FLOAT8(((float8) timestamp - epoch) / 1000000.0);
    }
    else
        unit_error(false, lowunits, typid);

    if (retnumeric)
        PG_RETURN_NUMERIC(int64_to_numeric(intresult));
    PG_RETURN_FLOAT8((float8) intresult);
}

Datum
timestamp_part(PG_FUNCTION_ARGS)
{
    return timestamp_part_common(fcinfo, false, false);
}

Datum
extract_timestamp(PG_FUNCTION_ARGS)
{
    return timestamp_part_common(fcinfo, true, false);
}

Datum
timestamptz_part(PG_FUNCTION_ARGS)
{
    return timestamp_part_common(fcinfo, false, true);
}

Datum
extract_timestamptz(PG_FUNCTION_ARGS)
{
    return timestamp_part_common(fcinfo, true, true);
}

/* ===================================================== AT TIME ZONE */

/* timestamp AT TIME ZONE zone: the local time is taken to be in zone. */
Datum
timestamp_zone(PG_FUNCTION_ARGS)
{
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(1);
    TimestampTz result;
    char        tzname[TZ_STRLEN_MAX + 1];
    int         tz, type, val;
    pg_tz      *tzp;
    struct pg_tm tm;
    fsec_t      fsec;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMPTZ(timestamp);
    tzp = lookup_zone_text(PG_GETARG_TEXT_PP(0), tzname, &type, &val);
    if (type == TZ || type == DTZ)
        result = dt2local(timestamp, val);  /* local time at an east offset */
    else
    {
        if (timestamp2tm(timestamp, NULL, &tm, &fsec, NULL, tzp) != 0)
            timestamp_out_of_range();
        if (type == DYNTZ)
        {
            tz = -DetermineTimeZoneAbbrevOffset(&tm, tzname, tzp);
            result = dt2local(timestamp, tz);
        }
        else
        {
            tz = DetermineTimeZoneOffset(&tm, tzp);
            if (tm2timestamp(&tm, fsec, &tz, &result) != 0)
                timestamp_out_of_range();
        }
    }
    if (!IS_VALID_TIMESTAMP(result))
        timestamp_out_of_range();
    PG_RETURN_TIMESTAMPTZ(result);
}

pg_attribute_noreturn() static void
interval_zone_error(Interval *zone)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("interval time zone \"%s\" must not include months or days",
                   DatumGetCString(DirectFunctionCall1(interval_out, PointerGetDatum(zone)))));
    __builtin_unreachable();
}

Datum
timestamp_izone(PG_FUNCTION_ARGS)
{
    Interval   *zone = PG_GETARG_INTERVAL_P(0);
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(1);
    TimestampTz result;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMPTZ(timestamp);
    if (zone->month != 0 || zone->day != 0)
        interval_zone_error(zone);
    result = dt2local(timestamp, (int) (zone->time / USECS_PER_SEC));
    if (!IS_VALID_TIMESTAMP(result))
        timestamp_out_of_range();
    PG_RETURN_TIMESTAMPTZ(result);
}

/* timestamptz AT TIME ZONE zone: the local time in zone. */
Datum
timestamptz_zone(PG_FUNCTION_ARGS)
{
    TimestampTz timestamp = PG_GETARG_TIMESTAMPTZ(1);
    Timestamp   result;
    char        tzname[TZ_STRLEN_MAX + 1];
    int         tz, type, val;
    pg_tz      *tzp;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMP(timestamp);
    tzp = lookup_zone_text(PG_GETARG_TEXT_PP(0), tzname, &type, &val);
    if (type == TZ || type == DTZ)
        result = dt2local(timestamp, -val);
    else if (type == DYNTZ)
    {
        int         isdst;

        tz = DetermineTimeZoneAbbrevOffsetTS(timestamp, tzname, tzp, &isdst);
        result = dt2local(timestamp, tz);
    }
    else
    {
        struct pg_tm tm;
        fsec_t      fsec;

        if (timestamp2tm(timestamp, &tz, &tm, &fsec, NULL, tzp) != 0 ||
            tm2timestamp(&tm, fsec, NULL, &result) != 0)
            timestamp_out_of_range();
    }
    if (!IS_VALID_TIMESTAMP(result))
        timestamp_out_of_range();
    PG_RETURN_TIMESTAMP(result);
}

Datum
timestamptz_izone(PG_FUNCTION_ARGS)
{
    Interval   *zone = PG_GETARG_INTERVAL_P(0);
    TimestampTz timestamp = PG_GETARG_TIMESTAMPTZ(1);
    Timestamp   result;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_TIMESTAMP(timestamp);
    if (zone->month != 0 || zone->day != 0)
        interval_zone_error(zone);
    result = dt2local(timestamp, (int) -(zone->time / USECS_PER_SEC));
    if (!IS_VALID_TIMESTAMP(result))
        timestamp_out_of_range();
    PG_RETURN_TIMESTAMP(result);
}

/* ================================================ intervals: date_trunc, extract */

Datum
interval_trunc(PG_FUNCTION_ARGS)
{
    text       *units = PG_GETARG_TEXT_PP(0);
    Interval   *interval = PG_GETARG_INTERVAL_P(1);
    Interval   *result = palloc(sizeof(Interval));
    char       *lowunits = downcase_truncate_identifier(VARDATA_ANY(units),
                                                        VARSIZE_ANY_EXHDR(units));
    int         type, val;
    struct pg_itm itm;

    type = DecodeUnits(0, lowunits, &val);
    if (type != UNITS)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("unit \"%s\" not recognized for type %s", lowunits, "interval"));
    interval2itm(*interval, &itm);
    switch (val)
    {
        case DTK_MILLENNIUM:
            itm.tm_year = (itm.tm_year / 1000) * 1000;
            /* FALLTHROUGH */
        case DTK_CENTURY:
            itm.tm_year = (itm.tm_year / 100) * 100;
            /* FALLTHROUGH */
        case DTK_DECADE:
            itm.tm_year = (itm.tm_year / 10) * 10;
            /* FALLTHROUGH */
        case DTK_YEAR:
            itm.tm_mon = 0;
            /* FALLTHROUGH */
        case DTK_QUARTER:
            itm.tm_mon = 3 * (itm.tm_mon / 3);
            /* FALLTHROUGH */
        case DTK_MONTH:
            itm.tm_mday = 0;
            /* FALLTHROUGH */
        case DTK_DAY:
            itm.tm_hour = 0;
            /* FALLTHROUGH */
        case DTK_HOUR:
            itm.tm_min = 0;
            /* FALLTHROUGH */
        case DTK_MINUTE:
            itm.tm_sec = 0;
            /* FALLTHROUGH */
        case DTK_SECOND:
            itm.tm_usec = 0;
            break;
        case DTK_MILLISEC:
            itm.tm_usec = (itm.tm_usec / 1000) * 1000;
            break;
        case DTK_MICROSEC:
            break;
        default:
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("unit \"%s\" not supported for type %s", lowunits, "interval"),
                    (val == DTK_WEEK) ? errdetail("Months usually have fractional weeks.") : 0);
    }
    if (itm2interval(&itm, result) != 0)
        interval_out_of_range();
    PG_RETURN_INTERVAL_P(result);
}

static Datum
interval_part_common(PG_FUNCTION_ARGS, bool retnumeric)
{
    text       *units = PG_GETARG_TEXT_PP(0);
    Interval   *interval = PG_GETARG_INTERVAL_P(1);
    char       *lowunits = downcase_truncate_identifier(VARDATA_ANY(units),
                                                        VARSIZE_ANY_EXHDR(units));
    int64       intresult;
    int         type, val;
    struct pg_itm itm;

    type = DecodeUnits(0, lowunits, &val);
    if (type == UNKNOWN_FIELD)
        type = DecodeSpecial(0, lowunits, &val);

    if (type == UNITS)
    {
        interval2itm(*interval, &itm);
        switch (val)
        {
            case DTK_MICROSEC:
                intresult = itm.tm_sec * INT64_C(1000000) + itm.tm_usec;
                break;
            case DTK_MILLISEC:
                if (retnumeric)
                    PG_RETURN_NUMERIC(int64_div_fast_to_numeric(itm.tm_sec * INT64_C(1000000) +
                                                                itm.tm_usec, 3));
                PG_RETURN_FLOAT8(itm.tm_sec * 1000.0 + itm.tm_usec / 1000.0);
            case DTK_SECOND:
                if (retnumeric)
                    PG_RETURN_NUMERIC(int64_div_fast_to_numeric(itm.tm_sec * INT64_C(1000000) +
                                                                itm.tm_usec, 6));
                PG_RETURN_FLOAT8(itm.tm_sec + itm.tm_usec / 1000000.0);
            case DTK_MINUTE:
                intresult = itm.tm_min;
                break;
            case DTK_HOUR:
                intresult = itm.tm_hour;
                break;
            case DTK_DAY:
                intresult = itm.tm_mday;
                break;
            case DTK_MONTH:
                intresult = itm.tm_mon;
                break;
            case DTK_QUARTER:
                intresult = (itm.tm_mon / 3) + 1;
                break;
            case DTK_YEAR:
                intresult = itm.tm_year;
                break;
            case DTK_DECADE:
                intresult = itm.tm_year / 10;
                break;
            case DTK_CENTURY:
                intresult = itm.tm_year / 100;
                break;
            case DTK_MILLENNIUM:
                intresult = itm.tm_year / 1000;
                break;
            default:
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("unit \"%s\" not supported for type %s", lowunits, "interval"));
                intresult = 0;
        }
    }
    else if (type == RESERV && val == DTK_EPOCH)
    {
        if (retnumeric)
        {
            /* 4x to keep DAYS_PER_YEAR (365.25) integral */
            int64       secs_from_day_month =
                ((int64) (4 * DAYS_PER_YEAR) * (interval->month / MONTHS_PER_YEAR) +
                 (int64) (4 * DAYS_PER_MONTH) * (interval->month % MONTHS_PER_YEAR) +
                 (int64) 4 * interval->day) * (SECS_PER_DAY / 4);
            int64       v;

            if (!__builtin_mul_overflow(secs_from_day_month, INT64_C(1000000), &v) &&
                !__builtin_add_overflow(v, interval->time, &v))
                PG_RETURN_NUMERIC(int64_div_fast_to_numeric(v, 6));
            PG_RETURN_NUMERIC(numeric_add_opt_error(int64_div_fast_to_numeric(interval->time, 6),
                                                    int64_to_numeric(secs_from_day_month), NULL));
        }
        else
        {
            float8      result = interval->time / 1000000.0;

            result += ((double) DAYS_PER_YEAR * SECS_PER_DAY) * (interval->month / MONTHS_PER_YEAR);
            result += ((double) DAYS_PER_MONTH * SECS_PER_DAY) * (interval->month % MONTHS_PER_YEAR);
            result += ((double) SECS_PER_DAY) * interval->day;
            PG_RETURN_FLOAT8(result);
        }
    }
    else
    {
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("unit \"%s\" not recognized for type %s", lowunits, "interval"));
        intresult = 0;
    }
    if (retnumeric)
        PG_RETURN_NUMERIC(int64_to_numeric(intresult));
    PG_RETURN_FLOAT8((float8) intresult);
}

Datum
interval_part(PG_FUNCTION_ARGS)
{
    return interval_part_common(fcinfo, false);
}

Datum
extract_interval(PG_FUNCTION_ARGS)
{
    return interval_part_common(fcinfo, true);
}
