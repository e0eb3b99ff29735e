// Launch from the HIS in the browser: the coordinator finds "Koppelingen met het HIS" in the menu and
// registers the EC P-256 public key of Huisartsenpraktijk Kralingen's HIS (made here with jose), and
// is shown its key_id and the launch address. The HIS signs a launch link for Dr. Anna de Vries
// (her AGB code) with the patient and the question; a fresh browser opens `/launch#token=…`, the
// token leaves the address at once, the page names the GP and her practice, a wrong code is said
// at the field and leaves the link usable, her authenticator code logs her in and she lands in a
// new draft with everything filled in. Refused alike, in the server's one sentence: the same link
// again (on the page), a link with a changed signature, one expired, one signed by another key
// with this key's key_id, and, after the coordinator revoked the key, a new link with it (on the
// page). The screens are checked with axe-core.
import { randomUUID } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkScreen, gone, loaded, logIn, menuLink, saveScreenshot, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kPractice = 'Huisartsenpraktijk Kralingen';
const kKeyName = 'Medicom Kralingen';
const kGp = 'huisarts.devries';
const kGpAgb = '01012345';
const kGreeting = 'Inloggen als Dr. Anna de Vries, Huisartsenpraktijk Kralingen';
const kBadLink = 'Deze koppeling uit het HIS is ongeldig, verlopen of al gebruikt. Open meekijk opnieuw vanuit het HIS.';
const kCodeLabel = 'Code uit de authenticator-app';
const kSubmit = 'Inloggen en consult openen';

const kSummary = 'Sinds 3 maanden eczeem aan beide handen; hydrocortison 1% zonder effect. Geen atopie in de familie.';
const kQuestion = 'Is een klasse 3-corticosteroïd verantwoord, of liever verwijzen?';

/** The link's claims as the HIS signs them: the GP by AGB code, the patient, the episode and the question. */
function claims(keyId: string, audience: string, expiresIn = 240) {
  return {
    iss: keyId,
    aud: audience,
    exp: Math.floor(Date.now() / 1000) + expiresIn,
    jti: randomUUID(),
    agb: kGpAgb,
    patient: { birth_year: 1971, sex: 'female' },
    icpc: 'S88',
    summary: kSummary,
    question: kQuestion,
    specialty: 'dermatologie',
    mode: 'digital',
  };
}

/** A launch token as the HIS makes it: the claims signed with ES256 by `key`. */
function sign(payload: ReturnType<typeof claims>, key: KeyLike): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).setIssuedAt().sign(key);
}

/** The same token with one character of its signature changed (in the middle: every bit there counts). */
function tampered(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const at = Math.floor(signature.length / 2);
  const changed = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${changed}${signature.slice(at + 1)}`;
}

/** The server's first answer to a link, without a code (as the page asks it): status and body. */
async function preview(token: string) {
  const response = await fetch(`${suite.server.url}/api/v1/launch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'nl' },
    body: JSON.stringify({ token }),
  });
  return { status: response.status, body: (await response.json()) as { status?: string; error?: { code: string; message: string } } };
}

function isPost(path: RegExp) {
  return (response: Response) => response.request().method() === 'POST' && path.test(new URL(response.url()).pathname);
}

/** Opens the link in a fresh browser, as the HIS does, and waits for the launch page's heading. */
async function openLink(launchUrl: string, token: string): Promise<Page> {
  const page = await suite.newPage();
  await page.goto(`${launchUrl}#token=${token}`);
  await visible(page.getByRole('heading', { name: 'Openen vanuit het HIS', level: 1 }));
  return page;
}

/** The launch page refused the link: the server's sentence in an alert, no code field. */
async function expectRefused(page: Page) {
  const alert = page.getByRole('alert');
  await visible(alert);
  expect(await alert.textContent()).toContain(kBadLink);
  expect(await page.getByLabel(kCodeLabel).count()).toBe(0);
  expect(page.url()).toBe(`${suite.server.url}/launch`);
}

