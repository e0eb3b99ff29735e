// What the server refuses, the screen says, next to what caused it: an action overtaken by
// someone else, a form sent incomplete, and another practice's consult opened by its address.
import { describe, expect, it } from 'vitest';
import { logIn, visible } from './support/app';
import { apiAction, sendDermatologyConsult } from './support/api';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const newPage = () => suite.newPage();

describe('refusals', () => {
  it('shows the refusal of a claim that a colleague made first next to the button', async () => {
    const consult = await sendDermatologyConsult(suite.server.url, 'Ulcus cruris: compressie of eerst vaatonderzoek?');
    const page = await newPage();
    // Hold the change poller still, so the page keeps offering the claim a colleague takes meanwhile.
    await page.route('**/api/v1/changes', (route) => route.fulfill({ json: { fingerprint: 'unchanged' } }));
    await logIn(page, suite.server.url, 'specialist.mulder', 'nl', `/consults/${consult.id}`);
    const claim = page.getByRole('button', { name: 'Oppakken' });
    await visible(claim);
    await apiAction(suite.server.url, 'specialist.smit', consult.id, 'claim');

    await claim.click();
    const message = page.locator('.mk-action', { has: claim }).getByRole('alert');
    await visible(message);
    expect((await message.textContent())?.length).toBeGreaterThan(10);
    await page.context().close();
  });

  it('puts a validation error next to its field', async () => {
    const page = await newPage();
    await logIn(page, suite.server.url, 'huisarts.devries', 'nl', '/consults/new');
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    const fieldError = page.locator('.utrecht-form-field--invalid, .utrecht-form-fieldset--invalid, .mk-combobox[data-invalid]').first();
    await visible(fieldError);
    expect(await page.locator('.mk-action-error').count()).toBe(0);
    await page.context().close();
  });

  it('shows server messages in the chosen language', async () => {
    const page = await newPage();
    await logIn(page, suite.server.url, 'huisarts.devries', 'en', '/consults/new');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const message = page.locator('.utrecht-form-field-error-message').first();
    await visible(message);
    const text = (await message.textContent()) ?? '';
    expect(text).not.toBe('');
    expect(text).not.toBe('Kies een specialisme.');
    await page.context().close();
  });

  it("does not show another practice's consult opened by its address", async () => {
    const question = 'Geheime vraag van praktijk Kralingen over moedervlek.';
    const consult = await sendDermatologyConsult(suite.server.url, question);
    const page = await newPage();
    await logIn(page, suite.server.url, 'huisarts.bakker', 'nl', `/consults/${consult.id}`);
    await visible(page.getByRole('heading', { name: 'Dit consult is niet beschikbaar' }));
    await visible(page.getByRole('alert'));
    expect(await page.getByText(question).count()).toBe(0);
    await page.context().close();
  });
});
