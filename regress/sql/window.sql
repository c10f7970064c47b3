--
-- Window functions: ranking, offsets, frames, aggregates over windows,
-- named windows, and the errors of window function misuse.
--
CREATE TABLE empsalary (depname text, empno int, salary int, enroll_date date);
INSERT INTO empsalary VALUES
  ('develop', 10, 5200, '2007-08-01'),
  ('sales', 1, 5000, '2006-10-01'),
  ('personnel', 5, 3500, '2007-12-10'),
  ('sales', 4, 4800, '2007-08-08'),
  ('personnel', 2, 3900, '2006-12-23'),
  ('develop', 7, 4200, '2008-01-01'),
  ('develop', 9, 4500, '2008-01-01'),
  ('sales', 3, 4800, '2007-08-01'),
  ('develop', 8, 6000, '2006-10-01'),
  ('develop', 11, 5200, '2007-08-15');

-- aggregates over a whole partition
SELECT depname, empno, salary, sum(salary) OVER (PARTITION BY depname)
  FROM empsalary ORDER BY depname, salary, empno;
SELECT depname, empno, salary, avg(salary) OVER (PARTITION BY depname),
       count(*) OVER (PARTITION BY depname)
  FROM empsalary ORDER BY depname, empno;

-- ranking
SELECT depname, empno, salary,
       row_number() OVER (PARTITION BY depname ORDER BY salary DESC, empno),
       rank() OVER (PARTITION BY depname ORDER BY salary DESC),
       dense_rank() OVER (PARTITION BY depname ORDER BY salary DESC)
  FROM empsalary ORDER BY depname, salary DESC, empno;
SELECT empno, salary, percent_rank() OVER (ORDER BY salary),
       cume_dist() OVER (ORDER BY salary)
  FROM empsalary ORDER BY salary, empno;
SELECT empno, salary, ntile(3) OVER (ORDER BY salary, empno),
       ntile(4) OVER (PARTITION BY depname ORDER BY empno)
  FROM empsalary ORDER BY empno;
SELECT row_number() OVER () FROM empsalary WHERE false;
SELECT count(*) OVER () FROM empsalary WHERE depname = 'sales' ORDER BY 1;

-- lag and lead
SELECT empno, salary,
       lag(salary) OVER (ORDER BY empno),
       lead(salary) OVER (ORDER BY empno),
       lag(salary, 2) OVER (ORDER BY empno),
       lead(salary, 3, 0) OVER (ORDER BY empno),
       lag(empno, -1, -1) OVER (ORDER BY empno)
  FROM empsalary ORDER BY empno;
SELECT depname, empno, lag(depname, 1, 'none') OVER (PARTITION BY depname ORDER BY empno)
  FROM empsalary ORDER BY depname, empno;
SELECT lead(x, 1, 2.5) OVER (ORDER BY x) FROM generate_series(1, 3) x ORDER BY x;

-- first_value, last_value, nth_value with the default and explicit frames
SELECT empno, salary,
       first_value(empno) OVER (ORDER BY salary, empno),
       last_value(empno) OVER (ORDER BY salary, empno),
       nth_value(empno, 3) OVER (ORDER BY salary, empno)
  FROM empsalary ORDER BY salary, empno;
SELECT empno, salary,
       last_value(salary) OVER (ORDER BY salary),
       first_value(empno) OVER (ORDER BY salary, empno ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING),
       last_value(empno) OVER (ORDER BY salary, empno ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
       nth_value(empno, 2) OVER (PARTITION BY depname ORDER BY empno RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  FROM empsalary ORDER BY salary, empno;

-- ROWS frames
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING),
       sum(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),
       sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),
       sum(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING),
       count(x) OVER (ORDER BY x ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING),
       avg(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING)
  FROM generate_series(1, 8) x ORDER BY x;
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 5 FOLLOWING AND 2 FOLLOWING)
  FROM generate_series(1, 4) x ORDER BY x;
SELECT x, min(x) OVER w, max(x) OVER w, string_agg(x::text, ',') OVER w
  FROM generate_series(1, 6) x
  WINDOW w AS (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING)
  ORDER BY x;

-- RANGE frames (peers)
SELECT empno, salary,
       sum(salary) OVER (ORDER BY salary),
       sum(salary) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),
       count(*) OVER (ORDER BY salary RANGE BETWEEN CURRENT ROW AND CURRENT ROW)
  FROM empsalary ORDER BY salary, empno;

