#!/usr/bin/env bash
# Installs what is missing, builds, and serves meekijk with the demo region on the embedded
# SQLite database. The build is the one the tests test (scripts/build.sh --server: the server and
# the web app, not the test suites). Set MEEKIJK_LISTEN
# (default 127.0.0.1:8080), MEEKIJK_DEMO_PASSWORD (default Kijk-mee-Maas-2026) and MEEKIJK_DEMO_DATA
# (default ./demo-data) and MEEKIJK_DEMO_KEY (default ./demo-data.key) to change them. A second start serves the same folder.
set -euo pipefail
cd "$(dirname "$0")/.."
listen=${MEEKIJK_LISTEN:-127.0.0.1:8080}
password=${MEEKIJK_DEMO_PASSWORD:-Kijk-mee-Maas-2026}
data=${MEEKIJK_DEMO_DATA:-demo-data}
accounts="$data/accounts.txt"
# The keys of the patients' BSNs, names and dates of birth: beside the data folder, not in it, as
# an installation keeps them apart from its database (and its backups).
key_file=${MEEKIJK_DEMO_KEY:-$data.key}
scripts/install-deps.sh
scripts/build.sh --server
[ -f "$key_file" ] || ./build/meekijk keys new --key-file "$key_file" >/dev/null

if [ ! -f "$data/meekijk.db" ]; then
  mkdir -p "$data"
  # The demo's log lines go to a file: what a new user needs to see are the accounts. A failed
  # start leaves no half-made database behind, so the next start makes it again.
  if ! ./build/meekijk demo --data "$data" --key-file "$key_file" --password "$password" >"$accounts.new" 2>"$data/demo.log"; then
    cat "$data/demo.log" >&2
    rm -f "$data/meekijk.db" "$data/meekijk.db-wal" "$data/meekijk.db-shm" "$accounts.new"
    exit 1
  fi
  echo "Wachtwoord van alle demo-accounts / password of every demo account: $password" >>"$accounts.new"
  mv "$accounts.new" "$accounts"
fi
if [ -f "$accounts" ]; then
  cat "$accounts"
  # The demo accounts come with a second factor. For the GP and the dermatologist of the README: a
  # QR code to scan with any authenticator app (FreeOTP, Google or Microsoft Authenticator…).
  for user in huisarts.devries specialist.smit; do
    secret=$(awk -v u="$user" '$1 == u { print $NF }' "$accounts")
    [ -n "$secret" ] || continue
    uri="otpauth://totp/meekijk:$user?secret=$secret&issuer=meekijk&algorithm=SHA1&digits=6&period=30"
    echo
    echo "Tweede factor van / second factor of $user — scan met een authenticator-app, of typ het geheim / scan with an authenticator app, or type the secret: $secret"
    qrencode -t ANSIUTF8 -m 2 "$uri" || true
  done
else
  echo "De demo-accounts staan in README.md / the demo accounts are listed in README.md."
fi
# Prometheus reads /metrics with this token (a file only this user can read).
metrics_token="$data/metrics-token"
if [ ! -s "$metrics_token" ]; then
  (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$metrics_token")
fi
echo "Meetwaarden / metrics: http://$listen/metrics met / with Authorization: Bearer \$(cat $metrics_token)"
echo "Open http://$listen — stop with Ctrl-C."
exec ./build/meekijk serve --data "$data" --key-file "$key_file" --listen "$listen" --metrics-token-file "$metrics_token"
