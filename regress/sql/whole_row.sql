--
-- Whole-row references, record values, field selection, row comparisons
-- with sub-SELECTs, functions returning rows in FROM.
--
CREATE TABLE wr (a int, b text, c numeric);
INSERT INTO wr VALUES (1, 'one', 1.5), (2, NULL, NULL), (3, 'x y', 3), (4, '', -4);
-- a table's whole row, as a value
SELECT wr FROM wr ORDER BY a;
SELECT wr.* FROM wr ORDER BY a;
SELECT wr.*::text AS t FROM wr ORDER BY a;
SELECT ROW(wr.*) FROM wr ORDER BY a;
SELECT (wr).a, (wr).b, (wr.*).c FROM wr ORDER BY a;
SELECT (wr).* FROM wr ORDER BY a;
SELECT pg_typeof(wr), pg_typeof(ROW(1, 2)) FROM wr WHERE a = 1;
SELECT count(wr), count(*) FROM wr;
SELECT a FROM wr WHERE wr IS NOT NULL ORDER BY a;
SELECT a, wr IS NULL AS isnull FROM wr ORDER BY a;
SELECT array_agg(wr ORDER BY a) FROM wr;
SELECT DISTINCT wr FROM wr ORDER BY wr;
SELECT wr FROM wr ORDER BY wr DESC;
SELECT w1.a FROM wr w1, wr w2 WHERE w1 = w2 ORDER BY 1;
SELECT a, wr < ROW(2, 'a', 0)::wr AS lt FROM wr ORDER BY a;
-- sub-SELECTs, WITH, VALUES, functions, joins
SELECT s FROM (SELECT a, b FROM wr) s ORDER BY 1;
SELECT (s).b FROM (SELECT a, b FROM wr WHERE a < 3) s ORDER BY (s).a;
WITH c AS (SELECT a * 10 AS x FROM wr) SELECT c FROM c ORDER BY 1;
SELECT v FROM (VALUES (1, 'a'), (2, 'b')) v ORDER BY 1;
SELECT v FROM (VALUES (1, 'a'), (2, 'b')) v(x, y) ORDER BY v.x;
SELECT f FROM generate_series(1, 3) f;
SELECT g FROM generate_series(1, 2) WITH ORDINALITY AS g(x, n);
SELECT wr, u FROM wr JOIN wr u USING (a) WHERE wr.a < 3 ORDER BY wr.a;
SELECT j FROM (wr JOIN wr u USING (a)) j WHERE j.a = 1;
SELECT u FROM wr LEFT JOIN wr u ON false WHERE wr.a = 1;
SELECT count(u) FROM wr LEFT JOIN wr u ON false;
SELECT a, (SELECT count(*) FROM wr u WHERE u = wr) FROM wr ORDER BY a;
SELECT x FROM (SELECT wr AS x FROM wr) s ORDER BY (x).a;
SELECT (x).b FROM (SELECT wr AS x FROM wr) s ORDER BY (x).a;
-- field selection
SELECT (ROW(1, 2)).f1, (ROW(1, 'x'::text)).f2;
SELECT (ROW(1, 'a')::wr).b;
SELECT (wr).zz FROM wr;
SELECT (ROW(1, 2)).zz;
SELECT (1).x;
SELECT (ROW(1, 'a')::wr).zz;
-- composite values: casts and text input
SELECT ROW(1, 'a', 2)::wr;
SELECT ROW(1, 'a')::wr;
SELECT '(5,"hello world",2.5)'::wr;
SELECT ('(5,"hello world",2.5)'::wr).b;
SELECT '(,,)'::wr, '("",,)'::wr::text;
SELECT '(5'::wr;
SELECT '(5,x,1,2)'::wr;
SELECT '(5,x,1) z'::wr;
SELECT 'x'::wr;
SELECT '(1,"a\"b",)'::wr;
-- row comparison with a sub-SELECT
SELECT (1, 'one') = (SELECT a, b FROM wr WHERE a = 1);
SELECT (1, 'two') <> (SELECT a, b FROM wr WHERE a = 1);
SELECT (1, 'a') < (SELECT a, b FROM wr WHERE a = 1);
SELECT (2, 'a') > (SELECT a, b FROM wr WHERE a = 1);
SELECT (1, 2) = (SELECT 1, 2 WHERE false);
SELECT a FROM wr WHERE (a, b) = (SELECT 3, 'x y') ORDER BY a;
SELECT a FROM wr WHERE (a, b) IN (SELECT a, b FROM wr WHERE a < 3) ORDER BY a;
-- functions in FROM
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']);
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS x(n, s);
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(5, 7)) AS g;
SELECT * FROM ROWS FROM (generate_series(1, 2), generate_series(5, 7)) WITH ORDINALITY;
SELECT * FROM generate_series(1, 2) WITH ORDINALITY;
SELECT * FROM generate_series(10, 12) WITH ORDINALITY AS g(v, n) WHERE n > 1;
SELECT * FROM generate_series(1, 2) AS x(a int);
-- a dropped column is not part of the row
CREATE TABLE wrd (a int, b text, c int);
INSERT INTO wrd VALUES (1, 'b', 3);
ALTER TABLE wrd DROP COLUMN b;
SELECT wrd, (wrd).c FROM wrd;
SELECT '(5,6)'::wrd;
-- a column of a table's row type
CREATE TABLE wrh (id int, r wrd);
INSERT INTO wrh VALUES (1, ROW(7, 8)::wrd), (2, '(9,10)'), (3, NULL);
SELECT * FROM wrh ORDER BY id;
SELECT id, (r).a, (r).c FROM wrh ORDER BY id;
SELECT id FROM wrh WHERE r IS NULL ORDER BY id;
DROP TABLE wrh;
DROP TABLE wrd;
-- more functions in FROM
SELECT * FROM regexp_matches('abcabc', '(b)(c)', 'g');
SELECT * FROM regexp_matches('abc', '(b)(c)') AS m(x);
SELECT * FROM generate_subscripts(ARRAY[10, 20, 30], 1) WITH ORDINALITY AS s(i, n);
SELECT * FROM unnest(ARRAY[1, 2]) WITH ORDINALITY AS u(v, n);
SELECT l FROM (SELECT 1 AS a) s, LATERAL (SELECT s.a + 1 AS z) l;
DROP TABLE wr;
