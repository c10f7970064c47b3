--
-- text, varchar(n), char(n): concatenation, length, padding, comparison, 22001.
--
SELECT 'hello' || ' ' || 'world';
SELECT 'a' || 1, 2 || 'b', 'x' || 1.5 || true;
SELECT 'it''s', '', length(''), length('abc'), length('héllo');
SELECT 'abc' = 'abc', 'abc' < 'abd', 'abc' < 'ab', 'B' < 'a', 'abc' <> 'ABC';
SELECT 'abc'::varchar(5), 'abc'::char(5), length('abc'::char(5)), length('abc  '::varchar(5));
-- char(n) pads on output, ignores trailing spaces in length and comparison
SELECT 'ab'::char(4) || '|', ('ab'::char(4))::text || '|', 'ab  '::text || '|';
SELECT 'ab'::char(4) = 'ab  '::char(4), 'ab'::char(2) = 'ab'::char(6);
-- explicit casts truncate silently
SELECT 'abcdefgh'::varchar(3), 'abcdefgh'::char(3);
SELECT 123::text, 45.60::text, true::text, NULL::text IS NULL;
SELECT '12'::text::int4 + 1, '1.5'::varchar::numeric * 2;
CREATE TABLE txt_t (id int4, t text, v varchar(5), c char(5));
INSERT INTO txt_t VALUES
    (1, 'apple', 'apple', 'apple'),
    (2, 'kiwi', 'kiwi', 'kiwi'),
    (3, 'a', 'a', 'a'),
    (4, '', '', ''),
    (5, NULL, NULL, NULL),
    (6, 'with space ', 'sp  ', 'sp  '),
    (7, 'Zebra', 'Zebra', 'Zebra');
SELECT * FROM txt_t ORDER BY id;
SELECT id, length(t), length(v), length(c) FROM txt_t ORDER BY id;
SELECT id, '[' || t || ']', '[' || v || ']', '[' || c || ']' FROM txt_t ORDER BY id;
SELECT id, t FROM txt_t ORDER BY t, id;
SELECT id, c FROM txt_t ORDER BY c DESC, id;
SELECT id FROM txt_t WHERE c = 'kiwi' ORDER BY id;
SELECT id FROM txt_t WHERE v = 'sp' ORDER BY id;
SELECT id FROM txt_t WHERE t > 'b' ORDER BY id;
SELECT min(t), max(t), min(c), max(v) FROM txt_t;
SELECT count(t), count(*) FROM txt_t WHERE t <> '';
-- trailing spaces beyond n are trimmed when storing into varchar(n) and char(n)
INSERT INTO txt_t VALUES (8, 'x', 'abcde   ', 'fghij   ');
SELECT id, v, c, length(v) FROM txt_t WHERE id = 8;
-- a long text value
INSERT INTO txt_t (id, t) VALUES (9, 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789');
SELECT length(t), t || '!' FROM txt_t WHERE id = 9;
UPDATE txt_t SET t = t || t WHERE id = 9;
SELECT length(t) FROM txt_t WHERE id = 9;
UPDATE txt_t SET v = 'abc' || 'de' WHERE id = 1;
SELECT v FROM txt_t WHERE id = 1;
-- errors: value too long (22001), nothing stored
INSERT INTO txt_t (id, v) VALUES (10, 'abcdef');
INSERT INTO txt_t (id, c) VALUES (11, 'abcdef');
UPDATE txt_t SET v = v || 'more' WHERE id = 2;
UPDATE txt_t SET c = 'sixsix' WHERE id = 1;
SELECT count(*) FROM txt_t;
SELECT v FROM txt_t WHERE id = 2;
SELECT 'abc' + 1;
DROP TABLE txt_t;
