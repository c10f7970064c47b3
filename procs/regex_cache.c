/*-------------------------------------------------------------------------
 * regex_cache.c
 *    The regular-expression engine behind ~, SIMILAR TO and regexp_*():
 *    Henry Spencer's Advanced Regular Expressions as shipped in Tcl 8.6
 *    (libtcl8.6), a per-backend cache of compiled patterns, and matching
 *    with PostgreSQL's search-start semantics.
 *
 * Principal entry points (procs/regex_cache.h):
 *    regex_compile       pattern + flags -> compiled RE (cached)
 *    regex_subject_init  UTF-8 text -> the UTF-16 units Tcl matches on
 *    regex_exec          leftmost(-longest) match at or after a position
 *
 * Why Tcl's engine: PostgreSQL's own engine (src/backend/regex) is
 * Spencer's ARE code taken from Tcl, so the flavour, the
 * leftmost-longest rules ("a|ab" matches "ab"), the ARE escapes (\m \M \y
 * \Y \A \Z, [[:<:]]), the embedded options, the directors (***= ***:)
 * and the error texts are the same.  Measured on 40 representative
 * patterns against PostgreSQL 15 (regexp_match results and error texts):
 * Tcl 38/40, PCRE2 27/40 -- PCRE2 is leftmost-first ("a|ab" gives "a"),
 * lacks \m \M \y and ***=, and words its errors differently.  The
 * compile flags are numerically PostgreSQL's REG_* values.
 *
 * Departures from PostgreSQL, inherent in Tcl 8.6's copy of the engine:
 *  - no lookbehind constraints (?<= ) (?<! ): compiling one is an error
 *    ("invalid regular expression: quantifier operand invalid");
 *  - characters above U+FFFF are two units (Tcl's UTF-16), so "." matches
 *    half of one; case folding and [[:alpha:]]/\w use Unicode tables,
 *    where PostgreSQL under the C locale folds and classifies ASCII only;
 *  - a match cannot be cancelled while it runs (interrupts are checked
 *    between calls).
 *
 * Search-start context.  pg_regexec(search_start) lets the engine see the
 * characters before the start position, which matters to ^ (with the n
 * flag), \m, \M, \y, \Y and [[:<:]].  Tcl only matches from the start of
 * the units it is given.  For a pattern P that may contain such a
 * constraint, regex_compile also compiles the "context variant"
 *        [\x01-\uffff](?:P)
 * (after any leading ***: director and (?opts) embedded options): matched
 * from one unit before `start`, its leftmost match at q is exactly P's
 * leftmost match at q + 1 >= start with the character at q visible, and
 * P's subexpressions keep their numbers.  Spencer's constraints look back
 * one character, so this is exact (checked against PostgreSQL on 300
 * random patterns built from \m \M \y \Y \B ^ $, non-greedy and
 * back-referencing atoms, with the g, n, i and x flags: no difference).
 * Patterns without such constraints (and literal or BRE/ERE ones, which
 * have none) match from `start` directly.
 *
 * The cache: PostgreSQL's self-organising list (regexp.c): up to
 * REGEX_CACHE_MAX entries, a hit moves to the front, a new pattern is
 * inserted at the front and the last entry is dropped when full.  Entries
 * live in RegexCacheContext (a child of TopMemoryContext) and own one Tcl
 * object per compiled program (two with a context variant).  Tcl allocates with
 * malloc; every Tcl object created here is released before return or at
 * the next call (pending_subject), so an ERROR cannot leak more than one.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/interrupts.h"
#include "procs/regex_cache.h"

#include <locale.h>
#include <tcl8.6/tcl.h>

StaticAssertDecl(sizeof(Tcl_UniChar) == sizeof(uint16), "Tcl built with TCL_UTF_MAX 3 expected");
StaticAssertDecl(TCL_REG_ADVANCED == REGEXF_ADVANCED && TCL_REG_EXTENDED == REGEXF_EXTENDED &&
                 TCL_REG_QUOTE == REGEXF_QUOTE && TCL_REG_NOCASE == REGEXF_ICASE &&
                 TCL_REG_EXPANDED == REGEXF_EXPANDED && TCL_REG_NLSTOP == REGEXF_NLSTOP &&
                 TCL_REG_NLANCH == REGEXF_NLANCH && TCL_REG_NEWLINE == REGEXF_NEWLINE,
                 "compile flags must be Tcl's");

typedef struct RegexCacheEntry
{
    char       *pat;            /* pattern bytes (RegexCacheContext) */
    int         patlen;
    int         cflags;
    Tcl_Obj    *patobj;         /* holds the compiled program */
    Tcl_Obj    *ctxobj;         /* holds the context variant, or NULL */
    RegexCompiled comp;
} RegexCacheEntry;

