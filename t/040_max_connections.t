# 040_max_connections.t — with max_connections=3, three sessions connect, the
# fourth is refused with SQLSTATE 53300 "sorry, too many clients already",
# and once a session closes a new one gets its slot.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $node = BasaltTest->new(settings => { max_connections => 3 })->start;

is($node->safe_psql('SHOW max_connections'), '3', 'max_connections is 3');

my @held = map { $node->connect } 1 .. 3;
is(scalar(grep { $_->selectrow_array('SELECT 1') == 1 } @held), 3, 'three sessions connected and working');

# the fourth: DBD::Pg reports the server's message
my ($dbh4, $err) = $node->try_connect;
ok(!$dbh4, 'fourth connection is refused');
like($err // '', qr/sorry, too many clients already/, 'refusal message');

# the fourth on the wire: an ErrorResponse with SQLSTATE 53300, then the connection closes
my $raw = $node->raw_connect;
my @msgs = $raw->startup;
my ($e) = grep { $_->{type} eq 'E' } @msgs;
ok($e, 'raw startup gets an ErrorResponse');
is($e->{fields}{C}, '53300', 'SQLSTATE 53300');
is($e->{fields}{S}, 'FATAL', 'severity FATAL');
is($e->{fields}{M}, 'sorry, too many clients already', 'message text');
ok(!grep({ $_->{type} eq 'Z' } @msgs), 'no ReadyForQuery for the refused session');
my $next = $raw->read_message(5);
is($next && $next->{type}, 'EOF', 'server closes the refused connection');
$raw->disconnect;

# psql too
my ($out, $perr, $rc) = $node->psql('SELECT 1', connect_timeout => 5, timeout => 20);
isnt($rc, 0, 'psql cannot connect either');
like($perr, qr/sorry, too many clients already/, 'psql shows the refusal');

# the held sessions are unaffected
is(scalar $held[0]->selectrow_array('SELECT 40 + 2'), 42, 'a held session still works');

# closing one frees a slot (the backend may take a moment to exit)
$held[1]->disconnect;
my $dbh_new;
my $deadline = time + 10;
while (!$dbh_new && time < $deadline) {
    ($dbh_new) = $node->try_connect;
    sleep 0.1 unless $dbh_new;
}
ok($dbh_new, 'a new connection succeeds after one closed');
is($dbh_new && scalar $dbh_new->selectrow_array('SELECT 7'), 7, 'and it works');

# and the limit applies again
my ($dbh5, $err5) = $node->try_connect;
ok(!$dbh5, 'limit enforced again with 3 sessions open');
like($err5 // '', qr/sorry, too many clients already/, 'same refusal message');

# after every session ends, three fresh ones fit again
$_->disconnect for grep { $_ && $_->{Active} } @held, $dbh_new;
my @again;
$deadline = time + 10;
while (@again < 3 && time < $deadline) {
    my ($d) = $node->try_connect;
    if ($d) { push @again, $d } else { sleep 0.1 }
}
is(scalar @again, 3, 'three new sessions after all closed');
$_->disconnect for @again;

ok($node->stop, 'clean shutdown');
done_testing();
