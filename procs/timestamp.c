/*-------------------------------------------------------------------------
 * timestamp.c
 *    The timestamp and timestamptz types: I/O (text and binary), typmod
 *    precision, comparison (also against each other), interval arithmetic
 *    with PostgreSQL's calendar rules, age(), date_trunc(), date_bin(),
 *    extract()/date_part(), AT TIME ZONE, the current-time functions and
 *    generate_series().
 *
 * Representation: int64 microseconds since 2000-01-01 00:00:00 (UTC for
 * timestamptz); DT_NOBEGIN / DT_NOEND are -infinity / infinity; finite
 * values lie in [MIN_TIMESTAMP, END_TIMESTAMP) (4714-11-24 BC to
 * 294276-12-31 AD) and every operation that leaves that range raises
 * 22008 "timestamp out of range".
 *
 * Calendar rules (PostgreSQL's): adding months keeps the day of month,
 * clamped to the month's length; adding days to a timestamptz keeps the
 * local time of day across a DST change (the offset is recomputed), while
 * the interval's time part is added as exact microseconds.  A local time
 * that falls in a DST gap is read with the offset before the gap.
 *
 * now() is the start of the current transaction and statement_timestamp()
 * the start of the current statement, both kept by storage/xact.c
 * (GetCurrentTransactionStartTimestamp); clock_timestamp() reads the clock.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <math.h>
#include <sys/time.h>

#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/funcapi.h"
#include "procs/hashfn.h"
#include "procs/numeric.h"
#include "storage/xact.h"

extern Datum hashint8(PG_FUNCTION_ARGS);
extern Datum hashint8extended(PG_FUNCTION_ARGS);

static TimestampTz timestamp2timestamptz(Timestamp timestamp);
static Timestamp timestamptz2timestamp(TimestampTz timestamp);

pg_attribute_noreturn() static void
timestamp_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
            errmsg("timestamp out of range"));
}

/* ====================================================== conversions */

void
dt2time(Timestamp jd, int *hour, int *min, int *sec, fsec_t *fsec)
{
    TimeOffset  time = jd;

    *hour = (int) (time / USECS_PER_HOUR);
    time -= (*hour) * USECS_PER_HOUR;
    *min = (int) (time / USECS_PER_MINUTE);
    time -= (*min) * USECS_PER_MINUTE;
    *sec = (int) (time / USECS_PER_SEC);
    *fsec = (fsec_t) (time - (*sec * USECS_PER_SEC));
}

TimeOffset
time2t(int hour, int min, int sec, fsec_t fsec)
{
    return ((((int64) hour * MINS_PER_HOUR + min) * SECS_PER_MINUTE) + sec) * USECS_PER_SEC + fsec;
}

/* Shift by a zone: tz seconds WEST, so dt2local(utc, tz) is local time. */
Timestamp
dt2local(Timestamp dt, int tz)
{
    return dt - (tz * USECS_PER_SEC);
}

