/*-------------------------------------------------------------------------
 * array_test.c
 *    TAP unit test of the array module (procs/arrayfuncs.c, array_ops.c,
 *    array_agg.c, array_subscript.c), called through the function manager
 *    calling convention.
 *
 *    Each generated case is an SQL expression, the C function that
 *    implements it and the text PostgreSQL 15 (the oracle) printed for
 *    that SQL -- value via its output function, or "ERROR <sqlstate>:
 *    <message> DETAIL: <detail>".  The table between the GENERATED
 *    markers is written by t/unit/array_oracle.py; never edit expected
 *    values by hand.
 *
 *    Proves: array_in's syntax (braces, quoting, escapes, NULL, explicit
 *    bounds, whitespace) and every error with PostgreSQL's SQLSTATE,
 *    message and DETAIL; array_out's quoting and bounds prefix; the binary
 *    format byte for byte; on-disk size (dataoffset, bitmap, alignment);
 *    btree ordering, equality and hash values equal to PostgreSQL's;
 *    containment; the array functions; unnest and generate_subscripts as
 *    value-per-call SRFs; array_agg through its transition/final
 *    functions; subscript reads, assignment (1-D extension with NULLs,
 *    multi-D bounds errors) and slices as the executor will call them;
 *    and that arrays built here read back through procs/array_util.h.
 *
 *    Catalog rows come from t/unit/stubs_array.c.inc (test-only).
 *-------------------------------------------------------------------------
 */
#include "backend/basalt.h"
#include "backend/utils/stringinfo.h"
#include "executor/execnodes.h"
#include "planner/primnodes.h"
#include "procs/array.h"
#include "procs/array_util.h"
#include "procs/funcapi.h"

#include "stubs_array.c.inc"

typedef struct ArrCase
{
    const char *sql;            /* the oracle's expression */
    PGFunction  fn;
    const char *fname;
    const char *mode;           /* see array_oracle.py */
    const char *args[8];        /* typed literals, see make_arg() */
    const char *expected;
} ArrCase;

extern Datum array_agg_finalfn(PG_FUNCTION_ARGS);
extern Datum array_agg_array_finalfn(PG_FUNCTION_ARGS);

