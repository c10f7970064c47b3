-- pg_catalog system views
CREATE SCHEMA sv;
CREATE TABLE sv.t1 (a int, b text);
CREATE TABLE sv.t2 (x int PRIMARY KEY, y text UNIQUE, z int);
CREATE UNIQUE INDEX t2_zy ON sv.t2 (z DESC, y NULLS FIRST);
CREATE SEQUENCE sv.s1 START 5 INCREMENT 3;
CREATE SEQUENCE sv.s2 AS integer MAXVALUE 1000 CYCLE;
CREATE VIEW sv.v1 AS SELECT a FROM sv.t1;

SELECT schemaname, tablename, tableowner, tablespace, hasindexes, hasrules,
       hastriggers, rowsecurity
FROM pg_tables WHERE schemaname = 'sv' ORDER BY tablename;

SELECT schemaname, viewname, viewowner FROM pg_views WHERE schemaname = 'sv';

SELECT schemaname, tablename, indexname, tablespace, indexdef
FROM pg_indexes WHERE schemaname = 'sv' ORDER BY indexname;

SELECT schemaname, sequencename, sequenceowner, data_type, start_value, min_value,
       max_value, increment_by, cycle, cache_size, last_value
FROM pg_sequences WHERE schemaname = 'sv' ORDER BY sequencename;
SELECT nextval('sv.s1'), nextval('sv.s1');
SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'sv' ORDER BY 1;

SELECT count(*) > 0 AS has_catalogs FROM pg_tables WHERE schemaname = 'pg_catalog';
SELECT tablename FROM pg_tables WHERE tablename IN ('pg_class', 'pg_attribute') ORDER BY 1;
SELECT viewname FROM pg_views
WHERE viewname IN ('pg_tables', 'pg_views', 'pg_roles', 'pg_user', 'tables', 'columns')
ORDER BY 1;

SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,
       rolreplication, rolconnlimit, rolpassword, rolvaliduntil, rolbypassrls, rolconfig
FROM pg_roles WHERE rolname = 'postgres';
SELECT count(*) AS builtin_roles FROM pg_roles WHERE rolname LIKE 'pg\_%';
SELECT rolname FROM pg_roles WHERE NOT rolcanlogin ORDER BY 1;
SELECT usename, usesysid, usecreatedb, usesuper, userepl, usebypassrls, passwd,
       valuntil, useconfig
FROM pg_user;
SELECT oid, rolname FROM pg_authid WHERE oid = 10;
-- correlated ARRAY() over a catalog, as psql's \du sends it
SELECT r.rolname, ARRAY(SELECT b.rolname FROM pg_authid b WHERE b.oid = r.oid) AS self,
       ARRAY(SELECT m.roleid FROM pg_auth_members m WHERE m.member = r.oid) AS memberof
FROM pg_roles r WHERE r.rolname !~ '^pg_';

SELECT datname, datdba, encoding, datlocprovider, datistemplate, datallowconn,
       datconnlimit, dattablespace, datcollate, datctype
FROM pg_database WHERE datname = 'postgres';
SELECT pg_encoding_to_char(6), pg_encoding_to_char(0), pg_encoding_to_char(41), pg_encoding_to_char(42), pg_encoding_to_char(-1);
SELECT pg_char_to_encoding('utf8'), pg_char_to_encoding('UTF-8'), pg_char_to_encoding('nosuch'), pg_char_to_encoding('latin1'), pg_char_to_encoding('unicode'), pg_char_to_encoding('SQL_ASCII');
SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = 'postgres';
SELECT spcname, spcowner FROM pg_tablespace ORDER BY oid;
SELECT collname, collprovider FROM pg_collation
WHERE collname IN ('default', 'C', 'POSIX') ORDER BY oid;

-- pg_settings: the settings table
SELECT name, setting, unit, context, vartype, source, min_val, max_val, enumvals,
       boot_val, reset_val, pending_restart
FROM pg_settings
WHERE name IN ('work_mem', 'client_min_messages', 'random_page_cost', 'search_path',
               'enable_seqscan', 'max_connections', 'statement_timeout')
ORDER BY name;
SET work_mem = '8MB';
SELECT name, setting, unit, source, reset_val FROM pg_settings WHERE name = 'work_mem';
RESET work_mem;
SELECT count(*) > 50 AS many_settings, count(DISTINCT name) = count(*) AS unique_names
FROM pg_settings;

-- pg_stat_activity: this backend
SELECT datname = current_database() AS db, usename, application_name, state, query, backend_type,
       pid = pg_backend_pid() AS own_pid, backend_start IS NOT NULL AS started,
       xact_start IS NOT NULL AS in_xact, wait_event
FROM pg_stat_activity WHERE pid = pg_backend_pid();
SELECT count(*) >= 1 AS has_rows FROM pg_stat_activity;
SELECT (client_addr IS NULL) = (client_port = -1) AS addr_iff_tcp
FROM pg_stat_activity WHERE pid = pg_backend_pid();
-- client_addr's type
SELECT '127.0.0.1'::inet, '10.1.2.3/8'::inet, '::1'::inet, 'fe80::1/64'::inet, '10/8'::inet,
       '::ffff:1.2.3.4'::inet, '0.0.0.0/0'::inet, NULL::inet;
SELECT '10.1.2.3/8'::inet::text, '::1'::inet::text, text('1.2.3.4'::inet);
SELECT '192.168.1'::inet;
SELECT 'x'::inet;
SELECT '10.0.0.1/33'::inet;
SELECT '10.0.0.1/'::inet;

-- functions the views use
SELECT pg_my_temp_schema() = 0 AS no_temp_schema_yet;
SELECT pg_is_other_temp_schema('pg_catalog'::regnamespace);
SELECT pg_relation_is_updatable('sv.t1'::regclass, false),
       pg_relation_is_updatable('sv.v1'::regclass, false);
SELECT pg_column_is_updatable('sv.t1'::regclass, 1::int2, false);
SELECT pg_relation_is_publishable('sv.t1'::regclass),
       pg_relation_is_publishable('pg_class'::regclass);

DROP TABLE sv.t2;
DROP SCHEMA sv CASCADE;
