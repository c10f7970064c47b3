# 160_hot_row_updates.t — READ COMMITTED updates of the same few rows by
# concurrent clients lose nothing: each UPDATE that waited for another
# re-checks the newest version of the row (following a chain of several
# committed updates) and applies its change to it.  Run with and without
# a primary key (sequential-scan and index-scan re-check), then check that
# REPEATABLE READ reports 40001 instead.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;

my $script = $node->root . '/hot.sql';
open(my $fh, '>', $script) or die "$script: $!";
print $fh "\\set k random(1, 3)\nUPDATE hot SET v = v + 1 WHERE k = :k;\n";
close $fh;
chmod 0644, $script;

for my $pk (0, 1) {
    $node->safe_psql('DROP TABLE IF EXISTS hot');
    $node->safe_psql('CREATE TABLE hot (k int' . ($pk ? ' PRIMARY KEY' : '') . ', v int)');
    $node->safe_psql('INSERT INTO hot SELECT g, 0 FROM generate_series(1, 5000) g');
    my ($clients, $tx) = (4, 150);
    my ($out, $err, $rc) = BasaltTest::run_cmd(
        ["$BasaltTest::PGBIN/pgbench", '-n', '-c', $clients, '-t', $tx,
         '-h', '127.0.0.1', '-p', $node->port, '-U', 'postgres', '-f', $script, 'postgres'],
        timeout => 120);
    my $what = $pk ? 'with a primary key' : 'without an index';
    is($rc, 0, "pgbench exits 0 ($what)") or diag("stdout:\n$out\nstderr:\n$err");
    is($node->safe_psql('SELECT sum(v) FROM hot'), $clients * $tx,
       "every increment is in the table ($what)");
}

# REPEATABLE READ: updating a row changed after the snapshot is 40001
my $a = $node->connect;
my $b = $node->connect;
$b->do('BEGIN ISOLATION LEVEL REPEATABLE READ');
$b->selectrow_array('SELECT count(*) FROM hot');
$a->do('UPDATE hot SET v = v + 1 WHERE k = 1');
ok(!eval { $b->do('UPDATE hot SET v = v + 1 WHERE k = 1'); 1 }, 'RR update of a changed row fails');
is($b->state, '40001', 'SQLSTATE 40001');
like($b->errstr, qr/could not serialize access due to concurrent update/, 'message');
$b->do('ROLLBACK');
$b->do('BEGIN ISOLATION LEVEL REPEATABLE READ');
$b->selectrow_array('SELECT count(*) FROM hot');
$a->do('DELETE FROM hot WHERE k = 2');
ok(!eval { $b->do('DELETE FROM hot WHERE k = 2'); 1 }, 'RR delete of a deleted row fails');
like($b->errstr, qr/could not serialize access due to concurrent delete/, 'delete message');
$b->do('ROLLBACK');

done_testing();
