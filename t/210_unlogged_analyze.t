# 210_unlogged_analyze.t — an UNLOGGED table keeps its rows and its recorded
# persistence over a clean restart (as PostgreSQL, which empties unlogged
# tables only after a crash; Basalt, without a WAL, stores them like
# permanent ones), and the statistics ANALYZE / VACUUM write to pg_class
# survive a restart.
use strict;
use warnings;
use lib 't/lib';
use BasaltTest;
use Test::More;

my $node = BasaltTest->new->start;

$node->safe_psql(q{CREATE UNLOGGED TABLE ul (id int PRIMARY KEY, v text)});
$node->safe_psql(q{INSERT INTO ul SELECT g, 'v' || g FROM generate_series(1, 500) g});
$node->safe_psql(q{CREATE TABLE st (a int)});
$node->safe_psql(q{INSERT INTO st SELECT generate_series(1, 1234)});
$node->safe_psql(q{ANALYZE st});
$node->safe_psql(q{DELETE FROM ul WHERE id > 300});
$node->safe_psql(q{VACUUM ul});

is($node->safe_psql(q{SELECT relname, relpersistence, reltuples FROM pg_class
                      WHERE relname IN ('ul', 'ul_pkey', 'st') ORDER BY relname}),
   "st|p|1234\nul|u|300\nul_pkey|u|300", 'persistence and statistics before restart');

$node->restart;
is($node->safe_psql(q{SELECT count(*), max(id) FROM ul}), '300|300', 'unlogged rows survive a clean restart');
is($node->safe_psql(q{SELECT v FROM ul WHERE id = 42}), 'v42', 'unlogged index still usable');
is($node->safe_psql(q{SELECT relname, relpersistence, reltuples FROM pg_class
                      WHERE relname IN ('ul', 'ul_pkey', 'st') ORDER BY relname}),
   "st|p|1234\nul|u|300\nul_pkey|u|300", 'persistence and statistics after restart');

$node->safe_psql(q{ALTER TABLE ul SET LOGGED});
$node->restart;
is($node->safe_psql(q{SELECT string_agg(relpersistence::text, ',' ORDER BY relname) FROM pg_class
                      WHERE relname IN ('ul', 'ul_pkey')}), 'p,p', 'SET LOGGED persists');

ok($node->stop, 'clean shutdown');
done_testing();
