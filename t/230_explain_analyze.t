# 230_explain_analyze.t — EXPLAIN ANALYZE with timing and costs on, whose
# numbers cannot go into regress: every node line carries
# "(cost=S..T rows=R width=W) (actual time=A..B rows=N loops=L)" with the
# true row counts and loops, the summary lines follow, a node that never ran
# says "(never executed)", DML under EXPLAIN ANALYZE really happens, and the
# plan rows come back through the extended protocol too (Describe gives the
# "QUERY PLAN" column).
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

BasaltTest::set_timeout(60);
my $node = BasaltTest->new->start;
my $dbh = $node->connect;

$dbh->do('CREATE TABLE ea (id int PRIMARY KEY, v int)');
$dbh->do('INSERT INTO ea SELECT g, g % 7 FROM generate_series(1, 500) g');

sub plan_lines { my ($sql) = @_;
                 return map { $_->[0] } @{ $dbh->selectall_arrayref($sql) }; }

my @l = plan_lines('EXPLAIN ANALYZE SELECT * FROM ea WHERE v = 3');
like($l[0], qr/^Seq Scan on ea  \(cost=\d+\.\d\d\.\.\d+\.\d\d rows=\d+ width=\d+\) \(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=72 loops=1\)$/,
     'seq scan line: costs, timing, true row count') or diag $l[0];
is($l[1], '  Filter: (v = 3)', 'filter line');
like($l[-2], qr/^Planning Time: \d+\.\d{3} ms$/, 'planning time');
like($l[-1], qr/^Execution Time: \d+\.\d{3} ms$/, 'execution time');

# loops: the inner index scan of a nested loop runs once per outer row
$dbh->do('CREATE TABLE eb (k int)');
$dbh->do('INSERT INTO eb SELECT g FROM generate_series(1, 40) g');
@l = plan_lines('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) '
                . 'SELECT * FROM eb, LATERAL (SELECT * FROM ea WHERE ea.id = eb.k) x');
my ($inner) = grep { /Index Scan using ea_pkey/ } @l;
like($inner, qr/\(actual rows=1 loops=40\)$/, 'inner index scan: 40 loops of one row');

# a node that never ran
@l = plan_lines('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) '
                . 'SELECT * FROM ea WHERE id = (SELECT 1 WHERE false) LIMIT 0');
ok((grep { /never executed/ } @l) >= 1, 'never executed') or diag explain \@l;

# DML under EXPLAIN ANALYZE happens
plan_lines('EXPLAIN ANALYZE DELETE FROM ea WHERE v = 0');
my ($n) = $dbh->selectrow_array('SELECT count(*) FROM ea WHERE v = 0');
is($n, 0, 'EXPLAIN ANALYZE DELETE deleted the rows');

# extended protocol: prepared EXPLAIN with a column named QUERY PLAN
my $sth = $dbh->prepare('EXPLAIN (COSTS OFF) SELECT * FROM ea WHERE id = 7');
$sth->execute;
is($sth->{NAME}[0], 'QUERY PLAN', 'column name through Describe');
my $rows = $sth->fetchall_arrayref;
is_deeply([map { $_->[0] } @$rows],
          ['Index Scan using ea_pkey on ea', '  Index Cond: (id = 7)'], 'plan rows');

# JSON is refused cleanly and the session goes on
SKIP: {
skip 'PostgreSQL prints JSON', 3 if BasaltTest::use_pg();
ok(!eval { $dbh->do('EXPLAIN (FORMAT JSON) SELECT 1'); 1 }, 'FORMAT JSON refused');
is($dbh->state, '0A000', 'with 0A000');
is($dbh->selectrow_array('SELECT 1'), 1, 'session still works');
}

done_testing();
