// The real meekijk server for browser tests and the benchmark: a demo database in a fresh
// temporary folder and `meekijk serve` on a free loopback port, serving the built app (web/dist).
// The demo accounts come with a second factor; the server keeps their secrets and hands out codes
// as the user's authenticator app would. Plain JavaScript, so that bench/first-screen.mjs can use
// it without a TypeScript step.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { nextCode } from '../../scripts/totp.mjs';

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

/** The id of the organisation named `name`, from `meekijk org list` (id, kind, code, name). */
async function organisationId(dataDir, name) {
  const { stdout } = await run(binary(), ['org', 'list', '--data', dataDir]);
  const row = stdout.split('\n').map((line) => line.split('\t')).find((columns) => columns[3] === name);
  if (!row) throw new Error(`no organisation named ${name}`);
  return row[0];
}

/** Starts a demo server; `stop()` ends it (SIGTERM, by its own pid) and removes its data. */
export async function startServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'meekijk-e2e-'));
  // The keys of the patients' identities, beside the data (as an installation keeps them apart).
  const keyFile = `${dataDir}.key`;
  await run(binary(), ['keys', 'new', '--key-file', keyFile]);
  const demo = await run(binary(), ['demo', '--data', dataDir, '--key-file', keyFile, '--password', kDemoPassword, '--json']);
  const accounts = JSON.parse(demo.stdout);
  const secrets = new Map(accounts.map((account) => [account.username, account.otp_secret]));
  const child = spawn(
    binary(),
    ['serve', '--data', dataDir, '--key-file', keyFile, '--listen', '127.0.0.1:0', '--web', path.join(webDir, 'dist')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr.resume(); // its JSON logs are not needed, but must not fill the pipe
  const line = await firstLine(child);
  child.stdout.resume();
  const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line);
  if (!match) throw new Error(`unexpected first line from meekijk serve: ${line}`);
  const url = match[1];
  const secretOf = (username) => {
    const secret = secrets.get(username);
    if (!secret) throw new Error(`${username} has no second factor on this server`);
    return secret;
  };
  return {
    url,
    accounts,
    otpSecret: (username) => secrets.get(username),
    // Steps are counted per server: the same demo username on another server (another test file
    // in this process) has another secret and its own used steps.
    nextOtp: (username) => nextCode(`${url} ${username}`, secretOf(username)),
    addUser: async ({ username, name, organisation, role }) => {
      const id = await organisationId(dataDir, organisation);
      await run(binary(), ['user', 'add', '--data', dataDir, '--username', username, '--name', name,
        '--organisation', id, '--role', role, '--password', kDemoPassword]);
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
      await rm(keyFile, { force: true });
    },
  };
}
