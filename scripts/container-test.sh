#!/usr/bin/env bash
# make container-test: the bank's image, run as users run it, on a machine without Docker.
#
#  1. A Debian 12 base made with debootstrap (kept as an image for the next run), the image's
#     runtime stage built with podman from the host's static bank-server and migrate (make
#     container-image), and a stand-in for postgres:15-alpine: Debian's PostgreSQL 15 on that base.
#  2. The image against the local PostgreSQL (host network, a database of its own): healthy, the
#     smoke test passes, SIGTERM stops it with status 0.
#  3. compose.yaml with those images: the server starts after the database's health check passes,
#     then the smoke test and a clean SIGTERM again.
#
# Everything it starts (containers, the compose project's network and volume, the test database)
# is removed at the end, also when a step fails. Settings (environment): PGPORT (5432),
# CONTAINER_TEST_PORT (18080; the compose run uses the next port), DEBIAN_MIRROR (for debootstrap).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

pg_port=${PGPORT:-5432}
port=${CONTAINER_TEST_PORT:-18080}
compose_port=$((port + 1))
base_image=localhost/bank-test-debian:bookworm
postgres_image=localhost/bank-test-postgres:15
image=${BANK_IMAGE:-localhost/simple-bank:latest}
test_db=bank_container_test
server="bank-container-test"
project="bank-container-test"
binaries=.build-static/release
psql_admin=(psql -h 127.0.0.1 -p "$pg_port" -U root -d postgres -v ON_ERROR_STOP=1 -qtA)
export PGPASSWORD=secret PGOPTIONS='-c client_min_messages=warning'

say() { printf '\n== %s\n' "$*"; }
die() { printf 'container-test: error: %s\n' "$*" >&2; exit 1; }

# MARK: Requirements

command -v podman >/dev/null 2>&1 \
    || die "podman is missing. Install it (as root): apt-get install -y podman runc; this test needs no Docker engine"
command -v podman-compose >/dev/null 2>&1 \
    || die "podman-compose is missing. Install it: python3 -m pip install podman-compose"
command -v debootstrap >/dev/null 2>&1 || podman image exists "$base_image" \
    || die "debootstrap is missing (it makes the Debian base): apt-get install -y debootstrap"
for tool in curl python3 psql; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done

# The two executables, as the Dockerfile's build stage compiles them (a no-op when up to date).
"${MAKE:-make}" --no-print-directory container-binaries
if [ ! -x "$binaries/bank-server" ] || [ ! -x "$binaries/migrate" ]; then
    die "$binaries/bank-server and migrate are missing after make container-binaries"
fi

# Podman's settings for this run. runc, since crun cannot set resource limits in some sandboxes
# (this one included), and limits that an unprivileged container may set.
work=$(mktemp -d)
cat >"$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=4096:4096"]
CONF
if command -v runc >/dev/null 2>&1; then
    printf '\n[engine]\nruntime = "runc"\n' >>"$work/containers.conf"
fi
export CONTAINERS_CONF="$work/containers.conf"

# Podman without systemd cannot schedule health checks and says so when a container starts or
# stops; this test runs them itself (podman healthcheck run), so those lines are noise, as is
# debconf's note that apt-utils is missing.
quiet_podman() { podman "$@" 2> >(grep -v -e 'systemd connection' -e 'debconf: delaying package configuration' >&2); }

# MARK: Cleanup, also on failure

