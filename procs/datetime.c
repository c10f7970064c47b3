/*-------------------------------------------------------------------------
 * datetime.c
 *    The text parser shared by every date/time type: Julian-day calendar
 *    arithmetic, keyword tables, the tokenizer, the field decoders, the
 *    date/timestamp decoder and PostgreSQL's input error reports.
 *
 * Principal entry points
 *    ParseDateTime      split input into typed fields (numbers, dates,
 *                       times, strings, signed zone displacements)
 *    DecodeDateTime     fields -> struct pg_tm + fraction + zone (date,
 *                       timestamp, timestamptz input)
 *    DateTimeParseError the 22007 / 22008 / 22015 / 22009 reports
 * and the field decoders the other decoders share: DecodeDate,
 * DecodeNumber, DecodeNumberField, DecodeTime, DecodeTimeCommon,
 * DecodeTimezone.  DecodeTimeOnly (time, timetz) lives in time.c,
 * DecodeInterval / DecodeISO8601Interval in interval.c, the output side
 * (EncodeDateTime and friends, DateStyle) in datetime_encode.c.
 *
 * The decoding rules are PostgreSQL 15's, reproduced because the accepted
 * inputs and their meanings are user-visible: a field is classified by its
 * shape and by what has been seen so far (fmask), with DateOrder resolving
 * two-digit numeric date fields.  Each field sets bits in a mask; a second
 * field claiming an already-claimed bit is a syntax error.
 *
 * Invariants: field strings live in the caller's workbuf (decoding does not
 * allocate); text tokens are lowercased by the tokenizer; keyword tables are
 * sorted by token and matched on their first TOKMAXLEN characters.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>

#include "procs/datetime.h"

const int   day_tab[2][13] = {
    {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0},
    {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 0}
};

const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", NULL};

const char *const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", NULL};

/* ============================================================ keywords */

/* Words of date/time input (abbreviations come from pgtz.c first). */
static const datetkn datetktbl[] = {
    {"-infinity", RESERV, DTK_EARLY},
    {"ad", ADBC, AD},
    {"allballs", RESERV, DTK_ZULU},
    {"am", AMPM, AM},
    {"apr", MONTH, 4},
    {"april", MONTH, 4},
    {"at", IGNORE_DTF, 0},
    {"aug", MONTH, 8},
    {"august", MONTH, 8},
    {"bc", ADBC, BC},
    {"d", UNITS, DTK_DAY},
    {"dec", MONTH, 12},
    {"december", MONTH, 12},
    {"dow", UNITS, DTK_DOW},
    {"doy", UNITS, DTK_DOY},
    {"dst", DTZMOD, SECS_PER_HOUR},
    {"epoch", RESERV, DTK_EPOCH},
    {"feb", MONTH, 2},
    {"february", MONTH, 2},
    {"fri", DOW, 5},
    {"friday", DOW, 5},
    {"h", UNITS, DTK_HOUR},
    {"infinity", RESERV, DTK_LATE},
    {"isodow", UNITS, DTK_ISODOW},
    {"isoyear", UNITS, DTK_ISOYEAR},
    {"j", UNITS, DTK_JULIAN},
    {"jan", MONTH, 1},
    {"january", MONTH, 1},
    {"jd", UNITS, DTK_JULIAN},
    {"jul", MONTH, 7},
    {"julian", UNITS, DTK_JULIAN},
    {"july", MONTH, 7},
    {"jun", MONTH, 6},
    {"june", MONTH, 6},
    {"m", UNITS, DTK_MONTH},
    {"mar", MONTH, 3},
    {"march", MONTH, 3},
    {"may", MONTH, 5},
    {"mm", UNITS, DTK_MINUTE},
    {"mon", DOW, 1},
    {"monday", DOW, 1},
    {"nov", MONTH, 11},
    {"november", MONTH, 11},
    {"now", RESERV, DTK_NOW},
    {"oct", MONTH, 10},
    {"october", MONTH, 10},
    {"on", IGNORE_DTF, 0},
    {"pm", AMPM, PM},
    {"s", UNITS, DTK_SECOND},
    {"sat", DOW, 6},
    {"saturday", DOW, 6},
    {"sep", MONTH, 9},
    {"sept", MONTH, 9},
    {"september", MONTH, 9},
    {"sun", DOW, 0},
    {"sunday", DOW, 0},
    {"t", ISOTIME, DTK_TIME},
    {"thu", DOW, 4},
    {"thur", DOW, 4},
    {"thurs", DOW, 4},
    {"thursday", DOW, 4},
    {"today", RESERV, DTK_TODAY},
    {"tomorrow", RESERV, DTK_TOMORROW},
    {"tue", DOW, 2},
    {"tues", DOW, 2},
    {"tuesday", DOW, 2},
    {"wed", DOW, 3},
    {"wednesday", DOW, 3},
    {"weds", DOW, 3},
    {"y", UNITS, DTK_YEAR},
    {"yesterday", RESERV, DTK_YESTERDAY}
};

