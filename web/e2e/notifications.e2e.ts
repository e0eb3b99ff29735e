// Notifications in the browser: the GP sends a dermatology consult and the specialist of the pool
// sees the badge beside "Meldingen" count it within a few polls, finds "Nieuwe consultatie" with
// the consult's number on /meldingen, opens the consult from there and sees the count drop (the
// server marks the consult's notifications read). The specialist turns mail for new consults off,
// and the choice is still there after a reload; records an absence for next week and reads the
// pool's roster. The hospital coordinator sets next week's roster of the dermatology pool (one
// member on duty; the absent one marked) and finds it saved after a reload, and looks at the
// outgoing mail and tries one again. /meldingen, /afwezigheid, /uitgaande-email and the roster on
// /pools are checked with axe-core.
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatWeek, isoWeekOf, mondayOf, shiftWeek } from '../src/lib/isoWeek';
import { sendDermatologyConsult } from './support/api';
import { expectAccessible, loaded, logIn, saveScreenshot, visible } from './support/app';
import { kDesktop } from './support/browser';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kPool = 'Dermatologie Maasstad';
const kSmit = 'Dr. Eva Smit, dermatoloog';
const kMulder = 'Dr. Joost Mulder, dermatoloog';
const kPollMs = 20_000;

async function pageFor(username: string, target: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: kDesktop })).newPage();
  await logIn(page, suite.server, username, 'nl', target);
  return page;
}

/** Once the screen's heading is there and its data has loaded: axe-core, and a screenshot if named. */
async function checkScreen(page: Page, screen: string, screenshot?: string) {
  await visible(page.getByRole('heading', { level: 1 }));
  await loaded(page);
  await expectAccessible(page, screen);
  if (screenshot) await saveScreenshot(page, screenshot);
}

function menu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

function notificationsLink(page: Page): Locator {
  return menu(page).getByRole('link', { name: /^Meldingen/ });
}

/** The unread count as the badge's link says it ("Meldingen, 3 ongelezen"); 0 for "Meldingen". */
async function unreadCount(page: Page): Promise<number> {
  const link = notificationsLink(page);
  const name = (await link.locator('.mk-visually-hidden').textContent()) ?? '';
  // The name as Chromium hands it to a screen reader is that sentence alone.
  expect(await menu(page).getByRole('link', { name, exact: true }).count()).toBe(1);
  if (name === 'Meldingen') return 0;
  const match = /^Meldingen, (\d+) ongelezen$/.exec(name);
  expect(match, name).not.toBeNull();
  // The badge shows the same number.
  expect(await link.locator('.mk-count').textContent()).toBe(match![1]);
  return Number(match![1]);
}

function isCall(method: string, path: RegExp) {
  return (response: Response) => response.request().method() === method && path.test(new URL(response.url()).pathname);
}

/** YYYY-MM-DD of the day `offset` days after the Monday of `week`. */
function dayOf(week: string, offset: number): string {
  return new Date(mondayOf(week)! + offset * 86_400_000).toISOString().slice(0, 10);
}

// Next week, where the browser is (the server counts weeks the same way on this machine).
const kNextWeek = shiftWeek(isoWeekOf(new Date()), 1);

