/*-------------------------------------------------------------------------
 * date.c
 *    The date type: text and binary I/O, make_date, comparison (also
 *    against timestamp and timestamptz), date +/- integer, date - date,
 *    date +/- interval, conversions to and from the timestamp types,
 *    extract(), and CURRENT_DATE.
 *
 * Representation: int32 days since 2000-01-01.  DATEVAL_NOBEGIN /
 * DATEVAL_NOEND are -infinity / infinity; finite dates run from Julian day
 * 0 (4714-11-24 BC) to 5874897-12-31 AD, and arithmetic that leaves that
 * range raises 22008 "date out of range".  Dates beyond the timestamp
 * range (after 294276-12-31) cannot be converted to timestamp ("date out
 * of range for timestamp") but still compare correctly with timestamps:
 * they sort after every finite timestamp and before infinity.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <math.h>

#include "catalog/pg_type_oids.h"
#include "procs/adt.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/numeric.h"
#include "storage/xact.h"

pg_attribute_noreturn() static void
date_out_of_range(void)
{
    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
            errmsg("date out of range"));
}

pg_attribute_noreturn() static void
date_out_of_range_for_timestamp(void)
{
    ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
            errmsg("date out of range for timestamp"));
}

/* =============================================================== I/O */

Datum
date_in(PG_FUNCTION_ARGS)
{
    char       *str = PG_GETARG_CSTRING(0);
    DateADT     date;
    fsec_t      fsec;
    struct pg_tm tm;
    int         tzp, dtype, nf, dterr;
    char       *field[MAXDATEFIELDS];
    int         ftype[MAXDATEFIELDS];
    char        workbuf[MAXDATELEN + 1];

    dterr = ParseDateTime(str, workbuf, sizeof(workbuf), field, ftype, MAXDATEFIELDS, &nf);
    if (dterr == 0)
        dterr = DecodeDateTime(field, ftype, nf, &dtype, &tm, &fsec, &tzp);
    if (dterr != 0)
        DateTimeParseError(dterr, str, "date");
    switch (dtype)
    {
        case DTK_DATE:
            break;
        case DTK_EPOCH:
            GetEpochTime(&tm);
            break;
        case DTK_LATE:
            DATE_NOEND(date);
            PG_RETURN_DATEADT(date);
        case DTK_EARLY:
            DATE_NOBEGIN(date);
            PG_RETURN_DATEADT(date);
        default:
            DateTimeParseError(DTERR_BAD_FORMAT, str, "date");
    }
    if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: \"%s\"", str));
    date = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
    if (!IS_VALID_DATE(date))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: \"%s\"", str));
    PG_RETURN_DATEADT(date);
}

