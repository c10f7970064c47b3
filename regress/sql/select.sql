--
-- SELECT: expressions, column aliases, WHERE with comparison and boolean operators.
--
SELECT 1;
SELECT 1 AS one, 2 AS two, 'three' AS three;
SELECT 2 + 3 * 4, (2 + 3) * 4, 7 / 2, 7 % 3, -7 / 2, -7 % 3;
SELECT 1 + 1 AS sum, 10 - 3 AS diff;
SELECT 'a' || 'b' || 'c' AS abc;
SELECT 1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 = 1, 1 <> 1, 1 != 2;
SELECT true AND false, true OR false, NOT true;
SELECT pg_sleep(0);
CREATE TABLE sel_t (id int4, name text, qty int4, price numeric(8,2), active bool);
INSERT INTO sel_t VALUES
    (1, 'apple', 10, 0.50, true),
    (2, 'banana', 25, 0.25, true),
    (3, 'cherry', 100, 0.10, false),
    (4, 'date', 0, 2.00, true),
    (5, 'elderberry', NULL, 3.75, NULL),
    (6, 'fig', 7, NULL, false),
    (7, 'grape', 42, 0.05, true);
SELECT * FROM sel_t ORDER BY id;
SELECT name FROM sel_t ORDER BY id;
SELECT id, name, qty * price AS total FROM sel_t ORDER BY id;
SELECT id, qty + 1, qty - 1, qty * 2, qty / 3, qty % 3, -qty FROM sel_t ORDER BY id;
SELECT id, name || ' x' || qty AS label FROM sel_t ORDER BY id;
-- WHERE with each comparison operator
SELECT id FROM sel_t WHERE qty = 25 ORDER BY id;
SELECT id FROM sel_t WHERE qty <> 25 ORDER BY id;
SELECT id FROM sel_t WHERE qty < 25 ORDER BY id;
SELECT id FROM sel_t WHERE qty <= 25 ORDER BY id;
SELECT id FROM sel_t WHERE qty > 25 ORDER BY id;
SELECT id FROM sel_t WHERE qty >= 25 ORDER BY id;
SELECT id FROM sel_t WHERE name = 'fig';
SELECT id FROM sel_t WHERE name < 'c' ORDER BY id;
SELECT id FROM sel_t WHERE name > 'd' ORDER BY name;
-- boolean columns and combinations
SELECT id FROM sel_t WHERE active ORDER BY id;
SELECT id FROM sel_t WHERE NOT active ORDER BY id;
SELECT id FROM sel_t WHERE active = false ORDER BY id;
SELECT id FROM sel_t WHERE active AND qty > 10 ORDER BY id;
SELECT id FROM sel_t WHERE active OR qty > 50 ORDER BY id;
SELECT id FROM sel_t WHERE (qty > 5 AND qty < 50) OR name = 'cherry' ORDER BY id;
SELECT id FROM sel_t WHERE NOT (qty > 5) ORDER BY id;
-- NULL never satisfies a comparison
SELECT id FROM sel_t WHERE qty = NULL;
SELECT id FROM sel_t WHERE price > 1 ORDER BY id;
SELECT id FROM sel_t WHERE price IS NULL OR qty IS NULL ORDER BY id;
-- expression comparing two columns
SELECT id FROM sel_t WHERE qty > id * 5 ORDER BY id;
SELECT id FROM sel_t WHERE price * qty >= 5 ORDER BY id;
-- WHERE with a constant
SELECT count(*) FROM sel_t WHERE true;
SELECT count(*) FROM sel_t WHERE false;
SELECT count(*) FROM sel_t WHERE 1 = 1;
-- table-qualified and aliased column references
SELECT sel_t.id, sel_t.name FROM sel_t WHERE sel_t.id = 3;
SELECT s.id, s.name FROM sel_t s WHERE s.id = 4;
SELECT s.id, s.name FROM sel_t AS s WHERE s.qty = 42;
DROP TABLE sel_t;
