#!/usr/bin/env bash
# Where the server's time goes under load: `perf record -g` on `meekijk serve` (demo region, or
# the demo plus a generated dataset) while wrk drives one request at 64 connections; prints the
# hottest symbols by library and by function. The profile BENCHMARKS.md quotes.
#   bench/profile.sh [outbox|open|create|pool] [--dataset N] [--seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
request=${1:-outbox}; shift || true
dataset=demo seconds=10
while [ $# -gt 0 ]; do
  case "$1" in
    --dataset) dataset=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v perf >/dev/null || apt-get install -y -q linux-perf >/dev/null
dir=$(mktemp -d /tmp/meekijk-profile.XXXXXX)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
./build/meekijk keys new --key-file "$dir/key" >/dev/null
db=(--data "$dir/data" --key-file "$dir/key")
./build/meekijk demo --without-history "${db[@]}" --password bench-wachtwoord --json >"$dir/accounts.json" 2>/dev/null
[ "$dataset" != demo ] && ./build/meekijk generate --scale "$dataset" "${db[@]}" >/dev/null 2>&1
read -r pid url _ < <(python3 bench/load/harness.py start-server "$dir/server" -- \
  env ${MEEKIJK_PROFILE_PRELOAD:+LD_PRELOAD=$MEEKIJK_PROFILE_PRELOAD} ./build/meekijk serve "${db[@]}" --listen 127.0.0.1:0)
python3 bench/load/harness.py prepare "$url" "$dir/accounts.json" "$dir/ids" 0
# shellcheck disable=SC1091
. "$dir/ids"
case "$request" in
  outbox) args=(-H "Authorization: Bearer $gp_token" "$url/api/v1/consults?box=outbox&limit=20") ;;
  pool) args=(-H "Authorization: Bearer $specialist_token" "$url/api/v1/consults?box=pool&limit=20") ;;
  open) args=(-H "Authorization: Bearer $gp_token" "$url/api/v1/consults/$open_id") ;;
  create) args=(-s bench/load/create_send.lua -H "Authorization: Bearer $gp_token" "$url/api/v1/consults") ;;
  *) echo "request: outbox, pool, open or create" >&2; exit 2 ;;
esac
perf record -g -o "$dir/perf.data" -p "$pid" -- sleep "$seconds" >/dev/null 2>&1 &
perf_pid=$!
wrk -t2 -c64 -d"${seconds}s" --latency "${args[@]}" | grep -E "Requests/sec|99%|50%"
wait "$perf_pid" || true
cp "$dir/perf.data" /tmp/meekijk-profile.perf  # for a closer look: perf report -i …
echo "-- by library"
perf report -i "$dir/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -E "^ +[0-9]" | head -8
echo "-- by function"
perf report -i "$dir/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null |
  grep -E "^ +[0-9]" | head -"${MEEKIJK_PROFILE_LINES:-30}" | cut -c1-140
