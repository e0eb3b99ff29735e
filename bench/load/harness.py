#!/usr/bin/env python3
"""The measuring and bookkeeping half of bench/load.sh (the shell script decides what runs when).

  harness.py start-server OUT -- COMMAND...   start `meekijk serve`; print "PID URL STARTUP_MS"
  harness.py prepare URL ACCOUNTS OUT N       log in, make N claimed consults; write OUT (shell)
  harness.py consult-states URL TOKEN IDS      print "id:status,..." of the consults IDS
  harness.py record RECORD KEY=VALUE...       append a row (a limit, the server's figures)
  harness.py wrk RECORD KEY=VALUE... -- WRK_ARGS...
                                              run wrk, append its figures to RECORD (JSON lines)
  harness.py sqlite-commits FILE SECONDS      durable single-row commits/s on SQLite
  harness.py argon2-verifies SECONDS          Argon2id password checks/s on every core
  harness.py report RECORD [--write-benchmarks FILE]
  harness.py section FILE NAME TITLE COMMAND OUTPUT
                                              put OUTPUT as section NAME of FILE (bench/all.sh)
                                              print the tables; exit 1 when a request failed

Standard library only; libsodium (the server's own) is reached through ctypes.
"""
import ctypes
import ctypes.util
import datetime
import http.client
import json
import multiprocessing
import os
import platform
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PASSWORD = "bench-wachtwoord"


# --- the server -------------------------------------------------------------------------------

def start_server(out, command):
    """Starts the server and waits for its first answered GET /healthz: the start-up time is
    from the exec to that answer, as a load balancer would see the node come up. The server
    outlives this process; the caller stops it by its PID."""
    started = time.monotonic()
    with open(out + ".out", "w") as stdout, open(out + ".err", "w") as stderr:
        server = subprocess.Popen(command, stdout=stdout, stderr=stderr)
    url = None
    while time.monotonic() - started < 600:
        if server.poll() is not None:
            sys.exit("the server stopped at start-up (exit %s):\n%s" % (server.returncode, tail(out + ".err")))
        if url is None:
            found = re.search(r"http://[0-9.:]+", open(out + ".out").read())
            url = found.group(0) if found else None
        if url and healthz_answers(url):
            print(server.pid, url, round((time.monotonic() - started) * 1000))
            return
        time.sleep(0.002)
    server.kill()
    sys.exit("the server did not answer GET /healthz within 600 s")


def healthz_answers(url):
    try:
        connection = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=1)
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False


def tail(path, lines=20):
    return "".join(open(path).readlines()[-lines:])


# --- the accounts and ids the requests use ----------------------------------------------------

