// How heavy and how fast the first screen (login) is: the gzipped size of the JavaScript and CSS
// it loads, and the time from navigation start until the login form can be used, on loopback
// against the real server, median of several cold loads (fresh browser context, empty cache).
// Run by `npm run bench` after `npm run build`; exits 1 when over budget.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/support/server.mjs';

const kRuns = Number(process.env.BENCH_RUNS ?? 7);
const kBudgetKb = 150;
const kBudgetMs = 1000;

// Records when the username field is in the DOM: React attaches its handlers in the same commit,
// so from then on the form responds to typing.
const kMarkReady = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('input[name=username]')) {
      window.__loginReadyMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(kMarkReady);
  const assets = [];
  page.on('response', async (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    assets.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length })));
  });
  await page.goto(`${url}/login`);
  await page.waitForFunction(() => window.__loginReadyMs !== undefined);
  await page.waitForLoadState('networkidle');
  const readyMs = await page.evaluate(() => window.__loginReadyMs);
  const files = await Promise.all(assets);
  await context.close();
  return { readyMs, files };
}

// The reference in the same run: a cold navigation to the server's smallest answer (/healthz),
// so that the login time can be read as a ratio on these shared, noisy machines.
async function loadReference(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}/healthz`);
  const ms = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  await context.close();
  return ms;
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  await loadOnce(browser, server.url); // warms the server and the OS file cache, not the browser's
  const runs = [];
  const references = [];
  for (let i = 0; i < kRuns; i++) {
    references.push(await loadReference(browser, server.url));
    runs.push(await loadOnce(browser, server.url));
  }
  const files = runs[0].files;
  const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0) / 1024;
  const times = runs.map((r) => r.readyMs);
  console.log('First screen (login) assets, gzipped:');
  for (const f of files) console.log(`  ${f.type.padEnd(10)} ${(f.gzip / 1024).toFixed(1).padStart(7)} kB  (${(f.raw / 1024).toFixed(1)} kB raw)  ${f.url}`);
  console.log(`  total      ${totalGzip.toFixed(1).padStart(7)} kB  (budget ${kBudgetKb} kB)`);
  console.log(`Time to usable login form over ${kRuns} cold loads: median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (budget ${kBudgetMs} ms)`);
  console.log(`Reference, cold load of /healthz: median ${median(references).toFixed(0)} ms; login form / reference = ${(median(times) / median(references)).toFixed(1)}`);
  const over = totalGzip > kBudgetKb || median(times) > kBudgetMs;
  if (over) console.log('OVER BUDGET');
  process.exitCode = over ? 1 : 0;
} finally {
  await browser.close();
  await server.stop();
}