Datum
date_out(PG_FUNCTION_ARGS)
{
    DateADT     date = PG_GETARG_DATEADT(0);
    struct pg_tm tm;
    char        buf[MAXDATELEN + 1];

    if (DATE_NOT_FINITE(date))
        EncodeSpecialDate(date, buf);
    else
    {
        j2date(date + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
        EncodeDateOnly(&tm, DateStyle, buf);
    }
    PG_RETURN_CSTRING(pstrdup(buf));
}

Datum
date_recv(PG_FUNCTION_ARGS)
{
    DateADT     result = (DateADT) pq_getmsgint((StringInfo) PG_GETARG_POINTER(0), 4);

    if (!DATE_NOT_FINITE(result) && !IS_VALID_DATE(result))
        date_out_of_range();
    PG_RETURN_DATEADT(result);
}

Datum
date_send(PG_FUNCTION_ARGS)
{
    StringInfoData buf;

    pq_begintypsend(&buf);
    pq_sendint32(&buf, (uint32) PG_GETARG_DATEADT(0));
    PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* make_date(year, month, day): a negative year is BC. */
Datum
make_date(PG_FUNCTION_ARGS)
{
    struct pg_tm tm;
    DateADT     date;
    bool        bc = false;

    tm.tm_year = PG_GETARG_INT32(0);
    tm.tm_mon = PG_GETARG_INT32(1);
    tm.tm_mday = PG_GETARG_INT32(2);
    if (tm.tm_year < 0)
    {
        bc = true;
        tm.tm_year = -tm.tm_year;
    }
    if (ValidateDate(DTK_DATE_M, false, false, bc, &tm) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                errmsg("date field value out of range: %d-%02d-%02d",
                       tm.tm_year, tm.tm_mon, tm.tm_mday));
    if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: %d-%02d-%02d", tm.tm_year, tm.tm_mon, tm.tm_mday));
    date = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
    if (!IS_VALID_DATE(date))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: %d-%02d-%02d", tm.tm_year, tm.tm_mon, tm.tm_mday));
    PG_RETURN_DATEADT(date);
}

/* CURRENT_DATE: the transaction start's date in the session zone. */
DateADT
GetSQLCurrentDate(void)
{
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    if (timestamp2tm(GetCurrentTransactionStartTimestamp(), &tz, &tm, &fsec, NULL, NULL) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}

/* ======================================================= comparison */

#define DATE_CMP(op) PG_RETURN_BOOL(PG_GETARG_DATEADT(0) op PG_GETARG_DATEADT(1))
Datum date_eq(PG_FUNCTION_ARGS) { DATE_CMP(==); }
Datum date_ne(PG_FUNCTION_ARGS) { DATE_CMP(!=); }
Datum date_lt(PG_FUNCTION_ARGS) { DATE_CMP(<); }
Datum date_le(PG_FUNCTION_ARGS) { DATE_CMP(<=); }
Datum date_gt(PG_FUNCTION_ARGS) { DATE_CMP(>); }
Datum date_ge(PG_FUNCTION_ARGS) { DATE_CMP(>=); }

Datum
date_cmp(PG_FUNCTION_ARGS)
{
    DateADT     a = PG_GETARG_DATEADT(0);
    DateADT     b = PG_GETARG_DATEADT(1);

    PG_RETURN_INT32(a < b ? -1 : (a > b ? 1 : 0));
}

Datum
date_finite(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!DATE_NOT_FINITE(PG_GETARG_DATEADT(0)));
}

Datum
date_larger(PG_FUNCTION_ARGS)
{
    DateADT     a = PG_GETARG_DATEADT(0);
    DateADT     b = PG_GETARG_DATEADT(1);

    PG_RETURN_DATEADT(a > b ? a : b);
}

Datum
date_smaller(PG_FUNCTION_ARGS)
{
    DateADT     a = PG_GETARG_DATEADT(0);
    DateADT     b = PG_GETARG_DATEADT(1);

    PG_RETURN_DATEADT(a < b ? a : b);
}

/* ======================================================== arithmetic */

Datum
date_mi(PG_FUNCTION_ARGS)
{
    DateADT     a = PG_GETARG_DATEADT(0);
    DateADT     b = PG_GETARG_DATEADT(1);

    if (DATE_NOT_FINITE(a) || DATE_NOT_FINITE(b))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("cannot subtract infinite dates"));
    PG_RETURN_INT32((int32) (a - b));
}

static DateADT
date_add_days(DateADT dateVal, int32 days)
{
    DateADT     result;

    if (DATE_NOT_FINITE(dateVal))
        return dateVal;         /* infinity stays infinity */
    if (__builtin_add_overflow(dateVal, days, &result) || !IS_VALID_DATE(result))
        date_out_of_range();
    return result;
}

Datum
date_pli(PG_FUNCTION_ARGS)
{
    PG_RETURN_DATEADT(date_add_days(PG_GETARG_DATEADT(0), PG_GETARG_INT32(1)));
}

Datum
date_mii(PG_FUNCTION_ARGS)
{
    int32       days = PG_GETARG_INT32(1);
    DateADT     dateVal = PG_GETARG_DATEADT(0);
    DateADT     result;

    if (DATE_NOT_FINITE(dateVal))
        PG_RETURN_DATEADT(dateVal);
    if (__builtin_sub_overflow(dateVal, days, &result) || !IS_VALID_DATE(result))
        date_out_of_range();
    PG_RETURN_DATEADT(result);
}

/* ======================================= date <-> timestamp, timestamptz */

/* Midnight of the date; *overflow (if given) +1 for dates past the
 * timestamp range instead of an error. */
Timestamp
date2timestamp_opt_overflow(DateADT dateVal, int *overflow)
{
    if (overflow)
        *overflow = 0;
    if (DATE_IS_NOBEGIN(dateVal))
        return DT_NOBEGIN;
    if (DATE_IS_NOEND(dateVal))
        return DT_NOEND;
    /* dates and timestamps share their lower bound */
    if (dateVal >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
    {
        if (overflow)
        {
            *overflow = 1;
            return DT_NOEND;
        }
        date_out_of_range_for_timestamp();
    }
    return dateVal * USECS_PER_DAY;
}

Timestamp
date2timestamp_no_overflow(DateADT dateVal)
{
    return date2timestamp_opt_overflow(dateVal, NULL);
}

/* Local midnight of the date in the session zone. */
TimestampTz
date2timestamptz_opt_overflow(DateADT dateVal, int *overflow)
{
    TimestampTz result;
    struct pg_tm tm;
    int         tz;

    if (overflow)
        *overflow = 0;
    if (DATE_IS_NOBEGIN(dateVal))
        return DT_NOBEGIN;
    if (DATE_IS_NOEND(dateVal))
        return DT_NOEND;
    if (dateVal >= (TIMESTAMP_END_JULIAN - POSTGRES_EPOCH_JDATE))
    {
        if (overflow)
        {
            *overflow = 1;
            return DT_NOEND;
        }
        date_out_of_range_for_timestamp();
    }
    j2date(dateVal + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
    tz = DetermineTimeZoneOffset(&tm, session_timezone);
    result = dateVal * USECS_PER_DAY + tz * USECS_PER_SEC;
    /* the zone can push a boundary date outside the range */
    if (!IS_VALID_TIMESTAMP(result))
    {
        if (overflow)
        {
            if (result < MIN_TIMESTAMP)
            {
                *overflow = -1;
                return DT_NOBEGIN;
            }
            *overflow = 1;
            return DT_NOEND;
        }
        date_out_of_range_for_timestamp();
    }
    return result;
}

Datum
date_timestamp(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMP(date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), NULL));
}

Datum
date_timestamptz(PG_FUNCTION_ARGS)
{
    PG_RETURN_TIMESTAMPTZ(date2timestamptz_opt_overflow(PG_GETARG_DATEADT(0), NULL));
}

static DateADT
timestamp_to_date(Timestamp timestamp, bool withtz)
{
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;

    if (TIMESTAMP_IS_NOBEGIN(timestamp))
        return DATEVAL_NOBEGIN;
    if (TIMESTAMP_IS_NOEND(timestamp))
        return DATEVAL_NOEND;
    if (timestamp2tm(timestamp, withtz ? &tz : NULL, &tm, &fsec, NULL, NULL) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    return date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
}

Datum
timestamp_date(PG_FUNCTION_ARGS)
{
    PG_RETURN_DATEADT(timestamp_to_date(PG_GETARG_TIMESTAMP(0), false));
}

Datum
timestamptz_date(PG_FUNCTION_ARGS)
{
    PG_RETURN_DATEADT(timestamp_to_date(PG_GETARG_TIMESTAMPTZ(0), true));
}

Datum
date_pl_interval(PG_FUNCTION_ARGS)
{
    Timestamp   ts = date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), NULL);

    return DirectFunctionCall2(timestamp_pl_interval, TimestampGetDatum(ts),
                               PG_GETARG_DATUM(1));
}

