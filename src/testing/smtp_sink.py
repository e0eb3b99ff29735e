#!/usr/bin/env python3
"""A real SMTP server for the tests (Debian's python3-aiosmtpd) on 127.0.0.1: every message it
accepts is kept as one file in --dir, its envelope recipients in a first X-Envelope-To line.
--delay-ms makes each message take that long before the server answers 250, so that a test can
stop the sender in the middle of a delivery. Runs until SIGTERM or SIGKILL."""
import argparse
import asyncio
import os
import signal
import threading
import time

from aiosmtpd.controller import Controller


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
    args = parser.parse_args()
    controller = Controller(KeepEachMessage(args.dir, args.delay_ms / 1000), hostname="127.0.0.1",
                            port=args.port)
    controller.start()
    print("listening", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