/* Break a finite timestamp into fields (no zone conversion). */
static int
timestamp2tm_utc(Timestamp dt, struct pg_tm *tm, fsec_t *fsec)
{
    Timestamp   date;
    Timestamp   time = dt;

    TMODULO(time, date, USECS_PER_DAY);
    if (time < 0)
    {
        time += USECS_PER_DAY;
        date -= 1;
    }
    date += POSTGRES_EPOCH_JDATE;
    if (date < 0 || date > (Timestamp) INT_MAX)
        return -1;
    j2date((int) date, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
    dt2time(time, &tm->tm_hour, &tm->tm_min, &tm->tm_sec, fsec);
    return 0;
}

/*
 * Timestamp -> broken-down time.  With tzp NULL the value is taken as
 * local already (timestamp); otherwise it is a UTC instant shown in
 * attimezone (NULL: the session zone), *tzp receiving the offset (west)
 * and *tzn the abbreviation.
 */
int
timestamp2tm(Timestamp dt, int *tzp, struct pg_tm *tm, fsec_t *fsec, const char **tzn,
             pg_tz *attimezone)
{
    long        gmtoff;
    int         isdst;
    const char *abbrev;
    int64       utime;

    if (timestamp2tm_utc(dt, tm, fsec) != 0)
        return -1;
    tm->tm_wday = tm->tm_yday = 0;
    if (tzp == NULL)
    {
        tm->tm_isdst = -1;
        tm->tm_gmtoff = 0;
        tm->tm_zone = NULL;
        if (tzn != NULL)
            *tzn = NULL;
        return 0;
    }
    if (attimezone == NULL)
        attimezone = session_timezone;
    utime = (dt - *fsec) / USECS_PER_SEC +
        (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
    pg_zone_at(utime, attimezone, &gmtoff, &isdst, &abbrev);
    if (timestamp2tm_utc(dt + gmtoff * USECS_PER_SEC, tm, fsec) != 0)
        return -1;
    tm->tm_isdst = isdst;
    tm->tm_gmtoff = gmtoff;
    tm->tm_zone = abbrev;
    *tzp = -(int) gmtoff;
    if (tzn != NULL)
        *tzn = abbrev;
    return 0;
}

/* Fields -> timestamp; with tzp, the fields are local time at that offset. */
int
tm2timestamp(struct pg_tm *tm, fsec_t fsec, int *tzp, Timestamp *result)
{
    TimeOffset  date;
    TimeOffset  time;

    if (!IS_VALID_JULIAN(tm->tm_year, tm->tm_mon, tm->tm_mday))
    {
        *result = 0;
        return -1;
    }
    date = date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - POSTGRES_EPOCH_JDATE;
    time = time2t(tm->tm_hour, tm->tm_min, tm->tm_sec, fsec);
    if (__builtin_mul_overflow(date, USECS_PER_DAY, result) ||
        __builtin_add_overflow(*result, time, result))
    {
        *result = 0;
        return -1;
    }
    /* "just barely" overflow is fine except across the epoch; allow
     * 1999-12-31 24:00:00 */
    if ((*result < 0 && date > 0) || (*result > 0 && date < -1))
    {
        *result = 0;
        return -1;
    }
    if (tzp != NULL)
        *result = dt2local(*result, -(*tzp));
    if (!IS_VALID_TIMESTAMP(*result))
    {
        *result = 0;
        return -1;
    }
    return 0;
}

void
GetEpochTime(struct pg_tm *tm)
{
    memset(tm, 0, sizeof(*tm));
    tm->tm_year = 1970;
    tm->tm_mon = 1;
    tm->tm_mday = 1;
}

Timestamp
SetEpochTimestamp(void)
{
    return -(Timestamp) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * USECS_PER_DAY;
}

TimestampTz
time_t_to_timestamptz(int64 t)
{
    return (t - (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY) * USECS_PER_SEC;
}

int64
timestamptz_to_time_t(TimestampTz t)
{
    return t / USECS_PER_SEC + (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
}

TimestampTz
GetCurrentTimestamp(void)
{
    struct timeval tp;

    gettimeofday(&tp, NULL);
    return ((TimestampTz) tp.tv_sec -
            (int64) (POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY) * USECS_PER_SEC +
        tp.tv_usec;
}

/* now() broken down in the session zone. */
void
GetCurrentTimeUsec(struct pg_tm *tm, fsec_t *fsec, int *tzp)
{
    int         tz;

    if (timestamp2tm(GetCurrentTransactionStartTimestamp(), &tz, tm, fsec, NULL, NULL) != 0)
        timestamp_out_of_range();
    if (tzp != NULL)
        *tzp = tz;
}

void
GetCurrentDateTime(struct pg_tm *tm)
{
    fsec_t      fsec;

    GetCurrentTimeUsec(tm, &fsec, NULL);
}

TimestampTz
GetSQLCurrentTimestamp(int32 typmod)
{
    TimestampTz ts = GetCurrentTransactionStartTimestamp();

    if (typmod >= 0)
        AdjustTimestampForTypmod(&ts, typmod);
    return ts;
}

Timestamp
GetSQLLocalTimestamp(int32 typmod)
{
    Timestamp   ts = timestamptz2timestamp(GetCurrentTransactionStartTimestamp());

    if (typmod >= 0)
        AdjustTimestampForTypmod(&ts, typmod);
    return ts;
}

/* ISO timestamp text for messages; static buffer. */
const char *
timestamptz_to_str(TimestampTz t)
{
    static char buf[MAXDATELEN + 1];
    int         tz;
    struct pg_tm tm;
    fsec_t      fsec;
    const char *tzn;

    if (TIMESTAMP_NOT_FINITE(t))
        EncodeSpecialTimestamp(t, buf);
    else if (timestamp2tm(t, &tz, &tm, &fsec, &tzn, NULL) == 0)
        EncodeDateTime(&tm, fsec, true, tz, tzn, USE_ISO_DATES, buf);
    else
        strcpy(buf, "(timestamp out of range)");
    return buf;
}

/* ============================================================ typmod */

int32
anytimestamp_typmod_check(bool istz, int32 typmod)
{
    if (typmod < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("TIMESTAMP(%d)%s precision must not be negative",
                       typmod, (istz ? " WITH TIME ZONE" : "")));
    if (typmod > MAX_TIMESTAMP_PRECISION)
    {
        ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("TIMESTAMP(%d)%s precision reduced to maximum allowed, %d",
                       typmod, (istz ? " WITH TIME ZONE" : ""), MAX_TIMESTAMP_PRECISION));
        typmod = MAX_TIMESTAMP_PRECISION;
    }
    return typmod;
}

static int32
anytimestamp_typmodin(bool istz, AdtArray *ta)
{
    int         n;
    int32      *tl = adt_typmod_integers(ta, &n);

    if (n != 1)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid type modifier"));
    return anytimestamp_typmod_check(istz, tl[0]);
}

static char *
anytimestamp_typmodout(bool istz, int32 typmod)
{
    const char *tz = istz ? " with time zone" : " without time zone";

    if (typmod >= 0)
        return psprintf("(%d)%s", (int) typmod, tz);
    return psprintf("%s", tz);
}

/* Round to typmod fractional digits (half away from zero). */
void
AdjustTimestampForTypmod(Timestamp *time, int32 typmod)
{
    static const int64 scales[MAX_TIMESTAMP_PRECISION + 1] = {
        1000000, 100000, 10000, 1000, 100, 10, 1
    };
    static const int64 offsets[MAX_TIMESTAMP_PRECISION + 1] = {
        500000, 50000, 5000, 500, 50, 5, 0
    };

    if (!TIMESTAMP_NOT_FINITE(*time) && typmod != -1 && typmod != MAX_TIMESTAMP_PRECISION)
    {
        if (typmod < 0 || typmod > MAX_TIMESTAMP_PRECISION)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("timestamp(%d) precision must be between %d and %d",
                           typmod, 0, MAX_TIMESTAMP_PRECISION));
        if (*time >= 0)
            *time = ((*time + offsets[typmod]) / scales[typmod]) * scales[typmod];
        else
            *time = -((((-*time) + offsets[typmod]) / scales[typmod]) * scales[typmod]);
    }
}

Datum
timestamptypmodin(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(anytimestamp_typmodin(false, (AdtArray *) PG_GETARG_POINTER(0)));
}

Datum
timestamptypmodout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(anytimestamp_typmodout(false, PG_GETARG_INT32(0)));
}

Datum
timestamptztypmodin(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(anytimestamp_typmodin(true, (AdtArray *) PG_GETARG_POINTER(0)));
}

Datum
timestamptztypmodout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(anytimestamp_typmodout(true, PG_GETARG_INT32(0)));
}

Datum
timestamp_scale(PG_FUNCTION_ARGS)
{
    Timestamp   result = PG_GETARG_TIMESTAMP(0);

    AdjustTimestampForTypmod(&result, PG_GETARG_INT32(1));
    PG_RETURN_TIMESTAMP(result);
}

Datum
timestamptz_scale(PG_FUNCTION_ARGS)
{
    TimestampTz result = PG_GETARG_TIMESTAMPTZ(0);

    AdjustTimestampForTypmod(&result, PG_GETARG_INT32(1));
    PG_RETURN_TIMESTAMPTZ(result);
}

/* =============================================================== I/O */

static Timestamp
timestamp_in_common(const char *str, int32 typmod, bool withtz)
{
    const char *typname = withtz ? "timestamp with time zone" : "timestamp";
    Timestamp   result;
    fsec_t      fsec;
    struct pg_tm tm;
    int         tz, dtype, nf, dterr;
    char       *field[MAXDATEFIELDS];
    int         ftype[MAXDATEFIELDS];
    char        workbuf[MAXDATELEN + MAXDATEFIELDS];

    dterr = ParseDateTime(str, workbuf, sizeof(workbuf), field, ftype, MAXDATEFIELDS, &nf);
    if (dterr == 0)
        dterr = DecodeDateTime(field, ftype, nf, &dtype, &tm, &fsec, &tz);
    if (dterr != 0)
        DateTimeParseError(dterr, str, typname);
    switch (dtype)
    {
        case DTK_DATE:
            if (tm2timestamp(&tm, fsec, withtz ? &tz : NULL, &result) != 0)
                ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                        errmsg("timestamp out of range: \"%s\"", str));
            break;
        case DTK_EPOCH:
            result = SetEpochTimestamp();
            break;
        case DTK_LATE:
            TIMESTAMP_NOEND(result);
            break;
        case DTK_EARLY:
            TIMESTAMP_NOBEGIN(result);
            break;
        default:
            elog(ERROR, "unexpected dtype %d while parsing %s \"%s\"", dtype,
                 withtz ? "timestamptz" : "timestamp", str);
            result = 0;
    }
    AdjustTimestampForTypmod(&result, typmod);
    return result;
}

