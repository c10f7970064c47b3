--
-- bytea: hex and escape input/output, functions and operators.
--
SELECT '\xdeadbeef'::bytea, '\x'::bytea, 'abc'::bytea, 'a\\b'::bytea, '\000\001'::bytea;
SET bytea_output = 'escape';
SELECT '\xdeadbeef'::bytea, 'abc'::bytea, '\x00410a'::bytea;
RESET bytea_output;
SELECT length('\xdeadbeef'::bytea), octet_length('abc'::bytea), '\x01'::bytea || '\x02'::bytea;
SELECT decode('68656c6c6f', 'hex'), decode('aGVsbG8=', 'base64'), convert_to('héllo', 'UTF8'), convert_from('\x68c3a96c6c6f', 'UTF8');
SELECT '\xzz'::bytea;
SELECT '\x123'::bytea;
SELECT decode('zz', 'hex');
CREATE TABLE by_t (id int4, b bytea);
INSERT INTO by_t VALUES (1, '\x00'), (2, '\xff00'), (3, ''), (4, NULL), (5, 'text bytes'), (6, '\x0001');
SELECT * FROM by_t ORDER BY id;
SELECT id, b FROM by_t ORDER BY b, id;
SELECT id, length(b), encode(b, 'hex'), md5(b) FROM by_t ORDER BY id;
SELECT id FROM by_t WHERE b = '\x0001' ORDER BY id;
DROP TABLE by_t;