-- RANGE with offsets (in_range support functions), NULL sort values, errors
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING),
       count(*) OVER (ORDER BY x DESC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW),
       first_value(x) OVER (ORDER BY x RANGE BETWEEN 1 FOLLOWING AND 3 FOLLOWING),
       last_value(x) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING)
  FROM (VALUES (1),(2),(2),(4),(7),(8),(NULL),(NULL)) v(x) ORDER BY x, 2;
SELECT x, sum(x) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING),
       sum(x) OVER (ORDER BY x DESC NULLS LAST RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING)
  FROM (VALUES (1),(2),(3),(5),(NULL)) v(x) ORDER BY x;
SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN '1 day' PRECEDING AND CURRENT ROW)
  FROM (VALUES ('2020-01-01'::date),('2020-01-02'),('2020-01-04'),('2020-01-05')) v(d) ORDER BY d;
SELECT n, sum(n) OVER (ORDER BY n RANGE BETWEEN 1.5 PRECEDING AND 0.5 FOLLOWING)
  FROM (VALUES (1.0),(2.5),(3.0),(4.2)) v(n) ORDER BY n;
SELECT f, count(*) OVER (ORDER BY f RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)
  FROM (VALUES (1.5::float8),(2.0),(3.6)) v(f) ORDER BY f;
SELECT x, sum(x) OVER (PARTITION BY x % 2 ORDER BY x RANGE 3 PRECEDING) FROM generate_series(1, 8) x ORDER BY x;
SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN -1 PRECEDING AND CURRENT ROW) FROM generate_series(1, 3) x;
SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN NULL PRECEDING AND CURRENT ROW) FROM generate_series(1, 3) x;
SELECT count(*) OVER (ORDER BY t RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES ('a'::text)) v(t);
SELECT count(*) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES ('2020-01-01'::date)) v(d);
SELECT count(*) OVER (ORDER BY x RANGE BETWEEN x PRECEDING AND CURRENT ROW) FROM generate_series(1, 3) x;

-- GROUPS frames and EXCLUDE
SELECT x, x / 2 AS g,
       sum(x) OVER (ORDER BY x / 2 GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW),
       sum(x) OVER (ORDER BY x / 2 GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING),
       sum(x) OVER (ORDER BY x / 2 GROUPS BETWEEN 2 PRECEDING AND 1 PRECEDING)
  FROM generate_series(0, 9) x ORDER BY x;
SELECT x, x / 2 AS g,
       sum(x) OVER (ORDER BY x / 2 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW),
       sum(x) OVER (ORDER BY x / 2 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP),
       sum(x) OVER (ORDER BY x / 2 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE TIES),
       sum(x) OVER (ORDER BY x / 2 ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE NO OTHERS),
       first_value(x) OVER (ORDER BY x / 2 RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE GROUP),
       last_value(x) OVER (ORDER BY x / 2 ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW)
  FROM generate_series(0, 7) x ORDER BY x;

-- FILTER
SELECT x, count(*) FILTER (WHERE x % 2 = 0) OVER (ORDER BY x),
       sum(x) FILTER (WHERE x > 3) OVER ()
  FROM generate_series(1, 6) x ORDER BY x;

-- named windows, references to them, and copying
SELECT depname, empno, salary,
       rank() OVER w, sum(salary) OVER w, row_number() OVER (w ORDER BY empno)
  FROM empsalary
  WINDOW w AS (PARTITION BY depname ORDER BY salary DESC), w2 AS (w)
  ORDER BY depname, salary DESC, empno;
SELECT empno, count(*) OVER (w ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)
  FROM empsalary WINDOW w AS (ORDER BY empno) ORDER BY empno;
SELECT empno FROM empsalary WINDOW unused AS (ORDER BY empno) ORDER BY empno LIMIT 2;

-- window functions with GROUP BY, in expressions, and in ORDER BY
SELECT depname, sum(salary), rank() OVER (ORDER BY sum(salary) DESC),
       sum(sum(salary)) OVER (ORDER BY depname)
  FROM empsalary GROUP BY depname ORDER BY depname;
SELECT depname, count(*) * 10 + row_number() OVER (ORDER BY depname) AS v
  FROM empsalary GROUP BY depname ORDER BY v;
