# swift-sqlgen and BankDB: every workflow. `make` (or `make help`) lists the targets.
#
# The database settings follow the seed project: user root, password secret,
# database simple_bank on 127.0.0.1:5432 (override the port with PGPORT=…).

PGPORT ?= 5432
DB_NAME ?= simple_bank
TEST_DB_NAME ?= simple_bank_test
DB_URL ?= postgresql://root:secret@127.0.0.1:$(PGPORT)/$(DB_NAME)?sslmode=disable
TEST_DB_URL ?= postgresql://root:secret@127.0.0.1:$(PGPORT)/$(TEST_DB_NAME)?sslmode=disable
PSQL_ADMIN = PGPASSWORD=secret PGOPTIONS='-c client_min_messages=warning' psql -h 127.0.0.1 -p $(PGPORT) -U root -d postgres -v ON_ERROR_STOP=1 -q
SWIFT ?= swift
BIN_PATH = $(shell $(SWIFT) build --show-bin-path)
MIGRATE = $(BIN_PATH)/migrate
SQLGEN = $(BIN_PATH)/swift-sqlgen

export PGPORT

.DEFAULT_GOAL := help
.PHONY: help install-deps start-postgres stop-postgres start-postgres-docker create-db drop-db \
	migrate-tool migrate-up migrate-up-1 migrate-down migrate-down-1 run-postgres-cli \
	sqlgen-tool sqlc sqlc-check mock verify vet corpus test smtp-sink-deps record-goldens server syntax-tree syntax-tree-check \
	pg-catalog lint-deploy container-binaries container-image container-test compose-env api-fuzz api-fuzz-short stress

help: ## Show this help.
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-22s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install-deps: ## Install the Debian packages the project needs (libpq-dev libpg-query-dev postgresql; as root).
	@scripts/local-postgres.sh install

# When the project-local cluster is not running but another server answers on 127.0.0.1:$(PGPORT)
# with the project's credentials, that one is used as it is: another checkout's cluster, or CI's
# PostgreSQL container (.github/workflows/test.yml). Then nothing is installed either (make
# install-deps does that).
start-postgres: ## Start the project-local PostgreSQL in .pgdata/ (no Docker needed; idempotent).
	@if ! scripts/local-postgres.sh status >/dev/null 2>&1 && $(PSQL_ADMIN) -tAc 'SELECT 1' >/dev/null 2>&1; then \
		echo "local-postgres: using the PostgreSQL that answers on 127.0.0.1:$(PGPORT)"; \
	else scripts/local-postgres.sh start; fi

stop-postgres: ## Stop the project-local PostgreSQL.
	@scripts/local-postgres.sh stop

start-postgres-docker: ## Start PostgreSQL 15 in Docker instead, as the seed did (needs a Docker engine).
	docker run --name postgres15 -p $(PGPORT):5432 -e POSTGRES_USER=root -e POSTGRES_PASSWORD=secret -e POSTGRES_DB=$(DB_NAME) -d postgres:15-alpine

create-db: ## Create the simple_bank database (if missing).
	@$(PSQL_ADMIN) -tAc "SELECT 1 FROM pg_database WHERE datname = '$(DB_NAME)'" | grep -q 1 \
		|| $(PSQL_ADMIN) -c 'CREATE DATABASE "$(DB_NAME)" OWNER root'
	@echo "database $(DB_NAME) is there"

drop-db: ## Drop the simple_bank database.
	@$(PSQL_ADMIN) -c 'DROP DATABASE IF EXISTS "$(DB_NAME)" WITH (FORCE)'

migrate-tool:
	@$(SWIFT) build --product migrate >/dev/null

migrate-up: migrate-tool ## Apply all up migrations.
	@$(MIGRATE) -path db/migration -database "$(DB_URL)" -verbose up

migrate-up-1: migrate-tool ## Apply the next up migration.
	@$(MIGRATE) -path db/migration -database "$(DB_URL)" -verbose up 1