describe('notifications', () => {
  it('counts a new consult for the specialist, lists it, and reads it by opening the consult', async () => {
    const specialist = await pageFor('specialist.smit', '/pool');
    await visible(notificationsLink(specialist));
    // The first count has come once the link names it (the demo leaves some unread).
    await expect.poll(() => unreadCount(specialist), { timeout: kPollMs }).toBeGreaterThan(0);
    const before = await unreadCount(specialist);

    const consult = await sendDermatologyConsult(suite.server, 'Plaque met schilfering elleboog: psoriasis of eczeem?');
    await expect.poll(() => unreadCount(specialist), { timeout: kPollMs }).toBe(before + 1);

    await notificationsLink(specialist).click();
    await specialist.waitForURL(/\/meldingen$/);
    const row = specialist.getByRole('row').filter({ has: specialist.getByRole('link', { name: consult.number, exact: true }) });
    await visible(row);
    const text = (await row.textContent()) ?? '';
    for (const part of ['Nieuwe consultatie', 'Ongelezen', 'Dermatologie']) expect(text).toContain(part);
    expect(await specialist.getByText(`${before + 1} ongelezen meldingen.`).count()).toBe(1);
    await checkScreen(specialist, 'notifications', 'meldingen');

    await row.getByRole('link', { name: consult.number, exact: true }).click();
    await specialist.waitForURL(new RegExp(`/consults/${consult.id}$`));
    await visible(specialist.getByRole('heading', { name: `Consult ${consult.number}`, level: 1 }));
    await expect.poll(() => unreadCount(specialist), { timeout: kPollMs }).toBe(before);

    await notificationsLink(specialist).click();
    const readRow = specialist.getByRole('row').filter({ has: specialist.getByRole('link', { name: consult.number, exact: true }) });
    await visible(readRow);
    await expect.poll(async () => (await readRow.textContent()) ?? '').not.toContain('Ongelezen');
    await specialist.context().close();
  });

  it('keeps the choice "Geen e-mail" for new consults after a reload', async () => {
    const specialist = await pageFor('specialist.smit', '/meldingen');
    const newConsults = specialist.getByRole('radiogroup', { name: 'Nieuwe consultatie' });
    await visible(newConsults);
    expect(await newConsults.getByLabel('Direct').isChecked()).toBe(true);
    await newConsults.getByLabel('Geen e-mail').check();
    const saved = specialist.waitForResponse(isCall('PATCH', /^\/api\/v1\/me\/notification-settings$/));
    await specialist.getByRole('button', { name: 'E-mailkeuzes opslaan' }).click();
    const response = await saved;
    expect(response.status()).toBe(200);
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({
      language: 'nl', digest_hour: 8, kinds: [{ kind: 'consult_sent', delivery: 'off' }],
    });
    await visible(specialist.getByRole('status').filter({ hasText: 'Uw e-mailkeuzes zijn opgeslagen.' }));

    await specialist.reload();
    const again = specialist.getByRole('radiogroup', { name: 'Nieuwe consultatie' });
    await visible(again);
    expect(await again.getByLabel('Geen e-mail').isChecked()).toBe(true);
    expect(await again.getByLabel('Direct').isChecked()).toBe(false);
    await specialist.context().close();
  });

  it("records the specialist's absence next week and shows the pool's roster to the member", async () => {
    const specialist = await pageFor('specialist.smit', '/pool');
    await menu(specialist).getByRole('link', { name: 'Afwezigheid', exact: true }).click();
    await specialist.waitForURL(/\/afwezigheid$/);
    await visible(specialist.getByRole('heading', { name: `Rooster ${kPool}`, level: 3 }));
    await checkScreen(specialist, 'absences', 'afwezigheid');

    // Refused in the browser without the days, at each field.
    await specialist.getByRole('button', { name: 'Vastleggen' }).click();
    await visible(specialist.getByText('‘Eerste dag’ is verplicht.'));

    await specialist.getByLabel(/^Eerste dag/).fill(dayOf(kNextWeek, 0));
    await specialist.getByLabel(/^Laatste dag/).fill(dayOf(kNextWeek, 1));
    await specialist.getByRole('radiogroup', { name: /^Reden/ }).getByLabel('Vakantie').check();
    const added = specialist.waitForResponse(isCall('POST', /^\/api\/v1\/absences$/));
    await specialist.getByRole('button', { name: 'Vastleggen' }).click();
    expect((await added).status()).toBe(201);
    await visible(specialist.getByRole('status').filter({ hasText: 'De afwezigheid is vastgelegd.' }));
    const list = specialist.getByRole('region', { name: 'Vastgelegde afwezigheid' });
    await visible(list.getByRole('rowheader', { name: kSmit }));
    expect(await list.getByRole('row').nth(1).textContent()).toContain('Vakantie');

    // The member reads the roster; next week it marks the absence.
    const roster = specialist.getByRole('region', { name: `Rooster ${kPool}` });
    expect(await roster.getByRole('checkbox').count()).toBe(0);
    await roster.getByRole('button', { name: 'Volgende week' }).click();
    await visible(roster.getByText(formatWeek(kNextWeek, 'nl'), { exact: true }));
    await visible(roster.getByRole('rowheader', { name: `${kSmit} afwezig` }));
    await specialist.context().close();
  });

  it("lets the coordinator set next week's roster of the dermatology pool", async () => {
    const coordinator = await pageFor('coordinator.maasstad', '/pools');
    const poolRow = coordinator.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: kPool, exact: true }) });
    await visible(poolRow);
    const thisWeek = coordinator.waitForResponse(isCall('GET', /^\/api\/v1\/pools\/\d+\/roster$/));
    await poolRow.getByRole('button', { name: /^Rooster/ }).click();
    const panel = coordinator.getByRole('region', { name: `Rooster ${kPool}` });
    const current = JSON.parse(await (await thisWeek).text()) as { week: string };
    await visible(panel.getByText(formatWeek(current.week, 'nl'), { exact: true }));
    expect(await panel.getByRole('heading', { level: 2 }).evaluate((el) => el === document.activeElement)).toBe(true);
    await checkScreen(coordinator, 'pool roster', 'rooster');

    await panel.getByRole('button', { name: 'Volgende week' }).click();
    const next = shiftWeek(current.week, 1);
    await visible(panel.getByText(formatWeek(next, 'nl'), { exact: true }));
    await visible(panel.getByRole('rowheader', { name: `${kSmit} afwezig` }));
    const mulder = panel.getByRole('checkbox', { name: `Dienst ${kMulder}` });
    expect(await mulder.isChecked()).toBe(false);
    await mulder.check();
    const put = coordinator.waitForResponse(isCall('PUT', /^\/api\/v1\/pools\/\d+\/roster$/));
    await panel.getByRole('button', { name: 'Rooster opslaan' }).click();
    const response = await put;
    expect(response.status()).toBe(200);
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ week: next, user_ids: [7] });
    await visible(panel.getByRole('status').filter({ hasText: `Het rooster van week ${Number(next.slice(6))} is opgeslagen.` }));

    // Closing gives the focus back to the row's button; after a reload the roster is as saved.
    await panel.getByRole('button', { name: 'Sluiten' }).click();
    expect(await poolRow.getByRole('button', { name: /^Rooster/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    await coordinator.reload();
    await poolRow.getByRole('button', { name: /^Rooster/ }).click();
    await panel.getByRole('button', { name: 'Volgende week' }).click();
    await visible(panel.getByText(formatWeek(next, 'nl'), { exact: true }));
    await expect.poll(() => panel.getByRole('checkbox', { name: `Dienst ${kMulder}` }).isChecked()).toBe(true);
    expect(await panel.getByRole('checkbox', { name: `Dienst ${kSmit}` }).isChecked()).toBe(false);
    await coordinator.context().close();
  });

  it('shows the coordinator the outgoing mail by status and tries one again', async () => {
    const coordinator = await pageFor('coordinator.maasstad', '/overzicht');
    await menu(coordinator).getByRole('link', { name: 'Uitgaande e-mail', exact: true }).click();
    await coordinator.waitForURL(/\/uitgaande-email$/);
    const status = coordinator.getByLabel('Status');
    expect(await status.inputValue()).toBe('dead');
    // Without a mail server (as in this test) nothing fails: the mails wait.
    await visible(coordinator.getByText('Er zijn geen e-mails die niet konden worden afgeleverd.'));
    await checkScreen(coordinator, 'outgoing mail');

    await status.selectOption('pending');
    await coordinator.waitForURL(/\/uitgaande-email\?status=pending$/);
    const first = coordinator.getByRole('row').nth(1);
    await visible(first);
    const recipient = (await first.getByRole('cell').nth(1).textContent()) ?? '';
    expect(recipient).toContain('@');
    const retried = coordinator.waitForResponse(isCall('POST', /^\/api\/v1\/outbox\/\d+\/retry$/));
    await first.getByRole('button', { name: /^Opnieuw proberen/ }).click();
    expect((await retried).status()).toBe(200);
    await visible(coordinator.getByRole('status').filter({ hasText: `De e-mail aan ${recipient} wordt opnieuw verstuurd.` }));
    await checkScreen(coordinator, 'outgoing mail, waiting', 'uitgaande-email');
    await coordinator.context().close();
  });
});
