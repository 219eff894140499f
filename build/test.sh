#!/usr/bin/env bash
# Builds and runs every test project against a fresh private PostgreSQL, real Chromium and a real SMTP
# server process; ends with "N passed, N failed" (totals over all test projects).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_dotnet_tools
ensure_frontend
# Browser journeys use Debian's Chromium (its headless shell, ADR 0039) through Playwright; SMTP tests run python3-aiosmtpd; the ICS export is
# read back by python3-vobject and by libical (python3-gi + gir1.2-ical-3.0), as other calendar apps read it; share
# feeds are subscribed to by vdirsyncer and listed by khal.
apt_install chromium-headless-shell python3-aiosmtpd fonts-dejavu-core python3-vobject python3-gi gir1.2-ical-3.0 python3-icalendar python3-recurring-ical-events vdirsyncer khal

PG_DIR="$ROOT/.data/pg-test"
pg_stop "$PG_DIR"
rm -rf "$PG_DIR" "$(readlink -f "$PG_DIR/cluster" 2>/dev/null || echo /nonexistent)" 2>/dev/null || true
log "Starting a fresh PostgreSQL for the tests"
PG_PORT=$(pg_start "$PG_DIR")
export OOBC_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=40"
trap 'pg_stop "$PG_DIR"' EXIT

log "Building"
mkdir -p "$ROOT/artifacts"
set +e
dotnet build OobcCalendar.sln -c Debug -nologo -v q > "$ROOT/artifacts/build-output.txt" 2>&1
BUILD=$?
set -e
if [ "$BUILD" -ne 0 ]; then
  grep -E "error|warning" "$ROOT/artifacts/build-output.txt" | sort -u | head -n 50
  echo "0 passed, 1 failed"
  exit 1
fi

log "Running tests"
OUT="$ROOT/artifacts/test-output.txt"
set +e
dotnet test OobcCalendar.sln --no-build -c Debug -nologo 2>&1 | tee "$OUT"
STATUS=${PIPESTATUS[0]}
set -e

passed=0; failed=0
while read -r f p; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -E '^(Passed|Failed)!' "$OUT" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\1 \2/')
projects=$(grep -cE '^(Passed|Failed)!' "$OUT" || true)
if [ "$STATUS" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
log "$projects test projects"
echo "$passed passed, $failed failed"
[ "$STATUS" -eq 0 ] && [ "$failed" -eq 0 ]
