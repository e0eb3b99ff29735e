// Types of chromium.mjs for the TypeScript tests.
import type { Browser } from 'playwright-core';

export declare function launchBrowser(): Promise<Browser>;
