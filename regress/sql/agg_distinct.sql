--
-- Aggregates with DISTINCT and ORDER BY inside the call
--
CREATE TABLE aggd (g int, x int, s text);
INSERT INTO aggd VALUES (1,3,'c'),(1,1,'a'),(1,3,'c'),(1,NULL,NULL),
                        (2,2,'b'),(2,2,'b'),(2,5,'e'),(3,NULL,NULL);

SELECT count(DISTINCT x), count(x), count(*), sum(DISTINCT x), avg(DISTINCT x) FROM aggd;
SELECT g, count(DISTINCT x), sum(DISTINCT x), string_agg(s, ',' ORDER BY s),
       string_agg(DISTINCT s, '|') FROM aggd GROUP BY g ORDER BY g;
SELECT string_agg(s, ',' ORDER BY s DESC), array_agg(x ORDER BY x),
       array_agg(x ORDER BY x DESC NULLS LAST), array_agg(DISTINCT x) FROM aggd;
SELECT array_agg(s ORDER BY x, s), array_agg(g ORDER BY x DESC, g) FROM aggd;
SELECT array_agg(DISTINCT s ORDER BY s), max(DISTINCT x), min(DISTINCT s) FROM aggd;
SELECT g, array_agg(DISTINCT x ORDER BY x) FILTER (WHERE x > 1) FROM aggd GROUP BY g ORDER BY g;
SELECT count(DISTINCT x) FROM aggd WHERE false;
SELECT string_agg(s, ',' ORDER BY s) FROM aggd WHERE false;
SELECT g, count(DISTINCT s) FROM aggd GROUP BY g HAVING count(DISTINCT s) > 1 ORDER BY 1;
SELECT (SELECT string_agg(s, '' ORDER BY s) FROM aggd a2 WHERE a2.g = a1.g) AS agg
  FROM aggd a1 ORDER BY 1;
SELECT count(DISTINCT g) + count(DISTINCT x) AS both_counts FROM aggd;

-- many rows under a small work_mem: the per-group sorts spill to temp files
CREATE TABLE aggd_big (g int, x int);
INSERT INTO aggd_big SELECT i % 1000, i FROM generate_series(1, 100000) i;
SET work_mem = '64kB';
SELECT count(DISTINCT x), sum(DISTINCT g), count(DISTINCT g) FROM aggd_big;
SELECT g, count(DISTINCT x), min(x) FROM aggd_big GROUP BY g ORDER BY g LIMIT 3;
SELECT md5(string_agg(x::text, ',' ORDER BY x DESC)) FROM aggd_big;
SELECT length(string_agg(DISTINCT (x % 777)::text, ',')) FROM aggd_big;
RESET work_mem;

DROP TABLE aggd;
DROP TABLE aggd_big;
