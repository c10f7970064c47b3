/*-------------------------------------------------------------------------
 * formatting_from.c
 *    to_timestamp(text, text) and to_date(text, text): reading date/time
 *    fields from text under a template (PostgreSQL 15 semantics; see the
 *    header of formatting.c for the template language).
 *
 * DCH_from_char() walks the parsed template over the input and fills a
 * TmFromChar; do_to_timestamp() checks the fields for conflicts (22007
 * "conflicting values for ... field in formatting string") and ranges
 * (22008) and builds a struct pg_tm.  In the input, spaces and
 * separators in the template match any one space or separator (or none)
 * unless FX is given; a digit field reads at most its width unless FM is
 * given or the next template item is not a digit field.  TZ, tz and OF
 * are output-only (0A000), as in PostgreSQL 15.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>

#include "catalog/pg_type_oids.h"
#include "procs/builtins.h"
#include "procs/datetime.h"
#include "procs/formatting_int.h"

/* ================================================ to_timestamp parsing */

typedef struct TmFromChar
{
    FromCharDateMode mode;
    int         hh, pm, mi, ss, ssss;
    int         d;              /* 1-7, Sunday = 1; 0 = missing */
    int         dd, ddd, mm, ms, year, bc, ww, w, cc, j, us;
    int         yysz;           /* digits of the year field */
    bool        clock12;
    int         tzsign;         /* +1, -1, or 0 without TZH/TZM */
    int         tzh, tzm;
    int         ff;             /* FFn precision */
} TmFromChar;

static void
from_char_set_mode(TmFromChar *tmfc, FromCharDateMode mode)
{
    if (mode == FROM_CHAR_DATE_NONE)
        return;
    if (tmfc->mode == FROM_CHAR_DATE_NONE)
        tmfc->mode = mode;
    else if (tmfc->mode != mode)
        ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                errmsg("invalid combination of date conventions"),
                errhint("Do not mix Gregorian and ISO week date conventions in a formatting template."));
}

static void
from_char_set_int(int *dest, int value, const FormatNode *node)
{
    if (*dest != 0 && *dest != value)
        ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                errmsg("conflicting values for \"%s\" field in formatting string",
                       node->key->name),
                errdetail("This value contradicts a previous setting for the same field type."));
    *dest = value;
}

/* Is the template item after n something other than a digit field? */
static bool
is_next_separator(FormatNode *n)
{
    if (n->type == NODE_TYPE_END)
        return false;
    if (n->type == NODE_TYPE_ACTION && S_THth(n->suffix))
        return true;
    n++;
    if (n->type == NODE_TYPE_END)
        return true;
    if (n->type == NODE_TYPE_ACTION)
        return !n->key->is_digit;
    if (n->character[1] == '\0' && isdigit((unsigned char) n->character[0]))
        return false;
    return true;
}

/*
 * Read an integer field of `len` characters (leading spaces not counted),
 * or as many digits as there are when FM or the next item is not a digit
 * field.  Returns the characters consumed.
 */
static int
from_char_parse_int_len(int *dest, const char **src, int len, FormatNode *node)
{
    long        result;
    char        copy[DCH_MAX_ITEM_SIZ + 1];
    const char *init = *src;
    int         used;

    while (**src && isspace((unsigned char) **src))
        (*src)++;
    strncpy(copy, *src, len);
    copy[len] = '\0';
    used = (int) strlen(copy);

    if (S_FM(node->suffix) || is_next_separator(node))
    {
        char       *endptr;

        errno = 0;
        result = strtol(init, &endptr, 10);
        *src = endptr;
    }
    else
    {
        char       *last;

        if (used < len)
            ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                    errmsg("source string too short for \"%s\" formatting field",
                           node->key->name),
                    errdetail("Field requires %d characters, but only %d remain.", len, used),
                    errhint("If your source string is not fixed-width, try using the \"FM\" modifier."));
        errno = 0;
        result = strtol(copy, &last, 10);
        used = (int) (last - copy);
        if (used > 0 && used < len)
            ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                    errmsg("invalid value \"%s\" for \"%s\"", copy, node->key->name),
                    errdetail("Field requires %d characters, but only %d could be parsed.",
                              len, used),
                    errhint("If your source string is not fixed-width, try using the \"FM\" modifier."));
        *src += used;
    }
    if (*src == init)
        ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                errmsg("invalid value \"%s\" for \"%s\"", copy, node->key->name),
                errdetail("Value must be an integer."));
    if (errno == ERANGE || result < INT_MIN || result > INT_MAX)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("value for \"%s\" in source string is out of range", node->key->name),
                errdetail("Value must be in the range %d to %d.", INT_MIN, INT_MAX));
    if (dest != NULL)
        from_char_set_int(dest, (int) result, node);
    return (int) (*src - init);
}

