// The triple-aim dashboard in the browser, against the demo region. The region office's
// coordinator finds "Resultaten" in the menu and opens /resultaten: the twelve months up to today,
// the total's figures as cards (the consults as the server counted them), the trend per month and
// the figures per specialty drawn as SVG charts hidden from screen readers, each with its table;
// the CSV link carrying the question, which downloads the server's CSV, and the Excel sheet made in
// the page; checked with axe-core.
// The insurer's analyst lands on the dashboard from "/" and sees figures only, no consult number
// anywhere; photographed.
import { readFile } from 'node:fs/promises';
import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TripleAimReport } from '../src/results/api';
import { formatCount } from '../src/results/format';
import { sendDermatologyConsult } from './support/api';
import { expectAccessible, loaded, logIn, saveScreenshot, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kReportPath = '/api/v1/reports/triple-aim';
const kConsultNumber = /MK-\d{4}-/;
/** The server's CSV: a heading row, the total, a row per group. */
const kCsvHeading = /^\uFEFF?"?groep"?,"?naam"?,/;

/** The report the page asks for grouped by `groupBy`. */
function isReport(groupBy: string) {
  return (response: Response) => {
    const url = new URL(response.url());
    return url.pathname === kReportPath && url.searchParams.get('group_by') === groupBy && response.request().method() === 'GET';
  };
}

/** Waits until both charts are drawn and both tables are there. */
async function dashboardShown(page: Page) {
  await visible(page.getByRole('heading', { name: 'Resultaten', level: 1 }));
  for (const chart of ['trend', 'specialty']) {
    await visible(page.locator(`[data-chart="${chart}"] svg`));
    expect(await page.locator(`[data-chart="${chart}"]`).getAttribute('aria-hidden')).toBe('true');
  }
  await visible(page.getByRole('table', { name: 'Per maand', exact: true }));
  await visible(page.getByRole('table', { name: 'Per specialisme', exact: true }));
  await loaded(page);
}

/** Opens /resultaten as `username` and returns the report per month the page was given. */
async function openDashboard(page: Page, username: string, target = '/resultaten'): Promise<TripleAimReport> {
  const answer = page.waitForResponse(isReport('month'));
  await logIn(page, suite.server, username, 'nl', target);
  const response = await answer;
  expect(response.status()).toBe(200);
  await dashboardShown(page);
  return (await response.json()) as TripleAimReport;
}

describe('results dashboard', () => {
  it("shows the region office's coordinator the figures as cards, charts and tables", async () => {
    const page = await suite.newPage();
    let report = await openDashboard(page, 'coordinator.rijnmond');
    // A figure needs enough consults to be reported; the demo's own may be too few.
    if (report.total.suppressed) {
      for (let i = 0; i < report.min_group_size; i += 1) {
        await sendDermatologyConsult(suite.server, `Seborroïsche keratose of naevus? (resultaten ${i + 1})`);
      }
      const again = page.waitForResponse(isReport('month'));
      await page.reload();
      report = (await (await again).json()) as TripleAimReport;
      await dashboardShown(page);
    }
    expect(report.total.suppressed).toBe(false);

    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await visible(menu.getByRole('link', { name: 'Resultaten', exact: true }));
    const consults = page.locator('.mk-figure-card', { has: page.locator('dt', { hasText: /^Consulten$/ }) });
    expect(await consults.locator('.mk-figure-value').textContent()).toBe(formatCount(report.total.consults, 'nl'));

    // The table per month holds a row per month the server reported.
    const months = page.getByRole('table', { name: 'Per maand', exact: true }).locator('tbody tr');
    expect(await months.count()).toBe(report.groups.length);

    const csv = page.getByRole('link', { name: 'CSV downloaden' });
    const href = new URL((await csv.getAttribute('href'))!, suite.server.url);
    expect(href.pathname).toBe(kReportPath);
    expect(Object.fromEntries(href.searchParams)).toEqual({ from: report.from, to: report.to, group_by: 'month', format: 'csv' });
    const download = page.waitForEvent('download');
    await csv.click();
    const csvText = await readFile((await (await download).path())!, 'utf8');
    expect(csvText).toMatch(kCsvHeading);
    expect(csvText.split('\n').filter((line) => line.trim()).length).toBe(report.groups.length + 2);

    // The Excel sheet is made in the page, under the app's CSP: a zip archive (an .xlsx is one).
    const sheet = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Excel downloaden (XLSX)' }).click();
    const xlsx = await sheet;
    expect(xlsx.suggestedFilename()).toBe(`resultaten-${report.from}-${report.to}-maand.xlsx`);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');

    await expectAccessible(page, 'results');
    await page.context().close();
  });

  it('takes the analyst of the insurer from "/" to the dashboard, with figures and no consult', async () => {
    const page = await suite.newPage();
    await openDashboard(page, 'analist.zilverenkruis', '/');
    expect(new URL(page.url()).pathname).toBe('/resultaten');
    expect(await page.locator('body').innerText()).not.toMatch(kConsultNumber);
    await expectAccessible(page, 'results, analyst');
    // The coordinator's dashboard is photographed with the other main screens (a11y.e2e.ts).
    await saveScreenshot(page, 'resultaten-analist');
    await page.context().close();
  });
});
