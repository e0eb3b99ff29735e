// Two-factor login and the security screen in the browser: an enrolled GP gives password, then
// code (a wrong one refused in the server's words); the list of sessions ends an API session and
// then all others, which the server confirms; a GP sets up a new authenticator app (password and
// code again if the server asks), confirms it with a code computed from the secret on screen and
// gets ten recovery codes that log in; and a new GP without a second factor is sent to set one up
// before anything else, after which the login goes on under a new cookie and CSRF token.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { codeForStep } from '../scripts/totp.mjs';
import { kApiUserAgent, apiToken, meStatus } from './support/api';
import { expectAccessible, gone, loaded, logIn, saveScreenshot, visible } from './support/app';
import { kDemoPassword } from './support/server.mjs';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kStepMs = 30_000;
const kTexts = {
  code: 'Code uit uw authenticator-app',
  qrAlt: 'QR-code om meekijk aan uw authenticator-app toe te voegen',
  recoveryCode: /^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/,
} as const;

/** A six-digit code that is none of the secret's codes the server would accept around now. */
function wrongCode(secret: string): string {
  const now = Math.floor(Date.now() / kStepMs);
  const valid = new Set([-2, -1, 0, 1, 2].map((offset) => codeForStep(secret, now + offset)));
  return ['000000', '111111', '222222', '333333', '444444', '555555'].find((code) => !valid.has(code))!;
}

