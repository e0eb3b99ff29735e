// The patient leaflet and survey in the browser. A GP of the demo (huisarts.jansen, whose past
// year holds closed consults, some with their survey answered already) opens a closed consult whose
// survey is still open, goes to its patient leaflet and prints it: the leaflet carries the code and
// the survey's address on this site, and printing shows the leaflet without the app around it.
// The patient, in a fresh browser without a session, opens the survey from the address, answers
// the three questions and is thanked; a second browser that typed the code at /enquete (in small
// letters, without the hyphen) and answers in English is told it was answered already (409), and
// opening the address again says so too. axe-core checks the leaflet, the code form and the survey.
import { describe, expect, it } from 'vitest';
import { apiToken } from './support/api';
import { checkScreen, logIn, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kGp = 'huisarts.jansen';

interface Candidate {
  id: number;
  number: string;
  code: string;
}

async function api(path: string, token: string, method = 'GET') {
  const response = await fetch(suite.server.url + path, { method, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** A closed consult of the GP's whose survey nobody answered yet, with its leaflet's code. */
async function closedConsultWithOpenSurvey(): Promise<Candidate> {
  const token = await apiToken(suite.server, kGp);
  const list = await api('/api/v1/consults?box=outbox&status=closed&limit=50', token);
  for (const consult of list.items as { id: number; number: string }[]) {
    const leaflet = await api(`/api/v1/consults/${consult.id}/leaflet`, token, 'POST');
    const survey = await fetch(`${suite.server.url}/api/v1/surveys/${leaflet.code as string}`);
    if (!((await survey.json()) as { answered: boolean }).answered) {
      return { id: consult.id, number: consult.number, code: leaflet.code as string };
    }
  }
  throw new Error(`${kGp} has no closed consult with an open survey`);
}

describe('patient leaflet and survey', () => {
  it('prints the leaflet with the code, and lets the patient answer the survey once without logging in', async () => {
    const consult = await closedConsultWithOpenSurvey();

    // The GP prints the leaflet from the consult's page.
    const gp = await suite.newPage();
    await logIn(gp, suite.server, kGp, 'nl', `/consults/${consult.id}`);
    await visible(gp.getByRole('heading', { level: 1, name: `Consult ${consult.number}` }));
    await gp.getByRole('link', { name: 'Patiëntfolder' }).click();
    await gp.waitForURL(new RegExp(`/consults/${consult.id}/folder$`));
    const leaflet = gp.getByRole('article');
    await visible(leaflet);
    const code = (await leaflet.locator('.mk-leaflet__code').textContent())!.trim();
    expect(code).toBe(consult.code);
    expect(await leaflet.textContent()).toContain(`${suite.server.url}/enquete/${code}`);
    expect(await leaflet.textContent()).toContain('Een meekijkconsult is gratis voor u. Het gaat niet af van uw eigen risico.');
    await checkScreen(gp, 'patient leaflet');
    // The browser's print dialog cannot be driven; the button calls it, and the print styles leave
    // only the leaflet.
    await gp.evaluate(() => {
      const counted = window as unknown as { printed: number };
      counted.printed = 0;
      window.print = () => { counted.printed += 1; };
    });
    await gp.getByRole('button', { name: 'Afdrukken' }).click();
    expect(await gp.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await gp.emulateMedia({ media: 'print' });
    expect(await gp.locator('.mk-header').isVisible()).toBe(false);
    expect(await gp.getByRole('button', { name: 'Afdrukken' }).isVisible()).toBe(false);
    expect(await leaflet.isVisible()).toBe(true);
    await gp.context().close();

    // The patient opens the survey from the leaflet's address, without any session.
    const patient = await suite.newPage();
    await patient.goto(`${suite.server.url}/enquete/${code}`);
    await visible(patient.getByRole('heading', { level: 1, name: 'Enquête meekijkconsult' }));
    const overall = patient.getByRole('radiogroup', { name: /^Hoe tevreden bent u over de zorg\?/ });
    await visible(overall);
    expect(new URL(patient.url()).pathname).toBe(`/enquete/${code}`);
    await checkScreen(patient, 'survey');

    // Meanwhile a second browser types the code, as a patient would, and switches to English.
    const other = await suite.newPage();
    await other.goto(`${suite.server.url}/enquete`);
    await visible(other.getByLabel('Code op de folder'));
    await checkScreen(other, 'survey code');
    await other.getByLabel('Code op de folder').fill(code.replace('-', '').toLowerCase());
    await other.getByRole('button', { name: 'Naar de enquête' }).click();
    await other.getByLabel('Taal').selectOption('en');
    const otherOverall = other.getByRole('radiogroup', { name: /^How satisfied are you with the care\?/ });
    await visible(otherOverall);

    // The patient answers and is thanked.
    await overall.getByLabel('4 – Tevreden').check();
    await patient.getByRole('radiogroup', { name: /^Legde uw huisarts het advies goed uit\?/ }).getByLabel('5 – Heel goed').check();
    await patient.getByRole('radiogroup', { name: /^Waar wordt u liever behandeld\?/ }).getByLabel('Bij mijn eigen huisarts').check();
    await patient.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await visible(patient.getByText('Dank u wel!'));

    // Answering again is refused: the server's 409, said in place of the form.
    await otherOverall.getByLabel('3 – Neither satisfied nor dissatisfied').check();
    await other.getByRole('radiogroup', { name: /^Did your GP explain the advice well\?/ }).getByLabel('4 – Well').check();
    await other.getByRole('radiogroup', { name: /^Where would you rather be treated\?/ }).getByLabel('No preference').check();
    await other.getByRole('button', { name: 'Send answers' }).click();
    await visible(other.getByText('This survey has already been answered'));
    expect(await other.getByRole('radiogroup').count()).toBe(0);
    await other.context().close();

    // Opening the address again says it was answered.
    await patient.reload();
    await visible(patient.getByText('Deze enquête is al ingevuld'));
    expect(await patient.getByRole('radiogroup').count()).toBe(0);
    await patient.context().close();
  });
});
