--
-- SAVEPOINT, RELEASE SAVEPOINT, ROLLBACK TO SAVEPOINT (subtransactions)
--
CREATE TABLE sp_t (id int, v text);

-- outside a transaction block
SAVEPOINT a;
RELEASE SAVEPOINT a;
ROLLBACK TO SAVEPOINT a;
RELEASE a;
ROLLBACK TO a;

-- rollback of an insert, release of another
BEGIN;
INSERT INTO sp_t VALUES (1, 'one');
SAVEPOINT a;
INSERT INTO sp_t VALUES (2, 'two');
SELECT * FROM sp_t ORDER BY id;
ROLLBACK TO SAVEPOINT a;
SELECT * FROM sp_t ORDER BY id;
INSERT INTO sp_t VALUES (3, 'three');
SAVEPOINT b;
INSERT INTO sp_t VALUES (4, 'four');
RELEASE SAVEPOINT b;
RELEASE a;
COMMIT;
SELECT * FROM sp_t ORDER BY id;

-- updates and deletes are undone: the old versions live again
BEGIN;
SAVEPOINT s1;
UPDATE sp_t SET v = v || '!' WHERE id = 1;
DELETE FROM sp_t WHERE id = 3;
SELECT * FROM sp_t ORDER BY id;
ROLLBACK TO s1;
SELECT * FROM sp_t ORDER BY id;
UPDATE sp_t SET v = 'uno' WHERE id = 1;
SAVEPOINT s2;
UPDATE sp_t SET v = 'eins' WHERE id = 1;
ROLLBACK TO s2;
UPDATE sp_t SET v = v || '?' WHERE id = 1;
COMMIT;
SELECT * FROM sp_t ORDER BY id;

-- nesting; RELEASE of an outer savepoint releases the inner ones
BEGIN;
SAVEPOINT l1;
INSERT INTO sp_t VALUES (10, 'l1');
SAVEPOINT l2;
INSERT INTO sp_t VALUES (11, 'l2');
SAVEPOINT l3;
INSERT INTO sp_t VALUES (12, 'l3');
RELEASE l3;
ROLLBACK TO l2;
SELECT count(*) FROM sp_t WHERE id >= 10;
SAVEPOINT l4;
INSERT INTO sp_t VALUES (13, 'l4');
RELEASE l1;
SELECT count(*) FROM sp_t WHERE id >= 10;
ROLLBACK TO l2;
COMMIT;
SELECT * FROM sp_t WHERE id >= 10 ORDER BY id;

-- RELEASE then ROLLBACK TO the outer one
BEGIN;
SAVEPOINT outer_sp;
INSERT INTO sp_t VALUES (20, 'outer');
SAVEPOINT inner_sp;
INSERT INTO sp_t VALUES (21, 'inner');
RELEASE inner_sp;
SELECT count(*) FROM sp_t WHERE id >= 20;
ROLLBACK TO outer_sp;
SELECT count(*) FROM sp_t WHERE id >= 20;
ROLLBACK TO inner_sp;
ROLLBACK;

-- the same name twice: the newest wins
BEGIN;
SAVEPOINT x;
INSERT INTO sp_t VALUES (30, 'first x');
SAVEPOINT x;
INSERT INTO sp_t VALUES (31, 'second x');
ROLLBACK TO x;
SELECT id FROM sp_t WHERE id >= 30 ORDER BY id;
RELEASE x;
SELECT id FROM sp_t WHERE id >= 30 ORDER BY id;
ROLLBACK TO x;
SELECT id FROM sp_t WHERE id >= 30 ORDER BY id;
RELEASE x;
RELEASE x;
COMMIT;
SELECT id FROM sp_t WHERE id >= 30 ORDER BY id;

-- a savepoint that does not exist
BEGIN;
SAVEPOINT p;
RELEASE q;
ROLLBACK;
BEGIN;
ROLLBACK TO nosuch;
ROLLBACK;
BEGIN;
RELEASE nosuch;
COMMIT;

-- an error: ROLLBACK TO makes the transaction usable again
BEGIN;
INSERT INTO sp_t VALUES (40, 'before');
SAVEPOINT e;
INSERT INTO sp_t VALUES (41, 'doomed');
SELECT 1/0;
SELECT * FROM sp_t;
RELEASE e;
SAVEPOINT e2;
ROLLBACK TO e;
INSERT INTO sp_t VALUES (42, 'after');
COMMIT;
SELECT * FROM sp_t WHERE id >= 40 ORDER BY id;

-- an error in a nested savepoint; ROLLBACK TO the outer one
BEGIN;
SAVEPOINT n1;
INSERT INTO sp_t VALUES (50, 'n1');
SAVEPOINT n2;
INSERT INTO sp_t VALUES (51, 'n2');
SELECT nosuchcolumn FROM sp_t;
ROLLBACK TO n1;
SELECT count(*) FROM sp_t WHERE id >= 50;
INSERT INTO sp_t VALUES (52, 'n1 again');
COMMIT;
SELECT * FROM sp_t WHERE id >= 50 ORDER BY id;

-- an error without a savepoint still needs ROLLBACK
BEGIN;
SELECT 1/0;
ROLLBACK TO a;
ROLLBACK;

-- COMMIT inside savepoints commits everything; inside a failed one rolls back
BEGIN;
SAVEPOINT c1;
INSERT INTO sp_t VALUES (60, 'c1');
SAVEPOINT c2;
INSERT INTO sp_t VALUES (61, 'c2');
COMMIT;
BEGIN;
SAVEPOINT c3;
INSERT INTO sp_t VALUES (62, 'c3');
SELECT 1/0;
COMMIT;
SELECT * FROM sp_t WHERE id >= 60 ORDER BY id;

