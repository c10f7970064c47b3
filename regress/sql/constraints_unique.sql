-- PRIMARY KEY and UNIQUE constraints
CREATE TABLE pk1 (id int PRIMARY KEY, v text);
INSERT INTO pk1 VALUES (1, 'a'), (2, 'b');
INSERT INTO pk1 VALUES (1, 'c');
INSERT INTO pk1 VALUES (NULL, 'd');
INSERT INTO pk1 VALUES (3, 'e'), (3, 'f');
SELECT * FROM pk1 ORDER BY id;
UPDATE pk1 SET id = 2 WHERE id = 1;
UPDATE pk1 SET id = 10 WHERE id = 1;
SELECT * FROM pk1 WHERE id = 10;
SELECT conname, contype, conkey::text, conrelid::regclass, conindid::regclass, condeferrable, convalidated
  FROM pg_constraint WHERE conrelid = 'pk1'::regclass ORDER BY conname;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'pk1'::regclass AND attnum > 0 ORDER BY attnum;
-- naming
CREATE TABLE u1 (a int UNIQUE, b int UNIQUE, c int, d int, UNIQUE (c, d), CONSTRAINT named_u UNIQUE (d));
SELECT c.relname, i.indisunique, i.indisprimary, i.indkey::text
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'u1'::regclass ORDER BY c.relname;
SELECT conname, contype, conkey::text FROM pg_constraint WHERE conrelid = 'u1'::regclass ORDER BY conname;
-- NULLs are distinct in unique columns
INSERT INTO u1 VALUES (NULL, NULL, NULL, NULL), (NULL, NULL, NULL, NULL);
INSERT INTO u1 VALUES (1, 1, 1, 1);
INSERT INTO u1 VALUES (1, 2, 2, 2);
INSERT INTO u1 VALUES (2, 1, 2, 2);
INSERT INTO u1 VALUES (2, 2, 1, 1);
INSERT INTO u1 VALUES (2, 2, 1, 2);
INSERT INTO u1 VALUES (3, 3, 1, NULL);
SELECT * FROM u1 ORDER BY a, b, c, d;
-- multi-column primary key
CREATE TABLE pk2 (a int, b text, c int, PRIMARY KEY (a, b));
INSERT INTO pk2 VALUES (1, 'x', 1), (1, 'y', 2), (2, 'x', 3);
INSERT INTO pk2 VALUES (1, 'x', 4);
INSERT INTO pk2 VALUES (1, NULL, 4);
SELECT * FROM pk2 WHERE a = 1 ORDER BY b;
SELECT * FROM pk2 WHERE a = 1 AND b = 'y';
-- errors
CREATE TABLE bad (id int PRIMARY KEY, id2 int PRIMARY KEY);
CREATE TABLE bad (id int, PRIMARY KEY (id, id));
CREATE TABLE bad (id int, UNIQUE (id, id));
CREATE TABLE bad (id int, PRIMARY KEY (nosuch));
CREATE TABLE bad (id int CONSTRAINT pk1 PRIMARY KEY);
SELECT count(*) FROM pg_class WHERE relname = 'bad';
-- duplicate constraints collapse into one index
CREATE TABLE dup (id int UNIQUE PRIMARY KEY, x int, UNIQUE (x), UNIQUE (x));
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'dup'::regclass ORDER BY c.relname;
-- a name taken by another relation
CREATE TABLE dup_x_key (q int);
CREATE TABLE dup2 (x int UNIQUE);
CREATE TABLE dup3 (x int CONSTRAINT dup_x_key UNIQUE);
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'dup2'::regclass;
-- serial primary key
CREATE TABLE ser (id serial PRIMARY KEY, v text);
INSERT INTO ser (v) VALUES ('a'), ('b'), ('c');
INSERT INTO ser VALUES (2, 'dup');
SELECT * FROM ser WHERE id = 3;
SELECT * FROM ser ORDER BY id;
-- ALTER TABLE ADD / DROP CONSTRAINT
CREATE TABLE al (a int, b int, c int);
INSERT INTO al VALUES (1, 1, NULL), (2, 1, 2), (NULL, 3, 3);
ALTER TABLE al ADD PRIMARY KEY (a);
ALTER TABLE al ADD PRIMARY KEY (c);
ALTER TABLE al ADD CONSTRAINT al_b_uq UNIQUE (b);
DELETE FROM al WHERE a IS NULL;
ALTER TABLE al ADD PRIMARY KEY (a);
ALTER TABLE al ADD PRIMARY KEY (b);
ALTER TABLE al ADD UNIQUE (c);
ALTER TABLE al ADD CONSTRAINT al_c_key UNIQUE (b);
ALTER TABLE al ADD CONSTRAINT al_pkey UNIQUE (b);
SELECT conname, contype, conkey::text FROM pg_constraint WHERE conrelid = 'al'::regclass ORDER BY conname;
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'al'::regclass AND attnum > 0 ORDER BY attnum;
INSERT INTO al VALUES (1, 5, 5);
INSERT INTO al VALUES (5, 5, 2);
ALTER TABLE al DROP CONSTRAINT nosuch;
ALTER TABLE al DROP CONSTRAINT IF EXISTS nosuch;
DROP INDEX al_pkey;
ALTER TABLE al DROP CONSTRAINT al_pkey;
ALTER TABLE al DROP CONSTRAINT al_c_key;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'al'::regclass ORDER BY conname;
SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'al'::regclass ORDER BY c.relname;
INSERT INTO al VALUES (1, 6, 6);
SELECT * FROM al ORDER BY a, b;
-- CREATE UNIQUE INDEX over duplicates fails
CREATE TABLE ud (a int);
INSERT INTO ud VALUES (1), (2), (1);
CREATE UNIQUE INDEX ud_a ON ud (a);
SELECT count(*) FROM pg_class WHERE relname = 'ud_a';
DELETE FROM ud WHERE a = 1;
CREATE UNIQUE INDEX ud_a ON ud (a);
INSERT INTO ud VALUES (2);
-- in a transaction
BEGIN;
INSERT INTO pk1 VALUES (100, 'x');
INSERT INTO pk1 VALUES (100, 'y');
ROLLBACK;
SELECT * FROM pk1 WHERE id = 100;
BEGIN;
DELETE FROM pk1 WHERE id = 2;
INSERT INTO pk1 VALUES (2, 'again');
COMMIT;
SELECT * FROM pk1 ORDER BY id;
-- DROP COLUMN of a key column drops the constraint
CREATE TABLE dc (a int PRIMARY KEY, b int UNIQUE, c int);
ALTER TABLE dc DROP COLUMN a;
SELECT conname FROM pg_constraint WHERE conrelid = 'dc'::regclass ORDER BY 1;
INSERT INTO dc VALUES (1, 1), (2, 1);
-- ADD COLUMN with a constraint
CREATE TABLE ac (id int PRIMARY KEY, v text);
INSERT INTO ac VALUES (1, 'a'), (2, 'b');
ALTER TABLE ac ADD COLUMN w int PRIMARY KEY;
ALTER TABLE ac ADD COLUMN w int UNIQUE;
ALTER TABLE ac ADD COLUMN z int DEFAULT 5 UNIQUE;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'ac'::regclass ORDER BY 1;
INSERT INTO ac VALUES (3, 'c', 3);
INSERT INTO ac VALUES (4, 'd', 3);
SELECT * FROM ac WHERE id = 2;
-- ALTER COLUMN TYPE keeps the indexes on the column
ALTER TABLE ac ALTER COLUMN id TYPE bigint;
ALTER TABLE ac ALTER COLUMN w TYPE text;
SELECT c.relname, i.indisprimary, i.indisunique FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid = 'ac'::regclass ORDER BY c.relname;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'ac'::regclass ORDER BY 1;
SELECT * FROM ac WHERE id = 2;
SELECT * FROM ac WHERE w = '3';
INSERT INTO ac VALUES (2, 'again');
INSERT INTO ac VALUES (5, 'e', '3');
ALTER TABLE ac ALTER COLUMN v TYPE varchar(10);
SELECT * FROM ac WHERE id = 1;
DROP TABLE pk1, u1, pk2, dup, dup_x_key, dup2, ser, al, ud, dc, ac;
-- an index a constraint owns: refused even with CASCADE; names as PostgreSQL shows them
CREATE TABLE "My T" (id int PRIMARY KEY);
DROP INDEX "My T_pkey";
ALTER TABLE "My T" DROP CONSTRAINT "My T_pkey";
DROP TABLE "My T";
CREATE SCHEMA cu_s;
CREATE TABLE cu_s.t (id int PRIMARY KEY, v int);
CREATE INDEX vi ON cu_s.t (v);
DROP INDEX vi;
DROP INDEX cu_s.vi;
DROP INDEX cu_s.t_pkey CASCADE;
ALTER INDEX cu_s.t_pkey RENAME TO t_pk;
SELECT conname, conindid::regclass FROM pg_constraint WHERE conrelid = 'cu_s.t'::regclass;
INSERT INTO cu_s.t VALUES (1, 1);
INSERT INTO cu_s.t VALUES (1, 2);
DROP SCHEMA cu_s CASCADE;
-- NULLS NOT DISTINCT, DESC keys
CREATE TABLE nd (a int, b int);
CREATE UNIQUE INDEX nd_ab ON nd (a, b) NULLS NOT DISTINCT;
INSERT INTO nd VALUES (1, NULL), (1, NULL);
INSERT INTO nd VALUES (1, NULL);
INSERT INTO nd VALUES (2, NULL);
CREATE INDEX nd_ab2 ON nd (a DESC NULLS FIRST, b NULLS FIRST);
INSERT INTO nd SELECT g % 10, g FROM generate_series(1, 1000) g;
SELECT a, b FROM nd ORDER BY a DESC NULLS FIRST, b NULLS FIRST LIMIT 4;
SELECT a, b FROM nd ORDER BY a, b DESC LIMIT 4;
SELECT a, b FROM nd WHERE a = 3 AND b > 990 ORDER BY b;
DROP TABLE nd;
-- a primary key column stays NOT NULL
CREATE TABLE dn (id int PRIMARY KEY, u int UNIQUE NOT NULL);
ALTER TABLE dn ALTER COLUMN id DROP NOT NULL;
ALTER TABLE dn ALTER COLUMN u DROP NOT NULL;
INSERT INTO dn VALUES (1, NULL);
ALTER TABLE dn DROP CONSTRAINT dn_pkey;
ALTER TABLE dn ALTER COLUMN id DROP NOT NULL;
INSERT INTO dn VALUES (NULL, NULL);
SELECT * FROM dn ORDER BY id;
DROP TABLE dn;
