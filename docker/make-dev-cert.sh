#!/usr/bin/env bash
# Makes a self-signed certificate for running docker/compose.yaml locally (https://localhost).
# Browsers warn about it: it is for a developer's machine only. In production put the real certificate and key
# in docker/certs as oobc.crt and oobc.key (or point the proxy's volume elsewhere).
# Usage: docker/make-dev-cert.sh [HOSTNAME]     (default: localhost)
set -euo pipefail
host="${1:-localhost}"
dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir"
if [ -f "$dir/oobc.crt" ] && [ -f "$dir/oobc.key" ]; then
  echo "$dir/oobc.crt exists; delete it to make a new one." >&2
  exit 0
fi
openssl req -x509 -newkey rsa:2048 -sha256 -days 365 -nodes \
  -keyout "$dir/oobc.key" -out "$dir/oobc.crt" \
  -subj "/CN=$host" \
  -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1"
chmod 600 "$dir/oobc.key"
echo "Wrote $dir/oobc.crt and $dir/oobc.key for $host" >&2
