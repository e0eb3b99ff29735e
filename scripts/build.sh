#!/usr/bin/env bash
# Configures (once) and builds meekijk with Ninja and ccache into build/, and the web app into
# web/dist (npm ci only when package-lock.json changed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${MEEKIJK_BUILD_TYPE:-RelWithDebInfo}" >/dev/null
fi
cmake --build build -j "$(nproc)"
if [ -f web/package.json ] && [ "${MEEKIJK_WITH_WEB:-1}" = 1 ]; then
  cd web
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  npm run build --silent
fi
