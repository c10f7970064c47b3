--
-- VALUES lists: standalone, in FROM with column aliases, type resolution,
-- in INSERT, with ORDER BY / LIMIT.
--
VALUES (1, 'one'), (2, 'two'), (3, 'three');
VALUES (1), (2), (3) ORDER BY 1 DESC;
VALUES (3, 'c'), (1, 'a'), (2, 'b') ORDER BY column1 LIMIT 2;
VALUES (1, 2.5), (2, 3);
VALUES (NULL), (1);
VALUES (NULL, NULL);
VALUES ('a'), ('bb'), (NULL);
VALUES (1, 'x'), (2);
VALUES (1), ('x');
VALUES (1::int2), (100000);
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(num, letter) ORDER BY num;
SELECT v.* FROM (VALUES (1, 'a'), (2, 'b')) v ORDER BY 1;
SELECT num * 10, upper(letter) FROM (VALUES (1, 'a'), (2, 'b')) AS v(num, letter) WHERE num > 1;
SELECT sum(x), max(y) FROM (VALUES (1, 'p'), (2, 'q'), (3, 'r')) t(x, y);
SELECT * FROM (VALUES (1)) a(x), (VALUES ('a'), ('b')) b(y) ORDER BY y;
SELECT x FROM (VALUES (2), (1), (2), (NULL)) t(x) ORDER BY x NULLS FIRST;
CREATE TABLE val_t (id int4, s text, n numeric);
INSERT INTO val_t VALUES (1, 'a', 1.1), (2, 'b', DEFAULT), (3, NULL, 3);
INSERT INTO val_t (id, s) VALUES (4, 'd'), (5, 'e');
INSERT INTO val_t SELECT * FROM (VALUES (6, 'f', 6.6), (7, 'g', 7.7)) v;
SELECT * FROM val_t ORDER BY id;
SELECT id FROM val_t JOIN (VALUES (2), (5)) w(k) ON k = id ORDER BY id;
INSERT INTO val_t VALUES (8, 'h', 'not a number');
INSERT INTO val_t VALUES (9, 'i', 1, 'extra');
DROP TABLE val_t;
