# 140_savepoints.t — savepoints (subtransactions) seen from other sessions,
# past the proc array's 64-subxid cache, through psql's ON_ERROR_ROLLBACK,
# and across a crash:
#  (a) session B never sees A's savepoint work before A commits, sees the
#      released savepoints' rows after, never the rolled-back ones (simple
#      and extended protocol); a row updated in A's savepoint blocks B's
#      update until A ends;
#  (b) 200 savepoints inserting a row each in one transaction (some rolled
#      back), and 80 nested ones: invisible to B while A runs (A's subxid
#      cache overflowed), exactly the kept rows after commit;
#  (c) psql with ON_ERROR_ROLLBACK=on continues after an error in a script
#      and commits the rest;
#  (d) kill -9 after commits containing subtransactions: after restart the
#      committed rows are there, the rolled-back ones and those of a
#      transaction still open at the crash are not.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(sleep);
use DBD::Pg qw(:async);

BasaltTest::set_timeout(120);
my $node = BasaltTest->new->start;

my $a = $node->connect;
my $b = $node->connect;

# ---------------------------------------------------------------- (a)
$a->do('CREATE TABLE sp (id int, who text)');
$a->begin_work;
$a->do('SAVEPOINT s1');
$a->do("INSERT INTO sp VALUES (1, 'released')");
$a->do('RELEASE SAVEPOINT s1');
$a->do('SAVEPOINT s2');
$a->do("INSERT INTO sp VALUES (2, 'rolled back')");
$a->do('ROLLBACK TO SAVEPOINT s2');
$a->do('SAVEPOINT s3');
my $ins = $a->prepare('INSERT INTO sp VALUES (?, ?)');     # extended protocol
$ins->execute(3, 'released, extended protocol');
$ins->execute(4, 'rolled back, extended protocol');
$a->do('DELETE FROM sp WHERE id = 4');
$a->do('RELEASE s3');
$a->do('SAVEPOINT s4');
$ins->execute(5, 'rolled back, extended protocol');
$a->do('ROLLBACK TO s4');
# the savepoint commands themselves through Parse/Bind/Execute, and an error
$a->prepare('SAVEPOINT ext')->execute;
$ins->execute(6, 'rolled back by an extended-protocol ROLLBACK TO');
ok(!eval { $ins->execute('not a number', 'error'); 1 }, 'an error inside the savepoint');
is($a->state, '22P02', '... invalid_text_representation');
$a->prepare('ROLLBACK TO SAVEPOINT ext')->execute;
$ins->execute(7, 'kept after the extended-protocol ROLLBACK TO');
$a->prepare('RELEASE ext')->execute;
is(($a->selectrow_array('SELECT string_agg(id::text, \',\' ORDER BY id) FROM sp'))[0], '1,3,7',
   'A sees its released savepoints\' rows, not the rolled-back ones');
is(($b->selectrow_array('SELECT count(*) FROM sp'))[0], 0,
   'B sees none of A\'s rows before A commits');
$a->commit;
is(($b->selectrow_array('SELECT string_agg(id::text, \',\' ORDER BY id) FROM sp'))[0], '1,3,7',
   'B sees the released savepoints\' rows after A commits, never the rolled-back ones');

# a row updated in A's savepoint: B's update waits; a ROLLBACK TO lets it
# go ahead at once, a RELEASE makes it wait for A's commit
sub wait_ready {
    my ($h, $secs) = @_;
    for (1 .. $secs * 20) { return 1 if $h->pg_ready; sleep 0.05; }
    return 0;
}
$a->begin_work;
$a->do('SAVEPOINT u');
$a->do("UPDATE sp SET who = 'A, rolled back' WHERE id = 1");
$b->do("UPDATE sp SET who = 'B first' WHERE id = 1", { pg_async => PG_ASYNC });
sleep 0.5;
ok(!$b->pg_ready, 'B\'s update of a row A updated in a savepoint waits');
$a->do('ROLLBACK TO u');
ok(wait_ready($b, 10), 'ROLLBACK TO u: B\'s update goes ahead while A is still open');
$b->pg_result;
$a->do('SAVEPOINT v');
$a->do("UPDATE sp SET who = 'A, released' WHERE id = 3");
$a->do('RELEASE v');
$b->do("UPDATE sp SET who = 'B second' WHERE id = 3", { pg_async => PG_ASYNC });
sleep 0.5;
ok(!$b->pg_ready, 'a row updated in a released savepoint: B waits for A\'s end');
$a->commit;
ok(wait_ready($b, 10), '... and goes ahead after A commits');
$b->pg_result;
is(($b->selectrow_array(q{SELECT string_agg(who, ',' ORDER BY id) FROM sp WHERE id IN (1, 3)}))[0],
   'B first,B second', 'both of B\'s updates went through');

