/*-------------------------------------------------------------------------
 * time.c
 *    The time and timetz types: the time-of-day decoder (DecodeTimeOnly),
 *    text and binary I/O, typmod precision, comparison and hashing,
 *    arithmetic with intervals (wrapping around midnight), conversions
 *    with timestamps and intervals, extract(), AT TIME ZONE for timetz,
 *    OVERLAPS, and CURRENT_TIME / LOCALTIME.
 *
 * Representation: time is int64 microseconds since midnight, 0 ..
 * 86400000000 inclusive (24:00:00 is a valid input and output); timetz
 * adds the zone offset in seconds WEST of UTC, limited to +-15:59:59.
 * Two timetz values are equal only if both the UTC instant and the zone
 * agree; they sort by UTC instant, then by zone.  A timetz input without
 * a zone takes the session zone's offset on the given date, or today.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>

#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/hashfn.h"
#include "procs/numeric.h"
#include "storage/xact.h"

extern Datum hashint8(PG_FUNCTION_ARGS);
extern Datum hashint8extended(PG_FUNCTION_ARGS);

#define TZDISP_LIMIT ((MAX_TZDISP_HOUR + 1) * SECS_PER_HOUR)

/* ======================================================= decoding */

/* Date fields for a zone that needs one: the input's, else today's. */
static int
zone_probe_date(int fmask, struct pg_tm *tm, struct pg_tm *tmp)
{
    if ((fmask & DTK_DATE_M) == 0)
        GetCurrentDateTime(tmp);
    else
    {
        if ((fmask & DTK_DATE_M) != DTK_DATE_M)
            return DTERR_BAD_FORMAT;
        tmp->tm_year = tm->tm_year;
        tmp->tm_mon = tm->tm_mon;
        tmp->tm_mday = tm->tm_mday;
    }
    tmp->tm_hour = tm->tm_hour;
    tmp->tm_min = tm->tm_min;
    tmp->tm_sec = tm->tm_sec;
    return 0;
}

/* Interpret fields as a time of day (time, timetz), possibly with a date
 * that only serves to resolve the zone's offset. */
