--
-- int2, int4, int8: input, output, arithmetic, casts, range errors (22003, 22P02).
--
SELECT 32767::int2, (-32768)::int2, 2147483647::int4, (-2147483648)::int4;
SELECT 9223372036854775807::int8, (-9223372036854775808)::int8;
SELECT '42'::int4, '  -17  '::int4, '+5'::int2, '-0'::int8;
SELECT 1::int2 + 1::int2, 1::int2 + 1::int4, 1::int4 + 1::int8;
SELECT 100::int4 * 3, 100::int4 / 7, 100::int4 % 7, -100::int4 / 7, -100::int4 % 7;
SELECT 3000000000 * 2, 1000000::int8 * 1000000::int8;
-- integer literals too large for int4 become int8, then numeric
SELECT 2147483647 + 0, 2147483648, 9223372036854775807, 9223372036854775808;
SELECT 7 / 2, -7 / 2, 7 / -2, 7 % -2, -7 % -2;
SELECT 10 > 9, 10::int2 = 10::int8, 5::int8 < 6::int2, -1 < 0;
CREATE TABLE int_t (i2 int2, i4 int4, i8 int8);
INSERT INTO int_t VALUES (0, 0, 0), (1, 1, 1), (-1, -1, -1);
INSERT INTO int_t VALUES (32767, 2147483647, 9223372036854775807);
INSERT INTO int_t VALUES (-32768, -2147483648, -9223372036854775808);
INSERT INTO int_t VALUES (123, 456789, 1234567890123);
INSERT INTO int_t VALUES (NULL, NULL, NULL);
SELECT * FROM int_t ORDER BY i8 NULLS FIRST;
SELECT i2, i2 + 1 AS plus1 FROM int_t WHERE i2 < 32767 ORDER BY i2;
SELECT i4 / 2, i4 % 10, -i4 FROM int_t WHERE i4 > -2147483648 ORDER BY i4;
SELECT i8 * 2 FROM int_t WHERE i8 > -100 AND i8 < 10000000000000 ORDER BY i8;
SELECT i2::int4 * 100000, i4::int8 * 100000 FROM int_t WHERE i4 = 456789;
SELECT sum(i2), sum(i4), min(i8), max(i8) FROM int_t;
-- casts between integer types and from text, numeric and float (rounding half away from zero for numeric, to even for float)
SELECT 300::int4::int2, 70000::int8::int4, '123'::text::int4;
SELECT 2.5::numeric::int4, 3.5::numeric::int4, (-2.5)::numeric::int4;
SELECT 2.5::float8::int4, 3.5::float8::int4, (-2.5)::float8::int4, 2.4::float8::int8;
SELECT 42::int4::text, (-42)::int8::text, 7::int2::float8, 7::int4::numeric;
-- overflow: 22003
SELECT 32767::int2 + 1::int2;
SELECT 2147483647::int4 + 1;
SELECT (-2147483648)::int4 - 1;
SELECT 2147483647 * 2;
SELECT 9223372036854775807::int8 + 1;
SELECT (-9223372036854775808)::int8 * -1;
SELECT 40000::int2;
SELECT 3000000000::int4;
SELECT '99999999999'::int4;
SELECT '40000'::int2;
SELECT '9223372036854775808'::int8;
INSERT INTO int_t (i2) VALUES (32768);
INSERT INTO int_t (i4) VALUES (2147483648);
UPDATE int_t SET i4 = i4 + 1 WHERE i4 = 2147483647;
SELECT (-2147483648)::int4 / -1;
SELECT 1e10::float8::int4;
-- division by zero: 22012
SELECT 1 / 0;
SELECT 1::int2 / 0::int2;
SELECT 1::int8 / 0;
SELECT 5 % 0;
SELECT i4 / 0 FROM int_t WHERE i4 = 1;
-- invalid input syntax: 22P02
SELECT 'abc'::int4;
SELECT ''::int4;
SELECT '12 34'::int8;
SELECT '1.5'::int2;
SELECT '0x10'::int4;
INSERT INTO int_t (i4) VALUES ('forty-two');
SELECT count(*) FROM int_t;
DROP TABLE int_t;
