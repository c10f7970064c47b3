# 190_plan_invalidation.t — a session's cached plans follow another
# session's DDL (shared invalidation), as in PostgreSQL 15:
#  (a) session A prepares statements server-side (DBD::Pg pg_server_prepare,
#      so they are the extended protocol's named statements, Parse once /
#      Bind many); session B drops the index A's plan uses, recreates the
#      table under the same name, redefines a view, adds and retypes
#      columns; A's next execution is re-planned and gives PostgreSQL's
#      result: the right rows, or 0A000 "cached plan must not change
#      result type" when its result columns changed;
#  (b) the same for SQL-level PREPARE/EXECUTE, including a search_path
#      change in A;
#      and A executing while B's DDL is uncommitted (A waits for the lock,
#      then sees the invalidation before it uses its plan);
#  (c) 1000 rounds of B dropping and recreating an index that A's
#      prepared statements use, A executing after each: every answer is
#      right and A's backend memory (VmRSS) stays bounded, so replaced
#      plans are freed;
#  (d) a suspended portal keeps its plan while its statement is re-planned
#      for a second portal (raw protocol: Execute with a row limit).
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(sleep);
use DBD::Pg qw(:async);

BasaltTest::set_timeout(300);
my $ROUNDS = 1000;
my $RSS_GROWTH_LIMIT_KB = 8 * 1024;

my $node = BasaltTest->new->start;
# pg_switch_prepared 1: named statements from the first execution on
my $a = $node->connect(pg_server_prepare => 1, pg_switch_prepared => 1);
my $b = $node->connect;

