--
-- procs fixes: numeric rounding and scales, regtype/regprocedure and
-- pg_typeof, bytea functions, to_char for numbers, width_bucket(numeric)
--

-- numeric rounding is half away from zero, also on table data
-- (one-argument round/trunc/log are SQL-language functions in pg_proc)
SELECT round(2.5), round(-2.5), round(0.5), round(-0.5), round(2.4999), pg_typeof(round(2.5));
SELECT trunc(2.5::numeric), trunc(-2.5::numeric), pg_typeof(trunc(2.5::numeric));
SELECT log(10::numeric), log(100::numeric), log(2::numeric), log10(1000::numeric), log(0.001);
SELECT round(2.5, 0), round(-2.5, 0), round(0.5, 0), round(-0.5, 0), round(9999.5, 0);
SELECT round(1.45, 1), round(-1.45, 1), round(1234.5678, -2), round(1250, -2),
       round(-1250, -2), round(15, -1), round(0.05, -1), round(4999.9, -4), round(5000, -4);
SELECT trunc(2.567, 2), trunc(-2.567, 2), trunc(1234.5678, -2), trunc(-0.5, 0), trunc(9.99, 5);
SELECT 2.5::numeric(2,0), (-2.5)::numeric(2,0), 0.05::numeric(3,1), 1.005::numeric(4,2),
       (-1.005)::numeric(4,2), 999.95::numeric(5,1);
CREATE TABLE pf_round (x numeric);
INSERT INTO pf_round VALUES (2.5), (-2.5), (3.5), (0.5), (1.25), (-1.25), (NULL);
SELECT x, round(x), round(x, 0), round(x, 1), trunc(x), trunc(x, 0), x::numeric(3,0) FROM pf_round ORDER BY x;
DROP TABLE pf_round;

-- result scales of log/ln/exp/power/sqrt on numeric
SELECT log(10::numeric, 100::numeric), log(2.0, 64.0), log(10::numeric, 2::numeric),
       log(0.5, 1000.123), log(10.0, 1e100);
SELECT ln(10::numeric), ln(2.0), ln(1e-10), ln(123456789.123);
SELECT exp(1::numeric), exp(0.5), exp(-10.0), exp(100.0);
SELECT power(2::numeric, 0.5), power(2.0, 10), power(10::numeric, -3), power(1.5, 2.5),
       power(0.9, 100), sqrt(2::numeric);

-- regtype, regprocedure, pg_typeof
SELECT pg_typeof(1), pg_typeof(1::int8), pg_typeof('a'::varchar), pg_typeof(1.5),
       pg_typeof(now()), pg_typeof(array[1]), pg_typeof('x'::text), pg_typeof(pg_typeof(1));
SELECT pg_typeof(x) FROM (VALUES (1::int2)) v(x);
SELECT 'int4'::regtype, 'varchar(10)'::regtype, 'double precision'::regtype, 'text[]'::regtype,
       'bpchar'::regtype, 'timestamptz'::regtype, 'numeric(10,2)'::regtype, 23::regtype,
       'int4'::regtype::oid;
SELECT 'nosuch'::regtype;
SELECT to_regtype('bigint'), to_regtype('nosuch') IS NULL;
SELECT 'sum(int4)'::regprocedure, 'now'::regproc, 'abs(numeric)'::regprocedure::oid;

-- bytea functions
SELECT substring('\x0102030405'::bytea from 2 for 2), substring('\x0102030405'::bytea from 0 for 2),
       substring('\x0102030405'::bytea from 3), substr('\x0102'::bytea, -5, 3),
       substr('\x010203'::bytea, 2);
SELECT substring('\x0102'::bytea from 1 for -1);
SELECT position('\x0304'::bytea in '\x0102030405'::bytea), position('\x09'::bytea in '\x01'::bytea),
       position(''::bytea in '\x01'::bytea);
SELECT get_byte('\x1234'::bytea, 1), set_byte('\x1234'::bytea, 0, 255),
       get_bit('\x1234'::bytea, 4), set_bit('\x1234'::bytea, 15, 1), set_bit('\x1234'::bytea, 4, 0);
SELECT get_byte('\x1234'::bytea, 2);
SELECT set_bit('\x1234'::bytea, 16, 1);
SELECT set_bit('\x1234'::bytea, 1, 2);
SELECT length('\x123456'::bytea), octet_length('\x1234'::bytea), length(''::bytea);
SELECT btrim('\x0001020300'::bytea, '\x00'::bytea), ltrim('\x0001020300'::bytea, '\x00'::bytea),
       rtrim('\x0001020300'::bytea, '\x00'::bytea), btrim('\x0000'::bytea, '\x00'::bytea);
