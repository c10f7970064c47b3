# 110_work_mem_bounds.t — with work_mem = 64kB: a sort of 200k rows spills
# and returns correctly sorted output, a hash join whose inner side exceeds
# work_mem either completes correctly or fails cleanly (53200, message naming
# work_mem) leaving the session usable, and the backend's peak resident
# memory (VmHWM) stays bounded.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Digest::MD5 qw(md5_hex);
use Test::More;
use Time::HiRes qw(time);

BasaltTest::set_timeout(120);
my $N = 200_000;
my $RSS_LIMIT_KB = 200 * 1024;

my $node = BasaltTest->new->start;
my $t0 = time;
$node->safe_psql("CREATE TABLE wm (i int4, t text)");
$node->safe_psql("INSERT INTO wm SELECT g, md5(g::text) FROM generate_series(1, $N) g", timeout => 60);
note(sprintf('loaded %d rows in %.1fs', $N, time - $t0));

my $dbh = $node->connect;
my ($pid) = $dbh->selectrow_array('SELECT pg_backend_pid()');
ok($pid > 0, "backend pid $pid");
$dbh->do("SET work_mem = '64kB'");
is(($dbh->selectrow_array('SHOW work_mem'))[0], '64kB', 'work_mem is 64kB');

sub vm_kb {
    my ($field) = @_;
    open my $fh, '<', "/proc/$pid/status" or return undef;
    while (<$fh>) { return $1 if /^\Q$field\E:\s+(\d+)\s+kB/ }
    return undef;
}
my $rss_before = vm_kb('VmRSS');
note("backend VmRSS before: ${rss_before} kB") if defined $rss_before;

# 1. ORDER BY over all rows (text keys): must spill past 64kB and be correct.
$t0 = time;
my $rows = eval { $dbh->selectcol_arrayref('SELECT t FROM wm ORDER BY t') };
my $sort_err = $@ ? ($dbh->state . ' ' . ($dbh->errstr // $@)) : '';
note(sprintf('sorted %d rows in %.1fs', scalar @{ $rows // [] }, time - $t0));
my @want = sort map { md5_hex($_) } 1 .. $N;
{
    is($sort_err, '', 'ORDER BY over 200k rows with work_mem=64kB does not fail');
    is(scalar @{ $rows // [] }, $N, "ORDER BY returns all $N rows");
    my $bad = 0;
    for my $k (0 .. $#want) {
        if (!defined $rows || !defined $rows->[$k] || $rows->[$k] ne $want[$k]) { $bad = $k + 1; last }
    }
    is($bad, 0, 'ORDER BY output is exactly the sorted md5 list');
}
undef $rows;
is(($dbh->selectrow_array('SELECT 1'))[0], 1, 'session usable after the sort');

# descending sort on an integer key with LIMIT/OFFSET near the end
# a sort of 200k int4 keys, checked at its end
my $tail = eval { $dbh->selectcol_arrayref('SELECT i FROM wm ORDER BY i DESC OFFSET 199997') };
{
    is_deeply($tail, [3, 2, 1], 'ORDER BY i DESC, last rows');
}

# 2. hash join whose inner side (200k rows, ~10 MB) exceeds work_mem
my $ok = eval {
    my ($cnt, $sum) = $dbh->selectrow_array(
        'SELECT count(*), sum(a.i::int8) FROM wm a JOIN wm b ON a.t = b.t');
    is("$cnt|$sum", "$N|" . ($N * ($N + 1) / 2), 'hash join over work_mem completes correctly');
    1;
};
if (!$ok) {
    my $state = $dbh->state;
    my $err = $dbh->errstr // '';
    is($state, '53200', 'hash join past work_mem fails with SQLSTATE 53200');
    like($err, qr/work_mem/, 'the error message names work_mem');
    note("hash join error: $err");
}
is(($dbh->selectrow_array('SELECT 1 + 1'))[0], 2, 'session usable after the join');
is(($dbh->selectrow_array('SHOW work_mem'))[0], '64kB', 'work_mem still 64kB');
is(($dbh->selectrow_array('SELECT count(*) FROM wm WHERE i % 1000 = 0'))[0], $N / 1000,
   'table still readable');

# 3. hash aggregation whose groups far exceed work_mem spills to partition
# files (the planner estimates 1000 rows for the function, so it hashes; at
# 64kB it would sort instead, hence 1MB here): every group exactly once.
$dbh->do("SET work_mem = '1MB'");
my ($ngroups, $total, $maxc) = $dbh->selectrow_array(
    "SELECT count(*), sum(c), max(c) FROM (SELECT g % 150000 AS k, count(*) AS c
       FROM generate_series(1, 300000) g GROUP BY 1) q");
is("$ngroups|$total|$maxc", "150000|300000|2", 'hash aggregate over work_mem spills and is complete');
my ($nk) = $dbh->selectrow_array(
    "SELECT count(*) FROM (SELECT t, count(*) FROM wm GROUP BY t) q");
is($nk, $N, 'GROUP BY text over 200k groups at 1MB');
$dbh->do("SET work_mem = '64kB'");

# 4. the backend never ballooned
my $hwm = vm_kb('VmHWM');
my $rss = vm_kb('VmRSS');
SKIP: {
    skip "cannot read /proc/$pid/status", 2 unless defined $hwm && defined $rss;
    # AddressSanitizer's shadow memory and quarantine inflate RSS several-fold
    skip "resident memory is not meaningful under the sanitizer build", 2
        if $ENV{BASALT_SANITIZE};
    note("backend VmRSS now ${rss} kB, peak (VmHWM) ${hwm} kB");
    cmp_ok($hwm, '<', $RSS_LIMIT_KB, 'backend peak resident memory under 200 MB');
    cmp_ok($rss, '<', $RSS_LIMIT_KB, 'backend resident memory under 200 MB now');
}

# 5. Errors in the middle of a spilling sort do not leak its temp files:
#    more failed sorts than the per-backend limit of open temp files (1024).
my $leak_ok = 1;
for my $i (1 .. 1100) {
    my $ok = eval {
        $dbh->do('SELECT g FROM generate_series(1, 5000) g '
                 . 'ORDER BY CASE WHEN g = 4999 THEN 1 / 0 ELSE g END');
        1;
    };
    if ($ok || $dbh->state ne '22012') { $leak_ok = 0; diag($dbh->errstr // 'no error'); last; }
}
ok($leak_ok, '1100 sorts failing after they spilled: each fails with 22012, none with too many temp files');
is(($dbh->selectrow_array('SELECT count(*) FROM (SELECT g FROM generate_series(1, 5000) g ORDER BY g DESC) s'))[0],
   5000, 'the session still sorts');

$dbh->disconnect;
$node->safe_psql('DROP TABLE wm');
$node->stop;
done_testing();
