--
-- CREATE TEMP TABLE: the session's pg_temp schema, search order, ON COMMIT
--
CREATE TEMP TABLE temp_t (a int, b serial);
INSERT INTO temp_t (a) VALUES (1), (2);
SELECT * FROM temp_t ORDER BY a;
SELECT c.relname, c.relpersistence, c.relkind, n.nspname LIKE 'pg_temp_%' AS in_temp
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relname IN ('temp_t', 'temp_t_b_seq') ORDER BY 1;

-- a permanent table of the same name is hidden by the temporary one
CREATE TABLE temp_t (x text);
INSERT INTO temp_t VALUES ('permanent');
SELECT * FROM temp_t ORDER BY 1;
SELECT * FROM public.temp_t;
SELECT a FROM pg_temp.temp_t ORDER BY a;
-- pg_temp is searched first, even before an explicit pg_catalog
SET search_path = pg_catalog, public;
SELECT a FROM temp_t ORDER BY a;
-- unless the path places it
SET search_path = public, pg_temp;
SELECT * FROM temp_t;
RESET search_path;
SHOW search_path;

DROP TABLE temp_t;
SELECT * FROM temp_t;
DROP TABLE temp_t;
SELECT * FROM temp_t;

-- ON COMMIT DELETE ROWS
CREATE TEMP TABLE temp_del (a int) ON COMMIT DELETE ROWS;
BEGIN;
INSERT INTO temp_del VALUES (1), (2);
SELECT count(*) FROM temp_del;
COMMIT;
SELECT count(*) FROM temp_del;
INSERT INTO temp_del VALUES (3);
SELECT count(*) FROM temp_del;
DROP TABLE temp_del;

-- ON COMMIT PRESERVE ROWS (the default)
CREATE TEMPORARY TABLE temp_keep (a int) ON COMMIT PRESERVE ROWS;
BEGIN;
INSERT INTO temp_keep VALUES (1);
COMMIT;
SELECT * FROM temp_keep;

-- ON COMMIT DROP
BEGIN;
CREATE TEMP TABLE temp_drop (a int) ON COMMIT DROP;
INSERT INTO temp_drop VALUES (42);
SELECT * FROM temp_drop;
COMMIT;
SELECT * FROM temp_drop;
SELECT count(*) FROM pg_class WHERE relname = 'temp_drop';

-- a rolled-back CREATE TEMP TABLE leaves nothing
BEGIN;
CREATE TEMP TABLE temp_rb (a int);
ROLLBACK;
SELECT * FROM temp_rb;
CREATE TEMP TABLE temp_rb (a int);
INSERT INTO temp_rb VALUES (7);
SELECT * FROM temp_rb;

-- CREATE TABLE pg_temp.x is temporary
CREATE TABLE pg_temp.temp_q (a int);
SELECT relpersistence FROM pg_class WHERE relname = 'temp_q';
CREATE TEMP TABLE IF NOT EXISTS temp_q (a int);

-- errors
CREATE TABLE temp_oc (a int) ON COMMIT DROP;
CREATE TABLE temp_oc (a int) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE public.temp_bad (a int);
CREATE TEMP TABLE temp_q (b int);

DROP TABLE temp_keep, temp_rb, pg_temp.temp_q;
SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname LIKE 'pg_temp_%' AND c.relname LIKE 'temp_%';
