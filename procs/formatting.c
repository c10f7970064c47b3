/*-------------------------------------------------------------------------
 * formatting.c
 *    Template-driven conversion between date/time values and text:
 *    to_char(timestamp|timestamptz|interval, text), to_timestamp(text,
 *    text) and to_date(text, text), with PostgreSQL 15's template patterns
 *    and errors.
 *
 * Structure (numeric to_char / to_number can be added beside it):
 *    1. the pattern tables (DCH_keywords, suffixes FM TM TH th SP);
 *    2. parse_format(): template text -> array of FormatNode (keyword with
 *       suffix bits, literal character, separator or space; the types are
 *       in formatting_int.h);
 *    3. a small fixed cache of parsed templates (DCH_CACHE_ENTRIES,
 *       bounded; longer templates are parsed per call): dch_get_format();
 *    4. DCH_to_char(): FormatNodes + broken-down time -> text (this file);
 *    5. DCH_from_char() + do_to_timestamp(): text + FormatNodes -> fields
 *       -> struct pg_tm, with PostgreSQL's field conflict and range errors
 *       (formatting_from.c).
 *
 * Template rules (PostgreSQL's documentation, "Data Type Formatting
 * Functions"): keywords are matched longest-first ("HH24" before "HH",
 * "DDD" before "DD" before "D"); "..." quotes literal text, backslash
 * escapes a quote; FM suppresses padding, TM uses the (here: English,
 * the C locale's) month and day names, TH/th append an ordinal suffix.
 * In to_timestamp, spaces and separators in the template match any one
 * space or separator in the input (or none), unless FX is given; fields
 * read as many digits as the pattern's width unless FM is given or the
 * next template item is not a digit field.  TZ, tz and OF are output
 * only, as in PostgreSQL 15.
 *
 * Invariant: output buffers are sized fmt_len * DCH_MAX_ITEM_SIZ + 1,
 * which bounds every pattern's expansion (the longest, a month name with
 * padding, is 9 characters; an interval's HH24 at most 13 digits plus
 * sign and ordinal, within the 12 * 4 allowed for "HH24").
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

/* =========================================================== tables */

#define DCH_CACHE_SIZE      128     /* templates longer than this are not cached */
#define DCH_CACHE_ENTRIES   20




#define G FROM_CHAR_DATE_GREGORIAN
#define I FROM_CHAR_DATE_ISOWEEK
#define N FROM_CHAR_DATE_NONE
/*
 * Sorted so that for each first letter the longer patterns come first:
 * the parser takes the first entry that is a prefix of the template.
 * Lowercase variants map to the same ids except where the output differs
 * (day, month and am/pm names, roman months, tz).
 */
