/*-------------------------------------------------------------------------
 * regexp.c
 *    POSIX regular expressions in SQL: the ~ ~* !~ !~* operators for text,
 *    bpchar and name, substring(text from pattern), regexp_replace,
 *    regexp_match(es), regexp_split_to_array/_table, and PostgreSQL 15's
 *    regexp_count, regexp_instr, regexp_like and regexp_substr.
 *
 * The engine, its cache and its departures from PostgreSQL are described
 * in procs/regex_cache.c.  This file is PostgreSQL's
 * src/backend/utils/adt/regexp.c (and replace_text_regexp from
 * varlena.c) re-expressed over that interface:
 *
 *  - Flags are parsed as PostgreSQL's parse_re_flags: every caller
 *    accepts all options and rejects 'g' afterwards where it makes no
 *    sense, with PostgreSQL's error texts.
 *  - setup_regexp_matches finds every match in one pass and records byte
 *    offsets (-1 for a subexpression that did not take part), so the
 *    engine's subject is released before any result is built; the
 *    set-returning functions keep those offsets in their multi-call
 *    context between calls (value-per-call protocol, procs/funcapi.h).
 *  - Start positions and results of regexp_count/instr/substr count
 *    characters, as PostgreSQL's do.
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "procs/adt.h"
#include "procs/array_util.h"
#include "procs/funcapi.h"
#include "procs/regex_cache.h"

#define PG_GETARG_TEXT_PP_IF_EXISTS(n) (PG_NARGS() > (n) ? PG_GETARG_TEXT_PP(n) : NULL)

typedef struct ReFlags
{
    int     cflags;
    bool    glob;
} ReFlags;

/* All matches of a pattern in a string, as byte offsets. */
typedef struct RegexpMatches
{
    text   *orig;           /* the subject */
    int     nmatches;
    int     npatterns;      /* subexpressions recorded per match (>= 1) */
    int    *locs;           /* nmatches * npatterns * 2 offsets, then len */
    int     next;           /* next match to return (SRFs, splitting) */
} RegexpMatches;

/* ---------------------------------------------------------------- flags */

static void
parse_re_flags(ReFlags *flags, text *opts)
{
    flags->cflags = REGEXF_ADVANCED;
    flags->glob = false;
    if (opts == NULL)
        return;

    for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(opts); i++)
    {
        const char *p = VARDATA_ANY(opts) + i;

        switch (*p)
        {
            case 'g': flags->glob = true; break;
            case 'b': flags->cflags &= ~(REGEXF_ADVANCED | REGEXF_EXTENDED | REGEXF_QUOTE); break;
            case 'c': flags->cflags &= ~REGEXF_ICASE; break;
            case 'e':
                flags->cflags |= REGEXF_EXTENDED;
                flags->cflags &= ~(REGEXF_ADVANCED | REGEXF_QUOTE);
                break;
            case 'i': flags->cflags |= REGEXF_ICASE; break;
            case 'm':
            case 'n': flags->cflags |= REGEXF_NEWLINE; break;
            case 'p':
                flags->cflags |= REGEXF_NLSTOP;
                flags->cflags &= ~REGEXF_NLANCH;
                break;
            case 'q':
                flags->cflags |= REGEXF_QUOTE;
                flags->cflags &= ~(REGEXF_ADVANCED | REGEXF_EXTENDED);
                break;
            case 's': flags->cflags &= ~REGEXF_NEWLINE; break;
            case 't': flags->cflags &= ~REGEXF_EXPANDED; break;
            case 'w':
                flags->cflags &= ~REGEXF_NLSTOP;
                flags->cflags |= REGEXF_NLANCH;
                break;
            case 'x': flags->cflags |= REGEXF_EXPANDED; break;
            default:
            {
                int len = VARSIZE_ANY_EXHDR(opts) - i;

                ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                        errmsg("invalid regular expression option: \"%.*s\"",
                               pg_mbcharcliplen(p, len, 1), p));
            }
        }
    }
}

static void
reject_global(const ReFlags *flags, const char *funcname, bool hint)
{
    if (!flags->glob)
        return;
    if (hint)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("%s does not support the \"global\" option", funcname),
                errhint("Use the regexp_matches function instead."));
    ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
            errmsg("%s does not support the \"global\" option", funcname));
}

static void
check_param(bool ok, const char *name, int value)
{
    if (!ok)
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid value for parameter \"%s\": %d", name, value));
}

