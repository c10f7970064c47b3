-- catalog/system_views.sql
--    The system views: information_schema and the pg_catalog views
--    (pg_tables, pg_views, pg_indexes, pg_roles, ...).  Run once, by the bootstrap
--    process of a fresh data directory (catalog/system_views.c), each
--    statement through the ordinary CREATE VIEW path.
--
--    The definitions follow PostgreSQL 15's src/backend/catalog/
--    system_views.sql and information_schema.sql: same view names, column
--    names, column types and, for the objects a user can create in Basalt,
--    the same rows.  Where they differ:
--      * information_schema's domains (sql_identifier, cardinal_number,
--        character_data, yes_or_no, time_stamp) are their base types
--        (name, integer, varchar, varchar(3), timestamptz): PostgreSQL
--        sends a domain's base type in RowDescription, so clients see the
--        same thing;
--      * information_schema's helper functions (_pg_truetypid,
--        _pg_char_max_length, ...) are written out inline;
--      * privilege filters are left out where every session is the
--        superuser (Basalt has one role).
--    Names are schema-qualified: a view's text is analyzed at each use.

CREATE VIEW pg_catalog.pg_tables AS
    SELECT n.nspname AS schemaname,
           c.relname AS tablename,
           pg_catalog.pg_get_userbyid(c.relowner) AS tableowner,
           t.spcname AS tablespace,
           c.relhasindex AS hasindexes,
           c.relhasrules AS hasrules,
           c.relhastriggers AS hastriggers,
           c.relrowsecurity AS rowsecurity
    FROM pg_catalog.pg_class c
         LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = c.reltablespace
    WHERE c.relkind IN ('r', 'p');

CREATE VIEW pg_catalog.pg_views AS
    SELECT n.nspname AS schemaname,
           c.relname AS viewname,
           pg_catalog.pg_get_userbyid(c.relowner) AS viewowner,
           pg_catalog.pg_get_viewdef(c.oid) AS definition
    FROM pg_catalog.pg_class c
         LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'v';

CREATE VIEW pg_catalog.pg_sequences AS
    SELECT n.nspname AS schemaname,
           c.relname AS sequencename,
           pg_catalog.pg_get_userbyid(c.relowner) AS sequenceowner,
           s.seqtypid::pg_catalog.regtype AS data_type,
           s.seqstart AS start_value,
           s.seqmin AS min_value,
           s.seqmax AS max_value,
           s.seqincrement AS increment_by,
           s.seqcycle AS cycle,
           s.seqcache AS cache_size,
           pg_catalog.pg_sequence_last_value(c.oid::pg_catalog.regclass) AS last_value
    FROM pg_catalog.pg_sequence s
         JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
         LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT pg_catalog.pg_is_other_temp_schema(n.oid)
          AND c.relkind = 'S';

CREATE VIEW pg_catalog.pg_indexes AS
    SELECT n.nspname AS schemaname,
           c.relname AS tablename,
           i.relname AS indexname,
           t.spcname AS tablespace,
           pg_catalog.pg_get_indexdef(i.oid) AS indexdef
    FROM pg_catalog.pg_index x
         JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
         JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
         LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = i.reltablespace
    WHERE c.relkind IN ('r', 'm', 'p') AND i.relkind IN ('i', 'I');

-- pg_authid has no passwords here (trust authentication only)
CREATE VIEW pg_catalog.pg_roles AS
    SELECT a.rolname,
           a.rolsuper,
           a.rolinherit,
           a.rolcreaterole,
           a.rolcreatedb,
           a.rolcanlogin,
           a.rolreplication,
           a.rolconnlimit,
           '********'::text AS rolpassword,
           a.rolvaliduntil,
           a.rolbypassrls,
           NULL::text[] AS rolconfig,
           a.oid
    FROM pg_catalog.pg_authid a;

CREATE VIEW pg_catalog.pg_shadow AS
    SELECT a.rolname AS usename,
           a.oid AS usesysid,
           a.rolcreatedb AS usecreatedb,
           a.rolsuper AS usesuper,
           a.rolreplication AS userepl,
           a.rolbypassrls AS usebypassrls,
           a.rolpassword AS passwd,
           a.rolvaliduntil AS valuntil,
           NULL::text[] AS useconfig
    FROM pg_catalog.pg_authid a
    WHERE a.rolcanlogin;

CREATE VIEW pg_catalog.pg_user AS
    SELECT s.usename,
           s.usesysid,
           s.usecreatedb,
           s.usesuper,
           s.userepl,
           s.usebypassrls,
           '********'::text AS passwd,
           s.valuntil,
           s.useconfig
    FROM pg_catalog.pg_shadow s;

