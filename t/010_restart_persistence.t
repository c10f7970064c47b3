# 010_restart_persistence.t — committed data (and the absence of rolled-back
# data) survives a clean shutdown (SIGTERM) and restart, twice.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;

$node->safe_psql(q{CREATE TABLE persist (id int4 NOT NULL, name text, amount numeric(10,2), f float8)});
$node->safe_psql(q{INSERT INTO persist VALUES (1, 'one', 1.10, 0.1), (2, 'two', 2.20, -0.5), (3, NULL, NULL, NULL)});
$node->safe_psql(q{INSERT INTO persist SELECT id + 3, name || '-copy', amount * 10, f FROM persist});
$node->safe_psql(q{BEGIN; INSERT INTO persist VALUES (100, 'rolled back', 0, 0); ROLLBACK;});
$node->safe_psql(q{UPDATE persist SET name = 'uno' WHERE id = 1});
$node->safe_psql(q{DELETE FROM persist WHERE id = 2});
$node->safe_psql(q{CREATE TABLE dropped_before_restart (x int); DROP TABLE dropped_before_restart;});

my $query = q{SELECT id, name, amount, f FROM persist ORDER BY id};
my $before = $node->safe_psql($query);
is($before, join("\n",
    '1|uno|1.10|0.1',
    '3|||',
    '4|one-copy|11.00|0.1',
    '5|two-copy|22.00|-0.5',
    '6|||'), 'contents before restart');

ok($node->stop, 'clean shutdown');
$node->start;
is($node->safe_psql($query), $before, 'same contents after first restart');
is($node->safe_psql(q{SELECT count(*) FROM persist WHERE id = 100}), '0', 'rolled-back row still absent');
is($node->safe_psql(q{SELECT relname FROM pg_class WHERE relname = 'dropped_before_restart'}), '',
   'dropped table still absent');

# changes made after the restart persist too
$node->safe_psql(q{INSERT INTO persist VALUES (7, 'after restart', 7.77, 7.5)});
$node->safe_psql(q{CREATE TABLE persist2 (k int8, v text)});
$node->safe_psql(q{INSERT INTO persist2 VALUES (9000000000, 'big key')});
$node->restart;
is($node->safe_psql(q{SELECT count(*), sum(id) FROM persist}), '6|26', 'six rows after second restart');
is($node->safe_psql(q{SELECT name, amount FROM persist WHERE id = 7}), 'after restart|7.77',
   'row inserted after the first restart');
is($node->safe_psql(q{SELECT k, v FROM persist2}), '9000000000|big key', 'table created after the first restart');

# the catalog survived: a column type is still enforced
my ($out, $err, $rc) = $node->psql(q{INSERT INTO persist (id, amount) VALUES (8, 123456789)});
isnt($rc, 0, 'numeric(10,2) typmod still enforced after restart');
like($err, qr/numeric field overflow/, '... with the numeric overflow error');
($out, $err, $rc) = $node->psql(q{INSERT INTO persist (name) VALUES ('no id')});
like($err, qr/violates not-null constraint/, 'NOT NULL still enforced after restart');

$node->safe_psql(q{DROP TABLE persist; DROP TABLE persist2});
$node->restart;
is($node->safe_psql(q{SELECT count(*) FROM pg_class WHERE relname = 'persist' OR relname = 'persist2'}), '0',
   'dropped tables stay dropped after restart');

ok($node->stop, 'final clean shutdown');
done_testing();
