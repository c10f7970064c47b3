--
-- DELETE with and without WHERE.
--
CREATE TABLE del_t (id int4, grp text, val float8);
INSERT INTO del_t VALUES
    (1, 'a', 1.5),
    (2, 'a', 2.5),
    (3, 'b', NULL),
    (4, 'b', 4.5),
    (5, 'c', 5.5),
    (6, NULL, 6.5),
    (7, 'c', 7.5),
    (8, 'd', 8.5);
DELETE FROM del_t WHERE id = 1;
SELECT * FROM del_t ORDER BY id;
DELETE FROM del_t WHERE grp = 'b';
SELECT * FROM del_t ORDER BY id;
-- WHERE matching nothing
DELETE FROM del_t WHERE id = 100;
DELETE FROM del_t WHERE grp = NULL;
SELECT count(*) FROM del_t;
DELETE FROM del_t WHERE grp IS NULL;
SELECT * FROM del_t ORDER BY id;
DELETE FROM del_t WHERE val > 5 AND grp = 'c';
SELECT * FROM del_t ORDER BY id;
-- deleted rows can be inserted again
INSERT INTO del_t VALUES (1, 'a', 1.5);
SELECT * FROM del_t ORDER BY id;
-- DELETE without WHERE empties the table; the table still exists
DELETE FROM del_t;
SELECT count(*) FROM del_t;
SELECT * FROM del_t;
INSERT INTO del_t VALUES (9, 'z', 9.5);
SELECT * FROM del_t;
-- delete many rows
CREATE TABLE del_many (n int4);
INSERT INTO del_many VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
INSERT INTO del_many SELECT n + 10 FROM del_many;
INSERT INTO del_many SELECT n + 20 FROM del_many;
INSERT INTO del_many SELECT n + 40 FROM del_many;
INSERT INTO del_many SELECT n + 80 FROM del_many;
SELECT count(*), sum(n) FROM del_many;
DELETE FROM del_many WHERE n % 3 = 0;
SELECT count(*), sum(n) FROM del_many;
DELETE FROM del_many WHERE n >= 100;
SELECT count(*), min(n), max(n) FROM del_many;
DELETE FROM del_many WHERE n < 50;
SELECT n FROM del_many ORDER BY n;
-- errors
DELETE FROM del_nosuch;
DELETE FROM del_t WHERE nosuch = 1;
DELETE FROM del_t WHERE id = 1 / 0;
SELECT count(*) FROM del_t;
DROP TABLE del_many;
DROP TABLE del_t;
