// The whole flow in the browser, in Dutch and in English: a GP writes a consult with a photo and
// sends it; a specialist finds it in the pool, claims it and advises; the GP sees the answer
// arrive without reloading, closes the consult with its outcome and logs out.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gone, logIn, visible, type Lang } from './support/app';
import { kDesktop } from './support/browser';
import { makePng } from './support/png';
import { useServerAndBrowser } from './support/suite';

const kTexts = {
  nl: {
    newConsult: 'Nieuw consult', specialty: 'Specialisme', specialtyName: 'Dermatologie', birthYear: 'Geboortejaar',
    sex: 'Geslacht', female: 'Vrouw', icpc: 'Reden (ICPC-code)', question: 'Vraag aan de specialist',
    summary: 'Klinische samenvatting', intended: 'Had u de patiënt zonder dit consult verwezen?', yes: 'Ja',
    consent: 'De patiënt geeft toestemming om deze gegevens te delen', send: 'Versturen', sent: 'Verstuurd',
    pool: 'Pool', claim: 'Oppakken', claimed: 'In behandeling', recommendation: 'Aanbeveling',
    primaryCare: 'Behandelen in de eerste lijn', advice: 'Uw advies', sendAdvice: 'Advies versturen',
    answered: 'Beantwoord', outcome: 'Hoe is het afgelopen?', treated: 'Behandeld in de eerste lijn',
    learned: 'Heeft u er iets van geleerd?', rating: 'Uw waardering', stars: '4 sterren', close: 'Consult afsluiten',
    closed: 'Afgesloten', openImage: /Foto .* vergroot bekijken/, closeDialog: 'Sluiten', zoomIn: 'Inzoomen', logout: 'Uitloggen',
  },
  en: {
    newConsult: 'New consult', specialty: 'Specialty', specialtyName: 'Dermatology', birthYear: 'Year of birth',
    sex: 'Sex', female: 'Female', icpc: 'Reason (ICPC code)', question: 'Question for the specialist',
    summary: 'Clinical summary', intended: 'Would you have referred the patient without this consult?', yes: 'Yes',
    consent: 'The patient consents to sharing these data', send: 'Send', sent: 'Sent',
    pool: 'Pool', claim: 'Claim', claimed: 'In progress', recommendation: 'Recommendation',
    primaryCare: 'Treat in primary care', advice: 'Your advice', sendAdvice: 'Send advice',
    answered: 'Answered', outcome: 'What was the outcome?', treated: 'Treated in primary care',
    learned: 'Did you learn something from it?', rating: 'Your rating', stars: '4 stars', close: 'Close consult',
    closed: 'Closed', openImage: /View photo .* enlarged/, closeDialog: 'Close', zoomIn: 'Zoom in', logout: 'Log out',
  },
} as const;

const suite = useServerAndBrowser();

async function newPage(): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: kDesktop });
  return context.newPage();
}

function statusBadge(page: Page, text: string) {
  return page.locator('.mk-status', { hasText: text });
}

describe.each(['nl', 'en'] as const)('GP → specialist → GP (%s)', (lang: Lang) => {
  const t = kTexts[lang];

  it('sends, answers and closes a consult with a photo', async () => {
    const gp = await newPage();
    await logIn(gp, suite.server, 'huisarts.devries', lang);
    await gp.getByRole('link', { name: t.newConsult }).first().click();

    await gp.getByLabel(t.specialty).selectOption({ label: t.specialtyName });
    await gp.getByLabel(t.birthYear).fill('1979');
    await gp.getByRole('radiogroup', { name: t.sex }).getByLabel(t.female).check();
    const icpc = gp.getByRole('combobox', { name: t.icpc });
    await icpc.fill('eczeem');
    await gp.getByRole('option', { name: /S88/ }).click();
    await expect.poll(() => icpc.inputValue()).toMatch(/^S88 – /);
    const question = `Handeczeem ${lang}: contactallergie uitzoeken of eerst behandelen?`;
    await gp.getByLabel(t.question).fill(question);
    await gp.getByLabel(t.summary).fill('Sinds 4 maanden kloven aan beide handen.');
    await gp.getByRole('radiogroup', { name: t.intended }).getByLabel(t.yes).check();
    await gp.getByLabel(t.consent).check();
    await gp.locator('input[type=file]').first().setInputFiles({ name: 'hand-links.png', mimeType: 'image/png', buffer: makePng() });
    await visible(gp.locator('.mk-preview', { hasText: 'hand-links.png' }));
    await gp.getByRole('button', { name: t.send, exact: true }).click();

    await gp.waitForURL(/\/consults\/\d+$/);
    await visible(statusBadge(gp, t.sent));
    const number = /MK-\d{4}-\d+/.exec((await gp.getByRole('heading', { level: 1 }).textContent()) ?? '')?.[0] ?? '';
    expect(number).not.toBe('');

    const specialist = await newPage();
    await logIn(specialist, suite.server, 'specialist.smit', lang);
    await visible(specialist.getByRole('heading', { name: t.pool, level: 1 }));
    await specialist.getByRole('link', { name: number }).click();
    await specialist.getByRole('button', { name: t.openImage }).click();
    const dialog = specialist.getByRole('dialog');
    await visible(dialog.getByRole('img', { name: 'hand-links.png' }));
    await dialog.getByRole('button', { name: t.zoomIn }).click();
    await dialog.getByRole('button', { name: t.closeDialog }).click();
    await gone(dialog);
    await specialist.getByRole('button', { name: t.claim }).click();
    await visible(statusBadge(specialist, t.claimed));
    await specialist.getByRole('radiogroup', { name: t.recommendation }).getByLabel(t.primaryCare).check();
    await specialist.getByLabel(t.advice).fill('Eerst behandelen met een klasse 3 corticosteroïd, daarna plakproeven.');
    await specialist.getByRole('button', { name: t.sendAdvice }).click();
    await visible(statusBadge(specialist, t.answered));

    // The GP's page was left open: the answer arrives through the change poller, no reload.
    await visible(statusBadge(gp, t.answered), 15_000);
    await gp.getByRole('radiogroup', { name: t.outcome }).getByLabel(t.treated).check();
    await gp.getByRole('radiogroup', { name: t.learned }).getByLabel(t.yes).check();
    await gp.getByRole('radiogroup', { name: t.rating }).getByLabel(t.stars).check();
    await gp.getByRole('button', { name: t.close }).click();
    await visible(statusBadge(gp, t.closed));

    await gp.getByRole('button', { name: t.logout }).click();
    await gp.waitForURL(/\/login/);
    await gp.goto(`${suite.server.url}/outbox`);
    await gp.waitForURL(/\/login\?next=%2Foutbox/);

    await gp.context().close();
    await specialist.context().close();
  });
});
