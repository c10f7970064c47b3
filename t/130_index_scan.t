# 130_index_scan.t — B-tree indexes end to end on a 100k-row table:
#  (a) a PRIMARY KEY lookup returns the right row, through the index and
#      with enable_indexscan off (sequential scan); the time of each is
#      printed as a diag, never asserted;
#  (b) ranges, ORDER BY ... LIMIT in both directions, and a join from a
#      small table into the big one return the same rows either way;
#  (c) uniqueness is enforced (23505) and the index follows UPDATE,
#      DELETE, TRUNCATE and a restart.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;
use Time::HiRes qw(time);

BasaltTest::set_timeout(300);
my $node = BasaltTest->new->start;
my $dbh = $node->connect;
$dbh->{AutoCommit} = 1;

my $N = 100_000;
$dbh->do('CREATE TABLE big (id int PRIMARY KEY, grp int, v text)');
$dbh->do("INSERT INTO big SELECT g, g % 100, 'v' || g FROM generate_series(1, $N) g");
$dbh->do('CREATE INDEX big_grp_idx ON big (grp)');

sub one { my ($sql, @args) = @_; return ($dbh->selectrow_array($sql, undef, @args))[0]; }
sub col { my ($sql, @args) = @_; return join(',', map { $_->[0] } @{ $dbh->selectall_arrayref($sql, undef, @args) }); }

# ---------------------------------------------------------------- (a)
is(one('SELECT v FROM big WHERE id = 42'), 'v42', 'PK lookup returns the right row');
is(one('SELECT v FROM big WHERE id = $1', 99_999), 'v99999', 'PK lookup with a parameter');
is(one('SELECT count(*) FROM big WHERE id = 0'), 0, 'missing key: no row');

my $lookups = 200;
my $sth = $dbh->prepare('SELECT v FROM big WHERE id = $1');
my $t0 = time;
my $ok = 0;
for my $i (1 .. $lookups)
{
    my $k = ($i * 7919) % $N + 1;
    $sth->execute($k);
    my ($v) = $sth->fetchrow_array;
    $ok++ if defined $v && $v eq "v$k";
}
my $t_index = time - $t0;
is($ok, $lookups, "$lookups PK lookups through the index");

$dbh->do('SET enable_indexscan = off');
$dbh->do('SET enable_bitmapscan = off');
# a new statement: plans are made (and kept) when it is prepared
$sth = $dbh->prepare('SELECT v FROM big WHERE id = $1');
$t0 = time;
my $seq_lookups = 5;
$ok = 0;
for my $i (1 .. $seq_lookups)
{
    my $k = ($i * 7919) % $N + 1;
    $sth->execute($k);
    my ($v) = $sth->fetchrow_array;
    $ok++ if defined $v && $v eq "v$k";
}
my $t_seq = time - $t0;
$sth->finish;
undef $sth;
is($ok, $seq_lookups, 'the same lookups with enable_indexscan off');
diag(sprintf('PK lookup: %.3f ms with the index, %.3f ms without (mean of %d / %d)',
             1000 * $t_index / $lookups, 1000 * $t_seq / $seq_lookups, $lookups, $seq_lookups));

# ---------------------------------------------------------------- (b)
my @queries = (
    'SELECT count(*) FROM big WHERE id < 1000',
    'SELECT count(*) FROM big WHERE id BETWEEN 5000 AND 5999',
    'SELECT count(*) FROM big WHERE id >= 99990',
    'SELECT string_agg(id::text, \',\' ORDER BY id) FROM big WHERE grp = 7 AND id < 1000',
    'SELECT id FROM big ORDER BY id LIMIT 3',
    'SELECT id FROM big ORDER BY id DESC LIMIT 3',
    'SELECT id FROM big WHERE id > 500 ORDER BY id LIMIT 2 OFFSET 1',
);
my %seq;
$seq{$_} = col($_) for @queries;
$dbh->do('SET enable_indexscan = on');
is(col($_), $seq{$_}, "same rows through the index: $_") for @queries;
is(col('SELECT id FROM big ORDER BY id DESC LIMIT 3'), "$N," . ($N - 1) . ',' . ($N - 2),
   'ORDER BY DESC LIMIT');

$dbh->do('CREATE TABLE small (x int, tag text)');
$dbh->do("INSERT INTO small VALUES (10, 'a'), (20000, 'a'), (77777, 'b'), (-1, 'a'), (NULL, 'a')");
is(col(q{SELECT s.x || ':' || b.v FROM small s JOIN big b ON b.id = s.x WHERE s.tag = 'a' ORDER BY s.x}),
   '10:v10,20000:v20000', 'join from a small table into the big one');
is(col(q{SELECT coalesce(b.v, '-') FROM small s LEFT JOIN big b ON b.id = s.x ORDER BY s.x NULLS LAST}),
   '-,v10,v20000,v77777,-', 'LEFT JOIN into the big one');
$t0 = time;
for (1 .. 20)
{
    col(q{SELECT b.v FROM small s JOIN big b ON b.id = s.x WHERE s.tag = 'a'});
}
diag(sprintf('join small -> big: %.3f ms', 1000 * (time - $t0) / 20));

# ---------------------------------------------------------------- (c)
my $r = eval { $dbh->do("INSERT INTO big VALUES (42, 0, 'dup')"); 1 };
ok(!$r, 'duplicate key refused');
is($dbh->state, '23505', 'SQLSTATE 23505');
like($dbh->errstr, qr/duplicate key value violates unique constraint "big_pkey"/, 'message names the index');

$dbh->do('UPDATE big SET id = -42 WHERE id = 42');
is(one('SELECT v FROM big WHERE id = -42'), 'v42', 'updated key found');
is(one('SELECT count(*) FROM big WHERE id = 42'), 0, 'old key gone');
$dbh->do("INSERT INTO big VALUES (42, 0, 'again')");
is(one('SELECT v FROM big WHERE id = 42'), 'again', 'key reused after UPDATE');
$dbh->do('DELETE FROM big WHERE id = 43');
is(one('SELECT count(*) FROM big WHERE id = 43'), 0, 'deleted key gone');

$dbh->disconnect;
$node->restart;
$dbh = $node->connect;
is(one('SELECT v FROM big WHERE id = 77777'), 'v77777', 'lookup after restart');
is(one('SELECT v FROM big WHERE id = 42'), 'again', 'committed change after restart');

$dbh->do('TRUNCATE big');
is(one('SELECT count(*) FROM big WHERE id = 1'), 0, 'TRUNCATE empties the index');
$dbh->do("INSERT INTO big VALUES (1, 1, 'one')");
is(one('SELECT v FROM big WHERE id = 1'), 'one', 'insert after TRUNCATE');
$dbh->disconnect;

done_testing();
