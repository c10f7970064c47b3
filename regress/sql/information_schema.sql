-- information_schema views over user tables, views and constraints
CREATE SCHEMA isch;
CREATE TABLE isch.users (
    id serial,
    name varchar(40) NOT NULL,
    email text,
    qty int DEFAULT 0,
    score numeric(8,2),
    ratio float8,
    small int2,
    big bigint,
    flag boolean,
    born date,
    seen timestamptz(3),
    at time,
    span interval,
    code char(5),
    tags text[],
    doc jsonb
);
CREATE TABLE isch.orders (
    id int PRIMARY KEY,
    user_id int NOT NULL,
    code text,
    line int,
    UNIQUE (code, line)
);
CREATE SEQUENCE isch.ticket START 100 INCREMENT BY 10 MAXVALUE 100000 CYCLE;
CREATE SEQUENCE isch.small AS smallint;
CREATE VIEW isch.user_names AS SELECT id, name FROM isch.users;
CREATE VIEW isch.user_count AS SELECT count(*) AS n FROM isch.users;

SELECT table_schema, table_name, table_type, is_insertable_into, is_typed, commit_action
FROM information_schema.tables WHERE table_schema = 'isch' ORDER BY table_name;

SELECT column_name, ordinal_position, column_default, is_nullable, data_type,
       character_maximum_length, character_octet_length, numeric_precision,
       numeric_precision_radix, numeric_scale, datetime_precision, interval_type,
       udt_schema, udt_name, is_identity, is_generated, is_updatable, dtd_identifier
FROM information_schema.columns
WHERE table_schema = 'isch' AND table_name = 'users'
ORDER BY ordinal_position;

SELECT table_name, column_name, data_type, is_updatable
FROM information_schema.columns
WHERE table_schema = 'isch' AND table_name <> 'users'
ORDER BY table_name, ordinal_position;

SELECT table_name, check_option, is_updatable, is_insertable_into,
       is_trigger_updatable, is_trigger_deletable, is_trigger_insertable_into
FROM information_schema.views WHERE table_schema = 'isch' ORDER BY table_name;

SELECT schema_name, schema_owner, default_character_set_name, sql_path
FROM information_schema.schemata WHERE schema_name IN ('isch', 'public', 'pg_catalog')
ORDER BY schema_name;

SELECT constraint_schema, table_name, constraint_type, is_deferrable,
       initially_deferred, enforced, nulls_distinct
FROM information_schema.table_constraints
WHERE table_schema = 'isch' AND constraint_type <> 'CHECK'
ORDER BY table_name, constraint_type;
SELECT table_name, count(*) AS not_null_checks
FROM information_schema.table_constraints
WHERE table_schema = 'isch' AND constraint_type = 'CHECK' GROUP BY 1 ORDER BY 1;

SELECT constraint_name, table_name, column_name, ordinal_position,
       position_in_unique_constraint
FROM information_schema.key_column_usage
WHERE table_schema = 'isch' ORDER BY constraint_name, ordinal_position;

SELECT sequence_schema, sequence_name, data_type, numeric_precision,
       numeric_precision_radix, numeric_scale, start_value, minimum_value,
       maximum_value, increment, cycle_option
FROM information_schema.sequences WHERE sequence_schema = 'isch' ORDER BY sequence_name;

SELECT * FROM information_schema.referential_constraints;
SELECT table_schema, table_name, column_name, constraint_schema, constraint_name
FROM information_schema.constraint_column_usage WHERE table_schema = 'isch' ORDER BY 5, 4;
SELECT table_schema, table_name, constraint_schema, constraint_name
FROM information_schema.constraint_table_usage WHERE table_schema = 'isch' ORDER BY 4;
SELECT role_name FROM information_schema.enabled_roles ORDER BY 1;
SELECT grantee, role_name, is_grantable FROM information_schema.applicable_roles ORDER BY 1, 2;

