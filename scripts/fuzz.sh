#!/usr/bin/env bash
# Fuzzes the request parser and the JSON body reader with libFuzzer: builds the targets with clang,
# the address and undefined-behaviour sanitizers and libFuzzer's instrumentation (build-fuzz/), and
# runs each for a fixed time on top of its seed corpus in fuzz/corpus/<target>/. The corpus in the
# repository is only read; what the fuzzer finds goes to a temporary directory, a crashing input to
# build-fuzz/artifacts/ (add it to the corpus once fixed). Usage: scripts/fuzz.sh [SECONDS]
# (per target, default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
dir=build-fuzz
targets=(src/http/request_fuzzer src/api/json_body_fuzzer)

if [ ! -f "$dir/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMEEKIJK_FUZZ=ON >/dev/null
fi
cmake --build "$dir" -j "$(nproc)" --target "${targets[@]##*/}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dir/artifacts"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
  name=${target##*/}
  mkdir -p "$work/$name"
  echo "fuzzing $name for ${seconds}s" >&2
  "./$dir/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$dir/artifacts/$name-" \
    "$work/$name" "fuzz/corpus/$name" 2>"$work/$name.log" || {
    tail -n 60 "$work/$name.log" >&2
    echo "$name found a failing input; it is in $dir/artifacts/" >&2
    exit 1
  }
  grep -E "^stat::(number_of_executed_units|new_units_added|peak_rss_mb)" "$work/$name.log" >&2 || true
done
