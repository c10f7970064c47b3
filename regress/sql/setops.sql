-- INTERSECT [ALL] and EXCEPT [ALL]: duplicates, NULLs (equal to each other),
-- nesting with UNION, column type resolution, errors.
CREATE TABLE setop_l (a int, b text);
CREATE TABLE setop_r (a int, b text);
INSERT INTO setop_l VALUES (1,'x'),(1,'x'),(2,'y'),(3,NULL),(3,NULL),(4,'z'),(4,'z'),(4,'z');
INSERT INTO setop_r VALUES (1,'x'),(3,NULL),(5,'w'),(2,'q'),(4,'z');

-- each command's row counts
SELECT * FROM setop_l INTERSECT SELECT * FROM setop_r ORDER BY 1, 2;
SELECT * FROM setop_l INTERSECT ALL SELECT * FROM setop_r ORDER BY 1, 2;
SELECT * FROM setop_l EXCEPT SELECT * FROM setop_r ORDER BY 1, 2;
SELECT * FROM setop_l EXCEPT ALL SELECT * FROM setop_r ORDER BY 1, 2;
SELECT * FROM setop_r EXCEPT ALL SELECT * FROM setop_l ORDER BY 1, 2;
SELECT a FROM setop_l EXCEPT ALL SELECT a FROM setop_r ORDER BY 1;
SELECT a FROM setop_l INTERSECT ALL SELECT a FROM setop_l ORDER BY 1;
SELECT b FROM setop_l EXCEPT SELECT b FROM setop_r ORDER BY 1;

-- constant inputs, empty results
SELECT 1 INTERSECT SELECT 1;
SELECT 1 EXCEPT SELECT 1;
SELECT 1 AS one EXCEPT SELECT 2;
SELECT 'a' INTERSECT SELECT 'a';

-- precedence and nesting: INTERSECT binds tighter than UNION/EXCEPT
SELECT a FROM setop_l UNION SELECT a FROM setop_r EXCEPT SELECT 5 ORDER BY 1;
SELECT a FROM setop_l EXCEPT (SELECT a FROM setop_r UNION SELECT 4) ORDER BY 1;
(SELECT a FROM setop_l INTERSECT SELECT a FROM setop_r) UNION ALL SELECT 10 ORDER BY 1;
SELECT a FROM setop_l INTERSECT SELECT a FROM setop_r INTERSECT SELECT 3 ORDER BY 1;
SELECT 2 UNION ALL SELECT a FROM setop_l INTERSECT SELECT a FROM setop_r ORDER BY 1;
SELECT a FROM setop_l EXCEPT SELECT a FROM setop_r EXCEPT SELECT 2 ORDER BY 1;

-- in sub-SELECTs
SELECT x FROM (SELECT a FROM setop_l EXCEPT SELECT a FROM setop_r) ss(x) ORDER BY x;
SELECT count(*) FROM (SELECT a FROM setop_l INTERSECT ALL SELECT a FROM setop_l) s;
SELECT * FROM setop_l WHERE a IN (SELECT a FROM setop_l EXCEPT SELECT a FROM setop_r) ORDER BY 1;
SELECT a, (SELECT count(*) FROM (SELECT a FROM setop_r INTERSECT SELECT l.a) s) AS n
  FROM setop_l l ORDER BY 1, 2;

-- types resolved across the inputs
SELECT 1.5 INTERSECT SELECT 1;
SELECT a FROM setop_l INTERSECT SELECT 3::bigint ORDER BY 1;
SELECT a, b FROM setop_l INTERSECT SELECT a, b FROM setop_r ORDER BY b DESC, a LIMIT 2;

-- in DML
UPDATE setop_r SET b = b || '!' WHERE a IN (SELECT a FROM setop_l INTERSECT SELECT 1);
INSERT INTO setop_r SELECT a + 10, b FROM setop_l EXCEPT SELECT 14, 'z';
SELECT * FROM setop_r ORDER BY 1, 2;

-- errors
SELECT a, b FROM setop_l EXCEPT SELECT a FROM setop_r;
SELECT a FROM setop_l INTERSECT SELECT b FROM setop_r;

DROP TABLE setop_l;
DROP TABLE setop_r;