int
DecodeTimeOnly(char **field, int *ftype, int nf, int *dtype, struct pg_tm *tm,
               fsec_t *fsec, int *tzp)
{
    int         fmask = 0, tmask, type;
    int         ptype = 0;
    int         val, dterr;
    bool        isjulian = false, is2digits = false, bc = false;
    int         mer = HR24;
    pg_tz      *namedTz = NULL;
    pg_tz      *abbrevTz = NULL;
    char       *abbrev = NULL;
    pg_tz      *valtz;

    *dtype = DTK_TIME;
    tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
    *fsec = 0;
    tm->tm_isdst = -1;
    if (tzp != NULL)
        *tzp = 0;

    for (int i = 0; i < nf; i++)
    {
        switch (ftype[i])
        {
            case DTK_DATE:
                if (tzp == NULL)
                    return DTERR_BAD_FORMAT;
                if (i == 0 && nf >= 2 && (ftype[nf - 1] == DTK_DATE || ftype[1] == DTK_TIME))
                {
                    dterr = DecodeDate(field[i], fmask, &tmask, &is2digits, tm);
                    if (dterr)
                        return dterr;
                }
                else if (isdigit((unsigned char) *field[i]))
                {
                    char       *cp;

                    if ((fmask & DTK_TIME_M) == DTK_TIME_M)
                        return DTERR_BAD_FORMAT;
                    if ((cp = strchr(field[i], '-')) == NULL)
                        return DTERR_BAD_FORMAT;
                    dterr = DecodeTimezone(cp, tzp);
                    if (dterr)
                        return dterr;
                    *cp = '\0';
                    dterr = DecodeNumberField((int) strlen(field[i]), field[i],
                                              fmask | DTK_DATE_M, &tmask, tm, fsec,
                                              &is2digits);
                    if (dterr < 0)
                        return dterr;
                    ftype[i] = dterr;
                    tmask |= DTK_M(TZ);
                }
                else
                {
                    namedTz = pg_tzset(field[i]);
                    if (!namedTz)
                        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                                errmsg("time zone \"%s\" not recognized", field[i]));
                    ftype[i] = DTK_TZ;
                    tmask = DTK_M(TZ);
                }
                break;

            case DTK_TIME:
                if (ptype != 0)
                {
                    if (ptype != DTK_TIME)
                        return DTERR_BAD_FORMAT;
                    ptype = 0;
                }
                dterr = DecodeTime(field[i], INTERVAL_FULL_RANGE, &tmask, tm, fsec);
                if (dterr)
                    return dterr;
                break;

            case DTK_TZ:
                {
                    int         tz;

                    if (tzp == NULL)
                        return DTERR_BAD_FORMAT;
                    dterr = DecodeTimezone(field[i], &tz);
                    if (dterr)
                        return dterr;
                    *tzp = tz;
                    tmask = DTK_M(TZ);
                }
                break;

            case DTK_NUMBER:
                if (ptype != 0)
                {
                    /* a date needs a zone to be useful here */
                    if ((ptype == DTK_JULIAN || ptype == DTK_YEAR || ptype == DTK_MONTH ||
                         ptype == DTK_DAY) && tzp == NULL)
                        return DTERR_BAD_FORMAT;
                    dterr = DecodeLabelledNumber(field[i], ptype, fmask, &tmask, tm, fsec,
                                                 tzp, &isjulian, &is2digits);
                    if (dterr < 0)
                        return dterr;
                    if (ptype == DTK_TIME)
                        ftype[i] = dterr;
                    ptype = 0;
                    *dtype = DTK_DATE;
                }
                else
                {
                    int         flen = (int) strlen(field[i]);
                    char       *cp = strchr(field[i], '.');

                    if (cp != NULL)
                    {
                        if (i == 0 && nf >= 2 && ftype[nf - 1] == DTK_DATE)
                        {
                            dterr = DecodeDate(field[i], fmask, &tmask, &is2digits, tm);
                            if (dterr)
                                return dterr;
                        }
                        else if (flen - strlen(cp) > 2)
                        {
                            dterr = DecodeNumberField(flen, field[i], fmask | DTK_DATE_M,
                                                      &tmask, tm, fsec, &is2digits);
                            if (dterr < 0)
                                return dterr;
                            ftype[i] = dterr;
                        }
                        else
                            return DTERR_BAD_FORMAT;
                    }
                    else if (flen > 4)
                    {
                        dterr = DecodeNumberField(flen, field[i], fmask | DTK_DATE_M,
                                                  &tmask, tm, fsec, &is2digits);
                        if (dterr < 0)
                            return dterr;
                        ftype[i] = dterr;
                    }
                    else
                    {
                        dterr = DecodeNumber(flen, field[i], false, fmask | DTK_DATE_M,
                                             &tmask, tm, fsec, &is2digits);
                        if (dterr)
                            return dterr;
                    }
                }
                break;

            case DTK_STRING:
            case DTK_SPECIAL:
                type = DecodeTimezoneAbbrev(i, field[i], &val, &valtz);
                if (type == UNKNOWN_FIELD)
                    type = DecodeSpecial(i, field[i], &val);
                else
                    val = -val;
                if (type == IGNORE_DTF)
                    continue;
                tmask = DTK_M(type);
                switch (type)
                {
                    case RESERV:
                        switch (val)
                        {
                            case DTK_NOW:
                                tmask = DTK_TIME_M;
                                *dtype = DTK_TIME;
                                GetCurrentTimeUsec(tm, fsec, NULL);
                                break;
                            case DTK_ZULU:
                                tmask = DTK_TIME_M | DTK_M(TZ);
                                *dtype = DTK_TIME;
                                tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
                                tm->tm_isdst = 0;
                                break;
                            default:
                                return DTERR_BAD_FORMAT;
                        }
                        break;
                    case DTZMOD:
                        tmask |= DTK_M(DTZ);
                        tm->tm_isdst = 1;
                        if (tzp == NULL)
                            return DTERR_BAD_FORMAT;
                        *tzp -= val;
                        break;
                    case DTZ:
                        tmask |= DTK_M(TZ);
                        tm->tm_isdst = 1;
                        if (tzp == NULL)
                            return DTERR_BAD_FORMAT;
                        *tzp = val;
                        ftype[i] = DTK_TZ;
                        break;
                    case TZ:
                        tm->tm_isdst = 0;
                        if (tzp == NULL)
                            return DTERR_BAD_FORMAT;
                        *tzp = val;
                        ftype[i] = DTK_TZ;
                        break;
                    case DYNTZ:
                        tmask |= DTK_M(TZ);
                        if (tzp == NULL)
                            return DTERR_BAD_FORMAT;
                        abbrevTz = valtz;
                        abbrev = field[i];
                        ftype[i] = DTK_TZ;
                        break;
                    case AMPM:
                        mer = val;
                        break;
                    case ADBC:
                        bc = (val == BC);
                        break;
                    case UNITS:
                        tmask = 0;
                        ptype = val;
                        break;
                    case ISOTIME:
                        /* "T": the next field must be a time */
                        tmask = 0;
                        if (i >= nf - 1 ||
                            (ftype[i + 1] != DTK_NUMBER && ftype[i + 1] != DTK_TIME &&
                             ftype[i + 1] != DTK_DATE))
                            return DTERR_BAD_FORMAT;
                        ptype = val;
                        break;
                    case UNKNOWN_FIELD:
                        namedTz = pg_tzset(field[i]);
                        if (!namedTz)
                            return DTERR_BAD_FORMAT;
                        tmask = DTK_M(TZ);
                        break;
                    default:
                        return DTERR_BAD_FORMAT;
                }
                break;

            default:
                return DTERR_BAD_FORMAT;
        }
        if (tmask & fmask)
            return DTERR_BAD_FORMAT;
        fmask |= tmask;
    }

    /* as in PostgreSQL 15, a dangling unit label is ignored */
    dterr = ValidateDate(fmask, isjulian, is2digits, bc, tm);
    if (dterr)
        return dterr;
    if (mer != HR24 && tm->tm_hour > HOURS_PER_DAY / 2)
        return DTERR_FIELD_OVERFLOW;
    if (mer == AM && tm->tm_hour == HOURS_PER_DAY / 2)
        tm->tm_hour = 0;
    else if (mer == PM && tm->tm_hour != HOURS_PER_DAY / 2)
        tm->tm_hour += HOURS_PER_DAY / 2;
    if (time_overflows(tm->tm_hour, tm->tm_min, tm->tm_sec, *fsec))
        return DTERR_FIELD_OVERFLOW;
    if ((fmask & DTK_TIME_M) != DTK_TIME_M)
        return DTERR_BAD_FORMAT;

    if (namedTz != NULL)
    {
        long        gmtoff;

        if (fmask & DTK_M(DTZMOD))
            return DTERR_BAD_FORMAT;
        if (pg_get_timezone_offset(namedTz, &gmtoff))
            *tzp = -(int) gmtoff;
        else
        {
            if ((fmask & DTK_DATE_M) != DTK_DATE_M)
                return DTERR_BAD_FORMAT;
            *tzp = DetermineTimeZoneOffset(tm, namedTz);
        }
    }
    if (abbrevTz != NULL)
    {
        struct pg_tm tt;

        if (fmask & DTK_M(DTZMOD))
            return DTERR_BAD_FORMAT;
        if ((dterr = zone_probe_date(fmask, tm, &tt)) != 0)
            return dterr;
        *tzp = DetermineTimeZoneAbbrevOffset(&tt, abbrev, abbrevTz);
        tm->tm_isdst = tt.tm_isdst;
    }
    if (tzp != NULL && !(fmask & DTK_M(TZ)))
    {
        struct pg_tm tt;

        if (fmask & DTK_M(DTZMOD))
            return DTERR_BAD_FORMAT;
        if ((dterr = zone_probe_date(fmask, tm, &tt)) != 0)
            return dterr;
        *tzp = DetermineTimeZoneOffset(&tt, session_timezone);
        tm->tm_isdst = tt.tm_isdst;
    }
    return 0;
}

