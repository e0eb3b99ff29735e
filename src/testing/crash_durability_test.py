#!/usr/bin/env python3
"""Kill -9 under load loses no acknowledged consult.

Starts `meekijk serve` on a demo region, logs in as huisarts.devries (password and TOTP code),
drives concurrent create+send requests (POST /api/v1/consults with "send": true) from many
client threads, kills the server with SIGKILL in the middle of that load, starts it again on the
same data and checks that every consult whose creation was answered 201 exists, with the number
and status it was answered with. Ghosts (created, never answered) are allowed; losses are not.

What a kill of the process finds: an answer given before the commit that makes it durable (a
reply sent from a queue, a batch answered before its COMMIT). What it cannot find: a commit that
was never fsync'd, because the written pages outlive the process in the kernel's page cache; only
a crash of the machine shows that.

    crash_durability_test.py BINARY sqlite|postgres [--threads N] [--seconds S] [--simulate-loss]

postgres uses a new schema in the server at MEEKIJK_TEST_POSTGRES; without it the test is skipped
(exit 77), unless MEEKIJK_REQUIRE_POSTGRES=1, when it fails. --simulate-loss is the test's own
check that it can fail: after the kill it deletes the newest acknowledged consult behind the
server's back, and passes only when exactly that consult is reported missing.

Standard library only, so that it runs wherever the C++ tests run.
"""
import argparse
import http.client
import json
import os
import pathlib
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

SKIP = 77
PASSWORD = "crash-wachtwoord-9"
USERNAME = "huisarts.devries"
TOTP = pathlib.Path(__file__).resolve().parents[2] / "scripts" / "totp.py"
# The create+send of the load harness (bench/load/create_send.lua).
CONSULT = json.dumps({
    "specialty": "dermatologie", "mode": "digital",
    "patient": {"birth_year": 1979, "sex": "female"}, "icpc": "S88",
    "question": "Handeczeem: eerst behandelen?", "clinical_summary": "",
    "intended_referral": True, "consent": True, "send": True})
MIN_ACKNOWLEDGED = 20  # fewer, and the kill did not happen under load: the test proves nothing


class Failure(Exception):
    pass


class Place:
    """Where the data lives: a directory for SQLite, or a new schema in the test PostgreSQL."""

    def __init__(self, engine, directory):
        self.engine, self.directory, self.schema = engine, directory, None
        if engine == "sqlite":
            self.args = ["--data", os.path.join(directory, "data")]
            return
        base = os.environ["MEEKIJK_TEST_POSTGRES"]
        self.schema = "crash_%d_%d" % (os.getpid(), int(time.time()))
        self.psql(base, "CREATE SCHEMA " + self.schema)
        separator = "&" if "?" in base else "?"
        self.url = base + separator + "options=-csearch_path%3D" + self.schema
        self.args = ["--database", self.url]

    @staticmethod
    def psql(url, sql):
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True,
                       stdout=subprocess.DEVNULL)

    def delete_consult(self, consult_id):
        """Takes a consult away behind the server's back (--simulate-loss only)."""
        if self.engine == "sqlite":
            with sqlite3.connect(os.path.join(self.directory, "data", "meekijk.db")) as db:
                db.execute("DELETE FROM consults WHERE id = ?", (consult_id,))
        else:  # replica role: without the foreign keys' checks, as a lost commit would leave it
            self.psql(self.url, "SET session_replication_role = replica; "
                                "DELETE FROM consults WHERE id = %d" % consult_id)

    def drop(self):
        if self.schema:
            self.psql(os.environ["MEEKIJK_TEST_POSTGRES"],
                      "SET client_min_messages = warning; DROP SCHEMA %s CASCADE" % self.schema)