/* BEGIN GENERATED CASES */
/* by t/unit/array_oracle.py from PostgreSQL 15: do not edit */
extern Datum array_agg_array_transfn(PG_FUNCTION_ARGS);
extern Datum array_agg_transfn(PG_FUNCTION_ARGS);
extern Datum array_append(PG_FUNCTION_ARGS);
extern Datum array_cardinality(PG_FUNCTION_ARGS);
extern Datum array_cat(PG_FUNCTION_ARGS);
extern Datum array_dims(PG_FUNCTION_ARGS);
extern Datum array_eq(PG_FUNCTION_ARGS);
extern Datum array_fill(PG_FUNCTION_ARGS);
extern Datum array_fill_with_lower_bounds(PG_FUNCTION_ARGS);
extern Datum array_ge(PG_FUNCTION_ARGS);
extern Datum array_gt(PG_FUNCTION_ARGS);
extern Datum array_in(PG_FUNCTION_ARGS);
extern Datum array_larger(PG_FUNCTION_ARGS);
extern Datum array_le(PG_FUNCTION_ARGS);
extern Datum array_length(PG_FUNCTION_ARGS);
extern Datum array_lower(PG_FUNCTION_ARGS);
extern Datum array_lt(PG_FUNCTION_ARGS);
extern Datum array_ndims(PG_FUNCTION_ARGS);
extern Datum array_ne(PG_FUNCTION_ARGS);
extern Datum array_out(PG_FUNCTION_ARGS);
extern Datum array_position(PG_FUNCTION_ARGS);
extern Datum array_position_start(PG_FUNCTION_ARGS);
extern Datum array_positions(PG_FUNCTION_ARGS);
extern Datum array_prepend(PG_FUNCTION_ARGS);
extern Datum array_remove(PG_FUNCTION_ARGS);
extern Datum array_replace(PG_FUNCTION_ARGS);
extern Datum array_send(PG_FUNCTION_ARGS);
extern Datum array_smaller(PG_FUNCTION_ARGS);
extern Datum array_to_text(PG_FUNCTION_ARGS);
extern Datum array_to_text_null(PG_FUNCTION_ARGS);
extern Datum array_unnest(PG_FUNCTION_ARGS);
extern Datum array_upper(PG_FUNCTION_ARGS);
extern Datum arraycontained(PG_FUNCTION_ARGS);
extern Datum arraycontains(PG_FUNCTION_ARGS);
extern Datum arrayoverlap(PG_FUNCTION_ARGS);
extern Datum btarraycmp(PG_FUNCTION_ARGS);
extern Datum generate_subscripts(PG_FUNCTION_ARGS);
extern Datum generate_subscripts_nodir(PG_FUNCTION_ARGS);
extern Datum hash_array(PG_FUNCTION_ARGS);
extern Datum hash_array_extended(PG_FUNCTION_ARGS);
extern Datum text_to_array(PG_FUNCTION_ARGS);
extern Datum text_to_array_null(PG_FUNCTION_ARGS);
extern Datum width_bucket_array(PG_FUNCTION_ARGS);
static const ArrCase cases[] = {
    {"'{1,2,3}'::int[]", array_out, "array_out", "a",
     {"A23:{1,2,3}"}, "{1,2,3}"},
    {"'{{1,2},{3,4}}'::int[]", array_out, "array_out", "a",
     {"A23:{{1,2},{3,4}}"}, "{{1,2},{3,4}}"},
    {"'{{{1},{2}},{{3},{4}}}'::int[]", array_out, "array_out", "a",
     {"A23:{{{1},{2}},{{3},{4}}}"}, "{{{1},{2}},{{3},{4}}}"},
    {"'[0:2]={1,2,3}'::int[]", array_out, "array_out", "a",
     {"A23:[0:2]={1,2,3}"}, "[0:2]={1,2,3}"},
    {"'[1:3]={1,2,3}'::int[]", array_out, "array_out", "a",
     {"A23:[1:3]={1,2,3}"}, "{1,2,3}"},
    {"'[3]={1,2,3}'::int[]", array_out, "array_out", "a",
     {"A23:[3]={1,2,3}"}, "{1,2,3}"},
    {"'[-2:-1][5:6]={{1,2},{3,4}}'::int[]", array_out, "array_out", "a",
     {"A23:[-2:-1][5:6]={{1,2},{3,4}}"}, "[-2:-1][5:6]={{1,2},{3,4}}"},
    {"'[1:2] = {1,2}'::int[]", array_out, "array_out", "a",
     {"A23:[1:2] = {1,2}"}, "{1,2}"},
    {"' { 1 , 2 } '::int[]", array_out, "array_out", "a",
     {"A23: { 1 , 2 } "}, "{1,2}"},
    {"'{}'::int[]", array_out, "array_out", "a",
     {"A23:{}"}, "{}"},
    {"'{ }'::int[]", array_out, "array_out", "a",
     {"A23:{ }"}, "{}"},
    {"'{NULL,2,null}'::int[]", array_out, "array_out", "a",
     {"A23:{NULL,2,null}"}, "{NULL,2,NULL}"},
    {"'{{NULL,NULL},{NULL,1}}'::int[]", array_out, "array_out", "a",
     {"A23:{{NULL,NULL},{NULL,1}}"}, "{{NULL,NULL},{NULL,1}}"},
    {"'{0,0}'::int8[]", array_out, "array_out", "a",
     {"A20:{0,0}"}, "{0,0}"},
    {"'{1.50,NaN,-0.001}'::numeric[]", array_out, "array_out", "a",
     {"A1700:{1.50,NaN,-0.001}"}, "{1.50,NaN,-0.001}"},
    {"'{t,f,NULL}'::bool[]", array_out, "array_out", "a",
     {"A16:{t,f,NULL}"}, "{t,f,NULL}"},
    {"'{1.5,-2e300}'::float8[]", array_out, "array_out", "a",
     {"A701:{1.5,-2e300}"}, "{1.5,-2e+300}"},
    {"$${\"a b\",NULL,\"NULL\",\"\",x,\"\\\"q\\\"\",\"a\\\\b\"}$$::text[]", array_out, "array_out", "a",
     {"A25:{\"a b\",NULL,\"NULL\",\"\",x,\"\\\"q\\\"\",\"a\\\\b\"}"}, "{\"a b\",NULL,\"NULL\",\"\",x,\"\\\"q\\\"\",\"a\\\\b\"}"},
    {"$${\" a \",b  c , d }$$::text[]", array_out, "array_out", "a",
     {"A25:{\" a \",b  c , d }"}, "{\" a \",\"b  c\",d}"},
    {"$${\"{\",\",\",\"}\",nul,NULLx,\"null\"}$$::text[]", array_out, "array_out", "a",
     {"A25:{\"{\",\",\",\"}\",nul,NULLx,\"null\"}"}, "{\"{\",\",\",\"}\",nul,NULLx,\"null\"}"},
    {"$${a\\,b,\\\"c,d\\ }$$::text[]", array_out, "array_out", "a",
     {"A25:{a\\,b,\\\"c,d\\ }"}, "{\"a,b\",\"\\\"c\",\"d \"}"},
    {"$${{\"a\"},{b}}$$::text[]", array_out, "array_out", "a",
     {"A25:{{\"a\"},{b}}"}, "{{a},{b}}"},
    {"$${\"\",\"\"}$$::text[]", array_out, "array_out", "a",
     {"A25:{\"\",\"\"}"}, "{\"\",\"\"}"},
    {"$${é,\"ü ö\"}$$::text[]", array_out, "array_out", "a",
     {"A25:{é,\"ü ö\"}"}, "{é,\"ü ö\"}"},
    {"$${\"multi\nline\",tab\there}$$::text[]", array_out, "array_out", "a",
     {"A25:{\"multi\nline\",tab\there}"}, "{\"multi\nline\",\"tab\there\"}"},
    {"'{ab,cde}'::varchar(3)[]", array_in, "array_in", "a",
     {"c:{ab,cde}", "i:1043", "i:7"}, "{ab,cde}"},
    {"'{1.239,2}'::numeric(5,2)[]", array_in, "array_in", "a",
     {"c:{1.239,2}", "i:1700", "i:327686"}, "{1.24,2.00}"},
    {"'{1,2'::int[]", array_out, "array_out", "a",
     {"A23:{1,2"}, "ERROR 22P02: malformed array literal: \"{1,2\" DETAIL: Unexpected end of input."},
    {"'{1,2}}'::int[]", array_out, "array_out", "a",
     {"A23:{1,2}}"}, "ERROR 22P02: malformed array literal: \"{1,2}}\" DETAIL: Junk after closing right brace."},
    {"'{1,2} x'::int[]", array_out, "array_out", "a",
     {"A23:{1,2} x"}, "ERROR 22P02: malformed array literal: \"{1,2} x\" DETAIL: Junk after closing right brace."},
    {"'{{1,2},3}'::int[]", array_out, "array_out", "a",
     {"A23:{{1,2},3}"}, "ERROR 22P02: malformed array literal: \"{{1,2},3}\" DETAIL: Unexpected array element."},
    {"'{{1},{2,3}}'::int[]", array_out, "array_out", "a",
     {"A23:{{1},{2,3}}"}, "ERROR 22P02: malformed array literal: \"{{1},{2,3}}\" DETAIL: Multidimensional arrays must have sub-arrays with matching dimensions."},
    {"'{{1,2},{{3,4}}}'::int[]", array_out, "array_out", "a",
     {"A23:{{1,2},{{3,4}}}"}, "ERROR 22P02: malformed array literal: \"{{1,2},{{3,4}}}\" DETAIL: Multidimensional arrays must have sub-arrays with matching dimensions."},
    {"'{{{1,2}},{3,4}}'::int[]", array_out, "array_out", "a",
     {"A23:{{{1,2}},{3,4}}"}, "ERROR 22P02: malformed array literal: \"{{{1,2}},{3,4}}\" DETAIL: Multidimensional arrays must have sub-arrays with matching dimensions."},
    {"'1,2'::int[]", array_out, "array_out", "a",
     {"A23:1,2"}, "ERROR 22P02: malformed array literal: \"1,2\" DETAIL: Array value must start with \"{\" or dimension information."},
    {"''::int[]", array_out, "array_out", "a",
     {"A23:"}, "ERROR 22P02: malformed array literal: \"\" DETAIL: Array value must start with \"{\" or dimension information."},
    {"'[1:2]{1,2}'::int[]", array_out, "array_out", "a",
     {"A23:[1:2]{1,2}"}, "ERROR 22P02: malformed array literal: \"[1:2]{1,2}\" DETAIL: Missing \"=\" after array dimensions."},
    {"'[1:2]={1,2,3}'::int[]", array_out, "array_out", "a",
     {"A23:[1:2]={1,2,3}"}, "ERROR 22P02: malformed array literal: \"[1:2]={1,2,3}\" DETAIL: Specified array dimensions do not match array contents."},
    {"'[1:2]={{1},{2}}'::int[]", array_out, "array_out", "a",
     {"A23:[1:2]={{1},{2}}"}, "ERROR 22P02: malformed array literal: \"[1:2]={{1},{2}}\" DETAIL: Specified array dimensions do not match array contents."},
    {"'[1:1]={}'::int[]", array_out, "array_out", "a",
     {"A23:[1:1]={}"}, "ERROR 22P02: malformed array literal: \"[1:1]={}\" DETAIL: Specified array dimensions do not match array contents."},
    {"'[2:1]={}'::int[]", array_out, "array_out", "a",
     {"A23:[2:1]={}"}, "ERROR 2202E: upper bound cannot be less than lower bound"},
    {"'[1:2'::int[]", array_out, "array_out", "a",
     {"A23:[1:2"}, "ERROR 22P02: malformed array literal: \"[1:2\" DETAIL: Missing \"]\" after array dimensions."},
    {"'[a]={1}'::int[]", array_out, "array_out", "a",
     {"A23:[a]={1}"}, "ERROR 22P02: malformed array literal: \"[a]={1}\" DETAIL: \"[\" must introduce explicitly-specified array dimensions."},
    {"'[ 1:2]={1,2}'::int[]", array_out, "array_out", "a",
     {"A23:[ 1:2]={1,2}"}, "ERROR 22P02: malformed array literal: \"[ 1:2]={1,2}\" DETAIL: \"[\" must introduce explicitly-specified array dimensions."},
    {"'[1:]={1,2}'::int[]", array_out, "array_out", "a",
     {"A23:[1:]={1,2}"}, "ERROR 22P02: malformed array literal: \"[1:]={1,2}\" DETAIL: Missing array dimension value."},
    {"'[1:2]='::int[]", array_out, "array_out", "a",
     {"A23:[1:2]="}, "ERROR 22P02: malformed array literal: \"[1:2]=\" DETAIL: Array contents must start with \"{\"."},
    {"'[1:1]=1'::int[]", array_out, "array_out", "a",
     {"A23:[1:1]=1"}, "ERROR 22P02: malformed array literal: \"[1:1]=1\" DETAIL: Array contents must start with \"{\"."},
    {"'[2147483647:2147483647]={1}'::int[]", array_out, "array_out", "a",
     {"A23:[2147483647:2147483647]={1}"}, "ERROR 54000: array lower bound is too large: 2147483647"},
    {"'[-2147483648:2147483647]={1}'::int[]", array_out, "array_out", "a",
     {"A23:[-2147483648:2147483647]={1}"}, "ERROR 22P02: malformed array literal: \"[-2147483648:2147483647]={1}\" DETAIL: Specified array dimensions do not match array contents."},
    {"'[1:1][1:1][1:1][1:1][1:1][1:1][1:1]={}'::int[]", array_out, "array_out", "a",
     {"A23:[1:1][1:1][1:1][1:1][1:1][1:1][1:1]={}"}, "ERROR 54000: number of array dimensions (7) exceeds the maximum allowed (6)"},
    {"'{{{{{{{1}}}}}}}'::int[]", array_out, "array_out", "a",
     {"A23:{{{{{{{1}}}}}}}"}, "ERROR 54000: number of array dimensions (7) exceeds the maximum allowed (6)"},
    {"'{1,,2}'::int[]", array_out, "array_out", "a",
     {"A23:{1,,2}"}, "ERROR 22P02: malformed array literal: \"{1,,2}\" DETAIL: Unexpected \",\" character."},
    {"'{,}'::int[]", array_out, "array_out", "a",
     {"A23:{,}"}, "ERROR 22P02: malformed array literal: \"{,}\" DETAIL: Unexpected \",\" character."},
    {"'{{}}'::int[]", array_out, "array_out", "a",
     {"A23:{{}}"}, "ERROR 22P02: malformed array literal: \"{{}}\" DETAIL: Unexpected \"}\" character."},
    {"'{1,{2}}'::int[]", array_out, "array_out", "a",
     {"A23:{1,{2}}"}, "ERROR 22P02: malformed array literal: \"{1,{2}}\" DETAIL: Unexpected \"{\" character."},
    {"'{\"1\",}'::int[]", array_out, "array_out", "a",
     {"A23:{\"1\",}"}, "ERROR 22P02: malformed array literal: \"{\"1\",}\" DETAIL: Unexpected \"}\" character."},
    {"$${\"a\"b}$$::text[]", array_out, "array_out", "a",
     {"A25:{\"a\"b}"}, "ERROR 22P02: malformed array literal: \"{\"a\"b}\" DETAIL: Unexpected array element."},
    {"$${a\"b\"}$$::text[]", array_out, "array_out", "a",
     {"A25:{a\"b\"}"}, "ERROR 22P02: malformed array literal: \"{a\"b\"}\" DETAIL: Unexpected array element."},
    {"$${\\}$$::text[]", array_out, "array_out", "a",
     {"A25:{\\}"}, "ERROR 22P02: malformed array literal: \"{\\}\" DETAIL: Unexpected end of input."},
    {"$${\"1$$::text[]", array_out, "array_out", "a",
     {"A25:{\"1"}, "ERROR 22P02: malformed array literal: \"{\"1\" DETAIL: Unexpected end of input."},
    {"'{1 2}'::int[]", array_out, "array_out", "a",
     {"A23:{1 2}"}, "ERROR 22P02: invalid input syntax for type integer: \"1 2\""},
    {"'{NULL,\"NULL\"}'::int[]", array_out, "array_out", "a",
     {"A23:{NULL,\"NULL\"}"}, "ERROR 22P02: invalid input syntax for type integer: \"NULL\""},
    {"'{99999999999}'::int[]", array_out, "array_out", "a",
     {"A23:{99999999999}"}, "ERROR 22003: value \"99999999999\" is out of range for type integer"},
    {"array_send('{1,2,3}'::int[])", array_send, "array_send", "y",
     {"A23:{1,2,3}"}, "\\x0000000100000000000000170000000300000001000000040000000100000004000000020000000400000003"},
    {"array_send('[0:1]={NULL,7}'::int[])", array_send, "array_send", "y",
     {"A23:[0:1]={NULL,7}"}, "\\x0000000100000001000000170000000200000000ffffffff0000000400000007"},
    {"array_send('{{a,b},{NULL,dd}}'::text[])", array_send, "array_send", "y",
     {"A25:{{a,b},{NULL,dd}}"}, "\\x0000000200000001000000190000000200000001000000020000000100000001610000000162ffffffff000000026464"},
    {"array_send('{}'::int8[])", array_send, "array_send", "y",
     {"A20:{}"}, "\\x000000000000000000000014"},
    {"'{{a,b},{NULL,dd}}'::text[]", NULL, "", "R",
     {"A25:{{a,b},{NULL,dd}}"}, "{{a,b},{NULL,dd}}"},
    {"'[5:6]={-1,NULL}'::int8[]", NULL, "", "R",
     {"A20:[5:6]={-1,NULL}"}, "[5:6]={-1,NULL}"},
    {"'{}'::int[]", NULL, "", "R",
     {"A23:{}"}, "{}"},
    {"'{1,2}'::int[] = '{1,2}'::int[]", array_eq, "array_eq", "b",
     {"A23:{1,2}", "A23:{1,2}"}, "true"},
    {"'{1,2}'::int[] = '[0:1]={1,2}'::int[]", array_eq, "array_eq", "b",
     {"A23:{1,2}", "A23:[0:1]={1,2}"}, "false"},
    {"'{1,NULL}'::int[] = '{1,NULL}'::int[]", array_eq, "array_eq", "b",
     {"A23:{1,NULL}", "A23:{1,NULL}"}, "true"},
    {"'{1,NULL}'::int[] = '{1,2}'::int[]", array_eq, "array_eq", "b",
     {"A23:{1,NULL}", "A23:{1,2}"}, "false"},
    {"'{1,2}'::int[] <> '{1,3}'::int[]", array_ne, "array_ne", "b",
     {"A23:{1,2}", "A23:{1,3}"}, "true"},
    {"'{a,b}'::text[] = '{a,b}'::text[]", array_eq, "array_eq", "b",
     {"A25:{a,b}", "A25:{a,b}"}, "true"},
    {"'{1,2}'::int[] < '{1,3}'::int[]", array_lt, "array_lt", "b",
     {"A23:{1,2}", "A23:{1,3}"}, "true"},
    {"'{1,2}'::int[] < '{1,2,0}'::int[]", array_lt, "array_lt", "b",
     {"A23:{1,2}", "A23:{1,2,0}"}, "true"},
    {"'{1,NULL}'::int[] > '{1,5}'::int[]", array_gt, "array_gt", "b",
     {"A23:{1,NULL}", "A23:{1,5}"}, "true"},
    {"'{1,2}'::int[] <= '{1,2}'::int[]", array_le, "array_le", "b",
     {"A23:{1,2}", "A23:{1,2}"}, "true"},
    {"'{2}'::int[] >= '{1,9}'::int[]", array_ge, "array_ge", "b",
     {"A23:{2}", "A23:{1,9}"}, "true"},
    {"btarraycmp('{1,2,3,4}'::int[], '{{1,2},{3,4}}'::int[])", btarraycmp, "btarraycmp", "i",
     {"A23:{1,2,3,4}", "A23:{{1,2},{3,4}}"}, "-1"},
    {"btarraycmp('{{1,2},{3,4}}'::int[], '{{1,2,3,4}}'::int[])", btarraycmp, "btarraycmp", "i",
     {"A23:{{1,2},{3,4}}", "A23:{{1,2,3,4}}"}, "1"},
    {"btarraycmp('[0:1]={1,2}'::int[], '{1,2}'::int[])", btarraycmp, "btarraycmp", "i",
     {"A23:[0:1]={1,2}", "A23:{1,2}"}, "-1"},
    {"btarraycmp('{}'::int[], '{1}'::int[])", btarraycmp, "btarraycmp", "i",
     {"A23:{}", "A23:{1}"}, "-1"},
    {"btarraycmp('{b}'::text[], '{a,z}'::text[])", btarraycmp, "btarraycmp", "i",
     {"A25:{b}", "A25:{a,z}"}, "1"},
    {"array_larger('{1,2}'::int[], '{1,3}'::int[])", array_larger, "array_larger", "a",
     {"A23:{1,2}", "A23:{1,3}"}, "{1,3}"},
    {"array_smaller('{1,2}'::int[], '{1,3}'::int[])", array_smaller, "array_smaller", "a",
     {"A23:{1,2}", "A23:{1,3}"}, "{1,2}"},
    {"hash_array('{1,2,3}'::int[])", hash_array, "hash_array", "i",
     {"A23:{1,2,3}"}, "-325393530"},
    {"hash_array('{1,NULL,3}'::int[])", hash_array, "hash_array", "i",
     {"A23:{1,NULL,3}"}, "-1134681668"},
    {"hash_array('{}'::int[])", hash_array, "hash_array", "i",
     {"A23:{}"}, "1"},
    {"hash_array('{a,bc}'::text[])", hash_array, "hash_array", "i",
     {"A25:{a,bc}"}, "12745431"},
    {"hash_array('{1,-5}'::int8[])", hash_array, "hash_array", "i",
     {"A20:{1,-5}"}, "-1809398955"},
    {"hash_array('{1.0,2}'::numeric[])", hash_array, "hash_array", "i",
     {"A1700:{1.0,2}"}, "-2037020077"},
    {"hash_array_extended('{1,2,3}'::int[], 7)", hash_array_extended, "hash_array_extended", "l",
     {"A23:{1,2,3}", "l:7"}, "7348378646088675083"},
    {"hash_array_extended('{a,NULL}'::text[], 0)", hash_array_extended, "hash_array_extended", "l",
     {"A25:{a,NULL}", "l:0"}, "671107133094930736"},
    {"'{1,2,3}'::int[] @> '{3,1}'::int[]", arraycontains, "arraycontains", "b",
     {"A23:{1,2,3}", "A23:{3,1}"}, "true"},
    {"'{1,2,3}'::int[] @> '{3,4}'::int[]", arraycontains, "arraycontains", "b",
     {"A23:{1,2,3}", "A23:{3,4}"}, "false"},
    {"'{1,2,NULL}'::int[] @> '{NULL}'::int[]", arraycontains, "arraycontains", "b",
     {"A23:{1,2,NULL}", "A23:{NULL}"}, "false"},
    {"'{1,2}'::int[] @> '{}'::int[]", arraycontains, "arraycontains", "b",
     {"A23:{1,2}", "A23:{}"}, "true"},
    {"'{{1,2},{3,4}}'::int[] @> '{4}'::int[]", arraycontains, "arraycontains", "b",
     {"A23:{{1,2},{3,4}}", "A23:{4}"}, "true"},
    {"'{1}'::int[] <@ '{1,2}'::int[]", arraycontained, "arraycontained", "b",
     {"A23:{1}", "A23:{1,2}"}, "true"},
    {"'{1,5}'::int[] && '{5,6}'::int[]", arrayoverlap, "arrayoverlap", "b",
     {"A23:{1,5}", "A23:{5,6}"}, "true"},
    {"'{1,NULL}'::int[] && '{NULL}'::int[]", arrayoverlap, "arrayoverlap", "b",
     {"A23:{1,NULL}", "A23:{NULL}"}, "false"},
    {"'{a,b}'::text[] && '{c,b}'::text[]", arrayoverlap, "arrayoverlap", "b",
     {"A25:{a,b}", "A25:{c,b}"}, "true"},
    {"array_append('{1,2}'::int[], 3)", array_append, "array_append", "a",
     {"A23:{1,2}", "i:3"}, "{1,2,3}"},
    {"array_append('[0:1]={1,2}'::int[], NULL)", array_append, "array_append", "a",
     {"A23:[0:1]={1,2}", "N:23"}, "[0:2]={1,2,NULL}"},
    {"array_append('{}'::int[], 3)", array_append, "array_append", "a",
     {"A23:{}", "i:3"}, "{3}"},
    {"array_append(NULL::int[], 3)", array_append, "array_append", "a",
     {"NA23", "i:3"}, "{3}"},
    {"array_append('{{1}}'::int[], 3)", array_append, "array_append", "a",
     {"A23:{{1}}", "i:3"}, "ERROR 22000: argument must be empty or one-dimensional array"},
    {"array_append('{a}'::text[], 'b c')", array_append, "array_append", "a",
     {"A25:{a}", "t:b c"}, "{a,\"b c\"}"},
    {"array_prepend(0, '{1,2}'::int[])", array_prepend, "array_prepend", "a",
     {"i:0", "A23:{1,2}"}, "{0,1,2}"},
    {"array_prepend(0, '[5:6]={1,2}'::int[])", array_prepend, "array_prepend", "a",
     {"i:0", "A23:[5:6]={1,2}"}, "[5:7]={0,1,2}"},
    {"array_prepend(0, NULL::int[])", array_prepend, "array_prepend", "a",
     {"i:0", "NA23"}, "{0}"},
    {"array_prepend('x', '{}'::text[])", array_prepend, "array_prepend", "a",
     {"t:x", "A25:{}"}, "{x}"},
    {"'{1,2}'::int[] || '{3}'::int[]", array_cat, "array_cat", "a",
     {"A23:{1,2}", "A23:{3}"}, "{1,2,3}"},
    {"'{{1,2}}'::int[] || '{3,4}'::int[]", array_cat, "array_cat", "a",
     {"A23:{{1,2}}", "A23:{3,4}"}, "{{1,2},{3,4}}"},
    {"'{3,4}'::int[] || '{{1,2}}'::int[]", array_cat, "array_cat", "a",
     {"A23:{3,4}", "A23:{{1,2}}"}, "{{3,4},{1,2}}"},
    {"'{{1,2}}'::int[] || '{{3,4}}'::int[]", array_cat, "array_cat", "a",
     {"A23:{{1,2}}", "A23:{{3,4}}"}, "{{1,2},{3,4}}"},
    {"'[0:1]={1,NULL}'::int[] || '[7:7]={3}'::int[]", array_cat, "array_cat", "a",
     {"A23:[0:1]={1,NULL}", "A23:[7:7]={3}"}, "[0:2]={1,NULL,3}"},
    {"'{}'::int[] || '{3}'::int[]", array_cat, "array_cat", "a",
     {"A23:{}", "A23:{3}"}, "{3}"},
    {"NULL::int[] || '{3}'::int[]", array_cat, "array_cat", "a",
     {"NA23", "A23:{3}"}, "{3}"},
    {"'{a,bb}'::text[] || '{NULL,ccc}'::text[]", array_cat, "array_cat", "a",
     {"A25:{a,bb}", "A25:{NULL,ccc}"}, "{a,bb,NULL,ccc}"},
    {"'{{1,2}}'::int[] || '{3}'::int[]", array_cat, "array_cat", "a",
     {"A23:{{1,2}}", "A23:{3}"}, "ERROR 2202E: cannot concatenate incompatible arrays DETAIL: Arrays with differing dimensions are not compatible for concatenation."},
    {"'{{1,2}}'::int[] || '{{3}}'::int[]", array_cat, "array_cat", "a",
     {"A23:{{1,2}}", "A23:{{3}}"}, "ERROR 2202E: cannot concatenate incompatible arrays DETAIL: Arrays with differing element dimensions are not compatible for concatenation."},
    {"'{{{1}}}'::int[] || '{3}'::int[]", array_cat, "array_cat", "a",
     {"A23:{{{1}}}", "A23:{3}"}, "ERROR 2202E: cannot concatenate incompatible arrays DETAIL: Arrays of 3 and 1 dimensions are not compatible for concatenation."},
    {"array_ndims('{{1},{2}}'::int[])", array_ndims, "array_ndims", "i",
     {"A23:{{1},{2}}"}, "2"},
    {"array_ndims('{}'::int[])", array_ndims, "array_ndims", "i",
     {"A23:{}"}, "<NULL>"},
    {"array_dims('[0:1][2:4]={{1,2,3},{4,5,6}}'::int[])", array_dims, "array_dims", "t",
     {"A23:[0:1][2:4]={{1,2,3},{4,5,6}}"}, "[0:1][2:4]"},
    {"array_dims('{}'::int[])", array_dims, "array_dims", "t",
     {"A23:{}"}, "<NULL>"},
    {"array_length('{{1,2,3},{4,5,6}}'::int[], 2)", array_length, "array_length", "i",
     {"A23:{{1,2,3},{4,5,6}}", "i:2"}, "3"},
    {"array_length('{1,2}'::int[], 2)", array_length, "array_length", "i",
     {"A23:{1,2}", "i:2"}, "<NULL>"},
    {"array_length('{}'::int[], 1)", array_length, "array_length", "i",
     {"A23:{}", "i:1"}, "<NULL>"},
    {"array_lower('[-3:-1]={1,2,3}'::int[], 1)", array_lower, "array_lower", "i",
     {"A23:[-3:-1]={1,2,3}", "i:1"}, "-3"},
    {"array_upper('[-3:-1]={1,2,3}'::int[], 1)", array_upper, "array_upper", "i",
     {"A23:[-3:-1]={1,2,3}", "i:1"}, "-1"},
    {"array_upper('{1}'::int[], 0)", array_upper, "array_upper", "i",
     {"A23:{1}", "i:0"}, "<NULL>"},
    {"cardinality('{{1,2},{3,4}}'::int[])", array_cardinality, "array_cardinality", "i",
     {"A23:{{1,2},{3,4}}"}, "4"},
    {"cardinality('{}'::int[])", array_cardinality, "array_cardinality", "i",
     {"A23:{}"}, "0"},
    {"array_position('{a,b,c,b}'::text[], 'b')", array_position, "array_position", "i",
     {"A25:{a,b,c,b}", "t:b"}, "2"},
    {"array_position('{a,b,c,b}'::text[], 'b', 3)", array_position_start, "array_position_start", "i",
     {"A25:{a,b,c,b}", "t:b", "i:3"}, "4"},
    {"array_position('[0:2]={1,NULL,3}'::int[], NULL)", array_position, "array_position", "i",
     {"A23:[0:2]={1,NULL,3}", "N:23"}, "1"},
    {"array_position('{1,2}'::int[], 5)", array_position, "array_position", "i",
     {"A23:{1,2}", "i:5"}, "<NULL>"},
    {"array_position('{}'::int[], 5)", array_position, "array_position", "i",
     {"A23:{}", "i:5"}, "<NULL>"},
    {"array_position('{{1}}'::int[], 1)", array_position, "array_position", "i",
     {"A23:{{1}}", "i:1"}, "ERROR 0A000: searching for elements in multidimensional arrays is not supported"},
    {"array_position('{1}'::int[], 1, NULL)", array_position_start, "array_position_start", "i",
     {"A23:{1}", "i:1", "N:23"}, "ERROR 22004: initial position must not be null"},
    {"array_positions('{1,2,1,NULL,1}'::int[], 1)", array_positions, "array_positions", "a",
     {"A23:{1,2,1,NULL,1}", "i:1"}, "{1,3,5}"},
    {"array_positions('{1,2,1,NULL,1}'::int[], NULL)", array_positions, "array_positions", "a",
     {"A23:{1,2,1,NULL,1}", "N:23"}, "{4}"},
    {"array_positions('{1,2}'::int[], 7)", array_positions, "array_positions", "a",
     {"A23:{1,2}", "i:7"}, "{}"},
    {"array_positions('{}'::int[], 7)", array_positions, "array_positions", "a",
     {"A23:{}", "i:7"}, "{}"},
    {"array_remove('{1,2,3,2}'::int[], 2)", array_remove, "array_remove", "a",
     {"A23:{1,2,3,2}", "i:2"}, "{1,3}"},
    {"array_remove('[3:5]={1,NULL,2}'::int[], NULL)", array_remove, "array_remove", "a",
     {"A23:[3:5]={1,NULL,2}", "N:23"}, "[3:4]={1,2}"},
    {"array_remove('{2,2}'::int[], 2)", array_remove, "array_remove", "a",
     {"A23:{2,2}", "i:2"}, "{}"},
    {"array_remove('{a,b}'::text[], 'z')", array_remove, "array_remove", "a",
     {"A25:{a,b}", "t:z"}, "{a,b}"},
    {"array_remove('{{1,2}}'::int[], 2)", array_remove, "array_remove", "a",
     {"A23:{{1,2}}", "i:2"}, "ERROR 0A000: removing elements from multidimensional arrays is not supported"},
    {"array_replace('{1,2,5,4}'::int[], 5, 3)", array_replace, "array_replace", "a",
     {"A23:{1,2,5,4}", "i:5", "i:3"}, "{1,2,3,4}"},
    {"array_replace('{{1,NULL},{NULL,4}}'::int[], NULL, 0)", array_replace, "array_replace", "a",
     {"A23:{{1,NULL},{NULL,4}}", "N:23", "i:0"}, "{{1,0},{0,4}}"},
    {"array_replace('{a,b}'::text[], 'b', NULL)", array_replace, "array_replace", "a",
     {"A25:{a,b}", "t:b", "N:25"}, "{a,NULL}"},
    {"array_fill(7, '{2,3}')", array_fill, "array_fill", "a",
     {"i:7", "A23:{2,3}"}, "{{7,7,7},{7,7,7}}"},
    {"array_fill(7, '{3}', '{0}')", array_fill_with_lower_bounds, "array_fill_with_lower_bounds", "a",
     {"i:7", "A23:{3}", "A23:{0}"}, "[0:2]={7,7,7}"},
    {"array_fill(NULL::int, '{2}')", array_fill, "array_fill", "a",
     {"N:23", "A23:{2}"}, "{NULL,NULL}"},
    {"array_fill('x'::text, '{2}', '{-1}')", array_fill_with_lower_bounds, "array_fill_with_lower_bounds", "a",
     {"t:x", "A23:{2}", "A23:{-1}"}, "[-1:0]={x,x}"},
    {"array_fill(1, '{}')", array_fill, "array_fill", "a",
     {"i:1", "A23:{}"}, "{}"},
    {"array_fill(1, '{NULL}')", array_fill, "array_fill", "a",
     {"i:1", "A23:{NULL}"}, "ERROR 22004: dimension values cannot be null"},
    {"array_fill(1, '{1,2}', '{1}')", array_fill_with_lower_bounds, "array_fill_with_lower_bounds", "a",
     {"i:1", "A23:{1,2}", "A23:{1}"}, "ERROR 2202E: wrong number of array subscripts DETAIL: Low bound array has different size than dimensions array."},
    {"width_bucket(5, '{1,3,5,7}'::int[])", width_bucket_array, "width_bucket_array", "i",
     {"i:5", "A23:{1,3,5,7}"}, "3"},
    {"width_bucket(0, '{1,3,5,7}'::int[])", width_bucket_array, "width_bucket_array", "i",
     {"i:0", "A23:{1,3,5,7}"}, "0"},
    {"width_bucket(9, '{1,3,5,7}'::int[])", width_bucket_array, "width_bucket_array", "i",
     {"i:9", "A23:{1,3,5,7}"}, "4"},
    {"string_to_array('a,b,,c', ',')", text_to_array, "text_to_array", "a",
     {"t:a,b,,c", "t:,"}, "{a,b,\"\",c}"},
    {"string_to_array('a<>b<>c', '<>')", text_to_array, "text_to_array", "a",
     {"t:a<>b<>c", "t:<>"}, "{a,b,c}"},
    {"string_to_array('abc', '')", text_to_array, "text_to_array", "a",
     {"t:abc", "t:"}, "{abc}"},
    {"string_to_array('', ',')", text_to_array, "text_to_array", "a",
     {"t:", "t:,"}, "{}"},
    {"string_to_array('héy', NULL)", text_to_array, "text_to_array", "a",
     {"t:héy", "N:25"}, "{h,é,y}"},
    {"string_to_array('a,*,c', ',', '*')", text_to_array_null, "text_to_array_null", "a",
     {"t:a,*,c", "t:,", "t:*"}, "{a,NULL,c}"},
    {"string_to_array('a,,c', ',', '')", text_to_array_null, "text_to_array_null", "a",
     {"t:a,,c", "t:,", "t:"}, "{a,NULL,c}"},
    {"string_to_array('a, b', ',')", text_to_array, "text_to_array", "a",
     {"t:a, b", "t:,"}, "{a,\" b\"}"},
    {"string_to_array(NULL, ',')", text_to_array, "text_to_array", "a",
     {"N:25", "t:,"}, "<NULL>"},
    {"array_to_string('{1,NULL,3}'::int[], '-')", array_to_text, "array_to_text", "t",
     {"A23:{1,NULL,3}", "t:-"}, "1-3"},
    {"array_to_string('{1,NULL,3}'::int[], '-', '*')", array_to_text_null, "array_to_text_null", "t",
     {"A23:{1,NULL,3}", "t:-", "t:*"}, "1-*-3"},
    {"array_to_string('{{a,b},{c,d}}'::text[], ', ')", array_to_text, "array_to_text", "t",
     {"A25:{{a,b},{c,d}}", "t:, "}, "a, b, c, d"},
    {"array_to_string('{NULL,NULL}'::text[], ',')", array_to_text, "array_to_text", "t",
     {"A25:{NULL,NULL}", "t:,"}, ""},
    {"array_to_string('{}'::int[], ',')", array_to_text, "array_to_text", "t",
     {"A23:{}", "t:,"}, ""},
    {"array_to_string('{1.50,2}'::numeric[], '')", array_to_text, "array_to_text", "t",
     {"A1700:{1.50,2}", "t:"}, "1.502"},
    {"unnest('{{1,NULL},{3,4}}'::int[])", array_unnest, "array_unnest", "S",
     {"A23:{{1,NULL},{3,4}}"}, "1|<NULL>|3|4"},
    {"unnest('{a,\"b c\",NULL}'::text[])", array_unnest, "array_unnest", "S",
     {"A25:{a,\"b c\",NULL}"}, "a|b c|<NULL>"},
    {"unnest('{}'::int[])", array_unnest, "array_unnest", "S",
     {"A23:{}"}, ""},
    {"generate_subscripts('[-1:1]={1,2,3}'::int[], 1)", generate_subscripts_nodir, "generate_subscripts_nodir", "s",
     {"A23:[-1:1]={1,2,3}", "i:1"}, "-1|0|1"},
    {"generate_subscripts('{{1,2,3},{4,5,6}}'::int[], 2, true)", generate_subscripts, "generate_subscripts", "s",
     {"A23:{{1,2,3},{4,5,6}}", "i:2", "B:t"}, "3|2|1"},
    {"generate_subscripts('{1,2}'::int[], 2)", generate_subscripts_nodir, "generate_subscripts_nodir", "s",
     {"A23:{1,2}", "i:2"}, ""},
    {"(select array_agg(x) from (values (1),(NULL),(3)) v(x))", array_agg_transfn, "array_agg_transfn", "g",
     {"i:1", "N:23", "i:3"}, "{1,NULL,3}"},
    {"(select array_agg(x) from (values ('a'::text),('b c')) v(x))", array_agg_transfn, "array_agg_transfn", "g",
     {"t:a", "t:b c"}, "{a,\"b c\"}"},
    {"(select array_agg(x) from (values ('{1,2}'::int[]),('{3,NULL}')) v(x))", array_agg_array_transfn, "array_agg_array_transfn", "g",
     {"A23:{1,2}", "A23:{3,NULL}"}, "{{1,2},{3,NULL}}"},
    {"(select array_agg(x) from (values ('[0:1]={a,b}'::text[]),('[0:1]={c,d}')) v(x))", array_agg_array_transfn, "array_agg_array_transfn", "g",
     {"A25:[0:1]={a,b}", "A25:[0:1]={c,d}"}, "[1:2][0:1]={{a,b},{c,d}}"},
    {"(select array_agg(x) from (values ('{1,2}'::int[]),('{3}')) v(x))", array_agg_array_transfn, "array_agg_array_transfn", "g",
     {"A23:{1,2}", "A23:{3}"}, "ERROR 2202E: cannot accumulate arrays of different dimensionality"},
    {"(select array_agg(x) from (values ('{1,2}'::int[]),(NULL)) v(x))", array_agg_array_transfn, "array_agg_array_transfn", "g",
     {"A23:{1,2}", "NA23"}, "ERROR 22004: cannot accumulate null arrays"},
    {"(select array_agg(x) from (values ('{}'::int[])) v(x))", array_agg_array_transfn, "array_agg_array_transfn", "g",
     {"A23:{}"}, "ERROR 2202E: cannot accumulate empty arrays"},
    {"('{1,2,3}'::int[])[2]", NULL, "", "G",
     {"A23:{1,2,3}", "i:2"}, "2"},
    {"('{1,2,3}'::int[])[4]", NULL, "", "G",
     {"A23:{1,2,3}", "i:4"}, "<NULL>"},
    {"('{{1,2},{3,4}}'::int[])[2][1]", NULL, "", "G",
     {"A23:{{1,2},{3,4}}", "i:2", "i:1"}, "3"},
    {"('{{1,2},{3,4}}'::int[])[2]", NULL, "", "G",
     {"A23:{{1,2},{3,4}}", "i:2"}, "<NULL>"},
    {"('[0:1]={a,NULL}'::text[])[1]", NULL, "", "G",
     {"A25:[0:1]={a,NULL}", "i:1"}, "<NULL>"},
    {"('[0:1]={a,bb}'::text[])[1]", NULL, "", "G",
     {"A25:[0:1]={a,bb}", "i:1"}, "bb"},
    {"create temp table t(a int[]); insert into t values ('{1,2}'::int[]); update t set a[5] = 9 returning coalesce(a::text, '<NULL>')", NULL, "", "P",
     {"A23:{1,2}", "i:9", "i:5"}, "{1,2,NULL,NULL,9}"},
    {"create temp table t(a int[]); insert into t values ('{1,2}'::int[]); update t set a[-1] = 9 returning coalesce(a::text, '<NULL>')", NULL, "", "P",
     {"A23:{1,2}", "i:9", "i:-1"}, "[-1:2]={9,NULL,1,2}"},
    {"create temp table t(a int[]); insert into t values ('{{1,2},{3,4}}'::int[]); update t set a[2][1] = 9 returning coalesce(a::text, '<NULL>')", NULL, "", "P",
     {"A23:{{1,2},{3,4}}", "i:9", "i:2", "i:1"}, "{{1,2},{9,4}}"},
    {"create temp table t(a int[]); insert into t values ('{{1,2},{3,4}}'::int[]); update t set a[3][1] = 9 returning coalesce(a::text, '<NULL>')", NULL, "", "P",
     {"A23:{{1,2},{3,4}}", "i:9", "i:3", "i:1"}, "ERROR 2202E: array subscript out of range"},
    {"create temp table t(a int[]); insert into t values ('{}'::int[]); update t set a[3][-2] = 9 returning coalesce(a::text, '<NULL>')", NULL, "", "P",
     {"A23:{}", "i:9", "i:3", "i:-2"}, "[3:3][-2:-2]={{9}}"},
    {"create temp table t(a text[]); insert into t values ('{a,b}'::text[]); update t set a[1] = NULL returning coalesce(a::text, '<NULL>')", NULL, "", "P",
     {"A25:{a,b}", "N:25", "i:1"}, "{NULL,b}"},
    {"('{1,2,3,4,5}'::int[])[2:3]", NULL, "", "L",
     {"A23:{1,2,3,4,5}", "i:2", "i:3"}, "{2,3}"},
    {"('{1,2,3,4,5}'::int[])[:2]", NULL, "", "L",
     {"A23:{1,2,3,4,5}", "N:23", "i:2"}, "{1,2}"},
    {"('{1,2,3,4,5}'::int[])[4:]", NULL, "", "L",
     {"A23:{1,2,3,4,5}", "i:4", "N:23"}, "{4,5}"},
    {"('{1,2,3,4,5}'::int[])[0:99]", NULL, "", "L",
     {"A23:{1,2,3,4,5}", "i:0", "i:99"}, "{1,2,3,4,5}"},
    {"('{1,2,3,4,5}'::int[])[4:2]", NULL, "", "L",
     {"A23:{1,2,3,4,5}", "i:4", "i:2"}, "{}"},
    {"('{{1,2,3},{4,5,6}}'::int[])[2:2][2:3]", NULL, "", "L",
     {"A23:{{1,2,3},{4,5,6}}", "i:2", "i:2", "i:2", "i:3"}, "{{5,6}}"},
    {"('{{1,2,3},{4,5,6}}'::int[])[1:1]", NULL, "", "L",
     {"A23:{{1,2,3},{4,5,6}}", "i:1", "i:1"}, "{{1,2,3}}"},
    {"create temp table t(a int[]); insert into t values ('{1,2,3,4,5}'::int[]); update t set a[2:3] = '{8,9}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{1,2,3,4,5}", "A23:{8,9}", "i:2", "i:3"}, "{1,8,9,4,5}"},
    {"create temp table t(a int[]); insert into t values ('{1,2}'::int[]); update t set a[4:5] = '{8,9}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{1,2}", "A23:{8,9}", "i:4", "i:5"}, "{1,2,NULL,8,9}"},
    {"create temp table t(a int[]); insert into t values ('{1,2}'::int[]); update t set a[1:2] = '{8}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{1,2}", "A23:{8}", "i:1", "i:2"}, "ERROR 2202E: source array too small"},
    {"create temp table t(a int[]); insert into t values ('{}'::int[]); update t set a[0:1] = '{8,9,10}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{}", "A23:{8,9,10}", "i:0", "i:1"}, "[0:1]={8,9}"},
    {"create temp table t(a int[]); insert into t values ('{}'::int[]); update t set a[:1] = '{8,9}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{}", "A23:{8,9}", "N:23", "i:1"}, "ERROR 2202E: array slice subscript must provide both boundaries DETAIL: When assigning to a slice of an empty array value, slice boundaries must be fully specified."},
    {"create temp table t(a int[]); insert into t values ('{{1,2},{3,4}}'::int[]); update t set a[1:2][2:2] = '{7,8}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{{1,2},{3,4}}", "A23:{7,8}", "i:1", "i:2", "i:2", "i:2"}, "{{1,7},{3,8}}"},
    {"create temp table t(a int[]); insert into t values ('{{1,2},{3,4}}'::int[]); update t set a[1:3][2:2] = '{7,8}'::int[] returning coalesce(a::text, '<NULL>')", NULL, "", "Q",
     {"A23:{{1,2},{3,4}}", "A23:{7,8}", "i:1", "i:3", "i:2", "i:2"}, "ERROR 2202E: array subscript out of range"},
};
/* END GENERATED CASES */

