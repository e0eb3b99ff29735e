#!/usr/bin/env python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd) on 127.0.0.1: every message it
accepts is kept as one file in --dir, its envelope recipients in a first X-Envelope-To line.
--delay-ms makes each message take that long before the server answers 250, so that a test can
stop the sender in the middle of a delivery. With --tls-cert and --tls-key it requires STARTTLS
(--tls starttls) or speaks TLS from the start (--tls implicit); with --auth USER:PASSWORD it accepts
mail only after that login. Runs until SIGTERM or SIGKILL."""
import argparse
import asyncio
import os
import signal
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class KeepEachMessage:
    def __init__(self, directory, delay_seconds):
        self.directory = directory
        self.delay_seconds = delay_seconds
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.delay_seconds:
            await asyncio.sleep(self.delay_seconds)
        self.count += 1
        name = os.path.join(self.directory, f"{time.time_ns()}-{os.getpid()}-{self.count}.eml")
        content = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        header = "".join(f"X-Envelope-To: {to}\r\n" for to in envelope.rcpt_tos).encode()
        # Written whole, then renamed: a reader never sees half a message.
        with open(name + ".part", "wb") as out:
            out.write(header + content)
        os.rename(name + ".part", name)
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--delay-ms", type=int, default=0)
    parser.add_argument("--tls", choices=["none", "starttls", "implicit"], default="none")
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--auth", help="USER:PASSWORD")
    args = parser.parse_args()
    options = {}
    if args.tls != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        if args.tls == "starttls":
            options.update(tls_context=context, require_starttls=True)
        else:
            options.update(ssl_context=context)
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, data):
            ok = data.login == user.encode() and data.password == password.encode()
            return AuthResult(success=ok, handled=False)

        # Over implicit TLS the login is safe too; aiosmtpd only knows STARTTLS as "TLS".
        options.update(authenticator=authenticate, auth_required=True,
                       auth_require_tls=args.tls == "starttls")
    controller = Controller(KeepEachMessage(args.dir, args.delay_ms / 1000), hostname="127.0.0.1",
                            port=args.port, **options)
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
