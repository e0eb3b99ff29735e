#!/usr/bin/env bash
# The load harness (issue 15): the real `meekijk serve` driven by wrk (bench/load/*.lua) over
# loopback, each figure next to the machine's limit measured in the same run, as a ratio:
#   a read      Debian's nginx serving a static file of the same size, at the same connections;
#   a write     the disk's durable single-row commits/s on the same engine (SQLite WAL with
#               synchronous=FULL; PostgreSQL with fsync on, pgbench -c1);
#   a log-in    libsodium checking Argon2id hashes of the server's strength on every core.
# Usage:
#   bench/load.sh [--engine sqlite|postgres|both] [--dataset "demo|N|national ..."]
#                 [--connections "1 16 64"] [--seconds S] [--write-benchmarks]
#   bench/load.sh --smoke     CI: the demo, and the demo with 5 000 generated consults, on both
#                             engines, 1 s per case, 1 and 16 connections
# A dataset N is the demo region plus `meekijk generate --scale N` (N consults over generated
# national practices and the demo's). --write-benchmarks puts the tables in BENCHMARKS.md.
# Exits non-zero when any request failed (a socket error or an answer >= 400), after printing
# everything.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=both datasets=demo connections="1 16 64" seconds=10 write_benchmarks=0
# Log-ins are slow on purpose (Argon2id, 64 MiB each): beyond this many connections they only
# queue. Even at 16, one can wait over a second on two busy cores, so log-ins (and the Argon2id
# limit, a handful of hashes per second) run at least 5 s, else a short run may see no answer at
# all; and wrk waits 10 s before it counts a timeout.
login_max_connections=16 login_wrk_options=(--timeout 10s)
password=bench-wachtwoord

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
original=("$@")
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine=$2; shift ;;
    --dataset) datasets=$2; shift ;;
    --connections) connections=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --write-benchmarks) write_benchmarks=1 ;;
    --smoke) engine=both datasets="demo 5000" connections="1 16" seconds=1 write_benchmarks=0 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option $1" >&2; usage ;;
  esac
  shift
done
case "$engine" in sqlite) engines=(sqlite) ;; postgres) engines=(postgres) ;; both) engines=(sqlite postgres) ;;
  *) echo "--engine is sqlite, postgres or both" >&2; exit 2 ;; esac
for d in $datasets; do
  [[ "$d" =~ ^(demo|national|[0-9]+)$ ]] || { echo "--dataset: demo, national or a number, not $d" >&2; exit 2; }
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "--seconds is a whole number of seconds" >&2; exit 2; }
for c in $connections; do [[ "$c" =~ ^[1-9][0-9]*$ ]] || { echo "--connections: numbers" >&2; exit 2; }; done

# The command as typed, for BENCHMARKS.md (kept through the re-run under PostgreSQL below).
quoted=""; for a in "${original[@]}"; do [[ "$a" = *" "* ]] && a="\"$a\""; quoted+=" $a"; done
export MEEKIJK_LOAD_COMMAND=${MEEKIJK_LOAD_COMMAND:-"bench/load.sh$quoted"}

# PostgreSQL: run the whole harness again inside a throwaway server that keeps fsync on (the
# tests' servers turn it off), so that its commits cost what they cost in production.
if [ "$engine" != sqlite ] && [ -z "${MEEKIJK_LOAD_POSTGRES:-}" ]; then
  MEEKIJK_PG_DURABLE=1 exec scripts/with-postgres.sh env MEEKIJK_LOAD_POSTGRES=1 bench/load.sh "${original[@]}"
fi

harness() { python3 -B bench/load/harness.py "$@"; }  # -B: no __pycache__ in the tree
fail() { echo "bench/load.sh: $*" >&2; exit 1; }

