--
-- float4 (real) and float8 (double precision): shortest round-trip output,
-- special values, arithmetic, casts and errors.
--
SELECT 0.1::float4, 0.1::float8, 1.1::float4, 1.1::float8;
SELECT 1/3.0::float8, 2/3.0::float8, 1/3.0::float4;
SELECT 1e100::float8, 1e-100::float8, 1e38::float4, 1.5e-38::float4;
SELECT 123456789012345678::float8, 1234567::float4, 12345678::float4;
SELECT 0.000001::float8, 0.0000001::float8, 1e15::float8, 1e16::float8, 1e17::float8;
SELECT 100::float4, 1e6::float4, 1e7::float4, 0.0001::float4, 0.00001::float4;
SELECT -0::float8, '-0'::float8, '-0'::float4, 0::float8 * -1;
SELECT 'Infinity'::float8, '-Infinity'::float8, 'inf'::float4, '-inf'::float4;
SELECT 'NaN'::float8, 'nan'::float4, 'NaN'::float8 = 'NaN'::float8;
SELECT 'Infinity'::float8 + 1, 'Infinity'::float8 - 'Infinity'::float8, 'Infinity'::float8 * 0;
SELECT '3.14159'::float8, '  2.5  '::float4, '1e3'::float8, '-1.5E-3'::float8;
SELECT 1.7976931348623157e308::float8, 2.2250738585072014e-308::float8, 3.4028235e38::float4;
-- arithmetic
SELECT 1.5::float8 + 2.25, 10::float8 - 0.1, 2.5::float8 * 4, 7::float8 / 2;
SELECT 0.1::float8 + 0.2::float8, 0.1::float4 + 0.2::float4;
SELECT 1::float8 / 3 * 3, 1e308::float8 * 1.5, 1e-300::float8 / 1e10;
SELECT -(1.5::float8), -'Infinity'::float8;
-- comparisons, including NaN and infinities
SELECT 1.5::float8 < 2, 1.5::float4 = 1.5::float8, 0.1::float4 = 0.1::float8;
SELECT 'NaN'::float8 > 'Infinity'::float8, '-Infinity'::float8 < -1e308;
SELECT '-0'::float8 = 0::float8;
-- casts
SELECT 1.5::float8::float4, 16777217::float8::float4, 2::float4::float8;
SELECT 3.7::float8::int4, -3.7::float8::int4, 1.5::float4::int2;
SELECT 0.1::float4::float8, 0.1::float8::numeric, 1/3.0::float8::numeric;
SELECT 1.5::float8::text, 'Infinity'::float8::text, 42::float8;
-- a table of float columns sorted, aggregated and filtered
CREATE TABLE flt_t (id int4, f4 float4, f8 float8);
INSERT INTO flt_t VALUES
    (1, 0.5, 0.5),
    (2, -1.25, -1.25),
    (3, 'Infinity', 'Infinity'),
    (4, '-Infinity', '-Infinity'),
    (5, 'NaN', 'NaN'),
    (6, 0, '-0'),
    (7, 3.4e38, 1.7e308),
    (8, 1.2e-38, 2.3e-308),
    (9, NULL, NULL),
    (10, 0.1, 0.1);
SELECT * FROM flt_t ORDER BY id;
SELECT id, f8 FROM flt_t ORDER BY f8, id;
SELECT id, f4 FROM flt_t ORDER BY f4 DESC NULLS LAST, id;
SELECT id FROM flt_t WHERE f8 > 0 ORDER BY id;
SELECT id FROM flt_t WHERE f8 = 'NaN' ORDER BY id;
SELECT count(f8), min(f8), max(f8) FROM flt_t;
SELECT sum(f8), avg(f8) FROM flt_t WHERE id < 3 OR id = 10;
SELECT sum(f4), avg(f4) FROM flt_t WHERE id < 3 OR id = 10;
DROP TABLE flt_t;
-- errors
SELECT 1e39::float4;
SELECT 1e400::float8;
SELECT '1e400'::float8;
SELECT '1e39'::float4;
SELECT 1e308::float8 * 10;
SELECT 1e40::float8::float4;
SELECT 1::float8 / 0;
SELECT 1::float4 / 0::float4;
SELECT 'abc'::float8;
SELECT ''::float4;
SELECT 'NaN'::float8::int4;
SELECT 'Infinity'::float8::int8;
SELECT 1e10::float8::int4;
