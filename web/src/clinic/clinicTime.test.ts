// A session's times read in Amsterdam whatever the browser's zone, in winter and in summer; a day
// has its weekday; the list starts with this week's Monday and runs nine weeks to a Sunday.
import { describe, expect, it } from 'vitest';
import { addDays, clockTime, daysBetween, defaultPeriod, formatDay, isDay, timeSpan } from './clinicTime';

describe('clockTime', () => {
  it.each([
    ['2026-12-08T12:00:00.000Z', '13:00'],
    ['2026-06-09T11:20:00Z', '13:20'],
    ['2026-03-29T00:30:00Z', '01:30'],
  ])('reads %s as %s in Amsterdam', (iso, clock) => {
    expect(clockTime(iso)).toBe(clock);
  });

  it('spans two instants', () => {
    expect(timeSpan('2026-12-08T12:00:00Z', '2026-12-08T12:20:00Z')).toBe('13:00–13:20');
  });
});

describe('formatDay', () => {
  it('names the weekday in the UI language', () => {
    expect(formatDay('2026-12-08', 'nl')).toBe('dinsdag 8 december 2026');
    expect(formatDay('2026-12-08', 'en')).toBe('Tuesday 8 December 2026');
  });

  it('leaves what is no day as it is', () => {
    expect(formatDay('morgen', 'nl')).toBe('morgen');
  });
});

describe('days', () => {
  it('counts calendar days across a month and a clock change', () => {
    expect(addDays('2026-12-29', 5)).toBe('2027-01-03');
    expect(addDays('2026-03-30', -2)).toBe('2026-03-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-07', '2026-12-01')).toBe(-6);
  });

  it('knows a day from what only looks like one', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});

describe('defaultPeriod', () => {
  it.each([
    [new Date(2026, 11, 7, 9), { from: '2026-12-07', to: '2027-02-07' }],
    [new Date(2026, 11, 13, 23), { from: '2026-12-07', to: '2027-02-07' }],
    [new Date(2026, 11, 9, 0, 5), { from: '2026-12-07', to: '2027-02-07' }],
  ])('runs from this week’s Monday through eight more weeks (%s)', (now, period) => {
    expect(defaultPeriod(now)).toEqual(period);
  });
});