/* ======================================================= field checks */

bool
time_overflows(int hour, int min, int sec, fsec_t fsec)
{
    if (hour < 0 || hour > HOURS_PER_DAY || min < 0 || min >= MINS_PER_HOUR ||
        sec < 0 || sec > SECS_PER_MINUTE || fsec < 0 || fsec > USECS_PER_SEC)
        return true;
    /* hour 24 and second 60 are allowed, but not past 24:00:00 */
    return time2t(hour, min, sec, fsec) > USECS_PER_DAY;
}

bool
float_time_overflows(int hour, int min, double sec)
{
    if (hour < 0 || hour > HOURS_PER_DAY || min < 0 || min >= MINS_PER_HOUR)
        return true;
    if (isnan(sec))
        return true;
    sec = rint(sec * USECS_PER_SEC);
    if (sec < 0 || sec > SECS_PER_MINUTE * USECS_PER_SEC)
        return true;
    return ((((int64) hour * MINS_PER_HOUR + min) * SECS_PER_MINUTE) * USECS_PER_SEC) +
        (int64) sec > USECS_PER_DAY;
}

int
tm2time(struct pg_tm *tm, fsec_t fsec, TimeADT *result)
{
    *result = time2t(tm->tm_hour, tm->tm_min, tm->tm_sec, fsec);
    return 0;
}

int
time2tm(TimeADT time, struct pg_tm *tm, fsec_t *fsec)
{
    tm->tm_hour = (int) (time / USECS_PER_HOUR);
    time -= tm->tm_hour * USECS_PER_HOUR;
    tm->tm_min = (int) (time / USECS_PER_MINUTE);
    time -= tm->tm_min * USECS_PER_MINUTE;
    tm->tm_sec = (int) (time / USECS_PER_SEC);
    time -= tm->tm_sec * USECS_PER_SEC;
    *fsec = (fsec_t) time;
    return 0;
}

int
tm2timetz(struct pg_tm *tm, fsec_t fsec, int tz, TimeTzADT *result)
{
    result->time = time2t(tm->tm_hour, tm->tm_min, tm->tm_sec, fsec);
    result->zone = tz;
    return 0;
}

int
timetz2tm(TimeTzADT *time, struct pg_tm *tm, fsec_t *fsec, int *tzp)
{
    time2tm(time->time, tm, fsec);
    if (tzp != NULL)
        *tzp = time->zone;
    return 0;
}

/* Round to typmod fractional digits; never past 24:00:00 (the rounding
 * is half up on a non-negative value). */
void
AdjustTimeForTypmod(TimeADT *time, int32 typmod)
{
    static const int64 scales[MAX_TIME_PRECISION + 1] = {
        1000000, 100000, 10000, 1000, 100, 10, 1
    };
    static const int64 offsets[MAX_TIME_PRECISION + 1] = {
        500000, 50000, 5000, 500, 50, 5, 0
    };

    if (typmod >= 0 && typmod <= MAX_TIME_PRECISION)
        *time = ((*time + offsets[typmod]) / scales[typmod]) * scales[typmod];
}

static int32
anytime_typmod_check(bool istz, int32 typmod)
{
    if (typmod < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("TIME(%d)%s precision must not be negative",
                       typmod, (istz ? " WITH TIME ZONE" : "")));
    if (typmod > MAX_TIME_PRECISION)
    {
        ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("TIME(%d)%s precision reduced to maximum allowed, %d",
                       typmod, (istz ? " WITH TIME ZONE" : ""), MAX_TIME_PRECISION));
        typmod = MAX_TIME_PRECISION;
    }
    return typmod;
}

static int32
anytime_typmodin(bool istz, AdtArray *ta)
{
    int         n;
    int32      *tl = adt_typmod_integers(ta, &n);

    if (n != 1)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid type modifier"));
    return anytime_typmod_check(istz, tl[0]);
}

static char *
anytime_typmodout(bool istz, int32 typmod)
{
    const char *tz = istz ? " with time zone" : " without time zone";

    if (typmod >= 0)
        return psprintf("(%d)%s", (int) typmod, tz);
    return psprintf("%s", tz);
}

Datum
timetypmodin(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(anytime_typmodin(false, (AdtArray *) PG_GETARG_POINTER(0)));
}

Datum
timetypmodout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(anytime_typmodout(false, PG_GETARG_INT32(0)));
}