Datum
timestamp_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMP(timestamp_in_common(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), false));
}

Datum
timestamptz_in(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(timestamp_in_common(PG_GETARG_CSTRING(0), PG_GETARG_INT32(2), true));
}

Datum
timestamp_out(PG_FUNCTION_ARGS)
{
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(0);
    struct pg_tm tm;
    fsec_t      fsec;
    char        buf[MAXDATELEN + 1];

    if (TIMESTAMP_NOT_FINITE(timestamp))
        EncodeSpecialTimestamp(timestamp, buf);
    else if (timestamp2tm(timestamp, NULL, &tm, &fsec, NULL, NULL) == 0)
        EncodeDateTime(&tm, fsec, false, 0, NULL, DateStyle, buf);
    else
        timestamp_out_of_range();
    PG_RETURN_CSTRING(pstrdup(buf));
}

Datum
timestamptz_out(PG_FUNCTION_ARGS)
{
    TimestampTz dt = PG_GETARG_TIMESTAMPTZ(0);
    int         tz;
    struct pg_tm tm;
    fsec_t      fsec;
    const char *tzn;
    char        buf[MAXDATELEN + 1];

    if (TIMESTAMP_NOT_FINITE(dt))
        EncodeSpecialTimestamp(dt, buf);
    else if (timestamp2tm(dt, &tz, &tm, &fsec, &tzn, NULL) == 0)
        EncodeDateTime(&tm, fsec, true, tz, tzn, DateStyle, buf);
    else
        timestamp_out_of_range();
    PG_RETURN_CSTRING(pstrdup(buf));
}

static Timestamp
timestamp_recv_common(StringInfo buf, int32 typmod)
{
    Timestamp   timestamp = (Timestamp) pq_getmsgint64(buf);
    struct pg_tm tm;
    fsec_t      fsec;

    if (!TIMESTAMP_NOT_FINITE(timestamp) &&
        (timestamp2tm(timestamp, NULL, &tm, &fsec, NULL, NULL) != 0 ||
         !IS_VALID_TIMESTAMP(timestamp)))
        timestamp_out_of_range();
    AdjustTimestampForTypmod(&timestamp, typmod);
    return timestamp;
}

Datum
timestamp_recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMP(timestamp_recv_common((StringInfo) PG_GETARG_POINTER(0),
                                              PG_GETARG_INT32(2)));
}

Datum
timestamptz_recv(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(timestamp_recv_common((StringInfo) PG_GETARG_POINTER(0),
                                                PG_GETARG_INT32(2)));
}

