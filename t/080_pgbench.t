# 080_pgbench.t — pgbench with prepared statements (extended protocol, named
# statements) and 2 concurrent clients: every transaction succeeds and every
# UPDATE it made is in the table afterwards.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;

$node->safe_psql('CREATE TABLE bench_kv (k int4 NOT NULL, v int8 NOT NULL, note text)');
$node->safe_psql(q{INSERT INTO bench_kv VALUES (1, 0, 'k1')});
$node->safe_psql(qq{INSERT INTO bench_kv SELECT k + $_, 0, 'k' || (k + $_) FROM bench_kv})
    for map { 2**$_ } 0 .. 9;                         # 1024 rows, k = 1..1024
is($node->safe_psql('SELECT count(*), sum(k) FROM bench_kv'), '1024|524800', 'table loaded');

my $script = $node->root . '/bench.sql';
open(my $fh, '>', $script) or die "$script: $!";
print $fh <<'SQL';
\set k random(1, 1000)
SELECT v, note FROM bench_kv WHERE k = :k;
UPDATE bench_kv SET v = v + 1 WHERE k = :k;
SELECT count(*) FROM bench_kv WHERE k = :k;
SQL
close $fh;
chmod 0644, $script;

my ($clients, $tx) = (2, 50);
my ($out, $err, $rc) = BasaltTest::run_cmd(
    ["$BasaltTest::PGBIN/pgbench", '-n', '-M', 'prepared', '-c', $clients, '-t', $tx,
     '-h', '127.0.0.1', '-p', $node->port, '-U', 'postgres', '-f', $script, 'postgres'],
    timeout => 120);
is($rc, 0, 'pgbench exits 0') or diag("stdout:\n$out\nstderr:\n$err");
my $total = $clients * $tx;
like($out, qr{number of transactions actually processed: $total/$total}, "all $total transactions processed");
like($out, qr{number of failed transactions: 0 }, 'no failed transactions');
like($out, qr{query mode: prepared}, 'prepared query mode');
unlike($err, qr/error|ERROR|FATAL/, 'no errors on stderr') or diag($err);

is($node->safe_psql('SELECT sum(v) FROM bench_kv'), $total, "the $total updates are all in the table");
is($node->safe_psql('SELECT count(*) FROM bench_kv WHERE k > 1000 AND v <> 0'), '0', 'keys outside 1..1000 untouched');
is($node->safe_psql('SELECT count(*) FROM bench_kv'), '1024', 'no rows added or lost');

# simple protocol as well, with a transaction block per script run
open($fh, '>', $script) or die "$script: $!";
print $fh <<'SQL';
\set k random(1, 1000)
BEGIN;
UPDATE bench_kv SET v = v + 1 WHERE k = :k;
SELECT v FROM bench_kv WHERE k = :k;
COMMIT;
SQL
close $fh;
($out, $err, $rc) = BasaltTest::run_cmd(
    ["$BasaltTest::PGBIN/pgbench", '-n', '-M', 'simple', '-c', $clients, '-t', $tx,
     '-h', '127.0.0.1', '-p', $node->port, '-U', 'postgres', '-f', $script, 'postgres'],
    timeout => 120);
is($rc, 0, 'pgbench -M simple exits 0') or diag("stdout:\n$out\nstderr:\n$err");
like($out, qr{number of failed transactions: 0 }, 'no failed transactions (simple)');
is($node->safe_psql('SELECT sum(v) FROM bench_kv'), 2 * $total, 'all updates of both runs are in the table');

$node->safe_psql('DROP TABLE bench_kv');
ok($node->stop, 'clean shutdown');
done_testing();
