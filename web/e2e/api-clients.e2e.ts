// API clients in the browser: the administrator finds "API-clients" in the menu, registers a system
// for a GP practice, acting for one of its GPs, with an EC P-256 public key made here — after the
// private key, pasted by mistake, is refused at the key's field in the server's words — and is
// shown its client_id and the token URL; the system then gets an access token there exactly as the
// screen explains (a JWT assertion signed with its private key), the client is listed as active,
// is revoked after the confirmation, and its next assertion is refused. A coordinator is offered no
// such menu entry, and the screen tells them it is not theirs without asking the server. Both
// screens are checked with axe-core.
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkScreen, gone, loaded, logIn, menuLink, saveScreenshot, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kName = 'HIS Kralingen';
const kPractice = 'Huisartsenpraktijk Kralingen';
const kActsFor = 'huisarts.devries';
const kAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The error message tied to the field labelled `label` (its aria-describedby), or null when none. */
async function errorUnder(page: Page, label: string): Promise<string | null> {
  const describedBy = (await page.getByLabel(label).getAttribute('aria-describedby')) ?? '';
  const id = describedBy.split(/\s+/).find((part) => part.endsWith('-error'));
  return id ? page.locator(`[id="${id}"]`).textContent() : null;
}

function isPost(path: RegExp) {
  return (response: Response) => response.request().method() === 'POST' && path.test(new URL(response.url()).pathname);
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A private_key_jwt assertion as the screen explains it: iss = sub = client_id, aud the token URL, exp in 5 minutes, a unique jti. */
function assertion(clientId: string, tokenUrl: string, key: KeyObject): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'ES256', typ: 'JWT' }));
  const claims = base64url(JSON.stringify({ iss: clientId, sub: clientId, aud: tokenUrl, iat: now, exp: now + 300, jti: randomUUID() }));
  // JWS wants the ECDSA signature as r and s side by side, not DER.
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' });
  return `${header}.${claims}.${base64url(signature)}`;
}

/** The token endpoint's answer to the system's assertion: its status and body. */
async function exchange(tokenUrl: string, clientAssertion: string) {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: kAssertionType, client_assertion: clientAssertion }),
  });
  return { status: response.status, body: (await response.json()) as { access_token?: string; error?: string } };
}

describe('API clients', () => {
  it('lets the administrator register a system with an EC key, refusing a private key, and revoke it', async () => {
    const keys = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const page = await suite.newPage();
    await logIn(page, suite.server, 'admin');
    await menuLink(page, 'API-clients').click();
    await page.waitForURL(/\/api-clients$/);
    await visible(page.getByRole('heading', { name: 'API-clients', level: 1 }));
    await loaded(page);
    await checkScreen(page, 'api clients');

    await page.getByRole('button', { name: 'API-client registreren' }).click();
    await visible(page.getByRole('heading', { name: 'API-client registreren', level: 2 }));
    await loaded(page);
    await page.getByLabel('Naam van het systeem').fill(kName);
    await page.getByLabel('Organisatie').selectOption({ label: kPractice });
    await page.getByLabel('Handelt namens').selectOption({ label: `Dr. Anna de Vries (${kActsFor})` });
    for (const scope of ['system/Task.rus', 'system/ServiceRequest.crs', 'system/Patient.rs', 'system/Communication.crs']) {
      await page.getByRole('checkbox', { name: scope }).check();
    }
    await checkScreen(page, 'api clients, registration form');

    // The private key, pasted by mistake: refused by the server, at the key's field.
    const key = 'Publieke sleutel (PEM)';
    await page.getByLabel(key).fill(keys.privateKey);
    const refused = page.waitForResponse(isPost(/^\/api\/v1\/api-clients$/));
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    const refusal = await refused;
    expect(refusal.status()).toBe(422);
    const message = ((await refusal.json()) as { error: { message: string; field: string } }).error;
    expect(message.field).toBe('public_key');
    expect(message.message).toMatch(/^Dit is een privésleutel/);
    await expect.poll(() => errorUnder(page, key)).toBe(message.message);
    expect(await page.getByLabel(key).getAttribute('aria-invalid')).toBe('true');

    // The public key is taken: the client_id and the token URL to hand over, with how to use them.
    await page.getByLabel(key).fill(keys.publicKey);
    const accepted = page.waitForResponse(isPost(/^\/api\/v1\/api-clients$/));
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    expect((await accepted).status()).toBe(201);
    await visible(page.getByRole('heading', { name: `API-client ${kName} geregistreerd`, level: 2 }));
    const clientId = await page.getByLabel('client_id', { exact: true }).inputValue();
    expect(clientId).toMatch(/^mk-[0-9a-f]{24}$/);
    const tokenUrl = await page.getByLabel('Token-adres', { exact: true }).inputValue();
    expect(tokenUrl).toBe(`${suite.server.url}/fhir/R4/auth/token`);
    await visible(page.getByText(/private_key_jwt/).first());
    await checkScreen(page, 'api clients, registered');
    await saveScreenshot(page, 'api-clients');

    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kName }) });
    await visible(row);
    const text = (await row.textContent())!;
    for (const part of [clientId, kPractice, kActsFor, 'system/Task.rus', 'system/Communication.crs', 'Actief']) expect(text).toContain(part);

    // The system gets a token as the screen says.
    const privateKey = createPrivateKey(keys.privateKey);
    const granted = await exchange(tokenUrl, assertion(clientId, tokenUrl, privateKey));
    expect(granted.status).toBe(200);
    expect(granted.body.access_token).toBeTruthy();

    // Revoked after the confirmation: the row says so, and the next assertion is refused.
    await row.getByRole('button', { name: `Intrekken (${kName})` }).click();
    const dialog = page.getByRole('dialog', { name: `API-client ${kName} intrekken` });
    await visible(dialog);
    expect(await dialog.textContent()).toContain(clientId);
    const revoked = page.waitForResponse(isPost(/^\/api\/v1\/api-clients\/\d+\/revoke$/));
    await dialog.getByRole('button', { name: 'Intrekken', exact: true }).click();
    expect((await revoked).status()).toBe(200);
    await gone(dialog);
    await visible(page.getByText(`API-client ${kName} is ingetrokken.`));
    await visible(row.getByText(/^Ingetrokken op/));
    expect(await row.getByRole('button', { name: /Intrekken/ }).count()).toBe(0);
    await checkScreen(page, 'api clients, revoked');
    const refusedAfter = await exchange(tokenUrl, assertion(clientId, tokenUrl, privateKey));
    expect(refusedAfter.status).toBe(401);
    expect(refusedAfter.body.error).toBe('invalid_client');
    await page.context().close();
  });

  it('offers a coordinator no API clients, and the screen does not ask the server', async () => {
    const page = await suite.newPage();
    await logIn(page, suite.server, 'coordinator.zorggroep');
    await visible(menuLink(page, 'Gebruikers'));
    expect(await menuLink(page, 'API-clients').count()).toBe(0);

    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/api-clients')) asked.push(request.url());
    });
    await page.goto(`${suite.server.url}/api-clients`);
    await visible(page.getByRole('heading', { name: 'API-clients', level: 1 }));
    await visible(page.getByText('Dit scherm is voor beheerders.'));
    await checkScreen(page, 'api clients, not for a coordinator');
    expect(asked).toEqual([]);
    await page.context().close();
  });
});