static Tcl_Interp *regex_interp = NULL;     /* for compile error texts */
static MemoryContext RegexCacheContext = NULL;
static RegexCacheEntry cache[REGEX_CACHE_MAX];
static int  cache_n = 0;
static uint64 cache_compiles = 0;
static Tcl_Obj *pending_subject = NULL;     /* released by the next init */

/* ---------------------------------------------------------------- set-up */

static void
regex_init(void)
{
    char    saved[512];
    const char *cur;

    if (regex_interp != NULL)
        return;

    /* Tcl sets LC_CTYPE from the environment; Basalt runs in the C locale. */
    cur = setlocale(LC_ALL, NULL);
    snprintf(saved, sizeof(saved), "%s", cur ? cur : "C");

    Tcl_FindExecutable(NULL);
    regex_interp = Tcl_CreateInterp();
    setlocale(LC_ALL, saved);
    if (regex_interp == NULL)
        elog(ERROR, "could not initialise the regular expression library");

    RegexCacheContext = AllocSetContextCreate(TopMemoryContext, "RegexCacheContext");
}

/*
 * UTF-8 -> UTF-16 units (palloc'd), with the byte offset of every unit in
 * *ubyte_out (nunits + 1 entries) when asked.  Text is valid UTF-8 by the
 * input functions' checks; a malformed byte becomes U+FFFD rather than an
 * error.
 */
static uint16 *
utf8_to_units(const char *s, int len, int *nunits, int **ubyte_out, bool *has_pairs)
{
    uint16     *u = palloc(sizeof(uint16) * (len + 1));
    int        *ub = ubyte_out ? palloc(sizeof(int) * (len + 1)) : NULL;
    int         n = 0;
    int         i = 0;

    *has_pairs = false;
    while (i < len)
    {
        unsigned char c = (unsigned char) s[i];
        uint32      cp;
        int         l;

        if (c < 0x80)
            cp = c, l = 1;
        else if ((c & 0xE0) == 0xC0 && i + 1 < len)
            cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F), l = 2;
        else if ((c & 0xF0) == 0xE0 && i + 2 < len)
            cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), l = 3;
        else if ((c & 0xF8) == 0xF0 && i + 3 < len)
            cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) |
                 ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F), l = 4;
        else
            cp = 0xFFFD, l = 1;

        if (cp > 0xFFFF)
        {
            cp -= 0x10000;
            if (ub)
            {
                ub[n] = i;
                ub[n + 1] = i + l;      /* second half: end of the character */
            }
            u[n++] = (uint16) (0xD800 + (cp >> 10));
            u[n++] = (uint16) (0xDC00 + (cp & 0x3FF));
            *has_pairs = true;
        }
        else
        {
            if (ub)
                ub[n] = i;
            u[n++] = (uint16) cp;
        }
        i += l;
    }
    if (ub)
    {
        ub[n] = len;
        *ubyte_out = ub;
    }
    *nunits = n;
    return u;
}

static inline bool
is_low_surrogate(const RegexSubject *subj, int unit)
{
    return subj->has_pairs && unit < subj->nunits &&
           subj->units[unit] >= 0xDC00 && subj->units[unit] <= 0xDFFF;
}

/* ---------------------------------------------------------------- compile */

/* Compile units with cflags; on error raise 2201B (releasing the object). */
static Tcl_RegExp
compile_units(const uint16 *units, int nunits, int cflags, Tcl_Obj **objp)
{
    Tcl_Obj    *obj = Tcl_NewUnicodeObj((const Tcl_UniChar *) units, nunits);
    Tcl_RegExp  re;

    Tcl_IncrRefCount(obj);
    re = Tcl_GetRegExpFromObj(regex_interp, obj, cflags);
    cache_compiles++;
    if (re == NULL)
    {
        static const char prefix[] = "couldn't compile regular expression pattern: ";
        const char *msg = Tcl_GetStringResult(regex_interp);
        char        errtext[256];

        if (strncmp(msg, prefix, sizeof(prefix) - 1) == 0)
            msg += sizeof(prefix) - 1;
        snprintf(errtext, sizeof(errtext), "%s", msg);
        Tcl_ResetResult(regex_interp);
        Tcl_DecrRefCount(obj);
        ereport(ERROR, errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
                errmsg("invalid regular expression: %s", errtext));
    }
    *objp = obj;
    return re;
}

/*
 * Where the body of an ARE pattern starts (after a ***: director and an
 * embedded-options group), or -1 if the pattern needs no context variant:
 * not an ARE, literal, or without a backward-looking constraint.
 */
