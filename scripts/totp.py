#!/usr/bin/env python3
"""The code an authenticator app shows for a base32 secret (RFC 6238: HMAC-SHA1, six digits,
30-second steps), for scripts that log in to the demo: totp.py SECRET [STEPS], where STEPS moves
the step from now (the server accepts one step either side, each step once)."""
import base64
import hmac
import struct
import sys
import time

secret = sys.argv[1].upper()
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 0
key = base64.b32decode(secret + "=" * (-len(secret) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30 + steps), "sha1").digest()
offset = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
