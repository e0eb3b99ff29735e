// The frame every browser test file shares: one real server with the demo region and one
// Chromium for the whole file, started before the first test and stopped after the last.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { kDesktop, launchBrowser } from './browser';
import { startServer, type TestServer } from './server.mjs';

export interface Suite {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A page in a fresh browser context (no cookies), desktop-sized. */
  newPage(): Promise<Page>;
}

export function useServerAndBrowser(): Suite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('the test server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
    async newPage() {
      return (await this.browser.newContext({ viewport: kDesktop })).newPage();
    },
  };
}
