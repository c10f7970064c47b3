--
-- UPDATE: SET one and several columns, expressions, WHERE, NULLs, errors.
--
CREATE TABLE upd_t (id int4, name text, qty int4, price numeric(8,2));
INSERT INTO upd_t VALUES
    (1, 'one', 10, 1.00),
    (2, 'two', 20, 2.00),
    (3, 'three', 30, 3.00),
    (4, 'four', 40, 4.00),
    (5, 'five', NULL, NULL);
UPDATE upd_t SET qty = 11 WHERE id = 1;
SELECT * FROM upd_t ORDER BY id;
-- several columns; expressions that read the old row
UPDATE upd_t SET qty = qty * 2, name = name || '!' WHERE id >= 3;
SELECT * FROM upd_t ORDER BY id;
-- SET evaluates every expression against the old row
UPDATE upd_t SET qty = id, id = qty WHERE id = 2;
SELECT * FROM upd_t ORDER BY id;
-- typmod applies to updated values
UPDATE upd_t SET price = price * 1.005 WHERE id = 1;
UPDATE upd_t SET price = price / 3 WHERE id = 3;
SELECT id, price FROM upd_t ORDER BY id;
-- WHERE matching nothing
UPDATE upd_t SET qty = 0 WHERE id = 99;
UPDATE upd_t SET qty = 0 WHERE qty = NULL;
SELECT count(*) FROM upd_t WHERE qty = 0;
-- set to NULL and back
UPDATE upd_t SET name = NULL WHERE id = 4;
SELECT id, name IS NULL AS is_null FROM upd_t ORDER BY id;
UPDATE upd_t SET name = 'four' WHERE name IS NULL;
SELECT id, name FROM upd_t ORDER BY id;
UPDATE upd_t SET qty = 50, price = 5.00 WHERE qty IS NULL;
SELECT * FROM upd_t ORDER BY id;
-- update every row
UPDATE upd_t SET qty = qty + 1;
SELECT * FROM upd_t ORDER BY id;
-- updating the same rows again sees the previous update
UPDATE upd_t SET qty = qty + 1000 WHERE qty > 40;
UPDATE upd_t SET qty = qty + 1000 WHERE qty > 40;
SELECT id, qty FROM upd_t ORDER BY id;
-- update many rows
CREATE TABLE upd_many (n int4, tag text);
INSERT INTO upd_many VALUES (1, 'x'), (2, 'x'), (3, 'x'), (4, 'x'), (5, 'x'), (6, 'x'), (7, 'x'), (8, 'x');
INSERT INTO upd_many SELECT n + 8, tag FROM upd_many;
INSERT INTO upd_many SELECT n + 16, tag FROM upd_many;
INSERT INTO upd_many SELECT n + 32, tag FROM upd_many;
UPDATE upd_many SET tag = 'even' WHERE n % 2 = 0;
UPDATE upd_many SET tag = 'odd' WHERE n % 2 = 1;
SELECT tag, count(*), sum(n) FROM upd_many GROUP BY tag ORDER BY tag;
UPDATE upd_many SET n = n * 10;
SELECT count(*), sum(n), min(n), max(n) FROM upd_many;
-- errors: unknown column, bad value, overflow, too long; a failed UPDATE changes nothing
UPDATE upd_t SET nosuch = 1;
UPDATE upd_t SET qty = 'many';
UPDATE upd_t SET qty = qty * 100000000;
SELECT id, qty FROM upd_t ORDER BY id;
UPDATE upd_nosuch SET a = 1;
DROP TABLE upd_many;
DROP TABLE upd_t;
