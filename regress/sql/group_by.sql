--
-- GROUP BY: columns, expressions, ordinals, HAVING, aggregates with FILTER
-- and DISTINCT.
--
CREATE TABLE gb_t (id int4, cat text, sub text, amt numeric, qty int4);
INSERT INTO gb_t VALUES
    (1, 'fruit', 'apple', 1.50, 10), (2, 'fruit', 'pear', 2.00, 5), (3, 'fruit', 'apple', 1.75, 3),
    (4, 'veg', 'leek', 0.90, 7), (5, 'veg', 'kale', 3.10, NULL), (6, NULL, 'misc', 5.00, 1),
    (7, 'veg', 'leek', 1.10, 2), (8, NULL, NULL, NULL, NULL);
SELECT cat, count(*), count(qty), sum(qty), sum(amt), min(amt), max(amt) FROM gb_t GROUP BY cat ORDER BY cat;
SELECT cat, sub, count(*) FROM gb_t GROUP BY cat, sub ORDER BY cat, sub;
SELECT cat, round(avg(amt), 2) FROM gb_t GROUP BY 1 ORDER BY 1 NULLS FIRST;
SELECT upper(cat) AS c, count(*) FROM gb_t GROUP BY upper(cat) ORDER BY c;
SELECT length(sub), count(*) FROM gb_t GROUP BY length(sub) ORDER BY 1;
SELECT qty % 2 = 0 AS even, count(*) FROM gb_t GROUP BY qty % 2 = 0 ORDER BY 1;
SELECT cat, count(*) FROM gb_t GROUP BY cat HAVING count(*) > 2 ORDER BY cat;
SELECT cat, sum(amt) FROM gb_t GROUP BY cat HAVING sum(amt) > 4 AND cat IS NOT NULL ORDER BY cat;
SELECT cat FROM gb_t GROUP BY cat HAVING max(qty) >= 7 ORDER BY cat;
SELECT count(*) FROM gb_t HAVING count(*) > 5;
SELECT count(*) FROM gb_t HAVING count(*) > 50;
SELECT cat, count(*) FILTER (WHERE amt > 1.5), sum(qty) FILTER (WHERE sub = 'leek') FROM gb_t GROUP BY cat ORDER BY cat;
SELECT cat, sum(amt * qty), sum(amt) / count(*) FROM gb_t WHERE qty IS NOT NULL GROUP BY cat ORDER BY cat;
SELECT cat, max(sub) FROM gb_t WHERE id > 100 GROUP BY cat;
SELECT count(*), sum(qty), max(cat) FROM gb_t WHERE id > 100;
SELECT cat, count(*) FROM gb_t GROUP BY cat ORDER BY count(*) DESC, cat;
SELECT sub, sum(qty) AS total FROM gb_t GROUP BY sub ORDER BY total DESC NULLS LAST, sub;
SELECT cat, sub FROM gb_t GROUP BY cat, sub HAVING count(*) > 1 ORDER BY 1, 2;
SELECT id, cat, count(*) FROM gb_t GROUP BY id ORDER BY id;
SELECT cat, sub FROM gb_t GROUP BY cat;
SELECT cat, count(*) FROM gb_t GROUP BY 3;
SELECT cat FROM gb_t WHERE count(*) > 1 GROUP BY cat;
SELECT sum(count(*)) FROM gb_t;
SELECT stddev(qty)::numeric(10,4), variance(qty)::numeric(10,4), stddev_pop(qty)::numeric(10,4), var_pop(qty)::numeric(10,4) FROM gb_t;
SELECT g, count(*) FROM (SELECT id / 3 AS g FROM gb_t) s GROUP BY g ORDER BY g;
DROP TABLE gb_t;
