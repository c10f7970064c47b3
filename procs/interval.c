/*-------------------------------------------------------------------------
 * interval.c
 *    The interval type: text input (PostgreSQL's unit syntax, SQL
 *    year-month / day-time literals and ISO 8601 durations), output in
 *    every IntervalStyle, binary I/O, typmods (INTERVAL DAY TO SECOND(3)
 *    ...), comparison and hashing, arithmetic, justify_*, make_interval
 *    and the avg(interval) support.  date_trunc() and extract() for
 *    intervals live with the other field functions in timestamp_extract.c.
 *
 * Representation: { int64 time (microseconds); int32 day; int32 month }.
 * The fields are independent and each may have either sign ("1 mon -1
 * day" is a distinct value).  For ordering, equality and hashing an
 * interval is linearized as month * 30 days + day * 24 hours + time, in
 * 128 bits, so '1 mon' = '30 days' = '720 hours', exactly as PostgreSQL.
 * Any arithmetic that leaves a field's range raises 22008 "interval out
 * of range"; input whose fields overflow raises 22015 "interval field
 * value out of range".
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
#include "procs/numeric.h"

extern Datum hashint8(PG_FUNCTION_ARGS);
extern Datum hashint8extended(PG_FUNCTION_ARGS);

#define TS_PREC_INV 1000000.0
#define TSROUND(j) (rint(((double) (j)) * TS_PREC_INV) / TS_PREC_INV)
#define FLOAT8_FITS_IN_INT32(num) \
    ((num) >= (float8) PG_INT32_MIN && (num) < -((float8) PG_INT32_MIN))
#define FLOAT8_FITS_IN_INT64(num) \
    ((num) >= (float8) PG_INT64_MIN && (num) < -((float8) PG_INT64_MIN))

pg_attribute_noreturn() static void
interval_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
            errmsg("interval out of range"));
}

/* ============================================================ intervals */

static bool
multiply_add(int64 val, int64 multiplier, int64 *sum)
{
    int64       product;

    return !__builtin_mul_overflow(val, multiplier, &product) &&
        !__builtin_add_overflow(*sum, product, sum);
}

/* frac * scale microseconds, rounded, added to tm_usec (|frac| < 1). */
static bool
AdjustFractMicroseconds(double frac, int64 scale, struct pg_itm_in *itm_in)
{
    int64       usec;

    if (frac == 0)
        return true;
    frac *= scale;
    usec = (int64) frac;
    frac -= usec;
    if (frac > 0.5)
        usec++;
    else if (frac < -0.5)
        usec--;
    return !__builtin_add_overflow(itm_in->tm_usec, usec, &itm_in->tm_usec);
}

static bool
AdjustFractDays(double frac, int scale, struct pg_itm_in *itm_in)
{
    int         extra_days;

    if (frac == 0)
        return true;
    frac *= scale;
    extra_days = (int) frac;
    if (__builtin_add_overflow(itm_in->tm_mday, extra_days, &itm_in->tm_mday))
        return false;
    frac -= extra_days;
    return AdjustFractMicroseconds(frac, USECS_PER_DAY, itm_in);
}

static bool
AdjustFractYears(double frac, int scale, struct pg_itm_in *itm_in)
{
    int         extra_months = (int) rint(frac * scale * MONTHS_PER_YEAR);

    return !__builtin_add_overflow(itm_in->tm_mon, extra_months, &itm_in->tm_mon);
}

static bool
AdjustMicroseconds(int64 val, double fval, int64 scale, struct pg_itm_in *itm_in)
{
    return multiply_add(val, scale, &itm_in->tm_usec) &&
        AdjustFractMicroseconds(fval, scale, itm_in);
}

static bool
AdjustDays(int64 val, int scale, struct pg_itm_in *itm_in)
{
    int         d;

    return val >= INT_MIN && val <= INT_MAX &&
        !__builtin_mul_overflow((int32) val, scale, &d) &&
        !__builtin_add_overflow(itm_in->tm_mday, d, &itm_in->tm_mday);
}

static bool
AdjustMonths(int64 val, struct pg_itm_in *itm_in)
{
    return val >= INT_MIN && val <= INT_MAX &&
        !__builtin_add_overflow(itm_in->tm_mon, (int32) val, &itm_in->tm_mon);
}

static bool
AdjustYears(int64 val, int scale, struct pg_itm_in *itm_in)
{
    int         y;

    return val >= INT_MIN && val <= INT_MAX &&
        !__builtin_mul_overflow((int32) val, scale, &y) &&
        !__builtin_add_overflow(itm_in->tm_year, y, &itm_in->tm_year);
}

static int
DecodeTimeForInterval(char *str, int range, int *tmask, struct pg_itm_in *itm_in)
{
    int64       hour;
    int         min, sec;
    fsec_t      fsec;
    int         dterr = DecodeTimeCommon(str, range, tmask, &hour, &min, &sec, &fsec);

    if (dterr)
        return dterr;
    itm_in->tm_usec = fsec;
    if (!multiply_add(hour, USECS_PER_HOUR, &itm_in->tm_usec) ||
        !multiply_add(min, USECS_PER_MINUTE, &itm_in->tm_usec) ||
        !multiply_add(sec, USECS_PER_SEC, &itm_in->tm_usec))
        return DTERR_FIELD_OVERFLOW;
    return 0;
}

/*
 * Interpret fields as an interval.  Fields are read right to left so that
 * a unit word applies to the number before it; a number without a unit
 * takes the smallest field allowed by the typmod range (seconds by
 * default), and "hh:mm:ss" makes a preceding bare number mean days.
 */
int
DecodeInterval(char **field, int *ftype, int nf, int range, int *dtype,
               struct pg_itm_in *itm_in)
{
    bool        force_negative = false;
    bool        is_before = false;
    char       *cp;
    int         fmask = 0, tmask, type, uval;
    int         dterr;
    int64       val;
    double      fval;

