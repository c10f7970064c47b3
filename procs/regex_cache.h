/*-------------------------------------------------------------------------
 * regex_cache.h
 *    Private to procs/regexp.c and procs/regex_cache.c: compiled regular
 *    expressions (Henry Spencer's Advanced Regular Expressions, through
 *    Tcl's library), cached per backend, and matching with PostgreSQL's
 *    pg_regexec semantics (search from a start position with the text
 *    before it visible as context).
 *
 * Positions are "units": indexes into the subject's UTF-16 code units as
 * Tcl sees them.  For text without characters above U+FFFF (surrogate
 * pairs) a unit is a character; regex_unit_to_char() and friends convert
 * in general.  Byte offsets into the original UTF-8 come from
 * regex_unit_to_byte().
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_REGEX_CACHE_H
#define PROCS_REGEX_CACHE_H

#include "backend/basalt.h"

/* Compile flags: PostgreSQL's REG_* values (Tcl's TCL_REG_* are identical). */
#define REGEXF_BASIC     0
#define REGEXF_EXTENDED  0x0001
#define REGEXF_ADVF      0x0002
#define REGEXF_ADVANCED  0x0003
#define REGEXF_QUOTE     0x0004
#define REGEXF_ICASE     0x0008
#define REGEXF_NOSUB     0x0010
#define REGEXF_EXPANDED  0x0020
#define REGEXF_NLSTOP    0x0040
#define REGEXF_NLANCH    0x0080
#define REGEXF_NEWLINE   0x00C0

/* PostgreSQL's MAX_CACHED_RES: compiled patterns kept per backend. */
#define REGEX_CACHE_MAX  32

typedef struct RegexCompiled
{
    void   *re;             /* Tcl_RegExp, owned by the cache entry */
    void   *ctx_re;         /* the context variant (regex_cache.c), or NULL */
    int     nsub;           /* number of capturing subexpressions */
    int     cflags;
} RegexCompiled;

/* A subject string prepared for matching (see regex_subject_init). */
typedef struct RegexSubject
{
    const char *data;       /* UTF-8, not NUL-terminated */
    int     len;            /* bytes */
    int     nunits;         /* UTF-16 units */
    bool    has_pairs;      /* some character needed a surrogate pair */
    uint16 *units;          /* the UTF-16 units (nunits) */
    int    *ubyte;          /* nunits + 1 entries: byte offset of each unit;
                             * a pair's second unit maps to the end of its
                             * character */
    void   *obj;            /* Tcl_Obj holding the units */
} RegexSubject;

typedef struct RegexMatch
{
    int     so;             /* start unit, -1 if the group did not match */
    int     eo;             /* end unit (exclusive) */
} RegexMatch;

/*
 * Compile pattern (UTF-8, patlen bytes) with cflags, or find it in the
 * cache.  Raises 2201B "invalid regular expression: ..." on a bad pattern.
 * The result is valid until the next regex_compile call.
 */
extern RegexCompiled regex_compile(const char *pat, int patlen, int cflags);

/* Prepare / release a subject.  Memory is palloc'd plus one Tcl object. */
extern void regex_subject_init(RegexSubject *subj, const char *data, int len);
extern void regex_subject_free(RegexSubject *subj);

/*
 * Find the leftmost match starting at unit `start` or later, with the
 * text before `start` visible to ^, \m, \y ... as in pg_regexec's
 * search_start.  Fills pmatch[0 .. nmatch-1] (0 is the whole match;
 * groups beyond re->nsub get -1).  Returns false if there is none.
 */
extern bool regex_exec(const RegexCompiled *re, RegexSubject *subj, int start,
                       int nmatch, RegexMatch *pmatch);

/* One-shot boolean match of data against pattern (the ~ operators). */
extern bool regex_match_text(const char *pat, int patlen, int cflags,
                             const char *data, int len);

static inline int
regex_unit_to_byte(const RegexSubject *subj, int unit)
{
    return subj->ubyte[unit];
}

/* 0-based character index of a unit position, and the reverse. */
extern int regex_unit_to_char(const RegexSubject *subj, int unit);
extern int regex_char_to_unit(const RegexSubject *subj, int charpos);
/* The next character boundary after unit position u (u + 1 normally). */
extern int regex_next_unit(const RegexSubject *subj, int unit);

/* Test hooks: entries now cached; compilations done since start. */
extern int regex_cache_entries(void);
extern uint64 regex_cache_compiles(void);

#endif /* PROCS_REGEX_CACHE_H */
