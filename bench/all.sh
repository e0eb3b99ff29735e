#!/usr/bin/env bash
# The whole benchmark of issue 15 in one command; every part writes its own section of
# BENCHMARKS.md (between <!-- NAME:begin --> and <!-- NAME:end -->), with the command and machine:
#   micro     the hot pieces under Google Benchmark, as ratios to references (bench/micro.sh)
#   generate  the dataset generator's rate on SQLite, 1 million consults beside the demo
#   load      the HTTP API on the demo region, SQLite and PostgreSQL, 1/16/64 connections, each
#             figure a ratio to its limit (bench/load.sh)
#   national  the same on SQLite with the national dataset (10 million consults)
#   bench/all.sh [--seconds S] [--without-national]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=5 national=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift ;;
    --without-national) national=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
scripts/build.sh >/dev/null

# write_section NAME TITLE COMMAND FILE: replaces the section NAME of BENCHMARKS.md with FILE.
write_section() { python3 -B bench/load/harness.py section BENCHMARKS.md "$@"; }

out=$(mktemp -d /tmp/meekijk-all.XXXXXX)
trap 'rm -rf "$out"' EXIT

echo "== micro-benchmarks"
bench/micro.sh 2>/dev/null | tee "$out/micro.txt"
write_section micro "The hot pieces — Google Benchmark" "bench/micro.sh" "$out/micro.txt"

echo "== the dataset generator"
build/meekijk keys new --key-file "$out/key" >/dev/null
build/meekijk demo --without-history --data "$out/gen" --key-file "$out/key" --password bench-wachtwoord >/dev/null 2>&1
build/meekijk generate --scale 1000000 --data "$out/gen" --key-file "$out/key" 2>/dev/null | tee "$out/generate.txt"
du -h "$out/gen/meekijk.db" | awk '{print "database file: " $1}' | tee -a "$out/generate.txt"
rm -rf "$out/gen"
write_section generate "The dataset generator — meekijk generate" \
  "meekijk demo --without-history …; meekijk generate --scale 1000000 (SQLite)" "$out/generate.txt"

echo "== the HTTP API on the demo region, both engines"
MEEKIJK_LOAD_SECTION=load bench/load.sh --engine both --dataset demo --seconds "$seconds" --write-benchmarks
if [ "$national" = 1 ]; then
  echo "== the HTTP API on the national dataset, SQLite"
  MEEKIJK_LOAD_SECTION=national MEEKIJK_LOAD_TITLE="The HTTP API on the national dataset (10 million consults)" \
    bench/load.sh --engine sqlite --dataset national --seconds "$seconds" --write-benchmarks
fi
