--
-- INSERT ... ON CONFLICT (upsert)
--
CREATE TABLE ups (k int PRIMARY KEY, v text, n int DEFAULT 0);
-- DO NOTHING, with and without a conflict target
INSERT INTO ups VALUES (1, 'one') ON CONFLICT DO NOTHING;
INSERT INTO ups VALUES (1, 'uno') ON CONFLICT DO NOTHING;
INSERT INTO ups VALUES (1, 'uno') ON CONFLICT (k) DO NOTHING;
INSERT INTO ups VALUES (1, 'uno'), (2, 'two') ON CONFLICT (k) DO NOTHING RETURNING *;
SELECT * FROM ups ORDER BY k;
-- proposed rows that conflict with each other: DO NOTHING keeps the first
INSERT INTO ups VALUES (3, 'three'), (3, 'tres') ON CONFLICT DO NOTHING RETURNING k, v;
-- DO UPDATE with EXCLUDED
INSERT INTO ups VALUES (1, 'ONE') ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v;
SELECT * FROM ups ORDER BY k;
INSERT INTO ups VALUES (1, '!'), (4, 'four') ON CONFLICT (k)
  DO UPDATE SET v = ups.v || excluded.v, n = ups.n + 1 RETURNING *;
-- the table alias form
INSERT INTO ups AS u VALUES (2, 'x') ON CONFLICT (k) DO UPDATE SET n = u.n + 10 RETURNING u.k, u.n;
INSERT INTO ups AS u VALUES (2, 'x') ON CONFLICT (k) DO UPDATE SET n = ups.n + 10;
-- WHERE on DO UPDATE: rows it rejects are neither updated nor returned
INSERT INTO ups VALUES (1, 'a'), (2, 'b'), (5, 'e') ON CONFLICT (k)
  DO UPDATE SET v = excluded.v WHERE ups.n > 5 RETURNING k, v, n;
INSERT INTO ups VALUES (3, 'c') ON CONFLICT (k)
  DO UPDATE SET v = excluded.v WHERE excluded.v <> 'c' RETURNING *;
SELECT * FROM ups ORDER BY k;
-- ON CONSTRAINT
INSERT INTO ups VALUES (3, 'C') ON CONFLICT ON CONSTRAINT ups_pkey DO UPDATE SET v = excluded.v RETURNING *;
INSERT INTO ups VALUES (3, 'C') ON CONFLICT ON CONSTRAINT ups_pkey DO NOTHING;
-- INSERT ... SELECT
INSERT INTO ups SELECT g, 'g' || g FROM generate_series(4, 7) g
  ON CONFLICT (k) DO UPDATE SET n = ups.n + 100 RETURNING *;
SELECT * FROM ups ORDER BY k;
-- SET to DEFAULT, a sub-SELECT, and an expression over both rows
INSERT INTO ups VALUES (7, 'seven', 5) ON CONFLICT (k) DO UPDATE SET n = DEFAULT RETURNING *;
INSERT INTO ups VALUES (7, 'seven', 5) ON CONFLICT (k)
  DO UPDATE SET n = (SELECT count(*) FROM ups), v = upper(excluded.v) || ups.k RETURNING *;
