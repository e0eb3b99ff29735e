// An authenticator app for scripts and browser tests: the RFC 6238 code (HMAC-SHA1, six digits,
// 30-second steps) of a base32 secret, as the demo prints it. The server accepts each step once
// and one step either side of now, so `nextCode` hands out per user the earliest step it has not
// handed out yet, waiting for the next step when all three are used. The step before now is
// handed out only while it has some seconds left: it expires when the current step ends.
import { createHmac } from 'node:crypto';

const kAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Bytes(secret) {
  let bits = '';
  for (const c of secret.replace(/[\s=-]/g, '').toUpperCase()) {
    const value = kAlphabet.indexOf(c);
    if (value < 0) throw new Error(`not base32: ${secret}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The code of `secret` for the 30-second step `step` (Unix time / 30). */
export function codeForStep(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = digest[digest.length - 1] & 15;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

const lastStep = new Map();
const kStepMs = 30_000;
const kMarginMs = 5_000; // time for the code to reach the server

/** A code the server has not seen yet for `username` (steps handed out are remembered). */
export async function nextCode(username, secret) {
  for (;;) {
    const ms = Date.now();
    const now = Math.floor(ms / kStepMs);
    const last = lastStep.get(username) ?? -Infinity;
    const first = kStepMs - (ms % kStepMs) > kMarginMs ? now - 1 : now;
    for (let step = first; step <= now + 1; step += 1) {
      if (step > last) {
        lastStep.set(username, step);
        return codeForStep(secret, step);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