static int
from_char_parse_int(int *dest, const char **src, FormatNode *node)
{
    return from_char_parse_int_len(dest, src, node->key->len, node);
}

/* Case-insensitive prefix match of *src against the words of array. */
static void
from_char_seq_search(int *dest, const char **src, const char *const *array, FormatNode *node)
{
    for (const char *const *a = array; *a != NULL; a++)
    {
        size_t      n = strlen(*a);

        if (strncasecmp(*src, *a, n) == 0)
        {
            *dest = (int) (a - array);
            *src += n;
            return;
        }
    }
    {
        /* report the input up to the next whitespace */
        char       *copy = pstrdup(*src);

        for (char *c = copy; *c; c++)
        {
            if (isspace((unsigned char) *c))
            {
                *c = '\0';
                break;
            }
        }
        ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                errmsg("invalid value \"%s\" for \"%s\"", copy, node->key->name),
                errdetail("The given value did not match any of the allowed values for this field."));
    }
}

#define SKIP_THth(ptr, suf) \
    do { \
        if (S_THth(suf)) \
        { \
            if (*(ptr)) (ptr) += dch_utf8_len(ptr); \
            if (*(ptr)) (ptr) += dch_utf8_len(ptr); \
        } \
    } while (0)

/* 0-69 -> 2000s, 70-99 -> 1900s, 100-519 -> 2000s, 520-999 -> 1000s */
static int
adjust_partial_year_to_2020(int year)
{
    if (year < 70)
        return year + 2000;
    if (year < 100)
        return year + 1900;
    if (year < 520)
        return year + 2000;
    if (year < 1000)
        return year + 1000;
    return year;
}