    *dtype = DTK_DELTA;
    type = IGNORE_DTF;
    memset(itm_in, 0, sizeof(*itm_in));

    /* SQL standard: a leading '-' negates every field unless others are signed */
    if (IntervalStyle == INTSTYLE_SQL_STANDARD && nf > 0 && *field[0] == '-')
    {
        force_negative = true;
        for (int i = 1; i < nf; i++)
        {
            if (*field[i] == '-' || *field[i] == '+')
            {
                force_negative = false;
                break;
            }
        }
    }

    for (int i = nf - 1; i >= 0; i--)
    {
        switch (ftype[i])
        {
            case DTK_TIME:
                dterr = DecodeTimeForInterval(field[i], range, &tmask, itm_in);
                if (dterr)
                    return dterr;
                if (force_negative && itm_in->tm_usec > 0)
                    itm_in->tm_usec = -itm_in->tm_usec;
                type = DTK_DAY;
                break;

            case DTK_TZ:
                /* signed hh:mm[:ss] is a signed time */
                if (strchr(field[i] + 1, ':') != NULL &&
                    DecodeTimeForInterval(field[i] + 1, range, &tmask, itm_in) == 0)
                {
                    if (*field[i] == '-')
                    {
                        if (itm_in->tm_usec == PG_INT64_MIN)
                            return DTERR_FIELD_OVERFLOW;
                        itm_in->tm_usec = -itm_in->tm_usec;
                    }
                    if (force_negative && itm_in->tm_usec > 0)
                        itm_in->tm_usec = -itm_in->tm_usec;
                    type = DTK_DAY;
                    break;
                }
                /* else a signed number or year-month */
                /* FALLTHROUGH */
            case DTK_DATE:
            case DTK_NUMBER:
                if (type == IGNORE_DTF)
                {
                    switch (range)
                    {
                        case INTERVAL_MASK(YEAR):
                            type = DTK_YEAR;
                            break;
                        case INTERVAL_MASK(MONTH):
                        case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
                            type = DTK_MONTH;
                            break;
                        case INTERVAL_MASK(DAY):
                            type = DTK_DAY;
                            break;
                        case INTERVAL_MASK(HOUR):
                        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
                            type = DTK_HOUR;
                            break;
                        case INTERVAL_MASK(MINUTE):
                        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
                        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
                            type = DTK_MINUTE;
                            break;
                        default:
                            type = DTK_SECOND;
                            break;
                    }
                }
                errno = 0;
                val = strtoll(field[i], &cp, 10);
                if (errno == ERANGE)
                    return DTERR_FIELD_OVERFLOW;
                if (*cp == '-')
                {
                    /* SQL "years-months" */
                    int         val2 = dt_strtoint(cp + 1, &cp, 10);

                    if (errno == ERANGE || val2 < 0 || val2 >= MONTHS_PER_YEAR)
                        return DTERR_FIELD_OVERFLOW;
                    if (*cp != '\0')
                        return DTERR_BAD_FORMAT;
                    type = DTK_MONTH;
                    if (*field[i] == '-')
                        val2 = -val2;
                    if (__builtin_mul_overflow(val, (int64) MONTHS_PER_YEAR, &val) ||
                        __builtin_add_overflow(val, (int64) val2, &val))
                        return DTERR_FIELD_OVERFLOW;
                    fval = 0;
                }
                else if (*cp == '.')
                {
                    dterr = ParseFraction(cp, &fval);
                    if (dterr)
                        return dterr;
                    if (*field[i] == '-')
                        fval = -fval;
                }
                else if (*cp == '\0')
                    fval = 0;
                else
                    return DTERR_BAD_FORMAT;

                tmask = 0;
                if (force_negative)
                {
                    if (val > 0)
                        val = -val;
                    if (fval > 0)
                        fval = -fval;
                }
                switch (type)
                {
                    case DTK_MICROSEC:
                        if (!AdjustMicroseconds(val, fval, 1, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(MICROSECOND);
                        break;
                    case DTK_MILLISEC:
                        if (!AdjustMicroseconds(val, fval, 1000, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(MILLISECOND);
                        break;
                    case DTK_SECOND:
                        if (!AdjustMicroseconds(val, fval, USECS_PER_SEC, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        /* a fraction also counts as milli- and microseconds */
                        tmask = (fval == 0) ? DTK_M(SECOND) : DTK_ALL_SECS_M;
                        break;
                    case DTK_MINUTE:
                        if (!AdjustMicroseconds(val, fval, USECS_PER_MINUTE, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(MINUTE);
                        break;
                    case DTK_HOUR:
                        if (!AdjustMicroseconds(val, fval, USECS_PER_HOUR, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(HOUR);
                        type = DTK_DAY;     /* for the next field */
                        break;
                    case DTK_DAY:
                        if (!AdjustDays(val, 1, itm_in) ||
                            !AdjustFractMicroseconds(fval, USECS_PER_DAY, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(DAY);
                        break;
                    case DTK_WEEK:
                        if (!AdjustDays(val, 7, itm_in) || !AdjustFractDays(fval, 7, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(WEEK);
                        break;
                    case DTK_MONTH:
                        if (!AdjustMonths(val, itm_in) ||
                            !AdjustFractDays(fval, DAYS_PER_MONTH, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(MONTH);
                        break;
                    case DTK_YEAR:
                        if (!AdjustYears(val, 1, itm_in) || !AdjustFractYears(fval, 1, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(YEAR);
                        break;
                    case DTK_DECADE:
                        if (!AdjustYears(val, 10, itm_in) || !AdjustFractYears(fval, 10, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(DECADE);
                        break;
                    case DTK_CENTURY:
                        if (!AdjustYears(val, 100, itm_in) || !AdjustFractYears(fval, 100, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(CENTURY);
                        break;
                    case DTK_MILLENNIUM:
                        if (!AdjustYears(val, 1000, itm_in) ||
                            !AdjustFractYears(fval, 1000, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        tmask = DTK_M(MILLENNIUM);
                        break;
                    default:
                        return DTERR_BAD_FORMAT;
                }
                break;

            case DTK_STRING:
            case DTK_SPECIAL:
                type = DecodeUnits(i, field[i], &uval);
                if (type == IGNORE_DTF)
                    continue;
                tmask = 0;
                switch (type)
                {
                    case UNITS:
                        type = uval;
                        break;
                    case AGO:
                        is_before = true;
                        type = uval;
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

    if (fmask == 0)
        return DTERR_BAD_FORMAT;
    if (is_before)
    {
        if (itm_in->tm_usec == PG_INT64_MIN || itm_in->tm_mday == INT_MIN ||
            itm_in->tm_mon == INT_MIN || itm_in->tm_year == INT_MIN)
            return DTERR_FIELD_OVERFLOW;
        itm_in->tm_usec = -itm_in->tm_usec;
        itm_in->tm_mday = -itm_in->tm_mday;
        itm_in->tm_mon = -itm_in->tm_mon;
        itm_in->tm_year = -itm_in->tm_year;
    }
    return 0;
}

/* A number of an ISO 8601 interval: integer part and fraction (|f| < 1). */
static int
ParseISO8601Number(char *str, char **endptr, int64 *ipart, double *fpart)
{
    double      val;

    if (!(isdigit((unsigned char) *str) || *str == '-' || *str == '.'))
        return DTERR_BAD_FORMAT;
    errno = 0;
    val = strtod(str, endptr);
    if (*endptr == str || errno != 0)
        return DTERR_BAD_FORMAT;
    if (isnan(val) || val < -1.0e15 || val > 1.0e15)
        return DTERR_FIELD_OVERFLOW;
    *ipart = (val >= 0) ? (int64) floor(val) : (int64) -floor(-val);
    *fpart = val - *ipart;
    return 0;
}

static int
ISO8601IntegerWidth(const char *fieldstart)
{
    if (*fieldstart == '-')
        fieldstart++;
    return (int) strspn(fieldstart, "0123456789");
}

/*
 * "P1Y2M3DT4H5M6S" (designators; W may mix with other units and any field
 * may have a fraction) and the alternative formats "P0001-02-03T04:05:06"
 * / "P00010203T040506".
 */
int
DecodeISO8601Interval(char *str, int *dtype, struct pg_itm_in *itm_in)
{
    bool        datepart = true;
    bool        havefield = false;

    *dtype = DTK_DELTA;
    memset(itm_in, 0, sizeof(*itm_in));
    if (strlen(str) < 2 || str[0] != 'P')
        return DTERR_BAD_FORMAT;
    str++;
    while (*str)
    {
        char       *fieldstart;
        int64       val;
        double      fval;
        char        unit;
        int         dterr;

        if (*str == 'T')
        {
            datepart = false;
            havefield = false;
            str++;
            continue;
        }
        fieldstart = str;
        dterr = ParseISO8601Number(str, &str, &val, &fval);
        if (dterr)
            return dterr;
        unit = *str++;          /* may step past the NUL: every case below
                                 * returns or continues when unit == '\0' */
        if (datepart)
        {
            switch (unit)
            {
                case 'Y':
                    if (!AdjustYears(val, 1, itm_in) || !AdjustFractYears(fval, 1, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case 'M':
                    if (!AdjustMonths(val, itm_in) || !AdjustFractDays(fval, DAYS_PER_MONTH, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case 'W':
                    if (!AdjustDays(val, 7, itm_in) || !AdjustFractDays(fval, 7, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case 'D':
                    if (!AdjustDays(val, 1, itm_in) ||
                        !AdjustFractMicroseconds(fval, USECS_PER_DAY, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case 'T':
                case '\0':
                    if (ISO8601IntegerWidth(fieldstart) == 8 && !havefield)
                    {
                        /* basic alternative format yyyymmdd */
                        if (!AdjustYears(val / 10000, 1, itm_in) ||
                            !AdjustMonths((val / 100) % 100, itm_in) ||
                            !AdjustDays(val % 100, 1, itm_in) ||
                            !AdjustFractMicroseconds(fval, USECS_PER_DAY, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        if (unit == '\0')
                            return 0;
                        datepart = false;
                        havefield = false;
                        continue;
                    }
                    /* FALLTHROUGH */
                case '-':
                    /* extended alternative format yyyy-mm-dd */
                    if (havefield)
                        return DTERR_BAD_FORMAT;
                    if (!AdjustYears(val, 1, itm_in) || !AdjustFractYears(fval, 1, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    if (unit == '\0')
                        return 0;
                    if (unit == 'T')
                    {
                        datepart = false;
                        havefield = false;
                        continue;
                    }
                    dterr = ParseISO8601Number(str, &str, &val, &fval);
                    if (dterr)
                        return dterr;
                    if (!AdjustMonths(val, itm_in) || !AdjustFractDays(fval, DAYS_PER_MONTH, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    if (*str == '\0')
                        return 0;
                    if (*str == 'T')
                    {
                        datepart = false;
                        havefield = false;
                        continue;
                    }
                    if (*str != '-')
                        return DTERR_BAD_FORMAT;
                    str++;
                    dterr = ParseISO8601Number(str, &str, &val, &fval);
                    if (dterr)
                        return dterr;
                    if (!AdjustDays(val, 1, itm_in) ||
                        !AdjustFractMicroseconds(fval, USECS_PER_DAY, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    if (*str == '\0')
                        return 0;
                    if (*str == 'T')
                    {
                        datepart = false;
                        havefield = false;
                        continue;
                    }
                    return DTERR_BAD_FORMAT;
                default:
                    return DTERR_BAD_FORMAT;
            }
        }
        else
        {
            switch (unit)
            {
                case 'H':
                    if (!AdjustMicroseconds(val, fval, USECS_PER_HOUR, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case 'M':
                    if (!AdjustMicroseconds(val, fval, USECS_PER_MINUTE, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case 'S':
                    if (!AdjustMicroseconds(val, fval, USECS_PER_SEC, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    break;
                case '\0':
                    if (ISO8601IntegerWidth(fieldstart) == 6 && !havefield)
                    {
                        /* basic alternative format hhmmss */
                        if (!AdjustMicroseconds(val / 10000, 0, USECS_PER_HOUR, itm_in) ||
                            !AdjustMicroseconds((val / 100) % 100, 0, USECS_PER_MINUTE, itm_in) ||
                            !AdjustMicroseconds(val % 100, 0, USECS_PER_SEC, itm_in) ||
                            !AdjustFractMicroseconds(fval, 1, itm_in))
                            return DTERR_FIELD_OVERFLOW;
                        return 0;
                    }
                    /* FALLTHROUGH */
                case ':':
                    if (havefield)
                        return DTERR_BAD_FORMAT;
                    if (!AdjustMicroseconds(val, fval, USECS_PER_HOUR, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    if (unit == '\0')
                        return 0;
                    dterr = ParseISO8601Number(str, &str, &val, &fval);
                    if (dterr)
                        return dterr;
                    if (!AdjustMicroseconds(val, fval, USECS_PER_MINUTE, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    if (*str == '\0')
                        return 0;
                    if (*str != ':')
                        return DTERR_BAD_FORMAT;
                    str++;
                    dterr = ParseISO8601Number(str, &str, &val, &fval);
                    if (dterr)
                        return dterr;
                    if (!AdjustMicroseconds(val, fval, USECS_PER_SEC, itm_in))
                        return DTERR_FIELD_OVERFLOW;
                    if (*str == '\0')
                        return 0;
                    return DTERR_BAD_FORMAT;
                default:
                    return DTERR_BAD_FORMAT;
            }
        }
        havefield = true;
    }
    return 0;
}


/* ======================================================= conversions */

void
interval2itm(Interval span, struct pg_itm *itm)
{
    int64       time = span.time;
    int64       tfrac;

    itm->tm_year = span.month / MONTHS_PER_YEAR;
    itm->tm_mon = span.month % MONTHS_PER_YEAR;
    itm->tm_mday = span.day;
    tfrac = time / USECS_PER_HOUR;
    time -= tfrac * USECS_PER_HOUR;
    itm->tm_hour = tfrac;
    tfrac = time / USECS_PER_MINUTE;
    time -= tfrac * USECS_PER_MINUTE;
    itm->tm_min = (int) tfrac;
    tfrac = time / USECS_PER_SEC;
    time -= tfrac * USECS_PER_SEC;
    itm->tm_sec = (int) tfrac;
    itm->tm_usec = (int) time;
}

int
itm2interval(struct pg_itm *itm, Interval *span)
{
    int64       total_months = (int64) itm->tm_year * MONTHS_PER_YEAR + itm->tm_mon;

    if (total_months > INT_MAX || total_months < INT_MIN)
        return -1;
    span->month = (int32) total_months;
    span->day = itm->tm_mday;
    if (__builtin_mul_overflow(itm->tm_hour, USECS_PER_HOUR, &span->time))
        return -1;
    if (__builtin_add_overflow(span->time, itm->tm_min * USECS_PER_MINUTE, &span->time) ||
        __builtin_add_overflow(span->time, itm->tm_sec * USECS_PER_SEC, &span->time) ||
        __builtin_add_overflow(span->time, (int64) itm->tm_usec, &span->time))
        return -1;
    return 0;
}

int
itmin2interval(struct pg_itm_in *itm_in, Interval *span)
{
    int64       total_months = (int64) itm_in->tm_year * MONTHS_PER_YEAR + itm_in->tm_mon;

    if (total_months > INT_MAX || total_months < INT_MIN)
        return -1;
    span->month = (int32) total_months;
    span->day = itm_in->tm_mday;
    span->time = itm_in->tm_usec;
    return 0;
}

/* =============================================================== I/O */

Datum
interval_in(PG_FUNCTION_ARGS)
{
    char       *str = PG_GETARG_CSTRING(0);
    int32       typmod = PG_GETARG_INT32(2);
    Interval   *result;
    struct pg_itm_in itm_in;
    int         dtype, nf, range, dterr;
    char       *field[MAXDATEFIELDS];
    int         ftype[MAXDATEFIELDS];
    char        workbuf[256];

    range = typmod >= 0 ? INTERVAL_RANGE(typmod) : INTERVAL_FULL_RANGE;
    dterr = ParseDateTime(str, workbuf, sizeof(workbuf), field, ftype, MAXDATEFIELDS, &nf);
    if (dterr == 0)
        dterr = DecodeInterval(field, ftype, nf, range, &dtype, &itm_in);
    /* not our syntax?  perhaps ISO 8601 */
    if (dterr == DTERR_BAD_FORMAT)
        dterr = DecodeISO8601Interval(str, &dtype, &itm_in);
    if (dterr != 0)
    {
        if (dterr == DTERR_FIELD_OVERFLOW)
            dterr = DTERR_INTERVAL_OVERFLOW;
        DateTimeParseError(dterr, str, "interval");
    }
    result = palloc(sizeof(Interval));
    if (dtype != DTK_DELTA)
        elog(ERROR, "unexpected dtype %d while parsing interval \"%s\"", dtype, str);
    if (itmin2interval(&itm_in, result) != 0)
        interval_out_of_range();
    AdjustIntervalForTypmod(result, typmod);
    PG_RETURN_INTERVAL_P(result);
}

Datum
interval_out(PG_FUNCTION_ARGS)
{
    struct pg_itm itm;
    char        buf[MAXDATELEN + 1];

    interval2itm(*PG_GETARG_INTERVAL_P(0), &itm);
    EncodeInterval(&itm, IntervalStyle, buf);
    PG_RETURN_CSTRING(pstrdup(buf));
}

Datum
interval_recv(PG_FUNCTION_ARGS)
{
    StringInfo  buf = (StringInfo) PG_GETARG_POINTER(0);
    Interval   *interval = palloc(sizeof(Interval));

    interval->time = (int64) pq_getmsgint64(buf);
    interval->day = (int32) pq_getmsgint(buf, 4);
    interval->month = (int32) pq_getmsgint(buf, 4);
    AdjustIntervalForTypmod(interval, PG_GETARG_INT32(2));
    PG_RETURN_INTERVAL_P(interval);
}

Datum
interval_send(PG_FUNCTION_ARGS)
{
    Interval   *interval = PG_GETARG_INTERVAL_P(0);
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint64(&buf, (uint64) interval->time);
    pq_sendint32(&buf, (uint32) interval->day);
    pq_sendint32(&buf, (uint32) interval->month);
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ============================================================ typmod
 * The typmod holds a field range (a mask of YEAR..SECOND bits) in its
 * high half and a fractional-second precision in its low half;
 * INTERVAL_FULL_PRECISION means unspecified.
 */
static bool
valid_interval_range(int32 range)
{
    switch (range)
    {
        case INTERVAL_MASK(YEAR):
        case INTERVAL_MASK(MONTH):
        case INTERVAL_MASK(DAY):
        case INTERVAL_MASK(HOUR):
        case INTERVAL_MASK(MINUTE):
        case INTERVAL_MASK(SECOND):
        case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
        case INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
        case INTERVAL_FULL_RANGE:
            return true;
        default:
            return false;
    }
}

Datum
intervaltypmodin(PG_FUNCTION_ARGS)
{
    int         n;
    int32      *tl = adt_typmod_integers((AdtArray *) PG_GETARG_POINTER(0), &n);
    int32       typmod;

    if (n > 0 && !valid_interval_range(tl[0]))
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid INTERVAL type modifier"));
    if (n == 1)
        typmod = tl[0] != INTERVAL_FULL_RANGE ?
            INTERVAL_TYPMOD(INTERVAL_FULL_PRECISION, tl[0]) : -1;
    else if (n == 2)
    {
        if (tl[1] < 0)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("INTERVAL(%d) precision must not be negative", tl[1]));
        if (tl[1] > MAX_INTERVAL_PRECISION)
        {
            ereport(WARNING, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("INTERVAL(%d) precision reduced to maximum allowed, %d",
                           tl[1], MAX_INTERVAL_PRECISION));
            typmod = INTERVAL_TYPMOD(MAX_INTERVAL_PRECISION, tl[0]);
        }
        else
            typmod = INTERVAL_TYPMOD(tl[1], tl[0]);
    }
    else
    {
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid INTERVAL type modifier"));
        typmod = 0;
    }
    PG_RETURN_INT32(typmod);
}

Datum
intervaltypmodout(PG_FUNCTION_ARGS)
{
    int32       typmod = PG_GETARG_INT32(0);
    const char *fieldstr;
    int         precision;

    if (typmod < 0)
        PG_RETURN_CSTRING(pstrdup(""));
    precision = INTERVAL_PRECISION(typmod);
    switch (INTERVAL_RANGE(typmod))
    {
        case INTERVAL_MASK(YEAR):
            fieldstr = " year";
            break;
        case INTERVAL_MASK(MONTH):
            fieldstr = " month";
            break;
        case INTERVAL_MASK(DAY):
            fieldstr = " day";
            break;
        case INTERVAL_MASK(HOUR):
            fieldstr = " hour";
            break;
        case INTERVAL_MASK(MINUTE):
            fieldstr = " minute";
            break;
        case INTERVAL_MASK(SECOND):
            fieldstr = " second";
            break;
        case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
            fieldstr = " year to month";
            break;
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
            fieldstr = " day to hour";
            break;
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
            fieldstr = " day to minute";
            break;
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
            fieldstr = " day to second";
            break;
        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
            fieldstr = " hour to minute";
            break;
        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
            fieldstr = " hour to second";
            break;
        case INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
            fieldstr = " minute to second";
            break;
        case INTERVAL_FULL_RANGE:
            fieldstr = "";
            break;
        default:
            elog(ERROR, "invalid INTERVAL typmod: 0x%x", typmod);
            fieldstr = "";
    }
    if (precision != INTERVAL_FULL_PRECISION)
        PG_RETURN_CSTRING(psprintf("%s(%d)", fieldstr, precision));
    PG_RETURN_CSTRING(pstrdup(fieldstr));
}

/*
 * Zero the fields right of the range's last field and round the seconds
 * to the precision.  Fields left of the first one are kept (there is no
 * leading-field precision).
 */
void
AdjustIntervalForTypmod(Interval *interval, int32 typmod)
{
    static const int64 scales[MAX_INTERVAL_PRECISION + 1] = {
        1000000, 100000, 10000, 1000, 100, 10, 1
    };
    static const int64 offsets[MAX_INTERVAL_PRECISION + 1] = {
        500000, 50000, 5000, 500, 50, 5, 0
    };
    int         range, precision;

    if (typmod < 0)
        return;
    range = INTERVAL_RANGE(typmod);
    precision = INTERVAL_PRECISION(typmod);
    switch (range)
    {
        case INTERVAL_FULL_RANGE:
        case INTERVAL_MASK(SECOND):
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
        case INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND):
            break;
        case INTERVAL_MASK(YEAR):
            interval->month = (interval->month / MONTHS_PER_YEAR) * MONTHS_PER_YEAR;
            interval->day = 0;
            interval->time = 0;
            break;
        case INTERVAL_MASK(MONTH):
        case INTERVAL_MASK(YEAR) | INTERVAL_MASK(MONTH):
            interval->day = 0;
            interval->time = 0;
            break;
        case INTERVAL_MASK(DAY):
            interval->time = 0;
            break;
        case INTERVAL_MASK(HOUR):
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR):
            interval->time = (interval->time / USECS_PER_HOUR) * USECS_PER_HOUR;
            break;
        case INTERVAL_MASK(MINUTE):
        case INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
        case INTERVAL_MASK(DAY) | INTERVAL_MASK(HOUR) | INTERVAL_MASK(MINUTE):
            interval->time = (interval->time / USECS_PER_MINUTE) * USECS_PER_MINUTE;
            break;
        default:
            elog(ERROR, "unrecognized interval typmod: %d", typmod);
    }
    if (precision != INTERVAL_FULL_PRECISION)
    {
        if (precision < 0 || precision > MAX_INTERVAL_PRECISION)
            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                    errmsg("interval(%d) precision must be between %d and %d",
                           precision, 0, MAX_INTERVAL_PRECISION));
        if (interval->time >= 0)
            interval->time = ((interval->time + offsets[precision]) / scales[precision]) *
                scales[precision];
        else
            interval->time = -(((-interval->time + offsets[precision]) / scales[precision]) *
                               scales[precision]);
    }
}

Datum
interval_scale(PG_FUNCTION_ARGS)
{
    Interval   *result = palloc(sizeof(Interval));

    *result = *PG_GETARG_INTERVAL_P(0);
    AdjustIntervalForTypmod(result, PG_GETARG_INT32(1));
    PG_RETURN_INTERVAL_P(result);
}

Datum
make_interval(PG_FUNCTION_ARGS)
{
    int32       years = PG_GETARG_INT32(0);
    int32       months = PG_GETARG_INT32(1);
    int32       weeks = PG_GETARG_INT32(2);
    int32       days = PG_GETARG_INT32(3);
    int32       hours = PG_GETARG_INT32(4);
    int32       mins = PG_GETARG_INT32(5);
    double      secs = PG_GETARG_FLOAT8(6);
    Interval   *result;

    if (isinf(secs) || isnan(secs))
        interval_out_of_range();
    result = palloc(sizeof(Interval));
    if (__builtin_mul_overflow(years, MONTHS_PER_YEAR, &result->month) ||
        __builtin_add_overflow(result->month, months, &result->month) ||
        __builtin_mul_overflow(weeks, 7, &result->day) ||
        __builtin_add_overflow(result->day, days, &result->day))
        interval_out_of_range();
    result->time = hours * USECS_PER_HOUR + mins * USECS_PER_MINUTE;
    secs = rint(secs * USECS_PER_SEC);
    if (!FLOAT8_FITS_IN_INT64(secs) ||
        __builtin_add_overflow(result->time, (int64) secs, &result->time))
        interval_out_of_range();
    PG_RETURN_INTERVAL_P(result);
}

Datum
interval_finite(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(true);
}

/* ======================================================== comparison */

/* month * 30 days + day days + time, in microseconds, 128-bit. */
static inline int128
interval_cmp_value(const Interval *interval)
{
    int64       dayfraction = interval->time % USECS_PER_DAY;
    int64       days = interval->time / USECS_PER_DAY;

    days += interval->month * INT64_C(30);
    days += interval->day;
    return (int128) dayfraction + (int128) days * USECS_PER_DAY;
}

int
interval_cmp_internal(const Interval *a, const Interval *b)
{
    int128      s1 = interval_cmp_value(a);
    int128      s2 = interval_cmp_value(b);

    return s1 < s2 ? -1 : (s1 > s2 ? 1 : 0);
}

#define INTERVAL_CMP_FN(op) PG_RETURN_BOOL(interval_cmp_internal(PG_GETARG_INTERVAL_P(0), PG_GETARG_INTERVAL_P(1)) op 0)
Datum interval_eq(PG_FUNCTION_ARGS) { INTERVAL_CMP_FN(==); }
Datum interval_ne(PG_FUNCTION_ARGS) { INTERVAL_CMP_FN(!=); }
Datum interval_lt(PG_FUNCTION_ARGS) { INTERVAL_CMP_FN(<); }
Datum interval_gt(PG_FUNCTION_ARGS) { INTERVAL_CMP_FN(>); }
Datum interval_le(PG_FUNCTION_ARGS) { INTERVAL_CMP_FN(<=); }
Datum interval_ge(PG_FUNCTION_ARGS) { INTERVAL_CMP_FN(>=); }

Datum
interval_cmp(PG_FUNCTION_ARGS)
{
    PG_RETURN_INT32(interval_cmp_internal(PG_GETARG_INTERVAL_P(0), PG_GETARG_INTERVAL_P(1)));
}

/* Equal intervals ('1 day', '24 hours') must hash alike: hash the low 64
 * bits of the linearized value, as PostgreSQL does. */
Datum
interval_hash(PG_FUNCTION_ARGS)
{
    int64       span64 = (int64) interval_cmp_value(PG_GETARG_INTERVAL_P(0));

    return DirectFunctionCall1(hashint8, Int64GetDatum(span64));
}

Datum
interval_hash_extended(PG_FUNCTION_ARGS)
{
    int64       span64 = (int64) interval_cmp_value(PG_GETARG_INTERVAL_P(0));

    return DirectFunctionCall2(hashint8extended, Int64GetDatum(span64), PG_GETARG_DATUM(1));
}

Datum
interval_smaller(PG_FUNCTION_ARGS)
{
    Interval   *a = PG_GETARG_INTERVAL_P(0);
    Interval   *b = PG_GETARG_INTERVAL_P(1);

    PG_RETURN_INTERVAL_P(interval_cmp_internal(a, b) < 0 ? a : b);
}

Datum
interval_larger(PG_FUNCTION_ARGS)
{
    Interval   *a = PG_GETARG_INTERVAL_P(0);
    Interval   *b = PG_GETARG_INTERVAL_P(1);

    PG_RETURN_INTERVAL_P(interval_cmp_internal(a, b) > 0 ? a : b);
}

/* ======================================================== arithmetic */

Datum
interval_um(PG_FUNCTION_ARGS)
{
    Interval   *interval = PG_GETARG_INTERVAL_P(0);
    Interval   *result = palloc(sizeof(Interval));

    if (interval->time == PG_INT64_MIN || interval->day == PG_INT32_MIN ||
        interval->month == PG_INT32_MIN)
        interval_out_of_range();
    result->time = -interval->time;
    result->day = -interval->day;
    result->month = -interval->month;
    PG_RETURN_INTERVAL_P(result);
}

Datum
interval_pl(PG_FUNCTION_ARGS)
{
    Interval   *a = PG_GETARG_INTERVAL_P(0);
    Interval   *b = PG_GETARG_INTERVAL_P(1);
    Interval   *result = palloc(sizeof(Interval));

    if (__builtin_add_overflow(a->month, b->month, &result->month) ||
        __builtin_add_overflow(a->day, b->day, &result->day) ||
        __builtin_add_overflow(a->time, b->time, &result->time))
        interval_out_of_range();
    PG_RETURN_INTERVAL_P(result);
}

Datum
interval_mi(PG_FUNCTION_ARGS)
{
    Interval   *a = PG_GETARG_INTERVAL_P(0);
    Interval   *b = PG_GETARG_INTERVAL_P(1);
    Interval   *result = palloc(sizeof(Interval));

    if (__builtin_sub_overflow(a->month, b->month, &result->month) ||
        __builtin_sub_overflow(a->day, b->day, &result->day) ||
        __builtin_sub_overflow(a->time, b->time, &result->time))
        interval_out_of_range();
    PG_RETURN_INTERVAL_P(result);
}

/*
 * interval * factor and interval / factor: each field is scaled; the
 * fractional part of months cascades into days (30 per month) and that of
 * days into time (24 hours per day), never upward.
 */
static Interval *
interval_scale_by(const Interval *span, double factor, bool divide)
{
    Interval   *result = palloc(sizeof(Interval));
    double      month_remainder_days, sec_remainder, result_double;
    double      mf = divide ? span->month / factor : span->month * factor;
    double      df = divide ? span->day / factor : span->day * factor;
    int32       extra;

    if (isnan(mf) || !FLOAT8_FITS_IN_INT32(mf))
        interval_out_of_range();
    result->month = (int32) mf;
    if (isnan(df) || !FLOAT8_FITS_IN_INT32(df))
        interval_out_of_range();
    result->day = (int32) df;
    month_remainder_days = TSROUND((mf - result->month) * DAYS_PER_MONTH);
    sec_remainder = TSROUND((df - result->day + month_remainder_days -
                             (int) month_remainder_days) * SECS_PER_DAY);
    if (fabs(sec_remainder) >= SECS_PER_DAY)
    {
        if (__builtin_add_overflow(result->day, (int) (sec_remainder / SECS_PER_DAY), &result->day))
            interval_out_of_range();
        sec_remainder -= (int) (sec_remainder / SECS_PER_DAY) * SECS_PER_DAY;
    }
    extra = (int32) month_remainder_days;
    if (__builtin_add_overflow(result->day, extra, &result->day))
        interval_out_of_range();
    result_double = rint((divide ? span->time / factor : span->time * factor) +
                         sec_remainder * USECS_PER_SEC);
    if (isnan(result_double) || !FLOAT8_FITS_IN_INT64(result_double))
        interval_out_of_range();
    result->time = (int64) result_double;
    return result;
}

Datum
interval_mul(PG_FUNCTION_ARGS)
{
    PG_RETURN_INTERVAL_P(interval_scale_by(PG_GETARG_INTERVAL_P(0), PG_GETARG_FLOAT8(1), false));
}

Datum
mul_d_interval(PG_FUNCTION_ARGS)
{
    PG_RETURN_INTERVAL_P(interval_scale_by(PG_GETARG_INTERVAL_P(1), PG_GETARG_FLOAT8(0), false));
}

Datum
interval_div(PG_FUNCTION_ARGS)
{
    float8      factor = PG_GETARG_FLOAT8(1);

    if (factor == 0.0)
        ereport(ERROR, errcode(ERRCODE_DIVISION_BY_ZERO), errmsg("division by zero"));
    PG_RETURN_INTERVAL_P(interval_scale_by(PG_GETARG_INTERVAL_P(0), factor, true));
}

/* Whole days out of time (24-hour days), signs made to agree. */
static void
justify_hours(Interval *result)
{
    TimeOffset  wholeday;

    TMODULO(result->time, wholeday, USECS_PER_DAY);
    if (__builtin_add_overflow(result->day, (int32) wholeday, &result->day) ||
        wholeday != (int32) wholeday)
        interval_out_of_range();
    if (result->day > 0 && result->time < 0)
    {
        result->time += USECS_PER_DAY;
        result->day--;
    }
    else if (result->day < 0 && result->time > 0)
    {
        result->time -= USECS_PER_DAY;
        result->day++;
    }
}

Datum
interval_justify_hours(PG_FUNCTION_ARGS)
{
    Interval   *result = palloc(sizeof(Interval));

    *result = *PG_GETARG_INTERVAL_P(0);
    justify_hours(result);
    PG_RETURN_INTERVAL_P(result);
}

Datum
interval_justify_days(PG_FUNCTION_ARGS)
{
    Interval   *result = palloc(sizeof(Interval));
    int32       wholemonth;

    *result = *PG_GETARG_INTERVAL_P(0);
    wholemonth = result->day / DAYS_PER_MONTH;
    result->day -= wholemonth * DAYS_PER_MONTH;
    if (__builtin_add_overflow(result->month, wholemonth, &result->month))
        interval_out_of_range();
    if (result->month > 0 && result->day < 0)
    {
        result->day += DAYS_PER_MONTH;
        result->month--;
    }
    else if (result->month < 0 && result->day > 0)
    {
        result->day -= DAYS_PER_MONTH;
        result->month++;
    }
    PG_RETURN_INTERVAL_P(result);
}

/* 0 <= |time| < 24h, 0 <= |day| < 30, all three fields with one sign. */
Datum
interval_justify_interval(PG_FUNCTION_ARGS)
{
    Interval   *result = palloc(sizeof(Interval));
    TimeOffset  wholeday;
    int32       wholemonth;

    *result = *PG_GETARG_INTERVAL_P(0);
    TMODULO(result->time, wholeday, USECS_PER_DAY);
    if (__builtin_add_overflow(result->day, (int32) wholeday, &result->day) ||
        wholeday != (int32) wholeday)
        interval_out_of_range();
    wholemonth = result->day / DAYS_PER_MONTH;
    result->day -= wholemonth * DAYS_PER_MONTH;
    if (__builtin_add_overflow(result->month, wholemonth, &result->month))
        interval_out_of_range();
    if (result->month > 0 && (result->day < 0 || (result->day == 0 && result->time < 0)))
    {
        result->day += DAYS_PER_MONTH;
        result->month--;
    }
    else if (result->month < 0 && (result->day > 0 || (result->day == 0 && result->time > 0)))
    {
        result->day -= DAYS_PER_MONTH;
        result->month++;
    }
    if (result->day > 0 && result->time < 0)
    {
        result->time += USECS_PER_DAY;
        result->day--;
    }
    else if (result->day < 0 && result->time > 0)
    {
        result->time -= USECS_PER_DAY;
        result->day++;
    }
    PG_RETURN_INTERVAL_P(result);
}

Datum
in_range_interval_interval(PG_FUNCTION_ARGS)
{
    static const Interval zero = {0, 0, 0};
    Interval   *val = PG_GETARG_INTERVAL_P(0);
    Interval   *base = PG_GETARG_INTERVAL_P(1);
    Interval   *offset = PG_GETARG_INTERVAL_P(2);
    bool        sub = PG_GETARG_BOOL(3);
    bool        less = PG_GETARG_BOOL(4);
    Interval   *sum;

    if (interval_cmp_internal(offset, &zero) < 0)
        ereport(ERROR, errcode(ERRCODE_INVALID_PRECEDING_OR_FOLLOWING_SIZE),
                errmsg("invalid preceding or following size in window function"));
    sum = DatumGetIntervalP(DirectFunctionCall2(sub ? interval_mi : interval_pl,
                                                IntervalPGetDatum(base),
                                                IntervalPGetDatum(offset)));
    PG_RETURN_BOOL(less ? interval_cmp_internal(val, sum) <= 0 :
                   interval_cmp_internal(val, sum) >= 0);
}

/* ============================================================ avg()
 * The transition value is an interval[2]: the running sum and, in the
 * second element's time field, the count (pg_aggregate's agginitval is
 * '{0 second,0 second}').
 */
static Interval *
interval_array_elems(AdtArray *a)
{
    if (a->ndim != 1 || ADT_ARR_DIMS(a)[0] != 2 || ADT_ARR_HASNULL(a) ||
        a->elemtype != INTERVALOID)
        elog(ERROR, "expected 2-element interval array");
    return (Interval *) ADT_ARR_DATA(a);
}

static AdtArray *
make_interval_array(const Interval *sum, const Interval *n)
{
    Size        hdr = ADT_ARR_OVERHEAD_NONULLS(1);
    AdtArray   *a = palloc0(hdr + 2 * sizeof(Interval));
    Interval   *elems;

    SET_VARSIZE(a, hdr + 2 * sizeof(Interval));
    a->ndim = 1;
    a->dataoffset = 0;
    a->elemtype = INTERVALOID;
    ADT_ARR_DIMS(a)[0] = 2;
    ADT_ARR_LBOUND(a)[0] = 1;
    elems = (Interval *) ADT_ARR_DATA(a);
    elems[0] = *sum;
    elems[1] = *n;
    return a;
}

static Datum
interval_accum_step(PG_FUNCTION_ARGS, bool inverse)
{
    Interval   *elems = interval_array_elems((AdtArray *) PG_GETARG_POINTER(0));
    Interval    sum = elems[0], n = elems[1];
    Interval   *newsum;

    newsum = DatumGetIntervalP(DirectFunctionCall2(inverse ? interval_mi : interval_pl,
                                                   IntervalPGetDatum(&sum),
                                                   PG_GETARG_DATUM(1)));
    n.time += inverse ? -1 : 1;
    PG_RETURN_POINTER(make_interval_array(newsum, &n));
}

Datum
interval_accum(PG_FUNCTION_ARGS)
{
    return interval_accum_step(fcinfo, false);
}

Datum
interval_accum_inv(PG_FUNCTION_ARGS)
{
    return interval_accum_step(fcinfo, true);
}

Datum
interval_combine(PG_FUNCTION_ARGS)
{
    Interval   *e1 = interval_array_elems((AdtArray *) PG_GETARG_POINTER(0));
    Interval   *e2 = interval_array_elems((AdtArray *) PG_GETARG_POINTER(1));
    Interval    n = e1[1];
    Interval   *newsum;

    newsum = DatumGetIntervalP(DirectFunctionCall2(interval_pl, IntervalPGetDatum(&e1[0]),
                                                   IntervalPGetDatum(&e2[0])));
    n.time += e2[1].time;
    PG_RETURN_POINTER(make_interval_array(newsum, &n));
}

Datum
interval_avg(PG_FUNCTION_ARGS)
{
    Interval   *elems = interval_array_elems((AdtArray *) PG_GETARG_POINTER(0));
    Interval    sum = elems[0];

    if (elems[1].time == 0)
        PG_RETURN_NULL();       /* AVG of no values is NULL */
    return DirectFunctionCall2(interval_div, IntervalPGetDatum(&sum),
                               Float8GetDatum((double) elems[1].time));
}
