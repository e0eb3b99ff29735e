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

# In a process group of its own, so that stopping it also stops a build it may still be running.
MEEKIJK_LISTEN="127.0.0.1:$port" MEEKIJK_DEMO_DATA="$work/data" \
  setsid scripts/demo.sh >"$work/demo.log" 2>&1 &
pid=$!
# Whether the demo still runs: an ended child that is not yet waited for is a zombie, which
# `kill -0` would still find.
running() {
  local state
  state=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || true
  [ -n "$pid" ] && [ -n "$state" ] && [ "$state" != Z ]
}
# Waits up to $1 seconds for the demo to end; its exit status, or 124 when it did not end.
wait_for_exit() {
  for _ in $(seq 1 $(( $1 * 10 ))); do
    running || { local status=0; wait "$pid" || status=$?; return "$status"; }
    sleep 0.1
  done
  return 124
}
cleanup() {
  if running; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait_for_exit 30 || kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
get() { curl -sf --max-time 10 "$@"; }

# demo.sh may have to install and build first: wait as long as a first build takes.
for _ in $(seq 1 1200); do
  get "$base/healthz" >/dev/null && break
  running || fail "scripts/demo.sh ended before it served"
  sleep 0.5
done
get "$base/healthz" >/dev/null || fail "no answer on $base/healthz"
grep -q "serving on $base" "$work/demo.log" || fail "another program answers on $base"

# The first GP account and the password, as printed.
username=$(awk '$2 == "gp" { print $1; exit }' "$work/demo.log")
password=$(sed -n 's/^Wachtwoord van alle demo-accounts.*: //p' "$work/demo.log")
secret=$(awk -v u="$username" '$1 == u { print $NF; exit }' "$work/demo.log")
[ -n "$username" ] && [ -n "$password" ] && [ -n "$secret" ] || fail "no account, password or secret printed"
grep -q "second factor of huisarts.devries" "$work/demo.log" || fail "no QR code printed"

# The code an authenticator app shows now. The server accepts a step either side, so this code is
# good for at least 30 s; the previous step's would expire at the end of this one.
code=$(scripts/totp.py "$secret")
login=$(python3 -c 'import json, sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2], "otp": sys.argv[3]}))' \
  "$username" "$password" "$code")
token=$(get -X POST "$base/api/v1/session" -H "Content-Type: application/json" -d "$login" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])') || fail "login as $username refused"
me=$(get "$base/api/v1/me" -H "Authorization: Bearer $token") || fail "/api/v1/me refused"
echo "$me" | grep -q "\"username\":\"$username\"" || fail "/api/v1/me answered $me"

timeout 120 node web/scripts/open-first-page.mjs "$base/" "$username" "$password" "$secret" ||
  fail "the web app's first page failed"

kill -TERM "$pid"
status=0
wait_for_exit 30 || status=$?
pid=
[ "$status" = 0 ] || fail "the server ended with status $status after SIGTERM (124: it did not end)"
echo "demo smoke test passed: scripts/demo.sh served $base, $username logged in"