/* Unit words of interval input, EXTRACT and date_trunc. */
static const datetkn deltatktbl[] = {
    {"@", IGNORE_DTF, 0},
    {"ago", AGO, 0},
    {"c", UNITS, DTK_CENTURY},
    {"cent", UNITS, DTK_CENTURY},
    {"centuries", UNITS, DTK_CENTURY},
    {"century", UNITS, DTK_CENTURY},
    {"d", UNITS, DTK_DAY},
    {"day", UNITS, DTK_DAY},
    {"days", UNITS, DTK_DAY},
    {"dec", UNITS, DTK_DECADE},
    {"decade", UNITS, DTK_DECADE},
    {"decades", UNITS, DTK_DECADE},
    {"decs", UNITS, DTK_DECADE},
    {"h", UNITS, DTK_HOUR},
    {"hour", UNITS, DTK_HOUR},
    {"hours", UNITS, DTK_HOUR},
    {"hr", UNITS, DTK_HOUR},
    {"hrs", UNITS, DTK_HOUR},
    {"m", UNITS, DTK_MINUTE},
    {"microsecon", UNITS, DTK_MICROSEC},
    {"mil", UNITS, DTK_MILLENNIUM},
    {"millennia", UNITS, DTK_MILLENNIUM},
    {"millennium", UNITS, DTK_MILLENNIUM},
    {"millisecon", UNITS, DTK_MILLISEC},
    {"mils", UNITS, DTK_MILLENNIUM},
    {"min", UNITS, DTK_MINUTE},
    {"mins", UNITS, DTK_MINUTE},
    {"minute", UNITS, DTK_MINUTE},
    {"minutes", UNITS, DTK_MINUTE},
    {"mon", UNITS, DTK_MONTH},
    {"mons", UNITS, DTK_MONTH},
    {"month", UNITS, DTK_MONTH},
    {"months", UNITS, DTK_MONTH},
    {"ms", UNITS, DTK_MILLISEC},
    {"msec", UNITS, DTK_MILLISEC},
    {"msecond", UNITS, DTK_MILLISEC},
    {"mseconds", UNITS, DTK_MILLISEC},
    {"msecs", UNITS, DTK_MILLISEC},
    {"qtr", UNITS, DTK_QUARTER},
    {"quarter", UNITS, DTK_QUARTER},
    {"s", UNITS, DTK_SECOND},
    {"sec", UNITS, DTK_SECOND},
    {"second", UNITS, DTK_SECOND},
    {"seconds", UNITS, DTK_SECOND},
    {"secs", UNITS, DTK_SECOND},
    {"timezone", UNITS, DTK_TZ},
    {"timezone_h", UNITS, DTK_TZ_HOUR},
    {"timezone_m", UNITS, DTK_TZ_MINUTE},
    {"us", UNITS, DTK_MICROSEC},
    {"usec", UNITS, DTK_MICROSEC},
    {"usecond", UNITS, DTK_MICROSEC},
    {"useconds", UNITS, DTK_MICROSEC},
    {"usecs", UNITS, DTK_MICROSEC},
    {"w", UNITS, DTK_WEEK},
    {"week", UNITS, DTK_WEEK},
    {"weeks", UNITS, DTK_WEEK},
    {"y", UNITS, DTK_YEAR},
    {"year", UNITS, DTK_YEAR},
    {"years", UNITS, DTK_YEAR},
    {"yr", UNITS, DTK_YEAR},
    {"yrs", UNITS, DTK_YEAR}
};

/* Binary search on the first TOKMAXLEN characters (long words such as
 * "microseconds" match their truncated table entry). */