# ---------------------------------------------------------------- (b)
$a->do('CREATE TABLE many (i int)');
$a->begin_work;
my $kept = 0;
my $kept_sum = 0;
for my $i (1 .. 200) {
    $a->do("SAVEPOINT p$i");
    $a->do("INSERT INTO many VALUES ($i)");
    if ($i % 3 == 0) {
        $a->do("ROLLBACK TO p$i");
    } else {
        $kept++;
        $kept_sum += $i;
    }
    $a->do("RELEASE p$i");
}
# 80 nested savepoints, the innermost 10 rolled back
for my $i (1001 .. 1080) {
    $a->do("SAVEPOINT n$i");
    $a->do("INSERT INTO many VALUES ($i)");
}
$a->do('ROLLBACK TO n1071');
$a->do('RELEASE n1001');
for my $i (1001 .. 1070) { $kept++; $kept_sum += $i; }
is(($a->selectrow_array('SELECT count(*), sum(i) FROM many'))[0], $kept,
   "A sees its $kept kept rows");
is(($b->selectrow_array('SELECT count(*) FROM many'))[0], 0,
   'B sees none of them while A runs (more subxids than the proc array caches)');
{
    # B's snapshot must treat A's uncached subxids as running, also for deletes
    my $cnt = $b->selectrow_array('SELECT count(*) FROM many WHERE i > 100');
    is($cnt, 0, 'B\'s filtered scan agrees');
}
$a->commit;
my ($cnt, $sum) = $b->selectrow_array('SELECT count(*), sum(i) FROM many');
is("$cnt|$sum", "$kept|$kept_sum", 'after commit B sees exactly the kept rows');
is(($b->selectrow_array('SELECT count(*) FROM many WHERE i % 3 = 0 AND i <= 200'))[0], 0,
   'no rolled-back row is visible');

# ---------------------------------------------------------------- (c)
$a->do('CREATE TABLE onerr (i int)');
my $script = <<'SQL';
\set ON_ERROR_ROLLBACK on
BEGIN;
INSERT INTO onerr VALUES (1);
INSERT INTO onerr VALUES (1/0);
INSERT INTO onerr VALUES (2);
SELECT nosuchcolumn FROM onerr;
INSERT INTO onerr VALUES (3);
COMMIT;
SQL
my ($out, $err, $rc) = $node->psql(undef, stdin => $script,
                                   extra_args => ['-v', 'ON_ERROR_STOP=0']);
like($err, qr/division by zero/, 'psql reported the error in the script');
is($node->safe_psql('SELECT string_agg(i::text, \',\' ORDER BY i) FROM onerr'), '1,2,3',
   'ON_ERROR_ROLLBACK=on: the statements around the errors were committed');

# ---------------------------------------------------------------- (d)
$a->do('CREATE TABLE crash (i int, note text)');
$a->begin_work;
$a->do("INSERT INTO crash VALUES (1, 'top')");
$a->do('SAVEPOINT c1');
$a->do("INSERT INTO crash VALUES (2, 'released')");
$a->do('RELEASE c1');
$a->do('SAVEPOINT c2');
$a->do("INSERT INTO crash VALUES (3, 'rolled back')");
$a->do('ROLLBACK TO c2');
for my $i (1 .. 70) {      # past the cache, some rolled back
    $a->do("SAVEPOINT d$i");
    $a->do("INSERT INTO crash VALUES (" . (100 + $i) . ", 'many')");
    $a->do("ROLLBACK TO d$i") if $i % 7 == 0;
}
$a->do("UPDATE crash SET note = 'updated in savepoint' WHERE i = 1");
$a->commit;
# a transaction with savepoints still open at the crash
$b->begin_work;
$b->do('SAVEPOINT open1');
$b->do("INSERT INTO crash VALUES (999, 'uncommitted')");
$b->do('RELEASE open1');
$b->do("UPDATE crash SET note = 'uncommitted update' WHERE i = 2");

my $expect_ids = join(',', 1, 2, map { 100 + $_ } grep { $_ % 7 != 0 } 1 .. 70);
undef $ins;
$node->kill9;
$_->{InactiveDestroy} = 1 for ($a, $b);    # their server is gone
$node->start;
is($node->safe_psql('SELECT string_agg(i::text, \',\' ORDER BY i) FROM crash'), $expect_ids,
   'after kill -9: committed rows (top and released savepoints) are there, rolled-back and uncommitted ones are not');
is($node->safe_psql("SELECT note FROM crash WHERE i = 1"), 'updated in savepoint',
   'the update made in a savepoint survived');
is($node->safe_psql("SELECT note FROM crash WHERE i = 2"), 'released',
   'the uncommitted update is gone');

$node->stop;
done_testing();