class Api:
    """JSON calls over one kept-alive connection, failing loudly on an unexpected status."""

    def __init__(self, url):
        self.connection = http.client.HTTPConnection(urllib.parse.urlsplit(url).netloc, timeout=60)

    def call(self, method, path, token=None, body=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["Authorization"] = "Bearer " + token
        self.connection.request(method, path, body=None if body is None else json.dumps(body),
                                headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        if response.status >= 300:
            sys.exit("%s %s answered %d: %s" % (method, path, response.status, text[:500]))
        return json.loads(text) if text else None


def log_in(api, accounts, username):
    """Logs in as the demo does it: password and the authenticator app's current code."""
    secret = next(a["otp_secret"] for a in accounts if a["username"] == username)
    otp = subprocess.check_output([os.path.join(ROOT, "scripts/totp.py"), secret], text=True).strip()
    return api.call("POST", "/api/v1/session", body={
        "username": username, "password": PASSWORD, "otp": otp})["token"]


NEW_CONSULT = {"specialty": "dermatologie", "mode": "digital",
               "patient": {"birth_year": 1979, "sex": "female"}, "icpc": "S88",
               "question": "Handeczeem: eerst behandelen?", "clinical_summary": "",
               "intended_referral": True, "consent": True, "send": True}

# The consult to open: preferably one with advice, as a GP opens it to read the answer.
OPEN_PREFERENCE = ["answered", "closed", "info_requested", "claimed", "sent"]


def prepare(url, accounts_file, out, message_consults):
    """Logs in the GP, the dermatologist and the care group's coordinator; sends the consults the
    message scenario needs (claimed by the specialist) and 20 that stay in the pool, so that every
    page of 20 is full; picks the consult to open. Writes the figures as shell assignments."""
    accounts = json.load(open(accounts_file))
    api = Api(url)
    gp = log_in(api, accounts, "huisarts.devries")
    specialist = log_in(api, accounts, "specialist.smit")
    coordinator = log_in(api, accounts, "coordinator.zorggroep")
    outbox = api.call("GET", "/api/v1/consults?box=outbox&limit=50", gp)["items"]
    ranked = sorted((c for c in outbox if c["status"] in OPEN_PREFERENCE),
                    key=lambda c: OPEN_PREFERENCE.index(c["status"]))
    claimed = []
    for _ in range(message_consults):
        consult = api.call("POST", "/api/v1/consults", gp, NEW_CONSULT)
        api.call("POST", "/api/v1/consults/%d/claim" % consult["id"], specialist)
        claimed.append(consult["id"])
    for _ in range(20):
        api.call("POST", "/api/v1/consults", gp, NEW_CONSULT)
    open_id = ranked[0]["id"] if ranked else claimed[0]
    # The dashboard's default view: this month and the eleven before it, per month.
    today = datetime.date.today()
    month = today.year * 12 + today.month - 1 - 11
    first = datetime.date(month // 12, month % 12 + 1, 1)
    values = {
        "gp_token": gp, "specialist_token": specialist, "coordinator_token": coordinator,
        "open_id": open_id, "message_ids": ",".join(map(str, claimed)),
        "dashboard_path": "/api/v1/reports/triple-aim?from=%s&to=%s&group_by=month" % (first, today),
    }
    with open(out, "w") as f:
        for name, value in values.items():
            f.write("%s='%s'\n" % (name, value))


def consult_states(url, token, ids):
    api = Api(url)
    print(",".join("%s:%s" % (i, api.call("GET", "/api/v1/consults/" + i, token)["status"])
                   for i in ids.split(",")))


# --- wrk --------------------------------------------------------------------------------------

def run_wrk(record, labels, wrk_args):
    """Runs wrk, prints its own output (with every error it saw), and appends one JSON line with
    the labels and the figures that bench/load/report.lua printed."""
    completed = subprocess.run(["wrk"] + wrk_args, capture_output=True, text=True)
    output = completed.stdout + completed.stderr
    found = re.search(r"^LOAD_RESULT (\{.*\})$", output, re.M)
    if completed.returncode != 0 or not found:
        sys.exit("wrk failed (exit %d):\n%s" % (completed.returncode, output))
    figures = json.loads(found.group(1))
    row = dict(labels, **figures)
    row["connections"] = int(row["connections"])
    row["bytes"] = int(row.get("bytes", 0))
    with open(record, "a") as f:
        f.write(json.dumps(row) + "\n")
    errors = error_count(row)
    print("  %-8s %-34s %3d conn %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%s" % (
        row["kind"], row["request"], row["connections"], row["rps"], row["p50_ms"], row["p99_ms"],
        errors, "" if not errors else "  " + describe_errors(row)), flush=True)
    if errors:
        print("\n".join("    | " + line for line in output.rstrip().splitlines()), flush=True)


def error_count(row):
    """Socket errors and answers >= 400; a run without a single answer counts as one error."""
    return row["socket_errors"] + row["status_errors"] + (1 if row["requests"] == 0 else 0)


def describe_errors(row):
    parts = []
    if row["requests"] == 0:
        parts.append("not a single answer in the whole run")
    if row["socket_errors"]:
        parts.append("%d socket errors (connect, read, write, timeout)" % row["socket_errors"])
    if row["status_errors"]:
        by_status = ", ".join("%s× %s" % (n, s) for s, n in sorted(row.get("statuses", {}).items()))
        parts.append("%d answers >= 400%s" % (row["status_errors"], " (" + by_status + ")" if by_status else ""))
    if "429" in row.get("statuses", {}):
        parts.append("THROTTLED: the server refused log-ins with 429 Too Many Requests")
    return "; ".join(parts)


# --- the limits -------------------------------------------------------------------------------

def sqlite_commits(path, seconds):
    """One INSERT per transaction, each committed durably (WAL, synchronous=FULL, as the server
    runs SQLite): the most single-row transactions per second this disk makes durable."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, at REAL, note TEXT)")
    commits, started = 0, time.monotonic()
    while time.monotonic() - started < seconds:
        db.execute("INSERT INTO probe (at, note) VALUES (?, 'commit probe')", (time.time(),))
        commits += 1
    print("%.1f" % (commits / (time.monotonic() - started)))


def sodium():
    library = ctypes.CDLL(ctypes.util.find_library("sodium") or "libsodium.so.23")
    if library.sodium_init() < 0:
        sys.exit("libsodium did not initialise")
    return library


def argon2_worker(arguments):
    encoded, seconds = arguments
    library = sodium()
    password = PASSWORD.encode()
    checks, started = 0, time.monotonic()
    while time.monotonic() - started < seconds:
        if library.crypto_pwhash_str_verify(encoded, password, ctypes.c_ulonglong(len(password))) != 0:
            sys.exit("the probe's own hash did not verify")
        checks += 1
    return checks / (time.monotonic() - started)


def argon2_verifies(seconds):
    """What a log-in cannot beat: libsodium checking an Argon2id password hash made with the
    server's parameters (OPSLIMIT/MEMLIMIT_INTERACTIVE), on every core at once."""
    library = sodium()
    library.crypto_pwhash_opslimit_interactive.restype = ctypes.c_ulonglong
    library.crypto_pwhash_memlimit_interactive.restype = ctypes.c_size_t
    library.crypto_pwhash_strbytes.restype = ctypes.c_size_t
    encoded = ctypes.create_string_buffer(library.crypto_pwhash_strbytes())
    password = PASSWORD.encode()
    if library.crypto_pwhash_str_alg(
            encoded, password, ctypes.c_ulonglong(len(password)),
            ctypes.c_ulonglong(library.crypto_pwhash_opslimit_interactive()),
            ctypes.c_size_t(library.crypto_pwhash_memlimit_interactive()),
            ctypes.c_int(2)) != 0:  # crypto_pwhash_ALG_ARGON2ID13
        sys.exit("libsodium could not hash (out of memory?)")
    cores = os.cpu_count() or 1
    with multiprocessing.Pool(cores) as pool:
        rates = pool.map(argon2_worker, [(encoded.value, seconds)] * cores)
    print("%.1f" % sum(rates))


# --- the report -------------------------------------------------------------------------------

def load(record):
    return [json.loads(line) for line in open(record) if line.strip()]


def limit_of(row, rows):
    """The figure a row is compared with: nginx at the same size and connections for a read,
    the engine's durable commit rate for a write, libsodium's Argon2id rate for a log-in."""
    same_run = [r for r in rows if r["engine"] == row["engine"] and r["dataset"] == row["dataset"]]
    if row["limit"] == "nginx":
        match = [r for r in same_run if r["kind"] == "nginx" and r["request"] == row["request"]
                 and r["connections"] == row["connections"]]
        return (match[0]["rps"], "nginx, %s B file" % thousands(row["bytes"])) if match else (None, "nginx")
    match = [r for r in same_run if r["kind"] == "limit" and r["request"] == row["limit"]
             and r.get("for_request", "") in ("", row["request"])
             and r.get("for_connections", "") in ("", str(row["connections"]))]
    return (match[0]["rps"], match[0]["label"]) if match else (None, row["limit"])


def ratio(rps, limit):
    if not limit:
        return "—"
    value = rps / limit
    return "%.2f" % value if value >= 0.1 else "%.3f" % value


def dataset_name(dataset):
    """demo, or the demo with N generated consults (or the national dataset) added."""
    if dataset == "demo":
        return "demo"
    return "demo + " + (dataset if dataset == "national" else thousands(float(dataset)) + " consults")


def thousands(n):
    return "{:,}".format(int(round(n))).replace(",", " ")


def table_rows(rows):
    out = []
    for row in rows:
        if row["kind"] != "server":
            continue
        limit, label = limit_of(row, rows)
        out.append([row["request"], row["engine"], dataset_name(row["dataset"]), str(row["connections"]),
                    thousands(row["rps"]), "%.2f" % row["p50_ms"], "%.2f" % row["p99_ms"],
                    str(error_count(row)), thousands(limit) if limit else "—", label,
                    ratio(row["rps"], limit)])
    return out


HEADER = ["request", "engine", "dataset", "connections", "req/s", "p50 ms", "p99 ms", "errors",
          "limit req/s", "limit", "ratio"]

SERVER_HEADER = ["engine", "dataset", "start-up to first /healthz (ms)",
                 "resident memory after the load (MB, VmRSS)", "of which anonymous (MB, RssAnon)"]

NUMERIC = {"connections", "req/s", "p50 ms", "p99 ms", "errors", "limit req/s", "ratio"} | {
    h for h in SERVER_HEADER if "(" in h}


def text_table(header, rows):
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.rjust(w) if h in NUMERIC else c.ljust(w)
                                   for c, w, h in zip(cells, widths, header))
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def markdown_table(header, rows):
    align = ["---:" if h in NUMERIC or "(" in h else "---" for h in header]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def server_rows(rows):
    return [[r["engine"], dataset_name(r["dataset"]), thousands(r["startup_ms"]), "%.1f" % r["rss_mb"],
             "%.1f" % r.get("anon_mb", 0)]
            for r in rows if r["kind"] == "server-process"]


def limit_rows(rows):
    return [[r["engine"], dataset_name(r["dataset"]), r["label"], r.get("when", ""), thousands(r["rps"])]
            for r in rows if r["kind"] == "limit"]


LIMIT_HEADER = ["engine", "dataset", "limit", "measured", "req/s"]


def failures(rows):
    return [r for r in rows if r["kind"] in ("server", "nginx") and error_count(r) > 0]


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                  if line.startswith("model name")), platform.processor())
    return "%d cores (nproc), %s, Linux %s" % (os.cpu_count(), model, platform.release())


