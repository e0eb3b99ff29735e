// The Excel sheet holds the figures as numbers with a format (percentages, euros), under the
// figures' Dutch names: a heading row, the total, then the groups in the report's order; a group
// too small to report holds its name and why, never a number.
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { withGroupNames } from './groupNames';
import { kMonths, report } from './resultsFixture';
import { xlsxFileName, xlsxRows } from './xlsx';

describe('xlsxRows', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('nl');
  });

  const rows = () => xlsxRows(withGroupNames(report('month', kMonths), 'nl', undefined), i18n.t);
  const values = (row: unknown[]) => row.map((cell) => (cell && typeof cell === 'object' ? (cell as { value: unknown }).value : cell));

  it('heads the columns with the group kind and every figure, in Dutch and bold', () => {
    const [heading] = rows();
    expect(values(heading!)).toEqual([
      'Maand', 'Consulten', 'Afgesloten', 'In de eerste lijn', 'Verwezen', 'Elders verwezen', 'Verwijzing voorgenomen',
      'Verwijzingen voorkomen', 'Behandeld in de eerste lijn', 'Mediane responstijd (werkuren)', 'Responstijd p90 (werkuren)',
      'Binnen afgesproken termijn', 'Huisarts heeft ervan geleerd', 'Waardering huisarts', 'Oordeel over de vraag',
      'Patiëntwaardering', 'Antwoorden patiëntenenquête', 'Fysiek gezien', 'Fysiek niet verschenen', 'Praktijken die consulteerden',
      'Praktijken in bereik', 'Deelnemende praktijken (%)', 'Vergoedingen', 'Vermeden verwijskosten', 'Kosten per patiënt',
    ]);
    expect(heading!.every((cell) => (cell as { fontWeight?: string }).fontWeight === 'bold')).toBe(true);
  });

  it('puts the total first, then each group, with numbers as numbers', () => {
    const [, total, january] = rows();
    expect(values(total!)).toEqual([
      'Totaal', 1234, 1000, 625, 300, 75, 800, 480, 0.625, 3.46, 12, 0.912, 0.7, 4.26, 3.9, 4.5, 87, 40, 3, 18, 24, 0.75,
      123456.5, 48100, 100.05,
    ]);
    expect(values(january!).slice(0, 6)).toEqual(['januari 2026', 120, 100, 60, 30, 10]);
  });

  it('formats shares as percentages and amounts as euros', () => {
    const [, total] = rows();
    expect(total![8]).toEqual({ value: 0.625, type: Number, format: '0%' });
    expect(total![23]).toEqual({ value: 48100, type: Number, format: '[$€-413] #,##0.00' });
  });

  it('says a group is too small instead of giving numbers', () => {
    expect(rows()[3]).toEqual(['februari 2026', 'te weinig consulten (< 10)']);
  });

  it('leaves a figure the server has none of empty', () => {
    const sheet = xlsxRows(report('month', [{ ...kMonths[0]!, rating_mean: null }]), i18n.t);
    expect(sheet[2]![13]).toBeNull();
  });

  it('names the file after the period and the grouping', () => {
    expect(xlsxFileName(report('month', kMonths), i18n.t)).toBe('resultaten-2025-04-01-2026-03-15-maand.xlsx');
  });
});
