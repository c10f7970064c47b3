-- LATERAL sub-SELECTs and functions in FROM: values passed from the
-- left-hand FROM items per row (parameterized nested loops).
CREATE TABLE lat_a (id int, n int);
CREATE TABLE lat_b (a_id int, v text);
INSERT INTO lat_a VALUES (1, 2), (2, 0), (3, 3);
INSERT INTO lat_b VALUES (1, 'x'), (1, 'y'), (3, 'z'), (3, 'w'), (3, 'q');

-- functions in FROM are implicitly LATERAL
SELECT * FROM lat_a, generate_series(1, lat_a.n) g ORDER BY 1, 3;
SELECT id, g FROM lat_a CROSS JOIN LATERAL generate_series(1, n) AS g ORDER BY 1, 2;
SELECT id, g FROM lat_a LEFT JOIN LATERAL generate_series(1, n) AS g ON true ORDER BY 1, 2;
SELECT * FROM (VALUES (1), (3)) a(x), generate_series(x, x + 1) ORDER BY 1, 2;

-- sub-SELECTs
SELECT a.id, s.c FROM lat_a a, LATERAL (SELECT count(*) AS c FROM lat_b b WHERE b.a_id = a.id) s
  ORDER BY 1;
SELECT a.id, s.v FROM lat_a a, LATERAL (SELECT v FROM lat_b b WHERE b.a_id = a.id ORDER BY v LIMIT 2) s
  ORDER BY 1, 2;
SELECT a.id, s.v FROM lat_a a LEFT JOIN LATERAL (SELECT v FROM lat_b b WHERE b.a_id = a.id ORDER BY v LIMIT 1) s
  ON true ORDER BY 1;
SELECT a.id, s.y FROM lat_a a, LATERAL (SELECT a.n * 10 AS y) s ORDER BY 1;
SELECT a.id, s.y FROM lat_a a LEFT JOIN LATERAL (SELECT a.n * 10 AS y WHERE a.n > 0) s ON true ORDER BY 1;
SELECT a.id, s.m FROM lat_a a, LATERAL (SELECT max(v) AS m FROM lat_b WHERE a_id = a.id) s
  WHERE s.m IS NOT NULL ORDER BY 1;

-- chains and joins around the lateral item
SELECT a.id, g, h FROM lat_a a, generate_series(1, a.n) g, generate_series(g, a.n) h ORDER BY 1, 2, 3;
SELECT a.id, b.v, s.l FROM lat_a a JOIN lat_b b ON b.a_id = a.id, LATERAL (SELECT length(b.v) + a.n AS l) s
  ORDER BY 1, 2;
SELECT x.id, t.c FROM lat_a x,
  LATERAL (SELECT count(*) AS c FROM generate_series(1, x.n) g) t ORDER BY 1;
SELECT x.id, t.g FROM lat_a x, LATERAL (SELECT g FROM generate_series(1, x.n) g WHERE g > 1) t
  ORDER BY 1, 2;

-- with joins, sub-SELECTs, recursion and set operations inside
SELECT * FROM lat_a a JOIN lat_b b ON a.id = b.a_id, LATERAL (SELECT a.n + length(b.v) AS s) l
  ORDER BY 1, 4;
SELECT a.id, (SELECT count(*) FROM lat_b b, LATERAL (SELECT length(b.v) + a.n AS y) l WHERE l.y > 2)
  FROM lat_a a ORDER BY 1;
SELECT * FROM lat_a a, LATERAL (WITH RECURSIVE t(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM t WHERE k < a.n)
                                SELECT max(k) AS mk FROM t) r ORDER BY 1;
SELECT * FROM lat_a a, LATERAL (SELECT b.a_id FROM lat_b b WHERE b.a_id = a.id INTERSECT SELECT 3) s
  ORDER BY 1;
SELECT * FROM (SELECT * FROM lat_a a, LATERAL (SELECT a.n * 2 AS d) s) ss WHERE d > 0 ORDER BY 1;

-- errors
SELECT * FROM lat_a a RIGHT JOIN LATERAL (SELECT a.n) s ON true;
SELECT * FROM lat_a a FULL JOIN LATERAL (SELECT n) s ON true;
SELECT * FROM lat_a a, (SELECT a.n) s;
SELECT * FROM LATERAL (SELECT a.n) s, lat_a a;

DROP TABLE lat_a;
DROP TABLE lat_b;
