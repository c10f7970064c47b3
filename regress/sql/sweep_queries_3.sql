-- sweep_queries_3: everyday queries and expressions, checked against PostgreSQL 15
CREATE SCHEMA sweep_q3;
SET search_path = sweep_q3;
CREATE TABLE products (id int PRIMARY KEY, name text, category text, price numeric(8,2), stock int, released date, attrs jsonb);
INSERT INTO products VALUES
(1,'Widget','tools',9.99,100,'2023-01-15','{"color":"red","sizes":[1,2,3]}'),
(2,'Gadget','tools',24.50,0,'2023-06-01','{"color":"blue"}'),
(3,'Doohickey','toys',4.25,12,'2024-02-01',NULL),
(4,'Thingamajig','toys',15.00,7,NULL,'{"color":"red","weight":1.5}'),
(5,'Whatsit','misc',99.95,3,'2022-11-11','{}'),
(6,'Gizmo','tools',24.50,55,'2024-05-05','{"color":"green","tags":{"new":true}}');
CREATE TABLE events (id bigserial PRIMARY KEY, product_id int, kind varchar(20), at timestamptz, qty int);
INSERT INTO events (product_id, kind, at, qty) VALUES
(1,'view','2024-01-01 10:00+00',1),(1,'buy','2024-01-01 10:05+00',2),(2,'view','2024-01-02 11:00+00',1),
(3,'buy','2024-01-03 12:00+00',5),(1,'buy','2024-01-04 09:00+00',1),(6,'view','2024-01-04 09:30+00',1),
(6,'buy','2024-01-05 18:00+00',3),(9,'buy','2024-01-06 08:00+00',1);
SELECT category, count(*), sum(price), avg(price)::numeric(10,2), max(price) - min(price) AS spread FROM products GROUP BY category ORDER BY category;
SELECT category, name, price, rank() OVER (PARTITION BY category ORDER BY price DESC) FROM products ORDER BY category, 4, name;
SELECT * FROM (SELECT category, name, price, row_number() OVER (PARTITION BY category ORDER BY price DESC) rn FROM products) s WHERE rn = 1 ORDER BY category;
SELECT p.name, sum(e.qty) FILTER (WHERE e.kind = 'buy') AS bought, count(*) FILTER (WHERE e.kind='view') AS views FROM products p LEFT JOIN events e ON e.product_id = p.id GROUP BY p.name ORDER BY p.name;
SELECT e.id, p.name FROM events e LEFT JOIN products p ON p.id = e.product_id WHERE p.id IS NULL;
SELECT p.name, e.kind FROM products p CROSS JOIN (VALUES ('view'), ('buy')) e(kind) WHERE p.id < 3 ORDER BY 1, 2;
SELECT name FROM products p WHERE price > (SELECT avg(price) FROM products) ORDER BY price;
SELECT name, price, price - avg(price) OVER (PARTITION BY category) AS diff FROM products ORDER BY id;
SELECT date_trunc('day', at) AS day, sum(qty), sum(sum(qty)) OVER (ORDER BY date_trunc('day', at)) FROM events GROUP BY 1 ORDER BY 1;
SELECT id, qty, sum(qty) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), avg(qty) OVER (ORDER BY id RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM events ORDER BY id;
SELECT id, at, at - lag(at) OVER (ORDER BY at) AS gap FROM events ORDER BY id;
SELECT kind, count(*), round(100.0 * count(*) / sum(count(*)) OVER (), 2) AS pct FROM events GROUP BY kind ORDER BY kind;
SELECT name, attrs->>'color' color, attrs #>> '{tags,new}', jsonb_typeof(attrs->'sizes'), attrs->'sizes'->0 FROM products ORDER BY id;
SELECT id, jsonb_array_length(attrs->'sizes') FROM products WHERE attrs ? 'sizes';
SELECT key, value FROM products, jsonb_each(attrs) WHERE id = 4 ORDER BY key;
SELECT key, value FROM products, jsonb_each_text(attrs) WHERE id = 1 ORDER BY key;
SELECT jsonb_array_elements(attrs->'sizes') FROM products WHERE id = 1;
SELECT attrs || '{"x":1}', attrs - 'color', jsonb_set(attrs, '{color}', '"black"') FROM products WHERE id = 4;
SELECT jsonb_strip_nulls('{"a":null,"b":1}'), to_jsonb(ROW(1,'a')), row_to_json(p) FROM products p WHERE id = 3;
SELECT json_build_array(1, 'two', NULL, true), json_object_agg(name, price ORDER BY name) FROM products WHERE category='toys';
SELECT jsonb_object_agg(category, cnt) FROM (SELECT category, count(*) cnt FROM products GROUP BY category) s;
SELECT '{"a":[1,2,{"b":3}]}'::jsonb @? '$.a[*].b', jsonb_path_query_array('{"a":[1,2,3]}', '$.a[*] ? (@ > 1)'), '{"a":1}'::jsonb -> 'b';
SELECT '[1,2,3]'::json->2, '{"a":"x"}'::json->>'a', '"str"'::jsonb #>> '{}', '5'::jsonb::int, '"5"'::jsonb::text;
SELECT 'true'::jsonb::bool, '1.5'::jsonb::numeric, '{"a":1}'::jsonb::int;
WITH RECURSIVE tree(id, parent, name, depth, path) AS (
  SELECT id, parent, name, 0, ARRAY[name] FROM (VALUES (1,NULL,'root'),(2,1,'a'),(3,1,'b'),(4,2,'a1'),(5,4,'a1x')) n(id,parent,name) WHERE parent IS NULL
  UNION ALL
  SELECT n.id, n.parent, n.name, t.depth+1, t.path || n.name FROM (VALUES (1,NULL,'root'),(2,1,'a'),(3,1,'b'),(4,2,'a1'),(5,4,'a1x')) n(id,parent,name) JOIN tree t ON n.parent = t.id)
SELECT repeat('  ', depth) || name AS label, array_to_string(path, '/') FROM tree ORDER BY path;
WITH RECURSIVE fib(a, b, n) AS (SELECT 0::numeric, 1::numeric, 1 UNION ALL SELECT b, a+b, n+1 FROM fib WHERE n < 50) SELECT n, a FROM fib WHERE n % 10 = 0 ORDER BY n;
WITH RECURSIVE dates(d) AS (SELECT date '2024-01-28' UNION ALL SELECT d + 1 FROM dates WHERE d < '2024-02-02') SELECT d, to_char(d, 'Dy') FROM dates;
WITH a AS (SELECT 1 x), b AS (SELECT x + 1 y FROM a) SELECT * FROM a, b;
WITH m AS MATERIALIZED (SELECT category, max(price) mp FROM products GROUP BY category) SELECT p.name FROM products p JOIN m ON p.category = m.category AND p.price = m.mp ORDER BY 1;
SELECT g, g * interval '1 hour' FROM generate_series(0, 3) g;
SELECT generate_series(timestamp '2024-01-01', '2024-01-02', '6 hours');
SELECT generate_series(1, 10, 3), generate_series(5, 1, -2);
SELECT d::date AS day, coalesce(sum(qty), 0) FROM generate_series('2024-01-01'::timestamptz, '2024-01-07', '1 day') d LEFT JOIN events ON at >= d AND at < d + interval '1 day' GROUP BY d ORDER BY d;
SELECT category FROM products UNION ALL SELECT kind FROM events ORDER BY 1 LIMIT 5;
SELECT 1 UNION SELECT 1.5 UNION SELECT 2 ORDER BY 1;
SELECT 'a' UNION SELECT 1;
SELECT 1, 2 UNION SELECT 3;
SELECT name FROM products WHERE name ~ '^G' ORDER BY 1 DESC;
SELECT name, price FROM products ORDER BY price DESC, name FETCH FIRST 2 ROWS WITH TIES;
SELECT DISTINCT category FROM products ORDER BY 1;
SELECT DISTINCT ON (category) category, name, price FROM products ORDER BY category, price DESC, name;
SELECT count(DISTINCT category), count(DISTINCT price), array_agg(DISTINCT category ORDER BY category) FROM products;
SELECT category, percentile_cont(0.5) WITHIN GROUP (ORDER BY price), percentile_disc(0.5) WITHIN GROUP (ORDER BY price), mode() WITHIN GROUP (ORDER BY price) FROM products GROUP BY category ORDER BY 1;
SELECT bool_and(stock > 0), bool_or(stock = 0), every(price > 1), bit_and(stock), bit_or(stock) FROM products;
SELECT category, grouping(category), sum(price) FROM products GROUP BY ROLLUP(category) ORDER BY 1 NULLS LAST;
SELECT name, price, CASE category WHEN 'tools' THEN price * 0.9 WHEN 'toys' THEN price * 0.8 ELSE price END AS sale FROM products ORDER BY id;
SELECT name, released, CURRENT_DATE - released > 365 AS old FROM products WHERE released IS NOT NULL ORDER BY released;
SELECT name, COALESCE(to_char(released, 'Mon YYYY'), 'unreleased') FROM products ORDER BY id;
SELECT stock::bool FROM products ORDER BY id;
SELECT p.name FROM products p WHERE EXISTS (SELECT 1 FROM events e WHERE e.product_id = p.id AND e.kind = 'buy') ORDER BY 1;
SELECT p.name, x.total FROM products p, LATERAL (SELECT sum(qty) total FROM events e WHERE e.product_id = p.id) x ORDER BY p.id;
SELECT p.name, last.at FROM products p LEFT JOIN LATERAL (SELECT at FROM events e WHERE e.product_id = p.id ORDER BY at DESC LIMIT 1) last ON true ORDER BY p.id;
SELECT name FROM products WHERE id = ANY(ARRAY[1,3,5]) ORDER BY 1;
SELECT name FROM products WHERE price > ALL (SELECT price FROM products WHERE category='toys') ORDER BY 1;
SELECT name FROM products WHERE (category, price) = ('tools', 24.50) ORDER BY 1;
SELECT name FROM products WHERE (category, price) IN (SELECT category, max(price) FROM products GROUP BY category) ORDER BY 1;
SELECT * FROM products WHERE id = 42;
SELECT nonexistent FROM products;
SELECT name FROM products GROUP BY category;
SELECT * FROM nosuchtable;
SELECT price + 'abc' FROM products;
SELECT name + 1 FROM products;
SELECT sum(name) FROM products;
SELECT name FROM products ORDER BY 5;
RESET search_path;
DROP TABLE sweep_q3.events, sweep_q3.products;
DROP SCHEMA sweep_q3;