/* ---------------------------------------------------------------- arguments */

typedef struct Arg
{
    Datum       value;
    bool        isnull;
    Oid         type;           /* for fn_expr (polymorphic resolution) */
    Oid         elemtype;       /* arrays: element type */
} Arg;

static Datum
array_from_text(const char *text, Oid elemtype)
{
    return DirectFunctionCall3(array_in, CStringGetDatum(text), ObjectIdGetDatum(elemtype),
                               Int32GetDatum(-1));
}

static Arg
make_arg(const char *spec)
{
    Arg a = {0, false, InvalidOid, InvalidOid};

    if (spec[0] == 'A')
    {
        char *colon = strchr(spec, ':');

        a.elemtype = (Oid) atoi(spec + 1);
        a.type = get_array_type(a.elemtype);
        a.value = array_from_text(colon + 1, a.elemtype);
    }
    else if (spec[0] == 'N' && spec[1] == 'A')
    {
        a.elemtype = (Oid) atoi(spec + 2);
        a.type = get_array_type(a.elemtype);
        a.isnull = true;
    }
    else if (spec[0] == 'N')
    {
        a.type = (Oid) atoi(spec + 2);
        a.isnull = true;
    }
    else if (spec[0] == 'i')
    {
        a.type = 23;
        a.value = Int32GetDatum(atoi(spec + 2));
    }
    else if (spec[0] == 'l')
    {
        a.type = 20;
        a.value = Int64GetDatum(strtoll(spec + 2, NULL, 10));
    }
    else if (spec[0] == 't')
    {
        a.type = 25;
        a.value = CStringGetTextDatum(spec + 2);
    }
    else if (spec[0] == 'c')
    {
        a.type = 2275;
        a.value = CStringGetDatum(pstrdup(spec + 2));
    }
    else if (spec[0] == 'B')
    {
        a.type = 16;
        a.value = BoolGetDatum(spec[2] == 't');
    }
    else if (spec[0] == 'n')
    {
        a.type = 1700;
        a.value = DirectFunctionCall3(numeric_in, CStringGetDatum(spec + 2), 0, Int32GetDatum(-1));
    }
    else
        elog(ERROR, "bad test argument \"%s\"", spec);
    return a;
}

