// Every main screen, checked with axe-core (no serious or critical WCAG 2.1 AA violations) and
// saved as a screenshot for docs/screenshots: desktop 1280×800, and the new-consult form on a
// tablet (820×1180) as well.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible, loaded, logIn, saveScreenshot, visible } from './support/app';
import { kDesktop, kTablet, launchBrowser } from './support/browser';
import { apiAction, sendDermatologyConsult } from './support/api';
import { startServer, type TestServer } from './support/server.mjs';

let server: TestServer;
let browser: Browser;
let answered: { id: number; number: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The demo leaves the dermatology pool empty; the pool screen needs something in it.
  // The GP's consult view is shown with an answer in it.
  await sendDermatologyConsult(server, 'Nagelafwijking duim: schimmel of psoriasis?');
  answered = await sendDermatologyConsult(server, 'Pigmentlaesie rug: past dit bij seborroïsche keratose?');
  await apiAction(server, 'specialist.mulder', answered.id, 'claim');
  await apiAction(server, 'specialist.mulder', answered.id, 'advice', {
    recommendation: 'primary_care',
    body: 'Past bij seborroïsche keratose. Geen verwijzing nodig; bij groei of bloeden opnieuw beoordelen.',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport = kDesktop): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

/** Checks and photographs the screen once its heading is there and its data has loaded. */
async function checkScreen(page: Page, name: string) {
  await visible(page.getByRole('heading', { level: 1 }));
  await loaded(page);
  await expectAccessible(page, name);
  await saveScreenshot(page, name);
}

describe('accessibility and screenshots of the main screens', () => {
  it('login', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await checkScreen(page, 'login');
    await page.context().close();
  });

  it('outbox, new consult (desktop and tablet) and consult view of the GP', async () => {
    const page = await newPage();
    await logIn(page, server, 'huisarts.devries');
    await visible(page.getByRole('table'));
    await checkScreen(page, 'outbox');

    await page.getByRole('link', { name: 'Nieuw consult' }).first().click();
    await page.getByLabel('Specialisme').selectOption({ label: 'Dermatologie' });
    await page.getByLabel('Vraag aan de specialist').fill('Handeczeem: contactallergie uitzoeken of eerst behandelen?');
    await checkScreen(page, 'new-consult');
    await page.setViewportSize(kTablet);
    await checkScreen(page, 'new-consult-tablet');
    await page.setViewportSize(kDesktop);

    await page.getByRole('link', { name: 'Verzonden consulten' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('answered');
    await page.getByRole('link', { name: answered.number }).click();
    await visible(page.getByRole('heading', { name: 'Advies', level: 2 }));
    await checkScreen(page, 'consult-gp');
    await page.context().close();
  });

  it('pool, inbox and consult view of the specialist', async () => {
    const page = await newPage();
    await logIn(page, server, 'specialist.smit');
    await visible(page.getByRole('table'));
    await checkScreen(page, 'pool');

    await page.getByRole('row').nth(1).getByRole('link').first().click();
    await visible(page.getByRole('button', { name: 'Oppakken' }));
    await checkScreen(page, 'consult-specialist');

    await page.getByRole('link', { name: 'Mijn consulten' }).click();
    await checkScreen(page, 'inbox');
    await page.context().close();
  });

  it('results dashboard of the region office coordinator', async () => {
    const page = await newPage();
    await logIn(page, server, 'coordinator.rijnmond', 'nl', '/resultaten');
    await visible(page.locator('[data-chart="trend"] svg'));
    await visible(page.locator('[data-chart="specialty"] svg'));
    await checkScreen(page, 'resultaten');
    await page.context().close();
  });

  it('access log of the privacy officer', async () => {
    const page = await newPage();
    await logIn(page, server, 'privacy.kralingen', 'nl', '/access-log');
    await visible(page.getByRole('table'));
    await checkScreen(page, 'toegangslog');
    await page.context().close();
  });
});
