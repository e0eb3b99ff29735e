// The trend stacks how the closed consults of each month ended and draws the share treated in
// primary care on a second axis in percent; the specialty chart draws share and consults side by
// side. A month or specialty too small to report stays empty, never zero.
import { describe, expect, it } from 'vitest';
import { specialtyChartHeight, specialtyOption, trendOption, type ChartLabels } from './charts';
import { kMonths, kSpecialties } from './resultsFixture';

const kLabels: ChartLabels = {
  primaryCare: 'In de eerste lijn', referred: 'Verwezen', referredElsewhere: 'Elders verwezen',
  primaryCareShare: 'Behandeld in de eerste lijn', consults: 'Consulten',
};

type Series = { name: string; type: string; stack?: string; yAxisIndex?: number; xAxisIndex?: number; data: unknown[] };

describe('trendOption', () => {
  const option = trendOption(kMonths, kLabels, (month) => `maand ${month.key}`);
  const series = option.series as Series[];

  it('has a bar per outcome, stacked, and the share as a line on the second axis', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['maand 2026-01', 'maand 2026-02', 'maand 2026-03']);
    expect(series.map((s) => [s.name, s.type, s.stack ?? null, s.yAxisIndex ?? 0])).toEqual([
      ['In de eerste lijn', 'bar', 'outcome', 0],
      ['Verwezen', 'bar', 'outcome', 0],
      ['Elders verwezen', 'bar', 'outcome', 0],
      ['Behandeld in de eerste lijn', 'line', null, 1],
    ]);
    expect((option.yAxis as { min?: number; max?: number }[])[1]).toMatchObject({ min: 0, max: 100 });
  });

  it('plots the numbers of each month, leaving the suppressed month empty', () => {
    expect(series.map((s) => s.data)).toEqual([[60, null, 56], [30, null, 20], [10, null, 4], [60, null, 70]]);
  });

  it('draws without animation, so a screenshot shows the whole chart', () => {
    expect(option.animation).toBe(false);
  });
});

describe('specialtyOption', () => {
  it('draws share (in %) and consults per specialty, the first at the top', () => {
    const option = specialtyOption(kSpecialties, kLabels);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['Dermatologie', 'Cardiologie', 'Keel-, neus- en oorheelkunde'] });
    expect((option.series as Series[]).map((s) => [s.name, s.xAxisIndex, s.data])).toEqual([
      ['Behandeld in de eerste lijn', 0, [80, 50, null]],
      ['Consulten', 1, [700, 300, null]],
    ]);
  });

  it('grows with the number of specialties', () => {
    expect(specialtyChartHeight(1)).toBe(240);
    expect(specialtyChartHeight(10)).toBe(536);
  });
});
