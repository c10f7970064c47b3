#!/usr/bin/env python3
"""array_oracle.py -- regenerate the case table of t/unit/array_test.c.

Each case is (SQL, C function, mode, arguments).  The script runs every
SQL on PostgreSQL 15 (the oracle) and writes the table, with the oracle's
output as the expected value, between the GENERATED markers of
array_test.c.  Expected values are never typed by hand.

    python3 t/unit/array_oracle.py [psql connection options]
    (default: -h 127.0.0.1 -p 5499 -U postgres postgres)

Modes (what the C side does with the function's result):
  a  array, printed by array_out        i  int4     l  int8     b  bool
  t  text                               y  bytea (hex, as bytea_out)
  s  set of int4 (SRF)                  S  set of the first argument's elements
  g  aggregate: fn is the transition function (array_agg_transfn or
     array_agg_array_transfn), the arguments are the input rows
  G  array_get_element(arg0, subscripts = the int arguments)
  P  array_set_element(arg0, subscripts = args[2..], value = arg1)
  L  array_get_slice(arg0, lo1, hi1, lo2, hi2 ...)   (N:23 = bound omitted)
  Q  array_set_slice(arg0, source = arg1, lo1, hi1, ...)
  R  array_recv(array_send(arg0)), printed by array_out
The expected value is the SQL's ::text (<NULL> for NULL; sets joined by
'|'), or "ERROR <sqlstate>: <message>[ DETAIL: <detail>]".

Arguments: A<elemoid>:<array text>  NA<elemoid> (NULL array)  i:<int4>
l:<int8>  t:<text>  c:<cstring>  B:<t|f>  n:<numeric>  N:<typeoid> (typed NULL).
"""
import os
import re
import subprocess
import sys

PSQL = ['psql', '-XAtq', '-v', 'VERBOSITY=verbose'] + \
    (sys.argv[1:] or ['-h', '127.0.0.1', '-p', '5499', '-U', 'postgres', 'postgres'])

I, T, L8, N = 'A23:', 'A25:', 'A20:', 'A1700:'