Datum
date_mi_interval(PG_FUNCTION_ARGS)
{
    Timestamp   ts = date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), NULL);

    return DirectFunctionCall2(timestamp_mi_interval, TimestampGetDatum(ts),
                               PG_GETARG_DATUM(1));
}

/* ------------------------------------------- date vs timestamp[tz] */

static int32
date_cmp_timestamp_internal(DateADT dateVal, Timestamp dt2)
{
    int         overflow;
    Timestamp   dt1 = date2timestamp_opt_overflow(dateVal, &overflow);

    if (overflow > 0)
        return TIMESTAMP_IS_NOEND(dt2) ? -1 : +1;
    return timestamp_cmp_internal(dt1, dt2);
}

static int32
date_cmp_timestamptz_internal(DateADT dateVal, TimestampTz dt2)
{
    int         overflow;
    TimestampTz dt1 = date2timestamptz_opt_overflow(dateVal, &overflow);

    if (overflow > 0)
        return TIMESTAMP_IS_NOEND(dt2) ? -1 : +1;
    if (overflow < 0)
        return TIMESTAMP_IS_NOBEGIN(dt2) ? +1 : -1;
    return timestamp_cmp_internal(dt1, dt2);
}

/* One line per built-in so scripts/gen-fmgrtab.sh sees each definition. */
#define D_TS(op, unused) PG_RETURN_BOOL(date_cmp_timestamp_internal(PG_GETARG_DATEADT(0), PG_GETARG_TIMESTAMP(1)) op 0)
#define D_TSTZ(op) PG_RETURN_BOOL(date_cmp_timestamptz_internal(PG_GETARG_DATEADT(0), PG_GETARG_TIMESTAMPTZ(1)) op 0)
#define TS_D(op) PG_RETURN_BOOL(date_cmp_timestamp_internal(PG_GETARG_DATEADT(1), PG_GETARG_TIMESTAMP(0)) op 0)
#define TSTZ_D(op) PG_RETURN_BOOL(date_cmp_timestamptz_internal(PG_GETARG_DATEADT(1), PG_GETARG_TIMESTAMPTZ(0)) op 0)

