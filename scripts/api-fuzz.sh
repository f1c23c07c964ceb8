#!/usr/bin/env bash
# Fuzzes the bank API with schemathesis against openapi.yaml (`make api-fuzz`): every check,
# the stateful phase (the links in openapi.yaml), a fixed seed and a bounded number of examples.
#
#   scripts/api-fuzz.sh [--max-examples N] [--seed N]
#   scripts/api-fuzz.sh --install     only install schemathesis when it is missing (CI does this first)
#
# It starts bank-server on a scratch database of the PostgreSQL at 127.0.0.1:$PGPORT (created
# here and dropped on exit, also on failure or Ctrl-C), seeds a user with funded accounts and
# logs in for a token, runs `st run`, then stops the server. Exit status: schemathesis's (0 when
# nothing failed).
#
# Settings (environment): PGPORT (5432), BANK_SERVER (the executable; by default the debug
# build), API_FUZZ_VENV (where schemathesis is installed when `st` is not on PATH).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
max_examples=20
seed=20261203
install_only=false
while [ $# -gt 0 ]; do
    case "$1" in
        --install) install_only=true; shift ;;
        --max-examples) max_examples=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        *) echo "api-fuzz: unknown argument $1" >&2; exit 2 ;;
    esac
done

say() { printf 'api-fuzz: %s\n' "$*"; }
die() { printf 'api-fuzz: error: %s\n' "$*" >&2; exit 1; }

port_pg=${PGPORT:-5432}
schemathesis_version=4.32.5

# schemathesis: the one on PATH, else a virtual environment outside the repository.
st_bin=$(command -v st || true)
if [ -z "$st_bin" ] || ! "$st_bin" --version 2>/dev/null | grep -q '^st, version 4\.'; then
    venv=${API_FUZZ_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/swift-sqlgen/api-fuzz-venv}
    st_bin=$venv/bin/st
    if [ ! -x "$st_bin" ]; then
        if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
            [ "$(id -u)" -eq 0 ] || die "python3's venv module is missing: sudo apt-get install -y python3-venv"
            say "installing python3-venv"
            export DEBIAN_FRONTEND=noninteractive
            apt-get install -y -qq python3-venv >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; }
        fi
        say "installing schemathesis $schemathesis_version into $venv"
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q "schemathesis==$schemathesis_version"
    fi
fi

if $install_only; then
    say "schemathesis: $("$st_bin" --version)"
    exit 0
fi

server_bin=${BANK_SERVER:-$(swift build --show-bin-path)/bank-server}
[ -x "$server_bin" ] || die "$server_bin is missing: run swift build --product bank-server"

admin() { PGPASSWORD=secret PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p "$port_pg" -U root -v ON_ERROR_STOP=1 -qtA "$@"; }
database=api_fuzz_$$_$(date +%s)
work=$(mktemp -d)
server_pid=
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    local status=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    admin -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1 || true
    if [ "$status" -ne 0 ] && [ -s "$work/server.log" ]; then
        say "server log (last 40 lines):"
        tail -n 40 "$work/server.log" >&2
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

admin -d postgres -c "CREATE DATABASE \"$database\" OWNER root" >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port

# From the repository root (it serves openapi.yaml and applies db/migration); every setting in
# the environment, which wins over app.env.
ENVIRONMENT=test \
    DB_SOURCE="postgresql://root:secret@127.0.0.1:$port_pg/$database?sslmode=disable" \
    MIGRATION_URL=file://db/migration \
    HTTP_SERVER_ADDRESS=127.0.0.1:$port \
    TOKEN_TYPE=paseto-v4-public \
    LOG_LEVEL=warning \
    "$server_bin" >"$work/server.log" 2>&1 &
server_pid=$!

# One request to the server, straight to the loopback (no proxy); prints the body, fails on a
# status other than 200. Python rather than curl, which a fresh machine may lack.
http() {
    python3 - "$port" "$@" <<'PY'
import http.client, sys
port, method, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
body = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
headers = {"Content-Type": "application/json"} if body else {}
if len(sys.argv) > 5: headers["Authorization"] = "Bearer " + sys.argv[5]
try:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode()
except OSError as error:
    sys.exit(f"{method} {path}: {error}")
print(text)
sys.exit(0 if response.status == 200 else f"{method} {path}: {response.status} {text}")
PY
}

for _ in $(seq 1 300); do
    http GET /health >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || die "bank-server exited before it was healthy"
    sleep 0.1
done
http GET /health >/dev/null || die "bank-server did not become healthy in 30 s"

# A seeded user with funded accounts in every currency (money goes in through the database, as
# the API has no deposits), and a second user to receive transfers.
post() { http POST "$1" "$2" "${3:-}"; }
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
for user in fuzz_owner fuzz_payee; do
    post /users "{\"username\":\"$user\",\"password\":\"secret1\",\"full_name\":\"Fuzz User\",\"email\":\"$user@example.com\"}" >/dev/null
done
token=$(post /users/login '{"username":"fuzz_owner","password":"secret1"}' | field access_token)
payee=$(post /users/login '{"username":"fuzz_payee","password":"secret1"}' | field access_token)
for currency in USD EUR CAD; do
    post /accounts "{\"currency\":\"$currency\"}" "$token" >/dev/null
    post /accounts "{\"currency\":\"$currency\"}" "$payee" >/dev/null
done
admin -d "$database" -c "INSERT INTO entries (account_id, amount) SELECT id, 1000000 FROM accounts;
    UPDATE accounts SET balance = balance + 1000000;" >/dev/null
say "server on $base, database $database, seed $seed, max examples $max_examples"

start=$(date +%s)
set +e
# From the scratch folder: schemathesis keeps a cache (.schemathesis/) in its working directory.
cd "$work"
"$st_bin" --config-file "$here/scripts/schemathesis.toml" run "$here/openapi.yaml" \
    --url "$base" \
    -H "Authorization: Bearer $token" \
    --checks all \
    --phases examples,coverage,fuzzing,stateful \
    --max-examples "$max_examples" \
    --seed "$seed" \
    --generation-deterministic \
    --request-timeout 30 \
    --workers 1 \
    --no-color \
    --report junit --report-dir "$work/report"
status=$?
set -e
say "schemathesis finished in $(( $(date +%s) - start )) s with status $status"
exit $status