migrate-down: migrate-tool ## Apply all down migrations.
	@$(MIGRATE) -path db/migration -database "$(DB_URL)" -verbose down -all

migrate-down-1: migrate-tool ## Apply the last down migration.
	@$(MIGRATE) -path db/migration -database "$(DB_URL)" -verbose down 1

run-postgres-cli: ## Open psql on the simple_bank database.
	PGPASSWORD=secret psql -h 127.0.0.1 -p $(PGPORT) -U root -d $(DB_NAME)

sqlgen-tool:
	@$(SWIFT) build --product swift-sqlgen >/dev/null

sqlc: sqlgen-tool ## Regenerate Sources/BankDB/Generated from db/query and db/migration (sqlc.yaml), the runtime test fixtures and the sqlc project in Tests/.
	@$(SQLGEN) generate
	@$(SQLGEN) generate -f Tests/GeneratedRuntimeTests/sqlc.yaml
	@$(SQLGEN) generate -f Tests/SQLCProjectTests/sqlc.yaml

sqlc-check: sqlgen-tool ## Fail when the committed generated code is stale (prints a diff).
	@$(SQLGEN) diff
	@$(SQLGEN) diff -f Tests/GeneratedRuntimeTests/sqlc.yaml
	@$(SQLGEN) diff -f Tests/SQLCProjectTests/sqlc.yaml

verify: sqlgen-tool start-postgres ## Prepare every query on a scratch database and compare PostgreSQL's types with the analysis.
	@$(SQLGEN) verify --database-url "postgresql://root:secret@127.0.0.1:$(PGPORT)/postgres?sslmode=disable"

vet: sqlgen-tool ## Lint the bank's queries with swift-sqlgen vet's built-in rules (docs/vet.md); fails on any error.
	@$(SQLGEN) vet

