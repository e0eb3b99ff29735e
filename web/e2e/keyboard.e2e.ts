// The way in and the main job without a mouse: log in (password, then the authenticator code) and
// send a consult with Tab, typing, Space, arrows and Enter only, with a visible focus indicator on
// the way.
import { describe, expect, it } from 'vitest';
import { visible } from './support/app';
import { kDesktop } from './support/browser';
import { hasVisibleFocus, tabTo } from './support/keyboard';
import { kDemoPassword } from './support/server.mjs';
import { useServerAndBrowser } from './support/suite';

const suite = useServerAndBrowser();

describe('keyboard only', () => {
  it('logs in and sends a consult', async () => {
    const page = await (await suite.browser.newContext({ viewport: kDesktop })).newPage();
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(/\/login/);

    await tabTo(page, page.getByLabel('Gebruikersnaam'));
    expect(await hasVisibleFocus(page)).toBe(true);
    await page.keyboard.type('huisarts.devries');
    await page.keyboard.press('Tab');
    await page.keyboard.type(kDemoPassword);
    await page.keyboard.press('Enter');
    // The second factor: the code field appears with the focus in it.
    const code = page.getByLabel('Code uit uw authenticator-app');
    await visible(code);
    await expect.poll(() => code.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await hasVisibleFocus(page)).toBe(true);
    await page.keyboard.type(await suite.server.nextOtp('huisarts.devries'));
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: 'Verzonden consulten', level: 1 }));

    await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Nieuw consult' }));
    expect(await hasVisibleFocus(page)).toBe(true);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: 'Nieuw consult', level: 1 }));

    await tabTo(page, page.getByLabel('Specialisme'));
    await page.keyboard.type('Dermatologie');
    await tabTo(page, page.getByLabel('Geboortejaar'));
    await page.keyboard.type('1972');
    await tabTo(page, page.getByRole('radiogroup', { name: 'Geslacht' }).getByLabel('Vrouw'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('combobox', { name: 'Reden (ICPC-code)' }));
    await page.keyboard.type('S88');
    await visible(page.getByRole('option', { name: /S88/ }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Vraag aan de specialist'));
    await page.keyboard.type('Eczeem aan de handen: eerst behandelen of plakproeven?');
    await tabTo(page, page.getByRole('radiogroup', { name: /zonder dit consult verwezen/ }).getByLabel('Ja'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel(/toestemming/));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Versturen', exact: true }));
    expect(await hasVisibleFocus(page)).toBe(true);
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/consults\/\d+$/);
    await visible(page.locator('.mk-status', { hasText: 'Verstuurd' }));
    await visible(page.getByText('S88 – '));
    await page.context().close();
  });
});
