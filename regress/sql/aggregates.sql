--
-- Aggregates count/sum/avg/min/max, GROUP BY and HAVING.
--
CREATE TABLE agg_t (id int4, dept text, salary int4, bonus numeric(10,2), rating float8, small int2, big int8);
INSERT INTO agg_t VALUES
    (1, 'eng', 100, 10.50, 4.5, 1, 10000000000),
    (2, 'eng', 120, NULL, 3.5, 2, 20000000000),
    (3, 'eng', 90, 5.25, NULL, 3, 30000000000),
    (4, 'ops', 70, 1.00, 2.0, 4, 40000000000),
    (5, 'ops', 75, 2.00, 2.5, 5, 50000000000),
    (6, 'sales', 60, 20.00, 5.0, 6, 60000000000),
    (7, 'sales', NULL, 30.00, 4.0, NULL, NULL),
    (8, NULL, 50, NULL, 1.0, 8, 80000000000);
-- whole-table aggregates
SELECT count(*) FROM agg_t;
SELECT count(salary), count(bonus), count(dept), count(rating) FROM agg_t;
SELECT sum(salary), min(salary), max(salary) FROM agg_t;
SELECT avg(salary) FROM agg_t;
SELECT sum(bonus), avg(bonus), min(bonus), max(bonus) FROM agg_t;
SELECT sum(rating), avg(rating), min(rating), max(rating) FROM agg_t;
SELECT sum(small), avg(small), sum(big), avg(big) FROM agg_t;
SELECT min(dept), max(dept) FROM agg_t;
SELECT sum(salary * 2), max(salary) - min(salary) AS spread FROM agg_t;
-- aggregates over no rows: count is 0, the rest are NULL
SELECT count(*), count(salary), sum(salary), avg(salary), min(salary), max(salary) FROM agg_t WHERE id < 0;
-- aggregates with WHERE
SELECT count(*), sum(salary) FROM agg_t WHERE salary > 70;
-- GROUP BY
SELECT dept, count(*) FROM agg_t GROUP BY dept ORDER BY dept;
SELECT dept, count(*), sum(salary), avg(salary), min(salary), max(salary) FROM agg_t GROUP BY dept ORDER BY dept NULLS FIRST;
SELECT dept, sum(bonus), avg(rating) FROM agg_t GROUP BY dept ORDER BY dept;
SELECT dept, count(salary) AS paid FROM agg_t GROUP BY dept ORDER BY paid DESC, dept;
-- GROUP BY an expression and by more than one column
SELECT salary / 50 AS band, count(*) FROM agg_t GROUP BY salary / 50 ORDER BY band;
SELECT dept, salary > 80 AS high, count(*) FROM agg_t GROUP BY dept, salary > 80 ORDER BY dept, high;
SELECT dept, count(*) FROM agg_t GROUP BY 1 ORDER BY 1;
-- HAVING
SELECT dept, count(*) FROM agg_t GROUP BY dept HAVING count(*) > 1 ORDER BY dept;
SELECT dept, sum(salary) FROM agg_t GROUP BY dept HAVING sum(salary) >= 145 ORDER BY dept;
SELECT dept, avg(salary) FROM agg_t GROUP BY dept HAVING avg(salary) < 100 ORDER BY dept;
SELECT dept, max(salary) FROM agg_t GROUP BY dept HAVING min(salary) > 60 AND count(*) >= 2 ORDER BY dept;
SELECT dept FROM agg_t GROUP BY dept HAVING count(*) > 10;
-- HAVING without GROUP BY
SELECT count(*) FROM agg_t HAVING count(*) > 5;
SELECT count(*) FROM agg_t HAVING count(*) > 500;
-- aggregate in ORDER BY
SELECT dept FROM agg_t WHERE dept IS NOT NULL GROUP BY dept ORDER BY sum(salary) DESC;
-- aggregates over many rows
CREATE TABLE agg_many (n int4);
INSERT INTO agg_many VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10);
INSERT INTO agg_many SELECT n + 10 FROM agg_many;
INSERT INTO agg_many SELECT n + 20 FROM agg_many;
INSERT INTO agg_many SELECT n + 40 FROM agg_many;
INSERT INTO agg_many SELECT n + 80 FROM agg_many;
SELECT count(*), sum(n), avg(n), min(n), max(n) FROM agg_many;
SELECT n % 4 AS r, count(*), sum(n), min(n), max(n) FROM agg_many GROUP BY n % 4 ORDER BY r;
SELECT n % 7 AS r, count(*) FROM agg_many GROUP BY n % 7 HAVING count(*) > 22 ORDER BY r;
-- sum of int4 is int8 and does not overflow int4
CREATE TABLE agg_wide (v int4);
INSERT INTO agg_wide VALUES (2147483647), (2147483647), (2147483647);
SELECT sum(v), avg(v), max(v) FROM agg_wide;
-- errors: ungrouped column, aggregate in WHERE
SELECT dept, salary FROM agg_t GROUP BY dept;
SELECT id FROM agg_t WHERE count(*) > 1;
DROP TABLE agg_wide;
DROP TABLE agg_many;
DROP TABLE agg_t;
