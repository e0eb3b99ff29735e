// A calendar date reads the same wherever the browser is: it has no time zone.
import { describe, expect, it } from 'vitest';
import { formatDate, todayInput } from './calendarDate';

describe('formatDate', () => {
  it('writes a calendar date in words in the UI language', () => {
    expect(formatDate('2026-01-01', 'nl')).toBe('1 januari 2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31 December 2026');
  });

  it('leaves anything else as it is', () => {
    expect(formatDate('gisteren', 'nl')).toBe('gisteren');
  });
});

describe('todayInput', () => {
  it("gives the browser's day as a date input holds it", () => {
    expect(todayInput(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
  });
});
