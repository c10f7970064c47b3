-- Data-modifying statements in WITH: run exactly once (referenced or
-- not), RETURNING rows read by the main query, whose snapshot does not
-- see their changes; PostgreSQL's errors.
create table wm_t (id int, v text);
insert into wm_t values (1, 'a'), (2, 'b');
with ins as (insert into wm_t values (3, 'c'), (4, 'd') returning *) select * from ins order by id;
select * from wm_t order by id;
with ins as (insert into wm_t values (5, 'e') returning id) select count(*) from wm_t;
with del as (delete from wm_t where id >= 4 returning id, v) select * from del order by id;
with upd as (update wm_t set v = upper(v) where id < 3 returning id, v) select u.id, u.v, m.v as old from upd u join wm_t m on m.id = u.id order by 1;
select * from wm_t order by id;
with x as (insert into wm_t values (10, 'x')) select 1;
select * from wm_t order by id;
with x as (insert into wm_t values (11, 'y') returning id) insert into wm_t select id + 100, 'z' from x;
select * from wm_t order by id;
with x as (delete from wm_t where id > 50 returning *) select a.id, b.id from x a, x b order by 1, 2;
with x as (insert into wm_t values (20, 't')) select * from x;
select * from (with x as (insert into wm_t values (21, 'u') returning id) select * from x) s;
with x as (update wm_t set v = 'q' where id = 1 returning *) update wm_t set v = 'w' where id = 2;
select * from wm_t order by id;
with x as (insert into wm_t values (30, 'k') returning id), y as (select id * 2 as d from x) select * from y;
with x as (delete from wm_t where id = 30 returning *) select * from wm_t where id = 30;
select * from wm_t order by id;
prepare wm_p(int) as with x as (insert into wm_t values ($1, 'p') returning id) select id + 1000 as r from x;
execute wm_p(40);
execute wm_p(41);
deallocate wm_p;
begin;
with x as (delete from wm_t returning 1) select count(*) from x;
rollback;
select count(*) from wm_t;
with x as (insert into wm_t values (50, 'n') returning id) select * from x where id in (select id from wm_t);
with x as (select 1), y as (update wm_t set v = 'r' where id = 50 returning id) select * from y;
select (with x as (insert into wm_t values (1, 'a') returning id) select id from x);
select * from wm_t where id in (with x as (delete from wm_t returning id) select id from x);
with x as (insert into wm_t values (60, 'z')) select * from wm_t where id = 60;
select * from wm_t order by id;
drop table wm_t;
