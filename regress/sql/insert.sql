--
-- INSERT ... VALUES (one and many rows) and INSERT ... SELECT.
--
CREATE TABLE ins_t (id int4, name text, score int8);
INSERT INTO ins_t VALUES (1, 'alpha', 10);
INSERT INTO ins_t (id, name, score) VALUES (2, 'beta', 20);
-- column list in another order
INSERT INTO ins_t (name, score, id) VALUES ('gamma', 30, 3);
-- omitted columns become NULL
INSERT INTO ins_t (id) VALUES (4);
INSERT INTO ins_t VALUES (5, 'epsilon');
-- many rows in one statement
INSERT INTO ins_t VALUES
    (6, 'zeta', 60),
    (7, 'eta', 70),
    (8, 'theta', 80),
    (9, 'iota', 90),
    (10, 'kappa', 100),
    (11, 'lambda', 110),
    (12, 'mu', 120),
    (13, 'nu', 130),
    (14, 'xi', 140),
    (15, 'omicron', 150),
    (16, 'pi', 160),
    (17, 'rho', 170),
    (18, 'sigma', 180),
    (19, 'tau', 190),
    (20, 'upsilon', 200);
SELECT * FROM ins_t ORDER BY id;
SELECT count(*) FROM ins_t;
-- expressions in VALUES
INSERT INTO ins_t VALUES (10 + 11, 'phi' || '!', 21 * 10);
SELECT * FROM ins_t WHERE id = 21;
-- implicit casts to the column type
INSERT INTO ins_t VALUES ('22', 'chi', '220');
INSERT INTO ins_t VALUES (23.4, 'psi', 229.5);
SELECT * FROM ins_t WHERE id > 21 ORDER BY id;
-- INSERT ... SELECT from the same table
CREATE TABLE ins_copy (id int4, name text, score int8);
INSERT INTO ins_copy SELECT * FROM ins_t WHERE id <= 5;
SELECT * FROM ins_copy ORDER BY id;
INSERT INTO ins_copy (id, name) SELECT id + 100, name || '_copy' FROM ins_t WHERE id > 18;
SELECT * FROM ins_copy ORDER BY id;
-- INSERT ... SELECT without FROM
INSERT INTO ins_copy SELECT 999, 'literal', 9990;
SELECT * FROM ins_copy WHERE id = 999;
-- INSERT ... SELECT doubling the table
CREATE TABLE ins_grow (n int8);
INSERT INTO ins_grow VALUES (1);
INSERT INTO ins_grow SELECT n + 1 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 2 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 4 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 8 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 16 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 32 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 64 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 128 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 256 FROM ins_grow;
INSERT INTO ins_grow SELECT n + 512 FROM ins_grow;
SELECT count(*), min(n), max(n), sum(n) FROM ins_grow;
-- an INSERT ... SELECT that selects nothing inserts nothing
INSERT INTO ins_grow SELECT n FROM ins_grow WHERE n < 0;
SELECT count(*) FROM ins_grow;
-- errors: too many values, unknown column, unknown table
INSERT INTO ins_t VALUES (1, 'x', 1, 'extra');
INSERT INTO ins_t (id, nosuch) VALUES (1, 2);
INSERT INTO ins_nosuch VALUES (1);
-- a failing multi-row insert inserts none of its rows
INSERT INTO ins_t VALUES (30, 'ok', 1), ('thirty-one', 'bad', 2);
SELECT count(*) FROM ins_t WHERE id = 30;
DROP TABLE ins_t;
DROP TABLE ins_copy;
DROP TABLE ins_grow;
