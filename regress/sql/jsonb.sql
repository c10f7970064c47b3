--
-- jsonb: normalized input, operators (-> ->> #> #>> @> <@ ? ?| ?& || - #-),
-- functions and comparison.
--
SELECT '{"b": 1, "a": 2, "a": 3}'::jsonb, '[1, 2 ,3]'::jsonb, '{"x":  {"y" :[true, null]}}'::jsonb, '1.50'::jsonb, '"s"'::jsonb;
SELECT '{"a": 1'::jsonb;
SELECT '{"a": {"b": [10, 20, 30]}}'::jsonb -> 'a', '{"a": {"b": [10, 20, 30]}}'::jsonb -> 'a' -> 'b' -> 1, '[1,2,3]'::jsonb -> -1;
SELECT '{"a": "text", "n": 5}'::jsonb ->> 'a', '{"a": "text", "n": 5}'::jsonb ->> 'n', '{"a": 1}'::jsonb -> 'zz';
SELECT '{"a": {"b": [10, 20, 30]}}'::jsonb #> '{a,b,2}', '{"a": {"b": [10, 20, 30]}}'::jsonb #>> '{a,b}';
SELECT '{"a": 1, "b": 2}'::jsonb @> '{"a": 1}', '{"a": 1}'::jsonb @> '{"a": 1, "b": 2}', '{"a": 1}'::jsonb <@ '{"a": 1, "b": 2}', '[1, 2, 3]'::jsonb @> '[3, 1]';
SELECT '{"a": {"b": 1, "c": 2}}'::jsonb @> '{"a": {"c": 2}}', '[1, [2, 3]]'::jsonb @> '[[3]]', '"a"'::jsonb @> '"a"';
SELECT '{"a": 1, "b": 2}'::jsonb ? 'a', '{"a": 1}'::jsonb ? 'b', '["a", "b"]'::jsonb ? 'b', '{"a": 1, "b": 2}'::jsonb ?| '{b,c}', '{"a": 1, "b": 2}'::jsonb ?& '{a,c}';
SELECT '{"a": 1}'::jsonb || '{"b": 2}', '{"a": 1}'::jsonb || '{"a": 2}', '[1, 2]'::jsonb || '[3]', '[1]'::jsonb || '2'::jsonb;
SELECT '{"a": 1, "b": 2}'::jsonb - 'a', '["a", "b", "c"]'::jsonb - 1, '["a", "b", "a"]'::jsonb - 'a', '{"a": 1, "b": 2, "c": 3}'::jsonb - '{a,c}'::text[];
SELECT '{"a": {"b": 1, "c": 2}}'::jsonb #- '{a,b}', '[1, 2, 3]'::jsonb #- '{0}';
SELECT '{"a": 1, "b": [1, 2]}'::jsonb = '{"b": [1, 2], "a": 1}'::jsonb, '1'::jsonb < '2'::jsonb, '1.0'::jsonb = '1'::jsonb;
SELECT jsonb_typeof('{"a": 1}'), jsonb_typeof('[]'), jsonb_typeof('1.5'), jsonb_array_length('[1, 2, 3]');
SELECT jsonb_object_keys('{"z": 1, "a": 2, "m": 3}');
SELECT jsonb_array_elements('[1, "two", {"three": 3}]');
SELECT jsonb_array_elements_text('[1, "two", null]');
SELECT jsonb_strip_nulls('{"a": null, "b": {"c": null, "d": 1}}'), jsonb_pretty('{"a": [1, {"b": 2}]}');
SELECT '{"a":1}'::jsonb::text, '{"a":1}'::jsonb::json, '5'::jsonb::int4, '"x"'::jsonb::text, 'true'::jsonb::bool, '2.5'::jsonb::numeric;
SELECT '"x"'::jsonb::int4;
CREATE TABLE jb_t (id int4, doc jsonb);
INSERT INTO jb_t VALUES
    (1, '{"name": "ann", "age": 30, "tags": ["a", "b"], "addr": {"city": "Oslo"}}'),
    (2, '{"name": "bob", "age": 25, "tags": ["b"], "addr": {"city": "Rome"}}'),
    (3, '{"name": "cy", "tags": [], "active": false}'),
    (4, NULL),
    (5, '{"name": "dee", "age": 41, "addr": {"city": "Oslo", "zip": "0150"}}');
SELECT id, doc ->> 'name', doc #>> '{addr,city}', doc -> 'tags' FROM jb_t ORDER BY id;
SELECT id FROM jb_t WHERE doc @> '{"addr": {"city": "Oslo"}}' ORDER BY id;
SELECT id FROM jb_t WHERE doc ? 'age' ORDER BY id;
SELECT id FROM jb_t WHERE doc -> 'tags' ? 'b' ORDER BY id;
SELECT id FROM jb_t WHERE (doc ->> 'age')::int4 > 26 ORDER BY id;
SELECT doc #>> '{addr,city}' AS city, count(*) FROM jb_t GROUP BY 1 ORDER BY 1;
SELECT id, doc FROM jb_t ORDER BY doc, id;
UPDATE jb_t SET doc = doc || '{"checked": true}' WHERE id = 3;
UPDATE jb_t SET doc = doc - 'addr' WHERE id = 2;
SELECT id, doc FROM jb_t ORDER BY id;
DROP TABLE jb_t;
