--
-- generate_series and other set-returning functions, in FROM and in the
-- select list.
--
SELECT * FROM generate_series(1, 5);
SELECT * FROM generate_series(1, 10, 3);
SELECT * FROM generate_series(5, 1, -2);
SELECT * FROM generate_series(1, 0);
SELECT * FROM generate_series(1, 3, 0);
SELECT * FROM generate_series(1::int8, 3::int8);
SELECT * FROM generate_series(0.5, 2.5, 0.5);
SELECT * FROM generate_series(1.0, 2.0);
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-02'::timestamp, '6 hours');
SELECT * FROM generate_series('2024-01-31'::timestamp, '2024-05-31'::timestamp, '1 month');
SET TimeZone = 'UTC';
SELECT * FROM generate_series('2024-03-01 00:00+00'::timestamptz, '2024-03-03 00:00+00'::timestamptz, '1 day');
RESET TimeZone;
SELECT g FROM generate_series(1, 3) g;
SELECT g.x FROM generate_series(1, 3) AS g(x) WHERE g.x <> 2;
SELECT s, s * s AS sq FROM generate_series(1, 5) s ORDER BY s DESC;
SELECT generate_series(1, 3);
SELECT generate_series(1, 3) AS a, 'x' AS b;
SELECT generate_series(1, 3), generate_series(1, 2);
SELECT generate_series(1, 2) * 10 + 1;
SELECT count(*) FROM generate_series(1, 100000);
SELECT a, b FROM generate_series(1, 2) a, generate_series(10, 11) b ORDER BY a, b;
SELECT a, b FROM generate_series(1, 3) a JOIN generate_series(2, 4) b ON a = b ORDER BY a;
SELECT g % 3 AS r, count(*) FROM generate_series(1, 10) g GROUP BY r ORDER BY r;
CREATE TABLE gs_t (id int4, n int4);
INSERT INTO gs_t SELECT g, g * g FROM generate_series(1, 20) g;
SELECT count(*), sum(n), max(n) FROM gs_t;
SELECT id, generate_series(1, id) FROM gs_t WHERE id <= 3 ORDER BY 1, 2;
DROP TABLE gs_t;
SELECT * FROM generate_series(1, 'x');
