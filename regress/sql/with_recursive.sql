-- WITH RECURSIVE: UNION ALL and UNION (duplicate removal ends cycles),
-- tree walks with joins, use in sub-SELECTs (rescans), PostgreSQL's errors.
CREATE TABLE wr_tree (id int, parent int, name text);
INSERT INTO wr_tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'b'), (4, 2, 'c'), (5, 4, 'd');

WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t;
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 100)
  SELECT count(*), sum(n), max(n) FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n FROM t) SELECT * FROM t;
WITH RECURSIVE t(n, m) AS (SELECT 1, NULL::int UNION SELECT n % 3 + 1, NULL FROM t)
  SELECT * FROM t ORDER BY 1;
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t WHERE n < 5000)
  SELECT count(*) FROM t;
WITH RECURSIVE fib(a, b) AS (SELECT 0::numeric, 1::numeric UNION ALL SELECT b, a + b FROM fib WHERE a < 100)
  SELECT a FROM fib;
WITH RECURSIVE t AS (SELECT 'a' AS s UNION ALL SELECT s || 'b' FROM t WHERE length(s) < 3)
  SELECT * FROM t;

-- tree walks
WITH RECURSIVE tree AS (
    SELECT id, name, 1 AS depth, name::text AS path FROM wr_tree WHERE parent IS NULL
  UNION ALL
    SELECT c.id, c.name, tree.depth + 1, tree.path || '/' || c.name
    FROM wr_tree c JOIN tree ON c.parent = tree.id)
SELECT * FROM tree ORDER BY path;
WITH RECURSIVE up AS (
    SELECT id, name FROM wr_tree WHERE id = 5
  UNION ALL
    SELECT w.id, w.name FROM up, wr_tree w
    WHERE w.id = (SELECT parent FROM wr_tree w2 WHERE w2.id = up.id))
SELECT * FROM up;
WITH RECURSIVE t(id) AS (SELECT 1 UNION ALL SELECT w.id FROM wr_tree w, t WHERE w.parent = t.id)
  SELECT count(*) FROM t;

-- several CTEs, outer queries, sub-SELECTs
WITH RECURSIVE x(a) AS (SELECT 1), y(b) AS (SELECT a FROM x UNION ALL SELECT b + 1 FROM y WHERE b < 3)
  SELECT * FROM y;
WITH RECURSIVE t AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM t WHERE n < 3), u AS (SELECT * FROM t)
  SELECT * FROM u, t WHERE u.n = t.n ORDER BY 1;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT * FROM t LIMIT 5;
SELECT * FROM wr_tree WHERE id IN
  (WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 2 FROM t WHERE n < 5) SELECT n FROM t)
  ORDER BY id;
SELECT id, (WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < r.id)
            SELECT sum(n) FROM t) AS s
  FROM wr_tree r ORDER BY 1;
WITH RECURSIVE t(n) AS (SELECT 1) SELECT * FROM t;

-- errors
WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT * FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 INTERSECT SELECT n FROM t) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM t, t t2 WHERE t.n < 3) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 1 FROM wr_tree WHERE EXISTS (SELECT 1 FROM t))
  SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n::bigint + 1 FROM t WHERE n < 3) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 ORDER BY 1) SELECT * FROM t;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3 LIMIT 2) SELECT * FROM t;
WITH RECURSIVE t(a, b, c) AS (SELECT 1, 2 UNION ALL SELECT 1, 2 FROM t) SELECT * FROM t;

DROP TABLE wr_tree;
