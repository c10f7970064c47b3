# 170_foreign_keys_concurrency.t — FOREIGN KEY checks between two sessions:
# the check of a new referencing row locks the referenced row, so a
# concurrent DELETE of that row waits and then fails (NO ACTION sees the
# committed child); a check that meets a referenced row being deleted
# waits for the deleter and fails once it commits (or succeeds if it rolls
# back).  Never may both the delete of the parent and the insert of a
# child referencing it succeed.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use DBD::Pg qw(:async);
use Time::HiRes qw(sleep);

my $node = BasaltTest->new->start;
my $a = $node->connect;

$a->do('CREATE TABLE parent (id int PRIMARY KEY)');
$a->do('CREATE TABLE child (id int, pid int REFERENCES parent)');
$a->do('INSERT INTO parent SELECT generate_series(1, 5)');

# a statement run asynchronously on a new session (see 150_row_locks.t)
sub start_async { my ($sql) = @_;
                  my $dbh = $node->connect;
                  $dbh->{PrintError} = 0;
                  my $sth = $dbh->prepare($sql, { pg_async => PG_ASYNC });
                  $sth->execute; return ($dbh, $sth); }
sub still_blocked { my ($dbh) = @_; sleep 0.5; return !$dbh->pg_ready; }

# 1. child inserted first (uncommitted): the parent's delete waits, then fails
$a->begin_work;
$a->do('INSERT INTO child VALUES (1, 1)');
my ($d, $sth) = start_async('DELETE FROM parent WHERE id = 1');
ok(still_blocked($d), 'DELETE of the referenced row waits for the inserting transaction');
$a->commit;
ok(!eval { $d->pg_result; 1 }, 'the DELETE fails once the child is committed');
is($d->state, '23503', 'SQLSTATE 23503');
like($d->errstr, qr/update or delete on table "parent" violates foreign key constraint "child_pid_fkey" on table "child"/,
     'still-referenced message');
is(scalar $a->selectrow_array('SELECT count(*) FROM parent WHERE id = 1'), 1, 'parent row kept');

# 2. child inserted first, then rolled back: the delete goes ahead
$a->begin_work;
$a->do('INSERT INTO child VALUES (2, 2)');
($d, $sth) = start_async('DELETE FROM parent WHERE id = 2');
ok(still_blocked($d), 'DELETE waits again');
$a->rollback;
is($d->pg_result, 1, 'the DELETE succeeds after the child was rolled back');

# 3. parent deleted first (uncommitted): the child's check waits, then fails
$a->begin_work;
$a->do('DELETE FROM parent WHERE id = 3');
my ($i, $ith) = start_async('INSERT INTO child VALUES (3, 3)');
ok(still_blocked($i), 'INSERT of a child waits for the deleting transaction');
$a->commit;
ok(!eval { $i->pg_result; 1 }, 'the INSERT fails once the delete is committed');
is($i->state, '23503', 'SQLSTATE 23503');
like($i->errstr, qr/Key \(pid\)=\(3\) is not present in table "parent"/, 'not-present detail');

# 4. parent deleted first, then rolled back: the child goes in
$a->begin_work;
$a->do('DELETE FROM parent WHERE id = 4');
($i, $ith) = start_async('INSERT INTO child VALUES (4, 4)');
ok(still_blocked($i), 'INSERT waits again');
$a->rollback;
is($i->pg_result, 1, 'the INSERT succeeds after the delete was rolled back');

# 5. REPEATABLE READ: a child committed after the deleter's snapshot is
#    still found (PostgreSQL's RI queries read a fresh snapshot)
my $rr = $node->connect;
$rr->{PrintError} = 0;
$rr->do('BEGIN ISOLATION LEVEL REPEATABLE READ');
is(scalar $rr->selectrow_array('SELECT count(*) FROM child WHERE pid = 5'), 0, 'RR snapshot taken');
$a->do('INSERT INTO child VALUES (5, 5)');
ok(!eval { $rr->do('DELETE FROM parent WHERE id = 5'); 1 }, 'RR: DELETE of a newly referenced row fails');
is($rr->state, '23503', 'RR: SQLSTATE 23503');
$rr->do('ROLLBACK');

# never both: the rows left are consistent
is(scalar $a->selectrow_array(
       'SELECT count(*) FROM child c WHERE NOT EXISTS (SELECT 1 FROM parent p WHERE p.id = c.pid)'),
   0, 'no orphaned child rows');
is_deeply($a->selectcol_arrayref('SELECT pid FROM child ORDER BY pid'), [1, 4, 5], 'children 1, 4 and 5');

done_testing();