static const KeyWord DCH_keywords[] = {
    {"A.D.", 4, DCH_A_D, false, N}, {"A.M.", 4, DCH_A_M, false, N},
    {"AD", 2, DCH_AD, false, N}, {"AM", 2, DCH_AM, false, N},
    {"B.C.", 4, DCH_B_C, false, N}, {"BC", 2, DCH_BC, false, N},
    {"CC", 2, DCH_CC, true, N},
    {"DAY", 3, DCH_DAY, false, N}, {"DDD", 3, DCH_DDD, true, G}, {"DD", 2, DCH_DD, true, G},
    {"DY", 2, DCH_DY, false, N}, {"Day", 3, DCH_Day, false, N}, {"Dy", 2, DCH_Dy, false, N},
    {"D", 1, DCH_D, true, G},
    {"FF1", 3, DCH_FF1, true, N}, {"FF2", 3, DCH_FF2, true, N}, {"FF3", 3, DCH_FF3, true, N},
    {"FF4", 3, DCH_FF4, true, N}, {"FF5", 3, DCH_FF5, true, N}, {"FF6", 3, DCH_FF6, true, N},
    {"FX", 2, DCH_FX, false, N},
    {"HH24", 4, DCH_HH24, true, N}, {"HH12", 4, DCH_HH12, true, N}, {"HH", 2, DCH_HH, true, N},
    {"IDDD", 4, DCH_IDDD, true, I}, {"ID", 2, DCH_ID, true, I}, {"IW", 2, DCH_IW, true, I},
    {"IYYY", 4, DCH_IYYY, true, I}, {"IYY", 3, DCH_IYY, true, I}, {"IY", 2, DCH_IY, true, I},
    {"I", 1, DCH_I, true, I},
    {"J", 1, DCH_J, true, N},
    {"MI", 2, DCH_MI, true, N}, {"MM", 2, DCH_MM, true, G}, {"MONTH", 5, DCH_MONTH, false, G},
    {"MON", 3, DCH_MON, false, G}, {"MS", 2, DCH_MS, true, N},
    {"Month", 5, DCH_Month, false, G}, {"Mon", 3, DCH_Mon, false, G},
    {"OF", 2, DCH_OF, false, N},
    {"P.M.", 4, DCH_P_M, false, N}, {"PM", 2, DCH_PM, false, N},
    {"Q", 1, DCH_Q, true, N},
    {"RM", 2, DCH_RM, false, G},
    {"SSSSS", 5, DCH_SSSS, true, N}, {"SSSS", 4, DCH_SSSS, true, N}, {"SS", 2, DCH_SS, true, N},
    {"TZH", 3, DCH_TZH, false, N}, {"TZM", 3, DCH_TZM, true, N}, {"TZ", 2, DCH_TZ, false, N},
    {"US", 2, DCH_US, true, N},
    {"WW", 2, DCH_WW, true, G}, {"W", 1, DCH_W, true, G},
    {"Y,YYY", 5, DCH_Y_YYY, true, G}, {"YYYY", 4, DCH_YYYY, true, G},
    {"YYY", 3, DCH_YYY, true, G}, {"YY", 2, DCH_YY, true, G}, {"Y", 1, DCH_Y, true, G},
    {"a.d.", 4, DCH_a_d, false, N}, {"a.m.", 4, DCH_a_m, false, N},
    {"ad", 2, DCH_ad, false, N}, {"am", 2, DCH_am, false, N},
    {"b.c.", 4, DCH_b_c, false, N}, {"bc", 2, DCH_bc, false, N},
    {"cc", 2, DCH_CC, true, N},
    {"day", 3, DCH_day, false, N}, {"ddd", 3, DCH_DDD, true, G}, {"dd", 2, DCH_DD, true, G},
    {"dy", 2, DCH_dy, false, N}, {"d", 1, DCH_D, true, G},
    {"ff1", 3, DCH_FF1, true, N}, {"ff2", 3, DCH_FF2, true, N}, {"ff3", 3, DCH_FF3, true, N},
    {"ff4", 3, DCH_FF4, true, N}, {"ff5", 3, DCH_FF5, true, N}, {"ff6", 3, DCH_FF6, true, N},
    {"fx", 2, DCH_FX, false, N},
    {"hh24", 4, DCH_HH24, true, N}, {"hh12", 4, DCH_HH12, true, N}, {"hh", 2, DCH_HH, true, N},
    {"iddd", 4, DCH_IDDD, true, I}, {"id", 2, DCH_ID, true, I}, {"iw", 2, DCH_IW, true, I},
    {"iyyy", 4, DCH_IYYY, true, I}, {"iyy", 3, DCH_IYY, true, I}, {"iy", 2, DCH_IY, true, I},
    {"i", 1, DCH_I, true, I},
    {"j", 1, DCH_J, true, N},
    {"mi", 2, DCH_MI, true, N}, {"mm", 2, DCH_MM, true, G}, {"month", 5, DCH_month, false, G},
    {"mon", 3, DCH_mon, false, G}, {"ms", 2, DCH_MS, true, N},
    {"of", 2, DCH_OF, false, N},
    {"p.m.", 4, DCH_p_m, false, N}, {"pm", 2, DCH_pm, false, N},
    {"q", 1, DCH_Q, true, N},
    {"rm", 2, DCH_rm, false, G},
    {"sssss", 5, DCH_SSSS, true, N}, {"ssss", 4, DCH_SSSS, true, N}, {"ss", 2, DCH_SS, true, N},
    {"tzh", 3, DCH_TZH, false, N}, {"tzm", 3, DCH_TZM, true, N}, {"tz", 2, DCH_tz, false, N},
    {"us", 2, DCH_US, true, N},
    {"ww", 2, DCH_WW, true, G}, {"w", 1, DCH_W, true, G},
    {"y,yyy", 5, DCH_Y_YYY, true, G}, {"yyyy", 4, DCH_YYYY, true, G},
    {"yyy", 3, DCH_YYY, true, G}, {"yy", 2, DCH_YY, true, G}, {"y", 1, DCH_Y, true, G},
};
#undef G
#undef I
#undef N