-- one row per setting of the settings table (backend/guc_show.c)
CREATE VIEW pg_catalog.pg_settings AS
    SELECT a.name, a.setting, a.unit, a.category, a.short_desc, a.extra_desc,
           a.context, a.vartype, a.source, a.min_val, a.max_val, a.enumvals,
           a.boot_val, a.reset_val, a.sourcefile, a.sourceline, a.pending_restart
    FROM pg_catalog.pg_show_all_settings() a;

-- one row per backend (backend/backend_status.c, procs/pgstatfuncs.c)
CREATE VIEW pg_catalog.pg_stat_activity AS
    SELECT s.datid, d.datname, s.pid, s.leader_pid, s.usesysid, u.rolname AS usename,
           s.application_name, s.client_addr, s.client_hostname, s.client_port,
           s.backend_start, s.xact_start, s.query_start, s.state_change,
           s.wait_event_type, s.wait_event, s.state, s.backend_xid, s.backend_xmin,
           s.query_id, s.query, s.backend_type
    FROM pg_catalog.pg_stat_get_activity(NULL) s
         LEFT JOIN pg_catalog.pg_database d ON s.datid = d.oid
         LEFT JOIN pg_catalog.pg_authid u ON s.usesysid = u.oid;

-- ---------------------------------------------------------------- information_schema

CREATE VIEW information_schema.information_schema_catalog_name AS
    SELECT pg_catalog.current_database()::name AS catalog_name;

CREATE VIEW information_schema.schemata AS
    SELECT pg_catalog.current_database()::name AS catalog_name,
           n.nspname AS schema_name,
           u.rolname AS schema_owner,
           NULL::name AS default_character_set_catalog,
           NULL::name AS default_character_set_schema,
           NULL::name AS default_character_set_name,
           NULL::varchar AS sql_path
    FROM pg_catalog.pg_namespace n, pg_catalog.pg_authid u
    WHERE n.nspowner = u.oid;

