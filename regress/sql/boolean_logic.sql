--
-- Three-valued logic, IS [NOT] DISTINCT FROM, IS TRUE/FALSE/UNKNOWN,
-- BETWEEN, IN lists with NULLs.
--
SELECT true AND NULL, false AND NULL, true OR NULL, false OR NULL, NOT NULL::bool;
SELECT NULL::bool AND NULL, NULL::bool OR NULL;
SELECT NULL = NULL, NULL <> 1, 1 = NULL IS NULL;
SELECT NULL IS DISTINCT FROM NULL, 1 IS DISTINCT FROM NULL, 1 IS DISTINCT FROM 1, 1 IS DISTINCT FROM 2;
SELECT NULL IS NOT DISTINCT FROM NULL, 1 IS NOT DISTINCT FROM NULL, 'a' IS NOT DISTINCT FROM 'a';
SELECT true IS TRUE, NULL::bool IS TRUE, false IS NOT TRUE, NULL::bool IS NOT TRUE;
SELECT false IS FALSE, NULL::bool IS FALSE, NULL::bool IS UNKNOWN, true IS NOT UNKNOWN;
SELECT 5 BETWEEN 1 AND 10, 5 BETWEEN 10 AND 1, 5 BETWEEN SYMMETRIC 10 AND 1, 5 NOT BETWEEN 1 AND 4;
SELECT NULL BETWEEN 1 AND 2, 1 BETWEEN NULL AND 2, 1 BETWEEN 2 AND NULL, 3 BETWEEN 2 AND NULL;
SELECT 'b' BETWEEN 'a' AND 'c', 2.5 BETWEEN 2 AND 3;
SELECT 1 IN (1, 2, 3), 4 IN (1, 2, 3), 1 IN (1, NULL), 4 IN (1, NULL), NULL IN (1, 2);
SELECT 1 NOT IN (2, 3), 1 NOT IN (1, NULL), 4 NOT IN (1, NULL), NULL NOT IN (1);
SELECT 'a' IN ('a', 'b'), 2.0 IN (1, 2), 2 IN (1.5, 2.0);
SELECT (1 < 2) = true, (1 > 2) < true, true > false;
SELECT bool_and(b), bool_or(b), every(b) FROM (VALUES (true), (NULL::bool), (false)) v(b);
SELECT bool_and(b), bool_or(b) FROM (VALUES (true), (NULL::bool)) v(b);
CREATE TABLE bl_t (id int4, a bool, b bool);
INSERT INTO bl_t VALUES (1, true, true), (2, true, false), (3, true, NULL), (4, false, false),
    (5, false, NULL), (6, NULL, NULL), (7, false, true), (8, NULL, true), (9, NULL, false);
SELECT id, a, b, a AND b, a OR b, NOT a, a = b, a <> b FROM bl_t ORDER BY id;
SELECT id, a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b, a IS UNKNOWN FROM bl_t ORDER BY id;
SELECT id FROM bl_t WHERE a ORDER BY id;
SELECT id FROM bl_t WHERE NOT a ORDER BY id;
SELECT id FROM bl_t WHERE a IS NOT TRUE ORDER BY id;
SELECT id FROM bl_t WHERE a OR b ORDER BY id;
SELECT id FROM bl_t WHERE NOT (a AND b) ORDER BY id;
SELECT id FROM bl_t WHERE a IS DISTINCT FROM b ORDER BY id;
SELECT id FROM bl_t WHERE id IN (1, 3, NULL) ORDER BY id;
SELECT id FROM bl_t WHERE id NOT IN (1, 3, NULL) ORDER BY id;
SELECT id FROM bl_t WHERE id NOT IN (1, 3) ORDER BY id;
SELECT id FROM bl_t WHERE id BETWEEN 3 AND 5 ORDER BY id;
SELECT id FROM bl_t WHERE id NOT BETWEEN 3 AND 5 ORDER BY id;
SELECT count(*) FILTER (WHERE a), count(*) FILTER (WHERE a IS NULL), count(a) FROM bl_t;
SELECT a, count(*) FROM bl_t GROUP BY a ORDER BY a;
SELECT a, b FROM bl_t ORDER BY a DESC NULLS LAST, b NULLS FIRST;
-- short circuit does not protect against errors in evaluation order, but constants fold
SELECT id FROM bl_t WHERE id > 100 AND 1 / (id - id) = 1;
SELECT 'yes'::bool AND 'no'::bool, 'on'::bool OR 'off'::bool;
SELECT 1 AND true;
SELECT 'x' OR true;
DROP TABLE bl_t;
