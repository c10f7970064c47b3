# 090_protocol_errors.t — malformed protocol messages get SQLSTATE 08P01 (or
# the connection is closed), never a crash, a hang or a huge allocation; the
# server keeps serving new connections after each one.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(time);

my $node = BasaltTest->new->start;
my $postmaster = $node->pid;

sub msg { return BasaltTest::Raw::message(@_) }

sub describe {
    return join ' ', map { $_->{type} . ($_->{fields} ? "[$_->{fields}{C} $_->{fields}{M}]" : '') } @_;
}

# A ready raw session (startup done).
sub session {
    my $r = $node->raw_connect;
    my @m = $r->startup;
    die 'raw startup failed: ' . describe(@m) unless @m && $m[-1]{type} eq 'Z';
    return $r;
}

# The reply to a bad message must be an 08P01 ErrorResponse, or the server
# closing the connection, within a few seconds.
sub rejected_ok {
    my ($label, @msgs) = @_;
    my ($e) = grep { $_->{type} eq 'E' } @msgs;
    my $eof = grep { $_->{type} eq 'EOF' } @msgs;
    ok(($e && $e->{fields}{C} eq '08P01') || (!$e && $eof),
       "$label: 08P01 ErrorResponse or connection closed (got: " . describe(@msgs) . ')');
}

sub server_ok {
    my ($label) = @_;
    ok($node->is_running && $node->pid == $postmaster, "$label: postmaster still running");
    my ($out, $err, $rc) = $node->psql('SELECT 21 * 2', connect_timeout => 5, timeout => 20);
    is($out, '42', "$label: a new normal connection works") or diag($err);
}

# 1. 'Q' whose length (2) is smaller than the length field itself
{
    my $r = session();
    $r->send_bytes('Q' . pack('N', 2));
    my $t0 = time;
    my @m = $r->read_until_ready(timeout => 10);
    rejected_ok('length 2', @m);
    ok(time - $t0 < 10, 'length 2: answered without waiting for more input');
    $r->disconnect;
    server_ok('length 2');
}

# 2. 'Q' claiming 0x7fffffff bytes: must be refused, not allocated or awaited
{
    my $r = session();
    $r->send_bytes('Q' . pack('N', 0x7fffffff) . 'SELECT 1');
    my $t0 = time;
    my @m = $r->read_until_ready(timeout => 10);
    rejected_ok('length 0x7fffffff', @m);
    ok(time - $t0 < 10, 'length 0x7fffffff: refused without waiting for 2 GB');
    $r->disconnect;
    server_ok('length 0x7fffffff');
}

# 3. negative length (high bit set)
{
    my $r = session();
    $r->send_bytes('Q' . pack('N', 0xfffffff0));
    rejected_ok('negative length', $r->read_until_ready(timeout => 10));
    $r->disconnect;
    server_ok('negative length');
}

# 4. unknown message type: FATAL 08P01 "invalid frontend message type", then close
{
    my $r = session();
    $r->send_bytes(msg('z', ''));
    my @m = $r->read_until_ready(timeout => 10);
    my ($e) = grep { $_->{type} eq 'E' } @m;
    ok($e, 'unknown type: ErrorResponse (got: ' . describe(@m) . ')');
    is($e && $e->{fields}{C}, '08P01', 'unknown type: SQLSTATE 08P01');
    is($e && $e->{fields}{S}, 'FATAL', 'unknown type: severity FATAL');
    is($e && $e->{fields}{M}, 'invalid frontend message type 122', 'unknown type: message');
    my $last = $m[-1]{type} eq 'EOF' ? $m[-1] : $r->read_message(5);
    is($last && $last->{type}, 'EOF', 'unknown type: connection closed');
    $r->disconnect;
    server_ok('unknown type');
}

# 5. a query string without its NUL terminator: ERROR 08P01, session continues
{
    my $r = session();
    $r->send_bytes(msg('Q', 'SELECT 1'));
    my @m = $r->read_until_ready(timeout => 10);
    my ($e) = grep { $_->{type} eq 'E' } @m;
    is($e && $e->{fields}{C}, '08P01', 'unterminated string: SQLSTATE 08P01 (got: ' . describe(@m) . ')');
    is($e && $e->{fields}{M}, 'invalid string in message', 'unterminated string: message');
    is($m[-1]{type}, 'Z', 'unterminated string: ReadyForQuery follows (not fatal)');
    $r->send_query('SELECT 7');
    my @ok = $r->read_until_ready(timeout => 10);
    ok((grep { $_->{type} eq 'D' && $_->{body} =~ /7/ } @ok), 'unterminated string: session still answers');
    $r->disconnect;
    server_ok('unterminated string');
}

# 6. a message cut short by the client closing the connection
{
    my $r = session();
    $r->send_bytes('Q' . pack('N', 100) . 'SELECT');
    $r->disconnect;
    server_ok('truncated message then disconnect');
}

# 7. startup packets: too long, too short, without terminator, wrong protocol version
{
    my $r = $node->raw_connect;
    $r->send_bytes(pack('N N', 100000, 196608));
    rejected_ok('startup length 100000', $r->read_until_ready(timeout => 10));
    $r->disconnect;

    $r = $node->raw_connect;
    $r->send_bytes(pack('N N', 3, 196608));
    rejected_ok('startup length 3', $r->read_until_ready(timeout => 10));
    $r->disconnect;

    $r = $node->raw_connect;
    $r->send_bytes(pack('N N', 8, 196608));
    rejected_ok('startup without parameters or terminator', $r->read_until_ready(timeout => 10));
    $r->disconnect;

    $r = $node->raw_connect;
    $r->send_bytes(pack('N N', 8, 4 << 16));
    my @m = $r->read_until_ready(timeout => 10);
    my ($e) = grep { $_->{type} eq 'E' } @m;
    is($e && $e->{fields}{C}, '0A000', 'protocol 4.0: SQLSTATE 0A000 (got: ' . describe(@m) . ')');
    like($e ? $e->{fields}{M} : '', qr/^unsupported frontend protocol 4\.0/, 'protocol 4.0: message');
    $r->disconnect;

    $r = $node->raw_connect;
    $r->send_bytes("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" . ("\0" x 64));   # TLS ClientHello
    @m = $r->read_until_ready(timeout => 10);
    ok(!grep({ $_->{type} eq 'Z' } @m), 'garbage instead of a startup packet is not accepted');
    $r->disconnect;
    server_ok('bad startup packets');
}

# 8. a pipelined Query and Terminate: answered, then closed cleanly
{
    my $r = session();
    $r->send_bytes(msg('Q', "SELECT 1\0") . msg('X', ''));
    my @m = $r->read_until_ready(timeout => 10);
    is(join('', map { $_->{type} } @m), 'TDCZ', 'pipelined query answered: RowDescription, DataRow, CommandComplete, ReadyForQuery');
    my $last = $r->read_message(5);
    is($last && $last->{type}, 'EOF', 'Terminate closes the connection');
    $r->disconnect;
}

# 9. many bad connections in a row do not exhaust anything
{
    for my $i (1 .. 30) {
        my $r = session();
        $r->send_bytes($i % 2 ? msg('z', '') : 'Q' . pack('N', 1));
        $r->read_until_ready(timeout => 5);
        $r->disconnect;
    }
    server_ok('after 30 bad sessions');
}

ok($node->stop, 'clean shutdown');
done_testing();
