# 180_upsert_concurrency.t — INSERT ... ON CONFLICT under concurrency:
# 4 pgbench clients upserting a few keys (each key starts absent, so the
# first inserts race each other) never fail and lose no increment: the
# sum of n equals the number of transactions and there is one row per
# key.  Then the same with DO NOTHING plus a second unique index, two
# sessions racing on one key with an open transaction (the second waits
# for the first and then updates, or inserts if the first rolled back),
# and REPEATABLE READ's 40001 on a conflicting row it cannot see.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use POSIX ();

my $node = BasaltTest->new->start;

sub pgbench {
    my ($script_text, $clients, $tx, $mode) = @_;
    my $script = $node->root . '/upsert.sql';
    open(my $fh, '>', $script) or die "$script: $!";
    print $fh $script_text;
    close $fh;
    chmod 0644, $script;
    return BasaltTest::run_cmd(
        ["$BasaltTest::PGBIN/pgbench", '-n', '-M', $mode // 'simple', '-c', $clients, '-t', $tx,
         '-h', '127.0.0.1', '-p', $node->port, '-U', 'postgres', '-f', $script, 'postgres'],
        timeout => 150);
}

# ---- DO UPDATE: counters ----
$node->safe_psql('CREATE TABLE counters (k int PRIMARY KEY, n int NOT NULL)');
my ($clients, $tx) = (4, 200);
my ($out, $err, $rc) = pgbench(
    "\\set k random(1, 5)\n"
  . "INSERT INTO counters (k, n) VALUES (:k, 1) ON CONFLICT (k) DO UPDATE SET n = counters.n + 1;\n",
    $clients, $tx);
is($rc, 0, 'pgbench upsert exits 0') or diag("stdout:\n$out\nstderr:\n$err");
like($out, qr{number of failed transactions: 0 }, 'no failed transactions');
unlike($err, qr/ERROR|FATAL/, 'no errors') or diag($err);
is($node->safe_psql('SELECT sum(n) FROM counters'), $clients * $tx,
   'sum(n) equals the number of transactions');
is($node->safe_psql('SELECT count(*), count(DISTINCT k) FROM counters'), '5|5',
   'one row per key');
is($node->safe_psql('SELECT count(*) FROM counters WHERE k NOT BETWEEN 1 AND 5'), '0',
   'no stray keys');

# the same through prepared statements (a cached plan re-executed)
($out, $err, $rc) = pgbench(
    "\\set k random(1, 5)\n"
  . "INSERT INTO counters (k, n) VALUES (:k, 1) ON CONFLICT (k) DO UPDATE SET n = counters.n + 1;\n",
    $clients, $tx, 'prepared');
is($rc, 0, 'pgbench -M prepared upsert exits 0') or diag("stdout:\n$out\nstderr:\n$err");
is($node->safe_psql('SELECT sum(n) FROM counters'), 2 * $clients * $tx,
   'sum(n) equals the number of transactions of both runs');

# ---- DO NOTHING with two unique indexes: each key inserted exactly once ----
$node->safe_psql('CREATE TABLE seen (k int PRIMARY KEY, k2 int UNIQUE, who text)');
($out, $err, $rc) = pgbench(
    "\\set k random(1, 50)\n"
  . "INSERT INTO seen VALUES (:k, -:k, 'c' || :client_id) ON CONFLICT DO NOTHING;\n",
    $clients, 100);
is($rc, 0, 'pgbench DO NOTHING exits 0') or diag("stdout:\n$out\nstderr:\n$err");
unlike($err, qr/ERROR|FATAL/, 'no errors (DO NOTHING)') or diag($err);
is($node->safe_psql('SELECT count(*) = count(DISTINCT k) AND count(*) = count(DISTINCT k2) FROM seen'),
   't', 'no duplicate keys in either index');

# ---- two sessions, one key, explicit transactions ----
$node->safe_psql('CREATE TABLE kv (k int PRIMARY KEY, v text)');
my $a = $node->connect;
my $b = $node->connect;
$a->do('BEGIN');
$a->do(q{INSERT INTO kv VALUES (1, 'a') ON CONFLICT (k) DO UPDATE SET v = kv.v || '+a'});
# b must wait for a's insert to commit or abort, then act on the outcome
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    my $c = $node->connect;
    $c->do(q{INSERT INTO kv VALUES (1, 'b') ON CONFLICT (k) DO UPDATE SET v = kv.v || '+b'});
    $c->disconnect;
    POSIX::_exit(0);    # not exit: that would close the parent's handles
}
sleep 1;
is($b->selectrow_array('SELECT count(*) FROM kv'), 0, 'uncommitted insert not visible');
$a->do('COMMIT');
waitpid($pid, 0);
is($?, 0, 'waiting upsert succeeded');
is($b->selectrow_array('SELECT v FROM kv WHERE k = 1'), 'a+b',
   'waiter updated the row committed meanwhile');

$a->do('BEGIN');
$a->do(q{INSERT INTO kv VALUES (2, 'a') ON CONFLICT (k) DO NOTHING});
$pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) {
    my $c = $node->connect;
    $c->do(q{INSERT INTO kv VALUES (2, 'b') ON CONFLICT (k) DO UPDATE SET v = kv.v || '+b'});
    $c->disconnect;
    POSIX::_exit(0);    # not exit: that would close the parent's handles
}
sleep 1;
$a->do('ROLLBACK');
waitpid($pid, 0);
is($?, 0, 'waiting upsert succeeded after rollback');
is($b->selectrow_array('SELECT v FROM kv WHERE k = 2'), 'b',
   'waiter inserted after the other transaction rolled back');

# ---- REPEATABLE READ: a conflicting row committed after the snapshot ----
$b->do('BEGIN ISOLATION LEVEL REPEATABLE READ');
$b->selectrow_array('SELECT count(*) FROM kv');
$a->do(q{INSERT INTO kv VALUES (3, 'a')});
ok(!eval { $b->do(q{INSERT INTO kv VALUES (3, 'b') ON CONFLICT (k) DO UPDATE SET v = 'b'}); 1 },
   'RR upsert on an invisible conflicting row fails');
is($b->state, '40001', 'SQLSTATE 40001');
like($b->errstr, qr/could not serialize access due to concurrent update/, 'message');
$b->do('ROLLBACK');
$b->do('BEGIN ISOLATION LEVEL REPEATABLE READ');
$b->selectrow_array('SELECT count(*) FROM kv');
$a->do(q{INSERT INTO kv VALUES (4, 'a')});
ok(!eval { $b->do(q{INSERT INTO kv VALUES (4, 'b') ON CONFLICT DO NOTHING}); 1 },
   'RR DO NOTHING on an invisible conflicting row fails');
is($b->state, '40001', 'SQLSTATE 40001 (DO NOTHING)');
$b->do('ROLLBACK');

$a->disconnect;
$b->disconnect;
ok($node->stop, 'clean shutdown');
done_testing();
