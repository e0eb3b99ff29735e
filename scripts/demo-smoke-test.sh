#!/usr/bin/env bash
# The README's first command, tried as a new user tries it: scripts/demo.sh on a free port with a
# data folder of its own; waits for /healthz, logs in through the API and in Chromium with an
# account and the password it printed, opens the web app's first page, and stops the server with
# SIGTERM, which must end it cleanly. A demo command that no longer starts fails the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh  # curl and python3 for this script; nothing when they are there

work=$(mktemp -d /tmp/meekijk-demo-smoke.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
fail() { echo "demo smoke test: $*" >&2; echo "--- scripts/demo.sh printed:" >&2; cat "$work/demo.log" >&2; exit 1; }

MEEKIJK_LISTEN="127.0.0.1:$port" MEEKIJK_DEMO_DATA="$work/data" scripts/demo.sh >"$work/demo.log" 2>&1 &
pid=$!
cleanup() { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# demo.sh may have to install and build first: wait as long as a first build takes.
for _ in $(seq 1 1200); do
  curl -sf "$base/healthz" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "scripts/demo.sh ended before it served"
  sleep 0.5
done
curl -sf "$base/healthz" >/dev/null || fail "no answer on $base/healthz"

# The first GP account and the password, as printed.
username=$(awk '$2 == "gp" { print $1; exit }' "$work/demo.log")
password=$(sed -n 's/^Wachtwoord van alle demo-accounts.*: //p' "$work/demo.log")
[ -n "$username" ] && [ -n "$password" ] || fail "no account or password printed"

token=$(curl -sf -X POST "$base/api/v1/session" \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])') || fail "login as $username refused"
me=$(curl -sf "$base/api/v1/me" -H "Authorization: Bearer $token") || fail "/api/v1/me refused"
echo "$me" | grep -q "\"username\":\"$username\"" || fail "/api/v1/me answered $me"

node web/scripts/open-first-page.mjs "$base/" "$username" "$password" || fail "the web app's first page failed"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
[ "$status" = 0 ] || fail "the server ended with status $status after SIGTERM"
echo "demo smoke test passed: scripts/demo.sh served $base, $username logged in"
