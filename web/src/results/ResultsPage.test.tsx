// /resultaten, the triple-aim dashboard: the twelve months up to today unless the address names
// another period; the total's figures as cards written in Dutch (a total too small to report says
// so and shows no number); the trend per month and the figures per specialty as charts hidden from
// screen readers, with the same numbers in tables beside them (a suppressed group in words); every
// figure per chosen group; filters in the address; a CSV link that carries them and an Excel sheet
// made in the browser; a refused question said at its field.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setPlatformAPI } from 'echarts/core';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import writeXlsxFile from 'write-excel-file/universal';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import i18n from '../i18n/i18n';
import { saveBlob } from '../lib/download';
import type { User } from '../session/session';
import type { GroupBy, TripleAimReport } from './api';
import { defaultResultsPeriod } from './filters';
import { figures, kMonths, kSpecialties, report, suppressed } from './resultsFixture';
import ResultsPage from './ResultsPage';

vi.mock('../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/client')>()),
  api: { GET: vi.fn() },
}));
vi.mock('../lib/download', () => ({ saveBlob: vi.fn() }));
vi.mock('write-excel-file/universal', () => ({ default: vi.fn() }));

// jsdom has no canvas, which ECharts measures text with even when it draws SVG: a fixed width per
// character stands in, so the charts are drawn for real.
setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) });

let currentUser: User;
vi.mock('../session/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../session/session')>()),
  useMe: () => ({ user: currentUser, isError: false }),
}));

