#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 server: initdb in a temporary directory, listening
# on 127.0.0.1 on a free port only, stopped and removed when the command ends. The command sees
# MEEKIJK_TEST_POSTGRES=postgresql://meekijk@127.0.0.1:PORT/meekijk_test.
#   scripts/with-postgres.sh ctest --test-dir build
#   MEEKIJK_PG_DURABLE=1 scripts/with-postgres.sh bench/load.sh --engine postgres
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL 15 server not found: apt-get install postgresql-15" >&2; exit 1; }

# initdb and postgres refuse to run as root: use the postgres system user when we are root.
run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/meekijk-pg.XXXXXX)
chmod 755 "$dir"
[ "${#run_as[@]}" -gt 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)

cleanup() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${run_as[@]}" "$pg_bin/initdb" -D "$dir/data" -U meekijk --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a test server holds nothing worth keeping, and it is far faster on shared machines.
# MEEKIJK_PG_DURABLE=1 keeps PostgreSQL's durable defaults (fsync, synchronous_commit and
# full_page_writes on), for benchmarks whose figures must include the cost of a durable commit.
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${MEEKIJK_PG_DURABLE:-0}" = 1 ] && durability=""
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=300" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U meekijk meekijk_test

export MEEKIJK_TEST_POSTGRES="postgresql://meekijk@127.0.0.1:$port/meekijk_test"
# The data directory, for tests that look at what lies on disk (no BSN in the clear).
export MEEKIJK_TEST_POSTGRES_DATA="$dir/data"
echo "PostgreSQL 15 for tests at $MEEKIJK_TEST_POSTGRES" >&2
"$@"
