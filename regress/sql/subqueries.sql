--
-- subqueries: scalar, IN / NOT IN with NULLs, EXISTS, ANY / ALL, correlated,
-- in FROM, in the target list and in UPDATE/DELETE.
--
CREATE TABLE sq_a (id int4, v int4);
CREATE TABLE sq_b (id int4, v int4);
INSERT INTO sq_a VALUES (1, 10), (2, 20), (3, 30), (4, NULL), (5, 50);
INSERT INTO sq_b VALUES (1, 10), (2, 25), (3, NULL), (6, 50);
SELECT (SELECT max(v) FROM sq_a), (SELECT v FROM sq_a WHERE id = 2), (SELECT v FROM sq_a WHERE id = 99);
SELECT (SELECT v FROM sq_a);
SELECT (SELECT id, v FROM sq_a WHERE id = 1);
SELECT id FROM sq_a WHERE v > (SELECT avg(v) FROM sq_a) ORDER BY id;
SELECT id FROM sq_a WHERE v IN (SELECT v FROM sq_b) ORDER BY id;
SELECT id FROM sq_a WHERE v NOT IN (SELECT v FROM sq_b) ORDER BY id;
SELECT id FROM sq_a WHERE v NOT IN (SELECT v FROM sq_b WHERE v IS NOT NULL) ORDER BY id;
SELECT id, v IN (SELECT v FROM sq_b), v NOT IN (SELECT v FROM sq_b) FROM sq_a ORDER BY id;
SELECT id FROM sq_a WHERE id IN (SELECT id FROM sq_b WHERE sq_b.v > 20) ORDER BY id;
SELECT 1 IN (SELECT 1 WHERE false), 1 NOT IN (SELECT 1 WHERE false), NULL::int4 IN (SELECT 1 WHERE false);
SELECT id FROM sq_a a WHERE EXISTS (SELECT 1 FROM sq_b b WHERE b.id = a.id) ORDER BY id;
SELECT id FROM sq_a a WHERE NOT EXISTS (SELECT 1 FROM sq_b b WHERE b.id = a.id) ORDER BY id;
SELECT id FROM sq_a a WHERE EXISTS (SELECT 1 FROM sq_b b WHERE b.v = a.v) ORDER BY id;
SELECT EXISTS (SELECT 1 FROM sq_a), EXISTS (SELECT 1 FROM sq_a WHERE false);
SELECT id FROM sq_a WHERE v > ANY (SELECT v FROM sq_b) ORDER BY id;
SELECT id FROM sq_a WHERE v > ALL (SELECT v FROM sq_b WHERE v IS NOT NULL) ORDER BY id;
SELECT id FROM sq_a WHERE v > ALL (SELECT v FROM sq_b) ORDER BY id;
SELECT id FROM sq_a WHERE v = ANY (SELECT v FROM sq_b) ORDER BY id;
SELECT id FROM sq_a WHERE v <> ALL (SELECT v FROM sq_b WHERE v IS NOT NULL) ORDER BY id;
SELECT id, v, (SELECT count(*) FROM sq_b b WHERE b.v < a.v) AS smaller FROM sq_a a ORDER BY id;
SELECT id, (SELECT b.v FROM sq_b b WHERE b.id = a.id) FROM sq_a a ORDER BY id;
SELECT id FROM sq_a a WHERE v = (SELECT max(v) FROM sq_a a2 WHERE a2.id <= a.id) ORDER BY id;
SELECT s.id, s.dbl FROM (SELECT id, v * 2 AS dbl FROM sq_a WHERE v IS NOT NULL) s WHERE s.dbl > 30 ORDER BY s.id;
SELECT count(*), sum(c) FROM (SELECT id, count(*) AS c FROM sq_b GROUP BY id) t;
SELECT * FROM (SELECT * FROM (SELECT id, v FROM sq_a) x WHERE id > 1) y WHERE v < 40 ORDER BY id;
SELECT id, CASE WHEN EXISTS (SELECT 1 FROM sq_b WHERE sq_b.id = sq_a.id) THEN 'both' ELSE 'a only' END FROM sq_a ORDER BY id;
SELECT max((SELECT count(*) FROM sq_b WHERE sq_b.id <= sq_a.id)) FROM sq_a;
UPDATE sq_a SET v = (SELECT v FROM sq_b WHERE sq_b.id = sq_a.id) WHERE id IN (SELECT id FROM sq_b);
SELECT * FROM sq_a ORDER BY id;
DELETE FROM sq_a WHERE NOT EXISTS (SELECT 1 FROM sq_b WHERE sq_b.id = sq_a.id);
SELECT * FROM sq_a ORDER BY id;
INSERT INTO sq_a SELECT id + 100, v FROM sq_b WHERE v IS NOT NULL;
SELECT * FROM sq_a ORDER BY id;
SELECT id FROM sq_a WHERE v IN (SELECT nosuch FROM sq_b);
DROP TABLE sq_a;
DROP TABLE sq_b;