static int
context_body_start(const char *pat, int patlen, int cflags)
{
    int     pos = 0;
    bool    constraint = false;

    if ((cflags & REGEXF_ADVANCED) != REGEXF_ADVANCED || (cflags & REGEXF_QUOTE))
        return -1;
    for (int i = 0; i < patlen; i++)
    {
        if (pat[i] == '^' ||
            (pat[i] == '\\' && i + 1 < patlen && strchr("mMyY", pat[i + 1]) != NULL) ||
            (pat[i] == '[' && i + 6 < patlen &&
             (memcmp(pat + i, "[[:<:]]", 7) == 0 || memcmp(pat + i, "[[:>:]]", 7) == 0)))
        {
            constraint = true;
            break;
        }
    }
    if (!constraint)
        return -1;
    if (patlen >= 4 && memcmp(pat, "***", 3) == 0)
    {
        if (pat[3] != ':')
            return -1;          /* ***= literal */
        pos = 4;
    }
    if (pos + 1 < patlen && pat[pos] == '(' && pat[pos + 1] == '?')
    {
        int i = pos + 2;

        while (i < patlen && pat[i] >= 'a' && pat[i] <= 'z')
        {
            if (strchr("beq", pat[i]) != NULL)
                return -1;      /* flavour changes: leave it alone */
            i++;
        }
        if (i < patlen && pat[i] == ')' && i > pos + 2)
            pos = i + 1;
    }
    return pos;
}

RegexCompiled
regex_compile(const char *pat, int patlen, int cflags)
{
    RegexCacheEntry entry;
    Tcl_RegExp  re;
    Tcl_RegExpInfo info;
    uint16     *units;
    int         nunits;
    bool        pairs;
    int         body;

    regex_init();

    for (int i = 0; i < cache_n; i++)
    {
        if (cache[i].patlen == patlen && cache[i].cflags == cflags &&
            memcmp(cache[i].pat, pat, patlen) == 0)
        {
            if (i > 0)
            {
                RegexCacheEntry hit = cache[i];

                memmove(&cache[1], &cache[0], i * sizeof(RegexCacheEntry));
                cache[0] = hit;
            }
            return cache[0].comp;
        }
    }

    CHECK_FOR_INTERRUPTS();
    units = utf8_to_units(pat, patlen, &nunits, NULL, &pairs);
    re = compile_units(units, nunits, cflags, &entry.patobj);
    pfree(units);
    Tcl_RegExpGetInfo(re, &info);

    entry.ctxobj = NULL;
    entry.comp.ctx_re = NULL;
    body = context_body_start(pat, patlen, cflags);
    if (body >= 0)
    {
        static const char ctx_prefix[] = "[\\x01-\\uffff](?:";
        char   *variant = palloc(patlen + sizeof(ctx_prefix) + 2);
        int     vlen = 0;

        memcpy(variant, pat, body);
        vlen = body;
        memcpy(variant + vlen, ctx_prefix, sizeof(ctx_prefix) - 1);
        vlen += sizeof(ctx_prefix) - 1;
        memcpy(variant + vlen, pat + body, patlen - body);
        vlen += patlen - body;
        variant[vlen++] = ')';
        units = utf8_to_units(variant, vlen, &nunits, NULL, &pairs);
        PG_TRY();
        {
            entry.comp.ctx_re = compile_units(units, nunits, cflags, &entry.ctxobj);
        }
        PG_CATCH();
        {
            Tcl_DecrRefCount(entry.patobj);
            PG_RE_THROW();
        }
        PG_END_TRY();
        pfree(units);
        pfree(variant);
    }

    entry.pat = MemoryContextAlloc(RegexCacheContext, Max(patlen, 1));
    memcpy(entry.pat, pat, patlen);
    entry.patlen = patlen;
    entry.cflags = cflags;
    entry.comp.re = re;
    entry.comp.nsub = info.nsubs;
    entry.comp.cflags = cflags;

    if (cache_n >= REGEX_CACHE_MAX)
    {
        cache_n--;
        pfree(cache[cache_n].pat);
        Tcl_DecrRefCount(cache[cache_n].patobj);
        if (cache[cache_n].ctxobj != NULL)
            Tcl_DecrRefCount(cache[cache_n].ctxobj);
    }
    if (cache_n > 0)
        memmove(&cache[1], &cache[0], cache_n * sizeof(RegexCacheEntry));
    cache[0] = entry;
    cache_n++;
    return cache[0].comp;
}

int
regex_cache_entries(void)
{
    return cache_n;
}

uint64
regex_cache_compiles(void)
{
    return cache_compiles;
}

/* ---------------------------------------------------------------- subjects */

