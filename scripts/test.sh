#!/usr/bin/env bash
# The one command that runs every test: installs what is missing, builds, starts a throwaway
# PostgreSQL 15, and runs every suite (on SQLite and on PostgreSQL) with ctest in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/install-deps.sh
scripts/build.sh
jobs=$(( $(nproc) > 1 ? $(nproc) : 2 ))
# MEEKIJK_REQUIRE_POSTGRES: every suite runs on PostgreSQL too, and fails if it cannot.
scripts/with-postgres.sh env MEEKIJK_REQUIRE_POSTGRES=1 \
  ctest --test-dir build -j "$jobs" --output-on-failure --timeout 600
# The web app: unit tests, then browser tests in Debian's Chromium against the real server.
if [ -f web/package.json ] && [ "${MEEKIJK_WITH_WEB:-1}" = 1 ]; then
  (cd web && MEEKIJK_BINARY="$PWD/../build/meekijk" npm test)
fi
echo "all tests passed in $(( $(date +%s) - started )) s"
