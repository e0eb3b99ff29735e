// Debian's Chromium driven by playwright-core (no browser download), for the browser tests and
// for the demo smoke test (scripts/demo-smoke-test.sh). Each launch gets a fresh temporary profile
// (playwright-core creates and removes its user-data-dir), so no run sees another's cookies.
import { chromium } from 'playwright-core';

// As root, Chromium needs --no-sandbox; the networking flags keep it from calling home on a
// machine with a closed network.
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

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: kChromiumArgs,
    headless: true,
  });
}