Datum
timestamp_send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint64(&buf, (uint64) PG_GETARG_TIMESTAMP(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
timestamptz_send(PG_FUNCTION_ARGS)
{
    return timestamp_send(fcinfo);
}

/* ====================================================== constructors */

static Timestamp
make_timestamp_internal(int year, int month, int day, int hour, int min, double sec)
{
    struct pg_tm tm;
    TimeOffset  date, time;
    Timestamp   result;

    tm.tm_year = year;
    tm.tm_mon = month;
    tm.tm_mday = day;
    /* zero and negative years are rejected, as PostgreSQL does */
    if (ValidateDate(DTK_DATE_M, false, false, false, &tm) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                errmsg("date field value out of range: %d-%02d-%02d", year, month, day));
    if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: %d-%02d-%02d", year, month, day));
    date = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
    if (float_time_overflows(hour, min, sec))
        ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                errmsg("time field value out of range: %d:%02d:%02g", hour, min, sec));
    time = (((int64) hour * MINS_PER_HOUR + min) * SECS_PER_MINUTE) * USECS_PER_SEC +
        (int64) rint(sec * USECS_PER_SEC);
    if (__builtin_mul_overflow(date, USECS_PER_DAY, &result) ||
        __builtin_add_overflow(result, time, &result) ||
        (result < 0 && date > 0) || (result > 0 && date < -1) ||
        !IS_VALID_TIMESTAMP(result))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range: %d-%02d-%02d %d:%02d:%02g",
                       year, month, day, hour, min, sec));
    return result;
}

Datum
make_timestamp(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMP(make_timestamp_internal(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
                                                PG_GETARG_INT32(2), PG_GETARG_INT32(3),
                                                PG_GETARG_INT32(4), PG_GETARG_FLOAT8(5)));
}

Datum
make_timestamptz(PG_FUNCTION_ARGS)
{
    Timestamp   result = make_timestamp_internal(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
                                                 PG_GETARG_INT32(2), PG_GETARG_INT32(3),
                                                 PG_GETARG_INT32(4), PG_GETARG_FLOAT8(5));

    PG_RETURN_TIMESTAMPTZ(timestamp2timestamptz(result));
}

/*
 * A zone argument of AT TIME ZONE, date_trunc, make_timestamptz: a
 * numeric displacement ("+05:30"), an abbreviation ("EST"), or a zone
 * name.  Returns the offset (west) for the local time in *tm.
 */
static int
parse_sane_timezone(struct pg_tm *tm, text *zone)
{
    char        tzname[TZ_STRLEN_MAX + 1];
    int         rt, tz;

    text_to_cstring_buffer(zone, tzname, sizeof(tzname));
    if (isdigit((unsigned char) *tzname))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid input syntax for type %s: \"%s\"", "numeric time zone", tzname),
                errhint("Numeric time zones must have \"-\" or \"+\" as first character."));
    rt = DecodeTimezone(tzname, &tz);
    if (rt != 0)
    {
        char       *lowzone;
        int         type, val;
        pg_tz      *tzp;

        if (rt == DTERR_TZDISP_OVERFLOW)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("numeric time zone \"%s\" out of range", tzname));
        else if (rt != DTERR_BAD_FORMAT)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("time zone \"%s\" not recognized", tzname));
        lowzone = downcase_truncate_identifier(tzname, (int) strlen(tzname));
        type = DecodeTimezoneAbbrev(0, lowzone, &val, &tzp);
        if (type == TZ || type == DTZ)
            tz = -val;
        else if (type == DYNTZ)
            tz = DetermineTimeZoneAbbrevOffset(tm, tzname, tzp);
        else
        {
            tzp = pg_tzset(tzname);
            if (tzp == NULL)
                ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("time zone \"%s\" not recognized", tzname));
            tz = DetermineTimeZoneOffset(tm, tzp);
        }
    }
    return tz;
}

Datum
make_timestamptz_at_timezone(PG_FUNCTION_ARGS)
{
    Timestamp   timestamp = make_timestamp_internal(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
                                                    PG_GETARG_INT32(2), PG_GETARG_INT32(3),
                                                    PG_GETARG_INT32(4), PG_GETARG_FLOAT8(5));
    struct pg_tm tt;
    fsec_t      fsec;
    int         tz;
    TimestampTz result;

    if (timestamp2tm(timestamp, NULL, &tt, &fsec, NULL, NULL) != 0)
        timestamp_out_of_range();
    tz = parse_sane_timezone(&tt, PG_GETARG_TEXT_PP(6));
    result = dt2local(timestamp, -tz);
    if (!IS_VALID_TIMESTAMP(result))
        timestamp_out_of_range();
    PG_RETURN_TIMESTAMPTZ(result);
}

/* to_timestamp(double precision): Unix epoch seconds. */
Datum
float8_timestamptz(PG_FUNCTION_ARGS)
{
    float8      seconds = PG_GETARG_FLOAT8(0);
    TimestampTz result;

    if (isnan(seconds))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp cannot be NaN"));
    if (isinf(seconds))
    {
        if (seconds < 0)
            TIMESTAMP_NOBEGIN(result);
        else
            TIMESTAMP_NOEND(result);
        PG_RETURN_TIMESTAMPTZ(result);
    }
    if (seconds < (float8) SECS_PER_DAY * (DATETIME_MIN_JULIAN - UNIX_EPOCH_JDATE) ||
        seconds >= (float8) SECS_PER_DAY * (TIMESTAMP_END_JULIAN - UNIX_EPOCH_JDATE))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range: \"%g\"", seconds));
    seconds -= ((POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * (float8) SECS_PER_DAY);
    seconds = rint(seconds * USECS_PER_SEC);
    result = (int64) seconds;
    if (!IS_VALID_TIMESTAMP(result))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range: \"%g\"", PG_GETARG_FLOAT8(0)));
    PG_RETURN_TIMESTAMPTZ(result);
}

