-- CREATE INDEX / DROP INDEX, names, catalogs, and queries through indexes
CREATE TABLE ix (a int, b text, c float8, d int);
CREATE INDEX ON ix (a);
CREATE INDEX ON ix (a, b);
CREATE INDEX ON ix (a);
CREATE UNIQUE INDEX ON ix (d);
CREATE INDEX ix_c ON ix (c DESC NULLS LAST);
CREATE INDEX IF NOT EXISTS ix_c ON ix (b);
CREATE INDEX ix_c ON ix (b);
CREATE INDEX ON ix USING btree (b);
CREATE INDEX ON ix (nosuch);
CREATE INDEX ON ix USING foo (a);
CREATE TABLE pt (x point);
CREATE INDEX ON pt (x);
DROP TABLE pt;
SELECT c.relname, c.relkind, c.relnatts, i.indnatts, i.indnkeyatts, i.indisunique, i.indisprimary,
       i.indkey::text, i.indoption::text, i.indisvalid, i.indisready, i.indislive
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'ix'::regclass ORDER BY c.relname;
SELECT relname, relhasindex FROM pg_class WHERE relname = 'ix';
SELECT a.attname, a.attnum, format_type(a.atttypid, a.atttypmod)
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relname = 'ix_a_b_idx' ORDER BY a.attnum;
-- long names are truncated to 63 bytes
CREATE TABLE abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk (abcdefghijklmnopqrstuvwxyz int);
CREATE INDEX ON abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk (abcdefghijklmnopqrstuvwxyz);
CREATE INDEX ON abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk (abcdefghijklmnopqrstuvwxyz);
SELECT relname, length(relname) FROM pg_class WHERE relname LIKE 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz%' AND relkind = 'i' ORDER BY 1;
DROP TABLE abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk;
-- data
INSERT INTO ix SELECT g, 'v' || g, g / 10.0, g FROM generate_series(1, 2000) g;
INSERT INTO ix VALUES (NULL, NULL, NULL, NULL), (NULL, 'n', NULL, NULL);
SELECT * FROM ix WHERE a = 42;
SELECT * FROM ix WHERE 42 = a;
SELECT * FROM ix WHERE a = 42::int8;
SELECT count(*) FROM ix WHERE a < 100;
SELECT count(*) FROM ix WHERE a <= 100;
SELECT count(*) FROM ix WHERE a > 1900;
SELECT count(*) FROM ix WHERE a >= 1900;
SELECT count(*) FROM ix WHERE a BETWEEN 500 AND 599;
SELECT count(*) FROM ix WHERE a > 10 AND a < 5;
SELECT * FROM ix WHERE a = 7 AND b = 'v7';
SELECT * FROM ix WHERE a = 7 AND b = 'v8';
SELECT count(*) FROM ix WHERE a IS NULL;
SELECT count(*) FROM ix WHERE a IS NOT NULL;
SELECT * FROM ix WHERE b = 'v1234';
SELECT * FROM ix WHERE d = 1999;
SELECT a FROM ix ORDER BY a LIMIT 5;
SELECT a FROM ix ORDER BY a DESC LIMIT 5;
SELECT a FROM ix ORDER BY a DESC NULLS LAST LIMIT 3;
SELECT a FROM ix ORDER BY a NULLS FIRST LIMIT 3;
SELECT a, b FROM ix WHERE a > 1995 ORDER BY a, b;
SELECT c FROM ix ORDER BY c DESC LIMIT 3;
SELECT c FROM ix ORDER BY c DESC NULLS LAST LIMIT 3;
SELECT a FROM ix WHERE a < 4 ORDER BY a DESC;
PREPARE q(int) AS SELECT b FROM ix WHERE a = $1;
EXECUTE q(10);
EXECUTE q(11);
DEALLOCATE q;
-- joins through an index
CREATE TABLE small (x int, y int);
INSERT INTO small VALUES (3, 1), (30, 1), (300, 2), (3000, 2), (NULL, 3);
SELECT s.x, ix.b FROM small s JOIN ix ON ix.a = s.x ORDER BY s.x;
SELECT s.x, ix.b FROM small s LEFT JOIN ix ON ix.a = s.x ORDER BY s.x;
SELECT s.x, ix.b FROM small s JOIN ix ON ix.a = s.x + 1 WHERE s.y = 1 ORDER BY s.x;
SELECT s.x, (SELECT b FROM ix WHERE ix.a = s.x) FROM small s ORDER BY s.x;
SELECT count(*) FROM ix i1 JOIN ix i2 ON i1.a = i2.d;
-- changes keep the index in step
UPDATE ix SET a = a + 10000 WHERE a = 5;
SELECT a, b FROM ix WHERE a = 5 OR a = 10005;
SELECT a, b FROM ix WHERE a = 10005;
DELETE FROM ix WHERE a = 6;
SELECT * FROM ix WHERE a = 6;
-- TRUNCATE then reinsert
TRUNCATE ix;
SELECT count(*) FROM ix WHERE a = 1;
INSERT INTO ix VALUES (1, 'one', 1, 1), (2, 'two', 2, 2);
SELECT * FROM ix WHERE a = 1;
SELECT * FROM ix WHERE d = 2;
-- DROP COLUMN drops the indexes using it
ALTER TABLE ix DROP COLUMN b;
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'ix'::regclass ORDER BY 1;
-- ALTER INDEX RENAME
ALTER INDEX ix_a_idx RENAME TO ix_a_renamed;
ALTER INDEX IF EXISTS nosuch RENAME TO nosuch2;
SELECT * FROM ix WHERE a = 2;
-- DROP INDEX
DROP INDEX ix;
DROP INDEX nosuch;
DROP INDEX IF EXISTS nosuch, ix_a_renamed;
DROP INDEX ix_a_idx1, ix_c;
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'ix'::regclass ORDER BY 1;
SELECT * FROM ix WHERE a = 2;
-- views and sequences have no indexes
CREATE VIEW ixv AS SELECT * FROM ix;
CREATE INDEX ON ixv (a);
CREATE SEQUENCE ixs;
CREATE INDEX ON ixs (last_value);
DROP VIEW ixv;
DROP SEQUENCE ixs;
-- renaming the table or a column keeps the index working
CREATE TABLE rn (k int, v text);
CREATE INDEX rn_k ON rn (k);
INSERT INTO rn SELECT g, 'x' || g FROM generate_series(1, 100) g;
ALTER TABLE rn RENAME TO rn2;
ALTER TABLE rn2 RENAME COLUMN k TO kk;
SELECT * FROM rn2 WHERE kk = 50;
INSERT INTO rn2 VALUES (500, 'new');
SELECT * FROM rn2 WHERE kk = 500;
-- ROLLBACK of CREATE INDEX / DROP INDEX
BEGIN;
CREATE INDEX rn_v ON rn2 (v);
ROLLBACK;
SELECT count(*) FROM pg_class WHERE relname = 'rn_v';
BEGIN;
DROP INDEX rn_k;
ROLLBACK;
SELECT * FROM rn2 WHERE kk = 51;
-- DROP TABLE takes its indexes
DROP TABLE rn2;
SELECT count(*) FROM pg_class WHERE relname = 'rn_k';
DROP TABLE ix, small;
-- temp tables
CREATE TEMP TABLE tt (id int PRIMARY KEY, v text);
INSERT INTO tt VALUES (1, 'a'), (2, 'b');
INSERT INTO tt VALUES (1, 'c');
SELECT relpersistence FROM pg_class WHERE relname = 'tt_pkey';
SELECT * FROM tt WHERE id = 2;
DROP TABLE tt;
-- cross-type conditions, varchar keys, DESC indexes, parameters
CREATE TABLE b (id int PRIMARY KEY, v varchar(20), n int8, t text);
INSERT INTO b SELECT g, 'v' || g, g * 2, 't' || lpad(g::text, 6, '0') FROM generate_series(1, 3000) g;
CREATE INDEX ON b (v);
CREATE INDEX ON b (n);
CREATE INDEX ON b (t DESC);
SELECT id FROM b WHERE v = 'v77';
SELECT id FROM b WHERE v = 'v77'::text;
SELECT id FROM b WHERE n = 154;
SELECT id FROM b WHERE n = 154::int2;
SELECT id FROM b WHERE id = 77::int8;
SELECT id FROM b WHERE id = 77.0;
SELECT id FROM b WHERE id = NULL;
SELECT count(*) FROM b WHERE id < 100 AND id > 90;
SELECT t FROM b ORDER BY t DESC LIMIT 3;
SELECT t FROM b ORDER BY t LIMIT 3;
SELECT id, (SELECT v FROM b b2 WHERE b2.id = b.id + 1) FROM b WHERE id < 4 ORDER BY id;
UPDATE b SET v = 'changed' WHERE id = 500;
SELECT * FROM b WHERE id = 500;
SELECT * FROM b WHERE v = 'changed';
DELETE FROM b WHERE id = 501;
SELECT count(*) FROM b WHERE id BETWEEN 499 AND 502;
SELECT id FROM b WHERE id IN (5, 7, 9) ORDER BY id;
SELECT b.v FROM generate_series(1, 3) g JOIN b ON b.id = g ORDER BY 1;
SELECT b1.id, b2.id FROM b b1 JOIN b b2 ON b2.n = b1.id WHERE b1.id < 5 ORDER BY 1;
SELECT count(*) FROM b b1 JOIN b b2 ON b2.id = b1.id;
PREPARE p1(int) AS SELECT v FROM b WHERE id = $1;
EXECUTE p1(20);
EXECUTE p1(21);
DEALLOCATE p1;
BEGIN;
INSERT INTO b VALUES (40000, 'x', 1, 'y');
SELECT * FROM b WHERE id = 40000;
ROLLBACK;
SELECT * FROM b WHERE id = 40000;
REINDEX INDEX b_pkey;
REINDEX TABLE b;
REINDEX INDEX b;
REINDEX TABLE nosuch;
SELECT v FROM b WHERE id = 1234;
SELECT id FROM b WHERE t = 't000077';
CREATE TABLE noix (a int);
REINDEX TABLE noix;
DROP TABLE noix;
DROP TABLE b;
-- ORDER BY / conditions under another collation do not use the index's order
CREATE TABLE cl (id int PRIMARY KEY, t text);
INSERT INTO cl SELECT g, chr(65 + g % 26) || chr(97 + g % 26) || g FROM generate_series(1, 3000) g;
CREATE INDEX ON cl (t);
SELECT t FROM cl ORDER BY t LIMIT 3;
SELECT t FROM cl ORDER BY t COLLATE "C" LIMIT 3;
SELECT t FROM cl ORDER BY t COLLATE "C" DESC LIMIT 3;
SELECT count(*) FROM cl WHERE t < 'B';
SELECT count(*) FROM cl WHERE t COLLATE "C" < 'b';
SELECT t FROM cl WHERE t = 'Ba1';
DROP TABLE cl;
-- CONCURRENTLY: PostgreSQL's restrictions
CREATE TABLE cc (a int, b int);
BEGIN;
CREATE INDEX CONCURRENTLY ON cc (a);
ROLLBACK;
CREATE INDEX CONCURRENTLY ON cc (a);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS cc_b ON cc (b);
DROP INDEX CONCURRENTLY cc_a_idx, cc_a_idx;
DROP INDEX CONCURRENTLY cc_a_idx CASCADE;
BEGIN;
DROP INDEX CONCURRENTLY cc_a_idx;
ROLLBACK;
DROP INDEX CONCURRENTLY cc_a_idx;
DROP INDEX CONCURRENTLY IF EXISTS cc_a_idx;
SELECT relname FROM pg_class WHERE relname LIKE 'cc%' ORDER BY 1;
DROP TABLE cc;
