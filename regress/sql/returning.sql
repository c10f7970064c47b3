--
-- RETURNING on INSERT / UPDATE / DELETE, UPDATE ... FROM, DELETE ... USING.
--
CREATE TABLE rt_t (id int4, name text, qty int4);
CREATE TABLE rt_src (id int4, delta int4);
INSERT INTO rt_t VALUES (1, 'a', 10) RETURNING *;
INSERT INTO rt_t VALUES (2, 'b', 20), (3, 'c', 30) RETURNING id, name;
INSERT INTO rt_t (id, name) VALUES (4, 'd') RETURNING qty, qty + 1 AS next, upper(name);
INSERT INTO rt_t SELECT g, 'g' || g, g FROM generate_series(5, 6) g RETURNING id * 100;
INSERT INTO rt_t VALUES (7, NULL, NULL) RETURNING name IS NULL, rt_t.id;
INSERT INTO rt_src VALUES (1, 5), (3, -5), (5, 100), (99, 1);
UPDATE rt_t SET qty = qty + 1 WHERE id <= 2 RETURNING id, qty;
UPDATE rt_t SET name = upper(name) WHERE id = 3 RETURNING *;
UPDATE rt_t SET qty = 0 WHERE id = 999 RETURNING *;
SELECT * FROM rt_t ORDER BY id;
UPDATE rt_t SET qty = rt_src.delta FROM rt_src WHERE rt_src.id = rt_t.id AND rt_src.delta > 50;
SELECT * FROM rt_t ORDER BY id;
DELETE FROM rt_t WHERE id = 7 RETURNING *;
DELETE FROM rt_t WHERE qty > 1000 RETURNING id;
SELECT * FROM rt_t ORDER BY id;
DELETE FROM rt_t WHERE id IN (SELECT id FROM rt_src) RETURNING id, name || '!' AS gone;
SELECT * FROM rt_t ORDER BY id;
SELECT * FROM rt_src ORDER BY id;
INSERT INTO rt_t VALUES (8, 'h') RETURNING nosuch;
UPDATE rt_t SET qty = 1 RETURNING count(*);
DELETE FROM rt_t RETURNING *;
SELECT count(*) FROM rt_t;
DROP TABLE rt_t;
DROP TABLE rt_src;
