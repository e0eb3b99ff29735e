// Statements are per calendar month: last month by default (in January, December of the year
// before), a choice of the last two years newest first, and the month in words in either language.
import { describe, expect, it } from 'vitest';
import { formatMonth, isMonth, lastMonth, recentMonths, statementsPath } from './month';

describe('lastMonth', () => {
  it('is the month before the current one', () => {
    expect(lastMonth(new Date(2026, 11, 7))).toBe('2026-11');
  });

  it('is December of the year before in January', () => {
    expect(lastMonth(new Date(2027, 0, 31))).toBe('2026-12');
  });
});

describe('recentMonths', () => {
  it('starts with this month and goes back, across the turn of the year', () => {
    expect(recentMonths(new Date(2027, 1, 1), 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
  });

  it('offers two years by default', () => {
    expect(recentMonths(new Date(2026, 11, 7))).toHaveLength(24);
  });
});

describe('isMonth', () => {
  it.each([
    ['2026-11', true], ['2026-1', false], ['2026-13', false], ['2026-00', false], ['november', false], ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isMonth(text)).toBe(expected);
  });
});

describe('formatMonth', () => {
  it('writes the month in words in Dutch and in English', () => {
    expect(formatMonth('2026-11', 'nl')).toBe('november 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
  });

  it('leaves a text that is no month as it is', () => {
    expect(formatMonth('later', 'nl')).toBe('later');
  });
});

describe('statementsPath', () => {
  it('names the month in the address of the list', () => {
    expect(statementsPath('2026-11')).toBe('/declaraties?maand=2026-11');
  });
});
