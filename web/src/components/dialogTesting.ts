// What jsdom lacks for React Aria's modal dialogs in unit tests: CSS.escape, which the modal uses
// to look for a CSP nonce. Not part of the app; only tests import it.
import { vi } from 'vitest';

/** Gives jsdom a CSS.escape (enough for the names React Aria escapes); call it before a dialog opens. */
export function allowDialogsInJsdom(): void {
  if (typeof CSS !== 'undefined' && typeof CSS.escape === 'function') return;
  vi.stubGlobal('CSS', { escape: (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`) });
}
