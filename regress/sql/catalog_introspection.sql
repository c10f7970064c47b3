-- the catalog queries ORMs (Rails, SQLAlchemy, Django) send to introspect a table
CREATE TABLE items (id bigserial PRIMARY KEY, name varchar(50) NOT NULL, sku text UNIQUE, qty int DEFAULT 0, price numeric(10,2));
CREATE INDEX items_name_idx ON items (name);
CREATE UNIQUE INDEX items_name_sku ON items (name, sku DESC);
-- Rails: indexes
SELECT distinct i.relname, d.indisunique, d.indkey, pg_get_indexdef(d.indexrelid), t.oid = 'items'::regclass AS same
FROM pg_class t
INNER JOIN pg_index d ON t.oid = d.indrelid
INNER JOIN pg_class i ON d.indexrelid = i.oid
LEFT JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE i.relkind IN ('i', 'I') AND d.indisprimary = 'f' AND t.relname = 'items' AND n.nspname = ANY (current_schemas(false))
ORDER BY i.relname;
-- Rails: primary key
SELECT a.attname FROM (SELECT indrelid, indkey, generate_subscripts(indkey, 1) idx FROM pg_index WHERE indrelid = 'items'::regclass AND indisprimary) i
JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[i.idx] ORDER BY i.idx;
-- Rails: columns
SELECT a.attname, format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.atttypid, a.atttypmod, c.collname, attidentity AS identity, attgenerated as attgenerated
FROM pg_attribute a LEFT JOIN pg_attrdef d ON a.attrelid = d.adrelid AND a.attnum = d.adnum
LEFT JOIN pg_type t ON a.atttypid = t.oid
LEFT JOIN pg_collation c ON a.attcollation = c.oid AND a.attcollation <> t.typcollation
WHERE a.attrelid = '"items"'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
-- SQLAlchemy-ish: constraints
SELECT conname, contype, pg_get_constraintdef(oid, true), conkey FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype IN ('p','u') ORDER BY conname;
SELECT i.relname, pg_get_indexdef(i.oid, 1, true), pg_get_indexdef(i.oid, 2, true), x.indnatts, x.indnkeyatts, x.indoption
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = 'items'::regclass ORDER BY 1;
SELECT pg_get_serial_sequence('items', 'id');
SELECT table_name, column_name, column_default, is_nullable, data_type, character_maximum_length FROM information_schema.columns WHERE table_name = 'items' ORDER BY ordinal_position;
SELECT tc.constraint_type, kcu.column_name FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema WHERE tc.table_name = 'items' ORDER BY 1, 2;
DROP TABLE items;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SET search_path = nosuch, public;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SET search_path = pg_catalog, public;
SELECT current_schema(), current_schemas(false), current_schemas(true);
SET search_path = nosuch;
SELECT current_schema(), current_schemas(false);
RESET search_path;
CREATE TEMP TABLE tt (a int);
SELECT current_schemas(true) = ARRAY['pg_catalog', 'public']::name[] AS temp_first_differs;
SELECT array_length(current_schemas(true), 1);