typedef struct KeySuffix
{
    const char *name;
    int         len;
    int         id;
    bool        prefix;
} KeySuffix;

static const KeySuffix DCH_suff[] = {
    {"FM", 2, DCH_S_FM, true}, {"fm", 2, DCH_S_FM, true},
    {"TM", 2, DCH_S_TM, true}, {"tm", 2, DCH_S_TM, true},
    {"TH", 2, DCH_S_TH, false}, {"th", 2, DCH_S_th, false},
    {"SP", 2, DCH_S_SP, false},
};

const char *const dch_months_full[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", NULL
};
const char *const dch_days_short[] = {
    "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", NULL
};
/* even index: AD/AM, odd index: BC/PM */
const char *const dch_adbc_strings[] = {"ad", "bc", "AD", "BC", NULL};
const char *const dch_adbc_strings_long[] = {"a.d.", "b.c.", "A.D.", "B.C.", NULL};
const char *const dch_ampm_strings[] = {"am", "pm", "AM", "PM", NULL};
const char *const dch_ampm_strings_long[] = {"a.m.", "p.m.", "A.M.", "P.M.", NULL};
/* reverse order so that VIII is tried before V */
const char *const dch_rm_months_upper[] =
{"XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I", NULL};
const char *const dch_rm_months_lower[] =
{"xii", "xi", "x", "ix", "viii", "vii", "vi", "v", "iv", "iii", "ii", "i", NULL};

/* ========================================================= parsing */



int
dch_utf8_len(const char *s)
{
    unsigned char c = (unsigned char) *s;
    int         n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

    for (int i = 1; i < n; i++)
        if (s[i] == '\0')
            return i;
    return n;
}

static const KeyWord *
keyword_search(const char *str)
{
    if (*str <= ' ' || *str >= '~')
        return NULL;
    for (size_t i = 0; i < lengthof(DCH_keywords); i++)
    {
        const KeyWord *k = &DCH_keywords[i];

        if (k->name[0] == *str && strncmp(str, k->name, k->len) == 0)
            return k;
    }
    return NULL;
}

static const KeySuffix *
suffix_search(const char *str, bool prefix)
{
    for (size_t i = 0; i < lengthof(DCH_suff); i++)
        if (DCH_suff[i].prefix == prefix && strncmp(str, DCH_suff[i].name, DCH_suff[i].len) == 0)
            return &DCH_suff[i];
    return NULL;
}

bool
dch_is_separator_char(const char *str)
{
    /* printable ASCII that is not a letter or digit */
    return *str > 0x20 && *str < 0x7F && !isalnum((unsigned char) *str);
}

static void
set_char_node(FormatNode *n, NodeType type, const char *str, int chlen)
{
    n->type = type;
    memcpy(n->character, str, chlen);
    n->character[chlen] = '\0';
    n->key = NULL;
    n->suffix = 0;
}

/* Template -> nodes; node must have room for strlen(str) + 1 entries. */
static void
parse_format(FormatNode *node, const char *str)
{
    FormatNode *n = node;

    while (*str)
    {
        int         suffix = 0;
        const KeySuffix *s;

        if ((s = suffix_search(str, true)) != NULL)
        {
            suffix |= s->id;
            str += s->len;
        }
        if (*str && (n->key = keyword_search(str)) != NULL)
        {
            n->type = NODE_TYPE_ACTION;
            n->suffix = suffix;
            str += n->key->len;
            if (*str && (s = suffix_search(str, false)) != NULL)
            {
                n->suffix |= s->id;
                str += s->len;
            }
            n++;
        }
        else if (*str == '"')
        {
            /* quoted literal; backslash escapes the next character */
            str++;
            while (*str)
            {
                int         chlen;

                if (*str == '"')
                {
                    str++;
                    break;
                }
                if (*str == '\\' && str[1])
                    str++;
                chlen = dch_utf8_len(str);
                set_char_node(n++, NODE_TYPE_CHAR, str, chlen);
                str += chlen;
            }
        }
        else if (*str)
        {
            int         chlen;

            /* outside quotes, backslash only escapes a double quote */
            if (*str == '\\' && str[1] == '"')
                str++;
            chlen = dch_utf8_len(str);
            set_char_node(n++, dch_is_separator_char(str) ? NODE_TYPE_SEPARATOR :
                          isspace((unsigned char) *str) ? NODE_TYPE_SPACE : NODE_TYPE_CHAR,
                          str, chlen);
            str += chlen;
        }
    }
    n->type = NODE_TYPE_END;
    n->suffix = 0;
}

