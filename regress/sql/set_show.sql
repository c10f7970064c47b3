--
-- SET and SHOW for standard settings.
--
SHOW work_mem;
SET work_mem = '8MB';
SHOW work_mem;
SET work_mem = 16384;
SHOW work_mem;
SET work_mem TO '1GB';
SHOW work_mem;
SET work_mem = '4MB';
SHOW work_mem;
SHOW statement_timeout;
SET statement_timeout = 5000;
SHOW statement_timeout;
SET statement_timeout = '2min';
SHOW statement_timeout;
SET statement_timeout = '1s';
SHOW statement_timeout;
SET statement_timeout = 0;
SHOW statement_timeout;
SHOW client_min_messages;
SET client_min_messages = warning;
SHOW client_min_messages;
-- the notice from DROP TABLE IF EXISTS is suppressed at level warning
DROP TABLE IF EXISTS set_show_nosuch;
SET client_min_messages = notice;
DROP TABLE IF EXISTS set_show_nosuch;
SHOW extra_float_digits;
SET extra_float_digits = 0;
SHOW extra_float_digits;
SELECT 0.1::float8, 1/3.0::float8, 0.1::float4;
SET extra_float_digits = 3;
SELECT 0.1::float8, 1/3.0::float8, 0.1::float4;
SET extra_float_digits = 1;
SELECT 0.1::float8, 1/3.0::float8, 0.1::float4;
SHOW DateStyle;
SET DateStyle = 'ISO, MDY';
SHOW DateStyle;
SET datestyle = 'Postgres, MDY';
SHOW datestyle;
-- setting names are case-insensitive
SHOW WORK_MEM;
SET Work_Mem = '2MB';
SHOW work_mem;
-- SET ... TO DEFAULT restores the default
SET work_mem TO DEFAULT;
SHOW work_mem;
-- errors: unknown setting, bad values
SHOW no_such_setting;
SET no_such_setting = 1;
SET work_mem = 'lots';
SET work_mem = 10;
SET statement_timeout = -1;
SET extra_float_digits = 4;
SET client_min_messages = shouting;
