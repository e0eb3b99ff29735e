// The groups are named in the UI language: a month in words rather than its key, a specialty by
// the directory's name (the server's Dutch one when the directory does not know it), an
// organisation as the server names it.
import { describe, expect, it } from 'vitest';
import type { Specialty } from '../consults/api';
import { formatMonth } from './format';
import { withGroupNames } from './groupNames';
import { figures, kMonths, kSpecialties, report } from './resultsFixture';

const kDirectory = [{ code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology' }] as Specialty[];
const names = (r: ReturnType<typeof report>) => r.groups.map((g) => g.label);

describe('withGroupNames', () => {
  it('names a month in words', () => {
    expect(names(withGroupNames(report('month', kMonths), 'nl', undefined))).toEqual(['januari 2026', 'februari 2026', 'maart 2026']);
    expect(names(withGroupNames(report('month', kMonths), 'en', undefined))).toEqual(['January 2026', 'February 2026', 'March 2026']);
  });

  it("names a specialty as the directory does in the UI language, else as the server did", () => {
    expect(names(withGroupNames(report('specialty', kSpecialties), 'en', kDirectory)))
      .toEqual(['Dermatology', 'Cardiologie', 'Keel-, neus- en oorheelkunde']);
  });

  it('keeps the name of an organisation and of the total', () => {
    const named = withGroupNames(report('organisation', [figures('3', 'Huisartsenpraktijk Kralingen')]), 'en', kDirectory);
    expect(names(named)).toEqual(['Huisartsenpraktijk Kralingen']);
    expect(named.total.label).toBe('Totaal');
  });
});

describe('formatMonth', () => {
  it('writes a month key long or short, and leaves other text alone', () => {
    expect(formatMonth('2026-03', 'nl', 'short')).toBe('mrt 2026');
    expect(formatMonth('2026-03', 'nl')).toBe('maart 2026');
    expect(formatMonth('dermatologie', 'nl')).toBe('dermatologie');
  });
});
