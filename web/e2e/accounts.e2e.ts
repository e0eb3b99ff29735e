// Accounts in the browser: the care group's coordinator sees the users they manage (not those of
// another care group) and makes a reset link for one GP, who opens it without being logged in,
// is stopped in the page by a repetition that differs and by the server at a weak password, sets
// a strong one (the link then works no more) and logs in with it and a code; another GP changes
// their own password on the security screen (a wrong current one refused at its field, other
// sessions ended) and logs in with the new one; and the privacy officer answers a request for
// access by BSN for a consult with the patient's identity, and downloads it as JSON. The
// coordinator also invites a GP into a practice (the link shown once) and deactivates and
// reactivates that new account. Each file has its own server (support/suite), so the changed
// passwords reach no other test file; within this one, `passwords` keeps every user's current
// password.
import { readFile } from 'node:fs/promises';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kApiUserAgent, meStatus } from './support/api';
import { expectAccessible, loaded, logIn, visible } from './support/app';
import { kDemoPassword } from './support/server.mjs';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kTexts = {
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  code: 'Code uit uw authenticator-app',
  login: 'Inloggen',
  gpHome: 'Verzonden consulten',
  users: 'Gebruikers',
  linkField: 'Herstellink',
  resetTitle: 'Wachtwoord herstellen',
  newPassword: 'Nieuw wachtwoord',
  repeat: 'Herhaal het nieuwe wachtwoord',
  saveNew: 'Nieuw wachtwoord opslaan',
  mismatch: 'De twee wachtwoorden zijn niet gelijk. Typ het nieuwe wachtwoord twee keer precies hetzelfde.',
  changed: 'Uw wachtwoord is gewijzigd.',
  toLogin: 'Naar inloggen',
  invalid: 'Herstellink ongeldig of verlopen',
  security: 'Beveiliging',
  current: 'Huidig wachtwoord',
  change: 'Wachtwoord wijzigen',
  wrongCurrent: 'Uw huidige wachtwoord is onjuist.',
  changedHere: 'Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd; hier blijft u ingelogd.',
  subjectAccess: 'Inzageverzoek',
  subjectAccessTitle: 'Inzageverzoek (AVG)',
  bsnField: 'BSN van de patiënt',
  lookUp: 'Opzoeken',
  download: 'Download als JSON',
} as const;

const kWeakPassword = 'password1234';
const kResetPassword = 'paarse olifanten dansen zelden op dinsdag';
const kChangedPassword = 'groene kikkers zingen luid bij volle maan';
// Passes the eleven test; this file's server holds no other patient with it.
const kBsn = '111222333';

// Every user's password as it is now on this file's server: the demo's until a test changes it.
const passwords = new Map<string, string>();
const passwordOf = (username: string) => passwords.get(username) ?? kDemoPassword;

