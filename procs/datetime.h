/*-------------------------------------------------------------------------
 * datetime.h
 *    The date/time types (date, time, timetz, timestamp, timestamptz,
 *    interval): their representations, the parsing/formatting core shared
 *    by them, time zones, and the settings that govern their text forms.
 *
 * Representations (PostgreSQL's, bit for bit, so binary I/O and stored
 * values agree with PostgreSQL 15):
 *
 *    date         int32 days since 2000-01-01 (PG epoch).  DATEVAL_NOBEGIN
 *                 (INT32_MIN) is -infinity, DATEVAL_NOEND (INT32_MAX) is
 *                 infinity.  Finite range: Julian day 0 (4714-11-24 BC) up
 *                 to but excluding 5874898-01-01 AD.
 *    time         int64 microseconds since midnight, 0 .. 86400000000
 *                 inclusive (24:00:00 is allowed).  Pass-by-value.
 *    timetz       { int64 time; int32 zone } by reference; zone is seconds
 *                 WEST of UTC (PostgreSQL's sign convention: -05 is 18000).
 *    timestamp    int64 microseconds since 2000-01-01 00:00:00; for
 *    timestamptz  timestamptz the instant is UTC.  DT_NOBEGIN (INT64_MIN)
 *                 and DT_NOEND (INT64_MAX) are -infinity / infinity.
 *                 Finite range: MIN_TIMESTAMP (4714-11-24 00:00 BC) up to
 *                 but excluding END_TIMESTAMP (294277-01-01 00:00 AD);
 *                 anything else is "timestamp out of range" (22008).
 *    interval     { int64 time (us); int32 day; int32 month } by reference;
 *                 the three fields are independent (a month is not a fixed
 *                 number of days, a day is not always 24 hours across DST).
 *
 * Calendar arithmetic goes through Julian day numbers (date2j/j2date) and
 * a broken-down struct pg_tm whose tm_year is the full astronomical year
 * (1 BC is year 0) and tm_mon is 1-based.
 *
 * The settings DateStyle, DateOrder, IntervalStyle and TimeZone are the
 * process globals declared in backend/globals.h (defined in
 * backend/globals.c); this header re-exports them together with the GUC
 * hooks that parse and canonicalize them.
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_DATETIME_H
#define PROCS_DATETIME_H

#include "backend/basalt.h"
#include "backend/globals.h"
#include "backend/guc.h"
#include "procs/fmgr.h"

/* ---------------------------------------------------------------- types */

typedef int32 DateADT;
typedef int64 TimeADT;
typedef int64 Timestamp;
typedef int64 TimestampTz;      /* identical to storage/xact.h's typedef */
typedef int64 TimeOffset;
typedef int32 fsec_t;           /* fractional seconds, in microseconds */

typedef struct TimeTzADT
{
    TimeADT     time;           /* all time units other than months and years */
    int32       zone;           /* numeric time zone, in seconds west of UTC */
} TimeTzADT;

typedef struct Interval
{
    TimeOffset  time;           /* all time units other than days, months and years */
    int32       day;            /* days, after time for alignment */
    int32       month;          /* months and years, after time for alignment */
} Interval;

/* Broken-down time.  tm_year is the full year (0 = 1 BC), tm_mon 1..12. */
struct pg_tm
{
    int         tm_sec;
    int         tm_min;
    int         tm_hour;
    int         tm_mday;
    int         tm_mon;
    int         tm_year;
    int         tm_wday;
    int         tm_yday;
    int         tm_isdst;       /* -1: no zone information */
    long        tm_gmtoff;      /* seconds EAST of UTC */
    const char *tm_zone;        /* abbreviation, or NULL */
};

/* Broken-down interval, as interval_out / to_char see it. */
struct pg_itm
{
    int         tm_usec;
    int         tm_sec;
    int         tm_min;
    int64       tm_hour;        /* may exceed INT_MAX */
    int         tm_mday;
    int         tm_mon;
    int         tm_year;
};

/* Interval fields as accumulated by the input parser. */
struct pg_itm_in
{
    int64       tm_usec;
    int         tm_mday;
    int         tm_mon;
    int         tm_year;
};

/* A time zone: a fixed UTC offset, or a zoneinfo zone / POSIX rule string. */
typedef struct pg_tz pg_tz;

