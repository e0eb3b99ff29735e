#!/usr/bin/env bash
# Mail delivery benchmark: how fast one `meekijk serve` node empties its outbox into a real SMTP
# server (aiosmtpd on loopback, src/testing/smtp_sink.py), as a ratio to the same server fed the
# same number of mails of the same size directly by Python's smtplib, one connection per mail as
# meekijk opens them, in the same run (the machines are shared and noisy: compare the ratios).
#   bench/mail_delivery.sh [--consults N]   (each sent consult mails the pool's two specialists)
set -euo pipefail
cd "$(dirname "$0")/.."
consults=300
while [ $# -gt 0 ]; do
  case "$1" in
    --consults) consults=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
scripts/build.sh >/dev/null
dir=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; rm -rf "$dir"' EXIT
./build/meekijk keys new --key-file "$dir/key" >/dev/null
db=(--data "$dir/data" --key-file "$dir/key")
./build/meekijk demo "${db[@]}" --password bench-wachtwoord --json >"$dir/accounts.json" 2>/dev/null
secret=$(python3 -c 'import json, sys
print(next(a["otp_secret"] for a in json.load(open(sys.argv[1])) if a["username"] == "huisarts.devries"))' "$dir/accounts.json")

serve() {  # serve [extra args…]: starts a node, sets $url and $pid
  ./build/meekijk serve "${db[@]}" --listen 127.0.0.1:0 "$@" >"$dir/out" 2>/dev/null &
  pid=$!; pids+=("$pid")
  url=""; for _ in $(seq 100); do url=$(grep -o 'http://[0-9.:]*' "$dir/out" || true); [ -n "$url" ] && break; sleep 0.1; done
}
pending() { ./build/meekijk outbox list "${db[@]}" --status pending --limit 100000 2>/dev/null | tail -1 | cut -d' ' -f1; }

# 1. Consults sent while no mail server is configured: their mails wait in the outbox.
serve
token=$(curl -s -X POST "$url/api/v1/session" -H 'Content-Type: application/json' \
  -d '{"username":"huisarts.devries","password":"bench-wachtwoord","otp":"'"$(scripts/totp.py "$secret")"'"}' \
  | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])')
body='{"specialty":"dermatologie","mode":"digital","patient":{"birth_year":1979,"sex":"female"},"icpc":"S88","question":"Handeczeem: eerst behandelen?","clinical_summary":"","intended_referral":true,"consent":true,"send":true}'
for _ in $(seq "$consults"); do
  curl -s -o /dev/null -X POST "$url/api/v1/consults" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$body"
done
kill "$pid"; wait "$pid" 2>/dev/null || true
mails=$(pending)

# 2. The SMTP server, and the reference: the same number of mails straight from smtplib.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir "$dir/sink"
/usr/bin/python3 src/testing/smtp_sink.py --port "$port" --dir "$dir/sink" >/dev/null &
pids+=($!)
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
reference=$(/usr/bin/python3 - "$port" "$mails" <<'PY'
import smtplib, sys, time
port, count = int(sys.argv[1]), int(sys.argv[2])
body = ("Subject: meekijk MK-2026-00042: Nieuwe consultatie\r\nMessage-ID: <ref.%d@bench>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + ("x" * 74 + "\r\n") * 30)
start = time.monotonic()
for i in range(count):
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        smtp.sendmail("meekijk@bench", ["specialist@example.nl"], body % i)
print(count / (time.monotonic() - start))
PY
)
rm -f "$dir"/sink/*.eml

# 3. meekijk delivers its outbox to the same server.
start=$(date +%s.%N)
serve --smtp "smtp://127.0.0.1:$port" --outbox-poll-ms 50
while [ "$(pending)" != 0 ]; do sleep 0.2; done
elapsed=$(python3 -c "print($(date +%s.%N) - $start)")
received=$(ls "$dir/sink" | grep -c '\.eml$' || true)
rate=$(python3 -c "print($mails / $elapsed)")
printf '%-52s %10s\n' "mail delivery ($mails mails, one node, SQLite)" "mails/s"
printf '%-52s %10.0f\n' "smtplib straight to the SMTP server (reference)" "$reference"
printf '%-52s %10.0f   ratio %.2f   (received %s)\n' "meekijk outbox → SMTP (from node start)" "$rate" \
  "$(python3 -c "print($rate / $reference)")" "$received"
