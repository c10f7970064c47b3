--
-- casts: explicit and implicit casts, ::, unknown-literal resolution,
-- numeric promotion and cast errors.
--
SELECT CAST('42' AS int4), '42'::int8, '  7 '::int2, CAST(3.7 AS int4), (-3.5)::int4, 2.5::int4;
SELECT 1::float8 / 3, 1::numeric / 3, 7 / 2, 7 / 2.0, 7::float4 / 2;
SELECT '123'::text::int4 + 1, 123::text || 'x', 1.50::text, 1.50::float8::text;
SELECT 'true'::bool, 'f'::bool, 'yes'::bool, 'off'::bool, '1'::bool, 1::bool, 0::bool;
SELECT true::int4, false::int4, true::text;
SELECT 12.345::numeric(5,2), 12.344::numeric(5,2), 0.005::numeric(3,2), (-0.005)::numeric(3,2);
SELECT 1e10::int8, 9.99::int8, '1e3'::float8::int4;
SELECT 32767::int2, (-32768)::int2, 2147483647::int4, (-2147483648)::int4;
SELECT 'abc'::char(5) || 'x', 'abcdef'::varchar(3), 'abc'::name;
SELECT '2024-02-29'::date, '13:45:00'::time, '2024-02-29 13:45'::timestamp;
SELECT '1 day 2 hours'::interval, '{1,2,3}'::int4[], '{a,b}'::text[];
SELECT 10 = 10.0, 10::int2 = 10::int8, 1.0::float8 = 1::numeric, '10' = 10;
SELECT 1 + '2', '3' * 4, 1.5 + '1';
SELECT CAST(NULL AS int4), NULL::text IS NULL;
SELECT 255::int4::float4, 0.1::float4::float8 = 0.1::float8, 0.1::float8::float4;
SELECT 123456789::float4, 1.23456789012345::float8::numeric;
SELECT int4 '5' + int8 '6', float8 '1.5' * 2, numeric '1.10', text 'abc' || 'd';
-- cast errors
SELECT 'abc'::int4;
SELECT ''::int4;
SELECT '1.5'::int4;
SELECT 32768::int2;
SELECT 2147483648::int4;
SELECT '9223372036854775808'::int8;
SELECT 'maybe'::bool;
SELECT 123.456::numeric(4,2);
SELECT 'x'::float8;
SELECT 'NaN'::float8::int4;
SELECT '1e400'::float8;
SELECT 'Infinity'::float8, '-inf'::float8, 'nan'::numeric;
SELECT '2024-02-30'::date;
SELECT 'not a date'::date;
SELECT true::numeric;
SELECT 1::date;
SELECT '{1,2'::int4[];
-- casts in tables: assignment casts on insert/update
CREATE TABLE cast_t (i2 int2, i4 int4, n numeric(6,2), f float8, t text, v varchar(4));
INSERT INTO cast_t VALUES (1.6, 2.4, 3.14159, 7, 100, 'abcd');
INSERT INTO cast_t VALUES ('5', '6', '7.777', '8.5', 'x', 'y');
INSERT INTO cast_t VALUES (40000, 1, 1, 1, 'a', 'b');
INSERT INTO cast_t VALUES (1, 1, 1, 1, 'a', 'abcde');
INSERT INTO cast_t VALUES (1, 1, 12345.678, 1, 'a', 'b');
SELECT * FROM cast_t ORDER BY i2;
UPDATE cast_t SET n = i4 * 1.255 WHERE i2 = 2;
SELECT i2, n, i4 + n, f::int4, t::varchar(1) FROM cast_t ORDER BY i2;
SELECT i4::text || v, length(i4::text), i2::bool FROM cast_t ORDER BY 1;
DROP TABLE cast_t;
