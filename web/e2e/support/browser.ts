// Debian's Chromium driven by playwright-core (no browser download). Each launch gets a fresh
// temporary profile (playwright-core creates and removes its user-data-dir), so no test sees
// another's cookies or storage.
import { chromium, type Browser } from 'playwright-core';

const kChromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: kChromiumArgs,
    headless: true,
  });
}

export const kDesktop = { width: 1280, height: 800 };
export const kTablet = { width: 820, height: 1180 };
