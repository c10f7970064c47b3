/*-------------------------------------------------------------------------
 * datetime_encode.c
 *    The text output of the date/time types in every DateStyle and
 *    IntervalStyle, and the DateStyle setting's parser.
 *
 * Principal entry points
 *    EncodeDateOnly    date:         2024-01-02 / 01-02-2024 / 02.01.2024 ...
 *    EncodeTimeOnly    time, timetz: 04:05:06.789-08
 *    EncodeDateTime    timestamp[tz] in ISO, SQL, Postgres, German, XSD
 *    EncodeInterval    postgres, postgres_verbose, sql_standard, iso_8601
 *    check_datestyle / show_datestyle
 *
 * Output is PostgreSQL's byte for byte: fractional seconds print up to six
 * digits with trailing zeros removed; years before 1 AD print as positive
 * years followed by " BC"; a zone offset prints as +hh, +hh:mm or
 * +hh:mm:ss, whichever is shortest and exact; the SQL, Postgres and
 * German styles print the zone abbreviation when there is one (at most
 * MAXTZLEN characters).  Callers pass buffers of at least MAXDATELEN + 1.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <strings.h>

#include "procs/datetime.h"

/* Zero-padded unsigned decimal of at least `width` digits. */
static char *
put_zeropad(char *cp, int64 value, int width)
{
    char        tmp[24];
    int         n = 0;

    if (value < 0)
        value = -value;
    do
    {
        tmp[n++] = (char) ('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (n < width)
        tmp[n++] = '0';
    while (n > 0)
        *cp++ = tmp[--n];
    return cp;
}

/* Seconds and, if nonzero, up to `precision` fraction digits without
 * trailing zeros.  Signs are dropped. */
static char *
AppendSeconds(char *cp, int sec, fsec_t fsec, int precision, bool fillzeros)
{
    cp = put_zeropad(cp, sec < 0 ? -(int64) sec : sec, fillzeros ? 2 : 1);
    if (fsec != 0)
    {
        int32       value = fsec < 0 ? -fsec : fsec;
        char        digits[16];
        int         n;

        *cp++ = '.';
        for (int i = precision - 1; i >= 0; i--)
        {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        n = precision;
        while (n > 0 && digits[n - 1] == '0')
            n--;
        memcpy(cp, digits, n);
        cp += n;
    }
    return cp;
}

/* +hh[:mm[:ss]] from seconds WEST; XSD always prints the minutes. */
static char *
EncodeTimezone(char *str, int tz, int style)
{
    int         sec = tz < 0 ? -tz : tz;
    int         min = sec / SECS_PER_MINUTE;
    int         hour;

    sec -= min * SECS_PER_MINUTE;
    hour = min / MINS_PER_HOUR;
    min -= hour * MINS_PER_HOUR;
    *str++ = (tz <= 0 ? '+' : '-');
    str = put_zeropad(str, hour, 2);
    if (sec != 0)
    {
        *str++ = ':';
        str = put_zeropad(str, min, 2);
        *str++ = ':';
        str = put_zeropad(str, sec, 2);
    }
    else if (min != 0 || style == USE_XSD_DATES)
    {
        *str++ = ':';
        str = put_zeropad(str, min, 2);
    }
    return str;
}

static char *
put_year(char *str, int year)
{
    return put_zeropad(str, year > 0 ? year : -(year - 1), 4);
}

static char *
put_bc(char *str, int year)
{
    if (year <= 0)
    {
        memcpy(str, " BC", 3);
        str += 3;
    }
    return str;
}

void
EncodeDateOnly(struct pg_tm *tm, int style, char *str)
{
    switch (style)
    {
        case USE_ISO_DATES:
        case USE_XSD_DATES:
            str = put_year(str, tm->tm_year);
            *str++ = '-';
            str = put_zeropad(str, tm->tm_mon, 2);
            *str++ = '-';
            str = put_zeropad(str, tm->tm_mday, 2);
            break;
        case USE_SQL_DATES:
        case USE_POSTGRES_DATES:
        default:
            {
                char        sep = (style == USE_SQL_DATES) ? '/' : '-';

                if (DateOrder == DATEORDER_DMY)
                {
                    str = put_zeropad(str, tm->tm_mday, 2);
                    *str++ = sep;
                    str = put_zeropad(str, tm->tm_mon, 2);
                }
                else
                {
                    str = put_zeropad(str, tm->tm_mon, 2);
                    *str++ = sep;
                    str = put_zeropad(str, tm->tm_mday, 2);
                }
                *str++ = sep;
                str = put_year(str, tm->tm_year);
            }
            break;
        case USE_GERMAN_DATES:
            str = put_zeropad(str, tm->tm_mday, 2);
            *str++ = '.';
            str = put_zeropad(str, tm->tm_mon, 2);
            *str++ = '.';
            str = put_year(str, tm->tm_year);
            break;
    }
    str = put_bc(str, tm->tm_year);
    *str = '\0';
}

void
EncodeTimeOnly(struct pg_tm *tm, fsec_t fsec, bool print_tz, int tz, int style, char *str)
{
    str = put_zeropad(str, tm->tm_hour, 2);
    *str++ = ':';
    str = put_zeropad(str, tm->tm_min, 2);
    *str++ = ':';
    str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIME_PRECISION, true);
    if (print_tz)
        str = EncodeTimezone(str, tz, style);
    *str = '\0';
}

/* " ABBR" if there is an abbreviation, else the numeric zone. */
static char *
put_zone_name(char *str, bool print_tz, int tz, const char *tzn, int style, bool space)
{
    if (!print_tz)
        return str;
    if (tzn)
    {
        int         n = (int) strnlen(tzn, MAXTZLEN);

        *str++ = ' ';
        memcpy(str, tzn, n);
        return str + n;
    }
    if (space)
        *str++ = ' ';
    return EncodeTimezone(str, tz, style);
}

void
EncodeDateTime(struct pg_tm *tm, fsec_t fsec, bool print_tz, int tz, const char *tzn,
               int style, char *str)
{
    if (tm->tm_isdst < 0)
        print_tz = false;       /* no zone information */

    switch (style)
    {
        case USE_ISO_DATES:
        case USE_XSD_DATES:
            str = put_year(str, tm->tm_year);
            *str++ = '-';
            str = put_zeropad(str, tm->tm_mon, 2);
            *str++ = '-';
            str = put_zeropad(str, tm->tm_mday, 2);
            *str++ = (style == USE_ISO_DATES) ? ' ' : 'T';
            str = put_zeropad(str, tm->tm_hour, 2);
            *str++ = ':';
            str = put_zeropad(str, tm->tm_min, 2);
            *str++ = ':';
            str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
            if (print_tz)
                str = EncodeTimezone(str, tz, style);
            break;

        case USE_SQL_DATES:
        case USE_GERMAN_DATES:
            if (style == USE_GERMAN_DATES || DateOrder == DATEORDER_DMY)
            {
                str = put_zeropad(str, tm->tm_mday, 2);
                *str++ = (style == USE_GERMAN_DATES) ? '.' : '/';
                str = put_zeropad(str, tm->tm_mon, 2);
            }
            else
            {
                str = put_zeropad(str, tm->tm_mon, 2);
                *str++ = '/';
                str = put_zeropad(str, tm->tm_mday, 2);
            }
            *str++ = (style == USE_GERMAN_DATES) ? '.' : '/';
            str = put_year(str, tm->tm_year);
            *str++ = ' ';
            str = put_zeropad(str, tm->tm_hour, 2);
            *str++ = ':';
            str = put_zeropad(str, tm->tm_min, 2);
            *str++ = ':';
            str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
            str = put_zone_name(str, print_tz, tz, tzn, style, false);
            break;

        case USE_POSTGRES_DATES:
        default:
            tm->tm_wday = j2day(date2j(tm->tm_year, tm->tm_mon, tm->tm_mday));
            memcpy(str, days[tm->tm_wday], 3);
            str += 3;
            *str++ = ' ';
            if (DateOrder == DATEORDER_DMY)
            {
                str = put_zeropad(str, tm->tm_mday, 2);
                *str++ = ' ';
                memcpy(str, months[tm->tm_mon - 1], 3);
                str += 3;
            }
            else
            {
                memcpy(str, months[tm->tm_mon - 1], 3);
                str += 3;
                *str++ = ' ';
                str = put_zeropad(str, tm->tm_mday, 2);
            }
            *str++ = ' ';
            str = put_zeropad(str, tm->tm_hour, 2);
            *str++ = ':';
            str = put_zeropad(str, tm->tm_min, 2);
            *str++ = ':';
            str = AppendSeconds(str, tm->tm_sec, fsec, MAX_TIMESTAMP_PRECISION, true);
            *str++ = ' ';
            str = put_year(str, tm->tm_year);
            str = put_zone_name(str, print_tz, tz, tzn, style, true);
            break;
    }
    str = put_bc(str, tm->tm_year);
    *str = '\0';
}

void
EncodeSpecialTimestamp(Timestamp dt, char *str)
{
    if (TIMESTAMP_IS_NOBEGIN(dt))
        strcpy(str, "-infinity");
    else if (TIMESTAMP_IS_NOEND(dt))
        strcpy(str, "infinity");
    else
        elog(ERROR, "invalid argument for EncodeSpecialTimestamp");
}

void
EncodeSpecialDate(DateADT dt, char *str)
{
    if (DATE_IS_NOBEGIN(dt))
        strcpy(str, "-infinity");
    else if (DATE_IS_NOEND(dt))
        strcpy(str, "infinity");
    else
        elog(ERROR, "invalid argument for EncodeSpecialDate");
}

/* ============================================================ intervals */

static char *
AddISO8601IntPart(char *cp, int64 value, char units)
{
    if (value == 0)
        return cp;
    return cp + sprintf(cp, "%lld%c", (long long) value, units);
}

/* postgres style: each nonzero field; a field after a negative one gets
 * an explicit '+' when positive. */
static char *
AddPostgresIntPart(char *cp, int64 value, const char *units, bool *is_zero, bool *is_before)
{
    if (value == 0)
        return cp;
    cp += sprintf(cp, "%s%s%lld %s%s", (!*is_zero) ? " " : "",
                  (*is_before && value > 0) ? "+" : "", (long long) value, units,
                  (value != 1) ? "s" : "");
    *is_before = (value < 0);
    *is_zero = false;
    return cp;
}

/* postgres_verbose: the first nonzero field's sign becomes a trailing "ago". */
static char *
AddVerboseIntPart(char *cp, int64 value, const char *units, bool *is_zero, bool *is_before)
{
    if (value == 0)
        return cp;
    if (*is_zero)
    {
        *is_before = (value < 0);
        value = value < 0 ? -value : value;
    }
    else if (*is_before)
        value = -value;
    cp += sprintf(cp, " %lld %s%s", (long long) value, units, (value == 1) ? "" : "s");
    *is_zero = false;
    return cp;
}

void
EncodeInterval(struct pg_itm *itm, int style, char *str)
{
    char       *cp = str;
    int         year = itm->tm_year;
    int         mon = itm->tm_mon;
    int64       mday = itm->tm_mday;
    int64       hour = itm->tm_hour;
    int         min = itm->tm_min;
    int         sec = itm->tm_sec;
    int         fsec = itm->tm_usec;
    bool        is_before = false;
    bool        is_zero = true;

    switch (style)
    {
        case INTSTYLE_SQL_STANDARD:
            {
                bool        has_negative = year < 0 || mon < 0 || mday < 0 || hour < 0 ||
                    min < 0 || sec < 0 || fsec < 0;
                bool        has_positive = year > 0 || mon > 0 || mday > 0 || hour > 0 ||
                    min > 0 || sec > 0 || fsec > 0;
                bool        has_year_month = year != 0 || mon != 0;
                bool        has_day_time = mday != 0 || hour != 0 || min != 0 ||
                    sec != 0 || fsec != 0;
                bool        has_day = mday != 0;
                bool        sql_standard_value = !(has_negative && has_positive) &&
                    !(has_year_month && has_day_time);

                /* one leading sign when the value allows it */
                if (has_negative && sql_standard_value)
                {
                    *cp++ = '-';
                    year = -year;
                    mon = -mon;
                    mday = -mday;
                    hour = -hour;
                    min = -min;
                    sec = -sec;
                    fsec = -fsec;
                }
                if (!has_negative && !has_positive)
                    strcpy(cp, "0");
                else if (!sql_standard_value)
                {
                    /* mixed signs or fields: every part signed */
                    char        year_sign = (year < 0 || mon < 0) ? '-' : '+';
                    char        day_sign = (mday < 0) ? '-' : '+';
                    char        sec_sign = (hour < 0 || min < 0 || sec < 0 || fsec < 0) ? '-' : '+';

                    cp += sprintf(cp, "%c%d-%d %c%lld %c%lld:%02d:", year_sign, abs(year),
                                  abs(mon), day_sign, (long long) (mday < 0 ? -mday : mday),
                                  sec_sign, (long long) (hour < 0 ? -hour : hour), abs(min));
                    cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
                    *cp = '\0';
                }
                else if (has_year_month)
                    sprintf(cp, "%d-%d", year, mon);
                else if (has_day)
                {
                    cp += sprintf(cp, "%lld %lld:%02d:", (long long) mday, (long long) hour, min);
                    cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
                    *cp = '\0';
                }
                else
                {
                    cp += sprintf(cp, "%lld:%02d:", (long long) hour, min);
                    cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
                    *cp = '\0';
                }
            }
            break;

        case INTSTYLE_ISO_8601:
            if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 &&
                sec == 0 && fsec == 0)
            {
                strcpy(cp, "PT0S");
                break;
            }
            *cp++ = 'P';
            cp = AddISO8601IntPart(cp, year, 'Y');
            cp = AddISO8601IntPart(cp, mon, 'M');
            cp = AddISO8601IntPart(cp, mday, 'D');
            if (hour != 0 || min != 0 || sec != 0 || fsec != 0)
                *cp++ = 'T';
            cp = AddISO8601IntPart(cp, hour, 'H');
            cp = AddISO8601IntPart(cp, min, 'M');
            if (sec != 0 || fsec != 0)
            {
                if (sec < 0 || fsec < 0)
                    *cp++ = '-';
                cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, false);
                *cp++ = 'S';
            }
            *cp = '\0';
            break;

        case INTSTYLE_POSTGRES:
            cp = AddPostgresIntPart(cp, year, "year", &is_zero, &is_before);
            cp = AddPostgresIntPart(cp, mon, "mon", &is_zero, &is_before);
            cp = AddPostgresIntPart(cp, mday, "day", &is_zero, &is_before);
            if (is_zero || hour != 0 || min != 0 || sec != 0 || fsec != 0)
            {
                bool        minus = (hour < 0 || min < 0 || sec < 0 || fsec < 0);

                cp += sprintf(cp, "%s%s%02lld:%02d:", is_zero ? "" : " ",
                              (minus ? "-" : (is_before ? "+" : "")),
                              (long long) (hour < 0 ? -hour : hour), abs(min));
                cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, true);
            }
            *cp = '\0';
            break;

        case INTSTYLE_POSTGRES_VERBOSE:
        default:
            *cp++ = '@';
            cp = AddVerboseIntPart(cp, year, "year", &is_zero, &is_before);
            cp = AddVerboseIntPart(cp, mon, "mon", &is_zero, &is_before);
            cp = AddVerboseIntPart(cp, mday, "day", &is_zero, &is_before);
            cp = AddVerboseIntPart(cp, hour, "hour", &is_zero, &is_before);
            cp = AddVerboseIntPart(cp, min, "min", &is_zero, &is_before);
            if (sec != 0 || fsec != 0)
            {
                *cp++ = ' ';
                if (sec < 0 || (sec == 0 && fsec < 0))
                {
                    if (is_zero)
                        is_before = true;
                    else if (!is_before)
                        *cp++ = '-';
                }
                else if (is_before)
                    *cp++ = '-';
                cp = AppendSeconds(cp, sec, fsec, MAX_INTERVAL_PRECISION, false);
                cp += sprintf(cp, " sec%s", (abs(sec) != 1 || fsec != 0) ? "s" : "");
                is_zero = false;
            }
            *cp = '\0';
            if (is_zero)
                strcat(cp, " 0");
            if (is_before)
                strcat(cp, " ago");
            break;
    }
}

