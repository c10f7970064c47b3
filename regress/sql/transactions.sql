--
-- BEGIN / COMMIT / ROLLBACK and the aborted-transaction state (25P02).
--
CREATE TABLE tx_t (id int4, note text);
BEGIN;
INSERT INTO tx_t VALUES (1, 'committed');
COMMIT;
SELECT * FROM tx_t ORDER BY id;
BEGIN;
INSERT INTO tx_t VALUES (2, 'rolled back');
SELECT * FROM tx_t ORDER BY id;
ROLLBACK;
SELECT * FROM tx_t ORDER BY id;
-- UPDATE and DELETE are undone by ROLLBACK
BEGIN;
UPDATE tx_t SET note = 'changed' WHERE id = 1;
DELETE FROM tx_t WHERE id = 1;
SELECT count(*) FROM tx_t;
ROLLBACK;
SELECT * FROM tx_t ORDER BY id;
-- several statements in one committed transaction
BEGIN;
INSERT INTO tx_t VALUES (3, 'three');
INSERT INTO tx_t VALUES (4, 'four');
UPDATE tx_t SET note = note || '+' WHERE id >= 3;
DELETE FROM tx_t WHERE id = 4;
COMMIT;
SELECT * FROM tx_t ORDER BY id;
-- other spellings
START TRANSACTION;
INSERT INTO tx_t VALUES (5, 'five');
END;
BEGIN WORK;
INSERT INTO tx_t VALUES (6, 'six');
ROLLBACK WORK;
BEGIN TRANSACTION;
INSERT INTO tx_t VALUES (7, 'seven');
COMMIT TRANSACTION;
BEGIN;
INSERT INTO tx_t VALUES (8, 'eight');
ABORT;
SELECT * FROM tx_t ORDER BY id;
-- an error aborts the transaction block; later commands are ignored
BEGIN;
INSERT INTO tx_t VALUES (10, 'before error');
SELECT 1 / 0;
SELECT * FROM tx_t;
INSERT INTO tx_t VALUES (11, 'ignored');
COMMIT;
SELECT * FROM tx_t ORDER BY id;
-- the same, ended with ROLLBACK
BEGIN;
INSERT INTO tx_t VALUES (12, 'before error');
SELECT * FROM tx_nosuch;
SELECT 1;
ROLLBACK;
SELECT * FROM tx_t ORDER BY id;
-- an error outside a transaction block does not affect the next statement
SELECT 1 / 0;
SELECT 1;
-- COMMIT and ROLLBACK with no transaction in progress are warnings
COMMIT;
ROLLBACK;
-- BEGIN inside a transaction block is a warning, not an error
BEGIN;
BEGIN;
INSERT INTO tx_t VALUES (13, 'nested begin');
COMMIT;
SELECT * FROM tx_t WHERE id = 13;
-- CREATE TABLE and DROP TABLE are transactional
BEGIN;
CREATE TABLE tx_created (x int);
INSERT INTO tx_created VALUES (1);
SELECT relname FROM pg_class WHERE relname = 'tx_created';
ROLLBACK;
SELECT relname FROM pg_class WHERE relname = 'tx_created';
SELECT * FROM tx_created;
BEGIN;
DROP TABLE tx_t;
SELECT * FROM tx_t;
ROLLBACK;
SELECT count(*) FROM tx_t;
-- a transaction sees its own changes
BEGIN;
DELETE FROM tx_t;
SELECT count(*) FROM tx_t;
INSERT INTO tx_t VALUES (100, 'only');
SELECT * FROM tx_t;
ROLLBACK;
SELECT count(*) FROM tx_t;
DROP TABLE tx_t;
