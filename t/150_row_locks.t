# 150_row_locks.t — SELECT ... FOR UPDATE / FOR SHARE between two sessions:
# NOWAIT fails with 55P03, SKIP LOCKED skips the locked row, a blocked
# locker waits for the holder and then sees (and locks) the newest version
# (READ COMMITTED re-check), a row deleted meanwhile is skipped, and
# REPEATABLE READ gets 40001.  Writers wait for row locks too.
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

$a->do('CREATE TABLE jobs (id int, state text, n int)');
$a->do(q{INSERT INTO jobs SELECT g, 'new', 0 FROM generate_series(1, 5) g});

# run a statement asynchronously on a new session (DBD::Pg reuses a
# session's async state badly); still_blocked: not finished after a while
sub start_async { my ($sql) = @_;
                  my $dbh = $node->connect;
                  my $sth = $dbh->prepare($sql, { pg_async => PG_ASYNC });
                  $sth->execute; return ($dbh, $sth); }
sub still_blocked { my ($dbh) = @_; sleep 0.5; return !$dbh->pg_ready; }

# NOWAIT and SKIP LOCKED
$a->begin_work;
is_deeply($a->selectcol_arrayref('SELECT id FROM jobs WHERE id <= 2 ORDER BY id FOR UPDATE'),
          [1, 2], 'A locks rows 1 and 2');
$b->begin_work;
ok(!eval { $b->do('SELECT * FROM jobs WHERE id = 1 FOR UPDATE NOWAIT'); 1 }, 'B: NOWAIT fails');
is($b->state, '55P03', 'NOWAIT: SQLSTATE 55P03');
like($b->errstr, qr/could not obtain lock on row in relation "jobs"/, 'NOWAIT message');
$b->rollback;
is_deeply($b->selectcol_arrayref('SELECT id FROM jobs ORDER BY id FOR UPDATE SKIP LOCKED'),
          [3, 4, 5], 'B: SKIP LOCKED skips A\'s rows');
is_deeply($b->selectcol_arrayref('SELECT id FROM jobs ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED'),
          [3], 'queue pattern: first unlocked row');
is(scalar $b->selectrow_array('SELECT count(*) FROM jobs'), 5, 'plain reads are not blocked');

# a blocked FOR UPDATE waits, then sees A's committed update
my ($c, $sth) = start_async('SELECT n FROM jobs WHERE id = 1 FOR UPDATE');
ok(still_blocked($c), 'B\'s FOR UPDATE waits for A');
$a->do(q{UPDATE jobs SET state = 'done', n = n + 1 WHERE id = 1});
$a->commit;
$c->pg_result;
is_deeply($sth->fetchall_arrayref, [[1]], 'B got the newest version after A committed');

# writers wait for a row lock
$a->begin_work;
$a->do('SELECT * FROM jobs WHERE id = 3 FOR SHARE');
$b->do(q{UPDATE jobs SET n = 100 WHERE id = 3}, { pg_async => PG_ASYNC });
ok(still_blocked($b), 'UPDATE waits for a FOR SHARE lock');
$a->commit;
is($b->pg_result, 1, 'UPDATE went ahead after the lock was released');
is(scalar $a->selectrow_array('SELECT n FROM jobs WHERE id = 3'), 100, 'update applied');

# a row deleted while B waited is skipped
$a->begin_work;
$a->do('DELETE FROM jobs WHERE id = 4');
($c, $sth) = start_async('SELECT id FROM jobs WHERE id >= 4 ORDER BY id FOR UPDATE');
ok(still_blocked($c), 'B waits for A\'s delete');
$a->commit;
$c->pg_result;
is_deeply($sth->fetchall_arrayref, [[5]], 'the deleted row is skipped');

# an update that makes the row no longer qualify: it is skipped
$a->begin_work;
$a->do(q{UPDATE jobs SET state = 'taken' WHERE id = 5});
($c, $sth) = start_async(q{SELECT id FROM jobs WHERE state = 'new' ORDER BY id FOR UPDATE});
ok(still_blocked($c), 'B waits for A\'s update');
$a->commit;
$c->pg_result;
is_deeply($sth->fetchall_arrayref, [[2], [3]], 'the row that no longer qualifies is skipped');

# REPEATABLE READ: a concurrently updated row is a serialization failure
$b->do('BEGIN ISOLATION LEVEL REPEATABLE READ');
$b->selectrow_array('SELECT count(*) FROM jobs');
$a->do(q{UPDATE jobs SET n = n + 1 WHERE id = 2});
ok(!eval { $b->do('SELECT * FROM jobs WHERE id = 2 FOR UPDATE'); 1 }, 'RR: FOR UPDATE of an updated row fails');
is($b->state, '40001', 'SQLSTATE 40001');
$b->do('ROLLBACK');

# locks end with the transaction; a rolled-back lock leaves the row as it was
$a->begin_work;
$a->do('SELECT * FROM jobs FOR UPDATE');
$a->rollback;
is($b->do('SELECT * FROM jobs FOR UPDATE NOWAIT'), 4, 'all rows lockable again after ROLLBACK');

done_testing();