def report(record, benchmarks=None):
    rows = load(record)
    print("\n" + text_table(HEADER, table_rows(rows)))
    print("\n" + text_table(LIMIT_HEADER, limit_rows(rows)))
    print("\n" + text_table(SERVER_HEADER, server_rows(rows)))
    failed = failures(rows)
    for row in failed:
        print("ERRORS: %s %s, %s %s, %d connections: %s" % (
            row["kind"], row["request"], row["engine"], row["dataset"], row["connections"],
            describe_errors(row)))
    if benchmarks:
        write_benchmarks(benchmarks, rows)
    return 1 if failed else 0


# MEEKIJK_LOAD_SECTION names the section, so that runs on different datasets (bench/all.sh: the
# demo on both engines, the national dataset on SQLite) each keep their own.
SECTION = os.environ.get("MEEKIJK_LOAD_SECTION", "load")
BEGIN, END = "<!-- %s:begin -->" % SECTION, "<!-- %s:end -->" % SECTION
TITLE = os.environ.get("MEEKIJK_LOAD_TITLE", "The HTTP API against the machine's limits")


def write_benchmarks(path, rows):
    """Replaces the text between the markers in BENCHMARKS.md (or puts it before the first
    section, the first time) with this run's tables, the machine, the date and the command."""
    section = "\n".join([
        BEGIN,
        "## %s — `bench/load.sh`" % TITLE,
        "",
        "Written by the harness itself (`--write-benchmarks`); do not edit by hand. Each request",
        "is driven by `wrk` (`bench/load/*.lua`) over loopback against the real `meekijk serve`, and",
        "compared with a limit measured in the same run: a read with Debian's nginx serving a static",
        "file of the same size at the same connections; a write with the single-row durable commit",
        "rate of the same engine on the same disk (SQLite WAL `synchronous=FULL`; PostgreSQL with",
        "`fsync` on, `pgbench -c1`), measured just before each write run (this shared virtual",
        "disk's rate flips between a few hundred and several thousand per second with what else is",
        "written); a log-in with libsodium checking Argon2id hashes of the server's strength on",
        "every core. Errors (socket errors and answers >= 400) must be 0.",
        "",
        "```",
        os.environ.get("MEEKIJK_LOAD_COMMAND", "bench/load.sh"),
        "```",
        "",
        "%s; %s." % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), machine()),
        "",
        markdown_table(HEADER, table_rows(rows)),
        "",
        markdown_table(LIMIT_HEADER, limit_rows(rows)),
        "",
        markdown_table(SERVER_HEADER, server_rows(rows)),
        END,
    ])
    replace_section(path, BEGIN, END, section)
    print("wrote the figures to %s" % path)


