# 030_rollback_visibility.t — ROLLBACK leaves nothing behind, and another
# session never sees uncommitted rows, updates or deletes (read committed).
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;
my $a = $node->connect;
my $b = $node->connect;
my $count = sub { my ($dbh, $where) = @_;
                  return scalar $dbh->selectrow_array('SELECT count(*) FROM vis' . ($where // '')); };

$a->do('CREATE TABLE vis (id int4, v text)');

# ROLLBACK undoes inserts
$a->begin_work;
$a->do(q{INSERT INTO vis VALUES (1, 'a'), (2, 'b'), (3, 'c')});
is($count->($a), 3, 'A sees its own uncommitted inserts');
is($count->($b), 0, 'B does not see A\'s uncommitted inserts');
$a->rollback;
is($count->($a), 0, 'after ROLLBACK A sees nothing');
is($count->($b), 0, 'after ROLLBACK B sees nothing');

# COMMIT makes them visible to B
$a->begin_work;
$a->do(q{INSERT INTO vis VALUES (1, 'a'), (2, 'b'), (3, 'c')});
is($count->($b), 0, 'B still sees nothing before COMMIT');
$a->commit;
is($count->($b), 3, 'B sees the 3 rows after A commits');

# uncommitted UPDATE is invisible to B; rolled back it never happened
$a->begin_work;
$a->do(q{UPDATE vis SET v = 'changed' WHERE id = 2});
is(scalar $b->selectrow_array('SELECT v FROM vis WHERE id = 2'), 'b', 'B sees the old value during A\'s update');
$a->rollback;
is(scalar $a->selectrow_array('SELECT v FROM vis WHERE id = 2'), 'b', 'rolled-back update is gone');

# uncommitted DELETE is invisible to B
$a->begin_work;
$a->do('DELETE FROM vis WHERE id >= 2');
is($count->($a), 1, 'A sees its delete');
is($count->($b), 3, 'B still sees all rows');
$a->commit;
is($count->($b), 1, 'B sees the delete after commit');

# B's open transaction: a read-committed statement sees rows committed by A meanwhile
$b->begin_work;
is($count->($b), 1, 'B in a transaction sees 1 row');
$a->do(q{INSERT INTO vis VALUES (10, 'autocommit')});
is($count->($b), 2, 'B\'s next statement sees A\'s newly committed row (read committed)');
$b->rollback;

# an error aborts the transaction and everything in it is rolled back
$a->begin_work;
$a->do(q{INSERT INTO vis VALUES (20, 'doomed')});
ok(!eval { $a->do('SELECT 1 / 0'); 1 }, 'division by zero fails');
is($a->state, '22012', 'SQLSTATE 22012');
ok(!eval { $a->do('SELECT 1'); 1 }, 'next statement in the aborted block fails');
is($a->state, '25P02', 'SQLSTATE 25P02 in failed transaction block');
like($a->errstr, qr/current transaction is aborted, commands ignored until end of transaction block/,
     '25P02 message');
$a->rollback;
is($count->($b, ' WHERE id = 20'), 0, 'row from the aborted transaction was never visible');
is($count->($a), 2, 'A is usable again and sees the 2 committed rows');

# many rows rolled back
$a->begin_work;
$a->do('INSERT INTO vis SELECT id + 100, v FROM vis') for 1 .. 8;
is($count->($a), 512, 'A sees 512 rows inside its transaction');
is($count->($b), 2, 'B sees 2');
$a->rollback;
is($count->($b), 2, 'still 2 after rolling back 510 inserted rows');

# a disconnect with an open transaction rolls it back
$a->begin_work;
$a->do(q{INSERT INTO vis VALUES (30, 'abandoned')});
$a->disconnect;
ok($node->poll_query_until(q{SELECT count(*) FROM vis WHERE id = 30}, '0', 5),
   'transaction of a disconnected session is rolled back');
is($count->($b), 2, 'B sees 2 rows');

$b->do('DROP TABLE vis');
$b->disconnect;
ok($node->stop, 'clean shutdown');
done_testing();
