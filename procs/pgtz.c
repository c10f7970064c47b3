/*-------------------------------------------------------------------------
 * pgtz.c
 *    Time zones: the system zoneinfo database read directly, POSIX TZ
 *    strings, fixed offsets, the zone-abbreviation table, the session
 *    zone, and local-time <-> UTC conversion with PostgreSQL's rules.
 *
 * Principal entry points
 *    pg_tzset(name)          look a zone up (case-insensitively), cached
 *    pg_tzset_offset(secs)   a fixed zone "<-07>+07"
 *    pg_session_tz()         the zone named by the TimeZone setting
 *    pg_zone_at(t, tz, ...)  UTC offset / DST flag / abbreviation at t
 *    DetermineTimeZoneOffset local time -> offset, DST gaps as PostgreSQL
 *    DecodeTimezoneAbbrev    "PST", "EST", "MSK" ... (the Default set)
 *    check_timezone_guc      the TimeZone setting's check hook
 *
 * Why not glibc's localtime_r: converting through glibc means rewriting
 * the process-global TZ environment and re-running tzset() (which re-reads
 * the zone file) every time the zone changes, e.g. on every row of
 * "ts AT TIME ZONE 'X'" while the session zone is Y; and glibc rejects
 * POSIX strings PostgreSQL accepts ("+05:30").  Instead this file reads
 * the same files glibc would (/usr/share/zoneinfo, TZif versions 1-4) into
 * a small cache, exactly as PostgreSQL does with its own copy of the tz
 * code when built --with-system-tzdata, so offsets, abbreviations and the
 * LMT of old dates (America/New_York 1800: -04:56:02) are PostgreSQL's.
 *
 * Invariants
 *  - Offsets here are seconds EAST of UTC (gmtoff), as in struct tm.  The
 *    datetime code's "tz" values are seconds WEST (PostgreSQL's convention);
 *    the conversion is a sign flip at the call sites.
 *  - The zone cache has TZ_CACHE_SIZE entries, fixed; the least recently
 *    loaded entry that is not the session zone is evicted.  A pg_tz pointer
 *    is therefore valid until the next pg_tzset call that misses the cache:
 *    callers use a zone within one function call and never keep it.
 *  - Zone data are palloc'd in TopMemoryContext and pfree'd on eviction.
 *  - Zones with leap seconds ("right/...") are refused, as PostgreSQL does.
 *
 * Differences from PostgreSQL: a POSIX string with a DST name but no rule
 * ("XYZ5ABC") uses the US rule M3.2.0,M11.1.0 rather than the transitions
 * of the "posixrules" file (identical since 2007).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "procs/datetime.h"

#define TZDIR "/usr/share/zoneinfo"
#define TZ_CACHE_SIZE 64
#define TZ_ABBR_MAX 16
#define TZ_MAX_FILE (256 * 1024)   /* largest zone file we accept */
#define MAXPGPATH_TZ 1024

/* One rule date of a POSIX TZ string: Jn, n or Mm.w.d, plus a time. */
typedef enum { RULE_JULIAN_DAY, RULE_DAY_OF_YEAR, RULE_MONTH_WEEK_DAY } RuleKind;

typedef struct RuleDate
{
    RuleKind    kind;
    int         day;            /* Jn: 1..365; n: 0..365; Mm.w.d: d (0 = Sunday) */
    int         week;           /* Mm.w.d: 1..5 (5 = last) */
    int         month;          /* Mm.w.d: 1..12 */
    int32       time;           /* seconds after local midnight */
} RuleDate;

/* A POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0"): offsets are seconds EAST. */
typedef struct PosixRule
{
    char        stdname[TZ_ABBR_MAX];
    char        dstname[TZ_ABBR_MAX];
    int32       stdoff;
    int32       dstoff;
    bool        has_dst;
    RuleDate    start;
    RuleDate    end;
} PosixRule;

typedef struct TzType
{
    int32       utoff;          /* seconds east */
    bool        isdst;
    uint8       abbrind;        /* index into chars */
} TzType;

struct pg_tz
{
    char        name[TZ_STRLEN_MAX + 1];   /* canonical, as SHOW prints it */
    char        key[TZ_STRLEN_MAX + 1];    /* uppercased lookup key */
    uint64      lru;
    /* zoneinfo data (timecnt == 0 and typecnt == 0 for POSIX-only zones) */
    int         timecnt;
    int         typecnt;
    int         charcnt;
    int64      *ats;            /* transition instants, UTC seconds, ascending */
    uint8      *types;          /* type in force from ats[i] on */
    TzType     *ttis;
    char       *chars;          /* NUL-separated abbreviations */
    bool        has_rule;       /* rule applies after the last transition */
    PosixRule   rule;
};

static pg_tz *tz_cache[TZ_CACHE_SIZE];
static uint64 tz_lru_clock = 0;
static pg_tz *session_tz = NULL;
static char  session_tz_key[TZ_STRLEN_MAX + 1];

/* ================================================== POSIX TZ strings */

/* An abbreviation: <...> quoted, or a run of non-digit, non-sign chars. */
static const char *
posix_name(const char *s, char *out, bool allow_empty)
{
    int         n = 0;

    if (*s == '<')
    {
        s++;
        while (*s && *s != '>')
        {
            if (n < TZ_ABBR_MAX - 1)
                out[n++] = *s;
            s++;
        }
        if (*s != '>')
            return NULL;
        s++;
    }
    else
    {
        while (*s && !isdigit((unsigned char) *s) && *s != ',' && *s != '-' &&
               *s != '+' && *s != ';')
        {
            if (n < TZ_ABBR_MAX - 1)
                out[n++] = *s;
            s++;
        }
    }
    out[n] = '\0';
    if (n == 0 && !allow_empty)
        return NULL;
    return s;
}

