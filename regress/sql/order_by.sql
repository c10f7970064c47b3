--
-- ORDER BY: expressions, aliases, ordinals, ASC/DESC, NULLS FIRST/LAST,
-- collation-free text order, LIMIT/OFFSET and FETCH FIRST.
--
CREATE TABLE ob_t (id int4, a int4, s text, f float8);
INSERT INTO ob_t VALUES (1, 3, 'banana', 1.5), (2, NULL, 'Apple', -0.5), (3, 1, 'cherry', NULL),
    (4, 3, 'apple', 2.25), (5, 2, NULL, 'NaN'), (6, -1, '', 'Infinity'), (7, 2, 'Banana', '-Infinity');
SELECT id, a FROM ob_t ORDER BY a, id;
SELECT id, a FROM ob_t ORDER BY a DESC, id;
SELECT id, a FROM ob_t ORDER BY a NULLS FIRST, id;
SELECT id, a FROM ob_t ORDER BY a DESC NULLS LAST, id DESC;
SELECT id, s FROM ob_t ORDER BY s, id;
SELECT id, s FROM ob_t ORDER BY s DESC NULLS LAST;
SELECT id, f FROM ob_t ORDER BY f, id;
SELECT id, f FROM ob_t ORDER BY f DESC, id;
SELECT id, a * -1 AS neg FROM ob_t ORDER BY neg, id;
SELECT id, lower(s) FROM ob_t ORDER BY lower(s), id;
SELECT id, s FROM ob_t ORDER BY length(s) DESC NULLS LAST, s;
SELECT id, a, s FROM ob_t ORDER BY 2, 3 DESC;
SELECT id FROM ob_t ORDER BY a % 2, id;
SELECT id FROM ob_t ORDER BY CASE WHEN s IS NULL THEN 0 ELSE 1 END, id DESC;
SELECT id, a FROM ob_t ORDER BY id LIMIT 3;
SELECT id, a FROM ob_t ORDER BY id LIMIT 3 OFFSET 2;
SELECT id, a FROM ob_t ORDER BY id OFFSET 5;
SELECT id FROM ob_t ORDER BY id LIMIT 0;
SELECT id FROM ob_t ORDER BY id LIMIT NULL;
SELECT id FROM ob_t ORDER BY id FETCH FIRST 2 ROWS ONLY;
SELECT id FROM ob_t ORDER BY id FETCH FIRST ROW ONLY;
SELECT id FROM ob_t ORDER BY id OFFSET 1 ROWS FETCH NEXT 3 ROWS ONLY;
SELECT id FROM ob_t ORDER BY id LIMIT -1;
SELECT id FROM ob_t ORDER BY id OFFSET -1;
SELECT id FROM ob_t ORDER BY 9;
SELECT id FROM ob_t ORDER BY nosuch;
SELECT id AS x FROM ob_t ORDER BY x + 1 DESC LIMIT 2;
SELECT a, count(*) FROM ob_t GROUP BY a ORDER BY count(*) DESC, a NULLS FIRST;
SELECT id FROM ob_t WHERE a IS NOT NULL ORDER BY a USING >, id USING <;
SELECT id, s FROM ob_t ORDER BY s COLLATE "C", id;
SELECT * FROM (SELECT id, a FROM ob_t ORDER BY a DESC NULLS LAST LIMIT 4) x ORDER BY id;
DROP TABLE ob_t;
