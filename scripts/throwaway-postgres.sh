#!/usr/bin/env bash
# A PostgreSQL cluster of its own for fault tests, which restart and stop it: never the shared
# one on 5432. Trust authentication for user root on 127.0.0.1 only, data under DIR.
#
#   scripts/throwaway-postgres.sh init DIR PORT        initdb into DIR (must not exist) and start
#   scripts/throwaway-postgres.sh start DIR            start again after a stop
#   scripts/throwaway-postgres.sh stop DIR [MODE]      pg_ctl stop -m MODE (fast by default)
#   scripts/throwaway-postgres.sh restart DIR [MODE]   pg_ctl restart -m MODE, waiting until it accepts connections
#   scripts/throwaway-postgres.sh destroy DIR          stop (immediate) if running, delete DIR
#
# As root the server runs as the `postgres` user (PostgreSQL refuses root). Binaries from
# PG_BINDIR, else the newest /usr/lib/postgresql/*/bin.
set -euo pipefail

# The server outlives this script: it must not inherit descriptors beyond 0-2 from whoever
# started the script (a parent that waits for them to close would wait for the server).
for fd in /proc/"$$"/fd/*; do
    fd=${fd##*/}
    case "$fd" in 0 | 1 | 2 | 255) ;; *) eval "exec $fd>&-" 2>/dev/null || true ;; esac
done

die() { printf 'throwaway-postgres: error: %s\n' "$*" >&2; exit 1; }
[ $# -ge 2 ] || die "usage: $0 init|start|stop|restart|destroy DIR [PORT|MODE]"
command=$1
dir=$2

bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
    for candidate in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [ -x "$candidate/pg_ctl" ]; then
            bindir=$candidate
            break
        fi
    done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/pg_ctl" ]; then
    die "PostgreSQL server binaries not found (apt-get install postgresql)"
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

pg_ctl_() { as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" "$@"; }

running() { [ -f "$dir/data/postmaster.pid" ] && pg_ctl_ status >/dev/null 2>&1; }

case "$command" in
    init)
        port=${3:?init needs a port}
        [ ! -e "$dir/data" ] || die "$dir/data exists"
        mkdir -p "$dir"
        if [ "$(id -u)" -eq 0 ]; then
            id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
            chown postgres "$dir"
        fi
        as_owner "$bindir/initdb" -D "$dir/data" -U root --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
        cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 60
shared_buffers = 32MB
# Process faults only (pg_ctl stop/restart, -m immediate): the kernel keeps what was written.
fsync = off
full_page_writes = off
CONF
        pg_ctl_ -w -t 120 start >/dev/null
        ;;
    start)
        pg_ctl_ -w -t 120 start >/dev/null
        ;;
    stop)
        pg_ctl_ -w -t 120 -m "${3:-fast}" stop >/dev/null
        ;;
    restart)
        pg_ctl_ -w -t 120 -m "${3:-fast}" restart >/dev/null
        ;;
    destroy)
        if running; then pg_ctl_ -w -t 60 -m immediate stop >/dev/null 2>&1 || true; fi
        rm -rf "$dir"
        ;;
    *)
        die "unknown command $command"
        ;;
esac