/* A FuncExpr whose arguments are Consts of the argument types. */
static Node *
make_fn_expr(const Arg *args, int nargs)
{
    FuncExpr   *f = makeNode(FuncExpr);

    for (int i = 0; i < nargs; i++)
    {
        Const *c = makeNode(Const);

        c->consttype = args[i].type;
        c->constisnull = true;
        f->args = lappend(f->args, c);
    }
    return (Node *) f;
}

static char *
output_of(Oid type, Datum d)
{
    Oid     out;
    bool    isvarlena;

    getTypeOutputInfo(type, &out, &isvarlena);
    return OidOutputFunctionCall(out, d);
}

static char *
bytea_hex(bytea *b)
{
    StringInfoData s;

    initStringInfo(&s);
    appendStringInfoString(&s, "\\x");
    for (int i = 0; i < (int) VARSIZE_ANY_EXHDR(b); i++)
        appendStringInfo(&s, "%02x", (unsigned char) VARDATA(b)[i]);
    return s.data;
}

/* ---------------------------------------------------------------- running a case */

static const ArrCase *cur;
static char *cur_result;

static void
set_result_array(Datum d, bool isnull)
{
    cur_result = isnull ? "<NULL>" : DatumGetCString(DirectFunctionCall1(array_out, d));
}

