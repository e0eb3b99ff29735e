#!/usr/bin/env bash
# Builds meekijk with Ninja and ccache: the one build that the demo runs and the tests test
# (Release, in build/), and the web app into web/dist (npm ci only when package-lock.json
# changed). `scripts/build.sh --server` builds only the server of that build (not its tests and
# benchmarks) and the web app. `scripts/build.sh --sanitize` builds instead the C++ code and its tests with the
# address and undefined-behaviour sanitizers into build-sanitize/ (no web app), and
# `scripts/build.sh --type RelWithDebInfo` (or Debug) another build type into build-<type>/, to
# show that it compiles without warnings.
set -euo pipefail
cd "$(dirname "$0")/.."

dir=build
options=(-DCMAKE_BUILD_TYPE=Release -DMEEKIJK_SANITIZE=OFF)
with_web=${MEEKIJK_WITH_WEB:-1}
targets=()
if [ "${1:-}" = --server ]; then
  targets=(--target meekijk)
elif [ "${1:-}" = --sanitize ]; then
  # A Debug build, so that assertions hold under the sanitizers too, at -O1 (CMakeLists.txt): quick
  # to compile and to run, with exact stack traces.
  dir=build-sanitize
  options=(-DCMAKE_BUILD_TYPE=Debug -DMEEKIJK_SANITIZE=ON)
  with_web=0
elif [ "${1:-}" = --type ]; then
  dir=build-$(echo "${2:?--type Debug|RelWithDebInfo|Release}" | tr '[:upper:]' '[:lower:]')
  options=(-DCMAKE_BUILD_TYPE="$2" -DMEEKIJK_SANITIZE=OFF)
  with_web=0
fi

# Configure when there is no build yet or it was configured otherwise.
configured() {
  local option
  for option in "${options[@]}"; do
    grep -qx "${option#-D}" <(sed -n 's/^\([A-Z_]*\):[A-Z]*=/\1=/p' "$dir/CMakeCache.txt") || return 1
  done
}
if [ ! -f "$dir/build.ninja" ] || ! configured; then
  cmake -S . -B "$dir" -G Ninja "${options[@]}" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)" "${targets[@]}"

if [ -f web/package.json ] && [ "$with_web" = 1 ]; then
  cd web
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
  # Built again only when something it is built from is newer than the last build.
  inputs=(src index.html package.json package-lock.json tsconfig.json vite.config.ts
          ../docs/openapi.json ../src/domain/form_fields.tsv)
  if [ ! -f dist/index.html ] || [ -n "$(find "${inputs[@]}" -newer dist/index.html -print -quit)" ]; then
    npm run build --silent
  fi
fi
