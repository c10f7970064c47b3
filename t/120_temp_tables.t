# 120_temp_tables.t — temporary tables across sessions: a temp table of
# session A is invisible to session B (unqualified name), same-named temp
# tables of A and B are independent, and A's temp table is gone from
# pg_class after A disconnects; B reaching A's table by pg_temp_N is refused
# (0A000, as PostgreSQL); A's temp view and sequence go with A.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

BasaltTest::set_timeout(60);
my $node = BasaltTest->new->start;

my $a = $node->connect;
my $b = $node->connect;

$a->do('CREATE TEMP TABLE tt (v text)');
$a->do("INSERT INTO tt VALUES ('from A')");
is(($a->selectrow_array('SELECT v FROM tt'))[0], 'from A', 'A sees its temp table');
is(($a->selectrow_array("SELECT relpersistence FROM pg_class WHERE relname = 'tt'"))[0],
   't', 'relpersistence is t');
my ($a_nsp) = $a->selectrow_array(
    "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'tt'");
like($a_nsp, qr/^pg_temp_\d+$/, "A's temp table lives in $a_nsp");

# B cannot resolve A's table by its unqualified name
{
    local $b->{RaiseError} = 0;
    my $r = $b->selectrow_array('SELECT v FROM tt');
    ok(!defined $r, 'B does not see A\'s temp table');
    is($b->state, '42P01', 'B gets undefined_table (42P01)');
}
{
    local $b->{RaiseError} = 0;
    my $r = $b->selectrow_array('SELECT v FROM pg_temp.tt');
    ok(!defined $r, 'B\'s pg_temp is not A\'s');
}

# a same-named temp table in B is independent
$b->do('CREATE TEMP TABLE tt (v text)');
$b->do("INSERT INTO tt VALUES ('from B'), ('from B again')");
is(($b->selectrow_array('SELECT count(*) FROM tt'))[0], 2, 'B sees only its own rows');
is(($a->selectrow_array('SELECT count(*) FROM tt'))[0], 1, 'A still sees only its row');
my $b_nsp = $b->selectrow_array(
    "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    . "WHERE c.relname = 'tt' AND n.nspname <> '$a_nsp'") // '';
like($b_nsp, qr/^pg_temp_\d+$/, "B's temp table lives in its own schema $b_nsp");
is(($b->selectrow_array("SELECT count(*) FROM pg_class WHERE relname = 'tt'"))[0], 2,
   'two tables named tt in pg_class');

# a permanent table of the same name is hidden in A, visible qualified
$b->do('CREATE TABLE public.tt (v text)');
$b->do("INSERT INTO public.tt VALUES ('permanent')");
is(($a->selectrow_array('SELECT v FROM public.tt'))[0], 'permanent', 'public.tt is the permanent one');
is(($a->selectrow_array('SELECT v FROM tt'))[0], 'from A', 'unqualified tt is still A\'s temp table');

# B reaching A's temp table by its schema: PostgreSQL's 0A000, for reads and writes
{
    local $b->{RaiseError} = 0;
    local $b->{PrintError} = 0;
    my $r = $b->selectrow_array("SELECT v FROM $a_nsp.tt");
    ok(!defined $r, 'B cannot read A\'s temp table through pg_temp_N');
    is($b->state, '0A000', 'reading another session\'s temp table is 0A000');
    like($b->errstr, qr/cannot access temporary tables of other sessions/, '... with PostgreSQL\'s message');
    ok(!defined $b->do("INSERT INTO $a_nsp.tt VALUES ('from B')"), 'B cannot insert into it');
    is($b->state, '0A000', 'inserting into another session\'s temp table is 0A000');
    ok(!defined $b->do("TRUNCATE $a_nsp.tt"), 'B cannot truncate it');
    like($b->errstr, qr/cannot truncate temporary tables of other sessions/, '... with PostgreSQL\'s message');
}
is(($a->selectrow_array('SELECT count(*) FROM tt'))[0], 1, 'A\'s temp table is unchanged');

# a view on a temp table is temporary, and goes with the session too
$a->do('SET client_min_messages = warning');
$a->do('CREATE VIEW tv AS SELECT v FROM tt');
is(($a->selectrow_array("SELECT relpersistence FROM pg_class WHERE relname = 'tv'"))[0],
   't', 'a view on a temp table is temporary');
$a->do('CREATE TEMP SEQUENCE ts');
is(($a->selectrow_array("SELECT nextval('ts')"))[0], 1, 'temp sequence works');

# A disconnects: its temp table goes
$a->disconnect;
ok($node->poll_query_until(
       "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
       . "WHERE c.relname = 'tt' AND n.nspname = '$a_nsp'", '0', 10),
   "A's temp table is gone from pg_class after A disconnects");
is(($b->selectrow_array("SELECT count(*) FROM pg_class WHERE relname IN ('tv', 'ts')"))[0], 0,
   "A's temp view and temp sequence went with it");
is(($b->selectrow_array('SELECT count(*) FROM tt'))[0], 2, 'B\'s temp table is untouched');

# B's temp table goes too on disconnect; the permanent one stays
$b->disconnect;
ok($node->poll_query_until(
       "SELECT count(*) FROM pg_class WHERE relname = 'tt' AND relpersistence = 't'", '0', 10),
   'no temp table tt left after both sessions ended');
is($node->safe_psql('SELECT v FROM tt'), 'permanent', 'the permanent table remains');

$node->stop;
done_testing();
