--
-- Row constructors: row-wise comparison, row IN, row sub-SELECTs, record values
--
CREATE TABLE rowt (a int, b int);
INSERT INTO rowt VALUES (1,2),(1,3),(2,1),(NULL,1),(1,NULL),(NULL,NULL);

-- = <> < <= > >= (lexicographic, NULL rules of RowCompareExpr)
SELECT a, b, (a,b) = (1,2) AS eq, (a,b) <> (1,2) AS ne, (a,b) < (1,3) AS lt,
       (a,b) <= (1,3) AS le, (a,b) > (1,2) AS gt, (a,b) >= (1,2) AS ge
  FROM rowt ORDER BY 1, 2;
SELECT (1,2,3) < (1,2,4), (1,2,3) <= (1,2,3), (1,NULL,3) < (1,2,4),
       (1,NULL,3) < (2,2,4), ROW(1,'a') = ROW(1,'a'), (1.5, 'x'::text) > (1, 'y');
SELECT ROW(1) = ROW(1), ROW(2) > ROW(1);
SELECT * FROM rowt WHERE (a, b) >= (1, 3) ORDER BY 1, 2;

-- IS [NOT] DISTINCT FROM
SELECT a, b, (a,b) IS DISTINCT FROM (1,NULL) AS d,
       (a,b) IS NOT DISTINCT FROM (1,NULL) AS nd
  FROM rowt ORDER BY 1, 2;

-- IN / NOT IN lists of rows
SELECT a, b, (a,b) IN ((1,2),(2,1)) AS i, (a,b) NOT IN ((1,2),(2,1)) AS ni
  FROM rowt ORDER BY 1, 2;
SELECT (1, 'a') IN ((1, 'a'), (2, 'b')), (1, 'a'::text) = (1, 'a'), (1, 2) <> (1, 3);

-- sub-SELECTs
SELECT a, b, (a,b) IN (SELECT 1, 2 UNION ALL SELECT 2, 1) AS i,
       (a,b) NOT IN (SELECT 1, 2) AS ni,
       (a,b) = ANY (SELECT 1, 3) AS an,
       (a,b) <> ALL (SELECT 1, 3) AS al
  FROM rowt ORDER BY 1, 2;
SELECT (1,2) < ANY (SELECT 1, 3), (2,2) > ALL (SELECT 1, 3 UNION ALL SELECT 2, 1);
SELECT x.a, x.b FROM rowt x
 WHERE (x.a, x.b) IN (SELECT y.b, y.a FROM rowt y) ORDER BY 1, 2;
SELECT x.a, x.b FROM rowt x
 WHERE (x.a, x.b) NOT IN (SELECT y.a, y.b FROM rowt y WHERE y.a = x.a AND y.b < x.b)
 ORDER BY 1, 2;

-- ROW(...) IS [NOT] NULL
SELECT ROW(NULL, NULL) IS NULL, ROW(NULL, 1) IS NULL, ROW(1, 2) IS NOT NULL,
       ROW(NULL, 1) IS NOT NULL, ROW(ROW(NULL), NULL) IS NULL, ROW(NULL) IS NULL;
SELECT a, b, (a, b) IS NULL AS n, (a, b) IS NOT NULL AS nn FROM rowt ORDER BY 1, 2;

-- record values and record_out quoting
SELECT ROW(1,'a'), (1, 'x y'), ROW(NULL, 2, ''), (1.5, 'a"b', 'c\d', '(x)', NULL::int, true);
SELECT ROW(1, ROW(2, 'q r')), ROW('2020-01-02'::date, 1::int8, ARRAY[1,2]);
SELECT (a, b) AS r FROM rowt ORDER BY a, b;
SELECT ROW(1), ROW(), pg_typeof(ROW(1,2));

-- record comparison and hashing: DISTINCT, ORDER BY, GROUP BY on record values
CREATE TABLE rowd (a int, b text);
INSERT INTO rowd VALUES (1,'x'),(1,'x'),(2,'y'),(NULL,'x'),(NULL,'x'),(1,NULL),(2,'a b');
SELECT count(DISTINCT (a,b)) FROM rowd;
SELECT DISTINCT (a,b) AS r FROM rowd ORDER BY 1;
SELECT (a,b) AS r FROM rowd ORDER BY (a,b) DESC;
SELECT (a,b) AS r, count(*) FROM rowd GROUP BY (a,b) ORDER BY 1;
SELECT count(DISTINCT ROW(a, b, a)) FROM rowd;
SELECT count(DISTINCT ROW(x, 'k'::text)) FROM generate_series(1,3) x;
DROP TABLE rowd;

-- errors
SELECT (1,2) = (1,2,3);
SELECT (1,2) ~~ ('a','b');
SELECT ROW() = ROW();
SELECT (1,2) IN (1,2);
SELECT (1,2) IN (SELECT 1);
SELECT (1,2) IN (SELECT 1,2,3);
SELECT (1, 'a') = (1, 2);

DROP TABLE rowt;
