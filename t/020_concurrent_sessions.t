# 020_concurrent_sessions.t — 8 sessions in 8 processes insert and read at
# the same time, in many small transactions; nothing is lost or duplicated
# and every session reads its own committed rows back.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use POSIX ();
use Test::More;
use Time::HiRes qw(sleep time);

my $SESSIONS = 8;
my $ROWS     = 200;      # per session
my $BATCH    = 10;       # rows per transaction

my $node = BasaltTest->new(settings => { max_connections => 20 })->start;
$node->safe_psql('CREATE TABLE conc (session int4 NOT NULL, seq int4 NOT NULL, payload text)');

my %kids;
for my $s (1 .. $SESSIONS) {
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        my $status = eval { child($s); 1 } ? 0 : 1;
        print STDERR "# session $s: $@" if $status;
        POSIX::_exit($status);
    }
    $kids{$pid} = $s;
}

# A child: insert $ROWS rows in transactions of $BATCH, reading between them.
sub child {
    my ($s) = @_;
    my $dbh = $node->connect(AutoCommit => 1);
    my $ins = $dbh->prepare('INSERT INTO conc VALUES (?, ?, ?)');
    for (my $i = 0; $i < $ROWS; $i += $BATCH) {
        $dbh->begin_work;
        for my $j ($i + 1 .. $i + $BATCH) {
            $ins->execute($s, $j, "session $s row $j");
        }
        # inside the transaction it sees its own uncommitted rows
        my ($n) = $dbh->selectrow_array('SELECT count(*) FROM conc WHERE session = ?', undef, $s);
        die "in-transaction count $n, expected " . ($i + $BATCH) . "\n" if $n != $i + $BATCH;
        $dbh->commit;
        # everyone's committed rows are visible; the total only grows
        my ($all) = $dbh->selectrow_array('SELECT count(*) FROM conc');
        die "total $all smaller than own rows\n" if $all < $i + $BATCH;
    }
    # one rolled-back batch per session that must never appear
    $dbh->begin_work;
    $ins->execute($s, -1, 'rolled back');
    $dbh->rollback;
    my ($n, $sum) = $dbh->selectrow_array('SELECT count(*), sum(seq) FROM conc WHERE session = ?', undef, $s);
    die "final own count $n\n" if $n != $ROWS;
    die "final own sum $sum\n" if $sum != $ROWS * ($ROWS + 1) / 2;
    $dbh->disconnect;
}

my $deadline = time + 90;
while (%kids && time < $deadline) {
    my $pid = waitpid(-1, POSIX::WNOHANG());
    if ($pid > 0 && exists $kids{$pid}) {
        my $s = delete $kids{$pid};
        is($? >> 8, 0, "session $s finished without error");
    } else {
        sleep 0.05;
    }
}
if (%kids) {
    fail('sessions still running after 90s: ' . join(',', sort values %kids));
    kill 'KILL', keys %kids;
    waitpid($_, 0) for keys %kids;
}

my $total = $SESSIONS * $ROWS;
is($node->safe_psql('SELECT count(*) FROM conc'), $total, "all $total rows present");
is($node->safe_psql('SELECT count(*) FROM conc WHERE seq = -1'), '0', 'no rolled-back rows');
is($node->safe_psql('SELECT session, seq FROM conc GROUP BY session, seq HAVING count(*) > 1'),
   '', 'no duplicated rows');
is($node->safe_psql('SELECT session, count(*), sum(seq), min(seq), max(seq) FROM conc GROUP BY session ORDER BY session'),
   join("\n", map { "$_|$ROWS|" . ($ROWS * ($ROWS + 1) / 2) . "|1|$ROWS" } 1 .. $SESSIONS),
   'each session has exactly its rows 1..N');
is($node->safe_psql(q{SELECT payload FROM conc WHERE session = 5 AND seq = 123}), 'session 5 row 123',
   'payload read back');

$node->safe_psql('DROP TABLE conc');
ok($node->stop, 'clean shutdown');
done_testing();
