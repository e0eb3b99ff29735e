// The browser of the tests: Debian's Chromium, launched as chromium.mjs describes.
export { launchBrowser } from './chromium.mjs';

export const kDesktop = { width: 1280, height: 800 };
export const kTablet = { width: 820, height: 1180 };