def replace_section(path, begin, end, section):
    """Puts `section` (which starts with `begin` and ends with `end`) in place of the text between
    those markers in the file, or before its first section the first time."""
    text = open(path).read()
    if begin in text and end in text:
        text = text[:text.index(begin)] + section + text[text.index(end) + len(end):]
    else:  # before the first section, or the first section's opening marker
        starts = [i for i in (text.find("\n## "), text.find("\n<!-- ")) if i >= 0]
        first = min(starts) + 1 if starts else len(text)
        text = text[:first] + section + "\n\n" + text[first:]
    open(path, "w").write(text)


def write_text_section(path, name, title, command, body_file):
    """A section of plain output (bench/all.sh: the micro-benchmarks, the generator): the
    command, the date and machine, and the output as it was printed."""
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    section = "\n".join([begin, "## %s" % title, "", "```", command, "```", "",
                         "%s; %s." % (datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), machine()),
                         "", "```", open(body_file).read().rstrip(), "```", end])
    replace_section(path, begin, end, section)


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "section" and len(argv) == 7:
        write_text_section(*argv[2:7])
    elif command == "start-server" and argv[3] == "--":
        start_server(argv[2], argv[4:])
    elif command == "prepare":
        prepare(argv[2], argv[3], argv[4], int(argv[5]))
    elif command == "wrk" and "--" in argv:
        split = argv.index("--")
        labels = dict(a.split("=", 1) for a in argv[3:split])
        run_wrk(argv[2], labels, argv[split + 1:])
    elif command == "consult-states":
        consult_states(argv[2], argv[3], argv[4])
    elif command == "record":
        row = dict(a.split("=", 1) for a in argv[3:])
        for key in ("rps", "startup_ms", "rss_mb", "anon_mb"):
            if key in row:
                row[key] = float(row[key])
        with open(argv[2], "a") as f:
            f.write(json.dumps(row) + "\n")
    elif command == "sqlite-commits":
        sqlite_commits(argv[2], float(argv[3]))
    elif command == "argon2-verifies":
        argon2_verifies(float(argv[2]))
    elif command == "report":
        benchmarks = argv[4] if len(argv) > 4 and argv[3] == "--write-benchmarks" else None
        return report(argv[2], benchmarks)
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