static void
run_srf(FmgrInfo *flinfo, Arg *args, int nargs, Oid resulttype)
{
    ReturnSetInfo rsi;
    StringInfoData out;
    bool        first = true;
    LOCAL_FCINFO(fc, 8);

    memset(&rsi, 0, sizeof(rsi));
    rsi.type = T_ReturnSetInfo;
    rsi.allowedModes = SFRM_ValuePerCall;
    initStringInfo(&out);
    for (;;)
    {
        Datum d;

        InitFunctionCallInfoData(*fc, flinfo, nargs, InvalidOid, NULL, (Node *) &rsi);
        for (int i = 0; i < nargs; i++)
        {
            fc->args[i].value = args[i].value;
            fc->args[i].isnull = args[i].isnull;
        }
        rsi.isDone = ExprSingleResult;
        d = flinfo->fn_addr(fc);
        if (rsi.isDone == ExprEndResult)
            break;
        if (!first)
            appendStringInfoChar(&out, '|');
        first = false;
        appendStringInfoString(&out, fc->isnull ? "<NULL>" : output_of(resulttype, d));
    }
    cur_result = out.data;
}

static void
run_agg(Arg *args, int nargs)
{
    MemoryContext aggcxt = AllocSetContextCreate(CurrentMemoryContext, "test agg");
    bool        is_array = cur->fn != array_agg_transfn;
    PGFunction  finalfn = is_array ? array_agg_array_finalfn : array_agg_finalfn;
    Aggref     *aggref = makeNode(Aggref);
    FmgrInfo    flinfo;
    Datum       state = (Datum) 0;
    bool        state_null = true;
    LOCAL_FCINFO(fc, 2);

    aggref->aggargtypes = list_make1_oid(args[0].type);
    memset(&flinfo, 0, sizeof(flinfo));
    flinfo.fn_mcxt = CurrentMemoryContext;
    flinfo.fn_expr = (Node *) aggref;

    stub_aggcontext = aggcxt;
    for (int i = 0; i < nargs; i++)
    {
        flinfo.fn_addr = cur->fn;
        InitFunctionCallInfoData(*fc, &flinfo, 2, InvalidOid, NULL, NULL);
        fc->args[0].value = state;
        fc->args[0].isnull = state_null;
        fc->args[1].value = args[i].value;
        fc->args[1].isnull = args[i].isnull;
        state = cur->fn(fc);
        state_null = fc->isnull;
    }
    flinfo.fn_addr = finalfn;
    InitFunctionCallInfoData(*fc, &flinfo, 2, InvalidOid, NULL, NULL);
    fc->args[0].value = state;
    fc->args[0].isnull = state_null;
    fc->args[1].isnull = true;
    {
        Datum d = finalfn(fc);

        set_result_array(d, fc->isnull);
    }
    stub_aggcontext = NULL;
}