/* ------------------------------------------------------------ constants */

#define DAYS_PER_YEAR       365.25
#define MONTHS_PER_YEAR     12
#define DAYS_PER_MONTH      30
#define HOURS_PER_DAY       24
#define SECS_PER_YEAR       (36525 * 864)
#define SECS_PER_DAY        86400
#define SECS_PER_HOUR       3600
#define SECS_PER_MINUTE     60
#define MINS_PER_HOUR       60
#define USECS_PER_DAY       INT64_C(86400000000)
#define USECS_PER_HOUR      INT64_C(3600000000)
#define USECS_PER_MINUTE    INT64_C(60000000)
#define USECS_PER_SEC       INT64_C(1000000)

#define MAX_TIMESTAMP_PRECISION 6
#define MAX_INTERVAL_PRECISION  6
#define MAX_TIME_PRECISION      6

#define DATEVAL_NOBEGIN     ((DateADT) PG_INT32_MIN)
#define DATEVAL_NOEND       ((DateADT) PG_INT32_MAX)
#define DATE_NOBEGIN(j)     ((j) = DATEVAL_NOBEGIN)
#define DATE_IS_NOBEGIN(j)  ((j) == DATEVAL_NOBEGIN)
#define DATE_NOEND(j)       ((j) = DATEVAL_NOEND)
#define DATE_IS_NOEND(j)    ((j) == DATEVAL_NOEND)
#define DATE_NOT_FINITE(j)  (DATE_IS_NOBEGIN(j) || DATE_IS_NOEND(j))

#define DT_NOBEGIN          PG_INT64_MIN
#define DT_NOEND            PG_INT64_MAX
#define TIMESTAMP_NOBEGIN(j)    ((j) = DT_NOBEGIN)
#define TIMESTAMP_IS_NOBEGIN(j) ((j) == DT_NOBEGIN)
#define TIMESTAMP_NOEND(j)      ((j) = DT_NOEND)
#define TIMESTAMP_IS_NOEND(j)   ((j) == DT_NOEND)
#define TIMESTAMP_NOT_FINITE(j) (TIMESTAMP_IS_NOBEGIN(j) || TIMESTAMP_IS_NOEND(j))

/* Julian-day range the calendar routines accept. */
#define JULIAN_MINYEAR      (-4713)
#define JULIAN_MINMONTH     (11)
#define JULIAN_MINDAY       (24)
#define JULIAN_MAXYEAR      (5874898)
#define JULIAN_MAXMONTH     (6)
#define JULIAN_MAXDAY       (3)
#define IS_VALID_JULIAN(y, m, d) \
    (((y) > JULIAN_MINYEAR || \
      ((y) == JULIAN_MINYEAR && ((m) >= JULIAN_MINMONTH))) && \
     ((y) < JULIAN_MAXYEAR || \
      ((y) == JULIAN_MAXYEAR && ((m) < JULIAN_MAXMONTH))))

#define DATETIME_MIN_JULIAN     (0)
#define DATE_END_JULIAN         (2147483494)    /* == date2j(JULIAN_MAXYEAR, 1, 1) */
#define TIMESTAMP_END_JULIAN    (109203528)     /* == date2j(294277, 1, 1) */
#define MIN_TIMESTAMP   INT64_C(-211813488000000000)
#define END_TIMESTAMP   INT64_C(9223371331200000000)
#define POSTGRES_EPOCH_JDATE    2451545         /* == date2j(2000, 1, 1) */
#define UNIX_EPOCH_JDATE        2440588         /* == date2j(1970, 1, 1) */

#define IS_VALID_DATE(d) \
    ((DATETIME_MIN_JULIAN - POSTGRES_EPOCH_JDATE) <= (d) && \
     (d) < (DATE_END_JULIAN - POSTGRES_EPOCH_JDATE))
#define IS_VALID_TIMESTAMP(t)  (MIN_TIMESTAMP <= (t) && (t) < END_TIMESTAMP)

#define isleap(y) (((y) % 4) == 0 && (((y) % 100) != 0 || ((y) % 400) == 0))