/* ---------------------------------------------------------------- matching */

static bool
text_matches(text *s, text *p, int cflags)
{
    return regex_match_text(VARDATA_ANY(p), VARSIZE_ANY_EXHDR(p), cflags,
                            VARDATA_ANY(s), VARSIZE_ANY_EXHDR(s));
}

static bool
name_matches(Name n, text *p, int cflags)
{
    return regex_match_text(VARDATA_ANY(p), VARSIZE_ANY_EXHDR(p), cflags,
                            NameStr(*n), strlen(NameStr(*n)));
}

/*
 * Find the matches of pattern in orig, starting at character start_search
 * (one match unless flags->glob).  use_subpatterns records each
 * parenthesised subexpression rather than the whole match (when there are
 * any); ignore_degenerate skips empty matches at the string's start or end
 * or right after the previous match (regexp_split semantics).
 */
static RegexpMatches *
setup_regexp_matches(text *orig, text *pattern, const ReFlags *flags, int start_search,
                     bool use_subpatterns, bool ignore_degenerate)
{
    RegexpMatches *m = palloc0(sizeof(RegexpMatches));
    RegexCompiled re;
    RegexSubject subj;
    RegexMatch *pmatch;
    int         pmatch_len;
    int         array_len;
    int         idx = 0;
    int         prev_match_end = 0;
    int         start;

    m->orig = orig;
    re = regex_compile(VARDATA_ANY(pattern), VARSIZE_ANY_EXHDR(pattern), flags->cflags);
    if (use_subpatterns && re.nsub > 0)
    {
        m->npatterns = re.nsub;
        pmatch_len = re.nsub + 1;
    }
    else
    {
        use_subpatterns = false;
        m->npatterns = 1;
        pmatch_len = 1;
    }
    pmatch = palloc(sizeof(RegexMatch) * pmatch_len);
    array_len = flags->glob ? 255 : 31;
    m->locs = palloc(sizeof(int) * array_len);

    regex_subject_init(&subj, VARDATA_ANY(orig), VARSIZE_ANY_EXHDR(orig));
    start = regex_char_to_unit(&subj, start_search);
    while (regex_exec(&re, &subj, start, pmatch_len, pmatch))
    {
        if (!ignore_degenerate ||
            (pmatch[0].so < subj.nunits && pmatch[0].eo > prev_match_end))
        {
            while (idx + m->npatterns * 2 + 1 > array_len)
            {
                array_len += array_len + 1;
                if (array_len > (int) (MaxAllocSize / sizeof(int)))
                    ereport(ERROR, errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                            errmsg("too many regular expression matches"));
                m->locs = repalloc(m->locs, sizeof(int) * array_len);
            }
            for (int i = use_subpatterns ? 1 : 0; i <= (use_subpatterns ? m->npatterns : 0); i++)
            {
                bool valid = pmatch[i].so >= 0 && pmatch[i].eo >= 0;

                m->locs[idx++] = valid ? regex_unit_to_byte(&subj, pmatch[i].so) : -1;
                m->locs[idx++] = valid ? regex_unit_to_byte(&subj, pmatch[i].eo) : -1;
            }
            m->nmatches++;
        }
        prev_match_end = pmatch[0].eo;
        if (!flags->glob)
            break;
        start = prev_match_end;
        if (pmatch[0].so == pmatch[0].eo)
            start = regex_next_unit(&subj, start);
        if (start > subj.nunits)
            break;
    }
    m->locs[idx] = subj.len;
    regex_subject_free(&subj);
    pfree(pmatch);
    return m;
}

static text *
orig_slice(const RegexpMatches *m, int so, int eo)
{
    return cstring_to_text_with_len(VARDATA_ANY(m->orig) + so, eo - so);
}

/* The text[] of match m->next: one element per recorded subexpression. */
static AdtArray *
build_match_result(const RegexpMatches *m)
{
    Datum  *elems = palloc(sizeof(Datum) * m->npatterns);
    bool   *nulls = palloc(sizeof(bool) * m->npatterns);
    int     loc = m->next * m->npatterns * 2;

    for (int i = 0; i < m->npatterns; i++, loc += 2)
    {
        int so = m->locs[loc];
        int eo = m->locs[loc + 1];

        nulls[i] = so < 0 || eo < 0;
        elems[i] = nulls[i] ? (Datum) 0 : PointerGetDatum(orig_slice(m, so, eo));
    }
    return adt_construct_text_array(elems, nulls, m->npatterns);
}

