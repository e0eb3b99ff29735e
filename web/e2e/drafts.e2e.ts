// Drafts: an assistant prepares a consult (a PDF chosen, a photo dragged in) and cannot send it; autosave keeps her
// later edits; a GP of the practice sends it. And an expired session does not lose the typing.
import { describe, expect, it } from 'vitest';
import { dropFile, logIn, submitLogin, visible } from './support/app';
import { makePdf } from './support/pdf';
import { makePng } from './support/png';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const newPage = () => suite.newPage();

const kPdf = makePdf();

describe('drafts', () => {
  it('an assistant saves a draft that a GP sends', async () => {
    const assistant = await newPage();
    await logIn(assistant, suite.server, 'assistent.visser');
    await assistant.getByRole('link', { name: 'Nieuw consult' }).first().click();
    await assistant.getByLabel('Specialisme').selectOption({ label: 'Dermatologie' });
    await assistant.getByLabel('Geboortejaar').fill('1984');
    await assistant.getByRole('radiogroup', { name: 'Geslacht' }).getByLabel('Man').check();
    await assistant.getByRole('combobox', { name: 'Reden (ICPC-code)' }).fill('S91');
    await assistant.getByRole('option', { name: /S91/ }).click();
    await assistant.getByLabel('Vraag aan de specialist').fill('Psoriasis: systemische behandeling overwegen?');
    await assistant.getByRole('radiogroup', { name: /zonder dit consult verwezen/ }).getByLabel('Nee').check();
    await assistant.getByLabel(/toestemming/).check();
    await assistant.locator('input[type=file]').first().setInputFiles({ name: 'brief dermatoloog.pdf', mimeType: 'application/pdf', buffer: kPdf });
    await dropFile(assistant, assistant.locator('.mk-dropzone'), 'elleboog.png', makePng());
    await visible(assistant.locator('.mk-preview', { hasText: 'elleboog.png' }));
    expect(await assistant.getByRole('button', { name: 'Versturen', exact: true }).count()).toBe(0);
    await assistant.getByRole('button', { name: 'Opslaan als concept' }).click();

    await assistant.waitForURL(/\/consults\/\d+\/edit$/);
    const saved = assistant.getByText(/Het concept is opgeslagen als MK-/);
    await visible(saved);
    const number = /MK-\d{4}-\d+/.exec((await saved.textContent()) ?? '')?.[0] ?? '';
    await visible(assistant.getByRole('button', { name: /brief dermatoloog\.pdf/ }));
    await visible(assistant.getByRole('button', { name: /elleboog\.png/ }));
    await assistant.getByLabel('Vraag aan de specialist').fill('Psoriasis: systemische behandeling overwegen? PASI 12.');
    await visible(assistant.getByText(/Automatisch opgeslagen om/), 15_000);

    const gp = await newPage();
    await logIn(gp, suite.server, 'huisarts.devries');
    await gp.getByLabel('Status', { exact: true }).selectOption('draft');
    await gp.getByLabel('Zoeken op nummer of tekst').fill(number);
    await visible(gp.getByRole('cell', { name: /PASI 12/ }));
    await expect.poll(() => gp.getByRole('row').count(), { timeout: 10_000 }).toBe(2); // the header and this draft
    await gp.getByRole('link', { name: number }).click();
    await visible(gp.getByText('Psoriasis: systemische behandeling overwegen? PASI 12.'));
    await gp.getByRole('button', { name: 'Versturen', exact: true }).click();
    await visible(gp.locator('.mk-status', { hasText: 'Verstuurd' }));
    await assistant.context().close();
    await gp.context().close();
  });

  it('an expired session returns to the login page and keeps what was typed', async () => {
    const gp = await newPage();
    await logIn(gp, suite.server, 'huisarts.devries');
    await gp.getByRole('link', { name: 'Nieuw consult' }).first().click();
    await gp.getByLabel('Geboortejaar').fill('1950');
    await gp.getByLabel('Vraag aan de specialist').fill('Tekst die een verlopen sessie moet overleven.');

    // The session ends while the GP types; the next request (the change poller's, within 5 s)
    // gets a 401 and leads to the login page.
    await gp.context().clearCookies();
    await gp.waitForURL(/\/login\?next=/, { timeout: 15_000 });
    await visible(gp.getByText(/Uw sessie is verlopen/));
    await submitLogin(gp, suite.server, 'huisarts.devries');

    await gp.waitForURL(/\/consults\/new$/);
    expect(await gp.getByLabel('Vraag aan de specialist').inputValue()).toBe('Tekst die een verlopen sessie moet overleven.');
    expect(await gp.getByLabel('Geboortejaar').inputValue()).toBe('1950');
    await gp.context().close();
  });
});