-- same row twice in one command
INSERT INTO ups VALUES (1, 'a'), (1, 'b') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
INSERT INTO ups VALUES (10, 'a'), (10, 'b') ON CONFLICT (k) DO UPDATE SET v = excluded.v;
SELECT count(*) FROM ups WHERE k = 10;
-- errors
INSERT INTO ups VALUES (1, 'a') ON CONFLICT DO UPDATE SET v = 'b';
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (v) DO NOTHING;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k, v) DO NOTHING;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (nosuch) DO NOTHING;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT ON CONSTRAINT nosuch DO NOTHING;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k DESC) DO NOTHING;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k NULLS FIRST) DO NOTHING;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET nosuch = 1;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 1, v = 2;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = nosuch.v;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = 'x' RETURNING excluded.v;
INSERT INTO ups AS u VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = ups.v;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET k = 2;
INSERT INTO ups VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET k = NULL;
-- multi-column unique index, second unique index, NULLs
CREATE TABLE ups2 (a int, b int, c text, d int UNIQUE, UNIQUE (a, b));
INSERT INTO ups2 VALUES (1, 1, 'x', 1), (1, 2, 'y', 2);
INSERT INTO ups2 VALUES (1, 1, 'z', 3) ON CONFLICT (a, b) DO UPDATE SET c = excluded.c RETURNING *;
INSERT INTO ups2 VALUES (1, 2, 'w', 4) ON CONFLICT (b, a, b) DO UPDATE SET c = excluded.c RETURNING *;
INSERT INTO ups2 VALUES (1, 1, 'v', 5) ON CONFLICT (a) DO NOTHING;
-- a violation of a unique index that does not arbitrate is still 23505
INSERT INTO ups2 VALUES (2, 2, 'q', 1) ON CONFLICT (a, b) DO NOTHING;
INSERT INTO ups2 VALUES (5, 5, 'q', 1) ON CONFLICT (a, b) DO UPDATE SET c = 'never';
-- without a target every unique index arbitrates
INSERT INTO ups2 VALUES (2, 2, 'q', 1) ON CONFLICT DO NOTHING RETURNING *;
INSERT INTO ups2 VALUES (1, 1, 'q', 99) ON CONFLICT DO NOTHING RETURNING *;
-- the DO UPDATE may itself violate another unique index
INSERT INTO ups2 VALUES (1, 1, 'q', 99) ON CONFLICT (a, b) DO UPDATE SET d = 2;
INSERT INTO ups2 VALUES (1, 1, 'q', 99) ON CONFLICT ON CONSTRAINT ups2_d_key DO NOTHING RETURNING *;
-- NULL keys never conflict
INSERT INTO ups2 VALUES (NULL, 1, 'n1', NULL), (NULL, 1, 'n2', NULL) ON CONFLICT (a, b) DO NOTHING;
SELECT * FROM ups2 ORDER BY a, b, c;
-- CHECK and NOT NULL apply to the updated row
CREATE TABLE ups3 (k int PRIMARY KEY, v int NOT NULL CHECK (v > 0), CONSTRAINT vpos CHECK (v < 100));
INSERT INTO ups3 VALUES (1, 1);
INSERT INTO ups3 VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = ups3.v - excluded.v;
INSERT INTO ups3 VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = NULL;
INSERT INTO ups3 VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = ups3.v + 200;
INSERT INTO ups3 VALUES (1, 5) ON CONFLICT ON CONSTRAINT vpos DO NOTHING;
INSERT INTO ups3 VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = ups3.v + excluded.v RETURNING *;
-- earlier commands of the same transaction are seen
BEGIN;
INSERT INTO ups3 VALUES (2, 1);
INSERT INTO ups3 VALUES (2, 1) ON CONFLICT (k) DO UPDATE SET v = ups3.v + 1 RETURNING *;
UPDATE ups3 SET v = 50 WHERE k = 2;
INSERT INTO ups3 VALUES (2, 1) ON CONFLICT (k) DO UPDATE SET v = ups3.v + 1 RETURNING *;
ROLLBACK;
SELECT * FROM ups3 ORDER BY k;
-- a SERIAL key and parameters
CREATE TABLE ups4 (id serial PRIMARY KEY, name text UNIQUE, hits int DEFAULT 1);
PREPARE hit(text) AS INSERT INTO ups4 (name) VALUES ($1)
  ON CONFLICT (name) DO UPDATE SET hits = ups4.hits + 1 RETURNING id, name, hits;
EXECUTE hit('a');
EXECUTE hit('b');
EXECUTE hit('a');
EXECUTE hit('a');
DEALLOCATE hit;
SELECT * FROM ups4 ORDER BY id;
-- WITH, data-modifying WITH, sub-SELECTs over EXCLUDED, operator classes
CREATE TABLE ups5 (k int PRIMARY KEY, v text, n int DEFAULT 5);
CREATE TABLE ups5_src (a int);
INSERT INTO ups5_src VALUES (1), (2);
INSERT INTO ups5 VALUES (1, 'a');
WITH src AS (SELECT 1 AS k, 'w' AS v) INSERT INTO ups5 SELECT k, v FROM src
  ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING *;