Datum
timetztypmodin(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(anytime_typmodin(true, (AdtArray *) PG_GETARG_POINTER(0)));
}

Datum
timetztypmodout(PG_FUNCTION_ARGS)
{
    PG_RETURN_CSTRING(anytime_typmodout(true, PG_GETARG_INT32(0)));
}

/* ================================================================ time */

/* Both time and timetz input: zones are accepted (and ignored for time). */
static void
time_decode(const char *str, const char *typname, struct pg_tm *tm, fsec_t *fsec, int *tz)
{
    int         dtype, nf, dterr;
    char       *field[MAXDATEFIELDS];
    int         ftype[MAXDATEFIELDS];
    char        workbuf[MAXDATELEN + 1];

    dterr = ParseDateTime(str, workbuf, sizeof(workbuf), field, ftype, MAXDATEFIELDS, &nf);
    if (dterr == 0)
        dterr = DecodeTimeOnly(field, ftype, nf, &dtype, tm, fsec, tz);
    if (dterr != 0)
        DateTimeParseError(dterr, str, typname);
}

Datum
time_in(PG_FUNCTION_ARGS)
{
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;
    TimeADT     result;

    time_decode(PG_GETARG_CSTRING(0), "time", &tm, &fsec, &tz);
    tm2time(&tm, fsec, &result);
    AdjustTimeForTypmod(&result, PG_GETARG_INT32(2));
    PG_RETURN_TIMEADT(result);
}

Datum
time_out(PG_FUNCTION_ARGS)
{
    struct pg_tm tm;
    fsec_t      fsec;
    char        buf[MAXDATELEN + 1];

    time2tm(PG_GETARG_TIMEADT(0), &tm, &fsec);
    EncodeTimeOnly(&tm, fsec, false, 0, DateStyle, buf);
    PG_RETURN_CSTRING(pstrdup(buf));
}

Datum
time_recv(PG_FUNCTION_ARGS)
{
    TimeADT     result = (TimeADT) pq_getmsgint64((StringInfo) PG_GETARG_POINTER(0));

    if (result < 0 || result > USECS_PER_DAY)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("time out of range"));
    AdjustTimeForTypmod(&result, PG_GETARG_INT32(2));
    PG_RETURN_TIMEADT(result);
}