/* Subscripts from i: arguments (N: = omitted, reported in *provided). */
static int
subscripts(Arg *args, int nargs, int *indx, bool *provided)
{
    for (int i = 0; i < nargs; i++)
    {
        indx[i] = DatumGetInt32(args[i].value);
        if (provided)
            provided[i] = !args[i].isnull;
    }
    return nargs;
}

static void
run_subscript(Arg *args, int nargs)
{
    ArrayMetaState info = {InvalidOid};
    int         indx[16];
    bool        provided[16];
    Oid         elemtype = args[0].elemtype;
    Datum       d;
    bool        isnull = false;

    array_elem_info(&info, elemtype);
    switch (cur->mode[0])
    {
        case 'G':
        {
            int n = subscripts(args + 1, nargs - 1, indx, NULL);

            d = array_get_element(args[0].value, n, indx, -1, info.typlen, info.typbyval,
                                  info.typalign, &isnull);
            cur_result = isnull ? "<NULL>" : output_of(elemtype, d);
            return;
        }
        case 'P':
        {
            int n = subscripts(args + 2, nargs - 2, indx, NULL);

            d = array_set_element(args[0].value, n, indx, args[1].value, args[1].isnull, -1,
                                  info.typlen, info.typbyval, info.typalign);
            set_result_array(d, false);
            return;
        }
        case 'L':
        case 'Q':
        {
            int     first = cur->mode[0] == 'L' ? 1 : 2;
            int     n = subscripts(args + first, nargs - first, indx, provided);
            int     lo[8], hi[8];
            bool    lop[8], hip[8];

            for (int i = 0; i < n / 2; i++)
            {
                lo[i] = indx[2 * i];
                lop[i] = provided[2 * i];
                hi[i] = indx[2 * i + 1];
                hip[i] = provided[2 * i + 1];
            }
            if (first == 1)
                d = array_get_slice(args[0].value, n / 2, hi, lo, hip, lop, -1, info.typlen,
                                    info.typbyval, info.typalign);
            else
                d = array_set_slice(args[0].value, n / 2, hi, lo, hip, lop, args[1].value,
                                    args[1].isnull, -1, info.typlen, info.typbyval,
                                    info.typalign);
            set_result_array(d, false);
            return;
        }
        default:
        {
            /* R: binary round trip */
            bytea      *b = DatumGetByteaP(DirectFunctionCall1(array_send, args[0].value));
            StringInfoData buf;

            initStringInfo(&buf);
            appendBinaryStringInfo(&buf, VARDATA(b), VARSIZE_ANY_EXHDR(b));
            d = DirectFunctionCall3(array_recv, PointerGetDatum(&buf),
                                    ObjectIdGetDatum(elemtype), Int32GetDatum(-1));
            if (buf.cursor != buf.len)
                elog(ERROR, "array_recv left %d bytes", buf.len - buf.cursor);
            set_result_array(d, false);
            return;
        }
    }
}

