# 060_backend_crash.t — kill -SEGV one backend: the server survives (restarts
# its backends and recovers, as PostgreSQL does), every committed row is
# intact, uncommitted work is gone, and new sessions are served.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $node = BasaltTest->new->start;
my $postmaster = $node->pid;

$node->safe_psql('CREATE TABLE crash_t (id int4, v text)');
$node->safe_psql(q{INSERT INTO crash_t VALUES (1, 'one'), (2, 'two'), (3, 'three')});
$node->safe_psql('INSERT INTO crash_t SELECT id + 3, v FROM crash_t');
$node->safe_psql('INSERT INTO crash_t SELECT id + 6, v FROM crash_t');

# the victim has an open transaction with uncommitted rows
my $victim = $node->connect;
my $pid = $victim->selectrow_array('SELECT pg_backend_pid()');
like($pid, qr/^\d+$/, "victim backend pid $pid");
$victim->begin_work;
$victim->do(q{INSERT INTO crash_t VALUES (100, 'uncommitted')});
$victim->do(q{UPDATE crash_t SET v = 'uncommitted update' WHERE id = 1});

# a bystander session
my $bystander = $node->connect(PrintWarn => 0);
is(scalar $bystander->selectrow_array('SELECT count(*) FROM crash_t'), 12, 'bystander sees 12 rows');

ok($node->signal_backend($pid, 'SEGV'), 'sent SIGSEGV to the backend');
my $deadline = time + 10;
sleep 0.05 while kill(0, $pid) && time < $deadline;
ok(!kill(0, $pid), 'the backend process is gone');

ok(!eval { $victim->do('SELECT 1'); 1 }, 'the crashed session is dead');
$victim->{InactiveDestroy} = 1;

# reconnect, retrying while the server recovers
my $dbh;
$deadline = time + 10;
while (!$dbh && time < $deadline) {
    ($dbh) = $node->try_connect;
    sleep 0.2 unless $dbh;
}
ok($dbh, 'a new connection succeeds within 10s');
ok($node->is_running && $node->pid == $postmaster, 'the postmaster survived');

SKIP: {
    skip 'no connection', 6 unless $dbh;
    is(scalar $dbh->selectrow_array('SELECT count(*) FROM crash_t'), 12, 'all 12 committed rows intact');
    is(scalar $dbh->selectrow_array('SELECT sum(id) FROM crash_t'), 78, 'sum of ids 1..12');
    is(scalar $dbh->selectrow_array('SELECT count(*) FROM crash_t WHERE id = 100'), 0, 'uncommitted insert gone');
    is(scalar $dbh->selectrow_array('SELECT v FROM crash_t WHERE id = 1'), 'one', 'uncommitted update gone');
    $dbh->do(q{INSERT INTO crash_t VALUES (13, 'after crash')});
    is(scalar $dbh->selectrow_array('SELECT v FROM crash_t WHERE id = 13'), 'after crash', 'writes work after the crash');
    my $pid2 = $dbh->selectrow_array('SELECT pg_backend_pid()');
    ok($pid2 != $pid, 'new session has a new backend');
    $dbh->disconnect;
}

# the bystander was either kept or terminated (PostgreSQL terminates all
# backends after a crash); either way it must not see wrong data
my $b = eval { $bystander->selectrow_array('SELECT count(*) FROM crash_t') };
ok(!defined $b || $b == 13, 'bystander session either ended or sees the 13 committed rows');
$bystander->{InactiveDestroy} = 1 unless defined $b;

# a second crash, of an idle backend, is survived as well
my ($d2) = $node->try_connect;
ok($d2, 'connected for a second crash');
if ($d2) {
    my $p2 = $d2->selectrow_array('SELECT pg_backend_pid()');
    $node->signal_backend($p2, 'SEGV');
    $d2->{InactiveDestroy} = 1;
}
ok($node->poll_query_until('SELECT count(*) FROM crash_t', '13', 10), 'server serves again after a second crash');

# committed data survives a clean restart after the crashes
ok($node->restart, 'restart after crashes');
is($node->safe_psql('SELECT count(*), sum(id) FROM crash_t'), '13|91', 'data intact after restart');

$node->safe_psql('DROP TABLE crash_t');
ok($node->stop, 'clean shutdown');
done_testing();
