#!/usr/bin/env bash
# scripts/install-deps.sh — install the Debian packages Basalt builds and tests with.
#
# Idempotent and fast: asks dpkg which packages are already installed and only
# runs apt-get (update + install) when something is missing. Quiet on success.
# Runs as root directly, otherwise through sudo.
set -euo pipefail

PACKAGES=(
    gcc make perl
    libevent-dev libssl-dev zlib1g-dev
    libpg-query-dev libprotobuf-c-dev libpq-dev
    tcl8.6-dev                              # regex engine (Spencer ARE, as PostgreSQL)
    postgresql-15 postgresql-client-15      # oracle: postgres, initdb, pg_regress, psql, pgbench
    libipc-run-perl libdbd-pg-perl          # TAP test harness
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-deps: missing packages (${missing[*]}) and not root; sudo not found" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 ||
   ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
    cat "$log" >&2
    echo "install-deps: apt-get failed" >&2
    exit 1
fi
