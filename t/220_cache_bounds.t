# 220_cache_bounds.t — the per-session caches stay within their limits and
# stay correct past them:
#  - relation and catalog caches (relation_cache_max_entries,
#    catalog_cache_max_entries set low): a session reading many more tables
#    than fit gets correct answers (entries are evicted and rebuilt) and its
#    resident memory does not grow with the number of tables;
#  - the shared invalidation ring (4096 messages): a session that sleeps
#    while another runs thousands of catalog changes has fallen off the ring,
#    resets its caches and sees the new table definitions;
#  - prepared statements: the 10,001st is refused with 53400 and the session
#    keeps working.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

plan skip_all => 'Basalt-specific settings' if BasaltTest::use_pg();
BasaltTest::set_timeout(170);

my $node = BasaltTest->new(settings => { relation_cache_max_entries => 20,
                                          catalog_cache_max_entries => 300 })->start;
my $a = $node->connect;
my $b = $node->connect;

my $N = 400;
$b->do("CREATE TABLE bt_$_ (id int, v text)") for 1 .. $N;
$b->do("INSERT INTO bt_$_ VALUES ($_, 'v$_')") for 1 .. $N;

my ($pid) = $a->selectrow_array('SELECT pg_backend_pid()');
sub vm_kb { my ($field) = @_;
            open my $fh, '<', "/proc/$pid/status" or return undef;
            while (<$fh>) { return $1 if /^\Q$field\E:\s+(\d+)\s+kB/ } return undef; }

# relation / catalog caches: 20 entries, 400 tables, read twice
my $bad = 0;
for my $round (1, 2) {
    for my $i (1 .. $N) {
        my ($id, $v) = $a->selectrow_array("SELECT id, v FROM bt_$i");
        $bad++ unless defined $id && $id == $i && $v eq "v$i";
    }
}
is($bad, 0, "$N tables read twice through a 20-entry relation cache");
my $rss1 = vm_kb('VmRSS');
for my $i (1 .. $N) { $a->selectrow_array("SELECT count(*) FROM bt_$i") }
for my $i (1 .. $N) { $a->selectrow_array("SELECT count(*) FROM bt_$i") }
my $rss2 = vm_kb('VmRSS');
SKIP: {
    skip 'RSS bound not meaningful under ASan', 1 if $ENV{BASALT_SANITIZE};
    skip "cannot read /proc/$pid/status", 1 unless defined $rss1 && defined $rss2;
    note("backend VmRSS ${rss1} kB -> ${rss2} kB after 800 more table reads");
    cmp_ok($rss2 - $rss1, '<', 8 * 1024, 'no growth with the number of tables read');
}

# shared invalidation ring overflow: A holds an old view of bt_1
is_deeply($a->selectrow_arrayref('SELECT * FROM bt_1'), [1, 'v1'], 'A reads bt_1');
for my $i (1 .. 1500) {
    $b->do("CREATE TABLE churn_$i (x int)");
    $b->do("DROP TABLE churn_$i");
}
$b->do('ALTER TABLE bt_1 ADD COLUMN extra int DEFAULT 7');
$b->do('ALTER TABLE bt_2 RENAME COLUMN v TO w');
is_deeply($a->selectrow_arrayref('SELECT * FROM bt_1'), [1, 'v1', 7],
          'after 3000 catalog changes A sees the new column of bt_1');
is_deeply($a->selectrow_arrayref('SELECT w FROM bt_2'), ['v2'], 'and the renamed column of bt_2');
ok(!eval { $a->do('SELECT churn_1 FROM churn_1'); 1 }, 'a dropped table is gone for A');
is($a->state, '42P01', 'undefined table');

# prepared statements: at most 10,000 per session
my $made = 0;
for my $i (1 .. 10_000) {
    last unless eval { $a->do("PREPARE p$i AS SELECT $i"); 1 };
    $made++;
}
is($made, 10_000, '10,000 prepared statements');
ok(!eval { $a->do('PREPARE p10001 AS SELECT 1'); 1 }, 'the 10,001st is refused');
is($a->state, '53400', 'SQLSTATE 53400');
like($a->errstr, qr/too many prepared statements/, 'message');
is_deeply($a->selectrow_arrayref('EXECUTE p9999'), [9999], 'existing ones still run');
$a->do('DEALLOCATE ALL');
ok(eval { $a->do('PREPARE again AS SELECT 1'); 1 }, 'after DEALLOCATE ALL preparing works again');

done_testing();