/* ==================================================== current time */

Datum
now(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(GetCurrentTransactionStartTimestamp());
}

Datum
statement_timestamp(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(GetCurrentStatementStartTimestamp());
}

Datum
clock_timestamp(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(GetCurrentTimestamp());
}

/* timeofday(): "Mon Jan 01 12:00:00.123456 2024 UTC", clock time. */
Datum
timeofday(PG_FUNCTION_ARGS)
{
    struct timeval tp;
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;
    const char *tzn;
    TimestampTz now;

    gettimeofday(&tp, NULL);
    now = time_t_to_timestamptz(tp.tv_sec);
    if (timestamp2tm(now, &tz, &tm, &fsec, &tzn, NULL) != 0)
        timestamp_out_of_range();
    PG_RETURN_TEXT_P(cstring_to_text(psprintf("%.3s %.3s %02d %02d:%02d:%02d.%06d %d %s",
                                              days[j2day(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday))],
                                              months[tm.tm_mon - 1], tm.tm_mday, tm.tm_hour,
                                              tm.tm_min, tm.tm_sec, (int) tp.tv_usec,
                                              tm.tm_year, tzn ? tzn : "")));
}

/* ======================================================= comparison */

int
timestamp_cmp_internal(Timestamp dt1, Timestamp dt2)
{
    return (dt1 < dt2) ? -1 : ((dt1 > dt2) ? 1 : 0);
}

#define TS_CMP_FN(op) PG_RETURN_BOOL(timestamp_cmp_internal(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1)) op 0)
Datum timestamp_eq(PG_FUNCTION_ARGS) { TS_CMP_FN(==); }
Datum timestamp_ne(PG_FUNCTION_ARGS) { TS_CMP_FN(!=); }
Datum timestamp_lt(PG_FUNCTION_ARGS) { TS_CMP_FN(<); }
Datum timestamp_gt(PG_FUNCTION_ARGS) { TS_CMP_FN(>); }
Datum timestamp_le(PG_FUNCTION_ARGS) { TS_CMP_FN(<=); }
Datum timestamp_ge(PG_FUNCTION_ARGS) { TS_CMP_FN(>=); }

Datum
timestamp_cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(timestamp_cmp_internal(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1)));
}

Datum
timestamp_hash(PG_FUNCTION_ARGS)
{
    return hashint8(fcinfo);
}

Datum
timestamp_hash_extended(PG_FUNCTION_ARGS)
{
    return hashint8extended(fcinfo);
}

Datum
timestamp_finite(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!TIMESTAMP_NOT_FINITE(PG_GETARG_TIMESTAMP(0)));
}

Datum
timestamp_smaller(PG_FUNCTION_ARGS)
{
    Timestamp   dt1 = PG_GETARG_TIMESTAMP(0);
    Timestamp   dt2 = PG_GETARG_TIMESTAMP(1);

    PG_RETURN_TIMESTAMP(timestamp_cmp_internal(dt1, dt2) < 0 ? dt1 : dt2);
}

Datum
timestamp_larger(PG_FUNCTION_ARGS)
{
    Timestamp   dt1 = PG_GETARG_TIMESTAMP(0);
    Timestamp   dt2 = PG_GETARG_TIMESTAMP(1);

    PG_RETURN_TIMESTAMP(timestamp_cmp_internal(dt1, dt2) > 0 ? dt1 : dt2);
}

/* timestamp vs timestamptz: the timestamp is read in the session zone; one
 * beyond the timestamptz range still sorts inside the infinities. */
static int32
timestamp_cmp_timestamptz_internal(Timestamp timestampVal, TimestampTz dt2)
{
    int         overflow;
    TimestampTz dt1 = timestamp2timestamptz_opt_overflow(timestampVal, &overflow);

    if (overflow > 0)
        return TIMESTAMP_IS_NOEND(dt2) ? -1 : +1;
    if (overflow < 0)
        return TIMESTAMP_IS_NOBEGIN(dt2) ? +1 : -1;
    return timestamp_cmp_internal(dt1, dt2);
}

#define TS_TSTZ_CMP_FN(op) PG_RETURN_BOOL(timestamp_cmp_timestamptz_internal(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMPTZ(1)) op 0)
Datum timestamp_eq_timestamptz(PG_FUNCTION_ARGS) { TS_TSTZ_CMP_FN(==); }
Datum timestamp_ne_timestamptz(PG_FUNCTION_ARGS) { TS_TSTZ_CMP_FN(!=); }
Datum timestamp_lt_timestamptz(PG_FUNCTION_ARGS) { TS_TSTZ_CMP_FN(<); }
Datum timestamp_gt_timestamptz(PG_FUNCTION_ARGS) { TS_TSTZ_CMP_FN(>); }
Datum timestamp_le_timestamptz(PG_FUNCTION_ARGS) { TS_TSTZ_CMP_FN(<=); }
Datum timestamp_ge_timestamptz(PG_FUNCTION_ARGS) { TS_TSTZ_CMP_FN(>=); }

Datum
timestamp_cmp_timestamptz(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(timestamp_cmp_timestamptz_internal(PG_GETARG_TIMESTAMP(0),
                                                       PG_GETARG_TIMESTAMPTZ(1)));
}

