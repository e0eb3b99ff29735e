// The fee statements in the browser, against the demo's past year (every month approved by the
// region office but last month, which waits): the care group's coordinator finds "Declaraties" in
// the menu, which opens on last month; opens an open statement and reads its lines; approves it
// after the confirmation, after which it says by whom; downloads its CSV (the first line on screen
// is a row of it) and PDF; and, back on the month, downloads the export for the insurer, as CSV
// and in Vektis's EI layout, both with that consult's line. Both screens are checked with axe-core.
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatMonth, lastMonth } from '../src/fees/month';
import { checkScreen, logIn, menuLink, valueOf, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kCoordinator = 'coordinator.zorggroep';
const kCoordinatorName = 'Marieke de Groot';
const kInsurer = 'Zilveren Kruis';
const kCsvHeader = '"regel","maand","consult","zijde","soort","prestatiecode"';

/** Presses `button` and returns what the browser saved, with its text. */
async function download(page: Page, button: Locator): Promise<{ file: Download; text: string }> {
  const saved = page.waitForEvent('download');
  await button.click();
  const file = await saved;
  return { file, text: await readFile((await file.path())!, 'utf8') };
}

describe('fee statements', () => {
  it("lets the coordinator approve last month's statement and download it and the insurer's export", async () => {
    const month = lastMonth();
    const monthText = formatMonth(month, 'nl');
    const page = await suite.newPage();
    await logIn(page, suite.server, kCoordinator, 'nl', '/declaraties');
    await page.waitForURL(/\/declaraties$/);
    await visible(menuLink(page, 'Declaraties'));

    // Last month, with at least one statement still open.
    const statements = page.getByRole('table', { name: `Declaraties ${monthText}` });
    const openRow = statements.getByRole('row').filter({ hasText: 'Open' }).first();
    await visible(openRow);
    await checkScreen(page, 'fee statements');
    const link = openRow.getByRole('link');
    const organisation = (await link.textContent())!;
    await link.click();
    await page.waitForURL(new RegExp(`/declaraties/\\d+/${month}$`));

    await visible(page.getByRole('heading', { level: 1, name: `Declaratie ${organisation}, ${monthText}` }));
    expect(await valueOf(page, 'Status').textContent()).toBe('Open');
    const lines = page.getByRole('table', { name: `Regels van ${organisation}, ${monthText}` });
    const firstLine = lines.getByRole('row').nth(1);
    await visible(firstLine);
    const consultNumber = (await firstLine.getByRole('cell').first().textContent())!.trim();
    expect(consultNumber).toMatch(/^MK-\d{4}-\d{5,}$/);
    await checkScreen(page, 'fee statement');

    // Approved after the confirmation; then it says by whom, and offers no approval any more.
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Declaratie goedkeuren' });
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Goedkeuren' }).click();
    await visible(page.getByText('De declaratie is goedgekeurd.'));
    const status = valueOf(page, 'Status');
    await visible(status.getByText('Goedgekeurd', { exact: true }));
    expect(await status.textContent()).toContain(`door ${kCoordinatorName} op `);
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);

    // The CSV holds the line the screen shows first; the PDF is one.
    const csv = await download(page, page.getByRole('button', { name: 'Downloaden als CSV' }));
    expect(csv.file.suggestedFilename()).toMatch(new RegExp(`^declaratie-\\d+-${month}\\.csv$`));
    const [header, ...rows] = csv.text.trim().split(/\r?\n/);
    expect(header!.startsWith(kCsvHeader)).toBe(true);
    const row = rows.find((r) => r.includes(`"${consultNumber}"`));
    expect(row).toBeDefined();
    expect(row).toContain(`"${month}"`);
    const pdf = await download(page, page.getByRole('button', { name: 'Downloaden als PDF' }));
    expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(pdf.text.startsWith('%PDF-')).toBe(true);

    // The insurer's export of the month, now that the statement is approved, holds its line too.
    await page.getByRole('link', { name: 'Terug naar de declaraties' }).click();
    await page.waitForURL((url) => url.pathname === '/declaraties' && url.searchParams.get('maand') === month);
    const exportSection = page.getByRole('region', { name: 'Export voor verzekeraar' });
    const insurer = exportSection.getByLabel('Verzekeraar');
    await insurer.locator('option', { hasText: kInsurer }).waitFor({ state: 'attached' });
    await insurer.selectOption({ label: kInsurer });
    expect(await exportSection.getByLabel('Maand').inputValue()).toBe(month);
    const insurerCsv = await download(page, exportSection.getByRole('button', { name: 'Downloaden als CSV' }));
    expect(insurerCsv.file.suggestedFilename()).toMatch(new RegExp(`^verzekeraar-\\d+-${month}\\.csv$`));
    expect(insurerCsv.text.startsWith(kCsvHeader)).toBe(true);
    expect(insurerCsv.text).toContain(`"${consultNumber}"`);
    expect(insurerCsv.text).toContain(`"${kInsurer}"`);
    const ei = await download(page, exportSection.getByRole('button', { name: 'Downloaden als Vektis EI' }));
    expect(ei.file.suggestedFilename()).toMatch(new RegExp(`^verzekeraar-\\d+-${month}-ei\\.txt$`));
    const records = ei.text.split('\r\n').filter(Boolean);
    expect(records[0]!.startsWith('01MEEKIJK')).toBe(true);
    expect(records.some((r) => r.startsWith('04') && r.includes(consultNumber))).toBe(true);
    expect(records.at(-1)!.startsWith('99')).toBe(true);
    await page.context().close();
  });
});
