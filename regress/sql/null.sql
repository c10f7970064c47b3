--
-- NULL: propagation through operators, IS [NOT] NULL, NOT NULL constraint (23502).
--
SELECT NULL, NULL IS NULL, NULL IS NOT NULL;
SELECT 1 + NULL, NULL * 2, 'a' || NULL, NULL::int4 / 0;
SELECT NULL = NULL, NULL <> 1, NULL < 1, 1 = NULL;
SELECT NULL::int4, NULL::text, NULL::numeric, NULL::float8, NULL::bool;
CREATE TABLE null_t (id int4 NOT NULL, a int4, b text NOT NULL, c float8);
INSERT INTO null_t VALUES (1, NULL, 'one', NULL);
INSERT INTO null_t VALUES (2, 20, 'two', 2.5);
INSERT INTO null_t (id, b) VALUES (3, 'three');
SELECT * FROM null_t ORDER BY id;
SELECT id, a IS NULL, c IS NOT NULL FROM null_t ORDER BY id;
SELECT id, a + 1, b || '-' || a, c * 2 FROM null_t ORDER BY id;
SELECT id FROM null_t WHERE a IS NULL ORDER BY id;
SELECT id FROM null_t WHERE a IS NOT NULL ORDER BY id;
SELECT id FROM null_t WHERE NOT (a = 20) ORDER BY id;
SELECT count(*), count(a), count(c), sum(a), avg(c) FROM null_t;
-- not-null violations: 23502 with the failing row
INSERT INTO null_t VALUES (NULL, 1, 'x', 1.0);
INSERT INTO null_t VALUES (4, 1, NULL, 1.0);
INSERT INTO null_t (id, a) VALUES (5, 5);
INSERT INTO null_t (b) VALUES ('no id');
UPDATE null_t SET b = NULL WHERE id = 2;
UPDATE null_t SET id = NULL WHERE id = 3;
INSERT INTO null_t SELECT id + 10, a, NULL, c FROM null_t WHERE id = 2;
-- a multi-row insert with one bad row stores nothing
INSERT INTO null_t VALUES (6, 6, 'six', 6.0), (7, 7, NULL, 7.0);
SELECT * FROM null_t ORDER BY id;
-- NULL in ORDER BY and GROUP BY
INSERT INTO null_t VALUES (8, NULL, 'eight', 8.0), (9, 20, 'nine', NULL);
SELECT a, count(*) FROM null_t GROUP BY a ORDER BY a;
SELECT a, count(*) FROM null_t GROUP BY a ORDER BY a DESC;
SELECT id, c FROM null_t ORDER BY c NULLS FIRST, id;
DELETE FROM null_t WHERE a IS NULL;
SELECT * FROM null_t ORDER BY id;
DROP TABLE null_t;
