// The privacy officer's access log in the browser (NEN 7513): a GP of the practice opens a
// consult and is offered no access log; the privacy officer logs in with password and code, lands
// on the access log, finds the GP's read by the consult number, and exports the rows as
// toegangslog.csv, giving password and code again when the server asks (the export needs them
// from the last five minutes); the export shows in the log itself.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sendDermatologyConsult } from './support/api';
import { expectAccessible, logIn, visible } from './support/app';
import { kDemoPassword } from './support/server.mjs';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kTexts = {
  title: 'Toegangslog',
  consultNumber: 'Consultnummer',
  search: 'Zoeken',
  export: 'Exporteren als CSV',
  exported: 'De export is gedownload als toegangslog.csv.',
  code: 'Code uit uw authenticator-app',
  confirm: 'Bevestigen en doorgaan',
} as const;
const kCsvHeader = 'id,at,user_id,username,';

describe('access log', () => {
  it('shows the privacy officer who read a consult, and exports it as CSV after re-authentication', async () => {
    const consult = await sendDermatologyConsult(suite.server, 'Verruca plantaris: cryotherapie of afwachten?');

    // The GP reads the consult (logged as consult.read) and has no access log in the menu.
    const gp = await suite.newPage();
    await logIn(gp, suite.server, 'huisarts.devries', 'nl', `/consults/${consult.id}`);
    await visible(gp.getByRole('heading', { name: `Consult ${consult.number}`, level: 1 }));
    await visible(gp.getByRole('link', { name: 'Verzonden consulten' }));
    expect(await gp.getByRole('link', { name: kTexts.title }).count()).toBe(0);
    await gp.context().close();

    const page = await suite.newPage();
    await logIn(page, suite.server, 'privacy.kralingen');
    await page.waitForURL(/\/access-log$/);
    await visible(page.getByRole('heading', { name: kTexts.title, level: 1 }));
    await visible(page.getByRole('link', { name: kTexts.title }));

    await page.getByLabel(kTexts.consultNumber).fill(consult.number);
    await page.getByRole('button', { name: kTexts.search }).click();
    await page.waitForURL((url) => url.searchParams.get('patient') === consult.number);
    const read = page.getByRole('row').filter({ hasText: 'huisarts.devries' }).filter({ hasText: 'Consult ingezien' });
    await visible(read.first());
    expect(await read.first().textContent()).toContain(consult.number);
    // Every row is about this consult (the header row aside).
    const rows = page.getByRole('table').getByRole('row');
    const texts = (await rows.allTextContents()).slice(1);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text).toContain(consult.number);
    await expectAccessible(page, 'access log');

    // The password was given just now; the server's five minutes cannot pass in a test, so its
    // first answer to the export is the one it gives afterwards.
    let asked = false;
    await page.route('**/api/v1/access-log/export?*', async (route) => {
      if (asked) return route.continue();
      asked = true;
      await route.fulfill({
        status: 403,
        json: { error: { code: 'reauthentication_required', message: 'Geef voor deze handeling opnieuw uw wachtwoord en code.' } },
      });
    });
    await page.getByRole('button', { name: kTexts.export }).click();
    const password = page.getByLabel('Wachtwoord');
    await visible(password);
    await expectAccessible(page, 'access log, re-authentication');
    await password.fill(kDemoPassword);
    await page.getByLabel(kTexts.code).fill(await suite.server.nextOtp('privacy.kralingen'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: kTexts.confirm }).click();

    const file = await download;
    expect(file.suggestedFilename()).toBe('toegangslog.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.startsWith(kCsvHeader)).toBe(true);
    expect(csv).toContain(consult.number);
    expect(csv).toContain('"consult.read"');
    await visible(page.getByText(kTexts.exported));

    // The export is itself in the log, under the same consult number.
    await page.getByRole('button', { name: kTexts.search }).click();
    await visible(page.getByRole('row').filter({ hasText: 'privacy.kralingen' }).filter({ hasText: 'Toegangslog geëxporteerd' }));
    await page.context().close();
  });
});
