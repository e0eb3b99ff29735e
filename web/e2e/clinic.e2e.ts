// The physical meekijkconsult in the browser, against the demo's dermatology sessions (Dr. Eva
// Smit at Kralingen, every second week from the next working day, four slots from 13:00; the first
// full with one waiting, the second with slot 2 booked). The GP writes a physical consult through
// the form, sends it, books the first free slot of the second session from the consult's page and
// sees the booking there; the GP's calendar address is the site's own, with the feed behind it.
// The specialist finds the session on /spreekuren, its slots and day list, is refused "Gezien"
// before the day in the server's words, opens the consult from the day list and advises; the GP
// closes it. The hospital coordinator reads the fill rates ("4 van 4") and plans a weekly series
// across a public holiday, which is reported as skipped. Every new screen is checked with axe-core.
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays, formatDay } from '../src/clinic/clinicTime';
import { apiToken } from './support/api';
import { checkScreen, logIn, menuLink, valueOf, visible } from './support/app';
import { kDesktop } from './support/browser';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kSmit = 'Dr. Eva Smit, dermatoloog';
const kLocation = 'Huisartsenpraktijk Kralingen, Oudedijk 120, spreekkamer 3';
const kQuestion = 'Verruceuze afwijking hiel: meekijken op het spreekuur of eerst cryotherapie?';
const kPollMs = 20_000;

/** What the tests learn on the way: the demo's sessions, and the consult the GP writes. */
const state = { sessions: [] as { id: number; day: string }[], consult: { id: 0, number: '' } };

async function pageFor(username: string, target: string): Promise<Page> {
  const page = await (await suite.browser.newContext({ viewport: kDesktop })).newPage();
  await logIn(page, suite.server, username, 'nl', target);
  return page;
}

function statusBadge(page: Page, text: string): Locator {
  return page.locator('.mk-status', { hasText: text });
}

function isCall(method: string, path: RegExp) {
  return (response: Response) => response.request().method() === method && path.test(new URL(response.url()).pathname);
}

