--
-- B-tree indexes: uniqueness (insert, update, build), index scans in both
-- directions, multi-column and text keys, NULLs, DESC, and keys that span
-- many pages.  Results must not depend on the plan.
--
CREATE TABLE bt_big (id int PRIMARY KEY, grp int, name text);
INSERT INTO bt_big SELECT i, i % 100, 'n' || i FROM generate_series(1, 20000) i;
SELECT * FROM bt_big WHERE id = 42;
SELECT count(*) FROM bt_big WHERE id < 100;
SELECT count(*) FROM bt_big WHERE id > 19900;
SELECT id FROM bt_big WHERE id BETWEEN 500 AND 510 ORDER BY id;
SELECT id FROM bt_big WHERE id >= 19995 ORDER BY id DESC;
SELECT id FROM bt_big ORDER BY id LIMIT 5;
SELECT id FROM bt_big ORDER BY id DESC LIMIT 5;
SELECT * FROM bt_big WHERE id = 42 AND grp = 42;
SELECT * FROM bt_big WHERE id = 42 AND grp = 3;
SELECT * FROM bt_big WHERE id = NULL;
SELECT * FROM bt_big WHERE id IS NULL;
SELECT * FROM bt_big WHERE id = 10::bigint;
SELECT * FROM bt_big WHERE id < 3.5 ORDER BY id;

-- the same through index scans only
SET enable_seqscan = off;
SELECT * FROM bt_big WHERE id = 42;
SELECT count(*) FROM bt_big WHERE id < 100;
SELECT id FROM bt_big WHERE id > 19990 AND id <= 19993 ORDER BY id DESC;
SELECT id FROM bt_big WHERE 19997 < id ORDER BY id;
PREPARE bt_p(int) AS SELECT * FROM bt_big WHERE id = $1;
EXECUTE bt_p(10);
EXECUTE bt_p(20001);
DEALLOCATE bt_p;
CREATE TABLE bt_s (x int, y text);
INSERT INTO bt_s VALUES (10, 'a'), (20, 'b'), (19999, 'c'), (30000, 'd');
SELECT bt_s.x, bt_big.name FROM bt_s JOIN bt_big ON bt_big.id = bt_s.x ORDER BY bt_s.x;
SELECT x, (SELECT name FROM bt_big WHERE id = bt_s.x) FROM bt_s ORDER BY x;
RESET enable_seqscan;

-- duplicates: INSERT, multi-row INSERT, UPDATE
INSERT INTO bt_big VALUES (1, 0, 'dup');
INSERT INTO bt_big VALUES (20001, 0, 'x'), (20001, 0, 'y');
UPDATE bt_big SET id = 2 WHERE id = 1;
UPDATE bt_big SET id = id + 1 WHERE id BETWEEN 20 AND 22;
UPDATE bt_big SET id = id + 100000 WHERE id BETWEEN 20 AND 22;
SELECT * FROM bt_big WHERE id > 100000 ORDER BY id;
UPDATE bt_big SET name = 'changed' WHERE id = 77;
SELECT * FROM bt_big WHERE id = 77;

-- DELETE then re-INSERT of the same key in one transaction
BEGIN;
DELETE FROM bt_big WHERE id = 5;
INSERT INTO bt_big VALUES (5, 1, 'again');
SELECT * FROM bt_big WHERE id = 5;
INSERT INTO bt_big VALUES (5, 1, 'twice');
ROLLBACK;
SELECT * FROM bt_big WHERE id = 5;
-- an aborted insert leaves no conflict behind
BEGIN;
INSERT INTO bt_big VALUES (30000, 0, 'gone');
ROLLBACK;
INSERT INTO bt_big VALUES (30000, 0, 'kept');
SELECT * FROM bt_big WHERE id = 30000;

-- a second index on text
CREATE INDEX bt_big_name_idx ON bt_big (name);
SELECT id, name FROM bt_big WHERE name = 'n12345';
SELECT id, name FROM bt_big WHERE name BETWEEN 'n19990' AND 'n19992' ORDER BY name;
SELECT id, name FROM bt_big WHERE name > 'n9998' ORDER BY name LIMIT 3;

-- multi-column and text keys
CREATE TABLE bt_u (a int, b text, UNIQUE (a, b));
INSERT INTO bt_u VALUES (1, 'x'), (1, 'x');
INSERT INTO bt_u VALUES (1, 'x'), (1, 'y'), (2, 'x');
INSERT INTO bt_u VALUES (2, 'x');
INSERT INTO bt_u VALUES (NULL, 'x'), (NULL, 'x'), (1, NULL), (1, NULL);
SELECT * FROM bt_u ORDER BY a, b;
SELECT * FROM bt_u WHERE a = 1 AND b > 'x';
CREATE TABLE bt_r (a int, b text, PRIMARY KEY (b, a));
INSERT INTO bt_r VALUES (1, 'x'), (2, 'x'), (1, 'y');
INSERT INTO bt_r VALUES (2, 'x');
SELECT * FROM bt_r WHERE b = 'x' AND a > 1;
SELECT * FROM bt_r WHERE b = 'x' ORDER BY a DESC;
CREATE TABLE bt_q ("Weird Col" int PRIMARY KEY);
INSERT INTO bt_q VALUES (1), (1);

-- NULLs in a unique column
CREATE TABLE bt_n (a int UNIQUE, b int);
INSERT INTO bt_n VALUES (NULL, 1), (NULL, 2), (1, 3);
INSERT INTO bt_n VALUES (1, 4);
SELECT * FROM bt_n WHERE a IS NULL ORDER BY b;
SELECT * FROM bt_n WHERE a IS NOT NULL;
SET enable_seqscan = off;
SELECT * FROM bt_n WHERE a = 1;
SELECT * FROM bt_n WHERE a > 0;
RESET enable_seqscan;