#define MAXDATELEN      128     /* longest text form of any date/time value */
#define MAXDATEFIELDS   25      /* most fields the tokenizer returns */
#define TOKMAXLEN       10      /* keywords are matched on this prefix */
#define MAXTZLEN        10      /* longest zone abbreviation printed */
#define MAX_TZDISP_HOUR 15      /* largest numeric zone displacement */
#define TZ_STRLEN_MAX   255     /* longest zone name */

/* Field kinds (datetkn.type) and their mask bits.  The bit positions of
 * MONTH..SECOND are also the interval typmod's range bits, which the SQL
 * grammar (libpg_query) emits as integer constants: keep PostgreSQL's. */
#define RESERV      0
#define MONTH       1
#define YEAR        2
#define DAY         3
#define JULIAN      4
#define TZ          5
#define DTZ         6
#define DYNTZ       7
#define IGNORE_DTF  8
#define AMPM        9
#define HOUR        10
#define MINUTE      11
#define SECOND      12
#define MILLISECOND 13
#define MICROSECOND 14
#define DOY         15
#define DOW         16
#define UNITS       17
#define ADBC        18
#define AGO         19
#define ABS_BEFORE  20
#define ABS_AFTER   21
#define ISODATE     22
#define ISOTIME     23
#define WEEK        24
#define DECADE      25
#define CENTURY     26
#define MILLENNIUM  27
#define DTZMOD      28
#define UNKNOWN_FIELD 31

/* Token values (tokenizer field types, reserved words, units). */
#define DTK_NUMBER      0
#define DTK_STRING      1
#define DTK_DATE        2
#define DTK_TIME        3
#define DTK_TZ          4
#define DTK_AGO         5
#define DTK_SPECIAL     6
#define DTK_EARLY       9
#define DTK_LATE        10
#define DTK_EPOCH       11
#define DTK_NOW         12
#define DTK_YESTERDAY   13
#define DTK_TODAY       14
#define DTK_TOMORROW    15
#define DTK_ZULU        16
#define DTK_DELTA       17
#define DTK_SECOND      18
#define DTK_MINUTE      19
#define DTK_HOUR        20
#define DTK_DAY         21
#define DTK_WEEK        22
#define DTK_MONTH       23
#define DTK_QUARTER     24
#define DTK_YEAR        25
#define DTK_DECADE      26
#define DTK_CENTURY     27
#define DTK_MILLENNIUM  28
#define DTK_MILLISEC    29
#define DTK_MICROSEC    30
#define DTK_JULIAN      31
#define DTK_DOW         32
#define DTK_DOY         33
#define DTK_TZ_HOUR     34
#define DTK_TZ_MINUTE   35
#define DTK_ISOYEAR     36
#define DTK_ISODOW      37

#define DTK_M(t)        (0x01 << (t))
#define DTK_ALL_SECS_M  (DTK_M(SECOND) | DTK_M(MILLISECOND) | DTK_M(MICROSECOND))
#define DTK_DATE_M      (DTK_M(YEAR) | DTK_M(MONTH) | DTK_M(DAY))
#define DTK_TIME_M      (DTK_M(HOUR) | DTK_M(MINUTE) | DTK_ALL_SECS_M)

#define AM      0
#define PM      1
#define HR24    2
#define AD      0
#define BC      1

/* Interval typmod: range bits in the high half, precision in the low. */
#define INTERVAL_MASK(b)            (1 << (b))
#define INTERVAL_FULL_RANGE         (0x7FFF)
#define INTERVAL_RANGE_MASK         (0x7FFF)
#define INTERVAL_FULL_PRECISION     (0xFFFF)
#define INTERVAL_PRECISION_MASK     (0xFFFF)
#define INTERVAL_TYPMOD(p, r)       ((((r) & INTERVAL_RANGE_MASK) << 16) | ((p) & INTERVAL_PRECISION_MASK))
#define INTERVAL_PRECISION(t)       ((t) & INTERVAL_PRECISION_MASK)
#define INTERVAL_RANGE(t)           (((t) >> 16) & INTERVAL_RANGE_MASK)

/* Error codes of the decoders; DateTimeParseError turns them into ereports. */
#define DTERR_BAD_FORMAT        (-1)
#define DTERR_FIELD_OVERFLOW    (-2)
#define DTERR_MD_FIELD_OVERFLOW (-3)    /* triggers hint about DateStyle */
#define DTERR_INTERVAL_OVERFLOW (-4)
#define DTERR_TZDISP_OVERFLOW   (-5)

