#!/usr/bin/env bash
# Installs what meekijk needs on Debian 12 and is not there yet: the compiler tool chain, the
# libraries, PostgreSQL 15 and clang with libFuzzer (for the tests), wrk (the load harness's
# smoke run, bench/load.sh --smoke, which unpacks Debian's nginx itself rather than installing a
# service) and, for the web app, Node.js, npm and Chromium.
# Installs nothing when everything is present, so it is cheap to run before every build.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git python3
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev libsodium-dev libssl-dev libcurl4-openssl-dev
  liboath-dev libzxcvbn-dev qrencode
  libturbojpeg0-dev libpng-dev libqpdf-dev libhpdf-dev libjwt-dev poppler-utils
  libfmt-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  postgresql-15 curl ca-certificates python3-aiosmtpd python3-icalendar
  clang libclang-rt-14-dev
  wrk
)
if [ -d web ] && [ "${MEEKIJK_WITH_WEB:-1}" = 1 ]; then
  packages+=(nodejs npm chromium fonts-dejavu-core)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
# A machine that already has a newer Node.js (from another source) needs no Debian one.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)
echo "installing: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
