--
-- bool: input spellings, output, logic with NULL (three-valued), ordering.
--
SELECT true, false, 't'::bool, 'f'::bool;
SELECT 'yes'::bool, 'no'::bool, 'on'::bool, 'off'::bool, '1'::bool, '0'::bool;
SELECT 'TRUE'::bool, ' false '::boolean, 'y'::bool, 'n'::bool;
SELECT true AND true, true AND false, false AND false;
SELECT true OR false, false OR false, NOT false;
-- three-valued logic
SELECT NULL::bool AND true, NULL::bool AND false, NULL::bool OR true, NULL::bool OR false, NOT NULL::bool;
SELECT true = true, true = false, true <> false, false < true, true > false;
SELECT true IS TRUE, false IS FALSE, NULL::bool IS NULL, NULL::bool IS NOT NULL;
SELECT 1 < 2 AND 2 < 3, 1 > 2 OR 'a' = 'a';
SELECT true::text, false::text, 'true'::text::bool;
CREATE TABLE bool_t (id int4, b bool);
INSERT INTO bool_t VALUES (1, true), (2, false), (3, NULL), (4, 't'), (5, 'off');
SELECT * FROM bool_t ORDER BY id;
SELECT id FROM bool_t WHERE b ORDER BY id;
SELECT id FROM bool_t WHERE NOT b ORDER BY id;
SELECT id FROM bool_t WHERE b IS NULL;
SELECT id FROM bool_t WHERE b IS NOT TRUE ORDER BY id;
SELECT id, b FROM bool_t ORDER BY b, id;
SELECT id, b FROM bool_t ORDER BY b DESC NULLS LAST, id;
SELECT b, count(*) FROM bool_t GROUP BY b ORDER BY b NULLS FIRST;
SELECT min(id), max(id) FROM bool_t WHERE b = true;
SELECT id, b AND id > 2, b OR id > 4 FROM bool_t ORDER BY id;
UPDATE bool_t SET b = NOT b;
SELECT * FROM bool_t ORDER BY id;
-- errors
SELECT 'maybe'::bool;
SELECT ''::bool;
INSERT INTO bool_t VALUES (6, 'sometimes');
SELECT 1 AND true;
DROP TABLE bool_t;
