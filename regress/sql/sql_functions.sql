--
-- Built-in functions PostgreSQL defines in SQL (pg_proc.prolang = 14):
-- inlined by the planner when safe, otherwise run by fmgr_sql.
--
SET TimeZone = 'UTC';
-- text
SELECT lpad('ab', 5) || '|' AS lpad, rpad('ab', 5) || '|' AS rpad;
SELECT lpad('abcdef', 3), rpad('abcdef', 3), lpad(NULL, 3) IS NULL AS lpad_null;
SELECT bit_length('abc'::text), bit_length('\x0102'::bytea), bit_length('héllo');
SELECT substring('foobar' SIMILAR '%#"o_b#"%' ESCAPE '#') AS similar,
       substring('foobar', '%#"o_b#"%', '#') AS func;
SELECT quote_literal(42), quote_literal(date '2020-01-01'), quote_literal(ARRAY[1, 2]),
       quote_literal(NULL::int) IS NULL AS ql_null;
SELECT quote_nullable(NULL::int), quote_nullable(7), quote_nullable(1.5);
SELECT 'x' || 1 AS textanycat, 1 || 'x' AS anytextcat, 'n=' || NULL::int IS NULL AS cat_null;
-- numeric
SELECT round(2.567::numeric), round(-2.5::numeric), trunc(9.99::numeric), round(NULL::numeric);
SELECT log(100::numeric), log10(1000::numeric), log(2::numeric);
-- date/time operators and functions
SELECT time '10:00' + date '2020-01-02' AS time_date,
       date '2020-01-02' + time '10:00' AS date_time,
       interval '1 day 2 hours' + date '2020-01-02' AS interval_date,
       3 + date '2020-01-02' AS int_date;
SELECT interval '1 hour' + time '10:00' AS interval_time,
       interval '1 day' + timestamp '2020-01-01 05:00' AS interval_ts,
       interval '1 day' + timestamptz '2020-01-01 05:00+00' AS interval_tstz;
SELECT date_part('year', date '2020-05-06'), date_part('dow', date '2020-05-06'),
       date_part('doy', date '2020-05-06');
SELECT timestamptz(date '2020-01-02', time '03:04:05');
SELECT age(timestamp '2000-01-01') > interval '20 years' AS age_ts,
       age(timestamptz '2000-01-01 00:00+00') > interval '20 years' AS age_tstz,
       age(timestamp '2000-01-01') = age(current_date::timestamp, timestamp '2000-01-01') AS age_def;
SELECT (timestamp '2020-01-01', interval '2 days') OVERLAPS (timestamp '2020-01-02', interval '1 day') AS o1,
       (time '10:00', interval '2 hours') OVERLAPS (time '13:00', time '14:00') AS o2,
       (timestamptz '2020-01-01 00:00+00', timestamptz '2020-01-03 00:00+00')
         OVERLAPS (timestamptz '2020-01-02 00:00+00', interval '1 day') AS o3;
-- an argument used twice that is volatile: not inlined, run by fmgr_sql
SELECT (clock_timestamp(), interval '1 hour') OVERLAPS (clock_timestamp(), interval '1 hour') AS volatile_arg;
SELECT pg_sleep_for('10 milliseconds'), pg_sleep_until(clock_timestamp() + interval '10 milliseconds');
-- in column defaults and over table rows
CREATE TABLE sqlfn_t (a text DEFAULT lpad('x', 3), b int, c date DEFAULT 1 + date '2020-01-01');
INSERT INTO sqlfn_t (b) VALUES (1), (NULL), (4);
SELECT a || '|' AS a, b, c, bit_length(a), quote_literal(b), round(b::numeric),
       lpad(a, b) AS lp, b + c AS b_plus_c
  FROM sqlfn_t ORDER BY b;
SELECT count(*) FROM sqlfn_t WHERE (c, b * interval '1 day') OVERLAPS (date '2020-01-04', interval '1 day');
DROP TABLE sqlfn_t;
