--
-- GROUP BY GROUPING SETS / ROLLUP / CUBE, GROUPING(), GROUP BY DISTINCT.
-- Row order without ORDER BY depends on the plan: every query orders
-- its rows completely (grouping columns are never NULL in the data, so
-- a NULL in the output always means "not grouped").
--
CREATE TABLE gs_t (a int, b int, c text, v int);
INSERT INTO gs_t VALUES
    (1, 1, 'x', 10), (1, 2, 'y', 20), (2, 1, 'x', 30), (2, 2, 'y', 40),
    (2, 2, 'z', 50), (3, 1, 'x', 60), (4, 3, 'y', 70);

-- the three forms
SELECT a, sum(v) FROM gs_t GROUP BY ROLLUP(a) ORDER BY a NULLS FIRST;
SELECT a, b, sum(v), count(*) FROM gs_t GROUP BY ROLLUP(a, b) ORDER BY a NULLS FIRST, b NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY CUBE(a, b) ORDER BY a NULLS FIRST, b NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY GROUPING SETS ((a, b), (a), ()) ORDER BY a NULLS FIRST, b NULLS FIRST;
SELECT a, b, c, count(*) FROM gs_t GROUP BY GROUPING SETS ((a, b), (b, c), (a, c), (a), (c))
    ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3 NULLS FIRST;

-- duplicate sets are kept; GROUP BY DISTINCT removes them
SELECT a, sum(v) FROM gs_t GROUP BY GROUPING SETS ((a), (a)) ORDER BY a NULLS FIRST, 2;
SELECT a, count(*) FROM gs_t GROUP BY GROUPING SETS (a, a, ()) ORDER BY 1 NULLS FIRST;
SELECT a, count(*) FROM gs_t GROUP BY DISTINCT GROUPING SETS (a, a, ()) ORDER BY 1 NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY ALL ROLLUP(a, b), ROLLUP(a, b) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST, 3;
SELECT a, b, sum(v) FROM gs_t GROUP BY DISTINCT ROLLUP(a, b), ROLLUP(a, b) ORDER BY a NULLS FIRST, b NULLS FIRST;
SELECT a, sum(v) FROM gs_t GROUP BY DISTINCT a, a ORDER BY a;

-- plain columns beside sets, nesting (cross products), rows as units
SELECT a, b, c, sum(v) FROM gs_t GROUP BY a, ROLLUP(b, c) ORDER BY a, b NULLS FIRST, c NULLS FIRST;
SELECT a, b, c, sum(v) FROM gs_t GROUP BY ROLLUP(a), CUBE(b, c) ORDER BY a NULLS FIRST, b NULLS FIRST, c NULLS FIRST;
SELECT a, b, c, sum(v) FROM gs_t GROUP BY GROUPING SETS (ROLLUP(a, b), CUBE(c))
    ORDER BY a NULLS FIRST, b NULLS FIRST, c NULLS FIRST;
SELECT a, b, c, sum(v) FROM gs_t GROUP BY GROUPING SETS ((a, b), GROUPING SETS ((c), ()))
    ORDER BY a NULLS FIRST, b NULLS FIRST, c NULLS FIRST;
SELECT a, b, c, sum(v) FROM gs_t GROUP BY CUBE((a, b), c) ORDER BY a NULLS FIRST, b NULLS FIRST, c NULLS FIRST;
SELECT a, b, count(*) FROM gs_t GROUP BY GROUPING SETS (a, ()), GROUPING SETS (b, ())
    ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;
SELECT a, count(*) FROM gs_t GROUP BY CUBE(a), () ORDER BY 1 NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY (a, b) ORDER BY a, b;
SELECT a, sum(v) FROM gs_t GROUP BY a, ROLLUP(a) ORDER BY a, 2;

-- empty grouping sets
SELECT sum(v), count(*) FROM gs_t GROUP BY ();
SELECT sum(v) FROM gs_t GROUP BY GROUPING SETS ((), ());
SELECT 1 AS one FROM gs_t GROUP BY GROUPING SETS ((), ());
SELECT count(*) FROM gs_t GROUP BY GROUPING SETS ((), ()) HAVING false;
SELECT a, b, count(*) FROM gs_t WHERE false GROUP BY CUBE(a, b);
SELECT a, b, count(*) FROM gs_t WHERE false GROUP BY GROUPING SETS ((a), (b), (), ());

