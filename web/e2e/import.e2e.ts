// Importing in the browser: the coordinator of Zorggroep Rijnmond Zuid opens "Importeren" from the
// main menu, chooses practitioners (the expected columns are shown) and a CSV file with one good
// row, a GP for its practice Gezondheidscentrum Zuidplein, and one for a practice of the other care
// group, which it does not coordinate. The dry run reports 1 added and the other row rejected by
// its line, and stores nothing; the real import then adds the one and rejects the other again.
// The screen, with its report, is checked with axe-core.
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, loaded, logIn, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kZuidplein = '01012346'; // Gezondheidscentrum Zuidplein, of Zorggroep Rijnmond Zuid
const kSchiedam = '01023456'; // Huisartsenpraktijk Schiedam-Noord, of the other care group
const kColumns = 'agb,username,display_name,email,organisation_agb,role';
const kCsv = [
  kColumns,
  `01099001,huisarts.meijer,Dr. Eline Meijer,e.meijer@example.nl,${kZuidplein},gp`,
  `01099002,huisarts.kok,Dr. Bram Kok,b.kok@example.nl,${kSchiedam},gp`,
].join('\n') + '\n';

function isImport(dryRun: boolean) {
  return (response: Response) => {
    const url = new URL(response.url());
    return response.request().method() === 'POST' && url.pathname === '/api/v1/imports/practitioners' &&
      url.searchParams.get('dry_run') === String(dryRun);
  };
}

/** Once the screen's heading is there and its data has loaded: axe-core. */
async function checkScreen(page: Page, screen: string) {
  await visible(page.getByRole('heading', { level: 1 }));
  await loaded(page);
  await expectAccessible(page, screen);
}

/** The report's rejected rows as [line, reason]. */
async function rejectedRows(page: Page): Promise<string[][]> {
  const rows = page.getByRole('table', { name: 'Afgewezen regels' }).getByRole('row');
  const texts: string[][] = [];
  for (const row of (await rows.all()).slice(1)) {
    texts.push(await row.locator('th, td').allTextContents());
  }
  return texts;
}

describe('import', () => {
  it('lets a coordinator dry-run and then import practitioners, rejecting a row outside the care group', async () => {
    const page = await suite.newPage();
    await logIn(page, suite.server, 'coordinator.zorggroep');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Importeren', exact: true }).click();
    await page.waitForURL(/\/importeren$/);
    await visible(page.getByRole('heading', { level: 1, name: 'Importeren' }));
    await checkScreen(page, 'import');

    const what = page.getByRole('radiogroup', { name: 'Wat wilt u importeren?' });
    await what.getByLabel('Zorgverleners').check();
    await visible(what.getByText(kColumns, { exact: true }));
    await page.getByLabel('CSV-bestand').setInputFiles({ name: 'zorgverleners.csv', mimeType: 'text/csv', buffer: Buffer.from(kCsv) });

    const dryRun = page.waitForResponse(isImport(true));
    await page.getByRole('button', { name: 'Proefimport (niets opslaan)' }).click();
    const dryAnswer = await dryRun;
    expect(dryAnswer.status()).toBe(200);
    expect(dryAnswer.request().headers()['content-type']).toBe('text/csv');
    expect(dryAnswer.request().headers()['x-csrf-token']).toBeTruthy();
    expect(dryAnswer.request().postData()).toBe(kCsv);
    await visible(page.getByRole('status').filter({ hasText: 'Proefimport: er is niets opgeslagen.' }));
    await visible(page.getByText('1 toegevoegd, 0 gewijzigd, 0 ongewijzigd'));
    const dryRejected = await rejectedRows(page);
    expect(dryRejected).toHaveLength(1);
    expect(dryRejected[0]![0]).toBe('3');
    expect(dryRejected[0]![1]).not.toBe('');
    await checkScreen(page, 'import dry run report');

    const stored = page.waitForResponse(isImport(false));
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    expect((await stored).status()).toBe(200);
    await visible(page.getByRole('status').filter({ hasText: 'De import is opgeslagen.' }));
    await visible(page.getByText('1 toegevoegd, 0 gewijzigd, 0 ongewijzigd'));
    const rejected = await rejectedRows(page);
    expect(rejected.map(([line]) => line)).toEqual(['3']);
    await checkScreen(page, 'import report');
    await page.context().close();
  });
});
