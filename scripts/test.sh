#!/usr/bin/env bash
# The one command that runs every test: installs what is missing, builds the server and the web
# app (Release: what the demo runs and the browser tests test), then the C++ suites with the
# address and undefined-behaviour sanitizers (a Debug build at -O1, so that assertions hold too),
# starts a throwaway PostgreSQL 15 and runs every suite on SQLite and on PostgreSQL with ctest in
# parallel; then the web app's unit and browser tests against the Release server; then the
# README's first command (scripts/demo-smoke-test.sh); then the load harness and the dataset
# generator on a small scale; last, the request parser and the JSON body reader under libFuzzer
# for MEEKIJK_FUZZ_SECONDS (30) each. Each build compiles free of warnings under -Werror.
# On a developer's machine: MEEKIJK_SANITIZE_TESTS=0 runs the C++ suites on the Release build
# instead, MEEKIJK_LOAD_SMOKE=0 and MEEKIJK_FUZZ_SECONDS=0 skip those steps, and
# MEEKIJK_ALL_BUILD_TYPES=1 also compiles RelWithDebInfo (its -O2 flow analysis warns about what
# the others do not). CI runs the defaults, and must stay well under 30 minutes on 2 cores: the
# phases print their start time, so a slow one shows.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
phase() { echo "== $1 ($(( $(date +%s) - started )) s)"; }
jobs=$(( $(nproc) > 1 ? $(nproc) : 2 ))
# Test lists are discovered when ctest runs, in its environment (a test per engine); a list found
# earlier, by a ctest run without PostgreSQL, would be reused and leave PostgreSQL out.
fresh_test_lists() { find "$1" -name '*_tests.cmake' -delete; }

phase "install, and build the server and the web app (Release)"
scripts/install-deps.sh
scripts/build.sh --server

# The C++ suites run once, on both engines, in the build that finds the most: under the address and
# undefined-behaviour sanitizers a memory error, a leak or undefined behaviour in a test, or in the
# server an HTTP test starts, ends the process with an error and fails the test.
# MEEKIJK_REQUIRE_POSTGRES: every suite runs on PostgreSQL too, and fails if it cannot.
if [ "${MEEKIJK_SANITIZE_TESTS:-1}" = 1 ]; then
  phase "build the C++ suites with the address and undefined-behaviour sanitizers"
  scripts/build.sh --sanitize
  phase "C++ suites on SQLite and PostgreSQL, under the sanitizers"
  fresh_test_lists build-sanitize
  scripts/with-postgres.sh env MEEKIJK_REQUIRE_POSTGRES=1 \
    ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize -j "$jobs" --output-on-failure --timeout 900
else
  phase "build the C++ suites (Release)"
  scripts/build.sh
  phase "C++ suites on SQLite and PostgreSQL"
  fresh_test_lists build
  scripts/with-postgres.sh env MEEKIJK_REQUIRE_POSTGRES=1 \
    ctest --test-dir build -j "$jobs" --output-on-failure --timeout 600
fi

# The web app: unit tests, then browser tests in Debian's Chromium against the real server.
if [ -f web/package.json ] && [ "${MEEKIJK_WITH_WEB:-1}" = 1 ]; then
  phase "web app"
  (cd web && MEEKIJK_BINARY="$PWD/../build/meekijk" npm test)
  phase "the README's first command"
  scripts/demo-smoke-test.sh
fi

# The load harness and the dataset generator on a small scale: every request of the benchmark
# answered without an error on both engines, next to its limits (BENCHMARKS.md has the figures).
if [ "${MEEKIJK_LOAD_SMOKE:-1}" = 1 ]; then
  phase "the load harness on a small scale (bench/load.sh --smoke)"
  bench/load.sh --smoke
fi

# -Werror is on: a build type compiling is the proof that it is free of warnings.
if [ "${MEEKIJK_ALL_BUILD_TYPES:-0}" = 1 ]; then
  phase "RelWithDebInfo compiles without warnings"
  scripts/build.sh --type RelWithDebInfo
fi

fuzz_seconds=${MEEKIJK_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" != 0 ]; then
  phase "fuzzing the request parser and the JSON body reader (${fuzz_seconds} s each)"
  scripts/fuzz.sh "$fuzz_seconds"
fi
echo "all tests passed in $(( $(date +%s) - started )) s"