/* hh[:mm[:ss]], hh at most maxhours; result in seconds. */
static const char *
posix_secs(const char *s, int32 *secs, int maxhours)
{
    int         h = 0, m = 0, sec = 0;

    if (!isdigit((unsigned char) *s))
        return NULL;
    while (isdigit((unsigned char) *s))
    {
        h = h * 10 + (*s++ - '0');
        if (h > maxhours)
            return NULL;
    }
    if (*s == ':')
    {
        s++;
        if (!isdigit((unsigned char) *s))
            return NULL;
        while (isdigit((unsigned char) *s))
        {
            m = m * 10 + (*s++ - '0');
            if (m > 59)
                return NULL;
        }
        if (*s == ':')
        {
            s++;
            if (!isdigit((unsigned char) *s))
                return NULL;
            while (isdigit((unsigned char) *s))
            {
                sec = sec * 10 + (*s++ - '0');
                if (sec > 60)
                    return NULL;
            }
        }
    }
    *secs = (h * 60 + m) * 60 + sec;
    return s;
}

/* A signed offset in POSIX convention (positive = west); returns east. */
static const char *
posix_offset(const char *s, int32 *east)
{
    bool        neg = false;
    int32       secs;

    if (*s == '-')
    {
        neg = true;
        s++;
    }
    else if (*s == '+')
        s++;
    s = posix_secs(s, &secs, 24 * 7 - 1);
    if (s == NULL)
        return NULL;
    *east = neg ? secs : -secs;
    return s;
}

static const char *
posix_rule_date(const char *s, RuleDate *rd)
{
    int         n;

    if (*s == 'J')
    {
        rd->kind = RULE_JULIAN_DAY;
        s++;
        if (!isdigit((unsigned char) *s))
            return NULL;
        for (n = 0; isdigit((unsigned char) *s); s++)
            if ((n = n * 10 + (*s - '0')) > 365)
                return NULL;
        if (n < 1)
            return NULL;
        rd->day = n;
    }
    else if (*s == 'M')
    {
        rd->kind = RULE_MONTH_WEEK_DAY;
        s++;
        for (n = 0; isdigit((unsigned char) *s); s++)
            n = n * 10 + (*s - '0');
        if (n < 1 || n > 12 || *s != '.')
            return NULL;
        rd->month = n;
        s++;
        if (!isdigit((unsigned char) *s) || *s < '1' || *s > '5')
            return NULL;
        rd->week = *s++ - '0';
        if (*s++ != '.' || !isdigit((unsigned char) *s) || *s > '6')
            return NULL;
        rd->day = *s++ - '0';
    }
    else if (isdigit((unsigned char) *s))
    {
        rd->kind = RULE_DAY_OF_YEAR;
        for (n = 0; isdigit((unsigned char) *s); s++)
            if ((n = n * 10 + (*s - '0')) > 365)
                return NULL;
        rd->day = n;
    }
    else
        return NULL;
    rd->time = 2 * SECS_PER_HOUR;
    if (*s == '/')
    {
        bool        neg = false;
        int32       secs;

        s++;
        if (*s == '-' || *s == '+')
            neg = (*s++ == '-');
        s = posix_secs(s, &secs, 24 * 7 - 1);
        if (s == NULL)
            return NULL;
        rd->time = neg ? -secs : secs;
    }
    return s;
}

/*
 * Parse a POSIX TZ string.  As PostgreSQL (and unlike IANA), an empty
 * standard-time abbreviation is allowed, so "+05:30" is UTC-05:30.
 */
static bool
posix_parse(const char *s, PosixRule *r)
{
    memset(r, 0, sizeof(*r));
    s = posix_name(s, r->stdname, true);
    if (s == NULL || *s == '\0')
        return false;
    s = posix_offset(s, &r->stdoff);
    if (s == NULL)
        return false;
    if (*s == '\0')
        return true;
    s = posix_name(s, r->dstname, false);
    if (s == NULL)
        return false;
    r->has_dst = true;
    if (*s != '\0' && *s != ',' && *s != ';')
    {
        s = posix_offset(s, &r->dstoff);
        if (s == NULL)
            return false;
    }
    else
        r->dstoff = r->stdoff + SECS_PER_HOUR;
    if (*s == '\0')
        s = ",M3.2.0,M11.1.0";
    if (*s != ',' && *s != ';')
        return false;
    s = posix_rule_date(s + 1, &r->start);
    if (s == NULL || *s != ',')
        return false;
    s = posix_rule_date(s + 1, &r->end);
    return s != NULL && *s == '\0';
}

/* Local midnight of the rule date in `year`, as seconds since the Unix epoch
 * counted in local time (i.e. not yet shifted by the offset). */
static int64
rule_day_start(const RuleDate *rd, int year)
{
    int64       jd;

    switch (rd->kind)
    {
        case RULE_JULIAN_DAY:
            /* Jn counts 1..365 and never Feb 29 */
            jd = date2j(year, 1, 1) + rd->day - 1;
            if (isleap(year) && rd->day >= 60)
                jd++;
            break;
        case RULE_DAY_OF_YEAR:
            jd = date2j(year, 1, 1) + rd->day;
            break;
        default:
            {
                int         first = date2j(year, rd->month, 1);
                int         dow = j2day(first);
                int         mday = 1 + (rd->day - dow + 7) % 7 + (rd->week - 1) * 7;

                while (mday > day_tab[isleap(year)][rd->month - 1])
                    mday -= 7;
                jd = first + mday - 1;
            }
            break;
    }
    return (jd - UNIX_EPOCH_JDATE) * SECS_PER_DAY;
}

/* Offset etc. of a rule zone at UTC second t. */
static void
rule_at(const PosixRule *r, int64 t, long *gmtoff, int *isdst, const char **abbrev)
{
    bool        dst = false;

    if (r->has_dst)
    {
        int         y, m, d;
        int64       start, end;
        int64       local = t + r->stdoff;
        int64       days = local / SECS_PER_DAY - (local % SECS_PER_DAY < 0);

        j2date((int) (days + UNIX_EPOCH_JDATE), &y, &m, &d);
        start = rule_day_start(&r->start, y) + r->start.time - r->stdoff;
        end = rule_day_start(&r->end, y) + r->end.time - r->dstoff;
        if (start < end)
            dst = (t >= start && t < end);
        else
            dst = !(t >= end && t < start);
    }
    *gmtoff = dst ? r->dstoff : r->stdoff;
    *isdst = dst;
    if (abbrev)
        *abbrev = dst ? r->dstname : r->stdname;
}