-- GROUPING()
SELECT a, b, sum(v), grouping(a), grouping(b), grouping(a, b) FROM gs_t GROUP BY CUBE(a, b)
    ORDER BY 4, 5, a NULLS FIRST, b NULLS FIRST;
SELECT a, b, grouping(b, a) FROM gs_t GROUP BY GROUPING SETS ((b), (a, b)) ORDER BY 3, 1 NULLS FIRST, 2;
SELECT a, b, grouping(a), grouping(b) FROM gs_t GROUP BY a, CUBE(b) ORDER BY 1, 2 NULLS FIRST;
SELECT a, grouping(a) FROM gs_t GROUP BY a ORDER BY 1;
SELECT a, b FROM gs_t GROUP BY ROLLUP(a, b) ORDER BY grouping(a, b), a, b;
SELECT a + b AS ab, grouping(a + b), sum(v) FROM gs_t GROUP BY ROLLUP(a + b) ORDER BY 1 NULLS FIRST;
SELECT a, (SELECT grouping(gs_t.a)) AS g FROM gs_t GROUP BY ROLLUP(a) ORDER BY a NULLS FIRST;

-- columns not grouped in a set read as NULL, also inside expressions
SELECT a, a + 1 AS a1, sum(v) FROM gs_t GROUP BY ROLLUP(a) ORDER BY a NULLS FIRST;
SELECT (a + b) * 2 AS x, sum(v) FROM gs_t GROUP BY ROLLUP(a + b) ORDER BY 1 NULLS FIRST;
SELECT c || '!' AS cc, sum(v) FROM gs_t GROUP BY ROLLUP(c || '!') ORDER BY 1 NULLS FIRST;
SELECT a, (SELECT count(*) FROM gs_t g2 WHERE g2.a = gs_t.a) AS cnt, sum(v) FROM gs_t
    GROUP BY ROLLUP(a) ORDER BY a NULLS FIRST;
SELECT a, a + 1 AS a1 FROM gs_t GROUP BY GROUPING SETS ((a), (a + 1)) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;

-- HAVING and ORDER BY over grouping results
SELECT a, b, grouping(a, b), sum(v) FROM gs_t GROUP BY ROLLUP(a, b) HAVING grouping(a, b) > 0
    ORDER BY a NULLS FIRST, b NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY CUBE(a, b) HAVING sum(v) > 50 ORDER BY 3 DESC, a NULLS FIRST, b NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY ROLLUP(a, b) HAVING b IS NULL ORDER BY 1 NULLS FIRST;
SELECT a, sum(v) FROM gs_t GROUP BY ROLLUP(a) HAVING sum(v) > (SELECT avg(v) FROM gs_t) ORDER BY 1 NULLS FIRST;
SELECT a, b, sum(v) FROM gs_t GROUP BY ROLLUP(a, b) ORDER BY a, b;
SELECT a, b, sum(v) FROM gs_t GROUP BY ROLLUP(a, b) ORDER BY a DESC, b DESC;
SELECT a, b, sum(v) FROM gs_t GROUP BY ROLLUP(a, b) ORDER BY a NULLS FIRST, b NULLS FIRST LIMIT 4;
SELECT DISTINCT a FROM gs_t GROUP BY ROLLUP(a, b) ORDER BY a NULLS FIRST;

-- aggregates with DISTINCT, ORDER BY and FILTER, over several sorts
SELECT a, count(DISTINCT c), string_agg(c, ',' ORDER BY c), sum(v) FILTER (WHERE v > 20)
    FROM gs_t GROUP BY ROLLUP(a) ORDER BY a NULLS FIRST;
SELECT a, b, c, string_agg(c, ',' ORDER BY v DESC), count(DISTINCT v % 20), sum(v) FILTER (WHERE b = 1)
    FROM gs_t GROUP BY CUBE(a, b, c) HAVING count(*) > 1 ORDER BY a NULLS FIRST, b NULLS FIRST, c NULLS FIRST;
SELECT c, string_agg(DISTINCT c, '|'), avg(v) FROM gs_t GROUP BY GROUPING SETS ((c), (c), ())
    ORDER BY c NULLS FIRST, 3;