/* ---------------------------------------------------- template cache */

typedef struct DCHCacheEntry
{
    FormatNode  format[DCH_CACHE_SIZE + 1];
    char        str[DCH_CACHE_SIZE + 1];
    int         age;
} DCHCacheEntry;

static DCHCacheEntry *DCHCache[DCH_CACHE_ENTRIES];
static int  n_DCHCache = 0;
static int  DCHCounter = 0;

/*
 * The parsed template for fmt: from the cache (short templates), else
 * parsed into palloc'd memory (*free_it set).  The cache is fixed-size
 * and lives in TopMemoryContext; the oldest entry is recycled.
 */
FormatNode *
dch_get_format(const char *fmt, bool *free_it)
{
    int         len = (int) strlen(fmt);
    DCHCacheEntry *ent = NULL;

    *free_it = false;
    if (len > DCH_CACHE_SIZE)
    {
        FormatNode *format = palloc((len + 1) * sizeof(FormatNode));

        parse_format(format, fmt);
        *free_it = true;
        return format;
    }
    if (DCHCounter >= INT_MAX - 1)
    {
        for (int i = 0; i < n_DCHCache; i++)
            DCHCache[i]->age >>= 1;
        DCHCounter >>= 1;
    }
    for (int i = 0; i < n_DCHCache; i++)
    {
        if (strcmp(DCHCache[i]->str, fmt) == 0)
        {
            DCHCache[i]->age = ++DCHCounter;
            return DCHCache[i]->format;
        }
    }
    if (n_DCHCache < DCH_CACHE_ENTRIES)
        ent = DCHCache[n_DCHCache++] = MemoryContextAllocZero(TopMemoryContext,
                                                               sizeof(DCHCacheEntry));
    else
    {
        ent = DCHCache[0];
        for (int i = 1; i < DCH_CACHE_ENTRIES; i++)
            if (DCHCache[i]->age < ent->age)
                ent = DCHCache[i];
    }
    /* invalid until parsed (parsing does not fail today, but be safe) */
    ent->str[0] = '\0';
    parse_format(ent->format, fmt);
    strcpy(ent->str, fmt);
    ent->age = ++DCHCounter;
    return ent->format;
}

/* ========================================================= to_char */

/* Broken-down value being formatted; tm_hour is 64-bit for intervals. */
typedef struct TmToChar
{
    int         tm_sec;
    int         tm_min;
    int64       tm_hour;
    int         tm_mday;
    int         tm_mon;
    int         tm_year;
    int         tm_wday;
    int         tm_yday;
    long        tm_gmtoff;
    fsec_t      fsec;
    const char *tzn;
} TmToChar;

/* There is no year 0 in AD/BC notation; interval years print as they are. */
#define ADJUST_YEAR(year, is_interval) \
    ((is_interval) ? (year) : ((year) <= 0 ? -((year) - 1) : (year)))

pg_attribute_noreturn() static void
invalid_for_interval(void)
{
    ereport(ERROR, errcode(ERRCODE_INVALID_DATETIME_FORMAT),
            errmsg("invalid format specification for an interval value"),
            errhint("Intervals are not tied to specific calendar dates."));
    __builtin_unreachable();
}