/* ========================================================== TZif files */

static int64
be_int(const unsigned char *p, int n)
{
    uint64      v = 0;

    for (int i = 0; i < n; i++)
        v = (v << 8) | p[i];
    if (n == 4)
        return (int32) (uint32) v;
    return (int64) v;
}

/*
 * Parse a TZif image into tz.  Only the 64-bit block of version 2+ files
 * is used (version 1 files use the 32-bit one).  Returns false for a
 * malformed file or one with leap seconds.
 */
static bool
tzif_parse(const unsigned char *buf, size_t len, pg_tz *tz)
{
    const unsigned char *p = buf;
    const unsigned char *end = buf + len;
    int         timesize = 4;

    for (int pass = 0; pass < 2; pass++)
    {
        int64       isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
        size_t      datalen;

        if (end - p < 44 || memcmp(p, "TZif", 4) != 0)
            return false;
        isutcnt = be_int(p + 20, 4);
        isstdcnt = be_int(p + 24, 4);
        leapcnt = be_int(p + 28, 4);
        timecnt = be_int(p + 32, 4);
        typecnt = be_int(p + 36, 4);
        charcnt = be_int(p + 40, 4);
        if (isutcnt < 0 || isstdcnt < 0 || leapcnt < 0 || timecnt < 0 ||
            typecnt <= 0 || typecnt > 256 || charcnt < 0 || timecnt > 100000 ||
            charcnt > 10000)
            return false;
        datalen = timecnt * timesize + timecnt + typecnt * 6 + charcnt +
            leapcnt * (timesize + 4) + isstdcnt + isutcnt;
        if ((size_t) (end - p - 44) < datalen)
            return false;
        if (pass == 0 && p[4] >= '2')
        {
            /* skip the 32-bit block; use the 64-bit one */
            p += 44 + datalen;
            timesize = 8;
            continue;
        }
        if (leapcnt != 0)
            return false;
        p += 44;
        tz->timecnt = (int) timecnt;
        tz->typecnt = (int) typecnt;
        tz->charcnt = (int) charcnt;
        tz->ats = MemoryContextAlloc(TopMemoryContext, sizeof(int64) * Max(timecnt, 1));
        tz->types = MemoryContextAlloc(TopMemoryContext, Max(timecnt, 1));
        tz->ttis = MemoryContextAlloc(TopMemoryContext, sizeof(TzType) * typecnt);
        tz->chars = MemoryContextAllocZero(TopMemoryContext, charcnt + 1);
        for (int i = 0; i < timecnt; i++, p += timesize)
            tz->ats[i] = be_int(p, timesize);
        for (int i = 0; i < timecnt; i++, p++)
        {
            if (*p >= typecnt)
                return false;
            tz->types[i] = *p;
        }
        for (int i = 0; i < typecnt; i++, p += 6)
        {
            tz->ttis[i].utoff = (int32) be_int(p, 4);
            tz->ttis[i].isdst = p[4] != 0;
            tz->ttis[i].abbrind = p[5];
            if (p[5] >= charcnt && charcnt > 0)
                return false;
        }
        memcpy(tz->chars, p, charcnt);
        p += charcnt + isstdcnt + isutcnt;
        /* footer: "\n<POSIX TZ string>\n" */
        tz->has_rule = false;
        if (timesize == 8 && p < end && *p == '\n')
        {
            const unsigned char *q = ++p;
            char        footer[TZ_STRLEN_MAX + 1];

            while (q < end && *q != '\n')
                q++;
            if (q < end && q > p && (size_t) (q - p) <= TZ_STRLEN_MAX)
            {
                memcpy(footer, p, q - p);
                footer[q - p] = '\0';
                tz->has_rule = posix_parse(footer, &tz->rule);
            }
        }
        return true;
    }
    return false;
}

/* Find `name` below TZDIR, matching each path component case-insensitively
 * as PostgreSQL does; on success canon receives the real spelling. */
static int
open_zone_file(const char *name, char *canon)
{
    char        path[MAXPGPATH_TZ];
    size_t      plen;
    const char *s = name;

    if (name[0] == '/' || strlen(name) > TZ_STRLEN_MAX)
        return -1;
    strcpy(path, TZDIR);
    plen = strlen(path);
    canon[0] = '\0';
    while (*s)
    {
        char        comp[TZ_STRLEN_MAX + 1];
        size_t      n = strcspn(s, "/");
        DIR        *dir;
        struct dirent *de;
        bool        found = false;

        if (n == 0 || n > TZ_STRLEN_MAX)
            return -1;
        memcpy(comp, s, n);
        comp[n] = '\0';
        if (comp[0] == '.')
            return -1;              /* no ".", "..", hidden files */
        dir = opendir(path);
        if (dir == NULL)
            return -1;
        /* prefer an exact match, else the first case-insensitive one */
        while ((de = readdir(dir)) != NULL)
        {
            if (strcmp(de->d_name, comp) == 0)
            {
                found = true;
                break;
            }
        }
        if (!found)
        {
            rewinddir(dir);
            while ((de = readdir(dir)) != NULL)
            {
                if (strcasecmp(de->d_name, comp) == 0)
                {
                    strcpy(comp, de->d_name);
                    found = true;
                    break;
                }
            }
        }
        closedir(dir);
        if (!found || plen + 1 + strlen(comp) >= sizeof(path))
            return -1;
        path[plen++] = '/';
        strcpy(path + plen, comp);
        plen += strlen(comp);
        if (canon[0])
            strcat(canon, "/");
        strcat(canon, comp);
        s += n;
        if (*s == '/')
            s++;
    }
    {
        struct stat st;

        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            return -1;
    }
    return open(path, O_RDONLY);
}

