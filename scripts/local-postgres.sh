#!/usr/bin/env bash
# Runs a project-local PostgreSQL cluster in .pgdata/ (no Docker needed).
#
#   scripts/local-postgres.sh start | stop | status | install
#
# Settings (environment): PGPORT (5432), PGHOST (127.0.0.1), POSTGRES_USER (root),
# POSTGRES_PASSWORD (secret), POSTGRES_DB (simple_bank), PGDATA_DIR (<repo>/.pgdata).
# As root the server runs as the `postgres` system user, since PostgreSQL refuses to run as root.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${PGPORT:-5432}
host=${PGHOST:-127.0.0.1}
user=${POSTGRES_USER:-root}
password=${POSTGRES_PASSWORD:-secret}
database=${POSTGRES_DB:-simple_bank}
data=${PGDATA_DIR:-$here/.pgdata}
log="$data/server.log"

say() { printf 'local-postgres: %s\n' "$*"; }
die() { printf 'local-postgres: error: %s\n' "$*" >&2; exit 1; }

# Debian keeps the server binaries out of PATH.
find_bindir() {
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return
    fi
    local candidate
    # The newest version first; an unmatched pattern stays literal and fails the test below.
    for candidate in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then
            echo "$candidate"
            return
        fi
    done
    return 1
}

install_packages() {
    local missing=()
    [ -f /usr/include/pg_query.h ] || missing+=(libpg-query-dev)
    [ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
    find_bindir >/dev/null 2>&1 || missing+=(postgresql)
    command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        die "missing packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}"
    fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Run a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        # From /, since the postgres user may not be allowed into the current folder.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# As root, the `postgres` user must be able to reach the data folder. When the checkout sits
# under a private home (e.g. /root), keep the cluster in /var/tmp and leave a .pgdata link.
relocate_if_unreachable() {
    [ "$(id -u)" -eq 0 ] || return 0
    [ -L "$data" ] && return 0
    local parent
    parent=$(dirname "$data")
    if runuser -u postgres -- test -x "$parent" 2>/dev/null; then
        return 0
    fi
    local target
    target="/var/tmp/swift-sqlgen-pgdata-$(printf '%s' "$data" | sha256sum | cut -c1-12)"
    mkdir -p "$target"
    chown postgres "$target"
    rm -rf "$data"
    ln -s "$target" "$data"
    say "$parent is private to root; the cluster lives in $target (linked from $data)"
    data=$target
    log="$data/server.log"
}

is_running() {
    if [ -L "$data" ]; then data=$(readlink -f "$data"); log="$data/server.log"; fi
    [ -f "$data/PG_VERSION" ] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
    install_packages
    bindir=$(find_bindir) || die "PostgreSQL server binaries not found (apt-get install postgresql)"
    if is_running; then
        say "already running on $host:$port (data in $data)"
        return 0
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        say "initialising a new cluster in $data"
        relocate_if_unreachable
        mkdir -p "$data"
        local pwfile
        pwfile=$(mktemp)
        printf '%s\n' "$password" >"$pwfile"
        if [ "$(id -u)" -eq 0 ]; then
            id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
            chown postgres "$data" "$pwfile"
        fi
        as_owner "$bindir/initdb" -D "$data" -U "$user" --pwfile="$pwfile" \
            --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        rm -f "$pwfile"
        cat >>"$data/postgresql.conf" <<CONF
# project-local settings (scripts/local-postgres.sh)
listen_addresses = '$host'
port = $port
unix_socket_directories = '$data'
max_connections = 200
shared_buffers = 256MB
fsync = on
CONF
    fi
    # The socket lives in the data folder: the server user must be able to reach it.
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres "$data"
    fi
    say "starting PostgreSQL on $host:$port"
    if ! as_owner "$bindir/pg_ctl" -D "$data" -l "$log" -o "-p $port -k $data" -w -t 60 start >/dev/null; then
        tail -n 20 "$log" >&2 || true
        die "the server did not start; see $log (is another server using port $port? set PGPORT)"
    fi
    if ! PGPASSWORD=$password psql -h "$host" -p "$port" -U "$user" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
        PGPASSWORD=$password psql -h "$host" -p "$port" -U "$user" -d postgres -qc "CREATE DATABASE \"$database\" OWNER \"$user\""
        say "created database $database"
    fi
    say "ready: postgresql://$user:$password@$host:$port/$database?sslmode=disable"
}

stop() {
    bindir=$(find_bindir) || die "PostgreSQL server binaries not found"
    if ! is_running; then
        say "not running"
        return 0
    fi
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    say "stopped"
}

status() {
    bindir=$(find_bindir) || die "PostgreSQL server binaries not found"
    if is_running; then say "running on $host:$port (data in $data)"; else say "not running"; exit 3; fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    install) install_packages ;;
    *) die "usage: $0 start|stop|status|install" ;;
esac
