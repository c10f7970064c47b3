--
-- JSON and records: row_to_json, to_json[b] of rows, json[b]_each,
-- json[b]_to_record[set], json[b]_populate_record[set].
--
CREATE TABLE jr (a int, b text, c numeric, d boolean);
INSERT INTO jr VALUES (1, 'one', 1.5, true), (2, NULL, NULL, false), (3, 'q"t', -3, NULL);
SELECT row_to_json(jr) FROM jr ORDER BY a;
SELECT row_to_json(jr, true) FROM jr WHERE a = 1;
SELECT row_to_json(t) FROM (SELECT 1 AS a, 'b' AS b) t;
SELECT row_to_json(ROW(1, 'x', NULL));
SELECT to_json(jr) FROM jr ORDER BY a;
SELECT to_jsonb(jr.*) FROM jr ORDER BY a;
SELECT json_agg(jr ORDER BY a) FROM jr;
SELECT jsonb_agg(jr ORDER BY a) FROM jr;
SELECT to_json(array_agg(jr ORDER BY a)) FROM jr;
SELECT json_build_object('r', jr, 'n', a) FROM jr ORDER BY a;
SELECT jsonb_build_object('r', jr) FROM jr WHERE a = 2;
SELECT json_build_array(ROW(1, 2), ROW('a', NULL));
SELECT row_to_json(s) FROM (SELECT a, ROW(b, c) AS inner_row, ARRAY[a, a] AS arr FROM jr) s ORDER BY s.a;
-- json[b]_each
SELECT * FROM json_each('{"a": 1, "b": [1, 2], "c": null, "a": "dup"}');
SELECT * FROM json_each_text('{"a": 1, "b": "x", "c": null}');
SELECT * FROM jsonb_each('{"b": {"x": 1}, "a": 1, "ccc": null}');
SELECT * FROM jsonb_each_text('{"b": {"x": 1}, "a": "s", "c": null}') ORDER BY key;
SELECT key, value FROM json_each('{"k": 1}') WITH ORDINALITY AS e(key, value, n);
SELECT e FROM jsonb_each('{"k": 1}') AS e;
SELECT json_each('{"a": 1, "b": [2]}');
SELECT (json_each('{"a": 1, "b": [2]}')).key;
SELECT (jsonb_each('{"a": 1, "b": [2]}')).value;
SELECT * FROM json_each('[1]');
SELECT * FROM json_each('1');
SELECT * FROM jsonb_each('[1]');
SELECT * FROM jsonb_each_text('1');
SELECT * FROM json_array_elements('[1, "a", null]') AS e(x);
SELECT * FROM jsonb_array_elements_text('[1, "a", null]') WITH ORDINALITY;
SELECT * FROM jsonb_object_keys('{"b": 1, "a": 2}');
SELECT j.key, count(*) FROM jr, jsonb_each(to_jsonb(jr)) j GROUP BY j.key ORDER BY j.key;
-- json[b]_to_record[set]
SELECT * FROM json_to_record('{"a": 1, "b": "x", "c": 2.5}') AS x(a int, b text, c numeric, d bool);
SELECT * FROM jsonb_to_record('{"a": 1, "b": "x"}') AS x(a int, b text);
SELECT * FROM json_to_record('{"a": [1, 2], "b": {"c": 1}, "d": "str", "e": {"x":  1}}') AS x(a int[], b json, d json, e jsonb, f text);
SELECT * FROM jsonb_to_record('{"a": [1, 2], "b": {"c": 1}, "d": "str", "e": {"x":  1}}') AS x(a int[], b json, d json, e jsonb, f text);
SELECT * FROM json_to_record('{"a": "{1,2}", "b": [[1, 2], [3, 4]]}') AS x(a int[], b int[]);
SELECT * FROM json_to_record('{"a": true, "b": 1.50}') AS x(a text, b numeric);
SELECT * FROM json_to_recordset('[{"a": 1, "b": "x"}, {"a": 2}, {"b": "y"}]') AS x(a int, b text);
SELECT * FROM jsonb_to_recordset('[{"a": 1, "b": "x"}, {"a": 2}]') AS x(a int, b text);
SELECT * FROM json_to_record('{"a": 1}');
SELECT * FROM json_each('{"a": 1}') AS x(a text, b json);
SELECT * FROM json_to_record('[1]') AS x(a int);
SELECT * FROM jsonb_to_record('1') AS x(a int);
SELECT * FROM json_to_recordset('[1]') AS x(a int);
SELECT * FROM json_to_recordset('{"a": 1}') AS x(a int);
SELECT * FROM jsonb_to_recordset('[{"a": 1}, 2]') AS x(a int);
SELECT * FROM json_to_record('{"a": "x"}') AS x(a int);
SELECT * FROM json_to_record('{"a": 1}') AS x(a int[]);
SELECT * FROM ROWS FROM (json_to_record('{"a": 1}') AS (a int), generate_series(1, 2));
SELECT * FROM ROWS FROM (json_to_record('{"a": 1}'), generate_series(1, 2)) AS x(a int);
-- json[b]_populate_record[set]
SELECT * FROM json_populate_record(NULL::jr, '{"a": 5, "b": "five", "zz": 1}');
SELECT * FROM jsonb_populate_record(ROW(9, 'base', 9, true)::jr, '{"a": 5, "c": null}');
SELECT json_populate_record(NULL::jr, '{"a": 5, "d": false}');
SELECT (jsonb_populate_record(NULL::jr, '{"a": 7, "b": "s"}')).b;
SELECT * FROM json_populate_recordset(NULL::jr, '[{"a": 1}, {"b": "x", "d": true}]');
SELECT * FROM jsonb_populate_recordset(NULL::jr, '[{"a": 1, "c": 2.25}]');
SELECT * FROM json_populate_record(1, '{}');
SELECT json_to_record('{"a": 1}');
SELECT a, j.* FROM jr, jsonb_populate_record(jr, '{"b": "new"}') j ORDER BY a;
DROP TABLE jr;
