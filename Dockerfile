# syntax=docker/dockerfile:1
#
# The bank server's image: bank-server (the entry point), migrate, the migrations and the OpenAPI
# document, on Debian 12, run as an unprivileged user.
#
#   docker build -t simple-bank .
#       compiles both executables in the Swift image (the default)
#   docker build -t simple-bank --target runtime --build-arg BINARIES=prebuilt .
#       takes them from .build-static/release/ instead, for a Debian 12 host that has Swift but no
#       Swift image: `make container-image` compiles them there as the build stage does and runs
#       this with podman
#
# RUNTIME_BASE replaces debian:bookworm-slim with another Debian 12 image (make container-test uses
# one it makes with debootstrap, where no registry can be reached).

ARG SWIFT_IMAGE=swift:6.1-bookworm
ARG RUNTIME_BASE=debian:bookworm-slim
ARG BINARIES=build

# MARK: Compile

FROM ${SWIFT_IMAGE} AS build
WORKDIR /src
# The manifest first: the dependencies are fetched again only when it changes.
COPY Package.swift Package.resolved* ./
RUN swift package resolve
COPY . .
# --static-swift-stdlib links the Swift runtime and Foundation in, so the runtime stage needs no
# toolchain. -Xlinker -s strips the symbols (half the size); crash reports then name fewer frames.
RUN swift build -c release --static-swift-stdlib -Xlinker -s --product bank-server \
    && swift build -c release --static-swift-stdlib -Xlinker -s --product migrate \
    && bin="$(swift build -c release --static-swift-stdlib -Xlinker -s --show-bin-path)" \
    && mkdir /staging \
    && cp "$bin/bank-server" "$bin/migrate" /staging/

# Or the same two files from the build context (see the top of this file).
FROM scratch AS prebuilt
COPY .build-static/release/bank-server .build-static/release/migrate /staging/

FROM ${BINARIES} AS binaries

# MARK: Run

FROM ${RUNTIME_BASE} AS runtime
# Only what the static executables use besides glibc and libstdc++ (both in the base): the CA
# certificates for sslmode=verify-full and tzdata for time zones. Versions come from the base's
# Debian release, which is what pins them.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 bank \
    && useradd --uid 10001 --gid bank --home-dir /app --no-create-home --shell /usr/sbin/nologin bank

# The server reads MIGRATION_URL (file://db/migration) and openapi.yaml relative to /app.
WORKDIR /app
COPY db/migration ./db/migration
COPY openapi.yaml ./
COPY deploy/healthcheck.sh /usr/local/bin/bank-healthcheck
COPY --from=binaries /staging/ /usr/local/bin/

# production: TOKEN_PRIVATE_KEY is required, so replicas share one signing key (README, Tokens).
ENV ENVIRONMENT=production \
    HTTP_SERVER_ADDRESS=0.0.0.0:8080
USER 10001:10001
EXPOSE 8080
# GET /health answers 200 only while PostgreSQL answers, within 2 seconds.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["bank-healthcheck"]
# SIGTERM: stop accepting, finish the requests in flight, exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["bank-server"]
