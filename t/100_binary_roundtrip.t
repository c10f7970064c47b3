# 100_binary_roundtrip.t — binary send/receive for every supported type.
#
# t/bin/binrt.c (built here with cc and libpq) takes each value below as a
# text parameter and asks for the result in binary (the type's send
# function), sends those bytes back as a binary parameter (receive) and gets
# them back in binary and in text. The bytes must survive the round trip, and
# both the bytes and the text must equal what PostgreSQL 15 produces (the
# expected column below; BASALT_TEST_USE_PG=1 checks it against PostgreSQL).
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use File::Temp qw(tempdir);
use Test::More;

my $cc = $ENV{CC} // 'cc';
my ($ccpath) = grep { -x "$_/$cc" } split /:/, $ENV{PATH};
plan skip_all => "no C compiler ($cc) to build t/bin/binrt.c" unless $ccpath || -x $cc;
plan skip_all => 'libpq headers not found (/usr/include/postgresql/libpq-fe.h; install libpq-dev)'
    unless -e '/usr/include/postgresql/libpq-fe.h';

BasaltTest::set_timeout(60);
my $dir = tempdir('binrt_XXXXXX', TMPDIR => 1, CLEANUP => 1);
my ($cout, $cerr, $crc) = BasaltTest::run_cmd(
    [$cc, '-O1', '-I/usr/include/postgresql', '-o', "$dir/binrt", 't/bin/binrt.c', '-lpq'],
    timeout => 60);
is($crc, 0, 'binrt.c compiles') or diag($cerr);

my (@cases, %expected);
while (my $line = <DATA>) {
    chomp $line;
    next if $line eq '' || $line =~ /^#/;
    my ($type, $val, $bytes, $same, $text) = split /\t/, $line, -1;
    push @cases, [$type, $val];
    $expected{"$type\t$val"} = [$bytes, $text];
}

my $node = BasaltTest->new->start;
local $ENV{PGTZ} = 'UTC';
local $ENV{PGDATESTYLE} = 'ISO, MDY';
my $conninfo = sprintf('host=%s port=%d user=postgres dbname=postgres connect_timeout=10',
                       $node->host, $node->port);
my ($out, $err, $rc) = BasaltTest::run_cmd(["$dir/binrt", $conninfo],
    stdin => join('', map { "$_->[0]\t$_->[1]\n" } @cases), timeout => 30);
is($rc, 0, 'binrt ran') or diag($err);

my %got;
for my $line (split /\n/, $out) {
    my ($type, $val, @rest) = split /\t/, $line, -1;
    $got{"$type\t$val"} = \@rest;
}
for my $c (@cases) {
    my $key = "$c->[0]\t$c->[1]";
    my $name = "$c->[0] '$c->[1]'";
    my $g = $got{$key};
    if (!$g) {
        fail("$name: no result");
        next;
    }
    if ($g->[0] eq 'ERROR') {
        fail("$name: $g->[1]");
        next;
    }
    my ($bytes, $same, $text) = @$g;
    is($same, 'same', "$name: binary bytes survive receive + send");
    is($bytes, $expected{$key}[0], "$name: binary form is PostgreSQL's");
    is($text, $expected{$key}[1], "$name: text form after binary input");
}

$node->stop;
done_testing();

