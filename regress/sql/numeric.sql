--
-- numeric: arbitrary precision, result scale rules, typmod rounding and overflow.
--
SELECT 1.0 / 3, 1 / 3.0, 10.0 / 4, 1::numeric / 7, 2::numeric / 3;
SELECT 2.50 * 3, 2.50 * 3.0, 1.1 * 1.1, 0.001 * 0.001;
SELECT 1.5 + 2.25, 10.00 - 0.5, 1.000 + 1, 0.1 + 0.2;
SELECT 7.5 % 2, -7.5 % 2, 10 % 3.0;
SELECT 100.0 / 8, 1::numeric / 1024, 22.0 / 7.00;
SELECT 1 / 3.000000000000000000000000000000;
SELECT -1.5, -(-1.5), 0.0, -0.0, 000123.4500;
-- big values round-trip exactly
SELECT 123456789012345678901234567890.123456789;
SELECT '-98765432109876543210987654321098765432109876543210'::numeric;
SELECT 0.00000000000000000000000000000000000001;
SELECT 99999999999999999999999999999999999999 + 1;
SELECT 123456789012345678901234567890 * 987654321098765432109876543210;
SELECT 12345678901234567890.5 - 12345678901234567890.25;
SELECT 10000000000000000000000000000000000000000 / 3;
-- numeric(p,s) rounds half away from zero to the scale
SELECT 1.005::numeric(10,2), 1.004::numeric(10,2), -1.005::numeric(10,2), 2.5::numeric(10,0);
SELECT 12345678.999::numeric(10,2), 0.125::numeric(3,2), 3::numeric(5,3);
SELECT '  3.14159  '::numeric(6,4), 99.995::numeric(5,2), 999.994::numeric(5,2);
-- comparison ignores trailing zeros; output keeps the scale
SELECT 1.0 = 1.00, 1.10 > 1.1, 2.5 < 2.51, 0.1 + 0.2 = 0.3;
CREATE TABLE num_t (id int4, n numeric, m numeric(10,2));
INSERT INTO num_t VALUES
    (1, 1.5, 1.5),
    (2, -2.25, -2.254),
    (3, 100, 99.999),
    (4, 0.001, 0.005),
    (5, 123456789012345678901234567890, 12345678.901),
    (6, NULL, NULL),
    (7, 1.50, 1.495);
SELECT * FROM num_t ORDER BY id;
SELECT id, n FROM num_t ORDER BY n NULLS FIRST, id;
SELECT id, m FROM num_t ORDER BY m DESC, id;
SELECT id FROM num_t WHERE n = 1.5 ORDER BY id;
SELECT sum(n), min(n), max(n), count(n) FROM num_t;
SELECT sum(m), avg(m), min(m), max(m) FROM num_t;
SELECT avg(n) FROM num_t WHERE id <> 5;
SELECT id, n * 2, n / 4, m + 0.001 FROM num_t WHERE id < 5 ORDER BY id;
UPDATE num_t SET m = m / 3 WHERE id <= 3;
SELECT id, m FROM num_t WHERE id <= 3 ORDER BY id;
-- casts
SELECT 1.5::numeric::float8, 1e20::numeric, 0.1::float8::numeric, 42::numeric::text;
SELECT '1.23e3'::numeric, '-1.5E-2'::numeric, '  7  '::numeric;
SELECT 1234.5678::numeric::int4, 1234.5::numeric::int8, (-0.5)::numeric::int2;
-- errors
SELECT 123456789.1::numeric(10,2);
SELECT 999.995::numeric(5,2);
INSERT INTO num_t (id, m) VALUES (8, 123456789);
SELECT 1 / 0.0;
SELECT 1.5 % 0;
SELECT 'abc'::numeric;
SELECT '1.2.3'::numeric;
SELECT 1e20::numeric::int8;
SELECT count(*) FROM num_t;
DROP TABLE num_t;