/* Keyword table entry: token (lowercase, at most TOKMAXLEN), kind, value. */
typedef struct datetkn
{
    char        token[TOKMAXLEN + 1];
    char        type;
    int32       value;
} datetkn;

/* ---------------------------------------------------------- Datum glue */

#define DatumGetDateADT(X)      ((DateADT) DatumGetInt32(X))
#define DateADTGetDatum(X)      Int32GetDatum(X)
#define DatumGetTimeADT(X)      ((TimeADT) DatumGetInt64(X))
#define TimeADTGetDatum(X)      Int64GetDatum(X)
#define DatumGetTimestamp(X)    ((Timestamp) DatumGetInt64(X))
#define TimestampGetDatum(X)    Int64GetDatum(X)
#define DatumGetTimestampTz(X)  ((TimestampTz) DatumGetInt64(X))
#define TimestampTzGetDatum(X)  Int64GetDatum(X)
#define DatumGetIntervalP(X)    ((Interval *) DatumGetPointer(X))
#define IntervalPGetDatum(X)    PointerGetDatum(X)
#define DatumGetTimeTzADTP(X)   ((TimeTzADT *) DatumGetPointer(X))
#define TimeTzADTPGetDatum(X)   PointerGetDatum(X)

#define PG_GETARG_DATEADT(n)     DatumGetDateADT(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMEADT(n)     DatumGetTimeADT(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMETZADT_P(n) DatumGetTimeTzADTP(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMESTAMP(n)   DatumGetTimestamp(PG_GETARG_DATUM(n))
#define PG_GETARG_TIMESTAMPTZ(n) DatumGetTimestampTz(PG_GETARG_DATUM(n))
#define PG_GETARG_INTERVAL_P(n)  DatumGetIntervalP(PG_GETARG_DATUM(n))
#define PG_RETURN_DATEADT(x)     return DateADTGetDatum(x)
#define PG_RETURN_TIMEADT(x)     return TimeADTGetDatum(x)
#define PG_RETURN_TIMETZADT_P(x) return TimeTzADTPGetDatum(x)
#define PG_RETURN_TIMESTAMP(x)   return TimestampGetDatum(x)
#define PG_RETURN_TIMESTAMPTZ(x) return TimestampTzGetDatum(x)
#define PG_RETURN_INTERVAL_P(x)  return IntervalPGetDatum(x)

/* Quotient and remainder toward zero, as PostgreSQL's TMODULO. */
#define TMODULO(t, q, u) \
    do { (q) = ((t) / (u)); if ((q) != 0) (t) -= ((q) * (u)); } while (0)

/* ------------------------------------------------ settings (globals.h)
 * DateStyle / DateOrder / IntervalStyle / session_timezone_name live in
 * backend/globals.c and are set by the settings table (backend/guc_tables.c).
 * session_timezone_name == NULL means "UTC".  The session zone is loaded
 * lazily from session_timezone_name whenever it changes, so no assign hook
 * is needed for TimeZone.
 */

/* Parse a DateStyle value ("ISO, MDY", "german", "Postgres, DMY", "euro",
 * ...) starting from *style / *order, as PostgreSQL's check_datestyle
 * ("DEFAULT" means the setting's reset value).  Returns false, with the
 * GUC error detail set, for bad syntax, unknown words or conflicting
 * specifications.  Implemented with the DateStyle setting in
 * backend/guc_tables.c (the one parser). */
extern bool check_datestyle(const char *value, int *style, int *order);
/* SHOW DateStyle: "ISO, MDY", "Postgres, DMY", ... (palloc'd). */
extern char *show_datestyle(void);

/* GucStringCheckHook for "TimeZone" (and "log_timezone"): validates with
 * pg_tzset and canonicalizes *newval ("america/new_york" ->
 * "America/New_York", "-7" -> "<-07>+07", "INTERVAL '+05:30'" ->
 * "<+05:30>-05:30"); an unknown zone returns false, which the GUC module
 * reports as 22023 invalid value for parameter "TimeZone": "...". */
extern bool check_timezone_guc(char **newval, GucSource source);
/* SHOW TimeZone (GucShowHook form). */
extern const char *show_timezone(void);
/* Register check_timezone_guc for TimeZone and log_timezone with the
 * settings module.  Call once per process after InitializeGUCOptions. */