CASES = [
    # ---- array_in / array_out: syntax, quoting, bounds, errors
    ("'{1,2,3}'::int[]", 'array_out', 'a', [I + '{1,2,3}']),
    ("'{{1,2},{3,4}}'::int[]", 'array_out', 'a', [I + '{{1,2},{3,4}}']),
    ("'{{{1},{2}},{{3},{4}}}'::int[]", 'array_out', 'a', [I + '{{{1},{2}},{{3},{4}}}']),
    ("'[0:2]={1,2,3}'::int[]", 'array_out', 'a', [I + '[0:2]={1,2,3}']),
    ("'[1:3]={1,2,3}'::int[]", 'array_out', 'a', [I + '[1:3]={1,2,3}']),
    ("'[3]={1,2,3}'::int[]", 'array_out', 'a', [I + '[3]={1,2,3}']),
    ("'[-2:-1][5:6]={{1,2},{3,4}}'::int[]", 'array_out', 'a', [I + '[-2:-1][5:6]={{1,2},{3,4}}']),
    ("'[1:2] = {1,2}'::int[]", 'array_out', 'a', [I + '[1:2] = {1,2}']),
    ("' { 1 , 2 } '::int[]", 'array_out', 'a', [I + ' { 1 , 2 } ']),
    ("'{}'::int[]", 'array_out', 'a', [I + '{}']),
    ("'{ }'::int[]", 'array_out', 'a', [I + '{ }']),
    ("'{NULL,2,null}'::int[]", 'array_out', 'a', [I + '{NULL,2,null}']),
    ("'{{NULL,NULL},{NULL,1}}'::int[]", 'array_out', 'a', [I + '{{NULL,NULL},{NULL,1}}']),
    ("'{0,0}'::int8[]", 'array_out', 'a', [L8 + '{0,0}']),
    ("'{1.50,NaN,-0.001}'::numeric[]", 'array_out', 'a', [N + '{1.50,NaN,-0.001}']),
    ("'{t,f,NULL}'::bool[]", 'array_out', 'a', ['A16:{t,f,NULL}']),
    ("'{1.5,-2e300}'::float8[]", 'array_out', 'a', ['A701:{1.5,-2e300}']),
    ("$${\"a b\",NULL,\"NULL\",\"\",x,\"\\\"q\\\"\",\"a\\\\b\"}$$::text[]", 'array_out', 'a',
     [T + '{"a b",NULL,"NULL","",x,"\\"q\\"","a\\\\b"}']),
    ("$${\" a \",b  c , d }$$::text[]", 'array_out', 'a', [T + '{" a ",b  c , d }']),
    ("$${\"{\",\",\",\"}\",nul,NULLx,\"null\"}$$::text[]", 'array_out', 'a',
     [T + '{"{",",","}",nul,NULLx,"null"}']),
    ("$${a\\,b,\\\"c,d\\ }$$::text[]", 'array_out', 'a', [T + '{a\\,b,\\"c,d\\ }']),
    ("$${{\"a\"},{b}}$$::text[]", 'array_out', 'a', [T + '{{"a"},{b}}']),
    ("$${\"\",\"\"}$$::text[]", 'array_out', 'a', [T + '{"",""}']),
    ("$${é,\"ü ö\"}$$::text[]", 'array_out', 'a', [T + '{é,"ü ö"}']),
    ("$${\"multi\nline\",tab\there}$$::text[]", 'array_out', 'a', [T + '{"multi\nline",tab\there}']),
    ("'{ab,cde}'::varchar(3)[]", 'array_in', 'a', ['c:{ab,cde}', 'i:1043', 'i:7']),
    ("'{1.239,2}'::numeric(5,2)[]", 'array_in', 'a', ['c:{1.239,2}', 'i:1700', 'i:327686']),
    ("'{1,2'::int[]", 'array_out', 'a', [I + '{1,2']),
    ("'{1,2}}'::int[]", 'array_out', 'a', [I + '{1,2}}']),
    ("'{1,2} x'::int[]", 'array_out', 'a', [I + '{1,2} x']),
    ("'{{1,2},3}'::int[]", 'array_out', 'a', [I + '{{1,2},3}']),
    ("'{{1},{2,3}}'::int[]", 'array_out', 'a', [I + '{{1},{2,3}}']),
    ("'{{1,2},{{3,4}}}'::int[]", 'array_out', 'a', [I + '{{1,2},{{3,4}}}']),
    ("'{{{1,2}},{3,4}}'::int[]", 'array_out', 'a', [I + '{{{1,2}},{3,4}}']),
    ("'1,2'::int[]", 'array_out', 'a', [I + '1,2']),
    ("''::int[]", 'array_out', 'a', [I + '']),
    ("'[1:2]{1,2}'::int[]", 'array_out', 'a', [I + '[1:2]{1,2}']),
    ("'[1:2]={1,2,3}'::int[]", 'array_out', 'a', [I + '[1:2]={1,2,3}']),
    ("'[1:2]={{1},{2}}'::int[]", 'array_out', 'a', [I + '[1:2]={{1},{2}}']),
    ("'[1:1]={}'::int[]", 'array_out', 'a', [I + '[1:1]={}']),
    ("'[2:1]={}'::int[]", 'array_out', 'a', [I + '[2:1]={}']),
    ("'[1:2'::int[]", 'array_out', 'a', [I + '[1:2']),
    ("'[a]={1}'::int[]", 'array_out', 'a', [I + '[a]={1}']),
    ("'[ 1:2]={1,2}'::int[]", 'array_out', 'a', [I + '[ 1:2]={1,2}']),
    ("'[1:]={1,2}'::int[]", 'array_out', 'a', [I + '[1:]={1,2}']),
    ("'[1:2]='::int[]", 'array_out', 'a', [I + '[1:2]=']),
    ("'[1:1]=1'::int[]", 'array_out', 'a', [I + '[1:1]=1']),
    ("'[2147483647:2147483647]={1}'::int[]", 'array_out', 'a', [I + '[2147483647:2147483647]={1}']),
    ("'[-2147483648:2147483647]={1}'::int[]", 'array_out', 'a', [I + '[-2147483648:2147483647]={1}']),
    ("'[1:1][1:1][1:1][1:1][1:1][1:1][1:1]={}'::int[]", 'array_out', 'a',
     [I + '[1:1][1:1][1:1][1:1][1:1][1:1][1:1]={}']),
    ("'{{{{{{{1}}}}}}}'::int[]", 'array_out', 'a', [I + '{{{{{{{1}}}}}}}']),
    ("'{1,,2}'::int[]", 'array_out', 'a', [I + '{1,,2}']),
    ("'{,}'::int[]", 'array_out', 'a', [I + '{,}']),
    ("'{{}}'::int[]", 'array_out', 'a', [I + '{{}}']),
    ("'{1,{2}}'::int[]", 'array_out', 'a', [I + '{1,{2}}']),
    ("'{\"1\",}'::int[]", 'array_out', 'a', [I + '{"1",}']),
    ("$${\"a\"b}$$::text[]", 'array_out', 'a', [T + '{"a"b}']),
    ("$${a\"b\"}$$::text[]", 'array_out', 'a', [T + '{a"b"}']),
    ("$${\\}$$::text[]", 'array_out', 'a', [T + '{\\}']),
    ("$${\"1$$::text[]", 'array_out', 'a', [T + '{"1']),
    ("'{1 2}'::int[]", 'array_out', 'a', [I + '{1 2}']),
    ("'{NULL,\"NULL\"}'::int[]", 'array_out', 'a', [I + '{NULL,"NULL"}']),
    ("'{99999999999}'::int[]", 'array_out', 'a', [I + '{99999999999}']),

    # ---- binary I/O
    ("array_send('{1,2,3}'::int[])", 'array_send', 'y', [I + '{1,2,3}']),
    ("array_send('[0:1]={NULL,7}'::int[])", 'array_send', 'y', [I + '[0:1]={NULL,7}']),
    ("array_send('{{a,b},{NULL,dd}}'::text[])", 'array_send', 'y', [T + '{{a,b},{NULL,dd}}']),
    ("array_send('{}'::int8[])", 'array_send', 'y', [L8 + '{}']),
    ("'{{a,b},{NULL,dd}}'::text[]", '', 'R', [T + '{{a,b},{NULL,dd}}']),
    ("'[5:6]={-1,NULL}'::int8[]", '', 'R', [L8 + '[5:6]={-1,NULL}']),
    ("'{}'::int[]", '', 'R', [I + '{}']),

    # ---- comparison and hashing
    ("'{1,2}'::int[] = '{1,2}'::int[]", 'array_eq', 'b', [I + '{1,2}', I + '{1,2}']),
    ("'{1,2}'::int[] = '[0:1]={1,2}'::int[]", 'array_eq', 'b', [I + '{1,2}', I + '[0:1]={1,2}']),
    ("'{1,NULL}'::int[] = '{1,NULL}'::int[]", 'array_eq', 'b', [I + '{1,NULL}', I + '{1,NULL}']),
    ("'{1,NULL}'::int[] = '{1,2}'::int[]", 'array_eq', 'b', [I + '{1,NULL}', I + '{1,2}']),
    ("'{1,2}'::int[] <> '{1,3}'::int[]", 'array_ne', 'b', [I + '{1,2}', I + '{1,3}']),
    ("'{a,b}'::text[] = '{a,b}'::text[]", 'array_eq', 'b', [T + '{a,b}', T + '{a,b}']),
    ("'{1,2}'::int[] < '{1,3}'::int[]", 'array_lt', 'b', [I + '{1,2}', I + '{1,3}']),
    ("'{1,2}'::int[] < '{1,2,0}'::int[]", 'array_lt', 'b', [I + '{1,2}', I + '{1,2,0}']),
    ("'{1,NULL}'::int[] > '{1,5}'::int[]", 'array_gt', 'b', [I + '{1,NULL}', I + '{1,5}']),
    ("'{1,2}'::int[] <= '{1,2}'::int[]", 'array_le', 'b', [I + '{1,2}', I + '{1,2}']),
    ("'{2}'::int[] >= '{1,9}'::int[]", 'array_ge', 'b', [I + '{2}', I + '{1,9}']),
    ("btarraycmp('{1,2,3,4}'::int[], '{{1,2},{3,4}}'::int[])", 'btarraycmp', 'i',
     [I + '{1,2,3,4}', I + '{{1,2},{3,4}}']),
    ("btarraycmp('{{1,2},{3,4}}'::int[], '{{1,2,3,4}}'::int[])", 'btarraycmp', 'i',
     [I + '{{1,2},{3,4}}', I + '{{1,2,3,4}}']),
    ("btarraycmp('[0:1]={1,2}'::int[], '{1,2}'::int[])", 'btarraycmp', 'i',
     [I + '[0:1]={1,2}', I + '{1,2}']),
    ("btarraycmp('{}'::int[], '{1}'::int[])", 'btarraycmp', 'i', [I + '{}', I + '{1}']),
    ("btarraycmp('{b}'::text[], '{a,z}'::text[])", 'btarraycmp', 'i', [T + '{b}', T + '{a,z}']),
    ("array_larger('{1,2}'::int[], '{1,3}'::int[])", 'array_larger', 'a', [I + '{1,2}', I + '{1,3}']),
    ("array_smaller('{1,2}'::int[], '{1,3}'::int[])", 'array_smaller', 'a', [I + '{1,2}', I + '{1,3}']),
    ("hash_array('{1,2,3}'::int[])", 'hash_array', 'i', [I + '{1,2,3}']),
    ("hash_array('{1,NULL,3}'::int[])", 'hash_array', 'i', [I + '{1,NULL,3}']),
    ("hash_array('{}'::int[])", 'hash_array', 'i', [I + '{}']),
    ("hash_array('{a,bc}'::text[])", 'hash_array', 'i', [T + '{a,bc}']),
    ("hash_array('{1,-5}'::int8[])", 'hash_array', 'i', [L8 + '{1,-5}']),
    ("hash_array('{1.0,2}'::numeric[])", 'hash_array', 'i', [N + '{1.0,2}']),
    ("hash_array_extended('{1,2,3}'::int[], 7)", 'hash_array_extended', 'l', [I + '{1,2,3}', 'l:7']),
    ("hash_array_extended('{a,NULL}'::text[], 0)", 'hash_array_extended', 'l', [T + '{a,NULL}', 'l:0']),

    # ---- containment
    ("'{1,2,3}'::int[] @> '{3,1}'::int[]", 'arraycontains', 'b', [I + '{1,2,3}', I + '{3,1}']),
    ("'{1,2,3}'::int[] @> '{3,4}'::int[]", 'arraycontains', 'b', [I + '{1,2,3}', I + '{3,4}']),
    ("'{1,2,NULL}'::int[] @> '{NULL}'::int[]", 'arraycontains', 'b', [I + '{1,2,NULL}', I + '{NULL}']),
    ("'{1,2}'::int[] @> '{}'::int[]", 'arraycontains', 'b', [I + '{1,2}', I + '{}']),
    ("'{{1,2},{3,4}}'::int[] @> '{4}'::int[]", 'arraycontains', 'b', [I + '{{1,2},{3,4}}', I + '{4}']),
    ("'{1}'::int[] <@ '{1,2}'::int[]", 'arraycontained', 'b', [I + '{1}', I + '{1,2}']),
    ("'{1,5}'::int[] && '{5,6}'::int[]", 'arrayoverlap', 'b', [I + '{1,5}', I + '{5,6}']),
    ("'{1,NULL}'::int[] && '{NULL}'::int[]", 'arrayoverlap', 'b', [I + '{1,NULL}', I + '{NULL}']),
    ("'{a,b}'::text[] && '{c,b}'::text[]", 'arrayoverlap', 'b', [T + '{a,b}', T + '{c,b}']),

    # ---- append / prepend / cat
    ("array_append('{1,2}'::int[], 3)", 'array_append', 'a', [I + '{1,2}', 'i:3']),
    ("array_append('[0:1]={1,2}'::int[], NULL)", 'array_append', 'a', [I + '[0:1]={1,2}', 'N:23']),
    ("array_append('{}'::int[], 3)", 'array_append', 'a', [I + '{}', 'i:3']),
    ("array_append(NULL::int[], 3)", 'array_append', 'a', ['NA23', 'i:3']),
    ("array_append('{{1}}'::int[], 3)", 'array_append', 'a', [I + '{{1}}', 'i:3']),
    ("array_append('{a}'::text[], 'b c')", 'array_append', 'a', [T + '{a}', 't:b c']),
    ("array_prepend(0, '{1,2}'::int[])", 'array_prepend', 'a', ['i:0', I + '{1,2}']),
    ("array_prepend(0, '[5:6]={1,2}'::int[])", 'array_prepend', 'a', ['i:0', I + '[5:6]={1,2}']),
    ("array_prepend(0, NULL::int[])", 'array_prepend', 'a', ['i:0', 'NA23']),
    ("array_prepend('x', '{}'::text[])", 'array_prepend', 'a', ['t:x', T + '{}']),
    ("'{1,2}'::int[] || '{3}'::int[]", 'array_cat', 'a', [I + '{1,2}', I + '{3}']),
    ("'{{1,2}}'::int[] || '{3,4}'::int[]", 'array_cat', 'a', [I + '{{1,2}}', I + '{3,4}']),
    ("'{3,4}'::int[] || '{{1,2}}'::int[]", 'array_cat', 'a', [I + '{3,4}', I + '{{1,2}}']),
    ("'{{1,2}}'::int[] || '{{3,4}}'::int[]", 'array_cat', 'a', [I + '{{1,2}}', I + '{{3,4}}']),
    ("'[0:1]={1,NULL}'::int[] || '[7:7]={3}'::int[]", 'array_cat', 'a', [I + '[0:1]={1,NULL}', I + '[7:7]={3}']),
    ("'{}'::int[] || '{3}'::int[]", 'array_cat', 'a', [I + '{}', I + '{3}']),
    ("NULL::int[] || '{3}'::int[]", 'array_cat', 'a', ['NA23', I + '{3}']),
    ("'{a,bb}'::text[] || '{NULL,ccc}'::text[]", 'array_cat', 'a', [T + '{a,bb}', T + '{NULL,ccc}']),
    ("'{{1,2}}'::int[] || '{3}'::int[]", 'array_cat', 'a', [I + '{{1,2}}', I + '{3}']),
    ("'{{1,2}}'::int[] || '{{3}}'::int[]", 'array_cat', 'a', [I + '{{1,2}}', I + '{{3}}']),
    ("'{{{1}}}'::int[] || '{3}'::int[]", 'array_cat', 'a', [I + '{{{1}}}', I + '{3}']),

    # ---- shape
    ("array_ndims('{{1},{2}}'::int[])", 'array_ndims', 'i', [I + '{{1},{2}}']),
    ("array_ndims('{}'::int[])", 'array_ndims', 'i', [I + '{}']),
    ("array_dims('[0:1][2:4]={{1,2,3},{4,5,6}}'::int[])", 'array_dims', 't',
     [I + '[0:1][2:4]={{1,2,3},{4,5,6}}']),
    ("array_dims('{}'::int[])", 'array_dims', 't', [I + '{}']),
    ("array_length('{{1,2,3},{4,5,6}}'::int[], 2)", 'array_length', 'i', [I + '{{1,2,3},{4,5,6}}', 'i:2']),
    ("array_length('{1,2}'::int[], 2)", 'array_length', 'i', [I + '{1,2}', 'i:2']),
    ("array_length('{}'::int[], 1)", 'array_length', 'i', [I + '{}', 'i:1']),
    ("array_lower('[-3:-1]={1,2,3}'::int[], 1)", 'array_lower', 'i', [I + '[-3:-1]={1,2,3}', 'i:1']),
    ("array_upper('[-3:-1]={1,2,3}'::int[], 1)", 'array_upper', 'i', [I + '[-3:-1]={1,2,3}', 'i:1']),
    ("array_upper('{1}'::int[], 0)", 'array_upper', 'i', [I + '{1}', 'i:0']),
    ("cardinality('{{1,2},{3,4}}'::int[])", 'array_cardinality', 'i', [I + '{{1,2},{3,4}}']),
    ("cardinality('{}'::int[])", 'array_cardinality', 'i', [I + '{}']),

    # ---- search, remove, replace
    ("array_position('{a,b,c,b}'::text[], 'b')", 'array_position', 'i', [T + '{a,b,c,b}', 't:b']),
    ("array_position('{a,b,c,b}'::text[], 'b', 3)", 'array_position_start', 'i',
     [T + '{a,b,c,b}', 't:b', 'i:3']),
    ("array_position('[0:2]={1,NULL,3}'::int[], NULL)", 'array_position', 'i', [I + '[0:2]={1,NULL,3}', 'N:23']),
    ("array_position('{1,2}'::int[], 5)", 'array_position', 'i', [I + '{1,2}', 'i:5']),
    ("array_position('{}'::int[], 5)", 'array_position', 'i', [I + '{}', 'i:5']),
    ("array_position('{{1}}'::int[], 1)", 'array_position', 'i', [I + '{{1}}', 'i:1']),
    ("array_position('{1}'::int[], 1, NULL)", 'array_position_start', 'i', [I + '{1}', 'i:1', 'N:23']),
    ("array_positions('{1,2,1,NULL,1}'::int[], 1)", 'array_positions', 'a', [I + '{1,2,1,NULL,1}', 'i:1']),
    ("array_positions('{1,2,1,NULL,1}'::int[], NULL)", 'array_positions', 'a', [I + '{1,2,1,NULL,1}', 'N:23']),
    ("array_positions('{1,2}'::int[], 7)", 'array_positions', 'a', [I + '{1,2}', 'i:7']),
    ("array_positions('{}'::int[], 7)", 'array_positions', 'a', [I + '{}', 'i:7']),
    ("array_remove('{1,2,3,2}'::int[], 2)", 'array_remove', 'a', [I + '{1,2,3,2}', 'i:2']),
    ("array_remove('[3:5]={1,NULL,2}'::int[], NULL)", 'array_remove', 'a', [I + '[3:5]={1,NULL,2}', 'N:23']),
    ("array_remove('{2,2}'::int[], 2)", 'array_remove', 'a', [I + '{2,2}', 'i:2']),
    ("array_remove('{a,b}'::text[], 'z')", 'array_remove', 'a', [T + '{a,b}', 't:z']),
    ("array_remove('{{1,2}}'::int[], 2)", 'array_remove', 'a', [I + '{{1,2}}', 'i:2']),
    ("array_replace('{1,2,5,4}'::int[], 5, 3)", 'array_replace', 'a', [I + '{1,2,5,4}', 'i:5', 'i:3']),
    ("array_replace('{{1,NULL},{NULL,4}}'::int[], NULL, 0)", 'array_replace', 'a',
     [I + '{{1,NULL},{NULL,4}}', 'N:23', 'i:0']),
    ("array_replace('{a,b}'::text[], 'b', NULL)", 'array_replace', 'a', [T + '{a,b}', 't:b', 'N:25']),

    # ---- array_fill, width_bucket
    ("array_fill(7, '{2,3}')", 'array_fill', 'a', ['i:7', I + '{2,3}']),
    ("array_fill(7, '{3}', '{0}')", 'array_fill_with_lower_bounds', 'a', ['i:7', I + '{3}', I + '{0}']),
    ("array_fill(NULL::int, '{2}')", 'array_fill', 'a', ['N:23', I + '{2}']),
    ("array_fill('x'::text, '{2}', '{-1}')", 'array_fill_with_lower_bounds', 'a', ['t:x', I + '{2}', I + '{-1}']),
    ("array_fill(1, '{}')", 'array_fill', 'a', ['i:1', I + '{}']),
    ("array_fill(1, '{NULL}')", 'array_fill', 'a', ['i:1', I + '{NULL}']),
    ("array_fill(1, '{1,2}', '{1}')", 'array_fill_with_lower_bounds', 'a', ['i:1', I + '{1,2}', I + '{1}']),
    ("width_bucket(5, '{1,3,5,7}'::int[])", 'width_bucket_array', 'i', ['i:5', I + '{1,3,5,7}']),
    ("width_bucket(0, '{1,3,5,7}'::int[])", 'width_bucket_array', 'i', ['i:0', I + '{1,3,5,7}']),
    ("width_bucket(9, '{1,3,5,7}'::int[])", 'width_bucket_array', 'i', ['i:9', I + '{1,3,5,7}']),

    # ---- string_to_array / array_to_string
    ("string_to_array('a,b,,c', ',')", 'text_to_array', 'a', ['t:a,b,,c', 't:,']),
    ("string_to_array('a<>b<>c', '<>')", 'text_to_array', 'a', ['t:a<>b<>c', 't:<>']),
    ("string_to_array('abc', '')", 'text_to_array', 'a', ['t:abc', 't:']),
    ("string_to_array('', ',')", 'text_to_array', 'a', ['t:', 't:,']),
    ("string_to_array('héy', NULL)", 'text_to_array', 'a', ['t:héy', 'N:25']),
    ("string_to_array('a,*,c', ',', '*')", 'text_to_array_null', 'a', ['t:a,*,c', 't:,', 't:*']),
    ("string_to_array('a,,c', ',', '')", 'text_to_array_null', 'a', ['t:a,,c', 't:,', 't:']),
    ("string_to_array('a, b', ',')", 'text_to_array', 'a', ['t:a, b', 't:,']),
    ("string_to_array(NULL, ',')", 'text_to_array', 'a', ['N:25', 't:,']),
    ("array_to_string('{1,NULL,3}'::int[], '-')", 'array_to_text', 't', [I + '{1,NULL,3}', 't:-']),
    ("array_to_string('{1,NULL,3}'::int[], '-', '*')", 'array_to_text_null', 't',
     [I + '{1,NULL,3}', 't:-', 't:*']),
    ("array_to_string('{{a,b},{c,d}}'::text[], ', ')", 'array_to_text', 't', [T + '{{a,b},{c,d}}', 't:, ']),
    ("array_to_string('{NULL,NULL}'::text[], ',')", 'array_to_text', 't', [T + '{NULL,NULL}', 't:,']),
    ("array_to_string('{}'::int[], ',')", 'array_to_text', 't', [I + '{}', 't:,']),
    ("array_to_string('{1.50,2}'::numeric[], '')", 'array_to_text', 't', [N + '{1.50,2}', 't:']),

    # ---- set-returning
    ("unnest('{{1,NULL},{3,4}}'::int[])", 'array_unnest', 'S', [I + '{{1,NULL},{3,4}}']),
    ("unnest('{a,\"b c\",NULL}'::text[])", 'array_unnest', 'S', [T + '{a,"b c",NULL}']),
    ("unnest('{}'::int[])", 'array_unnest', 'S', [I + '{}']),
    ("generate_subscripts('[-1:1]={1,2,3}'::int[], 1)", 'generate_subscripts_nodir', 's',
     [I + '[-1:1]={1,2,3}', 'i:1']),
    ("generate_subscripts('{{1,2,3},{4,5,6}}'::int[], 2, true)", 'generate_subscripts', 's',
     [I + '{{1,2,3},{4,5,6}}', 'i:2', 'B:t']),
    ("generate_subscripts('{1,2}'::int[], 2)", 'generate_subscripts_nodir', 's', [I + '{1,2}', 'i:2']),

    # ---- array_agg
    ("(select array_agg(x) from (values (1),(NULL),(3)) v(x))", 'array_agg_transfn', 'g',
     ['i:1', 'N:23', 'i:3']),
    ("(select array_agg(x) from (values ('a'::text),('b c')) v(x))", 'array_agg_transfn', 'g',
     ['t:a', 't:b c']),
    ("(select array_agg(x) from (values ('{1,2}'::int[]),('{3,NULL}')) v(x))", 'array_agg_array_transfn', 'g',
     [I + '{1,2}', I + '{3,NULL}']),
    ("(select array_agg(x) from (values ('[0:1]={a,b}'::text[]),('[0:1]={c,d}')) v(x))",
     'array_agg_array_transfn', 'g', [T + '[0:1]={a,b}', T + '[0:1]={c,d}']),
    ("(select array_agg(x) from (values ('{1,2}'::int[]),('{3}')) v(x))", 'array_agg_array_transfn', 'g',
     [I + '{1,2}', I + '{3}']),
    ("(select array_agg(x) from (values ('{1,2}'::int[]),(NULL)) v(x))", 'array_agg_array_transfn', 'g',
     [I + '{1,2}', 'NA23']),
    ("(select array_agg(x) from (values ('{}'::int[])) v(x))", 'array_agg_array_transfn', 'g', [I + '{}']),

    # ---- subscripting (executor API)
    ("('{1,2,3}'::int[])[2]", '', 'G', [I + '{1,2,3}', 'i:2']),
    ("('{1,2,3}'::int[])[4]", '', 'G', [I + '{1,2,3}', 'i:4']),
    ("('{{1,2},{3,4}}'::int[])[2][1]", '', 'G', [I + '{{1,2},{3,4}}', 'i:2', 'i:1']),
    ("('{{1,2},{3,4}}'::int[])[2]", '', 'G', [I + '{{1,2},{3,4}}', 'i:2']),
    ("('[0:1]={a,NULL}'::text[])[1]", '', 'G', [T + '[0:1]={a,NULL}', 'i:1']),
    ("('[0:1]={a,bb}'::text[])[1]", '', 'G', [T + '[0:1]={a,bb}', 'i:1']),
    ('', '', 'P', [I + '{1,2}', 'i:9', 'i:5']),
    ('', '', 'P', [I + '{1,2}', 'i:9', 'i:-1']),
    ('', '', 'P', [I + '{{1,2},{3,4}}', 'i:9', 'i:2', 'i:1']),
    ('', '', 'P', [I + '{{1,2},{3,4}}', 'i:9', 'i:3', 'i:1']),
    ('', '', 'P', [I + '{}', 'i:9', 'i:3', 'i:-2']),
    ('', '', 'P', [T + '{a,b}', 'N:25', 'i:1']),
    ("('{1,2,3,4,5}'::int[])[2:3]", '', 'L', [I + '{1,2,3,4,5}', 'i:2', 'i:3']),
    ("('{1,2,3,4,5}'::int[])[:2]", '', 'L', [I + '{1,2,3,4,5}', 'N:23', 'i:2']),
    ("('{1,2,3,4,5}'::int[])[4:]", '', 'L', [I + '{1,2,3,4,5}', 'i:4', 'N:23']),
    ("('{1,2,3,4,5}'::int[])[0:99]", '', 'L', [I + '{1,2,3,4,5}', 'i:0', 'i:99']),
    ("('{1,2,3,4,5}'::int[])[4:2]", '', 'L', [I + '{1,2,3,4,5}', 'i:4', 'i:2']),
    ("('{{1,2,3},{4,5,6}}'::int[])[2:2][2:3]", '', 'L', [I + '{{1,2,3},{4,5,6}}', 'i:2', 'i:2', 'i:2', 'i:3']),
    ("('{{1,2,3},{4,5,6}}'::int[])[1:1]", '', 'L', [I + '{{1,2,3},{4,5,6}}', 'i:1', 'i:1']),
]

