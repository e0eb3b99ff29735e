#!/usr/bin/env bash
# The one command that runs every test: installs what is missing, builds (the same build the demo
# runs), starts a throwaway PostgreSQL 15, and runs every suite on SQLite and on PostgreSQL with
# ctest in parallel; then the web app's unit and browser tests; then the README's first command
# (scripts/demo-smoke-test.sh); then the C++ suites again, built with the address and
# undefined-behaviour sanitizers (a Debug build), after the RelWithDebInfo build has compiled
# (each build type is free of warnings under -Werror); last, the request parser and the JSON body
# reader under libFuzzer for MEEKIJK_FUZZ_SECONDS (30) each. Between them, the load harness and
# the dataset generator run on a small scale (MEEKIJK_LOAD_SMOKE=0 skips it). MEEKIJK_ALL_BUILD_TYPES=0,
# MEEKIJK_SANITIZE_TESTS=0 and MEEKIJK_FUZZ_SECONDS=0 skip those steps on a developer's machine;
# CI runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
phase() { echo "== $1 ($(( $(date +%s) - started )) s)"; }
jobs=$(( $(nproc) > 1 ? $(nproc) : 2 ))
# Test lists are discovered when ctest runs, in its environment (a test per engine); a list found
# earlier, by a ctest run without PostgreSQL, would be reused and leave PostgreSQL out.
fresh_test_lists() { find "$1" -name '*_tests.cmake' -delete; }

phase "install and build"
scripts/install-deps.sh
scripts/build.sh

# MEEKIJK_REQUIRE_POSTGRES: every suite runs on PostgreSQL too, and fails if it cannot.
phase "C++ suites on SQLite and PostgreSQL"
fresh_test_lists build
scripts/with-postgres.sh env MEEKIJK_REQUIRE_POSTGRES=1 \
  ctest --test-dir build -j "$jobs" --output-on-failure --timeout 600

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

# -Werror is on: a build type compiling is the proof that it is free of warnings. Release is the
# main build and Debug the sanitized one (with assertions, at -O1); RelWithDebInfo's -O2 flow
# analysis finds what neither does. A plain -O0 Debug build compiles the same code as the
# sanitized one with less analysis, so it adds nothing.
if [ "${MEEKIJK_ALL_BUILD_TYPES:-1}" = 1 ]; then
  phase "RelWithDebInfo compiles without warnings"
  scripts/build.sh --type RelWithDebInfo
fi

if [ "${MEEKIJK_SANITIZE_TESTS:-1}" = 1 ]; then
  phase "C++ suites under the address and undefined-behaviour sanitizers"
  scripts/build.sh --sanitize
  fresh_test_lists build-sanitize
  # A leak, a memory error or undefined behaviour ends the process with an error: the test fails.
  scripts/with-postgres.sh env MEEKIJK_REQUIRE_POSTGRES=1 \
    ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-sanitize -j "$jobs" --output-on-failure --timeout 900
fi
fuzz_seconds=${MEEKIJK_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" != 0 ]; then
  phase "fuzzing the request parser and the JSON body reader (${fuzz_seconds} s each)"
  scripts/fuzz.sh "$fuzz_seconds"
fi
echo "all tests passed in $(( $(date +%s) - started )) s"
