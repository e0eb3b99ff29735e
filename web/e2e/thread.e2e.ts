// The conversation around a consult: the specialist asks for information, the practice
// assistant answers it, the specialist declines with a reason after all, and the GP closes the
// declined consult with its outcome. Each step appears on the other side without reloading.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { logIn, visible } from './support/app';
import { kDesktop, launchBrowser } from './support/browser';
import { sendDermatologyConsult } from './support/api';
import { startServer, type TestServer } from './support/server.mjs';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pageFor(username: string, target: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: kDesktop })).newPage();
  await logIn(page, server.url, username, 'nl', target);
  return page;
}

const status = (page: Page, text: string) => page.locator('.mk-status', { hasText: text });

describe('thread', () => {
  it('info request, reply, decline and close', async () => {
    const consult = await sendDermatologyConsult(server.url, 'Wrat voetzool: cryotherapie of verwijzen?');
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