/* The piece before match m->next (or after the last match). */
static Datum
build_split_result(const RegexpMatches *m)
{
    int startpos = m->next > 0 ? m->locs[m->next * 2 - 1] : 0;
    int endpos = m->locs[m->next * 2];

    if (startpos < 0)
        elog(ERROR, "invalid match ending position");
    if (endpos < startpos)
        elog(ERROR, "invalid match starting position");
    return PointerGetDatum(orig_slice(m, startpos, endpos));
}

/* ---------------------------------------------------------------- operators */

Datum
textregexeq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(text_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), REGEXF_ADVANCED));
}

Datum
textregexne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!text_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), REGEXF_ADVANCED));
}

Datum
texticregexeq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(text_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1),
                                REGEXF_ADVANCED | REGEXF_ICASE));
}

Datum
texticregexne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!text_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1),
                                 REGEXF_ADVANCED | REGEXF_ICASE));
}

Datum
nameregexeq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(name_matches(PG_GETARG_NAME(0), PG_GETARG_TEXT_PP(1), REGEXF_ADVANCED));
}

Datum
nameregexne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!name_matches(PG_GETARG_NAME(0), PG_GETARG_TEXT_PP(1), REGEXF_ADVANCED));
}

Datum
nameicregexeq(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(name_matches(PG_GETARG_NAME(0), PG_GETARG_TEXT_PP(1),
                                REGEXF_ADVANCED | REGEXF_ICASE));
}

Datum
nameicregexne(PG_FUNCTION_ARGS)
{
    PG_RETURN_BOOL(!name_matches(PG_GETARG_NAME(0), PG_GETARG_TEXT_PP(1),
                                 REGEXF_ADVANCED | REGEXF_ICASE));
}

/*
 * substring(text from pattern): the first parenthesised subexpression's
 * match if there is one, else the whole match; NULL if either is absent.
 */
Datum
textregexsubstr(PG_FUNCTION_ARGS)
{
    text       *s = PG_GETARG_TEXT_PP(0);
    text       *p = PG_GETARG_TEXT_PP(1);
    ReFlags     flags = {REGEXF_ADVANCED, false};
    RegexpMatches *m = setup_regexp_matches(s, p, &flags, 0, true, false);

    /* only the first subexpression matters: it is recorded first */
    if (m->nmatches == 0 || m->locs[0] < 0 || m->locs[1] < 0)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(orig_slice(m, m->locs[0], m->locs[1]));
}

/* ---------------------------------------------------------------- replace */

#define REGEXP_REPLACE_BACKREF_CNT 10

/*
 * Append replacement rep for one match: \1..\9 and \& insert
 * subexpression / whole-match text, \\ a backslash; any other backslash
 * is copied as is (PostgreSQL's appendStringInfoRegexpSubstr).
 */
static void
append_replacement(StringInfo buf, text *rep, const RegexMatch *pmatch,
                   const RegexSubject *subj)
{
    const char *p = VARDATA_ANY(rep);
    const char *p_end = p + VARSIZE_ANY_EXHDR(rep);

    for (;;)
    {
        const char *chunk = p;
        int         idx;

        p = memchr(p, '\\', p_end - p);
        if (p == NULL)
            p = p_end;
        if (p > chunk)
            appendBinaryStringInfo(buf, chunk, p - chunk);
        if (p >= p_end)
            break;
        p++;
        if (p >= p_end)
        {
            appendStringInfoChar(buf, '\\');
            break;
        }
        if (*p >= '1' && *p <= '9')
            idx = *p - '0';
        else if (*p == '&')
            idx = 0;
        else
        {
            appendStringInfoChar(buf, '\\');
            if (*p == '\\')
                p++;
            continue;
        }
        p++;
        if (pmatch[idx].so >= 0 && pmatch[idx].eo >= 0)
        {
            int bso = regex_unit_to_byte(subj, pmatch[idx].so);
            int beo = regex_unit_to_byte(subj, pmatch[idx].eo);

            appendBinaryStringInfo(buf, subj->data + bso, beo - bso);
        }
    }
}

/*
 * Replace the n'th match at or after character search_start (every match
 * if n == 0) with rep.
 */