describe('launch from the HIS', () => {
  it('opens a pre-filled draft for the GP after her code, once, and refuses every bad link', async () => {
    const his = await generateKeyPair('ES256');
    const publicKey = await exportSPKI(his.publicKey);

    // The coordinator registers the HIS's public key for the practice.
    const coordinator = await suite.newPage();
    await logIn(coordinator, suite.server, 'coordinator.zorggroep');
    await menuLink(coordinator, 'Koppelingen met het HIS').click();
    await coordinator.waitForURL(/\/his-koppelingen$/);
    await visible(coordinator.getByRole('heading', { name: 'Koppelingen met het HIS', level: 1 }));
    await loaded(coordinator);
    await coordinator.getByRole('button', { name: 'Sleutel van een HIS registreren' }).click();
    await visible(coordinator.getByRole('heading', { name: 'Sleutel van een HIS registreren', level: 2 }));
    await loaded(coordinator);
    await coordinator.getByLabel('Praktijk').selectOption({ label: kPractice });
    await coordinator.getByLabel('Naam van het HIS').fill(kKeyName);
    await coordinator.getByLabel('Publieke sleutel (PEM)').fill(publicKey);
    await checkScreen(coordinator, 'his links, registration form');
    const registered = coordinator.waitForResponse(isPost(/^\/api\/v1\/launch-keys$/));
    await coordinator.getByRole('button', { name: 'Registreren', exact: true }).click();
    expect((await registered).status()).toBe(201);
    await visible(coordinator.getByRole('heading', { name: `Sleutel ${kKeyName} geregistreerd`, level: 2 }));
    const keyId = await coordinator.getByLabel('key_id', { exact: true }).inputValue();
    expect(keyId).toMatch(/^his-[0-9a-f]+$/);
    const launchUrl = await coordinator.getByLabel('Koppelingsadres', { exact: true }).inputValue();
    expect(launchUrl).toBe(`${suite.server.url}/launch`);
    const row = coordinator.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: kKeyName }) });
    await visible(row);
    for (const part of [kPractice, keyId, 'Actief']) expect(await row.textContent()).toContain(part);
    await checkScreen(coordinator, 'his links, registered');
    await saveScreenshot(coordinator, 'his-koppelingen');

    // The HIS opens the link; the token leaves the address before anything else happens.
    const token = await sign(claims(keyId, launchUrl), his.privateKey);
    const gp = await openLink(launchUrl, token);
    await visible(gp.getByText(kGreeting));
    expect(gp.url()).toBe(launchUrl);
    const code = gp.getByLabel(kCodeLabel);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await checkScreen(gp, 'launch');
    await saveScreenshot(gp, 'launch');

    // A wrong code is said at the field; the link stays usable.
    await code.fill('000000');
    const wrong = gp.waitForResponse(isPost(/^\/api\/v1\/launch$/));
    await gp.getByRole('button', { name: kSubmit }).click();
    expect((await wrong).status()).toBe(401);
    await visible(gp.getByRole('alert').filter({ hasText: 'Deze code klopt niet' }));
    expect(await code.inputValue()).toBe('');

    // Her code: logged in, in a new draft with the HIS's data.
    await code.fill(await suite.server.nextOtp(kGp));
    const launched = gp.waitForResponse(isPost(/^\/api\/v1\/launch$/));
    await gp.getByRole('button', { name: kSubmit }).click();
    const answer = (await (await launched).json()) as { status: string; consult_id: number };
    expect(answer.status).toBe('launched');
    await gp.waitForURL(new RegExp(`/consults/${answer.consult_id}/edit$`));
    await visible(gp.getByRole('heading', { name: /^Concept MK-/, level: 1 }));
    await loaded(gp);
    await visible(gp.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzonden consulten' }));
    await visible(gp.locator('.mk-user__name', { hasText: 'Dr. Anna de Vries' }));
    expect(await gp.getByLabel('Specialisme').inputValue()).toBe('dermatologie');
    expect(await gp.getByLabel('Geboortejaar').inputValue()).toBe('1971');
    expect(await gp.getByRole('radiogroup', { name: 'Geslacht' }).getByLabel('Vrouw').isChecked()).toBe(true);
    await expect.poll(() => gp.getByRole('combobox', { name: 'Reden (ICPC-code)' }).inputValue()).toMatch(/^S88/);
    expect(await gp.getByLabel('Vraag aan de specialist').inputValue()).toBe(kQuestion);
    expect(await gp.getByLabel('Klinische samenvatting').inputValue()).toBe(kSummary);
    await checkScreen(gp, 'launched draft');
    await gp.context().close();

    // The same link again: used. The server may refuse it at once, or (as it does now: the first
    // answer checks the signature, not whether the link was used) only with the code.
    const again = await openLink(launchUrl, token);
    await visible(again.getByRole('alert').or(again.getByLabel(kCodeLabel)));
    if (await again.getByLabel(kCodeLabel).count() > 0) {
      await again.getByLabel(kCodeLabel).fill(await suite.server.nextOtp(kGp));
      await again.getByRole('button', { name: kSubmit }).click();
    }
    await expectRefused(again);
    await checkScreen(again, 'launch, refused');
    await again.context().close();

    // A changed signature, an expired link, and one signed by another key under this key_id: the
    // same refusal, which names none of the reasons.
    const other = await generateKeyPair('ES256');
    const bad = {
      tampered: tampered(await sign(claims(keyId, launchUrl), his.privateKey)),
      expired: await sign(claims(keyId, launchUrl, -60), his.privateKey),
      otherKey: await sign(claims(keyId, launchUrl), other.privateKey),
    };
    for (const [why, link] of Object.entries(bad)) {
      const refused = await preview(link);
      expect({ why, status: refused.status, error: refused.body.error }).toEqual({
        why, status: 401, error: { code: 'launch_invalid', message: kBadLink, field: 'token' },
      });
    }
    const page = await openLink(launchUrl, bad.tampered);
    await expectRefused(page);
    await page.context().close();

    // A good link works until the key is revoked; after that, it is refused too.
    const fresh = await sign(claims(keyId, launchUrl), his.privateKey);
    expect((await preview(fresh)).body.status).toBe('code_required');
    await row.getByRole('button', { name: `Intrekken (${kKeyName})` }).click();
    const dialog = coordinator.getByRole('dialog', { name: `Sleutel ${kKeyName} intrekken` });
    await visible(dialog);
    expect(await dialog.textContent()).toContain(keyId);
    const revoked = coordinator.waitForResponse(isPost(/^\/api\/v1\/launch-keys\/\d+\/revoke$/));
    await dialog.getByRole('button', { name: 'Intrekken', exact: true }).click();
    expect((await revoked).status()).toBe(200);
    await gone(dialog);
    await visible(coordinator.getByText(`Sleutel ${kKeyName} is ingetrokken.`));
    await visible(row.getByText(/^Ingetrokken op/));
    await checkScreen(coordinator, 'his links, revoked');
    const afterRevoke = await openLink(launchUrl, fresh);
    await expectRefused(afterRevoke);
    await afterRevoke.context().close();
    await coordinator.context().close();
  });

  it('offers a GP no HIS links, and the screen does not ask the server', async () => {
    const page = await suite.newPage();
    await logIn(page, suite.server, 'huisarts.bakker');
    await visible(menuLink(page, 'Verzonden consulten'));
    expect(await menuLink(page, 'Koppelingen met het HIS').count()).toBe(0);

    const asked: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/launch-keys')) asked.push(request.url());
    });
    await page.goto(`${suite.server.url}/his-koppelingen`);
    await visible(page.getByRole('heading', { name: 'Koppelingen met het HIS', level: 1 }));
    await visible(page.getByText('Dit scherm is voor coördinatoren en beheerders.'));
    expect(asked).toEqual([]);
    await page.context().close();
  });
});