extern void InitDateTimeGUC(void);

/* ------------------------------------------------------------ time zones
 * (pgtz.c) */
/* Look a zone up by name: a zoneinfo zone (case-insensitive), "UTC",
 * a POSIX TZ string ("EST5EDT", "XYZ5", "<+0530>-5:30", "+05:30").  NULL if
 * unknown.  The result stays valid at least until the next pg_tzset. */
extern pg_tz *pg_tzset(const char *name);
/* A fixed zone gmtoffset seconds WEST of UTC (POSIX sign), named like
 * "<-07>+07" for gmtoffset 25200. */
extern pg_tz *pg_tzset_offset(long gmtoffset);
/* The session zone (session_timezone_name, loaded lazily). */
extern pg_tz *pg_session_tz(void);
#define session_timezone (pg_session_tz())
/* Validate and make `name` the session zone; false for an unknown zone
 * (SET TimeZone then raises 22023 invalid value for parameter). */
extern bool pg_tz_set(const char *name);
/* Canonical spelling (what SHOW TimeZone displays). */
extern const char *pg_get_timezone_name(pg_tz *tz);
/* True if the zone has a single fixed offset; *gmtoff (east) then set. */
extern bool pg_get_timezone_offset(const pg_tz *tz, long *gmtoff);
/* The zone's offset, DST flag and abbreviation at UTC second t. */
extern bool pg_zone_at(int64 t, const pg_tz *tz, long *gmtoff, int *isdst,
                       const char **abbrev);
/* Abbreviation table (timezone_abbreviations = Default): lowercase key.
 * Returns TZ, DTZ, DYNTZ or UNKNOWN_FIELD; *offset in seconds EAST for
 * TZ/DTZ, *tz the underlying zone for DYNTZ. */
extern int  DecodeTimezoneAbbrev(int field, const char *lowtoken, int *offset, pg_tz **tz);
/* Longest abbreviation that is a prefix of str (for to_timestamp's TZ). */
extern int  DecodeTimezoneAbbrevPrefix(const char *str, int *offset, pg_tz **tz);

/* ------------------------------------------------------ datetime.c core */
extern const int day_tab[2][13];
extern const char *const months[];
extern const char *const days[];

extern int  date2j(int year, int month, int day);
extern void j2date(int jd, int *year, int *month, int *day);
extern int  j2day(int jd);

extern int  ParseDateTime(const char *timestr, char *workbuf, size_t buflen,
                          char **field, int *ftype, int maxfields, int *numfields);
extern int  DecodeDateTime(char **field, int *ftype, int nf, int *dtype,
                           struct pg_tm *tm, fsec_t *fsec, int *tzp);
extern int  DecodeTimeOnly(char **field, int *ftype, int nf, int *dtype,
                           struct pg_tm *tm, fsec_t *fsec, int *tzp);
extern int  DecodeInterval(char **field, int *ftype, int nf, int range,
                           int *dtype, struct pg_itm_in *itm_in);
extern int  DecodeISO8601Interval(char *str, int *dtype, struct pg_itm_in *itm_in);
extern int  DecodeTimezone(const char *str, int *tzp);
extern int  DecodeUnits(int field, const char *lowtoken, int *val);
extern int  DecodeSpecial(int field, const char *lowtoken, int *val);
extern int  ValidateDate(int fmask, bool isjulian, bool is2digits, bool bc,
                         struct pg_tm *tm);
extern void DateTimeParseError(int dterr, const char *str, const char *datatype)
            pg_attribute_noreturn();

extern int  DetermineTimeZoneOffset(struct pg_tm *tm, pg_tz *tzp);
extern int  DetermineTimeZoneAbbrevOffset(struct pg_tm *tm, const char *abbr, pg_tz *tzp);
extern int  DetermineTimeZoneAbbrevOffsetTS(TimestampTz ts, const char *abbr,
                                            pg_tz *tzp, int *isdst);

extern void EncodeDateOnly(struct pg_tm *tm, int style, char *str);
extern void EncodeTimeOnly(struct pg_tm *tm, fsec_t fsec, bool print_tz, int tz,
                           int style, char *str);
extern void EncodeDateTime(struct pg_tm *tm, fsec_t fsec, bool print_tz, int tz,
                           const char *tzn, int style, char *str);