static text *
replace_text_regexp(text *src, text *pattern, text *rep, int cflags,
                    int search_start, int n)
{
    RegexCompiled re = regex_compile(VARDATA_ANY(pattern), VARSIZE_ANY_EXHDR(pattern), cflags);
    bool        has_escape = memchr(VARDATA_ANY(rep), '\\', VARSIZE_ANY_EXHDR(rep)) != NULL;
    RegexMatch  pmatch[REGEXP_REPLACE_BACKREF_CNT];
    RegexSubject subj;
    StringInfoData buf;
    int         data_pos = 0;           /* units copied so far */
    int         nmatches = 0;
    int         start;
    text       *result;

    regex_subject_init(&subj, VARDATA_ANY(src), VARSIZE_ANY_EXHDR(src));
    initStringInfo(&buf);
    start = regex_char_to_unit(&subj, search_start);
    while (start <= subj.nunits &&
           regex_exec(&re, &subj, start, has_escape ? REGEXP_REPLACE_BACKREF_CNT : 1, pmatch))
    {
        nmatches++;
        if (n > 0 && nmatches < n)
        {
            start = pmatch[0].eo;
            if (pmatch[0].so == pmatch[0].eo)
                start = regex_next_unit(&subj, start);
            continue;
        }
        appendBinaryStringInfo(&buf, subj.data + regex_unit_to_byte(&subj, data_pos),
                               regex_unit_to_byte(&subj, pmatch[0].so) -
                               regex_unit_to_byte(&subj, data_pos));
        if (has_escape)
            append_replacement(&buf, rep, pmatch, &subj);
        else
            appendBinaryStringInfo(&buf, VARDATA_ANY(rep), VARSIZE_ANY_EXHDR(rep));
        data_pos = pmatch[0].eo;
        if (n > 0)
            break;
        start = data_pos;
        if (pmatch[0].so == pmatch[0].eo)
            start = regex_next_unit(&subj, start);
    }
    appendBinaryStringInfo(&buf, subj.data + regex_unit_to_byte(&subj, data_pos),
                           subj.len - regex_unit_to_byte(&subj, data_pos));
    regex_subject_free(&subj);
    result = cstring_to_text_with_len(buf.data, buf.len);
    pfree(buf.data);
    return result;
}

Datum
textregexreplace_noopt(PG_FUNCTION_ARGS)
{
    PG_RETURN_TEXT_P(replace_text_regexp(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1),
                                         PG_GETARG_TEXT_PP(2), REGEXF_ADVANCED, 0, 1));
}

Datum
textregexreplace(PG_FUNCTION_ARGS)
{
    text       *opt = PG_GETARG_TEXT_PP(3);
    ReFlags     flags;

    /* regexp_replace(s, p, r, '1') probably meant the start parameter */
    if (VARSIZE_ANY_EXHDR(opt) > 0 && VARDATA_ANY(opt)[0] >= '0' && VARDATA_ANY(opt)[0] <= '9')
        ereport(ERROR, errcode(ERRCODE_INVALID_PARAMETER_VALUE),
                errmsg("invalid regular expression option: \"%.*s\"", 1, VARDATA_ANY(opt)),
                errhint("If you meant to use regexp_replace() with a start parameter, cast the fourth argument to integer explicitly."));
    parse_re_flags(&flags, opt);
    PG_RETURN_TEXT_P(replace_text_regexp(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1),
                                         PG_GETARG_TEXT_PP(2), flags.cflags, 0,
                                         flags.glob ? 0 : 1));
}

/* regexp_replace(source, pattern, replacement, start [, N [, flags]]) */
Datum
textregexreplace_extended(PG_FUNCTION_ARGS)
{
    int         start = 1;
    int         n = 1;
    ReFlags     flags;

    if (PG_NARGS() > 3)
    {
        start = PG_GETARG_INT32(3);
        check_param(start > 0, "start", start);
    }
    if (PG_NARGS() > 4)
    {
        n = PG_GETARG_INT32(4);
        check_param(n >= 0, "n", n);
    }
    parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(5));
    if (PG_NARGS() <= 4)
        n = flags.glob ? 0 : 1;
    PG_RETURN_TEXT_P(replace_text_regexp(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1),
                                         PG_GETARG_TEXT_PP(2), flags.cflags, start - 1, n));
}

Datum
textregexreplace_extended_no_n(PG_FUNCTION_ARGS)
{
    return textregexreplace_extended(fcinfo);
}

Datum
textregexreplace_extended_no_flags(PG_FUNCTION_ARGS)
{
    return textregexreplace_extended(fcinfo);
}

/* ---------------------------------------------------------------- regexp_match(es) */

