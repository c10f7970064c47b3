# 170_advisory_locks.t — advisory locks between sessions: try-lock fails
# while another session holds the key, a blocking lock waits and is granted
# when the holder unlocks, session locks outlive transactions but not the
# session, transaction locks end with the transaction, a deadlock between
# two keys is detected (40P01), and the bounded lock table says "out of
# shared memory" instead of growing.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use DBD::Pg qw(:async);
use Time::HiRes qw(sleep);

my $node = BasaltTest->new->start;
my $a = $node->connect;
my $b = $node->connect;
my $val = sub { my ($dbh, $sql) = @_; return scalar $dbh->selectrow_array($sql); };

$a->do('SELECT pg_advisory_lock(1)');
is($val->($b, 'SELECT pg_try_advisory_lock(1)'), 0, 'B cannot take a key A holds');
is($val->($b, 'SELECT pg_try_advisory_lock(1, 1)'), 1, 'the two-int4 key space is separate');
is($val->($b, 'SELECT pg_try_advisory_lock_shared(2)'), 1, 'B takes a shared lock');
is($val->($a, 'SELECT pg_try_advisory_lock_shared(2)'), 1, 'shared locks share');
is($val->($a, 'SELECT pg_try_advisory_lock(2)'), 0, 'exclusive conflicts with shared');

# a waiter is granted when the holder unlocks
my $c = $node->connect;
$c->do('SELECT pg_advisory_lock(1)', { pg_async => PG_ASYNC });
sleep 0.5;
ok(!$c->pg_ready, 'a blocking lock waits');
is($val->($a, 'SELECT pg_advisory_unlock(1)'), 1, 'A unlocks');
$c->pg_result;
is($val->($b, 'SELECT pg_try_advisory_lock(1)'), 0, 'the waiter got the lock');

# session locks survive COMMIT/ROLLBACK; transaction locks do not
$a->do('BEGIN');
$a->do('SELECT pg_advisory_lock(10), pg_advisory_xact_lock(11)');
$a->do('ROLLBACK');
is($val->($b, 'SELECT pg_try_advisory_lock(10)'), 0, 'session lock held after ROLLBACK');
is($val->($b, 'SELECT pg_try_advisory_xact_lock(11)'), 1, 'transaction lock gone after ROLLBACK');

# a session that ends releases its session locks
$c->disconnect;
ok($node->poll_query_until('SELECT pg_try_advisory_lock(1)', 't', 10),
   'locks of a closed session are released');

# deadlock between two keys: one side fails with 40P01; it then gives up
# its session lock so the other side gets what it waited for
my $d = $node->connect;
my $e = $node->connect;
$d->do('SELECT pg_advisory_lock(100)');
$e->do('SELECT pg_advisory_lock(200)');
$d->do('SELECT pg_advisory_lock(200)', { pg_async => PG_ASYNC });
sleep 0.2;
$e->do('SELECT pg_advisory_lock(100)', { pg_async => PG_ASYNC });
my ($loser, $winner, $loser_key);
for (1 .. 100) {
    if ($d->pg_ready) { ($loser, $winner, $loser_key) = ($d, $e, 100); last; }
    if ($e->pg_ready) { ($loser, $winner, $loser_key) = ($e, $d, 200); last; }
    sleep 0.1;
}
ok($loser, 'one side of the deadlock returns');
ok(!eval { $loser->pg_result; 1 }, 'with an error');
is($loser->state, '40P01', 'deadlock detected (40P01)');
$loser->do("SELECT pg_advisory_unlock($loser_key)");
ok(eval { $winner->pg_result; 1 }, 'the other side gets its lock');

# the lock table is bounded
my $f = $node->connect;
ok(!eval { $f->do('SELECT pg_advisory_lock(g) FROM generate_series(10000000, 11000000) g'); 1 },
   'a million advisory locks do not fit');
like($f->errstr, qr/out of shared memory/, 'out of shared memory');
$f->do('SELECT pg_advisory_unlock_all()');
is($val->($f, 'SELECT 1'), 1, 'the session keeps serving');
is($val->($b, 'SELECT pg_try_advisory_lock(500)'), 1, 'other sessions can still lock');

done_testing();