/* Append the English ordinal suffix of the number just written at s. */
static void
append_th(char *s, int type)
{
    size_t      len = strlen(s);
    char        last = s[len - 1];

    if (!isdigit((unsigned char) last))
        ereport(ERROR, errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
                errmsg("\"%s\" is not a number", s));
    /* teens take "th" */
    if (len > 1 && s[len - 2] == '1')
        last = 0;
    strcat(s, last == '1' ? (type == TH_UPPER ? "ST" : "st") :
           last == '2' ? (type == TH_UPPER ? "ND" : "nd") :
           last == '3' ? (type == TH_UPPER ? "RD" : "rd") :
           (type == TH_UPPER ? "TH" : "th"));
}

static void
case_copy(char *dst, const char *src, int mode)
{
    /* mode 0: as is, 1: all upper, 2: all lower */
    for (; *src; src++)
        *dst++ = (char) (mode == 1 ? toupper((unsigned char) *src) :
                         mode == 2 ? tolower((unsigned char) *src) : *src);
    *dst = '\0';
}

/* A name padded to width 9 unless FM (or TM, which never pads). */
static char *
put_name(char *s, const char *name, int casemode, int suffix, int width)
{
    char        buf[32];

    case_copy(buf, name, casemode);
    if (S_FM(suffix) || S_TM(suffix) || width == 0)
        strcpy(s, buf);
    else
        sprintf(s, "%-*s", width, buf);
    return s + strlen(s);
}

/* A number zero-padded to `width` unless FM, with an ordinal suffix if
 * TH/th.  Callers choose the width as PostgreSQL does (usually one more
 * for a negative value, so the sign does not eat a digit). */
static char *
put_num(char *s, int64 value, int width, int suffix)
{
    sprintf(s, "%0*lld", S_FM(suffix) ? 0 : width, (long long) value);
    if (S_THth(suffix))
        append_th(s, S_TH_TYPE(suffix));
    return s + strlen(s);
}

#define SIGNED_WIDTH(v, w) ((v) >= 0 ? (w) : (w) + 1)

