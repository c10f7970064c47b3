--
-- Pattern matching: LIKE, ILIKE, SIMILAR TO, POSIX regular expressions
-- and the regexp_* functions.
--
SELECT 'hello' LIKE 'h%', 'hello' LIKE 'H%', 'hello' LIKE '_ello', 'hello' LIKE 'hell', 'hello' NOT LIKE '%z%';
SELECT 'hello' ILIKE 'H%LO', 'HeLLo' NOT ILIKE 'hello', 'abc' ~~ 'a%', 'abc' !~~ 'a%', 'ABC' ~~* 'a%';
SELECT '50%' LIKE '50\%', '50x' LIKE '50\%', 'a_b' LIKE 'a\_b', 'axb' LIKE 'a\_b';
SELECT '50%' LIKE '50#%' ESCAPE '#', 'a%b' LIKE '%!%%' ESCAPE '!';
SELECT '' LIKE '', '' LIKE '%', 'x' LIKE '', NULL LIKE 'a', 'a' LIKE NULL;
SELECT 'line1
line2' LIKE 'line1%line2';
SELECT 'abc' SIMILAR TO 'abc', 'abc' SIMILAR TO 'a', 'abc' SIMILAR TO '%(b|d)%', 'abc' SIMILAR TO '(a|b)*c';
SELECT 'aaa' SIMILAR TO 'a{2,3}', 'abd' NOT SIMILAR TO 'a[bc]d', '123' SIMILAR TO '[0-9]+';
SELECT 'foobar' ~ 'o+b', 'foobar' ~ '^o', 'FOOBAR' ~* 'foo', 'foobar' !~ 'z', 'FOO' !~* 'foo';
SELECT 'abc123' ~ '\d+$', 'abc' ~ '^[a-c]{3}$', 'a.c' ~ 'a\.c', 'abc' ~ 'a\.c';
SELECT 'the cat sat' ~ '\mcat\M', 'concatenate' ~ '\mcat\M';
SELECT regexp_replace('hello world', 'o', '0'), regexp_replace('hello world', 'o', '0', 'g');
SELECT regexp_replace('Hello World', '(\w+) (\w+)', '\2 \1'), regexp_replace('aaa', 'a', 'b', 'gi');
SELECT regexp_replace('ABC abc', 'b', 'x', 'gi'), regexp_replace('abc', 'x', 'y'), regexp_replace('a.b.c', '\.', '', 'g');
SELECT regexp_replace('foo  bar   baz', '\s+', ' ', 'g'), regexp_replace('2024-01-15', '(\d+)-(\d+)-(\d+)', '\3/\2/\1');
SELECT regexp_match('foobarbequebaz', 'bar.*que'), regexp_match('foobar', '(f)(o+)'), regexp_match('abc', 'x');
SELECT regexp_matches('a1b22c333', '\d+', 'g');
SELECT regexp_matches('foo bar', '(\w)(\w+)', 'g');
SELECT regexp_split_to_table('a,b,,c', ',');
SELECT regexp_split_to_table('one  two three', '\s+');
SELECT regexp_split_to_array('a1b2c3', '\d'), regexp_split_to_array('hello', '');
SELECT regexp_count('banana', 'a'), regexp_count('banana', 'an'), regexp_count('banana', 'x'), regexp_count('ABA', 'a', 1, 'i');
SELECT regexp_instr('banana', 'an'), regexp_instr('banana', 'an', 3), regexp_like('Hello', 'hel', 'i'), regexp_substr('abc123def', '\d+');
SELECT 'abc' ~ '(';
SELECT regexp_replace('abc', '[', 'x');
SELECT 'abc' ~ 'a{3,2}';
CREATE TABLE lr_t (id int4, s text);
INSERT INTO lr_t VALUES (1, 'apple'), (2, 'Apricot'), (3, 'banana'), (4, 'grape'),
    (5, NULL), (6, 'pineapple'), (7, 'a_b'), (8, '100%');
SELECT id, s FROM lr_t WHERE s LIKE 'a%' ORDER BY id;
SELECT id, s FROM lr_t WHERE s ILIKE 'a%' ORDER BY id;
SELECT id, s FROM lr_t WHERE s LIKE '%apple' ORDER BY id;
SELECT id, s FROM lr_t WHERE s NOT LIKE '%a%' ORDER BY id;
SELECT id, s FROM lr_t WHERE s LIKE '%\_%' ORDER BY id;
SELECT id, s FROM lr_t WHERE s LIKE '%\%' ORDER BY id;
SELECT id, s FROM lr_t WHERE s ~ '^[aeiou]' ORDER BY id;
SELECT id, s FROM lr_t WHERE s ~* '^[aeiou]' ORDER BY id;
SELECT id, s FROM lr_t WHERE s SIMILAR TO '%(an|ap)%' ORDER BY id;
SELECT id, regexp_replace(s, '[aeiou]', '*', 'g'), regexp_count(s, 'p') FROM lr_t ORDER BY id;
DROP TABLE lr_t;
