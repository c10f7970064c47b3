--
-- String functions.
--
SELECT substring('hello world' from 7), substring('hello world' from 1 for 5), substring('hello', 0, 3), substring('hello', 4);
SELECT substr('hello', 2, 3), substr('hello', -1, 3), substr('hello', 10), substring('hello' for 2);
SELECT substr('hello', 2, -1);
SELECT position('lo' in 'hello'), position('z' in 'hello'), strpos('hello', 'l'), position('' in 'abc');
SELECT replace('hello world', 'o', '0'), replace('aaa', 'a', 'bb'), replace('abc', '', 'x'), replace('abc', 'b', '');
SELECT split_part('a,b,c', ',', 2), split_part('a,b,c', ',', 4), split_part('a,b,c', ',', -1), split_part('abc', '', 1);
SELECT split_part('a,b,c', ',', 0);
SELECT '[' || trim('  abc  ') || ']', '[' || ltrim('  abc  ') || ']', '[' || rtrim('  abc  ') || ']';
SELECT trim(both 'x' from 'xxabcxx'), trim(leading 'x' from 'xxabcxx'), trim(trailing 'x' from 'xxabcxx'), btrim('xyaxy', 'xy'), ltrim('zzabc', 'z'), rtrim('abcyy', 'y');
SELECT upper('Hello World'), lower('Hello World'), initcap('hello wORLD foo-bar'), upper('héllo');
SELECT concat('a', 1, NULL, 2.5, true), concat(), concat_ws(',', 'a', NULL, 'b', 3), concat_ws(NULL, 'a', 'b'), concat_ws('-');
SELECT format('Hello %s, you are %s', 'Bob', 42), format('%I and %L', 'my col', 'it''s'), format('%L', NULL), format('%%');
SELECT format('%3$s %1$s %2$s', 'a', 'b', 'c'), format('[%5s][%-5s]', 'ab', 'cd'), format('%s', NULL), format('%I', 'simple');
SELECT format('%s %s', 'a');
SELECT format('%z', 'a');
SELECT left('hello', 2), left('hello', -2), right('hello', 2), right('hello', -2), left('hi', 10);
SELECT repeat('ab', 3), repeat('x', 0), repeat('x', -1), reverse('hello'), reverse('');
SELECT md5('abc'), md5(''), to_hex(255), to_hex(-1), to_hex(0), to_hex(4294967296::int8);
SELECT chr(65), chr(233), ascii('A'), ascii('é'), ascii('');
SELECT chr(0);
SELECT translate('hello', 'el', 'ip'), translate('abc', 'abc', 'x'), overlay('Txxxxas' placing 'hom' from 2 for 4), overlay('abc' placing 'X' from 2);
SELECT starts_with('hello', 'he'), starts_with('hello', 'lo'), 'abc' ^@ 'ab';
SELECT 'abc' || NULL, NULL || 'abc', 'a' || 'b' || 'c';
CREATE TABLE sf_t (id int4, grp int4, s text);
INSERT INTO sf_t VALUES (1, 1, 'alpha'), (2, 1, 'beta'), (3, 2, 'gamma'), (4, 2, NULL),
    (5, 2, 'delta'), (6, 3, 'epsilon');
SELECT id, upper(s), length(s), left(s, 3), lpad(s, 8, '.'), initcap(s), reverse(s) FROM sf_t ORDER BY id;
SELECT string_agg(s, '') FROM sf_t WHERE id < 3;
SELECT string_agg(s, ',') FROM sf_t WHERE id > 100;
SELECT id FROM sf_t WHERE position('a' in s) = 1 ORDER BY id;
SELECT id, split_part(s, 'l', 1), replace(s, 'a', 'A') FROM sf_t ORDER BY id;
SELECT max(length(s)), min(s), max(s) FROM sf_t;
SELECT id, format('%s-%s', id, s) FROM sf_t ORDER BY id;
DROP TABLE sf_t;