static void
run_case(void *unused)
{
    Arg         args[8];
    int         nargs = 0;
    FmgrInfo    flinfo;
    Datum       d;
    LOCAL_FCINFO(fc, 8);

    while (nargs < 8 && cur->args[nargs] != NULL)
    {
        args[nargs] = make_arg(cur->args[nargs]);
        nargs++;
    }

    switch (cur->mode[0])
    {
        case 'g':
            run_agg(args, nargs);
            return;
        case 'G':
        case 'P':
        case 'L':
        case 'Q':
        case 'R':
            run_subscript(args, nargs);
            return;
        default:
            break;
    }

    memset(&flinfo, 0, sizeof(flinfo));
    flinfo.fn_addr = cur->fn;
    flinfo.fn_nargs = (short) nargs;
    flinfo.fn_mcxt = CurrentMemoryContext;
    flinfo.fn_expr = make_fn_expr(args, nargs);

    if (cur->mode[0] == 's' || cur->mode[0] == 'S')
    {
        run_srf(&flinfo, args, nargs, cur->mode[0] == 's' ? 23 : args[0].elemtype);
        return;
    }

    InitFunctionCallInfoData(*fc, &flinfo, nargs, 100, NULL, NULL);
    for (int i = 0; i < nargs; i++)
    {
        fc->args[i].value = args[i].value;
        fc->args[i].isnull = args[i].isnull;
    }
    d = cur->fn(fc);
    if (fc->isnull)
    {
        cur_result = "<NULL>";
        return;
    }
    switch (cur->mode[0])
    {
        case 'a':
            if (cur->fn == array_out)
                cur_result = DatumGetCString(d);
            else
                set_result_array(d, false);
            break;
        case 'i': cur_result = psprintf("%d", DatumGetInt32(d)); break;
        case 'l': cur_result = psprintf("%lld", (long long) DatumGetInt64(d)); break;
        case 'b': cur_result = DatumGetBool(d) ? "true" : "false"; break;
        case 't': cur_result = text_to_cstring(DatumGetTextP(d)); break;
        case 'y': cur_result = bytea_hex(DatumGetByteaP(d)); break;
        default: elog(ERROR, "bad mode %s", cur->mode);
    }
}