extern void EncodeInterval(struct pg_itm *itm, int style, char *str);
extern void EncodeSpecialTimestamp(Timestamp dt, char *str);
extern void EncodeSpecialDate(DateADT dt, char *str);

/* Field decoders shared by datetime.c, time.c and interval.c (internal to
 * the date/time files; return 0 or a DTERR code). */
extern int  dt_strtoint(const char *s, char **endptr, int base);   /* ERANGE on int overflow */
extern int  ParseFraction(char *cp, double *frac);
extern int  ParseFractionalSecond(char *cp, fsec_t *fsec);
extern void dt_day_fraction_to_time(double usecs, struct pg_tm *tm, fsec_t *fsec);
extern int  DecodeTimeCommon(char *str, int range, int *tmask, int64 *hour, int *min,
                             int *sec, fsec_t *fsec);
extern int  DecodeTime(char *str, int range, int *tmask, struct pg_tm *tm, fsec_t *fsec);
extern int  DecodeNumberField(int len, char *str, int fmask, int *tmask, struct pg_tm *tm,
                              fsec_t *fsec, bool *is2digits);
extern int  DecodeNumber(int flen, char *str, bool haveTextMonth, int fmask, int *tmask,
                         struct pg_tm *tm, fsec_t *fsec, bool *is2digits);
extern int  DecodeDate(char *str, int fmask, int *tmask, bool *is2digits, struct pg_tm *tm);
extern int  DecodeLabelledNumber(char *field, int ptype, int fmask, int *tmask,
                                 struct pg_tm *tm, fsec_t *fsec, int *tzp, bool *isjulian,
                                 bool *is2digits);
/* Internal consistency check of the keyword tables (sorted, short). */
extern bool CheckDateTokenTables(void);

/* Lowercase a unit/zone name the way identifiers are (ASCII only). */
extern char *downcase_truncate_identifier(const char *ident, int len);

/* ---------------------------------------------------- conversions
 * (timestamp.c unless noted) */
extern void dt2time(Timestamp jd, int *hour, int *min, int *sec, fsec_t *fsec);
extern TimeOffset time2t(int hour, int min, int sec, fsec_t fsec);
extern Timestamp dt2local(Timestamp dt, int timezone);
/* tzp NULL: no zone conversion.  attimezone NULL: the session zone.
 * Returns 0, or -1 if out of range. */
extern int  timestamp2tm(Timestamp dt, int *tzp, struct pg_tm *tm, fsec_t *fsec,
                         const char **tzn, pg_tz *attimezone);
extern int  tm2timestamp(struct pg_tm *tm, fsec_t fsec, int *tzp, Timestamp *result);
extern void interval2itm(Interval span, struct pg_itm *itm);
extern int  itm2interval(struct pg_itm *itm, Interval *span);
extern int  itmin2interval(struct pg_itm_in *itm_in, Interval *span);
extern Timestamp SetEpochTimestamp(void);
extern void GetEpochTime(struct pg_tm *tm);
extern int  timestamp_cmp_internal(Timestamp dt1, Timestamp dt2);
#define timestamptz_cmp_internal(dt1, dt2) timestamp_cmp_internal(dt1, dt2)
extern int  interval_cmp_internal(const Interval *a, const Interval *b);
extern TimestampTz timestamp2timestamptz_opt_overflow(Timestamp timestamp, int *overflow);
extern void AdjustTimestampForTypmod(Timestamp *time, int32 typmod);
extern int32 anytimestamp_typmod_check(bool istz, int32 typmod);
extern void AdjustIntervalForTypmod(Interval *interval, int32 typmod);
extern void GetCurrentDateTime(struct pg_tm *tm);
extern void GetCurrentTimeUsec(struct pg_tm *tm, fsec_t *fsec, int *tzp);
extern TimestampTz GetCurrentTimestamp(void);       /* clock time */
extern TimestampTz GetSQLCurrentTimestamp(int32 typmod);
extern Timestamp GetSQLLocalTimestamp(int32 typmod);
extern TimestampTz time_t_to_timestamptz(int64 t);
extern int64 timestamptz_to_time_t(TimestampTz t);
extern const char *timestamptz_to_str(TimestampTz t);

