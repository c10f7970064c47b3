#!/usr/bin/env python3
"""json_test_cases.py -- regenerate the case table of t/unit/json_test.c.

Every case names a built-in (its C function), its arguments as text with a
type letter, and the SQL statement that computes the same thing.  The script
runs each statement on PostgreSQL 15 (the oracle: psql -h 127.0.0.1 -p 5499
-U postgres postgres, or PGHOST/PGPORT/PGUSER/PGDATABASE) and writes the
printed result, or the error with its SQLSTATE, DETAIL, HINT and CONTEXT,
between the BEGIN/END GENERATED CASES markers of json_test.c.  Expected
values are never written by hand.

Argument letters: c cstring (input functions), J jsonb, j json, t text,
i int4, I int8, b bool, a text[], A int4[], n numeric, f float8, u uuid,
d date, T timestamp, Z timestamptz.  Result letters: the same, plus h int2,
F float4, x bytea (compared as hex), s:X a set of X (rows joined by newlines).
"""
import concurrent.futures
import os
import subprocess

PG = ["psql", "-X", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-p", os.environ.get("PGPORT", "5499"),
      "-U", os.environ.get("PGUSER", "postgres"), os.environ.get("PGDATABASE", "postgres")]


# ---------------------------------------------------------------- oracle
def run(sql):
    p = subprocess.run(PG + ["-At", "-v", "VERBOSITY=verbose", "-P", "null=<<NULL>>", "-c", sql],
                       capture_output=True, text=True)
    if p.returncode != 0 or "ERROR:" in p.stderr:
        lines = p.stderr.rstrip("\n").split("\n")
        out = []
        for l in lines:
            if l.startswith("ERROR:  "):
                rest = l[len("ERROR:  "):]
                code, msg = rest.split(": ", 1)
                out.append("ERROR %s: %s" % (code, msg))
            elif l.startswith("DETAIL:  "): out.append("DETAIL: " + l[9:])
            elif l.startswith("HINT:  "): out.append("HINT: " + l[7:])
            elif l.startswith("CONTEXT:  "): out.append("CONTEXT: " + l[10:])
        return "\n".join(out)
    out = p.stdout
    if out.endswith("\n"): out = out[:-1]
    return out

# ---------------------------------------------------------------- cases
# (cfunc, sqlname or None, [(type, value)], restype)
C = []
def add(cfunc, args, res, sql=None):
    C.append((cfunc, sql, args, res))

# ---- json_in / jsonb_in / uuid_in round trips and errors
json_inputs = [
 '{"a":1,"a":2}', '  {"a":  [1, 2 ] }  ', '[]', '{}', '"x\\u00e9\\n"', '1.50', '-0', '1e3', '-1.5E-2',
 'true', 'false', 'null', '[1,"a",null,true,false,{"k":[]}]', '{"b":1,"a":[1,2,{"x":null}]}',
 '{"aa":1,"b":2,"c":{"bb":1,"a":2}}', '"\\ud83d\\ude00"', '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"', '"\\u0001"',
 '{"a":1,', '', '   ', '{"a" 1}', '{1:2}', '{"a":1 "b"}', '[1 2]', '[1,]', '[}', '{"a":1,}',
 '{"a":1}x', 'truex', 'tru', '01', '1.', '-', '1e', '1.5e+', '\u00e9', '"abc', '"ab\\qc"',
 '"ab\\u12"', '"ab\\u12x4"', '"a\tb"', '"ab\\u0000"', '"ab\\ud800"', '"ab\\udc00"',
 '"ab\\ud800\\ud800"', '"ab\\ud800x"', '"ab\\ud800\\n"', '{"a":1,\n"b":2,\n "c" x}',
 '{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa":1 x, "b":2}',
 '{"a":1 x\n}', '#', '[1,2', '{"a":', 'nul', '[1,{"a":[true,fals]}]', '123abc', '"\u00e9\u00e9\\x"',
 '{"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9":1 x}',
 '1e400', '-1.0e-5', '0.000001000', '[1.0, 1.00, 10e-1]',
]
for s in json_inputs:
    add("json_in", [("c", s)], "j", sql="%s")
    add("jsonb_in", [("c", s)], "J", sql="%s")

