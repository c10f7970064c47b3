/*-------------------------------------------------------------------------
 * builtins.h
 *    What other modules may call from the scalar built-in types in procs/
 *    besides the fmgr-callable functions themselves: integer parsing and
 *    formatting, float parsing and formatting (honouring
 *    extra_float_digits), the oidvector/int2vector types, bpchar helpers
 *    and the errors the arithmetic raises.
 *
 * Numeric has its own header (procs/numeric.h); hashing is procs/hashfn.h;
 * checked float arithmetic (float8_pl, float8_mul, ...) is procs/float.h.
 * Every fmgr-callable built-in `Datum name(PG_FUNCTION_ARGS)` is reachable
 * by name through fmgr_lookup_builtin(); prototypes for the ones other
 * modules call directly (DirectFunctionCall) are listed at the end.
 *-------------------------------------------------------------------------
 */
#ifndef PROCS_BUILTINS_H
#define PROCS_BUILTINS_H

#include "backend/basalt.h"
#include "procs/fmgr.h"

/* ---- integers (int.c, int8.c) ---- */

/* Parse with PostgreSQL's syntax and errors (types smallint/integer/bigint). */
extern int16 pg_strtoint16(const char *s);
extern int32 pg_strtoint32(const char *s);
extern int64 pg_strtoint64(const char *s);

/* The standard errors, 22003 / 22012. */
extern void int2_overflow(void) pg_attribute_noreturn();
extern void int4_overflow(void) pg_attribute_noreturn();
extern void int8_overflow(void) pg_attribute_noreturn();
extern void division_by_zero(void) pg_attribute_noreturn();
extern void invalid_window_offset(void) pg_attribute_noreturn();

/* ---- booleans (bool.c) ---- */

/* Is value (len bytes) one of boolin's spellings?  Sets *result if so. */
extern bool parse_bool_with_len(const char *value, size_t len, bool *result);

/* ---- floats (float.c) ---- */

/* The extra_float_digits setting (GUC, default 1, range -15..3). */
extern int extra_float_digits;

/*
 * Parse a float8 as float8in does: *endptr gets the first byte after the
 * number (trailing spaces skipped); with endptr NULL, trailing garbage is
 * an error.  type_name and orig_string are used in error messages.
 */
extern float8 float8in_internal(char *num, char **endptr, const char *type_name,
                                const char *orig_string);
extern float4 float4in_internal(char *num, char **endptr, const char *type_name,
                                const char *orig_string);
/* Format as float8out/float4out do (shortest round-trip, PG layout). */
extern char *float8out_internal(float8 num);
extern char *float4out_internal(float4 num);

extern void float_overflow_error(void) pg_attribute_noreturn();
extern void float_underflow_error(void) pg_attribute_noreturn();
extern void float_zero_divide_error(void) pg_attribute_noreturn();
extern float8 get_float8_nan(void);
extern float4 get_float4_nan(void);
extern float8 get_float8_infinity(void);

/* NaN-aware total order used by btree: NaN equals NaN and sorts above all. */
extern int float8_cmp_internal(float8 a, float8 b);
extern int float4_cmp_internal(float4 a, float4 b);

/* ---- oidvector / int2vector (oid.c, int.c) ----
 * One-dimensional arrays in PostgreSQL's ArrayType layout with lower
 * bound 0; used by pg_proc.proargtypes, pg_index.indkey and friends. */
typedef struct oidvector
{
    uint32  vl_len_;
    int     ndim;               /* always 1 */
    int32   dataoffset;         /* always 0 */
    Oid     elemtype;           /* OIDOID */
    int     dim1;
    int     lbound1;            /* always 0 */
    Oid     values[];
} oidvector;

typedef struct int2vector
{
    uint32  vl_len_;
    int     ndim;
    int32   dataoffset;
    Oid     elemtype;           /* INT2OID */
    int     dim1;
    int     lbound1;
    int16   values[];
} int2vector;

#define OidVectorSize(n)  (offsetof(oidvector, values) + (n) * sizeof(Oid))
#define Int2VectorSize(n) (offsetof(int2vector, values) + (n) * sizeof(int16))

extern oidvector *buildoidvector(const Oid *oids, int n);
extern int2vector *buildint2vector(const int16 *int2s, int n);
extern Oid oidin_subr(const char *s, char **endloc);

/* ---- character types (varchar.c, varlena.c) ---- */

/* Length of a bpchar's data ignoring trailing spaces. */
extern int bpchar_truelen(const char *s, int len);
/* C-collation comparison of two byte strings, memcmp then length. */
extern int varstr_cmp(const char *a, int alen, const char *b, int blen);

/* ---- fmgr-callable built-ins other modules call directly ---- */
extern Datum int4in(PG_FUNCTION_ARGS);
extern Datum int4out(PG_FUNCTION_ARGS);
extern Datum int8in(PG_FUNCTION_ARGS);
extern Datum int8out(PG_FUNCTION_ARGS);
extern Datum float8in(PG_FUNCTION_ARGS);
extern Datum float8out(PG_FUNCTION_ARGS);
extern Datum boolin(PG_FUNCTION_ARGS);
extern Datum boolout(PG_FUNCTION_ARGS);
extern Datum textin(PG_FUNCTION_ARGS);
extern Datum textout(PG_FUNCTION_ARGS);
extern Datum namein(PG_FUNCTION_ARGS);
extern Datum nameout(PG_FUNCTION_ARGS);
extern Datum oidin(PG_FUNCTION_ARGS);
extern Datum oidout(PG_FUNCTION_ARGS);
extern Datum oidvectorin(PG_FUNCTION_ARGS);
extern Datum oidvectorout(PG_FUNCTION_ARGS);
extern Datum int2vectorin(PG_FUNCTION_ARGS);
extern Datum int2vectorout(PG_FUNCTION_ARGS);
extern Datum byteain(PG_FUNCTION_ARGS);
extern Datum byteaout(PG_FUNCTION_ARGS);
extern Datum texteq(PG_FUNCTION_ARGS);
extern Datum bttextcmp(PG_FUNCTION_ARGS);
extern Datum hashtext(PG_FUNCTION_ARGS);
extern Datum btint4cmp(PG_FUNCTION_ARGS);
extern Datum btint8cmp(PG_FUNCTION_ARGS);
extern Datum btoidcmp(PG_FUNCTION_ARGS);
extern Datum btnamecmp(PG_FUNCTION_ARGS);

#endif /* PROCS_BUILTINS_H */