#define TSTZ_TS_CMP_FN(op) PG_RETURN_BOOL(-timestamp_cmp_timestamptz_internal(PG_GETARG_TIMESTAMP(1), PG_GETARG_TIMESTAMPTZ(0)) op 0)
Datum timestamptz_eq_timestamp(PG_FUNCTION_ARGS) { TSTZ_TS_CMP_FN(==); }
Datum timestamptz_ne_timestamp(PG_FUNCTION_ARGS) { TSTZ_TS_CMP_FN(!=); }
Datum timestamptz_lt_timestamp(PG_FUNCTION_ARGS) { TSTZ_TS_CMP_FN(<); }
Datum timestamptz_gt_timestamp(PG_FUNCTION_ARGS) { TSTZ_TS_CMP_FN(>); }
Datum timestamptz_le_timestamp(PG_FUNCTION_ARGS) { TSTZ_TS_CMP_FN(<=); }
Datum timestamptz_ge_timestamp(PG_FUNCTION_ARGS) { TSTZ_TS_CMP_FN(>=); }

Datum
timestamptz_cmp_timestamp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(-timestamp_cmp_timestamptz_internal(PG_GETARG_TIMESTAMP(1),
                                                        PG_GETARG_TIMESTAMPTZ(0)));
}

/* SQL OVERLAPS; shared with time (via the lt/gt functions passed in). */
Datum
overlaps_timestamp(PG_FUNCTION_ARGS)
{
    Datum       ts1 = PG_GETARG_DATUM(0), te1 = PG_GETARG_DATUM(1);
    Datum       ts2 = PG_GETARG_DATUM(2), te2 = PG_GETARG_DATUM(3);
    bool        ts1IsNull = PG_ARGISNULL(0), te1IsNull = PG_ARGISNULL(1);
    bool        ts2IsNull = PG_ARGISNULL(2), te2IsNull = PG_ARGISNULL(3);

#define TIMESTAMP_GT(t1, t2) (DatumGetTimestamp(t1) > DatumGetTimestamp(t2))
#define TIMESTAMP_LT(t1, t2) (DatumGetTimestamp(t1) < DatumGetTimestamp(t2))
    /* take ts1 as the non-null / lesser endpoint */
    if (ts1IsNull)
    {
        if (te1IsNull)
            PG_RETURN_NULL();
        ts1 = te1;
        te1IsNull = true;
    }
    else if (!te1IsNull && TIMESTAMP_GT(ts1, te1))
    {
        Datum       tt = ts1;

        ts1 = te1;
        te1 = tt;
    }
    if (ts2IsNull)
    {
        if (te2IsNull)
            PG_RETURN_NULL();
        ts2 = te2;
        te2IsNull = true;
    }
    else if (!te2IsNull && TIMESTAMP_GT(ts2, te2))
    {
        Datum       tt = ts2;

        ts2 = te2;
        te2 = tt;
    }
    if (TIMESTAMP_GT(ts1, ts2))
    {
        if (te2IsNull)
            PG_RETURN_NULL();
        if (TIMESTAMP_LT(ts1, te2))
            PG_RETURN_BOOL(true);
        if (te1IsNull)
            PG_RETURN_NULL();
        PG_RETURN_BOOL(false);
    }
    else if (TIMESTAMP_LT(ts1, ts2))
    {
        if (te1IsNull)
            PG_RETURN_NULL();
        if (TIMESTAMP_LT(ts2, te1))
            PG_RETURN_BOOL(true);
        if (te2IsNull)
            PG_RETURN_NULL();
        PG_RETURN_BOOL(false);
    }
    if (te1IsNull || te2IsNull)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(true);
#undef TIMESTAMP_GT
#undef TIMESTAMP_LT
}

/* ======================================================== arithmetic */

Datum
timestamp_mi(PG_FUNCTION_ARGS)
{
    Timestamp   dt1 = PG_GETARG_TIMESTAMP(0);
    Timestamp   dt2 = PG_GETARG_TIMESTAMP(1);
    Interval    span;

    if (TIMESTAMP_NOT_FINITE(dt1) || TIMESTAMP_NOT_FINITE(dt2))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("cannot subtract infinite timestamps"));
    if (__builtin_sub_overflow(dt1, dt2, &span.time))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("interval out of range"));
    span.month = 0;
    span.day = 0;
    /* PostgreSQL justifies hours into days here (see its comment) */
    return DirectFunctionCall1(interval_justify_hours, IntervalPGetDatum(&span));
}

/* Month arithmetic keeping the day of month, clamped to the month length. */
static void
add_months(struct pg_tm *tm, int months)
{
    tm->tm_mon += months;
    if (tm->tm_mon > MONTHS_PER_YEAR)
    {
        tm->tm_year += (tm->tm_mon - 1) / MONTHS_PER_YEAR;
        tm->tm_mon = ((tm->tm_mon - 1) % MONTHS_PER_YEAR) + 1;
    }
    else if (tm->tm_mon < 1)
    {
        tm->tm_year += tm->tm_mon / MONTHS_PER_YEAR - 1;
        tm->tm_mon = tm->tm_mon % MONTHS_PER_YEAR + MONTHS_PER_YEAR;
    }
    if (tm->tm_mday > day_tab[isleap(tm->tm_year)][tm->tm_mon - 1])
        tm->tm_mday = day_tab[isleap(tm->tm_year)][tm->tm_mon - 1];
}

