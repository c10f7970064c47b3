-- session and system information functions
SELECT current_database() = current_catalog AS same_name;
SELECT pg_typeof(current_database());
SELECT current_setting('work_mem');
SELECT current_setting('DateStyle');
SELECT current_setting('no_such_setting');
SELECT current_setting('no_such_setting', true) IS NULL AS missing;
SELECT current_setting('no_such_setting', false);
BEGIN;
SELECT set_config('work_mem', '8MB', true);
SELECT current_setting('work_mem');
COMMIT;
SELECT current_setting('work_mem');
SELECT set_config('work_mem', '16MB', false);
SHOW work_mem;
RESET work_mem;
SELECT set_config('work_mem', NULL, false);
SELECT set_config(NULL, '1', false);
SELECT set_config('no_such_setting', '1', false);
SELECT set_config('work_mem', 'lots', false);
SELECT set_config('myapp.user_id', '42', false), current_setting('myapp.user_id');
-- transaction ids
BEGIN;
SELECT txid_current_if_assigned() IS NULL AS none_yet;
SELECT txid_current() > 0 AS assigned;
SELECT txid_current() = txid_current() AS stable;
SELECT pg_current_xact_id()::text = txid_current()::text AS same;
SELECT txid_current_if_assigned() = txid_current() AS now_assigned;
COMMIT;
SELECT pg_typeof(pg_current_xact_id()), pg_typeof(txid_current());
SELECT pg_backend_pid() > 0 AS has_pid;
SELECT pg_postmaster_start_time() <= now() AS started;
-- visibility
CREATE SCHEMA sysf_hidden;
CREATE TABLE sysf_hidden.t (a int);
CREATE TABLE sysf_vis (a int);
SELECT pg_table_is_visible('sysf_vis'::regclass), pg_table_is_visible('sysf_hidden.t'::regclass);
SELECT pg_table_is_visible('pg_class'::regclass), pg_table_is_visible(0);
SELECT pg_type_is_visible('int4'::regtype), pg_type_is_visible(0);
SELECT pg_function_is_visible('now()'::regprocedure), pg_function_is_visible(0);
-- names
SELECT pg_get_userbyid(10), pg_get_userbyid(0);
SELECT format_type('int4'::regtype, NULL), format_type('varchar'::regtype, 14), format_type('numeric'::regtype, 655366);
SELECT format_type('bpchar'::regtype, NULL), format_type('bpchar'::regtype, -1), format_type('bpchar'::regtype, 9);
SELECT format_type('int4[]'::regtype, NULL), format_type(0, NULL), format_type(NULL, 1), format_type(999999, NULL);
SELECT format_type('timestamptz'::regtype, 3), format_type('interval'::regtype, NULL);
SELECT 'public'::regnamespace, 'pg_catalog'::regnamespace::oid;
SELECT 'nosuch'::regnamespace;
SELECT 'postgres'::regrole, 'postgres'::regrole::oid;
SELECT 'nosuch'::regrole;
-- privileges: every session is the superuser
SELECT has_table_privilege('sysf_vis', 'select'), has_table_privilege('sysf_vis', 'SELECT, insert with grant option');
SELECT has_table_privilege('postgres', 'sysf_vis', 'update'), has_table_privilege('sysf_vis'::regclass, ' delete ');
SELECT has_table_privilege(10, 'sysf_hidden.t', 'truncate'), has_table_privilege(10, 'sysf_vis'::regclass, 'references');
SELECT has_table_privilege('sysf_vis', 'foo');
SELECT has_table_privilege('sysf_vis', 'select,');
SELECT has_table_privilege('nosuch', 'select');
SELECT has_table_privilege(0::oid, 'select');
SELECT has_table_privilege(0::oid, 'bogus');
SELECT has_table_privilege('nosuchrole', 'sysf_vis', 'select');
SELECT has_table_privilege('sysf_vis', 'usage');
SELECT has_column_privilege('sysf_vis', 'a', 'select'), has_column_privilege('sysf_vis', 'ctid', 'select');
SELECT has_column_privilege('sysf_vis', 1::int2, 'update'), has_column_privilege('sysf_vis', 9::int2, 'update');
SELECT has_column_privilege('postgres', 'sysf_vis'::regclass, 'a', 'insert');
SELECT has_column_privilege('sysf_vis', 'nope', 'select');
SELECT has_column_privilege('sysf_vis', 'a', 'delete');
SELECT has_schema_privilege('public', 'create'), has_schema_privilege('sysf_hidden', 'usage');
SELECT has_schema_privilege(0::oid, 'usage');
SELECT has_schema_privilege('nosuch', 'usage');
SELECT has_schema_privilege('public', 'select');
SELECT has_function_privilege('now()', 'execute'), has_function_privilege('postgres', 'lower(text)', 'execute');
SELECT has_function_privilege(0::oid, 'execute');
SELECT has_function_privilege('nosuch()', 'execute');
SELECT has_function_privilege('now()', 'select');
SELECT has_database_privilege('postgres', 'connect'), has_database_privilege('postgres', 'temp, create, temporary');
SELECT has_database_privilege('nosuch', 'connect');
SELECT has_database_privilege(0::oid, 'connect');
SELECT pg_has_role('postgres', 'member'), pg_has_role('postgres', 'usage'), pg_has_role('postgres', 'postgres', 'MEMBER WITH ADMIN OPTION');
SELECT pg_has_role('postgres', 'set');
SELECT pg_has_role('nosuch', 'member');
-- more privilege kinds
CREATE TABLE pv_t (a int);
CREATE SEQUENCE pv_s;
SELECT has_any_column_privilege('pv_t', 'select'), has_any_column_privilege('postgres', 'pv_t', 'insert, update');
SELECT has_any_column_privilege(0::oid, 'select');
SELECT has_any_column_privilege('pv_t', 'delete');
SELECT has_any_column_privilege('nosuch', 'select');
SELECT has_sequence_privilege('pv_s', 'usage'), has_sequence_privilege('pv_s'::regclass, 'select, update');
SELECT has_sequence_privilege(0::oid, 'usage');
SELECT has_sequence_privilege('pv_t', 'usage');
SELECT has_sequence_privilege('pv_t'::regclass, 'usage');
SELECT has_sequence_privilege('pv_s', 'insert');
SELECT has_type_privilege('int4', 'usage'), has_type_privilege('postgres', 'text', 'USAGE WITH GRANT OPTION');
SELECT has_type_privilege(0::oid, 'usage');
SELECT has_type_privilege('nosuchtype', 'usage');
SELECT has_type_privilege('int4', 'select');
DROP TABLE pv_t;
DROP SEQUENCE pv_s;
SELECT has_language_privilege('sql', 'usage'), has_language_privilege('plpgsql', 'USAGE'), has_language_privilege('postgres', 'c', 'usage');
SELECT has_language_privilege('nosuch', 'usage');
SELECT has_language_privilege(0::oid, 'usage');
SELECT has_language_privilege('sql', 'execute');
-- sizes
SELECT pg_size_pretty(0::bigint), pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint), pg_size_pretty(-10240::bigint);
SELECT pg_size_pretty(10485247::bigint), pg_size_pretty(10485248::bigint), pg_size_pretty(9223372036854775807);
SELECT pg_size_pretty(-9223372036854775808);
SELECT pg_size_pretty(12345.6::numeric), pg_size_pretty(-1536.7::numeric), pg_size_pretty(1e20::numeric), pg_size_pretty(1e30::numeric);
SELECT pg_size_pretty(10239.5::numeric), pg_size_pretty(10240::numeric), pg_size_pretty(-10485248::numeric);
SELECT pg_size_bytes('1 kB'), pg_size_bytes(' 1.5 MB '), pg_size_bytes('1e3'), pg_size_bytes('-10 GB'), pg_size_bytes('1 pb'), pg_size_bytes('1e2kB');
SELECT pg_size_bytes('.5 kB'), pg_size_bytes('1.'), pg_size_bytes('0.3 bytes'), pg_size_bytes('+7bytes');
SELECT pg_size_bytes('1 B');
SELECT pg_size_bytes('1 xB');
SELECT pg_size_bytes('abc');
SELECT pg_size_bytes('1eb');
SELECT pg_size_bytes('100000000000 PB');
SELECT pg_size_bytes(pg_size_pretty(123456789::bigint));
SELECT pg_relation_size('sysf_vis'), pg_table_size('sysf_vis'), pg_total_relation_size('sysf_vis'), pg_indexes_size('sysf_vis');
INSERT INTO sysf_vis SELECT g FROM generate_series(1, 1000) g;
SELECT pg_relation_size('sysf_vis') > 0 AS grew, pg_relation_size('sysf_vis') % 8192 AS whole_pages;
SELECT pg_relation_size('sysf_vis', 'fsm') >= 0 AS fsm_ok;
SELECT pg_relation_size('sysf_vis', 'xx');
SELECT pg_relation_size(0), pg_table_size(0), pg_total_relation_size(0);
SELECT pg_column_size(1::int2), pg_column_size(1::int8), pg_column_size('abc'::text), pg_column_size(NULL::int), pg_column_size(true);
DROP TABLE sysf_vis;
DROP TABLE sysf_hidden.t;
DROP SCHEMA sysf_hidden;
-- pg_get_expr: defaults and CHECK constraints printed as PostgreSQL prints them
CREATE TABLE ge (a int DEFAULT 1+2, b text DEFAULT 'x', c timestamp DEFAULT now(), d int DEFAULT -1,
  e numeric DEFAULT 1.5, f int DEFAULT 1.5, g varchar(10) DEFAULT 'abc', h date DEFAULT CURRENT_DATE,
  i timestamptz DEFAULT CURRENT_TIMESTAMP(3), j boolean DEFAULT true, k int[] DEFAULT '{}', l text DEFAULT lower('ABC'),
  m bigint DEFAULT 5, n float8 DEFAULT 2.5e3, o text DEFAULT NULL, p int DEFAULT (2 * 3) + 1, q interval DEFAULT '1 day',
  r text DEFAULT 'it''s', s numeric(5,2) DEFAULT 0, t serial, u text DEFAULT CURRENT_USER, v int DEFAULT abs(-3),
  w jsonb DEFAULT '{}'::jsonb, x text DEFAULT ('a' || 'b'), y bool DEFAULT (NOT false),
  CONSTRAINT ge_chk CHECK (a > 0 AND b <> 'z'), CHECK (d IS NOT NULL OR a < 10));
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'ge'::regclass ORDER BY adnum;
SELECT conname, pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = 'ge'::regclass ORDER BY conname;
DROP TABLE ge;