Datum
regexp_match(PG_FUNCTION_ARGS)
{
    ReFlags     flags;
    RegexpMatches *m;

    parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(2));
    reject_global(&flags, "regexp_match()", true);
    m = setup_regexp_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), &flags, 0, true, false);
    if (m->nmatches == 0)
        PG_RETURN_NULL();
    PG_RETURN_POINTER(build_match_result(m));
}

Datum
regexp_match_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_match(fcinfo);
}

/* Copy a text argument into the current (multi-call) context. */
static text *
copy_text(text *t)
{
    text *c = palloc(VARSIZE(t));

    memcpy(c, t, VARSIZE(t));
    return c;
}

Datum
regexp_matches(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    RegexpMatches *m;

    if (SRF_IS_FIRSTCALL())
    {
        ReFlags     flags;
        MemoryContext old;

        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(2));
        funcctx->user_fctx = setup_regexp_matches(copy_text(PG_GETARG_TEXT_PP(0)),
                                                  PG_GETARG_TEXT_PP(1), &flags, 0,
                                                  true, false);
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    m = funcctx->user_fctx;
    if (m->next < m->nmatches)
    {
        AdtArray *result = build_match_result(m);

        m->next++;
        SRF_RETURN_NEXT(funcctx, PointerGetDatum(result));
    }
    SRF_RETURN_DONE(funcctx);
}

Datum
regexp_matches_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_matches(fcinfo);
}

/* ---------------------------------------------------------------- split */

static RegexpMatches *
setup_split(FunctionCallInfo fcinfo, text *str, const char *funcname)
{
    ReFlags flags;

    parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(2));
    reject_global(&flags, funcname, false);
    flags.glob = true;          /* but find every match */
    return setup_regexp_matches(str, PG_GETARG_TEXT_PP(1), &flags, 0, false, true);
}

Datum
regexp_split_to_table(PG_FUNCTION_ARGS)
{
    FuncCallContext *funcctx;
    RegexpMatches *m;

    if (SRF_IS_FIRSTCALL())
    {
        MemoryContext old;

        funcctx = SRF_FIRSTCALL_INIT();
        old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
        funcctx->user_fctx = setup_split(fcinfo, copy_text(PG_GETARG_TEXT_PP(0)),
                                         "regexp_split_to_table()");
        MemoryContextSwitchTo(old);
    }
    funcctx = SRF_PERCALL_SETUP();
    m = funcctx->user_fctx;
    if (m->next <= m->nmatches)
    {
        Datum result = build_split_result(m);

        m->next++;
        SRF_RETURN_NEXT(funcctx, result);
    }
    SRF_RETURN_DONE(funcctx);
}

Datum
regexp_split_to_table_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_split_to_table(fcinfo);
}

Datum
regexp_split_to_array(PG_FUNCTION_ARGS)
{
    RegexpMatches *m = setup_split(fcinfo, PG_GETARG_TEXT_PP(0), "regexp_split_to_array()");
    Datum      *elems = palloc(sizeof(Datum) * (m->nmatches + 1));

    for (m->next = 0; m->next <= m->nmatches; m->next++)
        elems[m->next] = build_split_result(m);
    PG_RETURN_POINTER(adt_construct_text_array(elems, NULL, m->nmatches + 1));
}

Datum
regexp_split_to_array_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_split_to_array(fcinfo);
}

/* ---------------------------------------------------------------- PostgreSQL 15 */

/* regexp_count(string, pattern [, start [, flags]]) */
Datum
regexp_count(PG_FUNCTION_ARGS)
{
    int         start = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : 1;
    ReFlags     flags;
    RegexpMatches *m;

    check_param(start > 0, "start", start);
    parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(3));
    reject_global(&flags, "regexp_count()", false);
    flags.glob = true;
    m = setup_regexp_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), &flags, start - 1,
                             false, false);
    PG_RETURN_INT32(m->nmatches);
}

Datum
regexp_count_no_start(PG_FUNCTION_ARGS)
{
    return regexp_count(fcinfo);
}

Datum
regexp_count_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_count(fcinfo);
}

/*
 * The byte offsets [*so, *eo) of subexpression subexpr (0 = whole match)
 * of match n (1-based) of pattern in str from character start, as
 * regexp_instr and regexp_substr select it; false if there is none.
 */
