--
-- DISTINCT, DISTINCT ON, and duplicate handling with NULLs.
--
CREATE TABLE ds_t (id int4, a int4, b text);
INSERT INTO ds_t VALUES (1, 1, 'x'), (2, 1, 'x'), (3, 2, 'y'), (4, 2, NULL), (5, NULL, 'z'),
    (6, NULL, NULL), (7, 3, 'x'), (8, 2, NULL), (9, NULL, NULL);
SELECT DISTINCT a FROM ds_t ORDER BY a;
SELECT DISTINCT b FROM ds_t ORDER BY b NULLS FIRST;
SELECT DISTINCT a, b FROM ds_t ORDER BY a, b;
SELECT DISTINCT a % 2 FROM ds_t ORDER BY 1;
SELECT DISTINCT ON (a) a, id, b FROM ds_t ORDER BY a, id;
SELECT DISTINCT ON (a) a, id, b FROM ds_t ORDER BY a, id DESC;
SELECT DISTINCT ON (b) b, id FROM ds_t ORDER BY b NULLS FIRST, id;
SELECT DISTINCT ON (a, b) a, b, id FROM ds_t ORDER BY a, b, id DESC;
SELECT DISTINCT ON (a) a, id FROM ds_t ORDER BY id;
SELECT DISTINCT a FROM ds_t ORDER BY id;
SELECT DISTINCT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b'), (1, 'b')) v(x, y) ORDER BY 1, 2;
SELECT count(*) FROM (SELECT DISTINCT a, b FROM ds_t) s;
SELECT DISTINCT upper(b) FROM ds_t WHERE b IS NOT NULL ORDER BY 1;
SELECT DISTINCT ON (a) a, id FROM ds_t ORDER BY a, id LIMIT 2;
DROP TABLE ds_t;