/* A TAP description must stay on one line. */
static const char *
tap_name(const char *s)
{
    StringInfoData buf;

    initStringInfo(&buf);
    for (; *s; s++)
    {
        if (*s == '\n')
            appendStringInfoString(&buf, "\\n");
        else if (*s == '\t')
            appendStringInfoString(&buf, "\\t");
        else if (*s == '#')
            appendStringInfoString(&buf, "(hash)");
        else
            appendStringInfoChar(&buf, *s);
    }
    return buf.data;
}

static void
test_generated(void)
{
    for (int i = 0; i < (int) lengthof(cases); i++)
    {
        char *err;

        cur = &cases[i];
        cur_result = NULL;
        err = call_error(run_case, NULL);
        if (err)
            cur_result = psprintf("ERROR %s", err);
        is_str(cur_result, cur->expected, tap_name(cur->sql[0] ? cur->sql : cur->fname));
    }
}

/* ---------------------------------------------------------------- layout */

/*
 * Sizes PostgreSQL reports with pg_column_size (an in-memory array is a
 * plain 4-byte-header varlena there too): header, bitmap and alignment.
 */
static void
test_layout(void)
{
    /* sizes: select pg_column_size('{1,2,3}'::int[]), ... on PostgreSQL 15 */
    static const struct { Oid elem; const char *text; int size; bool hasnull; } sizes[] = {
        {23, "{1,2,3}", 36, false},
        {23, "{1,NULL,3}", 40, true},
        {20, "{1,2}", 40, false},
        {25, "{a,bb}", 40, false},
        {23, "{}", 16, false},
        {23, "{{1,2},{3,4}}", 48, false},
        {20, "{1,NULL}", 40, true},
        {16, "{t,f,t}", 27, false},
    };

    for (int i = 0; i < (int) lengthof(sizes); i++)
    {
        ArrayType *a = DatumGetArrayTypeP(array_from_text(sizes[i].text, sizes[i].elem));

        ok((int) VARSIZE(a) == sizes[i].size && ARR_HASNULL(a) == sizes[i].hasnull,
           "layout of %s: size %d (expected %d), null bitmap %s", sizes[i].text,
           (int) VARSIZE(a), sizes[i].size, ARR_HASNULL(a) ? "yes" : "no");
    }
}

/* Arrays built here read back through array_util.h (the older 1-D API). */
static void
test_interop(void)
{
    ArrayType  *a = DatumGetArrayTypeP(array_from_text("{x,NULL,\"y z\"}", 25));
    Datum      *elems;
    bool       *nulls;
    int         n = adt_deconstruct_array(a, -1, false, 'i', &elems, &nulls);
    Datum       built[2] = {CStringGetTextDatum("p"), CStringGetTextDatum("q r")};
    AdtArray   *b = adt_construct_text_array(built, NULL, 2);

    ok(n == 3 && !nulls[0] && nulls[1] && strcmp(TextDatumGetCString(elems[2]), "y z") == 0,
       "array_util reads an array from array_in");
    is_str(DatumGetCString(DirectFunctionCall1(array_out, PointerGetDatum(b))), "{p,\"q r\"}",
           "array_out prints an array from array_util");
}

/* construct_md_array / deconstruct_array / iterator agree. */
static void
test_construct(void)
{
    Datum       vals[6];
    bool        nulls[6] = {false, true, false, false, false, true};
    int         dims[2] = {2, 3};
    int         lbs[2] = {0, 1};
    ArrayType  *a;
    Datum      *out;
    bool       *outnulls;
    int         n;
    ArrayIterator it;
    Datum       v;
    bool        isnull;
    int         count = 0;

    for (int i = 0; i < 6; i++)
        vals[i] = Int64GetDatum(i * 1000000000000LL);
    a = construct_md_array(vals, nulls, 2, dims, lbs, 20, 8, true, 'd');
    is_str(DatumGetCString(DirectFunctionCall1(array_out, PointerGetDatum(a))),
           "[0:1][1:3]={{0,NULL,2000000000000},{3000000000000,4000000000000,NULL}}",
           "construct_md_array with NULLs and bounds");
    deconstruct_array(a, 20, 8, true, 'd', &out, &outnulls, &n);
    ok(n == 6 && outnulls[1] && outnulls[5] && DatumGetInt64(out[4]) == 4000000000000LL,
       "deconstruct_array returns the elements");
    ok(array_contains_nulls(a), "array_contains_nulls");
    it = array_create_iterator(a, 1, NULL);
    while (array_iterate(it, &v, &isnull))
        count++;
    array_free_iterator(it);
    ok(count == 2, "iterator over 1-D slices of a 2x3 array yields 2");
    a = construct_array(vals, 0, 23, 4, true, 'i');
    ok(ARR_NDIM(a) == 0 && VARSIZE(a) == sizeof(ArrayType), "construct_array of 0 is empty");
}

int
main(void)
{
    MemoryContextInit();
    test_generated();
    test_layout();
    test_interop();
    test_construct();
    return tap_done();
}
