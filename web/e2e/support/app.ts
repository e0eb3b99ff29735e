// Steps through the app as a person would (by label and role, the way assistive technology sees
// it), plus the checks every screen gets: axe-core and a screenshot.
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { kDemoPassword, type TestServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const kScreenshotDir = path.resolve(here, '../../../docs/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const kTexts = {
  nl: { username: 'Gebruikersnaam', password: 'Wachtwoord', otp: 'Code uit uw authenticator-app', login: 'Inloggen', language: 'Taal' },
  en: { username: 'Username', password: 'Password', otp: 'Code from your authenticator app', login: 'Log in', language: 'Language' },
} as const;

export type Lang = keyof typeof kTexts;

/**
 * Fills in the login form the page shows and sends it: username and password, then, for an
 * account with a second factor, the code from its authenticator app when the form asks for it.
 */
export async function submitLogin(page: Page, server: TestServer, username: string, lang: Lang = 'nl') {
  const texts = kTexts[lang];
  await page.getByLabel(texts.username).fill(username);
  await page.getByLabel(texts.password).fill(kDemoPassword);
  await page.getByRole('button', { name: texts.login }).click();
  if (server.otpSecret(username) === undefined) return;
  const code = page.getByLabel(texts.otp);
  await visible(code);
  await code.fill(await server.nextOtp(username));
  await page.getByRole('button', { name: texts.login }).click();
}

/** Opens `target` and logs in as `username` on the login page it leads to. */
export async function logIn(page: Page, server: TestServer, username: string, lang: Lang = 'nl', target = '/') {
  await page.goto(`${server.url}/login?next=${encodeURIComponent(target)}`);
  if (lang === 'en') await page.getByLabel(kTexts.nl.language).selectOption('en');
  await submitLogin(page, server, username, lang);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; fails on serious or critical violations (WCAG 2.1 A and AA). */
export async function expectAccessible(page: Page, screen: string) {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  const bad = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(bad).toEqual([]);
}

export async function saveScreenshot(page: Page, name: string) {
  await mkdir(kScreenshotDir, { recursive: true });
  // The top of the screen, without a focus ring left by the last step.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: path.join(kScreenshotDir, `${name}.png`), fullPage: false });
}

/**
 * Waits until every part of the screen has loaded: no "Bezig met laden…" is left. A screen may
 * load several parts at once, so this counts them all rather than waiting for one.
 */
export async function loaded(page: Page, timeout = 10_000) {
  await page.waitForFunction(() => document.querySelectorAll('.mk-loading').length === 0, undefined, { timeout });
}

/** Once the screen's heading is there and its data has loaded: axe-core. */
export async function checkScreen(page: Page, screen: string) {
  await visible(page.getByRole('heading', { level: 1 }));
  await loaded(page);
  await expectAccessible(page, screen);
}

/** The link `name` in the app's main menu. */
export function menuLink(page: Page, name: string): import('playwright-core').Locator {
  return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true });
}

/** The value next to the term `term` in a description list inside `scope`. */
export function valueOf(scope: Page | import('playwright-core').Locator, term: string): import('playwright-core').Locator {
  return scope.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
}

/** Waits until the locator shows (playwright-core has no expect(locator) of its own). */
export function visible(locator: import('playwright-core').Locator, timeout = 10_000) {
  return locator.waitFor({ state: 'visible', timeout });
}

export function gone(locator: import('playwright-core').Locator, timeout = 10_000) {
  return locator.waitFor({ state: 'detached', timeout });
}

/**
 * Drags a file from "outside the browser" onto `target`, the way the operating system does it
 * (DevTools' Input.dispatchDragEvent): a DataTransfer made in the page cannot carry the drag's
 * allowed operations, so it would not test the drop zone truly.
 */
export async function dropFile(page: Page, target: import('playwright-core').Locator, name: string, bytes: Buffer) {
  const dir = await mkdtemp(path.join(tmpdir(), 'meekijk-drop-'));
  // The browser may read the file only when it is uploaded, so it stays until the tests end.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('drop target is not visible');
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [file], dragOperationsMask: 1 /* copy */ };
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, ...point, data });
  }
  await cdp.detach();
}
