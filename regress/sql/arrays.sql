--
-- Arrays: constructors, ANY/ALL, subscripts, array functions, array_agg, unnest
--
CREATE TABLE arrtest (id int, a int[], t text[]);
INSERT INTO arrtest VALUES
  (1, ARRAY[1,2,3], ARRAY['x','y']),
  (2, NULL, NULL),
  (3, '{}', '{a}'),
  (4, ARRAY[5,NULL,7], ARRAY['p',NULL]),
  (5, '{{1,2},{3,4}}', '{{a,b},{c,d}}');

-- constructors
SELECT ARRAY[1,2,3] AS a, ARRAY['a',NULL,'c'] AS b, ARRAY[1.5, 2] AS c;
SELECT ARRAY[id, id * 2] AS pair FROM arrtest ORDER BY id;
SELECT ARRAY[a[1], a[2]] AS firsts FROM arrtest ORDER BY id;
SELECT ARRAY[NULL::int, NULL] AS nulls, ARRAY[true, false] AS bools;
SELECT ARRAY['2024-01-02'::date, '2024-03-04'] AS dates;

-- subscripts and slices
SELECT id, a[1] AS a1, a[2] AS a2, a[0] AS a0, a[10] AS a10, t[2] AS t2 FROM arrtest ORDER BY id;
SELECT id, a[2:3] AS s23, a[:2] AS shead, a[2:] AS stail, a[5:6] AS sout FROM arrtest ORDER BY id;
SELECT a[1][2] AS a12, a[2][1] AS a21, a[1:2][2] AS s, a[1] AS partial, t[2][2] AS t22
  FROM arrtest WHERE id = 5;
SELECT (ARRAY[10,20,30])[2] AS e, (ARRAY[10,20,30])[NULL::int] AS n, (ARRAY[10,20,30])[2:3] AS sl;
SELECT ('{a,b,c}'::text[])[3] AS c, ('[0:2]={x,y,z}'::text[])[0] AS z0;
SELECT id FROM arrtest WHERE a[1] = 1 OR t[1] = 'a' ORDER BY id;

-- ANY / ALL
SELECT 1 = ANY(ARRAY[1,2]) AS t1, 3 = ANY(ARRAY[1,2]) AS f1, 3 = ANY(ARRAY[1,NULL]) AS n1,
       NULL::int = ANY(ARRAY[1]) AS n2, NULL::int = ANY('{}'::int[]) AS f2,
       1 = ANY(NULL::int[]) AS n3;
SELECT 1 = ALL(ARRAY[1,1]) AS t1, 1 = ALL(ARRAY[1,2]) AS f1, 1 = ALL(ARRAY[1,NULL]) AS n1,
       1 = ALL(ARRAY[2,NULL]) AS f2, 1 = ALL('{}'::int[]) AS t2, NULL::int = ALL('{}'::int[]) AS t3;
SELECT 1 < ALL(ARRAY[2,3]) AS lt, 'b' = ANY(ARRAY['a','b']) AS txt, 2 <> ALL(ARRAY[1,3]) AS ne;
SELECT id, 2 = ANY(a) AS has2, 7 = ANY(a) AS has7, 0 < ALL(a) AS allpos FROM arrtest ORDER BY id;
SELECT id FROM arrtest WHERE id = ANY(ARRAY[1,3,5]) ORDER BY id;
SELECT id FROM arrtest WHERE id IN (1, 4) ORDER BY id;
SELECT id FROM arrtest WHERE id <> ALL(ARRAY[1,3]) ORDER BY id;
SELECT 'x' LIKE ANY(ARRAY['a%', 'x%']) AS likeany;

-- array functions
SELECT id, array_length(a, 1) AS len, cardinality(a) AS card, array_upper(a, 1) AS up,
       array_lower(a, 1) AS lo, array_ndims(a) AS nd
  FROM arrtest ORDER BY id;
SELECT array_to_string(ARRAY[1,NULL,3], ',') AS s1, array_to_string(ARRAY[1,NULL,3], ',', '*') AS s2;
SELECT array_append(ARRAY[1,2], 3) AS app, array_prepend(0, ARRAY[1,2]) AS pre,
       array_cat(ARRAY[1,2], ARRAY[3,4]) AS cat, ARRAY[1,2] || 3 AS op1, ARRAY[1] || ARRAY[2,3] AS op2;
SELECT array_position(ARRAY['a','b','c'], 'b') AS pos, array_remove(ARRAY[1,2,1], 1) AS rem,
       array_replace(ARRAY[1,2,1], 1, 9) AS rep;
SELECT ARRAY[1,2] = ARRAY[1,2] AS eq, ARRAY[1,2] < ARRAY[1,3] AS lt, ARRAY[1,2] @> ARRAY[2] AS contains,
       ARRAY[1,2] && ARRAY[2,5] AS overlap;

-- array_agg and unnest
SELECT array_agg(id) AS ids FROM (SELECT id FROM arrtest ORDER BY id) s;
SELECT id, array_agg(x) AS xs FROM (VALUES (1, 'a'), (1, 'b'), (2, NULL)) v(id, x)
  GROUP BY id ORDER BY id;
SELECT unnest(ARRAY[3,1,2]) AS u;
SELECT x FROM unnest(ARRAY['b','a',NULL]) AS x ORDER BY x;
SELECT x FROM unnest(ARRAY[1,2,3,4]) AS x WHERE x = ANY(ARRAY[2,4]) ORDER BY x;

DROP TABLE arrtest;
