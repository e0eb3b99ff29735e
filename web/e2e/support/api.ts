// Test data through the REST API (bearer tokens, as scripts use it), for the screens a test does
// not reach by clicking: a consult waiting in a pool, a consult claimed by someone else; and the
// server's own refusal, to compare with what the screen says. Logins send the account's next
// authenticator code, as every demo account has a second factor.
import { kDemoPassword, type TestServer } from './server.mjs';

/** What API sessions say they are, so that a test can tell them apart in the list of sessions. */
export const kApiUserAgent = 'meekijk-e2e-api';

async function request(baseUrl: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      'Content-Type': 'application/json', 'User-Agent': kApiUserAgent,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** A new API session of `username` (password and a fresh code); its bearer token. */
export async function apiToken(server: TestServer, username: string): Promise<string> {
  const otp = server.otpSecret(username) === undefined ? undefined : await server.nextOtp(username);
  const result = await request(server.url, 'POST', '/api/v1/session', undefined, { username, password: kDemoPassword, otp });
  return result.token as string;
}

// One API session per server and user for the test data: every login spends one of the few codes
// the server accepts per 30 seconds.
const sessions = new Map<string, Promise<string>>();

function sessionToken(server: TestServer, username: string): Promise<string> {
  const key = `${server.url} ${username}`;
  let token = sessions.get(key);
  if (!token) {
    token = apiToken(server, username);
    sessions.set(key, token);
  }
  return token;
}

/** The HTTP status of GET /api/v1/me with `token`: 200 while its session runs, 401 once it ended. */
export async function meStatus(server: TestServer, token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  return response.status;
}

/** A dermatology consult from huisarts.devries, sent to the pool; returns its id and number. */
export async function sendDermatologyConsult(server: TestServer, question: string) {
  const token = await sessionToken(server, 'huisarts.devries');
  const consult = await request(server.url, 'POST', '/api/v1/consults', token, {
    specialty: 'dermatologie', mode: 'digital', patient: { birth_year: 1962, sex: 'male' }, icpc: 'S82',
    question, clinical_summary: 'Sinds een half jaar groeiend, jeukt soms.', intended_referral: true,
    consent: true, send: true,
  });
  return { id: consult.id as number, number: consult.number as string };
}

export async function apiAction(server: TestServer, username: string, consultId: number, action: string, body: unknown = {}) {
  const token = await sessionToken(server, username);
  return request(server.url, 'POST', `/api/v1/consults/${consultId}/${action}`, token, body);
}

/** The server's refusal of `action` with `body`, in `language`: its status and error as sent. */
export async function apiRefusal(server: TestServer, username: string, consultId: number, action: string, body: unknown, language: string) {
  const token = await sessionToken(server, username);
  const response = await fetch(`${server.url}/api/v1/consults/${consultId}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language, Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { error: { code: string; message: string; field?: string } };
  return { status: response.status, error: json.error };
}