WITH ins AS (INSERT INTO ups5 VALUES (2, 'b') ON CONFLICT (k) DO NOTHING RETURNING k) SELECT * FROM ins;
WITH ins AS (INSERT INTO ups5 VALUES (2, 'c') ON CONFLICT (k) DO UPDATE SET v = 'c' RETURNING k, v)
  SELECT * FROM ins;
INSERT INTO ups5 VALUES (1, 'z') ON CONFLICT (k) WHERE k > 0 DO NOTHING;
INSERT INTO ups5 VALUES (1, 'z') ON CONFLICT (k int4_ops) DO UPDATE SET v = 'ops' RETURNING *;
INSERT INTO ups5 VALUES (1, 'z') ON CONFLICT (k int8_ops) DO NOTHING;
INSERT INTO ups5 VALUES (1, 'z') ON CONFLICT (k nosuch_ops) DO NOTHING;
INSERT INTO ups5 VALUES (1, 'z') ON CONFLICT ((k)) DO NOTHING;
INSERT INTO ups5 VALUES (1, 'z') ON CONFLICT ((k + 1)) DO NOTHING;
INSERT INTO ups5 VALUES (1, 'q'), (3, 'q') ON CONFLICT (k) DO UPDATE SET v = excluded.v
  WHERE EXISTS (SELECT 1 FROM ups5_src WHERE ups5_src.a = excluded.k) RETURNING *;
INSERT INTO ups5 VALUES (3, 'r') ON CONFLICT (k) DO UPDATE SET v = excluded.v
  WHERE EXISTS (SELECT 1 FROM ups5_src WHERE ups5_src.a = excluded.k) RETURNING *;
INSERT INTO ups5 VALUES (2, 'r') ON CONFLICT (k)
  DO UPDATE SET v = (SELECT max(a)::text FROM ups5_src WHERE a <= excluded.k) || ups5.v RETURNING *;
INSERT INTO ups5 (k) VALUES (2) ON CONFLICT (k) DO UPDATE SET n = excluded.n + 1 RETURNING *;
INSERT INTO ups5 DEFAULT VALUES ON CONFLICT DO NOTHING;
INSERT INTO ups5 VALUES (1) ON CONFLICT (k) DO UPDATE SET v = DEFAULT, n = DEFAULT RETURNING *;
INSERT INTO ups5 VALUES (1) ON CONFLICT (k) DO UPDATE SET ups5.v = 'x';
INSERT INTO ups5 VALUES (1) ON CONFLICT (k) DO UPDATE SET v = excluded.nosuch;
INSERT INTO ups5 VALUES (1), (2), (3) ON CONFLICT (k) DO UPDATE SET n = ups5.n * 10 RETURNING k, n, ups5.*;
CREATE UNIQUE INDEX ups5_v ON ups5 (v);
INSERT INTO ups5 VALUES (9, 'c') ON CONFLICT (v) DO UPDATE SET n = 0 RETURNING *;
INSERT INTO ups5 VALUES (9, 'c') ON CONFLICT ON CONSTRAINT ups5_v DO NOTHING;
INSERT INTO ups5 VALUES (2, 'zz') ON CONFLICT DO NOTHING RETURNING *;
SELECT * FROM ups5 ORDER BY k;
-- identity columns
CREATE TABLE ups6 (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text UNIQUE);
INSERT INTO ups6 (v) VALUES ('a') ON CONFLICT (v) DO UPDATE SET id = 5;
INSERT INTO ups6 (v) VALUES ('a'), ('a') ON CONFLICT (v) DO NOTHING RETURNING *;
-- REPEATABLE READ sees its own rows
BEGIN ISOLATION LEVEL REPEATABLE READ;
INSERT INTO ups5 VALUES (20, 'a20') ON CONFLICT (k) DO UPDATE SET v = 'upd';
INSERT INTO ups5 VALUES (20, 'a20') ON CONFLICT (k) DO UPDATE SET v = 'upd' RETURNING *;
COMMIT;
-- system catalogs refuse it
INSERT INTO pg_class DEFAULT VALUES ON CONFLICT DO NOTHING;
DROP TABLE ups5, ups5_src, ups6;
DROP TABLE ups, ups2, ups3, ups4;