/* timestamp + interval; attz non-NULL: a timestamptz in that zone. */
static Timestamp
timestamp_add_interval(Timestamp timestamp, const Interval *span, pg_tz *attz)
{
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        return timestamp;
    if (span->month != 0)
    {
        if (timestamp2tm(timestamp, attz ? &tz : NULL, &tm, &fsec, NULL, attz) != 0)
            timestamp_out_of_range();
        add_months(&tm, span->month);
        if (attz)
            tz = DetermineTimeZoneOffset(&tm, attz);
        if (tm2timestamp(&tm, fsec, attz ? &tz : NULL, &timestamp) != 0)
            timestamp_out_of_range();
    }
    if (span->day != 0)
    {
        int         julian;

        if (timestamp2tm(timestamp, attz ? &tz : NULL, &tm, &fsec, NULL, attz) != 0)
            timestamp_out_of_range();
        /* add days through the Julian day number, keeping the local time */
        if (__builtin_add_overflow(date2j(tm.tm_year, tm.tm_mon, tm.tm_mday), span->day, &julian) ||
            julian < 0)
            timestamp_out_of_range();
        j2date(julian, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
        if (attz)
            tz = DetermineTimeZoneOffset(&tm, attz);
        if (tm2timestamp(&tm, fsec, attz ? &tz : NULL, &timestamp) != 0)
            timestamp_out_of_range();
    }
    if (__builtin_add_overflow(timestamp, span->time, &timestamp) ||
        !IS_VALID_TIMESTAMP(timestamp))
        timestamp_out_of_range();
    return timestamp;
}

static Interval
negate_interval(const Interval *span)
{
    Interval    t;

    t.month = -span->month;
    t.day = -span->day;
    t.time = -span->time;
    return t;
}

Datum
timestamp_pl_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMP(timestamp_add_interval(PG_GETARG_TIMESTAMP(0),
                                               PG_GETARG_INTERVAL_P(1), NULL));
}

Datum
timestamp_mi_interval(PG_FUNCTION_ARGS)
{
    Interval    t = negate_interval(PG_GETARG_INTERVAL_P(1));

    PG_RETURN_TIMESTAMP(timestamp_add_interval(PG_GETARG_TIMESTAMP(0), &t, NULL));
}

Datum
timestamptz_pl_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(timestamp_add_interval(PG_GETARG_TIMESTAMPTZ(0),
                                                 PG_GETARG_INTERVAL_P(1), session_timezone));
}

Datum
timestamptz_mi_interval(PG_FUNCTION_ARGS)
{
    Interval    t = negate_interval(PG_GETARG_INTERVAL_P(1));

    PG_RETURN_TIMESTAMPTZ(timestamp_add_interval(PG_GETARG_TIMESTAMPTZ(0), &t,
                                                 session_timezone));
}

/* Window RANGE offsets: val <= base +/- offset (less) or >= (greater). */
static bool
in_range_timestamp_common(Timestamp val, Timestamp base, Interval *offset, bool sub,
                          bool less, pg_tz *attz)
{
    static const Interval zero = {0, 0, 0};
    Interval    t;
    Timestamp   sum;

    if (interval_cmp_internal(offset, &zero) < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
                errmsg("invalid preceding or following size in window function"));
    t = sub ? negate_interval(offset) : *offset;
    sum = timestamp_add_interval(base, &t, attz);
    return less ? (val <= sum) : (val >= sum);
}

Datum
in_range_timestamp_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(in_range_timestamp_common(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1),
                                             PG_GETARG_INTERVAL_P(2), PG_GETARG_BOOL(3),
                                             PG_GETARG_BOOL(4), NULL));
}

Datum
in_range_timestamptz_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(in_range_timestamp_common(PG_GETARG_TIMESTAMPTZ(0), PG_GETARG_TIMESTAMPTZ(1),
                                             PG_GETARG_INTERVAL_P(2), PG_GETARG_BOOL(3),
                                             PG_GETARG_BOOL(4), session_timezone));
}

/*
 * age(): the field-wise difference, borrowing from the next larger field
 * (a borrowed month counts the days of the earlier timestamp's month).
 */
static Interval *
timestamp_age_common(Timestamp dt1, Timestamp dt2, bool withtz)
{
    Interval   *result = palloc(sizeof(Interval));
    struct pg_tm tm1, tm2;
    struct pg_itm itm;
    fsec_t      fsec1, fsec2;
    int         tz1, tz2;
    int         usec, sec, min, mday, mon, year;
    int64       hour;
    bool        neg = dt1 < dt2;

    if (timestamp2tm(dt1, withtz ? &tz1 : NULL, &tm1, &fsec1, NULL, NULL) != 0 ||
        timestamp2tm(dt2, withtz ? &tz2 : NULL, &tm2, &fsec2, NULL, NULL) != 0)
        timestamp_out_of_range();
    usec = fsec1 - fsec2;
    sec = tm1.tm_sec - tm2.tm_sec;
    min = tm1.tm_min - tm2.tm_min;
    hour = tm1.tm_hour - tm2.tm_hour;
    mday = tm1.tm_mday - tm2.tm_mday;
    mon = tm1.tm_mon - tm2.tm_mon;
    year = tm1.tm_year - tm2.tm_year;
    if (neg)
    {
        usec = -usec;
        sec = -sec;
        min = -min;
        hour = -hour;
        mday = -mday;
        mon = -mon;
        year = -year;
    }
    while (usec < 0)
    {
        usec += USECS_PER_SEC;
        sec--;
    }
    while (sec < 0)
    {
        sec += SECS_PER_MINUTE;
        min--;
    }
    while (min < 0)
    {
        min += MINS_PER_HOUR;
        hour--;
    }
    while (hour < 0)
    {
        hour += HOURS_PER_DAY;
        mday--;
    }
    while (mday < 0)
    {
        if (neg)
            mday += day_tab[isleap(tm1.tm_year)][tm1.tm_mon - 1];
        else
            mday += day_tab[isleap(tm2.tm_year)][tm2.tm_mon - 1];
        mon--;
    }
    while (mon < 0)
    {
        mon += MONTHS_PER_YEAR;
        year--;
    }
    if (neg)
    {
        usec = -usec;
        sec = -sec;
        min = -min;
        hour = -hour;
        mday = -mday;
        mon = -mon;
        year = -year;
    }
    itm.tm_usec = usec;
    itm.tm_sec = sec;
    itm.tm_min = min;
    itm.tm_hour = hour;
    itm.tm_mday = mday;
    itm.tm_mon = mon;
    itm.tm_year = year;
    if (itm2interval(&itm, result) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("interval out of range"));
    return result;
}