static bool
nth_match(FunctionCallInfo fcinfo, const char *funcname, int start, int n, int flagsarg,
          int subexpr, RegexpMatches **mp, int *so, int *eo)
{
    ReFlags     flags;
    RegexpMatches *m;
    int         pos;

    parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(flagsarg));
    reject_global(&flags, funcname, false);
    flags.glob = true;
    m = setup_regexp_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), &flags, start - 1,
                             subexpr > 0, false);
    *mp = m;
    if (n > m->nmatches || subexpr > m->npatterns)
        return false;
    pos = (n - 1) * m->npatterns;
    if (subexpr > 0)
        pos += subexpr - 1;
    pos *= 2;
    *so = m->locs[pos];
    *eo = m->locs[pos + 1];
    return true;
}

/* regexp_instr(string, pattern [, start [, N [, endoption [, flags [, subexpr]]]]]) */
Datum
regexp_instr(PG_FUNCTION_ARGS)
{
    int         start = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : 1;
    int         n = PG_NARGS() > 3 ? PG_GETARG_INT32(3) : 1;
    int         endoption = PG_NARGS() > 4 ? PG_GETARG_INT32(4) : 0;
    int         subexpr = PG_NARGS() > 6 ? PG_GETARG_INT32(6) : 0;
    RegexpMatches *m;
    int         so,
                eo,
                off;

    check_param(start > 0, "start", start);
    check_param(n > 0, "n", n);
    check_param(endoption == 0 || endoption == 1, "endoption", endoption);
    check_param(subexpr >= 0, "subexpr", subexpr);
    if (!nth_match(fcinfo, "regexp_instr()", start, n, 5, subexpr, &m, &so, &eo))
        PG_RETURN_INT32(0);
    off = endoption == 1 ? eo : so;
    if (off < 0)
        PG_RETURN_INT32(0);
    PG_RETURN_INT32(pg_mbstrlen_with_len(VARDATA_ANY(m->orig), off) + 1);
}

Datum
regexp_instr_no_start(PG_FUNCTION_ARGS)
{
    return regexp_instr(fcinfo);
}

Datum
regexp_instr_no_n(PG_FUNCTION_ARGS)
{
    return regexp_instr(fcinfo);
}

Datum
regexp_instr_no_endoption(PG_FUNCTION_ARGS)
{
    return regexp_instr(fcinfo);
}

Datum
regexp_instr_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_instr(fcinfo);
}

Datum
regexp_instr_no_subexpr(PG_FUNCTION_ARGS)
{
    return regexp_instr(fcinfo);
}


/* regexp_like(string, pattern [, flags]) */
Datum
regexp_like(PG_FUNCTION_ARGS)
{
    ReFlags flags;

    parse_re_flags(&flags, PG_GETARG_TEXT_PP_IF_EXISTS(2));
    reject_global(&flags, "regexp_like()", false);
    PG_RETURN_BOOL(text_matches(PG_GETARG_TEXT_PP(0), PG_GETARG_TEXT_PP(1), flags.cflags));
}

Datum
regexp_like_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_like(fcinfo);
}

/* regexp_substr(string, pattern [, start [, N [, flags [, subexpr]]]]) */
Datum
regexp_substr(PG_FUNCTION_ARGS)
{
    int         start = PG_NARGS() > 2 ? PG_GETARG_INT32(2) : 1;
    int         n = PG_NARGS() > 3 ? PG_GETARG_INT32(3) : 1;
    int         subexpr = PG_NARGS() > 5 ? PG_GETARG_INT32(5) : 0;
    RegexpMatches *m;
    int         so,
                eo;

    check_param(start > 0, "start", start);
    check_param(n > 0, "n", n);
    check_param(subexpr >= 0, "subexpr", subexpr);
    if (!nth_match(fcinfo, "regexp_substr()", start, n, 4, subexpr, &m, &so, &eo) ||
        so < 0 || eo < 0)
        PG_RETURN_NULL();
    PG_RETURN_TEXT_P(orig_slice(m, so, eo));
}

Datum
regexp_substr_no_start(PG_FUNCTION_ARGS)
{
    return regexp_substr(fcinfo);
}

Datum
regexp_substr_no_n(PG_FUNCTION_ARGS)
{
    return regexp_substr(fcinfo);
}

Datum
regexp_substr_no_flags(PG_FUNCTION_ARGS)
{
    return regexp_substr(fcinfo);
}

Datum
regexp_substr_no_subexpr(PG_FUNCTION_ARGS)
{
    return regexp_substr(fcinfo);
}