# The P/Q cases need the oracle to perform an UPDATE-style assignment; we
# express them with a temporary table (see oracle_assign).
ASSIGN = {'P', 'Q'}

CASES += [
    ('', '', 'Q', [I + '{1,2,3,4,5}', I + '{8,9}', 'i:2', 'i:3']),
    ('', '', 'Q', [I + '{1,2}', I + '{8,9}', 'i:4', 'i:5']),
    ('', '', 'Q', [I + '{1,2}', I + '{8}', 'i:1', 'i:2']),
    ('', '', 'Q', [I + '{}', I + '{8,9,10}', 'i:0', 'i:1']),
    ('', '', 'Q', [I + '{}', I + '{8,9}', 'N:23', 'i:1']),
    ('', '', 'Q', [I + '{{1,2},{3,4}}', I + '{7,8}', 'i:1', 'i:2', 'i:2', 'i:2']),
    ('', '', 'Q', [I + '{{1,2},{3,4}}', I + '{7,8}', 'i:1', 'i:3', 'i:2', 'i:2']),
]


def sql_literal_of(arg):
    """The SQL spelling of a test argument (for the assignment cases)."""
    if arg.startswith('A'):
        elem, text = arg[1:].split(':', 1)
        typ = {'23': 'int[]', '25': 'text[]', '20': 'int8[]', '1700': 'numeric[]'}[elem]
        return "'%s'::%s" % (text.replace("'", "''"), typ)
    kind, val = arg.split(':', 1)
    if kind == 'i':
        return val
    if kind == 't':
        return "'%s'::text" % val.replace("'", "''")
    if kind == 'N':
        return 'NULL'
    raise ValueError(arg)