Datum
time_send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint64(&buf, (uint64) PG_GETARG_TIMEADT(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
time_scale(PG_FUNCTION_ARGS)
{
    TimeADT     result = PG_GETARG_TIMEADT(0);

    AdjustTimeForTypmod(&result, PG_GETARG_INT32(1));
    PG_RETURN_TIMEADT(result);
}

Datum
make_time(PG_FUNCTION_ARGS)
{
    int         tm_hour = PG_GETARG_INT32(0);
    int         tm_min = PG_GETARG_INT32(1);
    double      sec = PG_GETARG_FLOAT8(2);

    if (float_time_overflows(tm_hour, tm_min, sec))
        ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                errmsg("time field value out of range: %d:%02d:%02g", tm_hour, tm_min, sec));
    PG_RETURN_TIMEADT((((int64) tm_hour * MINS_PER_HOUR + tm_min) * SECS_PER_MINUTE) * USECS_PER_SEC +
                      (int64) rint(sec * USECS_PER_SEC));
}

/* LOCALTIME */
TimeADT
GetSQLLocalTime(int32 typmod)
{
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;
    TimeADT     result;

    GetCurrentTimeUsec(&tm, &fsec, &tz);
    tm2time(&tm, fsec, &result);
    AdjustTimeForTypmod(&result, typmod);
    return result;
}

/* CURRENT_TIME */
TimeTzADT *
GetSQLCurrentTime(int32 typmod)
{
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    GetCurrentTimeUsec(&tm, &fsec, &tz);
    tm2timetz(&tm, fsec, tz, result);
    AdjustTimeForTypmod(&result->time, typmod);
    return result;
}

#define TIME_CMP(op) PG_RETURN_BOOL(PG_GETARG_TIMEADT(0) op PG_GETARG_TIMEADT(1))
Datum time_eq(PG_FUNCTION_ARGS) { TIME_CMP(==); }
Datum time_ne(PG_FUNCTION_ARGS) { TIME_CMP(!=); }
Datum time_lt(PG_FUNCTION_ARGS) { TIME_CMP(<); }
Datum time_le(PG_FUNCTION_ARGS) { TIME_CMP(<=); }
Datum time_gt(PG_FUNCTION_ARGS) { TIME_CMP(>); }
Datum time_ge(PG_FUNCTION_ARGS) { TIME_CMP(>=); }

Datum
time_cmp(PG_FUNCTION_ARGS)
{
    TimeADT     a = PG_GETARG_TIMEADT(0);
    TimeADT     b = PG_GETARG_TIMEADT(1);

    PG_RETURN_INT32(a < b ? -1 : (a > b ? 1 : 0));
}

Datum
time_hash(PG_FUNCTION_ARGS)
{
    return hashint8(fcinfo);
}

Datum
time_hash_extended(PG_FUNCTION_ARGS)
{
    return hashint8extended(fcinfo);
}

Datum
time_larger(PG_FUNCTION_ARGS)
{
    TimeADT     a = PG_GETARG_TIMEADT(0);
    TimeADT     b = PG_GETARG_TIMEADT(1);

    PG_RETURN_TIMEADT(a > b ? a : b);
}

Datum
time_smaller(PG_FUNCTION_ARGS)
{
    TimeADT     a = PG_GETARG_TIMEADT(0);
    TimeADT     b = PG_GETARG_TIMEADT(1);

    PG_RETURN_TIMEADT(a < b ? a : b);
}

/*
 * SQL OVERLAPS for time and timetz: the comparison is passed in.  Same
 * null rules as overlaps_timestamp.
 */
static Datum
overlaps_common(FunctionCallInfo fcinfo, int (*cmp)(Datum, Datum))
{
    Datum       ts1 = PG_GETARG_DATUM(0), te1 = PG_GETARG_DATUM(1);
    Datum       ts2 = PG_GETARG_DATUM(2), te2 = PG_GETARG_DATUM(3);
    bool        ts1IsNull = PG_ARGISNULL(0), te1IsNull = PG_ARGISNULL(1);
    bool        ts2IsNull = PG_ARGISNULL(2), te2IsNull = PG_ARGISNULL(3);

    if (ts1IsNull)
    {
        if (te1IsNull)
            PG_RETURN_NULL();
        ts1 = te1;
        te1IsNull = true;
    }
    else if (!te1IsNull && cmp(ts1, te1) > 0)
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
    else if (!te2IsNull && cmp(ts2, te2) > 0)
    {
        Datum       tt = ts2;

        ts2 = te2;
        te2 = tt;
    }
    if (cmp(ts1, ts2) > 0)
    {
        if (te2IsNull)
            PG_RETURN_NULL();
        if (cmp(ts1, te2) < 0)
            PG_RETURN_BOOL(true);
        if (te1IsNull)
            PG_RETURN_NULL();
        PG_RETURN_BOOL(false);
    }
    else if (cmp(ts1, ts2) < 0)
    {
        if (te1IsNull)
            PG_RETURN_NULL();
        if (cmp(ts2, te1) < 0)
            PG_RETURN_BOOL(true);
        if (te2IsNull)
            PG_RETURN_NULL();
        PG_RETURN_BOOL(false);
    }
    if (te1IsNull || te2IsNull)
        PG_RETURN_NULL();
    PG_RETURN_BOOL(true);
}

static int
time_datum_cmp(Datum a, Datum b)
{
    TimeADT     x = DatumGetTimeADT(a), y = DatumGetTimeADT(b);

    return x < y ? -1 : (x > y ? 1 : 0);
}

Datum
overlaps_time(PG_FUNCTION_ARGS)
{
    return overlaps_common(fcinfo, time_datum_cmp);
}

Datum
timestamp_time(PG_FUNCTION_ARGS)
{
    Timestamp   timestamp = PG_GETARG_TIMESTAMP(0);
    struct pg_tm tm;
    fsec_t      fsec;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_NULL();
    if (timestamp2tm(timestamp, NULL, &tm, &fsec, NULL, NULL) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    PG_RETURN_TIMEADT(time2t(tm.tm_hour, tm.tm_min, tm.tm_sec, fsec));
}

Datum
timestamptz_time(PG_FUNCTION_ARGS)
{
    TimestampTz timestamp = PG_GETARG_TIMESTAMPTZ(0);
    struct pg_tm tm;
    int         tz;
    fsec_t      fsec;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_NULL();
    if (timestamp2tm(timestamp, &tz, &tm, &fsec, NULL, NULL) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    PG_RETURN_TIMEADT(time2t(tm.tm_hour, tm.tm_min, tm.tm_sec, fsec));
}

/* date + time -> timestamp */
Datum
datetime_timestamp(PG_FUNCTION_ARGS)
{
    Timestamp   result = date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), NULL);

    if (!TIMESTAMP_NOT_FINITE(result))
    {
        result += PG_GETARG_TIMEADT(1);
        if (!IS_VALID_TIMESTAMP(result))
            ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                    errmsg("timestamp out of range"));
    }
    PG_RETURN_TIMESTAMP(result);
}

Datum
time_interval(PG_FUNCTION_ARGS)
{
    Interval   *result = palloc(sizeof(Interval));

    result->time = PG_GETARG_TIMEADT(0);
    result->day = 0;
    result->month = 0;
    PG_RETURN_INTERVAL_P(result);
}

/* interval -> time: the time field modulo a day (months, days ignored). */
Datum
interval_time(PG_FUNCTION_ARGS)
{
    TimeADT     result = PG_GETARG_INTERVAL_P(0)->time;

    if (result >= USECS_PER_DAY)
        result -= (result / USECS_PER_DAY) * USECS_PER_DAY;
    else if (result < 0)
        result += ((-result + USECS_PER_DAY - 1) / USECS_PER_DAY) * USECS_PER_DAY;
    PG_RETURN_TIMEADT(result);
}

Datum
time_mi_time(PG_FUNCTION_ARGS)
{
    Interval   *result = palloc(sizeof(Interval));

    result->month = 0;
    result->day = 0;
    result->time = PG_GETARG_TIMEADT(0) - PG_GETARG_TIMEADT(1);
    PG_RETURN_INTERVAL_P(result);
}

/* time of day plus an interval's time part, wrapping at midnight */
static TimeADT
time_wrap(TimeADT time, int64 add)
{
    TimeADT     result = time + add;

    result -= result / USECS_PER_DAY * USECS_PER_DAY;
    if (result < 0)
        result += USECS_PER_DAY;
    return result;
}

Datum
time_pl_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMEADT(time_wrap(PG_GETARG_TIMEADT(0), PG_GETARG_INTERVAL_P(1)->time));
}

