--
-- Hash aggregation past work_mem spills to partition files and still
-- returns every group exactly once.  (The planner estimates 1000 rows for
-- a set-returning function, so it picks hashing; the real input has far
-- more groups than fit in 1MB.)
--
SET work_mem = '1MB';
SELECT count(*), sum(c), min(c), max(c)
  FROM (SELECT g, count(*) AS c FROM generate_series(1, 100000) g GROUP BY g) q;
SELECT count(*), sum(c), sum(s)
  FROM (SELECT g % 60000 AS k, count(*) AS c, sum(g) AS s
          FROM generate_series(1, 120000) g GROUP BY 1) q;
SELECT k, c, s
  FROM (SELECT g % 60000 AS k, count(*) AS c, sum(g) AS s
          FROM generate_series(1, 120000) g GROUP BY 1) q
 WHERE k < 3 OR k > 59997 ORDER BY k;
SELECT count(*) FROM (SELECT DISTINCT g FROM generate_series(1, 100000) g) q;
SELECT count(*), sum(g)
  FROM (SELECT g FROM generate_series(1, 100000) g
        UNION SELECT g FROM generate_series(50001, 150000) g) q;
-- string keys and array_agg states in the spilled groups
SELECT count(*), sum(array_length(a, 1)), min(k), max(k)
  FROM (SELECT 'k' || (g % 50000) AS k, array_agg(g) AS a
          FROM generate_series(1, 100000) g GROUP BY 1) q;
-- HAVING filters groups from every partition
SELECT count(*) FROM (SELECT g % 50000 AS k FROM generate_series(1, 100000) g
                      GROUP BY 1 HAVING sum(g) > 100000) q;
RESET work_mem;