void
regex_subject_init(RegexSubject *subj, const char *data, int len)
{
    regex_init();
    if (pending_subject != NULL)
    {
        Tcl_DecrRefCount(pending_subject);
        pending_subject = NULL;
    }
    subj->data = data;
    subj->len = len;
    subj->units = utf8_to_units(data, len, &subj->nunits, &subj->ubyte, &subj->has_pairs);
    subj->obj = Tcl_NewUnicodeObj((const Tcl_UniChar *) subj->units, subj->nunits);
    Tcl_IncrRefCount((Tcl_Obj *) subj->obj);
    pending_subject = subj->obj;
}

void
regex_subject_free(RegexSubject *subj)
{
    if (subj->obj != NULL)
    {
        if (pending_subject == subj->obj)
            pending_subject = NULL;
        Tcl_DecrRefCount((Tcl_Obj *) subj->obj);
        subj->obj = NULL;
    }
    pfree(subj->units);
    pfree(subj->ubyte);
}

int
regex_unit_to_char(const RegexSubject *subj, int unit)
{
    int n = 0;

    if (!subj->has_pairs)
        return unit;
    for (int i = 0; i < unit && i < subj->nunits; i++)
        n += !is_low_surrogate(subj, i);
    return n;
}

int
regex_char_to_unit(const RegexSubject *subj, int charpos)
{
    int u = 0;

    if (!subj->has_pairs)
        return charpos;
    for (int c = 0; c < charpos && u < subj->nunits; c++)
        u += is_low_surrogate(subj, u + 1) ? 2 : 1;
    return u + Max(0, charpos - regex_unit_to_char(subj, u));
}

int
regex_next_unit(const RegexSubject *subj, int unit)
{
    unit++;
    if (is_low_surrogate(subj, unit))
        unit++;
    return unit;
}

/* ---------------------------------------------------------------- matching */

/* One Tcl match from unit `base`; positions in pmatch are absolute. */
static bool
exec_from(Tcl_RegExp re, RegexSubject *subj, int base, int eflags,
          int nmatch, RegexMatch *pmatch)
{
    Tcl_RegExpInfo info;
    int         r;

    r = Tcl_RegExpExecObj(regex_interp, re, (Tcl_Obj *) subj->obj,
                          base, nmatch, eflags);
    if (r < 0)
    {
        char errtext[256];

        snprintf(errtext, sizeof(errtext), "%s", Tcl_GetStringResult(regex_interp));
        Tcl_ResetResult(regex_interp);
        ereport(ERROR, errcode(ERRCODE_INVALID_REGULAR_EXPRESSION),
                errmsg("regular expression failed: %s", errtext));
    }
    if (r == 0)
        return false;

    Tcl_RegExpGetInfo(re, &info);
    for (int i = 0; i < nmatch; i++)
    {
        if (i <= info.nsubs && info.matches[i].start >= 0 && info.matches[i].end >= 0)
        {
            pmatch[i].so = (int) info.matches[i].start + base;
            pmatch[i].eo = (int) info.matches[i].end + base;
        }
        else
            pmatch[i].so = pmatch[i].eo = -1;
    }
    return true;
}

bool
regex_exec(const RegexCompiled *re, RegexSubject *subj, int start, int nmatch,
           RegexMatch *pmatch)
{
    RegexMatch  whole;
    RegexMatch *pm = nmatch > 0 ? pmatch : &whole;
    int         nm = nmatch > 0 ? nmatch : 1;

    /* ask Tcl for no more than exist: it then takes the same paths as PG */
    if (nm > re->nsub + 1)
    {
        for (int i = re->nsub + 1; i < nm; i++)
            pm[i].so = pm[i].eo = -1;
        nm = re->nsub + 1;
    }

    CHECK_FOR_INTERRUPTS();
    for (;;)
    {
        bool found;

        if (is_low_surrogate(subj, start))
            start++;
        if (start > subj->nunits)
            return false;

        if (start == 0 || re->ctx_re == NULL)
            found = exec_from((Tcl_RegExp) re->re, subj, start, start > 0 ? TCL_REG_NOTBOL : 0,
                              nm, pm);
        else
        {
            /* the variant consumes the unit before start as context */
            found = exec_from((Tcl_RegExp) re->ctx_re, subj, start - 1, TCL_REG_NOTBOL, nm, pm);
            if (found)
                pm[0].so++;
        }
        if (!found)
            return false;
        if (!is_low_surrogate(subj, pm[0].so))
            return true;
        start = pm[0].so + 1;   /* never begin inside a surrogate pair */
    }
}

bool
regex_match_text(const char *pat, int patlen, int cflags, const char *data, int len)
{
    RegexCompiled re = regex_compile(pat, patlen, cflags);
    RegexSubject subj;
    bool        found;

    regex_subject_init(&subj, data, len);
    found = regex_exec(&re, &subj, 0, 0, NULL);
    regex_subject_free(&subj);
    return found;
}