def subscript_text(args):
    """[a][b] or [lo:hi][lo:hi] from i:/N: arguments."""
    vals = [('' if a.startswith('N:') else a.split(':', 1)[1]) for a in args]
    return vals


def oracle_sql(sql, mode, args):
    # assignments run as UPDATE, the executor's path for flat arrays
    if mode in ASSIGN:
        arr = sql_literal_of(args[0])
        v = subscript_text(args[2:])
        if mode == 'P':
            subs = ''.join('[%s]' % x for x in v)
        else:
            subs = ''.join('[%s:%s]' % (v[i], v[i + 1]) for i in range(0, len(v), 2))
        return ("create temp table t(a %s); insert into t values (%s); "
                "update t set a%s = %s returning coalesce(a::text, '<NULL>')"
                % (arr.split('::')[1], arr, subs, sql_literal_of(args[1])))
    if mode in ('s', 'S'):
        return ("select coalesce(string_agg(coalesce(x::text, '<NULL>'), '|'), '') from %s x" % sql)
    return "select coalesce((%s)::text, '<NULL>')" % sql


def run_oracle(sql, mode, args):
    q = oracle_sql(sql, mode, args)
    p = subprocess.run(PSQL + ['-c', q], capture_output=True, text=True)
    err = p.stderr
    m = re.search(r'ERROR:  ([0-9A-Z]{5}): (.*)', err)
    if m:
        out = 'ERROR %s: %s' % (m.group(1), m.group(2))
        d = re.search(r'\nDETAIL:  (.*)', err)
        if d:
            out += ' DETAIL: ' + d.group(1)
        return out
    if p.returncode != 0:
        raise RuntimeError('%s: %s' % (q, err))
    return p.stdout[:-1] if p.stdout.endswith('\n') else p.stdout