Datum
time_mi_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMEADT(time_wrap(PG_GETARG_TIMEADT(0), -PG_GETARG_INTERVAL_P(1)->time));
}

static int64
in_range_offset(Interval *offset)
{
    if (offset->time < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
                errmsg("invalid preceding or following size in window function"));
    return offset->time;
}

/* Only the interval's time part counts, and no wraparound (unlike +). */
Datum
in_range_time_interval(PG_FUNCTION_ARGS)
{
    TimeADT     val = PG_GETARG_TIMEADT(0);
    TimeADT     base = PG_GETARG_TIMEADT(1);
    int64       offset = in_range_offset(PG_GETARG_INTERVAL_P(2));
    bool        sub = PG_GETARG_BOOL(3);
    bool        less = PG_GETARG_BOOL(4);
    TimeADT     sum;

    if (sub)
        sum = base - offset;
    else if (__builtin_add_overflow(base, offset, &sum))
        PG_RETURN_BOOL(less);
    PG_RETURN_BOOL(less ? val <= sum : val >= sum);
}

static Datum
time_part_common(PG_FUNCTION_ARGS, bool retnumeric, bool withtz)
{
    text       *units = PG_GETARG_TEXT_PP(0);
    const char *tname = withtz ? "time with time zone" : "time without time zone";
    char       *lowunits = downcase_truncate_identifier(VARDATA_ANY(units),
                                                        VARSIZE_ANY_EXHDR(units));
    TimeADT     time;
    int         tz = 0;
    int64       intresult;
    int         type, val;
    fsec_t      fsec;
    struct pg_tm tm;

    if (withtz)
    {
        TimeTzADT  *t = PG_GETARG_TIMETZADT_P(1);

        time = t->time;
        tz = t->zone;
    }
    else
        time = PG_GETARG_TIMEADT(1);
    type = DecodeUnits(0, lowunits, &val);
    if (type == UNKNOWN_FIELD)
        type = DecodeSpecial(0, lowunits, &val);

    if (type == UNITS)
    {
        time2tm(time, &tm, &fsec);
        switch (val)
        {
            case DTK_TZ:
            case DTK_TZ_MINUTE:
            case DTK_TZ_HOUR:
                if (!withtz)
                    goto not_supported;
                if (val == DTK_TZ)
                    intresult = -tz;
                else if (val == DTK_TZ_MINUTE)
                    intresult = (-tz / SECS_PER_MINUTE) % MINS_PER_HOUR;
                else
                    intresult = -tz / SECS_PER_HOUR;
                break;
            case DTK_MICROSEC:
                intresult = tm.tm_sec * INT64_C(1000000) + fsec;
                break;
            case DTK_MILLISEC:
                if (retnumeric)
                    PG_RETURN_NUMERIC(int64_div_fast_to_numeric(tm.tm_sec * INT64_C(1000000) + fsec, 3));
                PG_RETURN_FLOAT8(tm.tm_sec * 1000.0 + fsec / 1000.0);
            case DTK_SECOND:
                if (retnumeric)
                    PG_RETURN_NUMERIC(int64_div_fast_to_numeric(tm.tm_sec * INT64_C(1000000) + fsec, 6));
                PG_RETURN_FLOAT8(tm.tm_sec + fsec / 1000000.0);
            case DTK_MINUTE:
                intresult = tm.tm_min;
                break;
            case DTK_HOUR:
                intresult = tm.tm_hour;
                break;
            default:
        not_supported:
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("unit \"%s\" not supported for type %s", lowunits, tname));
                intresult = 0;
        }
    }
    else if (type == RESERV && val == DTK_EPOCH)
    {
        if (retnumeric)
            PG_RETURN_NUMERIC(int64_div_fast_to_numeric(time + tz * INT64_C(1000000), 6));
        PG_RETURN_FLOAT8(time / 1000000.0 + tz);
    }
    else
    {
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("unit \"%s\" not recognized for type %s", lowunits, tname));
        intresult = 0;
    }
    if (retnumeric)
        PG_RETURN_NUMERIC(int64_to_numeric(intresult));
    PG_RETURN_FLOAT8((float8) intresult);
}

Datum
time_part(PG_FUNCTION_ARGS)
{
    return time_part_common(fcinfo, false, false);
}

Datum
extract_time(PG_FUNCTION_ARGS)
{
    return time_part_common(fcinfo, true, false);
}

/* ============================================================== timetz */

Datum
timetz_in(PG_FUNCTION_ARGS)
{
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    time_decode(PG_GETARG_CSTRING(0), "time with time zone", &tm, &fsec, &tz);
    tm2timetz(&tm, fsec, tz, result);
    AdjustTimeForTypmod(&result->time, PG_GETARG_INT32(2));
    PG_RETURN_TIMETZADT_P(result);
}

Datum
timetz_out(PG_FUNCTION_ARGS)
{
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;
    char        buf[MAXDATELEN + 1];

    timetz2tm(PG_GETARG_TIMETZADT_P(0), &tm, &fsec, &tz);
    EncodeTimeOnly(&tm, fsec, true, tz, DateStyle, buf);
    PG_RETURN_CSTRING(pstrdup(buf));
}

Datum
timetz_recv(PG_FUNCTION_ARGS)
{
    StringInfo  buf = (StringInfo) PG_GETARG_POINTER(0);
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));

    result->time = (TimeADT) pq_getmsgint64(buf);
    if (result->time < 0 || result->time > USECS_PER_DAY)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("time out of range"));
    result->zone = (int32) pq_getmsgint(buf, 4);
    if (result->zone <= -TZDISP_LIMIT || result->zone >= TZDISP_LIMIT)
        ereport(ERROR, errcode(ERRCODE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE),
                errmsg("time zone displacement out of range"));
    AdjustTimeForTypmod(&result->time, PG_GETARG_INT32(2));
    PG_RETURN_TIMETZADT_P(result);
}

