#!/bin/bash
# Entry point of the stand-in PostgreSQL image (postgres.Containerfile): on an empty data
# directory, creates the cluster with POSTGRES_USER as its superuser (password POSTGRES_PASSWORD)
# and the database POSTGRES_DB, then runs the server in the foreground, reachable from the
# container network with a password.
set -euo pipefail

user="${POSTGRES_USER:-postgres}"
database="${POSTGRES_DB:-$user}"
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    password_file="$(mktemp)"
    printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
    initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --no-instructions >/dev/null
    rm -f "$password_file"
    printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
    printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
    if [ "$database" != postgres ]; then
        postgres --single -D "$PGDATA" postgres <<<"CREATE DATABASE \"$database\" OWNER \"$user\";" >/dev/null
    fi
    echo "postgres-entrypoint: created the cluster, user $user, database $database"
fi

exec postgres -D "$PGDATA"
