--
-- FOREIGN KEY constraints
--
CREATE TABLE fk_p (a int PRIMARY KEY, t text);
CREATE TABLE fk_c (id int, b int REFERENCES fk_p(a));
SELECT conname, contype, conkey, confkey, confupdtype, confdeltype, confmatchtype,
       condeferrable, condeferred, convalidated,
       confrelid = 'fk_p'::regclass AS confrelid_ok,
       conindid = 'fk_p_pkey'::regclass AS conindid_ok
  FROM pg_constraint WHERE conrelid = 'fk_c'::regclass;
INSERT INTO fk_p VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO fk_c VALUES (1, 1), (2, 2);
INSERT INTO fk_c VALUES (3, 5);
INSERT INTO fk_c VALUES (3, NULL);
UPDATE fk_c SET b = 7 WHERE id = 1;
UPDATE fk_c SET b = 3 WHERE id = 1;
UPDATE fk_c SET id = 10 WHERE id = 2;
SELECT * FROM fk_c ORDER BY id;
-- NO ACTION
DELETE FROM fk_p WHERE a = 3;
UPDATE fk_p SET a = 30 WHERE a = 3;
UPDATE fk_p SET t = 'THREE' WHERE a = 3;
DELETE FROM fk_p WHERE a = 1;
-- the parent and its child go in one statement
WITH d AS (DELETE FROM fk_c WHERE b = 2 RETURNING b) DELETE FROM fk_p WHERE a IN (SELECT b FROM d);
SELECT * FROM fk_p ORDER BY a;
-- TRUNCATE and DROP TABLE of a referenced table
TRUNCATE fk_p;
TRUNCATE fk_p, fk_c;
INSERT INTO fk_p VALUES (1, 'one');
INSERT INTO fk_c VALUES (1, 1);
TRUNCATE fk_p CASCADE;
SELECT count(*) FROM fk_c;
DROP TABLE fk_p;
DROP TABLE fk_p CASCADE;
INSERT INTO fk_c VALUES (9, 99);
SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'fk_c'::regclass;
DROP TABLE fk_c;

