# 070_table_20x_buffers.t — with shared_buffers=1MB, a table of more than 20x
# that size is written, read back completely (count, sums, single rows),
# updated, and survives a restart: pages are evicted and reread correctly.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(time);

BasaltTest::set_timeout(300);
my $node = BasaltTest->new(settings => { shared_buffers => '1MB' })->start;
is($node->safe_psql('SHOW shared_buffers'), '1MB', 'shared_buffers is 1MB');

# 2^18 = 262144 rows of about 100 bytes each: ~26 MB of data, ~36 MB on disk
my $DOUBLINGS = 18;
my $N = 2**$DOUBLINGS;
my $PAD = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor';
my $t0 = time;
$node->safe_psql('CREATE TABLE big (i int8 NOT NULL, t text NOT NULL, f float8)');
$node->safe_psql(qq{INSERT INTO big VALUES (1, 'row 1 $PAD', 0.5)});
for my $d (0 .. $DOUBLINGS - 1) {
    my $k = 2**$d;
    $node->safe_psql(qq{INSERT INTO big SELECT i + $k, 'row ' || (i + $k) || ' $PAD', (i + $k) * 0.5 FROM big},
                     timeout => 120);
}
note(sprintf('loaded %d rows in %.1fs', $N, time - $t0));

my $sum = $N * ($N + 1) / 2;
is($node->safe_psql('SELECT count(*), min(i), max(i), sum(i) FROM big', timeout => 120),
   "$N|1|$N|$sum", "count, min, max and sum over $N rows");

my $bytes = $node->safe_psql('SELECT sum(length(t)) FROM big', timeout => 120);
ok($bytes > 20 * 1024 * 1024, "text payload is $bytes bytes, more than 20x shared_buffers");

is($node->safe_psql('SELECT sum(f) FROM big', timeout => 120), $sum * 0.5, 'float column sum');
for my $i (1, 2, 12345, 131072, 131073, $N - 1, $N) {
    is($node->safe_psql("SELECT t, f FROM big WHERE i = $i", timeout => 120),
       "row $i $PAD|" . ($i * 0.5), "row $i read back");
}
is($node->safe_psql(q{SELECT count(*) FROM big WHERE t = 'row 200000 } . $PAD . q{'}, timeout => 120),
   '1', 'filter on text finds exactly one row');
is($node->safe_psql('SELECT i FROM big ORDER BY i DESC LIMIT 3', timeout => 120),
   join("\n", $N, $N - 1, $N - 2), 'ORDER BY DESC LIMIT over the whole table');

# update a scattered 1/16th of the rows, delete another 1/16th
$node->safe_psql('UPDATE big SET f = -1 WHERE i % 16 = 0', timeout => 120);
$node->safe_psql('DELETE FROM big WHERE i % 16 = 1', timeout => 120);
my $n16 = $N / 16;
is($node->safe_psql('SELECT count(*) FROM big WHERE f = -1', timeout => 120), $n16, 'updated rows visible');
is($node->safe_psql('SELECT count(*) FROM big', timeout => 120), $N - $n16, 'deleted rows gone');

# everything is still there after a restart (dirty pages were written back)
ok($node->restart, 'restart');
is($node->safe_psql('SELECT count(*), sum(i) FROM big', timeout => 120),
   ($N - $n16) . '|' . ($sum - ($n16 * ($n16 - 1) / 2 * 16 + $n16)),
   'count and sum after restart');
is($node->safe_psql('SELECT count(*) FROM big WHERE f = -1', timeout => 120), $n16, 'updates survived the restart');
is($node->safe_psql("SELECT t FROM big WHERE i = 99999", timeout => 120), "row 99999 $PAD", 'a row after restart');

$node->safe_psql('DROP TABLE big');
ok($node->stop, 'clean shutdown');
note(sprintf('total %.1fs', time - $t0));
done_testing();