corpus: sqlgen-tool start-postgres ## Report how much of Tests/Corpus the analyzer handles (compile errors, verify results per project).
	@for project in Tests/Corpus/*/; do \
		errors=$$(cd "$$project" && $(SQLGEN) compile 2>&1 | grep -c ': error: '); \
		queries=$$(cat "$$project"queries/*.sql "$$project"query.sql 2>/dev/null | grep -c -- '-- name:'); \
		printf '%-10s %4s queries, %3s compile errors' "$$(basename "$$project")" "$$queries" "$$errors"; \
		printf ', %s\n' "$$(cd "$$project" && $(SQLGEN) verify --database-url "postgresql://root:secret@127.0.0.1:$(PGPORT)/postgres?sslmode=disable" 2>&1 | tail -n 1)"; \
	done

mock: sqlc ## Regenerate the MockQuerier (emit_mock in sqlc.yaml) with the rest of the generated code.

test: start-postgres smtp-sink-deps ## Run every test against the local PostgreSQL (installs what is missing when root).
	@$(MAKE) --no-print-directory lint-deploy
	@$(PSQL_ADMIN) -c 'DROP DATABASE IF EXISTS "$(TEST_DB_NAME)" WITH (FORCE)' -c 'CREATE DATABASE "$(TEST_DB_NAME)" OWNER root'
	@$(MAKE) --no-print-directory migrate-up DB_URL="$(TEST_DB_URL)"
	@$(MAKE) --no-print-directory sqlc-check syntax-tree-check verify
	DATABASE_URL="$(TEST_DB_URL)" $(SWIFT) test
	@$(MAKE) --no-print-directory api-fuzz-short

# schemathesis against openapi.yaml and a bank-server on a scratch database (scripts/api-fuzz.sh);
# installs schemathesis in a virtual environment under ~/.cache when `st` is missing.
API_FUZZ_EXAMPLES ?= 100
API_FUZZ_SEED ?= 20261203

api-fuzz: start-postgres ## Fuzz the API with schemathesis: every check, stateful phase, fixed seed (API_FUZZ_EXAMPLES per operation, 100).
	@$(SWIFT) build --product bank-server >/dev/null
	@scripts/api-fuzz.sh --max-examples $(API_FUZZ_EXAMPLES) --seed $(API_FUZZ_SEED)

api-fuzz-short: ## The short api-fuzz that make test runs (10 examples per operation, about a minute).
	@$(MAKE) --no-print-directory api-fuzz API_FUZZ_EXAMPLES=10

stress: start-postgres ## The transfer stress test at full size: 32 workers x 2,000 random transfers, READ COMMITTED and SERIALIZABLE (minutes).
	BANKDB_STRESS_TRANSFERS_PER_WORKER=2000 DATABASE_URL="postgresql://root:secret@127.0.0.1:$(PGPORT)/postgres?sslmode=disable" \
		$(SWIFT) test --filter TransferTxStressTests

smtp-sink-deps: ## Install aiosmtpd (PyPI), which scripts/smtp-sink.py, the mail tests' SMTP server, runs on.
	@python3 -c 'import aiosmtpd' 2>/dev/null || python3 -m pip install --quiet aiosmtpd==1.4.6

pg-catalog: start-postgres ## Regenerate PostgreSQL's built-in catalog and the contrib extensions (Sources/SQLGen/Catalog/Builtin/BuiltinCatalog+Data.swift) from the local cluster.
	@python3 scripts/generate-pg-catalog.py --database-url "postgresql://root:secret@127.0.0.1:$(PGPORT)/postgres?sslmode=disable"

syntax-tree: ## Regenerate the typed syntax tree (Sources/SQLGen/Parse/SyntaxTree/PG+*.swift) from libpg_query's pg_query.proto.
	@python3 scripts/generate-syntax-tree.py

syntax-tree-check: ## Fail when the committed syntax tree differs from what pg_query.proto gives.
	@tmp=$$(mktemp -d) && python3 scripts/generate-syntax-tree.py --out "$$tmp" >/dev/null \
		&& for f in "$$tmp"/*.swift; do diff -u "Sources/SQLGen/Parse/SyntaxTree/$$(basename "$$f")" "$$f" \
			|| { echo "error: the syntax tree is stale; run make syntax-tree and commit the result"; rm -rf "$$tmp"; exit 1; }; done; \
		rm -rf "$$tmp"; echo "syntax tree is current"

record-goldens: ## Write the golden cases' missing or changed expectations (Tests/SQLGenTests/Cases/README.md); review the diff.
	SQLGEN_RECORD=1 $(SWIFT) test --filter GoldenCaseTests

server: start-postgres ## Run the bank server on 0.0.0.0:8080 (starts the local PostgreSQL and migrates if needed).
	@$(SWIFT) build --product bank-server
	@echo "bank-server: settings from app.env (the environment wins); Ctrl-C stops it"
	@exec $(BIN_PATH)/bank-server

# MARK: Deployment (README.md, Deploy)

STATIC_SCRATCH ?= .build-static
STATIC_BUILD = $(SWIFT) build -c release --static-swift-stdlib -Xlinker -s --scratch-path $(STATIC_SCRATCH)
IMAGE ?= simple-bank:latest
RUNTIME_BASE ?= debian:bookworm-slim

lint-deploy: ## Lint the Dockerfile, the workflows, compose.yaml, the Kubernetes manifests and scripts/ (part of make test).
	@scripts/lint-deploy.sh

container-binaries:
	$(STATIC_BUILD) --product bank-server
	$(STATIC_BUILD) --product migrate

container-image: container-binaries ## Build the image with podman from bank-server and migrate compiled here (no Swift image needed).
	podman build --format docker --target runtime --build-arg BINARIES=prebuilt \
		--build-arg RUNTIME_BASE=$(RUNTIME_BASE) -t $(IMAGE) .

container-test: start-postgres ## Build and run the image and compose.yaml with podman, smoke-test both (minutes; not in make test).
	@scripts/container-test.sh

compose-env: ## Write deploy/compose.env with a new token signing key for compose.yaml (kept if it exists; never committed).
	@if [ -f deploy/compose.env ]; then echo "deploy/compose.env exists; keeping it"; \
	else umask 077 && printf 'TOKEN_PRIVATE_KEY=%s\n' "$$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" > deploy/compose.env \
		&& echo "wrote deploy/compose.env (a new TOKEN_PRIVATE_KEY)"; fi

# MARK: Benchmarks (method and latest results: README.md, Performance; what the generated code
# does for speed: docs/generated-code.md#performance)

BENCH_DB_URL ?= postgresql://root:secret@127.0.0.1:$(PGPORT)/simple_bank_bench?sslmode=disable
BENCH_SCRATCH ?= .build
BENCH_BUILD = $(SWIFT) build -c release --scratch-path $(BENCH_SCRATCH)
# The Go + pgx peer (Go, sqlc-shaped code, pgx v4) is not part of the repository: set
# GO_PEER_SOURCE to its folder (main.go and build.sh; docs/performance.md says what it is) and
# `make bench` builds and runs it; without it the go-pgx variant is skipped with a note.
GO_PEER_SOURCE ?=
GO_PEER_BIN = $(BENCH_SCRATCH)/peerbench

.PHONY: bench
# start-postgres only knows the cluster in .pgdata/; a server already answering on $(PGPORT)
# (another checkout's, or the system's) is used as it is instead of failing on the busy port.
bench: ## Benchmark BankDB vs hand-written PostgresNIO, Go + pgx and pgbench, the server (wrk) and the generator (BENCH_DURATION, BENCH_CLIENTS).
	@$(PSQL_ADMIN) -tAc 'SELECT 1' >/dev/null 2>&1 || $(MAKE) --no-print-directory start-postgres
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" -eq 0 ]; then \
			echo "installing wrk"; export DEBIAN_FRONTEND=noninteractive; \
			apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; \
		else echo "wrk is missing (sudo apt-get install -y wrk): the HTTP workloads will be skipped"; fi; }
	$(BENCH_BUILD) --product bank-bench
	$(BENCH_BUILD) --product swift-sqlgen
	$(BENCH_BUILD) --product bank-server
	@$(MAKE) --no-print-directory go-peer || true
	BENCH_GO_PEER="$$([ -x "$(GO_PEER_BIN)" ] && echo "$(GO_PEER_BIN)")" \
		"$$($(BENCH_BUILD) --show-bin-path)/bank-bench" --database-url "$(BENCH_DB_URL)"

.PHONY: go-peer
go-peer: ## Build the Go + pgx peer for make bench (GO_PEER_SOURCE; installs golang-go and pgx v4 when root).
	@if [ -z "$(GO_PEER_SOURCE)" ]; then \
		echo "go-pgx peer not built: GO_PEER_SOURCE is not set (the peer's folder, with main.go and build.sh); make bench runs without it"; exit 1; fi
	@if [ ! -x "$(GO_PEER_SOURCE)/build.sh" ]; then \
		echo "go-pgx peer not built: no $(GO_PEER_SOURCE)/build.sh; make bench runs without it"; exit 1; fi
	@if [ -x "$(GO_PEER_BIN)" ] && [ "$(GO_PEER_BIN)" -nt "$(GO_PEER_SOURCE)/main.go" ]; then exit 0; fi; \
	if bash "$(GO_PEER_SOURCE)/build.sh" "$$(cd "$$(dirname "$(GO_PEER_BIN)")" && pwd)/peerbench"; then :; else \
		echo "go-pgx peer not built: its build failed (it needs Debian's golang-go and golang-github-jackc-pgx-v4-dev, installed when root); make bench runs without it"; exit 1; fi
