--
-- Prepared statements across DDL: the cached plan is re-made after a
-- change to what it uses (plan invalidation), and a statement whose result
-- columns changed fails with 0A000 until they match again.
--
CREATE TABLE pc_t (id int PRIMARY KEY, x int);
INSERT INTO pc_t VALUES (1, 10), (2, 20);
-- a plan using the primary key's index, after the index is dropped
PREPARE pc_p1 AS SELECT * FROM pc_t WHERE id = $1;
EXECUTE pc_p1(1);
ALTER TABLE pc_t DROP CONSTRAINT pc_t_pkey;
EXECUTE pc_p1(1);
CREATE INDEX pc_t_x ON pc_t (x);
EXECUTE pc_p1(2);
PREPARE pc_px AS SELECT id FROM pc_t WHERE x = $1;
EXECUTE pc_px(20);
DROP INDEX pc_t_x;
EXECUTE pc_p1(2);
EXECUTE pc_px(20);
CREATE UNIQUE INDEX pc_t_id ON pc_t (id);
EXECUTE pc_p1(1);
DROP INDEX pc_t_id;
EXECUTE pc_p1(1);

-- SELECT *: the result columns may not change
PREPARE pc_p2 AS SELECT * FROM pc_t ORDER BY id;
EXECUTE pc_p2;
ALTER TABLE pc_t ADD COLUMN c int;
EXECUTE pc_p2;
EXECUTE pc_p2;
ALTER TABLE pc_t DROP COLUMN c;
EXECUTE pc_p2;
ALTER TABLE pc_t ALTER COLUMN x TYPE bigint;
EXECUTE pc_p2;
PREPARE pc_p3 AS SELECT id, x + 1 AS y FROM pc_t ORDER BY id;
EXECUTE pc_p3;
ALTER TABLE pc_t ALTER COLUMN x TYPE int;
EXECUTE pc_p3;
EXECUTE pc_p2;
-- a column list that does not change stays usable
PREPARE pc_p3b AS SELECT id, x FROM pc_t ORDER BY id;
ALTER TABLE pc_t ADD COLUMN d text DEFAULT 'd';
EXECUTE pc_p3b;
ALTER TABLE pc_t DROP COLUMN d;
EXECUTE pc_p3b;

-- dropped and created again under the same name: found again by name
PREPARE pc_p4 AS SELECT count(*) FROM pc_t;
EXECUTE pc_p4;
DROP TABLE pc_t;
EXECUTE pc_p4;
EXECUTE pc_p3b;
CREATE TABLE pc_t (id int, x int);
INSERT INTO pc_t VALUES (5, 50);
EXECUTE pc_p4;
EXECUTE pc_p3b;

-- search_path changes re-resolve the names
CREATE SCHEMA pc_s1;
CREATE SCHEMA pc_s2;
CREATE TABLE pc_s1.st (v text);
CREATE TABLE pc_s2.st (v text);
INSERT INTO pc_s1.st VALUES ('one');
INSERT INTO pc_s2.st VALUES ('two');
SET search_path = pc_s1, public;
PREPARE pc_p5 AS SELECT v FROM st;
EXECUTE pc_p5;
SET search_path = pc_s2, public;
EXECUTE pc_p5;
RESET search_path;
EXECUTE pc_p5;
SET search_path = pc_s1, public;
EXECUTE pc_p5;
RESET search_path;

-- views redefined
CREATE VIEW pc_v AS SELECT id FROM pc_t;
PREPARE pc_p6 AS SELECT * FROM pc_v;
EXECUTE pc_p6;
CREATE OR REPLACE VIEW pc_v AS SELECT id * 2 AS id FROM pc_t;
EXECUTE pc_p6;
CREATE OR REPLACE VIEW pc_v AS SELECT id, x FROM pc_t;
EXECUTE pc_p6;

