create table tr1 (id serial, v text);
insert into tr1 (v) values ('a'), ('b'), ('c');
select count(*) from tr1;
truncate tr1;
select count(*) from tr1;
insert into tr1 (v) values ('d');
select * from tr1;
-- rollback keeps the rows
begin;
truncate table tr1;
select count(*) from tr1;
rollback;
select * from tr1;
-- committed in a transaction, with more rows afterwards
begin;
truncate tr1;
insert into tr1 (v) values ('e');
commit;
select * from tr1;
-- RESTART IDENTITY, transactional
truncate tr1 restart identity;
insert into tr1 (v) values ('f');
select * from tr1;
insert into tr1 (v) values ('g');
begin;
truncate tr1 restart identity;
rollback;
insert into tr1 (v) values ('h');
select * from tr1 order by id;
-- several tables, CONTINUE IDENTITY
create table tr2 (a int);
insert into tr2 select g from generate_series(1, 1000) g;
truncate tr1, tr2 continue identity;
select (select count(*) from tr1) as n1, (select count(*) from tr2) as n2;
insert into tr1 (v) values ('i');
select * from tr1;
insert into tr2 values (1);
select * from tr2;
-- errors
truncate nosuch;
truncate tr1, nosuch;
create view trv as select * from tr2;
truncate trv;
create sequence trs;
truncate trs;
truncate pg_class;
drop view trv;
drop sequence trs;
drop table tr1, tr2;
