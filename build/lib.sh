#!/usr/bin/env bash
# Shared helpers for run.sh, test.sh and bench.sh: install what is missing, start a private PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing ${missing[*]} (apt)"
  # Another apt (unattended-upgrades, a second script) may hold the lock: wait for it rather than fail.
  local lock=(-o DPkg::Lock::Timeout=300)
  if [ $APT_UPDATED -eq 0 ]; then as_root apt-get "${lock[@]}" update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    apt_install postgresql postgresql-contrib
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$bin"
}

ensure_dotnet_tools() { (cd "$ROOT" && dotnet tool restore >/dev/null); }

ensure_frontend() {
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  bash "$ROOT/build/frontend.sh" "$ROOT/src/Host/OobcCalendar.Host"
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

# pg_start DIR: starts (creating on first use) a private cluster in DIR; prints its port.
# Runs as the unprivileged postgres user when we are root, since initdb refuses root.
pg_start() {
  local dir="$1" bin run port
  bin=$(pg_bin)
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres: "$dir"
    if ! runuser -u postgres -- test -x "$dir"; then
      # A parent folder is closed to postgres (e.g. a 700 home): keep the data where it can reach it.
      local alt="/var/tmp/oobc-pg-$(echo "$dir" | md5sum | cut -c1-12)"
      install -d -o postgres -g postgres -m 700 "$alt"
      ln -sfn "$alt" "$dir/cluster"
      dir="$alt"
    fi
    run=(runuser -u postgres --)
  fi
  [ -L "$dir/cluster" ] && dir="$(readlink "$dir/cluster")"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if "${run[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    cat "$dir/port"
    return 0
  fi
  port=$(free_port)
  echo "$port" | "${run[@]}" tee "$dir/port" >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log.txt" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c shared_buffers=256MB" start >/dev/null
  echo "$port"
}

# pg_stop DIR
pg_stop() {
  local dir="$1" bin run=()
  bin=$(pg_bin)
  [ -L "$dir/cluster" ] && dir="$(readlink "$dir/cluster")"
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  [ -f "$dir/data/PG_VERSION" ] && "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_createdb PORT NAME
pg_createdb() {
  local bin; bin=$(pg_bin)
  "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$2'" | grep -q 1 \
    || "$bin/psql" -h 127.0.0.1 -p "$1" -U postgres -qc "CREATE DATABASE \"$2\"" >/dev/null
}
