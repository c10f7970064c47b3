#!/usr/bin/env bash
# scripts/run-regress.sh — run the pg_regress suite (regress/) against Basalt.
#
# Starts $BASALT_BIN on a free port with a fresh data directory under
# tmp_check/, waits until it answers a query, runs PostgreSQL 15's pg_regress
# in --use-existing mode against database "postgres", stops the server and
# exits with pg_regress's status. On failure regression.diffs is printed and
# the run directory is kept; on success it is removed. The server is always
# stopped on exit, whatever happens.
#
# Environment: BASALT_BIN (default ./basalt), REGRESS_START_TIMEOUT (30 s),
# EXTRA_REGRESS_OPTS (appended to pg_regress, e.g. a list of test names).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_REGRESS=${PG_REGRESS:-/usr/lib/postgresql/15/lib/pgxs/src/test/regress/pg_regress}
BASALT_BIN=${BASALT_BIN:-$ROOT/basalt}
START_TIMEOUT=${REGRESS_START_TIMEOUT:-30}

if [[ ! -x "$BASALT_BIN" ]]; then
    echo "run-regress: server binary $BASALT_BIN not found or not executable" >&2
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
rundir=$(mktemp -d "$ROOT/tmp_check/regress.XXXXXX")
log="$rundir/server.log"
server_pid=""

stop_server() {
    [[ -n "$server_pid" ]] || return 0
    if kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do              # up to 10 s for a clean shutdown
            kill -0 "$server_pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$server_pid" 2>/dev/null; then
            echo "run-regress: server did not stop after SIGTERM; sending SIGKILL" >&2
            kill -KILL "$server_pid" 2>/dev/null || true
        fi
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Start the server; retry on another port if this one was taken in between.
ready=0
for _ in 1 2 3; do
    port=$(free_port)
    "$BASALT_BIN" -D "$rundir/data" -p "$port" >"$log" 2>&1 &
    server_pid=$!
    deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            break
        fi
        if PGCONNECT_TIMEOUT=2 "$PGBIN/psql" -X -q -A -t -h 127.0.0.1 -p "$port" -U postgres \
                -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
            ready=1
            break
        fi
        sleep 0.2
    done
    [[ $ready -eq 1 ]] && break
    if kill -0 "$server_pid" 2>/dev/null || ! grep -qi 'in use' "$log"; then
        break                                   # a real failure, not a port race
    fi
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
done

if [[ $ready -ne 1 ]]; then
    if kill -0 "$server_pid" 2>/dev/null; then
        echo "run-regress: server did not accept connections within ${START_TIMEOUT}s; server log:" >&2
    else
        echo "run-regress: server exited before accepting connections; server log:" >&2
    fi
    cat "$log" >&2
    echo "run-regress: run directory kept in $rundir" >&2
    exit 1
fi

status=0
# shellcheck disable=SC2086
"$PG_REGRESS" --use-existing --bindir="$PGBIN" \
    --host=127.0.0.1 --port="$port" --user=postgres --dbname=postgres \
    --inputdir="$ROOT/regress" --outputdir="$rundir" \
    --schedule="$ROOT/regress/schedule" ${EXTRA_REGRESS_OPTS:-} || status=$?

stop_server

if [[ $status -ne 0 ]]; then
    if [[ -s "$rundir/regression.diffs" ]]; then
        echo "======================== regression.diffs ========================"
        cat "$rundir/regression.diffs"
        echo "=================================================================="
    fi
    echo "run-regress: pg_regress failed (status $status); results, diffs and server log kept in $rundir" >&2
    exit "$status"
fi
rm -rf "$rundir"
exit 0