# type, text input, PostgreSQL 15's binary output (hex, "-" when empty),
# round-trip flag, text output after binary input (TimeZone UTC, DateStyle ISO)
__DATA__
int2	-32768	8000	same	-32768
int2	12345	3039	same	12345
int4	-2147483648	80000000	same	-2147483648
int4	42	0000002a	same	42
int8	9223372036854775807	7fffffffffffffff	same	9223372036854775807
int8	-1	ffffffffffffffff	same	-1
float4	1.5	3fc00000	same	1.5
float4	-0.125	be000000	same	-0.125
float8	3.141592653589793	400921fb54442d18	same	3.141592653589793
float8	-1e+300	fe37e43c8800759c	same	-1e+300
float8	NaN	7ff8000000000000	same	NaN
float8	Infinity	7ff0000000000000	same	Infinity
numeric	0	0000000000000000	same	0
numeric	123456789.123456789	0006000200000009000109291a8504d2162e2328	same	123456789.123456789
numeric	-0.0001	0001ffff400000040001	same	-0.0001
numeric	1e20	00010005000000000001	same	100000000000000000000
numeric	NaN	00000000c0000000	same	NaN
bool	t	01	same	true
bool	f	00	same	false
text	hello, wörld	68656c6c6f2c2077c3b6726c64	same	hello, wörld
text		-	same	
varchar	abc	616263	same	abc
bpchar	ab	6162	same	ab
bytea	\xdeadbeef00	deadbeef00	same	\xdeadbeef00
bytea	\x	-	same	\x
date	2024-02-29	00002279	same	2024-02-29
date	1999-12-31	ffffffff	same	1999-12-31
date	infinity	7fffffff	same	infinity
time	13:45:30.123456	0000000b8839b4c0	same	13:45:30.123456
time	00:00:00	0000000000000000	same	00:00:00
timestamp	2024-02-29 13:45:30.5	0002b5843dcbd3a0	same	2024-02-29 13:45:30.5
timestamp	1970-01-01 00:00:00	fffca2fec4c82000	same	1970-01-01 00:00:00
timestamptz	2024-02-29 13:45:30.5+00	0002b5843dcbd3a0	same	2024-02-29 13:45:30.5+00
interval	1 year 2 mons 3 days 04:05:06.789	000000036c97ca88000000030000000e	same	1 year 2 mons 3 days 04:05:06.789
interval	-00:00:01	fffffffffff0bdc00000000000000000	same	-00:00:01
uuid	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11	a0eebc999c0b4ef8bb6d6bb9bd380a11	same	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11
inet	127.0.0.1	022000047f000001	same	127.0.0.1/32
inet	10.1.2.3/8	020800040a010203	same	10.1.2.3/8
inet	fe80::1/64	03400010fe800000000000000000000000000001	same	fe80::1/64
json	{"a": [1, 2, {"b": null}]}	7b2261223a205b312c20322c207b2262223a206e756c6c7d5d7d	same	{"a": [1, 2, {"b": null}]}
jsonb	{"b": 1, "a": [true, "x"]}	017b2261223a205b747275652c202278225d2c202262223a20317d	same	{"a": [true, "x"], "b": 1}
jsonpath	$.a[*] ? (@ > 1)	01242e2261225b2a5d3f2840203e203129	same	$."a"[*]?(@ > 1)
jsonpath	strict $.x.**{2 to last}.size()	0173747269637420242e2278222e2a2a7b3220746f206c6173747d2e73697a652829	same	strict $."x".**{2 to last}.size()
int4[]	{1,2,3}	0000000100000000000000170000000300000001000000040000000100000004000000020000000400000003	same	{1,2,3}
int4[]	{{1,NULL},{3,4}}	000000020000000100000017000000020000000100000002000000010000000400000001ffffffff00000004000000030000000400000004	same	{{1,NULL},{3,4}}
int4[]	{}	000000000000000000000017	same	{}
text[]	{a,"b c",NULL,""}	0000000100000001000000190000000400000001000000016100000003622063ffffffff00000000	same	{a,"b c",NULL,""}
bit(5)	10101	00000005a8	same	10101
bit(12)	XF0F	0000000cf0f0	same	111100001111
varbit		00000000	same	
varbit	1111000011	0000000af0c0	same	1111000011
varbit(20)	10000000100000001	00000011808080	same	10000000100000001
# records: a table row type (record_send / record_recv; a built-in catalog's
# row type, so both servers have it with the same column types)
pg_am	(403,btree,bthandler,i)	000000040000001a00000004000001930000001300000005627472656500000018000000040000014a000000120000000169	same	(403,btree,bthandler,i)
pg_language	(12,internal,10,f,f,0,0,2246,)	000000090000001a000000040000000c0000001300000008696e7465726e616c0000001a000000040000000a0000001000000001000000001000000001000000001a00000004000000000000001a00000004000000000000001a00000004000008c60000040affffffff	same	(12,internal,10,f,f,0,0,2246,)
