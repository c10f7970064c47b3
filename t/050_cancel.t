# 050_cancel.t — a running query is cancelled by a CancelRequest (from DBD::Pg,
# from psql on SIGINT, and raw on the wire) with SQLSTATE 57014 "canceling
# statement due to user request" within seconds; the session stays usable.
# Also statement_timeout cancels with 57014.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use DBD::Pg qw(:async);
use IPC::Run ();
use Test::More;
use Time::HiRes qw(sleep time);

my $node = BasaltTest->new->start;

# --- DBD::Pg: async pg_sleep(30), then pg_cancel
{
    my $dbh = $node->connect;
    my $t0 = time;
    $dbh->do('SELECT pg_sleep(30)', { pg_async => PG_ASYNC });
    sleep 0.5;
    ok(!$dbh->pg_ready, 'query still running after 0.5s');
    ok($dbh->pg_cancel, 'pg_cancel reports the query was cancelled');
    my $elapsed = time - $t0;
    ok($elapsed < 10, sprintf('cancelled within %.1fs', $elapsed));
    is($dbh->state, '57014', 'SQLSTATE 57014');
    is(scalar $dbh->selectrow_array('SELECT 1 + 1'), 2, 'session still works after cancel');

    # cancel inside a transaction block aborts the block
    $dbh->begin_work;
    $dbh->do('SELECT pg_sleep(30)', { pg_async => PG_ASYNC });
    sleep 0.3;
    $dbh->pg_cancel;
    is($dbh->state, '57014', 'cancel inside a transaction: 57014');
    ok(!eval { $dbh->do('SELECT 1'); 1 }, 'block is aborted after the cancel');
    is($dbh->state, '25P02', '... with 25P02');
    $dbh->rollback;
    is(scalar $dbh->selectrow_array('SELECT 3'), 3, 'usable after ROLLBACK');
    $dbh->disconnect;
}

# --- psql: SIGINT makes psql send a CancelRequest
{
    my ($in, $out, $err) = ('', '', '');
    my @cmd = ("$BasaltTest::PGBIN/psql", '-X', '-A', '-t', '-v', 'VERBOSITY=verbose',
               '-h', '127.0.0.1', '-p', $node->port, '-U', 'postgres', '-d', 'postgres',
               '-c', 'SELECT pg_sleep(30)');
    my $h = IPC::Run::start(\@cmd, \$in, \$out, \$err, IPC::Run::timeout(40));
    sleep 1;
    my $t0 = time;
    $h->signal('INT');
    eval { $h->finish; 1 } or do { $h->kill_kill; fail('psql did not finish after SIGINT') };
    my $elapsed = time - $t0;
    ok($elapsed < 10, sprintf('psql returned %.1fs after SIGINT', $elapsed));
    like($err, qr/ERROR:\s+57014: canceling statement due to user request/, 'psql shows 57014');
}

# --- raw protocol: CancelRequest with the BackendKeyData pid and key
{
    my $raw = $node->raw_connect;
    my @m = $raw->startup;
    is($m[-1]{type}, 'Z', 'raw session ready');
    $raw->send_query('SELECT pg_sleep(30)');
    sleep 0.5;
    # a wrong key must not cancel anything
    BasaltTest::Raw->send_cancel('127.0.0.1', $node->port, $raw->backend_pid, ($raw->secret_key + 1) % 2**32);
    my $early = $raw->read_message(1.5);
    ok(!defined $early || $early->{type} ne 'E', 'CancelRequest with a wrong key is ignored');
    my $t0 = time;
    ok(BasaltTest::Raw->send_cancel('127.0.0.1', $node->port, $raw->backend_pid, $raw->secret_key),
       'CancelRequest sent');
    my @r = $raw->read_until_ready(timeout => 10);
    my ($e) = grep { $_->{type} eq 'E' } ($early ? ($early) : ()), @r;
    ok($e, 'ErrorResponse after CancelRequest');
    is($e && $e->{fields}{C}, '57014', 'raw: SQLSTATE 57014');
    is($e && $e->{fields}{M}, 'canceling statement due to user request', 'raw: message');
    is($r[-1]{type}, 'Z', 'ReadyForQuery follows');
    ok(time - $t0 < 10, 'cancelled promptly');
    $raw->send_query('SELECT 99');
    my @ok = $raw->read_until_ready(timeout => 10);
    my ($row) = grep { $_->{type} eq 'D' } @ok;
    ok($row && $row->{body} =~ /99/, 'raw session still answers queries');
    $raw->disconnect;
}

# --- statement_timeout also ends a statement with 57014
{
    my $dbh = $node->connect;
    $dbh->do(q{SET statement_timeout = '500ms'});
    my $t0 = time;
    ok(!eval { $dbh->do('SELECT pg_sleep(30)'); 1 }, 'pg_sleep(30) fails under statement_timeout=500ms');
    ok(time - $t0 < 10, 'within seconds');
    is($dbh->state, '57014', 'statement_timeout: SQLSTATE 57014');
    like($dbh->errstr, qr/canceling statement due to statement timeout/, 'statement_timeout message');
    $dbh->do('SET statement_timeout = 0');
    is(scalar $dbh->selectrow_array('SELECT 5'), 5, 'session works after the timeout');
    $dbh->disconnect;
}

ok($node->stop, 'clean shutdown');
done_testing();