-- ROLLBACK inside savepoints rolls back everything
BEGIN;
SAVEPOINT r1;
INSERT INTO sp_t VALUES (70, 'r1');
SAVEPOINT r2;
ROLLBACK;
SELECT count(*) FROM sp_t WHERE id >= 70;

-- DDL in a rolled-back savepoint disappears
BEGIN;
SAVEPOINT d;
CREATE TABLE sp_new (a int);
INSERT INTO sp_new VALUES (1);
SELECT * FROM sp_new;
ROLLBACK TO d;
SELECT * FROM sp_new;
ROLLBACK TO d;
CREATE TABLE sp_new (b text);
INSERT INTO sp_new VALUES ('kept');
COMMIT;
SELECT * FROM sp_new;
BEGIN;
SAVEPOINT d2;
DROP TABLE sp_new;
ROLLBACK TO d2;
ALTER TABLE sp_new ADD COLUMN c int;
SAVEPOINT d3;
ALTER TABLE sp_new DROP COLUMN b;
ROLLBACK TO d3;
SELECT * FROM sp_new;
COMMIT;
SELECT * FROM sp_new;
DROP TABLE sp_new;

-- sequences are not rolled back
CREATE SEQUENCE sp_seq;
BEGIN;
SAVEPOINT q;
SELECT nextval('sp_seq');
ROLLBACK TO q;
SELECT nextval('sp_seq');
COMMIT;
DROP SEQUENCE sp_seq;

-- savepoints in a multi-statement query without BEGIN
SAVEPOINT m; SELECT 1;
SELECT 1; RELEASE m;

-- a SAVEPOINT in a multi-statement query inside a block
BEGIN; SAVEPOINT mq; INSERT INTO sp_t VALUES (80, 'mq'); ROLLBACK TO mq; COMMIT;
SELECT count(*) FROM sp_t WHERE id = 80;

-- temporary tables in savepoints
BEGIN;
SAVEPOINT t1;
CREATE TEMP TABLE sp_temp (a int) ON COMMIT DROP;
ROLLBACK TO t1;
CREATE TEMP TABLE sp_temp2 (a int) ON COMMIT DELETE ROWS;
INSERT INTO sp_temp2 VALUES (1);
COMMIT;
SELECT * FROM sp_temp2;
DROP TABLE sp_temp2;

-- more: quoted names, TRUNCATE, AND CHAIN, FOR UPDATE, temp schema, renames, views
CREATE TABLE e1 (a int, b text);
INSERT INTO e1 VALUES (1, 'x'), (2, 'y');
BEGIN;
SAVEPOINT a;
BEGIN;
SAVEPOINT "A";
ROLLBACK TO "A";
ROLLBACK TO a;
ROLLBACK TO a;
ROLLBACK TO a;
TRUNCATE e1;
SELECT count(*) FROM e1;
ROLLBACK TO a;
SELECT count(*) FROM e1;
COMMIT AND CHAIN;
SHOW transaction_isolation;
SAVEPOINT b;
INSERT INTO e1 VALUES (3, 'z');
ROLLBACK AND CHAIN;
SELECT count(*) FROM e1;
SAVEPOINT c;
SELECT * FROM e1 WHERE a = 1 FOR UPDATE;
ROLLBACK TO c;
UPDATE e1 SET b = 'xx' WHERE a = 1;
COMMIT;
SELECT * FROM e1 ORDER BY a;
BEGIN;
SAVEPOINT t;
CREATE TEMP TABLE tt1 (a int);
INSERT INTO tt1 VALUES (1);
ROLLBACK TO t;
CREATE TEMP TABLE tt2 (a int);
INSERT INTO tt2 VALUES (2);
RELEASE t;
COMMIT;
SELECT * FROM tt2;
BEGIN;
SAVEPOINT s;
ALTER TABLE e1 RENAME COLUMN b TO c;
SELECT c FROM e1 ORDER BY a;
ROLLBACK TO s;
SELECT b FROM e1 ORDER BY a;
SAVEPOINT s2;
CREATE VIEW v1 AS SELECT a FROM e1;
ROLLBACK TO s2;
SELECT * FROM v1;
ROLLBACK;
BEGIN;
SAVEPOINT x1;
INSERT INTO e1 VALUES (10, 'ten');
SAVEPOINT x2;
UPDATE e1 SET b = 'TEN' WHERE a = 10;
SAVEPOINT x3;
DELETE FROM e1 WHERE a = 10;
ROLLBACK TO x3;
SELECT * FROM e1 WHERE a = 10;
ROLLBACK TO x2;
SELECT * FROM e1 WHERE a = 10;
RELEASE x1;
SELECT * FROM e1 WHERE a = 10;
COMMIT;
SELECT * FROM e1 ORDER BY a;
BEGIN;
SAVEPOINT p;
PREPARE q AS SELECT 1;
ROLLBACK TO p;
EXECUTE q;
COMMIT;
DEALLOCATE q;
BEGIN;
SAVEPOINT z;
SELECT 1/0;
ROLLBACK TO SAVEPOINT nosuch;
ROLLBACK TO z;
SELECT 1;
ROLLBACK;
BEGIN;
SAVEPOINT q1;
SAVEPOINT q2;
SELECT 1/0;
RELEASE q1;
ROLLBACK TO q1;
RELEASE q1;
COMMIT;
DROP TABLE e1;
DROP TABLE sp_t;
