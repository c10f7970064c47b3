#!/usr/bin/env bash
# bench/run.sh — point-select throughput, Basalt versus PostgreSQL 15, as a ratio.
#
# Both servers run on this machine in the same run: Basalt ($BASALT_BIN, fresh
# data directory under tmp_check/) and a throwaway PostgreSQL 15 cluster
# (initdb as the OS user "postgres" when run as root), each with default
# settings. Each gets the same table kv(k int, v text) with 10,000 rows (no
# index) and the same load:
#
#   pgbench -n -M prepared -c 4 -T $BENCH_SECONDS -f bench/kv_select.sql
#
# Prints both TPS figures and Basalt/PostgreSQL. A benchmark, never a test:
# nothing here asserts a time. Environment: BASALT_BIN (default ./basalt),
# BENCH_SECONDS (default 10), BENCH_CLIENTS (default 4).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
BASALT_BIN=${BASALT_BIN:-$ROOT/basalt}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CLIENTS=${BENCH_CLIENTS:-4}
SCRIPT="$ROOT/bench/kv_select.sql"
ROWS=10000

if [[ ! -x "$BASALT_BIN" ]]; then
    echo "bench: server binary $BASALT_BIN not found or not executable" >&2
    exit 2
fi

free_port() {
    perl -MIO::Socket::INET -e '
        my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0,
                                      Proto => "tcp", Listen => 1, ReuseAddr => 0)
            or die "cannot bind: $!\n";
        print $s->sockport, "\n";'
}

mkdir -p "$ROOT/tmp_check"
work=$(mktemp -d "$ROOT/tmp_check/bench.XXXXXX")
pgtmp=$(mktemp -d "${TMPDIR:-/tmp}/basalt-bench-pg.XXXXXX")
if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$pgtmp"
    AS_PG=(runuser -u postgres --)
else
    AS_PG=()
fi
basalt_pid=""
pg_started=0
ok=0

cleanup() {
    if [[ -n "$basalt_pid" ]] && kill -0 "$basalt_pid" 2>/dev/null; then
        kill -TERM "$basalt_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$basalt_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$basalt_pid" 2>/dev/null || true
        wait "$basalt_pid" 2>/dev/null || true
    fi
    if [[ $pg_started -eq 1 ]]; then
        "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$pgtmp/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
            "${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$pgtmp/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pgtmp"
    if [[ $ok -eq 1 ]]; then rm -rf "$work"; else echo "bench: logs kept in $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_ready() {    # port, pid-or-empty, log
    local port=$1 pid=$2 log=$3 deadline=$((SECONDS + 30))
    while ((SECONDS < deadline)); do
        if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then break; fi
        if PGCONNECT_TIMEOUT=2 "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
                -c 'SELECT 1' >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.2
    done
    echo "bench: server on port $port did not become ready; log:" >&2
    cat "$log" >&2 || true
    return 1
}

# 10,000 rows in 10 multi-row INSERTs: plain SQL any server in this project runs.
make_load_sql() {
    echo "DROP TABLE IF EXISTS kv;"
    echo "CREATE TABLE kv (k int, v text);"
    perl -e '
        my $rows = shift;
        for (my $b = 0; $b < $rows; $b += 1000) {
            my $last = $b + 1000 > $rows ? $rows : $b + 1000;
            print "INSERT INTO kv VALUES\n",
                  join(",\n", map { "($_, '\''value $_'\'')" } $b + 1 .. $last), ";\n";
        }' "$ROWS"
    echo "SELECT count(*) FROM kv;"
}
make_load_sql >"$work/load.sql"

load_and_run() {   # label, port -> prints TPS on stdout
    local label=$1 port=$2 count out tps
    count=$("$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres \
            -d postgres -f "$work/load.sql" 2>"$work/$label.load.err") || {
        echo "bench: loading kv into $label failed:" >&2; cat "$work/$label.load.err" >&2; return 1; }
    if [[ "$count" != "$ROWS" ]]; then
        echo "bench: $label has $count rows in kv, expected $ROWS" >&2
        return 1
    fi
    out=$("$PGBIN/pgbench" -n -M prepared -c "$CLIENTS" -T "$SECONDS_PER_RUN" \
          -h 127.0.0.1 -p "$port" -U postgres -f "$SCRIPT" postgres 2>"$work/$label.pgbench.err") || {
        echo "bench: pgbench against $label failed:" >&2
        echo "$out" >&2; cat "$work/$label.pgbench.err" >&2; return 1; }
    echo "$out" >"$work/$label.pgbench.out"
    if ! grep -q 'number of failed transactions: 0 ' <<<"$out"; then
        echo "bench: pgbench against $label reported failed transactions:" >&2
        echo "$out" >&2
        return 1
    fi
    tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' <<<"$out")
    if [[ -z "$tps" ]]; then
        echo "bench: could not read TPS from pgbench output for $label:" >&2
        echo "$out" >&2
        return 1
    fi
    echo "$tps"
}

# --- Basalt
basalt_port=$(free_port)
"$BASALT_BIN" -D "$work/basalt-data" -p "$basalt_port" >"$work/basalt.log" 2>&1 &
basalt_pid=$!
wait_ready "$basalt_port" "$basalt_pid" "$work/basalt.log"

# --- PostgreSQL 15
if ! "${AS_PG[@]}" "$PGBIN/initdb" -D "$pgtmp/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C --no-sync >"$pgtmp/initdb.log" 2>&1; then
    cat "$pgtmp/initdb.log" >&2
    echo "bench: initdb failed" >&2
    exit 1
fi
pg_port=$(free_port)
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$pgtmp/data" -l "$pgtmp/server.log" -w -t 30 \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pgtmp" \
    start >/dev/null 2>&1 || { cat "$pgtmp/server.log" >&2; echo "bench: PostgreSQL did not start" >&2; exit 1; }
pg_started=1
wait_ready "$pg_port" "" "$pgtmp/server.log"

echo "bench: pgbench -n -M prepared -c $CLIENTS -T $SECONDS_PER_RUN -f bench/kv_select.sql" \
     "(kv: $ROWS rows, no index)"
basalt_tps=$(load_and_run basalt "$basalt_port")
pg_tps=$(load_and_run postgresql "$pg_port")
ratio=$(perl -e 'printf "%.3f", $ARGV[0] / $ARGV[1]' "$basalt_tps" "$pg_tps")

printf '%-16s %12s\n' "server" "tps"
printf '%-16s %12.1f\n' "Basalt" "$basalt_tps"
printf '%-16s %12.1f\n' "PostgreSQL 15" "$pg_tps"
printf 'ratio Basalt/PostgreSQL: %s\n' "$ratio"
ok=1
