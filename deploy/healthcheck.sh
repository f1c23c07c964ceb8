#!/bin/bash
# The image's health check: GET /health on the server's own port, healthy on 200.
# Bash's /dev/tcp does the request, so the image needs no HTTP client.
set -euo pipefail

port="${HTTP_SERVER_ADDRESS:-0.0.0.0:8080}"
port="${port##*:}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
status=""
read -r -t 5 _ status _ <&3 || true
if [ "${status}" = 200 ]; then
    exit 0
fi
echo "GET /health: HTTP ${status:-no answer}" >&2
exit 1
