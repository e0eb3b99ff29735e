// The dashboard's view lives in the address: the twelve calendar months up to today unless it
// names a period, only known modes and groupings, and back to an address holding only what was
// chosen.
import { describe, expect, it } from 'vitest';
import { defaultResultsPeriod, paramsOf, periodRefusals, viewOf } from './filters';

const t = (key: string) => key;

describe('defaultResultsPeriod', () => {
  it('runs from the first of the month eleven months back to today', () => {
    expect(defaultResultsPeriod(new Date(2026, 2, 15, 10))).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(defaultResultsPeriod(new Date(2026, 0, 31, 23))).toEqual({ from: '2025-02-01', to: '2026-01-31' });
  });
});

describe('viewOf and paramsOf', () => {
  const now = new Date(2026, 2, 15, 10);

  it('takes the defaults for an empty address: twelve months, everything, per month', () => {
    expect(viewOf(new URLSearchParams(), now)).toEqual({ filters: { from: '2025-04-01', to: '2026-03-15' }, groupBy: 'month' });
  });

  it('reads period, specialty, mode and grouping, and writes them back', () => {
    const params = new URLSearchParams('from=2026-01-01&to=2026-01-31&specialty=dermatologie&mode=physical&group=organisation');
    const view = viewOf(params, now);
    expect(view).toEqual({
      filters: { from: '2026-01-01', to: '2026-01-31', specialty: 'dermatologie', mode: 'physical' }, groupBy: 'organisation',
    });
    expect(paramsOf(view).toString()).toBe(params.toString());
  });

  it('ignores what it does not know: a day that is none, another mode or grouping', () => {
    const view = viewOf(new URLSearchParams('from=2026-02-30&to=2026-03-01&mode=phone&group=week'), now);
    expect(view).toEqual({ filters: { from: '2025-04-01', to: '2026-03-15' }, groupBy: 'month' });
  });
});

describe('periodRefusals', () => {
  it('refuses a missing day at its field and a last day before the first at the last', () => {
    expect(periodRefusals('', '2026-03-01', t)).toEqual({ from: 'results.filters.noDay' });
    expect(periodRefusals('2026-03-02', '2026-03-01', t)).toEqual({ to: 'results.filters.toBeforeFrom' });
    expect(periodRefusals('2026-03-01', '2026-03-01', t)).toEqual({});
  });
});
