// Days as a Dutch privacy officer means them: from Amsterdam midnight, in winter and in summer
// time and on the day the clocks change; times shown in Amsterdam time with seconds.
import { describe, expect, it } from 'vitest';
import { dayOf, formatLogTime, nextDay, startOfDay } from './period';

describe('startOfDay', () => {
  it.each([
    ['2026-03-02', 0, '2026-03-01T23:00:00Z'], // winter time, UTC+1
    ['2026-07-01', 0, '2026-06-30T22:00:00Z'], // summer time, UTC+2
    ['2026-03-29', 0, '2026-03-28T23:00:00Z'], // the clocks go forward at 02:00 that night
    ['2026-03-29', 1, '2026-03-29T22:00:00Z'],
    ['2026-10-25', 1, '2026-10-25T23:00:00Z'], // and back at 03:00
    ['2026-12-31', 1, '2026-12-31T23:00:00Z'], // into the next year
  ])('%s plus %i days begins at %s', (day, add, expected) => {
    expect(startOfDay(day, add)).toBe(expected);
  });

  it('refuses what is not a day', () => {
    expect(startOfDay('2 maart')).toBeNull();
    expect(startOfDay('')).toBeNull();
  });
});

describe('dayOf and nextDay', () => {
  it('count in Amsterdam days', () => {
    expect(dayOf('2026-03-01T23:30:00Z')).toBe('2026-03-02');
    expect(dayOf('2026-03-01T22:59:59Z')).toBe('2026-03-01');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
  });
});

describe('formatLogTime', () => {
  it('shows Amsterdam time with seconds, whatever the browser\'s zone', () => {
    expect(formatLogTime('2026-07-01T10:15:30Z', 'nl')).toMatch(/^1 jul\.? 2026.* 12:15:30$/);
    expect(formatLogTime('2026-01-05T08:00:05Z', 'nl')).toContain('09:00:05');
  });
});
