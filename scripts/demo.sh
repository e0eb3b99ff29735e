#!/usr/bin/env bash
# Installs what is missing, builds, and serves meekijk with the demo region on the embedded
# SQLite database in ./demo-data. Set MEEKIJK_LISTEN (default 127.0.0.1:8080) and
# MEEKIJK_DEMO_PASSWORD (default meekijk-demo) to change them.
set -euo pipefail
cd "$(dirname "$0")/.."
listen=${MEEKIJK_LISTEN:-127.0.0.1:8080}
password=${MEEKIJK_DEMO_PASSWORD:-meekijk-demo}
scripts/install-deps.sh
MEEKIJK_BUILD_TYPE=Release scripts/build.sh
if [ ! -f demo-data/meekijk.db ]; then
  ./build/meekijk demo --data demo-data --password "$password" 2>/dev/null
  echo "Wachtwoord van alle demo-accounts / password of every demo account: $password"
fi
echo "Open http://$listen — stop with Ctrl-C."
exec ./build/meekijk serve --data demo-data --listen "$listen"