# need COMMAND PACKAGE: installs Debian's package when the command is missing.
need() {
  command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ] && return
  echo "installing $2 (for $1)" >&2
  local sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "$2" >/dev/null \
    || fail "needs $1: apt-get install $2"
}
# nginx_binary: Debian's nginx, without installing it as a service (which would start it on port
# 80 of the user's machine): when it is not installed, its package is unpacked under build/.
nginx_binary() {
  local installed; installed=$(command -v nginx || true)
  [ -z "$installed" ] && [ -x /usr/sbin/nginx ] && installed=/usr/sbin/nginx
  if [ -n "$installed" ]; then echo "$installed"; return; fi
  local unpacked=build/tools/nginx
  if [ ! -x "$unpacked/usr/sbin/nginx" ]; then
    echo "unpacking Debian's nginx package into $unpacked (not installed as a service)" >&2
    mkdir -p "$unpacked"
    (cd "$unpacked" && apt-get download -q nginx >/dev/null && dpkg -x nginx_*.deb . && rm -f nginx_*.deb) \
      || fail "needs Debian's nginx package (apt-get download nginx)"
  fi
  echo "$PWD/$unpacked/usr/sbin/nginx"
}
need wrk wrk
need curl curl
[ "$engine" = sqlite ] || { need pgbench postgresql-15; need psql postgresql-15; }
nginx_bin=$(nginx_binary)

run=$(mktemp -d /tmp/meekijk-load.XXXXXX)
chmod 755 "$run"  # nginx's workers (nobody, when started as root) read the files below it
record=$run/results.jsonl
server_pid="" nginx_pid=""
# Set per case by `harness prepare` (its ids.sh): the sessions and ids the requests use.
gp_token="" specialist_token="" coordinator_token="" open_id="" message_ids="" dashboard_path=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$run"
}
trap cleanup EXIT

# The binary is copied once: it is rebuilt from time to time, and a run must measure one build.
copy_binary() {
  for _ in $(seq 120); do
    if [ -x build/meekijk ] && cp build/meekijk "$run/meekijk" 2>/dev/null && "$run/meekijk" --help >/dev/null 2>&1; then
      return
    fi
    sleep 1
  done
  fail "no working build/meekijk (scripts/build.sh builds it)"
}
copy_binary
bin=$run/meekijk
if [ "$datasets" != demo ] && ! "$bin" --help | grep -qE '^ +generate( |$)'; then
  fail "this build/meekijk has no 'generate' command (issue 15's dataset generator): only --dataset demo can run"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Sets db: the options that point a meekijk command at this case's database and key file. On
# PostgreSQL every case gets a database of its own (the demo wants an empty one).
case_number=0
database_args() {
  case_number=$((case_number + 1))
  if [ "$engine" = sqlite ]; then
    db=(--data "$dir/data" --key-file "$dir/key")
    return
  fi
  psql "$MEEKIJK_TEST_POSTGRES" -qc "CREATE DATABASE load_$case_number" >/dev/null
  db=(--database "${MEEKIJK_TEST_POSTGRES%/*}/load_$case_number" --key-file "$dir/key")
}