class Server:
    """`meekijk serve` on 127.0.0.1, a free port; its log goes to a file."""

    def __init__(self, binary, place, log_path):
        self.log_path = log_path
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                [binary, "serve", *place.args, "--key-file", os.path.join(place.directory, "key"),
                 "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, stderr=log)
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        line = self.process.stdout.readline().decode() if ready else ""
        if "http://" not in line:
            self.process.kill()
            self.process.wait()
            raise Failure("the server did not start: %r\n%s" % (line, self.log_tail()))
        self.port = int(line.strip().rsplit(":", 1)[1])

    def log_tail(self):
        with open(self.log_path, errors="replace") as log:
            return "".join(log.readlines()[-20:])

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def request(connection, method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


def fill_demo(binary, place):
    """The demo region; returns the GP's TOTP secret."""
    demo = subprocess.run([binary, "demo", *place.args, "--key-file",
                           os.path.join(place.directory, "key"), "--without-history",
                           "--password", PASSWORD, "--json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if demo.returncode != 0:
        raise Failure("demo failed (%d): %s" % (demo.returncode, demo.stderr.decode()[-2000:]))
    return next(a["otp_secret"] for a in json.loads(demo.stdout) if a["username"] == USERNAME)


def log_in(port, secret):
    """The GP's token, from a login with the password and the current TOTP code. Logins live in
    the database, so the token still works after the restart."""
    otp = subprocess.run([sys.executable, str(TOTP), secret], check=True,
                         stdout=subprocess.PIPE).stdout.decode().strip()
    status, body = request(http.client.HTTPConnection("127.0.0.1", port, timeout=30), "POST",
                           "/api/v1/session", body=json.dumps(
                               {"username": USERNAME, "password": PASSWORD, "otp": otp}))
    if status != 200:
        raise Failure("login answered %d: %s" % (status, body[:300]))
    return json.loads(body)["token"]


class Load:
    """Client threads sending create+send until the server dies; records every 201 answer."""

    def __init__(self, port, token, threads):
        self.port, self.token = port, token
        self.lock = threading.Lock()
        self.acknowledged = []  # (id, number, status) of every 201
        self.errors = []        # answers other than 201 while the server was alive
        self.in_flight = 0
        self.killed = threading.Event()
        self.threads = [threading.Thread(target=self.client) for _ in range(threads)]

    def client(self):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        while not self.killed.is_set():
            with self.lock:
                self.in_flight += 1
            try:
                status, body = request(connection, "POST", "/api/v1/consults", self.token, CONSULT)
            except (OSError, http.client.HTTPException):
                return  # the server is gone: this request was never answered
            finally:
                with self.lock:
                    self.in_flight -= 1
            with self.lock:
                if status == 201:
                    answer = json.loads(body)
                    self.acknowledged.append((answer["id"], answer["number"], answer["status"]))
                elif not self.killed.is_set():
                    self.errors.append((status, body[:200]))

    def run_then_kill(self, server, seconds):
        for thread in self.threads:
            thread.start()
        time.sleep(seconds)
        with self.lock:
            in_flight = self.in_flight
        server.kill()
        self.killed.set()
        for thread in self.threads:
            thread.join()
        return in_flight


def missing_after_restart(port, token, acknowledged, threads):
    """The acknowledged consults that the restarted server does not show as they were answered."""
    pending, missing, lock = list(acknowledged), [], threading.Lock()

    def check():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not pending:
                    return
                consult_id, number, status = pending.pop()
            try:
                code, body = request(connection, "GET", "/api/v1/consults/%d" % consult_id, token)
            except (OSError, http.client.HTTPException) as error:  # unchecked counts as lost
                code, body = None, repr(error).encode()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            found = json.loads(body) if code == 200 else {}
            if (found.get("number"), found.get("status")) != (number, status):
                with lock:
                    missing.append((consult_id, code, body[:200]))

    workers = [threading.Thread(target=check) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sorted(missing)


def load_and_kill(args, place, servers, log):
    """Runs the load, kills the server mid-way; returns the token and what was acknowledged."""
    secret = fill_demo(args.binary, place)
    server = Server(args.binary, place, log)
    servers.append(server)
    token = log_in(server.port, secret)
    load = Load(server.port, token, args.threads)
    in_flight = load.run_then_kill(server, args.seconds)
    print("%s: %d threads, %.1f s, killed with %d requests in flight; %d consults answered 201"
          % (args.engine, args.threads, args.seconds, in_flight, len(load.acknowledged)))
    if load.errors:
        raise Failure("answers other than 201 under load: %r" % load.errors[:5])
    if len(load.acknowledged) < MIN_ACKNOWLEDGED:
        raise Failure("only %d consults were answered before the kill" % len(load.acknowledged))
    return token, load.acknowledged


def run(args, directory):
    place = Place(args.engine, directory)
    servers = []  # every server started, so that none outlives a failure
    log = os.path.join(directory, "server.log")
    try:
        subprocess.run([args.binary, "keys", "new", "--key-file", os.path.join(directory, "key")],
                       check=True, stdout=subprocess.DEVNULL)
        token, acknowledged = load_and_kill(args, place, servers, log)
        lost = max(acknowledged)  # the newest
        if args.simulate_loss:
            place.delete_consult(lost[0])
        server = Server(args.binary, place, log)
        servers.append(server)
        missing = missing_after_restart(server.port, token, acknowledged, args.threads)
    finally:
        for server in servers:
            server.stop()
        place.drop()
    print("after the restart: %d of %d acknowledged consults found" %
          (len(acknowledged) - len(missing), len(acknowledged)))
    if args.simulate_loss:
        if [m[0] for m in missing] != [lost[0]]:
            raise Failure("the simulated loss of consult %d was not reported exactly: %r" %
                          (lost[0], missing[:5]))
        print("the simulated loss of consult %d was caught" % lost[0])
        return
    if missing:
        raise Failure("acknowledged consults lost: %r" % missing[:10])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("binary")
    parser.add_argument("engine", choices=["sqlite", "postgres"])
    parser.add_argument("--threads", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--simulate-loss", action="store_true")
    args = parser.parse_args()
    if args.engine == "postgres" and not os.environ.get("MEEKIJK_TEST_POSTGRES"):
        if os.environ.get("MEEKIJK_REQUIRE_POSTGRES") == "1":
            print("FAILED: MEEKIJK_REQUIRE_POSTGRES=1 but MEEKIJK_TEST_POSTGRES is not set")
            return 1
        print("SKIPPED: MEEKIJK_TEST_POSTGRES is not set")
        return SKIP
    directory = tempfile.mkdtemp(prefix="meekijk-crash-")
    try:
        run(args, directory)
    except (Failure, subprocess.CalledProcessError) as failure:
        print("FAILED: %s" % failure)
        return 1
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    print("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