-- window functions over grouping-set results
SELECT a, b, sum(v), rank() OVER (PARTITION BY grouping(a, b) ORDER BY sum(v) DESC) FROM gs_t
    GROUP BY ROLLUP(a, b) ORDER BY grouping(a, b), 4, a NULLS FIRST, b NULLS FIRST;
SELECT a, b, sum(v), sum(sum(v)) OVER (PARTITION BY a ORDER BY b NULLS LAST) FROM gs_t
    GROUP BY ROLLUP(a, b) ORDER BY a NULLS FIRST, b NULLS FIRST;

-- in subqueries, CTEs, views, LATERAL, prepared statements
SELECT * FROM (SELECT a, b, sum(v) AS s FROM gs_t GROUP BY CUBE(a, b)) sub WHERE s > 60
    ORDER BY a NULLS FIRST, b NULLS FIRST;
WITH w AS (SELECT c, sum(v) s FROM gs_t GROUP BY ROLLUP(c)) SELECT * FROM w ORDER BY c NULLS FIRST;
SELECT x, (SELECT sum(cnt) FROM (SELECT a, count(*) cnt FROM gs_t WHERE v > x GROUP BY ROLLUP(a)) s)
    FROM generate_series(0, 60, 20) x ORDER BY x;
SELECT t.x, s.* FROM generate_series(1, 2) t(x),
    LATERAL (SELECT a, sum(v * x) FROM gs_t GROUP BY ROLLUP(a)) s ORDER BY 1, 2 NULLS FIRST;
CREATE VIEW gs_v AS SELECT a, b, grouping(a, b) AS g, sum(v) AS s FROM gs_t GROUP BY CUBE(a, b);
SELECT * FROM gs_v ORDER BY g, a NULLS FIRST, b NULLS FIRST;
SELECT * FROM gs_v WHERE g = 3;
DROP VIEW gs_v;
PREPARE gs_q(int) AS SELECT a, b, sum(v) FROM gs_t WHERE v > $1 GROUP BY CUBE(a, b)
    ORDER BY a NULLS FIRST, b NULLS FIRST;
EXECUTE gs_q(25);
EXECUTE gs_q(45);
DEALLOCATE gs_q;

-- set-returning functions in the select list
SELECT a, grouping(a), generate_series(1, 2) AS s FROM gs_t GROUP BY ROLLUP(a) ORDER BY a NULLS FIRST, s;

-- errors
SELECT grouping(v) FROM gs_t GROUP BY ROLLUP(a);
SELECT a, b FROM gs_t GROUP BY ROLLUP(a);
SELECT grouping(a) FROM gs_t;
SELECT a FROM gs_t GROUP BY ROLLUP(a) HAVING grouping(b) = 0;
SELECT a FROM gs_t WHERE grouping(a) = 0 GROUP BY a;
SELECT sum(grouping(a)) FROM gs_t GROUP BY ROLLUP(a);
SELECT a, sum(v) FROM gs_t GROUP BY ROLLUP(a, grouping(a));
SELECT grouping(a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a) FROM gs_t GROUP BY a;
SELECT a FROM gs_t GROUP BY CUBE(a,a,a,a,a,a,a,a,a,a,a,a,a);
SELECT a FROM gs_t GROUP BY CUBE(a,b), CUBE(a,b), CUBE(a,b), CUBE(a,b), CUBE(a,b), CUBE(a,b), CUBE(a,b);

-- larger than work_mem: the sorts spill, the rows are the same
SET work_mem = '64kB';
SELECT g % 3 AS m, g % 5 AS n, count(*), sum(g) FROM generate_series(1, 100000) g
    GROUP BY ROLLUP(g % 3, g % 5) ORDER BY 1 NULLS FIRST, 2 NULLS FIRST;
SELECT count(*), sum(c) FROM (SELECT g, g % 7, count(*) AS c FROM generate_series(1, 20000) g
    GROUP BY CUBE(g, g % 7)) s;
SELECT g % 4 AS m, count(*), length(string_agg(g::text, ',' ORDER BY g DESC)), count(DISTINCT g % 1000)
    FROM generate_series(1, 10000) g GROUP BY CUBE(g % 4) ORDER BY 1 NULLS FIRST;
RESET work_mem;

DROP TABLE gs_t;
