#!/usr/bin/env bash
# bench/sort.sh — sort / spill wall-clock times, Basalt versus PostgreSQL 15.
#
# Starts a Basalt ($BASALT_BIN, fresh data directory under tmp_check/) and
# uses the oracle PostgreSQL 15 already running on this machine (host
# $PGORACLE_HOST, port $PGORACLE_PORT; default /tmp/pgoracle:5499).  Each
# query runs under several work_mem settings and input sizes against both
# servers in the same run; the best of $BENCH_REPS wall-clock times (psql
# \timing, output discarded through COUNT/OFFSET so the client does not
# dominate) is printed with the ratio Basalt/PostgreSQL.
#
# A benchmark, never a test: nothing here asserts a time.
# Environment: BASALT_BIN (default ./basalt), BENCH_REPS (default 3),
# BENCH_SIZES (default "100000 1000000"), BENCH_WORK_MEM (default
# "64kB 4MB default").
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
BASALT_BIN=${BASALT_BIN:-$ROOT/basalt}
PGORACLE_HOST=${PGORACLE_HOST:-/tmp/pgoracle}
PGORACLE_PORT=${PGORACLE_PORT:-5499}
REPS=${BENCH_REPS:-3}
SIZES=${BENCH_SIZES:-"100000 1000000"}
WORK_MEMS=${BENCH_WORK_MEM:-"64kB 4MB default"}

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
work=$(mktemp -d "$ROOT/tmp_check/bench-sort.XXXXXX")
basalt_pid=""
ok=0

cleanup() {
    if [[ -n "$basalt_pid" ]] && kill -0 "$basalt_pid" 2>/dev/null; then
        kill -TERM "$basalt_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$basalt_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$basalt_pid" 2>/dev/null || true
        wait "$basalt_pid" 2>/dev/null || true
    fi
    if [[ $ok -eq 1 ]]; then rm -rf "$work"; else echo "bench: logs kept in $work" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

basalt_port=$(free_port)
"$BASALT_BIN" -D "$work/basalt-data" -p "$basalt_port" >"$work/basalt.log" 2>&1 &
basalt_pid=$!
deadline=$((SECONDS + 30))
until PGCONNECT_TIMEOUT=2 "$PGBIN/psql" -X -q -h 127.0.0.1 -p "$basalt_port" -U postgres \
        -d postgres -c 'SELECT 1' >/dev/null 2>&1; do
    if ! kill -0 "$basalt_pid" 2>/dev/null || ((SECONDS >= deadline)); then
        echo "bench: Basalt did not start; log:" >&2; cat "$work/basalt.log" >&2; exit 1
    fi
    sleep 0.2
done

# The queries; N is the row count.  Each reduces its output to one row so
# that the time measured is the server's, not psql's.
queries() {
    local n=$1
    cat <<SQL
sort_int_desc|SELECT count(*) FROM (SELECT g FROM generate_series(1,$n) g ORDER BY g DESC OFFSET 0) s
sort_int_offset|SELECT g FROM generate_series(1,$n) g ORDER BY g DESC OFFSET $((n - 1))
sort_text|SELECT g::text FROM generate_series(1,$n) g ORDER BY 1 OFFSET $((n - 1))
sort_record|SELECT r FROM (SELECT row(g % 1000, g::text) AS r FROM generate_series(1,$n) g) s ORDER BY r OFFSET $((n - 1))
sort_2keys|SELECT g % 100, g FROM generate_series(1,$n) g ORDER BY 1, 2 DESC OFFSET $((n - 1))
rollup|SELECT count(*) FROM (SELECT g % 10 a, g % 7 b, count(*) FROM generate_series(1,$n) g GROUP BY ROLLUP(a, b)) s
rollup_distinct|SELECT count(*) FROM (SELECT g, count(*) FROM generate_series(1,$n) g GROUP BY ROLLUP(g)) s
hashagg|SELECT count(*) FROM (SELECT g % ($n / 4) k, count(*) FROM generate_series(1,$n) g GROUP BY 1) s
distinct|SELECT count(*) FROM (SELECT DISTINCT g % ($n / 2) FROM generate_series(1,$n) g) s
SQL
}

# time_query PSQL-ARGS... : runs $SQLFILE REPS times, prints the best ms.
time_query() {   # label, sqlfile, psql connection args...
    local label=$1 sql=$2; shift 2
    local best="" out ms
    for _ in $(seq 1 "$REPS"); do
        out=$("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$@" -f "$sql" 2>&1) || {
            echo "bench: $label failed: $out" >&2; echo "error"; return 0; }
        ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -1)
        if [[ -z "$best" ]] || perl -e 'exit !($ARGV[0] < $ARGV[1])' "$ms" "$best"; then
            best=$ms
        fi
    done
    echo "$best"
}

printf '%-16s %9s %8s %12s %12s %8s\n' query rows work_mem "Basalt ms" "PG15 ms" ratio
for n in $SIZES; do
    while IFS='|' read -r name q; do
        for wm in $WORK_MEMS; do
            sql="$work/q.sql"
            {
                if [[ $wm == default ]]; then echo "RESET work_mem;"; else echo "SET work_mem = '$wm';"; fi
                echo '\o /dev/null'
                echo '\timing on'
                echo "$q;"
            } >"$sql"
            b=$(time_query basalt "$sql" -h 127.0.0.1 -p "$basalt_port" -U postgres -d postgres)
            p=$(time_query postgresql "$sql" -h "$PGORACLE_HOST" -p "$PGORACLE_PORT" -U postgres -d postgres)
            if [[ $b == error || $p == error ]]; then r="-"; else
                r=$(perl -e 'printf "%.2f", $ARGV[0] / ($ARGV[1] || 0.001)' "$b" "$p"); fi
            printf '%-16s %9s %8s %12s %12s %8s\n' "$name" "$n" "$wm" "$b" "$p" "$r"
        done
    done < <(queries "$n")
done
ok=1