# The demo region (without its year of history: today's consults only), the national dataset on
# top when asked, and an account without a second factor for the log-in case (a TOTP code is
# accepted once per 30-second step, so log-ins with one cannot be repeated under load).
make_dataset() {
  "$bin" keys new --key-file "$dir/key" >/dev/null 2>&1
  "$bin" demo --without-history "${db[@]}" --password "$password" --json >"$dir/accounts.json" 2>"$dir/demo.log" \
    || { tail -5 "$dir/demo.log" >&2; fail "meekijk demo failed"; }
  if [ "$dataset" != demo ]; then
    echo "generating $dataset consults ..."
    "$bin" generate --scale "$dataset" "${db[@]}" || fail "meekijk generate failed"
  fi
  local organisation
  organisation=$(python3 -c 'import json, sys
print(next(a["organisation_id"] for a in json.load(open(sys.argv[1])) if a["role"] == "analyst"))' "$dir/accounts.json")
  "$bin" user add "${db[@]}" --username bench.login --name "Load harness" --organisation "$organisation" \
    --role analyst --password "$password" >"$dir/user.log" 2>&1 || { cat "$dir/user.log" >&2; fail "user add failed"; }
}

# Starts the server on a free port; sets server_pid, url and startup_ms (exec to the first
# answered GET /healthz).
start_server() {
  local started
  started=$(harness start-server "$dir/server" -- "$bin" serve "${db[@]}" --listen 127.0.0.1:0)
  read -r server_pid url startup_ms <<<"$started"
  echo "server up in $startup_ms ms at $url"
}

stop_process() {  # stop_process PID: SIGTERM, then SIGKILL if it is still there after 10 s
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# nginx with a configuration of its own, serving $dir/static on a free port: the ceiling of
# serving bytes over HTTP on this machine. Sets nginx_pid and nginx_url.
start_nginx() {
  local port; port=$(free_port)
  mkdir -p "$dir/static" "$dir/nginx"
  echo ok >"$dir/static/probe.txt"
  cat >"$dir/nginx/nginx.conf" <<EOF
worker_processes $(nproc);
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/json;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  server { listen 127.0.0.1:$port; root $dir/static; }
}
EOF
  "$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log" -g 'daemon off;' &
  nginx_pid=$!
  nginx_url=http://127.0.0.1:$port
  for _ in $(seq 100); do curl -sf -o /dev/null "$nginx_url/probe.txt" && return; sleep 0.05; done
  cat "$dir/nginx/error.log" >&2
  fail "nginx did not start"
}

# wrk_run KIND REQUEST CONNECTIONS BYTES LIMIT SCRIPT URL [WRK_OPTION...]: one wrk run of
# $seconds (a later -d overrides it), recorded.
wrk_run() {
  local kind=$1 request=$2 c=$3 bytes=$4 limit=$5 script=$6 target=$7
  shift 7
  local threads=$((c < 2 ? 1 : 2))  # wrk wants at least one connection per thread
  LOAD_THREADS=$threads harness wrk "$record" kind="$kind" request="$request" engine="$engine" \
    dataset="$dataset" connections="$c" bytes="$bytes" limit="$limit" -- \
    -t"$threads" -c"$c" -d"${seconds}s" --latency "$@" -s "$script" "$target"
}

# record_limit NAME LABEL REQUESTS_PER_SECOND [WHEN FOR_REQUEST FOR_CONNECTIONS]: a limit, of
# every row of its case that names it, or only of the run it was measured for.
record_limit() {
  harness record "$record" kind=limit engine="$engine" dataset="$dataset" request="$1" label="$2" \
    rps="$3" when="${4:-}" for_request="${5:-}" for_connections="${6:-}"
  printf '  %-8s %-34s %9.0f /s %s\n' limit "$2" "$3" "${4:-}"
}

measure_logins() {
  local login_seconds=$((seconds > 5 ? seconds : 5)) login_connections=()
  for c in $connections; do [ "$c" -gt "$login_max_connections" ] || login_connections+=("$c"); done
  [ "${#login_connections[@]}" -gt 0 ] || return 0
  record_limit argon2 "libsodium Argon2id checks, $(nproc) cores" "$(harness argon2-verifies "$login_seconds")"
  for c in "${login_connections[@]}"; do
    LOAD_USERNAME=bench.login LOAD_PASSWORD=$password \
      wrk_run server "log in (password)" "$c" 0 argon2 bench/load/login.lua "$url/api/v1/session" \
      -d"${login_seconds}s" "${login_wrk_options[@]}"
  done
}

# measure_read FILE LABEL TOKEN PATH: the answer is fetched once and written as FILE for nginx,
# which then serves it at the same connections right after meekijk did.
measure_read() {
  local file=$1 label=$2 token=$3 path=$4 code bytes
  code=$(curl -s -o "$dir/static/$file" -w '%{http_code}' -H "Authorization: Bearer $token" "$url$path")
  [ "$code" = 200 ] || fail "GET $path answered $code: $(head -c 300 "$dir/static/$file")"
  bytes=$(stat -c %s "$dir/static/$file")
  for c in $connections; do
    LOAD_TOKEN=$token wrk_run server "$label" "$c" "$bytes" nginx bench/load/read.lua "$url$path"
    wrk_run nginx "$label" "$c" "$bytes" - bench/load/report.lua "$nginx_url/$file"
  done
}

measure_reads() {
  measure_read pool.json "pool page (specialist, 20)" "$specialist_token" "/api/v1/consults?box=pool&limit=20"
  measure_read inbox.json "inbox page (specialist, 20)" "$specialist_token" "/api/v1/consults?box=inbox&limit=20"
  measure_read outbox.json "outbox page (GP, 20)" "$gp_token" "/api/v1/consults?box=outbox&limit=20"
  measure_read consult.json "open a consult (GP)" "$gp_token" "/api/v1/consults/$open_id"
  measure_read dashboard.json "dashboard, 12 months (coordinator)" "$coordinator_token" "$dashboard_path"
}

# measure_commit_limit REQUEST CONNECTIONS: the disk's durable commit rate on this engine,
# single-row transactions one after the other, measured just before the write it is the limit of
# (for up to 3 s): on this shared virtual disk the rate flips between a few hundred and several
# thousand per second from one minute to the next, with what else is being written.
measure_commit_limit() {
  local probe_seconds=$((seconds < 3 ? seconds : 3)) when="before $1, $2 conn" rate
  if [ "$engine" = sqlite ]; then
    rate=$(harness sqlite-commits "$dir/commits.db" "$probe_seconds")
    record_limit commits "SQLite commits (WAL, synchronous=FULL)" "$rate" "$when" "$1" "$2"
    return
  fi
  local fsync
  fsync=$(psql "$MEEKIJK_TEST_POSTGRES" -Atc "SHOW fsync")
  psql "$MEEKIJK_TEST_POSTGRES" -qc "CREATE TABLE IF NOT EXISTS commit_probe (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)"
  echo "INSERT INTO commit_probe (note) VALUES ('commit probe');" >"$dir/insert.sql"
  rate=$(pgbench -n -c1 -T "$probe_seconds" -f "$dir/insert.sql" "$MEEKIJK_TEST_POSTGRES" 2>&1 \
    | awk '/^tps = / {print $3; exit}')
  [ -n "$rate" ] || fail "pgbench gave no rate"
  record_limit commits "PostgreSQL commits (fsync $fsync, pgbench -c1)" "$rate" "$when" "$1" "$2"
}

measure_writes() {
  local create="create+send (GP)" message="post a message (GP, specialist)"
  for c in $connections; do
    measure_commit_limit "$create" "$c"
    LOAD_TOKEN=$gp_token wrk_run server "$create" "$c" 0 commits bench/load/create_send.lua "$url/api/v1/consults"
  done
  for c in $connections; do
    measure_commit_limit "$message" "$c"
    LOAD_IDS=$(harness consult-states "$url" "$specialist_token" "$message_ids") \
      LOAD_GP_TOKEN=$gp_token LOAD_SPECIALIST_TOKEN=$specialist_token \
      wrk_run server "$message" "$c" 0 commits bench/load/message.lua "$url"
  done
}

# What the server did besides answering: resident memory now, and what it logged as a warning
# or an error during the run.
record_server() {
  kill -0 "$server_pid" 2>/dev/null || { tail -20 "$dir/server.err" >&2; fail "the server died during the load"; }
  # VmRSS also counts the database file's pages that SQLite maps (mmap_size) and shares with the
  # page cache; RssAnon is the server's own memory.
  local rss_mb anon_mb
  rss_mb=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status")
  anon_mb=$(awk '/^RssAnon:/ {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status")
  harness record "$record" kind=server-process engine="$engine" dataset="$dataset" \
    startup_ms="$startup_ms" rss_mb="$rss_mb" anon_mb="$anon_mb"
  echo "resident memory after the load: $rss_mb MB, of which $anon_mb MB anonymous; the server's warnings and errors:"
  grep -E '"level":"(warn|error)"' "$dir/server.err" | grep -o '"event":"[^"]*"' | sort | uniq -c \
    | sed 's/^/  /' || echo "  none"
}

run_case() {
  dir=$(mktemp -d "$run/$engine-$dataset.XXXXXX")
  chmod 755 "$dir"
  echo "== $engine, dataset $dataset, connections $connections, ${seconds} s per case"
  database_args
  make_dataset
  start_server
  # Enough claimed consults for two per connection of the busiest message run.
  local most=1; for c in $connections; do [ "$c" -gt "$most" ] && most=$c; done
  harness prepare "$url" "$dir/accounts.json" "$dir/ids.sh" $((2 * most))
  # shellcheck source=/dev/null
  source "$dir/ids.sh"
  start_nginx
  measure_logins
  measure_reads
  measure_writes
  record_server
  stop_process "$server_pid"; server_pid=""
  stop_process "$nginx_pid"; nginx_pid=""
}

for engine in "${engines[@]}"; do
  for dataset in $datasets; do run_case; done
done

benchmarks=()
[ "$write_benchmarks" = 1 ] && benchmarks=(--write-benchmarks BENCHMARKS.md)
harness report "$record" "${benchmarks[@]}"