-- actions
CREATE TABLE pa (a int PRIMARY KEY);
INSERT INTO pa VALUES (1), (2), (3), (4);
CREATE TABLE ca (id int, b int REFERENCES pa ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE sn (id int, b int REFERENCES pa ON DELETE SET NULL ON UPDATE SET NULL);
CREATE TABLE sd (id int, b int DEFAULT 4 REFERENCES pa ON DELETE SET DEFAULT ON UPDATE SET DEFAULT);
CREATE TABLE rs (id int, b int REFERENCES pa ON DELETE RESTRICT ON UPDATE RESTRICT);
SELECT conrelid::regclass, confupdtype, confdeltype FROM pg_constraint
  WHERE confrelid = 'pa'::regclass ORDER BY conname;
INSERT INTO ca VALUES (1, 1), (2, 2), (3, 1);
INSERT INTO sn VALUES (1, 1), (2, 2);
INSERT INTO sd VALUES (1, 1), (2, 2);
DELETE FROM pa WHERE a = 1;
SELECT * FROM ca ORDER BY id;
SELECT * FROM sn ORDER BY id;
SELECT * FROM sd ORDER BY id;
UPDATE pa SET a = 20 WHERE a = 2;
SELECT * FROM ca ORDER BY id;
SELECT * FROM sn ORDER BY id;
SELECT * FROM sd ORDER BY id;
-- SET DEFAULT to a missing key
DELETE FROM pa WHERE a = 4;
INSERT INTO rs VALUES (1, 3);
DELETE FROM pa WHERE a = 3;
UPDATE pa SET a = 33 WHERE a = 3;
DROP TABLE ca, sn, sd, rs, pa;

-- multi-column keys and MATCH FULL, a UNIQUE constraint referenced in another order
CREATE TABLE pm (x int, y int, UNIQUE (x, y));
INSERT INTO pm VALUES (1, 1), (1, 2);
CREATE TABLE cm (a int, b int, CONSTRAINT cm_fk FOREIGN KEY (a, b) REFERENCES pm (y, x) ON DELETE CASCADE);
INSERT INTO cm VALUES (2, 1), (1, 1), (NULL, 5);
INSERT INTO cm VALUES (1, 2);
DELETE FROM pm WHERE x = 1 AND y = 2;
SELECT * FROM cm ORDER BY a, b;
CREATE TABLE cf (a int, b int, FOREIGN KEY (a, b) REFERENCES pm (x, y) MATCH FULL);
INSERT INTO cf VALUES (1, 1), (NULL, NULL);
INSERT INTO cf VALUES (1, NULL);
SELECT conname, confmatchtype FROM pg_constraint WHERE conrelid = 'cf'::regclass;
DROP TABLE cm, cf, pm;

-- self-reference
CREATE TABLE employee (id int PRIMARY KEY, name text, manager_id int REFERENCES employee(id) ON DELETE CASCADE);
INSERT INTO employee VALUES (1, 'boss', NULL), (2, 'mid', 1), (3, 'low', 2);
INSERT INTO employee VALUES (4, 'self', 4);
INSERT INTO employee VALUES (5, 'orphan', 6);
DELETE FROM employee WHERE id = 2;
SELECT * FROM employee ORDER BY id;
DROP TABLE employee;

-- definition errors
CREATE TABLE pe (a int PRIMARY KEY, b int, c text UNIQUE);
CREATE TABLE pn (a int);
CREATE TABLE ce (x int REFERENCES nosuch);
CREATE TABLE ce (x int REFERENCES pn);
CREATE TABLE ce (x int REFERENCES pe(b));
CREATE TABLE ce (x int, FOREIGN KEY (x) REFERENCES pe (a, b));
CREATE TABLE ce (x int, FOREIGN KEY (y) REFERENCES pe);
CREATE TABLE ce (x int, FOREIGN KEY (x) REFERENCES pe (zz));
CREATE TABLE ce (x text REFERENCES pe);
CREATE TABLE ce (x int CONSTRAINT my_fk REFERENCES pe(c));
CREATE TABLE ce (x bigint REFERENCES pe, y numeric REFERENCES pe);
CREATE TABLE ce (x bigint REFERENCES pe, y smallint REFERENCES pe, z varchar REFERENCES pe(c));
SELECT conname, conkey, confkey FROM pg_constraint WHERE conrelid = 'ce'::regclass ORDER BY conname;
CREATE VIEW pv AS SELECT * FROM pe;
CREATE TABLE cv (x int REFERENCES pv);
DROP VIEW pv;
CREATE TABLE ce2 (x int REFERENCES pe DEFERRABLE);
SELECT condeferrable, condeferred FROM pg_constraint WHERE conrelid = 'ce2'::regclass;
DROP TABLE ce, ce2, pn;

-- ALTER TABLE ADD / DROP / VALIDATE
CREATE TABLE q (a int, b int);
INSERT INTO pe VALUES (1, 1, 'x'), (2, 2, 'y');
INSERT INTO q VALUES (1, 1), (2, 99);
ALTER TABLE q ADD CONSTRAINT q_fk FOREIGN KEY (b) REFERENCES pe;
ALTER TABLE q ADD FOREIGN KEY (b) REFERENCES pe NOT VALID;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'q'::regclass;
INSERT INTO q VALUES (3, 98);
ALTER TABLE q VALIDATE CONSTRAINT q_b_fkey;
DELETE FROM q WHERE a = 2;
ALTER TABLE q VALIDATE CONSTRAINT q_b_fkey;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'q'::regclass;
ALTER TABLE q ADD FOREIGN KEY (b) REFERENCES pe;
ALTER TABLE q ADD CONSTRAINT q_b_fkey FOREIGN KEY (a) REFERENCES pe;
SELECT conname FROM pg_constraint WHERE conrelid = 'q'::regclass ORDER BY 1;
ALTER TABLE q DROP CONSTRAINT q_b_fkey;
ALTER TABLE q DROP CONSTRAINT q_b_fkey;
ALTER TABLE q DROP CONSTRAINT IF EXISTS q_b_fkey;
ALTER TABLE pe DROP CONSTRAINT pe_pkey;
ALTER TABLE q DROP COLUMN b;
SELECT conname FROM pg_constraint WHERE conrelid = 'q'::regclass ORDER BY 1;
ALTER TABLE q ADD FOREIGN KEY (a) REFERENCES pe;
ALTER TABLE pe DROP COLUMN a;
DROP TABLE pe CASCADE;
SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'q'::regclass;
DROP TABLE q;

-- errors inside a referential action name the action's statement
CREATE TABLE pt (a text PRIMARY KEY);
CREATE TABLE ct (b varchar NOT NULL REFERENCES pt ON UPDATE SET NULL ON DELETE CASCADE);
CREATE TABLE ct2 (b varchar CHECK (b <> 'w') REFERENCES pt ON UPDATE CASCADE);
INSERT INTO pt VALUES ('x'), ('v');
INSERT INTO ct VALUES ('x');
INSERT INTO ct2 VALUES ('v');
UPDATE pt SET a = 'z' WHERE a = 'x';
UPDATE pt SET a = 'w' WHERE a = 'v';
UPDATE pt SET a = 'u' WHERE a = 'v';
SELECT * FROM ct2;
DELETE FROM pt;
SELECT count(*) FROM ct;
-- ALTER COLUMN TYPE of a key column
DELETE FROM ct2;
DELETE FROM pt;
INSERT INTO pt VALUES ('1');
ALTER TABLE ct ALTER COLUMN b TYPE int USING 1;
ALTER TABLE pt ALTER COLUMN a TYPE int USING 1;
ALTER TABLE ct2 ALTER COLUMN b TYPE text;
INSERT INTO ct2 VALUES ('nope');
INSERT INTO ct2 VALUES ('1');
DROP TABLE ct, pt, ct2;
SELECT count(*) FROM pg_constraint WHERE contype = 'f';
-- dropping the referenced key
CREATE TABLE pk2 (a int PRIMARY KEY, u int UNIQUE);
CREATE TABLE fk2 (b int REFERENCES pk2, d int REFERENCES pk2(u));
CREATE TABLE fk3 (b int REFERENCES pk2);
ALTER TABLE pk2 DROP CONSTRAINT pk2_pkey;
ALTER TABLE pk2 DROP CONSTRAINT pk2_pkey CASCADE;
SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1;
ALTER TABLE pk2 DROP CONSTRAINT pk2_u_key CASCADE;
SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1;
DROP TABLE fk3, pk2, fk2;
-- data-modifying WITH: the checks run once every part of the statement has
CREATE TABLE wp (a int PRIMARY KEY);
CREATE TABLE wc (id int, b int REFERENCES wp);
WITH x AS (INSERT INTO wc VALUES (5, 5)) INSERT INTO wp VALUES (5);
WITH x AS (INSERT INTO wp VALUES (6)) INSERT INTO wc VALUES (6, 6);
WITH x AS (INSERT INTO wp VALUES (7) RETURNING a) INSERT INTO wc SELECT 7, a FROM x;
WITH x AS (INSERT INTO wc VALUES (8, 8)) INSERT INTO wp VALUES (9);
WITH x AS (DELETE FROM wp WHERE a = 5) DELETE FROM wc WHERE b = 5;
WITH x AS (DELETE FROM wp WHERE a = 6) SELECT 1;
SELECT * FROM wc ORDER BY id;
DROP TABLE wc, wp;