for s in ['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}',
          'a0eebc999c0b4ef8bb6d6bb9bd380a11', 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11',
          '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1',
          'a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11-',
          '', 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', ' a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11']:
    add("uuid_in", [("c", s)], "u", sql="%s")

U1, U2, U3 = '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000009', 'a0000000-0000-0000-0000-000000000001'
for f in ["uuid_cmp", "uuid_lt", "uuid_le", "uuid_eq", "uuid_ge", "uuid_gt", "uuid_ne"]:
    add(f, [("u", U1), ("u", U2)], "i" if f == "uuid_cmp" else "b")
    add(f, [("u", U3), ("u", U1)], "i" if f == "uuid_cmp" else "b")
    add(f, [("u", U1), ("u", U1)], "i" if f == "uuid_cmp" else "b")
add("uuid_hash", [("u", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')], "i")
add("uuid_hash_extended", [("u", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), ("I", "3")], "I")

# ---- jsonb comparison and hashing
cmp_vals = ['1', '[]', '[1]', '[1,2]', 'null', '{}', '{"a":1}', '{"b":1}', '{"aa":1}', '"a"', '"B"',
            'true', 'false', '1.0', '[null]', '{"a":{"b":1}}', '[[1]]', '["a",1]']
for a in cmp_vals:
    for b in cmp_vals:
        add("jsonb_cmp", [("J", a), ("J", b)], "i")
for f in ["jsonb_eq", "jsonb_ne", "jsonb_lt", "jsonb_le", "jsonb_gt", "jsonb_ge"]:
    add(f, [("J", '{"a":1.0}'), ("J", '{"a":1}')], "b")
    add(f, [("J", '[1,2]'), ("J", '[1,3]')], "b")
for v in ['{"a":1}', '[]', '{}', '1', '"abc"', '[1,"x",null,true,false,{"k":[2.50]}]', 'null', '{"a":1.0}',
          '[[],{}]', '{"b":[1,{"c":null}],"a":"x"}']:
    add("jsonb_hash", [("J", v)], "i")
    for seed in ["0", "42", "7"]:
        add("jsonb_hash_extended", [("J", v), ("I", seed)], "I")

# ---- jsonb operators
objs = ['{"a":1,"b":{"c":[1,2,{"d":"x"}]},"e":null,"f":"s\\u00e9"}', '[1,[2,3],{"a":4},null,"x"]', '1', '"a"', 'null', '{}', '[]']
for o in objs[:5]:
    for k in ['a', 'b', 'e', 'f', 'zz', '']:
        add("jsonb_object_field", [("J", o), ("t", k)], "J")
        add("jsonb_object_field_text", [("J", o), ("t", k)], "t")
        add("json_object_field", [("j", o), ("t", k)], "j")
        add("json_object_field_text", [("j", o), ("t", k)], "t")
    for i in ['0', '1', '-1', '-5', '-6', '4', '5', '2147483647', '-2147483648']:
        add("jsonb_array_element", [("J", o), ("i", i)], "J")
        add("jsonb_array_element_text", [("J", o), ("i", i)], "t")
        add("json_array_element", [("j", o), ("i", i)], "j")
        add("json_array_element_text", [("j", o), ("i", i)], "t")
paths = ['{}', '{a}', '{b,c}', '{b,c,2,d}', '{b,c,-1}', '{b,c,-1,d}', '{b,c,x}', '{1}', '{1,0}', '{1,-1}',
         '{2,a}', '{a,b}', '{e}', '{f}', '{0}', '{NULL}', '{b,NULL}', '{" 1"}', '{+1}', '{1 }', '{99999999999}', '{-0}']
special = ['  {"a":  [1, 2 ] }  ', '  1  ', '{"a":[1,2,3],"a":[4,5]}', '{"a":{"b":1},"a":{"c":2}}', '{"0":5}']
for o in objs[:4] + special:
    for p in (paths if o not in special else ['{}', '{a}', '{a,-1}', '{a,b}', '{0}', '{1}']):
        add("jsonb_extract_path", [("J", o), ("a", p)], "J")
        add("jsonb_extract_path_text", [("J", o), ("a", p)], "t")
        add("json_extract_path", [("j", o), ("a", p)], "j")
        add("json_extract_path_text", [("j", o), ("a", p)], "t")
add("json_object_field", [("j", '{"a":"\\u0000", "b":1}'), ("t", "b")], "j")
add("json_object_field_text", [("j", '{"a":"\\u0000", "b":1}'), ("t", "a")], "t")
add("json_extract_path", [("j", '{"a":"\\ud800", "b":1}'), ("a", "{b}")], "j")

# containment
cont = [('{"a":1,"b":[1,2,{"c":3}]}', '{"a":1}'), ('{"a":1,"b":[1,2,{"c":3}]}', '{"b":[{"c":3}]}'),
        ('{"a":1,"b":[1,2,{"c":3}]}', '{"b":[{"c":4}]}'), ('{"a":1}', '{"a":1.0}'), ('[1,2,3]', '[3,1]'),
        ('[1,2,3]', '[1,1,1]'), ('[1,2,3]', '1'), ('1', '[1]'), ('1', '1'), ('"a"', '"a"'), ('[[1,2]]', '[1]'),
        ('[[1,2]]', '[[1]]'), ('{"a":[1,2]}', '{"a":1}'), ('{"a":{"b":1,"c":2}}', '{"a":{}}'), ('{}', '{}'),
        ('[]', '[]'), ('{"a":1}', '[]'), ('[{"a":1}]', '{"a":1}'), ('[{"a":1,"b":2},{"c":3}]', '[{"a":1},{"c":3}]'),
        ('[1,[2]]', '[[2],1]'), ('{"a":"b"}', '{"a":"b","c":null}'), ('[null]', '[null]'), ('[true]', '[false]'),
        ('[{"a":[1,2]}]', '[{"a":[2]}]'), ('{"a":[]}', '{"a":{}}'), ('[]', '[[]]'), ('[[]]', '[]')]
for a, b in cont:
    add("jsonb_contains", [("J", a), ("J", b)], "b")
    add("jsonb_contained", [("J", b), ("J", a)], "b")
for j in ['{"a":1,"bb":2}', '["a","b",1]', '"a"', '1', '{}', '[["a"]]', '{"b":{"a":1}}']:
    for k in ['a', 'bb', 'b', 'c', '1']:
        add("jsonb_exists", [("J", j), ("t", k)], "b")
    for ks in ['{a,c}', '{c,d}', '{}', '{a,bb}', '{NULL,a}', '{NULL}']:
        add("jsonb_exists_any", [("J", j), ("a", ks)], "b")
        add("jsonb_exists_all", [("J", j), ("a", ks)], "b")
# concat
cc = ['{"a":1,"b":2}', '{"b":3,"c":4}', '[1,2]', '[3]', '1', '"x"', '{}', '[]', 'null']
for a in cc:
    for b in cc:
        add("jsonb_concat", [("J", a), ("J", b)], "J")
# delete
for j in ['{"a":1,"b":2,"c":{"a":1}}', '["a","b","a",1,"c"]', '1', '{}', '[]', '[1,2,3]']:
    for k in ['a', 'b', 'x']:
        add("jsonb_delete", [("J", j), ("t", k)], "J")
    for ks in ['{a,b}', '{}', '{NULL,c}', '{x}', '{{a},{b}}']:
        add("jsonb_delete_array", [("J", j), ("a", ks)], "J", sql="jsonb_delete")
    for i in ['0', '1', '-1', '-3', '-4', '5', '2']:
        add("jsonb_delete_idx", [("J", j), ("i", i)], "J", sql="jsonb_delete")
    for p in ['{a}', '{c,a}', '{0}', '{-1}', '{1,0}', '{}', '{x,y}', '{NULL}', '{c,NULL}', '{a,b}', '{{a}}', '{z}', '{1,a}', '{5}', '{-9}']:
        add("jsonb_delete_path", [("J", j), ("a", p)], "J")
# set / insert
setsrc = ['{"a":1,"b":{"c":[1,2,3]}}', '[1,[2,3],{"x":1}]', '{}', '[]', '1']
setpaths = ['{a}', '{z}', '{b,c}', '{b,c,0}', '{b,c,-1}', '{b,c,9}', '{b,c,-9}', '{b,z}', '{b,z,y}', '{0}', '{1,0}', '{-1}',
            '{2,x}', '{2,y}', '{9}', '{-9}', '{1,1,1}', '{}', '{NULL}', '{b,NULL}', '{a,b}', '{x1}', '{b,c,x}', '{1,x}', '{{a}}', '{99999999999}']
for s in setsrc:
    for p in setpaths:
        for cr in ['true', 'false']:
            add("jsonb_set", [("J", s), ("a", p), ("J", '{"new":true}'), ("b", cr)], "J")
            add("jsonb_insert", [("J", s), ("a", p), ("J", '"ins"'), ("b", cr)], "J")
add("jsonb_set", [("J", '{"a":1}'), ("a", '{a}'), ("J", '5'), ("b", 'true')], "J")
add("jsonb_set", [("J", '[1,2]'), ("a", '{0}'), ("J", '[9]'), ("b", 'true')], "J")
for mode in ['use_json_null', 'delete_key', 'return_target', 'raise_exception', 'bogus']:
    add("jsonb_set_lax", [("J", '{"a":1,"b":2}'), ("a", '{a}'), ("J", None), ("b", 'true'), ("t", mode)], "J")
add("jsonb_set_lax", [("J", '{"a":1,"b":2}'), ("a", '{a}'), ("J", '3'), ("b", 'true'), ("t", 'delete_key')], "J")
add("jsonb_set_lax", [("J", '{"a":1,"b":2}'), ("a", '{a}'), ("J", None), ("b", 'true'), ("t", None)], "J")

# ---- functions
tv = ['{"a":1}', '[1,2]', '"s"', '1.5', 'true', 'false', 'null', '{}', '[]']
for v in tv:
    add("jsonb_typeof", [("J", v)], "t")
    add("json_typeof", [("j", "  " + v)], "t")
    add("jsonb_array_length", [("J", v)], "i")
    add("json_array_length", [("j", v)], "i")
    add("jsonb_bool", [("J", v)], "b", sql="::bool")
    add("jsonb_numeric", [("J", v)], "n", sql="::numeric")
    add("jsonb_int4", [("J", v)], "i", sql="::int4")
    add("jsonb_float8", [("J", v)], "f", sql="::float8")
for v in ['1.5', '2.5', '-2.5', '1e10', '70000', '-32768', '123456789012', '1e20', '0.1', '3.4e39', '1e-50']:
    add("jsonb_int2", [("J", v)], "h", sql="::int2")
    add("jsonb_int4", [("J", v)], "i", sql="::int4")
    add("jsonb_int8", [("J", v)], "I", sql="::int8")
    add("jsonb_float4", [("J", v)], "F", sql="::float4")
    add("jsonb_float8", [("J", v)], "f", sql="::float8")
    add("jsonb_numeric", [("J", v)], "n", sql="::numeric")
add("json_array_length", [("j", '[1,[2,3],{"a":4}]')], "i")
for v in ['{"a": 1, "b": null, "c": [1, null, {"d":null}], "e":"\\u00e9\\/"}', '[null, {"a":null}]', 'null', '"x\\u0001"', ' 1.50 ', '{"a":null}']:
    add("json_strip_nulls", [("j", v)], "j")
    add("jsonb_strip_nulls", [("J", v)], "J")
for v in ['{}', '[]', '{"a":{},"b":[1,{"c":[]}],"d":"x"}', '1', '[[]]', '{"a":[{"b":null}]}', '"x"']:
    add("jsonb_pretty", [("J", v)], "t")
add("json_object", [("a", '{a,1,b,NULL}')], "j")
add("jsonb_object", [("a", '{a,1,b,NULL}')], "J")
for a in ['{a,b,c}', '{{a,1},{b,2}}', '{{a,1,3},{b,2,4}}', '{{{a}}}', '{a,b,NULL,d}', '{}', '{b,1,a,2,b,3}', '{"a b","c\\"d"}']:
    add("json_object", [("a", a)], "j")
    add("jsonb_object", [("a", a)], "J")
for k, v in [('{a,b}', '{1}'), ('{a,b}', '{{1,2}}'), ('{a,NULL}', '{1,2}'), ('{a,b}', '{1,NULL}'), ('{}', '{}'), ('{a,a}', '{1,2}'), ('{{a}}', '{{1}}')]:
    add("json_object_two_arg", [("a", k), ("a", v)], "j", sql="json_object")
    add("jsonb_object_two_arg", [("a", k), ("a", v)], "J", sql="jsonb_object")
# to_json / build (polymorphic)
tj = [("t", 'a"b\\c\n\u0001/'), ("i", "42"), ("n", "1.50"), ("n", "NaN"), ("n", "-Infinity"), ("f", "Infinity"), ("f", "1e300"), ("f", "0.1"),
      ("b", "true"), ("j", '{"a" : [1,2]}'), ("J", '{"b":1,"a":[1,2]}'), ("A", '{{1,2},{3,4}}'), ("A", '{}'), ("a", '{a,NULL,"x y"}'),
      ("u", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), ("I", "-9223372036854775808"), ("d", "2020-01-02"), ("d", "infinity"),
      ("T", "2020-01-02 03:04:05.5"), ("T", "1999-12-31 23:59:59"), ("Z", "2020-01-02 03:04:05.5+02"), ("J", '"scalar"'), ("j", ' 5 ')]
for t, v in tj:
    add("to_json", [(t, v)], "j")
    add("to_jsonb", [(t, v)], "J")
bo = [("t", "a"), ("i", "1"), ("t", "b"), ("t", "x"), ("t", "c"), (None and "t", None)]
add("json_build_object", [("t", "a"), ("i", "1"), ("t", "b"), ("t", "x"), ("t", "c"), ("t", None), ("t", "d"), ("b", "true"), ("t", "e"), ("n", "1.50"), ("t", "f"), ("n", "NaN"), ("t", "g"), ("A", "{1,2}")], "j")
add("jsonb_build_object", [("t", "a"), ("i", "1"), ("t", "b"), ("t", "x"), ("t", "c"), ("t", None), ("t", "d"), ("b", "true"), ("t", "e"), ("n", "1.50"), ("t", "f"), ("n", "NaN"), ("t", "g"), ("A", "{1,2}")], "J")
add("json_build_object", [("i", "1"), ("i", "2"), ("b", "true"), ("b", "false"), ("n", "1.5"), ("t", "x")], "j")
add("jsonb_build_object", [("i", "1"), ("i", "2"), ("b", "true"), ("b", "false"), ("n", "1.5"), ("t", "x")], "J")
add("jsonb_build_object", [("t", "a"), ("i", "1"), ("t", "a"), ("i", "2")], "J")
add("json_build_object", [("t", "a"), ("i", "1"), ("t", "a"), ("i", "2")], "j")
add("json_build_object", [("t", "a")], "j")
add("jsonb_build_object", [("t", "a"), ("i", "1"), ("t", "b")], "J")
add("json_build_object", [("t", None), ("i", "1")], "j")
add("jsonb_build_object", [("t", None), ("i", "1")], "J")
add("json_build_object", [("A", "{1}"), ("i", "1")], "j")
add("jsonb_build_object", [("A", "{1}"), ("i", "1")], "J")
add("jsonb_build_object", [("J", '{"a":1}'), ("i", "1")], "J")
add("json_build_object", [("j", '{"a":1}'), ("i", "1")], "j")
add("jsonb_build_object", [("t", "j"), ("j", '{"x" : [1, {"y":null}], "x":2}'), ("t", "jb"), ("J", '[1,{"z":2}]'), ("t", "s"), ("J", '"str"')], "J")
add("json_build_object", [("t", "j"), ("j", '{"x" : [1, {"y":null}], "x":2}'), ("t", "jb"), ("J", '[1,{"z":2}]')], "j")
add("json_build_array", [("i", "1"), ("t", "a"), ("t", None), ("a", "{x}"), ("j", '{"a" : 1}'), ("J", '{"a" : 1}')], "j")
add("jsonb_build_array", [("i", "1"), ("t", "a"), ("t", None), ("a", "{x}"), ("j", '{"a" : 1}'), ("J", '{"a" : 1}')], "J")
add("json_build_object_noargs", [], "j", sql="json_build_object")
add("jsonb_build_object_noargs", [], "J", sql="jsonb_build_object")
add("json_build_array_noargs", [], "j", sql="json_build_array")
add("jsonb_build_array_noargs", [], "J", sql="jsonb_build_array")
add("array_to_json", [("A", "{{1,2},{3,4}}")], "j")
add("array_to_json_pretty", [("A", "{{1,2},{3,4}}"), ("b", "true")], "j", sql="array_to_json")
add("array_to_json_pretty", [("a", '{a,b,NULL}'), ("b", "true")], "j", sql="array_to_json")
add("array_to_json", [("A", "{}")], "j")
# SRFs
for v in ['[1, "a\\u00e9" , {"x" : 1}, null, [ 2 ] ]', '{"b":1,"a":2,"b":3,"aa":4}', '1', '[]', '{}']:
    add("json_array_elements", [("j", v)], "s:j")
    add("json_array_elements_text", [("j", v)], "s:t")
    add("jsonb_array_elements", [("J", v)], "s:J")
    add("jsonb_array_elements_text", [("J", v)], "s:t")
    add("json_object_keys", [("j", v)], "s:t")
    add("jsonb_object_keys", [("J", v)], "s:t")
# send/recv
for v in ['{"a": 1}', '[1, "x", null]', '"s"']:
    add("jsonb_send", [("J", v)], "x")
    add("json_send", [("j", v)], "x")
add("uuid_send", [("u", 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')], "x")
# ---- larger inputs: key sorting and de-duplication, CONTEXT cut at a character boundary
big = '{' + ','.join('"k%d":%d' % (i, (i * 7919) % 1000) for i in range(300)) + ',"k5":"dup","":0}'
add("jsonb_in", [("c", big)], "J", sql="%s")
add("jsonb_object_field", [("J", big), ("t", "k5")], "J")
add("jsonb_array_length", [("J", '[' + ','.join(str(i) for i in range(500)) + ']')], "i")
longline = '[' + ', '.join('"\u00e9\u00e8\u00ea%d"' % i for i in range(40)) + ', bad]'
add("json_in", [("c", longline)], "j", sql="%s")
add("jsonb_in", [("c", longline)], "J", sql="%s")

# ---------------------------------------------------------------- output

SQLTYPE = {'J': 'jsonb', 'j': 'json', 't': 'text', 'i': 'int4', 'I': 'int8', 'b': 'bool', 'a': 'text[]',
           'A': 'int4[]', 'n': 'numeric', 'f': 'float8', 'u': 'uuid', 'd': 'date', 'T': 'timestamp',
           'Z': 'timestamptz'}

def lit(t, v):
    if v is None:
        return "NULL::" + SQLTYPE[t]
    return "'" + v.replace("'", "''") + "'::" + SQLTYPE[t]

VARIADIC_PATH = {'json_extract_path', 'json_extract_path_text', 'jsonb_extract_path', 'jsonb_extract_path_text', 'jsonb_delete_array'}

def render(c):
    cfunc, sqlname, args, res = c
    if sqlname == "%s":
        return "select " + lit(res, args[0][1])
    if sqlname and sqlname.startswith("::"):
        return "select (%s)%s" % (lit(*args[0]), sqlname)
    name = sqlname or cfunc
    if cfunc in VARIADIC_PATH:
        t, v = args[-1]
        call = "%s(%s)" % (name, ", ".join([lit(t2, v2) for t2, v2 in args[:-1]] + ["VARIADIC " + lit(t, v)]))
        return "select " + call
    call = "%s(%s)" % (name, ", ".join(lit(t, v) for t, v in args))
    if res == 'x':
        return "select encode(%s, 'hex')" % call
    return "select " + call

def cstr(s):
    if s is None:
        return "NULL"
    out = ['"']
    for b in s.encode('utf-8'):
        ch = chr(b)
        if ch == '"': out.append('\\"')
        elif ch == '\\': out.append('\\\\')
        elif ch == '\n': out.append('\\n')
        elif ch == '\t': out.append('\\t')
        elif 32 <= b < 127 and ch != '?': out.append(ch)
        else: out.append('\\%03o' % b)
    out.append('"')
    return "".join(out)

sqls = [render(c) for c in C]
with concurrent.futures.ThreadPoolExecutor(16) as ex:
    results = list(ex.map(run, sqls))

funcs = sorted(set(c[0] for c in C))
lines = []
lines.append("/* BEGIN GENERATED CASES */")
for f in funcs:
    lines.append("extern Datum %s(PG_FUNCTION_ARGS);" % f)
lines.append("")
lines.append("static const JCase cases[] = {")
for c, sql, r in zip(C, sqls, results):
    cfunc, sqlname, args, res = c
    types = "".join(t for t, v in args)
    argv = ", ".join(cstr(v) for t, v in args) if args else "NULL"
    exp = None if r == "<<NULL>>" else r
    lines.append("    {%s, %s, %s, %s, {%s}, %s}," % (cstr(sql), cfunc, cstr(types), cstr(res), argv, cstr(exp)))
lines.append("};")
lines.append("/* END GENERATED CASES */")
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "json_test.c")
src = open(path, encoding="utf-8").read()
start = src.index("/* BEGIN GENERATED CASES */")
end = src.index("/* END GENERATED CASES */") + len("/* END GENERATED CASES */\n")
open(path, "w", encoding="utf-8").write(src[:start] + "\n".join(lines) + "\n" + src[end:])
print(len(C), "cases written to", path)