Datum date_eq_timestamp(PG_FUNCTION_ARGS) { D_TS(==, 0); }
Datum date_ne_timestamp(PG_FUNCTION_ARGS) { D_TS(!=, 0); }
Datum date_lt_timestamp(PG_FUNCTION_ARGS) { D_TS(<, 0); }
Datum date_gt_timestamp(PG_FUNCTION_ARGS) { D_TS(>, 0); }
Datum date_le_timestamp(PG_FUNCTION_ARGS) { D_TS(<=, 0); }
Datum date_ge_timestamp(PG_FUNCTION_ARGS) { D_TS(>=, 0); }
Datum date_cmp_timestamp(PG_FUNCTION_ARGS) { PG_RETURN_INT32(date_cmp_timestamp_internal(PG_GETARG_DATEADT(0), PG_GETARG_TIMESTAMP(1))); }
Datum date_eq_timestamptz(PG_FUNCTION_ARGS) { D_TSTZ(==); }
Datum date_ne_timestamptz(PG_FUNCTION_ARGS) { D_TSTZ(!=); }
Datum date_lt_timestamptz(PG_FUNCTION_ARGS) { D_TSTZ(<); }
Datum date_gt_timestamptz(PG_FUNCTION_ARGS) { D_TSTZ(>); }
Datum date_le_timestamptz(PG_FUNCTION_ARGS) { D_TSTZ(<=); }
Datum date_ge_timestamptz(PG_FUNCTION_ARGS) { D_TSTZ(>=); }
Datum date_cmp_timestamptz(PG_FUNCTION_ARGS) { PG_RETURN_INT32(date_cmp_timestamptz_internal(PG_GETARG_DATEADT(0), PG_GETARG_TIMESTAMPTZ(1))); }
Datum timestamp_eq_date(PG_FUNCTION_ARGS) { TS_D(==); }
Datum timestamp_ne_date(PG_FUNCTION_ARGS) { TS_D(!=); }
Datum timestamp_lt_date(PG_FUNCTION_ARGS) { TS_D(>); }
Datum timestamp_gt_date(PG_FUNCTION_ARGS) { TS_D(<); }
Datum timestamp_le_date(PG_FUNCTION_ARGS) { TS_D(>=); }
Datum timestamp_ge_date(PG_FUNCTION_ARGS) { TS_D(<=); }
Datum timestamp_cmp_date(PG_FUNCTION_ARGS) { PG_RETURN_INT32(-date_cmp_timestamp_internal(PG_GETARG_DATEADT(1), PG_GETARG_TIMESTAMP(0))); }
Datum timestamptz_eq_date(PG_FUNCTION_ARGS) { TSTZ_D(==); }
Datum timestamptz_ne_date(PG_FUNCTION_ARGS) { TSTZ_D(!=); }
Datum timestamptz_lt_date(PG_FUNCTION_ARGS) { TSTZ_D(>); }
Datum timestamptz_gt_date(PG_FUNCTION_ARGS) { TSTZ_D(<); }
Datum timestamptz_le_date(PG_FUNCTION_ARGS) { TSTZ_D(>=); }
Datum timestamptz_ge_date(PG_FUNCTION_ARGS) { TSTZ_D(<=); }
Datum timestamptz_cmp_date(PG_FUNCTION_ARGS) { PG_RETURN_INT32(-date_cmp_timestamptz_internal(PG_GETARG_DATEADT(1), PG_GETARG_TIMESTAMPTZ(0))); }

/* ============================================================ extract */

