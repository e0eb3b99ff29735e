// Opens the web app's first page in Debian's Chromium as a new user would, logs in through the
// form with the given account and checks that the GP's first screen appears. Used by
// scripts/demo-smoke-test.sh:   node web/scripts/open-first-page.mjs URL USERNAME PASSWORD SECRET
// (SECRET: the account's second-factor secret in base32, as the demo prints it).
import { launchBrowser } from '../e2e/support/chromium.mjs';
import { codeForStep } from './totp.mjs';

const [url, username, password, secret] = process.argv.slice(2);
if (!url || !username || !password || !secret) {
  console.error('usage: open-first-page.mjs URL USERNAME PASSWORD SECRET');
  process.exit(2);
}

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(url);
  // Without a session the app shows its login page: the script ran, the texts are Dutch.
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The demo accounts have a second factor: the form asks for the code next. The API login of
  // the smoke test used the current step's code; this one is the next step's.
  await page.getByLabel('Code uit uw authenticator-app').fill(codeForStep(secret, Math.floor(Date.now() / 30_000) + 1));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Verzonden consulten' }).waitFor({ timeout: 30_000 });
  if (failures.length > 0) throw new Error(`script errors on the page: ${failures.join('; ')}`);
  console.log(`first page served, logged in as ${username}: ${page.url()}`);
} finally {
  await browser.close();
}