/** The demo's sessions of the next months, soonest first, as the coordinator sees them. */
async function demoSessions(): Promise<{ id: number; day: string }[]> {
  const token = await apiToken(suite.server, 'coordinator.maasstad');
  const today = new Date().toISOString().slice(0, 10);
  const response = await fetch(`${suite.server.url}/api/v1/clinic-sessions?from=${today}&to=${addDays(today, 120)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: { id: number; day: string }[] }).items;
}

/**
 * A working day more than a week ahead whose next week's day is a public holiday: 18 December of
 * the first year (this one or later) whose Christmas falls on a weekday. A weekly series from it
 * skips Christmas.
 */
function dayBeforeHoliday(now = new Date()): { start: string; holiday: string } {
  for (let year = now.getFullYear(); ; year++) {
    const christmas = `${year}-12-25`;
    const weekday = new Date(`${christmas}T00:00:00Z`).getUTCDay();
    const start = addDays(christmas, -7);
    if (weekday >= 1 && weekday <= 5 && new Date(`${start}T00:00:00Z`).getTime() > now.getTime() + 7 * 86_400_000) {
      return { start, holiday: christmas };
    }
  }
}

describe('the physical meekijkconsult', () => {
  it('lets the GP write a physical consult and book the first free slot of the second session', async () => {
    state.sessions = await demoSessions();
    expect(state.sessions.length).toBeGreaterThanOrEqual(3);
    const second = state.sessions[1]!;

    const gp = await pageFor('huisarts.devries', '/consults/new');
    await gp.getByLabel('Specialisme').selectOption({ label: 'Dermatologie' });
    await gp.getByRole('radiogroup', { name: /^Vorm/ }).getByLabel('Fysiek (meekijkspreekuur)').check();
    await gp.getByLabel('Geboortejaar').fill('1971');
    await gp.getByRole('radiogroup', { name: 'Geslacht' }).getByLabel('Man').check();
    const icpc = gp.getByRole('combobox', { name: 'Reden (ICPC-code)' });
    await icpc.fill('wrat');
    await gp.getByRole('option', { name: /S03/ }).click();
    await expect.poll(() => icpc.inputValue()).toMatch(/^S03 – /);
    await gp.getByLabel('Vraag aan de specialist').fill(kQuestion);
    await gp.getByLabel('Klinische samenvatting').fill('Sinds een half jaar, pijnlijk bij lopen; salicylzuur zonder effect.');
    await gp.getByRole('radiogroup', { name: 'Had u de patiënt zonder dit consult verwezen?' }).getByLabel('Ja').check();
    await gp.getByLabel('De patiënt geeft toestemming om deze gegevens te delen').check();
    await gp.getByRole('button', { name: 'Versturen', exact: true }).click();

    await gp.waitForURL(/\/consults\/\d+$/);
    await visible(statusBadge(gp, 'Verstuurd'));
    state.consult.id = Number(/\/consults\/(\d+)$/.exec(gp.url())![1]);
    state.consult.number = /MK-\d{4}-\d+/.exec((await gp.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
    expect(state.consult.number).not.toBe('');

    const panel = gp.getByRole('region', { name: 'Meekijkspreekuur' });
    await visible(panel.getByText('De patiënt heeft nog geen tijdslot op het meekijkspreekuur.'));
    await panel.getByRole('button', { name: 'Tijdslot kiezen' }).click();
    const group = panel.getByRole('group', { name: `${formatDay(second.day, 'nl')}, 13:00–14:20` });
    await visible(group);
    // The full first session offers only its waiting list.
    const full = panel.getByRole('group', { name: `${formatDay(state.sessions[0]!.day, 'nl')}, 13:00–14:20` });
    expect(await full.getByRole('radio').count()).toBe(1);
    await visible(full.getByLabel(/^Op de wachtlijst/));
    // Slot 2 of the second session is taken: its first free slot is the first.
    expect(await group.getByRole('radio').count()).toBe(3);
    await checkScreen(gp, 'consult with the slot picker');

    await group.getByLabel('13:00–13:20').check();
    const booked = gp.waitForResponse(isCall('PUT', /^\/api\/v1\/consults\/\d+\/booking$/));
    await panel.getByRole('button', { name: 'Boeken' }).click();
    const response = await booked;
    expect(response.status()).toBe(200);
    expect(JSON.parse(response.request().postData() ?? '{}')).toHaveProperty('slot_id');
    await visible(panel.getByRole('status').filter({ hasText: `Geboekt: ${formatDay(second.day, 'nl')}, 13:00–13:20.` }));
    await expect.poll(() => valueOf(panel, 'Datum').textContent()).toBe(formatDay(second.day, 'nl'));
    expect(await valueOf(panel, 'Tijd').textContent()).toBe('13:00–13:20');
    expect(await valueOf(panel, 'Locatie').textContent()).toBe(kLocation);
    expect(await valueOf(panel, 'Specialist').textContent()).toBe(kSmit);
    // The session's specialist took the consult with the booking.
    await visible(statusBadge(gp, 'In behandeling'));
    await visible(panel.getByRole('button', { name: 'Boeking annuleren' }));
    await checkScreen(gp, 'consult with its booking');
    await gp.context().close();
  });

  it("gives the GP a calendar address on this site, whose feed has the booking", async () => {
    const gp = await pageFor('huisarts.devries', '/meldingen');
    const feed = gp.getByRole('region', { name: 'Agenda' });
    await visible(feed.getByText('U heeft nog geen agenda-adres.'));
    await feed.getByRole('button', { name: 'Agenda-adres maken' }).click();
    const address = feed.getByLabel('Uw agenda-adres');
    await visible(address);
    const url = await address.inputValue();
    expect(url.startsWith(`${suite.server.url}/api/v1/calendar/`)).toBe(true);
    await visible(feed.getByText(/Outlook, Google Agenda of Apple Agenda/));
    await checkScreen(gp, 'notifications with the calendar address');
    const calendar = await fetch(url);
    expect(calendar.headers.get('content-type')).toContain('text/calendar');
    expect(await calendar.text()).toContain(state.consult.number);
    await gp.context().close();
  });

  it('leads the specialist from the session to its day list and the consult, where the advice is given', async () => {
    const second = state.sessions[1]!;
    const day = formatDay(second.day, 'nl');
    const specialist = await pageFor('specialist.smit', '/pool');
    await menuLink(specialist, 'Spreekuren').click();
    await specialist.waitForURL(/\/spreekuren$/);
    const row = specialist.getByRole('row').filter({ has: specialist.getByRole('link', { name: day }) });
    await visible(row);
    expect(await row.getByRole('cell').last().textContent()).toBe('2 van 4');
    await checkScreen(specialist, 'sessions of the specialist');

    await row.getByRole('link', { name: day }).click();
    await specialist.waitForURL(new RegExp(`/spreekuren/${second.id}$`));
    await visible(specialist.getByRole('heading', { level: 1, name: `Spreekuur ${day}` }));
    const first = specialist.getByRole('table', { name: `Tijdsloten van ${day}` }).getByRole('row').nth(1);
    await visible(first.getByRole('link', { name: state.consult.number }));
    await checkScreen(specialist, 'session');

    await specialist.getByRole('link', { name: 'Daglijst openen' }).click();
    await specialist.waitForURL(new RegExp(`/spreekuren/${second.id}/daglijst$`));
    const patient = specialist.getByRole('region', { name: `13:00–13:20 · ${state.consult.number}` });
    await visible(patient.getByText(kQuestion));
    expect(await valueOf(patient, 'Patiënt').textContent()).toBe('Man, geboren in 1971');
    await checkScreen(specialist, 'day list');

    // The session lies ahead: who came is recorded on or after its day, says the server.
    await patient.getByRole('button', { name: 'Gezien' }).click();
    await visible(patient.getByRole('alert').filter({ hasText: 'Wie er kwam, legt u vast op of na de dag van het spreekuur.' }));

    await patient.getByRole('link', { name: `Consult ${state.consult.number} openen` }).click();
    await specialist.waitForURL(new RegExp(`/consults/${state.consult.id}$`));
    // The day list, with its own status badges, stays until the consult's page has loaded.
    await visible(specialist.getByRole('heading', { name: `Consult ${state.consult.number}`, level: 1 }));
    await visible(statusBadge(specialist, 'In behandeling'));
    await specialist.getByRole('radiogroup', { name: /^Aanbeveling/ }).getByLabel('Behandelen in de eerste lijn').check();
    await specialist.getByLabel(/^Uw advies/).fill('Past bij een verruca plantaris. Eerst cryotherapie elke twee weken; zo nodig toch op het spreekuur.');
    await specialist.getByRole('button', { name: 'Advies versturen' }).click();
    await visible(statusBadge(specialist, 'Beantwoord'));
    // The specialist reads the booking beside the consult, without its buttons.
    const panel = specialist.getByRole('region', { name: 'Meekijkspreekuur' });
    expect(await valueOf(panel, 'Tijd').textContent()).toBe('13:00–13:20');
    expect(await panel.getByRole('button').count()).toBe(0);
    await specialist.context().close();
  });

  it('lets the GP close the answered consult', async () => {
    const gp = await pageFor('huisarts.devries', `/consults/${state.consult.id}`);
    await visible(statusBadge(gp, 'Beantwoord'), kPollMs);
    await visible(gp.getByRole('heading', { name: 'Advies', level: 2 }));
    await gp.getByRole('radiogroup', { name: /^Hoe is het afgelopen\?/ }).getByLabel('Behandeld in de eerste lijn').check();
    await gp.getByRole('radiogroup', { name: /^Heeft u er iets van geleerd\?/ }).getByLabel('Ja').check();
    await gp.getByRole('radiogroup', { name: /^Uw waardering/ }).getByLabel('4 sterren').check();
    await gp.getByRole('button', { name: 'Consult afsluiten' }).click();
    await visible(statusBadge(gp, 'Afgesloten'));
    // A closed consult keeps its booking in view, with nothing left to change.
    const panel = gp.getByRole('region', { name: 'Meekijkspreekuur' });
    expect(await valueOf(panel, 'Tijd').textContent()).toBe('13:00–13:20');
    expect(await panel.getByRole('button').count()).toBe(0);
    await gp.context().close();
  });

  it("shows the coordinator the fill rates and reports the holiday a new series skips", async () => {
    const coordinator = await pageFor('coordinator.maasstad', '/overzicht');
    await menuLink(coordinator, 'Spreekuren').click();
    await coordinator.waitForURL(/\/spreekuren$/);
    const fill = (day: string) => coordinator.getByRole('row')
      .filter({ has: coordinator.getByRole('link', { name: formatDay(day, 'nl') }) }).getByRole('cell').last();
    const [first, second, third] = state.sessions;
    await visible(fill(first!.day));
    expect(await fill(first!.day).textContent()).toBe('4 van 4, 1 op de wachtlijst');
    expect(await fill(second!.day).textContent()).toBe('2 van 4');
    expect(await fill(third!.day).textContent()).toBe('0 van 4');
    await checkScreen(coordinator, 'sessions of the coordinator');

    const { start, holiday } = dayBeforeHoliday();
    const form = coordinator.getByRole('form', { name: 'Spreekuur plannen' });
    await form.getByLabel(/^Samenwerkingsafspraak/).selectOption({ label: 'Dermatologie Maasstad met Zorggroep Rijnmond Zuid' });
    await form.getByLabel(/^Specialist/).selectOption({ label: kSmit });
    await form.getByLabel(/^Locatie/).fill('Gezondheidscentrum Zuidplein, kamer 2');
    await form.getByLabel(/^Datum/).fill(start);
    await form.getByLabel(/^Begintijd/).fill('09:00');
    await form.getByLabel(/^Eindtijd/).fill('10:00');
    await form.getByLabel('Herhalen').check();
    await form.getByLabel(/^Elke … weken/).selectOption({ label: 'Elke week' });
    await form.getByLabel(/^Aantal spreekuren/).fill('2');
    await checkScreen(coordinator, 'plan form');
    const planned = coordinator.waitForResponse(isCall('POST', /^\/api\/v1\/clinic-sessions$/));
    await form.getByRole('button', { name: 'Spreekuur plannen' }).click();
    const response = await planned;
    expect(response.status()).toBe(201);
    const body = JSON.parse(await response.text()) as { skipped_days: string[] };
    expect(body.skipped_days).toContain(holiday);
    const report = coordinator.getByRole('status').filter({ hasText: /overgeslagen/ });
    await visible(report);
    expect(await report.textContent()).toContain(formatDay(holiday, 'nl'));
    await checkScreen(coordinator, 'planned series');
    await coordinator.context().close();
  });
});
