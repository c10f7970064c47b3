-- ordered-set and hypothetical-set aggregates (WITHIN GROUP)
CREATE TABLE osa (g int, x int, f float8, iv interval, t text);
INSERT INTO osa VALUES
  (1, 1, 1.5, '1 hour', 'a'), (1, 2, 2.5, '2 hours', 'b'), (1, 3, 4.0, '4 hours', 'b'),
  (1, 4, 8.0, '1 day', 'c'), (2, 10, 10.0, '10 minutes', 'x'), (2, NULL, NULL, NULL, NULL),
  (2, 20, 30.0, '30 minutes', 'y'), (3, NULL, NULL, NULL, NULL);
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY f) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x DESC) FROM osa;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_disc(0) WITHIN GROUP (ORDER BY t), percentile_disc(1) WITHIN GROUP (ORDER BY t) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY iv) FROM osa;
SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY iv) FROM osa;
SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY f), percentile_disc(0.5) WITHIN GROUP (ORDER BY x),
       mode() WITHIN GROUP (ORDER BY t)
  FROM osa GROUP BY g ORDER BY g;
SELECT percentile_cont(ARRAY[0, 0.25, 0.5, 1]) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(ARRAY[[0.5, NULL], [0.1, 0.9]]) WITHIN GROUP (ORDER BY f) FROM osa;
SELECT percentile_disc(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY t) FROM osa;
SELECT percentile_cont(ARRAY[0.5, 0.2]) WITHIN GROUP (ORDER BY iv) FROM osa;
SELECT percentile_disc(ARRAY[]::float8[]) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT mode() WITHIN GROUP (ORDER BY t), mode() WITHIN GROUP (ORDER BY t DESC) FROM osa;
SELECT mode() WITHIN GROUP (ORDER BY x % 2) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM osa WHERE false;
SELECT percentile_cont(ARRAY[0.5]) WITHIN GROUP (ORDER BY x) FROM osa WHERE false;
SELECT mode() WITHIN GROUP (ORDER BY x) FROM osa WHERE false;
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FILTER (WHERE g = 1) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM osa WHERE g = 3;
SELECT x, percentile_cont(x / 100.0) WITHIN GROUP (ORDER BY f) FROM osa GROUP BY x ORDER BY x;
SELECT pg_typeof(percentile_disc(0.5) WITHIN GROUP (ORDER BY t)), pg_typeof(percentile_cont(0.5) WITHIN GROUP (ORDER BY x)) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY g) FROM generate_series(1, 100000) g;
-- past work_mem the group's sort and the stored values go to temp files
SET work_mem = '64kB';
SELECT percentile_disc(ARRAY[0, 0.001, 0.5, 0.999, 1]) WITHIN GROUP (ORDER BY g DESC),
       percentile_cont(0.3) WITHIN GROUP (ORDER BY g), mode() WITHIN GROUP (ORDER BY g % 7)
  FROM generate_series(1, 50000) g;
RESET work_mem;
-- hypothetical-set aggregates
SELECT rank(3) WITHIN GROUP (ORDER BY x), dense_rank(3) WITHIN GROUP (ORDER BY x),
       percent_rank(3) WITHIN GROUP (ORDER BY x), cume_dist(3) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT rank('b') WITHIN GROUP (ORDER BY t), dense_rank('b') WITHIN GROUP (ORDER BY t),
       percent_rank('b') WITHIN GROUP (ORDER BY t), cume_dist('b') WITHIN GROUP (ORDER BY t) FROM osa;
SELECT rank(3) WITHIN GROUP (ORDER BY x DESC NULLS LAST), rank(3) WITHIN GROUP (ORDER BY x NULLS FIRST) FROM osa;
SELECT rank(2.5) WITHIN GROUP (ORDER BY x), rank(2, 'b') WITHIN GROUP (ORDER BY x, t) FROM osa;
SELECT rank(1) WITHIN GROUP (ORDER BY x) FROM osa WHERE false;
SELECT percent_rank(1) WITHIN GROUP (ORDER BY x), cume_dist(1) WITHIN GROUP (ORDER BY x) FROM osa WHERE false;
SELECT g, rank(2) WITHIN GROUP (ORDER BY x), dense_rank(20) WITHIN GROUP (ORDER BY x) FROM osa GROUP BY g ORDER BY g;
SELECT dense_rank(5) WITHIN GROUP (ORDER BY v) FROM (VALUES (1), (1), (2), (2), (3), (7)) s(v);
-- errors
SELECT percentile_cont(2) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_disc(-0.1) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont('NaN') WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(ARRAY[0.5, 1.5]) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(2) WITHIN GROUP (ORDER BY x) FROM osa WHERE false;
SELECT percentile_cont(0.5) FROM osa;
SELECT mode(x) FROM osa;
SELECT sum(x) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM osa;
SELECT percentile_cont(0.5, 0.6) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT mode(1) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT rank(1, 2) WITHIN GROUP (ORDER BY x) FROM osa;
SELECT rank(1) WITHIN GROUP (ORDER BY x, t) FROM osa;
SELECT rank('x') WITHIN GROUP (ORDER BY x) FROM osa;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) OVER () FROM osa;
SELECT lower('a') WITHIN GROUP (ORDER BY 1);
DROP TABLE osa;
