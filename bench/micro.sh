#!/usr/bin/env bash
# The micro-benchmarks of the hot pieces (bench/micro): builds micro_bench, runs it, prints
# Google Benchmark's table and then each figure as a ratio to its reference from the same run
# (CPU time, which a busy shared machine disturbs less than wall time). Usage:
#   bench/micro.sh [any micro_bench option, e.g. --benchmark_filter=Token --benchmark_repetitions=3]
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build build --target micro_bench >/dev/null
out=$(mktemp)
trap 'rm -f "$out"' EXIT
build/bench/micro/micro_bench --benchmark_format=console \
  --benchmark_out="$out" --benchmark_out_format=json "$@"

python3 - "$out" <<'PY'
import json, sys
runs = [b for b in json.load(open(sys.argv[1]))["benchmarks"] if b.get("run_type") == "iteration"]
unit_ns = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}
cpu_ns = {}
for b in runs:  # with repetitions, the first of each name
    cpu_ns.setdefault(b["name"], b["cpu_time"] * unit_ns[b["time_unit"]])
# Each measured piece and the reference it is compared with.
def reference(name):
    if name.startswith("BM_InboxPage") and "Reference" not in name:
        return "BM_InboxPageReferenceCopy"
    if name.startswith("BM_WorkingHoursBetween/"):
        return "BM_WorkingHoursReferenceDayWalk/" + name.split("/")[1]
    if name.startswith("BM_RoleOnConsult/"):
        return "BM_RoleOnConsultReferenceMap"
    if name in ("BM_Authenticate", "BM_AuthenticateKept", "BM_StoreFindLogin"):
        return "BM_TokenLookupReferenceMap"
    return None
print("\n%-44s %12s %12s %9s" % ("ratio to the reference (CPU time)", "ns", "reference", "ratio"))
for name, ns in cpu_ns.items():
    ref = reference(name)
    if ref in cpu_ns:
        print("%-44s %12.1f %12.1f %8.1fx" % (name, ns, cpu_ns[ref], ns / cpu_ns[ref]))
PY