-- DML, with and without RETURNING
PREPARE pc_p7(int, int) AS INSERT INTO pc_t VALUES ($1, $2) RETURNING *;
EXECUTE pc_p7(6, 60);
ALTER TABLE pc_t ADD COLUMN z int DEFAULT 7;
EXECUTE pc_p7(7, 70);
CREATE TABLE pc_r (id int, x int);
INSERT INTO pc_r VALUES (6, 60);
PREPARE pc_p8(int) AS UPDATE pc_r SET x = x + 1 WHERE id = $1;
EXECUTE pc_p8(6);
ALTER TABLE pc_r RENAME COLUMN x TO xx;
EXECUTE pc_p8(6);
ALTER TABLE pc_r RENAME COLUMN xx TO x;
EXECUTE pc_p8(6);
PREPARE pc_p8r AS SELECT * FROM pc_r;
ALTER TABLE pc_r RENAME TO pc_r2;
EXECUTE pc_p8r;
ALTER TABLE pc_r2 RENAME COLUMN x TO y;
EXECUTE pc_p8r;
ALTER TABLE pc_r2 RENAME TO pc_r;
EXECUTE pc_p8r;
ALTER TABLE pc_r RENAME COLUMN y TO x;
EXECUTE pc_p8r;
DROP TABLE pc_r;
PREPARE pc_p8b(int, int) AS INSERT INTO pc_t (id, x) VALUES ($1, $2);
EXECUTE pc_p8b(8, 80);
ALTER TABLE pc_t ALTER COLUMN z SET DEFAULT 9;
EXECUTE pc_p8b(9, 90);
SELECT * FROM pc_t ORDER BY id;
PREPARE pc_p8c(int) AS DELETE FROM pc_t WHERE id = $1;
ALTER TABLE pc_t ADD PRIMARY KEY (id);
EXECUTE pc_p8c(9);
ALTER TABLE pc_t DROP CONSTRAINT pc_t_pkey;
EXECUTE pc_p8c(8);
SELECT * FROM pc_t ORDER BY id;

-- DDL rolled back: the plan follows the catalogs back
PREPARE pc_p9 AS SELECT * FROM pc_t ORDER BY id;
BEGIN;
ALTER TABLE pc_t ADD COLUMN w int;
EXECUTE pc_p9;
ROLLBACK;
EXECUTE pc_p9;
BEGIN;
DROP TABLE pc_t CASCADE;
EXECUTE pc_p9;
ROLLBACK;
EXECUTE pc_p9;
TRUNCATE pc_t;
EXECUTE pc_p9;
INSERT INTO pc_t VALUES (1, 1, 1);
PREPARE pc_p12 AS SELECT id, x FROM pc_t WHERE id = $1;
BEGIN;
CREATE INDEX pc_t_id2 ON pc_t (id);
EXECUTE pc_p12(1);
SAVEPOINT s1;
DROP INDEX pc_t_id2;
EXECUTE pc_p12(1);
ROLLBACK TO SAVEPOINT s1;
EXECUTE pc_p12(1);
COMMIT;
EXECUTE pc_p12(1);
DROP INDEX pc_t_id2;
EXECUTE pc_p12(1);
-- a plan made inside a transaction that rolls back is not kept
PREPARE pc_p13(int) AS SELECT id FROM pc_t WHERE x = $1;
BEGIN;
CREATE INDEX pc_t_tmp ON pc_t (x);
EXECUTE pc_p13(1);
ROLLBACK;
EXECUTE pc_p13(1);
BEGIN;
ALTER TABLE pc_t RENAME TO pc_t_renamed;
EXECUTE pc_p13(1);
ROLLBACK;
EXECUTE pc_p13(1);
-- DEALLOCATE and PREPARE again under the same name
DEALLOCATE pc_p13;
PREPARE pc_p13 AS SELECT count(*) FROM pc_t;
EXECUTE pc_p13;

-- set operations and subqueries (their raw trees are analyzed again)
PREPARE pc_p10 AS SELECT id FROM pc_t UNION SELECT id + 100 FROM pc_t ORDER BY 1 LIMIT 5;
EXECUTE pc_p10;
ALTER TABLE pc_t ADD COLUMN u int;
EXECUTE pc_p10;
EXECUTE pc_p10;
PREPARE pc_p11 AS SELECT id FROM pc_t WHERE id IN (SELECT id FROM pc_t t2 WHERE t2.x >= 0)
  AND EXISTS (SELECT 1 FROM pc_s1.st);
EXECUTE pc_p11;
DROP TABLE pc_s1.st;
EXECUTE pc_p11;
CREATE TABLE pc_s1.st (v text);
EXECUTE pc_p11;
INSERT INTO pc_s1.st VALUES ('again');
EXECUTE pc_p11;

-- a sequence named in a regclass constant, and a changed column default
CREATE SEQUENCE pc_seq;
PREPARE pc_p14 AS SELECT nextval('pc_seq');
EXECUTE pc_p14;
DROP SEQUENCE pc_seq;
EXECUTE pc_p14;
CREATE SEQUENCE pc_seq START 100;
EXECUTE pc_p14;
CREATE TABLE pc_d (id serial, v int);
PREPARE pc_p15 AS INSERT INTO pc_d (v) VALUES (1) RETURNING id;
EXECUTE pc_p15;
ALTER TABLE pc_d ALTER COLUMN id SET DEFAULT 42;
EXECUTE pc_p15;
DROP TABLE pc_d;
DROP SEQUENCE pc_seq;

DEALLOCATE ALL;
DROP VIEW pc_v;
DROP TABLE pc_t;
DROP SCHEMA pc_s1 CASCADE;
DROP SCHEMA pc_s2 CASCADE;
