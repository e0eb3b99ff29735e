// The real meekijk server for browser tests and the benchmark: a demo database in a fresh
// temporary folder and `meekijk serve` on a free loopback port, serving the built app (web/dist).
// Plain JavaScript, so that bench/first-screen.mjs can use it without a TypeScript step.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const kDemoPassword = 'meekijk-demo-e2e';
const kStartTimeoutMs = 30_000;

function binary() {
  return process.env.MEEKIJK_BINARY ?? path.resolve(webDir, '../build/meekijk');
}

function firstLine(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('meekijk serve did not start in time')), kStartTimeoutMs);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`meekijk serve exited with ${code}`));
    });
  });
}

/** Starts a demo server; `stop()` ends it (SIGTERM, by its own pid) and removes its data. */
export async function startServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'meekijk-e2e-'));
  const demo = await run(binary(), ['demo', '--data', dataDir, '--password', kDemoPassword, '--json']);
  const accounts = JSON.parse(demo.stdout);
  const child = spawn(
    binary(),
    ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', '--web', path.join(webDir, 'dist')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.resume(); // its JSON logs are not needed, but must not fill the pipe
  const line = await firstLine(child);
  child.stdout.resume();
  const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
  if (!match) throw new Error(`unexpected first line from meekijk serve: ${line}`);
  return {
    url: match[1],
    accounts,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
