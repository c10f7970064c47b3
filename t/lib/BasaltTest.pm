# t/lib/BasaltTest.pm — start, drive and clean up servers for the TAP suite.
#
# Every t/*.t starts its own server through this module:
#
#   use BasaltTest;
#   my $node = BasaltTest->new(settings => { max_connections => 3 })->start;
#   my ($out, $err, $rc) = $node->psql('SELECT 1');
#   my $dbh = $node->connect;
#   $node->restart;  $node->stop;
#
# The server is $ENV{BASALT_BIN} (default ./basalt), run as
# `basalt -D DIR -p PORT -c name=value ...` in a fresh temp directory on a
# free port, with its stderr in DIR/server.log.
#
# With BASALT_TEST_USE_PG=1 the same tests run against real PostgreSQL 15
# instead (initdb, then postgres with the same -c settings, as the OS user
# "postgres" when run as root). That is how the tests themselves are
# validated: a test that fails against PostgreSQL is a wrong test.
#
# Nothing may hang and nothing may be left running:
#   - each server runs in its own process group, so stopping it also reaches
#     its backends; it gets SIGTERM if the test process dies (PR_SET_PDEATHSIG);
#   - a watchdog process ends the test file after $BasaltTest::TIMEOUT seconds
#     (BASALT_TEST_TIMEOUT, default 180);
#   - the END block stops every server still running (TERM, then KILL) and
#     removes its directory; when the test failed it first prints the tail of
#     each server log (BASALT_TEST_KEEP=1 keeps the directories).
#
# BasaltTest::Raw (below) is a minimal protocol-v3 client over a plain socket,
# for tests that must send bytes no driver would send.
package BasaltTest;

use strict;
use warnings;

use Config;
use Cwd qw(abs_path);
use DBI;
use File::Path qw(rmtree);
use File::Temp qw(tempdir);
use IO::Socket::INET;
use IPC::Run ();
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

our $PGBIN   = '/usr/lib/postgresql/15/bin';
our $TIMEOUT = $ENV{BASALT_TEST_TIMEOUT} // 180;

my @nodes;                 # every node created, for END cleanup
my $watchdog_pid;
my $test_pid = $$;         # END runs in forked children too; only the parent cleans up

# ---------------------------------------------------------------------------
# Module-level helpers
# ---------------------------------------------------------------------------

# True when the suite runs against real PostgreSQL 15 instead of Basalt.
sub use_pg { return $ENV{BASALT_TEST_USE_PG} ? 1 : 0 }

# A TCP port on 127.0.0.1 that nothing listens on right now.
sub free_port {
    my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
                                  Proto => 'tcp', Listen => 1, ReuseAddr => 0)
        or die "free_port: cannot bind: $!";
    my $port = $s->sockport;
    CORE::close($s);
    return $port;
}

# Change the whole-file time limit; call before the first start().
sub set_timeout { $TIMEOUT = shift; }

# Ask the kernel to send $sig to this process when its parent dies (Linux).
sub _set_pdeathsig {
    my ($signo) = @_;
    my %nr = ('x86_64' => 157, 'aarch64' => 167);
    my ($arch) = $Config{archname} =~ /^([^-]+)/;
    return unless $nr{$arch};
    syscall($nr{$arch}, 1, $signo, 0, 0, 0);        # prctl(PR_SET_PDEATHSIG, sig)
}

# Drop to the OS user "postgres" (only when root and running real PostgreSQL).
sub _become_postgres {
    return unless $> == 0;
    my (undef, undef, $uid, $gid) = getpwnam('postgres')
        or die "no OS user postgres";
    $) = "$gid $gid";
    $( = $gid;
    $< = $> = $uid;
    die "could not become postgres" unless $> == $uid;
}

sub _start_watchdog {
    return if $watchdog_pid;
    my $parent = $$;
    my $limit  = $TIMEOUT;
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        _set_pdeathsig(9);
        my $deadline = time + $limit;
        while (time < $deadline) {
            sleep 0.5;
            POSIX::_exit(0) unless kill 0, $parent;
        }
        print STDERR "# BasaltTest watchdog: test exceeded ${limit}s, terminating it\n";
        kill 'TERM', $parent;
        sleep 10;
        kill 'KILL', $parent if kill 0, $parent;
        POSIX::_exit(0);
    }
    $watchdog_pid = $pid;
    # a TERM from the watchdog (or anyone) must still run END
    $SIG{TERM} = sub { fail("terminated by SIGTERM (time limit ${TIMEOUT}s?)"); exit 1; };
    $SIG{INT}  = sub { fail("interrupted"); exit 1; };
}

