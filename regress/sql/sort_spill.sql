-- sort_spill: external sorts under a tiny work_mem (many runs, multi-level
-- merges), the inline integer/oid comparators, NULL ordering, and the
-- order of rows with equal keys in an in-memory sort (same as PostgreSQL's qsort).
SET work_mem = '64kB';
-- external sort, checksum of order
SELECT sum(rn * g::bigint) FROM (SELECT g, row_number() OVER (ORDER BY g DESC) rn FROM generate_series(1,50000) g) s;
SELECT md5(string_agg(x::text, ',')) FROM (SELECT (g * 7919) % 10007 AS x FROM generate_series(1,30000) g ORDER BY 1) s;
SELECT md5(string_agg(x, ',')) FROM (SELECT ((g * 7919) % 10007)::text AS x FROM generate_series(1,30000) g ORDER BY 1 DESC) s;
SELECT md5(string_agg(a || ':' || b, ',')) FROM (SELECT g % 13 a, (g * 31) % 1000 b FROM generate_series(1,20000) g ORDER BY 1, 2 DESC) s;
SELECT md5(string_agg(coalesce(x::text,'N'), ',')) FROM (SELECT CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 17) % 5000 END::int8 x FROM generate_series(1,20000) g ORDER BY 1 NULLS FIRST) s;
SELECT md5(string_agg(coalesce(x::text,'N'), ',')) FROM (SELECT CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 17) % 5000 END::int2 x FROM generate_series(1,20000) g ORDER BY 1 DESC NULLS LAST) s;
SELECT md5(string_agg(x::text, ',')) FROM (SELECT ((g * 7919) % 10007)::oid AS x FROM generate_series(1,30000) g ORDER BY 1) s;
SELECT a, b, count(*) FROM (SELECT g % 5 a, g % 3 b FROM generate_series(1,40000) g) s GROUP BY ROLLUP(a, b) ORDER BY 1, 2;
SELECT count(*), count(DISTINCT g % 7000) FROM generate_series(1,40000) g;
SELECT k, count(*) FROM (SELECT g % 9000 k FROM generate_series(1,40000) g) s GROUP BY k ORDER BY count(*) DESC, k LIMIT 5;
-- ties keep PostgreSQL's order in memory
RESET work_mem;
SELECT md5(string_agg(t, ',')) FROM (SELECT g % 10 k, g::text t FROM generate_series(1,5000) g ORDER BY k) s;
SELECT string_agg(t, ',') FROM (SELECT g % 3 k, g::text t FROM generate_series(1,20) g ORDER BY k) s;
SELECT string_agg(t, ',') FROM (SELECT g % 2 k, g::text t FROM generate_series(1,7) g ORDER BY k) s;
SELECT string_agg(t, ',') FROM (SELECT g % 2 k, g::text t FROM generate_series(1,45) g ORDER BY k DESC) s;
SELECT x FROM (VALUES (-2147483648), (2147483647), (0), (-1), (1)) v(x) ORDER BY x;
SELECT x FROM (VALUES (-9223372036854775808::int8), (9223372036854775807), (0), (-1)) v(x) ORDER BY x DESC;
SELECT x FROM (VALUES (4294967295::oid), (0::oid), (2147483648::oid), (1::oid)) v(x) ORDER BY x;
