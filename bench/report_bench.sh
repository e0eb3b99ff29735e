#!/usr/bin/env bash
# The triple-aim dashboard of a region over five years on a national dataset (10 million consults),
# on SQLite and on PostgreSQL, with a reference in the same run. Usage:
#   bench/report_bench.sh [consults]          (builds first; figures go to BENCHMARKS.md by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
consults=${1:-10000000}
cmake --build build --target report_bench
build/bench/report/report_bench --consults "$consults" --engine sqlite
scripts/with-postgres.sh build/bench/report/report_bench --consults "$consults" --engine postgres
