# 135_btree_concurrency.t — several sessions insert overlapping keys into a
# table with a primary key at the same time, half of them rolling back,
# while others scan the index: no duplicate key ever commits, every
# committed row is found through the index, a session that hits another's
# in-progress key waits for it and then either conflicts (23505) or
# succeeds, and index scans agree with the sequential scan afterwards.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use POSIX ();
use Test::More;
use Time::HiRes qw(sleep time);

my $WRITERS = 6;
my $READERS = 2;
my $TRIES   = 150;      # insert attempts per writer
my $KEYS    = 400;      # key space: plenty of collisions

my $node = BasaltTest->new(settings => { max_connections => 20 })->start;
$node->safe_psql('CREATE TABLE cu (id int4 PRIMARY KEY, who int4 NOT NULL, pad text)');
$node->safe_psql('CREATE TABLE wins (who int4, n int4)');

my %kids;
sub spawn {
    my ($name, $code) = @_;
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        my $status = eval { $code->(); 1 } ? 0 : 1;
        print STDERR "# $name: $@" if $status;
        POSIX::_exit($status);
    }
    $kids{$pid} = $name;
}

# A writer: single-key transactions, committed or rolled back at random,
# holding the key a moment so that others run into it while in progress.
for my $w (1 .. $WRITERS) {
    spawn("writer $w", sub {
        srand($w * 7919);
        my $dbh = $node->connect(AutoCommit => 1);
        my $ins = $dbh->prepare('INSERT INTO cu VALUES (?, ?, ?)');
        my $won = 0;
        for (1 .. $TRIES) {
            my $k = 1 + int(rand($KEYS));
            $dbh->begin_work;
            my $ok = eval { $ins->execute($k, $w, 'x' x 40); 1 };
            if (!$ok) {
                die "unexpected error: $@" unless $dbh->state eq '23505';
                $dbh->rollback;
                next;
            }
            sleep(0.002) if rand() < 0.3;
            if (rand() < 0.5) {
                $dbh->rollback;
            } else {
                $dbh->commit;
                $won++;
            }
        }
        $dbh->do('INSERT INTO wins VALUES (?, ?)', undef, $w, $won);
        $dbh->disconnect;
    });
}

# A reader: index range scans must return each key at most once, in order.
for my $r (1 .. $READERS) {
    spawn("reader $r", sub {
        my $dbh = $node->connect(AutoCommit => 1);
        $dbh->do('SET enable_seqscan = off');
        my $deadline = time + 60;
        for (1 .. 200) {
            last if time > $deadline;
            my $lo = 1 + int(rand($KEYS));
            my $ids = $dbh->selectcol_arrayref(
                'SELECT id FROM cu WHERE id >= ? AND id < ? ORDER BY id', undef, $lo, $lo + 50);
            for my $i (1 .. $#$ids) {
                die "index scan out of order or duplicated: $ids->[$i-1], $ids->[$i]\n"
                    if $ids->[$i] <= $ids->[$i - 1];
            }
        }
        $dbh->disconnect;
    });
}

my $deadline = time + 120;
while (%kids && time < $deadline) {
    my $pid = waitpid(-1, POSIX::WNOHANG());
    if ($pid > 0 && exists $kids{$pid}) {
        my $name = delete $kids{$pid};
        is($? >> 8, 0, "$name finished without error");
    } else {
        sleep 0.05;
    }
}
if (%kids) {
    fail('sessions still running after 120s: ' . join(',', sort values %kids));
    kill 'KILL', keys %kids;
    waitpid($_, 0) for keys %kids;
}

my $won = $node->safe_psql('SELECT sum(n) FROM wins');
my $count = $node->safe_psql('SELECT count(*) FROM cu');
is($count, $won, "committed rows ($count) = successful commits reported by the writers");
is($node->safe_psql('SELECT id FROM cu GROUP BY id HAVING count(*) > 1'), '', 'no duplicate key committed');
my $seq = $node->safe_psql('SET enable_indexscan = off; SELECT string_agg(id::text, \',\' ORDER BY id) FROM cu');
my $idx = $node->safe_psql('SET enable_seqscan = off; SELECT string_agg(id::text, \',\') FROM (SELECT id FROM cu WHERE id > 0 ORDER BY id) s');
is($idx, $seq, 'index scan returns exactly the committed keys');
my ($out, $err, $rc) = $node->psql('INSERT INTO cu SELECT id, 0, NULL FROM cu LIMIT 1');
like($err, qr/duplicate key value violates unique constraint "cu_pkey"/, 'a committed key still conflicts');
ok($count > 0 && $count <= $KEYS, "some keys committed ($count)");

done_testing();
