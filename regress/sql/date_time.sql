--
-- date, time, timestamp, timestamptz, interval: input/output under
-- DateStyle/TimeZone, arithmetic and functions.
--
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, MDY';
SELECT '2024-03-15'::date, 'March 15, 2024'::date, '20240315'::date, '2024-3-5'::date;
SELECT '13:45:30'::time, '1:45 pm'::time, '23:59:59.999999'::time, '24:00:00'::time;
SELECT '2024-03-15 13:45:30'::timestamp, '2024-03-15T13:45:30.123456'::timestamp, '2024-03-15'::timestamp;
SELECT '2024-03-15 13:45:30+02'::timestamptz, '2024-03-15 13:45:30 America/New_York'::timestamptz;
SELECT 'epoch'::timestamp, 'infinity'::timestamp, '-infinity'::date, 'infinity'::date > '2024-01-01'::date;
SELECT '1 day'::interval, '2 hours 30 minutes'::interval, '1 year 2 mons 3 days'::interval, '-1 day +2 hours'::interval;
SELECT '90 minutes'::interval, '1.5 days'::interval, '3 weeks'::interval, 'P1Y2M3DT4H5M6S'::interval, '100:00:00'::interval;
SELECT '2024-02-29'::date + 1, '2024-03-01'::date - 1, '2024-03-01'::date - '2024-02-01'::date, '2023-12-31'::date + 365;
SELECT '2024-01-31'::date + '1 month'::interval, '2024-01-31'::timestamp + '1 month'::interval, '2024-03-31'::date - '1 month'::interval;
SELECT '2024-03-15 10:00'::timestamp - '2024-03-14 08:30'::timestamp, '2024-03-15'::date + '10:30'::time;
SELECT '10:00'::time + '3 hours'::interval, '23:00'::time + '2 hours'::interval, '10:00'::time - '09:15'::time;
SELECT '1 day'::interval * 3, '1 hour'::interval / 4, '1 day'::interval + '1 hour'::interval, -'1 day'::interval;
SELECT '1 day'::interval = '24 hours'::interval, '1 month'::interval = '30 days'::interval, '1 year'::interval > '360 days'::interval;
SELECT '2024-03-15'::date < '2024-03-16'::date, '2024-03-15'::date = '2024-03-15 00:00'::timestamp;
SELECT date_trunc('month', '2024-03-15 13:45:30'::timestamp), date_trunc('hour', '2024-03-15 13:45:30'::timestamp), date_trunc('year', '2024-03-15'::date);
SELECT date_trunc('week', '2024-03-15 13:45:30'::timestamp), date_trunc('day', '2024-03-15 13:45:30+00'::timestamptz), date_trunc('quarter', '2024-05-15'::timestamp);
SELECT date_trunc('hour', '3 days 5 hours 30 minutes'::interval);
SELECT extract(year from '2024-03-15'::date), extract(month from '2024-03-15'::date), extract(day from '2024-03-15 13:45:30'::timestamp);
SELECT extract(hour from '13:45:30'::time), extract(minute from '2024-03-15 13:45:30'::timestamp), extract(second from '13:45:30.5'::time);
SELECT extract(dow from '2024-03-15'::date), extract(doy from '2024-03-15'::date), extract(week from '2024-03-15'::date), extract(quarter from '2024-03-15'::date);
SELECT extract(epoch from '2024-03-15 00:00:00+00'::timestamptz), extract(epoch from '1 day'::interval), extract(isodow from '2024-03-17'::date);
SELECT extract(day from '3 days 4 hours'::interval), extract(hour from '3 days 4 hours'::interval), extract(century from '2024-01-01'::date);
SELECT date_part('year', '2024-03-15'::timestamp), date_part('hour', '13:45'::time), date_part('day', '5 days'::interval);
SELECT age('2024-03-15'::timestamp, '2000-01-01'::timestamp), age('2024-03-15'::date, '2024-01-20'::date), age('2024-01-01'::timestamp, '2024-03-15 12:00'::timestamp);
SELECT to_char('2024-03-05 14:07:09'::timestamp, 'YYYY-MM-DD HH24:MI:SS'), to_char('2024-03-05'::date, 'DD/MM/YY'), to_char('2024-03-05 14:07:09'::timestamp, 'HH12:MI AM');
SELECT to_char('2024-03-05'::date, 'Day, DD Month YYYY'), to_char('2024-03-05'::date, 'FMDay FMMonth'), to_char('2024-03-05'::date, 'Mon DY dy');
SELECT to_char('2024-03-05'::date, 'Q WW IW J DDD'), to_char('2024-03-05 14:07:09.123'::timestamp, 'MS US');
SELECT to_date('05 Mar 2024', 'DD Mon YYYY'), to_date('2024-03-05', 'YYYY-MM-DD'), to_date('20240305', 'YYYYMMDD');
SELECT to_timestamp('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp(0), to_timestamp(1700000000);
SELECT make_date(2023, 2, 29);
SELECT '2024-13-01'::date;
SELECT '25:00:00'::time;
SELECT 'garbage'::timestamp;
SELECT '1 fortnight'::interval;
SELECT isfinite('2024-01-01'::date), isfinite('infinity'::timestamp), justify_days('35 days'::interval), justify_hours('27 hours'::interval), justify_interval('1 mon -1 hour'::interval);
SELECT '2024-03-15 13:45:30+00'::timestamptz AT TIME ZONE 'America/New_York', '2024-03-15 13:45:30'::timestamp AT TIME ZONE 'Asia/Tokyo';
SET TimeZone = 'America/New_York';
SELECT '2024-03-15 13:45:30+00'::timestamptz, '2024-07-01 12:00'::timestamptz, '2024-01-01 12:00'::timestamptz;
SELECT '2024-03-10 01:30'::timestamptz + '1 hour'::interval, '2024-03-09 12:00'::timestamptz + '1 day'::interval;
SELECT '2024-03-15 13:45:30'::timestamptz::date, '2024-03-15 23:45:30-05'::timestamptz::timestamp, '2024-03-15'::date::timestamptz;
SELECT date_trunc('day', '2024-03-15 02:00:00+00'::timestamptz), extract(hour from '2024-03-15 13:00:00+00'::timestamptz);
SET TimeZone = 'Europe/Berlin';
SELECT '2024-03-15 13:45:30+00'::timestamptz, '2024-08-15 13:45:30+00'::timestamptz, to_char('2024-03-15 13:45:30+00'::timestamptz, 'YYYY-MM-DD HH24:MI TZ');
SET DateStyle = 'SQL, DMY';
SELECT '2024-03-15'::date, '2024-03-15 13:45:30'::timestamp, '15/03/2024'::date;
SET DateStyle = 'German';
SELECT '2024-03-15'::date, '2024-03-15 13:45:30'::timestamp;
SET DateStyle = 'Postgres, MDY';
SELECT '2024-03-15'::date, '2024-03-15 13:45:30'::timestamp, '03/04/2024'::date;
SET IntervalStyle = 'postgres_verbose';
SELECT '1 year 2 mons 3 days 04:05:06'::interval;
SET IntervalStyle = 'iso_8601';
SELECT '1 year 2 mons 3 days 04:05:06'::interval;
RESET IntervalStyle;
SET DateStyle = 'ISO, MDY';
SET TimeZone = 'UTC';
CREATE TABLE dt_t (id int4, d date, ts timestamp, tz timestamptz, iv interval);
INSERT INTO dt_t VALUES
    (1, '2024-01-15', '2024-01-15 08:00', '2024-01-15 08:00+00', '1 day'),
    (2, '2023-12-31', '2023-12-31 23:59:59', '2023-12-31 23:59:59+05', '2 hours'),
    (3, '2024-02-29', '2024-02-29 12:30', '2024-02-29 12:30-08', '1 mon'),
    (4, NULL, NULL, NULL, NULL),
    (5, '2000-01-01', '2000-01-01 00:00', '2000-01-01 00:00+00', '-3 days');
SELECT * FROM dt_t ORDER BY id;
SELECT id, d + iv, ts + iv, tz - iv, d - '2000-01-01'::date FROM dt_t ORDER BY id;
SELECT id, extract(year from d), date_trunc('month', ts), to_char(tz, 'YYYY-MM-DD HH24:MI') FROM dt_t ORDER BY id;
SELECT id FROM dt_t WHERE d BETWEEN '2024-01-01' AND '2024-12-31' ORDER BY id;
SELECT id, d FROM dt_t ORDER BY d DESC NULLS LAST;
SELECT min(d), max(ts), max(tz), sum(iv), avg(iv) FROM dt_t;
SELECT extract(year from d) AS y, count(*) FROM dt_t GROUP BY 1 ORDER BY 1;
DROP TABLE dt_t;
RESET TimeZone;
RESET DateStyle;
