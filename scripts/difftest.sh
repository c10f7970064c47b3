#!/usr/bin/env bash
# scripts/difftest.sh — run SQL files through Basalt and PostgreSQL 15 and diff.
#
# A development tool for finding where Basalt differs from PostgreSQL before a
# statement goes into regress/. For each FILE.sql it runs `psql -X -a -q` (the
# way pg_regress does, with pg_regress's PGTZ and PGDATESTYLE) against
#   - a fresh Basalt server (this checkout's ./basalt, fresh data directory,
#     started on a free port and stopped afterwards), and
#   - an already running PostgreSQL 15 (the oracle) at ORACLE_HOST:ORACLE_PORT
#     (default /tmp/pgoracle:5499), in a fresh database dropped afterwards,
# and prints `diff -u oracle basalt`. Exit status 0 when every file matches.
#
# Usage: scripts/difftest.sh [-k] FILE.sql...     (-k: keep outputs in $OUT)
# Environment: BASALT_BIN, ORACLE_HOST, ORACLE_PORT, OUT (output directory).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
BASALT_BIN=${BASALT_BIN:-$ROOT/basalt}
ORACLE_HOST=${ORACLE_HOST:-/tmp/pgoracle}
ORACLE_PORT=${ORACLE_PORT:-5499}
keep=0
if [[ ${1:-} == -k ]]; then keep=1; shift; fi
[[ $# -gt 0 ]] || { echo "usage: $0 [-k] FILE.sql..." >&2; exit 2; }

export PGTZ=PST8PDT PGDATESTYLE="Postgres, MDY" PGAPPNAME=pg_regress
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/difftest.XXXXXX")}
mkdir -p "$OUT"
port=$(perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(LocalAddr=>"127.0.0.1",LocalPort=>0,Listen=>1)->sockport')
"$BASALT_BIN" -D "$OUT/data" -p "$port" >"$OUT/server.log" 2>&1 &
server_pid=$!
trap 'kill -TERM $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; [[ $keep -eq 1 ]] || rm -rf "$OUT"' EXIT
for _ in $(seq 1 150); do
    "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.2
done

db="difftest_$$"
"$PGBIN/psql" -X -q -h "$ORACLE_HOST" -p "$ORACLE_PORT" -U postgres -d postgres \
    -c "CREATE DATABASE $db" >/dev/null || exit 2
status=0
for f in "$@"; do
    name=$(basename "$f" .sql)
    "$PGBIN/psql" -X -a -q -h "$ORACLE_HOST" -p "$ORACLE_PORT" -U postgres -d "$db" \
        <"$f" >"$OUT/$name.oracle" 2>&1
    "$PGBIN/psql" -X -a -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        <"$f" >"$OUT/$name.basalt" 2>&1
    if ! diff -u "$OUT/$name.oracle" "$OUT/$name.basalt"; then status=1; fi
done
"$PGBIN/psql" -X -q -h "$ORACLE_HOST" -p "$ORACLE_PORT" -U postgres -d postgres \
    -c "DROP DATABASE $db" >/dev/null
[[ $keep -eq 1 ]] && echo "difftest: outputs kept in $OUT" >&2
exit $status