created_env_file=""
cleanup() {
    local status=$?
    set +e
    echo
    echo "== cleaning up"
    podman rm -f -t 0 "$server" >/dev/null 2>&1
    if [ -n "${compose_started:-}" ]; then
        podman-compose -p "$project" -f compose.yaml down -v >/dev/null 2>&1
        podman volume rm -f "${project}_postgres-data" >/dev/null 2>&1
    fi
    "${psql_admin[@]}" -c "DROP DATABASE IF EXISTS $test_db WITH (FORCE)" >/dev/null 2>&1
    [ -n "$created_env_file" ] && rm -f "$created_env_file"
    rm -rf "$work"
    if [ $status -eq 0 ]; then echo "container-test: passed"; else echo "container-test: FAILED (status $status)" >&2; fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# MARK: Helpers

# Runs the container's HEALTHCHECK until it passes; prints the seconds it took since $2 (epoch ms).
# Call it as took=$(wait_healthy …), so that its failure stops the script.
wait_healthy() {
    local container=$1 since=$2 deadline=$((SECONDS + 120))
    until podman healthcheck run "$container" >/dev/null 2>&1; do
        if [ "$(podman inspect -f '{{.State.Running}}' "$container" 2>/dev/null)" != true ]; then
            podman logs "$container" 2>&1 | tail -n 20 >&2
            die "$container stopped before it was healthy"
        fi
        [ $SECONDS -lt $deadline ] || { podman logs "$container" 2>&1 | tail -n 20 >&2; die "$container is not healthy after 120 s"; }
        sleep 0.2
    done
    python3 -c 'import sys, time; print(f"{time.time() - int(sys.argv[1]) / 1000:.1f}")' "$since"
}

now_ms() { python3 -c 'import time; print(int(time.time() * 1000))'; }

field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# POST/GET through curl; fails on a status other than the expected one. Prints the body.
request() {
    local expected=$1 method=$2 url=$3 body=${4:-} token=${5:-}
    local args=(-sS -o "$work/body" -w '%{http_code}' -X "$method" "$url")
    [ -n "$body" ] && args+=(-H 'Content-Type: application/json' -d "$body")
    [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
    local status
    status=$(curl "${args[@]}")
    if [ "$status" != "$expected" ]; then
        echo "$method $url: HTTP $status, expected $expected: $(cat "$work/body")" >&2
        return 1
    fi
    cat "$work/body"
}

# The smoke test: health, a user, a login, an account, reading it back.
smoke_test() {
    local bank=$1 user
    user="smoke$(date +%s%N | tail -c 9)"
    request 200 GET "$bank/health" >/dev/null
    echo "  GET /health: 200 $(cat "$work/body")"
    request 200 POST "$bank/users" \
        "{\"username\":\"$user\",\"password\":\"secret1\",\"full_name\":\"Smoke Test\",\"email\":\"$user@example.com\"}" >/dev/null
    echo "  POST /users: 200, user $user"
    local token
    token=$(request 200 POST "$bank/users/login" "{\"username\":\"$user\",\"password\":\"secret1\"}" | field access_token)
    echo "  POST /users/login: 200, an access token of ${#token} characters"
    local account
    account=$(request 200 POST "$bank/accounts" '{"currency":"USD"}' "$token" | field id)
    echo "  POST /accounts: 200, account $account"
    local balance
    balance=$(request 200 GET "$bank/accounts/$account" "" "$token" | field balance)
    echo "  GET /accounts/$account: 200, balance $balance"
    [ "$balance" = 0 ] || die "a new account should have balance 0, not $balance"
}

# podman stop sends the image's STOPSIGNAL, SIGTERM (and marks the container stopped, so its restart
# policy leaves it); the exit status must be 0 and the log must say the server stopped.
stop_cleanly() {
    local container=$1
    quiet_podman stop -t 30 "$container" >/dev/null
    local status
    status=$(podman inspect -f '{{.State.ExitCode}}' "$container")
    podman logs "$container" >"$work/server.log" 2>&1
    [ "$status" = 0 ] || { tail -n 20 "$work/server.log" >&2; die "$container exited with status $status after SIGTERM"; }
    grep -q 'bank server stopped' "$work/server.log" || die "$container's log does not say it stopped"
    echo "  SIGTERM: exit status 0, \"bank server stopped\" logged"
}

# MARK: 1. Images

say "images"
if podman image exists "$base_image"; then
    echo "  $base_image: kept from an earlier run"
else
    echo "  $base_image: debootstrap bookworm (a minute or two)"
    root="$work/rootfs"
    # debootstrap's own mirror unless DEBIAN_MIRROR names another.
    debootstrap --variant=minbase bookworm "$root" ${DEBIAN_MIRROR:+"$DEBIAN_MIRROR"} >"$work/debootstrap.log" 2>&1 \
        || { tail -n 20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
    # Like debian:bookworm-slim: no documentation, manual pages or package lists, and apt keeps
    # neither the packages it downloads nor its binary caches in the layers built on it.
    cat >"$root/etc/dpkg/dpkg.cfg.d/slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CFG
    cat >"$root/etc/apt/apt.conf.d/slim" <<'CFG'
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/*.bin || true"; };
APT::Install-Recommends "false";
CFG
    find "$root/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete
    rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
        "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -c . | podman import --quiet --change 'CMD ["bash"]' - "$base_image" >/dev/null
    rm -rf "$root"
fi

if podman image exists "$postgres_image"; then
    echo "  $postgres_image: kept from an earlier run"
else
    echo "  $postgres_image: PostgreSQL 15 from Debian on $base_image"
    quiet_podman build -q --pull=never --build-arg BASE="$base_image" -t "$postgres_image" \
        -f scripts/container-test/postgres.Containerfile scripts/container-test >/dev/null
fi

echo "  $image: the Dockerfile's runtime stage with the host's $binaries/bank-server and migrate"
started=$SECONDS
# The label marks the images this build makes, so that the ones it leaves untagged (the
# prebuilt stage, the image it replaced) can be removed without touching anyone else's.
quiet_podman build -q --pull=never --format docker --target runtime --label simple-bank.container-test=true \
    --build-arg BINARIES=prebuilt --build-arg RUNTIME_BASE="$base_image" -t "$image" . >/dev/null
podman image prune -f --filter label=simple-bank.container-test=true >/dev/null
size=$(podman image inspect -f '{{.Size}}' "$image")
echo "  built in $((SECONDS - started)) s; $(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6:.0f} MB")' "$size") ($size bytes)"

# MARK: 2. The image against the local PostgreSQL

say "the image on the host's network (read-only, no capabilities), against PostgreSQL on 127.0.0.1:$pg_port"
"${psql_admin[@]}" -c 'SELECT 1' >/dev/null || die "PostgreSQL does not answer on 127.0.0.1:$pg_port (make start-postgres)"
"${psql_admin[@]}" -c "DROP DATABASE IF EXISTS $test_db WITH (FORCE)" -c "CREATE DATABASE $test_db OWNER root"
key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
since=$(now_ms)
# Locked down as deploy/k8s/deployment.yaml runs it: read-only root, a writable /tmp, no
# capabilities, no privilege escalation.
quiet_podman run -d --name "$server" --network host \
    --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \
    -e DB_SOURCE="postgresql://root:secret@127.0.0.1:$pg_port/$test_db?sslmode=disable" \
    -e TOKEN_PRIVATE_KEY="$key" -e HTTP_SERVER_ADDRESS="127.0.0.1:$port" \
    "$image" >/dev/null
took=$(wait_healthy "$server" "$since")
echo "  healthy after $took s (migrated a fresh database first)"
smoke_test "http://127.0.0.1:$port"
uid=$(podman exec "$server" id -u)
[ "$uid" = 10001 ] || die "the server runs as uid $uid, not the image's unprivileged 10001"
echo "  user inside the container: $(podman exec "$server" id -un) (uid $uid)"
pid=$(podman inspect -f '{{.State.Pid}}' "$server")
rss=$(awk '/^VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status")
echo "  resident memory after the smoke test: $rss"
stop_cleanly "$server"
quiet_podman rm "$server" >/dev/null

# MARK: 3. Compose

say "compose.yaml: the database, then the server once the database is healthy"
export POSTGRES_IMAGE="$postgres_image" BANK_IMAGE="$image" BANK_PORT="$compose_port"
if [ ! -f deploy/compose.env ]; then
    created_env_file=deploy/compose.env
    printf 'TOKEN_PRIVATE_KEY=%s\n' "$key" >"$created_env_file"
fi
compose=(podman-compose -p "$project" -f compose.yaml)
compose_started=1
postgres_container="${project}_postgres_1"
api_container="${project}_api_1"
# compose.yaml starts the api once the database's health check passes. Podman before 4.6 cannot
# wait for a health condition (podman-compose warns and ignores it), and without systemd nothing
# runs the health checks, so the test does what depends_on asks: the database first, its health
# check (pg_isready, from compose.yaml) until it passes, then the api.
"${compose[@]}" config >"$work/compose-config.yaml"
grep -q 'condition: service_healthy' "$work/compose-config.yaml" || die "compose.yaml: the api no longer waits for a healthy database"
since=$(now_ms)
"${compose[@]}" up -d --no-build postgres >"$work/compose.log" 2>&1 || { cat "$work/compose.log" >&2; die "podman-compose up postgres failed"; }
podman container exists "$api_container" && die "the api started before the database was healthy"
took=$(wait_healthy "$postgres_container" "$since")
echo "  database healthy after $took s (compose.yaml's pg_isready)"
since=$(now_ms)
"${compose[@]}" up -d --no-build api >>"$work/compose.log" 2>&1 || { cat "$work/compose.log" >&2; die "podman-compose up api failed"; }
took=$(wait_healthy "$api_container" "$since")
echo "  api healthy after $took s"
smoke_test "http://127.0.0.1:$compose_port"
podman logs "$api_container" >"$work/api.log" 2>&1
version=$(find db/migration -name '*.up.sql' | wc -l)
grep -q "migrated to version $version" "$work/api.log" || die "the api did not migrate the compose database"
echo "  the api migrated the compose database to version $version at start"
stop_cleanly "$api_container"