-- functions (none in user schemas: no CREATE FUNCTION yet) and their arguments
SELECT count(*) FROM information_schema.routines WHERE routine_schema = 'public';
SELECT specific_name, routine_name, routine_type, data_type, type_udt_schema, type_udt_name,
       dtd_identifier, routine_body, routine_definition, external_name, external_language,
       is_deterministic, is_null_call, security_type, max_dynamic_result_sets
FROM information_schema.routines
WHERE routine_schema = 'pg_catalog' AND routine_name IN ('lower', 'now', 'abs', 'make_interval', 'array_length', 'concat')
ORDER BY specific_name;
SELECT specific_name, ordinal_position, parameter_mode, parameter_name, data_type, udt_name,
       dtd_identifier, parameter_default
FROM information_schema.parameters
WHERE specific_schema = 'pg_catalog' AND specific_name IN (
    SELECT specific_name FROM information_schema.routines
    WHERE routine_name IN ('make_interval', 'concat', 'array_length', 'lower'))
ORDER BY specific_name, ordinal_position;
SELECT specific_name, ordinal_position, parameter_mode, parameter_name, data_type, udt_name, parameter_default
FROM information_schema.parameters
WHERE specific_schema = 'pg_catalog' AND specific_name IN (
    SELECT specific_name FROM information_schema.routines
    WHERE routine_name IN ('json_each', 'pg_get_keywords', 'make_interval', 'json_populate_record', 'generate_series'))
ORDER BY specific_name, ordinal_position;
SELECT pg_get_function_arg_default('make_interval'::regproc, 7), pg_get_function_arg_default('make_interval'::regproc, 8);
SELECT nameconcatoid('abc', 42), nameconcatoid(repeat('x', 63)::name, 4294967295);

CREATE TABLE isch.checked (a int CHECK (a > 0), b int CHECK (b > 0 AND b < 10 OR b IS NULL),
                           c text CHECK (c <> ''));
SELECT conname, pg_get_constraintdef(oid), pg_get_constraintdef(oid, false)
FROM pg_constraint WHERE conrelid = 'isch.checked'::regclass ORDER BY 1;
SELECT constraint_name, table_name, constraint_type FROM information_schema.table_constraints
WHERE table_name = 'checked' AND constraint_type = 'CHECK' AND constraint_name LIKE 'checked%'
ORDER BY 1;

SELECT check_clause FROM information_schema.check_constraints
WHERE constraint_schema = 'isch' ORDER BY check_clause;

-- an application's typical query
SELECT column_name, data_type FROM information_schema.columns
WHERE table_name = 'users' ORDER BY ordinal_position;

-- foreign keys
CREATE TABLE isch.pk (a int, b int, id int PRIMARY KEY, UNIQUE (b, a));
CREATE TABLE isch.fk (x int REFERENCES isch.pk, y int, z int, FOREIGN KEY (z, y) REFERENCES isch.pk (b, a) ON DELETE CASCADE);
SELECT constraint_name, table_name, column_name, ordinal_position, position_in_unique_constraint
FROM information_schema.key_column_usage WHERE table_name IN ('pk', 'fk') ORDER BY 1, 4;
SELECT constraint_name, unique_constraint_name, match_option, update_rule, delete_rule
FROM information_schema.referential_constraints WHERE constraint_schema = 'isch' ORDER BY 1;
SELECT table_name, column_name, constraint_name FROM information_schema.constraint_column_usage
WHERE table_name IN ('pk', 'fk') ORDER BY 3, 2;
SELECT table_name, constraint_name FROM information_schema.constraint_table_usage
WHERE table_name IN ('pk', 'fk') ORDER BY 2;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints
WHERE table_name = 'fk' AND constraint_type <> 'CHECK' ORDER BY 1;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'isch.fk'::regclass ORDER BY 1;
DROP TABLE isch.fk, isch.pk;
DROP TABLE isch.orders;
DROP SCHEMA isch CASCADE;
