// Keyboard-only steps: Tab through the page until a given element has the focus, as a person
// without a mouse would, failing when it cannot be reached.
import type { Locator, Page } from 'playwright-core';

const kMaxTabs = 80;

export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < kMaxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`could not reach ${target} with Tab`);
}

/** The focused element must show a focus indicator (an outline or a box shadow). */
export async function hasVisibleFocus(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return false;
    const style = getComputedStyle(el);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}