extern int  isoweek2j(int year, int week);
extern void isoweek2date(int woy, int *year, int *mon, int *mday);
extern void isoweekdate2date(int isoweek, int wday, int *year, int *mon, int *mday);
extern int  date2isoweek(int year, int mon, int mday);
extern int  date2isoyear(int year, int mon, int mday);
extern int  date2isoyearday(int year, int mon, int mday);

/* date.c */
extern Timestamp date2timestamp_no_overflow(DateADT dateVal);
extern TimestampTz date2timestamptz_opt_overflow(DateADT dateVal, int *overflow);
extern Timestamp date2timestamp_opt_overflow(DateADT dateVal, int *overflow);
extern int  time2tm(TimeADT time, struct pg_tm *tm, fsec_t *fsec);
extern int  timetz2tm(TimeTzADT *time, struct pg_tm *tm, fsec_t *fsec, int *tzp);
extern int  tm2time(struct pg_tm *tm, fsec_t fsec, TimeADT *result);
extern int  tm2timetz(struct pg_tm *tm, fsec_t fsec, int tz, TimeTzADT *result);
extern bool time_overflows(int hour, int min, int sec, fsec_t fsec);
extern bool float_time_overflows(int hour, int min, double sec);
extern void AdjustTimeForTypmod(TimeADT *time, int32 typmod);
extern DateADT GetSQLCurrentDate(void);
extern TimeTzADT *GetSQLCurrentTime(int32 typmod);
extern TimeADT GetSQLLocalTime(int32 typmod);

/* ---------------------------------------- built-ins other modules call */
extern Datum date_in(PG_FUNCTION_ARGS);
extern Datum date_out(PG_FUNCTION_ARGS);
extern Datum time_in(PG_FUNCTION_ARGS);
extern Datum time_out(PG_FUNCTION_ARGS);
extern Datum timetz_in(PG_FUNCTION_ARGS);
extern Datum timetz_out(PG_FUNCTION_ARGS);
extern Datum timestamp_in(PG_FUNCTION_ARGS);
extern Datum timestamp_out(PG_FUNCTION_ARGS);
extern Datum timestamptz_in(PG_FUNCTION_ARGS);
extern Datum timestamptz_out(PG_FUNCTION_ARGS);
extern Datum interval_in(PG_FUNCTION_ARGS);
extern Datum interval_out(PG_FUNCTION_ARGS);
extern Datum date_send(PG_FUNCTION_ARGS);
extern Datum date_recv(PG_FUNCTION_ARGS);
extern Datum time_send(PG_FUNCTION_ARGS);
extern Datum time_recv(PG_FUNCTION_ARGS);
extern Datum timetz_send(PG_FUNCTION_ARGS);
extern Datum timetz_recv(PG_FUNCTION_ARGS);
extern Datum timestamp_send(PG_FUNCTION_ARGS);
extern Datum timestamp_recv(PG_FUNCTION_ARGS);
extern Datum timestamptz_send(PG_FUNCTION_ARGS);
extern Datum timestamptz_recv(PG_FUNCTION_ARGS);
extern Datum interval_send(PG_FUNCTION_ARGS);
extern Datum interval_recv(PG_FUNCTION_ARGS);
extern Datum interval_pl(PG_FUNCTION_ARGS);
extern Datum interval_mi(PG_FUNCTION_ARGS);
extern Datum interval_div(PG_FUNCTION_ARGS);
extern Datum interval_justify_hours(PG_FUNCTION_ARGS);
extern Datum timestamp_pl_interval(PG_FUNCTION_ARGS);
extern Datum timestamp_mi_interval(PG_FUNCTION_ARGS);
extern Datum timestamptz_pl_interval(PG_FUNCTION_ARGS);
extern Datum timestamptz_mi_interval(PG_FUNCTION_ARGS);
extern Datum in_range_timestamp_interval(PG_FUNCTION_ARGS);
extern Datum timestamp_lt(PG_FUNCTION_ARGS);
extern Datum timestamp_gt(PG_FUNCTION_ARGS);
extern Datum time_lt(PG_FUNCTION_ARGS);
extern Datum time_gt(PG_FUNCTION_ARGS);
extern Datum timetz_lt(PG_FUNCTION_ARGS);
extern Datum timetz_gt(PG_FUNCTION_ARGS);

#endif /* PROCS_DATETIME_H */