static const datetkn *
datebsearch(const char *key, const datetkn *base, int nel)
{
    int         lo = 0, hi = nel - 1;

    while (lo <= hi)
    {
        int         mid = (lo + hi) / 2;
        int         c = strncmp(key, base[mid].token, TOKMAXLEN);

        if (c == 0)
            return &base[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

static bool
check_table(const datetkn *base, int nel)
{
    for (int i = 0; i < nel; i++)
    {
        if (strlen(base[i].token) > TOKMAXLEN)
            return false;
        if (i > 0 && strcmp(base[i - 1].token, base[i].token) >= 0)
            return false;
    }
    return true;
}

bool
CheckDateTokenTables(void)
{
    return check_table(datetktbl, lengthof(datetktbl)) &&
        check_table(deltatktbl, lengthof(deltatktbl)) &&
        date2j(1970, 1, 1) == UNIX_EPOCH_JDATE &&
        date2j(2000, 1, 1) == POSTGRES_EPOCH_JDATE;
}

int
DecodeSpecial(int field, const char *lowtoken, int *val)
{
    const datetkn *tp = datebsearch(lowtoken, datetktbl, lengthof(datetktbl));

    if (tp == NULL)
    {
        *val = 0;
        return UNKNOWN_FIELD;
    }
    *val = tp->value;
    return tp->type;
}

int
DecodeUnits(int field, const char *lowtoken, int *val)
{
    const datetkn *tp = datebsearch(lowtoken, deltatktbl, lengthof(deltatktbl));

    if (tp == NULL)
    {
        *val = 0;
        return UNKNOWN_FIELD;
    }
    *val = tp->value;
    return tp->type;
}

char *
downcase_truncate_identifier(const char *ident, int len)
{
    char       *result = palloc(len + 1);

    for (int i = 0; i < len; i++)
    {
        unsigned char ch = (unsigned char) ident[i];

        result[i] = (ch >= 'A' && ch <= 'Z') ? (char) (ch + ('a' - 'A')) : (char) ch;
    }
    if (len >= NAMEDATALEN)
        len = NAMEDATALEN - 1;
    result[len] = '\0';
    return result;
}

/* ====================================================== Julian calendar
 * Julian day numbers count days from 4714-11-24 BC (proleptic Gregorian),
 * day 0.  These conversions are exact for 0 .. INT_MAX (through
 * 5874898-06-03); date2j also gives sane values slightly before day 0,
 * which IS_VALID_JULIAN relies on.  The formulas are the classic
 * Fliegel & Van Flandern ones, computed in 64 bits.
 */
int
date2j(int year, int month, int day)
{
    int64       a = (14 - month) / 12;
    int64       y = (int64) year + 4800 - a;
    int64       m = month + 12 * a - 3;

    return (int) (day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045);
}

void
j2date(int jd, int *year, int *month, int *day)
{
    int64       a = (int64) jd + 32044;
    int64       b = (4 * a + 3) / 146097;
    int64       c = a - 146097 * b / 4;
    int64       d = (4 * c + 3) / 1461;
    int64       e = c - 1461 * d / 4;
    int64       m = (5 * e + 2) / 153;

    *day = (int) (e - (153 * m + 2) / 5 + 1);
    *month = (int) (m + 3 - 12 * (m / 10));
    *year = (int) (100 * b + d - 4800 + m / 10);
}

/* 0..6 = Sunday..Saturday.  j2day(j - 1) gives 0..6 = Monday..Sunday. */
int
j2day(int jd)
{
    int         d = (int) (((int64) jd + 1) % 7);

    return d < 0 ? d + 7 : d;
}

/* ============================================================ tokenizer */

#define APPEND_CHAR(c) \
    do { if (bufp + 1 >= bufend) return DTERR_BAD_FORMAT; *bufp++ = (c); } while (0)

/*
 * Split timestr into fields.  Field kinds:
 *   DTK_NUMBER   digits, possibly with a decimal point (also yy.ddd)
 *   DTK_DATE     digits with two delimiters, or digits and a text month,
 *                or a word with embedded punctuation (America/New_York)
 *   DTK_TIME     digits with colons (and a fraction)
 *   DTK_STRING   a word (month, weekday, keyword, zone abbreviation)
 *   DTK_SPECIAL  "+" or "-" followed by a word
 *   DTK_TZ       "+" or "-" followed by digits (also ':', '.', '-')
 * Words are lowercased; fields are NUL-terminated strings in workbuf.
 */
int
ParseDateTime(const char *timestr, char *workbuf, size_t buflen,
              char **field, int *ftype, int maxfields, int *numfields)
{
    int         nf = 0;
    const char *cp = timestr;
    char       *bufp = workbuf;
    const char *bufend = workbuf + buflen;

    while (*cp != '\0')
    {
        if (isspace((unsigned char) *cp))
        {
            cp++;
            continue;
        }
        if (nf >= maxfields)
            return DTERR_BAD_FORMAT;
        field[nf] = bufp;

        if (isdigit((unsigned char) *cp))
        {
            APPEND_CHAR(*cp++);
            while (isdigit((unsigned char) *cp))
                APPEND_CHAR(*cp++);
            if (*cp == ':')
            {
                ftype[nf] = DTK_TIME;
                APPEND_CHAR(*cp++);
                while (isdigit((unsigned char) *cp) || *cp == ':' || *cp == '.')
                    APPEND_CHAR(*cp++);
            }
            else if (*cp == '-' || *cp == '/' || *cp == '.')
            {
                char        delim = *cp;

                APPEND_CHAR(*cp++);
                if (isdigit((unsigned char) *cp))
                {
                    ftype[nf] = (delim == '.') ? DTK_NUMBER : DTK_DATE;
                    while (isdigit((unsigned char) *cp))
                        APPEND_CHAR(*cp++);
                    /* a three-field date needs matching delimiters */
                    if (*cp == delim)
                    {
                        ftype[nf] = DTK_DATE;
                        APPEND_CHAR(*cp++);
                        while (isdigit((unsigned char) *cp) || *cp == delim)
                            APPEND_CHAR(*cp++);
                    }
                }
                else
                {
                    /* embedded text month: 1-Jan-2024 */
                    ftype[nf] = DTK_DATE;
                    while (isalnum((unsigned char) *cp) || *cp == delim)
                        APPEND_CHAR((char) tolower((unsigned char) *cp++));
                }
            }
            else
                ftype[nf] = DTK_NUMBER;
        }
        else if (*cp == '.')
        {
            APPEND_CHAR(*cp++);
            while (isdigit((unsigned char) *cp))
                APPEND_CHAR(*cp++);
            ftype[nf] = DTK_NUMBER;
        }
        else if (isalpha((unsigned char) *cp))
        {
            bool        is_date = false;

            ftype[nf] = DTK_STRING;
            APPEND_CHAR((char) tolower((unsigned char) *cp++));
            while (isalpha((unsigned char) *cp))
                APPEND_CHAR((char) tolower((unsigned char) *cp++));

            /*
             * Embedded '-', '/' or '.' make a date ("Jan-01-2024") or a
             * zone name ("America/New_York", "Etc/GMT+8"); a digit or '+'
             * right after a word does too, unless the word is a keyword
             * ("T12:00", "J2451545").
             */
            if (*cp == '-' || *cp == '/' || *cp == '.')
                is_date = true;
            else if (*cp == '+' || isdigit((unsigned char) *cp))
            {
                *bufp = '\0';
                if (datebsearch(field[nf], datetktbl, lengthof(datetktbl)) == NULL)
                    is_date = true;
            }
            if (is_date)
            {
                ftype[nf] = DTK_DATE;
                do
                {
                    APPEND_CHAR((char) tolower((unsigned char) *cp++));
                } while (*cp == '+' || *cp == '-' || *cp == '/' || *cp == '_' ||
                         *cp == '.' || *cp == ':' || isalnum((unsigned char) *cp));
            }
        }
        else if (*cp == '+' || *cp == '-')
        {
            APPEND_CHAR(*cp++);
            while (isspace((unsigned char) *cp))
                cp++;
            if (isdigit((unsigned char) *cp))
            {
                /* numeric zone, or a signed number / year-month */
                ftype[nf] = DTK_TZ;
                APPEND_CHAR(*cp++);
                while (isdigit((unsigned char) *cp) || *cp == ':' || *cp == '.' || *cp == '-')
                    APPEND_CHAR(*cp++);
            }
            else if (isalpha((unsigned char) *cp))
            {
                ftype[nf] = DTK_SPECIAL;
                APPEND_CHAR((char) tolower((unsigned char) *cp++));
                while (isalpha((unsigned char) *cp))
                    APPEND_CHAR((char) tolower((unsigned char) *cp++));
            }
            else
                return DTERR_BAD_FORMAT;
        }
        else if (ispunct((unsigned char) *cp))
        {
            /* other punctuation only separates fields */
            cp++;
            continue;
        }
        else
            return DTERR_BAD_FORMAT;

        *bufp++ = '\0';
        nf++;
    }
    *numfields = nf;
    return 0;
}

/* ============================================================== helpers */

/* strtol that reports overflow of int as ERANGE. */
int
dt_strtoint(const char *s, char **endptr, int base)
{
    long        v;

    errno = 0;
    v = strtol(s, endptr, base);
    if (v != (long) (int) v)
        errno = ERANGE;
    return (int) v;
}

/* ".123" (or just ".") to the end of the string, as a double. */
int
ParseFraction(char *cp, double *frac)
{
    if (cp[1] == '\0')
    {
        *frac = 0;
        return 0;
    }
    errno = 0;
    *frac = strtod(cp, &cp);
    if (*cp != '\0' || errno != 0)
        return DTERR_BAD_FORMAT;
    return 0;
}

int
ParseFractionalSecond(char *cp, fsec_t *fsec)
{
    double      frac;
    int         dterr = ParseFraction(cp, &frac);

    if (dterr)
        return dterr;
    *fsec = (fsec_t) rint(frac * 1000000);
    return 0;
}

/* Microseconds of a day fraction into h:m:s.f (fractional Julian days). */
void
dt_day_fraction_to_time(double usecs, struct pg_tm *tm, fsec_t *fsec)
{
    int64       t = (int64) usecs;

    tm->tm_hour = (int) (t / USECS_PER_HOUR);
    t -= tm->tm_hour * USECS_PER_HOUR;
    tm->tm_min = (int) (t / USECS_PER_MINUTE);
    t -= tm->tm_min * USECS_PER_MINUTE;
    tm->tm_sec = (int) (t / USECS_PER_SEC);
    *fsec = (fsec_t) (t - tm->tm_sec * USECS_PER_SEC);
}

/* ============================================================ fields */

/* A numeric zone displacement: +h, +hh, +hhmm, +hh:mm, +hh:mm:ss. */
int
DecodeTimezone(const char *str, int *tzp)
{
    int         tz, hr, min, sec = 0;
    char       *cp;

    if (*str != '+' && *str != '-')
        return DTERR_BAD_FORMAT;
    hr = dt_strtoint(str + 1, &cp, 10);
    if (errno == ERANGE)
        return DTERR_TZDISP_OVERFLOW;
    if (*cp == ':')
    {
        min = dt_strtoint(cp + 1, &cp, 10);
        if (errno == ERANGE)
            return DTERR_TZDISP_OVERFLOW;
        if (*cp == ':')
        {
            sec = dt_strtoint(cp + 1, &cp, 10);
            if (errno == ERANGE)
                return DTERR_TZDISP_OVERFLOW;
        }
    }
    else if (*cp == '\0' && strlen(str) > 3)
    {
        /* run together: +hhmm */
        min = hr % 100;
        hr = hr / 100;
    }
    else
        min = 0;
    if (hr < 0 || hr > MAX_TZDISP_HOUR || min < 0 || min >= MINS_PER_HOUR ||
        sec < 0 || sec >= SECS_PER_MINUTE)
        return DTERR_TZDISP_OVERFLOW;
    tz = (hr * MINS_PER_HOUR + min) * SECS_PER_MINUTE + sec;
    if (*str == '-')
        tz = -tz;
    *tzp = -tz;
    if (*cp != '\0')
        return DTERR_BAD_FORMAT;
    return 0;
}

/* h:m[:s[.f]] (or m:s.f).  Hours are range-checked by the caller. */
int
DecodeTimeCommon(char *str, int range, int *tmask, int64 *hour, int *min,
                   int *sec, fsec_t *fsec)
{
    char       *cp;
    int         dterr;

    *tmask = DTK_TIME_M;
    *fsec = 0;
    errno = 0;
    *hour = strtoll(str, &cp, 10);
    if (errno == ERANGE)
        return DTERR_FIELD_OVERFLOW;
    if (*cp != ':')
        return DTERR_BAD_FORMAT;
    *min = dt_strtoint(cp + 1, &cp, 10);
    if (errno == ERANGE)
        return DTERR_FIELD_OVERFLOW;
    if (*cp == '\0')
    {
        *sec = 0;
        /* MINUTE TO SECOND intervals read two fields as mm:ss */
        if (range == (INTERVAL_MASK(MINUTE) | INTERVAL_MASK(SECOND)))
        {
            if (*hour > INT_MAX || *hour < INT_MIN)
                return DTERR_FIELD_OVERFLOW;
            *sec = *min;
            *min = (int) *hour;
            *hour = 0;
        }
    }
    else if (*cp == '.')
    {
        /* mm:ss.fff is always MINUTE TO SECOND */
        dterr = ParseFractionalSecond(cp, fsec);
        if (dterr)
            return dterr;
        if (*hour > INT_MAX || *hour < INT_MIN)
            return DTERR_FIELD_OVERFLOW;
        *sec = *min;
        *min = (int) *hour;
        *hour = 0;
    }
    else if (*cp == ':')
    {
        *sec = dt_strtoint(cp + 1, &cp, 10);
        if (errno == ERANGE)
            return DTERR_FIELD_OVERFLOW;
        if (*cp == '.')
        {
            dterr = ParseFractionalSecond(cp, fsec);
            if (dterr)
                return dterr;
        }
        else if (*cp != '\0')
            return DTERR_BAD_FORMAT;
    }
    else
        return DTERR_BAD_FORMAT;
    if (*hour < 0 || *min < 0 || *min > MINS_PER_HOUR - 1 || *sec < 0 ||
        *sec > SECS_PER_MINUTE || *fsec < 0 || *fsec > USECS_PER_SEC)
        return DTERR_FIELD_OVERFLOW;
    return 0;
}

int
DecodeTime(char *str, int range, int *tmask, struct pg_tm *tm, fsec_t *fsec)
{
    int64       hour;
    int         dterr = DecodeTimeCommon(str, range, tmask, &hour, &tm->tm_min,
                                           &tm->tm_sec, fsec);

    if (dterr)
        return dterr;
    if (hour > INT_MAX)
        return DTERR_FIELD_OVERFLOW;
    tm->tm_hour = (int) hour;
    return 0;
}

/* A run-together date or time: yyyymmdd, yymmdd, hhmmss, hhmm, with an
 * optional fraction.  Returns DTK_DATE / DTK_TIME, or a DTERR code. */
int
DecodeNumberField(int len, char *str, int fmask, int *tmask, struct pg_tm *tm,
                  fsec_t *fsec, bool *is2digits)
{
    char       *cp;

    if ((cp = strchr(str, '.')) != NULL)
    {
        if (cp[1] == '\0')
            *fsec = 0;
        else
        {
            double      frac;

            errno = 0;
            frac = strtod(cp, NULL);
            if (errno != 0)
                return DTERR_BAD_FORMAT;
            *fsec = (fsec_t) rint(frac * 1000000);
        }
        *cp = '\0';
        len = (int) strlen(str);
    }
    else if ((fmask & DTK_DATE_M) != DTK_DATE_M)
    {
        if (len >= 6)
        {
            /* the last two digits are the day, the two before the month */
            *tmask = DTK_DATE_M;
            tm->tm_mday = atoi(str + (len - 2));
            str[len - 2] = '\0';
            tm->tm_mon = atoi(str + (len - 4));
            str[len - 4] = '\0';
            tm->tm_year = atoi(str);
            if ((len - 4) == 2)
                *is2digits = true;
            return DTK_DATE;
        }
    }
    if ((fmask & DTK_TIME_M) != DTK_TIME_M)
    {
        if (len == 6)
        {
            *tmask = DTK_TIME_M;
            tm->tm_sec = atoi(str + 4);
            str[4] = '\0';
            tm->tm_min = atoi(str + 2);
            str[2] = '\0';
            tm->tm_hour = atoi(str);
            return DTK_TIME;
        }
        else if (len == 4)
        {
            *tmask = DTK_TIME_M;
            tm->tm_sec = 0;
            tm->tm_min = atoi(str + 2);
            str[2] = '\0';
            tm->tm_hour = atoi(str);
            return DTK_TIME;
        }
    }
    return DTERR_BAD_FORMAT;
}

/* A lone number: which date part it is depends on what came before and on
 * DateOrder.  Three-digit numbers after a year are a day of year. */
int
DecodeNumber(int flen, char *str, bool haveTextMonth, int fmask, int *tmask,
             struct pg_tm *tm, fsec_t *fsec, bool *is2digits)
{
    int         val;
    char       *cp;
    int         dterr;

    *tmask = 0;
    val = dt_strtoint(str, &cp, 10);
    if (errno == ERANGE)
        return DTERR_FIELD_OVERFLOW;
    if (cp == str)
        return DTERR_BAD_FORMAT;
    if (*cp == '.')
    {
        /* more than two digits before the point: 2001.360, 20011225 */
        if (cp - str > 2)
        {
            dterr = DecodeNumberField(flen, str, fmask | DTK_DATE_M, tmask, tm, fsec,
                                      is2digits);
            return dterr < 0 ? dterr : 0;
        }
        dterr = ParseFractionalSecond(cp, fsec);
        if (dterr)
            return dterr;
    }
    else if (*cp != '\0')
        return DTERR_BAD_FORMAT;

    if (flen == 3 && (fmask & DTK_DATE_M) == DTK_M(YEAR) && val >= 1 && val <= 366)
    {
        *tmask = DTK_M(DOY) | DTK_M(MONTH) | DTK_M(DAY);
        tm->tm_yday = val;
        return 0;
    }

    switch (fmask & DTK_DATE_M)
    {
        case 0:
            /* first field: YYYY..., or per DateOrder */
            if (flen >= 3 || DateOrder == DATEORDER_YMD)
            {
                *tmask = DTK_M(YEAR);
                tm->tm_year = val;
            }
            else if (DateOrder == DATEORDER_DMY)
            {
                *tmask = DTK_M(DAY);
                tm->tm_mday = val;
            }
            else
            {
                *tmask = DTK_M(MONTH);
                tm->tm_mon = val;
            }
            break;
        case DTK_M(YEAR):
            *tmask = DTK_M(MONTH);
            tm->tm_mon = val;
            break;
        case DTK_M(MONTH):
            if (haveTextMonth)
            {
                /* MON-DD-YYYY, DD-MON-YYYY, YYYY-MON-DD */
                if (flen >= 3 || DateOrder == DATEORDER_YMD)
                {
                    *tmask = DTK_M(YEAR);
                    tm->tm_year = val;
                }
                else
                {
                    *tmask = DTK_M(DAY);
                    tm->tm_mday = val;
                }
            }
            else
            {
                *tmask = DTK_M(DAY);
                tm->tm_mday = val;
            }
            break;
        case DTK_M(YEAR) | DTK_M(MONTH):
            if (haveTextMonth)
            {
                /* DD-MON-YYYY even in YMD mode */
                if (flen >= 3 && *is2digits)
                {
                    *tmask = DTK_M(DAY);
                    tm->tm_mday = tm->tm_year;
                    tm->tm_year = val;
                    *is2digits = false;
                }
                else
                {
                    *tmask = DTK_M(DAY);
                    tm->tm_mday = val;
                }
            }
            else
            {
                *tmask = DTK_M(DAY);
                tm->tm_mday = val;
            }
            break;
        case DTK_M(DAY):
            *tmask = DTK_M(MONTH);
            tm->tm_mon = val;
            break;
        case DTK_M(MONTH) | DTK_M(DAY):
            *tmask = DTK_M(YEAR);
            tm->tm_year = val;
            break;
        case DTK_M(YEAR) | DTK_M(MONTH) | DTK_M(DAY):
            /* a complete date: this is a run-together time */
            dterr = DecodeNumberField(flen, str, fmask, tmask, tm, fsec, is2digits);
            return dterr < 0 ? dterr : 0;
        default:
            return DTERR_BAD_FORMAT;
    }
    if (*tmask == DTK_M(YEAR))
        *is2digits = (flen <= 2);
    return 0;
}

/* A delimited date: 2024-01-02, 1/2/2024, Jan-02-2024, 2024.01.02 ... */
int
DecodeDate(char *str, int fmask, int *tmask, bool *is2digits, struct pg_tm *tm)
{
    fsec_t      fsec;
    int         nf = 0;
    int         dterr;
    bool        haveTextMonth = false;
    int         type, val, dmask = 0;
    char       *field[MAXDATEFIELDS];

    *tmask = 0;
    while (*str != '\0' && nf < MAXDATEFIELDS)
    {
        while (*str != '\0' && !isalnum((unsigned char) *str))
            str++;
        if (*str == '\0')
            return DTERR_BAD_FORMAT;
        field[nf] = str;
        if (isdigit((unsigned char) *str))
            while (isdigit((unsigned char) *str))
                str++;
        else if (isalpha((unsigned char) *str))
            while (isalpha((unsigned char) *str))
                str++;
        if (*str != '\0')
            *str++ = '\0';
        nf++;
    }

    /* text fields first: an unambiguous month */
    for (int i = 0; i < nf; i++)
    {
        if (isalpha((unsigned char) *field[i]))
        {
            type = DecodeSpecial(i, field[i], &val);
            if (type == IGNORE_DTF)
                continue;
            dmask = DTK_M(type);
            if (type != MONTH)
                return DTERR_BAD_FORMAT;
            tm->tm_mon = val;
            haveTextMonth = true;
            if (fmask & dmask)
                return DTERR_BAD_FORMAT;
            fmask |= dmask;
            *tmask |= dmask;
            field[i] = NULL;
        }
    }
    for (int i = 0; i < nf; i++)
    {
        int         len;

        if (field[i] == NULL)
            continue;
        if ((len = (int) strlen(field[i])) <= 0)
            return DTERR_BAD_FORMAT;
        dterr = DecodeNumber(len, field[i], haveTextMonth, fmask, &dmask, tm, &fsec,
                             is2digits);
        if (dterr)
            return dterr;
        if (fmask & dmask)
            return DTERR_BAD_FORMAT;
        fmask |= dmask;
        *tmask |= dmask;
    }
    if ((fmask & ~(DTK_M(DOY) | DTK_M(TZ))) != DTK_DATE_M)
        return DTERR_BAD_FORMAT;
    return 0;
}

/* Final year/month/day checks: BC, two-digit years, day of year. */
int
ValidateDate(int fmask, bool isjulian, bool is2digits, bool bc, struct pg_tm *tm)
{
    if (fmask & DTK_M(YEAR))
    {
        if (isjulian)
            ;
        else if (bc)
        {
            if (tm->tm_year <= 0)
                return DTERR_FIELD_OVERFLOW;
            /* 1 BC is year 0 internally */
            tm->tm_year = -(tm->tm_year - 1);
        }
        else if (is2digits)
        {
            /* 0..69 -> 2000s, 70..99 -> 1900s */
            if (tm->tm_year < 0)
                return DTERR_FIELD_OVERFLOW;
            if (tm->tm_year < 70)
                tm->tm_year += 2000;
            else if (tm->tm_year < 100)
                tm->tm_year += 1900;
        }
        else if (tm->tm_year <= 0)
            return DTERR_FIELD_OVERFLOW;
    }
    if (fmask & DTK_M(DOY))
        j2date(date2j(tm->tm_year, 1, 1) + tm->tm_yday - 1,
               &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
    if ((fmask & DTK_M(MONTH)) && (tm->tm_mon < 1 || tm->tm_mon > MONTHS_PER_YEAR))
        return DTERR_MD_FIELD_OVERFLOW;
    if ((fmask & DTK_M(DAY)) && (tm->tm_mday < 1 || tm->tm_mday > 31))
        return DTERR_MD_FIELD_OVERFLOW;
    if ((fmask & DTK_DATE_M) == DTK_DATE_M &&
        tm->tm_mday > day_tab[isleap(tm->tm_year)][tm->tm_mon - 1])
        return DTERR_FIELD_OVERFLOW;
    return 0;
}

/* ======================================================== date + time */

/*
 * A number preceded by a unit label ("y2001", "m02", "d04", "h10", "mm30",
 * "s15.5", "j2451545", "t101112", "tz..." style input), PostgreSQL 15
 * rules: only Julian days, "t" times and seconds may carry a fraction; a
 * second "m" after month and hour means minutes.  Returns 0, the
 * DecodeNumberField field type for "t" times, or a DTERR code.
 */
int
DecodeLabelledNumber(char *field, int ptype, int fmask, int *tmask, struct pg_tm *tm,
                     fsec_t *fsec, int *tzp, bool *isjulian, bool *is2digits)
{
    char       *cp;
    int         value = dt_strtoint(field, &cp, 10);
    int         dterr;
    int         result = 0;

    if (errno == ERANGE)
        return DTERR_FIELD_OVERFLOW;
    if (*cp == '.')
    {
        if (ptype != DTK_JULIAN && ptype != DTK_TIME && ptype != DTK_SECOND)
            return DTERR_BAD_FORMAT;
    }
    else if (*cp != '\0')
        return DTERR_BAD_FORMAT;
    switch (ptype)
    {
        case DTK_YEAR:
            tm->tm_year = value;
            *tmask = DTK_M(YEAR);
            break;
        case DTK_MONTH:
            /* month and hour already known: "m" means minutes */
            if ((fmask & DTK_M(MONTH)) && (fmask & DTK_M(HOUR)))
            {
                tm->tm_min = value;
                *tmask = DTK_M(MINUTE);
            }
            else
            {
                tm->tm_mon = value;
                *tmask = DTK_M(MONTH);
            }
            break;
        case DTK_DAY:
            tm->tm_mday = value;
            *tmask = DTK_M(DAY);
            break;
        case DTK_HOUR:
            tm->tm_hour = value;
            *tmask = DTK_M(HOUR);
            break;
        case DTK_MINUTE:
            tm->tm_min = value;
            *tmask = DTK_M(MINUTE);
            break;
        case DTK_SECOND:
            tm->tm_sec = value;
            *tmask = DTK_M(SECOND);
            if (*cp == '.')
            {
                dterr = ParseFractionalSecond(cp, fsec);
                if (dterr)
                    return dterr;
                *tmask = DTK_ALL_SECS_M;
            }
            break;
        case DTK_TZ:
            if (tzp == NULL)
                return DTERR_BAD_FORMAT;
            *tmask = DTK_M(TZ);
            dterr = DecodeTimezone(field, tzp);
            if (dterr)
                return dterr;
            break;
        case DTK_JULIAN:
            if (value < 0)
                return DTERR_FIELD_OVERFLOW;
            *tmask = DTK_DATE_M;
            j2date(value, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
            *isjulian = true;
            if (*cp == '.')
            {
                double      time;

                dterr = ParseFraction(cp, &time);
                if (dterr)
                    return dterr;
                dt_day_fraction_to_time(time * USECS_PER_DAY, tm, fsec);
                *tmask |= DTK_TIME_M;
            }
            break;
        case DTK_TIME:
            dterr = DecodeNumberField((int) strlen(field), field,
                                      fmask | DTK_DATE_M, tmask, tm,
                                      fsec, is2digits);
            if (dterr < 0)
                return dterr;
            if (*tmask != DTK_TIME_M)
                return DTERR_BAD_FORMAT;
            result = dterr;
            break;
        default:
            return DTERR_BAD_FORMAT;
    }
    return result;
}

/*
 * Interpret fields as a date and time.  Returns 0 for a complete date, 1 if
 * only a time was found (callers treat both 1 and negative codes as errors),
 * or a DTERR code.  *dtype is DTK_DATE, or DTK_EPOCH / DTK_LATE / DTK_EARLY
 * for the special words.  tzp NULL: no zone allowed (timestamp and date
 * still pass one and ignore it); when no zone is given the session zone
 * decides the offset.
 */
int
DecodeDateTime(char **field, int *ftype, int nf, int *dtype, struct pg_tm *tm,
               fsec_t *fsec, int *tzp)
{
    int         fmask = 0, tmask, type;
    int         ptype = 0;      /* prefix unit: "j" (Julian) or "t" (ISO time) */
    int         val, dterr;
    int         mer = HR24;
    bool        haveTextMonth = false, isjulian = false, is2digits = false, bc = false;
    pg_tz      *namedTz = NULL;
    pg_tz      *abbrevTz = NULL;
    pg_tz      *valtz;
    char       *abbrev = NULL;
    struct pg_tm cur_tm;

    *dtype = DTK_DATE;
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
                if (ptype == DTK_JULIAN)
                {
                    /* integral Julian day with attached zone: J2451545-08 */
                    char       *cp;
                    int         jday;

                    if (tzp == NULL)
                        return DTERR_BAD_FORMAT;
                    jday = dt_strtoint(field[i], &cp, 10);
                    if (errno == ERANGE || jday < 0)
                        return DTERR_FIELD_OVERFLOW;
                    j2date(jday, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
                    isjulian = true;
                    dterr = DecodeTimezone(cp, tzp);
                    if (dterr)
                        return dterr;
                    tmask = DTK_DATE_M | DTK_TIME_M | DTK_M(TZ);
                    ptype = 0;
                    break;
                }
                else if (ptype != 0 ||
                         ((fmask & (DTK_M(MONTH) | DTK_M(DAY))) == (DTK_M(MONTH) | DTK_M(DAY))))
                {
                    /* with month and day known, a zone name or hhmmss-zz */
                    if (tzp == NULL)
                        return DTERR_BAD_FORMAT;
                    if (isdigit((unsigned char) *field[i]) || ptype != 0)
                    {
                        char       *cp;

                        if (ptype != 0)
                        {
                            if (ptype != DTK_TIME)
                                return DTERR_BAD_FORMAT;
                            ptype = 0;
                        }
                        if ((fmask & DTK_TIME_M) == DTK_TIME_M)
                            return DTERR_BAD_FORMAT;
                        if ((cp = strchr(field[i], '-')) == NULL)
                            return DTERR_BAD_FORMAT;
                        dterr = DecodeTimezone(cp, tzp);
                        if (dterr)
                            return dterr;
                        *cp = '\0';
                        dterr = DecodeNumberField((int) strlen(field[i]), field[i], fmask,
                                                  &tmask, tm, fsec, &is2digits);
                        if (dterr < 0)
                            return dterr;
                        tmask |= DTK_M(TZ);
                    }
                    else
                    {
                        namedTz = pg_tzset(field[i]);
                        if (!namedTz)
                            ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                                    errmsg("time zone \"%s\" not recognized", field[i]));
                        tmask = DTK_M(TZ);
                    }
                }
                else
                {
                    dterr = DecodeDate(field[i], fmask, &tmask, &is2digits, tm);
                    if (dterr)
                        return dterr;
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
                if (time_overflows(tm->tm_hour, tm->tm_min, tm->tm_sec, *fsec))
                    return DTERR_FIELD_OVERFLOW;
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
                    /* the previous field labelled this one */
                    dterr = DecodeLabelledNumber(field[i], ptype, fmask, &tmask, tm, fsec,
                                                 tzp, &isjulian, &is2digits);
                    if (dterr < 0)
                        return dterr;
                    ptype = 0;
                    *dtype = DTK_DATE;
                }
                else
                {
                    int         flen = (int) strlen(field[i]);
                    char       *cp = strchr(field[i], '.');

                    if (cp != NULL && !(fmask & DTK_DATE_M))
                    {
                        /* embedded point and no date yet: yyyy.mm.dd */
                        dterr = DecodeDate(field[i], fmask, &tmask, &is2digits, tm);
                        if (dterr)
                            return dterr;
                    }
                    else if (cp != NULL && flen - strlen(cp) > 2)
                    {
                        /* run-together date or time with a fraction */
                        dterr = DecodeNumberField(flen, field[i], fmask, &tmask, tm,
                                                  fsec, &is2digits);
                        if (dterr < 0)
                            return dterr;
                    }
                    else if (flen >= 6 && (!(fmask & DTK_DATE_M) || !(fmask & DTK_TIME_M)))
                    {
                        /* six or more digits: yymmdd / hhmmss unless both known */
                        dterr = DecodeNumberField(flen, field[i], fmask, &tmask, tm,
                                                  fsec, &is2digits);
                        if (dterr < 0)
                            return dterr;
                    }
                    else
                    {
                        dterr = DecodeNumber(flen, field[i], haveTextMonth, fmask, &tmask,
                                             tm, fsec, &is2digits);
                        if (dterr)
                            return dterr;
                    }
                }
                break;

            case DTK_STRING:
            case DTK_SPECIAL:
                /* zone abbreviations take precedence over keywords */
                type = DecodeTimezoneAbbrev(i, field[i], &val, &valtz);
                if (type == UNKNOWN_FIELD)
                    type = DecodeSpecial(i, field[i], &val);
                else
                    val = -val;     /* table offsets are east; here west */
                if (type == IGNORE_DTF)
                    continue;
                tmask = DTK_M(type);
                switch (type)
                {
                    case RESERV:
                        switch (val)
                        {
                            case DTK_NOW:
                                tmask = DTK_DATE_M | DTK_TIME_M | DTK_M(TZ);
                                *dtype = DTK_DATE;
                                GetCurrentTimeUsec(tm, fsec, tzp);
                                break;
                            case DTK_YESTERDAY:
                                tmask = DTK_DATE_M;
                                *dtype = DTK_DATE;
                                GetCurrentDateTime(&cur_tm);
                                j2date(date2j(cur_tm.tm_year, cur_tm.tm_mon, cur_tm.tm_mday) - 1,
                                       &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
                                break;
                            case DTK_TODAY:
                                tmask = DTK_DATE_M;
                                *dtype = DTK_DATE;
                                GetCurrentDateTime(&cur_tm);
                                tm->tm_year = cur_tm.tm_year;
                                tm->tm_mon = cur_tm.tm_mon;
                                tm->tm_mday = cur_tm.tm_mday;
                                break;
                            case DTK_TOMORROW:
                                tmask = DTK_DATE_M;
                                *dtype = DTK_DATE;
                                GetCurrentDateTime(&cur_tm);
                                j2date(date2j(cur_tm.tm_year, cur_tm.tm_mon, cur_tm.tm_mday) + 1,
                                       &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
                                break;
                            case DTK_ZULU:
                                tmask = DTK_TIME_M | DTK_M(TZ);
                                *dtype = DTK_DATE;
                                tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
                                if (tzp != NULL)
                                    *tzp = 0;
                                break;
                            default:
                                /* epoch, infinity, -infinity */
                                *dtype = val;
                                break;
                        }
                        break;
                    case MONTH:
                        /* a numeric "month" before a text one was the day */
                        if ((fmask & DTK_M(MONTH)) && !haveTextMonth &&
                            !(fmask & DTK_M(DAY)) && tm->tm_mon >= 1 && tm->tm_mon <= 31)
                        {
                            tm->tm_mday = tm->tm_mon;
                            tmask = DTK_M(DAY);
                        }
                        haveTextMonth = true;
                        tm->tm_mon = val;
                        break;
                    case DTZMOD:
                        /* "MET DST" */
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
                        break;
                    case TZ:
                        tm->tm_isdst = 0;
                        if (tzp == NULL)
                            return DTERR_BAD_FORMAT;
                        *tzp = val;
                        break;
                    case DYNTZ:
                        tmask |= DTK_M(TZ);
                        if (tzp == NULL)
                            return DTERR_BAD_FORMAT;
                        abbrevTz = valtz;
                        abbrev = field[i];
                        break;
                    case AMPM:
                        mer = val;
                        break;
                    case ADBC:
                        bc = (val == BC);
                        break;
                    case DOW:
                        tm->tm_wday = val;
                        break;
                    case UNITS:
                        tmask = 0;
                        ptype = val;
                        break;
                    case ISOTIME:
                        /* "T": needs a full date before and a time field after */
                        tmask = 0;
                        if ((fmask & DTK_DATE_M) != DTK_DATE_M)
                            return DTERR_BAD_FORMAT;
                        if (i >= nf - 1 ||
                            (ftype[i + 1] != DTK_NUMBER && ftype[i + 1] != DTK_TIME &&
                             ftype[i + 1] != DTK_DATE))
                            return DTERR_BAD_FORMAT;
                        ptype = val;
                        break;
                    case UNKNOWN_FIELD:
                        /* perhaps an all-alpha zone name ("UTC", "Japan") */
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

    /* PostgreSQL 15 silently accepts a dangling unit label ("2024-01-01 y") */

    if (*dtype == DTK_DATE)
    {
        dterr = ValidateDate(fmask, isjulian, is2digits, bc, tm);
        if (dterr)
            return dterr;
        if (mer != HR24 && tm->tm_hour > HOURS_PER_DAY / 2)
            return DTERR_FIELD_OVERFLOW;
        if (mer == AM && tm->tm_hour == HOURS_PER_DAY / 2)
            tm->tm_hour = 0;
        else if (mer == PM && tm->tm_hour != HOURS_PER_DAY / 2)
            tm->tm_hour += HOURS_PER_DAY / 2;
        if ((fmask & DTK_DATE_M) != DTK_DATE_M)
        {
            if ((fmask & DTK_TIME_M) == DTK_TIME_M)
                return 1;
            return DTERR_BAD_FORMAT;
        }
        /* zones that need the date to know their offset */
        if (namedTz != NULL)
        {
            if (fmask & DTK_M(DTZMOD))
                return DTERR_BAD_FORMAT;
            *tzp = DetermineTimeZoneOffset(tm, namedTz);
        }
        if (abbrevTz != NULL)
        {
            if (fmask & DTK_M(DTZMOD))
                return DTERR_BAD_FORMAT;
            *tzp = DetermineTimeZoneAbbrevOffset(tm, abbrev, abbrevTz);
        }
        if (tzp != NULL && !(fmask & DTK_M(TZ)))
        {
            if (fmask & DTK_M(DTZMOD))
                return DTERR_BAD_FORMAT;
            *tzp = DetermineTimeZoneOffset(tm, session_timezone);
        }
    }
    return 0;
}

/* ============================================================== errors */

void
DateTimeParseError(int dterr, const char *str, const char *datatype)
{
    switch (dterr)
    {
        case DTERR_FIELD_OVERFLOW:
            ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                    errmsg("date/time field value out of range: \"%s\"", str));
            break;
        case DTERR_MD_FIELD_OVERFLOW:
            ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                    errmsg("date/time field value out of range: \"%s\"", str),
                    errhint("Perhaps you need a different \"datestyle\" setting."));
            break;
        case DTERR_INTERVAL_OVERFLOW:
            ereport(ERROR, errcode(ERRCODE_INTERVAL_FIELD_OVERFLOW),
                    errmsg("interval field value out of range: \"%s\"", str));
            break;
        case DTERR_TZDISP_OVERFLOW:
            ereport(ERROR, errcode(ERRCODE_INVALID_TIME_ZONE_DISPLACEMENT_VALUE),
                    errmsg("time zone displacement out of range: \"%s\"", str));
            break;
        case DTERR_BAD_FORMAT:
        default:
            ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                    errmsg("invalid input syntax for type %s: \"%s\"", datatype, str));
            break;
    }
    __builtin_unreachable();
}