static void
DCH_to_char(FormatNode *node, bool is_interval, TmToChar *tm, char *out)
{
    char       *s = out;

    for (FormatNode *n = node; n->type != NODE_TYPE_END; n++)
    {
        int         i;
        int         year = ADJUST_YEAR(tm->tm_year, is_interval);
        int         suf = n->suffix;

        if (n->type != NODE_TYPE_ACTION)
        {
            strcpy(s, n->character);
            s += strlen(s);
            continue;
        }
        switch (n->key->id)
        {
            case DCH_A_M:
            case DCH_P_M:
            case DCH_AM:
            case DCH_PM:
            case DCH_a_m:
            case DCH_p_m:
            case DCH_am:
            case DCH_pm:
                {
                    bool        pm = tm->tm_hour % HOURS_PER_DAY >= HOURS_PER_DAY / 2;
                    DCH_id      id = n->key->id;
                    const char *const *set =
                        (id == DCH_A_M || id == DCH_P_M || id == DCH_a_m || id == DCH_p_m) ?
                        dch_ampm_strings_long : dch_ampm_strings;
                    bool        upper = (id == DCH_A_M || id == DCH_P_M || id == DCH_AM || id == DCH_PM);

                    strcpy(s, set[(upper ? 2 : 0) + (pm ? 1 : 0)]);
                    s += strlen(s);
                }
                break;
            case DCH_HH:
            case DCH_HH12:
                /* a 12-hour clock, even for intervals */
                s = put_num(s, tm->tm_hour % (HOURS_PER_DAY / 2) == 0 ? HOURS_PER_DAY / 2 :
                            tm->tm_hour % (HOURS_PER_DAY / 2),
                            SIGNED_WIDTH(tm->tm_hour, 2), suf);
                break;
            case DCH_HH24:
                s = put_num(s, tm->tm_hour, SIGNED_WIDTH(tm->tm_hour, 2), suf);
                break;
            case DCH_MI:
                s = put_num(s, tm->tm_min, SIGNED_WIDTH(tm->tm_min, 2), suf);
                break;
            case DCH_SS:
                s = put_num(s, tm->tm_sec, SIGNED_WIDTH(tm->tm_sec, 2), suf);
                break;
            case DCH_FF1:
            case DCH_FF2:
            case DCH_FF3:
            case DCH_FF4:
            case DCH_FF5:
            case DCH_FF6:
            case DCH_MS:
            case DCH_US:
                {
                    static const int divisors[] = {100000, 10000, 1000, 100, 10, 1};
                    int         digits = n->key->id == DCH_MS ? 3 : n->key->id == DCH_US ? 6 :
                        (int) (n->key->id - DCH_FF1) + 1;

                    /* fixed width: FM does not apply to fractions */
                    sprintf(s, "%0*d", digits, (int) (tm->fsec / divisors[digits - 1]));
                    if (S_THth(suf))
                        append_th(s, S_TH_TYPE(suf));
                    s += strlen(s);
                }
                break;
            case DCH_SSSS:
                sprintf(s, "%lld", (long long) (tm->tm_hour * SECS_PER_HOUR +
                                                tm->tm_min * SECS_PER_MINUTE + tm->tm_sec));
                if (S_THth(suf))
                    append_th(s, S_TH_TYPE(suf));
                s += strlen(s);
                break;
            case DCH_tz:
            case DCH_TZ:
                if (is_interval)
                    invalid_for_interval();
                if (tm->tzn)
                {
                    case_copy(s, tm->tzn, n->key->id == DCH_tz ? 2 : 0);
                    s += strlen(s);
                }
                break;
            case DCH_TZH:
                if (is_interval)
                    invalid_for_interval();
                sprintf(s, "%c%02d", (tm->tm_gmtoff >= 0) ? '+' : '-',
                        abs((int) tm->tm_gmtoff) / SECS_PER_HOUR);
                s += strlen(s);
                break;
            case DCH_TZM:
                if (is_interval)
                    invalid_for_interval();
                sprintf(s, "%02d", (abs((int) tm->tm_gmtoff) % SECS_PER_HOUR) / SECS_PER_MINUTE);
                s += strlen(s);
                break;
            case DCH_OF:
                if (is_interval)
                    invalid_for_interval();
                sprintf(s, "%c%0*d", (tm->tm_gmtoff >= 0) ? '+' : '-', S_FM(suf) ? 0 : 2,
                        abs((int) tm->tm_gmtoff) / SECS_PER_HOUR);
                s += strlen(s);
                if (abs((int) tm->tm_gmtoff) % SECS_PER_HOUR != 0)
                {
                    sprintf(s, ":%02d", (abs((int) tm->tm_gmtoff) % SECS_PER_HOUR) / SECS_PER_MINUTE);
                    s += strlen(s);
                }
                break;
            case DCH_A_D:
            case DCH_B_C:
                if (is_interval)
                    invalid_for_interval();
                strcpy(s, tm->tm_year <= 0 ? "B.C." : "A.D.");
                s += strlen(s);
                break;
            case DCH_AD:
            case DCH_BC:
                if (is_interval)
                    invalid_for_interval();
                strcpy(s, tm->tm_year <= 0 ? "BC" : "AD");
                s += strlen(s);
                break;
            case DCH_a_d:
            case DCH_b_c:
                if (is_interval)
                    invalid_for_interval();
                strcpy(s, tm->tm_year <= 0 ? "b.c." : "a.d.");
                s += strlen(s);
                break;
            case DCH_ad:
            case DCH_bc:
                if (is_interval)
                    invalid_for_interval();
                strcpy(s, tm->tm_year <= 0 ? "bc" : "ad");
                s += strlen(s);
                break;
            case DCH_MONTH:
            case DCH_Month:
            case DCH_month:
                if (is_interval)
                    invalid_for_interval();
                if (!tm->tm_mon)
                    break;
                s = put_name(s, dch_months_full[tm->tm_mon - 1],
                             n->key->id == DCH_MONTH ? 1 : n->key->id == DCH_month ? 2 : 0,
                             suf, 9);
                break;
            case DCH_MON:
            case DCH_Mon:
            case DCH_mon:
                if (is_interval)
                    invalid_for_interval();
                if (!tm->tm_mon)
                    break;
                s = put_name(s, months[tm->tm_mon - 1],
                             n->key->id == DCH_MON ? 1 : n->key->id == DCH_mon ? 2 : 0, suf, 0);
                break;
            case DCH_MM:
                s = put_num(s, tm->tm_mon, SIGNED_WIDTH(tm->tm_mon, 2), suf);
                break;
            case DCH_DAY:
            case DCH_Day:
            case DCH_day:
                if (is_interval)
                    invalid_for_interval();
                s = put_name(s, days[tm->tm_wday],
                             n->key->id == DCH_DAY ? 1 : n->key->id == DCH_day ? 2 : 0, suf, 9);
                break;
            case DCH_DY:
            case DCH_Dy:
            case DCH_dy:
                if (is_interval)
                    invalid_for_interval();
                s = put_name(s, dch_days_short[tm->tm_wday],
                             n->key->id == DCH_DY ? 1 : n->key->id == DCH_dy ? 2 : 0, suf, 0);
                break;
            case DCH_DDD:
            case DCH_IDDD:
                s = put_num(s, n->key->id == DCH_DDD ? tm->tm_yday :
                            date2isoyearday(tm->tm_year, tm->tm_mon, tm->tm_mday), 3, suf);
                break;
            case DCH_DD:
                s = put_num(s, tm->tm_mday, 2, suf);
                break;
            case DCH_D:
                if (is_interval)
                    invalid_for_interval();
                s = put_num(s, tm->tm_wday + 1, 1, suf | DCH_S_FM);
                break;
            case DCH_ID:
                if (is_interval)
                    invalid_for_interval();
                s = put_num(s, (tm->tm_wday == 0) ? 7 : tm->tm_wday, 1, suf | DCH_S_FM);
                break;
            case DCH_WW:
                s = put_num(s, (tm->tm_yday - 1) / 7 + 1, 2, suf);
                break;
            case DCH_IW:
                s = put_num(s, date2isoweek(tm->tm_year, tm->tm_mon, tm->tm_mday), 2, suf);
                break;
            case DCH_Q:
                if (!tm->tm_mon)
                    break;
                s = put_num(s, (tm->tm_mon - 1) / 3 + 1, 1, suf | DCH_S_FM);
                break;
            case DCH_CC:
                if (is_interval)
                    i = tm->tm_year / 100;
                else if (tm->tm_year > 0)
                    i = (tm->tm_year - 1) / 100 + 1;    /* 20th century: 1901-2000 */
                else
                    i = tm->tm_year / 100 - 1;          /* 6th BC: 600BC-501BC */
                s = put_num(s, i, (i <= 99 && i >= -99) ? SIGNED_WIDTH(i, 2) : 0, suf);
                break;
            case DCH_Y_YYY:
                i = year / 1000;
                sprintf(s, "%d,%03d", i, year - (i * 1000));
                if (S_THth(suf))
                    append_th(s, S_TH_TYPE(suf));
                s += strlen(s);
                break;
            case DCH_YYYY:
            case DCH_IYYY:
            case DCH_YYY:
            case DCH_IYY:
            case DCH_YY:
            case DCH_IY:
            case DCH_Y:
            case DCH_I:
                {
                    DCH_id      id = n->key->id;
                    bool        iso = (id == DCH_IYYY || id == DCH_IYY || id == DCH_IY || id == DCH_I);
                    int         y = iso ? ADJUST_YEAR(date2isoyear(tm->tm_year, tm->tm_mon,
                                                                   tm->tm_mday), is_interval) : year;
                    int         width = (id == DCH_YYYY || id == DCH_IYYY) ? 4 :
                        (id == DCH_YYY || id == DCH_IYY) ? 3 :
                        (id == DCH_YY || id == DCH_IY) ? 2 : 1;
                    int         mod = width == 4 ? 0 : width == 3 ? 1000 : width == 2 ? 100 : 10;

                    if (width == 1)
                        s = put_num(s, y % 10, 1, suf | DCH_S_FM);
                    else
                        /* the width follows the sign of the calendar year */
                        s = put_num(s, mod ? y % mod : y, SIGNED_WIDTH(year, width), suf);
                }
                break;
            case DCH_RM:
            case DCH_rm:
                /* interval months may be 0 with years, or negative */
                if (!tm->tm_mon && !tm->tm_year)
                    break;
                {
                    int         mon;
                    const char *const *rm = n->key->id == DCH_RM ? dch_rm_months_upper : dch_rm_months_lower;

                    if (tm->tm_mon == 0)
                        mon = tm->tm_year >= 0 ? 0 : MONTHS_PER_YEAR - 1;
                    else if (tm->tm_mon < 0)
                        mon = -1 * (tm->tm_mon + 1);
                    else
                        mon = MONTHS_PER_YEAR - tm->tm_mon;
                    sprintf(s, "%*s", S_FM(suf) ? 0 : -4, rm[mon]);
                    s += strlen(s);
                }
                break;
            case DCH_W:
                s = put_num(s, (tm->tm_mday - 1) / 7 + 1, 1, suf | DCH_S_FM);
                break;
            case DCH_J:
                s = put_num(s, date2j(tm->tm_year, tm->tm_mon, tm->tm_mday), 1, suf | DCH_S_FM);
                break;
            case DCH_FX:
                break;
        }
    }
    *s = '\0';
}

