// One case, also when it becomes a referral: a consult the specialist advised "refer" (through the
// API) offers huisarts.devries "Verwijzen" on its page, with the letter filled in (the consult's
// number and the advice in it). The GP adds a sentence with the keyboard, answers as closing asks
// and sends it; the page then shows the consult closed as referred under the same number, with the
// letter as sent, which has the focus. specialist.smit reads that same letter on the consult's page.
// Both pages are checked with axe-core.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAction, sendDermatologyConsult } from './support/api';
import { checkScreen, gone, loaded, logIn, visible } from './support/app';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

const kQuestion = 'Pigmentlaesie rug, asymmetrisch: excisie in de eerste lijn of verwijzen?';
const kAdvice = 'Verdacht voor melanoom: graag verwijzen naar de poli dermatologie voor excisie.';
const kAddition = 'Aanvulling: patiënt gebruikt acenocoumarol.';

async function consultPage(username: string, consult: { id: number; number: string }): Promise<Page> {
  const page = await suite.newPage();
  await logIn(page, suite.server, username, 'nl', `/consults/${consult.id}`);
  // The consult page is loaded lazily: its heading says it is there.
  await visible(page.getByRole('heading', { level: 1, name: `Consult ${consult.number}` }));
  await loaded(page);
  return page;
}

describe('referral', () => {
  it('turns the advice "refer" into a letter the GP sends in one action', async () => {
    const consult = await sendDermatologyConsult(suite.server, kQuestion);
    await apiAction(suite.server, 'specialist.smit', consult.id, 'claim');
    await apiAction(suite.server, 'specialist.smit', consult.id, 'advice', { recommendation: 'refer', body: kAdvice });

    const gp = await consultPage('huisarts.devries', consult);
    await visible(gp.locator('.mk-status', { hasText: 'Beantwoord' }));
    const panel = gp.getByRole('region', { name: 'Verwijzen' });
    const letter = panel.getByRole('textbox', { name: 'Verwijsbrief' });
    await visible(letter);
    const draft = await letter.inputValue();
    expect(draft).toContain(consult.number);
    expect(draft).toContain(kAdvice);
    expect(draft).toContain(kQuestion);
    await checkScreen(gp, 'consult advised to refer, with the referral letter');

    await letter.focus();
    await gp.keyboard.press('Control+End');
    await gp.keyboard.type(`\n${kAddition}`);
    expect(await letter.inputValue()).toBe(`${draft}\n${kAddition}`);
    await panel.getByRole('radiogroup', { name: 'Iets geleerd' }).getByLabel('Ja').check();
    await panel.getByRole('radiogroup', { name: 'Waardering' }).getByLabel('4 sterren').check();
    await panel.getByRole('button', { name: 'Verwijzing versturen' }).click();

    await visible(gp.locator('.mk-status', { hasText: 'Afgesloten' }));
    await gone(panel);
    await visible(gp.getByRole('status').getByText(/^Verwezen met verwijsbrief/));
    const sent = gp.getByRole('region', { name: 'Verwijsbrief' });
    await visible(sent.getByText(kAddition, { exact: false }));
    await visible(sent.getByText('door Dr. Anna de Vries', { exact: false }));
    expect(await gp.evaluate(() => document.activeElement?.textContent)).toBe('Verwijsbrief');
    await visible(gp.getByRole('heading', { level: 1, name: `Consult ${consult.number}` }));
    expect(await gp.getByRole('alert').count()).toBe(0);
    await checkScreen(gp, 'consult closed as referred, with its letter');
    await gp.context().close();

    const specialist = await consultPage('specialist.smit', consult);
    await visible(specialist.locator('.mk-status', { hasText: 'Afgesloten' }));
    const seen = specialist.getByRole('region', { name: 'Verwijsbrief' });
    const text = await seen.locator('.mk-letter').textContent();
    expect(text).toContain(consult.number);
    expect(text).toContain(kAdvice);
    expect(text).toContain(kAddition);
    expect(await specialist.getByRole('region', { name: 'Verwijzen' }).count()).toBe(0);
    await checkScreen(specialist, "the specialist's view of the referred consult");
    await specialist.context().close();
  });
});
