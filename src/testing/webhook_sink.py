#!/usr/bin/env python3
"""A REST hook for the tests (Python's http.server) on 127.0.0.1: every POST it is sent is kept as
one file in --dir: the request line and headers, an empty line, and the body. It answers 200, or
--status for the first --fail-first requests (a hook that is down for a while). Runs until SIGTERM."""
import argparse
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--status", type=int, default=503)
    args = parser.parse_args()
    state = {"count": 0}

    class Keep(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            state["count"] += 1
            failing = state["count"] <= args.fail_first
            if not failing:
                name = os.path.join(args.dir, f"{time.time_ns()}-{state['count']}.http")
                with open(name + ".part", "wb") as out:
                    out.write(f"{self.command} {self.path}\r\n".encode())
                    out.write(str(self.headers).replace("\n", "\r\n").encode())
                    out.write(body)
                os.rename(name + ".part", name)
            self.send_response(args.status if failing else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *unused):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Keep)
    signal.signal(signal.SIGTERM, lambda *unused: sys.exit(0))
    server.serve_forever()


if __name__ == "__main__":
    main()
