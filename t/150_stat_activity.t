# 150_stat_activity.t — the backend status array behind pg_stat_activity:
# it shows every connected backend with its pid, application_name, state
# (active / idle / idle in transaction / idle in transaction (aborted)),
# current query and timestamps, as another session sees them; a backend
# that disconnects disappears; long query text is cut; a TCP client shows
# its address and port.  (Needs two sessions, so it is not in regress.)
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;

sub activity
{
    my ($dbh, $pid) = @_;
    return $dbh->selectrow_hashref(
        "SELECT datid, datname, pid, usesysid, usename, application_name, state, query, xact_start, query_start,
                backend_start, state_change, client_addr, client_port, backend_type
         FROM pg_stat_activity WHERE pid = ?", undef, $pid);
}

my $watcher = $node->connect;
my $other = $node->connect;
$other->do(q{SET application_name = 'worker one'});
my $other_pid = $other->{pg_pid};
my $watcher_pid = $watcher->{pg_pid};

my $row = activity($watcher, $other_pid);
ok($row, 'the other backend has a row');
is($row->{pid}, $other_pid, 'pid');
is($row->{application_name}, 'worker one', 'application_name follows SET');
is($row->{state}, 'idle', 'idle between statements');
is($row->{query}, q{SET application_name = 'worker one'}, 'last query text');
is($row->{backend_type}, 'client backend', 'backend_type');
ok(defined $row->{backend_start} && defined $row->{query_start}, 'backend_start and query_start set');
ok(!defined $row->{xact_start}, 'no xact_start when idle');
ok($row->{client_port} > 0, 'TCP client port');
is($row->{client_addr}, '127.0.0.1', 'client_addr');
is($row->{datid}, 5, 'datid of postgres');
is($row->{usesysid}, 10, 'usesysid of postgres');
is($row->{datname}, 'postgres', 'datname');
is($row->{usename}, 'postgres', 'usename');

$other->begin_work;
$other->do('SELECT 42');
$row = activity($watcher, $other_pid);
is($row->{state}, 'idle in transaction', 'idle in transaction');
is($row->{query}, 'SELECT 42', 'query inside the block');
ok(defined $row->{xact_start}, 'xact_start inside the block');

{
    local $other->{PrintError} = 0;
    ok(!eval { $other->do('SELECT 1/0'); 1 }, 'error inside the block');
}
$row = activity($watcher, $other_pid);
is($row->{state}, 'idle in transaction (aborted)', 'aborted block');
$other->rollback;

$row = activity($watcher, $watcher_pid);
is($row->{state}, 'active', 'the asking backend is active');
like($row->{query}, qr/FROM pg_stat_activity/, 'with its own query');

my $all = $watcher->selectall_arrayref("SELECT pid FROM pg_stat_activity WHERE backend_type = 'client backend' ORDER BY pid");
is(scalar @$all, 2, 'both client backends listed');

# a query longer than the slot is cut (BACKEND_QUERY_SIZE - 1 bytes)
my $long = 'SELECT ' . join(' + ', (1) x 600);
$other->do($long);
$row = activity($watcher, $other_pid);
is(length $row->{query}, 1023, 'long query text cut to 1023 bytes');

$other->disconnect;
$node->poll_query_until("SELECT count(*) FROM pg_stat_activity WHERE pid = $other_pid", '0')
    or diag('the closed backend still shows');
is(scalar @{ $watcher->selectall_arrayref("SELECT pid FROM pg_stat_activity WHERE pid = $other_pid") },
   0, 'a closed session leaves no row');

$watcher->disconnect;
$node->stop;
done_testing();
