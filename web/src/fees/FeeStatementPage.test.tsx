// /declaraties/:organisation/:month: the statement's organisation, status, lines and total; every
// line with its side, kind, amount, mode, specialty, day, minutes, AGB codes and insurer, a
// correction marked in words with its reason; its PDF and CSV downloaded under the organisation's
// AGB code and month; "Goedkeuren" only where the server allows it, after a confirmation in a
// dialog, the refusal said there; an organisation outside the caller's reach is "not found".
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import { allowDialogsInJsdom } from '../components/dialogTesting';
import i18n from '../i18n/i18n';
import { saveBlob } from '../lib/download';
import { formatEuros } from '../region/format';
import { kMeKey, type User } from '../session/session';
import { approveFeeStatement, fetchStatementFile, useFeeStatement, type FeeStatement } from './api';
import FeeStatementPage from './FeeStatementPage';
import { kMonth, kOpenStatement } from './feeFixture';

vi.mock('./api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./api')>()),
  useFeeStatement: vi.fn(),
  approveFeeStatement: vi.fn(),
  fetchStatementFile: vi.fn(),
}));
vi.mock('../consults/api', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../consults/api')>()),
  useSpecialties: () => ({ data: { items: [
    { code: 'dermatologie', name: 'Dermatologie', name_en: 'Dermatology' },
    { code: 'cardiologie', name: 'Cardiologie', name_en: 'Cardiology' },
  ] } }),
}));
vi.mock('../lib/download', () => ({ saveBlob: vi.fn() }));

const kCoordinator: User = {
  id: 16, username: 'coordinator.zorggroep', display_name: 'Marieke de Groot', roles: ['coordinator'], pools: [],
  memberships: [{ organisation_id: 1, organisation_name: 'Zorggroep Rijnmond Zuid', organisation_kind: 'care_group', role: 'coordinator' }],
  second_factor: { enrolled: true, this_login: true, required: false },
};

function serve(statement: FeeStatement) {
  vi.mocked(useFeeStatement).mockReturnValue({ data: statement, isPending: false, isError: false, error: null } as never);
}

function renderPage(client = new QueryClient()) {
  client.setQueryData(kMeKey, kCoordinator);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/declaraties/3/${kMonth}`]}>
        <Routes><Route path="/declaraties/:organisation/:month" element={<FeeStatementPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return client;
}

const cells = (row: HTMLElement) => [...row.children].map((cell) => cell.textContent);
const valueOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('FeeStatementPage', () => {
  beforeEach(async () => {
    allowDialogsInJsdom();
    serve(kOpenStatement);
    vi.mocked(approveFeeStatement).mockReset();
    vi.mocked(fetchStatementFile).mockReset().mockResolvedValue(new Blob(['%PDF-']));
    vi.mocked(saveBlob).mockReset();
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('names the organisation and month, its status, lines and total, and leads back to the month', () => {
    renderPage();
    expect(useFeeStatement).toHaveBeenCalledWith(3, kMonth);
    expect(screen.getByRole('heading', { level: 1, name: 'Declaratie Huisartsenpraktijk Kralingen, november 2026' })).toBeTruthy();
    expect(valueOf('AGB-code')).toBe('01012345');
    expect(valueOf('Status')).toBe('Open');
    expect(valueOf('Regels')).toBe('3');
    expect(valueOf('Totaal')).toBe(formatEuros(5000, 'nl'));
    expect(screen.getByRole('link', { name: 'Terug naar de declaraties' }).getAttribute('href')).toBe('/declaraties?maand=2026-11');
  });

  it('lists every line, a correction marked in words with its reason', () => {
    renderPage();
    const rows = within(screen.getByRole('table', { name: 'Regels van Huisartsenpraktijk Kralingen, november 2026' }))
      .getAllByRole('row');
    expect(cells(rows[0]!)).toEqual([
      'Consult', 'Kant', 'Soort', 'Bedrag', 'Vorm', 'Specialisme', 'Afgesloten op', 'Minuten', 'AGB praktijk', 'AGB specialist', 'Verzekeraar',
    ]);
    expect(rows.slice(1).map(cells)).toEqual([
      ['MK-2026-00042', 'Huisarts', 'Vergoeding', formatEuros(2500, 'nl'), 'Digitaal', 'Dermatologie', '3 november 2026', '—', '01012345', '—', 'Zilveren Kruis'],
      ['MK-2026-00042', 'Specialist', 'Vergoeding', formatEuros(4500, 'nl'), 'Digitaal', 'Dermatologie', '3 november 2026', '15', '01012345', '06010101', 'Zilveren Kruis'],
      ['MK-2026-00017', 'Specialist', 'CorrectieReden: Patiënt toch verwezen', formatEuros(-2000, 'nl'), 'Fysiek (meekijkspreekuur)',
        'Cardiologie', '28 oktober 2026', '—', '01012345', '06010101', '—'],
    ]);
    expect(rows[3]!.className).toContain('mk-row--correction');
  });

  it('downloads the statement as PDF and as CSV under its AGB code and month', async () => {
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Downloaden als PDF' }));
    await waitFor(() => expect(saveBlob).toHaveBeenCalledWith(expect.any(Blob), 'declaratie-01012345-2026-11.pdf'));
    expect(fetchStatementFile).toHaveBeenCalledWith(3, kMonth, 'pdf');
    fireEvent.click(screen.getByRole('button', { name: 'Downloaden als CSV' }));
    await waitFor(() => expect(saveBlob).toHaveBeenLastCalledWith(expect.any(Blob), 'declaratie-01012345-2026-11.csv'));
    expect(fetchStatementFile).toHaveBeenLastCalledWith(3, kMonth, 'csv');
  });

  it('offers no approval where the server allows none', () => {
    serve({ ...kOpenStatement, may_approve: false });
    renderPage();
    expect(screen.queryByRole('button', { name: 'Goedkeuren' })).toBeNull();
  });

  it('approves only after the confirmation, then says so', async () => {
    const approved: FeeStatement = {
      ...kOpenStatement, status: 'approved', approved_at: '2026-12-07T10:00:00Z', approved_by: 'Marieke de Groot', may_approve: false,
    };
    vi.mocked(approveFeeStatement).mockResolvedValue(approved);
    const client = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Goedkeuren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Declaratie goedkeuren' });
    expect(within(dialog).getByText(/verandert de specificatie van Huisartsenpraktijk Kralingen niet meer/)).toBeTruthy();
    expect(approveFeeStatement).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Goedkeuren' }));
    expect(await screen.findByText('De declaratie is goedgekeurd.')).toBeTruthy();
    expect(approveFeeStatement).toHaveBeenCalledWith(3, kMonth);
    expect(client.getQueryData(['fee-statements', 'one', 3, kMonth])).toEqual(approved);
  });

  it("says in the dialog why an approval was refused, in the server's words", async () => {
    vi.mocked(approveFeeStatement).mockRejectedValue(new ApiError(409, 'conflict', 'Deze specificatie is al goedgekeurd.'));
    renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Goedkeuren' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Goedkeuren' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Deze specificatie is al goedgekeurd.');
  });

  it('is "not found" for an organisation outside the caller\'s reach', () => {
    vi.mocked(useFeeStatement).mockReturnValue({
      data: undefined, isPending: false, isError: true, error: new ApiError(404, 'not_found', 'Deze organisatie bestaat niet.'),
    } as never);
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Declaratie niet gevonden' })).toBeTruthy();
    expect(screen.getByText('Deze organisatie bestaat niet.')).toBeTruthy();
  });
});