/** The server's answer to a login of `username` with `otp`, in Dutch. */
async function apiLogin(username: string, otp: string) {
  const response = await fetch(`${suite.server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nl' },
    body: JSON.stringify({ username, password: kDemoPassword, otp }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
}

async function hasFocus(page: Page, label: string) {
  return page.getByLabel(label).evaluate((el) => el === document.activeElement);
}

/** Once the screen's heading is there and its data has loaded: axe-core, and a screenshot if named. */
async function checkScreen(page: Page, screen: string, screenshot?: string) {
  await visible(page.getByRole('heading', { level: 1 }));
  await loaded(page);
  await expectAccessible(page, screen);
  if (screenshot) await saveScreenshot(page, screenshot);
}

/** Step 1 and 2 of the enrolment on the security screen: the QR code shows, the secret as text. */
async function readSecret(page: Page): Promise<string> {
  const qr = page.getByRole('img', { name: kTexts.qrAlt });
  await visible(qr);
  // Drawn as a data: URL, which the server's CSP allows for images.
  expect(await qr.evaluate((img: HTMLImageElement) => img.src.startsWith('data:image/png') && img.naturalWidth > 0)).toBe(true);
  const secret = ((await page.locator('.mk-secret').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  return secret;
}

/** Confirms the new app with the code of its secret for this 30-second step; returns the recovery codes. */
async function confirmAndReadCodes(page: Page, secret: string): Promise<string[]> {
  await page.getByLabel(kTexts.code).fill(codeForStep(secret, Math.floor(Date.now() / kStepMs)));
  await page.getByRole('button', { name: 'Bevestigen', exact: true }).click();
  const codes = page.getByRole('list', { name: 'Herstelcodes' }).getByRole('listitem');
  await expect.poll(() => codes.count(), { timeout: 10_000 }).toBe(10);
  const texts = await codes.allTextContents();
  for (const code of texts) expect(code).toMatch(kTexts.recoveryCode);
  expect(new Set(texts).size).toBe(10);
  return texts;
}

describe('second factor', () => {
  it('asks an enrolled GP for the code after the password, refuses a wrong one in the server\'s words, logs in with the right one', async () => {
    const username = 'huisarts.devries';
    const secret = suite.server.otpSecret(username)!;
    const page = await suite.newPage();
    await page.goto(`${suite.server.url}/login`);
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord').fill(kDemoPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    const code = page.getByLabel(kTexts.code);
    await visible(code);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    await expect.poll(() => hasFocus(page, kTexts.code)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkScreen(page, 'login with code', 'login-code');

    const wrong = wrongCode(secret);
    const refusal = await apiLogin(username, wrong);
    expect(refusal.status).toBe(401);
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await visible(alert);
    expect(await alert.textContent()).toBe(refusal.body.error?.message);
    expect(await code.inputValue()).toBe('');

    await code.fill(await suite.server.nextOtp(username));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await visible(page.getByRole('heading', { name: 'Verzonden consulten', level: 1 }));
    await page.context().close();
  });

  it('lists the sessions, ends another one and then all others', async () => {
    const username = 'huisarts.jansen';
    const other = await apiToken(suite.server, username);
    expect(await meStatus(suite.server, other)).toBe(200);
    const page = await suite.newPage();
    await logIn(page, suite.server, username);
    await page.getByRole('link', { name: 'Beveiliging' }).click();
    await visible(page.getByRole('heading', { name: 'Beveiliging', level: 1 }));

    const rows = page.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3); // the header, this session, the API session
    const mine = page.getByRole('row', { name: /Deze sessie/ });
    await visible(mine);
    expect(await mine.getByRole('button').count()).toBe(0);
    await checkScreen(page, 'security', 'security');

    const apiRow = page.getByRole('row', { name: new RegExp(kApiUserAgent) });
    await apiRow.getByRole('button', { name: /^Beëindigen/ }).click();
    await visible(page.getByText('De sessie is beëindigd.'));
    await gone(apiRow);
    expect(await meStatus(suite.server, other)).toBe(401);

    const more = [await apiToken(suite.server, username), await apiToken(suite.server, username)];
    await page.reload();
    await expect.poll(() => rows.count()).toBe(4);
    await page.getByRole('button', { name: 'Alle andere sessies beëindigen' }).click();
    await visible(page.getByText('2 sessies beëindigd.'));
    await expect.poll(() => rows.count()).toBe(2);
    for (const token of more) expect(await meStatus(suite.server, token)).toBe(401);
    await visible(mine);
    await page.context().close();
  });

  it('sets up a new authenticator app and gets ten recovery codes that log in', async () => {
    const username = 'huisarts.bakker';
    const page = await suite.newPage();
    await logIn(page, suite.server, username, 'nl', '/security');
    await page.getByRole('button', { name: 'Nieuwe authenticator-app instellen' }).click();

    // The password was given just now; should the server want it again, the screen asks for it.
    // Exactly "Wachtwoord": the password change form on the same screen has "… wachtwoord" fields.
    const qr = page.getByRole('img', { name: kTexts.qrAlt });
    const password = page.getByLabel('Wachtwoord', { exact: true });
    await visible(qr.or(password));
    if (await password.isVisible()) {
      await password.fill(kDemoPassword);
      await page.getByLabel(kTexts.code).fill(await suite.server.nextOtp(username));
      await page.getByRole('button', { name: 'Bevestigen en doorgaan' }).click();
    }
    const secret = await readSecret(page);
    expect(secret).not.toBe(suite.server.otpSecret(username));
    await checkScreen(page, 'security, new authenticator app', 'security-enrol');

    const codes = await confirmAndReadCodes(page, secret);
    await checkScreen(page, 'security, recovery codes', 'security-recovery-codes');
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
    await visible(page.getByRole('heading', { name: 'Verzonden consulten', level: 1 }));

    // The new app is the one in force: the old secret's codes no longer work, a recovery code does.
    const old = suite.server.otpSecret(username)!;
    const oldCode = codeForStep(old, Math.floor(Date.now() / kStepMs) + 1);
    expect((await apiLogin(username, oldCode)).status).toBe(401);
    expect((await apiLogin(username, codes[0]!)).status).toBe(200);
    await page.context().close();
  });

  it('sends a new GP without a second factor to set one up before anything else', async () => {
    const username = 'huisarts.nieuw';
    await suite.server.addUser({ username, name: 'Dr. Noor Nieuw', organisation: 'Huisartsenpraktijk Kralingen', role: 'gp' });
    const page = await suite.newPage();
    await logIn(page, suite.server, username, 'nl', '/outbox');
    await page.waitForURL(/\/security$/);
    await visible(page.getByText(/^Stel eerst een tweede factor in/));
    expect(await page.getByRole('link', { name: 'Verzonden consulten' }).count()).toBe(0);

    const secret = await readSecret(page); // started by itself
    await checkScreen(page, 'security, second factor required');
    await page.goto(`${suite.server.url}/outbox`);
    await page.waitForURL(/\/security$/);

    const fresh = await readSecret(page); // a new page, a new pending secret
    expect(fresh).not.toBe(secret);
    await confirmAndReadCodes(page, fresh);
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
    await visible(page.getByRole('heading', { name: 'Verzonden consulten', level: 1 }));
    await visible(page.getByRole('link', { name: 'Nieuw consult' }).first());
    // Confirming renewed the login's cookie and CSRF token: a change with them still works.
    const loggedOut = page.waitForResponse((r) => r.request().method() === 'DELETE' && new URL(r.url()).pathname === '/api/v1/session');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    expect((await loggedOut).status()).toBe(204);
    await visible(page.getByRole('heading', { name: 'Inloggen' }));
    await page.context().close();
  });
});