Datum
timetz_send(PG_FUNCTION_ARGS)
{
    TimeTzADT  *time = PG_GETARG_TIMETZADT_P(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint64(&buf, (uint64) time->time);
    pq_sendint32(&buf, (uint32) time->zone);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

Datum
timetz_scale(PG_FUNCTION_ARGS)
{
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));

    *result = *PG_GETARG_TIMETZADT_P(0);
    AdjustTimeForTypmod(&result->time, PG_GETARG_INT32(1));
    PG_RETURN_TIMETZADT_P(result);
}

/* UTC instant first, then zone: equal only if both agree. */
static int
timetz_cmp_internal(const TimeTzADT *time1, const TimeTzADT *time2)
{
    TimeOffset  t1 = time1->time + (time1->zone * USECS_PER_SEC);
    TimeOffset  t2 = time2->time + (time2->zone * USECS_PER_SEC);

    if (t1 != t2)
        return t1 > t2 ? 1 : -1;
    if (time1->zone != time2->zone)
        return time1->zone > time2->zone ? 1 : -1;
    return 0;
}

#define TIMETZ_CMP(op) PG_RETURN_BOOL(timetz_cmp_internal(PG_GETARG_TIMETZADT_P(0), PG_GETARG_TIMETZADT_P(1)) op 0)
Datum timetz_eq(PG_FUNCTION_ARGS) { TIMETZ_CMP(==); }
Datum timetz_ne(PG_FUNCTION_ARGS) { TIMETZ_CMP(!=); }
Datum timetz_lt(PG_FUNCTION_ARGS) { TIMETZ_CMP(<); }
Datum timetz_le(PG_FUNCTION_ARGS) { TIMETZ_CMP(<=); }
Datum timetz_gt(PG_FUNCTION_ARGS) { TIMETZ_CMP(>); }
Datum timetz_ge(PG_FUNCTION_ARGS) { TIMETZ_CMP(>=); }

Datum
timetz_cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(timetz_cmp_internal(PG_GETARG_TIMETZADT_P(0), PG_GETARG_TIMETZADT_P(1)));
}

Datum
timetz_hash(PG_FUNCTION_ARGS)
{
    TimeTzADT  *key = PG_GETARG_TIMETZADT_P(0);
    uint32      thash;

    /* time and zone hashed separately (no padding bytes hashed) */
    thash = DatumGetUInt32(DirectFunctionCall1(hashint8, Int64GetDatum(key->time)));
    thash ^= DatumGetUInt32(hash_uint32((uint32) key->zone));
    PG_RETURN_UINT32(thash);
}

Datum
timetz_hash_extended(PG_FUNCTION_ARGS)
{
    TimeTzADT  *key = PG_GETARG_TIMETZADT_P(0);
    Datum       seed = PG_GETARG_DATUM(1);
    uint64      thash;

    thash = DatumGetUInt64(DirectFunctionCall2(hashint8extended, Int64GetDatum(key->time), seed));
    thash ^= DatumGetUInt64(hash_uint32_extended((uint32) key->zone, DatumGetInt64(seed)));
    PG_RETURN_INT64((int64) thash);
}

Datum
timetz_larger(PG_FUNCTION_ARGS)
{
    TimeTzADT  *a = PG_GETARG_TIMETZADT_P(0);
    TimeTzADT  *b = PG_GETARG_TIMETZADT_P(1);

    PG_RETURN_TIMETZADT_P(timetz_cmp_internal(a, b) > 0 ? a : b);
}

Datum
timetz_smaller(PG_FUNCTION_ARGS)
{
    TimeTzADT  *a = PG_GETARG_TIMETZADT_P(0);
    TimeTzADT  *b = PG_GETARG_TIMETZADT_P(1);

    PG_RETURN_TIMETZADT_P(timetz_cmp_internal(a, b) < 0 ? a : b);
}

Datum
timetz_pl_interval(PG_FUNCTION_ARGS)
{
    TimeTzADT  *time = PG_GETARG_TIMETZADT_P(0);
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));

    result->time = time_wrap(time->time, PG_GETARG_INTERVAL_P(1)->time);
    result->zone = time->zone;
    PG_RETURN_TIMETZADT_P(result);
}

Datum
timetz_mi_interval(PG_FUNCTION_ARGS)
{
    TimeTzADT  *time = PG_GETARG_TIMETZADT_P(0);
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));

    result->time = time_wrap(time->time, -PG_GETARG_INTERVAL_P(1)->time);
    result->zone = time->zone;
    PG_RETURN_TIMETZADT_P(result);
}

Datum
in_range_timetz_interval(PG_FUNCTION_ARGS)
{
    TimeTzADT  *val = PG_GETARG_TIMETZADT_P(0);
    TimeTzADT  *base = PG_GETARG_TIMETZADT_P(1);
    int64       offset = in_range_offset(PG_GETARG_INTERVAL_P(2));
    bool        sub = PG_GETARG_BOOL(3);
    bool        less = PG_GETARG_BOOL(4);
    TimeTzADT   sum;

    if (sub)
        sum.time = base->time - offset;
    else if (__builtin_add_overflow(base->time, offset, &sum.time))
        PG_RETURN_BOOL(less);
    sum.zone = base->zone;
    PG_RETURN_BOOL(less ? timetz_cmp_internal(val, &sum) <= 0 :
                   timetz_cmp_internal(val, &sum) >= 0);
}

