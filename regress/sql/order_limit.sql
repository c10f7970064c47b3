--
-- ORDER BY (ASC/DESC, NULLS FIRST/LAST, several keys, expressions) and LIMIT/OFFSET.
--
CREATE TABLE ol_t (id int4, grp text, val int4, f float8);
INSERT INTO ol_t VALUES
    (1, 'b', 30, 1.5),
    (2, 'a', NULL, -2.25),
    (3, 'c', 10, NULL),
    (4, 'a', 20, 0),
    (5, 'b', NULL, 100),
    (6, 'c', 30, -0.5),
    (7, NULL, 5, 7.75),
    (8, 'a', 20, 3);
SELECT id, val FROM ol_t ORDER BY val, id;
SELECT id, val FROM ol_t ORDER BY val ASC, id ASC;
SELECT id, val FROM ol_t ORDER BY val DESC, id;
-- NULLs sort last ascending and first descending by default
SELECT id, val FROM ol_t ORDER BY val NULLS FIRST, id;
SELECT id, val FROM ol_t ORDER BY val ASC NULLS LAST, id;
SELECT id, val FROM ol_t ORDER BY val DESC NULLS LAST, id;
SELECT id, val FROM ol_t ORDER BY val DESC NULLS FIRST, id DESC;
-- several keys in mixed directions
SELECT grp, val, id FROM ol_t ORDER BY grp, val DESC, id;
SELECT grp, val, id FROM ol_t ORDER BY grp DESC NULLS LAST, val NULLS FIRST, id;
-- text and float keys
SELECT id, grp FROM ol_t ORDER BY grp NULLS FIRST, id;
SELECT id, f FROM ol_t ORDER BY f, id;
SELECT id, f FROM ol_t ORDER BY f DESC, id;
-- ORDER BY an expression, an output column number, an alias, a column not selected
SELECT id, val * -1 AS neg FROM ol_t ORDER BY val * -1, id;
SELECT id, val FROM ol_t ORDER BY 2 DESC, 1;
SELECT id, val AS v FROM ol_t ORDER BY v, id;
SELECT id FROM ol_t ORDER BY f NULLS FIRST;
-- LIMIT and OFFSET
SELECT id FROM ol_t ORDER BY id LIMIT 3;
SELECT id FROM ol_t ORDER BY id LIMIT 3 OFFSET 2;
SELECT id FROM ol_t ORDER BY id OFFSET 6;
SELECT id FROM ol_t ORDER BY id DESC LIMIT 2;
SELECT id FROM ol_t ORDER BY id LIMIT 0;
SELECT id FROM ol_t ORDER BY id LIMIT 100;
SELECT id FROM ol_t ORDER BY id OFFSET 100;
SELECT id FROM ol_t ORDER BY id LIMIT ALL;
SELECT id FROM ol_t ORDER BY id LIMIT NULL;
SELECT id, val FROM ol_t WHERE val IS NOT NULL ORDER BY val DESC, id LIMIT 2 OFFSET 1;
SELECT id FROM ol_t ORDER BY id LIMIT 1 + 1;
-- errors
SELECT id FROM ol_t ORDER BY id LIMIT -1;
SELECT id FROM ol_t ORDER BY id OFFSET -1;
SELECT id FROM ol_t ORDER BY 3;
SELECT id FROM ol_t ORDER BY nosuch;
-- a larger input sorted both ways
CREATE TABLE ol_big (n int4);
INSERT INTO ol_big VALUES (1), (2), (3), (4), (5), (6), (7), (8);
INSERT INTO ol_big SELECT n * 37 % 101 FROM ol_big;
INSERT INTO ol_big SELECT n * 53 % 97 FROM ol_big;
INSERT INTO ol_big SELECT n + 1000 FROM ol_big;
SELECT count(*) FROM ol_big;
SELECT n FROM ol_big ORDER BY n LIMIT 10;
SELECT n FROM ol_big ORDER BY n DESC LIMIT 10;
SELECT n FROM ol_big ORDER BY n LIMIT 5 OFFSET 20;
DROP TABLE ol_big;
DROP TABLE ol_t;
