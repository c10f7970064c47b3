#!/usr/bin/env bash
# scripts/regress-expected.sh — regenerate regress/expected/*.out from real PostgreSQL 15.
#
# This is the only way expected files are made: a throwaway PostgreSQL 15
# cluster (initdb -U postgres, UTF8, C locale) is started on a free port, the
# same pg_regress invocation that scripts/run-regress.sh uses against Basalt is
# run against its database "postgres", and each results/*.out is copied to
# regress/expected/. The cluster is stopped and removed afterwards.
#
# As root, initdb and postgres run as the unprivileged OS user "postgres"
# (runuser); as any other user they run as that user.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_REGRESS=${PG_REGRESS:-/usr/lib/postgresql/15/lib/pgxs/src/test/regress/pg_regress}
REGRESS_DIR="$ROOT/regress"

free_port() {
    perl -MIO::Socket::INET -e '
        my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
                                      Proto => "tcp", Listen => 1, ReuseAddr => 0)
            or die "cannot bind: $!\n";
        print $s->sockport, "\n";'
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/basalt-expected.XXXXXX")
if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$tmp"
    AS_PG=(runuser -u postgres --)
else
    AS_PG=()
fi
datadir="$tmp/data"
started=0

cleanup() {
    if [[ $started -eq 1 ]]; then
        "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$datadir" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if ! "${AS_PG[@]}" "$PGBIN/initdb" -D "$datadir" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C --no-sync >"$tmp/initdb.log" 2>&1; then
    cat "$tmp/initdb.log" >&2
    echo "regress-expected: initdb failed" >&2
    exit 1
fi

port=$(free_port)
if ! "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$datadir" -l "$tmp/server.log" -w -t 30 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$tmp -c fsync=off" \
        start >/dev/null 2>&1; then
    cat "$tmp/server.log" >&2 || true
    echo "regress-expected: PostgreSQL did not start" >&2
    exit 1
fi
started=1

# pg_regress diffs each result against inputdir/expected/NAME.out and gives up
# (status 2) when that file is missing, so give it a scratch input directory
# whose expected/ holds empty placeholders; the diffs are thrown away.
mkdir -p "$tmp/input/expected" "$tmp/output"
ln -s "$REGRESS_DIR/sql" "$tmp/input/sql"
tests=$(awk '$1 == "test:" { for (i = 2; i <= NF; i++) print $i }' "$REGRESS_DIR/schedule")
for t in $tests; do
    : >"$tmp/input/expected/$t.out"
done

status=0
"$PG_REGRESS" --use-existing --bindir="$PGBIN" \
    --host=127.0.0.1 --port="$port" --user=postgres --dbname=postgres \
    --inputdir="$tmp/input" --outputdir="$tmp/output" \
    --schedule="$REGRESS_DIR/schedule" >"$tmp/pg_regress.log" 2>&1 || status=$?
if [[ $status -gt 1 ]]; then
    cat "$tmp/pg_regress.log" >&2
    echo "regress-expected: pg_regress could not run the tests (status $status)" >&2
    exit 1
fi

mkdir -p "$REGRESS_DIR/expected"
n=0
for t in $tests; do
    out="$tmp/output/results/$t.out"
    if [[ ! -s "$out" ]]; then
        echo "regress-expected: no result for test $t" >&2
        exit 1
    fi
    cp "$out" "$REGRESS_DIR/expected/$t.out"
    n=$((n + 1))
done
echo "regress-expected: wrote $n expected files to regress/expected from $("$PGBIN/postgres" --version)"