SELECT overlay('\x0102030405'::bytea placing '\xaabb'::bytea from 2 for 3),
       overlay('\x0102030405'::bytea placing '\xaabb'::bytea from 2),
       overlay('\x0102'::bytea placing '\xff'::bytea from 5);
SELECT sha224('abc'), sha256('abc');
SELECT sha384(''::bytea), sha512('abc');
SELECT md5('abc'::bytea), md5(''::bytea);

-- to_char for numbers
CREATE TABLE pf_num (v numeric);
INSERT INTO pf_num VALUES (0), (0.5), (-0.5), (1), (-1), (12.345), (-12.345), (11), (112),
       (1234567), (-0.01), (99999), (1.005), (1234.5);
SELECT v, '[' || to_char(v, '9999.99') || ']', '[' || to_char(v, '0999.90') || ']',
       '[' || to_char(v, 'FM9999.99') || ']', '[' || to_char(v, '9,999.9') || ']',
       '[' || to_char(v, 'S9999') || ']', '[' || to_char(v, '9999MI') || ']',
       '[' || to_char(v, '9999PL') || ']', '[' || to_char(v, 'SG9999') || ']',
       '[' || to_char(v, '9999PR') || ']'
  FROM pf_num ORDER BY v;
SELECT v, '[' || to_char(v, '9.99EEEE') || ']', '[' || to_char(v, 'FM999th') || ']',
       '[' || to_char(v, '99V99') || ']', '[' || to_char(v, 'L999') || ']',
       '[' || to_char(v, 'FM0.00') || ']', '[' || to_char(v, '9.9') || ']',
       '[' || to_char(v, 'FM9.9') || ']', '[' || to_char(v, 'RN') || ']',
       '[' || to_char(v, 'FMrn') || ']'
  FROM pf_num ORDER BY v;
SELECT v, '[' || to_char(v, '.99') || ']', '[' || to_char(v, '9099') || ']',
       '[' || to_char(v, '9999S') || ']', '[' || to_char(v, 'FMS9999') || ']',
       '[' || to_char(v, 'FM9999MI') || ']', '[' || to_char(v, 'FM9999PR') || ']',
       '[' || to_char(v, '"x"9,999"y"') || ']', '[' || to_char(v, 'FM9,999G999') || ']',
       '[' || to_char(v, '99D99') || ']', '[' || to_char(v, 'FM9990.0999') || ']',
       '[' || to_char(v, '9 9 9') || ']', '[' || to_char(v, '999TH') || ']'
  FROM pf_num ORDER BY v;
SELECT v, '[' || to_char(v::int4, '9999.99') || ']', '[' || to_char(v::int8, 'FM9,999,999th') || ']',
       '[' || to_char(v::float8, '9999.99') || ']', '[' || to_char(v::float4, 'S9999.999') || ']',
       '[' || to_char(v::int8, '9.99EEEE') || ']', '[' || to_char(v::float8, '9.99EEEE') || ']',
       '[' || to_char(v::float4, '99V99') || ']'
  FROM pf_num ORDER BY v;
DROP TABLE pf_num;
SELECT to_char(1234567.0::float4, '99999999.99'), to_char((1.0/3)::float8, '9.99999999999999999999'),
       to_char(1, '9.'), to_char('NaN'::numeric, '999.9'), to_char('Infinity'::float8, '9999.99'),
       to_char('NaN'::numeric, '9.99EEEE'), to_char(1e20::numeric, '9.99EEEE'),
       to_char(12345.678, '99G999D999'), to_char(-5::int8, '9999V99');
SELECT to_char(1, '9.9.9');
SELECT to_char(1, 'S9S');
SELECT to_char(1, '99V9.9');
SELECT to_char(1, 'FM9.9EEEE');
SELECT to_char(1, '9.9EEEE9');
SELECT to_char(1, ''), to_char(1::numeric, '');

-- width_bucket(numeric)
SELECT width_bucket(5.35, 0.024, 10.06, 5), width_bucket(5.35, 10.06, 0.024, 5),
       width_bucket(-1::numeric, 0, 10, 3), width_bucket(10::numeric, 0, 10, 3),
       width_bucket(0::numeric, 0, 10, 3), width_bucket('Infinity'::numeric, 0, 10, 3),
       width_bucket('-Infinity'::numeric, 0, 10, 3), width_bucket(3.3::numeric, 10, 0, 7),
       width_bucket(9.999999999999::numeric, 0, 10, 2147483646);
SELECT width_bucket(1::numeric, 1, 1, 3);
SELECT width_bucket(1::numeric, 0, 2, 0);
SELECT width_bucket('NaN'::numeric, 0, 2, 1);
SELECT width_bucket(1::numeric, 0, 'Infinity', 1);
SELECT width_bucket(10::numeric, 0, 10, 2147483647);
