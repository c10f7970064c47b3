--
-- Error reporting: SQLSTATE-bearing messages with LINE and cursor position,
-- and the session continuing normally after each error.
--
-- undefined table (42P01)
SELECT * FROM err_nosuch;
SELECT a FROM err_nosuch WHERE a = 1;
INSERT INTO err_nosuch VALUES (1);
UPDATE err_nosuch SET a = 1;
DELETE FROM err_nosuch;
DROP TABLE err_nosuch;
CREATE TABLE err_t (id int4, name text, v varchar(3));
INSERT INTO err_t VALUES (1, 'one', 'a'), (2, 'two', 'bb');
-- undefined column (42703)
SELECT nosuch FROM err_t;
SELECT id, nosuch FROM err_t;
SELECT id FROM err_t WHERE nosuch > 1;
SELECT id FROM err_t ORDER BY nosuch;
SELECT err_t.nosuch FROM err_t;
INSERT INTO err_t (nosuch) VALUES (1);
UPDATE err_t SET id = nosuch;
-- syntax errors (42601) with the cursor at the offending token
SELECT FROM WHERE;
SELEC 1;
SELECT 1 +;
SELECT * FROM err_t WHERE;
SELECT 1 + 2);
INSERT INTO err_t VALUES (1, 'x',);
CREATE TABLE (a int);
SELECT 1 2;
SELECT id name FROM err_t ORDER BY;
UPDATE err_t SET WHERE id = 1;
-- a syntax error on a later line of a multi-line statement
SELECT id,
       name
  FROM err_t
 WHERE id = = 1;
-- division by zero (22012)
SELECT 10 / 0;
SELECT id / (id - 1) FROM err_t ORDER BY id;
-- integer out of range (22003)
SELECT 2147483647 + 1;
SELECT id * 2147483647 FROM err_t ORDER BY id;
-- value too long (22001)
INSERT INTO err_t VALUES (3, 'three', 'abcd');
UPDATE err_t SET v = 'wxyz';
-- invalid input syntax (22P02)
SELECT 'twelve'::int4;
INSERT INTO err_t VALUES ('x', 'y', 'z');
SELECT id FROM err_t WHERE id = 'one';
-- operator does not exist (42883) and type mismatch (42804)
SELECT 'a'::text + 1;
SELECT id FROM err_t WHERE name;
-- the table is unchanged by every failed statement, and the session still works
SELECT * FROM err_t ORDER BY id;
SELECT 1 AS still_working;
DROP TABLE err_t;