sub err_of {
    my ($dbh, $code) = @_;
    my $ok = eval { $code->(); 1 };
    return $ok ? 'ok' : ($dbh->state // '') . ' ' . ($dbh->errstr // $@);
}

# ---------------------------------------------------------------- (a)
$b->do('CREATE TABLE pi (id int PRIMARY KEY, x int)');
$b->do('INSERT INTO pi SELECT g, g * 10 FROM generate_series(1, 2000) g');

my $by_id = $a->prepare('SELECT id, x FROM pi WHERE id = ?');
my $star  = $a->prepare('SELECT * FROM pi WHERE id = ?');
my $count = $a->prepare('SELECT count(*) FROM pi');
is_deeply($a->selectrow_arrayref($by_id, undef, 7), [7, 70], 'A: prepared lookup by primary key');
is_deeply($a->selectrow_arrayref($star, undef, 7), [7, 70], 'A: prepared SELECT *');
is(($a->selectrow_array($count))[0], 2000, 'A: prepared count');

$b->do('ALTER TABLE pi DROP CONSTRAINT pi_pkey');
is_deeply($a->selectrow_arrayref($by_id, undef, 8), [8, 80],
          'B dropped the index A\'s plan used: A re-plans and finds the row');

$b->do('CREATE INDEX pi_id ON pi (id)');
is_deeply($a->selectrow_arrayref($by_id, undef, 9), [9, 90], 'B created an index: A still right');
$b->do('DROP INDEX pi_id');
is_deeply($a->selectrow_arrayref($by_id, undef, 10), [10, 100], 'B dropped it again: A still right');

$b->do('ALTER TABLE pi ADD COLUMN c text');
my $e = err_of($a, sub { $a->selectrow_arrayref($star, undef, 7) });
like($e, qr/^0A000 .*cached plan must not change result type/,
     'B added a column: A\'s SELECT * fails with 0A000, as PostgreSQL');
is_deeply($a->selectrow_arrayref($by_id, undef, 11), [11, 110],
          'A\'s statement with a column list still works');
$b->do('ALTER TABLE pi DROP COLUMN c');
is_deeply($a->selectrow_arrayref($star, undef, 7), [7, 70],
          'B dropped the column: A\'s SELECT * works again');

$b->do('ALTER TABLE pi ALTER COLUMN x TYPE bigint');
$e = err_of($a, sub { $a->selectrow_arrayref($by_id, undef, 7) });
like($e, qr/^0A000 .*cached plan must not change result type/,
     'B changed a result column\'s type: 0A000');
is(($a->selectrow_array($count))[0], 2000, 'A\'s count is unaffected by the retype');

$b->do('DROP TABLE pi');
$e = err_of($a, sub { $a->selectrow_array($count) });
like($e, qr/^42P01 .*relation "pi" does not exist/, 'B dropped the table: 42P01 for A');
$b->do('CREATE TABLE pi (id int, x int)');
$b->do('INSERT INTO pi VALUES (1, 1), (2, 2), (3, 3)');
is(($a->selectrow_array($count))[0], 3,
   'B created it again under the same name: A finds the new table');
is_deeply($a->selectrow_arrayref($by_id, undef, 2), [2, 2], 'A\'s lookup reads the new table');

$b->do('CREATE VIEW piv AS SELECT id FROM pi');
my $view = $a->prepare('SELECT * FROM piv ORDER BY 1');
is_deeply($a->selectcol_arrayref($view), [1, 2, 3], 'A: prepared view query');
$b->do('CREATE OR REPLACE VIEW piv AS SELECT id * 100 AS id FROM pi');
is_deeply($a->selectcol_arrayref($view), [100, 200, 300], 'B replaced the view: A sees the new definition');

# DML statements, and a change B makes inside a transaction it then rolls back
my $ins = $a->prepare('INSERT INTO pi (id, x) VALUES (?, ?)');
$ins->execute(4, 4);
$b->begin_work;
$b->do('ALTER TABLE pi ADD COLUMN z int DEFAULT 5');
$b->rollback;
$ins->execute(5, 5);
is(($a->selectrow_array($count))[0], 5, 'A\'s prepared INSERT across B\'s rolled-back DDL');
$b->do('ALTER TABLE pi ADD COLUMN z int DEFAULT 5');
$ins->execute(6, 6);
is_deeply($b->selectrow_arrayref('SELECT id, x, z FROM pi WHERE id = 6'), [6, 6, 5],
          'A\'s prepared INSERT after B added a column with a default fills the default');

# ---------------------------------------------------------------- (b)
$a->do('PREPARE sq(int) AS SELECT x FROM pi WHERE id = $1');
is(($a->selectrow_array('EXECUTE sq(3)'))[0], 3, 'A: SQL PREPARE/EXECUTE');
$b->do('CREATE INDEX pi_id2 ON pi (id)');
is(($a->selectrow_array('EXECUTE sq(3)'))[0], 3, 'after B\'s CREATE INDEX');
$b->do('DROP INDEX pi_id2');
is(($a->selectrow_array('EXECUTE sq(3)'))[0], 3, 'after B\'s DROP INDEX');
$b->do('CREATE SCHEMA other');
$b->do('CREATE TABLE other.pi (id int, x int)');
$b->do('INSERT INTO other.pi VALUES (3, 333)');
$a->do('SET search_path = other, public');
is(($a->selectrow_array('EXECUTE sq(3)'))[0], 333, 'A changed search_path: the name means other.pi now');
$a->do('RESET search_path');
is(($a->selectrow_array('EXECUTE sq(3)'))[0], 3, 'search_path reset: public.pi again');

# A executes while B's DDL is still uncommitted: A waits for B's lock, and
# when B commits, A sees B's invalidation before it checks its plan (lock
# first, then check), re-plans, and answers right.
$b->do('DROP TABLE pi CASCADE');
$b->do('CREATE TABLE pi (id int PRIMARY KEY, x int)');
$b->do('INSERT INTO pi SELECT g, g * 10 FROM generate_series(1, 2000) g');
my $wait_id = $a->prepare('SELECT x FROM pi WHERE id = ?', { pg_async => PG_ASYNC });
$wait_id->execute(42);
$a->pg_result;
is(($wait_id->fetchrow_array)[0], 420, 'A: prepared lookup (async handle)');
$b->begin_work;
$b->do('ALTER TABLE pi DROP CONSTRAINT pi_pkey');
$wait_id->execute(43);
sleep 0.5;
ok(!$a->pg_ready, 'A\'s execution waits for B\'s uncommitted DROP of the index it uses');
$b->commit;
my $waited = eval { $a->pg_result; ($wait_id->fetchrow_array)[0] };
is($waited // ('error: ' . ($a->errstr // $@)), 430,
   'B committed: A re-planned before running and found the row');

# ---------------------------------------------------------------- (c)
$b->do('DROP TABLE pi CASCADE');
$b->do('CREATE TABLE pi (id int PRIMARY KEY, x int)');
$b->do('INSERT INTO pi SELECT g, g * 10 FROM generate_series(1, 2000) g');
my $c_id = $a->prepare('SELECT id, x FROM pi WHERE id = ?');
my $c_x  = $a->prepare('SELECT id FROM pi WHERE x = ?');
my ($pid) = $a->selectrow_array('SELECT pg_backend_pid()');
sub vm_rss_kb {
    open my $fh, '<', "/proc/$pid/status" or return undef;
    while (<$fh>) { return $1 if /^VmRSS:\s+(\d+)\s+kB/ }
    return undef;
}

my $wrong = 0;
my $errors = 0;
my $first_error = '';
my $rss_before;
for my $i (1 .. $ROUNDS) {
    my $idx = $i % 2 ? 'CREATE INDEX pi_x ON pi (x)' : 'DROP INDEX pi_x';
    $b->do($idx);
    my $ok = eval {
        my $r1 = $a->selectrow_arrayref($c_id, undef, $i);
        my ($id) = $a->selectrow_array($c_x, undef, $i * 10);
        $wrong++ unless $r1 && $r1->[1] == $i * 10 && defined $id && $id == $i;
        1;
    };
    if (!$ok) {
        $errors++;
        $first_error ||= ($a->state // '') . ' ' . ($a->errstr // $@);
    }
    # measure after a warm-up, once caches and contexts have their working size
    $rss_before = vm_rss_kb() if $i == 100;
}
my $rss_after = vm_rss_kb();
is($errors, 0, "$ROUNDS rounds of B's index DDL: A's prepared statements never fail")
    or diag("first error: $first_error");
is($wrong, 0, "$ROUNDS rounds: every answer right");
SKIP: {
    skip 'no /proc status for the backend', 1 unless defined $rss_before && defined $rss_after;
    # AddressSanitizer's quarantine keeps freed memory resident (as in 110_work_mem_bounds.t)
    skip 'resident memory is not meaningful under the sanitizer build', 1
        if $ENV{BASALT_SANITIZE};
    my $growth = $rss_after - $rss_before;
    note("A's backend VmRSS: ${rss_before} kB after 100 rounds, ${rss_after} kB after $ROUNDS");
    cmp_ok($growth, '<', $RSS_GROWTH_LIMIT_KB,
           "A's memory stays bounded across $ROUNDS re-plans (grew ${growth} kB)");
}
is(($a->selectrow_array('SELECT 1'))[0], 1, 'A still usable');

# ---------------------------------------------------------------- (d)
# A portal keeps running the plan it started with while its statement is
# re-planned under it: Execute with a row limit suspends portal p1; a
# search_path change invalidates the statement; Bind p2 re-plans it; both
# portals then return all their rows (the old plan lives as long as p1).
$b->do('CREATE SCHEMA pd_empty');
my $raw = $node->raw_connect;
my @m = $raw->startup;
is($m[-1]{type}, 'Z', 'raw protocol session started');
my $msg = \&BasaltTest::Raw::message;
$raw->send_bytes(join '',
    $msg->('Q', "BEGIN\0"));
$raw->read_until_ready;
$raw->send_bytes(join '',
    $msg->('P', "ps\0SELECT id FROM pi WHERE id <= \$1 ORDER BY id\0" . pack('n', 0)),
    $msg->('B', "p1\0ps\0" . pack('n', 0) . pack('n', 1) . pack('N', 2) . '10' . pack('n', 0)),
    $msg->('E', "p1\0" . pack('N', 3)),
    $msg->('P', "\0SET search_path = pd_empty, public\0" . pack('n', 0)),
    $msg->('B', "\0\0" . pack('n', 0) . pack('n', 0) . pack('n', 0)),
    $msg->('E', "\0" . pack('N', 0)),
    $msg->('B', "p2\0ps\0" . pack('n', 0) . pack('n', 1) . pack('N', 1) . '5' . pack('n', 0)),
    $msg->('E', "p2\0" . pack('N', 0)),
    $msg->('E', "p1\0" . pack('N', 0)),
    $msg->('S', ''));
@m = $raw->read_until_ready(timeout => 30);
my @types = map { $_->{type} } @m;
my @rows = map { $_->{type} eq 'D' ? unpack('x2 N/a', $_->{body}) : ($_->{type} eq 's' ? '|' : ()) } @m;
my ($err) = map { $_->{fields}{M} } grep { $_->{type} eq 'E' } @m;
is($err, undef, 'no error from the interleaved portals');
is(join(',', @rows), '1,2,3,|,1,2,3,4,5,4,5,6,7,8,9,10',
   'p1 suspended after 3 rows, p2 ran the re-planned statement, p1 finished on its old plan');
$raw->send_bytes($msg->('Q', "COMMIT\0"));
@m = $raw->read_until_ready;
is($m[-1]{type}, 'Z', 'raw session still healthy');

$a->disconnect;
$b->disconnect;
$node->stop;
done_testing();
