--
-- json: input validation, output preserved verbatim, operators and functions.
--
SELECT '{"a": 1, "b": [1, 2, {"c": "x"}]}'::json, '[1, 2 ,3]'::json, '"str"'::json, 'null'::json, '  {"k" : true}  '::json;
SELECT '{"a": 1, "a": 2}'::json, '{"b":1,"a":2}'::json;
SELECT '{"a": 1'::json;
SELECT '{a: 1}'::json;
SELECT ''::json;
SELECT '{"a": {"b": [10, 20, 30]}}'::json -> 'a', '{"a": {"b": [10, 20, 30]}}'::json -> 'a' -> 'b' -> 1, '[1,2,3]'::json -> -1;
SELECT '{"a": "text", "n": 5, "z": null}'::json ->> 'a', '{"a": "text", "n": 5, "z": null}'::json ->> 'n', '{"z": null}'::json ->> 'z', '{"a":1}'::json -> 'missing';
SELECT '{"a": {"b": [10, 20, 30]}}'::json #> '{a,b,2}', '{"a": {"b": [10, 20, 30]}}'::json #>> '{a,b}', '{"a": 1}'::json #> '{x,y}';
SELECT json_typeof('1'), json_typeof('"s"'), json_typeof('[1]'), json_typeof('{}'), json_typeof('null'), json_typeof('true');
SELECT json_array_length('[1, 2, [3, 4]]'), json_array_length('[]');
SELECT json_array_length('{}');
SELECT json_object_keys('{"x": 1, "y": 2, "z": {"w": 3}}');
SELECT json_array_elements('[1, "a", {"b": 2}, null]');
SELECT json_array_elements_text('[1, "a", {"b": 2}, null]');
SELECT to_json('hello'::text), to_json(42), to_json(1.5), to_json(true), to_json(NULL::text), to_json('a"b'::text);
SELECT json_build_object('a', 1, 'b', 'two', 'c', NULL), json_build_array(1, 'a', true, NULL), json_build_object();
SELECT json_object('{a, 1, b, 2}'), json_strip_nulls('{"a": 1, "b": null, "c": {"d": null}}');
SELECT '{"a":1}'::json::text, '{"a":1}'::text::json, '[1,2]'::json::jsonb;
CREATE TABLE js_t (id int4, j json);
INSERT INTO js_t VALUES (1, '{"name": "ann", "age": 30, "tags": ["a", "b"]}'),
    (2, '{"name": "bob", "age": 25, "tags": []}'),
    (3, '{"name": "cy", "tags": ["c"]}'),
    (4, NULL),
    (5, '[1, 2]');
SELECT id, j -> 'name', j ->> 'name', (j ->> 'age')::int4 + 1, j -> 'tags' -> 0 FROM js_t ORDER BY id;
SELECT id FROM js_t WHERE j ->> 'name' = 'bob' ORDER BY id;
SELECT id, json_array_length(j -> 'tags') FROM js_t WHERE json_typeof(j) = 'object' ORDER BY id;
DROP TABLE js_t;
