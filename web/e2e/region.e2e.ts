// The region in the browser: the coordinator of Zorggroep Rijnmond Zuid, which has no agreement
// for gynaecology yet, makes a question template for it (a required number with a unit and a
// yes/no question; a key the server refuses is said at its field), changes it once (version 2 in
// its history), and makes an agreement with the pool "Gynaecologie Ikazia" that asks it (an end
// date the server refuses is said at its field). A GP of the care group then writes a gynaecology
// consult and answers the template: sending without the required answer is refused at it in the
// browser, a number that is not one by the server, at it too; the specialist of the pool reads the
// answers under their questions. The other care group's coordinator sees neither agreement nor
// template, and their addresses say "not found". A hospital coordinator's overview lists a consult
// sent to its dermatology pool, under the pool's name. Every new screen is checked with axe-core.
import type { Locator, Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendDermatologyConsult } from './support/api';
import { checkScreen, logIn, menuLink, valueOf, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kTemplateName = 'Cyclusklachten';
const kCycle = 'Cyclusduur';
const kPain = 'Pijn bij de menstruatie?';
const kPool = 'Gynaecologie Ikazia';

/** The text of everything that describes `control` (aria-describedby): its hint, unit and error. */
async function description(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

function isCall(method: string, path: RegExp) {
  return (response: Response) => response.request().method() === method && path.test(new URL(response.url()).pathname);
}

async function makeTemplate(page: Page): Promise<string> {
  await menuLink(page, 'Vragenlijsten').click();
  await page.waitForURL(/\/vragenlijsten$/);
  await visible(page.getByRole('link', { name: 'Huidafwijking' }));
  await checkScreen(page, 'templates');

  await page.getByRole('link', { name: 'Nieuwe vragenlijst' }).click();
  await page.waitForURL(/\/vragenlijsten\/nieuw$/);
  await page.getByLabel(/^Specialisme/).selectOption('gynaecologie');
  await page.getByLabel(/^Naam van de vragenlijst/).fill(kTemplateName);
  const first = page.getByRole('group', { name: 'Vraag 1' });
  await first.getByLabel(/^Vraag/).fill(kCycle);
  expect(await first.getByLabel(/^Sleutel/).inputValue()).toBe('cyclusduur');
  await first.getByLabel(/^Soort antwoord/).selectOption('number');
  await first.getByLabel(/^Eenheid/).fill('dagen');
  await first.getByLabel('Verplicht om te versturen').check();
  await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
  const second = page.getByRole('group', { name: 'Vraag 2' });
  await expect.poll(() => second.getByLabel(/^Vraag/).evaluate((el) => el === document.activeElement)).toBe(true);
  await second.getByLabel(/^Vraag/).fill(kPain);
  await second.getByLabel(/^Soort antwoord/).selectOption('yes_no');
  await checkScreen(page, 'template editor');

  // A key the server does not take: its sentence under question 2's key.
  const key = second.getByLabel(/^Sleutel/);
  await key.fill('Pijn!');
  const refused = page.waitForResponse(isCall('POST', /^\/api\/v1\/templates$/));
  await page.getByRole('button', { name: 'Vragenlijst opslaan' }).click();
  expect((await refused).status()).toBe(422);
  await expect.poll(() => description(key)).toContain('Vraag 2: de sleutel bestaat uit kleine letters');
  await key.fill('pijn');
  const made = page.waitForResponse(isCall('POST', /^\/api\/v1\/templates$/));
  await page.getByRole('button', { name: 'Vragenlijst opslaan' }).click();
  expect((await made).status()).toBe(201);
  await page.waitForURL(/\/vragenlijsten\/\d+$/);
  await visible(page.getByRole('heading', { name: `Vragenlijst ${kTemplateName}`, level: 1 }));
  await visible(page.getByRole('status').filter({ hasText: 'De vragenlijst is gemaakt.' }));
  const url = page.url();

  // A change is a new version, in the history with who made it and what it changed.
  await page.getByRole('button', { name: 'Vragenlijst wijzigen' }).click();
  await page.getByRole('group', { name: 'Vraag 1' }).getByLabel(/^Toelichting/).fill('Van de eerste dag van de menstruatie tot de volgende.');
  const changed = page.waitForResponse(isCall('PATCH', /^\/api\/v1\/templates\/\d+$/));
  await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
  const change = await changed;
  expect(change.status()).toBe(200);
  expect(JSON.parse(change.request().postData() ?? '{}')).toMatchObject({ version: 1 });
  await visible(page.getByRole('status').filter({ hasText: 'De wijziging is opgeslagen als versie 2.' }));
  const history = page.getByRole('region', { name: 'Geschiedenis' });
  const newest = history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
  await visible(newest.getByText(`Vraag gewijzigd: ${kCycle}`));
  expect(await newest.textContent()).toContain('Marieke de Groot');
  await checkScreen(page, 'template');
  return url;
}

async function makeAgreement(page: Page): Promise<string> {
  await menuLink(page, 'Afspraken').click();
  await page.waitForURL(/\/afspraken$/);
  await visible(page.getByRole('table'));
  await checkScreen(page, 'agreements');

  await page.getByRole('link', { name: 'Nieuwe afspraak' }).click();
  await page.waitForURL(/\/afspraken\/nieuw$/);
  await page.getByRole('group', { name: /^Huisartsenorganisaties/ }).getByLabel('Zorggroep Rijnmond Zuid (zorggroep)').check();
  await page.getByLabel(/^Pool/).selectOption({ label: `${kPool} – Ikazia Ziekenhuis (gynaecologie)` });
  await page.getByLabel(/^Antwoordtermijn/).fill('4');
  await page.getByLabel(/^Vragenlijst/).selectOption({ label: `${kTemplateName} (versie 2, Zorggroep Rijnmond Zuid)` });
  await page.getByLabel('Goede Vrijdag vrij').check();
  await page.getByLabel('Vergoeding huisarts (euro)').fill('25,00');
  await page.getByLabel('Vergoeding specialist (euro)').fill('45');
  await checkScreen(page, 'agreement form');

  // An end date before the start: the server's sentence under the end date.
  const end = page.getByLabel(/^Geldig tot en met/);
  await end.fill('2020-01-01');
  const refused = page.waitForResponse(isCall('POST', /^\/api\/v1\/agreements$/));
  await page.getByRole('button', { name: 'Afspraak maken' }).click();
  expect((await refused).status()).toBe(422);
  await expect.poll(() => description(end)).toContain('De einddatum is een datum (JJJJ-MM-DD) op of na de begindatum.');
  await end.fill('');
  const made = page.waitForResponse(isCall('POST', /^\/api\/v1\/agreements$/));
  await page.getByRole('button', { name: 'Afspraak maken' }).click();
  const response = await made;
  expect(response.status()).toBe(201);
  expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
    modes: ['digital'], response_days: 4, good_friday_off: true, gp_fee_cents: 2500, specialist_fee_cents: 4500, valid_to: null,
  });
  await page.waitForURL(/\/afspraken\/\d+$/);
  await visible(page.getByRole('heading', { name: `Afspraak met ${kPool}`, level: 1 }));
  await visible(page.getByRole('status').filter({ hasText: 'De afspraak is gemaakt.' }));
  expect(await valueOf(page.locator('main'), 'Vragenlijst').textContent()).toBe(`${kTemplateName} (versie 2)`);
  expect(await valueOf(page.locator('main'), 'Vergoeding huisarts').textContent()).toMatch(/^€\s25,00$/);
  await checkScreen(page, 'agreement');
  const url = page.url();

  await page.getByRole('link', { name: 'Terug naar de afspraken' }).click();
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="${new URL(url).pathname}"]`) });
  await visible(row);
  const text = await row.textContent();
  for (const part of ['Zorggroep Rijnmond Zuid', 'gynaecologie', '4 werkdagen', `${kTemplateName} (versie 2)`, 'Ja']) expect(text).toContain(part);
  return url;
}

/** The GP's consult: refused in the browser without the required answer, by the server with a word for a number. */
async function sendConsult(page: Page): Promise<string> {
  await menuLink(page, 'Nieuw consult').click();
  await page.getByLabel('Specialisme').selectOption({ label: 'Gynaecologie' });
  const questions = page.getByRole('region', { name: kTemplateName });
  await visible(questions);
  await page.getByLabel('Geboortejaar').fill('1991');
  await page.getByRole('radiogroup', { name: 'Geslacht' }).getByLabel('Vrouw').check();
  await page.getByRole('combobox', { name: 'Reden (ICPC-code)' }).fill('X07');
  await page.getByRole('option', { name: /X07/ }).click();
  await page.getByLabel('Vraag aan de specialist').fill('Onregelmatige cyclus sinds een half jaar: eerst echo of hormoononderzoek?');
  await page.getByRole('radiogroup', { name: /zonder dit consult verwezen/ }).getByLabel('Ja').check();
  await page.getByLabel(/toestemming/).check();
  await questions.getByRole('radiogroup', { name: kPain }).getByLabel('Ja').check();
  const cycle = questions.getByLabel(kCycle);
  expect(await cycle.getAttribute('aria-required')).toBe('true');
  expect(await description(cycle)).toContain('dagen');
  await checkScreen(page, 'new consult with template');

  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/consults') posts.push(request.url());
  });
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  await expect.poll(() => description(cycle)).toContain(`„${kCycle}” is verplicht.`);
  expect(posts).toEqual([]);

  await cycle.fill('achtentwintig');
  const refused = page.waitForResponse(isCall('POST', /^\/api\/v1\/consults$/));
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  expect((await refused).status()).toBe(422);
  await expect.poll(() => description(cycle)).toContain(`„${kCycle}”: vul een getal in.`);

  await cycle.fill('28,5');
  const sent = page.waitForResponse(isCall('POST', /^\/api\/v1\/consults$/));
  await page.getByRole('button', { name: 'Versturen', exact: true }).click();
  const response = await sent;
  expect(response.status()).toBe(201);
  expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ template_answers: { cyclusduur: 28.5, pijn: true }, send: true });
  await page.waitForURL(/\/consults\/\d+$/);
  const heading = page.getByRole('heading', { name: /^Consult MK-/, level: 1 });
  await visible(heading);
  const number = /MK-\d{4}-\d+/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
  // The GP's own view shows the answers as the specialist will.
  const answers = page.getByRole('region', { name: kTemplateName });
  expect(await valueOf(answers, kCycle).textContent()).toBe('28,5 dagen');
  expect(await valueOf(answers, kPain).textContent()).toBe('Ja');
  return number;
}

describe('region', () => {
  it('lets a coordinator set up a template and an agreement that a GP answers and the pool reads, unseen by another care group', async () => {
    const coordinator = await suite.newPage();
    await logIn(coordinator, suite.server, 'coordinator.zorggroep');
    const templateUrl = await makeTemplate(coordinator);
    const agreementUrl = await makeAgreement(coordinator);
    await coordinator.context().close();

    const gp = await suite.newPage();
    await logIn(gp, suite.server, 'huisarts.devries');
    const number = await sendConsult(gp);
    await gp.context().close();

    const specialist = await suite.newPage();
    await logIn(specialist, suite.server, 'specialist.koster');
    await specialist.getByRole('link', { name: number }).click();
    const answers = specialist.getByRole('region', { name: kTemplateName });
    await visible(answers);
    expect(await valueOf(answers, kCycle).textContent()).toBe('28,5 dagen');
    expect(await valueOf(answers, kPain).textContent()).toBe('Ja');
    await checkScreen(specialist, 'consult with template answers');
    await specialist.context().close();

    const other = await suite.newPage();
    await logIn(other, suite.server, 'coordinator.hon');
    await menuLink(other, 'Afspraken').click();
    await visible(other.getByRole('table'));
    expect(await other.locator(`a[href="${new URL(agreementUrl).pathname}"]`).count()).toBe(0);
    expect(await other.getByRole('cell', { name: 'Zorggroep Rijnmond Zuid' }).count()).toBe(0);
    await menuLink(other, 'Vragenlijsten').click();
    await visible(other.getByRole('link', { name: 'Huidklachten HON' }));
    expect(await other.getByRole('link', { name: kTemplateName }).count()).toBe(0);
    await other.goto(agreementUrl);
    await visible(other.getByRole('heading', { name: 'Afspraak niet gevonden', level: 1 }));
    await visible(other.getByText('Deze afspraak bestaat niet of valt niet onder u.'));
    await checkScreen(other, 'agreement not found');
    await other.goto(templateUrl);
    await visible(other.getByRole('heading', { name: 'Vragenlijst niet gevonden', level: 1 }));
    await visible(other.getByText('Deze vragenlijst bestaat niet of valt niet onder u.'));
    await menuLink(other, 'Pools').click();
    await visible(other.getByRole('rowheader', { name: kPool }));
    await checkScreen(other, 'pools');
    await other.context().close();
  });

  it('lets a hospital coordinator change the members of its own pool', async () => {
    const page = await suite.newPage();
    await logIn(page, suite.server, 'coordinator.maasstad', 'nl', '/pools');
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Cardiologie Maasstad' }) });
    await visible(row);
    expect(await page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kPool }) }).getByRole('button').count()).toBe(0);
    await row.getByRole('button', { name: 'Wijzigen (Cardiologie Maasstad)' }).click();
    const editor = page.getByRole('form', { name: 'Pool Cardiologie Maasstad wijzigen' });
    await visible(editor);
    await editor.getByRole('group', { name: 'Leden' }).getByLabel('Dr. Hugo Bos, neuroloog').check();
    await checkScreen(page, 'pool editor');
    const saved = page.waitForResponse(isCall('PATCH', /^\/api\/v1\/pools\/\d+$/));
    await editor.getByRole('button', { name: 'Pool opslaan' }).click();
    expect((await saved).status()).toBe(200);
    await visible(page.getByRole('status').filter({ hasText: 'Pool Cardiologie Maasstad is opgeslagen.' }));
    await visible(row.getByText('Dr. Hugo Bos, neuroloog'));
    expect(await row.getByRole('button', { name: 'Wijzigen (Cardiologie Maasstad)' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.context().close();
  });

  it('shows a hospital coordinator the open consults of its pools, under the pool, each opening the consult', async () => {
    const consult = await sendDermatologyConsult(suite.server, 'Overzicht: pigmentvlek, graag meekijken.');
    const page = await suite.newPage();
    await logIn(page, suite.server, 'coordinator.maasstad', 'nl', '/overzicht');
    const link = page.getByRole('link', { name: consult.number, exact: true });
    await visible(link);
    const pool = page.getByRole('region').filter({ has: link });
    expect(await pool.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Dermatologie/);
    expect(await page.getByRole('row').filter({ has: link }).textContent()).toContain('Verstuurd');
    await checkScreen(page, 'coordination overview');
    await link.click();
    await page.waitForURL(new RegExp(`/consults/${consult.id}$`));
    await page.context().close();
  });
});
