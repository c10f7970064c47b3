--
-- Error cases: each statement fails with a PostgreSQL-compatible SQLSTATE
-- message, and the session continues.
--
\set VERBOSITY default
CREATE TABLE le_t (id int4, v varchar(3) NOT NULL, n int2, c int4);
INSERT INTO le_t VALUES (1, 'a', 1, 1);
-- not null 23502
INSERT INTO le_t VALUES (2, NULL, 1, 1);
-- string too long 22001
INSERT INTO le_t VALUES (4, 'toolong', 1, 1);
-- out of range 22003
INSERT INTO le_t VALUES (5, 'e', 40000, 1);
UPDATE le_t SET n = n + 32767;
-- division by zero 22012
SELECT 1 / 0;
SELECT id / 0 FROM le_t;
-- invalid text representation 22P02
SELECT 'x'::int4;
INSERT INTO le_t VALUES ('one', 'a', 1, 1);
-- syntax errors 42601
SELECT FROM WHERE;
SELECT 1 +;
SELEC 1;
-- undefined function 42883 / operator
SELECT nosuch_fn(1);
SELECT 'a' + 1;
SELECT 1 @@@ 2;
-- ambiguous column 42702
SELECT id FROM le_t a, le_t b;
-- duplicate table 42P07, duplicate column 42701
CREATE TABLE le_t (x int4);
CREATE TABLE le_dup (a int4, a int4);
-- datatype mismatch 42804
SELECT CASE WHEN true THEN 1 ELSE 'x'::text END;
SELECT id FROM le_t WHERE 1;
-- grouping error 42803
SELECT id, count(*) FROM le_t;
-- too many columns
INSERT INTO le_t VALUES (1, 'a', 1, 1, 1);
INSERT INTO le_t (id, id) VALUES (1, 2);
-- subquery returns more than one row 21000
SELECT (SELECT generate_series(1, 2));
-- numeric field overflow
SELECT 1000::numeric(3,0);
SELECT 10.0 ^ 100000;
-- invalid parameter value
SELECT repeat('x', -1), substr('abc', 1, -1);
SET work_mem = 'lots';
SET no_such_setting = 1;
SHOW no_such_setting;
-- transaction state 25P02
BEGIN;
SELECT 1 / 0;
SELECT 1;
ROLLBACK;
SELECT 'session still works' AS ok;
-- the table is unchanged by the failed statements
SELECT * FROM le_t ORDER BY id;
DROP TABLE le_t;
DROP TABLE le_t;
DROP TABLE IF EXISTS le_t;
