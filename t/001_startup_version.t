# 001_startup_version.t — the server starts in an empty directory, identifies
# itself as PostgreSQL 15, answers basic queries from psql and DBD::Pg, gives
# each session its own backend pid, and shuts down cleanly on SIGTERM.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;

my ($out, $err, $rc) = $node->psql('SELECT 1 + 1');
is($rc, 0, 'psql exits 0') or diag($err);
is($out, '2', 'SELECT 1 + 1 returns 2');

like($node->safe_psql('SELECT version()'), qr/^PostgreSQL 15\b/,
     'version() starts with "PostgreSQL 15"');
like($node->safe_psql('SHOW server_version'), qr/^15(\.\d+)?\b/, 'SHOW server_version is 15.x');
like($node->safe_psql('SHOW server_version_num'), qr/^150\d\d\d$/, 'server_version_num is 150xxx');

my $dbh = $node->connect;
my $ver = $dbh->{pg_server_version};
ok($ver >= 150000 && $ver < 160000, "DBD::Pg sees server version $ver as 15.x");
is($dbh->selectrow_array('SELECT 6 * 7'), 42, 'DBD::Pg query');
is($dbh->selectrow_array('SELECT pg_sleep(0)'), '', 'pg_sleep(0) returns void (empty string)');

my $pid1 = $dbh->selectrow_array('SELECT pg_backend_pid()');
like($pid1, qr/^\d+$/, 'pg_backend_pid() is an integer');
ok($pid1 != $node->pid, 'backend pid differs from the postmaster pid');
my $dbh2 = $node->connect;
my $pid2 = $dbh2->selectrow_array('SELECT pg_backend_pid()');
ok($pid1 != $pid2, 'each session has its own backend process');
ok(kill(0, $pid1) && kill(0, $pid2), 'both backend processes exist');
is($dbh->selectrow_array('SELECT pg_backend_pid()'), $pid1, 'pid is stable within a session');
$dbh->disconnect;
$dbh2->disconnect;

# parameters reported at startup that clients rely on
my $raw = $node->raw_connect;
my @msgs = $raw->startup;
is($msgs[-1]{type}, 'Z', 'raw startup reaches ReadyForQuery');
is($raw->params->{server_encoding}, 'UTF8', 'server_encoding is UTF8');
is($raw->params->{client_encoding}, 'UTF8', 'client_encoding is UTF8');
is($raw->params->{integer_datetimes}, 'on', 'integer_datetimes is on');
like($raw->params->{server_version} // '', qr/^15/, 'server_version parameter is 15.x');
ok($raw->backend_pid && defined $raw->secret_key, 'BackendKeyData received');
$raw->disconnect;

ok($node->stop, 'SIGTERM stops the server cleanly with exit status 0');
my (undef, undef, $rc2) = $node->psql('SELECT 1', connect_timeout => 2, timeout => 10);
isnt($rc2, 0, 'no longer accepting connections after shutdown');

done_testing();
