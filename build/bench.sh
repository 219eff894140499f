#!/usr/bin/env bash
# Measures booking throughput and latency (issue 3) and the calendar month query (issue 4) against a private
# PostgreSQL; prints "name: value" lines. "build/bench.sh bookings", "calendar", "leave" (issue 11), "attendance" (issue 12),
# "sharing" (issue 13: the share feed over real HTTP) or "notifications" (issue 14) runs one part.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_dotnet_tools
PG_DIR="$ROOT/.data/pg-bench"
PG_PORT=$(pg_start "$PG_DIR")
trap 'pg_stop "$PG_DIR"' EXIT
# Each run creates its own databases; earlier runs' are dropped so .data does not grow by ~150 MB a run.
PSQL=("$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atq)
"${PSQL[@]}" -c "SELECT format('DROP DATABASE %I;', datname) FROM pg_database WHERE datname LIKE 't\_bench%'" | "${PSQL[@]}"
export OOBC_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Maximum Pool Size=60"
dotnet build tests/OobcCalendar.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
dotnet tests/OobcCalendar.Benchmarks/bin/Release/net10.0/OobcCalendar.Benchmarks.dll "$@"
