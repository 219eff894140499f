#!/usr/bin/env bash
# Runs OobcCalendar on http://localhost:5080 with demo data on a private PostgreSQL under .data/pg.
# Set ConnectionStrings__Default to use another PostgreSQL instead (then no cluster is started).
# Knobs (see README, Configuration): OOBC_HTTP_PORT, ConnectionStrings__Default, AllowedHosts.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PORT_HTTP="${OOBC_HTTP_PORT:-5080}"

# The app runs from the build output, whose framework and library files (blazor.web.js, MudBlazor) ASP.NET Core
# serves only in Development: any other environment answers 500 for them and the pages never come alive.
if [ "${ASPNETCORE_ENVIRONMENT:-Development}" != Development ]; then
  log "run.sh runs the Development build; for production settings use docker/compose.yaml (a published build behind TLS)"
  exit 1
fi

ensure_dotnet_tools
ensure_frontend

STARTED_PG=""
if [ -z "${ConnectionStrings__Default:-}" ]; then
  log "Starting the private PostgreSQL cluster in .data/pg"
  PG_PORT=$(pg_start "$ROOT/.data/pg")
  pg_createdb "$PG_PORT" oobc
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Database=oobc;Username=postgres;Include Error Detail=true"
  STARTED_PG=1
fi

stop_all() {
  trap - INT TERM EXIT
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  if [ -n "$STARTED_PG" ]; then log "Stopping PostgreSQL"; pg_stop "$ROOT/.data/pg"; fi
}
trap stop_all INT TERM EXIT

# A first build takes about two minutes: name each project as it finishes (MSBuild's "Project -> path.dll"
# lines) and pass errors and warnings through, instead of a silent "Building".
log "Building (a first build takes about two minutes; each project is listed when done)"
BUILD_LOG="$ROOT/.data/build.log"
mkdir -p "$ROOT/.data"
if ! dotnet build src/Host/OobcCalendar.Host -c Debug -v m -nologo -tl:off -clp:NoSummary 2>&1 | tee "$BUILD_LOG" | while IFS= read -r line; do
  case "$line" in
    *" -> "*.dll) name="${line%% -> *}"; printf '    built %s\n' "${name##* }" >&2 ;;
    *": error "*|*": warning "*) printf '%s\n' "$line" >&2 ;;
  esac
done; then
  log "Build failed; the whole output is in $BUILD_LOG"
  exit 1
fi

cat <<TXT

  OobcCalendar is starting on  http://localhost:$PORT_HTTP
  Demo sign-ins (password for all: Oobc!Demo2026):
    Admin          admin@oobc.gov.ph
    Manager        manager.ops@oobc.gov.ph, manager.programs@oobc.gov.ph
    Staff          staff1@oobc.gov.ph … staff5@oobc.gov.ph
    Check-in desk  desk1@oobc.gov.ph, desk2@oobc.gov.ph
  Press Ctrl-C to stop the app and the database.

TXT
# AllowedHosts: redirects and links are built from the Host header, so only the names this app is served on.
# E-mail goes to a pickup folder beside the database (listed on Admin → Mail) unless Notifications__Smtp__Host is set.
ASPNETCORE_ENVIRONMENT=Development Seed__Demo=true AllowedHosts="${AllowedHosts:-localhost;127.0.0.1}" \
  Notifications__PickupFolder="${Notifications__PickupFolder:-$ROOT/.data/mail}" \
  dotnet run --project src/Host/OobcCalendar.Host --no-build --no-launch-profile --urls "http://localhost:$PORT_HTTP" &
APP_PID=$!
wait "$APP_PID"
