// Test data through the REST API (bearer tokens, as scripts use it), for the screens a test does
// not reach by clicking: a consult waiting in a pool, a consult claimed by someone else; and the
// server's own refusal, to compare with what the screen says.
import { kDemoPassword } from './server.mjs';

async function request(baseUrl: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function apiToken(baseUrl: string, username: string): Promise<string> {
  const result = await request(baseUrl, 'POST', '/api/v1/session', undefined, { username, password: kDemoPassword });
  return result.token as string;
}

/** A dermatology consult from huisarts.devries, sent to the pool; returns its id and number. */
export async function sendDermatologyConsult(baseUrl: string, question: string) {
  const token = await apiToken(baseUrl, 'huisarts.devries');
  const consult = await request(baseUrl, 'POST', '/api/v1/consults', token, {
    specialty: 'dermatologie', mode: 'digital', patient: { birth_year: 1962, sex: 'male' }, icpc: 'S82',
    question, clinical_summary: 'Sinds een half jaar groeiend, jeukt soms.', intended_referral: true,
    consent: true, send: true,
  });
  return { id: consult.id as number, number: consult.number as string };
}

export async function apiAction(baseUrl: string, username: string, consultId: number, action: string, body: unknown = {}) {
  const token = await apiToken(baseUrl, username);
  return request(baseUrl, 'POST', `/api/v1/consults/${consultId}/${action}`, token, body);
}

/** The server's refusal of `action` with `body`, in `language`: its status and error as sent. */
export async function apiRefusal(baseUrl: string, username: string, consultId: number, action: string, body: unknown, language: string) {
  const token = await apiToken(baseUrl, username);
  const response = await fetch(`${baseUrl}/api/v1/consults/${consultId}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language, Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { error: { code: string; message: string; field?: string } };
  return { status: response.status, error: json.error };
}