def cstr(s):
    out = '"'
    for ch in s:
        if ch == '"' or ch == '\\':
            out += '\\' + ch
        elif ch == '\n':
            out += '\\n'
        elif ch == '\t':
            out += '\\t'
        else:
            out += ch
    return out + '"'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, 'array_test.c')
    src = open(path, encoding='utf-8').read()
    fns = sorted({c[1] for c in CASES if c[1]})
    lines = ['/* by t/unit/array_oracle.py from PostgreSQL 15: do not edit */']
    lines += ['extern Datum %s(PG_FUNCTION_ARGS);' % f for f in fns]
    lines.append('static const ArrCase cases[] = {')
    for sql, fn, mode, args in CASES:
        expected = run_oracle(sql, mode, args)
        if mode in ASSIGN:
            sql = oracle_sql(sql, mode, args)
        lines.append('    {%s, %s, %s, %s,\n     {%s}, %s},' % (
            cstr(sql), fn or 'NULL', cstr(fn), cstr(mode),
            ', '.join(cstr(a) for a in args), cstr(expected)))
    lines.append('};')
    begin = src.index('/* BEGIN GENERATED CASES */') + len('/* BEGIN GENERATED CASES */\n')
    end = src.index('/* END GENERATED CASES */')
    open(path, 'w', encoding='utf-8').write(src[:begin] + '\n'.join(lines) + '\n' + src[end:])
    print('%d cases written to %s' % (len(CASES), path))


if __name__ == '__main__':
    main()
