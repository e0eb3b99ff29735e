// The conversation around a consult: the specialist asks for information, the practice
// assistant answers it, the specialist declines with a reason after all, and the GP closes the
// declined consult with its outcome. Each step appears on the other side without reloading.
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { logIn, visible } from './support/app';
import { kDesktop } from './support/browser';
import { sendDermatologyConsult } from './support/api';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

async function pageFor(username: string, target: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: kDesktop })).newPage();
  await logIn(page, suite.server, username, 'nl', target);
  return page;
}

const status = (page: Page, text: string) => page.locator('.mk-status', { hasText: text });

describe('thread', () => {
  it('info request, reply, decline and close', async () => {
    const consult = await sendDermatologyConsult(suite.server, 'Wrat voetzool: cryotherapie of verwijzen?');
    const path = `/consults/${consult.id}`;
    const specialist = await pageFor('specialist.smit', path);
    const assistant = await pageFor('assistent.visser', path);

    await specialist.getByRole('button', { name: 'Oppakken' }).click();
    await visible(status(specialist, 'In behandeling'));
    await specialist.getByLabel('Welke informatie heeft u nodig?').fill('Hoe lang bestaat de wrat en wat is al geprobeerd?');
    await specialist.getByRole('button', { name: 'Informatie vragen' }).click();
    await visible(status(specialist, 'Informatie gevraagd'));

    await visible(status(assistant, 'Informatie gevraagd'), 15_000);
    await visible(assistant.getByText('Hoe lang bestaat de wrat en wat is al geprobeerd?'));
    await assistant.getByLabel('Uw antwoord op het informatieverzoek').fill('Een jaar; tweemaal salicylzuur zonder effect.');
    await assistant.getByRole('button', { name: 'Antwoord versturen' }).click();
    await visible(status(assistant, 'In behandeling'));

    await visible(specialist.getByText('Een jaar; tweemaal salicylzuur zonder effect.'), 15_000);
    await specialist.getByLabel('Reden van afwijzing').fill('Hoort bij de podotherapeut, niet bij de dermatoloog.');
    await specialist.getByRole('button', { name: 'Consult afwijzen' }).click();
    await visible(status(specialist, 'Afgewezen'));

    const gp = await pageFor('huisarts.devries', path);
    await visible(gp.getByText('Hoort bij de podotherapeut, niet bij de dermatoloog.'));
    await gp.getByRole('radiogroup', { name: 'Hoe is het afgelopen?' }).getByLabel('Elders naartoe verwezen').check();
    await gp.getByRole('radiogroup', { name: 'Heeft u er iets van geleerd?' }).getByLabel('Nee').check();
    await gp.getByRole('radiogroup', { name: 'Uw waardering' }).getByLabel('3 sterren').check();
    await gp.getByRole('button', { name: 'Consult afsluiten' }).click();
    await visible(status(gp, 'Afgesloten'));

    for (const page of [specialist, assistant, gp]) await page.context().close();
  });
});
