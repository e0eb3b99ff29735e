#!/usr/bin/env bash
# Installs what is missing, builds, and serves meekijk with the demo region on the embedded
# SQLite database. The build is the one the tests test (scripts/build.sh). Set MEEKIJK_LISTEN
# (default 127.0.0.1:8080), MEEKIJK_DEMO_PASSWORD (default meekijk-demo) and MEEKIJK_DEMO_DATA
# (default ./demo-data) to change them.
set -euo pipefail
cd "$(dirname "$0")/.."
listen=${MEEKIJK_LISTEN:-127.0.0.1:8080}
password=${MEEKIJK_DEMO_PASSWORD:-meekijk-demo}
data=${MEEKIJK_DEMO_DATA:-demo-data}
scripts/install-deps.sh
scripts/build.sh
if [ ! -f "$data/meekijk.db" ]; then
  log=$(mktemp)
  # The demo's log lines go to a file: the accounts are what a new user needs to see.
  if ! ./build/meekijk demo --data "$data" --password "$password" >"$log.accounts" 2>"$log"; then
    cat "$log" >&2
    exit 1
  fi
  { cat "$log.accounts"
    echo "Wachtwoord van alle demo-accounts / password of every demo account: $password"
  } >"$data/accounts.txt"
  rm -f "$log" "$log.accounts"
fi
cat "$data/accounts.txt"
echo "Open http://$listen — stop with Ctrl-C."
exec ./build/meekijk serve --data "$data" --listen "$listen"
