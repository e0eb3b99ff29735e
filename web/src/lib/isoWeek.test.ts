// ISO weeks: the week of a day (also at the turn of a year), a week earlier or later, and the
// week in words in both languages.
import { describe, expect, it } from 'vitest';
import { formatWeek, isoWeekOf, mondayOf, shiftWeek, weekNumber } from './isoWeek';

describe('isoWeekOf', () => {
  it.each([
    [new Date(2026, 11, 7), '2026-W50'], // a Monday
    [new Date(2026, 11, 13, 23, 59), '2026-W50'], // its Sunday, late
    [new Date(2026, 11, 14), '2026-W51'],
    [new Date(2027, 0, 1), '2026-W53'], // 2026 has 53 weeks: 1 January 2027 is a Friday
    [new Date(2025, 11, 29), '2026-W01'], // a Monday that belongs to the next year's first week
    [new Date(2024, 11, 30), '2025-W01'],
    [new Date(2021, 0, 3), '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });
});

describe('mondayOf', () => {
  it('finds the Monday of a week', () => {
    expect(new Date(mondayOf('2026-W50')!).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(new Date(mondayOf('2026-W01')!).toISOString()).toBe('2025-12-29T00:00:00.000Z');
  });

  it.each(['2026-W00', '2025-W53', '2026-W54', '2026-50', 'week 50', ''])('refuses %j', (week) => {
    expect(mondayOf(week)).toBeNull();
  });
});

describe('shiftWeek', () => {
  it('steps a week back and forth, across the turn of the year', () => {
    expect(shiftWeek('2026-W50', 1)).toBe('2026-W51');
    expect(shiftWeek('2026-W50', -1)).toBe('2026-W49');
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2025-W52', 1)).toBe('2026-W01');
    expect(shiftWeek('2026-W10', 52)).toBe('2027-W09');
  });

  it('leaves what is not a week as it is', () => {
    expect(shiftWeek('nonsense', 1)).toBe('nonsense');
  });
});

describe('formatWeek', () => {
  it('says a week within one month', () => {
    expect(formatWeek('2026-W50', 'nl')).toBe('week 50, 7–13 december 2026');
    expect(formatWeek('2026-W50', 'en')).toBe('week 50, 7–13 December 2026');
  });

  it('says a week across two months', () => {
    expect(formatWeek('2026-W49', 'nl')).toBe('week 49, 30 november – 6 december 2026');
    expect(formatWeek('2026-W49', 'en')).toBe('week 49, 30 November – 6 December 2026');
  });

  it('says a week across two years', () => {
    expect(formatWeek('2026-W53', 'nl')).toBe('week 53, 28 december 2026 – 3 januari 2027');
  });

  it('gives back what is not a week', () => {
    expect(formatWeek('2026-W60', 'nl')).toBe('2026-W60');
    expect(weekNumber('2026-W09')).toBe(9);
  });
});