SELECT empno, salary - avg(salary) OVER (PARTITION BY depname) AS diff
  FROM empsalary ORDER BY rank() OVER (ORDER BY salary DESC, empno), empno;
SELECT * FROM (SELECT empno, row_number() OVER (ORDER BY salary DESC, empno) AS rn
               FROM empsalary) s
  WHERE rn <= 3 ORDER BY rn;
SELECT DISTINCT depname, count(*) OVER (PARTITION BY depname) FROM empsalary ORDER BY 1;
SELECT x, sum(x) OVER (ORDER BY x DESC NULLS LAST)
  FROM (VALUES (1), (NULL), (3), (3), (NULL)) v(x) ORDER BY x NULLS FIRST;
SELECT depname, empno,
       max(salary) OVER (PARTITION BY depname) - min(salary) OVER (PARTITION BY depname ORDER BY empno)
  FROM empsalary ORDER BY depname, empno;

-- errors
SELECT empno FROM empsalary WHERE row_number() OVER (ORDER BY empno) > 1;
SELECT count(*) FROM empsalary GROUP BY row_number() OVER ();
SELECT depname FROM empsalary GROUP BY depname HAVING rank() OVER () > 1;
SELECT sum(row_number() OVER ()) FROM empsalary;
SELECT row_number() OVER (ORDER BY rank() OVER ()) FROM empsalary;
SELECT lag(row_number() OVER ()) OVER () FROM empsalary;
SELECT row_number() FROM empsalary;
SELECT rank() OVER w FROM empsalary;
SELECT rank() OVER (w) FROM empsalary;
SELECT 1 FROM empsalary WINDOW w AS (ORDER BY empno), w AS (ORDER BY salary);
SELECT rank() OVER (w PARTITION BY depname) FROM empsalary WINDOW w AS (ORDER BY empno);
SELECT rank() OVER (w ORDER BY salary) FROM empsalary WINDOW w AS (ORDER BY empno);
SELECT rank() OVER (w) FROM empsalary WINDOW w AS (ROWS UNBOUNDED PRECEDING);
SELECT upper(depname) OVER () FROM empsalary;
SELECT count(DISTINCT empno) OVER () FROM empsalary;
SELECT rank() FILTER (WHERE empno > 1) OVER () FROM empsalary;
SELECT ntile(0) OVER (ORDER BY empno) FROM empsalary;
SELECT nth_value(empno, 0) OVER (ORDER BY empno) FROM empsalary;
SELECT sum(empno) OVER (ORDER BY empno ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM empsalary;
SELECT sum(empno) OVER (ORDER BY empno ROWS BETWEEN empno PRECEDING AND CURRENT ROW) FROM empsalary;
SELECT sum(empno) OVER (ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM empsalary;
SELECT sum(empno) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM empsalary;
SELECT sum(empno) OVER (ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM empsalary;
SELECT sum(empno) OVER (GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM empsalary;
SELECT sum(empno) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM empsalary;
SELECT sum(empno) OVER (ORDER BY empno, salary RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM empsalary;
UPDATE empsalary SET salary = rank() OVER (ORDER BY salary);
INSERT INTO empsalary VALUES ('x', row_number() OVER (), 1, NULL);
SELECT * FROM empsalary e JOIN empsalary f ON row_number() OVER () = 1;

-- partitions that spill past work_mem (tuplestore on disk), SRFs, sub-SELECTs,
-- UNION, more aggregates, GROUPS offsets, parameters as offsets
SET work_mem = 64;
SELECT count(*), sum(rn), sum(s), sum(l), sum(f) FROM (
  SELECT row_number() OVER w AS rn, sum(x) OVER (ORDER BY x ROWS BETWEEN 3 PRECEDING AND 3 FOLLOWING) AS s,
         lag(x, 5) OVER w AS l, first_value(x) OVER (PARTITION BY x % 7 ORDER BY x) AS f
  FROM generate_series(1, 20000) x WINDOW w AS (ORDER BY x)) t;
SELECT x % 3 AS k, sum(x) FROM (SELECT x, rank() OVER (PARTITION BY x % 3 ORDER BY x DESC) AS r FROM generate_series(1, 50000) x) s WHERE r <= 2 GROUP BY 1 ORDER BY 1;
RESET work_mem;
SELECT x, generate_series(1, 2), row_number() OVER (ORDER BY x) FROM generate_series(1, 2) x ORDER BY 1, 2, 3;
SELECT x, (SELECT max(y) FROM generate_series(1, x) y), sum(x) OVER (ORDER BY x) FROM generate_series(1, 3) x ORDER BY x;
SELECT x, row_number() OVER () FROM generate_series(1,3) x UNION ALL SELECT 9, 9 ORDER BY 1;
SELECT x, array_agg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM generate_series(1,4) x ORDER BY x;
SELECT x, avg(x::numeric) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), stddev(x) OVER (ORDER BY x ROWS 2 PRECEDING), bool_and(x < 3) OVER (ORDER BY x) FROM generate_series(1,5) x ORDER BY x;
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN 1 FOLLOWING AND 2 FOLLOWING), sum(x) OVER (ORDER BY x GROUPS BETWEEN 2 PRECEDING AND 2 PRECEDING) FROM (VALUES (1),(1),(2),(3),(3),(3),(4)) v(x) ORDER BY x;
SELECT x, nth_value(x, 2) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING EXCLUDE TIES) FROM (VALUES (1),(1),(2),(3),(3)) v(x) ORDER BY x;
PREPARE p(int) AS SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN $1 PRECEDING AND CURRENT ROW) FROM generate_series(1,4) x ORDER BY x;
EXECUTE p(2);
SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM generate_series(1,4) x;
SELECT max(x) OVER (ORDER BY x), x FROM generate_series(1,3) x WHERE x > (SELECT count(*) OVER () FROM generate_series(1,1));
SELECT depname, rank() OVER (ORDER BY depname) FROM (VALUES ('a'),('b'),('a')) v(depname) GROUP BY depname;
DEALLOCATE p;

-- correlated sub-SELECTs, joins, DISTINCT ON, UNION, CASE, NULL ordering, CTEs
CREATE TABLE t1 (a int, b text);
INSERT INTO t1 VALUES (1,'x'),(2,'y'),(3,'x'),(4,NULL);
SELECT a, (SELECT count(*) OVER () FROM t1 t2 WHERE t2.a <= t1.a LIMIT 1) FROM t1 ORDER BY a;
SELECT t1.a, t2.a, row_number() OVER (PARTITION BY t1.a ORDER BY t2.a DESC) FROM t1 JOIN t1 t2 ON t2.a <= t1.a ORDER BY 1, 2;
SELECT DISTINCT ON (b) b, a, rank() OVER (ORDER BY a DESC) FROM t1 ORDER BY b, a;
SELECT b, count(*) OVER (PARTITION BY b) FROM t1 UNION SELECT 'z', row_number() OVER () FROM t1 ORDER BY 1, 2;
SELECT a, CASE WHEN rank() OVER (ORDER BY a) > 2 THEN 'hi' ELSE 'lo' END FROM t1 ORDER BY a;
SELECT a, sum(a) OVER (PARTITION BY b ORDER BY a RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t1 ORDER BY a;
SELECT a, b, first_value(b) OVER (ORDER BY b NULLS FIRST, a), last_value(b) OVER (ORDER BY b DESC) FROM t1 ORDER BY a;
SELECT a, lag(b, a) OVER (ORDER BY a) FROM t1 ORDER BY a;
SELECT a, nth_value(b, 2) OVER (ORDER BY a ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM t1 ORDER BY a LIMIT 2 OFFSET 1;
SELECT sum(a) OVER (ORDER BY a), a FROM t1 WHERE a > 10;
SELECT ntile(NULL) OVER (), ntile(2) OVER (ORDER BY a) FROM t1 ORDER BY a;
SELECT row_number() OVER (PARTITION BY a % 2 ORDER BY a) AS rn, a FROM t1 ORDER BY rn, a;
WITH w AS (SELECT a, sum(a) OVER (ORDER BY a) s FROM t1) SELECT * FROM w WHERE s > 3 ORDER BY a;
SELECT rank() OVER (ORDER BY a) FROM t1 ORDER BY 1 LIMIT 0;
DROP TABLE t1;

-- frame offsets: window functions and aggregates refused, sub-SELECTs and outer references
SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN row_number() OVER () PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN count(*) PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT sum(x) OVER (ORDER BY x RANGE BETWEEN sum(1) PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN (SELECT 1) PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x;
SELECT y, (SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM generate_series(1,3) x ORDER BY x DESC LIMIT 1) FROM generate_series(0,2) y;

DROP TABLE empsalary;