Datum
timestamp_age(PG_FUNCTION_ARGS)
{
    PG_RETURN_INTERVAL_P(timestamp_age_common(PG_GETARG_TIMESTAMP(0), PG_GETARG_TIMESTAMP(1),
                                              false));
}

Datum
timestamptz_age(PG_FUNCTION_ARGS)
{
    PG_RETURN_INTERVAL_P(timestamp_age_common(PG_GETARG_TIMESTAMPTZ(0),
                                              PG_GETARG_TIMESTAMPTZ(1), true));
}

/* ============================================= timestamp <-> timestamptz */

TimestampTz
timestamp2timestamptz_opt_overflow(Timestamp timestamp, int *overflow)
{
    TimestampTz result;
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    if (overflow)
        *overflow = 0;
    if (TIMESTAMP_NOT_FINITE(timestamp))
        return timestamp;
    if (timestamp2tm(timestamp, NULL, &tm, &fsec, NULL, NULL) == 0)
    {
        tz = DetermineTimeZoneOffset(&tm, session_timezone);
        result = dt2local(timestamp, -tz);
        if (IS_VALID_TIMESTAMP(result))
            return result;
        if (overflow)
        {
            if (result < MIN_TIMESTAMP)
            {
                *overflow = -1;
                TIMESTAMP_NOBEGIN(result);
            }
            else
            {
                *overflow = 1;
                TIMESTAMP_NOEND(result);
            }
            return result;
        }
    }
    timestamp_out_of_range();
}

static TimestampTz
timestamp2timestamptz(Timestamp timestamp)
{
    return timestamp2timestamptz_opt_overflow(timestamp, NULL);
}

static Timestamp
timestamptz2timestamp(TimestampTz timestamp)
{
    Timestamp   result;
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        return timestamp;
    if (timestamp2tm(timestamp, &tz, &tm, &fsec, NULL, NULL) != 0 ||
        tm2timestamp(&tm, fsec, NULL, &result) != 0)
        timestamp_out_of_range();
    return result;
}

Datum
timestamp_timestamptz(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(timestamp2timestamptz(PG_GETARG_TIMESTAMP(0)));
}

Datum
timestamptz_timestamp(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMP(timestamptz2timestamp(PG_GETARG_TIMESTAMPTZ(0)));
}

/* Range subtype difference, in seconds. */
Datum
tsrange_subdiff(PG_FUNCTION_ARGS)
{
    Timestamp   v1 = PG_GETARG_TIMESTAMP(0);
    Timestamp   v2 = PG_GETARG_TIMESTAMP(1);

    PG_RETURN_FLOAT8(((float8) v1 - (float8) v2) / USECS_PER_SEC);
}

Datum
tstzrange_subdiff(PG_FUNCTION_ARGS)
{
    return tsrange_subdiff(fcinfo);
}

/* ===================================================== generate_series */

typedef struct GenerateSeriesTsState
{
    Timestamp   current;
    Timestamp   finish;
    Interval    step;
    int         step_sign;
    bool        withtz;
} GenerateSeriesTsState;

static Datum
generate_series_common(PG_FUNCTION_ARGS, bool withtz)
{
    FuncCallContext *funcctx;
    GenerateSeriesTsState *fctx;
    Timestamp   result;

    if (SRF_IS_FIRSTCALL())
    {
        static const Interval zero = {0, 0, 0};
        MemoryContext oldcontext;

        funcctx = SRF_FIRSTCALL_INIT();
        oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        fctx = palloc(sizeof(GenerateSeriesTsState));
        fctx->current = PG_GETARG_TIMESTAMP(0);
        fctx->finish = PG_GETARG_TIMESTAMP(1);
        fctx->step = *PG_GETARG_INTERVAL_P(2);
        fctx->withtz = withtz;
        fctx->step_sign = interval_cmp_internal(&fctx->step, &zero);
        if (fctx->step_sign == 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("step size cannot equal zero"));
        funcctx->user_fctx = fctx;
        MemoryContextSwitchTo(oldcontext);
    }
    funcctx = SRF_PERCALL_SETUP();
    fctx = funcctx->user_fctx;
    result = fctx->current;
    if (fctx->step_sign > 0 ? result <= fctx->finish : result >= fctx->finish)
    {
        fctx->current = timestamp_add_interval(fctx->current, &fctx->step,
                                               fctx->withtz ? session_timezone : NULL);
        SRF_RETURN_NEXT(funcctx, TimestampGetDatum(result));
    }
    SRF_RETURN_DONE(funcctx);
}

Datum
generate_series_timestamp(PG_FUNCTION_ARGS)
{
    return generate_series_common(fcinfo, false);
}

Datum
generate_series_timestamptz(PG_FUNCTION_ARGS)
{
    return generate_series_common(fcinfo, true);
}
