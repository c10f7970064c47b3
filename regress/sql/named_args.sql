--
-- Named function arguments (=> and :=), default arguments, and
-- FETCH FIRST ... WITH TIES
--
-- named notation
SELECT make_interval(days => 3);
SELECT make_interval(days := 10, hours := 2);
SELECT make_interval(secs => 1.5, years => 1, mins => 5);
-- mixed: positional first, then named
SELECT make_interval(1, 2, days => 3);
SELECT make_interval(1, days := 3, hours => 2);
-- defaults only
SELECT make_interval();
SELECT make_interval(2);
-- a trailing default argument
SELECT jsonb_set('{"a":1}', '{a}', '2');
SELECT jsonb_set('{"a":1}', '{b}', '2');
SELECT jsonb_set('{"a":1}', '{b}', '2', false);
SELECT jsonb_set('{"a":1}', '{b}', '2', create_if_missing => false);
SELECT jsonb_set(jsonb_in => '{"a":1}', replacement => '5', path => '{c}');
SELECT jsonb_insert('{"a":[1,2]}', '{a,0}', '0');
SELECT jsonb_insert('{"a":[1,2]}', '{a,0}', '0', insert_after => true);
SELECT to_json(1), to_jsonb('x'::text);
SELECT make_timestamp(2020, 1, 2, 3, 4, sec => 5.5);
-- in WHERE and with columns
CREATE TABLE na_t (d int, h int);
INSERT INTO na_t VALUES (1, 2), (3, 4);
SELECT d, make_interval(days => d, hours => h) FROM na_t ORDER BY d;
SELECT count(*) FROM na_t WHERE make_interval(days => d) > make_interval(days => 2);
DROP TABLE na_t;
-- errors
SELECT make_interval(dayz => 3);
SELECT make_interval(days => 3, 1);
SELECT make_interval(days => 3, days => 1);
SELECT make_interval(1, years => 2);
SELECT jsonb_set('{}', '{a}', create_if_missing => false);
SELECT lower(x => 'A');
SELECT jsonb_set('{}');

-- FETCH FIRST ... WITH TIES
CREATE TABLE wt (a int, b text);
INSERT INTO wt VALUES (1,'x'),(2,'y'),(2,'z'),(2,'w'),(3,'v'),(3,'u'),(4,'t'),(NULL,'n1'),(NULL,'n2');
SELECT a FROM wt ORDER BY a FETCH FIRST 2 ROWS WITH TIES;
SELECT a FROM wt ORDER BY a FETCH FIRST 1 ROW WITH TIES;
SELECT a FROM wt ORDER BY a OFFSET 1 FETCH FIRST 1 ROW WITH TIES;
SELECT a FROM wt ORDER BY a OFFSET 4 ROWS FETCH NEXT 1 ROW WITH TIES;
SELECT a FROM wt ORDER BY a DESC FETCH FIRST 1 ROW WITH TIES;
SELECT a FROM wt ORDER BY a NULLS FIRST FETCH FIRST 1 ROW WITH TIES;
SELECT a FROM wt ORDER BY a FETCH FIRST 0 ROWS WITH TIES;
SELECT a FROM wt ORDER BY a FETCH FIRST 7 ROWS WITH TIES;
SELECT a, b FROM wt ORDER BY a, b FETCH FIRST 3 ROWS WITH TIES;
SELECT a FROM wt ORDER BY a FETCH FIRST 2 ROWS ONLY;
SELECT a FROM wt ORDER BY a FETCH FIRST (NULL::int) ROWS WITH TIES;
SELECT count(*) FROM (SELECT a FROM wt ORDER BY a FETCH FIRST 2 ROWS WITH TIES) s;
SELECT 1 AS a UNION ALL SELECT 1 UNION ALL SELECT 2 ORDER BY 1 FETCH FIRST 1 ROW WITH TIES;
VALUES (1), (1), (2) ORDER BY 1 FETCH FIRST 1 ROW WITH TIES;
SELECT a FROM wt FETCH FIRST 2 ROWS WITH TIES;
SELECT a FROM wt ORDER BY a FETCH FIRST NULL ROWS WITH TIES;
DROP TABLE wt;
