// What the server refuses, the screen says, next to what caused it: an action overtaken by
// someone else, a form sent incomplete (checked in the browser first, from the form field
// catalogue, in the server's own words), and another practice's consult opened by its address.
import { describe, expect, it } from 'vitest';
import { logIn, visible } from './support/app';
import { apiAction, apiRefusal, sendDermatologyConsult } from './support/api';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const newPage = () => suite.newPage();

describe('refusals', () => {
  it('shows the refusal of a claim that a colleague made first next to the button', async () => {
    const consult = await sendDermatologyConsult(suite.server, 'Ulcus cruris: compressie of eerst vaatonderzoek?');
    const page = await newPage();
    // Hold the change poller still, so the page keeps offering the claim a colleague takes meanwhile.
    await page.route('**/api/v1/changes', (route) => route.fulfill({ json: { fingerprint: 'unchanged' } }));
    await logIn(page, suite.server, 'specialist.mulder', 'nl', `/consults/${consult.id}`);
    const claim = page.getByRole('button', { name: 'Oppakken' });
    await visible(claim);
    await apiAction(suite.server, 'specialist.smit', consult.id, 'claim');

    await claim.click();
    const message = page.locator('.mk-action', { has: claim }).getByRole('alert');
    await visible(message);
    expect((await message.textContent())?.length).toBeGreaterThan(10);
    await page.context().close();
  });

  it('puts a validation error next to its field', async () => {
    const page = await newPage();
    await logIn(page, suite.server, 'huisarts.devries', 'nl', '/consults/new');
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    const fieldError = page.locator('.utrecht-form-field--invalid, .utrecht-form-fieldset--invalid, .mk-combobox[data-invalid]').first();
    await visible(fieldError);
    expect(await page.locator('.mk-action-error').count()).toBe(0);
    await page.context().close();
  });

  it('names a missing answer in the chosen language', async () => {
    const page = await newPage();
    await logIn(page, suite.server, 'huisarts.devries', 'en', '/consults/new');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const message = page.locator('.utrecht-form-field-error-message').first();
    await visible(message);
    expect(await message.textContent()).toBe('‘Specialty’ is required.');
    await page.context().close();
  });

  it('marks the answers closing needs and refuses an empty close by their labels, as the server does', async () => {
    const consult = await sendDermatologyConsult(suite.server, 'Seborroïsche keratose of melanoom? Graag beoordeling.');
    await apiAction(suite.server, 'specialist.smit', consult.id, 'claim');
    await apiAction(suite.server, 'specialist.smit', consult.id, 'advice', {
      recommendation: 'primary_care', body: 'Seborroïsche keratose; geen verdere actie nodig.',
    });
    const page = await newPage();
    const closeRequests: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('/close')) closeRequests.push(request.url()); });
    await logIn(page, suite.server, 'huisarts.devries', 'nl', `/consults/${consult.id}`);
    await visible(page.locator('.mk-status', { hasText: 'Beantwoord' }));

    // The advice has come: the consult no longer waits for the specialist, so no deadline.
    const due = page.locator('.mk-details .utrecht-data-list__item', { hasText: 'Antwoord verwacht' });
    expect(await due.locator('.utrecht-data-list__item-value').textContent()).toBe('Niet meer van toepassing');
    expect(await due.locator('time').count()).toBe(0);

    const questions = ['Hoe is het afgelopen?', 'Heeft u er iets van geleerd?', 'Uw waardering'];
    for (const question of questions) {
      const group = page.getByRole('radiogroup', { name: `${question} (verplicht)`, exact: true });
      await visible(group);
      expect(await group.getAttribute('aria-required')).toBe('true');
    }
    await page.getByRole('button', { name: 'Consult afsluiten' }).click();
    for (const question of questions) {
      const group = page.getByRole('radiogroup', { name: `${question} (verplicht)`, exact: true });
      await visible(group.getByText(`‘${question}’ is verplicht.`, { exact: true }));
    }
    expect(closeRequests).toEqual([]);

    // The server, asked the same, says the same sentence for the first missing answer.
    const refusal = await apiRefusal(suite.server, 'huisarts.devries', consult.id, 'close', {}, 'nl');
    expect(refusal.status).toBe(422);
    expect(refusal.error).toMatchObject({ field: 'outcome', message: '‘Hoe is het afgelopen?’ is verplicht.' });
    await page.context().close();
  });

  it("does not show another practice's consult opened by its address", async () => {
    const question = 'Geheime vraag van praktijk Kralingen over moedervlek.';
    const consult = await sendDermatologyConsult(suite.server, question);
    const page = await newPage();
    await logIn(page, suite.server, 'huisarts.bakker', 'nl', `/consults/${consult.id}`);
    await visible(page.getByRole('heading', { name: 'Dit consult is niet beschikbaar' }));
    await visible(page.getByRole('alert'));
    expect(await page.getByText(question).count()).toBe(0);
    await page.context().close();
  });
});