static int
timetz_datum_cmp(Datum a, Datum b)
{
    return timetz_cmp_internal(DatumGetTimeTzADTP(a), DatumGetTimeTzADTP(b));
}

Datum
overlaps_timetz(PG_FUNCTION_ARGS)
{
    return overlaps_common(fcinfo, timetz_datum_cmp);
}

Datum
timetz_time(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMEADT(PG_GETARG_TIMETZADT_P(0)->time);
}

/* time -> timetz: today's offset of the session zone. */
Datum
time_timetz(PG_FUNCTION_ARGS)
{
    TimeADT     time = PG_GETARG_TIMEADT(0);
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));
    struct pg_tm tm;
    fsec_t      fsec;

    GetCurrentDateTime(&tm);
    time2tm(time, &tm, &fsec);
    result->time = time;
    result->zone = DetermineTimeZoneOffset(&tm, session_timezone);
    PG_RETURN_TIMETZADT_P(result);
}

Datum
timestamptz_timetz(PG_FUNCTION_ARGS)
{
    TimestampTz timestamp = PG_GETARG_TIMESTAMPTZ(0);
    TimeTzADT  *result;
    struct pg_tm tm;
    int         tz;
    fsec_t      fsec;

    if (TIMESTAMP_NOT_FINITE(timestamp))
        PG_RETURN_NULL();
    if (timestamp2tm(timestamp, &tz, &tm, &fsec, NULL, NULL) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    result = palloc(sizeof(TimeTzADT));
    tm2timetz(&tm, fsec, tz, result);
    PG_RETURN_TIMETZADT_P(result);
}

/* date + timetz -> timestamptz */
Datum
datetimetz_timestamptz(PG_FUNCTION_ARGS)
{
    DateADT     date = PG_GETARG_DATEADT(0);
    TimeTzADT  *time = PG_GETARG_TIMETZADT_P(1);
    TimestampTz result;

    if (DATE_IS_NOBEGIN(date))
        TIMESTAMP_NOBEGIN(result);
    else if (DATE_IS_NOEND(date))
        TIMESTAMP_NOEND(result);
    else
    {
        if (date >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
            ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                    errmsg("date out of range for timestamp"));
        result = date * USECS_PER_DAY + time->time + time->zone * USECS_PER_SEC;
        if (!IS_VALID_TIMESTAMP(result))
            ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                    errmsg("date out of range for timestamp"));
    }
    PG_RETURN_TIMESTAMPTZ(result);
}

Datum
timetz_part(PG_FUNCTION_ARGS)
{
    return time_part_common(fcinfo, false, true);
}

Datum
extract_timetz(PG_FUNCTION_ARGS)
{
    return time_part_common(fcinfo, true, true);
}

/* Shift a timetz into another zone (offset west), wrapping the time. */
static TimeTzADT *
timetz_shift(TimeTzADT *t, int tz)
{
    TimeTzADT  *result = palloc(sizeof(TimeTzADT));

    result->time = t->time + (t->zone - tz) * USECS_PER_SEC;
    while (result->time < 0)
        result->time += USECS_PER_DAY;
    if (result->time >= USECS_PER_DAY)
        result->time %= USECS_PER_DAY;
    result->zone = tz;
    return result;
}

/* timetz AT TIME ZONE text: a named zone's offset is the one in force at
 * the transaction start (a timetz has no date). */
Datum
timetz_zone(PG_FUNCTION_ARGS)
{
    text       *zone = PG_GETARG_TEXT_PP(0);
    TimeTzADT  *t = PG_GETARG_TIMETZADT_P(1);
    char        tzname[TZ_STRLEN_MAX + 1];
    char       *lowzone;
    int         tz, type, val;
    pg_tz      *tzp;

    text_to_cstring_buffer(zone, tzname, sizeof(tzname));
    lowzone = downcase_truncate_identifier(tzname, (int) strlen(tzname));
    type = DecodeTimezoneAbbrev(0, lowzone, &val, &tzp);
    if (type == TZ || type == DTZ)
        tz = -val;
    else if (type == DYNTZ)
    {
        int         isdst;

        tz = DetermineTimeZoneAbbrevOffsetTS(GetCurrentTransactionStartTimestamp(), tzname,
                                             tzp, &isdst);
    }
    else
    {
        struct pg_tm tm;
        fsec_t      fsec;

        tzp = pg_tzset(tzname);
        if (tzp == NULL)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("time zone \"%s\" not recognized", tzname));
        if (timestamp2tm(GetCurrentTransactionStartTimestamp(), &tz, &tm, &fsec, NULL, tzp) != 0)
            ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                    errmsg("timestamp out of range"));
    }
    PG_RETURN_TIMETZADT_P(timetz_shift(t, tz));
}

Datum
timetz_izone(PG_FUNCTION_ARGS)
{
    Interval   *zone = PG_GETARG_INTERVAL_P(0);
    TimeTzADT  *time = PG_GETARG_TIMETZADT_P(1);

    if (zone->month != 0 || zone->day != 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("interval time zone \"%s\" must not include months or days",
                       DatumGetCString(DirectFunctionCall1(interval_out, PointerGetDatum(zone)))));
    PG_RETURN_TIMETZADT_P(timetz_shift(time, (int) -(zone->time / USECS_PER_SEC)));
}
