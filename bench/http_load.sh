#!/usr/bin/env bash
# HTTP load benchmark: the real `meekijk serve` with the demo region on SQLite (or PostgreSQL
# with --postgres), driven by wrk on loopback. Every figure is also given as a ratio to
# GET /healthz (one trivial database read) measured in the same run, because the machines are
# shared and noisy: the ratios are what to compare between runs.
#   bench/http_load.sh [--postgres] [--seconds N] [--connections N]
set -euo pipefail
cd "$(dirname "$0")/.."
original_args=("$@")
seconds=10 connections=32 engine=sqlite
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) engine=postgres ;;
    --seconds) seconds=$2; shift ;;
    --connections) connections=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }; }
scripts/build.sh >/dev/null

run() {
  local dir; dir=$(mktemp -d)
  ./build/meekijk keys new --key-file "$dir/key" >/dev/null
  local db_args=(--data "$dir/data" --key-file "$dir/key")
  [ "$engine" = postgres ] && db_args=(--database "$MEEKIJK_TEST_POSTGRES" --key-file "$dir/key")
  ./build/meekijk demo "${db_args[@]}" --password bench-wachtwoord --json >"$dir/accounts.json" 2>/dev/null
  # The GP's code, as an authenticator app shows it (the demo accounts have a second factor).
  local secret; secret=$(python3 -c 'import json, sys
print(next(a["otp_secret"] for a in json.load(open(sys.argv[1])) if a["username"] == "huisarts.devries"))' "$dir/accounts.json")
  local otp; otp=$(scripts/totp.py "$secret")
  ./build/meekijk serve "${db_args[@]}" --listen 127.0.0.1:0 --threads 8 >"$dir/out" 2>/dev/null &
  local pid=$!
  trap "kill $pid 2>/dev/null; rm -rf $dir" RETURN
  local url; for _ in $(seq 50); do url=$(grep -o 'http://[0-9.:]*' "$dir/out" || true); [ -n "$url" ] && break; sleep 0.1; done
  local token; token=$(curl -s -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
    -d '{"username":"huisarts.devries","password":"bench-wachtwoord","otp":"'"$otp"'"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
  local id; id=$(curl -s "$url/api/v1/consults?limit=1" -H "Authorization: Bearer $token" | python3 -c 'import sys,json;print(json.load(sys.stdin)["items"][0]["id"])')
  cat >"$dir/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"specialty":"dermatologie","mode":"digital","patient":{"birth_year":1979,"sex":"female"},"icpc":"S88","question":"Handeczeem: eerst behandelen?","clinical_summary":"","intended_referral":true,"consent":true,"send":true}'
LUA
  printf '%-44s %12s %10s %10s\n' "request ($engine, $connections connections, ${seconds}s)" "requests/s" "p50 ms" "ratio"
  local reference=""
  measure() {
    local name=$1; shift
    local out; out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" 2>&1)
    local rps; rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    local p50; p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    [ -z "$reference" ] && reference=$rps
    printf '%-44s %12.0f %10s %10.2f\n' "$name" "$rps" "$p50" "$(python3 -c "print($rps/$reference)")"
  }
  measure "GET /healthz (reference)" "$url/healthz"
  measure "GET /api/v1/changes (browser poll)" -H "Authorization: Bearer $token" "$url/api/v1/changes"
  measure "GET /api/v1/specialties (routing, templates)" -H "Authorization: Bearer $token" "$url/api/v1/specialties"
  measure "GET /api/v1/consults/{id} (+ access log)" -H "Authorization: Bearer $token" "$url/api/v1/consults/$id"
  measure "GET /api/v1/consults outbox (+ access log)" -H "Authorization: Bearer $token" "$url/api/v1/consults?limit=20"
  measure "POST /api/v1/consults create+send" -s "$dir/post.lua" "$url/api/v1/consults"
}

# On SQLite, the same requests once more with group commit off: the gain in the same run.
run_without_group_commit() {
  echo
  echo "without group commit (MEEKIJK_SQLITE_GROUP_COMMIT=off):"
  MEEKIJK_SQLITE_GROUP_COMMIT=off run
}

# On PostgreSQL, run again inside a throwaway server started by the test script's helper.
if [ "$engine" = postgres ] && [ -z "${MEEKIJK_TEST_POSTGRES:-}" ]; then
  exec scripts/with-postgres.sh bench/http_load.sh "${original_args[@]}"
fi
run
[ "$engine" = sqlite ] && run_without_group_commit
