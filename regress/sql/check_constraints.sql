--
-- CHECK constraints: column and table level, named and unnamed
--
CREATE TABLE chk1 (
    a int CHECK (a > 0),
    b int CONSTRAINT bpos CHECK (b >= 0),
    c int,
    CHECK (a < c),
    CHECK (c < 100 AND c > -100)
);
SELECT conname, contype, conkey FROM pg_constraint
  WHERE conrelid = 'chk1'::regclass ORDER BY conname;
SELECT relchecks FROM pg_class WHERE relname = 'chk1';
INSERT INTO chk1 VALUES (1, 1, 5);
INSERT INTO chk1 VALUES (0, 1, 5);
INSERT INTO chk1 VALUES (1, -1, 5);
INSERT INTO chk1 VALUES (6, 1, 5);
INSERT INTO chk1 VALUES (1, 1, 500);
-- several fail: the first by name is reported
INSERT INTO chk1 VALUES (-1, -1, -500);
-- NULL passes
INSERT INTO chk1 VALUES (NULL, NULL, NULL);
UPDATE chk1 SET b = -5 WHERE a = 1;
UPDATE chk1 SET b = 7 WHERE a = 1;
SELECT * FROM chk1 ORDER BY a NULLS LAST;

-- names chosen when taken
CREATE TABLE chk2 (a int CHECK (a > 0) CHECK (a < 10), b text, CHECK (length(b) > a));
SELECT conname FROM pg_constraint WHERE conrelid = 'chk2'::regclass ORDER BY conname;
INSERT INTO chk2 VALUES (20, 'x');
INSERT INTO chk2 VALUES (3, 'ab');
INSERT INTO chk2 VALUES (3, 'abcd');
SELECT * FROM chk2;

-- errors
CREATE TABLE chk3 (a int, CONSTRAINT x CHECK (a > 0), CONSTRAINT x CHECK (a > 1));

-- with defaults and NOT NULL: NOT NULL is checked first
CREATE TABLE chk4 (a int NOT NULL DEFAULT 5 CHECK (a <> 5), b int DEFAULT 0);
INSERT INTO chk4 (b) VALUES (1);
INSERT INTO chk4 VALUES (NULL, 1);
INSERT INTO chk4 VALUES (6, 1);
SELECT * FROM chk4;

DROP TABLE chk1;
DROP TABLE chk2;
DROP TABLE chk4;
SELECT count(*) FROM pg_constraint WHERE conname LIKE 'chk%';