static text *
datetime_to_char_body(TmToChar *tmtc, text *fmt, bool is_interval)
{
    char       *fmt_str = text_to_cstring(fmt);
    int         fmt_len = (int) strlen(fmt_str);
    char       *result = palloc((Size) fmt_len * DCH_MAX_ITEM_SIZ + 1);
    bool        free_it;
    FormatNode *format = dch_get_format(fmt_str, &free_it);

    DCH_to_char(format, is_interval, tmtc, result);
    if (free_it)
        pfree(format);
    return cstring_to_text(result);
}

static Datum
timestamp_to_char_common(FunctionCallInfo fcinfo, bool withtz)
{
    Timestamp   dt = PG_GETARG_TIMESTAMP(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    TmToChar    tmtc;
    struct pg_tm tt;
    int         tz, thisdate;
    const char *tzn = NULL;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0 || TIMESTAMP_NOT_FINITE(dt))
        PG_RETURN_NULL();
    memset(&tmtc, 0, sizeof(tmtc));
    if (timestamp2tm(dt, withtz ? &tz : NULL, &tt, &tmtc.fsec, withtz ? &tzn : NULL, NULL) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    thisdate = date2j(tt.tm_year, tt.tm_mon, tt.tm_mday);
    tmtc.tm_sec = tt.tm_sec;
    tmtc.tm_min = tt.tm_min;
    tmtc.tm_hour = tt.tm_hour;
    tmtc.tm_mday = tt.tm_mday;
    tmtc.tm_mon = tt.tm_mon;
    tmtc.tm_year = tt.tm_year;
    tmtc.tm_wday = (thisdate + 1) % 7;
    tmtc.tm_yday = thisdate - date2j(tt.tm_year, 1, 1) + 1;
    tmtc.tm_gmtoff = tt.tm_gmtoff;
    tmtc.tzn = tzn;
    PG_RETURN_TEXT_P(datetime_to_char_body(&tmtc, fmt, false));
}

Datum
timestamp_to_char(PG_FUNCTION_ARGS)
{
    return timestamp_to_char_common(fcinfo, false);
}

Datum
timestamptz_to_char(PG_FUNCTION_ARGS)
{
    return timestamp_to_char_common(fcinfo, true);
}

Datum
interval_to_char(PG_FUNCTION_ARGS)
{
    Interval   *it = PG_GETARG_INTERVAL_P(0);
    text       *fmt = PG_GETARG_TEXT_PP(1);
    TmToChar    tmtc;
    struct pg_itm itm;

    if (VARSIZE_ANY_EXHDR(fmt) <= 0)
        PG_RETURN_NULL();
    memset(&tmtc, 0, sizeof(tmtc));
    interval2itm(*it, &itm);
    tmtc.fsec = itm.tm_usec;
    tmtc.tm_sec = itm.tm_sec;
    tmtc.tm_min = itm.tm_min;
    tmtc.tm_hour = itm.tm_hour;
    tmtc.tm_mday = itm.tm_mday;
    tmtc.tm_mon = itm.tm_mon;
    tmtc.tm_year = itm.tm_year;
    /* wday is meaningless; yday approximates the span in days */
    tmtc.tm_yday = (tmtc.tm_year * MONTHS_PER_YEAR + tmtc.tm_mon) * DAYS_PER_MONTH + tmtc.tm_mday;
    PG_RETURN_TEXT_P(datetime_to_char_body(&tmtc, fmt, true));
}
