-- sweep_queries_1: everyday queries and expressions, checked against PostgreSQL 15
CREATE SCHEMA sweep_q1;
SET search_path = sweep_q1;
CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, email varchar(100), age int, active bool DEFAULT true, created_at timestamptz DEFAULT '2024-01-01 10:00:00+00', score numeric(10,2), tags text[], meta jsonb, uid uuid);
INSERT INTO users (name, email, age, active, created_at, score, tags, meta, uid) VALUES
('Alice', 'alice@example.com', 30, true, '2024-01-05 09:30:00+00', 88.5, '{a,b}', '{"plan":"pro","logins":5}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'),
('Bob', 'bob@example.com', 25, false, '2024-02-10 14:00:00+00', 72.25, '{b}', '{"plan":"free","logins":1}', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12'),
('Carol', NULL, 41, true, '2024-03-15 18:45:00+00', NULL, '{}', '{"plan":"pro"}', NULL),
('Dave', 'dave@example.org', NULL, true, '2023-12-31 23:59:59+00', 95.00, NULL, NULL, 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13'),
('Eve', 'eve@example.com', 35, false, '2024-03-01 00:00:00+00', 60.1, '{c,a}', '{"plan":"team","logins":12,"tags":["x","y"]}', 'd0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14');
CREATE TABLE orders (id serial PRIMARY KEY, user_id int, amount numeric(12,2), status text, ordered_at date, shipped_at timestamp);
INSERT INTO orders (user_id, amount, status, ordered_at, shipped_at) VALUES
(1, 100.00, 'paid', '2024-01-10', '2024-01-12 10:00'),
(1, 250.50, 'paid', '2024-02-11', NULL),
(2, 19.99, 'cancelled', '2024-02-15', NULL),
(3, 75.00, 'paid', '2024-03-01', '2024-03-03 08:15'),
(3, 75.00, 'refunded', '2024-03-02', NULL),
(5, 1200.00, 'paid', '2024-03-20', '2024-03-25 16:30'),
(NULL, 5.00, 'paid', '2024-01-01', NULL);
SELECT id, name, email FROM users WHERE active ORDER BY name LIMIT 3;
SELECT name, age FROM users WHERE age BETWEEN 25 AND 35 ORDER BY age DESC;
SELECT name FROM users WHERE email LIKE '%@example.com' ORDER BY 1;
SELECT name FROM users WHERE email ILIKE '%EXAMPLE.ORG' ORDER BY 1;
SELECT name, COALESCE(email, 'n/a') AS email FROM users ORDER BY id;
SELECT name, NULLIF(age, 30) FROM users ORDER BY id;
SELECT count(*), count(email), count(DISTINCT active) FROM users;
SELECT active, count(*), avg(age), sum(score), min(created_at), max(created_at) FROM users GROUP BY active ORDER BY active;
SELECT avg(score), stddev(score), variance(score) FROM users;
SELECT round(avg(age), 2), round(avg(score)::numeric, 1) FROM users;
SELECT u.name, count(o.id) AS n, coalesce(sum(o.amount), 0) AS total FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id, u.name ORDER BY total DESC, u.name;
SELECT u.name, o.amount FROM users u JOIN orders o ON o.user_id = u.id WHERE o.status = 'paid' ORDER BY o.amount DESC;
SELECT u.name, o.id FROM users u RIGHT JOIN orders o ON o.user_id = u.id ORDER BY o.id;
SELECT u.name, o.id FROM users u FULL JOIN orders o ON o.user_id = u.id ORDER BY o.id NULLS FIRST, u.name;
SELECT status, count(*) FILTER (WHERE amount > 50) AS big, count(*) FROM orders GROUP BY status HAVING count(*) > 0 ORDER BY status;
SELECT user_id, sum(amount) FROM orders GROUP BY user_id HAVING sum(amount) > 100 ORDER BY 2 DESC;
SELECT id, amount, sum(amount) OVER (ORDER BY id) AS running FROM orders ORDER BY id;
SELECT id, user_id, amount, rank() OVER (PARTITION BY user_id ORDER BY amount DESC), dense_rank() OVER (ORDER BY amount DESC), row_number() OVER (ORDER BY id) FROM orders ORDER BY id;
SELECT id, amount, lag(amount) OVER (ORDER BY id), lead(amount, 1, 0) OVER (ORDER BY id) FROM orders ORDER BY id;
SELECT id, amount, avg(amount) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders ORDER BY id;
SELECT id, amount, percent_rank() OVER (ORDER BY amount), cume_dist() OVER (ORDER BY amount), ntile(3) OVER (ORDER BY amount) FROM orders ORDER BY id;
SELECT id, first_value(amount) OVER w, last_value(amount) OVER w, nth_value(amount, 2) OVER w FROM orders WINDOW w AS (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY id;
SELECT DISTINCT ON (user_id) user_id, id, amount FROM orders ORDER BY user_id, amount DESC;
WITH t AS (SELECT user_id, sum(amount) s FROM orders GROUP BY user_id) SELECT * FROM t WHERE s > 50 ORDER BY s;
WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM r WHERE n < 10) SELECT sum(n), max(n) FROM r;
SELECT name FROM users WHERE id IN (SELECT user_id FROM orders WHERE status='paid') ORDER BY name;
SELECT name FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id) ORDER BY name;
SELECT name, (SELECT max(amount) FROM orders o WHERE o.user_id = u.id) FROM users u ORDER BY name;
SELECT name, CASE WHEN age < 30 THEN 'young' WHEN age < 40 THEN 'mid' ELSE 'senior' END FROM users ORDER BY id;
SELECT meta->>'plan' AS plan, count(*) FROM users GROUP BY 1 ORDER BY 1 NULLS LAST;
SELECT name, meta->'logins', (meta->>'logins')::int + 1 FROM users ORDER BY id;
SELECT name FROM users WHERE meta @> '{"plan":"pro"}' ORDER BY 1;
SELECT name FROM users WHERE meta ? 'tags' ORDER BY 1;
SELECT jsonb_pretty(meta) FROM users WHERE id = 5;
SELECT jsonb_build_object('name', name, 'age', age) FROM users ORDER BY id;
SELECT json_agg(name ORDER BY name) FROM users;
SELECT jsonb_agg(jsonb_build_object('id', id, 'amt', amount) ORDER BY id) FROM orders WHERE user_id = 1;
SELECT string_agg(name, ', ' ORDER BY name DESC) FROM users;
SELECT array_agg(id ORDER BY id) FROM orders;
SELECT name, tags, array_length(tags, 1), 'a' = ANY(tags) FROM users ORDER BY id;
SELECT name, cardinality(tags), array_to_string(tags, '|') FROM users ORDER BY id;
SELECT unnest(tags) t, count(*) FROM users GROUP BY t ORDER BY t;
SELECT uid, uid::text, upper(uid::text) FROM users ORDER BY id;
SELECT name, date_trunc('month', created_at) FROM users ORDER BY id;
SELECT name, extract(year FROM created_at), extract(dow FROM created_at), to_char(created_at, 'YYYY-MM-DD HH24:MI') FROM users ORDER BY id;
SELECT ordered_at, ordered_at + 7, ordered_at + interval '1 month', age(date '2024-12-31', ordered_at) FROM orders ORDER BY id;
SELECT shipped_at - ordered_at FROM orders ORDER BY id;
SELECT date_part('epoch', shipped_at) FROM orders ORDER BY id;
SELECT to_char(amount, 'FM999,999.00'), to_char(amount, '9999.9'), to_char(amount, 'L9G999D99') FROM orders ORDER BY id;
SELECT status FROM orders UNION SELECT 'new' ORDER BY 1;
SELECT user_id FROM orders INTERSECT SELECT id FROM users ORDER BY 1;
SELECT id FROM users EXCEPT SELECT user_id FROM orders ORDER BY 1;
SELECT d::date, count(o.id) FROM generate_series('2024-01-01'::date, '2024-03-01', '1 month') d LEFT JOIN orders o ON date_trunc('month', o.ordered_at) = d GROUP BY d ORDER BY d;
SELECT name FROM users ORDER BY age NULLS FIRST, name;
SELECT name FROM users ORDER BY score DESC NULLS LAST LIMIT 2 OFFSET 1;
SELECT * FROM users ORDER BY id FETCH FIRST 2 ROWS ONLY;
SELECT upper(name), lower(name), length(name), substr(name, 2, 3), left(name, 2), right(name, 2), reverse(name) FROM users ORDER BY id;
SELECT split_part(email, '@', 2), position('@' in email), strpos(email, '.') FROM users ORDER BY id;
SELECT regexp_replace(email, '@.*$', ''), regexp_matches(email, '(\w+)@(\w+)') FROM users WHERE email IS NOT NULL ORDER BY id;
SELECT initcap('hello world'), lpad('5', 3, '0'), rpad('ab', 5, '*'), btrim('  x  '), concat_ws('-', 'a', NULL, 'b'), format('%s is %s', 'x', 42);
SELECT md5('abc'), repeat('ab', 3), replace('aaa', 'a', 'bb'), translate('abc', 'ab', 'xy'), ascii('A'), chr(66);
RESET search_path;
DROP TABLE sweep_q1.orders, sweep_q1.users;
DROP SCHEMA sweep_q1;