Datum
extract_date(PG_FUNCTION_ARGS)
{
    text       *units = PG_GETARG_TEXT_PP(0);
    DateADT     date = PG_GETARG_DATEADT(1);
    char       *lowunits = downcase_truncate_identifier(VARDATA_ANY(units),
                                                        VARSIZE_ANY_EXHDR(units));
    int64       intresult;
    int         type, val;
    int         year, mon, mday;

    type = DecodeUnits(0, lowunits, &val);
    if (type == UNKNOWN_FIELD)
        type = DecodeSpecial(0, lowunits, &val);

    if (DATE_NOT_FINITE(date) && (type == UNITS || type == RESERV))
    {
        switch (val)
        {
            case DTK_DAY:
            case DTK_MONTH:
            case DTK_QUARTER:
            case DTK_WEEK:
            case DTK_DOW:
            case DTK_ISODOW:
            case DTK_DOY:
                PG_RETURN_NULL();
            case DTK_YEAR:
            case DTK_DECADE:
            case DTK_CENTURY:
            case DTK_MILLENNIUM:
            case DTK_JULIAN:
            case DTK_ISOYEAR:
            case DTK_EPOCH:
                return DirectFunctionCall3(numeric_in,
                                           CStringGetDatum(DATE_IS_NOBEGIN(date) ? "-Infinity" : "Infinity"),
                                           ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
            default:
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("unit \"%s\" not supported for type %s", lowunits, "date"));
        }
    }
    else if (type == UNITS)
    {
        j2date(date + POSTGRES_EPOCH_JDATE, &year, &mon, &mday);
        switch (val)
        {
            case DTK_DAY:
                intresult = mday;
                break;
            case DTK_MONTH:
                intresult = mon;
                break;
            case DTK_QUARTER:
                intresult = (mon - 1) / 3 + 1;
                break;
            case DTK_WEEK:
                intresult = date2isoweek(year, mon, mday);
                break;
            case DTK_YEAR:
                intresult = year > 0 ? year : year - 1;
                break;
            case DTK_DECADE:
                intresult = year >= 0 ? year / 10 : -((8 - (year - 1)) / 10);
                break;
            case DTK_CENTURY:
                intresult = year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100);
                break;
            case DTK_MILLENNIUM:
                intresult = year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
                break;
            case DTK_JULIAN:
                intresult = date + POSTGRES_EPOCH_JDATE;
                break;
            case DTK_ISOYEAR:
                intresult = date2isoyear(year, mon, mday);
                if (intresult <= 0)
                    intresult -= 1;
                break;
            case DTK_DOW:
            case DTK_ISODOW:
                intresult = j2day(date + POSTGRES_EPOCH_JDATE);
                if (val == DTK_ISODOW && intresult == 0)
                    intresult = 7;
                break;
            case DTK_DOY:
                intresult = date2j(year, mon, mday) - date2j(year, 1, 1) + 1;
                break;
            default:
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("unit \"%s\" not supported for type %s", lowunits, "date"));
                intresult = 0;
        }
    }
    else if (type == RESERV)
    {
        if (val != DTK_EPOCH)
            ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                    errmsg("unit \"%s\" not supported for type %s", lowunits, "date"));
        intresult = ((int64) date + POSTGRES_EPOCH_JDATE - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
    }
    else
    {
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("unit \"%s\" not recognized for type %s", lowunits, "date"));
        intresult = 0;
    }
    PG_RETURN_NUMERIC(int64_to_numeric(intresult));
}

/* ===================================================== miscellaneous */

/* Window RANGE offsets over dates go through timestamps. */
Datum
in_range_date_interval(PG_FUNCTION_ARGS)
{
    LOCAL_FCINFO(fc, 5);

    InitFunctionCallInfoData(*fc, NULL, 5, InvalidOid, NULL, NULL);
    fc->args[0].value = TimestampGetDatum(date2timestamp_opt_overflow(PG_GETARG_DATEADT(0), NULL));
    fc->args[1].value = TimestampGetDatum(date2timestamp_opt_overflow(PG_GETARG_DATEADT(1), NULL));
    fc->args[2].value = PG_GETARG_DATUM(2);
    fc->args[3].value = PG_GETARG_DATUM(3);
    fc->args[4].value = PG_GETARG_DATUM(4);
    for (int i = 0; i < 5; i++)
        fc->args[i].isnull = false;
    return in_range_timestamp_interval(fc);
}

Datum
daterange_subdiff(PG_FUNCTION_ARGS)
{
    PG_RETURN_FLOAT8((float8) PG_GETARG_DATEADT(0) - (float8) PG_GETARG_DATEADT(1));
}