-- DESC and NULLS FIRST
CREATE TABLE bt_d (a int, b text);
INSERT INTO bt_d SELECT CASE WHEN i % 10 = 0 THEN NULL ELSE i END, 'r' || i FROM generate_series(1, 2000) i;
CREATE INDEX bt_d_desc ON bt_d (a DESC NULLS LAST);
CREATE INDEX bt_d_nf ON bt_d (a NULLS FIRST);
SELECT a FROM bt_d WHERE a > 1990 ORDER BY a DESC;
SELECT a FROM bt_d WHERE a < 5 ORDER BY a;
SELECT count(*) FROM bt_d WHERE a IS NULL;

-- ORDER BY through plain and DESC indexes, NULLs at either end
SET enable_seqscan = off;
SET enable_sort = off;
SELECT a FROM bt_d ORDER BY a LIMIT 3;
SELECT a FROM bt_d ORDER BY a DESC LIMIT 3;
SELECT a FROM bt_d ORDER BY a NULLS FIRST LIMIT 3;
SELECT a FROM bt_d ORDER BY a DESC NULLS LAST LIMIT 3;
SELECT a FROM bt_d WHERE a < 25 ORDER BY a DESC;
SELECT a, b FROM bt_d WHERE a IS NULL AND b < 'r11' ORDER BY b;
RESET enable_sort;
RESET enable_seqscan;

-- three-column keys: equality prefixes and ranges
CREATE TABLE bt_m (a int, b int, c int, PRIMARY KEY (a, b, c));
INSERT INTO bt_m SELECT i / 100, (i / 10) % 10, i % 10 FROM generate_series(0, 9999) i;
SET enable_seqscan = off;
SELECT count(*) FROM bt_m WHERE a = 5;
SELECT count(*) FROM bt_m WHERE a = 5 AND b = 3;
SELECT * FROM bt_m WHERE a = 5 AND b = 3 AND c = 7;
SELECT * FROM bt_m WHERE a = 5 AND b >= 8 AND c < 2 ORDER BY a, b, c;
SELECT * FROM bt_m WHERE a BETWEEN 98 AND 99 AND b = 9 AND c > 7 ORDER BY a DESC, b DESC, c DESC;
SELECT count(*) FROM bt_m WHERE b = 3;
SELECT count(*) FROM bt_m WHERE c = 3 AND a < 10;
SELECT * FROM bt_m WHERE a = 99 ORDER BY a, b, c LIMIT 3;
SELECT * FROM bt_m WHERE a = 0 ORDER BY a DESC, b DESC, c DESC LIMIT 3;
RESET enable_seqscan;
INSERT INTO bt_m VALUES (5, 3, 7);

-- building a unique index over duplicates
CREATE TABLE bt_b (a int, b text);
INSERT INTO bt_b VALUES (1, 'p'), (1, 'p'), (2, 'q');
CREATE UNIQUE INDEX bt_b_a_idx ON bt_b (a);
ALTER TABLE bt_b ADD PRIMARY KEY (a);
CREATE UNIQUE INDEX bt_b_ab_idx ON bt_b (a, b);
DELETE FROM bt_b WHERE b = 'p';
INSERT INTO bt_b VALUES (1, 'p');
CREATE UNIQUE INDEX bt_b_a_idx ON bt_b (a);
INSERT INTO bt_b VALUES (2, 'z');
SELECT * FROM bt_b ORDER BY a;

-- TRUNCATE empties the indexes too
TRUNCATE bt_b;
INSERT INTO bt_b VALUES (1, 'p'), (2, 'q');
INSERT INTO bt_b VALUES (2, 'r');
SELECT * FROM bt_b ORDER BY a;

-- keys too large for a B-tree page
CREATE TABLE bt_z (a text PRIMARY KEY);
INSERT INTO bt_z SELECT string_agg(md5(i::text), '') FROM generate_series(1, 100) i;
INSERT INTO bt_z SELECT string_agg(md5(i::text), '') FROM generate_series(1, 80) i;
INSERT INTO bt_z SELECT string_agg(md5(i::text), '') FROM generate_series(1, 81) i;
INSERT INTO bt_z SELECT string_agg(md5(i::text), '') FROM generate_series(1, 81) i;
SELECT length(a) FROM bt_z ORDER BY 1;


-- savepoints: keys of rolled-back subtransactions are free again
CREATE TABLE bt_sp (id int PRIMARY KEY);
BEGIN;
INSERT INTO bt_sp VALUES (1);
SAVEPOINT a;
INSERT INTO bt_sp VALUES (2);
ROLLBACK TO SAVEPOINT a;
INSERT INTO bt_sp VALUES (2);
SAVEPOINT b;
DELETE FROM bt_sp WHERE id = 1;
INSERT INTO bt_sp VALUES (1);
ROLLBACK TO SAVEPOINT b;
SELECT * FROM bt_sp ORDER BY id;
COMMIT;
INSERT INTO bt_sp VALUES (1);
INSERT INTO bt_sp VALUES (2);
SELECT * FROM bt_sp ORDER BY id;
BEGIN;
SAVEPOINT c;
INSERT INTO bt_sp VALUES (3);
RELEASE SAVEPOINT c;
INSERT INTO bt_sp VALUES (3);
ROLLBACK;
INSERT INTO bt_sp VALUES (3);
SELECT * FROM bt_sp ORDER BY id;

DROP TABLE bt_big, bt_s, bt_u, bt_r, bt_q, bt_n, bt_d, bt_m, bt_b, bt_z, bt_sp;
