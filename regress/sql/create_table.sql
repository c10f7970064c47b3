--
-- CREATE TABLE / DROP TABLE, and the catalog row a table gets in pg_class.
--
CREATE TABLE ct_basic (a int4, b text);
SELECT relname FROM pg_class WHERE relname = 'ct_basic';
SELECT * FROM ct_basic;
INSERT INTO ct_basic VALUES (1, 'one');
SELECT a, b FROM ct_basic;
DROP TABLE ct_basic;
SELECT relname FROM pg_class WHERE relname = 'ct_basic';
-- the dropped table is gone
SELECT * FROM ct_basic;
-- every supported column type in one table
CREATE TABLE ct_types (
    c_int2 int2,
    c_int4 int4,
    c_int8 int8,
    c_smallint smallint,
    c_integer integer,
    c_bigint bigint,
    c_float4 float4,
    c_float8 float8,
    c_real real,
    c_double double precision,
    c_numeric numeric,
    c_numeric_tm numeric(10,2),
    c_bool bool,
    c_boolean boolean,
    c_text text,
    c_varchar varchar(10),
    c_char char(5)
);
INSERT INTO ct_types VALUES (1, 2, 3, 4, 5, 6, 1.5, 2.5, 3.5, 4.5, 5.5, 6.555, true, false, 'text', 'varchar', 'ch');
SELECT * FROM ct_types;
DROP TABLE ct_types;
-- NOT NULL columns
CREATE TABLE ct_notnull (id int4 NOT NULL, note text);
INSERT INTO ct_notnull VALUES (1, NULL);
SELECT id, note IS NULL AS note_is_null FROM ct_notnull;
DROP TABLE ct_notnull;
-- a table with no rows reports zero rows, not an error
CREATE TABLE ct_empty (x int);
SELECT count(*) FROM ct_empty;
SELECT x FROM ct_empty;
DROP TABLE ct_empty;
-- DROP TABLE IF EXISTS on a missing table is a notice, not an error
DROP TABLE IF EXISTS ct_never_created;
DROP TABLE ct_never_created;
-- DROP TABLE IF EXISTS on an existing table drops it
CREATE TABLE ct_maybe (x int);
DROP TABLE IF EXISTS ct_maybe;
SELECT relname FROM pg_class WHERE relname = 'ct_maybe';
-- quoted identifiers keep their case; unquoted fold to lower case
CREATE TABLE "CT_Mixed" ("Col" int, col int);
INSERT INTO "CT_Mixed" VALUES (1, 2);
SELECT "Col", col FROM "CT_Mixed";
SELECT relname FROM pg_class WHERE relname = 'CT_Mixed';
SELECT * FROM ct_mixed;
DROP TABLE "CT_Mixed";
-- a table can be created again after it was dropped
CREATE TABLE ct_again (v int);
INSERT INTO ct_again VALUES (1);
DROP TABLE ct_again;
CREATE TABLE ct_again (v text);
INSERT INTO ct_again VALUES ('second');
SELECT v FROM ct_again;
DROP TABLE ct_again;
