--
-- arrays2: multidimensional ARRAY[], typed empty ARRAY[], subscript
-- assignment in UPDATE, element-wise array coercion, ARRAY(subquery)
--

-- multidimensional constructors
SELECT ARRAY[[1,2],[3,4]] AS a, ARRAY[ARRAY[1,2],ARRAY[3,4]] AS b;
SELECT ARRAY[[[1,2]],[[3,4]]] AS three_d;
SELECT ARRAY[ARRAY['a','b'],ARRAY['c','d']] AS txt;
SELECT array[array[1.5],array[2]] AS mixed;
SELECT ARRAY[[1,2],[3]];
SELECT array_dims(ARRAY[[1,2,3],[4,5,6]]), array_ndims(ARRAY[[1],[2]]);
SELECT (ARRAY[[1,2],[3,4]])[2][1] AS elem;

-- empty and typed constructors
SELECT ARRAY[]::int[] AS empty_int, ARRAY[]::text[] AS empty_text;
SELECT array_length(ARRAY[]::int[], 1);
SELECT ARRAY[['a']]::text[] AS md_cast, ARRAY['c']::char(2)[] AS padded;
SELECT ARRAY[1,2]::numeric[] AS num, ARRAY['1','2']::int[] AS from_text;
SELECT ARRAY[];
SELECT ARRAY[ARRAY[]::int[], ARRAY[]::int[]] AS empties;

-- element-wise coercion
SELECT '{ab,c}'::char(2)[] AS padded, '{1,2}'::text[]::int[] AS ints;
SELECT '{1.7,2.2,NULL}'::numeric[]::int[] AS rounded;
SELECT '{{1,2},{3,4}}'::int[]::text[] AS md, '[0:1]={a,b}'::text[]::varchar(1)[] AS bounds;
SELECT '{abc}'::varchar(2)[] AS truncated;
SELECT '{a}'::text[]::int[];
SELECT array[1,2] || array[1.5] AS concat;

CREATE TABLE arr2_t (id int, a int[], c char(2)[], v varchar(3)[], n numeric(4,1)[]);
INSERT INTO arr2_t VALUES (1, '{1,2,3}', '{ab}', '{abc}', '{1.25}'), (2, NULL, NULL, NULL, NULL);
INSERT INTO arr2_t (id, v) VALUES (3, '{abcd}');
SELECT * FROM arr2_t ORDER BY id;

-- subscript assignment
UPDATE arr2_t SET a[2] = 20;
SELECT id, a FROM arr2_t ORDER BY id;
UPDATE arr2_t SET a[1:2] = '{7,8}';
SELECT id, a FROM arr2_t ORDER BY id;
UPDATE arr2_t SET a[5] = 5, a[1] = 100 WHERE id = 1;
SELECT id, a FROM arr2_t ORDER BY id;
UPDATE arr2_t SET c[2] = 'x', n[2] = 2.25 WHERE id = 1;
SELECT id, c, n FROM arr2_t ORDER BY id;
UPDATE arr2_t SET a[1] = 'x';
UPDATE arr2_t SET id[1] = 1;
UPDATE arr2_t SET a[1] = 1, a = '{}';
UPDATE arr2_t SET a[1:2] = 3;
UPDATE arr2_t SET a[0] = 0 WHERE id = 2 RETURNING id, a;

-- ARRAY(subquery)
SELECT ARRAY(SELECT generate_series(1,3)) AS gs;
SELECT ARRAY(SELECT 'a'::text WHERE false) AS empty;
SELECT ARRAY(SELECT ARRAY[g, g*2] FROM generate_series(1,3) g) AS md;
SELECT id, ARRAY(SELECT x FROM unnest(a) x WHERE x > id ORDER BY x DESC) AS big
  FROM arr2_t ORDER BY id;
SELECT ARRAY(SELECT x FROM (VALUES (NULL::int), (1)) v(x)) AS with_null;
SELECT ARRAY(SELECT 1, 2);
SELECT id FROM arr2_t WHERE 2 = ANY (ARRAY(SELECT g FROM generate_series(1, id) g)) ORDER BY id;

DROP TABLE arr2_t;