CREATE VIEW information_schema.tables AS
    SELECT pg_catalog.current_database()::name AS table_catalog,
           nc.nspname AS table_schema,
           c.relname AS table_name,
           (CASE WHEN nc.oid = pg_catalog.pg_my_temp_schema() THEN 'LOCAL TEMPORARY'
                 WHEN c.relkind IN ('r', 'p') THEN 'BASE TABLE'
                 WHEN c.relkind = 'v' THEN 'VIEW'
                 WHEN c.relkind = 'f' THEN 'FOREIGN'
                 ELSE NULL END)::varchar AS table_type,
           NULL::name AS self_referencing_column_name,
           NULL::varchar AS reference_generation,
           CASE WHEN t.typname IS NOT NULL THEN pg_catalog.current_database() ELSE NULL END::name
               AS user_defined_type_catalog,
           nt.nspname AS user_defined_type_schema,
           t.typname AS user_defined_type_name,
           (CASE WHEN c.relkind IN ('r', 'p') OR
                      (c.relkind IN ('v', 'f') AND
                       (pg_catalog.pg_relation_is_updatable(c.oid, false) & 8) = 8)
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_insertable_into,
           (CASE WHEN t.typname IS NOT NULL THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_typed,
           NULL::varchar AS commit_action
    FROM pg_catalog.pg_namespace nc
         JOIN pg_catalog.pg_class c ON nc.oid = c.relnamespace
         LEFT JOIN pg_catalog.pg_type t ON c.reloftype = t.oid
         LEFT JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
    WHERE c.relkind IN ('r', 'v', 'f', 'p')
          AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid);

-- PostgreSQL's _pg_truetypid/_pg_truetypmod (a domain's base type) are the
-- LATERAL "tt"; its parenthesized joins are written as flat joins and
-- derived tables (same rows: each inner join there is a lookup that always
-- matches).  Its _pg_char_max_length, _pg_numeric_precision, ... are inline.
-- character_octet_length: 4 bytes per character, the maximum of UTF8, the
-- only server encoding.
CREATE VIEW information_schema.columns AS
    SELECT pg_catalog.current_database()::name AS table_catalog,
           nc.nspname AS table_schema,
           c.relname AS table_name,
           a.attname AS column_name,
           a.attnum::integer AS ordinal_position,
           (CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
                 ELSE NULL END)::varchar AS column_default,
           (CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO'
                 ELSE 'YES' END)::varchar(3) AS is_nullable,
           (CASE WHEN t.typtype = 'd' THEN
                     CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY'
                          WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.typbasetype, NULL)
                          ELSE 'USER-DEFINED' END
                 ELSE
                     CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                          WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(a.atttypid, NULL)
                          ELSE 'USER-DEFINED' END
                 END)::varchar AS data_type,
           (CASE WHEN tt.typmod = -1 THEN NULL
                 WHEN tt.typid IN (1042, 1043) THEN tt.typmod - 4
                 WHEN tt.typid IN (1560, 1562) THEN tt.typmod
                 ELSE NULL END)::integer AS character_maximum_length,
           (CASE WHEN tt.typid IN (25, 1042, 1043) THEN
                     CASE WHEN tt.typmod = -1 THEN 1073741824
                          ELSE (tt.typmod - 4) * 4 END
                 ELSE NULL END)::integer AS character_octet_length,
           (CASE tt.typid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64
                 WHEN 1700 THEN CASE WHEN tt.typmod = -1 THEN NULL
                                     ELSE ((tt.typmod - 4) >> 16) & 65535 END
                 WHEN 700 THEN 24 WHEN 701 THEN 53
                 ELSE NULL END)::integer AS numeric_precision,
           (CASE WHEN tt.typid IN (21, 23, 20, 700, 701) THEN 2
                 WHEN tt.typid = 1700 THEN 10
                 ELSE NULL END)::integer AS numeric_precision_radix,
           (CASE WHEN tt.typid IN (21, 23, 20) THEN 0
                 WHEN tt.typid = 1700 THEN CASE WHEN tt.typmod = -1 THEN NULL
                                                ELSE (tt.typmod - 4) & 65535 END
                 ELSE NULL END)::integer AS numeric_scale,
           (CASE WHEN tt.typid = 1082 THEN 0
                 WHEN tt.typid IN (1083, 1114, 1184, 1266) THEN
                     CASE WHEN tt.typmod < 0 THEN 6 ELSE tt.typmod END
                 WHEN tt.typid = 1186 THEN
                     CASE WHEN tt.typmod < 0 OR (tt.typmod & 65535) = 65535 THEN 6
                          ELSE tt.typmod & 65535 END
                 ELSE NULL END)::integer AS datetime_precision,
           (CASE WHEN tt.typid = 1186 THEN
                     pg_catalog.upper(substring(pg_catalog.format_type(tt.typid, tt.typmod)
                                                similar 'interval[()0-9]* #"%#"' escape '#'))
                 ELSE NULL END)::varchar AS interval_type,
           NULL::integer AS interval_precision,
           NULL::name AS character_set_catalog,
           NULL::name AS character_set_schema,
           NULL::name AS character_set_name,
           CASE WHEN co.nspname IS NOT NULL THEN pg_catalog.current_database() ELSE NULL END::name
               AS collation_catalog,
           co.nspname AS collation_schema,
           co.collname AS collation_name,
           CASE WHEN t.typtype = 'd' THEN pg_catalog.current_database() ELSE NULL END::name
               AS domain_catalog,
           CASE WHEN t.typtype = 'd' THEN nt.nspname ELSE NULL END::name AS domain_schema,
           CASE WHEN t.typtype = 'd' THEN t.typname ELSE NULL END::name AS domain_name,
           pg_catalog.current_database()::name AS udt_catalog,
           coalesce(nbt.nspname, nt.nspname) AS udt_schema,
           coalesce(bt.typname, t.typname) AS udt_name,
           NULL::name AS scope_catalog,
           NULL::name AS scope_schema,
           NULL::name AS scope_name,
           NULL::integer AS maximum_cardinality,
           a.attnum::name AS dtd_identifier,
           'NO'::varchar(3) AS is_self_referencing,
           (CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_identity,
           (CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' ELSE NULL END)::varchar
               AS identity_generation,
           seq.seqstart::varchar AS identity_start,
           seq.seqincrement::varchar AS identity_increment,
           seq.seqmax::varchar AS identity_maximum,
           seq.seqmin::varchar AS identity_minimum,
           (CASE WHEN seq.seqcycle THEN 'YES' ELSE 'NO' END)::varchar(3) AS identity_cycle,
           (CASE WHEN a.attgenerated <> '' THEN 'ALWAYS' ELSE 'NEVER' END)::varchar AS is_generated,
           (CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
                 ELSE NULL END)::varchar AS generation_expression,
           (CASE WHEN c.relkind IN ('r', 'p') OR
                      (c.relkind IN ('v', 'f') AND
                       pg_catalog.pg_column_is_updatable(c.oid, a.attnum, false))
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_updatable
    FROM pg_catalog.pg_attribute a
         LEFT JOIN pg_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
         JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
         JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
         JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
         JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
         LEFT JOIN pg_catalog.pg_type bt ON t.typtype = 'd' AND t.typbasetype = bt.oid
         LEFT JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid
         LEFT JOIN (SELECT co.oid, co.collname, nco.nspname
                    FROM pg_catalog.pg_collation co
                         JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
                    WHERE nco.nspname <> 'pg_catalog' OR co.collname <> 'default') co
             ON a.attcollation = co.oid
         LEFT JOIN (SELECT dep.refobjid, dep.refobjsubid, s.seqstart, s.seqincrement,
                           s.seqmax, s.seqmin, s.seqcycle
                    FROM pg_catalog.pg_depend dep
                         JOIN pg_catalog.pg_sequence s ON dep.objid = s.seqrelid
                    WHERE dep.classid = 1259 AND dep.deptype = 'i' AND dep.refclassid = 1259) seq
             ON seq.refobjid = c.oid AND seq.refobjsubid = a.attnum
         CROSS JOIN LATERAL
             (SELECT CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END AS typid,
                     CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS typmod) tt
    WHERE NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
          AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relkind IN ('r', 'v', 'f', 'p');

CREATE VIEW information_schema.views AS
    SELECT pg_catalog.current_database()::name AS table_catalog,
           nc.nspname AS table_schema,
           c.relname AS table_name,
           pg_catalog.pg_get_viewdef(c.oid)::varchar AS view_definition,
           (CASE WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'
                 WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'
                 ELSE 'NONE' END)::varchar AS check_option,
           (CASE WHEN (pg_catalog.pg_relation_is_updatable(c.oid, false) & 20) = 20
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_updatable,
           (CASE WHEN (pg_catalog.pg_relation_is_updatable(c.oid, false) & 8) = 8
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_insertable_into,
           (CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_trigger
                              WHERE tgrelid = c.oid AND (tgtype::integer & 81) = 81)
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_trigger_updatable,
           (CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_trigger
                              WHERE tgrelid = c.oid AND (tgtype::integer & 73) = 73)
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_trigger_deletable,
           (CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_trigger
                              WHERE tgrelid = c.oid AND (tgtype::integer & 69) = 69)
                 THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_trigger_insertable_into
    FROM pg_catalog.pg_namespace nc, pg_catalog.pg_class c
    WHERE c.relnamespace = nc.oid
          AND c.relkind = 'v'
          AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid);

CREATE VIEW information_schema.sequences AS
    SELECT pg_catalog.current_database()::name AS sequence_catalog,
           nc.nspname AS sequence_schema,
           c.relname AS sequence_name,
           pg_catalog.format_type(s.seqtypid, NULL)::varchar AS data_type,
           (CASE s.seqtypid WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64
                 ELSE NULL END)::integer AS numeric_precision,
           2::integer AS numeric_precision_radix,
           0::integer AS numeric_scale,
           s.seqstart::varchar AS start_value,
           s.seqmin::varchar AS minimum_value,
           s.seqmax::varchar AS maximum_value,
           s.seqincrement::varchar AS increment,
           (CASE WHEN s.seqcycle THEN 'YES' ELSE 'NO' END)::varchar(3) AS cycle_option
    FROM pg_catalog.pg_namespace nc, pg_catalog.pg_class c, pg_catalog.pg_sequence s
    WHERE c.relnamespace = nc.oid
          AND c.relkind = 'S'
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend
                          WHERE classid = 1259 AND objid = c.oid AND deptype = 'i')
          AND NOT pg_catalog.pg_is_other_temp_schema(nc.oid)
          AND c.oid = s.seqrelid;

CREATE VIEW information_schema.table_constraints AS
    SELECT pg_catalog.current_database()::name AS constraint_catalog,
           nc.nspname AS constraint_schema,
           c.conname AS constraint_name,
           pg_catalog.current_database()::name AS table_catalog,
           nr.nspname AS table_schema,
           r.relname AS table_name,
           (CASE c.contype WHEN 'c' THEN 'CHECK'
                           WHEN 'f' THEN 'FOREIGN KEY'
                           WHEN 'p' THEN 'PRIMARY KEY'
                           WHEN 'u' THEN 'UNIQUE'
                           ELSE NULL END)::varchar AS constraint_type,
           (CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_deferrable,
           (CASE WHEN c.condeferred THEN 'YES' ELSE 'NO' END)::varchar(3) AS initially_deferred,
           'YES'::varchar(3) AS enforced,
           (CASE WHEN c.contype = 'u' THEN
                     CASE WHEN (SELECT NOT x.indnullsnotdistinct FROM pg_catalog.pg_index x
                                WHERE x.indexrelid = c.conindid) THEN 'YES' ELSE 'NO' END
                 ELSE NULL END)::varchar(3) AS nulls_distinct
    FROM pg_catalog.pg_namespace nc, pg_catalog.pg_namespace nr,
         pg_catalog.pg_constraint c, pg_catalog.pg_class r
    WHERE nc.oid = c.connamespace AND nr.oid = r.relnamespace
          AND c.conrelid = r.oid
          AND c.contype NOT IN ('t', 'x')
          AND r.relkind IN ('r', 'p')
          AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
    UNION ALL
    -- not-null constraints
    SELECT pg_catalog.current_database()::name AS constraint_catalog,
           nr.nspname AS constraint_schema,
           (nr.oid::text || '_' || r.oid::text || '_' || a.attnum::text || '_not_null')::name
               AS constraint_name,
           pg_catalog.current_database()::name AS table_catalog,
           nr.nspname AS table_schema,
           r.relname AS table_name,
           'CHECK'::varchar AS constraint_type,
           'NO'::varchar(3) AS is_deferrable,
           'NO'::varchar(3) AS initially_deferred,
           'YES'::varchar(3) AS enforced,
           NULL::varchar(3) AS nulls_distinct
    FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_attribute a
    WHERE nr.oid = r.relnamespace AND r.oid = a.attrelid
          AND a.attnotnull AND a.attnum > 0 AND NOT a.attisdropped
          AND r.relkind IN ('r', 'p')
          AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid);

-- PostgreSQL's _pg_expandarray(conkey) is the LATERAL generate_series "k";
-- its _pg_index_position (a FOREIGN KEY column's place in the referenced
-- unique index) is the subquery over indkey.
CREATE VIEW information_schema.key_column_usage AS
    SELECT pg_catalog.current_database()::name AS constraint_catalog,
           nc.nspname AS constraint_schema,
           c.conname AS constraint_name,
           pg_catalog.current_database()::name AS table_catalog,
           nr.nspname AS table_schema,
           r.relname AS table_name,
           a.attname AS column_name,
           k.n::integer AS ordinal_position,
           CASE WHEN c.contype = 'f' THEN
               (SELECT g.s - pg_catalog.array_lower(ix.indkey::pg_catalog.int2[], 1) + 1
                FROM pg_catalog.pg_index ix
                     CROSS JOIN LATERAL pg_catalog.generate_series(
                         pg_catalog.array_lower(ix.indkey::pg_catalog.int2[], 1),
                         pg_catalog.array_upper(ix.indkey::pg_catalog.int2[], 1)) AS g(s)
                WHERE ix.indexrelid = c.conindid AND ix.indkey[g.s] = c.confkey[k.n])
           ELSE NULL END::integer AS position_in_unique_constraint
    FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_namespace nc,
         pg_catalog.pg_constraint c
         CROSS JOIN LATERAL pg_catalog.generate_series(1, pg_catalog.array_length(c.conkey, 1)) AS k(n),
         pg_catalog.pg_attribute a
    WHERE nr.oid = r.relnamespace AND r.oid = c.conrelid AND nc.oid = c.connamespace
          AND c.contype IN ('p', 'u', 'f')
          AND r.relkind IN ('r', 'p')
          AND NOT pg_catalog.pg_is_other_temp_schema(nr.oid)
          AND a.attrelid = r.oid AND a.attnum = c.conkey[k.n] AND NOT a.attisdropped;

CREATE VIEW information_schema.check_constraints AS
    SELECT pg_catalog.current_database()::name AS constraint_catalog,
           rs.nspname AS constraint_schema,
           con.conname AS constraint_name,
           substring(pg_catalog.pg_get_constraintdef(con.oid) from 7)::varchar AS check_clause
    FROM pg_catalog.pg_constraint con
         LEFT JOIN pg_catalog.pg_namespace rs ON rs.oid = con.connamespace
    WHERE con.contype = 'c'
    UNION
    SELECT pg_catalog.current_database()::name AS constraint_catalog,
           n.nspname AS constraint_schema,
           (n.oid::text || '_' || r.oid::text || '_' || a.attnum::text || '_not_null')::name
               AS constraint_name,
           (a.attname::text || ' IS NOT NULL')::varchar AS check_clause
    FROM pg_catalog.pg_namespace n, pg_catalog.pg_class r, pg_catalog.pg_attribute a
    WHERE n.oid = r.relnamespace AND r.oid = a.attrelid
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attnotnull
          AND r.relkind IN ('r', 'p');

-- FOREIGN KEY constraints and the unique constraint each one references:
-- the constraint of the referenced index (conindid; PostgreSQL reaches the
-- same index through pg_depend).
CREATE VIEW information_schema.referential_constraints AS
    SELECT pg_catalog.current_database()::name AS constraint_catalog,
           ncon.nspname AS constraint_schema,
           con.conname AS constraint_name,
           CASE WHEN npkc.nspname IS NULL THEN NULL
                ELSE pg_catalog.current_database() END::name AS unique_constraint_catalog,
           npkc.nspname AS unique_constraint_schema,
           pkc.conname AS unique_constraint_name,
           (CASE con.confmatchtype WHEN 'f' THEN 'FULL'
                                   WHEN 'p' THEN 'PARTIAL'
                                   WHEN 's' THEN 'NONE'
                                   ELSE NULL END)::varchar AS match_option,
           (CASE con.confupdtype WHEN 'c' THEN 'CASCADE'
                                 WHEN 'n' THEN 'SET NULL'
                                 WHEN 'd' THEN 'SET DEFAULT'
                                 WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'a' THEN 'NO ACTION'
                                 ELSE NULL END)::varchar AS update_rule,
           (CASE con.confdeltype WHEN 'c' THEN 'CASCADE'
                                 WHEN 'n' THEN 'SET NULL'
                                 WHEN 'd' THEN 'SET DEFAULT'
                                 WHEN 'r' THEN 'RESTRICT'
                                 WHEN 'a' THEN 'NO ACTION'
                                 ELSE NULL END)::varchar AS delete_rule
    FROM pg_catalog.pg_namespace ncon
         JOIN pg_catalog.pg_constraint con ON ncon.oid = con.connamespace
         JOIN pg_catalog.pg_class c ON con.conrelid = c.oid AND con.contype = 'f'
         LEFT JOIN pg_catalog.pg_constraint pkc
             ON pkc.conindid = con.conindid AND pkc.contype IN ('p', 'u')
                AND pkc.conrelid = con.confrelid
         LEFT JOIN pg_catalog.pg_namespace npkc ON pkc.connamespace = npkc.oid;

-- the columns CHECK (through pg_depend), PRIMARY KEY, UNIQUE and FOREIGN
-- KEY (the referenced side) constraints use
CREATE VIEW information_schema.constraint_column_usage AS
    SELECT pg_catalog.current_database()::name AS table_catalog,
           x.tblschema AS table_schema,
           x.tblname AS table_name,
           x.colname AS column_name,
           pg_catalog.current_database()::name AS constraint_catalog,
           x.cstrschema AS constraint_schema,
           x.cstrname AS constraint_name
    FROM (SELECT DISTINCT nr.nspname, r.relname, r.relowner, a.attname, nc.nspname, c.conname
          FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_attribute a,
               pg_catalog.pg_depend d, pg_catalog.pg_namespace nc, pg_catalog.pg_constraint c
          WHERE nr.oid = r.relnamespace AND r.oid = a.attrelid
                AND d.refclassid = 1259 AND d.refobjid = r.oid AND d.refobjsubid = a.attnum
                AND d.classid = 2606 AND d.objid = c.oid
                AND c.connamespace = nc.oid AND c.contype = 'c'
                AND r.relkind IN ('r', 'p') AND NOT a.attisdropped
          UNION ALL
          SELECT nr.nspname, r.relname, r.relowner, a.attname, nc.nspname, c.conname
          FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_attribute a,
               pg_catalog.pg_namespace nc, pg_catalog.pg_constraint c
          WHERE nr.oid = r.relnamespace AND r.oid = a.attrelid AND nc.oid = c.connamespace
                AND r.oid = CASE c.contype WHEN 'f' THEN c.confrelid ELSE c.conrelid END
                AND a.attnum = ANY (CASE c.contype WHEN 'f' THEN c.confkey ELSE c.conkey END)
                AND NOT a.attisdropped
                AND c.contype IN ('p', 'u', 'f')
                AND r.relkind IN ('r', 'p'))
         AS x (tblschema, tblname, tblowner, colname, cstrschema, cstrname);

CREATE VIEW information_schema.constraint_table_usage AS
    SELECT pg_catalog.current_database()::name AS table_catalog,
           nr.nspname AS table_schema,
           r.relname AS table_name,
           pg_catalog.current_database()::name AS constraint_catalog,
           nc.nspname AS constraint_schema,
           c.conname AS constraint_name
    FROM pg_catalog.pg_constraint c, pg_catalog.pg_namespace nc,
         pg_catalog.pg_class r, pg_catalog.pg_namespace nr
    WHERE c.connamespace = nc.oid AND r.relnamespace = nr.oid
          AND ((c.contype = 'f' AND c.confrelid = r.oid)
               OR (c.contype IN ('p', 'u') AND c.conrelid = r.oid))
          AND r.relkind IN ('r', 'p');

-- every session is the superuser, which has every role
CREATE VIEW information_schema.enabled_roles AS
    SELECT a.rolname AS role_name
    FROM pg_catalog.pg_authid a;

CREATE VIEW information_schema.applicable_roles AS
    SELECT a.rolname AS grantee,
           b.rolname AS role_name,
           (CASE WHEN m.admin_option THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_grantable
    FROM (SELECT member, roleid, admin_option FROM pg_catalog.pg_auth_members
          UNION
          SELECT d.datdba, a.oid, false
          FROM pg_catalog.pg_database d, pg_catalog.pg_authid a
          WHERE d.datname = pg_catalog.current_database() AND a.rolname = 'pg_database_owner') m
         JOIN pg_catalog.pg_authid a ON m.member = a.oid
         JOIN pg_catalog.pg_authid b ON m.roleid = b.oid;

-- Functions and procedures.  Every session is the superuser: no privilege
-- filter, and routine_definition is always shown.
CREATE VIEW information_schema.routines AS
    SELECT pg_catalog.current_database()::name AS specific_catalog,
           n.nspname AS specific_schema,
           pg_catalog.nameconcatoid(p.proname, p.oid) AS specific_name,
           pg_catalog.current_database()::name AS routine_catalog,
           n.nspname AS routine_schema,
           p.proname AS routine_name,
           (CASE p.prokind WHEN 'f' THEN 'FUNCTION' WHEN 'p' THEN 'PROCEDURE'
                           ELSE NULL END)::varchar AS routine_type,
           NULL::name AS module_catalog,
           NULL::name AS module_schema,
           NULL::name AS module_name,
           NULL::name AS udt_catalog,
           NULL::name AS udt_schema,
           NULL::name AS udt_name,
           (CASE WHEN p.prokind = 'p' THEN NULL
                 WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                 WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.oid, NULL)
                 ELSE 'USER-DEFINED' END)::varchar AS data_type,
           NULL::integer AS character_maximum_length,
           NULL::integer AS character_octet_length,
           NULL::name AS character_set_catalog,
           NULL::name AS character_set_schema,
           NULL::name AS character_set_name,
           NULL::name AS collation_catalog,
           NULL::name AS collation_schema,
           NULL::name AS collation_name,
           NULL::integer AS numeric_precision,
           NULL::integer AS numeric_precision_radix,
           NULL::integer AS numeric_scale,
           NULL::integer AS datetime_precision,
           NULL::varchar AS interval_type,
           NULL::integer AS interval_precision,
           CASE WHEN nt.nspname IS NOT NULL THEN pg_catalog.current_database() ELSE NULL END::name
               AS type_udt_catalog,
           nt.nspname AS type_udt_schema,
           t.typname AS type_udt_name,
           NULL::name AS scope_catalog,
           NULL::name AS scope_schema,
           NULL::name AS scope_name,
           NULL::integer AS maximum_cardinality,
           CASE WHEN p.prokind <> 'p' THEN 0 ELSE NULL END::name AS dtd_identifier,
           (CASE WHEN l.lanname = 'sql' THEN 'SQL' ELSE 'EXTERNAL' END)::varchar AS routine_body,
           p.prosrc::varchar AS routine_definition,
           (CASE WHEN l.lanname = 'c' THEN p.prosrc ELSE NULL END)::varchar AS external_name,
           pg_catalog.upper(l.lanname::text)::varchar AS external_language,
           'GENERAL'::varchar AS parameter_style,
           (CASE WHEN p.provolatile = 'i' THEN 'YES' ELSE 'NO' END)::varchar(3) AS is_deterministic,
           'MODIFIES'::varchar AS sql_data_access,
           (CASE WHEN p.prokind <> 'p' THEN
                     CASE WHEN p.proisstrict THEN 'YES' ELSE 'NO' END
                 ELSE NULL END)::varchar(3) AS is_null_call,
           NULL::varchar AS sql_path,
           'YES'::varchar(3) AS schema_level_routine,
           0::integer AS max_dynamic_result_sets,
           NULL::varchar(3) AS is_user_defined_cast,
           NULL::varchar(3) AS is_implicitly_invocable,
           (CASE WHEN p.prosecdef THEN 'DEFINER' ELSE 'INVOKER' END)::varchar AS security_type,
           NULL::name AS to_sql_specific_catalog,
           NULL::name AS to_sql_specific_schema,
           NULL::name AS to_sql_specific_name,
           'NO'::varchar(3) AS as_locator,
           NULL::timestamptz AS created,
           NULL::timestamptz AS last_altered,
           NULL::varchar(3) AS new_savepoint_level,
           'NO'::varchar(3) AS is_udt_dependent,
           NULL::varchar AS result_cast_from_data_type,
           NULL::varchar(3) AS result_cast_as_locator,
           NULL::integer AS result_cast_char_max_length,
           NULL::integer AS result_cast_char_octet_length,
           NULL::name AS result_cast_char_set_catalog,
           NULL::name AS result_cast_char_set_schema,
           NULL::name AS result_cast_char_set_name,
           NULL::name AS result_cast_collation_catalog,
           NULL::name AS result_cast_collation_schema,
           NULL::name AS result_cast_collation_name,
           NULL::integer AS result_cast_numeric_precision,
           NULL::integer AS result_cast_numeric_precision_radix,
           NULL::integer AS result_cast_numeric_scale,
           NULL::integer AS result_cast_datetime_precision,
           NULL::varchar AS result_cast_interval_type,
           NULL::integer AS result_cast_interval_precision,
           NULL::name AS result_cast_type_udt_catalog,
           NULL::name AS result_cast_type_udt_schema,
           NULL::name AS result_cast_type_udt_name,
           NULL::name AS result_cast_scope_catalog,
           NULL::name AS result_cast_scope_schema,
           NULL::name AS result_cast_scope_name,
           NULL::integer AS result_cast_maximum_cardinality,
           NULL::name AS result_cast_dtd_identifier
    FROM pg_catalog.pg_namespace n
         JOIN pg_catalog.pg_proc p ON n.oid = p.pronamespace
         JOIN pg_catalog.pg_language l ON p.prolang = l.oid
         LEFT JOIN pg_catalog.pg_type t ON p.prorettype = t.oid AND p.prokind <> 'p'
         LEFT JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid;

-- One row per argument, output arguments included: PostgreSQL's
-- _pg_expandarray(coalesce(proallargtypes, proargtypes::oid[])) is the
-- LATERAL "g"; n counts from 1 whatever the array's lower bound
-- (oidvector's is 0).
CREATE VIEW information_schema.parameters AS
    SELECT pg_catalog.current_database()::name AS specific_catalog,
           ss.n_nspname AS specific_schema,
           pg_catalog.nameconcatoid(ss.proname, ss.p_oid) AS specific_name,
           ss.n::integer AS ordinal_position,
           (CASE WHEN ss.proargmodes IS NULL THEN 'IN'
                 WHEN ss.proargmodes[ss.n] = 'i' THEN 'IN'
                 WHEN ss.proargmodes[ss.n] = 'o' THEN 'OUT'
                 WHEN ss.proargmodes[ss.n] = 'b' THEN 'INOUT'
                 WHEN ss.proargmodes[ss.n] = 'v' THEN 'IN'
                 WHEN ss.proargmodes[ss.n] = 't' THEN 'OUT'
                 ELSE NULL END)::varchar AS parameter_mode,
           'NO'::varchar(3) AS is_result,
           'NO'::varchar(3) AS as_locator,
           nullif(ss.proargnames[ss.n], '')::name AS parameter_name,
           (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                 WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.oid, NULL)
                 ELSE 'USER-DEFINED' END)::varchar AS data_type,
           NULL::integer AS character_maximum_length,
           NULL::integer AS character_octet_length,
           NULL::name AS character_set_catalog,
           NULL::name AS character_set_schema,
           NULL::name AS character_set_name,
           NULL::name AS collation_catalog,
           NULL::name AS collation_schema,
           NULL::name AS collation_name,
           NULL::integer AS numeric_precision,
           NULL::integer AS numeric_precision_radix,
           NULL::integer AS numeric_scale,
           NULL::integer AS datetime_precision,
           NULL::varchar AS interval_type,
           NULL::integer AS interval_precision,
           pg_catalog.current_database()::name AS udt_catalog,
           nt.nspname AS udt_schema,
           t.typname AS udt_name,
           NULL::name AS scope_catalog,
           NULL::name AS scope_schema,
           NULL::name AS scope_name,
           NULL::integer AS maximum_cardinality,
           ss.n::name AS dtd_identifier,
           pg_catalog.pg_get_function_arg_default(ss.p_oid, ss.n)::varchar AS parameter_default
    FROM (SELECT n.nspname AS n_nspname, p.proname, p.oid AS p_oid, p.proargnames,
                 p.proargmodes,
                 g.s - pg_catalog.array_lower(a.argtypes, 1) + 1 AS n,
                 a.argtypes[g.s] AS argtype
          FROM pg_catalog.pg_namespace n
               JOIN pg_catalog.pg_proc p ON n.oid = p.pronamespace
               CROSS JOIN LATERAL
                   (SELECT coalesce(p.proallargtypes, p.proargtypes::pg_catalog.oid[]) AS argtypes) a
               CROSS JOIN LATERAL pg_catalog.generate_series(
                   pg_catalog.array_lower(a.argtypes, 1),
                   pg_catalog.array_upper(a.argtypes, 1)) AS g(s)) ss
         JOIN pg_catalog.pg_type t ON t.oid = ss.argtype
         JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid;