/* ============================================================ the cache */

static void
tz_free(pg_tz *tz)
{
    if (tz->ats)
        pfree(tz->ats);
    if (tz->types)
        pfree(tz->types);
    if (tz->ttis)
        pfree(tz->ttis);
    if (tz->chars)
        pfree(tz->chars);
    pfree(tz);
}

static pg_tz *
tz_cache_find(const char *key)
{
    for (int i = 0; i < TZ_CACHE_SIZE; i++)
    {
        if (tz_cache[i] && strcmp(tz_cache[i]->key, key) == 0)
        {
            tz_cache[i]->lru = ++tz_lru_clock;
            return tz_cache[i];
        }
    }
    return NULL;
}

static void
tz_cache_add(pg_tz *tz)
{
    int         victim = -1;

    for (int i = 0; i < TZ_CACHE_SIZE; i++)
    {
        if (tz_cache[i] == NULL)
        {
            victim = i;
            break;
        }
        if (tz_cache[i] == session_tz)
            continue;
        if (victim < 0 || tz_cache[i]->lru < tz_cache[victim]->lru)
            victim = i;
    }
    if (tz_cache[victim])
        tz_free(tz_cache[victim]);
    tz->lru = ++tz_lru_clock;
    tz_cache[victim] = tz;
}

/* Read a whole zone file (bounded by TZ_MAX_FILE) into a palloc'd buffer. */
static unsigned char *
read_zone_file(int fd, size_t *len)
{
    size_t      cap = 8192, n = 0;
    unsigned char *buf = palloc(cap);

    for (;;)
    {
        ssize_t     r;

        if (n == cap)
        {
            if (cap >= TZ_MAX_FILE)
            {
                pfree(buf);
                return NULL;
            }
            cap *= 2;
            buf = repalloc(buf, cap);
        }
        r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
        {
            pfree(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += r;
    }
    *len = n;
    return buf;
}

pg_tz *
pg_tzset(const char *name)
{
    char        key[TZ_STRLEN_MAX + 1];
    char        canon[TZ_STRLEN_MAX + 1];
    pg_tz      *tz;
    int         fd;
    size_t      n = strlen(name);

    if (n == 0 || n > TZ_STRLEN_MAX)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        key[i] = (char) toupper((unsigned char) name[i]);
    if ((tz = tz_cache_find(key)) != NULL)
        return tz;

    tz = MemoryContextAllocZero(TopMemoryContext, sizeof(pg_tz));
    strcpy(tz->key, key);
    fd = open_zone_file(name, canon);
    if (fd >= 0)
    {
        size_t      len = 0;
        unsigned char *buf = read_zone_file(fd, &len);
        bool        ok;

        close(fd);
        ok = buf != NULL && tzif_parse(buf, len, tz);
        if (buf)
            pfree(buf);
        if (!ok)
        {
            tz_free(tz);
            return NULL;
        }
        strcpy(tz->name, canon);
    }
    else
    {
        /* not a zone file: a POSIX TZ string, which keeps the user's case */
        if (!posix_parse(name, &tz->rule))
        {
            tz_free(tz);
            return NULL;
        }
        tz->has_rule = true;
        strcpy(tz->name, name);
    }
    tz_cache_add(tz);
    return tz;
}

pg_tz *
pg_tzset_offset(long gmtoffset)
{
    long        absoffset = gmtoffset < 0 ? -gmtoffset : gmtoffset;
    char        offsetstr[64];
    char        tzname[2 * 64 + 8];

    snprintf(offsetstr, sizeof(offsetstr), "%02ld", absoffset / SECS_PER_HOUR);
    absoffset %= SECS_PER_HOUR;
    if (absoffset != 0)
    {
        snprintf(offsetstr + strlen(offsetstr), sizeof(offsetstr) - strlen(offsetstr),
                 ":%02ld", absoffset / SECS_PER_MINUTE);
        absoffset %= SECS_PER_MINUTE;
        if (absoffset != 0)
            snprintf(offsetstr + strlen(offsetstr), sizeof(offsetstr) - strlen(offsetstr),
                     ":%02ld", absoffset);
    }
    if (gmtoffset > 0)
        snprintf(tzname, sizeof(tzname), "<-%s>+%s", offsetstr, offsetstr);
    else
        snprintf(tzname, sizeof(tzname), "<+%s>-%s", offsetstr, offsetstr);
    return pg_tzset(tzname);
}

const char *
pg_get_timezone_name(pg_tz *tz)
{
    return tz ? tz->name : NULL;
}

/* ================================================== offsets at instants */

/* Type index in force at t (t before the first transition: type 0). */
static int
tz_type_at(const pg_tz *tz, int64 t)
{
    int         lo = 0, hi = tz->timecnt;

    if (tz->timecnt == 0 || t < tz->ats[0])
        return 0;
    while (lo < hi)
    {
        int         mid = (lo + hi) / 2;

        if (t < tz->ats[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return tz->types[lo - 1];
}

bool
pg_zone_at(int64 t, const pg_tz *tz, long *gmtoff, int *isdst, const char **abbrev)
{
    const TzType *tt;

    if (tz->has_rule && (tz->timecnt == 0 || t >= tz->ats[tz->timecnt - 1]))
    {
        rule_at(&tz->rule, t, gmtoff, isdst, abbrev);
        return true;
    }
    tt = &tz->ttis[tz_type_at(tz, t)];
    *gmtoff = tt->utoff;
    *isdst = tt->isdst;
    if (abbrev)
        *abbrev = tz->chars + tt->abbrind;
    return true;
}

bool
pg_get_timezone_offset(const pg_tz *tz, long *gmtoff)
{
    if (tz->timecnt > 0)
        return false;
    if (tz->has_rule)
    {
        if (tz->rule.has_dst)
            return false;
        *gmtoff = tz->rule.stdoff;
        return true;
    }
    if (tz->typecnt != 1)
        return false;
    *gmtoff = tz->ttis[0].utoff;
    return true;
}

/*
 * Local time -> UTC offset for the zone, PostgreSQL's rules: a local time
 * inside a spring-forward gap is read with the offset in force before the
 * transition; an ambiguous fall-back time is read with the offset after
 * it.  Sets tm->tm_isdst; returns the offset in seconds WEST.
 *
 * The transition (if any) near the local time is found by comparing the
 * offsets a day either side and bisecting: zones never change offset
 * twice within two days, and no offset exceeds a day.
 */
static int
determine_offset(struct pg_tm *tm, pg_tz *tzp, int64 *tp)
{
    int64       mytime, prevtime, nexttime, boundary, beforetime, aftertime;
    long        before_gmtoff, after_gmtoff;
    int         before_isdst, after_isdst;

    if (!IS_VALID_JULIAN(tm->tm_year, tm->tm_mon, tm->tm_mday))
        goto overflow;
    mytime = (int64) (date2j(tm->tm_year, tm->tm_mon, tm->tm_mday) - UNIX_EPOCH_JDATE) * SECS_PER_DAY +
        tm->tm_sec + (tm->tm_min + tm->tm_hour * MINS_PER_HOUR) * SECS_PER_MINUTE;
    prevtime = mytime - SECS_PER_DAY;
    nexttime = mytime + SECS_PER_DAY;
    pg_zone_at(prevtime, tzp, &before_gmtoff, &before_isdst, NULL);
    pg_zone_at(nexttime, tzp, &after_gmtoff, &after_isdst, NULL);
    if (before_gmtoff == after_gmtoff)
    {
        /* no offset change nearby; isdst as at the interpreted instant */
        long        off;

        *tp = mytime - before_gmtoff;
        pg_zone_at(*tp, tzp, &off, &tm->tm_isdst, NULL);
        return -(int) before_gmtoff;
    }
    /* bisect for the first second with the "after" offset */
    {
        int64       lo = prevtime, hi = nexttime;

        while (hi - lo > 1)
        {
            int64       mid = lo + (hi - lo) / 2;
            long        off;
            int         dst;

            pg_zone_at(mid, tzp, &off, &dst, NULL);
            if (off == before_gmtoff)
                lo = mid;
            else
                hi = mid;
        }
        boundary = hi;
    }
    beforetime = mytime - before_gmtoff;
    aftertime = mytime - after_gmtoff;
    if (beforetime < boundary && aftertime < boundary)
    {
        tm->tm_isdst = before_isdst;
        *tp = beforetime;
        return -(int) before_gmtoff;
    }
    if (beforetime > boundary && aftertime >= boundary)
    {
        tm->tm_isdst = after_isdst;
        *tp = aftertime;
        return -(int) after_gmtoff;
    }
    /* in the gap or the overlap: spring forward keeps "before", fall back
     * takes "after" */
    if (beforetime > aftertime)
    {
        tm->tm_isdst = before_isdst;
        *tp = beforetime;
        return -(int) before_gmtoff;
    }
    tm->tm_isdst = after_isdst;
    *tp = aftertime;
    return -(int) after_gmtoff;

overflow:
    tm->tm_isdst = 0;
    *tp = 0;
    return 0;
}

int
DetermineTimeZoneOffset(struct pg_tm *tm, pg_tz *tzp)
{
    int64       t;

    return determine_offset(tm, tzp, &t);
}

/*
 * The meaning of abbreviation `abbr` in zone tzp near UTC second t: the
 * latest interval before t that used it, else the first after; for the
 * period governed by the zone's rule, the rule's names.  Offset east.
 */
static bool
interpret_abbrev(const char *abbr, int64 t, const pg_tz *tz, long *gmtoff, int *isdst)
{
    char        up[TZ_ABBR_MAX + 8];
    int         cutoff, lo, hi;
    size_t      n = strlen(abbr);

    if (n >= sizeof(up))
        return false;
    for (size_t i = 0; i <= n; i++)
        up[i] = (char) toupper((unsigned char) abbr[i]);
    if (tz->has_rule && (tz->timecnt == 0 || t >= tz->ats[tz->timecnt - 1]))
    {
        if (strcmp(up, tz->rule.stdname) == 0)
        {
            *gmtoff = tz->rule.stdoff;
            *isdst = 0;
            return true;
        }
        if (tz->rule.has_dst && strcmp(up, tz->rule.dstname) == 0)
        {
            *gmtoff = tz->rule.dstoff;
            *isdst = 1;
            return true;
        }
    }
    lo = 0;
    hi = tz->timecnt;
    while (lo < hi)
    {
        int         mid = (lo + hi) / 2;

        if (t < tz->ats[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    cutoff = lo;
    for (int pass = 0; pass < 2; pass++)
    {
        int         from = pass == 0 ? cutoff - 1 : cutoff;
        int         step = pass == 0 ? -1 : 1;

        for (int i = from; i >= 0 && i < tz->timecnt; i += step)
        {
            const TzType *tt = &tz->ttis[tz->types[i]];

            if (strcmp(tz->chars + tt->abbrind, up) == 0)
            {
                *gmtoff = tt->utoff;
                *isdst = tt->isdst;
                return true;
            }
        }
    }
    return false;
}

int
DetermineTimeZoneAbbrevOffset(struct pg_tm *tm, const char *abbr, pg_tz *tzp)
{
    int64       t;
    int         zone_offset = determine_offset(tm, tzp, &t);
    long        gmtoff;
    int         isdst;

    if (interpret_abbrev(abbr, t, tzp, &gmtoff, &isdst))
    {
        tm->tm_isdst = isdst;
        return -(int) gmtoff;
    }
    return zone_offset;
}

int
DetermineTimeZoneAbbrevOffsetTS(TimestampTz ts, const char *abbr, pg_tz *tzp, int *isdst)
{
    int64       t = timestamptz_to_time_t(ts);
    long        gmtoff;
    struct pg_tm tm;
    fsec_t      fsec;
    int         tz;
    int         zone_offset;

    if (interpret_abbrev(abbr, t, tzp, &gmtoff, isdst))
        return -(int) gmtoff;
    if (timestamp2tm(ts, &tz, &tm, &fsec, NULL, tzp) != 0)
        ereport(ERROR, errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
                errmsg("timestamp out of range"));
    zone_offset = DetermineTimeZoneOffset(&tm, tzp);
    *isdst = tm.tm_isdst;
    return zone_offset;
}

/* ======================================================= abbreviations
 * PostgreSQL's "Default" timezone_abbreviations set
 * (share/timezonesets/Default), sorted by token.  Fixed entries give the
 * offset in seconds east; DYNTZ entries name the zone whose history
 * defines the abbreviation.  Generated from the PostgreSQL 15 file with
 *   awk '{print tolower($1), $2, $3}' Default | sort
 */
typedef struct AbbrevEntry
{
    const char *token;
    int         type;           /* TZ, DTZ or DYNTZ */
    int         offset;         /* seconds east (TZ/DTZ) */
    const char *zone;           /* DYNTZ */
} AbbrevEntry;

static const AbbrevEntry abbrev_table[] = {
    {"acdt", DTZ, 37800, NULL},
    {"acsst", DTZ, 37800, NULL},
    {"acst", TZ, 34200, NULL},
    {"act", TZ, -18000, NULL},
    {"acwst", TZ, 31500, NULL},
    {"adt", DTZ, -10800, NULL},
    {"aedt", DTZ, 39600, NULL},
    {"aesst", DTZ, 39600, NULL},
    {"aest", TZ, 36000, NULL},
    {"aft", TZ, 16200, NULL},
    {"akdt", DTZ, -28800, NULL},
    {"akst", TZ, -32400, NULL},
    {"almst", DTZ, 25200, NULL},
    {"almt", TZ, 21600, NULL},
    {"amst", DYNTZ, 0, "Asia/Yerevan"},
    {"amt", TZ, -14400, NULL},
    {"anast", DYNTZ, 0, "Asia/Anadyr"},
    {"anat", DYNTZ, 0, "Asia/Anadyr"},
    {"arst", DYNTZ, 0, "America/Argentina/Buenos_Aires"},
    {"art", DYNTZ, 0, "America/Argentina/Buenos_Aires"},
    {"ast", TZ, -14400, NULL},
    {"awsst", DTZ, 32400, NULL},
    {"awst", TZ, 28800, NULL},
    {"azost", DTZ, 0, NULL},
    {"azot", TZ, -3600, NULL},
    {"azst", DYNTZ, 0, "Asia/Baku"},
    {"azt", DYNTZ, 0, "Asia/Baku"},
    {"bdst", DTZ, 7200, NULL},
    {"bdt", TZ, 21600, NULL},
    {"bnt", TZ, 28800, NULL},
    {"bort", TZ, 28800, NULL},
    {"bot", TZ, -14400, NULL},
    {"bra", TZ, -10800, NULL},
    {"brst", DTZ, -7200, NULL},
    {"brt", TZ, -10800, NULL},
    {"bst", DTZ, 3600, NULL},
    {"btt", TZ, 21600, NULL},
    {"cadt", DTZ, 37800, NULL},
    {"cast", TZ, 34200, NULL},
    {"cct", TZ, 28800, NULL},
    {"cdt", DTZ, -18000, NULL},
    {"cest", DTZ, 7200, NULL},
    {"cet", TZ, 3600, NULL},
    {"cetdst", DTZ, 7200, NULL},
    {"chadt", DTZ, 49500, NULL},
    {"chast", TZ, 45900, NULL},
    {"chut", TZ, 36000, NULL},
    {"ckt", DYNTZ, 0, "Pacific/Rarotonga"},
    {"clst", DTZ, -10800, NULL},
    {"clt", DYNTZ, 0, "America/Santiago"},
    {"cot", TZ, -18000, NULL},
    {"cst", TZ, -21600, NULL},
    {"cxt", TZ, 25200, NULL},
    {"davt", DYNTZ, 0, "Antarctica/Davis"},
    {"ddut", TZ, 36000, NULL},
    {"easst", DYNTZ, 0, "Pacific/Easter"},
    {"east", DYNTZ, 0, "Pacific/Easter"},
    {"eat", TZ, 10800, NULL},
    {"edt", DTZ, -14400, NULL},
    {"eest", DTZ, 10800, NULL},
    {"eet", TZ, 7200, NULL},
    {"eetdst", DTZ, 10800, NULL},
    {"egst", DTZ, 0, NULL},
    {"egt", TZ, -3600, NULL},
    {"est", TZ, -18000, NULL},
    {"fet", TZ, 10800, NULL},
    {"fjst", DTZ, 46800, NULL},
    {"fjt", TZ, 43200, NULL},
    {"fkst", DYNTZ, 0, "Atlantic/Stanley"},
    {"fkt", DYNTZ, 0, "Atlantic/Stanley"},
    {"fnst", DTZ, -3600, NULL},
    {"fnt", TZ, -7200, NULL},
    {"galt", TZ, -21600, NULL},
    {"gamt", TZ, -32400, NULL},
    {"gest", DYNTZ, 0, "Asia/Tbilisi"},
    {"get", DYNTZ, 0, "Asia/Tbilisi"},
    {"gft", TZ, -10800, NULL},
    {"gilt", TZ, 43200, NULL},
    {"gmt", TZ, 0, NULL},
    {"gyt", DYNTZ, 0, "America/Guyana"},
    {"hkt", TZ, 28800, NULL},
    {"hst", TZ, -36000, NULL},
    {"ict", TZ, 25200, NULL},
    {"idt", DTZ, 10800, NULL},
    {"iot", DYNTZ, 0, "Indian/Chagos"},
    {"irkst", DYNTZ, 0, "Asia/Irkutsk"},
    {"irkt", DYNTZ, 0, "Asia/Irkutsk"},
    {"irt", TZ, 12600, NULL},
    {"ist", TZ, 7200, NULL},
    {"jayt", TZ, 32400, NULL},
    {"jst", TZ, 32400, NULL},
    {"kdt", DTZ, 36000, NULL},
    {"kgst", DTZ, 21600, NULL},
    {"kgt", DYNTZ, 0, "Asia/Bishkek"},
    {"kost", DYNTZ, 0, "Pacific/Kosrae"},
    {"krast", DYNTZ, 0, "Asia/Krasnoyarsk"},
    {"krat", DYNTZ, 0, "Asia/Krasnoyarsk"},
    {"kst", TZ, 32400, NULL},
    {"lhdt", DYNTZ, 0, "Australia/Lord_Howe"},
    {"lhst", TZ, 37800, NULL},
    {"ligt", TZ, 36000, NULL},
    {"lint", DYNTZ, 0, "Pacific/Kiritimati"},
    {"lkt", DYNTZ, 0, "Asia/Colombo"},
    {"magst", DYNTZ, 0, "Asia/Magadan"},
    {"magt", DYNTZ, 0, "Asia/Magadan"},
    {"mart", TZ, -34200, NULL},
    {"mawt", DYNTZ, 0, "Antarctica/Mawson"},
    {"mdt", DTZ, -21600, NULL},
    {"mest", DTZ, 7200, NULL},
    {"mesz", DTZ, 7200, NULL},
    {"met", TZ, 3600, NULL},
    {"metdst", DTZ, 7200, NULL},
    {"mez", TZ, 3600, NULL},
    {"mht", TZ, 43200, NULL},
    {"mmt", TZ, 23400, NULL},
    {"mpt", TZ, 36000, NULL},
    {"msd", DTZ, 14400, NULL},
    {"msk", DYNTZ, 0, "Europe/Moscow"},
    {"mst", TZ, -25200, NULL},
    {"must", DTZ, 18000, NULL},
    {"mut", TZ, 14400, NULL},
    {"mvt", TZ, 18000, NULL},
    {"myt", TZ, 28800, NULL},
    {"ndt", DTZ, -9000, NULL},
    {"nft", TZ, -12600, NULL},
    {"novst", DYNTZ, 0, "Asia/Novosibirsk"},
    {"novt", DYNTZ, 0, "Asia/Novosibirsk"},
    {"npt", TZ, 20700, NULL},
    {"nst", TZ, -12600, NULL},
    {"nut", DYNTZ, 0, "Pacific/Niue"},
    {"nzdt", DTZ, 46800, NULL},
    {"nzst", TZ, 43200, NULL},
    {"nzt", TZ, 43200, NULL},
    {"omsst", DYNTZ, 0, "Asia/Omsk"},
    {"omst", DYNTZ, 0, "Asia/Omsk"},
    {"pdt", DTZ, -25200, NULL},
    {"pet", TZ, -18000, NULL},
    {"petst", DYNTZ, 0, "Asia/Kamchatka"},
    {"pett", DYNTZ, 0, "Asia/Kamchatka"},
    {"pgt", TZ, 36000, NULL},
    {"pht", TZ, 28800, NULL},
    {"pkst", DTZ, 21600, NULL},
    {"pkt", TZ, 18000, NULL},
    {"pmdt", DTZ, -7200, NULL},
    {"pmst", TZ, -10800, NULL},
    {"pont", TZ, 39600, NULL},
    {"pst", TZ, -28800, NULL},
    {"pwt", TZ, 32400, NULL},
    {"pyst", DTZ, -10800, NULL},
    {"pyt", DYNTZ, 0, "America/Asuncion"},
    {"ret", TZ, 14400, NULL},
    {"sadt", DTZ, 37800, NULL},
    {"sast", TZ, 7200, NULL},
    {"sct", TZ, 14400, NULL},
    {"sgt", DYNTZ, 0, "Asia/Singapore"},
    {"taht", TZ, -36000, NULL},
    {"tft", TZ, 18000, NULL},
    {"tjt", TZ, 18000, NULL},
    {"tkt", DYNTZ, 0, "Pacific/Fakaofo"},
    {"tmt", DYNTZ, 0, "Asia/Ashgabat"},
    {"tot", TZ, 46800, NULL},
    {"trut", TZ, 36000, NULL},
    {"tvt", TZ, 43200, NULL},
    {"uct", TZ, 0, NULL},
    {"ulast", DTZ, 32400, NULL},
    {"ulat", DYNTZ, 0, "Asia/Ulaanbaatar"},
    {"ut", TZ, 0, NULL},
    {"utc", TZ, 0, NULL},
    {"uyst", DTZ, -7200, NULL},
    {"uyt", TZ, -10800, NULL},
    {"uzst", DTZ, 21600, NULL},
    {"uzt", TZ, 18000, NULL},
    {"vet", DYNTZ, 0, "America/Caracas"},
    {"vlast", DYNTZ, 0, "Asia/Vladivostok"},
    {"vlat", DYNTZ, 0, "Asia/Vladivostok"},
    {"volt", DYNTZ, 0, "Europe/Volgograd"},
    {"vut", TZ, 39600, NULL},
    {"wadt", DTZ, 28800, NULL},
    {"wakt", TZ, 43200, NULL},
    {"wast", TZ, 25200, NULL},
    {"wat", TZ, 3600, NULL},
    {"wdt", DTZ, 32400, NULL},
    {"wet", TZ, 0, NULL},
    {"wetdst", DTZ, 3600, NULL},
    {"wft", TZ, 43200, NULL},
    {"wgst", DTZ, -7200, NULL},
    {"wgt", TZ, -10800, NULL},
    {"xjt", TZ, 21600, NULL},
    {"yakst", DYNTZ, 0, "Asia/Yakutsk"},
    {"yakt", DYNTZ, 0, "Asia/Yakutsk"},
    {"yapt", TZ, 36000, NULL},
    {"yekst", DTZ, 21600, NULL},
    {"yekt", DYNTZ, 0, "Asia/Yekaterinburg"},
    {"z", TZ, 0, NULL},
    {"zulu", TZ, 0, NULL},
};

static const AbbrevEntry *
abbrev_lookup(const char *lowtoken)
{
    int         lo = 0, hi = lengthof(abbrev_table) - 1;

    while (lo <= hi)
    {
        int         mid = (lo + hi) / 2;
        int         c = strncmp(lowtoken, abbrev_table[mid].token, TOKMAXLEN);

        if (c == 0)
            return &abbrev_table[mid];
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return NULL;
}

int
DecodeTimezoneAbbrev(int field, const char *lowtoken, int *offset, pg_tz **tz)
{
    const AbbrevEntry *e = abbrev_lookup(lowtoken);

    *offset = 0;
    *tz = NULL;
    if (e == NULL)
        return UNKNOWN_FIELD;
    if (e->type == DYNTZ)
    {
        *tz = pg_tzset(e->zone);
        if (*tz == NULL)
            ereport(ERROR, errcode(ERRCODE_CONFIG_FILE_ERROR),
                    errmsg("time zone \"%s\" not recognized", e->zone),
                    errdetail("This time zone name appears in the configuration file for time zone abbreviation \"%s\".",
                              e->token));
        return DYNTZ;
    }
    *offset = e->offset;
    return e->type;
}

int
DecodeTimezoneAbbrevPrefix(const char *str, int *offset, pg_tz **tz)
{
    char        lowtoken[TOKMAXLEN + 1];
    int         len;

    *offset = 0;
    *tz = NULL;
    for (len = 0; len < TOKMAXLEN; len++)
    {
        if (str[len] == '\0' || !isalpha((unsigned char) str[len]))
            break;
        lowtoken[len] = (char) tolower((unsigned char) str[len]);
    }
    lowtoken[len] = '\0';
    while (len > 0)
    {
        const AbbrevEntry *e = abbrev_lookup(lowtoken);

        if (e != NULL)
        {
            if (e->type == DYNTZ)
            {
                *tz = pg_tzset(e->zone);
                if (*tz != NULL)
                    return len;
            }
            else
            {
                *offset = e->offset;
                return len;
            }
        }
        lowtoken[--len] = '\0';
    }
    return -1;
}

/* ======================================================== session zone */

pg_tz *
pg_session_tz(void)
{
    const char *name = session_timezone_name ? session_timezone_name : "UTC";

    if (session_tz != NULL && strcmp(session_tz_key, name) == 0)
        return session_tz;
    if (!pg_tz_set(name))
    {
        /* the setting was validated when set; a vanished zone file falls
         * back to UTC rather than failing every date/time operation */
        if (!pg_tz_set("UTC"))
            elog(ERROR, "could not load time zone \"UTC\"");
    }
    /* remember the setting's text so the next call is a strcmp */
    strncpy(session_tz_key, name, TZ_STRLEN_MAX);
    session_tz_key[TZ_STRLEN_MAX] = '\0';
    return session_tz;
}

bool
pg_tz_set(const char *name)
{
    pg_tz      *tz = pg_tzset(name);

    if (tz == NULL)
        return false;
    session_tz = tz;
    strncpy(session_tz_key, name, TZ_STRLEN_MAX);
    session_tz_key[TZ_STRLEN_MAX] = '\0';
    return true;
}

/* PostgreSQL's check_timezone: INTERVAL 'x', a number of hours (SQL sign:
 * positive is east), or a zone name. */
bool
check_timezone_guc(char **newval, GucSource source)
{
    pg_tz      *new_tz;
    const char *canon;
    char       *endptr;
    double      hours;
    char       *copy;

    if (strncasecmp(*newval, "interval", 8) == 0)
    {
        const char *valueptr = *newval + 8;
        char       *val;
        Interval   *interval;

        while (isspace((unsigned char) *valueptr))
            valueptr++;
        if (*valueptr++ != '\'')
            return false;
        val = pstrdup(valueptr);
        endptr = strchr(val, '\'');
        if (!endptr || endptr[1] != '\0')
            return false;
        *endptr = '\0';
        interval = DatumGetIntervalP(DirectFunctionCall3(interval_in, CStringGetDatum(val),
                                                         ObjectIdGetDatum(InvalidOid),
                                                         Int32GetDatum(-1)));
        if (interval->month != 0)
        {
            GUC_check_errdetail("Cannot specify months in time zone interval.");
            return false;
        }
        if (interval->day != 0)
        {
            GUC_check_errdetail("Cannot specify days in time zone interval.");
            return false;
        }
        /* SQL sign (east positive) to POSIX (west positive) */
        new_tz = pg_tzset_offset(-(interval->time / USECS_PER_SEC));
    }
    else
    {
        errno = 0;
        hours = strtod(*newval, &endptr);
        if (endptr != *newval && *endptr == '\0')
        {
            /* SQL sign convention (east positive) to POSIX (west positive) */
            new_tz = isfinite(hours) && fabs(hours) < 1e6 ?
                pg_tzset_offset((long) (-hours * SECS_PER_HOUR)) : NULL;
        }
        else
        {
            new_tz = pg_tzset(*newval);
            if (!new_tz)
                return false;
        }
    }
    if (!new_tz)
    {
        GUC_check_errdetail("UTC timezone offset is out of range.");
        return false;
    }
    canon = pg_get_timezone_name(new_tz);
    if (strcmp(canon, *newval) != 0)
    {
        copy = strdup(canon);
        if (copy == NULL)
            return false;
        free(*newval);
        *newval = copy;
    }
    return true;
}

const char *
show_timezone(void)
{
    return pg_get_timezone_name(pg_session_tz());
}

void
InitDateTimeGUC(void)
{
    RegisterGucCheckHook("TimeZone", check_timezone_guc);
    RegisterGucCheckHook("log_timezone", check_timezone_guc);
}
