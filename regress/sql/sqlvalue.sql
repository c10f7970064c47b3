--
-- SQL value functions (CURRENT_DATE, CURRENT_USER, ...), checked through
-- deterministic expressions
--
SELECT current_date = now()::date AS date_ok,
       current_timestamp = now() AS ts_ok,
       localtimestamp = now()::timestamp AS lts_ok,
       current_time = now()::timetz AS time_ok,
       localtime = now()::time AS ltime_ok;
SELECT current_timestamp(0) = date_trunc('second', now()) OR
       current_timestamp(0) = date_trunc('second', now()) + interval '1 second' AS ts0_ok;
SELECT current_timestamp(2) IS NOT NULL AS a, localtimestamp(3) IS NOT NULL AS b,
       current_time(1) IS NOT NULL AS c, localtime(6) IS NOT NULL AS d;
BEGIN;
SELECT current_timestamp = statement_timestamp() AS first_stmt;
SELECT current_timestamp = transaction_timestamp() AS same_in_txn;
COMMIT;
SELECT current_user, user, session_user, current_role, current_catalog, current_schema;
SELECT current_user = session_user AS same_user, current_schema = 'public' AS in_public;
SELECT length(current_user::text) > 0 AS has_user;
SET search_path = pg_catalog, public;
SELECT current_schema;
SET search_path = nosuchschema, public;
SELECT current_schema;
RESET search_path;
CREATE TABLE sqlv (id int, d date, who name);
INSERT INTO sqlv VALUES (1, current_date, current_user);
SELECT id, d = current_date AS d_ok, who FROM sqlv;
DROP TABLE sqlv;
