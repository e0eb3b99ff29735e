// The chart counts the loaded rows per Amsterdam day, every day from the first to the last, and
// names each day's count for those who do not see the bars.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../i18n/i18n';
import { AccessChart, countPerDay } from './AccessChart';
import type { AccessLogRow } from './api';

function row(id: number, at: string): AccessLogRow {
  return {
    id, at, user_id: 3, username: 'huisarts.devries', role: 'gp', organisation_id: 1, on_behalf_of: null,
    action: 'consult.read', consult_id: 9, patient_ref: 'MK-2026-00009', client_address: '192.0.2.1', outcome: 'success', detail: '', api_client: '',
  };
}

const kRows = [
  row(4, '2026-03-04T08:00:00Z'),
  row(3, '2026-03-02T10:00:00Z'),
  row(2, '2026-03-01T23:30:00Z'), // 00:30 on 2 March in Amsterdam
  row(1, '2026-03-01T09:00:00Z'),
];

describe('countPerDay', () => {
  it('counts per Amsterdam day, oldest first, with the empty days between', () => {
    expect(countPerDay(kRows)).toEqual([
      { day: '2026-03-01', count: 1 },
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-03', count: 0 },
      { day: '2026-03-04', count: 1 },
    ]);
  });

  it('keeps the newest days when there are too many', () => {
    expect(countPerDay(kRows, 2).map((d) => d.day)).toEqual(['2026-03-03', '2026-03-04']);
    expect(countPerDay([])).toEqual([]);
  });
});

describe('AccessChart', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('names every day\'s count in its text alternative', () => {
    render(<AccessChart items={kRows} />);
    const chart = screen.getByRole('img');
    expect(chart.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByText('Toegangen per dag in de geladen regels')).toBeTruthy();
    expect(chart.querySelector('title')?.textContent).toBe('1 mrt: 1, 2 mrt: 2, 3 mrt: 0, 4 mrt: 1');
    expect(chart.querySelectorAll('rect')).toHaveLength(4);
  });

  it('draws nothing for a single day, where a bar compares nothing', () => {
    render(<AccessChart items={kRows.slice(0, 1)} />);
    expect(screen.queryByRole('img')).toBeNull();
  });
});