static void
DCH_from_char(FormatNode *node, const char *in, TmFromChar *out)
{
    FormatNode *n;
    const char *s;
    int         len, value;
    bool        fx_mode = false;
    int         extra_skip = 0;     /* input characters skipped beyond the template's */

    for (n = node, s = in; n->type != NODE_TYPE_END && *s != '\0'; n++)
    {
        /* outside FX mode, skip spaces at the start and before fields */
        if (!fx_mode && (n->type != NODE_TYPE_ACTION || n->key->id != DCH_FX) &&
            (n->type == NODE_TYPE_ACTION || n == node))
        {
            while (*s != '\0' && isspace((unsigned char) *s))
            {
                s++;
                extra_skip++;
            }
        }

        if (n->type == NODE_TYPE_SPACE || n->type == NODE_TYPE_SEPARATOR)
        {
            if (!fx_mode)
            {
                /* one template space/separator matches one, or none */
                extra_skip--;
                if (isspace((unsigned char) *s) || dch_is_separator_char(s))
                {
                    s++;
                    extra_skip++;
                }
            }
            else
                s += dch_utf8_len(s);   /* FX: consume one character, any */
            continue;
        }
        else if (n->type != NODE_TYPE_ACTION)
        {
            /* literal text consumes one input character (not checked) */
            if (!fx_mode && extra_skip > 0)
                extra_skip--;
            else
                s += dch_utf8_len(s);
            continue;
        }

        from_char_set_mode(out, n->key->date_mode);
        switch (n->key->id)
        {
            case DCH_FX:
                fx_mode = true;
                break;
            case DCH_A_M:
            case DCH_P_M:
            case DCH_a_m:
            case DCH_p_m:
                from_char_seq_search(&value, &s, dch_ampm_strings_long, n);
                from_char_set_int(&out->pm, value % 2, n);
                out->clock12 = true;
                break;
            case DCH_AM:
            case DCH_PM:
            case DCH_am:
            case DCH_pm:
                from_char_seq_search(&value, &s, dch_ampm_strings, n);
                from_char_set_int(&out->pm, value % 2, n);
                out->clock12 = true;
                break;
            case DCH_HH:
            case DCH_HH12:
                from_char_parse_int_len(&out->hh, &s, 2, n);
                out->clock12 = true;
                SKIP_THth(s, n->suffix);
                break;
            case DCH_HH24:
                from_char_parse_int_len(&out->hh, &s, 2, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_MI:
                from_char_parse_int(&out->mi, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_SS:
                from_char_parse_int(&out->ss, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_MS:
                len = from_char_parse_int_len(&out->ms, &s, 3, n);
                /* "25" is 0.25 s, "025" is 0.025 s */
                out->ms *= len == 1 ? 100 : len == 2 ? 10 : 1;
                SKIP_THth(s, n->suffix);
                break;
            case DCH_FF1:
            case DCH_FF2:
            case DCH_FF3:
            case DCH_FF4:
            case DCH_FF5:
            case DCH_FF6:
                out->ff = (int) (n->key->id - DCH_FF1) + 1;
                /* FALLTHROUGH */
            case DCH_US:
                len = from_char_parse_int_len(&out->us, &s, n->key->id == DCH_US ? 6 : out->ff, n);
                out->us *= len == 1 ? 100000 : len == 2 ? 10000 : len == 3 ? 1000 :
                    len == 4 ? 100 : len == 5 ? 10 : 1;
                SKIP_THth(s, n->suffix);
                break;
            case DCH_SSSS:
                from_char_parse_int(&out->ssss, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_tz:
            case DCH_TZ:
            case DCH_OF:
                ereport(ERROR, errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                        errmsg("formatting field \"%s\" is only supported in to_char",
                               n->key->name));
                break;
            case DCH_TZH:
                /* a '-' skipped as a separator may have been the sign */
                if (*s == '+' || *s == '-' || *s == ' ')
                {
                    out->tzsign = *s == '-' ? -1 : +1;
                    s++;
                }
                else
                    out->tzsign = (extra_skip > 0 && *(s - 1) == '-') ? -1 : +1;
                from_char_parse_int_len(&out->tzh, &s, 2, n);
                break;
            case DCH_TZM:
                if (!out->tzsign)
                    out->tzsign = +1;
                from_char_parse_int_len(&out->tzm, &s, 2, n);
                break;
            case DCH_A_D:
            case DCH_B_C:
            case DCH_a_d:
            case DCH_b_c:
                from_char_seq_search(&value, &s, dch_adbc_strings_long, n);
                from_char_set_int(&out->bc, value % 2, n);
                break;
            case DCH_AD:
            case DCH_BC:
            case DCH_ad:
            case DCH_bc:
                from_char_seq_search(&value, &s, dch_adbc_strings, n);
                from_char_set_int(&out->bc, value % 2, n);
                break;
            case DCH_MONTH:
            case DCH_Month:
            case DCH_month:
                from_char_seq_search(&value, &s, dch_months_full, n);
                from_char_set_int(&out->mm, value + 1, n);
                break;
            case DCH_MON:
            case DCH_Mon:
            case DCH_mon:
                from_char_seq_search(&value, &s, months, n);
                from_char_set_int(&out->mm, value + 1, n);
                break;
            case DCH_MM:
                from_char_parse_int(&out->mm, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_DAY:
            case DCH_Day:
            case DCH_day:
                from_char_seq_search(&value, &s, days, n);
                from_char_set_int(&out->d, value, n);
                out->d++;
                break;
            case DCH_DY:
            case DCH_Dy:
            case DCH_dy:
                from_char_seq_search(&value, &s, dch_days_short, n);
                from_char_set_int(&out->d, value, n);
                out->d++;
                break;
            case DCH_DDD:
                from_char_parse_int(&out->ddd, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_IDDD:
                from_char_parse_int_len(&out->ddd, &s, 3, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_DD:
                from_char_parse_int(&out->dd, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_D:
                from_char_parse_int(&out->d, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_ID:
                from_char_parse_int_len(&out->d, &s, 1, n);
                /* ISO Monday = 1 to Gregorian Sunday = 1 numbering */
                if (++out->d > 7)
                    out->d = 1;
                SKIP_THth(s, n->suffix);
                break;
            case DCH_WW:
            case DCH_IW:
                from_char_parse_int(&out->ww, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_Q:
                /* parsed but ignored: which date in the quarter? */
                from_char_parse_int(NULL, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_CC:
                from_char_parse_int(&out->cc, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_Y_YYY:
                {
                    int         matched, years, millennia, nch;

                    matched = sscanf(s, "%d,%03d%n", &millennia, &years, &nch);
                    if (matched < 2)
                        ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                                errmsg("invalid input string for \"Y,YYY\""));
                    if (__builtin_mul_overflow(millennia, 1000, &millennia) ||
                        __builtin_add_overflow(years, millennia, &years))
                        ereport(ERROR, errcode(ERRCODE_DATETIME_FIELD_OVERFLOW),
                                errmsg("value for \"Y,YYY\" in source string is out of range"));
                    from_char_set_int(&out->year, years, n);
                    out->yysz = 4;
                    s += nch;
                    SKIP_THth(s, n->suffix);
                }
                break;
            case DCH_YYYY:
            case DCH_IYYY:
                from_char_parse_int(&out->year, &s, n);
                out->yysz = 4;
                SKIP_THth(s, n->suffix);
                break;
            case DCH_YYY:
            case DCH_IYY:
            case DCH_YY:
            case DCH_IY:
            case DCH_Y:
            case DCH_I:
                len = from_char_parse_int(&out->year, &s, n);
                if (len < 4)
                    out->year = adjust_partial_year_to_2020(out->year);
                out->yysz = n->key->len;
                SKIP_THth(s, n->suffix);
                break;
            case DCH_RM:
            case DCH_rm:
                from_char_seq_search(&value, &s, dch_rm_months_lower, n);
                from_char_set_int(&out->mm, MONTHS_PER_YEAR - value, n);
                break;
            case DCH_W:
                from_char_parse_int(&out->w, &s, n);
                SKIP_THth(s, n->suffix);
                break;
            case DCH_J:
                from_char_parse_int(&out->j, &s, n);
                SKIP_THth(s, n->suffix);
                break;
        }
        /* outside FX mode, spaces after a field are skipped */
        if (!fx_mode)
        {
            extra_skip = 0;
            while (*s != '\0' && isspace((unsigned char) *s))
            {
                s++;
                extra_skip++;
            }
        }
    }
}

/*
 * Parse date_txt by fmt into *tm and *fsec; *fprec gets an FFn precision
 * (0 if none) and *tz the zone from TZH/TZM (seconds west), *has_tz
 * whether there was one.
 */
static void
do_to_timestamp(text *date_txt, text *fmt, struct pg_tm *tm, fsec_t *fsec, int *fprec,
                bool *has_tz, int *tz)
{
    TmFromChar  tmfc;
    char       *date_str = text_to_cstring(date_txt);
    int         fmask = 0;

    memset(&tmfc, 0, sizeof(tmfc));
    memset(tm, 0, sizeof(*tm));
    tm->tm_mday = tm->tm_mon = 1;
    *fsec = 0;
    *has_tz = false;
    *tz = 0;
    if (fprec)
        *fprec = 0;

    if (VARSIZE_ANY_EXHDR(fmt) > 0)
    {
        char       *fmt_str = text_to_cstring(fmt);
        bool        free_it;
        FormatNode *format = dch_get_format(fmt_str, &free_it);

        DCH_from_char(format, date_str, &tmfc);
        if (free_it)
            pfree(format);
    }

    if (tmfc.ssss)
    {
        int         x = tmfc.ssss;

        tm->tm_hour = x / SECS_PER_HOUR;
        x %= SECS_PER_HOUR;
        tm->tm_min = x / SECS_PER_MINUTE;
        tm->tm_sec = x % SECS_PER_MINUTE;
    }
    if (tmfc.ss)
        tm->tm_sec = tmfc.ss;
    if (tmfc.mi)
        tm->tm_min = tmfc.mi;
    if (tmfc.hh)
        tm->tm_hour = tmfc.hh;
    if (tmfc.clock12)
    {
        if (tm->tm_hour < 1 || tm->tm_hour > HOURS_PER_DAY / 2)
            ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                    errmsg("hour \"%d\" is invalid for the 12-hour clock", tm->tm_hour),
                    errhint("Use the 24-hour clock, or give an hour between 1 and 12."));
        if (tmfc.pm && tm->tm_hour < HOURS_PER_DAY / 2)
            tm->tm_hour += HOURS_PER_DAY / 2;
        else if (!tmfc.pm && tm->tm_hour == HOURS_PER_DAY / 2)
            tm->tm_hour = 0;
    }

    if (tmfc.year)
    {
        /* CC with YY (or Y): YY are the low digits within the century
         * (the 21st century is 2001-2100; the 6th BC 600-501 BC) */
        if (tmfc.cc && tmfc.yysz <= 2)
        {
            if (tmfc.bc)
                tmfc.cc = -tmfc.cc;
            tm->tm_year = tmfc.year % 100;
            if (tm->tm_year)
            {
                if (tmfc.cc >= 0)
                    tm->tm_year += (tmfc.cc - 1) * 100;
                else
                    tm->tm_year = (tmfc.cc + 1) * 100 - tm->tm_year + 1;
            }
            else
                tm->tm_year = tmfc.cc * 100 + ((tmfc.cc >= 0) ? 0 : 1);
        }
        else
        {
            /* a four-digit year wins over CC */
            tm->tm_year = tmfc.year;
            if (tmfc.bc)
                tm->tm_year = -tm->tm_year;
            if (tm->tm_year < 0)
                tm->tm_year++;      /* 1 BC is year 0 */
        }
        fmask |= DTK_M(YEAR);
    }
    else if (tmfc.cc)
    {
        /* the century's first year */
        if (tmfc.bc)
            tmfc.cc = -tmfc.cc;
        if (tmfc.cc >= 0)
            tm->tm_year = (tmfc.cc - 1) * 100 + 1;
        else
            tm->tm_year = tmfc.cc * 100 + 1;
        fmask |= DTK_M(YEAR);
    }

    if (tmfc.j)
    {
        j2date(tmfc.j, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
        fmask |= DTK_DATE_M;
    }
    if (tmfc.ww)
    {
        if (tmfc.mode == FROM_CHAR_DATE_ISOWEEK)
        {
            /* without a day of the week, the week's Monday */
            if (tmfc.d)
                isoweekdate2date(tmfc.ww, tmfc.d, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
            else
                isoweek2date(tmfc.ww, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
            fmask |= DTK_DATE_M;
        }
        else
            tmfc.ddd = (tmfc.ww - 1) * 7 + 1;
    }
    if (tmfc.w)
        tmfc.dd = (tmfc.w - 1) * 7 + 1;
    if (tmfc.dd)
    {
        tm->tm_mday = tmfc.dd;
        fmask |= DTK_M(DAY);
    }
    if (tmfc.mm)
    {
        tm->tm_mon = tmfc.mm;
        fmask |= DTK_M(MONTH);
    }
    if (tmfc.ddd && (tm->tm_mon <= 1 || tm->tm_mday <= 1))
    {
        /* month and day from the day of the year (Gregorian or ISO) */
        if (!tm->tm_year && !tmfc.bc)
            ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
                    errmsg("cannot calculate day of year without year information"));
        if (tmfc.mode == FROM_CHAR_DATE_ISOWEEK)
        {
            int         j0 = isoweek2j(tm->tm_year, 1) - 1;

            j2date(j0 + tmfc.ddd, &tm->tm_year, &tm->tm_mon, &tm->tm_mday);
            fmask |= DTK_DATE_M;
        }
        else
        {
            static const int ysum[2][13] = {
                {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365},
                {0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366}};
            const int  *y = ysum[isleap(tm->tm_year)];
            int         i;

            for (i = 1; i <= MONTHS_PER_YEAR; i++)
                if (tmfc.ddd <= y[i])
                    break;
            if (tm->tm_mon <= 1)
                tm->tm_mon = i;
            if (tm->tm_mday <= 1)
                tm->tm_mday = tmfc.ddd - y[i - 1];
            fmask |= DTK_M(MONTH) | DTK_M(DAY);
        }
    }
    if (tmfc.ms)
        *fsec += tmfc.ms * 1000;
    if (tmfc.us)
        *fsec += tmfc.us;
    if (fprec)
        *fprec = tmfc.ff;

    /* AD/BC is done: validate as a Julian-day date (no 2-digit rules) */
    if (fmask != 0 && ValidateDate(fmask, true, false, false, tm) != 0)
        DateTimeParseError(DTERR_FIELD_OVERFLOW, date_str, "timestamp");
    if (tm->tm_hour < 0 || tm->tm_hour >= HOURS_PER_DAY || tm->tm_min < 0 ||
        tm->tm_min >= MINS_PER_HOUR || tm->tm_sec < 0 || tm->tm_sec >= SECS_PER_MINUTE ||
        *fsec < 0 || *fsec >= USECS_PER_SEC)
        DateTimeParseError(DTERR_FIELD_OVERFLOW, date_str, "timestamp");

    if (tmfc.tzsign)
    {
        if (tmfc.tzh < 0 || tmfc.tzh > MAX_TZDISP_HOUR || tmfc.tzm < 0 ||
            tmfc.tzm >= MINS_PER_HOUR)
            DateTimeParseError(DTERR_TZDISP_OVERFLOW, date_str, "timestamp");
        *has_tz = true;
        *tz = (tmfc.tzh * MINS_PER_HOUR + tmfc.tzm) * SECS_PER_MINUTE;
        if (tmfc.tzsign > 0)
            *tz = -*tz;         /* seconds west */
    }
}

/* to_timestamp(text, text) */
Datum
to_timestamp(PG_FUNCTION_ARGS)
{
    text       *date_txt = PG_GETARG_TEXT_PP(0);
    Timestamp   result;
    int         tz, fprec;
    bool        has_tz;
    struct pg_tm tm;
    fsec_t      fsec;

    do_to_timestamp(date_txt, PG_GETARG_TEXT_PP(1), &tm, &fsec, &fprec, &has_tz, &tz);
    if (!has_tz)
        tz = DetermineTimeZoneOffset(&tm, session_timezone);
    if (tm2timestamp(&tm, fsec, &tz, &result) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    if (fprec)
        AdjustTimestampForTypmod(&result, fprec);
    PG_RETURN_TIMESTAMPTZ(result);
}

/* to_date(text, text) */
Datum
to_date(PG_FUNCTION_ARGS)
{
    text       *date_txt = PG_GETARG_TEXT_PP(0);
    DateADT     result;
    struct pg_tm tm;
    fsec_t      fsec;
    bool        has_tz;
    int         tz;

    do_to_timestamp(date_txt, PG_GETARG_TEXT_PP(1), &tm, &fsec, NULL, &has_tz, &tz);
    if (!IS_VALID_JULIAN(tm.tm_year, tm.tm_mon, tm.tm_mday))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: \"%s\"", text_to_cstring(date_txt)));
    result = date2j(tm.tm_year, tm.tm_mon, tm.tm_mday) - POSTGRES_EPOCH_JDATE;
    if (!IS_VALID_DATE(result))
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("date out of range: \"%s\"", text_to_cstring(date_txt)));
    PG_RETURN_DATEADT(result);
}
