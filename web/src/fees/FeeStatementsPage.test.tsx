// /declaraties: for coordinators and administrators only; last month's statements unless the
// address names another month, one row per organisation with its AGB code, kind, lines, total in
// euros and status (who approved it and when); choosing a month asks for that one. The export for
// an insurer offers the region's insurers and downloads the chosen month's CSV or Vektis EI.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import i18n from '../i18n/i18n';
import { formatDateTime } from '../lib/due';
import { saveBlob } from '../lib/download';
import { useOrganisations } from '../region/api';
import { formatEuros } from '../region/format';
import { kOrganisations } from '../region/regionFixture';
import { kMeKey, type User } from '../session/session';
import { fetchInsurerExport, useFeeStatements } from './api';
import { kApprovedSummary, kMonth, kOpenSummary } from './feeFixture';
import FeeStatementsPage from './FeeStatementsPage';
import { lastMonth } from './month';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useFeeStatements: vi.fn(),
  fetchInsurerExport: vi.fn(),
}));
vi.mock('../region/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../region/api')>()),
  useOrganisations: vi.fn(),
}));
vi.mock('../lib/download', () => ({ saveBlob: vi.fn() }));

const kCoordinator: User = {
  id: 16, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};
const kGp: User = { ...kCoordinator, id: 1, username: 'huisarts.devries', roles: ['gp'] };

function Address() {
  const location = useLocation();
  return <output aria-label="adres">{location.pathname + location.search}</output>;
}

function renderPage(user: User, address = '/declaraties') {
  const client = new QueryClient();
  client.setQueryData(kMeKey, user);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[address]}>
        <Routes><Route path="/declaraties" element={<><FeeStatementsPage /><Address /></>} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const cells = (row: HTMLElement) => [...row.children].map((cell) => cell.textContent);

describe('FeeStatementsPage', () => {
  beforeEach(async () => {
    vi.mocked(useFeeStatements).mockReset().mockImplementation((month) =>
      ({ data: { month, statements: [kOpenSummary, kApprovedSummary] }, isSuccess: true, isPending: false, error: null }) as never);
    vi.mocked(useOrganisations).mockReturnValue({ data: { items: kOrganisations }, isSuccess: true, error: null } as never);
    vi.mocked(fetchInsurerExport).mockReset().mockResolvedValue(new Blob(['regel']));
    vi.mocked(saveBlob).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('is for coordinators and administrators only, and asks the server nothing for others', () => {
    renderPage(kGp);
    expect(screen.getByRole('heading', { level: 1, name: 'Declaraties' })).toBeTruthy();
    expect(screen.getByText('Dit scherm is voor coördinatoren en beheerders.')).toBeTruthy();
    expect(useFeeStatements).not.toHaveBeenCalled();
  });

  it("shows last month's statements by default, one row per organisation", () => {
    renderPage(kCoordinator);
    expect(useFeeStatements).toHaveBeenCalledWith(lastMonth());
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => cells(row).slice(0, 5))).toEqual([
      ['Huisartsenpraktijk Kralingen', '01012345', 'huisartsenpraktijk', '3', formatEuros(5000, 'nl')],
      ['Gezondheidscentrum Zuidplein', '01012346', 'huisartsenpraktijk', '12', formatEuros(30000, 'nl')],
    ]);
    expect(rows[0]!.lastElementChild?.textContent).toBe('Open');
    const approved = rows[1]!.lastElementChild as HTMLElement;
    expect(within(approved).getByText('Goedgekeurd')).toBeTruthy();
    expect(within(approved).getByText(`door Marieke de Groot op ${formatDateTime('2026-12-02T09:30:00Z', 'nl')}`)).toBeTruthy();
    expect(within(rows[0]!).getByRole('link', { name: 'Huisartsenpraktijk Kralingen' }).getAttribute('href'))
      .toBe(`/declaraties/3/${kMonth}`);
  });

  it('shows the month the address names, and another when chosen', () => {
    renderPage(kCoordinator, '/declaraties?maand=2026-11');
    expect(screen.getByRole('heading', { level: 2, name: 'Declaraties november 2026' })).toBeTruthy();
    const month = screen.getAllByLabelText('Maand')[0] as HTMLSelectElement;
    expect(month.value).toBe('2026-11');
    fireEvent.change(month, { target: { value: '2026-10' } });
    expect(screen.getByRole('status', { name: 'adres' }).textContent).toBe('/declaraties?maand=2026-10');
    expect(useFeeStatements).toHaveBeenLastCalledWith('2026-10');
  });

  it('says so when a month has no statements, and shows a refusal in the server\'s words', () => {
    vi.mocked(useFeeStatements).mockReturnValue({ data: { month: kMonth, statements: [] }, isSuccess: true, isPending: false, error: null } as never);
    renderPage(kCoordinator, '/declaraties?maand=2026-11');
    expect(screen.getByText('Er zijn geen declaraties voor deze maand.')).toBeTruthy();
    cleanup();
    vi.mocked(useFeeStatements).mockReturnValue({
      data: undefined, isSuccess: false, isPending: false, error: new ApiError(403, 'forbidden', 'Dit mag u niet inzien.'),
    } as never);
    renderPage(kCoordinator, '/declaraties?maand=2026-11');
    expect(screen.getByRole('alert').textContent).toBe('Dit mag u niet inzien.');
  });

  it("exports the chosen month's approved lines for an insurer, as CSV and as Vektis EI", async () => {
    renderPage(kCoordinator, '/declaraties?maand=2026-11');
    const section = screen.getByRole('region', { name: 'Export voor verzekeraar' });
    const insurer = within(section).getByLabelText('Verzekeraar') as HTMLSelectElement;
    expect(Array.from(insurer.options).map((o) => o.textContent)).toEqual(['Zilveren Kruis']);
    fireEvent.change(within(section).getByLabelText('Maand'), { target: { value: '2026-10' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Downloaden als CSV' }));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), 'verzekeraar-11-2026-10.csv'));
    expect(fetchInsurerExport).toHaveBeenCalledWith(11, '2026-10', 'csv');
    expect(await within(section).findByText('Gedownload als verzekeraar-11-2026-10.csv.')).toBeTruthy();
    fireEvent.click(within(section).getByRole('button', { name: 'Downloaden als Vektis EI' }));
    await waitFor(() => expect(fetchInsurerExport).toHaveBeenCalledWith(11, '2026-10', 'ei'));
    expect(saveBlob).toHaveBeenLastCalledWith(expect.any(Blob), 'verzekeraar-11-2026-10-ei.txt');
  });

  it('puts a refused export next to its button', async () => {
    vi.mocked(fetchInsurerExport).mockRejectedValue(new ApiError(404, 'not_found', 'Deze verzekeraar bestaat niet.'));
    renderPage(kCoordinator);
    fireEvent.click(screen.getByRole('button', { name: 'Downloaden als Vektis EI' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Deze verzekeraar bestaat niet.');
    expect(saveBlob).not.toHaveBeenCalled();
  });
});