const kCoordinator: User = {
  id: 19, username: 'coordinator.rijnmond', display_name: 'Ingrid Vos', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 12, organisation_name: 'ROS Rijnmond', organisation_kind: 'region_office', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

const kOrganisations = [
  figures('3', 'Huisartsenpraktijk Kralingen', { consults: 400 }),
  suppressed('4', 'Gezondheidscentrum Zuidplein'),
];

type Answer = { data?: unknown; error?: unknown; response: { ok: boolean; status: number } };
const ok = (data: unknown): Promise<Answer> => Promise.resolve({ data, response: { ok: true, status: 200 } });
const refused = (status: number, code: string, message: string, field?: string): Promise<Answer> =>
  Promise.resolve({ error: { error: { code, message, field } }, response: { ok: false, status } });

let reports: Record<GroupBy, TripleAimReport>;

/** The query of each report asked for, in order. */
function reportQueries() {
  return (vi.mocked(api.GET).mock.calls as unknown as [string, { params: { query: Record<string, unknown> } }][])
    .filter(([path]) => path === '/api/v1/reports/triple-aim')
    .map(([, options]) => options.params.query);
}

function renderPage(address = '/resultaten') {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[address]}>
        <Routes><Route path="/resultaten" element={<ResultsPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The value and the detail under it on the card named `name`. */
function card(name: string): [string | null | undefined, string | null | undefined] {
  const value = screen.getByText(name, { selector: 'dt' }).nextElementSibling!;
  return [value.querySelector('.mk-figure-value')?.textContent, value.querySelector('.mk-figure-detail')?.textContent];
}

/** Each row of the table named `name` as its cells' texts, the row header first. */
function rowsOf(name: string): string[][] {
  const table = screen.getByRole('table', { name });
  return within(table).getAllByRole('row').slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

const plain = (text: string) => text.replace(/\s/g, ' ');

describe('ResultsPage', () => {
  beforeEach(async () => {
    currentUser = kCoordinator;
    reports = {
      month: report('month', kMonths),
      specialty: report('specialty', kSpecialties),
      organisation: report('organisation', kOrganisations),
    };
    vi.mocked(api.GET).mockReset().mockImplementation(((path: string, options?: { params: { query: { group_by: GroupBy } } }) => {
      if (path === '/api/v1/specialties') return ok({ items: [{ code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology' }] });
      return ok(reports[options!.params.query.group_by]);
    }) as never);
    vi.mocked(saveBlob).mockReset();
    vi.mocked(writeXlsxFile).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('asks for the twelve months up to today, per month and per specialty, when the address names nothing', async () => {
    renderPage();
    await screen.findByRole('table', { name: 'Per maand' });
    const { from, to } = defaultResultsPeriod();
    expect(reportQueries()).toEqual([
      { from, to, group_by: 'month' },
      { from, to, group_by: 'specialty' },
    ]);
    expect(screen.getByRole('heading', { level: 2, name: /^Totaal, \d+ \w+ \d{4} tot en met \d+ \w+ \d{4}$/ })).toBeTruthy();
  });

  it("shows the total's headline figures as cards, written in Dutch", async () => {
    renderPage();
    await screen.findByText('Cijfers van ROS Rijnmond (regio).');
    expect(card('Consulten')).toEqual(['1.234', undefined]);
    expect(card('Behandeld in de eerste lijn')).toEqual(['63%', '625 van 1.000 afgesloten consulten']);
    expect(card('Verwijzingen voorkomen')).toEqual(['480', 'van 800 voorgenomen verwijzingen']);
    expect(card('Mediane responstijd (werkuren)')).toEqual(['3,5 uur', '90% binnen 12 uur']);
    expect(card('Binnen afgesproken termijn')).toEqual(['91%', undefined]);
    expect(card('Huisarts heeft ervan geleerd')).toEqual(['70%', undefined]);
    expect(card('Waardering huisarts')).toEqual(['4,3 van 5', undefined]);
    expect(card('Oordeel over de vraag')).toEqual(['3,9 van 5', undefined]);
    expect(card('Patiëntwaardering')).toEqual(['4,5 van 5', '87 antwoorden']);
    expect(card('Deelnemende praktijken')).toEqual(['18 van 24', '75%']);
    expect(card('Vergoedingen').map((text) => text && plain(text))).toEqual(['€ 123.456,50', undefined]);
    expect(card('Vermeden verwijskosten').map((text) => text && plain(text))).toEqual(['€ 48.100,00', undefined]);
    expect(card('Kosten per patiënt').map((text) => text && plain(text))).toEqual(['€ 100,05', undefined]);
  });

  it('says "geen gegevens" to a screen reader where the server has no figure', async () => {
    reports.month = report('month', kMonths, figures(null, 'Totaal', { patient_score_mean: null, survey_answers: 0 }));
    renderPage();
    await screen.findByText('Cijfers van ROS Rijnmond (regio).');
    const score = screen.getByText('Patiëntwaardering', { selector: 'dt' }).nextElementSibling!;
    expect(score.textContent).toBe('–geen gegevens');
    expect(score.querySelector('[aria-hidden="true"]')?.textContent).toBe('–');
  });

  it('shows a total too small to report as such, and no figure', async () => {
    reports.month = report('month', [], suppressed('', 'Totaal'));
    renderPage();
    expect(await screen.findByText('te weinig consulten (< 10)', { selector: 'p *' })).toBeTruthy();
    expect(screen.queryByText('Consulten', { selector: 'dt' })).toBeNull();
  });

  it("lists each month's outcome beside the trend chart, a month too small to report in words", async () => {
    renderPage();
    await screen.findByRole('table', { name: 'Per maand' });
    const header = within(screen.getByRole('table', { name: 'Per maand' })).getAllByRole('columnheader').map((th) => th.textContent);
    expect(header).toEqual(['Maand', 'Consulten', 'Afgesloten', 'In de eerste lijn', 'Verwezen', 'Elders verwezen', 'Behandeld in de eerste lijn']);
    expect(rowsOf('Per maand')).toEqual([
      ['januari 2026', '120', '100', '60', '30', '10', '60%'],
      ['februari 2026', 'te weinig consulten (< 10)'],
      ['maart 2026', '90', '80', '56', '20', '4', '70%'],
    ]);
  });

  it('lists consults and the share in primary care per specialty beside its chart', async () => {
    renderPage();
    await screen.findByRole('table', { name: 'Per specialisme' });
    expect(rowsOf('Per specialisme')).toEqual([
      ['Dermatologie', '700', '80%480 van 600 afgesloten consulten'],
      ['Cardiologie', '300', '50%125 van 250 afgesloten consulten'],
      ['Keel-, neus- en oorheelkunde', 'te weinig consulten (< 10)'],
    ]);
  });

  it('draws the charts as SVG hidden from screen readers, which read the tables instead', async () => {
    renderPage();
    await screen.findByRole('table', { name: 'Per specialisme' });
    for (const name of ['trend', 'specialty']) {
      const chart = await waitFor(() => {
        const found = document.querySelector(`[data-chart="${name}"]`);
        expect(found?.querySelector('svg')).toBeTruthy();
        return found!;
      });
      expect(chart.getAttribute('aria-hidden')).toBe('true');
    }
  });

  it('shows every figure per organisation with the total last, as the address asks', async () => {
    renderPage('/resultaten?from=2026-01-01&to=2026-03-15&group=organisation');
    const table = await screen.findByRole('table', { name: 'Alle cijfers per organisatie' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Organisatie', 'Consulten', 'Behandeld in de eerste lijn', 'Verwijzingen voorkomen', 'Mediane responstijd (werkuren)',
      'Binnen afgesproken termijn', 'Huisarts heeft ervan geleerd', 'Waardering huisarts', 'Oordeel over de vraag',
      'Patiëntwaardering', 'Deelnemende praktijken', 'Vergoedingen', 'Vermeden verwijskosten', 'Kosten per patiënt',
    ]);
    const rows = rowsOf('Alle cijfers per organisatie');
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['Huisartsenpraktijk Kralingen', '400'],
      ['Gezondheidscentrum Zuidplein', 'te weinig consulten (< 10)'],
      ['Totaal', '1.234'],
    ]);
    expect(reportQueries()).toContainEqual({ from: '2026-01-01', to: '2026-03-15', group_by: 'organisation' });
  });

  it('links the CSV download to the server with the same filters', async () => {
    renderPage('/resultaten?from=2026-01-01&to=2026-03-15&specialty=dermatologie&mode=digital&group=specialty');
    const link = await screen.findByRole('link', { name: 'CSV downloaden' });
    expect(link.getAttribute('href')).toBe(
      '/api/v1/reports/triple-aim?from=2026-01-01&to=2026-03-15&group_by=specialty&specialty=dermatologie&mode=digital&format=csv');
    expect(link.getAttribute('download')).toBe('resultaten-2026-01-01-2026-03-15.csv');
  });

  it('asks again with the chosen specialty, mode and grouping', async () => {
    renderPage('/resultaten?from=2026-01-01&to=2026-03-15');
    await screen.findByRole('table', { name: 'Per maand' });
    const form = screen.getByRole('search', { name: 'Periode en filters' });
    const specialty = within(form).getByLabelText('Specialisme') as HTMLSelectElement;
    expect([...specialty.options].map((o) => o.textContent)).toEqual([
      'Alle specialismen', 'Cardiologie', 'Dermatologie', 'Keel-, neus- en oorheelkunde',
    ]);
    fireEvent.change(specialty, { target: { value: 'cardiologie' } });
    fireEvent.change(within(form).getByLabelText('Vorm'), { target: { value: 'physical' } });
    fireEvent.change(within(form).getByLabelText('Groeperen per'), { target: { value: 'organisation' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tonen' }));
    await screen.findByRole('table', { name: 'Alle cijfers per organisatie' });
    const chosen = { from: '2026-01-01', to: '2026-03-15', specialty: 'cardiologie', mode: 'physical' };
    expect(reportQueries().slice(-4)).toEqual([
      { ...chosen, group_by: 'organisation' }, { ...chosen, group_by: 'month' }, { ...chosen, group_by: 'specialty' },
      { from: '2026-01-01', to: '2026-03-15', mode: 'physical', group_by: 'specialty' },
    ]);
    // The other specialties are still there to choose from.
    expect(specialty.options).toHaveLength(4);
  });

  it('refuses a last day before the first at its field, asking nothing', async () => {
    renderPage('/resultaten?from=2026-01-01&to=2026-03-15');
    await screen.findByRole('table', { name: 'Per maand' });
    const form = screen.getByRole('search', { name: 'Periode en filters' });
    const asked = reportQueries().length;
    fireEvent.change(within(form).getByLabelText('Tot en met'), { target: { value: '2025-12-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tonen' }));
    expect(within(form).getByText('De laatste dag ligt vóór de eerste.')).toBeTruthy();
    expect(reportQueries()).toHaveLength(asked);
  });

  it("puts the server's refusal at the field it names, and shows no figures", async () => {
    vi.mocked(api.GET).mockImplementation(((path: string) => (path === '/api/v1/specialties'
      ? ok({ items: [] })
      : refused(422, 'invalid_argument', 'Kies een periode van hoogstens twee jaar.', 'to'))) as never);
    renderPage('/resultaten?from=2020-01-01&to=2026-03-15');
    const form = screen.getByRole('search', { name: 'Periode en filters' });
    expect(await within(form).findByText('Kies een periode van hoogstens twee jaar.')).toBeTruthy();
    expect(within(form).getByLabelText('Tot en met').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByText('Kies een periode van hoogstens twee jaar.', { selector: '.mk-action-error' })).toBeNull();
  });

  it('shows another failure next to the button', async () => {
    vi.mocked(api.GET).mockImplementation(((path: string) => (path === '/api/v1/specialties'
      ? refused(403, 'forbidden', 'Geen toegang.')
      : refused(503, 'unavailable', 'De database is even niet bereikbaar.'))) as never);
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toBe('De database is even niet bereikbaar.');
  });

  it('makes the Excel sheet of the figures on screen in the browser', async () => {
    const blob = new Blob(['xlsx']);
    vi.mocked(writeXlsxFile).mockReturnValue({ toBlob: () => Promise.resolve(blob) } as never);
    renderPage('/resultaten?from=2026-01-01&to=2026-03-15&group=organisation');
    fireEvent.click(await screen.findByRole('button', { name: 'Excel downloaden (XLSX)' }));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledWith(blob, 'resultaten-2025-04-01-2026-03-15-organisatie.xlsx'));
    const [rows, options] = vi.mocked(writeXlsxFile).mock.calls[0] as unknown as [unknown[][], { sheet: string }];
    expect(rows.map((row) => row[0])).toEqual([
      { value: 'Organisatie', fontWeight: 'bold' }, 'Totaal', 'Huisartsenpraktijk Kralingen', 'Gezondheidscentrum Zuidplein',
    ]);
    expect(options.sheet).toBe('Resultaten');
  });

  it('is not offered to someone without an organisation, and asks the server nothing', () => {
    currentUser = { ...kCoordinator, memberships: [] };
    renderPage();
    expect(screen.getByText('De resultaten zijn er voor wie bij een organisatie hoort.')).toBeTruthy();
    expect(api.GET).not.toHaveBeenCalled();
  });
});