/** The server's answer to POST /api/v1/session: its status, error code and (on success) token. */
async function apiSession(username: string, password: string, otp?: string) {
  const response = await fetch(`${suite.server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nl', 'User-Agent': kApiUserAgent },
    body: JSON.stringify({ username, password, ...(otp ? { otp } : {}) }),
  });
  const body = (await response.json()) as { token?: string; error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, token: body.token };
}

/**
 * Whether the server takes `password` for `username`, asked without a code: a right password
 * gets otp_required (the code is next), a wrong one unauthenticated. No code is spent.
 */
async function passwordAccepted(username: string, password: string): Promise<boolean> {
  const answer = await apiSession(username, password);
  expect(answer.status).toBe(401);
  expect(['otp_required', 'unauthenticated']).toContain(answer.code);
  return answer.code === 'otp_required';
}

/** Logs in through the login form with `password` and the next code; waits until past /login. */
async function logInWith(page: Page, username: string, password: string) {
  await page.goto(`${suite.server.url}/login`);
  await page.getByLabel(kTexts.username).fill(username);
  await page.getByLabel(kTexts.password).fill(password);
  await page.getByRole('button', { name: kTexts.login }).click();
  const code = page.getByLabel(kTexts.code);
  await visible(code);
  await code.fill(await suite.server.nextOtp(username));
  await page.getByRole('button', { name: kTexts.login }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** The error message tied to the field labelled `label` (aria-describedby), or null when none. */
async function errorUnder(page: Page, label: string): Promise<string | null> {
  const describedBy = (await page.getByLabel(label).getAttribute('aria-describedby')) ?? '';
  const id = describedBy.split(/\s+/).find((part) => part.endsWith('-error'));
  return id ? page.locator(`[id="${id}"]`).textContent() : null;
}

/** The server's error message in a JSON refusal. */
async function serverMessage(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { message: string } }).error?.message;
}

function isPost(path: string) {
  return (response: Response) => response.request().method() === 'POST' && new URL(response.url()).pathname === path;
}

/** Once the screen's heading is there and its data has loaded: axe-core. */
async function checkScreen(page: Page, screen: string) {
  await visible(page.getByRole('heading', { level: 1 }));
  await loaded(page);
  await expectAccessible(page, screen);
}

describe('accounts', () => {
  it('lets the coordinator make a reset link with which the GP chooses a new password, once, and logs in with it', async () => {
    const username = 'huisarts.devries';
    const coordinator = await suite.newPage();
    await logIn(coordinator, suite.server, 'coordinator.zorggroep');
    await coordinator.getByRole('link', { name: kTexts.users }).click();
    await coordinator.waitForURL(/\/gebruikers$/);
    await visible(coordinator.getByRole('heading', { name: kTexts.users, level: 1 }));

    // The practices under Zorggroep Rijnmond Zuid; not those of the other care group.
    const devries = coordinator.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: 'Dr. Anna de Vries' }) });
    await visible(devries);
    expect(await devries.textContent()).toContain(username);
    expect(await devries.textContent()).toContain('Huisartsenpraktijk Kralingen: huisarts');
    await visible(coordinator.getByRole('rowheader', { name: 'Dr. Pieter Bakker' }));
    expect(await coordinator.getByRole('rowheader', { name: 'Dr. Fatima Jansen' }).count()).toBe(0);
    expect(await coordinator.getByRole('rowheader', { name: 'Dr. Youssef El Amrani' }).count()).toBe(0);

    await devries.getByRole('button', { name: 'Herstellink maken (voor Dr. Anna de Vries)' }).click();
    await visible(coordinator.getByRole('heading', { name: 'Herstellink voor Dr. Anna de Vries', level: 2 }));
    const field = coordinator.getByLabel(kTexts.linkField, { exact: true });
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url.replace(/\./g, '\\.')}/wachtwoord-herstellen#\\S+$`));
    await checkScreen(coordinator, 'users, with a reset link');
    await coordinator.context().close();

    // The GP, in a browser that has never logged in.
    const page = await suite.newPage();
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/password-reset') sent.push(request.url());
    });
    await page.goto(link);
    await visible(page.getByRole('heading', { name: kTexts.resetTitle, level: 1 }));
    await checkScreen(page, 'password reset');

    // A repetition that differs is refused in the page; the server is not asked.
    await page.getByLabel(kTexts.newPassword).fill(kResetPassword);
    await page.getByLabel(kTexts.repeat).fill(`${kResetPassword}!`);
    await page.getByRole('button', { name: kTexts.saveNew }).click();
    await expect.poll(() => errorUnder(page, kTexts.repeat)).toBe(kTexts.mismatch);
    expect(sent).toEqual([]);

    // A weak password: the server's refusal, under the new password's field.
    await page.getByLabel(kTexts.newPassword).fill(kWeakPassword);
    await page.getByLabel(kTexts.repeat).fill(kWeakPassword);
    const weak = page.waitForResponse(isPost('/api/v1/password-reset'));
    await page.getByRole('button', { name: kTexts.saveNew }).click();
    const refusal = await weak;
    expect(refusal.status()).toBe(422);
    const message = await serverMessage(refusal);
    expect(message).toMatch(/^Dit wachtwoord is te makkelijk te raden/);
    await expect.poll(() => errorUnder(page, kTexts.newPassword)).toBe(message);
    expect(await errorUnder(page, kTexts.repeat)).toBeNull();

    // A strong one is taken.
    await page.getByLabel(kTexts.newPassword).fill(kResetPassword);
    await page.getByLabel(kTexts.repeat).fill(kResetPassword);
    const strong = page.waitForResponse(isPost('/api/v1/password-reset'));
    await page.getByRole('button', { name: kTexts.saveNew }).click();
    expect((await strong).status()).toBe(204);
    await visible(page.getByText(kTexts.changed, { exact: true }));
    passwords.set(username, kResetPassword);
    expect(sent).toHaveLength(2);
    await page.getByRole('link', { name: kTexts.toLogin }).click();
    await page.waitForURL(/\/login$/);

    // The link works once.
    await page.goto(link);
    await page.getByLabel(kTexts.newPassword).fill(kChangedPassword);
    await page.getByLabel(kTexts.repeat).fill(kChangedPassword);
    const again = page.waitForResponse(isPost('/api/v1/password-reset'));
    await page.getByRole('button', { name: kTexts.saveNew }).click();
    expect((await again).status()).toBe(404);
    const invalid = page.getByRole('alert').filter({ hasText: kTexts.invalid });
    await visible(invalid);
    await checkScreen(page, 'password reset, link used');

    // The old password no longer opens the account, the new one does (with a code).
    expect(await passwordAccepted(username, kDemoPassword)).toBe(false);
    await logInWith(page, username, kResetPassword);
    await visible(page.getByRole('heading', { name: kTexts.gpHome, level: 1 }));
    await page.context().close();
  });

  it('lets a GP change their own password on the security screen, refusing a wrong current one at its field', async () => {
    const username = 'huisarts.bakker';
    const elsewhere = await apiSession(username, passwordOf(username), await suite.server.nextOtp(username));
    expect(elsewhere.status).toBe(200);
    const page = await suite.newPage();
    await logIn(page, suite.server, username, 'nl', '/security');
    await visible(page.getByRole('heading', { name: kTexts.security, level: 1 }));
    await visible(page.getByRole('heading', { name: kTexts.change, level: 2 }));

    await page.getByLabel(kTexts.current).fill('niet mijn huidige wachtwoord');
    await page.getByLabel(kTexts.newPassword).fill(kChangedPassword);
    await page.getByLabel(kTexts.repeat).fill(kChangedPassword);
    const wrong = page.waitForResponse(isPost('/api/v1/me/password'));
    await page.getByRole('button', { name: kTexts.change }).click();
    const refusal = await wrong;
    expect(refusal.status()).toBe(422);
    expect(await serverMessage(refusal)).toBe(kTexts.wrongCurrent);
    await expect.poll(() => errorUnder(page, kTexts.current)).toBe(kTexts.wrongCurrent);
    expect(await meStatus(suite.server, elsewhere.token!)).toBe(200);

    await page.getByLabel(kTexts.current).fill(passwordOf(username));
    const right = page.waitForResponse(isPost('/api/v1/me/password'));
    await page.getByRole('button', { name: kTexts.change }).click();
    expect((await right).status()).toBe(204);
    await visible(page.getByRole('status').filter({ hasText: kTexts.changedHere }));
    passwords.set(username, kChangedPassword);
    expect(await errorUnder(page, kTexts.current)).toBeNull();
    expect(await page.getByLabel(kTexts.current).inputValue()).toBe('');
    expect(await page.getByLabel(kTexts.newPassword).inputValue()).toBe('');
    // The other session ended; this one goes on.
    expect(await meStatus(suite.server, elsewhere.token!)).toBe(401);
    await page.reload();
    await visible(page.getByRole('heading', { name: kTexts.security, level: 1 }));
    await page.context().close();

    expect(await passwordAccepted(username, kDemoPassword)).toBe(false);
    const again = await suite.newPage();
    await logInWith(again, username, kChangedPassword);
    await visible(again.getByRole('heading', { name: kTexts.gpHome, level: 1 }));
    await again.context().close();
  });

  it('lets the privacy officer look up a patient by BSN and download the answer to the request for access as JSON', async () => {
    // Internal medicine asks the practices of the care group for the patient's identity.
    const gp = 'huisarts.devries';
    const session = await apiSession(gp, passwordOf(gp), await suite.server.nextOtp(gp));
    expect(session.status).toBe(200);
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` };
    const created = await fetch(`${suite.server.url}/api/v1/consults`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        specialty: 'interne-geneeskunde', mode: 'digital', icpc: 'T90',
        patient: { birth_year: 1979, sex: 'female', name: 'Truus Verhoeven', birth_date: '1979-04-12', bsn: kBsn },
        question: 'HbA1c stijgt ondanks metformine en gliclazide; insuline starten of eerst een GLP-1-agonist?',
        clinical_summary: 'Type 2 diabetes sinds 2015, HbA1c 68 mmol/mol, BMI 33, eGFR 75.',
        intended_referral: false, consent: true, send: true,
      }),
    });
    const consultText = await created.text();
    expect(created.status, consultText).toBe(201);
    const consult = JSON.parse(consultText) as { id: number; number: string };
    // A read of the consult, for the access log.
    expect((await fetch(`${suite.server.url}/api/v1/consults/${consult.id}`, { headers })).status).toBe(200);

    const officer = 'privacy.kralingen';
    const page = await suite.newPage();
    await logIn(page, suite.server, officer);
    await page.getByRole('link', { name: kTexts.subjectAccess }).click();
    await page.waitForURL(/\/inzageverzoek$/);
    await visible(page.getByRole('heading', { name: kTexts.subjectAccessTitle, level: 1 }));
    await checkScreen(page, 'subject access');

    // Written as people write it; the password was given just now, so nothing is asked again.
    await page.getByLabel(kTexts.bsnField).fill('111 222 333');
    const lookUp = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/subject-access');
    await page.getByRole('button', { name: kTexts.lookUp }).click();
    expect((await lookUp).status()).toBe(200);
    const result = page.getByRole('region', { name: `Overzicht voor BSN ${kBsn}` });
    await visible(result);
    expect(await page.getByLabel(kTexts.password).count()).toBe(0);
    await visible(result.getByRole('rowheader', { name: consult.number }));
    const items = await result.getByRole('listitem').allTextContents();
    expect(items).toContain('1 consult');
    const logRows = items.map((item) => /^(\d+) regels? in het toegangslog$/.exec(item)).find(Boolean);
    expect(logRows, items.join(' | ')).toBeTruthy();
    expect(Number(logRows![1])).toBeGreaterThanOrEqual(1);
    await checkScreen(page, 'subject access, result');

    const download = page.waitForEvent('download');
    await result.getByRole('button', { name: kTexts.download }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`inzageverzoek-${kBsn}.json`);
    const text = await readFile((await file.path())!, 'utf8');
    expect(text).toContain(consult.number);
    expect(text).toContain(kBsn);
    const json = JSON.parse(text) as { consults: { number: string; patient: { bsn?: string } }[]; access_log: unknown[] };
    expect(json.consults.map((c) => c.number)).toEqual([consult.number]);
    expect(json.consults[0]!.patient.bsn).toBe(kBsn);
    expect(json.access_log.length).toBe(Number(logRows![1]));
    await visible(result.getByRole('status').filter({ hasText: `inzageverzoek-${kBsn}.json is gedownload.` }));
    await page.context().close();
  });

  it('lets the coordinator invite a GP into a practice, with a link shown once, and deactivate and reactivate them', async () => {
    const coordinator = await suite.newPage();
    await logIn(coordinator, suite.server, 'coordinator.zorggroep');
    await coordinator.getByRole('link', { name: kTexts.users }).click();
    await coordinator.waitForURL(/\/gebruikers$/);
    await visible(coordinator.getByRole('rowheader', { name: 'Dr. Anna de Vries' }));

    await coordinator.getByRole('button', { name: 'Iemand uitnodigen' }).click();
    await coordinator.getByLabel('Gebruikersnaam', { exact: true }).fill('huisarts.smit');
    await coordinator.getByLabel('Naam', { exact: true }).fill('Dr. Eva Smit');
    await coordinator.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Huisartsenpraktijk Kralingen' });
    await coordinator.getByLabel('Rol', { exact: true }).selectOption('gp');
    await checkScreen(coordinator, 'users, inviting someone');
    const invited = coordinator.waitForResponse(isPost('/api/v1/users'));
    await coordinator.getByRole('button', { name: 'Uitnodigen', exact: true }).click();
    expect((await invited).status()).toBe(201);

    await visible(coordinator.getByRole('heading', { name: 'Uitnodiging voor Dr. Eva Smit', level: 2 }));
    const link = await coordinator.getByLabel('Uitnodigingslink', { exact: true }).inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url.replace(/\./g, '\\.')}/wachtwoord-herstellen#\\S+$`));
    const smit = coordinator.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: 'Dr. Eva Smit' }) });
    await visible(smit);
    expect(await smit.textContent()).toContain('Huisartsenpraktijk Kralingen: huisarts');
    await checkScreen(coordinator, 'users, with an invitation link');

    await smit.getByRole('button', { name: 'Deactiveren (voor Dr. Eva Smit)' }).click();
    await visible(coordinator.getByRole('heading', { name: 'Dr. Eva Smit deactiveren', level: 2 }));
    await checkScreen(coordinator, 'users, deactivating someone');
    await coordinator.getByRole('button', { name: 'Deactiveren', exact: true }).click();
    await visible(smit.getByRole('button', { name: 'Heractiveren (voor Dr. Eva Smit)' }));
    expect(await smit.textContent()).toContain('Gedeactiveerd');

    await smit.getByRole('button', { name: 'Heractiveren (voor Dr. Eva Smit)' }).click();
    await visible(smit.getByRole('button', { name: 'Deactiveren (voor Dr. Eva Smit)' }));
    expect(await smit.textContent()).not.toContain('Gedeactiveerd');
    await coordinator.context().close();
  });
});