# Run a command with a time limit. Returns ($stdout, $stderr, $exit_code);
# exit code -1 means it timed out (and was killed).
sub run_cmd {
    my ($cmd, %opt) = @_;
    my ($in, $out, $err) = ($opt{stdin} // '', '', '');
    my $timeout = $opt{timeout} // 60;
    my $rc;
    my $h = eval { IPC::Run::start($cmd, \$in, \$out, \$err, IPC::Run::timeout($timeout)) };
    die "run_cmd: cannot start @$cmd: $@" unless $h;
    eval { $h->finish; 1 } or do {
        $h->kill_kill(grace => 2);
        return ($out, $err . "\n[timed out after ${timeout}s]", -1);
    };
    $rc = $h->result(0);
    return ($out, $err, $rc);
}

# ---------------------------------------------------------------------------
# Nodes
# ---------------------------------------------------------------------------

# BasaltTest->new(settings => { name => value, ... }, name => 'label')
sub new {
    my ($class, %opt) = @_;
    my $root = tempdir('basalt_tap_XXXXXX', TMPDIR => 1, CLEANUP => 0);
    my $self = bless {
        name     => $opt{name} // 'node',
        root     => $root,
        datadir  => "$root/data",
        log      => "$root/server.log",
        port     => free_port(),
        settings => { %{ $opt{settings} // {} } },
        pid      => undef,
        is_pg    => use_pg(),
        exit_status => undef,
    }, $class;
    push @nodes, $self;                        # from here on END cleans it up
    if ($self->{is_pg}) {
        if ($> == 0) {
            my (undef, undef, $uid, $gid) = getpwnam('postgres') or die "no OS user postgres";
            chown $uid, $gid, $root or die "chown $root: $!";
        }
        $self->_initdb;
    } else {
        my $bin = $ENV{BASALT_BIN} // './basalt';
        $bin = abs_path($bin) // $bin;
        die "BASALT_BIN $bin is not executable" unless -x $bin;
        $self->{bin} = $bin;
    }
    return $self;
}

sub port    { $_[0]{port} }
sub host    { '127.0.0.1' }
sub datadir { $_[0]{datadir} }
sub root    { $_[0]{root} }
sub log_path { $_[0]{log} }
sub pid     { $_[0]{pid} }
sub is_pg   { $_[0]{is_pg} }
sub exit_status { $_[0]{exit_status} }

sub log_content {
    my ($self) = @_;
    open(my $fh, '<', $self->{log}) or return '';
    local $/;
    my $s = <$fh>;
    return $s // '';
}

sub _initdb {
    my ($self) = @_;
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        open(STDOUT, '>>', "$self->{root}/initdb.log");
        open(STDERR, '>&', \*STDOUT);
        _become_postgres();
        exec("$PGBIN/initdb", '-D', $self->{datadir}, '-U', 'postgres', '--auth=trust',
             '--encoding=UTF8', '--locale=C', '--no-sync')
            or POSIX::_exit(127);
    }
    waitpid($pid, 0);
    die "initdb failed:\n" . `cat $self->{root}/initdb.log` if $?;
}

sub _server_argv {
    my ($self) = @_;
    my %set = %{ $self->{settings} };
    my @argv;
    if ($self->{is_pg}) {
        # PostgreSQL needs max_connections > superuser_reserved_connections; Basalt
        # (like PostgreSQL with 0 reserved) lets the superuser use every slot.
        $set{superuser_reserved_connections} //= 0 if exists $set{max_connections};
        @argv = ("$PGBIN/postgres", '-D', $self->{datadir}, '-p', $self->{port},
                 '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=',
                 '-c', 'fsync=off');
    } else {
        @argv = ($self->{bin}, '-D', $self->{datadir}, '-p', $self->{port});
    }
    push @argv, '-c', "$_=$set{$_}" for sort keys %set;
    return @argv;
}

# Start the server and wait until it answers a query. Dies (with the log) on failure.
sub start {
    my ($self, %opt) = @_;
    die "node already running" if $self->{pid};
    _start_watchdog();
    my @argv = $self->_server_argv;
    my $pid = fork() // die "fork: $!";
    if ($pid == 0) {
        setpgrp(0, 0);
        open(STDIN, '<', '/dev/null');
        open(STDOUT, '>>', $self->{log}) or POSIX::_exit(127);
        open(STDERR, '>&', \*STDOUT);
        _become_postgres() if $self->{is_pg};
        _set_pdeathsig(15);
        exec(@argv) or POSIX::_exit(127);
    }
    $self->{pid} = $pid;
    $self->{exit_status} = undef;
    $self->wait_ready(timeout => $opt{timeout} // 30)
        or die "server did not become ready (port $self->{port}); log:\n" . $self->log_content;
    return $self;
}

# Poll until a query succeeds. Returns 1 when ready, 0 on timeout or server exit.
sub wait_ready {
    my ($self, %opt) = @_;
    my $deadline = time + ($opt{timeout} // 30);
    while (time < $deadline) {
        return 0 unless $self->is_running;
        my (undef, undef, $rc) = $self->psql('SELECT 1', timeout => 5, connect_timeout => 2);
        return 1 if $rc == 0;
        sleep 0.1;
    }
    return 0;
}

# Has the postmaster process exited? Reaps it if so.
sub is_running {
    my ($self) = @_;
    return 0 unless $self->{pid};
    my $r = waitpid($self->{pid}, WNOHANG);
    if ($r == $self->{pid}) {
        $self->{exit_status} = $?;
        $self->{pid} = undef;
        return 0;
    }
    return 1;
}

# Wait up to $timeout seconds for the postmaster to exit. Returns 1 if it did.
sub _wait_exit {
    my ($self, $timeout) = @_;
    my $deadline = time + $timeout;
    while (time < $deadline) {
        return 1 unless $self->is_running;
        sleep 0.05;
    }
    return !$self->is_running;
}

# Clean shutdown: SIGTERM (Basalt) / SIGINT (PostgreSQL's fast shutdown; its
# SIGTERM waits for clients). Returns 1 if the server exited by itself with
# status 0 within the timeout; otherwise kills the process group and returns 0.
sub stop {
    my ($self, %opt) = @_;
    return 1 unless $self->{pid};
    my $pid = $self->{pid};
    kill($self->{is_pg} ? 'INT' : 'TERM', $pid);
    if ($self->_wait_exit($opt{timeout} // 20)) {
        $self->_kill_group('KILL', $pid);      # stray backends, if any
        return ($self->{exit_status} // 0) == 0 ? 1 : 0;
    }
    diag("server $pid did not stop within the timeout; killing it");
    $self->_kill_group('KILL', $pid);
    $self->_wait_exit(5);
    return 0;
}

# kill -9 the postmaster and everything in its process group (a crash).
sub kill9 {
    my ($self) = @_;
    return unless $self->{pid};
    my $pid = $self->{pid};
    $self->_kill_group('KILL', $pid);
    $self->_wait_exit(10);
}

sub _kill_group {
    my ($self, $sig, $pgid) = @_;
    kill($sig, -$pgid);
}

sub restart {
    my ($self, %opt) = @_;
    $self->stop or die "restart: server did not stop cleanly";
    return $self->start(%opt);
}

# Send a signal to one backend process (a pid from pg_backend_pid()).
sub signal_backend {
    my ($self, $pid, $sig) = @_;
    die "bad backend pid '$pid'" unless defined $pid && $pid =~ /^\d+$/ && $pid > 1;
    return kill($sig, $pid);
}

# Run SQL with psql (-X -A -t -q, ON_ERROR_STOP). Returns ($stdout, $stderr, $exit)
# in list context, chomped stdout in scalar context.
# Options: timeout (s), connect_timeout (s), extra_args => [...], stdin => '...'.
sub psql {
    my ($self, $sql, %opt) = @_;
    my @cmd = ("$PGBIN/psql", '-X', '-A', '-t', '-q', '-v', 'ON_ERROR_STOP=1',
               '-h', $self->host, '-p', $self->{port}, '-U', 'postgres',
               @{ $opt{extra_args} // [] }, '-d', 'postgres');
    push @cmd, '-c', $sql if defined $sql;
    local %ENV = %ENV;
    delete @ENV{qw(PGOPTIONS PGDATABASE PGSERVICE PGHOST PGPORT PGUSER)};
    $ENV{PGCONNECT_TIMEOUT} = $opt{connect_timeout} // 10;
    my ($out, $err, $rc) = run_cmd(\@cmd, timeout => $opt{timeout} // 60,
                                   stdin => $opt{stdin});
    chomp $out;
    return wantarray ? ($out, $err, $rc) : $out;
}

# psql that must succeed; dies with stderr otherwise. Returns chomped stdout.
sub safe_psql {
    my ($self, $sql, %opt) = @_;
    my ($out, $err, $rc) = $self->psql($sql, %opt);
    die "psql failed (exit $rc) for: $sql\n$err" if $rc != 0;
    return $out;
}

# Repeat $sql until its output equals $expected or $timeout seconds pass.
sub poll_query_until {
    my ($self, $sql, $expected, $timeout) = @_;
    my $deadline = time + ($timeout // 10);
    while (time < $deadline) {
        my ($out, undef, $rc) = $self->psql($sql, timeout => 5, connect_timeout => 2);
        return 1 if $rc == 0 && $out eq $expected;
        sleep 0.1;
    }
    return 0;
}

sub dsn {
    my ($self) = @_;
    return "dbi:Pg:dbname=postgres;host=127.0.0.1;port=$self->{port};connect_timeout=10";
}

# A DBD::Pg handle (RaiseError, AutoCommit on). Dies if the connection fails.
sub connect {
    my ($self, %attr) = @_;
    my $dbh = DBI->connect($self->dsn, 'postgres', '',
                           { AutoCommit => 1, RaiseError => 1, PrintError => 0, %attr })
        or die "connect failed: $DBI::errstr";
    return $dbh;
}

# Try to connect; returns ($dbh_or_undef, $errstr).
sub try_connect {
    my ($self, %attr) = @_;
    my $dbh = DBI->connect($self->dsn, 'postgres', '',
                           { AutoCommit => 1, RaiseError => 0, PrintError => 0, %attr });
    return ($dbh, $dbh ? undef : $DBI::errstr);
}

# A raw protocol connection (BasaltTest::Raw), not yet started up.
sub raw_connect {
    my ($self, %opt) = @_;
    return BasaltTest::Raw->new($self->host, $self->{port}, %opt);
}

sub _cleanup {
    my ($self, $failed) = @_;
    if ($self->{pid}) {
        my $pid = $self->{pid};
        kill($self->{is_pg} ? 'INT' : 'TERM', $pid);
        unless ($self->_wait_exit(10)) {
            $self->_kill_group('KILL', $pid);
            $self->_wait_exit(5);
        }
        $self->_kill_group('KILL', $pid);
    }
    if ($failed) {
        my @lines = split /\n/, $self->log_content;
        @lines = @lines[-60 .. -1] if @lines > 60;
        diag("---- server log of $self->{name} ($self->{log}), last lines ----");
        diag($_) for @lines;
        diag("---- end of server log ----");
    }
    if ($ENV{BASALT_TEST_KEEP}) {
        diag("kept $self->{root}");
    } else {
        rmtree($self->{root});
    }
}

END {
    my $rc = $?;
    if ($$ == $test_pid) {
        my $failed = !Test::More->builder->is_passing || $rc != 0;
        $_->_cleanup($failed) for @nodes;
        if ($watchdog_pid) {
            kill 'KILL', $watchdog_pid;
            waitpid($watchdog_pid, 0);
        }
    }
    $? = $rc;
}

# ===========================================================================
# BasaltTest::Raw — a minimal protocol-v3 client on a plain TCP socket
# ===========================================================================
package BasaltTest::Raw;

use strict;
use warnings;
use IO::Select;
use IO::Socket::INET;
use Time::HiRes qw(time);

sub new {
    my ($class, $host, $port, %opt) = @_;
    my $sock = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port,
                                     Proto => 'tcp', Timeout => $opt{timeout} // 10)
        or die "raw connect to $host:$port failed: $!";
    binmode $sock;
    return bless { sock => $sock, buf => '', pid => undef, key => undef,
                   params => {} }, $class;
}

sub sock { $_[0]{sock} }
sub backend_pid { $_[0]{pid} }
sub secret_key  { $_[0]{key} }
sub params      { $_[0]{params} }

sub send_bytes {
    my ($self, $bytes) = @_;
    local $SIG{PIPE} = 'IGNORE';
    my $off = 0;
    while ($off < length $bytes) {
        my $n = syswrite($self->{sock}, $bytes, length($bytes) - $off, $off);
        return 0 unless defined $n && $n > 0;
        $off += $n;
    }
    return 1;
}

# A typed message: type byte, int32 length (including itself), body.
sub message { my ($type, $body) = @_; return $type . pack('N', 4 + length $body) . $body; }

sub startup_packet {
    my (%params) = @_;
    %params = (user => 'postgres', database => 'postgres') unless %params;
    my $body = pack('N', 196608) . join('', map { "$_\0$params{$_}\0" } sort keys %params) . "\0";
    return pack('N', 4 + length $body) . $body;
}

sub send_startup {
    my ($self, %params) = @_;
    return $self->send_bytes(startup_packet(%params));
}

sub send_query {
    my ($self, $sql) = @_;
    return $self->send_bytes(message('Q', "$sql\0"));
}

# Read one message: returns { type, body, fields (for E/N) }, undef on timeout,
# or { type => 'EOF' } when the server closed the connection.
sub read_message {
    my ($self, $timeout) = @_;
    my $deadline = time + ($timeout // 10);
    my $sel = IO::Select->new($self->{sock});
    while (1) {
        if (length($self->{buf}) >= 5) {
            my ($type, $len) = unpack('a N', $self->{buf});
            if ($len < 4) {
                return { type => 'BAD', body => '' };
            }
            if (length($self->{buf}) >= 1 + $len) {
                my $body = substr($self->{buf}, 5, $len - 4);
                substr($self->{buf}, 0, 1 + $len) = '';
                my $msg = { type => $type, body => $body };
                $msg->{fields} = _parse_fields($body) if $type eq 'E' || $type eq 'N';
                $self->_note($msg);
                return $msg;
            }
        }
        my $left = $deadline - time;
        return undef if $left <= 0;
        next unless $sel->can_read($left);
        my $n = sysread($self->{sock}, my $chunk, 65536);
        return { type => 'EOF', body => '' } if !defined $n || $n == 0;
        $self->{buf} .= $chunk;
    }
}

sub _note {
    my ($self, $msg) = @_;
    if ($msg->{type} eq 'K') {
        @{$self}{qw(pid key)} = unpack('N N', $msg->{body});
    } elsif ($msg->{type} eq 'S') {
        my ($k, $v) = split /\0/, $msg->{body};
        $self->{params}{$k} = $v;
    }
}

sub _parse_fields {
    my ($body) = @_;
    my %f;
    for my $part (split /\0/, $body) {
        next unless length $part;
        $f{substr($part, 0, 1)} = substr($part, 1);
    }
    return \%f;
}

# Read messages until ReadyForQuery, an ErrorResponse (if stop_on_error), EOF
# or timeout. Returns the list of messages read (the last one tells which).
sub read_until_ready {
    my ($self, %opt) = @_;
    my $deadline = time + ($opt{timeout} // 10);
    my @msgs;
    while (1) {
        my $m = $self->read_message($deadline - time);
        last unless $m;
        push @msgs, $m;
        last if $m->{type} eq 'Z' || $m->{type} eq 'EOF' || $m->{type} eq 'BAD';
        last if $opt{stop_on_error} && $m->{type} eq 'E';
    }
    return @msgs;
}

# Send the startup packet and read to the first ReadyForQuery. Returns the
# messages; the caller checks the last one is 'Z'.
sub startup {
    my ($self, %params) = @_;
    $self->send_startup(%params) or return ();
    return $self->read_until_ready(timeout => 10);
}

# Send a CancelRequest for (pid, key) on a fresh connection to host:port.
sub send_cancel {
    my ($class, $host, $port, $pid, $key) = @_;
    my $s = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port,
                                  Proto => 'tcp', Timeout => 5) or return 0;
    my $ok = syswrite($s, pack('N N N N', 16, 80877102, $pid, $key)) == 16;
    # the server closes the connection without a reply; wait briefly for that
    my $sel = IO::Select->new($s);
    sysread($s, my $x, 1) if $sel->can_read(2);
    CORE::close($s);
    return $ok;
}

sub disconnect { my ($self) = @_; CORE::close($self->{sock}) if $self->{sock}; }

1;
